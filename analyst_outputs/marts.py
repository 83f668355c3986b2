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


def _scoped(query: str, column: str) -> str:
    return f"select * from ({query}) where {column} in (select unnest(?::varchar[]))"


class MartReader:
    """The published marts read a part at a time, so memory does not grow with the corpus: the
    dimensions (indicators, entities, documents) whole, the fact tables only for the documents,
    the indicator or the findings one page shows."""

    def __init__(self, connection: duckdb.DuckDBPyConnection):
        self.connection = connection
        self.indicators = connection.execute(QUERIES["indicators"]).df()
        self.entities = connection.execute(QUERIES["entities"]).df()
        self.documents = connection.execute(QUERIES["documents"]).df()
        self._empty = {name: connection.execute(f"select * from ({QUERIES[name]}) limit 0").df()
                       for name in ("figures", "observations", "values", "issues")}  # fmt: skip

    def dimensions(self) -> Marts:
        """The dimensions whole, no facts: enough to name places and cite documents."""
        return self._marts()

    def _marts(self, **frames: pd.DataFrame) -> Marts:
        parts = {"indicators": self.indicators, "entities": self.entities, "documents": self.documents, **self._empty}
        return Marts(**(parts | frames))

    def _rows(self, name: str, column: str, keys: list) -> pd.DataFrame:
        return self.connection.execute(_scoped(QUERIES[name], column), [[str(key) for key in keys]]).df()

    def for_documents(self, document_ids: list[str]) -> Marts:
        """The documents' own rows and figures (a batch of document pages)."""
        documents = self.documents[self.documents.document_id.isin(set(document_ids))]
        return self._marts(documents=documents, figures=self._rows("figures", "document_id", document_ids))

    def for_indicators(self, indicator_ids: list[str]) -> Marts:
        """Some indicators, their observations and values, and the figures their observations cite
        (a batch of indicator pages: three queries for the batch, not three per page)."""
        observations = self._rows("observations", "indicator_id", indicator_ids)
        return self._marts(
            indicators=self.indicators[self.indicators.indicator_id.isin(set(indicator_ids))],
            observations=observations,
            values=self._rows("values", "indicator_id", indicator_ids),
            figures=self._rows("figures", "figure_id", list(observations.figure_id.dropna().unique())),
        )

    def for_findings(self, per_rule: int) -> tuple[Marts, dict[str, int]]:
        """The first `per_rule` findings of each rule (in the quality page's order), the rows they
        name, and every rule's number of findings."""
        issues = self.connection.execute(
            f"""select * exclude (shown_rank) from (
                    select *, row_number() over (
                        partition by rule_id order by document_id nulls last, row_key nulls last, issue_id
                    ) as shown_rank
                    from ({QUERIES["issues"]}))
                where shown_rank <= ?""",
            [per_rule],
        ).df()
        totals = dict(self.connection.execute("select rule_id, count(*) from marts.fct_quality_issue group by 1").fetchall())
        value_ids = list(issues.loc[issues.table_name == "fct_indicator_value", "row_key"].dropna().unique())
        values = self._rows("values", "indicator_value_id", value_ids)
        observations = self._rows("observations", "indicator_value_id", value_ids)
        figure_ids = set(issues.figure_id.dropna()) | set(observations.figure_id.dropna())
        figures = self._rows("figures", "figure_id", sorted(figure_ids))
        return self._marts(issues=issues, values=values, observations=observations, figures=figures), totals

    def document_inputs(self) -> list[tuple[str, int, str]]:
        """(document id, number of figures, digest of every row its page shows), in page order."""
        return self.connection.execute(DOCUMENT_INPUTS).fetchall()

    def indicator_inputs(self) -> list[tuple[str, str, int]]:
        """(indicator id, digest of every row its page shows, number of observations) for each
        indicator with observations, in the order of the explorer's index (by label)."""
        return self.connection.execute(INDICATOR_INPUTS).fetchall()


# What a document page shows: its dim_document row, its figures, the names of their places and
# companies, their indicators' labels and whether those indicators have a page. DuckDB hashes
# each row (a table alias is the row as a struct); the sum is order-free and counts repeats.
DOCUMENT_INPUTS = f"""
with figure_rows as (
    select f.*, g.name as geography_name, e.name as entity_name, i.label as indicator_label,
           f.indicator_id in (select indicator_id from marts.fct_indicator_observation) as indicator_has_page
    from ({QUERIES["figures"]}) f
    left join marts.dim_entity g on g.entity_id = f.geography_id
    left join marts.dim_entity e on e.entity_id = f.entity_id
    left join marts.dim_indicator i on i.indicator_id = f.indicator_id
), per_document as (
    select document_id, count(*) as n_figures, sum(hash(figure_rows)::hugeint) as figures_hash
    from figure_rows group by document_id
)
select d.document_id, coalesce(p.n_figures, 0)::bigint,
       hash(d)::varchar || ':' || coalesce(p.figures_hash::varchar, '-')
from ({QUERIES["documents"]}) d left join per_document p using (document_id)
order by d.published_on nulls last, d.document_id
"""

# What an indicator page shows: the indicator, its observations with the sentence and document
# each cites, its reconciled values with their chosen document, and the names of places and
# companies.
INDICATOR_INPUTS = f"""
with links as (
    select document_id, title, publisher, published_on_text, source_tier, url from marts.dim_document
), observation_rows as (
    select o.*, f.sentence_text, f.surface_text, f.start_char, f.end_char, f.document_id as figure_document_id,
           fl as figure_document, ol as observation_document, g.name as geography_name, e.name as entity_name
    from ({QUERIES["observations"]}) o
    left join marts.fct_figure f on f.figure_id = o.figure_id
    left join links fl on fl.document_id = f.document_id
    left join links ol on ol.document_id = o.document_id
    left join marts.dim_entity g on g.entity_id = o.geography_id
    left join marts.dim_entity e on e.entity_id = o.entity_id
), value_rows as (
    select v.*, cl as chosen_document, g.name as geography_name, e.name as entity_name
    from ({QUERIES["values"]}) v
    left join links cl on cl.document_id = v.chosen_document_id
    left join marts.dim_entity g on g.entity_id = v.geography_id
    left join marts.dim_entity e on e.entity_id = v.entity_id
), observed as (
    select indicator_id, count(*) as n, sum(hash(observation_rows)::hugeint) as h from observation_rows group by 1
), valued as (
    select indicator_id, count(*) as n, sum(hash(value_rows)::hugeint) as h from value_rows group by 1
)
select i.indicator_id,
       hash(i)::varchar || ':' || o.n || ':' || o.h || ':' || coalesce(v.n, 0) || ':' || coalesce(v.h::varchar, '-'),
       o.n
from ({QUERIES["indicators"]}) i
join observed o using (indicator_id)
left join valued v using (indicator_id)
order by i.label, i.indicator_id
"""
