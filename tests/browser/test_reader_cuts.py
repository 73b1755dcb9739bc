"""The reader's paper cuts of issue 27 in Chromium: citation files download under the page's
name (on the website and from file://), the APA reference copies with one button, the compare
page lets the reader pick, the home search works without JavaScript, and the recognition badge
is not the smallest text on the fact card."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import REPO, TODAY, new_page, shown_texts

pytestmark = pytest.mark.browser

MONTHS = ("januari februari maart april mei juni juli augustus september oktober november "
          "december").split()


@pytest.mark.parametrize(("folder", "slug"), [("interventies", "buurtbemiddeling"),
                                              ("dossiers", "eenzaamheid")])
def test_citation_files_download_with_the_pages_name(page, site_server, built_site, folder,
                                                    slug):
    page.goto(f"{site_server.url}{folder}/{slug}/")
    for label, extension in (("BibTeX", "bib"), ("CSL-JSON", "json"), ("RIS", "ris")):
        with page.expect_download() as info:
            page.locator(".ww-cite__downloads a", has_text=label).click()
        download = info.value
        assert download.suggested_filename == f"{slug}.{extension}"
        assert Path(download.path()).read_bytes() == (
            built_site / folder / slug / f"citaat.{extension}").read_bytes()


@pytest.fixture(scope="module")
def offline_folder(tmp_path_factory) -> Path:
    from generator.cli import main

    out = tmp_path_factory.mktemp("offline-27b")
    target = out / "offline.zip"
    assert main(["export", "offline", "--root", str(REPO), "--out", str(target),
                 "--today", TODAY]) == 0
    with zipfile.ZipFile(target) as archive:
        archive.extractall(out / "unzipped")
    return next((out / "unzipped").iterdir())


def test_citation_files_download_from_the_offline_export(browser, offline_folder):
    page, guard = new_page(browser, ("file://",))
    try:
        page.goto((offline_folder / "interventies/kwartiermaken.html").as_uri())
        link = page.locator(".ww-cite__downloads a", has_text="BibTeX")
        assert link.get_attribute("download") == "kwartiermaken.bib"
        with page.expect_download() as info:
            link.click()
        assert info.value.suggested_filename == "kwartiermaken.bib"
        assert b"@misc" in Path(info.value.path()).read_bytes() or \
            b"@online" in Path(info.value.path()).read_bytes()
    finally:
        page.context.close()
    assert guard.blocked == []


def test_copy_button_copies_the_reference_with_todays_date(browser, site_server):
    page, guard = new_page(browser, (site_server.url,))
    try:
        page.context.grant_permissions(["clipboard-read", "clipboard-write"],
                                       origin=site_server.url.rstrip("/"))
        page.goto(site_server.url + "interventies/buurtbemiddeling/")
        button = page.get_by_role("button", name="Kopieer de verwijzing")
        button.click()
        status = page.locator(".ww-cite__status")
        expect(status).to_contain_text("Gekopieerd")
        copied = page.evaluate("navigator.clipboard.readText()")
        shown = page.locator("#ww-cite-ref").inner_text()
        today = page.evaluate("new Date().toISOString().slice(0, 10)")
        day = dt.date.fromisoformat(today)
        dutch = f"{day.day} {MONTHS[day.month - 1]} {day.year}"
        assert "[datum]" in shown and "[datum]" not in copied
        assert copied == " ".join(shown.split()).replace("[datum]", dutch)
        assert dutch in status.inner_text()
    finally:
        page.context.close()
    assert guard.blocked == []


def test_compare_page_lets_the_reader_pick_the_others(page, site_server, catalog):
    page.goto(site_server.url + "vergelijk/?i=buurtbemiddeling")
    picker = page.get_by_label("Zet er een interventie naast (1 van 3 gekozen)")
    options = picker.locator("option").all_inner_texts()
    active = [i for i in catalog.interventions if not i.withdrawn and i.slug != "buurtbemiddeling"]
    assert len(options) == len(active) + 1  # and the prompt
    picker.select_option("kwartiermaken")
    page.get_by_role("button", name="Toevoegen").click()
    table = page.locator(".ww-compare-table")
    expect(table).to_be_visible()
    assert page.url.endswith("?i=buurtbemiddeling&i=kwartiermaken")
    assert page.evaluate("document.activeElement.tagName") == "TABLE"
    heads = shown_texts(table.locator("thead th a"))
    assert [h.replace("\u00ad", "") for h in heads] == [
        catalog.intervention("buurtbemiddeling").title, catalog.intervention("kwartiermaken").title]
    # a third, then the list is gone: three is the most
    page.get_by_label("Zet er een interventie naast (2 van 3 gekozen)").select_option(
        "welzijn-op-recept")
    page.get_by_role("button", name="Toevoegen").click()
    expect(table.locator("thead th a")).to_have_count(3)
    assert page.locator("#ww-compare-pick").count() == 0


def test_an_empty_compare_page_offers_the_list_too(page, site_server):
    page.goto(site_server.url + "vergelijk/")
    picker = page.get_by_label("Kies de eerste interventie")
    picker.select_option("buurtbemiddeling")
    page.get_by_role("button", name="Toevoegen").click()
    expect(page.locator(".ww-compare__message")).to_contain_text("alleen Buurtbemiddeling")
    assert page.evaluate("document.activeElement.id") == "ww-compare-pick"


def test_home_search_without_javascript_gives_a_result_and_a_message(browser, site_server):
    page, guard = new_page(browser, (site_server.url,), java_script_enabled=False)
    try:
        page.goto(site_server.url)
        page.fill("#ww-home-search", "schulden")
        page.locator(".ww-search button").click()
        page.wait_for_load_state("load")
        assert page.url.startswith(site_server.url + "interventies/?q=schulden")
        note = page.locator(".ww-finder-noscript")
        expect(note).to_be_visible()
        assert "JavaScript" in note.inner_text()
        assert page.locator(".ww-card").count() > 10
    finally:
        page.context.close()
    assert guard.blocked == []


@pytest.mark.parametrize("width", [1280, 390, 320])
def test_the_badge_is_not_the_smallest_text_on_the_fact_card(browser, site_server, width):
    page, guard = new_page(browser, (site_server.url,), width=width)
    try:
        page.goto(site_server.url + "interventies/buurtbemiddeling/")
        sizes = page.evaluate("""() => {
          const card = document.querySelector('.ww-factcard');
          const size = e => parseFloat(getComputedStyle(e).fontSize);
          const texts = [...card.querySelectorAll('*')].filter(e =>
            [...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim()));
          return {badge: size(card.querySelector('.ww-badge')),
                  smallest: Math.min(...texts.map(size))};
        }""")
        assert sizes["badge"] > sizes["smallest"]
        link = page.get_by_role("link", name="niveau 3 van 5")
        link.click()
        page.wait_for_url(site_server.url + "erkenning/effectief-eerste-aanwijzingen/")
    finally:
        page.context.close()
    assert guard.blocked == []
