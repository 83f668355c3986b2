"""Defects 2 and 4 of issue 11: no file can hang ingestion, exhaust its memory or leak content
from outside sources/. Pipes, devices and symlinks are refused by lstat/stat before anything
is opened, and every read is capped. Each case runs the whole ingestion path outside the
database (discovery, content keys, ingest_document) under a time and memory limit."""

from __future__ import annotations

import os
from pathlib import Path

import yaml
from conftest import FOLDER, GOOD_ID, metadata_for

from figures.ingest import (
    IngestedDocument,
    SidecarMemo,
    discover,
    discover_documents,
    ingest_document,
)
from orchestration.defs.ingestion.assets import document_key
from orchestration.source_watch import scan_sources


def ingest_everything(root: Path) -> dict[str, IngestedDocument]:
    """What the ingestion asset does with each document, minus the database."""
    refs = discover_documents(root)
    keys = {ref.document_id: document_key(root, ref) for ref in refs}
    assert len(keys) == len(refs)
    # the refresh takes each file's hash from its scan of sources/: the same keys, the same checks
    scanned = {relative: state.sha256 for relative, state in scan_sources(root, {}).items()}
    assert {ref.document_id: document_key(root, ref, scanned) for ref in refs} == keys
    assert all(ref.metadata_path in scanned for ref in refs if ref.metadata_path)
    # and reads each sidecar's `file` from what it read before: the same documents
    memo = SidecarMemo(scanned, {})
    assert discover(root, memo=memo).refs == refs  # fills the memo
    assert discover(root, memo=memo).refs == refs  # read from it
    return {ref.document_id: ingest_document(ref, root) for ref in refs}


def assert_quarantined(doc: IngestedDocument, *fragments: str) -> None:
    assert doc.status == "quarantined", doc
    assert doc.clean_text == "" and doc.sentences == ()
    for fragment in fragments:
        assert fragment in doc.error, doc.error


def test_named_pipe_document_is_quarantined_without_blocking(sources, add, bounded):
    add(sources, "pipe.txt")
    pipe = sources / FOLDER / "pipe.txt"
    pipe.unlink()
    os.mkfifo(pipe)
    docs = bounded(ingest_everything, sources)
    assert_quarantined(docs["pipe"], f"{FOLDER}/pipe.txt", "not a regular file (a named pipe)")
    assert docs[GOOD_ID].status == "ok"


def test_named_pipe_without_sidecar_is_quarantined_without_blocking(sources, bounded):
    os.mkfifo(sources / FOLDER / "stray.txt")
    docs = bounded(ingest_everything, sources)
    assert_quarantined(docs["stray"], f"{FOLDER}/stray.txt", "not a regular file (a named pipe)")
    assert docs[GOOD_ID].status == "ok"


def test_sidecar_naming_dev_zero_is_quarantined_and_never_read(sources, add, bounded):
    (sources / FOLDER / "zero.meta.yml").write_text(yaml.safe_dump(metadata_for("/dev/zero")))
    docs = bounded(ingest_everything, sources)
    [doc] = [doc for doc in docs.values() if doc.metadata_path == f"{FOLDER}/zero.meta.yml"]
    assert_quarantined(doc, "zero.meta.yml", "'/dev/zero'", "absolute path")
    assert docs[GOOD_ID].status == "ok"


def test_document_symlinked_to_dev_zero_is_quarantined_and_never_read(sources, add, bounded):
    link = add(sources, "zeros.txt")
    link.unlink()
    link.symlink_to("/dev/zero")
    docs = bounded(ingest_everything, sources)
    assert_quarantined(docs["zeros"], "zeros.txt", "resolves (through a symlink) outside sources/")
    assert docs["zeros"].sha256 is None and docs["zeros"].n_bytes is None
    assert docs[GOOD_ID].status == "ok"


def test_document_symlinked_to_a_device_inside_sources_is_quarantined(sources, add, bounded):
    # A device cannot be made without root; a symlink inside sources/ to a pipe inside
    # sources/ takes the same path: resolved inside the root, refused as not a regular file.
    os.mkfifo(sources / FOLDER / ".pipe")
    link = add(sources, "indirect.txt")
    link.unlink()
    link.symlink_to(".pipe")
    docs = bounded(ingest_everything, sources)
    assert_quarantined(docs["indirect"], "indirect.txt", "not a regular file (a named pipe)")
    assert docs[GOOD_ID].status == "ok"


def test_sidecar_symlinked_to_dev_zero_is_quarantined_and_never_read(sources, add, bounded):
    add(sources, "zero-meta.txt", sidecar="")
    (sources / FOLDER / "zero-meta.txt.meta.yml").symlink_to("/dev/zero")
    docs = bounded(ingest_everything, sources)
    assert_quarantined(
        docs["zero-meta"],
        f"{FOLDER}/zero-meta.txt.meta.yml",
        "resolves (through a symlink) outside sources/",
    )
    assert docs[GOOD_ID].status == "ok"


def test_sidecar_that_is_a_named_pipe_is_quarantined_without_blocking(sources, add, bounded):
    add(sources, "piped-meta.txt", sidecar="")
    os.mkfifo(sources / FOLDER / "piped-meta.txt.meta.yml")
    docs = bounded(ingest_everything, sources)
    assert_quarantined(
        docs["piped-meta"], "piped-meta.txt.meta.yml", "not a regular file (a named pipe)"
    )
    assert docs[GOOD_ID].status == "ok"


def test_sidecar_symlinked_to_a_file_outside_sources_is_not_read(tmp_path, sources, add, bounded):
    secret = tmp_path / "secret.meta.yml"
    secret.write_text(yaml.safe_dump(metadata_for("leak.txt", title="SECRET TITLE", notes="SECRET")))
    add(sources, "leak.txt", sidecar="")
    (sources / FOLDER / "leak.txt.meta.yml").symlink_to(secret)
    docs = bounded(ingest_everything, sources)
    assert_quarantined(
        docs["leak"], f"{FOLDER}/leak.txt.meta.yml", "resolves (through a symlink) outside sources/"
    )
    record = docs["leak"].to_record()
    assert "SECRET" not in repr(record)
    assert docs[GOOD_ID].status == "ok"


def test_oversized_document_is_refused_before_it_is_read(sources, add, bounded):
    add(sources, "big.txt", content="x" * 4096)
    [ref] = [ref for ref in discover_documents(sources) if ref.document_id == "big"]
    doc = bounded(ingest_document, ref, sources, 1024)
    assert_quarantined(doc, "big.txt", "4096 bytes", "size limit of 1024 bytes")
    assert doc.sha256 is None


def test_a_sidecar_is_read_again_only_when_its_bytes_change(sources, add, monkeypatch):
    import figures.ingest

    add(sources, "renamed.txt")
    sidecar = sources / FOLDER / "renamed.txt.meta.yml"
    memo = SidecarMemo({relative: state.sha256 for relative, state in scan_sources(sources, {}).items()}, {})
    first = {ref.metadata_path: ref.source_path for ref in discover(sources, memo=memo).refs}
    assert first[f"{FOLDER}/renamed.txt.meta.yml"] == f"{FOLDER}/renamed.txt"
    # known bytes: nothing is read
    monkeypatch.setattr(figures.ingest, "_declared_file", lambda *args: (_ for _ in ()).throw(AssertionError("read")))
    assert {ref.metadata_path: ref.source_path for ref in discover(sources, memo=memo).refs} == first
    monkeypatch.undo()
    # new bytes (the sidecar now names another file): read again
    (sources / FOLDER / "other.txt").write_text("Another document with 12 incubators.\n")
    sidecar.write_text(yaml.safe_dump(metadata_for("other.txt")))
    memo = SidecarMemo({relative: state.sha256 for relative, state in scan_sources(sources, {}).items()}, memo.declared)
    again = {ref.metadata_path: ref.source_path for ref in discover(sources, memo=memo).refs}
    assert again[f"{FOLDER}/renamed.txt.meta.yml"] == f"{FOLDER}/other.txt"
    assert len(memo.declared) == 3  # the good document's sidecar and both versions of this one
