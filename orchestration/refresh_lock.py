"""One refresh at a time, whichever way it starts, with a message naming who holds the build.

Every refresh writes the one build database (raw tables, dbt, validation) and publishes from
it, so two at once would collide on DuckDB's write lock or publish each other's half-work.
Dagster's run queue keeps Dagster's own runs apart (dagster.yaml: one run in progress at a
time); `make run` executes in its own process, outside the queue. Both therefore also take
this lock for their whole length: a Dagster run when its warehouse resource is set up, `make
run` before it starts. Whoever comes second waits, and says for whom it waits.

The lock is a flock on <warehouse>/build/refresh.lock. The kernel frees it when its process
ends, however it ends (kill -9 included), so a dead holder never blocks the next refresh. The
file's content names the holder (run id, pid, how the run started, since when); it is only
information, read by whoever waits.

A refresh killed mid-way cannot report its own end: `abandoned_runs` finds Dagster runs still
marked in progress whose process is gone, so they can be marked failed and logged.
"""

from __future__ import annotations

import fcntl
import json
import os
import socket
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

LOCK_FILE = "build/refresh.lock"
# Run tags that say which process runs a Dagster run, so an abandoned one can be recognised.
PID_TAG = "warehouse/pid"
HOST_TAG = "warehouse/host"
# How often a waiting refresh looks at the lock again.
POLL_SECONDS = 1.0


@dataclass(frozen=True)
class Holder:
    run_id: str | None
    pid: int | None
    host: str | None
    started_by: str | None
    since: str | None

    def describe(self) -> str:
        run = f"run {self.run_id}" if self.run_id else "a refresh"
        where = f"pid {self.pid}" + (f" on {self.host}" if self.host and self.host != socket.gethostname() else "")
        how = f", started by {self.started_by}" if self.started_by else ""
        since = f", since {self.since}" if self.since else ""
        return f"{run} ({where}{how}{since})"


class BuildBusy(RuntimeError):
    """Another refresh holds the build and did not let go in the time allowed."""

    def __init__(self, lock_path: Path, holder: Holder | None, waited: float):
        self.holder = holder
        who = holder.describe() if holder else "another process (it did not say who)"
        super().__init__(
            f"The warehouse build is in use by {who}; waited {waited:.0f} s for it "
            f"(lock {lock_path}). Only one refresh runs at a time: try again when it has finished."
        )


def lock_path(warehouse_dir: Path) -> Path:
    return Path(warehouse_dir) / LOCK_FILE


# Locks this process holds: path -> [open file, nesting depth]. A flock belongs to an open
# file, and a second open of the same file in this process would conflict with the first, so
# `make run` (which takes the lock) and the run it executes (whose resource takes it again)
# share one.
_held: dict[str, list] = {}


def read_holder(warehouse_dir: Path) -> Holder | None:
    """Who the lock file names (the current holder while the lock is held)."""
    try:
        data = json.loads(lock_path(warehouse_dir).read_text() or "{}")
    except (OSError, ValueError):
        return None
    if not data:
        return None
    return Holder(
        run_id=data.get("run_id"), pid=data.get("pid"), host=data.get("host"),
        started_by=data.get("started_by"), since=data.get("since"),
    )  # fmt: skip


def holder_if_busy(warehouse_dir: Path) -> Holder | None | bool:
    """The holder when another process holds the lock (True if it names no one), else None."""
    path = lock_path(warehouse_dir)
    if str(path) in _held:
        return None
    if not path.exists():
        return None
    with open(path, "a+") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return read_holder(warehouse_dir) or True
        fcntl.flock(handle, fcntl.LOCK_UN)
    return None


def _write_holder(handle, run_id: str | None, started_by: str | None) -> None:
    record = {
        "run_id": run_id, "pid": os.getpid(), "host": socket.gethostname(),
        "started_by": started_by, "since": datetime.now(UTC).isoformat(timespec="seconds"),
    }  # fmt: skip
    try:
        handle.seek(0)
        handle.truncate()
        handle.write(json.dumps(record))
        handle.flush()
    except OSError:
        pass  # a full disk: the lock still holds, only the holder's name is missing


@contextmanager
def hold_build(
    warehouse_dir: Path,
    *,
    run_id: str | None,
    started_by: str | None,
    wait_seconds: float,
    on_wait: Callable[[Holder | None], None] = lambda holder: None,
) -> Iterator[None]:
    """Hold the build for the block; wait up to wait_seconds for another holder, calling
    on_wait(holder) when the wait starts and whenever the holder changes; then BuildBusy."""
    path = lock_path(warehouse_dir)
    key = str(path)
    if key in _held:  # this process holds it already: nest, naming the run now known
        entry = _held[key]
        entry[1] += 1
        if run_id:
            _write_holder(entry[0], run_id, started_by)
        try:
            yield
        finally:
            entry[1] -= 1
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    handle = open(path, "a+")  # noqa: SIM115 - held open while the lock is held
    started = time.monotonic()
    announced: object = ()
    try:
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                holder = read_holder(warehouse_dir)
                waited = time.monotonic() - started
                if waited >= wait_seconds:
                    raise BuildBusy(path, holder, waited) from None
                if holder != announced:
                    on_wait(holder)
                    announced = holder
                time.sleep(POLL_SECONDS)
        _write_holder(handle, run_id, started_by)
        _held[key] = [handle, 1]
        try:
            yield
        finally:
            del _held[key]
            fcntl.flock(handle, fcntl.LOCK_UN)
    finally:
        handle.close()


def process_is_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process with that pid
    # A zombie has exited; only its exit status is left to collect.
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return True


def abandoned_runs(instance, warehouse_dir: Path) -> list:
    """Dagster runs marked in progress whose process on this machine is gone (killed), so
    they never recorded an end. A run that never named its process (killed before its
    resources were set up) counts when nothing holds the build lock."""
    import dagster as dg

    in_progress = instance.get_runs(
        filters=dg.RunsFilter(statuses=[dg.DagsterRunStatus.STARTING, dg.DagsterRunStatus.STARTED])
    )
    host = socket.gethostname()
    abandoned = []
    for run in in_progress:
        pid, run_host = run.tags.get(PID_TAG), run.tags.get(HOST_TAG)
        if pid is not None:
            if run_host == host and not process_is_alive(int(pid)):
                abandoned.append(run)
        elif _started_long_ago(instance, run) and holder_if_busy(warehouse_dir) is None:
            abandoned.append(run)
    return abandoned


# A run that has not named its process this long after it started never will.
UNNAMED_RUN_GRACE_SECONDS = 600


def _started_long_ago(instance, run) -> bool:
    record = instance.get_run_record_by_id(run.run_id)
    started = record.start_time or (record.create_timestamp.timestamp() if record.create_timestamp else None)
    return started is not None and time.time() - started > UNNAMED_RUN_GRACE_SECONDS


def started_by(tags: dict[str, str]) -> str:
    """How a Dagster run was started, from its tags."""
    if "dagster/schedule_name" in tags:
        return f"schedule {tags['dagster/schedule_name']}"
    if "dagster/sensor_name" in tags:
        return f"sensor {tags['dagster/sensor_name']}"
    return tags.get("warehouse/started_by", "Dagster (UI or API)")


def fail_abandoned_runs(instance, warehouse_dir: Path) -> list[str]:
    """Mark abandoned runs failed in Dagster and record each in the refresh log; their ids."""
    from orchestration.refresh_log import append_refresh_record

    failed = []
    for run in abandoned_runs(instance, warehouse_dir):
        pid = run.tags.get(PID_TAG)
        message = (
            f"Run {run.run_id} stopped without finishing: its process"
            f"{f' (pid {pid})' if pid else ''} is gone (killed or crashed). "
            "The published warehouse was left as it was; the next refresh redoes the work."
        )
        instance.report_run_failed(run, message)
        try:
            append_refresh_record(
                Path(warehouse_dir), run_id=run.run_id, recorded_at=datetime.now(UTC).isoformat(),
                outcome="failure", step=None, message=message,
            )  # fmt: skip
        except OSError:
            pass  # the run is marked failed in Dagster; a full disk only loses the log line
        failed.append(run.run_id)
    return failed


# How long a refresh waits for another to finish before giving up (a cold build of 10,000
# documents takes about 12 minutes); REFRESH_LOCK_WAIT_SECONDS overrides it.
DEFAULT_WAIT_SECONDS = 3 * 3600


def lock_wait_seconds() -> float:
    return float(os.environ.get("REFRESH_LOCK_WAIT_SECONDS", DEFAULT_WAIT_SECONDS))
