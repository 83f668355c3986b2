"""Transformation: the dbt project, one Dagster asset per model, dbt tests as asset checks.

`dbt build` runs models and tests together; a failing error-level test fails the step, so
nothing downstream (publishing) runs on an invalid build.
"""

import os
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import dagster as dg
from dagster_dbt import (
    DagsterDbtTranslator,
    DagsterDbtTranslatorSettings,
    DbtCliResource,
    dbt_assets,
)

from orchestration.defs.transformation.batches import (
    batch_count,
    documents_prebuilt,
    prebuild_in_batches,
)
from orchestration.defs.transformation.unit_tests import (
    record_unit_tests,
    unit_tests_key,
    unit_tests_passed,
)
from orchestration.incremental import content_key, tree_fingerprint
from orchestration.preload import import_in_background
from orchestration.refresh_log import ensure_refresh_log
from orchestration.resources import WarehouseResource, dbt_project, prepare_dbt_manifest
from orchestration.settings import DBT_PROJECT_DIR, dbt_target_dir
from orchestration.source_watch import record_published_sources
from orchestration.table_metadata import with_table_metadata
from orchestration.warehouse import (
    connect,
    now_utc,
    read_build_state,
    record_build_state,
    table_exists,
)

# What the models are built from; a change to any of them calls for a full rebuild.
DBT_PROJECT_INPUTS = ("dbt_project.yml", "models", "macros", "seeds")
# Unit tests test the SQL, not the data: an incremental build runs the project of the last green
# full build, and a full build skips them once they passed for this project on this machine
# (unit_tests.py); they cost a third of dbt's time on a one-document refresh and more than half
# on a small full build. Data tests always run, unless DBT_EXCLUDE_RESOURCE_TYPES (below) leaves
# them out. Seeds and views are re-created by full builds only (below).
UNIT_TEST_EXCLUSIONS = ("--exclude-resource-type", "unit_test")
# dbt's own variable for resource types a build leaves out. dbt reads it only when the command
# line names none, so the unit-test exclusion above must carry it along.
EXCLUDED_RESOURCE_TYPES = "DBT_EXCLUDE_RESOURCE_TYPES"
# An incremental build's data tests over raw rows (the offset checks, macro documents_under_test)
# check the queued documents only: every other document's raw rows are those the last green
# build tested. At 10,000 documents they took 61 of a one-document refresh's 92 test seconds.
CHANGED_DOCUMENTS_TESTED = "DBT_TEST_CHANGED_DOCUMENTS"
# An incremental build leaves out the nodes it would only re-create as they are: seeds (their
# files) and views (their SQL) are dbt project inputs, and a change to those makes the build a
# full one. Their data tests still run ("empty" indirect selection keeps a test whose model is
# left out). On a refresh of a few documents they were 5.3 of dbt's 13.1 node seconds.
MATERIALIZATION_TYPE = "dagster-dbt/materialization_type"  # on each dbt asset's spec
TABLE_NAME = "dagster/table_name"  # database.schema.name, on each dbt asset's spec
UNCHANGED_NODES_LEFT_OUT = ("--exclude", "resource_type:seed config.materialized:view", "--indirect-selection", "empty")

prepare_dbt_manifest()


class StageTranslator(DagsterDbtTranslator):
    """Asset key = model name; group = the model's folder (staging, intermediate, marts)."""

    def get_group_name(self, dbt_resource_props: Mapping[str, Any]) -> str | None:
        if dbt_resource_props["resource_type"] == "model":
            return dbt_resource_props["fqn"][1]
        return "reference" if dbt_resource_props["resource_type"] == "seed" else None


@dbt_assets(
    manifest=dbt_project.manifest_path,
    dagster_dbt_translator=StageTranslator(
        settings=DagsterDbtTranslatorSettings(enable_asset_checks=True)
    ),
)
def dbt_models(context: dg.AssetExecutionContext, dbt: DbtCliResource, warehouse: WarehouseResource):
    ensure_refresh_log(warehouse.warehouse_dir)  # read by the ops.refresh_status view
    started_at = now_utc()
    state = read_build_state(warehouse.build_database)
    project = tree_fingerprint(DBT_PROJECT_DIR, DBT_PROJECT_INPUTS)
    inputs_key = transformation_inputs_key(state, project)
    # Per-document models rebuild only pending documents, unless what they are built with
    # (models, macros, seeds, reference rates) changed since the last green build.
    full_refresh = state.get("dbt_inputs_key") != inputs_key
    if not context.is_subset and _build_is_current(state, inputs_key, warehouse):
        # Nothing to rebuild: no model, no test, and so nothing downstream, runs again.
        context.log.info("no change since the last published build: dbt not run")
        # the published file already holds what ingestion just read: that state is delivered
        record_published_sources(Path(warehouse.warehouse_dir), state.get("published_at"))
        return
    context.log.info("full rebuild: the dbt project or reference data changed" if full_refresh else "incremental build")
    import_in_background()  # validation's and publishing's libraries, while dbt runs
    # A full build of a large corpus builds the per-document models in bounded batches first.
    batches = batch_count(_document_count(warehouse.build_database)) if full_refresh else 1
    if batches > 1:
        prebuild_in_batches(dbt_target_path(warehouse), batches, context.log.info)
        arguments = []  # the per-document tables hold every document; the rest builds as usual
    else:
        arguments = ["--full-refresh"] if full_refresh else []
    unit_tests = unit_tests_key(project)
    run_unit_tests = full_refresh and not unit_tests_passed(unit_tests)
    if full_refresh and not run_unit_tests:
        context.log.info("dbt unit tests not run: they passed for this dbt project already")
    if not run_unit_tests:
        arguments += [*UNIT_TEST_EXCLUSIONS, *excluded_by_environment()]
    # seeds and views stay as they are while every one is in the build file (one dropped by hand is made again)
    leave_unchanged_out = not full_refresh and not context.is_subset and _unchanged_nodes_stored(context, warehouse)
    if leave_unchanged_out:
        arguments += UNCHANGED_NODES_LEFT_OUT
        yield from _unchanged_outputs(context)
    with documents_prebuilt(batches > 1), changed_documents_tested(not full_refresh):
        invocation = dbt.cli(["build", *arguments], context=context, target_path=dbt_target_path(warehouse))
    # row counts and column types on each model, read once dbt has closed the build
    yield from with_table_metadata(invocation.stream(), warehouse.build_database, invocation.manifest)
    run_results = invocation.get_artifact("run_results.json")
    if run_unit_tests:
        record_unit_tests(unit_tests, run_results, invocation.manifest)
    # Publishing trusts only a full, green build: record what this build covered.
    record_build_state(
        warehouse.build_database,
        validated_at=now_utc(),
        validated_full_build=not context.is_subset,
        validation_statuses=_status_counts(run_results),
    )
    if not context.is_subset:  # every model caught up with the queue (validation empties it)
        record_build_state(
            warehouse.build_database,
            dbt_inputs_key=inputs_key,
            dbt_started_at=started_at,
            dbt_build_mode="full" if full_refresh else "incremental",
            **({"validation_full_due": True} if full_refresh else {}),
        )


def _unchanged_node_specs(context: dg.AssetExecutionContext) -> list[dg.AssetSpec]:
    return [spec for spec in context.assets_def.specs if spec.metadata.get(MATERIALIZATION_TYPE) in ("seed", "view")]


def _unchanged_nodes_stored(context: dg.AssetExecutionContext, warehouse: WarehouseResource) -> bool:
    """Whether every seed and view is in the build database (schema.name of each)."""
    wanted = {tuple(str(spec.metadata[TABLE_NAME]).split(".")[-2:]) for spec in _unchanged_node_specs(context)}
    with connect(warehouse.build_database, read_only=True) as connection:
        stored = set(connection.execute("select table_schema, table_name from information_schema.tables").fetchall())
    return wanted <= stored


def _unchanged_outputs(context: dg.AssetExecutionContext) -> Iterator[dg.Output]:
    """The seeds and views an incremental build leaves out, as they stand: current, since only a
    full build changes them. (The steps after dbt, validation and publishing, wait for every dbt
    asset, and Dagster wants a multi-asset's outputs in dependency order: these come first.)"""
    for spec in _unchanged_node_specs(context):
        yield dg.Output(
            None, output_name=context.assets_def.get_output_name_for_asset_key(spec.key),
            metadata={"rebuilt": False, "unchanged since": "the last full build of this dbt project"},
        )  # fmt: skip


def excluded_by_environment() -> list[str]:
    """DBT_EXCLUDE_RESOURCE_TYPES as command-line exclusions (unit_test is added by the caller)."""
    types = os.environ.get(EXCLUDED_RESOURCE_TYPES, "").replace(",", " ").split()
    return [argument for kind in types if kind != "unit_test" for argument in ("--exclude-resource-type", kind)]


@contextmanager
def changed_documents_tested(active: bool) -> Iterator[None]:
    """While active, a dbt process started here tests the raw rows of queued documents only."""
    if not active:
        yield
        return
    os.environ[CHANGED_DOCUMENTS_TESTED] = "1"
    try:
        yield
    finally:
        os.environ.pop(CHANGED_DOCUMENTS_TESTED, None)


def _build_is_current(state: Mapping[str, Any], inputs_key: str, warehouse: WarehouseResource) -> bool:
    """Whether the last full dbt build, validated and published, already holds everything:
    the dbt project and reference rates are unchanged, no raw data was loaded since, and no
    document waits to be rebuilt."""
    if state.get("dbt_inputs_key") != inputs_key or not state.get("validated_full_build"):
        return False
    validated_at = state.get("validated_at", "")
    if state.get("raw_loaded_at", "") > validated_at or any(
        status in ("error", "fail", "runtime error") for status in state.get("validation_statuses", {})
    ):
        return False
    if not validated_at <= state.get("quality_validated_at", "") <= state.get("published_at", ""):
        return False
    if not warehouse.published_database.exists():
        return False
    with connect(warehouse.build_database, read_only=True) as connection:
        if not table_exists(connection, "raw", "pending_documents"):
            return False
        (pending,) = connection.execute("select count(*) from raw.pending_documents").fetchone()
    return pending == 0


def _document_count(build_database: Path) -> int:
    with connect(build_database, read_only=True) as connection:
        if not table_exists(connection, "raw", "documents"):
            return 0
        return connection.execute("select count(*) from raw.documents").fetchone()[0]


def dbt_target_path(warehouse: WarehouseResource) -> Path:
    """dbt's artifacts and log for this warehouse: one folder beside the build database, reused
    by every build. dbt keeps its parse there (partial_parse.msgpack) and reuses it while the
    project is unchanged; dbt reparses everything when the profile's database path differs from
    the one the parse was made with, so a parse per warehouse folder is the one that stays valid.
    (dagster-dbt's default, a new dbt_project/target/dbt_models-<run> folder per run, piled up.)"""
    return dbt_target_dir(Path(warehouse.warehouse_dir))


def transformation_inputs_key(build_state: Mapping[str, Any], project: str | None = None) -> str:
    """Changes when a dbt project file or the reference FX rates or places (per the build state) change."""
    project = project or tree_fingerprint(DBT_PROJECT_DIR, DBT_PROJECT_INPUTS)
    return content_key(project, str(build_state.get("fx_rates_key")), str(build_state.get("places_key")))


def _status_counts(run_results: Mapping[str, Any]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for result in run_results.get("results", []):
        counts[str(result["status"])] = counts.get(str(result["status"]), 0) + 1
    return counts
