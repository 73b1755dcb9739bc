"""The one map between content files and site pages.

An intervention's file `interventions/x.md` becomes the page `interventies/x.md` (online at
/interventies/x/), a dossier's `dossiers/x.md` the page `dossiers/x.md`. Every stage asks here:
the loader (which folders hold content), the check (where a body's link lands), the renderers
(an entry's page, its citation files, its feed id), the edit links (back from page to file).
"""

from __future__ import annotations

from generator.core.model import Dossier, Intervention

# kind -> folder in the repository, and folder of its pages on the site
CONTENT_FOLDERS = {"intervention": "interventions", "dossier": "dossiers"}
PAGE_FOLDERS = {"intervention": "interventies", "dossier": "dossiers"}
# content folder -> site folder: interventions/x.md -> interventies/x.md
SITE_FOLDERS = {CONTENT_FOLDERS[kind]: PAGE_FOLDERS[kind] for kind in CONTENT_FOLDERS}


def kind_of(entry: Intervention | Dossier) -> str:
    return "dossier" if isinstance(entry, Dossier) else "intervention"


def content_path(kind: str, slug: str) -> str:
    """'intervention', 'x' -> 'interventions/x.md' (the file an editor changes)."""
    return f"{CONTENT_FOLDERS[kind]}/{slug}.md"


def page_path(kind: str, slug: str) -> str:
    """'intervention', 'x' -> 'interventies/x.md' (its page in the site source)."""
    return f"{PAGE_FOLDERS[kind]}/{slug}.md"


def entry_page(entry: Intervention | Dossier) -> str:
    return page_path(kind_of(entry), entry.slug)


def entry_folder(entry: Intervention | Dossier) -> str:
    """The site folder of an entry's pages and files ('interventies')."""
    return PAGE_FOLDERS[kind_of(entry)]


def entry_of_page(src: str) -> tuple[str, str] | None:
    """The kind and slug of a generated entry page ('interventies/x.md' -> ('intervention',
    'x')); None for any other page (overviews, indexes, pages below an entry)."""
    folder, _, name = src.partition("/")
    for kind, page_folder in PAGE_FOLDERS.items():
        if folder == page_folder and name.endswith(".md") and "/" not in name \
                and name != "index.md":
            return kind, name[:-len(".md")]
    return None


def content_path_of_page(src: str) -> str | None:
    """The content file behind a generated entry page ('interventies/x.md' ->
    'interventions/x.md'); None for any other page (overviews, indexes)."""
    entry = entry_of_page(src)
    return content_path(*entry) if entry else None
