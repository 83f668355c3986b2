"""An indicator of a large corpus: thousands of points over hundreds of places or companies.

Altair refuses a chart of more than 5,000 rows unless told otherwise, which left a large
corpus without its explorer; and a panel per company would make a picture no one reads.
"""

from __future__ import annotations

import pandas as pd

from analyst_outputs.charts import MAX_CHART_SERIES, busiest_series, chart_svg


def large_indicator(series: int, points_per_series: dict[int, int]) -> pd.DataFrame:
    rows = []
    for number in range(series):
        for point in range(points_per_series.get(number, 3)):
            rows.append(
                {"series": f"company {number:03d}", "x": pd.Timestamp(f"{2010 + point % 10}-07-01"),
                 "y": 1000.0 + point, "y_low": None, "y_high": None, "kind": "reported",
                 "href": f"#obs-{number}-{point}", "label": f"company {number:03d} figure {point}"}
            )  # fmt: skip
    return pd.DataFrame(rows)


def test_the_chart_draws_the_busiest_series_only():
    points = large_indicator(40, {7: 50, 3: 40, 30: 40})
    kept, n_series = busiest_series(points)
    assert n_series == 40
    assert kept.series.nunique() == MAX_CHART_SERIES
    # the three busiest first, then the others of 3 points each in name order
    assert {"company 007", "company 003", "company 030"} <= set(kept.series)
    assert "company 000" in set(kept.series) and "company 039" not in set(kept.series)
    assert len(kept) == 50 + 40 + 40 + 3 * (MAX_CHART_SERIES - 3)


def test_a_chart_of_more_than_5000_points_is_drawn(tmp_path, monkeypatch):
    monkeypatch.setenv("ANALYST_OUTPUTS_CACHE", str(tmp_path))
    points = large_indicator(MAX_CHART_SERIES, dict.fromkeys(range(MAX_CHART_SERIES), 450))
    assert len(points) == 5400
    svg = chart_svg(points, "enterprises")
    # every point is a linked mark (a title per link, as the explorer's pages show on hover)
    assert svg.count("<title>company ") == 5400
