"""Meaning accuracy of the warehouse: runs the whole pipeline on the meaning corpus and scores
the published warehouse against its gold figures.

    .venv/bin/python benchmarks/warehouse_accuracy.py [--corpus DIR] [--warehouse DIR] [--reuse]
                                                      [--json FILE] [--errors dev|dev-a|holdout|all|none]

How it measures (corpus layout, gold format and split rule: meaning_corpus/README.md):

1. `python -m orchestration.run` once, SOURCES_DIR=<corpus>/documents, in a subprocess without
   DAGSTER_HOME (pipeline_scale.timed_refresh); --reuse scores the warehouse already built.
2. Each gold figure is located in its document's clean text (staging.stg_documents.clean_text,
   which fct_figure's offsets index): the context's tokens joined by \\s+ (cleaning reflows
   lines), the number's span its first occurrence inside the matched context. A context that
   cannot be found is "not located": a corpus problem, not an extractor miss.
3. A located gold figure is matched to the marts.fct_figure row of its document whose
   [start_char, end_char) overlaps the number's span, a row containing the number's first
   character first; no row matches two gold figures. Unmatched rows are "extra figures".
4. Each matched figure is checked field by field (value, unit, qualifier, period, period type,
   status, geography, indicator, measure type when fct_figure has it). Cross-source cases
   (one gold fact in several documents) are "shown" when the warehouse reconciles them in one
   fct_indicator_value row or a quality issue names their documents. Warnings of
   fct_quality_issue are "justified" when the gold agrees something is wrong. A gold figure
   marked source_error is "flagged" when its fct_figure row is quarantined or named by a
   warn-level issue (the review list of unclassified figures excepted), classified or not.

Columns: holdout documents (never read while tuning: the "untuned" score), dev, all. Per-item
errors are printed only for the split --errors names, so tuning on dev never shows holdout
errors; the JSON's error listing follows --errors too. With --errors dev only the dev column is
printed and written (the holdout's aggregate scores stay out of sight while tuning as well).
--errors dev-a lists one half of dev and prints both halves' scores: a rule written from dev-a's
errors is checked on dev-b, whose errors were not read (meaning_corpus/README.md, Split).
"""

from __future__ import annotations

import argparse
import calendar
import datetime as dt
import json
import os
import re
import sys
import tempfile
from collections import defaultdict
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import yaml

BENCHMARKS = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCHMARKS))
sys.path.insert(0, str(BENCHMARKS / "meaning_corpus"))
import check_gold
from check_gold import part_of, split_of, squeeze
from pipeline_scale import timed_refresh

REPO_ROOT = BENCHMARKS.parent
DEFAULT_CORPUS = BENCHMARKS / "meaning_corpus"
RULES_FILE = REPO_ROOT / "expectations" / "rules.yml"
SPLITS = ("holdout", "dev", "all")
DEV_PARTS = ("dev-a", "dev-b")  # the development part's two halves, as gold files name them
DEV_HALVES = (*DEV_PARTS, "dev")
COLUMN_TITLES = {"holdout": "holdout (untuned)", "dev": "dev", "all": "all",
                 "dev-a": "dev-a (read)", "dev-b": "dev-b (unread)"}  # fmt: skip
VALUE_TOLERANCE = 0.005  # relative: gold and warehouse values agree within 0.5%
DISAGREEMENT = 0.01  # relative: gold readings of one fact that differ by more disagree
# Review lists, not alarms: every unclassified figure is listed for review, whatever its gold.
REVIEW_RULES = {"figure_classified"}
# Families whose warnings the gold can also justify by its own readings disagreeing.
COMPARING_FAMILIES = {"cross_source", "growth", "part_whole"}
# The reconciliation key of fct_indicator_value, in gold fields.
RATE_TIME_BASES = ("day", "week", "month", "quarter")
FACT_KEY = ("indicator", "geography", "entity", "period", "status", "rate_basis")
# Warehouse status -> gold status: a forecast is what the gold calls expected.
STATUS_TO_GOLD = {"forecast": "expected"}
ISO_CODE = re.compile(r"[A-Z]{3}")
NUMERIC_FIELDS = {"value", "value_low", "value_high"}
# Gold unit words the warehouse's alias seeds do not know, and the unit code they mean.
GOLD_UNIT_SYNONYMS = {"multiple": "times", "percentage point": "percentage_point"}


# --- the corpus ------------------------------------------------------------------------------


@dataclass
class GoldFigure:
    document_id: str
    position: int  # 1-based, in its gold file
    fields: dict
    published_on: str | None = None  # the document's publication date (sidecar)
    span: tuple[int, int] | None = None  # the number in the clean text, once located

    @property
    def split(self) -> str:
        """holdout, dev-a or dev-b (in_split counts both halves as dev)."""
        return part_of(self.document_id)

    def get(self, name: str):
        """A gold field; periods as text (YAML reads 2016 as a number), values as numbers
        (PyYAML reads 1.2e9 as text)."""
        value = self.fields.get(name)
        if value is None:
            return None
        if name == "period":
            return str(value)
        return float(value) if name in NUMERIC_FIELDS and isinstance(value, str) else value

    @property
    def label(self) -> str:
        return f"{self.document_id} #{self.position} {self.fields.get('number')!r}"


def corpus_documents(corpus: Path) -> dict[str, Path]:
    """document_id -> file, by check_gold.documents() pointed at this corpus."""
    return check_gold.documents(corpus)


def sidecar(document: Path | None) -> dict:
    """The document's metadata sidecar (publisher, published_on, ...), {} when there is none."""
    if document is None or not document.with_name(document.name + ".meta.yml").exists():
        return {}
    return check_gold.read_yaml(document.with_name(document.name + ".meta.yml")) or {}


def load_gold(corpus: Path, documents: dict[str, Path]) -> list[GoldFigure]:
    figures = []
    for path in sorted((corpus / "gold").glob("*.yml")):
        gold = check_gold.read_yaml(path)
        document_id = gold.get("document_id") or path.stem
        published_on = sidecar(documents.get(document_id)).get("published_on")
        figures += [GoldFigure(document_id, n, entry, published_on and str(published_on))
                    for n, entry in enumerate(gold.get("figures") or [], 1)]  # fmt: skip
    return figures


def provenance_line(corpus: Path, documents: dict[str, Path], gold_documents: set[str]) -> str:
    publishers = sorted({str(sidecar(path).get("publisher", "?")) for path in documents.values()})
    holdout = sum(split_of(d) == "holdout" for d in gold_documents)
    return (f"Corpus {corpus}: {len(documents)} documents from {len(publishers)} publishers "
            f"({'; '.join(publishers)}); gold for {len(gold_documents)} documents "
            f"({holdout} holdout, {len(gold_documents) - holdout} dev)")  # fmt: skip


# --- the pipeline ------------------------------------------------------------------------------


def run_pipeline(sources: Path, warehouse_dir: Path) -> tuple[float, int]:
    """Seconds and peak memory of one refresh; exits with the pipeline's output if it fails."""
    env = {key: value for key, value in os.environ.items() if key != "DAGSTER_HOME"}
    env |= {"SOURCES_DIR": str(sources), "WAREHOUSE_DIR": str(warehouse_dir)}
    result = timed_refresh(env)
    return result["wall"], result["peak"]


# --- the warehouse -----------------------------------------------------------------------------


def rows(connection, sql: str, params: list | None = None) -> list[dict]:
    cursor = connection.execute(sql, params or [])
    names = [column[0] for column in cursor.description]
    return [dict(zip(names, row)) for row in cursor.fetchall()]


def columns(connection, schema: str, table: str) -> set[str]:
    found = connection.execute(
        "select column_name from information_schema.columns where table_schema = ? and table_name = ?",
        [schema, table],
    ).fetchall()
    return {name for (name,) in found}


@dataclass
class Warehouse:
    """What the scoring reads from the published warehouse, keyed for lookups."""

    clean_text: dict[str, str | None]
    figure_columns: set[str]
    figures: dict[str, dict]  # figure_id -> fct_figure row
    observations: dict[str, dict]  # observation_id -> fct_indicator_observation row
    issues: list[dict]
    unit_aliases: dict[str, tuple[str, float]]  # alias -> (canonical unit, factor)
    currency_aliases: dict[str, str]  # alias -> ISO code
    part_of: set[tuple[str, str]]  # (part indicator, whole indicator)
    place_parent: dict[str, str]  # place -> the place it lies in
    entity_ids: set[str] = field(default_factory=set)  # every id dim_entity holds
    places_found_in_text: set[str] = field(default_factory=set)  # ids the warehouse made from a name in the text
    figures_by_document: dict[str, list[dict]] = field(default_factory=dict)
    reported_by_figure: dict[str, list[dict]] = field(default_factory=dict)
    reported_by_value: dict[str, list[dict]] = field(default_factory=dict)
    reported_by_fact: dict[tuple, list[dict]] = field(default_factory=dict)

    def __post_init__(self):
        for figure in self.figures.values():
            self.figures_by_document.setdefault(figure["document_id"], []).append(figure)
        for observation in self.observations.values():
            if observation["is_derived"]:
                continue
            self.reported_by_figure.setdefault(observation["figure_id"], []).append(observation)
            self.reported_by_value.setdefault(observation["indicator_value_id"], []).append(
                observation
            )
            self.reported_by_fact.setdefault(observation_fact(observation), []).append(observation)


def observation_fact(observation: dict) -> tuple:
    return tuple(observation[name] for name in ("indicator_id", "geography_id", "entity_id", "period_label", "status",
                                                "rate_basis"))  # fmt: skip


def extra_part_of_pairs() -> set[tuple[str, str]]:
    """Part-of pairs the quality rules add to the catalog's (rules.yml params extra_part_of)."""
    rules = yaml.safe_load(RULES_FILE.read_text(encoding="utf-8"))["rules"]
    pairs = [pair for rule in rules for pair in (rule.get("params") or {}).get("extra_part_of", [])]
    return {tuple(pair.split(":", 1)) for pair in pairs}


def dev_gold(corpus: Path) -> list[GoldFigure]:
    """The gold figures of the development part's two halves: what the tuning tools may read."""
    return [g for g in load_gold(corpus, corpus_documents(corpus)) if g.split in DEV_PARTS]


def read_warehouse(database: Path) -> Warehouse:
    with closing(duckdb.connect(str(database), read_only=True)) as con:
        documents = rows(con, "select document_id, clean_text from staging.stg_documents")
        indicators = rows(con, "select * from marts.dim_indicator")
        units = rows(
            con,
            # a case-sensitive spelling ("Nm") would shadow its lower-cased namesake ("nm")
            "select alias, canonical_unit, factor_to_canonical from reference.unit_aliases where alias_kind <> 'exact case'",
        )
        currencies = rows(con, "select alias, iso_code from reference.currency_aliases")
        places = rows(con, "select entity_id, parent_entity_id, entity_source from marts.dim_entity")
        return Warehouse(
            clean_text={r["document_id"]: r["clean_text"] for r in documents},
            figure_columns=columns(con, "marts", "fct_figure"),
            figures=keyed(rows(con, "select * from marts.fct_figure"), "figure_id"),
            observations=keyed(rows(con, "select * from marts.fct_indicator_observation"), "observation_id"),
            issues=rows(con, "select * from marts.fct_quality_issue"),
            unit_aliases={r["alias"].lower(): (r["canonical_unit"], r["factor_to_canonical"]) for r in units},
            currency_aliases={r["alias"].lower(): r["iso_code"] for r in currencies},
            part_of={(r["indicator_id"], r["part_of_indicator_id"]) for r in indicators if r.get("part_of_indicator_id")}
            | extra_part_of_pairs(),
            place_parent={r["entity_id"]: r["parent_entity_id"] for r in places if r["parent_entity_id"]},
            entity_ids={r["entity_id"] for r in places},
            places_found_in_text={r["entity_id"] for r in places if r["entity_source"] == "found in text"},
        )  # fmt: skip


def keyed(items: list[dict], key: str) -> dict[str, dict]:
    return {item[key]: item for item in items}


# --- locating and matching ---------------------------------------------------------------------


def spaced_pattern(text: str) -> re.Pattern:
    """The text's tokens, any whitespace run or none between them: cleaning reflows lines, and
    joins a Chinese line to the next without a space."""
    return re.compile(r"\s*".join(re.escape(token) for token in str(text).split()))


def locate(clean_text: str, context: str, number: str) -> tuple[int, int] | None:
    """The span of `number`'s first occurrence inside the first match of `context`."""
    found = spaced_pattern(context).search(clean_text)
    if not found:
        return None
    inner = spaced_pattern(number).search(clean_text, found.start(), found.end())
    return (inner.start(), inner.end()) if inner else None


def overlaps(row: dict, span: tuple[int, int]) -> bool:
    return row["start_char"] < span[1] and row["end_char"] > span[0]


def contains_start(row: dict, span: tuple[int, int]) -> bool:
    return row["start_char"] <= span[0] < row["end_char"]


def match_document(golds: list[GoldFigure], figure_rows: list[dict]) -> dict[int, dict]:
    """id(gold figure) -> its fct_figure row. First pass: rows containing the number's first
    character; second pass: any overlapping row. A row is used once."""
    matches: dict[int, dict] = {}
    used: set[str] = set()
    for accept in (contains_start, overlaps):
        for gold in golds:
            if gold.span is None or id(gold) in matches:
                continue
            candidates = [
                r for r in figure_rows if r["figure_id"] not in used and accept(r, gold.span)
            ]
            if candidates:
                best = min(
                    candidates, key=lambda r: (abs(r["start_char"] - gold.span[0]), r["start_char"])
                )
                matches[id(gold)] = best
                used.add(best["figure_id"])
    return matches


# --- field checks (None: not applicable to this figure) -----------------------------------------


def close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return False
    return a == b or abs(a - b) <= VALUE_TOLERANCE * max(abs(a), abs(b))


def warehouse_unit(gold_unit: str, wh: Warehouse) -> tuple[str, float]:
    """Gold unit -> (the warehouse's unit, factor from the gold value to the warehouse's value).

    The mapping is the warehouse's own alias seeds (reference schema): an ISO 4217 code stays
    as it is (CNY, USD, HKD, EUR); a currency word goes through currency_aliases (yuan -> CNY);
    any other unit through unit_aliases to its canonical unit and factor: percent, percentage_point,
    count and times stay, areas become m2 (km2 x 1e6, hectare/ha x 1e4, mu x 666.67, acre),
    lengths m, masses kg, durations year (day x 1/365.25). GOLD_UNIT_SYNONYMS first maps gold
    words the seeds lack ("multiple" -> times). A unit still unknown is compared as written.
    """
    unit = GOLD_UNIT_SYNONYMS.get(str(gold_unit), str(gold_unit))
    if ISO_CODE.fullmatch(unit):
        return unit, 1.0
    for key in (unit.lower(), unit.lower().replace("_", " ")):
        if key in wh.currency_aliases:
            return wh.currency_aliases[key], 1.0
        if key in wh.unit_aliases:
            return wh.unit_aliases[key]
    return unit, 1.0


def gold_value(gold: GoldFigure, wh: Warehouse) -> float | None:
    """One number for comparing gold readings: the value, else the middle of the range, in
    the warehouse's unit."""
    factor = warehouse_unit(gold.get("unit"), wh)[1]
    if gold.get("value") is not None:
        return gold.get("value") * factor
    bounds = [v for v in (gold.get("value_low"), gold.get("value_high")) if v is not None]
    return sum(bounds) / len(bounds) * factor if bounds else None


def value_right(gold: GoldFigure, row: dict, wh: Warehouse) -> bool:
    """A point value equals value_point (a one-sided bound, which has none, its bound); a
    range's low and high equal value_low and value_high. The warehouse keeps a fall's size
    with change_direction 'decrease': a negative gold value is compared by its size then."""
    factor = warehouse_unit(gold.get("unit"), wh)[1]
    if gold.get("value") is not None:
        value = gold.get("value") * factor
        if value < 0 and row.get("change_direction") == "decrease":
            value = -value
        one_sided = row["value_point"] is None and (
            close(value, row["value_low"]) or close(value, row["value_high"])
        )
        return close(value, row["value_point"]) or one_sided
    bounds = [
        (gold.get(name), row[name])
        for name in ("value_low", "value_high")
        if gold.get(name) is not None
    ]
    return bool(bounds) and all(close(g * factor, w) for g, w in bounds)


def is_fallback(row: dict) -> bool:
    if "period_is_fallback" in row:
        return bool(row["period_is_fallback"])
    return row.get("period_source") == "publication_date"


# One part of a period label: 2016, 2016-H1, 2017-Q3, 2017-06, 2017-06-30.
PERIOD_PART = re.compile(r"(\d{4})(?:-(?:H([12])|Q([1-4])|(\d\d)(?:-(\d\d))?))?")


def period_range(label: str | None) -> tuple[dt.date, dt.date] | None:
    """The first and last day a period label covers ("2017-01/2017-09" and "2017-Q1/2017-Q3"
    both cover 2017-01-01 to 2017-09-30), or None when it is not a label of that format."""
    if not label:
        return None
    first, _, last = str(label).partition("/")
    bounds = [_part_range(part) for part in (first, last or first)]
    if None in bounds:
        return None
    return bounds[0][0], bounds[1][1]


def _part_range(part: str) -> tuple[dt.date, dt.date] | None:
    found = PERIOD_PART.fullmatch(part)
    if found is None:
        return None
    year, half, quarter, month, day = found.groups()
    year = int(year)
    try:
        if half:
            first_month, last_month = (1, 6) if half == "1" else (7, 12)
        elif quarter:
            first_month, last_month = 3 * int(quarter) - 2, 3 * int(quarter)
        elif month and day:
            date = dt.date(year, int(month), int(day))
            return date, date
        elif month:
            first_month = last_month = int(month)
        else:
            first_month, last_month = 1, 12
        return dt.date(year, first_month, 1), dt.date(year, last_month, calendar.monthrange(year, last_month)[1])
    except ValueError:
        return None


def same_period(gold_label: str, label: str | None, start: dt.date | None = None, end: dt.date | None = None) -> bool:
    """The gold period and the warehouse's cover the same days, however each is spelled; the
    warehouse's from its period_start/period_end when given, else from its label."""
    if label == gold_label:
        return True
    gold_range = period_range(gold_label)
    found = (start, end) if start is not None and end is not None else period_range(label)
    return gold_range is not None and gold_range == found


def period_right(gold: GoldFigure, row: dict) -> bool:
    """No gold period <=> the warehouse flags its publication-date fallback; else both periods
    cover the same days (the same range may be labelled two ways: "2017-01/2017-09" is the
    first three quarters, "2017-Q1/2017-Q3")."""
    if gold.get("period") is None:
        return is_fallback(row)
    return not is_fallback(row) and same_period(
        gold.get("period"), row["period_label"], row.get("period_start"), row.get("period_end")
    )


def period_type_right(gold: GoldFigure, row: dict) -> bool | None:
    if gold.get("period_type") is None or "period_is_point_in_time" not in row:
        return None
    return (gold.get("period_type") == "point") == bool(row["period_is_point_in_time"])


def status_right(gold: GoldFigure, row: dict) -> bool:
    return STATUS_TO_GOLD.get(row["status"], row["status"]) == gold.get("status")


def gold_measure_type(gold: dict) -> str | None:
    """The gold measure type; a flow labelled with a time basis ("16,500 a day") is a rate, as
    the labelling guide defines it."""
    if gold.get("measure_type") == "flow" and gold.get("rate_basis") in RATE_TIME_BASES:
        return "rate"
    return gold.get("measure_type")


def indicator_precise(gold: GoldFigure, row: dict) -> bool | None:
    """Of figures the warehouse classified: is its indicator the gold one?"""
    return None if row["indicator_id"] is None else row["indicator_id"] == gold.get("indicator")


def indicator_recalled(gold: GoldFigure, row: dict) -> bool | None:
    """Of figures the gold gives an indicator: does the warehouse give that one?"""
    return None if gold.get("indicator") is None else row["indicator_id"] == gold.get("indicator")


def quarantine_justified(gold: GoldFigure, row: dict) -> bool | None:
    """Of figures the warehouse quarantines: does the gold say the source is wrong?"""
    return bool(gold.get("source_error")) if row.get("is_quarantined") else None


def geography_right(gold: GoldFigure, row: dict, wh: Warehouse) -> bool:
    """The same place id; or, for a zone, park or town the warehouse names from the text (an id
    labellers cannot look up), a gold slug of its own whose words are all in that id and that ends
    with the same kind of place: `nanchang_xiaolan_development_zone` is the warehouse's
    `nanchang_xiaolan_economic_development_zone`, the zone "Nanchang Xiaolan Economic and
    Technological Development Zone" the text names."""
    found, wanted = row["geography_id"], gold.get("geography")
    if found == wanted:
        return True
    if not found or not wanted or found not in wh.places_found_in_text or wanted in wh.entity_ids:
        return False
    found_words, wanted_words = found.split("_"), wanted.split("_")
    return found_words[-1] == wanted_words[-1] and set(wanted_words) <= set(found_words)


def field_checks(gold: GoldFigure, row: dict, wh: Warehouse) -> dict[str, bool | None]:
    unit = warehouse_unit(gold.get("unit"), wh)[0] == row["unit"]
    checks = {
        "value": value_right(gold, row, wh),
        "unit": unit,
        "qualifier": row["qualifier"] == gold.get("qualifier"),
        "period": period_right(gold, row),
        "period_type": period_type_right(gold, row),
        "status": status_right(gold, row),
        "geography": geography_right(gold, row, wh),
    }
    checks["unit+qualifier+period+geography"] = all(
        checks[k] for k in ("unit", "qualifier", "period", "geography")
    )
    checks["indicator_precision"] = indicator_precise(gold, row)
    checks["indicator_recall"] = indicator_recalled(gold, row)
    if "measure_type" in wh.figure_columns:
        checks["measure_type"] = row["measure_type"] == gold_measure_type(gold)
    if "is_quarantined" in wh.figure_columns:
        checks["quarantine_justified"] = quarantine_justified(gold, row)
    return checks


# What each check compares, for the error listing: (gold field, warehouse column).
CHECK_FIELDS = {
    "value": (("value", "value_low", "value_high"), ("value_point", "value_low", "value_high")),
    "unit": (("unit",), ("unit",)),
    "qualifier": (("qualifier",), ("qualifier",)),
    "period": (("period",), ("period_label", "period_source")),
    "period_type": (("period_type",), ("period_is_point_in_time",)),
    "status": (("status",), ("status",)),
    "geography": (("geography",), ("geography_id",)),
    "indicator_precision": (("indicator",), ("indicator_id",)),
    "indicator_recall": (("indicator",), ("indicator_id",)),
    "measure_type": (("measure_type",), ("measure_type",)),
    "quarantine_justified": (("source_error",), ("is_quarantined",)),
}


def difference(check: str, gold: GoldFigure, row: dict) -> str:
    gold_fields, warehouse_columns = CHECK_FIELDS[check]
    said = (
        ", ".join(
            f"{name}={gold.get(name)!r}" for name in gold_fields if gold.get(name) is not None
        )
        or "null"
    )
    read = ", ".join(f"{name}={row.get(name)!r}" for name in warehouse_columns)
    return f"{check}: gold {said}; warehouse {read}"


# --- scoring figures ---------------------------------------------------------------------------


@dataclass
class FigureResult:
    gold: GoldFigure
    outcome: str  # not located | missed | found
    row: dict | None = None
    checks: dict[str, bool | None] = field(default_factory=dict)
    note: str = ""

    def errors(self) -> list[str]:
        if self.outcome != "found":
            return [self.note or self.outcome]
        return [
            difference(c, self.gold, self.row)
            for c, ok in self.checks.items()
            if ok is False and c in CHECK_FIELDS
        ]


def golds_by_document(golds: list[GoldFigure]) -> dict[str, list[GoldFigure]]:
    by_document: dict[str, list[GoldFigure]] = defaultdict(list)
    for gold in golds:
        by_document[gold.document_id].append(gold)
    return by_document


def locate_and_match(document_golds: list[GoldFigure], text: str | None, figure_rows: list[dict]) -> dict[int, dict]:
    """One document's gold figures located in its clean text (each gold's span set) and matched
    to its fct_figure rows: id(gold) -> row."""
    for gold in document_golds:
        gold.span = locate(text, gold.get("context"), gold.get("number")) if text else None
    return match_document(document_golds, figure_rows)


def matched_rows(golds: list[GoldFigure], wh: Warehouse) -> dict[int, dict]:
    """Every gold figure's matched fct_figure row, id(gold) -> row, over all their documents."""
    matched: dict[int, dict] = {}
    for document_id, document_golds in golds_by_document(golds).items():
        matched |= locate_and_match(
            document_golds, wh.clean_text.get(document_id), wh.figures_by_document.get(document_id, [])
        )
    return matched


def score_figures(
    golds: list[GoldFigure], wh: Warehouse
) -> tuple[list[FigureResult], dict[str, list[dict]]]:
    """Every gold figure's result, and per gold document the fct_figure rows no gold matched."""
    results, extra = [], {}
    for document_id, document_golds in golds_by_document(golds).items():
        text = wh.clean_text.get(document_id)
        document_rows = wh.figures_by_document.get(document_id, [])
        matches = locate_and_match(document_golds, text, document_rows)
        matched_ids = {row["figure_id"] for row in matches.values()}
        extra[document_id] = [row for row in document_rows if row["figure_id"] not in matched_ids]
        for gold in document_golds:
            results.append(figure_result(gold, matches.get(id(gold)), text, wh))
    return results, extra


def figure_result(
    gold: GoldFigure, row: dict | None, text: str | None, wh: Warehouse
) -> FigureResult:
    if text is None:
        return FigureResult(
            gold, "missed", note="missed: the document has no clean text in the warehouse"
        )
    if gold.span is None:
        return FigureResult(
            gold, "not located", note=f"not located: context {squeeze(str(gold.get('context')))!r}"
        )
    if row is None:
        start, end = gold.span
        return FigureResult(
            gold,
            "missed",
            note=f"missed: no fct_figure row overlaps [{start}, {end}) {text[start:end]!r}",
        )
    return FigureResult(gold, "found", row, field_checks(gold, row, wh))


# --- cross-source cases ------------------------------------------------------------------------


def fact_key(gold: GoldFigure) -> tuple:
    """The gold fact a figure states. A figure without a period (a present-tense stock) is
    dated by its document: undated figures of documents published on different days are
    different facts."""
    period = gold.get("period") or f"undated, published {gold.published_on}"
    return tuple(period if name == "period" else gold.get(name) for name in FACT_KEY)


@dataclass
class Case:
    key: tuple
    members: list[FigureResult]
    shown: bool = False
    how: str = ""

    @property
    def documents(self) -> list[str]:
        return sorted({m.gold.document_id for m in self.members})

    @property
    def split(self) -> str:
        return split_of_documents(self.documents)


def split_of_documents(document_ids) -> str:
    """holdout, dev-a or dev-b when every document is of that part; dev when they are of both
    dev halves; else "mixed" (counted in "all" only)."""
    parts = {part_of(d) for d in document_ids}
    if len(parts) == 1:
        return parts.pop()
    return "dev" if parts == {"dev-a", "dev-b"} else "mixed"


def cross_source_cases(
    results: list[FigureResult], wh: Warehouse, concerned: dict[str, set[str]]
) -> list[Case]:
    groups: dict[tuple, list[FigureResult]] = defaultdict(list)
    for result in results:
        if result.gold.get("indicator") is not None:
            groups[fact_key(result.gold)].append(result)
    cases = [
        Case(key, members)
        for key, members in groups.items()
        if len({m.gold.document_id for m in members}) > 1
    ]
    for case in cases:
        case.shown, case.how = case_shown(case, wh, concerned)
    return cases


def case_shown(case: Case, wh: Warehouse, concerned: dict[str, set[str]]) -> tuple[bool, str]:
    """Shown: the found members' reported observations are all in one fct_indicator_value
    row, or a quality issue concerning a member names every document of the found members."""
    found = [m for m in case.members if m.outcome == "found"]
    documents = {m.gold.document_id for m in found}
    if len(documents) < 2:
        return False, f"figures found in {len(documents)} of its {len(case.documents)} documents"
    # A restatement in another currency ("($7.83 billion)") counts through the figure it
    # restates: the warehouse files it as that figure's stated conversion.
    observed_ids = [m.row.get("restates_figure_id") or m.row["figure_id"] for m in found]
    unobserved = [m for m, figure_id in zip(found, observed_ids) if not wh.reported_by_figure.get(figure_id)]
    value_ids = {o["indicator_value_id"] for figure_id in observed_ids for o in wh.reported_by_figure.get(figure_id, [])}
    if len(value_ids) == 1 and not unobserved:
        return True, f"one fct_indicator_value row {value_ids.pop()}"
    member_ids = {m.row["figure_id"] for m in found}
    for issue in wh.issues:
        if issue["rule_id"] not in REVIEW_RULES and member_ids & concerned[issue["issue_id"]]:
            text = f"{issue['message']} {issue['observed']}"
            if all(document in text for document in documents):
                return True, f"flagged by {issue['rule_id']}: {issue['message']}"
    why = f"observations in {len(value_ids)} fct_indicator_value rows ({', '.join(sorted(value_ids))})"
    if unobserved:
        why += f", {len(unobserved)} found figures without a reported observation ({', '.join(m.gold.label for m in unobserved)})"
    return False, why + ", no issue names their documents"


# --- warnings ----------------------------------------------------------------------------------


def issue_figures(issue: dict, wh: Warehouse) -> set[str]:
    """The fct_figure rows a quality issue concerns: its figure ids, and through its row_key
    the figures behind an observation (its parent, growth and restated figures, and for a
    derived value the reported figures of the same fact) or an indicator value (its
    observations' figures; for part/whole rules also the related wholes and parts)."""
    observed = json.loads(issue["observed"] or "{}")
    found = {issue["figure_id"]} | {
        v for k, v in observed.items() if k.endswith("figure_id") and isinstance(v, str)
    }
    key, table = issue["row_key"], issue["table_name"]
    if table == "fct_figure":
        found.add(key)
    elif table == "fct_indicator_observation" and key in wh.observations:
        found |= observation_figures(wh.observations[key], wh)
    elif table == "fct_indicator_value":
        reported = wh.reported_by_value.get(key, [])
        found |= {o["figure_id"] for o in reported}
        if issue["family"] == "part_whole" and reported:
            found |= {o["figure_id"] for fact in related_facts(observation_fact(reported[0]), wh)
                      for o in wh.reported_by_fact.get(fact, [])}  # fmt: skip
    return {f for f in found if f in wh.figures}


def observation_figures(observation: dict, wh: Warehouse) -> set[str]:
    found = {
        observation["figure_id"],
        observation.get("growth_figure_id"),
        observation.get("stated_equivalent_figure_id"),
    }
    parent = wh.observations.get(observation.get("parent_observation_id") or "")
    if parent:
        found.add(parent["figure_id"])
    if observation["is_derived"]:
        found |= {
            o["figure_id"] for o in wh.reported_by_fact.get(observation_fact(observation), [])
        }
    return {f for f in found if f}


def related_facts(fact: tuple, wh: Warehouse) -> list[tuple]:
    """Facts in a part/whole relation with `fact`: catalog part_of either way (same place),
    or the same indicator in the place it lies in or a place within it."""
    indicator, geography, *rest = fact
    related = [(whole, geography, *rest) for part, whole in wh.part_of if part == indicator]
    related += [(part, geography, *rest) for part, whole in wh.part_of if whole == indicator]
    related += (
        [(indicator, wh.place_parent[geography], *rest)] if geography in wh.place_parent else []
    )
    related += [
        (indicator, place, *rest)
        for place, parent in wh.place_parent.items()
        if parent == geography
    ]
    return related


@dataclass
class JudgedWarning:
    issue: dict
    documents: set[str]  # the gold documents of the figures it concerns
    golds: list[GoldFigure]  # gold readings of the figures it concerns
    justified: bool
    why: str

    @property
    def split(self) -> str:
        return split_of_documents(self.documents)


def gold_disagreement(golds: list[GoldFigure], wh: Warehouse) -> str | None:
    """Why the gold readings themselves disagree, or None: one fact (same key and unit) with
    values more than 1% apart, or a part above its whole."""
    readings = [
        (g, fact_key(g), warehouse_unit(g.get("unit"), wh)[0], gold_value(g, wh)) for g in golds
    ]
    readings = [r for r in readings if r[1][0] is not None and r[3] is not None]
    for a, key_a, unit_a, value_a in readings:
        for b, key_b, unit_b, value_b in readings:
            if unit_a != unit_b or a is b:
                continue
            if (
                key_a == key_b
                and value_a < value_b
                and not close_within(value_a, value_b, DISAGREEMENT)
            ):
                return (
                    f"gold {a.label} = {value_a:,.6g} and {b.label} = {value_b:,.6g} for one fact"
                )
            if key_b in related_wholes(key_a, wh) and value_a > value_b * (1 + DISAGREEMENT):
                return f"gold part {a.label} = {value_a:,.6g} above its whole {b.label} = {value_b:,.6g}"
    return None


def close_within(a: float, b: float, tolerance: float) -> bool:
    return abs(a - b) <= tolerance * max(abs(a), abs(b))


def related_wholes(key: tuple, wh: Warehouse) -> list[tuple]:
    """Gold fact keys of the wholes of `key`: its catalog whole in the same place, or the same
    indicator in the place it lies in."""
    indicator, geography, *rest = key
    wholes = [(whole, geography, *rest) for part, whole in wh.part_of if part == indicator]
    return wholes + (
        [(indicator, wh.place_parent[geography], *rest)] if geography in wh.place_parent else []
    )


def growth_disagreement(issue: dict, by_figure: dict[str, GoldFigure], wh: Warehouse) -> str | None:
    """For a growth warning: the prior value the gold's current value and growth rate imply
    differs by more than 1% from a gold reading of that prior fact."""
    derived = wh.observations.get(issue["row_key"])
    parent = derived and wh.observations.get(derived.get("parent_observation_id") or "")
    current = parent and by_figure.get(parent["figure_id"])
    growth = derived and by_figure.get(derived.get("growth_figure_id") or "")
    if not (
        current
        and growth
        and gold_value(current, wh) is not None
        and growth.get("value") is not None
    ):
        return None
    implied = gold_value(current, wh) / (1 + growth.get("value") / 100)
    prior_ids = {o["figure_id"] for o in wh.reported_by_fact.get(observation_fact(derived), [])}
    for prior in (by_figure[f] for f in prior_ids if f in by_figure):
        same_series = [prior.get(k) for k in FACT_KEY if k != "period"] == [
            current.get(k) for k in FACT_KEY if k != "period"
        ]
        value = gold_value(prior, wh)
        if same_series and value is not None and not close_within(implied, value, DISAGREEMENT):
            return f"gold {current.label} and growth {growth.label} imply {implied:,.6g}; gold {prior.label} = {value:,.6g}"
    return None


def judge_warnings(
    wh: Warehouse, results: list[FigureResult], concerned: dict[str, set[str]]
) -> tuple[list[JudgedWarning], dict[str, int]]:
    """Warnings on gold documents' figures, judged against the gold; also how many warn rows
    were left out (review lists, document-level rows, rows on documents without gold)."""
    by_figure = {r.row["figure_id"]: r.gold for r in results if r.outcome == "found"}
    gold_documents = {r.gold.document_id for r in results}
    warnings, left_out = [], defaultdict(int)
    for issue in (i for i in wh.issues if i["severity"] == "warn"):
        figure_ids = concerned[issue["issue_id"]]
        if issue["rule_id"] in REVIEW_RULES:
            left_out[f"review list ({issue['rule_id']})"] += 1
        elif not figure_ids:
            left_out["about a document, no figure"] += 1
        elif not (documents := {wh.figures[f]["document_id"] for f in figure_ids} & gold_documents):
            left_out["on documents without gold"] += 1
        else:
            golds = [by_figure[f] for f in sorted(figure_ids) if f in by_figure]
            verdict = justification(issue, golds, by_figure, wh)
            warnings.append(JudgedWarning(issue, documents, golds, *verdict))
    return warnings, dict(left_out)


def justification(
    issue: dict, golds: list[GoldFigure], by_figure, wh: Warehouse
) -> tuple[bool, str]:
    wrong = [g for g in golds if g.get("source_error")]
    if wrong:
        return True, f"gold source_error on {wrong[0].label}: {wrong[0].get('source_error')}"
    if issue["family"] in COMPARING_FAMILIES:
        why = gold_disagreement(golds, wh) or (
            growth_disagreement(issue, by_figure, wh) if issue["family"] == "growth" else None
        )
        if why:
            return True, why
    if not golds:
        return False, "false alarm: concerns only figures the gold does not count"
    return False, "false alarm: the gold readings agree and no source_error"


# --- metrics and output --------------------------------------------------------------------------


def in_split(split: str, item_split: str) -> bool:
    if split == "all":
        return True
    if split == "dev":
        return item_split in ("dev", "dev-a", "dev-b")
    return item_split == split


def share(right: int, of: int) -> dict:
    return {"right": right, "of": of}


def figure_metrics(
    results: list[FigureResult], extra: dict[str, list[dict]], split: str
) -> dict[str, dict]:
    chosen = [r for r in results if in_split(split, r.gold.split)]
    located = [r for r in chosen if r.outcome != "not located"]
    found = [r for r in chosen if r.outcome == "found"]
    documents = {r.gold.document_id for r in chosen}
    metrics = {
        "documents": {"count": len(documents)},
        "gold figures": {"count": len(chosen)},
        "not located (corpus problem)": {"count": len(chosen) - len(located)},
        "figures found (recall)": share(len(found), len(located)),
        "extra figures": {"count": sum(len(extra.get(d, [])) for d in documents)},
    }
    names = dict.fromkeys(name for r in found for name in r.checks)
    for name in names:
        applicable = [r.checks[name] for r in found if r.checks.get(name) is not None]
        metrics[f"{name.replace('_', ' ')} right"] = share(sum(applicable), len(applicable))
    return metrics


def rename_metrics(metrics: dict[str, dict]) -> dict[str, dict]:
    renamed = {"indicator precision right": "indicator precision", "indicator recall right": "indicator recall",
               "quarantine justified right": "quarantined with gold source_error"}  # fmt: skip
    return {renamed.get(name, name): value for name, value in metrics.items()}


def flagged_figures(wh: Warehouse, concerned: dict[str, set[str]]) -> set[str]:
    """Figures an analyst is told about: quarantined, or concerned by a warn-level issue (the
    review list of unclassified figures is not a flag: it lists every one of them)."""
    flagged = {f for f, row in wh.figures.items() if row.get("is_quarantined")}
    for issue in wh.issues:
        if issue["severity"] == "warn" and issue["rule_id"] not in REVIEW_RULES:
            flagged |= concerned[issue["issue_id"]]
    return flagged


def source_errors_flagged(results: list[FigureResult], flagged: set[str]) -> list[tuple[FigureResult, bool]]:
    """Each located gold figure the gold marks source_error, and whether the warehouse flags it
    (quarantined or warned), classified or not; one it did not find is not flagged."""
    return [
        (r, r.outcome == "found" and r.row["figure_id"] in flagged)
        for r in results
        if r.gold.get("source_error") and r.outcome != "not located"
    ]


def all_metrics(results, extra, cases, warnings, flagged=frozenset()) -> dict[str, dict[str, dict]]:
    table = {}
    source_errors = source_errors_flagged(results, set(flagged))
    for split in SPLITS + DEV_PARTS:
        metrics = rename_metrics(figure_metrics(results, extra, split))
        chosen_errors = [is_flagged for r, is_flagged in source_errors if in_split(split, r.gold.split)]
        metrics["gold source_error flagged"] = share(sum(chosen_errors), len(chosen_errors))
        chosen_cases = [c for c in cases if in_split(split, c.split)]
        metrics["cross-source cases shown"] = share(
            sum(c.shown for c in chosen_cases), len(chosen_cases)
        )
        chosen_warnings = [w for w in warnings if in_split(split, w.split)]
        metrics["false alarms / warnings"] = share(
            sum(not w.justified for w in chosen_warnings), len(chosen_warnings)
        )
        table[split] = metrics
    return table


def cell(value: dict) -> str:
    if "count" in value:
        return str(value["count"])
    if not value["of"]:
        return "-"
    return f"{100 * value['right'] / value['of']:.1f}% ({value['right']}/{value['of']})"


def shown_splits(errors: str) -> tuple[str, ...]:
    """The columns a run shows: only dev while tuning on dev (--errors dev or dev-a), so the
    holdout's scores (and "all", which holds them) stay out of sight; every column otherwise."""
    if errors == "dev-a":
        return DEV_HALVES
    return ("dev",) if errors == "dev" else SPLITS


def print_table(table: dict[str, dict[str, dict]], splits: tuple[str, ...] = SPLITS) -> None:
    names = list(dict.fromkeys(name for split in splits for name in table[split]))
    width = max(map(len, names)) + 2
    print(f"{'':<{width}}" + "".join(f"{COLUMN_TITLES[s]:>20}" for s in splits))
    for name in names:
        print(
            f"{name:<{width}}"
            + "".join(f"{cell(table[s].get(name, {'of': 0})):>20}" for s in splits)
        )
    if splits != SPLITS:
        print("(holdout and all columns hidden while tuning on dev: run without --errors dev to see them)")


def error_listing(results, cases, warnings, split: str, flagged=frozenset()) -> dict[str, list]:
    """Per-item errors of one split (nothing for 'none')."""
    if split == "none":
        return {}
    return {
        "source errors not flagged": [{"figure": r.gold.label, "source_error": r.gold.get("source_error"),
                                       "figure_id": r.row and r.row["figure_id"]}
                                      for r, is_flagged in source_errors_flagged(results, set(flagged))
                                      if in_split(split, r.gold.split) and not is_flagged],
        "figures": [{"figure": r.gold.label, "split": r.gold.split, "outcome": r.outcome,
                     "figure_id": r.row and r.row["figure_id"], "errors": r.errors()}
                    for r in results if in_split(split, r.gold.split) and r.errors()],
        "cross-source cases not shown": [{"key": dict(zip(FACT_KEY, c.key)), "documents": c.documents, "why": c.how}
                                         for c in cases if in_split(split, c.split) and not c.shown],
        "warnings": [{"rule": w.issue["rule_id"], "message": w.issue["message"], "justified": w.justified,
                      "why": w.why, "gold": [g.label for g in w.golds]}
                     for w in warnings if in_split(split, w.split)],
    }  # fmt: skip


def print_errors(listing: dict[str, list], split: str) -> None:
    if not listing:
        return
    print(f"\nErrors, {split} split:")
    for entry in listing["figures"]:
        where = f" [{entry['figure_id']}]" if entry["figure_id"] else ""
        print(f"  {entry['figure']}{where}")
        for error in entry["errors"]:
            print(f"      {error}")
    for entry in listing["cross-source cases not shown"]:
        print(f"  case not shown {entry['key']} in {', '.join(entry['documents'])}: {entry['why']}")
    for entry in (w for w in listing["warnings"] if not w["justified"]):
        print(f"  false alarm {entry['rule']}: {entry['message']} ({entry['why']})")
    for entry in listing["source errors not flagged"]:
        print(f"  source error not flagged: {entry['figure']} ({entry['source_error']})")


# --- main --------------------------------------------------------------------------------------


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--corpus", type=Path, default=DEFAULT_CORPUS, help="corpus folder (documents/, gold/)"
    )
    parser.add_argument(
        "--warehouse", type=Path, help="warehouse folder (default: a temporary one)"
    )
    parser.add_argument(
        "--reuse", action="store_true", help="score the warehouse already in --warehouse"
    )
    parser.add_argument(
        "--json", type=Path, help="also write the metrics and the --errors listing here"
    )
    parser.add_argument("--errors", choices=["dev", "dev-a", "holdout", "all", "none"], default="none",
                        help="list per-figure errors of this split only (default none); dev-a lists "
                             "the errors of one dev half and scores both halves, so a rule written "
                             "from dev-a is checked on dev-b")  # fmt: skip
    args = parser.parse_args(argv)
    if args.reuse and not args.warehouse:
        parser.error("--reuse needs --warehouse")
    return args


def score(
    corpus: Path, warehouse_dir: Path, args: argparse.Namespace, golds: list[GoldFigure]
) -> dict:
    if args.reuse:
        print(f"Pipeline: not run (--reuse), scoring {warehouse_dir / 'warehouse.duckdb'}")
        seconds = None
    else:
        seconds, peak = run_pipeline(corpus / "documents", warehouse_dir)
        print(
            f"Pipeline: {seconds:.1f} s (peak {peak / 2**20:.0f} MiB) into {warehouse_dir / 'warehouse.duckdb'}"
        )
    if not (warehouse_dir / "warehouse.duckdb").exists():
        raise SystemExit(f"no published warehouse at {warehouse_dir / 'warehouse.duckdb'}")
    wh = read_warehouse(warehouse_dir / "warehouse.duckdb")
    results, extra = score_figures(golds, wh)
    absent = sorted(
        {g.document_id for g in golds} - {d for d, text in wh.clean_text.items() if text}
    )
    if absent:
        print(
            f"Not in the warehouse (or no clean text), their figures count as missed: {', '.join(absent)}"
        )
    concerned = {issue["issue_id"]: issue_figures(issue, wh) for issue in wh.issues}
    cases = cross_source_cases(results, wh, concerned)
    warnings, left_out = judge_warnings(wh, results, concerned)
    flagged = flagged_figures(wh, concerned)
    splits = shown_splits(args.errors)
    table = {split: metrics for split, metrics in all_metrics(results, extra, cases, warnings, flagged).items() if split in splits}
    print()
    print_table(table, splits)
    print(f"\nWarnings: warn rows of fct_quality_issue about gold documents' figures; left out: "
          f"{', '.join(f'{n} {why}' for why, n in sorted(left_out.items())) or 'none'}. Cross-source cases and "
          "warnings count in holdout/dev when all their documents are of that split.")  # fmt: skip
    listing = error_listing(results, cases, warnings, args.errors, flagged)
    print_errors(listing, args.errors)
    return {"pipeline_seconds": seconds, "metrics": table, "warnings_left_out": left_out,
            "errors_split": args.errors, "errors": listing}  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    corpus = args.corpus.resolve()
    documents = corpus_documents(corpus)
    golds = load_gold(corpus, documents)
    gold_documents = {g.document_id for g in golds}
    print(provenance_line(corpus, documents, gold_documents), flush=True)
    if not golds:
        print(f"No gold figures under {corpus / 'gold'}: nothing to score.")
        return 1
    if args.warehouse:
        if not args.reuse:
            args.warehouse.mkdir(parents=True, exist_ok=True)
        report = score(corpus, args.warehouse.resolve(), args, golds)
    else:
        with tempfile.TemporaryDirectory(prefix="warehouse-accuracy-") as folder:
            report = score(corpus, Path(folder), args, golds)
    if args.json:
        report["corpus"] = {
            "path": str(corpus),
            "documents": len(documents),
            "gold_documents": sorted(gold_documents),
        }
        args.json.write_text(json.dumps(report, indent=2, default=str) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
