"""CPU time per phase of one `watwerkt build`, without a profiler's distortion.

    python bench/phases.py CORPUS [--today 2026-11-22] [--json]

Wraps the functions where the time goes (our check, renderers, sanitizer and link check;
MkDocs' reading, Python-Markdown, Material's templates and search plugin) with a CPU-time
counter, runs one build in this process and prints the totals. A phase whose function does not
exist in this checkout is left out.
"""

from __future__ import annotations

import argparse
import functools
import importlib
import json
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

# (module, attribute path, label): what each phase is, in the order of a build.
PHASES = (
    ("generator.renderers.mkdocs.run", "check_project", "onze controle (check)"),
    ("generator.renderers.mkdocs.plugin", "render_site", "onze renderers (Markdown maken)"),
    ("generator.postprocess.html_blocks", "HtmlBlocks.take_out",
     "onze HTML-blokken eruit (voor Markdown)"),
    ("generator.postprocess.html_blocks", "HtmlBlocks.put_back",
     "onze HTML-blokken terug (na Markdown)"),
    ("generator.postprocess.html_blocks", "HtmlBlocks.put_back_late",
     "onze lijsten terug (na de zoekindex)"),
    ("mkdocs.structure.pages", "Page.read_source", "MkDocs: pagina lezen en YAML-kop"),
    ("mkdocs.structure.pages", "Page.render", "Python-Markdown: Markdown naar HTML"),
    ("generator.postprocess.page_guard", "sanitize_html", "onze sanitizer (entry-pagina's)"),
    ("material.plugins.search.plugin", "SearchPlugin.on_page_context",
     "Material: zoekindex per pagina"),
    ("generator.renderers.mkdocs.plugin", "page_entries", "onze zoekindex per pagina"),
    ("material.plugins.search.plugin", "SearchPlugin.on_post_build",
     "Material: zoekindex schrijven (nu de kleine)"),
    ("generator.renderers.mkdocs.plugin", "write_full", "onze volledige zoekindex schrijven"),
    ("mkdocs.commands.build", "_build_page", "MkDocs+Material: pagina-sjabloon (incl. zoekindex)"),
    ("generator.renderers.mkdocs.run", "check_links", "onze linkcontrole na de bouw"),
)


def wrap(totals: dict[str, float], module: str, attribute: str, label: str) -> bool:
    try:
        owner = importlib.import_module(module)
        *parents, name = attribute.split(".")
        for parent in parents:
            owner = getattr(owner, parent)
        function = getattr(owner, name)
    except (ImportError, AttributeError):
        return False

    @functools.wraps(function)
    def timed(*args, **kwargs):
        started = time.process_time()
        try:
            return function(*args, **kwargs)
        finally:
            totals[label] = totals.get(label, 0.0) + time.process_time() - started

    setattr(owner, name, timed)
    return True


def _children_cpu() -> float:
    times = os.times()
    return times.children_user + times.children_system


def measure(corpus: Path, today: str) -> dict[str, float]:
    totals: dict[str, float] = {}
    for module, attribute, label in PHASES:
        if wrap(totals, module, attribute, label):
            totals.setdefault(label, 0.0)
    from generator.cli import main

    started, children = time.process_time(), _children_cpu()
    wall = time.perf_counter()
    with tempfile.TemporaryDirectory() as folder:
        code = main(["build", "--root", str(corpus), "--today", today, "--out",
                     str(Path(folder) / "site")])
    totals["totaal (hele proces na het importeren)"] = time.process_time() - started
    # Work done beside this process (generator/speed/two_cores.py, forked page loops) is not in the
    # phases above, which count this process only.
    totals["in afgesplitste processen (naast de fasen hierboven)"] = _children_cpu() - children
    totals["wandkloktijd (na het importeren)"] = time.perf_counter() - wall
    if code != 0:
        raise SystemExit(f"watwerkt build gaf code {code}")
    return totals


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--today", default="2026-11-22")
    parser.add_argument("--json", action="store_true", help="one JSON object on the last line")
    args = parser.parse_args(argv)
    totals = measure(args.corpus.resolve(), args.today)
    if args.json:
        print(json.dumps(totals))
    else:
        for label, seconds in totals.items():
            print(f"{seconds:7.2f} s  {label}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
