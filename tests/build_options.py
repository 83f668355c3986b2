"""Settings the tests' refreshes share."""

# dbt's data tests left out of a refresh (DBT_EXCLUDE_RESOURCE_TYPES, dbt's own variable, which
# the dbt step carries into its command line). Only for tests whose claim is about delivering,
# queueing, batching or publishing documents, not about what the data tests check: their
# documents are a few sentences like those of documents_build (tests/orchestration/conftest.py)
# and seed_build (tests/conftest.py), whose builds run every data test. The data tests are about
# three quarters of dbt's work in a refresh of a few documents (278 tests against 24 models).
WITHOUT_DBT_DATA_TESTS = {"DBT_EXCLUDE_RESOURCE_TYPES": "test"}


def refresh_in_process(sources, warehouse_dir, environment=None, raise_on_error=True):
    """refresh_warehouse run in the test process over folders of its own, on an ephemeral
    instance: the Dagster result and the instance holding its logs. `environment` is set for the
    run only (WAREHOUSE_DIR always: dbt's profile reads it)."""
    import dagster as dg
    import pytest

    from orchestration.definitions import defs
    from orchestration.resources import WarehouseResource

    instance = dg.DagsterInstance.ephemeral()
    warehouse = WarehouseResource(sources_dir=str(sources), warehouse_dir=str(warehouse_dir))
    with pytest.MonkeyPatch.context() as patch:
        for name, value in {"WAREHOUSE_DIR": str(warehouse_dir), **(environment or {})}.items():
            patch.setenv(name, value)
        result = defs.get_job_def("refresh_warehouse").execute_in_process(
            instance=instance, resources={"warehouse": warehouse}, raise_on_error=raise_on_error
        )
    return result, instance
