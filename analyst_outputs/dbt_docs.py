"""The dbt docs site (models, columns, tests, lineage) as static files that need no network.

`dbt docs generate --static` writes static_index.html with the manifest and catalog inside it,
so the page opens from disk or from `make docs` alike. dbt's page loads a usage tracker from a
CDN when the manifest says anonymous usage stats are on; the generation runs with them off
(DBT_SEND_ANONYMOUS_USAGE_STATS=false), so the page makes no request outside its own files.

dbt reads the catalog (column names and types) from the build database, which equals the file
just published; opening the published file would take its write lock away from analysts.
dbt's DuckDB catalog has no statistics, so the site depends only on the dbt project's files and
the warehouse's columns: a site generated for the same project and columns is reused from the
cache (analyst_outputs.cache_dir) instead of paying dbt's 10-20 s again.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import os
import shutil
import subprocess
from pathlib import Path

import duckdb

from analyst_outputs import cache_dir
from orchestration.dbt_command import dbt_command
from orchestration.settings import dbt_target_dir

SITE_FILES = ("index.html", "manifest.json", "catalog.json")
PROJECT_FOLDERS = ("models", "seeds", "macros", "tests", "snapshots", "analyses")
DBT_TIMEOUT_SECONDS = 600
SITES_KEPT = 4
PARTIAL_PARSE_FILE = "partial_parse.msgpack"


class DocsGenerationError(RuntimeError):
    """dbt docs generate failed; the message carries dbt's own output."""


def project_files(dbt_project_dir: Path) -> list[Path]:
    tops = [dbt_project_dir / name for name in ("dbt_project.yml", "profiles.yml")]
    nested = [
        path
        for folder in PROJECT_FOLDERS
        for path in sorted((dbt_project_dir / folder).rglob("*"))
        if path.is_file()
    ]
    return [path for path in tops if path.exists()] + nested


def site_key(dbt_project_dir: Path, published_database: Path) -> str:
    """A digest of dbt's version, the dbt project's files and the published warehouse's columns."""
    digest = hashlib.sha256(importlib.metadata.version("dbt-core").encode())
    for path in project_files(dbt_project_dir):
        digest.update(str(path.relative_to(dbt_project_dir)).encode())
        digest.update(path.read_bytes())
    with duckdb.connect(str(published_database), read_only=True) as connection:
        columns = connection.execute(
            "select table_schema, table_name, column_name, data_type from information_schema.columns "
            "order by all"
        ).fetchall()
    digest.update(repr(columns).encode())
    return digest.hexdigest()[:20]


def _run_dbt(dbt_project_dir: Path, target_path: Path, warehouse_dir: Path) -> None:
    environment = {
        **os.environ,
        # profiles.yml finds the build database (the catalog's source) under WAREHOUSE_DIR.
        "WAREHOUSE_DIR": str(warehouse_dir),
        "DBT_SEND_ANONYMOUS_USAGE_STATS": "false",
        "DO_NOT_TRACK": "1",
    }
    command = [
        *dbt_command(), "docs", "generate", "--static", "--target-path", str(target_path),
        "--project-dir", str(dbt_project_dir), "--profiles-dir", str(dbt_project_dir),
    ]  # fmt: skip
    completed = subprocess.run(
        command, cwd=dbt_project_dir, env=environment, capture_output=True, text=True,
        timeout=DBT_TIMEOUT_SECONDS, check=False,
    )  # fmt: skip
    if completed.returncode != 0:
        tail = "\n".join((completed.stdout + completed.stderr).strip().splitlines()[-15:])
        raise DocsGenerationError(f"dbt docs generate exited {completed.returncode}:\n{tail}")


def _reuse_saved_parse(warehouse_dir: Path, target_path: Path) -> None:
    """Start from the parse the warehouse's last dbt build saved: its profile (the same build
    database) and project match, so dbt reparses only what changed since, instead of the whole
    project in a new target folder (about 3 of the 9 s of CPU docs generation took). dbt checks
    the saved parse itself and parses everything when it does not match."""
    saved = dbt_target_dir(warehouse_dir) / PARTIAL_PARSE_FILE
    if saved.exists():
        target_path.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(saved, target_path / PARTIAL_PARSE_FILE)


def write_dbt_docs(dbt_project_dir: Path, published_database: Path, site_dir: Path) -> bool:
    """Write index.html (self-contained), manifest.json and catalog.json into site_dir.

    Returns True when a cached site was reused, False when dbt generated it now."""
    key = site_key(dbt_project_dir, published_database)
    sites = cache_dir() / "dbt_docs"
    cached = sites / key
    site_dir.mkdir(parents=True, exist_ok=True)
    reused = all((cached / name).exists() for name in SITE_FILES)
    if not reused:
        work = sites / f".generating-{os.getpid()}"
        shutil.rmtree(work, ignore_errors=True)
        try:
            _reuse_saved_parse(published_database.parent, work)
            _run_dbt(dbt_project_dir, work, published_database.parent)
            fresh = cached.with_name(f".{key}-{os.getpid()}")
            fresh.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(work / "static_index.html", fresh / "index.html")
            for name in ("manifest.json", "catalog.json"):
                shutil.copyfile(work / name, fresh / name)
            shutil.rmtree(cached, ignore_errors=True)
            fresh.replace(cached)
            # A few sites are kept (warehouses of different schemas may share the cache); older
            # ones belong to projects or schemas gone by now.
            kept = sorted((p for p in sites.iterdir() if p.is_dir() and not p.name.startswith(".")),
                          key=lambda p: p.stat().st_mtime, reverse=True)  # fmt: skip
            for old in kept[SITES_KEPT:]:
                shutil.rmtree(old, ignore_errors=True)
        finally:
            shutil.rmtree(work, ignore_errors=True)
    for name in SITE_FILES:
        shutil.copyfile(cached / name, site_dir / name)
    os.utime(cached)  # most recently used, so kept longest
    return reused
