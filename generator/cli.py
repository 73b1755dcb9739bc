"""The `watwerkt` command. Exit codes, the same for every command: 0 fine, 1 content errors,
2 usage error.

Each command lives in its own module with `add_arguments(parser)` and
`run(args, root, build_date) -> int`; COMMANDS lists them in the order `--help` shows them.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from pathlib import Path

from generator import speed
from generator.core.dates import BuildDateError, resolve_build_date

# The commands/ import the exit codes from here, beside add_common.
from generator.core.exit_codes import EXIT_ERRORS, EXIT_OK, EXIT_USAGE  # noqa: F401

# name: (module, Dutch help)
COMMANDS: dict[str, tuple[str, str]] = {
    "check": ("generator.commands.check", "controleer alle inhoud"),
    "build": ("generator.commands.build", "controleer de inhoud en bouw de website"),
    "serve": ("generator.commands.serve", "bekijk de site terwijl je schrijft"),
    "new": ("generator.commands.new", "maak een nieuwe interventie of een nieuw dossier"),
    "schema": ("generator.commands.schema", "schrijf de JSON Schema's van de gegevens"),
    "export": ("generator.commands.export", "maak een exportbestand (offline: de site als zip)"),
    "render": ("generator.commands.render", "schrijf de pagina's als gewone docs-map voor een "
               "andere renderer (zoals Zensical)"),
}


# argparse's own words (usage, help, errors) through gettext: give them in Dutch.
_ARGPARSE_NL = {
    "usage: ": "gebruik: ",
    "positional arguments": "argumenten",
    "options": "opties",
    "show this help message and exit": "toon deze hulp en stop",
    "invalid choice: %(value)r (choose from %(choices)s)":
        "ongeldige keuze: %(value)r (kies uit %(choices)s)",
    "the following arguments are required: %s": "deze argumenten ontbreken: %s",
    "unrecognized arguments: %s": "onbekende argumenten: %s",
    "expected one argument": "verwacht één waarde",
    "argument %(argument_name)s: %(message)s": "argument %(argument_name)s: %(message)s",
}
argparse._ = lambda text: _ARGPARSE_NL.get(text, text)


class DutchParser(argparse.ArgumentParser):
    """argparse with Dutch usage errors, exiting 2 like every usage error of this tool."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: fout in de opdracht: {message}\n")


def add_common(parser: argparse.ArgumentParser, today: bool = True) -> None:
    """--root (every command) and --today (every command that depends on the date)."""
    parser.add_argument("--root", default=".", help="projectmap met interventions/, dossiers/ en "
                        "vocabularies.yml (standaard: de huidige map)")
    if today:
        parser.add_argument("--today", help="bouwdatum als JJJJ-MM-DD (anders SOURCE_DATE_EPOCH "
                            "of vandaag)")


def build_parser() -> tuple[argparse.ArgumentParser, dict]:
    parser = DutchParser(prog="watwerkt", description="Wat Werkt: controleer en publiceer "
                         "interventies en dossiers.")
    commands = parser.add_subparsers(dest="command", metavar="opdracht", parser_class=DutchParser)
    modules = {}
    for name, (module_name, help_text) in COMMANDS.items():
        module = importlib.import_module(module_name)
        module.add_arguments(commands.add_parser(name, help=help_text,
                                                 description=help_text))
        modules[name] = module
    return parser, modules


def main(argv: list[str] | None = None) -> int:
    # Material for MkDocs prints an English end-of-life banner when it thinks MkDocs' own command
    # runs (it looks at sys.argv[0]); this is its documented switch. Set before Material loads.
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    speed.install()  # forks and caches (generator/speed/); WATWERKT_SPEED=0 switches them off
    parser, modules = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return EXIT_USAGE
    root = Path(args.root)
    if not root.is_dir():
        print(f"watwerkt: de projectmap '{args.root}' bestaat niet.", file=sys.stderr)
        return EXIT_USAGE
    try:
        build_date = resolve_build_date(getattr(args, "today", None))
    except BuildDateError as exc:
        print(f"watwerkt: {exc}", file=sys.stderr)
        return EXIT_USAGE
    return modules[args.command].run(args, root, build_date)


if __name__ == "__main__":
    raise SystemExit(main())
