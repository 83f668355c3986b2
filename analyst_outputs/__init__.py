"""What analysts get beside the published warehouse, rewritten on every successful publish.

    <warehouse_dir>/for_analysts/
        index.html              the indicator explorer: one page per indicator (indicators/),
        indicators/, documents/ one per document (documents/), charts linked to the evidence
        quality.html            every data-quality finding with its sentence and document
        data_dictionary.html    every mart's columns, from the dbt schema files
        exports/                parquet/<mart>.parquet, csv/<mart>.csv, data_dictionary.md
        docs/index.html         the dbt docs site (models, columns, tests, lineage)

Everything is read from the published file (read-only) and written to a staging folder that
replaces for_analysts/ when done, so a reader never sees half a site. Pages and exports whose
inputs did not change since the folder it replaces are linked from it, not written again
(analyst_outputs.reuse). Each part is written on
its own: one that fails is named in the returned OutputsReport (and on the index page) and the
others are still written. Nothing here can touch the published warehouse.

    python -m analyst_outputs [WAREHOUSE_DIR]     rewrites the folder from the published file
"""

from __future__ import annotations

import os
import shutil
import time
import traceback
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

OUTPUT_FOLDER = "for_analysts"
REPO_ROOT = Path(__file__).resolve().parent.parent
DBT_PROJECT_DIR = REPO_ROOT / "dbt_project"


def cache_dir() -> Path:
    """Rendered charts and dbt docs sites, stored by a digest of everything they depend on, so
    a refresh that changed nothing (or another warehouse with the same data) renders nothing.
    Safe to delete; ANALYST_OUTPUTS_CACHE moves it."""
    return Path(os.environ.get("ANALYST_OUTPUTS_CACHE", REPO_ROOT / ".cache" / "analyst_outputs"))


@dataclass
class OutputsReport:
    """Where the outputs went, what each part took, and which parts failed and why."""

    folder: Path
    seconds: dict[str, float] = field(default_factory=dict)
    failures: dict[str, str] = field(default_factory=dict)
    details: dict[str, str] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.failures


def write_analyst_outputs(
    published_database: Path, warehouse_dir: Path, dbt_project_dir: Path = DBT_PROJECT_DIR
) -> OutputsReport:
    """Write every analyst output for the published warehouse; never raises for a failed part."""
    from analyst_outputs.site import write_site  # the heavy imports (altair, vl-convert) only here

    warehouse_dir = Path(warehouse_dir)
    final = warehouse_dir / OUTPUT_FOLDER
    staging = warehouse_dir / f".{OUTPUT_FOLDER}-staging-{os.getpid()}"
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    report = OutputsReport(folder=final)
    try:
        write_site(Path(published_database), staging, Path(dbt_project_dir), report, previous=final)
        _swap_in(staging, final)
    except Exception:  # noqa: BLE001 - outside the parts (disk full, permissions): report, never raise
        report.failures["folder"] = traceback.format_exc(limit=3).strip().splitlines()[-1]
        shutil.rmtree(staging, ignore_errors=True)
    return report


def _swap_in(staging: Path, final: Path) -> None:
    """Replace final with staging: two renames, the old folder removed after."""
    retired = final.with_name(f".{final.name}-retired-{time.time_ns()}")
    if final.exists():
        final.replace(retired)
    staging.replace(final)
    shutil.rmtree(retired, ignore_errors=True)


def generated_at() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
