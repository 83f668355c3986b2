"""Organisations and places the entity catalog does not know become dim_entity rows when the text
shows them (a company owning figures, a town a document names), and their figures reconcile
across documents.

One pipeline run (shared with test_cross_language, on the seed documents and its articles too:
tests/warehouse/conftest.py) on two real public articles of the meaning corpus (dev part; provenance in their
sidecars) about Xiaomi's 2018 IPO filing: The Asset ("Xiaomi recorded a revenue of 114.6 billion
yuan ( US$18 billion ) in 2017") and The Week, carrying Reuters ("Xiaomi said its revenue was
114.62 billion yuan ($18 billion) in 2017 ... It also said it made a net loss of 43.89 billion
yuan"). The
entity seed has no Xiaomi: the owner is read from the text (figures.owners), keyed by its name.
Beside them, three more documents of the meaning corpora (dev parts): a PR Newswire release on
Jingrong Town, a town no place catalog lists; The Beijing News on Ucommune's prospectus (优客工场),
whose figures are the company's, in Chinese; and the Ministry of Education on a competition
with entrants "from 117 countries and territories".
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from published_builds import opened

REPO_ROOT = Path(__file__).resolve().parents[2]
CORPUS = REPO_ROOT / "benchmarks" / "meaning_corpus" / "documents"
CHINESE_CORPUS = REPO_ROOT / "benchmarks" / "meaning_corpus_zh" / "documents"
FOLDERS = ["the-asset/2018-05", "the-week/2018-05-03", "prnewswire/2020-04-22", "ministry-of-education/2021-10-21"]
CHINESE_FOLDERS = ["beijing-news/2019-12-12"]
JINGRONG = "2020-04-22_prnewswire-jingrong-town-75-incubators"
COMPETITION = "2021-10-21_ministry-of-education-internet-plus-finals"
PROSPECTUS = "2019-12-12_bjnews-ucommune-prospectus"
THE_ASSET = "2018-05_the-asset-xiaomi-ipo-despite-net-loss"
THE_WEEK = "2018-05-03_the-week-xiaomi-files-for-largest-tech-ipo"


def add_documents(sources: Path) -> None:
    """The five corpus articles, beside the seed documents."""
    for folder in FOLDERS:
        shutil.copytree(CORPUS / folder, sources / folder)
    for folder in CHINESE_FOLDERS:
        shutil.copytree(CHINESE_CORPUS / folder, sources / folder)


@pytest.fixture(scope="module")
def warehouse(corpus_build):
    """The published warehouse of the seeds, these articles and those of test_cross_language
    (tests/warehouse/conftest.py)."""
    with opened(corpus_build) as connection:
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


def test_a_town_no_catalog_lists_is_a_place_found_in_the_text(warehouse):
    row = warehouse.execute(
        "select name, kind, entity_source, n_documents from marts.dim_entity where entity_id = 'jingrong_town'"
    ).fetchone()
    assert row == ("Jingrong town", "place", "found in text", 1)


def test_the_towns_figures_hold_in_the_town(warehouse):
    # "At present, Jingrong town has renovated and built ... 1.219 million square meters." and the
    # sentences after it that speak of it ("It has introduced 75 incubation platforms ...")
    rows = dict(
        warehouse.execute(
            "select surface_text, geography_id from marts.fct_figure where document_id = ? and surface_text in ('1.219 million square meters', '75')",
            [JINGRONG],
        ).fetchall()
    )
    assert rows == {"1.219 million square meters": "jingrong_town", "75": "jingrong_town"}


def test_a_figure_counted_over_many_countries_holds_for_the_world(warehouse):
    # "more than 9.56 million students from 4,347 colleges and universities in 117 countries and territories"
    rows = warehouse.execute(
        "select geography_id, geography_source from marts.fct_figure where document_id = ? and surface_text in ('9.56 million', '4,347')",
        [COMPETITION],
    ).fetchall()
    assert rows == [("world", "several_countries")] * 2


def test_a_chinese_companys_accounts_hold_at_no_place(warehouse):
    # "上述3个报告期内该公司的营业亏损分别约为4.00亿元、4.57亿元和5.61亿元": the company's, not
    # the city its founder's given name spells (创始人毛大庆, not Daqing)
    rows = warehouse.execute(
        "select geography_id, is_organisation_figure from marts.fct_figure where document_id = ? and surface_text like '4.57亿%'",
        [PROSPECTUS],
    ).fetchall()
    assert rows == [(None, True)]
    daqing = warehouse.execute(
        "select count(*) from marts.fct_figure where document_id = ? and geography_id = 'daqing'", [PROSPECTUS]
    ).fetchone()[0]
    assert daqing == 0
