"""The project's own sources/: every sidecar validates (ingestion checks it against the JSON
schema) and every document ingests cleanly, so a bad edit to sources/ fails CI, not the nightly run."""

from __future__ import annotations

from pathlib import Path

from figures.ingest import ingest_sources

SOURCES = Path(__file__).resolve().parent.parent / "sources"


def test_every_document_under_sources_ingests_without_error_or_warning():
    documents = ingest_sources(SOURCES)
    assert len(documents) == len(list(SOURCES.rglob("*.meta.yml"))) == 5
    problems = {doc.source_path: (doc.error, doc.warnings) for doc in documents if doc.status != "ok" or doc.warnings}
    assert problems == {}
