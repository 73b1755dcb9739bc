"""The 404 page as a web server shows it, for an address deep inside the site: Dutch, styled
(its links are root-absolute, so they work at any depth), with a search box and the overviews.
The offline export's 404 page, opened from file://, is in test_offline.py."""

from __future__ import annotations

import functools
import http.server
import threading

import pytest

from tests.browser.conftest import new_page

pytestmark = pytest.mark.browser


class _NotFoundHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the site and, as GitHub Pages does, its 404.html for an unknown address."""

    def log_message(self, *args) -> None:
        pass

    def send_error(self, code, message=None, explain=None) -> None:
        page = self.directory + "/404.html"
        if code != 404:
            return super().send_error(code, message, explain)
        with open(page, "rb") as handle:
            body = handle.read()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="module")
def not_found_url(built_site):
    handler = functools.partial(_NotFoundHandler, directory=str(built_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}/"
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize("width", [1280, 320])
def test_unknown_address_deep_in_the_site_gets_the_dutch_404_page(browser, not_found_url,
                                                                  width):
    page, guard = new_page(browser, (not_found_url,), width=width)
    try:
        response = page.goto(not_found_url + "interventies/bestaat/niet/")
        assert response.status == 404
        assert page.title() == "Pagina niet gevonden - Wat Werkt"
        assert page.locator("h1").inner_text() == "Pagina niet gevonden"
        assert page.locator(".md-header").evaluate(
            "e => getComputedStyle(e).position") == "sticky"
        links = page.locator("article li a")
        assert links.all_inner_texts() == ["Home", "Alle interventies", "Alle dossiers",
                                           "Thema's", "Doelgroepen", "Erkenningsniveaus"]
        links.nth(5).click()
        page.wait_for_load_state("load")
        assert page.url == not_found_url + "erkenning/"
        page.go_back()
        page.fill("#ww-404-search", "Kwartiermaken")
        page.locator(".ww-search button").click()
        page.wait_for_selector(".md-search-result__item", timeout=10_000)
        assert "Kwartiermaken" in page.locator(".md-search-result__item h1").all_inner_texts()
    finally:
        page.context.close()
    assert guard.blocked == [], f"requests left the machine: {guard.blocked}"
