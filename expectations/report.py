"""The data-quality report: one self-contained HTML page written next to the warehouse.

GX Data Docs need a file-backed context and site builder; the validation runs in an ephemeral
context, so the page is rendered here from the same outcomes: one section per rule with its
family, severity, expectation, rows checked and the failing rows' messages.
"""

from __future__ import annotations

import html
from pathlib import Path

from expectations.validate import RuleOutcome

REPORT_DIR_NAME = "quality_report"
# Enough rows per rule to review; the full list is in marts.fct_quality_issue.
MAX_ROWS_SHOWN = 200

_STYLE = """
body { font-family: system-ui, sans-serif; margin: 2rem; color: #222; }
table { border-collapse: collapse; margin-bottom: 1.5rem; }
td, th { border: 1px solid #ccc; padding: .3rem .6rem; text-align: left; vertical-align: top; }
.pass { color: #176317; } .info { color: #2a4d8a; } .warn { color: #8a5a00; } .error { color: #a00000; font-weight: bold; }
"""


def _status(outcome: RuleOutcome) -> str:
    if outcome.success:
        return "pass"
    return outcome.rule.severity if outcome.rule.severity in ("error", "info") else "warn"


def _summary_row(outcome: RuleOutcome) -> str:
    rule, status = outcome.rule, _status(outcome)
    cells = [
        f'<a href="#{rule.id}">{html.escape(rule.id)}</a>', rule.family, rule.severity,
        rule.expectation, str(outcome.n_checked), str(outcome.n_failed), f'<span class="{status}">{status}</span>',
    ]
    return "<tr>" + "".join(f"<td>{cell}</td>" for cell in cells) + "</tr>"


def _rule_section(outcome: RuleOutcome) -> str:
    rule = outcome.rule
    parts = [
        f'<h2 id="{rule.id}">{html.escape(rule.id)} <small class="{_status(outcome)}">{_status(outcome)}</small></h2>',
        (f"<p>{html.escape(rule.description)} Family <b>{rule.family}</b>, severity <b>{rule.severity}</b>, "
        f"table <code>{rule.table}</code>, expectation <code>{rule.expectation}({html.escape(str(rule.kwargs))})</code>.</p>"),
    ]
    if outcome.error:
        parts.append(f'<p class="error">The expectation could not be evaluated: {html.escape(outcome.error)}</p>')
    if outcome.n_failed:
        rows = outcome.issues.head(MAX_ROWS_SHOWN)
        parts.append("<table><tr><th>row</th><th>document</th><th>message</th></tr>")
        parts.extend(
            f"<tr><td><code>{html.escape(str(row.row_key))}</code></td><td>{html.escape(str(row.document_id or ''))}</td>"
            f"<td>{html.escape(row.message)}</td></tr>"
            for row in rows.itertuples()
        )
        parts.append("</table>")
    return "\n".join(parts)


def render_report(outcomes: list[RuleOutcome], validated_at: str) -> str:
    errors = sum(o.n_failed for o in outcomes if o.rule.severity == "error")
    warnings = sum(o.n_failed for o in outcomes if o.rule.severity == "warn")
    header = "<tr><th>rule</th><th>family</th><th>severity</th><th>expectation</th><th>checked</th><th>failing</th><th>status</th></tr>"
    return "\n".join(
        [
            "<!doctype html><html><head><meta charset='utf-8'><title>Data quality report</title>",
            f"<style>{_STYLE}</style></head><body>",
            "<h1>Data quality report</h1>",
            (f"<p>Validated {html.escape(validated_at)}: {len(outcomes)} rules, {errors} error-level and "
            f"{warnings} warn-level failing rows. Every failing row is in <code>marts.fct_quality_issue</code>.</p>"),
            f"<table>{header}{''.join(_summary_row(o) for o in outcomes)}</table>",
            *(_rule_section(o) for o in outcomes),
            "</body></html>",
        ]
    )


def write_report(outcomes: list[RuleOutcome], warehouse_dir: Path, validated_at: str) -> Path:
    """Write <warehouse_dir>/quality_report/index.html, replacing the previous run's page."""
    path = Path(warehouse_dir) / REPORT_DIR_NAME / "index.html"
    path.parent.mkdir(parents=True, exist_ok=True)
    staging = path.with_suffix(".html.tmp")
    staging.write_text(render_report(outcomes, validated_at), encoding="utf-8")
    staging.replace(path)
    return path
