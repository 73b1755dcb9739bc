"""Safe YAML for frontmatter: composed node tree -> plain values plus a position for every key.

PyYAML's constructors keep the last of two duplicate keys, expand aliases (an alias bomb grows
exponentially) and build Python objects for some tags. We compose only (linear in the input),
then convert the node tree ourselves: duplicate keys, aliases and unsupported tags become
issues at their line, and position tracking never follows an alias.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

import yaml

from generator.content.yaml_diagnose import diagnose, invisible_characters, list_marker_message
from generator.core.dates import parse_iso_date

try:  # libyaml's composer is about ten times faster; the pure-Python one behaves the same
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader

MAX_DEPTH = 40
_TAG = "tag:yaml.org,2002:"
_SCALAR_TAGS = {_TAG + name for name in ("str", "int", "float", "bool", "null", "timestamp")}


class _Invalid:
    """A value that already produced an error: validators skip it, so one mistake gives one
    message."""

    def __repr__(self) -> str:
        return "INVALID"


INVALID = _Invalid()


@dataclass
class YamlProblem:
    line: int  # 0-based, relative to the YAML text
    column: int
    key: str | None
    code: str
    message: str


@dataclass
class Parsed:
    """The frontmatter as plain values; `positions` maps a key path to its 0-based (line, col)."""

    value: object = None
    positions: dict[str, tuple[int, int]] = field(default_factory=dict)
    start: tuple[int, int] = (0, 0)  # where the value begins (after comments and blank lines)
    problems: list[YamlProblem] = field(default_factory=list)
    # Values written without quotes, as typed: key path -> (text, 0-based line and column of
    # its end). YAML reads '1.200' as 1.2 and cuts 'Titel #1' at ' #': the checks quote these.
    plain: dict[str, tuple[str, int, int]] = field(default_factory=dict)


def parse_yaml(text: str, list_keys: frozenset[str] = frozenset()) -> Parsed:
    """Parse one frontmatter text. Never raises; every problem is in `problems`.

    `list_keys` names the keys whose value is a list: a text there that starts with a
    look-alike list marker ('– a – b', '-a -b') is a list the editor typed wrongly."""
    result = Parsed()
    # Odd spaces and zero-width characters: reported at their line, then read as meant, so
    # that one slip gives one message.
    text, invisible = invisible_characters(text)
    result.problems += [YamlProblem(d.line, d.column, None, "invisible-character", d.message)
                        for d in invisible]
    too_deep = _too_deep_line(text)
    if too_deep is not None:
        # libyaml recurses in C and crashes the interpreter on very deep nesting: refuse first.
        result.problems.append(YamlProblem(
            too_deep, 0, None, "yaml-too-deep",
            f"De gegevens zijn te diep genest (meer dan {MAX_DEPTH} niveaus). "
            "Gebruik hooguit een lijst binnen een sleutel, zoals in het voorbeeld van "
            "CONTRIBUTING.md."))
        return result
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        found = diagnose(text, exc)
        result.problems.append(YamlProblem(found.line, found.column, None, "yaml-syntax",
                                           found.message))
        return result
    except (yaml.YAMLError, RecursionError, ValueError, TypeError):
        # Never the parser's English text: the editor reads the messages.
        result.problems.append(YamlProblem(0, 0, None, "yaml-syntax",
                                           "De gegevens bovenaan kunnen niet gelezen worden. "
                                           "Kijk naar de inspringing (alleen spaties), een "
                                           "spatie na elke dubbele punt, en of aanhalingstekens "
                                           "en haakjes gesloten zijn."))
        return result
    if node is None:
        return result
    result.start = (node.start_mark.line, node.start_mark.column)
    converter = _Converter(result, list_keys)
    result.value = converter.convert(node, "", 0)
    lines = text.split("\n")
    result.plain = {key: (lines[line][start:end] if isinstance(start, int) else start, line, end)
                    for key, (start, line, end) in result.plain.items() if line < len(lines)}
    _collapse_aliases(result, text)
    return result


def _collapse_aliases(result: Parsed, text: str) -> None:
    """An alias bomb uses hundreds of aliases: one message says it, with the count, at the
    first '*name'. (The composer hands back the anchored node for an alias, so the node's own
    mark is the anchor's place; the parser's events still know where the alias stands.)"""
    aliases = [p for p in result.problems if p.code == "yaml-alias"]
    if not aliases:
        return
    first = aliases[0]
    try:
        event = next(e for e in yaml.parse(text, Loader=_Loader) if isinstance(e, yaml.AliasEvent))
        first.line, first.column = event.start_mark.line, event.start_mark.column
    except (StopIteration, yaml.YAMLError, ValueError):  # pragma: no cover - composed before
        pass
    if len(aliases) > 1:
        first.message += f" (Er staan {len(aliases)} verwijzingen in de gegevens.)"
        result.problems = [p for p in result.problems if p.code != "yaml-alias" or p is first]


# Leading indentation plus block indicators ('- ', '? ', ': ') that open a nested node on the
# same line: '-  -  -  …' and '? ? ? …' nest as deeply as indentation does.
_BLOCK_PREFIX_RE = re.compile(r"(?:[ \t]|[-?:](?=[ \t]|$))*")
_BRACKET_RE = re.compile(r"[\[\]{}]")


def _too_deep_line(text: str) -> int | None:
    """The first line at which nesting may pass MAX_DEPTH, or None; a cheap over-estimate that
    looks at every line (a quick test on the whole text missed '-  -  -  …' and '? ? ? …')."""
    flow = 0
    for number, line in enumerate(text.split("\n")):
        indent = _BLOCK_PREFIX_RE.match(line).end()
        deepest = flow
        if flow or "[" in line or "{" in line:
            for match in _BRACKET_RE.finditer(line):
                if match[0] in "[{":
                    flow += 1
                    deepest = max(deepest, flow)
                else:
                    flow = max(0, flow - 1)
        if deepest + indent // 2 > MAX_DEPTH:
            return number
    return None


class _Converter:
    def __init__(self, result: Parsed, list_keys: frozenset[str] = frozenset()) -> None:
        self.result = result
        self.list_keys = list_keys
        self.seen: set[int] = set()
        # One per parse: a constructor caches every node it built (`constructed_objects`), so a
        # shared one kept every scalar of every file alive for the life of the process.
        self.constructor = yaml.constructor.SafeConstructor()

    def problem(self, node: yaml.Node, key: str, code: str, message: str) -> object:
        # An alias shares its node (and mark) with the anchor: the key's own place is better.
        line, column = self.result.positions.get(key) or (node.start_mark.line,
                                                           node.start_mark.column)
        self.result.problems.append(YamlProblem(line, column, key or None, code, message))
        return INVALID

    def convert(self, node: yaml.Node, key: str, depth: int) -> object:
        if id(node) in self.seen:
            # The composer returns the anchored node again for every alias: identity = alias.
            return self.problem(node, key, "yaml-alias",
                                "Verwijzingen in YAML (&naam en *naam) worden niet ondersteund. "
                                "Schrijf de waarde hier voluit.")
        self.seen.add(id(node))
        if depth > MAX_DEPTH:
            return self.problem(node, key, "yaml-too-deep",
                                f"De gegevens zijn te diep genest (meer dan {MAX_DEPTH} niveaus). "
                                "Gebruik hooguit een lijst binnen een sleutel, zoals in het "
                                "voorbeeld van CONTRIBUTING.md.")
        if isinstance(node, yaml.MappingNode):
            if node.tag != _TAG + "map":
                return self.unsupported_tag(node, key)
            return self.mapping(node, key, depth)
        if isinstance(node, yaml.SequenceNode):
            if node.tag != _TAG + "seq":
                return self.unsupported_tag(node, key)
            return [self.item(child, f"{key}[{index}]", depth)
                    for index, child in enumerate(node.value)]
        return self.scalar(node, key)

    def item(self, node: yaml.Node, key: str, depth: int) -> object:
        self.result.positions[key] = (node.start_mark.line, node.start_mark.column)
        return self.convert(node, key, depth + 1)

    def mapping(self, node: yaml.MappingNode, key: str, depth: int) -> object:
        values: dict[str, object] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag == _TAG + "merge":
                # At the key itself: `problem` would point at the parent mapping's key.
                self.result.problems.append(YamlProblem(
                    key_node.start_mark.line, key_node.start_mark.column, key or None,
                    "yaml-complex-key",
                    "Hier staat geen gewone sleutelnaam. Schrijf 'sleutel: waarde' met "
                    "een naam uit de lijst van toegestane sleutels."))
                continue
            name = key_node.value
            path = f"{key}.{name}" if key else name
            if name in values:
                line = self.result.positions[path][0] + 1
                self.result.problems.append(YamlProblem(
                    key_node.start_mark.line, key_node.start_mark.column, path, "duplicate-key",
                             f"De sleutel '{path}' staat twee keer in de gegevens (eerder al op "
                             f"regel {{line:{line}}}). YAML onthoudt alleen de laatste: verwijder "
                             "een van beide."))
                continue
            self.result.positions[path] = (key_node.start_mark.line, key_node.start_mark.column)
            if path in self.list_keys and self.typed_list(key_node, value_node, path):
                values[name] = INVALID
                continue
            values[name] = self.convert(value_node, path, depth + 1)
        return values

    def typed_list(self, key_node: yaml.Node, node: yaml.Node, path: str) -> bool:
        """A list typed with '–', '•' or '-' without a space reads as one text on the lines
        below the key: report it at the first item, as the list-marker slip it is."""
        # Plain style is None in PyYAML's composer and '' in libyaml's.
        if not isinstance(node, yaml.ScalarNode) or node.style not in (None, "") \
                or node.start_mark.line == key_node.start_mark.line:
            return False
        message = list_marker_message(path, node.value)
        if message is None:
            return False
        self.result.problems.append(YamlProblem(node.start_mark.line, node.start_mark.column,
                                                path, "list-marker", message))
        return True

    def unsupported_tag(self, node: yaml.Node, key: str) -> object:
        return self.problem(node, key, "yaml-tag",
                            f"Het YAML-label '{node.tag}' is niet toegestaan (labels als "
                            "!!python/... kunnen code uitvoeren). Verwijder het label en schrijf "
                            "alleen de waarde.")

    def scalar(self, node: yaml.ScalarNode, key: str) -> object:
        if node.tag not in _SCALAR_TAGS:
            return self.unsupported_tag(node, key)
        if node.style in (None, ""):
            # One line: its text is cut from the source below; more lines: YAML's folded value.
            start = node.start_mark.column if node.start_mark.line == node.end_mark.line \
                else node.value
            self.result.plain[key] = (start, node.end_mark.line, node.end_mark.column)
        if node.tag == _TAG + "str":
            return node.value
        if node.tag == _TAG + "timestamp":
            # A plain date becomes a date; anything else (a datetime, 2023-02-30) stays text so
            # that the date rule can say exactly what is wrong with it.
            return parse_iso_date(node.value) or YamlText(node.value)
        try:
            return self.constructor.construct_object(node, deep=False)
        except (ValueError, OverflowError, yaml.YAMLError):
            return YamlText(node.value)


class YamlText(str):
    """Text that YAML wrote without quotes but that looked like a date or number to it."""


def is_date(value: object) -> bool:
    return isinstance(value, dt.date) and not isinstance(value, dt.datetime)


_PLACEHOLDER_LINE = re.compile(r"\{line:(\d+)\}")


def resolve_line_placeholders(message: str, offset: int) -> str:
    """Messages built inside the YAML text name lines relative to it; shift them to the file."""
    return _PLACEHOLDER_LINE.sub(lambda m: str(int(m[1]) + offset), message)
