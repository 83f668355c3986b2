"""A portable warehouse: the published file carries no path of the machine that built it, so
a copy opened anywhere else (here with the DuckDB 1.x CLI, the warehouse folder gone) answers
every view, ops.refresh_status included. The folder it is built in has a quote in its name,
which SQL holding the path would not survive."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import dagster as dg
import duckdb
import pytest

from orchestration.definitions import defs
from orchestration.resources import WarehouseResource

pytestmark = pytest.mark.pipeline  # scheduled first (tests/conftest.py)

DUCKDB_CLI = Path(sys.executable).parent / "duckdb"
META = "file: {name}\ntitle: {name}\npublisher: Test Press\npublished_on: 2018-03-01\nformat: text\nlanguage: en\nsource_tier: 2\n"


def _cli(database: Path, sql: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(DUCKDB_CLI), "-readonly", "-noheader", "-list", str(database), "-c", sql],
        check=False, capture_output=True, text=True, timeout=120, cwd=database.parent,
    )  # fmt: skip


def test_a_copied_warehouse_answers_every_view_elsewhere(tmp_path, monkeypatch):
    built_in = tmp_path / "o'brien's warehouse"  # a quote in WAREHOUSE_DIR once broke dbt's SQL
    monkeypatch.setenv("WAREHOUSE_DIR", str(built_in))  # dbt's profile reads it
    folder = tmp_path / "sources" / "test-press" / "2018-03-01"
    folder.mkdir(parents=True)
    (folder / "alpha.txt").write_text("By the end of 2017, China had 5,739 makerspaces, up 21% from 2016.\n")
    (folder / "alpha.txt.meta.yml").write_text(META.format(name="alpha.txt"))
    warehouse = WarehouseResource(sources_dir=str(tmp_path / "sources"), warehouse_dir=str(built_in))
    result = defs.get_job_def("refresh_warehouse").execute_in_process(
        instance=dg.DagsterInstance.ephemeral(), resources={"warehouse": warehouse}
    )
    assert result.success

    elsewhere = tmp_path / "analyst" / "copy.duckdb"
    elsewhere.parent.mkdir()
    shutil.copy(warehouse.published_database, elsewhere)
    shutil.rmtree(built_in)  # nothing of the build machine's folder is left to read

    with duckdb.connect(str(elsewhere), read_only=True) as connection:
        views = connection.execute(
            "select schema_name, view_name, sql from duckdb_views() where not internal order by 1, 2"
        ).fetchall()
    assert ("ops", "refresh_status") in {(schema, name) for schema, name, _ in views}
    assert [name for _, name, sql in views if str(tmp_path) in sql] == []  # no path baked in

    answer = _cli(elsewhere, "; ".join(f'select count(*) from "{schema}"."{name}"' for schema, name, _ in views))
    assert answer.returncode == 0, answer.stderr
    assert len(answer.stdout.split()) == len(views)

    status = _cli(elsewhere, "select last_attempt_outcome, last_attempt_step, last_successful_refresh_at is not null from ops.refresh_status")
    assert status.returncode == 0, status.stderr
    assert status.stdout.split() == ["success|published_warehouse|true"]
