"""Operations: the new-document sensor, the nightly schedule, incremental ingestion, failed runs."""

from __future__ import annotations

import datetime
import json
import os
import shutil
import socket
import subprocess
from pathlib import Path

import dagster as dg
import duckdb
import pytest
from dagster._core.utils import make_new_run_id

import figures
from orchestration.defs.extraction.assets import EXTRACTION_CODE
from orchestration.defs.ingestion.assets import ingested_documents
from orchestration.defs.operations.schedules import nightly_refresh, nightly_refresh_schedule
from orchestration.defs.operations.sensors import new_documents_sensor
from orchestration.incremental import tree_fingerprint
from orchestration.refresh_lock import HOST_TAG, PID_TAG
from orchestration.resources import WarehouseResource
from orchestration.source_watch import (
    record_ingested_sources,
    record_published_sources,
    scan_with_cache,
)

REPO_SOURCES = Path(__file__).resolve().parents[2] / "sources"
META = """\
file: {name}
title: Test document {name}
publisher: Test Press
published_on: 2017-05-23
format: text
language: en
source_tier: 3
"""


def _add_document(root: Path, name: str, text: str) -> Path:
    folder = root / "test-press" / "2017-05-23"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(text)
    (folder / f"{name}.meta.yml").write_text(META.format(name=name))
    return folder / name


@pytest.fixture()
def warehouse(tmp_path) -> WarehouseResource:
    sources = tmp_path / "sources"
    _add_document(sources, "alpha.txt", "In 2017, 5,739 makerspaces operated. They hired 1.05 million people.\n")
    _add_document(sources, "beta.txt", "Over 1,600 incubators were in operation in 2014.\n")
    return WarehouseResource(sources_dir=str(sources), warehouse_dir=str(tmp_path / "warehouse"))


def _tick(warehouse: WarehouseResource, instance: dg.DagsterInstance):
    with dg.build_sensor_context(instance=instance, resources={"warehouse": warehouse}) as context:
        return new_documents_sensor(context)


def _publish_current_sources(warehouse: WarehouseResource) -> None:
    """What a refresh records about sources/: the scan its ingestion started from, promoted
    when it publishes."""
    warehouse_dir = Path(warehouse.warehouse_dir)
    record_ingested_sources(warehouse_dir, scan_with_cache(warehouse.sources_root, warehouse_dir))
    record_published_sources(warehouse_dir, datetime.datetime.now(datetime.UTC).isoformat())


def _add_run(instance: dg.DagsterInstance, request: dg.RunRequest, status: dg.DagsterRunStatus) -> None:
    instance.add_run(dg.DagsterRun(job_name="refresh_warehouse", run_id=make_new_run_id(), tags=request.tags, status=status))


def test_sensor_requests_a_run_only_while_sources_differ_from_the_published_state(warehouse):
    instance = dg.DagsterInstance.ephemeral()
    first = _tick(warehouse, instance)
    assert isinstance(first, dg.RunRequest)
    assert first.tags["source_changes"] == "2 added, 0 changed, 0 removed"  # documents, not files

    _publish_current_sources(warehouse)
    unchanged = _tick(warehouse, instance)
    assert isinstance(unchanged, dg.SkipReason) and "unchanged since the refresh published" in unchanged.skip_message

    alpha = warehouse.sources_root / "test-press" / "2017-05-23" / "alpha.txt"
    later = alpha.stat().st_mtime_ns + 5_000_000_000
    os.utime(alpha, ns=(later, later))  # a new mtime with the same bytes is not a change
    assert isinstance(_tick(warehouse, instance), dg.SkipReason)

    alpha.write_text("In 2018, 6,959 makerspaces operated.\n")
    changed = _tick(warehouse, instance)
    assert isinstance(changed, dg.RunRequest)
    assert changed.tags["source_changes"] == "0 added, 1 changed, 0 removed"

    for name in ("beta.txt", "beta.txt.meta.yml"):
        (warehouse.sources_root / "test-press" / "2017-05-23" / name).unlink()
    removed = _tick(warehouse, instance)
    assert isinstance(removed, dg.RunRequest)
    assert removed.tags["source_changes"] == "0 added, 1 changed, 1 removed"  # against the published state
    assert removed.run_key != changed.run_key


def test_sensor_waits_for_a_run_in_progress_and_retries_a_failed_one(warehouse):
    instance = dg.DagsterInstance.ephemeral()
    _publish_current_sources(warehouse)
    _add_document(warehouse.sources_root, "gamma.txt", "Some 3,255 incubators were counted.\n")
    request = _tick(warehouse, instance)
    assert isinstance(request, dg.RunRequest) and request.tags["source_changes"] == "1 added, 0 changed, 0 removed"

    _add_run(instance, request, dg.DagsterRunStatus.STARTED)
    waiting = _tick(warehouse, instance)
    assert isinstance(waiting, dg.SkipReason) and "waiting for run" in waiting.skip_message

    instance.report_run_failed(instance.get_runs()[0])  # the run failed: nothing published
    retry = _tick(warehouse, instance)
    assert isinstance(retry, dg.RunRequest) and retry.run_key != request.run_key
    assert retry.run_key.endswith("attempt:2")
    for _ in range(2):
        _add_run(instance, retry, dg.DagsterRunStatus.FAILURE)
    given_up = _tick(warehouse, instance)
    assert isinstance(given_up, dg.SkipReason) and "3 refreshes of this state failed" in given_up.skip_message

    _publish_current_sources(warehouse)  # a refresh started some other way published it
    assert isinstance(_tick(warehouse, instance), dg.SkipReason)


def test_nightly_schedule_defaults_to_two_in_the_morning_in_shanghai():
    assert nightly_refresh.cron_schedule == "0 2 * * *"
    assert nightly_refresh.execution_timezone == "Asia/Shanghai"
    context = dg.build_schedule_context(
        scheduled_execution_time=datetime.datetime(2026, 11, 21, 2, 0, tzinfo=datetime.timezone(datetime.timedelta(hours=8)))
    )
    requests = nightly_refresh.evaluate_tick(context).run_requests
    assert len(requests) == 1
    assert nightly_refresh.job_name == "refresh_warehouse"


def test_schedule_time_and_timezone_are_configuration(monkeypatch):
    monkeypatch.setenv("REFRESH_CRON", "30 23 * * 1-5")
    monkeypatch.setenv("REFRESH_TIMEZONE", "Europe/Belgrade")
    schedule = nightly_refresh_schedule()
    assert (schedule.cron_schedule, schedule.execution_timezone) == ("30 23 * * 1-5", "Europe/Belgrade")


def _ingest(warehouse: WarehouseResource) -> dict:
    result = dg.materialize([ingested_documents], resources={"warehouse": warehouse}, instance=dg.DagsterInstance.ephemeral())
    assert result.success
    [documents] = [m for m in result.asset_materializations_for_node("ingested_documents") if m.asset_key.path == ["documents"]]
    return {key: value.value for key, value in documents.metadata.items()}


def test_refresh_reprocesses_only_new_or_changed_documents_and_records_removals(warehouse):
    assert _ingest(warehouse)["ingested_this_run"] == 2
    assert _ingest(warehouse)["ingested_this_run"] == 0  # nothing changed: no work

    _add_document(warehouse.sources_root, "gamma.txt", "Some 3,255 incubators were counted.\n")
    (warehouse.sources_root / "test-press" / "2017-05-23" / "alpha.txt").write_text("In 2018, 6,959 makerspaces operated.\n")
    (warehouse.sources_root / "test-press" / "2017-05-23" / "beta.txt").unlink()
    (warehouse.sources_root / "test-press" / "2017-05-23" / "beta.txt.meta.yml").unlink()
    third = _ingest(warehouse)
    assert third["ingested_this_run"] == 2 and third["removed"] == ["beta"]

    with duckdb.connect(str(warehouse.build_database), read_only=True) as connection:
        documents = dict(connection.execute("select document_id, clean_text from raw.documents").fetchall())
        sentences = connection.execute("select distinct document_id from raw.sentences order by 1").fetchall()
        events = connection.execute("select document_id, event from raw.document_events order by detected_at, document_id").fetchall()
    assert set(documents) == {"alpha", "gamma"}
    assert "6,959" in documents["alpha"]
    assert sentences == [("alpha",), ("gamma",)]
    assert events == [("alpha", "added"), ("beta", "added"), ("alpha", "changed"), ("beta", "removed"), ("gamma", "added")]


def test_a_run_left_started_by_a_killed_process_is_marked_failed_and_logged(warehouse):
    instance = dg.DagsterInstance.ephemeral()
    gone = subprocess.Popen(["true"])
    gone.wait()  # a pid whose process has ended, as after kill -9
    killed = dg.DagsterRun(
        job_name="refresh_warehouse", run_id=make_new_run_id(), status=dg.DagsterRunStatus.STARTED,
        tags={PID_TAG: str(gone.pid), HOST_TAG: socket.gethostname()},
    )  # fmt: skip
    alive = dg.DagsterRun(
        job_name="refresh_warehouse", run_id=make_new_run_id(), status=dg.DagsterRunStatus.STARTED,
        tags={PID_TAG: str(os.getpid()), HOST_TAG: socket.gethostname()},
    )  # fmt: skip
    instance.add_run(killed)
    instance.add_run(alive)

    tick = _tick(warehouse, instance)
    assert isinstance(tick, dg.SkipReason) and f"waiting for run {alive.run_id}" in tick.skip_message
    assert instance.get_run_by_id(killed.run_id).status == dg.DagsterRunStatus.FAILURE
    assert instance.get_run_by_id(alive.run_id).status == dg.DagsterRunStatus.STARTED
    [record] = [json.loads(line) for line in (Path(warehouse.warehouse_dir) / "refresh_log.jsonl").read_text().splitlines()]
    assert record["run_id"] == killed.run_id and record["outcome"] == "failure"
    assert f"its process (pid {gone.pid}) is gone" in record["message"]


def test_every_library_module_is_part_of_the_extraction_fingerprint(tmp_path):
    # a changed model or helper module of figures/ must re-extract unchanged documents: editing
    # any file of a copy of the package changes the fingerprint the extraction's cache is keyed on
    package = tmp_path / "figures"
    shutil.copytree(Path(figures.__file__).parent, package, ignore=shutil.ignore_patterns("__pycache__"))
    before = tree_fingerprint(package, EXTRACTION_CODE)
    edited = [path for path in sorted(package.rglob("*")) if path.suffix in (".py", ".json")]
    assert {path.name for path in edited} >= {"cue_index.py", "chinese_owners.py", "spans.py", "period_model_zh.json"}
    for path in edited:
        original = path.read_bytes()
        path.write_bytes(original + b"\n")
        assert tree_fingerprint(package, EXTRACTION_CODE) != before, path.relative_to(package)
        path.write_bytes(original)
    assert tree_fingerprint(package, EXTRACTION_CODE) == before
