"""The new-documents sensor delivers every change of sources/ to the published warehouse: a
document added, one added while a refresh runs, one removed (sources/ goes back to an earlier
state, whose digest repeats) and re-added. Each request runs the real refresh job, the way the
daemon would: under the request's tags, and only if no earlier run used its run key."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import dagster as dg
import duckdb
import pytest

from orchestration.definitions import defs
from orchestration.defs.operations.sensors import new_documents_sensor
from orchestration.resources import WarehouseResource
from orchestration.source_watch import INGESTED_SOURCES_FILE
from tests.build_options import WITHOUT_DBT_DATA_TESTS

pytestmark = pytest.mark.pipeline  # scheduled first (tests/conftest.py)

FOLDER = "test-press/2018-03-01"
META = "file: {name}\ntitle: {name}\npublisher: Test Press\npublished_on: 2018-03-01\nformat: text\nlanguage: en\nsource_tier: 2\n"
TEXTS = {
    "alpha": "By the end of 2017, China had 5,739 makerspaces.\n",
    "beta": "Over 1,600 incubators were in operation in 2014.\n",
    "gamma": "In 2017 the Torch Center counted 4,063 incubators nationwide.\n",
}


def _add(sources: Path, document_id: str) -> None:
    folder = sources / FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{document_id}.txt").write_text(TEXTS[document_id])
    (folder / f"{document_id}.txt.meta.yml").write_text(META.format(name=f"{document_id}.txt"))


def _remove(sources: Path, document_id: str) -> None:
    for name in (f"{document_id}.txt", f"{document_id}.txt.meta.yml"):
        (sources / FOLDER / name).unlink()


def _published_documents(warehouse: WarehouseResource) -> set[str]:
    with duckdb.connect(str(warehouse.published_database), read_only=True) as connection:
        return {row[0] for row in connection.execute("select document_id from marts.dim_document").fetchall()}


class Daemon:
    """Ticks the sensor and runs what it requests, deduplicating run keys as Dagster does."""

    def __init__(self, warehouse: WarehouseResource):
        self.warehouse = warehouse
        self.instance = dg.DagsterInstance.ephemeral()
        self.run_keys: set[str] = set()

    def tick(self):
        with dg.build_sensor_context(instance=self.instance, resources={"warehouse": self.warehouse}) as context:
            return new_documents_sensor(context)

    def run(self, request: dg.RunRequest, while_running=None) -> None:
        assert request.run_key not in self.run_keys, "Dagster would skip a repeated run key"
        self.run_keys.add(request.run_key)
        tags = {**request.tags, "dagster/run_key": request.run_key, "dagster/sensor_name": new_documents_sensor.name}
        watcher = None
        if while_running:
            watcher = threading.Thread(target=_after_ingestion, args=(Path(self.warehouse.warehouse_dir), while_running))
            watcher.start()
        result = defs.get_job_def("refresh_warehouse").execute_in_process(
            instance=self.instance, resources={"warehouse": self.warehouse}, tags=tags
        )
        if watcher:
            watcher.join()
        assert result.success


def _after_ingestion(warehouse_dir: Path, action) -> None:
    """Act once the running refresh has read sources/ (its ingestion recorded what it read)."""
    snapshot = warehouse_dir / INGESTED_SOURCES_FILE
    before = snapshot.stat().st_mtime_ns if snapshot.exists() else None
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        if snapshot.exists() and snapshot.stat().st_mtime_ns != before:
            action()
            return
        time.sleep(0.05)


def test_sensor_delivers_add_add_during_run_remove_and_re_add(tmp_path, monkeypatch):
    monkeypatch.setenv("WAREHOUSE_DIR", str(tmp_path / "warehouse"))  # dbt's profile reads it
    for name, value in WITHOUT_DBT_DATA_TESTS.items():  # delivery is the claim, not the data tests
        monkeypatch.setenv(name, value)
    sources = tmp_path / "sources"
    _add(sources, "alpha")
    warehouse = WarehouseResource(sources_dir=str(sources), warehouse_dir=str(tmp_path / "warehouse"))
    daemon = Daemon(warehouse)

    first = daemon.tick()
    assert first.tags["source_changes"] == "1 added, 0 changed, 0 removed"
    daemon.run(first)
    assert _published_documents(warehouse) == {"alpha"}
    assert isinstance(daemon.tick(), dg.SkipReason)

    # add beta; gamma arrives while that refresh runs
    _add(sources, "beta")
    added = daemon.tick()
    assert added.tags["source_changes"] == "1 added, 0 changed, 0 removed"
    daemon.run(added, while_running=lambda: _add(sources, "gamma"))
    assert _published_documents(warehouse) == {"alpha", "beta"}
    late = daemon.tick()
    assert isinstance(late, dg.RunRequest), "the document added during the run must not be lost"
    assert late.tags["source_changes"] == "1 added, 0 changed, 0 removed"
    daemon.run(late)
    assert _published_documents(warehouse) == {"alpha", "beta", "gamma"}

    # remove gamma: sources/ is back in the state the second run read (same digest)
    _remove(sources, "gamma")
    removed = daemon.tick()
    assert removed.tags["sources_digest"] == added.tags["sources_digest"]
    assert removed.tags["source_changes"] == "0 added, 0 changed, 1 removed"
    daemon.run(removed)
    assert _published_documents(warehouse) == {"alpha", "beta"}

    # re-add gamma: the digest of the third run's state repeats
    _add(sources, "gamma")
    re_added = daemon.tick()
    assert re_added.tags["sources_digest"] == late.tags["sources_digest"]
    daemon.run(re_added)
    assert _published_documents(warehouse) == {"alpha", "beta", "gamma"}
    unchanged = daemon.tick()
    assert isinstance(unchanged, dg.SkipReason) and "unchanged since the refresh published" in unchanged.skip_message
