"""The keyboard failures of issue 27, each as a test of the audit's keyboard probes
(wcag_keyboard.py) on the pages where an auditor found them. The site-wide walk over every
page is test_wcag.py's (the same audit_site as the statement's measurement).

Run against another build to see the probes fail there, for instance the site before the fix:
    WATWERKT_KEYBOARD_SITE=/tmp/old-site python -m pytest -q tests/browser/test_wcag_keyboard.py
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.browser.conftest import SiteServer, new_page
from tests.browser.wcag_audit import COMPARE, SEARCH_QUERY
from tests.browser.wcag_keyboard import (
    FOCUS,
    drawer_focus,
    search_focus,
    table_rows,
    tree_names,
    walk,
)
from tests.browser.wcag_probes import REFLOW, TEXT_SPACING

pytestmark = pytest.mark.browser

# Where the auditor found them: back-to-top and the fixed header (intervention, finder,
# beheer, dossier), the compare bar (finder), the sticky theme column (bewijs).
PAGES = ["interventies/buurtbemiddeling/", "interventies/", "beheer/", "dossiers/eenzaamheid/",
         "bewijs/"]


@pytest.fixture(scope="module")
def server(built_site):
    folder = Path(os.environ.get("WATWERKT_KEYBOARD_SITE") or built_site)
    server = SiteServer(folder)
    yield server
    server.close()


def open_page(browser, server, width: int, forced: bool = False):
    page, guard = new_page(browser, (server.url,), width=width, height=800)
    page.emulate_media(forced_colors="active" if forced else "none")
    return page, guard


@pytest.fixture(params=[1280, 390], ids=["1280", "390"])
def view(request, browser, server):
    page, guard = open_page(browser, server, request.param)
    yield page, request.param
    page.context.close()
    assert guard.blocked == []


@pytest.mark.parametrize("path", PAGES)
def test_tab_and_shift_tab_keep_the_focus_visible(view, server, path):
    """2.4.7: forward and backward, every focused element is visible, in the viewport, not
    under the header, the compare bar, a sticky column or "Terug naar boven", and has an
    outline of 3:1; the walk goes round without being sent back."""
    page, _ = view
    page.goto(server.url + path, wait_until="load")
    found = walk(page)
    page.goto(server.url + path, wait_until="load")
    found += walk(page, backward=True)
    assert found == []


@pytest.mark.parametrize("width", [1280, 390])
def test_focus_indicators_show_in_forced_colours(browser, server, width):
    """1.4.11 in Windows' high-contrast mode: the browser drops shadows and tints, so only an
    outline is left; every stop of the home page and the search layer has one."""
    page, guard = open_page(browser, server, width, forced=True)
    page.goto(server.url, wait_until="load")
    assert walk(page) == []
    page.goto(server.url, wait_until="load")
    assert search_focus(page, SEARCH_QUERY, wide=width > 1000) == []
    page.context.close()


def test_the_phone_menu_holds_the_focus_and_is_closed_to_the_keyboard(browser, server):
    """2.4.3: the closed drawer's links are no Tab stops; opened with Enter on the menu
    button, Tab and Shift+Tab stay inside it."""
    page, guard = open_page(browser, server, 390)
    page.goto(server.url + "themas/eenzaamheid/", wait_until="load")
    assert [f for f in walk(page) if "menu" in f] == []
    page.goto(server.url + "themas/eenzaamheid/", wait_until="load")
    assert drawer_focus(page) == []
    page.context.close()


@pytest.mark.parametrize("width", [1280, 390])
def test_the_search_layer_is_reachable_and_named(browser, server, width):
    """2.1.1, 4.1.2, 1.4.11: opened with the keyboard, Tab reaches the share ("Delen") and
    clear controls, every result and "N extra overeenkomsten", the focus stays in the layer,
    every stop shows an outline of 3:1, and every result link has a name."""
    page, guard = open_page(browser, server, width)
    page.goto(server.url + "interventies/buurtbemiddeling/", wait_until="load")
    assert search_focus(page, SEARCH_QUERY, wide=width > 1000) == []
    page.context.close()


def test_tab_passes_the_empty_search_field_on_a_wide_screen(browser, server):
    """On a wide screen the search field is a field in the header: Tab goes on to what follows
    it (Material's Tab closed the layer and the focus went back before the field)."""
    page, guard = open_page(browser, server, 1280)
    page.goto(server.url + "dossiers/eenzaamheid/", wait_until="load")
    page.locator("input.md-search__input").focus()
    page.keyboard.press("Tab")
    page.wait_for_timeout(100)
    assert not page.evaluate("document.getElementById('__search').checked")
    after = page.evaluate("""() => !!(document.querySelector('input.md-search__input')
        .compareDocumentPosition(document.activeElement) & Node.DOCUMENT_POSITION_FOLLOWING)""")
    assert after
    page.context.close()


@pytest.mark.parametrize("path", ["bewijs/", COMPARE, ""])
def test_names_in_the_accessibility_tree(browser, server, path):
    """4.1.2: every link and control has a name, and none carries the soft hyphens that
    break long words on screen (the evidence map's and compare table's headers had them)."""
    page, guard = open_page(browser, server, 390)
    page.goto(server.url + path, wait_until="load")
    page.wait_for_timeout(200)
    assert tree_names(page) == []
    page.context.close()


def test_the_compare_table_keeps_its_corner_cell_on_a_phone(browser, server):
    """1.3.1: each row of the compare table has as many cells in the accessibility tree as the
    header row, so each value stays under its intervention's column header."""
    page, guard = open_page(browser, server, 390)
    page.goto(server.url + COMPARE, wait_until="load")
    page.wait_for_selector("table.ww-compare-table")
    assert table_rows(page) == []
    page.context.close()


def test_the_compare_tray_announces_the_first_pick(browser, server):
    """4.1.3: the compare tray's live region exists, outside any hidden box, before the first
    pick, and says what was picked."""
    page, guard = open_page(browser, server, 1280)
    page.goto(server.url + "interventies/", wait_until="load")
    status = page.locator(".ww-finder-results [aria-live]:not(#ww-finder-count)")
    assert status.count() == 1
    assert page.evaluate("el => !el.closest('[hidden]')", status.element_handle())
    page.locator(".ww-card__compare input").first.check()
    page.wait_for_function("el => el.textContent.includes('Gekozen')", arg=status.element_handle())
    page.context.close()


def test_the_focus_after_show_results_is_visible(browser, server):
    """2.4.7: on a phone "Toon N interventies" closes the filters and moves the focus to the
    result count, which then shows an outline."""
    page, guard = open_page(browser, server, 390)
    page.goto(server.url + "interventies/", wait_until="load")
    page.locator(".ww-finder__toggle").click()
    apply = page.locator(".ww-finder__apply")
    apply.focus()
    page.keyboard.press("Enter")
    page.wait_for_function("document.activeElement.id === 'ww-finder-count'")
    assert page.evaluate(FOCUS)["problems"] == []
    page.context.close()


def test_text_spacing_at_320_with_a_recognition_badge(browser, server):
    """1.4.12: with WCAG's text spacing at 320 px an intervention page with a recognition
    badge does not scroll sideways."""
    page, guard = open_page(browser, server, 320)
    page.goto(server.url + "interventies/buurtbemiddeling/", wait_until="load")
    assert page.locator(".ww-badge").count()
    page.evaluate(TEXT_SPACING)
    assert page.evaluate(REFLOW) == []
    page.context.close()


def test_the_probes_find_the_old_failures(page):
    """The probes can fail: a link under a fixed header, an invisible button that takes the
    focus, a link without an outline, an unnamed link around an article."""
    page.set_viewport_size({"width": 600, "height": 400})
    page.set_content("""<html lang="nl"><body style="margin:0">
      <header style="position:fixed;top:0;left:0;right:0;height:120px;background:#222"></header>
      <p style="margin-top:130px"><a id="first" href="#a">Eerste</a></p>
      <button style="opacity:0">Terug naar boven</button>
      <a href="#b" style="outline:none">Zonder rand</a>
      <a href="#c"><article><h1>Resultaat</h1></article></a>
      <div style="height:2000px"></div>
      <a id="under" href="#d">Onder de kop</a><div style="height:2000px"></div></body></html>""")
    found = walk(page)
    assert any(f.startswith("onzichtbaar") and "Terug naar boven" in f for f in found), found
    assert any(f.startswith("geen focusrand") and "Zonder rand" in f for f in found), found
    page.evaluate("""() => { window.scrollTo(0, 0);
        const a = document.getElementById('under'); a.scrollIntoView(); a.focus(); }""")
    assert any("bedekt door header" in f for f in page.evaluate(FOCUS)["problems"])
    assert "link zonder naam" in tree_names(page)
