"""Dutch hyphenation: soft hyphens (U+00AD) at the syllable breaks of long words, so that a
narrow screen breaks 'Eenzaamheid' as 'Eenzaam-heid' with a visible hyphen instead of
splitting it anywhere (WCAG 1.4.10, and plain readability). Chromium hyphenates Dutch with
`hyphens: auto` only where it has downloaded a dictionary, which a headless or offline browser
has not; pyphen carries LibreOffice's Dutch patterns. Addresses and file names stay whole.
"""

from __future__ import annotations

import functools
import re

import pyphen

SOFT_HYPHEN = "\u00ad"
# Words shorter than this fit a phone's narrowest column; breaking them would only hurt.
MIN_WORD = 9
# A heading on a 320 px phone (a11y.css sets its size) holds a word of 16 letters.
HEADING_MIN_WORD = 17
_HYPHENATOR = pyphen.Pyphen(lang="nl_NL", left=2, right=2)

_TAG = re.compile(r"(<!--.*?-->|<[^>]*>)", re.S)
_LETTERS = r"[^\W\d_]"
# An address or file name (e-mail, web address, data.json) is copied and typed: no hyphens.
_ADDRESS = re.compile(r"\S*(?:@|://|www\.|\.[a-z]{2,4}\b|_)\S*")


@functools.lru_cache(maxsize=20000)
def hyphenate_word(word: str) -> str:
    """A word with soft hyphens at its Dutch syllable breaks."""
    return _HYPHENATOR.inserted(word, hyphen=SOFT_HYPHEN)


@functools.cache
def _words(min_word: int) -> re.Pattern[str]:
    return re.compile(_LETTERS + "{" + str(min_word) + ",}")


# The compare data and the headings repeat their texts (vocabulary labels, badges, section
# names) on every entry: each distinct text is hyphenated once.
@functools.lru_cache(maxsize=16384)
def hyphenate_text(text: str, min_word: int = MIN_WORD) -> str:
    """Soft hyphens in the words of at least `min_word` letters, addresses left whole."""
    words = _words(min_word)
    pieces = []
    position = 0
    for address in _ADDRESS.finditer(text):
        pieces.append(words.sub(lambda m: hyphenate_word(m.group()),
                                text[position:address.start()]))
        pieces.append(address.group())
        position = address.end()
    pieces.append(words.sub(lambda m: hyphenate_word(m.group()), text[position:]))
    return "".join(pieces)


# A table cell of ours too narrow for a long word on a phone (the evidence map's theme names)
# asks for hyphens with this attribute; its words of MIN_WORD letters and more get them.
MARKER = "data-ww-hyphenate"
# From a tag boundary to the next tag that opens or closes a main heading or a table cell,
# read as _TAG.split reads the page: text, comments and every other tag are skipped in one C
# call (possessive, so a failed match never restarts inside a tag). A page has some 800 tags
# and a handful of these; looking at every tag in Python cost more than the rest of the page's
# work. No match: no such tag follows (any '<' left then has no '>' after it, so no tag either).
_SWITCH = r"/?(?:h[12]|t[hd])\b"
_NEXT_SWITCH = re.compile(
    rf"(?>[^<]++|<!--.*?-->|<(?!{_SWITCH})[^>]*+>)*+(<(/?)(h[12]|t[hd])\b([^>]*)>)",
    re.S | re.I)


def hyphenate_headings(page: str, min_word: int = HEADING_MIN_WORD) -> str:
    """Soft hyphens in the long words of the page's main headings (h1, h2) and of the table
    cells marked with MARKER, and nowhere else: in running text every word fits a phone's
    line, and tables and lists are laid out to fit or to scroll (a11y.css). Only text between
    tags changes."""
    out: list[str] = []
    position = depth = marked = 0
    while match := _NEXT_SWITCH.match(page, position):
        out.append(_hyphenate_between_tags(page[position:match.start(1)], depth, marked,
                                           min_word))
        out.append(match[1])
        closing, name = bool(match[2]), match[3].lower()
        if name[0] == "h":
            depth += -1 if closing else 1
        elif closing or MARKER in match[4]:
            marked = 0 if closing else 1
        position = match.end()
    out.append(_hyphenate_between_tags(page[position:], depth, marked, min_word))
    return "".join(out)


def _hyphenate_between_tags(html: str, depth: int, marked: int, min_word: int) -> str:
    """`html` (whole tags, none of them a heading's or a cell's) with the text between its
    tags hyphenated when it lies in a main heading (depth > 0) or a marked cell."""
    if depth <= 0 and not marked:
        return html
    parts = _TAG.split(html)
    for index in range(0, len(parts), 2):
        if parts[index].strip():
            parts[index] = hyphenate_text(parts[index], min_word if depth > 0 else MIN_WORD)
    return "".join(parts)
