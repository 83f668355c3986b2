"""The Chinese meaning corpus (benchmarks/meaning_corpus_zh): every document ingests cleanly in
its script with its provenance sidecar, and every gold figure is located in its document with
allowed values (tests/test_meaning_corpus.py checks both corpora with one checker)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from figures.ingest import ingest_sources

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"
CORPUS = BENCHMARKS / "meaning_corpus_zh"
_spec = importlib.util.spec_from_file_location("check_gold", BENCHMARKS / "meaning_corpus" / "check_gold.py")
check_gold = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(check_gold)


def test_every_chinese_document_ingests_with_its_provenance():
    documents = ingest_sources(CORPUS / "documents")
    assert len(documents) == len(list((CORPUS / "documents").rglob("*.meta.yml"))) >= 140
    assert {doc.source_path: doc.error for doc in documents if doc.status != "ok"} == {}
    assert all(doc.url and doc.publisher and doc.published_on for doc in documents)
    assert {doc.language for doc in documents} == {"zh-Hans", "zh-Hant"}
    assert len({doc.publisher for doc in documents}) >= 100
    assert all(len(doc.sentences) >= 1 for doc in documents)


def test_the_chinese_corpus_has_both_parts():
    # each gold figure is checked with the English corpus's (tests/test_meaning_corpus.py)
    splits = [check_gold.split_of(path.stem) for path in (CORPUS / "gold").glob("*.yml")]
    assert splits.count("dev") >= 90 and splits.count("holdout") >= 45
