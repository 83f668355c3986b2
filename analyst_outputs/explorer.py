"""The indicator explorer: one page per indicator, one per document, the quality findings.

Every chart mark and every table row leads to the evidence: an indicator page lists its
reconciled values and the observations behind them, each observation links to the sentence it
was read from on its document's page, and the document page links to the original (url).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from analyst_outputs.charts import busiest_series, chart_svg
from analyst_outputs.marts import (
    VALUE_BASIS_WORDS,
    Marts,
    anchor,
    format_value,
    highlighted_sentence,
    is_missing,
    page_name,
    series_label,
)
from expectations.validate import load_rules

# Findings shown per rule on the quality page (all of them are in marts.fct_quality_issue).
MAX_FINDINGS_PER_RULE = 500
# Rows an indicator page lists and charts (the exports hold every row): a page with all of a large
# corpus's observations ran to 160 MB, most of it chart marks.
MAX_VALUE_ROWS = 1_000
MAX_OBSERVATION_ROWS = 2_000
# Observations a value row links to (listed first); the rest are counted.
MAX_VALUE_LINKS = 10
UNIT_TITLES = {"count": "count", "percent": "percent", "percentage_point": "percentage points", "m2": "m²"}


@dataclass
class IndicatorPage:
    indicator_id: str
    label: str
    file_name: str
    definition: str
    unit: str
    n_values: int
    n_observations: int
    n_documents: int
    n_disagreements: int
    places: list[str]
    periods: str
    chart: str = ""
    n_series: int = 0  # places and companies with a point to draw
    charted_series: int = 0  # those the chart draws (the busiest, charts.MAX_CHART_SERIES)
    values: list[dict] = field(default_factory=list)
    observations: list[dict] = field(default_factory=list)
    listed_values: int = 0  # rows the tables list, of n_values and n_observations
    listed_observations: int = 0


def _midpoint(start, end):
    if is_missing(start) and is_missing(end):
        return pd.NaT
    start = pd.Timestamp(end if is_missing(start) else start)
    end = pd.Timestamp(start if is_missing(end) else end)
    return start + (end - start) / 2


def document_link(marts: Marts, document_id, root: str = "../") -> dict:
    """What a page needs to cite a document: title, publisher, date, tier, page and original url."""
    document = marts.document(document_id)
    return {
        "document_id": document_id,
        "title": document.get("title") or document_id,
        "publisher": document.get("publisher") or "",
        "published": document.get("published_on_text") or "",
        "source_tier": document.get("source_tier"),
        "url": None if is_missing(document.get("url")) else document.get("url"),
        "page": f"{root}documents/{page_name(document_id)}",
    }


def figure_evidence(marts: Marts, figure_id, root: str = "../") -> dict | None:
    """The sentence a figure was read from, split for highlighting, with its document and link."""
    figure = marts.figure(figure_id)
    if not figure:
        return None
    before, words, after = highlighted_sentence(figure["sentence_text"], figure["surface_text"])
    document = document_link(marts, figure["document_id"], root)
    return {
        "figure_id": figure_id,
        "surface_text": figure["surface_text"],
        "start_char": figure["start_char"],
        "end_char": figure["end_char"],
        "before": before,
        "words": words,
        "after": after,
        "document": document,
        "link": f"{document['page']}#{anchor('fig', figure_id)}",
    }


def _observation_rows(
    marts: Marts, observations: pd.DataFrame, value_ids: set[str], listed: set[str]
) -> tuple[list[dict], list[dict], dict[str, list[dict]]]:
    """Table rows and chart points (when it can be placed in time) for the listed observations,
    and every observation's link by its reconciled value's id (an observation not listed links to
    its sentence on its document's page)."""
    rows, points, members = [], [], {}
    for observation in observations.to_dict("records"):
        series = series_label(
            marts, observation["geography_id"], observation["entity_id"], observation["status"], observation["rate_basis"]
        )
        x = _midpoint(observation["period_start"], observation["period_end"])
        if observation["observation_id"] not in listed:
            document = document_link(marts, observation["document_id"])
            link = {"href": f"{document['page']}#{anchor('fig', observation['figure_id'])}", "title": document["title"]}
            members.setdefault(observation["indicator_value_id"], []).append({**link, "x": x, "series": series})
            continue
        row_anchor = anchor("obs", observation["observation_id"])
        evidence = figure_evidence(marts, observation["figure_id"])
        title = evidence["document"]["title"] if evidence else row_anchor
        members.setdefault(observation["indicator_value_id"], []).append({"href": f"#{row_anchor}", "title": title, "x": x, "series": series})
        value_text = format_value(
            observation["value_central"], observation["unit"], observation["qualifier"],
            observation["value_low"], observation["value_high"],
        )  # fmt: skip
        kind = "reported" if observation["value_basis"] == "reported" else "derived"
        notes = []
        if observation["is_quarantined"]:
            notes.append(f"quarantined: {observation['quarantine_reason']}")
        if observation["period_is_fallback"]:
            notes.append("the text gives no period; the publication year stands in, so it is not charted")
        rows.append(
            {
                "anchor": row_anchor,
                "series": series,
                "period": observation["period_label"],
                "basis": VALUE_BASIS_WORDS.get(observation["value_basis"], observation["value_basis"]),
                "kind": kind,
                "value": value_text,
                "parent": None if is_missing(observation["parent_observation_id"]) else anchor("obs", observation["parent_observation_id"]),
                # Observations left out of reconciliation keep an indicator_value_id with no value row.
                "value_anchor": anchor("value", observation["indicator_value_id"])
                if observation["indicator_value_id"] in value_ids else None,
                "evidence": evidence,
                "notes": notes,
                "x": x,
            }
        )
        chartable = not observation["is_quarantined"] and not observation["period_is_fallback"]
        if chartable and not is_missing(observation["value_central"]) and not pd.isna(x):
            ranged = not is_missing(observation["value_low"]) and not is_missing(observation["value_high"])
            source = evidence["document"]["title"] if evidence else observation["document_id"]
            points.append(
                {
                    "series": series,
                    "x": x,
                    "y": observation["value_central"],
                    "y_low": observation["value_low"] if ranged else None,
                    "y_high": observation["value_high"] if ranged else None,
                    "kind": kind,
                    "href": f"#{row_anchor}",
                    "label": f"{kind} {observation['period_label']}: {value_text}, {source}",
                }
            )
    return rows, points, members


def _value_rows(
    marts: Marts, values: pd.DataFrame, members_by_value: dict[str, list[dict]], listed: set[str]
) -> tuple[list[dict], list[dict]]:
    """Table rows for the listed values, and chart points for those that can be placed in time
    (midway between their observations)."""
    rows, points = [], []
    for value in values[values.indicator_value_id.isin(listed)].to_dict("records"):
        row_anchor = anchor("value", value["indicator_value_id"])
        members = members_by_value.get(value["indicator_value_id"], [])
        series = series_label(marts, value["geography_id"], value["entity_id"], value["status"], value["rate_basis"])
        chosen = format_value(value["chosen_value"], value["unit"], value["chosen_qualifier"])
        agree = bool(value["values_agree"])
        spread = format_value(None, value["unit"], None, value["min_value"], value["max_value"])
        rows.append(
            {
                "anchor": row_anchor,
                "series": series,
                "period": value["period_label"],
                "basis": VALUE_BASIS_WORDS.get(value["value_basis"], value["value_basis"]),
                "value": chosen,
                "n_sources": int(value["n_sources"]),
                "n_publishers": int(value["n_publishers"]),
                "agree": agree,
                "disagreeing_values": None if is_missing(value["disagreeing_values"]) else value["disagreeing_values"],
                "spread": spread if value["min_value"] != value["max_value"] else None,
                "chosen_document": document_link(marts, value["chosen_document_id"]) if not is_missing(value["chosen_document_id"]) else None,
                "observations": [{"href": m["href"], "title": m["title"]} for m in _listed_first(members)[:MAX_VALUE_LINKS]],
                "more_observations": max(0, len(members) - MAX_VALUE_LINKS),
            }
        )
        xs = [m["x"] for m in members if not pd.isna(m["x"])]
        if xs and not is_missing(value["chosen_value"]):
            ranged = value["min_value"] != value["max_value"]
            kind = "reconciled" if agree else "reconciled: sources disagree"
            points.append(
                {
                    "series": series,
                    "x": min(xs) + (max(xs) - min(xs)) / 2,
                    "y": value["chosen_value"],
                    "y_low": value["min_value"] if ranged else None,
                    "y_high": value["max_value"] if ranged else None,
                    "kind": kind,
                    "href": f"#{row_anchor}",
                    "label": (f"{kind} {value['period_label']}: {chosen} from {int(value['n_sources'])} "
                              f"document(s)" + ("" if agree else f"; they disagree: {value['disagreeing_values']}")),
                }
            )
    return rows, points


def _listed_first(members: list[dict]) -> list[dict]:
    return sorted(members, key=lambda member: not member["href"].startswith("#"))


def listed_rows(values: pd.DataFrame, observations: pd.DataFrame) -> tuple[set[str], set[str]]:
    """The values and observations an indicator page lists: the values most documents report
    (latest period first among equals), up to MAX_VALUE_ROWS, then the observations behind them,
    then the others, up to MAX_OBSERVATION_ROWS."""
    ranked = values.sort_values(["n_sources", "period_label", "indicator_value_id"], ascending=[False, False, True], kind="stable")
    listed_values = set(ranked.indicator_value_id.head(MAX_VALUE_ROWS))
    behind = observations.indicator_value_id.isin(listed_values)
    ordered = pd.concat([observations[behind].sort_values("observation_id"), observations[~behind].sort_values("observation_id")])
    return listed_values, set(ordered.observation_id.head(MAX_OBSERVATION_ROWS))


def indicator_pages(marts: Marts) -> list[IndicatorPage]:
    """A page for every indicator that has at least one observation, charts rendered."""
    pages = []
    for indicator in marts.indicators.sort_values("label").to_dict("records"):
        indicator_id = indicator["indicator_id"]
        observations = marts.observations[marts.observations.indicator_id == indicator_id]
        if observations.empty:
            continue
        values = marts.values[marts.values.indicator_id == indicator_id]
        listed_values, listed_observations = listed_rows(values, observations)
        observation_rows, observation_points, members = _observation_rows(
            marts, observations, set(values.indicator_value_id), listed_observations
        )
        value_rows, value_points = _value_rows(marts, values, members, listed_values)
        observation_rows.sort(key=lambda row: (row["series"], str(row["period"]), row["kind"], row["anchor"]))
        value_rows.sort(key=lambda row: (row["series"], str(row["period"]), row["basis"]))
        units = sorted({u for u in observations.unit.dropna()})
        unit = units[0] if len(units) == 1 else ", ".join(units)
        page = IndicatorPage(
            indicator_id=indicator_id,
            label=indicator["label"],
            file_name=page_name(indicator_id),
            definition=indicator["definition"] or "",
            unit=unit,
            n_values=len(values),
            n_observations=len(observations),
            n_documents=observations.document_id.nunique(),
            n_disagreements=int((~values.values_agree.astype(bool)).sum()),
            places=sorted({member["series"] for listed in members.values() for member in listed}),
            periods=_period_span(observations),
            values=value_rows,
            observations=observation_rows,
            listed_values=len(value_rows),
            listed_observations=len(observation_rows),
        )
        points = pd.DataFrame(observation_points + value_points)
        if not points.empty:
            # the rows come in the order the build happened to write them, which differs between
            # two builds of the same data: sorted, the same data is the same chart (a cache hit)
            points = points.sort_values(["series", "x", "kind", "href"], kind="stable", ignore_index=True)
            points, page.n_series = busiest_series(points)
            page.charted_series = int(points.series.nunique())
            page.chart = chart_svg(points, UNIT_TITLES.get(unit, unit))
        pages.append(page)
    return pages


def _period_span(observations: pd.DataFrame) -> str:
    labels = sorted(str(label) for label in observations.period_label.dropna().unique())
    if not labels:
        return ""
    return labels[0] if len(labels) == 1 else f"{labels[0]} to {labels[-1]}"


def split_highlights(sentence: str, figures: list[dict]) -> list[dict]:
    """The sentence as pieces, each figure's words marked with its anchor (found left to right)."""
    pieces, position = [], 0
    for figure in figures:
        words = str(figure["surface_text"])
        at = sentence.find(words, position)
        if at < 0:
            continue
        pieces.append({"text": sentence[position:at], "anchor": None})
        pieces.append({"text": words, "anchor": anchor("fig", figure["figure_id"])})
        position = at + len(words)
    pieces.append({"text": sentence[position:], "anchor": None})
    return pieces


def _stated_value(figure: dict):
    """The figure's point value, or its one bound ("over 410,000" has a low bound only)."""
    for column in ("value_point", "value_low", "value_high"):
        if not is_missing(figure[column]):
            return figure[column]
    return None


def document_pages(marts: Marts, indicator_files: dict[str, str]) -> list[dict]:
    """A page per document: its metadata and every sentence with figures, each figure anchored."""
    pages = []
    labels = dict(zip(marts.indicators.indicator_id, marts.indicators.label, strict=True))
    # rows as dicts once: DataFrame.to_dict per sentence costs a column lookup per column and call
    # (three quarters of the explorer's time on 200 documents)
    by_document: dict[str, list[dict]] = {}
    for row in marts.figures.sort_values(["document_id", "start_char"]).to_dict("records"):
        by_document.setdefault(row["document_id"], []).append(row)
    for document in marts.documents.sort_values(["published_on", "document_id"]).to_dict("records"):
        document_figures = by_document.get(document["document_id"], [])
        by_sentence: dict[str, list[dict]] = {}
        for row in document_figures:
            # a figure outside every sentence has no line to show (as pandas' groupby left it out)
            if not is_missing(row["sentence_id"]):
                by_sentence.setdefault(row["sentence_id"], []).append(row)
        sentences = []
        for sentence_id, rows in by_sentence.items():
            figure_rows = [
                {
                    "anchor": anchor("fig", row["figure_id"]),
                    "surface_text": row["surface_text"],
                    "value": format_value(_stated_value(row), row["unit"], row["qualifier"], row["value_low"], row["value_high"]),
                    "concept": None if is_missing(row["concept"]) else row["concept"],
                    "measure_type": row["measure_type"],
                    "period": row["period_label"] + (" (publication year: the text gives none)" if row["period_is_fallback"] else ""),
                    "place": series_label(marts, row["geography_id"], row["entity_id"], None, None),
                    "indicator": None if is_missing(row["indicator_id"]) else {
                        "label": labels.get(row["indicator_id"], row["indicator_id"]),
                        "page": f"../indicators/{indicator_files[row['indicator_id']]}" if row["indicator_id"] in indicator_files else None,
                    },
                    "quarantine": row["quarantine_reason"] if row["is_quarantined"] else None,
                    "chars": f"{row['start_char']}–{row['end_char']}",
                }
                for row in rows
            ]
            sentences.append(
                {
                    "anchor": anchor("s", sentence_id),
                    "index": rows[0]["sentence_index"],
                    "pieces": split_highlights(str(rows[0]["sentence_text"]), rows),
                    "figures": figure_rows,
                }
            )
        pages.append({**document_link(marts, document["document_id"]), "record": document, "file_name": page_name(document["document_id"]), "sentences": sentences, "n_figures": len(document_figures)})
    return pages


def quality_findings(
    marts: Marts, indicator_files: dict[str, str], totals: dict[str, int] | None = None
) -> tuple[list[dict], list[dict]]:
    """(per-rule summary, findings): every finding with a readable subject, its sentences and documents.

    totals gives each rule's number of findings when marts.issues holds only those shown."""
    rules = {rule.id: rule for rule in load_rules()}
    labels = dict(zip(marts.indicators.indicator_id, marts.indicators.label, strict=True))
    values = {row["indicator_value_id"]: row for row in marts.values.to_dict("records")}
    observations = {row["observation_id"]: row for row in marts.observations.to_dict("records")}
    figures_of_value: dict[str, list[str]] = {}
    for observation in observations.values():
        figures_of_value.setdefault(observation["indicator_value_id"], []).append(observation["figure_id"])
    severity_order = {"error": 0, "warn": 1, "info": 2}
    issues = marts.issues.assign(order=marts.issues.severity.map(severity_order).fillna(2))
    issues = issues.sort_values(["order", "rule_id", "document_id", "row_key"])
    # A page stays readable: the first findings of each rule; every one is in the marts and exports.
    shown = issues.groupby("rule_id", sort=False).head(MAX_FINDINGS_PER_RULE)
    findings = []
    for issue in shown.to_dict("records"):
        subject, subject_link, figure_ids = _subject(marts, issue, labels, values, figures_of_value, indicator_files)
        evidence = [e for e in (figure_evidence(marts, figure_id, root="") for figure_id in figure_ids) if e]
        document = None if is_missing(issue["document_id"]) else document_link(marts, issue["document_id"], root="")
        findings.append(
            {
                "anchor": anchor("issue", issue["issue_id"]),
                "rule_id": issue["rule_id"],
                "severity": issue["severity"],
                "family": issue["family"],
                "subject": subject,
                "subject_link": subject_link,
                "message": issue["message"],
                "evidence": evidence,
                "document": document,
            }
        )
    summary = []
    for rule_id, frame in marts.issues.groupby("rule_id"):
        rule = rules.get(rule_id)
        summary.append(
            {
                "rule_id": rule_id,
                "severity": frame.severity.iloc[0],
                "family": frame.family.iloc[0],
                "description": rule.description if rule else "",
                "n_findings": (totals or {}).get(rule_id, len(frame)),
                "n_shown": min(len(frame), MAX_FINDINGS_PER_RULE),
                "first_anchor": next(f["anchor"] for f in findings if f["rule_id"] == rule_id),
            }
        )
    summary.sort(key=lambda row: (severity_order.get(row["severity"], 2), row["rule_id"]))
    return summary, findings


def _subject(marts, issue, labels, values, figures_of_value, indicator_files) -> tuple[str, str | None, list[str]]:
    """A finding's subject in words, a link to it, and the figures whose sentences it rests on."""
    table, key = issue["table_name"], issue["row_key"]
    if table == "fct_indicator_value" and key in values:
        value = values[key]
        basis = VALUE_BASIS_WORDS.get(value["value_basis"], value["value_basis"])
        series = series_label(marts, value["geography_id"], value["entity_id"], value["status"], value["rate_basis"])
        subject = f"{labels.get(value['indicator_id'], value['indicator_id'])} · {series} · {value['period_label']} · {basis}"
        page = indicator_files.get(value["indicator_id"])
        link = f"indicators/{page}#{anchor('value', key)}" if page else None
        return subject, link, list(dict.fromkeys(figures_of_value.get(key, [])))
    if table == "dim_document":
        document = marts.document(key)
        return f"document '{document.get('title') or key}'", f"documents/{page_name(key)}", []
    figure_id = issue["figure_id"]
    if not is_missing(figure_id) and marts.figure(figure_id):
        figure = marts.figure(figure_id)
        subject = f"figure '{figure['surface_text']}' (characters {figure['start_char']}–{figure['end_char']})"
        if table == "fct_indicator_observation" and not is_missing(figure["indicator_id"]):
            subject = f"{labels.get(figure['indicator_id'], figure['indicator_id'])}: {subject}"
        return subject, f"documents/{page_name(figure['document_id'])}#{anchor('fig', figure_id)}", [figure_id]
    return f"{table} row {key}", None, []
