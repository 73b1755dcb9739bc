"""The Dutch diagnosis of YAML slips: what it proposes is valid, and no input breaks it.

The slip corpus (tests/test_slips.py) checks line and cause per slip; here: the repaired lines a
message proposes really parse, the parser's English never comes through, and random damage to a
valid frontmatter always gives Dutch text at a line inside the file.
"""

from __future__ import annotations

import re

import pytest
import yaml
from conftest import INTERVENTION
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_slips import SLIPS, slip_score

from generator.content.load import parse_source
from generator.content.yaml_diagnose import diagnose, invisible_characters, list_marker_message
from generator.content.yamlsafe import parse_yaml

FRONTMATTER = INTERVENTION.split("---\n")[1]
SYNTAX_SLIPS = [s for s in SLIPS if any(e.code == "yaml-syntax" for e in s.expects)]


def frontmatter_of(text: str) -> str:
    return text.split("\n---\n", 1)[0].removeprefix("---\n")


def parse_error(text: str) -> yaml.MarkedYAMLError:
    with pytest.raises(yaml.MarkedYAMLError) as caught:
        yaml.compose(text, Loader=yaml.CSafeLoader)
    return caught.value


@pytest.mark.parametrize("slip", SYNTAX_SLIPS, ids=lambda s: s.name)
def test_the_repair_a_message_proposes_parses(slip) -> None:
    text = frontmatter_of(slip.file.read_text(encoding="utf-8"))
    text, _ = invisible_characters(text)
    found = diagnose(text, parse_error(text))
    if found.repaired is None:  # the fallback names the cause without proposing a line
        return
    lines = text.split("\n")
    for index, line in found.repaired.items():
        lines[index] = line
    yaml.compose("\n".join(lines), Loader=yaml.CSafeLoader)  # raises if the advice is wrong
    shown = found.repaired[found.line].strip()
    if "{fixed}" not in found.message and shown in found.message:
        assert found.message.count(shown) >= 1


@pytest.mark.parametrize("text, item", [
    ("– wijkontwikkeling – eenzaamheid", "wijkontwikkeling"),
    ("• Doel: samen – meer", '"Doel: samen – meer"'),
    ("-a -b", "a"),
])
def test_list_marker_example_is_a_valid_list_item(text: str, item: str) -> None:
    message = list_marker_message("themes", text)
    example = message.rsplit("zoals: ", 1)[1]
    assert example == f"- {item}"
    assert isinstance(yaml.safe_load(f"k:\n  {example}\n")["k"], list)


def test_text_that_only_starts_like_a_list_is_not_a_list() -> None:
    assert list_marker_message("outcomes", "Minder escalatie – vooral 's nachts") is None
    assert list_marker_message("outcomes", "-5 graden") is None


def test_odd_characters_inside_a_free_text_are_left_alone() -> None:
    family = "\U0001f468\u200d\U0001f469\u200d\U0001f467"  # one emoji, joined by U+200D
    text = f"title: Buurtbemiddeling in 12\u00a0wijken {family}\ncosts: Circa €\u00a0650\n"
    assert invisible_characters(text) == (text, [])
    assert parse_yaml(text).problems == []
    # In a free text a zero-width character is harmless; in an id it makes another id.
    assert invisible_characters("title: Buurt\u200bbemiddeling")[1] == []
    assert [d.column for d in invisible_characters("themes: [wijk\u200dontwikkeling]")[1]] == [13]
    assert [d.column for d in invisible_characters("themes:\n  - wijk\u200b")[1]] == [8]


@pytest.mark.parametrize(("text", "slip_at"), [
    ("authors:\n- \u00a00\n", None),  # YAML had its space: the text ' 0', read as written
    ("authors:\n- \u00a0Jansen\n", None),
    ("authors:\n-\u00a0Jansen\n", (1, 1)),  # no space after the dash: YAML misreads the line
    ("references:\n- \u00a0title: x\n", (1, 2)),  # a key behind it becomes another key
])
def test_a_no_break_space_after_the_dash_is_a_slip_only_where_yaml_misreads(text, slip_at):
    found = invisible_characters(text)[1]
    assert [(d.line, d.column) for d in found] == ([slip_at] if slip_at else [])
    if slip_at is None:
        assert parse_yaml(text).value["authors"] == [text.split("- ", 1)[1].rstrip("\n")]


def test_english_parser_text_never_reaches_the_message() -> None:
    """Every problem text of libyaml that these inputs provoke comes out in Dutch."""
    broken = ["a: b: c", "a:\n  - b\n c: d", "a: 'b", 'a: "b\\q"', "a: [b", "a: {b", "a: *x",
              "a: !x b", "a: |0\n b", "- a\nb: c", "a:\n- b\n  - c: d\n e", "a:\n  b: c\n d: e",
              "a: @b", "a: `b", "a: b\n---\nc: d", "%YAML 1.1\n%YAML 1.1\n---\na: b", "a:\tb\n\tc"]
    for text in broken:
        problems = parse_yaml(text).problems
        assert problems, text
        for problem in problems:
            assert not slip_score.ENGLISH_RE.search(problem.message), (text, problem.message)


SLIP_ATOMS = st.sampled_from([
    "“", "”", "‘", "’", "„", "'", '"', "–", "—", "•", "* ", "- ", "-", ":", ": ", "\t", "  ",
    "    ", "\u00a0", "\u202f", "\u200b", "\ufeff", "[", "]", "{", "}", ",", "#", "'s ", "\n",
    "\n  ", "title", "owner", "level", "Doel: buren", "&", "!", "|", ">", "\\", "%"])


@settings(deadline=None, max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.integers(min_value=0, max_value=40), SLIP_ATOMS), max_size=4),
       st.booleans())
def test_damaged_frontmatter_always_gets_dutch_text_at_a_line_of_the_file(
        damage: list[tuple[int, str]], drop: bool) -> None:
    """Slips at random places in a valid frontmatter: never a crash, never English, and the
    line of every message lies inside the frontmatter."""
    text = FRONTMATTER
    for where, atom in damage:
        where = min(where * 17, len(text))
        text = text[:where] + atom + text[where + (1 if drop else 0):]
    raw = f"---\n{text}---\n## Doel\n\nTekst.\n".encode("utf-8", "surrogatepass")
    _, issues = parse_source(raw, "interventions/x.md", "intervention")
    last = 2 + text.count("\n")
    for issue in issues:
        assert issue.message.strip() and "{" + "fixed}" not in issue.message
        assert not re.search(r"\{line:\d+\}", issue.message), issue.message
        assert not slip_score.ENGLISH_RE.search(issue.message), issue.message
        if issue.code in ("yaml-syntax", "invisible-character"):
            assert issue.line is not None and 2 <= issue.line <= last, (issue, text)
