"""Extraction: every quantity in every ingested document, with offsets into its clean text.

The `figures.quantities` library finds the quantities and `figures.context` reads the period
and status of each from the words around it; this module ties each one to its sentence and
stores them as raw.mentions, one row per quantity.
"""

from collections.abc import Iterator

import dagster as dg
import pandas as pd

from orchestration.incremental import (
    batched,
    code_fingerprint,
    content_key,
    parallel_map,
    tree_fingerprint,
)
from orchestration.resources import WarehouseResource
from orchestration.shard_store import find_stored, shard_key, take_stored_rows
from orchestration.warehouse import (
    connect,
    delete_document_rows,
    ensure_raw_table,
    note_pending_documents,
    now_utc,
    record_build_state,
    replace_document_rows,
    stored_keys,
)

GROUP = "extraction"
# Library code whose changes alter extraction output: the whole figures package, models and
# their weights included. (A list of modules went stale as modules were added: chinese_owners.py,
# cue_index.py, spans.py and the Chinese period model were missing from it, so a changed model
# left the figures of unchanged documents as the old code read them.)
EXTRACTION_CODE = (".",)
# Documents written to the database per batch: bounds memory on large corpora.
BATCH_SIZE = 500
EXTRACTION_LOG_COLUMNS = {"document_id": "varchar", "extraction_key": "varchar", "n_mentions": "integer"}


@dg.multi_asset(
    specs=[
        dg.AssetSpec(
            "mentions",
            group_name=GROUP,
            kinds={"python", "duckdb"},
            deps=["documents", "sentences"],
            description="Every quantity found in the clean text of every ingested document: surface "
            "text, character offsets, parsed value and bounds, scale, unit, counted noun, rate basis, "
            "qualifier and hints, and the period and status read from the text around it. One row "
            "per quantity mention.",
        ),
        dg.AssetSpec(
            "pending_documents",
            group_name=GROUP,
            kinds={"duckdb"},
            deps=["documents"],
            description="Documents whose per-document dbt models must be rebuilt: (re)extracted, "
            "removed or quarantined since the last green dbt build, which empties it. One row per "
            "document.",
        ),
    ],
)
def mentions(context: dg.AssetExecutionContext, warehouse: WarehouseResource):
    # the figures library (its regular expressions compiled on import) only in a run that extracts
    from figures.quantities import EXTRACTOR_VERSION
    from orchestration.defs.extraction.rows import (
        MENTION_COLUMNS,
        MENTION_TABLE_COLUMNS,
        _extract,
        warm_up_extraction,
    )

    # load: which documents changed since their figures were last extracted
    code = extraction_code()
    with connect(warehouse.build_database, read_only=True) as connection:
        current = dict(
            connection.execute("select document_id, content_key from raw.documents where status = 'ok'").fetchall()
        )
    wanted = {document_id: content_key(key, code) for document_id, key in current.items()}
    with connect(warehouse.build_database) as connection:
        layout_changed = ensure_raw_table(connection, "mentions", MENTION_TABLE_COLUMNS)
        if ensure_raw_table(connection, "extraction_log", EXTRACTION_LOG_COLUMNS) or layout_changed:
            connection.execute("delete from raw.extraction_log")  # stored mentions are gone: redo all
    stored = stored_keys(warehouse.build_database, "extraction_log", "extraction_key")
    pending = sorted(document_id for document_id, key in wanted.items() if stored.get(document_id) != key)
    dropped = sorted(set(stored) - set(wanted))  # removed or now quarantined

    # process and save a batch of documents per transaction: a crash leaves each document either
    # as it was or with its new rows, extraction key and queue entry together (the next run
    # redoes the rest), and DuckDB holds one batch of uncommitted rows, not the whole corpus's
    # (one transaction over 10,000 documents grew the process by gigabytes)
    if pending or dropped:
        record_build_state(warehouse.build_database, raw_loaded_at=now_utc())
    with connect(warehouse.build_database) as connection:
        connection.execute("begin transaction")
        for table in ("mentions", "extraction_log"):
            delete_document_rows(connection, table, dropped)
        note_pending_documents(connection, dropped)
        connection.execute("commit")
        # documents whose rows the partitions of document_shards computed already: taken as stored
        taken = _take_stored_mentions(connection, warehouse, {document_id: wanted[document_id] for document_id in pending}, context.log)
        jobs = _extraction_jobs(connection, [document_id for document_id in pending if document_id not in taken])
        for batch in batched(parallel_map(_extract, jobs, warm_up=warm_up_extraction), BATCH_SIZE):
            ids = [document_id for document_id, _ in batch]
            frame = pd.DataFrame([row for _, rows in batch for row in rows], columns=MENTION_COLUMNS)
            log = pd.DataFrame(
                [(document_id, wanted[document_id], len(rows)) for document_id, rows in batch],
                columns=list(EXTRACTION_LOG_COLUMNS),
            )
            connection.execute("begin transaction")
            replace_document_rows(connection, "mentions", ids, frame)
            replace_document_rows(connection, "extraction_log", ids, log)
            note_pending_documents(connection, ids)
            connection.execute("commit")
        summary = connection.execute(
            "select count(*), count(distinct document_id) from raw.mentions"
        ).fetchone()
        (n_pending,) = connection.execute("select count(*) from raw.pending_documents").fetchone()
        by_unit_class = dict(connection.execute("select unit_class, count(*) from raw.mentions group by 1 order by 1").fetchall())
        by_status = dict(connection.execute("select status, count(*) from raw.mentions group by 1 order by 1").fetchall())
    if pending or dropped:
        record_build_state(warehouse.build_database, raw_loaded_at=now_utc())
    context.log.info(
        f"extracted {len(pending)} documents ({len(taken)} of them from the shard store), "
        f"{len(wanted) - len(pending)} unchanged, {len(dropped)} dropped"
    )
    yield dg.MaterializeResult(
        asset_key="mentions",
        metadata={
            "dagster/row_count": summary[0],
            "documents_with_mentions": summary[1],
            "extracted_this_run": len(pending),
            "computed_this_run": len(pending) - len(taken),
            "taken_from_shard_store": len(taken),
            "unchanged": len(wanted) - len(pending),
            "extractor_version": EXTRACTOR_VERSION,
            "by_unit_class": dg.MetadataValue.json(by_unit_class),
            "by_status": dg.MetadataValue.json(by_status),
        },
    )
    yield dg.MaterializeResult(asset_key="pending_documents", metadata={"dagster/row_count": n_pending})


def extraction_code() -> str:
    """Fingerprint of what a document's figures depend on besides the document: the library code
    and the seeds extraction reads (the indicator catalog, the Chinese cues, the synonyms, the
    entities, whose company aliases give organisations their ids in figures.owners)."""
    from figures.indicators import CHINESE_CUES, DEFAULT_CATALOG, SYNONYMS
    from figures.owners import ENTITY_SEED

    seeds = [DEFAULT_CATALOG.name, CHINESE_CUES, SYNONYMS, ENTITY_SEED.name]
    return code_fingerprint(*EXTRACTION_CODE) + tree_fingerprint(DEFAULT_CATALOG.parent, seeds)


def _take_stored_mentions(connection, warehouse: WarehouseResource, wanted: dict[str, str], log) -> set[str]:
    """Store the mentions of the wanted documents (id -> extraction key) that the shard store
    holds, with their extraction log and queue entries; returns the ids taken."""
    from orchestration.defs.extraction.rows import MENTION_TABLE_COLUMNS

    if not wanted:
        return set()
    stored = find_stored(warehouse.shard_store_dir, {document_id: shard_key(key) for document_id, key in wanted.items()}, log.warning)

    def log_extraction(connection, ids: list[str]) -> None:
        rows = [(document_id, wanted[document_id], stored[document_id].rows["mentions"]) for document_id in ids]
        replace_document_rows(connection, "extraction_log", ids, pd.DataFrame(rows, columns=list(EXTRACTION_LOG_COLUMNS)))
        note_pending_documents(connection, ids)

    return take_stored_rows(connection, stored, {"mentions": MENTION_TABLE_COLUMNS}, log_extraction, log.warning)


def _extraction_jobs(
    connection, document_ids: list[str]
) -> Iterator[tuple[str, str, list[tuple[int, int, int]], str | None, str | None]]:
    """(document id, clean text, sentence spans, published_on, title) for each document to extract,
    read BATCH_SIZE documents at a time as the workers take them (never the whole corpus's text)."""
    for start in range(0, len(document_ids), BATCH_SIZE):
        wanted = [document_ids[start : start + BATCH_SIZE]]
        documents = connection.execute(
            "select document_id, clean_text, published_on, title from raw.documents "
            "where document_id in (select unnest(?::varchar[])) order by document_id",
            wanted,
        ).fetchall()
        sentence_rows = connection.execute(
            "select document_id, sentence_index, start_char, end_char from raw.sentences "
            "where document_id in (select unnest(?::varchar[])) order by document_id, start_char",
            wanted,
        ).fetchall()
        spans: dict[str, list[tuple[int, int, int]]] = {}
        for document_id, index, begin, end in sentence_rows:
            spans.setdefault(document_id, []).append((index, begin, end))
        for document_id, text, published_on, title in documents:
            yield document_id, text, spans.get(document_id, []), published_on, title
