"""After the build: every internal link and anchor in the built site must resolve.

Reads every HTML file of the output once (ids and links), then resolves each `href` and `src`
that stays inside the site: the file (or the folder's index.html) must exist, and a `#fragment`
must be the id of an element on the target page. External links (any URL with a scheme, such as
https: or mailto:, and //host/…) are not followed: the site must build offline.
"""

from __future__ import annotations

import html
import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

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

    def message(self) -> str:
        """The Dutch warning, naming the page and the link."""
        return (f"Kapotte link op pagina '{_page_url(self.page)}' (regel {self.line} van "
                f"{self.page}): '{self.url}' {self.reason}. Verbeter of verwijder de link.")


@dataclass
class _Page:
    ids: set[str] = field(default_factory=set)
    links: list[tuple[int, str]] = field(default_factory=list)  # (line, url)


# The pages are our own output (MkDocs, Material, our templates, the sanitized body): tags with
# double-quoted attributes. Regular expressions read them three times faster than html.parser;
# script, style and comment contents are blanked first, as a parser would skip them.
_SKIPPED_RE = re.compile(r"<!--.*?-->|(<(script|style)\b[^>]*>)(.*?)(</\2\s*>)", re.S | re.I)
_TAG_RE = re.compile(r"<([a-zA-Z][a-zA-Z0-9-]*)(\s[^>]*)?>")
_ATTRIBUTE_RE = re.compile(
    r"""\s([a-zA-Z_:][-a-zA-Z0-9_:.]*)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))""")


def _blank_skipped(match: re.Match) -> str:
    """A comment, or a script's or style's content, as blank lines (line numbers stay)."""
    if match[1]:
        return match[1] + "\n" * match[3].count("\n") + match[4]
    return "\n" * match[0].count("\n")


def _parse(text: str, page: _Page) -> None:
    text = _SKIPPED_RE.sub(_blank_skipped, text)
    line, counted_to = 1, 0
    for tag_match in _TAG_RE.finditer(text):
        tag, attributes = tag_match[1].lower(), tag_match[2] or ""
        for match in _ATTRIBUTE_RE.finditer(attributes):
            name = match[1].lower()
            value = html.unescape(next(v for v in match.groups()[1:] if v is not None))
            if name == "id" or (name == "name" and tag == "a"):
                page.ids.add(value)
            elif name in LINK_ATTRIBUTES and tag != "base":
                line += text.count("\n", counted_to, tag_match.start())
                counted_to = tag_match.start()
                page.links.append((line, value))


def check_links(site_dir: Path, site_url: str | None = None) -> list[BrokenLink]:
    """Every broken internal link or anchor in the HTML files below `site_dir`, in page order.
    `site_url` gives the path prefix that absolute links ('/over/') start with."""
    pages = {path.relative_to(site_dir).as_posix(): _read(path)
             for path in sorted(site_dir.rglob("*.html"))}
    prefix = urlsplit(site_url or "").path or "/"
    prefix = prefix if prefix.endswith("/") else prefix + "/"
    files = {path.relative_to(site_dir).as_posix() for path in site_dir.rglob("*")
             if path.is_file()}
    broken: list[BrokenLink] = []
    for name, page in pages.items():
        for line, url in page.links:
            reason = _problem(name, url.strip(), prefix, files, pages)
            if reason:
                broken.append(BrokenLink(name, line, url, reason))
    return broken


def _read(path: Path) -> _Page:
    page = _Page()
    _parse(path.read_text(encoding="utf-8", errors="replace"), page)
    return page


def _problem(name: str, url: str, prefix: str, files: set[str],
             pages: dict[str, _Page]) -> str | None:
    """None when `url` on page `name` resolves, else the Dutch reason."""
    if _SCHEME_RE.match(url) or url.startswith("//"):
        return None  # external, or a scheme the browser handles (mailto:)
    parts = urlsplit(url)
    path, fragment = unquote(parts.path), unquote(parts.fragment)
    if not path:
        target = name
    else:
        if path.startswith("/"):
            if not (path + "/").startswith(prefix) and path != prefix.rstrip("/"):
                return "valt buiten de site"
            joined = path[len(prefix):]
        else:
            joined = posixpath.join(posixpath.dirname(name), path)
        target = _resolve(joined, path.endswith("/"), files)
        if target is None:
            return "verwijst naar een pagina of bestand dat niet bestaat"
    if fragment in _TOP_FRAGMENTS or target not in pages:
        return None
    if fragment not in pages[target].ids:
        where = "deze pagina" if target == name else f"'{_page_url(target)}'"
        return f"verwijst naar het anker '#{fragment}', maar dat staat niet op {where}"
    return None


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
