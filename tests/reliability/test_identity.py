"""Defect 1 of issue 11: identity a newcomer cannot take over. A sidecar may only describe a
file in its own folder; of several documents claiming one id the one that held it before
keeps it (the warehouse's documents), whatever the folder names; a conflict nobody held
before quarantines every claimant, naming the others, instead of silently dropping one."""

from __future__ import annotations

import duckdb
import yaml
from conftest import FOLDER, GOOD_ID, metadata_for

from figures.ingest import discover_documents, ingest_document
from orchestration.defs.ingestion.assets import established_documents

GOOD_PATH = f"{FOLDER}/{GOOD_ID}.txt"
GOOD_SIDECAR = f"{GOOD_PATH}.meta.yml"


def ingest_all(root, established=None) -> dict:
    refs = discover_documents(root, established)
    return {ref.document_id: ingest_document(ref, root) for ref in refs}


def sidecar_doc(docs: dict, metadata_path: str):
    [doc] = [doc for doc in docs.values() if doc.metadata_path == metadata_path]
    return doc


def test_absolute_file_ending_in_another_documents_name_cannot_take_its_id(sources, bounded):
    intruder = "intruder/2020-01-01/hijack.meta.yml"
    (sources / "intruder/2020-01-01").mkdir(parents=True)
    (sources / intruder).write_text(
        yaml.safe_dump(metadata_for(str((sources / GOOD_PATH).resolve()), title="Hijack"))
    )
    docs = bounded(ingest_all, sources)
    assert docs[GOOD_ID].status == "ok" and docs[GOOD_ID].title != "Hijack"
    doc = docs[intruder]
    assert doc.status == "quarantined"
    assert intruder in doc.error and "is an absolute path" in doc.error


def test_file_leaving_the_sidecars_folder_cannot_take_another_documents_id(sources, bounded):
    intruder = "aaa-intruder/2020-01-01/hijack.meta.yml"
    (sources / "aaa-intruder/2020-01-01").mkdir(parents=True)
    (sources / intruder).write_text(
        yaml.safe_dump(metadata_for(f"../../{GOOD_PATH}", title="Hijack"))
    )
    docs = bounded(ingest_all, sources)
    assert docs[GOOD_ID].status == "ok" and docs[GOOD_ID].title != "Hijack"
    assert docs[GOOD_ID].metadata_path == GOOD_SIDECAR
    doc = docs[intruder]
    assert doc.status == "quarantined"
    assert intruder in doc.error and "leaves the sidecar's folder" in doc.error


def test_newcomer_in_an_earlier_folder_does_not_displace_the_established_document(
    sources, add, bounded
):
    add(sources, f"{GOOD_ID}.txt", folder="aaa-newcomer/2020-01-01")
    established = {GOOD_ID: (GOOD_PATH, GOOD_SIDECAR)}
    docs = bounded(ingest_all, sources, established)
    assert docs[GOOD_ID].status == "ok" and docs[GOOD_ID].source_path == GOOD_PATH
    newcomer = sidecar_doc(docs, f"aaa-newcomer/2020-01-01/{GOOD_ID}.txt.meta.yml")
    assert newcomer.status == "quarantined"
    assert f"duplicate document id '{GOOD_ID}'" in newcomer.error
    assert "aaa-newcomer/2020-01-01" in newcomer.error and GOOD_PATH in newcomer.error


def test_conflict_without_history_quarantines_both_whatever_the_folder_order(sources, add, bounded):
    for folder in ("aaa-first/2020-01-01", "zzz-last/2020-01-01"):
        add(sources, f"{GOOD_ID}.txt", folder=folder)
    docs = bounded(ingest_all, sources)
    assert GOOD_ID not in docs
    claimants = [doc for doc in docs.values() if doc.source_path.endswith(f"{GOOD_ID}.txt")]
    assert len(claimants) == 3
    for doc in claimants:
        assert doc.status == "quarantined"
        others = [other.source_path for other in claimants if other is not doc]
        assert all(path in doc.error for path in [doc.source_path, *others]), doc.error


def test_orphan_file_cannot_displace_a_document_with_a_sidecar(sources, add, bounded):
    add(sources, f"{GOOD_ID}.md", folder="aaa-orphans/2020-01-01", sidecar="")
    docs = bounded(ingest_all, sources)
    assert docs[GOOD_ID].status == "ok" and docs[GOOD_ID].source_path == GOOD_PATH
    orphan = docs[f"aaa-orphans/2020-01-01/{GOOD_ID}.md"]
    assert orphan.status == "quarantined" and GOOD_PATH in orphan.error


def test_ingestion_reads_who_held_each_id_from_the_warehouse(tmp_path):
    database = tmp_path / "build.duckdb"
    assert established_documents(database) == {}
    with duckdb.connect(str(database)) as connection:
        connection.execute("create schema raw")
        connection.execute(
            "create table raw.documents as select * from (values "
            f"('{GOOD_ID}', '{GOOD_PATH}', '{GOOD_SIDECAR}'), ('orphan', 'a/b/orphan.txt', null)"
            ") as t(document_id, source_path, metadata_path)"
        )
    assert established_documents(database) == {
        GOOD_ID: (GOOD_PATH, GOOD_SIDECAR),
        "orphan": ("a/b/orphan.txt", None),
    }
