"""In Chromium, an old address of a renamed entry lands on its new page: with and without
JavaScript on the website, and from file:// in the offline export."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_aliases import TITLE, renamed_sites

from browser.conftest import SiteServer, new_page

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def sites() -> dict[str, Path]:
    return renamed_sites()


@pytest.fixture(scope="module")
def server(sites):
    server = SiteServer(sites["directory"])
    yield server
    server.close()


@pytest.mark.parametrize("scripts", [True, False], ids=["met-javascript", "zonder-javascript"])
def test_following_an_old_link_lands_on_the_new_page(browser, server, scripts) -> None:
    page, guard = new_page(browser, (server.url,), java_script_enabled=scripts)
    page.goto(server.url + "interventies/oude-naam/#aanpak")
    page.wait_for_url(server.url + "interventies/nieuwe-naam/**")
    assert page.locator("h1").first.inner_text() == TITLE
    if scripts:  # the script keeps the section the old link pointed at
        assert page.url.endswith("/interventies/nieuwe-naam/#aanpak")
    page.goto(server.url + "dossiers/eenzaamheid-oud/")
    page.wait_for_url(server.url + "dossiers/eenzaamheid/")
    page.context.close()
    assert guard.blocked == []


def test_old_link_in_the_offline_export_from_file(browser, sites) -> None:
    page, guard = new_page(browser, ("file://",))
    page.goto((sites["file"] / "interventies/oude-naam.html").as_uri())
    page.wait_for_url("**/interventies/nieuwe-naam.html")
    assert page.locator("h1").first.inner_text() == TITLE
    page.context.close()
    assert guard.blocked == []
