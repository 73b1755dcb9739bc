"""The printable one-page view of each dossier: its summary and the summaries of its
interventions, with their recognition, target groups and contact, and the online address.

The page lives at dossiers/<slug>/print/ (print/index.html in the offline export). Being an
index page, it gets no edit link: it has no source file of its own.
"""

from __future__ import annotations

from generator.content.catalog import Catalog
from generator.core.model import Dossier, Intervention
from generator.core.paths import entry_page
from generator.render.common import (
    Site,
    badge,
    html_block,
    page_header,
    relative_url,
    render_template,
)


def print_view_src(slug: str) -> str:
    """Source path of a dossier's print view, for links to it."""
    return f"dossiers/{slug}/print/index.md"


def render_print_views(catalog: Catalog, site: Site) -> dict[str, str]:
    """One print view per dossier."""
    return {print_view_src(d.slug): render_print_view(catalog, site, d)
            for d in catalog.dossiers}


def render_print_view(catalog: Catalog, site: Site, dossier: Dossier) -> str:
    src = print_view_src(dossier.slug)
    items = [item for slug in dossier.interventions
             if (item := catalog.intervention(slug)) is not None]
    body = render_template(
        "print_dossier.html", dossier=dossier, build_date=catalog.build_date,
        dossier_url=relative_url(src, entry_page(dossier), site.url_style),
        online_url=online_url(site, f"dossiers/{dossier.slug}/"),
        themes=[catalog.vocab.label("themes", t) for t in dossier.themes],
        items=[_item(catalog, site, src, item) for item in items])
    header = page_header(f"{dossier.title} (printversie)", dossier.summary,
                         hide=("navigation", "toc"), kind="dossier-print", slug=dossier.slug,
                         # the dossier itself is the search result, not its print copy
                         search={"exclude": True})
    return header + html_block(site, body)


def online_url(site: Site, path: str) -> str:
    """The address on the website ('' when the site has no site_url): paper needs it whole."""
    return (site.site_url.rstrip("/") + "/" + path) if site.site_url else ""


def _item(catalog: Catalog, site: Site, src: str, item: Intervention) -> dict:
    owner = item.owner
    return {"title": item.title, "summary": item.summary, "withdrawn": item.withdrawn,
            "url": relative_url(src, entry_page(item), site.url_style),
            "online": online_url(site, f"interventies/{item.slug}/"),
            "badge": badge(catalog, item),
            "target_groups": [catalog.vocab.label("target_groups", t)
                              for t in item.target_groups],
            "owner": owner.organisation if owner else "",
            "contact": [c for c in ((owner.website, owner.email) if owner else ()) if c]}
