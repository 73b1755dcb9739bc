"""`watwerkt render`: the checked, generated pages as a plain docs folder for any renderer."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from generator.check.report import format_text
from generator.cli import EXIT_ERRORS, EXIT_OK, EXIT_USAGE, add_common
from generator.core.numbers import count_nl
from generator.pipeline import check_project
from generator.renderers.docs_folder import write_docs_folder


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_common(parser)
    parser.add_argument("--out", required=True, metavar="MAP",
                        help="map voor de pagina's (wordt in zijn "
                        "geheel vervangen)")
    parser.add_argument("--strict", action="store_true", help="waarschuwingen tellen als fouten")


def run(args: argparse.Namespace, root: Path, build_date: dt.date) -> int:
    out = Path(args.out).resolve()
    if out == root.resolve() or root.resolve().is_relative_to(out):
        print(f"watwerkt: --out '{out}' zou de projectmap vervangen; kies een andere map.",
              file=sys.stderr)
        return EXIT_USAGE
    result = check_project(root, build_date)
    if result.issues:
        sys.stderr.write(format_text(result.issues, result.files_checked))
    if result.failed(args.strict):
        print("De pagina's zijn niet geschreven: los eerst de fouten hierboven op.",
              file=sys.stderr)
        return EXIT_ERRORS
    try:
        written = write_docs_folder(root, result, out)
    except OSError as exc:
        print(f"watwerkt render: kan niet schrijven in '{out}' ({exc.strerror}).",
              file=sys.stderr)
        return EXIT_USAGE
    others = count_nl(written.files - written.pages, "ander bestand", "andere bestanden")
    pages = count_nl(written.pages, "pagina", "pagina's")
    print(f"Pagina's geschreven: {pages} en {others} in {out}")
    return EXIT_OK
