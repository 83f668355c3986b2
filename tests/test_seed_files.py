"""The dbt seeds load as dbt-duckdb loads them: DuckDB sniffs each CSV's dialect, and a file
that mixes line endings (a row added with LF to a CRLF file) fails that sniff and stops the
whole build."""

from __future__ import annotations

import csv
from pathlib import Path

import duckdb
import pytest

SEED_DIR = Path(__file__).resolve().parent.parent / "dbt_project" / "seeds"
SEEDS = sorted(SEED_DIR.glob("*.csv"))


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


def test_every_english_unit_spelling_reads_as_the_extractors_unit_in_the_seed():
    # int_mentions_normalised checks that the seed and the extractor give a written unit the same
    # code, and a disagreement stops the build: "300 Nm" (newton metres) once read as nanometres.
    # The seed is matched as the model matches it: an 'exact case' alias as written, else lower-cased.
    from figures.quantities import lexicon

    seed = SEED_DIR / "unit_aliases.csv"
    rows = list(csv.DictReader(seed.open(encoding="utf-8")))
    exact = {row["alias"]: row["unit_code"] for row in rows if row["alias_kind"] == "exact case"}
    lowered = {row["alias"]: row["unit_code"] for row in rows if row["alias_kind"] != "exact case"}
    spellings = {**lexicon.UNITS, **lexicon.EXACT_CASE_UNITS}
    read = {spelling: exact.get(spelling, lowered.get(spelling.lower())) for spelling in spellings}
    assert {spelling: code for spelling, (code, _) in spellings.items() if read[spelling] != code} == {}
    assert read["Nm"] == "Nm" and read["nm"] == "nm"


def test_every_currency_spelling_of_the_extractor_is_in_the_currency_seed():
    # a written currency the seed lacks leaves the figure's unit unknown, and the figure is
    # quarantined: "MOP $5 million" and "10 million Macau patacas" once were
    from figures.quantities import lexicon

    seed = SEED_DIR / "currency_aliases.csv"
    rows = {row["alias"]: row for row in csv.DictReader(seed.open(encoding="utf-8"))}
    spellings = {**lexicon.CURRENCY_PREFIXES, **lexicon.CURRENCY_WORDS}
    read = {spelling: rows.get(spelling.lower()) for spelling in spellings}
    assert [spelling for spelling, row in read.items() if row is None] == []
    assert {
        spelling: (code, read[spelling]["iso_code"])
        for spelling, code in spellings.items()
        if read[spelling]["iso_code"] != code and read[spelling]["is_ambiguous"] != "true"
    } == {}
