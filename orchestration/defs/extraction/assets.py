"""Extraction: every quantity in every ingested document, with offsets into its clean text.

The `figures.quantities` library finds the quantities and `figures.context` reads the period
and status of each from the words around it; this module ties each one to its sentence and
stores them as raw.mentions, one row per quantity.
"""

import bisect
from dataclasses import fields

import dagster as dg
import pandas as pd

from figures.context import MentionContext, resolve_contexts
from figures.quantities import EXTRACTOR_VERSION, FIELD_NAMES, extract
from orchestration.defs.ingestion.assets import sentence_id
from orchestration.resources import WarehouseResource
from orchestration.warehouse import connect, now_utc, record_build_state, replace_raw_table

GROUP = "extraction"
# Quantity fields stored as they are; `text` and the offsets are renamed, `equivalent_of`
# becomes a mention id so the link survives outside one extraction call.
RENAMED_FIELDS = {"text": "surface_text", "start": "start_char", "end": "end_char"}
COPIED_FIELDS = [name for name in FIELD_NAMES if name not in RENAMED_FIELDS and name != "equivalent_of"]
# Period and status of each figure, stored as they are (dates as ISO strings).
CONTEXT_FIELDS = [f.name for f in fields(MentionContext)]
MENTION_COLUMNS = [
    "mention_id", "document_id", "sentence_id", "sentence_index", "surface_text", "start_char",
    "end_char", *COPIED_FIELDS, "equivalent_mention_id", *CONTEXT_FIELDS, "extractor_version",
]  # fmt: skip


def mention_id(document_id: str, start: int, end: int) -> str:
    return f"{document_id}@{start}-{end}"


def context_columns(context: MentionContext) -> dict:
    values = {name: getattr(context, name) for name in CONTEXT_FIELDS}
    for name in ("period_start", "period_end"):
        values[name] = values[name].isoformat() if values[name] is not None else None
    return values


def document_mentions(
    document_id: str,
    clean_text: str,
    sentences: list[tuple[int, int, int]],
    published_on: str | None = None,
) -> list[dict]:
    """Rows for one document; `sentences` are (index, start, end) sorted by start;
    `published_on` ("YYYY", "YYYY-MM" or "YYYY-MM-DD") resolves "last year", "at present"."""
    starts = [start for _, start, _ in sentences]
    quantities = extract(clean_text)
    contexts = resolve_contexts(clean_text, quantities, published_on)
    ids = [mention_id(document_id, q.start, q.end) for q in quantities]
    rows = []
    for quantity, context, this_id in zip(quantities, contexts, ids):
        position = bisect.bisect_right(starts, quantity.start) - 1
        index, start, end = sentences[position] if position >= 0 else (None, None, None)
        row = {
            "mention_id": this_id,
            "document_id": document_id,
            "sentence_id": sentence_id(document_id, start, end) if index is not None else None,
            "sentence_index": index,
            "surface_text": quantity.text,
            "start_char": quantity.start,
            "end_char": quantity.end,
            "equivalent_mention_id": None if quantity.equivalent_of is None else ids[quantity.equivalent_of],
            "extractor_version": EXTRACTOR_VERSION,
        }
        row.update({name: getattr(quantity, name) for name in COPIED_FIELDS})
        row.update(context_columns(context))
        rows.append(row)
    return rows


@dg.asset(
    group_name=GROUP,
    kinds={"python", "duckdb"},
    deps=["documents", "sentences"],
)
def mentions(context: dg.AssetExecutionContext, warehouse: WarehouseResource) -> dg.MaterializeResult:
    """Every quantity found in the clean text of every ingested document: surface text, character
    offsets, parsed value and bounds, scale, unit, counted noun, rate basis, qualifier and hints,
    and the period and status read from the text around it. One row per quantity mention."""
    # load
    with connect(warehouse.build_database, read_only=True) as connection:
        documents = connection.execute(
            "select document_id, clean_text, published_on from raw.documents where status = 'ok' order by document_id"
        ).fetchall()
        sentence_rows = connection.execute(
            "select document_id, sentence_index, start_char, end_char from raw.sentences order by document_id, start_char"
        ).fetchall()
    sentences_by_document: dict[str, list[tuple[int, int, int]]] = {}
    for document_id, index, start, end in sentence_rows:
        sentences_by_document.setdefault(document_id, []).append((index, start, end))
    # process
    rows = [
        row
        for document_id, clean_text, published_on in documents
        for row in document_mentions(
            document_id, clean_text, sentences_by_document.get(document_id, []), published_on
        )
    ]
    frame = pd.DataFrame(rows, columns=MENTION_COLUMNS)
    frame["sentence_index"] = frame["sentence_index"].astype("Int64")
    # save
    replace_raw_table(warehouse.build_database, "mentions", frame)
    record_build_state(warehouse.build_database, raw_loaded_at=now_utc())
    context.log.info(f"{len(frame)} mentions in {len(documents)} documents")
    return dg.MaterializeResult(
        metadata={
            "dagster/row_count": len(frame),
            "documents": len(documents),
            "extractor_version": EXTRACTOR_VERSION,
            "by_unit_class": dg.MetadataValue.json(frame["unit_class"].value_counts().to_dict()),
            "by_period_source": dg.MetadataValue.json(frame["period_source"].value_counts().to_dict()),
            "by_status": dg.MetadataValue.json(frame["status"].value_counts().to_dict()),
        }
    )
