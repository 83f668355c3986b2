"""Publishing swaps the build in atomically; readers of the old file keep reading it."""

from __future__ import annotations

import duckdb
import pytest

from orchestration.defs.publishing.assets import publish_refusal
from orchestration.warehouse import publish


def _build(path, value: int) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with duckdb.connect(str(path)) as connection:
        connection.execute("create or replace table facts as select range as n, ? as edition from range(1000)", [value])


def test_reader_of_old_file_keeps_reading_while_new_build_is_published(tmp_path):
    build = tmp_path / "build" / "warehouse.duckdb"
    published = tmp_path / "warehouse.duckdb"
    _build(build, 1)
    publish(build, published)

    reader = duckdb.connect(str(published), read_only=True)
    assert reader.execute("select max(edition), count(*) from facts").fetchone() == (1, 1000)

    _build(build, 2)
    publish(build, published)

    # The open reader still sees the complete old edition...
    assert reader.execute("select max(edition), count(*) from facts").fetchone() == (1, 1000)
    reader.close()
    # ...and a new reader sees the new one.
    with duckdb.connect(str(published), read_only=True) as fresh:
        assert fresh.execute("select max(edition), count(*) from facts").fetchone() == (2, 1000)
    assert not list(tmp_path.glob(".publishing-*")), "no staging file is left behind"


def test_published_file_is_a_byte_copy_of_the_build(tmp_path):
    build = tmp_path / "build" / "warehouse.duckdb"
    published = tmp_path / "warehouse.duckdb"
    _build(build, 7)
    publish(build, published)
    assert published.read_bytes() == build.read_bytes()


@pytest.mark.parametrize(
    ("state", "reason"),
    [
        ({}, "never been validated"),
        ({"validated_at": "2026-01-02", "validated_full_build": False}, "subset"),
        ({"validated_at": "2026-01-02", "validated_full_build": True, "raw_loaded_at": "2026-01-03"}, "raw data changed"),
        (
            {"validated_at": "2026-01-02", "validated_full_build": True, "validation_statuses": {"fail": 1, "pass": 9}},
            "failures",
        ),
    ],
)
def test_publish_is_refused_for_an_unvalidated_build(state, reason):
    assert reason in publish_refusal(state)


GREEN_BUILD = {
    "raw_loaded_at": "2026-01-01T00:00:00",
    "validated_at": "2026-01-01T00:01:00",
    "validated_full_build": True,
    "validation_statuses": {"success": 4, "pass": 20, "warn": 1},
}


def test_publish_is_allowed_after_a_full_green_build_and_quality_validation_with_warnings():
    state = GREEN_BUILD | {"quality_validated_at": "2026-01-01T00:02:00", "quality_error_rules": {}, "quality_warn_rules": {"x": 3}}
    assert publish_refusal(state) is None


@pytest.mark.parametrize(
    ("quality", "reason"),
    [
        ({}, "data-quality rules have not run"),
        ({"quality_validated_at": "2026-01-01T00:00:30", "quality_error_rules": {}}, "data-quality rules have not run"),
        (
            {"quality_validated_at": "2026-01-01T00:02:00", "quality_error_rules": {"quote_matches_surface_text": 1}},
            "error-level data-quality rules failed: quote_matches_surface_text (1 rows)",
        ),
    ],
)
def test_publish_is_refused_without_clean_quality_validation(quality, reason):
    assert reason in publish_refusal(GREEN_BUILD | quality)
