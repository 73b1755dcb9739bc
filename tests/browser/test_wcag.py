"""WCAG 2.1 AA as an auditor checks it, in Chromium, on every page of the shipped site: reflow
at 320 px and at 1280 px with 200 % zoom, no word split without a hyphen on a phone, heading
order, contrast, the header's controls in the accessibility tree, named permalinks and axe
(one audit run, wcag_audit.py, shared by the tests); then what needs a hand on the keyboard:
status messages, focus return from the search layer and the drawer, and copying text that
carries soft hyphens. a11y-audit.json, which the accessibility statement reports, must be the
result of these same checks on these same pages."""

from __future__ import annotations

import json

import pytest

from generator.content.audit import AUDIT_FILE
from tests.browser.conftest import REPO, new_page, search_titles
from tests.browser.wcag_audit import CHECKS, audit_site, audited_paths
from tests.browser.wcag_probes import CONTRAST, HEADINGS, skipped_levels

pytestmark = pytest.mark.browser


# axe-core on every page takes minutes: the suite runs it on a few pages (test_a11y.py), the
# audit command (wcag_audit.py, which writes a11y-audit.json) on all. Likewise the forced-colours
# walk and the search layer: test_wcag_keyboard.py runs them where they were found to fail.
SUITE_CHECKS = tuple(c for c in CHECKS if c not in ("axe", "forced-colours", "search-layer"))


@pytest.fixture(scope="module")
def audit(browser, built_site):
    return audit_site(browser, built_site, checks=SUITE_CHECKS)


@pytest.mark.parametrize("check", SUITE_CHECKS)
def test_every_page_passes(audit, check):
    assert audit.pages > 70
    problems = audit.problems.get(check, {})
    assert problems == {}, "\n".join(f"{where}: {found[:4]}" for where, found in problems.items())


def test_the_statement_reports_a_current_audit(built_site):
    """The committed results cover today's pages and checks, and the statement shows them."""
    data = json.loads((REPO / AUDIT_FILE).read_text(encoding="utf-8"))
    assert data["pages"] == len(audited_paths(built_site))
    assert [c["id"] for c in data["checks"]] == list(CHECKS)
    assert all(c["failures"] == 0 for c in data["checks"])
    statement = (built_site / "toegankelijkheid" / "index.html").read_text(encoding="utf-8")
    text = statement.replace("\u00ad", "")
    assert f"de {data['pages']} pagina" in text
    # The model statement's parts: organisation, e-mail from the configuration, the research
    # planned for status C, the report, and no claim of a keyboard test it did not make.
    assert "C: eerste maatregelen genomen" in text and "Gepland onderzoek" in text
    assert 'href="mailto:' in text and "werkdagen antwoord" in text
    assert 'href="meting.json"' in text
    assert "Daarnaast is er met het toetsenbord" not in text
    for path, link in (("index.html", "toegankelijkheid/"),
                       ("interventies/buurtbemiddeling/index.html", "../../toegankelijkheid/")):
        assert f'href="{link}"' in (built_site / path).read_text(encoding="utf-8")


@pytest.fixture
def phone(browser, site_server):
    page, guard = new_page(browser, (site_server.url,), width=390, height=740)
    yield page
    page.context.close()
    assert guard.blocked == []


def test_phone_header_buttons_are_named_in_the_accessibility_tree(phone, site_server):
    phone.goto(site_server.url + "interventies/buurtbemiddeling/", wait_until="load")
    tree = phone.locator("header.md-header").aria_snapshot()
    assert 'button "Menu"' in tree and 'button "Zoeken"' in tree, tree
    assert "- img\n" not in tree + "\n" and not tree.rstrip().endswith("- img"), tree


def test_search_count_is_announced_in_good_contrast_and_results_are_not_h1(page, site_server):
    page.goto(site_server.url, wait_until="load")
    titles = search_titles(page, "eenzaamheid")
    assert titles
    meta = page.locator(".md-search-result__meta")
    assert meta.get_attribute("role") == "status" and meta.get_attribute("aria-live") == "polite"
    assert "overeenkomende" in meta.inner_text()
    levels = {h["level"] for h in page.evaluate(HEADINGS) if h["text"] in titles}
    assert levels and 1 not in levels
    assert page.evaluate(CONTRAST, page.locator(".md-search").element_handle()) == []


def open_with_keyboard(phone, url: str, toggle: str):
    """Enter on the header button of Material's `toggle` (__search, __drawer) checkbox;
    returns the button once the toggle is on."""
    phone.goto(url, wait_until="load")
    button = phone.locator(f".md-header__button[for='{toggle}']")
    button.focus()
    phone.keyboard.press("Enter")
    phone.wait_for_function(f"document.getElementById('{toggle}').checked")
    return button


def close_with_escape(phone, toggle: str) -> None:
    phone.keyboard.press("Escape")
    phone.wait_for_function(f"!document.getElementById('{toggle}').checked")
    phone.wait_for_timeout(100)


def test_escape_from_search_returns_focus_to_the_search_button(phone, site_server):
    button = open_with_keyboard(phone, site_server.url + "dossiers/eenzaamheid/", "__search")
    assert phone.evaluate("document.activeElement.classList.contains('md-search__input')")
    close_with_escape(phone, "__search")
    assert phone.evaluate("document.activeElement.getAttribute('for')") == "__search"
    assert button.get_attribute("aria-expanded") == "false"


def test_escape_from_search_on_desktop_keeps_the_focus_in_the_page(page, site_server):
    page.goto(site_server.url + "dossiers/eenzaamheid/", wait_until="load")
    page.locator("input.md-search__input").click()  # a click: no element before it had focus
    page.keyboard.type("eenz")
    page.keyboard.press("Escape")
    page.wait_for_timeout(100)
    assert page.evaluate("document.activeElement !== document.body")
    assert not page.evaluate("!!document.activeElement.closest('.md-search')")


def test_tabbing_on_a_phone_never_opens_the_search_layer(phone, site_server):
    phone.goto(site_server.url + "interventies/buurtbemiddeling/", wait_until="load")
    for _ in range(12):
        phone.keyboard.press("Tab")
        assert not phone.evaluate("document.getElementById('__search').checked")


def test_the_drawer_takes_and_returns_the_focus(phone, site_server):
    menu = open_with_keyboard(phone, site_server.url + "themas/eenzaamheid/", "__drawer")
    assert menu.get_attribute("aria-expanded") == "true"
    phone.wait_for_function("!!document.activeElement.closest('.md-sidebar--primary')")
    close_with_escape(phone, "__drawer")
    assert phone.evaluate("document.activeElement.getAttribute('for')") == "__drawer"


def test_finder_count_and_compare_tray_are_status_messages(page, site_server):
    page.goto(site_server.url + "interventies/", wait_until="load")
    count = page.locator("#ww-finder-count")
    assert count.get_attribute("aria-live") == "polite"
    before = count.inner_text()
    page.locator(".ww-finder input[type=checkbox]").first.check()
    page.wait_for_function("t => document.getElementById('ww-finder-count').innerText !== t",
                           arg=before)
    page.locator(".ww-card__compare input").first.check()
    tray = page.locator(".ww-compare-status")
    assert tray.get_attribute("aria-live") == "polite"
    page.wait_for_function("() => document.querySelector('.ww-compare-status').textContent")
    assert tray.text_content() == page.locator(".ww-compare-bar__text").inner_text()


def test_copied_text_has_no_soft_hyphens(page, site_server):
    page.goto(site_server.url + "themas/mantelzorgondersteuning/", wait_until="load")
    heading = page.locator("h1").inner_text()
    assert "\u00ad" in heading  # the page carries them ...
    copied = page.evaluate("""() => {
        const range = document.createRange();
        range.selectNodeContents(document.querySelector('h1'));
        getSelection().removeAllRanges(); getSelection().addRange(range);
        const data = new DataTransfer();
        document.dispatchEvent(new ClipboardEvent('copy', {clipboardData: data, bubbles: true,
                                                         cancelable: true}));
        return data.getData('text/plain');
    }""")
    assert copied == heading.replace("\u00ad", "")  # ... the clipboard does not


def test_a_table_wider_than_the_screen_is_an_announced_region(phone, site_server):
    phone.goto(site_server.url + "beheer/", wait_until="load")
    regions = phone.locator(".ww-beheer-table [role=region]")
    assert regions.count() >= 1
    first = regions.first
    assert first.get_attribute("tabindex") == "0"
    assert "schuift opzij" in first.get_attribute("aria-label")
    assert phone.locator(".ww-scroll-hint").first.is_visible()


def test_skipped_levels_are_found():
    """The heading check can fail: h1 straight to h3, and a second h1, are reported."""
    assert skipped_levels([{"level": 1, "text": "a"}, {"level": 3, "text": "b"}])
    assert skipped_levels([{"level": 1, "text": "a"}, {"level": 1, "text": "b"}])
    assert not skipped_levels([{"level": 1, "text": "a"}, {"level": 2, "text": "b"}])


def test_the_probes_find_the_old_failures(page):
    """What the old site did, in small: a grid that asks 15rem columns at 320 px, a word split
    anywhere in a narrow cell, an unnamed header image. Each probe reports it."""
    from tests.browser.wcag_probes import HEADER_CONTROLS, REFLOW, SPLIT_WORDS, unnamed_controls

    page.set_viewport_size({"width": 320, "height": 600})
    page.set_content("""<html lang="nl"><body style="margin:0">
      <header class="md-header"><label for="x"><svg width="20" height="20"></svg></label></header>
      <dl style="display:grid;grid-template-columns:repeat(auto-fill,minmax(22rem,1fr))">
        <dt>Doelgroep</dt></dl>
      <p style="width:60px;overflow-wrap:anywhere">Eenzaamheid</p></body></html>""")
    assert any("document" in f for f in page.evaluate(REFLOW))
    assert any(f.startswith("Eenzaamheid") for f in page.evaluate(SPLIT_WORDS))
    assert unnamed_controls(page.evaluate(HEADER_CONTROLS))
