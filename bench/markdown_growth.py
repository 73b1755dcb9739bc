"""How the site's Markdown conversion grows with runs of the constructs that can make it slow.

    python bench/markdown_growth.py [--size 20000] [--family NAME]

For every family of generator/check/complexity.py (runs of brackets, emphasis marks, tags,
backticks, identical headings …) it builds a body of about `size` and twice `size` characters,
each as long a run as `watwerkt check` still lets through (complexity.py's limit), converts both
with Python-Markdown set up as mkdocs.yml sets it up (content/settings.py) and prints the time
per character at 2×size divided by the time per character at size. Linear time gives about 1; a
quadratic construct about 2. The goal: every family ≤ 1.5, and no accepted body of 100 kB
slower than 2 s (the conversion's budget, core/budget.py, is 10 s). A family that grows worse
is a hole in the complexity rule: the script exits 1.

Also printed: what `watwerkt check` says of the same runs made longer than its limit (it must
refuse them: body-too-complex, at the line of the run).

    python bench/markdown_growth.py --random 200 [--seed 1]

looks for the runs nobody listed: bodies of `size` characters drawn at random from the
characters and constructs that open look-aheads in Python-Markdown (brackets, parentheses, tags,
entities, emphasis marks, backticks, backslashes, admonitions, definitions, abbreviations, table
pipes, quotes, list markers and indents), each with its own random weights. Of those the check
lets through, the slowest conversions per 100 kB are printed; one slower than the goal is a
family the complexity rule misses (exit 1).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from generator.check.complexity import FAMILIES, complexity_problems  # noqa: E402
from generator.content.settings import markdown_converter, read_settings  # noqa: E402

GOAL_GROWTH = 1.5
GOAL_SECONDS_100K = 2.0


def seconds_to_convert(converter, body: str, repeat: int = 3) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        converter.reset().convert(body)
        times.append(time.perf_counter() - started)
    return min(times)


PIECES = ("[", "]", "(", ")", "](", "![", "<a ", "</a", "<", ">", "<!--", "-->", "<![CDATA[",
          "&#1", "&a", ";", "*", "**", "_", "__", "`", "``", "\\", "!!! note\n", "\n: ",
          "*[AB]: x\n", "|", " | ", "\n", "\n\n", "woord ", "AB ", "# ", "> ", "- ", "1. ",
          "    ", "\t", "[^1]", "[^1]: ", "http://", "~~~", "```", "=", "\"", "'")


def random_bodies(count: int, size: int, seed: int):
    import random

    chooser = random.Random(seed)
    for _ in range(count):
        weights = [chooser.random() ** 3 for _ in PIECES]
        pieces, length = [], 0
        while length < size:
            piece = chooser.choices(PIECES, weights)[0]
            pieces.append(piece)
            length += len(piece)
        yield "".join(pieces)


def search_random(converter, count: int, size: int, seed: int) -> int:
    slowest = []
    refused = 0
    for body in random_bodies(count, size, seed):
        if complexity_problems(body):
            refused += 1
            continue
        seconds = seconds_to_convert(converter, body, repeat=1) * 100_000 / len(body)
        slowest.append((seconds, body))
    slowest.sort(key=lambda pair: pair[0], reverse=True)
    print(f"{count} willekeurige teksten van {size:,} tekens: {refused} geweigerd, "
          f"{len(slowest)} doorgelaten".replace(",", "."))
    for seconds, body in slowest[:5]:
        print(f"  {seconds:6.3f} s per 100 kB   begint met {body[:60]!r}")
    worst = slowest[0][0] if slowest else 0.0
    print(f"traagste doorgelaten: {worst:.3f} s per 100 kB (doel ≤ {GOAL_SECONDS_100K} s)")
    return 1 if worst > GOAL_SECONDS_100K else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=20_000)
    parser.add_argument("--family", choices=sorted(FAMILIES))
    parser.add_argument("--random", type=int, metavar="N", help="N random bodies instead")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    converter = markdown_converter(read_settings(REPO))
    if args.random:
        return search_random(converter, args.random, args.size, args.seed)
    print(f"{'familie':24} {'1x (s)':>8} {'2x (s)':>8} {'groei':>6} {'100 kB (s)':>10}  "
          f"{'te lang':>8}  oordeel")
    failures = 0
    for name, family in sorted(FAMILIES.items()):
        if args.family and name != args.family:
            continue
        small = family.accepted_body(args.size)
        large = family.accepted_body(2 * args.size)
        full = family.accepted_body(100_000)
        one = seconds_to_convert(converter, small)
        two = seconds_to_convert(converter, large)
        hundred = seconds_to_convert(converter, full, repeat=1)
        growth = (two / len(large)) / (one / len(small)) if one > 0 else 0.0
        refused = complexity_problems(family.refused_body(args.size))
        verdict = "goed" if growth <= GOAL_GROWTH and hundred <= GOAL_SECONDS_100K \
            and refused else "TE TRAAG" if refused else "NIET GEWEIGERD"
        failures += verdict != "goed"
        print(f"{name:24} {one:8.3f} {two:8.3f} {growth:6.2f} {hundred:10.3f}  "
              f"{'geweigerd' if refused else 'NEE':>8}  {verdict}", flush=True)
    print(f"\ndoel: groei ≤ {GOAL_GROWTH} (lineair ≈ 1, kwadratisch ≈ 2), 100 kB ≤ "
          f"{GOAL_SECONDS_100K} s")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
