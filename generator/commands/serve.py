"""`watwerkt serve`: a live preview that rebuilds when content or vocabularies change."""

from __future__ import annotations

import argparse
import datetime as dt
import logging
import sys
from pathlib import Path

from generator import runtime
from generator.cli import EXIT_OK, EXIT_USAGE, add_common
from generator.mkdocs_run import pin_build_date, quiet_mkdocs


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_common(parser)
    parser.add_argument("--dev-addr", default="127.0.0.1:8000", metavar="ADRES:POORT",
                        help="waar de voorvertoning luistert (standaard 127.0.0.1:8000)")


def run(args: argparse.Namespace, root: Path, build_date: dt.date) -> int:
    try:
        runtime.activate()
    except runtime.RuntimeMissing as exc:
        print(f"watwerkt: {exc}", file=sys.stderr)
        return EXIT_USAGE
    from mkdocs.commands.serve import serve

    if not (root / "mkdocs.yml").is_file():
        print(f"watwerkt: in '{root}' staat geen mkdocs.yml.", file=sys.stderr)
        return EXIT_USAGE
    if args.today:
        pin_build_date(build_date)
    quiet_mkdocs()
    for name in runtime.LOGGERS:
        logging.getLogger(f"{name}.commands.build").addFilter(_without_dirty_warning)
    print(f"Voorvertoning op http://{args.dev_addr}/ (stoppen met Ctrl+C). De site wordt "
          "opnieuw gebouwd zodra je een interventie, dossier of vocabularies.yml opslaat.",
          flush=True)
    try:
        # Dirty: a rebuild skips the pages the watwerkt plugin marks unchanged.
        serve(config_file=str(root / "mkdocs.yml"), dev_addr=args.dev_addr, livereload=True,
              build_type="dirty")
    except KeyboardInterrupt:
        pass
    return EXIT_OK


def _without_dirty_warning(record: logging.LogRecord) -> bool:
    """MkDocs warns in English that a dirty build may leave navigation stale. Our pages are
    compared whole (WatWerktPlugin._unchanged_pages), so the warning would only alarm editors."""
    return "'dirty' build" not in record.getMessage()
