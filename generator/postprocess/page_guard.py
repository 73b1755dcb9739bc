"""The protections for one converted page, whatever renderer converted it.

A renderer turns a page's Markdown into HTML; before the theme wraps it, the page passes here:
the HTML of an intervention or dossier (editors' text) goes through the allow-list sanitizer
(generator/postprocess/sanitize.py), and our own template blocks, kept away from the Markdown
converter,
are put back (generator/postprocess/html_blocks.py), with a warning when the editor's text
swallowed one.
The MkDocs plugin calls `guard_page` for every page it converts; a renderer without plugins
gets the same protections over its output folder (generator/postprocess/output_guard.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from generator.postprocess.html_blocks import HtmlBlocks, swallowed_message
from generator.postprocess.sanitize import removed_message, sanitize_html

# The page kinds (the `kind` in a generated page's header) that carry editors' HTML.
EDITOR_KINDS = frozenset({"intervention", "dossier"})


@dataclass
class GuardedPage:
    html: str
    warnings: list[str] = field(default_factory=list)  # Dutch, one per problem


def guard_page(src_uri: str, html: str, kind: str | None, blocks: HtmlBlocks | None = None,
               source: str | None = None) -> GuardedPage:
    """`html`, the converted page `src_uri` of `kind`, sanitized if editors wrote it and with
    our blocks back in place. `source` names the content file in the warnings."""
    warnings = []
    if kind in EDITOR_KINDS:
        # Our template blocks are still placeholders here: only the editors' part is cleaned.
        cleaned = sanitize_html(html)
        if cleaned.removed:
            warnings.append(removed_message(src_uri, cleaned.removed))
        html = cleaned.html
    if blocks is not None:
        html, missing = blocks.put_back(src_uri, html)
        if missing:
            warnings.append(swallowed_message(source or src_uri, missing))
    return GuardedPage(html, warnings)
