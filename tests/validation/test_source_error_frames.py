"""The frames of the rules that list a document's own errors read dbt's judgement
(intermediate.int_figures_checked) rather than judging again: each is run here on a small
hand-built warehouse, so a figure dbt quarantined is rejected by its rule and only by it."""

from __future__ import annotations

import duckdb
import pandas as pd
import pytest

from expectations.validate import load_rules, read_frame, validate_frames

RULES = {rule.id: rule for rule in load_rules()}

FOOTNOTE = (
    "footnote_fused_restatement: 'US$250.2 billion' restating 'RMB344.8 billion' implies 1.378 CNY per USD"
    " against the reference 6.62 (2018); without its leading digit, a footnote marker, 6.869"
)
PART = "part_exceeds_whole: '115家' is stated as a part of '91家' in one sentence but is 1.26 times it"
NOUN = (
    "implausible_for_its_noun: '1.25 trillion' self-employed small businesses is over 100x the plausible"
    " maximum of every indicator its noun names (enterprises_in_existence 1,000,000,000): a scale word is wrong in the source"
)
RESTATED = (
    "unit_contradicts_restatement: '$26 billion 170 million' (USD) and '26 billion 170 million yuan' (CNY) in one"
    " document state the same number, in currencies never within 3x of each other: a currency sign is wrong"
    " (the '$' sign, not the named CNY)"
)
SCALE = "scale_disagreement: '500 million to 1 billion yuan' reads 500,000,000 by the scale words seed but 500 by the extractor"

# figure_id, surface_text, quarantine_reason
FIGURES = [
    ("j@0", "RMB344.8 billion", None),
    ("j@1", "US$250.2 billion", FOOTNOTE),
    ("a@0", "53.96 billion yuan", None),
    ("a@1", "$7.25 billion", None),
    ("k@0", "91家", None),
    ("k@1", "115家", PART),
    ("l@0", "1.25 trillion", NOUN),
    ("i@0", "500 million to 1 billion yuan", SCALE),
    ("q@0", "26 billion 170 million yuan", None),
    ("q@1", "$26 billion 170 million", RESTATED),
]
# mention_id, restates, implied rate, rate ratio, impossible, footnote fused, unfused rate,
# stated whole, part contradiction, noun implausibility, scale disagreement
CHECKS = [
    ("j@0", None, None, None, None, None, None, None, None, None, False),
    ("j@1", "j@0", 1.378, 0.208, False, True, 6.869, None, None, None, False),
    ("a@0", None, None, None, None, None, None, None, None, None, False),
    ("a@1", "a@0", 7.44, 1.12, False, False, None, None, None, None, False),
    ("k@0", None, None, None, None, None, None, None, None, None, False),
    ("k@1", None, None, None, None, None, None, "k@0", PART, None, False),
    ("l@0", None, None, None, None, None, None, None, None, NOUN, False),
    ("i@0", None, None, None, None, None, None, None, None, None, True),
    ("q@0", None, None, None, None, None, None, None, None, None, False),
    ("q@1", None, None, None, None, None, None, None, None, None, False),
]
# mention_id: (the figure stating the same number otherwise, why)
CONTRADICTED = {"q@1": ("q@0", RESTATED)}


@pytest.fixture
def warehouse(tmp_path):
    connection = duckdb.connect(str(tmp_path / "warehouse.duckdb"))
    connection.execute("create schema marts; create schema intermediate")
    figures = pd.DataFrame(FIGURES, columns=["figure_id", "surface_text", "quarantine_reason"])
    figures["document_id"] = figures["figure_id"].str[0]
    figures["is_quarantined"] = figures["quarantine_reason"].notna()
    checks = pd.DataFrame(CHECKS, columns=[
        "mention_id", "restates_mention_id", "implied_rate", "rate_ratio", "is_conversion_impossible",
        "is_footnote_fused", "unfused_rate", "stated_whole_mention_id", "part_whole_contradiction",
        "noun_implausibility", "is_scale_disagreement"])  # fmt: skip
    checks["document_id"] = checks["mention_id"].str[0]
    checks["contradicting_mention_id"] = checks["mention_id"].map(lambda m: CONTRADICTED.get(m, (None, None))[0])
    checks["restatement_contradiction"] = checks["mention_id"].map(lambda m: CONTRADICTED.get(m, (None, None))[1])
    # rates seen for the pair in any year: a@1's 7.44 lies 12% above them, j@1's 1.378 far below
    checks["lowest_rate_seen"] = 6.1
    checks["highest_rate_seen"] = 6.62
    checks["seen_rate_ratio"] = checks["implied_rate"].map(
        lambda rate: None if pd.isna(rate) else rate / 6.62 if rate > 6.62 else rate / 6.1 if rate < 6.1 else 1.0
    )
    checks["implied_rate_unit"] = "CNY per USD"
    checks["reference_rate"] = 6.62
    checks["reference_rate_year"] = 2018
    checks["reference_rate_date"] = "2018-12-31"
    connection.register("figures", figures)
    connection.register("checks", checks)
    connection.execute("create table marts.fct_figure as select * from figures")
    connection.execute("create table intermediate.int_figures_checked as select * from checks")
    yield connection
    connection.close()


def _rejected(connection, rule_id: str) -> list[str]:
    rule = RULES[rule_id]
    frame = read_frame(connection, rule)
    (outcome,) = validate_frames({rule.id: frame}, [rule])
    assert outcome.error is None
    return sorted(outcome.issues["row_key"]) if len(outcome.issues) else []


def test_a_fused_footnote_marker_is_listed_by_its_rule_and_not_as_a_rate_10_percent_off(warehouse):
    assert _rejected(warehouse, "fx_footnote_marker_fused") == ["j@1"]
    # a@1 is 12% off: the 10% warning lists it, not the footnoted j@1
    assert _rejected(warehouse, "fx_rate_near_reference") == ["a@1"]
    assert _rejected(warehouse, "fx_rate_order_of_magnitude") == []


def test_a_part_above_its_stated_whole_is_listed_with_the_whole(warehouse):
    assert _rejected(warehouse, "stated_part_not_above_whole") == ["k@1"]
    frame = read_frame(warehouse, RULES["stated_part_not_above_whole"]).set_index("row_key")
    assert frame.loc["k@1", "whole_text"] == "91家"


def test_an_unclassified_count_beyond_its_nouns_indicators_is_listed(warehouse):
    assert _rejected(warehouse, "figure_plausible_for_its_noun") == ["l@0"]


def test_a_number_restated_in_a_currency_far_from_it_is_listed_with_the_other_statement(warehouse):
    assert _rejected(warehouse, "restated_number_keeps_its_unit") == ["q@1"]
    frame = read_frame(warehouse, RULES["restated_number_keeps_its_unit"]).set_index("row_key")
    assert frame.loc["q@1", "other_surface_text"] == "26 billion 170 million yuan"


def test_scale_readings_read_the_normalised_models_judgement(warehouse):
    assert _rejected(warehouse, "scale_readings_agree") == ["i@0"]


def test_a_year_glued_to_a_further_digit_is_listed_and_a_plain_one_not(tmp_path):
    connection = duckdb.connect(str(tmp_path / "years.duckdb"))
    connection.execute("create schema marts")
    sentence = "香港的初创企业由22014年的约1,000间,上升至2024年的近4,700间。"
    rows = pd.DataFrame(
        [("y@0", "1,000间", "2014年", "2014", "text", sentence),
         ("y@1", "4,700间", "2024年", "2024", "text", sentence),
         # a number that only contains the year's digits is no misprinted year
         ("y@2", "RMB120145 million", "2014", "2014", "text", "RMB120145 million in 2014")],
        columns=["figure_id", "surface_text", "period_text", "period_label", "period_source", "sentence_text"])  # fmt: skip
    rows["document_id"] = "y"
    connection.register("rows", rows)
    connection.execute("create table marts.fct_figure as select * from rows")
    assert _rejected(connection, "period_year_well_formed") == ["y@0"]
    frame = read_frame(connection, RULES["period_year_well_formed"]).set_index("row_key")
    assert frame.loc["y@0", "written_year"] == "22014年"
    connection.close()
