"""When each figure refers to and what status it has, read from the words around it.

    >>> from figures.quantities import extract
    >>> text = "In 2017, there were 5,739 makers' spaces, an increase of 33% compared with 2016."
    >>> [(c.period_label, c.comparison_label) for c in resolve_english_contexts(text, extract(text))]
    [('2017', None), ('2017', '2016')]

How a figure of an English text gets its period (`resolve_english_contexts`; `figures.periods.resolve_contexts`
reads either language):
1. One regex pass over the document finds every time expression with the preposition before
   it ("by the end of 2016", "compared with 2016", "in the first half of 2017", "last year",
   "at present"). Expressions overlapping a quantity are dropped: they are figures, not dates.
   The preposition decides the role: a comparison base ("compared with", "than", "from",
   "over", "year-on-year"), a point in time ("by the end of", "as of", "at present"), or the
   period itself. Year-less expressions ("in June", "the first half") take the nearest year
   written around them, else the publication date.
2. Per figure, in this order: a date right after it ("9.46 million in 2012") or elsewhere in
   its own clause; a date after a coordinated figure ("150 million yuan and 250 million yuan
   in 2017"); the sentence's leading expression ("In 2017, ..."); a date in a clause of the
   sentence that holds no figure ("In Paris Air show 2017, ..."); the leading expression of
   one of the two sentences before, in the same paragraph; the period the sentence just before
   left in force (not a deadline, not a future period: period_source "discourse"). Otherwise
   period_source is "none" and the dbt layer falls back to the publication date.
   These rules were written from the development documents and fit their wording; so they
   only propose. `DocumentTimes.period_candidates` lists every period the document offers a
   figure (the nearest expressions of its sentence, the opening and closing ones of the
   sentences before, the year after a base figure's date in its clause, the headline's,
   the year the whole document reports on for a figure
   whose sentence names no period: period_source "document", none at all), and a chooser
   trained on labelled documents
   (figures.period_choice) picks one; the rules decide alone when no trained model ships.
3. Change figures get a comparison base from their clause; "year-on-year" and "the previous
   year" resolve against the figure's own period. A figure right after a year's possessive
   ("from 2011's 37.56 million") holds in that year; one that points back at a figure told
   before ("these 10,552 startups") takes that figure's period (both languages:
   `take_restated_periods`); a restatement in another unit shares its figure's period.
4. Status: the nearest cue in the figure's clause ("is expected to", "will", "aims to",
   "projected", "by 2020" when 2020 is after publication; not a goal that a share is taken
   of: "102.2 percent of the goal set for the year" was achieved, nor one already beaten:
   "beat targets and created 13 million jobs"), else the extractor's
   status_hint (dropped when its only ground is "by <a past year>" or such a goal), else
   "expected" for a period that starts after publication, else "actual". What a government
   body will invest, provide or set up is a target: a decision, not a forecast.

Pure Python; `split_sentences` supplies sentence boundaries.
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import itertools
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Protocol

from figures.measures import BENEFIT_NOUNS, PRIZE_RE, policy_benefit_words
from figures.quantities import Quantity
from figures.sentences import Sentence, split_sentences
from figures.spans import EDGE_WINDOW, SortedSpans, WordIndex, may_end_a_word

GRANULARITIES = ("year", "half", "quarter", "month", "day", "multi_year")
PERIOD_SOURCES = ("text", "relative", "discourse", "headline", "document", "none")
STATUSES = ("actual", "expected", "target", "forecast")


@dataclass(frozen=True, slots=True)
class MentionContext:
    """The period and status of one figure; see the module docstring for how they are read."""

    period_label: str | None = None
    period_granularity: str | None = None
    period_start: dt.date | None = None
    period_end: dt.date | None = None
    period_text: str | None = None
    period_is_point_in_time: bool = False
    period_source: str = "none"
    comparison_label: str | None = None
    comparison_text: str | None = None
    status: str = "actual"
    status_text: str | None = None


@dataclass(frozen=True, slots=True)
class Period:
    """A calendar period with inclusive bounds; `shape` rebuilds it in another year."""

    label: str
    granularity: str
    start: dt.date
    end: dt.date
    shape: tuple = ()


# --- Calendar periods ------------------------------------------------------------------------


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def year_period(year: int) -> Period:
    return Period(str(year), "year", dt.date(year, 1, 1), dt.date(year, 12, 31), ("year",))


def years_period(first: int, last: int) -> Period:
    return Period(
        f"{first}/{last}", "multi_year", dt.date(first, 1, 1), dt.date(last, 12, 31),
        ("years", last - first),
    )  # fmt: skip


def half_period(year: int, half: int) -> Period:
    first_month = 1 if half == 1 else 7
    return Period(
        f"{year}-H{half}", "half", dt.date(year, first_month, 1), _month_end(year, first_month + 5),
        ("half", half),
    )  # fmt: skip


def quarter_period(year: int, first: int, last: int | None = None) -> Period:
    last = last or first
    # A run of quarters that is the year or a half is named as such (as month_period names runs
    # of months), so that it meets the same period written the other way.
    if (first, last) == (1, 4):
        return year_period(year)
    if (first, last) in ((1, 2), (3, 4)):
        return half_period(year, 1 if first == 1 else 2)
    label = f"{year}-Q{first}" if first == last else f"{year}-Q{first}/{year}-Q{last}"
    return Period(
        label, "quarter", dt.date(year, 3 * first - 2, 1), _month_end(year, 3 * last),
        ("quarter", first, last),
    )  # fmt: skip


def month_period(year: int, first: int, last: int | None = None) -> Period:
    last = last or first
    # A run of months that is a half, quarters or the year is named as such ("the first six
    # months" is 2017-H1), so that it meets the same period written the other way.
    if first != last:
        if (first, last) == (1, 12):
            return year_period(year)
        if (first, last) in ((1, 6), (7, 12)):
            return half_period(year, 1 if first == 1 else 2)
        if first % 3 == 1 and last % 3 == 0:
            return quarter_period(year, (first + 2) // 3, last // 3)
    label = f"{year}-{first:02d}" if first == last else f"{year}-{first:02d}/{year}-{last:02d}"
    return Period(
        label, "month", dt.date(year, first, 1), _month_end(year, last), ("month", first, last)
    )


def day_period(year: int, month: int, first: int, last: int | None = None) -> Period:
    start = dt.date(year, month, first)
    end = dt.date(year, month, last or first)
    label = start.isoformat() if start == end else f"{start.isoformat()}/{end.isoformat()}"
    return Period(label, "day", start, end, ("day", month, first, last or first))


def joined_period(first: Period, last: Period) -> Period:
    """From the start of `first` to the end of `last` ("from January 2014 to August 2016")."""
    if first.granularity == last.granularity == "year":
        return years_period(first.start.year, last.end.year)
    granularity = first.granularity if first.granularity == last.granularity else "multi_year"
    return Period(f"{first.label}/{last.label}", granularity, first.start, last.end, ("joined", first, last))


def _past_quarters(published: Publication, count: int) -> Period | None:
    """"The past three quarters", written in December 2021: the three whole quarters before
    the one of publication (2021-Q1/2021-Q3); None without a publication month."""
    if not published.month or not 1 <= count <= 8:
        return None
    last = (published.year * 4 + (published.month - 1) // 3) - 1  # quarters counted from year 0
    first = last - count + 1
    if first // 4 == last // 4:
        return quarter_period(last // 4, first % 4 + 1, last % 4 + 1)
    return joined_period(quarter_period(first // 4, first % 4 + 1), quarter_period(last // 4, last % 4 + 1))


def shifted(period: Period, years: int) -> Period:
    """The same kind of period `years` later (negative: earlier)."""
    year = period.start.year + years
    kind, *parts = period.shape
    if kind == "years":
        return years_period(year, year + parts[0])
    if kind == "joined":
        return joined_period(shifted(parts[0], years), shifted(parts[1], years))
    if kind == "half":
        return half_period(year, *parts)
    if kind == "quarter":
        return quarter_period(year, *parts)
    if kind == "month":
        return month_period(year, *parts)
    if kind == "day":
        month, first, last = parts
        if month == 2 and last == 29 and not calendar.isleap(year):
            return day_period(year, month, min(first, 28), 28)
        return day_period(year, month, first, last)
    return year_period(year)


PUBLISHED_RE = re.compile(r"((?:19|20)\d\d)(?:-(\d\d)(?:-(\d\d))?)?")


@dataclass(frozen=True, slots=True)
class Publication:
    """When the document was published, at the precision it was given."""

    period: Period

    @property
    def year(self) -> int:
        return self.period.start.year

    @property
    def month(self) -> int | None:
        return None if self.period.granularity == "year" else self.period.start.month


def publication(published_on: dt.date | str | None) -> Publication | None:
    """Reads a date, or an ISO string "YYYY", "YYYY-MM" or "YYYY-MM-DD"; None if unreadable."""
    if isinstance(published_on, dt.datetime):
        published_on = published_on.date()
    if isinstance(published_on, dt.date):
        return Publication(day_period(published_on.year, published_on.month, published_on.day))
    if not isinstance(published_on, str):
        return None
    parts = PUBLISHED_RE.fullmatch(published_on.strip())
    if parts is None:
        return None
    year, month, day = (int(p) if p else None for p in parts.groups())
    try:
        if day:
            return Publication(day_period(year, month, day))
        return Publication(month_period(year, month) if month else year_period(year))
    except ValueError:
        return None


# --- Finding time expressions ----------------------------------------------------------------

MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
ORDINALS = {
    "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
    "latter": 2, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}  # fmt: skip
# Relative years, by their offset from the publication year.
RELATIVE_YEARS = {"this": 0, "current": 0, "last": -1, "past": -1, "next": 1, "coming": 1}
# Relative months ("this month", "last month"), by their offset from the publication month.
RELATIVE_MONTHS = RELATIVE_YEARS | {"previous": -1}

# Month names are matched case-sensitively, so that "may" and "march" as words are not months.
MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?(?![A-Za-z])"
)
# A year is 1900-2099 and not part of a larger number, amount or percentage.
YEAR = r"(?:19|20)\d\d(?!\d|[.,]\d|\s*%)"
# "from early 2008 to late 2012": the part of a year a span starts or ends in is still that year
SPAN_PART = r"(?:(?i:early|late|mid)[-\s]+(?=(?:19|20)\d\d))?"
DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d)"
# Which year a year-less half, quarter or month belongs to: "of 2017", "of this year", "of the year".
YEAR_TAIL = rf"(?:,?\s+(?i:of\s+)?(?:{YEAR}|(?i:(?:this|last|next|the|the\s+current|the\s+same|the\s+next|that)\s+year)))"
ORDINAL = r"(?i:first|second|third|fourth|1st|2nd|3rd|4th)"
# A year written before its quarter or half, as reports and tables do: "2017 Q1", "2016Q4", "2019-H1".
YEAR_FIRST = r"(?:19|20)\d\d(?:\s?-?\s?)"
COUNT_WORD = r"(?i:two|three|four|five|six|seven|eight|nine|ten|eleven|[2-9]|1[01])"
# Five-year plans named in words ("the Twelfth Five-Year Plan"), by their number.
PLAN_ORDINALS = {
    "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10,
    "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15,
}  # fmt: skip
PLAN_ORDINAL = rf"(?i:{'|'.join(PLAN_ORDINALS)})"

# Prepositions before an expression, by the role they give it.
POINT_PREFIXES = (
    "by the end of",
    "at the end of",
    "end of",
    "as of",
    "as at",
    "by",
    "until",
    "till",
    "up to",
)
# First words of the prepositions that make an expression a comparison base.
COMPARISON_PREFIXES = ("compared", "than", "versus", "vs", "vs.", "over", "from", "against", "after", "before")
AS_MANY_AS = ("as many as", "as much as", "as high as", "as large as")
SINCE_PREFIX = "since"
PREFIX = (
    r"(?:(?P<prefix>(?i:(?:by|at)\s+the\s+end\s+of|end\s+of|as\s+(?:of|at)|compared\s+(?:with|to)"
    r"|(?:than|from|over|compared\s+(?:with|to))\s+(?:the\s+)?(?:level|figure|total|number|that|end)\s+(?:in|of)"
    r"|than(?:\s+in)?|as\s+(?:many|much|high|large)\s+as(?:\s+in)?|versus|vs\.?|up\s+to|until|till|since|from|in|during"
    r"|for|over|by|throughout|through|within|on|of|against|after|before))\s+"
    # "end-2017", "by end-June", "at year-end 2016": the end of the period, as "the end of" says
    r"|(?P<end_prefix>(?i:(?:(?:by|at|as\s+of)\s+)?(?:the\s+)?(?:end-|year[-\s]end\s+(?:of\s+)?))))"
)

# Every expression starts with one of these characters (a preposition, "the", a month, a
# digit, "Q1", "H1", "first", "year", "fiscal", ...): testing it before anything else lets the
# scan leave most word starts at once. It never changes what is found.
FIRST_CHARACTER = r"(?=(?i:[abcdefilmnopqstuvwy])|[0-9JFMASONDQH])"

# The words an expression itself (after its preposition and "the") may start with: tested
# before the alternatives below, so that "in China" or "of the company" is left at once. It
# never changes what is found.
BODY_FIRST_WORD = (
    r"(?=(?i:(?:first|second|third|fourth|final|latter|twelve|two|three|four|five|six|seven|eight|nine|ten|eleven"
    r"|between|since|so|thus|year|past|last|previous|preceding|prior|a|y|yoy|same|this|next|current|currently|mid|middle"
    rf"|coming|that|period|at|up|until|to|as|fiscal|quarter|half|beginning|start|then|{'|'.join(PLAN_ORDINALS)})\b|fy)|[0-9JFMASONDQHTW\"“])"
)

TIME_EXPRESSION_RE = re.compile(
    rf"""
    (?<![\w$¥€£#/.-])
    {FIRST_CHARACTER}
    (?:{PREFIX})?
    (?P<article>(?i:the)\s+)?
    {BODY_FIRST_WORD}
    (?:
        (?P<day_range>{MONTH}\s+{DAY}\s*(?:[-–]|(?i:to))\s*{DAY},?\s+{YEAR}
            |{DAY}\s*(?:[-–]|(?i:to))\s*{DAY}\s+{MONTH},?\s+{YEAR})
      | (?P<iso_day>{YEAR}-(?:0[1-9]|1[0-2])-(?:[0-2]\d|3[01])(?!\d))
      | (?P<iso_month>{YEAR}-(?:0[1-9]|1[0-2])(?![\d-]))
      | (?P<day>{MONTH}\s+{DAY}(?:,?\s+{YEAR})?|{DAY}\s+(?i:of\s+)?{MONTH}(?:,?\s+{YEAR})?)
      | (?P<month_range>{MONTH}\s*(?:[-–]|(?i:to|through))\s*{MONTH}{YEAR_TAIL}?
            |(?i:between)\s+{MONTH}\s+(?i:and)\s+{MONTH}{YEAR_TAIL}?
            |(?i:first)\s+{COUNT_WORD}\s+(?i:months){YEAR_TAIL}?
            |(?:{COUNT_WORD}|(?i:twelve)|12)\s+(?i:months\s+(?:ended|ending|to|through))\s+{MONTH}(?:\s+{DAY})?(?:,?\s+{YEAR})?)
      | (?P<quarter>{ORDINAL}(?:\s+|-)(?i:quarter){YEAR_TAIL}?|{MONTH}\s+(?i:quarter){YEAR_TAIL}?
            |(?i:final|last)\s+(?i:quarter){YEAR_TAIL}
            |Q[1-4](?:\s*[-–]\s*Q[1-4])?(?:\s*{YEAR}|'?\d\d)?(?!\w)|[1-4]Q(?:\s*{YEAR}|'?\d\d)(?!\w)
            |{YEAR_FIRST}Q[1-4](?!\w)
            |(?i:first)\s+(?:(?i:two|three)|[23])\s+(?i:quarters){YEAR_TAIL}?)
      | (?P<mid_year>(?i:mid)[-\s]?{YEAR}|(?i:middle\s+of)\s+{YEAR})
      | (?P<half>(?i:first|second|latter)(?:\s+|-)(?i:half){YEAR_TAIL}?|(?:H[12]|[12]H)(?:\s*{YEAR}|'?\d\d)?(?!\w)|{YEAR_FIRST}H[12](?!\w))
      | (?P<month>{MONTH}(?:,?\s+{YEAR})?)
      | (?P<ended>(?:(?i:(?:fiscal\s+)?year|quarter)|(?:{COUNT_WORD}|(?i:twelve)|12)-(?i:month)(?:\s+(?i:period))?)\s+(?i:ended|ending)\s+{MONTH}(?:\s+{DAY})?,?\s+{YEAR})
      | (?P<plan>["“]?(?:(?:[3-9]|1\d)(?:rd|th)|{PLAN_ORDINAL})\s+(?i:five)-(?i:year)\s+(?i:plan)["”]?(?:\s+(?i:period))?(?:\s+\((?:19|20)\d\d\s*[-–]\s*(?:19|20)\d\d\))?)
      | (?P<span>(?i:between)\s+{SPAN_PART}{YEAR}\s+(?i:and)\s+{SPAN_PART}{YEAR}
            |{SPAN_PART}{YEAR}\s*(?:[-–—/]|(?i:to|through|until))\s*{SPAN_PART}(?:(?:19|20)\d\d|\d\d)(?![\d%]|[.,]\d))
      | (?P<years_to>{COUNT_WORD}\s+(?i:years\s+(?:to|through|till|until|ending\s+in|ending|ended))\s+{YEAR})
      | (?P<ytd>(?i:so|thus)\s+far\s+(?i:this)\s+year|(?i:year)[-\s]to[-\s](?i:date))
      | (?P<year_start>(?<=[Ss]ince\s[Tt]he\s)(?i:(?:beginning|start)\s+of\s+(?:this|the)\s+year)(?![-\s](?i:end)))
      | (?P<ahead>(?i:(?:next|coming)\s+{COUNT_WORD}\s+years))
      | (?P<past_years>(?i:(?:past|last|previous)\s+(?:{COUNT_WORD}\s+(?:years|quarters)|decade)))
      | (?P<years_ago>(?:{COUNT_WORD}|[1-9]\d)\s+(?i:years\s+ago)|(?i:a\s+decade\s+ago)|(?i:two|three|four|[2-4])\s+(?i:decades\s+ago))
      | (?P<prior>(?i:(?:previous|preceding|prior)\s+year|a\s+year\s+(?:earlier|ago|before)
            |year[-\s]on[-\s]year|y-o-y|yoy
            |same\s+period\s+(?:of\s+|in\s+)?(?:last\s+year|the\s+previous\s+year|a\s+year\s+(?:earlier|ago))))
      | (?P<part_anaphora>(?<=[Tt]he\s)(?i:quarter|half)(?![\w-]|\s+(?:(?i:of|in|from|between|to|ended|ending)\b|(?:19|20)\d\d)))
      | (?P<previous_part>(?i:(?:previous|prior|preceding)\s+(?:quarter|half)))
      | (?P<year_ago_part>(?i:(?:year[-\s]ago|year[-\s]earlier|prior[-\s]year)\s+(?:quarter|half|month|period)))
      | (?P<relative>(?i:this|last|next|current|coming|past)\s+(?i:year)(?:[-\s](?i:end)\b)?)
      | (?P<relative_month>(?i:this|last|next|current|coming|previous|past)\s+(?i:month))
      | (?P<anaphora>(?i:same|that)\s+(?i:year))
      | (?P<period_anaphora>(?i:that|this|same)\s+(?i:period)|(?<=[Tt]he\s)(?i:period)(?!\s+(?:(?i:of|in|from|between|to)\b|(?:19|20)\d\d)))
      | (?P<since_then>(?i:since\s+then))
      | (?P<present>(?i:at\s+present|currently|at\s+the\s+moment|up\s+(?:till|to|until)\s+now
            |until\s+now|to\s+date|so\s+far|thus\s+far|as\s+of\s+(?:now|today)))
      | (?P<by_then>(?<=[Bb]y\s)(?i:then|that\s+time))
      | (?P<weekday>(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)
      | (?P<year>(?i:fiscal\s+|FY\s*)?{YEAR})
    )
    (?![\w-])
    """,
    re.VERBOSE,
)
YEAR_IN_RE = re.compile(r"(?:19|20)\d\d")
YEAR_FIRST_RE = re.compile(rf"{YEAR_FIRST}[QH][1-4]$")
# "since <an event> in 1978": the year of the event is where a span starts, as "since 1978" is.
SINCE_EVENT_RE = re.compile(r"\b(?i:since)\s+(?:[\w'’-]+\s+){1,8}\Z")
SINCE_EVENT_REACH = 100  # characters before the year's "in"
SINCE_PART_RE = re.compile(r"\b(?i:since)\s+(?i:early|late|mid)[\s-]*\Z")
# A date used as an adjective of a base: "about 2.5 times the 2012 number".
BASE_NOUN_RE = re.compile(r"\s+(?i:number|figure|level|total|amount|base)s?\b")
# "compared with that at the end of 2013", "than that of last year": the words before a date
# that make it the base a figure is compared with.
BASE_LEAD_RE = re.compile(
    r"(?i:compared\s+(?:with|to)|than|from|versus|against|times|double|twice|triple|treble)\s+"
    r"(?:that|those|the\s+(?:[\w'’-]+\s+){0,3}?(?:level|figure|total|number|amount|sum|value|volume)s?"
    r"(?:\s+(?:raised|invested|recorded|registered|reported|posted|seen|made))?)\s+$"
)
BASE_LEAD_REACH = 40
# "this November", "this quarter": a part of the publication's year.
THIS_BEFORE_RE = re.compile(r"\b(?i:this)\s+\Z")
PARTS_OF_A_YEAR = ("month", "day", "month_range", "day_range", "quarter", "half")
# "the same quarter of 2017", "the same period in 2019": a part of the year named before, moved
SAME_PART_RE = re.compile(r"\b(?i:same)\s+(?i:(quarter|half|month|period))\s*\Z")
SAME_PERIOD_AGO_RE = re.compile(r"(?i:same\s+period\s+(?:of\s+|in\s+)?(?:last\s+year|the\s+previous\s+year|a\s+year\s+(?:earlier|ago)))$")
WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
SAME_PART_BASE_RE = re.compile(
    r"\b(?i:from|than|over|versus|against|compared\s+(?:with|to))\s+(?i:the\s+)?(?i:same)\s+(?i:quarter|half|month)\s+\Z"
)
SAME_PART_BASE_REACH = 40
SAME_PART_GRANULARITY = {"quarter": "quarter", "half": "half", "month": "month"}
QUARTER_RANGE_RE = re.compile(r"q[1-4]\s*[-–]\s*q([1-4])")
SHORT_YEAR_RE = re.compile(r"(?:[HQ][1-4]|[1-4][HQ])'?(\d\d)$")
MONTHS_ENDED_RE = re.compile(r"(\w+)\s+months\s+(?:ended|ending|to|through)\b")
MONTH_RE = re.compile(MONTH)
ONE_OR_TWO_DIGITS_RE = re.compile(r"(?<!\d)\d{1,2}(?!\d)")
KINDS = ("day_range", "iso_day", "iso_month", "day", "month_range", "quarter", "mid_year", "half", "month", "ended", "plan",
         "span", "years_to", "ytd", "past_years", "years_ago", "prior", "relative", "relative_month", "anaphora", "period_anaphora", "since_then", "present", "year", "year_start", "ahead", "year_ago_part", "part_anaphora", "previous_part", "weekday", "by_then")  # fmt: skip


@dataclass(frozen=True, slots=True)
class TimeExpression:
    """One time expression as found: its span (with preposition), kind and role."""

    start: int
    end: int
    text: str
    kind: str
    prefix: str  # lower-case, spaces normalised; "" when none
    body: str  # the expression without its preposition and article
    names_a_base: bool = False  # "the 2012 number", "2.5 times the 2012 level"
    opens_sentence: bool = False  # an "over ..." expression opening its sentence (_opens_sentence)
    # the year of "the same period in 2010": a base's year, not the one a year-less date lies in
    names_a_same_period: bool = False

    @property
    def role(self) -> str:
        """'comparison', 'point' or 'period'."""
        if self.kind == "prior" or self.names_a_base:
            return "comparison"
        first = self.prefix.split(" ")[0]
        # "from 2015 to 2020" opens a range; "from the end of the 12th Five-Year Plan" is a base;
        # "Over the same period, ..." opening a sentence is a duration, no base
        if first in COMPARISON_PREFIXES and not self.opens_sentence and (self.kind not in RANGE_KINDS or " " in self.prefix):
            return "comparison"
        if self.prefix.startswith(AS_MANY_AS):  # "twice as many as in the fourth quarter of 2018"
            return "comparison"
        if self.prefix in POINT_PREFIXES or self.kind == "present" or (self.kind == "relative" and self.body.lower().endswith("end")):
            return "point"
        return "period"

    @property
    def explicit_year(self) -> int | None:
        found = YEAR_IN_RE.search(self.body)
        if found:
            return int(found.group())
        short = SHORT_YEAR_RE.search(self.body)  # "1H19", "Q4'18"
        return 2000 + int(short.group(1)) if short else None


def find_time_expressions(text: str) -> list[TimeExpression]:
    """Every time expression of `text`, in order, from one regex pass."""
    found = []
    for match in TIME_EXPRESSION_RE.finditer(text):
        kind = match.lastgroup
        if kind in ("prefix", "end_prefix", "article") or kind is None:
            kind = next(k for k in KINDS if match.group(k) is not None)
        prefix = " ".join((match.group("prefix") or "").lower().split())
        body = match.group(kind)
        if kind == "prior" and prefix in ("in", "during", "for") and SAME_PERIOD_AGO_RE.match(body):
            # "the $2bn in 151 deals raised in the same period last year": the date of that base
            # figure, the part of the year named before, a year earlier
            kind = "year_ago_part"
        if kind == "weekday" and prefix not in POINT_PREFIXES:
            continue  # "unveiled on Tuesday" tells when news broke; "as of Friday" dates a level
        if match.group("end_prefix"):
            lead = match.group("end_prefix").lower().split()[0]
            prefix = f"{lead if lead in ('by', 'at') else 'at'} the end of"
        if prefix == "in" and kind == "year" and SINCE_EVENT_RE.search(text, max(match.start() - SINCE_EVENT_REACH, 0), match.start()):
            prefix = SINCE_PREFIX  # "since China began its reform and opening-up in 1978": since 1978
        if not prefix and SINCE_PART_RE.search(text, max(match.start() - 20, 0), match.start()):
            prefix = SINCE_PREFIX  # "since late last year", "since early 2015"
        names_a_base = bool(match.group("article") and BASE_NOUN_RE.match(text, match.end())) or bool(
            BASE_LEAD_RE.search(text, max(match.start() - BASE_LEAD_REACH, 0), match.start())
        )
        # "from the same period in 2012", "compared with the same period of 2015": the year says
        # which period the comparison base is, it is no period of the figure's
        names_a_same_period = False
        if found and prefix in ("in", "of"):
            previous = found[-1]
            if previous.kind == "period_anaphora" and not text[previous.end : match.start()].strip():
                names_a_base = names_a_base or previous.role == "comparison"
                names_a_same_period = kind == "year"
        # "narrowing by 80 percent from the same quarter last year": a base too
        if SAME_PART_BASE_RE.search(text, max(match.start() - SAME_PART_BASE_REACH, 0), match.start()):
            names_a_base = True
        # read only where the role needs it ("Over the same period, ..."): this loop runs on every text
        opens_sentence = prefix.split(" ")[0] == "over" and _opens_sentence(text, match.start())
        found.append(
            TimeExpression(
                match.start(), match.end(), match.group(), kind, prefix, body, names_a_base, opens_sentence,
                names_a_same_period,
            )
        )
    return found


# Words of a plan or a forecast: a sentence holding them may speak of a period still ahead.
PLANS_AHEAD_RE = re.compile(
    r"\b(?i:plans?|planned|aims?|aimed|targets?|goals?|will|shall|strives?|seeks?|expects?|expected|projected|forecast)\b"
)

# What ends the sentence before an expression that opens the next: a full stop and spaces,
# quotes or a line break, looked for this far back.
SENTENCE_END_RE = re.compile(r"(?:[.!?。！？][\"”’')]?\s+|\n\s*)[\"“‘(]?\Z")
SENTENCE_OPENING_REACH = 6


def _opens_sentence(text: str, start: int) -> bool:
    """Nothing but quotes or spaces before `start` since the text's start or the last full stop."""
    window = max(start - SENTENCE_OPENING_REACH, 0)
    return not text[window:start].strip(" \t\"“‘'(") or bool(SENTENCE_END_RE.search(text, window, start))


# --- Reading an expression as a period ---------------------------------------------------------


def _month_number(word: str) -> int:
    return MONTHS[word[:3].lower()]


def _month_words(body: str) -> list[int]:
    return [_month_number(m) for m in MONTH_RE.findall(body)]


def _relative_offset(body: str) -> int | None:
    """Offset from the publication year of "this year", "of last year"; None for none."""
    words = body.lower().replace("year-end", "year end").split()  # "by this year-end"
    for position, word in enumerate(words[:-1]):
        if words[position + 1] == "year" and word in RELATIVE_YEARS:
            return RELATIVE_YEARS[word]
    return None


def _months_up_to(year: int, last: int, count: int) -> Period | None:
    """The `count` months up to month `last` of `year`, from the year before when they start there."""
    if not 1 <= count <= 12:
        return None
    first = last - count + 1
    if first >= 1:
        return month_period(year, first, last)
    return joined_period(month_period(year - 1, first + 12), month_period(year, last))


def _period_in(expression: TimeExpression, year: int) -> Period | None:
    """The period `expression` names, in `year` when it does not give its own."""
    body, kind = expression.body, expression.kind
    lower = body.lower()
    if kind in ("year", "relative", "anaphora", "ytd"):
        return year_period(year)
    if kind == "mid_year":  # "by mid-2004", "the middle of 2003": June
        return month_period(year, 6)
    if kind == "ended":
        # "the year ended December 31, 2019", "the quarter ended June 30, 2018", "the twelve-month
        # period ended September 30, 2020": the twelve, three or so many months up to that month
        last = _month_words(body)[0]
        first_word = lower.split()[0].split("-")[0]
        count = 12 if first_word in ("year", "fiscal") else 3 if first_word == "quarter" else ORDINALS.get(first_word) or int(first_word)
        return _months_up_to(year, last, count)
    if kind == "plan":
        # China's five-year plans run from 1951 + 5n ("the 13th Five-Year Plan": 2016-2020) since
        # the third
        digits = re.search(r"\d+", body)
        number = int(digits.group()) if digits and digits.start() < 3 else PLAN_ORDINALS[body.strip('"“').split()[0].lower()]
        return years_period(1951 + 5 * number, 1955 + 5 * number)
    if kind == "years_to":  # "the five years to 2020": 2016-2020
        word = lower.split()[0]
        count = ORDINALS.get(word) or int(word)
        return years_period(year - count + 1, year) if count > 1 else None
    if kind == "span":
        first, last = (int(y) for y in re.findall(r"\d{2,4}", body)[:2])
        if last < 100:
            last += first // 100 * 100
        return years_period(first, last) if first < last else None
    if kind in ("iso_day", "iso_month"):
        numbers = [int(n) for n in body.split("-")]
        return day_period(*numbers) if kind == "iso_day" else month_period(*numbers)
    if kind in ("day", "day_range"):
        days = [int(d) for d in ONE_OR_TWO_DIGITS_RE.findall(YEAR_IN_RE.sub("", body))]
        return day_period(
            year, _month_words(body)[0], days[0], days[-1] if kind == "day_range" else None
        )
    if kind == "month":
        return month_period(year, _month_words(body)[0])
    if kind == "month_range":
        months = _month_words(body)
        ended = MONTHS_ENDED_RE.match(lower)
        if ended:  # "the three months ended December": the run of months up to that one
            return _months_up_to(year, months[-1], ORDINALS.get(ended.group(1)) or int(ended.group(1)))
        if months:
            if months[0] > months[-1]:  # "from October to April": over the turn of the year, ending in `year`
                return joined_period(month_period(year - 1, months[0]), month_period(year, months[-1]))
            return month_period(year, months[0], months[-1]) if months[0] < months[-1] else None
        return month_period(year, 1, ORDINALS.get(lower.split()[1]) or int(lower.split()[1]))
    if kind == "half":
        if YEAR_FIRST_RE.match(body):  # "2019 H1"
            return half_period(year, int(body[-1]))
        return half_period(
            year, 2 if ("2" in lower[:2] or lower.startswith(("second", "latter"))) else 1
        )
    if kind == "quarter":
        words = lower.replace("-quarter", " quarter").split()  # "fourth-quarter deliveries"
        month = MONTH_RE.match(body)
        if month:  # "the December quarter": the quarter that month ends
            return quarter_period(year, (_month_number(month.group()) + 2) // 3)
        if words[0].startswith("q"):
            # "Q1-Q3 2023": the quarters from the first to the last
            last = QUARTER_RANGE_RE.match(lower)
            first = int(words[0][1])
            return quarter_period(year, first, int(last.group(1)) if last and int(last.group(1)) > first else None)
        if YEAR_FIRST_RE.match(body):  # "2017 Q1"
            return quarter_period(year, int(body[-1]))
        if words[0][0].isdigit():  # "4Q18"
            return quarter_period(year, int(words[0][0]))
        if len(words) > 2 and words[2].startswith("quarters"):
            return quarter_period(year, 1, ORDINALS.get(words[1]) or int(words[1]))
        if words[0] in ("final", "last"):  # "the final quarter of 2019"
            return quarter_period(year, 4)
        return quarter_period(year, ORDINALS[words[0]])
    return None


# --- Status cues -----------------------------------------------------------------------------

# Words in a figure's clause that make it not (yet) actual, by the status they give. The
# nearest cue wins: "is expected to meet the target of 500" is a target.
# "projected to hit", "expected to reach": the verb after a cue belongs to it.
FOLLOWING_VERB = r"(?:\s+to)?(?:\s+(?:reach|hit|exceed|top|be))?"
# Verbs after "due to" that make it a schedule ("is due to open in May"), not a cause.
DUE_VERBS = (
    r"(?:be|open|start|launch|begin|close|complete|finish|reach|take|hold|list|debut|expire|end|rise|fall|grow"
    r"|increase|decrease|arrive|come|go|enter|operate|release|publish|announce|sign|raise|invest)"
)
# The first letters of the cues above, tested before their alternatives: it only saves time.
STATUS_CUE_FIRST_LETTER = r"(?=[abcdefgilprstuvw])"
STATUS_CUE_RE = re.compile(
    rf"(?i:\b{STATUS_CUE_FIRST_LETTER}(?:"
    # "was estimated to have reached 11 billion yuan": an estimate of what already happened
    r"(?P<actual>(?:estimated|expected|projected|believed|thought|said|reported)\s+to\s+have)"
    r"|(?P<forecast>projected|projections?|forecast(?:s|ed)?|predict(?:s|ed)?|predictions?"
    rf"|estimated\s+to|outlook){FOLLOWING_VERB}"
    # "the goal is to increase ...": the goal's, not a forecast's "is to increase"
    r"|(?P<target>(?:targets?|goals?|objectives?|aims?|tasks?)\s+(?:is|are|was|were)\s+to(?:\s+[a-z]+)?"
    r"|targets?|targeted|targeting|aim(?:s|ed|ing)?\s+(?:to|at|for)|goals?|objectives?"
    r"|plan(?:s|ned|ning)?\s+to|striv(?:e|es|ing)\s+to|seek(?:s|ing)?\s+to|intend(?:s|ed)?\s+to"
    rf"|pledged\s+to|vowed\s+to|calls?\s+for|look(?:s|ing)?\s+to(?=\s+(?!the\b)[a-z])"
    # "China is to set up a fund of 40 billion yuan": a decided plan
    r"|(?:is|are)\s+to\s+(?:set\s+up|establish|build|launch|create|invest|spend|allocate|raise|open|provide|issue|introduce)"
    rf"){FOLLOWING_VERB}"
    # "due to open" is scheduled, "due to the incorporation of" a cause; "higher-than-expected" and
    # "would like to" say nothing of the figure's status
    r"|(?P<expected>(?:(?:is|are|was|were)\s+)?(?:expected|likely|set|poised|going|due(?=\s+to\s+" + DUE_VERBS + r"\b))\s+to"
    r"|(?<!than-)(?<!than\s)expected|expects?|anticipated|anticipates?|will|would(?!\s+like\b)|shall|likely|upcoming"
    rf"|(?:is|are)\s+to\s+(?:reach|hit|exceed|top|be|rise|grow|increase)){FOLLOWING_VERB}"
    r"|(?P<weak_expected>to\s+(?:reach|hit|exceed|top))"
    r")\b)"
)

# Growth said over several years: an average rate a year, a multiple ("an average annual growth
# of 18%", "8% each year on average", "500-fold", "doubled"), within this many characters.
MULTI_YEAR_CHANGE_RE = re.compile(
    r"(?i:average\s+annual|annual\s+average|annuali[sz]ed|compound|CAGR|(?:each|every|a|per)\s+year\s+on\s+average"
    r"|on\s+average\s+(?:each|every|a|per)\s+year|per\s+annum|-fold\b|\bfold\b|doubl|tripl|quadrupl)"
)
MULTI_YEAR_CHANGE_REACH = 40

# What a policy grants, told with "will": its standing terms, not a forecast ("A-class projects will
# be awarded 2 million yuan", "will also be provided with free 1,000-square-meter work spaces",
# "disabled people will receive a subsidy equivalent to 60 percent of the fee"). A competition's
# prizes are a coming round's.
POLICY_TERM_WILL_RE = re.compile(
    r"\b(?i:will|shall)\s+(?:(?i:each|also|then|all)\s+)*(?:be\s+(?:given|granted|awarded|rewarded|offered|provided"
    r"|entitled|eligible|subsidi[sz]ed|compensated|reimbursed|refunded|covered|handed\s+over|made\s+available)|receive|enjoy"
    r"|pay|cover)\b"
)
POLICY_TERM_NOUN_RE = re.compile(rf"\b(?i:{BENEFIT_NOUNS}|funding|funds?|support|free|subsid\w*|loans?|rent|interest|money|costs?|fees?)\b")
# A headline's infinitive of what someone is to do ("China to cultivate 3,000 venture enterprises",
# "Govt to add 10m urban jobs", "Taiwan government to foster 30,000 startups"): the plan's figure.
HEADLINE_MAX_CHARS = 150  # a first line longer than this is a paragraph, not a headline
HEADLINE_PLAN_RE = re.compile(
    r"(?<!\bup)(?<!\bdue)(?<!\bfrom)\s+to\s+(?:(?i:set\s+up|add|cultivate|foster|build|establish|create|invest|raise|offer"
    r"|provide|launch|train|attract|open|develop|double|triple|expand|hire|recruit|allocate|earmark|spend|introduce"
    r"|issue|support|nurture|incubate|help|receive|get|plant|host|select|fund))\b"
)
# A government body that will provide, invest or set up something: what it decided, a target
# in the labelling guide's terms ("will offer 1.08 billion yuan worth of loans"), not a forecast.
GOVERNMENT_WILL_RE = re.compile(
    r"\b(?i:government|ministry|bureau|commission|council|administration|authorities|department|committee"
    r"|districts|development\s+zones)\b[^,;:.]{0,40}?\b(?i:will|shall)\s+(?:\w+\s+)?"
    r"(?i:invest|provide|offer|allocate|grant|award|subsidi[sz]e|fund|set\s+up|establish|build|launch|support|spend|earmark"
    r"|develop|cultivate|foster|nurture|contribute|construct)\b"
)
# So is what a place or zone, the subject opening its clause, will build or cultivate ("Xuhui
# District will develop 20 high-quality incubators", "..., China will build 150 bases"); not
# "consumption in the province will contribute", "China Mobile will build", nor a forecaster's words.
PLACE_WILL_RE = re.compile(
    r"(?:^|[,;:]\s+|\b(?i:that)\s+)(?:(?i:the)\s+)?(?:[A-Z][\w'’-]*\s+){0,3}?"
    r"(?i:China|province|municipality|city|district|county|(?:development|high-tech|pilot)\s+zone|new\s+area)"
    r"\s+(?i:will|shall)\s+(?:\w+\s+)?"
    r"(?i:invest|provide|set\s+up|establish|build|launch|develop|cultivate|foster|nurture|construct)\b"
)
# A sentence that gives what will be as a plan's, a guideline's or a government's words ("..., according
# to the guidance", "according to a development timetable", "the guideline also states that ...", "the
# district government said", '"...," said Director of the Municipal Finance Bureau'): its goals.
PLAN_ATTRIBUTION_RE = re.compile(
    r"\b(?i:according\s+to|under)\s+(?:the\s+|a\s+|its\s+)?(?:[\w'’()-]+\s+){0,8}?"
    r"(?i:plans?|guidelines?|guidance|measures|policy|policies|notice|opinions|programme|program|scheme|blueprint"
    r"|timetable|roadmap|management\s+committee|government)\b"
    r"|\b(?i:plan|guidelines?|guidance|measures|notice|blueprint)\s+(?:also\s+)?"
    r"(?i:states?|stipulates?|proposes?|requires?|sets?\s+out|calls?\s+for)\b"
    r"|\b(?i:government|management\s+committee|bureau|ministry|commission|heads?\s+of)\b[^.;]{0,60}?"
    r"\b(?i:said|says|announced|indicated|stated)\b"
    r"|\b(?i:said|says|announced|stated)\s+(?:(?!(?i:at|in|after|during|with|to|on|before|for|from|by)\b)[\w'’-]+\s+){0,6}?"
    r"(?i:government|management\s+committee|bureau|ministry|commission)\b"
)
# ("projects" the verb only: "demonstration projects" names no forecaster)
FORECASTER_RE = re.compile(
    r"\b(?i:IMF|analysts?|economists?|research\s+firm|estimates?|forecasts?|predicts?|projects?(?=\s+(?:that\b|an?\b|\d)))\b"
)

# A goal named as a noun ("the annual target"), and the words that make it what a share is
# taken of ("percent of the annual jobs target").
GOAL_NOUN_RE = re.compile(r"(?i:targets?|goals?|objectives?)")
# A headline that announces goals or targets ("Guizhou releases development goals for 2021",
# "Xuhui targets 20 elite incubators by 2025"): what its text says will happen is the goals'.
GOALS_TITLE_RE = re.compile(rf"\b(?:{GOAL_NOUN_RE.pattern}|(?i:blueprint))\b")
OF_GOAL_RE = re.compile(r"\s+(?i:of)\s+(?:(?i:the|its|their)\s+)?(?:[\w'’-]+\s+){0,3}?(?i:targets?|goals?|objectives?)\b")
SHARE_OF_GOAL_RE = re.compile(r"(?i:percent|per\s+cent|%)\s+of\s+(?:the\s+|its\s+|their\s+)?(?:[\w'’-]+\s+){0,3}\Z")
# A goal already met: "authorities beat targets and created more than 13 million jobs".
GOAL_MET_BEFORE_RE = re.compile(
    r"\b(?i:beat|beaten|beating|met|exceeded|exceeding|surpassed|surpassing|topped|fulfilled|overfulfilled|achieved|outperformed)"
    r"\s+(?:(?i:the|its|their|all|annual|yearly|official)\s+){0,2}\Z"
)

# Where a clause ends inside a sentence: punctuation (not the comma of "5,739"), dashes and
# words that start a new clause with its own subject.
CLAUSE_BREAK_RE = re.compile(
    # The first characters of the alternatives below, tested before them: it only saves time.
    r"(?=[;:()\[\]“”\",\swWbBaAtT])(?:"
    r"[;:()\[\]“”\"]|,(?!\d)|\s[–—-]\s|\b(?i:while|whereas|but|although|though|which|whom|who)\b"
    # "In 2011 the figure was 1.6 percent and in 2010 it was 1.5 percent": "and" opening a
    # date starts a clause of its own
    r"|\b(?i:and)(?=\s+(?i:in|during|for|by|at\s+the\s+end\s+of)\s+(?:19|20)\d\d\b))"
)
# What may come before a sentence's leading time expression ("2. In 2017, ...", "But in 2017").
LEAD_RE = re.compile(
    r"[\W\d]{0,4}(?:(?i:and|but|so|also|meanwhile|however|overall|nationwide),?\s+)?"
)
# How many words a date may lie after a figure and still be that figure's own date
# ("87,000 new enterprises registered in 2017").
OWN_DATE_MAX_GAP_WORDS = 4
# How many sentences back a paragraph's leading "In 2017, ..." still governs.
LEAD_SENTENCES_BACK = 2
# How many sentences back, across paragraphs, the period last in force still governs a figure
# whose sentence gives none (news prose states the period once and reports on under it).
# Measured on the development corpus: one sentence carries best; further back, other topics'
# dates take over (carrying on through sentences that name no date at all was tried too: it
# dated more undated figures wrongly than it dated rightly).
DISCOURSE_SENTENCES_BACK = 1
# How far back "during that period" may look for the period it names.
ANAPHORA_SENTENCES_BACK = 5
# A date in the same sentence as a reporting verb ("said on March 30") dates the report, not
# the figures.
REPORTING_VERB_RE = re.compile(
    r"\b(?i:said|says|announced|told|revealed|released|reported|published|stated|noted|disclosed|press\s+conference|forum|ceremony|meeting|held)\b"
)
REPORTING_VERB_REACH = 30  # characters before the date
# A wire story's dateline: the city in capitals opening the line, the day, the agency, a dash.
DATELINE_BEFORE_RE = re.compile(r"\s*[A-Z][A-Z .'’-]{1,30},\s*")
DATELINE_AFTER_RE = re.compile(r"\s*(?:\([^()\n]{1,40}\)\s*)?(?:--|—|–|-)\s")
COORDINATION_RE = re.compile(r"\band\b|&")
# A present-tense level ("is now home to", "has 180 makerspaces", "the current 52,000 a day").
# The present perfect counts too ("has contributed 13 percent"): tried as a report on the
# headline's period, it dated as many undated claims wrongly as it dated figures rightly.
PRESENT_TENSE_RE = re.compile(r"\b(?i:now|is|are|has|have|current)\b")
# A year right after a name is part of the name ("Innovation Week 2017", "Summer Davos 2016").
EVENT_NAME_RE = re.compile(r"[A-Z][\w'’-]*\s+$")
CHANGE_TO_LEVEL_RE = re.compile(r"\bto\b", re.IGNORECASE)
RANGE_WORDS_RE = re.compile(r"\b(?:to|from|versus|vs)\b", re.IGNORECASE)
PARAGRAPH_BREAK_RE = re.compile(r"\n[^\S\n]*\n")
BY_PREFIXES = ("by", "by the end of", "until", "till")
# What lies between the two ends of "from 1.2 percent to 2.2 percent": "to", maybe a few words.
FROM_TO_GAP_RE = re.compile(r"\s*(?:[\w-]+\s+){0,3}?to\s+(?:\S+\s+){0,2}?", re.IGNORECASE)
RANGE_KINDS = ("span", "years_to", "month_range", "day_range", "past_years", "plan", "ahead")
# Between the two ends of a range of dates: "from January 2014 to August 2016".
DATE_RANGE_JOINER_RE = re.compile(r"\s*(?:to|through|till|until|and|[-–—])\s*", re.IGNORECASE)
JOINED_YEARS_RE = re.compile(r"\s+and\s+")
YEAR_LIST_CONTINUES_RE = re.compile(r"\s*,?\s*(?:and\s+)?(?:19|20)\d\d(?!\d)")
# Expressions that hold a number the extractor reads as a figure ("the first three quarters",
# "the first five months", "ten years ago"); they are dates all the same.
COUNTING_KINDS = ("quarter", "month_range", "past_years", "years_to", "years_ago", "ended", "ahead")
# The words before a figure that a change is measured from ("up 10.9 percent from 24,000",
# "compared with about 3 million").
BASE_FIGURE_OPENING_RE = re.compile(
    r"(?i)\b(?:from|(?<!more\s)(?<!less\s)(?<!fewer\s)(?<!rather\s)(?<!no\s)than|compared\s+(?:with|to)|versus|vs\.?)\s+"
    # "from the previous record of $192 billion", "from negative RMB11.1 billion"
    r"(?:(?:the|a|an)\s+)?(?:(?:previous|prior|last|earlier|former|all-time)\s+)?"
    r"(?:(?:record|high|peak|level|total|figure|low)\s+(?:of\s+)?)?(?:negative\s+)?"
    r"(?:(?:about|around|nearly|almost|over|more\s+than|less\s+than|some|just|only|approximately|roughly)\s+)?\Z"
)


# --- The document's layout -------------------------------------------------------------------


@dataclass(slots=True)
class SentenceSlot:
    """A sentence with what lies in it: figures, time expressions, clause breaks."""

    start: int
    end: int
    paragraph: int
    clause_breaks: list[int]
    figures: list[int]  # indices into the quantities, in text order
    expressions: list[int]  # indices into the time expressions, in text order
    leader: int | None = None  # the expression that opens the sentence ("In 2017, ...")

    def clause_of(self, position: int) -> tuple[int, int]:
        after = bisect.bisect_right(self.clause_breaks, position)
        start = self.clause_breaks[after - 1] if after else self.start
        end = self.clause_breaks[after] if after < len(self.clause_breaks) else self.end
        return start, end


def _sentence_slots(text: str, sentences: Sequence[Sentence] | None) -> list[SentenceSlot]:
    slots: list[SentenceSlot] = []
    paragraph = 0
    previous_end = 0
    for sentence in split_sentences(text) if sentences is None else sentences:
        if slots and PARAGRAPH_BREAK_RE.search(text, previous_end, sentence.start):
            paragraph += 1
        breaks = [m.start() for m in CLAUSE_BREAK_RE.finditer(sentence.text)]
        slots.append(
            SentenceSlot(
                sentence.start,
                sentence.end,
                paragraph,
                [sentence.start + b for b in breaks],
                [],
                [],
            )
        )
        previous_end = sentence.end
    return slots


def _slot_index(starts: list[int], position: int) -> int:
    return max(bisect.bisect_right(starts, position) - 1, 0)


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether [start, end) overlaps one of `spans` (sorted by start)."""
    after = bisect.bisect_left(spans, (end, end))
    return any(span_end > start for _, span_end in spans[max(after - 8, 0) : after])


def _word_count(text: str) -> int:
    return len(text.split())


# --- Lookups built once per sentence and clause ------------------------------------------------
# A table or list can hold thousands of figures and dates in one sentence: each figure's context
# is read from these sorted lookups (a logarithm per question) instead of a pass over the
# sentence, so the work grows with the text, not with the square of the figures per sentence.

# Words whose presence in the gap between two figures decides whether they are coordinated.
COORDINATION_GAP_WORDS = ("and", "&", "to", "from", "versus", "vs")
# How far before a figure the status cue search starts again; cues farther back are taken from
# the clause's single pass. Longer than any cue phrase.
STATUS_CUE_REREAD = 200


@dataclass(slots=True)
class _ClauseLookups:
    """The dates and status cues of one clause, sorted by position."""

    free_periods: SortedSpans  # period expressions that directly follow no figure
    owned_periods: list[int]  # period expressions that directly follow a figure, in text order
    owner_starts: list[int]  # where those figures start
    owner_starts_ascend: bool  # true unless figures overlap
    owned_by: dict[int, int]  # figure -> the first period expression that directly follows it
    edge_positions: list[int]  # places in owned_periods whose owner a gap word ends right at
    comparisons: SortedSpans
    future_deadlines: SortedSpans  # "by 2020" written before 2020: a target
    past_deadline: bool  # "by 2016" written after 2016
    cues: list[re.Match]  # STATUS_CUE_RE over the whole clause
    cue_ends: list[int]
    last_strong_cue: list[int | None]  # per cue: the last one up to it that is not weak_expected


@dataclass(slots=True)
class _SentenceLookups:
    """A sentence's figures and dates, sorted, with its clauses' lookups as they are needed."""

    figure_starts: list[int]  # of slot.figures, ascending
    place: dict[int, int]  # figure -> its place in slot.figures
    figures_by_end: list[tuple[int, int]]  # (end, place), ascending
    expression_starts: list[int]  # of slot.expressions, ascending
    bare_periods: SortedSpans  # period expressions in clauses that hold no figure
    bare_comparisons: SortedSpans  # comparison bases in clauses that hold no figure
    sentence_periods: SortedSpans  # period expressions that resolve, but "since ..."
    sentence_period_labels: dict[str, int]  # their periods' labels, with how many name each
    clauses: dict[tuple[int, int], _ClauseLookups] = field(default_factory=dict)


# --- Resolving expressions to periods --------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Resolved:
    period: Period | None
    source: str  # "text", "relative" or "none"


UNRESOLVED = Resolved(None, "none")
# What a figure's sentence may say was done at an event named before ("signed contracts at the
# conference", "were honored at the ceremony"): done that day. A figure merely said at a meeting
# or a press conference ("At the meeting, he said the city had 300 maker spaces") is no deed of it.
EVENT_NOUNS = (
    r"conference|forum|ceremony|summit|fair|expo|exhibition|competition|contest|symposium|festival|convention"
    r"|roadshow|event"
)
EVENT_AT_RE = re.compile(rf"\b(?:at|during)\s+the\s+(?:[\w-]+\s+){{0,2}}?(?P<event>{EVENT_NOUNS})\b", re.IGNORECASE)
# "the event" refers back to an event of any name ("a launch ceremony was held on April 28").
ANY_EVENT_RE = re.compile(rf"\b(?:{EVENT_NOUNS})s?\b", re.IGNORECASE)
EVENT_DEED_RE = re.compile(
    r"\b(?:signed|inked|sealed|honou?red|awarded|attended|launched|unveiled|selected|recogni[sz]ed|presented"
    r"|won|gathered|showcased|exhibited|displayed|released|named|drew|attracted|participated|took\s+part"
    r"|commenced|broke\s+ground|kicked\s+off)\b",
    re.IGNORECASE,
)
# A sentence defining a kind of thing ("A unicorn is a startup valued at over $1 billion", "An
# angel investor refers to ..."): its figures are the definition's, of no period.
DEFINITION_RE = re.compile(
    r"\W*An?\s+(?:(?!that\b|which\b|who\b)[a-z][a-z-]*\s+){1,3}"  # a kind of thing: common nouns, no name or year
    r"(?:is\s+(?:an?|any)|means\s+(?:an?|any)|refers\s+to\s+(?:an?|the|any))\s"
)

# How many period expressions on each side of a figure in its sentence, and how many sentences
# back, are offered to the chooser as the figure's period.
CANDIDATES_PER_SIDE = 3
CANDIDATE_SENTENCES_BACK = 4
# The years a whole document may report on, by their offset from the publication year: a report,
# survey, list or annual result published early in a year is mostly about the year before
# ("China now has 131 unicorns", said of the 2016 list released in March 2017), a competition
# or a year-end review about its own year. Offered to the chooser, for a figure whose sentence
# names no period, with what the document says of them (figures.period_choice); no hand rule
# picks one.
DOCUMENT_YEAR_OFFSETS = (0, -1)
# The document's opening sentences (its headline line among them) whose first period a figure
# further on, whose own sentence names none, may be told under ("In Q4 2016, ..." leading a
# report on the quarter).
DOCUMENT_LEAD_SENTENCES = 3


@dataclass(frozen=True, slots=True)
class PeriodCandidate:
    """One period a document offers a figure: a time expression (in the figure's sentence or
    `sentences_back` sentences before), the headline's period, a year the whole document may
    report on (`year`), the publication month, a span read at its end or cut at the year before
    publication, or none at all."""

    # "expression", "base_next" (the period after a base figure's), "span_end" (the last month of
    # an expression's span), "to_last_year" (an expression's span cut at the year before
    # publication), "lead" (the first period of the document's opening), "headline", "document",
    # "publication" (the publication month) or "none"
    origin: str
    expression: int | None = None  # index into DocumentTimes.expressions
    sentences_back: int = 0
    rule: str | None = None  # which hand rule chose it ("own_date", "clause", ...), if one did
    year: int | None = None  # the year of a "document" candidate

    @property
    def is_rule_choice(self) -> bool:
        return self.rule is not None


class PeriodChooser(Protocol):
    """Picks a figure's period among its candidates (figures.period_choice)."""

    def choose(self, times: DocumentTimes, figure: int, candidates: list[PeriodCandidate]) -> PeriodCandidate: ...


def _part_before(period: Period) -> Period:
    """The quarter or half just before `period` (one of them), over the turn of the year too."""
    kind, first, *_ = period.shape
    if kind == "quarter":
        return quarter_period(period.start.year, first - 1) if first > 1 else quarter_period(period.start.year - 1, 4)
    return half_period(period.start.year, 1) if first == 2 else half_period(period.start.year - 1, 2)


def _is_part_of_year(period: Period, part: str) -> bool:
    """Whether `period` is a `part` ("quarter", "half", "month"; "period": any of them) of one
    year, as "the same quarter" refers back to."""
    if period.start.year != period.end.year:
        return False
    if part == "period":
        return period.granularity not in ("year", "multi_year", "day")
    return period.granularity == SAME_PART_GRANULARITY[part]


def period_fields(period) -> dict:
    """A MentionContext's period columns for a resolved period."""
    return {
        "period_label": period.label,
        "period_granularity": period.granularity,
        "period_start": period.start,
        "period_end": period.end,
    }


class DocumentTimes:
    """The time expressions of one document, placed in sentences and resolved to periods."""

    def __init__(
        self,
        text: str,
        quantities: list[Quantity],
        published: Publication | None,
        sentences: Sequence[Sentence] | None = None,
        title: str | None = None,
        chooser: PeriodChooser | None = None,
    ):
        self.chooser = chooser
        self.title = title
        self._goals_title = bool(title and GOALS_TITLE_RE.search(title))
        self.headline = _headline_period(title, published) if title else None
        self.text = text
        self.quantities = quantities
        self.published = published
        self.slots = _sentence_slots(text, sentences)
        starts = self.slot_starts = [slot.start for slot in self.slots]
        spans = sorted((q.start, q.end) for q in quantities)
        self.expressions = [
            e
            for e in find_time_expressions(text)
            if (e.kind in COUNTING_KINDS or not _overlaps(spans, e.start, e.end))
            and not self._is_reporting_date(e)
        ]
        self.slot_of_expression = [_slot_index(starts, e.start) for e in self.expressions]
        self.slot_of_figure = [_slot_index(starts, q.start) for q in quantities]
        if self.slots:
            for index, slot_index in enumerate(self.slot_of_expression):
                self.slots[slot_index].expressions.append(index)
            for index in sorted(range(len(quantities)), key=lambda i: quantities[i].start):
                self.slots[self.slot_of_figure[index]].figures.append(index)
            for slot in self.slots:
                slot.leader = self._leader(slot)
        # Built on first use; see "Lookups built once per sentence and clause".
        self._sentence_lookups: dict[int, _SentenceLookups] = {}
        self._years_by_slot: dict[int, SortedSpans] = {}
        self._owners: dict[int, int | None] = {}
        self._by_end: dict[int, list[tuple[int, int]]] = {}
        self._base_dates: dict[int, bool] = {}
        self._discourse_by_slot: dict[int, int | None] = {}
        self._paragraph_lead_by_slot: dict[int, int | None] = {}
        self._lead_in_force_by_slot: dict[int, int | None] = {}
        self._gap_words: tuple[WordIndex, WordIndex, WordIndex] | None = None
        self._present_tense: tuple[list[int], list[int]] | None = None
        self._offered_by_slot: dict[int, set[int]] = {}
        self._offered_ends_by_slot: dict[int, list[int]] = {}
        self._document_lead: tuple[int | None] | None = None
        # What the document says of the years it may report on, read once by the chooser.
        self.document_year_details: dict[int, list[str]] | None = None
        # What the document says of the years it may report on (figures.document_year), and the
        # year it reports on as a whole, each read once.
        self.year_evidence = None
        self.reported_year = None
        # What each expression is, whatever figure it is offered to (figures.period_choice).
        self.expression_details: dict[int, tuple[str, ...]] = {}
        self.resolved: list[Resolved] = []
        # "the same quarter last year", "the year-ago quarter": read from the part named before,
        # they are not themselves what a later one refers back to
        self._year_before_parts: set[int] = set()
        for index in range(len(self.expressions)):
            self.resolved.append(self._resolve(index))
        # "from January 2014 to August 2016": the end expression's index -> the start's.
        self.range_start_of = {
            index + 1: index
            for index in range(len(self.expressions) - 1)
            if (self.expressions[index].prefix in ("from", "between") or self._years_joined(index))
            and self.expressions[index].kind not in RANGE_KINDS
            and DATE_RANGE_JOINER_RE.fullmatch(
                self.text, self.expressions[index].end, self.expressions[index + 1].start
            )
            and self.resolved[index].period is not None
            and self.resolved[index + 1].period is not None
            and self.resolved[index].period.end < self.resolved[index + 1].period.start
        }
        self.range_starts = set(self.range_start_of.values())
        range_end_of = {start: end for end, start in self.range_start_of.items()}
        for slot in self.slots:  # "Between 2014 and 2016, ...": the range leads, read at its end
            slot.leader = range_end_of.get(slot.leader, slot.leader)

    def _years_joined(self, index: int) -> bool:
        """"In 2007 and 2008, roughly 20 workshops were held": two years joined by "and" bound one
        span, unless a list ("in 2015, 2016 and 2017") or "respectively" pairs them with figures."""
        first, second = self.expressions[index], self.expressions[index + 1]
        if first.prefix != "in" or first.kind != "year" or second.kind != "year" or second.prefix:
            return False
        if not JOINED_YEARS_RE.fullmatch(self.text, first.end, second.start):
            return False
        end = self.slots[self.slot_of_expression[index]].end if self.slots else len(self.text)
        return (
            RESPECTIVELY_RE.search(self.text, second.end, end) is None
            and YEAR_LIST_CONTINUES_RE.match(self.text, second.end) is None
        )

    def _is_reporting_date(self, expression: TimeExpression) -> bool:
        """A day right after a reporting verb in its sentence ("the ministry said on March 30",
        "at a press conference on Jan. 22"), or a wire story's dateline ("HEFEI, July 20 (Xinhua)
        --"), dates the report, not the figures."""
        if expression.kind not in ("day", "iso_day") or expression.prefix not in ("on", ""):
            return False
        line_start = self.text.rfind("\n", 0, expression.start) + 1
        if DATELINE_BEFORE_RE.fullmatch(self.text, line_start, expression.start) and DATELINE_AFTER_RE.match(self.text, expression.end):
            return True
        sentence_start = self.slots[_slot_index(self.slot_starts, expression.start)].start if self.slots else 0
        window = self.text[max(expression.start - REPORTING_VERB_REACH, sentence_start) : expression.start]
        return bool(REPORTING_VERB_RE.search(window))

    def _leader(self, slot: SentenceSlot) -> int | None:
        if not slot.expressions:
            return None
        first = slot.expressions[0]
        expression = self.expressions[first]
        opening = LEAD_RE.fullmatch(self.text, slot.start, expression.start)
        return first if opening and expression.role != "comparison" else None

    # Years written near an expression, for the ones that do not give their own.
    def _year_near(self, index: int, same_sentence_after: bool) -> int | None:
        position = self.expressions[index].start
        slot_index = self.slot_of_expression[index]
        years = self._years_in(slot_index)
        # The nearest by start: the last before, else (when allowed) the first after; on a tie
        # the one before, as in text order.
        after = bisect.bisect_right(years.starts, position)
        before = bisect.bisect_left(years.starts, position) - 1
        candidates = [years.items[before]] if before >= 0 else []
        if same_sentence_after and after < len(years.items):
            candidates.append(years.items[after])
        # "in the third quarter as 29 IPOs raised $4.6 billion compared with ... in the same period
        # in 2010": 2010 is the base's year
        candidates = [c for c in candidates if not self.expressions[c].names_a_same_period or c == index + 1]
        if candidates:
            nearest = self.expressions[min(candidates, key=lambda o: abs(self.expressions[o].start - position))]
            if nearest.role == "comparison" and nearest.kind == "year":
                # "at the end of June, up 4.4% from 2021": a year-on-year base lies in the
                # year before the one the year-less date lies in
                return nearest.explicit_year + 1
            return nearest.explicit_year
        paragraph = self.slots[slot_index].paragraph
        for back in range(1, LEAD_SENTENCES_BACK + 1):
            if slot_index - back < 0 or (
                same_sentence_after and self.slots[slot_index - back].paragraph != paragraph
            ):
                break
            for other in reversed(self.slots[slot_index - back].expressions):
                earlier = self.expressions[other]
                if earlier.kind in ("span", "years_to", "past_years", "plan") or earlier.prefix == SINCE_PREFIX:
                    # "From 2013 to 2023, ... As of June 28, ...": a span of years names no one
                    # year a later date lies in
                    continue
                year = earlier.explicit_year
                if year is not None and earlier.kind != "prior":
                    return year
        return None

    def _same_part_of(self, index: int, year: int) -> Period | None:
        """"from 71.1 million in the same quarter of 2017": the quarter (half, month, months) of
        the period named before, in that year; None when the words or the earlier period differ."""
        expression = self.expressions[index]
        same = SAME_PART_RE.search(self.text, max(expression.start - 30, 0), expression.start)
        if same is None or not self.slots:
            return None
        part = same.group(1).lower()
        earlier = self._last_period_before(index)
        if earlier is None or not _is_part_of_year(earlier, part):
            # "Total revenues in the quarter were ..., from ... in the same quarter of 2019": the
            # quarter the document named last, however far back
            earlier = self._part_named_before(index, part)
        if earlier is None:
            return None
        return shifted(earlier, year - earlier.end.year)

    def _part_named_before(self, index: int, part: str) -> Period | None:
        """The nearest period before expression `index` that is a `part` ("quarter", "half",
        "month" or "period": any of them) of one year and dates no comparison base ("up from 18.9
        percent in the second quarter"), else the headline's."""
        for earlier in range(index - 1, -1, -1):
            period = self.resolved[earlier].period
            if (
                period is not None
                and self.expressions[earlier].role != "comparison"
                and _is_part_of_year(period, part)
                and not self._is_base_date(earlier)
                and earlier not in self._year_before_parts
            ):
                return period
        if self.headline is not None and _is_part_of_year(self.headline[0], part):
            return self.headline[0]
        return None

    def _years_in(self, slot_index: int) -> SortedSpans:
        """The sentence's expressions that give their own year (not "the previous year", nor
        "since 2009", where a span or a record starts: "in July-September fell by 3.2%, the worst
        result since 2009" is of the publication's year)."""
        years = self._years_by_slot.get(slot_index)
        if years is None:
            years = self._years_by_slot[slot_index] = SortedSpans()
            for other in self.slots[slot_index].expressions:
                expression = self.expressions[other]
                if (expression.explicit_year is not None and expression.kind != "prior"
                        and expression.prefix != SINCE_PREFIX and not self._is_base_date(other)):
                    years.add(other, expression.start, expression.end)
        return years

    def _plans_ahead(self, slot_index: int) -> bool:
        """Whether a sentence says what is planned or expected ("it also plans to have", "will"),
        so that "the same period" in it may point to a deadline still ahead."""
        slot = self.slots[slot_index]
        return bool(PLANS_AHEAD_RE.search(self.text, slot.start, slot.end))

    def _last_period_before(self, index: int) -> Period | None:
        """The period "that period" refers to: the opening expression ("In the first half of
        2016, ...") of the nearest earlier sentence that has a usable one, else its first."""
        same_sentence = [
            i
            for i in self.slots[self.slot_of_expression[index]].expressions
            if i < index
            and self.expressions[i].role != "comparison"
            and self.expressions[i].kind != "period_anaphora"
            and self.resolved[i].period is not None
        ]
        if same_sentence:  # "In the first half of 2016 ..., and during that period ..."
            return self.resolved[same_sentence[0]].period
        # The words say a period was named: look further back than for an unmarked carry, and
        # through an earlier "during that period" to what it named.
        found = self._nearest_earlier_periods(
            self.slot_of_expression[index], ANAPHORA_SENTENCES_BACK, through_anaphora=True,
            future_too=self._plans_ahead(self.slot_of_expression[index]),
        )
        if found is None:
            return None
        slot, usable = found
        return self.resolved[slot.leader if slot.leader in usable else usable[0]].period

    def _after_publication(self, period: Period) -> bool:
        return bool(self.published and period.start > self.published.period.end)

    def _is_publication_day(self, period: Period) -> bool:
        """The publication day itself, as a dateline gives it ("Jul 03, 2019 02:18 PM"): it
        dates the page, not what the next sentence reports."""
        return bool(self.published and period.granularity == "day" and period.label == self.published.period.label)

    def _before_publication(self, period: Period) -> bool:
        return bool(self.published and period.end < self.published.period.start)

    def _nearest_earlier_periods(
        self, slot_index: int, back_limit: int, through_anaphora: bool = False, future_too: bool = False
    ) -> tuple[SentenceSlot, list[int]] | None:
        """The nearest of the `back_limit` sentences before this one that has a period
        expression (not a comparison base, not "since ...", not itself a reference back), with
        those expressions (resolved before this one: they come earlier in the text). A deadline
        or a period still to come is carried only to a sentence that plans ahead itself
        (`future_too`: "by the end of 2025 ... Over the same period, it also plans ...")."""
        for back in range(1, back_limit + 1):
            if slot_index - back < 0:
                return None
            slot = self.slots[slot_index - back]
            usable = [
                i
                for i in slot.expressions
                if self.expressions[i].role != "comparison"
                and self.expressions[i].prefix != SINCE_PREFIX
                and (through_anaphora or self.expressions[i].kind != "period_anaphora")
                and i < len(self.resolved)
                and self.resolved[i].period is not None
                # "by 2020" is a deadline, unless the publication shows it is past
                and (future_too or self.expressions[i].prefix not in BY_PREFIXES or self._before_publication(self.resolved[i].period))
                and (future_too or not self._after_publication(self.resolved[i].period))
                and not self._is_base_date(i)
                and not self._is_publication_day(self.resolved[i].period)
            ]
            if usable:
                return slot, usable
        return None

    def _resolve(self, index: int) -> Resolved:
        try:
            return self._resolve_unchecked(index)
        except (ValueError, IndexError, KeyError):
            return UNRESOLVED  # "February 30", "Q5": written like a date, but not one

    def _resolve_unchecked(self, index: int) -> Resolved:
        expression = self.expressions[index]
        kind, published = expression.kind, self.published
        if kind == "prior":
            return UNRESOLVED  # resolved against the figure's own period
        if kind == "plan":  # "the 13th Five-Year Plan period" names its years itself
            period = _period_in(expression, 0)
            if period and expression.prefix.endswith("end of"):
                period = year_period(period.end.year)  # "by the end of the 12th Five-Year Plan": 2015
            return Resolved(period, "text") if period else UNRESOLVED
        if kind == "present":
            # "At present", "currently", "so far": the text names no date; the publication date
            # stands in for it downstream, flagged as the fallback it is.
            return UNRESOLVED
        if kind == "relative_month":
            if not published or published.month is None:
                return UNRESOLVED
            offset = RELATIVE_MONTHS[expression.body.lower().split()[0]]
            month_index = published.year * 12 + published.month - 1 + offset
            return Resolved(month_period(month_index // 12, month_index % 12 + 1), "relative")
        if kind == "period_anaphora":
            # "During that period": the period last named before it, in this or the two
            # sentences before.
            earlier = self._last_period_before(index)
            following = self.expressions[index + 1] if index + 1 < len(self.expressions) else None
            if earlier and following is not None and following.names_a_same_period and following.explicit_year:
                # "in the same period in 2010": that period, in the year the words name
                earlier = shifted(earlier, following.explicit_year - earlier.end.year)
            return Resolved(earlier, "text") if earlier else UNRESOLVED
        if kind in ("anaphora", "since_then"):
            year = self._year_near(index, same_sentence_after=False)
            if year is None:
                return UNRESOLVED
            if kind == "since_then" and published and published.year > year:
                return Resolved(years_period(year, published.year), "text")
            return Resolved(year_period(year), "text")
        year = expression.explicit_year
        if year is not None:
            period = _period_in(expression, year)
            if kind == "year" and expression.prefix in ("in", "of"):
                same = self._same_part_of(index, year)
                if same is not None:
                    self._year_before_parts.add(index)
                    return Resolved(same, "text")
            if (
                expression.prefix == SINCE_PREFIX
                and kind in ("year", "half", "quarter", "month", "day")
                and published
                and published.year > year
            ):
                period = years_period(year, published.year)
            return Resolved(period, "text") if period else UNRESOLVED
        if kind == "ahead":
            # "in the next three years", written in the second half of 2021: 2022/2024; written in
            # its first half, the year under way is the first of the three: 2021/2023 (a plan
            # announced in spring counts this year); "within the next three years" counts the
            # publication year as the first, whenever in it: 2021/2023, as the labelling guide reads
            # it ("within three years" alone is as often a term or a past span, and is left alone)
            if not published:
                return UNRESOLVED
            count = ORDINALS.get(expression.body.lower().split()[1]) or int(expression.body.split()[1])
            if expression.prefix == "within":
                return Resolved(years_period(published.year, published.year + count - 1), "relative")
            first = published.year + (0 if published.month and published.month <= 6 else 1)
            return Resolved(years_period(first, first + count - 1), "relative")
        if kind == "year_start":
            # "since the beginning of this year", written in August: January to July
            if not published:
                return UNRESOLVED
            if published.month and published.month > 1:
                return Resolved(month_period(published.year, 1, published.month - 1), "relative")
            return Resolved(year_period(published.year), "relative")
        if kind == "past_years":
            # "in the past three years", written in 2017: 2014/2017 (the span up to publication).
            if not published:
                return UNRESOLVED
            words = expression.body.lower().split()
            count = 10 if words[-1] == "decade" else (ORDINALS.get(words[1]) or int(words[1]))
            if words[-1] == "quarters":
                period = _past_quarters(published, count)
                return Resolved(period, "relative") if period else UNRESOLVED
            return Resolved(years_period(published.year - count, published.year), "relative")
        if kind == "years_ago":
            # "10 years ago", "a decade ago", written in 2003: 1993, counted back from publication
            if not published:
                return UNRESOLVED
            words = expression.body.lower().split()
            count = ORDINALS.get(words[0]) or (1 if words[0] == "a" else int(words[0]))
            return Resolved(year_period(published.year - count * (10 if words[1].startswith("decade") else 1)), "relative")
        if kind == "by_then":
            # "... by 2025. By then, Xuhui would have 1,000 high-tech companies": the deadline
            # named last, in this sentence or the two before
            slot_index = self.slot_of_expression[index] if self.slots else 0
            for earlier in range(index - 1, -1, -1):
                if self.slots and self.slot_of_expression[earlier] < slot_index - LEAD_SENTENCES_BACK:
                    break
                period = self.resolved[earlier].period
                if period is not None and self.expressions[earlier].prefix in BY_PREFIXES:
                    return Resolved(period, "text")
            return UNRESOLVED
        if kind == "weekday":
            # "As of Friday", written on a Friday: that day, the last such day up to publication
            if not published or published.period.granularity != "day":
                return UNRESOLVED
            day = published.period.end
            day -= dt.timedelta(days=(day.weekday() - WEEKDAYS.index(expression.body[:3])) % 7)
            return Resolved(day_period(day.year, day.month, day.day), "relative")
        if kind == "part_anaphora":
            # "Total revenues in the quarter were ...": the quarter (half) the document named last
            earlier = self._part_named_before(index, expression.body.lower())
            return Resolved(earlier, "text") if earlier is not None else UNRESOLVED
        if kind == "previous_part":
            # "from USD 3.5 billion in the previous quarter": the quarter (half) before the one named
            # before it
            part = expression.body.lower().split()[-1]
            # the sentence's first quarter is what it compares ("79 in Q2 (86 deals in Q1), ...
            # compared to USD3.5 billion the previous quarter"), else the one named last
            earlier = next(
                (
                    self.resolved[i].period
                    for i in self.slots[self.slot_of_expression[index]].expressions
                    if i < index
                    and self.resolved[i].period is not None
                    and self.expressions[i].role != "comparison"
                    and _is_part_of_year(self.resolved[i].period, part)
                ),
                None,
            ) if self.slots else None
            earlier = earlier or self._part_named_before(index, part)
            self._year_before_parts.add(index)
            return Resolved(_part_before(earlier), "text") if earlier is not None else UNRESOLVED
        if kind == "year_ago_part":
            # "in the year-ago quarter": the quarter (half, month, period) named before, a year earlier
            words = expression.body.lower().split()
            earlier = self._part_named_before(index, "period" if words[0] == "same" else words[-1])
            self._year_before_parts.add(index)
            return Resolved(shifted(earlier, -1), "text") if earlier is not None else UNRESOLVED
        offset = _relative_offset(expression.body)
        if kind == "relative" and offset is not None and SAME_PART_RE.search(self.text, max(expression.start - 30, 0), expression.start):
            # "19.8 percent in the same quarter last year": the quarter named before, in the year
            # before its own
            part = SAME_PART_RE.search(self.text, max(expression.start - 30, 0), expression.start).group(1).lower()
            earlier = self._part_named_before(index, part)
            if earlier is not None:
                self._year_before_parts.add(index)
                return Resolved(shifted(earlier, offset), "text")
        if offset is not None or kind == "ytd":
            if not published:
                return UNRESOLVED
            period = _period_in(expression, published.year + (offset or 0))
            if period and expression.prefix == SINCE_PREFIX and kind == "relative" and period.end.year < published.year:
                period = years_period(period.start.year, published.year)  # "since last year": up to now
            return Resolved(period, "relative") if period else UNRESOLVED
        this_part = kind in PARTS_OF_A_YEAR and THIS_BEFORE_RE.search(self.text, max(expression.start - 6, 0), expression.start)
        year = None if this_part else self._year_near(index, same_sentence_after=True)
        if year is not None:
            period = _period_in(expression, year)
            return Resolved(period, "text") if period else UNRESOLVED
        if not published:
            return UNRESOLVED
        period = _period_in(expression, published.year)
        if this_part:  # "by the end of this November": the publication's year, whatever year is near
            return Resolved(period, "relative") if period else UNRESOLVED
        # a run of months over the turn of the year is placed by the month it ends in
        first_month = period.end.month if period and period.start.year < period.end.year else period and period.start.month
        if period and published.month and first_month > published.month and kind in (
            "month", "day", "month_range", "day_range", "quarter",
        ):  # fmt: skip
            period = shifted(period, -1)  # "in November", written in June: last November
        return Resolved(period, "relative") if period else UNRESOLVED

    # --- Per figure ------------------------------------------------------------------------

    def _owner(self, index: int) -> int | None:
        """The figure a date directly follows in its clause ("9.46 million in 2012"), if any."""
        if index in self._owners:
            return self._owners[index]
        expression = self.expressions[index]
        slot_index = self.slot_of_expression[index]
        slot = self.slots[slot_index]
        clause_start, _ = slot.clause_of(expression.start)
        # The figure of the clause that ends last by the date's start (the first in text order
        # among equal ends): walk the figures by end down from the date.
        by_end = self._figures_by_end(slot_index)
        position = bisect.bisect_right(by_end, (expression.start, len(slot.figures)))
        figure, last_end = None, None
        while position > 0:
            position -= 1
            end, place = by_end[position]
            if end < clause_start or (last_end is not None and end < last_end):
                break
            if self.quantities[slot.figures[place]].start >= clause_start:
                figure, last_end = slot.figures[place], end
        if figure is not None:
            gap = self.text[self.quantities[figure].end : expression.start]
            figure = figure if _word_count(gap) <= OWN_DATE_MAX_GAP_WORDS else None
        if figure is None and self.text[clause_start] == ")" and not self.text[clause_start + 1 : expression.start].strip():
            # "from 42.2 billion yuan (US$5.1 billion) in 1989": a date right after a restatement
            # in brackets is the restated figure's
            restatement = next(
                (f for f in slot.figures if self.quantities[f].end == clause_start and self.quantities[f].equivalent_of is not None),
                None,
            )
            figure = self.quantities[restatement].equivalent_of if restatement is not None else None
        self._owners[index] = figure
        return figure

    def _figures_by_end(self, slot_index: int) -> list[tuple[int, int]]:
        """(end, place in slot.figures) of the sentence's figures, ascending."""
        found = self._by_end.get(slot_index)
        if found is None:
            figures = self.slots[slot_index].figures
            found = self._by_end[slot_index] = sorted((self.quantities[f].end, place) for place, f in enumerate(figures))
        return found

    def _is_base_date(self, index: int) -> bool:
        """A date that directly follows a figure a change is measured from ("up 10.9 percent
        from 24,000 by the end of 2013"): it dates that base, not the sentence's figures."""
        if index not in self._base_dates:
            owner = self._owner(index)
            self._base_dates[index] = owner is not None and bool(
                BASE_FIGURE_OPENING_RE.search(self.text, max(self.quantities[owner].start - 40, 0), self.quantities[owner].start)
            )
        return self._base_dates[index]

    def _lookups(self, slot_index: int) -> _SentenceLookups:
        found = self._sentence_lookups.get(slot_index)
        if found is None:
            slot = self.slots[slot_index]
            figure_starts = [self.quantities[f].start for f in slot.figures]
            figure_clauses = {slot.clause_of(start) for start in figure_starts}
            bare_periods, bare_comparisons, periods, labels = SortedSpans(), SortedSpans(), SortedSpans(), {}
            for i in slot.expressions:
                expression = self.expressions[i]
                comparison = expression.role == "comparison"
                if slot.clause_of(expression.start) not in figure_clauses:
                    if not comparison:
                        bare_periods.add(i, expression.start, expression.end)
                    elif i not in self.range_starts:  # the start of "from January 2014 to August 2016"
                        bare_comparisons.add(i, expression.start, expression.end)
                period = self.resolved[i].period
                if (
                    not comparison and expression.prefix != SINCE_PREFIX and period is not None
                    and i not in self.range_starts and not self._is_base_date(i)
                ):  # fmt: skip
                    periods.add(i, expression.start, expression.end)
                    labels[period.label] = labels.get(period.label, 0) + 1
            found = self._sentence_lookups[slot_index] = _SentenceLookups(
                figure_starts,
                {f: place for place, f in enumerate(slot.figures)},
                self._figures_by_end(slot_index),
                [self.expressions[i].start for i in slot.expressions],
                bare_periods,
                bare_comparisons,
                periods,
                labels,
            )
        return found

    def _clause_lookups(self, slot_index: int, clause: tuple[int, int]) -> _ClauseLookups:
        lookups = self._lookups(slot_index)
        found = lookups.clauses.get(clause)
        if found is not None:
            return found
        slot, published = self.slots[slot_index], self.published
        free, comparisons, deadlines = SortedSpans(), SortedSpans(), SortedSpans()
        owned, owner_starts, owned_by, past_deadline = [], [], {}, False
        first = bisect.bisect_left(lookups.expression_starts, clause[0])
        last = bisect.bisect_left(lookups.expression_starts, clause[1])
        for i in slot.expressions[first:last]:
            expression = self.expressions[i]
            if expression.role == "comparison":
                if i not in self.range_starts:  # the start of "from January 2014 to August 2016"
                    comparisons.add(i, expression.start, expression.end)
            elif i in self.range_starts:
                continue  # "In 2007 and 2008": the span is read at its end
            elif (owner := self._owner(i)) is None:
                free.add(i, expression.start, expression.end)
            else:
                owned.append(i)
                owner_starts.append(self.quantities[owner].start)
                owned_by.setdefault(owner, i)
            target = self.resolved[i].period
            if expression.prefix in BY_PREFIXES and target is not None and published is not None:
                if target.start > published.period.end:
                    deadlines.add(i, expression.start, expression.end)
                else:
                    past_deadline = True
        cues = [cue for cue in STATUS_CUE_RE.finditer(self.text, *clause) if not self._names_a_goal(cue)]
        last_strong, strong = [], None
        for number, cue in enumerate(cues):
            strong = strong if cue.lastgroup == "weak_expected" else number
            last_strong.append(strong)
        found = lookups.clauses[clause] = _ClauseLookups(
            free,
            owned,
            owner_starts,
            all(a <= b for a, b in itertools.pairwise(owner_starts)),
            owned_by,
            [n for n, start in enumerate(owner_starts) if may_end_a_word(self.text, start, COORDINATION_GAP_WORDS)],
            comparisons,
            deadlines,
            past_deadline,
            cues,
            [cue.end() for cue in cues],
            last_strong,
        )
        return found

    def _next_figure_start(self, figure: int) -> float:
        """Where the first figure of the sentence starting at or after this one's end starts."""
        starts = self._lookups(self.slot_of_figure[figure]).figure_starts
        after = bisect.bisect_left(starts, self.quantities[figure].end)
        return starts[after] if after < len(starts) else float("inf")

    def _period_expression(self, figure: int) -> tuple[int | None, str]:
        """The expression that gives `figure` its period, by the rules in the module docstring, and
        the rule that chose it."""
        slot_index = self.slot_of_figure[figure]
        slot = self.slots[slot_index]
        quantity = self.quantities[figure]
        clause = self._clause_lookups(slot_index, slot.clause_of(quantity.start))
        # Candidates are the sentence's period expressions that do not overlap the figure.
        own = clause.owned_by.get(figure)
        if own is not None:
            return own, "own_date"
        free = clause.free_periods.nearest(quantity.start, quantity.end, skip_overlapping=True)
        if free is not None:
            return free, "clause"
        leader = self.expressions[slot.leader] if slot.leader is not None else None
        if leader and leader.role != "comparison" and not (leader.start < quantity.end and quantity.start < leader.end):
            return slot.leader, "sentence_lead"
        coordinated = self._coordinated_date(quantity, clause)
        if coordinated is not None:
            return coordinated, "coordinated"
        bare = self._lookups(slot_index).bare_periods.nearest(quantity.start, quantity.end, skip_overlapping=True)
        if bare is not None:
            return bare, "bare_clause"
        # One period named in the sentence, however its clauses are cut, governs all of it:
        # "enterprises spent 1.37 trillion yuan last year, while government institutions
        # increased 7 percent" (not "since 2015", which says when something began).
        lookups = self._lookups(slot_index)
        if self._one_period_label(lookups, quantity):
            return lookups.sentence_periods.nearest(quantity.start, quantity.end, skip_overlapping=True), "one_in_sentence"
        return self._paragraph_lead(slot_index), "paragraph_lead"

    def _one_period_label(self, lookups: _SentenceLookups, quantity: Quantity) -> bool:
        """Whether the sentence's periods that do not overlap the figure name one period."""
        periods = lookups.sentence_periods
        first = bisect.bisect_right(periods.ends, quantity.start)
        last = bisect.bisect_left(periods.starts, quantity.end, first)
        if first == last:
            return len(lookups.sentence_period_labels) == 1
        counts = dict(lookups.sentence_period_labels)
        for overlapping in periods.items[first:last]:
            counts[self.resolved[overlapping].period.label] -= 1
        return sum(1 for count in counts.values() if count > 0) == 1

    def _coordinated_date(self, quantity: Quantity, clause: _ClauseLookups) -> int | None:
        """The first date of the clause that directly follows a later figure this one is
        coordinated with ("150 million yuan and 250 million yuan in 2017")."""
        owned, starts = clause.owned_periods, clause.owner_starts
        position = bisect.bisect_right(starts, quantity.end) if clause.owner_starts_ascend else 0
        while position < len(owned):
            if starts[position] > quantity.end and self._coordinated(quantity, starts[position]):
                # "rose 114% to RMB32.3 billion from RMB15.1 billion in 2018": the date of the
                # base the change is measured from is not the change's
                if self._is_base_date(owned[position]):
                    return None
                return owned[position]
            if not clause.owner_starts_ascend:
                position += 1
                continue
            # Whether two figures are coordinated changes only where a gap word first lies
            # inside the gap, where one ends right at the later figure, or while the gap is
            # short: skip the later figures in between.
            gap_start, gap_end = quantity.end, starts[position]
            following = [position + 1] if gap_end < gap_start + EDGE_WINDOW else []
            for words in self._gap_word_indexes():
                inner_end = words.first_inner_end(gap_start)
                if inner_end >= gap_end:
                    following.append(bisect.bisect_right(starts, inner_end))
            edge = bisect.bisect_right(clause.edge_positions, position)
            if edge < len(clause.edge_positions):
                following.append(clause.edge_positions[edge])
            position = max(min(following, default=len(owned)), position + 1)
        return None

    def _gap_word_indexes(self) -> tuple[WordIndex, WordIndex, WordIndex]:
        if self._gap_words is None:
            self._gap_words = tuple(
                WordIndex(pattern, self.text) for pattern in (COORDINATION_RE, RANGE_WORDS_RE, CHANGE_TO_LEVEL_RE)
            )
        return self._gap_words

    def _discourse_period(self, slot_index: int) -> int | None:
        """The period last in force before this sentence: the last period expression of the
        nearest earlier sentence that has one."""
        if slot_index not in self._discourse_by_slot:
            found = self._nearest_earlier_periods(slot_index, DISCOURSE_SENTENCES_BACK)
            self._discourse_by_slot[slot_index] = found[1][-1] if found else None
        return self._discourse_by_slot[slot_index]

    def _span_endpoint(self, figure: int, span: Period, first: Period, last: Period) -> Period:
        """In "from 2012 to 2016, the rate rose from 1.2 percent to 2.2 percent" the figure after
        "from" holds in the first period and the one after "to" in the last; a figure that is
        not one end of such a pair keeps the span ("From 2012 to 2016, investment amounted to
        ...")."""
        slot = self.slots[self.slot_of_figure[figure]]
        position = self._lookups(self.slot_of_figure[figure]).place[figure]
        if self._pair_starts_at(figure, slot.figures[position + 1] if position + 1 < len(slot.figures) else None):
            return first
        if position > 0 and self._pair_starts_at(slot.figures[position - 1], figure):
            return last
        return span

    def _pair_starts_at(self, first: int, second: int | None) -> bool:
        """Whether two figures read "from <first> to <second>"."""
        if second is None:
            return False
        start, end = self.quantities[first], self.quantities[second]
        before = self.text[max(start.start - 12, 0) : start.start].lower().split()
        return before[-1:] == ["from"] and bool(FROM_TO_GAP_RE.fullmatch(self.text, start.end, end.start))

    def _coordinated(self, quantity: Quantity, next_start: int) -> bool:
        """Whether a figure shares the date of the next one: joined by "and" (not "from ... to"),
        or a change leading to a level ("jumped 40% to 9 billion yuan in 2016")."""
        # The gap between them is read through word indexes (the same answers as searching
        # text[quantity.end:next_start]), since one figure is tried against many later ones.
        coordination, range_words, change_to_level = self._gap_word_indexes()
        gap_start = quantity.end
        if quantity.change is not None and change_to_level.in_gap(gap_start, next_start):
            return True
        return coordination.in_gap(gap_start, next_start) and not range_words.in_gap(gap_start, next_start)

    def _paragraph_lead(self, slot_index: int) -> int | None:
        if slot_index not in self._paragraph_lead_by_slot:
            self._paragraph_lead_by_slot[slot_index] = self._paragraph_lead_unmemoised(slot_index)
        return self._paragraph_lead_by_slot[slot_index]

    def _far_paragraph_lead(self, slot_index: int) -> int | None:
        """The period leading the figure's paragraph further back than the candidates' sentences
        reach ("In 2011, the zone achieved ..." and six sentences of the year's results after it),
        when no sentence since names a date of its own (a comparison's base is none)."""
        lead = self._lead_in_force(slot_index)
        if lead is None or slot_index - self.slot_of_expression[lead] <= CANDIDATE_SENTENCES_BACK:
            return None
        return lead if self.expressions[lead].prefix != SINCE_PREFIX else None

    def _lead_in_force(self, slot_index: int) -> int | None:
        """The leading period of the nearest earlier sentence of the paragraph that leads with one,
        when no sentence between names a date of its own; read sentence by sentence once per
        document (a long undated paragraph is walked once, not once per figure)."""
        cache = self._lead_in_force_by_slot
        first = slot_index
        while first > 0 and first - 1 not in cache and first not in cache:
            first -= 1
        for index in range(first, slot_index + 1):
            if index in cache:
                continue
            earlier = self.slots[index - 1] if index > 0 else None
            if earlier is None or earlier.paragraph != self.slots[index].paragraph:
                cache[index] = None
            elif earlier.leader is not None:
                cache[index] = earlier.leader
            elif any(self.expressions[i].role != "comparison" for i in earlier.expressions):
                cache[index] = None
            else:
                cache[index] = cache.get(index - 1)
        return cache[slot_index]

    def _paragraph_lead_unmemoised(self, slot_index: int) -> int | None:
        paragraph = self.slots[slot_index].paragraph
        for back in range(1, LEAD_SENTENCES_BACK + 1):
            if slot_index - back < 0:
                return None
            earlier = self.slots[slot_index - back]
            if earlier.paragraph != paragraph:
                return None
            if earlier.leader is not None:
                # "Since 2009, ..." says when something began, not what the next sentence counts.
                return (
                    earlier.leader
                    if self.expressions[earlier.leader].prefix != SINCE_PREFIX
                    else None
                )
            if any(self.expressions[i].role != "comparison" for i in earlier.expressions):
                return None  # a sentence with its own dates ends the lead's reach
        return None

    def _comparison_expression(self, figure: int, is_change: bool) -> int | None:
        slot_index = self.slot_of_figure[figure]
        quantity = self.quantities[figure]
        clause = self.slots[slot_index].clause_of(quantity.start)
        in_clause = self._clause_lookups(slot_index, clause).comparisons
        if not is_change:
            # A figure not read as a change takes only a comparison that follows it directly
            # ("12% higher than in 2015"), before any other figure.
            limit = min(clause[1], self._next_figure_start(figure))
            return in_clause.first_starting_in(quantity.end, limit)
        if in_clause.items:
            return in_clause.nearest(quantity.start, quantity.end, skip_overlapping=False)
        # "up 10.9 percent from 24,000 by the end of 2013": the date of the base figure after it
        owned = self._clause_lookups(slot_index, clause).owned_periods
        after = bisect.bisect_left(owned, quantity.end, key=lambda i: self.expressions[i].start)
        if after < len(owned) and self._is_base_date(owned[after]):
            return owned[after]
        bare = self._lookups(slot_index).bare_comparisons
        return bare.nearest(quantity.start, quantity.end, skip_overlapping=False)

    def _comparison_period(self, index: int, own: Period | None) -> Period | None:
        expression = self.expressions[index]
        if expression.kind == "period_anaphora" and index + 1 < len(self.expressions):
            # "over the same period in 2015": the same months of the year the words name
            named = self.expressions[index + 1]
            if named.names_a_base and named.explicit_year is not None and not self.text[expression.end : named.start].strip():
                if own is None or own.granularity == "multi_year":
                    return self.resolved[index + 1].period
                return shifted(own, named.explicit_year - own.end.year)
        # "over the same period" compares with the same period a year earlier
        if expression.kind == "relative" and expression.prefix.endswith("the end of"):
            return self.resolved[index].period  # "from the end of last year": the year's end, not this part of it
        if expression.kind in ("prior", "period_anaphora") or (expression.kind == "relative" and own is not None):
            return shifted(own, -1) if own is not None else None
        return self.resolved[index].period

    def _status(
        self, figure: int, own: int | None, period: Period | None
    ) -> tuple[str, str | None]:
        """Status and the words that gave it, from the figure's clause out."""
        quantity = self.quantities[figure]
        slot_index = self.slot_of_figure[figure]
        clause_start, clause_end = self.slots[slot_index].clause_of(quantity.start)
        clause = self._clause_lookups(slot_index, (clause_start, clause_end))
        after_end = min(clause_end, self._next_figure_start(figure))
        published = self.published
        before_publication = bool(published and period and period.end < published.period.start)
        cues = []  # (distance, status, words)
        next_figures_cue = False
        # Cues well before the figure come from the clause's single pass (only the nearest
        # counts); from a little before the figure on, the clause is read again up to the next
        # figure, where the original search stopped. The re-read starts at a cue's start or
        # between cues, where the clause's pass was too.
        reread_from = max(clause_start, quantity.start - STATUS_CUE_REREAD)
        earlier = bisect.bisect_right(clause.cue_ends, reread_from) - 1
        if 0 <= earlier + 1 < len(clause.cues) and clause.cues[earlier + 1].start() < reread_from:
            reread_from = clause.cues[earlier + 1].start()  # inside a cue: read it whole again
        nearest_earlier = clause.last_strong_cue[earlier] if before_publication and earlier >= 0 else earlier
        if nearest_earlier is not None and nearest_earlier >= 0:
            cue = clause.cues[nearest_earlier]
            status = "expected" if cue.lastgroup == "weak_expected" else cue.lastgroup
            cues.append((self._span_distance(quantity, cue.start(), cue.end()), status, cue.group()))
        for cue in STATUS_CUE_RE.finditer(self.text, reread_from, after_end):
            if quantity.start <= cue.start() < quantity.end or self._names_a_goal(cue):
                continue
            if cue.start() >= quantity.end and after_end < clause_end and _word_count(self.text[cue.end() : after_end]) <= 2:
                next_figures_cue = True
                continue  # "the 169 zones' revenue is expected to exceed 48 trillion": the next figure's cue
            status = cue.lastgroup
            if status == "weak_expected":
                if before_publication:
                    continue  # "grew to reach 5 million in 2016": it did
                status = "expected"
            cues.append(
                (self._span_distance(quantity, cue.start(), cue.end()), status, cue.group())
            )
        by_past = clause.past_deadline
        # "by 2020", later than publication: a target cue; the nearest one stands for them all.
        deadline = clause.future_deadlines.nearest(quantity.start, quantity.end, skip_overlapping=False)
        if deadline is not None:
            expression = self.expressions[deadline]
            cues.append(
                (self._span_distance(quantity, expression.start, expression.end), "target", expression.text)
            )
        if cues:
            _, status, words = min(cues, key=lambda c: c[0])
            if status == "expected" and words.lower().split()[0] in ("will", "shall"):
                if quantity.unit_class == "currency" and policy_benefit_words(self.text, quantity.start, quantity.end, (self.slots[slot_index].start, self.slots[slot_index].end)):
                    return "actual", words  # a term of the policy: "will each be given an award of 400,000 yuan"
                if deadline is None and self._policy_term(clause_start, clause_end, slot_index):
                    return "actual", words  # "will also be provided with free 1,000-square-meter work spaces"
                if self._decided(clause_start, clause_end, quantity.start, self.slots[slot_index].end):
                    status = "target"  # "the municipal government will invest 200 million yuan": a decision, not a forecast
            if status == "expected" and self._a_plans_words(slot_index):
                status = "target"  # "the number is expected to reach 240 by 2020, according to the Five Year Plan"
            return status, words
        headline_plan = self._headline_plan(quantity.start)
        if headline_plan is not None and quantity.status_hint is None:
            return "target", headline_plan  # "China to cultivate 3,000 students' venture enterprises"
        if next_figures_cue:
            return "actual", None  # the clause's cue (which the extractor's hint also read) is the next figure's
        if quantity.status_hint in STATUSES and not (
            quantity.status_hint == "target" and (by_past or bool(OF_GOAL_RE.match(self.text, quantity.end)))
        ):
            return quantity.status_hint, None
        if published and period and period.start > published.period.end and own is not None:
            # a period to come in a plan's or a government's words is its goal, as "will" there is
            return ("target" if self._a_plans_words(slot_index) else "expected"), self.expressions[own].text
        return "actual", None

    def _headline_plan(self, position: int) -> str | None:
        """A headline's "<who> to <do>" before the figure: what is planned ("Govt to add 10m urban
        jobs"); the document's first line only, when it is short and ends without a full stop."""
        line_end = self.text.find("\n", 0, HEADLINE_MAX_CHARS + 1)  # no further: this is read for each figure
        line_end = len(self.text) if line_end < 0 and len(self.text) <= HEADLINE_MAX_CHARS else line_end
        if line_end < 0 or position >= line_end or self.text[:line_end].rstrip().endswith((".", "!", "?", '"', "”")):
            return None
        found = HEADLINE_PLAN_RE.search(self.text, 0, position)
        return found.group() if found else None

    def _policy_term(self, clause_start: int, clause_end: int, slot_index: int) -> bool:
        """Whether the clause tells what a policy grants with "will" (POLICY_TERM_WILL_RE) and names
        the benefit, in a sentence about no competition's prizes."""
        granted = POLICY_TERM_WILL_RE.search(self.text, clause_start, clause_end)
        slot = self.slots[slot_index]
        return (
            granted is not None and POLICY_TERM_NOUN_RE.search(self.text, clause_start, clause_end) is not None
            and PRIZE_RE.search(self.text, slot.start, slot.end) is None
        )

    def _decided(self, clause_start: int, clause_end: int, figure_start: int, sentence_end: int) -> bool:
        """Whether the clause says a government body, or a place as its subject, will do what the
        figure measures (GOVERNMENT_WILL_RE, PLACE_WILL_RE), or the headline announces goals and no
        forecaster is named from the clause to the sentence's end ("..., analysts said")."""
        if GOVERNMENT_WILL_RE.search(self.text, clause_start, figure_start):
            return True
        if PLACE_WILL_RE.search(self.text[clause_start:figure_start]):
            return not FORECASTER_RE.search(self.text, clause_start, clause_end)
        return self._goals_title and not FORECASTER_RE.search(self.text, clause_start, sentence_end)

    def _a_plans_words(self, slot_index: int) -> bool:
        """Whether the sentence gives what will be as a plan's or a government's words
        (PLAN_ATTRIBUTION_RE) and names no forecaster."""
        slot = self.slots[slot_index]
        return bool(PLAN_ATTRIBUTION_RE.search(self.text, slot.start, slot.end)) and not FORECASTER_RE.search(
            self.text, slot.start, slot.end
        )

    def _names_a_goal(self, cue: re.Match) -> bool:
        """"102.2 percent of the goal set for the year", "57 percent of the annual jobs target": a
        goal as what a share is taken of, so the figure is what was achieved, not a target; so is
        one already beaten ("beat targets and created ...")."""
        if cue.lastgroup != "target" or not GOAL_NOUN_RE.fullmatch(cue.group()):
            return False
        before = max(cue.start() - 40, 0)
        return bool(
            SHARE_OF_GOAL_RE.search(self.text, before, cue.start())
            or GOAL_MET_BEFORE_RE.search(self.text, before, cue.start())
        )

    def _in_present_tense(self, figure: int) -> bool:
        quantity = self.quantities[figure]
        clause_start, clause_end = self.slots[self.slot_of_figure[figure]].clause_of(quantity.start)
        # Read from the text's matches, found once, rather than searching the clause again for
        # each figure: any match in the clause outside the figure (the first or second one looked
        # at, since at most one can overlap the figure).
        if self._present_tense is None:
            found = list(PRESENT_TENSE_RE.finditer(self.text))
            self._present_tense = ([m.start() for m in found], [m.end() for m in found])
        starts, ends = self._present_tense
        index = bisect.bisect_left(starts, clause_start)
        while index < len(starts) and ends[index] <= clause_end:
            if ends[index] <= quantity.start or starts[index] >= quantity.end:
                return True
            index += 1
        return False

    def _headline_context(self, figure: int) -> MentionContext:
        period, expression = self.headline
        status, status_text = self._status(figure, None, period)
        return MentionContext(
            **period_fields(period),
            period_text=expression.text,
            period_is_point_in_time=expression.role == "point",
            period_source="headline",
            status=status,
            status_text=status_text,
        )

    def _document_year_context(self, figure: int, year: int) -> MentionContext:
        """The figure dated by the year the document reports on: no words of its own say so, so
        the period is no point in time and it is a weak reading (period_source "document")."""
        period = year_period(year)
        comparison = self._comparison_expression(figure, self._is_change(figure))
        comparison_period = self._comparison_period(comparison, period) if comparison is not None else None
        status, status_text = self._status(figure, None, period)
        return MentionContext(
            **period_fields(period),
            period_text=None,
            period_is_point_in_time=False,
            period_source="document",
            comparison_label=comparison_period.label if comparison_period else None,
            comparison_text=self.expressions[comparison].text if comparison is not None else None,
            status=status,
            status_text=status_text,
        )

    def _publication_context(self, figure: int) -> MentionContext:
        """The figure dated by the month of publication: no words of its own say so, so it is a
        weak reading (period_source "document")."""
        period = month_period(self.published.year, self.published.month)
        status, status_text = self._status(figure, None, period)
        return MentionContext(
            **period_fields(period),
            period_text=None,
            period_is_point_in_time=False,
            period_source="document",
            status=status,
            status_text=status_text,
        )

    def _base_next_context(self, figure: int, base: int) -> MentionContext:
        """The figure dated by the period after the one its clause's base figure is dated with
        (a year-on-year change and the level it led to)."""
        based = self.resolved[base].period
        period = shifted(based, 1)
        status, status_text = self._status(figure, None, period)
        return MentionContext(
            **period_fields(period),
            period_text=self.expressions[base].text,
            period_is_point_in_time=self.expressions[base].role == "point",
            period_source="text",
            comparison_label=based.label,
            comparison_text=self.expressions[base].text,
            status=status,
            status_text=status_text,
        )

    @staticmethod
    def _span_distance(quantity: Quantity, start: int, end: int) -> int:
        # Cues before the figure count as nearer than the same distance after it.
        if end <= quantity.start:
            return 2 * (quantity.start - end)
        return 2 * max(start - quantity.end, 0) + 1

    def _series_base_year(self, figure: int, period: Period) -> int | None:
        """The first year of a series its sentence gives before a figure of growth over years
        ("from 443,000 in 1996 ... to 14.369 million in 2017, an average annual growth of 18%",
        "500-fold", "doubled"): the earliest year named before it, two or more years before its
        own period; None for any other figure."""
        quantity = self.quantities[figure]
        slot = self.slots[self.slot_of_figure[figure]]
        if quantity.unit_class not in ("percent", "multiplier") and not self._is_change(figure):
            return None
        near = self.text[max(slot.start, quantity.start - MULTI_YEAR_CHANGE_REACH) : min(slot.end, quantity.end + MULTI_YEAR_CHANGE_REACH)]
        if period.granularity != "year" or not MULTI_YEAR_CHANGE_RE.search(near):
            return None
        years = [
            self.resolved[i].period.start.year
            for i in slot.expressions
            if self.expressions[i].end <= quantity.start
            and self.expressions[i].kind == "year"
            and self.resolved[i].period is not None
        ]
        first = min(years, default=None)
        return first if first is not None and first < period.start.year - 1 else None

    def _is_change(self, figure: int) -> bool:
        quantity = self.quantities[figure]
        return (
            quantity.change is not None
            or quantity.change_basis_text is not None
            or quantity.unit_class == "multiplier"
        )

    def rule_choice(self, figure: int) -> PeriodCandidate:
        """The period the hand rules give `figure` (see the module docstring), as a candidate."""
        own, rule = self._period_expression(figure)
        back = self.slot_of_figure[figure] - self.slot_of_expression[own] if own is not None else 0
        # Nothing in the figure's sentence or paragraph lead: the period the sentence before
        # left in force, if any (period_source "discourse").
        if own is None:
            carried = self._discourse_period(self.slot_of_figure[figure])
            if carried is not None:
                back = self.slot_of_figure[figure] - self.slot_of_expression[carried]
                return PeriodCandidate("expression", carried, back, "discourse")
        if own is None and self.headline is not None and (
            self._is_change(figure) or not self._in_present_tense(figure)
        ):
            # Nothing in the text before: the one period the headline names ("China's venture
            # capital investments in 1H19"); a present-tense level ("Xiamen is now home to
            # 1,000") is dated by nothing but the publication, a change ("have been reduced by
            # 50%") is a change over a period all the same.
            return PeriodCandidate("headline", rule="headline")
        if own is None:
            return PeriodCandidate("none", rule="none")
        return PeriodCandidate("expression", own, back, rule)

    def period_candidates(self, figure: int) -> list[PeriodCandidate]:
        """Every period the document offers `figure`: the period expressions of its sentence
        nearest it, the opening and closing ones of the sentences before, the headline's, and
        no period at all; the rules' choice among them is marked."""
        rule = self.rule_choice(figure)
        slot_index = self.slot_of_figure[figure]
        quantity = self.quantities[figure]
        found: list[PeriodCandidate] = [rule]
        seen = {(rule.origin, rule.expression)}

        def offer(origin: str, expression: int | None = None, back: int = 0) -> None:
            if (origin, expression) not in seen:
                seen.add((origin, expression))
                found.append(PeriodCandidate(origin, expression, back))

        lookups = self._lookups(slot_index)
        offered = self._offered_in(slot_index)
        starts = lookups.expression_starts
        slot = self.slots[slot_index]
        before = bisect.bisect_left(starts, quantity.start)
        after = bisect.bisect_left(starts, quantity.end)
        # The nearest few on each side: a table row's date, not every date of the table.
        for place in [*range(max(before - CANDIDATES_PER_SIDE, 0), before), *range(after, min(after + CANDIDATES_PER_SIDE, len(starts)))]:
            index = slot.expressions[place]
            # "up 92.3% to RMB65.2 billion from RMB33.9 billion in 2017": a base figure's date
            # dates that base alone
            if (
                index in offered
                and not self._overlaps_figure(figure, index)
                and (not self._is_base_date(index) or self._owner(index) == figure)
            ):
                offer("expression", index, 0)
        leader = slot.leader
        if leader is not None and leader in offered and not self._overlaps_figure(figure, leader):
            offer("expression", leader, 0)
        # "rose 92.3% year-over-year to RMB65.2 billion from RMB33.9 billion in 2017": the date
        # of another figure's base says the change and the level it led to are the year after's.
        clause = slot.clause_of(quantity.start)
        for index in slot.expressions:
            if (
                index in offered
                and self._is_base_date(index)
                and self._owner(index) != figure
                and slot.clause_of(self.expressions[index].start) == clause
                and not self._after_publication(shifted(self.resolved[index].period, 1))
            ):
                offer("base_next", index, 0)
        for back in range(1, CANDIDATE_SENTENCES_BACK + 1):
            if slot_index - back < 0:
                break
            for index in self._offered_ends(slot_index - back):
                offer("expression", index, back)
        far_lead = self._far_paragraph_lead(slot_index)
        lead_period = self.resolved[far_lead].period if far_lead is not None else None
        if far_lead is not None and not (lead_period is not None and self._after_publication(lead_period)):
            # (as from the sentences before: a lead after publication is a forecast's, not a date to carry)
            offer("expression", far_lead, slot_index - self.slot_of_expression[far_lead])
        # Readings of the sentence's own spans: "in the first half, ... bringing the total to
        # 14.4 million" is a level at the span's last month; "held five times since 2015", written
        # in 2020, counts the editions up to the year before.
        own_spans = [c for c in found if c.origin == "expression" and c.sentences_back == 0 and c.expression is not None]
        for candidate in own_spans:  # offer() appends to found
            period = self.resolved[candidate.expression].period
            if self._end_month(period) is not None:
                offer("span_end", candidate.expression, 0)
            if self._to_last_year(period) is not None:
                offer("to_last_year", candidate.expression, 0)
        # "by June 28" whose year was taken from an earlier sentence ("From 2013 to 2023, ...")
        # may as well be of the publication year, the nearer reading for recent news
        for candidate in own_spans:
            if self._in_publication_year(candidate.expression) is not None:
                offer("published_year", candidate.expression, 0)
        # The headline's period, even to a present-tense level: "Seventy future unicorns" under
        # "... Unicorn Index for 2019 Q1" is of the list's quarter ("Xiamen is now home to 1,000"
        # mostly of no period; the chooser weighs the tense).
        if self.headline is not None:
            offer("headline")
        # The year the whole document reports on dates a figure whose sentence names no period,
        # or only days (a dateline, the day a meeting was held: not what a total is of).
        if self.names_no_period_but_days(slot_index):
            for year in self.document_years():
                found.append(PeriodCandidate("document", year=year))
            # the period the document's opening gives ("In Q4 2016, ..."), however far back
            lead = self.document_lead()
            if (
                lead is not None
                and self.slot_of_expression[lead] < slot_index
                and not any(c.origin == "expression" and c.expression == lead for c in found)
            ):
                offer("lead", lead, slot_index - self.slot_of_expression[lead])
            # News of an event ("ofo raises 866 million US dollars") is dated by the month it is
            # published in; a change compares periods, which an event's month is not.
            if self.published is not None and self.published.month and not self._is_change(figure):
                offer("publication")
        offer("none")
        return found

    def names_no_period_but_days(self, slot_index: int) -> bool:
        """Whether the sentence's periods (those that can date its figures) are none or days only."""
        return all(self.resolved[i].period.granularity == "day" for i in self._lookups(slot_index).sentence_periods.items)

    def _end_month(self, period: Period | None) -> Period | None:
        """The last month of a span of months within one year (a half, quarters, "January to
        July"), not after publication; None for any other period."""
        if (
            period is None
            or period.granularity not in ("half", "quarter", "month")
            or period.start.year != period.end.year
            or period.start.month == period.end.month
            or self._after_publication(period)
        ):
            return None
        return month_period(period.end.year, period.end.month)

    def _in_publication_year(self, index: int) -> Period | None:
        """A year-less day or month read in another year than the publication's, in the
        publication's year when that is not after publication; None otherwise."""
        expression, period = self.expressions[index], self.resolved[index].period
        if (
            self.published is None
            or period is None
            or expression.kind not in ("day", "month")
            or expression.explicit_year is not None
            or period.start.year == self.published.year
        ):
            return None
        moved = shifted(period, self.published.year - period.start.year)
        return None if self._after_publication(moved) else moved

    def _to_last_year(self, period: Period | None) -> Period | None:
        """A span of years running to the publication year ("since 2015", "over the past
        decade"), cut at the year before; None for any other period."""
        if (
            self.published is None
            or period is None
            or period.granularity != "multi_year"
            or period.end.year != self.published.year
            or period.start.year >= self.published.year - 1
        ):
            return None
        return years_period(period.start.year, self.published.year - 1)

    def document_lead(self) -> int | None:
        """The first expression of the document's opening (DOCUMENT_LEAD_SENTENCES) that can date
        a figure of a later sentence: not a day, a start ("since 2015"), a date after publication
        or a base; read once."""
        if self._document_lead is None:
            found = None
            for slot_index in range(min(DOCUMENT_LEAD_SENTENCES, len(self.slots))):
                offered = self._offered_in(slot_index)
                for index in self.slots[slot_index].expressions:
                    period = self.resolved[index].period
                    if (
                        index in offered
                        and period.granularity != "day"
                        and self.expressions[index].prefix != SINCE_PREFIX
                        and not self._after_publication(period)
                        and not self._is_base_date(index)
                    ):
                        found = index
                        break
                if found is not None:
                    break
            self._document_lead = (found,)
        return self._document_lead[0]

    def document_years(self) -> tuple[int, ...]:
        """The years the whole document may report on (DOCUMENT_YEAR_OFFSETS from its publication
        year); none without a publication date."""
        if self.published is None:
            return ()
        return tuple(self.published.year + offset for offset in DOCUMENT_YEAR_OFFSETS)

    def _overlaps_figure(self, figure: int, index: int) -> bool:
        quantity, expression = self.quantities[figure], self.expressions[index]
        return expression.start < quantity.end and quantity.start < expression.end

    def _offered_in(self, slot_index: int) -> set[int]:
        """The sentence's expressions that can date a figure: resolved, not a comparison base."""
        found = self._offered_by_slot.get(slot_index)
        if found is None:
            found = self._offered_by_slot[slot_index] = {
                i
                for i in self.slots[slot_index].expressions
                if self.resolved[i].period is not None and self.expressions[i].role != "comparison"
                and i not in self.range_starts  # "between 2014 and 2016": read at its end
            }
        return found

    def _offered_ends(self, slot_index: int) -> list[int]:
        """An earlier sentence's opening expression and its last one, when they can date a figure
        of a later sentence: not a deadline still ahead, a date after publication, the
        publication day (a dateline) or the date of a base figure. Read once per sentence: every
        later figure within reach asks again."""
        found = self._offered_ends_by_slot.get(slot_index)
        if found is None:
            found = self._offered_ends_by_slot[slot_index] = self._offered_ends_unmemoised(slot_index)
        return found

    def _offered_ends_unmemoised(self, slot_index: int) -> list[int]:
        slot = self.slots[slot_index]
        found = self._nearest_earlier_periods(slot_index + 1, 1)
        offered = set(found[1]) if found is not None and found[0] is slot else set()
        ends = []
        if slot.leader is not None and slot.leader in offered:
            ends.append(slot.leader)
        for index in reversed(slot.expressions):
            if index in offered:
                if index not in ends:
                    ends.append(index)
                break
        return ends

    def context(self, figure: int) -> MentionContext:
        quantity = self.quantities[figure]
        if not self.slots:
            return MentionContext(
                status=quantity.status_hint if quantity.status_hint in STATUSES else "actual"
            )
        if self.chooser is None:
            return self.candidate_context(figure, self.rule_choice(figure))
        candidates = self.period_candidates(figure)
        rule = candidates[0]
        if rule.origin == "expression" and self.expressions[rule.expression].kind == "present":
            # "At present, its turnover exceeds 80 million yuan and ... reached 640 million yuan
            # in 2017": the words say the level is today's, which is no period (flagged
            # downstream); too rare in the labelled documents for the chooser to learn it.
            return self.candidate_context(figure, rule)
        slot = self.slots[self.slot_of_figure[figure]]
        if not slot.expressions and (event_day := self._event_day(slot, candidates)) is not None:
            return self.candidate_context(figure, event_day)
        if not slot.expressions and DEFINITION_RE.match(self.text, slot.start, quantity.start):
            # "A unicorn is a startup valued at over $1 billion": a definition holds at no period,
            # whatever the sentences around it date
            return self.candidate_context(figure, next(c for c in candidates if c.origin == "none"))
        return self.candidate_context(figure, self.chooser.choose(self, figure, candidates))

    def _event_day(self, slot: SentenceSlot, candidates: list[PeriodCandidate]) -> PeriodCandidate | None:
        """The day of the event a dateless sentence says something was done at ("Eight projects
        signed contracts at the conference" after "hosted a conference on Aug 2"): the nearest
        earlier sentence's date of a day that names the same event, among the figure's candidates."""
        sentence = self.text[slot.start : slot.end]
        event = EVENT_AT_RE.search(sentence)
        if not event or not EVENT_DEED_RE.search(sentence):
            return None
        named = event.group("event")
        names_event = ANY_EVENT_RE if named.lower() == "event" else re.compile(rf"\b{named}s?\b", re.IGNORECASE)
        for candidate in sorted(candidates, key=lambda c: c.sentences_back):
            if candidate.origin != "expression" or candidate.sentences_back < 1 or candidate.expression is None:
                continue
            period = self.resolved[candidate.expression].period
            dated = self.slots[self.slot_of_expression[candidate.expression]]
            if period is not None and period.granularity == "day" and names_event.search(self.text, dated.start, dated.end):
                return candidate
        return None

    def candidate_context(self, figure: int, candidate: PeriodCandidate) -> MentionContext:
        """The figure's context when its period is `candidate`'s."""
        if candidate.origin == "headline":
            return self._headline_context(figure)
        if candidate.origin == "document":
            return self._document_year_context(figure, candidate.year)
        if candidate.origin == "base_next":
            return self._base_next_context(figure, candidate.expression)
        if candidate.origin == "publication":
            return self._publication_context(figure)
        if candidate.origin == "lead":
            return self.candidate_context(
                figure, PeriodCandidate("expression", candidate.expression, candidate.sentences_back)
            )
        if candidate.origin == "published_year":
            read = self.candidate_context(figure, PeriodCandidate("expression", candidate.expression))
            return replace(read, **period_fields(self._in_publication_year(candidate.expression)))
        if candidate.origin in ("span_end", "to_last_year"):
            read = self.candidate_context(figure, PeriodCandidate("expression", candidate.expression))
            period = self.resolved[candidate.expression].period
            if candidate.origin == "span_end":
                return replace(read, **period_fields(self._end_month(period)), period_is_point_in_time=True)
            return replace(read, **period_fields(self._to_last_year(period)))
        own = candidate.expression
        carried = (
            own is not None
            and candidate.sentences_back > 0
            and own != self._paragraph_lead(self.slot_of_figure[figure])
        )
        quantity = self.quantities[figure]
        is_change = self._is_change(figure)
        resolved = self.resolved[own] if own is not None else UNRESOLVED
        period = resolved.period
        comparison = self._comparison_expression(figure, is_change)
        comparison_period = (
            self._comparison_period(comparison, period) if comparison is not None else None
        )
        source = "discourse" if carried else resolved.source
        if own in self.range_start_of and period is not None:
            first = self.resolved[self.range_start_of[own]].period
            period = self._span_endpoint(figure, joined_period(first, period), first, period)
        elif period is not None and period.granularity == "multi_year" and self.expressions[own].kind == "span":
            period = self._span_endpoint(
                figure, period, year_period(period.start.year), year_period(period.end.year)
            )
        if (
            period is None
            and quantity.unit_class == "percent"
            and comparison is not None
            and self.expressions[comparison].kind == "year"
            and comparison_period is not None
        ):
            # "up 13.1 percent from 2016", nothing else said: a growth rate against a stated
            # year is the growth to the year after (not a multiple "since 2012": that runs to now).
            period, source = shifted(comparison_period, 1), "text"
        if (
            period is not None
            and comparison_period is not None
            and comparison_period.end.year < period.start.year - 1
        ):
            # "up 178.6 percent from 10.01 million by the end of 2013" said of 2018: a change over
            # several years holds over the span from its base to its own period; so does a
            # difference the base directly follows ("84 more than in 2012", said as of 2022),
            # the only comparison a figure not read as a change takes.
            period = years_period(comparison_period.start.year, period.end.year)
        elif (
            is_change
            and period is not None
            and comparison_period is not None
            and period.granularity not in ("year", "multi_year")
            and period.start.year == period.end.year
            and period.end.month < 12  # as of December, against the end of last year: year on year
            and comparison_period.granularity == "year"
            and comparison_period.end.year == period.start.year - 1
            and (
                self.expressions[comparison].prefix.endswith("the end of")
                or (own is not None and self.expressions[own].role == "point")
            )
        ):
            # "up 4.4% from the end of 2021" (or "from 2021") said of the end of June 2022: a
            # change since the year began, 2022-01/2022-06 ("year on year" keeps its own period)
            year = period.start.year
            period = (
                joined_period(day_period(year, 1, 1), period) if period.granularity == "day"
                else month_period(year, 1, period.end.month)
            )  # fmt: skip
        elif comparison is None and period is not None and own is not None and candidate.sentences_back == 0:
            base_year = self._series_base_year(figure, period)
            if base_year is not None:
                # "443,000 in 1996 ... soared to 14.369 million in 2017, registering an average
                # annual growth of 18%": the growth over the series runs from its first year
                period = years_period(base_year, period.end.year)
        status, status_text = self._status(figure, own, period)
        expression = self.expressions[own] if own is not None else None
        return MentionContext(
            period_label=period.label if period else None,
            period_granularity=period.granularity if period else None,
            period_start=period.start if period else None,
            period_end=period.end if period else None,
            period_text=expression.text if expression else None,
            period_is_point_in_time=bool(expression and expression.role == "point"),
            period_source=source if period else "none",
            comparison_label=comparison_period.label if comparison_period else None,
            comparison_text=self.expressions[comparison].text if comparison is not None else None,
            status=status,
            status_text=status_text,
        )


def _headline_period(title: str, published: Publication | None) -> tuple[Period, TimeExpression] | None:
    """The one period a headline names as its subject ("... investments in 1H19", "R&D spending
    grows faster in 2017"), not a comparison base, a start ("since 2015") or a deadline."""
    times = DocumentTimes(title, [], published)
    named = {}
    for index, expression in enumerate(times.expressions):
        period = times.resolved[index].period
        if (
            period is None
            or (expression.kind == "year" and not expression.prefix and EVENT_NAME_RE.search(title, 0, expression.start))
            or expression.role == "comparison"
            or expression.prefix == SINCE_PREFIX
            or expression.prefix in BY_PREFIXES
            or times._after_publication(period)
        ):
            continue
        named.setdefault(period, expression)
    return next(iter(named.items())) if len(named) == 1 else None


def resolve_english_contexts(
    text: str,
    quantities: list[Quantity],
    published_on: dt.date | str | None = None,
    sentences: Sequence[Sentence] | None = None,
    title: str | None = None,
    chooser: PeriodChooser | None = None,
) -> list[MentionContext]:
    """One MentionContext per quantity of an English text, in the same order (the arguments are
    those of `figures.periods.resolve_contexts`; `chooser` None is the hand rules alone)."""
    if not quantities:
        return []
    times = DocumentTimes(text, list(quantities), publication(published_on), sentences, title, chooser)
    contexts = [times.context(i) for i in range(len(quantities))]
    take_restated_periods(quantities, contexts, _english_pointers(text, quantities))
    _possessive_years(text, quantities, contexts)
    _respectively_years(text, quantities, contexts, times)
    _year_so_far_flows(text, quantities, contexts, times)
    _year_earlier_bases(text, quantities, contexts, times)
    _list_statuses(text, quantities, contexts)
    _continuation_statuses(text, quantities, contexts)
    # a restatement in another unit last, so it shares what the two passes above gave its figure
    contexts = [_restated(contexts, i, q) for i, q in enumerate(quantities)]
    return _headline_restatements(text, title, quantities, contexts) if title else contexts


# Between two items of one list of figures: the first's counted words, then a comma or "and"
# ("30 gold medals, 70 silver medals and 200 bronze medals").
LIST_ITEM_GAP_RE = re.compile(r"(?:\s*[\w'’\"“”-]+){0,4}?\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?:(?i:about|over|nearly|some|more\s+than)\s+)?")
LIST_GAP_STOP_RE = re.compile(r"\b(?i:while|but|whereas|compared|than|from|to|of|in|up|down|was|were|is|are|has|have|had)\b")


def _list_statuses(text: str, quantities: Sequence[Quantity], contexts: list[MentionContext]) -> None:
    """The items of one list of figures share the status a cue gives one of them: "will yield over 30
    gold medals, 70 silver medals and 200 bronze medals" (the cue before the first), "One first prize,
    two second prizes ... and four winners will be decided" (the cue after the last)."""
    order = sorted(range(len(quantities)), key=lambda i: quantities[i].start)
    runs: list[list[int]] = []
    for index in order:
        quantity = quantities[index]
        if quantity.equivalent_of is not None:
            continue
        if runs:
            previous = quantities[runs[-1][-1]]
            gap = text[previous.end : quantity.start]
            if (
                previous.unit_class == quantity.unit_class
                and LIST_ITEM_GAP_RE.fullmatch(gap)
                and not LIST_GAP_STOP_RE.search(gap)
            ):
                runs[-1].append(index)
                continue
        runs.append([index])
    for run in runs:
        cued = {contexts[i].status for i in run if contexts[i].status != "actual"}
        if len(run) < 2 or len(cued) != 1:
            continue
        status = cued.pop()
        words = next((contexts[i].status_text for i in run if contexts[i].status == status and contexts[i].status_text), None)
        for i in run:
            if contexts[i].status == "actual" and contexts[i].status_text is None:
                contexts[i] = replace(contexts[i], status=status, status_text=words)


# A phrase that continues the figure before in its sentence: "..., including 3,500 high-tech firms",
# "..., with its unemployment rate to stay at about 5.5 percent" (not "with 5 already completed").
CONTINUATION_GAP_RE = re.compile(
    r"[^.;!?]{0,80}?,\s+(?:including|with|of\s+which|among\s+them)\b(?![^.;!?]*\b(?:already|has\s+been|have\s+been|were|was|had)\b)[^.;!?]{0,60}$",
    re.IGNORECASE,
)
# Words after the continuing figure that say it is done, not planned ("with 5 already completed").
DONE_AFTER_RE = re.compile(r"\b(?i:already|completed|finished|have\s+been|has\s+been|were|was|had)\b")


def _continuation_statuses(text: str, quantities: Sequence[Quantity], contexts: list[MentionContext]) -> None:
    """A figure in a phrase that continues the figure before it ("aims to increase the number to
    20,000 this year, including 3,500 high-tech firms") shares that figure's target or expectation
    when its own words give none."""
    order = sorted(range(len(quantities)), key=lambda i: quantities[i].start)
    for previous, index in itertools.pairwise(order):
        before, context = contexts[previous], contexts[index]
        if context.status != "actual" or context.status_text is not None or before.status not in ("target", "expected"):
            continue
        if quantities[index].equivalent_of is not None or not before.status_text:
            continue
        after = re.split(r"[.;!?]", text[quantities[index].end : quantities[index].end + 80], maxsplit=1)[0]
        if CONTINUATION_GAP_RE.fullmatch(text, quantities[previous].end, quantities[index].start) and not DONE_AFTER_RE.search(after):
            contexts[index] = replace(context, status=before.status, status_text=before.status_text)


# How many body figures after the headline are tried as the one a headline figure restates.
HEADLINE_RESTATEMENT_REACH = 200
SIGNIFICANT_DIGITS_RE = re.compile(r"\d")


def _significant_digits(number_text: str) -> int:
    """Digits a number is written to: "40.6" 3, "1.7" 2, "100" 1 (trailing zeros of a whole
    number are read as rounding)."""
    whole, _, fraction = number_text.replace(",", "").partition(".")
    digits = (whole.lstrip("0") + fraction) if fraction else whole.lstrip("0").rstrip("0")
    return len(SIGNIFICANT_DIGITS_RE.findall(digits))


def _rounds_to(value: float, headline_value: float, digits: int) -> bool:
    if value <= 0 or headline_value <= 0:
        return False
    scale = 10 ** (math.floor(math.log10(headline_value)) - digits + 1)
    return math.isclose(round(value / scale) * scale, headline_value, rel_tol=1e-9)


def _headline_restatements(
    text: str, title: str, quantities: Sequence[Quantity], contexts: list[MentionContext]
) -> list[MentionContext]:
    """A figure in the headline that the text leaves undated usually rounds one the body states
    with its date ("China has 40.6 million private businesses" over "... exceeded 40.6 million at
    the end of January"): it takes the context of the first body figure of its unit that rounds
    to it."""
    title = title.strip()
    heading_start = text.find(title, 0, len(title) + 200) if title else -1
    if heading_start < 0:
        return contexts
    heading_end = heading_start + len(title)
    order = sorted(range(len(quantities)), key=lambda i: quantities[i].start)
    body = [i for i in order if quantities[i].start >= heading_end][:HEADLINE_RESTATEMENT_REACH]
    result = list(contexts)
    for index in order:
        quantity = quantities[index]
        if quantity.start >= heading_end:
            break
        if (
            quantity.start < heading_start
            or contexts[index].period_source not in ("none", "headline")
            or quantity.value is None
            or not SIGNIFICANT_DIGITS_RE.search(quantity.number_text or "")
        ):
            continue
        digits = _significant_digits(quantity.number_text)
        restated = next(
            (
                other
                for other in body
                if quantities[other].unit == quantity.unit
                and quantities[other].value is not None
                and contexts[other].period_source not in ("none", "headline")
                and _rounds_to(quantities[other].value, quantity.value, digits)
            ),
            None,
        )
        if restated is not None:
            result[index] = contexts[restated]
    return result


# A figure that points back at one told before: "Among these 10,552 startups" (a demonstrative),
# "each of the above three maker spaces" (an explicit back-reference).
POINTS_BACK_BEFORE_RE = re.compile(
    r"\b(?:(?P<explicit>(?i:the\s+above|the\s+said|the\s+aforementioned))|(?i:these|those))\s+$"
)
POINTS_BACK_REACH = 20
# "These two major players" after "two co-working spaces": after a bare demonstrative a small count
# is too common a value to say which figure it points back at.
POINTS_BACK_MIN_VALUE = 10
# The period columns a restatement takes from the figure it restates (its status stays its own).
PERIOD_COLUMNS = (
    "period_label", "period_granularity", "period_start", "period_end", "period_text",
    "period_is_point_in_time", "period_source",
)


def take_restated_periods(
    quantities: Sequence[Quantity], contexts: list[MentionContext], pointers: Sequence[str | None]
) -> None:
    """A figure that points back at one told before with the same value and unit is that figure:
    it takes its period, whatever date its own sentence names for other figures. `pointers` holds
    per figure "explicit" (the above, 上述), "demonstrative" (these, 这) or None; after a bare
    demonstrative the count must be POINTS_BACK_MIN_VALUE or more. Both languages' readers call it."""
    for index, (quantity, pointer) in enumerate(zip(quantities, pointers)):
        if pointer is None or quantity.value is None:
            continue
        if pointer == "demonstrative" and quantity.value < POINTS_BACK_MIN_VALUE:
            continue
        for earlier in range(index - 1, -1, -1):
            other = quantities[earlier]
            if other.value == quantity.value and other.unit == quantity.unit:
                if contexts[earlier].period_source != "none":
                    contexts[index] = replace(
                        contexts[index], **{name: getattr(contexts[earlier], name) for name in PERIOD_COLUMNS}
                    )
                break


def _english_pointers(text: str, quantities: Sequence[Quantity]) -> list[str | None]:
    found = []
    for quantity in quantities:
        match = POINTS_BACK_BEFORE_RE.search(text, max(quantity.start - POINTS_BACK_REACH, 0), quantity.start)
        found.append(None if match is None else "explicit" if match.group("explicit") else "demonstrative")
    return found


# A year told as the owner of the figure right after it: "from 2011's 37.56 million", "next to
# 2018's over USD 300 billion".
POSSESSIVE_YEAR_BEFORE_RE = re.compile(
    r"(?<!\d)((?:19|20)\d\d)['’]s\s+(?:(?i:over|about|around|nearly|some|almost|just|only|roughly|more\s+than|less\s+than)\s+)*$"
)


FINER_BEFORE_YEAR_RE = re.compile(rf"(?:{MONTH}|\b[QH][1-4]|\b[1-4]Q|\b(?i:the|fiscal|fy))[\s,]*$")


def _possessive_years(text: str, quantities: Sequence[Quantity], contexts: list[MentionContext]) -> None:
    """A figure written right after a year's possessive holds in that year, whatever period its
    sentence gives the others (it is mostly the base of a change: "up 44 percent from 2011's ...")."""
    for index, quantity in enumerate(quantities):
        found = POSSESSIVE_YEAR_BEFORE_RE.search(text, max(quantity.start - 40, 0), quantity.start)
        if found is None or FINER_BEFORE_YEAR_RE.search(text, max(found.start(1) - 12, 0), found.start(1)):
            continue  # "June 2018's 100", "Q1 2018's": a finer period the other readings keep; "the 1990's"
        contexts[index] = replace(
            contexts[index], **period_fields(year_period(int(found.group(1)))),
            period_text=found.group(1), period_source="text",
        )


# A list of years ("in 2015, 2016 and 2017") and "respectively" pair the years, in order, with as
# many figures of one unit listed before each "respectively" of that sentence ("Revenues in 2015,
# 2016 and 2017 were 200 million yuan, 510 million yuan and 730 million yuan respectively,
# accounting for 46.1%, 36.8% and 38.6% of the total respectively") or of the paragraph's next
# sentence ("The gross profit margin was 54.6%, 53.1% and 63.2% respectively").
YEAR_LIST_RE = re.compile(r"(?<!\d)((?:19|20)\d\d)((?:\s*,\s*(?:and\s+)?(?:19|20)\d\d(?!\d))*\s*,?\s+and\s+(?:19|20)\d\d)(?!\d)")
RESPECTIVELY_RE = re.compile(r"\brespectively\b", re.IGNORECASE)
LIST_GAP_RE = re.compile(r"[^.;:!?\d]{0,30}")


def _respectively_years(
    text: str, quantities: Sequence[Quantity], contexts: list[MentionContext], times: DocumentTimes
) -> None:
    """As many years listed in a sentence as figures of one unit listed before one of its
    "respectively" pair up in order: each figure holds in its own year, not in the one the
    sentence's reading gave all of them."""
    if RESPECTIVELY_RE.search(text) is None:
        return  # most texts: no sentence to read
    carried: tuple[int, list[int]] | None = None  # (paragraph, years) of the last sentence paired
    for slot in times.slots:
        listed = YEAR_LIST_RE.search(text, slot.start, slot.end)
        offered, carried = carried, None
        list_start = slot.start
        for respectively in RESPECTIVELY_RE.finditer(text, slot.start, slot.end):
            if listed is not None and listed.end() <= respectively.start():
                years = [int(year) for year in YEAR_IN_RE.findall(listed.group())]
            elif listed is None and offered is not None and offered[0] == slot.paragraph:
                years = offered[1]
            else:
                continue
            run = _listed_run(text, quantities, list_start, respectively.start(), len(years), listed)
            list_start = respectively.end()
            if run is None:
                continue
            for index, year in zip(run, years):
                contexts[index] = replace(
                    contexts[index], **period_fields(year_period(year)), period_text=str(year),
                    period_source="text",
                )  # fmt: skip
            carried = (slot.paragraph, years)


# A flow counted "by the end of November" is the year so far, January to November: "China has
# attracted 3.18 billion U.S. dollars venture capital by the end of this November", "428 contracts
# were signed by the end of November", "had provided 470,000 new jobs by the end of September". A
# level stands at the date ("there were 5,000 incubators by the end of November"), and so does a
# running total ("had cumulatively attracted").
YEAR_SO_FAR_BEFORE_RE = re.compile(r"(?:\b(?:by|as\s+(?:of|at)|through|until|till)\s+(?:the\s+)?end\s+of\s+(?:this\s+)?)$", re.IGNORECASE)
YEAR_SO_FAR_PREFIXES = ("by", "by the end of", "at the end of", "until", "till", "through")
YEAR_SO_FAR_FLOW_RE = re.compile(
    r"\b(?:(?-i:new)|[Nn]ewly|attract(?:ed|ing)|rais(?:ed|ing)|signed|clinched|creat(?:ed|ing)|added|set\s+up|established"
    r"|founded|launched|invested|flow(?:ed|ing)|poured|provided|generated|approved|granted|issued|disbursed|sold"
    r"|exported|imported|collected|received|secured|hired|recruited|incubated|landed)\b",
    re.IGNORECASE,
)
YEAR_SO_FAR_LEVEL_RE = re.compile(
    r"\b(?:balance|outstanding|in\s+existence|existing|stood\s+at|home\s+to|there\s+(?:were|are|was|is|had\s+been)"
    r"|cumulative(?:ly)?|accumulated|accumulative(?:ly)?|in\s+operation|registered\s+with|so\s+far|to\s+date)\b",
    re.IGNORECASE,
)


def _year_so_far_flows(
    text: str, quantities: Sequence[Quantity], contexts: list[MentionContext], times: DocumentTimes
) -> None:
    """A figure dated to a month by "by (the end of) <month>" whose clause counts new things or
    deals holds from January to that month; a change or share going on from it in its sentence
    ("up 78.9 percent", "104 more than") holds over the same months."""
    converted: dict[int, Period] = {}  # slot -> the year so far its figures were given
    for index in sorted(range(len(quantities)), key=lambda i: quantities[i].start):
        context, quantity = contexts[index], quantities[index]
        if context.period_granularity != "month" or context.period_start is None or quantity.equivalent_of is not None:
            continue
        month = context.period_start.month
        if context.period_end is None or context.period_end.month != month or not 1 < month < 12:
            continue
        slot_index = times.slot_of_figure[index]
        period = month_period(context.period_start.year, 1, month)
        if converted.get(slot_index) == period and quantity.unit_class in ("percent", "count", "currency", "multiple"):
            pass  # goes on from a figure of its sentence counted over the year so far
        elif not _dated_by_month_end(text, quantity.start, context, times):
            continue
        else:
            clause_start, clause_end = times.slots[slot_index].clause_of(quantity.start)
            words = text[clause_start : min(clause_end, quantity.end + 60)]
            if not YEAR_SO_FAR_FLOW_RE.search(words) or YEAR_SO_FAR_LEVEL_RE.search(words):
                continue
        converted[slot_index] = period
        contexts[index] = replace(context, **period_fields(period), period_is_point_in_time=False)


def _dated_by_month_end(text: str, position: int, context: MentionContext, times: DocumentTimes) -> bool:
    """Whether the expression that dates the figure to its month is "by (the end of) <month>": the
    last one of that month before the figure, or the first after it in its sentence."""
    slot = times.slots[_slot_index(times.slot_starts, position)]
    dating = None
    for expression, resolved in zip(times.expressions, times.resolved):
        if resolved.period is None or resolved.period.label != context.period_label:
            continue
        if expression.start < position or (dating is None and expression.start < slot.end):
            dating = expression
        if expression.start >= position:
            break
    if dating is None:
        return False
    return dating.prefix in YEAR_SO_FAR_PREFIXES or bool(
        YEAR_SO_FAR_BEFORE_RE.search(text, max(dating.start - 40, 0), dating.start)
    )


# A base a change is measured from, said to be "a year earlier" ("down 83% from USD19.5bn a year
# earlier", "up from 1.2 billion yuan generated from 4 transactions a year earlier"), holds in the
# same part of the year before the period its sentence gives.
YEAR_EARLIER_RE = re.compile(r"(?i:a\s+year\s+(?:earlier|ago|before)|(?:the\s+)?(?:previous|preceding|prior)\s+year)")
BASE_WORD_RE = re.compile(r"\b(?i:from|than|compared\s+(?:with|to)|versus|vs\.?|against)\s+")
YEAR_EARLIER_REACH = 80  # characters from the base word to "a year earlier"
BASE_CLAUSE_BREAK_RE = re.compile(r"[,;!?\n]|\.(?!\d)")


def _year_earlier_bases(
    text: str, quantities: Sequence[Quantity], contexts: list[MentionContext], times: DocumentTimes
) -> None:
    """Figures between a base word and "a year earlier" take the year before their period."""
    for expression in times.expressions:
        if expression.kind != "prior" or not YEAR_EARLIER_RE.fullmatch(expression.text.strip()):
            continue
        if text.startswith(("'s", "’s"), expression.end):
            continue  # "more than double the previous year's tally": the multiple's base is named after it
        window_start = max(expression.start - YEAR_EARLIER_REACH, 0)
        breaks = list(BASE_CLAUSE_BREAK_RE.finditer(text, window_start, expression.start))
        segment_start = breaks[-1].end() if breaks else window_start
        base = BASE_WORD_RE.search(text, segment_start, expression.start)
        if base is None:
            continue
        base_start = base.end()
        for index, quantity in enumerate(quantities):
            if not (base_start <= quantity.start and quantity.end <= expression.start) or quantity.equivalent_of is not None:
                continue
            if quantity.unit_class == "multiple":
                continue  # "up 20 times from a year earlier": a change, not the base
            period = _resolved_period(times, contexts[index])
            if period is None or not period.shape or contexts[index].period_source in ("none", "publication_date"):
                continue
            earlier = shifted(period, -1)
            contexts[index] = replace(contexts[index], **period_fields(earlier), period_text=expression.text)


def _resolved_period(times: DocumentTimes, context: MentionContext) -> Period | None:
    """The period a figure's context names, as the document's time expressions resolved it."""
    return next(
        (r.period for r in times.resolved if r.period is not None and r.period.label == context.period_label), None
    )


def _listed_run(
    text: str, quantities: Sequence[Quantity], start: int, end: int, size: int, years: re.Match | None
) -> list[int] | None:
    """The last `size` figures of one unit between start and end, written as a list ("A, B and C"),
    or None when there are not that many or they are not a list."""
    before = [
        index for index, quantity in enumerate(quantities)
        if start <= quantity.start and quantity.end <= end and quantity.equivalent_of is None
        and not (years is not None and years.start() <= quantity.start < years.end())
    ]  # fmt: skip
    run = before[-size:]
    if len(run) != size or size < 2 or len({quantities[i].unit_class for i in run}) != 1:
        return None
    gaps = [text[quantities[a].end : quantities[b].start] for a, b in itertools.pairwise(run)]
    if not all(LIST_GAP_RE.fullmatch(gap) and ("," in gap or " and " in f" {gap} ") for gap in gaps):
        return None
    return run


def _restated(contexts: list[MentionContext], index: int, quantity: Quantity) -> MentionContext:
    """A restatement in another unit ("($7.83 billion)") shares the period of what it restates."""
    original = quantity.equivalent_of
    if original is None or not 0 <= original < len(contexts) or original == index:
        return contexts[index]
    return contexts[original]
