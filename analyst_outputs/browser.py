"""Open the analyst pages in a real headless browser: Debian's Chromium driven by Playwright.

Used by the browser test (tests/analyst_outputs/test_browser.py) and to take the README's
screenshot of the explorer:

    python -m analyst_outputs.browser WAREHOUSE_DIR docs/explorer.png

The pages are served from a local HTTP server, as `make docs` serves them. Playwright's own
browser download is never used: the browser is /usr/bin/chromium (Debian package chromium;
CHROMIUM overrides the path), started with the background-networking features off, so every
request a page makes is the page's own.
"""

from __future__ import annotations

import functools
import http.server
import os
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
]  # fmt: skip
SCREENSHOT_SIZE = {"width": 1280, "height": 900}


def chromium_path() -> Path:
    return Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


@contextmanager
def serve(folder: Path) -> Iterator[str]:
    """Serve folder on 127.0.0.1 (a free port) for the duration; yields the base URL."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


@contextmanager
def chromium() -> Iterator[object]:
    """A Playwright browser context in Debian's headless Chromium."""
    from playwright.sync_api import sync_playwright

    path = chromium_path()
    if not path.exists():
        raise FileNotFoundError(f"{path} is missing: install Debian's chromium (apt-get install chromium)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(path), args=CHROMIUM_ARGS, headless=True)
        try:
            context = browser.new_context(viewport=SCREENSHOT_SIZE)
            yield context
            context.close()
        finally:
            browser.close()


def screenshot_explorer(folder: Path, png: Path, page: str = "indicators/makerspaces.html") -> Path:
    """A PNG of one indicator page's chart and first table rows, as a browser shows it."""
    with serve(folder) as base, chromium() as context:
        tab = context.new_page()
        tab.goto(base + page, wait_until="load")
        tab.wait_for_selector(".chart svg .mark-symbol path")
        png.parent.mkdir(parents=True, exist_ok=True)
        tab.screenshot(path=str(png), full_page=False)
    return png


if __name__ == "__main__":
    warehouse_dir, target = Path(sys.argv[1]), Path(sys.argv[2])
    page = sys.argv[3] if len(sys.argv) > 3 else "indicators/makerspaces.html"
    print(screenshot_explorer(warehouse_dir / "for_analysts", target, page))
