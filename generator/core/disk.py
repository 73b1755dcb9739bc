"""Nothing outside the project is read: content, pages and media must be regular files in it.

A symbolic link in the repository is a file whose content lives elsewhere: on a CI runner, a
link to ~/.ssh/id_rsa or /proc/self/environ in pages/media/ would be published like an image.
So a path is refused when any part of it below the project root is a link, or when it is not a
regular file (a named pipe would block the reader), or when it resolves outside the root.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path


def link_in_path(root: Path, path: Path) -> str | None:
    """The first part of `path` below `root` that is a symbolic link or resolves outside the
    root, '/'-separated and relative to the root; None when the whole path is safe."""
    try:
        relative = path.relative_to(root)
    except ValueError:
        return path.as_posix()
    current = root
    for part in relative.parts:
        current = current / part
        try:
            if stat.S_ISLNK(os.lstat(current).st_mode):
                return current.relative_to(root).as_posix()
        except OSError:
            return None  # not there: the caller reports a missing file in its own words
    # No part is a link: only a '..' can still lead out (resolving costs a system call a part).
    if ".." in relative.parts and not _inside(root, path):
        return relative.as_posix()
    return None


def _inside(root: Path, path: Path) -> bool:
    try:
        path.resolve().relative_to(root.resolve())
    except (ValueError, OSError):
        return False
    return True


def is_regular(path: Path) -> bool:
    """A regular file, not followed through a link (a pipe, device or socket is not)."""
    try:
        return stat.S_ISREG(os.lstat(path).st_mode)
    except OSError:
        return False


def outside_message(relative: str, target: str) -> str:
    """The Dutch message for a link or a path that leaves the project."""
    what = "het" if target == relative else f"'{relative}'"
    return (f"'{target}' is een snelkoppeling (symbolische link) of wijst buiten de projectmap; "
            f"daarom wordt {what} niet gelezen en niet gepubliceerd. Zet het bestand zelf in de "
            "projectmap in plaats van een link ernaar.")
