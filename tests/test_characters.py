"""The fast search for forbidden characters (generator/core/characters.py) finds exactly what
the plain character classes find, on any text: astral characters, noncharacters, surrogates."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.core.characters import (
    TEXT_FORBIDDEN_RE,
    VALUE_FORBIDDEN_RE,
    first_forbidden_in_text,
    forbidden_in_value,
)

# Any code point, with the interesting ones (plane ends, C0/C1, surrogates, emoji) drawn often.
_SPECIAL = st.sampled_from(["\x00", "\t", "\n", "\r", "\x1f", "\x7f", "\x85", "\x9f", "\ud800",
                            "\udfff", "\ufdd0", "\ufdef", "\ufdf0", "\ufffd", "\ufffe", "\uffff",
                            "\U0001fffe", "\U0001ffff", "\U0001f600", "\U0010fffd",
                            "\U0010ffff", "\U00020000", "é", "a"])
_TEXT = st.lists(st.one_of(_SPECIAL, st.characters(min_codepoint=0, max_codepoint=0x10FFFF)),
                 max_size=40).map("".join)


@settings(max_examples=1000, deadline=None)
@given(_TEXT)
def test_text_search_equals_the_character_class(text):
    match = TEXT_FORBIDDEN_RE.search(text)
    assert first_forbidden_in_text(text) == ((match.start(), match[0]) if match else None)


@settings(max_examples=1000, deadline=None)
@given(_TEXT)
def test_value_search_equals_the_character_class(text):
    match = VALUE_FORBIDDEN_RE.search(text)
    assert forbidden_in_value(text) == (match[0] if match else None)
