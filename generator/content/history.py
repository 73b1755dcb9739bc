"""When each content file last changed, from git: ONE `git log` for the whole build.

Git dates are content (they change only with a commit), so builds stay reproducible. Without
git, outside a checkout, or when git fails, the mapping is empty and pages show nothing.
"""

from __future__ import annotations

import datetime as dt
import re
import subprocess
from pathlib import Path
from typing import Protocol

from generator.core.dates import parse_iso_date
from generator.core.paths import CONTENT_FOLDERS as CONTENT_FOLDER_OF_KIND

CONTENT_FOLDERS = tuple(CONTENT_FOLDER_OF_KIND.values())
GIT_TIMEOUT = 120  # seconds; a hanging git must not hang the build
_MARKER = "commit "  # content paths start with a folder name, never with this
_BRANCH_RE = re.compile(r"^(?:edit|blob|tree)/([^/]+)/")


def load_history(root: Path, folders: tuple[str, ...] = CONTENT_FOLDERS) -> dict[str, dt.date]:
    """Path relative to `root` ('interventions/x.md') -> date of the last commit touching it."""
    command = ["git", "-c", "log.showSignature=false", "-C", str(root), "log", "--relative",
               "-z", "--name-only", f"--format=%x00{_MARKER}%H %cs", "--", *folders]
    try:
        done = subprocess.run(command, capture_output=True, timeout=GIT_TIMEOUT, check=False)
    except (OSError, subprocess.SubprocessError):
        return {}
    if done.returncode != 0:
        return {}
    try:
        boundary = _shallow_commits(root)
    except OSError:
        return {}
    return parse_log(done.stdout.decode("utf-8", "replace"), boundary)


def parse_log(output: str, boundary: frozenset[str] = frozenset()) -> dict[str, dt.date]:
    """Read `git log -z --name-only` output, newest commit first: the first date a path gets
    is its last change. Files seen only in a shallow clone's boundary commit get no date,
    because git lists every file there as if it was added that day."""
    changes: dict[str, dt.date] = {}
    date: dt.date | None = None
    for token in output.split("\0"):
        token = token.lstrip("\n")
        if token.startswith(_MARKER):
            sha, _, day = token[len(_MARKER):].partition(" ")
            date = None if sha in boundary else parse_iso_date(day.strip())
        elif token and date is not None:
            changes.setdefault(token, date)
    return changes


def _shallow_commits(root: Path) -> frozenset[str]:
    """The boundary commits of a shallow clone (`<git dir>/shallow`); empty for a full one."""
    for folder in [root.resolve(), *root.resolve().parents]:
        dot_git = folder / ".git"
        if dot_git.is_dir():
            return _read_shallow(dot_git)
        if dot_git.is_file():  # a worktree or submodule: "gitdir: <path>"
            text = dot_git.read_text("utf-8", "replace").strip()
            git_dir = (folder / text.removeprefix("gitdir:").strip()).resolve()
            common = git_dir / "commondir"
            if common.is_file():
                git_dir = (git_dir / common.read_text("utf-8").strip()).resolve()
            return _read_shallow(git_dir)
    return frozenset()


def _read_shallow(git_dir: Path) -> frozenset[str]:
    shallow = git_dir / "shallow"
    return frozenset(shallow.read_text("ascii", "replace").split()) if shallow.is_file() \
        else frozenset()


class _HasHistory(Protocol):
    history: dict[str, dt.date]
    repo_url: str | None
    edit_uri: str | None


def last_change(site: _HasHistory, path: str) -> dict | None:
    """For an entry page: {'date': …, 'url': link to the file's history or None}; None when
    the date is unknown."""
    date = site.history.get(path)
    if date is None:
        return None
    url = None
    if site.repo_url:
        match = _BRANCH_RE.match(site.edit_uri or "")
        branch = match[1] if match else "main"
        url = f"{site.repo_url.rstrip('/')}/commits/{branch}/{path}"
    return {"date": date, "url": url}
