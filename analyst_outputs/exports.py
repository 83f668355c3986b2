"""Parquet and CSV copies of every mart, and the data dictionary that describes their columns.

The dictionary is generated, never written by hand: model and column descriptions come from
the dbt schema files (dbt_project/models/marts/*.yml), and fct_quality_issue, which the
validation step writes and dbt does not model, from expectations.validate.ISSUE_COLUMN_DESCRIPTIONS.
Types come from the published file itself, so the dictionary says what the exports hold.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import yaml

from analyst_outputs.reuse import Reuse, inputs_digest
from expectations.validate import ISSUE_COLUMN_DESCRIPTIONS

MART_SCHEMA = "marts"
QUALITY_TABLE = "fct_quality_issue"
QUALITY_DESCRIPTION = (
    "Every failing row of every data-quality rule (expectations/rules.yml): the rule, its family "
    "and severity, the row it is about, a readable message and the observed values. "
    "One row per rule x failing row."
)

# libyaml's safe loader when PyYAML was built with it: the same documents, about seven times
# faster than the pure-Python one (the schema files take most of the data dictionary's time)
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass
class ColumnEntry:
    name: str
    data_type: str
    description: str


@dataclass
class TableEntry:
    name: str
    description: str
    n_rows: int
    columns: list[ColumnEntry] = field(default_factory=list)

    @property
    def grain(self) -> str:
        """The description's closing 'One row per ...' sentence, which the project's style requires."""
        marker = self.description.rfind("One row per")
        return self.description[marker:].strip() if marker >= 0 else ""


def mart_tables(connection: duckdb.DuckDBPyConnection) -> list[str]:
    rows = connection.execute(
        "select table_name from information_schema.tables where table_schema = ? order by table_name",
        [MART_SCHEMA],
    ).fetchall()
    return [name for (name,) in rows]


def schema_descriptions(models_dir: Path) -> dict[str, dict]:
    """{model: {"description": ..., "columns": {column: description}}} from the dbt schema files."""
    described: dict[str, dict] = {}
    for schema_file in sorted(models_dir.glob("*.yml")):
        document = yaml.load(schema_file.read_text(encoding="utf-8"), Loader=SAFE_LOADER) or {}
        for model in document.get("models", []):
            described[model["name"]] = {
                "description": " ".join(str(model.get("description", "")).split()),
                "columns": {
                    column["name"]: " ".join(str(column.get("description", "")).split())
                    for column in model.get("columns", [])
                },
            }
    described.setdefault(
        QUALITY_TABLE, {"description": QUALITY_DESCRIPTION, "columns": dict(ISSUE_COLUMN_DESCRIPTIONS)}
    )
    return described


def data_dictionary(connection: duckdb.DuckDBPyConnection, models_dir: Path) -> list[TableEntry]:
    """Every mart with its row count and every column's type and description."""
    described = schema_descriptions(models_dir)
    entries = []
    for table in mart_tables(connection):
        docs = described.get(table, {"description": "", "columns": {}})
        columns = connection.execute(
            "select column_name, data_type from information_schema.columns "
            "where table_schema = ? and table_name = ? order by ordinal_position",
            [MART_SCHEMA, table],
        ).fetchall()
        n_rows = connection.execute(f'select count(*) from {MART_SCHEMA}."{table}"').fetchone()[0]
        entries.append(
            TableEntry(
                name=table,
                description=docs["description"],
                n_rows=n_rows,
                columns=[ColumnEntry(name, data_type, docs["columns"].get(name, "")) for name, data_type in columns],
            )
        )
    return entries


def mart_signature(connection: duckdb.DuckDBPyConnection, table: str) -> tuple:
    """The mart's columns, row count and an order-free sum of its rows' hashes."""
    columns = connection.execute(
        "select column_name, data_type from information_schema.columns "
        "where table_schema = ? and table_name = ? order by ordinal_position",
        [MART_SCHEMA, table],
    ).fetchall()
    count, hashed = connection.execute(f'select count(*), sum(hash(t)::hugeint) from {MART_SCHEMA}."{table}" t').fetchone()
    return tuple(columns), count, str(hashed)


def export_marts(connection: duckdb.DuckDBPyConnection, exports_dir: Path, reuse: Reuse | None = None) -> dict[str, dict[str, Path]]:
    """COPY every mart to exports/parquet/<mart>.parquet and exports/csv/<mart>.csv (DuckDB
    streams the rows). With `reuse`, a mart whose rows are those of the previous export is
    linked from there instead."""
    written: dict[str, dict[str, Path]] = {}
    signatures = {table: mart_signature(connection, table) for table in mart_tables(connection)} if reuse else {}
    for kind, options in (("parquet", "(format parquet, compression zstd)"), ("csv", "(format csv, header)")):
        (exports_dir / kind).mkdir(parents=True, exist_ok=True)
        for table in mart_tables(connection):
            target = exports_dir / kind / f"{table}.{kind}"
            relative = f"{exports_dir.name}/{kind}/{target.name}"
            if reuse and reuse.take(relative, inputs_digest(signatures[table], kind)):
                written.setdefault(table, {})[kind] = target
                continue
            # The target path is ours (a mart name under the staging folder), quoted as a literal.
            literal = str(target).replace("'", "''")
            connection.execute(f"copy {MART_SCHEMA}.\"{table}\" to '{literal}' {options}")
            written.setdefault(table, {})[kind] = target
    return written


def dictionary_markdown(entries: list[TableEntry]) -> str:
    """The data dictionary as Markdown: readable in any editor, beside the exported files."""
    lines = [
        "# Data dictionary: the marts of the entrepreneurship indicators warehouse",
        "",
        "Generated on each publish from the dbt schema files (dbt_project/models/marts/*.yml) and",
        "the published warehouse. Each mart is exported as `parquet/<mart>.parquet` and `csv/<mart>.csv`.",
        "",
    ]
    for entry in entries:
        lines += [f"## {entry.name} ({entry.n_rows:,} rows)", "", entry.description or "(no description)", ""]
        lines += ["| column | type | description |", "|---|---|---|"]
        for column in entry.columns:
            description = column.description.replace("|", "\\|") or "(no description)"
            lines.append(f"| `{column.name}` | {column.data_type} | {description} |")
        lines.append("")
    return "\n".join(lines)
