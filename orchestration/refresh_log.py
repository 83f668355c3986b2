"""The refresh log: one JSON line per refresh outcome, next to the published warehouse.

It lives outside the DuckDB file so a failed run can record itself without touching the
published warehouse. The warehouse carries a copy: raw.refresh_log is loaded from this file
into the build before dbt runs and again, with the publish's own record, just before the
build is copied out, so the view ops.refresh_status reads a table inside the file and the
published file works wherever it is copied (no path to this log is baked into it).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pandas as pd

REFRESH_LOG_FILE = "refresh_log.jsonl"
FIELDS = ("run_id", "recorded_at", "outcome", "step", "message")
TABLE_COLUMNS = {
    "run_id": "varchar", "recorded_at": "timestamp with time zone", "outcome": "varchar",
    "step": "varchar", "message": "varchar",
}  # fmt: skip


def refresh_log_path(warehouse_dir: Path) -> Path:
    return Path(warehouse_dir) / REFRESH_LOG_FILE


def _build_database(warehouse_dir: Path) -> Path:
    return Path(warehouse_dir) / "build" / "warehouse.duckdb"


def ensure_refresh_log(warehouse_dir: Path) -> Path:
    """The log file exists, and the build holds a copy of it for ops.refresh_status."""
    path = refresh_log_path(warehouse_dir)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.touch(exist_ok=True)
    copy_refresh_log_into(_build_database(warehouse_dir), warehouse_dir)
    return path


def read_refresh_log(warehouse_dir: Path) -> list[dict]:
    """Every record; a line that is not a record (a write cut short by a full disk) is skipped."""
    records = []
    try:
        lines = refresh_log_path(warehouse_dir).read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        return []
    for line in lines:
        try:
            record = json.loads(line)
        except ValueError:
            continue
        if isinstance(record, dict):
            records.append({field: record.get(field) for field in FIELDS})
    return records


def copy_refresh_log_into(build_database: Path, warehouse_dir: Path, *pending: dict) -> int:
    """Replace raw.refresh_log in the build with the log's records plus `pending` ones (a
    publish's own record, written to the file only once the publish has happened)."""
    from orchestration.warehouse import connect, ensure_raw_table

    rows = read_refresh_log(warehouse_dir) + [{field: record.get(field) for field in FIELDS} for record in pending]
    frame = pd.DataFrame(rows, columns=list(FIELDS)).astype("string")
    with connect(build_database) as connection:
        ensure_raw_table(connection, "refresh_log", TABLE_COLUMNS)
        connection.register("refresh_records", frame)
        connection.execute("begin transaction")
        connection.execute("delete from raw.refresh_log")
        connection.execute(
            "insert into raw.refresh_log select run_id, recorded_at::timestamptz, outcome, step, message from refresh_records"
        )
        connection.execute("commit")
        connection.unregister("refresh_records")
    return len(frame)


def refresh_record(*, run_id: str, recorded_at: str, outcome: str, step: str | None, message: str) -> dict:
    return {"run_id": run_id, "recorded_at": recorded_at, "outcome": outcome, "step": step, "message": message}


def append_refresh_record(
    warehouse_dir: Path, *, run_id: str, recorded_at: str, outcome: str, step: str | None, message: str
) -> None:
    """Append one record durably; appends of one short line do not interleave."""
    record = refresh_record(run_id=run_id, recorded_at=recorded_at, outcome=outcome, step=step, message=message)
    path = refresh_log_path(warehouse_dir)
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "a", encoding="utf-8") as log:
        log.write(json.dumps(record) + "\n")
        log.flush()
        os.fsync(log.fileno())
