"""End to end: load the Definitions and materialise the whole graph in-process on the seeds."""

from __future__ import annotations

import importlib
import warnings

import dagster as dg
import duckdb
import pytest

from orchestration.definitions import defs
from orchestration.defs.transformation.assets import dbt_models

SEED_DOCUMENT_IDS = {
    "2015-06-30_sci-tech-newsletter-no6",
    "2017-05-23_manufacturing-stride-mass-innovation",
    "2017-09_mass-innovation-week-shanghai",
    "2018-12-05_torch-report-latest-progress-embassy",
    "2018_torch-report-pujiang-forum-brochure",
}


@pytest.fixture(scope="module")
def pipeline_run(seed_build):
    """The session's cold seed build (tests/conftest.py), whatever ran before this module."""
    return seed_build.result, seed_build.published


def test_definitions_load_with_every_stage():
    keys = {key.to_user_string() for key in defs.resolve_asset_graph().get_all_asset_keys()}
    assert {"documents", "sentences", "mentions", "staging/stg_documents", "staging/stg_sentences", "staging/stg_mentions", "published_warehouse"} <= keys


def test_whole_graph_materialises_and_publishes(pipeline_run):
    result, published = pipeline_run
    assert result.success
    assert published.exists()


def test_published_warehouse_holds_the_five_seed_documents(pipeline_run):
    _, published = pipeline_run
    with duckdb.connect(str(published), read_only=True) as connection:
        rows = connection.execute("select document_id, status, error from staging.stg_documents").fetchall()
        sentences = connection.execute(
            "select document_id, count(*) from staging.stg_sentences group by 1"
        ).fetchall()
    assert {(doc, status, error) for doc, status, error in rows} == {(doc, "ok", None) for doc in SEED_DOCUMENT_IDS}
    per_document = dict(sentences)
    assert set(per_document) == SEED_DOCUMENT_IDS
    assert all(count >= 10 for count in per_document.values()), per_document


def test_every_sentence_slices_the_stored_clean_text(pipeline_run):
    _, published = pipeline_run
    with duckdb.connect(str(published), read_only=True) as connection:
        texts = dict(connection.execute("select document_id, clean_text from staging.stg_documents").fetchall())
        sentences = connection.execute(
            "select document_id, start_char, end_char, sentence_text from staging.stg_sentences"
        ).fetchall()
    assert sentences
    for document_id, start, end, text in sentences:
        assert texts[document_id][start:end] == text


def test_dbt_tests_ran_as_asset_checks(pipeline_run):
    result, _ = pipeline_run
    evaluations = result.get_asset_check_evaluations()
    names = {evaluation.check_name for evaluation in evaluations}
    assert "column_checks_stg_documents" in names  # not_null, unique and accepted_values of stg_documents
    assert "sentence_offsets_slice_clean_text" in names
    failed_errors = [
        e.check_name for e in evaluations if not e.passed and e.severity == dg.AssetCheckSeverity.ERROR
    ]
    assert failed_errors == []  # warnings (the seeds have some) publish; errors would not


def test_mentions_are_stored_with_offsets_that_quote_the_clean_text(pipeline_run):
    _, published = pipeline_run
    with duckdb.connect(str(published), read_only=True) as connection:
        texts = dict(connection.execute("select document_id, clean_text from staging.stg_documents").fetchall())
        mentions = connection.execute(
            "select document_id, start_char, end_char, surface_text, extracted_unit, extracted_value from staging.stg_mentions"
        ).fetchall()
    assert len({document_id for document_id, *_ in mentions}) == 5
    for document_id, start, end, surface, _, _ in mentions:
        assert texts[document_id][start:end] == surface
    found = {(surface, unit, value) for _, _, _, surface, unit, value in mentions}
    assert ("3.15 billion\nyuan", "CNY", 3_150_000_000.0) in found or ("3.15 billion yuan", "CNY", 3_150_000_000.0) in found
    assert ("53.96 billion yuan", "CNY", 53_960_000_000.0) in found


def test_every_dbt_table_reports_its_row_count_and_typed_documented_columns(pipeline_run):
    result, published = pipeline_run
    metadata = {event.asset_key.to_user_string(): event.metadata for event in result.asset_materializations_for_node("dbt_models")}
    models = [key for key in metadata if key.split("/")[0] in {"staging", "intermediate", "marts", "ops"}]
    every_model = {key.to_user_string() for key in dbt_models.keys if key.path[0] in {"staging", "intermediate", "marts", "ops"}}
    assert set(models) == every_model and len(models) >= 20
    assert [key for key in models if not {"dagster/row_count", "dagster/column_schema"} <= set(metadata[key])] == []

    with duckdb.connect(str(published), read_only=True) as connection:
        figures = connection.execute("select count(*) from marts.fct_figure").fetchone()[0]
        types = connection.execute(
            "select column_name, data_type from information_schema.columns "
            "where table_schema = 'marts' and table_name = 'fct_figure' order by ordinal_position"
        ).fetchall()
    assert metadata["marts/fct_figure"]["dagster/row_count"].value == figures > 0
    columns = metadata["marts/fct_figure"]["dagster/column_schema"].schema.columns
    assert [(column.name, column.type) for column in columns] == types
    described = {column.name: column.description for column in columns}
    assert described["figure_id"] and described["value_point"]  # from fct_figure.yml


def test_the_code_location_loads_without_preview_or_beta_warnings():
    """`make run` and `dagster dev` print what loading the definitions warns of: an API Dagster
    may change in a patch release would be named there at every run."""
    import orchestration.definitions

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        importlib.reload(orchestration.definitions)
    unstable = (dg.PreviewWarning, dg.BetaWarning, dg.SupersessionWarning)
    assert [str(w.message) for w in caught if issubclass(w.category, unstable)] == []


def test_assets_have_owners_tags_blocking_error_checks_and_a_freshness_policy():
    graph = defs.resolve_asset_graph()
    materialisable = [graph.get(key) for key in graph.get_all_asset_keys() if graph.get(key).is_materializable]
    assert [node.key for node in materialisable if "team:data-engineering" not in node.owners] == []
    assert [node.key for node in materialisable if node.tags.get("stage") != node.group_name] == []

    quality = {spec.name: spec.blocking for spec in defs.resolve_assets_def("fct_quality_issue").check_specs}
    assert quality["quote_matches_surface_text"] and quality["no_leftover_scale"]  # error level
    assert not quality["sources_agree"] and not quality["figure_classified"] and not quality["money_has_iso_currency"]  # warn level
    dbt_checks = list(defs.resolve_assets_def(dg.AssetKey(["marts", "fct_figure"])).check_specs)
    assert any(spec.blocking for spec in dbt_checks)  # dbt tests at error severity

    freshness = graph.get(dg.AssetKey("published_warehouse")).freshness_policy
    assert (freshness.warn_window.to_timedelta().total_seconds(), freshness.fail_window.to_timedelta().total_seconds()) == (26 * 3600, 50 * 3600)
