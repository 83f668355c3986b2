"""Extraction: every quantity in every ingested document, with offsets into its clean text.

The `figures.quantities` library finds the quantities and `figures.context` reads the period
and status of each from the words around it; this module ties each one to its sentence and
stores them as raw.mentions, one row per quantity.
"""

import bisect
from collections.abc import Iterator
from dataclasses import fields

import dagster as dg
import pandas as pd

from figures.context import MentionContext
from figures.indicators import (
    CHINESE_CUES,
    DEFAULT_CATALOG,
    SYNONYMS,
    choose_indicators,
    encode_choices,
    load_chooser,
    read_catalog,
    settle_measure_types,
)
from figures.meaning import read_meanings
from figures.owners import ENTITY_SEED, read_owners
from figures.period_type import read_period_types
from figures.periods import resolve_contexts
from figures.quantities import EXTRACTOR_VERSION, FIELD_NAMES, Quantity, extract
from figures.quantities.chinese import reads_as_chinese
from figures.sentences import Sentence
from orchestration.incremental import (
    batched,
    code_fingerprint,
    content_key,
    parallel_map,
    tree_fingerprint,
)
from orchestration.resources import WarehouseResource
from orchestration.shard_store import read_index, shard_key, take_stored_rows
from orchestration.warehouse import (
    connect,
    delete_document_rows,
    ensure_raw_table,
    note_pending_documents,
    now_utc,
    record_build_state,
    replace_document_rows,
    span_id,
    stored_keys,
)

GROUP = "extraction"
# Quantity fields stored as they are; `text` and the offsets are renamed, `equivalent_of`
# becomes a mention id so the link survives outside one extraction call.
RENAMED_FIELDS = {"text": "surface_text", "start": "start_char", "end": "end_char"}
COPIED_FIELDS = [name for name in FIELD_NAMES if name not in RENAMED_FIELDS and name != "equivalent_of"]
# Period and status of each figure, stored as they are (dates as ISO strings).
CONTEXT_FIELDS = [f.name for f in fields(MentionContext)]
# What each figure measures (figures.meaning); `rate_basis` is stored as meaning_rate_basis
# beside the extractor's own `per`.
MEANING_COLUMNS = {"concept": "concept", "measure_type": "measure_type", "measure_cue": "measure_cue",
                   "rate_basis": "meaning_rate_basis"}  # fmt: skip
# Whose figure (figures.owners): an organisation's or a place's, and the organisation as named.
OWNER_COLUMNS = {
    "owner_probability": "double", "owner_is_organisation": "boolean", "owner_name": "varchar",
    "owner_key": "varchar", "owner_source": "varchar",
}  # fmt: skip
MENTION_COLUMNS = [
    "mention_id", "document_id", "sentence_id", "sentence_index", "surface_text", "start_char",
    "end_char", *COPIED_FIELDS, "equivalent_mention_id", *CONTEXT_FIELDS, "period_type", *MEANING_COLUMNS.values(),
    "indicator_choices", "indicator_threshold", "indicator_floor", *OWNER_COLUMNS, "extractor_version",
]  # fmt: skip
# Library code whose changes alter extraction output: the whole figures package, models and
# their weights included. (A list of modules went stale as modules were added: chinese_owners.py,
# cue_index.py, spans.py and the Chinese period model were missing from it, so a changed model
# left the figures of unchanged documents as the old code read them.)
EXTRACTION_CODE = (".",)
# Documents written to the database per batch: bounds memory on large corpora.
BATCH_SIZE = 500
EXTRACTION_LOG_COLUMNS = {"document_id": "varchar", "extraction_key": "varchar", "n_mentions": "integer"}


def _sql_type(annotation: object) -> str:
    """DuckDB type of a dataclass field from its annotation (dates are stored as ISO text)."""
    text = str(annotation)
    for python_type, sql_type in (("bool", "boolean"), ("float", "double"), ("int", "bigint")):
        if python_type in text:
            return sql_type
    return "varchar"


MENTION_TYPES = {
    "mention_id": "varchar", "document_id": "varchar", "sentence_id": "varchar",
    "sentence_index": "integer", "surface_text": "varchar", "start_char": "bigint",
    "end_char": "bigint", "equivalent_mention_id": "varchar", "extractor_version": "varchar",
    **{f.name: _sql_type(f.type) for f in fields(Quantity) if f.name in COPIED_FIELDS},
    **{f.name: _sql_type(f.type) for f in fields(MentionContext)},
    "period_type": "varchar",
    **{column: "varchar" for column in MEANING_COLUMNS.values()},
    "indicator_choices": "varchar",
    "indicator_threshold": "double",
    "indicator_floor": "double",
    **OWNER_COLUMNS,
}  # fmt: skip
MENTION_TABLE_COLUMNS = {name: MENTION_TYPES[name] for name in MENTION_COLUMNS}


def context_columns(context: MentionContext) -> dict:
    values = {name: getattr(context, name) for name in CONTEXT_FIELDS}
    for name in ("period_start", "period_end"):
        values[name] = values[name].isoformat() if values[name] is not None else None
    return values


def _extract(job: tuple[str, str, list[tuple[int, int, int]], str | None, str | None]) -> tuple[str, list[dict]]:
    document_id = job[0]
    return document_id, document_mentions(*job)


# A sentence of each language, read once by each worker before its documents (parallel_map's
# warm_up): the models, catalogs and cue automata it loads are then set aside from the collector.
WARM_UP_TEXTS = (
    "In 2019, Zhejiang had 3,255 incubators, up 12% from 2018, the company said.",
    "2019年,全国共有众创空间8000家,比上年增长12%。",
)


def _warm_up() -> None:
    for text in WARM_UP_TEXTS:
        document_mentions("warm-up", text, [(0, 0, len(text))], "2020-01-01", text)


def document_mentions(
    document_id: str,
    clean_text: str,
    sentences: list[tuple[int, int, int]],
    published_on: str | None = None,
    title: str | None = None,
) -> list[dict]:
    """Rows for one document; `sentences` are (index, start, end) sorted by start;
    `published_on` ("YYYY", "YYYY-MM" or "YYYY-MM-DD") resolves "last year", "at present";
    `title` dates figures the text leaves undated when it names one period."""
    starts = [start for _, start, _ in sentences]
    quantities = extract(clean_text, warehouse_forms=True)  # the labelling guide counts "doubled", "9 out of 10"
    split = [Sentence(index, start, end, clean_text[start:end]) for index, start, end in sentences]
    contexts = resolve_contexts(clean_text, quantities, published_on, split, title)
    meanings = read_meanings(
        clean_text, quantities, [(start, end) for _, start, end in sentences],
        [context.period_is_point_in_time for context in contexts],
    )  # fmt: skip
    spans = [(start, end) for _, start, end in sentences]
    # point or span, from the measure type and the words (figures.period_type)
    period_types = read_period_types(clean_text, quantities, contexts, meanings, spans)
    choices = choose_indicators(clean_text, quantities, meanings, spans, title)
    language = "zh" if reads_as_chinese(clean_text) else "en"
    threshold, floor = load_chooser().threshold_for(language), load_chooser().floor_for(language)
    # a stock or flow no word decided takes the measure type of the indicator chosen for it
    meanings = settle_measure_types(quantities, meanings, choices, threshold)
    # the chooser's choice is a company's indicator: evidence, beside the owner model's, that the
    # figure is an organisation's
    company = {indicator.indicator_id for indicator in read_catalog() if indicator.level == "company"}
    company_indicated = [bool(c) and c[0].probability >= threshold and c[0].indicator_id in company for c in choices]
    owners = read_owners(clean_text, quantities, spans, title, company_indicated=company_indicated)
    ids = [span_id(document_id, q.start, q.end) for q in quantities]
    rows = []
    for quantity, context, meaning, period_type, choice, owner, this_id in zip(
        quantities, contexts, meanings, period_types, choices, owners, ids
    ):
        position = bisect.bisect_right(starts, quantity.start) - 1
        index, start, end = sentences[position] if position >= 0 else (None, None, None)
        row = {
            "mention_id": this_id,
            "document_id": document_id,
            "sentence_id": span_id(document_id, start, end) if index is not None else None,
            "sentence_index": index,
            "surface_text": quantity.text,
            "start_char": quantity.start,
            "end_char": quantity.end,
            "equivalent_mention_id": None if quantity.equivalent_of is None else ids[quantity.equivalent_of],
            "extractor_version": EXTRACTOR_VERSION,
        }
        row.update({name: getattr(quantity, name) for name in COPIED_FIELDS})
        row.update(context_columns(context))
        row["period_type"] = period_type
        row.update({column: getattr(meaning, field) for field, column in MEANING_COLUMNS.items()})
        row["indicator_choices"] = encode_choices(choice)
        row["indicator_threshold"] = threshold
        row["indicator_floor"] = floor
        row["owner_probability"] = owner.probability
        row["owner_is_organisation"] = owner.is_organisation
        row["owner_name"] = owner.name
        row["owner_key"] = owner.key
        row["owner_source"] = owner.source
        rows.append(row)
    return rows


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
        for batch in batched(parallel_map(_extract, jobs, warm_up=_warm_up), BATCH_SIZE):
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
    seeds = [DEFAULT_CATALOG.name, CHINESE_CUES, SYNONYMS, ENTITY_SEED.name]
    return code_fingerprint(*EXTRACTION_CODE) + tree_fingerprint(DEFAULT_CATALOG.parent, seeds)


def _take_stored_mentions(connection, warehouse: WarehouseResource, wanted: dict[str, str], log) -> set[str]:
    """Store the mentions of the wanted documents (id -> extraction key) that the shard store
    holds, with their extraction log and queue entries; returns the ids taken."""
    if not wanted:
        return set()
    index = read_index(warehouse.shard_store_dir)
    for problem in index.problems:
        log.warning(problem)
    stored = index.find({document_id: shard_key(key) for document_id, key in wanted.items()})

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
