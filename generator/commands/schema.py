"""`watwerkt schema`: write intervention.schema.json and dossier.schema.json (JSON Schema)."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from generator.check.report import format_text
from generator.cli import EXIT_ERRORS, EXIT_OK, EXIT_USAGE, add_common
from generator.content.settings import read_settings
from generator.content.vocab import load_vocabularies
from generator.core.issues import has_errors
from generator.editors.jsonschema import schema_files


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_common(parser, today=False)
    parser.add_argument("--out", default=".", help="map voor de twee bestanden (standaard: de "
                        "huidige map)")


def run(args: argparse.Namespace, root: Path, build_date: dt.date) -> int:
    vocab, issues = load_vocabularies(root)
    if has_errors(issues):
        # A schema without the broken vocabulary entries would reject correct files.
        sys.stderr.write(format_text(issues, 1))
        print("De schema's zijn niet geschreven: verbeter eerst vocabularies.yml.",
              file=sys.stderr)
        return EXIT_ERRORS
    out = Path(args.out)
    try:
        out.mkdir(parents=True, exist_ok=True)
        site_url = read_settings(root).get("site_url")
        for name, text in schema_files(vocab, site_url).items():
            (out / name).write_text(text, encoding="utf-8")
            print(f"Geschreven: {out / name}")
    except OSError as exc:
        print(f"watwerkt schema: kan niet schrijven in '{out}' ({exc.strerror}).",
              file=sys.stderr)
        return EXIT_USAGE
    return EXIT_OK
