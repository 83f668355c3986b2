"""Validation: run the data-quality rules of expectations/ on the built marts.

After `dbt build` has closed the build database, every rule of expectations/rules.yml is
validated with great-expectations on frames read read-only; each rule is one Dagster asset
check (WARN or ERROR from the rule's severity, the failing rows in its metadata), every failing
row goes to marts.fct_quality_issue, the HTML report to <warehouse>/quality_report/, and the
outcome to the build state, which the publishing gate reads.

Like the dbt models, validation is incremental: after an incremental build only the changed
documents are re-checked by document-scope rules (corpus-scope rules always run in full), their
rows replace those documents' stored rows, and each check reports the warehouse-wide outcome.
"""

from dataclasses import replace
from pathlib import Path

import dagster as dg
import duckdb

from expectations.report import MAX_ROWS_SHOWN as MAX_ROWS_IN_REPORT
from expectations.report import write_report
from expectations.validate import (
    CHANGED_DOCUMENTS,
    ISSUE_COLUMNS,
    count_frame_rows,
    failed_error_rules,
    load_rules,
    rules_fingerprint,
    validate_database,
)
from orchestration.defs.transformation.assets import dbt_models
from orchestration.resources import WarehouseResource
from orchestration.warehouse import (
    clear_pending_documents,
    connect,
    duckdb_memory_limit,
    now_utc,
    read_build_state,
    record_build_state,
    table_exists,
)

GROUP = "validation"
ISSUE_SCHEMA = "marts"
ISSUE_TABLE = "fct_quality_issue"
# Rows listed in an asset check's metadata; the table holds them all.
MAX_ROWS_IN_CHECK_METADATA = 50
RULES = load_rules()
CHECK_SEVERITY = {
    "error": dg.AssetCheckSeverity.ERROR,
    "warn": dg.AssetCheckSeverity.WARN,
    "info": dg.AssetCheckSeverity.WARN,
}


def _check_spec(rule) -> dg.AssetCheckSpec:
    return dg.AssetCheckSpec(
        name=rule.id,
        asset=ISSUE_TABLE,
        description=f"[{rule.family}, {rule.severity}] {rule.description}",
        # an error-level finding stops publishing: shown as blocking, and blocks downstream
        blocking=rule.severity == "error",
    )


def _check_result(outcome) -> dg.AssetCheckResult:
    rule = outcome.rule
    failing = outcome.issues.head(MAX_ROWS_IN_CHECK_METADATA)
    metadata = {
        "family": rule.family,
        "severity": rule.severity,
        "rows_checked": outcome.n_checked,  # in the whole warehouse, changed or not
        "rows_checked_this_run": outcome.n_checked_this_run if outcome.n_checked_this_run is not None else outcome.n_checked,
        "rows_failing": outcome.n_failed,
        "failing_rows": dg.MetadataValue.json(
            [{"row_key": r.row_key, "document_id": r.document_id, "message": r.message} for r in failing.itertuples()]
        ),
    }
    if outcome.error:
        metadata["evaluation_error"] = outcome.error
    return dg.AssetCheckResult(
        check_name=rule.id,
        asset_key=ISSUE_TABLE,
        # a review list (info) passes: its rows are listed, nothing is wrong
        passed=outcome.success or (rule.severity == "info" and outcome.error is None),
        severity=CHECK_SEVERITY[rule.severity],
        metadata=metadata,
    )


class IssueSpool:
    """A DuckDB file beside the build database that takes each chunk of issues as validation
    finds them, so that the issues of a large warehouse never wait in memory; closed, it is what
    _store_issues copies into marts.fct_quality_issue. Removed on leaving the `with` block."""

    def __init__(self, build_database: Path):
        self.path = build_database.with_name(build_database.stem + ".issues.duckdb")
        self.path.unlink(missing_ok=True)
        self._connection = duckdb.connect(str(self.path))
        self._connection.execute(f"create table issues ({', '.join(f'{c} varchar' for c in ISSUE_COLUMNS)})")

    def append(self, issues) -> None:
        self._connection.register("issue_chunk", issues)
        self._connection.execute(f"insert into issues select {', '.join(ISSUE_COLUMNS)} from issue_chunk")
        self._connection.unregister("issue_chunk")

    def close(self) -> None:
        self._connection.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()
        self.path.unlink(missing_ok=True)


def _store_issues(database, spool: Path, rules, changed_only: bool) -> None:
    """Write this validation's rows (in the spool) to marts.fct_quality_issue in one
    transaction: all of them after a full validation; else in place of the changed documents'
    rows of document-scope rules and of every row of corpus-scope rules."""
    with connect(database) as connection:
        connection.execute(f"create schema if not exists {ISSUE_SCHEMA}")
        connection.execute("attach ? as spool (read_only)", [str(spool)])
        connection.execute("begin transaction")
        if not changed_only or not table_exists(connection, ISSUE_SCHEMA, ISSUE_TABLE):
            connection.execute(f"create or replace table {ISSUE_SCHEMA}.{ISSUE_TABLE} as select * from spool.issues")
        else:
            document_rules = [rule.id for rule in rules if rule.scope == "document"]
            connection.execute(
                f"delete from {ISSUE_SCHEMA}.{ISSUE_TABLE} where rule_id not in (select unnest(?::varchar[])) "
                f"or document_id in ({CHANGED_DOCUMENTS})",
                [document_rules],
            )
            connection.execute(f"insert into {ISSUE_SCHEMA}.{ISSUE_TABLE} select * from spool.issues")
        connection.execute("commit")
        connection.execute("detach spool")


def _warehouse_outcomes(database, outcomes, changed_only: bool = False):
    """Each rule's outcome over the whole warehouse: its stored failing rows (a sample of
    them, with the total), failing when it has any or when its expectation raised, and the
    rows it covers (after a changed-documents validation, counted over every document: an
    unchanged refresh must not read 'rows checked 0')."""
    with connect(database, read_only=True) as connection:
        totals = dict(connection.execute(f"select rule_id, count(*) from {ISSUE_SCHEMA}.{ISSUE_TABLE} group by 1").fetchall())
        merged = []
        for outcome in outcomes:
            sample = connection.execute(
                f"select * from {ISSUE_SCHEMA}.{ISSUE_TABLE} where rule_id = ? order by issue_id limit ?",
                [outcome.rule.id, MAX_ROWS_IN_REPORT],
            ).df()
            failed = totals.get(outcome.rule.id, 0)
            checked = {}
            if changed_only and outcome.rule.scope == "document":
                checked = {"n_checked": count_frame_rows(connection, outcome.rule), "n_checked_this_run": outcome.n_checked}
            merged.append(replace(outcome, issues=sample, total_failed=failed, success=outcome.error is None and failed == 0, **checked))
    return merged


@dg.multi_asset(
    specs=[dg.AssetSpec(ISSUE_TABLE, group_name=GROUP, kinds={"duckdb", "great_expectations"}, deps=list(dbt_models.keys),
                        description="Every failing row of every data-quality rule: rule, family, severity, the row's keys, a readable message. One row per rule x failing row.")],
    check_specs=[_check_spec(rule) for rule in RULES],
)
def fct_quality_issue(context: dg.AssetExecutionContext, warehouse: WarehouseResource):
    # load: a full validation after a full dbt build or a change of the rules, else only the
    # changed documents (document-scope rules) plus every corpus-scope rule
    state = read_build_state(warehouse.build_database)
    rules_key = rules_fingerprint()
    changed_only = not state.get("validation_full_due", True) and state.get("validation_rules_key") == rules_key
    validated_at = now_utc()
    with IssueSpool(warehouse.build_database) as spool:
        checked = validate_database(
            warehouse.build_database, RULES, validated_at, changed_only=changed_only, issue_sink=spool.append,
            memory_limit=duckdb_memory_limit(),
        )
        spool.close()
        # process and save
        _store_issues(warehouse.build_database, spool.path, RULES, changed_only)
    outcomes = _warehouse_outcomes(warehouse.build_database, checked, changed_only)
    error_rules = failed_error_rules(outcomes)
    report = write_report(outcomes, warehouse.warehouse_dir, validated_at)
    n_issues = sum(outcome.n_failed for outcome in outcomes)
    record_build_state(
        warehouse.build_database,
        quality_validated_at=now_utc(),
        quality_issue_count=n_issues,
        quality_error_rules=error_rules,
        quality_warn_rules={o.rule.id: o.n_failed for o in outcomes if o.rule.severity == "warn" and not o.success},
        validation_full_due=False,
        validation_rules_key=rules_key,
    )
    # Every queued document is now rebuilt and validated.
    clear_pending_documents(warehouse.build_database, noted_until=state.get("dbt_started_at", validated_at))
    context.log.info(f"{'changed documents' if changed_only else 'full validation'}: {n_issues} issues in the warehouse")
    for rule_id, count in error_rules.items():
        context.log.error(f"error-level rule {rule_id} failed on {count} rows")
    yield dg.MaterializeResult(
        asset_key=ISSUE_TABLE,
        metadata={
            "issues": n_issues,
            "validated": "changed documents and corpus rules" if changed_only else "everything",
            "error_rules_failed": dg.MetadataValue.json(error_rules),
            "report": dg.MetadataValue.path(str(report)),
        },
    )
    for outcome in outcomes:
        yield _check_result(outcome)
