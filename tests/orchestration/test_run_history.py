"""The run history storage of orchestration/instance/dagster.yaml writes what Dagster's own SQLite
event log reads: the same events, asset records and check records, in the same files."""

from __future__ import annotations

import shutil
from pathlib import Path

import dagster as dg
from dagster._core.storage.event_log import SqliteEventLogStorage

from orchestration.run_history import OPEN_DATABASES, RunHistoryEventLogStorage

REPO_ROOT = Path(__file__).resolve().parents[2]


@dg.asset
def counted() -> int:
    return 3


@dg.asset_check(asset=counted)
def counted_is_positive() -> dg.AssetCheckResult:
    return dg.AssetCheckResult(passed=True)


def test_runs_written_with_open_connections_read_back_by_dagsters_storage(tmp_path, monkeypatch):
    home = tmp_path / "dagster_home"
    home.mkdir()
    shutil.copy(REPO_ROOT / "orchestration" / "instance" / "dagster.yaml", home / "dagster.yaml")
    monkeypatch.setenv("DAGSTER_HOME", str(home))
    job = dg.Definitions(
        assets=[counted], asset_checks=[counted_is_positive], jobs=[dg.define_asset_job("counting")]
    ).resolve_job_def("counting")

    with dg.DagsterInstance.get() as instance:
        assert isinstance(instance.event_log_storage, RunHistoryEventLogStorage)
        run_ids = [
            job.execute_in_process(instance=instance).run_id for _ in range(OPEN_DATABASES + 2)
        ]
        written = {run_id: len(instance.all_logs(run_id)) for run_id in run_ids}
        # more runs than open databases: the oldest connections were closed on the way
        assert len(instance.event_log_storage._engines) == OPEN_DATABASES

    plain = SqliteEventLogStorage(str(home / "history" / "runs"))
    assert {run_id: len(plain.get_logs_for_run(run_id)) for run_id in run_ids} == written
    # run start, planned events, step events, the materialization, the check
    assert min(written.values()) > 10
    materialization = plain.get_latest_materialization_events([dg.AssetKey("counted")])[
        dg.AssetKey("counted")
    ]
    assert materialization is not None and materialization.run_id == run_ids[-1]
    check_key = dg.AssetCheckKey(dg.AssetKey("counted"), "counted_is_positive")
    checks = plain.get_asset_check_execution_history(check_key, limit=100)
    assert len(checks) == len(run_ids)
    assert {check.status.value for check in checks} == {"SUCCEEDED"}
