"""The interventie-zoeker on /interventies/ in Chromium (issue 4).

Every expectation is computed from the catalog (the frontmatter as the check reads it) by a
small reference implementation in Python, never from hard-coded numbers.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect

from generator.content.catalog import EXPIRED, NOT_ASSESSED, Catalog
from generator.core.model import Intervention
from tests.browser.conftest import REPO, new_page, shown_texts

pytestmark = pytest.mark.browser

FACET_KEYS = ("thema", "doelgroep", "niveau", "uitvoerder", "status")
VISIBLE_JS = """() => [...document.querySelectorAll('[data-intervention]')]
  .filter(e => !e.hidden && e.checkVisibility()).map(e => e.dataset.intervention)"""
HIDDEN_JS = """() => [...document.querySelectorAll('[data-intervention]')]
  .filter(e => e.hidden).map(e => e.dataset.intervention)"""
COUNTS_JS = """() => [...document.querySelectorAll('.ww-facet input')].map(b =>
  [b.name, b.value, b.labels[0].querySelector('.ww-facet__count').textContent])"""


# ---------- the reference: what the finder must show, from the frontmatter ----------

def fold(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text)
                   if not unicodedata.combining(c)).lower()


def facet_values(catalog: Catalog, item: Intervention) -> dict[str, set[str]]:
    return {"thema": set(item.themes),
            "doelgroep": set(item.target_groups) | set(item.intermediate_target_groups),
            "niveau": {catalog.level_key(item)}, "uitvoerder": set(item.delivered_by),
            "status": {item.status}}


def expected(catalog: Catalog, state: dict[str, list[str]], q: str = "") -> list[str]:
    """Slugs in list order: OR within a facet, AND across facets, active only unless a
    status is chosen, every word of q in the title or summary."""
    chosen = {k: set(v) for k, v in state.items() if v}
    chosen.setdefault("status", {"actief"})
    words = fold(q).split()
    result = []
    for item in catalog.interventions:
        values = facet_values(catalog, item)
        text = fold(f"{item.title} {item.summary}")
        if all(values[k] & v for k, v in chosen.items()) and all(w in text for w in words):
            result.append(item.slug)
    return result


def query(state: dict[str, list[str]]) -> str:
    return "&".join(f"{k}={v}" for k, values in state.items() for v in values)


# ---------- helpers ----------

def open_finder(page, base: str, search: str = "") -> None:
    # The finder runs before DOMContentLoaded: no need to wait for images or the search index.
    page.goto(f"{base}interventies/{'?' + search if search else ''}",
              wait_until="domcontentloaded")
    page.wait_for_selector("#ww-finder:not([hidden])")


def visible(page) -> list[str]:
    return page.evaluate(VISIBLE_JS)


def assert_shows(page, catalog: Catalog, slugs: list[str]) -> None:
    """Exactly these cards are visible, in this order; all the others carry `hidden`."""
    assert visible(page) == slugs
    everyone = {i.slug for i in catalog.interventions}
    assert set(page.evaluate(HIDDEN_JS)) == everyone - set(slugs)
    noun = "interventie" if len(slugs) == 1 else "interventies"
    text = f"{len(slugs)} {noun} gevonden" if slugs else "Geen interventies gevonden"
    assert page.inner_text("#ww-finder-count") == text


def url_state(url: str) -> dict[str, list[str]]:
    return parse_qs(urlsplit(url).query)


def wait_for_state(page, state: dict[str, list[str]]) -> None:
    """The finder writes the URL a moment after the last change; wait for it."""
    page.wait_for_url(lambda url: url_state(url) == state, timeout=5000)


# ---------- tests ----------

def test_data_script_has_every_intervention_with_its_level_key(built_site, catalog):
    text = (built_site / "interventies" / "finder-data.js").read_text(encoding="utf-8")
    data = json.loads(re.search(r"window\.WATWERKT_FINDER = (.*);\s*$", text, re.S)[1])
    assert [f["key"] for f in data["facets"]] == list(FACET_KEYS)
    records = {r["slug"]: r for r in data["items"]}
    assert list(records) == [i.slug for i in catalog.interventions]
    for item in catalog.interventions:
        assert records[item.slug]["niveau"] == catalog.level_key(item)
    assert records["amaryllis-integrale-aanpak"]["niveau"] == EXPIRED


def test_a_theme_link_shows_exactly_the_matching_active_interventions(page, site_server,
                                                                      catalog):
    for term in catalog.vocab.terms("themes"):
        open_finder(page, site_server.url, f"thema={term.id}")
        assert_shows(page, catalog, expected(catalog, {"thema": [term.id]}))
        assert page.is_checked(f"#ww-f-thema-{term.id}")


def test_two_facets_narrow_and_two_values_of_one_facet_widen(page, site_server, catalog):
    theme = {"thema": ["wijkontwikkeling"]}
    both = {"thema": ["wijkontwikkeling"], "doelgroep": ["ouderen"]}
    narrowed = expected(catalog, both)
    assert 0 < len(narrowed) < len(expected(catalog, theme))  # the case really narrows
    open_finder(page, site_server.url, query(both))
    assert_shows(page, catalog, narrowed)
    either = {"thema": ["eenzaamheid", "activering"]}
    widened = expected(catalog, either)
    assert len(widened) > max(len(expected(catalog, {"thema": [t]})) for t in either["thema"])
    open_finder(page, site_server.url, query(either))
    assert_shows(page, catalog, widened)


@pytest.mark.parametrize("state", [
    {},
    {"thema": ["wijkontwikkeling"]},
    {"thema": ["hulpverlening"], "niveau": [NOT_ASSESSED, EXPIRED]},
    {"doelgroep": ["gezinnen", "ouderen"], "uitvoerder": ["professional"]},
    {"status": ["ingetrokken"]},
])
def test_counts_next_to_every_value_are_what_choosing_it_would_give(page, site_server, catalog,
                                                                    state):
    open_finder(page, site_server.url, query(state))
    shown = {(name, value): int(count.strip("()"))
             for name, value, count in page.evaluate(COUNTS_JS)}
    assert {name for name, _ in shown} == set(FACET_KEYS)
    for (key, value), count in shown.items():
        # A value's count: the results if it were the facet's only choice, others unchanged.
        assert count == len(expected(catalog, {**state, key: [value]})), (key, value)


def test_special_levels_and_status(page, site_server, catalog):
    for level in (EXPIRED, NOT_ASSESSED, "goed-beschreven"):
        open_finder(page, site_server.url, f"niveau={level}")
        assert_shows(page, catalog, expected(catalog, {"niveau": [level]}))
    assert expected(catalog, {"niveau": [EXPIRED]}) == ["amaryllis-integrale-aanpak"]
    withdrawn = [i.slug for i in catalog.interventions if i.withdrawn]
    assert withdrawn and not set(withdrawn) & set(expected(catalog, {}))
    open_finder(page, site_server.url)
    assert_shows(page, catalog, expected(catalog, {}))
    open_finder(page, site_server.url, "status=ingetrokken")
    assert_shows(page, catalog, withdrawn)
    open_finder(page, site_server.url, "status=actief&status=ingetrokken")
    assert_shows(page, catalog, [i.slug for i in catalog.interventions])


def test_text_filter_ignores_case_and_accents(page, site_server, catalog):
    """Every card whose title or summary holds every word as written (case and accents
    aside) is shown, and first (the text box also finds word forms, compounds and the
    vocabularies' words, and orders by relevance: tests/browser/test_search_relevance.py)."""
    for q in ("schulden", "EEN TEGEN", "vrijwilliger buren"):
        open_finder(page, site_server.url, "q=" + q.replace(" ", "+"))
        literal = expected(catalog, {}, q)
        shown = visible(page)
        assert set(literal) <= set(shown)
        assert not literal or shown[0] in literal
        assert page.input_value("#ww-finder-q") == q
        assert not page.is_checked("[data-md-toggle=search]")  # Material's search stays shut
        if q == "vrijwilliger buren":  # "vrijwillige bemiddelaars helpen buren": a word form
            assert literal == [] and shown[0] == "buurtbemiddeling"
    assert "een-tegen-eenzaamheid" in expected(catalog, {}, "EEN TEGEN")


def test_sorting_by_level_and_by_last_review(page, site_server, catalog):
    active = [i for i in catalog.interventions if not i.withdrawn]
    ranks = {lv: n for n, lv in enumerate(catalog.vocab.ids("recognition_levels"), start=2)}
    ranks.update({EXPIRED: 1, NOT_ASSESSED: 0})
    by_level = sorted(active, key=lambda i: -ranks[catalog.level_key(i)])
    open_finder(page, site_server.url, "sort=niveau")
    assert visible(page) == [i.slug for i in by_level]
    by_review = sorted(active, key=lambda i: i.last_reviewed, reverse=True)
    page.select_option("#ww-finder-sort", "gecontroleerd")
    assert visible(page) == [i.slug for i in by_review]
    wait_for_state(page, {"sort": ["gecontroleerd"]})


def test_choices_go_into_the_url_and_back_forward_restore_them(page, site_server, catalog):
    open_finder(page, site_server.url)
    page.check("#ww-f-thema-eenzaamheid")
    wait_for_state(page, {"thema": ["eenzaamheid"]})
    page.check("#ww-f-doelgroep-ouderen")
    both = {"thema": ["eenzaamheid"], "doelgroep": ["ouderen"]}
    wait_for_state(page, both)
    assert_shows(page, catalog, expected(catalog, both))
    ouderen = page.locator("#ww-f-doelgroep-ouderen")
    page.go_back()
    expect(ouderen).not_to_be_checked()   # waits for the popstate handler
    assert url_state(page.url) == {"thema": ["eenzaamheid"]}
    assert_shows(page, catalog, expected(catalog, {"thema": ["eenzaamheid"]}))
    page.go_back()
    expect(page.locator("#ww-f-thema-eenzaamheid")).not_to_be_checked()
    assert_shows(page, catalog, expected(catalog, {}))
    page.go_forward()
    page.go_forward()
    expect(ouderen).to_be_checked()
    assert_shows(page, catalog, expected(catalog, both))


def test_long_result_lists_come_in_batches(page, site_server, catalog):
    """The data sets how many cards are drawn at once (50); with 5 the shipped content needs
    'Toon meer', which draws the next batch and moves the focus to its first card."""
    def small_batches(route):
        body = route.fetch().text().replace('"page_size":50', '"page_size":5')
        route.fulfill(body=body, content_type="text/javascript")

    page.route("**/finder-data.js", small_batches)
    everything = expected(catalog, {})
    assert len(everything) > 10
    open_finder(page, site_server.url)
    assert visible(page) == everything[:5]
    assert page.inner_text("#ww-finder-count") == f"{len(everything)} interventies gevonden"
    more = page.locator(".ww-finder__more")
    assert more.inner_text() == f"Toon er meer (nog {len(everything) - 5} niet getoond)"
    more.click()
    assert visible(page) == everything[:10]
    first_new = catalog.intervention(everything[5]).title
    assert page.evaluate("document.activeElement.textContent") == first_new
    page.select_option("#ww-finder-sort", "gecontroleerd")  # a new choice starts again at 5
    newest = sorted(everything, key=lambda s: catalog.intervention(s).last_reviewed, reverse=True)
    assert visible(page) == newest[:5]
    while more.is_visible():
        more.click()
    assert visible(page) == newest


def test_keyboard_and_labels(page, site_server, catalog):
    open_finder(page, site_server.url)
    assert page.get_attribute("#ww-finder-count", "aria-live") == "polite"
    unlabelled = page.evaluate("""() => [...document.querySelectorAll(
        '#ww-finder input, #ww-finder select, .ww-finder-results input, .ww-finder-results select')]
        .filter(e => !e.labels || !e.labels.length || !e.labels[0].textContent.trim())
        .map(e => e.id)""")
    assert unlabelled == []
    page.focus("#ww-f-thema-activering")
    page.keyboard.press("Space")
    assert_shows(page, catalog, expected(catalog, {"thema": ["activering"]}))
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"  # focus is visible
    page.click(".ww-finder__clear")
    assert_shows(page, catalog, expected(catalog, {}))


def test_phone_layout_folds_the_filters_behind_a_button(browser, site_server, catalog):
    page, guard = new_page(browser, (site_server.url,), width=390, height=844)
    try:
        open_finder(page, site_server.url)
        toggle = page.locator(".ww-finder__toggle")
        assert toggle.is_visible() and toggle.get_attribute("aria-expanded") == "false"
        assert not page.is_visible("#ww-f-thema-eenzaamheid")
        toggle.click()
        assert toggle.get_attribute("aria-expanded") == "true"
        page.check("#ww-f-thema-eenzaamheid")
        count = len(expected(catalog, {"thema": ["eenzaamheid"]}))
        apply = page.locator(".ww-finder__apply")
        assert apply.inner_text() == f"Toon {count} interventies"
        apply.click()
        assert not page.is_visible("#ww-f-thema-eenzaamheid")
        assert page.evaluate("document.activeElement.id") == "ww-finder-count"
        assert toggle.inner_text() == "Filters (1 gekozen)"
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 390  # nothing sticks out sideways
    finally:
        page.context.close()
    assert guard.blocked == []


def test_without_javascript_the_page_lists_everything(browser, site_server, catalog):
    page, guard = new_page(browser, (site_server.url,), java_script_enabled=False)
    try:
        page.goto(site_server.url + "interventies/?thema=eenzaamheid")
        listed = page.eval_on_selector_all(
            "[data-intervention]", "els => els.map(e => e.dataset.intervention)")
        assert listed == [i.slug for i in catalog.interventions]  # withdrawn ones last
        assert page.locator("[data-intervention]:visible").count() == len(listed)
        for item in catalog.interventions:
            card = page.locator(f'[data-intervention="{item.slug}"]')
            assert ("ingetrokken" in card.text_content()) == item.withdrawn
        assert not page.is_visible("#ww-finder")
    finally:
        page.context.close()
    assert guard.blocked == []


def test_overview_pages_link_into_the_finder(page, site_server):
    """Theme, target-group and level pages link to the finder with their filter set, and the
    finder then shows the same active interventions as the page."""
    cases = [("themas/vrijwillige-inzet/", "thema"), ("doelgroepen/professionals/", "doelgroep"),
             ("doelgroepen/ouderen/", "doelgroep"), (f"erkenning/{EXPIRED}/", "niveau"),
             ("erkenning/goed-onderbouwd/", "niveau")]
    for path, key in cases:
        page.goto(site_server.url + path)
        on_page = page.eval_on_selector_all("article .ww-card:not(.ww-card--withdrawn)",
                                            "els => els.map(e => e.dataset.intervention)")
        page.click(".ww-finder-link a")
        page.wait_for_selector("#ww-finder:not([hidden])")
        assert list(url_state(page.url)) == [key]
        assert visible(page) == on_page, path


@pytest.fixture(scope="module")
def file_site(tmp_path_factory) -> Path:
    """The site as the offline export builds it: links ending in .html, opened from file://."""
    from generator.renderers.mkdocs.run import build_site

    out = tmp_path_factory.mktemp("file-site") / "site"
    outcome = build_site(REPO, out, dt.date(2026, 11, 22), use_directory_urls=False)
    assert outcome.ok, outcome.failure
    return out


def test_finder_and_compare_work_from_file_urls(browser, file_site, catalog):
    page, guard = new_page(browser, ("file://",))
    try:
        base = (file_site / "interventies" / "index.html").as_uri()
        page.goto(base + "?thema=eenzaamheid")
        page.wait_for_selector("#ww-finder:not([hidden])")
        assert_shows(page, catalog, expected(catalog, {"thema": ["eenzaamheid"]}))
        page.check("#ww-f-doelgroep-ouderen")
        wait_for_state(page, {"thema": ["eenzaamheid"], "doelgroep": ["ouderen"]})
        picks = expected(catalog, {"thema": ["eenzaamheid"]})[:2]
        for slug in picks:
            page.check(f"#ww-vergelijk-{slug}")
        page.click(".ww-compare-bar__go")
        page.wait_for_selector(".ww-compare-table")
        assert page.url.startswith((file_site / "vergelijk" / "index.html").as_uri() + "?")
        titles = shown_texts(page.locator(".ww-compare-table thead th a"))
        titles = [t.replace("\u00ad", "") for t in titles]  # soft hyphens for narrow columns
        assert titles == [catalog.intervention(s).title for s in picks]
        page.locator(".ww-compare-table thead th a").first.click()
        page.wait_for_url((file_site / "interventies" / f"{picks[0]}.html").as_uri())
    finally:
        page.context.close()
    assert guard.blocked == []
