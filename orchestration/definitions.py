"""The code location: every asset, check and resource of the pipeline, in flow order."""

from __future__ import annotations

import dagster as dg

from orchestration.defs.extraction.assets import mentions
from orchestration.defs.ingestion.assets import ingested_documents
from orchestration.defs.ingestion.checks import no_quarantined_documents, sentence_offsets_slice_clean_text
from orchestration.defs.publishing.assets import published_warehouse
from orchestration.defs.transformation.assets import dbt_models
from orchestration.resources import dbt_resource, warehouse_resource

refresh_everything = dg.define_asset_job(
    "refresh_warehouse",
    selection=dg.AssetSelection.all(),
    description="Ingest every document, rebuild and validate the dbt models, publish the warehouse.",
)

defs = dg.Definitions(
    assets=[ingested_documents, mentions, dbt_models, published_warehouse],
    asset_checks=[no_quarantined_documents, sentence_offsets_slice_clean_text],
    jobs=[refresh_everything],
    resources={"warehouse": warehouse_resource(), "dbt": dbt_resource()},
    # One writer for the DuckDB build file: steps run one after the other in one process.
    executor=dg.in_process_executor,
)
