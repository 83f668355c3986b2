"""A full dbt build in bounded batches of documents (orchestration/defs/transformation/batches.py)
makes the same warehouse as one full build over every document."""

from __future__ import annotations

import dagster as dg
import duckdb

from orchestration.definitions import defs
from orchestration.settings import DBT_PROJECT_DIR
from orchestration.warehouse import read_build_state, record_build_state
from tests.build_options import WITHOUT_DBT_DATA_TESTS
from tests.orchestration.test_incremental_build import _table_rows, warehouse  # noqa: F401 - fixture

SEEDS = DBT_PROJECT_DIR / "seeds"


def _refresh_with_logs(warehouse) -> list[str]:  # noqa: F811 - the fixture's value
    instance = dg.DagsterInstance.ephemeral()
    result = defs.get_job_def("refresh_warehouse").execute_in_process(
        instance=instance, resources={"warehouse": warehouse}
    )
    assert result.success
    return [entry.user_message for entry in instance.all_logs(result.run_id)]


def _batch_messages(messages: list[str]) -> list[str]:
    return [message for message in messages if message.startswith("per-document models: batch")]


def test_a_full_build_in_batches_matches_one_full_build(warehouse, documents_build, monkeypatch):  # noqa: F811
    database = warehouse.build_database  # a copy of the cold build of 5 documents
    assert not _batch_messages(documents_build.messages)  # 5 documents: one build
    whole = _table_rows(database)
    assert all(whole[table] for table in ("marts.fct_figure", "marts.fct_indicator_observation"))

    monkeypatch.setenv("DBT_BATCH_DOCUMENTS", "2")  # 5 documents: three batches
    # The claim is equal tables; the same tables pass the data tests the cold build ran on them.
    for name, value in WITHOUT_DBT_DATA_TESTS.items():
        monkeypatch.setenv(name, value)
    with duckdb.connect(str(database), read_only=True) as connection:
        (filled,) = connection.execute("select count(distinct hash(document_id) % 3) from raw.documents").fetchone()
    assert filled > 1, "the documents must fall into more than one batch for the comparison to mean anything"
    record_build_state(database, dbt_inputs_key=None)  # as if a model changed: a full build
    # and, as in a cold build, no seed loaded yet: the first batch must load every seed a
    # per-document model reads, by ref() or by relation
    with duckdb.connect(str(database)) as connection:
        for seed in sorted(SEEDS.glob("*.csv")):
            connection.execute(f"drop table if exists reference.{seed.stem}")
    messages = _refresh_with_logs(warehouse)
    assert [message.split(" built in ")[0] for message in _batch_messages(messages)] == [
        f"per-document models: batch {number} of 3" for number in (1, 2, 3)
    ]
    assert read_build_state(database)["dbt_build_mode"] == "full"
    assert _table_rows(database) == whole
