"""Defect 3 of issue 11 (and the title limit of defect 9): sidecars are small hand-written
YAML. They are capped in size before parsing, anchors, aliases and deep nesting are refused
before anything is built, every text kept from them has a length limit and so has the error
stored in the warehouse and the logs."""

from __future__ import annotations

from conftest import FOLDER, GOOD_ID

from figures.ingest import (
    MAX_ERROR_CHARS,
    MAX_SIDECAR_BYTES,
    IngestedDocument,
    discover_documents,
    ingest_document,
)

SIDECAR_HEAD = """file: {name}
title: Latest Progress
publisher: Torch Center
published_on: 2018-12-05
format: text
language: en
source_tier: 1
"""


def ingest_all(root) -> dict[str, IngestedDocument]:
    return {ref.document_id: ingest_document(ref, root) for ref in discover_documents(root)}


def assert_quarantined(doc: IngestedDocument, *fragments: str) -> None:
    assert doc.status == "quarantined", doc
    assert len(doc.error) <= MAX_ERROR_CHARS + 40, len(doc.error)
    for fragment in fragments:
        assert fragment in doc.error, doc.error[:2000]


def test_nested_anchors_and_aliases_are_refused_before_expansion(sources, add, bounded):
    levels = ["a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]"] + [
        f"{name}: &{name} [" + ", ".join([f"*{previous}"] * 9) + "]"
        for previous, name in zip("abcdefgh", "bcdefghi")
    ]
    sidecar = SIDECAR_HEAD.format(name="laughs.txt") + "notes:\n" + "".join(
        f"  {line}\n" for line in levels
    )
    assert len(sidecar.encode()) < 1000
    add(sources, "laughs.txt", sidecar=sidecar)
    docs = bounded(ingest_all, sources)
    assert_quarantined(
        docs["laughs"], f"{FOLDER}/laughs.txt.meta.yml", "anchors and aliases", "not allowed"
    )
    assert docs[GOOD_ID].status == "ok"


def test_a_single_alias_is_refused(sources, add, bounded):
    sidecar = SIDECAR_HEAD.format(name="alias.txt").replace(
        "publisher: Torch Center", "publisher: &who Torch Center\nlicense: *who"
    )
    add(sources, "alias.txt", sidecar=sidecar)
    docs = bounded(ingest_all, sources)
    assert_quarantined(docs["alias"], "alias.txt.meta.yml", "anchors and aliases")
    assert docs[GOOD_ID].status == "ok"


def test_deeply_nested_yaml_is_refused(sources, add, bounded):
    sidecar = SIDECAR_HEAD.format(name="deep.txt") + "notes: " + "[" * 5000 + "]" * 5000 + "\n"
    add(sources, "deep.txt", sidecar=sidecar)
    docs = bounded(ingest_all, sources)
    assert_quarantined(docs["deep"], "deep.txt.meta.yml", "nested more than 20 levels")
    assert docs[GOOD_ID].status == "ok"


def test_sidecar_over_the_size_cap_is_refused_before_parsing(sources, add, bounded):
    sidecar = SIDECAR_HEAD.format(name="fat.txt") + "notes: " + "x" * MAX_SIDECAR_BYTES + "\n"
    add(sources, "fat.txt", sidecar=sidecar)
    docs = bounded(ingest_all, sources)
    assert_quarantined(
        docs["fat"], f"{FOLDER}/fat.txt.meta.yml", "over the size limit of 65536 bytes"
    )
    assert docs[GOOD_ID].status == "ok"


def test_error_message_is_bounded_with_its_full_length(sources, add, bounded):
    # Every unknown key is listed in the error: 400 keys of 100 characters each.
    extra = "".join(f"{'k' * 96}{index:04d}: 1\n" for index in range(400))
    add(sources, "noisy.txt", sidecar=SIDECAR_HEAD.format(name="noisy.txt") + extra)
    docs = bounded(ingest_all, sources)
    doc = docs["noisy"]
    assert_quarantined(doc, "noisy.txt.meta.yml", "unknown key", "characters in all)")
    assert len(doc.error) <= MAX_ERROR_CHARS + 40
    assert docs[GOOD_ID].status == "ok"


def test_overlong_title_is_quarantined_naming_the_key_and_limit(sources, add, bounded):
    add(sources, "long-title.txt", sidecar=None)
    (sources / FOLDER / "long-title.txt.meta.yml").write_text(
        SIDECAR_HEAD.format(name="long-title.txt").replace("Latest Progress", "T" * 600)
    )
    docs = bounded(ingest_all, sources)
    assert_quarantined(
        docs["long-title"], "long-title.txt.meta.yml", "key 'title': 600 characters", "limit of 500"
    )
    assert docs[GOOD_ID].status == "ok"


def test_overlong_notes_are_quarantined(sources, add, bounded):
    add(sources, "chatty.txt", sidecar=None)
    (sources / FOLDER / "chatty.txt.meta.yml").write_text(
        SIDECAR_HEAD.format(name="chatty.txt") + "notes: " + "n" * 5000 + "\n"
    )
    docs = bounded(ingest_all, sources)
    assert_quarantined(docs["chatty"], "key 'notes': 5000 characters", "limit of 4000")
    assert docs[GOOD_ID].status == "ok"


def test_a_sidecar_within_every_limit_is_still_ingested(sources, add, bounded):
    add(sources, "fine.txt", sidecar=None)
    (sources / FOLDER / "fine.txt.meta.yml").write_text(
        SIDECAR_HEAD.format(name="fine.txt") + "notes: 'R&D *spending* [draft] & more'\n"
    )
    docs = bounded(ingest_all, sources)
    assert docs["fine"].status == "ok", docs["fine"].error
    assert docs["fine"].notes == "R&D *spending* [draft] & more"
