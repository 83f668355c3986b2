"""Chinese and English reports of one fact reconcile into one value; a translation that changed
a figure is flagged with both values and both documents.

One pipeline run on the seed documents plus two more (and the articles of
test_found_organisations, which share the run: tests/warehouse/conftest.py):
- the Chinese report of the Torch Center's 2018 incubation report (a real public page from the
  Chinese meaning corpus, traditional script, provenance in its sidecar): "2017年,眾創空間已達
  5739家", the figure the English embassy page and the Torch brochure among the seeds give as
  "In 2017, there were 5,739 makers' spaces";
- a crafted English rendering of the same sentence with the digits swapped (5,379), labelled as
  crafted in its sidecar, which names the Chinese report as its original (translation_of): the
  garbled translation the cross-language rule must catch, and one that drops every other figure
  of its original, which the translation rule must catch.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from published_builds import opened

REPO_ROOT = Path(__file__).resolve().parents[2]
CHINESE_ID = "2018_panansia-incubation-report-2018"
CHINESE_FOLDER = REPO_ROOT / "benchmarks" / "meaning_corpus_zh" / "documents" / "panansia" / "2018"
EMBASSY = "2018-12-05_torch-report-latest-progress-embassy"
BROCHURE = "2018_torch-report-pujiang-forum-brochure"
GARBLED_ID = "crafted-garbled-translation"
GARBLED_TEXT = (
    "Crafted English rendering of the Torch Center's 2018 incubation report.\n\n"
    "Statistics show that in 2017, there were 5,379 makers' spaces across the country.\n"
)
GARBLED_META = """\
file: {name}
title: Crafted garbled translation
publisher: Crafted Test Press
published_on: 2018-07-01
format: text
language: en
source_tier: 3
notes: Crafted for a test, not a real page; the makerspace count of the Chinese report with two digits swapped.
translation_of: {original}
"""


def add_documents(sources: Path) -> None:
    """The Chinese report and the crafted garbled translation, beside the seed documents."""
    shutil.copytree(CHINESE_FOLDER, sources / "panansia" / "2018")
    crafted = sources / "crafted-test-press" / "2018-07-01"
    crafted.mkdir(parents=True)
    (crafted / f"{GARBLED_ID}.txt").write_text(GARBLED_TEXT)
    (crafted / f"{GARBLED_ID}.txt.meta.yml").write_text(GARBLED_META.format(name=f"{GARBLED_ID}.txt", original=CHINESE_ID))


@pytest.fixture(scope="module")
def warehouse(corpus_build):
    """The published warehouse of the seeds, these documents and those of
    test_found_organisations (tests/warehouse/conftest.py)."""
    with opened(corpus_build) as connection:
        yield connection


def test_the_chinese_figure_is_classified_dated_and_placed_like_the_english_ones(warehouse):
    rows = warehouse.execute(
        """
        select document_id, surface_text, indicator_id, period_label, geography_id, measure_type
        from marts.fct_figure
        where indicator_id = 'makerspaces' and period_label = '2017' and document_id in (?, ?, ?)
        order by document_id
        """,
        [CHINESE_ID, EMBASSY, BROCHURE],
    ).fetchall()
    assert {row[0] for row in rows} == {CHINESE_ID, EMBASSY, BROCHURE}
    chinese = [row for row in rows if row[0] == CHINESE_ID]
    assert [(text, geography, measure) for _, text, _, _, geography, measure in chinese] == [("5739家", "china", "stock")]


def test_chinese_and_english_reports_reconcile_into_one_value(warehouse):
    cursor = warehouse.execute(
        """
        select chosen_value, n_sources, n_supporting_sources, values_agree, document_ids, disagreeing_values
        from marts.fct_indicator_value
        where indicator_id = 'makerspaces' and geography_id = 'china' and period_label = '2017'
            and status = 'actual' and value_basis = 'reported'
        """
    )
    (row,) = cursor.fetchall()
    chosen, n_sources, supporting, agree, documents, disagreeing = row
    assert chosen == 5739
    assert set(documents.split(", ")) == {CHINESE_ID, EMBASSY, BROCHURE, GARBLED_ID}
    # Four documents, two independent sources agree: the embassy page repeats the Torch Center's
    # brochure sentence for sentence, so it is that report again (fct_indicator_value, reposts);
    # the crafted one disagrees.
    assert (n_sources, supporting, agree) == (4, 2, False)
    assert GARBLED_ID in disagreeing and "5,379" in disagreeing.replace("5379", "5,379")


def test_the_changed_translation_is_flagged_with_both_values_and_documents(warehouse):
    issues = warehouse.execute(
        "select severity, document_id, message from marts.fct_quality_issue "
        "where rule_id = 'languages_agree' and message like 'makerspaces %'"
    ).fetchall()
    assert len(issues) == 1, issues  # the Chinese report agrees with the embassy page and the brochure
    severity, document_id, message = issues[0]
    assert (severity, document_id) == ("warn", CHINESE_ID)
    assert message.startswith(f"makerspaces (china, 2017): the Chinese {CHINESE_ID} says 5,739 ('5739家')")
    assert f"but {GARBLED_ID} says 5,379 ('5,379')" in message


def test_a_translation_that_lost_or_changed_figures_is_flagged_against_its_original(warehouse):
    issues = warehouse.execute(
        "select document_id, figure_id, message from marts.fct_quality_issue "
        "where rule_id = 'translation_keeps_figures' order by message"
    ).fetchall()
    original_figures = warehouse.execute(
        "select count(*) from marts.fct_figure where document_id = ? and restates_figure_id is null "
        "and not is_quarantined",
        [CHINESE_ID],
    ).fetchone()[0]
    # The crafted rendering keeps none of the original's figures (5,379 is not 5,739): each one
    # is flagged once, on the translation, and no other document is a translation.
    assert original_figures > 5
    assert len(issues) == original_figures
    assert {document_id for document_id, _, _ in issues} == {GARBLED_ID}
    messages = [message for _, _, message in issues]
    changed = [m for m in messages if "'5739家'" in m]
    assert changed == [
        (
            f"{CHINESE_ID} says 5,739 ('5739家') for makerspaces (china, 2017) but its translation "
            f"{GARBLED_ID} says 5,379 ('5,379'): a figure lost or changed in translation"
        )
    ]
    lost = [m for m in messages if "'4069家'" in m]
    assert lost == [
        (
            f"{CHINESE_ID} says 4,069 ('4069家') for incubators (china, 2017) but its translation "
            f"{GARBLED_ID} has no figure of that value: a figure lost or changed in translation"
        )
    ]
