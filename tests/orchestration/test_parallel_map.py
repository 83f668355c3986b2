"""The per-document stage's process pool: results in input order, inputs drawn only as the
workers need them, so a large corpus is never held whole."""

from __future__ import annotations

import operator

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
