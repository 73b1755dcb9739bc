"""`watwerkt export offline`: the whole site as a zip that works without network."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from pathlib import Path

from generator.cli import EXIT_OK, EXIT_USAGE, DutchParser, add_common
from generator.core.numbers import count_nl, number_nl
from generator.export.offline import default_zip_path, export_offline
from generator.renderers.mkdocs.run import report_failure


def add_arguments(parser: argparse.ArgumentParser) -> None:
    kinds = parser.add_subparsers(dest="export_kind", metavar="soort", required=True,
                                  parser_class=DutchParser)
    offline = kinds.add_parser(
        "offline", help="de hele site als zip die zonder netwerk werkt",
        description="Bouw de hele site als zip die u uitpakt en zonder netwerk opent "
                    "(index.html), met zoeken, filteren en printen.")
    add_common(offline)
    offline.add_argument("--out", metavar="BESTAND.zip",
                         help="waar de zip komt (standaard: "
                              "<root>/dist/watwerkt-offline-JJJJ-MM-DD.zip, de bouwdatum)")


def run(args: argparse.Namespace, root: Path, build_date: dt.date) -> int:
    out = Path(args.out).resolve() if args.out else default_zip_path(root.resolve(), build_date)
    if out.is_dir():
        print(f"watwerkt: --out moet een bestandsnaam zijn, maar '{out}' is een map.",
              file=sys.stderr)
        return EXIT_USAGE
    started = time.monotonic()
    outcome = export_offline(root.resolve(), out, build_date)
    failed = report_failure(outcome, "De offline versie is niet gemaakt")
    if failed is not None:
        return failed
    seconds = time.monotonic() - started
    pages = count_nl(outcome.pages, "pagina", "pagina's")
    print(f"Offline versie gemaakt: {pages}, {number_nl(outcome.size / 1_000_000, 1)} MB in "
          f"{out} ({number_nl(seconds, 1)} s). Pak de zip uit en "
          "open index.html in een browser.")
    return EXIT_OK
