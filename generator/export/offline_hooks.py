"""MkDocs hooks for the offline export only (export_offline.offline_overrides names this file).

The export builds with file URLs (`page.html`), which the online site does not have: a page's
canonical link names its online address instead (site_url plus the directory URL). MkDocs gives
the 404 page root-absolute links (`/assets/…`) so that a web server can show it at any depth;
from file:// those point at the root of the disk, so the export's 404 page links relatively,
like the other pages at the top of the folder. Our stand-in for Material's iframe worker is
added here as a generated file: the export's docs_dir holds only the editors' files that the
publishing policy lets through, and a script is not one of them.
"""

from __future__ import annotations

import posixpath
from pathlib import Path

SHIM_SOURCE = Path(__file__).resolve().parents[1] / "assets" / "file-worker.js"
# The URL must contain "iframe-worker": that is how Material's offline plugin sees that a
# stand-in for workers is already there and does not add its CDN copy.
SHIM_DIR = "assets/javascripts/iframe-worker"
SHIM_NAME = "shim.js"

# Its page events change only the page and template context in hand (on_files runs once,
# before the page loops): the page loops may fork
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


def on_files(files, config):
    from mkdocs.structure.files import File

    files.append(File.generated(config, f"{SHIM_DIR}/{SHIM_NAME}",
                                abs_src_path=str(SHIM_SOURCE)))
    return files
