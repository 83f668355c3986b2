"""The refresh job and what it records when a step fails."""

import dagster as dg

from orchestration.failures import explain
from orchestration.refresh_log import append_refresh_record
from orchestration.warehouse import now_utc


@dg.failure_hook(required_resource_keys={"warehouse"})
def record_failed_refresh(context: dg.HookContext) -> None:
    """A failed step is written to the refresh log analysts read (ops.refresh_status)."""
    error = context.op_exception
    message = explain(error) if error else "step failed"
    try:
        append_refresh_record(
            context.resources.warehouse.warehouse_dir,
            run_id=context.run_id,
            recorded_at=now_utc(),
            outcome="failure",
            step=context.step_key,
            message=f"{message[:2000]} The published warehouse was left as it was.",
        )
    except OSError as log_error:  # a full disk: the run's own log still has the failure
        context.log.error(f"could not write the refresh log: {explain(log_error)}")


refresh_warehouse = dg.define_asset_job(
    "refresh_warehouse",
    # the shard store's partitions are filled by their own job (fill_document_shards), which
    # the refresh reads from but does not run
    selection=dg.AssetSelection.all() - dg.AssetSelection.assets("document_shards"),
    description="Ingest new and changed documents, extract their figures, rebuild and validate "
    "the dbt models, publish the warehouse.",
    hooks={record_failed_refresh},
)
