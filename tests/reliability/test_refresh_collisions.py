"""`make run` (python -m orchestration.run) against other refreshes, other DuckDB users, a full
disk and a logs folder it cannot write: it waits for or names whoever holds the build, writes
its own run log, and says the real cause in one line, never a traceback."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.build_options import WITHOUT_DBT_DATA_TESTS

pytestmark = pytest.mark.pipeline  # scheduled first (tests/conftest.py)

REPO_ROOT = Path(__file__).resolve().parents[2]
META = "file: {name}\ntitle: {name}\npublisher: Test Press\npublished_on: 2018-03-01\nformat: text\nlanguage: en\nsource_tier: 2\n"


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    folder = tmp_path / "sources" / "test-press" / "2018-03-01"
    folder.mkdir(parents=True)
    (folder / "alpha.txt").write_text("By the end of 2017, China had 5,739 makerspaces.\n")
    (folder / "alpha.txt.meta.yml").write_text(META.format(name="alpha.txt"))
    environment = {key: value for key, value in os.environ.items() if key != "DAGSTER_HOME"}
    return environment | {
        "SOURCES_DIR": str(tmp_path / "sources"),
        "WAREHOUSE_DIR": str(tmp_path / "warehouse"),
        "PYTHONUNBUFFERED": "1",
    }


def _refresh(env: dict[str, str], **extra: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "orchestration.run"], cwd=REPO_ROOT, env=env | extra,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip


def _finish(process: subprocess.Popen, timeout: float = 600) -> tuple[int, str, str]:
    out, err = process.communicate(timeout=timeout)
    return process.returncode, out, err


def _holder(script: str, env: dict[str, str]) -> subprocess.Popen:
    """A helper process that takes something, prints 'held', and keeps it until killed."""
    process = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(script)], cwd=REPO_ROOT, env=env,
        stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    assert process.stdout.readline().strip() == "held"
    return process


def test_two_refreshes_at_once_both_complete_each_with_its_own_log(env):
    first = _refresh(env, **WITHOUT_DBT_DATA_TESTS)  # waiting and logs are the claim, not the data tests
    second = _refresh(env, **WITHOUT_DBT_DATA_TESTS)
    (code_1, out_1, err_1), (code_2, out_2, err_2) = _finish(first), _finish(second)
    assert (code_1, code_2) == (0, 0), err_1 + err_2
    waited = out_1 + out_2
    assert "The warehouse build is in use by run " in waited and "started by make run" in waited
    logs = sorted(path.name for path in (Path(env["WAREHOUSE_DIR"]) / "logs").iterdir())
    assert len(logs) == 3 and "last_run.log" in logs  # two runs' own logs and the link to the latest
    assert all(f"Run log: {Path(env['WAREHOUSE_DIR'])}/logs/" in out for out in (out_1, out_2))
    # the first to run publishes; the other then finds nothing new and says so, not "Published"
    said = sorted(("Published " in out, "No change since the last publish" in out) for out in (out_1, out_2))
    assert said == [(False, True), (True, False)], out_1 + out_2
    pages = Path(env["WAREHOUSE_DIR"]) / "for_analysts" / "index.html"
    assert pages.exists() and all(f"Pages for analysts: {pages}" in out for out in (out_1, out_2))


def test_a_refresh_that_cannot_get_the_build_names_its_holder(env):
    holder = _holder(
        """
        import time
        from pathlib import Path
        from orchestration.refresh_lock import hold_build
        import os
        with hold_build(Path(os.environ["WAREHOUSE_DIR"]), run_id="nightly-0042", started_by="schedule nightly_refresh", wait_seconds=0):
            print("held", flush=True)
            time.sleep(600)
        """,
        env,
    )
    try:
        code, out, err = _finish(_refresh(env, REFRESH_LOCK_WAIT_SECONDS="3"))
    finally:
        holder.kill()
        holder.wait()
    assert code == 2
    assert f"in use by run nightly-0042 (pid {holder.pid}, started by schedule nightly_refresh" in out
    assert f"Refresh not run: The warehouse build is in use by run nightly-0042 (pid {holder.pid}" in err
    assert "Traceback" not in err


def test_a_foreign_connection_holding_the_database_is_named(env):
    build = Path(env["WAREHOUSE_DIR"]) / "build" / "warehouse.duckdb"
    build.parent.mkdir(parents=True)
    holder = _holder(
        f"""
        import time, duckdb
        connection = duckdb.connect({str(build)!r})
        print("held", flush=True)
        time.sleep(600)
        """,
        env,
    )
    try:
        code, _, err = _finish(_refresh(env))
    finally:
        holder.kill()
        holder.wait()
    assert code == 1
    assert f"FAILED ingested_documents: the database {build} is locked by another process: pid {holder.pid} ({sys.executable} -c" in err
    assert "Error occurred while executing" not in err and "Traceback" not in err


def test_a_logs_folder_that_cannot_be_written_is_said_plainly(env):
    warehouse = Path(env["WAREHOUSE_DIR"])
    warehouse.mkdir()
    (warehouse / "logs").write_text("a file where the logs folder should be")
    code, _, err = _finish(_refresh(env))
    assert code == 2
    assert f"Refresh not run: cannot write the run log in {warehouse / 'logs'}: FileExistsError" in err
    assert "Traceback" not in err


def _mount_tmpfs(path: Path, size: str) -> bool:
    path.mkdir(parents=True, exist_ok=True)
    if os.geteuid() != 0 or not shutil.which("mount"):
        return False
    return subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(path)], capture_output=True, check=False).returncode == 0


@pytest.fixture
def small_disk(tmp_path: Path):
    """A folder on a tiny file system of its own (a tmpfs; needs root)."""
    mounted = []

    def make(path: Path, size: str) -> Path:
        if not _mount_tmpfs(path, size):
            pytest.skip("mounting a small file system needs root")
        mounted.append(path)
        return path

    yield make
    for path in mounted:
        subprocess.run(["umount", "-l", str(path)], check=False)


def test_a_full_logs_folder_is_said_plainly(env, small_disk):
    logs = small_disk(Path(env["WAREHOUSE_DIR"]) / "logs", "64k")
    (logs / "filler").write_bytes(b"x" * 64 * 1024)
    code, _, err = _finish(_refresh(env))
    assert code == 2
    assert f"Refresh not run: cannot write the run log in {logs}: the disk is full (no space left on device)" in err
    assert "Traceback" not in err


def test_a_full_disk_during_the_build_is_said_plainly(env, small_disk):
    small_disk(Path(env["WAREHOUSE_DIR"]), "3m")
    code, _, err = _finish(_refresh(env))
    assert code == 1
    assert "the disk is full (no space left on device)" in err
    assert "Run failed; the published warehouse" in err
    assert "Traceback" not in err
