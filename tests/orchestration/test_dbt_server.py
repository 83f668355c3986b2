"""dbt commands run by the started dbt server (orchestration/dbt_server.py) behave as dbt run by
itself: the same output on the command's own streams and the same exit status; dbt runs in the
command's process group, so a kill of that group (or of the command) stops it; a command of
another session is refused and runs dbt itself."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from orchestration.dbt_command import dbt_command
from orchestration.dbt_server import SERVER_ENV, started

REPO_ROOT = Path(__file__).resolve().parents[2]
PROJECT = REPO_ROOT / "dbt_project"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """A server of this module's own, its socket and its pid."""
    with started():
        path = os.environ[SERVER_ENV]
        yield path, _pid_with_argument(path)


def _pid_with_argument(argument: str) -> int:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        for entry in Path("/proc").iterdir():
            try:
                if entry.name.isdigit() and argument in (entry / "cmdline").read_bytes().decode(errors="replace"):
                    return int(entry.name)
            except OSError:
                continue
        time.sleep(0.05)
    raise AssertionError(f"no process runs with {argument}")


def _children(pid: int) -> dict[int, int]:
    """The live forks of the server pid (its command line, unlike the helpers a dbt import
    starts, such as multiprocessing's resource tracker), each with its process group."""
    found = {}
    server_command = Path(f"/proc/{pid}/cmdline").read_bytes()
    for entry in Path("/proc").iterdir():
        try:
            if not entry.name.isdigit() or (entry / "cmdline").read_bytes() != server_command:
                continue
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        state, parent, group = fields[0], int(fields[1]), int(fields[2])
        if parent == pid and state != "Z":
            found[int(entry.name)] = group
    return found


def _environment(server: str | None, warehouse: Path) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if key != SERVER_ENV}
    return env | {"WAREHOUSE_DIR": str(warehouse)} | ({SERVER_ENV: server} if server else {})


def _run(server: str | None, warehouse: Path, *arguments: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [*dbt_command(), *arguments], env=_environment(server, warehouse), capture_output=True, text=True,
        cwd=REPO_ROOT, check=False,
    )  # fmt: skip


def test_a_served_command_prints_and_exits_as_dbt_itself(server, tmp_path):
    path, _ = server
    served, direct = (_run(socket, tmp_path, "--version") for socket in (path, None))
    assert served.returncode == direct.returncode == 0
    assert "Core:" in served.stdout and served.stdout == direct.stdout
    served, direct = (_run(socket, tmp_path, "no-such-command") for socket in (path, None))
    assert served.returncode == direct.returncode == 2  # click's usage error
    assert "No such command" in served.stderr and served.stderr == direct.stderr


def _served_parse(path: str, tmp_path: Path) -> tuple[subprocess.Popen, int]:
    """A full dbt parse (several seconds) from a command in a process group of its own: the
    command (its output piped) and the server's child that runs it."""
    _, server_pid = path
    before = set(_children(server_pid))
    command = subprocess.Popen(
        [*dbt_command(), "parse", "--project-dir", str(PROJECT), "--profiles-dir", str(PROJECT),
         "--target-path", str(tmp_path / "target"), "--log-path", str(tmp_path / "logs")],
        env=_environment(path[0], tmp_path / "warehouse"), cwd=REPO_ROOT, process_group=0,
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )  # fmt: skip
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        started_children = {pid: group for pid, group in _children(server_pid).items() if pid not in before}
        if started_children and command.pid in started_children.values():
            (child,) = started_children
            return command, child
        assert command.poll() is None, "the parse ended without the server running it"
        time.sleep(0.02)
    raise AssertionError(f"the server ran no child in the command's process group: {started_children}")


def _gone(pid: int, server_pid: int) -> bool:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if pid not in _children(server_pid):
            return True
        time.sleep(0.05)
    return False


def test_killing_the_commands_group_stops_dbt(server, tmp_path):
    command, child = _served_parse(server, tmp_path)
    os.killpg(command.pid, signal.SIGKILL)
    command.communicate(timeout=60)
    assert _gone(child, server[1])
    assert not (tmp_path / "target" / "manifest.json").exists()  # stopped, not finished


def test_killing_the_command_alone_stops_dbt(server, tmp_path):
    command, child = _served_parse(server, tmp_path)
    command.kill()
    command.communicate(timeout=60)
    assert _gone(child, server[1])
    assert not (tmp_path / "target" / "manifest.json").exists()  # stopped, not finished


def test_an_interrupt_of_the_command_reaches_dbt(server, tmp_path):
    command, child = _served_parse(server, tmp_path)
    deadline = time.monotonic() + 60
    while not (tmp_path / "logs" / "dbt.log").exists() and time.monotonic() < deadline:
        time.sleep(0.02)  # dbt itself is at work (its log is open)
    command.send_signal(signal.SIGINT)  # what dagster-dbt does when a run is cancelled
    output, _ = command.communicate(timeout=60)
    assert command.returncode != 0
    # dbt was interrupted, not killed with the connection: it reports the interrupt
    assert "KeyboardInterrupt" in output or "CTRL-C" in output, output[-2000:]
    assert _gone(child, server[1])


def test_a_command_of_another_session_runs_dbt_itself(server):
    script = (
        "import sys; from orchestration.dbt_server import run_through_server;"
        " print(run_through_server([sys.executable, '--version']))"
    )
    before = set(_children(server[1]))
    completed = subprocess.run(
        [sys.executable, "-c", script], env={**os.environ, SERVER_ENV: server[0]}, capture_output=True,
        text=True, cwd=REPO_ROOT, check=True, start_new_session=True,
    )  # fmt: skip
    assert completed.stdout.strip() == "None"
    assert not set(_children(server[1])) - before  # nothing forked for it
