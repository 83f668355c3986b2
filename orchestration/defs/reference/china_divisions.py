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
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

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


def pinyin_name(chinese: str) -> str:
    from pypinyin import Style, lazy_pinyin  # here: its dictionaries take a second to import

    return "".join(lazy_pinyin(chinese, style=Style.NORMAL)).capitalize()


def read_divisions() -> list[Division]:
    with open(_package_file("cpca", "resources/adcodes.csv"), encoding="utf-8") as f:
        table = [
            (row["adcode"][:6], row["name"])
            for row in csv.DictReader(f)
            if row["name"] not in PLACEHOLDER_NAMES
        ]
    divisions = {}
    for code, name in table:
        level = "province" if code[2:] == "0000" else "prefecture" if code[4:] == "00" else "county"
        stem, kind_word = stem_and_kind(name)
        divisions[code] = Division(code, name, stem, level, kind_word)
    for code, division in divisions.items():
        if division.level == "county":
            division.parent = divisions.get(code[:4] + "00") or divisions.get(code[:2] + "0000")
        elif division.level == "prefecture":
            division.parent = divisions.get(code[:2] + "0000")
    return list(divisions.values())


def is_common_word(stem: str, level: str = "prefecture") -> bool:
    words, weights = dictionary()
    frequency, tag = words.get(stem, (0, None))
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
    qualified_only = full_name_count[division.name] > 1 or (
        len(division.name) == 2 and not division.name.endswith("县")
    )
    names = [] if qualified_only else [division.name]
    if (
        # a prefecture (地区) shares its bare name with its seat (和田, 喀什) or with something
        # else (阿里 is also Alibaba's short name)
        not division.name.endswith("地区")
        and len(division.stem) >= 2
        and division.stem != division.name
        and stem_count[division.stem] == 1
        and not is_common_word(division.stem, division.level)
    ):
        names.append(division.stem)
    parent = division.parent
    if division.level == "county" and parent is not None:
        # 杭州市余杭区, 杭州余杭区: always one place
        names += [parent.name + division.name, parent.stem + division.name]
    return _both_scripts(names)


# A bare pinyin name is as often a person's given name ("Xu Nanping", "Li Jinchang"): only a city
# this large is matched by it in English, the others with their kind ("Nanping City").
MIN_POPULATION_FOR_BARE_ENGLISH_NAME = 500_000


def english_aliases(division: Division, spelled_by_geonames: bool) -> list[str]:
    if division.level == "province":
        return [division.english]
    if spelled_by_geonames and division.population >= MIN_POPULATION_FOR_BARE_ENGLISH_NAME:
        return [division.english]
    if division.kind_word:
        # "Yuhang District", "Yuhang district": a bare pinyin word is as often a person's name
        return [
            f"{division.english} {division.kind_word}",
            f"{division.english} {division.kind_word.lower()}",
        ]
    return []


def division_places(
    geonames_spelling: dict[str, tuple[str, int]],
) -> list[tuple[Division, list[str]]]:
    """Every division with its aliases, provinces first, then prefectures and counties, the more
    populous first (by GeoNames, where it lists the place) so that they keep the plain slug.

    geonames_spelling: Chinese name -> (English name, population) of the GeoNames cities of China.
    """
    divisions = read_divisions()
    full_name_count = Counter(d.name for d in divisions)
    stem_count = Counter(d.stem for d in divisions)
    stem_count.update(d.name for d in divisions if d.name != d.stem)
    spelled = {}
    for division in divisions:
        geonames = geonames_spelling.get(division.stem) if stem_count[division.stem] == 1 else None
        if division.level == "province":
            division.english = PROVINCE_ENGLISH.get(division.stem) or pinyin_name(division.stem)
        elif geonames:
            division.english, division.population = geonames
        else:
            division.english = pinyin_name(division.stem)
        spelled[division.adcode] = geonames is not None and division.level != "province"
    order = {"province": 0, "prefecture": 1, "county": 2}
    divisions.sort(key=lambda d: (order[d.level], -d.population, d.adcode))
    return [
        (d, english_aliases(d, spelled[d.adcode]) + chinese_aliases(d, full_name_count, stem_count))
        for d in divisions
    ]
