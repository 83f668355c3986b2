"""Quantity extraction: every money amount, count, percentage, area, length, mass, duration
and multiplier in English and Chinese prose, with exact character offsets and what the text
says about it. Chinese text (by `language`, or text that reads as Chinese) goes to the rules
of `chinese.py` (word lists in `chinese_lexicon.py`), with the same Quantity contract.

    >>> from figures.quantities import extract
    >>> [q.value for q in extract("Over 1,600 incubators raised 53.96 billion yuan.")]
    [1600.0, 53960000000.0]

`extract_dates` finds the dates and periods (years, months, days, quarters, halves) that
`extract` leaves out. Pure Python (standard library, and cn2an for Chinese numerals); see `extract.py` for how a match
becomes a Quantity, `dates.py` for dates and `lexicon.py` for the word lists.
"""

from .dates import GRANULARITIES, DateMention, extract_dates
from .extract import extract
from .model import FIELD_NAMES, QUALIFIERS, STATUS_HINTS, UNIT_CLASSES, Quantity

# Bump when a change can alter what is extracted, so stored mentions can be traced and rebuilt.
EXTRACTOR_VERSION = "1.9.4"

__all__ = [
    "EXTRACTOR_VERSION",
    "FIELD_NAMES",
    "GRANULARITIES",
    "QUALIFIERS",
    "STATUS_HINTS",
    "UNIT_CLASSES",
    "DateMention",
    "Quantity",
    "extract",
    "extract_dates",
]
