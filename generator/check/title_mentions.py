"""A notice where a body names an intervention by its exact title without linking to it: the
reader sees the name (often in bold) and has no way to the description. One notice per file and
intervention, at the first mention, and none when the file links to the intervention anywhere
(a second, unlinked mention after a linked one is ordinary writing). Headings, code, link texts
and the literature and source sections are not looked at: a study's title is not a mention."""

from __future__ import annotations

import re
from posixpath import basename, dirname
from urllib.parse import urlsplit

from markdown_it import MarkdownIt

from generator.check.body import check_body
from generator.check.body_links import PAGE_FOLDER, markdown_form
from generator.content.catalog import Catalog
from generator.content.load import Source
from generator.core.issues import Issue, notice

# h2 sections whose text cites rather than mentions.
_CITING_SECTIONS = re.compile(r"^(literatuur|bronnen|verantwoording|referenties)\b", re.I)
_MD = MarkdownIt("commonmark")


def check_title_mentions(sources: list[Source], catalog: Catalog) -> list[Issue]:
    """A notice for each file that names an intervention's title and never links to it."""
    titles = {item.title: item.slug for item in catalog.interventions
              if not item.withdrawn and item.title.strip()}
    if not titles:
        return []
    finder = TitleFinder(titles)
    issues: list[Issue] = []
    for source in sources:
        if source.kind not in PAGE_FOLDER or source.data is None or not source.body.strip():
            continue
        if not finder.find_all(source.body):
            continue  # no title anywhere: no need to read the body's structure
        linked = linked_slugs(source)
        page = f"{PAGE_FOLDER[source.kind]}/{source.slug}.md"
        seen: set[str] = set()
        for line, column, title in mentions(source.body, finder):
            slug = titles[title]
            own = source.kind == "intervention" and slug == source.slug
            if own or slug in linked or slug in seen:
                continue
            seen.add(slug)
            target = markdown_form(page, f"{PAGE_FOLDER['intervention']}/{slug}.md")
            issues.append(notice(
                source.path, source.body_line + line - 1, column, None, "title-without-link",
                f"'{title}' is de titel van een interventie, maar staat hier zonder link naar "
                f"haar beschrijving. Maak er een link van, zodat lezers haar vinden: "
                f"[{title}]({target})"))
    return issues


class TitleFinder:
    """Every title in a text as a whole word (not inside a longer word or a hyphenated one),
    leftmost first and the longest title where several start at one place: what one regular
    expression of all titles finds, in time linear in the text. (Python's `re` tries every
    alternative at every position: with 4,000 titles that made the check quadratic.)"""

    _START_RE = re.compile(r"(?<![\w-])(\w+|[^\w\s])")

    def __init__(self, titles) -> None:
        # Per first word: the titles, and their lengths longest first (a handful even when
        # thousands of titles start alike, such as "Aanpak 1" … "Aanpak 4000").
        self.by_start: dict[str, tuple[list[int], set[str]]] = {}
        for title in titles:
            start = self._START_RE.match(title)
            if start is not None:
                lengths, same_start = self.by_start.setdefault(start[1], ([], set()))
                same_start.add(title)
                if len(title) not in lengths:
                    lengths.append(len(title))
        for lengths, _ in self.by_start.values():
            lengths.sort(reverse=True)

    def find_all(self, text: str) -> list[str]:
        spots = sorted(self._spots(text))
        found, after = [], 0
        for position, length in spots:  # leftmost first; no overlaps, as finditer
            if position >= after:
                found.append(text[position:position + length])
                after = position + length
        return found

    def _spots(self, text: str):
        """(position, length) of the longest title at each place one starts: only the first
        words that occur in the text are looked for (str.find, not a loop over every word)."""
        if len(self.by_start) < _FEW_KEYS:  # a search per first word costs less than a split
            present = {key for key in self.by_start if key in text}
        else:
            present = set(_WORD_RE.findall(text)) & self.by_start.keys()
            present |= {key for key in self.by_start if len(key) == 1 and key in text}
        for key in present:
            lengths, same_start = self.by_start[key]
            position = text.find(key)
            while position >= 0:
                if self._starts_here(text, position, key):
                    for length in lengths:
                        if text[position:position + length] in same_start \
                                and not _continues(text, position + length):
                            yield position, length
                            break
                position = text.find(key, position + 1)

    def _starts_here(self, text: str, position: int, key: str) -> bool:
        """Whether the text's own first word (or mark) at `position` is `key`."""
        start = self._START_RE.match(text, position)
        return start is not None and start.start() == position and start[1] == key


_WORD_RE = re.compile(r"\w+")
# Below this many first words, `key in text` per word beats splitting the text into words
# (a few µs each against some 300 µs for a page).
_FEW_KEYS = 100
_WORD_GOES_ON_RE = re.compile(r"[\w-]")


def _continues(text: str, end: int) -> bool:
    return _WORD_GOES_ON_RE.match(text, end) is not None


def linked_slugs(source: Source) -> set[str]:
    """The slugs of the pages this body links to (any form: '../interventies/x.md',
    '/interventies/x/', 'x.md' beside it); a name that is no intervention does no harm."""
    slugs = set()
    for link in check_body(source.path, source.kind, source.body, source.body_line).links:
        path = urlsplit(link.url).path.rstrip("/")
        name = basename(path)
        if name in ("index.md", "index.html", "index"):
            name = basename(dirname(path))
        slugs.add(re.sub(r"\.(md|html)$", "", name))
    return slugs


def mentions(body: str, titles: TitleFinder) -> list[tuple[int, int, str]]:
    """(line in the body, column, title) of each title in running text, in reading order."""
    lines = body.split("\n")
    found = []
    tokens = _MD.parse(body)
    citing = in_heading = False
    for index, token in enumerate(tokens):
        if token.type == "heading_open":
            in_heading = True
            if token.tag == "h2":
                citing = bool(_CITING_SECTIONS.match(tokens[index + 1].content.strip()))
        elif token.type == "heading_close":
            in_heading = False
        elif token.type == "inline" and not in_heading and not citing and token.map:
            for text in running_text(token.children or []):
                for title in titles.find_all(text):
                    found.append(_place(lines, token.map, title) + (title,))
    return found


def running_text(children) -> list[str]:
    """The plain text pieces of an inline token, outside links and code."""
    texts, depth = [], 0
    for child in children:
        if child.type == "link_open":
            depth += 1
        elif child.type == "link_close":
            depth -= 1
        elif child.type == "text" and depth == 0:
            texts.append(child.content)
    return texts


def _place(lines: list[str], block: list[int], title: str) -> tuple[int, int]:
    """The 1-based line and column of a title inside a block's source lines (the block's first
    line when Markdown escapes hide it)."""
    for number in range(block[0], block[1]):
        column = lines[number].find(title)
        if column >= 0:
            return number + 1, column + 1
    return block[0] + 1, 1
