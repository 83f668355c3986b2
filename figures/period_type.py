"""Whether a figure's period is a point in time (a level at an instant) or a span (a flow over it).

    >>> from figures.periods import resolve_contexts
    >>> from figures.meaning import read_meanings
    >>> from figures.quantities import extract
    >>> text = "By the end of 2016, China had 3,255 incubators, which raised 12 billion yuan in 2016."
    >>> quantities = extract(text)
    >>> contexts = resolve_contexts(text, quantities, "2017-03-01")
    >>> meanings = read_meanings(text, quantities, None, [c.period_is_point_in_time for c in contexts])
    >>> read_period_types(text, quantities, contexts, meanings)
    ['point', 'span']

The measure type decides most figures (a stock is a point, a flow or change a span), but not
shares and other kinds ("accounting for 38 percent of the total at the end of June" is a
point, "accounted for 60 percent of new jobs last year" a span), and a measure type read wrong
takes the period type with it. A logistic model reads both from features that name no
indicator: the measure type read by figures.meaning, crossed with whether the words date the
figure as a point ("by the end of", "as of") and with the preposition of its period; the unit
class; the period's source and granularity; a status; a comparison base; a rate basis; share
words ("accounted for", "of the total"); and, from fixed lists, the point words before the
figure ("stood at", "has", "as of") and the span words around it ("in", "during", "grew",
"newly"). Its weights are trained on the development documents of the meaning corpus by
benchmarks/train_period_type_model.py, chosen by cross-validation grouped by document, and read
here in pure Python (models/period_type_model.json). Chinese documents have weights of their own
over the same features (models/period_type_model_zh.json, `--language zh`): there the word lists
do not fire and the measure type, the period's words and the rest decide. Without a model the
figures get None, and dbt decides from the measure type as before.
"""

from __future__ import annotations

import bisect
import json
import math
import re
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

from figures.chinese_context import unglossed
from figures.context import MentionContext
from figures.meaning import Meaning
from figures.measures import FORM_CUE
from figures.period_choice import PREFIX_CLASSES
from figures.quantities import Quantity
from figures.quantities.chinese import reads_as_chinese
from figures.quantities.chinese_lexicon import TO_HALF_WIDTH, TO_SIMPLIFIED

DEFAULT_MODEL = Path(__file__).resolve().parent / "models" / "period_type_model.json"
CHINESE_MODEL = DEFAULT_MODEL.with_name("period_type_model_zh.json")
# The period type of a stock or flow whose measure type the sentence's form decided.
FORM_PERIOD_TYPES = {"stock": "point", "flow": "span"}

# Characters read before and after a figure, inside its sentence.
NEAR_BEFORE, NEAR_AFTER = 80, 60
SHARE_RE = re.compile(
    r"\b(?i:accounted?\s+for|accounting\s+for|share|proportion|percent\s+of|per\s+cent\s+of|of\s+the\s+total|of\s+all"
    r"|of\s+them|ratio)\b|%\s+of\b"
)
# Words before a figure that state a level at an instant.
POINT_WORDS_RE = re.compile(
    r"\b(?i:by\s+the\s+end\s+of|at\s+the\s+end\s+of|end\s+of|as\s+of|as\s+at|by|until|so\s+far|to\s+date|now|currently"
    r"|at\s+present|stood\s+at|reached|totaled|totalled|there\s+(?:are|were)|home\s+to|has|have|had)\b"
)
# Words around a figure that state an amount over a period.
SPAN_WORDS_RE = re.compile(
    r"\b(?i:in|during|over|throughout|for|year[\s-]+on[\s-]+year|annual(?:ly)?|per\s+year|a\s+year|each\s+year|growth"
    r"|grew|rose|increased|new(?:ly)?|raised|invested|registered|set\s+up|established|created|attracted"
    # people and things counted as they arrive: sign-ups, entrants, graduates, deals
    r"|signed\s+up|participat(?:ed|ing)|took\s+part|attended|drew|graduat(?:ed|ing)|travell?ed|returned|achieved"
    r"|completed|launched|settled\s+in)\b"
)
# What a share is a share of, read just after it ("60% of total GDP", "84.1 percent of all
# enterprises"): a share of a flow over a period is a span, of a stock or a population a point.
FLOW_WHOLE_RE = re.compile(
    r"\b(?i:gdp|revenues?|income|output|sales|exports?|imports?|investments?|spending|expenditures?|tax(?:es)?"
    r"|profits?|jobs|employment|funding|fundraising|financing|transactions?|turnover|value\s+added|growth)\b"
)
STOCK_WHOLE_RE = re.compile(
    r"\b(?i:enterprises|companies|firms|entities|businesses|population|residents|people|respondents|students"
    r"|graduates|employees|staff|workers|land|members|unicorns|institutions|investors|households)\b"
)
WHOLE_REACH = 50
# Words of a size at an instant next to a figure: a fund's or a market's size, a valuation.
SIZE_WORDS_RE = re.compile(r"\b(?i:funds?|market|valuation|valued|worth|scale|stock|capitali[sz]ation|portfolio)\b")
SIZE_REACH = 30
SPACES_RE = re.compile(r"\s+")
# Chinese words near a figure (simplified script): a level at an instant ("截至", "年底", "累计",
# "在册", "现有") or an amount over a period ("新增", "新设", "同比", "全年", "融资"). They never
# match English text, whose features stay as they were.
ZH_POINT_RE = re.compile(
    r"截至|截止|年底|年末|月底|月末|季度末|目前|现有|共有|拥有|已有|累计|总量|总数|在册|实有|存量|保有|余额|规模|估值|已达|达到|突破|超过"
)
ZH_SPAN_RE = re.compile(
    r"新增|新设|新登记|新注册|新成立|新建|新认定|同比|环比|全年|期间|以来|实现|完成|发放|吸引|融资|投资|募资|增长|下降|上升|提高"
    r"|收入|营收|利润|亏损|成交|签订|开展|举办|引进|培育|年均|日均|平均每|上半年|前三季度|季度|月份"
    r"|入库|认定|备案|遴选|新添|撮合|支出|办理|资助|支助|分配|回国|出国|接获|收到|吸引"
)
ZH_NEAR_BEFORE, ZH_NEAR_AFTER = 40, 12
CJK_RE = re.compile(r"[\u4e00-\u9fff]")
_ZH_NORMALISE = str.maketrans({**TO_HALF_WIDTH, **TO_SIMPLIFIED})
# Longest first, so "by the end of" is read before "by".
PREFIXES = sorted((prefix for prefix in PREFIX_CLASSES if prefix), key=len, reverse=True)


def _prefix_class(period_text: str | None) -> str:
    """The role of the preposition the figure's period is written with ("by the end of" ->
    end_of), "none" without a period."""
    if not period_text:
        return "none"
    lowered = SPACES_RE.sub(" ", period_text.lower())
    for prefix in PREFIXES:
        if lowered.startswith(prefix + " "):
            return PREFIX_CLASSES[prefix]
    return "bare"


def _words(pattern: re.Pattern, text: str) -> set[str]:
    """The words found, lower-case, spaces and hyphens between words as one space."""
    return {SPACES_RE.sub(" ", found.group().lower().replace("-", " ")) for found in pattern.finditer(text)}


def features(
    text: str, quantity: Quantity, context: MentionContext, meaning: Meaning, sentence: tuple[int, int]
) -> dict[str, float]:
    """One-hot features of one figure ("name=value" -> 1.0)."""
    measure = meaning.measure_type
    said_point = bool(context.period_is_point_in_time)
    prefix = _prefix_class(context.period_text)
    before = text[max(sentence[0], quantity.start - NEAR_BEFORE) : quantity.start]
    after = text[quantity.end : min(sentence[1], quantity.end + NEAR_AFTER)]
    found = {
        f"measure={measure}": 1.0,
        f"unit={quantity.unit_class}": 1.0,
        f"said_point={said_point}": 1.0,
        f"measure={measure}&said_point={said_point}": 1.0,
        f"source={context.period_source}": 1.0,
        f"granularity={context.period_granularity}": 1.0,
        f"prefix={prefix}": 1.0,
        f"measure={measure}&prefix={prefix}": 1.0,
        f"status={context.status}": 1.0,
    }
    if context.period_label and "/" in context.period_label:
        # a span of months, quarters or years ("2023-01/2023-08", "2016/2020"): what it dates is
        # mostly counted over it
        found["period_range"] = 1.0
        found[f"period_range&measure={measure}"] = 1.0
    if context.comparison_label:
        found["has_comparison"] = 1.0
    if quantity.change is not None or quantity.change_basis_text:
        found["quantity_change"] = 1.0
    if meaning.rate_basis or quantity.per:
        found["rate_basis"] = 1.0
    if SHARE_RE.search(before) or SHARE_RE.search(after):
        found["share_words"] = 1.0
        found[f"share_words&measure={measure}"] = 1.0
    if measure == "share" or quantity.unit_class == "percent":
        near_after = after[:WHOLE_REACH]
        flow, stock = FLOW_WHOLE_RE.search(near_after), STOCK_WHOLE_RE.search(near_after)
        if flow or stock:
            # the nearer word names the whole
            whole = "flow" if flow and (not stock or flow.start() < stock.start()) else "stock"
            found[f"whole={whole}&measure={measure}"] = 1.0
    if SIZE_WORDS_RE.search(before[-SIZE_REACH:]) or SIZE_WORDS_RE.search(after[:SIZE_REACH]):
        found["size_word"] = 1.0
    for word in _words(POINT_WORDS_RE, before):
        found[f"point_word={word}"] = 1.0
    for word in _words(SPAN_WORDS_RE, before) | _words(SPAN_WORDS_RE, after):
        found[f"span_word={word}"] = 1.0
    zh_before = unglossed(before.translate(_ZH_NORMALISE))[-ZH_NEAR_BEFORE:]
    zh_after = unglossed(after.translate(_ZH_NORMALISE))[:ZH_NEAR_AFTER]
    point_words = {m.group() for m in ZH_POINT_RE.finditer(zh_before)}
    span_words = {m.group() for m in ZH_SPAN_RE.finditer(zh_before)} | {m.group() for m in ZH_SPAN_RE.finditer(zh_after)}
    for found_word in point_words:
        found[f"zh_point_word={found_word}"] = 1.0
    for found_word in span_words:
        found[f"zh_span_word={found_word}"] = 1.0
    # Whether any word of each list is near, by itself and with the measure type: a word the
    # training documents seldom use still says which way the figure leans.
    if point_words:
        found["zh_point_any"] = found[f"zh_point_any&measure={measure}"] = 1.0
    if span_words:
        found["zh_span_any"] = found[f"zh_span_any&measure={measure}"] = 1.0
    if point_words and span_words:
        found["zh_point_and_span"] = 1.0
    elif not point_words and not span_words and CJK_RE.search(zh_before + zh_after):
        found["zh_neither"] = 1.0
    return found


class PeriodTypeModel:
    """A logistic score over `features`: above zero, the period is a point in time."""

    def __init__(self, weights: dict[str, float], intercept: float = 0.0):
        self.weights = weights
        self.intercept = intercept

    @classmethod
    def from_file(cls, path: Path) -> PeriodTypeModel:
        model = json.loads(path.read_text(encoding="utf-8"))
        return cls({name: float(weight) for name, weight in model["weights"].items()}, float(model["intercept"]))

    def score(self, found: dict[str, float]) -> float:
        weights = self.weights
        return self.intercept + math.fsum(weights.get(name, 0.0) * value for name, value in found.items())

    def period_type(self, found: dict[str, float]) -> str:
        return "point" if self.score(found) > 0 else "span"


@lru_cache(maxsize=2)
def default_model(chinese: bool = False) -> PeriodTypeModel | None:
    """The trained model shipped with the library for one language, or None when there is none."""
    path = CHINESE_MODEL if chinese else DEFAULT_MODEL
    return PeriodTypeModel.from_file(path) if path.exists() else None


def read_period_types(
    text: str,
    quantities: Sequence[Quantity],
    contexts: Sequence[MentionContext],
    meanings: Sequence[Meaning],
    sentences: Sequence[tuple[int, int]] | None = None,
    model: PeriodTypeModel | None | str = "trained",
) -> list[str | None]:
    """'point' or 'span' per quantity, in order; None for every figure when no model ships (for
    the text's language, with "trained"). A restatement ("($7.83 billion)") takes the type of what it restates.
    `sentences` are (start, end) spans sorted by start; the whole text is one sentence when
    they are not given."""
    if model == "trained":
        model = default_model(reads_as_chinese(text))
    if model is None:
        return [None] * len(quantities)
    spans = list(sentences) if sentences else [(0, len(text))]
    starts = [start for start, _ in spans]
    types: list[str | None] = []
    for quantity, context, meaning in zip(quantities, contexts, meanings):
        if (meaning.measure_cue or "").startswith(FORM_CUE) and meaning.measure_type in FORM_PERIOD_TYPES:
            # a stock or flow the sentence's form decided ("从2016年的104家增长到125家", "第二批……92个")
            types.append(FORM_PERIOD_TYPES[meaning.measure_type])
            continue
        sentence = spans[max(bisect.bisect_right(starts, quantity.start) - 1, 0)]
        types.append(model.period_type(features(text, quantity, context, meaning, sentence)))
    for index, quantity in enumerate(quantities):
        original = quantity.equivalent_of
        if original is not None and 0 <= original < len(types) and original != index:
            types[index] = types[original]
    return types
