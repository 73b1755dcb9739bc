"""Running MkDocs from Python for `watwerkt build` (and the exports that build a site)."""

from __future__ import annotations

import calendar
import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path

from generator import mkdocs_log
from generator.pipeline import check_project
from generator.report import format_text


@dataclass
class BuildOutcome:
    ok: bool
    report: str = ""  # the check's text report, when it found anything
    failure: str = ""
    usage_error: str = ""
    pages: int = 0


def report_failure(outcome: BuildOutcome, what_failed: str) -> int | None:
    """Print the check's report and any failure; the exit code when it failed, else None.
    `what_failed` is the Dutch subject: 'De site is niet gebouwd'."""
    import sys

    from generator.cli import EXIT_ERRORS, EXIT_USAGE

    if outcome.report:
        sys.stderr.write(outcome.report)
    if outcome.usage_error:
        print(f"watwerkt: {outcome.usage_error}", file=sys.stderr)
        return EXIT_USAGE
    if not outcome.ok:
        sys.stderr.write(f"{what_failed}: {outcome.failure}\n")
        return EXIT_ERRORS
    return None


def pin_build_date(build_date: dt.date) -> None:
    """MkDocs dates the sitemap from SOURCE_DATE_EPOCH: pin it so builds are reproducible."""
    os.environ["SOURCE_DATE_EPOCH"] = str(calendar.timegm(build_date.timetuple()))


def quiet_mkdocs(show_progress: bool = False) -> None:
    """Show MkDocs' warnings and errors in Dutch, not its progress chatter
    (generator/mkdocs_log.py); `show_progress` for the preview, which says when it rebuilt."""
    mkdocs_log.install(show_progress)


def build_site(root: Path, out: Path, build_date: dt.date, strict: bool = False,
               **overrides) -> BuildOutcome:
    """Check, then build with MkDocs into `out` (atomically). `overrides` go to MkDocs' config,
    e.g. use_directory_urls=False for the offline export."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    result = check_project(root, build_date)
    report = format_text(result.issues, result.files_checked) if result.issues else ""
    if result.failed(strict):
        return BuildOutcome(False, report, "los eerst de fouten hierboven op.")
    config_file = root / "mkdocs.yml"
    if not config_file.is_file():
        return BuildOutcome(False, report, usage_error=f"in '{root}' staat geen mkdocs.yml.")
    pin_build_date(build_date)
    quiet_mkdocs()
    config = load_config(config_file=str(config_file), site_dir=str(out), strict=strict,
                         **overrides)
    config.plugins["watwerkt"].preloaded = result
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    except (MkDocsException, SystemExit) as exc:
        return BuildOutcome(False, report,
                            mkdocs_log.translate(str(exc)) or "MkDocs brak de bouw af.")
    finally:
        config.plugins.on_shutdown()
    return BuildOutcome(True, report, pages=sum(1 for _ in out.rglob("*.html")))
