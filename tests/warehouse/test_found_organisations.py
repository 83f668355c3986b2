"""Organisations the entity seed does not know become dim_entity rows when the text shows them
owning figures, and their figures reconcile across documents.

One pipeline run on two real public articles of the meaning corpus (dev part; provenance in their
sidecars) about Xiaomi's 2018 IPO filing: The Asset ("Xiaomi recorded a revenue of 114.6 billion
yuan ( US$18 billion ) in 2017") and The Week, carrying Reuters ("Xiaomi said its revenue was
114.62 billion yuan ($18 billion) in 2017 ... It also said it made a net loss of 43.89 billion
yuan"). The
entity seed has no Xiaomi: the owner is read from the text (figures.owners), keyed by its name.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from published_builds import published_warehouse_of

REPO_ROOT = Path(__file__).resolve().parents[2]
CORPUS = REPO_ROOT / "benchmarks" / "meaning_corpus" / "documents"
FOLDERS = ["the-asset/2018-05", "the-week/2018-05-03"]
THE_ASSET = "2018-05_the-asset-xiaomi-ipo-despite-net-loss"
THE_WEEK = "2018-05-03_the-week-xiaomi-files-for-largest-tech-ipo"


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory):
    root = tmp_path_factory.mktemp("found-organisations")
    sources, warehouse_dir = root / "sources", root / "warehouse"
    for folder in FOLDERS:
        shutil.copytree(CORPUS / folder, sources / folder)
    with published_warehouse_of(sources, warehouse_dir) as connection:
        yield connection


def test_the_seed_does_not_know_the_company(warehouse):
    seeded = warehouse.execute(
        "select count(*) from reference.entities where lower(aliases) like '%xiaomi%'"
    ).fetchone()[0]
    assert seeded == 0


def test_the_company_found_in_both_texts_is_one_entity(warehouse):
    row = warehouse.execute(
        "select name, kind, owns_figures, entity_source, n_documents from marts.dim_entity where entity_id = 'xiaomi'"
    ).fetchone()
    assert row == ("Xiaomi", "company", True, "found in text", 2)


def test_a_back_reference_takes_the_company_named_before(warehouse):
    # "It also said it made a net loss of 43.89 billion yuan versus a profit of ..." (The Week)
    row = warehouse.execute(
        "select entity_id, entity_source, owner_name from marts.fct_figure where document_id = ? and surface_text like '43.89 billion%'",
        [THE_WEEK],
    ).fetchone()
    assert row[0] == "xiaomi" and row[2] == "Xiaomi"


def test_the_revenue_reconciles_across_the_two_documents(warehouse):
    # 114.6 billion yuan (The Asset) and 114.62 billion yuan (The Week) agree within tolerance
    rows = warehouse.execute(
        """select chosen_value, n_sources, values_agree, document_ids from marts.fct_indicator_value
        where indicator_id = 'company_sales' and entity_id = 'xiaomi' and period_label = '2017'
            and value_basis = 'reported'"""
    ).fetchall()
    assert len(rows) == 1
    value, n_sources, agree, documents = rows[0]
    assert value in (114.6e9, 114.62e9) and n_sources == 2 and agree
    assert THE_ASSET in documents and THE_WEEK in documents


def test_company_figures_hold_at_no_place(warehouse):
    places = warehouse.execute(
        "select distinct geography_id from marts.fct_indicator_value where entity_id = 'xiaomi'"
    ).fetchall()
    assert places == [(None,)]
