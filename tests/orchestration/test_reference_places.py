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


def test_chinese_city_names_are_those_that_spell_the_english_name(rows_by_id):
    # GeoNames lists old names too (宝安, 新安 for Shenzhen): only the pinyin spelling is kept
    assert rows_by_id["shenzhen"]["aliases"].split("|") == ["Shenzhen", "深圳市", "深圳"]
    assert "新安" not in rows_by_id["shenzhen"]["aliases"]
    # a smaller city is matched by its name with 市, not by a bare two-character word
    quanzhou = rows_by_id["quanzhou"]["aliases"].split("|")
    assert quanzhou == ["Quanzhou", "泉州市", "泉州"]
    assert rows_by_id["tokyo"]["geography_id"] == "japan"


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
