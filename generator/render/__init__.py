"""Stage 4: Catalog -> {relative path: Markdown text}. Pure: nothing here touches the disk.

Pages are Markdown with a small YAML header for the renderer (title, description, hide) and
HTML made by our own Jinja templates (autoescape on) for the fact cards and lists; the editor's
body follows as Markdown. Any renderer that reads Markdown can publish the result.
"""

from __future__ import annotations

from generator.content.catalog import Catalog
from generator.core.paths import entry_page
from generator.core.work import run_beside
from generator.render.admin import render_editor_files
from generator.render.aliases import render_aliases
from generator.render.beheer import render_beheer
from generator.render.citation import render_citations
from generator.render.common import Site
from generator.render.data_page import render_open_data
from generator.render.entries import render_dossier, render_intervention
from generator.render.evidence import render_evidence
from generator.render.feed import render_feed
from generator.render.finder import render_finder
from generator.render.overviews import render_overviews
from generator.render.print_views import render_print_views
from generator.render.statement import render_statement


def render_entries(catalog: Catalog, site: Site) -> dict[str, str]:
    pages: dict[str, str] = {}
    for item in catalog.interventions:
        pages[entry_page(item)] = render_intervention(catalog, site, item)
    for dossier in catalog.dossiers:
        pages[entry_page(dossier)] = render_dossier(catalog, site, dossier)
    return pages


# Each part of the site is one function Catalog, Site -> {path: text}. Paths ending in .md are
# pages; any other path is a file copied as it is (data, scripts, configuration).
RENDERERS = [render_entries, render_overviews, render_finder, render_print_views,
             render_editor_files]

RENDERERS += [render_open_data, render_feed, render_beheer, render_aliases, render_statement]
RENDERERS += [render_evidence, render_citations]


# Rendering the entry pages is nearly half of the renderers' time and needs nothing the others
# make: on a large site a forked copy renders them meanwhile (generator/speed/two_cores.py). The
# renderer that may log a warning (admin) stays here.
BESIDE = {render_entries}
MIN_ENTRIES_BESIDE = 100  # below this, starting the copy costs more than it saves


def render_site(catalog: Catalog, site: Site) -> dict[str, str]:
    """Every generated file, keyed by its path in the site source ('interventies/x.md')."""
    beside = [r for r in RENDERERS if r in BESIDE]
    here = [r for r in RENDERERS if r not in BESIDE]
    fork = len(catalog.interventions) + len(catalog.dossiers) >= MIN_ENTRIES_BESIDE
    mine, theirs = run_beside(lambda: [r(catalog, site) for r in here],
                              lambda: [r(catalog, site) for r in beside], fork=fork)
    made = dict(zip(here, mine, strict=True)) | dict(zip(beside, theirs, strict=True))
    pages: dict[str, str] = {}
    for renderer in RENDERERS:  # in this order, as a later renderer's file replaces an earlier
        pages.update(made[renderer])
    return dict(sorted(pages.items()))
