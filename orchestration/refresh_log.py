"""The refresh log: one JSON line per refresh outcome, next to the published warehouse.

It lives outside the DuckDB file so a failed run can record itself without touching the
published warehouse; the view ops.refresh_status in the warehouse reads it.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

REFRESH_LOG_FILE = "refresh_log.jsonl"


def refresh_log_path(warehouse_dir: Path) -> Path:
    return Path(warehouse_dir) / REFRESH_LOG_FILE


def ensure_refresh_log(warehouse_dir: Path) -> Path:
    path = refresh_log_path(warehouse_dir)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.touch(exist_ok=True)
    return path


def append_refresh_record(
    warehouse_dir: Path, *, run_id: str, recorded_at: str, outcome: str, step: str | None, message: str
) -> None:
    """Append one record durably; appends of one short line do not interleave."""
    record = {"run_id": run_id, "recorded_at": recorded_at, "outcome": outcome, "step": step, "message": message}
    path = ensure_refresh_log(warehouse_dir)
    with open(path, "a", encoding="utf-8") as log:
        log.write(json.dumps(record) + "\n")
        log.flush()
        os.fsync(log.fileno())
