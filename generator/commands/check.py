"""`watwerkt check`: validate all content and report every problem."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from generator.check.report import format_github, format_json, format_markdown, format_text
from generator.cli import EXIT_ERRORS, EXIT_OK, add_common
from generator.pipeline import check_project


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_common(parser)
    parser.add_argument("--strict", action="store_true", help="waarschuwingen tellen als fouten")
    parser.add_argument("--format", choices=("text", "json", "github"), default="text",
                        help="text (standaard), json, of github (annotaties in pull requests)")
    parser.add_argument("--summary", metavar="BESTAND",
                        help="schrijf ook het hele rapport in Markdown naar dit "
                        "bestand (bijvoorbeeld $GITHUB_STEP_SUMMARY)")


def run(args: argparse.Namespace, root: Path, build_date: dt.date) -> int:
    result = check_project(root, build_date)
    if args.format == "json":
        sys.stdout.write(format_json(result.issues))
    elif args.format == "github":
        sys.stdout.write(format_github(result.issues))
    else:
        sys.stdout.write(format_text(result.issues, result.files_checked))
    if args.summary:
        with open(args.summary, "a", encoding="utf-8") as handle:
            handle.write(format_markdown(result.issues, result.files_checked))
    return EXIT_ERRORS if result.failed(args.strict) else EXIT_OK
