"""The cheap path of the preview comparison: a body written only in forms that GitHub's preview
and Python-Markdown read alike needs no second parse (tests/test_preview.py proves the claim on
generated bodies)."""

from __future__ import annotations

import re
from functools import lru_cache

_HEADING_LINE_RE = re.compile(r"#{1,6}[ ]+\S")
_ITEM_RE = re.compile(r"((?:    )*)(- |\d{1,9}\. )(?=\S)")
_QUOTE_LINE_RE = re.compile(r"> ?(?=\S)")
_TEXT_START_RE = re.compile(r"[^\W_]|[(\"'“‘„\[]|\*\*?[^\s*]|!\[")
_SAFE_STRONG_EM_RE = re.compile(r"\*\*[^\s*](?:[^*]*[^\s*])?\*\*|\*[^\s*](?:[^*]*[^\s*])?\*")
_SAFE_CODE_RE = re.compile(r"`[^`]+`")
# Characters where the two renderers part ways: HTML and autolinks, tables, footnotes,
# strikethrough, backslash escapes, tabs, GFM's extended autolinks of 'www.' are text in both.
_RISKY_RE = re.compile(r"[<|\\\t~_*`]|\[\^|&[#a-zA-Z]")
FENCE_RE = re.compile(r"^ {0,3}(`{3,}|~{3,})")  # a code fence's first line


def _line_kind(line: str) -> tuple[str, str] | None:
    """('blank' | 'heading' | 'ul<indent>' | 'ol<indent>' | 'quote' | 'text', its inline text),
    or None where the renderers may differ (or this reading cannot tell)."""
    if not line.strip():
        return "blank", ""
    if _HEADING_LINE_RE.match(line):
        return "heading", line
    if match := _ITEM_RE.match(line):
        return f"{'ul' if match[2] == '- ' else 'ol'}{len(match[1])}", line[match.end():]
    if match := _QUOTE_LINE_RE.match(line):
        rest = line[match.end():]
        return ("quote", rest) if _TEXT_START_RE.match(rest) else None
    if _TEXT_START_RE.match(line) and not re.match(r"\d+[.)](?:\s|$)", line):
        return "text", line
    return None


def _safe_inline(text: str) -> bool:
    text = _SAFE_CODE_RE.sub("", _SAFE_STRONG_EM_RE.sub("", text))
    return not _RISKY_RE.search(text) and not text.rstrip().endswith("\\")


@lru_cache(maxsize=8192)  # the check asks, and the renderer again for the same body
def same_in_both(body: str) -> bool:
    """True when every line is one of the plain forms both renderers read alike: headings with
    a space, paragraphs of text, '- ' and '1. ' lists nested by four spaces, one-line quotes,
    and fenced code, each block after a blank line. Such a body needs no comparison
    (tests/test_preview.py proves the claim on generated bodies); any other goes the long way."""
    previous = "blank"
    inside_fence = ""
    pending: list[str] = []  # the inline text of the paragraph or item being read
    for line in body.split("\n"):
        fence = FENCE_RE.match(line)
        if inside_fence:
            if fence and fence[1][0] == inside_fence[0] and len(fence[1]) >= len(inside_fence) \
                    and not line[fence.end():].strip():
                inside_fence, previous = "", "code"
            continue
        if fence:
            if previous != "blank" or "`" in line[fence.end():]:
                return False
            inside_fence = fence[1]
            continue
        found = _line_kind(line)
        if (found is None or found[0] == "text") and line.startswith(" ") \
                and previous[:2] in ("ul", "ol", "te") \
                and (_line_kind(line.lstrip()) or ("",))[0] == "text":
            pending.append(line.strip())  # an indented continuation line
            continue
        if found is None:
            return False
        kind, text = found
        if kind in ("text", "quote") and kind == previous:
            pending.append(text)
            continue
        if not _safe_inline(" ".join(pending)):
            return False
        pending = [text]
        if kind not in ("blank", previous) and "blank" != previous and "heading" not in (
                kind, previous) and not (kind[:2] in ("ul", "ol") and previous[:2] in ("ul", "ol")):
            return False  # a block right under another: a blank line between is safe
        if kind[:2] in ("ul", "ol"):
            indent = int(kind[2:])
            if previous[:2] in ("ul", "ol"):
                if kind[:2] != previous[:2] and indent == int(previous[2:]):
                    return False  # '- ' and '1. ' switched within one list
                if indent > int(previous[2:]) + 4:
                    return False
            elif indent:
                return False
        previous = kind
    return not inside_fence and _safe_inline(" ".join(pending))
