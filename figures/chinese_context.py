"""When each figure of a Chinese text refers to, and its status: the Chinese counterpart of
`figures.context.resolve_contexts`, returning the same MentionContext records.

    >>> from figures.quantities import extract
    >>> text = "截至2016年底，全国众创空间有4298家。今年前三季度，日均新设企业1.66万户。"
    >>> [c.period_label for c in resolve_chinese_contexts(text, extract(text), "2017-10-20")]
    ['2016', '2017-Q1/2017-Q3']

Time expressions read (after the one-for-one simplified/half-width translation of the text):
`2016年`, `2016年底`/`年末` (a point), `2016年上半年`, `一季度`/`第三季度`, `前三季度`, `6月`,
`6月底` (a point), `1-8月`/`1至8月`/`1月份至9月份`, `2017年6月30日`, `2013至2015年`,
`今年`/`去年`/`上年`/`明年`/`前年` (against the publication date), `今年以来`, `目前`/`现在` (the
publication date), `十三五期间` (2016-2020), `十年来`/`三年多来`/`近三年`. `截至`/`截止`/`到`
before, or `底`/`末` after, make a point in time. An expression after `较`/`比`/`与`/`相比`/`按`
is a comparison base or a basis, not the figure's period.

A figure takes the last period expression before it in its sentence, else the one after it in
its clause, else the last one before it in the document (the paragraph's or article's lead:
"今年前三季度，……。其中，……"; period_source "discourse"), else none (the warehouse then falls
back to the publication date and flags it). Year-less expressions take the year of the
nearest full year written before them in the same sentence, else the publication year.
Status: the extractor's cue (`预计` expected, `目标`/`力争` target), else "expected" for a
period starting after publication, else "actual". Comparison bases are not resolved here.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from figures.context import (
    MentionContext,
    Period,
    day_period,
    half_period,
    month_period,
    publication,
    quarter_period,
    year_period,
    years_period,
)
from figures.quantities import Quantity
from figures.quantities.chinese_lexicon import TO_HALF_WIDTH, TO_SIMPLIFIED
from figures.sentences import Sentence, split_sentences

_NORMALISE = {**TO_HALF_WIDTH, **TO_SIMPLIFIED}
_NUMBER = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8,
           "九": 9, "十": 10, "十一": 11, "十二": 12}  # fmt: skip
_N = r"(?:\d{1,2}|十[一二]?|[一二两三四五六七八九])"
_YEAR = r"(?P<year>(?:19|20)\d\d)[ ]?年"
# Five-year plans by their number.
_PLANS = {"十一五": 2006, "十二五": 2011, "十三五": 2016, "十四五": 2021, "十五五": 2026}

TIME_RE = re.compile(
    rf"""
    (?=[\d今去上下前本当同第一二两三四五六七八九十目现如迄至截到较比与相按从由自近昨日])
    (?P<prefix>截至|截止到|截止|截至到|到|至|较|比|与|相比|相较|按照|按|从|由|自)?
    (?:
        (?P<plan>十[一二三四五]五)(?:”|")?(?:期间|时期|以来)
      | (?P<span_first>(?:19|20)\d\d)[ ]?(?:年)?[ ]?(?:[-—至到~])[ ]?(?P<span_last>(?:19|20)\d\d)[ ]?年(?P<span_end>底|末)?
      | (?:{_YEAR}|(?P<relative>今年|去年|上年|明年|前年|本年|当年|同年))?
        (?:
            (?P<half>上半年|下半年)
          | (?P<first_quarters>前(?P<quarters>[二两三2-3])(?:个)?季度)
          | 第?(?P<quarter>[一二三四1-4])季度(?P<quarter_end>末|底)?
          | (?P<month_first>{_N})[ ]?(?:月(?:份)?)?[ ]?(?:[-—至到~])[ ]?(?P<month_last>{_N})[ ]?月(?:份)?(?P<month_range_end>底|末)?
          | (?P<month>{_N})[ ]?月(?:份)?(?:(?P<day>\d{{1,2}}|[一二三]?十?[一二三四五六七八九十])[ ]?日|(?P<month_end>底|末|份))?
          | (?P<year_end>底|末)
          | (?P<since>以来)
        )?
      | (?P<present>目前|现在|当前|如今|截至目前|迄今|至今)
      | (?P<reported>昨天|昨日|今天|今日|近日|日前|日前|前不久|近期)
      | (?P<years_back>(?P<back_count>\d{{1,2}}|[一二两三四五六七八九十])[ ]?年(?P<plus>多)?来)
      | (?P<recent_years>近(?P<recent_count>\d{{1,2}}|[一二两三四五六七八九十])[ ]?年)
    )
    """,
    re.VERBOSE,
)
COMPARISON_PREFIXES = frozenset({"较", "比", "与", "相比", "相较", "按照", "按"})
POINT_PREFIXES = frozenset({"截至", "截止到", "截止", "截至到", "到", "至"})
SINCE_PREFIXES = frozenset({"从", "由", "自"})
_SENTENCE_BREAK = frozenset("。！？；!?;\n")
_CLAUSE_BREAK = frozenset("，。；！？,;!?\n：:")


@dataclass(frozen=True, slots=True)
class ChineseTime:
    start: int
    end: int
    text: str
    period: Period
    is_point: bool
    is_comparison: bool
    source: str  # "text" or "relative"


def _count(word: str) -> int:
    return int(word) if word.isdigit() else _NUMBER.get(word, 10 if word == "十" else 0)


def find_chinese_times(text: str, published_on: dt.date | str | None = None) -> list[ChineseTime]:
    """Every Chinese time expression of `text` with the period it names."""
    norm = text.translate(_NORMALISE)
    published = publication(published_on)
    pub_year = published.period.start.year if published else None
    times: list[ChineseTime] = []
    last_year: tuple[int, int] | None = None  # (position, year) of the last full year written
    for match in TIME_RE.finditer(norm):
        if match.end() == match.start() or (match.group("prefix") and match.end() == match.end("prefix")):
            continue
        groups = match.groupdict()
        if groups["year"]:
            last_year = (match.start(), int(groups["year"]))
        sentence_year = _year_for(norm, match.start(), last_year, pub_year, groups)
        try:
            period, is_point, source = _period_of(groups, sentence_year, pub_year, published)
        except ValueError:
            continue
        if period is None:
            continue
        prefix = groups["prefix"]
        if prefix in POINT_PREFIXES:
            is_point = True
        times.append(ChineseTime(
            match.start(), match.end(), text[match.start() : match.end()], period, is_point,
            prefix in COMPARISON_PREFIXES, source,
        ))  # fmt: skip
    return times


def _year_for(norm: str, start: int, last_year, pub_year, groups) -> int | None:
    """The year of a year-less expression: the relative word's, the last full year written
    in the same sentence, else the publication year."""
    relative = groups["relative"]
    if groups["year"]:
        return int(groups["year"])
    if relative and pub_year is not None:
        return pub_year + {"去年": -1, "上年": -1, "前年": -2, "明年": 1}.get(relative, 0)
    if last_year is not None and not any(c in _SENTENCE_BREAK for c in norm[last_year[0] : start]):
        return last_year[1]
    return pub_year


def _period_of(groups, year, pub_year, published) -> tuple[Period | None, bool, str]:
    """(period, whether it is a point in time, source) of one matched expression."""
    source = "relative" if groups["relative"] or groups["present"] else "text"
    if groups["plan"]:
        first = _PLANS.get(groups["plan"])
        return (years_period(first, first + 4) if first else None), False, "text"
    if groups["span_first"]:
        first, last = int(groups["span_first"]), int(groups["span_last"])
        if groups["span_end"]:
            return year_period(last), True, "text"
        return (years_period(first, last) if first < last else None), False, "text"
    if groups["present"]:  # "now": the publication month (a day is finer than such text means)
        if published is None:
            return None, False, "relative"
        start = published.period.start
        return (month_period(start.year, start.month) if published.period.granularity == "day"
                else published.period), True, "relative"
    if groups["reported"]:  # "yesterday a reporter learnt ...": figures of the publication year
        return (year_period(pub_year) if pub_year else None), True, "relative"
    if groups["years_back"] or groups["recent_years"]:
        if pub_year is None:
            return None, False, source
        if groups["years_back"]:
            count = _count(groups["back_count"]) + (1 if groups["plus"] else 0)
            return years_period(pub_year - count, pub_year), False, "relative"
        count = _count(groups["recent_count"])
        return years_period(pub_year - count, pub_year - 1), False, "relative"
    if year is None or ((groups["since"] or groups["year_end"]) and not (groups["year"] or groups["relative"])):
        return None, False, source
    if groups["half"]:
        return half_period(year, 1 if groups["half"] == "上半年" else 2), False, source
    if groups["first_quarters"]:
        return quarter_period(year, 1, _count(groups["quarters"])), False, source
    if groups["quarter"]:
        quarter = _count(groups["quarter"])
        return quarter_period(year, quarter), bool(groups["quarter_end"]), source
    if groups["month_first"]:
        first, last = _count(groups["month_first"]), _count(groups["month_last"])
        if not 1 <= first < last <= 12:
            return None, False, source
        if groups["month_range_end"]:
            return month_period(year, last), True, source
        return month_period(year, first, last), False, source
    if groups["month"]:
        month = _count(groups["month"])
        if not 1 <= month <= 12:
            return None, False, source
        if groups["day"]:
            # A day is when something was said or held ("6月30日，市长听取了……"): its
            # figures belong to that year, unless the day closes a stock ("截至6月30日").
            if groups["prefix"] in POINT_PREFIXES:
                return day_period(year, month, _count(groups["day"])), True, source
            return year_period(year), False, source
        return month_period(year, month), bool(groups["month_end"] in ("底", "末")), source
    if groups["since"]:
        if pub_year is None or year > pub_year:
            return None, False, source
        return (years_period(year, pub_year) if year < pub_year else year_period(year)), False, source
    if groups["year"] or groups["relative"]:
        return year_period(year), bool(groups["year_end"]), source
    return None, False, source


def resolve_chinese_contexts(
    text: str,
    quantities: list[Quantity],
    published_on: dt.date | str | None = None,
    sentences: Sequence[Sentence] | None = None,
) -> list[MentionContext]:
    """One MentionContext per quantity, in the same order (see the module docstring)."""
    if not quantities:
        return []
    published = publication(published_on)
    # A time overlapping a figure is not a time. Figures sorted by start with the furthest end
    # reached so far answer that with one bisect per time, not a pass over every figure.
    spans = sorted((q.start, q.end) for q in quantities)
    span_starts = [start for start, _ in spans]
    furthest_end, reached = [], float("-inf")
    for _, end in spans:
        reached = max(reached, end)
        furthest_end.append(reached)
    times = []
    for t in find_chinese_times(text, published_on):
        earlier = bisect.bisect_left(span_starts, t.end)  # figures starting before the time ends
        if not (earlier and furthest_end[earlier - 1] > t.start):
            times.append(t)
    if sentences is None:
        sentences = split_sentences(text)
    sentence_starts = [s.start for s in sentences]
    time_starts = [t.start for t in times]
    norm = text.translate(_NORMALISE)
    # Per time, the last time up to it that is no comparison base; where clauses break: each
    # figure's time is then found by bisection, not by a pass over the times or its clause.
    last_period, latest = [], None
    for time in times:
        latest = latest if time.is_comparison else time
        last_period.append(latest)
    clause_breaks = [position for position, character in enumerate(norm) if character in _CLAUSE_BREAK]
    contexts = []
    for quantity in quantities:
        chosen, source = _time_for(quantity, times, time_starts, sentence_starts, norm, last_period, clause_breaks)
        contexts.append(_context(quantity, chosen, source, published))
    return [
        contexts[q.equivalent_of] if q.equivalent_of is not None and 0 <= q.equivalent_of < len(contexts) else c
        for q, c in zip(quantities, contexts)
    ]  # fmt: skip


def _time_for(
    quantity, times, time_starts, sentence_starts, norm, last_period, clause_breaks
) -> tuple[ChineseTime | None, str]:
    index = bisect.bisect_right(sentence_starts, quantity.start) - 1
    sentence_start = sentence_starts[index] if index >= 0 else 0
    position = bisect.bisect_right(time_starts, quantity.start)
    latest = last_period[position - 1] if position else None  # the last time before, not a comparison
    before = [latest] if latest is not None else []
    if before and before[-1].start >= sentence_start:
        return before[-1], before[-1].source
    next_break = bisect.bisect_left(clause_breaks, quantity.end)
    clause_end = clause_breaks[next_break] if next_break < len(clause_breaks) else len(norm)
    for time in times[position:]:
        if time.start >= clause_end:
            break
        if not time.is_comparison:
            return time, time.source
    if before:
        return before[-1], "discourse"
    return None, "none"


def _context(quantity: Quantity, time: ChineseTime | None, source: str, published) -> MentionContext:
    period = time.period if time else None
    status, status_text = "actual", None
    if quantity.status_hint in ("expected", "target", "forecast"):
        status = quantity.status_hint
    elif period is not None and published is not None and period.start > published.period.end:
        status = "expected"
    return MentionContext(
        period_label=period.label if period else None,
        period_granularity=period.granularity if period else None,
        period_start=period.start if period else None,
        period_end=period.end if period else None,
        period_text=time.text if time else None,
        period_is_point_in_time=bool(time and time.is_point),
        period_source=source if period else "none",
        comparison_label=None,
        comparison_text=quantity.change_basis_text,
        status=status,
        status_text=status_text,
    )
