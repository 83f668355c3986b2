"""The per-document stage's process pool: results in input order, inputs drawn only as the
workers need them, so a large corpus is never held whole."""

from __future__ import annotations

import gc
import operator
import os

from orchestration.incremental import IN_FLIGHT_CHUNKS_PER_WORKER, parallel_map


def _counted(n: int, drawn: list[int]):
    for number in range(n):
        drawn.append(number)
        yield number


def test_results_come_in_order_and_inputs_are_drawn_as_workers_need_them(monkeypatch):
    monkeypatch.setenv("PIPELINE_WORKERS", "2")
    drawn: list[int] = []
    results = parallel_map(operator.neg, _counted(400, drawn), chunksize=8)
    assert next(results) == 0
    # the first result is read back once two workers have their window of chunks, not the whole input
    assert len(drawn) == 2 * IN_FLIGHT_CHUNKS_PER_WORKER * 8
    assert list(results) == [-number for number in range(1, 400)]
    assert len(drawn) == 400


def test_one_worker_maps_in_process_in_order(monkeypatch):
    monkeypatch.setenv("PIPELINE_WORKERS", "1")
    assert list(parallel_map(operator.neg, iter(range(40)))) == [-number for number in range(40)]



def _mark_warmed() -> None:
    os.environ["PARALLEL_MAP_WARMED"] = str(os.getpid())


def _worker_state(_: int) -> tuple[str | None, int, int]:
    return os.environ.get("PARALLEL_MAP_WARMED"), os.getpid(), gc.get_freeze_count()


def test_each_worker_warms_up_then_sets_what_it_holds_aside_from_the_collector(monkeypatch):
    monkeypatch.setenv("PIPELINE_WORKERS", "2")
    monkeypatch.delenv("PARALLEL_MAP_WARMED", raising=False)
    states = list(parallel_map(_worker_state, range(32), warm_up=_mark_warmed))
    # the warm-up ran in the worker that mapped each item, before it, and its objects were frozen
    assert all(warmed == str(pid) for warmed, pid, _ in states)
    assert all(frozen > 1000 for _, _, frozen in states)
    assert os.environ.get("PARALLEL_MAP_WARMED") is None
