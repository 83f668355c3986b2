"""One refresh at a time: two refreshes requested at once go through Dagster's run queue (the
instance settings of orchestration/instance/dagster.yaml, run by a real dagster-daemon) and
both complete, one after the other, each publishing."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import dagster as dg
import pytest

from tests.build_options import WITHOUT_DBT_DATA_TESTS

pytestmark = pytest.mark.pipeline  # scheduled first (tests/conftest.py)

REPO_ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
META = "file: {name}\ntitle: {name}\npublisher: Test Press\npublished_on: 2018-03-01\nformat: text\nlanguage: en\nsource_tier: 2\n"
WORKSPACE = f"""\
load_from:
  - python_module:
      module_name: orchestration.definitions
      location_name: entrepreneurship_warehouse
      working_directory: {REPO_ROOT}
"""
DEADLINE_SECONDS = 600
FINISHED = {dg.DagsterRunStatus.SUCCESS, dg.DagsterRunStatus.FAILURE, dg.DagsterRunStatus.CANCELED}


def _environment(tmp_path: Path) -> dict[str, str]:
    home = tmp_path / "dagster_home"
    home.mkdir()
    shutil.copy(REPO_ROOT / "orchestration" / "instance" / "dagster.yaml", home / "dagster.yaml")
    sources = tmp_path / "sources" / "test-press" / "2018-03-01"
    sources.mkdir(parents=True)
    (sources / "alpha.txt").write_text("By the end of 2017, China had 5,739 makerspaces.\n")
    (sources / "alpha.txt.meta.yml").write_text(META.format(name="alpha.txt"))
    env = dict(os.environ)
    env |= {
        "DAGSTER_HOME": str(home),
        "SOURCES_DIR": str(tmp_path / "sources"),
        "WAREHOUSE_DIR": str(tmp_path / "warehouse"),
        "PATH": f"{BIN}{os.pathsep}{env.get('PATH', '')}",
        **WITHOUT_DBT_DATA_TESTS,  # the queue is the claim, not the data tests
    }
    return env


def test_two_refreshes_requested_at_once_queue_and_both_complete(tmp_path):
    env = _environment(tmp_path)
    workspace = tmp_path / "workspace.yaml"
    workspace.write_text(WORKSPACE)
    for _ in range(2):  # both requested before either starts: the queue holds them
        subprocess.run(
            [BIN / "dagster", "job", "launch", "-w", workspace, "-j", "refresh_warehouse"],
            cwd=REPO_ROOT, env=env, check=True, capture_output=True,
        )  # fmt: skip

    os.environ["DAGSTER_HOME"] = env["DAGSTER_HOME"]
    try:
        instance = dg.DagsterInstance.get()
    finally:
        del os.environ["DAGSTER_HOME"]
    queued = instance.get_runs(filters=dg.RunsFilter(job_name="refresh_warehouse"))
    assert [run.status for run in queued] == [dg.DagsterRunStatus.QUEUED] * 2

    daemon = subprocess.Popen(
        [BIN / "dagster-daemon", "run", "-w", workspace],
        cwd=REPO_ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
    )  # fmt: skip
    most_in_progress = 0
    try:
        deadline = time.monotonic() + DEADLINE_SECONDS
        while time.monotonic() < deadline:
            runs = [instance.get_run_by_id(run.run_id) for run in queued]
            in_progress = sum(run.status in (dg.DagsterRunStatus.STARTING, dg.DagsterRunStatus.STARTED) for run in runs)
            most_in_progress = max(most_in_progress, in_progress)
            if all(run.status in FINISHED for run in runs):
                break
            time.sleep(0.5)
    finally:
        os.killpg(daemon.pid, signal.SIGTERM)
        try:
            daemon.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(daemon.pid, signal.SIGKILL)
            daemon.wait()

    records = sorted((instance.get_run_record_by_id(run.run_id) for run in queued), key=lambda record: record.start_time or 0)
    assert [record.dagster_run.status for record in records] == [dg.DagsterRunStatus.SUCCESS] * 2
    assert most_in_progress == 1
    first, second = records
    assert first.end_time <= second.start_time, "the second refresh started before the first had finished"
    # the first publishes; the second finds nothing changed since (no dbt, nothing to publish)
    published = [line for line in (tmp_path / "warehouse" / "refresh_log.jsonl").read_text().splitlines() if '"success"' in line]
    assert len(published) == 1 and first.dagster_run.run_id in published[0]
