"""A cold build of a folder of documents into a warehouse of its own, for tests that read the
published warehouse of a small corpus (the seed documents plus crafted or corpus articles).

The cross-language, found-organisation and place-scope tests read one such build, `corpus_build`:
the seed documents plus the articles each module adds (a module's documents name no fact another
module's tests read: makerspaces in 2017 against Xiaomi, a town, a competition, a prospectus and
the places of a few enumerations), built
once per session on one worker (tests/conftest.py, SHARED_BUILDS) instead of once per module."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import dagster as dg
import duckdb
import pytest

from orchestration.defs.extraction.assets import mentions
from orchestration.defs.ingestion.assets import ingested_documents
from orchestration.defs.publishing.assets import published_warehouse
from orchestration.defs.reference.assets import fx_reference_rates, reference_places
from orchestration.defs.transformation.assets import dbt_models
from orchestration.defs.validation.assets import fct_quality_issue
from orchestration.resources import WarehouseResource, dbt_resource

REPO_ROOT = Path(__file__).resolve().parents[2]
# Everything from the documents to the published file: ingestion, extraction, reference rates and
# places, dbt, validation and publishing (what `make run` builds).
PUBLISHING_ASSETS = [
    ingested_documents, mentions, fx_reference_rates, reference_places, dbt_models, fct_quality_issue, published_warehouse,
]  # fmt: skip


@contextmanager
def published_warehouse_of(sources: Path, warehouse_dir: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    """Build `sources` cold into `warehouse_dir` and open the published warehouse read-only."""
    resource = WarehouseResource(sources_dir=str(sources), warehouse_dir=str(warehouse_dir))
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("WAREHOUSE_DIR", str(warehouse_dir))  # read by dbt's profiles.yml
        result = dg.materialize(
            PUBLISHING_ASSETS,
            resources={"warehouse": resource, "dbt": dbt_resource()},
            instance=dg.DagsterInstance.ephemeral(),
            raise_on_error=False,
        )
    assert result.success
    with duckdb.connect(str(resource.published_database), read_only=True) as connection:
        yield connection


def published_warehouse_path(sources: Path, warehouse_dir: Path) -> Path:
    """Build `sources` cold into `warehouse_dir`; the published warehouse's path."""
    with published_warehouse_of(sources, warehouse_dir):
        pass
    return warehouse_dir / "warehouse.duckdb"


@contextmanager
def opened(published: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    with duckdb.connect(str(published), read_only=True) as connection:
        yield connection


def build_corpus(root: Path, add_documents: list[Callable[[Path], None]]) -> Path:
    """The seed documents plus what each of add_documents writes into the sources folder, built
    cold under root; the published warehouse's path."""
    sources = root / "sources"
    shutil.copytree(REPO_ROOT / "sources", sources)
    for add in add_documents:
        add(sources)
    return published_warehouse_path(sources, root / "warehouse")

