"""Run the whole benchmark and write bench/RESULTS.md.

    python bench/run.py            # the full run (N = 1,000 and 4,000; about 10-15 minutes)
    python bench/run.py --quick    # a smoke test at N = 200 and 800; writes to a temp file

Every figure is a ratio of two measurements taken back to back in this one run, because the
machines this runs on are shared and noisy. See bench/README.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import baseline  # noqa: E402
import corpus  # noqa: E402
import corpus_shipped  # noqa: E402
import preview  # noqa: E402
import reader  # noqa: E402
import report  # noqa: E402
from measure import PYTHON, REPO, Run, fresh, git_state, machine, now, run_child  # noqa: E402


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true",
                        help="N=200 and 800, one repeat; results to a temporary file")
    parser.add_argument("--n", type=int, help="interventions in the base corpus (1000)")
    parser.add_argument("--scale", type=int, default=4, help="the large corpus is N times this")
    parser.add_argument("--repeat", type=int, help="interleaved runs of the cheaper builds; "
                        "the median counts (3, or 1 with --quick)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--today", default="2026-11-22", help="the pinned build date")
    parser.add_argument("--work", type=Path, help="work folder (default: a temporary folder)")
    parser.add_argument("--keep", action="store_true", help="keep the work folder")
    parser.add_argument("--out", type=Path, help="results file (default bench/RESULTS.md)")
    parser.add_argument("--corpus", choices=("shipped", "synthetic", "both"), default="both",
                        help="copies of the shipped content, the synthetic prose, or both "
                        "(the reader's side is measured on the first)")
    parser.add_argument("--skip", action="append", default=[],
                        choices=("plain-nav", "preview", "browser", "offline", "finder"),
                        help="leave out one part (repeatable)")
    args = parser.parse_args(argv)
    args.n = args.n or (200 if args.quick else 1000)
    args.repeat = args.repeat or (1 if args.quick else 3)
    if args.out is None:
        args.out = (Path(tempfile.gettempdir()) / "watwerkt-RESULTS-quick.md" if args.quick
                    else REPO / "bench" / "RESULTS.md")
    return args


def say(text: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {text}", file=sys.stderr, flush=True)


def env() -> dict:
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1"}


def build_ours(root: Path, out: Path, today: str) -> Run:
    return run_child("watwerkt build", [PYTHON, "-m", "generator", "build", "--root", str(root),
                                        "--out", str(fresh(out)), "--today", today],
                     cwd=REPO, env=env())


def build_plain(project: Path, label: str) -> Run:
    fresh(project / "site")
    return run_child(label, [PYTHON, "-m", "mkdocs", "build", "-q", "-f",
                             str(project / "mkdocs.yml")], cwd=project, env=env())


def html_pages(site: Path) -> int:
    return sum(1 for _ in site.rglob("*.html"))


def must(run: Run) -> Run:
    if not run.ok:
        raise SystemExit(f"{run.label} mislukte ({run.returncode}):\n{run.output[-3000:]}")
    return run


CORPUS_WRITERS = {
    "shipped": lambda out, n, args: corpus_shipped.write_corpus(out, n),
    "synthetic": lambda out, n, args: corpus.write_corpus(out, n, args.seed,
                                                           dt.date.fromisoformat(args.today)),
}


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    work = args.work or Path(tempfile.mkdtemp(prefix="watwerkt-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    kinds = ("shipped", "synthetic") if args.corpus == "both" else (args.corpus,)
    results: dict = {"args": args, "machine": machine(), "started": now(),
                     "git": git_state(), "runs": [], "corpora": {}}
    wall = time.perf_counter()
    try:
        for kind in kinds:
            sub = {"args": args, "runs": results["runs"]}
            results["corpora"][kind] = sub
            before = len(results["runs"])
            small = measure_corpus(args, work / kind, kind, sub)
            for run in results["runs"][before:]:
                run.label = f"[{kind}] {run.label}"
            if kind == kinds[0]:
                measure_reader(args, work / kind, small, results)
    finally:
        results["finished"] = now()
        results["minutes"] = (time.perf_counter() - wall) / 60
        results["machine_end"] = machine()
        args.out.write_text(report.markdown(results), encoding="utf-8")
        say(f"resultaten: {args.out}")
        if not args.keep and args.work is None:
            shutil.rmtree(work, ignore_errors=True)
    return 0


def measure_corpus(args, work: Path, kind: str, results: dict) -> Path:
    """Builds, phases, check and preview on one corpus; returns the N-sized project."""
    big_n = args.n * args.scale
    say(f"corpus ({kind}): {args.n} en {big_n} interventies in {work}")
    small, big = work / f"corpus-{args.n}", work / f"corpus-{big_n}"
    results["corpus"] = CORPUS_WRITERS[kind](small, args.n, args)
    results["corpus_big"] = CORPUS_WRITERS[kind](big, big_n, args)
    strict = must(run_child("watwerkt check --strict", [
        PYTHON, "-m", "generator", "check", "--strict", "--root", str(small), "--today",
        args.today], cwd=REPO, env=env()))
    results["strict_summary"] = strict.output.strip().splitlines()[-1]
    measure_builds(args, work, small, big, results)
    say(f"waar de tijd zit (CPU per fase, N={args.n})")
    phases = run_child("phases", [PYTHON, str(REPO / "bench" / "phases.py"), str(small),
                                  "--today", args.today, "--json"], cwd=REPO, env=env())
    results["phases"] = json.loads(phases.output.strip().splitlines()[-1]) if phases.ok else {}
    measure_check(args, big, results)
    if "preview" not in args.skip:
        say("preview: watwerkt serve")
        results["preview"] = preview.measure_preview(small, args.today)
    return small


def measure_builds(args, work: Path, small: Path, big: Path, results: dict) -> None:
    """Ours, the floor and the plain build with full navigation, interleaved (A B C A B C);
    then 4N.
    The baselines get the editors' titles and bodies (baseline.body_pages), as a user without
    this project would write them; the floor with our rendered pages is measured once for
    comparison."""
    today = dt.date.fromisoformat(args.today)
    top, rendered_top = work / "plain-top", work / "plain-top-rendered"
    baseline.write_plain_project(small, top, "top", today, "bodies")
    baseline.write_plain_project(small, rendered_top, "top", today, "rendered")
    full = None
    if "plain-nav" not in args.skip:
        full = work / "plain-all"
        baseline.write_plain_project(small, full, "all", today, "bodies")
    ours, floors, navs, rendered_floors = [], [], [], []
    for attempt in range(args.repeat):
        say(f"build N={args.n} (ronde {attempt + 1}/{args.repeat})")
        ours.append(must(build_ours(small, work / "site-small", args.today)))
        floors.append(must(build_plain(top, "plain Material, nav: top-level pages")))
        if attempt == 0:
            rendered_floors.append(must(build_plain(
                rendered_top, "plain Material, our rendered pages, nav: top-level pages")))
        if full is not None:  # in every round too: its time varies most (33-46 s at N=1000)
            say("plain Material met elke pagina in nav")
            navs.append(must(build_plain(full, "plain Material, nav: every page")))
    results["pages_small"] = html_pages(work / "site-small")
    say(f"build N={big.name.split('-')[-1]} (eenmaal)")
    large = must(build_ours(big, work / "site-big", args.today))
    results["pages_big"] = html_pages(work / "site-big")
    shutil.rmtree(work / "site-big", ignore_errors=True)
    results.update(ours=ours, floors=floors, navs=navs, large=large,
                   rendered_floors=rendered_floors)
    results["runs"] += ours + floors + rendered_floors + navs + [large]


def measure_check(args, big: Path, results: dict) -> None:
    checks, floors = [], []
    for attempt in range(max(2, args.repeat)):
        say(f"check op {big.name} (ronde {attempt + 1})")
        checks.append(run_child("watwerkt check", [
            PYTHON, "-m", "generator", "check", "--root", str(big), "--today", args.today,
            "--format", "json"], cwd=REPO, env=env()))
        floors.append(must(run_child("check floor (PyYAML C + markdown-it)", [
            PYTHON, str(REPO / "bench" / "check_floor.py"), str(big)], cwd=REPO, env=env())))
    for run in checks:
        run.output = ""  # the JSON report of thousands of notices is not worth keeping
        if run.returncode not in (0, 1):
            raise SystemExit(f"watwerkt check mislukte ({run.returncode})")
    results.update(checks=checks, check_floors=floors)
    results["runs"] += checks + floors


def measure_reader(args, work: Path, small: Path, results: dict) -> None:
    site = work / "site-small"
    results["search"] = reader.search_index(site, args.n)
    if "browser" not in args.skip:
        say("eerste bezoek in Chromium")
        page = "interventies/" + sorted((small / "interventions").glob("*.md"))[0].stem + "/"
        try:
            results["visit"] = reader.first_visit(site, page)
            say("eerste zoekopdracht in Chromium")
            results["first_search"] = reader.first_search(site, page)
        except Exception as exc:  # noqa: BLE001 - report, and keep the other figures
            results["visit_error"] = f"{type(exc).__name__}: {exc}"
    if "offline" not in args.skip:
        if reader.has_offline_export():
            say("offline export")
            results["offline"] = reader.offline_zip(small, work, args.today)
        else:
            results["offline"] = None
    if "finder" not in args.skip:
        say("finder_bench.py")
        results["finder"] = reader.finder_bench(work, runs=3 if args.quick else 7)


if __name__ == "__main__":
    sys.exit(main())
