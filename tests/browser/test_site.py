"""The website in Chromium: home page, Dutch search, overviews, dossiers (issue 3)."""

from __future__ import annotations

import re

import pytest

from tests.browser.conftest import search_titles

pytestmark = pytest.mark.browser


def listed_slugs(page) -> list[str]:
    return page.eval_on_selector_all(
        "article [data-intervention]", "els => els.map(e => e.dataset.intervention)")


def test_home_page_leads_to_themes_dossiers_and_search_titles(page, site_server, catalog):
    page.goto(site_server.url)
    assert page.title() == "Wat Werkt"
    assert page.locator("h1").first.inner_text() == "Wat werkt bij sociale vraagstukken"
    assert page.locator(".ww-themes a").count() == len(catalog.vocab.terms("themes"))
    assert page.locator("[data-dossier]").count() == len(catalog.dossiers)
    page.locator(".ww-themes a", has_text="Eenzaamheid").click()
    assert page.url.endswith("/themas/eenzaamheid/")
    assert page.locator("article h1").first.inner_text() == "Eenzaamheid"


def test_search_finds_an_intervention_by_a_word_from_its_title(page, site_server):
    page.goto(site_server.url)
    titles = search_titles(page, "Dorpsondersteuner")
    assert titles and titles[0] == "Dorpsondersteuner"


def test_search_uses_dutch_stemming(page, site_server):
    """A plural finds the entry whose title has the singular: the Dutch stemmer at work."""
    page.goto(site_server.url)
    assert "Dorpsondersteuner" in search_titles(page, "dorpsondersteuners")


def test_home_search_form_opens_search_with_the_query(page, site_server):
    page.goto(site_server.url)
    page.fill("#ww-home-search", "Kwartiermaken")
    page.locator(".ww-search button").click()
    page.wait_for_selector(".md-search-result__item", timeout=10_000)
    assert "Kwartiermaken" in page.locator(".md-search-result__item h1").all_inner_texts()


@pytest.mark.parametrize("kind", ["themes", "target_groups", "levels"])
def test_each_overview_lists_exactly_its_interventions(page, site_server, catalog, kind):
    if kind == "themes":
        pages = {t.id: catalog.with_theme(t.id) for t in catalog.vocab.terms("themes")}
        folder = "themas"
    elif kind == "target_groups":
        pages = {t.id: catalog.with_target_group(t.id)
                 for t in catalog.vocab.terms("target_groups")}
        folder = "doelgroepen"
    else:
        keys = [t.id for t in catalog.vocab.terms("recognition_levels")]
        pages = {k: catalog.with_level(k) for k in keys + ["verlopen", "niet-beoordeeld"]}
        folder = "erkenning"
    for key, expected in pages.items():
        page.goto(f"{site_server.url}{folder}/{key}/")
        assert sorted(listed_slugs(page)) == sorted(i.slug for i in expected), key


def test_interventions_index_lists_all_with_withdrawn_after_active(page, site_server, catalog):
    page.goto(f"{site_server.url}interventies/")
    slugs = listed_slugs(page)
    assert sorted(slugs) == sorted(i.slug for i in catalog.interventions)
    withdrawn = [i.slug for i in catalog.interventions if i.withdrawn]
    assert withdrawn and slugs[-len(withdrawn):] == withdrawn


def test_every_dossier_links_all_its_interventions(page, site_server, catalog):
    for dossier in catalog.dossiers:
        page.goto(f"{site_server.url}dossiers/{dossier.slug}/")
        hrefs = page.eval_on_selector_all(
            ".ww-dossier-table a", "els => els.map(e => e.getAttribute('href'))")
        linked = {re.sub(r"^\.\./\.\./interventies/([^/]+)/$", r"\1", h) for h in hrefs}
        assert linked == set(dossier.interventions), dossier.slug
    page.locator(".ww-dossier-table a").first.click()
    page.wait_for_url(re.compile(r"/interventies/[a-z0-9-]+/$"))
    page.wait_for_selector(".ww-factcard")
    assert page.locator(".ww-factcard").count() == 1


def test_intervention_page_shows_fact_card_and_edit_link(page, site_server):
    page.goto(f"{site_server.url}interventies/amaryllis-integrale-aanpak/")
    assert "Erkenning verlopen op 5 oktober 2024" in page.locator(".ww-factcard").inner_text()
    assert page.locator("a[rel=edit]").get_attribute("href") == (
        "https://github.com/example/wat-werkt/edit/main/interventions/"
        "amaryllis-integrale-aanpak.md")
    assert "Genoemd in dossiers" in page.locator("article").inner_text()


def test_withdrawn_intervention_is_marked(page, site_server):
    page.goto(f"{site_server.url}interventies/taalmaatjes/")
    assert "Deze interventie is ingetrokken" in page.locator(".ww-withdrawn").inner_text()
