"""Validation: run the data-quality rules of expectations/ on the built marts.

After `dbt build` has closed the build database, every rule of expectations/rules.yml is
validated with great-expectations on frames read read-only; each rule is one Dagster asset
check (WARN or ERROR from the rule's severity, the failing rows in its metadata), every failing
row goes to marts.fct_quality_issue, the HTML report to <warehouse>/quality_report/, and the
outcome to the build state, which the publishing gate reads.
"""

import dagster as dg

from expectations.report import write_report
from expectations.validate import all_issues, failed_error_rules, load_rules, validate_database
from orchestration.defs.transformation.assets import dbt_models
from orchestration.resources import WarehouseResource
from orchestration.warehouse import connect, now_utc, record_build_state

GROUP = "validation"
ISSUE_SCHEMA = "marts"
ISSUE_TABLE = "fct_quality_issue"
# Rows listed in an asset check's metadata; the table holds them all.
MAX_ROWS_IN_CHECK_METADATA = 50
RULES = load_rules()
CHECK_SEVERITY = {"error": dg.AssetCheckSeverity.ERROR, "warn": dg.AssetCheckSeverity.WARN}


def _check_spec(rule) -> dg.AssetCheckSpec:
    return dg.AssetCheckSpec(
        name=rule.id,
        asset=ISSUE_TABLE,
        description=f"[{rule.family}, {rule.severity}] {rule.description}",
    )


def _check_result(outcome) -> dg.AssetCheckResult:
    rule = outcome.rule
    failing = outcome.issues.head(MAX_ROWS_IN_CHECK_METADATA)
    metadata = {
        "family": rule.family,
        "severity": rule.severity,
        "rows_checked": outcome.n_checked,
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
        passed=outcome.success,
        severity=CHECK_SEVERITY[rule.severity],
        metadata=metadata,
    )


def _store_issues(database, issues) -> None:
    """Replace marts.fct_quality_issue with this validation's rows, in one transaction."""
    with connect(database) as connection:
        connection.execute(f"create schema if not exists {ISSUE_SCHEMA}")
        connection.register("quality_issues", issues.astype({"figure_id": "string", "document_id": "string"}))
        connection.execute("begin transaction")
        connection.execute(f"create or replace table {ISSUE_SCHEMA}.{ISSUE_TABLE} as select * from quality_issues")
        connection.execute("commit")
        connection.unregister("quality_issues")


@dg.multi_asset(
    specs=[dg.AssetSpec(ISSUE_TABLE, group_name=GROUP, kinds={"duckdb", "great_expectations"}, deps=list(dbt_models.keys),
                        description="Every failing row of every data-quality rule: rule, family, severity, the row's keys, a readable message. One row per rule x failing row.")],
    check_specs=[_check_spec(rule) for rule in RULES],
)
def fct_quality_issue(context: dg.AssetExecutionContext, warehouse: WarehouseResource):
    # load
    validated_at = now_utc()
    outcomes = validate_database(warehouse.build_database, RULES, validated_at)
    # process
    issues = all_issues(outcomes)
    error_rules = failed_error_rules(outcomes)
    # save
    _store_issues(warehouse.build_database, issues)
    report = write_report(outcomes, warehouse.warehouse_dir, validated_at)
    record_build_state(
        warehouse.build_database,
        quality_validated_at=now_utc(),
        quality_issue_count=len(issues),
        quality_error_rules=error_rules,
        quality_warn_rules={o.rule.id: o.n_failed for o in outcomes if o.rule.severity == "warn" and not o.success},
    )
    for rule_id, count in error_rules.items():
        context.log.error(f"error-level rule {rule_id} failed on {count} rows")
    yield dg.MaterializeResult(
        asset_key=ISSUE_TABLE,
        metadata={
            "issues": len(issues),
            "error_rules_failed": dg.MetadataValue.json(error_rules),
            "report": dg.MetadataValue.path(str(report)),
        },
    )
    for outcome in outcomes:
        yield _check_result(outcome)
