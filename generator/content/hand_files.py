"""The files of the docs_dir (hand-written pages, the CMS's media folder) that may be published.

One walk decides for every output: the check reports what it refuses (errors: the build
stops), and every writer (the MkDocs site, the docs folder for Zensical, the offline export)
copies only the files it returns, so a refused file reaches no output even where a build goes
on with errors (`serve` shows them on every page). Pages (`.md`) must be regular files inside
the project; every other file must also pass generator/core/file_policy.py. Hidden files and
folders (a leading dot) are skipped, as MkDocs skips them. The theme folder is walked for links
only: its scripts and styles are the developers', but a link there would publish a file from
outside the project just the same.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from generator.content.settings import docs_dir_name, read_settings
from generator.core.disk import is_regular, link_in_path, outside_message
from generator.core.file_policy import PAGE_SUFFIX, judge
from generator.core.issues import Issue, error


@dataclass
class HandFiles:
    published: list[str] = field(default_factory=list)  # relative to the docs_dir, '/'-separated
    issues: list[Issue] = field(default_factory=list)


def walk_docs(root: Path, docs_dir: str, policy: bool = True) -> HandFiles:
    """Every file below root/docs_dir that may be published, and why the others may not.
    With policy=False (the theme folder) only links and non-regular files are refused."""
    found = HandFiles()
    folder = root / docs_dir
    escape = link_in_path(root, folder)
    if escape is not None:
        found.issues.append(error(escape, None, None, None, "link-outside-project",
                                  outside_message(docs_dir, escape)))
        return found
    if not folder.is_dir():
        return found
    for current, dirs, files in os.walk(folder, followlinks=False):
        here = Path(current)
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(dirs):  # os.walk lists a linked folder here and does not enter it
            _refuse_link(root, here / name, found)
        dirs[:] = [d for d in dirs if not (here / d).is_symlink()]
        for name in sorted(f for f in files if not f.startswith(".")):
            path = here / name
            relative = path.relative_to(folder).as_posix()
            if _acceptable(root, path, policy, found):
                found.published.append(relative)
    return found


def _refuse_link(root: Path, path: Path, found: HandFiles) -> bool:
    if not path.is_symlink():
        return False
    relative = path.relative_to(root).as_posix()
    found.issues.append(error(relative, None, None, None, "link-outside-project",
                              outside_message(relative, relative)))
    return True


def _acceptable(root: Path, path: Path, policy: bool, found: HandFiles) -> bool:
    relative = path.relative_to(root).as_posix()
    if _refuse_link(root, path, found):
        return False
    if not is_regular(path):
        found.issues.append(error(relative, None, None, None, "not-a-file",
                                  f"'{relative}' is geen gewoon bestand (maar bijvoorbeeld een "
                                  "apparaat of pijp) en wordt niet gelezen of gepubliceerd."))
        return False
    if not policy or path.suffix.lower() == PAGE_SUFFIX:
        return True
    try:
        data = path.read_bytes()
    except OSError as exc:
        found.issues.append(error(relative, None, None, None, "unreadable-file",
                                  f"Het bestand kan niet gelezen worden ({exc.strerror})."))
        return False
    verdict = judge(relative, data)
    for refusal in verdict.refusals:
        if refusal.line is None:
            found.issues.append(error(relative, None, None, None, "file-not-allowed",
                                      refusal.message))
        else:  # inside an SVG, at its line
            found.issues.append(error(relative, refusal.line, None, None, "svg-not-inert",
                                      refusal.message))
    return verdict.publishable


def check_project_files(root: Path) -> list[Issue]:
    """Every refusal in the docs_dir and the theme folder (mkdocs.yml's docs_dir and theme
    custom_dir; without a docs_dir the folder this project uses, settings.DEFAULT_DOCS_DIR)."""
    settings = read_settings(root)
    theme = settings.get("theme") if isinstance(settings.get("theme"), dict) else {}
    issues = walk_docs(root, docs_dir_name(settings)).issues
    if theme.get("custom_dir"):
        issues += walk_docs(root, str(theme["custom_dir"]), policy=False).issues
    return issues
