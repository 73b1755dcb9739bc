"""Where the time goes: profile `watwerkt check` or `watwerkt build` on a corpus.

    python bench/profiling.py check|build CORPUS [--today 2026-11-22] [--top 40]

Uses pyinstrument when it is installed (a sampling profiler: little overhead, a readable call
tree), else cProfile from the standard library. A summary by package shows which part of the
stack owns the time: ours (generator), MkDocs, Python-Markdown, Material, Jinja, YAML, ….
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))


def target(command: str, corpus: Path, today: str, out: Path) -> list[str]:
    argv = [command, "--root", str(corpus), "--today", today]
    return argv + (["--out", str(out)] if command == "build" else [])


def by_package(stats: pstats.Stats) -> dict[str, float]:
    """Own time (tottime) per top-level package, from cProfile's statistics."""
    totals: dict[str, float] = defaultdict(float)
    for (filename, _, _), (_, _, tottime, _, _) in stats.stats.items():
        if "site-packages/" in filename:
            name = filename.split("site-packages/", 1)[1].split("/", 1)[0]
        elif "/generator/" in filename:
            name = "generator (ons)"
        elif filename.startswith("~") or filename.startswith("<"):
            name = "ingebouwd"
        else:
            name = "stdlib: " + Path(filename).stem
        totals[name] += tottime
    return dict(sorted(totals.items(), key=lambda kv: -kv[1]))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("command", choices=("check", "build"))
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--today", default="2026-11-22")
    parser.add_argument("--top", type=int, default=40)
    parser.add_argument("--cprofile", action="store_true", help="cProfile even if "
                        "pyinstrument is installed")
    args = parser.parse_args(argv)
    from generator.cli import main as watwerkt

    with tempfile.TemporaryDirectory() as folder:
        cli_args = target(args.command, args.corpus.resolve(), args.today, Path(folder) / "s")
        try:
            if args.cprofile:
                raise ImportError
            from pyinstrument import Profiler
        except ImportError:
            profiler = cProfile.Profile()
            profiler.runcall(watwerkt, cli_args)
            stats = pstats.Stats(profiler).sort_stats("cumulative")
            stats.print_stats(args.top)
            print("Eigen tijd per pakket (s):")
            for name, seconds in list(by_package(stats).items())[:15]:
                print(f"  {seconds:8.2f}  {name}")
            return 0
        profiler = Profiler(interval=0.002)
        profiler.start()
        watwerkt(cli_args)
        profiler.stop()
        print(profiler.output_text(unicode=True, color=False, show_all=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
