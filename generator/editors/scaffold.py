"""Text for new content files (`watwerkt new`) and CONTRIBUTING's field tables, from schema.py.

A scaffold has every key of the format. Required keys get a placeholder that `watwerkt check`
rejects with a message at its line ('VUL IN …' text, 'JJJJ' years, 'JJJJ-MM-DD' dates, an
unknown vocabulary id), so nothing half-filled can be published; optional keys are `null` or
`[]`, which count as absent. Every key has a Dutch comment above it. The body has every
required section, left empty: an empty section fails `--strict`, as CI builds.
"""

from __future__ import annotations

import textwrap

import yaml

from generator.check.validate_fields import PLACEHOLDER
from generator.content.load import KIND_FOLDERS
from generator.content.vocab import VOCABULARY_FILE, Vocabularies
from generator.core.schema import (
    BOOL,
    CHOICE,
    COUNT,
    DATE,
    FIELDS,
    KIND_NL,
    OBJECT,
    OBJECT_LIST,
    REQUIRED_SECTIONS,
    SLUG_LIST,
    TEXT_LIST,
    VOCAB,
    VOCAB_LIST,
    YEAR,
    Field,
)

WIDTH = 100
LIST_KINDS = (VOCAB_LIST, TEXT_LIST, SLUG_LIST, OBJECT_LIST)
KIND_NAMES_NL = {  # what kind of value, for the field table
    "text": "tekst", "summary": "tekst (1-400 tekens)", "date": "datum (JJJJ-MM-DD)",
    "bool": "true of false", "year": "jaartal", "count": "aantal", "url": "webadres",
    "email": "e-mailadres", "vocab": "id uit vocabularies.yml",
    "vocab_list": "lijst van ids uit vocabularies.yml", "choice": "keuze",
    "slug_list": "lijst van bestandsnamen", "text_list": "lijst van teksten",
    "object": "groep sleutels", "object_list": "lijst van groepen sleutels",
}


def placeholder(spec: Field) -> object:
    """The value a required key gets in a scaffold: one the check rejects at its line."""
    if spec.kind == DATE:
        return "JJJJ-MM-DD"
    if spec.kind == YEAR:
        return "JJJJ"
    if spec.kind == BOOL:
        return f"{PLACEHOLDER}: true of false"
    if spec.kind == COUNT:
        return f"{PLACEHOLDER}: aantal"
    if spec.kind in (VOCAB, CHOICE):
        return PLACEHOLDER
    if spec.kind in (VOCAB_LIST, SLUG_LIST):
        return [PLACEHOLDER]
    if spec.kind == TEXT_LIST:
        return [f"{PLACEHOLDER}: {spec.label.lower()}"]
    return f"{PLACEHOLDER}: {spec.label.lower()}"


def scalar(value: object) -> str:
    """One YAML value on one line, quoted only where YAML needs it."""
    if value is None:
        return "null"
    if isinstance(value, list):
        return "[" + ", ".join(scalar(item) for item in value) + "]"
    dumped = yaml.safe_dump(value, allow_unicode=True, width=10**6, default_flow_style=True)
    return dumped.removesuffix("\n").removesuffix("\n...")


def field_note(spec: Field, vocab: Vocabularies | None) -> str:
    """'Titel (verplicht). De naam van de interventie.' plus the allowed values."""
    need = "verplicht" if spec.required else "optioneel, mag leeg blijven"
    note = f"{spec.label} ({need}). {spec.help}"
    if spec.kind in (VOCAB, VOCAB_LIST) and vocab is not None and vocab.ids(spec.vocab):
        note += f" Kies uit: {', '.join(vocab.ids(spec.vocab))}."
    elif spec.kind in (VOCAB, VOCAB_LIST):
        note += f" Kies ids uit de lijst '{spec.vocab}' in {VOCABULARY_FILE}."
    elif spec.kind == CHOICE:
        note += f" Kies uit: {', '.join(spec.choices)}."
    return note


def _comment(text: str, indent: str, hang: str = "") -> list[str]:
    return textwrap.wrap(text, WIDTH, initial_indent=f"{indent}# ",
                         subsequent_indent=f"{indent}# {hang}", break_on_hyphens=False)


def _field_lines(spec: Field, vocab: Vocabularies | None, indent: str = "") -> list[str]:
    lines = _comment(field_note(spec, vocab), indent)
    if spec.kind == OBJECT and spec.required:
        lines.append(f"{indent}{spec.name}:")
        for sub in spec.fields:
            lines += _field_lines(sub, vocab, indent + "  ")
        return lines
    if spec.kind in (OBJECT, OBJECT_LIST):
        return lines + _optional_group_lines(spec, vocab, indent)
    value = placeholder(spec) if spec.required else [] if spec.kind in LIST_KINDS else None
    return lines + [f"{indent}{spec.name}: {scalar(value)}"]


def _optional_group_lines(spec: Field, vocab: Vocabularies | None, indent: str) -> list[str]:
    """An optional group stays null or []; its keys follow as lines to uncomment."""
    empty = "[]" if spec.kind == OBJECT_LIST else "null"
    lines = _comment(f"Invullen? Vervang '{empty}' door de regels hieronder en haal daar het "
                     "eerste #-teken weg:", indent)
    for sub in spec.fields:
        lines += _comment(f"- {sub.name}: {field_note(sub, vocab)}", indent, hang="  ")
    lines.append(f"{indent}{spec.name}: {empty}")
    bullet = "- " if spec.kind == OBJECT_LIST else ""
    for number, sub in enumerate(spec.fields):
        value = placeholder(sub) if sub.required else [] if sub.kind in LIST_KINDS else None
        lead = bullet if number == 0 else " " * len(bullet)
        lines.append(f"{indent}#  {lead}{sub.name}: {scalar(value)}")
    return lines


def scaffold_text(kind: str, vocab: Vocabularies | None = None, title: str | None = None) -> str:
    """The whole new file for `kind` ('intervention' or 'dossier')."""
    sections = REQUIRED_SECTIONS[kind]
    lines = ["---", *_comment(
        f"Nieuw{'e' if kind == 'intervention' else ''} {KIND_NL[kind]}. Vul elke waarde met "
        f"'{PLACEHOLDER}', 'JJJJ' of 'JJJJ-MM-DD' in; `watwerkt check` en de controle bij uw "
        "pull request wijzen aan wat nog ontbreekt. Een sleutel met null of [] telt als leeg.",
        "")]
    for spec in FIELDS[kind]:
        lines.append("")
        if spec.name == "title" and title:
            lines += _comment(field_note(spec, vocab), "") + [f"title: {scalar(title.strip())}"]
        else:
            lines += _field_lines(spec, vocab)
    lines += ["", *_comment(
        "Onder de volgende regel '---' staat de tekst in Markdown, met deze verplichte secties "
        f"(koppen met '## '): {', '.join(sections)}. Schrijf onder elke kop minstens één "
        "alinea; extra secties mogen.", ""), "---"]
    for section in sections:
        lines += ["", f"## {section}"]
    return "\n".join(lines) + "\n"


def scaffold_path(kind: str, slug: str) -> str:
    """Where a new entry goes, relative to the project root: 'interventions/x.md'."""
    return f"{KIND_FOLDERS[kind]}/{slug}.md"


def _flatten(fields: tuple[Field, ...], prefix: str = "") -> list[tuple[str, Field]]:
    rows: list[tuple[str, Field]] = []
    for spec in fields:
        rows.append((f"{prefix}{spec.name}", spec))
        if spec.kind in (OBJECT, OBJECT_LIST):
            inner = f"{prefix}{spec.name}{'[].' if spec.kind == OBJECT_LIST else '.'}"
            rows += _flatten(spec.fields, inner)
    return rows


def field_table(kind: str) -> str:
    """CONTRIBUTING's Markdown table of every key of one kind, from schema.py."""
    rows = ["| sleutel | verplicht | soort waarde | wat u invult |", "|---|---|---|---|"]
    for key, spec in _flatten(FIELDS[kind]):
        need = "ja" if spec.required else "nee"
        kind_nl = KIND_NAMES_NL[spec.kind]
        if spec.kind == CHOICE:
            kind_nl += ": " + ", ".join(spec.choices)
        elif spec.kind in (VOCAB, VOCAB_LIST):
            kind_nl += f" (lijst `{spec.vocab}`)"
        text = f"**{spec.label}.** {spec.help}".replace("|", "\\|")
        rows.append(f"| `{key}` | {need} | {kind_nl} | {text} |")
    return "\n".join(rows) + "\n"
