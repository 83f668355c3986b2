"""A full dbt build of a large corpus, in bounded batches of documents.

One `dbt build --full-refresh` builds every per-document model over the whole corpus at once,
and DuckDB's working set grows with it: at 10,000 documents int_figures_attributed needs more
than a 1 GB memory limit allows, whatever it spills. The per-document models (the incremental
ones) need no other document, so a full build of more than DBT_BATCH_DOCUMENTS documents builds
them batch by batch (documents split by a hash of their id, macro in_changed_documents):

1. batch 1: `dbt build --full-refresh` of the per-document models and what they read (every
   seed, staging views, rates), no tests: the tables are recreated holding the first batch;
2. each further batch: `dbt run` of the per-document models, appending that batch;
3. then the usual `dbt build` (tests, unit tests, cross-document models), with the per-document
   models told to add nothing (DBT_DOCUMENTS_PREBUILT), streamed to Dagster as before.

The warehouse is the same as one full build's (tests/orchestration/test_batched_build.py).
"""

from __future__ import annotations

import math
import os
import subprocess
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from orchestration.dbt_command import dbt_command
from orchestration.settings import DBT_PROJECT_DIR

BATCH_SIZE_VARIABLE = "DBT_BATCH_DOCUMENTS"
# Measured with a 1GB DuckDB memory limit: 1,000 documents of about 10 KB built in one batch,
# 2,000 ran out of memory in int_figures_classified.
DEFAULT_BATCH_DOCUMENTS = 1000
BATCH_VARIABLE = "DBT_DOCUMENT_BATCH"
PREBUILT_VARIABLE = "DBT_DOCUMENTS_PREBUILT"
PER_DOCUMENT_MODELS = "config.materialized:incremental"
# Every seed, with the first batch: a model may read a seed by relation rather than by ref()
# (int_figures_classified builds its Chinese branches from reference.indicator_cues_zh), and in a
# cold build nothing else would have loaded it yet.
SEEDS = "resource_type:seed"
# Lines of dbt's output quoted when a batch fails.
ERROR_TAIL_LINES = 30


class BatchBuildError(RuntimeError):
    pass


def batch_documents() -> int:
    """Documents per batch of a full build: DBT_BATCH_DOCUMENTS, else the default."""
    configured = os.environ.get(BATCH_SIZE_VARIABLE, "").strip()
    if not configured:
        return DEFAULT_BATCH_DOCUMENTS
    if not configured.isdigit() or int(configured) < 1:
        raise ValueError(f"{BATCH_SIZE_VARIABLE} must be a whole number of documents, got {configured!r}")
    return int(configured)


def batch_count(n_documents: int) -> int:
    return max(1, math.ceil(n_documents / batch_documents()))


def batch_commands(batches: int) -> Iterator[tuple[str, list[str]]]:
    """(DBT_DOCUMENT_BATCH value, dbt arguments) of each batch, first to last."""
    yield f"0/{batches}", [
        "build", "--full-refresh", "--select", f"+{PER_DOCUMENT_MODELS}", SEEDS,
        "--exclude-resource-type", "test", "--exclude-resource-type", "unit_test",
    ]  # fmt: skip
    for number in range(1, batches):
        yield f"{number}/{batches}", ["run", "--select", PER_DOCUMENT_MODELS]


def prebuild_in_batches(target_path: Path, batches: int, log: Callable[[str], None]) -> None:
    """Build the per-document models batch by batch; BatchBuildError (with dbt's output) if one fails."""
    environment = os.environ | {
        "DBT_PROJECT_DIR": str(DBT_PROJECT_DIR),
        "DBT_PROFILES_DIR": str(DBT_PROJECT_DIR),
        "DBT_TARGET_PATH": str(target_path),
        "DBT_LOG_PATH": str(target_path),
        "DBT_SEND_ANONYMOUS_USAGE_STATS": "false",
    }
    for batch, arguments in batch_commands(batches):
        started = time.perf_counter()
        completed = subprocess.run(
            [*dbt_command(), *arguments],
            cwd=DBT_PROJECT_DIR,
            env=environment | {BATCH_VARIABLE: batch},
            capture_output=True,
            text=True,
            check=False,
        )
        if completed.returncode != 0:
            output = "\n".join((completed.stdout + completed.stderr).splitlines()[-ERROR_TAIL_LINES:])
            raise BatchBuildError(f"dbt failed on document batch {batch} (dbt {' '.join(arguments)}):\n{output}")
        number, total = batch.split("/")
        log(f"per-document models: batch {int(number) + 1} of {total} built in {time.perf_counter() - started:.1f} s")


@contextmanager
def documents_prebuilt(active: bool) -> Iterator[None]:
    """While active, a dbt process started here builds no per-document rows (they are built)."""
    if not active:
        yield
        return
    os.environ[PREBUILT_VARIABLE] = "1"
    try:
        yield
    finally:
        os.environ.pop(PREBUILT_VARIABLE, None)
