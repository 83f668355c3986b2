"""Start a refresh when sources/ differs from what the published warehouse was built from.

The sensor compares sources/ with the scan the last published build started from (see
orchestration.source_watch), never with its own last tick, so a change is only delivered when
a run publishes it:
- a run that fails publishes nothing, so the difference remains and the next tick asks again
  (a new run key per attempt; after MAX_ATTEMPTS failures of one state it waits for a change
  of sources/ or another publish);
- a document added while a run works was not in the scan that run started from, so after
  that run publishes the difference remains and the next tick delivers it;
- going back to an earlier state (removing a document just added) differs from the published
  state, so it runs: run keys name the published state they start from and the attempt, not
  the bare digest of sources/, which repeats;
- sources/ unchanged since the last publish, whoever started it (`make run`, the schedule,
  the UI), is a skip, not a run.
While any run is queued or in progress the sensor waits: what that run does not pick up, the
next tick does.
"""

from pathlib import Path

import dagster as dg

from orchestration.defs.operations.jobs import refresh_warehouse
from orchestration.refresh_lock import fail_abandoned_runs
from orchestration.resources import WarehouseResource
from orchestration.source_watch import (
    document_changes,
    published_sources,
    scan_with_cache,
    sources_digest,
)

# Sources change rarely; a minute keeps the cost of a scan negligible.
SCAN_INTERVAL_SECONDS = 60
# Failed refreshes of one sources state before the sensor stops retrying it.
MAX_ATTEMPTS = 3
DIGEST_TAG = "sources_digest"
AFTER_TAG = "after_publish"
IN_PROGRESS = [
    dg.DagsterRunStatus.QUEUED,
    dg.DagsterRunStatus.NOT_STARTED,
    dg.DagsterRunStatus.STARTING,
    dg.DagsterRunStatus.STARTED,
    dg.DagsterRunStatus.CANCELING,
]


@dg.sensor(
    job=refresh_warehouse,
    minimum_interval_seconds=SCAN_INTERVAL_SECONDS,
    default_status=dg.DefaultSensorStatus.RUNNING,
    description="Requests a refresh while sources/ differs (by content hash) from what the "
    "published warehouse was built from; a failed run is retried.",
)
def new_documents_sensor(context: dg.SensorEvaluationContext, warehouse: WarehouseResource):
    warehouse_dir = Path(warehouse.warehouse_dir)
    for run_id in fail_abandoned_runs(context.instance, warehouse_dir):
        context.log.warning(f"run {run_id} was left in progress by a killed process; marked failed")
    current = scan_with_cache(warehouse.sources_root, warehouse_dir)
    digest = sources_digest(current)
    published = published_sources(warehouse_dir)
    if published is not None:
        context.update_cursor(published.digest)  # moves only when a run has published
    if published is not None and published.digest == digest:
        return dg.SkipReason(f"sources/ unchanged since the refresh published at {published.published_at}")

    changes = document_changes(published.files if published else {}, current).summary()
    active = context.instance.get_runs(filters=dg.RunsFilter(statuses=IN_PROGRESS), limit=1)
    if active:
        return dg.SkipReason(f"sources/ changed ({changes}); waiting for run {active[0].run_id} to finish first")

    after = published.published_at if published else "never"
    attempts = context.instance.get_runs_count(filters=dg.RunsFilter(tags={DIGEST_TAG: digest, AFTER_TAG: after}))
    if attempts >= MAX_ATTEMPTS:
        return dg.SkipReason(
            f"sources/ changed ({changes}) but {attempts} refreshes of this state failed; "
            "it is tried again when sources/ change or another refresh publishes"
        )
    return dg.RunRequest(
        run_key=f"{digest}:after:{after}:attempt:{attempts + 1}",
        tags={DIGEST_TAG: digest, AFTER_TAG: after, "source_changes": changes},
    )
