"""Dagster resources: the warehouse paths and the dbt project, both from configuration."""

from __future__ import annotations

import importlib.metadata
import json
import os
import socket
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from functools import cached_property
from pathlib import Path

import dagster as dg
from dagster_dbt import DbtCliResource, DbtProject
from dagster_dbt.dbt_project import DagsterDbtProjectPreparer

from orchestration.dbt_command import dbt_command
from orchestration.settings import DBT_PROJECT_DIR, SAVED_PARSE, configured_paths, shard_store_dir


class WarehouseResource(dg.ConfigurableResource):
    """Locations of the document tree and the warehouse folder (absolute paths)."""

    sources_dir: str
    warehouse_dir: str

    @property
    def sources_root(self) -> Path:
        return Path(self.sources_dir)

    @property
    def build_database(self) -> Path:
        return Path(self.warehouse_dir) / "build" / "warehouse.duckdb"

    @property
    def published_database(self) -> Path:
        return Path(self.warehouse_dir) / "warehouse.duckdb"

    @property
    def shard_store_dir(self) -> Path:
        """The document rows computed ahead by bucket (orchestration/shard_store.py)."""
        return shard_store_dir(self.warehouse_dir)

    @contextmanager
    def yield_for_execution(self, context: dg.InitResourceContext) -> Iterator[WarehouseResource]:
        """A run holds the build for its whole length (one refresh at a time, see
        orchestration.refresh_lock); a sensor or schedule reading the paths holds nothing."""
        if context.run is None:
            yield self
            return
        from orchestration.refresh_lock import (
            HOST_TAG,
            PID_TAG,
            fail_abandoned_runs,
            hold_build,
            lock_wait_seconds,
            started_by,
        )

        run = context.run

        def waiting(holder) -> None:
            who = holder.describe() if holder else "another process"
            context.log.warning(f"waiting for the warehouse build, in use by {who}")

        if context.instance is not None:
            # Name this run's process, so a kill -9 can be told apart from a long run.
            context.instance.add_run_tags(run.run_id, {PID_TAG: str(os.getpid()), HOST_TAG: socket.gethostname()})
        with hold_build(
            Path(self.warehouse_dir),
            run_id=run.run_id,
            started_by=started_by(run.tags),
            wait_seconds=lock_wait_seconds(),
            on_wait=waiting,
        ):
            if context.instance is not None:
                for run_id in fail_abandoned_runs(context.instance, Path(self.warehouse_dir)):
                    context.log.warning(f"run {run_id} was left in progress by a killed process; marked failed")
            yield self


class ShardStoreResource(dg.ConfigurableResource):
    """The document tree and the shard store a partition of `document_shards` reads and writes.
    Unlike WarehouseResource it holds no lock: partitions never open the build database, so any
    number of them run at once, on any machine that sees both folders."""

    sources_dir: str
    store_dir: str


def shard_store_resource() -> ShardStoreResource:
    paths = configured_paths()
    return ShardStoreResource(sources_dir=str(paths.sources_dir), store_dir=str(shard_store_dir(paths.warehouse_dir)))


def warehouse_resource() -> WarehouseResource:
    paths = configured_paths()
    return WarehouseResource(
        sources_dir=str(paths.sources_dir), warehouse_dir=str(paths.warehouse_dir)
    )


# dbt is installed beside this interpreter; put it first on PATH so an unactivated venv
# (`.venv/bin/python -m ...`, CI) runs the locked dbt and not some other one.
_INTERPRETER_BIN = str(Path(sys.executable).parent)
if os.environ.get("PATH", "").split(os.pathsep)[0] != _INTERPRETER_BIN:
    os.environ["PATH"] = os.pathsep.join([_INTERPRETER_BIN, os.environ.get("PATH", "")])

dbt_project = DbtProject(project_dir=DBT_PROJECT_DIR, profiles_dir=DBT_PROJECT_DIR)


# The variables profiles.yml reads into what dbt hashes to decide whether a saved parse
# (partial_parse.msgpack) is reusable: the output, the database's path and DuckDB's settings.
# WAREHOUSE_DIR is not among them while DBT_DUCKDB_PATH is set (orchestration.settings sets it);
# threads are not hashed.
PROFILE_VARIABLES = ("DBT_TARGET", "DBT_DUCKDB_PATH", "DUCKDB_MEMORY_LIMIT")
PARSE_PROFILE_FILE = "saved_parse_profile.json"


def _parse_profile() -> str:
    """The profile's variables and the saved parse's size and time: a dbt run by hand in the
    project folder rewrites the saved parse under its own profile (an absolute database path)."""
    saved = SAVED_PARSE.stat() if SAVED_PARSE.exists() else None
    stamp = [saved.st_size, saved.st_mtime_ns] if saved else None
    return json.dumps({**{name: os.environ.get(name) for name in PROFILE_VARIABLES}, "saved_parse": stamp}, sort_keys=True)


def _parse_profile_path() -> Path:
    return dbt_project.manifest_path.parent / PARSE_PROFILE_FILE


def _manifest_is_stale() -> bool:
    """True when manifest.json is missing or older than any file of the dbt project, or when the
    saved parse was made under another profile: every build in a new warehouse folder would then
    parse the whole project again (a cold seed `make run` took 15.7 to 16.0 s instead of 12.6 to
    13.9 s)."""
    manifest = dbt_project.manifest_path
    if not manifest.exists():
        return True
    saved_profile = _parse_profile_path()
    if not saved_profile.exists() or saved_profile.read_text() != _parse_profile():
        return True
    built = manifest.stat().st_mtime
    project_files = (
        path
        for folder in ("models", "seeds", "macros", "tests", "snapshots", "analyses")
        for path in (DBT_PROJECT_DIR / folder).rglob("*")
        if path.is_file()
    )
    tops = (DBT_PROJECT_DIR / name for name in ("dbt_project.yml", "profiles.yml"))
    return any(path.stat().st_mtime > built for path in (*tops, *project_files))


def prepare_dbt_manifest(force: bool = False) -> Path:
    """Make sure manifest.json exists and matches the project (dbt parse needs no database).

    Every entry point, `dagster dev` included, parses only when asked to or when a project file
    is newer than the manifest: a fresh clone works without a build step, an edited model is
    picked up on the next load, and an unchanged project is never parsed again (parsing took
    about half of `make dev`'s start-up).
    """
    configured_paths()  # profiles.yml needs WAREHOUSE_DIR even to parse
    if force or _manifest_is_stale():
        _CheckoutPreparer().prepare(dbt_project)
        _parse_profile_path().write_text(_parse_profile())
    return dbt_project.manifest_path


class _CheckoutPreparer(DagsterDbtProjectPreparer):
    """dagster-dbt's `dbt parse`, keeping the seeds in the saved parse (partial_parse.msgpack).

    dagster-dbt marks every seed changed in it, for a parse made on another machine, whose seed
    paths would be wrong here. This one is made here, for this checkout (dbt_project/target is not
    committed), and each new warehouse folder's first build starts from it: with the mark, each
    such build parsed the seeds and what reads them again (0.5 s of CPU of about 3).
    """

    def _invalidate_seeds_in_partial_parse(self, project: DbtProject) -> None:
        return None


class WarehouseDbtResource(DbtCliResource):
    """dagster-dbt's dbt CLI resource without two start-up costs this project does not need.

    - dbt's version: dagster-dbt runs `dbt --version` in a subprocess (a whole dbt start-up, 2 to
      3 s of CPU) on each resource it builds; the dbt run here is the locked dbt-core beside this
      interpreter, so the installed package's version is the answer.
    - the in-process dbt adapter: dagster-dbt opens one only for its own row-count and column
      fetches, which orchestration/table_metadata.py replaces (they would hold DuckDB's lock);
      loading dbt's profile and adapter in the Dagster process cost about 2 s of CPU per run.
    """

    @cached_property
    def _cli_version(self):
        from packaging import version

        return version.parse(importlib.metadata.version("dbt-core"))

    def _initialize_dbt_core_adapter(self, args: Sequence[str]):
        return None


def dbt_resource() -> DbtCliResource:
    """dbt run from the warehouse's build folder (orchestration/dbt_command.py): the command's
    interpreter is the executable, the rest of it goes first among dbt's arguments."""
    executable, *arguments = dbt_command()
    return WarehouseDbtResource(project_dir=dbt_project, dbt_executable=executable, global_config_flags=arguments)
