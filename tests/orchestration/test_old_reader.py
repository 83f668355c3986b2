"""The published warehouse opens in DuckDB 1.x, though the pipeline writes it with DuckDB 2.x.

The reader is the DuckDB 1.x command-line client of the dev dependencies (.venv/bin/duckdb,
PyPI package duckdb-cli), run as an analyst would: `duckdb -readonly warehouse.duckdb`.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import dagster as dg
import duckdb
import pytest

from orchestration import warehouse as warehouse_module
from orchestration.definitions import defs
from orchestration.resources import WarehouseResource
from orchestration.warehouse import (
    STORAGE_VERSION_NUMBER,
    convert_storage,
    publish,
    storage_version_number,
)
from tests.build_options import WITHOUT_DBT_DATA_TESTS

DUCKDB_CLI = Path(sys.executable).parent / "duckdb"
META = "file: {name}\ntitle: {name}\npublisher: Test Press\npublished_on: 2018-03-01\nformat: text\nlanguage: en\nsource_tier: 2\n"
QUERY = "select count(*) from marts.fct_figure; select count(*) from staging.stg_documents"


def _cli(database: Path, sql: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(DUCKDB_CLI), "-readonly", "-noheader", "-list", str(database), "-c", sql],
        check=False, capture_output=True, text=True, timeout=120,
    )  # fmt: skip


def _counts_in_2x(database: Path) -> list[int]:
    with duckdb.connect(str(database), read_only=True) as connection:
        return [connection.execute(sql).fetchone()[0] for sql in QUERY.split("; ")]


def _write(sources: Path, name: str, text: str) -> None:
    folder = sources / "test-press" / "2018-03-01"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(text)
    (folder / f"{name}.meta.yml").write_text(META.format(name=name))


def _refresh(warehouse: WarehouseResource) -> None:
    result = defs.get_job_def("refresh_warehouse").execute_in_process(
        instance=dg.DagsterInstance.ephemeral(), resources={"warehouse": warehouse}
    )
    assert result.success


def test_the_cli_is_a_duckdb_1x_reader():
    assert DUCKDB_CLI.exists(), "the dev dependency duckdb-cli is not installed: run make setup"
    version = subprocess.run([str(DUCKDB_CLI), "--version"], capture_output=True, text=True, check=True)
    assert version.stdout.startswith("v1."), version.stdout


def test_a_2x_format_build_is_converted_when_published(tmp_path):
    build = tmp_path / "build" / "warehouse.duckdb"
    published = tmp_path / "warehouse.duckdb"
    build.parent.mkdir()
    with duckdb.connect(str(build)) as connection:  # DuckDB 2.x's default format
        connection.execute("create schema marts")
        connection.execute("create table marts.facts as select range as n, 'x' || range as label from range(5000)")
        connection.execute("create view marts.big as select * from marts.facts where n >= 1000")
        connection.execute("create macro marts.twice(x) as 2 * x")
    assert storage_version_number(build) > STORAGE_VERSION_NUMBER
    assert _cli(build, "select 1").returncode != 0, "DuckDB 1.x does not open the 2.x format"

    publish(build, published)

    assert storage_version_number(build) == STORAGE_VERSION_NUMBER  # converted once, for good
    assert published.read_bytes() == build.read_bytes()
    answer = _cli(published, "select count(*), sum(n) from marts.big; select marts.twice(21)")
    assert answer.returncode == 0, answer.stderr
    assert answer.stdout.split() == ["4000|11998000", "42"]
    assert not convert_storage(build), "a build already in the old format is left alone"
    assert not list(tmp_path.rglob(".converting-*")) and not list(tmp_path.rglob(".publishing-*"))


@pytest.mark.pipeline
def test_pipeline_publishes_a_warehouse_that_duckdb_1x_opens(tmp_path, monkeypatch):
    """A build left in the 2.x format by an earlier version of the pipeline is converted at the
    next publish; from then on the build itself stays in the old format."""
    if not shutil.which(str(DUCKDB_CLI)):
        pytest.fail("the dev dependency duckdb-cli is not installed: run make setup")
    monkeypatch.setenv("WAREHOUSE_DIR", str(tmp_path / "warehouse"))  # dbt's profile reads it
    for name, value in WITHOUT_DBT_DATA_TESTS.items():  # the file's format is the claim
        monkeypatch.setenv(name, value)
    sources = tmp_path / "sources"
    _write(sources, "alpha.txt", "By the end of 2017, China had 5,739 makerspaces, up 21% from 2016.\n")
    # Its unclassified figure gives the first validation a quality issue: a first validation
    # with none stores fct_quality_issue with untyped columns (a separate, known problem).
    _write(sources, "gamma.txt", "In 2017 the Torch Center counted 4,063 incubators. Its firms sold 2,000 widgets.\n")
    warehouse = WarehouseResource(sources_dir=str(sources), warehouse_dir=str(tmp_path / "warehouse"))

    # As before this change: the build file created, and published, in DuckDB 2.x's format.
    with monkeypatch.context() as legacy:
        legacy.setattr(warehouse_module, "STORAGE_VERSION", "latest")
        legacy.setattr(warehouse_module, "STORAGE_VERSION_NUMBER", 10**6)
        _refresh(warehouse)
    assert storage_version_number(warehouse.published_database) > STORAGE_VERSION_NUMBER
    refused = _cli(warehouse.published_database, QUERY)
    assert refused.returncode != 0 and "version number" in refused.stderr + refused.stdout

    _write(sources, "beta.txt", "Over 1,600 incubators were in operation in 2014, with 3.15 billion yuan.\n")
    _refresh(warehouse)

    assert storage_version_number(warehouse.build_database) == STORAGE_VERSION_NUMBER
    assert storage_version_number(warehouse.published_database) == STORAGE_VERSION_NUMBER
    answer = _cli(warehouse.published_database, QUERY)
    assert answer.returncode == 0, answer.stderr
    figures, documents = _counts_in_2x(warehouse.published_database)
    assert documents == 3 and figures >= 5
    assert [int(line) for line in answer.stdout.split()] == [figures, documents]
