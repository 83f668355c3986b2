"""The analyst pages in a real headless browser (Debian's Chromium, driven by Playwright).

Every page of for_analysts/ is loaded from a local server: it must load without a script
error, request nothing but its own files (no CDN), draw its chart, and every link it holds
must lead to a page that exists and, for a #fragment, to an element with that id. Then a
reader's path is followed by clicks: from the red mark of the disagreement to the sentences
and the document behind it.
"""

from __future__ import annotations

from urllib.parse import urldefrag, urlparse

import duckdb
import pytest

from analyst_outputs import OUTPUT_FOLDER
from analyst_outputs.browser import chromium, chromium_path, screenshot_explorer, serve

DISAGREE_RED = "#d62728"


@pytest.fixture(scope="module")
def site(refreshed):
    """Every page visited: {url: {"ids": set, "links": [url], "errors": [str]}}, and every request."""
    if not chromium_path().exists():
        pytest.fail(f"{chromium_path()} is missing: install Debian's chromium (apt-get install chromium), as .ci/run does")
    _, warehouse = refreshed
    folder = warehouse / OUTPUT_FOLDER
    with duckdb.connect(str(warehouse / "warehouse.duckdb"), read_only=True) as connection:
        # The indicators the warehouse can chart: an observation that is neither quarantined
        # nor dated only by its publication (the explorer plots no date the text does not give).
        chartable = {
            row[0]
            for row in connection.sql(
                "select distinct indicator_id from marts.fct_indicator_observation"
                " where not is_quarantined and not period_is_fallback"
            ).fetchall()
        }
    pages = sorted(path.relative_to(folder).as_posix() for path in folder.rglob("*.html"))
    visited, requests = {}, []
    with serve(folder) as base, chromium() as context:
        context.on("request", lambda request: requests.append(request.url))
        tab = context.new_page()
        errors: list[str] = []
        tab.on("pageerror", lambda error: errors.append(str(error)))
        for page in pages:
            errors.clear()
            response = tab.goto(base + page, wait_until="load")
            assert response is not None and response.ok, page
            if page == "docs/index.html":
                # dbt's page renders its project tree from the manifest inside it.
                tab.wait_for_function("() => document.body.innerText.includes('Projects')", timeout=30_000)
            visited[base + page] = {
                "ids": set(tab.eval_on_selector_all("[id]", "els => els.map(e => e.id)")),
                "links": tab.eval_on_selector_all(
                    "a[href]", "els => els.map(e => e.href)"
                ) + tab.eval_on_selector_all(
                    "svg a", "els => els.map(e => new URL(e.getAttribute('xlink:href') || e.getAttribute('href'), document.baseURI).href)"
                ),
                "marks": tab.eval_on_selector_all(".chart svg .mark-symbol.role-mark path", "els => els.length"),
                "linked_marks": tab.eval_on_selector_all(".chart svg .mark-symbol.role-mark a", "els => els.length"),
                "red_marks": tab.eval_on_selector_all(
                    f".chart svg .mark-symbol.role-mark path[stroke='{DISAGREE_RED}']", "els => els.length"
                ),
                "errors": list(errors),
            }
    # The browser is closed before the tests run: each test may start its own.
    return {"base": base, "folder": folder, "pages": visited, "requests": requests, "chartable": chartable}


def test_every_page_loads_without_a_script_error(site):
    assert len(site["pages"]) >= 45
    assert {url: page["errors"] for url, page in site["pages"].items() if page["errors"]} == {}


def test_no_page_requests_anything_but_its_own_files(site):
    origin = urlparse(site["base"]).netloc
    foreign = sorted({url for url in site["requests"] if urlparse(url).scheme not in ("data", "blob", "about")
                      and urlparse(url).netloc != origin})  # fmt: skip
    assert foreign == []


def test_every_indicator_chart_draws_linked_marks(site):
    charts = {url: page for url, page in site["pages"].items() if "/indicators/" in url}
    drawn = {url: page for url, page in charts.items() if page["marks"]}
    drawn_indicators = {url.rsplit("/", 1)[-1].removesuffix(".html") for url in drawn}
    assert len(site["chartable"]) >= 25
    assert drawn_indicators == site["chartable"]
    assert all(page["linked_marks"] == page["marks"] for page in drawn.values())
    makerspaces = site["pages"][site["base"] + "indicators/makerspaces.html"]
    # 2016 derived x2, 2016 reconciled, 2017 reported x3, 2017 reconciled (red: the sources disagree).
    assert makerspaces["marks"] == 7
    assert makerspaces["red_marks"] == 1


def test_every_link_leads_to_an_existing_page_and_anchor(site):
    pages, base = site["pages"], site["base"]
    broken = []
    for url, page in pages.items():
        if url.startswith(base + "docs/"):
            continue  # dbt's own page links to dbt's website; its requests are checked above
        for link in page["links"]:
            target, fragment = urldefrag(link)
            if not target.startswith(base):
                broken.append((url, link, "leaves the site"))
            elif target.endswith((".html", "/")):
                if target not in pages:
                    broken.append((url, link, "no such page"))
                elif fragment and fragment not in pages[target]["ids"] and not fragment.startswith("!"):
                    broken.append((url, link, "no such anchor"))
            elif not (site["folder"] / target[len(base):]).is_file():
                broken.append((url, link, "no such file"))
    assert broken == []
    n_links = sum(len(page["links"]) for page in pages.values())
    assert n_links > 500


def test_a_reader_clicks_from_the_disagreement_to_the_sentence_and_document(refreshed):
    _, warehouse = refreshed
    with serve(warehouse / OUTPUT_FOLDER) as base, chromium() as context:
        tab = context.new_page()
        tab.goto(base + "indicators/makerspaces.html", wait_until="load")
        # The diamond's outline at its left corner (it is open; its middle shows the reported
        # figure drawn over it).
        corner = tab.eval_on_selector(
            f".chart svg .mark-symbol.role-mark path[stroke='{DISAGREE_RED}']",
            """path => {
                const box = path.getBBox(), matrix = path.getScreenCTM();
                const corner = new DOMPoint(box.x + 1, box.y + box.height / 2).matrixTransform(matrix);
                return {x: corner.x, y: corner.y};
            }""",
        )
        tab.mouse.click(corner["x"], corner["y"])
        row = tab.locator("tr:target")
        assert row.count() == 1
        assert "2017" in row.inner_text() and "no" in row.inner_text() and "4,900" in row.inner_text()
        row.get_by_role("link", name="Makerspaces keep spreading (test article)").click()
        observation = tab.locator("tr:target")
        assert "By the end of 2017, China had 4,900 makerspaces" in observation.inner_text()
        observation.get_by_role("link", name="Makerspaces keep spreading (test article)").click()
        tab.wait_for_url("**/documents/2018-03-01_test-daily-makerspaces.html#fig-*")
        assert tab.locator("mark:target").inner_text() == "4,900"
        assert "Test Daily" in tab.locator("main").inner_text()


def test_the_dbt_docs_show_a_models_columns_tests_and_lineage(refreshed):
    _, warehouse = refreshed
    with serve(warehouse / OUTPUT_FOLDER) as base, chromium() as context:
        tab = context.new_page()
        tab.goto(base + "docs/index.html#!/model/model.entrepreneurship_warehouse.fct_indicator_value")
        tab.wait_for_function("() => document.body.innerText.includes('values_agree')", timeout=30_000)
        text = tab.locator("body").inner_text()
        for expected in ("chosen_value", "Stable id: md5 of the key columns.", "Depends On", "Referenced By",
                         "DATA TESTS", "warehouse.marts.fct_indicator_value"):  # fmt: skip
            assert expected in text, expected
        # Lineage: the graph view draws the model among its parents and children.
        graph = context.new_page()
        graph.goto(base + "docs/index.html#!/model/model.entrepreneurship_warehouse.fct_indicator_value?g_v=1")
        tab = graph
        tab.wait_for_selector("text=Lineage Graph >> visible=true", timeout=30_000)
        assert tab.locator("canvas").count() > 0  # the graph is drawn on a canvas


def test_the_screenshot_of_the_explorer_is_taken_in_the_browser(refreshed, tmp_path):
    _, warehouse = refreshed
    png = screenshot_explorer(warehouse / OUTPUT_FOLDER, tmp_path / "explorer.png")
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size > 20_000
