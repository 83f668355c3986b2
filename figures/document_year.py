"""The year a document reports on as a whole, read once per document.

A report, survey, census or list of one year, a company's annual results, the year's edition of
a competition or a review of the year dates the figures its words leave undated with that year,
the publication's or the one before ("China now has 131 unicorns", said of a list released in
March 2017 that grew "by 61 from 2015", is of 2016). A feature, an interview or news of several
periods reports on no one year, and its undated figures stay undated.

`read_reported_year` weighs what the document says of each year it may report on (the
publication year and the one before):

- an edition: the year stands with a report's, list's or event's name in the headline or the
  opening ("its 2013 University Employment Report", "the 2019 Graduation Ceremony", "a report on
  ... in 2017", "Annual Results 2019");
- the headline names the year, or says "last year" / "this year" of it;
- the opening sentences date something in it (a dateline, the publication day, is not that);
- most of the document's dated figures are of it;
- a comparison base names the year before it ("up 61 from 2015");
- against all of these, a document whose dated figures spread over many years reports on none.

It returns the best year, how strongly the document speaks for it ("strong", "fair", "weak" or
"none") and the evidence found, which figures.period_choice gives the period chooser as features
of the document's year candidates. Pure Python over figures.context.DocumentTimes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from figures.context import DocumentTimes

# The names of what covers a year as a whole: a report, a survey, a list, results, an event's
# edition.
REPORT_NOUNS = (
    r"reports?|surveys?|census|communiqu[eé]|bulletin|yearbook|white\s+paper|statistics|lists?|rankings?|index"
    r"|results|review|studies|study|ceremony|competition|contest|awards?|championship|finals?|edition|summit|expo"
    r"|fair|festival|week|forum|outlook"
)
# A year standing with such a name: "2013 University Employment Situation Report", "the 2019
# Incubation Graduation Ceremony", "Global Unicorn List 2019", "report on ... in 2017".
YEAR_BEFORE_NOUN_RE = re.compile(
    rf"(?<!\d)(?P<year>(?:19|20)\d\d)(?:'s)?(?:[ \t]+[A-Z&][\w&'’.-]*|[ \t]+(?!(?:the|a|an|its|their|this|that|it|we|they|he|she)\b)[a-z][\w-]*){{0,6}}?[ \t]+(?i:{REPORT_NOUNS})\b"
)
# The year of a day ("November 20, 2019", a dateline): when a page appeared, no edition.
DAY_BEFORE_YEAR_RE = re.compile(r"\d{1,2}(?:st|nd|rd|th)?,?\s*\Z")
YEAR_AFTER_NOUN_RE = re.compile(
    rf"\b(?i:{REPORT_NOUNS})(?:\s+\(?(?:for|of|in)?\s*(?P<year>(?:19|20)\d\d)(?!\d)"
    rf"|\s+(?:on|of|for|about)\b[^.;:!?\n]{{0,80}}?\b(?:in|for|of|during)\s+(?P<late>(?:19|20)\d\d)(?!\d))"
)
# Words of a headline or opening saying the document reports on a period as a whole (a report, a
# survey, a census, a list, annual results, a review of the year, data released).
REPORT_WORDS = (
    r"reports?|survey|census|communiqu[eé]|bulletin|statistics|statistical|annual|results|list|ranking"
    r"|white\s+paper|yearbook|review|data\s+(?:show|released)"
)
# The reported-year reading also takes an index, a study and a year's end as a report's words; the
# chooser's cue takes "released" instead.
REPORT_WORD_RE = re.compile(rf"\b(?i:{REPORT_WORDS}|index|study|year[\s-]end|full[\s-]year)\b")
REPORT_CUE_RE = re.compile(rf"\b(?i:{REPORT_WORDS}|released)\b")
# Of those, the words of a document that covers one edition or year as a whole (a census, an
# annual report or results, a list or ranking, a year's competition, survey or review), rather
# than news that cites data.
WHOLE_PERIOD_CUE_RE = re.compile(
    r"\b(?i:census|communiqu[eé]|bulletin|yearbook|annual|results|list|ranking|white\s+paper|survey|review"
    r"|competition|contest|edition|finals?|awards?|index)\b"
)
# Words of a headline of a document that reports on no one year: an interview, a profile, advice.
NO_YEAR_HEADLINE_RE = re.compile(r"\b(?i:interview|q\s*&\s*a|profile|how\s+to|opinion|commentary|column)\b")
YEAR_RE = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
LAST_YEAR_RE = re.compile(r"\b(?i:last\s+year|past\s+year|previous\s+year)\b")
# Words of what is to come: a plan, a target, a forecast ("will", "expected", "by 2025").
FUTURE_RE = re.compile(
    r"\b(?i:will|would|expected|expects?|target(?:s|ed)?|aim(?:s|ing)?|plans?|planning|goals?|forecasts?|projected|seeks?|seeking"
    r"|by\s+20[2-9]\d)\b"
)
# A headline's infinitive of reaching ("Sales to top 1 trillion this year"): a target too.
HEADLINE_TARGET_RE = re.compile(r"\b(?i:to\s+(?:break|reach|exceed|hit|top))\b")
THIS_YEAR_RE = re.compile(r"\b(?i:this\s+year|so\s+far\s+this\s+year|year\s+to\s+date)\b")
# How much of the document counts as its opening: the first sentences of the body (many pages
# start with navigation lines and the headline again), within so many characters.
OPENING_SENTENCES = 6
OPENING_CHARS = 900
# The chooser reads the document's lead, its first two sentences, for the years it names and its
# report cues (a longer one cost it: grouped CV 0.779 -> 0.775, each batch left out 0.741 -> 0.727).
LEAD_SENTENCES = 2
# Points each piece of evidence gives a year, and the totals that make the reading fair or strong.
POINTS = {
    "edition": 3,
    "headline_year": 2,
    "headline_relative": 2,
    "opening_year": 1,
    "most_dated": 2,
    "some_dated": 1,
    "base_before": 1,
    "released_early": 1,
}
FAIR, STRONG = 2, 4
# The months of a year in which a report is mostly of the year before.
EARLY_MONTHS = 4
# A document whose dated figures name this many distinct years, none of them most, reports on none.
SPREAD_YEARS = 4


@dataclass(frozen=True, slots=True)
class ReportedYear:
    """The year the document reports on (None: no one year), how strongly it says so, the
    evidence for that year, and whether its headline or opening speaks as a report."""

    year: int | None
    strength: str
    evidence: tuple[str, ...] = ()
    report_words: bool = False
    points: int = 0  # the evidence's weight (POINTS), a report's words adding one

    def features_for(self, year: int) -> list[str]:
        """What the reading says of a candidate year, as feature names."""
        if self.year is None:
            return [f"reported_year=none&report={self.report_words}"]
        match = "this" if year == self.year else "other"
        found = [f"reported_year={match}&strength={self.strength}"]
        if match == "this":
            found += ["reported_year=this", f"reported_year=this&report={self.report_words}&strength={self.strength}"]
        return found


@dataclass(slots=True)
class YearEvidence:
    """What a document says of the years it may report on, read once per document. Both the
    reported year (read_reported_year) and the chooser's details of each document year
    (figures.period_choice.document_year_details) are read from it; where the two weigh the
    same evidence with different filters (each refitted on the other's cost the chooser), both
    are kept, side by side.

    - the headline's years;
    - the opening (OPENING_SENTENCES): the years it dates a figure in, the editions it names,
      whether it speaks as a report; the lead (LEAD_SENTENCES): the years it names, its report
      and whole-period cues;
    - the years comparison bases name (neither after publication nor the publication day);
    - the sentences with figures: how many; how many a year or part of one dates a figure in
      (no day, span of years or base) and how many within each year; how many have any date, and
      how many a period of each year ends in;
    - how often the dates name each year explicitly, how many periods run to each year's end,
      the first year a period that is no day or start dates, "last year" or "this year" said."""

    title_years: frozenset[int]
    opening_years: frozenset[int]
    editions: frozenset[int]
    report_words: bool
    lead_years: frozenset[int]
    report_cue: bool
    whole_period_cue: bool
    base_years: frozenset[int]
    with_figures: int
    dated: int
    dated_in: dict[int, int]
    with_dates: int
    ending_in: dict[int, int]
    named: dict[int, int]
    reached: dict[int, int]
    relative: frozenset[str]
    first_dated: int | None


def read_year_evidence(times: DocumentTimes) -> YearEvidence:
    """The document's evidence of the years it reports on; cached on `times`."""
    cached = times.year_evidence
    if cached is None:
        cached = times.year_evidence = _read_evidence(times)
    return cached


def _read_evidence(times: DocumentTimes) -> YearEvidence:
    title = times.title or ""
    text = times.text
    published = times.published
    opening_end = _opening_end(times)
    slots = times.slots
    lead_end = slots[min(LEAD_SENTENCES, len(slots)) - 1].end if slots else 0
    opening_years: set[int] = set()
    lead_years: set[int] = set()
    base_years: set[int] = set()
    named: dict[int, int] = {}
    reached: dict[int, int] = {}
    relative: set[str] = set()
    first_dated = None
    for index, expression in enumerate(times.expressions):
        period = times.resolved[index].period
        if period is None:
            continue
        comparison = expression.role == "comparison"
        # a dateline ("2019-11-20 10:00", "November 20, 2019") says when the page appeared, not
        # what it reports on
        publication_day = times._is_publication_day(period)
        if not publication_day and expression.start < lead_end and expression.explicit_year is not None:
            lead_years.add(expression.explicit_year)
        after = times._after_publication(period)
        if comparison or after:
            # "growing by 61 from 2015" says the document's own figures are of 2016
            if comparison and not after and not publication_day:
                base_years.add(period.end.year)
            continue
        # the first period that is no day (a dateline, an event's date), start ("since 2015") or
        # base: the lead's "By the end of 2018", "In 2022"
        if first_dated is None and period.granularity != "day" and expression.prefix != "since":
            first_dated = period.end.year
        if publication_day:
            continue
        # How many of the document's periods run to the end of each year, however written ("in
        # 2017", "last year", "since 2015"): a year no period reaches is seldom the one it reports on.
        reached[period.end.year] = reached.get(period.end.year, 0) + 1
        if expression.kind == "relative" and published is not None:
            relative.add("says_this_year" if period.start.year == published.year else "says_last_year")
        if expression.explicit_year is not None:
            named[expression.explicit_year] = named.get(expression.explicit_year, 0) + 1
        if expression.start < opening_end and (year := _dated_year(times, index)) is not None:
            opening_years.add(year)
    # Of the sentences with figures, those a year or part of one dates and those with any date,
    # and how many of each are dated within each year.
    with_figures = dated = with_dates = 0
    dated_in: dict[int, int] = {}
    ending_in: dict[int, int] = {}
    for slot in slots:
        if not slot.figures:
            continue
        with_figures += 1
        with_dates += bool(slot.expressions)
        for year in {year for i in slot.expressions if (year := _dated_year(times, i)) is not None}:
            dated_in[year] = dated_in.get(year, 0) + 1
        dated += any(_dated_year(times, i) is not None for i in slot.expressions)
        ends = {
            times.resolved[i].period.end.year
            for i in slot.expressions
            if times.resolved[i].period is not None and times.expressions[i].role != "comparison"
        }
        for year in ends:
            ending_in[year] = ending_in.get(year, 0) + 1
    opening = text[:opening_end]
    return YearEvidence(
        title_years=frozenset(int(y) for y in YEAR_RE.findall(title)),
        opening_years=frozenset(opening_years),
        editions=frozenset(_edition_years(title) | _edition_years(opening)),
        report_words=bool(REPORT_WORD_RE.search(title) or REPORT_WORD_RE.search(opening)),
        lead_years=frozenset(lead_years),
        report_cue=bool(REPORT_CUE_RE.search(title) or REPORT_CUE_RE.search(text, 0, lead_end)),
        whole_period_cue=bool(WHOLE_PERIOD_CUE_RE.search(title) or WHOLE_PERIOD_CUE_RE.search(text, 0, lead_end)),
        base_years=frozenset(base_years),
        with_figures=with_figures,
        dated=dated,
        dated_in=dated_in,
        with_dates=with_dates,
        ending_in=ending_in,
        named=named,
        reached=reached,
        relative=frozenset(relative),
        first_dated=first_dated,
    )


def _opening_end(times: DocumentTimes) -> int:
    """Where the document's opening ends: after its first body sentences, within OPENING_CHARS."""
    slots = times.slots
    if not slots:
        return 0
    end = slots[min(OPENING_SENTENCES, len(slots)) - 1].end
    return min(end, max(slots[0].end, OPENING_CHARS))


def _edition_years(text: str) -> set[int]:
    """The years standing with a report's, list's or event's name in `text`."""
    found = {
        int(m.group("year"))
        for m in YEAR_BEFORE_NOUN_RE.finditer(text)
        if not DAY_BEFORE_YEAR_RE.search(text, max(m.start() - 6, 0), m.start())
    }
    for match in YEAR_AFTER_NOUN_RE.finditer(text):
        year = match.group("year") or match.group("late")
        found.add(int(year))
    return found


def _dated_year(times: DocumentTimes, index: int) -> int | None:
    """The year the document's date expression `index` dates a figure in: none for a comparison
    base, a date after publication, a span of years or a day (a dateline, the day a list was
    released or an event held says when, not what the figures are of)."""
    period = times.resolved[index].period
    if (
        period is None
        or times.expressions[index].role == "comparison"
        or period.granularity in ("multi_year", "day")
        or times._after_publication(period)
    ):
        return None
    return period.end.year


def read_reported_year(times: DocumentTimes) -> ReportedYear:
    """The year `times`'s document reports on as a whole; cached on it."""
    cached = getattr(times, "reported_year", None)
    if cached is not None:
        return cached
    found = times.reported_year = _read(times)
    return found


def _read(times: DocumentTimes) -> ReportedYear:
    years = times.document_years()
    if not years:
        return ReportedYear(None, "none")
    found = read_year_evidence(times)
    title = times.title or ""
    published = times.published
    report_words = found.report_words
    evidence: dict[int, list[str]] = {year: [] for year in years}
    for year in years:
        if year in found.editions:
            evidence[year].append("edition")
        if year in found.title_years:
            evidence[year].append("headline_year")
    if LAST_YEAR_RE.search(title) and published.year - 1 in evidence:
        evidence[published.year - 1].append("headline_relative")
    # "... expected to break 10,000 this year": a target for the year, not a report on it
    if (
        THIS_YEAR_RE.search(title)
        and not (FUTURE_RE.search(title) or HEADLINE_TARGET_RE.search(title))
        and published.year in evidence
    ):
        evidence[published.year].append("headline_relative")
    dated, dated_in = found.dated, found.dated_in
    for year in years:
        if year in found.opening_years:
            evidence[year].append("opening_year")
        share = dated_in.get(year, 0)
        if dated and share * 2 > dated and share >= 2:
            evidence[year].append("most_dated")
        elif share and share * 3 >= dated:
            evidence[year].append("some_dated")
        if year - 1 in found.base_years and year not in found.base_years:
            evidence[year].append("base_before")
    # A report, list, survey or results released in the first months of a year are mostly of
    # the year before, unless the document names its own year as the edition's.
    if (
        report_words
        and published.month is not None
        and published.month <= EARLY_MONTHS
        and published.year - 1 in evidence
        and not {"edition", "headline_year"} & set(evidence[published.year])
    ):
        evidence[published.year - 1].append("released_early")
    points = {year: sum(POINTS[name] for name in names) for year, names in evidence.items()}
    # The better year; on a tie, the year before for a document published in its first half
    # (a report, list or results appear after the year they cover), else its own.
    early = published.month is not None and published.month <= 6
    best = max(years, key=lambda year: (points[year], (year != published.year) == early))
    # Dated figures spread over many years with none of them most: news of several periods.
    spread = len(dated_in) >= SPREAD_YEARS and not any(n * 2 > dated for n in dated_in.values())
    if points[best] == 0 or NO_YEAR_HEADLINE_RE.search(title):
        return ReportedYear(None, "none", (), report_words)
    if spread and "edition" not in evidence[best]:
        return ReportedYear(None, "none", ("spread",), report_words)
    score = points[best] + (1 if report_words else 0)
    strength = "strong" if score >= STRONG else "fair" if score >= FAIR else "weak"
    return ReportedYear(best, strength, tuple(evidence[best]), report_words, score)
