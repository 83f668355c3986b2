"""Date mentions in English prose: the dates and periods that `extract` leaves out as quantities.

    >>> [(d.text, d.year, d.month, d.day, d.granularity) for d in extract_dates(
    ...     "On May 7, 2017 the fund closed; sales rose in the first quarter of 2018.")]
    [('May 7, 2017', 2017, 5, 7, 'day'), ('the first quarter of 2018', 2018, None, None, 'quarter')]

Recognised: ISO dates (2018-12-05); day-month-year in either order ("December 5, 2018",
"5 Dec. 2018"); month and day without a year ("May 7"); month and year ("June 2015");
quarters and halves ("the third quarter of 2019", "Q3 2019", "the first half of 2017", "H1
2021"); bare years after a cue word ("in 2017", "since 2014", "by 2020", "2014-2017"). Numeric
dates with slashes are left out: "05/12/2018" is May or December depending on the writer.
"""

import re
from dataclasses import dataclass

from . import lexicon as L
from .patterns import alternation

GRANULARITIES = ("day", "month", "quarter", "half", "year")


@dataclass(frozen=True, slots=True)
class DateMention:
    """One date or period named in a text.

    text, start, end: the mention as written and its span (``text == source[start:end]``).
    year, month, day: what the mention states; None for what it leaves open ("May 7" has no
        year, "2017" no month).
    quarter, half: 1-4 and 1-2 for "the third quarter of 2019", "H1 2021"; else None.
    granularity: the finest part stated, one of GRANULARITIES.
    """

    text: str
    start: int
    end: int
    year: int | None
    month: int | None
    day: int | None
    quarter: int | None
    half: int | None
    granularity: str


# Capitalised month names only: "may" and "march" in lower case are verbs.
_MONTH_NAMES = [m.capitalize() for m in L.MONTHS] + [m.upper() for m in L.MONTHS if len(m) > 3]
_MONTH = rf"(?P<{{name}}>{alternation(_MONTH_NAMES)})\.?(?![A-Za-z])"
_YEAR = r"(?:1[89]\d\d|20\d\d)(?!\d)"
_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\d])"
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3,
             "4th": 4, "last": 4}  # fmt: skip
_ORDINAL = r"(?P<ordinal>first|second|third|fourth|last|1st|2nd|3rd|4th)"
_YEAR_CUE_WORDS = sorted({c for c in L.YEAR_CUES if c.isalpha() and c not in L.MONTHS})

DATE_RE = re.compile(
    rf"""
    (?P<iso>(?P<iso_year>{_YEAR})-(?P<iso_month>0[1-9]|1[0-2])-(?P<iso_day>0[1-9]|[12]\d|3[01]))(?!\d)
    | (?<![\w.])(?P<mdy>{_MONTH.format(name="mdy_month")}\s+(?P<mdy_day>{_DAY})
        (?:,?\s+(?P<mdy_year>{_YEAR}))?)
    | (?<![\w.])(?P<dmy>(?P<dmy_day>{_DAY})\s+(?:of\s+)?{_MONTH.format(name="dmy_month")}
        (?:,?\s+(?P<dmy_year>{_YEAR}))?)
    | (?<![\w.])(?P<my>{_MONTH.format(name="my_month")},?\s+(?P<my_year>{_YEAR}))
    | (?P<period>(?i:the\s+)?(?i:{_ORDINAL})\s+(?P<period_kind>(?i:quarter|half))
        (?:\s+of)?(?:\s+(?:the\s+year\s+)?(?P<period_year>{_YEAR}))?)
    | (?<![\w.])(?P<short_period>(?P<short_kind>[QH])(?P<short_number>[1-4])(?:\s+|['’]?)(?P<short_year>{_YEAR}|\d\d)(?!\d))
    | (?<![\w.])(?P<cue>{alternation(_YEAR_CUE_WORDS, ignore_case=True)})\s+(?:the\s+year\s+)?
        (?P<cue_year>{_YEAR})(?!-\d\d?-\d)(?:\s*[-–]\s*(?P<cue_year2>{_YEAR}|\d\d(?!\d)))?
    """,
    re.VERBOSE,
)


def extract_dates(text: str) -> list[DateMention]:
    """Every date mention in `text`, in order of appearance."""
    mentions: list[DateMention] = []
    for match in DATE_RE.finditer(text):
        mentions.extend(_mentions(match, _kind(match)))
    return mentions


def _kind(match: re.Match) -> str:
    for kind in ("iso", "mdy", "dmy", "my", "period", "short_period"):
        if match.start(kind) >= 0:
            return kind
    return "cue"


def _mentions(match: re.Match, kind: str) -> list[DateMention]:
    group = match.group
    if kind == "iso":
        year, month, day = int(group("iso_year")), int(group("iso_month")), int(group("iso_day"))
        return [_mention(match, kind, year, month, day, None, None, "day")]
    if kind in ("mdy", "dmy"):
        month = L.MONTHS[group(f"{kind}_month").lower()]
        day = int(group(f"{kind}_day").rstrip("stndrh"))
        year = group(f"{kind}_year")
        return [_mention(match, kind, int(year) if year else None, month, day, None, None, "day")]
    if kind == "my":
        month = L.MONTHS[group("my_month").lower()]
        return [_mention(match, kind, int(group("my_year")), month, None, None, None, "month")]
    if kind == "period":
        number = _ORDINALS[group("ordinal").lower()]
        year = int(group("period_year")) if group("period_year") else None
        if group("period_kind").lower() == "half":
            if number > 2:
                return []
            return [_mention(match, kind, year, None, None, None, number, "half")]
        return [_mention(match, kind, year, None, None, number, None, "quarter")]
    if kind == "short_period":
        written = group("short_year")
        year = int(written) if len(written) == 4 else 2000 + int(written)
        number = int(group("short_number"))
        if group("short_kind") == "H":
            if number > 2:
                return []
            return [_mention(match, kind, year, None, None, None, number, "half")]
        return [_mention(match, kind, year, None, None, number, None, "quarter")]
    # "in 2017", "from 2014-2017": one mention per year, without the cue word
    start, end = match.span("cue_year")
    first = DateMention(match.string[start:end], start, end, int(group("cue_year")), None, None,
                        None, None, "year")  # fmt: skip
    second = group("cue_year2")
    if second is None:
        return [first]
    second_year = int(second) if len(second) == 4 else (first.year // 100) * 100 + int(second)
    if second_year <= first.year:
        return [first]
    start, end = match.span("cue_year2")
    return [first, DateMention(second, start, end, second_year, None, None, None, None, "year")]


def _mention(match, kind, year, month, day, quarter, half, granularity) -> DateMention:
    start, end = match.span(kind)
    return DateMention(
        match.string[start:end], start, end, year, month, day, quarter, half, granularity
    )
