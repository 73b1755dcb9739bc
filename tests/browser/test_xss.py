"""No script injection, in Chromium (issue 7).

Two fixture sites are built with the real plugin and Material, and every page is opened:
- "checked": the body payloads that pass `watwerkt check`, and every frontmatter payload;
- "unchecked": every body payload with the body check switched off, as if the check had missed
  everything, so only the sanitizer stands between the payload and the reader.
On every page no dialog may open, `window.__xss` stays undefined, no element carries an inline
event handler, no request leaves the machine, and links in the content are http(s), mailto or
within the site.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from pathlib import Path

import pytest

from generator.check.body import BodyReport
from generator.pipeline import check_project
from tests.browser.conftest import SiteServer, search_titles
from tests.reliability.documents import (
    body,
    build,
    document,
    dossier,
    intervention,
    make_project,
    write_files,
)
from tests.reliability.payloads import BODY, TEXT, URL

pytestmark = pytest.mark.browser

TODAY = dt.date(2026, 11, 22)
GROUP = 10  # body payloads per page on the unchecked site


def _payload_files() -> dict[str, bytes]:
    files = {}
    for name, payload in BODY:
        files[f"interventions/b-{name}.md"] = document(intervention(title=f"Payload {name}"),
                                                       body("intervention", payload))
    for index, (_, payload) in enumerate(TEXT):
        files[f"interventions/t-{index}.md"] = document(intervention(
            title=payload, summary=payload, costs=payload, outcomes=[payload],
            owner={"organisation": payload, "website": "https://www.example.org/"}),
            body("intervention"))
        files[f"dossiers/t-{index}.md"] = document(dossier(
            title=payload, summary=payload, authors=[payload], interventions=[f"t-{index}"],
            sources=[{"title": payload, "author": payload, "url": "https://example.org/"}]),
            body("dossier"))
    for name, url in URL:
        files[f"interventions/u-{name}.md"] = document(intervention(
            title=f"Adres {name}", owner={"organisation": "X", "website": url}),
            body("intervention"))
    return files


@pytest.fixture(scope="module")
def checked_site(tmp_path_factory):
    """Every payload file; those the check rejects are removed, then the site is built."""
    root = make_project(tmp_path_factory.mktemp("xss-checked"))
    files = _payload_files()
    write_files(root, files)
    rejected = {i.path for i in check_project(root, TODAY).issues if i.severity == "error"}
    for path in rejected:
        (root / path).unlink()
    outcome = build(root, root / "site")
    assert outcome.ok, outcome.failure + outcome.report
    return root / "site", len(files), len(rejected)


@pytest.fixture(scope="module")
def unchecked_site(tmp_path_factory, caplog_module):
    """All body payloads, the body check switched off: only the sanitizer protects."""
    root = make_project(tmp_path_factory.mktemp("xss-unchecked"))
    for group in range(0, len(BODY), GROUP):
        payloads = "\n\nTussen twee payloads.\n\n".join(p for _, p in BODY[group:group + GROUP])
        write_files(root, {f"interventions/b-groep-{group // GROUP}.md": document(
            intervention(title=f"Groep {group // GROUP}"), body("intervention", payloads))})
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("generator.check.validate.check_body", lambda *args: BodyReport())
        patch.setattr("generator.pipeline.check_body_links", lambda *args: [])
        outcome = build(root, root / "site")
    assert outcome.ok, outcome.failure + outcome.report
    return root / "site"


@pytest.fixture(scope="module")
def caplog_module():
    """Warnings of the module's builds (MkDocs' logger does not propagate to pytest's)."""
    records: list[logging.LogRecord] = []
    handler = logging.Handler(level=logging.WARNING)
    handler.emit = records.append
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    yield records
    logger.removeHandler(handler)


PROBE = """() => ({
    xss: typeof window.__xss,
    handlers: [...document.querySelectorAll('*')].flatMap(e => e.getAttributeNames()
        .filter(n => n.toLowerCase().startsWith('on')).map(n => e.tagName + ' ' + n)),
    links: [...document.querySelectorAll('article a[href], article img[src]')]
        .map(e => e.href || e.src).filter(u => !/^(https?|mailto):/i.test(u)),
    active: [...document.querySelectorAll('article script, article iframe, article object, '
        + 'article embed, article base, article meta, article link, article style, '
        + 'article form, article template, article math')].map(e => e.tagName),
})"""


class Visit:
    """Opens pages and records every sign of script running."""

    def __init__(self, browser, server: SiteServer) -> None:
        self.context = browser.new_context(viewport={"width": 1280, "height": 900})
        self.blocked: list[str] = []
        self.dialogs: list[str] = []
        # Only requests that leave the server are routed (and refused): routing every local
        # request through Python as well would make each page much slower.
        self.context.route(lambda url: not url.startswith((server.url, "data:", "blob:")),
                           self.refuse)
        self.page = self.context.new_page()
        self.page.on("dialog", lambda dialog: (self.dialogs.append(dialog.message),
                                               dialog.dismiss()))
        self.server = server

    def refuse(self, route) -> None:
        self.blocked.append(route.request.url)
        route.abort()

    def open(self, relative: str) -> dict:
        """What PROBE sees after the load event (images have failed, frames have loaded)."""
        self.page.goto(self.server.url + relative, wait_until="load")
        return self.page.evaluate(PROBE)

    def close(self) -> None:
        self.context.close()


ENTRY_RE = re.compile(r"(interventies|dossiers)/[btu]-[^/]+/")


def _pages(site: Path) -> list[str]:
    """Every payload entry, and every other page that shows a payload (its marker, escaped or
    not): overviews, home page, finder. Not admin/, the editors' CMS, which has its own tests."""
    pages = []
    for path in sorted(site.rglob("index.html")):
        relative = path.relative_to(site).parent.as_posix() + "/"
        if ENTRY_RE.fullmatch(relative) or ("xss" in path.read_text(encoding="utf-8")
                                            and not relative.startswith("admin/")):
            pages.append(relative)
    return pages


def _assert_inert(browser, site: Path, pages: list[str], entries_only: bool = False) -> int:
    server = SiteServer(site)
    visit = Visit(browser, server)
    try:
        for relative in pages:
            relative = "" if relative == "./" else relative
            probe = visit.open(relative)
            assert probe["xss"] == "undefined", relative
            assert probe["handlers"] == [], relative
            assert probe["links"] == [], relative
            if entries_only or ENTRY_RE.fullmatch(relative):
                assert probe["active"] == [], relative
        assert visit.dialogs == []
        assert visit.blocked == []
    finally:
        visit.close()
        server.close()
    return len(pages)


def test_checked_site_runs_no_script_on_any_page(browser, checked_site):
    site, tried, rejected = checked_site
    pages = _pages(site)
    entry_pages = [p for p in pages if ENTRY_RE.fullmatch(p)]
    # Everything that passed the check is on the site, next to overviews, home and finder.
    assert len(entry_pages) == tried - rejected
    assert _assert_inert(browser, site, pages) == len(pages)


def _search(page, query: str) -> int:
    """Type into Material's search box (it listens to key presses, so no fill())."""
    return len(search_titles(page, query))


def test_search_results_with_payload_titles_run_no_script(browser, checked_site):
    site, _, _ = checked_site
    server = SiteServer(site)
    visit = Visit(browser, server)
    try:
        visit.open("")
        # Words in the payload titles and in the bodies that pass the check.
        for query in ("onerror", "payload"):
            assert _search(visit.page, query) > 0, query
            visit.page.wait_for_timeout(200)
            assert visit.page.evaluate("typeof window.__xss") == "undefined", query
            visit.page.keyboard.press("Escape")
        assert visit.dialogs == []
        assert visit.blocked == []
    finally:
        visit.close()
        server.close()


def test_unchecked_site_is_made_inert_by_the_sanitizer(browser, unchecked_site, caplog_module):
    pages = [p for p in _pages(unchecked_site) if ENTRY_RE.fullmatch(p)]
    groups = -(-len(BODY) // GROUP)
    assert _assert_inert(browser, unchecked_site, pages, entries_only=True) == groups
    # The sanitizer said what it removed, per page, in Dutch.
    cleaned = {r.getMessage().split("'")[1] for r in caplog_module
               if "niet veilig" in r.getMessage()}
    assert cleaned == {f"interventies/b-groep-{n}.md" for n in range(groups)}
