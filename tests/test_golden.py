"""Golden files: the pages the renderer makes for the small fixture site in tests/fixtures/site.

When a change to the pages is intended, refresh the stored output on purpose with

    WATWERKT_UPDATE_GOLDEN=1 python -m pytest tests/test_golden.py

and review the diff of tests/golden/ before committing it.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from generator.pipeline import check_project
from generator.render import render_entries
from generator.render.common import DIRECTORY, FILE, Site
from generator.render.evidence import SRC as EVIDENCE_SRC
from generator.render.evidence import render_evidence_page
from generator.render.overviews import render_overviews

HERE = Path(__file__).parent
FIXTURE = HERE / "fixtures" / "site"
GOLDEN = HERE / "golden"
TODAY = dt.date(2026, 11, 22)
UPDATE = os.environ.get("WATWERKT_UPDATE_GOLDEN") == "1"


def rendered(style: str) -> dict[str, str]:
    result = check_project(FIXTURE, TODAY)
    assert not result.failed(strict=True), result.issues
    site = Site(url_style=style, repo_url="https://github.com/example/wat-werkt")
    pages = {**render_entries(result.catalog, site), **render_overviews(result.catalog, site)}
    pages[EVIDENCE_SRC] = render_evidence_page(result.catalog, site)
    return dict(sorted(pages.items()))


def golden_cases() -> list[tuple[str, str]]:
    cases = [(DIRECTORY, path) for path in rendered(DIRECTORY)]
    # The offline export renders with links ending in .html: keep a few of those as well.
    cases += [(FILE, path) for path in ("index.md", "interventies/buurtbemiddeling.md",
                                        "themas/wijkontwikkeling.md")]
    return cases


@pytest.mark.parametrize(("style", "path"), golden_cases())
def test_page_matches_golden(style: str, path: str) -> None:
    actual = rendered(style)[path]
    stored = GOLDEN / style / path
    if UPDATE:
        stored.parent.mkdir(parents=True, exist_ok=True)
        stored.write_text(actual, encoding="utf-8")
    assert stored.exists(), f"{stored} ontbreekt: WATWERKT_UPDATE_GOLDEN=1 maakt hem aan"
    assert actual == stored.read_text(encoding="utf-8"), (
        f"{path} ({style}) wijkt af van {stored}. Bedoeld? Ververs met "
        "WATWERKT_UPDATE_GOLDEN=1 python -m pytest tests/test_golden.py")


def test_no_stale_golden_files() -> None:
    """Every stored file still belongs to a page, so removed pages do not linger."""
    expected = {GOLDEN / style / path for style, path in golden_cases()}
    stored = {p for p in GOLDEN.rglob("*.md")}
    assert stored <= expected, sorted(str(p) for p in stored - expected)
