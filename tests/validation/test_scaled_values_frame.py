"""no_leftover_scale is an error-level rule: a row it rejects stops the publish. Its frame is run
here on a small hand-built fct_figure against the real scale-word and unit seeds, so a figure
whose unit is converted (km2 and mu to m2) is never mistaken for a scale left over."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from expectations.validate import load_rules, read_frame

SEEDS = Path(__file__).resolve().parents[2] / "dbt_project" / "seeds"
RULE = {rule.id: rule for rule in load_rules()}["no_leftover_scale"]

# figure_id, surface_text, number_text, scale_text, extracted_unit, unit_class, stored value (base units)
FIGURES = [
    ("area_wan_km2", "10万平方公里", "10", "万", "km2", "area", 1e11),
    ("area_million_km2", "9.6 million square kilometres", "9.6", "million", "km2", "area", 9.6e12),
    ("area_wan_mu", "5万亩", "5", "万", "mu", "area", 5e4 * 2000 / 3),
    ("money_applied", "3.15 billion yuan", "3.15", "billion", "CNY", "currency", 3.15e9),
    ("money_left_over", "3.15 billion yuan", "3.15", "billion", "CNY", "currency", 3.15),
    ("area_left_over", "10万平方公里", "10", "万", "km2", "area", 1e5 * 1e6 / 1e4),
    ("count_yi", "1.2亿户", "1.2", "亿", "count", "count", 1.2e8),
    ("money_negative", "RMB9.2 billion", "9.2", "billion", "CNY", "currency", -9.2e9),
    ("money_negative_left_over", "-2,318.5万元", "2,318.5", "万", "CNY", "currency", -2318.5),
    # a page's garbled "擔?;?000萬元": zero, whatever the scale (it stopped a publish once)
    ("money_zero", "000萬元", "000", "萬", "CNY", "currency", 0.0),
]


@pytest.fixture
def warehouse(tmp_path):
    connection = duckdb.connect(str(tmp_path / "warehouse.duckdb"))
    connection.execute("create schema marts; create schema reference")
    for seed in ("scale_words", "unit_aliases"):
        connection.execute(
            f"create table reference.{seed} as select * from read_csv(?, header = true)",
            [str(SEEDS / f"{seed}.csv")],
        )
    connection.execute(
        "create table marts.fct_figure (figure_id varchar, document_id varchar, surface_text varchar,"
        " number_text varchar, scale_text varchar, extracted_unit varchar, unit_class varchar,"
        " value_low double, value_high double, is_scale_known boolean)"
    )
    for figure_id, surface, number, scale, unit, unit_class, value in FIGURES:
        connection.execute(
            "insert into marts.fct_figure values (?, 'doc', ?, ?, ?, ?, ?, ?, ?, true)",
            [figure_id, surface, number, scale, unit, unit_class, value, value],
        )
    yield connection
    connection.close()


def test_converted_units_are_not_taken_for_a_leftover_scale(warehouse):
    frame = read_frame(warehouse, RULE).set_index("row_key")
    assert frame["scale_is_applied"].to_dict() == {
        "area_wan_km2": True,
        "area_million_km2": True,
        "area_wan_mu": True,
        "money_applied": True,
        "money_left_over": False,
        "area_left_over": False,
        "count_yi": True,
        "money_negative": True,
        "money_negative_left_over": False,
        "money_zero": True,
    }
    assert frame.loc["area_wan_km2", "value_expected"] == pytest.approx(1e11)
