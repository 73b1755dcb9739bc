"""Redirect pages for renamed entries: every earlier slug in `aliases:` keeps its old address
working. They are plain HTML files (not pages), so they stay out of the sitemap, the search
index and the navigation; `watwerkt check` has already made sure no alias claims a real page."""

from __future__ import annotations

from generator.content.catalog import Catalog
from generator.core.model import Entry
from generator.core.paths import PAGE_FOLDERS
from generator.render.common import FILE, Site, relative_url, render_template
from generator.render.data import entry_url


def render_aliases(catalog: Catalog, site: Site) -> dict[str, str]:
    pages: dict[str, str] = {}
    for folder, entries in ((PAGE_FOLDERS["intervention"], catalog.interventions),
                            (PAGE_FOLDERS["dossier"], catalog.dossiers)):
        for entry in entries:
            for alias in entry.aliases:
                pages[alias_path(folder, alias, site.url_style)] = redirect_page(
                    site, folder, alias, entry)
    return pages


def alias_path(folder: str, alias: str, style: str) -> str:
    """Where the old address lives: 'interventies/oud/index.html' ('interventies/oud.html'
    in the offline export, whose links end in .html)."""
    return f"{folder}/{alias}.html" if style == FILE else f"{folder}/{alias}/index.html"


def redirect_page(site: Site, folder: str, alias: str, entry: Entry) -> str:
    target = relative_url(f"{folder}/{alias}.md", f"{folder}/{entry.slug}.md", site.url_style)
    canonical = entry_url(site, entry) if site.site_url else target
    return render_template("redirect.html", title=entry.title, target=target,
                           canonical=canonical)
