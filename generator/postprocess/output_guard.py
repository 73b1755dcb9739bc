"""The page guard over a finished output folder, for a renderer that runs no plugins (Zensical).

With MkDocs the plugin hands every converted page to generator/postprocess/page_guard.py before the
theme
wraps it. A renderer without plugins gives us only its output folder; then the editors' part of
every editors' page (as generator/postprocess/page_guard.py `is_editors_page` decides) is
cleaned here, in place, through the same page guard, from where the editors' part starts to the
end of the theme's <article>:
- an intervention or dossier from our own entry block (`<div class="ww-entry`, the first thing
  our templates put on the page);
- a hand-written page from a marker comment that the docs folder puts before its text
  (`mark_hand_page`, which also escapes the text values of its header, as the page guard does
  for MkDocs). The sanitizer removes comments, so the marker leaves no trace.
The theme's own buttons before it (edit link, skip anchor) are not the editors' and stay as
they are.

A page whose start is missing gets a warning: the editor's text swallowed our template, or the
renderer lost it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from generator.content.load import page_header_end
from generator.core.paths import CONTENT_FOLDERS
from generator.postprocess.page_guard import escape_header, guard_page
from generator.render.common import DIRECTORY, page_url, source_path

ENTRY_START = '<div class="ww-entry'
HAND_START = "<!--ww-hand-page-->"
ARTICLE_END = "</article>"


@dataclass
class OutputGuard:
    pages: int = 0  # editors' pages cleaned
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


def mark_hand_page(text: str) -> str:
    """A hand-written page as the docs folder gets it: the text values of its YAML header
    escaped, and HAND_START on the first line of its body. A header that MkDocs' reading
    would not take (no mapping) stays text, so the marker goes before it: all of it is cleaned."""
    lines = text.split("\n")
    closing = page_header_end(lines)
    header = None
    if closing is not None:
        try:
            header = yaml.safe_load("\n".join(lines[1:closing]))
        except yaml.YAMLError:
            header = None
    if not isinstance(header, dict):
        return f"{HAND_START}\n\n{text}"
    escape_header(header)
    dumped = yaml.safe_dump(header, allow_unicode=True, sort_keys=False, width=1000)
    return f"---\n{dumped}---\n{HAND_START}\n\n" + "\n".join(lines[closing + 1:])


def is_marked_hand_page(text: str) -> bool:
    """Did `mark_hand_page` write this docs folder page?"""
    lines = text.split("\n")
    closing = page_header_end(lines)
    first = lines[closing + 1] if closing is not None else lines[0]
    return first == HAND_START


def hand_outputs(docs: Path) -> dict[str, str]:
    """{output HTML path: docs folder page} for the hand-written pages of a docs folder."""
    found = {}
    for path in sorted(docs.rglob("*.md")):
        if is_marked_hand_page(path.read_text(encoding="utf-8")):
            src = path.relative_to(docs).as_posix()
            found[page_url(src, DIRECTORY) + "index.html"] = src
    return found


def guard_output(site_dir: Path, entries: dict[str, str],
                 hand_pages: dict[str, str] | None = None) -> OutputGuard:
    """Sanitize the editors' part of every entry page and hand-written page in `site_dir`
    (rewritten in place), through the page guard as MkDocs' pages go."""
    outcome = OutputGuard()
    for name, source in sorted(entries.items()):
        kind = _KINDS.get(source.split("/", 1)[0])
        _clean(site_dir, name, source, kind, outcome)
    for name, source in sorted((hand_pages or {}).items()):
        _clean(site_dir, name, source, None, outcome)
    return outcome


_KINDS = {folder: kind for kind, folder in CONTENT_FOLDERS.items()}


def _clean(site_dir: Path, name: str, source: str, kind: str | None,
           outcome: OutputGuard) -> None:
    """One page: an entry of `kind`, or (kind None) a hand-written page."""
    path = site_dir / name
    if not path.is_file():
        outcome.warnings.append(f"De pagina van '{source}' ontbreekt in de gebouwde site "
                                f"({name}).")
        return
    text = path.read_text(encoding="utf-8")
    start = text.find(ENTRY_START if kind else HAND_START)
    end = text.find(ARTICLE_END, start)
    if start < 0 or end < 0:
        what = "het blok van het sjabloon (titel en feitenkaart)" if kind else \
            "het begin van de tekst"
        outcome.warnings.append(f"Op de pagina van '{source}' ontbreekt {what}; de pagina is "
                                "niet opgeschoond. Zoek in de tekst naar een HTML-tag die niet "
                                "wordt afgesloten.")
        return
    guarded = guard_page(name, text[start:end], kind, hand_written=kind is None)
    outcome.warnings += guarded.warnings
    path.write_text(text[:start] + guarded.html + text[end:], encoding="utf-8")
    outcome.pages += 1
