"""Copy the docs_dir's publishable files into an output: the one way hand-written pages and media
reach the docs folder for Zensical and the offline export (MkDocs' own copy is filtered by the
plugin with the same list, generator/content/hand_files.py).

Each file is opened without following a link and its bytes are judged again as they are
copied, so what is written is exactly what passed the policy, even if the folder changed
between the walk and the copy.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from generator.content.hand_files import walk_docs
from generator.core.file_policy import PAGE_SUFFIX, judge


def read_no_follow(path: Path) -> bytes | None:
    """The bytes of a regular file, or None when it is a link or cannot be read."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        descriptor = os.open(path, flags)
    except OSError:
        return None
    with os.fdopen(descriptor, "rb") as handle:
        if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
            return None  # a pipe or device: O_NONBLOCK kept the open from waiting on it
        return handle.read()


def copy_hand_files(root: Path, docs_dir: str, target: Path) -> list[str]:
    """Write every publishable file of root/docs_dir below `target`; returns their paths."""
    source = root / docs_dir
    written = []
    for relative in walk_docs(root, docs_dir).published:
        data = read_no_follow(source / relative)
        if data is None:
            continue
        if not relative.lower().endswith(PAGE_SUFFIX) and not judge(relative, data).publishable:
            continue
        destination = target / relative
        destination.parent.mkdir(parents=True, exist_ok=True)
        destination.write_bytes(data)
        written.append(relative)
    return written
