"""The per-document stage by hash bucket: the partitions of document_shards fill the shard
store, and a refresh takes the stored rows instead of computing them, to the same warehouse as a
cold build's. A document changed since, or a shard that cannot be read whole, is computed."""

import shutil
from pathlib import Path

import dagster as dg
import duckdb
import pandas as pd
import pytest

from orchestration.definitions import defs
from orchestration.defs.sharding.assets import build_document_shards
from orchestration.resources import ShardStoreResource, WarehouseResource
from orchestration.settings import DEFAULT_DOCUMENT_BUCKETS, document_buckets
from orchestration.shard_store import MANIFEST, read_index, write_shard
from tests.build_options import WITHOUT_DBT_DATA_TESTS, refresh_in_process
from tests.orchestration.test_incremental_build import DOCUMENTS, _table_rows, write_document

pytestmark = pytest.mark.pipeline  # scheduled first (tests/conftest.py)

BUCKETS = 3
RAW_TABLES = ("raw.documents", "raw.sentences", "raw.mentions")


def fill_store(sources: Path, store: Path) -> list[dict]:
    """Materialise every partition of document_shards, in turn; each partition's counts."""
    asset = build_document_shards(BUCKETS)
    instance = dg.DagsterInstance.ephemeral()
    resource = ShardStoreResource(sources_dir=str(sources), store_dir=str(store))
    counts = []
    for bucket in asset.partitions_def.get_partition_keys():
        result = dg.materialize([asset], partition_key=bucket, resources={"shard_store": resource}, instance=instance)
        [materialization] = result.asset_materializations_for_node("document_shards")
        counts.append({name: value.value for name, value in materialization.metadata.items()})
    return counts


@pytest.fixture(scope="module")
def filled_store(documents_build, tmp_path_factory) -> Path:
    store = tmp_path_factory.mktemp("shard-store")
    counts = fill_store(documents_build.sources, store)
    assert sum(bucket["documents"] for bucket in counts) == len(DOCUMENTS)
    assert sum(bucket["computed"] for bucket in counts) == len(DOCUMENTS)
    assert len(read_index(store).documents) == len(DOCUMENTS)
    # a partition run again computes nothing: its documents are stored under their keys
    again = fill_store(documents_build.sources, store)
    assert [bucket["computed"] for bucket in again] == [0] * BUCKETS
    assert sum(bucket["already_stored"] for bucket in again) == len(DOCUMENTS)
    return store


def _refresh_from_store(documents_build, folder: Path, store: Path, change=None):
    """A first refresh of a copy of the cold build's sources into an empty warehouse, with the
    store: the result, its log messages, and (documents, mentions) computed and taken."""
    shutil.copytree(documents_build.sources, folder / "sources")
    if change:
        change(folder / "sources")
    environment = {
        "SHARD_STORE_DIR": str(store),
        "DBT_UNIT_TESTS_CACHE": str(documents_build.unit_tests_record),
        **WITHOUT_DBT_DATA_TESTS,  # the claim is about the rows, not what the data tests check
    }
    result, instance = refresh_in_process(folder / "sources", folder / "warehouse", environment)
    assert result.success
    metadata = {
        node: {
            name: value.value
            for event in result.asset_materializations_for_node(node)
            if event.asset_key.path[-1] in ("documents", "mentions")
            for name, value in event.metadata.items()
        }
        for node in ("ingested_documents", "mentions")
    }
    computed = tuple(metadata[node]["computed_this_run"] for node in ("ingested_documents", "mentions"))
    taken = tuple(metadata[node]["taken_from_shard_store"] for node in ("ingested_documents", "mentions"))
    messages = [entry.user_message for entry in instance.all_logs(result.run_id)]
    return folder / "warehouse" / "warehouse.duckdb", messages, computed, taken


def _warehouse_rows(database: Path) -> dict[str, list[tuple]]:
    """The raw per-document tables and the dbt and validation tables test_incremental_build compares."""
    with duckdb.connect(str(database), read_only=True) as connection:
        raw = {table: sorted(connection.execute(f"select * from {table}").fetchall(), key=repr) for table in RAW_TABLES}
    return raw | _table_rows(database)


def test_a_refresh_takes_every_document_from_the_filled_store(documents_build, filled_store, tmp_path):
    published, _, computed, taken = _refresh_from_store(documents_build, tmp_path, filled_store)
    assert computed == (0, 0)
    assert taken == (len(DOCUMENTS), len(DOCUMENTS))
    cold = _warehouse_rows(documents_build.warehouse_dir / "warehouse.duckdb")
    assert cold["raw.mentions"] and cold["marts.fct_figure"]
    assert _warehouse_rows(published) == cold


def test_a_document_changed_after_the_shards_were_made_is_computed(documents_build, filled_store, tmp_path):
    def change(sources: Path) -> None:
        write_document(sources, "alpha.txt", "By the end of 2018, China had 6,959 makerspaces.\n")

    published, _, computed, taken = _refresh_from_store(documents_build, tmp_path, filled_store, change)
    assert computed == (1, 1)
    assert taken == (len(DOCUMENTS) - 1, len(DOCUMENTS) - 1)
    with duckdb.connect(str(published), read_only=True) as connection:
        quotes = {row[0] for row in connection.execute("select surface_text from marts.fct_figure").fetchall()}
    assert "6,959" in quotes and "5,739" not in quotes


def test_a_corrupt_or_partial_shard_is_reported_and_its_documents_computed(documents_build, filled_store, tmp_path):
    store = tmp_path / "store"
    shutil.copytree(filled_store, store)
    shards = sorted(manifest.parent for manifest in store.rglob(MANIFEST))
    assert len(shards) >= 2
    index = read_index(store)
    documents_in = {shard: sorted(d.document_id for d in index.documents.values() if d.shard == shard) for shard in shards}
    corrupt, partial = shards[0], shards[1]
    # corrupt: the documents file cut short (a copy that stopped half-way)
    corrupt_file = corrupt / "documents.parquet"
    corrupt_file.write_bytes(corrupt_file.read_bytes()[: corrupt_file.stat().st_size // 2])
    # partial: a readable mentions file missing one document's rows
    partial_file, short_of = partial / "mentions.parquet", documents_in[partial][0]
    with duckdb.connect() as connection:
        connection.execute(
            f"copy (select * from read_parquet('{partial_file}') where document_id <> '{short_of}') to '{tmp_path / 'short.parquet'}'"
        )
    shutil.move(tmp_path / "short.parquet", partial_file)

    published, messages, computed, taken = _refresh_from_store(documents_build, tmp_path / "run", store)
    assert any(str(corrupt_file) in message and "unreadable" in message for message in messages)
    assert any(str(partial_file) in message and short_of in message for message in messages)
    # the corrupt shard's documents are ingested again; their mentions file still serves
    assert computed == (len(documents_in[corrupt]), len(documents_in[partial]))
    assert taken == (len(DOCUMENTS) - computed[0], len(DOCUMENTS) - computed[1])
    assert _warehouse_rows(published) == _warehouse_rows(documents_build.warehouse_dir / "warehouse.duckdb")


def test_buckets_and_the_store_are_settings(monkeypatch, tmp_path):
    monkeypatch.delenv("DOCUMENT_BUCKETS", raising=False)
    monkeypatch.delenv("SHARD_STORE_DIR", raising=False)
    assert document_buckets() == DEFAULT_DOCUMENT_BUCKETS
    partitions = defs.resolve_job_def("fill_document_shards").partitions_def.get_partition_keys()
    assert len(partitions) == DEFAULT_DOCUMENT_BUCKETS and partitions[:2] == ["00", "01"]
    warehouse = WarehouseResource(sources_dir=str(tmp_path / "sources"), warehouse_dir=str(tmp_path / "warehouse"))
    assert warehouse.shard_store_dir == tmp_path / "warehouse" / "document_shards"  # local by default
    monkeypatch.setenv("SHARD_STORE_DIR", str(tmp_path / "mounted-bucket"))
    monkeypatch.setenv("DOCUMENT_BUCKETS", "8")
    assert warehouse.shard_store_dir == tmp_path / "mounted-bucket" and document_buckets() == 8
    # the refresh reads the store but never fills it: that is the partitions' job
    refresh_assets = defs.resolve_job_def("refresh_warehouse").asset_layer.asset_graph.get_all_asset_keys()
    assert dg.AssetKey("document_shards") not in refresh_assets and dg.AssetKey("mentions") in refresh_assets


def test_an_unreadable_manifest_is_reported_and_its_documents_are_not_stored(tmp_path):
    columns = {"document_id": "varchar", "n": "bigint"}
    rows = pd.DataFrame({"document_id": ["kept", "lost"], "n": [1, 2]})
    kept = write_shard(tmp_path / "7", [("kept", "key-1")], {"documents": (columns, rows[:1])})
    lost = write_shard(tmp_path / "8", [("lost", "key-2")], {"documents": (columns, rows[1:])})
    (lost / MANIFEST).write_text('{"format": 1, "documents": [')  # cut short
    index = read_index(tmp_path)
    assert index.find({"kept": "key-1", "lost": "key-2"}) == {"kept": index.documents["key-1"]}
    assert index.documents["key-1"].shard == kept and index.documents["key-1"].rows == {"documents": 1}
    assert len(index.problems) == 1 and str(lost / MANIFEST) in index.problems[0]
    # a stored key under another document id (another build named the file differently) is not taken
    assert index.find({"renamed": "key-1"}) == {}
