"""The search index in a MkDocs (or ProperDocs) build: the adapter side of
generator/postprocess/search_index.py.

Material's search plugin stays: it gives the header its search box, the translations, the
worker and the `lang`/`separator` settings, and it writes `search/search_index.json` at the end
of the build (the offline plugin turns that file into `search_index.js`). Its per-page pass, an
HTMLParser over every page, is what we replace: `attach` puts a `PagedIndex` in place of its
index, which indexes nothing itself and hands the plugin the small primary index. Our plugin
computes each page's documents from the converted HTML (`page_docs`) and keeps them per page;
`write_full` writes the full index beside the primary one at the end of the build.
"""

from __future__ import annotations

import os
from collections.abc import Callable

from generator.postprocess.search_index import (
    ARTICLE_KEYS,
    WORDS_KEY,
    PageInfo,
    index_json,
    page_docs,
    page_tags,
    primary_docs,
    shared_words,
)

FULL_JSON = "search_index_full.json"
# For pages opened from file://, which cannot fetch: the same index as a script.
FULL_SCRIPT = "search_index_full.js"
FULL_SCRIPT_GLOBAL = "__index_full"
CONFIG_KEYS = ("lang", "separator", "pipeline", "fields")


class PagedIndex:
    """Stands in for Material's SearchIndex: the documents come from our plugin, per page."""

    def __init__(self, material_config, docs: Callable[[], dict[str, list[dict]]],
                 order: list[str]) -> None:
        self.material_config = material_config
        # Asked for at the end of the build: whoever converted the pages may have filled in
        # (or replaced) the plugin's dict by then.
        self.docs = docs
        self.order = order

    def add_entry_from_context(self, page) -> None:
        """Material calls this for every page: our plugin has already indexed it."""

    def generate_search_index(self, prev=None) -> str:
        """The primary index, which Material's plugin writes as search/search_index.json."""
        pages, words = self.ordered()
        return index_json(self.config(words), primary_docs(pages), ascii_only=False)

    def config(self, words: dict[str, str]) -> dict:
        """Material's search settings, and the words of the vocabularies the entries name
        (our search worker reads them; Material passes the config on as it is)."""
        config = {key: self.material_config[key] for key in CONFIG_KEYS}
        if words:
            config[WORDS_KEY] = words
        return config

    def ordered(self) -> tuple[list[list[dict]], dict[str, str]]:
        """Per page in build order; pages no longer in the site (a `serve` rebuild) left out.
        With the vocabulary words the pages' entries name (see shared_words)."""
        docs = self.docs()
        return shared_words([docs[src] for src in self.order if src in docs])

    def full_json(self) -> str:
        pages, words = self.ordered()
        return index_json(self.config(words), [doc for docs in pages for doc in docs])


def attach(config, files, docs: Callable[[], dict[str, list[dict]]]) -> PagedIndex | None:
    """Take over the per-page indexing of Material's search plugin, if it is on."""
    material = config.plugins.get("material/search")
    if material is None or not material.config.enabled:
        return None
    order = [file.src_uri for file in files.documentation_pages()]
    material.search_index = PagedIndex(material.config, docs, order)
    return material.search_index


def page_entries(page_html: str, page) -> list[dict]:
    """The page's documents for the full index (the page is MkDocs' Page)."""
    search = page.meta.get("search") or {}
    extra = {"boost": search["boost"]} if isinstance(search, dict) and "boost" in search else {}
    article = page.meta.get("ww_search")
    article = {key: value if key == "words" else str(value) for key, value in article.items()
               if key in ARTICLE_KEYS} if isinstance(article, dict) else {}
    info = PageInfo(url=page.url, title=str(page.meta.get("title", page.title)),
                    tags=page_tags(page.meta), extra=extra, article=article,
                    excluded=bool(isinstance(search, dict) and search.get("exclude")))
    return page_docs(page_html, info)


def write_full(index: PagedIndex, config) -> None:
    """Write the full index into the site (and its script twin for the offline export)."""
    folder = os.path.join(config.site_dir, "search")
    os.makedirs(folder, exist_ok=True)
    text = index.full_json()
    with open(os.path.join(folder, FULL_JSON), "w", encoding="utf-8") as handle:
        handle.write(text)
    offline = config.plugins.get("material/offline")
    if offline is not None and offline.config.enabled:
        with open(os.path.join(folder, FULL_SCRIPT), "w", encoding="utf-8") as handle:
            handle.write(f"var {FULL_SCRIPT_GLOBAL} = {text}")
