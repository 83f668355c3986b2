"""Wall and CPU seconds of the seed `make run`, cold and with no change, and a fingerprint of
the published tables to compare two versions' warehouses.

    .venv/bin/python benchmarks/seed_run.py --runs 3 --warehouse /tmp/seed_wh --tables /tmp/seed_tables.json
    .venv/bin/python benchmarks/seed_run.py --compare /tmp/before_tables.json /tmp/after_tables.json

Each run pair: the warehouse folder and the Dagster home deleted (the repo's caches kept: dbt's
manifest, the unit-test record, the reference places, the chart cache), `make run` (cold), then
`make run` again (no change). CPU is user + system of make and everything it started. The
fingerprint is each table's row count and an order-independent hash of its rows, leaving out
the columns that hold the time or the id of a run (they differ between any two runs).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

import duckdb

REPO_ROOT = Path(__file__).resolve().parent.parent
# Columns that name when or in which run a row was written.
RUN_COLUMNS = {"run_id", "last_attempt_run_id", "issue_id"}


def timed_make_run(environment: dict[str, str], log: Path) -> tuple[float, float, int]:
    """(wall, CPU of the children, exit code) of one `make run`."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    with open(log, "w") as output:
        code = subprocess.run(["make", "run"], cwd=REPO_ROOT, env=environment, stdout=output, stderr=subprocess.STDOUT, check=False).returncode
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime), code


def table_fingerprints(database: Path) -> dict[str, dict]:
    with duckdb.connect(str(database), read_only=True) as connection:
        tables = connection.execute("select table_schema, table_name from information_schema.tables order by 1, 2").fetchall()
        fingerprints = {}
        for schema, name in tables:
            columns = connection.execute(
                "select column_name, data_type from information_schema.columns "
                "where table_schema = ? and table_name = ? order by ordinal_position",
                [schema, name],
            ).fetchall()
            kept = [
                f'"{column}"' for column, kind in columns
                if "TIMESTAMP" not in kind.upper() and not column.endswith("_at") and column not in RUN_COLUMNS
            ]  # fmt: skip
            rows, digest = connection.execute(
                f'select count(*), coalesce(sum(hash(({", ".join(kept)})::varchar)), 0) from "{schema}"."{name}"'
            ).fetchone()
            fingerprints[f"{schema}.{name}"] = {"rows": rows, "hash": str(digest), "columns_left_out": len(columns) - len(kept)}
    return fingerprints


def compare(before: Path, after: Path) -> int:
    old, new = json.loads(before.read_text()), json.loads(after.read_text())
    differing = sorted(name for name in old.keys() | new.keys() if old.get(name) != new.get(name))
    for name in differing:
        print(f"  differs: {name}: {old.get(name)} -> {new.get(name)}")
    print(f"{len(old.keys() & new.keys()) - len(differing)} tables identical, {len(differing)} differ")
    return 1 if differing else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3, help="cold + no-change pairs")
    parser.add_argument("--warehouse", type=Path, default=Path("/tmp/seed_run_warehouse"))
    parser.add_argument("--tables", type=Path, help="write the published tables' fingerprint here (JSON)")
    parser.add_argument("--compare", type=Path, nargs=2, metavar=("BEFORE", "AFTER"))
    arguments = parser.parse_args()
    if arguments.compare:
        return compare(*arguments.compare)
    warehouse = arguments.warehouse.resolve()
    dagster_home = warehouse.with_name(warehouse.name + "_dagster_home")
    environment = os.environ | {"WAREHOUSE_DIR": str(warehouse), "DAGSTER_HOME": str(dagster_home)}
    failed = 0
    for number in range(1, arguments.runs + 1):
        shutil.rmtree(warehouse, ignore_errors=True)
        shutil.rmtree(dagster_home, ignore_errors=True)
        for kind in ("cold", "no change"):
            log = warehouse.with_name(f"{warehouse.name}_{kind.replace(' ', '_')}_{number}.log")
            wall, cpu, code = timed_make_run(environment, log)
            failed |= code != 0
            print(f"run {number} {kind:<9} {wall:6.1f} s wall {cpu:6.1f} s CPU  exit {code}  ({log})", flush=True)
    if arguments.tables:
        arguments.tables.write_text(json.dumps(table_fingerprints(warehouse / "warehouse.duckdb"), indent=1, sort_keys=True))
        print(f"published tables' fingerprint: {arguments.tables}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
