"""Block structure of rendered HTML: what a reader sees as paragraphs, lists and their
nesting, tables with their cells, headings, code blocks, quotes and footnotes, in document order
(generator/check/preview.py compares the preview's with the site's)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

_BLOCKS = {"p", "ul", "ol", "li", "table", "h1", "h2", "h3", "h4", "h5", "h6", "pre",
           "blockquote", "hr", "dl", "dt", "dd"}
_VOID = {"br", "hr", "img", "input", "meta", "link", "wbr", "col", "area", "source"}
# Elements whose text belongs to a block around them (a link, a cell), not loose text.
_INLINE_HOSTS = {"a", "em", "strong", "code", "span", "b", "i", "u", "sub", "sup", "abbr", "del",
                 "th", "td", "summary", "figcaption", "s", "mark", "small", "label", "script",
                 "style", "tr", "thead", "tbody", "q", "cite", "kbd"}

@dataclass
class _Node:
    tag: str
    attrs: dict[str, str | None]
    children: list = field(default_factory=list)  # _Node or str


class _TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = _Node("root", {})
        self.stack = [self.root]

    def handle_starttag(self, tag, attrs) -> None:
        node = _Node(tag, dict(attrs))
        self.stack[-1].children.append(node)
        if tag not in _VOID:
            self.stack.append(node)

    def handle_startendtag(self, tag, attrs) -> None:
        self.stack[-1].children.append(_Node(tag, dict(attrs)))

    def handle_endtag(self, tag) -> None:
        for index in range(len(self.stack) - 1, 0, -1):
            if self.stack[index].tag == tag:
                del self.stack[index:]
                return

    def handle_data(self, data) -> None:
        self.stack[-1].children.append(data)


@dataclass(frozen=True)
class Block:
    kind: str
    depth: int
    text: str
    line: int | None = None  # 1-based line in the body (the reference's blocks only)
    end: int | None = None  # its last line
    prose: str = ""  # its text outside code spans, where it has a '[^' (a footnote marker)

    @property
    def signature(self) -> tuple[str, int, str]:
        # Loose text in an HTML block reads as a paragraph; only its words can differ.
        return ("p" if self.kind == "text" else self.kind, self.depth, self.text)


def _text(node: _Node, skip_blocks: bool, skip_code: bool = False) -> str:
    parts = []
    for child in node.children:
        if isinstance(child, str):
            parts.append(child)
        elif skip_code and child.tag == "code":
            continue
        elif child.tag in ("a",) and ("data-footnote-backref" in child.attrs
                                      or "footnote-backref" in (child.attrs.get("class") or "")):
            continue
        elif skip_blocks and (child.tag in _BLOCKS or _is_footnotes(child)) \
                and not (node.tag == "li" and child.tag == "p"):
            continue
        else:
            parts.append(_text(child, skip_blocks, skip_code))
    return "".join(parts)


_NOT_COMPARED_RE = re.compile("[\x00-\x08\x0b-\x1f\x7f\ufffd\u21a9\ufe0e]")


def _words(text: str) -> str:
    """Text as a reader compares it: words only (control characters, which cmark replaces
    and are reported elsewhere, and the footnotes' back-arrows left out)."""
    return " ".join(_NOT_COMPARED_RE.sub(" ", text).split())


def _is_footnotes(node: _Node) -> bool:
    classes = (node.attrs.get("class") or "").split()
    return (node.tag == "section" and "footnotes" in classes) or \
        (node.tag == "div" and "footnote" in classes)


def _lines_of(node: _Node) -> tuple[int | None, int | None]:
    """The first and last line of a cmark-gfm block ('data-sourcepos="3:1-5:0"')."""
    match = re.match(r"(\d+):\d+-(\d+):(\d+)", node.attrs.get("data-sourcepos") or "")
    if not match:  # a footnote's item: the lines of what it holds
        inner = [_lines_of(child) for child in node.children if isinstance(child, _Node)]
        inner = [pair for pair in inner if pair[0] is not None]
        return (inner[0][0], inner[-1][1]) if inner else (None, None)
    start, end, column = int(match[1]), int(match[2]), int(match[3])
    return start, max(start, end - 1 if column == 0 else end)


def blocks_of(rendered: str) -> list[Block]:
    """The block structure of rendered HTML, in document order."""
    builder = _TreeBuilder()
    builder.feed(rendered)
    builder.close()
    found: list[Block] = []
    _walk(builder.root, 0, found, None)
    return _quotes_merged(found)


def _quotes_merged(blocks: list[Block]) -> list[Block]:
    """Two quotes with only a blank line between them: two in the preview, one on the site,
    the same text to a reader. Counted as one on both sides."""
    merged: list[Block] = []
    for block in blocks:
        previous = next((b for b in reversed(merged) if b.depth <= block.depth), None)
        if block.kind == "blockquote" and previous is not None \
                and previous.kind == "blockquote" and previous.depth == block.depth:
            continue
        merged.append(block)
    return merged


def _walk(node: _Node, depth: int, found: list[Block], line: int | None) -> None:
    for child in node.children:
        if isinstance(child, str):
            # Text outside any block (inside an HTML block such as <div>): readers see it too.
            if child.strip() and node.tag not in _BLOCKS and node.tag not in _INLINE_HOSTS:
                found.append(Block("text", depth, _words(child), line))
            continue
        start, end = _lines_of(child)
        child_line = start or line
        if _is_footnotes(child):
            found.append(Block("footnotes", depth, "", child_line))
            _walk(child, depth + 1, found, child_line)
        elif child.tag == "hr" and _is_footnotes(node):
            continue  # Python-Markdown's line above its footnotes
        elif child.tag == "p" and node.tag == "li":
            continue  # tight or loose: the same list to a reader
        elif child.tag == "table":
            rows = []
            for row in _descendants(child, "tr"):
                rows.append(" | ".join(_words(_text(cell, False)) for cell in row.children
                                       if isinstance(cell, _Node) and cell.tag in ("th", "td")))
            text = " / ".join(rows)
            found.append(Block("table", depth, text, child_line, end,
                               _words(_text(child, False, True)) if "[^" in text else ""))
        elif child.tag in _BLOCKS:
            text = "" if child.tag in ("ul", "dl", "blockquote") else \
                f"start={child.attrs.get('start') or 1}" if child.tag == "ol" else \
                _words(_text(child, True))
            prose = _words(_text(child, True, True)) if "[^" in text and child.tag != "pre" \
                else ""
            found.append(Block(child.tag, depth, text, child_line, end, prose))
            if child.tag != "pre":
                _walk(child, depth + 1, found, child_line)
        else:
            _walk(child, depth, found, child_line)  # div, details, span…: not a block of its own


def _descendants(node: _Node, tag: str):
    for child in node.children:
        if isinstance(child, _Node):
            if child.tag == tag:
                yield child
            else:
                yield from _descendants(child, tag)
