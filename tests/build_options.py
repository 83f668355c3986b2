"""Settings the tests' refreshes share."""

# dbt's data tests left out of a refresh (DBT_EXCLUDE_RESOURCE_TYPES, dbt's own variable, which
# the dbt step carries into its command line). Only for tests whose claim is about delivering,
# queueing, batching or publishing documents, not about what the data tests check: their
# documents are a few sentences like those of documents_build (tests/orchestration/conftest.py)
# and seed_build (tests/conftest.py), whose builds run every data test. The data tests are about
# three quarters of dbt's work in a refresh of a few documents (278 tests against 24 models).
WITHOUT_DBT_DATA_TESTS = {"DBT_EXCLUDE_RESOURCE_TYPES": "test"}
