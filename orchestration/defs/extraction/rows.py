"""A document's figures as rows of raw.mentions: what the extraction step computes per document.

Kept apart from the asset (assets.py) so that loading the Definitions does not import the
`figures` library and compile its regular expressions: only a process that extracts (or lays
out the mentions table) imports this module."""

import bisect
from dataclasses import fields

from figures.context import MentionContext
from figures.indicators import (
    choose_indicators,
    encode_choices,
    load_chooser,
    read_catalog,
    settle_measure_types,
)
from figures.meaning import read_meanings
from figures.owners import read_owners
from figures.period_type import read_period_types
from figures.periods import resolve_contexts
from figures.quantities import EXTRACTOR_VERSION, FIELD_NAMES, Quantity, extract
from figures.quantities.chinese import reads_as_chinese
from figures.sentences import Sentence
from orchestration.warehouse import span_id

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


def warm_up_extraction() -> None:
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

