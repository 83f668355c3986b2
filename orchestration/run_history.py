"""Dagster's run history on SQLite, with one open connection per database instead of one per event.

Dagster's own SQLite event log (`SqliteEventLogStorage`, the default under DAGSTER_HOME) creates
an engine, opens a connection, commits and closes for every event it stores, and an asset or
check event is written twice (the run's database and the cross-run index). A refresh plans an
event for each of its ~300 assets and ~290 dbt tests before any step runs, so even a refresh that
finds nothing new stored about 600 events in over 1,000 transactions: 3 of its 10 s of CPU, and
as many seconds again waiting on disk, since closing the last connection to a WAL database
checkpoints it and syncs the file. Here each database keeps one connection while the process
lives (the most recently used few), and commits are not synced one by one (`synchronous=NORMAL`,
safe with WAL: an operating-system crash may lose the last events, never the database).

Same tables and files as Dagster's storage, so `dagster dev` and older histories read the same
runs; orchestration/instance/dagster.yaml selects it.
"""

from __future__ import annotations

import os
from collections import OrderedDict
from collections.abc import Iterator
from contextlib import contextmanager

from dagster import Field, StringSource
from dagster._core.storage.event_log import SqliteEventLogStorage
from sqlalchemy import create_engine, event
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.pool import StaticPool

# Open databases kept per process: the cross-run index and the runs being written or watched.
OPEN_DATABASES = 8
# As Dagster's storage: how long a write waits for another process's lock.
BUSY_TIMEOUT_SECONDS = 30


def default_base_dir() -> str:
    """Where Dagster keeps the event log by default: $DAGSTER_HOME/history/runs."""
    return os.path.join(os.environ["DAGSTER_HOME"], "history", "runs")


class RunHistoryEventLogStorage(SqliteEventLogStorage):
    """Dagster's SQLite event log with long-lived connections (see the module docstring)."""

    def __init__(self, base_dir: str | None = None, inst_data=None):
        self._engines: OrderedDict[str, Engine] = OrderedDict()
        self._tables_present: set[str] = set()
        super().__init__(base_dir or default_base_dir(), inst_data)

    @classmethod
    def config_type(cls):
        return {"base_dir": Field(StringSource, is_required=False)}

    @classmethod
    def from_config_value(cls, inst_data, config_value):
        return cls(inst_data=inst_data, **config_value)

    def _engine(self, shard: str) -> Engine:
        engine = self._engines.get(shard)
        if engine is not None:
            self._engines.move_to_end(shard)
            return engine
        engine = create_engine(
            self.conn_string_for_shard(shard),
            poolclass=StaticPool,  # one connection, reused; every use holds self._db_lock
            connect_args={"timeout": BUSY_TIMEOUT_SECONDS, "check_same_thread": False},
        )
        event.listen(engine, "connect", _sync_at_checkpoints)
        if shard not in self._initialized_dbs:
            self._initdb(engine)
            self._initialized_dbs.add(shard)
        self._engines[shard] = engine
        while len(self._engines) > OPEN_DATABASES:
            self._engines.popitem(last=False)[1].dispose()
        return engine

    def has_table(self, table_name: str) -> bool:
        """Dagster asks before storing each check event (a new engine each time); tables are only
        ever added (by `dagster instance migrate`), so a table once present is remembered."""
        if table_name in self._tables_present:
            return True
        present = super().has_table(table_name)  # a connection of its own: callers may hold the lock
        if present:
            self._tables_present.add(table_name)
        return present

    @contextmanager
    def _connect(self, shard: str) -> Iterator[Connection]:
        with self._db_lock, self._engine(shard).connect() as connection, connection.begin():
            yield connection

    def _close_all(self) -> None:
        with self._db_lock:
            self._tables_present.clear()
            while self._engines:
                self._engines.popitem()[1].dispose()

    def wipe(self) -> None:
        self._close_all()  # before Dagster deletes the files
        super().wipe()

    def dispose(self) -> None:
        super().dispose()
        self._close_all()


def _sync_at_checkpoints(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()
