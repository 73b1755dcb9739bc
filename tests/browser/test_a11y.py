"""Accessibility (WCAG 2.1 AA) in Chromium: axe-core finds no serious or critical violation on
the home page, an intervention, a dossier, an overview and the finder, on a desktop and a phone;
the keyboard alone gets a reader through: a skip link to the title, a visible focus on every
stop, and the finder's filters."""

from __future__ import annotations

import pytest

from tests.browser.conftest import REPO, new_page
from tests.conftest import require_npm_file

pytestmark = pytest.mark.browser

AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
PAGES = ["", "interventies/buurtbemiddeling/", "dossiers/eenzaamheid/", "themas/eenzaamheid/",
         "interventies/"]
# Every rule axe runs by default: WCAG 2.0/2.1 A and AA and the best practices (the unnamed
# search dialog is one of those).
RUN_AXE = """async () => {
    const result = await axe.run(document);
    return result.violations.map(v => ({id: v.id, impact: v.impact,
        nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5)}));
}"""


@pytest.fixture(scope="module")
def phone(browser, site_server):
    page, guard = new_page(browser, (site_server.url,), width=375, height=740)
    yield page
    page.context.close()
    assert guard.blocked == []


def violations(page, url: str) -> list[dict]:
    page.goto(url, wait_until="load")
    page.add_script_tag(path=str(AXE))
    return page.evaluate(RUN_AXE)


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p or "home")
def test_no_serious_or_critical_violation_on_desktop_and_phone(page, phone, site_server, path):
    require_npm_file(AXE)
    for viewer in (page, phone):
        found = violations(viewer, site_server.url + path)
        serious = [v for v in found if v["impact"] in ("serious", "critical")]
        assert serious == [], serious


def test_axe_would_find_the_two_material_problems_we_fixed(page, site_server):
    """The check can fail: with our fixes undone in the page, axe reports them again."""
    page.goto(site_server.url, wait_until="load")
    page.evaluate("""() => {
        document.querySelector('.md-search').removeAttribute('aria-label');
        for (const sheet of document.styleSheets)
            if ((sheet.href || '').endsWith('a11y.css')) sheet.disabled = true;
    }""")
    page.add_script_tag(path=str(AXE))
    found = {v["id"]: v["nodes"] for v in page.evaluate(RUN_AXE)}
    assert found.get("aria-dialog-name") == [".md-search"]
    assert found.get("color-contrast") == [".md-copyright"]


def focused(page) -> dict:
    return page.evaluate("""() => {
        const e = document.activeElement, s = getComputedStyle(e), r = e.getBoundingClientRect();
        return {tag: e.tagName, cls: e.className, text: (e.innerText || '').trim().slice(0, 40),
                href: e.getAttribute('href'), id: e.id, width: r.width, height: r.height,
                outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0,
                shadow: s.boxShadow !== 'none',
                inview: r.right > 0 && r.left < innerWidth && r.bottom > 0
                    && r.top < innerHeight && s.visibility !== 'hidden'};
    }""")


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p or "home")
def test_first_tab_is_a_skip_link_to_the_title(page, site_server, path):
    page.goto(site_server.url + path, wait_until="load")
    page.keyboard.press("Tab")
    skip = focused(page)
    assert skip["text"] == "Ga naar inhoud" and skip["href"] == "#titel"
    assert skip["width"] > 0 and skip["height"] > 0 and skip["outline"]  # shown on focus
    page.keyboard.press("Enter")
    # The jump can land a moment after the key event on a loaded machine: wait for it.
    page.wait_for_function("location.hash === '#titel'", timeout=5_000)
    page.keyboard.press("Tab")
    # The next stop lies after the title: header, tabs and search were skipped.
    after = page.evaluate("""() => Boolean(document.getElementById('titel')
        .compareDocumentPosition(document.activeElement) & Node.DOCUMENT_POSITION_FOLLOWING)""")
    assert after, focused(page)


@pytest.mark.parametrize("width", [1280, 375])
@pytest.mark.parametrize("path", ["interventies/buurtbemiddeling/", "interventies/"])
def test_every_keyboard_stop_shows_its_focus(browser, site_server, path, width):
    """Each Tab lands on something with a visible focus ring, inside the window: not on a
    0-pixel element, not in a closed drawer off-screen."""
    page, guard = new_page(browser, (site_server.url,), width=width, height=800)
    page.goto(site_server.url + path, wait_until="load")
    stops = []
    for _ in range(40):
        page.keyboard.press("Tab")
        stop = focused(page)
        for _ in range(40):  # the drawer slides open when it takes the focus: let it arrive
            if stop["inview"] or stop["tag"] == "BODY":
                break
            page.wait_for_timeout(50)
            stop = focused(page)
        if stop["tag"] == "BODY":
            break
        stops.append(stop)
        assert stop["outline"] or stop["shadow"], stop
        assert stop["width"] > 0 and stop["height"] > 0, stop
        assert stop["inview"], stop
    page.context.close()
    assert len(stops) >= 20
    assert guard.blocked == []


def test_finder_filters_work_with_the_keyboard(page, site_server):
    page.goto(site_server.url + "interventies/", wait_until="load")
    count = page.locator("#ww-finder-count")
    before = count.inner_text()
    for _ in range(80):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.name === 'thema'"):
            break
    else:
        pytest.fail("no theme filter reachable with Tab")
    assert focused(page)["outline"]
    page.keyboard.press("Space")
    assert page.evaluate("document.activeElement.checked")
    page.wait_for_function("text => document.querySelector('#ww-finder-count').innerText "
                           "!== text", arg=before)
    shown = page.locator("#ww-finder-results [data-intervention]:visible").count()
    assert str(shown) in count.inner_text()
    assert 0 < shown < 18
