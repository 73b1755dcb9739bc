"""Renamed slugs: `aliases:` is checked against the slugs and aliases of its folder, and every
alias becomes a redirect page at the old address, in both URL styles. Following an old link
in Chromium: tests/browser/test_alias_redirects.py."""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

import pytest
from built_sites import build, make_site_project, temp_folder
from conftest import BUILD_DATE, DOSSIER, INTERVENTION, make_project, replace_once

from generator.pipeline import check_project

SITE_URL = "https://watwerkt.example.org/"
TITLE = "Buurtbemiddeling & co"


def with_aliases(text: str, aliases: str, after: str) -> str:
    return replace_once(text, after, f"{after}\naliases: {aliases}")


def entries() -> dict[str, str]:
    intervention = replace_once(INTERVENTION, "title: Buurtbemiddeling", f'title: "{TITLE}"')
    dossier = replace_once(DOSSIER, "interventions: [buurtbemiddeling]",
                           "interventions: [nieuwe-naam]")
    return {
        "interventions/nieuwe-naam.md": with_aliases(intervention, "[oude-naam, nog-ouder]",
                                                     "last_reviewed: 2026-06-01"),
        "dossiers/eenzaamheid.md": with_aliases(dossier, "[eenzaamheid-oud]",
                                                "published: 2024-06-01"),
    }


def issues_of(tmp_path: Path, files: dict[str, str]) -> list:
    root = make_project(tmp_path / "p", files)
    return check_project(root, BUILD_DATE).issues


def test_reserved_name_is_an_alias_clash(tmp_path) -> None:
    text = with_aliases(INTERVENTION, "[index]", "last_reviewed: 2026-06-01")
    issues = [i for i in issues_of(tmp_path, {"interventions/x.md": text})
              if i.severity.value == "error"]
    assert [(i.code, i.line, i.key) for i in issues] == [("alias-clash", 15, "aliases[0]")]
    assert "gereserveerd" in issues[0].message


def test_alias_that_is_no_slug_gets_the_field_error_only(tmp_path) -> None:
    text = with_aliases(INTERVENTION, "[12, Oude Naam]", "last_reviewed: 2026-06-01")
    errors = [i for i in issues_of(tmp_path, {"interventions/x.md": text})
              if i.severity.value == "error"]
    assert [(i.code, i.key) for i in errors] == [("invalid-reference", "aliases[0]"),
                                                ("invalid-reference", "aliases[1]")]
    assert "moet een bestandsnaam zijn" in errors[0].message


def test_empty_aliases_count_as_absent(tmp_path) -> None:
    text = with_aliases(INTERVENTION, "", "last_reviewed: 2026-06-01")
    assert not [i for i in issues_of(tmp_path, {"interventions/x.md": text})
                if i.severity.value in ("error", "warning")]


@cache
def renamed_sites() -> dict[str, Path]:
    """The entries above built once per run in both URL styles (the browser test uses them
    too)."""
    root = make_site_project(temp_folder("ww-aliases-") / "project", entries())
    return {"directory": build(root, root / "site"),
            "file": build(root, root / "export", use_directory_urls=False)}


@pytest.fixture(scope="module")
def sites() -> dict[str, Path]:
    return renamed_sites()


def redirect_of(page: Path) -> dict[str, str]:
    html = page.read_text(encoding="utf-8")
    return {"refresh": re.search(r'http-equiv="refresh" content="0; url=([^"]+)"', html)[1],
            "canonical": re.search(r'<link rel="canonical" href="([^"]+)"', html)[1],
            "link": re.search(r'<body>.*?<a href="([^"]+)">', html, re.S)[1],
            "html": html}


def test_redirect_pages_point_at_the_new_address(sites) -> None:
    site = sites["directory"]
    for alias in ("oude-naam", "nog-ouder"):
        page = redirect_of(site / f"interventies/{alias}/index.html")
        assert page["refresh"] == page["link"] == "../nieuwe-naam/"
        assert page["canonical"] == SITE_URL + "interventies/nieuwe-naam/"
        assert "Buurtbemiddeling &amp; co" in page["html"]
        assert '<meta name="robots" content="noindex">' in page["html"]
    dossier = redirect_of(site / "dossiers/eenzaamheid-oud/index.html")
    assert dossier["refresh"] == "../eenzaamheid/"
    export = redirect_of(sites["file"] / "interventies/oude-naam.html")
    assert export["refresh"] == export["link"] == "nieuwe-naam.html"
    assert not (sites["file"] / "interventies/oude-naam").exists()


def test_redirect_pages_stay_out_of_sitemap_and_search(sites) -> None:
    site = sites["directory"]
    assert "oude-naam" not in (site / "sitemap.xml").read_text(encoding="utf-8")
    for name in ("search_index.json", "search_index_full.json"):  # primary and full index
        index = json.loads((site / "search" / name).read_text(encoding="utf-8"))
        assert not [d for d in index["docs"] if "oude-naam" in d["location"]]
