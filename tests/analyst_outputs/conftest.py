"""One real refresh for the analyst-output tests: the seed documents plus one that disagrees
(added to a copy of the session's seed build).

The extra document (a made-up press article, written here for the tests) gives the 2017 count
of makerspaces in China as 4,900 where two seed documents say 5,739, so the explorer has a
disagreement to show.

Refreshes run in the test process, as the session's seed build does, with their own warehouse
and sources folders (a child process per refresh cost a start-up of Dagster, dbt's adapter and
the validation libraries again, about 5 s of CPU each).
"""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from tests.build_options import WITHOUT_DBT_DATA_TESTS, refresh_in_process

DISAGREEING_ID = "2018-03-01_test-daily-makerspaces"
DISAGREEING_TEXT = (
    "Makerspaces keep spreading\n\n"
    "By the end of 2017, China had 4,900 makerspaces, according to a count by the Test Daily.\n"
)
DISAGREEING_META = f"""file: {DISAGREEING_ID}.txt
title: Makerspaces keep spreading (test article)
publisher: Test Daily
published_on: 2018-03-01
url: null
format: text
language: en
source_tier: 3
license: written for the project's tests
notes: A made-up article that disagrees with the Torch report's 5,739 makerspaces in 2017.
"""


def run_refresh(sources: Path, warehouse: Path) -> dict:
    """refresh_warehouse once over these folders: success, checks, error logs, published."""
    import dagster as dg

    # The pages and their failures are the claim here, not dbt's data tests, which the session's
    # seed build runs on the same seed documents (the extra documents are a sentence each).
    result, instance = refresh_in_process(
        sources, warehouse, {"SOURCES_DIR": str(sources), **WITHOUT_DBT_DATA_TESTS}, raise_on_error=False
    )
    checks = {
        e.check_name: {
            "passed": e.passed, "severity": e.severity.value,
            "failed_parts": e.metadata["failed_parts"].value if "failed_parts" in e.metadata else None,
        }
        for e in result.get_asset_check_evaluations()
    }  # fmt: skip
    return {
        "success": result.success,
        "checks": checks,
        "errors": [e.user_message for e in instance.all_logs(result.run_id) if e.level == logging.ERROR],
        "published": any(
            e.asset_key == dg.AssetKey("published_warehouse") for e in result.get_asset_materialization_events()
        ),
    }


@pytest.fixture(scope="session")
def refreshed(tmp_path_factory, seed_build) -> tuple[dict, Path]:
    """(the run's result: success, checks, errors, published; the warehouse folder).

    The refresh goes on from a copy of the session's cold seed build (tests/conftest.py), so it
    builds and publishes the disagreeing document's change, not the seeds again; an incremental
    refresh makes the rows a cold one does (tests/orchestration/test_incremental_build.py), and
    every page is written again for it where its rows changed (tests/analyst_outputs/test_reuse.py)."""
    root = tmp_path_factory.mktemp("analyst-outputs")
    sources, warehouse = seed_build.copy_to(root)
    folder = sources / "test-daily" / "2018-03-01"
    folder.mkdir(parents=True)
    (folder / f"{DISAGREEING_ID}.txt").write_text(DISAGREEING_TEXT, encoding="utf-8")
    (folder / f"{DISAGREEING_ID}.txt.meta.yml").write_text(DISAGREEING_META, encoding="utf-8")
    result = run_refresh(sources, warehouse)
    assert result["success"] and result["published"]
    return result, warehouse
