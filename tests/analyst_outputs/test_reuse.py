"""A publish rewrites only the pages and exports whose rows changed, and the folder it leaves is
the one a rewrite of everything would leave.

Each case changes rows of a copy of the published warehouse (conftest.refreshed, with the
outputs first written for it once: first_publish) the way a refresh can: one document's figure, a place's name, one observation, a document's title, a
reconciled value. The outputs are then written twice from the changed file: over the previous
folder (reusing what did not change) and into an empty one; the two must be the same page for
page, except the "Generated" time that reused pages keep.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import duckdb
import pytest

import analyst_outputs.site
from analyst_outputs import OUTPUT_FOLDER, write_analyst_outputs
from analyst_outputs.reuse import MANIFEST

DISAGREEING_PAGE = "documents/2018-03-01_test-daily-makerspaces.html"
# One row of each kind a refresh can change, and a page that must show the change.
CHANGES = {
    "a figure of one document": (
        ("update marts.fct_figure set value_point = 4901 where figure_id = (select min(figure_id) "
        "from marts.fct_figure where document_id = '2018-03-01_test-daily-makerspaces' and value_point = 4900)"),
        DISAGREEING_PAGE,
    ),
    "a place's name": ("update marts.dim_entity set name = 'The Middle Kingdom' where entity_id = 'china'", DISAGREEING_PAGE),
    "an observation's value": (
        ("update marts.fct_indicator_observation set value_central = 4902 where observation_id = (select "
        "min(observation_id) from marts.fct_indicator_observation where indicator_id = 'makerspaces' and value_central = 4900)"),
        "indicators/makerspaces.html",
    ),
    "a document's title": (
        "update marts.dim_document set title = 'A renamed test article' where document_id = '2018-03-01_test-daily-makerspaces'",
        "indicators/makerspaces.html",
    ),
    "a reconciled value": (
        ("update marts.fct_indicator_value set n_publishers = n_publishers + 7 where indicator_value_id = (select "
        "min(indicator_value_id) from marts.fct_indicator_value where indicator_id = 'makerspaces')"),
        "indicators/makerspaces.html",
    ),
}


def _pages(folder: Path) -> dict[str, bytes]:
    """Every file but the dbt docs and the digests, the "Generated" line left out."""
    found = {}
    for path in sorted(folder.rglob("*")):
        relative = path.relative_to(folder).as_posix()
        if path.is_file() and not relative.startswith("docs/") and relative != MANIFEST:
            found[relative] = re.sub(rb"Generated [^<]* from", b"Generated from", path.read_bytes())
    return found


def _without_dbt_docs(patch: pytest.MonkeyPatch) -> None:
    """The dbt docs site depends on the dbt project and columns only (analyst_outputs.dbt_docs)."""
    patch.setattr(analyst_outputs.site, "write_dbt_docs", lambda *_args: True)


@pytest.fixture
def no_dbt_docs(monkeypatch):
    _without_dbt_docs(monkeypatch)


@pytest.fixture(scope="module")
def first_publish(refreshed, tmp_path_factory) -> Path:
    """The outputs of the refreshed warehouse written once into an empty folder, as every case's
    previous publish: each case copies them (the same files for every case, so written once)."""
    _, warehouse = refreshed
    folder = tmp_path_factory.mktemp("first-publish")
    shutil.copyfile(warehouse / "warehouse.duckdb", folder / "warehouse.duckdb")
    with pytest.MonkeyPatch.context() as patch:
        _without_dbt_docs(patch)
        first = write_analyst_outputs(folder / "warehouse.duckdb", folder)
    assert first.ok, first.failures
    return folder


def _copy_of(first_publish: Path, folder: Path) -> Path:
    """The first publish's warehouse and outputs copied into folder (the copy's own files)."""
    shutil.copytree(first_publish, folder)
    return folder


@pytest.mark.parametrize("change", sorted(CHANGES))
def test_a_publish_rewrites_what_changed_and_equals_a_full_rewrite(change, first_publish, tmp_path, no_dbt_docs):
    incremental, full = _copy_of(first_publish, tmp_path / "incremental"), tmp_path / "full"
    before = _pages(incremental / OUTPUT_FOLDER)
    sql, shown_on = CHANGES[change]
    with duckdb.connect(str(incremental / "warehouse.duckdb")) as connection:
        assert connection.execute(sql).fetchone()[0] == 1, "the case changes one row"
    full.mkdir()
    shutil.copyfile(incremental / "warehouse.duckdb", full / "warehouse.duckdb")

    again = write_analyst_outputs(incremental / "warehouse.duckdb", incremental)
    rewritten = write_analyst_outputs(full / "warehouse.duckdb", full)

    assert again.ok and rewritten.ok, (again.failures, rewritten.failures)
    after = _pages(incremental / OUTPUT_FOLDER)
    assert after == _pages(full / OUTPUT_FOLDER)
    assert after[shown_on] != before[shown_on]
    # only some pages were written again; the rest were linked from the previous folder
    assert 0 < again.counts["pages written"] < rewritten.counts["pages written"]


def test_an_unchanged_publish_writes_no_page_and_keeps_the_files(first_publish, tmp_path, no_dbt_docs):
    folder = _copy_of(first_publish, tmp_path / "publish")
    page = folder / OUTPUT_FOLDER / "indicators" / "makerspaces.html"
    export = folder / OUTPUT_FOLDER / "exports" / "parquet" / "fct_figure.parquet"
    inodes = (page.stat().st_ino, export.stat().st_ino)

    report = write_analyst_outputs(folder / "warehouse.duckdb", folder)

    assert report.ok and report.counts["pages written"] == 0
    assert (page.stat().st_ino, export.stat().st_ino) == inodes  # the same files, linked


def test_indicator_pages_read_one_at_a_time_equal_those_read_together(first_publish, tmp_path, monkeypatch, no_dbt_docs):
    """Indicator pages are read in batches (site.INDICATOR_BATCH_OBSERVATIONS); a batch of one
    indicator each must give the same pages as the one batch a small corpus makes."""
    alone = tmp_path / "alone"
    alone.mkdir()
    shutil.copyfile(first_publish / "warehouse.duckdb", alone / "warehouse.duckdb")
    monkeypatch.setattr(analyst_outputs.site, "INDICATOR_BATCH_OBSERVATIONS", 1)

    report = write_analyst_outputs(alone / "warehouse.duckdb", alone)

    assert report.ok, report.failures
    together = _pages(first_publish / OUTPUT_FOLDER)
    assert _pages(alone / OUTPUT_FOLDER) == together
    assert sum(name.startswith("indicators/") for name in together) > 2
