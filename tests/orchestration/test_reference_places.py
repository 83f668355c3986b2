"""Reference places: countries and large cities, English and Chinese names, from bundled data."""

from __future__ import annotations

import pytest

from orchestration.defs.reference import places


@pytest.fixture(scope="module")
def rows_by_id() -> dict[str, dict]:
    return {row["entity_id"]: row for row in places.place_rows()}


def test_every_country_with_its_chinese_names(rows_by_id):
    albania = rows_by_id["albania"]
    assert albania["aliases"].split("|") == ["Albania", "阿尔巴尼亚", "阿爾巴尼亞"]
    assert albania["geography_id"] is None and albania["kind"] == "place"
    assert sum(row["note"].startswith("country") for row in rows_by_id.values()) == 252
    # Hong Kong, Macao and Taiwan hang under China, as in the curated seed
    assert rows_by_id["hong_kong"]["geography_id"] == "china"


def test_chinese_cities_take_geonames_english_spelling(rows_by_id):
    # GeoNames lists old names too (宝安, 新安 for Shenzhen): only the one spelling the English
    # name in pinyin gives the division its English name
    assert rows_by_id["shenzhen"]["aliases"].split("|") == ["Shenzhen", "深圳市", "深圳"]
    assert rows_by_id["shenzhen"]["parent_entity_id"] == "guangdong"
    assert "新安" not in rows_by_id["shenzhen"]["aliases"]
    assert rows_by_id["tokyo"]["geography_id"] == "japan"


def test_districts_hang_under_their_city_in_both_scripts_and_languages(rows_by_id):
    binjiang = rows_by_id["binjiang"]
    assert binjiang["name"] == "Binjiang District" and binjiang["parent_entity_id"] == "hangzhou"
    assert rows_by_id["hangzhou"]["parent_entity_id"] == "zhejiang"
    assert binjiang["aliases"].split("|") == [
        "Binjiang District", "Binjiang district", "滨江区", "濱江區", "滨江", "濱江",
        "杭州市滨江区", "杭州市濱江區", "杭州滨江区", "杭州濱江區",
    ]
    # an autonomous prefecture goes by its name without the nationalities
    assert "延边" in rows_by_id["yanbian"]["aliases"].split("|")


def test_a_name_two_divisions_share_needs_its_parent(rows_by_id):
    # 鼓楼区 is a district of Nanjing, Fuzhou, Xuzhou and Kaifeng
    gulou = rows_by_id["gulou"]["aliases"].split("|")
    assert "鼓楼区" not in gulou and "鼓楼" not in gulou and "南京市鼓楼区" in gulou
    assert rows_by_id["suzhou"]["parent_entity_id"] == "jiangsu"
    assert rows_by_id["suzhou_anhui"]["aliases"].split("|") == ["宿州市", "宿州"]


def test_a_name_that_is_also_a_word_needs_its_suffix(rows_by_id):
    aliases = {alias for row in rows_by_id.values() for alias in row["aliases"].split("|")}
    # 新兴县 "emerging", 平安区 "safe", 合作市 "cooperation", 城区 "urban area"
    assert {"新兴县", "平安区", "合作市"} <= aliases
    assert not {"新兴", "平安", "合作", "城区", "矿区"} & aliases


def test_world_cities_by_their_chinese_names(rows_by_id):
    assert rows_by_id["london"]["aliases"].split("|") == ["London", "伦敦", "倫敦"]
    assert {"旧金山", "舊金山"} <= set(rows_by_id["san_francisco"]["aliases"].split("|"))
    assert rows_by_id["new_york"]["name"] == "New York City" and "纽约" in rows_by_id["new_york"]["aliases"]


def test_each_spelling_names_one_place_countries_first(rows_by_id):
    seen: dict[str, str] = {}
    for row in rows_by_id.values():
        for alias in row["aliases"].split("|"):
            assert alias not in seen, (alias, seen.get(alias), row["entity_id"])
            seen[alias] = row["entity_id"]
    assert seen["Singapore"] == "singapore" and rows_by_id["singapore"]["note"].startswith("country")
    assert not set(places.AMBIGUOUS_CITY_NAMES) & set(seen)


def test_slugs_are_ascii_snake_case():
    assert places.slug("Côte d'Ivoire") == "cote_d_ivoire"
    assert places.slug("Mexico City") == "mexico_city"


def test_the_rows_are_computed_once_per_key_and_read_back_equal(tmp_path, monkeypatch, rows_by_id):
    from orchestration.defs.reference import assets

    monkeypatch.setenv("REFERENCE_PLACES_CACHE", str(tmp_path))
    first = assets.cached_place_rows("key-a")
    assert {row["entity_id"]: row for row in first} == rows_by_id
    assert [path.name for path in tmp_path.iterdir()] == ["key-a.json"]

    def not_again():
        raise AssertionError("the rows of a kept key were computed again")

    monkeypatch.setattr(places, "place_rows", not_again)
    assert assets.cached_place_rows("key-a") == first
    (tmp_path / "key-a.json").write_text('[{"entity_id": "tru')  # a damaged copy is computed again
    with pytest.raises(AssertionError, match="computed again"):
        assets.cached_place_rows("key-a")


def test_development_zones_hang_under_their_city_in_both_languages(rows_by_id):
    xixian = rows_by_id["xixian_new_area"]
    assert xixian["parent_entity_id"] == "shaanxi"
    assert {"Xixian New Area", "西咸新区", "西咸新區"} <= set(xixian["aliases"].split("|"))
    xian_zone = rows_by_id["xian_high_tech_zone"]
    assert xian_zone["parent_entity_id"] == "xian"
    assert {"Xi'an High-tech Zone", "Xi'an Hi-Tech Industrial Development Zone", "西安高新区"} <= set(xian_zone["aliases"].split("|"))
    park = rows_by_id["hong_kong_science_park"]
    assert park["parent_entity_id"] == "hong_kong" and "HKSTP" in park["aliases"].split("|")
    # a zone is of a district's level: "the zone", "the park" refer back to it (place_level)
    assert park["note"].startswith("district")


def test_every_state_level_new_area_is_a_place(rows_by_id):
    # 19 state-level new areas: Pudong and Binhai are divisions already (浦东新区, 滨海新区), Nansha
    # goes by its district; the other 16 are listed as zones
    new_areas = [row for row in rows_by_id.values() if row["note"].startswith("district-level zone: state-level new area")]
    assert len(new_areas) == 16
    assert rows_by_id["pudong"]["name"] == "Pudong New Area" and rows_by_id["binhai"]["name"] == "Binhai New Area"
    assert rows_by_id["xiongan_new_area"]["parent_entity_id"] == "hebei"
    assert rows_by_id["tianfu_new_area"]["parent_entity_id"] == "chengdu"


def test_taiwans_divisions_hang_under_taiwan_by_their_chinese_names(rows_by_id):
    # the mainland's division table stops at 台湾省; GeoNames names New Taipei only in English
    new_taipei = rows_by_id["new_taipei"]
    assert new_taipei["parent_entity_id"] == "taiwan"
    assert {"新北市", "新北"} <= set(new_taipei["aliases"].split("|"))
    assert {"臺北市", "台北市"} <= set(rows_by_id["taipei"]["aliases"].split("|"))
    # a county's bare name is its seat's (嘉義 is the city): the county needs 縣
    assert rows_by_id["chiayi_county"]["aliases"].split("|") == ["Chiayi County", "嘉義縣", "嘉义县"]
    assert "嘉義" in rows_by_id["chiayi"]["aliases"].split("|")
    # the mainland counties of the same pinyin are told apart by their city
    assert rows_by_id["taoyuan"]["note"] == "municipality 桃園市 (Taiwan)"
    assert "桃源县" in rows_by_id["taoyuan_changde"]["aliases"].split("|")
    assert "依兰县" in rows_by_id["yilan_haerbin"]["aliases"].split("|")
    assert sum(row["parent_entity_id"] == "taiwan" for row in rows_by_id.values()) == 20
