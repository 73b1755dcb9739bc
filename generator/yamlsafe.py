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

from generator.dates import parse_iso_date

try:  # libyaml's composer is about ten times faster; the pure-Python one behaves the same
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader

MAX_DEPTH = 40
_TAG = "tag:yaml.org,2002:"
_SCALAR_TAGS = {_TAG + name for name in ("str", "int", "float", "bool", "null", "timestamp")}
_constructor = yaml.constructor.SafeConstructor()


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
    problems: list[YamlProblem] = field(default_factory=list)


def parse_yaml(text: str) -> Parsed:
    """Parse one frontmatter text. Never raises; every problem is in `problems`."""
    result = Parsed()
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
        result.problems.append(_syntax_problem(exc))
        return result
    except (yaml.YAMLError, RecursionError, ValueError, TypeError) as exc:
        result.problems.append(YamlProblem(0, 0, None, "yaml-syntax",
                                           f"De gegevens bovenaan zijn geen geldige YAML ({exc})."))
        return result
    if node is None:
        return result
    converter = _Converter(result)
    result.value = converter.convert(node, "", 0)
    _collapse_aliases(result)
    return result


def _collapse_aliases(result: Parsed) -> None:
    """An alias bomb uses hundreds of aliases: one message says it, with the count."""
    aliases = [p for p in result.problems if p.code == "yaml-alias"]
    if len(aliases) > 1:
        aliases[0].message += f" (Er staan {len(aliases)} verwijzingen in de gegevens.)"
        result.problems = [p for p in result.problems if p.code != "yaml-alias" or p is aliases[0]]


def _too_deep_line(text: str) -> int | None:
    """The first line at which nesting may pass MAX_DEPTH, or None; a cheap over-estimate."""
    if text.count("[") + text.count("{") < MAX_DEPTH and "  " * MAX_DEPTH not in text \
            and "- " * (MAX_DEPTH // 2) not in text:
        return None
    flow = 0
    for number, line in enumerate(text.split("\n")):
        indent = len(line) - len(line.lstrip(" -?:\t"))
        deepest = flow
        for char in line:
            if char in "[{":
                flow += 1
                deepest = max(deepest, flow)
            elif char in "]}":
                flow = max(0, flow - 1)
        if deepest + indent // 2 > MAX_DEPTH:
            return number
    return None


_SYNTAX_HINTS = (
    ("mapping values are not allowed",
     "hier staat een ':' waar YAML die niet verwacht. Staat er een dubbele punt in een tekst? "
     "Zet de hele tekst dan tussen aanhalingstekens."),
    ("cannot start any token",
     "hier staat een teken waarmee een waarde niet mag beginnen (een tab, '@' of '`'). Gebruik "
     "spaties om in te springen en zet de tekst tussen aanhalingstekens."),
    ("could not find expected ':'",
     "hier verwachtte YAML 'sleutel: waarde'. Mist er een dubbele punt, of een afsluitend "
     "aanhalingsteken op een eerdere regel?"),
    ("found undefined alias", "hier staat een verwijzing (*naam) naar iets dat niet bestaat."),
    ("expected <block end>",
     "de inspringing klopt hier niet. Laat sleutels op hetzelfde niveau precies even ver "
     "inspringen, met spaties."),
    ("expected ',' or ']'", "een lijst tussen [ ] is niet goed afgesloten: mist er een ']' of een "
     "komma?"),
    ("expected ',' or '}'", "een groep tussen { } is niet goed afgesloten: mist er een '}' of een "
     "komma?"),
    ("found unexpected end of stream",
     "de gegevens houden onverwacht op: wordt een aanhalingsteken of haakje niet gesloten?"),
    ("while scanning a quoted scalar", "een aanhalingsteken wordt niet gesloten."),
    ("special characters are not allowed", "hier staat een onzichtbaar stuurteken; verwijder het."),
    ("found a tab character", "hier staat een tab; gebruik spaties om in te springen."),
)


def _syntax_problem(exc: yaml.MarkedYAMLError) -> YamlProblem:
    mark = exc.problem_mark or exc.context_mark
    text = f"{exc.context or ''} {exc.problem or ''}"
    hint = next((dutch for english, dutch in _SYNTAX_HINTS if english in text), None)
    if hint is None:
        hint = f"dit is geen geldige YAML ({(exc.problem or exc.context or '').strip()})."
    line = mark.line if mark else 0
    column = mark.column if mark else 0
    return YamlProblem(line, column, None, "yaml-syntax",
                       f"De gegevens bovenaan kunnen niet gelezen worden: {hint}")


class _Converter:
    def __init__(self, result: Parsed) -> None:
        self.result = result
        self.seen: set[int] = set()

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
                                f"De gegevens zijn te diep genest (meer dan {MAX_DEPTH} niveaus).")
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
                self.problem(key_node, key, "yaml-complex-key",
                             "Hier staat geen gewone sleutelnaam. Schrijf 'sleutel: waarde' met "
                             "een naam uit de lijst van toegestane sleutels.")
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
            values[name] = self.convert(value_node, path, depth + 1)
        return values

    def unsupported_tag(self, node: yaml.Node, key: str) -> object:
        return self.problem(node, key, "yaml-tag",
                            f"Het YAML-label '{node.tag}' is niet toegestaan (labels als "
                            "!!python/... kunnen code uitvoeren). Verwijder het label en schrijf "
                            "alleen de waarde.")

    def scalar(self, node: yaml.ScalarNode, key: str) -> object:
        if node.tag not in _SCALAR_TAGS:
            return self.unsupported_tag(node, key)
        if node.tag == _TAG + "str":
            return node.value
        if node.tag == _TAG + "timestamp":
            # A plain date becomes a date; anything else (a datetime, 2023-02-30) stays text so
            # that the date rule can say exactly what is wrong with it.
            return parse_iso_date(node.value) or YamlText(node.value)
        try:
            return _constructor.construct_object(node, deep=False)
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
