"""The protections for one converted page, whatever renderer converted it.

A renderer turns a page's Markdown into HTML; before the theme wraps it, the page passes here:
the HTML of editors' pages goes through the allow-list sanitizer
(generator/postprocess/sanitize.py), and our own template blocks, kept away from the Markdown
converter,
are put back (generator/postprocess/html_blocks.py), with a warning when the editor's text
swallowed one.

Editors' pages are the interventions and dossiers (by the `kind` in their generated header) and
every hand-written page of the docs_dir (pages/over.md): a pull request changes those just as
easily, and nothing of ours is in them. A hand-written page's own header is the editor's too,
and the theme prints its title and description without escaping them (MkDocs' templates do not
autoescape): its text values are escaped, as generator/render/common.py page_header escapes
ours. Our own generated pages (home, overviews, finder) are not cleaned: they are template HTML
that the sanitizer would damage, and their text is escaped where it is made.

The MkDocs plugin calls `guard_page` for every page it converts; a renderer without plugins
gets the same protections over its output folder (generator/postprocess/output_guard.py).
"""

from __future__ import annotations

import html as htmlmod
from dataclasses import dataclass, field

from generator.postprocess.html_blocks import HtmlBlocks, swallowed_message
from generator.postprocess.sanitize import removed_message, sanitize_html

# The page kinds (the `kind` in a generated page's header) that carry editors' HTML.
EDITOR_KINDS = frozenset({"intervention", "dossier"})


@dataclass
class GuardedPage:
    html: str
    warnings: list[str] = field(default_factory=list)  # Dutch, one per problem


def is_editors_page(kind: str | None, hand_written: bool) -> bool:
    """Is the converted HTML of this page the editors' (and so cleaned)? Every hand-written
    page is, whatever its header says; of the generated pages only the entries are."""
    return hand_written or kind in EDITOR_KINDS


def guard_page(src_uri: str, html: str, kind: str | None, blocks: HtmlBlocks | None = None,
               source: str | None = None, hand_written: bool = False,
               header: dict | None = None, title: str | None = None) -> GuardedPage:
    """`html`, the converted page `src_uri` of `kind`, sanitized if editors wrote it and with
    our blocks back in place. `source` names the content file in the warnings. A hand-written
    page's `header` (the page's metadata, as the theme reads it) is escaped in place; `title` is
    the title the renderer found for it otherwise (see `escape_header`)."""
    warnings = []
    if hand_written and header is not None:
        escape_header(header, title)
    if is_editors_page(kind, hand_written):
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


def escape_header(header: dict, title: str | None = None) -> None:
    """Every text value in a page's header (in nested lists and mappings too) HTML-escaped,
    in place: the theme prints them as they are. Plain text does not change.

    A page without a title in its header gets `title`, the one the renderer found (MkDocs: the
    text of the first heading, or the file name), made safe: Material prints it unescaped, in
    <title> even after `striptags`, which decodes '&lt;' back into '<'. The heading's text is
    HTML already (its '&' are entities), a file name may hold '<' and '"': both are written
    as text that shows the same and cannot open a tag."""
    for key, value in list(header.items()):
        header[key] = _escaped(value)
    if "title" not in header and title:
        header["title"] = title.replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def _escaped(value: object) -> object:
    if isinstance(value, str):
        return htmlmod.escape(value, quote=True)
    if isinstance(value, list):
        return [_escaped(item) for item in value]
    if isinstance(value, dict):
        return {key: _escaped(item) for key, item in value.items()}
    return value
