"""`watwerkt build`: the check, then MkDocs with the watwerkt plugin into --out."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from generator.cli import EXIT_OK, add_common
from generator.core.numbers import count_nl
from generator.renderers.mkdocs.run import build_site, report_failure

PAGES = "pagina's"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_common(parser)
    parser.add_argument("--out", metavar="MAP", help="map voor de site (standaard: <root>/site)")
    parser.add_argument("--strict", action="store_true", help="waarschuwingen tellen als fouten")


def run(args: argparse.Namespace, root: Path, build_date: dt.date) -> int:
    out = Path(args.out).resolve() if args.out else (root / "site").resolve()
    outcome = build_site(root, out, build_date, strict=args.strict)
    failed = report_failure(outcome, "De site is niet gebouwd")
    if failed is not None:
        return failed
    print(f"Site gebouwd: {count_nl(outcome.pages, 'pagina', PAGES)} in {out}")
    return EXIT_OK
