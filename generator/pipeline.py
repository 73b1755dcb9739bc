"""The stages in order: load -> validate -> catalog; everything is gathered before anything
is written."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from generator.check.body_links import check_body_links
from generator.check.hand_pages import check_hand_pages
from generator.check.title_mentions import check_title_mentions
from generator.check.validate import validate_all
from generator.content.catalog import Catalog, build_catalog
from generator.content.hand_files import check_project_files
from generator.content.load import load_sources
from generator.content.vocab import load_vocabularies
from generator.core import work
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
    sources, load_issues = load_sources(root)
    issues += load_issues
    work.devices().check_ahead(sources)  # a speed device may check the bodies ahead
    validated = validate_all(sources, vocab, build_date)
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

