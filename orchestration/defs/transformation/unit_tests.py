"""dbt's unit tests run once per version of the dbt project, not once per warehouse.

A unit test checks a model's SQL on rows it gives itself: its outcome depends on the dbt
project's files (models, macros and seeds: int_figures_classified reads the indicators seed when
it compiles) and on the versions of dbt, its DuckDB adapter and DuckDB, never on a warehouse's
data. Once every unit test of a project has passed, a full build of any warehouse on this machine
skips them. They were the larger part of a small full build: 13 of the 22 s dbt spent on the
seed documents (the three tests of int_figures_classified about 12 s each, a 330 KB query).

What passed is kept as one empty file per key under DBT_UNIT_TESTS_CACHE (default
<repo>/.cache/dbt_unit_tests); deleting the folder makes the next full build run them again.
"""

from __future__ import annotations

import importlib.metadata
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from orchestration.incremental import content_key
from orchestration.settings import REPO_ROOT

CACHE_VARIABLE = "DBT_UNIT_TESTS_CACHE"
# What decides a unit test's outcome besides the project's files.
VERSIONED_PACKAGES = ("dbt-core", "dbt-duckdb", "duckdb")


def cache_dir() -> Path:
    return Path(os.environ.get(CACHE_VARIABLE) or REPO_ROOT / ".cache" / "dbt_unit_tests")


def unit_tests_key(project_fingerprint: str) -> str:
    versions = (f"{name}=={importlib.metadata.version(name)}" for name in VERSIONED_PACKAGES)
    return content_key(project_fingerprint, *versions)


def unit_tests_passed(key: str) -> bool:
    return (cache_dir() / key).exists()


def record_unit_tests(key: str, run_results: Mapping[str, Any], manifest: Mapping[str, Any]) -> bool:
    """Record the key when this dbt invocation ran every unit test of the project and all passed;
    returns whether it did."""
    expected = set(manifest.get("unit_tests", {}))
    outcomes = {
        result["unique_id"]: result["status"]
        for result in run_results.get("results", [])
        if result["unique_id"].startswith("unit_test.")
    }
    if not expected or set(outcomes) != expected or any(status != "pass" for status in outcomes.values()):
        return False
    folder = cache_dir()
    folder.mkdir(parents=True, exist_ok=True)
    (folder / key).touch()
    return True
