"""Run the whole pipeline once, in-process, and print a summary of the published warehouse.

    python -m orchestration.run        (what `make run` does)

Uses the persistent Dagster instance when DAGSTER_HOME is set, so the run shows up in
`dagster dev`; otherwise an ephemeral one.
"""

from __future__ import annotations

import contextlib
import os
import sys
import time

import dagster as dg

from orchestration.resources import prepare_dbt_manifest
from orchestration.settings import configured_paths
from orchestration.warehouse import connect

SUMMARY_QUERIES = {
    "documents ingested": "select count(*) from staging.stg_documents where status = 'ok'",
    "documents quarantined": "select count(*) from staging.stg_documents where status <> 'ok'",
    "sentences": "select count(*) from staging.stg_sentences",
    "figures found": "select count(*) from staging.stg_mentions",
    "quality issues (warn)": "select count(*) from marts.fct_quality_issue where severity = 'warn'",
}


def summary(database) -> dict[str, int]:
    with connect(database, read_only=True) as connection:
        return {label: connection.execute(sql).fetchone()[0] for label, sql in SUMMARY_QUERIES.items()}


def main() -> int:
    started = time.perf_counter()
    paths = configured_paths()
    prepare_dbt_manifest()
    from orchestration.definitions import defs  # after the manifest exists

    instance = dg.DagsterInstance.get() if os.environ.get("DAGSTER_HOME") else dg.DagsterInstance.ephemeral()
    # The step-by-step Dagster and dbt logs go to a file; the terminal gets the summary.
    log_path = paths.warehouse_dir / "logs" / "last_run.log"
    log_path.parent.mkdir(parents=True, exist_ok=True)
    with open(log_path, "w") as log, contextlib.redirect_stdout(log), contextlib.redirect_stderr(log):
        result = defs.get_job_def("refresh_warehouse").execute_in_process(
            instance=instance, raise_on_error=False
        )
    print(f"Run log: {log_path}")
    if not result.success:
        for event in result.all_events:
            if event.is_step_failure:
                print(f"FAILED {event.step_key}: {event.event_specific_data.error.message}", file=sys.stderr)
        print(f"Run failed; the published warehouse at {paths.published_database} was left as it was.", file=sys.stderr)
        return 1
    print(f"Published {paths.published_database} in {time.perf_counter() - started:.1f} s")
    for label, count in summary(paths.published_database).items():
        print(f"  {label:<24}{count:>8}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
