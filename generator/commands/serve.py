"""`watwerkt serve`: a live preview that rebuilds when content or vocabularies change."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from generator.cli import EXIT_OK, EXIT_USAGE, add_common
from generator.mkdocs_run import pin_build_date, quiet_mkdocs


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_common(parser)
    parser.add_argument("--dev-addr", default="127.0.0.1:8000", metavar="ADRES:POORT",
                        help="waar de voorvertoning luistert (standaard 127.0.0.1:8000)")


def run(args: argparse.Namespace, root: Path, build_date: dt.date) -> int:
    from mkdocs.commands.serve import serve

    if not (root / "mkdocs.yml").is_file():
        print(f"watwerkt: in '{root}' staat geen mkdocs.yml.", file=sys.stderr)
        return EXIT_USAGE
    if args.today:
        pin_build_date(build_date)
    quiet_mkdocs()
    print(f"Voorvertoning op http://{args.dev_addr}/ (stoppen met Ctrl+C). De site wordt "
          "opnieuw gebouwd zodra je een interventie, dossier of vocabularies.yml opslaat.",
          flush=True)
    try:
        serve(config_file=str(root / "mkdocs.yml"), dev_addr=args.dev_addr, livereload=True)
    except KeyboardInterrupt:
        pass
    return EXIT_OK
