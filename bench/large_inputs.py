"""Large and pathological inputs: what happens, how long it takes and how much memory it needs.

    python bench/large_inputs.py [--timeout 120] [--case NAME]

Each case runs in a fresh interpreter (so the peak RSS is its own) through load -> validate ->
catalog -> render -> Python-Markdown -> sanitizer, and the table shows the outcome (the first
error code, or "gebouwd"), the wall time and the peak resident memory (ru_maxrss). "klein" is an
ordinary entry, for comparison. tests/reliability/test_large_inputs.py checks the outcomes;
time and memory are only measured here, never asserted in tests.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tests.reliability.large import BENCH_ONLY, CASES  # noqa: E402

ALL = {**CASES, **BENCH_ONLY}


def run_case(name: str) -> dict:
    """Run one case in this process and describe the outcome."""
    from generator.postprocess.sanitize import sanitize_html
    from tests.reliability.documents import run_pipeline, to_html

    files = ALL[name]()
    size = sum(len(raw) for raw in files.values())
    start = time.perf_counter()
    outcome = run_pipeline(files)
    errors = outcome.errors()
    result = errors[0].code if errors else "gebouwd"
    if not errors:
        for path in outcome.pages:
            if path.startswith(("interventies/x", "dossiers/y")):
                sanitize_html(to_html(outcome.pages[path]))
    return {"case": name, "bytes": size, "outcome": result,
            "seconds": round(time.perf_counter() - start, 2),
            "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--case", choices=sorted(ALL), help="run one case in this process")
    parser.add_argument("--timeout", type=float, default=120.0)
    args = parser.parse_args(argv)
    if args.case:
        print(json.dumps(run_case(args.case)))
        return 0
    print(f"{'geval':28} {'invoer':>10} {'uitkomst':24} {'tijd':>8} {'piek-RSS':>9}")
    for name in ALL:
        try:
            done = subprocess.run([sys.executable, __file__, "--case", name],
                                  capture_output=True, text=True, timeout=args.timeout)
        except subprocess.TimeoutExpired:
            print(f"{name:28} {'':>10} {'AFGEBROKEN na ' + str(int(args.timeout)) + ' s':24}")
            continue
        if done.returncode != 0:
            print(f"{name:28} {'':>10} CRASH (code {done.returncode}): {done.stderr[-300:]}")
            continue
        row = json.loads(done.stdout.strip().splitlines()[-1])
        print(f"{name:28} {row['bytes'] / 1024:8.0f}kB {row['outcome']:24} "
              f"{row['seconds']:7.2f}s {row['peak_mb']:7d}MB", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
