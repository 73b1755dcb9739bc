"""The one Site factory: what every renderer (the MkDocs plugin, `watwerkt render`'s docs
folder, the Zensical experiment) tells the page renderers about the site.

`settings` is mkdocs.yml as a mapping: the renderer's own loaded configuration (MkDocs fills in
defaults such as edit_uri) or generator/content/settings.py's plain reading of it.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from generator.content.audit import load_audit
from generator.content.history import load_history
from generator.content.settings import section
from generator.render.common import RootAbsolute, Site

DEFAULT_SITE_NAME = "Wat Werkt"


def make_site(root: Path, settings: Mapping, url_style: str | RootAbsolute,
              html_marker: str | None = None) -> Site:
    """The Site of the project in `root`: its settings, the last commit date of every content
    file (git) and the last accessibility audit."""
    extra = section(settings, "extra")
    return Site(url_style=url_style, repo_url=settings.get("repo_url"),
                edit_uri=settings.get("edit_uri"), site_url=settings.get("site_url"),
                site_name=settings.get("site_name") or DEFAULT_SITE_NAME,
                data_license=extra.get("open_data_license"),
                data_license_url=extra.get("open_data_license_url"),
                history=load_history(root), html_marker=html_marker, audit=load_audit(root))
