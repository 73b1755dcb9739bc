"""The evidence map (/bewijs/) in Chromium: each cell's link opens the finder with the number the
cell shows; the numbers are readable (contrast) in every shade; a phone scrolls the matrix in its
own region, never the page; without JavaScript and on paper the table is all there."""

from __future__ import annotations

import re

import pytest

from tests.browser.conftest import new_page

pytestmark = pytest.mark.browser

CELLS_JS = """() => [...document.querySelectorAll('table.ww-map')].map((t, i) =>
  [...t.querySelectorAll('tbody td')].map(td => ({
    table: i, n: Number(td.querySelector('.ww-map__n, a').firstChild.textContent),
    href: td.querySelector('a') ? td.querySelector('a').href : null,
    total: td.classList.contains('ww-map__total')})))"""
CONTRAST_JS = """() => {
  function lum(c) {
    const [r, g, b] = c.match(/[\\d.]+/g).slice(0, 3).map(Number).map(v => {
      v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  }
  function ratio(a, b) { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
    return (x + 0.05) / (y + 0.05); }
  return [...document.querySelectorAll('table.ww-map tbody td')].map(td => {
    const number = td.querySelector('a') || td.querySelector('.ww-map__n');
    const style = getComputedStyle(td);
    let backgrounds = [style.backgroundColor];
    if (style.backgroundImage !== 'none') {
      backgrounds = style.backgroundImage.match(/rgba?\\([^)]*\\)/g);
    }
    const fg = getComputedStyle(number).color;
    return {cls: td.className, worst: Math.min(...backgrounds.map(bg => ratio(fg, bg)))};
  });
}"""
FINDER_COUNT = re.compile(r"^(\d+) interventies? gevonden$|^Geen interventies gevonden$")


def finder_count(page) -> int:
    page.wait_for_selector("#ww-finder:not([hidden])")
    text = page.locator("#ww-finder-count").inner_text().strip()
    match = FINDER_COUNT.match(text)
    assert match, text
    return int(match[1] or 0)


def test_every_cell_opens_the_finder_with_its_number(page, site_server) -> None:
    page.goto(site_server.url + "bewijs/")
    tables = page.evaluate(CELLS_JS)
    assert len(tables) == 2
    cells = [c for table in tables for c in table if c["href"]]
    assert len(cells) > 30
    for cell in cells:
        page.goto(cell["href"])
        assert finder_count(page) == cell["n"], cell["href"]
    # an empty cell is a gap, never a link
    assert all(c["n"] > 0 for t in tables for c in t if c["href"])
    assert any(c["n"] == 0 and not c["href"] for t in tables for c in t)


def test_clicking_a_cell_goes_to_the_filtered_finder(page, site_server) -> None:
    page.goto(site_server.url)
    page.locator(".ww-evidence-link a").click()
    page.wait_for_url("**/bewijs/")
    link = page.locator("table.ww-map").first.locator("tbody td a").first
    number = int(link.locator(".ww-map__n").inner_text())
    link.click()
    page.wait_for_url("**/interventies/?thema=*&niveau=*")
    assert finder_count(page) == number
    # the chosen filters are ticked in the finder, so the reader sees why these are shown
    assert page.locator(".ww-facet input:checked").count() == 2


def test_numbers_are_readable_in_every_shade(page, site_server) -> None:
    page.goto(site_server.url + "bewijs/")
    cells = page.evaluate(CONTRAST_JS)
    shades = {re.search(r"ww-map__cell--(s\d|plain)|ww-map__total", c["cls"])[0]
              for c in cells}
    assert {"ww-map__cell--s0", "ww-map__cell--s1", "ww-map__cell--plain",
            "ww-map__total"} <= shades
    assert len(shades) >= 4
    for cell in cells:
        assert cell["worst"] >= 4.5, cell


@pytest.mark.parametrize("width", [320, 390, 1280])
def test_the_page_never_scrolls_sideways(browser, site_server, width) -> None:
    page, guard = new_page(browser, (site_server.url,), width=width, height=800)
    page.goto(site_server.url + "bewijs/")
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    regions = page.locator("[role=region].ww-map-wrap")
    assert regions.count() == 2
    for i in range(2):
        region = regions.nth(i)
        assert region.get_attribute("aria-label")
        assert region.get_attribute("tabindex") == "0"
    if width < 400:  # the matrix is wider than a phone: it scrolls inside its region
        assert regions.first.evaluate("r => r.scrollWidth > r.clientWidth")
        regions.first.focus()
        page.keyboard.press("ArrowRight")  # the focused region scrolls (smoothly: wait for it)
        page.wait_for_function("r => r.scrollLeft > 0", arg=regions.first.element_handle(),
                               timeout=5000)
    else:
        assert regions.first.evaluate("r => r.scrollWidth <= r.clientWidth")
    page.context.close()
    assert guard.blocked == []


def test_the_map_works_without_javascript_and_on_paper(browser, site_server) -> None:
    # 680 CSS pixels: the width of A4 within the print margins (print.css: 15 mm each side)
    page, _ = new_page(browser, (site_server.url,), width=680, java_script_enabled=False)
    page.goto(site_server.url + "bewijs/")
    assert page.locator("table.ww-map caption").count() == 2
    assert page.locator("table.ww-map tbody td a").count() > 30
    page.emulate_media(media="print")
    assert page.locator(".md-header").is_hidden()
    region = page.locator(".ww-map-wrap").first
    assert region.evaluate("r => getComputedStyle(r).overflowX") == "visible"
    # paper cannot scroll: both matrices fit the width of the page
    assert page.evaluate("document.documentElement.scrollWidth") <= 680
    for width in page.eval_on_selector_all("table.ww-map", "ts => ts.map(t => t.offsetWidth)"):
        assert width <= 680
    cell = page.locator("td.ww-map__cell--s4").first
    assert cell.evaluate("c => getComputedStyle(c).printColorAdjust") == "exact"
    assert page.pdf(format="A4")[:4] == b"%PDF"
    page.context.close()
