"""The per-document stage through the partitions of document_shards vs. in one step, and the
refresh's stage that takes the rows from the shard store, on a generated corpus.

    .venv/bin/python benchmarks/shard_scale.py --documents 1000 --buckets 4
    .venv/bin/python benchmarks/shard_scale.py --documents 200 --buckets 4 --cli

Phases (each wall time, CPU of this process and of its finished workers):
1. one step: `documents` and `mentions` materialised into an empty warehouse, as a cold refresh
   runs them (a process pool of PIPELINE_WORKERS);
2. partitions: every bucket of `document_shards` materialised in turn, in this process (each
   its own run and pool, as each would be on its own machine), writing the shard store;
3. from the store: `documents` and `mentions` into another empty warehouse with the store
   (SHARD_STORE_DIR), which computes nothing; its raw tables are compared with phase 1's.
`--cli` adds one partition through `dagster asset materialize --partition` into a new store,
start-up included. `--refresh` adds two whole cold refreshes (`python -m orchestration.run`, as
`make run`), without the store and then with it, with their step times.
"""

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import duckdb

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import write_corpus

REPO_ROOT = Path(__file__).resolve().parent.parent
RAW_TABLES = ("documents", "sentences", "mentions")


def _cpu() -> tuple[float, float]:
    times = os.times()
    return times.user + times.system, times.children_user + times.children_system


def timed(label: str, work) -> object:
    started, (own, children) = time.monotonic(), _cpu()
    result = work()
    own_after, children_after = _cpu()
    print(
        f"  {label:<34} {time.monotonic() - started:7.1f} s wall, {own_after - own:6.1f} s CPU here, "
        f"{children_after - children:6.1f} s CPU in finished workers",
        flush=True,
    )
    return result


def stage_in_one_step(sources: Path, warehouse: Path, store: Path) -> dict:
    import dagster as dg

    from orchestration.defs.extraction.assets import mentions
    from orchestration.defs.ingestion.assets import ingested_documents
    from orchestration.resources import WarehouseResource

    os.environ["WAREHOUSE_DIR"], os.environ["SHARD_STORE_DIR"] = str(warehouse), str(store)
    resource = WarehouseResource(sources_dir=str(sources), warehouse_dir=str(warehouse))
    result = dg.materialize([ingested_documents, mentions], resources={"warehouse": resource})
    assert result.success
    return {
        event.asset_key.path[-1]: (event.metadata["computed_this_run"].value, event.metadata["taken_from_shard_store"].value)
        for node in ("ingested_documents", "mentions")
        for event in result.asset_materializations_for_node(node)
        if "computed_this_run" in event.metadata
    }


def fill_by_partitions(sources: Path, store: Path, buckets: int) -> list[dict]:
    import dagster as dg

    from orchestration.defs.sharding.assets import build_document_shards
    from orchestration.resources import ShardStoreResource

    asset = build_document_shards(buckets)
    resource = ShardStoreResource(sources_dir=str(sources), store_dir=str(store))
    instance = dg.DagsterInstance.ephemeral()
    counts = []
    for bucket in asset.partitions_def.get_partition_keys():
        started = time.monotonic()
        result = dg.materialize([asset], partition_key=bucket, resources={"shard_store": resource}, instance=instance)
        [event] = result.asset_materializations_for_node("document_shards")
        counts.append({name: value.value for name, value in event.metadata.items()} | {"seconds": time.monotonic() - started})
    return counts


def raw_rows(warehouse: Path) -> dict[str, list]:
    with duckdb.connect(str(warehouse / "build" / "warehouse.duckdb"), read_only=True) as connection:
        return {table: sorted(connection.execute(f"select * from raw.{table}").fetchall(), key=repr) for table in RAW_TABLES}


def one_partition_by_cli(sources: Path, store: Path, buckets: int, workdir: Path) -> None:
    from orchestration.defs.sharding.assets import bucket_partitions

    home = workdir / "dagster_home"
    home.mkdir(exist_ok=True)
    env = os.environ | {
        "SOURCES_DIR": str(sources), "WAREHOUSE_DIR": str(workdir / "cli-warehouse"), "SHARD_STORE_DIR": str(store),
        "DOCUMENT_BUCKETS": str(buckets), "DAGSTER_HOME": str(home),
    }  # fmt: skip
    command = [str(Path(sys.executable).parent / "dagster"), "asset", "materialize", "-m", "orchestration.definitions",
               "--select", "document_shards", "--partition", bucket_partitions(buckets).get_partition_keys()[0]]  # fmt: skip
    started = time.monotonic()
    completed = subprocess.run(command, check=False, env=env, cwd=REPO_ROOT, capture_output=True, text=True)
    ran = "succeeded" if completed.returncode == 0 else f"failed:\n{completed.stderr[-2000:]}"
    print(f"  `{' '.join(command[1:])}` {ran} in {time.monotonic() - started:.1f} s wall", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=200)
    parser.add_argument("--buckets", type=int, default=4)
    parser.add_argument("--cli", action="store_true", help="also one partition through the dagster CLI")
    parser.add_argument("--refresh", action="store_true", help="also two whole cold refreshes, without and with the store")
    parser.add_argument("--workdir", type=Path, help="keep the corpus, store and warehouses here")
    arguments = parser.parse_args()
    workdir = arguments.workdir or Path(tempfile.mkdtemp(prefix="shard-scale-"))
    sources, store = workdir / "sources", workdir / "store"
    corpus_bytes = write_corpus(sources, arguments.documents)
    print(f"{arguments.documents} documents ({corpus_bytes / 1e6:.1f} MB), {arguments.buckets} buckets, "
          f"PIPELINE_WORKERS={os.environ.get('PIPELINE_WORKERS', 'all cores')}, in {workdir}", flush=True)  # fmt: skip
    timed("imports", lambda: __import__("orchestration.definitions"))
    one_step = timed("stage in one step", lambda: stage_in_one_step(sources, workdir / "one-step", workdir / "empty-store"))
    print(f"    computed, taken: {one_step}")
    counts = timed("stage through partitions", lambda: fill_by_partitions(sources, store, arguments.buckets))
    for bucket, count in enumerate(counts):
        print(f"    bucket {bucket}: {count['documents']} documents, {count['computed']} computed, "
              f"{count['shards_written']} shards, {count['seconds']:.1f} s")  # fmt: skip
    shard_bytes = sum(path.stat().st_size for path in store.rglob("*") if path.is_file())
    print(f"    store: {shard_bytes / 1e6:.1f} MB")
    again = timed("partitions again (all stored)", lambda: fill_by_partitions(sources, store, arguments.buckets))
    print(f"    computed: {sum(count['computed'] for count in again)}")
    from_store = timed("stage from the shard store", lambda: stage_in_one_step(sources, workdir / "from-store", store))
    print(f"    computed, taken: {from_store}")
    same = raw_rows(workdir / "one-step") == raw_rows(workdir / "from-store")
    print(f"  raw documents, sentences, mentions equal to the one-step build's: {same}", flush=True)
    if arguments.cli:
        one_partition_by_cli(sources, workdir / "cli-store", arguments.buckets, workdir)
    if arguments.refresh:
        from pipeline_scale import environment, print_refresh, timed_refresh

        for label, store_dir in (("cold refresh, empty store", workdir / "empty-store"), ("cold refresh, filled store", store)):
            env = environment(sources, workdir / label.replace(" ", "-").replace(",", "")) | {"SHARD_STORE_DIR": str(store_dir)}
            print_refresh(label, timed_refresh(env))


if __name__ == "__main__":
    main()
