"""Ingestion: documents under sources/ become clean text and sentences in the build database.

The `figures` library does the work; this module decides which documents need it (new or
changed content, by hash), runs them across the cores, and stores the rows per document in
raw.documents and raw.sentences. Removed documents lose their rows, and every addition,
change and removal is recorded in raw.document_events.
"""

from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

import dagster as dg
import pandas as pd

from orchestration.incremental import (
    batched,
    code_fingerprint,
    content_key,
    parallel_map,
)
from orchestration.resources import WarehouseResource
from orchestration.shard_store import find_stored, shard_key, take_stored_rows
from orchestration.source_watch import (
    load_sidecar_files,
    record_ingested_sources,
    save_sidecar_files,
    scan_with_cache,
)
from orchestration.warehouse import (
    connect,
    delete_document_rows,
    ensure_raw_table,
    now_utc,
    record_build_state,
    replace_document_rows,
    span_id,
    stored_keys,
    table_exists,
)

GROUP = "ingestion"
# Library code whose changes alter ingestion output.
INGESTION_CODE = ("ingest.py", "text.py", "sentences.py", "schemas")
# Documents written to the database per batch: bounds memory on large corpora.
BATCH_SIZE = 500

DOCUMENT_COLUMNS = {
    "document_id": "varchar", "source_path": "varchar", "metadata_path": "varchar",
    "status": "varchar", "error": "varchar", "title": "varchar", "publisher": "varchar",
    "published_on": "varchar", "published_precision": "varchar", "url": "varchar",
    "format": "varchar", "language": "varchar", "source_tier": "integer",
    "date_accessed": "varchar", "license": "varchar", "notes": "varchar", "translation_of": "varchar",
    "sha256": "varchar",
    "encoding": "varchar", "n_bytes": "bigint", "clean_text": "varchar", "warnings": "varchar",
    "n_chars": "bigint", "n_sentences": "integer", "content_key": "varchar",
}  # fmt: skip
SENTENCE_COLUMNS = {
    "sentence_id": "varchar", "document_id": "varchar", "sentence_index": "integer",
    "start_char": "bigint", "end_char": "bigint", "text": "varchar",
}  # fmt: skip
EVENT_COLUMNS = {
    "document_id": "varchar", "source_path": "varchar", "event": "varchar",
    "content_key": "varchar", "detected_at": "timestamp with time zone",
}  # fmt: skip

if TYPE_CHECKING:  # figures.ingest (pypdf, trafilatura) is imported by the steps that read documents
    from figures.ingest import DocumentRef, IngestedDocument


def document_key(sources_root: Path, ref: "DocumentRef", fingerprints: Mapping[str, str] | None = None) -> str:
    """Changes when the document's bytes, its sidecar's bytes or the ingestion code change.

    The files are hashed with ingestion's own checks (source_fingerprint): a named pipe, a
    device, a path outside sources/ or an oversized file is never opened or read in full.
    `fingerprints` (relative path -> that same hash, from the run's scan of sources/) saves
    reading the files again; a path it lacks is hashed here."""
    from figures.ingest import source_fingerprint

    known = fingerprints or {}

    def fingerprint(relative: str | None) -> str:
        stored = known.get(relative) if relative is not None else None
        return stored if stored is not None else source_fingerprint(sources_root, relative)

    return content_key(
        code_fingerprint(*INGESTION_CODE),
        ref.source_path,
        fingerprint(ref.source_path),
        fingerprint(ref.metadata_path),
    )


def established_documents(build_database: Path) -> dict[str, tuple[str, str | None]]:
    """document_id -> (source_path, metadata_path) of the documents the build already holds:
    who keeps an id that a newcomer claims too (figures.ingest.discover_documents)."""
    if not build_database.exists():
        return {}
    with connect(build_database, read_only=True) as connection:
        if not table_exists(connection, "raw", "documents"):
            return {}
        rows = connection.execute(
            "select document_id, source_path, metadata_path from raw.documents"
        ).fetchall()
    return {document_id: (source_path, metadata_path) for document_id, source_path, metadata_path in rows}


def _insert_events(connection, events: list[tuple]) -> None:
    if events:
        connection.register("new_events", pd.DataFrame(events, columns=list(EVENT_COLUMNS)))
        connection.execute("insert into raw.document_events select * from new_events")
        connection.unregister("new_events")


def _ingest(job: "tuple[DocumentRef, str, int]") -> "IngestedDocument":
    from figures.ingest import ingest_document

    ref, sources_root, max_bytes = job
    return ingest_document(ref, Path(sources_root), max_bytes)


def documents_frame(documents: "list[IngestedDocument]", keys: dict[str, str]) -> pd.DataFrame:
    rows = [doc.to_record(include_clean_text=True) | {"content_key": keys[doc.document_id]} for doc in documents]
    return pd.DataFrame(rows, columns=list(DOCUMENT_COLUMNS))


def sentences_frame(documents: "list[IngestedDocument]") -> pd.DataFrame:
    rows = [
        (span_id(doc.document_id, s.start, s.end), doc.document_id, s.index, s.start, s.end, s.text)
        for doc in documents
        for s in doc.sentences
    ]
    return pd.DataFrame(rows, columns=list(SENTENCE_COLUMNS))


def _take_stored_documents(
    connection, warehouse: WarehouseResource, document_keys: dict[str, str], event_of: dict[str, tuple], log
) -> set[str]:
    """Store the documents and sentences of the documents (id -> content key) that the shard store
    holds, with their events; returns the ids taken."""
    if not document_keys:
        return set()
    # the key rows are stored under covers extraction too (orchestration/shard_store.py)
    from orchestration.defs.extraction.assets import extraction_code

    code = extraction_code()
    wanted = {document_id: shard_key(content_key(key, code)) for document_id, key in document_keys.items()}
    stored = find_stored(warehouse.shard_store_dir, wanted, log.warning)
    tables = {"documents": DOCUMENT_COLUMNS, "sentences": SENTENCE_COLUMNS}

    def with_events(connection, ids: list[str]) -> None:
        _insert_events(connection, [event_of[document_id] for document_id in ids])

    return take_stored_rows(connection, stored, tables, with_events, log.warning)


def _quarantined(connection, document_ids: set[str]) -> "list[IngestedDocument]":
    """The quarantined among documents taken from the shard store, for the run's warnings."""
    from figures.ingest import IngestedDocument

    if not document_ids:
        return []
    rows = connection.execute(
        "select document_id, source_path, error from raw.documents where status <> 'ok' "
        "and document_id in (select unnest(?::varchar[])) order by document_id",
        [sorted(document_ids)],
    ).fetchall()
    return [IngestedDocument(document_id, path, None, "quarantined", error) for document_id, path, error in rows]


@dg.multi_asset(
    specs=[
        dg.AssetSpec(
            "documents",
            group_name=GROUP,
            kinds={"python", "duckdb"},
            description="Every document under sources/ with its metadata, clean text, sha256 "
            "and status (ok or quarantined with the reason). One row per document.",
        ),
        dg.AssetSpec(
            "sentences",
            group_name=GROUP,
            kinds={"python", "duckdb"},
            description="Sentences of every ingested document with character offsets into "
            "its clean text. One row per document x sentence.",
        ),
        dg.AssetSpec(
            "document_events",
            group_name=GROUP,
            kinds={"python", "duckdb"},
            description="Documents added, changed or removed, detected by content hash at each "
            "refresh. One row per document x detected change.",
        ),
    ],
)
def ingested_documents(context: dg.AssetExecutionContext, warehouse: WarehouseResource):
    from figures.ingest import DEFAULT_MAX_BYTES, SidecarMemo, discover

    # the state of sources/ this run starts from, before any document is read: what a publish
    # of this build delivers (the new-documents sensor compares sources/ with it)
    warehouse_dir = Path(warehouse.warehouse_dir)
    sources_scan = scan_with_cache(warehouse.sources_root, warehouse_dir)
    # the scan hashed every file already (re-hashing only files whose size or mtime moved)
    fingerprints = {relative: state.sha256 for relative, state in sources_scan.items()}
    # load: what is under sources/ now, and what the build database already holds
    # who held each id before: a newcomer claiming the same id cannot displace it
    memo = SidecarMemo(fingerprints, load_sidecar_files(warehouse_dir))
    discovery = discover(warehouse.sources_root, established_documents(warehouse.build_database), memo)
    save_sidecar_files(warehouse_dir, dict(memo.declared), sources_scan)
    refs = discovery.refs
    for notice in discovery.skipped:
        context.log.info(f"skipped {notice}")
    keys = {ref.document_id: document_key(warehouse.sources_root, ref, fingerprints) for ref in refs}
    with connect(warehouse.build_database) as connection:
        layouts_changed = [
            ensure_raw_table(connection, table, columns)
            for table, columns in (("documents", DOCUMENT_COLUMNS), ("sentences", SENTENCE_COLUMNS), ("document_events", EVENT_COLUMNS))
        ]
        if any(layouts_changed[:2]):  # an older table layout: re-ingest everything
            connection.execute("delete from raw.documents")
            connection.execute("delete from raw.sentences")
    stored = stored_keys(warehouse.build_database, "documents")
    pending = [ref for ref in refs if stored.get(ref.document_id) != keys[ref.document_id]]
    removed = sorted(set(stored) - set(keys))

    # what each document to write or remove does, recorded with its rows (raw.document_events)
    detected_at = now_utc()
    events = [
        (ref.document_id, ref.source_path, "changed" if ref.document_id in stored else "added", keys[ref.document_id], detected_at)
        for ref in pending
    ] + [(document_id, None, "removed", stored[document_id], detected_at) for document_id in removed]
    jobs = [(ref, str(warehouse.sources_root), DEFAULT_MAX_BYTES) for ref in pending]
    event_of = {event[0]: event for event in events}
    quarantined = []
    # a batch of documents per transaction, with their events: a crash leaves each document as it
    # was or replaced whole, and DuckDB holds one batch's uncommitted text, not the corpus's
    if pending or removed:
        record_build_state(warehouse.build_database, raw_loaded_at=now_utc())
    with connect(warehouse.build_database) as connection:
        connection.execute("begin transaction")
        for table in ("documents", "sentences"):
            delete_document_rows(connection, table, removed)
        _insert_events(connection, [event_of[document_id] for document_id in removed])
        connection.execute("commit")
        # documents whose rows the partitions of document_shards computed already: taken as stored
        taken = _take_stored_documents(connection, warehouse, {ref.document_id: keys[ref.document_id] for ref in pending}, event_of, context.log)
        quarantined += _quarantined(connection, taken)
        jobs = [job for job in jobs if job[0].document_id not in taken]
        for batch in batched(parallel_map(_ingest, jobs), BATCH_SIZE):
            ids = [doc.document_id for doc in batch]
            connection.execute("begin transaction")
            replace_document_rows(connection, "documents", ids, documents_frame(batch, keys))
            replace_document_rows(connection, "sentences", ids, sentences_frame(batch))
            _insert_events(connection, [event_of[document_id] for document_id in ids])
            connection.execute("commit")
            quarantined += [doc for doc in batch if doc.status != "ok"]
        n_documents, n_quarantined = connection.execute(
            "select count(*), count(*) filter (where status <> 'ok') from raw.documents"
        ).fetchone()
        n_sentences = connection.execute("select count(*) from raw.sentences").fetchone()[0]
    if pending or removed:
        record_build_state(warehouse.build_database, raw_loaded_at=now_utc())
    record_ingested_sources(warehouse_dir, sources_scan)
    for doc in quarantined:
        context.log.warning(f"quarantined {doc.source_path}: {doc.error}")
    context.log.info(
        f"{len(pending)} documents ingested ({len(taken)} of them from the shard store), "
        f"{len(refs) - len(pending)} unchanged, {len(removed)} removed"
    )

    yield dg.MaterializeResult(
        asset_key="documents",
        metadata={
            "dagster/row_count": n_documents,
            "documents_quarantined": n_quarantined,
            "ingested_this_run": len(pending),
            "computed_this_run": len(pending) - len(taken),
            "taken_from_shard_store": len(taken),
            "unchanged": len(refs) - len(pending),
            "removed": dg.MetadataValue.json(removed),
        },
    )
    yield dg.MaterializeResult(asset_key="sentences", metadata={"dagster/row_count": n_sentences})
    yield dg.MaterializeResult(asset_key="document_events", metadata={"new_events": len(events)})
