"""`watwerkt new intervention|dossier NAAM`: write a new content file with every key and section."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from generator.check.validate_fields import PLACEHOLDER
from generator.cli import EXIT_OK, EXIT_USAGE, add_common
from generator.content.load import SLUG_RE, suggest_slug
from generator.content.vocab import load_vocabularies
from generator.editors.scaffold import scaffold_path, scaffold_text

# Editors may say it in Dutch too.
KINDS = {"intervention": "intervention", "interventie": "intervention", "dossier": "dossier"}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("kind", metavar="soort", help="intervention (of interventie) of dossier")
    parser.add_argument("slug", metavar="naam", help="bestandsnaam zonder .md, zoals "
                        "buurtbemiddeling: kleine letters, cijfers en losse koppeltekens; wordt "
                        "het webadres")
    add_common(parser, today=False)
    parser.add_argument("--title", metavar="TITEL",
                        help="de titel, tussen aanhalingstekens (anders vult u hem "
                        "later in)")


def _usage(message: str) -> int:
    print(f"watwerkt new: {message}", file=sys.stderr)
    return EXIT_USAGE


def run(args: argparse.Namespace, root: Path, build_date: dt.date) -> int:
    kind = KINDS.get(args.kind.strip().lower())
    if kind is None:
        return _usage(f"onbekende soort '{args.kind}'. Kies intervention (of interventie) of "
                      "dossier, bijvoorbeeld: watwerkt new intervention buurtbemiddeling")
    if not SLUG_RE.match(args.slug):
        return _usage(f"'{args.slug}' is geen geldige naam: gebruik alleen kleine letters a-z, "
                      "cijfers en losse koppeltekens (de naam wordt het webadres). Bijvoorbeeld: "
                      f"{suggest_slug(args.slug.removesuffix('.md'))}")
    if args.title is not None and not args.title.strip():
        return _usage("--title is leeg. Geef een titel, of laat --title weg.")
    relative = scaffold_path(kind, args.slug)
    path = root / relative
    if path.exists():
        return _usage(f"{relative} bestaat al. Kies een andere naam, of wijzig het bestaande "
                      "bestand.")
    vocab, _ = load_vocabularies(root)  # only for the lists of ids in the comments
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "x", encoding="utf-8", newline="\n") as handle:
            handle.write(scaffold_text(kind, vocab, args.title))
    except FileExistsError:
        return _usage(f"{relative} bestaat al. Kies een andere naam.")
    except OSError as exc:
        return _usage(f"{relative} kan niet geschreven worden ({exc.strerror}).")
    print(f"Aangemaakt: {relative}\nVul elke waarde met '{PLACEHOLDER}', 'JJJJ' of 'JJJJ-MM-DD' "
          "in, schrijf de tekst onder elke kop en controleer het bestand met: watwerkt check")
    return EXIT_OK
