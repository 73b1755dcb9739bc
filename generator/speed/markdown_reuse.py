"""One Python-Markdown instance per build instead of one per page.

MkDocs builds a new `markdown.Markdown` for every page it converts: it loads and sets up
every extension again (the toc, tables, footnotes, superfences …), half a millisecond a page,
half a second at N=1000. Python-Markdown is made to be reused: `Markdown.reset()` clears what
one document left (its HTML stash, its references, and every extension's state through the
extension's own `reset`), as its documentation describes for converting many documents.
Within `reused_markdown()`, MkDocs gets one instance per extension configuration, reset
before each page. MkDocs registers its own per-page processors on it (relative links, anchors,
the title) under fixed names, so each page's replace the previous page's.

The pages are the same to the byte (tests/test_markdown_reuse.py builds a site both ways;
WATWERKT_SPEED=0 switches the reuse off with every other device). A renderer optimisation
only: without it, or on a runtime that builds its instances otherwise, every page gets a fresh
instance.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager

import markdown


class _ReusingMarkdown:
    """Stands in for the `markdown` module in MkDocs' page module: `Markdown(...)` gives the
    build's instance for that configuration, reset; anything else is the module's own."""

    def __init__(self) -> None:
        # By the identity of the configuration objects, which live as long as the build; kept
        # beside the instance so that an id cannot be reused by another object meanwhile.
        self.instances: dict[tuple[int, int], tuple[object, object, markdown.Markdown]] = {}

    def Markdown(self, *, extensions=(), extension_configs=None, **options):  # noqa: N802
        if options:
            return markdown.Markdown(extensions=extensions,
                                     extension_configs=extension_configs, **options)
        key = (id(extensions), id(extension_configs))
        kept = self.instances.get(key)
        if kept is None:
            instance = markdown.Markdown(extensions=extensions,
                                         extension_configs=extension_configs)
            self.instances[key] = (extensions, extension_configs, instance)
            return instance
        instance = kept[2]
        instance.reset()
        return instance

    def __getattr__(self, name: str):
        return getattr(markdown, name)


@contextmanager
def reused_markdown() -> Iterator[None]:
    """Within this block, MkDocs' pages share one Markdown instance per configuration."""
    from mkdocs.structure.pages import Page

    # The runtime's own module: under ProperDocs `mkdocs.*` names properdocs' modules.
    pages = sys.modules[Page.__module__]
    if getattr(pages, "markdown", None) is not markdown:
        yield
        return
    pages.markdown = _ReusingMarkdown()
    try:
        yield
    finally:
        pages.markdown = markdown
