"""Vocabularies: the allowed ids and Dutch labels, read from `vocabularies.yml` (data, not code)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from generator.content.load import SLUG_RE
from generator.content.yamlsafe import parse_yaml, resolve_line_placeholders
from generator.core.disk import link_in_path, outside_message
from generator.core.issues import Issue, error

VOCABULARY_FILE = "vocabularies.yml"
VOCABULARY_NAMES = ("themes", "target_groups", "recognition_levels", "delivered_by")
# The lists whose entries may have `words`: what readers call them (issue 25).
WORDS_LISTS = ("themes", "target_groups")
# How an editor would name each list in a sentence ("onbekend thema").
SINGULAR_NL = {"themes": "thema", "target_groups": "doelgroep",
               "recognition_levels": "erkenningsniveau", "delivered_by": "uitvoerder"}


@dataclass(frozen=True)
class Term:
    id: str
    label: str
    valid_years: int | None = None
    description: str | None = None  # optional explanation for readers
    # The words readers use for it (synonyms, abbreviations): the site search and the finder
    # find its interventions and dossiers by these too (themes and target groups).
    words: tuple[str, ...] = ()


@dataclass
class Vocabularies:
    lists: dict[str, dict[str, Term]] = field(default_factory=dict)

    def ids(self, name: str) -> list[str]:
        return list(self.lists.get(name, {}))

    def label(self, name: str, term_id: str) -> str:
        term = self.lists.get(name, {}).get(term_id)
        return term.label if term else term_id

    def term(self, name: str, term_id: str) -> Term | None:
        return self.lists.get(name, {}).get(term_id)

    def terms(self, name: str) -> list[Term]:
        return list(self.lists.get(name, {}).values())


def load_vocabularies(root: Path) -> tuple[Vocabularies, list[Issue]]:
    """Read and check vocabularies.yml; a broken entry is reported and left out."""
    path = root / VOCABULARY_FILE
    vocab = Vocabularies({name: {} for name in VOCABULARY_NAMES})
    escape = link_in_path(root, path)
    if escape is not None:
        return vocab, [error(VOCABULARY_FILE, None, None, None, "link-outside-project",
                             outside_message(VOCABULARY_FILE, escape))]
    try:
        text = path.read_bytes().decode("utf-8-sig").replace("\r\n", "\n")
    except FileNotFoundError:
        return vocab, [error(VOCABULARY_FILE, None, None, None, "vocabulary-missing",
                             f"Het bestand {VOCABULARY_FILE} ontbreekt in de projectmap. Het "
                             "bevat de thema's, doelgroepen en erkenningsniveaus.")]
    except (OSError, UnicodeDecodeError) as exc:
        return vocab, [error(VOCABULARY_FILE, None, None, None, "vocabulary-unreadable",
                             f"{VOCABULARY_FILE} kan niet gelezen worden ({exc}). Sla het op "
                             "als UTF-8.")]
    parsed = parse_yaml(text)
    issues = [error(VOCABULARY_FILE, p.line + 1, p.column + 1, p.key, p.code,
                    resolve_line_placeholders(p.message, 0))
              for p in parsed.problems]
    data = parsed.value if isinstance(parsed.value, dict) else {}

    def at(key: str) -> tuple[int | None, int | None]:
        line, column = parsed.positions.get(key, (-1, -1))
        return (line + 1, column + 1) if line >= 0 else (None, None)

    for name in VOCABULARY_NAMES:
        entries = data.get(name)
        if not isinstance(entries, list):
            issues.append(error(VOCABULARY_FILE, *at(name), name, "vocabulary-list-missing",
                                f"{VOCABULARY_FILE} mist de lijst '{name}' (een lijst van "
                                "{id: …, label: …})."))
            continue
        for index, entry in enumerate(entries):
            key = f"{name}[{index}]"
            term, problem = _term(entry, name, key, vocab.lists[name])
            if problem:
                issues.append(error(VOCABULARY_FILE, *at(key), key, "vocabulary-entry", problem))
            else:
                vocab.lists[name][term.id] = term
    return vocab, issues


def _term(entry: object, name: str, key: str, known: dict[str, Term]) -> tuple[Term, str | None]:
    if not isinstance(entry, dict) or not isinstance(entry.get("id"), str) \
            or not isinstance(entry.get("label"), str) or not entry["label"].strip():
        return Term("", ""), (f"'{key}' moet een id en een label hebben, zoals "
                              "{id: eenzaamheid, label: Eenzaamheid}.")
    if not SLUG_RE.match(entry["id"]):
        return Term("", ""), (f"Het id '{entry['id']}' in '{key}' mag alleen kleine letters, "
                              "cijfers en losse koppeltekens bevatten.")
    if entry["id"] in known:
        return Term("", ""), f"Het id '{entry['id']}' staat twee keer in de lijst '{name}'."
    valid_years = entry.get("valid_years")
    if name == "recognition_levels" and (not isinstance(valid_years, int)
                                         or isinstance(valid_years, bool) or valid_years < 1):
        return Term("", ""), (f"Erkenningsniveau '{entry['id']}' mist 'valid_years': het aantal "
                              "jaren dat een erkenning geldig blijft (bijvoorbeeld 5).")
    description = entry.get("description")
    words = entry.get("words", [])
    if not isinstance(words, list) or not all(isinstance(w, str) and w.strip() for w in words):
        return Term("", ""), (f"'words' bij '{entry['id']}' in '{key}' moet een lijst van woorden "
                              "zijn, zoals words: [geldzorgen, schuldhulp].")
    if words and name not in WORDS_LISTS:
        return Term("", ""), (f"'words' kan alleen bij thema's en doelgroepen, niet bij "
                              f"'{entry['id']}' in '{key}'.")
    return Term(entry["id"], entry["label"].strip(), valid_years,
                description.strip() if isinstance(description, str) else None,
                tuple(w.strip() for w in words)), None
