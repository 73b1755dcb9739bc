"""`watwerkt serve`: a live preview that rebuilds when content or vocabularies change."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from pathlib import Path

from generator.cli import EXIT_OK, EXIT_USAGE, add_common
from generator.renderers.mkdocs import runtime
from generator.renderers.mkdocs.run import pin_build_date, quiet_mkdocs, serve_preview

DEFAULT_ADDR = "127.0.0.1:8000"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_common(parser)
    parser.add_argument("--dev-addr", default=os.environ.get("WATWERKT_DEV_ADDR", DEFAULT_ADDR),
                        metavar="ADRES:POORT",
                        help=f"waar de voorvertoning luistert (standaard {DEFAULT_ADDR}, of "
                             "de omgevingsvariabele WATWERKT_DEV_ADDR)")


def run(args: argparse.Namespace, root: Path, build_date: dt.date) -> int:
    try:
        runtime.activate()
    except runtime.RuntimeMissing as exc:
        print(f"watwerkt: {exc}", file=sys.stderr)
        return EXIT_USAGE
    if not (root / "mkdocs.yml").is_file():
        print(f"watwerkt: in '{root}' staat geen mkdocs.yml.", file=sys.stderr)
        return EXIT_USAGE
    if args.today:
        pin_build_date(build_date)
    # Dutch log lines, with the rebuilds; MkDocs' warning that a dirty build may leave the
    # navigation stale is dropped: our pages are compared whole
    # (WatWerktPlugin._unchanged_pages), so it would only alarm editors.
    quiet_mkdocs(show_progress=True)
    print(f"Voorvertoning op http://{args.dev_addr}/ zodra de site gebouwd is (stoppen met "
          "Ctrl+C). De site wordt opnieuw gebouwd zodra je een interventie, dossier of "
          "vocabularies.yml opslaat.", flush=True)
    try:
        serve_preview(root / "mkdocs.yml", args.dev_addr)
    except KeyboardInterrupt:
        # Ctrl+C during the first build (MkDocs catches it itself once the server runs).
        pass
    print("Voorvertoning gestopt.", flush=True)
    return EXIT_OK
