"""The `watwerkt` command. Exit codes: 0 fine, 1 content errors, 2 usage error."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from generator.dates import BuildDateError, resolve_build_date

EXIT_OK, EXIT_ERRORS, EXIT_USAGE = 0, 1, 2


class DutchParser(argparse.ArgumentParser):
    """argparse with Dutch usage errors, exiting 2 like every usage error of this tool."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: fout in de opdracht: {message}\n")


def _add_common(parser: argparse.ArgumentParser, today: bool = True) -> None:
    parser.add_argument("--root", default=".", help="projectmap met interventions/, dossiers/ en "
                        "vocabularies.yml (standaard: de huidige map)")
    if today:
        parser.add_argument("--today", help="bouwdatum als JJJJ-MM-DD (anders SOURCE_DATE_EPOCH "
                            "of vandaag)")


def build_parser() -> argparse.ArgumentParser:
    parser = DutchParser(prog="watwerkt", description="Wat Werkt: controleer en publiceer "
                         "interventies en dossiers.")
    commands = parser.add_subparsers(dest="command", metavar="opdracht", parser_class=DutchParser)
    check = commands.add_parser("check", help="controleer alle inhoud")
    _add_common(check)
    check.add_argument("--strict", action="store_true", help="waarschuwingen tellen als fouten")
    check.add_argument("--format", choices=("text", "json", "github"), default="text")
    check.add_argument("--summary", help="schrijf ook het hele rapport in Markdown naar dit "
                       "bestand (bijvoorbeeld $GITHUB_STEP_SUMMARY)")
    build = commands.add_parser("build", help="controleer de inhoud en bouw de website")
    _add_common(build)
    build.add_argument("--out", help="map voor de site (standaard: <root>/site)")
    build.add_argument("--strict", action="store_true", help="waarschuwingen tellen als fouten")
    serve = commands.add_parser("serve", help="bekijk de site terwijl je schrijft")
    _add_common(serve)
    serve.add_argument("--dev-addr", default="127.0.0.1:8000", metavar="ADRES:POORT",
                       help="waar de voorvertoning luistert (standaard 127.0.0.1:8000)")
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
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
    from generator import site as site_commands

    handler = {"check": run_check, "build": site_commands.run_build,
               "serve": site_commands.run_serve}[args.command]
    return handler(args, root, build_date)


def run_check(args: argparse.Namespace, root: Path, build_date) -> int:
    from generator.pipeline import check_project
    from generator.report import format_github, format_json, format_markdown, format_text

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


if __name__ == "__main__":
    raise SystemExit(main())
