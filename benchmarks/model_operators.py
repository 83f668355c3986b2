"""Where one dbt model's time goes: the operators of its query, with the rows each produced and
its own time (DuckDB's profiler), the slowest first, and the rows each table scan read. An
operator producing far more rows than any table it reads is a join that fans out.

    .venv/bin/python benchmarks/model_operators.py --warehouse /path/to/warehouse int_observations_corroborated

Runs the query dbt compiled for the warehouse's last build (<warehouse>/build/dbt_target/compiled;
an incremental model's query is the one of that build: all documents after a full build, the
changed ones after a refresh) on a read-only connection, so the warehouse is left as it was.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

import duckdb

COMPILED = Path("build/dbt_target/compiled/entrepreneurship_warehouse/models")


def compiled_query(warehouse: Path, model: str) -> str:
    found = sorted(path for path in (warehouse / COMPILED).glob(f"*/{model}.sql"))
    if not found:
        raise SystemExit(
            f"no compiled query of {model} under {warehouse / COMPILED}: build the warehouse first"
        )
    return found[0].read_text()


def operators(node: dict, depth: int = 0) -> list[tuple[int, dict]]:
    found = [(depth, node)]
    for child in node.get("children", []):
        found += operators(child, depth + 1)
    return found


def describe(node: dict) -> str:
    extra = node.get("extra_info", {})
    detail = (
        extra.get("Conditions")
        or extra.get("Table")
        or extra.get("CTE Name")
        or extra.get("Join Type")
        or ""
    )
    if isinstance(detail, list):
        detail = " and ".join(detail)
    return f"{node['type']} {detail}"[:140]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("model")
    parser.add_argument(
        "--warehouse", type=Path, required=True, help="the warehouse folder (WAREHOUSE_DIR)"
    )
    parser.add_argument(
        "--threads",
        type=int,
        default=1,
        help="DuckDB threads (one: operator times add up to the wall time)",
    )
    parser.add_argument("--top", type=int, default=15)
    args = parser.parse_args()
    query = compiled_query(args.warehouse, args.model)
    connection = duckdb.connect(str(args.warehouse / "build" / "warehouse.duckdb"), read_only=True)
    connection.execute(f"set threads = {args.threads}")
    with tempfile.TemporaryDirectory() as folder:
        profile_path = Path(folder) / "profile.json"
        connection.execute("pragma enable_profiling = 'json'")
        connection.execute(f"pragma profiling_output = '{profile_path}'")
        started = time.perf_counter()
        rows = len(connection.execute(query).fetchall())
        wall = time.perf_counter() - started
        connection.execute("pragma disable_profiling")
        profile = json.loads(profile_path.read_text())
    nodes = [node for top in profile["operator"] for _, node in operators(top)]
    scans = [node for node in nodes if node["type"] == "TABLE_SCAN"]
    print(f"{args.model}: {rows} rows in {wall:.2f} s ({args.threads} thread(s))")
    print("tables read:")
    for node in sorted(scans, key=lambda node: -node.get("rows_scanned", 0)):
        print(f"  {node.get('rows_scanned', 0):>12,} rows  {node['extra_info'].get('Table', '?')}")
    print("slowest operators (own time; rows produced):")
    for node in sorted(nodes, key=lambda node: -node.get("timing", 0))[: args.top]:
        print(
            f"  {node.get('timing', 0):8.2f} s  {node.get('intermediate_rows', 0):>12,} rows  {describe(node)}"
        )
    print("operators producing the most rows:")
    for node in sorted(nodes, key=lambda node: -node.get("intermediate_rows", 0))[:5]:
        print(
            f"  {node.get('intermediate_rows', 0):>12,} rows  {node.get('timing', 0):8.2f} s  {describe(node)}"
        )


if __name__ == "__main__":
    sys.exit(main())
