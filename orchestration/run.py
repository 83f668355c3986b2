"""Run the whole pipeline once, in-process, and print a summary of the published warehouse.

    python -m orchestration.run        (what `make run` does)

Uses the persistent Dagster instance when DAGSTER_HOME is set, so the run shows up in
`dagster dev`; otherwise an ephemeral one.

One refresh at a time: this process holds the build lock (orchestration/refresh_lock.py) for
the whole run. If a refresh started another way (the schedule, the sensor, the UI, another
`make run`) holds it, this one says which and waits. Each run writes its own log,
<warehouse>/logs/<UTC time>-<run id>.log (last_run.log links to the latest); the terminal gets
the summary, or the real cause of a failure: a step's innermost error, a full disk, the
database locked by a named process, a logs folder it cannot write.
"""

from __future__ import annotations

import contextlib
import os
import sys
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path

from orchestration.failures import explain
from orchestration.refresh_lock import BuildBusy, fail_abandoned_runs, hold_build, lock_wait_seconds
from orchestration.settings import configured_paths

SUMMARY_QUERIES = {
    "documents ingested": "select count(*) from staging.stg_documents where status = 'ok'",
    "documents quarantined": "select count(*) from staging.stg_documents where status <> 'ok'",
    "sentences": "select count(*) from staging.stg_sentences",
    "figures found": "select count(*) from staging.stg_mentions",
    "quality issues (warn)": "select count(*) from marts.fct_quality_issue where severity = 'warn'",
}
LOGS_FOLDER = "logs"
LATEST_LOG = "last_run.log"
STARTED_BY_TAG = "warehouse/started_by"
# The explorer, quality findings, exports and dbt docs written beside each publish (analyst_outputs).
ANALYST_PAGES = "for_analysts/index.html"


class RunLogUnwritable(RuntimeError):
    pass


def summary(database) -> dict[str, int]:
    from orchestration.warehouse import connect

    with connect(database, read_only=True) as connection:
        return {label: connection.execute(sql).fetchone()[0] for label, sql in SUMMARY_QUERIES.items()}


def open_run_log(warehouse_dir: Path, run_id: str):
    """This run's own log file, and last_run.log pointed at it; RunLogUnwritable if the logs
    folder cannot be created or written."""
    folder = warehouse_dir / LOGS_FOLDER
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    path = folder / f"{stamp}-{run_id[:8]}.log"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        log = open(path, "w", encoding="utf-8")  # noqa: SIM115 - closed by the caller after the run
        log.write(f"refresh {run_id} started {stamp}\n")
        log.flush()
    except OSError as error:
        raise RunLogUnwritable(f"cannot write the run log in {folder}: {explain(error)}") from None
    latest = folder / LATEST_LOG
    try:
        staging = folder / f".{LATEST_LOG}.{os.getpid()}"
        staging.unlink(missing_ok=True)
        staging.symlink_to(path.name)
        os.replace(staging, latest)
    except OSError:
        pass  # only the shortcut is missing; the run's own log is written
    return path, log


def _failures(result) -> list[tuple[str, str]]:
    """(step, real cause) of each failed step, or of the run when it failed before any step."""
    failures = [
        (event.step_key, explain(event.event_specific_data.error))
        for event in result.all_events
        if event.is_step_failure and event.event_specific_data.error
    ]
    if not failures:
        for event in result.all_events:
            data = getattr(event, "event_specific_data", None)
            error = getattr(data, "error", None)
            if error is not None and (event.is_run_failure or event.event_type_value == "RESOURCE_INIT_FAILURE"):
                failures.append(("run", explain(error)))
    return failures


def refresh() -> int:
    started = time.perf_counter()
    paths = configured_paths()
    run_id = str(uuid.uuid4())  # the form of Dagster's own run ids

    def waiting(holder) -> None:
        who = holder.describe() if holder else "another process"
        print(f"The warehouse build is in use by {who}; waiting for it to finish (Ctrl-C to stop).", flush=True)

    # The build lock and the run log come before Dagster, dbt and the code location are loaded
    # (several seconds of imports): a refresh that cannot run says so at once.
    with hold_build(paths.warehouse_dir, run_id=run_id, started_by="make run", wait_seconds=lock_wait_seconds(), on_wait=waiting):
        log_path, log = open_run_log(paths.warehouse_dir, run_id)
        print(f"Run log: {log_path}", flush=True)
        server = contextlib.ExitStack()
        try:
            import dagster as dg

            from orchestration.resources import prepare_dbt_manifest

            prepare_dbt_manifest()
            from orchestration.definitions import defs  # after the manifest exists

            if _sources_changed_since_publish(paths):
                # dbt's start-up (dbt_server.py) overlaps the documents' ingestion and extraction.
                # Not before Dagster's import: on a busy machine the two imports only slowed
                # each other (the seed run's cold build as long as without the server).
                from orchestration import dbt_server

                server.enter_context(dbt_server.started())

            instance = dg.DagsterInstance.get() if os.environ.get("DAGSTER_HOME") else dg.DagsterInstance.ephemeral()
            for abandoned in fail_abandoned_runs(instance, paths.warehouse_dir):
                print(f"Run {abandoned} was left in progress by a killed process; marked failed.")
            # The step-by-step Dagster and dbt logs go to the run's file; the terminal gets the summary.
            with contextlib.redirect_stdout(log), contextlib.redirect_stderr(log):
                result = defs.get_job_def("refresh_warehouse").execute_in_process(
                    instance=instance, raise_on_error=False, run_id=run_id, tags={STARTED_BY_TAG: "make run"}
                )
        finally:
            server.close()
            try:
                log.close()
            except OSError as error:  # the logs folder filled up during the run: the run still counts
                print(f"The run log {log_path} is incomplete: {explain(error)}", file=sys.stderr)
    if not result.success:
        for step, reason in _failures(result) or [("run", "see the run log")]:
            print(f"FAILED {step}: {reason}", file=sys.stderr)
        print(f"Run failed; the published warehouse at {paths.published_database} was left as it was.", file=sys.stderr)
        return 1
    seconds = time.perf_counter() - started
    if _published(result):
        print(f"Published {paths.published_database} in {seconds:.1f} s")
    else:  # the build found nothing new: no dbt, no validation, nothing to publish
        print(f"No change since the last publish: {paths.published_database} is as it was ({seconds:.1f} s)")
    for label, count in summary(paths.published_database).items():
        print(f"  {label:<24}{count:>8}")
    pages = paths.warehouse_dir / ANALYST_PAGES
    if pages.exists():
        print(f"Pages for analysts: {pages} (make docs serves them)")
    return 0


def _sources_changed_since_publish(paths) -> bool:
    """Whether sources/ differs from what the last publish delivered (or nothing was published):
    then dbt will build, and starting it early pays. A run that finds nothing new starts no dbt;
    one for a changed dbt project alone runs dbt the usual way."""
    from orchestration.source_watch import published_sources, scan_with_cache, sources_digest

    published = published_sources(paths.warehouse_dir)
    if published is None:
        return True
    try:
        return sources_digest(scan_with_cache(paths.sources_dir, paths.warehouse_dir)) != published.digest
    except OSError:
        return True  # ingestion reports what is wrong with sources/


def _published(result) -> bool:
    return any(
        event.asset_key is not None and event.asset_key.to_user_string() == "published_warehouse"
        for event in result.get_asset_materialization_events()
    )


def main() -> int:
    try:
        return refresh()
    except (BuildBusy, RunLogUnwritable) as error:
        print(f"Refresh not run: {error}", file=sys.stderr)
        return 2
    except OSError as error:  # the run's log or the terminal itself: a full disk, a lost folder
        print(f"Refresh stopped: {explain(error)}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("Refresh interrupted; the published warehouse was left as it was.", file=sys.stderr)
        return 130


if __name__ == "__main__":
    raise SystemExit(main())
