"""Material's navigation and translations, worked out once per build instead of once per page.

Material draws the whole navigation into every page twice: the tabs and the sidebar (with
`navigation.tabs`). On a site of a thousand entry pages that is about a third of the page
template's time, and for an entry page the result is always the same: entry pages are not in
the navigation, so no item is active and the only thing that changes is where the links are
relative to the page. `cache_navigation(env)` wraps those two partials of the build's Jinja
environment: a page that is not in the navigation (and under which no item is active) gets the
HTML rendered for the first page with the same relative links; any other page renders as
before. The pages are the same to the byte (tests/test_template_cache.py compares them).

The same goes for Material's translations: every `lang.t('…')` (some thirty per page) builds
the language's whole table of texts anew. `cache_translations(env)` keeps one translation
module per language for the build and each text once.

A renderer optimisation only: nothing that protects readers or editors depends on it, and a
renderer without these partials simply gets no cache. WATWERKT_SPEED=0 switches it off with
every other device (tests/test_speed_switch.py builds the site both ways and compares).
"""

from __future__ import annotations

import functools
import posixpath
from collections.abc import Callable, Iterator

# Material's translations: imported with the page's context, but reading only the language.
LANGUAGE_PARTIAL = "partials/language.html"
# The partials Material includes with the page's context that draw only the navigation.
NAVIGATION_PARTIALS = ("partials/nav.html", "partials/tabs.html")


def cache_navigation(env) -> None:
    """Wrap the navigation partials of `env` (a Jinja Environment) with a per-build cache."""
    for name in NAVIGATION_PARTIALS:
        try:
            template = env.get_template(name)
        except Exception:  # noqa: BLE001 - a theme without it: nothing to cache
            continue
        template.root_render_func = _cached(template.root_render_func, env.filters.get("url"))


def _cached(render: Callable, url: Callable | None) -> Callable:
    rendered: dict[tuple, str] = {}

    def root_render_func(context) -> Iterator[str]:
        key = navigation_key(context, url)
        if key is None:
            yield from render(context)
            return
        if key not in rendered:
            rendered[key] = "".join(render(context))
        yield rendered[key]

    return root_render_func


def navigation_key(context, url: Callable | None) -> tuple | None:
    """What the navigation's HTML depends on for this page, or None when it depends on the
    page itself (the page is in the navigation, or an item is active)."""
    page, nav = context.get("page"), context.get("nav")
    if url is None or page is None or nav is None or getattr(page, "url", None) is None:
        return None
    if page in nav.pages or any(getattr(item, "active", False) for item in _items(nav.items)):
        return None
    # Every link in the navigation goes through the `url` filter, relative to the page: pages
    # in the same folder with the same relative links to every navigation page get the same
    # HTML (the folder covers the logo and other theme files).
    links = tuple(url(context, item.url) for item in nav.pages)
    homepage = getattr(nav, "homepage", None)
    return (context.get("base_url"), posixpath.dirname(page.url.rstrip("/")), links,
            url(context, homepage.url) if homepage is not None else None)


def _items(items) -> Iterator:
    for item in items:
        yield item
        yield from _items(getattr(item, "children", None) or [])


def cache_translations(env) -> None:
    """One translation module per language for the build, each text looked up once."""
    try:
        template = env.get_template(LANGUAGE_PARTIAL)
    except Exception:  # noqa: BLE001 - a theme without it: nothing to cache
        return
    make_module = template.make_module
    modules: dict[object, object] = {}

    def cached_make_module(vars=None, shared=False, locals=None):  # noqa: A002 - Jinja's names
        config = (vars or {}).get("config")
        language = env.getattr(env.getattr(config, "theme"), "language") if config else None
        if not isinstance(language, str):
            return make_module(vars, shared, locals)
        if language not in modules:
            module = make_module(vars, shared, locals)
            module.t = functools.lru_cache(maxsize=None)(module.t)
            modules[language] = module
        return modules[language]

    template.make_module = cached_make_module
