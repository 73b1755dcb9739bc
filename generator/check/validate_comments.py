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

from generator.check.validate_fields import PLACEHOLDER
from generator.content.load import Source
from generator.core.issues import Issue, warning
from generator.core.schema import (
    FIELDS,
    OBJECT,
    OBJECT_LIST,
    SLUG_LIST,
    TEXT_LIST,
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
