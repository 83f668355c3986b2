"""Incremental work: decide which documents changed, process only those, in parallel.

A document's *content key* hashes its bytes, its sidecar's bytes and the fingerprint of the
library code that processes it; a stored row whose key matches needs no work. Keys are
content hashes, never modification times, so touching a file changes nothing (a refresh takes
the file hashes from its scan of sources/, which re-hashes a file when its size or
modification time moved: orchestration/source_watch.py).
"""

from __future__ import annotations

import atexit
import gc
import hashlib
import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from functools import cache
from itertools import chain, islice
from pathlib import Path
from typing import TypeVar

import figures

Item = TypeVar("Item")
Result = TypeVar("Result")

# Below this many items a process pool costs more (interpreter start-up, imports) than it saves.
MIN_ITEMS_FOR_POOL = 16
# Chunks each worker may have queued or finished but not yet read back: enough to keep it busy.
IN_FLIGHT_CHUNKS_PER_WORKER = 4
SOURCE_SUFFIXES = frozenset({".py", ".json", ".yaml", ".yml", ".csv", ".sql"})


@cache
def code_fingerprint(*module_paths: str) -> str:
    """Hash of the library source files that shape an output: editing them invalidates it."""
    return tree_fingerprint(Path(figures.__file__).parent, module_paths)


def tree_fingerprint(root: Path, relative_paths: Iterable[str], suffixes: frozenset[str] = SOURCE_SUFFIXES) -> str:
    """Hash of the names and bytes of the files (with these suffixes) at or under the paths."""
    digest = hashlib.sha256()
    for relative in relative_paths:
        target = root / relative
        files = sorted(target.rglob("*")) if target.is_dir() else [target]
        for path in files:
            if path.is_file() and path.suffix in suffixes:
                digest.update(str(path.relative_to(root)).encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def content_key(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:32]


def worker_count() -> int:
    """Workers for CPU-bound document work: every available core unless PIPELINE_WORKERS says."""
    configured = os.environ.get("PIPELINE_WORKERS")
    if configured:
        return max(1, int(configured))
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1)


def _map_chunk(function: Callable[[Item], Result], chunk: list[Item]) -> list[Result]:
    return [function(item) for item in chunk]


def _start_worker(warm_up: Callable[[], object] | None) -> None:
    """Load what every item needs (`warm_up`), then move everything the worker holds so far out
    of the garbage collector's sight: its full collections no longer walk the modules, models and
    catalogs, which never become garbage (about a tenth of the extraction's CPU)."""
    if warm_up is not None:
        warm_up()
    gc.freeze()
    # back in sight at exit, so that extension modules see their objects freed (nanobind's
    # leak report otherwise fills the step's log)
    atexit.register(gc.unfreeze)


def parallel_map(
    function: Callable[[Item], Result],
    items: Iterable[Item],
    chunksize: int = 8,
    warm_up: Callable[[], object] | None = None,
) -> Iterator[Result]:
    """Map a picklable function over items, in order, across cores when it pays off.

    Items are drawn from the iterable only as workers need them (at most
    IN_FLIGHT_CHUNKS_PER_WORKER chunks per worker ahead of the results read back), so a large
    corpus's inputs and results are never all in memory at once. Uses 'spawn' workers: forking
    a process that runs Dagster's threads can deadlock. `warm_up`, a picklable function, runs
    once in each worker before its first item (see _start_worker).
    """
    items = iter(items)
    head = list(islice(items, MIN_ITEMS_FOR_POOL))
    workers = worker_count()
    if workers == 1 or len(head) < MIN_ITEMS_FOR_POOL:
        yield from map(function, chain(head, items))
        return
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(
        max_workers=workers, mp_context=context, initializer=_start_worker, initargs=(warm_up,)
    ) as pool:
        in_flight: deque = deque()
        for chunk in batched(chain(head, items), chunksize):
            in_flight.append(pool.submit(_map_chunk, function, chunk))
            if len(in_flight) >= workers * IN_FLIGHT_CHUNKS_PER_WORKER:
                yield from in_flight.popleft().result()
        while in_flight:
            yield from in_flight.popleft().result()


def batched(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    batch: list[Item] = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch
