"""The per-document stage by hash bucket: each partition of `document_shards` ingests, extracts
and reads the meaning of one bucket's documents and writes their rows to the shard store
(orchestration/shard_store.py), for the refresh to take instead of computing them.

A partition opens no build database and holds no lock: the partitions of a backfill are
independent runs (Dagster's default for a partitioned asset: a run per partition), which the instance's run launcher (Kubernetes, Celery, Docker) spreads over
machines that see sources/ and the store. A document whose rows the store already holds under
its key is not computed again, so a partition run twice, or after a few documents changed,
computes only what is new.
"""

import time
from pathlib import Path
from typing import TYPE_CHECKING

import dagster as dg
import pandas as pd

from orchestration.defs.extraction.assets import extraction_code
from orchestration.defs.ingestion.assets import (
    DOCUMENT_COLUMNS,
    SENTENCE_COLUMNS,
    document_key,
    documents_frame,
    sentences_frame,
)
from orchestration.incremental import batched, content_key, parallel_map
from orchestration.resources import ShardStoreResource
from orchestration.settings import document_buckets
from orchestration.shard_store import (
    SHARD_DOCUMENTS,
    bucket_folder,
    bucket_of,
    find_stored,
    shard_key,
    write_shard,
)

if TYPE_CHECKING:  # the figures library is imported by the step that computes rows, not on load
    from figures.ingest import DocumentRef, IngestedDocument

GROUP = "scale_out"


def bucket_partitions(bucket_count: int) -> dg.StaticPartitionsDefinition:
    """One partition per bucket, named by its number padded to the count's width (00 to 63)."""
    width = len(str(bucket_count - 1))
    return dg.StaticPartitionsDefinition([f"{bucket:0{width}d}" for bucket in range(bucket_count)])


def _document_rows(job: "tuple[DocumentRef, str, int]") -> "tuple[IngestedDocument, list[dict]]":
    """One document through the per-document stage: its ingested form and its mentions' rows,
    computed from the same values the refresh reads back from raw.documents and raw.sentences."""
    from figures.ingest import ingest_document
    from orchestration.defs.extraction.rows import document_mentions

    ref, sources_root, max_bytes = job
    document = ingest_document(ref, Path(sources_root), max_bytes)
    if document.status != "ok":
        return document, []
    spans = sorted(((s.index, s.start, s.end) for s in document.sentences), key=lambda span: span[1])
    rows = document_mentions(document.document_id, document.clean_text, spans, document.published_on, document.title)
    return document, rows


def fill_bucket(sources_root: Path, store: Path, bucket: int, bucket_count: int, log) -> dict[str, int]:
    """Compute and store the rows of the bucket's documents the store lacks; what it counted."""
    from figures.ingest import DEFAULT_MAX_BYTES, discover
    from orchestration.defs.extraction.rows import (
        MENTION_COLUMNS,
        MENTION_TABLE_COLUMNS,
        warm_up_extraction,
    )

    started = time.monotonic()
    # every partition lists the whole tree: a document's id can depend on the others' (two files
    # claiming one id), and the refresh takes stored rows only under the id it gives them itself
    refs = [ref for ref in discover(sources_root).refs if bucket_of(ref.source_path, bucket_count) == bucket]
    code = extraction_code()
    document_keys = {ref.document_id: document_key(sources_root, ref) for ref in refs}
    keys = {document_id: shard_key(content_key(key, code)) for document_id, key in document_keys.items()}
    folder = bucket_folder(store, bucket, bucket_count)
    stored = find_stored(folder, keys, log.warning)
    missing = [ref for ref in refs if ref.document_id not in stored]
    jobs = [(ref, str(sources_root), DEFAULT_MAX_BYTES) for ref in missing]
    shards = 0
    for batch in batched(parallel_map(_document_rows, jobs, warm_up=warm_up_extraction), SHARD_DOCUMENTS):
        documents = [document for document, _ in batch]
        mentions = pd.DataFrame([row for _, rows in batch for row in rows], columns=MENTION_COLUMNS)
        write_shard(
            folder,
            [(document.document_id, keys[document.document_id]) for document in documents],
            {
                "documents": (DOCUMENT_COLUMNS, documents_frame(documents, document_keys)),
                "sentences": (SENTENCE_COLUMNS, sentences_frame(documents)),
                "mentions": (MENTION_TABLE_COLUMNS, mentions),
            },
        )
        shards += 1
    log.info(
        f"bucket {bucket} of {bucket_count}: {len(refs)} documents, {len(missing)} computed into "
        f"{shards} shards, {len(refs) - len(missing)} already stored ({time.monotonic() - started:.1f} s)"
    )
    return {"documents": len(refs), "computed": len(missing), "already_stored": len(refs) - len(missing), "shards_written": shards}


def build_document_shards(bucket_count: int) -> dg.AssetsDefinition:
    """The partitioned asset for this many buckets (DOCUMENT_BUCKETS in the code location)."""

    @dg.asset(
        name="document_shards",
        partitions_def=bucket_partitions(bucket_count),
        group_name=GROUP,
        kinds={"python", "parquet"},
        description="The per-document stage (ingest, extract, read meaning) for one hash bucket "
        "of the documents under sources/, written as Parquet shards keyed by content key to the "
        "shard store (SHARD_STORE_DIR). The refresh takes a stored document's rows instead of "
        "computing them. One partition per bucket (DOCUMENT_BUCKETS).",
    )
    def document_shards(context: dg.AssetExecutionContext, shard_store: ShardStoreResource) -> dg.MaterializeResult:
        counts = fill_bucket(
            Path(shard_store.sources_dir), Path(shard_store.store_dir), int(context.partition_key), bucket_count, context.log
        )
        return dg.MaterializeResult(metadata=counts)

    return document_shards


document_shards = build_document_shards(document_buckets())

fill_document_shards = dg.define_asset_job(
    "fill_document_shards",
    selection=[document_shards],
    description="Compute the per-document rows of one bucket of documents into the shard store; "
    "backfill every partition to spread the whole corpus over the run launcher's machines.",
)
