"""Hand-written pages (the docs_dir's `.md` files, such as pages/over.md) are editors' text like
any intervention or dossier: a pull request can change them just the same.

Every page the publishing walk lets through (generator/content/hand_files.py: no links, regular
files inside the project) is read as a content file is read (generator/content/load.py
`load_page`: UTF-8, control characters, a YAML header that parses, at its line) and its body gets
the body check of the entries (generator/check/body.py): HTML outside the allow-list, unsafe
link schemes, unclosed tags and comments, the preview's differences, images without alt text,
all at the page's own line. What belongs to entries only is left out: there are no required
sections, and a page's '# Titel' is its title (MkDocs and Material take it from the first
heading), not a slip.
"""

from __future__ import annotations

from pathlib import Path

from generator.check.body import check_body
from generator.content.hand_files import walk_docs
from generator.content.load import load_page
from generator.content.settings import docs_dir_name, read_settings
from generator.core.file_policy import PAGE_SUFFIX
from generator.core.issues import Issue

# Body checks that are about entries, not about pages.
ENTRY_ONLY_CODES = frozenset({"body-h1"})


def check_hand_pages(root: Path) -> list[Issue]:
    """Every problem of every publishable hand-written page below the docs_dir."""
    docs_dir = docs_dir_name(read_settings(root))
    issues: list[Issue] = []
    for relative in walk_docs(root, docs_dir).published:
        if relative.lower().endswith(PAGE_SUFFIX):
            issues += page_issues(root / docs_dir / relative, f"{docs_dir}/{relative}")
    return issues


def page_issues(path: Path, relative: str) -> list[Issue]:
    """The problems of one page; `relative` names it from the project root."""
    page, issues = load_page(path, relative)
    if page.text:
        report = check_body(relative, page.kind, page.body, page.body_line)
        issues += [issue for issue in report.issues if issue.code not in ENTRY_ONLY_CODES]
    return issues
