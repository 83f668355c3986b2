"""A portable warehouse: the published file carries no path of the machine that built it, so
a copy opened anywhere else (here with the DuckDB 1.x CLI, the warehouse folder gone) answers
every view, ops.refresh_status included. The folder it is built in (the session's seed build,
tests/conftest.py) has a quote in its name, which SQL holding the path would not survive."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

pytestmark = pytest.mark.pipeline  # scheduled first (tests/conftest.py)

DUCKDB_CLI = Path(sys.executable).parent / "duckdb"


def _cli(database: Path, sql: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(DUCKDB_CLI), "-readonly", "-noheader", "-list", str(database), "-c", sql],
        check=False, capture_output=True, text=True, timeout=120, cwd=database.parent,
    )  # fmt: skip


def test_a_copied_warehouse_answers_every_view_elsewhere(tmp_path, seed_build):
    # the session's cold build of the seed documents, built in a folder named o'brien's warehouse
    # (tests/conftest.py): a quote in WAREHOUSE_DIR once broke dbt's SQL
    built_in = seed_build.warehouse_dir
    assert "'" in built_in.name and seed_build.result.success
    elsewhere = tmp_path / "analyst" / "copy.duckdb"
    elsewhere.parent.mkdir()
    shutil.copy(seed_build.published, elsewhere)
    # nothing of the build machine's folder is left to read while the copy is queried (the folder
    # is moved aside, and back for the other tests of the session's build)
    aside = built_in.with_name(f"{built_in.name}-moved-aside")
    built_in.rename(aside)
    try:
        _query_the_copy(elsewhere, built_in)
    finally:
        aside.rename(built_in)


def _query_the_copy(elsewhere: Path, built_in: Path) -> None:
    with duckdb.connect(str(elsewhere), read_only=True) as connection:
        views = connection.execute(
            "select schema_name, view_name, sql from duckdb_views() where not internal order by 1, 2"
        ).fetchall()
    assert ("ops", "refresh_status") in {(schema, name) for schema, name, _ in views}
    assert [name for _, name, sql in views if str(built_in.parent) in sql] == []  # no path baked in

    answer = _cli(elsewhere, "; ".join(f'select count(*) from "{schema}"."{name}"' for schema, name, _ in views))
    assert answer.returncode == 0, answer.stderr
    assert len(answer.stdout.split()) == len(views)

    status = _cli(elsewhere, "select last_attempt_outcome, last_attempt_step, last_successful_refresh_at is not null from ops.refresh_status")
    assert status.returncode == 0, status.stderr
    assert status.stdout.split() == ["success|published_warehouse|true"]
