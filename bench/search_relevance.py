"""Search relevance: success@3 of the site search and the finder's text box (issue 25).

    python bench/search_relevance.py [SITE] [--queries bench/search_queries.yml] [--file]
                                     [--show all|misses]

Runs every query of the query set (bench/search_queries.yml: our own queries of the kinds the
issue names, with the pages that answer them) in Debian's chromium against a built site (SITE,
or the shipped content built into a temporary folder), over http or, with --file, from
file:// as the offline export is read:

- site search: typed into Material's search box once the full index answers; the first three
  results (pages, in the order shown);
- finder: typed into the text box on /interventies/; the first three cards shown (only for
  queries with an intervention among the answers).

Prints success@3 (an answer among the first three) per surface and per kind, and for queries
of several words how often the first result lacks one of them (the site search marks that
"Ontbreekt: ..."). tests/browser/test_search_relevance.py asserts the issue's thresholds with
the same functions.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

import yaml

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, SiteServer  # noqa: E402

QUERIES = REPO / "bench" / "search_queries.yml"
TODAY = "2026-11-22"
TOP = 3
FINDER = "interventies/"
MULTI = "meerdere-woorden"


@dataclass(frozen=True)
class Query:
    text: str
    kind: str
    expect: tuple[str, ...]

    def answers(self, surface: str) -> tuple[str, ...]:
        if surface == "finder":
            return tuple(path for path in self.expect if path.startswith(FINDER))
        return self.expect


@dataclass(frozen=True)
class Outcome:
    query: Query
    surface: str
    top: tuple[str, ...]
    first_misses_a_word: bool

    @property
    def success(self) -> bool:
        return any(path in self.query.answers(self.surface) for path in self.top[:TOP])


def load_queries(path: Path = QUERIES) -> list[Query]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [Query(str(entry["q"]), str(entry["kind"]), tuple(entry["expect"])) for entry in data]


def _site_path(href: str, base: str) -> str:
    """A result's address as a path from the site root, without query and fragment; the
    offline export's page.html as the site's page/."""
    path = unquote(urlsplit(href).path)
    root = unquote(urlsplit(base).path)
    path = path[len(root):] if path.startswith(root) else path
    path = path.removesuffix("index.html")
    return path[:-len(".html")] + "/" if path.endswith(".html") else path


# ---------- the site search ----------

RESULTS_JS = """() => Array.from(document.querySelectorAll('.md-search-result__item')).map(
  item => [item.querySelector('a').href,
           !!item.querySelector('a').querySelector('.md-search-result__terms')])"""


def open_site_search(page, base: str) -> None:
    """Open the start page and the search box, and wait until the full index answers."""
    page.goto(base + ("index.html" if base.startswith("file:") else ""))
    box = page.locator("input.md-search__input")
    if (page.viewport_size or {}).get("width", 1280) < 960:  # a phone: the header's button
        page.locator("label.md-header__button[for='__search']").click()
    box.click()
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:  # the full index is ready once it finds a body word
        _type(page, "schulden")
        if page.evaluate(RESULTS_JS) and page.evaluate(
                "() => document.documentElement.dataset.wwSearch === 'full' || "
                "performance.getEntries().some(e => /search_index_full/.test(e.name))"):
            break
        page.wait_for_timeout(200)
    page.wait_for_timeout(1500)  # the full index, parsed in its worker


def _type(page, text: str) -> None:
    box = page.locator("input.md-search__input")
    box.fill(text)
    box.press("End")  # Material reads the box on keyup


def site_search(page, text: str, base: str) -> tuple[tuple[str, ...], bool]:
    """The first result pages for `text` (settled: the same twice in a row), and whether the
    first result is marked as missing a query word."""
    _type(page, text)
    last, same, waited = None, 0, 0
    while waited < 3000:
        page.wait_for_timeout(60)
        waited += 60
        now = page.evaluate(RESULTS_JS)
        if now == last:
            same += 1
            if same >= 3 and (now or waited >= 900):
                break
        else:
            last, same = now, 0
    rows = last or []
    return tuple(_site_path(href, base) for href, _ in rows[:10]), bool(rows and rows[0][1])


# ---------- the finder's text box ----------

CARDS_JS = """() => Array.from(document.querySelectorAll(
  '#ww-finder-results ul.ww-cards > li[data-intervention]')).filter(li => !li.hidden)
  .map(li => li.getAttribute('data-intervention'))"""

# Whether the first card holds every query word, as the finder's analyser reads them (without
# it, the old finder: every word as a substring of title and summary, which it demands).
FIRST_HAS_ALL_JS = """(q) => {
  const ww = window.WatWerkt || {};
  return ww.finderFirstHasAll ? ww.finderFirstHasAll(q) : true;
}"""


def open_finder(page, base: str) -> None:
    page.goto(base + FINDER + ("index.html" if base.startswith("file:") else ""))
    page.wait_for_selector("#ww-finder-q")


def finder_search(page, text: str) -> tuple[tuple[str, ...], bool]:
    page.locator("#ww-finder-q").fill(text)
    page.wait_for_timeout(30)
    slugs = page.evaluate(CARDS_JS)
    first_ok = bool(slugs) and page.evaluate(FIRST_HAS_ALL_JS, text)
    return tuple(f"{FINDER}{slug}/" for slug in slugs[:10]), bool(slugs) and not first_ok


# ---------- running and reporting ----------

def new_context(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})

    def guard(route):
        url = route.request.url
        if url.startswith(("http://127.0.0.1", "file:", "data:", "blob:", "about:")):
            route.continue_()
        else:
            route.abort()
    context.route("**/*", guard)
    return context


def measure(browser, base: str, queries: list[Query]) -> list[Outcome]:
    outcomes: list[Outcome] = []
    context = new_context(browser)
    try:
        page = context.new_page()
        open_site_search(page, base)
        for query in queries:
            top, misses = site_search(page, query.text, base)
            outcomes.append(Outcome(query, "site", top, misses))
        page = context.new_page()
        open_finder(page, base)
        for query in queries:
            if query.answers("finder"):
                top, misses = finder_search(page, query.text)
                outcomes.append(Outcome(query, "finder", top, misses))
    finally:
        context.close()
    return outcomes


def rate(outcomes: list[Outcome]) -> float:
    return sum(o.success for o in outcomes) / len(outcomes) if outcomes else 0.0


def report(outcomes: list[Outcome], show: str = "misses") -> str:
    lines = []
    for surface, name in (("site", "zoeken op de site"), ("finder", "interventie-zoeker")):
        mine = [o for o in outcomes if o.surface == surface]
        if not mine:
            continue
        lines.append(f"{name}: success@{TOP} {rate(mine):.0%} ({sum(o.success for o in mine)}"
                     f"/{len(mine)})")
        kinds: dict[str, list[Outcome]] = defaultdict(list)
        for outcome in mine:
            kinds[outcome.query.kind].append(outcome)
        for kind, group in kinds.items():
            lines.append(f"  {kind:<18} {rate(group):4.0%}  ({sum(o.success for o in group)}"
                         f"/{len(group)})")
        multi = [o for o in mine if len(o.query.text.split()) > 1]
        lacking = sum(o.first_misses_a_word for o in multi)
        lines.append(f"  eerste resultaat mist een woord: {lacking} van {len(multi)} vragen "
                     "met meer woorden")
        for outcome in mine:
            lacks = outcome.first_misses_a_word and len(outcome.query.text.split()) > 1
            if show == "all" or (show == "misses" and (not outcome.success or lacks)):
                mark = "ok " if outcome.success else "MIS"
                lines.append(f"    {mark} {outcome.query.text!r:<36} -> "
                             f"{', '.join(outcome.top[:TOP]) or '(niets)'}"
                             + ("  (eerste mist een woord)" if lacks else ""))
    return "\n".join(lines)


def build_site(folder: Path) -> Path:
    subprocess.run([sys.executable, "-m", "generator", "build", "--today", TODAY,
                    "--out", str(folder)], check=True, cwd=REPO, stdout=subprocess.DEVNULL)
    return folder


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", nargs="?", type=Path)
    parser.add_argument("--queries", type=Path, default=QUERIES)
    parser.add_argument("--file", action="store_true", help="van file:// lezen (offline)")
    parser.add_argument("--show", choices=("all", "misses", "none"), default="misses")
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        site = args.site or build_site(Path(tmp) / "site")
        server = None if args.file else SiteServer(site)
        base = site.resolve().as_uri() + "/" if args.file else server.url
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                outcomes = measure(browser, base, load_queries(args.queries))
                browser.close()
        finally:
            if server:
                server.close()
    print(report(outcomes, args.show))
    return 0


if __name__ == "__main__":
    sys.exit(main())
