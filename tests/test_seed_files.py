"""The dbt seeds load as dbt-duckdb loads them: DuckDB sniffs each CSV's dialect, and a file
that mixes line endings (a row added with LF to a CRLF file) fails that sniff and stops the
whole build."""

from __future__ import annotations

import csv
from pathlib import Path

import duckdb
import pytest

SEEDS = sorted((Path(__file__).resolve().parent.parent / "dbt_project" / "seeds").glob("*.csv"))


@pytest.mark.parametrize("seed", SEEDS, ids=[seed.stem for seed in SEEDS])
def test_every_seed_has_one_line_ending_and_reads_with_its_header(seed):
    data = seed.read_bytes()
    assert data.count(b"\r\n") in (0, data.count(b"\n")), f"{seed.name} mixes CRLF and LF line endings"
    with seed.open(encoding="utf-8", newline="") as handle:
        header, *rows = list(csv.reader(handle))
    read = f"read_csv('{seed}', header = true, all_varchar = true)"
    with duckdb.connect() as connection:
        assert [column[0] for column in connection.execute(f"select * from {read} limit 0").description] == header
        assert connection.execute(f"select count(*) from {read}").fetchone()[0] == len(rows)
