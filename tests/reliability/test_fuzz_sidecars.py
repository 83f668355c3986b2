"""Property-based fuzzing of sidecars and documents (issue 11): whatever bytes or YAML a
sidecar or a document holds, ingest_document returns (never raises) within a time bound per
example, with status ok or quarantined and a bounded error."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import yaml
from conftest import GOOD_TEXT, metadata_for
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from figures.ingest import MAX_ERROR_CHARS, DocumentRef, ingest_document

FOLDER = "fuzz/2020-01-01"
REF = DocumentRef("doc", f"{FOLDER}/doc.txt", f"{FOLDER}/doc.txt.meta.yml")
FUZZ = settings(
    max_examples=150,
    deadline=2000,  # ms per example
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)

# YAML-ish text: the syntax characters that reach the parser's corners.
yaml_alphabet = st.sampled_from(list("abc:-?&*!|>[]{},#'\"%@`\\ \t\n\r") + ["\ufeff", "\x85", "é"])
yaml_texts = st.lists(yaml_alphabet, max_size=400).map("".join)
scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), st.text(max_size=60)
)
values = st.recursive(
    scalars,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=12,
)
# Valid metadata with one key replaced by an arbitrary value, dumped as YAML.
mutated_metadata = st.tuples(
    st.sampled_from(list(metadata_for("doc.txt")) + ["notes", "sha256", "extra"]), values
).map(lambda pair: yaml.safe_dump(metadata_for("doc.txt") | {pair[0]: pair[1]}).encode())


def ingest_with(sidecar: bytes, document: bytes):
    root = Path(tempfile.mkdtemp(prefix="fuzz-sources-"))
    try:
        folder = root / FOLDER
        folder.mkdir(parents=True)
        (folder / "doc.txt").write_bytes(document)
        (folder / "doc.txt.meta.yml").write_bytes(sidecar)
        return ingest_document(REF, root)
    finally:
        shutil.rmtree(root)


def assert_well_formed(doc) -> None:
    assert doc.status in ("ok", "quarantined")
    if doc.status == "quarantined":
        assert doc.error and len(doc.error) <= MAX_ERROR_CHARS + 40
        assert doc.clean_text == "" and doc.sentences == ()
    else:
        assert doc.error is None


@FUZZ
@given(sidecar=st.one_of(yaml_texts.map(str.encode), st.binary(max_size=600), mutated_metadata))
def test_any_sidecar_gives_ok_or_quarantined(sidecar):
    assert_well_formed(ingest_with(sidecar, GOOD_TEXT.encode()))


@FUZZ
@given(prefix=yaml_texts, tail=yaml_texts)
def test_yaml_around_a_valid_sidecar_gives_ok_or_quarantined(prefix, tail):
    valid = yaml.safe_dump(metadata_for("doc.txt"))
    assert_well_formed(ingest_with(f"{prefix}\n{valid}{tail}".encode(), GOOD_TEXT.encode()))


@FUZZ
@given(document=st.one_of(st.binary(max_size=2000), st.text(max_size=2000).map(str.encode)))
def test_any_document_bytes_give_ok_or_quarantined(document):
    sidecar = yaml.safe_dump(metadata_for("doc.txt")).encode()
    assert_well_formed(ingest_with(sidecar, document))
