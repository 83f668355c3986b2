"""One chart per indicator: its values over time, one panel per place (and company, rate, status).

Built with Altair (Vega-Lite) and rendered to SVG when the pages are written (vl-convert, which
carries Vega's JavaScript in its wheel): the page holds a finished picture and needs neither
JavaScript nor a network to show it. What a reader must tell apart is told by shape and colour:

- reported: a figure one document states (blue filled circle);
- derived: a value computed from a reported one (annualised rate, prior period implied by a
  growth rate) (orange triangle);
- reconciled: the value chosen across documents (open black diamond), joined by a dashed line
  over time; red when the sources disagree, with a red bar from the lowest to the highest value
  the sources give.

Every mark links to the row of the page's tables that lists the documents and sentences behind it.
"""

from __future__ import annotations

import hashlib
import os
import re
import time
from importlib.metadata import version
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd
import vl_convert

from analyst_outputs import cache_dir

if TYPE_CHECKING:  # Altair is imported only to render a chart the cache does not hold
    import altair as alt

KINDS = ["reported", "derived", "reconciled", "reconciled: sources disagree"]
KIND_COLOURS = ["#1f6fb4", "#e07b00", "#222222", "#d62728"]
KIND_SHAPES = ["circle", "triangle-up", "diamond", "diamond"]
KIND_SIZES = [70, 90, 320, 320]
# Reported and derived marks are filled; reconciled ones are open, so a reported point shows inside.
KIND_FILLS = ["#1f6fb4", "#e07b00", "transparent", "transparent"]
PANEL_WIDTH = 620
# Charts unused this long leave the cache.
CHART_CACHE_DAYS = 30
PANEL_HEIGHT = 150
# Panels one chart draws at most: a large corpus names hundreds of companies or places for one
# indicator, and a panel each would make a picture no one reads (and minutes to render).
MAX_CHART_SERIES = 12
# Vega resolves a relative link against its loader's base URL; the links here are fragments of
# the page itself, so whatever base was put before the '#' is removed again.
_HREF_BASE = re.compile(r'xlink:href="[^"#]*#')
# Each linked mark's aria-label becomes a <title>, the tooltip browsers show on hover.
_LINKED_MARK = re.compile(r'(<a xlink:href="[^"]*">)(<path aria-label="([^"]*)")')


def chart_frame(points: pd.DataFrame) -> pd.DataFrame:
    """Columns the chart reads: series, x (date), y, y_low, y_high, kind, href, label, z (drawing order)."""
    frame = points[["series", "x", "y", "y_low", "y_high", "kind", "href", "label"]].copy()
    frame["x"] = pd.to_datetime(frame["x"]).dt.strftime("%Y-%m-%d")
    # Drawing order: reconciled diamonds first, the figures they rest on over them, so a click on
    # a diamond's middle reaches the figure and a click on its outline the reconciled value.
    frame["z"] = frame["kind"].map(lambda kind: 1 if kind.startswith("reconciled") else 2)
    return frame


def busiest_series(points: pd.DataFrame, limit: int = MAX_CHART_SERIES) -> tuple[pd.DataFrame, int]:
    """The points of the `limit` series with the most points (ties by name), and how many series
    there were."""
    counts = points.groupby("series").size().reset_index(name="n")
    kept = counts.sort_values(["n", "series"], ascending=[False, True]).head(limit).series
    return points[points.series.isin(set(kept))], len(counts)


def indicator_chart(points: pd.DataFrame, unit_title: str) -> alt.FacetChart:
    import altair as alt

    data = chart_frame(points)

    def by_kind(values: list) -> alt.Scale:
        return alt.Scale(domain=KINDS, range=values)

    # Continuous scales padded (pixels) so points at the first and last period stay off the frame.
    # A year's values sit at its middle, so the year's label goes there too (not on 1 January).
    years = pd.to_datetime(data["x"]).dt.year
    mid_years = [alt.DateTime(year=int(year), month=7, date=1) for year in range(years.min(), years.max() + 1)]
    x = alt.X("x:T", title="period", scale=alt.Scale(padding=24),
              axis=alt.Axis(format="%Y", values=mid_years, grid=True))  # fmt: skip
    y_axis = alt.Axis(format="~s", labelExpr="replace(datum.label, 'G', 'B')", title=unit_title)
    y_scale = alt.Scale(zero=False, padding=14)
    base = alt.Chart().encode(x=x)
    # One legend: every channel of "kind" shares it, so the symbols show colour, fill, shape and size.
    legend = alt.Legend(title=None, orient="top", symbolStrokeWidth=2, labelFontSize=12)
    spread = base.transform_filter("isValid(datum.y_low) && isValid(datum.y_high)").mark_rule(
        strokeWidth=3, opacity=0.6
    ).encode(
        y=alt.Y("y_low:Q", axis=y_axis, scale=y_scale), y2="y_high:Q",
        stroke=alt.Stroke("kind:N", scale=by_kind(KIND_COLOURS), legend=legend),
    )  # fmt: skip
    trend = base.transform_filter(alt.FieldOneOfPredicate(field="kind", oneOf=KINDS[2:])).mark_line(
        color="#777777", strokeDash=[5, 4], strokeWidth=1.2
    ).encode(y=alt.Y("y:Q", axis=y_axis, scale=y_scale))
    marks = base.mark_point(strokeWidth=2, opacity=1).encode(
        y=alt.Y("y:Q", axis=y_axis, scale=y_scale),
        stroke=alt.Stroke("kind:N", scale=by_kind(KIND_COLOURS), legend=legend),
        fill=alt.Fill("kind:N", scale=by_kind(KIND_FILLS), legend=legend),
        shape=alt.Shape("kind:N", scale=by_kind(KIND_SHAPES), legend=legend),
        # An ordinal scale maps each kind to its own size (Vega-Lite's default spreads sizes evenly).
        size=alt.Size("kind:N", scale=alt.Scale(type="ordinal", domain=KINDS, range=KIND_SIZES), legend=legend),
        order=alt.Order("z:Q"),
        href="href:N",
        description="label:N",
    )  # fmt: skip
    return (
        alt.layer(spread, trend, marks, data=data)
        .properties(width=PANEL_WIDTH, height=PANEL_HEIGHT)
        .facet(
            row=alt.Row(
                "series:N", title=None,
                header=alt.Header(labelAngle=0, labelAlign="left", labelAnchor="start", labelOrient="top",
                                  labelFontSize=13, labelFontWeight="bold"),
            )
        )
        .resolve_scale(y="independent")
        .resolve_axis(x="independent")  # years under every panel
    )  # fmt: skip


def chart_svg(points: pd.DataFrame, unit_title: str) -> str:
    """The chart as an SVG document whose marks link to fragments of the page.

    Rendering takes a quarter of a second a chart, so charts are kept in the cache under a
    digest of their data, their unit, this module and the two libraries' versions."""
    data = chart_frame(points)
    digest = hashlib.sha256()
    for part in (data.to_json(orient="records"), unit_title, Path(__file__).read_text(encoding="utf-8"),
                 version("altair"), vl_convert.__version__):  # fmt: skip
        digest.update(part.encode())
    cached = cache_dir() / "charts" / f"{digest.hexdigest()[:32]}.svg"
    if cached.exists():
        os.utime(cached)  # recently used: kept by prune_chart_cache
        return cached.read_text(encoding="utf-8")
    # Altair refuses more than 5,000 rows by default (a guard for notebooks that embed the data);
    # here the data becomes an SVG picture, and the series are already bounded (busiest_series)
    import altair as alt

    with alt.data_transformers.disable_max_rows():
        spec = indicator_chart(points, unit_title).to_dict()
    svg = vl_convert.vegalite_to_svg(spec, allowed_base_urls=[])
    svg = _HREF_BASE.sub('xlink:href="#', svg)
    svg = _LINKED_MARK.sub(r"\1<title>\3</title>\2", svg)
    cached.parent.mkdir(parents=True, exist_ok=True)
    staging = cached.with_suffix(f".{os.getpid()}.tmp")
    staging.write_text(svg, encoding="utf-8")
    staging.replace(cached)
    return svg


def prune_chart_cache(max_age_days: float = CHART_CACHE_DAYS) -> int:
    """Remove cached charts no page has used for max_age_days; returns how many."""
    folder = cache_dir() / "charts"
    if not folder.exists():
        return 0
    cutoff = time.time() - max_age_days * 86400
    stale = [path for path in folder.glob("*.svg") if path.stat().st_mtime < cutoff]
    for path in stale:
        path.unlink(missing_ok=True)
    return len(stale)
