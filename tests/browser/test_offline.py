"""The offline export in Chromium, opened from file:// as a reader would after unzipping it,
with every request that is not file:// blocked and counted (issue 5)."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest

from tests.browser.conftest import (
    REPO,
    TODAY,
    body_only_word,
    new_page,
    search_titles,
    search_until_found,
)

pytestmark = pytest.mark.browser

FOLDER = f"watwerkt-offline-{TODAY}"


@pytest.fixture(scope="module")
def offline_site(tmp_path_factory) -> Path:
    """The shipped content exported and unzipped once; the folder a reader opens."""
    from generator.cli import main

    out = tmp_path_factory.mktemp("offline")
    target = out / f"{FOLDER}.zip"
    assert main(["export", "offline", "--root", str(REPO), "--out", str(target),
                 "--today", TODAY]) == 0
    with zipfile.ZipFile(target) as archive:
        archive.extractall(out / "unzipped")
    return out / "unzipped" / FOLDER


@pytest.fixture
def offline_page(browser):
    """A desktop page that may load file:// only; the test fails if anything else was asked."""
    page, guard = new_page(browser, ("file://",))
    yield page
    page.context.close()
    assert guard.blocked == [], f"requests left the machine: {guard.blocked}"


def url_of(site: Path, path: str) -> str:
    return (site / path).as_uri()


def test_pages_open_with_their_styles_and_the_offline_banner(offline_page, offline_site):
    offline_page.goto(url_of(offline_site, "index.html"))
    banner = offline_page.locator(".md-banner .ww-offline")
    assert "Offline versie van 22 november 2026" in banner.inner_text()
    assert banner.locator("a").get_attribute("href") == "https://watwerkt.example.org/"
    # the stylesheets were found: Material's (a sticky header), watwerkt.css (its custom
    # properties) and print.css (the banner's link)
    assert offline_page.locator(".md-header").evaluate(
        "e => getComputedStyle(e).position") == "sticky"
    assert offline_page.evaluate(
        "getComputedStyle(document.documentElement).getPropertyValue('--ww-border')").strip()
    assert banner.locator("a").evaluate(
        "e => getComputedStyle(e).textDecorationLine") == "underline"


def test_search_finds_an_intervention_by_a_word_from_its_title(offline_page, offline_site):
    offline_page.goto(url_of(offline_site, "dossiers/index.html"))
    assert search_titles(offline_page, "Schuldhulpmaatje")[0] == "Schuldhulpmaatje"
    first = offline_page.locator(".md-search-result__item a").first
    first.click()
    offline_page.wait_for_load_state("load")
    assert offline_page.url.split("?")[0] == url_of(offline_site,
                                                    "interventies/schuldhulpmaatje.html")


def test_search_finds_a_word_from_a_section_body(offline_page, offline_site):
    """From file:// the full index (every section) comes as a script, after the small
    primary one: a word that only a section body holds is found too."""
    word, title = body_only_word(offline_site)
    offline_page.goto(url_of(offline_site, "index.html"))
    assert title in search_until_found(offline_page, word, title)


def test_finder_filters_by_theme_from_the_address(offline_page, offline_site, catalog):
    offline_page.goto(url_of(offline_site, "interventies/index.html") + "?thema=eenzaamheid")
    offline_page.wait_for_selector("#ww-finder:not([hidden])")
    shown = offline_page.eval_on_selector_all(
        "article [data-intervention]",
        "els => els.filter(e => e.offsetParent !== null).map(e => e.dataset.intervention)")
    with_theme = {i.slug for i in catalog.with_theme("eenzaamheid")}
    active = {i.slug for i in catalog.with_theme("eenzaamheid") if not i.withdrawn}
    assert active and active <= set(shown) <= with_theme
    assert len(shown) < len(catalog.interventions)


def test_links_navigate_between_files(offline_page, offline_site, catalog):
    offline_page.goto(url_of(offline_site, "index.html"))
    link = offline_page.locator(".ww-recent a[href*='interventies/']").first
    href = link.get_attribute("href")
    assert href.endswith(".html")
    link.click()
    offline_page.wait_for_load_state("load")
    assert offline_page.url == url_of(offline_site, href)
    slug = href.rsplit("/", 1)[-1].removesuffix(".html")
    assert offline_page.locator("h1#titel").inner_text() == catalog.intervention(slug).title
    offline_page.locator(".md-tabs a", has_text="Dossiers").click()
    offline_page.wait_for_load_state("load")
    assert offline_page.url == url_of(offline_site, "dossiers/index.html")


def _visible(page, selectors: list[str]) -> list[str]:
    return [s for s in selectors if any(e.is_visible() for e in page.locator(s).all())]


NAVIGATION = [".md-header", ".md-tabs", ".md-sidebar", ".md-search", ".md-footer",
              ".md-content__button", ".ww-print__screen"]


@pytest.mark.parametrize("path", ["dossiers/eenzaamheid.html",
                                  "dossiers/eenzaamheid/print/index.html"])
def test_printing_a_dossier_shows_no_navigation(offline_page, offline_site, path):
    offline_page.goto(url_of(offline_site, path))
    assert _visible(offline_page, [".md-header", ".md-tabs"])  # on screen they are there
    offline_page.emulate_media(media="print")
    assert _visible(offline_page, NAVIGATION) == []
    assert offline_page.locator("h1#titel").is_visible()
    assert "Offline versie van 22 november 2026" in offline_page.locator(".md-banner").inner_text()


def test_print_view_of_a_dossier_fits_one_page_with_its_interventions(
        offline_page, offline_site, catalog, tmp_path):
    dossier = catalog.dossier("eenzaamheid")
    offline_page.goto(url_of(offline_site, "dossiers/eenzaamheid/print/index.html"))
    titles = offline_page.locator(".ww-print__title a").all_inner_texts()
    assert titles == [catalog.intervention(s).title for s in dossier.interventions]
    pdf = offline_page.pdf(format="A4")  # Chromium prints with print media
    assert len(re.findall(rb"/Type\s*/Page(?![s\w])", pdf)) == 1  # the page objects


def test_the_404_page_is_dutch_and_styled_from_file(offline_page, offline_site):
    offline_page.goto(url_of(offline_site, "404.html"))
    assert offline_page.title() == "Pagina niet gevonden - Wat Werkt"
    assert offline_page.locator("h1").inner_text() == "Pagina niet gevonden"
    assert offline_page.locator(".md-header").evaluate(
        "e => getComputedStyle(e).position") == "sticky"
    offline_page.fill("#ww-404-search", "Schuldhulpmaatje")
    offline_page.locator(".ww-search button").click()
    offline_page.wait_for_selector(".md-search-result__item", timeout=10_000)
    assert "Schuldhulpmaatje" in offline_page.locator(
        ".md-search-result__item h1").all_inner_texts()
    offline_page.goto(url_of(offline_site, "404.html"))
    offline_page.get_by_role("link", name="Alle dossiers").click()
    offline_page.wait_for_load_state("load")
    assert offline_page.url == url_of(offline_site, "dossiers/index.html")


def test_evidence_map_opens_from_file_and_its_cells_reach_the_finder(offline_page,
                                                                       offline_site):
    """The evidence map from file://: reached from the home page, its links are .html links
    with the filter in the query, and a cell opens the finder showing the cell's number."""
    offline_page.goto(url_of(offline_site, "index.html"))
    offline_page.locator(".ww-evidence-link a").click()
    offline_page.wait_for_load_state("load")
    assert offline_page.url == url_of(offline_site, "bewijs/index.html")
    assert offline_page.locator("table.ww-map").count() == 2
    hrefs = offline_page.eval_on_selector_all("table.ww-map td a",
                                              "links => links.map(a => a.getAttribute('href'))")
    assert hrefs and all(re.fullmatch(r"\.\./interventies/index\.html\?thema=[a-z-]+"
                                      r"(&(niveau|doelgroep)=[a-z-]+)*", h) for h in hrefs)
    for index in (0, len(hrefs) - 1):
        offline_page.goto(url_of(offline_site, "bewijs/index.html"))
        link = offline_page.locator("table.ww-map td a").nth(index)
        number = int(re.match(r"\d+", link.inner_text())[0])
        link.click()
        offline_page.wait_for_selector("#ww-finder:not([hidden])")
        count = offline_page.locator("#ww-finder-count").inner_text()
        assert count == f"{number} {'interventie' if number == 1 else 'interventies'} gevonden"
    # a dossier's citation files are in the export too
    assert (offline_site / "dossiers/eenzaamheid/citaat.bib").is_file()
    assert (offline_site / "themas/eenzaamheid/feed.xml").is_file()
