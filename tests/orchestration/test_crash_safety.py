"""A refresh killed mid-way (ingestion, extraction or dbt) leaves the published warehouse
byte-identical, and the next refresh completes and publishes the change."""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from tests.build_options import WITHOUT_DBT_DATA_TESTS, refresh_in_process

pytestmark = pytest.mark.pipeline  # scheduled first (tests/conftest.py)

REPO_ROOT = Path(__file__).resolve().parents[2]
# Log lines that mark a step as running; the kill lands while that step works.
STEP_STARTED = 'STEP_START - Started execution of step "{step}"'
# dbt's line for the first per-document table it rewrote: the build file is part-way changed,
# with models and data tests still to run (a fixed delay after the step started could land
# after dbt had finished on a quick machine)
DBT_MID_BUILD = "OK created sql incremental model intermediate.int_mentions_normalised"
KILL_TIMEOUT_SECONDS = 240


def _environment(sources: Path, warehouse: Path) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if key != "DAGSTER_HOME"}
    env |= {"SOURCES_DIR": str(sources), "WAREHOUSE_DIR": str(warehouse), "PYTHONUNBUFFERED": "1"}
    return env


def _refresh(env: dict[str, str]) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "orchestration.run"],
        cwd=REPO_ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,  # its own process group, so the kill reaches dbt too
    )


def _kill_when(process: subprocess.Popen, log: Path, marker: str, delay: float) -> None:
    deadline = time.monotonic() + KILL_TIMEOUT_SECONDS
    while time.monotonic() < deadline:
        if log.exists() and marker in log.read_text(errors="replace"):
            time.sleep(delay)
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
            return
        if process.poll() is not None:
            pytest.fail(f"the refresh ended before {marker!r} was logged")
        time.sleep(0.05)
    os.killpg(process.pid, signal.SIGKILL)
    pytest.fail(f"{marker!r} was not logged within {KILL_TIMEOUT_SECONDS} s")


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_killed_refreshes_leave_the_published_warehouse_intact(tmp_path, seed_build):
    # a published cold build of the seed documents (the session's, copied), then a document added
    sources, warehouse = seed_build.copy_to(tmp_path)
    env = _environment(sources, warehouse)
    published = warehouse / "warehouse.duckdb"
    log = warehouse / "logs" / "last_run.log"

    before = _digest(published)

    added = sources / "test-press" / "2019-01-02"
    added.mkdir(parents=True)
    (added / "late-news.txt").write_text("In 2018, 6,959 makerspaces hired 1.4 million people.\n")
    (added / "late-news.txt.meta.yml").write_text(
        "file: late-news.txt\ntitle: Late news\npublisher: Test Press\npublished_on: 2019-01-02\n"
        "format: text\nlanguage: en\nsource_tier: 3\n"
    )
    for step, marker in (
        ("ingested_documents", STEP_STARTED.format(step="ingested_documents")),
        ("mentions", STEP_STARTED.format(step="mentions")),
        ("dbt_models", DBT_MID_BUILD),
    ):
        log.unlink(missing_ok=True)
        _kill_when(_refresh(env), log, marker, 0.0)
        assert _digest(published) == before, f"killed during {step}: the published warehouse changed"

    # The next refresh runs in this process (the killed ones were `make run` processes; a fourth
    # would only pay Dagster's import again): it takes over the build files the killed runs left,
    # through the same build lock every run goes through (WarehouseResource). Its instance is a fresh
    # one, so Dagster's own record of the killed runs is not what this checks.
    result, _ = refresh_in_process(sources, warehouse, WITHOUT_DBT_DATA_TESTS)
    assert result.success
    with duckdb.connect(str(published), read_only=True) as connection:
        documents = {row[0] for row in connection.execute("select document_id from staging.stg_documents").fetchall()}
        figures = connection.execute(
            "select count(*) from staging.stg_mentions where document_id = 'late-news'"
        ).fetchone()[0]
    assert "late-news" in documents and figures == 2
