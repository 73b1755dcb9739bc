"""The JSON Schemas made from schema.py: valid 2020-12 schemas that accept every shipped file and
reject what the check rejects for its shape (unknown keys, a missing title, placeholders)."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import jsonschema
import pytest
from built_sites import shipped_site
from conftest import REPO, run_cli

from generator.content.load import load_sources
from generator.content.vocab import load_vocabularies
from generator.content.yamlsafe import is_date
from generator.editors.jsonschema import SCHEMA_FILES, json_schema, schema_files

VOCAB, _ = load_vocabularies(REPO)
SOURCES, _ = load_sources(REPO)


def plain(value: object) -> object:
    """Frontmatter as a JSON tool sees it: dates are 'YYYY-MM-DD' strings."""
    if isinstance(value, dict):
        return {key: plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [plain(item) for item in value]
    return value.isoformat() if is_date(value) else value


def validator(kind: str) -> jsonschema.Draft202012Validator:
    schema = json_schema(kind, VOCAB)
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)


def errors(kind: str, data: dict) -> list[str]:
    return sorted(f"{e.json_path}: {e.validator}" for e in validator(kind).iter_errors(data))


def shipped(kind: str, slug: str) -> dict:
    return copy.deepcopy(plain(next(s.data for s in SOURCES if (s.kind, s.slug) == (kind, slug))))


def test_all_shipped_content_validates() -> None:
    assert len(SOURCES) >= 26
    for source in SOURCES:
        assert errors(source.kind, plain(source.data)) == [], source.path


@pytest.mark.parametrize("kind, slug", [("intervention", "buurtbemiddeling"),
                                        ("dossier", "eenzaamheid")])
def test_rejects_an_unknown_key_and_a_missing_title(kind: str, slug: str) -> None:
    data = shipped(kind, slug)
    data["themas"] = data["themes"]
    assert errors(kind, data) == ["$: additionalProperties"]
    data = shipped(kind, slug)
    del data["title"]
    assert errors(kind, data) == ["$: required"]


def test_rejects_what_the_check_rejects_for_its_shape() -> None:
    data = shipped("intervention", "buurtbemiddeling")
    data["themes"] = ["wijkontwikkeling", "buurten"]  # not in vocabularies.yml
    data["recognition"]["assessed_on"] = "14-03-2023"
    data["owner"]["organisation"] = "VUL IN: organisatie"
    data["owner"]["fax"] = "010-1234567"
    data["criteria"]["organisations"] = "veel"
    assert errors("intervention", data) == [
        "$.criteria.organisations: type", "$.owner.organisation: not",
        "$.owner: additionalProperties", "$.recognition.assessed_on: format",
        "$.recognition.assessed_on: pattern", "$.themes[1]: enum"]


def test_null_and_empty_lists_count_as_absent() -> None:
    data = shipped("intervention", "buurtbemiddeling")
    data.update(recognition=None, costs=None, outcomes=[], status=None)
    data["owner"]["website"] = None
    assert errors("intervention", data) == []
    data["themes"] = []
    assert errors("intervention", data) == ["$.themes: minItems"]


def test_titles_and_enums_come_from_schema_and_vocabularies() -> None:
    schema = json_schema("intervention", VOCAB, "https://watwerkt.example.org/")
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"] == "https://watwerkt.example.org/schema/intervention.schema.json"
    assert schema["additionalProperties"] is False
    themes = schema["properties"]["themes"]
    assert themes["title"] == "Thema's" and themes["items"]["enum"] == VOCAB.ids("themes")
    level = schema["properties"]["recognition"]["properties"]["level"]
    assert level["enum"] == VOCAB.ids("recognition_levels") and level["title"] == "Erkenningsniveau"


def test_schema_command_writes_both_files(tmp_path: Path) -> None:
    result = run_cli("schema", "--root", str(REPO), "--out", str(tmp_path / "uit"))
    assert result.returncode == 0, result.stderr
    expected = schema_files(VOCAB, "https://watwerkt.example.org/")
    assert sorted(p.name for p in (tmp_path / "uit").iterdir()) == sorted(SCHEMA_FILES.values())
    for name, text in expected.items():
        assert (tmp_path / "uit" / name).read_text(encoding="utf-8") == text


def test_schema_command_refuses_a_broken_vocabulary(tmp_path: Path) -> None:
    (tmp_path / "vocabularies.yml").write_text("themes: [{id: Fout, label: x}]\n")
    result = run_cli("schema", "--root", str(tmp_path), "--out", str(tmp_path / "uit"))
    assert result.returncode == 1 and "vocabularies.yml" in result.stderr
    assert not (tmp_path / "uit").exists()


def test_the_site_publishes_the_schemas() -> None:
    site = shipped_site()
    for kind, name in SCHEMA_FILES.items():
        published = json.loads((site / "schema" / name).read_text(encoding="utf-8"))
        assert published == json_schema(kind, VOCAB, "https://watwerkt.example.org/")
