"""The reader's side: what a first visit to an intervention page transfers, the search index
per intervention, the offline zip, and the finder's update time (bench/finder_bench.py)."""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from measure import PYTHON, REPO, Run, run_child

sys.path.insert(0, str(REPO))
# The browser tests' Chromium (Debian's, no background traffic) and local server.
from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, SiteServer  # noqa: E402


@dataclass
class FirstVisit:
    page: str
    requests: int
    bytes: int  # response bodies plus headers as served (no compression)
    gzip_bytes: int  # the same bodies gzip-compressed, as most hosts serve them
    by_type: dict[str, int] = field(default_factory=dict)
    outside: list[str] = field(default_factory=list)
    largest: list[tuple[int, str]] = field(default_factory=list)  # (bytes, path), biggest first


def first_visit(site: Path, page: str) -> FirstVisit:
    """Open `page` in a fresh Chromium context (empty cache) and add up every response."""
    from playwright.sync_api import sync_playwright

    server = SiteServer(site)
    base = server.url
    responses, outside = [], []
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            context = browser.new_context(viewport={"width": 1280, "height": 900})
            context.route("**/*", lambda route: _guard(route, base, outside))
            tab = context.new_page()
            tab.on("requestfinished", lambda request: responses.append(request))
            tab.goto(base + page, wait_until="networkidle")
            tab.wait_for_timeout(500)  # late fetches such as the search index's worker
            result = _add_up(responses, page)
            browser.close()
    finally:
        server.close()
    result.outside = outside
    return result


# Goals of the first search, seconds from the first keystroke to the first result: typed as
# soon as the page loaded (issue 18), and on a page that has been idle (issue 25).
GOAL_RIGHT_AWAY = 1.0
GOAL_AFTER_IDLE = 0.3
# Milliseconds from one key to the next: a quick typist (about 100 words a minute). Without a
# pause Playwright sends the keys back to back, and Chromium handles input before the worker's
# answers, so the first result waits for the last key, which no reader types that fast.
TYPING_GAP_MS = 120


@dataclass
class FirstSearch:
    word: str
    right_away: float  # seconds from the first keystroke, typed as soon as the page loaded
    after_idle: float  # the same once the page is idle (the primary index read by the worker)

    def goals(self) -> str:
        """The goals, and whether each is met."""
        def met(value: float, goal: float) -> str:
            return "gehaald" if value <= goal else "niet gehaald"
        return (f"doel: direct ≤ {GOAL_RIGHT_AWAY:.1f} s ({met(self.right_away, GOAL_RIGHT_AWAY)}),"
                f" na rust ≤ {GOAL_AFTER_IDLE:.1f} s ({met(self.after_idle, GOAL_AFTER_IDLE)})")


def first_search(site: Path, page: str, word: str = "schulden") -> FirstSearch:
    """Seconds from the first keystroke in the search field to the first result, in a fresh
    Chromium context: once typed right after the page's load event, once after it went idle
    (see the goals above)."""
    from playwright.sync_api import sync_playwright

    server = SiteServer(site)
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            times = [_time_search(browser, server.url + page, word, wait)
                     for wait in ("load", "networkidle")]
            browser.close()
    finally:
        server.close()
    return FirstSearch(word, *times)


# In the page, from the start: when the first key went down in the search field, and when the
# first result was drawn (both on the page's clock).
_STOPWATCH = """
window.__wwSearchTimes = {};
document.addEventListener("keydown", function (event) {
  var times = window.__wwSearchTimes;
  var field = event.target.matches && event.target.matches(".md-search__input");
  if (times.key === undefined && field) times.key = performance.now();
}, true);
new MutationObserver(function () {
  var times = window.__wwSearchTimes;
  if (times.key !== undefined && times.result === undefined &&
      document.querySelector(".md-search-result__item")) times.result = performance.now();
}).observe(document, {subtree: true, childList: true});
"""


def _time_search(browser, url: str, word: str, wait: str) -> float:
    """Seconds from the first keystroke to the first result drawn, on the page's own clock:
    the time Playwright takes to type the rest of the word does not count, as it does not
    for a reader who types on. Each key is pressed and let go at once (Material searches on
    its release), TYPING_GAP_MS after the one before."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.add_init_script(_STOPWATCH)
    tab = context.new_page()
    tab.goto(url, wait_until=wait)
    field = tab.locator("input.md-search__input")
    field.click()
    for key in word:
        tab.keyboard.press(key)
        tab.wait_for_timeout(TYPING_GAP_MS)
    tab.wait_for_selector(".md-search-result__item", timeout=120_000)
    tab.wait_for_function("window.__wwSearchTimes.result !== undefined", timeout=10_000)
    times = tab.evaluate("window.__wwSearchTimes")
    context.close()
    return (times["result"] - times["key"]) / 1000


def _guard(route, base: str, outside: list[str]) -> None:
    url = route.request.url
    if url.startswith((base, "data:", "blob:", "about:")):
        route.continue_()
    else:
        outside.append(url)
        route.abort()


def _add_up(requests, page: str) -> FirstVisit:
    total = zipped = 0
    by_type: dict[str, int] = {}
    sized: list[tuple[int, str]] = []
    for request in requests:
        response = request.response()
        if response is None:
            continue
        sizes = request.sizes()
        size = sizes["responseBodySize"] + sizes["responseHeadersSize"]
        try:
            body = response.body()
        except Exception:  # noqa: BLE001 - a body that is gone still counted in `sizes`
            body = b""
        total += size
        zipped += len(gzip.compress(body, 6)) + sizes["responseHeadersSize"]
        kind = request.resource_type
        by_type[kind] = by_type.get(kind, 0) + size
        sized.append((size, "/" + request.url.split("/", 3)[-1]))
    return FirstVisit(page, len(requests), total, zipped, by_type,
                      largest=sorted(sized, reverse=True)[:5])


def search_index(site: Path, interventions: int) -> dict[str, float]:
    """Size of the search index, in total and per intervention, plain and gzipped: the primary
    index (search/search_index.json, loaded once the reader turns to search) and, under
    "full_", the full one (every section, loaded after it)."""
    result: dict[str, float] = {}
    for prefix, name in (("", "search_index.json"), ("full_", "search_index_full.json")):
        path = site / "search" / name
        if not path.is_file():
            continue
        raw = path.read_bytes()
        zipped = len(gzip.compress(raw, 6))
        result.update({f"{prefix}bytes": len(raw), f"{prefix}gzip_bytes": zipped,
                       f"{prefix}docs": len(json.loads(raw).get("docs", [])),
                       f"{prefix}per_intervention": len(raw) / interventions,
                       f"{prefix}gzip_per_intervention": zipped / interventions})
    return result


def has_offline_export() -> bool:
    """`watwerkt export offline` exists in this checkout (another issue delivers it)."""
    probe = subprocess.run([PYTHON, "-m", "generator", "export", "offline", "--help"],
                           cwd=REPO, capture_output=True, text=True)
    return probe.returncode == 0


def offline_zip(root: Path, work: Path, today: str) -> tuple[Run, dict]:
    """Export the corpus as the offline zip; its size and number of files."""
    target = work / "offline.zip"
    if target.exists():
        target.unlink()
    run = run_child("watwerkt export offline", [
        PYTHON, "-m", "generator", "export", "offline", "--root", str(root), "--out",
        str(target), "--today", today], cwd=REPO, env=_env())
    if not run.ok or not target.is_file():
        return run, {}
    with zipfile.ZipFile(target) as archive:
        names = archive.namelist()
        unpacked = sum(info.file_size for info in archive.infolist())
    return run, {"bytes": target.stat().st_size, "files": len(names), "unpacked": unpacked}


def finder_bench(work: Path, runs: int, timeout: float = 900) -> tuple[Run | None, str]:
    """Run bench/finder_bench.py (5,000 interventions) if it exists; another engineer owns it."""
    script = REPO / "bench" / "finder_bench.py"
    if not script.is_file():
        return None, "bench/finder_bench.py bestaat nog niet: niet gemeten."
    run = run_child("finder_bench", [PYTHON, str(script), "--n", "5000", "--runs", str(runs)],
                    cwd=work, env=_env(),
                    timeout=timeout)
    return run, run.output.strip()


def _env() -> dict:
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def main(argv: list[str] | None = None) -> int:
    """Measure one built site from the command line: the first visit and the first search."""
    import argparse

    parser = argparse.ArgumentParser(description="Eerste bezoek en eerste zoekopdracht in "
                                     "Chromium, voor een gebouwde site.")
    parser.add_argument("site", type=Path, help="map met de gebouwde site")
    parser.add_argument("--page", default="interventies/", help="pagina van het eerste bezoek")
    parser.add_argument("--word", default="schulden", help="het woord dat de lezer typt")
    args = parser.parse_args(argv)
    visit = first_visit(args.site, args.page)
    print(f"eerste bezoek {visit.page}: {visit.requests} verzoeken, {visit.bytes / 1000:.0f} kB, "
          f"{visit.gzip_bytes / 1000:.0f} kB gzip; grootste: "
          + ", ".join(f"{path} {size / 1000:.0f} kB" for size, path in visit.largest))
    if visit.outside:
        print("naar buiten:", ", ".join(visit.outside))
    search = first_search(args.site, args.page, args.word)
    print(f"eerste zoekopdracht '{search.word}': {search.right_away:.2f} s direct na laden, "
          f"{search.after_idle:.2f} s na rust ({search.goals()})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
