"""A benchmark project made from the shipped content itself: what editors really write.

    python bench/corpus_shipped.py OUT --n 1000

Each of the N interventions is a copy of a shipped one (round-robin over interventions/), with
its real frontmatter (fact-card data, lists, recognition, related links) and its real body; only
the title gets a number and the slug a suffix, and `related` points at the copies of the same
round, so every reference resolves. The shipped dossiers are kept as they are, naming the first
round's copies. The synthetic corpus (corpus.py) is plain prose and cheap for our pipeline; this
one carries the fact cards, tables and lists of the real entries.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "bench"))
from corpus import new_project  # noqa: E402

FRONTMATTER = re.compile(r"\A---\r?\n(.*?)\r?\n---\r?\n", re.S)


def copy_slug(slug: str, round_number: int) -> str:
    return f"{slug}-{round_number}"


def _front(text: str) -> dict:
    match = FRONTMATTER.match(text)
    return yaml.safe_load(match.group(1)) if match else {}


def _replace_key_line(text: str, key: str, value: str) -> str:
    """Replace the one-line `key: …` of the frontmatter; the rest of the file stays as written."""
    match = FRONTMATTER.match(text)
    head = re.sub(rf"(?m)^{key}:.*$", lambda _: f"{key}: {value}", match.group(1), count=1)
    return text[:match.start(1)] + head + text[match.end(1):]


_BODY_LINK = re.compile(r"\[([^\]]+)\]\(((?:\.\./interventies/)?)([a-z0-9-]+)\.md\)")


def relink(text: str, round_number: int, written: set[str]) -> str:
    """Body links to shipped interventions point at that round's copies (at the first round's
    when that round has none); a link with no copy in the corpus becomes its plain text."""
    def to_copy(match: re.Match) -> str:
        for number in (round_number, 1):
            if copy_slug(match[3], number) in written:
                return f"[{match[1]}]({match[2]}{copy_slug(match[3], number)}.md)"
        return match[1]
    return _BODY_LINK.sub(to_copy, text)


def intervention_copy(text: str, round_number: int, written: set[str]) -> str:
    """`written`: the slugs of the copies in the corpus; the last, partial round keeps only
    the related links whose copy exists."""
    data = _front(text)
    text = _replace_key_line(text, "title", json.dumps(f"{data['title']} {round_number}",
                                                       ensure_ascii=False))
    if data.get("related"):
        related = [copy_slug(s, round_number) for s in data["related"]]
        kept = ", ".join(slug for slug in related if slug in written)
        text = _replace_key_line(text, "related", f"[{kept}]")
    return relink(text, round_number, written)


def dossier_copy(text: str, written: set[str] | None = None) -> str:
    """The shipped dossier, naming the first round's copies (flow or block lists alike, and
    the links in its text)."""
    data = _front(text)
    for slug in data.get("interventions") or []:
        text = re.sub(rf"(?m)(^\s*-\s*|[\[,]\s*){re.escape(slug)}(?=\s*[\],]|\s*$)",
                      lambda m, s=slug: m.group(1) + copy_slug(s, 1), text)
    return text if written is None else relink(text, 1, written)


def write_corpus(out: Path, n: int) -> dict:
    """Write the project to `out` (replacing it); returns counts for the report."""
    new_project(out)
    shipped = sorted((REPO / "interventions").glob("*.md"))
    (out / "interventions").mkdir()
    copies = [(shipped[i % len(shipped)], i // len(shipped) + 1) for i in range(n)]
    written = {copy_slug(source.stem, round_number) for source, round_number in copies}
    for source, round_number in copies:
        text = intervention_copy(source.read_text(encoding="utf-8"), round_number, written)
        target = out / "interventions" / f"{copy_slug(source.stem, round_number)}.md"
        target.write_text(text, encoding="utf-8")
    (out / "dossiers").mkdir()
    dossiers = sorted((REPO / "dossiers").glob("*.md"))
    for source in dossiers:
        (out / "dossiers" / source.name).write_text(
            dossier_copy(source.read_text(encoding="utf-8"), written), encoding="utf-8")
    return {"interventions": n, "dossiers": len(dossiers), "kind": "shipped"}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--n", type=int, default=1000, help="number of interventions")
    args = parser.parse_args(argv)
    counts = write_corpus(args.out.resolve(), args.n)
    print(f"{counts['interventions']} interventies en {counts['dossiers']} dossiers in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
