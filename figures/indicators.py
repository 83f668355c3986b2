"""Which catalog indicator a figure measures: candidates from the catalog's cues, described by
features that say nothing about any one indicator, ranked by a small learned chooser.

    >>> from figures.quantities import extract
    >>> from figures.meaning import read_meanings
    >>> catalog = read_catalog(DEFAULT_CATALOG)
    >>> text = "By the end of 2016, China had 3,255 incubators."
    >>> quantities = extract(text)
    >>> choices = choose_indicators(text, quantities, read_meanings(text, quantities), catalog=catalog)
    >>> places = {indicator.indicator_id for indicator in catalog if indicator.level != "company"}
    >>> best = next(choice for choice in choices[0] if choice.indicator_id in places)  # China owns it
    >>> best.indicator_id, best.probability >= load_chooser().threshold_for("en")
    ('incubators', True)

Hand rules that score cue words per indicator fit the wording of the documents they were
written from. Here the catalog's cues (data, per indicator) only propose candidates: every
indicator of the figure's unit class and measure type whose noun or context cue appears in the
figure's counted noun or concept, its near window (between the neighbouring figures), clause,
sentence, the sentence before, its paragraph's lead or the title. Each candidate is then
described by where and how its cue matched (scope, token distance, how many indicators the
same words propose, whether another figure sits nearer the cue, a partitive or comparison in
between, whether the value lies in the indicator's plausible range, ...). A logistic regression
over those features, trained on the development documents of the meaning corpus
(benchmarks/train_indicator_chooser.py), gives each candidate the probability that it is the
figure's indicator; candidates under the decision threshold, chosen by cross-validation grouped
by document to favour precision, are dropped ("none").

The choice returned is a ranked list: dbt (int_figures_classified) takes the first candidate
that also passes the relational checks (the figure's owner fits the indicator's level, the value
converted with the reference FX rates is plausible). Pure Python, per document, no state; the
model is a JSON file of weights.
"""

from __future__ import annotations

import bisect
import csv
import dataclasses
import json
import math
import operator
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import repeat
from pathlib import Path

from figures.chinese_indicators import cue_only_modifies as chinese_cue_only_modifies
from figures.chinese_indicators import figure_words as chinese_figure_words
from figures.chinese_indicators import is_row_label as chinese_row_label
from figures.chinese_meaning import CLAUSE_BREAK_RE as CHINESE_CLAUSE_BREAK_RE
from figures.chinese_meaning import (
    PINYIN_GLOSS_RE,  # cues are matched without the glosses, as dbt matches them
)
from figures.chinese_meaning import without_glosses as chinese_without_glosses
from figures.chinese_owners import _is_place as _is_simplified_place
from figures.chinese_owners import normalised as chinese_normalised
from figures.cue_index import CueFinder, TextCues
from figures.meaning import (
    CLAUSE_BREAK_RE,
    SENTENCE_SUBJECT_RE,
    SPAN_DEFAULT_CUE,
    Meaning,
    brackets_a_restatement,
    restatements_by_sentence,
)
from figures.owners import _place_names as english_place_names
from figures.owners import place_aliases
from figures.quantities import Quantity
from figures.quantities.chinese import reads_as_chinese

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CATALOG = REPO_ROOT / "dbt_project" / "seeds" / "indicators.csv"
# The Chinese cues of the same indicators (noun, context and excluded cues, minimum score): the
# catalog's other attributes hold for both languages.
CHINESE_CUES = "indicator_cues_zh.csv"
SYNONYMS = "indicator_synonyms.csv"  # per language: more wordings of the catalog's concepts (synonym_pattern)
DEFAULT_MODEL = Path(__file__).resolve().parent / "models" / "indicator_chooser.json"

# Only the order of magnitude of a sum matters to the plausibility feature (a 100 billion yuan
# fund is no makerspace count either way); dbt's plausibility gate uses the reference FX rates.
APPROXIMATE_CNY_PER_UNIT = {
    "CNY": 1.0, "USD": 7.0, "EUR": 7.8, "GBP": 9.0, "HKD": 0.9, "JPY": 0.06, "KRW": 0.005,
    "TWD": 0.22, "SGD": 5.2, "AUD": 4.7, "CAD": 5.2, "INR": 0.085, "RUB": 0.09, "CHF": 8.0,
}  # fmt: skip
PERIODS_PER_YEAR = {"day": 365.0, "week": 52.0, "month": 12.0, "quarter": 4.0}
# How far a cue is looked for around a figure inside its sentence (characters); long
# flattened tables make single "sentences" of thousands of characters.
SENTENCE_REACH = 400
NEAR_REACH_BEFORE, NEAR_REACH_AFTER = 150, 100
# Words between a figure and its cue that make the cue speak of something else.
PARTITIVE_RE = re.compile(
    r"\b(?i:of\s+(?:which|whom|them|these|those)|among\s+(?:them|which|whom|these|those))\b|其中"
)
COMPARISON_RE = re.compile(
    r"\b(?i:than|compared\s+(?:with|to)|versus|vs\.?|against|up\s+from|down\s+from)\b|相比|同比|环比|較|较|比"
)
# Words that make a figure a plan, a forecast or a capacity, not an outcome ("25 million new jobs
# will be created", "plans to help 600 companies", "China is to set up a fund of 40 billion yuan").
PLAN_RE = re.compile(
    r"\b(?i:will|would|shall|plans?\s+to|planned|planning|aims?\s+to|aiming|targets?|targeted|expected\s+to"
    r"|estimated\s+at|projected|forecasts?|goal|capable\s+of|up\s+to(?!\s+(?:now|date))|(?:is|are)\s+to"
    r"|to\s+(?:set\s+up|launch|establish|build|create))\b"
)
# An indicator of plans or targets says so in its label or definition.
TARGET_RE = re.compile(r"\b(?i:target|planned)\b")
NEGATION_RE = re.compile(r"\b(?i:not|no|never|without|excluding|except)\b|不|未|非|除")
# A token is an English word or two Chinese characters (about one Chinese word), so distances
# in tokens mean much the same in both languages.
TOKEN_RE = re.compile(r"[\u3400-\u9fff]{1,2}|[^\W\u3400-\u9fff]+")
COORDINATION_RE = re.compile(r"\s(?:and|or|&)\s|,|[和及与與、，]")
# "12 of them are city-level maker spaces", "5 of which": the figure counts a part of a group
# the sentence has already counted.
PART_AFTER_RE = re.compile(r"\s+(?i:of\s+(?:them|these|those|which|whom|(?:the\s+)?\d[\d,.]*))\b|^[^，,。]{0,3}?其中")
PART_BEFORE_RE = re.compile(r"(?:其中|\b(?i:of\s+(?:them|which|whom)|among\s+(?:them|which|whom)))[^,;，；。]{0,30}$")
MISSING_DISTANCE = 60  # tokens: "no cue in reach"
# "the number of" after a Chinese noun (企业数, 企业数量, 企业总数; 市场主体户数, 孵化器个数: the number
# of units; 户 only after 主体: 个体工商户数 and 用户数 keep it; not 家数, as 企业家 are entrepreneurs)
NUMBER_OF_RE = re.compile(
    r"(?<=[\u3400-\u9fff])(?:的)?(?:(?:(?<=主体|主體)(?:户|戶)|个|個)(?=数|數))?(?:数量|數量|总数|總數|总量|總量|数目|數目|数|數)?(?:(?:共|总共|總共)?(?:在|为|為|达到|達到|达|達|是|有))?$"
)
# "眾創空間的數量…由2014年不足50家到2020年8 507家": a sentence's "number of X" before figures that name nothing
NUMBER_OF_BEFORE_RE = re.compile(r"([\u3400-\u9fff]{2,16}?)(?:的)?(?:数量|數量|总数|總數|数目|數目)")
# A sentence that opens on a part of what the sentence before counted: "其中,企业4200.0万户", "Among
# them, 51,800 were ...", "Of these, 12 ..."
PARTITIVE_LEAD_RE = re.compile(r"\W*(?:其中|\b(?i:among\s+(?:them|these|those|which|whom)|of\s+(?:them|these|those|which|whom))\b)")
# A sentence whose subject is one organisation or facility, not a place: "It plans to help 600
# companies", "From 2015 to 2017, it incubated more than 200 companies", "Covering an area of 1,200
# square meters, this maker space opened in 2013", "The makerspace is a six-story building ...".
ONE_THING_NOUNS = (
    r"makerspace|maker\s+space|space|park|incubator|accelerator|company|firm|platform|fund|cent(?:er|re)|base|hub|building"
    r"|project|programme|program|start-?up|enterprise|group|corporation|institute|university|bank|investor|operator|brand"
)
ONE_THING_SUBJECT_RE = re.compile(
    r"\W*(?:(?i:from|in|by|since|during|between|covering|with|having|founded|established|located|last|as\s+of)\b(?:[^,;:]|,(?=\d)){0,100},\s*)?"
    rf"(?P<subject>(?i:it(?!\s+(?:is|was|has\s+been)\s+(?:\w+\s+){{0,2}}?(?:that|to)\b|\s+(?:said|says|reported|added|noted|showed|shows)\b)"
    rf"|(?:this|that|the|its|our)\s+(?:[\w-]+\s+){{0,3}}?(?:{ONE_THING_NOUNS})))\b(?!['’]s|\s+(?i:of|in|at)\b)"
    r"(?=[^.;]*?\b(?i:is|was|has|had|will|can|plans|aims|\w+ed|\w+s)\b)"
)
# what a table puts around a place's name: "苏州(12家)", "Beijing: 65"
PLACE_TRIM = " \t\n(（)）:：,，、;；-—"


@lru_cache(maxsize=4096)
def is_chinese_place(name: str) -> bool:
    """A Chinese place's name in either script ("美國" as "美国")."""
    return _is_simplified_place(name) or (bool(name) and _is_simplified_place(chinese_normalised(name)))


# The words of a ranking or comparison of places, which say how a figure ranks, not what it counts:
# "美国以233家位于榜单首位", "中国以227家排名第二", "英国和印度则分别以24家和21家", "领先于中国的227家",
# "上海以47間緊隨其後", "跑贏三藩市的68間".
RANKING_WORDS_RE = re.compile(
    r"位于|位於|位居|位列|名列|排名|排在|排行|排|稳居|穩居|高居|居|领先|領先|紧随其后|緊隨其後|仅次于|僅次於|次于|次於"
    r"|远远|遠遠|远超|遠超|超过|超過|超越|跑赢|跑贏|多于|多於|少于|少於|高于|高於|低于|低於|落后于|落後於|落后|落後"
    r"|全国|全國|全球|全省|全市|世界|榜单|榜單|榜首|首位|首|次席|第[一二三四五六七八九十\d]{0,3}[位名]?|[一二三四五六七八九十]位"
    r"|并列|並列|同为|同為|分别|分別|依次|各|则|則|也|还有|還有|均|都|共|以|于|於|的|和|与|與|及|、|之后|之後|其后|其後|位|名"
)


def _names_nothing_chinese(words: str) -> bool:
    """Whether a Chinese figure's words are only places and the words of a ranking or comparison
    (RANKING_WORDS_RE): what it counts is said elsewhere in its sentence or before it."""
    name = words.strip(PLACE_TRIM)
    if not name:
        return False
    rest = RANKING_WORDS_RE.sub(" ", name).split()
    return all(_places_only(part.strip(PLACE_TRIM)) for part in rest)


# what a place's name may end on and still be the place: 中国大陆, 中國內地, 香港地区
REGION_WORDS = ("大陆", "大陸", "内地", "內地", "地区", "地區", "本土")


def _places_only(words: str) -> bool:
    """Whether `words` are one place's name or several written together ("美國矽谷"), with a region
    word at most after them ("中国大陆")."""
    if is_chinese_place(words):
        return True
    for end in range(min(len(words), 8), 1, -1):
        if is_chinese_place(words[:end]):
            rest = words[end:]
            return rest in REGION_WORDS or _places_only(rest)
    return False


# A verb that makes a figure the measure of a noun phrase: "market entities surpass 160 mln",
# "the number of new firms was 1.13 million", "50.39 mln are businesses", "孵化器达到4069家",
# "business entities, which stands at 18.07 million".
LINK_GAP_RE = re.compile(
    r"\W*(?i:(?:which|that)\s+)?(?:(?:has|have|had|will|would|could|may)\s+(?:been\s+|be\s+)?)?(?i:is|are|was|were|be|reach\w*|exceed\w*|surpass\w*|top(?:s|ped)?|total\w*"
    r"|hit|stood|stands?|numbered|amount\w*\s+to|came\s+to|rose\s+to|grew\s+to|increased\s+to|climbed\s+to|jumped\s+to|fell\s+to|dropped\s+to)"
    r"(?:\s+(?i:to|at|over|about|around|nearly|almost|some|more\s+than|less\s+than|a\s+total\s+of|up\s+to))*\W*"
    r"|\W*(?:达到|達到|超过|超過|突破|为|為|是|有|共有|总数|總數|累计|累計|达|達|逾|近|约|約)+\W*"
)
# "the number of deals slid 42 percent to 504", "the total number of China's unicorns exceeded
# 200": the words before a cue that make it name what a later figure of the clause counts.
NUMBER_OF_EN_RE = re.compile(r"\b(?i:numbers?|total|count|tally|amount)\s+of\s+(?:[\w'’&-]+\s+){0,3}$")
# Words that join the figures of a series: "up from", "from ... to", "against", "than", "and".
SERIES_LINK_RE = re.compile(r"\b(?i:from|than|against|compared\s+(?:with|to)|versus|vs|and|to)\b")
SERIES_GAP = 120  # characters between two figures of a series
# Words that make a count one of things new in the period, a flow: "1,787 new incubators", "36 newly
# certified", 新生4家独角兽企业, 新认定高新技术企业13家, 第五批众创空间31家.
NEW_THINGS_RE = re.compile(
    r"\b(?:new(?![\s-]+(?:and|&)\s+high)|New(?!\s+[A-Z])(?![\s-]+(?:and|&)\s+high)|newly|Newly|(?i:additional)|(?<!value-)(?<!value\s)added)\b|新增|新生|新设|新設|新建|新认定|新認定|新登记|新登記|新注册|新註冊|新批|新晋|新晉|新入选|新入選"
    r"|新培育|新引进|新引進|新备案|新備案|新发展|新發展|第[一二三四五六七八九十\d]{1,3}批"
)
NEW_THINGS_REACH = {"en": 40, "zh": 16}  # characters before the figure, inside its clause
# Nouns of a measured quantity, each with the words an indicator's label or definition names it
# by: a figure whose words name one that neither its indicator's cues nor its definition name
# ("investment in high-tech manufacturing" for value-added growth, "export volume" for a zone's
# revenue, "a valuation of close to three billion" for investment received) measures something else.
MEASURE_NOUNS = (
    (r"investments?|投资|投資", ("invest",)),
    (r"financing|funding|融资|融資", ("financ", "fund", "invest")),
    (r"revenues?|income|sales|turnover|收入|营收|營收|销售|銷售", ("revenue", "income", "sales", "turnover")),
    (r"exports?|出口", ("export",)),
    (r"imports?|进口|進口", ("import",)),
    (r"profits?|利润|利潤", ("profit",)),
    (r"output|value[\s-]+added|增加值|产值|產值", ("output", "value added")),
    (r"spending|expenditures?|budgets?", ("spending", "expenditure", "budget")),
    (r"valuations?|market\s+value|估值", ("valuation", "value")),
    (r"tax(?:es)?|税收|稅收", ("tax",)),
    (r"floor\s+area|floor\s+space|area\s+of|(?:covering|covers|cover)\s+an?\s+area|面积|面積", ("area", "floor")),
    (r"loans?|贷款|貸款", ("loan",)),
    (r"assets|资产|資產", ("asset",)),
)
MEASURE_NOUN_RE = re.compile(
    "|".join(
        f"(?P<m{k}>" + "|".join(rf"\b(?i:{w})\b" if w.isascii() else w for w in words.split("|")) + ")"
        for k, (words, _) in enumerate(MEASURE_NOUNS)
    )
)
MEASURE_NOUN_REACH = 40  # characters before the figure, inside its clause
# Chinese words that make a count the things that entered a list or got a title in the period,
# a flow of one batch, not the stock: "24个众创空间上榜", "6家孵化器成功备案", "认定通过高新技术企业13家",
# "新获融资独角兽企业137家", "新创办科技型企业2.4万家". Words of a stock in the clause ("累计认定",
# "共有") keep it a stock.
CHINESE_BATCH_RE = re.compile(
    r"上榜|入榜|入选|入選|入围|入圍|获批|獲批|获评|獲評|评为|評為|授牌|公示|名单|名單|成功备案|成功備案|通过认定|通過認定|认定通过|認定通過"
    r"|新获|新獲|新创办|新創辦|新创|新創|新生|诞生|誕生|新晋|新晉|新增|新设|新設|新认定|新認定|新登记|新登記|新注册|新註冊|新备案|新備案|第[一二三四五六七八九十\d]{1,3}批"
)
CHINESE_STOCK_RE = re.compile(r"累计|累計|共有|总数|總數|总量|總量|现有|現有|实有|實有|存量|已有|拥有|擁有|在册|在冊|保有")
# Words before a Chinese noun cue that do not make what it names a kind of it: places, the whole
# ("全省", "各类"), words of a stock or of time, linking verbs. What is left ("民营经济", "数字经济核心
# 产业", "科创板上市", "准") names a kind, a part of what the indicator counts.
CHINESE_NEUTRAL_MODIFIER_RE = re.compile(
    r"全国|全國|全省|全市|全区|全區|全县|全縣|我国|我國|我省|我市|我区|我區|本市|本省|该市|該市|该区|該區|各类|各類|各种|各種|所有"
    r"|实有|實有|现有|現有|累计|累計|在册|在冊|登记在册|登記在冊|共有|拥有|擁有|分别|分別|总共|總共|合计|合計|目前|当前|當前|全部"
    r"|还有|還有|当时|當時|截至|如今|现在|現在|今年|去年|当年|當年|上半年|下半年|季度|月|平均|每日|每天|日均|每年|有效"
    r"|设立|設立|成立|建成|建立|认定|認定|备案|備案|注册|註冊|登记|登記|披露|发布|發布|公布|诞生|誕生"
    r"|国家|國家|中国|中國|全球|年底|年末|年|底|末|共|总|總|有|达|達|为|為|是|已|的|约|約|超|近|逾"
)


# The last character of a Chinese place's name of administrative form (东省 of 山东省, 汉市 of 武汉市).
ADMINISTRATIVE_ENDINGS = "省市县縣州"
# Words of that form that name a kind, not a place ("夜市个体工商户", "外省企业").
KIND_WORDS_OF_ADMINISTRATIVE_FORM = ("上市", "城市", "夜市", "门市", "門市", "超市", "外省", "外市", "外县", "外縣")


# A bracket of a sum right before the figure's words ("注册资本100~500万元新登记企业17451户",
# "融资1亿元以上的企业12家"): the figure counts the things in that bracket, a part of the whole.
CHINESE_SUM_BRACKET_BEFORE_RE = re.compile(
    r"\d[\d.,~～\-—至到]*[万萬亿億]?(?:元|美元|美金)(?:以上|以下|以内|以內|区间|區間|之间|之間)?(?:的)?[\u3400-\u9fff]{2,12}$"
)
SUM_BRACKET_REACH = 40  # characters before the figure, inside its clause


def _after_a_sum_bracket(text: str, quantity: Quantity, scopes: Scopes) -> bool:
    """Whether the figure's clause names a bracket of a sum right before the figure's words."""
    return bool(CHINESE_SUM_BRACKET_BEFORE_RE.search(text, max(scopes.clause[0], quantity.start - SUM_BRACKET_REACH), quantity.start))


def _chinese_kind_words(phrase: str, head_start: int, indicator: CatalogIndicator) -> str:
    """The words right before the noun cue heading a Chinese phrase that name a kind of what it
    counts: those left next to it when places, neutral words (CHINESE_NEUTRAL_MODIFIER_RE) and the
    indicator's own cues are taken out ("实有民营经济市场主体" -> "民营经济"; "全省实有经营主体" -> "").
    Only the words touching the noun: a phrase read from the sentence may open on the cut-off end of
    an earlier word ("圳市登记在册商事主体")."""
    words = phrase[:head_start]
    for cues in (indicator.context_cues, indicator.noun_cues):
        if cues is not None and words:
            words = cues.sub(" ", words)
    words = CHINESE_NEUTRAL_MODIFIER_RE.sub(" ", words)
    if not words or words[-1].isspace():
        return ""
    last = words.split()[-1]
    if last[-1] in ADMINISTRATIVE_ENDINGS and not last.endswith(KIND_WORDS_OF_ADMINISTRATIVE_FORM):
        return ""  # a place's name, cut by the reading of the phrase: "(山)东省实有市场主体"
    # a place's name opens or makes the part: "郑州市上榜" keeps "上榜"
    for end in range(min(len(last), 6), 1, -1):
        if is_chinese_place(last[:end]):
            last = last[end:]
            break
    return last if len(re.findall(r"[\u3400-\u9fff]", last)) >= 2 else ""


def _english_kind_words(phrase: str, head_start: int, indicator: CatalogIndicator) -> str:
    """The words before the noun cue heading an English phrase that name a kind of what it counts
    ("private" of "private market entities", "foreign-funded" of "foreign-funded enterprises"):
    those left when neutral words (NEUTRAL_MODIFIER_RE), places, levels, the indicator's own cues
    and the words of its label and definition ("urban" of "new urban jobs") are taken out."""
    words = phrase[:head_start]
    for cues in (indicator.context_cues, indicator.noun_cues):
        if cues is not None and words:
            words = cues.sub(" ", words)
    kind = [
        word for word in re.findall(r"[\w'’-]+", words)
        if not NEUTRAL_MODIFIER_RE.fullmatch(word) and not LEVEL_WORD_RE.search(word)
        and word.casefold() not in _folded_place_names() and word not in english_place_names()
        and not re.search(rf"(?<![\w-]){re.escape(word.lower())}(?![\w-])", indicator.defines)
    ]
    return " ".join(kind)


# levels are read apart (_figure_levels): "state-level", "provincial", "municipal"
LEVEL_WORD_RE = re.compile(r"(?i:level|national|state|provincial|municipal|city|county|district)")


def _chinese_batch(text: str, quantity: Quantity, phrase: str, indicator: CatalogIndicator, scopes: Scopes) -> bool:
    """Whether the Chinese figure's clause (or its phrase) says its things entered a list or are
    new in the period (CHINESE_BATCH_RE), in words no cue of the indicator matches, and no word of
    a stock (CHINESE_STOCK_RE) is there."""
    clause = text[scopes.clause[0] : scopes.clause[1]]
    cues = [p for p in (indicator.noun_cues, indicator.context_cues) if p is not None]
    for words in (phrase, clause):
        if not words or CHINESE_STOCK_RE.search(words):
            continue
        matches = [found.span() for cue in cues for found in cue.finditer(words)]
        for batch in CHINESE_BATCH_RE.finditer(words):
            if not any(start <= batch.start() and batch.end() <= end for start, end in matches):
                return True
    return False


# An average over many things ("单只基金平均募集规模3.50亿元", "研发投入强度均值2.54%", "an average of 3
# million yuan per fund") is no total; an average per day or month is a rate of a flow ("平均每天新设").
AVERAGE_BEFORE_RE = re.compile(
    r"(?:平均|均值|人均|户均|戶均|单只|單隻|单个|單個|每家|每个|每個|\b(?i:average|mean|per\s+capita|on\s+average)\b)"
    r"(?!\s*(?:每天|每日|每月|每年|每周|每週|日|月|(?i:daily|monthly|annual|yearly|per\s+(?:day|month|year))))"
)
AVERAGE_REACH = 20  # characters before the figure, inside its clause


def _an_average(text: str, quantity: Quantity, scopes: Scopes, rate_basis: str | None) -> bool:
    """Whether words right before the figure, in its clause, make it an average over many things
    (AVERAGE_BEFORE_RE), not a rate per a span of time."""
    if rate_basis in PERIODS_PER_YEAR:
        return False
    return bool(AVERAGE_BEFORE_RE.search(text, max(scopes.clause[0], quantity.start - AVERAGE_REACH), quantity.start))


def _levels_in_sentence(text: str, quantity: Quantity, scopes: Scopes) -> frozenset[str]:
    """The administrative levels named earlier in the figure's sentence ("共认定省级以上的孵化器和
    众创空间131家,其中孵化器71家": the part is of that level too); "X-level" or 国家级 only."""
    return _levels_named(text[scopes.sentence[0] : quantity.start], bare_national=False)


def _without_glosses(
    text: str, quantities: Sequence[Quantity], meanings: Sequence[Meaning], sentences: Sequence[tuple[int, int]]
) -> tuple[str, list[Quantity], list[Meaning], list[tuple[int, int]]]:
    """The text with its pinyin glosses cut, and the figures, concepts and sentences moved to it."""
    clean, quantities, sentences = chinese_without_glosses(text, quantities, sentences)
    meanings = [
        dataclasses.replace(m, concept=PINYIN_GLOSS_RE.sub("", m.concept)) if m.concept else m for m in meanings
    ]
    return clean, quantities, meanings, sentences


@dataclass(frozen=True)
class CatalogIndicator:
    """One catalog row, the parts a choice needs (seed dbt_project/seeds/indicators.csv)."""

    indicator_id: str
    level: str
    unit_class: str
    canonical_unit: str
    measure_type: str
    plausible_min: float | None
    plausible_max: float | None
    noun_cues: re.Pattern | None
    context_cues: re.Pattern | None
    excluded_cues: re.Pattern | None
    noun_head: re.Pattern | None  # the noun cue at the end of a phrase: "startup incubators"
    min_score: int = 99  # the cue score (4 noun, 2 near, 1 clause) the rule-based choice needs
    language: str = "en"
    is_part: bool = False  # the indicator is a part of another (catalog column part_of)
    whole: str | None = None  # that other indicator
    levels: frozenset[str] = frozenset()  # administrative levels its label or definition names ("national")
    is_target: bool = False  # it counts plans or targets (its label or definition says so)
    scope: re.Pattern | None = None  # the population it is about (catalog column scope_cues: "makerspaces or incubators")
    # the Chinese measure words a count of it takes (家 for firms, 人 for people, 只 for funds;
    # column measure_words of the Chinese cues): "北京(97家)" counts no cities
    measure_words: re.Pattern | None = None
    defines: str = ""  # its label and definition, lower case
    # the same indicator with its synonyms (seed indicator_synonyms) added to its noun and context
    # cues: read only when no cue of the catalog's own proposes it (synonym_cue)
    widened: CatalogIndicator | None = None


# Verbs of founding or running, which a restriction names with an agent or a capital after them.
FOUNDING_VERBS = r"started|founded|set\s+up|run|established|designed|created|launched|owned|registered"
# A restrictive modifier after the counted noun: a relative clause of state ("that were
# specially designed for"), a sector or park it lies in, who founded or owns it, the group it
# is for. What follows is a part of what the noun names (an investment "led by" an investor is not).
RESTRICTED_AFTER_RE = re.compile(
    r"[\w\s'’-]{0,40}?\b(?P<restriction>(?i:(?:that|which|who)\s+(?:were|are|was|is|have|has|had)\s+(?:\w+ly\s+)?(?:\w+ed|been)\b"
    r"|(?:in|within)\s+(?:the\s+)?(?:[\w&-]+\s+){0,5}?(?:industr(?:y|ies)|sectors?|fields?|parks?|categor(?:y|ies)|segments?)\b"
    rf"|(?:{FOUNDING_VERBS})\s+(?:\w+ly\s+)?(?:by|for|with\s+(?:an?\s+)?(?:registered\s+)?capital)\b"
    r"|for\s+(?:[\w-]+\s+){0,2}(?:students|graduates|returnees|women|youth|veterans|farmers|migrants)"
    # a grade or title given to some of them: "18 incubators were recognized as excellent (Class A)",
    # "10 incubators received a good (Class B) rating"
    r"|(?:were|was|are|is|have\s+been|has\s+been|had\s+been)\s+(?:\w+ly\s+)?(?:recogni[sz]ed|rated|certified|accredited|named|selected|identified|designated|honou?red)\s+(?:as|among)\b"
    r"|(?:received|won|got|earned|obtained)\s+(?:an?\s+|the\s+)?(?:[\w()-]+\s+){0,3}(?:rating|grade|title)s?\b))[\w\s'’-]{0,30}"
)
# Of those, a founding verb with its agent or capital: "founded by graduates", "registered with
# capital of MOP1 million or over" are a part even of the registrations the verb counts.
AGENT_RESTRICTION_RE = re.compile(rf"(?i:{FOUNDING_VERBS})\s+(?:\w+ly\s+)?(?:by|with)\b")
# Administrative levels that name a subset of what an indicator counts ("18 national-level
# incubators", "city-level maker spaces", 国家级孵化器), each as the English word a definition uses.
LEVEL_RE = re.compile(
    r"\b(?i:(national|state|provincial|city|municipal|county|district)[- ]level|(provincial|municipal))\b"
    r"|(国家级|國家級|省级|省級|市级|市級|区级|區級|县级|縣級)"
)
# A grade some of the things an indicator counts are given ("20 high-quality incubators", "elite
# incubators", 高质量孵化器, 优秀众创空间): a part of them, as a level is.
GRADE_RE = re.compile(
    r"\b(?i:high[- ]quality|elite|excellent|outstanding|top[- ]notch|top[- ]tier|first[- ]class|world[- ]class"
    r"|exemplary|flagship|benchmark|premium|(?:class|grade)[- ]a|a[- ](?:class|grade|rated))\b"
    r"|高质量|高質量|优质|優質|优秀|優秀|精品|标杆|標杆|明星|星级|星級|a级|A级|A級"
)
CHINESE_LEVELS = {"国": "national", "國": "national", "省": "provincial", "市": "city", "区": "district", "區": "district",
                  "县": "county", "縣": "county"}  # fmt: skip
SAME_LEVEL = {"state": "national", "municipal": "city"}


@lru_cache(maxsize=4096)  # a figure's phrase is read once per candidate indicator
def _levels_named(text: str, bare_national: bool = True) -> frozenset[str]:
    """The levels `text` names; "national" alone counts only with `bare_national` (in a noun
    phrase, "two national incubators"; not in running text, "the national total")."""
    levels = set()
    for found in LEVEL_RE.finditer(text):
        word = (found.group(1) or found.group(2) or "").lower() or CHINESE_LEVELS[found.group(3)[0]]
        levels.add(SAME_LEVEL.get(word, word))
    if bare_national and re.search(r"(?i)\bnational\b", text):
        levels.add("national")
    return frozenset(levels)


def _pattern(text: str | None, suffix: str = "") -> re.Pattern | None:
    return re.compile(f"(?:{text}){suffix}", re.IGNORECASE) if text else None


def _number(text: str | None) -> float | None:
    return float(text) if text not in (None, "") else None


# A synonym's words may be joined by a space, a hyphen or nothing ("start-up", "start up",
# "startup"). No other word may come between them: "new unicorn enterprises" are no "new
# enterprises", and the words before a match are the modifiers the chooser reads.
SYNONYM_JOIN = r"[\s-]*"


def _inflected(word: str, variants: dict[str, tuple[str, ...]]) -> str:
    """A word of a synonym as a regular expression: any of its spellings (the variant rows),
    singular or plural, with a possessive mark."""
    forms = []
    for spelling in variants.get(word, (word,)):
        stem = re.escape(spelling)
        if re.search(r"[^aeiou]y$", spelling):
            forms.append(stem[:-1] + "(?:y|ies)")
        elif re.search(r"(?:s|x|z|ch|sh)$", spelling):
            forms.append(stem + "(?:es)?")
        else:
            forms.append(stem + "s?")
    return "(?:" + "|".join(forms) + ")['’]?"


def synonym_pattern(phrase: str, variants: dict[str, tuple[str, ...]] | None = None, language: str = "en") -> str:
    """A synonym of the catalog (lemma form: "start-up incubator") as a regular expression that
    matches its inflections and spellings ("startup incubators", "Start-Up Incubators"). A
    Chinese one is read as written: no inflection, no word boundary (the characters around it
    are word characters too), each script on a row of its own.

    >>> bool(re.search(synonym_pattern("incubation centre", {"centre": ("centre", "center")}), "3 incubation centers"))
    True
    >>> bool(re.search(synonym_pattern("双创基地", language="zh"), "全市共有双创基地120家"))
    True
    """
    if language == "zh":
        return re.escape(phrase.strip())
    words = re.split(r"[\s-]+", phrase.strip().lower())
    parts = [_inflected(word, variants or {}) for word in words]
    return rf"\b{SYNONYM_JOIN.join(parts)}\b"


@lru_cache(maxsize=8)
def read_synonyms(path: Path, language: str) -> dict[tuple[str, str], str]:
    """(indicator_id, kind) -> the alternation of that indicator's synonyms of that kind (noun or
    context) in `language`, from the synonyms seed next to the catalog; {} without one."""
    if not path.exists():
        return {}
    with open(path, newline="", encoding="utf-8") as handle:
        rows = [row for row in csv.DictReader(handle) if row["language"] == language]
    variants: dict[str, tuple[str, ...]] = {}
    for row in rows:
        if row["kind"] == "variant":
            group = tuple(row["phrase"].lower().split())
            variants.update({word: group for word in group})
    found: dict[tuple[str, str], list[str]] = {}
    for row in rows:
        if row["kind"] != "variant":
            phrase = synonym_pattern(row["phrase"], variants, language)
            found.setdefault((row["indicator_id"], row["kind"]), []).append(phrase)
    return {key: "|".join(patterns) for key, patterns in found.items()}


def _with_synonyms(cues: str | None, synonyms: str | None) -> str | None:
    if not synonyms:
        return cues or None
    return f"{cues}|{synonyms}" if cues else synonyms


@lru_cache(maxsize=8)
def read_catalog(path: Path = DEFAULT_CATALOG, language: str = "en") -> tuple[CatalogIndicator, ...]:
    """The catalog's indicators with their cue patterns compiled (RE2 cues are valid Python
    regular expressions; matched case-insensitively as dbt matches them). For `language` "zh",
    the indicators that have Chinese cues (seed indicator_cues_zh, next to the catalog), with
    those cues and their minimum scores."""
    with open(path, newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    if language == "zh":
        with open(path.parent / CHINESE_CUES, newline="", encoding="utf-8") as handle:
            cues = {row["indicator_id"]: row for row in csv.DictReader(handle)}
        rows = [{**row, **cues[row["indicator_id"]]} for row in rows if row["indicator_id"] in cues]
    elif language != "en":
        raise ValueError(f"{path}: no cues for language {language!r}")
    synonyms = read_synonyms(path.parent / SYNONYMS, language)
    return tuple(_widened(_catalog_row(row, language), row, synonyms) for row in rows)


def _widened(indicator: CatalogIndicator, row: dict[str, str], synonyms: dict[tuple[str, str], str]) -> CatalogIndicator:
    """The indicator with its synonyms as `widened`, when it has any."""
    noun = synonyms.get((indicator.indicator_id, "noun"))
    context = synonyms.get((indicator.indicator_id, "context"))
    if not (noun or context):
        return indicator
    noun_cues = _with_synonyms(row["noun_cues"], noun)
    context_cues = _with_synonyms(row["context_cues"], context)
    widened = dataclasses.replace(
        indicator, noun_cues=_pattern(noun_cues), context_cues=_pattern(context_cues), noun_head=_pattern(noun_cues, r"\W*$")
    )
    return dataclasses.replace(indicator, widened=widened)


def _catalog_row(row: dict[str, str], language: str) -> CatalogIndicator:
    return CatalogIndicator(
        indicator_id=row["indicator_id"],
        level=row["level"],
        unit_class=row["unit_class"],
        canonical_unit=row["canonical_unit"],
        measure_type=row["measure_type"],
        plausible_min=_number(row["plausible_min"]),
        plausible_max=_number(row["plausible_max"]),
        noun_cues=_pattern(row["noun_cues"]),
        context_cues=_pattern(row["context_cues"]),
        excluded_cues=_pattern(row["excluded_cues"]),
        noun_head=_pattern(row["noun_cues"], r"\W*$"),
        min_score=int(row["min_score"]),
        language=language,
        is_part=bool(row["part_of"]),
        whole=row["part_of"] or None,
        levels=frozenset(_levels_named(row["label"] + " " + row["definition"])),
        is_target=bool(TARGET_RE.search(row["label"] + " " + row["definition"])),
        scope=_pattern(row.get("scope_cues")),
        measure_words=_pattern(row.get("measure_words"), "$"),
        defines=(row["label"] + " " + row["definition"]).lower(),
    )


def measure_fits(indicator: CatalogIndicator, meaning: Meaning, rate_basis: str | None) -> bool:
    """A stock never lands on a flow indicator or the reverse; a rate per day, week, month or
    quarter is a flow's rate (annualised downstream). The same rule as int_figures_classified."""
    if indicator.measure_type == "flow":
        return meaning.measure_type == "flow" or (
            meaning.measure_type == "rate" and rate_basis in PERIODS_PER_YEAR
        )
    return meaning.measure_type == indicator.measure_type


# Chinese verbs that decide a figure's stock or flow but often read either way or belong to
# another clause ("投入使用379萬平方米,已認定孵化器62家" counts a stock of incubators; "吸引" a
# fund's size or an investment; "累计" a level or a sum over years): a figure they decided may
# still be proposed for an indicator of the other type. Not 有, 达, 设立, 成立: they decide
# rightly far more often (with them the unread half of the dev documents lost precision).
CHINESE_EITHER_WAY_CUE_RE = re.compile(
    r"吸引|投入|引进|引進|获得|獲得|创造|創造|累计|累計"
)


def measure_may_switch(indicator: CatalogIndicator, meaning: Meaning, counted: str | None = None) -> bool:
    """A stock or flow that no word decided (a sum of money is read as a flow by default), or
    one a word decided that reads either way, may be proposed for an indicator of the other of the two: "an
    investment fund of 40 billion yuan" is the fund's size. The chooser weighs the switch (features `measure_switched`,
    `measure_overruled`), and
    a figure classified so takes the indicator's measure type (settle_measure_types), so a
    stock still never lands on a flow indicator."""
    if {meaning.measure_type, indicator.measure_type} != {"stock", "flow"}:
        return False
    # English verbs that decide stock or flow are often another clause's ("Founded in 2014, Ofo
    # claims users in 250 cities") or read either way ("has reached 4.01 million new firms"): a
    # word-decided switch is proposed too, and the chooser weighs it (feature measure_overruled),
    # unless the word is the figure's own noun phrase's ("1,787 new incubators") or its time's.
    # In Chinese only the verbs that read either way are overruled (CHINESE_EITHER_WAY_CUE_RE):
    # words of new things, of a batch, a count's own 数量, a time or a form decide surely
    if decided_by_default(meaning) or cue_in_phrase(meaning, counted):
        return decided_by_default(meaning)
    if indicator.language == "zh":
        return bool(CHINESE_EITHER_WAY_CUE_RE.fullmatch(meaning.measure_cue or ""))
    return not TIME_MEASURE_CUE_RE.search(meaning.measure_cue or "")


def _word_in(text: str, word: str | None, span: tuple[int, int]) -> bool:
    return bool(word) and _word_pattern(word).search(text[span[0] : span[1]]) is not None


def cue_in_phrase(meaning: Meaning, counted: str | None = None) -> bool:
    """Whether the word that decided the figure's measure type is in its counted noun or concept."""
    if not meaning.measure_cue:
        return False
    cue = _word_pattern(meaning.measure_cue)
    return any(phrase and cue.search(phrase) for phrase in (counted, meaning.concept))


@lru_cache(maxsize=4096)
def _word_pattern(word: str) -> re.Pattern:
    """A word alone, any case; kept, as re's own cache of patterns overflows with the words of a corpus."""
    if not word.isascii():  # Chinese words run together: no word boundary to ask for
        return re.compile(re.escape(word))
    return re.compile(rf"(?i)\b{re.escape(word)}\b")


# A measure type read from the figure's time ("By the end of 2018", "as of June", "during the
# first half") is the reading of its period, surer than a verb's: it is not overruled.
TIME_MEASURE_CUE_RE = re.compile(
    r"(?i:point\s+in\s+time|end\s+of|as\s+of|until|so\s+far|during|since|years?|months?|quarters?|period|first|half)"
)


def switched_measure(features: dict[str, float]) -> bool:
    """Whether a candidate's indicator is the other of stock and flow than its figure's reading."""
    return bool(features["measure_switched"] or features["measure_overruled"])


def decided_by_default(meaning: Meaning) -> bool:
    """No word of the figure's own decided its measure type: none at all, or only a span of time
    around it ("offered 1.05 million job opportunities in 2017")."""
    return meaning.measure_cue is None or meaning.measure_cue.startswith(SPAN_DEFAULT_CUE)


# Scale characters a count's unit text may carry before its measure word ("万户").
SCALE_CHARACTERS = "十百千万萬亿億"
CHINESE_MEASURE_WORD_RE = re.compile(r"[\u3400-\u9fff]{1,2}")


def unit_fits(indicator: CatalogIndicator, quantity: Quantity) -> bool:
    """Money converts between currencies; other units must be the canonical one already or
    one of its family (areas convert; a change in percentage points is not a percent level);
    a Chinese count's measure word must be one the indicator's things take."""
    if quantity.unit_class != indicator.unit_class:
        return False
    if indicator.measure_words is not None and quantity.unit_text:
        measure_word = quantity.unit_text.strip().lstrip(SCALE_CHARACTERS)
        if CHINESE_MEASURE_WORD_RE.fullmatch(measure_word) and not indicator.measure_words.match(measure_word):
            return False
    if quantity.unit_class in ("currency", "area", "length", "mass"):
        return True
    return quantity.unit == indicator.canonical_unit


# --- where a cue can be --------------------------------------------------------------------


@dataclass(frozen=True)
class Scopes:
    """Character spans around one figure, narrowest first."""

    near: tuple[int, int]
    clause: tuple[int, int]
    sentence: tuple[int, int]
    previous_sentence: tuple[int, int] | None
    lead: tuple[int, int] | None  # the first sentence of the figure's paragraph, when another
    subject: tuple[int, int] | None  # the sentence's opening noun phrase, before its first verb


def _paragraph_start(text: str, position: int) -> int:
    found = text.rfind("\n\n", 0, position)
    return 0 if found < 0 else found + 2


# A comma before a participle of change that carries the figures goes on with the clause of its
# subject: "The increase of business registration has been extraordinary, jumping from 9.46 million
# in 2012 to 16.51 million in 2016". Not "according to", "including" (a part), which end it.
PARTICIPLE_AFTER_RE = re.compile(
    r"\s*(?i:jump|ris|climb|grow|increas|decreas|fall|dropp|declin|surg|soar|reach|totall?|amount|hitt|topp|stand|edg|slid|slump|plung|doubl|tripl)ing"
    r"\s+(?:(?:from|to|by|over|more\s+than|nearly|about|around|some|up|down|at)\s+)*(?=\d|(?i:rmb|us\$|hk\$|cny|usd|\$|¥|€|£))"
)


def _clause_breaks(
    text: str, sentence: tuple[int, int], restatements: Sequence[tuple[int, int]], chinese: bool
) -> list[tuple[int, int]]:
    """The spans that end clauses in a sentence; the parentheses around a restatement ("53.96
    billion yuan ($7.83 billion) was raised") do not end the clause."""
    clause_break = CHINESE_CLAUSE_BREAK_RE if chinese else CLAUSE_BREAK_RE
    return [
        found.span()
        for found in clause_break.finditer(text, *sentence)
        if not brackets_a_restatement(found, restatements)
        and (chinese or found.group() != "," or not PARTICIPLE_AFTER_RE.match(text, found.end(), sentence[1]))
    ]


def _scopes(
    text: str,
    quantity: Quantity,
    neighbours: tuple[int, int],
    sentences: list[tuple[int, int]],
    position: int,
    restatements: Sequence[tuple[int, int]] = (),
    chinese: bool = False,
    breaks: list[tuple[int, int]] | None = None,
) -> Scopes:
    """`breaks`: _clause_breaks of the figure's sentence, when the caller has read them."""
    sentence = sentences[position]
    if breaks is None:
        breaks = _clause_breaks(text, sentence, restatements, chinese)
    clause_start = max([end for start, end in breaks if end <= quantity.start] or [sentence[0]])
    clause_end = min([start for start, end in breaks if start >= quantity.end] or [sentence[1]])
    near = (
        max(neighbours[0], clause_start, quantity.start - NEAR_REACH_BEFORE),
        min(neighbours[1], clause_end, quantity.end + NEAR_REACH_AFTER),
    )
    previous = sentences[position - 1] if position > 0 else None
    if previous is not None and _paragraph_start(text, sentence[0]) > previous[0]:
        previous = None  # the sentence before lies in another paragraph
    lead = None
    paragraph = _paragraph_start(text, sentence[0])
    first = bisect.bisect_left(sentences, (paragraph, -1))
    if first < position - 1:
        lead = sentences[first]
    subject = None if chinese else SENTENCE_SUBJECT_RE.match(text, sentence[0], min(sentence[1], sentence[0] + 160))
    return Scopes(
        subject=subject.span("phrase")
        if subject and subject.end("phrase") <= quantity.start
        else None,
        near=near,
        clause=(
            max(clause_start, quantity.start - SENTENCE_REACH),
            min(clause_end, quantity.end + SENTENCE_REACH),
        ),
        sentence=(
            max(sentence[0], quantity.start - SENTENCE_REACH),
            min(sentence[1], quantity.end + SENTENCE_REACH),
        ),
        previous_sentence=previous,
        lead=lead,
    )


def _tokens_between(text: str, start: int, end: int) -> int:
    return len(TOKEN_RE.findall(text, start, end)) if end > start else 0


def _distance(text: str, quantity: Quantity, match: tuple[int, int]) -> int:
    """Tokens between the figure and a cue match (0 when they touch or overlap)."""
    if match[1] <= quantity.start:
        return _tokens_between(text, match[1], quantity.start)
    if match[0] >= quantity.end:
        return _tokens_between(text, quantity.end, match[0])
    return 0


def _value_per_year(
    quantity: Quantity, indicator: CatalogIndicator, meaning: Meaning, rate_basis: str | None
) -> float | None:
    values = [v for v in (quantity.value, quantity.low, quantity.high) if v is not None]
    if not values:
        return None
    value = quantity.value if quantity.value is not None else sum(values) / len(values)
    if quantity.unit_class == "currency" and quantity.unit != indicator.canonical_unit:
        rate = APPROXIMATE_CNY_PER_UNIT.get(quantity.unit or "")
        canonical = APPROXIMATE_CNY_PER_UNIT.get(indicator.canonical_unit)
        if rate is None or canonical is None:
            return None
        value = value * rate / canonical
    if indicator.measure_type == "flow":
        value *= PERIODS_PER_YEAR.get(rate_basis or "", 1.0)  # "16,500 a day" is 6 million a year
    return value


def _outside_range(value: float | None, indicator: CatalogIndicator) -> float:
    """How many orders of magnitude the value lies outside the plausible range (0 inside or
    unknown)."""
    if value is None or value <= 0:
        return 0.0
    low, high = indicator.plausible_min, indicator.plausible_max
    if low is not None and low > 0 and value < low:
        return math.log10(low / value)
    if high is not None and high > 0 and value > high:
        return math.log10(value / high)
    return 0.0


# --- candidates and their features ---------------------------------------------------------

FEATURES = (
    "noun_head",  # a noun cue ends the counted noun or concept ("startup incubators")
    "noun_inside",  # a noun cue inside it, not at its end ("incubators' tenants")
    "context_in_phrase",  # a context cue inside the counted noun or concept
    "phrase_names_other",  # the figure has a counted noun or concept and no cue of this indicator in it
    "near_noun",  # a noun cue in the near window (between the neighbouring figures, in the clause)
    "near_context",  # a context cue there
    "clause_cue",  # a cue in the clause, none nearer
    "sentence_cue",  # a cue in the sentence, none in the clause
    "previous_sentence_cue",  # a cue in the sentence before (same paragraph), none in this one
    "lead_cue",  # a cue in the paragraph's lead sentence only
    "title_cue",  # a cue in the title
    "subject_cue",  # a cue in the sentence's subject, before the figure ("The increase of business registration has ...")
    "noun_and_context",  # both a noun cue and a context cue in the clause
    "distance",  # tokens from the figure to its nearest cue in the sentence, scaled to [0, 1]
    "cue_length",  # characters of the nearest cue match, scaled (longer cues say more)
    "cue_shared",  # how many other candidate indicators the nearest cue's words also propose
    "other_figure_nearer",  # another figure of the sentence sits nearer that cue
    "partitive_between",  # "of which", "among them" between the figure and its cue
    "comparison_between",  # "than", "compared with" between the figure and its cue
    "negation_near",  # "not", "excluding" in the near window
    "measure_by_default",  # the figure's measure type came from no cue word (a default)
    "implausible",  # orders of magnitude outside the plausible range (capped at 3)
    "company_level",  # the indicator is a company's (dbt checks the owner)
    "competitors",  # other candidates with a cue in the clause or nearer (log)
    "best_scope_rank",  # 1 when no other candidate has a nearer-scoped cue, else 0
    "rule_score",  # the catalog's rule score (4 noun, 2 near, 1 clause) over 6, capped at 1
    "rule_margin",  # that score minus the best other candidate's, over 6, in [-1, 1]
    "rival_noun_head",  # another candidate's noun cue heads the phrase, this one's does not
    "shared_noun_head",  # this candidate's noun cue heads the phrase, and another's does too
    "meets_min_score",  # that score reaches the indicator's min_score
    "percent_or_money",  # the figure is a sum or a percentage (no counted noun to read)
    "part_of_group",  # "12 of them", "of which 5", "其中": a part of what the sentence counted before, on an indicator of a whole
    "part_on_part",  # the same on an indicator the catalog defines as a part of another ("among whom 460,000 were graduates")
    "modifier_words",  # words before the noun cue in the phrase ("national-level incubators": a kind of them), scaled
    "chinese",  # the document is Chinese (its cues are the catalog's Chinese ones)
    "linked_by_verb",  # the nearest cue and the figure are joined by a linking verb alone ("market entities surpass 160 mln", "50.39 mln are businesses")
    "series_link",  # (English) the figure before it in the sentence, of the same unit, has this indicator's cue in its phrase (1) or near it (0.5), and words of a series join them: "revenue of 114.6 billion yuan in 2017, up from 68.4 billion yuan"
    "sibling_cue",  # another figure of the sentence with the same unit has this indicator's cue in its own phrase (1) or near it (0.5): "from 37.56 million in 2011"
    "measure_switched",  # no word decided the figure's stock or flow, and the indicator is the other one (measure_may_switch)
    "measure_overruled",  # the indicator is the other of stock and flow than the one a word of the text decided: 1 when that word is in the near window, 0.5 farther
    "cue_inside_rival",  # this candidate's cue lies inside another candidate's longer cue ("企业" in "独角兽企业")
    "plan_mismatch",  # (English) the figure's clause speaks of a plan or forecast and the indicator counts no targets, or the reverse
    "phrase_is_place",  # the figure's own words name only a place ("北京(97家)"): what it counts is said elsewhere
    "noun_borrowed",  # the figure names nothing itself and its phrase is a list neighbour's ("北京114家、…、五地共有独角兽企业249家")
    "number_of_cue",  # (English) the nearest cue, before the figure in its clause, follows "the number of" ("the number of deals slid 42 percent to 504")
    "antecedent",  # the figure's words only refer back ("The companies come from 16 cities. Beijing ranked first with 65"): its phrase is the earlier noun phrase they stand for
    "one_thing_subject",  # (English) the sentence is about one organisation or facility ("It plans to help 600 companies", "The makerspace is a six-story building covering 20,000 square meters"), on an indicator of a place's totals
    "one_thing_subject_company",  # the same on a company's indicator
    "whole_before",  # the figure's own noun names this indicator, and an earlier figure of the sentence (or of the one before, when this one opens on 其中 or "among them"), of the same unit, names the whole the catalog says it is a part of ("实有市场主体1.06亿户,其中企业3362.8万户")
    "new_on_stock",  # words of new things ("1,787 new incubators", 新生4家独角兽企业, 第五批) in the figure's phrase or right before it, on an indicator of a stock that no cue of it names them with
    "measure_noun_other",  # the figure's words, or those right before it, name a measured quantity (investment, revenue, area, 出口, ...) that no cue of the indicator names
    "batch_on_stock",  # (Chinese) the figure's clause says its things entered a list or are new ("24个众创空间上榜", 成功备案, 新获融资, 第五批), on an indicator of a stock, no word of a stock there
    "kind_modifier",  # words before the noun cue heading the phrase name a kind of what it counts ("实有民营经济市场主体", "科创板上市企业", "private market entities"), not a place, the whole or the indicator's own cue or definition
    "an_average",  # words right before the figure make it an average over many things ("单只基金平均募集规模", "an average of"), not a rate per day or month
    "synonym_cue",  # only a synonym of the indicator (seed indicator_synonyms) proposed it, no catalog cue of its own is in reach: weaker, more general evidence
    "synonym_in_phrase",  # (Chinese) a synonym names the figure's own counted noun or concept (120家双创基地 beside the context cue 孵化), though the indicator's own cues are in reach around it only
    "level_in_sentence",  # an administrative level the indicator's definition does not name is said earlier in the figure's sentence ("共认定省级以上的孵化器和众创空间131家,其中孵化器71家")
)


@dataclass(frozen=True)
class Candidate:
    indicator_id: str
    features: dict[str, float]
    evidence: str


@dataclass(frozen=True)
class Choice:
    """A candidate kept by the chooser: its probability and what the words said."""

    indicator_id: str
    probability: float
    evidence: str
    # the indicator's measure type when it is not the figure's (measure_may_switch): the figure
    # takes it if this choice stands (settle_measure_types)
    measure_type: str | None = None


def _phrase(quantity: Quantity, meaning: Meaning, chinese: bool = False) -> str:
    """The words that say what the figure counts; none when they only name a place: a table of
    cities ("北京(97家)、上海(63家)", "Beijing: 65") says what it counts once, elsewhere."""
    # the Chinese concept is the counted noun when that names something
    phrase = (meaning.concept or "") if chinese else (quantity.counted or meaning.concept or "")
    if chinese and phrase:
        phrase = chinese_figure_words(phrase, _names_a_chinese_noun)
    if phrase and names_only_a_place(phrase, chinese):
        return ""
    # "在册企业数" is the number of 在册企业: the things counted end the phrase
    return NUMBER_OF_RE.sub("", phrase) if chinese else phrase.lower()


@lru_cache(maxsize=1)
def _chinese_noun_cues() -> re.Pattern:
    cues = [i.noun_cues.pattern for i in read_catalog(DEFAULT_CATALOG, "zh") if i.noun_cues is not None]
    return re.compile("|".join(f"(?:{cue})" for cue in cues), re.IGNORECASE)


@lru_cache(maxsize=64)
def _chinese_count_nouns(measure_word: str) -> re.Pattern:
    """The Chinese noun cues of the count indicators whose things take `measure_word` (all of
    them when it is none the catalog lists)."""
    indicators = [i for i in read_catalog(DEFAULT_CATALOG, "zh") if i.noun_cues is not None and i.unit_class == "count"]
    fitting = [i for i in indicators if i.measure_words is None or i.measure_words.match(measure_word)]
    cues = [i.noun_cues.pattern for i in (fitting if measure_word and fitting else indicators)]
    return re.compile("|".join(f"(?:{cue})" for cue in cues), re.IGNORECASE)


def _names_a_chinese_noun(words: str) -> bool:
    """Whether a row label holds a catalog noun ("孵化器(97家)" counts incubators)."""
    return bool(_chinese_noun_cues().search(words))


def names_only_a_place(words: str, chinese: bool) -> bool:
    """Whether `words` (a figure's counted noun or concept) are a place's name and nothing else
    (the entity seed's places; in Chinese also a name of province, city or county form, and places
    with the words of a ranking: "中国以", "领先于中国的", "排名第二")."""
    name = words.strip(PLACE_TRIM)
    if not name:
        return False
    if chinese:
        return _places_only(name) or _names_nothing_chinese(name)
    # an English concept comes lower case, after the word that joins it ("and hangzhou" of
    # "Shenzhen has 21, and Hangzhou has 14")
    bare = LEADING_JOIN_RE.sub("", name)
    return name in english_place_names() or bare.casefold() in _folded_place_names()


LEADING_JOIN_RE = re.compile(r"^(?:(?i:and|or|but|while|whereas|with|the|in)\s+)+")


@lru_cache(maxsize=1)
def _folded_place_names() -> frozenset[str]:
    """The entity seed's place names (whole names only), case folded."""
    return frozenset(alias.casefold() for alias in place_aliases())


def _in_any(spans: list[tuple[int, int]], scope: tuple[int, int] | None) -> list[tuple[int, int]]:
    if scope is None:
        return []
    return [span for span in spans if span[0] >= scope[0] and span[1] <= scope[1]]


def _candidate(
    text: str,
    quantity: Quantity,
    meaning: Meaning,
    indicator: CatalogIndicator,
    scopes: Scopes,
    title: str | None,
    others: list[tuple[int, int]],
    rate_basis: str | None,
    cues: TextCues,
    phrase: str,
    levels: frozenset[str],
    borrowed: str = "",
    antecedent: str = "",
) -> tuple[dict[str, float], str, list[tuple[int, int]], tuple[int, int] | None] | None:
    """Raw features of one indicator for one figure, or None when no cue of it is found, or
    when the figure's own words count a level of things the indicator's definition does not name
    ("18 national-level incubators" are a part of the incubators the catalog counts). `phrase`:
    the figure's words (_figure_phrase); `levels`: the levels said of what it counts
    (_figure_levels, read once per figure and language); `borrowed`: the phrase of a list neighbour, read as the
    figure's own when it names nothing itself; `antecedent`: the noun phrase its words refer back
    to (_antecedent_phrases), read before its own. The caller skips an indicator with no cue in reach
    (_in_reach)."""
    if levels - indicator.levels:
        return None  # "12 of them are city-level maker spaces": a level of what the indicator counts
    if phrase and _graded_part(phrase, indicator, cues):
        return None  # "20 high-quality incubators": a grade of what the indicator counts
    if not levels and indicator.noun_cues is not None and _part_of_a_level_group(text, quantity, indicator, scopes):
        return None  # "共认定省级以上的孵化器和众创空间131家(孵化器71家": a part of a level's group
    if indicator.scope is not None and not _scope_named(cues, indicator.scope, scopes, title):
        return None  # "private firms created 163.9 million jobs": no makerspace or incubator provided them
    head = cues.search_in(indicator.noun_head, phrase) if phrase else None
    # "makers' spaces and incubators" counts both: a noun cue is its head only when it spans
    # the coordination (the catalog's cue for the pair), not when it is the last noun alone
    noun_head = bool(head) and (
        not COORDINATION_RE.search(phrase) or bool(COORDINATION_RE.search(head.group()))
    )
    noun_inside = (
        bool(phrase and cues.search_in(indicator.noun_cues, phrase))
        and not noun_head
    )
    context_in_phrase = bool(phrase and cues.search_in(indicator.context_cues, phrase))
    if noun_inside and indicator.language == "zh" and chinese_cue_only_modifies(phrase, indicator.noun_cues):
        return None
    wide = scopes.sentence
    noun_spans = cues.matches(indicator.noun_cues, wide)
    context_spans = cues.matches(indicator.context_cues, wide)
    # the figure's own span is no cue ("3,255 incubators" is the noun, read above)
    # nor are the counted words right after it, read as the phrase
    own_words_end = quantity.end + (len(quantity.counted) + 3 if quantity.counted else 0)
    noun_spans = [s for s in noun_spans if not (quantity.start <= s[0] < own_words_end)]
    context_spans = [s for s in context_spans if not (quantity.start <= s[0] < quantity.end)]
    all_spans = sorted(noun_spans + context_spans)
    near_noun = bool(_in_any(noun_spans, scopes.near))
    near_context = bool(_in_any(context_spans, scopes.near))
    in_clause = _in_any(all_spans, scopes.clause)
    clause_cue = bool(in_clause) and not (near_noun or near_context)
    sentence_cue = bool(all_spans) and not in_clause
    outside = [
        pattern for pattern in (indicator.noun_cues, indicator.context_cues) if pattern is not None
    ]
    earlier = [span for p in outside for span in cues.matches(p, scopes.previous_sentence)]
    previous_sentence_cue = not all_spans and bool(earlier)
    if not earlier:
        earlier = [span for p in outside for span in cues.matches(p, scopes.lead)]
    lead_cue = not all_spans and not previous_sentence_cue and bool(earlier)
    title_cue = bool(title) and any(cues.search_in(p, title) for p in outside)
    if not (
        noun_head
        or noun_inside
        or context_in_phrase
        or all_spans
        or previous_sentence_cue
        or lead_cue
    ):
        return None
    nearest = (
        # of matches as near, the longest: "独角兽企业", not the "独角兽" inside it
        min(all_spans, key=lambda span: (_distance(text, quantity, span), span[0] - span[1])) if all_spans else None
    )
    distance = _distance(text, quantity, nearest) if nearest else MISSING_DISTANCE
    if noun_head or noun_inside:
        distance = 0
    between = (
        (min(nearest[1], quantity.start), max(nearest[0], quantity.end))
        if nearest
        else (quantity.start, quantity.start)
    )
    other_nearer = bool(nearest) and any(
        _distance_chars(other, nearest) < _distance_chars((quantity.start, quantity.end), nearest)
        for other in others
    )
    excluded = indicator.excluded_cues
    near_text = text[scopes.near[0] : scopes.near[1]]
    excluded_near = bool(
        excluded
        and (
            (cues.may_match(excluded, scopes.near) and excluded.search(near_text))
            or (cues.finder.may_occur(excluded, phrase) and excluded.search(phrase))
        )
    )
    # a Chinese sentence lists many figures between full-width commas: one item's words must not
    # veto the next, so the Chinese excluded cues veto near the figure only (as dbt applies them)
    in_clause_veto = (
        indicator.language == "en" and cues.may_match(excluded, scopes.clause) and excluded.search(text, *scopes.clause)
    )
    if excluded_near or in_clause_veto:
        return None  # the catalog's veto, near the figure or in its clause: "new-type incubators", "super-unicorns"
    # the catalog's rule score (as int_figures_classified scores it): 4 for a noun cue heading the
    # counted noun, 2 for a context cue near, 1 for one elsewhere in the clause
    context_in_clause = bool(_in_any(context_spans, scopes.clause))
    rule_score = 4 * noun_head + 2 * near_context + (context_in_clause and not near_context)
    value = _value_per_year(quantity, indicator, meaning, rate_basis)
    if indicator.language == "en" and _restricted_to_a_part(text, quantity, indicator, scopes):
        return None  # "305 incubators that were specially designed for returnees"
    if indicator.language == "en" and _a_kind_of_organisation(phrase, indicator):
        return None  # "82 graphene enterprises" are no count of all enterprises
    partitive = bool(PART_AFTER_RE.match(text, quantity.end, min(len(text), quantity.end + 20))) or bool(
        PART_BEFORE_RE.search(text, max(scopes.sentence[0], quantity.start - 40), quantity.start)
    )
    one_thing = indicator.language == "en" and bool(ONE_THING_SUBJECT_RE.match(text, scopes.sentence[0], scopes.sentence[1]))
    features = {
        "noun_head": float(noun_head),
        "noun_inside": float(noun_inside),
        "context_in_phrase": float(context_in_phrase),
        "phrase_names_other": float(
            bool(phrase) and not (noun_head or noun_inside or context_in_phrase)
        ),
        "near_noun": float(near_noun),
        "near_context": float(near_context),
        "clause_cue": float(clause_cue),
        "sentence_cue": float(sentence_cue),
        "previous_sentence_cue": float(previous_sentence_cue),
        "lead_cue": float(lead_cue),
        "title_cue": float(title_cue),
        "subject_cue": float(bool(_in_any(all_spans, scopes.subject))),
        "noun_and_context": float(
            bool(_in_any(noun_spans, scopes.clause) or noun_head or noun_inside)
            and bool(_in_any(context_spans, scopes.clause) or context_in_phrase)
        ),
        "distance": min(distance, MISSING_DISTANCE) / MISSING_DISTANCE,
        "cue_length": min((nearest[1] - nearest[0]) if nearest else 0, 30) / 30,
        "other_figure_nearer": float(other_nearer),
        "partitive_between": float(bool(PARTITIVE_RE.search(text, *between))),
        "comparison_between": float(bool(COMPARISON_RE.search(text, *between))),
        "negation_near": float(bool(NEGATION_RE.search(near_text))),
        "measure_by_default": float(decided_by_default(meaning)),
        "implausible": min(_outside_range(value, indicator), 3.0) / 3.0,
        "company_level": float(indicator.level == "company"),
        "rule_score": min(rule_score, 6) / 6,
        "meets_min_score": 0.0,  # filled by the caller, which knows min_score
        "percent_or_money": float(quantity.unit_class in ("currency", "percent")),
        "part_of_group": float(partitive and not indicator.is_part),
        "part_on_part": float(partitive and indicator.is_part),
        "modifier_words": min(_tokens_between(phrase, 0, head.start()) if noun_head else 0, 4) / 4,
        "chinese": float(indicator.language == "zh"),
        "linked_by_verb": float(bool(nearest) and bool(LINK_GAP_RE.fullmatch(text, *_gap(quantity, nearest)))),
        "sibling_cue": 0.0,  # filled by the caller, which sees the sentence's other figures
        "series_link": 0.0,  # the same
        "cue_inside_rival": 0.0,  # filled by the caller, which sees the other candidates' cues
        "plan_mismatch": float(
            indicator.language == "en" and bool(PLAN_RE.search(text, *scopes.clause)) != indicator.is_target
        ),
        "number_of_cue": float(
            indicator.language == "en" and bool(nearest) and nearest[1] <= quantity.start
            and nearest[0] >= scopes.clause[0]
            and bool(NUMBER_OF_EN_RE.search(text, max(scopes.sentence[0], nearest[0] - 40), nearest[0]))
        ),
        "noun_borrowed": float(bool(borrowed) and phrase == borrowed and not antecedent),
        "antecedent": float(bool(antecedent) and phrase == antecedent),
        "one_thing_subject": float(one_thing and indicator.level != "company"),
        "one_thing_subject_company": float(one_thing and indicator.level == "company"),
        "new_on_stock": float(indicator.measure_type == "stock" and _names_new_things(text, quantity, phrase, indicator, scopes)),
        "measure_noun_other": float(_measure_noun_other(text, quantity, phrase, indicator, scopes)),
        "batch_on_stock": float(
            indicator.language == "zh" and indicator.measure_type == "stock" and _chinese_batch(text, quantity, phrase, indicator, scopes)
        ),
        # (a Chinese noun cue ending the phrase after coordinated kinds names a kind too:
        # "电子商务、汽车交通和企业服务领域独角兽企业")
        "kind_modifier": float(
            bool(head) and (noun_head or indicator.language == "zh") and bool(
                _chinese_kind_words(phrase, head.start(), indicator) if indicator.language == "zh"
                else _english_kind_words(phrase, head.start(), indicator)
            )
            or (indicator.language == "zh" and quantity.unit_class == "count" and _after_a_sum_bracket(text, quantity, scopes))
        ),
        "an_average": float(_an_average(text, quantity, scopes, rate_basis)),
        "synonym_cue": 0.0,  # set by the caller when only the synonyms proposed the indicator
        "synonym_in_phrase": 0.0,  # the same, when a synonym names the figure's own noun
        "level_in_sentence": float(bool(_levels_in_sentence(text, quantity, scopes) - indicator.levels)),
        "phrase_is_place": float(not _phrase(quantity, meaning, indicator.language == "zh") and bool(meaning.concept if indicator.language == "zh" else quantity.counted or meaning.concept)),
    }
    where = (
        "noun" if noun_head or noun_inside else "phrase" if context_in_phrase else "near" if near_noun or near_context
        else "clause" if in_clause else "sentence" if all_spans else "previous sentence" if previous_sentence_cue else "lead"
    )  # fmt: skip
    if where in ("noun", "phrase"):
        cue_text = phrase
    elif nearest:
        cue_text = text[nearest[0] : nearest[1]]
    else:
        cue_text = text[earlier[-1][0] : earlier[-1][1]]
    evidence = f"{where}: {' '.join(cue_text.split())[:60]}"
    head_span = (head or indicator.noun_cues.search(phrase)).span() if noun_head or noun_inside else None
    return features, evidence, ([nearest] if nearest else []), head_span


def _figure_phrase(quantity: Quantity, meaning: Meaning, language: str, coordinated: str, borrowed: str) -> str:
    """The words _candidate reads as what the figure counts: its coordinated phrase, else its own
    (_phrase), else the one it borrows from a list neighbour."""
    return coordinated or _phrase(quantity, meaning, language == "zh") or borrowed


def _names_in_phrase(features: dict[str, float]) -> bool:
    """Whether a candidate's cue is in the figure's own counted noun or concept."""
    return bool(features["noun_head"] or features["noun_inside"] or features["context_in_phrase"])


def _in_reach(reach: frozenset[int] | None, cue_keys: tuple[int, ...] | None) -> bool:
    """Whether a noun or context cue of an indicator (`cue_keys`, the CueFinder keys of its noun
    cues, context cues and noun head; None when the finder does not know one of them, which may
    then match anywhere) may be in the figure's phrase, sentence, the sentence before or its
    paragraph's lead (the places _candidate reads a cue from), `reach` being TextCues.reachable
    of those."""
    if cue_keys is None:
        return True
    if reach is None:
        return bool(cue_keys)
    return not reach.isdisjoint(cue_keys)


def _cue_keys(indicator: CatalogIndicator | None, finder: CueFinder) -> tuple[int, ...] | None:
    if indicator is None:
        return ()
    patterns = [p for p in (indicator.noun_cues, indicator.context_cues, indicator.noun_head) if p is not None]
    keys = tuple(finder.key(p) for p in patterns)
    return None if None in keys else keys  # type: ignore[return-value]


def _fitting_indicators(
    catalog: Sequence[CatalogIndicator], quantity: Quantity, meaning: Meaning, rate_basis: str | None, finder: CueFinder
) -> list[tuple[CatalogIndicator, bool, tuple[int, ...] | None, tuple[int, ...] | None]]:
    """The indicators whose unit and measure type fit the figure, each with whether its measure
    type is the other of stock and flow (measure_may_switch), its cue keys (_in_reach) and those of
    its widened self (() without synonyms)."""
    fitting = []
    for indicator in catalog:
        switched = not measure_fits(indicator, meaning, rate_basis) and measure_may_switch(indicator, meaning, quantity.counted)
        if unit_fits(indicator, quantity) and (switched or measure_fits(indicator, meaning, rate_basis)):
            fitting.append((indicator, switched, _cue_keys(indicator, finder), _cue_keys(indicator.widened, finder)))
    return fitting


class _CatalogReading:
    """What figure_candidates keeps of one catalog from document to document: one automaton over
    all its cue patterns, and its fitting indicators by what they read of a figure (filled as
    figures come: a process meets few kinds of figure)."""

    def __init__(self, catalog: tuple[CatalogIndicator, ...]):
        self.catalog = catalog
        patterns = []
        for indicator in catalog:
            patterns += [indicator.noun_cues, indicator.context_cues, indicator.excluded_cues, indicator.noun_head]
            patterns.append(indicator.scope)
            if indicator.widened is not None:
                patterns += [indicator.widened.noun_cues, indicator.widened.context_cues, indicator.widened.noun_head]
        self.finder = CueFinder(patterns)
        self.fitting_by_key: dict[tuple, list] = {}


FITTING_KEYS_KEPT = 4096  # kinds of figure whose fitting indicators a process keeps
CATALOGS_KEPT = 8
_READINGS: dict[int, _CatalogReading] = {}


def _catalog_reading(catalog: Sequence[CatalogIndicator]) -> _CatalogReading:
    """The reading of a catalog, found by the identity of the catalog's tuple (as read_catalog
    returns it): hashing a catalog would hash every compiled pattern in it, for every document.
    The reading holds its catalog, so no other object takes the same id while it is kept."""
    if not isinstance(catalog, tuple):
        return _reading_of_contents(tuple(catalog))
    reading = _READINGS.get(id(catalog))
    if reading is None or reading.catalog is not catalog:
        if len(_READINGS) >= CATALOGS_KEPT:
            _READINGS.clear()
        reading = _READINGS[id(catalog)] = _CatalogReading(catalog)
    return reading


@lru_cache(maxsize=8)
def _reading_of_contents(catalog: tuple[CatalogIndicator, ...]) -> _CatalogReading:
    """The reading of a catalog given as another sequence, by its contents."""
    return _CatalogReading(catalog)


def _scope_named(cues: TextCues, scope: re.Pattern, scopes: Scopes, title: str | None) -> bool:
    """Whether the population an indicator is about is named in the figure's sentence, the
    sentence before, its paragraph's lead or the title."""
    spans = (scopes.sentence, scopes.previous_sentence, scopes.lead)
    return any(cues.matches(scope, span) for span in spans) or bool(
        title and cues.finder.may_occur(scope, title) and scope.search(title)
    )


# A level given to the things counted, said later in the sentence: "12 incubators ... were promoted
# to national-level incubators", "Three maker spaces ... have been upgraded to the provincial level".
LEVEL_GIVEN_RE = re.compile(
    r"\b(?i:promoted|upgraded|elevated|raised|recogni[sz]ed|certified|approved|accredited|designated|named|listed|rated|selected|included)"
    r"\s+(?i:as|to|into|among|in)\s+(?i:the\s+|a\s+)?(?=(?i:national|state|provincial|city|municipal|county|district)[- ]level)"
)
# The words right before a phrase read elsewhere in the sentence that give it a level: "the number
# of state-level technology business incubators ... has reached 71".
LEVEL_BEFORE_PHRASE_RE = re.compile(
    r"\b(?i:(?:national|state|provincial|city|municipal|county|district)[- ]level)\s+$"
)


def _figure_levels(text: str, quantity: Quantity, phrase: str, scopes: Scopes, english: bool) -> frozenset[str]:
    """The administrative levels said of what the figure counts, read once per figure and language
    by figure_candidates for all its candidate indicators: in its phrase, right before it
    ("其中国家级435家"), right after it up to the next figure ("435 were at the national level",
    "466 incubation carriers at or above the provincial level"), given to them later in the
    sentence ("were promoted to national-level incubators") or before the phrase where the
    sentence names it ("state-level technology business incubators ... reached 71"). "36
    provincial-level high-tech zones, eight of which are national level zones": the phrase is the
    group's, so the part's own level is read after it, not from the phrase."""
    if english and PART_AFTER_RE.match(text, quantity.end, min(len(text), quantity.end + 20)):
        phrase = ""
    before = text[max(scopes.clause[0], quantity.start - 24) : quantity.start]
    after = text[quantity.end : min(scopes.near[1], quantity.end + 40)]
    levels = _levels_named(phrase) | _levels_named(before + " " + after, bare_national=False)
    # farther, up to the next figure (whose level it would be), only "X-level" or "the X level":
    # a bare "provincial" there is someone's ("statistics of the provincial bureau")
    farther = re.split(r"\d", text[quantity.end : min(scopes.near[1], quantity.end + 80)], maxsplit=1)[0]
    levels |= {SAME_LEVEL.get(found.group(1).lower(), found.group(1).lower()) for found in LEVEL_RE.finditer(farther) if found.group(1)}
    if not english:
        return levels
    rest = re.split(r"\d", text[quantity.end : min(scopes.sentence[1], quantity.end + 200)], maxsplit=1)[0]
    for given in LEVEL_GIVEN_RE.finditer(rest):
        levels |= _levels_named(rest[given.end() : given.end() + 20], bare_national=False)
    if phrase:
        earlier = text[scopes.sentence[0] : quantity.start].lower()
        at = earlier.rfind(phrase)
        if at > 0 and LEVEL_BEFORE_PHRASE_RE.search(earlier, max(0, at - 24), at):
            levels |= _levels_named(earlier[max(0, at - 24) : at])
    return levels


# Nouns of organisations in general: an indicator whose noun cue heads a phrase with one of them
# counts them all, so words of a kind before it ("graphene enterprises", "listed companies",
# "self-employed businesses") name a part, unless they are the indicator's own cues.
GENERIC_ORGANISATION_RE = re.compile(r"(?i:enterprises?|companies|company|firms?|businesses|entities)")
NEUTRAL_MODIFIER_RE = re.compile(
    r"(?i:the|a|an|all|total|such|these|those|their|its|of|and|registered|existing|active|operating|new|newly|chinese|domestic|local"
    r"|national|nationwide|more|than|over|about|nearly|some|[\w-]+['’]s?|\d[\d,.]*|million|billion|mln)"
)


def _graded_part(phrase: str, indicator: CatalogIndicator, cues: TextCues) -> bool:
    """Whether the figure's phrase names a grade (GRADE_RE) before the indicator's noun cue,
    a grade none of the indicator's own cues names."""
    head = cues.search_in(indicator.noun_cues, phrase)
    if not head:
        return False
    grade = GRADE_RE.search(phrase, 0, head.start())
    return bool(grade) and not any(
        pattern is not None and pattern.search(grade.group()) for pattern in (indicator.noun_cues, indicator.context_cues)
    )


# A Chinese level word's reach to the noun it qualifies ("省级以上的孵化器", "市級以上科技企業孵化載體"):
# its extent (以上), 的, and a few modifiers, within the clause.
LEVEL_GROUP_REACH = 12
CHINESE_CLAUSE_MARKS = frozenset("，,。；;：:（(")
# What may follow the noun a level qualifies, so that the noun ends there ("孵化器和众创空间",
# "众创空间中", "孵化器22个"), not inside a longer one ("企业孵化器": enterprises' incubators).
NOUN_END_RE = re.compile(r"(?:[和与與及、中里裏内內共有达達为為的]|\d|$)")
# Words of the figure's own clause saying it counts the whole ("全市众创空间共计85家", "孵化器总数达到100家").
WHOLE_AREA_RE = re.compile(r"全[市省区區县縣国國]|总数|總數|总量|總量|共计|共計|合计|合計|总计|總計")


def _part_of_a_level_group(text: str, quantity: Quantity, indicator: CatalogIndicator, scopes: Scopes) -> bool:
    """Whether the figure's sentence, before it, names a group of the indicator's own things by an
    administrative level its definition does not name (全省178家省级孵化器和291家省级众创空间中,
    共有15家孵化器; 共认定省级以上的孵化器和众创空间131家(孵化器71家): the figure, whose own words name
    no level, counts a part of that group, a part of the level, not the whole the indicator counts.
    Chinese level words only (级/級): an English figure's level is read from its own phrase."""
    clause_start = max(scopes.sentence[0], *(text.rfind(mark, scopes.sentence[0], quantity.start) + 1 for mark in "，,；;。"))
    if WHOLE_AREA_RE.search(text, clause_start, quantity.start):
        return False  # "省级众创空间有12家，全市众创空间共计85家": the figure's own words count them all
    for found in LEVEL_RE.finditer(text, scopes.sentence[0], quantity.start):
        word = found.group(3)
        if not word or CHINESE_LEVELS[word[0]] in indicator.levels:
            continue
        reach = text[found.end() : min(found.end() + LEVEL_GROUP_REACH, quantity.start)]
        cut = next((i for i, char in enumerate(reach) if char in CHINESE_CLAUSE_MARKS), len(reach))
        reach = reach[:cut]
        if any(NOUN_END_RE.match(reach, noun.end()) for noun in indicator.noun_cues.finditer(reach)):
            return True
    return False


def _a_kind_of_organisation(phrase: str, indicator: CatalogIndicator) -> bool:
    """Whether the figure's phrase ends in a noun of organisations in general that the
    indicator's noun cue matches alone, with words of a kind before it that none of the
    indicator's cues names ("graphene enterprises" for enterprises in existence)."""
    if not phrase or indicator.noun_head is None:
        return False
    head = indicator.noun_head.search(phrase)
    if not head or not GENERIC_ORGANISATION_RE.fullmatch(head.group().strip()):
        return False
    before = phrase[: head.start()].split()
    kind = [word for word in before if not NEUTRAL_MODIFIER_RE.fullmatch(word) or word.endswith(("-owned", "-funded"))]
    if not kind:
        return False
    words = " ".join(kind)
    return not any(cues is not None and cues.search(words) for cues in (indicator.noun_cues, indicator.context_cues))


def _restricted_to_a_part(text: str, quantity: Quantity, indicator: CatalogIndicator, scopes: Scopes) -> bool:
    """Whether words right after the figure's noun narrow it to a part of what the indicator
    counts (RESTRICTED_AFTER_RE), unless they are the indicator's own defining words ("enterprises
    that were registered in 2016" are new registrations)."""
    restricted = RESTRICTED_AFTER_RE.match(text, quantity.end, min(scopes.sentence[1], quantity.end + 100))
    if not restricted:
        return False
    words = restricted.group()[restricted.start("restriction") - restricted.start() :]
    if AGENT_RESTRICTION_RE.match(restricted.group("restriction")):
        return True  # who founded them or with what capital narrows even the indicator's own verb
    return not any(cues is not None and cues.search(words) for cues in (indicator.noun_cues, indicator.context_cues))


def _names_new_things(text: str, quantity: Quantity, phrase: str, indicator: CatalogIndicator, scopes: Scopes) -> bool:
    """Whether the figure's phrase, or its clause's words right before it, say the things counted
    are new (NEW_THINGS_RE), in words no cue of the indicator matches."""
    before = text[max(scopes.clause[0], quantity.start - NEW_THINGS_REACH[indicator.language]) : quantity.start]
    cues = [p for p in (indicator.noun_cues, indicator.context_cues) if p is not None]
    for words in (phrase, before):
        news = list(NEW_THINGS_RE.finditer(words or ""))
        # the cues are searched only where a word of new things is (most phrases have none)
        matches = [found.span() for cue in cues for found in cue.finditer(words)] if words and news else []
        for new in news:
            if not any(start < new.end() and new.start() < end for start, end in matches):
                return True
    return False


def _measure_noun_other(text: str, quantity: Quantity, phrase: str, indicator: CatalogIndicator, scopes: Scopes) -> bool:
    """Whether the figure's phrase, or (a sum or a share) the words right before it, name a measured
    quantity (MEASURE_NOUNS) that neither a match of the indicator's noun or context cues there
    covers ("vc investments" is covered by the cue "VC investments") nor its definition names."""
    # a count names its things in its own phrase; a sum or a share may name them just before it
    # ("a valuation of close to three billion"), up to the figure before it
    before = (
        text[max(scopes.near[0], quantity.start - MEASURE_NOUN_REACH) : quantity.start]
        if quantity.unit_class in ("currency", "percent") else ""
    )
    cues = [p for p in (indicator.noun_cues, indicator.context_cues) if p is not None]
    named, covered = set(), set()
    for words in (phrase, before):
        if not words:
            continue
        nouns = list(MEASURE_NOUN_RE.finditer(words))
        # the cues are searched only where a measured quantity is named (most phrases name none)
        matches = [found.span() for cue in cues for found in cue.finditer(words)] if nouns else []
        for noun in nouns:
            kind = int(noun.lastgroup[1:])
            named.add(kind)
            if any(start < noun.end() and noun.start() < end for start, end in matches):
                covered.add(kind)
    return any(not any(re.search(rf"\b{word}", indicator.defines) for word in MEASURE_NOUNS[kind][1]) for kind in named - covered)


def _gap(quantity: Quantity, match: tuple[int, int]) -> tuple[int, int]:
    """The characters between the figure and a cue match (empty when they overlap)."""
    if match[1] <= quantity.start:
        return match[1], quantity.start
    if match[0] >= quantity.end:
        return quantity.end, match[0]
    return quantity.start, quantity.start


def _distance_chars(span: tuple[int, int], other: tuple[int, int]) -> int:
    if span[1] <= other[0]:
        return other[0] - span[1]
    if other[1] <= span[0]:
        return span[0] - other[1]
    return 0


SCOPE_ORDER = ("noun_head", "noun_inside", "context_in_phrase", "near_noun", "near_context", "clause_cue",
               "sentence_cue", "previous_sentence_cue", "lead_cue")  # fmt: skip


def _own_cue_strength(features: dict[str, float]) -> float:
    if features["noun_head"] or features["noun_inside"] or features["context_in_phrase"]:
        return 1.0
    return 0.5 if features["near_noun"] or features["near_context"] else 0.0


def _strictly_inside(span: tuple[int, int] | None, other: tuple[int, int] | None) -> bool:
    return bool(span and other) and other[0] <= span[0] and span[1] <= other[1] and other[1] - other[0] > span[1] - span[0]


def _scope_rank(features: dict[str, float]) -> int:
    for rank, name in enumerate(SCOPE_ORDER):
        if features[name]:
            return rank
    return len(SCOPE_ORDER)


COORDINATED_BEFORE_RE = re.compile(r"([\u3400-\u9fff]{2,8})([和及与與])$")
COORDINATED_STOPS = "的了从從由到至是为為有达達"


def _coordinated_phrase(text: str, quantity: Quantity, meaning: Meaning) -> str:
    """A Chinese figure's phrase with the noun coordinated before it: "在孵企业和团队62万个" counts
    在孵企业和团队, not the 团队 the extractor keeps (its subject stops at 和); "" when none."""
    phrase = _phrase(quantity, meaning, True)
    if not phrase or not meaning.concept:
        return ""
    at = text.rfind(meaning.concept, max(0, quantity.start - len(meaning.concept) - 8), quantity.start)
    found = COORDINATED_BEFORE_RE.search(text, max(0, at - 10), at) if at > 0 else None
    if not found:
        return ""
    first = found.group(1)
    cut = max(first.rfind(stop) for stop in COORDINATED_STOPS)
    first = first[cut + 1 :]
    if len(first) < 2 or names_only_a_place(first, True):
        return ""
    return first + found.group(2) + phrase


RESPECTIVELY_RE = re.compile(r"(?:分别|分別)(?:为|為|是|达到|達到|达|達|有|约|約|超过|超過|增长|增長|增加|下降)?(?:了)?$")
LIST_JOIN_RE = re.compile(r"^(?:[、,，和及与與]|以及)$")
ITEM_SPLIT_RE = re.compile(r"以及|[、和及与與]")
ORDINAL_ITEM_RE = re.compile(r"^第?[一二三四五六七八九十两兩\d]{1,2}$")


def _distributed_phrases(
    text: str, quantities: Sequence[Quantity], by_sentence: dict[int, list[int]], sentences: Sequence[tuple[int, int]]
) -> dict[int, str]:
    """Figure index -> its item of a "respectively" list: "众创空间、孵化器和加速器分别达到4298家、
    3255家和400家" gives each figure its own noun, in order, when the items and the figures are as
    many (the extractor reads 加速器 for the first and nothing for the others). Items that are
    ordinals ("第一、二、三产业新设企业") or places name no noun of their own."""
    distributed: dict[int, str] = {}
    for position, members in by_sentence.items():
        for order, index in enumerate(members):
            first = quantities[index]
            clause_start = max(
                [found.end() for found in CHINESE_CLAUSE_BREAK_RE.finditer(text, sentences[position][0], first.start)]
                or [sentences[position][0]]
            )
            respectively = RESPECTIVELY_RE.search(text, clause_start, first.start)
            if not respectively or index in distributed:
                continue
            run = [index]
            for following in members[order + 1 :]:
                gap = text[quantities[run[-1]].end : quantities[following].start]
                if quantities[following].unit != first.unit or not LIST_JOIN_RE.match(gap):
                    break
                run.append(following)
            items = [item.strip(PLACE_TRIM) for item in ITEM_SPLIT_RE.split(text[clause_start : respectively.start()])]
            if len(run) < 2 or len(items) != len(run) or not all(items):
                continue
            if any(ORDINAL_ITEM_RE.match(item) or names_only_a_place(item, True) for item in items):
                continue
            distributed.update(zip(run, items))
    return distributed


# "The companies", "these platforms", "such firms": a plural noun that stands for one named before.
REFERRING_NOUN_RE = re.compile(r"\b(?i:the|these|those|such)\s+(?P<head>[a-z][a-z-]{2,}s)\b(?!\s+of\b)")
# Words that cannot open the noun phrase a referring noun stands for.
ANTECEDENT_STOPS = frozenset(re.findall(r"\w+", """
    the a an these those such this that its their his her our of in on at for from with by to and or as than
    more most many some all other over about nearly new total number were was are is have has had
"""))  # fmt: skip
ANTECEDENT_REACH = 3000  # characters before the referring sentence
DETERMINER_BEFORE_RE = re.compile(r"\b(?i:the|these|those|such|all\s+the)\s+(?:(?i:about|nearly|some|over)\s+)?$")


def _antecedent_phrases(
    text: str,
    quantities: Sequence[Quantity],
    meanings: Sequence[Meaning],
    sentences: Sequence[tuple[int, int]],
    positions: Sequence[int],
) -> dict[int, str]:
    """Figure index -> the earlier noun phrase its words refer to: a figure counting a bare plural
    ("the companies", counted "companies"), or naming no plural noun of its own in a sentence whose
    subject (or the previous sentence's) is one ("The companies come from 16 cities. Beijing
    ranked first with 65"), takes the last earlier phrase with the same head and words before it
    ("131 unicorn companies" -> "unicorn companies"). The chooser weighs it (feature antecedent)."""
    found: dict[int, str] = {}
    for index, quantity in enumerate(quantities):
        if quantity.equivalent_of is not None or quantity.unit_class != "count":
            continue
        own = (quantity.counted or meanings[index].concept or "").strip().lower()
        sentence = sentences[positions[index]]
        if quantity.counted and re.fullmatch(r"[a-z][a-z-]{2,}s", own) and DETERMINER_BEFORE_RE.search(
            text, max(sentence[0], quantity.start - 12), quantity.start
        ):
            head, anchor = own, sentence[0]  # "these 12 platforms"
        elif quantity.counted or re.search(r"[a-z]{3,}s\b", own):
            continue
        else:
            around = [sentence] + ([sentences[positions[index] - 1]] if positions[index] > 0 else [])
            subjects = (REFERRING_NOUN_RE.search(text, start, min(end, start + 40, quantity.start)) for start, end in around)
            referring = next((subject for subject in subjects if subject), None)
            if referring is None:
                continue
            head, anchor = referring.group("head").lower(), referring.start()
        phrase = _earlier_phrase(text, head, anchor)
        if phrase:
            found[index] = phrase
    return found


# A Chinese clause that opens on a bare total ("总数已达1.27亿户", "规模达100亿元") counts what the
# subject of the clause before it names ("个体工商户发展稳步前行,总数已达1.27亿户").
CHINESE_BARE_TOTAL_RE = re.compile(r"^[ ]?(?:其)?(?:总数|總數|总量|總量|数量|數量|总规模|總規模|规模|規模)[^，,。；;]{0,6}$")
CHINESE_SUBJECT_RE = re.compile(
    r"^[ ]?(?:与此同时|與此同時|同时|同時|其中|目前|当前|當前)?[ ]?"
    r"(?P<subject>[\u3400-\u9fff]{2,16}?)"
    r"(?=快速|迅速|加快|不断|不斷|蓬勃|发展|發展|实现|實現|保持|继续|繼續|持续|持續|稳步|穩步|首次|已经|已經|已|达|達|共有|共|为|為|是|在|增|突破|超|总数|總數|数量|數量|规模|規模)"
)


def _chinese_antecedent_phrases(
    text: str,
    quantities: Sequence[Quantity],
    meanings: Sequence[Meaning],
    sentences: Sequence[tuple[int, int]],
    positions: Sequence[int],
) -> dict[int, str]:
    """Figure index -> the subject a Chinese figure's bare total refers back to: a figure naming
    nothing itself, whose clause opens on 总数 / 数量 / 规模 ("总数已达1.27亿户"), counts what the
    subject of the clause just before it in its sentence names ("个体工商户发展稳步前行")."""
    found: dict[int, str] = {}
    for index, quantity in enumerate(quantities):
        if quantity.equivalent_of is not None or quantity.counted:
            continue
        sentence_start = sentences[positions[index]][0]
        before = CHINESE_CLAUSE_BREAK_RE.split(text[sentence_start : quantity.start])
        if len(before) < 2 or not CHINESE_BARE_TOTAL_RE.match(before[-1]) or re.search("分别|分別|依次", before[-1]):
            continue  # "数量分别为5家、3家" shares the total out over things named before
        subject = CHINESE_SUBJECT_RE.match(before[-2])
        if subject:
            found[index] = subject.group("subject")
    return found


@lru_cache(maxsize=256)
def _head_pattern(head: str) -> re.Pattern:
    return re.compile(rf"\b((?:[A-Za-z][\w-]*\s+){{1,3}}){re.escape(head)}\b", re.IGNORECASE)


def _earlier_phrase(text: str, head: str, before: int) -> str:
    """The last noun phrase ending in `head` before `before` with a word of its own before the
    head ("unicorn companies" for "companies"), within ANTECEDENT_REACH characters."""
    pattern = _head_pattern(head)
    last = ""
    for match in pattern.finditer(text, max(0, before - ANTECEDENT_REACH), before):
        words = match.group(1).split()
        while words and words[0].lower() in ANTECEDENT_STOPS:
            words = words[1:]
        if words and not any(word.lower() in ANTECEDENT_STOPS for word in words):
            last = " ".join([*words, head]).lower()
    return last


def _measure_word(quantity: Quantity) -> str:
    return (quantity.unit_text or "").strip().lstrip(SCALE_CHARACTERS)


# A counted noun that names no kind of its own: "企业", "上榜企业", "这些公司".
GENERIC_COUNT_NOUN_RE = re.compile(r"(?:上榜|入榜|入围|入圍|这些|這些|上述|以上)?(?:的)?(?:企业|企業|公司)")


def _borrowed_phrases(
    text: str,
    quantities: Sequence[Quantity],
    meanings: Sequence[Meaning],
    by_sentence: dict[int, list[int]],
    sentences: Sequence[tuple[int, int]],
) -> dict[int, str]:
    """Figure index -> the phrase it borrows: a Chinese list says what it counts once
    ("北京114家、上海63家、…,五地共有独角兽企业249家", "由2014年不足50家到2020年8 507家众创空间"):
    a figure that names nothing itself (or only a place) takes the phrase of the nearest figure of
    its sentence with the same unit and measure word that names something; without one, the X of
    the last "X的数量" before it in the sentence. The chooser sees that the noun was borrowed
    (feature noun_borrowed) and learns how far to trust it."""
    borrowed: dict[int, str] = {}
    for position, members in by_sentence.items():
        phrases = {i: _phrase(quantities[i], meanings[i], True) for i in members}
        for index in members:
            if phrases[index]:
                continue
            quantity = quantities[index]
            lenders = [
                i for i in members
                if phrases[i] and quantities[i].unit == quantity.unit
                and _measure_word(quantities[i]) == _measure_word(quantity)
            ]  # fmt: skip
            # a neighbour whose words name a catalog noun lends before one whose words name none
            # ("北京拥有93家独角兽企业,…,远远超过旧金山的68家,上海以47家排名第3")
            lenders = [i for i in lenders if _names_a_chinese_noun(phrases[i])] or lenders
            if lenders:
                nearest = min(lenders, key=lambda i: abs(quantities[i].start - quantity.start))
                borrowed[index] = phrases[nearest]
                continue
            numbered = list(NUMBER_OF_BEFORE_RE.finditer(text, sentences[position][0], quantity.start))
            if numbered and not names_only_a_place(numbered[-1].group(1), True):
                borrowed[index] = numbered[-1].group(1)
                continue
            # "美国(441家)和中国(253家)是全球独角兽公司数量最多的两个国家": the list's figures come
            # first, the "X的数量" they are numbers of after them
            after = NUMBER_OF_BEFORE_RE.search(text, quantity.end, sentences[position][1])
            if after and not names_only_a_place(after.group(1), True):
                borrowed[index] = after.group(1)
                continue
            # a place's count in a table or ranking of places ("旧金山(122家)、北京(97家)", "美國以586間
            # 居首", "城市是旧金山(122家)"): the catalog noun its sentence names nearest to it (else the
            # last one of the sentence before), of those whose things take the figure's measure word
            # (独角兽公司 takes 家, 城市 does not)
            concept = meanings[index].concept or ""
            place = bool(concept) and names_only_a_place(concept, True)
            # a row whose label is no known place is a place's when a row beside it is one ("北京(97家)、纽约(69家)")
            among_places = chinese_row_label(concept) and not _levels_named(concept) and any(
                i != index and meanings[i].concept and names_only_a_place(meanings[i].concept, True) for i in members
            )
            if quantity.unit_class == "count" and (place or among_places):
                start, end = sentences[position]
                nouns = _chinese_count_nouns(_measure_word(quantity))
                found = list(nouns.finditer(text, start, end))
                if not place:
                    # nor is it lent a mere 企业 ("雏鹰企业评价入库数排名前五位的区是滨海新区(1535家)、武清区(258家)")
                    found = [m for m in found if not GENERIC_COUNT_NOUN_RE.fullmatch(m.group())]
                generic_only = place and found and all(GENERIC_COUNT_NOUN_RE.fullmatch(m.group()) for m in found)
                # the nouns of the sentence before, in the same paragraph, when this one names none of its own
                before = (
                    list(nouns.finditer(text, *sentences[position - 1]))
                    if (not found or generic_only) and position > 0
                    and _paragraph_start(text, start) <= sentences[position - 1][0]
                    else []
                )
                if generic_only and before:
                    # a mere 企业 here, the list's own noun in the sentence before ("…586家独角兽企业。按照上榜
                    # 企业的国家划分,美国以233家位于榜单首位"): that one
                    found = [m for m in before if not GENERIC_COUNT_NOUN_RE.fullmatch(m.group())][-1:] or found
                if found:
                    nearest = min(found, key=lambda m: min(abs(m.start() - quantity.end), abs(quantity.start - m.end())))
                    borrowed[index] = nearest.group()
                elif before:
                    # the list's noun said in the sentence before: "全球独角兽…。上海以47間緊隨其後"
                    borrowed[index] = before[-1].group()
    return borrowed


def figure_candidates(
    text: str,
    quantities: Sequence[Quantity],
    meanings: Sequence[Meaning],
    sentences: Sequence[tuple[int, int]] | None = None,
    catalog: Sequence[CatalogIndicator] = (),
    title: str | None = None,
    min_scores: dict[str, int] | None = None,
) -> list[list[Candidate]]:
    """Per figure, the catalog indicators its words propose, with their features. A
    restatement ("($7.83 billion)") has none: it takes the indicator of the figure it restates."""
    chinese = any(indicator.language == "zh" for indicator in catalog)
    spans = sorted(sentences) if sentences else [(0, len(text))]
    if chinese:
        text, quantities, meanings, spans = _without_glosses(text, quantities, meanings, spans)
    reading = _catalog_reading(catalog)
    cues = reading.finder.in_text(text)
    fitting_by_key = reading.fitting_by_key
    starts = [start for start, _ in spans]
    positions = [max(bisect.bisect_right(starts, q.start) - 1, 0) for q in quantities]
    by_sentence: dict[int, list[int]] = {}
    for index, quantity in enumerate(quantities):
        if quantity.equivalent_of is None:
            by_sentence.setdefault(positions[index], []).append(index)
    borrowed = _borrowed_phrases(text, quantities, meanings, by_sentence, spans) if chinese else {}
    distributed = _distributed_phrases(text, quantities, by_sentence, spans) if chinese else {}
    antecedents = (_chinese_antecedent_phrases if chinese else _antecedent_phrases)(text, quantities, meanings, spans, positions)
    raws: list[list[tuple]] = []
    breaks_by_sentence: dict[int, list[tuple[int, int]]] = {}
    restated = restatements_by_sentence(quantities, positions, spans)
    for index, (quantity, meaning) in enumerate(zip(quantities, meanings)):
        if quantity.equivalent_of is not None:
            raws.append([])
            continue
        siblings = by_sentence.get(positions[index], [])
        order = siblings.index(index)
        sentence = spans[positions[index]]
        neighbours = (
            quantities[siblings[order - 1]].end if order > 0 else sentence[0],
            quantities[siblings[order + 1]].start if order + 1 < len(siblings) else sentence[1],
        )
        others = [(quantities[i].start, quantities[i].end) for i in siblings if i != index]
        breaks = breaks_by_sentence.get(positions[index])
        if breaks is None:  # read once per sentence, for all its figures
            restatements = restated.get(positions[index], ())
            breaks = breaks_by_sentence[positions[index]] = _clause_breaks(text, sentence, restatements, chinese)
        scopes = _scopes(text, quantity, neighbours, spans, positions[index], chinese=chinese, breaks=breaks)
        rate_basis = meaning.rate_basis or quantity.per
        # what unit_fits, measure_fits and measure_may_switch read of the figure: a rule that
        # reads more of it must add it here (tests/figures/test_cue_index.py compares every
        # figure's candidates with those read without this cache)
        fit_key = (quantity.unit_class, quantity.unit_text, quantity.unit, meaning.measure_type,
                   meaning.measure_cue, rate_basis, cue_in_phrase(meaning, quantity.counted))  # fmt: skip
        fitting = fitting_by_key.get(fit_key)
        if fitting is None:
            if len(fitting_by_key) >= FITTING_KEYS_KEPT:
                fitting_by_key.clear()
            fitting = fitting_by_key[fit_key] = _fitting_indicators(catalog, quantity, meaning, rate_basis, reading.finder)
        raw = []
        if fitting:
            own_borrowed = borrowed.get(index, "")
            coordinated = distributed.get(index) or (_coordinated_phrase(text, quantity, meaning) if chinese else "")
            reached_spans = (scopes.sentence, scopes.previous_sentence, scopes.lead)
            # phrase, reach and (read when first needed) levels, by the indicator's language
            read: dict[str, tuple[str, frozenset | None]] = {}
            levels_read: dict[str, frozenset[str]] = {}
        for indicator, switched, cue_keys, widened_keys in fitting:
            language = indicator.language
            if language not in read:
                phrase = antecedents.get(index) or _figure_phrase(quantity, meaning, language, coordinated, own_borrowed)
                read[language] = (phrase, cues.reachable(reached_spans, phrase))
            phrase, reach = read[language]
            found = None
            in_reach = _in_reach(reach, cue_keys)
            widened_in_reach = indicator.widened is not None and _in_reach(reach, widened_keys)
            if (in_reach or widened_in_reach) and language not in levels_read:
                levels_read[language] = _figure_levels(text, quantity, phrase, scopes, language == "en")
            levels = levels_read.get(language, frozenset())
            # (the one-pass cue index says whether a search in _candidate could find a cue)
            if in_reach:
                found = _candidate(
                    text, quantity, meaning, indicator, scopes, title, others, rate_basis, cues, phrase, levels,
                    own_borrowed, antecedents.get(index, ""),
                )
            # the synonyms propose an indicator only when the catalog's own cues do not, or (in
            # Chinese, whose context cues 孵化, 创业投资 are nearly always in reach) when a synonym
            # names the figure's own counted noun and the own cues only sit around it
            # (4298家众创空间 beside 孵化): what the own cues find in the phrase reads as it always did
            by_synonym = in_phrase = False
            if widened_in_reach and (found is None or (language == "zh" and not _names_in_phrase(found[0]))):
                widened = _candidate(
                    text, quantity, meaning, indicator.widened, scopes, title, others, rate_basis, cues, phrase, levels,
                    own_borrowed, antecedents.get(index, ""),
                )
                in_phrase = widened is not None and _names_in_phrase(widened[0])
                if found is None or in_phrase:
                    found, by_synonym = widened, widened is not None
            if found is None:
                continue
            features, evidence, cue_spans, head_span = found
            if by_synonym:
                # its cue score is the synonym's, as if it were a catalog cue: the chooser weighs
                # it with synonym_cue (dbt's cue scores read the catalog's own cues only)
                features["synonym_cue"] = 1.0
                features["synonym_in_phrase"] = float(in_phrase and indicator.language == "zh")
                evidence = f"synonym {evidence}"
            features["measure_switched"] = float(switched and decided_by_default(meaning))
            # the word that decided the figure's measure type, in its near window (1) or farther (0.5)
            features["measure_overruled"] = (
                (1.0 if _word_in(text, meaning.measure_cue, scopes.near) else 0.5)
                if switched and not decided_by_default(meaning) else 0.0
            )  # fmt: skip
            score = round(features["rule_score"] * 6)
            needed = indicator.min_score if min_scores is None else min_scores.get(indicator.indicator_id, 99)
            features["meets_min_score"] = float(score >= needed)
            raw.append((indicator.indicator_id, features, evidence, cue_spans, head_span))
        raws.append(raw)
    # a figure of a series or a list ("from 37.56 million in 2011", "467,000, 478,000 and 427,000
    # respectively") takes its cue from the figure of the same unit that names the noun
    own_cue = [{r[0]: _own_cue_strength(r[1]) for r in raw} for raw in raws]
    whole_of = {indicator.indicator_id: indicator.whole for indicator in catalog if indicator.whole}
    result: list[list[Candidate]] = []
    for index, raw in enumerate(raws):
        siblings = [
            i for i in by_sentence.get(positions[index], [])
            if i != index and quantities[i].unit == quantities[index].unit
        ]  # fmt: skip
        phrase = _phrase(quantities[index], meanings[index], chinese) if raw else ""
        for indicator_id, features, *_ in raw:
            # only a figure that names nothing itself ("from 37.56 million in 2011")
            features["sibling_cue"] = 0.0 if phrase else max((own_cue[i].get(indicator_id, 0.0) for i in siblings), default=0.0)
        before = [i for i in siblings if quantities[i].end <= quantities[index].start]
        if raw and before and not chinese:
            gap = text[quantities[before[-1]].end : quantities[index].start]
            linked = len(gap) <= SERIES_GAP and ";" not in gap and bool(SERIES_LINK_RE.search(gap))
            for indicator_id, features, *_ in raw:
                features["series_link"] = own_cue[before[-1]].get(indicator_id, 0.0) if linked else 0.0
        wholes_before = before
        if raw and whole_of and PARTITIVE_LEAD_RE.match(text, spans[positions[index]][0], quantities[index].start):
            # "其中,企业4200.0万户" after a sentence that counted the market entities
            wholes_before = before + [
                i for i in by_sentence.get(positions[index] - 1, []) if quantities[i].unit == quantities[index].unit
            ]
        candidates = []
        close_ones = [r for r in raw if _scope_rank(r[1]) <= SCOPE_ORDER.index("clause_cue")]
        best_rank = min((_scope_rank(r[1]) for r in raw), default=0)
        for indicator_id, features, evidence, cue_spans, head_span in raw:
            whole = whole_of.get(indicator_id)
            features["whole_before"] = float(
                bool(whole) and bool(features["noun_head"] or features["noun_inside"])
                and any(own_cue[i].get(whole, 0.0) > 0 for i in wholes_before)
            )
            # "企业" inside another indicator's "独角兽企业", "companies" inside "venture capital
            # companies": the longer cue says what the words are about
            features["cue_inside_rival"] = float(
                any(_strictly_inside(head_span, other[4]) for other in raw if other[0] != indicator_id)
                or any(_strictly_inside(span, other_span) for span in cue_spans for other in raw
                       if other[0] != indicator_id for other_span in other[3])
            )
            shared = sum(
                1 for other in raw if other[0] != indicator_id and set(other[3]) & set(cue_spans)
            )
            features["cue_shared"] = min(shared, 4) / 4
            features["competitors"] = math.log1p(
                len([r for r in close_ones if r[0] != indicator_id])
            ) / math.log(8)
            features["best_scope_rank"] = float(_scope_rank(features) == best_rank)
            own_score = features["rule_score"] * 6
            best_other = max(
                (r[1]["rule_score"] * 6 for r in raw if r[0] != indicator_id), default=0.0
            )
            features["rule_margin"] = max(-6.0, min(6.0, own_score - best_other)) / 6
            other_heads = any(r[1]["noun_head"] for r in raw if r[0] != indicator_id)
            features["rival_noun_head"] = float(other_heads and not features["noun_head"])
            features["shared_noun_head"] = float(other_heads and bool(features["noun_head"]))
            candidates.append(
                Candidate(indicator_id, {name: features[name] for name in FEATURES}, evidence)
            )
        result.append(candidates)
    return result


# --- the chooser ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Tree:
    """One regression tree of a boosted chooser: node arrays as scikit-learn stores them (a leaf
    has left == right == -1); a feature at or under its threshold goes left."""

    feature: tuple[str | None, ...]
    threshold: tuple[float, ...]
    left: tuple[int, ...]
    right: tuple[int, ...]
    value: tuple[float, ...]

    def score(self, features: dict[str, float]) -> float:
        node = 0
        while self.left[node] != -1:
            go_left = features.get(self.feature[node], 0.0) <= self.threshold[node]
            node = self.left[node] if go_left else self.right[node]
        return self.value[node]


@dataclass(frozen=True)
class Chooser:
    """The probability that a candidate is the figure's indicator: a logistic regression over
    FEATURES (`weights`) or gradient-boosted trees (`trees`, each scaled by `learning_rate`),
    either on a log-odds `intercept`. `threshold`: the smallest probability a choice needs."""

    intercept: float
    threshold: float
    weights: dict[str, float] = field(default_factory=dict)
    trees: tuple[Tree, ...] = ()
    learning_rate: float = 1.0
    # Candidates under the threshold but at or above the floor are kept as possible: the cue
    # scores of int_figures_classified may still take one (the chooser vetoes the rest).
    floor: float = 0.0
    version: str = ""
    # Per document language ("en", "zh"), when cross-validation chose them apart: the cues of
    # one language are surer than the other's, so the same probability means a surer choice.
    thresholds: dict[str, float] = field(default_factory=dict)
    floors: dict[str, float] = field(default_factory=dict)

    def threshold_for(self, language: str) -> float:
        return self.thresholds.get(language, self.threshold)

    def floor_for(self, language: str) -> float:
        return self.floors.get(language, self.floor)

    def log_odds(self, features: dict[str, float]) -> float:
        # the same sum, in the same order, as over (weight * features.get(name, 0.0)), iterated in C
        linear = sum(map(operator.mul, self.weights.values(), map(features.get, self.weights, repeat(0.0))))
        boosted = sum(tree.score(features) for tree in self.trees)
        return self.intercept + linear + self.learning_rate * boosted

    def probability(self, features: dict[str, float]) -> float:
        z = self.log_odds(features)
        return 1.0 / (1.0 + math.exp(-max(min(z, 40.0), -40.0)))


@lru_cache(maxsize=4)
def load_chooser(path: Path = DEFAULT_MODEL) -> Chooser:
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    trees = tuple(
        Tree(
            tuple(tree["feature"]),
            tuple(tree["threshold"]),
            tuple(tree["left"]),
            tuple(tree["right"]),
            tuple(tree["value"]),
        )
        for tree in data.get("trees", [])
    )
    named = set(data.get("weights", {})) | {name for tree in trees for name in tree.feature if name}
    unknown = named - set(FEATURES)
    if unknown:
        raise ValueError(f"{path}: the model reads unknown features {sorted(unknown)}")
    return Chooser(
        intercept=data["intercept"],
        threshold=data["threshold"],
        weights=data.get("weights", {}),
        trees=trees,
        learning_rate=data.get("learning_rate", 1.0),
        floor=data.get("floor", 0.0),
        version=data.get("version", ""),
        thresholds=data.get("thresholds", {}),
        floors=data.get("floors", {}),
    )


def min_scores_of(path: Path = DEFAULT_CATALOG) -> dict[str, int]:
    with open(path, newline="", encoding="utf-8") as handle:
        return {row["indicator_id"]: int(row["min_score"]) for row in csv.DictReader(handle)}


# Candidates this probable are kept even under a language's floor: another document's figure of
# the same value may corroborate one (int_observations_corroborated, dbt var
# corroboration_min_probability), though the figure's own cues may not take it.
KEPT_PROBABILITY = 0.1


def choose_indicators(
    text: str,
    quantities: Sequence[Quantity],
    meanings: Sequence[Meaning],
    sentences: Sequence[tuple[int, int]] | None = None,
    title: str | None = None,
    catalog: Sequence[CatalogIndicator] | None = None,
    chooser: Chooser | None = None,
    min_scores: dict[str, int] | None = None,
) -> list[list[Choice]]:
    """Per figure, the candidates at or above the chooser's floor or KEPT_PROBABILITY (the lower
    of the two), most probable first; those at or above its threshold are its choices (none: no
    indicator fits), those at or above its floor are possible (the catalog's cue scores may
    still take one). A Chinese text is read with the catalog's Chinese cues, and the floor and
    threshold are those of its language."""
    if catalog is None:
        catalog = read_catalog(DEFAULT_CATALOG, "zh" if reads_as_chinese(text) else "en")
    chooser = chooser or load_chooser()
    kept = min(chooser.floor_for(catalog[0].language if catalog else "en"), KEPT_PROBABILITY)
    measure_of = {indicator.indicator_id: indicator.measure_type for indicator in catalog}
    choices = []
    for candidates in figure_candidates(
        text, quantities, meanings, sentences, catalog, title, min_scores
    ):
        scored = [
            Choice(c.indicator_id, chooser.probability(c.features), c.evidence,
                   measure_of.get(c.indicator_id) if switched_measure(c.features) else None)
            for c in candidates
        ]  # fmt: skip
        choices.append(sorted((c for c in scored if c.probability >= kept), key=lambda c: (-c.probability, c.indicator_id)))
    return choices


def settle_measure_types(
    quantities: Sequence[Quantity], meanings: Sequence[Meaning], choices: Sequence[Sequence[Choice]], threshold: float
) -> list[Meaning]:
    """The meanings with the measure type of each figure whose pick (its most probable choice,
    at or above `threshold`) is an indicator of the other of stock and flow (measure_may_switch):
    "an investment fund of 40 billion yuan" classified as a fund's capital is a stock. Its restatements ("($6.45 billion)") follow it. The cue says where it came from."""
    settled = list(meanings)
    for index, ranked in enumerate(choices):
        if ranked and ranked[0].probability >= threshold and ranked[0].measure_type:
            settled[index] = dataclasses.replace(
                meanings[index], measure_type=ranked[0].measure_type, measure_cue=f"indicator {ranked[0].indicator_id}"
            )
    for index, quantity in enumerate(quantities):
        original = quantity.equivalent_of
        if original is not None and settled[original] is not meanings[original]:
            settled[index] = dataclasses.replace(
                meanings[index], measure_type=settled[original].measure_type, measure_cue=settled[original].measure_cue
            )
    return settled


def encode_choices(choices: Sequence[Choice]) -> str | None:
    """The ranked choices as one text column: "id:probability:evidence|..." (dbt splits it)."""
    if not choices:
        return None
    return "|".join(
        f"{c.indicator_id}:{c.probability:.3f}:{c.evidence.replace('|', '/').replace(':', ' -')}"
        for c in choices
    )
