"""The unclosed-block check (generator/check/body_structure.py) jumps from tag line to tag line; it
must find what reading every line in turn finds, at the same line and column."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.check.body import _MD
from generator.check.body_structure import BLOCK_TAGS, _matching_end, unclosed_blocks, without_code


def _line_by_line(body: str, tokens) -> tuple[int, int] | None:
    """(line index, column) of the first unclosed block tag, reading every line."""
    text = without_code(body, tokens)
    starts = [0]
    for line in text.split("\n"):
        starts.append(starts[-1] + len(line) + 1)
    number = 0
    start_re = re.compile(r"^ {0,3}<([a-zA-Z][a-zA-Z0-9]*)(?=[\s/>]|$)", re.M)
    while number < len(starts) - 1:
        match = start_re.match(text, starts[number], starts[number + 1])
        tag = match[1].lower() if match else ""
        if tag not in BLOCK_TAGS:
            number += 1
            continue
        end = _matching_end(text, starts[number], tag)
        if end is None:
            return number, match.start(1) - starts[number]
        number = text.count("\n", 0, end) + 1
    return None


_LINES = st.sampled_from(["<div>", "</div>", "   <div class='x'>", "<DIV", "<details>",
                          "</details>", "<p>tekst", "</p>", "<span>", "<div/>", "tekst",
                          "    <div>", "```", "`<div>`", "<table><tr><td>x</td></tr>",
                          "</table>", "", "<div>a</div>", "<hr>", "<div"])


@settings(max_examples=1500, deadline=None)
@given(st.lists(_LINES, max_size=14), st.sampled_from(["\n", "\n\n"]))
def test_the_first_unclosed_block_is_the_one_a_line_by_line_reading_finds(lines, joint):
    body = joint.join(lines)
    tokens = _MD.parse(body)
    found = unclosed_blocks("x.md", body, tokens, 10)
    expected = _line_by_line(body, tokens)
    assert [(issue.line, issue.column) for issue in found] == \
        ([] if expected is None else [(10 + expected[0], expected[1])])
