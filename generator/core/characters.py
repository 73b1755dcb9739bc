"""Characters no value may hold, however the file wrote them.

A control character (other than tab and newline), a C1 control, a Unicode noncharacter or a
lone surrogate makes the Atom feed ill-formed XML (every subscriber's feed stops), splits a RIS
or CSV record, and shows as nothing or as a box on a page. YAML's double-quoted escapes
("\\u0007", "\\x85", "\\ud800") put them in a value without the bytes of the file holding them,
so the rule reads the decoded values as well as the file's text.
"""

from __future__ import annotations

import re

# In a file's text: tab, newline and carriage return (Windows line ends) are line structure.
_TEXT_CONTROLS = "\x00-\x08\x0b\x0c\x0e-\x1f"
# In a value: tab and newline only (a block scalar's lines); a carriage return would split a
# RIS or CSV record.
_VALUE_CONTROLS = "\x00-\x08\x0b-\x1f"
# C1 controls, lone surrogates, and the noncharacters of the first plane: U+FDD0..U+FDEF and
# its last two code points.
_FIRST_PLANE = "\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff"
# The last two code points of every other plane are noncharacters too.
_ASTRAL_NONCHARACTERS = "".join(
    f"{chr(plane * 0x10000 + 0xFFFE)}{chr(plane * 0x10000 + 0xFFFF)}" for plane in range(1, 17))
TEXT_FORBIDDEN_RE = re.compile(f"[{_TEXT_CONTROLS}{_FIRST_PLANE}{_ASTRAL_NONCHARACTERS}]")
VALUE_FORBIDDEN_RE = re.compile(f"[{_VALUE_CONTROLS}{_FIRST_PLANE}{_ASTRAL_NONCHARACTERS}]")

# The same classes with every character beyond the first plane taken in whole: a class of 32
# single astral characters makes the regular expression test each against every character
# (600 µs for a page of text, against 50). The few astral characters a text holds (emoji)
# are judged one by one.
_ASTRAL = "\U00010000-\U0010ffff"
_TEXT_SUSPECT_RE = re.compile(f"[{_TEXT_CONTROLS}{_FIRST_PLANE}{_ASTRAL}]")
_VALUE_SUSPECT_RE = re.compile(f"[{_VALUE_CONTROLS}{_FIRST_PLANE}{_ASTRAL}]")


def first_forbidden_in_text(text: str) -> tuple[int, str] | None:
    """(position, character) of the first character no file's text may hold, or None."""
    return _first(text, _TEXT_SUSPECT_RE)


def _first(text: str, suspects: re.Pattern) -> tuple[int, str] | None:
    position = 0
    while (match := suspects.search(text, position)) is not None:
        character = match[0]
        if character <= "\uffff" or ord(character) & 0xFFFE == 0xFFFE:
            return match.start(), character
        position = match.end()
    return None


def describe(character: str) -> str:
    """'U+0007, een stuurteken' and the like, in Dutch."""
    point = ord(character)
    if 0xD800 <= point <= 0xDFFF:
        kind = "een losse helft van een tekenpaar (surrogaat)"
    elif point < 0x20 or 0x7F <= point <= 0x9F:
        kind = "een onzichtbaar stuurteken"
    else:
        kind = "een code die in Unicode nooit een teken is"
    return f"U+{point:04X}, {kind}"


def forbidden_in_value(value: str) -> str | None:
    """The first character of `value` no value may hold, or None."""
    found = _first(value, _VALUE_SUSPECT_RE)
    return found[1] if found else None
