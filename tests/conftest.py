"""Test session set-up: the pipeline reads the project's sources and writes a temporary warehouse.

`make test` runs the suite on two pytest-xdist workers (`-n 2 --dist loadgroup`; a bare
`python -m pytest` runs it in one process). Each worker is its own process with its own temporary WAREHOUSE_DIR. The tests that
use a session fixture built by a whole refresh (SHARED_BUILDS) go to one worker together, which
builds it once (`--dist loadgroup`): the seed build below, the analyst outputs' refresh
(tests/analyst_outputs/conftest.py, one document added to a copy of the seed build), the refresh
that adds a crafted document whose outputs cannot be written (crafted_conversion_refresh below), the small
corpus the incremental and batched refreshes start from (tests/orchestration/conftest.py) and
the corpus the cross-language and found-organisation tests read (tests/warehouse/conftest.py).
Tests whose claim is not what dbt's data tests check leave them out of their refreshes
(tests/build_options.py).
"""

from __future__ import annotations

import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent
# Session fixtures that run a whole refresh: every test using one runs on the same xdist worker.
SHARED_BUILDS = ("seed_build", "refreshed", "documents_build", "corpus_build", "crafted_conversion_refresh")


# Before any orchestration module is imported: every path the pipeline uses is configuration.
# Set on import of this file, not in pytest_configure: pytest imports the conftest files of the
# paths it is given (tests/orchestration/conftest.py imports the code location) before it calls
# any pytest_configure.
os.environ["WAREHOUSE_DIR"] = tempfile.mkdtemp(prefix="warehouse-test-")
os.environ.setdefault("SOURCES_DIR", str(REPO_ROOT / "sources"))
os.environ.pop("DAGSTER_HOME", None)
# dbt's unit tests test the project's SQL, not a warehouse (orchestration/defs/transformation/
# unit_tests.py): one build of the session runs them, the cold build of documents_build
# (tests/orchestration/conftest.py, with a record of its own), and its test asserts that every
# one ran and passed. This record of the session's, shared with the workers (they inherit the
# controller's environment), says they passed, so no other build runs them again (15 s of CPU each).
# (A record given from outside is left as it is: only builds ever write to it.)
SESSION_UNIT_TESTS_RECORD = "DBT_UNIT_TESTS_CACHE" not in os.environ
os.environ.setdefault("DBT_UNIT_TESTS_CACHE", tempfile.mkdtemp(prefix="dbt-unit-tests-"))
# dbt's own log file (dbt.log in each warehouse's dbt target folder) at warning level: its default,
# debug, writes about 10 MB of JSON per build of a few documents, 8% of the build's CPU. Dagster
# still receives every event dbt prints.
os.environ.setdefault("DBT_LOG_LEVEL_FILE", "warn")
# Two dbt threads, not the profile's four: two test workers share the machine's two cores, and
# dbt's nodes are mostly Python under one lock. A full build of the seed documents: 9.5 s of CPU
# and 8.6 s wall with two, 9.9 s and 8.9 s with four (three runs each).
os.environ.setdefault("DBT_THREADS", "2")
# Ingestion and extraction in the test process, not on a process pool: the two test workers
# already hold both cores, and a pool's spawned workers each import and warm up the figures
# library. The corpus build of 30 small documents (tests/warehouse/conftest.py): 30.2 s of CPU
# with the pool (ingestion 7.8 s, extraction 10.6 s wall), 12.5 s without (0.3 s, 0.8 s).
# tests/orchestration/test_parallel_map.py runs both steps' functions on the pool.
os.environ.setdefault("PIPELINE_WORKERS", "1")
# The reference places' rows, computed by the session's first cold build and read by the others
# (orchestration/defs/reference/assets.py), in a folder of this session's, not the repo's.
os.environ.setdefault("REFERENCE_PLACES_CACHE", tempfile.mkdtemp(prefix="reference-places-"))


def pytest_configure(config):
    config.addinivalue_line(
        "markers", "pipeline: runs the whole pipeline or a process of it (xdist starts these first)"
    )
    if hasattr(config, "workerinput"):
        return  # an xdist worker: the controller parsed the project before it started the workers
    # Parse the dbt project when a file of it is newer than the manifest, so the Dagster assets
    # match the models on disk.
    from orchestration.resources import prepare_dbt_manifest

    prepare_dbt_manifest()
    if SESSION_UNIT_TESTS_RECORD:
        _record_unit_tests_as_run_by_documents_build()


def pytest_collection_finish(session):
    """dbt started once in a process that runs tests which build (orchestration/dbt_server.py,
    as `make run` does), forked for each dbt command of its in-process refreshes; a `make run` a
    test starts runs a server of its own. (Not in the xdist controller, which runs no test.)"""
    config = session.config
    if getattr(config.option, "numprocesses", None) and not hasattr(config, "workerinput"):
        return
    if not any(_start_rank(item) < 2 for item in session.items):
        return  # no refresh among these tests
    from contextlib import ExitStack

    from orchestration.dbt_server import started

    config._dbt_server = ExitStack()
    config._dbt_server.enter_context(started())


def pytest_unconfigure(config):
    server = getattr(config, "_dbt_server", None)
    if server is not None:
        server.close()  # waits for the server, so its dbt commands count in this process's CPU


def _record_unit_tests_as_run_by_documents_build() -> None:
    from orchestration.defs.transformation.assets import DBT_PROJECT_INPUTS
    from orchestration.defs.transformation.unit_tests import cache_dir, unit_tests_key
    from orchestration.incremental import tree_fingerprint
    from orchestration.settings import DBT_PROJECT_DIR

    cache_dir().mkdir(parents=True, exist_ok=True)
    (cache_dir() / unit_tests_key(tree_fingerprint(DBT_PROJECT_DIR, DBT_PROJECT_INPUTS))).touch()


@pytest.hookimpl(tryfirst=True)  # before xdist reads the groups in its own hook
def pytest_collection_modifyitems(config, items):
    """Keep the tests that share an expensive fixture on one worker, so it is built once: those
    of a session build (SHARED_BUILDS) together, and those of one module-scoped fixture of the
    project's together. Every other test is scheduled on its own.

    Then put the expensive work first: xdist hands out work in collection order (`make test`
    passes --no-loadscope-reorder), so the shared builds and the tests that run the pipeline
    start at once and the many quick tests fill the gaps, instead of one worker starting a
    refresh of minutes when the other has nothing left to do."""
    in_worker = hasattr(config, "workerinput")
    for item in items:
        group = _shared_fixture_group(item)
        if not group and item.get_closest_marker("pipeline"):
            # a group of its own, so the scheduler (below) sees that it is expensive
            group = "pipeline:" + item.nodeid.replace("[", "(").replace("]", ")")
        if group:
            item.add_marker(pytest.mark.xdist_group(group))
            if in_worker:
                _name_the_group_in_the_test_id(item, group)
    items.sort(key=_start_rank)  # stable: the order within each rank is kept


def pytest_xdist_make_scheduler(config, log):
    """--dist loadgroup, except that an expensive work unit (a group: a shared build's tests, a
    module's shared build, a pipeline test) goes only to a worker that has nothing else to do,
    never queued behind another expensive test. xdist queues up to three units ahead on each
    worker, so a refresh of a minute could wait behind another on one worker while the other
    worker ran out of work (measured: 20 s of one worker idle at the end of the suite). The many
    quick tests come last and fill the gaps."""
    if config.getoption("dist", None) != "loadgroup":
        return None
    from xdist.scheduler import LoadGroupScheduling

    class ExpensiveToIdleWorkers(LoadGroupScheduling):
        def _reschedule(self, node) -> None:
            if node.shutting_down or not self.workqueue or not _expensive(next(iter(self.workqueue.values()))):
                super()._reschedule(node)
                return
            # A worker starts a test once it knows the next one (or is told to stop): with one
            # test pending it waits for work; with more, it is at work.
            pending = [nodeid for unit in self.assigned_work[node].values() for nodeid, done in unit.items() if not done]
            if len(pending) > 1:
                return  # busy: the expensive unit waits for an idle worker
            if pending and _grouped(pending[0]):
                # its pending test is itself expensive: give it a quick one to go on with, so the
                # expensive unit is not queued behind it
                quick = next((scope for scope, unit in self.workqueue.items() if not _expensive(unit)), None)
                if quick is not None:
                    self.workqueue.move_to_end(quick, last=False)
            self._assign_work_unit(node)

    return ExpensiveToIdleWorkers(config, log)


def _expensive(unit) -> bool:
    """A group's work unit (its tests' ids end in @group, the unit is named by the group)."""
    return any(_grouped(nodeid) for nodeid in unit)


def _grouped(nodeid: str) -> bool:
    return nodeid.rfind("@") > nodeid.rfind("]")  # as xdist tells a group from a parameter


def _name_the_group_in_the_test_id(item, group: str) -> None:
    """pytest-xdist tells its scheduler a test's group by appending "@group" to the test id the
    worker reports; xdist 3.8 writes that id to `item._nodeid`, which pytest 9 no longer reads
    (the id is `item._id`), so without this every group was split over both workers and each
    worker built the shared warehouse again (measured: seed_build, the analyst-output refresh,
    the cross-language and source-error builds each twice)."""
    from _pytest.nodeid import NodeId

    if "@" not in item.nodeid:
        item._id = NodeId.parse(f"{item.nodeid}@{group}")


def _start_rank(item) -> int:
    """0: a shared session build's tests; 1: a module's shared build or a test marked
    `pipeline` (it runs the pipeline or a process of it); 2: everything else.
    (Shared session builds first: the seed build's group is the longest run on one worker.)"""
    group = _shared_fixture_group(item)
    if group in SHARED_BUILDS:
        return 0
    if group or item.get_closest_marker("pipeline"):
        return 1
    return 2


def _shared_fixture_group(item) -> str | None:
    names = getattr(item, "fixturenames", ())
    for fixture in SHARED_BUILDS:
        if fixture in names:
            return fixture
    definitions = getattr(getattr(item, "_fixtureinfo", None), "name2fixturedefs", {})
    for name in names:
        fixturedefs = definitions.get(name) or ()
        if any(d.scope == "module" and _is_project_code(d.func) for d in fixturedefs):
            return item.nodeid.split("::")[0]
    return None


def _is_project_code(function) -> bool:
    code = getattr(function, "__code__", None)
    return code is not None and Path(code.co_filename).is_relative_to(REPO_ROOT / "tests")


@dataclass(frozen=True)
class SeedBuild:
    """One cold refresh of the seed documents: the Dagster result and where it published."""

    result: object  # dagster.ExecuteInProcessResult
    warehouse_dir: Path

    @property
    def published(self) -> Path:
        return self.warehouse_dir / "warehouse.duckdb"

    def copy_to(self, folder: Path) -> tuple[Path, Path]:
        """The seed documents and this build's warehouse folder copied under folder, for a test
        that goes on from a cold seed build (it would otherwise build the same one itself).
        Returns (sources, warehouse_dir); stored source paths are relative, so the copy refreshes
        as the original would."""
        sources, warehouse_dir = folder / "sources", folder / "warehouse"
        shutil.copytree(os.environ["SOURCES_DIR"], sources)
        shutil.copytree(self.warehouse_dir, warehouse_dir)
        return sources, warehouse_dir


@pytest.fixture(scope="session")
def seed_build(tmp_path_factory) -> SeedBuild:
    """The whole refresh_warehouse job on the seed documents, cold, in a warehouse folder of its
    own, run once per worker and shared read-only by the tests that use it. Its own folder, so no other test's refresh of the default
    WAREHOUSE_DIR can make it a no-change run (which runs no dbt tests). The folder's name has a
    quote in it, which SQL holding the path would not survive (tests/orchestration/
    test_portable_warehouse.py)."""
    from tests.build_options import refresh_in_process

    warehouse_dir = tmp_path_factory.mktemp("seed-build") / "o'brien's warehouse"
    result, _ = refresh_in_process(os.environ["SOURCES_DIR"], warehouse_dir)
    return SeedBuild(result=result, warehouse_dir=warehouse_dir)


@dataclass(frozen=True)
class CraftedConversionRefresh:
    """A copy of the seed build refreshed with one crafted document added (an impossible stated
    conversion, tests/orchestration/test_source_error_quarantine.py) while writing the analyst
    outputs fails as on a full disk: the Dagster result, its error-level log messages, and where
    it published. The source-error tests read what the document does to the warehouse, the
    analyst-output test that a failure of the outputs never blocks the publish; one refresh
    serves both (each claim is about a different part of it)."""

    result: object  # dagster.ExecuteInProcessResult
    errors: list[str]
    warehouse_dir: Path
    sources: Path


def _outputs_on_a_full_disk(*_args, **_kwargs):
    raise OSError(28, "No space left on device")


@pytest.fixture(scope="session")
def crafted_conversion_refresh(tmp_path_factory, seed_build) -> CraftedConversionRefresh:
    import logging

    import dagster as dg

    from orchestration.defs.publishing import assets as publishing
    from orchestration.resources import WarehouseResource, dbt_resource
    from tests.orchestration.test_source_error_quarantine import ASSETS, add_crafted_document

    sources, warehouse_dir = seed_build.copy_to(tmp_path_factory.mktemp("crafted-conversion"))
    add_crafted_document(sources)
    warehouse = WarehouseResource(sources_dir=str(sources), warehouse_dir=str(warehouse_dir))
    instance = dg.DagsterInstance.ephemeral()
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("WAREHOUSE_DIR", str(warehouse_dir))  # read by dbt's profiles.yml
        patch.setattr(publishing, "write_analyst_outputs", _outputs_on_a_full_disk)
        result = dg.materialize(
            ASSETS,
            resources={"warehouse": warehouse, "dbt": dbt_resource()},
            instance=instance,
            raise_on_error=False,
        )
    errors = [entry.user_message for entry in instance.all_logs(result.run_id) if entry.level == logging.ERROR]
    return CraftedConversionRefresh(result=result, errors=errors, warehouse_dir=warehouse_dir, sources=sources)
