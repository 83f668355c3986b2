"""What a publish writes for analysts: exports, data dictionary, quality findings, dbt docs.

One real refresh (conftest.refreshed: the seeds plus a document that disagrees) publishes, and
the files are checked against the published warehouse they were made from. A failure to write
them is read from the session's refresh that adds a crafted document while the outputs cannot
be written (tests/conftest.py, crafted_conversion_refresh).
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import dagster as dg
import duckdb
import yaml

import analyst_outputs.site
from analyst_outputs import OUTPUT_FOLDER, write_analyst_outputs
from analyst_outputs.exports import mart_tables
from expectations.validate import ISSUE_COLUMN_DESCRIPTIONS

MARTS_DIR = Path(__file__).resolve().parents[2] / "dbt_project" / "models" / "marts"


def _visible_text(html: str) -> str:
    """The page's text without tags (enough to read what a reader sees)."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", re.sub(r"<(style|svg)[\s\S]*?</\1>", " ", html)))


def test_the_publish_writes_every_part_and_its_check_passes(refreshed):
    result, warehouse = refreshed
    folder = warehouse / OUTPUT_FOLDER
    assert result["checks"]["analyst_outputs_written"]["passed"]
    for relative in ("index.html", "quality.html", "data_dictionary.html", "documents/index.html",
                     "docs/index.html", "docs/manifest.json", "docs/catalog.json",
                     "exports/data_dictionary.md", "indicators/makerspaces.html"):  # fmt: skip
        assert (folder / relative).stat().st_size > 0, relative
    # Six seed documents' pages (the five seeds and the test article), one page per observed indicator.
    assert len(list((folder / "documents").glob("*.html"))) == 6 + 1
    with duckdb.connect(str(warehouse / "warehouse.duckdb"), read_only=True) as connection:
        observed = connection.execute(
            "select count(distinct indicator_id) from marts.fct_indicator_observation"
        ).fetchone()[0]
    assert len(list((folder / "indicators").glob("*.html"))) == observed


def test_every_mart_is_exported_row_for_row_as_parquet_and_csv(refreshed):
    _, warehouse = refreshed
    exports = warehouse / OUTPUT_FOLDER / "exports"
    with duckdb.connect(str(warehouse / "warehouse.duckdb"), read_only=True) as connection:
        tables = mart_tables(connection)
        assert {"dim_document", "fct_figure", "fct_indicator_value", "fct_quality_issue"} <= set(tables)
        for table in tables:
            expected = connection.execute(f"select count(*) from marts.{table}").fetchone()[0]
            columns = [row[0] for row in connection.execute(f"describe marts.{table}").fetchall()]
            parquet = exports / "parquet" / f"{table}.parquet"
            csv = exports / "csv" / f"{table}.csv"
            assert connection.execute(f"select count(*) from '{parquet}'").fetchone()[0] == expected, table
            assert connection.execute(f"select count(*) from read_csv('{csv}', header = true)").fetchone()[0] == expected, table
            assert [row[0] for row in connection.execute(f"describe select * from '{parquet}'").fetchall()] == columns
        # The values themselves survive: the disagreement is in the export.
        row = connection.execute(
            f"select chosen_value, values_agree, disagreeing_values from '{exports}/parquet/fct_indicator_value.parquet' "
            "where indicator_id = 'makerspaces' and period_label = '2017' and value_basis = 'reported'"
        ).fetchone()
    assert row == (5739.0, False, "2018-03-01_test-daily-makerspaces: 4,900")


def test_the_data_dictionary_is_generated_from_the_dbt_schema_files(refreshed):
    _, warehouse = refreshed
    markdown = (warehouse / OUTPUT_FOLDER / "exports" / "data_dictionary.md").read_text(encoding="utf-8")
    page = (warehouse / OUTPUT_FOLDER / "data_dictionary.html").read_text(encoding="utf-8")
    schema = yaml.safe_load((MARTS_DIR / "fct_indicator_value.yml").read_text(encoding="utf-8"))
    columns = {c["name"]: " ".join(c["description"].split()) for c in schema["models"][0]["columns"]}
    assert f"| `values_agree` | BOOLEAN | {columns['values_agree']} |" in markdown
    assert f"| `issue_id` | VARCHAR | {ISSUE_COLUMN_DESCRIPTIONS['issue_id']} |" in markdown
    assert "(no description)" not in markdown  # every mart column is described in the dbt project
    assert "One row per figure." in _visible_text(page)
    assert 'href="exports/parquet/fct_figure.parquet"' in page


def test_the_quality_page_reads_without_opaque_keys_or_empty_parentheses(refreshed):
    _, warehouse = refreshed
    html = (warehouse / OUTPUT_FOLDER / "quality.html").read_text(encoding="utf-8")
    text = _visible_text(html)
    with duckdb.connect(str(warehouse / "warehouse.duckdb"), read_only=True) as connection:
        issues = connection.execute("select rule_id, row_key, message from marts.fct_quality_issue").fetchall()
    assert issues and html.count('class="finding ') == len(issues)
    assert "()" not in text
    assert not re.search(r"\b[0-9a-f]{32}\b", text), "an md5 row key is shown"
    # The disagreement about makerspaces in 2017, said in words, with the sentences behind it.
    assert ("sources_agree", "Makerspaces · China · 2017 · reported") in {
        (rule, subject) for rule, subject in re.findall(r"<code>(\w+)</code> \(\w+\) ·\s*<a [^>]*>([^<]+)</a>", html)
    }
    assert "By the end of 2017, China had <mark>4,900</mark> makerspaces" in html
    # Every finding shows a sentence or, for a finding about a whole document, the document.
    findings = html.split('<div class="finding ')[1:]
    assert len(findings) == len(issues)
    assert all("<mark>" in f or "Document:" in f for f in findings)


def test_the_dbt_docs_site_is_static_and_sends_no_usage_stats(refreshed):
    _, warehouse = refreshed
    html = (warehouse / OUTPUT_FOLDER / "docs" / "index.html").read_text(encoding="utf-8")
    # The manifest is inside the page (static site) and tells dbt's page not to load its tracker.
    assert '"send_anonymous_usage_stats": false' in html or '"send_anonymous_usage_stats":false' in html
    assert "model.entrepreneurship_warehouse.fct_indicator_value" in html


def test_a_part_that_fails_is_named_and_the_others_are_still_written(refreshed, tmp_path, monkeypatch):
    _, warehouse = refreshed
    shutil.copyfile(warehouse / "warehouse.duckdb", tmp_path / "warehouse.duckdb")

    def broken(*_args, **_kwargs):
        raise RuntimeError("dbt is not installed")

    monkeypatch.setattr(analyst_outputs.site, "write_dbt_docs", broken)
    report = write_analyst_outputs(tmp_path / "warehouse.duckdb", tmp_path)
    assert report.failures == {"dbt docs": "RuntimeError: dbt is not installed"}
    folder = tmp_path / OUTPUT_FOLDER
    assert (folder / "indicators" / "makerspaces.html").exists()
    assert (folder / "exports" / "parquet" / "fct_figure.parquet").exists()
    assert "Not written this time: dbt docs (RuntimeError: dbt is not installed)" in _visible_text(
        (folder / "index.html").read_text(encoding="utf-8")
    )
    assert not list(tmp_path.glob(".for_analysts-*")), "a staging folder was left behind"


def test_a_failure_to_write_the_outputs_never_blocks_the_publish(seed_build, crafted_conversion_refresh):
    # A copy of the seed build refreshed with one new document, so the refresh has something to
    # publish (a refresh with nothing changed publishes nothing), while writing the outputs
    # raises as on a full disk (tests/conftest.py).
    refreshed, warehouse = crafted_conversion_refresh, crafted_conversion_refresh.warehouse_dir
    index_before = (seed_build.warehouse_dir / OUTPUT_FOLDER / "index.html").read_text(encoding="utf-8")
    result = refreshed.result
    assert result.success
    with duckdb.connect(str(warehouse / "warehouse.duckdb"), read_only=True) as connection:
        titles = {title for (title,) in connection.execute("select title from marts.dim_document").fetchall()}
    published = any(e.asset_key == dg.AssetKey("published_warehouse") for e in result.get_asset_materialization_events())
    assert published and "Crafted conversion" in titles
    (check,) = [e for e in result.get_asset_check_evaluations() if e.check_name == "analyst_outputs_written"]
    assert not check.passed and check.severity == dg.AssetCheckSeverity.WARN
    assert check.metadata["failed_parts"].value == {"all outputs": "OSError: [Errno 28] No space left on device"}
    assert any("analyst outputs: all outputs not written (OSError" in message for message in refreshed.errors)
    # The previous outputs stay as they were.
    assert (warehouse / OUTPUT_FOLDER / "index.html").read_text(encoding="utf-8") == index_before


def test_the_csv_exports_read_back_in_pandas(refreshed):
    import pandas as pd

    _, warehouse = refreshed
    frame = pd.read_csv(warehouse / OUTPUT_FOLDER / "exports" / "csv" / "fct_figure.csv")
    assert {"figure_id", "document_id", "surface_text", "sentence_text"} <= set(frame.columns)
    assert "4,900" in set(frame.surface_text)


def test_every_value_on_the_pages_is_a_number(refreshed):
    _, warehouse = refreshed
    folder = warehouse / OUTPUT_FOLDER
    pages = [path for path in folder.rglob("*.html") if "docs" not in path.relative_to(folder).parts]
    unreadable = {
        path.name: sorted(set(re.findall(r"(?:over|under|about) \?\S*|>\?<", path.read_text(encoding="utf-8"))))
        for path in pages
    }
    assert {name: found for name, found in unreadable.items() if found} == {}
    brochure = (folder / "documents" / "2018_torch-report-pujiang-forum-brochure.html").read_text(encoding="utf-8")
    assert '<td class="number">over 410,000</td>' in brochure


def test_an_indicator_page_lists_and_charts_a_bounded_set_of_rows(refreshed, monkeypatch):
    from analyst_outputs import explorer
    from analyst_outputs.marts import MartReader

    _, warehouse = refreshed
    with duckdb.connect(str(warehouse / "warehouse.duckdb"), read_only=True) as connection:
        reader = MartReader(connection)
        marts = reader.for_indicators(list(reader.indicators.indicator_id))
    whole = {page.indicator_id: page for page in explorer.indicator_pages(marts)}
    monkeypatch.setattr(explorer, "MAX_VALUE_ROWS", 1)
    monkeypatch.setattr(explorer, "MAX_OBSERVATION_ROWS", 2)
    monkeypatch.setattr(explorer, "MAX_VALUE_LINKS", 1)
    bounded = {page.indicator_id: page for page in explorer.indicator_pages(marts)}
    page, full = bounded["makerspaces"], whole["makerspaces"]
    assert full.n_values > 1 and full.n_observations > 2 and full.listed_observations == full.n_observations
    assert (page.listed_values, page.listed_observations) == (1, 2)
    assert (page.n_values, page.n_observations, page.places) == (full.n_values, full.n_observations, full.places)
    assert page.chart and full.chart
    # the listed value is the one most documents report, and its observations are listed first
    [value] = page.values
    assert value["n_sources"] == max(row["n_sources"] for row in full.values)
    listed = {"#" + row["anchor"] for row in page.observations}
    [full_value] = [row for row in full.values if row["anchor"] == value["anchor"]]
    [link] = [member["href"] for member in value["observations"]]
    assert link in listed  # the observations on the page are linked first
    assert value["more_observations"] == len(full_value["observations"]) - 1
    # a link to an observation not listed goes to its sentence on the document's page
    hrefs = [member["href"] for row in full.values for member in row["observations"]]
    unlisted = [member["href"] for row in page.values for member in row["observations"] if member["href"] not in listed]
    assert all(href.startswith("../documents/") and "#fig-" in href for href in unlisted)
    assert all(href.startswith("#obs-") for href in hrefs)
    html = (warehouse / OUTPUT_FOLDER / "indicators" / "makerspaces.html").read_text(encoding="utf-8")
    assert "Listed here:" not in html  # the seeds' pages list everything
