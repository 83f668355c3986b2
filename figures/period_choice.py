"""Which of the periods a document offers a figure is the figure's own: a small learned chooser.

`figures.context` lists every period a document offers a figure (`DocumentTimes.period_candidates`):
the time expressions of its sentence nearest it, the opening and closing expressions of the three
sentences before, the first period of the document's opening however far back ("In Q4 2016, ..."
leading a report on the quarter), the year after the date of a base figure in its clause ("rose
92.3% to RMB65.2 billion from RMB33.9 billion in 2017"), the headline's period, the publication year and
the year before it as the year the whole document reports on and the publication month as that of
news of an event (both for a figure whose sentence names no period), the last month of a span of
months in its sentence (a level "bringing the total to ..." in the first half), a span of years
to publication cut at the year before ("held five times since 2015", written in 2020), and no
period at all (the publication-date fallback, flagged downstream). Each candidate is described by
features that hold for any document, not the wording of particular ones:

- where it sits: the figure's own date ("9.46 million in 2012"), its clause, its sentence (before
  or after the figure, how many words and figures away), an earlier sentence (how far back, in the
  same paragraph or not, opening or closing it, opening its paragraph, how many content words its
  sentence shares with the figure's, told in the same tense as the figure or not), the headline,
  nothing (whether an earlier sentence of the figure's paragraph names a period);
- what it is: its preposition ("in", "by", "as of", "by the end of", "since", "over the past"),
  its kind (a year, "last year", a month, a quarter, a span), its granularity, whether it lies
  after publication or is the publication day itself, whether it dates a base figure;
- for a year the document may report on: when in the year the document was published, how often
  and how late its dates name that year (datelines left out), how many of its periods run to that
  year's end, whether its headline or opening names it, whether its first period lies in it,
  whether a comparison base names the year before, whether the document names the year before
  and not that year, whether it opens as a report, survey, list or
  results (or, more strictly, as the whole of one edition or year: a census, annual results, a
  competition), how many of its figures' sentences are dated and how many of them within that
  year, how many years it names, whether it says "last year" or "this year"; the report cues and
  where the year is named also crossed with when the document appeared (a list published in
  March is mostly of the year before);
- the document's own reading of the year it reports on (figures.document_year: an edition of a
  report, list or event, the headline's year or "last year", the opening's dates, most dated
  figures, a base the year before, a report released early in the year; how strongly): whether a
  year candidate is that year, crossed with the figure's kind, and for leaving the figure undated,
  how strongly the document reports on its year;
- what the figure is: a change, a percentage, money or a count, in the present tense ("now",
  "has", a present verb after the figure), in the present perfect ("has been allocated": a total
  to date), with a status cue ("will", "target"), the first of its sentence, already dated in
  its own clause; for leaving it undated, whether it is a present-tense level opening a
  paragraph, a threshold or definition, an attribute ("a 300,000-yuan fund"), a duration, a
  hedge, a quotation or a state verb ("boasts"); whether its sentence compares year on year,
  whether its sentence cites a report, names a
  day of the week or names days only, whether the headline tells of an event; flow words
  ("new", "revenue", "a day") and stock words ("in total", "there are") around it, a ratio
  ("each", "on average"), a total "since" an earlier date ("have since returned"), whether it
  opens a paragraph, whether the headline gives its number, whether its clause points back to an
  event or report named before ("at the conference", "on the list"), whether its clause has no verb of its own
  (a list going on: "followed by Shanghai with 26");
- what kind of period fits what kind of figure: the candidate's preposition and granularity
  crossed with the figure's stock words, flow words and present cues (a level "at the end of
  2016", a flow "in 2016", a present level with only an earlier sentence's month on offer);
- how a date reaches it: a "since" date after a superlative ("the lowest since 2019") is a
  comparison's reach, an earlier sentence's date reaching it over another dated sentence;
- for the headline's period and a year the document may report on, how many content words the
  figure's sentence shares with the headline (a figure on the document's own subject);
- whether the hand rules chose it.

A logistic model scores each candidate and the highest wins. Its weights, trained on the
development documents of the meaning corpora by `benchmarks/train_period_model.py` and chosen
by cross-validation grouped by document, are a small JSON file read here in pure Python.
Without that file the hand rules decide alone. Chinese documents have candidates, features and
weights of their own (figures.chinese_context, period_model_zh.json), scored by the same
PeriodChooser.
"""

from __future__ import annotations

import bisect
import json
import math
import operator
import re
from functools import lru_cache
from itertools import repeat
from pathlib import Path
from typing import TYPE_CHECKING

from figures.context import CANDIDATE_SENTENCES_BACK
from figures.document_year import FUTURE_RE, read_reported_year, read_year_evidence

if TYPE_CHECKING:
    from figures.context import DocumentTimes, PeriodCandidate

MODEL_PATH = Path(__file__).with_name("period_model.json")
# Chinese documents have a chooser of their own, over figures.chinese_context's candidates.
CHINESE_MODEL_PATH = Path(__file__).with_name("period_model_zh.json")

# Prepositions, by the role they play for a period.
PREFIX_CLASSES = {
    "": "bare", "in": "in", "during": "during", "for": "during", "over": "during", "throughout": "during",
    "through": "during", "within": "during", "by": "by", "until": "until", "till": "until", "up to": "until",
    "by the end of": "end_of", "at the end of": "end_of", "end of": "end_of", "as of": "as_of", "as at": "as_of",
    "since": "since", "on": "on", "of": "of", "from": "from", "after": "after", "before": "before",
}  # fmt: skip
# Words that place a figure now ("is now home to", "currently", "has 180 makerspaces").
PRESENT_CUE_RE = re.compile(
    r"\b(?i:now|currently|presently|nowadays|these\s+days|at\s+present|present|today|to\s+date|so\s+far)\b"
)
PRESENT_VERB_RE = re.compile(r"\b(?i:is|are|has|have)\b")
# The present perfect ("has been allocated", "have grown"): a total to date rather than the
# period a headline or an earlier sentence names, unless it is a change over that period.
PERFECT_RE = re.compile(
    r"\b(?i:has|have)\s+(?:(?:not|also|already|now|just|so\s+far|recently|since|jointly)\s+)?"
    r"(?:been|[a-z]+ed|seen|grown|risen|taken|given|made|spent|built|paid|held|won|drawn|brought|become|gone|done"
    r"|got|gotten|fallen|shown|sold|set\s+up|hit)\b"
)
PAST_VERB_RE = re.compile(r"\b(?i:was|were|had|reached|rose|grew|increased|fell|dropped|registered|raised|totaled|totalled|amounted)\b")
# The default weight of a feature the model does not know, for map(weights.get, names, ZEROS).
ZEROS = repeat(0.0)
# How many characters before a figure its clause's cue words are read from.
CUE_REACH = 120
EVENT_VERB_RE = re.compile(
    r"\b(?i:founded|established|set\s+up|opened|launched|built|started|inaugurated|created|began|unveiled)\s+\Z"
)
EVENT_VERB_REACH = 30
# A past event a figure's clause tells of ("raised 866 million", "signed contracts", "attracted
# 700 students"): news of it is dated by when it happened, mostly the month it is published in.
EVENT_PAST_RE = re.compile(
    r"\b(?i:raised|signed|attracted|won|completed|received|drew|hosted|closed|secured|awarded|granted|approved|selected"
    r"|honou?red|inaugurated|attended|participated|took\s+part|gathered|announced)\b"
)
# What says an English figure holds at no period, whatever dates stand near it (the labelling
# guide leaves such figures undated): a threshold or definition ("valued at more than $1
# billion", "investment of above 10 million yuan"), a hedge ("likely", "may"), a present-tense
# state verb ("boasts 50,000 firms", "is home to 84%").
THRESHOLD_RE = re.compile(
    r"\b(?i:valued\s+at|worth|above|below|at\s+least|no\s+(?:less|more)\s+than|minimum\s+of|maximum\s+of|threshold\s+of"
    r"|exceeding)\s+(?:(?:more\s+than|over|about|around|nearly|up\s+to)\s+)?(?:US|RMB|HK|NT|CNY|USD)?[$¥€£]?\s*\Z"
)
HEDGE_RE = re.compile(r"\b(?i:may|might|could|can|likely|unlikely|should|must|would\s+be|if)\b")
STATIVE_RE = re.compile(
    r"\b(?i:boasts?|accommodates?|houses|employs?|includes?|owns?|ranks?|accounts?\s+for|contains?|comprises?"
    r"|consists?|remains?|(?:is|are)\s+home\s+to|there\s+(?:is|are))\b"
)
# A figure the text cites from a report, survey or statistics ("according to a survey", "the
# study showed"): dated by the period the report covers, often the document's year.
CITES_RE = re.compile(
    r"\b(?i:according\s+to|survey(?:ed)?|study|showed|shows|revealed|found|statistics|data|report(?:ed|s)?|list|index|ranking)\b"
)
# A day of the week or "yesterday": news of an event told as it happens, dated by when it appears.
NEWS_DAY_RE = re.compile(
    r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|(?i:yesterday|this\s+week|last\s+week|recently|on\s+the\s+day))\b"
)
# A headline telling of an event ("ofo raises 866 mln USD", "3 maker spaces win recognition",
# "Road show competition starts"): the document is news of it, dated by when it appears.
EVENT_HEADLINE_RE = re.compile(
    r"\b(?i:raises?|closes?|wins?|launch(?:es|ed)?|holds?|held|opens?|opened|signs?|signed|starts?|kicks?\s+off|unveils?"
    r"|completes?|secures?|lands?|hosts?|inaugurated|attracts?)\b(?![-\u2010\u2011])"  # not "start-ups"
)
YEAR_ON_YEAR_RE = re.compile(r"\b(?i:year[\s-]+(?:on|over)[\s-]+year|y-?o-?y)\b")
# Which of a document year's details are also read by when in the year the document appeared.
DATED_BY_WHEN = ("title_names", "opening_names", "first_dated", "dates_most_dated", "most_named", "base_year_before")
# Words of a flow over a period ("newly registered", "raised", "revenue", "a day") and of a
# level at an instant ("in total", "home to", "stood at"), read around a figure: a flow takes a
# period the text names, a present level often none.
FLOW_WORD_RE = re.compile(
    r"\b(?i:new|newly|added|additional|created|raised|invested|attracted|generated|recorded|revenues?|sales|output"
    r"|turnover|income|profits?|exports?|imports?|registrations?|throughout|during|daily|annual(?:ly)?"
    r"|(?:a|each|per|every)\s+(?:day|week|month|quarter|year))\b"
)
STOCK_WORD_RE = re.compile(
    r"\b(?i:in\s+total|total(?:ing|ling)?|cumulative(?:ly)?|altogether|existing|in\s+operation|stood\s+at|(?:is|are)\s+home\s+to"
    r"|there\s+(?:is|are|was|were)|population|residents|members|employees|staff|workforce)\b"
)
# A figure per thing or on average ("26.6 patents each", "an average of", "per enterprise"): a
# ratio that holds for the group, mostly told with no date of its own.
PER_UNIT_RE = re.compile(r"\b(?i:each|apiece|per|on\s+average|an?\s+average|averag(?:e|ed|ing))\b")
# "have since returned", "since then": a total from an earlier sentence's date to now.
SINCE_THEN_RE = re.compile(r"\b(?i:since\s+then|(?:has|have|had)\s+since|ever\s+since)\b")
# A "since" date after a superlative ("the lowest since 2019", "the first time since 2015"):
# the date a comparison reaches back to, not the period of the figure.
SUPERLATIVE_RE = re.compile(
    r"\b(?i:lowest|highest|largest|biggest|smallest|fastest|slowest|weakest|strongest|best|worst|first\s+time|record"
    r"|most|least|\w+est\s+(?:level|pace|rate|amount|number|figure))\b[^.;]*\Z"
)
SUPERLATIVE_REACH = 60
# A figure's clause pointing back to an event or a report the text has named ("signed contracts
# at the conference", "included on the list", "said the report", "these deals"): it takes that
# event's or report's period, told before.
REFERS_BACK_RE = re.compile(
    r"\b(?i:the|these|this|those|that)\s+(?:[\w-]+\s+)?(?i:conference|meeting|forum|event|ceremony|expo|exhibition|fair"
    r"|summit|competition|contest|festival|session|list|report|survey|study|index|ranking|census|period|round|deals?)\b"
)
# Words too common to say a sentence and the headline are about the same thing.
COMMON_WORDS = frozenset({
    "about", "above", "after", "also", "among", "being", "been", "before", "between", "both", "china", "chinese",
    "could", "during", "each", "from", "have", "into", "more", "most", "other", "over", "same", "said", "says",
    "some", "such", "than", "that", "their", "them", "then", "there", "these", "they", "this", "those", "through",
    "under", "until", "were", "what", "when", "where", "which", "while", "will", "with", "within", "would", "year",
    "years", "percent", "million", "billion", "total", "number", "according",
})  # fmt: skip
WORD_RE = re.compile(r"[A-Za-z][A-Za-z-]{3,}")
# How many sentences back, within its paragraph, a figure left undated may be told under a
# period (4 cost the chooser: each newest batch left out 0.816 -> 0.806; 8 as the whole paragraph).
PARAGRAPH_REACH = 8


def _bucket(value: int, edges: tuple[int, ...]) -> str:
    """The first edge `value` does not exceed, as text ("<=3"), else ">last"."""
    for edge in edges:
        if value <= edge:
            return f"<={edge}"
    return f">{edges[-1]}"


def figure_features(times: DocumentTimes, figure: int) -> dict[str, bool | str]:
    """What the figure itself is, read once per figure; crossed with where each candidate sits."""
    quantity = times.quantities[figure]
    slot_index = times.slot_of_figure[figure]
    slot = times.slots[slot_index]
    clause_start, clause_end = slot.clause_of(quantity.start)
    text = times.text
    before = text[max(clause_start, quantity.start - CUE_REACH) : quantity.start]
    after = text[quantity.end : min(clause_end, quantity.end + CUE_REACH)]
    clause_words = before + " " + after
    unit_class = quantity.unit_class if quantity.unit_class in ("percent", "currency", "count") else "other"
    lookups = times._lookups(slot_index)
    place = lookups.place[figure]
    return {
        "change": times._is_change(figure),
        "unit": unit_class,
        "present": bool(PRESENT_CUE_RE.search(clause_words)),
        "present_verb": bool(PRESENT_VERB_RE.search(before)),
        # the verb after a figure that is its clause's subject ("19 billion yuan has been allocated")
        "present_after": bool(PRESENT_VERB_RE.search(after)),
        "perfect": bool(PERFECT_RE.search(clause_words)),
        "past_verb": bool(PAST_VERB_RE.search(clause_words)),
        "future": bool(FUTURE_RE.search(clause_words)),
        "first_in_sentence": place == 0,
        "has_own": times._clause_lookups(slot_index, (clause_start, clause_end)).owned_by.get(figure) is not None,
        "sentence_dated": bool(lookups.sentence_periods.items),
        # a sentence dated by days alone ("on May 28", a dateline) names no period of a total
        "sentence_days_only": bool(lookups.sentence_periods.items) and times.names_no_period_but_days(slot_index),
        "in_title_sentence": slot_index == 0,
        # "Shanghai has 37 unicorns, a year-on-year increase of 17": a statistic compared with
        # the year before holds at a period, however present its verb
        "year_on_year": bool(YEAR_ON_YEAR_RE.search(text, slot.start, slot.end)),
        "event_past": bool(EVENT_PAST_RE.search(clause_words)),
        **_undated_traits(times, figure, before, clause_words, slot),
        "flow_word": bool(FLOW_WORD_RE.search(clause_words)),
        "stock_word": bool(STOCK_WORD_RE.search(clause_words)),
        "per_unit": bool(PER_UNIT_RE.search(clause_words)),
        "since_then": bool(SINCE_THEN_RE.search(clause_words)),
        "refers_back": bool(REFERS_BACK_RE.search(text, clause_start, clause_end)),
        # a clause with no verb of its own ("followed by Shanghai with 26", "Xiaomi ($46 billion)"):
        # a list going on from what came before, in its period
        "tenseless": _tense(text, clause_start, clause_end) == "none",
        # a paragraph's first sentence (after the document's first, in_title_sentence) may open a
        # new subject, or restate the headline's
        "opens_paragraph": slot_index > 0 and times.slots[slot_index - 1].paragraph != slot.paragraph,
        # the headline gives the same number: the body restates the headline's figure
        "in_headline": slot_index != 0 and _number_in(quantity.text, times.title),
    }


def _number_in(surface: str, title: str | None) -> bool:
    """Whether the digits of a figure ("1.95 million" -> "1.95") stand in `title` as a number."""
    digits = DIGITS_RE.search(surface)
    if digits is None or not title:
        return False
    return _digits_in(digits.group(), title)


DIGITS_RE = re.compile(r"\d[\d,.]*\d|\d")


def _digits_in(digits: str, title: str) -> bool:
    r"""re.search(rf"(?<![\d.,]){re.escape(digits)}(?![\d]|[.,]\d)", title), without compiling a
    pattern per number (they overflow re's cache of compiled patterns); \d is str.isdecimal."""
    at = title.find(digits)
    while at != -1:
        end = at + len(digits)
        if not (at and (title[at - 1].isdecimal() or title[at - 1] in ".,")) and not (
            end < len(title)
            and (title[end].isdecimal() or (title[end] in ".," and end + 1 < len(title) and title[end + 1].isdecimal()))
        ):
            return True
        at = title.find(digits, at + 1)
    return False


def _undated_traits(times: DocumentTimes, figure: int, before: str, clause_words: str, slot) -> dict[str, bool]:
    """The figure's traits that speak for or against its having a period of its own: a threshold,
    an attribute ("a 300,000-yuan fund"), a duration, a hedge, a quotation, a present-tense state
    verb; a report cited or a day of the week in its sentence."""
    quantity = times.quantities[figure]
    text = times.text
    sentence = text[slot.start : slot.end]
    # a quotation may run over several sentences of its paragraph
    opening = text[text.rfind("\n", 0, quantity.start) + 1 : quantity.start]
    quoted = opening.count("\u201c") > opening.count("\u201d") or opening.count('"') % 2 == 1
    return {
        "threshold": bool(THRESHOLD_RE.search(before)),
        # "a 300,000-yuan fund", "the 7,000-square-meter incubator": the figure describes a thing
        "attribute": bool(re.match(r"-[A-Za-z]", text[quantity.end : quantity.end + 2])) or bool(re.search(r"\d-[A-Za-z]", quantity.text)),
        "duration": quantity.unit_class == "duration",
        "hedge": bool(HEDGE_RE.search(clause_words)),
        "quoted": quoted,
        "stative": bool(STATIVE_RE.search(clause_words)),
        "cites": bool(CITES_RE.search(sentence)),
        "news_day": bool(NEWS_DAY_RE.search(sentence)),
        "event_headline": bool(EVENT_HEADLINE_RE.search(times.title or "")),
    }


@lru_cache(maxsize=1024)  # each candidate of a figure asks of the same clauses
def _tense(text: str, start: int, end: int) -> str:
    """The tense a stretch of text reads in: "past" (was, reached, rose ...), "present" (is, has,
    now ...), "both" or "none"."""
    past = bool(PAST_VERB_RE.search(text, start, end))
    present = bool(PRESENT_VERB_RE.search(text, start, end) or PRESENT_CUE_RE.search(text, start, end))
    return "both" if past and present else "past" if past else "present" if present else "none"


def features_of(times: DocumentTimes, figure: int, candidates: list[PeriodCandidate]) -> list[dict[str, float]]:
    """The features of each candidate: its own, crossed with the figure's, and how it stands
    among the others (how many name the same period, how near it is among those before)."""
    about_figure = figure_features(times, figure)
    # What else is on offer: a headline or an earlier sentence's period weighs differently
    # when the figure's own sentence offers one.
    in_sentence = sum(1 for c in candidates if c.origin == "expression" and c.sentences_back == 0)
    about_figure["offered_in_sentence"] = _bucket(in_sentence, (0, 1))
    about_figure["offered_earlier"] = any(c.origin == "expression" and c.sentences_back > 0 for c in candidates)
    labels = [_label(times, candidate) for candidate in candidates]
    shares = {label: labels.count(label) for label in labels}
    quantity = times.quantities[figure]
    # Nearness among the expressions before the figure: the nearest is 1.
    before = sorted(
        (place for place, c in enumerate(candidates) if c.origin == "expression" and times.expressions[c.expression].end <= quantity.start),
        key=lambda place: (candidates[place].sentences_back, -times.expressions[candidates[place].expression].start),
    )
    rank = {place: order + 1 for order, place in enumerate(before)}
    found = []
    traits = figure_traits(about_figure)
    for place, candidate in enumerate(candidates):
        features = candidate_features(times, figure, candidate, about_figure, traits)
        if candidate.origin == "document" and str(candidate.year) in shares:
            features[f"named_nearby&where={_document_where(times, candidate)}"] = 1.0
        features.update(_reported_year_features(times, candidate, about_figure))
        if labels[place] is not None:
            features[f"same_period_offered={_bucket(shares[labels[place]], (1, 2))}"] = 1.0
        if place in rank:
            features[f"nearest_before={_bucket(rank[place], (1, 2, 3))}"] = 1.0
        found.append(features)
    return found


# The figure's traits crossed with its document-year candidate being the year the document
# reports on.
REPORTED_YEAR_TRAITS = (
    "stock_word", "flow_word", "change", "cites", "tenseless", "threshold", "per_unit", "opens_paragraph",
)  # fmt: skip


def _reported_year_features(
    times: DocumentTimes, candidate: PeriodCandidate, about_figure: dict[str, bool | str]
) -> dict[str, float]:
    """What the document's reading of the year it reports on (figures.document_year) says of a
    candidate: a year candidate that is that year, or another; for leaving the figure undated,
    how strongly a dated document reports on the year it does."""
    if candidate.origin == "document":
        reported = read_reported_year(times)
        names = reported.features_for(candidate.year)
        # a present-tense level ("China now has 131 unicorns") in a list of last year is of that
        # year; in a feature, of none
        if about_figure.get("present") is True or about_figure.get("present_verb") is True:
            names.append(f"{names[0]}&fig.present")
        # what kind of figure the reported year dates: a level or a flow, a change, a figure
        # cited from a report, a list going on, a threshold
        if candidate.year == reported.year:
            names += [f"reported_year=this&fig.{name}" for name in REPORTED_YEAR_TRAITS if about_figure.get(name) is True]
        return dict.fromkeys(names, 1.0)
    if candidate.origin == "none" and times.published is not None:
        # only a document that reports on some year speaks against leaving a figure undated
        reported = read_reported_year(times)
        if reported.year is not None:
            return {f"undated&reported_strength={reported.strength}": 1.0}
    return {}


def _label(times: DocumentTimes, candidate: PeriodCandidate) -> str | None:
    if candidate.origin == "document":
        return None  # no words name it: it does not count as the text offering a period again
    if candidate.origin == "headline":
        return times.headline[0].label
    if candidate.origin == "none":
        return None
    if candidate.origin in ("base_next", "publication", "span_end", "to_last_year", "published_year", "lead"):
        return None  # no words name it as such
    period = times.resolved[candidate.expression].period
    return period.label if period is not None else None


def candidate_features(
    times: DocumentTimes,
    figure: int,
    candidate: PeriodCandidate,
    about_figure: dict[str, bool | str],
    traits: tuple[str, ...] | None = None,
) -> dict[str, float]:
    """The candidate's features, one-hot as "name=value" with 1.0, crossed with the figure's
    (`traits`: as placed_features)."""
    where, details = _placement(times, figure, candidate)
    features = dict.fromkeys(details, 1.0)
    features.update(placed_features(where, details, about_figure, traits))
    # What kind of period fits what kind of figure: a level "at the end of 2016", a flow "in
    # 2016", a total to date "since 2015", a change "over" a span.
    kinds = [name for name in KIND_TRAITS if about_figure.get(name) is True]
    for detail in details:
        if detail.startswith(("prefix=", "granularity=")):
            for name in kinds:
                features[f"{detail}&fig.{name}"] = 1.0
    return features


# The figure's traits crossed with a candidate's preposition and granularity.
KIND_TRAITS = ("flow_word", "stock_word", "present")


def placed_features(
    where: str, details: list[str], about_figure: dict[str, bool | str], traits: tuple[str, ...] | None = None
) -> dict[str, float]:
    """Where a candidate sits (`where`), and its details and the figure's traits each crossed
    with it: what kind of period a figure takes depends on how near the candidate is (a year's
    total two sentences back, a quarter in the sentence). Shared by both languages' candidates.
    `traits`, the figure's traits as figure_traits names them, saves naming them again for each
    of the figure's candidates."""
    features = dict.fromkeys(_crossed(where, tuple(details)), 1.0)
    features.update(dict.fromkeys(_crossed(where, traits if traits is not None else figure_traits(about_figure)), 1.0))
    return features


def figure_traits(about_figure: dict[str, bool | str]) -> tuple[str, ...]:
    """The figure's traits that hold, as feature names ("fig.change", "fig.unit=count")."""
    return tuple(
        f"fig.{name}" if value is True else f"fig.{name}={value}" for name, value in about_figure.items() if value is not False
    )


@lru_cache(maxsize=16384)
def _crossed(where: str, names: tuple[str, ...]) -> tuple[str, ...]:
    """"where=<where>" and each name crossed with it; the same few combinations recur across
    figures and documents, so they are formatted once."""
    return (f"where={where}", *(f"{name}&where={where}" for name in names))


def _placement(times: DocumentTimes, figure: int, candidate: PeriodCandidate) -> tuple[str, list[str]]:
    """Where the candidate sits relative to the figure ("own", "clause", "sentence", "back1",
    "headline", "none"), and what it is."""
    if candidate.origin == "headline":
        period, expression = times.headline
        return "headline", [f"granularity={period.granularity}", f"prefix={_prefix_class(expression.prefix)}", _title_words_detail(times, figure)]
    if candidate.origin == "none":
        return "none", _undated_details(times, figure)
    if candidate.origin == "document":
        details = document_year_details(times)[candidate.year]
        return _document_where(times, candidate), [*details, _title_words_detail(times, figure)]
    if candidate.origin == "publication":
        # what the document says of its publication year, and how precisely it is dated
        details = document_year_details(times).get(times.published.year, [])
        return "publication", [*details, f"precision={times.published.period.granularity}"]
    if candidate.origin == "lead":
        return "lead", _lead_details(times, figure, candidate)
    if candidate.origin in ("span_end", "to_last_year", "published_year"):
        details = list(_expression_details(times, candidate.expression))
        if candidate.origin == "to_last_year":
            details.append(f"published={_published_when(times)}")
        return candidate.origin, details
    if candidate.origin == "base_next":
        details = list(_expression_details(times, candidate.expression))
        slot = times.slots[times.slot_of_figure[figure]]
        clause_start, clause_end = slot.clause_of(times.quantities[figure].start)
        if YEAR_ON_YEAR_RE.search(times.text, clause_start, clause_end):
            details.append("year_on_year")
        return "base_next", details
    index = candidate.expression
    expression = times.expressions[index]
    quantity = times.quantities[figure]
    details = list(_expression_details(times, index))
    slot_index = times.slot_of_expression[index]
    slot = times.slots[slot_index]
    if "event_verb" in details:
        # "Founded in 2015, the firm now has 100,000 members": the year a thing began dates what
        # happened then, seldom a level told in the present tense
        figure_clause = times.slots[times.slot_of_figure[figure]].clause_of(quantity.start)
        details.append(f"event_verb&tense={_tense(times.text, *figure_clause)}")
    if candidate.sentences_back > 0:
        # a paragraph's lead further back weighs as the furthest sentence offered
        where = f"back{min(candidate.sentences_back, CANDIDATE_SENTENCES_BACK)}"
        if slot.paragraph == times.slots[times.slot_of_figure[figure]].paragraph:
            details.append("same_paragraph")
        if slot.expressions and slot.expressions[-1] == index:
            details.append("last_in_sentence")
        if slot.figures:
            details.append("dates_figures")
        # "stood at 5 percent in June": a date a figure of its own sentence holds carries on
        # less than a lead ("In June, ...") does
        if times._owner(index) is not None:
            details.append("owned_there")
        # the paragraph's first sentence: a lead that dates what the paragraph goes on to tell
        if slot_index == 0 or times.slots[slot_index - 1].paragraph != slot.paragraph:
            details.append("opens_its_paragraph")
        # a figure whose sentence goes on with the candidate's subject ("Beijing has 85 unicorns
        # ... Shanghai has 37 unicorn enterprises"): the words it shares with that sentence
        shared = _words(times.text, slot.start, slot.end) & _figure_words(times, figure)
        details.append(f"shared_words={_bucket(len(shared), (0, 2))}")
        # a sentence of its own date between the candidate's and the figure's: the candidate
        # reaches the figure over another period
        if any(
            times.resolved[i].period is not None and times.expressions[i].role != "comparison"
            for between in range(slot_index + 1, times.slot_of_figure[figure])
            for i in times.slots[between].expressions
        ):
            details.append("dated_between")
        # A date carried forward holds for a figure told in the same tense ("It reached ...
        # It rose ..."), less for a present-tense level after a past event ("... in 2009. It has
        # 13 staff.").
        figure_slot = times.slots[times.slot_of_figure[figure]]
        clause_start, clause_end = figure_slot.clause_of(quantity.start)
        details.append(
            f"tense={_tense(times.text, clause_start, clause_end)}>{_tense(times.text, slot.start, slot.end)}"
        )
        return where, details
    owner = times._owner(index)
    owner_start = times.quantities[owner].start if owner is not None else -1
    if owner == figure:
        where = "own"
    else:
        figure_slot = times.slots[times.slot_of_figure[figure]]
        same_clause = figure_slot.clause_of(quantity.start) == figure_slot.clause_of(expression.start)
        where = "clause" if same_clause else "sentence"
        if owner is not None:
            details.append("owned_by_other")
            # "150 million yuan and 250 million yuan in 2017": the date of a figure this one is
            # coordinated with
            if owner_start > quantity.end and same_clause and times._coordinated(quantity, owner_start):
                details.append("owned_by_coordinated")
    after = expression.start >= quantity.end
    details.append("after" if after else "before")
    gap = times.text[quantity.end : expression.start] if after else times.text[expression.end : quantity.start]
    details.append(f"words={_bucket(len(gap.split()), (0, 2, 5, 10, 20))}")
    starts = times._lookups(times.slot_of_figure[figure]).figure_starts
    between = abs(bisect.bisect_left(starts, expression.start) - bisect.bisect_left(starts, quantity.start))
    details.append(f"figures_between={_bucket(between - (1 if after else 0), (0, 1, 3))}")
    return where, details


def _lead_details(times: DocumentTimes, figure: int, candidate: PeriodCandidate) -> list[str]:
    """The document's opening period offered a figure further on: what it is, whether another
    period is told between (a sentence of its own date), whether the figure's sentence shares
    words with the headline and with the opening sentence."""
    index = candidate.expression
    details = list(_expression_details(times, index))
    lead_slot = times.slot_of_expression[index]
    figure_slot = times.slot_of_figure[figure]
    if any(times._offered_in(between) for between in range(lead_slot + 1, figure_slot)):
        details.append("dated_between")
    slot = times.slots[lead_slot]
    shared = _words(times.text, slot.start, slot.end) & _figure_words(times, figure)
    details += [f"lead_shared_words={_bucket(len(shared), (0, 2))}", _title_words_detail(times, figure)]
    return details


def _undated_details(times: DocumentTimes, figure: int) -> list[str]:
    """What speaks for leaving a figure undated: a present-tense level ("The park has 40
    buildings") opening a paragraph, with no period in its sentence, is today's, whatever year
    the paragraph before told of."""
    slot_index = times.slot_of_figure[figure]
    slot = times.slots[slot_index]
    if slot_index == 0 or times.slots[slot_index - 1].paragraph == slot.paragraph:
        # an earlier sentence of the figure's paragraph names a period it may go on under
        for earlier in range(slot_index - 1, max(slot_index - PARAGRAPH_REACH, 0) - 1, -1):
            if times.slots[earlier].paragraph != slot.paragraph:
                break
            if times._offered_ends(earlier):
                return ["paragraph_dated_before"]
        return []
    if times._lookups(slot_index).sentence_periods.items:
        return []
    clause_start, clause_end = slot.clause_of(times.quantities[figure].start)
    if _tense(times.text, clause_start, clause_end) != "present":
        return []
    return ["present_opens_paragraph"]


def _words(text: str, start: int, end: int) -> set[str]:
    """The content words of a stretch of text, lower case, a plural's "s" cut."""
    found = set()
    for match in WORD_RE.finditer(text, start, end):
        word = match.group().lower()
        if word not in COMMON_WORDS:
            found.add(word[:-1] if word.endswith("s") and not word.endswith("ss") else word)
    return found


def _figure_words(times: DocumentTimes, figure: int) -> set[str]:
    """The content words of the figure's sentence."""
    slot = times.slots[times.slot_of_figure[figure]]
    return _words(times.text, slot.start, slot.end)


def _title_words_detail(times: DocumentTimes, figure: int) -> str:
    """How many content words the figure's sentence shares with the headline: a figure on the
    document's own subject takes the period the document reports on."""
    title = times.title or ""
    return f"title_words={_bucket(len(_words(title, 0, len(title)) & _figure_words(times, figure)), (0, 2))}"


def _document_where(times: DocumentTimes, candidate: PeriodCandidate) -> str:
    """A document-year candidate's place, by its offset from the publication year ("document-1")."""
    return f"document{candidate.year - times.published.year}"


def _published_when(times: DocumentTimes) -> str:
    """When in its year the document was published: "q1", "q2", "h2" or "year_only"."""
    month = times.published.month
    return "year_only" if month is None else "q1" if month <= 3 else "q2" if month <= 6 else "h2"


def document_year_details(times: DocumentTimes) -> dict[int, list[str]]:
    """What the document says of each year it may report on (figures.document_year's reading of
    its evidence), as feature names, read once per document: when in the year it was published,
    how often and how late its dates name that year, whether its headline or opening names it,
    whether it opens as a report on a period, whether it says "last year" or "this year"."""
    if times.document_year_details is not None:
        return times.document_year_details
    evidence = read_year_evidence(times)
    when = _published_when(times)
    named = evidence.named
    latest = max(named, default=None)
    most = max(named.values(), default=0)
    opening_names = evidence.title_years | evidence.lead_years
    with_figures, dated = evidence.with_figures, evidence.with_dates
    # A document whose figures are mostly undated and which names few years reports on one period.
    dated_share = f"dated_sentences={_bucket(round(4 * dated / with_figures) if with_figures else 0, (0, 1, 2, 3))}"
    distinct = f"distinct_years={_bucket(len(named), (0, 1, 2, 4))}"
    details = {}
    for year in times.document_years():
        count = named.get(year, 0)
        found = [f"published={when}", f"named={_bucket(count, (0, 1, 3))}", dated_share, distinct, *sorted(evidence.relative)]
        found.append(f"reached={_bucket(evidence.reached.get(year, 0), (0, 2))}")
        if year in opening_names:
            found.append("opening_names")
        if year == evidence.first_dated:
            found.append("first_dated")
        if year - 1 in evidence.base_years:
            found.append("base_year_before")
        # "after a 44% slump in 2022", written in January 2024 of a year it does not name: the
        # document names the year before this one, and not this one, as the past
        if not count and named.get(year - 1, 0):
            found += ["only_year_before_named", f"only_year_before_named&published={when}"]
        # How many of the sentences with figures are dated within the year: a document whose
        # dated figures are a year's dates its undated ones with that year too, more often than not.
        in_year = evidence.ending_in.get(year, 0)
        share = round(4 * in_year / with_figures) if with_figures else 0
        found.append(f"dates_figures_share={_bucket(share, (0, 1, 2, 3))}")
        if dated and in_year * 2 > dated:
            found.append("dates_most_dated")
        if year == latest:
            found.append("latest_named")
        if count and count == most:
            found.append("most_named")
        if year in evidence.title_years:
            found.append("title_names")
        # A report, list or census published early in a year is mostly about the year before, one
        # published late about its own year or the one before: the cue weighs by when it appeared.
        if evidence.report_cue:
            found += ["report_cue", f"report_cue&published={when}"]
        if evidence.whole_period_cue:
            found += ["whole_period_cue", f"whole_period_cue&published={when}"]
        # Where a document names a year weighs by when it appeared, as the cues above.
        found += [f"{name}&published={when}" for name in DATED_BY_WHEN if name in found]
        details[year] = found
    times.document_year_details = details
    return details


def _expression_details(times: DocumentTimes, index: int) -> tuple[str, ...]:
    """What an expression is, whatever figure it is offered to; read once per expression."""
    found = times.expression_details.get(index)
    if found is not None:
        return found
    expression = times.expressions[index]
    period = times.resolved[index].period
    # "ten years ago" is read as "last year" is (a year counted back from publication), "mid-2004"
    # as a month
    kind = {"years_ago": "relative", "mid_year": "month"}.get(expression.kind, expression.kind)
    details = [f"prefix={_prefix_class(expression.prefix)}", f"kind={kind}"]
    if period is None:  # the rules may pick a date that names no period ("year-on-year")
        details.append("unresolved")
    else:
        details += [f"granularity={period.granularity}", f"source={times.resolved[index].source}"]
        if times._after_publication(period):
            details.append("after_publication")
        if times._is_publication_day(period):
            details.append("publication_day")
        if times.published is not None:
            years_before = times.published.year - period.end.year
            details.append(f"years_before={_bucket(years_before, (-1, 0, 1, 3))}")
    if expression.role == "point":
        details.append("point")
    # a month or quarter inside the period the headline names ("June" under "new jobs in H1")
    if period is not None and times.headline is not None:
        headline = times.headline[0]
        if headline.start <= period.start and period.end <= headline.end and period != headline:
            details.append("inside_headline")
    # "opened in 2013", "Founded in 2014 by ...": when something began, which dates that event
    # rather than the levels told of it
    if EVENT_VERB_RE.search(times.text, max(expression.start - EVENT_VERB_REACH, 0), expression.start):
        details.append("event_verb")
    if times._is_base_date(index):
        details.append("base_date")
    if expression.prefix == "since":
        clause_start = times.slots[times.slot_of_expression[index]].clause_of(expression.start)[0]
        if SUPERLATIVE_RE.search(times.text, max(clause_start, expression.start - SUPERLATIVE_REACH), expression.start):
            details.append("superlative_since")
    if times.slots[times.slot_of_expression[index]].leader == index:
        details.append("leader")
    found = times.expression_details[index] = tuple(details)
    return found


def _prefix_class(prefix: str) -> str:
    return PREFIX_CLASSES.get(prefix, "other")


class PeriodChooser:
    """A linear score over candidate features; the highest-scoring candidate wins (the rules'
    choice on a tie, then the earlier candidate)."""

    def __init__(self, weights: dict[str, float], intercept: float = 0.0):
        self.weights = weights
        self.intercept = intercept

    @classmethod
    def from_file(cls, path: Path) -> PeriodChooser:
        model = json.loads(path.read_text(encoding="utf-8"))
        return cls({name: float(weight) for name, weight in model["weights"].items()}, float(model.get("intercept", 0.0)))

    def score(self, features: dict[str, float]) -> float:
        # The same exactly rounded sum as over a generator of weight * value, iterated in C.
        return self.intercept + math.fsum(map(operator.mul, map(self.weights.get, features, ZEROS), features.values()))

    def choose(self, times: DocumentTimes, figure: int, candidates: list[PeriodCandidate]) -> PeriodCandidate:
        scored = [
            (self.score(features), candidate.is_rule_choice, -place)
            for place, (candidate, features) in enumerate(zip(candidates, features_of(times, figure, candidates)))
        ]
        return candidates[-max(scored)[2]]


@lru_cache(maxsize=1)
def default_chooser() -> PeriodChooser | None:
    """The trained chooser shipped with the library, or None when there is none."""
    return PeriodChooser.from_file(MODEL_PATH) if MODEL_PATH.exists() else None


@lru_cache(maxsize=1)
def default_chinese_chooser() -> PeriodChooser | None:
    """The trained chooser for Chinese documents, or None when there is none."""
    return PeriodChooser.from_file(CHINESE_MODEL_PATH) if CHINESE_MODEL_PATH.exists() else None
