"""Shared fixtures for the browser tests: Debian's chromium driven by Playwright, a built site
of the shipped content, and a local HTTP server. Chromium runs without background networking,
and every request that does not go to the local server or file:// is blocked and counted."""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = ["--disable-background-networking", "--disable-component-update",
                 "--no-first-run", "--disable-sync", "--disable-gpu", "--no-sandbox",
                 "--disable-quic", "--disable-default-apps", "--disable-extensions"]
TODAY = "2026-11-22"

pytestmark = pytest.mark.browser


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


class SiteServer:
    """Serves a folder on 127.0.0.1 on a free port."""

    def __init__(self, folder: Path) -> None:
        handler = functools.partial(_QuietHandler, directory=str(folder))
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_port}/"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture(scope="session")
def built_site(site) -> Path:
    """The shipped content, built once per test session with the build date pinned; the same
    build the open-data and link tests read."""
    return site


@pytest.fixture(scope="session")
def site_server(built_site):
    server = SiteServer(built_site)
    yield server
    server.close()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    assert Path(CHROMIUM).exists(), "Debian's chromium is needed: apt-get install chromium"
    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


class RequestGuard:
    """Blocks and records every request that leaves the machine."""

    def __init__(self, allowed_prefixes: tuple[str, ...]) -> None:
        self.allowed = allowed_prefixes
        self.blocked: list[str] = []

    def __call__(self, route) -> None:
        url = route.request.url
        if url.startswith(self.allowed) or url.startswith(("data:", "blob:", "about:")):
            route.continue_()
        else:
            self.blocked.append(url)
            route.abort()


def new_page(browser, allowed: tuple[str, ...], width: int = 1280, height: int = 900,
             java_script_enabled: bool = True):
    """A fresh page whose outside requests are blocked; returns (page, guard)."""
    context = browser.new_context(viewport={"width": width, "height": height},
                                  java_script_enabled=java_script_enabled)
    guard = RequestGuard(allowed)
    context.route("**/*", guard)
    page = context.new_page()
    return page, guard


@pytest.fixture
def page(browser, site_server):
    """A desktop page on the local server; fails the test if anything else was requested."""
    page, guard = new_page(browser, (site_server.url,))
    yield page
    page.context.close()
    assert guard.blocked == [], f"requests left the machine: {guard.blocked}"


def search_titles(page, query: str, attempts: int = 30) -> list[str]:
    """Type a query into Material's search box and return the result titles.

    Material builds its index in a worker after the page loads (from file://, through our
    worker stand-in, generator/assets/file-worker.js); a query typed before the index is ready
    gets no answer, so it is typed again until results appear. Material listens to key
    presses, hence type() rather than fill()."""
    page.locator("input.md-search__input").click()
    type_query(page, query, attempts)
    return page.locator(".md-search-result__item h1").all_inner_texts()


def type_query(page, query: str, attempts: int = 30) -> None:
    """Type the query into the open search field again until results appear."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    box = page.locator("input.md-search__input")
    for _ in range(attempts):
        box.fill("")
        box.press_sequentially(query)
        try:
            page.wait_for_selector(".md-search-result__item", timeout=500)
            break
        except PlaywrightTimeout:
            continue


def body_only_word(site: Path) -> tuple[str, str]:
    """(word, page title): a word that only a section body of one intervention holds, so the
    small primary search index (titles, summaries, headings) cannot find it and the full one
    can. Read from the built site, so it follows the content."""
    import json
    import re

    def load(name: str) -> dict:
        return json.loads((site / "search" / name).read_text("utf-8"))

    primary = " ".join(d["title"] + " " + d["text"] for d in load("search_index.json")["docs"])
    primary = primary.lower()
    full = load("search_index_full.json")["docs"]
    titles = {d["location"]: d["title"] for d in full if d["location"].endswith("#titel")}
    pages: dict[str, set[str]] = {}
    for doc in full:
        words = set(re.findall(r"[a-z]{10,}", re.sub(r"<[^>]+>", " ", doc["text"].lower())))
        for word in words:
            pages.setdefault(word, set()).add(doc["location"].split("#")[0])
    for word in sorted(pages):
        page_url = next(iter(pages[word]))
        # Not even its stem (lunr searches prefixes) may be in the primary index.
        if (len(pages[word]) == 1 and page_url.startswith("interventies/")
                and word[:7] not in primary and f"{page_url}#titel" in titles):
            return word, titles[f"{page_url}#titel"]
    raise AssertionError("geen woord dat alleen in een sectie van één interventie staat")


def search_until_found(page, query: str, title: str, attempts: int = 40) -> list[str]:
    """Search again until `title` is among the results (the full search index comes in a
    moment after the small primary one) or the attempts run out; the last result titles."""
    found: list[str] = []
    for _ in range(attempts):
        found = search_titles(page, query)
        if title in found:
            break
        page.wait_for_timeout(250)
    return found


def shown_texts(locator) -> list[str]:
    """The text each element shows: its innerText without the plain twins that a11y.js adds
    for the accessibility tree beside a hyphenated link text (.ww-said)."""
    return locator.evaluate_all("""els => els.map(e => {
        const copy = e.cloneNode(true);
        copy.querySelectorAll('.ww-said').forEach(s => s.remove());
        return copy.textContent.trim(); })""")
