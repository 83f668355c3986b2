"""The warehouse answers the questions it was built for, from a real pipeline run on the seeds.

One run of the whole job (ingest, extract, FX reference, dbt build, publish), shared with the
other seed-build tests (tests/conftest.py), then each test asks the published warehouse one question an analyst would ask, read-only.
"""

from __future__ import annotations

import duckdb
import pytest

EMBASSY = "2018-12-05_torch-report-latest-progress-embassy"  # seed 001
BROCHURE = "2018_torch-report-pujiang-forum-brochure"  # seed 003


@pytest.fixture(scope="module")
def warehouse(seed_build):
    assert seed_build.result.success
    with duckdb.connect(str(seed_build.published), read_only=True) as connection:
        yield connection


def one(connection, sql: str, *params) -> dict:
    cursor = connection.execute(sql, list(params))
    rows = cursor.fetchall()
    assert len(rows) == 1, (sql, params, rows)
    return dict(zip([column[0] for column in cursor.description], rows[0]))


def value(connection, indicator: str, period: str, geography: str | None = "china", entity: str | None = None,
          status: str = "actual", value_basis: str = "reported", rate_basis: str | None = None) -> dict:
    return one(
        connection,
        """
        select * from marts.fct_indicator_value
        where indicator_id = ? and period_label = ? and geography_id is not distinct from ?
            and entity_id is not distinct from ? and status = ? and value_basis = ?
            and rate_basis is not distinct from ?
        """,
        indicator, period, geography, entity, status, value_basis, rate_basis,
    )


def test_every_mart_is_built(warehouse):
    counts = {
        table: warehouse.execute(f"select count(*) from marts.{table}").fetchall()[0][0]
        for table in ["dim_document", "dim_indicator", "dim_entity", "fct_figure", "fct_indicator_observation", "fct_indicator_value"]
    }
    assert counts["dim_document"] == 5
    assert counts["fct_figure"] == warehouse.execute("select count(*) from staging.stg_mentions").fetchall()[0][0]
    assert all(count > 0 for count in counts.values()), counts


def test_makerspaces_china_2017_reconciled_from_embassy_page_and_brochure(warehouse):
    row = value(warehouse, "makerspaces", "2017")
    assert row["chosen_value"] == 5739 and row["chosen_qualifier"] == "exact"
    assert row["n_sources"] == 2 and row["values_agree"]
    assert set(row["document_ids"].split(", ")) == {EMBASSY, BROCHURE}


def test_makerspace_jobs_2017_over_1_05_million(warehouse):
    row = value(warehouse, "jobs_provided", "2017")
    assert row["chosen_qualifier"] == "over"
    assert row["chosen_value_low"] == 1_050_000 and row["chosen_value_high"] is None


def test_government_funding_to_incubated_enterprises_2017(warehouse):
    row = value(warehouse, "government_funding_to_incubated_firms", "2017")
    assert row["unit"] == "CNY" and row["chosen_value"] == 3_150_000_000
    assert row["n_sources"] == 2 and row["values_agree"]


def test_investment_won_2017_with_its_two_parts(warehouse):
    total = value(warehouse, "investment_won", "2017")
    social = value(warehouse, "investment_won_from_social_sectors", "2017")
    spaces = value(warehouse, "investment_won_from_spaces", "2017")
    assert total["chosen_value"] == 67e9 and total["chosen_qualifier"] == "about"
    assert social["chosen_value"] == 57e9 and spaces["chosen_value"] == 10e9
    parts = dict(warehouse.execute(
        "select indicator_id, part_of_indicator_id from marts.dim_indicator where part_of_indicator_id = 'investment_won'"
    ).fetchall())
    assert set(parts) == {"investment_won_from_social_sectors", "investment_won_from_spaces"}


def test_shanghai_start_up_funds_keep_their_fallback_period_out_of_reconciled_values(warehouse):
    # "In Shanghai 19 billion yuan has been allocated to 53 investment funds": the text gives no
    # period, so the publication year stands in, flagged, and the figures never enter
    # fct_indicator_value.
    funds = one(warehouse, "select * from marts.fct_indicator_observation where indicator_id = 'startup_investment_funds' and geography_id = 'shanghai'")
    assert funds["value_central"] == 53 and funds["period_is_fallback"]
    capital = one(warehouse, "select * from marts.fct_figure where surface_text = '19 billion yuan'")
    assert capital["value_point"] == 19e9 and capital["geography_id"] == "shanghai" and capital["period_is_fallback"]
    reconciled = warehouse.execute(
        "select count(*) from marts.fct_indicator_value where indicator_id in ('startup_investment_funds', 'startup_fund_capital') and geography_id = 'shanghai' and period_label = '2017'"
    ).fetchone()[0]
    assert reconciled == 0


def test_launch_price_in_china_per_kilogram(warehouse):
    row = one(warehouse, "select * from marts.fct_indicator_observation where indicator_id = 'launch_price_per_kg' and geography_id = 'china'")
    assert (row["value_low"], row["value_high"], row["unit"], row["rate_basis"]) == (20_000, 30_000, "USD", "kilogram")
    assert row["value_point"] is None and row["value_cny_low"] > row["value_low"]


def test_ucloud_2015_daily_sales_with_annualised_value(warehouse):
    daily = value(warehouse, "company_sales", "2015", geography="shanghai", entity="ucloud", rate_basis="day")
    assert daily["chosen_value"] == 1_000_000 and not daily["is_derived"]
    annual = value(warehouse, "company_sales", "2015", geography="shanghai", entity="ucloud", rate_basis="year", value_basis="annualised")
    assert annual["is_derived"] and annual["chosen_value"] == 365_000_000
    derived = one(warehouse, "select * from marts.fct_indicator_observation where observation_id = ?", annual["chosen_observation_id"])
    assert derived["parent_observation_id"] == daily["chosen_observation_id"] and derived["derived_from_rate_basis"] == "day"


def test_ucloud_2017_sales_expected(warehouse):
    row = value(warehouse, "company_sales", "2017", geography="shanghai", entity="ucloud", status="expected")
    assert row["chosen_value"] == 1e9


def test_business_registrations_2012_and_2016(warehouse):
    # A flow ("business registration ... jumping from 9.46 million in 2012 to 16.51 million in
    # 2016"). Its place is read as Shanghai, the one place the document's title names: the
    # national scope is only known from the size of the figures (a known limit of the rule).
    rows = warehouse.execute(
        "select period_label, value_point, measure_type from marts.fct_figure where indicator_id = 'new_market_entities_registered' order by period_label"
    ).fetchall()
    assert [(period, value, kind) for period, value, kind in rows] == [("2012", 9_460_000, "flow"), ("2016", 16_510_000, "flow")]


def test_incubators_china_2014_over_1600(warehouse):
    row = value(warehouse, "incubators", "2014")
    assert (row["chosen_qualifier"], row["chosen_value_low"], row["chosen_value_high"]) == ("over", 1600, None)


def test_venture_capital_2014_over_350_billion_yuan(warehouse):
    row = value(warehouse, "venture_capital_under_management", "2014")
    assert (row["chosen_qualifier"], row["chosen_value_low"], row["unit"]) == ("over", 350e9, "CNY")


def test_funds_raised_2016_with_stated_dollars_and_implied_rate(warehouse):
    row = one(warehouse, "select * from marts.fct_indicator_observation where indicator_id = 'funds_raised_for_projects' and period_label = '2016'")
    assert row["value_point"] == 53.96e9 and row["unit"] == "CNY"
    assert row["stated_equivalent_unit"] == "USD" and row["stated_equivalent_value"] == pytest.approx(7.83e9)
    assert row["stated_implied_rate"] == pytest.approx(53.96 / 7.83)
    # the reference rate (ECB annual average for 2016) is recorded beside it
    assert row["fx_rate_year"] == 2016 and 6.0 < row["fx_rate_cny_per_usd"] < 7.5 and row["fx_rate_date"] is not None
    assert row["value_usd"] == pytest.approx(53.96e9 / row["fx_rate_cny_per_usd"])


def test_growth_rate_implies_prior_year_makerspaces(warehouse):
    row = value(warehouse, "makerspaces", "2016", value_basis="prior_period_implied")
    assert row["is_derived"] and row["chosen_qualifier"] == "under"
    assert row["chosen_value_high"] == pytest.approx(5739 / 1.33)


def test_nothing_is_dropped_and_every_observation_traces_to_a_figure(warehouse):
    unclassified = warehouse.execute("select count(*) from marts.fct_figure where indicator_id is null").fetchall()[0][0]
    assert unclassified > 0
    orphans = warehouse.execute(
        "select count(*) from marts.fct_indicator_observation o anti join marts.fct_figure f using (figure_id)"
    ).fetchall()[0][0]
    assert orphans == 0
