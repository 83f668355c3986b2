"""Where the pipeline reads and writes: every path is configuration, never a constant.

SOURCES_DIR   the document tree (default: <repo>/sources)
WAREHOUSE_DIR the warehouse folder (default: <repo>/warehouse); holds
              build/warehouse.duckdb  the single-writer build database (Python + dbt)
              warehouse.duckdb        the published, validated copy analysts open read-only
SHARD_STORE_DIR the document shard store: the per-document stage's rows as Parquet, filled by
              the partitions of `document_shards` (default: <WAREHOUSE_DIR>/document_shards;
              any folder, a mounted bucket of object storage included)
DOCUMENT_BUCKETS how many hash buckets (partitions of `document_shards`) the documents are
              spread over (default 64)
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
DBT_PROJECT_DIR = REPO_ROOT / "dbt_project"
# The checkout's saved dbt parse, which each build in a new warehouse folder starts from.
SAVED_PARSE = DBT_PROJECT_DIR / "target" / "partial_parse.msgpack"
BUILD_DATABASE_NAME = "warehouse.duckdb"
# 1 million documents in 64 buckets are about 16,000 a bucket: some 37 minutes of one core (0.14 s each)'s
# per-document work at 2026-12 rates, a run per bucket a cluster's workers take in turn.
DEFAULT_DOCUMENT_BUCKETS = 64


@dataclass(frozen=True)
class Paths:
    sources_dir: Path
    warehouse_dir: Path

    @property
    def build_database(self) -> Path:
        return self.warehouse_dir / "build" / BUILD_DATABASE_NAME

    @property
    def published_database(self) -> Path:
        return self.warehouse_dir / "warehouse.duckdb"


def configured_paths() -> Paths:
    """Read the paths from the environment, made absolute (relative DuckDB paths proved fragile)."""
    sources = Path(os.environ.get("SOURCES_DIR", REPO_ROOT / "sources")).resolve()
    warehouse = Path(os.environ.get("WAREHOUSE_DIR", REPO_ROOT / "warehouse")).resolve()
    # dbt's profiles.yml reads WAREHOUSE_DIR, and dbt runs as a subprocess inheriting this environment.
    os.environ["WAREHOUSE_DIR"] = str(warehouse)
    # dbt runs from <warehouse>/build (orchestration/dbt_command.py) and finds the build database
    # there: one profile, so one saved dbt parse, for every warehouse folder.
    os.environ.setdefault("DBT_DUCKDB_PATH", BUILD_DATABASE_NAME)
    return Paths(sources_dir=sources, warehouse_dir=warehouse)


def dbt_target_dir(warehouse_dir: Path) -> Path:
    """dbt's artifacts, log and saved parse (partial_parse.msgpack) for this warehouse's builds."""
    return Path(warehouse_dir) / "build" / "dbt_target"


def shard_store_dir(warehouse_dir: Path | str) -> Path:
    """Where the per-document rows computed by bucket (orchestration/shard_store.py) are kept."""
    configured = os.environ.get("SHARD_STORE_DIR")
    return Path(configured).resolve() if configured else Path(warehouse_dir) / "document_shards"


def document_buckets() -> int:
    """How many hash buckets of documents the per-document stage is spread over."""
    return max(1, int(os.environ.get("DOCUMENT_BUCKETS", DEFAULT_DOCUMENT_BUCKETS)))
