"""The stages in order: load -> validate -> catalog; everything is gathered before anything
is written."""

from __future__ import annotations

import datetime as dt
import functools
import os
from dataclasses import dataclass
from pathlib import Path

from generator.check import body
from generator.check.body_links import check_body_links
from generator.check.hand_pages import check_hand_pages
from generator.check.title_mentions import check_title_mentions
from generator.check.validate import Checked, body_is_checked, validate_all, validate_source
from generator.content.catalog import Catalog, build_catalog
from generator.content.hand_files import check_project_files
from generator.content.load import Source, load_sources_then
from generator.content.vocab import Vocabularies, load_vocabularies
from generator.core.issues import Issue, has_errors
from generator.render.plan import SitePlan


@dataclass
class CheckResult:
    issues: list[Issue]
    catalog: Catalog
    files_checked: int

    def failed(self, strict: bool = False) -> bool:
        return has_errors(self.issues, strict)


def check_project(root: Path, build_date: dt.date) -> CheckResult:
    """Load and validate every content file below `root`; never raises on bad content."""
    vocab, issues = load_vocabularies(root)
    # Each file is loaded and checked on its own, at once (half of them in a second process
    # when a speed device forks one); the rules across files come after.
    loaded, load_issues = load_sources_then(
        root, functools.partial(_check_source, vocab=vocab, build_date=build_date))
    issues += load_issues
    sources = [source for source, _ in loaded]
    # The body link check asks for the body reports again: those made in another process
    # are handed to this one's cache.
    here = os.getpid()
    body.keep_reports((_body_arguments(source), report) for source, (_, (pid, report)) in loaded
                      if pid != here and report is not None)
    validated = validate_all(sources, vocab, build_date, [done for _, (done, _) in loaded])
    issues += validated.issues
    catalog = build_catalog(validated.interventions, validated.dossiers, vocab, build_date)
    # Links in bodies lead to pages: they are resolved against every entry and page there is.
    issues += check_body_links(sources, catalog, root, SitePlan(catalog))
    issues += check_title_mentions(sources, catalog)
    # Pages and media are published as they are: only regular, inert files inside the project.
    issues += check_project_files(root)
    # Hand-written pages are editors' text too: the body check of the entries, at their lines.
    issues += check_hand_pages(root)
    # Files that could not be read are Sources too (without data): they count as checked.
    return CheckResult(issues, catalog, len(sources))


def _check_source(source: Source, vocab: Vocabularies, build_date: dt.date
                  ) -> tuple[Checked, tuple[int, body.CachedReport | None]]:
    """One file's own checks: validate_source's result, and its body's report with the
    process that made it."""
    checked = validate_source(source, vocab, build_date)
    report = body.report_to_keep(*_body_arguments(source)) if body_is_checked(source) else None
    return checked, (os.getpid(), report)


def _body_arguments(source: Source) -> tuple[str, str, str, int]:
    return source.path, source.kind, source.body, source.body_line
