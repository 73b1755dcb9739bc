"""The page guard over a finished output folder, for a renderer that runs no plugins (Zensical).

With MkDocs the plugin hands every converted page to generator/postprocess/page_guard.py before the
theme
wraps it. A renderer without plugins gives us only its output folder; then the editors' part of
every intervention and dossier page is cleaned here, in place, by the same allow-list sanitizer:
the page's content from our own entry block (`<div class="ww-entry`, the first thing our
templates put on the page) to the end of the theme's <article>. The theme's own buttons before
it (edit link, skip anchor) are not the editors' and stay as they are.

A page whose entry block is missing gets a warning: the editor's text swallowed our template,
or the renderer lost it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from generator.postprocess.sanitize import removed_message, sanitize_html
from generator.render.common import DIRECTORY, page_url, source_path

ENTRY_START = '<div class="ww-entry'
ARTICLE_END = "</article>"


@dataclass
class OutputGuard:
    pages: int = 0  # entry pages cleaned
    warnings: list[str] = field(default_factory=list)  # Dutch


def entry_outputs(docs_pages: list[str]) -> dict[str, str]:
    """{output HTML path: content file} for the intervention and dossier pages among the docs
    folder's pages ('interventies/x.md' -> 'interventies/x/index.html')."""
    found = {}
    for src in docs_pages:
        source = source_path(src)
        if source is not None:
            found[page_url(src, DIRECTORY) + "index.html"] = source
    return found


def guard_output(site_dir: Path, entries: dict[str, str]) -> OutputGuard:
    """Sanitize the editors' part of every entry page in `site_dir` (rewritten in place)."""
    outcome = OutputGuard()
    for name, source in sorted(entries.items()):
        path = site_dir / name
        if not path.is_file():
            outcome.warnings.append(f"De pagina van '{source}' ontbreekt in de gebouwde site "
                                    f"({name}).")
            continue
        text = path.read_text(encoding="utf-8")
        start = text.find(ENTRY_START)
        end = text.find(ARTICLE_END, start)
        if start < 0 or end < 0:
            outcome.warnings.append(f"Op de pagina van '{source}' ontbreekt het blok van het "
                                    "sjabloon (titel en feitenkaart); de pagina is niet "
                                    "opgeschoond. Zoek in de tekst naar een HTML-tag die niet "
                                    "wordt afgesloten.")
            continue
        cleaned = sanitize_html(text[start:end])
        if cleaned.removed:
            outcome.warnings.append(removed_message(name, cleaned.removed))
        path.write_text(text[:start] + cleaned.html + text[end:], encoding="utf-8")
        outcome.pages += 1
    return outcome
