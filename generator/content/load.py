"""Stage 1: read content files into Sources. Never raises: every problem becomes an Issue.

A Source keeps the frontmatter as plain values with a line and column for every key path, and
the body with the file line it starts at, so later stages can point at the right line.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from generator.content.yamlsafe import Parsed, parse_yaml, resolve_line_placeholders
from generator.core.characters import describe, first_forbidden_in_text, forbidden_in_value
from generator.core.disk import link_in_path, outside_message
from generator.core.issues import Issue, Severity, error, warning
from generator.core.numbers import number_nl
from generator.core.paths import CONTENT_FOLDERS, SITE_FOLDERS
from generator.core.schema import FIELDS, OBJECT_LIST, SLUG_LIST, TEXT_LIST, VOCAB_LIST
from generator.core.work import map_halves

# kind -> content folder, and content folder -> site folder (generator/core/paths.py)
KIND_FOLDERS, SITE_FOLDERS = CONTENT_FOLDERS, SITE_FOLDERS
SLUG_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
# Names in interventies/ and dossiers/ that the site itself uses: a slug or alias there would
# take the address of the overview (index) or of a file the build writes beside the entries
# (render/finder.py's finder-data.js). tests/test_publish_policy.py derives the list from the
# renderer's output and fails when a new generated name is missing here.
RESERVED_SLUGS = frozenset({"index", "finder-data"})
MAX_FILE_BYTES = 5 * 1024 * 1024
LIST_KEYS = {kind: frozenset(spec.name for spec in fields
                             if spec.kind in (VOCAB_LIST, TEXT_LIST, SLUG_LIST, OBJECT_LIST))
             for kind, fields in FIELDS.items()}


@dataclass
class Source:
    """One content file, split and parsed; `data` is None when the frontmatter is unusable."""

    kind: str
    slug: str
    path: str  # relative to the root, '/'-separated
    text: str = ""
    data: dict | None = None
    positions: dict[str, tuple[int, int]] = field(default_factory=dict)  # 1-based
    body: str = ""
    body_line: int = 1  # file line of the body's first line
    frontmatter_end_line: int = 1  # file line of the closing '---'
    load_errors: bool = False  # reading or parsing gave an error: never build an entry from it
    # Values written without quotes: key path -> (text as typed, 1-based line, 1-based column
    # after its end). See yamlsafe.Parsed.plain.
    plain: dict[str, tuple[str, int, int]] = field(default_factory=dict)

    def position(self, key: str | None) -> tuple[int | None, int | None]:
        """The line and column of a key path, else of its nearest parent, else line 1."""
        while key:
            if key in self.positions:
                return self.positions[key]
            key = _parent_key(key)
        return (1, 1)


def _parent_key(key: str) -> str:
    cut = max(key.rfind("."), key.rfind("["))
    return key[:cut] if cut > 0 else ""


def suggest_slug(name: str) -> str:
    """What an invalid file name would be as a slug: 'Buurt Bemiddeling' -> 'buurt-bemiddeling'."""
    import unicodedata

    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-") or "naam"


# Below this many files a forked copy (generator/core/work.py's map_halves) costs more than it
# saves; the shipped content is a few dozen files, the benchmark a thousand.
MIN_FILES_BESIDE = 200
Then = TypeVar("Then")


def load_sources(root: Path) -> tuple[list[Source], list[Issue]]:
    """Read every interventions/*.md and dossiers/*.md below `root`, in path order."""
    loaded, issues = load_sources_then(root, _nothing)
    return [source for source, _ in loaded], issues


def _nothing(source: Source) -> None:
    return None


def load_sources_then(root: Path, then: Callable[[Source], Then]
                      ) -> tuple[list[tuple[Source, Then]], list[Issue]]:
    """load_sources, with then(source) for every Source right after it is loaded: (Source,
    its result) pairs in path order. Every file is read, parsed and passed to `then` on its own,
    so a speed device may do half of them in another process (`then`'s result travels back
    pickled)."""
    listed = _list_files(root)
    wanted = [item for item in listed if isinstance(item, tuple)]
    work_on = functools.partial(_load_each, then=then)
    loaded = iter(map_halves(work_on, wanted, fork=len(wanted) >= MIN_FILES_BESIDE))
    sources: list[tuple[Source, Then]] = []
    issues: list[Issue] = []
    for item in listed:
        if isinstance(item, tuple):
            source, source_issues, result = next(loaded)
            issues.extend(source_issues)
            if source is not None:
                sources.append((source, result))
        elif isinstance(item, Source):
            sources.append((item, then(item)))
        else:
            issues.append(item)
    return sources, issues


_Wanted = tuple[Path, str, str]  # a file to load: path, relative path, kind


def _list_files(root: Path) -> list[_Wanted | Source | Issue]:
    """In path order: the files to load, the Sources of files that must not be read, and the
    issues of what is no content file."""
    listed: list[_Wanted | Source | Issue] = []  # _outside adds its issue in its place
    for kind, folder in KIND_FOLDERS.items():
        directory = root / folder
        if _outside(root, directory, folder, listed) or not directory.is_dir():
            continue
        for path in sorted(directory.iterdir()):
            relative = f"{folder}/{path.name}"
            if path.name.startswith("."):
                continue
            if _outside(root, path, relative, listed):
                if path.suffix.lower() == ".md":  # it exists: references to it are no error
                    listed.append(_unread(kind, relative))
                continue
            if not path.is_file() or path.suffix.lower() != ".md":
                listed.append(warning(
                    relative, None, None, None, "not-markdown",
                    f"'{relative}' wordt niet gepubliceerd: in de map {folder}/ horen alleen "
                    ".md-bestanden. Verplaats of verwijder dit bestand."))
                continue
            listed.append((path, relative, kind))
    return listed


def _load_each(wanted: list[_Wanted], then: Callable[[Source], Then]
               ) -> list[tuple[Source | None, list[Issue], Then | None]]:
    loaded = []
    for item in wanted:
        source, issues = load_source(*item)
        loaded.append((source, issues, None if source is None else then(source)))
    return loaded


def _outside(root: Path, path: Path, relative: str, issues: list[Issue]) -> bool:
    """A symbolic link, or a path out of the project, is reported and never read."""
    escape = link_in_path(root, path)
    if escape is None:
        return False
    issues.append(error(relative, None, None, None, "link-outside-project",
                        outside_message(relative, escape)))
    return True


def load_source(path: Path, relative: str, kind: str) -> tuple[Source | None, list[Issue]]:
    """Read one file from disk; unreadable or oversized files give an issue and an empty Source
    (the file exists: references to it are not a second error)."""
    raw, problem = _read(path, relative)
    if problem is not None:
        return _unread(kind, relative), [problem]
    return parse_source(raw, relative, kind)


def _unread(kind: str, relative: str) -> Source:
    """The Source of a file that exists but was not read: no data, never an entry."""
    return Source(kind=kind, slug=_slug_of(relative), path=relative, load_errors=True)


def _read(path: Path, relative: str) -> tuple[bytes, Issue | None]:
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            return b"", error(relative, 1, 1, None, "file-too-large",
                              f"Het bestand is {number_nl(size // 1024)} kB groot; de grens is "
                              f"{MAX_FILE_BYTES // 1024 // 1024} MB. Splits de tekst of "
                              "verwijder ingeplakte afbeeldingen of bijlagen.")
        return path.read_bytes(), None
    except OSError as exc:
        return b"", error(relative, None, None, None, "unreadable-file",
                          f"Het bestand kan niet gelezen worden ({exc.strerror}).")


# A hand-written page of the docs_dir (pages/over.md): MkDocs converts it as it is.
PAGE_KIND = "page"


def load_page(path: Path, relative: str) -> tuple[Source, list[Issue]]:
    """Read one hand-written page from disk, as `load_source` reads a content file."""
    raw, problem = _read(path, relative)
    if problem is not None:
        return _unread(PAGE_KIND, relative), [problem]
    return parse_page(raw, relative)


def parse_page(raw: bytes, relative: str) -> tuple[Source, list[Issue]]:
    """Split and parse a hand-written page. Never raises. Unlike a content file its YAML header
    is optional and holds the theme's keys (title, description, hide), not ours: MkDocs reads a
    header only when the first line is '---' and a later line '---' or '...' closes it, and
    converts everything else as Markdown, so the body is what follows such a header, or the
    whole text."""
    source = Source(kind=PAGE_KIND, slug=_slug_of(relative), path=relative)
    text, decode_issue = _decode(raw, relative)
    if decode_issue:
        source.load_errors = True
        return source, [decode_issue]
    source.text = text
    in_text = _control_characters(text, relative)
    issues = list(in_text)
    lines = text.split("\n")
    closing = page_header_end(lines)
    if closing is None:
        source.data, source.body, source.body_line = {}, text, 1
    else:
        source.frontmatter_end_line = closing + 1
        source.body = "\n".join(lines[closing + 1:])
        source.body_line = closing + 2
        issues += _adopt(source, parse_yaml("\n".join(lines[1:closing])))
        if not in_text:
            issues += _value_characters(source)
    source.load_errors = any(issue.severity is Severity.ERROR for issue in issues)
    return source, issues


_HEADER_FENCE_RE = re.compile(r"^---[ \t]*$")
_HEADER_END_RE = re.compile(r"^(?:---|\.\.\.)[ \t]*$")


def page_header_end(lines: list[str]) -> int | None:
    """The index of the line that closes a page's YAML header, as MkDocs finds it (a '---' first
    line, at least one line between, and a line after the closing one); None without one."""
    if not lines or not _HEADER_FENCE_RE.match(lines[0]):
        return None
    return next((index for index in range(2, len(lines) - 1)
                 if _HEADER_END_RE.match(lines[index])), None)


def parse_source(raw: bytes, relative: str, kind: str) -> tuple[Source | None, list[Issue]]:
    """Split and parse the bytes of one content file. Never raises."""
    slug = _slug_of(relative)
    issues: list[Issue] = []
    if not SLUG_RE.match(slug):
        issues.append(error(
            relative, None, None, None, "invalid-slug",
            f"De bestandsnaam '{slug}' is geen geldige naam: gebruik alleen kleine letters a-z, "
            f"cijfers en losse koppeltekens. Hernoem het bestand naar '{suggest_slug(slug)}.md'. "
            "De naam wordt het webadres van de pagina."))
    elif slug in RESERVED_SLUGS:
        issues.append(error(
            relative, None, None, None, "reserved-name",
            f"De bestandsnaam '{slug}' is het adres van een pagina die de site zelf maakt (het "
            "overzicht of een databestand); een interventie of dossier met die naam zou geen "
            "eigen pagina krijgen. Hernoem het bestand, bijvoorbeeld naar de titel."))
    text, decode_issue = _decode(raw, relative)
    if decode_issue:
        return Source(kind=kind, slug=slug, path=relative, load_errors=True), \
            issues + [decode_issue]
    source = Source(kind=kind, slug=slug, path=relative, text=text)
    in_text = _control_characters(text, relative)
    issues.extend(in_text)
    issues.extend(_split_and_parse(source))
    if not in_text:  # one character, one message: the text's own report names its column
        issues.extend(_value_characters(source))
    source.load_errors = any(issue.severity is Severity.ERROR for issue in issues)
    return source, issues


def _slug_of(relative: str) -> str:
    name = relative.rsplit("/", 1)[-1]
    return name[:-3] if name.lower().endswith(".md") else name


_SAVE_AS_UTF8 = ("Sla het bestand op als UTF-8: in Kladblok met 'Opslaan als' en onderaan "
                 "'Codering: UTF-8', in andere editors ook via 'Opslaan als' of de codering "
                 "onderin het venster.")


def _utf16(raw: bytes) -> str | None:
    """'UTF-16 LE' or 'UTF-16 BE' for a file saved as UTF-16 (Notepad's 'Unicode'): with its
    byte order mark, or without one, when every other byte of its text is zero."""
    if raw.startswith(b"\xff\xfe"):
        return "UTF-16 LE"
    if raw.startswith(b"\xfe\xff"):
        return "UTF-16 BE"
    head = raw[:400]
    if len(head) >= 8:
        odd, even = head[1::2], head[0::2]
        if odd.count(0) >= len(odd) * 0.8:
            return "UTF-16 LE"
        if even.count(0) >= len(even) * 0.8:
            return "UTF-16 BE"
    return None


def _decode(raw: bytes, relative: str) -> tuple[str, Issue | None]:
    utf16 = _utf16(raw)
    if utf16:
        return "", error(
            relative, 1, 1, None, "not-utf8",
            f"Het bestand is opgeslagen als {utf16} (in Kladblok heet dat 'Unicode'), niet als "
            f"UTF-8. Zo kan de controle het niet lezen. {_SAVE_AS_UTF8}")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        byte = raw[exc.start]
        guess = raw[exc.start:exc.start + 1].decode("cp1252", errors="replace")
        # 0x80-0x9F are letters and quotes only in Windows-1252 (Word's “ ” ‘ ’ – € …).
        codec = "Windows-1252 (van oudere Windows-programma's en Word)" if 0x80 <= byte <= 0x9F \
            else "Windows-1252 of Latin-1 (ISO-8859-1)"
        return "", error(
            relative, line, column, None, "not-utf8",
            f"Het bestand is niet als UTF-8 opgeslagen: byte 0x{byte:02X} op regel "
            f"{line} is waarschijnlijk het teken '{guess}' in de oudere codering {codec}. "
            f"{_SAVE_AS_UTF8}")
    if text.startswith("\ufeff"):
        text = text[1:]
    return text.replace("\r\n", "\n").replace("\r", "\n"), None


def _control_characters(text: str, relative: str) -> list[Issue]:
    found = first_forbidden_in_text(text)
    if found is None:
        return []
    position, character = found
    line = text.count("\n", 0, position) + 1
    column = position - (text.rfind("\n", 0, position) + 1) + 1
    return [error(relative, line, column, None, "control-character",
                  f"Op regel {line} staat een teken dat niet in tekst hoort ({describe(character)})"
                  ". Verwijder het; vaak komt het mee als u tekst uit een ander programma plakt.")]


def _value_characters(source: Source) -> list[Issue]:
    """The same rule on the decoded values: YAML's escapes ("\\u0007") write such a character
    without the file's text holding it. Reported at the key's line, once per value."""
    issues = []
    for key, value in _strings(source.data, ""):
        bad = forbidden_in_value(value)
        if bad is None:
            continue
        line, column = source.position(key)
        issues.append(error(source.path, line, column, key, "control-character",
                            f"De waarde van '{key}' bevat een teken dat niet in tekst hoort "
                            f"({describe(bad)}), hier geschreven als escape-code tussen "
                            "aanhalingstekens (zoals \\u0007 of \\x85). Haal die code weg."))
    return issues


def _strings(value: object, key: str):
    """(key path, text) for every string in a YAML value, keys included, in document order."""
    if isinstance(value, str):
        yield key, value
    elif isinstance(value, dict):
        for name, item in value.items():
            path = f"{key}.{name}" if key else str(name)
            if isinstance(name, str):
                yield path, name
            yield from _strings(item, path)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _strings(item, f"{key}[{index}]")


def _split_and_parse(source: Source) -> list[Issue]:
    relative, text = source.path, source.text
    if not text.strip():
        return [error(relative, 1, 1, None, "empty-file",
                      "Het bestand is leeg. Begin met de gegevens tussen twee regels '---'; "
                      "`watwerkt new` maakt een ingevuld voorbeeld.")]
    lines = text.split("\n")
    if _DASH_FENCE_RE.match(lines[0]):
        return [error(relative, 1, 1, None, "frontmatter-missing", _dash_fence_message(lines[0],
                                                                                       1))]
    if lines[0].rstrip() != "---":
        return [error(relative, 1, 1, None, "frontmatter-missing",
                      "Het bestand begint niet met een regel '---'. Zet de gegevens (title, "
                      "summary, …) bovenaan tussen twee regels met alleen '---'.")]
    closing = next((index for index in range(1, len(lines))
                    if lines[index].rstrip() in ("---", "...")
                    or _DASH_FENCE_RE.match(lines[index])), None)
    if closing is not None and _DASH_FENCE_RE.match(lines[closing]):
        return [error(relative, closing + 1, 1, None, "frontmatter-not-closed",
                      _dash_fence_message(lines[closing], closing + 1))]
    if closing is None:
        return [error(relative, 1, 1, None, "frontmatter-not-closed",
                      "De gegevens bovenaan worden niet afgesloten: zet na de laatste sleutel "
                      "een regel met alleen '---', en daaronder de tekst.")]
    source.frontmatter_end_line = closing + 1
    source.body = "\n".join(lines[closing + 1:])
    source.body_line = closing + 2
    parsed = parse_yaml("\n".join(lines[1:closing]), LIST_KEYS[source.kind])
    return _adopt(source, parsed)


# A fence typed with a word processor's dashes ('—', '–––', '−−−'): '---' becomes an em dash.
_DASHES = "-\u2010-\u2015\u2212\ufe58\ufe63\uff0d"
_DASH_FENCE_RE = re.compile(rf"^[ \t]*(?:[{_DASHES}][ \t]*)*[\u2010-\u2015\u2212\ufe58\ufe63"
                            rf"\uff0d][ \t]*(?:[{_DASHES}][ \t]*)*$")


def _dash_fence_message(line: str, number: int) -> str:
    return (f"Regel {number} ('{line.strip()}') is bedoeld als de regel '---' rond de gegevens, "
            "maar bestaat uit gedachtestreepjes (– of —) die een tekstverwerker van '---' maakt. "
            "Alleen drie gewone streepjes (koppeltekens) tellen: vervang de regel door '---'.")


def _adopt(source: Source, parsed: Parsed) -> list[Issue]:
    """Shift YAML positions (relative to the frontmatter) to file lines, 1-based."""
    offset = 2  # the YAML text starts on file line 2, and marks are 0-based
    source.positions = {key: (line + offset, column + 1)
                        for key, (line, column) in parsed.positions.items()}
    source.plain = {key: (raw, line + offset, column + 1)
                    for key, (raw, line, column) in parsed.plain.items()}
    issues = [error(source.path, problem.line + offset, problem.column + 1, problem.key,
                    problem.code, resolve_line_placeholders(problem.message, 1))
              for problem in parsed.problems]
    if parsed.value is None and not parsed.problems:
        source.data = {}
    elif isinstance(parsed.value, dict):
        source.data = parsed.value
    elif not parsed.problems:
        line, column = parsed.start
        issues.append(error(source.path, line + offset, column + 1, None,
                            "frontmatter-not-mapping",
                            "De gegevens bovenaan moeten regels 'sleutel: waarde' zijn (zoals "
                            "'title: Buurtbemiddeling'), geen losse lijst of tekst."))
    return issues
