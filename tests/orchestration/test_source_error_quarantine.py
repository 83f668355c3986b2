"""One document's own error quarantines its figures; it never holds back the other documents.

Run 1 builds and publishes the seed documents (the session's seed build). Run 2, a copy of it
refreshed (tests/conftest.py, crafted_conversion_refresh), adds a crafted document whose only fault is an impossible stated conversion, "1.1 trillion yuan ($167.5 million)" (6,567 CNY per USD,
about a thousand times the reference rate): the run publishes, both figures of the pair stay
in fct_figure quarantined with the rule and the numbers, fct_quality_issue names them at warn
level, and every other document's figures, observations and reconciled values are exactly
those of run 1.
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from orchestration.defs.extraction.assets import mentions
from orchestration.defs.ingestion.assets import ingested_documents
from orchestration.defs.publishing.assets import published_warehouse
from orchestration.defs.reference.assets import fx_reference_rates
from orchestration.defs.transformation.assets import dbt_models
from orchestration.defs.validation.assets import fct_quality_issue
from orchestration.resources import WarehouseResource
from orchestration.warehouse import read_build_state

CRAFTED_ID = "crafted-conversion"
CRAFTED_TEXT = (
    "Crafted note on project funding.\n\n"
    # 2013: a year no seed document reports this indicator for, so that the pair cannot meet a
    # seed figure in a reconciled value even where quarantined figures still enter one.
    "In 2013, 1.1 trillion yuan ($167.5 million) was raised for mass entrepreneurship and innovation projects across the nation.\n"
)
META = """\
file: {name}
title: Crafted conversion
publisher: Crafted Test Press
published_on: 2018-06-01
format: text
language: en
source_tier: 3
"""
ASSETS = [ingested_documents, mentions, fx_reference_rates, dbt_models, fct_quality_issue, published_warehouse]
# Rows of other documents, as analysts query them (ordered, every column).
OTHER_DOCUMENTS_QUERIES = {
    "fct_figure": f"select * from marts.fct_figure where document_id <> '{CRAFTED_ID}' order by figure_id",
    "fct_indicator_observation": (
        f"select * from marts.fct_indicator_observation where document_id <> '{CRAFTED_ID}' order by observation_id"
    ),
    "fct_indicator_value": (
        f"select * from marts.fct_indicator_value where document_ids not like '%{CRAFTED_ID}%' order by indicator_value_id"
    ),
}


def _query(database: Path, sql: str) -> list[tuple]:
    with duckdb.connect(str(database), read_only=True) as connection:
        return connection.execute(sql).fetchall()


def _other_documents(database: Path) -> dict[str, list[tuple]]:
    return {table: _query(database, sql) for table, sql in OTHER_DOCUMENTS_QUERIES.items()}


def add_crafted_document(sources: Path) -> None:
    folder = sources / "crafted-test-press" / "2018-06-01"
    folder.mkdir(parents=True)
    (folder / f"{CRAFTED_ID}.txt").write_text(CRAFTED_TEXT)
    (folder / f"{CRAFTED_ID}.txt.meta.yml").write_text(META.format(name=f"{CRAFTED_ID}.txt"))


@pytest.fixture(scope="module")
def runs(seed_build, crafted_conversion_refresh):
    # Run 1, the seed documents built and published, is the session's cold seed build; run 2
    # refreshed a copy of it with the crafted document added (tests/conftest.py; the same run
    # also shows that failing analyst outputs never block a publish).
    assert seed_build.result.success
    warehouse_dir = crafted_conversion_refresh.warehouse_dir
    return {
        "result": crafted_conversion_refresh.result,
        "published_without": seed_build.published.read_bytes(),
        "rows_without": _other_documents(seed_build.published),
        "warehouse": WarehouseResource(sources_dir=str(crafted_conversion_refresh.sources), warehouse_dir=str(warehouse_dir)),
    }


def test_the_run_with_an_impossible_conversion_publishes(runs):
    warehouse = runs["warehouse"]
    assert runs["result"].success
    assert warehouse.published_database.read_bytes() != runs["published_without"]
    assert read_build_state(warehouse.build_database)["quality_error_rules"] == {}
    documents = {row[0] for row in _query(warehouse.published_database, "select document_id from marts.dim_document")}
    assert CRAFTED_ID in documents


def test_both_figures_of_the_pair_are_quarantined_with_the_rule_and_the_numbers(runs):
    figures = _query(
        runs["warehouse"].published_database,
        f"select surface_text, is_quarantined, quarantine_reason from marts.fct_figure "
        f"where document_id = '{CRAFTED_ID}' order by start_char",
    )
    assert [(text, quarantined) for text, quarantined, _ in figures] == [("1.1 trillion yuan", True), ("$167.5 million", True)]
    reasons = {reason for _, quarantined, reason in figures if quarantined}
    (reason,) = reasons  # one judgement, carried by both figures
    assert reason.startswith("impossible_stated_conversion: '1.1 trillion yuan' restated as '$167.5 million'")
    assert "implies 6,567 CNY per USD" in reason and "x the reference 6.1" in reason and "(2013)" in reason


def test_the_quarantine_reaches_the_observation(runs):
    observations = _query(
        runs["warehouse"].published_database,
        f"select value_central, is_quarantined, quarantine_reason from marts.fct_indicator_observation "
        f"where document_id = '{CRAFTED_ID}'",
    )
    assert observations, "the crafted figure is classified (funds raised for projects)"
    assert all(quarantined and reason.startswith("impossible_stated_conversion") for _, quarantined, reason in observations)
    reconciled = _query(
        runs["warehouse"].published_database,
        f"select count(*) from marts.fct_indicator_value where document_ids like '%{CRAFTED_ID}%'",
    )
    assert reconciled == [(0,)], "a quarantined observation enters no reconciled value"


def test_fct_quality_issue_names_the_figures_at_warn_level(runs):
    issues = _query(
        runs["warehouse"].published_database,
        "select i.rule_id, i.severity, i.document_id, f.surface_text, i.message from marts.fct_quality_issue as i "
        f"left join marts.fct_figure as f using (figure_id) where i.document_id = '{CRAFTED_ID}'",
    )
    (issue,) = [issue for issue in issues if issue[0] == "fx_rate_order_of_magnitude"]
    _, severity, document_id, surface_text, message = issue
    assert (severity, document_id, surface_text) == ("warn", CRAFTED_ID, "1.1 trillion yuan")
    assert message.startswith(f"{CRAFTED_ID}: '1.1 trillion yuan' restated as '$167.5 million' implies 6,567 CNY per USD")
    assert "both are quarantined" in message
    assert all(severity in ("warn", "info") for _, severity, *_ in issues)


def test_no_other_document_is_quarantined_or_changed(runs):
    database = runs["warehouse"].published_database
    assert _query(database, f"select count(*) from marts.fct_figure where is_quarantined and document_id <> '{CRAFTED_ID}'") == [(0,)]
    after = _other_documents(database)
    for table, rows in runs["rows_without"].items():
        assert rows, f"{table}: the seed documents have rows to compare"
        assert after[table] == rows, table
