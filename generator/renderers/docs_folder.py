"""The generated pages as a plain docs folder, for a renderer that runs no plugins (Zensical).

`render_site` returns {path: text}; here that text goes to disk beside the hand-written pages
of the docs_dir, with:
- links from the site's root path (render.common.RootAbsolute), so that they are right however
  the renderer resolves a relative link in raw HTML;
- an `edit_url` in the header of every page that has a source file (the intervention, dossier
  or hand-written page), from repo_url and edit_uri: the renderer would otherwise point at the
  generated file, which nobody can edit;
- our own HTML blocks as plain HTML in the Markdown (no marker: nothing puts them back);
- the hand-written pages marked for the output guard (generator/postprocess/output_guard.py),
  their header's text escaped.

Written atomically (generator/output/publish.py): a failed run leaves the previous folder as it was.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from generator.content.settings import read_settings
from generator.output.hand_copy import copy_hand_files
from generator.output.publish import AtomicOutput
from generator.pipeline import CheckResult
from generator.postprocess.output_guard import mark_hand_page
from generator.render import render_site
from generator.render.common import Site, site_root_style, source_path
from generator.renderers.site import make_site


@dataclass
class DocsFolder:
    pages: int  # Markdown pages written
    files: int  # every file written, pages included


def site_for_docs(root: Path, settings: dict) -> Site:
    """The renderer's view of the site, from mkdocs.yml's settings, with root-path links."""
    return make_site(root, settings, site_root_style(settings.get("site_url")))


def edit_url(site: Site, path: str | None) -> str | None:
    """The repository's edit page of `path` (as MkDocs joins repo_url and edit_uri)."""
    if not path or not site.repo_url or not site.edit_uri:
        return None
    if "://" in site.edit_uri:
        return site.edit_uri.rstrip("/") + "/" + path
    return f"{site.repo_url.rstrip('/')}/{site.edit_uri.strip('/')}/{path}"


def with_edit_url(text: str, url: str | None) -> str:
    """The page with `edit_url` as the first key of its YAML header (one is added if none)."""
    if url is None:
        return text
    line = f"edit_url: {json.dumps(url)}\n"  # JSON strings are YAML strings
    if text.startswith("---\n"):
        return "---\n" + line + text[4:]
    return "---\n" + line + "---\n\n" + text


def write_docs_folder(root: Path, result: CheckResult, out: Path) -> DocsFolder:
    """Write every generated file and the hand-written pages to `out` (replaced whole)."""
    settings = read_settings(root)
    site = site_for_docs(root, settings)
    docs_dir = root / str(settings.get("docs_dir") or "docs")
    with AtomicOutput(out) as output:
        # Only what the publishing policy lets through (no links, no scripts, inert media).
        for relative in copy_hand_files(root, docs_dir.name, output.temp):
            if relative.endswith(".md"):
                page = output.temp / relative
                url = edit_url(site, f"{docs_dir.name}/{relative}")
                # Marked for the output guard, which cleans it as MkDocs' page guard would.
                text = mark_hand_page(page.read_text(encoding="utf-8"))
                page.write_text(with_edit_url(text, url), encoding="utf-8")
        for path, text in render_site(result.catalog, site).items():
            if path.endswith(".md"):
                text = with_edit_url(text, edit_url(site, source_path(path)))
            target = output.temp / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8", newline="\n")
        files = [p for p in output.temp.rglob("*") if p.is_file()]
        counts = DocsFolder(pages=sum(1 for p in files if p.suffix == ".md"), files=len(files))
        output.commit()
    return counts
