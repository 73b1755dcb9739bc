"""/beheer/: the editors' overview of what needs attention, with counts as an inline SVG."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET

import pytest
import yaml
from conftest import BUILD_DATE, DOSSIER, INTERVENTION, REPO, make_project, replace_once

from generator.pipeline import check_project
from generator.render.beheer import render_beheer
from generator.render.common import Site

SVG = "{http://www.w3.org/2000/svg}"


def intervention(title: str, recognition: str = "", last_reviewed: str = "2026-06-01",
                 status: str = "") -> str:
    text = replace_once(INTERVENTION, "title: Buurtbemiddeling", f"title: {title}")
    extra = f"recognition:\n{recognition}" if recognition else ""
    extra += f"status: {status}\n" if status else ""
    return replace_once(text, "last_reviewed: 2026-06-01\n",
                        f"last_reviewed: {last_reviewed}\n{extra}")


def recognised(assessed_on: str) -> str:
    return f"  level: goed-onderbouwd\n  assessed_on: {assessed_on}\n"


# Build date 2026-11-22. Goed onderbouwd is valid for five years.
ENTRIES = {
    "verlopen": intervention("Verlopen", recognised("2021-01-10")),  # until 2026-01-10
    "bijna-verlopen": intervention("Bijna verlopen", recognised("2022-04-30")),  # 5 months
    "ruim-geldig": intervention("Ruim geldig", recognised("2022-06-01")),  # 6 months
    "ingetrokken": intervention("Ingetrokken", recognised("2021-01-10"), "2025-01-01",
                                "ingetrokken"),
    "te-laat": intervention("Te laat", last_reviewed="2025-11-21"),  # 12 months and a day
    "net-op-tijd": intervention("Net op tijd", last_reviewed="2025-11-22"),
}
NAMED = ["verlopen", "bijna-verlopen", "ruim-geldig", "te-laat"]


@pytest.fixture(scope="module")
def page(tmp_path_factory) -> str:
    files = {f"interventions/{slug}.md": text for slug, text in ENTRIES.items()}
    files["dossiers/eenzaamheid.md"] = replace_once(
        DOSSIER, "interventions: [buurtbemiddeling]", f"interventions: [{', '.join(NAMED)}]")
    root = make_project(tmp_path_factory.mktemp("beheer") / "project", files)
    result = check_project(root, BUILD_DATE)
    assert not result.failed(), result.issues
    return render_beheer(result.catalog, Site())["beheer/index.md"]


def section(page: str, anchor: str) -> str:
    """The HTML from the heading with this id up to the next h2."""
    start = page.index(f'<h2 id="{anchor}">')
    end = page.find("<h2 ", start + 1)
    return page[start:end if end > 0 else None]


def listed(html: str) -> list[str]:
    return re.findall(r'data-intervention="([^"]+)"', html)


def test_recognitions_expired_or_expiring_within_six_months(page) -> None:
    part = section(page, "erkenningen")
    assert listed(part) == ["verlopen", "bijna-verlopen"]  # by date; withdrawn ones are final
    assert "verlopen sinds 10 januari 2026" in part
    assert "verloopt over 5 maanden" in part


def test_reviews_more_than_twelve_months_old(page) -> None:
    part = section(page, "controle")
    assert listed(part) == ["te-laat"]
    assert "21 november 2025" in part


def test_interventions_that_no_dossier_names(page) -> None:
    assert listed(section(page, "zonder-dossier")) == ["net-op-tijd"]


def test_counts_as_an_accessible_svg_chart_with_a_table(page) -> None:
    part = section(page, "cijfers")
    charts = re.findall(r"<svg.*?</svg>", part, re.S)
    assert len(charts) == 2
    svg = ET.fromstring(charts[1])  # per recognition level
    assert svg.get("role") == "img"
    labelled = svg.get("aria-labelledby").split()
    assert [svg.find(f"{SVG}title").get("id"), svg.find(f"{SVG}desc").get("id")] == labelled
    labels = [t.text for t in svg.findall(f"{SVG}text")]
    # Five active interventions: 1 expired, 2 valid goed onderbouwd, 2 not assessed.
    assert "Goed onderbouwd: 2" in labels and "Erkenning verlopen: 1" in labels
    assert "Niet beoordeeld: 2" in labels and "Goed beschreven: 0" in labels
    bars = svg.findall(f"{SVG}rect")
    assert len(bars) == 3  # one per non-zero count
    assert max(float(bar.get("width").rstrip("%")) for bar in bars) == 96
    assert "Goed onderbouwd: 2" in svg.findtext(f"{SVG}desc")
    table = re.findall(r"<table>.*?</table>", part, re.S)[1]
    rows = dict(re.findall(r'<th scope="row">([^<]+)</th><td>(\d+)</td>', table))
    assert rows["Goed onderbouwd"] == "2" and rows["Niet beoordeeld"] == "2"


def test_shipped_overview_lists_the_expired_recognition(site) -> None:
    html = (site / "beheer/index.html").read_text(encoding="utf-8")
    part = html[html.index('id="erkenningen"'):html.index('id="controle"')]
    assert "amaryllis-integrale-aanpak" in listed(part)
    assert "verlopen sinds 5 oktober 2024" in part
    assert '<meta name="robots" content="noindex, nofollow">' in html


def test_overview_is_not_in_navigation_or_search(site) -> None:
    for name in ("search_index.json", "search_index_full.json"):  # primary and full index
        index = json.loads((site / "search" / name).read_text(encoding="utf-8"))
        assert not [d for d in index["docs"] if d["location"].startswith("beheer/")]
    nav = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))["nav"]
    assert "beheer" not in json.dumps(nav)
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "beheer/" not in home
