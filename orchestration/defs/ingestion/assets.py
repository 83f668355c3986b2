"""Ingestion: documents under sources/ become clean text and sentences in the build database.

The work is done by the `figures` library; this module only loads its output into raw tables.
"""

import pandas as pd
import dagster as dg

from figures.ingest import IngestedDocument, ingest_sources
from orchestration.resources import WarehouseResource
from orchestration.warehouse import now_utc, record_build_state, replace_raw_table

GROUP = "ingestion"
SENTENCE_COLUMNS = ["sentence_id", "document_id", "sentence_index", "start_char", "end_char", "text"]

def sentence_id(document_id: str, start: int, end: int) -> str:
    """Stable and readable: the same document text always gives the same ids."""
    return f"{document_id}@{start}-{end}"


def documents_frame(documents: list[IngestedDocument]) -> pd.DataFrame:
    frame = pd.DataFrame([doc.to_record(include_clean_text=True) for doc in documents])
    # Nullable integers so a quarantined row without a tier does not turn the column to floats.
    for column in ("source_tier", "n_bytes", "n_chars", "n_sentences"):
        frame[column] = frame[column].astype("Int64")
    return frame


def sentences_frame(documents: list[IngestedDocument]) -> pd.DataFrame:
    rows = [
        {
            "sentence_id": sentence_id(record["document_id"], record["start"], record["end"]),
            "document_id": record["document_id"],
            "sentence_index": record["sentence_index"],
            "start_char": record["start"],
            "end_char": record["end"],
            "text": record["text"],
        }
        for doc in documents
        for record in doc.sentence_records()
    ]
    return pd.DataFrame(rows, columns=SENTENCE_COLUMNS)


def quarantine_table(documents: list[IngestedDocument]) -> str:
    lines = ["| document | error |", "|---|---|"]
    lines += [
        f"| {doc.source_path} | {doc.error} |" for doc in documents if doc.status != "ok"
    ]
    return "\n".join(lines)


@dg.multi_asset(
    specs=[
        dg.AssetSpec(
            "documents",
            group_name=GROUP,
            kinds={"python", "duckdb"},
            description="Every document under sources/ with its metadata, clean text, sha256 "
            "and status (ok or quarantined with the reason). One row per document.",
        ),
        dg.AssetSpec(
            "sentences",
            group_name=GROUP,
            kinds={"python", "duckdb"},
            description="Sentences of every ingested document with character offsets into "
            "its clean text. One row per document x sentence.",
        ),
    ],
)
def ingested_documents(context: dg.AssetExecutionContext, warehouse: WarehouseResource):
    # load
    documents = ingest_sources(warehouse.sources_root)
    # process
    documents_table = documents_frame(documents)
    sentences_table = sentences_frame(documents)
    quarantined = [doc for doc in documents if doc.status != "ok"]
    for doc in quarantined:
        context.log.warning(f"quarantined {doc.source_path}: {doc.error}")
    # save
    replace_raw_table(warehouse.build_database, "documents", documents_table)
    replace_raw_table(warehouse.build_database, "sentences", sentences_table)
    record_build_state(warehouse.build_database, raw_loaded_at=now_utc())
    yield dg.MaterializeResult(
        asset_key="documents",
        metadata={
            "dagster/row_count": len(documents_table),
            "documents_ok": len(documents) - len(quarantined),
            "documents_quarantined": len(quarantined),
            "quarantined": dg.MetadataValue.md(quarantine_table(documents)),
        },
    )
    yield dg.MaterializeResult(
        asset_key="sentences",
        metadata={"dagster/row_count": len(sentences_table)},
    )
