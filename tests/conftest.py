"""Shared helpers: the pinned build date and small fixture projects in a temporary folder."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import socket
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest

from generator import speed

# In-process builds run as `watwerkt` runs them: with the speed devices (generator/speed/).
# tests/test_work.py checks, in a fresh interpreter, that nothing else installs them.
speed.install()

REPO = Path(__file__).resolve().parent.parent
TESTS = REPO / "tests"
BUILD_DATE = dt.date(2026, 11, 22)  # every test pins the build date; never the real today
TODAY = BUILD_DATE.isoformat()


def pytest_collection_modifyitems(config, items):
    """Tests marked single_thread first: the code under test forks only while this is the
    process's one thread (generator/speed/two_cores.py), and the browser tests' session-wide web
    server is a thread that lives until the session ends."""
    items.sort(key=lambda item: item.get_closest_marker("single_thread") is None)


def make_project(root: Path, files: dict[str, str | bytes] | None = None,
                 vocabularies: bool = True) -> Path:
    """A project folder with the repository's vocabularies.yml and the given files."""
    (root / "interventions").mkdir(parents=True, exist_ok=True)
    (root / "dossiers").mkdir(exist_ok=True)
    if vocabularies:
        shutil.copy(REPO / "vocabularies.yml", root / "vocabularies.yml")
    for relative, content in (files or {}).items():
        target = root / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return root


def run_cli(*args: str, env: dict[str, str] | None = None,
            cwd: Path | None = None) -> subprocess.CompletedProcess:
    """`python -m generator …` in a fresh interpreter, as an editor or CI runs it."""
    environment = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    environment["PYTHONPATH"] = str(REPO) + os.pathsep + environment.get("PYTHONPATH", "")
    environment.update(env or {})
    return subprocess.run([sys.executable, "-m", "generator", *args], capture_output=True,
                          text=True, encoding="utf-8", env=environment, cwd=cwd or REPO,
                          timeout=120)


@pytest.fixture
def project(tmp_path: Path):
    """Call with a dict of files to get a fixture project root."""
    def build(files: dict[str, str | bytes] | None = None, vocabularies: bool = True) -> Path:
        return make_project(tmp_path / "project", files, vocabularies)
    return build


# A complete, valid intervention and dossier: the base every hand-written case mutates.
INTERVENTION = """---
title: Buurtbemiddeling
summary: Getrainde vrijwilligers helpen buren met een conflict om zelf een oplossing te vinden.
themes: [wijkontwikkeling]
target_groups: [buurtbewoners]
owner:
  organisation: Stichting Voorbeeld
  website: https://www.example.org
  email: info@example.org
criteria:
  handbook: true
  in_practice_since: 2012
  organisations: 14
last_reviewed: 2026-06-01
---
## Doel

Buren lossen een conflict samen op, voordat het escaleert.

## Doelgroep

Buren met een conflict over geluid, erfgrenzen of huisdieren.

## Aanpak

Twee getrainde bemiddelaars voeren eerst apart en dan samen een gesprek.

## Onderbouwing

Wie zelf afspraken maakt, houdt zich er vaker aan.

## Effectiviteit

Er zijn eerste aanwijzingen dat conflicten minder vaak escaleren.

## Ervaringen in de praktijk

Bewoners en woningcorporaties zijn tevreden over de aanpak.
"""

DOSSIER = """---
title: Wat werkt bij eenzaamheid
summary: Wat gemeenten en organisaties kunnen doen tegen eenzaamheid bij ouderen en jongeren.
themes: [eenzaamheid]
published: 2024-06-01
authors: [Naam Achternaam]
interventions: [buurtbemiddeling]
---
## Samenvatting

Eenzaamheid is geen ziekte, maar wel een risico voor de gezondheid.

## Feiten en cijfers

Ongeveer een op de tien volwassenen voelt zich sterk eenzaam.

## Wat werkt

Aanpakken die aansluiten bij wat mensen zelf willen, werken het best.

## Ervaringskennis

Mensen noemen vooral de drempel om hulp te vragen.

## Literatuur

Zie de bronnen hieronder.
"""


def replace_once(text: str, old: str, new: str) -> str:
    """str.replace that fails loudly when the text to change is not there exactly once."""
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times"
    return text.replace(old, new)


def line_of(text: str, needle: str) -> int:
    """The 1-based line of the first occurrence of `needle`: expected lines come from the input,
    never from the validator's output."""
    assert needle in text, needle
    return text[:text.index(needle)].count("\n") + 1


@pytest.fixture(scope="session")
def catalog():
    """The catalog of the shipped content at the pinned build date, computed once."""
    from generator.pipeline import check_project

    return check_project(REPO, BUILD_DATE).catalog


@pytest.fixture(scope="session")
def site() -> Path:
    """The shipped content built once per run (shared with tests that call shipped_site())."""
    from built_sites import shipped_site

    return shipped_site()


@pytest.fixture(scope="session")
def shipped_copies(tmp_path_factory) -> Path:
    """A small benchmark project (bench/corpus_shipped.py): 30 copies of the shipped
    interventions, so many entry pages share a folder, and the shipped dossiers."""
    root = tmp_path_factory.mktemp("copies") / "project"
    subprocess.run([sys.executable, str(REPO / "bench" / "corpus_shipped.py"), str(root),
                    "--n", "30"], check=True, capture_output=True)
    return root


def files_below(folder: Path) -> dict[str, bytes]:
    """Every file below `folder` by its '/'-separated relative path, in path order."""
    return {path.relative_to(folder).as_posix(): path.read_bytes()
            for path in sorted(folder.rglob("*")) if path.is_file()}


def require_npm_file(path: Path) -> None:
    """For a test that needs a file from an npm package (node_modules/…): skip, saying why,
    when Node.js is not installed (a user without it can still run the suite); fail when
    Node.js is there but `npm ci` was not run, as in CI, where scripts/test.sh runs it."""
    if path.exists():
        return
    if shutil.which("node") is None:
        pytest.skip(f"Node.js is not installed, so {path.relative_to(REPO)} is not either "
                    "(scripts/test.sh runs npm ci when Node.js is there)")
    pytest.fail(f"{path.relative_to(REPO)} is missing: run npm ci (scripts/test.sh does)")


def free_port() -> int:
    """A port on 127.0.0.1 that nothing listens on, for a preview server under test."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> str:
    """The page's text, or "" when there is none (not yet served, or an error status)."""
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def site_project(root: Path) -> Path:
    """The small fixture content (tests/fixtures/site) with the repository's mkdocs.yml,
    theme and pages: a whole site that builds in seconds."""
    shutil.copytree(TESTS / "fixtures" / "site", root)
    for name in ("mkdocs.yml", "theme", "pages"):
        source = REPO / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, root / name)
    return root
