"""The digits int_figures_checked compares when a document states a number twice (the rule
restated_number_keeps_its_unit): the expression is read from the model and run in DuckDB, so the
test checks the model's own SQL. A number keeps its digits whatever scale word it is written with,
and two numbers with different digits never share them."""

from __future__ import annotations

import re
from pathlib import Path

import duckdb
from hypothesis import given, settings
from hypothesis import strategies as st

MODEL = Path(__file__).resolve().parents[2] / "dbt_project" / "models" / "intermediate" / "int_figures_checked.sql"


def _digits_expression() -> str:
    text = MODEL.read_text(encoding="utf-8")
    match = re.search(r"(trim\(\s*regexp_replace\(.*?\)\s*,\s*'0'\s*\))\s*as significant_digits", text, re.DOTALL)
    assert match, "int_figures_checked names the significant digits of each level"
    return match.group(1).replace("value_stated", "$value")


CONNECTION = duckdb.connect()
EXPRESSION = _digits_expression()


def significant_digits(value: float) -> str:
    return CONNECTION.execute(f"select {EXPRESSION}", {"value": value}).fetchone()[0]


# mantissas as written: 3 to 7 digits, the last not a zero ("2617", "1256", "4257469")
mantissas = st.integers(min_value=100, max_value=9_999_999).filter(lambda m: m % 10 != 0)


@settings(max_examples=200, deadline=None)
@given(mantissas, st.integers(min_value=-3, max_value=6))
def test_a_number_keeps_its_digits_whatever_its_scale(mantissa, exponent):
    value = float(f"{mantissa}e{exponent}")  # 2617e7: "26 billion 170 million"
    assert significant_digits(value) == str(mantissa)


@settings(max_examples=200, deadline=None)
@given(mantissas, mantissas, st.integers(min_value=0, max_value=6), st.integers(min_value=0, max_value=6))
def test_different_digits_are_never_taken_for_one_number(first, second, first_exponent, second_exponent):
    if first == second:
        return
    assert significant_digits(float(f"{first}e{first_exponent}")) != significant_digits(float(f"{second}e{second_exponent}"))


def test_examples():
    assert significant_digits(26_170_000_000.0) == "2617"
    assert significant_digits(3255.0) == "3255"
    assert significant_digits(0.5) == "5"
    assert significant_digits(1_100_000_000_000.0) == "11"
