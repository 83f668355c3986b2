"""Adversarial input, run as a hostile user would: every case runs in a forked child with a
time limit and a memory limit, so a hang or a memory blow-up fails the test instead of the
machine. Fixtures: `sources` (a sources/ tree with one good document), `add` (write a document
and its sidecar), `bounded` (run a function under the limits and return its result)."""

from __future__ import annotations

import multiprocessing
import os
import resource
import signal
import traceback
from pathlib import Path

import pytest
import yaml

GOOD_TEXT = (
    "In 2017, there were 5,739 makers' spaces according to statistics of Torch Center. "
    "The spaces helped incubated enterprises gain 3.15 billion yuan of government funding.\n"
)
GOOD_ID = "2018-12-05_torch-report"
FOLDER = "torch-center/2018-12-05"
SECONDS = 10
EXTRA_MEMORY = 768 * 1024 * 1024


def metadata_for(file_name: str, **overrides) -> dict:
    metadata = {
        "file": file_name,
        "title": "Latest Progress of Mass Entrepreneurship",
        "publisher": "Torch Center",
        "published_on": "2018-12-05",
        "url": None,
        "format": "text",
        "language": "en",
        "source_tier": 1,
    }
    return metadata | overrides


def write_document(
    root: Path,
    file_name: str,
    content: bytes | str = GOOD_TEXT,
    folder: str = FOLDER,
    sidecar: dict | str | None = None,
) -> Path:
    """A document and its sidecar (None: a valid one; "": none); returns the document path."""
    directory = root / folder
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / file_name
    path.write_bytes(content.encode() if isinstance(content, str) else content)
    if sidecar != "":
        if not isinstance(sidecar, str):
            sidecar = yaml.safe_dump(sidecar or metadata_for(file_name), allow_unicode=True)
        (directory / f"{file_name}.meta.yml").write_text(sidecar, encoding="utf-8")
    return path


@pytest.fixture
def sources(tmp_path: Path) -> Path:
    root = tmp_path / "sources"
    write_document(root, f"{GOOD_ID}.txt")
    return root


@pytest.fixture
def add():
    return write_document


class _TimeLimit(BaseException):
    """Raised in the child at the time limit; a BaseException, so no `except Exception` in
    the code under test can turn it into an ordinary outcome."""


def _time_limit(signum, frame):
    raise _TimeLimit(f"time limit of {SECONDS} s reached")


def _child(connection, function, args) -> None:
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    with open("/proc/self/statm") as statm:
        in_use = int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    limit = in_use + EXTRA_MEMORY
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard if hard != resource.RLIM_INFINITY else limit))
    signal.signal(signal.SIGALRM, _time_limit)
    signal.alarm(SECONDS)
    try:
        connection.send(("ok", function(*args)))
    except BaseException as error:  # noqa: BLE001 - reported to the parent, which fails the test
        connection.send(("raised", f"{type(error).__name__}: {error}\n{traceback.format_exc()}"))
    finally:
        connection.close()


def run_bounded(function, *args):
    """function(*args) in a forked child under SECONDS of time (SIGALRM, then SIGKILL) and
    EXTRA_MEMORY of address space beyond what the child starts with; its (picklable) result.
    A hang, a memory blow-up or an exception fails the calling test with what happened."""
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(target=_child, args=(sender, function, args), daemon=True)
    child.start()
    sender.close()
    try:
        if not receiver.poll(SECONDS + 10):
            pytest.fail(f"{function.__name__} did not finish within {SECONDS} s (hung)")
        try:
            outcome, value = receiver.recv()
        except EOFError:
            pytest.fail(f"{function.__name__} died (exit code {child.exitcode}): out of memory?")
    finally:
        if child.is_alive():
            child.kill()
        child.join()
        receiver.close()
    if outcome != "ok":
        pytest.fail(f"{function.__name__} raised or ran out of time or memory: {value}")
    return value


@pytest.fixture
def bounded():
    return run_bounded
