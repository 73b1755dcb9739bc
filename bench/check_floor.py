"""The floor for `watwerkt check`: read every content file, parse its frontmatter with PyYAML's
C loader and tokenize its body with markdown-it-py (CommonMark preset), in one process.

    python bench/check_floor.py ROOT

No check can do less than this and still look at every key and every body token; bench/run.py
divides the time of `watwerkt check` by the time of this script (both as fresh processes).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import yaml
from markdown_it import MarkdownIt

try:
    from yaml import CSafeLoader as Loader
except ImportError:  # pragma: no cover - PyYAML without libyaml
    from yaml import SafeLoader as Loader


def floor(root: Path) -> tuple[int, int]:
    """Returns (files, body tokens), so the work cannot be optimised away."""
    parser = MarkdownIt("commonmark")
    files = tokens = 0
    for folder in ("interventions", "dossiers"):
        for path in sorted((root / folder).glob("*.md")):
            text = path.read_text(encoding="utf-8")
            _, header, body = text.split("---\n", 2)
            yaml.load(header, Loader=Loader)
            tokens += len(parser.parse(body))
            files += 1
    return files, tokens


def main(argv: list[str]) -> int:
    started = time.perf_counter()
    files, tokens = floor(Path(argv[1]))
    print(f"{files} bestanden, {tokens} tokens in {time.perf_counter() - started:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
