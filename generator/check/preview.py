"""What the editor saw in the preview is what readers get (issue 24).

Editors check their text in GitHub's Preview tab (GitHub's own cmark-gfm) or Decap's CommonMark
preview; the site renders with Python-Markdown, which differs in documented places. Every body is
rendered both ways here and the block structure compared: paragraphs, lists and their nesting,
tables with their cells, headings, code blocks, quotes and footnotes. Each difference is reported
at the editor's line (cmark-gfm keeps source positions), naming what the preview showed, what
the site would show, and the fix.

Where the site can simply show what the preview showed, it does (`preview_normalized`, applied
before rendering): a list, table or quote that starts on the line right under a paragraph gets
the blank line Python-Markdown needs. The comparison then runs on the normalized text, so it is
the net for everything else.

Two slips lose text in both renderers alike, so no comparison sees them: a table row with more
cells than its header, and a footnote marker without its note. They are errors here.
"""

from __future__ import annotations

import re
from dataclasses import replace
from difflib import SequenceMatcher
from functools import lru_cache

from generator.check.preview_blocks import Block, blocks_of
from generator.check.preview_plain import FENCE_RE, same_in_both
from generator.core.budget import OverBudget, over_budget_message, within_budget
from generator.core.issues import Issue, error, warning

# The site's Markdown extensions, as in mkdocs.yml (tests/test_preview.py keeps them equal);
# the toc's permalinks only add a '¶' and are left out.
SITE_EXTENSIONS = ("toc", "tables", "footnotes", "abbr", "def_list", "admonition", "sane_lists",
                   "pymdownx.superfences")
MAX_MESSAGES = 8  # per body: past that, the first ones say enough
MAX_BODY = 100_000  # a pasted giant is reported elsewhere (body-too-complex), never compared

_NAMES = {"text": "losse tekst", "p": "een alinea", "ul": "een lijst",
          "ol": "een genummerde lijst", "li": "een lijstpunt", "table": "een tabel",
          "pre": "een codeblok", "blockquote": "een citaat", "hr": "een scheidingslijn",
          "dl": "een definitielijst", "dt": "een begrip", "dd": "een definitie",
          "footnotes": "voetnoten"}
# Python-Markdown's own constructs, which a CommonMark preview shows as plain text; the site
# means them, so their lines are left out of the comparison on both sides.
_SITE_ONLY_START_RE = re.compile(r"^ {0,3}(?:!!!|\?\?\?\+?)[ \t]+\S")
_ABBREVIATION_RE = re.compile(r"^ {0,3}\*\[[^\]]+\]:")
_DEFINITION_RE = re.compile(r"^ {0,3}:[ \t]+\S")
_FOOTNOTE_REF_RE = re.compile(r"\[\^([^\]\s]+)\](?!:)")
_CELL_SPLIT_RE = re.compile(r"(?<!\\)\|")
_CODE_SPAN_RE = re.compile(r"(`+)(?:(?!\1).)+?\1")


def _heading_name(tag: str) -> str:
    return f"een kop ('{'#' * int(tag[1])} ')"


def block_name(kind: str) -> str:
    return _heading_name(kind) if re.fullmatch(r"h[1-6]", kind) else _NAMES.get(kind, kind)


# --- the two renderers ---------------------------------------------------------------------

def reference_html(body: str) -> str:
    """The body as GitHub's preview shows it: cmark-gfm, GitHub's own parser, with line maps."""
    import cmarkgfm
    from cmarkgfm.cmark import Options

    return cmarkgfm.github_flavored_markdown_to_html(
        body, options=Options.CMARK_OPT_SOURCEPOS | Options.CMARK_OPT_FOOTNOTES
        | Options.CMARK_OPT_UNSAFE)


_SITE_MARKDOWN = None


def site_html(body: str) -> str:
    """The body as the site renders it: Python-Markdown with the extensions of mkdocs.yml."""
    global _SITE_MARKDOWN
    if _SITE_MARKDOWN is None:
        import markdown

        _SITE_MARKDOWN = markdown.Markdown(extensions=list(SITE_EXTENSIONS))
    converter = _SITE_MARKDOWN
    # Within the conversion's budget: a run the complexity rule does not know must not keep
    # the check busy either (preview_issues reports it as the file's error).
    return within_budget(lambda: converter.reset().convert(body))


# --- what the site renders -----------------------------------------------------------------

def preview_normalized(body: str) -> str:
    """The body with the blank lines Python-Markdown needs where the preview starts a list,
    table, quote or code block right under a paragraph. Lines are only added, never changed."""
    if len(body) > MAX_BODY or not body.strip() or same_in_both(body):
        return body
    lines = body.split("\n")
    try:
        starts = _interrupting_starts(body, lines)
        indents = _list_indents(body, lines)
    except (RecursionError, ValueError):  # nesting past any real text: rendered as written
        return body
    if not starts and not indents:
        return body
    out = []
    for number, line in enumerate(lines, start=1):
        if number in starts:
            out.append(_blank_like(lines[number - 2]))
        out.append(" " * indents[number] + line.lstrip(" ") if number in indents else line)
    return "\n".join(out)


_MARKER_RE = re.compile(r"^( *)([-*+]|\d{1,9}[.)])( {1,4})(?=\S)")


def _list_indents(body: str, lines: list[str]) -> dict[int, int]:
    """Lines of lists nested the way GitHub accepts (a sub-item under the text of its item, two
    or three spaces in) with the indentation Python-Markdown needs: four spaces a level. Only
    lists at the outer level without quotes or code inside, and only where the indentation is
    not already right. Line -> its new number of leading spaces."""
    blocks = _reference_blocks(body)
    items = [b for b in blocks if b.kind == "li" and b.line is not None]
    outer = [b for b in blocks if b.depth == 0 and b.kind in ("ul", "ol") and b.line]
    changed: dict[int, int] = {}
    for start, end in ((b.line, b.end or b.line) for b in outer):
        inside = [b for b in blocks if b.line is not None and start <= b.line <= end]
        if any(b.kind not in ("ul", "ol", "li", "p") for b in inside) or \
                any("\t" in lines[n - 1] for n in range(start, min(end, len(lines)) + 1)):
            continue  # code, quotes, tables, tabs in the list: left as they are
        for number in range(start, min(end, len(lines)) + 1):
            line = lines[number - 1]
            if not line.strip():
                continue
            item = max((b for b in items if b.line <= number <= (b.end or b.line)
                        and start <= b.line), key=lambda b: b.depth, default=None)
            if item is None:
                continue
            level = (item.depth - 1) // 2
            marker = _MARKER_RE.match(lines[item.line - 1])
            indent = len(line) - len(line.lstrip(" "))
            if number == item.line:
                wanted = 4 * level
            elif marker and indent >= len(marker[0]):
                wanted = 4 * (level + 1) + indent - len(marker[0])  # the item's own text
            else:
                continue  # a lazy continuation line: any indentation reads the same
            if wanted != indent:
                changed[number] = wanted
    return changed


def _blank_like(previous: str) -> str:
    """A blank line inside the same quote ('> ') as the line above it."""
    match = re.match(r"^((?: {0,3}>[ ]?)+)", previous)
    return match[1].rstrip() if match else ""


_DELIMITER_ROW_RE = re.compile(r"^ {0,3}\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$")


@lru_cache(maxsize=4096)
def _reference_blocks(body: str) -> tuple[Block, ...]:
    blocks = blocks_of(reference_html(body))
    lines = body.split("\n")
    for index, block in enumerate(blocks):
        if block.kind != "table" or block.line is None:
            continue
        # cmark-gfm gives a table that interrupts a paragraph the paragraph's first line (and
        # the paragraph 0:0): the table starts at the row above its delimiter row.
        delimiter = next((n for n in range(block.line, (block.end or block.line) + 1)
                          if n <= len(lines) and _DELIMITER_ROW_RE.match(lines[n - 1])), None)
        if delimiter is None or delimiter - 1 <= block.line:
            continue
        blocks[index] = replace(block, line=delimiter - 1)
        if index and blocks[index - 1].kind == "p" and not blocks[index - 1].line:
            blocks[index - 1] = replace(blocks[index - 1], line=block.line, end=delimiter - 2)
    return tuple(blocks)


@lru_cache(maxsize=4096)
def _site_blocks(body: str) -> tuple[Block, ...]:
    """The blocks the site renders (cached by text: copies of an entry cost one render)."""
    return tuple(blocks_of(site_html(preview_normalized(body))))


def _interrupting_starts(body: str, lines: list[str]) -> set[int]:
    """Lines where the preview starts a list, table or quote directly after a paragraph's
    line, at the outer level: there Python-Markdown would go on with the paragraph."""
    starts = set()
    blocks = _reference_blocks(body)
    for index, block in enumerate(blocks):
        if block.depth != 0 or block.line is None or block.line < 2 or \
                block.kind not in ("ul", "ol", "table", "blockquote"):
            continue
        above = lines[block.line - 2]
        if above.strip() and not above.lstrip().startswith(">") and index > 0 \
                and blocks[index - 1].kind == "p":
            starts.add(block.line)
    return starts


# --- the comparison ------------------------------------------------------------------------

def preview_issues(path: str, body: str, body_line: int, compare: bool = True,
                   taken: frozenset[int] = frozenset()) -> list[Issue]:
    """Every place where the site would show the body differently from GitHub's preview, and
    the slips that lose text in both (those only, when not `compare`). A difference whose
    lines hold a file line of `taken` (reported already, e.g. forbidden HTML) is left out.
    Never raises."""
    if len(body) > MAX_BODY or not body.strip() or same_in_both(body):
        return []
    try:
        return list(_preview_issues(path, body, body_line, compare, taken))
    except OverBudget as exc:
        return [error(path, body_line, None, None, "body-too-slow",
                      over_budget_message(path, exc.seconds))]
    except Exception:  # noqa: BLE001 - a renderer's bug must not stop the other checks
        return []


@lru_cache(maxsize=4096)
def _preview_issues(path: str, body: str, body_line: int, compare: bool,
                    taken: frozenset[int]) -> tuple[Issue, ...]:
    compared = _without_site_only(body)
    reference = list(_reference_blocks(compared))
    lines = body.split("\n")
    issues = _lost_text(path, body, lines, reference, body_line)
    if not compare:
        return tuple(issues)
    site = list(_site_blocks(compared))
    taken = taken | {issue.line for issue in issues}
    matcher = SequenceMatcher(None, [b.signature for b in reference],
                              [b.signature for b in site], autojunk=False)
    in_items = frozenset(n for b in reference if b.kind == "li" and b.line is not None
                         for n in range(b.line, (b.end or b.line) + 1))
    for i1, i2, j1, j2 in _differences(matcher.get_opcodes()):
        seen, shown = reference[i1:i2], site[j1:j2]
        first, last = _region(reference, i1, i2, lines)
        if any(body_line + n - 1 in taken for n in range(first, last + 1)):
            continue
        region = [(n, lines[n - 1]) for n in range(first, min(last, len(lines)) + 1)]
        at, fix = _fix(seen, shown, region, in_items)
        file_line = body_line + (at or first) - 1
        issues.append(warning(path, file_line, None, None, "preview-differs",
                              _message(file_line, seen, shown, fix)))
        if len(issues) >= MAX_MESSAGES:
            break
    return tuple(issues)


def _differences(opcodes) -> list[tuple[int, int, int, int]]:
    """The differing stretches of both block lists, those with fewer than three equal blocks
    between them taken together: one slip (a list nested too little) often shifts the
    blocks right after it too, and gets one message."""
    groups: list[list[int]] = []
    joinable = False
    for tag, i1, i2, j1, j2 in opcodes:
        if tag == "equal":
            joinable = joinable and i2 - i1 < 3
            continue
        if joinable and groups:
            groups[-1][1], groups[-1][3] = i2, j2
        else:
            groups.append([i1, i2, j1, j2])
        joinable = True
    return [tuple(group) for group in groups]


def _region(reference: list[Block], i1: int, i2: int, lines: list[str]) -> tuple[int, int]:
    """The body lines of reference[i1:i2]; for nothing (the site adds a block), the lines
    between the blocks around it, from its first line with text."""
    if i1 < i2:
        starts = [b.line for b in reference[i1:i2] if b.line is not None]
        ends = [b.end or b.line for b in reference[i1:i2] if b.line is not None]
        if starts:
            return min(starts), max(ends)
    before = [b for b in reference[:i1] if b.line is not None]
    after = [b.line for b in reference[i1:] if b.line is not None]
    first = max(b.end or b.line for b in before) + 1 if before else 1
    last = min(after) - 1 if after else len(lines)
    while first < last and not lines[first - 1].strip():
        first += 1
    if before and (first > len(lines) or not lines[first - 1].strip()):
        # Only blank lines between: the site splits or extends the block before.
        return before[-1].line, before[-1].end or before[-1].line
    return first, max(first, last)


def _describe(blocks: list[Block]) -> str:
    if not blocks:
        return "niets"
    top = min(block.depth for block in blocks)
    outer = [block for block in blocks if block.depth == top]
    names = []
    for block in outer:
        name = block_name(block.kind)
        if block.kind in ("ul", "ol"):
            items = [b for b in blocks if b.kind == "li" and b.depth == block.depth + 1]
            nested = any(b.kind in ("ul", "ol") and b.depth > block.depth for b in blocks)
            if items:
                name += f" van {len(items)} punt{'en' if len(items) != 1 else ''}"
            if nested:
                name += " met een lijst erin"
        elif block.kind == "table":
            columns = block.text.split(" / ")[0].count(" | ") + 1 if block.text else 0
            name += f" van {columns} kolom{'men' if columns != 1 else ''}"
        if name not in names:
            names.append(name)
    if len(names) > 3:
        names = names[:3] + ["meer"]
    return ", ".join(names[:-1]) + " en " + names[-1] if len(names) > 1 else names[0]


def _message(line: int, seen: list[Block], shown: list[Block], fix: str) -> str:
    before = _describe(seen)
    after = _describe(shown)
    if before == after:
        what = (f"Op regel {line} toont de preview van GitHub {before} met andere tekst dan de "
                "site: de site leest de opmaak hier anders.")
    else:
        what = (f"Op regel {line} toont de preview van GitHub {before}, maar op de site wordt "
                f"het {after}.")
    return f"{what} {fix} (Zie CONTRIBUTING.md, 'Wat u in de preview ziet'.)"


def _fix(seen: list[Block], shown: list[Block], region: list[tuple[int, str]],
         in_items: frozenset[int] = frozenset()) -> tuple[int | None, str]:
    """The advice for one difference, and the line of the region it is about (None: the
    region's first line). The first line of the region that shows a known cause wins."""
    seen_kinds = {block.kind for block in seen}
    shown_kinds = {block.kind for block in shown}
    listed = bool((seen_kinds | shown_kinds) & {"ul", "ol", "li"})
    for number, source in region:
        stripped = source.lstrip(" ")
        if re.match(r"#[^#\s]", stripped) and any(re.fullmatch(r"h[1-6]", k)
                                                   for k in shown_kinds):
            return number, ("Een regel die met '#' begint, wordt op de site een kop. Is het een "
                            "hashtag of nummer, zet er dan een backslash voor: "
                            f"'\\{stripped.split()[0]}'.")
        if re.match(r"\s*\d+\)\s", source):
            return number, ("Nummer de lijst met een punt ('1.', '2.'); de site kent geen "
                            "nummering met een haakje ('1)').")
        if (listed or number in in_items) and re.match(r"( {1,3}|\t)\S", source):
            return number, ("Spring tekst en lijsten binnen een lijstpunt in met vier spaties "
                            "(GitHub accepteert er minder, de site niet).")
        if "~~" in source:
            return number, "Doorhalen met '~~' kent de site niet; laat de tildes weg."
    first = region[0][1] if region else ""
    if "pre" in shown_kinds and "pre" not in seen_kinds:
        return None, ("Een regel die met een tab of vier spaties begint, wordt op de site een "
                      "codeblok. Haal de inspringing weg.")
    if re.match(r"\s*\d+\.", first) and "ol" in seen_kinds:
        return None, ("Een regel die met een getal en een punt begint ('2019. …') is een "
                      "genummerde lijst. Is het geen lijst, schrijf dan '2019\\.'; is het er "
                      "wel een, zet er dan een lege regel boven.")
    if "text" in shown_kinds:
        return None, ("Markdown binnen een HTML-blok (zoals <div> of <details>) toont de site "
                      "als gewone tekst. Schrijf de opmaak in HTML, of haal het HTML-blok weg.")
    if re.match(r"\s*[-*+]\s", first) and listed:
        return None, ("Een ander opsommingsteken (-, * of +) begint in de preview een nieuwe "
                      "lijst, op de site niet. Gebruik in een lijst één teken, of zet er een "
                      "alinea tussen.")
    if "table" in seen_kinds:
        return None, ("Zet een lege regel boven de tabel en begin elke regel van de tabel tegen "
                      "de kantlijn.")
    if listed:
        return None, ("Zet een lege regel boven de lijst en begin elk punt met '- ' of '1. ' "
                      "(met vier spaties inspringen voor een lijst binnen een lijst).")
    return None, ("Pas de opmaak aan zodat de preview en de site hetzelfde tonen, bijvoorbeeld "
                  "met een lege regel tussen de blokken.")


def _without_site_only(body: str) -> str:
    """Blank the lines of Python-Markdown's own constructs (admonitions, abbreviations,
    definition lists): the site means them, the preview cannot show them. Lines stay put."""
    lines = body.split("\n")
    inside_container = inside_fence = False
    fence = ""
    for number, line in enumerate(lines):
        fence_match = FENCE_RE.match(line)
        if inside_fence:
            if fence_match and fence_match[1][0] == fence[0] and len(fence_match[1]) >= len(fence):
                inside_fence = False
            continue
        if fence_match and not inside_container:
            inside_fence, fence = True, fence_match[1]
            continue
        if _SITE_ONLY_START_RE.match(line) or _ABBREVIATION_RE.match(line):
            lines[number] = ""
            inside_container = bool(_SITE_ONLY_START_RE.match(line))
        elif inside_container and (not line.strip() or line.startswith(("    ", "\t"))):
            lines[number] = ""
        elif _DEFINITION_RE.match(line):
            lines[number] = ""
            if number and lines[number - 1].strip():
                lines[number - 1] = ""  # the term above it
        else:
            inside_container = False
    return "\n".join(lines)


# --- slips that lose text in both renderers --------------------------------------------------

def _lost_text(path: str, body: str, lines: list[str], reference: list[Block],
               body_line: int) -> list[Issue]:
    issues = []
    for block in reference:
        if block.kind == "table" and block.line is not None:
            issues.extend(_table_cells(path, lines, block, body_line))
    issues.extend(_missing_notes(path, reference, body_line))
    return issues


def _table_cells(path: str, lines: list[str], table: Block, body_line: int) -> list[Issue]:
    columns = table.text.split(" / ")[0].count(" | ") + 1
    issues = []
    number = table.line
    while number <= len(lines) and lines[number - 1].strip():
        row = lines[number - 1].strip()
        if number > table.line + 1 and "|" in row:
            cells = _cells(row)
            if len(cells) > columns:
                lost = " | ".join(cells[columns:])
                file_line = body_line + number - 1
                issues.append(error(
                    path, file_line, None, None, "text-lost",
                    f"Op regel {file_line} heeft een tabelregel {len(cells)} cellen, maar de "
                    f"kop van de tabel maar {columns}: de rest ('{_short(lost)}') verdwijnt, "
                    "in de preview en op de site. Voeg een kolom aan de kop toe of voeg de "
                    "cellen samen."))
        number += 1
    return issues


def _cells(row: str) -> list[str]:
    row = _CODE_SPAN_RE.sub(lambda m: "x" * len(m[0]), row)
    if row.startswith("|"):
        row = row[1:]
    if row.endswith("|") and not row.endswith("\\|"):
        row = row[:-1]
    return [cell.strip() for cell in _CELL_SPLIT_RE.split(row)]


def _missing_notes(path: str, reference: list[Block], body_line: int) -> list[Issue]:
    issues = []
    for block in reference:
        if block.kind == "pre" or block.line is None:
            continue
        for match in _FOOTNOTE_REF_RE.finditer(block.prose):
            file_line = body_line + block.line - 1
            issues.append(error(
                path, file_line, None, None, "text-lost",
                f"Op regel {file_line} verwijst '[^{match[1]}]' naar een voetnoot die nergens "
                f"staat: lezers zien '[^{match[1]}]' als losse tekst. Voeg onderaan de noot "
                f"toe, op een eigen regel: '[^{match[1]}]: tekst van de noot', of haal de "
                "verwijzing weg."))
    return issues


def _short(text: str) -> str:
    return text if len(text) <= 40 else text[:39] + "…"
