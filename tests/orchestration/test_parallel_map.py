"""The per-document stage's process pool: results in input order, inputs drawn only as the
workers need them, so a large corpus is never held whole; ingestion's and extraction's own
functions give on it what they give in process (the test session's refreshes run them in
process: tests/conftest.py, PIPELINE_WORKERS)."""

from __future__ import annotations

import gc
import operator
import os

import pytest

from orchestration.incremental import IN_FLIGHT_CHUNKS_PER_WORKER, MIN_ITEMS_FOR_POOL, parallel_map


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


@pytest.mark.pipeline  # spawned workers warming the figures library: scheduled first (tests/conftest.py)
def test_ingestion_and_extraction_give_on_the_pool_what_they_give_in_process(tmp_path, monkeypatch):
    from figures.ingest import DEFAULT_MAX_BYTES, discover_documents
    from orchestration.defs.extraction.rows import WARM_UP_TEXTS, _extract, warm_up_extraction
    from orchestration.defs.ingestion.assets import _ingest

    folder = tmp_path / "test-press" / "2018-03-01"
    folder.mkdir(parents=True)
    for number in range(MIN_ITEMS_FOR_POOL):
        text = WARM_UP_TEXTS[number % 2].replace("2019", str(2000 + number))
        (folder / f"d{number:02}.txt").write_text(text + "\n", encoding="utf-8")
        (folder / f"d{number:02}.txt.meta.yml").write_text(
            f"file: d{number:02}.txt\ntitle: D{number}\npublisher: Test Press\npublished_on: 2018-03-01\n"
            "format: text\nlanguage: en\nsource_tier: 2\n"
        )
    ingest_jobs = [(ref, str(tmp_path), DEFAULT_MAX_BYTES) for ref in discover_documents(tmp_path)]

    def mapped(function, jobs, workers, **options):
        monkeypatch.setenv("PIPELINE_WORKERS", workers)
        return list(parallel_map(function, jobs, **options))

    documents = mapped(_ingest, ingest_jobs, "1")
    assert len(documents) == MIN_ITEMS_FOR_POOL and all(document.status == "ok" for document in documents)
    def rows(documents):
        return [(document.to_record(include_clean_text=True), document.sentence_records()) for document in documents]

    assert rows(mapped(_ingest, ingest_jobs, "2")) == rows(documents)

    extract_jobs = [
        (document.document_id, document.clean_text, [(s.index, s.start, s.end) for s in document.sentences], "2018-03-01", None)
        for document in documents
    ]
    in_process = mapped(_extract, extract_jobs, "1")
    assert all(rows for _, rows in in_process)
    assert mapped(_extract, extract_jobs, "2", warm_up=warm_up_extraction) == in_process
