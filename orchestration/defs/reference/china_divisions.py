"""China's administrative divisions as reference places: provinces, prefecture-level cities and
county-level districts, counties and cities, from the table of division codes (adcodes) bundled
with cpca, with Chinese names in both scripts (opencc) and English names as English-language
articles write them (pinyin: "Yuhang District", geonames' spelling where it has one: "Harbin").

A division's parent is the division above it (滨江区 -> Hangzhou -> Zhejiang), so a figure placed
in a district can be reported under its city and province.

A Chinese name is written inside longer words (Chinese has no spaces), so a name matches only
where it names one place and is not also a word:
- a full name (余杭区) shared by two divisions (鼓楼区 in Nanjing, Fuzhou, Xuzhou ...) is matched
  only after its parent's name (南京市鼓楼区, 南京鼓楼区);
- a bare name without its suffix (余杭) only when no other division has it, it has two or more
  characters, and jieba's dictionary does not list it as a common word (新兴 "emerging", 平安
  "safe", 合作 "cooperation", 和平 "peace" are divisions too): a name the dictionary tags as a
  place or person (ns, nr, nrt) is kept, any other word is not, and a county's name is dropped
  when the word is frequent (江南 "south of the river") even if tagged a place;
- and only when one of its characters is uncommon: a name made of common characters is more
  often the end of one word and the start of the next (创新|平台 holds 新平, 复杂|多变 杂多, 突破
  ...大关 大关) than the place; a character's commonness is the summed frequency of the
  dictionary's words containing it;
- a two-character full name whose stem is one character (城区, 矿区, 郊区) is a word: matched only
  after its parent's name, except a county's (泾县, 沛县).
"""

from __future__ import annotations

import csv
import functools
import importlib.util
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

# The division table as of the end of 2025 (make_china_divisions.py: jionlp's table of the Ministry
# of Civil Affairs' codes), for the divisions made after cpca's table was bundled.
NEWER_TABLE = Path(__file__).resolve().parent / "data" / "china_divisions.csv"
# Zones and groupings the newer table lists among divisions (天府新区, 河北唐山芦台经济开发区): the
# zones are places of their own in zones.py, not districts.
FUNCTIONAL_AREA = re.compile("新区|開發區|开发区|园区|示范区|管理区|管委会|实验区|合作区|新城|名胜区|保税区|产业园|食品区|委员会|行政区划")
# Rows of the code table that are groupings, not places ("市辖区": a city's districts).
PLACEHOLDER_NAMES = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}
# Suffixes of a division's name, longest first, with the English word for the kind of division.
SUFFIXES = [
    ("特别行政区", ""),
    ("自治区", ""),
    ("自治州", "Prefecture"),
    ("自治县", "County"),
    ("自治旗", "Banner"),
    ("地区", "Prefecture"),
    ("新区", "New Area"),
    ("林区", "Forestry District"),
    ("特区", "District"),
    ("省", ""),
    ("市", "City"),
    ("区", "District"),
    ("县", "County"),
    ("旗", "Banner"),
    ("盟", "League"),
]
# Provinces whose English name is not the pinyin of their Chinese name (陕西 and 山西 are both
# "shanxi" in pinyin).
PROVINCE_ENGLISH = {
    "内蒙古": "Inner Mongolia",
    "西藏": "Tibet",
    "陕西": "Shaanxi",
    "香港": "Hong Kong",
    "澳门": "Macao",
}
# A bare county name the dictionary lists as a place this often is also a region or a common
# word (江南, 长安, 太平): it needs its suffix.
MAX_COUNTY_WORD_FREQUENCY = 1000
KEPT_DICTIONARY_TAGS = {"ns", "nr", "nrt"}  # place name, person names
# Bare names that are everyday words the dictionary tags as a person's name: 同仁 is "colleagues"
# ("市府同仁共同祈福") far more often than Tongren County; written with the suffix they still name it.
EVERYDAY_WORDS_TAGGED_AS_NAMES = frozenset({"同仁"})
# A two-character Chinese name is also a word ("大同" Datong, "大同小异" much the same): only a city
# this populous (GeoNames) is matched by its bare name, a GeoNames city's (places) or a prefecture's
# whose characters are common; smaller ones need the "市" (city) suffix.
MIN_POPULATION_FOR_BARE_CHINESE_NAME = 1_000_000
# How common a bare name's rarest character may be: for a name the dictionary lists as a place,
# and for one it does not list (余杭 7,482, 闵行 589 pass; 资源|汇集's 源汇 13,611 does not).
MAX_RAREST_CHARACTER_WEIGHT_LISTED = 50_000
MAX_RAREST_CHARACTER_WEIGHT_UNLISTED = 10_000


@dataclass
class Division:
    adcode: str
    name: str
    stem: str
    level: str  # province, prefecture, county
    kind_word: str
    english: str = ""
    entity_id: str = ""
    parent: Division | None = None
    population: int = 0
    # the names the newer division table gives the same place (临安区 for cpca's 临安市)
    other_names: list[str] = field(default_factory=list)
    parent_code: str = ""
    namesake_children: int = 0  # its counties of its own bare name (芜湖县 of 芜湖市)


def _package_file(package: str, relative: str) -> Path:
    # find_spec locates the package without importing it (cpca builds its matcher on import)
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError(
            f"package {package} is not installed: reference places need its bundled data"
        )
    return Path(next(iter(spec.submodule_search_locations))) / relative


@functools.cache
def nationality_names() -> tuple[str, ...]:
    """The 56 nationalities (苗族, and 苗 as autonomous names write it), longest first."""
    with open(_package_file("cpca", "resources/56_nations.csv"), encoding="utf-8") as f:
        names = [line.strip() for line in f if line.strip()]
    return tuple(
        sorted(
            {*names, *(n.removesuffix("族") for n in names if len(n) > 2)}, key=len, reverse=True
        )
    )


@functools.cache
def dictionary() -> tuple[dict[str, tuple[int, str]], Counter]:
    """jieba's dictionary: word -> (frequency, part of speech), and each character's weight (the
    summed frequency of the words containing it)."""
    words, weights = {}, Counter()
    with open(_package_file("jieba", "dict.txt"), encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if len(parts) != 3:
                continue
            frequency = int(parts[1])
            if 2 <= len(parts[0]) <= 4:
                words[parts[0]] = (frequency, parts[2])
            for character in set(parts[0]):
                weights[character] += frequency
    return words, weights


def stem_and_kind(name: str) -> tuple[str, str]:
    """余杭区 -> (余杭, District); 延边朝鲜族自治州 -> (延边, Prefecture)."""
    for suffix, kind_word in SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix):
            stem = name[: -len(suffix)]
            if suffix.startswith("自治") or suffix == "特别行政区":
                stripped = True
                while stripped and len(stem) > 2:
                    stripped = False
                    for nationality in nationality_names():
                        if stem.endswith(nationality) and len(stem) - len(nationality) >= 2:
                            stem, stripped = stem[: -len(nationality)], True
                            break
            return stem, kind_word
    return name, ""


# Characters place names read otherwise than pypinyin's everyday reading, or its reading of a
# word the name happens to spell (朝阳 "morning sun" zhaoyang, 长治 zhangzhi): 长沙 and 长宁 are
# Chang-, 成都 and 花都 -du, 朝阳 Chao-.
PLACE_NAME_READINGS = {"长": "chang", "都": "du", "朝": "chao"}
# Names whose established spelling keeps the everyday reading of one of those characters (长子), and
# names that read a character otherwise than pypinyin does, in that name only (闵行 Minhang, not
# Minxing; 漯河 Luohe, not Tahe; 单县 Shan County, not Dan).
PLACE_NAME_EXCEPTIONS = {
    "长子": ["zhang", "zi"], "闵行": ["min", "hang"], "漯河": ["luo", "he"], "六合": ["lu", "he"], "单": ["shan"],
    "洪洞": ["hong", "tong"], "涡阳": ["guo", "yang"], "蔚": ["yu"], "筠连": ["jun", "lian"], "荥经": ["ying", "jing"],
    "浚": ["xun"], "覃塘": ["qin", "tang"],
}


def pinyin_name(chinese: str, apostrophes: bool = False) -> str:
    """余杭 -> Yuhang; apostrophes: a syllable opening with a vowel is set off as English writes it
    (临安 -> Lin'an)."""
    from pypinyin import Style, lazy_pinyin  # here: its dictionaries take a second to import

    # ü as written (Lüshunkou); the slug and the ASCII spellings drop its dots
    syllables = lazy_pinyin(chinese, style=Style.NORMAL, v_to_u=True)
    if chinese in PLACE_NAME_EXCEPTIONS:
        syllables = list(PLACE_NAME_EXCEPTIONS[chinese])
    elif len(syllables) == len(chinese):  # one syllable per character: no Latin letters in the name
        syllables = [PLACE_NAME_READINGS.get(char, syllable) for char, syllable in zip(chinese, syllables)]
    if apostrophes:
        syllables = syllables[:1] + ["'" + s if s[:1] in ("a", "o", "e") else s for s in syllables[1:]]
    return "".join(syllables).capitalize()


def _level(code: str) -> str:
    return "province" if code[2:] == "0000" else "prefecture" if code[4:] == "00" else "county"


def read_divisions() -> list[Division]:
    """cpca's table of division codes, brought up to date by the newer table in
    data/china_divisions.csv: a division only the newer table has (Shenzhen's 龙华区, 坪山区, 光明区 of
    2016-2018) is added; one it renames in the same province at the same level (临安市 -> 临安区) keeps
    cpca's code and id and takes the new name as another name of the same place. The newer table's
    statistical zones (codes ending 71-79: 郑州高新技术产业开发区) and groupings are left out."""
    with open(_package_file("cpca", "resources/adcodes.csv"), encoding="utf-8") as f:
        table = [
            (row["adcode"][:6], row["name"])
            for row in csv.DictReader(f)
            if row["name"] not in PLACEHOLDER_NAMES
        ]
    divisions = {}
    for code, name in table:
        stem, kind_word = stem_and_kind(name)
        divisions[code] = Division(code, name, stem, _level(code), kind_word)
    for code, division in divisions.items():
        if division.level == "county":
            division.parent = divisions.get(code[:4] + "00") or divisions.get(code[:2] + "0000")
        elif division.level == "prefecture":
            division.parent = divisions.get(code[:2] + "0000")
    same_place = {(d.adcode[:2], d.level, d.stem): d for d in divisions.values()}
    with open(NEWER_TABLE, encoding="utf-8") as f:
        newer = [row for row in csv.DictReader(f) if row["adcode"] not in divisions]
    added = {}
    for row in newer:
        code, name = row["adcode"], row["name"]
        if (
            name in PLACEHOLDER_NAMES
            or code[:2] == "71"
            or "71" <= code[4:] <= "79"
            or FUNCTIONAL_AREA.search(name)
        ):
            continue
        stem, kind_word = stem_and_kind(name)
        known = same_place.get((code[:2], _level(code), stem))
        if known is not None:
            if name != known.name:
                known.other_names.append(name)
            continue
        added[code] = Division(code, name, stem, _level(code), kind_word)
        added[code].parent_code = row["parent_adcode"]
    for division in added.values():
        division.parent = divisions.get(division.parent_code) or added.get(division.parent_code)
    return [*divisions.values(), *added.values()]


def is_common_word(stem: str, level: str = "prefecture") -> bool:
    words, weights = dictionary()
    frequency, tag = words.get(stem, (0, None))
    if stem in EVERYDAY_WORDS_TAGGED_AS_NAMES:
        return True
    if tag is not None and tag not in KEPT_DICTIONARY_TAGS:
        return True
    if level == "county" and frequency >= MAX_COUNTY_WORD_FREQUENCY:
        return True
    limit = MAX_RAREST_CHARACTER_WEIGHT_LISTED if tag else MAX_RAREST_CHARACTER_WEIGHT_UNLISTED
    return min(weights[character] for character in stem) >= limit


def _both_scripts(names: list[str]) -> list[str]:
    out = []
    for name in names:
        out += [name, to_traditional(name), _to_taiwan(name)]
    return list(dict.fromkeys(out))


@functools.cache
def _converters() -> tuple:
    import opencc  # here: needed only when the reference places are built, not when definitions load

    return opencc.OpenCC("s2t"), opencc.OpenCC("s2tw"), opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    return _converters()[2].convert(text)


def to_traditional(text: str) -> str:
    return _converters()[0].convert(text)


def _to_taiwan(text: str) -> str:
    return _converters()[1].convert(text)


def chinese_aliases(division: Division, full_name_count: Counter, stem_count: Counter) -> list[str]:
    """The Chinese spellings that name this division and no other place or word."""
    names = [] if _qualified_only(division, full_name_count) else [division.name, *division.other_names]
    if _bare_name_is_unique(division, stem_count):
        names.append(division.stem)
    parent = division.parent
    if division.level == "county" and parent is not None:
        # 杭州市余杭区, 杭州余杭区: always one place
        for name in (division.name, *division.other_names):
            names += [parent.name + name, parent.stem + name]
    return _both_scripts(names)


def _qualified_only(division: Division, full_name_count: Counter) -> bool:
    return full_name_count[division.name] > 1 or (len(division.name) == 2 and not division.name.endswith("县"))


def _bare_name_is_unique(division: Division, stem_count: Counter) -> bool:
    return (
        # a prefecture (地区) shares its bare name with its seat (和田, 喀什) or with something
        # else (阿里 is also Alibaba's short name)
        not division.name.endswith("地区")
        and len(division.stem) >= 2
        and division.stem != division.name
        and (
            (stem_count[division.stem] == 1 and not is_common_word(division.stem, division.level))
            # (shared only with a county of its own, 株洲县 of 株洲市, written with its suffix)
            or (stem_count[division.stem] == 1 + division.namesake_children and _is_large_city_name(division))
        )
    )


def _is_large_city_name(division: Division) -> bool:
    """A prefecture-level city this populous, whose bare name the dictionary knows as a place or
    not at all (常州, 株洲, 南阳 are written of common characters): news writes it without 市, and
    the name is read as the city, not across two words (no such reading in either corpus)."""
    _, tag = dictionary()[0].get(division.stem, (0, None))
    return (
        division.level == "prefecture"
        and division.population >= MIN_POPULATION_FOR_BARE_CHINESE_NAME
        and tag in (None, "ns")
    )


def chinese_context_aliases(division: Division, full_name_count: Counter, stem_count: Counter) -> list[str]:
    """A district's or county's names that are its own only in a document that names its city: the
    full name another division shares (南山区 is Shenzhen's and Hegang's), and the bare name that is
    another division's too or also a word (南山, 光明, 龙华); dbt matches the bare name only beside
    another district of the same city ("南山(5502户)、龙华(5419户)").

    A prefecture's bare name made of common characters or also a word (烟台, 德州, 东营, 黄石) is
    likewise its own only in a document naming its province and beside another prefecture of it
    ("产值总量前三名为烟台、青岛、东营"), unless it is the province's own name (吉林)."""
    if division.level == "prefecture" and division.parent is not None:
        stem = division.stem
        if _bare_name_is_unique(division, stem_count) or len(stem) < 2 or stem in (division.name, division.parent.stem):
            return []
        return _both_scripts([stem])
    if division.level != "county" or division.parent is None:
        return []
    names = []
    if _qualified_only(division, full_name_count) and len(division.name) >= 3:
        names += [division.name, *division.other_names]
    if (
        not _bare_name_is_unique(division, stem_count)
        and len(division.stem) >= 2
        and division.stem != division.name
        and division.stem != division.parent.stem
    ):
        names.append(division.stem)
    return _both_scripts(names)


# A bare pinyin name is as often a person's given name ("Xu Nanping", "Li Jinchang"): only a city
# this large is matched by it in English, the others with their kind ("Nanping City").
MIN_POPULATION_FOR_BARE_ENGLISH_NAME = 500_000


def english_aliases(division: Division, spelled_by_geonames: bool, shared: bool = False) -> list[str]:
    """shared: another division is written the same in English ("Nanshan District" is Shenzhen's and
    Hegang's): its name with its kind is then a context alias (english_context_aliases), not one."""
    if division.level == "province":
        return [division.english]
    if spelled_by_geonames and division.population >= MIN_POPULATION_FOR_BARE_ENGLISH_NAME:
        return apostrophe_forms(division.english)
    if division.kind_word and not shared:
        # "Yuhang District", "Yuhang district": a bare pinyin word is as often a person's name
        # and by the kind a newer name gives it (临安市 become 临安区: "Lin'an District")
        kinds = dict.fromkeys([division.kind_word, *(stem_and_kind(name)[1] for name in division.other_names)])
        return _ascii_spellings(
            [form for kind in kinds if kind for form in (f"{division.english} {kind}", f"{division.english} {kind.lower()}")],
            division,
        )
    return []


def _pinyin_aliases(division: Division, pinyin: str | None) -> list[str]:
    """The pinyin name of a city English also writes conventionally ("Eerduosi City" beside Ordos),
    with its kind, as a smaller city's names are."""
    if not pinyin or pinyin == division.english or not division.kind_word:
        return []
    return [f"{pinyin} {division.kind_word}", f"{pinyin} {division.kind_word.lower()}"]


def english_context_aliases(division: Division, spelled_by_geonames: bool, shared: bool) -> list[str]:
    """A district's or county's English names that are its own only in a document that names its
    city: its name with its kind when another division shares it, and its bare pinyin name
    ("Nanshan", matched only beside another district of the same city, as a person's name is
    written the same). A prefecture-level city too small to be matched by its bare name anywhere
    has it in a document naming its province, matched beside the province's name or another of its
    cities ("In Huangshan, a city in Anhui province"), unless another province or prefecture bears
    that name too."""
    if division.level == "prefecture" and division.parent is not None and division.kind_word:
        if shared or (spelled_by_geonames and division.population >= MIN_POPULATION_FOR_BARE_ENGLISH_NAME):
            return []
        if division.english.replace("'", "") == division.parent.english.replace("'", ""):
            return []  # 吉林市 of 吉林省: "Jilin" names the province first
        return _ascii_spellings(apostrophe_forms(division.english), division)
    if division.level != "county" or division.parent is None or not division.kind_word:
        return []
    if spelled_by_geonames and division.population >= MIN_POPULATION_FOR_BARE_ENGLISH_NAME:
        return []
    names = [f"{division.english} {division.kind_word}", f"{division.english} {division.kind_word.lower()}"] if shared else []
    # not the name of its city, however the apostrophe is written (淮安区 of 淮安市: Huaian, Huai'an)
    if len(division.stem) >= 2 and division.english.replace("'", "") != division.parent.english.replace("'", ""):
        names.append(division.english)
    return _ascii_spellings(names, division)


def apostrophe_forms(name: str) -> list[str]:
    """A name GeoNames writes with the apostrophe that sets off a syllable (Huai'an) is as often
    written without it (Huaian) or with a curly one; not a name as short as a given name (Ji'an:
    "Jian", Xi'an: "Xian")."""
    if "'" not in name:
        return [name]
    plain = name.replace("'", "")
    return [name, name.replace("'", "’"), *([plain] if len(plain) >= 5 else [])]


def _ascii_spellings(names: list[str], division: Division | None = None) -> list[str]:
    """English writes pinyin's ü as u (Lüshunkou, Lushunkou) and sometimes v (Lvshunkou), and sets
    off a syllable opening with a vowel (Lin'an District, Lin’an District)."""
    if division is not None and division.english == pinyin_name(division.stem):
        marked = pinyin_name(division.stem, apostrophes=True)
        if marked != division.english:
            names = names + [n.replace(division.english, form, 1) for n in names for form in (marked, marked.replace("'", "’"))]
    return list(dict.fromkeys(form for name in names for form in (name, name.replace("ü", "u"), name.replace("ü", "v"))))


def _city_population(division: Division) -> int:
    """The population of the city a county is in; a municipality's districts (丰台区 under 北京市)
    before any other city's."""
    parent = division.parent
    if parent is None:
        return 0
    return 10**9 if parent.level == "province" and parent.name.endswith("市") else parent.population


def division_places(
    geonames_spelling: dict[str, tuple[str, int]],
) -> list[tuple[Division, list[str], list[str]]]:
    """Every division with its aliases and its context aliases (names that are its own only in a
    document naming its city), provinces first, then prefectures and counties, the more populous
    first (by GeoNames, where it lists the place) so that they keep the plain slug.

    geonames_spelling: Chinese name -> (English name, population) of the GeoNames cities of China.
    """
    divisions = read_divisions()
    full_name_count = Counter(d.name for d in divisions)
    stem_count = Counter(d.stem for d in divisions)
    stem_count.update(d.name for d in divisions if d.name != d.stem)
    for division in divisions:
        if division.parent is not None and division.stem == division.parent.stem:
            division.parent.namesake_children += 1
    spelled = {}
    pinyin_too: dict[str, str] = {}  # the pinyin name of a division spelled conventionally ("Eerduosi")
    for division in divisions:
        # a city sharing its name only with its own county (芜湖县 of 芜湖) is the one GeoNames spells
        unique = stem_count[division.stem] == 1 + (division.namesake_children if division.level == "prefecture" else 0)
        geonames = geonames_spelling.get(division.stem) if unique else None
        # a conventional name is GeoNames' for the city of that very name (鄂尔多斯市, 喀什市), not
        # for a division sharing its stem (the prefecture 喀什地区)
        conventional = geonames_spelling.get(division.name) if geonames is None and division.level != "province" else None
        if conventional:
            geonames = conventional
            pinyin_too[division.adcode] = pinyin_name(division.stem)
        if division.level == "province":
            division.english = PROVINCE_ENGLISH.get(division.stem) or pinyin_name(division.stem)
        elif geonames:
            division.english, division.population = geonames
        else:
            division.english = pinyin_name(division.stem)
        spelled[division.adcode] = geonames is not None and division.level != "province"
    english_count = Counter((d.english, d.kind_word) for d in divisions if d.level == "county")
    # a prefecture's bare English name another province or prefecture bears too (海南藏族自治州 and
    # Hainan, 伊春 and 宜春 "Yichun") is no name of its own, even beside its province
    upper_english = Counter(d.english.replace("'", "") for d in divisions if d.level in ("province", "prefecture"))
    order = {"province": 0, "prefecture": 1, "county": 2}
    # of two counties of one name, the one in the more populous city keeps the plain slug (Shenzhen's
    # 龙华区 longhua, Chengde's 隆化县 longhua_chengde)
    divisions.sort(key=lambda d: (order[d.level], -d.population, -_city_population(d), d.adcode))
    out = []
    for d in divisions:
        shared = d.level == "county" and english_count[(d.english, d.kind_word)] > 1
        context_shared = shared or (d.level == "prefecture" and upper_english[d.english.replace("'", "")] > 1)
        out.append((
            d,
            english_aliases(d, spelled[d.adcode], shared)
            + _pinyin_aliases(d, pinyin_too.get(d.adcode))
            + chinese_aliases(d, full_name_count, stem_count),
            english_context_aliases(d, spelled[d.adcode], context_shared) + chinese_context_aliases(d, full_name_count, stem_count),
        ))
    return out
