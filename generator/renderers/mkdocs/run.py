"""Running the renderer (MkDocs 1.x or ProperDocs, see generator/renderers/mkdocs/runtime.py) from
Python for
`watwerkt build` and the exports that build a site.

The protections that are not about rendering run here, around the renderer and not in its
plugin events: the check before it, and after it the link check over its output folder and the
atomic swap (generator/output/publish.py) that puts the new site in place only when the build, under
--strict without a single warning, succeeded.
"""

from __future__ import annotations

import calendar
import datetime as dt
import logging
import os
from dataclasses import dataclass
from pathlib import Path

from generator.check.report import format_text
from generator.core import work
from generator.output.linkcheck import check_links
from generator.output.publish import AtomicOutput, WarningCounter
from generator.pipeline import check_project
from generator.renderers.mkdocs import log as mkdocs_log
from generator.renderers.mkdocs import runtime


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

    from generator.core.exit_codes import EXIT_ERRORS, EXIT_USAGE

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
    (generator/renderers/mkdocs/log.py); `show_progress` for the preview, which says when it
    rebuilt."""
    mkdocs_log.install(show_progress)


def build_site(root: Path, out: Path, build_date: dt.date, strict: bool = False,
               **overrides) -> BuildOutcome:
    """Check, then build with MkDocs into `out` (atomically). `overrides` go to MkDocs' config,
    e.g. use_directory_urls=False for the offline export."""
    result = check_project(root, build_date)
    report = format_text(result.issues, result.files_checked) if result.issues else ""
    if result.failed(strict):
        return BuildOutcome(False, report, "los eerst de fouten hierboven op.")
    config_file = root / "mkdocs.yml"
    if not config_file.is_file():
        return BuildOutcome(False, report, usage_error=f"in '{root}' staat geen mkdocs.yml.")
    try:
        runtime.activate()
    except runtime.RuntimeMissing as exc:
        return BuildOutcome(False, report, usage_error=str(exc))
    pin_build_date(build_date)
    quiet_mkdocs()
    with AtomicOutput(out) as output, WarningCounter(runtime.LOGGERS) as warnings:
        failure, site_url, pages_dir = _render(config_file, output.temp, result, strict,
                                               overrides)
        if failure:
            return BuildOutcome(False, report, failure)
        work.devices().release_memory()  # before the link check's copy, if it forks one
        for broken in check_links(output.temp, site_url, root, pages_dir):
            _plugin_log().warning(broken.message())
        if strict and warnings.count:
            return BuildOutcome(False, report,
                                mkdocs_log.strict_failure(f"{warnings.count} warnings"))
        pages = sum(1 for _ in output.temp.rglob("*.html"))
        output.commit()
    return BuildOutcome(True, report, pages=pages)


def serve_preview(config_file: Path, dev_addr: str) -> None:
    """The renderer's live preview of `config_file` on `dev_addr`, until Ctrl+C. Dirty: a
    rebuild skips the pages the watwerkt plugin marks unchanged."""
    from mkdocs.commands.serve import serve

    serve(config_file=str(config_file), dev_addr=dev_addr, livereload=True, build_type="dirty")


def _render(config_file: Path, site_dir: Path, result, strict: bool,
            overrides: dict) -> tuple[str, str | None, str]:
    """Run the renderer into `site_dir`: (the failure, or '' when it built; site_url; the
    folder of hand-written pages, for the link check's source lines)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    config = load_config(config_file=str(config_file), site_dir=str(site_dir), strict=strict,
                         **overrides)
    # The renderer must not abort on its own count: the link check runs over its output
    # first, so a strict build reports every warning; WarningCounter, over the loggers of
    # both runtimes, decides afterwards. (Configuration warnings still abort in load_config.)
    config.strict = False
    plugin = config.plugins["watwerkt"]
    plugin.preloaded = result
    plugin.managed = True  # the swap and the link check are ours, after the build
    plugin.apply_speed_option()  # `speed: false` must hold before the build starts
    config.plugins.on_startup(command="build", dirty=False)
    try:
        with work.devices().around_renderer(config):
            build(config)
    except (MkDocsException, SystemExit) as exc:
        return mkdocs_log.translate(str(exc)) or "MkDocs brak de bouw af.", None, ""
    finally:
        config.plugins.on_shutdown()
    return "", config.site_url, plugin.config.pages_dir


def _plugin_log() -> logging.Logger:
    from generator.renderers.mkdocs.plugin import log

    return log
