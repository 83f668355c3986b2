"""Say why a refresh failed in words that name the real cause, not Dagster's wrapper.

A step's error reaches `make run` and the refresh log wrapped ("Error occurred while executing
op ..."), with the real exception as its cause. `explain` takes the innermost cause and says
plainly what the two causes an operator can act on mean: a full disk, and the build database
locked by another process (named from DuckDB's message and /proc).
"""

from __future__ import annotations

import errno
import re

DISK_FULL_MARKERS = ("No space left on device", "Disk quota exceeded", "not enough space")
# DuckDB: 'Could not set lock on file "...": Conflicting lock is held in /usr/bin/python3 (PID 123) by user x'
DUCKDB_LOCK = re.compile(r'Could not set lock on file "(?P<file>[^"]+)".*?PID (?P<pid>\d+)', re.DOTALL)


def _chain(error) -> list:
    """The error and its causes, outermost first (exceptions or Dagster's error infos)."""
    chain = []
    while error is not None and len(chain) < 20:
        chain.append(error)
        error = getattr(error, "cause", None) or getattr(error, "__cause__", None) or getattr(error, "__context__", None)
    return chain


def _text(error) -> str:
    if hasattr(error, "cls_name"):  # a serialised error (a failure event)
        return error.message.strip() if error.message.startswith(f"{error.cls_name}:") else f"{error.cls_name}: {error.message}".strip()
    return f"{type(error).__name__}: {error}"


def process_name(pid: int) -> str:
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as cmdline:
            words = cmdline.read().split(b"\0")
    except OSError:
        return "a process that has since ended"
    return " ".join(word.decode(errors="replace") for word in words if word)[:200] or "an unnamed process"


def explain(error) -> str:
    """One readable sentence (or two) for an exception or a Dagster error info."""
    chain = _chain(error)
    if not chain:
        return "the step failed without an error message"
    texts = [_text(link) for link in chain]
    everything = "\n".join(texts)
    if any(isinstance(link, OSError) and link.errno in (errno.ENOSPC, errno.EDQUOT) for link in chain) or any(
        marker in everything for marker in DISK_FULL_MARKERS
    ):
        return f"the disk is full (no space left on device): {_root_message(texts)}. Free some space and run the refresh again."
    lock = DUCKDB_LOCK.search(everything)
    if lock:
        pid = int(lock["pid"])
        return (
            f"the database {lock['file']} is locked by another process: pid {pid} ({process_name(pid)}). "
            "Close that connection (an open notebook, IDE or DuckDB shell) and run the refresh again."
        )
    return _root_message(texts)


def _root_message(texts: list[str]) -> str:
    """The innermost message, without Dagster's 'Error occurred while executing' wrappers."""
    for text in reversed(texts):
        if "Error occurred while executing" not in text:
            return text.strip()
    return texts[-1].strip()
