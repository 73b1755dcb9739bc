"""argparse in Dutch: its own words (usage, headings, help, errors) through its gettext hook.

Standard library only, because `scripts/start.py` imports it on the system Python before
anything is installed.
"""

from __future__ import annotations

import argparse
import sys

from generator.core.exit_codes import EXIT_USAGE

ARGPARSE_NL = {
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
    "invalid %(type)s value: %(value)r": "ongeldige waarde: %(value)r",
    "ambiguous option: %(option)s could match %(matches)s":
        "dubbelzinnige optie: %(option)s kan %(matches)s zijn",
}
argparse._ = lambda text: ARGPARSE_NL.get(text, text)


class DutchParser(argparse.ArgumentParser):
    """argparse with Dutch usage errors, exiting 2 like every usage error of this tool."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: fout in de opdracht: {message}\n")
