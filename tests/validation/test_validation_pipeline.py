"""End to end: the seeds plus crafted documents that break the rules, through the real graph.

Run 1: seeds + a warn-level corpus -> publishes, every warning listed in fct_quality_issue
(the seeds' "7500 thousands" among them). Run 2: adds a document whose own figures are wrong (a
stated conversion off by 1000x, a reversed range, a negative count) -> what one document says
never stops publishing: the run publishes, the figures are quarantined in fct_figure with their
reasons and listed at warn level in fct_quality_issue. Two runs only: each costs a minute or two
on a small machine.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import dagster as dg
import duckdb
import pandas as pd
import pytest

from expectations import validate
from orchestration.defs.extraction.assets import mentions
from orchestration.defs.ingestion.assets import ingested_documents
from orchestration.defs.publishing.assets import published_warehouse
from orchestration.defs.reference.assets import fx_reference_rates
from orchestration.defs.transformation.assets import dbt_models
from orchestration.defs.validation.assets import fct_quality_issue
from orchestration.resources import WarehouseResource, dbt_resource
from orchestration.warehouse import read_build_state

REPO_ROOT = Path(__file__).resolve().parents[2]
SEED_DOCUMENT_IDS = {
    "2015-06-30_sci-tech-newsletter-no6",
    "2017-05-23_manufacturing-stride-mass-innovation",
    "2017-09_mass-innovation-week-shanghai",
    "2018-12-05_torch-report-latest-progress-embassy",
    "2018_torch-report-pujiang-forum-brochure",
}
META = """\
file: {name}
title: {title}
publisher: Quality Test Press
published_on: 2018-06-01
format: text
language: en
source_tier: 3
"""
# Each sentence breaks one rule family at warn level (wording follows the seeds so the
# extractor and the classifier read it the same way).
WARN_DOCUMENT = (
    "Crafted bulletin on mass entrepreneurship.\n\n"
    # cross-source: the seeds report 5,739 makers' spaces for 2017
    "In 2017, there were 6,900 makers' spaces according to statistics of the provincial bureau.\n\n"
    # growth: the seeds state an increase of over 33% from 2016 to 5,739 in 2017
    "In 2016, there were 5,000 makers' spaces according to statistics of Torch Center.\n\n"
    # plausible range: incubators are at most 100,000 in the catalog (the indicator chooser puts
    # "In 2013, China had over 2.5 million incubators" under its English floor: unclassified, so
    # not checked; the words after the figure give it the indicator)
    "China had over 2.5 million incubators at the end of 2013.\n\n"
    # part and whole: graduates hired exceed the people hired (by makers' spaces: the catalog's
    # people_employed counts jobs in makerspaces and incubators, not jobs in general); the part
    # names its noun ("college graduates"): the seeds' "those who graduated two years ago" is too
    # loose a reading for the indicator chooser to classify
    "In 2012, makers' spaces hired more than 300,000 people, among whom over 460,000 were college graduates.\n\n"
    # FX near the reference: 5 CNY per USD against about 6.6
    "In 2015, 10 billion yuan ($2 billion) was raised for mass entrepreneurship and innovation projects across the nation.\n"
)
# Source errors, once judged error-level: FX off by 1000x ("million" where the source meant
# "billion"), a reversed range, a negative count.
SOURCE_ERROR_DOCUMENT = (
    "Crafted note on project funding.\n\n"
    "In 2014, 53.96 million yuan ($7.83 billion) was raised for mass entrepreneurship and innovation projects across the nation.\n\n"
    "In 2014, between 5,000 and 3,000 start-ups were founded in the province.\n\n"
    "In 2014, the number of incubators in the province changed by -3 companies.\n"
)
SOURCE_ERROR_ID = "crafted-error"
ASSETS = [ingested_documents, mentions, fx_reference_rates, dbt_models, fct_quality_issue, published_warehouse]


def _add_document(sources: Path, name: str, title: str, text: str) -> None:
    folder = sources / "quality-test-press" / "2018-06-01"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(text)
    (folder / f"{name}.meta.yml").write_text(META.format(name=name, title=title))


def _materialize(warehouse: WarehouseResource) -> dg.ExecuteInProcessResult:
    return dg.materialize(
        ASSETS,
        resources={"warehouse": warehouse, "dbt": dbt_resource()},
        instance=dg.DagsterInstance.ephemeral(),
        raise_on_error=False,
    )


def _issues(database: Path) -> list[tuple]:
    with duckdb.connect(str(database), read_only=True) as connection:
        return connection.execute(
            "select rule_id, family, severity, document_id, message from marts.fct_quality_issue"
        ).fetchall()


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    root = tmp_path_factory.mktemp("validation")
    sources, warehouse_dir = root / "sources", root / "warehouse"
    shutil.copytree(REPO_ROOT / "sources", sources)
    _add_document(sources, "crafted-warnings.txt", "Crafted warnings", WARN_DOCUMENT)
    warehouse = WarehouseResource(sources_dir=str(sources), warehouse_dir=str(warehouse_dir))
    patch = pytest.MonkeyPatch()
    patch.setenv("WAREHOUSE_DIR", str(warehouse_dir))  # read by dbt's profiles.yml
    try:
        first = _materialize(warehouse)
        published_after_first = warehouse.published_database.read_bytes()
        first_issues = _issues(warehouse.published_database)
        _add_document(sources, "crafted-error.txt", "Crafted error", SOURCE_ERROR_DOCUMENT)
        second = _materialize(warehouse)
    finally:
        patch.undo()
    return {
        "first": first,
        "first_issues": first_issues,
        "published_after_first": published_after_first,
        "second": second,
        "warehouse": warehouse,
    }


def _messages(issues, rule_id, document_id=None):
    return [m for rule, _, _, doc, m in issues if rule == rule_id and (document_id is None or doc == document_id)]


def test_warnings_publish_and_every_check_is_reported(runs):
    result = runs["first"]
    assert result.success
    checks = {evaluation.check_name for evaluation in result.get_asset_check_evaluations()}
    assert {"indicator_within_plausible_range", "fx_rate_order_of_magnitude", "quote_matches_surface_text"} <= checks
    assert all(severity in ("warn", "info") for _, _, severity, _, _ in runs["first_issues"])
    assert Path(runs["warehouse"].warehouse_dir, "quality_report", "index.html").exists()


def test_seed_hatching_platforms_are_flagged_as_implausible(runs):
    (message,) = [m for m in _messages(runs["first_issues"], "indicator_within_plausible_range") if "7500 thousands" in m]
    assert "above the plausible maximum of 100,000" in message
    assert "5,739 makerspaces" in message and "1,600 incubators" in message


def test_seed_documents_raise_no_error_level_issue(runs):
    seed_issues = [issue for issue in runs["first_issues"] if issue[3] in SEED_DOCUMENT_IDS]
    assert seed_issues and all(severity in ("warn", "info") for _, _, severity, _, _ in seed_issues)


@pytest.mark.parametrize(
    ("rule_id", "fragment"),
    [
        ("sources_agree", "6,900"),
        ("growth_rate_matches_values", "5,000 for 2016"),
        ("indicator_within_plausible_range", "2,500,000"),
        ("part_not_above_whole", "exceeds its whole"),
        ("fx_rate_near_reference", "implies 5 CNY per USD"),
    ],
)
def test_crafted_document_breaks_each_warn_rule(runs, rule_id, fragment):
    messages = _messages(runs["first_issues"], rule_id)
    assert any(fragment in m for m in messages), messages


def test_source_errors_publish_with_their_figures_quarantined(runs):
    result, warehouse = runs["second"], runs["warehouse"]
    assert result.success
    assert not [e for e in result.all_events if e.is_step_failure]
    assert warehouse.published_database.read_bytes() != runs["published_after_first"]
    assert read_build_state(warehouse.build_database)["quality_error_rules"] == {}
    issues = _issues(warehouse.published_database)
    (message,) = _messages(issues, "fx_rate_order_of_magnitude")
    assert "53.96 million yuan" in message and "a scale word or a currency is wrong" in message and "quarantined" in message
    assert any("5,000 and 3,000" in m for m in _messages(issues, "low_not_above_high", SOURCE_ERROR_ID))
    assert any("'-3'" in m for m in _messages(issues, "count_not_negative", SOURCE_ERROR_ID))
    assert all(severity in ("warn", "info") for _, _, severity, _, _ in issues)
    with duckdb.connect(str(warehouse.published_database), read_only=True) as connection:
        figures = connection.execute(
            "select surface_text, is_quarantined, split_part(quarantine_reason, ':', 1) from marts.fct_figure "
            "where document_id = ? order by start_char",
            [SOURCE_ERROR_ID],
        ).fetchall()
        quarantined_elsewhere = connection.execute(
            "select count(*) from marts.fct_figure where is_quarantined and document_id <> ?", [SOURCE_ERROR_ID]
        ).fetchone()[0]
    assert figures == [
        ("53.96 million yuan", True, "impossible_stated_conversion"),
        ("$7.83 billion", True, "impossible_stated_conversion"),
        ("5,000 and 3,000", True, "reversed_range"),
        ("-3", True, "negative_count"),
    ]
    assert quarantined_elsewhere == 0


def test_a_validation_in_small_chunks_with_an_issue_sink_finds_what_one_chunk_finds(runs, monkeypatch):
    """Frames are validated a chunk of rows at a time, and the pipeline sends each chunk's issues
    to a sink, keeping a sample: three-row chunks must find the same rows, counts and verdicts as
    whole frames, and the sink must receive every issue."""
    database = runs["warehouse"].build_database

    def outcomes(issue_sink=None):
        checked = validate.validate_database(database, validated_at="2026-01-01T00:00:00+00:00", issue_sink=issue_sink)
        issues = validate.all_issues(checked).sort_values("issue_id").reset_index(drop=True)
        return [(o.rule.id, o.n_checked, o.n_failed, o.success, o.error) for o in checked], issues

    whole, whole_issues = outcomes()
    whole_chunks = validate.frame_chunks
    pieces = []

    def three_row_chunks(*args, **kwargs):
        for chunk in whole_chunks(*args, **kwargs):
            starts = range(0, len(chunk), 3) if len(chunk) else [0]
            pieces.extend(starts)
            yield from (chunk.iloc[start : start + 3].reset_index(drop=True) for start in starts)

    monkeypatch.setattr(validate, "frame_chunks", three_row_chunks)
    monkeypatch.setattr(validate, "MAX_SAMPLED_ISSUES", 2)
    sunk = []
    chunked, sampled_issues = outcomes(sunk.append)
    assert chunked == whole
    assert len(pieces) > 3 * len(whole)  # most frames came in several chunks
    assert any(n_failed > 2 for _, _, n_failed, _, _ in whole)  # the crafted documents fail rules
    all_sunk = pd.concat(sunk, ignore_index=True).sort_values("issue_id").reset_index(drop=True)
    pd.testing.assert_frame_equal(all_sunk, whole_issues)
    # the outcomes kept at most two issues a rule, the first ones found
    assert sampled_issues.groupby("rule_id").size().max() == 2
    assert set(sampled_issues["issue_id"]) <= set(whole_issues["issue_id"])


def test_frame_chunks_cover_the_query_in_order_and_an_empty_query_gives_its_columns():
    connection = duckdb.connect()
    sql = "select range as n, range::varchar as label from range(5000)"
    chunks = list(validate.frame_chunks(connection, sql, vectors=1))
    assert [len(chunk) for chunk in chunks] == [2048, 2048, 904]
    assert all(chunk.index[0] == 0 for chunk in chunks)
    pd.testing.assert_frame_equal(pd.concat(chunks, ignore_index=True), connection.execute(sql).df())
    (empty,) = validate.frame_chunks(connection, "select 1 as n, 'a' as label where false")
    assert list(empty.columns) == ["n", "label"] and len(empty) == 0
