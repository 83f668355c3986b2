"""Read the published marts the analyst pages are made of, and say their values in words.

Only published marts are read (read-only), with named columns: others may add columns to a
mart, none removes one. Helpers here turn ids and numbers into what a reader understands:
place and company names, "5,739", "over 80 million CNY", "2017".
"""

from __future__ import annotations

import hashlib
import math
import re
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pandas as pd

QUERIES = {
    "indicators": """
        select indicator_id, label, definition, level, unit_class, measure_type, canonical_unit
        from marts.dim_indicator""",
    "entities": "select entity_id, name, kind from marts.dim_entity",
    "documents": """
        select document_id, title, publisher, published_on, published_on_text, url, format, language,
               source_tier, status, error, n_sentences
        from marts.dim_document""",
    "figures": """
        select figure_id, document_id, sentence_id, sentence_index, start_char, end_char, surface_text,
               sentence_text, unit_class, unit, value_low, value_high, value_point, qualifier, status,
               period_label, period_is_fallback, rate_basis, geography_id, entity_id, concept,
               measure_type, indicator_id, is_quarantined, quarantine_reason
        from marts.fct_figure""",
    "observations": """
        select observation_id, indicator_value_id, is_derived, value_basis, parent_observation_id,
               figure_id, document_id, sentence_id, indicator_id, entity_id, geography_id,
               period_label, period_start, period_end, period_is_fallback, status, qualifier,
               rate_basis, unit, value_low, value_high, value_point, value_central, value_cny,
               value_usd, is_quarantined, quarantine_reason, source_tier
        from marts.fct_indicator_observation""",
    "values": """
        select indicator_value_id, indicator_id, geography_id, entity_id, period_label, period_year,
               status, rate_basis, value_basis, is_derived, unit, chosen_value, chosen_qualifier,
               chosen_value_low, chosen_value_high, chosen_observation_id, chosen_document_id,
               n_sources, n_publishers, n_supporting_sources, n_observations, min_value, max_value,
               values_agree, n_disagreeing_sources, disagreeing_values, document_ids
        from marts.fct_indicator_value""",
    "issues": """
        select issue_id, rule_id, family, severity, table_name, row_key, figure_id, document_id,
               message, validated_at
        from marts.fct_quality_issue""",
}

UNIT_WORDS = {"count": "", "percent": "%", "percentage_point": " percentage points", "m2": " m²"}
QUALIFIER_WORDS = {"exact": "", "over": "over ", "under": "under ", "about": "about ", "up_to": "up to "}
RATE_BASIS_WORDS = {"day": "per day", "month": "per month", "quarter": "per quarter", "week": "per week"}
VALUE_BASIS_WORDS = {
    "reported": "reported",
    "annualised": "derived: annualised from a rate",
    "prior_period_implied": "derived: prior period implied by a growth rate",
}


@dataclass
class Marts:
    indicators: pd.DataFrame
    entities: pd.DataFrame
    documents: pd.DataFrame
    figures: pd.DataFrame
    observations: pd.DataFrame
    values: pd.DataFrame
    issues: pd.DataFrame

    def entity_name(self, entity_id) -> str:
        if is_missing(entity_id):
            return ""
        names = self._names()
        return names.get(entity_id, str(entity_id))

    def _names(self) -> dict[str, str]:
        if not hasattr(self, "_name_cache"):
            self._name_cache = dict(zip(self.entities.entity_id, self.entities.name, strict=True))
        return self._name_cache

    def document(self, document_id) -> dict:
        if not hasattr(self, "_document_cache"):
            self._document_cache = {row["document_id"]: row for row in self.documents.to_dict("records")}
        return self._document_cache.get(document_id, {})

    def figure(self, figure_id) -> dict:
        if not hasattr(self, "_figure_cache"):
            self._figure_cache = {row["figure_id"]: row for row in self.figures.to_dict("records")}
        return self._figure_cache.get(figure_id, {})


def read_marts(published_database: Path) -> Marts:
    with duckdb.connect(str(published_database), read_only=True) as connection:
        frames = {name: connection.execute(sql).df() for name, sql in QUERIES.items()}
    return Marts(**frames)


def is_missing(value) -> bool:
    return value is None or value is pd.NA or value is pd.NaT or (isinstance(value, float) and math.isnan(value))


def anchor(prefix: str, key: str) -> str:
    """A readable, unique HTML id for a key: its letters and digits, then a short digest.

    Keys hold '@', ':' and sometimes non-ASCII letters; ids made of [A-Za-z0-9-] need no
    escaping in a URL fragment, and the digest keeps two keys that read alike apart."""
    readable = re.sub(r"[^A-Za-z0-9]+", "-", str(key)).strip("-")[:60]
    return f"{prefix}-{readable}-{hashlib.sha1(str(key).encode()).hexdigest()[:6]}"


def page_name(key: str) -> str:
    """A file name for a document or indicator page: the key itself when it is a plain name
    (indicators/makerspaces.html), else the anchor rule without its prefix."""
    if re.fullmatch(r"[A-Za-z0-9_-]+", str(key)):
        return f"{key}.html"
    return anchor("p", key)[2:] + ".html"


def format_number(value: float) -> str:
    if is_missing(value):
        return "?"
    magnitude = abs(value)
    for size, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if magnitude >= size:
            return f"{value / size:,.4g} {word}"
    if float(value).is_integer():
        return f"{value:,.0f}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def format_unit(unit) -> str:
    if is_missing(unit):
        return ""
    return UNIT_WORDS.get(unit, f" {unit}")


def format_value(value, unit=None, qualifier=None, low=None, high=None) -> str:
    """'5,739', 'over 80 million CNY', '30 million-40 million CNY', 'under 4,315'."""
    unit_text = format_unit(unit)
    if not is_missing(low) and not is_missing(high) and low != high:
        return f"{format_number(low)}–{format_number(high)}{unit_text}"
    words = "" if is_missing(qualifier) else QUALIFIER_WORDS.get(qualifier, f"{qualifier} ")
    return f"{words}{format_number(value)}{unit_text}"


def series_label(marts: Marts, geography_id, entity_id, status, rate_basis) -> str:
    """'Shanghai · UCloud · per month · expected': the place, company, rate and status a value holds for."""
    parts = [marts.entity_name(geography_id) or "place not stated"]
    if not is_missing(entity_id):
        parts.append(marts.entity_name(entity_id))
    if not is_missing(rate_basis) and rate_basis != "year":
        parts.append(RATE_BASIS_WORDS.get(rate_basis, f"per {rate_basis}"))
    if not is_missing(status) and status != "actual":
        parts.append(str(status))
    return " · ".join(parts)


def highlighted_sentence(sentence_text, surface_text) -> tuple[str, str, str]:
    """The sentence split around the figure's words (before, figure, after) for highlighting."""
    sentence = "" if is_missing(sentence_text) else str(sentence_text)
    surface = "" if is_missing(surface_text) else str(surface_text)
    at = sentence.find(surface) if surface else -1
    if at < 0:
        return sentence, "", ""
    return sentence[:at], surface, sentence[at + len(surface):]
