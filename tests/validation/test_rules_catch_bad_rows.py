"""Each rule's expectation really evaluates: it passes a good frame and rejects a bad one.

Frames are built by hand with the columns the rule's SQL frame yields, so every rule family is
shown failing on bad data (with its message), not only passing on good data.
"""

from __future__ import annotations

import pandas as pd
import pytest

from expectations import validate
from expectations.validate import failed_error_rules, load_rules, validate_frames

RULES = {rule.id: rule for rule in load_rules()}

# rule id -> (a good row, a bad row, a fragment the bad row's message must contain)
CASES = {
    "quote_matches_surface_text": (
        {"start_char": 0, "end_char": 5, "surface_text": "5,739", "quote": "5,739"},
        {"start_char": 0, "end_char": 5, "surface_text": "5,739", "quote": "5,73 "},
        "reads '5,73 ', not the figure's surface text '5,739'",
    ),
    "money_has_iso_currency": (
        {"surface_text": "RMB 350 billion", "document_id": "doc", "unit": "CNY", "is_iso_currency": True},
        {"surface_text": "350 billion coins", "document_id": "doc", "unit": "coins", "is_iso_currency": False},
        "has unit 'coins', not an ISO 4217 code dbt_project/seeds/currency_aliases.csv lists: kept in that unit, unconverted",
    ),
    "figure_has_unit_class": (
        {"surface_text": "25 million ㎡", "unit_class": "area"},
        {"surface_text": "25 million", "unit_class": None},
        "'25 million' has no unit class",
    ),
    "no_leftover_scale": (
        {"surface_text": "3.15 billion yuan", "scale_text": "billion", "value_base": 3.15e9, "value_expected": 3.15e9, "scale_is_applied": True},
        {"surface_text": "3.15 billion yuan", "scale_text": "billion", "value_base": 3.15, "value_expected": 3.15e9, "scale_is_applied": False},
        "stored as 3.15 but 'billion' makes it 3,150,000,000.0",
    ),
    "scale_word_known": (
        {"surface_text": "two dozen", "document_id": "doc", "scale_text": "dozen", "is_scale_known": True},
        {"surface_text": "a gross of", "document_id": "doc", "scale_text": "gross", "is_scale_known": False},
        "written with the scale word 'gross', which dbt_project/seeds/scale_words.csv does not list: quarantined",
    ),
    "scale_readings_agree": (
        {"surface_text": "30-40 million yuan", "document_id": "doc", "quarantine_reason": None, "readings_agree": True},
        {"surface_text": "500 million to 1 billion yuan", "document_id": "doc",
         "quarantine_reason": "scale_disagreement: '500 million to 1 billion yuan' reads 500 by the scale words seed but 500,000,000 by the extractor",
         "readings_agree": False},
        "reads 500 by the scale words seed but 500,000,000 by the extractor: quarantined",
    ),
    "stated_parts_add_up_within_whole": (
        {"surface_text": "91家", "document_id": "doc", "parts_sum_contradiction": None, "parts_within_whole": True},
        {"surface_text": "91家", "document_id": "doc",
         "parts_sum_contradiction": "parts_exceed_whole: the parts '40家' + '35家' + '30家' stated after '91家' add up"
         " to 105, 1.15 times it: a part is wrong or the list counts something twice",
         "parts_within_whole": False},
        "'91家' in doc: parts_exceed_whole: the parts '40家' + '35家' + '30家' stated after '91家' add up to 105",
    ),
    "restated_number_keeps_its_unit": (
        {"surface_text": "26 billion 170 million yuan", "document_id": "doc", "restatement_contradiction": None,
         "agrees_with_its_restatements": True},
        {"surface_text": "$26 billion 170 million", "document_id": "doc",
         "restatement_contradiction": "unit_contradicts_restatement: '$26 billion 170 million' (USD) and '26 billion 170"
         " million yuan' (CNY) in one document state the same number, in currencies never within 3x of each other: a"
         " currency sign is wrong (the '$' sign, not the named CNY)",
         "agrees_with_its_restatements": False},
        "a currency sign is wrong (the '$' sign, not the named CNY): quarantined (left out of reconciled values)",
    ),
    "low_not_above_high": (
        {"surface_text": "30-50 thousand", "value_low": 30000.0, "value_high": 50000.0},
        {"surface_text": "50-30 thousand", "value_low": 50000.0, "value_high": 30000.0},
        "has low 50,000.0 above high 30,000.0",
    ),
    "share_within_0_100": (
        {"surface_text": "72.5 percent", "share_percent": 72.5},
        {"surface_text": "130 percent", "share_percent": 130.0},
        "outside [0, 100]",
    ),
    "count_not_negative": (
        {"surface_text": "1,600", "count_value": 1600.0},
        {"surface_text": "-3", "count_value": -3.0},
        "is negative",
    ),
    "indicator_within_plausible_range": (
        {"surface_text": "5,739", "value_central": 5739.0, "label": "Makerspaces", "place": "china", "period_label": "2017",
         "bound_text": "within the plausible range", "peer_text": "", "is_plausible": True},
        {"surface_text": "7500 thousands", "value_central": 7.5e6, "label": "Incubation / hatching platforms", "place": "china",
         "period_label": "2017", "bound_text": "above the plausible maximum of 100,000 (75.0x)",
         "peer_text": "; compare 1,600 incubators (2014) and 5,739 makerspaces (2017)", "is_plausible": False},
        "'7500 thousands' = 7,500,000 Incubation / hatching platforms in china (2017) is implausible: above the plausible maximum",
    ),
    "year_total_matches_its_rates": (
        {"document_id": "t", "indicator_id": "new_enterprises_registered", "place": "china", "period_label": "2018",
         "total_value": 6.7e6, "rate_document_id": "r", "rate_period_label": "2018-H1", "rate_value": 6606500.0,
         "ratio": 1.01, "is_consistent": True},
        {"document_id": "t", "indicator_id": "new_enterprises_registered", "place": "china", "period_label": "2018",
         "total_value": 67.0e6, "rate_document_id": "r", "rate_period_label": "2018-H1", "rate_value": 6606500.0,
         "ratio": 10.14, "is_consistent": False},
        "new_enterprises_registered (china, 2018) = 67,000,000 per t, but r gives a rate for 2018-H1 that is 6,606,500 a year: 10.1x apart",
    ),
    "figure_plausible_for_its_noun": (
        {"surface_text": "1.25 million", "noun_implausibility": None, "is_plausible_for_its_noun": True},
        {"surface_text": "1.25 trillion", "is_plausible_for_its_noun": False,
         "noun_implausibility": "implausible_for_its_noun: '1.25 trillion' self-employed small businesses is over 100x the plausible maximum of every indicator its noun names (enterprises_in_existence 1,000,000,000): a scale word is wrong in the source"},
        "'1.25 trillion' in doc: implausible_for_its_noun: '1.25 trillion' self-employed small businesses is over 100x the plausible maximum",
    ),
    "stated_part_not_above_whole": (
        {"surface_text": "16家", "whole_text": "91家", "part_whole_contradiction": None, "part_within_whole": True},
        {"surface_text": "115家", "whole_text": "91家", "part_within_whole": False,
         "part_whole_contradiction": "part_exceeds_whole: '115家' is stated as a part of '91家' in one sentence but is 1.26 times it"},
        "'115家' in doc: part_exceeds_whole: '115家' is stated as a part of '91家' in one sentence but is 1.26 times it: quarantined",
    ),
    "period_year_well_formed": (
        {"surface_text": "4,700间", "period_text": "2024年", "period_label": "2024", "written_year": "2024年",
         "is_year_well_formed": True},
        {"surface_text": "1,000间", "period_text": "2014年", "period_label": "2014", "written_year": "22014年",
         "is_year_well_formed": False},
        "'1,000间' in doc is dated by '22014年' in its sentence, a misprinted year, read as 2014",
    ),
    "part_not_above_whole": (
        {"part_label": "Graduates hired", "whole_label": "People employed", "place": "china", "period_label": "2017",
         "part_value": 460000.0, "whole_value": 1.7e6, "whole_document_id": "b", "excess_ratio": -0.73},
        {"part_label": "Graduates hired", "whole_label": "People employed", "place": "china", "period_label": "2017",
         "part_value": 2.0e6, "whole_value": 1.7e6, "whole_document_id": "b", "excess_ratio": 0.18},
        "Graduates hired (china, 2017) = 2,000,000 (doc) exceeds its whole, People employed = 1,700,000 (b)",
    ),
    "parts_sum_to_whole": (
        {"whole_indicator_id": "investment_won", "place": "china", "period_label": "2017", "parts_text": "57 + 10",
         "parts_value": 67e9, "whole_value": 67e9, "relative_gap": 0.0},
        {"whole_indicator_id": "investment_won", "place": "china", "period_label": "2017", "parts_text": "57 + 10",
         "parts_value": 67e9, "whole_value": 97e9, "relative_gap": 0.31},
        "add up to 57 + 10 = 67,000,000,000, not the whole 97,000,000,000",
    ),
    "growth_rate_matches_values": (
        {"indicator_id": "makerspaces", "place": "china", "growth_qualifier": "over", "stated_growth_percent": 33.0,
         "current_period": "2017", "current_value": 5739.0, "prior_document_id": "b", "prior_value": 4000.0,
         "prior_period": "2016", "actual_growth_percent": 43.5, "growth_excess_pp": 0.0},
        {"indicator_id": "makerspaces", "place": "china", "growth_qualifier": "over", "stated_growth_percent": 33.0,
         "current_period": "2017", "current_value": 5739.0, "prior_document_id": "b", "prior_value": 5000.0,
         "prior_period": "2016", "actual_growth_percent": 14.8, "growth_excess_pp": 17.7},
        "grew by over 33.0% to 2017 per doc (5,739), but b gives 5,000 for 2016: actual growth 14.8%",
    ),
    "growth_matches_stated_levels": (
        {"surface_text": "20 percent", "base_text": "100", "growth_contradiction": None, "levels_agree": True},
        {"surface_text": "178.6 percent", "base_text": "10.01 million", "levels_agree": False,
         "growth_contradiction": "growth_contradicts_levels: '178.6 percent' stated with '10.01 million' and '15.61 million', which imply 55.9%"},
        "'178.6 percent' in doc: growth_contradicts_levels: '178.6 percent' stated with '10.01 million' and '15.61 million', which imply 55.9%; the base '10.01 million' is quarantined",
    ),
    "sources_agree": (
        {"indicator_id": "makerspaces", "place": "china", "period_label": "2017", "n_supporting_sources": 2,
         "chosen_value": 5739.0, "chosen_document_id": "a", "disagreeing_values": "", "agreement_tolerance": 0.01,
         "values_agree": True},
        {"indicator_id": "makerspaces", "place": "china", "period_label": "2017", "n_supporting_sources": 2,
         "chosen_value": 5739.0, "chosen_document_id": "a", "disagreeing_values": "c: 6,900", "agreement_tolerance": 0.01,
         "values_agree": False},
        "2 source(s) agree on 5,739 (a); disagreeing: c: 6,900",
    ),
    "languages_agree": (
        {"indicator_id": "makerspaces", "place": "china", "period_label": "2017", "other_document_id": "en",
         "chinese_text": "5739家", "chinese_value": 5739.0, "other_text": "5,739", "other_value": 5739.0,
         "agreement_tolerance": 0.01, "values_agree": True},
        {"indicator_id": "makerspaces", "place": "china", "period_label": "2017", "other_document_id": "en",
         "chinese_text": "5739家", "chinese_value": 5739.0, "other_text": "5,379", "other_value": 5379.0,
         "agreement_tolerance": 0.01, "values_agree": False},
        "the Chinese doc says 5,739 ('5739家') but en says 5,379 ('5,379')",
    ),
    "translation_keeps_figures": (
        {"original_document_id": "zh", "original_value": 5739.0, "original_text": "5739家",
         "indicator_text": " for makerspaces (china, 2017)", "verdict": "says 5,739 ('5,739')", "is_kept": True},
        {"original_document_id": "zh", "original_value": 5739.0, "original_text": "5739家",
         "indicator_text": " for makerspaces (china, 2017)", "verdict": "says 5,379 ('5,379')", "is_kept": False},
        "zh says 5,739 ('5739家') for makerspaces (china, 2017) but its translation doc says 5,379 ('5,379')",
    ),
    "fx_rate_near_reference": (
        {"surface_text": "53.96 billion yuan", "equivalent_surface_text": "$7.83 billion", "implied_rate": 6.89,
         "implied_rate_unit": "CNY per USD", "reference_rate": 6.64, "fx_rate_date": "2016-12-30",
         "lowest_rate_seen": 6.148, "highest_rate_seen": 8.166, "possible_rate_ratio": 1.0},
        {"surface_text": "10 billion yuan", "equivalent_surface_text": "$2 billion", "implied_rate": 5.0,
         "implied_rate_unit": "CNY per USD", "reference_rate": 6.64, "fx_rate_date": "2016-12-30",
         "lowest_rate_seen": 6.148, "highest_rate_seen": 8.166, "possible_rate_ratio": 0.813},
        (
            "in doc implies 5 CNY per USD against the reference 6.64 (2016-12-30): more than 10% outside every rate"
            " seen for the pair (6.148 to 8.166)"
        ),
    ),
    "fx_footnote_marker_fused": (
        {"surface_text": "RMB344.8 billion", "equivalent_surface_text": "US$50.2 billion", "implied_rate_text": "6.869",
         "implied_rate_unit": "CNY per USD", "reference_rate": 6.619, "reference_rate_year": 2018, "unfused_rate": None,
         "is_footnote_fused": False},
        {"surface_text": "RMB344.8 billion", "equivalent_surface_text": "US$250.2 billion", "implied_rate_text": "1.378",
         "implied_rate_unit": "CNY per USD", "reference_rate": 6.619, "reference_rate_year": 2018, "unfused_rate": 6.869,
         "is_footnote_fused": True},
        (
            "doc: 'US$250.2 billion' restating 'RMB344.8 billion' implies 1.378 CNY per USD against the reference 6.619"
            " (2018), 6.869 without its leading digit: a footnote marker fused to the number; the restatement is quarantined"
        ),
    ),
    "fx_rate_order_of_magnitude": (
        {"surface_text": "53.96 billion yuan", "equivalent_surface_text": "$7.83 billion", "implied_rate_text": "6.89",
         "implied_rate_unit": "CNY per USD", "rate_ratio_text": "1.04", "reference_rate": 6.64, "reference_rate_year": 2016,
         "is_conversion_impossible": False},
        {"surface_text": "53.96 million yuan", "equivalent_surface_text": "$7.83 billion", "implied_rate_text": "0.006891",
         "implied_rate_unit": "CNY per USD", "rate_ratio_text": "0.00104", "reference_rate": 6.64, "reference_rate_year": 2016,
         "is_conversion_impossible": True},
        (
            "doc: '53.96 million yuan' restated as '$7.83 billion' implies 0.006891 CNY per USD, 0.00104 times the"
            " reference 6.64 (2016), more than 3x outside every rate seen for the pair: a scale word or a currency is"
            " wrong in one of the two figures; both are quarantined"
        ),
    ),
    "document_yields_sentences_and_figures": (
        {"title": "A", "n_sentences": 10, "n_figures": 3, "yields_sentences_and_figures": True},
        {"title": "B", "n_sentences": 4, "n_figures": 0, "yields_sentences_and_figures": False},
        "yielded 4 sentences and 0 figures",
    ),
    "one_value_reports_reconciled": (
        {"indicator_id": "company_cities_present", "document_id": "a", "other_document_id": "b",
         "surface_text": "250", "other_surface_text": "250", "published_on": "2018-03-13",
         "differences": "", "is_reconciled": True},
        {"indicator_id": "company_cities_present", "document_id": "a", "other_document_id": "b",
         "surface_text": "250", "other_surface_text": "250", "published_on": "2018-03-13",
         "differences": "owner alibaba / ofo, period from the publication date", "is_reconciled": False},
        ("a ('250') and b ('250') state one value but are not reconciled together"
         " (owner alibaba / ofo, period from the publication date)"),
    ),
    "figure_classified": (
        {"surface_text": "5,739", "unit_class": "count", "counted_noun_text": "makers' spaces", "is_classified": True},
        {"surface_text": "49,000", "unit_class": "count", "counted_noun_text": "teams", "is_classified": False},
        "unclassified count figure '49,000' (teams) for review",
    ),
}


def _frame(*rows: dict) -> pd.DataFrame:
    keyed = [{"row_key": f"row{i}", "document_id": "doc", "figure_id": f"doc@{i}", **row} for i, row in enumerate(rows)]
    return pd.DataFrame.from_records(keyed)


def test_every_rule_has_a_case_and_every_family_is_covered():
    assert set(CASES) == set(RULES)
    assert {rule.family for rule in RULES.values()} == {
        "provenance", "units", "ranges", "part_whole", "growth", "cross_source", "fx", "completeness"
    }


@pytest.mark.parametrize("rule_id", sorted(CASES))
def test_rule_passes_good_rows_and_rejects_the_bad_one(rule_id):
    good, bad, expected_message = CASES[rule_id]
    rule = RULES[rule_id]

    (passing,) = validate_frames({rule_id: _frame(good, good)}, [rule])
    (failing,) = validate_frames({rule_id: _frame(good, bad, good)}, [rule])

    assert passing.success and passing.n_failed == 0 and passing.n_checked == 2
    assert not failing.success and failing.error is None
    assert failing.issues["row_key"].tolist() == ["row1"], "only the bad row is listed"
    issue = failing.issues.iloc[0]
    assert (issue.rule_id, issue.family, issue.severity) == (rule_id, rule.family, rule.severity)
    assert expected_message in issue.message, issue.message


def test_an_expectation_that_cannot_evaluate_counts_as_failed():
    rule = RULES["no_leftover_scale"]
    (outcome,) = validate_frames({rule.id: _frame({"surface_text": "1", "other": 1.0})}, [rule])
    assert not outcome.success and outcome.error
    assert failed_error_rules([outcome]) == {"no_leftover_scale": 0}


def test_severity_comes_from_the_config():
    assert RULES["indicator_within_plausible_range"].severity == "warn"
    # a pairing for review, not a fault: never counted as a warning
    assert RULES["one_value_reports_reconciled"].severity == "info"


def test_only_build_faults_are_errors():
    """What one document says (a wrong conversion, a reversed range, a negative count) is quarantined
    and listed, never a reason to hold back the warehouse; only broken provenance and unit
    invariants are."""
    errors = {rule.id for rule in RULES.values() if rule.severity == "error"}
    assert errors == {"quote_matches_surface_text", "no_leftover_scale"}
    for rule_id in ("fx_rate_order_of_magnitude", "low_not_above_high", "count_not_negative",
                    "fx_footnote_marker_fused", "stated_part_not_above_whole", "figure_plausible_for_its_noun"):
        assert "quarantined" in RULES[rule_id].message


def test_an_impossible_conversion_is_listed_once_not_also_as_off_by_10_percent():
    """The frame nulls possible_rate_ratio for a pair dbt judged impossible: the 10% rule skips it."""
    good, _, _ = CASES["fx_rate_near_reference"]
    impossible = {**good, "implied_rate": 0.006891, "possible_rate_ratio": None}
    rule = RULES["fx_rate_near_reference"]
    (outcome,) = validate_frames({rule.id: _frame(good, impossible)}, [rule])
    assert outcome.success and outcome.n_failed == 0 and outcome.error is None


def test_no_issues_still_makes_a_table_later_issues_fit_in():
    import duckdb

    from expectations.validate import all_issues

    with duckdb.connect() as connection:
        connection.register("empty_issues", all_issues([]))
        connection.execute("create table issues as select * from empty_issues")
        types = {row[1]: row[2] for row in connection.execute("pragma table_info('issues')").fetchall()}
        connection.execute("insert into issues (issue_id, rule_id) values ('r:1', 'r')")
        assert set(types.values()) == {"VARCHAR"} and connection.execute("select count(*) from issues").fetchone()[0] == 1


def test_a_frame_gets_the_shared_relations_it_names_and_no_others():
    rules = RULES
    shared = validate.frame_sql(rules["sources_agree"])
    assert shared.startswith("with concept_cue_matches as (")
    assert shared.count("concept_cue_matches as (") == 1
    plain = validate.frame_sql(rules["money_has_iso_currency"])
    assert "concept_cue_matches" not in plain
    assert plain == (validate.FRAMES_DIR / f"{rules['money_has_iso_currency'].frame}.sql").read_text()
