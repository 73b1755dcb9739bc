"""Filled-in lines that are still commented out: nothing an editor wrote disappears silently.

The `watwerkt new` scaffold leaves optional groups empty (`recognition: null`, `sources: []`)
with their keys below as `#` lines to uncomment. An editor who fills in those lines but keeps
the `#` (or comments out a list item) sees the values in the file, while the site shows
nothing. A `#` line that holds a known key (or a list item) with a real value, right below a
key that is present and empty, is a warning at that line. A group that has content is left
alone: its `#` lines are explanation, not forgotten values. The scaffold's own lines hold
placeholders ('VUL IN', 'JJJJ-MM-DD', null), so an untouched scaffold gets no warning.
"""

from __future__ import annotations

import re

from generator.check.validate_fields import PLACEHOLDER, example_line
from generator.content.load import Source
from generator.core.issues import Issue, warning
from generator.core.schema import (
    EMAIL,
    FIELDS,
    OBJECT,
    OBJECT_LIST,
    SLUG_LIST,
    SUMMARY,
    TEXT,
    TEXT_LIST,
    URL,
    VOCAB_LIST,
    Field,
)

_EMPTY_KEY_RE = re.compile(r"^(?P<key>[a-z_]+)[ \t]*:[ \t]*(?:null|~|\[\]|\{\})?[ \t]*(?:#.*)?$")
_COMMENTED_KEY_RE = re.compile(r"^[ \t]*#+[ \t]*(?:-[ \t]+)?(?P<key>[a-z_]+)[ \t]*:[ \t]*"
                               r"(?P<value>.*?)[ \t]*$")
_COMMENTED_ITEM_RE = re.compile(r"^[ \t]*#+[ \t]*-[ \t]+(?P<value>\S.*?)[ \t]*$")
_LIST_KINDS = (VOCAB_LIST, TEXT_LIST, SLUG_LIST)
_EMPTY_VALUES = {"", "null", "~", "[]", "{}", "''", '""'}


def commented_out_keys(source: Source) -> list[Issue]:
    """A warning for every filled-in `#` line below a present, empty top-level key."""
    if not isinstance(source.data, dict):
        return []
    fields = {spec.name: spec for spec in FIELDS.get(source.kind, ())}
    lines = source.text.split("\n")[1:source.frontmatter_end_line - 1]
    issues = []
    for index, line in enumerate(lines):
        match = _EMPTY_KEY_RE.match(line)
        spec = fields.get(match["key"]) if match else None
        if spec is None or source.data.get(spec.name, 0) not in (None, [], {}):
            continue
        for number in range(index + 1, len(lines)):
            if not lines[number].lstrip().startswith("#"):
                break  # a blank line or the next key ends the block below this key
            found = _commented_value(spec, lines[number])
            if found is not None:
                issues.append(_warning(source, spec, number + 2, lines[number], found, line))
    return issues


def _commented_value(spec: Field, line: str) -> str | None:
    """The key (or '-' for a list item) that this `#` line fills in for `spec`, or None."""
    if spec.kind in (OBJECT, OBJECT_LIST):
        match = _COMMENTED_KEY_RE.match(line)
        names = {sub.name for sub in spec.fields}
        if match and match["key"] in names and _filled(match["value"]):
            return match["key"]
    elif spec.kind in _LIST_KINDS:
        match = _COMMENTED_ITEM_RE.match(line)
        if match and _filled(match["value"]):
            return "-"
    return None


def _filled(value: str) -> bool:
    """A real value, not the scaffold's placeholder or an empty one."""
    text = value.split(" #", 1)[0].strip().strip("'\"").strip()
    return text not in _EMPTY_VALUES and not text.upper().startswith((PLACEHOLDER, "JJJJ"))


def _warning(source: Source, spec: Field, line: int, text: str, key: str,
             parent_line: str) -> Issue:
    column = text.index("#") + 1
    uncommented = re.sub(r"#+", "", text, count=1).rstrip()
    if key != "-" and not uncommented.startswith(" "):
        uncommented = "  " + uncommented  # a group's key must be indented below it
    if key == "-":
        what, path, lost = f"Het lijstitem '{text.strip()}' onder '{spec.name}'", spec.name, \
            "het item"
    else:
        what, path = f"De regel '{text.strip()}' van '{spec.name}'", f"{spec.name}.{key}"
        lost = f"'{key}'"
    empty = parent_line.split(":", 1)[1].split("#", 1)[0].strip()
    also = f", en haal '{empty}' achter '{spec.name}:' weg" if empty else ""
    return warning(source.path, line, column, path, "commented-out-key", (
        f"{what} staat uit: de regel begint met '#', dus '{spec.name}' blijft leeg en {lost} "
        f"komt niet op de site. Haal het '#'-teken weg, zodat de regel zo wordt: "
        f"'{uncommented}'{also}. Hoort de waarde er niet bij, haal dan de hele regel met '#' "
        "weg."))


# Kinds whose value is free text: there ' #' is far more often part of the text ('#1', a
# hashtag) than a comment. Ids, dates and numbers are left alone.
_TEXT_KINDS = (TEXT, SUMMARY, TEXT_LIST, URL, EMAIL)
_COMMENT_AFTER_RE = re.compile(r"^([ \t]+)#(.*)$")


def values_cut_by_comment(source: Source) -> list[Issue]:
    """A text value written without quotes and followed by ' #…' on its line: YAML reads the
    rest as a comment, so a title or list item is cut short. A warning at that line that says
    what the value became and how to keep the whole text."""
    lines = source.text.split("\n")
    issues = []
    for key, (raw, line, column) in source.plain.items():
        spec = field_of(source.kind, key)
        if spec is None or spec.kind not in _TEXT_KINDS or line > len(lines):
            continue
        match = _COMMENT_AFTER_RE.match(lines[line - 1][column - 1:])
        if not match or not match[2].strip():
            continue
        meant = f"{raw}{match[1]}#{match[2]}".rstrip()
        comment = f"#{match[2]}".strip()
        issues.append(warning(source.path, line, column + len(match[1]), key,
                              "comment-in-value", (
            f"YAML leest '{key}' als '{raw}': alles vanaf ' #' ('{comment}') is voor "
            "YAML commentaar en komt niet op de site. Hoort het bij de tekst, zet dan de hele "
            f"waarde tussen aanhalingstekens: {example_line(key, meant)}. Is het een "
            "opmerking voor redacteuren, zet die dan op een eigen regel die met '#' begint.")))
    return issues


def field_of(kind: str, key: str) -> Field | None:
    """The Field a key path names: 'sources[0].title' -> the title of a source."""
    fields, spec = FIELDS.get(kind, ()), None
    for part in re.sub(r"\[\d+\]", "", key).split("."):
        spec = next((candidate for candidate in fields if candidate.name == part), None)
        if spec is None:
            return None
        fields = spec.fields
    return spec
