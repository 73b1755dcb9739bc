"""The plan of the site: which pages and files the renderer makes, and an entry page's
Markdown, worked out only when asked. The pipeline hands it to the body link check
(generator/check/body_links.py), which so learns what exists without importing the renderer.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from generator.content.catalog import Catalog
from generator.core.paths import entry_of_page
from generator.render.common import Site


@dataclass
class SitePlan:
    catalog: Catalog

    @cached_property
    def paths(self) -> set[str]:
        """Every page and file the renderer makes (rendered only when a link needs it)."""
        from generator.render import render_site

        return set(render_site(self.catalog, Site()))

    def entry_page(self, src: str) -> str | None:
        """The Markdown of the entry page `src` ('interventies/x.md'); None when the catalog
        has no such entry (its file has errors, or there is none)."""
        from generator.render.entries import render_dossier, render_intervention

        entry = entry_of_page(src)
        if entry is None:
            return None
        kind, slug = entry
        if kind == "intervention":
            item = self.catalog.intervention(slug)
            return render_intervention(self.catalog, Site(), item) if item else None
        dossier = self.catalog.dossier(slug)
        return render_dossier(self.catalog, Site(), dossier) if dossier else None
