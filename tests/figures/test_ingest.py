"""figures.ingest: discovery, metadata validation and quarantine of bad input.

Each test builds a small sources/ tree in tmp_path; one bad document never stops the others.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from figures.ingest import (
    DEFAULT_MAX_BYTES,
    IngestedDocument,
    discover_documents,
    ingest_document,
    ingest_sources,
    sidecar_problem,
)

GOOD_TEXT = (
    "In 2017, there were 5,739 makers' spaces according to statistics of Torch Center. "
    "The spaces helped incubated enterprises gain 3.15 billion yuan of government funding.\n"
)
SCHEMA_PATH = (
    Path(__file__).resolve().parents[2] / "figures" / "schemas" / "document_metadata.schema.json"
)


def metadata_for(file_name: str, **overrides) -> dict:
    metadata = {
        "file": file_name,
        "title": "Latest Progress of Mass Entrepreneurship",
        "publisher": "Torch Center",
        "published_on": "2018-12-05",
        "url": None,
        "format": "text",
        "language": "en",
        "source_tier": 1,
    }
    metadata.update(overrides)
    return {key: value for key, value in metadata.items() if value is not ...}


def add_document(
    root: Path,
    file_name: str,
    content: bytes | str = GOOD_TEXT,
    folder: str = "torch-center/2018-12-05",
    sidecar: dict | str | None = None,
    **metadata_overrides,
) -> Path:
    """Write a document and (unless sidecar == "") its sidecar; return the document path."""
    directory = root / folder
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / file_name
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    if sidecar != "":
        if sidecar is None:
            sidecar = yaml.safe_dump(
                metadata_for(file_name, **metadata_overrides), allow_unicode=True
            )
        (directory / f"{file_name}.meta.yml").write_text(sidecar, encoding="utf-8")
    return path


def add_sidecar(
    root: Path, sidecar_name: str, metadata: dict, folder: str = "torch-center/2018-12-05"
) -> None:
    """A sidecar alone, for sidecars that name a file elsewhere (or nowhere)."""
    directory = root / folder
    directory.mkdir(parents=True, exist_ok=True)
    (directory / f"{sidecar_name}.meta.yml").write_text(yaml.safe_dump(metadata), encoding="utf-8")


def by_id(documents: list[IngestedDocument]) -> dict[str, IngestedDocument]:
    return {doc.document_id: doc for doc in documents}


@pytest.fixture
def sources(tmp_path: Path) -> Path:
    root = tmp_path / "sources"
    add_document(root, "2018-12-05_torch-report.txt")
    return root


def test_good_document_is_ingested_with_metadata_hash_and_sentences(sources):
    [doc] = ingest_sources(sources)
    raw = (sources / "torch-center/2018-12-05/2018-12-05_torch-report.txt").read_bytes()
    assert doc.status == "ok" and doc.error is None
    assert doc.document_id == "2018-12-05_torch-report"
    assert doc.source_path == "torch-center/2018-12-05/2018-12-05_torch-report.txt"
    assert doc.metadata_path == "torch-center/2018-12-05/2018-12-05_torch-report.txt.meta.yml"
    assert (doc.title, doc.publisher, doc.source_tier, doc.language) == (
        "Latest Progress of Mass Entrepreneurship",
        "Torch Center",
        1,
        "en",
    )
    assert (doc.published_on, doc.published_precision) == ("2018-12-05", "day")
    assert doc.sha256 == hashlib.sha256(raw).hexdigest()
    assert (doc.encoding, doc.n_bytes) == (
        "ascii",
        len(raw),
    )  # charset-normalizer's name for pure ASCII
    assert [s.text for s in doc.sentences] == [
        "In 2017, there were 5,739 makers' spaces according to statistics of Torch Center.",
        "The spaces helped incubated enterprises gain 3.15 billion yuan of government funding.",
    ]
    assert all(doc.clean_text[s.start : s.end] == s.text for s in doc.sentences)


def test_to_record_is_flat_and_sentence_records_carry_offsets(sources):
    [doc] = ingest_sources(sources)
    record = doc.to_record(include_clean_text=False)
    assert "clean_text" not in record and "sentences" not in record
    assert record["n_sentences"] == 2 and record["n_chars"] == len(doc.clean_text)
    assert record["warnings"] is None
    assert all(not isinstance(value, (list, tuple, dict)) for value in record.values())
    assert doc.to_record()["clean_text"] == doc.clean_text
    first = doc.sentence_records()[0]
    assert doc.clean_text[first["start"] : first["end"]] == first["text"]


@pytest.mark.parametrize(
    ("written", "precision"), [("2018-12-05", "day"), ("2017-09", "month"), ("2018", "year")]
)
def test_unquoted_yaml_dates_keep_their_precision(tmp_path, written, precision):
    root = tmp_path / "sources"
    sidecar = yaml.safe_dump(metadata_for("doc.txt")).replace(
        "published_on: '2018-12-05'", f"published_on: {written}"
    )
    add_document(root, "doc.txt", sidecar=sidecar)
    [doc] = ingest_sources(root)
    assert doc.status == "ok", doc.error
    assert (doc.published_on, doc.published_precision) == (written, precision)


def test_output_is_sorted_by_id_and_deterministic(tmp_path):
    root = tmp_path / "sources"
    for name in ("c.txt", "a.txt", "b.md"):
        add_document(root, name, format="markdown" if name.endswith(".md") else "text")
    first, second = ingest_sources(root), ingest_sources(root)
    assert [doc.document_id for doc in first] == ["a", "b", "c"]
    assert first == second


def test_every_supported_encoding_gives_the_same_clean_text(tmp_path):
    root = tmp_path / "sources"
    text = "In 2017, 众创空间 numbered 5,739. 火炬中心发布了报告。\n"
    encodings = {"utf8": "utf-8", "utf8bom": "utf-8-sig", "utf16": "utf-16", "gb": "gb18030"}
    for stem, encoding in encodings.items():
        add_document(root, f"{stem}.txt", content=text.encode(encoding), language="zh")
    docs = by_id(ingest_sources(root))
    assert {doc.status for doc in docs.values()} == {"ok"}
    assert len({doc.clean_text for doc in docs.values()}) == 1
    assert (docs["utf16"].encoding, docs["gb"].encoding) == ("utf_16", "gb18030")


def assert_quarantined(doc: IngestedDocument, *fragments: str) -> None:
    assert doc.status == "quarantined"
    assert doc.clean_text == "" and doc.sentences == ()
    for fragment in fragments:
        assert fragment in doc.error, doc.error


def test_empty_file_is_quarantined_and_the_good_document_still_ingested(sources):
    add_document(sources, "empty.txt", content=b"")
    docs = by_id(ingest_sources(sources))
    assert_quarantined(docs["empty"], "torch-center/2018-12-05/empty.txt", "empty file")
    assert docs["2018-12-05_torch-report"].status == "ok"


def test_binary_file_is_quarantined(sources):
    add_document(
        sources, "image.txt", content=b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8
    )
    doc = by_id(ingest_sources(sources))["image"]
    assert_quarantined(doc, "image.txt", "binary content")
    assert doc.sha256 is not None  # the bytes were read and hashed: provenance of the bad input


def test_undecodable_file_is_quarantined(sources):
    # Bytes with no control characters that no text encoding turns into plausible text.
    undecodable = bytes(byte for byte in range(0x80, 0x100) if byte not in (0x85, 0xA0)) * 20
    add_document(sources, "garbled.txt", content=undecodable)
    assert_quarantined(by_id(ingest_sources(sources))["garbled"], "garbled.txt")


def test_file_over_the_size_limit_is_quarantined_without_reading_it(sources):
    add_document(sources, "huge.txt", content="x" * 2048)
    docs = by_id(ingest_sources(sources, max_bytes=1024))
    assert_quarantined(docs["huge"], "huge.txt", "2048 bytes", "size limit of 1024 bytes")
    assert docs["huge"].sha256 is None
    assert docs["2018-12-05_torch-report"].status == "ok"
    assert DEFAULT_MAX_BYTES == 20 * 1024 * 1024


def test_document_without_sidecar_is_quarantined(sources):
    add_document(sources, "orphan.txt", sidecar="")
    doc = by_id(ingest_sources(sources))["orphan"]
    assert_quarantined(
        doc, "torch-center/2018-12-05/orphan.txt", "no metadata", "orphan.txt.meta.yml"
    )
    assert doc.metadata_path is None


def test_invalid_yaml_is_quarantined_with_its_line(sources):
    add_document(sources, "bad-yaml.txt", sidecar="file: bad-yaml.txt\ntitle: [unclosed\n")
    doc = by_id(ingest_sources(sources))["bad-yaml"]
    assert_quarantined(doc, "bad-yaml.txt.meta.yml", "invalid YAML", "line")


def test_metadata_that_is_not_a_mapping_is_quarantined(sources):
    add_document(sources, "listy.txt", sidecar="- file: listy.txt\n")
    assert_quarantined(
        by_id(ingest_sources(sources))["listy"], "listy.txt.meta.yml", "must be a mapping"
    )


@pytest.mark.parametrize(
    ("overrides", "fragments"),
    [
        ({"title": ...}, ["missing required key 'title'"]),
        ({"source_tier": 5}, ["key 'source_tier'", "5 is greater than the maximum of 3"]),
        ({"source_tier": "two"}, ["key 'source_tier'", "'two' is not of type 'integer'"]),
        ({"format": "docx"}, ["key 'format'", "'docx' is not one of"]),
        (
            {"published_on": "05/12/2018"},
            ["key 'published_on'", "'05/12/2018' is not in the expected form", "YYYY-MM"],
        ),
        ({"published_on": "2018-02-30"}, ["key 'published_on'", "'2018-02-30' is not a real date"]),
        ({"url": "www.example.org"}, ["key 'url'"]),
        ({"publised_on": "2018"}, ["unknown key 'publised_on'"]),
    ],
    ids=[
        "missing-key",
        "tier-too-big",
        "tier-not-int",
        "bad-format",
        "bad-date-form",
        "impossible-date",
        "bad-url",
        "typo-key",
    ],
)
def test_metadata_failing_the_schema_names_the_key_and_why(sources, overrides, fragments):
    add_document(sources, "bad-meta.txt", **overrides)
    docs = by_id(ingest_sources(sources))
    assert_quarantined(docs["bad-meta"], "bad-meta.txt.meta.yml", "invalid metadata", *fragments)
    assert docs["2018-12-05_torch-report"].status == "ok"


def test_a_sidecar_is_checked_alone_as_ingestion_would_read_it(sources):
    good = add_document(sources, "good-meta.txt")
    bad = add_document(sources, "tier-four.txt", source_tier=4)
    assert sidecar_problem(sources, good.with_name("good-meta.txt.meta.yml")) is None
    problem = sidecar_problem(sources, bad.with_name("tier-four.txt.meta.yml"))
    assert problem == (
        "torch-center/2018-12-05/tier-four.txt.meta.yml: invalid metadata: key 'source_tier': 4 is greater than the maximum of 3"
    )


def test_sidecar_pointing_outside_sources_is_quarantined(tmp_path):
    root = tmp_path / "sources"
    (tmp_path / "secret.txt").write_text(GOOD_TEXT)
    add_sidecar(root, "escape.txt", metadata_for("../../../secret.txt"))
    [doc] = ingest_sources(root)
    assert_quarantined(
        doc, "escape.txt.meta.yml", "'../../../secret.txt'", "points outside sources/"
    )
    assert doc.sha256 is None


def test_sidecar_with_absolute_path_is_quarantined(tmp_path):
    root = tmp_path / "sources"
    add_sidecar(root, "absolute.txt", metadata_for("/etc/passwd"))
    [doc] = ingest_sources(root)
    assert_quarantined(doc, "absolute.txt.meta.yml", "'/etc/passwd'", "absolute path")


def test_symlink_resolving_outside_sources_is_quarantined(tmp_path):
    root = tmp_path / "sources"
    outside = tmp_path / "outside.txt"
    outside.write_text(GOOD_TEXT)
    add_document(root, "linked.txt")
    link = root / "torch-center/2018-12-05/linked.txt"
    link.unlink()
    link.symlink_to(outside)
    [doc] = ingest_sources(root)
    assert_quarantined(doc, "linked.txt", "resolves (through a symlink) outside sources/")


def test_sidecar_whose_file_does_not_exist_is_quarantined(sources):
    add_sidecar(sources, "ghost.txt", metadata_for("ghost.txt"))
    doc = by_id(ingest_sources(sources))["ghost"]
    assert_quarantined(doc, "ghost.txt.meta.yml", "file 'ghost.txt' does not exist")


def test_duplicate_document_id_with_no_history_quarantines_both_naming_both_files(sources):
    # Neither held the id before and both have their own sidecar: the folder order does not
    # pick a winner (issue 11: a newcomer in an earlier folder must not displace the other).
    add_document(
        sources, "2018-12-05_torch-report.md", folder="embassy/2018-12-05", format="markdown"
    )
    docs = by_id(ingest_sources(sources))
    assert "2018-12-05_torch-report" not in docs
    for own_id, other in [
        ("torch-center/2018-12-05/2018-12-05_torch-report.txt.meta.yml", "embassy/2018-12-05/2018-12-05_torch-report.md"),
        ("embassy/2018-12-05/2018-12-05_torch-report.md.meta.yml", "torch-center/2018-12-05/2018-12-05_torch-report.txt"),
    ]:  # fmt: skip
        assert_quarantined(
            docs[own_id], "duplicate document id '2018-12-05_torch-report'", own_id, other
        )


def test_two_sidecars_claiming_one_file_quarantine_the_second_naming_both_sidecars(sources):
    add_sidecar(sources, "copy", metadata_for("2018-12-05_torch-report.txt"))
    docs = by_id(ingest_sources(sources))
    assert docs["2018-12-05_torch-report"].status == "ok"
    duplicate = docs["torch-center/2018-12-05/copy.meta.yml"]
    assert_quarantined(duplicate, "copy.meta.yml", "2018-12-05_torch-report.txt.meta.yml")


def test_changed_content_is_quarantined_when_the_sidecar_records_a_sha256(sources):
    add_document(sources, "pinned.txt", sha256=hashlib.sha256(b"the original bytes").hexdigest())
    assert_quarantined(by_id(ingest_sources(sources))["pinned"], "pinned.txt", "content changed")


def test_corrupt_pdf_is_quarantined(sources):
    add_document(sources, "broken.pdf", content=b"%PDF-1.4\nnot really a pdf\n", format="pdf")
    assert_quarantined(by_id(ingest_sources(sources))["broken"], "broken.pdf", "unreadable PDF")


def test_extension_that_does_not_match_the_format_is_noted_not_refused(sources):
    add_document(
        sources,
        "page.txt",
        content="<html><body><p>In 2016, 79,000 patents were granted.</p></body></html>",
        format="html",
    )
    doc = by_id(ingest_sources(sources))["page"]
    assert doc.status == "ok"
    assert doc.clean_text == "In 2016, 79,000 patents were granted."
    assert "extension '.txt' does not match metadata format 'html'" in doc.warnings[0]


def test_discover_lists_sidecars_and_orphans_and_skips_hidden_and_readme_files(sources):
    add_document(sources, "orphan.md", sidecar="")
    (sources / "README.md").write_text("How to add documents.")
    (sources / "torch-center" / ".DS_Store").write_bytes(b"\x00\x01")
    refs = discover_documents(sources)
    assert [(ref.document_id, ref.metadata_path is not None) for ref in refs] == [
        ("2018-12-05_torch-report", True),
        ("orphan", False),
    ]


def test_ingest_document_never_raises_even_for_a_vanished_file(sources):
    [ref] = discover_documents(sources)
    (sources / ref.source_path).unlink()
    doc = ingest_document(ref, sources)
    assert_quarantined(doc, "does not exist")


def test_missing_sources_root_is_a_configuration_error(tmp_path):
    with pytest.raises(FileNotFoundError):
        ingest_sources(tmp_path / "nowhere")


def test_schema_is_valid_and_accepts_a_complete_sidecar():
    schema = json.loads(SCHEMA_PATH.read_text())
    jsonschema.Draft202012Validator.check_schema(schema)
    complete = metadata_for(
        "x.pdf",
        format="pdf",
        url="https://example.org/x.pdf",
        date_accessed="2026-11-21",
        license="CC-BY-4.0",
        notes="free text",
        sha256="0" * 64,
        language="zh-Hans",
    )
    jsonschema.validate(complete, schema)
