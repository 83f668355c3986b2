"""Row counts and column schemas (name, DuckDB type, dbt description) on dbt's materializations.

dagster-dbt's own fetch_row_counts / fetch_column_metadata query through a dbt adapter opened
inside the Dagster process, and an adapter holding a DuckDB connection in-process is what
keeps locks on the file (dbt-core#11980) that the next step (validation) writes. Instead, once
`dbt build` has exited, one read-only connection reads every built model's row count and
columns, and each model's event is passed on with them. Events are held until then, so they
reach Dagster in their original order, all at the end of the dbt step.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

import dagster as dg
import duckdb

from orchestration.warehouse import connect


def _unique_id(event) -> str | None:
    value = (event.metadata or {}).get("unique_id")
    return getattr(value, "value", value)


def table_metadata(connection, node: Mapping[str, Any]) -> dict[str, Any]:
    """Row count and column schema of one built model, read from the build database."""
    schema, table = node["schema"], node.get("alias") or node["name"]
    columns = connection.execute(
        "select column_name, data_type from information_schema.columns "
        "where table_schema = ? and table_name = ? order by ordinal_position",
        [schema, table],
    ).fetchall()
    if not columns:
        return {}
    documented = {name.lower(): spec.get("description") or None for name, spec in node.get("columns", {}).items()}
    (rows,) = connection.execute(f'select count(*) from "{schema}"."{table}"').fetchone()
    return {
        "dagster/row_count": dg.MetadataValue.int(rows),
        "dagster/column_schema": dg.TableSchema(
            columns=[dg.TableColumn(name, data_type, description=documented.get(name.lower())) for name, data_type in columns]
        ),
    }


def with_table_metadata(events: Iterable, build_database: Path, manifest: Mapping[str, Any]) -> Iterator:
    """dbt's events, each model's materialization with its row count and column schema."""
    held, failure = [], None
    try:
        for event in events:  # dbt has exited once the stream ends: the build is free to read
            held.append(event)  # noqa: PERF402 - kept up to a failure
    except Exception as error:  # noqa: BLE001 - re-raised below. A failed dbt build: pass on what it built, then its error
        failure = error
    nodes = manifest.get("nodes", {})
    built = {
        _unique_id(event)
        for event in held
        if isinstance(event, (dg.Output, dg.AssetMaterialization)) and _unique_id(event) in nodes
    }
    found: dict[str, dict] = {}
    if built and build_database.exists():
        try:
            with connect(build_database, read_only=True) as connection:
                for unique_id in built:
                    found[unique_id] = table_metadata(connection, nodes[unique_id])
        except duckdb.Error:
            found = {}  # the events go on without the extra metadata; dbt's outcome stands
    for event in held:
        extra = found.get(_unique_id(event)) if isinstance(event, (dg.Output, dg.AssetMaterialization)) else None
        if not extra:
            yield event
        elif isinstance(event, dg.Output):
            yield dg.Output(
                value=event.value, output_name=event.output_name, metadata={**event.metadata, **extra},
                data_version=event.data_version, tags=event.tags,
            )  # fmt: skip
        else:
            yield dg.AssetMaterialization(
                asset_key=event.asset_key, description=event.description, metadata={**event.metadata, **extra},
                partition=event.partition, tags=event.tags,
            )  # fmt: skip
    if failure is not None:
        raise failure
