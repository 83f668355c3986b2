"""Quarantine messages say each problem of a sidecar once, and long values are refused."""

from __future__ import annotations

from conftest import GOOD_ID, metadata_for

from figures.ingest import discover, ingest_document


def _quarantine_message(sources, add, file_name: str, sidecar) -> str:
    add(sources, file_name, sidecar=sidecar)
    [document] = [ingest_document(ref, sources) for ref in discover(sources).refs if ref.document_id == file_name.removesuffix(".txt")]
    assert document.status == "quarantined"
    return document.error


def test_missing_keys_are_listed_once(sources, add):
    error = _quarantine_message(sources, add, "sparse.txt", "file: sparse.txt\npublisher: Torch Center\n")
    assert "sparse.txt.meta.yml: invalid metadata: missing required key 'title', 'published_on', 'format'" in error
    assert error.count("missing required key") == 1


def test_an_overlong_title_is_refused_with_its_length(sources, add):
    error = _quarantine_message(sources, add, "long.txt", metadata_for("long.txt", title="Mass innovation " * 400))
    assert "key 'title': 6400 characters, over the limit of 500" in error
    assert GOOD_ID not in error
