"""The code location: every asset, check and resource of the pipeline, in flow order."""

from __future__ import annotations

import dagster as dg

from orchestration.defs.extraction.assets import mentions
from orchestration.defs.ingestion.assets import ingested_documents
from orchestration.defs.ingestion.checks import (
    no_quarantined_documents,
    sentence_offsets_slice_clean_text,
)
from orchestration.defs.operations.jobs import refresh_warehouse
from orchestration.defs.operations.ownership import owned
from orchestration.defs.operations.schedules import nightly_refresh
from orchestration.defs.operations.sensors import new_documents_sensor
from orchestration.defs.publishing.assets import published_warehouse
from orchestration.defs.reference.assets import fx_reference_rates, reference_places
from orchestration.defs.sharding.assets import document_shards, fill_document_shards
from orchestration.defs.transformation.assets import dbt_models
from orchestration.defs.validation.assets import fct_quality_issue
from orchestration.resources import dbt_resource, shard_store_resource, warehouse_resource

defs = dg.Definitions(
    assets=dg.map_asset_specs(
        owned,
        [
            ingested_documents, mentions, fx_reference_rates, reference_places, dbt_models, fct_quality_issue,
            published_warehouse, document_shards,
        ],
    ),
    asset_checks=[no_quarantined_documents, sentence_offsets_slice_clean_text],
    jobs=[refresh_warehouse, fill_document_shards],
    schedules=[nightly_refresh],
    sensors=[new_documents_sensor],
    resources={"warehouse": warehouse_resource(), "dbt": dbt_resource(), "shard_store": shard_store_resource()},
    # One writer for the DuckDB build file: steps run one after the other in one process.
    executor=dg.in_process_executor,
)
