"""Bodies that would keep the site's Markdown converter busy far longer than their length.

Python-Markdown, which renders the site, needs time that grows with the square of some runs:
each '[' looks ahead for its ']', each '](' for its ')', each '<' for its '>' (through the whole
text), so thousands of them that are never closed make it read the rest of the paragraph
thousands of times; long runs of emphasis marks or backslashes in one paragraph, thousands of
admonitions, definition lines, abbreviations or footnotes, many references to one footnote, and
table rows full of backticks grow the same way. (An '&' without its ';' does not: the entity
pattern stops at the first character that cannot belong to it.) No real text comes near these
limits: such a run is pasted by accident (or on purpose).

Each family below measures its run in linear time, per paragraph (the converter reads inline
text per block) or over the whole body: the characters the look-aheads would read, or how
many of a construct there are. A body past a family's limit is refused at the line where its
run starts, so every body that passes converts in time proportional to its length
(bench/markdown_growth.py measures that per family, on the largest runs the check lets through,
and makes the runs longer to see them refused). Against runs nobody has found yet, the
conversion itself has a time budget (generator/core/budget.py).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from generator.core.numbers import number_nl

_BLOCK_SPLIT_RE = re.compile(r"\n[ \t]*\n")


@dataclass(frozen=True)
class Run:
    """How much of a family one paragraph holds, and where its first opening is."""

    amount: int
    offset: int  # in the body


@dataclass(frozen=True)
class Family:
    name: str
    what: str  # Dutch: what the editor typed, in a sentence "De tekst bevat {what}"
    limit: int
    measure: Callable[[str, int], Run | None]  # (paragraph, its offset in the body)
    # The limit holds per paragraph (Python-Markdown's inline patterns read one block at a
    # time) or for the whole body (its raw-HTML pass, html.parser, reads the whole text).
    per_block: bool
    sample: Callable[[int, int], str]  # (repeats, length) -> a body with that long a run
    # A cheap upper bound of the body's amount (str.count): most bodies stop there.
    bound: Callable[[str], int]

    def amount(self, body: str) -> Run | None:
        """The body's run: the largest of a paragraph, or that of the whole body."""
        if not self.per_block:
            return self.measure(body, 0)
        runs = [run for text, offset in _blocks(body) if (run := self.measure(text, offset))]
        return max(runs, key=lambda run: run.amount) if runs else None

    def over_limit(self, body: str) -> Run | None:
        """The body's run when it is past the limit. The whole body's amount is at least any
        paragraph's (a look-ahead only reads further without the paragraph's end), so real
        text, far below every limit, is measured once, if at all."""
        if self.bound(body) <= self.limit:
            return None
        whole = self.measure(body, 0)
        if whole is None or whole.amount <= self.limit:
            return None
        run = self.amount(body) if self.per_block else whole
        return run if run is not None and run.amount > self.limit else None

    def accepted_body(self, size: int) -> str:
        """A body of about `size` characters with as long a run as the limit lets through."""
        return self.sample(self._repeats(size, self.limit), size)

    def refused_body(self, size: int) -> str:
        """A body of about `size` characters whose run is a quarter past the limit."""
        return self.sample(self._repeats(size, self.limit + self.limit // 4) + 1, size)

    def _repeats(self, size: int, most: int) -> int:
        """The most repeats of the sample's run whose amount stays within `most`."""
        low, high = 1, max(2, size)
        while low < high:
            middle = (low + high + 1) // 2
            run = self.amount(self.sample(middle, size))
            if run is not None and run.amount > most:
                high = middle - 1
            else:
                low = middle
        return low


@dataclass(frozen=True)
class Problem:
    family: Family
    amount: int
    offset: int

    def message(self) -> str:
        family = self.family
        where = "Deze alinea" if family.per_block else "De tekst"
        times = number_nl(self.amount / family.limit, 1)
        return (f"{where} bevat {family.what}: {times} keer zoveel als de site in redelijke "
                "tijd kan omzetten. Zo'n reeks komt in gewone tekst niet voor en is "
                "vrijwel zeker per ongeluk geplakt: verwijder het geplakte deel, of zet tekens "
                "die letterlijk bedoeld zijn tussen backticks (`).")


def complexity_problems(body: str) -> list[Problem]:
    """Every family whose run in `body` is past its limit, at the paragraph where it is
    largest (or, for a limit on the whole body, where its run starts)."""
    return [Problem(family, run.amount, run.offset) for family in FAMILIES.values()
            if (run := family.over_limit(body)) is not None]


def _blocks(body: str) -> Iterator[tuple[str, int]]:
    start = 0
    for match in _BLOCK_SPLIT_RE.finditer(body):
        yield body[start:match.start()], start
        start = match.end()
    yield body[start:], start


# --- look-aheads: the characters read until the closing mark ---------------------------------

def _reach(openers: list[int], closers: list[int], end: int) -> int:
    """Σ over the openings of the distance to the first closing mark after it (or `end`)."""
    total = 0
    for position in openers:
        index = bisect.bisect_right(closers, position)
        total += (closers[index] if index < len(closers) else end) - position
    return total


def _look_ahead(opener: str, closer: str) -> Callable[[str, int], Run | None]:
    opener_re, closer_re = re.compile(opener), re.compile(closer)

    def measure(text: str, offset: int) -> Run | None:
        openers = [m.start() for m in opener_re.finditer(text)]
        if not openers:
            return None
        closers = [m.start() for m in closer_re.finditer(text)]
        return Run(_reach(openers, closers, len(text)), offset + openers[0])

    return measure


def _bracket_reach(text: str, offset: int) -> Run | None:
    """Σ over the '[' of the characters read to find its ']' (nested pairs skipped), as
    Python-Markdown's link processor reads them."""
    if "[" not in text:
        return None
    total, stack, first = 0, [], None
    for match in _BRACKET_RE.finditer(text):
        if match.group() == "[":
            stack.append(match.start())
            first = match.start() if first is None else first
        elif stack:
            total += match.start() - stack.pop()
    total += sum(len(text) - position for position in stack)
    return Run(total, offset + first) if first is not None else None


_BRACKET_RE = re.compile(r"(?<!\\)[\[\]]")


# --- counts ----------------------------------------------------------------------------------

def _count(pattern: str, flags: int = 0) -> Callable[[str, int], Run | None]:
    compiled = re.compile(pattern, flags)

    def measure(text: str, offset: int) -> Run | None:
        found = [m.start() for m in compiled.finditer(text)]
        return Run(len(found), offset + found[0]) if found else None

    return measure


def _table_backticks(text: str, offset: int) -> Run | None:
    """The most backticks on one table row of the paragraph."""
    most, at, position = 0, 0, 0
    for line in text.split("\n"):
        if "|" in line and line.count("`") > most:
            most, at = line.count("`"), position
        position += len(line) + 1
    return Run(most, offset + at) if most else None


_FOOTNOTE_REFERENCE_RE = re.compile(r"\[\^([^\]\s]+)\]")


def _footnote_references(text: str, offset: int) -> Run | None:
    """Σ over the notes of (references to it)²: Python-Markdown looks for a free id for each
    further reference to one note by trying every earlier one."""
    counts: dict[str, int] = {}
    first = None
    for match in _FOOTNOTE_REFERENCE_RE.finditer(text):
        counts[match[1]] = counts.get(match[1], 0) + 1
        first = match.start() if first is None else first
    if first is None:
        return None
    return Run(sum(count * count for count in counts.values()), offset + first)


# --- sample runs, for the benchmark and the tests --------------------------------------------

_FILLER = "Buren lossen samen een conflict op, voordat het escaleert en de politie komt. "


def _filled(run: str, size: int, separator: str = " ") -> str:
    """`run`, then ordinary words in the same paragraph: about `size` characters in all."""
    room = max(0, size - len(run))
    words = (_FILLER * (room // len(_FILLER) + 1))[:room].rstrip()
    return "Inleiding.\n\n" + run + separator + words + "\n"


def _repeated(unit: str, separator: str = " ") -> Callable[[int, int], str]:
    def sample(repeats: int, size: int) -> str:
        return _filled(unit * repeats, size, separator)

    return sample


def _abbreviations(repeats: int, size: int) -> str:
    definitions = "".join(f"*[AB{n}X]: afkorting {n}\n" for n in range(repeats))
    uses = " ".join(f"AB{n % repeats}X" for n in range(size // 8))
    return _filled(uses, size - len(definitions)) + "\n" + definitions


def _footnotes(repeats: int, size: int) -> str:
    notes = "".join(f"[^n{n}]: noot {n}\n" for n in range(repeats))
    uses = " ".join(f"Zin[^n{n}]." for n in range(repeats))
    return _filled(uses, size - len(notes)) + "\n" + notes


def _one_note_often(repeats: int, size: int) -> str:
    return _filled("Zin[^1]. " * repeats, size - 12) + "\n[^1]: De noot.\n"


def _table(repeats: int, size: int) -> str:
    return "| a |\n| - |\n| " + "` | " * repeats + "\n" + _filled("", size - 4 * repeats)


def _times_length(*marks: str) -> Callable[[str], int]:
    """Each opening reads at most the rest of the body."""
    return lambda body: sum(body.count(mark) for mark in marks) * len(body)


def _marks(*marks: str) -> Callable[[str], int]:
    return lambda body: sum(body.count(mark) for mark in marks)


FAMILIES: dict[str, Family] = {family.name: family for family in (
    Family("open-brackets", "vierkante haken '[' die niet of pas veel later gesloten worden",
           300_000, _bracket_reach, True, _repeated("[a "), _times_length("[")),
    Family("open-link-targets", "links '](' waarvan het adres niet met ')' gesloten wordt",
           300_000, _look_ahead(r"\]\(", r"\)"), True, _repeated("[a]("), _times_length("](")),
    Family("open-tags", "tekens '<' die een HTML-tag openen die niet met '>' gesloten wordt",
           300_000, _look_ahead(r"<[A-Za-z/!?]", r">"), False, _repeated("<a \n\n", ""),
           _times_length("<")),
    Family("emphasis-marks", "een lange reeks sterretjes of liggende streepjes (* of _)",
           10_000, _count(r"\*+|_+"), True, _repeated("*_", ""), _marks("*", "_")),
    Family("backslashes", "een lange reeks backslashes (\\)",
           10_000, _count(r"\\"), True, _repeated("\\", ""), _marks("\\")),
    Family("admonitions", "een groot aantal kaders (regels die met '!!!' of '???' beginnen)",
           1_000, _count(r"^ {0,3}(?:!!!|\?\?\?)", re.M), False, _repeated("!!! note\n\n"),
           _marks("!!!", "???")),
    Family("definitions", "een groot aantal definitieregels (regels die met ': ' beginnen)",
           2_000, _count(r"^ {0,3}:[ \t]", re.M), False, _repeated("a\n: b\n\n"), _marks(":")),
    Family("abbreviations", "een groot aantal afkortingen (regels '*[…]: …')",
           200, _count(r"^ {0,3}\*\[[^\]\n]*\]:", re.M), False, _abbreviations, _marks("*[")),
    Family("footnote-definitions", "een groot aantal voetnoten (regels '[^…]: …')",
           500, _count(r"^ {0,3}\[\^[^\]\n]+\]:", re.M), False, _footnotes, _marks("[^")),
    Family("footnote-references", "heel vaak een verwijzing naar dezelfde voetnoot ([^…])",
           40_000, _footnote_references, False, _one_note_often,
           lambda body: body.count("[^") ** 2),
    Family("table-backticks", "een tabelregel vol backticks (`)",
           1_000, _table_backticks, True, _table, _marks("`")),
)}
