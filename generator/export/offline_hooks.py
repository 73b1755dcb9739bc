"""MkDocs hooks for the offline export only (export_offline.offline_overrides names this file).

The export builds with file URLs (`page.html`), which the online site does not have: a page's
canonical link names its online address instead (site_url plus the directory URL). MkDocs gives
the 404 page root-absolute links (`/assets/…`) so that a web server can show it at any depth;
from file:// those point at the root of the disk, so the export's 404 page links relatively,
like the other pages at the top of the folder.
"""

from __future__ import annotations

import posixpath

# Its events change only the page and template context in hand: the page loops may fork
# (generator/speed/parallel_pages.py).
parallel_pages_safe = True


def online_url(site_url: str | None, file_url: str) -> str | None:
    """The online address of a page built as `file_url` (e.g. 'themas/wonen.html'), or None
    without a site_url."""
    if not site_url:
        return None
    directory, name = posixpath.split(file_url)
    if name == "index.html":
        path = f"{directory}/" if directory else ""
    elif name.endswith(".html"):
        path = f"{posixpath.join(directory, name[:-len('.html')])}/"
    else:
        path = file_url
    return site_url.rstrip("/") + "/" + path


def on_page_context(context, page, config, nav):
    page.canonical_url = online_url(config.site_url, page.url)
    return context


def on_template_context(context, template_name, config):
    if template_name == "404.html":
        context["base_url"] = "."
    return context
