"""Test session set-up: the pipeline reads the project's sources and writes a temporary warehouse."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent


def pytest_configure(config):
    # Before any orchestration module is imported: every path the pipeline uses is configuration.
    os.environ["WAREHOUSE_DIR"] = tempfile.mkdtemp(prefix="warehouse-test-")
    os.environ.setdefault("SOURCES_DIR", str(REPO_ROOT / "sources"))
    os.environ.pop("DAGSTER_HOME", None)

    # Parse the dbt project afresh so the Dagster assets match the models on disk.
    from orchestration.resources import prepare_dbt_manifest

    prepare_dbt_manifest(force=True)
