"""Explain a YAML slip by its cause, at the line where the editor made it, in Dutch.

The YAML parser reports where it gave up, in English ("did not find expected key", "mapping
values are not allowed here"), often a line after the mistake. Editors make a handful of slips
again and again: a typographic quote pasted from a word processor, an apostrophe inside single
quotes, a list typed with en dashes, no space after a colon, a key moved to the left margin, a
no-break space that looks like a space. Each slip has a detector here that proposes a repaired
line; a proposal counts only when the repaired text parses further than the broken one, so the
message names the line the editor must change and every example it shows is valid YAML.
Whatever no detector explains still gets a Dutch message at the parser's line: no English
parser text ever reaches an editor.

Invisible characters are found before parsing (`invisible_characters`): they are reported at
their line and parsing continues on a cleaned copy, so one slip gives one message.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import yaml

from generator.core.schema import (
    BOOL,
    CHOICE,
    COUNT,
    DATE,
    EMAIL,
    FIELDS,
    SLUG_LIST,
    URL,
    VOCAB,
    VOCAB_LIST,
    YEAR,
)

try:  # same loader as yamlsafe: libyaml when available
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader

PREFIX = "De gegevens bovenaan kunnen niet gelezen worden: "
MAX_TRIES = 60  # repaired texts parsed per error: bounded, whatever the input
WINDOW = 40  # lines above the parser's error that may hold the cause
MAX_DIAGNOSED = 200_000  # characters: longer texts are no hand-made frontmatter; no repairs

# Spaces that look like a space but are not one for YAML, with the name an editor may know.
ODD_SPACES = {
    "\u00a0": "harde spatie (U+00A0)", "\u202f": "smalle harde spatie (U+202F)",
    "\u2007": "cijferspatie (U+2007)", "\u2009": "dunne spatie (U+2009)",
    "\u200a": "haarspatie (U+200A)", "\u2002": "en-spatie (U+2002)",
    "\u2003": "em-spatie (U+2003)", "\u2004": "spatie (U+2004)", "\u2005": "spatie (U+2005)",
    "\u2006": "spatie (U+2006)", "\u2008": "spatie (U+2008)", "\u2000": "spatie (U+2000)",
    "\u2001": "spatie (U+2001)", "\u205f": "spatie (U+205F)", "\u3000": "brede spatie (U+3000)",
    "\u1680": "spatie (U+1680)",
}
# Characters that take no room at all: pasted from web pages, chat apps and PDFs.
ZERO_WIDTH = {
    "\u200b": "nulbreedte-spatie (U+200B)", "\u200c": "nulbreedte-scheiding (U+200C)",
    "\u200d": "nulbreedte-verbinding (U+200D)", "\u2060": "woordverbinder (U+2060)",
    "\ufeff": "BOM-teken (U+FEFF)", "\u200e": "richtingsteken (U+200E)",
    "\u200f": "richtingsteken (U+200F)", "\u202a": "richtingsteken (U+202A)",
    "\u202b": "richtingsteken (U+202B)", "\u202c": "richtingsteken (U+202C)",
    "\u202d": "richtingsteken (U+202D)", "\u202e": "richtingsteken (U+202E)",
    "\u2066": "richtingsteken (U+2066)", "\u2067": "richtingsteken (U+2067)",
    "\u2068": "richtingsteken (U+2068)", "\u2069": "richtingsteken (U+2069)",
}
_ODD = "".join(ODD_SPACES)
_ZERO = "".join(ZERO_WIDTH)
_ANY_INVISIBLE_RE = re.compile(f"[{re.escape(_ODD + _ZERO)}]")
# A zero-width joiner between two pictographs is part of an emoji (a family, a flag): not a slip.
_PICTOGRAPH = "\u2600-\u27bf\ufe0f\U0001f000-\U0001faff"
# What follows the indentation of a line that YAML reads as structure: a list item or a key.
_STRUCTURE_RE = re.compile(rf"^(?:-[ {_ODD}]|[A-Za-z_][\w-]*[ {_ODD}]*:(?:[ {_ODD}]|$))")
_ZERO_RE = re.compile(f"[{_ZERO.replace(chr(0x200d), '')}]"
                      f"|(?<![{_PICTOGRAPH}])\u200d|\u200d(?![{_PICTOGRAPH}])")
# Where an odd space breaks the structure: in the indentation, right after a list dash, or
# around the colon of a key. Inside a text it is harmless (a no-break space in '€ 650').
_STRUCTURAL_SPACE_RE = re.compile(
    rf"^(?P<indent>[ {_ODD}]*)(?:-(?P<dash>[ {_ODD}]+))?"
    rf"(?:(?P<key>[A-Za-z_][\w-]*)(?P<before>[ {_ODD}]*):(?P<after>[{_ODD}]+))?")

# Typographic quotes: opening ones, and every quote that may close them.
_TYPO_OPEN = "“„‘‚«"
_TYPO_CLOSE = "”“’‘»"
_LIST_MARKERS = {"–": "een gedachtestreepje (–)", "—": "een lang gedachtestreepje (—)",
                 "•": "een bolletje (•)", "·": "een punt (·)", "*": "een sterretje (*)",
                 "‐": "een afbreekstreepje (‐)", "‑": "een afbreekstreepje (‑)",
                 "−": "een wiskundig minteken (−)", "▪": "een blokje (▪)", "◦": "een rondje (◦)",
                 "●": "een groot bolletje (●)"}
_MARKER_RE = re.compile(rf"^(?P<indent> *)(?P<marker>[{''.join(_LIST_MARKERS)}])[ \t]*"
                        r"(?P<rest>\S.*)$")
_KEY_LINE_RE = re.compile(r"^(?P<indent> *)(?P<dash>- +)?(?P<key>[A-Za-z_][\w-]*) *:"
                          r"(?:[ \t]+(?P<value>.*?))?[ \t]*$")
_NO_SPACE_RE = re.compile(r"^(?P<lead> *(?:- +)?)(?P<key>[A-Za-z_][\w-]*):(?P<rest>[^\s:/].*)$")
_NO_COLON_RE = re.compile(r"^(?P<lead> *(?:- +)?)(?P<key>[a-z_]+)[ \t]+(?P<rest>\S.*)$")
_URL_SCHEMES = {"http", "https", "mailto", "ftp", "tel"}


def known_keys() -> frozenset[str]:
    """Every key name of the content format, at any level."""
    names: set[str] = set()
    stack = [spec for fields in FIELDS.values() for spec in fields]
    while stack:
        spec = stack.pop()
        names.add(spec.name)
        stack.extend(spec.fields)
    return frozenset(names)


_KNOWN_KEYS = known_keys()
# Keys whose value must match exactly: an invisible character there makes it a different value.
_EXACT_KEYS = frozenset(
    spec.name for fields in FIELDS.values() for top in fields for spec in (top, *top.fields)
    if spec.kind in (VOCAB, VOCAB_LIST, SLUG_LIST, CHOICE, DATE, YEAR, COUNT, BOOL, URL, EMAIL))


@dataclass
class Diagnosis:
    line: int  # 0-based line of the YAML text
    column: int
    message: str  # Dutch, with {line:N} placeholders for other lines
    repaired: dict[int, str] | None = None  # the lines the message proposes, by index


# ---------------------------------------------------------------- invisible characters

def invisible_characters(text: str, limit: int = 20) -> tuple[str, list[Diagnosis]]:
    """Odd spaces where YAML needs a space, and zero-width characters in a key or in a value
    that must match exactly (an id, a date, an address): one diagnosis per line, and the text
    with them repaired (same lines, so positions hold). Inside a free text both are left alone:
    a no-break space in '€ 650' is typography."""
    if not _ANY_INVISIBLE_RE.search(text):  # the normal case, decided in C
        return text, []
    lines = text.split("\n")
    found: list[Diagnosis] = []
    parent = None  # the key whose block a '- item' line belongs to
    for index, line in enumerate(lines):
        if line.lstrip(" " + _ODD + _ZERO).startswith("#"):
            continue
        repaired, diagnosis = _repair_line(line, index, parent)
        key = _KEY_LINE_RE.match(repaired)
        if key and not key["dash"]:
            parent = key["key"] if not key["value"] else None
        if diagnosis is not None:
            lines[index] = repaired
            if len(found) < limit:
                found.append(diagnosis)
    return "\n".join(lines), found


def _odd_space(line: str, index: int) -> tuple[str, Diagnosis] | None:
    match = _STRUCTURAL_SPACE_RE.match(line)
    for group in ("indent", "dash", "before", "after"):
        span = match.group(group)
        if not span or not any(char in ODD_SPACES for char in span):
            continue
        if group == "indent" and not _STRUCTURE_RE.match(line[match.end("indent"):]):
            return None  # a line of a longer text that starts with a no-break space
        if group == "dash" and span[0] == " " \
                and not _STRUCTURE_RE.match(line[match.end("dash"):]):
            # YAML had its space after the dash: unless structure follows (a key, a nested
            # item), it is a text value read as written ('- \u00a0Jansen' is ' Jansen').
            return None
        start = match.start(group) + next(i for i, c in enumerate(span) if c in ODD_SPACES)
        fixed = "".join(" " if c in ODD_SPACES else c for c in line[:match.end()]) \
            + line[match.end():]
        where = {"indent": "in de inspringing aan het begin van de regel",
                 "dash": "na het lijststreepje",
                 "before": f"voor de dubbele punt van '{match['key']}'",
                 "after": f"na '{match['key']}:'"}[group]
        return fixed, Diagnosis(index, start, (
            f"Op deze regel staat een {ODD_SPACES[line[start]]} {where}. Die lijkt op een "
            "gewone spatie, maar YAML ziet hem niet als spatie, zodat de regel niet goed "
            "gelezen wordt. Verwijder hem en typ een gewone spatie; zo'n teken komt vaak mee "
            "als u tekst uit Word of een webpagina plakt."))
    return None


def _repair_line(line: str, index: int, parent: str | None) -> tuple[str, Diagnosis | None]:
    zero = _ZERO_RE.search(line)
    cleaned = _ZERO_RE.sub("", line) if zero else line
    odd = _odd_space(cleaned, index)
    if odd is not None:
        return odd
    if zero is None:
        return line, None
    # Everything before the first zero-width character is ordinary, so its index is the same
    # in the cleaned line: compare it with where the value starts there.
    key = _KEY_LINE_RE.match(cleaned)
    item = re.match(r"^ *- +", cleaned)
    if key:
        owner, value_at = key["key"], key.start("value") if key["value"] else len(cleaned)
    elif item:
        owner, value_at = parent, item.end()
    else:
        return line, None
    if zero.start() >= value_at and owner not in _EXACT_KEYS:
        return line, None  # inside a free text: not a slip
    where = "in de waarde" if zero.start() >= value_at else \
        f"in '{key['key']}'" if key else "voor de waarde"
    return cleaned, Diagnosis(index, zero.start(), (
        f"Op deze regel staat een onzichtbaar teken {where}: een {ZERO_WIDTH[zero[0]]}. U "
        "ziet het niet, maar het maakt de sleutel of waarde anders dan hij lijkt. Verwijder "
        "het (zet de cursor ervoor en druk op Delete, of typ de regel opnieuw); zo'n teken "
        "komt vaak mee als u tekst van een webpagina of uit een chat plakt."))


# ---------------------------------------------------------------- parse errors

def _error_position(text: str) -> tuple[int, int] | None:
    """Where the parser gives up on `text` (line, column), or None when it parses."""
    try:
        for _event in yaml.parse(text, Loader=_Loader):
            pass
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        return (mark.line, mark.column) if mark else (0, 0)
    except (yaml.YAMLError, ValueError, RecursionError):
        return (0, 0)
    return None


@dataclass
class _Proposal:
    line: int  # the line to change (0-based)
    column: int
    fixed: dict[int, str]  # line index -> repaired line
    message: str  # may use {fixed} for the repaired line, stripped


_Detector = Callable[[list[str], int], Iterator[_Proposal]]


def diagnose(text: str, exc: yaml.MarkedYAMLError) -> Diagnosis:
    """The Dutch explanation of a parse error in `text`. Never raises."""
    try:
        return _diagnose(text, exc)
    except Exception:  # noqa: BLE001 - a diagnosis must never turn a slip into a crash
        mark = exc.problem_mark or exc.context_mark
        line = mark.line if mark else 0
        return Diagnosis(line, mark.column if mark else 0, _generic(line))


def _diagnose(text: str, exc: yaml.MarkedYAMLError) -> Diagnosis:
    lines = text.split("\n")
    if len(text) > MAX_DIAGNOSED:
        return _fallback(lines, exc)
    mark = exc.problem_mark or exc.context_mark
    error_at = (mark.line, mark.column) if mark else (0, 0)
    last = min(error_at[0], len(lines) - 1)
    tab = _tab(lines, exc, last)
    if tab is not None:
        return tab
    tries = 0
    for detector in _DETECTORS:
        for index in range(last, max(-1, last - WINDOW), -1):
            for proposal in detector(lines, index):
                tries += 1
                if tries > MAX_TRIES:
                    return _fallback(lines, exc)
                if _repairs(lines, proposal, error_at):
                    fixed = proposal.fixed[proposal.line].strip()
                    return Diagnosis(proposal.line, proposal.column,
                                     PREFIX + proposal.message.replace("{fixed}", fixed),
                                     proposal.fixed)
    return _fallback(lines, exc)


def _repairs(lines: list[str], proposal: _Proposal, error_at: tuple[int, int]) -> bool:
    """The proposal is right when the repaired text parses, or fails only further on."""
    repaired = list(lines)
    for index, line in proposal.fixed.items():
        repaired[index] = line
    position = _error_position("\n".join(repaired))
    return position is None or position > error_at


def _tab(lines: list[str], exc: yaml.MarkedYAMLError, last: int) -> Diagnosis | None:
    """A tab where YAML wants spaces: the parser points right at it."""
    mark = exc.problem_mark
    if mark is None or mark.line >= len(lines):
        return None
    line = lines[mark.line]
    problem = exc.problem or ""
    at_tab = mark.column < len(line) and line[mark.column] == "\t"
    if at_tab or "tab" in problem:
        column = line.index("\t") if "\t" in line else mark.column
        return Diagnosis(mark.line, column, PREFIX + (
            "op deze regel staat een tab. YAML accepteert voor inspringen alleen spaties: "
            "vervang de tab door spaties (twee per niveau, precies zo ver als de regels op "
            "hetzelfde niveau)."))
    return None


def _value_start(line: str) -> tuple[str, int] | None:
    """The key (or '-' for a list item) and the column where its value starts, if any."""
    match = _KEY_LINE_RE.match(line)
    if match and match["value"]:
        return match["key"], match.start("value")
    item = re.match(r"^( *- +)(\S.*)$", line)
    if item and not _KEY_LINE_RE.match(line):
        return "-", item.end(1)
    return None


def _double_quoted(inner: str) -> str:
    return '"' + inner.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _single_quoted(inner: str) -> str:
    return "'" + inner.replace("'", "''") + "'"


def _typographic_quotes(lines: list[str], index: int) -> Iterator[_Proposal]:
    line = lines[index]
    for opening in re.finditer(f"[{_TYPO_OPEN}]", line):
        start = opening.start()
        before = line[:start].rstrip()
        if not before.endswith((":", "-", "[", "{", ",")):
            continue
        for end in sorted((m.start() for m in re.finditer(f"[{_TYPO_CLOSE}]", line)
                           if m.start() > start), reverse=True):
            inner = line[start + 1:end]
            fixed = line[:start] + _double_quoted(inner) + line[end + 1:]
            yield _Proposal(index, start, {index: fixed}, (
                f"de tekst staat tussen typografische aanhalingstekens ({line[start]} "
                f"{line[end]}), zoals een tekstverwerker ze maakt. YAML herkent alleen rechte "
                "aanhalingstekens, en leest de dubbele punt in de tekst daardoor als een nieuwe "
                "sleutel. Zet de tekst tussen rechte aanhalingstekens: {fixed}"))
        break


def _straight_open_typographic_close(lines: list[str], index: int) -> Iterator[_Proposal]:
    line = lines[index]
    value = _value_start(line)
    if value is None or line[value[1]] not in "\"'":
        return
    quote = line[value[1]]
    closing = line.rstrip()[-1:]
    if closing in _TYPO_CLOSE and len(line.rstrip()) > value[1] + 1:
        fixed = line.rstrip()[:-1] + quote
        yield _Proposal(index, value[1], {index: fixed}, (
            f"de tekst begint met een recht aanhalingsteken ({quote}) maar eindigt met een "
            f"typografisch ({closing}). YAML zoekt het rechte sluitteken en leest daardoor de "
            "regels erna mee. Zet de tekst tussen rechte aanhalingstekens: {fixed}"))


def _quote_end(line: str, start: int) -> int | None:
    """The index of the quote that closes the quoted text opening at `start`, or None."""
    quote = line[start]
    index = start + 1
    while index < len(line):
        char = line[index]
        if quote == "'" and char == "'":
            if line[index + 1:index + 2] == "'":
                index += 2
                continue
            return index
        if quote == '"' and char == "\\":
            index += 2
            continue
        if quote == '"' and char == '"':
            return index
        index += 1
    return None


def _quote_inside_quotes(lines: list[str], index: int) -> Iterator[_Proposal]:
    """'Het project 's avonds' and "De aanpak "Samen" werkt": the inner quote ends the text."""
    line = lines[index].rstrip()
    value = _value_start(line)
    if value is None or line[value[1]] not in "\"'" or line[-1] != line[value[1]]:
        return
    start, quote = value[1], line[value[1]]
    end = _quote_end(line, start)
    if end is None or end == len(line) - 1:
        return
    inner = line[start + 1:-1]
    if quote == "'":
        fixed = line[:start] + _double_quoted(inner)
        yield _Proposal(index, end, {index: fixed}, (
            "de tekst staat tussen enkele aanhalingstekens ('…'), maar er staat zelf een "
            f"apostrof in ({_around(line, end)}). Die apostrof sluit de tekst te vroeg af. Zet "
            "de tekst tussen dubbele aanhalingstekens: {fixed} (of schrijf de apostrof twee "
            "keer: '')."))
    else:
        fixed = line[:start] + (_single_quoted(inner) if "'" not in inner
                                else _double_quoted(inner))
        yield _Proposal(index, end, {index: fixed}, (
            "de tekst staat tussen dubbele aanhalingstekens, maar er staan ook aanhalingstekens "
            f"in de tekst zelf ({_around(line, end)}). Het tweede aanhalingsteken sluit de tekst "
            "te vroeg af. Zet de hele tekst tussen enkele aanhalingstekens: {fixed} (of gebruik "
            "in de tekst typografische aanhalingstekens “ ”)."))


def _around(line: str, index: int) -> str:
    """The word before `index` and the words from it on, to quote the spot in a message."""
    head, tail = line[:index], line[index:]
    before = head.split()[-1:]
    after = tail.split()[:2]
    if before and after and not head[-1:].isspace() and not tail[:1].isspace():
        return " ".join([before[0] + after[0], *after[1:]])  # the spot is inside a word
    return " ".join(before + after)


def _unclosed_quote(lines: list[str], index: int) -> Iterator[_Proposal]:
    line = lines[index].rstrip()
    value = _value_start(line)
    if value is None or line[value[1]] not in "\"'":
        return
    start, quote = value[1], line[value[1]]
    if _quote_end(line, start) is not None:
        return
    fixed = line + quote
    yield _Proposal(index, start, {index: fixed}, (
        f"het aanhalingsteken ({quote}) aan het begin van de tekst wordt op deze regel niet "
        "gesloten, dus YAML leest de regels erna mee als tekst. Zet aan het eind van de tekst "
        "hetzelfde aanhalingsteken: {fixed}"))


_PAIRS = {"[": "]", "{": "}"}


def _wrong_bracket(lines: list[str], index: int) -> Iterator[_Proposal]:
    """'[a, b}' or '{title: x]': the list or group is closed with the other bracket."""
    line = lines[index].rstrip()
    value = _value_start(line)
    if value is None or line[value[1]] not in _PAIRS or line[-1] not in "]}":
        return
    opening = line[value[1]]
    if line[-1] == _PAIRS[opening]:
        return
    fixed = line[:-1] + _PAIRS[opening]
    what = "de lijst" if opening == "[" else "de groep"
    yield _Proposal(index, len(line) - 1, {index: fixed}, (
        f"{what} begint met '{opening}' maar sluit met '{line[-1]}'. Sluit af met "
        f"'{_PAIRS[opening]}': {{fixed}}"))


def _extra_bracket(lines: list[str], index: int) -> Iterator[_Proposal]:
    """'[a, b]]': one closing bracket too many at the end of a list or group."""
    line = lines[index].rstrip()
    value = _value_start(line)
    if value is None or line[value[1]] not in _PAIRS or line[-1] not in "]}":
        return
    text = line[value[1]:]
    if text.count(line[-1]) <= text.count("[" if line[-1] == "]" else "{"):
        return
    fixed = line[:-1]
    yield _Proposal(index, len(line) - 1, {index: fixed}, (
        f"aan het eind van deze regel staat een '{line[-1]}' te veel. Haal er een weg: "
        "{fixed}"))


def _list_markers(lines: list[str], index: int) -> Iterator[_Proposal]:
    match = _MARKER_RE.match(lines[index])
    if not match:
        return
    marker = match["marker"]
    first = index
    while first > 0 and _same_marker(lines[first - 1], marker):
        first -= 1
    fixed = {}
    number = first
    while number < len(lines) and _same_marker(lines[number], marker):
        item = _MARKER_RE.match(lines[number])
        fixed[number] = f"{item['indent']}- {item['rest']}"
        number += 1
    yield _Proposal(first, len(match["indent"]), fixed, (
        f"deze lijst gebruikt {_LIST_MARKERS[marker]} als opsommingsteken, zoals een "
        "tekstverwerker dat maakt. YAML herkent een lijstregel alleen aan een gewoon minteken: "
        "gebruik - gevolgd door een spatie, zoals: {fixed}"))


def _same_marker(line: str, marker: str) -> bool:
    match = _MARKER_RE.match(line)
    return bool(match) and match["marker"] == marker


def _missing_space(lines: list[str], index: int) -> Iterator[_Proposal]:
    match = _NO_SPACE_RE.match(lines[index])
    if not match or match["key"].lower() in _URL_SCHEMES:
        return
    fixed = f"{match['lead']}{match['key']}: {match['rest']}"
    yield _Proposal(index, match.end("key") + 1, {index: fixed}, (
        f"na '{match['key']}:' ontbreekt een spatie, zodat YAML '{match['key']}:"
        f"{match['rest'][:20]}' als één woord leest. Zet een spatie na de dubbele punt: "
        "{fixed}"))


def _missing_colon(lines: list[str], index: int) -> Iterator[_Proposal]:
    match = _NO_COLON_RE.match(lines[index])
    if not match or match["key"] not in _KNOWN_KEYS:
        return
    fixed = f"{match['lead']}{match['key']}: {match['rest']}"
    yield _Proposal(index, match.end("key"), {index: fixed}, (
        f"na '{match['key']}' ontbreekt de dubbele punt. Schrijf de sleutel, een dubbele punt, "
        "een spatie en dan de waarde: {fixed}"))


def _colon_in_text(lines: list[str], index: int) -> Iterator[_Proposal]:
    line = lines[index].rstrip()
    value = _value_start(line)
    if value is None:
        return
    key, start = value
    text = line[start:]
    if text[0] in "\"'[{|>&*!%@`#" or (": " not in text and not text.endswith(":")):
        return
    fixed = line[:start] + _double_quoted(text)
    colon = start + (text.index(": ") if ": " in text else len(text) - 1)
    whose = "de lijstregel" if key == "-" else f"'{key}'"
    yield _Proposal(index, colon, {index: fixed}, (
        f"in de tekst van {whose} staat een dubbele punt met een spatie erna "
        f"({_around(line, colon)}). YAML leest dat als een nieuwe 'sleutel: waarde'. Zet de hele "
        "tekst tussen rechte aanhalingstekens: {fixed}"))


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _content(lines: list[str], index: int, step: int) -> int | None:
    """The nearest line from `index` (exclusive) in direction `step` with content, not a
    comment."""
    index += step
    while 0 <= index < len(lines):
        stripped = lines[index].strip()
        if stripped and not stripped.startswith("#"):
            return index
        index += step
    return None


def _dedented_child(lines: list[str], index: int) -> Iterator[_Proposal]:
    """'criteria:' then 'handbook: true' against the margin, and the next keys indented."""
    line = lines[index]
    match = _KEY_LINE_RE.match(line)
    below = _content(lines, index, 1)
    if not match or match["dash"] or below is None:
        return
    depth = _indent(lines[below])
    owner = _owner(lines, index, depth)
    if owner is None or depth <= _indent(line):
        return
    parent = _KEY_LINE_RE.match(lines[owner])
    if not parent or parent["value"] or _indent(lines[owner]) != _indent(line):
        return
    fixed = " " * depth + line.lstrip(" ")
    yield _Proposal(index, _indent(line), {index: fixed}, (
        f"'{match['key']}' hoort bij '{parent['key']}' op regel {{line:{owner + 1}}}, maar "
        f"springt niet in. Laat '{match['key']}' even ver inspringen als de regel eronder: "
        f"{depth} spaties."))


def _owner(lines: list[str], index: int, depth: int) -> int | None:
    """The nearest line above `index` indented less than `depth`, passing over the lines at
    `depth` or deeper: the group a key at the margin fell out of ('recognition:' for
    'assessed_on' moved left between 'level' and 'assessed_by')."""
    above = _content(lines, index, -1)
    while above is not None and _indent(lines[above]) >= depth:
        above = _content(lines, above, -1)
    return above


def _too_deep(lines: list[str], index: int) -> Iterator[_Proposal]:
    """'website: …' and then '    email: …' further to the right."""
    line = lines[index]
    match = _KEY_LINE_RE.match(line)
    above = _content(lines, index, -1)
    if not match or above is None:
        return
    sibling = _KEY_LINE_RE.match(lines[above])
    if not sibling or not sibling["value"] or sibling["value"][0] in "|>" \
            or _indent(line) <= _indent(lines[above]):
        return
    depth = _indent(lines[above])
    fixed = " " * depth + line.lstrip(" ")
    yield _Proposal(index, 0, {index: fixed}, (
        f"'{match['key']}' springt verder in dan '{sibling['key']}' op regel "
        f"{{line:{above + 1}}}. Sleutels op hetzelfde niveau moeten precies even ver inspringen: "
        f"zet '{match['key']}' recht onder '{sibling['key']}' "
        f"({f'{depth} spaties' if depth else 'tegen de linkerkantlijn'})."))


def _open_indents(lines: list[str], index: int) -> set[int]:
    """The indentations a line may have after the lines above it: those of its possible
    parents and siblings (each line above that no later line above undercuts)."""
    indents: set[int] = set()
    lowest = None
    above = index
    while (above := _content(lines, above, -1)) is not None:
        depth = _indent(lines[above])
        if lowest is None or depth <= lowest:
            indents.add(depth)
            lowest = depth
            if depth == 0:
                break
    return indents | {0}


def _uneven_indent(lines: list[str], index: int) -> Iterator[_Proposal]:
    """A key whose indentation matches no line above it: try the indentations above, for this
    line and the lines below it at the same indentation (its siblings)."""
    line = lines[index]
    match = _KEY_LINE_RE.match(line)
    above = _content(lines, index, -1)
    if not match or _indent(line) in _open_indents(lines, index) and (
            above is None or _indent(line) <= _indent(lines[above])):
        return
    own = _indent(line)
    siblings = [index]
    below = index
    while (below := _content(lines, below, 1)) is not None and _indent(lines[below]) >= own:
        if _indent(lines[below]) == own:
            siblings.append(below)
    tried = {own}
    above = index
    while (above := _content(lines, above, -1)) is not None and len(tried) < 6:
        depth = _indent(lines[above])
        other = _KEY_LINE_RE.match(lines[above])
        if depth in tried or not other:
            continue
        tried.add(depth)
        fixed = {number: " " * depth + lines[number].lstrip(" ") for number in siblings}
        also = " en de regels eronder die even ver inspringen" if len(siblings) > 1 else ""
        yield _Proposal(index, 0, fixed, (
            f"de inspringing van '{match['key']}' ({own} spaties) past niet bij de regels "
            f"erboven: '{other['key']}' op regel {{line:{above + 1}}} springt {depth} spaties "
            "in. Sleutels op hetzelfde niveau moeten precies even ver inspringen: laat "
            f"'{match['key']}'{also} ook {depth} spaties inspringen (of '{other['key']}' "
            f"{own})."))


def _continuation(lines: list[str], index: int) -> Iterator[_Proposal]:
    """A long text broken over two lines with the second line against the margin."""
    line = lines[index]
    above = _content(lines, index, -1)
    if above is None or not line.strip() or _KEY_LINE_RE.match(line) \
            or _MARKER_RE.match(line) or line.lstrip().startswith(("- ", "---", "...")):
        return
    match = _KEY_LINE_RE.match(lines[above])
    if not match or not match["value"] or match["value"][0] in "[{" \
            or _indent(line) > _indent(lines[above]):
        return
    depth = _indent(lines[above]) + 2
    if match["value"][0] in "|>":
        yield _Proposal(index, 0, {index: " " * depth + line.lstrip(" ")}, (
            f"de tekst onder '{match['key']}: {match['value']}' op regel {{line:{above + 1}}} "
            f"moet inspringen, anders leest YAML hem als een nieuwe sleutel. Laat elke regel van "
            f"de tekst {depth} spaties inspringen, twee meer dan '{match['key']}'."))
        return
    fixed = " " * depth + line.lstrip(" ")
    yield _Proposal(index, 0, {index: fixed}, (
        f"deze regel lijkt het vervolg van de tekst van '{match['key']}' op regel "
        f"{{line:{above + 1}}}, maar springt niet in, dus YAML verwacht hier een nieuwe sleutel. "
        f"Laat de regel {depth} spaties inspringen, twee meer dan '{match['key']}' (of zet de "
        "tekst op één regel)."))


# Most specific first: a detector later in the list would also 'repair' some earlier slips
# (moving a line to the left also makes a key moved to the margin parse).
_DETECTORS: tuple[_Detector, ...] = (
    _straight_open_typographic_close, _typographic_quotes, _quote_inside_quotes,
    _list_markers, _missing_space, _missing_colon, _colon_in_text, _unclosed_quote,
    _wrong_bracket, _extra_bracket,
    _dedented_child, _continuation, _too_deep, _uneven_indent,
)


# ---------------------------------------------------------------- what no detector explains

_OPENED_AT_CONTEXT = ("while scanning a quoted scalar", "while parsing a flow sequence",
                      "while parsing a flow mapping")
_HINTS = (
    ("while scanning a quoted scalar",
     "het aanhalingsteken dat hier opent, wordt niet gesloten. Zet aan het eind van de tekst "
     "hetzelfde rechte aanhalingsteken."),
    ("while parsing a flow sequence",
     "de lijst die hier met '[' begint, wordt niet gesloten met ']'. Sluit de lijst op dezelfde "
     "regel af met ']' en zet een komma tussen de waarden."),
    ("while parsing a flow mapping",
     "de groep die hier met '{' begint, wordt niet gesloten met '}'. Sluit de groep af met '}' "
     "en zet een komma tussen de onderdelen."),
    ("mapping values are not allowed",
     "hier staat een dubbele punt waar YAML die niet verwacht. Staat er een dubbele punt in een "
     "tekst, zet de hele tekst dan tussen rechte aanhalingstekens; is een sleutel te ver "
     "ingesprongen, zet hem dan recht onder de sleutels op hetzelfde niveau."),
    ("could not find expected ':'",
     "hier verwachtte YAML 'sleutel: waarde'. Mist er een dubbele punt, of de spatie erna?"),
    ("while scanning an alias",
     "een waarde begint met een sterretje (*). Gebruik voor een lijstregel een minteken (-) en "
     "zet tekst die met * begint tussen rechte aanhalingstekens."),
    ("while scanning an anchor",
     "een waarde begint met '&'. Zet tekst die met & begint tussen rechte aanhalingstekens."),
    ("found undefined alias",
     "hier staat een verwijzing (*naam) naar iets dat niet bestaat. Zet tekst die met * begint "
     "tussen rechte aanhalingstekens."),
    ("unknown escape", "in tekst tussen dubbele aanhalingstekens heeft de backslash (\\) een "
     "speciale betekenis. Gebruik enkele aanhalingstekens, of schrijf twee backslashes (\\\\)."),
    ("escape", "in tekst tussen dubbele aanhalingstekens heeft de backslash (\\) een speciale "
     "betekenis. Gebruik enkele aanhalingstekens, of schrijf twee backslashes (\\\\)."),
    ("cannot start any token",
     "hier staat een teken waarmee een waarde niet mag beginnen (zoals @, ` of %). Zet de tekst "
     "tussen rechte aanhalingstekens."),
    ("block sequence entries are not allowed",
     "hier begint een lijstregel (-) op een plek waar YAML geen lijst verwacht. Staat de lijst "
     "op een eigen regel onder de sleutel, en springt elke regel even ver in?"),
    ("expected '-' indicator",
     "hier verwachtte YAML de volgende lijstregel, die met '- ' begint. Springen alle "
     "lijstregels even ver in, en zijn aanhalingstekens gesloten?"),
    ("expected key", "de inspringing klopt hier niet, of een tekst op een eerdere regel is niet "
     "goed afgesloten. Laat sleutels op hetzelfde niveau precies even ver inspringen, met "
     "spaties."),
    ("expected <block end>", "de inspringing klopt hier niet. Laat sleutels op hetzelfde niveau "
     "precies even ver inspringen, met spaties."),
    ("expected ',' or ']'", "een lijst tussen [ ] is niet goed afgesloten: mist er een ']' of "
     "een komma?"),
    ("expected ',' or '}'", "een groep tussen { } is niet goed afgesloten: mist er een '}' of "
     "een komma?"),
    ("end of stream", "de gegevens houden onverwacht op: wordt een aanhalingsteken of haakje "
     "niet gesloten?"),
    ("document", "hier staat een regel met alleen '---' of '...' midden in de gegevens. De "
     "gegevens staan tussen precies twee regels '---'."),
    ("control characters", "hier staat een onzichtbaar stuurteken; verwijder het."),
    ("special characters", "hier staat een onzichtbaar stuurteken; verwijder het."),
    ("utf-8", "hier staat een teken dat geen geldige tekst is; typ het opnieuw."),
    ("indentation indicator", "na '|' of '>' mag alleen een cijfer van 1 tot 9 of een - of + "
     "staan. Schrijf de tekst liever zonder | of >, tussen rechte aanhalingstekens."),
    ("tag", "hier staat een !-label. Zet tekst die met ! begint tussen rechte "
     "aanhalingstekens."),
    ("duplicate anchor", "hier staat twee keer dezelfde &naam. Zet tekst die met & begint "
     "tussen rechte aanhalingstekens."),
    ("simple key", "hier verwachtte YAML 'sleutel: waarde' op één regel. Mist er een dubbele "
     "punt, of staat een sleutel over twee regels?"),
)


def _fallback(lines: list[str], exc: yaml.MarkedYAMLError) -> Diagnosis:
    mark = exc.problem_mark or exc.context_mark
    if exc.context_mark and (exc.context or "").startswith(_OPENED_AT_CONTEXT):
        mark = exc.context_mark
    elif exc.context_mark and (exc.context or "").startswith("while scanning a simple key"):
        mark = exc.context_mark  # the key that has no colon, not the line after it
    line = min(mark.line, max(0, len(lines) - 1)) if mark else 0
    column = mark.column if mark else 0
    english = f"{exc.context or ''} {exc.problem or ''}".lower()
    hint = next((dutch for words, dutch in _HINTS if words.lower() in english), None)
    return Diagnosis(line, column, PREFIX + hint if hint else _generic(line))


def _generic(line: int) -> str:
    return (PREFIX + f"op regel {{line:{line + 1}}} (of vlak erboven) staat iets dat YAML niet "
            "begrijpt. Kijk naar de inspringing (alleen spaties), een spatie na elke dubbele "
            "punt, en of aanhalingstekens en haakjes gesloten zijn.")


# ---------------------------------------------------------------- lists read as one text

_TEXT_MARKER_RE = re.compile(rf"^(?P<marker>[{''.join(_LIST_MARKERS)}])\s")
_SPLIT_RE = {marker: re.compile(rf"\s*{re.escape(marker)}\s+") for marker in _LIST_MARKERS}


def list_marker_message(key: str, text: str) -> str | None:
    """The message for a list that YAML read as one text ('– a – b' or '-a -b'), or None when
    the text does not look like such a list."""
    match = _TEXT_MARKER_RE.match(text)
    if match:
        marker = match["marker"]
        items = [item for item in _SPLIT_RE[marker].split(text) if item]
        return (f"De regels onder '{key}' beginnen met {_LIST_MARKERS[marker]} in plaats van "
                "een gewoon minteken, zodat YAML ze als één tekst leest en niet als lijst. "
                f"Gebruik - gevolgd door een spatie, zoals: - {_plain_item(items[0])}")
    if re.match(r"^-[^\W\d_]", text):  # "-eenzaamheid", not "-5 graden"
        items = [item for item in re.split(r"(?:^|\s+)-(?=\S)", text) if item.strip()]
        return (f"Na het lijststreepje onder '{key}' ontbreekt een spatie, zodat YAML de "
                "regels als één tekst leest en niet als lijst. Zet een spatie na elk streepje, "
                f"zoals: - {_plain_item(items[0].strip())}")
    return None


def _plain_item(text: str) -> str:
    """A list item as YAML reads it back unchanged: quoted when it would not be."""
    try:
        if yaml.load(f"- {text}", Loader=_Loader) == [text]:
            return text
    except yaml.YAMLError:
        pass
    return _double_quoted(text)
