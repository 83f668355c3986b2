"""dbt started once per refresh process, forked per command: `python -m orchestration.dbt_server SOCKET`.

Every dbt command (the dagster-dbt build, the batched builds, dbt docs) is a new process, and
each paid dbt's start-up before doing anything: importing dbt-core, its adapter and agate, and
mashumaro building the (de)serialisers of dbt's classes, about 2 of the 3 s of CPU a command
needs before it reads the project. This server pays that once: it imports dbt and the adapter,
builds the JSON schemas dbt validates the project and profile with, and then forks a child for
each command `python -m orchestration.dbt_command` hands it (orchestration/dbt_command.py). The
child takes the command's standard streams, working folder, environment and arguments, runs dbt
as the command would have, and sends back its exit status; the command exits with it.

A child joins the command's process group, so whatever stops the command (a kill of its
group, as `make run`'s crash handling does; dagster-dbt's interrupt, which the command passes
on) stops dbt too; a command of another session (a `make run` a test started) is refused and
runs dbt itself. The children are the server's to wait for, so their CPU time counts in the
process tree of whoever started the server; the server ends when its starter closes its
standard input (or dies).

started() runs one for the calling process: `make run` starts it once Dagster is loaded (the two
imports at once only slowed each other), so dbt's start-up overlaps the documents' ingestion and
extraction; the test processes whose tests refresh a warehouse start one each (tests/conftest.py).
Under `dagster dev` no server runs and each command starts dbt itself.
"""

from __future__ import annotations

import contextlib
import json
import os
import select
import signal
import socket
import struct
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

# The socket of the server dbt commands started from this process (and its children) use.
SERVER_ENV = "WAREHOUSE_DBT_SERVER"
# dbt classes whose JSON schema dbt builds to validate dbt_project.yml, profiles.yml and the
# selectors (functools.lru_cache on the class: built once here, kept by every child).
VALIDATED_CLASSES = (
    ("dbt.contracts.project", ("ProjectFlags", "ProfileConfig", "Project", "PackageConfig", "Configuration")),
    ("dbt.contracts.selection", ("SelectorFile",)),
    ("dbt.adapters.duckdb.credentials", ("DuckDBCredentials",)),
)
REFUSED = b"refused\n"
_STATUS = struct.Struct("!i")


def _warm_up() -> None:
    import importlib

    import dbt.adapters.duckdb  # the adapter dbt loads for the profile
    import dbt.cli.main
    import dbt.task.build
    import dbt.task.docs.generate  # noqa: F401 - the docs pages' dbt command

    for module_name, class_names in VALIDATED_CLASSES:
        module = importlib.import_module(module_name)
        for name in class_names:
            with contextlib.suppress(Exception):  # a dbt without the class: built when needed
                getattr(module, name).json_schema()
    _read_saved_parse()


def _read_saved_parse() -> None:
    """Read the checkout's saved parse as dbt does at the start of every command: mashumaro
    compiles the readers of the manifest's classes on first use (about 1 s of CPU), once here."""
    from dbt.contracts.graph.manifest import Manifest
    from dbt.parser.manifest import extended_mashumuro_decoder

    from orchestration.settings import SAVED_PARSE

    with contextlib.suppress(Exception):  # no parse yet, or another dbt's: compiled when read
        Manifest.from_msgpack(SAVED_PARSE.read_bytes(), decoder=extended_mashumuro_decoder)


def serve(socket_path: str) -> None:
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    listener.bind(socket_path)
    listener.listen(16)
    _warm_up()  # a command arriving meanwhile waits in the backlog: its own start-up costs as much
    children: set[int] = set()
    try:
        while True:
            readable, _, _ = select.select([listener, sys.stdin], [], [], 0.5)
            _reap(children, block=False)
            if sys.stdin in readable and not os.read(sys.stdin.fileno(), 4096):
                break  # the starter closed our input or died
            if listener in readable:
                connection, _ = listener.accept()
                pid = _fork_for(connection)
                if pid:
                    children.add(pid)
    finally:
        listener.close()
        with contextlib.suppress(OSError):
            os.unlink(socket_path)
        _reap(children, block=True)


def _reap(children: set[int], block: bool) -> None:
    for pid in list(children):
        with contextlib.suppress(ChildProcessError):
            done, _ = os.waitpid(pid, 0 if block else os.WNOHANG)
            if not done:
                continue
        children.discard(pid)


def _receive(connection: socket.socket) -> tuple[dict, list[int]]:
    data, fds, _, _ = socket.recv_fds(connection, 1 << 20, 3)
    while not data.endswith(b"\n"):
        more = connection.recv(1 << 20)
        if not more:
            break
        data += more
    return json.loads(data), fds


def _fork_for(connection: socket.socket) -> int | None:
    """Fork a child for the command on connection; its pid, or None when refused."""
    try:
        request, fds = _receive(connection)
        client_pid = struct.unpack("3i", connection.getsockopt(socket.SOL_SOCKET, socket.SO_PEERCRED, 12))[0]
        same_session = os.getsid(client_pid) == os.getsid(0)
        group = os.getpgid(client_pid)
    except (OSError, ValueError):
        connection.close()
        return None
    if len(fds) != 3 or not same_session:
        for fd in fds:
            os.close(fd)
        with contextlib.suppress(OSError):
            connection.sendall(REFUSED)
        connection.close()
        return None
    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid == 0:
        _run_child(connection, fds, request, group)  # never returns
    with contextlib.suppress(OSError):  # here as well as in the child, as shells do: no window
        os.setpgid(pid, group)
    for fd in fds:
        os.close(fd)
    connection.close()
    return pid


def _run_child(connection: socket.socket, fds: list[int], request: dict, group: int) -> None:
    status = 1
    try:
        signal.signal(signal.SIGINT, signal.default_int_handler)
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        with contextlib.suppress(OSError):
            os.setpgid(0, group)
        for target, fd in enumerate(fds):
            os.dup2(fd, target)
            os.close(fd)
        os.chdir(request["cwd"])
        os.environ.clear()
        os.environ.update(request["env"])
        sys.argv = request["argv"]
        import random

        random.seed()  # not the server's sequence, shared by every child
        connection.sendall(f"started {os.getpid()}\n".encode())
        # The command waits for our status: if it goes away, so do we.
        threading.Thread(target=_exit_when_closed, args=(connection,), daemon=True).start()
        from orchestration.dbt_command import run_dbt

        try:
            run_dbt()
            status = 0
        except SystemExit as exit_:
            status = exit_.code if isinstance(exit_.code, int) else (0 if exit_.code is None else 1)
        except KeyboardInterrupt:
            import traceback

            traceback.print_exc()  # as Python prints it when the interrupt ends a process
            status = -signal.SIGINT
    except BaseException:  # noqa: BLE001 - reported like a crashed dbt, on its own stderr
        import traceback

        traceback.print_exc()
        status = 1
    finally:
        with contextlib.suppress(BaseException):
            import atexit

            atexit._run_exitfuncs()  # dbt's log handlers flush as at a normal exit
        with contextlib.suppress(BaseException):
            sys.stdout.flush()
            sys.stderr.flush()
        with contextlib.suppress(OSError):
            connection.sendall(_STATUS.pack(status))
        os._exit(status & 0xFF)


def _exit_when_closed(connection: socket.socket) -> None:
    with contextlib.suppress(OSError):
        while connection.recv(64):
            pass
    os.kill(os.getpid(), signal.SIGKILL)


def run_through_server(argv: list[str]) -> int | None:
    """Run dbt with these arguments in a child of the server named by SERVER_ENV: its exit status,
    or None when there is no server or it refused (the caller runs dbt itself)."""
    path = os.environ.get(SERVER_ENV)
    if not path:
        return None
    connection = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        connection.connect(path)
        request = json.dumps({"argv": argv, "env": dict(os.environ), "cwd": os.getcwd()}).encode() + b"\n"
        socket.send_fds(connection, [request], [0, 1, 2])
        reply = connection.makefile("rb")
        first = reply.readline()
    except OSError:
        connection.close()
        return None
    if not first.startswith(b"started "):
        connection.close()
        return None
    child = int(first.split()[1])

    def forward(signum, _frame) -> None:
        with contextlib.suppress(OSError):
            os.kill(child, signum)

    for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, forward)
    while True:
        try:
            status = reply.read(_STATUS.size)
            break
        except InterruptedError:
            continue
    connection.close()
    if len(status) != _STATUS.size:
        return 1  # dbt was killed before it could report
    (code,) = _STATUS.unpack(status)
    if code < 0:  # dbt ended by this signal: so does the command, as dbt itself would have
        signal.signal(-code, signal.SIG_DFL)
        os.kill(os.getpid(), -code)
        return 128 - code
    return code


@contextlib.contextmanager
def started() -> Iterator[None]:
    """A server for this process and the dbt commands it starts, for the length of the block."""
    import subprocess
    import tempfile

    folder = Path(tempfile.mkdtemp(prefix="dbt-server-"))
    path = str(folder / "socket")
    process = subprocess.Popen([sys.executable, "-m", "orchestration.dbt_server", path], stdin=subprocess.PIPE)
    previous = os.environ.get(SERVER_ENV)
    # A command started before the socket is bound runs dbt itself; after, it waits for the warm-up.
    os.environ[SERVER_ENV] = path
    try:
        yield
    finally:
        if previous is None:
            os.environ.pop(SERVER_ENV, None)
        else:
            os.environ[SERVER_ENV] = previous
        with contextlib.suppress(OSError):
            process.stdin.close()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        with contextlib.suppress(OSError):
            os.unlink(path)
        with contextlib.suppress(OSError):
            folder.rmdir()


if __name__ == "__main__":
    with contextlib.suppress(KeyboardInterrupt):  # Ctrl-C reaches the whole group; dbt reports it
        serve(sys.argv[1])
