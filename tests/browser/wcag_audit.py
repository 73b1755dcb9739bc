"""The site-wide accessibility audit: every page of a built site in Chromium at 320 and 390 px
and at 1280 px (also with 200 % zoom), with the probes of wcag_probes.py (the ones
test_wcag.py runs) and axe-core. axe takes seconds a page, so the test suite runs it on a few
pages (test_a11y.py) and this command on all. Writes the results file that the accessibility
statement reports:

    watwerkt build --today 2026-11-22
    python -m tests.browser.wcag_audit site a11y-audit.json

test_wcag.py checks that the committed file covers today's pages and checks.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, REPO, SiteServer
from tests.browser.wcag_keyboard import drawer_focus, search_focus, tree_names, walk
from tests.browser.wcag_probes import (
    CONTRAST,
    HEADER_CONTROLS,
    HEADINGS,
    PERMALINKS,
    REFLOW,
    SPLIT_WORDS,
    TEXT_SPACING,
    page_paths,
    skipped_levels,
    unnamed_controls,
)

AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
# The compare page draws its table from data: audit it with three interventions in it.
COMPARE = "vergelijk/?i=buurtbemiddeling&i=kwartiermaken&i=amaryllis-integrale-aanpak"
# Viewports: (name, CSS width, zoom, forced colours). 1280 px at 200 % zoom lays out like 640
# CSS pixels; forced colours is Windows' high-contrast mode as Chromium emulates it.
VIEWS = [("320", 320, 1, False), ("390", 390, 1, False), ("1280-zoom", 640, 2, False),
         ("1280", 1280, 1, False), ("390-fc", 390, 1, True), ("1280-fc", 1280, 1, True)]
# The search layer is one component, the same on every page: it is opened on a page of each
# kind (home, dossier, intervention, finder), with a query that finds pages with sections.
SEARCH_PAGES = ["", "dossiers/eenzaamheid/", "interventies/buurtbemiddeling/", "interventies/"]
SEARCH_QUERY = "eenzaamheid"
# What is checked where: check id -> (WCAG criterion, Dutch description, views).
CHECKS = {
    "reflow": ("1.4.10", "Niets schuift zijwaarts of valt weg op 320 px en bij 200 % zoom",
               ("320", "1280-zoom")),
    "split-words": ("1.4.10", "Geen woord zonder afbreekstreepje over twee regels",
                    ("320", "390")),
    "headings": ("1.3.1", "Koppen in volgorde, zonder overgeslagen niveau", ("390",)),
    "contrast": ("1.4.3", "Contrast van tekst minstens 4,5:1 (groot 3:1)", ("390", "1280")),
    "header-controls": ("4.1.2", "Menu- en zoekknop zijn knoppen met een naam", ("390",)),
    "permalinks": ("2.4.4", "Ankerlinks bij koppen hebben een Nederlandse naam", ("1280",)),
    "axe": ("diverse", "axe-core: geen ernstige of kritieke overtreding", ("390",)),
    "names": ("4.1.2", "Elke link en elke knop heeft een naam in de toegankelijkheidsboom, "
              "zonder zachte afbreekstreepjes", ("390", "1280")),
    # The keyboard checks load the page afresh: they scroll, open and close things.
    "keyboard": ("2.4.7", "Met Tab en Shift+Tab: elk element met de focus zichtbaar, in beeld, "
                 "niet bedekt, met een focusrand van minstens 3:1", ("390", "1280")),
    "forced-colours": ("1.4.11", "Focusrand zichtbaar (3:1) in geforceerde kleuren (hoog "
                       "contrast)", ("390-fc", "1280-fc")),
    "drawer": ("2.4.3", "Menu op de telefoon: met het toetsenbord geopend blijft de focus erin",
               ("390",)),
    "search-layer": ("2.1.1", "Zoeklaag: met het toetsenbord geopend blijft de focus erin, alles "
                     "is met Tab bereikbaar en elk resultaat heeft een naam",
                     ("390", "1280", "390-fc", "1280-fc")),
    # Last in its view: it changes the page's spacing.
    "text-spacing": ("1.4.12", "Met ruimere regel-, letter- en woordafstand valt niets weg",
                     ("320", "390")),
}
FRESH = {"keyboard", "forced-colours", "drawer", "search-layer"}  # need the page as loaded
# What the measurement does not cover or does not pass, with the date by which it is to be
# solved (None: no fix planned, and why). Plans of the site's team: change them here.
EXCEPTIONS = [
    {"text": "De redactieomgeving op /admin/ (Decap CMS, software van derden) is niet getoetst "
             "en is alleen voor redacteuren.", "fix_by": None,
     "reason": "Software van derden die alleen redacteuren gebruiken; wij vragen de makers om "
               "een toegankelijkheidsverklaring."},
    {"text": "De open-databestanden (CSV, JSON) en de feed zijn geen webpagina's en zijn niet "
             "getoetst.", "fix_by": None,
     "reason": "Gegevensbestanden voor hergebruik; dezelfde informatie staat op de pagina's."},
    {"text": "Afbreken van lange woorden volgt de Nederlandse afbreekregels; een samenstelling "
             "wordt soms op een lettergreep binnen een deel afgebroken (zoals "
             "‘mantelzor-gondersteuning’).", "fix_by": "2027-06-30",
     "reason": "Een lijst van samenstellingen met hun delen komt in de afbreekregels."},
    {"text": "Niet alle WCAG-criteria worden automatisch gemeten (zie de tabel); er is nog niet "
             "getest met een schermlezer of met spraakbesturing.", "fix_by": "2027-06-30",
     "reason": "Onderdeel van het geplande onafhankelijke onderzoek."},
]
TESTED_BY = "het ontwikkelteam van de website zelf (eigen meting, geen onafhankelijke partij)"
METHOD = ("Geautomatiseerd in Chromium: elke pagina geladen op 320 en 390 px breed, op 1280 px "
          "(ook met 200 % zoom) en in geforceerde kleuren; met Tab en Shift+Tab door elke "
          "pagina, met het toetsenbord het menu en de zoeklaag geopend, de namen gelezen uit de "
          "toegankelijkheidsboom van de browser, en axe-core. Het script is "
          "tests/browser/wcag_audit.py in de broncode.")
RUN_AXE = """async () => (await axe.run(document)).violations
    .filter(v => ['serious', 'critical'].includes(v.impact))
    .map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).slice(0, 3).join(', '))"""


def probe(page, check: str, wide: bool = True) -> list[str]:
    """The findings of one check on the page that is open."""
    if check == "names":
        return tree_names(page)
    if check == "keyboard":
        return walk(page) + walk(page, backward=True)
    if check == "forced-colours":
        return walk(page)
    if check == "drawer":
        return drawer_focus(page)
    if check == "search-layer":
        return search_focus(page, SEARCH_QUERY, wide)
    if check == "reflow":
        return page.evaluate(REFLOW)
    if check == "split-words":
        return page.evaluate(SPLIT_WORDS)
    if check == "headings":
        return skipped_levels(page.evaluate(HEADINGS))
    if check == "contrast":
        return page.evaluate(CONTRAST, None)
    if check == "header-controls":
        return unnamed_controls(page.evaluate(HEADER_CONTROLS))
    if check == "permalinks":
        return page.evaluate(PERMALINKS)
    if check == "text-spacing":
        page.evaluate(TEXT_SPACING)
        return page.evaluate(REFLOW)
    page.add_script_tag(path=str(AXE))
    return page.evaluate(RUN_AXE)


@dataclass
class Findings:
    pages: int = 0
    problems: dict[str, dict[str, list[str]]] = field(default_factory=dict)  # check -> page
    checked: dict[str, set[str]] = field(default_factory=dict)  # check -> pages it ran on

    def add(self, check: str, where: str, found: list[str]) -> None:
        self.checked.setdefault(check, set()).add(where.split(" ", 1)[1])
        if found:
            self.problems.setdefault(check, {})[where] = found

    def failed_pages(self, check: str) -> int:
        """Pages on which the check found something, in any view."""
        return len({where.split(" ", 1)[1] for where in self.problems.get(check, {})})


def audited_paths(site: Path) -> list[str]:
    """Every page but the editors' /admin/ (Decap CMS), and the compare page filled in."""
    return [p for p in page_paths(site) if not p.startswith("admin/")] + [COMPARE]


def audit_site(browser, site: Path, paths: list[str] | None = None,
               checks: tuple[str, ...] = tuple(CHECKS)) -> Findings:
    """Run the checks (all by default) on every page (or the given ones) of a built site."""
    server = SiteServer(site)
    findings = Findings()
    paths = paths or audited_paths(site)
    findings.pages = len(paths)
    try:
        for view, width, zoom, forced in VIEWS:
            here = [c for c in checks if view in CHECKS[c][2]]
            if not here:
                continue
            context = browser.new_context(viewport={"width": width, "height": 800},
                                          device_scale_factor=zoom)
            page = context.new_page()
            page.emulate_media(forced_colors="active" if forced else "none")
            for path in paths:
                page.goto(server.url + path, wait_until="load")
                changed = False  # by a check that scrolls, opens or restyles the page
                for check in here:
                    if check == "search-layer" and path not in SEARCH_PAGES:
                        continue
                    if changed:
                        page.goto(server.url + path, wait_until="load")
                    found = probe(page, check, wide=width >= 1000)
                    findings.add(check, f"{view} /{path}", found)
                    changed = check in FRESH or check == "text-spacing"
            context.close()
    finally:
        server.close()
    return findings


def results(findings: Findings, browser_version: str, today: dt.date) -> dict:
    """The content of a11y-audit.json."""
    return {
        "date": today.isoformat(), "pages": findings.pages,
        "widths": "320 en 390 px breed (telefoon) en 1280 px breed, ook met 200 % zoom",
        "browser": f"Chromium {browser_version.split('.')[0]}",
        "checks": [{"id": check, "criterion": criterion, "name": name,
                    "pages": len(findings.checked.get(check, ())),
                    "failures": findings.failed_pages(check)}
                   for check, (criterion, name, _) in CHECKS.items()],
        "exceptions": EXCEPTIONS, "tested_by": TESTED_BY, "method": METHOD,
    }


def main(site: str, out: str) -> int:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        findings = audit_site(browser, Path(site))
        data = results(findings, browser.version, dt.date.today())
        browser.close()
    Path(out).write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    for check, pages in findings.problems.items():
        for where, found in pages.items():
            print(f"{check} {where}: {found[:3]}")
    return 1 if findings.problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
