"""Defects 8 and 9 of issue 11: the published warehouse is readable by other accounts, and a
staging copy left by a publish killed before its rename is removed by the next publish."""

from __future__ import annotations

import os
import stat

import duckdb
import pytest

from orchestration.defs.publishing.assets import publish_for_readers


@pytest.fixture
def build(tmp_path):
    path = tmp_path / "build" / "warehouse.duckdb"
    path.parent.mkdir()
    with duckdb.connect(str(path)) as connection:
        connection.execute("create table facts as select range as n from range(10)")
    return path


@pytest.fixture
def umask_022():
    previous = os.umask(0o022)
    yield
    os.umask(previous)


def test_published_file_is_readable_by_other_accounts(tmp_path, build, umask_022):
    published = tmp_path / "warehouse.duckdb"
    path, _ = publish_for_readers(build, published)
    assert path == published
    assert stat.S_IMODE(published.stat().st_mode) == 0o644


def test_published_file_honours_a_stricter_umask(tmp_path, build):
    previous = os.umask(0o077)
    try:
        publish_for_readers(build, tmp_path / "warehouse.duckdb")
    finally:
        os.umask(previous)
    assert stat.S_IMODE((tmp_path / "warehouse.duckdb").stat().st_mode) == 0o600


def test_staging_copy_of_a_killed_publish_is_removed_by_the_next(tmp_path, build, umask_022):
    leftover = tmp_path / ".publishing-abc123.duckdb"
    leftover.write_bytes(b"half a copy")
    unrelated = tmp_path / "notes.duckdb"
    unrelated.write_bytes(b"keep me")
    _, removed = publish_for_readers(build, tmp_path / "warehouse.duckdb")
    assert removed == [leftover] and not leftover.exists()
    assert unrelated.exists()
    assert not list(tmp_path.glob(".publishing-*"))
    with duckdb.connect(str(tmp_path / "warehouse.duckdb"), read_only=True) as reader:
        assert reader.execute("select count(*) from facts").fetchone() == (10,)
