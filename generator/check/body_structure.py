"""The structure of a body as the renderer will read it: its '## ' sections (required ones
present, none empty), lines that look like a required heading but are not one ('##Aanpak',
'### Aanpak', '**Aanpak**'), and block tags that Python-Markdown would never close.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass

from generator.core.issues import Issue, error, warning
from generator.core.schema import REQUIRED_SECTIONS

_NO_SPACE_RE = re.compile(r"^(#{1,6})([^#\s].*?)[ \t#]*$")
_BOLD_LINE_RE = re.compile(r"^(\*\*|__)([^*_]+?)\1\s*:?$")
_BACKTICKS_RE = re.compile(r"`+")


@dataclass
class Section:
    title: str
    line: int
    has_content: bool = False


@dataclass(frozen=True)
class LookAlike:
    """A line that looks like a section heading but is not a '## ' heading: '##Aanpak',
    '### Aanpak', '# Aanpak', '**Aanpak**'. `fix` is the Dutch advice for it."""

    line: int
    title: str
    written: str
    fix: str


def heading_look_alike(line: int, title: str, tag: str) -> LookAlike:
    """A heading of another level than '##' (h1, h3 …), in case it names a required section."""
    hashes = "#" * int(tag[1])
    return LookAlike(line, title, f"{hashes} {title}",
                     f"Een sectie begint met precies twee hekjes: verander '{hashes}' in '##'.")


def paragraph_look_alikes(content: str, line: int) -> list[LookAlike]:
    """The lines of a paragraph that an editor may have meant as a heading."""
    found = []
    for offset, text in enumerate(content.split("\n")):
        text = text.strip()
        if match := _NO_SPACE_RE.match(text):
            found.append(LookAlike(line + offset, match[2], text,
                                   "Na de hekjes moet een spatie staan: '{heading}'."))
        elif match := _BOLD_LINE_RE.match(text):
            found.append(LookAlike(line + offset, match[2], text,
                                   "Vet gedrukte tekst is geen kop: schrijf '{heading}'."))
        elif "\n" not in content and len(text) < 60:
            # A line of its own that may be a heading without its '## ': recognised only when
            # it names a required section (see section_issues).
            found.append(LookAlike(line, text, text,
                                   "Zet er twee hekjes en een spatie voor: '{heading}'."))
    return found


# Tags that open a raw HTML block in Python-Markdown (the renderer) when a line starts with
# them: it then takes everything up to the matching end tag as HTML, and without one the rest
# of the page, headings included, stays raw text. Void elements (hr) have no end tag.
BLOCK_TAGS = frozenset(
    "address article aside blockquote canvas center colgroup dd details div dl dt fieldset "
    "figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup main menu nav ol p pre "
    "section summary table tbody td tfoot th thead tr ul".split())
_BLOCK_START_RE = re.compile(r"^ {0,3}<([a-zA-Z][a-zA-Z0-9]*)(?=[\s/>]|$)", re.M)


def unclosed_blocks(path: str, body: str, tokens, body_line: int) -> list[Issue]:
    """The first block tag at the start of a line that is never closed: Python-Markdown would
    swallow the rest of the page. Code (fences, indented blocks, code spans) is not HTML."""
    text = without_code(body, tokens)
    # The regex finds the next line that starts with a tag (its match starts at that line's
    # start): most lines are text, and matching each of them in Python cost more.
    position = 0
    while (match := _BLOCK_START_RE.search(text, position)) is not None:
        tag = match[1].lower()
        if tag not in BLOCK_TAGS:
            position = match.end()
            continue
        end = _matching_end(text, match.start(), tag)
        if end is None:
            line = body_line + text.count("\n", 0, match.start())
            return [error(path, line, match.start(1) - match.start(), None, "unclosed-html",
                          f"Op regel {line} opent <{match[1]}>, maar er staat nergens een "
                          f"</{tag}>. Dan verschijnt alles daarna, ook de koppen, als losse "
                          f"tekst op de site. Zet </{tag}> direct na de laatste regel die "
                          f"erbij hoort (of verwijder <{match[1]}>).")]
        position = end  # '^' matches no earlier than the line after the end tag's
    return unclosed_comment(path, text, body_line)


def unclosed_comment(path: str, text: str, body_line: int) -> list[Issue]:
    """An HTML comment ('<!--') that is never closed: the preview hides everything after it,
    but Python-Markdown shows it, so an internal note would be published."""
    start = text.find("<!--")
    while start >= 0:
        end = text.find("-->", start + 4)
        if end < 0:
            line = body_line + text.count("\n", 0, start)
            column = start - (text.rfind("\n", 0, start) + 1) + 1
            return [error(path, line, column, None, "unclosed-html",
                          f"Op regel {line} begint een HTML-commentaar ('<!--') dat nergens "
                          "wordt afgesloten met '-->'. De preview verbergt alles daarna, maar de "
                          "site toont het: ook een interne notitie zou gepubliceerd worden. Zet "
                          "'-->' direct na de laatste regel van het commentaar.")]
        start = text.find("<!--", end + 3)
    return []


def without_code(body: str, tokens) -> str:
    """`body` with its top-level fences and indented code blocks blanked to empty lines and its
    code spans to blanks, so that the lines stay where they were."""
    lines = body.split("\n")
    for token in tokens:
        if token.type in ("fence", "code_block") and token.map and token.level == 0:
            # markdown-it also breaks lines at a lone '\r': its map may run past the end.
            for number in range(token.map[0], min(token.map[1], len(lines))):
                lines[number] = ""
    return blank_code_spans("\n".join(lines))


def _matching_end(text: str, start: int, tag: str) -> int | None:
    """The offset after the end tag that closes the `tag` opened at `start`, counting nested
    tags of the same name (as Python-Markdown does); None when it is never closed."""
    depth = 0
    pattern = re.compile(rf"<(/?){tag}(?=[\s/>])[^<>]*?(/?)>", re.I)
    for match in pattern.finditer(text, start):
        if match[1]:
            depth -= 1
        elif not match[2]:
            depth += 1
        if depth <= 0:
            return match.end()
    return None


def blank_code_spans(text: str, blank: Callable[[str], str] | None = None) -> str:
    """Replace every code span (CommonMark: a backtick run up to the next run of the same length)
    by blanks that keep its line breaks (`blank` makes them of another shape). A
    backslash-escaped backtick opens no span. Linear: each run length keeps a pointer that
    only moves forward."""
    if "`" not in text:
        return text  # most inline texts: nothing to blank
    runs = [(m.start(), m.end()) for m in _BACKTICKS_RE.finditer(text)]
    by_length: dict[int, list[int]] = {}
    for index, (start, end) in enumerate(runs):
        by_length.setdefault(end - start, []).append(index)
    pointer = dict.fromkeys(by_length, 0)
    pieces, done, index = [], 0, 0
    while index < len(runs):
        start, end = runs[index]
        backslashes = 0
        while backslashes < start and text[start - backslashes - 1] == "\\":
            backslashes += 1
        if backslashes % 2:
            start += 1  # the first backtick is escaped: the rest of the run may still open
        length = end - start
        candidates = by_length.get(length, [])
        position = pointer.get(length, 0)
        while position < len(candidates) and candidates[position] <= index:
            position += 1
        if length:
            pointer[length] = position
        if not length or position == len(candidates):
            index += 1
            continue
        closing = candidates[position]
        pieces.append(text[done:start])
        pieces.append((blank or _blank_text)(text[start:runs[closing][1]]))
        done = runs[closing][1]
        index = closing + 1
    pieces.append(text[done:])
    return "".join(pieces)


def _blank_text(code: str) -> str:
    return "\n" * code.count("\n") + " "


def normalize_heading(title: str) -> str:
    return " ".join(title.split()).casefold().rstrip(":").strip()


def _loose(title: str) -> str:
    """A heading without markup and closing punctuation, for recognising a look-alike."""
    return normalize_heading(title.replace("*", "").replace("_", " ")).rstrip(".:;!?").strip()


def section_issues(path: str, kind: str, sections: list[Section],
                   look_alikes: list[LookAlike], body_line: int) -> list[Issue]:
    """Empty sections, and missing required ones: pointing at a look-alike or a near name.
    A kind without required sections (a hand-written page) gets only the empty ones."""
    issues: list[Issue] = []
    present = {normalize_heading(s.title): s for s in sections}
    wanted = REQUIRED_SECTIONS.get(kind, ())
    required_names = {normalize_heading(r) for r in wanted}
    for section in sections:
        if not section.has_content:
            # A required section cannot go: removing its heading would be a new error.
            advice = ("Schrijf er tekst onder: deze sectie is verplicht." if
                      normalize_heading(section.title) in required_names else
                      "Schrijf er tekst onder of verwijder de kop.")
            issues.append(warning(path, section.line, 1, None, "empty-section",
                                  f"De sectie '## {section.title}' op regel {section.line} is "
                                  f"leeg. {advice}"))
    extra = [name for name in present if name not in required_names]
    for required in wanted:
        if normalize_heading(required) in present:
            continue
        look_alike = next((a for a in look_alikes
                           if _loose(a.title) == _loose(required)), None)
        if look_alike:  # written, but not as a '## ' heading: point at it with the fix
            issues.append(error(path, look_alike.line, 1, None, "missing-section",
                                f"De verplichte sectie '## {required}' ontbreekt: op regel "
                                f"{look_alike.line} staat '{look_alike.written}', maar dat is "
                                "geen sectiekop. "
                                + look_alike.fix.replace("{heading}", f"## {required}")))
            continue
        close = difflib.get_close_matches(normalize_heading(required), extra, n=1, cutoff=0.6)
        if close:  # a renamed or misspelled heading: point at it
            near = present[close[0]]
            issues.append(error(path, near.line, 1, None, "missing-section",
                                f"De verplichte sectie '## {required}' ontbreekt. Op regel "
                                f"{near.line} staat '## {near.title}': bedoelde u "
                                f"'## {required}'? Verander de kop in '## {required}'."))
            continue
        issues.append(error(path, body_line, 1, None, "missing-section",
                            f"De verplichte sectie '## {required}' ontbreekt. Voeg een regel "
                            f"'## {required}' toe met de tekst eronder. Verplicht zijn: "
                            + ", ".join(wanted) + "."))
    return issues
