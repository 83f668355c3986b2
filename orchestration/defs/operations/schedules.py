"""Nightly refresh. Time and timezone are configuration (REFRESH_CRON, REFRESH_TIMEZONE)."""

import os

import dagster as dg

from orchestration.defs.operations.jobs import refresh_warehouse

DEFAULT_CRON = "0 2 * * *"  # 02:00, after the working day's documents have landed
DEFAULT_TIMEZONE = "Asia/Shanghai"


def nightly_refresh_schedule() -> dg.ScheduleDefinition:
    return dg.ScheduleDefinition(
        name="nightly_refresh",
        job=refresh_warehouse,
        cron_schedule=os.environ.get("REFRESH_CRON", DEFAULT_CRON),
        execution_timezone=os.environ.get("REFRESH_TIMEZONE", DEFAULT_TIMEZONE),
        default_status=dg.DefaultScheduleStatus.RUNNING,
        description="Refreshes everything that changed: unchanged documents are not re-processed.",
    )


nightly_refresh = nightly_refresh_schedule()
