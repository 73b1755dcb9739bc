"""Markdown links written as web addresses to our own pages ('/interventies/x/', '../x/') are
given, in the rendered page only, the .md form that MkDocs turns into a working link on the
website and in the offline export alike (whose pages are '…/index.html' files).

The check (generator/check/body_links.py) finds the live ones and where their URL text stands; this
module locates URLs exactly and applies the rewrites. The editor's file is never changed, and a
URL that cannot be located exactly is left as written (the check then keeps its warning).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from markdown_it import MarkdownIt

from generator.check.body_structure import blank_code_spans

# A reference definition's label: not a footnote ('[^1]: …', which holds text, not a URL).
_LABEL = r"^ {0,3}\[((?!\^)(?:[^\]\\\n]|\\.)+)\]:[ \t]*<?"
_MD = MarkdownIt("commonmark")


@dataclass(frozen=True, order=True)
class LinkRewrite:
    """Replace `old` by `new` where it stands: at `column` (1-based) of body line `line`."""

    line: int
    column: int
    old: str
    new: str


def normalize_links(body: str, rewrites: Iterable[LinkRewrite]) -> str:
    """`body` with every rewrite applied; one whose `old` text is not at its place is skipped."""
    todo = sorted(set(rewrites), key=lambda r: (r.line, -r.column))  # right to left per line
    if not todo:
        return body
    lines = body.split("\n")
    for rewrite in todo:
        index, start = rewrite.line - 1, rewrite.column - 1
        if 0 <= index < len(lines) and start >= 0 \
                and lines[index][start:start + len(rewrite.old)] == rewrite.old:
            lines[index] = lines[index][:start] + rewrite.new \
                + lines[index][start + len(rewrite.old):]
    return "\n".join(lines)


class DestinationFinder:
    """Where a URL stands as a link destination in one body: inline ('](url)') on a given
    line, or in a reference definition ('[ref]: url'). Code spans and code blocks are skipped."""

    def __init__(self, body: str) -> None:
        self.body = body
        self._lines: list[str] | None = None
        self._definition_lines: set[int] | None = None

    @property
    def lines(self) -> list[str]:
        """The body's lines with code spans blanked, column for column."""
        if self._lines is None:
            blanked = blank_code_spans(self.body, lambda code: re.sub(r"[^\n]", " ", code))
            self._lines = blanked.split("\n")
        return self._lines

    def inline(self, line: int, url: str) -> list[int]:
        """1-based columns of `url` as an inline link's or image's destination on body line
        `line` (1-based)."""
        if not 1 <= line <= len(self.lines):
            return []
        pattern = re.compile(r"\]\([ \t]*<?(" + re.escape(url) + r")(?=[>)\s]|$)")
        return [m.start(1) + 1 for m in pattern.finditer(self.lines[line - 1])]

    def definitions(self, url: str) -> list[tuple[int, int, str]]:
        """(line, column, label) of `url` in every top-level reference definition."""
        pattern = re.compile(_LABEL + "(" + re.escape(url) + r")(?=[>\s]|$)")
        found = []
        for number in sorted(self.definition_lines):
            match = pattern.match(self.lines[number - 1])
            if match:
                found.append((number, match.start(2) + 1, match[1]))
        return found

    def uses(self, line: int, labels: Iterable[str]) -> int:
        """How many references to one of `labels` ('[x][label]', '[label][]', '[label]') stand
        on body line `line`."""
        text = self.lines[line - 1] if 1 <= line <= len(self.lines) else ""
        return sum(len(re.findall(r"\[" + re.escape(label) + r"\](?![(:])", text, re.I))
                   for label in set(labels))

    @property
    def definition_lines(self) -> set[int]:
        """Lines that may hold a reference definition: outside every block markdown-it makes
        (a definition makes none), so not in a paragraph, code block, list or quote."""
        if self._definition_lines is None:
            from generator.check.body import unwrap_containers  # the same text the check parses

            covered: set[int] = set()
            for token in _MD.parse(unwrap_containers(self.body)):
                if token.level == 0 and token.map:
                    covered.update(range(token.map[0] + 1, token.map[1] + 1))
            self._definition_lines = {number for number in range(1, len(self.lines) + 1)
                                      if number not in covered}
        return self._definition_lines
