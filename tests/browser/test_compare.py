"""The vergelijk page, /vergelijk/?i=<slug>&i=<slug>, and choosing interventions for it in the
finder (issue 9, Vergelijk). Expectations come from the catalog."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import new_page, shown_texts

pytestmark = pytest.mark.browser

THREE = ("buurtbemiddeling", "amaryllis-integrale-aanpak", "kwartiermaken")


def open_compare(page, base: str, slugs) -> None:
    page.goto(base + "vergelijk/?" + "&".join(f"i={s}" for s in slugs),
              wait_until="domcontentloaded")


def row(page, label: str) -> list[str]:
    """The cells of one row of the comparison, left to right, without the soft hyphens that
    the narrow columns carry."""
    cells = page.locator(".ww-compare-table tbody tr", has=page.locator(
        f'th[scope="row"]:text-is("{label}")')).locator("td")
    return [text.replace("\u00ad", "") for text in cells.all_text_contents()]


def test_three_interventions_side_by_side(page, site_server, catalog):
    items = [catalog.intervention(s) for s in THREE]
    open_compare(page, site_server.url, THREE)
    headers = page.locator(".ww-compare-table thead th")
    titles = [t.replace("\u00ad", "") for t in shown_texts(headers.locator("a"))]
    assert titles == [i.title for i in items]  # with soft hyphens for the narrow columns
    boxes = [headers.nth(n).bounding_box() for n in range(3)]
    assert len({round(b["y"]) for b in boxes}) == 1            # one row ...
    assert boxes[0]["x"] < boxes[1]["x"] < boxes[2]["x"]       # ... side by side
    levels = row(page, "Erkenning en geldigheid")
    expired = items[1].recognition
    assert expired is not None and expired.is_expired(catalog.build_date)
    assert "verlopen" in levels[1] and "Niet beoordeeld" in levels[2]
    assert "erkend tot en met" in levels[0]
    label = catalog.vocab.label
    for n, item in enumerate(items):
        assert all(label("target_groups", t) in row(page, "Doelgroep")[n]
                   for t in item.target_groups)
        assert all(label("delivered_by", d) in row(page, "Uitgevoerd door")[n]
                   for d in item.delivered_by)
        assert row(page, "Kosten")[n] == (item.costs or "Niet vermeld")
        assert all(o in row(page, "Beoogde resultaten")[n] for o in item.outcomes)


def test_links_lead_to_the_intervention_pages(page, site_server, catalog):
    open_compare(page, site_server.url, THREE[:2])
    page.locator(".ww-compare-table thead th a").nth(1).click()
    page.wait_for_url(f"{site_server.url}interventies/{THREE[1]}/")
    assert page.locator("article h1").first.inner_text() == catalog.intervention(THREE[1]).title


def test_fewer_than_two_or_unknown_gives_a_helpful_message(page, site_server, catalog):
    open_compare(page, site_server.url, [])
    message = page.locator(".ww-compare__message").inner_text()
    assert "Kies twee of drie interventies" in message
    assert page.locator(".ww-compare-table").count() == 0
    open_compare(page, site_server.url, ["buurtbemiddeling", "bestaat-niet"])
    text = page.locator("#ww-compare").inner_text()
    assert "Niet gevonden: bestaat-niet" in text
    assert f"alleen {catalog.intervention('buurtbemiddeling').title} gekozen" in text
    page.locator(".ww-compare__message a").click()
    page.wait_for_url(site_server.url + "interventies/")


def test_removing_one_updates_the_url_and_the_table(page, site_server):
    open_compare(page, site_server.url, THREE)
    page.locator(".ww-compare__remove").nth(1).click()
    assert parse_qs(urlsplit(page.url).query) == {"i": [THREE[0], THREE[2]]}
    expect(page.locator(".ww-compare-table thead th")).to_have_count(2)
    page.go_back()
    expect(page.locator(".ww-compare-table thead th")).to_have_count(3)


def test_choosing_in_the_finder_allows_at_most_three(page, site_server, catalog):
    page.goto(site_server.url + "interventies/", wait_until="domcontentloaded")
    page.evaluate("sessionStorage.clear()")
    page.reload(wait_until="domcontentloaded")
    assert page.locator(".ww-compare-bar").is_hidden()
    for slug in THREE:
        page.check(f"#ww-vergelijk-{slug}")
    others = page.locator(".ww-card__pick:not(:checked)")
    assert others.count() == len(catalog.interventions) - 3
    assert all(others.nth(n).is_disabled() for n in range(others.count()))
    page.locator(".ww-compare-bar__go").click()
    expect(page.locator(".ww-compare-table thead th")).to_have_count(3)
    assert parse_qs(urlsplit(page.url).query) == {"i": list(THREE)}
    page.go_back()  # the finder still knows what was chosen
    assert [page.is_checked(f"#ww-vergelijk-{s}") for s in THREE] == [True] * 3


def test_phone_width_keeps_three_columns_within_the_screen(browser, site_server):
    page, guard = new_page(browser, (site_server.url,), width=390, height=844)
    try:
        open_compare(page, site_server.url, THREE)
        cells = page.locator(".ww-compare-table tbody tr").first.locator("td")
        boxes = [cells.nth(n).bounding_box() for n in range(3)]
        assert boxes[0]["x"] < boxes[1]["x"] < boxes[2]["x"]
        assert boxes[2]["x"] + boxes[2]["width"] <= 390
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
    finally:
        page.context.close()
    assert guard.blocked == []


def test_without_javascript_the_page_says_what_to_do(browser, site_server):
    page, guard = new_page(browser, (site_server.url,), java_script_enabled=False)
    try:
        open_compare(page, site_server.url, THREE)
        assert "werkt met JavaScript" in page.locator(".ww-compare__message").inner_text()
    finally:
        page.context.close()
    assert guard.blocked == []


def test_compare_from_the_intervention_page_carries_the_pick_to_the_finder(page, site_server):
    page.goto(site_server.url + "interventies/buurtbemiddeling/", wait_until="load")
    page.get_by_role("link", name="Vergelijk met andere interventies", exact=True).click()
    page.wait_for_url("**/vergelijk/?i=buurtbemiddeling")
    assert "alleen Buurtbemiddeling gekozen" in page.locator(".ww-compare__message").inner_text()
    page.locator(".ww-compare__message a").click()
    page.wait_for_selector("#ww-vergelijk-buurtbemiddeling")
    assert page.is_checked("#ww-vergelijk-buurtbemiddeling")


def test_the_comparison_shows_contact_and_working_elements(page, site_server, catalog):
    items = [catalog.intervention(s) for s in THREE]
    open_compare(page, site_server.url, THREE)
    elements = row(page, "Werkzame elementen")
    for item, cell in zip(items, elements, strict=True):
        assert all(element in cell for element in item.working_elements) or (
            not item.working_elements and "Niet vermeld" in cell)
    contact = row(page, "Eigenaar en contact")
    for item, cell in zip(items, contact, strict=True):
        assert item.owner.organisation in cell
        if item.owner.email:
            assert page.locator(f'.ww-compare-table a[href="mailto:{item.owner.email}"]').count()
