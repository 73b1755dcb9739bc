"""Built sites for the open-data, feed, beheer, alias and history tests: the shipped content
built once per test run, and small site projects (mkdocs.yml, theme/ and pages/ of the
repository beside a few entries) in a temporary folder."""

from __future__ import annotations

import atexit
import shutil
import tempfile
from functools import cache
from pathlib import Path

from conftest import BUILD_DATE, REPO, make_project

SITE_FILES = ("mkdocs.yml", "theme", "pages")


def temp_folder(prefix: str) -> Path:
    """A folder that lives as long as the test run, for sites built once and shared."""
    folder = Path(tempfile.mkdtemp(prefix=prefix))
    atexit.register(shutil.rmtree, folder, True)
    return folder


@cache
def shipped_site() -> Path:
    """The repository's own content, built with MkDocs once per run."""
    return build(REPO, temp_folder("ww-shipped-") / "site")


def make_site_project(root: Path, files: dict[str, str]) -> Path:
    """A project that `watwerkt build` can build: the repository's site configuration, theme,
    pages and vocabularies, with the given content files."""
    make_project(root, files)
    for name in SITE_FILES:
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, root / name)
        else:
            shutil.copy(source, root / name)
    return root


def build(root: Path, out: Path, **overrides) -> Path:
    from generator.renderers.mkdocs.run import build_site

    outcome = build_site(root, out, BUILD_DATE, **overrides)
    assert outcome.ok, f"{outcome.failure}\n{outcome.report}"
    return out
