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

dbt's unit tests put their given rows in front of the model's SQL as CTEs; dbt finds where with
sqlparse's full parse of that SQL (dbt.compilation.inject_ctes_into_sql), 2.5 s of CPU for each
unit test of int_figures_classified (600 KB of SQL) and 10 s for the project's 25. When the SQL
opens with `with` after comments and whitespace and is one statement (most models hold a `;`
in a string or comment: sqlparse's lexer alone tells), reading its first tokens finds the same
place (inject_ctes_into_sql below; any other SQL goes to dbt's own function).

A build, run, test or seed here writes no manifest.json (nor semantic_manifest.json) into the
warehouse's target folder: dbt wrote the 3 MB file twice per invocation, after parsing and again
at the end, about 0.3 s of CPU each, and nothing reads it (Dagster reads the project's manifest,
dbt its saved parse, the docs site makes its own). run_results.json and the compiled SQL stay.
"""

from __future__ import annotations

import functools
import os
import sys
from pathlib import Path

LOG_LEVEL_FILE = "DBT_LOG_LEVEL_FILE"
# dbt commands whose manifest.json nobody reads (see above); `parse` and `docs` still write it.
BUILDING_COMMANDS = frozenset({"build", "run", "test", "seed"})


def dbt_command() -> list[str]:
    """The start of a command line that runs dbt from $WAREHOUSE_DIR/build."""
    return [sys.executable, "-m", "orchestration.dbt_command"]


def _after_leading_with(sql: str) -> int | None:
    """Where dbt puts the CTEs when sql opens with `with` (after comments and whitespace): at the
    first token after it that is not whitespace. None when sql opens otherwise, or with `with
    recursive`, or ends at the `with`."""
    from sqlparse import lexer
    from sqlparse import tokens as T

    opened = False
    offset = 0
    for kind, value in lexer.tokenize(sql):  # lazily: only the first tokens are read
        if kind in T.Whitespace or (not opened and kind in T.Comment):
            offset += len(value)
            continue
        if opened:
            return None if kind in T.Keyword and value.upper() == "RECURSIVE" else offset
        if kind in T.Keyword and value.upper() == "WITH":
            opened = True
            offset += len(value)
            continue
        return None
    return None


@functools.lru_cache(maxsize=16)
def _one_statement(sql: str) -> bool:
    """Whether sqlparse reads sql as one statement: no token its statement splitter ends a
    statement at (a `;` or GO keyword; one inside a string or comment is no such token). Read
    with sqlparse's lexer alone, a quarter of the CPU of its whole parse (0.36 against 1.5 s
    for int_figures_classified, whose strings and comments hold `;`). Each unit test of a model
    injects into the same SQL, hence the cache."""
    from sqlparse import lexer
    from sqlparse import tokens as T

    return not any(
        (kind is T.Punctuation and value == ";") or (kind is T.Keyword and value.split()[0] == "GO")
        for kind, value in lexer.tokenize(sql)
    )


def inject_ctes_into_sql(sql: str, ctes) -> str:
    """dbt.compilation.inject_ctes_into_sql's result without parsing the whole SQL where its
    first tokens decide it: the CTEs and a comma after the opening `with`. dbt's own function
    keeps only the first statement, so SQL of several statements goes to it, as does any other
    case."""
    if ctes and (";" not in sql or _one_statement(sql)):
        end = _after_leading_with(sql)
        if end is not None:
            return sql[:end] + ", ".join(cte.sql for cte in ctes) + ", " + sql[end:]
    return _dbt_inject_ctes_into_sql(sql, ctes)


def _dbt_inject_ctes_into_sql(sql: str, ctes) -> str:
    import dbt.compilation

    return getattr(dbt.compilation, "_inject_ctes_with_sqlparse", dbt.compilation.inject_ctes_into_sql)(sql, ctes)


def use_quick_cte_injection() -> None:
    """Make dbt's compiler inject CTEs with inject_ctes_into_sql above (dbt's own kept beside it)."""
    import dbt.compilation

    if getattr(dbt.compilation, "_inject_ctes_with_sqlparse", None) is None:
        dbt.compilation._inject_ctes_with_sqlparse = dbt.compilation.inject_ctes_into_sql
        dbt.compilation.inject_ctes_into_sql = inject_ctes_into_sql


def skip_manifest_files() -> None:
    """dbt writes no manifest.json in this process (the in-memory manifest is unchanged)."""
    import dbt.parser.manifest
    import dbt.task.runnable

    def not_written(*_arguments, **_options) -> None:
        return None

    for module in (dbt.parser.manifest, dbt.task.runnable):
        # a dbt that moved the function would otherwise keep writing the file unnoticed
        if not callable(getattr(module, "write_manifest", None)):
            raise TypeError(f"{module.__name__}.write_manifest is gone: update skip_manifest_files for this dbt")
        module.write_manifest = not_written


def main() -> None:
    from orchestration.dbt_server import run_through_server

    # dbt already started, when the refresh runs a server (dbt_server.py)
    status = run_through_server(sys.argv)
    if status is not None:
        sys.exit(status)
    run_dbt()


def run_dbt() -> None:
    """dbt's command line with sys.argv, from the warehouse's build folder; exits with dbt's status."""
    build = Path(os.environ["WAREHOUSE_DIR"]) / "build"
    build.mkdir(parents=True, exist_ok=True)
    os.chdir(build)
    os.environ.setdefault(LOG_LEVEL_FILE, "warn")
    from dbt.cli.main import cli

    use_quick_cte_injection()
    command = next((argument for argument in sys.argv[1:] if not argument.startswith("-")), None)
    if command in BUILDING_COMMANDS:
        skip_manifest_files()
    sys.exit(cli())


if __name__ == "__main__":
    main()
