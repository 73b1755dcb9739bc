"""'Laatst gewijzigd in de databank op …' from git: one `git log` for the whole build, none
without git."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from built_sites import build, make_site_project
from conftest import DOSSIER, INTERVENTION, replace_once

from generator.content.history import last_change, load_history, parse_log
from generator.render.common import Site

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

REPO_URL = "https://github.com/example/wat-werkt"
FIRST, SECOND = "2025-03-04T10:00:00+00:00", "2026-02-17T23:30:00+00:00"


def git(root: Path, *args: str, date: str | None = None) -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "Redactie", "GIT_AUTHOR_EMAIL": "r@example.org",
           "GIT_COMMITTER_NAME": "Redactie", "GIT_COMMITTER_EMAIL": "r@example.org"}
    if date:
        env |= {"GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date}
    done = subprocess.run(["git", "-c", "commit.gpgsign=false", "-C", str(root), *args],
                          env=env, capture_output=True, text=True, check=True)
    return done.stdout


def files() -> dict[str, str]:
    dossier = replace_once(DOSSIER, "interventions: [buurtbemiddeling]",
                           "interventions: [buurtbemiddeling, taalmaatjes]")
    other = replace_once(INTERVENTION, "title: Buurtbemiddeling", "title: Taalmaatjes")
    return {"interventions/buurtbemiddeling.md": INTERVENTION,
            "interventions/taalmaatjes.md": other, "dossiers/eenzaamheid.md": dossier}


@pytest.fixture(scope="module")
def repository(tmp_path_factory) -> Path:
    """A site project in git with two commits: the second changes one intervention."""
    root = make_site_project(tmp_path_factory.mktemp("history") / "project", files())
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "Eerste versie", date=FIRST)
    page = root / "interventions/buurtbemiddeling.md"
    page.write_text(page.read_text("utf-8").replace("escaleert", "uit de hand loopt"), "utf-8")
    git(root, "commit", "-q", "-am", "Doel verduidelijkt", date=SECOND)
    return root


def test_parse_log_takes_the_newest_commit_per_file() -> None:
    output = ("\0commit aaa 2026-02-17\0\ninterventions/a.md\0\0commit bbb 2025-03-04\0\n"
              "interventions/a.md\0dossiers/b.md\0")
    assert parse_log(output) == {"interventions/a.md": dt.date(2026, 2, 17),
                                 "dossiers/b.md": dt.date(2025, 3, 4)}
    # In a shallow clone the boundary commit lists every file as new: no date from it.
    assert parse_log(output, frozenset({"bbb"})) == {"interventions/a.md": dt.date(2026, 2, 17)}
    assert parse_log("") == {} and parse_log("garbage\0\0") == {}


def test_history_of_a_git_checkout(repository) -> None:
    assert load_history(repository) == {
        "interventions/buurtbemiddeling.md": dt.date(2026, 2, 17),
        "interventions/taalmaatjes.md": dt.date(2025, 3, 4),
        "dossiers/eenzaamheid.md": dt.date(2025, 3, 4)}


def test_shallow_clone_dates_only_what_it_can_know(repository, tmp_path) -> None:
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", "--depth", "1", repository.as_uri(), str(clone)],
                   check=True, capture_output=True)
    assert load_history(clone) == {}  # one commit: git cannot tell when files last changed


def test_without_git_there_is_no_history(tmp_path, monkeypatch) -> None:
    assert load_history(tmp_path) == {}  # not a checkout
    monkeypatch.setenv("PATH", str(tmp_path))  # git cannot be found at all
    assert load_history(Path.cwd()) == {}


def test_last_change_links_to_the_history_of_the_file() -> None:
    site = Site(repo_url=REPO_URL + "/", edit_uri="edit/develop/",
                history={"interventions/x.md": dt.date(2026, 2, 17)})
    assert last_change(site, "interventions/x.md") == {
        "date": dt.date(2026, 2, 17),
        "url": f"{REPO_URL}/commits/develop/interventions/x.md"}
    assert last_change(site, "interventions/y.md") is None
    without_repo = Site(history={"interventions/x.md": dt.date(2026, 2, 17)})
    assert last_change(without_repo, "interventions/x.md")["url"] is None


def test_build_makes_one_git_call_and_shows_the_dates(repository, tmp_path,
                                                       monkeypatch) -> None:
    calls = []
    real_run = subprocess.run

    def counting_run(command, *args, **kwargs):
        if command and Path(str(command[0])).name == "git":
            calls.append(command)
        return real_run(command, *args, **kwargs)

    monkeypatch.setattr(subprocess, "run", counting_run)
    site = build(repository, tmp_path / "site")
    assert len(calls) == 1, calls
    changed = (site / "interventies/buurtbemiddeling/index.html").read_text("utf-8")
    assert "Laatst gewijzigd in de databank op 17 februari 2026" in changed
    assert f'href="{REPO_URL}/commits/main/interventions/buurtbemiddeling.md"' in changed
    unchanged = (site / "dossiers/eenzaamheid/index.html").read_text("utf-8")
    assert "Laatst gewijzigd in de databank op 4 maart 2025" in unchanged


def test_build_without_git_shows_nothing(repository, tmp_path) -> None:
    copy = tmp_path / "project"
    shutil.copytree(repository, copy, ignore=shutil.ignore_patterns(".git", "site"))
    site = build(copy, tmp_path / "site")
    page = (site / "interventies/buurtbemiddeling/index.html").read_text("utf-8")
    assert "Laatst gewijzigd" not in page and "ww-history" not in page
