"""Start a refresh when documents under sources/ are added, changed or removed."""

from pathlib import Path

import dagster as dg

from orchestration.defs.operations.jobs import refresh_warehouse
from orchestration.resources import WarehouseResource
from orchestration.source_watch import compare, load_scan, save_scan, scan_sources, sources_digest

SCAN_STATE_FILE = "state/source_scan.json"
# Sources change rarely; a minute keeps the cost of a scan negligible.
SCAN_INTERVAL_SECONDS = 60


@dg.sensor(
    job=refresh_warehouse,
    minimum_interval_seconds=SCAN_INTERVAL_SECONDS,
    default_status=dg.DefaultSensorStatus.RUNNING,
    description="Watches sources/ by content hash and requests a refresh when it changes.",
)
def new_documents_sensor(context: dg.SensorEvaluationContext, warehouse: WarehouseResource):
    scan_file = Path(warehouse.warehouse_dir) / SCAN_STATE_FILE
    previous = load_scan(scan_file)
    current = scan_sources(warehouse.sources_root, previous)
    digest = sources_digest(current)
    save_scan(scan_file, current)
    if digest == context.cursor:
        return dg.SkipReason(f"sources/ unchanged ({len(current)} files)")
    changes = compare(previous, current)
    context.update_cursor(digest)
    return dg.RunRequest(
        run_key=digest,
        tags={"sources_digest": digest, "source_changes": changes.summary()},
    )
