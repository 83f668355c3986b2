"""The labelled meaning corpus (benchmarks/meaning_corpus): every document ingests cleanly with
its provenance sidecar, and every gold figure can be found in its document with allowed values,
so a bad edit to the corpus fails CI rather than silently changing the accuracy figures."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from figures.ingest import ingest_sources

CORPUS = Path(__file__).resolve().parent.parent / "benchmarks" / "meaning_corpus"
_spec = importlib.util.spec_from_file_location("check_gold", CORPUS / "check_gold.py")
check_gold = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(check_gold)


def test_every_corpus_document_ingests_with_its_provenance():
    documents = ingest_sources(CORPUS / "documents")
    assert len(documents) == len(list((CORPUS / "documents").rglob("*.meta.yml"))) >= 40
    problems = {doc.source_path: doc.error for doc in documents if doc.status != "ok"}
    assert problems == {}
    assert all(doc.url and doc.publisher and doc.published_on for doc in documents)
    assert len({doc.publisher for doc in documents}) >= 15


@pytest.mark.parametrize("corpus", [CORPUS, CORPUS.parent / "meaning_corpus_zh"], ids=["english", "chinese"])
def test_every_gold_figure_is_located_and_well_formed(corpus):
    docs = check_gold.documents(corpus)
    with check_gold.CATALOG.open(encoding="utf-8") as handle:
        indicators = {line.split(",", 1)[0] for line in handle}
    gold_files = sorted((corpus / "gold").glob("*.yml"))
    assert {path.stem for path in gold_files} == set(docs)
    problems = {path.name: check_gold.problems(path, docs, indicators) for path in gold_files}
    assert {name: found for name, found in problems.items() if found} == {}
