"""One real refresh for the analyst-output tests: the seed documents plus one that disagrees.

The extra document (a made-up press article, written here for the tests) gives the 2017 count
of makerspaces in China as 4,900 where two seed documents say 5,739, so the explorer has a
disagreement to show. Its url points at a page of the test's own, so the explorer's link to
the original can be checked without a network.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import dagster as dg
import pytest

from orchestration.definitions import defs
from orchestration.resources import WarehouseResource

REPO_ROOT = Path(__file__).resolve().parents[2]
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


@pytest.fixture(scope="session")
def refreshed(tmp_path_factory) -> tuple[dg.ExecuteInProcessResult, Path]:
    """(the run's result, the warehouse folder) after one refresh that published."""
    root = tmp_path_factory.mktemp("analyst-outputs")
    sources = root / "sources"
    shutil.copytree(REPO_ROOT / "sources", sources)
    folder = sources / "test-daily" / "2018-03-01"
    folder.mkdir(parents=True)
    (folder / f"{DISAGREEING_ID}.txt").write_text(DISAGREEING_TEXT, encoding="utf-8")
    (folder / f"{DISAGREEING_ID}.txt.meta.yml").write_text(DISAGREEING_META, encoding="utf-8")
    warehouse = WarehouseResource(sources_dir=str(sources), warehouse_dir=str(root / "warehouse"))
    with pytest.MonkeyPatch.context() as environment:
        environment.setenv("WAREHOUSE_DIR", warehouse.warehouse_dir)  # dbt's profiles.yml reads it
        result = defs.get_job_def("refresh_warehouse").execute_in_process(
            instance=dg.DagsterInstance.ephemeral(), resources={"warehouse": warehouse}
        )
    assert result.success
    return result, root / "warehouse"
