"""Import what the steps after dbt need while dbt builds.

During `dbt build` (a subprocess) the Dagster process only relays dbt's events, and a core is
left over: great-expectations (the validation step; about 2 s of CPU to import) and the analyst
pages' modules (publishing; Altair itself only when a chart must be drawn) are imported then, in
a background thread, instead of one after the other after dbt. A refresh that runs no dbt
imports neither.
"""

from __future__ import annotations

import contextlib
import importlib
import threading

AFTER_DBT = ("great_expectations", "analyst_outputs.site")


def import_in_background(modules: tuple[str, ...] = AFTER_DBT) -> threading.Thread:
    def load() -> None:
        for name in modules:
            # a failure here is the step's to report: it imports the module again when it runs
            with contextlib.suppress(Exception):
                importlib.import_module(name)

    thread = threading.Thread(target=load, name="import-after-dbt", daemon=True)
    thread.start()
    return thread
