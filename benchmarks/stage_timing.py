"""CPU seconds of each part of the per-document stage, taken where the extraction step calls it
(orchestration.defs.extraction.rows.document_mentions), for the benchmarks that profile it."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from types import ModuleType

DOCUMENT_STAGE_PARTS = ("extract", "resolve_contexts", "read_meanings", "read_period_types", "choose_indicators",
                        "read_owners")  # fmt: skip


@contextmanager
def timed_stage_parts(extraction: ModuleType) -> Iterator[dict[str, float]]:
    """Inside the block, each part the extraction module calls adds its CPU seconds to the dict
    yielded (part name -> seconds); the module's own functions are put back afterwards."""
    spent = dict.fromkeys(DOCUMENT_STAGE_PARTS, 0.0)
    originals = {name: getattr(extraction, name) for name in DOCUMENT_STAGE_PARTS}

    def timed(name, function):
        def call(*args, **kwargs):
            started = time.process_time()
            try:
                return function(*args, **kwargs)
            finally:
                spent[name] += time.process_time() - started

        return call

    for name, function in originals.items():
        setattr(extraction, name, timed(name, function))
    try:
        yield spent
    finally:
        for name, function in originals.items():
            setattr(extraction, name, function)
