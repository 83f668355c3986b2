"""Publishing: swap the validated build in as warehouse.duckdb, in one atomic step.

The build is published only when its last dbt build covered the whole project, had no error
or failure, and ran after the last load of raw data, and when the data-quality rules ran after
that build with no error-level finding; otherwise the previous file stays. Warn-level findings
publish, listed in marts.fct_quality_issue.

Only faults of the build itself stop publishing (a failed dbt test, broken provenance, a unit
invariant violated: the error-level rules of expectations/rules.yml). What one document says
never does: its impossible figures (a stated conversion off by orders of magnitude, a reversed
range, a negative count) are quarantined by dbt (int_figures_checked, fct_figure.is_quarantined)
and listed at warn level, and every other document publishes.

After the swap, the outputs for analysts (analyst_outputs: the indicator explorer, quality
findings, Parquet and CSV exports with their data dictionary, the dbt docs site) are rewritten
beside the published file. A failure there is reported (an error in the run log, the WARN check
analyst_outputs_written with the failing parts) and never undoes or fails the publish.
"""

from datetime import timedelta
from pathlib import Path

import dagster as dg

from analyst_outputs import write_analyst_outputs
from orchestration.defs.transformation.assets import dbt_models
from orchestration.defs.validation.assets import fct_quality_issue
from orchestration.refresh_log import append_refresh_record, copy_refresh_log_into, refresh_record
from orchestration.resources import WarehouseResource
from orchestration.source_watch import record_published_sources
from orchestration.warehouse import now_utc, publish, read_build_state, record_build_state

GROUP = "publishing"
BLOCKING_STATUSES = ("error", "fail", "runtime error")
# What orchestration.warehouse.publish stages the copy as, beside the published file.
STAGING_PATTERN = ".publishing-*.duckdb"
ANALYST_OUTPUTS_CHECK = "analyst_outputs_written"


def publish_for_readers(build_database: Path, published_database: Path) -> tuple[Path, list[Path]]:
    """Publish the build (readable by other accounts: see orchestration.warehouse.publish).

    Staging copies left by a publish that was killed before its rename are removed first
    (one refresh publishes at a time). Returns the published path and the leftovers removed."""
    leftovers = sorted(published_database.parent.glob(STAGING_PATTERN))
    for leftover in leftovers:
        leftover.unlink(missing_ok=True)
    return publish(build_database, published_database), leftovers


def publish_refusal(state: dict) -> str | None:
    """Why the build in its current state must not be published, or None when it may be."""
    if "validated_at" not in state:
        return "the build has never been validated by a dbt build"
    if not state.get("validated_full_build"):
        return "the last dbt build ran on a subset of models; run the full build"
    if state.get("raw_loaded_at", "") > state["validated_at"]:
        return "raw data changed after the last dbt build; run dbt build again"
    failed = {s: n for s, n in state.get("validation_statuses", {}).items() if s in BLOCKING_STATUSES}
    if failed:
        return f"the last dbt build had failures: {failed}"
    if state.get("quality_validated_at", "") < state["validated_at"]:
        return "the data-quality rules have not run since the last dbt build; materialise fct_quality_issue"
    error_rules = state.get("quality_error_rules") or {}
    if error_rules:
        listed = ", ".join(f"{rule} ({count} rows)" for rule, count in sorted(error_rules.items()))
        return f"error-level data-quality rules failed: {listed}; see marts.fct_quality_issue and quality_report/index.html"
    return None


# The nightly refresh publishes once a day: a day and two hours without a publish means last
# night's did not land (warn); two days, that two have not (fail).
FRESHNESS = dg.FreshnessPolicy.time_window(fail_window=timedelta(hours=50), warn_window=timedelta(hours=26))


def write_outputs_for_analysts(context: dg.AssetExecutionContext, warehouse: WarehouseResource) -> dg.AssetCheckResult:
    """Rewrite <warehouse>/for_analysts/ from the file just published; never raises.

    Whatever goes wrong is logged as an error and returned as a failed WARN check, so the
    run, and the publish it completes, still succeed."""
    try:
        report = write_analyst_outputs(warehouse.published_database, Path(warehouse.warehouse_dir))
        failures, folder = report.failures, str(report.folder)
        timings = {part: round(seconds, 2) for part, seconds in report.seconds.items()}
    except Exception as error:  # noqa: BLE001 - nothing here may fail the publish
        failures, folder, timings = {"all outputs": f"{type(error).__name__}: {error}"}, "", {}
    for part, message in failures.items():
        context.log.error(f"analyst outputs: {part} not written ({message}); the warehouse itself is published")
    if not failures:
        context.log.info(f"analyst outputs written to {folder}")
    return dg.AssetCheckResult(
        check_name=ANALYST_OUTPUTS_CHECK,
        passed=not failures,
        severity=dg.AssetCheckSeverity.WARN,
        metadata={
            "folder": dg.MetadataValue.path(folder),
            "failed_parts": dg.MetadataValue.json(failures),
            "seconds_per_part": dg.MetadataValue.json(timings),
        },
    )


@dg.asset(
    group_name=GROUP,
    kinds={"duckdb"},
    deps=[*dbt_models.keys, *fct_quality_issue.keys],
    freshness_policy=FRESHNESS,
    check_specs=[
        dg.AssetCheckSpec(
            name=ANALYST_OUTPUTS_CHECK,
            asset="published_warehouse",
            description=(
                "The explorer, quality findings, exports, data dictionary and dbt docs under "
                "for_analysts/ were rewritten for this publish (a failure never blocks publishing)."
            ),
        )
    ],
)
def published_warehouse(context: dg.AssetExecutionContext, warehouse: WarehouseResource) -> dg.MaterializeResult:
    """The warehouse analysts open read-only: warehouse/warehouse.duckdb, a validated copy of the build."""
    state = read_build_state(warehouse.build_database)
    refusal = publish_refusal(state)
    if refusal:
        raise dg.Failure(
            description=f"Not published, the previous warehouse stays in place: {refusal}.",
            metadata={"build_state": dg.MetadataValue.json(state)},
        )
    published_at = now_utc()
    success = refresh_record(
        run_id=context.run_id,
        recorded_at=published_at,
        outcome="success",
        step="published_warehouse",
        message=f"published {warehouse.published_database}",
    )
    # the published file carries the refresh log, its own publish included (ops.refresh_status)
    copy_refresh_log_into(warehouse.build_database, Path(warehouse.warehouse_dir), success)
    path, leftovers = publish_for_readers(warehouse.build_database, warehouse.published_database)
    for leftover in leftovers:
        context.log.warning(f"removed {leftover}, a staging copy left by an interrupted publish")
    record_build_state(warehouse.build_database, published_at=published_at)
    record_published_sources(Path(warehouse.warehouse_dir), published_at)  # what the sensor sees as delivered
    append_refresh_record(warehouse.warehouse_dir, **success)
    context.log.info(f"published {path}")
    outputs_check = write_outputs_for_analysts(context, warehouse)
    return dg.MaterializeResult(
        metadata={
            "path": dg.MetadataValue.path(str(path)),
            "size_bytes": path.stat().st_size,
            "validated_at": state["validated_at"],
        },
        check_results=[outputs_check],
    )
