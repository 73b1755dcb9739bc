"""The stages in order: load -> validate -> catalog; everything is gathered before anything
is written."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from generator.check.body_links import check_body_links
from generator.check.validate import validate_all
from generator.content.catalog import Catalog, build_catalog
from generator.content.hand_files import check_project_files
from generator.content.load import load_sources
from generator.content.vocab import load_vocabularies
from generator.core.issues import Issue, has_errors
from generator.render.admin import mkdocs_settings
from generator.speed.body_pool import check_bodies_in_parallel


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
    check_bodies_in_parallel(sources)  # the validator and the body link check reuse them
    validated = validate_all(sources, vocab, build_date)
    issues += validated.issues
    catalog = build_catalog(validated.interventions, validated.dossiers, vocab, build_date)
    # Links in bodies lead to pages: they are resolved against every entry and page there is.
    issues += check_body_links(sources, catalog, root)
    # Pages and media are published as they are: only regular, inert files inside the project.
    issues += check_project_files(root, *docs_and_theme(root))
    # Files that could not be read are Sources too (without data): they count as checked.
    return CheckResult(issues, catalog, len(sources))


def docs_and_theme(root: Path) -> tuple[str, str | None]:
    """mkdocs.yml's docs_dir and theme custom_dir (the folders published beside the content)."""
    settings = mkdocs_settings(root)
    theme = settings.get("theme") if isinstance(settings.get("theme"), dict) else {}
    custom = theme.get("custom_dir")
    # Without mkdocs.yml: the folders this project uses (as check/body_links.SiteMap does).
    return str(settings.get("docs_dir") or "pages"), str(custom) if custom else None
