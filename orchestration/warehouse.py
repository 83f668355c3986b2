"""DuckDB access for the pipeline: write raw tables into the build database, publish atomically.

All writes go to the build database from one process at a time; analysts only ever open the
published copy, which is replaced by a rename so a reader holding the old file keeps reading it.

Storage format: the pipeline runs DuckDB 2.x, whose default file format DuckDB 1.x cannot read.
The build file is created in the v1.0.0 storage format (STORAGE_VERSION, also set in dbt's
profiles.yml), which DuckDB keeps for the file's lifetime, so the published byte copy opens in
every DuckDB from 1.0 on. A build file made before that (2.x format) is converted once, when
it is next published.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

import duckdb
import pandas as pd

RAW_SCHEMA = "raw"

# The storage format of the build and so of the published file: DuckDB's v1.0.0 format (file
# version number 64), which DuckDB 1.0 to 1.5 and 2.x all open. Keep in step with
# dbt_project/profiles.yml (config_options.storage_compatibility_version).
STORAGE_VERSION = "v1.0.0"
STORAGE_VERSION_NUMBER = 64
# DuckDB's working memory in the pipeline's own connections, as dbt's (dbt_project/profiles.yml).
DEFAULT_MEMORY_LIMIT = "1GB"


def duckdb_memory_limit() -> str:
    return os.environ.get("DUCKDB_MEMORY_LIMIT", DEFAULT_MEMORY_LIMIT)


@contextmanager
def connect(database: Path, read_only: bool = False) -> Iterator[duckdb.DuckDBPyConnection]:
    """Open a connection that is always closed, so the next writer (dbt) can take the lock.

    A database file this creates is in STORAGE_VERSION; an existing file keeps its format.
    """
    # DuckDB would take up to 80% of RAM; the extraction step's one transaction over every
    # changed document's rows then grew with the corpus. Past this it spills to <file>.tmp.
    memory = {"memory_limit": duckdb_memory_limit()}
    if read_only:
        connection = duckdb.connect(str(database), read_only=True, config=memory)
    else:
        database.parent.mkdir(parents=True, exist_ok=True)
        connection = duckdb.connect(
            str(database), config={"storage_compatibility_version": STORAGE_VERSION, **memory}
        )
    try:
        yield connection
    finally:
        connection.close()


def replace_raw_table(database: Path, table: str, frame: pd.DataFrame) -> int:
    """Replace raw.<table> with the frame's rows in one transaction; returns the row count."""
    with connect(database) as connection:
        connection.execute(f"create schema if not exists {RAW_SCHEMA}")
        connection.register("incoming_frame", frame)
        connection.execute("begin transaction")
        connection.execute(
            f"create or replace table {RAW_SCHEMA}.{table} as select * from incoming_frame"
        )
        connection.execute("commit")
        connection.unregister("incoming_frame")
        return len(frame)


def storage_version_number(database: Path) -> int:
    """The storage version number in a DuckDB file's main header (64 = v1.0.0; 2.x writes more)."""
    with open(database, "rb") as handle:
        header = handle.read(20)
    if header[8:12] != b"DUCK":
        raise ValueError(f"{database} is not a DuckDB database file")
    return int.from_bytes(header[12:20], "little")


def _fsync_file(path: Path) -> None:
    with open(path, "rb+") as handle:
        os.fsync(handle.fileno())


def _fsync_directory(path: Path) -> None:
    directory = os.open(path, os.O_RDONLY)
    try:
        os.fsync(directory)  # make a rename in it durable
    finally:
        os.close(directory)


def convert_storage(database: Path) -> bool:
    """Rewrite a database in STORAGE_VERSION, in place and atomically; False if it already is.

    COPY FROM DATABASE copies every schema, table, view, macro and sequence into a new file
    attached with the older format; the new file then replaces the old one with one rename.
    The caller must be the only one with the database open (the single writer).
    """
    if storage_version_number(database) <= STORAGE_VERSION_NUMBER:
        return False
    handle, staging_name = tempfile.mkstemp(prefix=".converting-", suffix=".duckdb", dir=database.parent)
    os.close(handle)
    staging = Path(staging_name)
    staging.unlink()  # DuckDB must create the file itself
    try:
        with connect(database) as connection:
            source = connection.execute("select current_database()").fetchone()[0]
            target = str(staging).replace("'", "''")
            connection.execute(f"attach '{target}' as converted (storage_version '{STORAGE_VERSION}')")
            connection.execute(f'copy from database "{source}" to converted')
            connection.execute("checkpoint converted")
            connection.execute("detach converted")
        # Closing checkpointed the build; a write-ahead log left beside it must not be replayed
        # onto the converted file.
        Path(f"{database}.wal").unlink(missing_ok=True)
        _fsync_file(staging)
        os.replace(staging, database)
    finally:
        staging.unlink(missing_ok=True)
        Path(f"{staging}.wal").unlink(missing_ok=True)
    _fsync_directory(database.parent)
    return True


def publish(build_database: Path, published_database: Path) -> Path:
    """Copy the validated build next to the published file, then swap it in with one rename.

    os.replace is atomic on POSIX: a reader sees either the old file or the new one, never a
    partial copy, and a reader that already opened the old file keeps its (unlinked) inode.
    A build still in DuckDB 2.x's storage format is first converted to STORAGE_VERSION, so the
    published file always opens in DuckDB 1.x.
    """
    with connect(build_database) as connection:
        connection.execute("checkpoint")  # fold the write-ahead log into the file we copy
    convert_storage(build_database)
    published_database.parent.mkdir(parents=True, exist_ok=True)
    handle, staging_name = tempfile.mkstemp(
        prefix=".publishing-", suffix=".duckdb", dir=published_database.parent
    )
    os.close(handle)
    staging = Path(staging_name)
    try:
        shutil.copyfile(build_database, staging)
        # mkstemp made it 0600; the published file is readable like any file the user creates
        # (0666 less the umask), from the moment it appears under its name
        os.chmod(staging, 0o666 & ~_current_umask())
        _fsync_file(staging)
        os.replace(staging, published_database)
    finally:
        staging.unlink(missing_ok=True)
    _fsync_directory(published_database.parent)
    return published_database


def _current_umask() -> int:
    """The process umask, read from /proc (Linux) without changing it; else set and reset."""
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except OSError:
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


# The build state file records when raw tables were last loaded and when the build was last
# validated, so publishing can refuse a build whose raw data changed after validation.
BUILD_STATE_FILE = "build_state.json"


def _state_path(build_database: Path) -> Path:
    return build_database.parent / BUILD_STATE_FILE


def read_build_state(build_database: Path) -> dict:
    path = _state_path(build_database)
    return json.loads(path.read_text()) if path.exists() else {}


def record_build_state(build_database: Path, **changes: object) -> dict:
    """Merge changes into the build state file, written atomically."""
    state = read_build_state(build_database) | changes
    path = _state_path(build_database)
    path.parent.mkdir(parents=True, exist_ok=True)
    staging = path.with_suffix(".json.tmp")
    staging.write_text(json.dumps(state, indent=2, sort_keys=True, default=str))
    os.replace(staging, path)
    return state


def now_utc() -> str:
    return datetime.now(UTC).isoformat()


def ensure_raw_table(connection: duckdb.DuckDBPyConnection, table: str, columns: dict[str, str]) -> bool:
    """Create raw.<table> with explicit column types (an empty first batch must not guess them).

    A table whose columns differ from `columns` (an older layout) is recreated empty; returns
    True then, so the caller knows its stored rows are gone and must be rebuilt.
    """
    connection.execute(f"create schema if not exists {RAW_SCHEMA}")
    existing = connection.execute(
        "select column_name, lower(data_type) from information_schema.columns "
        "where table_schema = ? and table_name = ? order by ordinal_position",
        [RAW_SCHEMA, table],
    ).fetchall()
    wanted = [(name, sql_type.lower()) for name, sql_type in columns.items()]
    if existing == wanted:
        return False
    column_list = ", ".join(f"{name} {sql_type}" for name, sql_type in columns.items())
    connection.execute(f"create or replace table {RAW_SCHEMA}.{table} ({column_list})")
    return bool(existing)


def stored_keys(database: Path, table: str, key_column: str = "content_key") -> dict[str, str]:
    """document_id -> stored content key for raw.<table>; empty when nothing is stored yet."""
    if not database.exists():
        return {}
    with connect(database, read_only=True) as connection:
        if not table_exists(connection, RAW_SCHEMA, table):
            return {}
        return dict(connection.execute(f"select document_id, any_value({key_column}) from {RAW_SCHEMA}.{table} group by 1").fetchall())


def table_exists(connection: duckdb.DuckDBPyConnection, schema: str, table: str) -> bool:
    return bool(connection.execute(
        "select count(*) from information_schema.tables where table_schema = ? and table_name = ?",
        [schema, table],
    ).fetchone()[0])


def span_id(document_id: str, start: int, end: int) -> str:
    """Stable, readable id of a character span of a document (a sentence, a mention)."""
    return f"{document_id}@{start}-{end}"


def delete_document_rows(connection: duckdb.DuckDBPyConnection, table: str, document_ids: list[str]) -> None:
    """Delete the given documents' rows from raw.<table>."""
    ids = pd.DataFrame({"document_id": pd.Series(document_ids, dtype="string")})
    connection.register("replaced_document_ids", ids)
    connection.execute(
        f"delete from {RAW_SCHEMA}.{table} where document_id in (select document_id from replaced_document_ids)"
    )
    connection.unregister("replaced_document_ids")


def replace_document_rows(
    connection: duckdb.DuckDBPyConnection, table: str, document_ids: list[str], frame: pd.DataFrame
) -> None:
    """Delete the given documents' rows from raw.<table>, then insert the frame's rows.

    The caller wraps calls in one transaction so a crash leaves the previous rows intact.
    """
    delete_document_rows(connection, table, document_ids)
    if len(frame):
        connection.register("incoming_rows", frame)
        columns = ", ".join(frame.columns)
        connection.execute(f"insert into {RAW_SCHEMA}.{table} ({columns}) select {columns} from incoming_rows")
        connection.unregister("incoming_rows")


# The queue of documents whose per-document dbt models must be rebuilt: extraction adds the
# documents it (re)extracted or dropped; a green full dbt build removes what it caught up on.
PENDING_COLUMNS = {"document_id": "varchar", "noted_at": "timestamp with time zone"}


def note_pending_documents(connection: duckdb.DuckDBPyConnection, document_ids: list[str]) -> None:
    """Queue documents (inside the caller's transaction); one already queued keeps its time."""
    ensure_raw_table(connection, "pending_documents", PENDING_COLUMNS)
    if not document_ids:
        return
    connection.register(
        "noted_ids", pd.DataFrame({"document_id": pd.Series(document_ids, dtype="string")})
    )
    connection.execute(
        "insert into raw.pending_documents select distinct document_id, now() from noted_ids "
        "where document_id not in (select document_id from raw.pending_documents)"
    )
    connection.unregister("noted_ids")


def clear_pending_documents(database: Path, noted_until: str) -> int:
    """Remove the documents queued up to `noted_until` (ISO time); returns how many."""
    with connect(database) as connection:
        ensure_raw_table(connection, "pending_documents", PENDING_COLUMNS)
        (removed,) = connection.execute(
            "delete from raw.pending_documents where noted_at <= ?::timestamptz", [noted_until]
        ).fetchone()
    return removed
