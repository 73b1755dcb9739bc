"""`watwerkt build` and `watwerkt serve`: the check, then MkDocs with the watwerkt plugin."""

from __future__ import annotations

import argparse
import calendar
import datetime as dt
import logging
import os
import sys
from pathlib import Path

from generator.pipeline import check_project
from generator.report import format_text

EXIT_OK, EXIT_ERRORS, EXIT_USAGE = 0, 1, 2


def pin_build_date(build_date: dt.date) -> None:
    """MkDocs dates the sitemap from SOURCE_DATE_EPOCH: pin it so builds are reproducible."""
    os.environ["SOURCE_DATE_EPOCH"] = str(calendar.timegm(build_date.timetuple()))


def load_mkdocs_config(root: Path, **overrides):
    from mkdocs.config import load_config

    config_file = root / "mkdocs.yml"
    if not config_file.is_file():
        raise FileNotFoundError(f"In '{root}' staat geen mkdocs.yml.")
    return load_config(config_file=str(config_file), **overrides)


def run_build(args: argparse.Namespace, root: Path, build_date: dt.date) -> int:
    from mkdocs.commands.build import build
    from mkdocs.exceptions import MkDocsException

    result = check_project(root, build_date)
    if result.issues:
        sys.stderr.write(format_text(result.issues, result.files_checked))
    if result.failed(args.strict):
        sys.stderr.write("De site is niet gebouwd: los eerst de fouten hierboven op.\n")
        return EXIT_ERRORS
    out = Path(args.out).resolve() if args.out else (root / "site").resolve()
    pin_build_date(build_date)
    _quiet_mkdocs()
    try:
        config = load_mkdocs_config(root, site_dir=str(out), strict=args.strict)
    except FileNotFoundError as exc:
        print(f"watwerkt: {exc}", file=sys.stderr)
        return EXIT_USAGE
    config.plugins["watwerkt"].preloaded = result
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    except (MkDocsException, SystemExit) as exc:
        print(f"watwerkt: de site is niet gebouwd: {exc}", file=sys.stderr)
        return EXIT_ERRORS
    finally:
        config.plugins.on_shutdown()
    pages = sum(1 for _ in out.rglob("*.html"))
    print(f"Site gebouwd: {pages} pagina's in {out}")
    return EXIT_OK


def run_serve(args: argparse.Namespace, root: Path, build_date: dt.date) -> int:
    from mkdocs.commands.serve import serve

    if not (root / "mkdocs.yml").is_file():
        print(f"watwerkt: in '{root}' staat geen mkdocs.yml.", file=sys.stderr)
        return EXIT_USAGE
    if args.today:
        pin_build_date(build_date)
    _quiet_mkdocs()
    print(f"Voorvertoning op http://{args.dev_addr}/ (stoppen met Ctrl+C). De site wordt "
          "opnieuw gebouwd zodra je een interventie, dossier of vocabularies.yml opslaat.")
    try:
        serve(config_file=str(root / "mkdocs.yml"), dev_addr=args.dev_addr, livereload=True)
    except KeyboardInterrupt:
        pass
    return EXIT_OK


def _quiet_mkdocs() -> None:
    """Show MkDocs' warnings and errors, not its progress chatter."""
    from mkdocs.__main__ import ColorFormatter

    handler = logging.StreamHandler()
    handler.setFormatter(ColorFormatter())
    logger = logging.getLogger("mkdocs")
    if not logger.handlers:
        logger.addHandler(handler)
    logger.setLevel(logging.WARNING)
