"""dbt, run from the warehouse's build folder: `python -m orchestration.dbt_command ARGS...`.

The orchestration names the build database to dbt's profile relative to that folder
(DBT_DUCKDB_PATH, set by orchestration.settings.configured_paths), so the profile dbt renders is
the same for every warehouse folder, and so is dbt's saved parse (partial_parse.msgpack): dbt
parses the whole project again when the profile differs from the one a parse was saved with,
which cost about 2.7 s of CPU in each build in a new folder (a cold `make run`, every test's
warehouse). The dagster-dbt resource, the batched build and the dbt docs all run dbt this way.

dbt's own log file (dbt.log in the target folder) is written at warning level unless
DBT_LOG_LEVEL_FILE says otherwise: at dbt's default, debug, each node's SQL and connection events
went to it (8 MB for the seed documents) and dbt's threads queued on the file handler's lock: the
seed documents' full dbt build took 8.5 and 11.0 s wall (9.4, 10.3 s CPU) with it, 8.2 and 8.4 s
(9.2, 9.4 s CPU) without. Dagster's run log still gets every event dbt prints.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

LOG_LEVEL_FILE = "DBT_LOG_LEVEL_FILE"


def dbt_command() -> list[str]:
    """The start of a command line that runs dbt from $WAREHOUSE_DIR/build."""
    return [sys.executable, "-m", "orchestration.dbt_command"]


def main() -> None:
    build = Path(os.environ["WAREHOUSE_DIR"]) / "build"
    build.mkdir(parents=True, exist_ok=True)
    os.chdir(build)
    os.environ.setdefault(LOG_LEVEL_FILE, "warn")
    from dbt.cli.main import cli

    sys.exit(cli())


if __name__ == "__main__":
    main()
