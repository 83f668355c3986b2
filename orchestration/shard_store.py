"""The document shard store: per-document rows computed ahead, by bucket, as Parquet files.

The per-document stage (ingest, extract, read meaning) is a pure function of a document's
content key, so its rows can be computed anywhere and kept. The partitions of
`document_shards` (orchestration/defs/sharding/assets.py) each compute one hash bucket of
documents and write them here; a refresh takes the rows of every document whose key is stored
instead of computing them, and computes the rest as before.

Layout, under SHARD_STORE_DIR (a local folder or a mounted bucket of object storage):

    <N>-buckets/<bucket>/<shard>/documents.parquet   raw.documents rows of the shard's documents
                                 sentences.parquet   raw.sentences rows
                                 mentions.parquet    raw.mentions rows
                                 manifest.json       each document's id, shard key and row counts

A shard is a batch of up to SHARD_DOCUMENTS documents of one bucket, named by a digest of its
keys. Its manifest is written last, by a rename: a shard without one (a run that stopped while
writing) is not read. A shard's rows are checked before they are used (the file reads, and
holds as many rows per document as the manifest says); a shard that fails is reported with its
file name and its documents are computed instead.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import duckdb
import pandas as pd

from orchestration.incremental import content_key, tree_fingerprint
from orchestration.warehouse import RAW_SCHEMA, delete_document_rows

MANIFEST = "manifest.json"
MANIFEST_FORMAT = 1
# Documents per shard: the refresh loads a shard per transaction, as it writes computed
# documents in batches of 500.
SHARD_DOCUMENTS = 500
# The orchestration code that shapes a document's rows besides the figures library (whose
# fingerprint the content keys already carry): the table layouts, the columns of a mention. Not
# this module, which only moves rows: a change to how shards are laid out is a new
# MANIFEST_FORMAT, and a shard's columns are checked against the table's before it is read.
ROW_SHAPING_MODULES = ("defs/ingestion/assets.py", "defs/extraction/rows.py")
ORCHESTRATION_DIR = Path(__file__).resolve().parent


@cache
def row_shaping_fingerprint() -> str:
    """Hash of the row-shaping modules, once per process (the code a process runs is the code it loaded)."""
    return tree_fingerprint(ORCHESTRATION_DIR, ROW_SHAPING_MODULES)


def shard_key(extraction_key: str) -> str:
    """The key a document's stored rows are kept under: its extraction key (bytes, sidecar, the
    library code, the seeds) and the orchestration code that turns the results into rows."""
    return content_key(extraction_key, row_shaping_fingerprint())


def bucket_of(source_path: str, bucket_count: int) -> int:
    """A document's bucket: a hash of its path under sources/, known before it is read."""
    return int(hashlib.sha256(source_path.encode()).hexdigest()[:12], 16) % bucket_count


def bucket_folder(store: Path, bucket: int, bucket_count: int) -> Path:
    width = len(str(bucket_count - 1))
    return Path(store) / f"{bucket_count}-buckets" / f"{bucket:0{width}d}"


@dataclass(frozen=True)
class StoredDocument:
    """Where a document's rows are kept, and how many of each table the shard holds for it."""

    document_id: str
    shard: Path
    rows: Mapping[str, int]


@dataclass
class ShardIndex:
    """Every stored document by shard key, and the manifests that could not be read."""

    documents: dict[str, StoredDocument] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)

    def find(self, wanted: Mapping[str, str]) -> dict[str, StoredDocument]:
        """document_id -> its stored rows, for the wanted documents (id -> shard key) held under
        that key and that id (a document another build named differently is computed)."""
        found = {}
        for document_id, key in wanted.items():
            stored = self.documents.get(key)
            if stored is not None and stored.document_id == document_id:
                found[document_id] = stored
        return found


def read_index(folder: Path) -> ShardIndex:
    """The manifests under a folder of the store (the whole store, or one bucket's folder)."""
    index = ShardIndex()
    folder = Path(folder)
    if not folder.is_dir():
        return index
    for manifest in sorted(folder.rglob(MANIFEST)):
        try:
            content = json.loads(manifest.read_text())
            if content.get("format") != MANIFEST_FORMAT:
                raise ValueError(f"manifest format {content.get('format')!r}, expected {MANIFEST_FORMAT}")
            for entry in content["documents"]:
                index.documents[entry["key"]] = StoredDocument(
                    entry["document_id"], manifest.parent, {table: int(n) for table, n in entry["rows"].items()}
                )
        except (OSError, ValueError, KeyError, TypeError, AttributeError) as error:
            index.problems.append(f"{manifest}: unreadable manifest ({error}); its documents are computed")
    return index


def find_stored(folder: Path, wanted: Mapping[str, str], warn: Callable[[str], None]) -> dict[str, StoredDocument]:
    """The wanted documents (id -> shard key) the store under `folder` holds; each manifest that
    could not be read is passed to `warn` (its documents are computed again)."""
    index = read_index(folder)
    for problem in index.problems:
        warn(problem)
    return index.find(wanted)


def _quoted(path: Path) -> str:
    return "'" + str(path).replace("'", "''") + "'"


def write_shard(
    bucket_dir: Path,
    documents: list[tuple[str, str]],
    tables: Mapping[str, tuple[Mapping[str, str], pd.DataFrame]],
) -> Path:
    """Write one shard: `documents` are (document_id, shard key); `tables` name, for each raw
    table, its column types and the rows of those documents. Returns the shard's folder."""
    keys = sorted(key for _, key in documents)
    shard = Path(bucket_dir) / hashlib.sha256("".join(keys).encode()).hexdigest()[:20]
    shard.mkdir(parents=True, exist_ok=True)
    rows: dict[str, dict[str, int]] = {document_id: {} for document_id, _ in documents}
    with duckdb.connect() as connection:
        for table, (columns, frame) in tables.items():
            column_list = ", ".join(f"{name} {sql_type}" for name, sql_type in columns.items())
            connection.execute(f"create table {table} ({column_list})")
            if len(frame):
                connection.register("incoming_rows", frame)
                names = ", ".join(frame.columns)
                connection.execute(f"insert into {table} ({names}) select {names} from incoming_rows")
                connection.unregister("incoming_rows")
            counts = dict(connection.execute(f"select document_id, count(*) from {table} group by 1").fetchall())
            for document_id, counted in rows.items():
                counted[table] = counts.get(document_id, 0)
            # written under a name of its own, then renamed: two runs writing the same shard (the
            # same documents) never interleave their bytes in one file
            staging = shard / f".{table}.parquet.{uuid.uuid4().hex}"
            connection.execute(f"copy {table} to {_quoted(staging)} (format parquet, compression zstd)")
            os.replace(staging, shard / f"{table}.parquet")
    manifest = {
        "format": MANIFEST_FORMAT,
        "documents": [{"document_id": document_id, "key": key, "rows": rows[document_id]} for document_id, key in documents],
    }
    # the manifest last, whole or not at all: it is what makes the shard visible
    handle, staging = tempfile.mkstemp(prefix=".manifest-", dir=shard)
    os.fchmod(handle, 0o644)  # mkstemp makes it 0600: the refresh may run as another user than the partition
    with os.fdopen(handle, "w") as file:
        json.dump(manifest, file)
    os.replace(staging, shard / MANIFEST)
    return shard


def take_stored_rows(
    connection: duckdb.DuckDBPyConnection,
    stored: Mapping[str, StoredDocument],
    tables: Mapping[str, Mapping[str, str]],
    with_rows: Callable[[duckdb.DuckDBPyConnection, list[str]], None],
    report: Callable[[str], None],
) -> set[str]:
    """Replace, in raw.<table> for each of `tables` (name -> column types), the rows of the
    `stored` documents with their shard's rows; returns the ids taken.

    A shard at a time: its rows are read and checked first (outside any transaction), then
    replace the documents' rows in one transaction together with what `with_rows` writes for
    those documents (events, logs, queue entries). A shard that fails a check is reported (its
    file and why) and its documents are left out, for the caller to compute."""
    by_shard: dict[Path, list[str]] = {}
    for document_id, document in stored.items():
        by_shard.setdefault(document.shard, []).append(document_id)
    taken: set[str] = set()
    for shard, ids in sorted(by_shard.items()):
        problem = _stage_shard(connection, shard, ids, {document_id: stored[document_id] for document_id in ids}, tables)
        if problem:
            report(f"{problem}; its documents are computed instead")
            continue
        connection.execute("begin transaction")
        for table, columns in tables.items():
            delete_document_rows(connection, table, ids)
            names = ", ".join(columns)
            connection.execute(f"insert into {RAW_SCHEMA}.{table} ({names}) select {names} from staged_{table}")
        with_rows(connection, ids)
        connection.execute("commit")
        taken.update(ids)
    for table in tables:
        connection.execute(f"drop table if exists staged_{table}")
    return taken


def _stage_shard(
    connection: duckdb.DuckDBPyConnection,
    shard: Path,
    ids: list[str],
    stored: Mapping[str, StoredDocument],
    tables: Mapping[str, Mapping[str, str]],
) -> str | None:
    """Read the documents' rows of each table into temp table staged_<table>; the problem found
    (naming the file), or None when every table reads and holds the rows the manifest counts."""
    for table, columns in tables.items():
        path = shard / f"{table}.parquet"
        try:
            connection.execute(
                f"create or replace temp table staged_{table} as select * from read_parquet({_quoted(path)}) "
                "where document_id in (select unnest(?::varchar[]))",
                [ids],
            )
            layout = [
                (name, sql_type.lower())
                for name, sql_type in connection.execute(
                    "select column_name, data_type from information_schema.columns "
                    "where table_name = ? and table_schema = 'main' and table_catalog = 'temp' order by ordinal_position",
                    [f"staged_{table}"],
                ).fetchall()
            ]
            counts = dict(connection.execute(f"select document_id, count(*) from staged_{table} group by 1").fetchall())
        except duckdb.Error as error:
            return f"{path}: unreadable ({str(error).splitlines()[0]})"
        if layout != [(name, sql_type.lower()) for name, sql_type in columns.items()]:
            return f"{path}: columns differ from raw.{table}'s"
        for document_id in ids:
            expected = stored[document_id].rows.get(table)
            if counts.get(document_id, 0) != expected:
                return f"{path}: {counts.get(document_id, 0)} rows of {document_id}, the manifest says {expected}"
    return None

