"""The common analyses, on the published warehouse (read-only) and its exports.

    .venv/bin/python examples/common_analyses.py [WAREHOUSE_DIR]

Prints each question, the SQL that answers it and the answer. WAREHOUSE_DIR defaults to
warehouse/ (what `make run` publishes). The output on the seed documents is kept beside this
file in common_analyses.txt.
"""

from __future__ import annotations

import sys
import textwrap
from pathlib import Path

import duckdb
import pandas as pd

ANALYSES = [
    (
        "1. Makerspaces in China over time, with the documents behind each point",
        """
        select v.period_label as period, v.value_basis as basis, v.chosen_qualifier as qualifier,
               round(v.chosen_value) as value, v.n_sources as sources, v.values_agree as agree,
               o.document_id, d.publisher, f.surface_text as words, o.is_derived as derived
        from marts.fct_indicator_value v
        join marts.fct_indicator_observation o using (indicator_value_id)
        join marts.fct_figure f on f.figure_id = o.figure_id
        join marts.dim_document d on d.document_id = o.document_id
        where v.indicator_id = 'makerspaces' and v.geography_id = 'china'
        order by v.period_label, o.document_id
        """,
    ),
    (
        "2. The sentence behind each 2017 makerspace figure",
        """
        select o.document_id, d.title, f.start_char, f.end_char, f.sentence_text
        from marts.fct_indicator_observation o
        join marts.fct_figure f using (figure_id)
        join marts.dim_document d on d.document_id = o.document_id
        where o.indicator_id = 'makerspaces' and o.period_label = '2017' and not o.is_derived
        order by d.source_tier, o.document_id
        """,
    ),
    (
        "3. Where the documents disagree (none on the seeds: every value is agreed)",
        """
        select i.label, v.geography_id, v.period_label, v.chosen_value, v.disagreeing_values
        from marts.fct_indicator_value v join marts.dim_indicator i using (indicator_id)
        where not v.values_agree
        order by i.label, v.period_label
        """,
    ),
    (
        "4. Values reported by more than one document",
        """
        select i.label, v.geography_id as place, v.period_label as period, v.chosen_qualifier as qualifier,
               v.chosen_value as value, v.unit, v.n_sources as documents
        from marts.fct_indicator_value v join marts.dim_indicator i using (indicator_id)
        where v.n_sources > 1 and not v.is_derived
        order by i.label, v.period_label
        """,
    ),
    (
        "5. Money in both currencies (CNY and USD at the ECB annual average of the figure's year)",
        """
        select i.label, v.period_label as period, round(v.chosen_value_cny / 1e9, 3) as cny_bn,
               round(v.chosen_value_usd / 1e9, 3) as usd_bn
        from marts.fct_indicator_value v join marts.dim_indicator i using (indicator_id)
        where v.unit = 'CNY' and v.entity_id is null and not v.is_derived
        order by cny_bn desc
        """,
    ),
    (
        "6. The quality findings per rule",
        """
        select rule_id, severity, count(*) as findings, any_value(message) as for_example
        from marts.fct_quality_issue group by rule_id, severity order by findings desc
        """,
    ),
]

PARQUET_ANALYSIS = (
    "7. The same from the Parquet exports, without the warehouse file: figures per document",
    """
    select d.title, count(*) as figures, count(f.indicator_id) as classified
    from '{exports}/parquet/fct_figure.parquet' f
    join '{exports}/parquet/dim_document.parquet' d using (document_id)
    group by d.title order by figures desc
    """,
)


def show(connection: duckdb.DuckDBPyConnection, title: str, sql: str) -> None:
    print(f"## {title}\n")
    print(textwrap.dedent(sql).strip())
    frame = connection.execute(sql).df()
    print()
    print(frame.to_string(index=False, max_colwidth=70) if len(frame) else "(no rows)")
    print()


def chart_company_sales(connection: duckdb.DuckDBPyConnection, svg: Path) -> None:
    """8. A chart of your own: UCloud's sales, reported and annualised, drawn offline to SVG."""
    import altair as alt
    import vl_convert

    frame = connection.execute(
        """
        select period_label as period, value_basis as basis, coalesce(rate_basis, 'year') as rate,
               chosen_value / 1e6 as million_cny
        from marts.fct_indicator_value
        where indicator_id = 'company_sales' and entity_id = 'ucloud' and status = 'actual'
        order by period_label
        """
    ).df()
    chart = alt.Chart(frame).mark_point(size=90, filled=True).encode(
        x=alt.X("period:O"), y=alt.Y("million_cny:Q", title="million CNY"),
        color="basis:N", shape="rate:N", tooltip=list(frame.columns),
    )  # fmt: skip
    svg.write_text(vl_convert.vegalite_to_svg(chart.to_dict()), encoding="utf-8")
    print("## 8. A chart of your own: UCloud's sales per period, reported and annualised\n")
    print(frame.to_string(index=False))
    print(f"\nwritten to {svg}\n")


def main(argv: list[str]) -> int:
    warehouse_dir = Path(argv[0] if argv else "warehouse")
    database = warehouse_dir / "warehouse.duckdb"
    if not database.exists():
        print(f"No published warehouse at {database}: run `make run` first.", file=sys.stderr)
        return 2
    pd.set_option("display.width", 250)
    pd.set_option("display.float_format", "{:,.2f}".format)
    with duckdb.connect(str(database), read_only=True) as connection:
        for title, sql in ANALYSES:
            show(connection, title, sql)
        chart_company_sales(connection, warehouse_dir / "ucloud_sales.svg")
    exports = warehouse_dir / "for_analysts" / "exports"
    if exports.exists():
        with duckdb.connect() as connection:
            title, sql = PARQUET_ANALYSIS
            show(connection, title, sql.replace("{exports}", str(exports)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
