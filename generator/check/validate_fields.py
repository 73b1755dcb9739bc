"""Checks frontmatter values against the field definitions of `schema.py`.

Each kind has one check function returning the cleaned value (or INVALID after reporting). The
messages name the key, what was expected, what was found and what to do.
"""

from __future__ import annotations

import datetime as dt
import difflib
import json
import re
from dataclasses import dataclass, field

from generator.content.load import SLUG_RE, Source
from generator.content.vocab import SINGULAR_NL, VOCABULARY_FILE, Vocabularies
from generator.content.yamlsafe import INVALID, is_date
from generator.core.dates import format_date_nl, parse_iso_date
from generator.core.issues import Issue, error, warning
from generator.core.schema import (
    BOOL,
    CHOICE,
    COUNT,
    DATE,
    EMAIL,
    FIELDS,
    GENERATOR_KEYS,
    OBJECT,
    OBJECT_LIST,
    SLUG_LIST,
    SUMMARY,
    SUMMARY_MAX,
    TEXT,
    TEXT_LIST,
    URL,
    VOCAB,
    VOCAB_LIST,
    YEAR,
    Field,
)

# No ':' or '/' either: 'mailto:info@example.org' is a link, not an address.
EMAIL_RE = re.compile(r"^[^@\s<>\"':;,/]+@[^@\s<>\"':;,/]+\.[a-z]{2,}$", re.IGNORECASE)
URL_RE = re.compile(r"^https?://[^\s/<>\"'$?#.]+(\.[^\s/<>\"'$?#.]+)+(:\d+)?([/?#][^\s<>\"']*)?$",
                    re.IGNORECASE)
MAX_TEXT = 2000
MIN_YEAR = 1900
NEUTER_NL = {"thema", "erkenningsniveau"}
MAX_LIST = 200
# `watwerkt new` writes this before every text an editor must still fill in; it may never be
# published, so a text that starts with it is an error.
PLACEHOLDER = "VUL IN"


@dataclass
class Checker:
    """Validation state for one file: where to report and what the build date is."""

    source: Source
    vocab: Vocabularies
    build_date: dt.date
    issues: list[Issue] = field(default_factory=list)

    def error(self, key: str | None, code: str, message: str) -> object:
        line, column = self.source.position(key)
        self.issues.append(error(self.source.path, line, column, key, code, message))
        return INVALID

    def warning(self, key: str | None, code: str, message: str) -> None:
        line, column = self.source.position(key)
        self.issues.append(warning(self.source.path, line, column, key, code, message))


def describe(value: object) -> str:
    """Dutch name of what an editor wrote, for 'maar is …'."""
    if value is None:
        return "leeg"
    if isinstance(value, bool):
        return f"ja/nee-waarde ({str(value).lower()})"
    if isinstance(value, (int, float)):
        return f"een getal ({value})"
    if is_date(value):
        return f"een datum ({value.isoformat()})"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "…"
        return f"de tekst '{shown}'"
    if isinstance(value, list):
        return f"een lijst met {len(value)} waarde(n)"
    if isinstance(value, dict):
        return "een groep sleutels"
    return "een onbekend soort waarde"


def suggestion(wrong: str, options: list[str]) -> str:
    close = difflib.get_close_matches(wrong.lower(), options, n=1, cutoff=0.6)
    return f" Bedoelde je '{close[0]}'?" if close else ""


def check_mapping(checker: Checker, data: dict, fields: tuple[Field, ...], prefix: str,
                  what: str) -> dict:
    """Check a mapping of keys: unknown keys, missing required keys, every value."""
    known = {f.name: f for f in fields}
    clean: dict = {}
    for name, value in data.items():
        key = f"{prefix}{name}"
        if name not in known:
            missing = [f.name for f in fields if f.required and data.get(f.name) in (None, [])]
            checker.error(key, "unknown-key",
                          _unknown_key_message(key, name, list(known), what, missing))
            continue
        if value is None or value == [] or value is INVALID or (
                isinstance(value, str) and not value.strip() and not known[name].required):
            # null and [] count as absent, and so does an empty optional text: Decap CMS
            # writes "" when an editor clears a field. INVALID was reported already.
            continue
        clean[name] = check_value(checker, known[name], value, key)
    for spec in fields:
        if spec.required and spec.name not in clean and data.get(spec.name) is not INVALID:
            checker.error(f"{prefix}{spec.name}" if spec.name in data else prefix.rstrip(".")
                          or None, "missing-key", _missing_message(prefix, spec))
    return clean


def _group_of(name: str, known: list[str]) -> str | None:
    """The group key ('owner', 'recognition', …) of this level that has a sub-key `name`:
    a sub-key at the left margin is a group's key that lost its indentation."""
    for fields in FIELDS.values():
        for spec in fields:
            if spec.name in known and spec.kind in (OBJECT, OBJECT_LIST) \
                    and any(sub.name == name for sub in spec.fields):
                return spec.name
    return None


def _unknown_key_message(key: str, name: str, known: list[str], what: str,
                         missing: list[str]) -> str:
    """`missing`: the required keys of this mapping that are not there. Removing the line
    would then leave them missing: the advice is to correct the name."""
    group = _group_of(name, known) if name not in known else None
    if group is not None:
        return (f"De sleutel '{key}' hoort bij '{group}', maar springt niet in, dus YAML leest "
                f"hem als een eigen sleutel en '{group}' blijft leeg. Laat de regel inspringen "
                f"met twee spaties, onder '{group}:', net als de andere sleutels van "
                f"'{group}'.")
    if name in GENERATOR_KEYS:
        return (f"De sleutel '{key}' wordt door de generator zelf gezet en mag niet in het "
                "bestand staan. Verwijder de regel.")
    hint = suggestion(name, known)
    if hint:
        advice = "Verbeter de naam."
    elif missing:
        advice = (f"Verbeter de naam: nog niet ingevuld en verplicht is {', '.join(missing)}. "
                  "Hoort de regel daar niet bij, verwijder hem dan.")
    else:
        advice = "Verbeter de naam of verwijder de regel."
    return f"Onbekende sleutel '{key}' in {what}.{hint} Toegestaan zijn: {', '.join(known)}. " \
        + advice


def _missing_message(prefix: str, spec: Field) -> str:
    key = f"{prefix}{spec.name}"
    example = f" (bijvoorbeeld: {spec.name}: {_example_text(spec)})" if spec.example else ""
    return (f"De verplichte sleutel '{key}' ontbreekt of is leeg. Voeg '{spec.name}:' toe"
            f"{example}: {spec.help}")


def _example_text(spec: Field) -> str:
    if isinstance(spec.example, list):
        return "[" + ", ".join(spec.example) + "]"
    if isinstance(spec.example, bool):
        return str(spec.example).lower()
    return str(spec.example)


def check_value(checker: Checker, spec: Field, value: object, key: str) -> object:
    return _CHECKS[spec.kind](checker, spec, value, key)


def _text(checker: Checker, spec: Field, value: object, key: str) -> object:
    if isinstance(value, dict) and len(value) == 1:
        meant = _text_read_as_key(value)
        if meant is not None:
            curly = _without_typographic_quotes(meant)
            why = ("Typografische aanhalingstekens (“ ” ‘ ’), zoals een tekstverwerker ze "
                   "maakt, herkent YAML niet. " if curly != meant else "")
            return checker.error(key, "wrong-type", (
                f"'{key}' moet tekst zijn, maar door de dubbele punt met een spatie erna leest "
                f"YAML '{meant}' als sleutel en waarde. {why}Zet de hele tekst tussen rechte "
                f"aanhalingstekens: {example_line(key, curly)}"))
    if not isinstance(value, str) or is_date(value):
        number = isinstance(value, (int, float)) and not isinstance(value, bool)
        typed = typed_text(checker, key)
        if typed is not None and (number or is_date(value) or isinstance(value, bool)):
            # Quote what the editor typed, never what YAML made of it ('1.200', not '1.2').
            became = f"YAML leest '{typed}' als {describe(value)}" if str(value) != typed \
                else f"is {describe(value)}"
            return checker.error(key, "wrong-type",
                                 f"'{key}' moet tekst zijn, maar {became}. "
                                 "Zet de waarde tussen aanhalingstekens, precies zoals bedoeld: "
                                 f"{example_line(key, typed)}.")
        shown = value if number or is_date(value) else "…"
        return checker.error(key, "wrong-type",
                             f"'{key}' moet tekst zijn, maar is {describe(value)}. Zet de waarde "
                             "tussen aanhalingstekens, bijvoorbeeld: "
                             f"{example_line(key, str(shown))}.")
    text = " ".join(value.split())
    if not text:
        return checker.error(key, "empty-value", _empty_message(spec, key))
    if len(text) > MAX_TEXT:
        return checker.error(key, "value-too-long", f"'{key}' is {len(text)} tekens lang; de "
                             f"grens is {MAX_TEXT}. Zet lange tekst in de hoofdtekst.")
    if text.upper().startswith(PLACEHOLDER):
        return checker.error(key, "placeholder", f"'{key}' bevat nog de invulaanwijzing "
                             f"'{text[:60]}' uit het sjabloon. Vervang die door de echte "
                             f"waarde: {spec.help}")
    if spec.kind in (TEXT, SUMMARY, TEXT_LIST) and (markup := _markup_in(text)):
        checker.warning(key, "markup-in-text", markup_message(key, *markup))
    return text


# Markdown and HTML typed in a plain-text field: readers see the characters themselves.
_MARKUP_RES = (
    (re.compile(r"\[([^\]\n]+)\]\(([^)\s]+)\)"), "een Markdown-link"),
    (re.compile(r"(\*\*|__)(\S(?:.*?\S)?)\1"), "vette tekst in Markdown"),
    (re.compile(r"</?([a-zA-Z][a-zA-Z0-9]*)(?:\s[^<>]*)?/?>"), "HTML"),
    (re.compile(r"`([^`]+)`"), "code in Markdown"),
    (re.compile(r"(?<![\w*])(\*|_)(?=\S)((?:(?!\1).)*?\S)\1(?![\w*])"),
     "schuine tekst in Markdown"),
)


def _markup_in(text: str) -> tuple[str, str, str] | None:
    """(what was typed, what it is, the text without the markup) for the first markup."""
    found = next(((match, name) for pattern, name in _MARKUP_RES
                  if (match := pattern.search(text))), None)
    if found is None:
        return None
    plain = text
    for pattern, name in _MARKUP_RES:  # keep the words, drop the marks
        plain = pattern.sub(lambda m, name=name: "" if name == "HTML" else
                            m[2] if name.startswith(("vette", "schuine")) else m[1], plain)
    return found[0][0], found[1], " ".join(plain.split())


def markup_message(key: str, typed: str, name: str, plain: str) -> str:
    shown = typed if len(typed) <= 50 else typed[:49] + "…"
    return (f"'{key}' is gewone tekst, zonder opmaak: {name} als '{shown}' zien lezers "
            f"letterlijk, met de tekens erbij. Schrijf de tekst zonder opmaak: "
            f"'{_short(plain)}'. Een link of nadruk hoort in de hoofdtekst.")


def _short(text: str) -> str:
    return text if len(text) <= 80 else text[:79] + "…"


def _text_read_as_key(value: dict) -> str | None:
    """'Resultaat: minder escalatie' as the editor typed it, when YAML made a key of it."""
    (name, inner), = value.items()
    if isinstance(name, str) and isinstance(inner, (str, int, float)) \
            and not isinstance(inner, bool):
        return f"{name}: {inner}"
    return None


_TYPOGRAPHIC_QUOTES = "“”„‘’‚«»"


def _without_typographic_quotes(text: str) -> str:
    """'“Resultaat: minder stress”' as the editor meant it: without the word processor's
    quotes around it (the straight ones of the example replace them)."""
    if len(text) > 1 and text[0] in _TYPOGRAPHIC_QUOTES and text[-1] in _TYPOGRAPHIC_QUOTES:
        return text[1:-1]
    return text


def example_line(key: str, text: str) -> str:
    """The line to write for `key` with `text` quoted: '- "…"' for a list item, else
    'name: "…"' (a JSON string is a valid double-quoted YAML text)."""
    quoted = json.dumps(text, ensure_ascii=False)
    if key.endswith("]"):
        return f"- {quoted}"
    return f"{key.rsplit('.', 1)[-1]}: {quoted}"


def _empty_message(spec: Field, key: str) -> str:
    """Advice that never leads into a new error: a required value is filled in, not removed."""
    if key.endswith("]"):  # an item of a list
        if spec.required:
            return (f"'{key}' is leeg. Vul de tekst in (haal je het item weg, zorg dan dat "
                    f"de lijst niet leeg wordt: '{spec.name}' is verplicht).")
        return f"'{key}' is leeg. Vul een tekst in of haal het lege item uit de lijst."
    if spec.required:
        return f"'{key}' is leeg, maar is verplicht. Vul een tekst in: {spec.help}"
    return f"'{key}' is leeg. Vul een tekst in of verwijder de regel."


def _summary(checker: Checker, spec: Field, value: object, key: str) -> object:
    text = _text(checker, spec, value, key)
    if isinstance(text, str) and len(text) > SUMMARY_MAX:
        return checker.error(key, "summary-too-long",
                             f"'{key}' is {len(text)} tekens lang; een samenvatting mag hooguit "
                             f"{SUMMARY_MAX} tekens hebben. Kort haar in tot de kern: wat is het, "
                             "voor wie en wat levert het op.")
    return text


def _date(checker: Checker, spec: Field, value: object, key: str) -> object:
    day = value if is_date(value) else parse_iso_date(value) if isinstance(value, str) else None
    if day is None:
        return checker.error(key, "invalid-date", _invalid_date_message(key, value))
    if spec.past_only and day > checker.build_date:
        return checker.error(key, "future-date",
                             f"'{key}' is {format_date_nl(day)}, dat ligt na de bouwdatum "
                             f"({format_date_nl(checker.build_date)}). Een datum in de toekomst "
                             "kan niet: controleer dag, maand en jaar.")
    return day


def _invalid_date_message(key: str, value: object) -> str:
    short = re.match(r"^(\d{4})-(\d{1,2})-(\d{1,2})$", value) if isinstance(value, str) else None
    if short:
        padded = f"{short[1]}-{int(short[2]):02d}-{int(short[3]):02d}"
        if padded != value and parse_iso_date(padded):
            return (f"'{key}' is '{value}'. Schrijf maand en dag met twee cijfers: {padded}.")
        return (f"'{key}' is '{value}', maar die dag bestaat niet. Schrijf een bestaande datum "
                "als JJJJ-MM-DD, bijvoorbeeld 2023-02-28.")
    if isinstance(value, str) and re.match(r"^\d{4}-\d{2}-\d{2}[T ]", value):
        return (f"'{key}' bevat een tijd ('{value}'). Schrijf alleen de datum als JJJJ-MM-DD, "
                f"bijvoorbeeld {value[:10]}.")
    return (f"'{key}' moet een datum zijn als JJJJ-MM-DD (bijvoorbeeld 2024-03-01), maar is "
            f"{describe(value)}.")


def _bool(checker: Checker, spec: Field, value: object, key: str) -> object:
    if not isinstance(value, bool):
        return checker.error(key, "wrong-type",
                             f"'{key}' moet true of false zijn, maar is {describe(value)}. "
                             "Schrijf true (ja) of false (nee), zonder aanhalingstekens.")
    return value


def _integer(checker: Checker, key: str, value: object, what: str) -> object:
    if isinstance(value, bool) or not isinstance(value, int):
        return checker.error(key, "wrong-type", f"'{key}' moet {what} zijn, maar is "
                             f"{describe(value)}.{_dutch_number(typed_text(checker, key))} "
                             "Schrijf alleen cijfers, zonder aanhalingstekens.")
    return value


_THOUSANDS_RE = re.compile(r"^\d{1,3}(?:\.\d{3})+$")
_DECIMAL_COMMA_RE = re.compile(r"^\d+,\d+$")


def typed_text(checker: Checker, key: str) -> str | None:
    """The value as the editor typed it, when it was written without quotes on one line."""
    found = checker.source.plain.get(key)
    return found[0] if found else None


def _dutch_number(typed: str | None) -> str:
    """Why a number in Dutch notation is not the number the editor meant."""
    if typed and _THOUSANDS_RE.match(typed):
        return (f" YAML leest '{typed}' als een kommagetal: de punt is voor YAML een "
                "decimaalteken, geen scheidingsteken voor duizendtallen. Bedoel je "
                f"{typed.replace('.', '')}, schrijf dan {typed.replace('.', '')}, zonder punt.")
    if typed and _DECIMAL_COMMA_RE.match(typed):
        return (f" '{typed}' is voor YAML tekst: een komma hoort niet in een getal. Hier hoort "
                "een heel getal, zonder komma of punt.")
    return ""


def _year(checker: Checker, spec: Field, value: object, key: str) -> object:
    year = _integer(checker, key, value, "een jaartal (bijvoorbeeld 2012)")
    lowest = spec.minimum if spec.minimum is not None else MIN_YEAR
    if isinstance(year, int) and not lowest <= year <= checker.build_date.year:
        return checker.error(key, "invalid-year",
                             f"'{key}' is {year}; verwacht een jaartal tussen {lowest} en "
                             f"{checker.build_date.year}. Schrijf het jaar met vier cijfers, "
                             "bijvoorbeeld 2012.")
    return year


def _count(checker: Checker, spec: Field, value: object, key: str) -> object:
    number = _integer(checker, key, value, "een aantal (bijvoorbeeld 14)")
    if isinstance(number, int) and number < 0:
        return checker.error(key, "invalid-count", f"'{key}' is {number}; een aantal kan niet "
                             "negatief zijn. Vul het werkelijke aantal in.")
    return number


def _url(checker: Checker, spec: Field, value: object, key: str) -> object:
    text = _text(checker, spec, value, key)
    if not isinstance(text, str):
        return text
    if not URL_RE.match(text):
        meant = f"https://{text}"
        hint = f" Schrijf het hele adres: {example_line(key, meant)}." \
            if URL_RE.match(meant) and "@" not in text else ""
        return checker.error(key, "invalid-url",
                             f"'{key}' moet een webadres zijn dat begint met https:// (bijvoorbeeld"
                             f" https://www.example.org), maar is '{text}'.{hint}")
    if text.lower().startswith("http:"):
        checker.warning(key, "insecure-link",
                        f"'{key}' gebruikt http:// ('{text}'). Gebruik https:// als de website "
                        "dat ondersteunt; bijna alle websites doen dat.")
    return text


def _email(checker: Checker, spec: Field, value: object, key: str) -> object:
    text = _text(checker, spec, value, key)
    if isinstance(text, str) and not EMAIL_RE.match(text):
        return checker.error(key, "invalid-email",
                             f"'{key}' is geen e-mailadres: '{text}'. Schrijf het als "
                             "naam@organisatie.nl, zonder 'mailto:'.")
    return text


def _vocab(checker: Checker, spec: Field, value: object, key: str) -> object:
    if not isinstance(value, str) or is_date(value):
        return checker.error(key, "wrong-type",
                             f"'{key}' moet één id uit {VOCABULARY_FILE} zijn, maar is "
                             f"{describe(value)}.")
    options = checker.vocab.ids(spec.vocab)
    if value not in options:
        what = SINGULAR_NL[spec.vocab]
        return checker.error(key, "unknown-vocabulary-value",
                             f"'{value}' bij '{key}' is geen {_known(what)}."
                             f"{suggestion(value, options)} Kies een id uit de lijst "
                             f"'{spec.vocab}' in {VOCABULARY_FILE} ({', '.join(options)}), of voeg "
                             "daar een nieuwe waarde toe.")
    return value


def _known(noun: str) -> str:
    """'bekend thema' (het-woord), 'bekende doelgroep' (de-woord)."""
    return f"bekend {noun}" if noun in NEUTER_NL else f"bekende {noun}"


def _list(checker: Checker, spec: Field, value: object, key: str, item_check) -> object:
    if not isinstance(value, list):
        name = key.rsplit(".", 1)[-1]
        shown = value if isinstance(value, (str, int)) else "…"
        return checker.error(key, "wrong-type",
                             f"'{key}' moet een lijst zijn, maar is {describe(value)}. Schrijf "
                             f"bijvoorbeeld: {name}: [{shown}]")
    if len(value) > MAX_LIST:
        return checker.error(key, "list-too-long", f"'{key}' heeft {len(value)} waarden; de "
                             f"grens is {MAX_LIST}. Noem alleen de belangrijkste en zet de rest "
                             "in de hoofdtekst.")
    items = []
    for index, item in enumerate(value):
        if item is INVALID:
            continue
        checked = item_check(checker, spec, item, f"{key}[{index}]")
        if checked is INVALID:
            continue
        if checked in items and not isinstance(checked, dict):
            checker.warning(f"{key}[{index}]", "duplicate-value",
                            f"'{checked}' staat twee keer in '{key}'. Verwijder de herhaling.")
            continue
        items.append(checked)
    if len(value) < spec.min_items:
        return checker.error(key, "missing-key", f"'{key}' moet minstens {spec.min_items} "
                             f"waarde hebben. {spec.help}")
    return items


def _vocab_list(checker: Checker, spec: Field, value: object, key: str) -> object:
    return _list(checker, spec, value, key, _vocab)


def _text_list(checker: Checker, spec: Field, value: object, key: str) -> object:
    return _list(checker, spec, value, key, _text)


def _slug(checker: Checker, spec: Field, value: object, key: str) -> object:
    if not isinstance(value, str) or not SLUG_RE.match(value):
        what = ("de bestandsnaam van een interventie" if spec.refers_to == "intervention"
                else "een bestandsnaam")
        return checker.error(key, "invalid-reference",
                             f"'{key}' moet {what} zijn (zonder .md, "
                             f"zoals buurtbemiddeling), maar is {describe(value)}.")
    return value


def _slug_list(checker: Checker, spec: Field, value: object, key: str) -> object:
    return _list(checker, spec, value, key, _slug)


def _choice(checker: Checker, spec: Field, value: object, key: str) -> object:
    if value not in spec.choices:
        options = list(spec.choices)
        return checker.error(key, "invalid-choice",
                             f"'{key}' moet een van deze waarden zijn: {', '.join(options)}; "
                             f"maar is {describe(value)}."
                             f"{suggestion(str(value), options)}")
    return value


def _object(checker: Checker, spec: Field, value: object, key: str) -> object:
    if not isinstance(value, dict):
        names = ", ".join(f.name for f in spec.fields)
        return checker.error(key, "wrong-type",
                             f"'{key}' moet een groep sleutels zijn ({names}), elk op een eigen "
                             f"regel die twee spaties inspringt, maar is {describe(value)}.")
    return check_mapping(checker, value, spec.fields, f"{key}.", f"'{key}'")


def _object_list(checker: Checker, spec: Field, value: object, key: str) -> object:
    return _list(checker, spec, value, key, _object)


_CHECKS = {
    TEXT: _text, SUMMARY: _summary, DATE: _date, BOOL: _bool, YEAR: _year, COUNT: _count,
    URL: _url, EMAIL: _email, VOCAB: _vocab, VOCAB_LIST: _vocab_list, TEXT_LIST: _text_list,
    SLUG_LIST: _slug_list, CHOICE: _choice, OBJECT: _object, OBJECT_LIST: _object_list,
}
