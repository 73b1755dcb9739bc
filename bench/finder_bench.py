"""Benchmark of the interventie-zoeker: how long one update takes with 5,000 interventions.

    python bench/finder_bench.py [--n 5000] [--runs 7]

Builds the shipped site once (into a temporary folder), then replaces the list on
/interventies/ and interventies/finder-data.js with N synthetic interventions made by the real
renderers, opens the page in Debian's chromium and times what a reader does: tick a facet
value, tick a second one, type a word, change the sort, clear everything. For each it prints
the time of the update itself (filtering, counts, DOM changes: the script's work) and the time
until the next frame has been drawn (with style and layout). Goal: an update under 50 ms.
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import http.server
import random
import re
import statistics
import sys
import tempfile
import threading
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from generator.content.catalog import Catalog, build_catalog  # noqa: E402
from generator.content.vocab import load_vocabularies  # noqa: E402
from generator.core.model import Criteria, Intervention, Owner, Recognition  # noqa: E402
from generator.render.common import Site  # noqa: E402
from generator.render.finder import DATA_PATH, finder_script  # noqa: E402
from generator.render.overviews import render_interventions_index  # noqa: E402

TODAY = dt.date(2026, 11, 22)
GOAL_MS = 50.0
WORDS = ("buurt wijk ouderen eenzaamheid schulden vrijwilligers mantelzorg jongeren gezin "
         "werk opvang taal maatje coach netwerk huisbezoek preventie ondersteuning").split()
CHROMIUM_ARGS = ["--disable-background-networking", "--disable-component-update",
                 "--no-first-run", "--disable-sync", "--disable-gpu", "--no-sandbox"]


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


def synthetic_catalog(n: int, seed: int = 1) -> Catalog:
    """N interventions spread over every vocabulary value, level, expiry and status."""
    vocab, _ = load_vocabularies(REPO)
    rng = random.Random(seed)
    themes, groups = vocab.ids("themes"), vocab.ids("target_groups")
    levels, delivered = vocab.ids("recognition_levels"), vocab.ids("delivered_by")
    items = {}
    for k in range(n):
        words = rng.sample(WORDS, 6)
        level = rng.choice(levels + [None])
        assessed = TODAY - dt.timedelta(days=rng.randint(30, 2500))
        recognition = Recognition(level, assessed, assessed + dt.timedelta(days=1800)) \
            if level else None
        slug = f"interventie-{k:05d}"
        items[slug] = Intervention(
            slug=slug, path=f"interventions/{slug}.md", body="",
            title=f"{words[0].capitalize()} {words[1]} {k}",
            summary=f"Een aanpak voor {' en '.join(words[2:5])} in de {words[5]}.",
            themes=rng.sample(themes, rng.randint(1, 2)),
            target_groups=rng.sample(groups, rng.randint(1, 3)), recognition=recognition,
            owner=Owner("Stichting Voorbeeld"), criteria=Criteria(True, 2015, 3),
            delivered_by=rng.sample(delivered, rng.randint(1, 2)), costs="Circa € 1.000",
            outcomes=["Minder eenzaamheid"], last_reviewed=TODAY - dt.timedelta(days=k % 400),
            status="ingetrokken" if k % 25 == 0 else "actief")
    return build_catalog(items, {}, vocab, TODAY)


def build_page(out: Path, catalog: Catalog) -> None:
    """The shipped site with the synthetic list spliced into /interventies/."""
    from generator.renderers.mkdocs.run import build_site

    outcome = build_site(REPO, out, TODAY)
    if not outcome.ok:
        raise SystemExit(f"bouwen mislukt: {outcome.failure}")
    site = Site()
    body = render_interventions_index(catalog, site).split("---\n\n", 1)[1]
    page = out / "interventies" / "index.html"
    html = page.read_text(encoding="utf-8")
    html = re.sub(r'(<article class="md-content__inner md-typeset">).*?(</article>)',
                  lambda m: m[1] + body + m[2], html, count=1, flags=re.S)
    page.write_text(html, encoding="utf-8")
    (out / DATA_PATH).write_text(finder_script(catalog, site), encoding="utf-8")


# Each action returns [update ms, with style and layout ms, until the next frame ms]. The
# update is synchronous: the change/input handler filters, counts and updates the DOM before
# dispatchEvent returns. The URL is written later (finder.js waits for a pause) and not timed.
MEASURE_JS = """async (action) => {
  const frame = () => new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)));
  await frame();
  const t0 = performance.now();
  action.kind === 'check' ? document.getElementById(action.id).click()
    : action.kind === 'text' ? (() => { const q = document.getElementById('ww-finder-q');
        q.value = action.value; q.dispatchEvent(new Event('input', {bubbles: true})); })()
    : action.kind === 'sort' ? (() => { const s = document.getElementById('ww-finder-sort');
        s.value = action.value; s.dispatchEvent(new Event('change', {bubbles: true})); })()
    : document.querySelector('.ww-finder__clear').click();
  const t1 = performance.now();
  document.body.offsetHeight;  // force style and layout, then wait for the frame
  const t2 = performance.now();
  await frame();
  return [t1 - t0, t2 - t0, performance.now() - t0];
}"""

START_JS = """() => performance.measure('ww-finder', 'ww-finder-start', 'ww-finder-ready')
  .duration"""

ACTIONS = [("vink thema aan", {"kind": "check", "id": "ww-f-thema-eenzaamheid"}),
           ("vink doelgroep aan", {"kind": "check", "id": "ww-f-doelgroep-ouderen"}),
           ("typ een woord", {"kind": "text", "value": "buurt"}),
           ("sorteer op erkenning", {"kind": "sort", "value": "niveau"}),
           ("sorteer op titel", {"kind": "sort", "value": "titel"}),
           ("wis alle filters", {"kind": "clear"})]


Timings = dict[str, list[tuple[float, float, float]]]


def measure(url: str, runs: int) -> tuple[float, Timings]:
    """The script's start-up time and, per action, the three timings of MEASURE_JS."""
    from playwright.sync_api import sync_playwright

    timings: Timings = {name: [] for name, _ in ACTIONS}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(url)
        page.wait_for_selector("#ww-finder:not([hidden])")
        start = page.evaluate(START_JS)
        for _ in range(runs):
            for name, action in ACTIONS:
                timings[name].append(tuple(page.evaluate(MEASURE_JS, action)))
        browser.close()
    return start, timings


def report(n: int, start: float, timings: Timings) -> bool:
    """Print the table; true when the slowest median update meets the goal."""
    runs = len(next(iter(timings.values())))
    print(f"Interventie-zoeker met {n} interventies, {runs} metingen per handeling (ms).")
    print(f"Opstarten van het script (eenmalig): {start:.1f}")
    print(f"  {'handeling':22} {'bijwerken':>10} {'(snelste)':>10} {'+ opmaak':>10} "
          f"{'tot beeld':>10}")
    worst = 0.0
    for name, values in timings.items():
        update = statistics.median(v[0] for v in values)
        worst = max(worst, update)
        print(f"  {name:22} {update:10.1f} {min(v[0] for v in values):10.1f} "
              f"{statistics.median(v[1] for v in values):10.1f} "
              f"{statistics.median(v[2] for v in values):10.1f}")
    ok = worst < GOAL_MS
    print(f"Langzaamste bijwerking (mediaan): {worst:.1f} ms, doel < {GOAL_MS:.0f} ms: "
          + ("gehaald" if ok else "NIET gehaald"))
    return ok


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="finder-bench-") as tmp:
        out = Path(tmp) / "site"
        build_page(out, synthetic_catalog(args.n))
        handler = functools.partial(_QuietHandler, directory=str(out))
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        try:
            start, timings = measure(f"http://127.0.0.1:{server.server_port}/interventies/",
                                     args.runs)
        finally:
            server.shutdown()
    return 0 if report(args.n, start, timings) else 1


if __name__ == "__main__":
    sys.exit(main())
