"""Incremental refresh: dbt rebuilds the per-document models for new, changed and removed
documents only, validation re-checks only those documents (plus the corpus-wide rules), and
the warehouse ends with exactly the rows a full rebuild and a full validation make."""

from __future__ import annotations

import json
import re
from pathlib import Path

import dagster as dg
import duckdb
import pytest

from orchestration.definitions import defs
from orchestration.resources import WarehouseResource
from orchestration.warehouse import read_build_state, record_build_state
from tests.build_options import WITHOUT_DBT_DATA_TESTS

pytestmark = pytest.mark.pipeline  # scheduled first (tests/conftest.py)

META = "file: {name}\ntitle: {name}\npublisher: Test Press\npublished_on: 2018-03-01\nformat: text\nlanguage: en\nsource_tier: 2\n"
DOCUMENTS = {
    "alpha.txt": "By the end of 2017, China had 5,739 makerspaces, up 21% from 2016. They served 1.05 million people.\n",
    "beta.txt": "Over 1,600 incubators were in operation in 2014, with venture capital of 3.15 billion yuan.\n",
    "gamma.txt": "In 2017 the Torch Center counted 4,063 incubators nationwide. Its firms sold 2,000 widgets.\n",
    # a tie: two documents of one tier and date state the same value, a third disagrees, so
    # which one sources_agree names must not depend on the order rows were built in
    "epsilon.txt": "In 2016, China had 4,298 makerspaces.\n",
    "eta.txt": "In 2016, China had 5,100 makerspaces.\n",
}
PER_DOCUMENT_TABLES = [
    "intermediate.int_mentions_normalised", "intermediate.int_sentence_fingerprints", "intermediate.int_figures_periodised",
    "intermediate.int_entity_mentions_located", "intermediate.int_figures_attributed",
    "intermediate.int_figures_classified", "intermediate.int_figures_checked", "intermediate.int_observations_reported",
    "intermediate.int_observations_derived", "marts.fct_figure", "marts.fct_indicator_observation",
]  # fmt: skip
CROSS_DOCUMENT_TABLES = ["marts.fct_indicator_value", "marts.dim_document", "marts.dim_entity"]


def write_document(sources: Path, name: str, text: str) -> None:
    folder = sources / "test-press" / "2018-03-01"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(text)
    (folder / f"{name}.meta.yml").write_text(META.format(name=name))


def _refresh(warehouse: WarehouseResource) -> dg.ExecuteInProcessResult:
    result = defs.get_job_def("refresh_warehouse").execute_in_process(
        instance=dg.DagsterInstance.ephemeral(), resources={"warehouse": warehouse}
    )
    assert result.success
    return result


def _rows_checked(result: dg.ExecuteInProcessResult, rule_id: str) -> tuple[int, int]:
    [evaluation] = [e for e in result.get_asset_check_evaluations() if e.check_name == rule_id]
    return evaluation.metadata["rows_checked"].value, evaluation.metadata["rows_checked_this_run"].value


def _table_rows(database: Path) -> dict[str, list[tuple]]:
    with duckdb.connect(str(database), read_only=True) as connection:
        rows = {
            table: sorted(connection.execute(f"select * from {table}").fetchall(), key=repr)
            for table in PER_DOCUMENT_TABLES + CROSS_DOCUMENT_TABLES
        }
        issues = connection.execute("select * exclude (validated_at) from marts.fct_quality_issue").fetchall()
    return rows | {"marts.fct_quality_issue": sorted(issues, key=repr)}


def _unit_test_outcomes(warehouse: WarehouseResource) -> list[str]:
    """The statuses of the dbt unit tests the last dbt build ran."""
    run_results = Path(warehouse.warehouse_dir) / "build" / "dbt_target" / "run_results.json"
    results = json.loads(run_results.read_text())["results"]
    return [result["status"] for result in results if result["unique_id"].startswith("unit_test.")]


def _nodes_run(warehouse: WarehouseResource) -> set[str]:
    """The unique ids of the nodes the last dbt build ran."""
    run_results = Path(warehouse.warehouse_dir) / "build" / "dbt_target" / "run_results.json"
    return {result["unique_id"] for result in json.loads(run_results.read_text())["results"]}


def _offset_checks_read_the_queue(warehouse: WarehouseResource) -> list[bool]:
    """Whether each offset test the last dbt build ran checked the queued documents only."""
    compiled = Path(warehouse.warehouse_dir) / "build" / "dbt_target" / "compiled" / "entrepreneurship_warehouse" / "tests"
    return [
        '"raw"."pending_documents"' in (compiled / f"assert_{rows}_offsets_slice_clean_text.sql").read_text()
        for rows in ("mention", "sentence")
    ]


def _classification_branches(warehouse: WarehouseResource) -> set[str]:
    """The indicators int_figures_classified scored by cues in the last dbt build (one branch each)."""
    compiled = (Path(warehouse.warehouse_dir) / "build" / "dbt_target" / "compiled" / "entrepreneurship_warehouse"
                / "models" / "intermediate" / "int_figures_classified.sql")  # fmt: skip
    return set(re.findall(r"indicators\.indicator_id = '(\w+)'", compiled.read_text()))


def _queued(database: Path) -> int:
    with duckdb.connect(str(database), read_only=True) as connection:
        return connection.execute("select count(*) from raw.pending_documents").fetchone()[0]


@pytest.fixture()
def warehouse(documents_build, tmp_path, monkeypatch) -> WarehouseResource:
    """A copy of the cold build of DOCUMENTS (tests/orchestration/conftest.py), to refresh further."""
    monkeypatch.setenv("WAREHOUSE_DIR", str(tmp_path / "warehouse"))  # dbt's profile reads it
    return documents_build.copy_to(tmp_path)


def test_incremental_refresh_matches_a_full_rebuild(warehouse, documents_build, monkeypatch):
    database = warehouse.build_database
    assert read_build_state(database)["dbt_build_mode"] == "full"  # the cold build
    unit_tests = _unit_test_outcomes(warehouse)
    assert len(unit_tests) >= 5 and set(unit_tests) == {"pass"}  # the first full build runs them
    monkeypatch.setenv("DBT_UNIT_TESTS_CACHE", str(documents_build.unit_tests_record))
    assert _queued(database) == 0

    write_document(warehouse.sources_root, "alpha.txt", "By the end of 2018, China had 6,959 makerspaces, up 21% from 2017, and 7500 thousands makerspaces were planned.\n")
    write_document(warehouse.sources_root, "delta.txt", "Shanghai had 500 makerspaces in 2017.\n")
    write_document(warehouse.sources_root, "zeta.txt", "In 2016, China had 4,298 makerspaces.\n")  # ties with epsilon
    for name in ("beta.txt", "beta.txt.meta.yml"):
        (warehouse.sources_root / "test-press" / "2018-03-01" / name).unlink()
    result = _refresh(warehouse)
    state = read_build_state(database)
    assert state["dbt_build_mode"] == "incremental" and state["validation_rules_key"]
    assert _unit_test_outcomes(warehouse) == []
    # seeds and views are as the cold build made them: not re-created, yet their data tests ran
    # on the refreshed rows, and Dagster has them as current
    nodes = _nodes_run(warehouse)
    assert not any(node.startswith("seed.") for node in nodes)
    assert not {f"model.entrepreneurship_warehouse.{view}" for view in ("stg_documents", "stg_sentences", "stg_mentions", "refresh_status")} & nodes
    assert {"test.entrepreneurship_warehouse.assert_ok_documents_have_sentences", "model.entrepreneurship_warehouse.fct_figure"} <= nodes
    assert any(node.startswith("test.entrepreneurship_warehouse.column_checks_stg_mentions.") for node in nodes)
    unchanged = [m for m in result.get_asset_materialization_events() if m.asset_key == dg.AssetKey(["staging", "stg_mentions"])]
    assert [m.materialization.metadata["rebuilt"].value for m in unchanged] == [False]
    # the raw rows of documents not queued are those the cold build's offset tests checked
    assert _offset_checks_read_the_queue(warehouse) == [True, True]
    # cue branches only for the indicators whose cues the rebuilt figures' words hold (the rows
    # still equal a full rebuild's, below)
    with duckdb.connect(str(database), read_only=True) as connection:
        (catalog,) = connection.execute("select count(*) from reference.indicators").fetchone()
    branches = _classification_branches(warehouse)
    assert "makerspaces" in branches and "venture_capital_invested" not in branches and len(branches) < catalog / 4
    # checked over the whole warehouse (one row per figure), re-checked for the changed documents only
    with duckdb.connect(str(database), read_only=True) as connection:
        figures, changed = connection.execute(
            "select count(*), count(*) filter (where document_id in ('alpha', 'delta', 'zeta')) from marts.fct_figure"
        ).fetchone()
    assert _rows_checked(result, "quote_matches_surface_text") == (figures, changed) and figures > changed > 0
    assert _queued(database) == 0
    incremental = _table_rows(database)

    with duckdb.connect(str(database), read_only=True) as connection:
        documents = {
            table: {row[0] for row in connection.execute(f"select distinct document_id from {table}").fetchall()}
            for table in ("marts.fct_figure", "marts.fct_indicator_observation")
        }
        quotes = {row[0] for row in connection.execute("select surface_text from marts.fct_figure").fetchall()}
    expected = {"alpha", "gamma", "delta", "epsilon", "eta", "zeta"}
    assert documents == {"marts.fct_figure": expected, "marts.fct_indicator_observation": expected}
    assert {"6,959", "500", "4,063"} <= quotes and "5,739" not in quotes and "1,600" not in quotes

    assert incremental["marts.fct_quality_issue"], "the documents raise warnings to compare"
    tie = [row for row in incremental["marts.fct_quality_issue"] if row[1] == "sources_agree"]
    assert tie and "eta: 5,100" in tie[0][-2]  # rule_id, ..., message, observed
    assert all(row[7] != "beta" for row in incremental["marts.fct_quality_issue"])  # document_id

    record_build_state(database, dbt_inputs_key=None)  # as if a model changed: rebuild all
    _refresh(warehouse)
    state = read_build_state(database)
    assert state["dbt_build_mode"] == "full" and not state["validation_full_due"]
    assert _unit_test_outcomes(warehouse) == []  # they passed for this dbt project already
    assert _offset_checks_read_the_queue(warehouse) == [False, False]  # a full build checks all
    assert _table_rows(database) == incremental


def test_unchanged_refresh_runs_no_dbt_and_keeps_the_published_warehouse(warehouse, monkeypatch):
    for name, value in WITHOUT_DBT_DATA_TESTS.items():  # whether dbt runs is the claim, not its tests
        monkeypatch.setenv(name, value)
    database, published = warehouse.build_database, warehouse.published_database
    built, published_bytes = read_build_state(database), published.read_bytes()

    # a file touched but not changed is no change: content keys, not modification times
    alpha = warehouse.sources_root / "test-press" / "2018-03-01" / "alpha.txt"
    alpha.write_text(alpha.read_text())
    _refresh(warehouse)
    unchanged = read_build_state(database)
    for key in ("dbt_started_at", "validated_at", "quality_validated_at", "published_at", "raw_loaded_at"):
        assert unchanged[key] == built[key], key  # no dbt build, no validation, no publish
    assert published.read_bytes() == published_bytes

    write_document(warehouse.sources_root, "alpha.txt", "By the end of 2018, China had 6,959 makerspaces.\n")
    _refresh(warehouse)
    changed = read_build_state(database)
    assert changed["dbt_started_at"] > built["dbt_started_at"] and changed["dbt_build_mode"] == "incremental"
    assert changed["published_at"] > built["published_at"]
    with duckdb.connect(str(published), read_only=True) as connection:
        quotes = {row[0] for row in connection.execute("select surface_text from marts.fct_figure").fetchall()}
    assert "6,959" in quotes and "5,739" not in quotes
    # DBT_EXCLUDE_RESOURCE_TYPES reached dbt beside the unit-test exclusion on its command line
    run_results = Path(warehouse.warehouse_dir) / "build" / "dbt_target" / "run_results.json"
    nodes = [result["unique_id"].split(".")[0] for result in json.loads(run_results.read_text())["results"]]
    assert "model" in nodes and "test" not in nodes and "unit_test" not in nodes
    # its saved parse is kept for the next build; the manifest.json nobody reads is not written
    target = run_results.parent
    assert (target / "partial_parse.msgpack").exists() and not (target / "manifest.json").exists()


def test_a_seed_or_view_missing_from_the_build_file_is_made_again(warehouse, documents_build, monkeypatch):
    monkeypatch.setenv("DBT_UNIT_TESTS_CACHE", str(documents_build.unit_tests_record))
    for name, value in WITHOUT_DBT_DATA_TESTS.items():  # what is rebuilt is the claim
        monkeypatch.setenv(name, value)
    with duckdb.connect(str(warehouse.build_database)) as connection:
        connection.execute("drop view staging.stg_document_events")
        connection.execute("drop table reference.rate_bases")
    write_document(warehouse.sources_root, "delta.txt", "Shanghai had 500 makerspaces in 2017.\n")
    _refresh(warehouse)
    assert read_build_state(warehouse.build_database)["dbt_build_mode"] == "incremental"
    nodes = _nodes_run(warehouse)
    assert {"model.entrepreneurship_warehouse.stg_document_events", "seed.entrepreneurship_warehouse.rate_bases"} <= nodes
    with duckdb.connect(str(warehouse.build_database), read_only=True) as connection:
        assert connection.execute("select count(*) from reference.rate_bases").fetchone()[0] > 0
        assert connection.execute("select count(*) from staging.stg_document_events").fetchone()[0] > 0
