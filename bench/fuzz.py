"""A long fuzzing run of the reliability properties, with counts.

    python bench/fuzz.py [--examples 2000] [--only valid,mutated,bytes,markdown]

Runs the same properties as tests/reliability/test_fuzz.py (schema-driven valid documents,
mutated documents, random bytes, random Markdown with HTML; each through load -> validate ->
catalog -> render -> Python-Markdown -> sanitizer) for many more examples, and prints how many
examples ran, how many files were rejected, how many pages were rendered, and the time taken.
Exits 1 with hypothesis' minimal failing example if any property fails.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tests.reliability.fuzzing import PROPERTIES, STATS, run_property  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=2000, help="examples per property")
    parser.add_argument("--only", default=",".join(PROPERTIES), help="comma-separated names")
    args = parser.parse_args(argv)
    failed = False
    for name in args.only.split(","):
        start = time.perf_counter()
        try:
            run_property(name, args.examples)
            outcome = "ok"
        except Exception as exc:  # noqa: BLE001 - report every property, then fail
            outcome, failed = f"FOUT: {type(exc).__name__}: {exc}", True
        print(f"{name:10} {time.perf_counter() - start:7.1f} s  {outcome}", flush=True)
    print()
    for key, count in sorted(STATS.items()):
        print(f"  {key:32} {count:8d}")
    print(f"  {'voorbeelden in totaal':32} "
          f"{sum(v for k, v in STATS.items() if k.endswith('voorbeelden')):8d}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
