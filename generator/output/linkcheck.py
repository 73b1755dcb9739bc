"""After the build: every internal link and anchor in the built site must resolve.

Reads every HTML file of the output once (ids and links), then resolves each `href` and `src`
that stays inside the site: the file (or the folder's index.html) must exist, and a `#fragment`
must be the id of an element on the target page. External links (any URL with a scheme, such as
https: or mailto:, and //host/…) are not followed: the site must build offline.
"""

from __future__ import annotations

import html
import os
import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

from generator.content.load import SITE_FOLDERS
from generator.core.work import map_halves

LINK_ATTRIBUTES = {"href", "src"}
_SCHEME_RE = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.\-]*:")
# The HTML standard scrolls to the top for an empty fragment and for '#top' without an element.
_TOP_FRAGMENTS = {"", "top"}


@dataclass(frozen=True)
class BrokenLink:
    page: str  # the HTML file, relative to the site folder
    line: int
    url: str
    reason: str  # Dutch: what is missing
    source: str | None = None  # the content file behind the page, when there is one
    source_line: int | None = None  # the line of the link in it, when it can be found

    def message(self) -> str:
        """The Dutch warning, naming the content file and line (or the page) and the link."""
        if self.source:
            where = f"regel {self.source_line}" if self.source_line else "de tekst"
            return (f"{self.source}:{self.source_line or 1}: kapotte link op {where} van "
                    f"{self.source}: '{self.url}' {self.reason} (op de pagina "
                    f"'{_page_url(self.page)}'). Verbeter of verwijder de link.")
        return (f"Kapotte link op pagina '{_page_url(self.page)}' (regel {self.line} van "
                f"{self.page}): '{self.url}' {self.reason}. Verbeter of verwijder de link.")


@dataclass
class _Page:
    ids: set[str] = field(default_factory=set)
    links: list[str] = field(default_factory=list)  # in page order (_link_offsets: where)
    # Per link, where it leads (_Resolver.resolve): filled in where the page is read.
    leads: list[tuple[str | None, str | None, str] | None] = field(default_factory=list)


# The pages are our own output (MkDocs, Material, our templates, the sanitized body): tags with
# double-quoted attributes. Regular expressions read them three times faster than html.parser;
# script, style and comment contents are blanked first, as a parser would skip them. Both
# expressions start with a literal '<', so the C engine jumps from '<' to '<'.
_SKIPPED_RE = re.compile(r"<(?:!--.*?-->|((script|style)\b[^>]*>)(.*?)(</\2\s*>))", re.S | re.I)
# A tag as `<([a-zA-Z][a-zA-Z0-9-]*)(\s[^>]*)?>` reads it, but only one with an id, name, href or
# src attribute (in any letter case) after some whitespace before its '>': the engine skips the
# rest (most tags are Material's svg paths and layout) word by word. A skipped tag would have
# given nothing, and a tag that starts inside a skipped one ends at the same '>', so it is
# skipped too: exactly the tags that gave ids and links before.
_READ = "(?:[iI][dD]|[nN][aA][mM][eE]|[hH][rR][eE][fF]|[sS][rR][cC])"
_TAG_RE = re.compile(rf"<([a-zA-Z][a-zA-Z0-9-]*)(\s(?:[^>\s]*+\s)*?{_READ}\s*=[^>]*+)>")
_ATTRIBUTE_RE = re.compile(
    r"""\s([a-zA-Z_:][-a-zA-Z0-9_:.]*)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))""")
_READ_ATTRIBUTES = LINK_ATTRIBUTES | {"id", "name"}


def _blank_skipped(match: re.Match) -> str:
    """A comment, or a script's or style's content, as blank lines (line numbers stay)."""
    if match[1]:
        return "<" + match[1] + "\n" * match[3].count("\n") + match[4]
    return "\n" * match[0].count("\n")


def _blanked(path: Path) -> str:
    return _SKIPPED_RE.sub(_blank_skipped, path.read_text(encoding="utf-8", errors="replace"))


# What one tag gives: its ids and its links. A site repeats its tags (the theme's on every
# page, a card wherever the entry is listed): some 126,000 tags at N=1000, 9,000 distinct.
_TagRead = tuple[tuple[str, ...], tuple[str, ...]]


def _parse(text: str, known: dict[tuple[str, str], _TagRead] | None = None) -> _Page:
    """The ids and links of a page (`text` blanked). `known` remembers each distinct tag's
    reading across the pages of one check."""
    known = {} if known is None else known
    page = _Page()
    for tag in _TAG_RE.findall(text):
        read = known.get(tag)
        if read is None:
            read = known[tag] = _read_tag(*tag)
        if read[0]:
            page.ids.update(read[0])
        if read[1]:
            page.links += read[1]
    return page


def _read_tag(name: str, attributes: str) -> _TagRead:
    """The ids and links of one tag: its name and the text of its attributes."""
    tag = name.lower()
    ids: list[str] = []
    links: list[str] = []
    for match in _ATTRIBUTE_RE.finditer(attributes):
        attribute = match[1].lower()
        if attribute not in _READ_ATTRIBUTES:
            continue
        value = match[match.lastindex]  # the one value group that matched
        if "&" in value:
            value = html.unescape(value)
        if attribute == "id" or (attribute == "name" and tag == "a"):
            ids.append(value)
        elif attribute in LINK_ATTRIBUTES and tag != "base":
            links.append(value)
    return tuple(ids), tuple(links)


def _link_offsets(text: str) -> list[int]:
    """Where each of _parse's links is (its tag's start in `text`), in the same order; read
    again only for a page with a broken link."""
    offsets: list[int] = []
    for match in _TAG_RE.finditer(text):
        offsets += [match.start()] * len(_read_tag(match[1], match[2])[1])
    return offsets


def check_links(site_dir: Path, site_url: str | None = None,
                content_root: Path | None = None, docs_dir: str = "pages") -> list[BrokenLink]:
    """Every broken internal link or anchor in the HTML files below `site_dir`, in page order.
    `site_url` gives the path prefix that absolute links ('/over/') start with. With
    `content_root`, each one names the content file behind its page and the link's line there
    (the editor knows that file, not the built HTML)."""
    broken = _check_links(site_dir, site_url)
    return [locate_source(b, content_root, docs_dir) for b in broken] if content_root \
        else broken


def _check_links(site_dir: Path, site_url: str | None) -> list[BrokenLink]:
    found = site_files(site_dir)
    paths = {name: site_dir / name for name in found if name.endswith(".html")}
    prefix = urlsplit(site_url or "").path or "/"
    resolver = _Resolver(prefix if prefix.endswith("/") else prefix + "/", set(found))
    pages = _read_pages(paths, resolver)
    broken: list[BrokenLink] = []
    lines = _LineCounter(paths)
    for name, page in pages.items():
        for index, (url, found) in enumerate(zip(page.links, page.leads, strict=True)):
            if found is None:
                continue  # external, or a scheme the browser handles (mailto:)
            reason, target, fragment = found
            target = target or name  # no path: a fragment of this page
            if reason is None and (fragment in _TOP_FRAGMENTS or target not in pages
                                   or fragment in pages[target].ids):
                continue
            reason = reason or _anchor_problem(name, target, fragment, pages)
            broken.append(BrokenLink(name, lines.line(name, index), url, reason))
    return broken


def site_files(site_dir: Path) -> list[str]:
    """Every file below `site_dir`, '/'-separated and relative to it, in the order of
    `sorted(site_dir.rglob("*"))` (by path parts). One os.walk: a site has thousands of files,
    and sorting and relativizing as many Path objects took a third of the link check."""
    found: list[tuple[str, ...]] = []
    for folder, _, names in os.walk(site_dir):
        parts = Path(folder).relative_to(site_dir).parts
        found += [(*parts, name) for name in names]
    return ["/".join(parts) for parts in sorted(found)]


class _Resolver:
    """Where links lead. Pages repeat links (the theme's on every page, '#doel' on every
    intervention): each url is split once, each path resolved once (see _shared), and each
    url looked up once per folder."""

    def __init__(self, prefix: str, files: set[str]) -> None:
        self.prefix, self.files = prefix, files
        self.splits: dict[str, tuple[str, str] | None] = {}
        self.targets: dict[tuple[str, str, bool], tuple[str | None, str | None]] = {}
        self.known: dict[tuple[str, str], tuple[str | None, str | None, str] | None] = {}

    def resolve(self, folder: str, url: str) -> tuple[str | None, str | None, str] | None:
        """(the Dutch reason or None, the file or None, the fragment) for `url` on a page in
        `folder`; (None, None, fragment) for a fragment alone; None for an external link."""
        key = (folder, url)
        if key not in self.known:
            self.known[key] = self._resolve(folder, url)
        return self.known[key]

    def _resolve(self, folder: str, url: str) -> tuple[str | None, str | None, str] | None:
        if url not in self.splits:
            self.splits[url] = _split(url.strip())
        if self.splits[url] is None:
            return None
        path, fragment = self.splits[url]
        if not path:
            return None, None, fragment
        key = _shared(folder, path)
        if key not in self.targets:
            self.targets[key] = _target(*key, self.prefix, self.files)
        return (*self.targets[key], fragment)


# Below this many pages a forked copy costs more than it saves (the shipped site has 78).
MIN_PAGES_BESIDE = 200


def _read_pages(paths: dict[str, Path], resolver: _Resolver) -> dict[str, _Page]:
    """Every page's ids and links, and where each link leads, in the order of `paths`; on a
    large site a forked copy reads every other page meanwhile (generator/speed/two_cores.py).
    Where a link leads depends on its page's folder and the site's files, not on other pages:
    only the anchors wait until every page is read."""
    names = list(paths)

    def read(selected: list[str]) -> list[_Page]:
        known: dict[tuple[str, str], _TagRead] = {}
        pages = [_parse(_blanked(paths[name]), known) for name in selected]
        for name, page in zip(selected, pages, strict=True):
            folder = posixpath.dirname(name)
            page.leads = [resolver.resolve(folder, url) for url in page.links]
        return pages

    pages = map_halves(read, names, fork=len(names) >= MIN_PAGES_BESIDE)
    return dict(zip(names, pages, strict=True))


class _LineCounter:
    """Line numbers, only for the few links that are broken: the page is read again for them."""

    def __init__(self, paths: dict[str, Path]) -> None:
        self.paths, self.name, self.text = paths, "", ""
        self.offsets: list[int] = []

    def line(self, name: str, index: int) -> int:
        """The line of the page's link number `index` (in _parse's order)."""
        if name != self.name:
            self.name, self.text = name, _blanked(self.paths[name])
            self.offsets = _link_offsets(self.text)
        return self.text.count("\n", 0, self.offsets[index]) + 1


def _split(url: str) -> tuple[str, str] | None:
    """(path, fragment) of a link, both unquoted; None for an external link."""
    if _SCHEME_RE.match(url) or url.startswith("//"):
        return None
    parts = urlsplit(url)
    return unquote(parts.path), unquote(parts.fragment)


def _shared(folder: str, path: str) -> tuple[str, str, bool]:
    """(folder, path, whether path ends in '/'), with the path's leading '../' taken out of the
    folder: '../../over/' on every page two folders deep is ('', 'over/', True). posixpath's
    normpath takes the same steps for both, so they resolve alike and once. An absolute path
    does not depend on the folder at all."""
    ending = path.endswith("/")
    if path.startswith("/"):
        return "", path, ending
    up = 0
    while path.startswith("../", 3 * up):
        up += 1
    depth = folder.count("/") + 1 if folder else 0
    if up == 0 or up > depth or path.startswith("/", 3 * up):
        return folder, path, ending
    return "/".join(folder.split("/")[:depth - up]), path[3 * up:], ending


def _target(folder: str, path: str, ending: bool, prefix: str, files: set[str]) \
        -> tuple[str | None, str | None]:
    """(None, the file) that `path` (a folder if `ending`) on a page in `folder` leads to, or
    (the Dutch reason, None)."""
    if path.startswith("/"):
        if not (path + "/").startswith(prefix) and path != prefix.rstrip("/"):
            return "valt buiten de site", None
        joined = path[len(prefix):]
    else:
        joined = posixpath.join(folder, path)
    target = _resolve(joined, ending, files)
    if target is None:
        return "verwijst naar een pagina of bestand dat niet bestaat", None
    return None, target


def _anchor_problem(name: str, target: str | None, fragment: str,
                    pages: dict[str, _Page]) -> str | None:
    """The Dutch reason when `#fragment` is not an id on the target page (if it is a page)."""
    if fragment in _TOP_FRAGMENTS or target not in pages or fragment in pages[target].ids:
        return None
    where = "deze pagina" if target == name else f"'{_page_url(target)}'"
    return f"verwijst naar het anker '#{fragment}', maar dat staat niet op {where}"


def _resolve(joined: str, folder: bool, files: set[str]) -> str | None:
    normal = posixpath.normpath(joined) if joined else "."
    if normal == ".." or normal.startswith("../"):
        return None
    normal = "" if normal == "." else normal
    index = posixpath.join(normal, "index.html") if normal else "index.html"
    if folder:
        return index if index in files else None
    if normal in files:
        return normal
    return index if index in files else None


def _page_url(page: str) -> str:
    """'interventies/x/index.html' -> 'interventies/x/', as a reader sees the address."""
    if page == "index.html":
        return "/"
    return page[: -len("index.html")] if page.endswith("/index.html") else page


def content_file(page: str, root: Path, docs_dir: str = "pages") -> str | None:
    """The content file an HTML page was made from: 'interventies/x/index.html' ->
    'interventions/x.md', 'over/index.html' -> 'pages/over.md'; None for generated overviews."""
    stem = page[: -len("/index.html")] if page.endswith("/index.html") else \
        ("index" if page == "index.html" else page.removesuffix(".html"))
    folder, _, slug = stem.rpartition("/")
    candidates = []
    if folder in _CONTENT_FOLDERS:
        candidates.append(f"{_CONTENT_FOLDERS[folder]}/{slug}.md")
    candidates += [f"{docs_dir}/{stem}.md", f"{docs_dir}/{stem}/index.md"]
    return next((c for c in candidates if (root / c).is_file()), None)


_CONTENT_FOLDERS = {site: content for content, site in SITE_FOLDERS.items()}


def locate_source(link: BrokenLink, root: Path, docs_dir: str = "pages") -> BrokenLink:
    """`link` with its content file and, where the link is written there, its line."""
    source = content_file(link.page, root, docs_dir)
    if source is None:
        return link
    lines = (root / source).read_text(encoding="utf-8", errors="replace").split("\n")
    path, _, fragment = link.url.partition("#")
    # MkDocs rewrites 'x.md#a' to '../x/#a': look for the link as built, then for its anchor.
    needles = [link.url] + ([f"#{fragment}"] if fragment else []) + \
        ([posixpath.basename(path.rstrip("/"))] if path.strip("./") else [])
    for needle in needles:
        for number, text in enumerate(lines, start=1):
            if needle and needle in text:
                return BrokenLink(link.page, link.line, link.url, link.reason, source, number)
    return BrokenLink(link.page, link.line, link.url, link.reason, source, None)
