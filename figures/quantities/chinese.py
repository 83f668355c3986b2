"""Quantities in Chinese text (simplified or traditional script), with the English extractor's
output contract: the same `Quantity` fields, offsets into the text as written.

    >>> [(q.value, q.unit, q.qualifier, q.counted) for q in extract_chinese("众创空间有4298家，孵化器超过3000家。")]
    [(4298.0, 'count', 'exact', '众创空间'), (3000.0, 'count', 'over', '孵化器')]

What it reads:

- numerals: Arabic (`1845.0`, `7,500`, `89 705`, full-width `５７３９`) with scale characters
  (`1.2万`, `5.5万亿`, `12萬多億`, `20余万`), Chinese numerals (`三千二百五十五`, `两万`,
  `兩萬`: parsed by cn2an), `百分之十五`, shares of a whole in percent like 百分之 (`三分之一`
  33.3%, `1/6`, `一半`/`近半`/`过半` 50%);
- units: money (`元`, `亿元`, `人民币`, `美元`, `港币`, `欧元`, `¥`/`￥` as yuan unless Japan is
  named nearby), percent (`%`, `百分之`, `成` as tenths), percentage points (`个百分点`),
  multiples (`倍`), areas, lengths and weights, measure words for counts (`家 户 个 人 项 轮 队 ...`),
  counts of groups of things (`四大经济区域`) and colon ratios a ratio's word goes with (`1:2的比例`);
  a bare scale (`3.5万亿`) is money when its clause speaks of money (`金额`, `资金`, `基金` ...);
- ranges (`3000-5000万元`, `30至50万`, `1亿元到2亿元`): the first number takes the second's
  scale and unit when it has none;
- qualifiers (`超过 逾 突破 以上 余 多` over; `约 近 接近 左右` about; `不足 不到 以下` under),
  status cues (`预计` expected; `目标 力争 计划` target), rate bases (`日均`, `每年`), changes
  (`增长`/`下降` right before the figure) and their basis (`同比`, `较去年底`);
- the counted noun of a count: the noun after the measure word, else the subject before the
  number (`众创空间有4298家` -> `众创空间`).

Not figures: years, dates and time frames (a number before `年 月 日 天 个月 季度 ...`: `三年内成为`,
`近3-5年来`), unless the words make it a length of time (a term `存续期20年`, a bound `最长5年`
`未满1年`, `为期两年`, hours `20小时`, a range `4至5年`, working days `3个工作日`, a deadline
`7天内完成审核`, the years of paid interest `前5年利息`), ordinals
(`第3`), vague numbers (`数千家`), a bare `一` before a measure word (`一家` is "a company"),
and numbers with neither unit nor scale (codes, citations, names such as `5G`), unless they are
a table's cells under a header naming their unit.

Traditional characters and full-width forms are read through one-for-one translation tables
(`chinese_lexicon.TO_SIMPLIFIED`, `TO_HALF_WIDTH`), so offsets always index the original text.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import replace
from functools import lru_cache
from itertools import islice

from . import chinese_lexicon as L
from .model import Quantity, new_quantity, signed_as_restated

CJK_IDEOGRAPH = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
CJK_RE = re.compile(f"[{CJK_IDEOGRAPH}]")
LATIN_LETTER_RE = re.compile("[A-Za-z]")
# A text is read as Chinese when ideographs make up at least this share of its letters; an
# English article quoting a few Chinese names stays with the English extractor.
MIN_CJK_LETTER_SHARE = 0.3
LANGUAGE_SAMPLE_CHARS = 5000

_NORMALISE = {**L.TO_HALF_WIDTH, **L.TO_SIMPLIFIED}


def _alternation(words) -> str:
    return "|".join(re.escape(word) for word in sorted(set(words), key=len, reverse=True))


_UNITS: dict[str, tuple[str, str]] = {
    **{word: (code, "currency") for word, code in L.MONEY_UNITS.items()},
    **L.MEASURE_UNITS,
    "%": ("percent", "percent"),
    "个百分点": ("percentage_point", "percent"),
    "百分点": ("percentage_point", "percent"),
    # Securities research writes percentage points as "pct" ("毛利率同比下降0.8pct").
    "pcts": ("percentage_point", "percent"),
    "pct": ("percentage_point", "percent"),
    "倍": ("times", "multiplier"),
    "成": ("percent", "percent"),  # tenths: value times ten
    **{word: ("count", "count") for word in L.MEASURE_WORDS},
}
_DURATIONS = frozenset(L.DURATION_WORDS)
# First characters of the units and measure words: a digit before one is a count, not hundredths.
_UNIT_STARTS = frozenset(word[0] for word in (*_UNITS, *L.DURATION_WORDS) if not word.isascii())
_LATIN_UNITS = frozenset(word for word in _UNITS if word.isascii() and word.isalpha())
# Some reprints insert pinyin after characters ("規(guī)模", "個(gè)百分點"): cue words and units
# may hold such a gloss.
_PINYIN_GLOSS = r"(?:\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,6}\))?"


def _unit_pattern(word: str) -> str:
    """A unit as written, maybe with pinyin glosses, not where it begins a longer word (个体户)."""
    pattern = _PINYIN_GLOSS.join(map(re.escape, word))
    if word in L.NOT_MEASURE_BEFORE:
        pattern += f"(?!{_alternation(L.NOT_MEASURE_BEFORE[word])})"
    return pattern


_NOUNS_WITH_MEASURE_CHARACTER = tuple(word + rest for word, rests in L.NOT_MEASURE_BEFORE.items() for rest in rests if len(word) == 1)
_UNIT = "|".join(_unit_pattern(word) for word in sorted({*_UNITS, *_DURATIONS}, key=len, reverse=True))
_ARABIC = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?: \d{3})+(?:\.\d+)?(?![\d.])|\d+(?:\.\d+)?"
_CN = f"[{L.NUMERAL_CHARS}]+"
# A percent whose decimal point a reprint followed with a space ("比例为11. 11%"); only right after a
# Chinese character, so a numbered list's "1. 35%的受访者" stays two numbers.
_SPACED_DECIMAL = r"(?<=[\u4e00-\u9fff])\d{1,3}\. \d{1,2}(?=%)"
_NUMBER = f"(?:{_SPACED_DECIMAL}|{_ARABIC}|{_CN})"
_SCALE = f"[十百千万亿{L.MONEY_ONLY_SCALES}]{{1,3}}|(?:million|billion|trillion)(?![A-Za-z])"


# One side of a ratio written with a colon ("1:2", "100∶50").
_RATIO_TERM = r"\d{1,4}(?:\.\d+)?"
# The party a ratio's term stands for, in brackets after it: "1(政府):2(機構)".
_RATIO_PARTY = r"[(（][^()（）\d:∶]{1,10}[)）]"


# A reprint's pinyin after a scale character ("1000萬(wàn)元"): the unit still follows it.
_SCALE_GLOSS = r"(?:\((?:wàn|wan|yì|yi|qiān|qian|bǎi|bai)\))?"


def _part(n: int) -> str:
    """One number with its inner qualifiers, scale and unit; groups suffixed with `n`. A space may
    stand between the number and 余 or 多 ("800 余家", "10 多个"), as before its scale and unit."""
    return (
        rf"(?P<n{n}>{_NUMBER})(?:[ ]?(?P<ma{n}>[余多]))?(?:[ ]?(?P<s{n}>{_SCALE}){_SCALE_GLOSS})?(?P<mb{n}>[余多])?"
        rf"(?P<t{n}>[万亿])?[ ]?(?P<u{n}>{_UNIT})?"
    )


# The leading lookahead lets the regex engine skip, in C, every position whose character cannot
# start a quantity (four times faster over Chinese prose than trying the pattern at each one).
_STARTS = f"0-9$€{L.YEN_SIGNS}人RUHN{L.NUMERAL_CHARS}近过逾半"
QUANTITY_RE = re.compile(
    rf"(?=[{_STARTS}])"
    rf"(?P<cur>人民币|RMB|US\$|HK\$|NT\$|[$€{L.YEN_SIGNS}])?[ ]?"
    r"(?:(?P<half>一半|半数|近半|过半|逾半)"
    rf"|(?P<pct>百分之)(?P<pnum>{_NUMBER})"
    rf"|(?P<den>{_ARABIC}|[一二两三四五六七八九十]+|[千万])分之(?P<frac>{_ARABIC}|[一二两三四五六七八九十]+)"
    rf"|(?<![\d/.])(?P<snum>\d{{1,2}})/(?P<sden>\d{{1,2}})(?![\d/])"
    rf"|(?<![\d.:])(?P<ra>{_RATIO_TERM})(?P<pa>{_RATIO_PARTY})?[:∶](?P<rb>{_RATIO_TERM})"
    rf"(?:[ ]?[-–—~至到][ ]?(?P<rc>{_RATIO_TERM})[:∶](?P<rd>{_RATIO_TERM}))?(?![\d:∶])(?P<pb>{_RATIO_PARTY})?"
    rf"|{_part(1)}(?:[ ]?(?P<conn>[-–—~至到])[ ]?{_part(2)})?)"
)
# Currencies written before the number that are looked for once a number is found (their first
# characters are too common to start every match at): "港币5000万元", "约新台币5.41亿元".
_LOCAL_CURRENCIES = ("新台币", "台币", "港币", "港元", "美金")
# An index named right before a bare number, maybe with its base year in brackets and a linking
# verb: "新动能指数为", "综合指数达到", "指数(以2014年为100)分别为".
_INDEX_BEFORE_RE = re.compile(
    r"指数(?:[(（][^()（）]{0,16}[)）])?(?:分别)?(?:为|是|达到|达|高达|升至|上升至|上升到|增至)?\s*$")
_YEAR_LIKE_RE = re.compile(r"(?:19|20)\d\d")
# A term's name before its number of years, with the words that link them.
_TERM_BEFORE_RE = re.compile(
    f"(?:{_alternation(L.TERM_WORDS + L.PERIOD_WORDS)}|成立时间)[」”\"]?(?:最长|最短|一般|平均|众数|中位数)?"
    f"(?:可达|为|是|不超过|不少于|不到|不足|超过|达|延长了?|缩短了?)?\\s*$")
# "每7个人就有一个老板", "每10人就擁有1個市場主體": one in N, the N a figure though 每 is before it.
_ONE_IN_N_AFTER_RE = re.compile(r"[^，。；,;\d]{0,8}?(?:当中|中|里)?[，,]?(?:就|便|约)?(?:拥有|有)(?:一|1)")
# Before "N届": holding the editions of an event ("至今已举办四届", "已连续举办了三届").
_EDITIONS_BEFORE_RE = re.compile(r"(?:举办|举行|召开)(?:了|过)?$")
# After "N天内": the deed a policy's deadline is for.
_TERM_DEADLINE_RE = re.compile(f"[^，。；,;]{{0,3}}?(?:{_alternation(L.DEADLINE_VERBS)})")
# A loan's interest within the words after "前N年".
_INTEREST_RE = re.compile("利息|贴息|免息")
_SPEND_BEFORE_RE = re.compile(
    f"(?:{_alternation(L.SPEND_VERBS)})(?:超过|近|约|了)?\\s*$")
# A count stated as none ("独角兽企业数量为零", "死亡人数仍为零"); 零 elsewhere is a digit or a word.
_ZERO_COUNT_BEFORE_RE = re.compile(r"(?:数量|人数|家数|个数|户数|总数)(?:却|均|仍|都|也|皆|依然)?(?:为|是)$")
# The units of a term's length, and what each measures in.
_TERM_UNITS = {"年": "year", "个月": "month", "天": "day", "小时": "hour", "个小时": "hour",
               "个工作日": "day", "工作日": "day"}
# Earlier numbers of the same list ("分别为119.6、146.9、"): read through to the words before them.
_LISTED_NUMBERS_RE = re.compile(r"(?:\d[\d. ]*%?[、和及与]\s*)+$")
_BARE_SCALES = frozenset("十百千万亿")
# How many table rows above a cell are read through to find the table's header row.
MAX_TABLE_ROWS = 60
# A header's unit in brackets or at its end: "金额(亿元)", "规模（万美元）".
_TABLE_MONEY_RE = re.compile(f"([万亿千百]*)({_alternation(L.MONEY_UNITS)})[)）]?$")
_TABLE_MEASURE_RE = re.compile(f"[(（](?:{_alternation(L.MEASURE_WORDS)})[)）]$")
# How far after an index level a bare number after a change verb is that index's change.
INDEX_CHANGE_CHARS = 60
# Words right after a colon ratio that make it one ("1:2的比例", "1:1比例").
# A ratio's word after it, a few words on at most ("1:2的比例", "以1:2的配对比例", "1:1的比").
_RATIO_AFTER_RE = re.compile(r"的?[\u4e00-\u9fff]{0,2}?比例|的比(?![赛賽分较])")
# 比 in a clause before a colon ratio, not as in a match or its score (比赛, 比分) or 比较.
_RATIO_WORD_RE = re.compile("比(?![赛賽分较])")
# Clause boundaries: the figure's cues are read from its own clause.
_CLAUSE_BREAK_RE = re.compile(r"[，。；！？,;!?\n：:]")
# Units after which 多 or 余 is "more than" ("七成多", "两倍多"), unless it starts a word (多为, 多数).
_SHARE_UNIT_ENDS = ("成", "倍", "%", "％", "百分点")
_NOT_MORE_AFTER = ("为", "是", "数", "种", "个", "家", "半")
_QUALIFIER_BEFORE_LENGTHS = sorted({len(w) for w in L.QUALIFIERS_BEFORE}, reverse=True)
_QUALIFIER_AFTER_RE = re.compile(_alternation(L.QUALIFIERS_AFTER))
_RATE_RE = re.compile(_alternation(L.RATE_CUES))
# A qualifier that reaches a share or multiple across the whole it is of: "约占农民工总数的2%",
# "超过了全省的一半", "不到西湖的一半", "超过私募基金界的3倍" (no number between).
_BRIDGED_QUALIFIER_RE = re.compile(
    rf"(?P<qual>{_alternation(L.BRIDGED_QUALIFIERS)})了?[^\d，。；,;、：:]{{1,16}}的(?:比重|比例)?$"
)
# A cap written before its noun and verb: "最高奖补可达150万元", "最高可获得100万元", "最高提供100%担保".
_BRIDGED_CAP_RE = re.compile(r"(?:最高|最多|更高)[^\d，。；,;、：:的]{0,4}?(?:可达|可获得|可获|可享受|提供|给予|可贷款|可贷|可申请|可借款|可借|为)$")
# A qualifier after 分别 heads a list and holds for every item ("营收分别约为0.69亿元、3.04亿元、7.17亿元"):
# the words before a later item, back to it, are the list's numbers, units and 、 only.
_LIST_QUALIFIER_RE = re.compile(
    r"分别(?P<qual>约为|大约|约|将近|近|超过|逾|不足|不到)[为是]?[\d.,\s亿万千百十元美港台币%家个户人项只笔件、]*、\s*$"
)
_GLOSS_BEFORE_RE = re.compile(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,6}\)$")
_LINK_WORDS = tuple(sorted(L.CHANGE_LINKS, key=len, reverse=True))
_INCREASE_WORDS = tuple(L.INCREASE_VERBS)
_DECREASE_WORDS = tuple(L.DECREASE_VERBS)
_SUBJECT_TAIL_WORDS = tuple(sorted(L.SUBJECT_TAIL_WORDS, key=len, reverse=True))
_SUBJECT_CUTS = frozenset("的在和与及、 0123456789")
# A term in quotes (“独角兽”, 「專精特新」): part of the counted noun it opens or sits in.
_QUOTED_TERM_RE = re.compile(f"[“「『\"]([{CJK_IDEOGRAPH}]{{1,8}})[”」』\"]")
_DATE_CHARS = frozenset("年月日")
_NOT_NOUN_STARTS = frozenset("多余万亿千百十")  # the tail of a previous figure ("1000多万户至")
_CHANGE_BASIS_RE = re.compile(
    r"同比|环比|(?:较|比|相比|与)(?:上年同期|去年同期|上年底|去年底|上年末|去年末|上年|去年|上月|"
    r"\d{4}年(?:底|末|同期)?|\d{1,2}月(?:份)?(?:至\d{1,2}月(?:份)?)?)"
)
_EXPECTED_RE = re.compile(_alternation(L.EXPECTED_CUES))
_TARGET_RE = re.compile(_alternation(L.TARGET_CUES))
_STATUS_CHARS = frozenset(word[0] for word in (*L.EXPECTED_CUES, *L.TARGET_CUES))
_MONEY_CUES = [
    "金额", "资金", "资助", "出资", "投资", "融资", "收入", "营收", "利润", "基金", "税", "资本",
    "估值", "规模", "销售额", "生产总值", "GDP", "投入", "经费", "补贴", "奖励", "成交额", "交易额", "市值",
    "募资", "预算", "财政", "产值", "增加值", "营业额", "总额",
    "亏损", "盈利", "净利", "毛利", "贷款", "借款", "授信", "存款", "保费", "补助", "奖金", "成本", "支出",
    "经济总量", "年入", "贴息", "创业金", "国资",
]
_MONEY_CUE_RE = re.compile(
    "|".join(_PINYIN_GLOSS.join(map(re.escape, cue)) for cue in sorted(_MONEY_CUES, key=len, reverse=True))
)
# Words that count people or units: a bare number after them is no money, whatever money was
# said before it in its clause ("工业总产值1500亿，带动就业12万", "产值和从业人员分别为3200亿和25万").
_PEOPLE_OR_UNITS_RE = re.compile(r"就业|从业|人员|人口|员工|职工|人才|人数|岗位|户数|家数|个数|数量")


# A bare amount ("200亿") within this many characters after a money figure, in its paragraph, is
# money too ("出资800亿……其中,创新创业200亿、新兴产业200亿"; a new paragraph's bare 1.3亿 总人口 is not).
MONEY_CARRY_CHARS = 60
# A bare scale with money named right after it is money ("近万亿地方资金").
MONEY_CUE_AFTER_CHARS = 6
# A fund named after an amount in 亿, a few words of its kind between ("300亿母基金", "100亿天使母基金",
# "50亿产业基金"): the amount is the fund's size in yuan.
_FUND_AFTER_RE = re.compile(r"[\u4e00-\u9fff]{0,4}?(?:基金|资金)")
# A word of money a few characters after a bare 万 or 亿 ("2663万小额贴息", "500亿超级国资", "500万以下的融资"),
# unless it names people or firms ("300万投资者", "50万纳税人"): then it counts them. The word starts
# at most this many characters after the number.
MONEY_NOUN_AFTER_CHARS = 4
_MONEY_NOUN_AFTER_RE = re.compile(
    f"[\u4e00-\u9fff]{{0,{MONEY_NOUN_AFTER_CHARS}}}?(?:{_MONEY_CUE_RE.pattern})(?![者人户家]|机构|企业|公司)"
)


def _money_named_after(norm: str, end: int) -> bool:
    """Whether a word of money follows the number at `end` (_MONEY_NOUN_AFTER_RE), with no word
    of people or units (_PEOPLE_OR_UNITS_RE) on the way to it."""
    found = _MONEY_NOUN_AFTER_RE.match(norm, end)
    return found is not None and not _PEOPLE_OR_UNITS_RE.search(norm, end, found.end())


# People or units named a few characters after a bare number ("300万投资者", "12万从业人员",
# "20万在读大学生"), within the reach of a money word's: it counts them, whatever money came before it.
_PEOPLE_AFTER_RE = re.compile(
    f"[\u4e00-\u9fff]{{0,{MONEY_NOUN_AFTER_CHARS}}}?(?:{_PEOPLE_OR_UNITS_RE.pattern}|者|人(?!民币)|学生|妇女|农民|居民)"
)


def _money_said_before(norm: str, clause_start: int, start: int, end: int) -> bool:
    """A money word in the clause before the number, with no count of people or units between
    and none named right after it (_PEOPLE_AFTER_RE)."""
    cues = list(_MONEY_CUE_RE.finditer(norm, clause_start, start))
    return (
        bool(cues) and not _PEOPLE_OR_UNITS_RE.search(norm, cues[-1].end(), start)
        and not _PEOPLE_AFTER_RE.match(norm, end)
    )


def _carries_money(norm: str, money_end: int, start: int, end: int) -> bool:
    """Whether a bare sum at start..end takes the currency of the money figure ending at
    `money_end`: in its paragraph, at most MONEY_CARRY_CHARS on, with no count of people or units
    between them and none named right after the sum."""
    return (
        start - money_end <= MONEY_CARRY_CHARS and norm.find("\n", money_end, start) < 0
        and not _PEOPLE_OR_UNITS_RE.search(norm, money_end, start)
        and not _PEOPLE_AFTER_RE.match(norm, end)
    )


_EQUIVALENT_GAP_RE = re.compile(r"\s*[（(]\s*(?:约合|折合|约|合|相当于)?\s*")
MAX_NOUN_CHARS = 8
# How many bare numbers a list may hold before the one that carries their unit.
MAX_LISTED_NUMBERS = 8
# A subject before the number may be longer: "在孵科技型中小企业17.5万家".
MAX_SUBJECT_CHARS = 10


def reads_as_chinese(text: str) -> bool:
    """Whether CJK ideographs make up at least MIN_CJK_LETTER_SHARE of the letters of the
    text's first LANGUAGE_SAMPLE_CHARS characters; one search settles the (usual) text
    without any."""
    if CJK_RE.search(text) is None:
        return False
    text = text[:LANGUAGE_SAMPLE_CHARS]
    ideographs = len(CJK_RE.findall(text))
    return ideographs >= MIN_CJK_LETTER_SHARE * (ideographs + len(LATIN_LETTER_RE.findall(text)))


def extract_chinese(text: str) -> list[Quantity]:
    """Every quantity in Chinese `text`, in order of appearance. Never raises on a str."""
    quantities: list[Quantity] = []
    if not text:
        return quantities
    norm = text.translate(_NORMALISE)
    _CLAUSE_STARTS[:] = [m.end() for m in _CLAUSE_BREAK_RE.finditer(norm)]
    position = 0
    search = QUANTITY_RE.search
    previous_money = None  # (unit, end) of the last money figure
    previous_index = -1  # end of the last index level
    while True:
        match = search(norm, position)
        if match is None:
            break
        quantity, resume = _read(text, norm, match, previous_money, previous_index)
        position = max(resume, match.start() + 1)
        if quantity is not None:
            quantities.append(quantity)
            if quantity.unit_class == "currency":
                previous_money = (quantity.unit, quantity.end)
            elif quantity.unit == "index":
                previous_index = quantity.end
    if "百分点" in norm:
        quantities = _listed_points(norm, quantities)
    if "下同" in norm:
        _apply_declared_currency(norm, quantities)
    if "番" in norm:
        quantities = _with_doublings(text, norm, quantities)
    if "倍增" in norm or "半壁江山" in norm:
        quantities = _with_word_figures(text, norm, quantities)
    if "大" in norm:
        quantities = _with_group_counts(text, norm, quantities)
    if "位数" in norm:
        quantities = _with_digit_widths(text, norm, quantities)
    if "亏损" in norm:
        linked = _link_equivalents(text, _as_losses(norm, quantities))
        return [signed_as_restated(q, linked) for q in linked]
    return _link_equivalents(text, quantities)


def _listed_points(norm: str, quantities: list[Quantity]) -> list[Quantity]:
    """A count of 个 listed right before percentage points is of them too, and the list's change
    reads for every item ("分别降低了4个和7个百分点": both points, both falls)."""
    listed = list(quantities)

    def linked(i: int) -> bool:
        return bool(_LIST_LINK_RE.fullmatch(norm, listed[i].end, listed[i + 1].start))

    for i in range(len(listed) - 2, -1, -1):
        first, last = listed[i], listed[i + 1]
        if (
            first.unit == "count" and norm[first.start : first.end].endswith("个") and last.unit == "percentage_point"
            and norm[last.start : last.end].endswith(("个百分点", "个")) and linked(i)
        ):
            # (its 个 names no unit of its own: the points' unit is read from the last item, as for a bare number)
            listed[i] = first.with_changes(unit="percentage_point", unit_class="percent", is_percentage_point=True,
                                           counted=None, unit_text=None)
    for i in range(len(listed) - 1):
        first, last = listed[i], listed[i + 1]
        if (first.unit == last.unit == "percentage_point" and first.change is not None and last.change is None
                and linked(i)):
            listed[i + 1] = last.with_changes(change=first.change, change_basis_text=first.change_basis_text)
    return listed


# A sum named a loss ("净亏损9.35亿元", "虧損超10億元"): a negative profit. Both read `norm`,
# the simplified text.
_LOSS_BEFORE_RE = re.compile(
    r"亏损(?:了|额|金额)?(?:分别)?(?:(?:收窄|缩小|扩大)(?:至|到))?(?:约|近)?(?:为|达|达到|超过|超|逾|高达)?[ ]?$"
)
# "去年同期18.1亿元亏损", "3.8亿元的净亏损": the sum named a loss after it
_LOSS_AFTER_RE = re.compile(r"[ ]?(?:的)?净?亏损")


# Between the items of a list ("分别亏损3.428亿元、7.588亿元和33.516亿元").
_LIST_LINK_RE = re.compile(r"[ ]?(?:、|和|及|与|以及)[ ]?")


def _as_losses(norm: str, quantities: list[Quantity]) -> list[Quantity]:
    """Each sum named a loss negated, and the sums listed right after one ("分别亏损3.428亿元、
    7.588亿元和33.516亿元": all three)."""
    signed: list[Quantity] = []
    for quantity in quantities:
        loss = _as_loss(norm, quantity)
        previous = signed[-1] if signed else None
        if (
            loss is quantity and previous is not None and previous.low < 0 <= quantity.low
            and quantity.unit_class == "currency" and quantity.unit == previous.unit
            and _LIST_LINK_RE.fullmatch(norm, previous.end, quantity.start)
        ):
            loss = quantity.negated()
        signed.append(loss)
    return signed


def _as_loss(norm: str, quantity: Quantity) -> Quantity:
    if quantity.unit_class != "currency" or quantity.low < 0:
        return quantity
    if not (_LOSS_BEFORE_RE.search(norm, max(0, quantity.start - 14), quantity.start)
            or _LOSS_AFTER_RE.match(norm, quantity.end)):
        return quantity
    return quantity.negated()


# Doubling words: 翻番 / 翻一番 (2 times), 翻两番 (4 times, "翻了两番多" more than 4).
_DOUBLING_RE = re.compile(r"翻(?:了)?(?P<times>[一两二三]?)番(?P<more>多|余)?")
_DOUBLING_TIMES = {"": 2.0, "一": 2.0, "两": 4.0, "二": 4.0, "三": 8.0}


def _with_doublings(text: str, norm: str, quantities: list[Quantity]) -> list[Quantity]:
    """`quantities` with the doublings of the text added in order ("数量均比2010年翻番")."""
    added = []
    for match in _DOUBLING_RE.finditer(norm):
        counted = match.group("times")
        start = match.start("times") if counted else match.start()
        end = match.end(0) - len(match.group("more") or "")
        times = _DOUBLING_TIMES[counted]
        if _overlaps(quantities, start, end):
            continue
        quantity = _make(text, norm, start, end, text[start:end], times, times, None, 1.0, times,
                         times, times, None, "times", "multiplier", word=True, inner_qualifier=None,
                         own_qualifier="over" if match.group("more") else None)
        if match.group("more"):
            quantity = quantity.with_changes(qualifier_text=text[end : match.end(0)])
        added.append(quantity.with_changes(change="increase"))
    return _merged(quantities, added)


def _overlaps(quantities: list[Quantity], start: int, end: int) -> bool:
    """Whether a figure already read covers part of [start, end)."""
    return any(q.start < end and start < q.end for q in quantities)


def _merged(quantities: list[Quantity], added: list[Quantity]) -> list[Quantity]:
    """`quantities` with `added` ones, in text order."""
    return sorted(quantities + added, key=lambda q: q.start) if added else quantities


# Figures said by a word: 倍增 doubles ("名额将倍增至100家", "质量倍增": 2 times), not in a name or
# a set phrase ("倍增效应", "“双倍增”行动", "倍增计划"); 半壁江山 is half of a whole ("占据全国半壁江山").
_DOUBLES_RE = re.compile(r"(?<![双雙个“\"])倍增(?!效|行动|计划|工程|”|\")")
_HALF_OF_ALL_RE = re.compile(r"半壁江山")


def _with_word_figures(text: str, norm: str, quantities: list[Quantity]) -> list[Quantity]:
    """`quantities` with the figures of _DOUBLES_RE and _HALF_OF_ALL_RE added in order."""
    added = []
    for pattern, value, unit, unit_class, length in ((_DOUBLES_RE, 2.0, "times", "multiplier", 2), (_HALF_OF_ALL_RE, 50.0, "percent", "percent", 1)):
        for match in pattern.finditer(norm):
            start, end = match.start(), match.start() + length
            if _overlaps(quantities, match.start(), match.end()):
                continue
            quantity = _make(text, norm, start, end, text[start:end], value, value, None, 1.0, value, value, value,
                             None, unit, unit_class, word=True, inner_qualifier=None,
                             own_qualifier="about" if unit == "percent" else None)
            added.append(quantity.with_changes(change="increase") if unit == "times" else quantity)
    return _merged(quantities, added)


# A growth of so many digits: "保持两位数增长", "增速达到两位数" grow by over 10 percent (三位数
# over 100); 两位 there counts no people ("两位专家"), so that reading is dropped.
_DIGIT_WIDTH_RE = re.compile(r"([两双雙三])位数")  # read in `norm`, the simplified text
_DIGIT_WIDTH_PERCENT = {"两": 10.0, "双": 10.0, "雙": 10.0, "三": 100.0}
_GROWTH_CUE_RE = re.compile(r"[增涨长速幅]")


def _with_digit_widths(text: str, norm: str, quantities: list[Quantity]) -> list[Quantity]:
    """`quantities` with each growth of _DIGIT_WIDTH_RE as a percent over its least value, in
    place of the count its 两位 was read as."""
    added = []
    for match in _DIGIT_WIDTH_RE.finditer(norm):
        start, end = match.span()
        quantities = [q for q in quantities if not (q.start < end and q.end > start)]
        if not _GROWTH_CUE_RE.search(norm, _clause_start(norm, start), min(len(norm), end + 4)):
            continue
        value = _DIGIT_WIDTH_PERCENT[match.group(1)]
        added.append(_make(text, norm, start, end, text[start:end], value, value, None, 1.0, value, value, value,
                           None, "percent", "percent", word=True, inner_qualifier=None, own_qualifier="over"))
    return _merged(quantities, added)


# A count of named groups of things ("四大产业", "5大展区", "两大类"), a figure of things in the
# world; not a rank group ("前三大", "全球十大独角兽"), 一大 ("一大批", "一大门槛"), a name ("五大连池"),
# a set phrase (SET_PHRASES_AFTER_DA) or 大 starting another word ("大学", "大会", "大幅").
_GROUP_COUNT_RE = re.compile(
    r"([二三四五六七八九两2-9])(?<![\d一二三四五六七八九十百千万两第前][二三四五六七八九两2-9])大(?=[\u4e00-\u9fff])"
    r"(?![学學会赛賽型中小幅量多约概部都陆陸众厦廈道街战戰湾灣区使队家户批连連])"
    f"(?!{_alternation(L.SET_PHRASES_AFTER_DA)})"
)
# Items named before the count in its clause ("生物医药、集成电路三大产业"): it sums them up; a
# list of such counts after it ("打造三大园区、五大平台") lists no items.
_ITEMS_BEFORE_RE = re.compile(r"、|[和与及][^，,]{0,6}$")
_COUNTS_LISTED_AFTER_RE = re.compile(r"[^，,。；;、]{0,8}、[二三四五六七八九十两\d]+大")
# The text's own enumeration after it ("五大特点:一是…", "3大含意。首先,…", "三大园区分为…").
_ENUMERATION_AFTER_RE = re.compile(
    r"[^，,。；;]{0,12}[:：]|[^；;]{0,15}?[。，,]?(?:一是|首先|首要|第一|包括|分别|即|为)"
)


def _with_group_counts(text: str, norm: str, quantities: list[Quantity]) -> list[Quantity]:
    """`quantities` with the counts of _GROUP_COUNT_RE added in order, unless they sum up the
    items named before them or announce the text's own list."""
    added = []
    for match in _GROUP_COUNT_RE.finditer(norm):
        start, end = match.start(), match.end()
        if (
            _overlaps(quantities, start, end)
            or _ITEMS_BEFORE_RE.search(norm, _clause_start(norm, start), start)
            or _ENUMERATION_AFTER_RE.match(norm, end)
            or _COUNTS_LISTED_AFTER_RE.match(norm, end)
            or norm[start - 1 : start] in ("“", '"', "「")
        ):
            continue
        count = _plain_count(text, norm, start, match.end(1), end)
        if count is not None:
            added.append(count)
    return _merged(quantities, added)


def _plain_count(text: str, norm: str, start: int, number_end: int, end: int) -> Quantity | None:
    """The count at [start, end) whose number, with no scale, ends at number_end and whose word
    after it ("届", "大") is its unit; None when the number reads as none."""
    value = _number(norm[start:number_end])
    if value is None:
        return None
    return _make(text, norm, start, end, text[start:number_end], value, value, None, 1.0, value, value, value,
                 text[number_end:end], "count", "count", word=not norm[start].isdigit(), inner_qualifier=None)


# "100亿元(港币,下同)": the currency a text declares for the bare 元 from there on.
_DECLARED_CURRENCY_RE = re.compile(
    rf"[(（]\s*(?P<currency>{_alternation(L.MONEY_UNITS)})\s*[,，、.。;；]?\s*下同\s*[)）]"
)


def _apply_declared_currency(norm: str, quantities: list[Quantity]) -> None:
    """Give the bare 元 figures the currency the text declares for them, from the figure the
    declaration follows on ("拨款100亿元(港币,下同)")."""
    declarations = [
        (match.start(), L.MONEY_UNITS[match.group("currency")])
        for match in _DECLARED_CURRENCY_RE.finditer(norm)
    ]
    if not declarations:
        return
    for i, quantity in enumerate(quantities):
        if quantity.unit != "CNY" or quantity.unit_text != "元" or quantity.text.startswith(tuple(L.MONEY_PREFIXES)):
            continue
        declared = None
        for start, currency in declarations:
            # the figure just before the declaration is its first ("100亿元(港币,下同)")
            if start <= quantity.end + 2:
                declared = currency
        if declared is not None:
            # a declared renminbi keeps CNY and says so (unit_name), so that no publisher's local
            # dollar replaces it downstream ("36億元(人民幣,下同)" in a Hong Kong paper)
            quantities[i] = quantity.with_changes(unit=declared, unit_name=declared)


def _read(text: str, norm: str, match: re.Match, previous_money, previous_index: int) -> tuple[Quantity | None, int]:
    """The Quantity `match` holds, or None, and where to search next."""
    if match.group("half"):
        return _half(text, norm, match), match.end()
    if match.group("pct"):
        value = _number(match.group("pnum"))
        if value is None:
            return None, match.end()
        return _build(text, norm, match, match.start("pct"), match.end(), match.group("pnum"),
                      value, value, None, 1.0, "percent", "percent", match.group("pct"),
                      word=not match.group("pnum")[0].isdigit()), match.end()
    if match.group("den") or match.group("sden"):
        den_text = match.group("den") or match.group("sden")
        num_text = match.group("frac") or match.group("snum")
        den, num = _number(den_text), _number(num_text)
        if not den or num is None or num > den:
            return None, match.end()
        start = match.start("den") if match.group("den") else match.start("snum")
        value = 100.0 * num / den  # a share of a whole, in percent like 百分之
        number_text = text[start:match.end()]
        return _build(text, norm, match, start, match.end(), number_text, value, value, None,
                      1.0, "percent", "percent", None, word=not den_text[0].isdigit()), match.end()
    if match.group("ra"):
        return _ratio(text, norm, match)
    return _read_number(text, norm, match, previous_money, previous_index)


def _ratio(text: str, norm: str, match: re.Match) -> tuple[Quantity | None, int]:
    """A ratio written with a colon ("以约1:2的比例", "新设退出比为100∶50", "按照1:1至1:2的比例")
    as the second term per unit of the first: 2, 0.5, 1 to 2. Only where the clause speaks of a
    ratio (比, 比例), a term is a decimal ("创业带动就业为1:3.35") or the parties are named
    ("以1(政府):2(機構)的配對比例"): elsewhere a colon between numbers is a time or a score."""
    start = match.start("ra")
    clause = norm[_clause_start(norm, start) : start]
    terms_text = match.group("ra", "rb", "rc", "rd")
    # A decimal term ("1:3.35") or the parties named in brackets is no clock time or score.
    spoken_of = (_RATIO_WORD_RE.search(clause) or _RATIO_AFTER_RE.match(norm, match.end())
                 or any(term and "." in term for term in terms_text) or match.group("pa"))
    if not spoken_of:
        return None, match.start("rb")
    terms = [_number(term) for term in terms_text if term]
    if any(not term for term in terms):
        return None, match.end()
    low = terms[1] / terms[0]
    high = terms[3] / terms[2] if len(terms) == 4 else low
    if high < low:
        return None, match.end()
    value = low if high == low else None
    end = match.end("rd") if match.group("rd") else match.end("rb")
    quantity = _make(text, norm, start, end, text[start:end], low, high, None, 1.0,
                     value, low, high, None, "ratio", "other", word=False, inner_qualifier=None)
    return quantity, match.end()


def _read_number(text: str, norm: str, match: re.Match, previous_money, previous_index: int) -> tuple[Quantity | None, int]:
    unit, scale, scale_b, currency, connector = match.group("u1", "s1", "t1", "cur", "conn")
    start = match.start("n1")
    previous = norm[start - 1] if start > 0 else ""
    if previous.isdigit() or previous == "." or previous in L.NOT_A_FIGURE_BEFORE and not (
            previous == "每" and unit in L.MEASURE_WORDS and _ONE_IN_N_AFTER_RE.match(norm, match.end())):
        return None, match.end()
    if connector is None and unit is None and (scale or scale_b) and match.group("n1")[0].isdigit():
        compound = _compound(text, norm, match, previous_money, previous_index)
        if compound is not None:
            return compound, compound.end
    unitless = connector is None and not (unit or scale or scale_b or currency)
    if unitless and match.group("n1")[0].isdigit():
        return _unitless(text, norm, match, previous_index)
    if unitless and match.group("n1") in L.LIST_COUNT_NUMERALS and previous not in L.NOT_A_FIGURE_BEFORE:
        listed = _list_count(text, norm, match)
        if listed is not None:
            return listed, match.end()
    if (unitless and match.group("n1") == "零" and not CJK_RE.match(norm, match.end())  # not 零星, 零售
            and _ZERO_COUNT_BEFORE_RE.search(norm, _clause_start(norm, start), start)):
        return _make(text, norm, start, match.end(), text[start : match.end()], 0.0, 0.0, None, 1.0, 0.0, 0.0, 0.0,
                     None, "count", "count", word=True, inner_qualifier=None), match.end()
    large_bare = unitless and _is_large_bare(norm, match)
    if connector is None and unit in _TERM_UNITS and _is_term(norm, match):
        return _term(text, norm, match), match.end()
    if (connector is None and unit == "届" and not scale and not _YEAR_LIKE_RE.fullmatch(match.group("n1"))
            and _EDITIONS_BEFORE_RE.search(norm, max(0, start - 8), start)):
        # "已连续举办了三届": the editions held, a count
        return _plain_count(text, norm, start, match.end("n1"), match.end()), match.end()
    if connector is not None and not (unit or scale or scale_b or currency) and match.group("u2") in _TERM_UNITS:
        length = _length_range(text, norm, match)
        if length is not None:
            return length, match.end()
    if connector is None and (unit in _DURATIONS or (unitless and not large_bare)):
        return None, match.end()  # a year, a date, a duration, or a number with no unit
    first = _Part(match, 1)
    if match.group("n1") in _BARE_SCALES and (
            (previous and previous in "(（") or norm[max(0, start - 6) : start].rstrip().endswith(L.UNIT_LABELS)):
        return None, match.end()  # "规模(亿元)", "单位:万元": a column's unit, not 100 million
    # "数百家" is vague; "总数八成" is not: 数 ends a word before tenths that are no scale
    if first.is_word and previous in L.VAGUE_BEFORE and (unit != "成" or match.group("n1")[0] in _BARE_SCALES):
        return None, match.end()
    second = _Part(match, 2) if match.group("conn") else None
    if second is not None and not _is_range(first, second):
        second = None
    if second is not None and match.group("conn") in "至到" and (
        any(verb in norm[_clause_start(norm, start) : start] for verb in L.CHANGE_TO_VERBS)
        or _from_one_to_another(norm, start, match.end())
    ):
        second = None
    last = second or first
    end = last.end
    if last.unit_text in _DURATIONS or first.unit_text in _DURATIONS:
        return None, end
    unit_word = last.unit_text or first.unit_text
    scale_text = last.scale_text or first.scale_text
    if first.value is None or (second is not None and second.value is None):
        return None, end
    currency = match.group("cur")
    currency_start = match.start("cur") if currency else start
    if currency is None:
        written_before = norm[max(0, start - 4) : start].rstrip()
        currency = next((c for c in _LOCAL_CURRENCIES if written_before.endswith(c)), None)
        if currency is not None:  # the figure's span starts at its currency, as 人民币 does
            currency_start = max(0, start - 4) + len(written_before) - len(currency)
    if unit_word is None and scale_text is None and currency is None and not large_bare:
        return None, end  # a code, a citation, a name: no unit, no scale
    if first.is_word and unit_word in L.MEASURE_WORDS and norm[start:first.number_end] == "一" and not _only_one(norm, start, end):
        return None, end  # 一家, 一个: "a", not a figure
    if unit_word in L.MEASURE_WORDS and norm[max(0, start - 2) : start].endswith(L.BACK_REFERENCES):
        return None, end  # "以上十只基金中": the ones listed above
    if unit_word in L.MEASURE_WORDS and currency is None and start and norm[start - 1].isascii() and norm[start - 1].isalpha():
        return None, end  # "B3轮融资", "C919架": a series' or a model's name, not a count
    if unit_word in L.ARABIC_ONLY_MEASURES and (
            first.is_word or _YEAR_LIKE_RE.fullmatch(match.group("n1"))
            or norm.startswith(L.NOT_COUNTED_AFTER[unit_word], end)):
        return None, end  # 四国, 东三省, 2019国家, 20国集团: names, not counts
    if first.is_word and (unit_word in L.DESCRIPTIVE_MEASURES or (
            unit_word == "次" and norm.startswith(L.ORDINAL_AFTER_CI, end))) and not (
            unit_word in L.KINDS_MEASURES and _counts_named_items(norm, start)):
        return None, end
    if unit_word in _LATIN_UNITS and end < len(norm) and norm[end].isascii() and norm[end].isalnum():
        return None, end  # "3pctx": part of a longer Latin word, not the unit
    if unit_word == "成" and end < len(norm) and norm[end] in L.NOT_TENTHS:
        return None, end  # 成立, 成为
    if previous == L.TOP_BEFORE and unit_word in L.RANK_MEASURES:
        return None, end  # 排名前五位, 前十名: a rank, not a count
    scale = _scale(scale_text) if scale_text else 1.0
    low_scale = _low_end_scale(first, second) if second is not None else scale
    if unit_word is not None:
        unit, unit_class = _UNITS[unit_word]
    elif currency is not None:
        unit, unit_class = _currency_of_prefix(currency, norm, start), "currency"
    elif _money_said_before(norm, _clause_start(norm, start), start, end) or (large_bare and (
            norm.startswith(L.SCALE_CLASS_WORD, end) or _MONEY_CUE_RE.search(norm[end : end + MONEY_CUE_AFTER_CHARS]))):
        unit, unit_class = "CNY", "currency"
    elif scale_text and any(c in "亿億" for c in scale_text) and (
            _MONEY_CUE_RE.match(norm, end + (norm[end : end + 1] == "的")) or _FUND_AFTER_RE.match(norm, end)):
        unit, unit_class = "CNY", "currency"  # "30亿规模的引导基金", "百亿估值", "300亿母基金": money named right after its 亿
    elif scale_text and _money_named_after(norm, end):
        unit, unit_class = "CNY", "currency"  # "2663万小额贴息": money named a few characters after
    elif previous_money is not None and _carries_money(norm, previous_money[1], start, end):
        unit, unit_class = previous_money[0], "currency"
    else:
        unit, unit_class = "count", "count"
    if unit == "CNY" and currency in L.MONEY_PREFIXES and L.MONEY_PREFIXES[currency] != "CNY":
        unit = _currency_of_prefix(currency, norm, start)
    if scale_text and any(c in L.MONEY_ONLY_SCALES for c in scale_text) and not (
            unit_word in L.MONEY_UNITS or currency):
        return None, end  # 兆 with no money written: a prefix (兆瓦), not a scale
    tenths = 10.0 if unit_word == "成" else 1.0
    raw_low = first.value
    raw_high = second.value if second is not None else first.value
    low = raw_low * (low_scale if second is not None else scale) * tenths
    high = raw_high * scale * tenths
    value = None if second is not None else low
    number_text = text[start:(second.number_end if second is not None else first.number_end)]
    span_start = currency_start
    if _minus_before(norm, span_start) and second is None:
        # "净利润为-10,554.24万元": negative; the sign stays out of the span, which the period and
        # meaning readers read the words before
        raw_low, raw_high, low, high = -raw_high, -raw_low, -high, -low
        value = low
    inner = first.inner_qualifier or (second.inner_qualifier if second else None)
    unit_text = text[last.unit_start:last.end] if last.unit_text else (
        text[first.unit_start:first.unit_end] if first.unit_text else None)
    if unit_word in _LATIN_UNITS:
        unit_text = None  # written "pct" reads as percent in English prose; the unit code says points
    if unit_text is not None and "(" in unit_text:
        unit_text = _GLOSS_RE.sub("", unit_text)  # "個(gè)百分點" is the unit 個百分點
    if unit_word == "成":  # tenths: a scale of ten on a percentage ("9成" = 90%)
        written_tenths = text[last.unit_start : last.unit_end]
        hundredths = _hundredths_after(norm, end) if second is None and value is not None else None
        if hundredths is not None:  # "1成2" = 12%, "五成七" = 57%
            low = high = value = value + hundredths
            raw_low = raw_high = value / 10.0
            end += 1
        quantity = _make(
            text, norm, span_start, end, number_text, raw_low, raw_high, written_tenths, 10.0,
            value, low, high, None, unit, unit_class, word=first.is_word, inner_qualifier=inner,
        )
        return quantity, end
    if unit_text is None and currency is not None:
        unit_text = text[currency_start : currency_start + len(currency)]  # "￥", "人民币", "US$", "新台幣"
    written_scale = None
    if scale_text:  # the scale characters as written, without a 多/余 between them
        scaled = last if last.scale_text else first
        written_scale = scaled.written_scale(text)
    low_written_scale = None
    if second is not None and first.scale_text:  # "3000万至1亿元": the low end's own 万
        low_written_scale = first.written_scale(text)
    quantity = _make(
        text, norm, span_start, end, number_text, raw_low, raw_high, written_scale, scale, value,
        low, high, unit_text, unit, unit_class, word=first.is_word, inner_qualifier=inner,
        low_scale_text=low_written_scale,
    )
    return quantity, end


def _unitless(text: str, norm: str, match: re.Match, previous_index: int) -> tuple[Quantity | None, int]:
    """An Arabic number with no unit, scale or currency: an index level when an index is named
    right before it ("新动能指数为332.0", "指数(以2014年为100)分别为119.6、146.9和191.2"), or an
    index's change when a change verb comes before it soon after an index level ("综合指数达到285.8,
    比上一年提高43.7"); otherwise no figure (a code, a citation, a name)."""
    start, end = match.start("n1"), match.end("n1")
    shared = _shared_unit(text, norm, match, previous_index)
    if shared is not None:
        return shared, end
    if (cell := _spaced_table_cell(text, norm, start, end)) is not None:
        return cell, end  # a score column's rows read as rows, not as an index's changes
    clause_start = _clause_start(norm, start)
    before = _without_glosses(norm, clause_start, start)[0]
    listed = _LISTED_NUMBERS_RE.sub("", before)
    if _INDEX_BEFORE_RE.search(listed):
        change = None
    elif 0 <= previous_index and start - previous_index <= INDEX_CHANGE_CHARS and "。" not in norm[previous_index:start]:
        change = _change(listed)
        if change is None:
            return None, end
    else:
        return _table_cell(text, norm, start, end) or _cell_per_line(text, norm, start, end), end
    value = _number(match.group("n1"))
    if value is None or (change is None and _YEAR_LIKE_RE.fullmatch(match.group("n1"))):
        return None, end  # "中关村指数2015": the index's edition, not its level
    quantity = _make(text, norm, start, end, text[start:end], value, value, None, 1.0, value, value,
                     value, None, "index", "other", word=False, inner_qualifier=None)
    if change is not None and quantity.change is None:
        quantity = quantity.with_changes(change=change)
    return quantity, end


def _table_cell(text: str, norm: str, start: int, end: int) -> Quantity | None:
    """A number that is a whole cell of a table row written with pipes ("江苏省母基金 | 22 | ..."),
    with the unit its column's header names ("出手次数" a count, "规模(亿元)" yuan in 亿, "占比(%)"
    percent); None when the row has no header above it or the header names no unit."""
    line_start = norm.rfind("\n", 0, start) + 1
    line_end = norm.find("\n", end)
    line_end = len(norm) if line_end < 0 else line_end
    if norm.count("|", line_start, line_end) < 2:
        return None
    cell_start = norm.rfind("|", line_start, start) + 1 or line_start
    cell_end = norm.find("|", end, line_end)
    cell_end = line_end if cell_end < 0 else cell_end
    cell = norm[cell_start:cell_end].strip()
    negative = cell != norm[start:end] and _minus_before(norm, start) and cell[1:] == norm[start:end]
    if cell != norm[start:end] and not negative:
        return None
    column = norm.count("|", line_start, start)
    pipes = _inner_pipes(norm[line_start:line_end])
    names = _table_header(norm, line_start, pipes)
    if names is None and norm[line_start:line_end].lstrip().startswith(L.TOTAL_ROW_WORDS):
        # "合计 | 8024 | 428.4 |" under "1 | 铜陵市 | 138 | 9.2 |": a total row's first cell spans the
        # columns the rows above name their items in, so its cells sit under the last columns
        wider = _inner_pipes(next(_rows_above(norm, line_start, MAX_TABLE_ROWS), ""))
        if wider > pipes:
            names = _table_header(norm, line_start, wider)
            column += wider - pipes
    if names is None:
        return None
    name = names[column].strip() if column < len(names) else ""
    if not name or any(char.isdigit() for char in name):
        return None
    value = _number(norm[start:end])
    if value is None:
        return None
    if negative:  # "-0.081": the sign stays out of the span, as in prose
        value = -value
    return _column_quantity(text, norm, start, end, value, name)


# A table a page's converter wrote one cell a line, its rows' breaks lost: cells closed by pipes
# ("單位數(個) |", a lone "|" an empty cell; the ingested text joins some of them on one line), or
# cells on lines of their own between lines of a lone "|".
_NUMBER_CELL_RE = re.compile(r"-?\d[\d,]*(?:\.\d+)?")
MAX_CELL_LINES = 600
MAX_CELL_CHARS = 40
MAX_CELL_COLUMNS = 8
MAX_HEADER_OFFSET = 6


def _cell_per_line(text: str, norm: str, start: int, end: int) -> Quantity | None:
    """A number that is a whole cell of a table written one cell a line, with the unit its column's
    header names (as for _table_cell). The width is the narrowest, and the header's place the first,
    that put a header of words over at least two rows holding numbers and words in the same columns."""
    cells, index = _cell_run(norm, start)
    if cells is None or cells[index].lstrip("-") != norm[start:end]:
        return None
    kinds = ["" if not cell else "n" if _NUMBER_CELL_RE.fullmatch(cell) else "w" for cell in cells]
    for width in range(2, MAX_CELL_COLUMNS + 1):  # the narrowest first: twice a width fits as well
        for offset in range(min(MAX_HEADER_OFFSET, index)):
            first_row = offset + width
            if index < first_row or len(cells) < first_row + 2 * width or "n" in kinds[offset:first_row]:
                continue
            first = kinds[first_row : first_row + width]
            if "n" not in first or "w" not in first:
                continue
            rows = (kinds[row : row + width] for row in range(first_row, len(cells), width))
            if all(a == b or "" in (a, b) for row in rows for a, b in zip(row, first)):
                value = _number(norm[start:end])
                if value is None:
                    return None
                name = cells[offset + (index - first_row) % width]
                return _column_quantity(text, norm, start, end, -value if cells[index].startswith("-") else value, name)
    return None


def _cell_run(norm: str, start: int) -> tuple[list[str] | None, int]:
    """The cells of the one-cell-a-line table holding `start` and the index of its cell; None when
    the text around it is no such table."""
    line_start = norm.rfind("\n", 0, start) + 1
    line_end = norm.find("\n", start)
    line_end = len(norm) if line_end < 0 else line_end
    if not _is_cell_row(norm, line_start, line_end):
        return None, 0
    before = norm[line_start:start].count("|")
    above = list(islice(_cell_rows(norm, line_start, line_end, upward=True), MAX_CELL_LINES - 1))
    below = islice(_cell_rows(norm, line_start, line_end, upward=False), MAX_CELL_LINES - 1 - len(above))
    lines = [*reversed(above), norm[line_start:line_end], *below]
    here = len(above)
    rows = [line.strip() for line in lines]
    if not any(row == "|" or row.count("|") == 1 and row.endswith("|") for row in rows):
        return None, 0  # rows of a pipe table, not cells a line
    separated = any(row and "|" not in row for row in rows)  # lone pipes part cells
    cells: list[str] = []
    index = 0
    for number, row in enumerate(rows):
        if not row or separated and row == "|":
            continue
        parts = [part.strip() for part in row.split("|")]
        if row.endswith("|"):
            parts.pop()
        if number == here:
            index = len(cells) + before
        cells += parts
    return cells, index


def _cell_rows(norm: str, line_start: int, line_end: int, upward: bool) -> Iterator[str]:
    """The lines of cells next to the line at [line_start, line_end), nearest first, going up or
    down, blank lines among them, up to the first line that is no line of cells."""
    position = line_start if upward else line_end
    while (position > 0) if upward else (position < len(norm)):
        if upward:  # position is the start of the line below the row
            row_end = position - 1
            row_start = norm.rfind("\n", 0, row_end) + 1
            position = row_start
        else:  # position is the end of the line above the row
            row_start = position + 1
            row_end = norm.find("\n", row_start)
            row_end = len(norm) if row_end < 0 else row_end
            position = row_end
        row = norm[row_start:row_end]
        if row.strip() and not _is_cell_row(norm, row_start, row_end):
            return
        yield row


def _is_cell_row(norm: str, row_start: int, row_end: int) -> bool:
    """Whether the line at [row_start, row_end) is a line of cells: closed by a pipe, or a short
    cell beside a lone pipe."""
    row = norm[row_start:row_end]
    return _is_cell_line(row) and ("|" in row or _beside_lone_pipe(norm, row_start, row_end))


def _is_cell_line(row: str) -> bool:
    """A line of cells: closed by a pipe, or short with no pipe (a cell between lone pipes)."""
    row = row.strip()
    return row.endswith("|") and all(len(cell) <= MAX_CELL_CHARS for cell in row.split("|")) or (
        0 < len(row) <= MAX_CELL_CHARS and "|" not in row)


def _beside_lone_pipe(norm: str, line_start: int, line_end: int) -> bool:
    """Whether the nearest non-blank line above or below is a lone pipe."""
    below = norm[line_end : line_end + 8].lstrip()
    above = norm[max(0, line_start - 8) : line_start].rstrip()
    return below.startswith("|") and (len(below) == 1 or below[1] == "\n") or above.endswith("|") and (
        len(above) == 1 or above[-2] == "\n")


def _column_quantity(
    text: str, norm: str, start: int, end: int, value: float, name: str, scores: bool = False
) -> Quantity | None:
    """A table cell's number with the unit its column's header names, None when it names none; with
    `scores`, a column of scores or index levels too (a ranking's, not a pipe table's 指数 column)."""
    money = _TABLE_MONEY_RE.search(name)
    if money is not None:
        scale = _scale(money.group(1)) if money.group(1) else 1.0
        unit, unit_class, scale_text = L.MONEY_UNITS[money.group(2)], "currency", money.group(1) or None
    elif "%" in name or name.endswith(L.TABLE_PERCENT_HEADS):
        scale, unit, unit_class, scale_text = 1.0, "percent", "percent", None
    elif (name.endswith(L.TABLE_COUNT_HEADS) or _TABLE_MEASURE_RE.search(name)
          or name.endswith(L.TABLE_COUNT_ENDS) and len(name) > 1 and not name.endswith(L.TABLE_NOT_COUNT_HEADS)):
        scale, unit, unit_class, scale_text = 1.0, "count", "count", None
    elif scores and name.endswith(L.TABLE_SCORE_HEADS):
        scale, unit, unit_class, scale_text = 1.0, "index", "other", None
    else:
        return None
    return _make(text, norm, start, end, text[start:end], value, value, scale_text, scale,
                 value * scale, value * scale, value * scale, None, unit, unit_class, word=False,
                 inner_qualifier=None)


# A pinyin gloss a reprint puts after a character, spaces and all ("創(chuàng )新").
_SPACED_GLOSS_RE = re.compile(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü ]{1,8}\)")
# A cell of words (a name), not of digits and signs.
_WORD_CELL_RE = re.compile(r"[^\W\d_]")


def _flattened_table_column(cells: list[str], column: int) -> str | None:
    """The header name over cell `column` of a table whose rows a cleaned text ran into one line
    ("排序 城市 效用值 1 广东 59.49 2 北京 53.22"): header cells of words, then rows of as many cells,
    each row's cells of the same kinds (digits or words) as the first's; None for any other line."""
    width = next((index for index, cell in enumerate(cells) if not _WORD_CELL_RE.search(cell)), len(cells))
    if width < 2 or column < width or (len(cells) - width) % width or len(cells) < 3 * width:
        return None
    kinds = [[bool(_WORD_CELL_RE.search(cell)) for cell in cells[row : row + width]] for row in range(width, len(cells), width)]
    if any(kind != kinds[0] for kind in kinds) or all(kinds[0]):
        return None
    return cells[(column - width) % width]


# A header's last name run into the first row's rank where a cleaner joined the lines ("效用值1").
_JOINED_RANK_RE = re.compile(r"([\u4e00-\u9fff])(\d{1,3})$")


def _spaced_cells(line: str) -> list[str]:
    cells = []
    for cell in _SPACED_GLOSS_RE.sub("", line).split():
        joined = _JOINED_RANK_RE.search(cell)
        cells += [cell[: joined.start(2)], joined.group(2)] if joined else [cell]
    return cells


def _spaced_table_cell(text: str, norm: str, start: int, end: int) -> Quantity | None:
    """A number that is a whole cell of a table row written with spaces, as a page's table reads once
    its markup is gone ("排序 城市 创新能力效用值" over "1 广东 59.49", "2 北京 53.22"): a row of three
    or more cells, one of them words, under rows of as many cells and a header of words naming the
    column's unit (as for _table_cell)."""
    line_start = norm.rfind("\n", 0, start) + 1
    line_end = norm.find("\n", end)
    line_end = len(norm) if line_end < 0 else line_end
    line = norm[line_start:line_end]
    if "|" in line or (start > line_start and not norm[start - 1].isspace()) or (end < line_end and not norm[end].isspace()):
        return None  # a pipe table's (_table_cell), or a number inside a word
    cells = _spaced_cells(line)
    if len(cells) < 3 or norm[start:end] not in cells or not any(_WORD_CELL_RE.search(cell) for cell in cells):
        return None
    value = _number(norm[start:end])
    if value is None:
        return None
    column = len(_spaced_cells(norm[line_start:start]))
    flattened = _flattened_table_column(cells, column)
    if flattened is not None:
        return _column_quantity(text, norm, start, end, value, flattened, scores=True)
    for row in _rows_above(norm, line_start, MAX_TABLE_ROWS + 1):
        above = _spaced_cells(row)
        if not above:
            continue  # a line of pinyin glosses only
        if len(above) != len(cells):
            return None
        if not any(char.isdigit() for cell in above for char in cell):
            break  # the header: words only
    else:
        return None
    return _column_quantity(text, norm, start, end, value, above[column], scores=True)


def _table_header(norm: str, line_start: int, pipes: int) -> list[str] | None:
    """The cells of the header of the table row starting at line_start: the first of the rows right
    above with as many cells. A header written over two rows, its second row shorter and wordy
    ("序号 | 区域 | 合同数 | 成交额 | 成交额 |" over "同比增长率 | 排名 | |||"), ends its last columns'
    names with the second row's words."""
    rows = list(_rows_above(norm, line_start, MAX_TABLE_ROWS + 2))
    same_width = 0
    while same_width < min(len(rows), MAX_TABLE_ROWS) and _inner_pipes(rows[same_width]) == pipes:
        same_width += 1  # a row of the same table has as many cells
    first_above = rows[same_width - 1] if same_width else None
    if same_width + 1 < len(rows) and _inner_pipes(rows[same_width + 1]) == pipes:
        ending = [cell.strip() for cell in rows[same_width].split("|") if cell.strip()]
        if ending and not any(char.isdigit() for cell in ending for char in cell):
            names = rows[same_width + 1].split("|")
            named = [index for index, name in enumerate(names) if name.strip()]
            if len(ending) < len(named) and (first_above is None or any(char.isdigit() for char in first_above)):
                for index, words in zip(named[-len(ending):], ending):
                    names[index] = names[index].strip() + words
                return names
    return first_above.split("|") if first_above is not None else None


def _rows_above(norm: str, line_start: int, lines: int):
    """The rows above the line starting at line_start, nearest first, within `lines` lines: cleaned
    text sets rows apart with blank lines, which are no rows."""
    row_start = line_start
    for _ in range(lines):
        if row_start == 0:
            return
        above_start = norm.rfind("\n", 0, row_start - 1) + 1
        above = norm[above_start : row_start - 1]
        row_start = above_start
        if above.strip():
            yield above


def _inner_pipes(row: str) -> int:
    """The pipes between a row's cells, without one closing it (a copy may cut the row short)."""
    return row.strip().strip("|").count("|")


def _shared_unit(text: str, norm: str, match: re.Match, previous_index: int) -> Quantity | None:
    """A number listed before another that carries the unit and scale for both ("分别较年初提高0.34
    和1.07个百分点", "分别为3.2、4.5万户"): the same unit and scale, read from the next number."""
    start, end = match.start("n1"), match.end("n1")
    following = match
    for _ in range(MAX_LISTED_NUMBERS):  # "高出2.1、1.3、1.9个百分点": through the bare ones between
        listed_end = following.end("n1")
        if listed_end >= len(norm) or norm[listed_end] not in L.LIST_JOINERS:
            return None
        following = QUANTITY_RE.match(norm, listed_end + 1)
        if following is None or not following.group("n1") or not following.group("n1")[0].isdigit() or following.group("conn"):
            return None
        if following.group("u1") or following.group("s1") or following.group("cur"):
            break
    else:
        return None
    if following.group("u1") in _DURATIONS:
        return None
    after, _ = _read_number(text, norm, following, None, previous_index)
    if after is None or after.unit_class == "currency" and following.group("cur"):
        return None
    value = _number(match.group("n1"))
    if value is None or _YEAR_LIKE_RE.fullmatch(match.group("n1")):
        return None
    scaled = value * after.scale * (10.0 if after.unit_text in ("成",) else 1.0)
    return _make(text, norm, start, end, text[start:end], value, value, after.scale_text, after.scale, scaled,
                 scaled, scaled, None, after.unit, after.unit_class, word=False, inner_qualifier=None)


_DIGIT_VALUES = {**{str(d): d for d in range(1, 10)}, **dict(zip("一二两三四五六七八九", (1, 2, 2, 3, 4, 5, 6, 7, 8, 9)))}


def _hundredths_after(norm: str, end: int) -> int | None:
    """The single digit written right after 成 ("1成2", "五成七"): so many more percent, when
    no other numeral, decimal point or measure word follows it."""
    if end >= len(norm) or norm[end] not in _DIGIT_VALUES:
        return None
    following = norm[end + 1 : end + 2]
    if following and (following.isdigit() or following in L.NUMERAL_CHARS or following in ".%％成"
                      or following in _UNIT_STARTS):
        return None
    return _DIGIT_VALUES[norm[end]]


def _is_term(norm: str, match: re.Match) -> bool:
    """A number of years that is a term, not a date: a fund's life or an age limit ("设置20年存续期",
    "10年退出期", "存续期最长可达20年", "成立时间不超过10年")."""
    if _YEAR_LIKE_RE.fullmatch(match.group("n1")):
        return False
    after, _ = _without_glosses(norm, match.end(), min(len(norm), match.end() + 12))
    if after.startswith(L.TERM_WORDS + L.TERM_BOUNDS_AFTER):
        return True
    if "工作日" in match.group("u1"):
        return True  # working days count a time limit ("压缩至3个工作日"), never a date
    if _TERM_UNITS[match.group("u1")] == "hour":
        return not (_number(match.group("n1")) == L.AROUND_THE_CLOCK_HOURS and CJK_RE.match(after or " ")
                    and not after.startswith(("内", "以")))
    clause_start = _clause_start(norm, match.start("n1"))
    before, _ = _without_glosses(norm, clause_start, match.start("n1"))
    if before.endswith(L.LENGTH_BEFORE):
        return True
    if after.startswith("内") and before.endswith(L.AGE_BEFORE):
        return True
    if after.startswith("内") and _TERM_DEADLINE_RE.match(after, 1):
        return True  # "7天内完成审核", "3个月内办结": a deadline the policy sets
    if before.endswith(L.TOP_BEFORE) and _INTEREST_RE.search(after):
        return True  # "补助前5年利息", "前2年免利息": the years a loan's interest is paid for
    if _SPEND_BEFORE_RE.search(before) and after.lstrip("的").startswith("时间"):
        return True
    return bool(_TERM_BEFORE_RE.search(before))


def _term(text: str, norm: str, match: re.Match) -> Quantity | None:
    start, end = match.start("n1"), match.end()
    value = _number(match.group("n1"))
    if value is None:  # characters no numeral reads ("百三"): no figure
        return None
    quantity = _make(text, norm, start, end, text[start : match.end("n1")], value, value, None, 1.0, value,
                     value, value, text[match.start("u1") : end], _TERM_UNITS[match.group("u1")], "duration",
                     word=not match.group("n1")[0].isdigit(), inner_qualifier=None)
    if quantity.qualifier == "exact" and norm.startswith("内", end):  # "毕业2年内": within two years
        quantity = replace(quantity, qualifier="under", qualifier_text=text[end : end + 1])
    return quantity


def _length_range(text: str, norm: str, match: re.Match) -> Quantity | None:
    """A range of years, months, days or hours is a length of time ("存活4至5年", "以18至24个月为一
    周期"). Not: years written in full or in two digits ("2016至2020年", "17-19年"), 年级 and 年度
    (grades, years), and a time frame ("近3-5年来", "过去3至5年", "2至3年内建成")."""
    low, high = _number(match.group("n1")), _number(match.group("n2"))
    if (low is None or high is None or not low < high or match.group("s2") or match.group("t2")
            or (_TERM_UNITS[match.group("u2")] == "year" and high > 10)
            or norm.startswith(("级", "度", "代", "来", "以来"), match.end())
            or (norm.startswith("内", match.end()) and not norm.startswith("内的", match.end()))):
        return None  # "力争2至3年内建成": a time frame, as "三年内成为" is
    before, _ = _without_glosses(norm, _clause_start(norm, match.start("n1")), match.start("n1"))
    if before.endswith(L.TIME_FRAME_BEFORE):
        return None
    start, end = match.start("n1"), match.end()
    return _make(text, norm, start, end, text[start : match.end("n2")], low, high, None, 1.0, None, low, high,
                 text[match.start("u2") : end], _TERM_UNITS[match.group("u2")], "duration",
                 word=not match.group("n1")[0].isdigit(), inner_qualifier=None)


def _minus_before(norm: str, start: int) -> bool:
    """A minus sign right before a figure, not a dash between two numbers or after a name
    ("为-3.2%", not "10-20", "COVID-19")."""
    if start == 0 or norm[start - 1] not in "-−":
        return False
    before = norm[start - 2 : start - 1] if start >= 2 else ""
    if not before or before in L.NUMERAL_CHARS:
        return False  # the text's first character, or a dash between numerals
    if CJK_RE.match(before):
        return True  # "为-3.2%"
    return not (before.isalnum() or before in ".%")  # "10-20", "COVID-19"


def _compound(text: str, norm: str, match: re.Match, previous_money, previous_index: int) -> Quantity | None:
    """One amount written in two scales ("3亿5000万元" 350 million yuan, "1兆5000億日圓", "1万2千家"):
    a number with a scale and nothing else, then at once a smaller amount that has the unit."""
    following = QUANTITY_RE.match(norm, match.end())
    if (following is None or not following.group("n1") or not following.group("n1")[0].isdigit()
            or following.group("conn") or following.group("cur")):
        return None
    high_scale = _scale((match.group("s1") or "") + (match.group("t1") or ""))
    # "9萬8268元", "1萬552家", "157萬8,188家": the digits below 万 written out in full, with no scale of their own
    # (a digit after 万 is the colloquial thousands, "1万5" for 15000, and stays apart; so do two,
    # which may be either; a decimal before 万 has no digits below it written out)
    if not following.group("s1") and not (
        high_scale == 1e4 and _DIGITS_BELOW_WAN_RE.fullmatch(following.group("n1")) and "." not in match.group("n1")
    ):
        return None
    rest, _ = _read_number(text, norm, following, previous_money, previous_index)
    if rest is None or rest.value is None or rest.value >= high_scale or rest.scale >= high_scale:
        return None
    if any(c in L.MONEY_ONLY_SCALES for c in match.group("s1") or "") and rest.unit_class != "currency":
        return None  # 兆 scales money only
    head = _number(match.group("n1"))
    if head is None:
        return None
    start = match.start("cur") if match.group("cur") else match.start("n1")
    written_before = norm[max(0, start - 4) : start].rstrip()
    local = next((c for c in _LOCAL_CURRENCIES if written_before.endswith(c)), None)
    if local is not None and rest.unit == "CNY":  # "新台幣9萬8268元"
        start = max(0, start - 4) + len(written_before) - len(local)
        rest = rest.with_changes(unit=L.MONEY_PREFIXES[local])
    value = head * high_scale + rest.value
    number_end = following.start("s1")
    # "3萬100多家": the 多 of the part below 万 makes the whole more than it says
    inner = rest.qualifier_text if rest.qualifier == "over" and (rest.qualifier_text or "") in L.INNER_QUALIFIERS else None
    quantity = _make(text, norm, start, rest.end, text[match.start("n1") : number_end], value / rest.scale,
                     value / rest.scale, rest.scale_text, rest.scale, value, value, value, rest.unit_text,
                     rest.unit, rest.unit_class, word=False, inner_qualifier=inner)
    return quantity.with_changes(counted=rest.counted) if rest.counted else quantity


_DIGITS_BELOW_WAN_RE = re.compile(r"\d{3,4}|\d,\d{3}")  # "157萬8,188": Taiwan papers group the thousands
_LIST_COUNT_RE = re.compile(f"[{L.LIST_COUNT_NUMERALS}]大")


def _list_count(text: str, norm: str, match: re.Match) -> Quantity | None:
    """A Chinese numeral counting the items a list before it names: "电子信息、新材料、高技术服务等
    八大领域", "蚂蚁金服和菜鸟网络两大阿里系超级独角兽", "北京、上海、深圳三地"."""
    start, end = match.start("n1"), match.end("n1")
    word = norm[end : end + 1]
    if word not in L.LIST_COUNT_WORDS:
        return None
    if word == "大" and (not CJK_RE.match(norm[end + 1 : end + 2] or " ") or norm[end + 1] in L.NOT_LIST_COUNT_AFTER_DA):
        return None  # 大 then a noun: "八大领域"
    if not _counts_named_items(norm, start):
        return None
    clause_start = _clause_start(norm, start)
    value = _number(match.group("n1"))
    if value is None:
        return None
    quantity = _make(text, norm, start, end, text[start:end], value, value, None, 1.0, value, value,
                     value, None, "count", "count", word=True, inner_qualifier=None)
    if word != "大":
        return quantity  # "三地": the places, named before
    counted = _counted(text, norm, end + 1, clause_start, start)
    return quantity.with_changes(counted=counted) if counted else quantity


def _counts_named_items(norm: str, start: int) -> bool:
    """A list before the numeral names what it counts, or a word before it makes it a total
    ("共包含五大章节", "分为三类")."""
    before = norm[_clause_start(norm, start) : start]
    if _LIST_COUNT_RE.search(before):
        return False  # "三大园区、五大机构": a list of such counts, not of the things counted
    return (before.endswith(("等", *L.TOTAL_BEFORE)) or "、" in before
            or any(mark in before[:-1] for mark in L.LIST_MARKS[2:]))


def _only_one(norm: str, start: int, end: int) -> bool:
    """一 and a measure word that count: after "only" ("只有一间") or alone in brackets ("(一家)")."""
    if norm[start - 1 : start] in "(（" and norm[end : end + 1] in ")）" and start > 0 and end < len(norm):
        return True
    return norm[max(0, start - 2) : start].endswith(L.ONLY_BEFORE_ONE)


# What may follow a bare 千 or 百 that is a figure: the clause's end.
_BARE_HUNDREDS_END_RE = re.compile(r"[，,。；;！!？?、)）”」]|$")


def _is_large_bare(norm: str, match: re.Match) -> bool:
    """A Chinese numeral with 万 or 亿 in it and nothing after ("破千亿", "超千万", "近万亿地方资金",
    "千亿级基金") is a figure when a qualifier comes before it or 级 (of the scale of) after it;
    alone it is a word ("万众创新", "千万不要")."""
    numeral = match.group("n1")
    start, end = match.start("n1"), match.end("n1")
    if numeral in ("千", "百") and _BARE_HUNDREDS_END_RE.match(norm, end):
        # "淘宝村首度破千。": a bare 千 or 百 ending its clause after a qualifier ("破千", "超百")
        return _ends_on_a_qualifier(norm, start)
    if numeral[0].isdigit() or not any(char in "万亿" for char in numeral):
        return False
    if norm.startswith(L.SCALE_CLASS_WORD, end):
        return True
    if _MONEY_CUE_RE.match(norm, end + (norm[end : end + 1] == "的")):
        return True  # "以一万亿估值": money named right after it
    return norm.endswith(L.OVER_BEFORE_SCALE, 0, start) or _ends_on_a_qualifier(norm, start)


def _ends_on_a_qualifier(norm: str, start: int) -> bool:
    """Whether a qualifier written before a number ("破", "超过", "近") ends right at `start`."""
    before = norm[max(0, start - _QUALIFIER_BEFORE_LENGTHS[0]) : start]
    return any(before.endswith(word) for word in L.QUALIFIERS_BEFORE)


_PART_GROUPS = {n: tuple(f"{g}{n}" for g in ("n", "ma", "s", "mb", "t", "u")) for n in (1, 2)}


class _Part:
    """One number of a match: value, scale, unit and their offsets."""

    __slots__ = ("end", "inner_qualifier", "is_word", "number_end", "scale_end", "scale_spans",
                 "scale_start", "scale_text", "unit_end", "unit_start", "unit_text", "value")

    def __init__(self, match: re.Match, n: int):
        names = _PART_GROUPS[n]
        values = match.group(*names)
        numeral, inner_a, scale, inner_b, scale_b, unit = values
        self.number_end = number_end = match.end(names[0])
        self.is_word = not numeral[0].isdigit()
        self.value = _number(numeral)
        self.inner_qualifier = inner_a or inner_b
        if self.is_word and self.value and inner_a and scale and numeral.translate(_NORMALISE).endswith(scale.translate(_NORMALISE)):
            # "一亿三千万多万户": the spoken scale after 多 repeats the numeral's own last one
            # (130 million and more), it does not multiply it again.
            self.value /= _scale(scale.translate(_NORMALISE))
        if scale or scale_b:
            self.scale_text = (scale or "") + (scale_b or "")
            self.scale_spans = [match.span(names[i]) for i in (2, 4) if values[i]]
            self.scale_start = self.scale_spans[0][0]
            self.scale_end = self.scale_spans[-1][1]
        else:
            self.scale_text = None
            self.scale_spans = []
            self.scale_start = self.scale_end = number_end
        self.unit_text = _GLOSS_RE.sub("", unit) if unit and "(" in unit else unit
        if unit:
            self.unit_start, self.unit_end = match.span(names[5])
            self.end = self.unit_end
        else:
            self.unit_start = self.unit_end = -1
            last = next(i for i in (4, 3, 2, 1, 0) if values[i])
            self.end = match.end(names[last])

    def written_scale(self, text: str) -> str:
        """The scale characters as written, without a 多/余 between them ("3千多万" -> "千万")."""
        return "".join(text[a:b] for a, b in self.scale_spans)


def _from_one_to_another(norm: str, start: int, end: int) -> bool:
    """"从55家到9474家的飞跃": a level before and after a change, two figures; "从1亿元到2亿元不等"
    is one range."""
    return norm[max(0, start - 2) : start].rstrip().endswith(L.FROM_BEFORE) and not norm.startswith(
        L.RANGE_AFTER, end
    )


def _is_range(first: _Part, second: _Part) -> bool:
    """`first` and `second` joined by a dash, 至 or 到 are one range only when the second is a
    quantity of the same kind: not a date ("50家到2020年"), not another unit."""
    if second.unit_text in _DURATIONS:
        return False
    if first.unit_text and second.unit_text and _UNITS.get(first.unit_text) != _UNITS.get(second.unit_text):
        return False
    if first.unit_text and not second.unit_text:
        return False
    if first.value is None or second.value is None:
        return False
    # a bare first number takes the second's scale ("30至50万"): compare them in it
    high_scale = _scale(second.scale_text) if second.scale_text else 1.0
    return first.value * _low_end_scale(first, second) <= second.value * high_scale


def _low_end_scale(first: _Part, second: _Part) -> float:
    """The scale of a range's low end: its own, else the high end's ("30至50万"), except that a bare
    low end of thousands which would pass a high end in 亿 is in 万 ("5000~1亿": a bracket of sums,
    50 million to 100 million)."""
    if first.scale_text:
        return _scale(first.scale_text)
    high_scale = _scale(second.scale_text) if second.scale_text else 1.0
    if high_scale == 1e8 and 1000 <= first.value < 10000 and first.value > second.value:
        return 1e4
    return high_scale


@lru_cache(maxsize=4096)
def _number(numeral: str) -> float | None:
    """An Arabic or Chinese numeral's value; None for what is no number ("十三五", "亿万")."""
    if numeral[0].isdigit():
        return float(numeral.replace(",", "").replace(" ", ""))
    if numeral in ("十", "百", "千", "万", "亿"):
        return L.SCALES[numeral]
    if _SCALES_ONLY_RE.fullmatch(numeral):
        # A bare scale of scales ("千亿", "百億", "万亿"): each multiplies the next larger one;
        # a falling order ("亿万" myriads) is no number.
        scales = [L.SCALES[char] for char in numeral]
        return None if scales != sorted(set(scales)) else _product(scales)
    # cn2an is imported on the first Chinese numeral: its import takes a third of a second,
    # which English-only processes should not pay.
    import cn2an

    try:
        return float(cn2an.cn2an(numeral, "normal"))
    except (ValueError, KeyError, IndexError, TypeError):
        return None


_SCALES_ONLY_RE = re.compile("[十百千万亿]{2,3}")


def _product(values) -> float:
    result = 1.0
    for value in values:
        result *= value
    return result


@lru_cache(maxsize=256)
def _scale(scale_text: str) -> float:
    if scale_text in L.ENGLISH_SCALES:  # "RMB303.0 million" in a Chinese release
        return L.ENGLISH_SCALES[scale_text]
    scale = 1.0
    for char in scale_text:
        scale *= L.SCALES.get(char, 1.0)
    return scale


def _currency_of_prefix(prefix: str, norm: str, start: int) -> str:
    """¥ is yuan unless its clause speaks of yen or Japan."""
    if prefix in L.YEN_SIGNS:
        index = bisect_right(_CLAUSE_STARTS, start)
        clause_end = _CLAUSE_STARTS[index] if index < len(_CLAUSE_STARTS) else len(norm)
        clause = norm[_clause_start(norm, start) : clause_end]
        return "JPY" if "日元" in clause or "日本" in clause else "CNY"
    return L.MONEY_PREFIXES.get(prefix, "CNY")


def _half(text: str, norm: str, match: re.Match) -> Quantity:
    word = match.group("half")
    qualifier = {"近": "about", "过": "over", "逾": "over"}.get(word[0])
    return _make(text, norm, match.start("half"), match.end("half"), text[match.start("half"):match.end("half")],
                 50.0, 50.0, None, 1.0, 50.0, 50.0, 50.0, None, "percent", "percent", word=True,
                 inner_qualifier=None, own_qualifier=qualifier)


def _build(text, norm, match, start, end, number_text, raw, value, scale_text, scale, unit,
           unit_class, unit_text, word) -> Quantity:
    return _make(text, norm, start, end, number_text, raw, raw, scale_text, scale, value, value,
                 value, unit_text, unit, unit_class, word=word, inner_qualifier=None)


def _make(text, norm, start, end, number_text, raw_low, raw_high, scale_text, scale, value, low,
          high, unit_text, unit, unit_class, word, inner_qualifier, own_qualifier=None,
          low_scale_text=None) -> Quantity:
    """The Quantity at [start, end), with what its clause says about it."""
    clause_start = _clause_start(norm, start)
    qualifier, qualifier_text, before_end = _qualifier(text, norm, start, end, clause_start,
                                                      inner_qualifier, own_qualifier)
    if qualifier == "exact" and (unit_class == "percent" or unit == "times"):
        bridged = _bridged_qualifier(text, norm, start, clause_start)
        if bridged is not None:
            qualifier, qualifier_text = bridged
    before = norm[clause_start:before_end]
    per = None
    if "均" in before or "每" in before:
        rate = None
        for rate in _RATE_RE.finditer(before):
            pass
        if rate is not None:
            per = L.RATE_CUES[rate.group()]
    status = None
    if not _STATUS_CHARS.isdisjoint(before):
        status = "target" if _TARGET_RE.search(before) else "expected" if _EXPECTED_RE.search(before) else None
    # (read through spaces and pinyin glosses: "比上年增长 16.03%", "比上年增長(zhǎng)19.6%")
    plain = _GLOSS_RE.sub("", before).rstrip() if "(" in before or before.endswith(" ") else before
    change = _change(plain) or _change(_LISTED_NUMBERS_RE.sub("", plain).rstrip())  # "提高0.34和1.07个百分点"
    change_basis = None
    if change is not None:
        basis = _CHANGE_BASIS_RE.search(norm, clause_start, before_end)
        change_basis = text[basis.start():basis.end()] if basis else None
    if unit == "times" and change == "increase" and value == 1.0:
        # "增加一倍", "增长了近一倍": doubled, 2 times (the number read as 2, as 翻番 is)
        raw_low = raw_high = value = low = high = 2.0
    # ("14万个体户": the measure character begins the noun counted)
    counts_noun_after = unit_text is None and norm.startswith(_NOUNS_WITH_MEASURE_CHARACTER, end)
    counted = _counted(text, norm, end, clause_start, before_end) if unit_class == "count" and (unit_text or counts_noun_after) else None
    return new_quantity(
        text[start:end], start, end, number_text, float(raw_low), float(raw_high), scale_text,
        float(scale), None if value is None else float(value), float(low), float(high),
        unit_text, unit, unit_class, unit == "percentage_point", counted, per, qualifier,
        qualifier_text, status, change, change_basis, None, word, None, None, low_scale_text,
    )


# Where each clause of the text being read starts (after each clause break), found in one pass
# per text: a figure's clause start is then one bisection. Reset by every extract_chinese call.
_CLAUSE_STARTS: list[int] = []
MAX_CLAUSE_CHARS = 200


def _change(before: str) -> str | None:
    """'increase' or 'decrease' when the clause's words right before the figure end in a verb
    of change, maybe followed by 了/分别/达到 ... ("同比增长", "提高了", "增幅达到")."""
    tail = before
    while tail.endswith(_LINK_WORDS):
        tail = tail[: -len(next(word for word in _LINK_WORDS if tail.endswith(word)))]
    if tail.endswith(_INCREASE_WORDS):
        return "increase"
    if tail.endswith(_DECREASE_WORDS):
        return "decrease"
    return None


def _clause_start(norm: str, start: int) -> int:
    index = bisect_right(_CLAUSE_STARTS, start) - 1
    clause_start = _CLAUSE_STARTS[index] if index >= 0 else 0
    return max(clause_start, start - MAX_CLAUSE_CHARS)


def _qualifier(text, norm, start, end, clause_start, inner, own) -> tuple[str, str | None, int]:
    """(qualifier, its words as written, where the clause's words before the figure end)."""
    # The qualifier right before the number, or before a linking 有/为/达 ("大概有26%") or a
    # space ("上限則為 5,000 萬元").
    stops = (start, start - 1) if start and norm[start - 1] in "有为达是了 " else (start,)
    if start and norm[start - 1] == ")":  # "超過(guò)6成": the qualifier before a pinyin gloss
        gloss = _GLOSS_BEFORE_RE.search(norm, max(0, start - 8), start)
        if gloss is not None:
            stops = (start, gloss.start())
    for stop in stops:
        for length in _QUALIFIER_BEFORE_LENGTHS:
            if stop - length >= clause_start and norm[stop - length : stop] in L.QUALIFIERS_BEFORE:
                words = norm[stop - length : stop]
                return L.QUALIFIERS_BEFORE[words], text[stop - length : stop], stop - length
    if own is not None:
        return own, text[start : start + 1], start
    if start > clause_start and norm[start - 1] == L.OVER_BEFORE and norm[start - 2 : start - 1] not in L.NOT_OVER_BEFORE_GUO:
        return "over", text[start - 1 : start], start - 1
    if start > clause_start and norm[start - 1] == L.OVER_BEFORE_SCALE and norm[start] in "十百千万亿":
        return "over", text[start - 1 : start], start - 1
    after = _QUALIFIER_AFTER_RE.match(norm, end)
    if after is not None and after.group() not in L.INNER_QUALIFIERS:
        return L.QUALIFIERS_AFTER[after.group()], text[after.start() : after.end()], start
    if after is not None and norm.endswith(_SHARE_UNIT_ENDS, start, end) and not norm.startswith(_NOT_MORE_AFTER, end + 1):
        # "七成多", "两倍多", "50%多": more than a share or a multiple (not "多为", mostly)
        return "over", text[after.start() : after.end()], start
    if inner is not None:
        return "over", inner, start
    cap = _BRIDGED_CAP_RE.search(norm, max(clause_start, start - 10), start)
    if cap is not None:
        return "under", text[cap.start() : cap.end()], cap.start()
    listed = _LIST_QUALIFIER_RE.search(norm, max(clause_start, start - 60), start)
    if listed is not None:
        return L.QUALIFIERS_BEFORE[listed.group("qual")], text[listed.start("qual") : listed.end("qual")], start
    # "千亿级基金", "万亿元级产业集群": a bare scale of that order, about
    of_scale = norm.startswith(L.SCALE_CLASS_WORD, end) or norm.startswith("元" + L.SCALE_CLASS_WORD, end)
    if of_scale and any(char in "万亿" for char in norm[start:end]) and not any(char.isdigit() for char in norm[start:end]):
        return "about", text[end : end + 1 + (norm[end] == "元")], start
    return "exact", None, start


def _bridged_qualifier(text, norm, start, clause_start) -> tuple[str, str] | None:
    """(qualifier, its words) for a share or multiple whose qualifier comes before the whole it
    is of ("约占农民工总数的2%"), or None."""
    stop = start - 1 if start and norm[start - 1] == " " else start  # "約佔全國鄉鎮總數的 5.8%"
    if not stop or norm[stop - 1] != "的":
        return None
    bridged = _BRIDGED_QUALIFIER_RE.search(norm, max(clause_start, stop - 24), stop)
    if bridged is None:
        return None
    return L.BRIDGED_QUALIFIERS[bridged.group("qual")], text[bridged.start() : bridged.end("qual")]


_GLOSS_RE = re.compile(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,6}\)")


def _without_glosses(norm: str, start: int, end: int) -> tuple[str, list[int]]:
    """norm[start:end] without pinyin glosses ("眾創(chuàng)空間" -> "众创空间"), and for each
    character kept its offset in norm (plus the end, so a span maps back)."""
    if "(" not in norm[start:end]:
        return norm[start:end], [*range(start, end), end]
    kept, offsets, position = [], [], start
    for gloss in _GLOSS_RE.finditer(norm, start, end):
        kept.append(norm[position : gloss.start()])
        offsets.extend(range(position, gloss.start()))
        position = gloss.end()
    kept.append(norm[position:end])
    offsets.extend(range(position, end))
    return "".join(kept), [*offsets, end]


def _counted(text: str, norm: str, end: int, clause_start: int, before_end: int) -> str | None:
    """The noun after the measure word, else the subject before the number. Pinyin glosses
    inside the noun are read through and kept in it as written."""
    after, after_offsets = _without_glosses(norm, end, min(len(norm), end + 4 * MAX_NOUN_CHARS))
    stop = 0
    limit = min(len(after), MAX_NOUN_CHARS)
    while stop < limit:
        if (quoted := _QUOTED_TERM_RE.match(after, stop)) is not None:
            # a term in quotes inside the noun ("40家“独角兽”企业"): read through, as written,
            # counted as one character of the noun's length
            limit = min(len(after), limit + quoted.end() - quoted.start() - 1)
            stop = quoted.end()
            continue
        if not (after[stop] not in L.NOUN_STOPS and CJK_RE.match(after[stop])
                and (not after.startswith(L.NOUN_STOP_WORDS, stop) or after.startswith(L.NOUNS_NOT_STOPS, stop))):
            break
        stop += 1
    if stop > 0:
        return text[end : after_offsets[stop - 1] + 1]
    subject, offsets = _without_glosses(norm, clause_start, before_end)
    while subject.endswith(_SUBJECT_TAIL_WORDS):
        subject = subject[: -len(next(w for w in _SUBJECT_TAIL_WORDS if subject.endswith(w)))]
    subject_end = len(subject)
    subject_start = subject_end
    floor = max(0, subject_end - MAX_SUBJECT_CHARS)
    while subject_start > floor and (
        subject[subject_start - 1] not in _SUBJECT_CUTS
        # 在 inside a word ("在孵企业" incubated enterprises, "登记在册" on the register)
        or subject[subject_start - 1 : subject_start + 1] in L.WORDS_WITH_ZAI
    ) and not (subject[subject_start - 1] in _DATE_CHARS and subject[subject_start - 2 : subject_start - 1].isdigit()):
        subject_start -= 1
    if subject.startswith("其中", subject_start):
        subject_start += 2
    # a noun may open on a term in quotes ("“小巨人”企业15家")
    opens = CJK_RE.match(subject[subject_start]) or _QUOTED_TERM_RE.match(subject, subject_start) if subject_start < subject_end else None
    if not opens or subject[subject_start] in _NOT_NOUN_STARTS:
        return None
    return text[offsets[subject_start] : offsets[subject_end - 1] + 1]


def _link_equivalents(text: str, quantities: list[Quantity]) -> list[Quantity]:
    """A money figure restated in brackets in another currency ("53.96亿元（约合7.83亿美元）")
    points back to the figure it restates."""
    for i in range(1, len(quantities)):
        first, second = quantities[i - 1], quantities[i]
        if (
            first.unit_class == second.unit_class == "currency"
            and first.unit != second.unit
            and _EQUIVALENT_GAP_RE.fullmatch(text, first.end, second.start)
        ):
            quantities[i] = second.restating(first, i - 1)
    return quantities
