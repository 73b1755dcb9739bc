"""Search on demand (issue 18), ready before the first keystroke (issue 25): a first visit loads
the small primary index once the page is idle, and our worker reads it without any keystroke;
the full index (every section) waits for the reader's first turn to search. In Chromium against
the built shipped site (theme/assets/javascripts/search-lazy.js)."""

from __future__ import annotations

import pytest

from tests.browser.conftest import body_only_word, new_page, search_titles, search_until_found

pytestmark = pytest.mark.browser

PAGE = "interventies/schuldhulpmaatje/"


@pytest.fixture
def tab(browser, site_server):
    """A desktop page that records the URL of every request."""
    page, guard = new_page(browser, (site_server.url,))
    page.requested = []
    page.on("request", lambda request: page.requested.append(request.url))
    yield page
    page.context.close()
    assert guard.blocked == [], f"requests left the machine: {guard.blocked}"


def settle(tab) -> None:
    tab.wait_for_load_state("networkidle")
    tab.wait_for_timeout(300)


def ready(tab) -> str:
    """What our search worker has read: '' (nothing yet), 'primary' or 'full'."""
    return tab.evaluate("document.documentElement.dataset.wwSearch || ''")


def test_an_idle_page_has_its_primary_index_ready_before_any_keystroke(tab, site_server):
    tab.goto(site_server.url + PAGE)
    settle(tab)
    tab.mouse.wheel(0, 800)  # reading and scrolling is no turn to search
    tab.locator("article a[href='#aanpak']").first.focus()
    tab.wait_for_function("document.documentElement.dataset.wwSearch === 'primary'",
                          timeout=10_000)
    settle(tab)
    # The primary index and the worker came while the page was idle; the full one did not.
    assert any(url.endswith("search/search_index.json") for url in tab.requested)
    assert any(url.endswith("/workers/ww-search.js") for url in tab.requested)
    assert not any("search_index_full" in url for url in tab.requested)
    assert ready(tab) == "primary"
    asked = len(tab.requested)
    # The first keystrokes are answered by the worker that is ready: nothing more to load
    # before the first result; then the full index comes.
    with tab.expect_request(lambda r: "search_index_full" in r.url):
        tab.locator("input.md-search__input").click()
        tab.keyboard.type("Schuldhulpmaatje")
        tab.wait_for_selector(".md-search-result__item", timeout=10_000)
    assert not any(url.endswith("search/search_index.json") for url in tab.requested[asked:])
    assert search_titles(tab, "Schuldhulpmaatje")[0] == "Schuldhulpmaatje"


@pytest.mark.parametrize("how", ["shortcut", "header button on a phone", "shared address"])
def test_each_way_into_search_loads_the_index(browser, site_server, how):
    width = 390 if how == "header button on a phone" else 1280
    page, guard = new_page(browser, (site_server.url,), width=width)
    try:
        if how == "shared address":  # Material's search.share: ?q=
            with page.expect_request(lambda r: r.url.endswith("search/search_index.json")):
                page.goto(site_server.url + PAGE + "?q=Kwartiermaken")
            page.wait_for_selector(".md-search-result__item", timeout=10_000)
            assert "Kwartiermaken" in page.locator(".md-search-result__item h1").all_inner_texts()
            return
        page.goto(site_server.url + PAGE)
        settle(page)
        # The primary index came while the page was idle; the turn to search brings the full.
        with page.expect_request(lambda r: r.url.endswith("search/search_index_full.json")):
            if how == "shortcut":
                page.keyboard.press("/")
            else:
                page.locator("label.md-header__button[for='__search']").click()
        assert page.is_checked("#__search")
    finally:
        page.context.close()
    assert guard.blocked == []


def test_primary_index_answers_while_the_full_one_is_on_its_way(tab, site_server, built_site):
    word, title = body_only_word(built_site)
    held = []
    tab.route("**/search/search_index_full.json", lambda route: held.append(route))
    tab.goto(site_server.url + PAGE)
    assert search_titles(tab, "Dorpsondersteuner")[0] == "Dorpsondersteuner"  # titles first
    # The second worker asks for the full index once the primary one is ready: a moment after
    # the first results, which the primary index gives at once.
    for _ in range(100):
        if held:
            break
        tab.wait_for_timeout(100)
    assert held, "the full index was not asked for once the primary one was ready"
    box = tab.locator("input.md-search__input")
    box.fill("")
    box.press_sequentially(word)
    tab.wait_for_timeout(1000)
    assert title not in tab.locator(".md-search-result__item h1").all_inner_texts()
    for route in held:
        route.continue_()
    # The full index comes in and the same query is answered again, without typing.
    tab.wait_for_function(
        "title => [...document.querySelectorAll('.md-search-result__item h1')]"
        ".some(h => h.textContent.trim() === title)", arg=title, timeout=20_000)


def test_a_word_from_a_section_body_finds_its_section(tab, site_server, built_site):
    word, title = body_only_word(built_site)
    tab.goto(site_server.url + PAGE)
    titles = search_titles(tab, "Dorpsondersteuner")  # the primary index is set up
    assert titles
    assert title in search_until_found(tab, word, title)
    # the hit names the section (a link with #anchor) that holds the word
    links = tab.locator(".md-search-result__item a").evaluate_all(
        "els => els.map(a => a.getAttribute('href'))")
    assert any("#" in link for link in links), links
