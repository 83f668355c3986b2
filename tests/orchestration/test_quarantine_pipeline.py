"""Bad documents end quarantined in the warehouse with their reason; the rest publish as usual."""

from __future__ import annotations

import dagster as dg
import duckdb
import pytest

from orchestration.defs.extraction.assets import mentions
from orchestration.defs.ingestion.assets import ingested_documents
from orchestration.defs.publishing.assets import published_warehouse
from orchestration.defs.reference.assets import fx_reference_rates
from orchestration.defs.transformation.assets import dbt_models
from orchestration.defs.validation.assets import fct_quality_issue
from orchestration.resources import WarehouseResource, dbt_resource

pytestmark = pytest.mark.pipeline  # scheduled first (tests/conftest.py)

GOOD_META = """\
file: {name}
title: A good document
publisher: Test Press
published_on: 2017-05-23
format: text
language: en
source_tier: 3
"""


def _write_sources(root):
    folder = root / "test-press" / "2017-05-23"
    folder.mkdir(parents=True)
    (folder / "good.txt").write_text("In 2017, 5,739 makerspaces served start-ups. They hired 1.05 million people.\n")
    (folder / "good.txt.meta.yml").write_text(GOOD_META.format(name="good.txt"))
    (folder / "empty.txt").write_bytes(b"")
    (folder / "empty.txt.meta.yml").write_text(GOOD_META.format(name="empty.txt"))
    (folder / "orphan.txt").write_text("A document nobody described.\n")
    (folder / "escape.txt.meta.yml").write_text(GOOD_META.format(name="../../../../etc/passwd"))


def test_bad_documents_are_quarantined_and_the_rest_is_published(tmp_path, monkeypatch):
    sources, warehouse_dir = tmp_path / "sources", tmp_path / "warehouse"
    _write_sources(sources)
    monkeypatch.setenv("WAREHOUSE_DIR", str(warehouse_dir))  # read by dbt's profiles.yml
    warehouse = WarehouseResource(sources_dir=str(sources), warehouse_dir=str(warehouse_dir))

    result = dg.materialize(
        [ingested_documents, mentions, fx_reference_rates, dbt_models, fct_quality_issue, published_warehouse],
        resources={"warehouse": warehouse, "dbt": dbt_resource()},
        instance=dg.DagsterInstance.ephemeral(),
    )

    assert result.success
    with duckdb.connect(str(warehouse.published_database), read_only=True) as connection:
        rows = connection.execute(
            "select source_path, status, error from staging.stg_documents order by source_path"
        ).fetchall()
        sentences = connection.execute("select count(*) from staging.stg_sentences").fetchone()[0]
    by_path = {path.rsplit("/", 1)[-1]: (status, error) for path, status, error in rows}
    assert by_path["good.txt"] == ("ok", None)
    assert sentences == 2
    quarantined = {name: error for name, (status, error) in by_path.items() if status == "quarantined"}
    assert set(quarantined) >= {"empty.txt", "orphan.txt"}
    assert "empty" in quarantined["empty.txt"].lower()
    assert "orphan.txt" in quarantined["orphan.txt"] and "metadata" in quarantined["orphan.txt"].lower()
    escape = [error for name, error in quarantined.items() if "escape.txt.meta.yml" in error or "passwd" in error]
    assert escape and "outside" in escape[0].lower()
