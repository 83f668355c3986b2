"""The period and status of every figure of a document, in either language.

    >>> from figures.quantities import extract
    >>> text = "截至2016年底，全国众创空间有4298家。"
    >>> [c.period_label for c in resolve_contexts(text, extract(text), "2017-10-20")]
    ['2016']
    >>> text = "In 2017, there were 5,739 makers' spaces."
    >>> [c.period_label for c in resolve_contexts(text, extract(text), "2018-03-01")]
    ['2017']

A text that reads as Chinese has its time expressions read by figures.chinese_context, any other
by figures.context; each offers candidates that a learned chooser of its language
(figures.period_choice) picks from.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from figures.chinese_context import resolve_chinese_contexts
from figures.context import MentionContext, PeriodChooser, resolve_english_contexts
from figures.period_choice import default_chinese_chooser, default_chooser
from figures.quantities import Quantity
from figures.quantities.chinese import reads_as_chinese
from figures.sentences import Sentence


def resolve_contexts(
    text: str,
    quantities: list[Quantity],
    published_on: dt.date | str | None = None,
    sentences: Sequence[Sentence] | None = None,
    title: str | None = None,
    chooser: PeriodChooser | None | str = "trained",
) -> list[MentionContext]:
    """One MentionContext per quantity, in the same order. `published_on` is a date or an ISO
    string of any precision ("2017", "2017-09", "2017-09-15"); it resolves "last year",
    "at present" and decides whether "by 2020" is still a target. `sentences`, when the
    caller already split `text`, saves splitting it again. `title`, the document's headline,
    dates figures the text leaves undated when it names one period. `chooser` picks each
    figure's period among the candidates the document offers: "trained" is the model shipped
    with the library for the text's language, None the hand rules alone."""
    if not quantities:
        return []
    if reads_as_chinese(text):  # Chinese time expressions have candidates and a chooser of their own
        chinese_chooser = default_chinese_chooser() if chooser == "trained" else None
        return resolve_chinese_contexts(text, quantities, published_on, sentences, chinese_chooser, title)
    english_chooser = default_chooser() if chooser == "trained" else chooser
    return resolve_english_contexts(text, quantities, published_on, sentences, title, english_chooser)
