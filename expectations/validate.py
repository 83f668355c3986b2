"""Data-quality validation: the rules of rules.yml as great-expectations 1.x suites.

Each rule reads its check frame (frames/<frame>.sql) from the build database over a
read-only connection into pandas, a chunk of rows at a time, and validates each chunk with one
expectation through GX Core's pandas flow: data source -> dataframe asset -> whole-dataframe batch definition -> suite ->
validation definition. The rows an expectation rejects become quality issues with the rule's
severity and a message rendered from the row. GX's SQL data source is not used: over DuckDB
it fails every metric (see ../shared/DESIGN.md).

No Dagster import here: the validation asset and the tests call `validate_database`.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
import string
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

import duckdb
import pandas as pd
import yaml

if TYPE_CHECKING:
    import great_expectations as gx

EXPECTATIONS_DIR = Path(__file__).resolve().parent
RULES_FILE = EXPECTATIONS_DIR / "rules.yml"
FRAMES_DIR = EXPECTATIONS_DIR / "frames"
# Relations several frames read (frames/shared/<name>.sql): a frame naming one gets it as a CTE.
SHARED_RELATIONS_DIR = FRAMES_DIR / "shared"
SEVERITIES = ("error", "warn", "info")
SCOPES = ("document", "corpus")
# Documents to re-check on an incremental validation (the queue the extraction step fills).
CHANGED_DOCUMENTS = "select document_id from raw.pending_documents"
# A check frame is validated this many DuckDB vectors (2,048 rows each) at a time: a frame over
# a large warehouse (a row per figure, with its sentence) and the copies great-expectations makes
# of it would otherwise be in memory whole (over 6 GB at 10,000 documents).
FRAME_CHUNK_VECTORS = 20
# Issues an outcome keeps in memory when they also go to a sink (the report shows fewer).
MAX_SAMPLED_ISSUES = 200
# DuckDB's working memory while frames are computed, unless the caller sets it (the pipeline
# passes its own setting): DuckDB would take up to 80% of RAM; past the limit it spills to disk.
DEFAULT_MEMORY_LIMIT = "1GB"
DATA_SOURCE = "warehouse_frames"
# COMPLETE lists every rejected row's index, which maps it back to its frame row.
RESULT_FORMAT = {"result_format": "COMPLETE"}
# The layout of marts.fct_quality_issue, in order, with what each column holds (the data
# dictionary of the analysts' exports reads these; dbt does not model this table).
ISSUE_COLUMN_DESCRIPTIONS = {
    "issue_id": "Stable id: the rule id and the row key, 'rule_id:row_key'.",
    "rule_id": "The rule of expectations/rules.yml that the row fails.",
    "family": "The rule's family (provenance, units, ranges, part_whole, growth, cross_source, fx, completeness).",
    "severity": "error (stops publishing), warn (publishes, listed here) or info (a review list, listed here).",
    "table_name": "The mart the failing row belongs to.",
    "row_key": "The failing row's key in that mart (figure_id, observation_id, indicator_value_id or document_id).",
    "figure_id": "The figure the row is about (fct_figure), when it is about one.",
    "document_id": "The document the row is about (dim_document), when it is about one.",
    "message": "What is wrong, in words, with the values involved.",
    "observed": "The check frame's row as JSON: every value the rule looked at.",
    "validated_at": "When the rule ran (UTC, ISO 8601).",
}
ISSUE_COLUMNS = list(ISSUE_COLUMN_DESCRIPTIONS)


@dataclass(frozen=True)
class Rule:
    """One rule of rules.yml: a check frame and the expectation it must meet."""

    id: str
    family: str
    severity: str
    description: str
    frame: str
    table: str
    expectation: str
    kwargs: dict
    message: str
    params: dict = field(default_factory=dict)
    # document: each frame row belongs to one document and depends on it alone, so a refresh
    # re-checks only changed documents; corpus: rows compare documents, re-checked in full.
    scope: str = "document"

    @property
    def suite_name(self) -> str:
        return f"{self.family}.{self.id}"


@dataclass
class RuleOutcome:
    """What validating one rule found: rows checked, the failing ones as issues, GX's verdict."""

    rule: Rule
    n_checked: int
    issues: pd.DataFrame
    success: bool
    error: str | None = None
    # Failing rows in the whole warehouse when `issues` holds only some of them (a sample).
    total_failed: int | None = None
    # Rows checked by this validation when n_checked counts the whole warehouse (after a
    # validation of the changed documents only).
    n_checked_this_run: int | None = None

    @property
    def n_failed(self) -> int:
        return len(self.issues) if self.total_failed is None else self.total_failed


def load_rules(path: Path = RULES_FILE) -> list[Rule]:
    """The rules of the config file, checked for a known severity and an existing frame."""
    # libyaml's safe loader when PyYAML has it: the same rules, several times faster
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    rules = [Rule(**entry) for entry in yaml.load(path.read_text(), Loader=loader)["rules"]]
    for rule in rules:
        if rule.severity not in SEVERITIES:
            raise ValueError(f"rule {rule.id}: severity {rule.severity!r} is not one of {SEVERITIES}")
        if rule.scope not in SCOPES:
            raise ValueError(f"rule {rule.id}: scope {rule.scope!r} is not one of {SCOPES}")
        if not (FRAMES_DIR / f"{rule.frame}.sql").exists():
            raise ValueError(f"rule {rule.id}: no frame {rule.frame}.sql in {FRAMES_DIR}")
    if len({rule.id for rule in rules}) != len(rules):
        raise ValueError("rule ids in rules.yml must be unique")
    return rules


@cache
def great_expectations():
    """The great_expectations module, imported when a rule is first validated: importing it
    takes seconds, which every start-up of the code location (and `make dev`) would pay."""
    import great_expectations

    return great_expectations


def expectation_class(name: str) -> type:
    """expect_column_values_to_be_between -> gx.expectations.ExpectColumnValuesToBeBetween."""
    gx = great_expectations()
    return getattr(gx.expectations, "".join(part.capitalize() for part in name.split("_")))


def build_suite(context, rule: Rule) -> gx.ExpectationSuite:
    """The rule's suite, created once per context and fetched by name afterwards."""
    gx = great_expectations()
    try:
        return context.suites.get(rule.suite_name)
    except gx.exceptions.DataContextError:
        suite = gx.ExpectationSuite(name=rule.suite_name, meta={"severity": rule.severity, "table": rule.table})
        suite.add_expectation(
            expectation_class(rule.expectation)(**rule.kwargs, meta={"rule_id": rule.id, "severity": rule.severity})
        )
        return context.suites.add(suite)


def _pandas_source(context):
    """The one pandas data source, added once: re-adding it would drop its assets."""
    gx = great_expectations()
    try:
        return context.data_sources.get(DATA_SOURCE)
    except (KeyError, ValueError, gx.exceptions.DataContextError):
        return context.data_sources.add_pandas(DATA_SOURCE)


def validation_definition(context, rule: Rule) -> gx.ValidationDefinition:
    """data source -> asset -> batch definition -> suite -> validation definition, get or add."""
    gx = great_expectations()
    try:
        return context.validation_definitions.get(rule.suite_name)
    except gx.exceptions.DataContextError:
        pass
    source = _pandas_source(context)
    asset = source.add_dataframe_asset(rule.id)
    batch = asset.add_batch_definition_whole_dataframe(f"{rule.id}_all_rows")
    definition = gx.ValidationDefinition(name=rule.suite_name, data=batch, suite=build_suite(context, rule))
    return context.validation_definitions.add(definition)


def frame_sql(rule: Rule, changed_only: bool = False) -> str:
    """The rule's check frame as SQL, with the shared relations it names; with `changed_only`, a
    document-scope frame keeps only the rows of changed documents."""
    sql = with_shared_relations((FRAMES_DIR / f"{rule.frame}.sql").read_text())
    if changed_only and rule.scope == "document":
        sql = f"select * from (\n{sql}\n) as frame where document_id in ({CHANGED_DOCUMENTS})"
    return sql


def with_shared_relations(sql: str) -> str:
    """The frame's query under a WITH of the shared relations (frames/shared/) it names."""
    named = [
        f"{path.stem} as (\n{path.read_text()}\n)"
        for path in sorted(SHARED_RELATIONS_DIR.glob("*.sql"))
        if re.search(rf"\b{path.stem}\b", sql)
    ]
    return f"with {', '.join(named)}\nselect * from (\n{sql}\n) as frame" if named else sql


def read_frame(connection: duckdb.DuckDBPyConnection, rule: Rule, changed_only: bool = False) -> pd.DataFrame:
    """The rule's whole check frame (what tests of a frame read)."""
    return connection.execute(frame_sql(rule, changed_only), rule.params or None).df().reset_index(drop=True)


def frame_chunks(
    connection: duckdb.DuckDBPyConnection, sql: str, params: dict | None = None, vectors: int | None = None
) -> Iterator[pd.DataFrame]:
    """The query's rows, FRAME_CHUNK_VECTORS vectors of 2,048 at a time, each chunk indexed from
    0; a query without rows gives one empty chunk (with its columns), so a rule still runs."""
    result = connection.execute(sql, params or None)
    first = True
    while True:
        chunk = result.fetch_df_chunk(vectors or FRAME_CHUNK_VECTORS)
        if len(chunk) or first:
            yield chunk.reset_index(drop=True)
        if not len(chunk):
            return
        first = False


def merged_outcome(rule: Rule, parts: list[RuleOutcome], n_failed: int) -> RuleOutcome:
    """One rule's outcome over every chunk of its frame: the rows checked and failing in all of
    them (`n_failed`; the parts' issues may be a sample of them)."""
    issues = [part.issues for part in parts if len(part.issues)]
    return RuleOutcome(
        rule,
        sum(part.n_checked for part in parts),
        # empty parts left out: they would turn the issue columns' dtypes into object
        pd.concat(issues, ignore_index=True) if issues else parts[0].issues,
        all(part.success for part in parts),
        next((part.error for part in parts if part.error), None),
        total_failed=n_failed,
    )


def count_frame_rows(connection: duckdb.DuckDBPyConnection, rule: Rule) -> int:
    """Rows of the rule's whole check frame (every document)."""
    sql = with_shared_relations((FRAMES_DIR / f"{rule.frame}.sql").read_text())
    return connection.execute(f"select count(*) from (\n{sql}\n) as frame", rule.params or None).fetchone()[0]


class _LenientFormatter(string.Formatter):
    """str.format that prints a missing or null value as '?' instead of raising."""

    def get_value(self, key, args, kwargs):
        return kwargs.get(key)

    def format_field(self, value, format_spec):
        if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NaT:
            return "?"
        try:
            return super().format_field(value, format_spec)
        except (ValueError, TypeError):
            return str(value)


class _Missing:
    """A missing or null value in a message: '?' whatever its format spec."""

    def __format__(self, format_spec: str) -> str:
        return "?"


_MISSING = _Missing()


class _MessageValues(dict):
    def __missing__(self, key):
        return _MISSING


def _is_null(value) -> bool:
    return value is None or value is pd.NaT or (isinstance(value, float) and math.isnan(value))


def render_message(template: str, row: dict) -> str:
    """The rule's message for a row, with '?' for a missing or null value; str.format_map first
    (C speed, hundreds of thousands of rows on a large warehouse), the lenient formatter when a
    value does not take its format spec (text where a number was expected)."""
    values = _MessageValues({key: _MISSING if _is_null(value) else value for key, value in row.items()})
    try:
        return template.format_map(values)
    except (ValueError, TypeError):
        return _LenientFormatter().format(template, **row)


def _json_safe(value):
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NaT:
        return None
    if hasattr(value, "item"):
        return value.item()
    if isinstance(value, (int, float, str, bool)):
        return value
    return str(value)


def issues_from_rows(rule: Rule, rows: pd.DataFrame, validated_at: str) -> pd.DataFrame:
    """One quality-issue row per rejected frame row, with the rule's severity and message."""
    records = []
    for row in rows.to_dict("records"):
        records.append(
            {
                "issue_id": f"{rule.id}:{row['row_key']}",
                "rule_id": rule.id,
                "family": rule.family,
                "severity": rule.severity,
                "table_name": rule.table,
                "row_key": str(row["row_key"]),
                "figure_id": _json_safe(row.get("figure_id")),
                "document_id": _json_safe(row.get("document_id")),
                "message": render_message(rule.message, row),
                "observed": json.dumps({k: _json_safe(v) for k, v in row.items()}, sort_keys=True),
                "validated_at": validated_at,
            }
        )
    return pd.DataFrame.from_records(records, columns=ISSUE_COLUMNS)


def rejected_rows(result, frame: pd.DataFrame) -> pd.DataFrame:
    """The frame rows GX reported as unexpected (pandas index of the whole-dataframe batch)."""
    indexes = result.result.get("unexpected_index_list") or []
    return frame.loc[[index for index in indexes if index in frame.index]]


def _raised_exception_message(exception_info: dict) -> str | None:
    """GX reports an expectation that raised either flat or per metric; None when nothing raised."""
    infos = [exception_info, *(v for v in exception_info.values() if isinstance(v, dict))]
    for info in infos:
        if info.get("raised_exception"):
            return info.get("exception_message") or "the expectation raised an exception"
    return None


def validate_rule(context, rule: Rule, frame: pd.DataFrame, validated_at: str) -> RuleOutcome:
    """Run the rule's expectation on its frame; an expectation that raised counts as failed."""
    definition = validation_definition(context, rule)
    results = definition.run(batch_parameters={"dataframe": frame}, result_format=RESULT_FORMAT).results
    # GX keeps every run's result (each failing row's index and value) in the context's store:
    # over the chunks of a large warehouse that grew without bound; the issues are ours to keep
    store = context.validation_results_store
    for key in store.list_keys():
        store.remove_key(key)
    (result,) = results
    message = _raised_exception_message(result.exception_info or {})
    if message:
        return RuleOutcome(rule, len(frame), issues_from_rows(rule, frame.iloc[0:0], validated_at), False, message)
    rows = rejected_rows(result, frame)
    return RuleOutcome(rule, len(frame), issues_from_rows(rule, rows, validated_at), bool(result.success))


@cache
def ephemeral_context():
    """One in-memory GX context per process; suites and definitions are added to it once.
    Without progress bars: a run's log would get one per chunk of every rule."""
    from great_expectations.data_context.types.base import ProgressBarsConfig

    context = great_expectations().get_context(mode="ephemeral")
    context.variables.progress_bars = ProgressBarsConfig(globally=False, metric_calculations=False)
    return context


def validate_frames(frames: dict[str, pd.DataFrame], rules: list[Rule], validated_at: str | None = None) -> list[RuleOutcome]:
    """Validate prepared frames (rule id -> frame); what the tests call with crafted frames."""
    validated_at = validated_at or datetime.now(UTC).isoformat()
    context = ephemeral_context()
    return [validate_rule(context, rule, frames[rule.id], validated_at) for rule in rules]


def validate_database(
    database: Path,
    rules: list[Rule] | None = None,
    validated_at: str | None = None,
    changed_only: bool = False,
    issue_sink: Callable[[pd.DataFrame], None] | None = None,
    memory_limit: str = DEFAULT_MEMORY_LIMIT,
) -> list[RuleOutcome]:
    """Read every rule's frame read-only from the (closed) build database and validate it;
    `changed_only` checks document-scope rules on the changed documents alone.

    Frames are read and validated a chunk of rows at a time: every expectation here judges a
    row (or a pair of its columns) alone, so chunks find what the whole frame would, and memory
    does not grow with the warehouse. With `issue_sink`, each chunk's issues go to it as they
    are found and the outcomes keep only the first MAX_SAMPLED_ISSUES of each rule."""
    rules = rules or load_rules()
    validated_at = validated_at or datetime.now(UTC).isoformat()
    context = ephemeral_context()
    outcomes = []
    with duckdb.connect(str(database), read_only=True, config={"memory_limit": memory_limit}) as connection:
        connection.execute("set enable_progress_bar = false")  # a bar per slow frame in the run's log
        for rule in rules:
            parts, n_failed, kept = [], 0, 0
            for chunk in frame_chunks(connection, frame_sql(rule, changed_only), rule.params):
                part = validate_rule(context, rule, chunk, validated_at)
                n_failed += len(part.issues)
                if issue_sink is not None:
                    if len(part.issues):
                        issue_sink(part.issues)
                    part.issues = part.issues.head(max(0, MAX_SAMPLED_ISSUES - kept))
                    kept += len(part.issues)
                parts.append(part)
            outcomes.append(merged_outcome(rule, parts, n_failed))
    return outcomes


def rules_fingerprint() -> str:
    """Changes when rules.yml or a check frame changes: stored issues are then out of date."""
    digest = hashlib.sha256(RULES_FILE.read_bytes())
    for path in sorted(FRAMES_DIR.rglob("*.sql")):
        digest.update(path.relative_to(FRAMES_DIR).as_posix().encode() + path.read_bytes())
    return digest.hexdigest()[:16]


def all_issues(outcomes: list[RuleOutcome]) -> pd.DataFrame:
    frames = [outcome.issues for outcome in outcomes if len(outcome.issues)]
    if frames:
        return pd.concat(frames, ignore_index=True)
    # Typed, so that a table created from a run without issues takes later rows (untyped empty
    # columns become DuckDB NULL columns, and the next insert fails to cast to them).
    return pd.DataFrame({column: pd.Series(dtype="string") for column in ISSUE_COLUMNS})


def failed_error_rules(outcomes: list[RuleOutcome]) -> dict[str, int]:
    """Error-level rules that failed (or could not be evaluated), with their failing row counts."""
    return {
        outcome.rule.id: outcome.n_failed
        for outcome in outcomes
        if outcome.rule.severity == "error" and not outcome.success
    }
