"""Material's navigation and translations worked out once per build
(generator/speed/template_cache.py):
the site is the same to the byte as without the caches, and the navigation is shared only
between pages for which it cannot differ."""

from __future__ import annotations

from types import SimpleNamespace

from generator.renderers.mkdocs import runtime
from generator.speed.template_cache import navigation_key


# navigation_key, with the navigation as MkDocs gives it to the template: pages with a url and
# an `active` flag, and the `url` filter, which makes a link relative to the page.
def page(url: str, active: bool = False):
    return SimpleNamespace(url=url, active=active, children=None)


def navigation(*pages):
    return SimpleNamespace(pages=list(pages), items=list(pages), homepage=pages[0])


def url(context, target: str) -> str:
    runtime.activate()  # under ProperDocs, `mkdocs` names its modules from here on
    from mkdocs.utils import get_relative_url

    return get_relative_url(target, context["page"].url)


NAV = navigation(page(""), page("dossiers/"), page("interventies/"), page("over/"))


def key(current, nav=NAV):
    return navigation_key({"page": current, "nav": nav, "base_url": "../.."}, url)


def test_entry_pages_in_one_folder_share_their_navigation():
    first, second = key(page("interventies/buurtbemiddeling/")), key(page("interventies/x/"))
    assert first is not None and first == second


def test_pages_elsewhere_get_their_own_navigation():
    entry = key(page("interventies/buurtbemiddeling/"))
    assert key(page("themas/eenzaamheid/")) != entry
    assert key(page("themas/")) != entry


def test_a_page_in_the_navigation_renders_its_own():
    assert key(NAV.pages[1]) is None


def test_an_active_item_means_the_page_renders_its_own():
    section = page("interventies/", active=True)
    nav = navigation(page(""), section)
    assert key(page("interventies/x/"), nav) is None


def test_a_page_without_a_url_renders_its_own():
    assert key(page(None)) is None
