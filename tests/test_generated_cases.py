"""Rules whose cases cannot be example files (a 5 MB file, a path that cannot be read, a
tokenizer that fails), and checks of single messages that the example harness does not read."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import BUILD_DATE, DOSSIER, INTERVENTION, REPO, make_project, replace_once

from generator.check import body
from generator.check.validate import validate_all
from generator.content.load import MAX_FILE_BYTES, load_source, parse_source
from generator.content.vocab import load_vocabularies
from generator.pipeline import check_project


def codes_at(issues, path: str) -> list[tuple[str, str, int | None]]:
    return sorted((i.severity.value, i.code, i.line) for i in issues if i.path == path)


def test_file_too_large_fails_at_line_1(tmp_path: Path) -> None:
    big = INTERVENTION + "\nTekst. " * ((MAX_FILE_BYTES // 7) + 1)
    assert len(big.encode()) > MAX_FILE_BYTES
    root = make_project(tmp_path / "p", {"interventions/groot.md": big})
    result = check_project(root, BUILD_DATE)
    assert codes_at(result.issues, "interventions/groot.md") == [("error", "file-too-large", 1)]
    assert result.files_checked == 1


def test_file_just_under_the_limit_is_read(tmp_path: Path) -> None:
    text = INTERVENTION + "\n" + "Tekst.\n" * 1000
    root = make_project(tmp_path / "p", {"interventions/groot.md": text})
    codes = {i.code for i in check_project(root, BUILD_DATE).issues}
    assert "file-too-large" not in codes
    assert codes == {"not-in-dossier"}


def test_unreadable_file_is_an_error_without_line(tmp_path: Path) -> None:
    source, issues = load_source(tmp_path / "verdwenen.md", "interventions/verdwenen.md",
                                 "intervention")
    assert source is not None and source.data is None and source.load_errors
    assert source.slug == "verdwenen"  # it exists for references; it is not an entry
    assert [(i.severity.value, i.code, i.line, i.path) for i in issues] == [
        ("error", "unreadable-file", None, "interventions/verdwenen.md")]
    assert "kan niet gelezen worden" in issues[0].message


def test_readable_file_has_no_unreadable_file_issue(tmp_path: Path) -> None:
    path = tmp_path / "buurtbemiddeling.md"
    path.write_text(INTERVENTION, encoding="utf-8")
    source, issues = load_source(path, "interventions/buurtbemiddeling.md", "intervention")
    assert source is not None and source.data["title"] == "Buurtbemiddeling"
    assert issues == []


def test_body_unreadable_when_the_tokenizer_fails(monkeypatch: pytest.MonkeyPatch) -> None:
    class Broken:
        def parse(self, text):
            raise RecursionError("te diep")

    monkeypatch.setattr(body, "_MD", Broken())
    body._check_body_once.cache_clear()  # another test may have checked this body already
    report = body.check_body("interventions/x.md", "intervention", "## Doel\n", 17)
    assert [(i.severity.value, i.code, i.line) for i in report.issues] == [
        ("error", "body-unreadable", 17)]


def test_body_readable_gives_no_body_unreadable() -> None:
    text = INTERVENTION.split("---\n", 2)[2]
    report = body.check_body("interventions/x.md", "intervention", text, 16)
    assert report.issues == []
    assert [s.title for s in report.sections][:2] == ["Doel", "Doelgroep"]


def test_duplicate_key_in_vocabularies_names_the_real_first_line(tmp_path: Path) -> None:
    vocabulary = (REPO / "vocabularies.yml").read_text(encoding="utf-8")
    first = vocabulary[:vocabulary.index("themes:")].count("\n") + 1
    root = make_project(tmp_path / "p", {"vocabularies.yml": vocabulary + "themes: []\n"})
    issues = [i for i in load_vocabularies(root)[1] if i.code == "duplicate-key"]
    assert len(issues) == 1
    assert f"eerder al op regel {first})" in issues[0].message
    assert "{line:" not in issues[0].message


def test_duplicate_key_in_a_content_file_names_the_first_line() -> None:
    text = replace_once(INTERVENTION, "last_reviewed: 2026-06-01",
                        "last_reviewed: 2026-06-01\ntitle: Nog een titel")
    _, issues = parse_source(text.encode(), "interventions/a.md", "intervention")
    assert [(i.code, i.line, i.column, i.key) for i in issues] == [
        ("duplicate-key", 15, 1, "title")]
    assert "eerder al op regel 2)" in issues[0].message


def test_a_yaml_problem_in_a_required_key_does_not_crash_the_validator() -> None:
    # The tag makes the value unusable; building the entry from it used to raise KeyError.
    text = replace_once(INTERVENTION, "title: Buurtbemiddeling", "title: !!binary aGFsbG8=")
    vocab, _ = load_vocabularies(REPO)
    source, issues = parse_source(text.encode(), "interventions/a.md", "intervention")
    result = validate_all([source], vocab, BUILD_DATE)
    assert [(i.code, i.line) for i in issues] == [("yaml-tag", 2)]
    assert result.interventions == {}  # a file with an error never becomes an entry


def test_a_file_with_a_load_error_is_not_an_entry_but_references_to_it_resolve() -> None:
    vocab, _ = load_vocabularies(REPO)
    broken = replace_once(INTERVENTION, "owner:", "owner:\n  <<: {email: a@example.org}")
    dossier = DOSSIER
    sources = [parse_source(broken.encode(), "interventions/buurtbemiddeling.md",
                            "intervention")[0],
               parse_source(dossier.encode(), "dossiers/eenzaamheid.md", "dossier")[0]]
    result = validate_all(sources, vocab, BUILD_DATE)
    assert list(result.interventions) == []
    assert list(result.dossiers) == ["eenzaamheid"]
    assert [i.code for i in result.issues] == []  # no unknown-reference for the broken file


def test_every_message_of_an_editor_mistake_is_dutch() -> None:
    """No English from PyYAML or Python leaks into what an editor reads."""
    vocab, _ = load_vocabularies(REPO)
    mistakes = [
        replace_once(INTERVENTION, "title: Buurtbemiddeling", "title: a: b"),
        replace_once(INTERVENTION, "themes: [wijkontwikkeling]", "themes: [wijkontwikkeling"),
        replace_once(INTERVENTION, "last_reviewed: 2026-06-01", "last_reviewed: 2023-02-30"),
        replace_once(INTERVENTION, "  organisations: 14", "  organisations: veertien"),
        replace_once(INTERVENTION, "title: Buurtbemiddeling", "title: [a, b]"),
        replace_once(INTERVENTION, "title: Buurtbemiddeling", 'title: "a"\ntitle: b'),
    ]
    english = ("expected", "found", "while ", "mapping values", "could not", "Traceback")
    for text in mistakes:
        source, issues = parse_source(text.encode(), "interventions/a.md", "intervention")
        issues += validate_all([source], vocab, BUILD_DATE).issues
        errors = [i for i in issues if i.severity.value == "error"]
        assert errors, text
        for issue in errors:
            assert not any(word in issue.message for word in english), issue.message
            assert any(word in issue.message for word in (" de ", " het ", " een ", "is ")), \
                issue.message


def test_a_reference_to_an_unreadable_file_is_not_a_second_error(tmp_path: Path) -> None:
    latin = INTERVENTION.replace("Stichting Voorbeeld", "Stichting Coördinatie").encode("latin-1")
    root = make_project(tmp_path / "p", {"interventions/buurtbemiddeling.md": latin,
                                         "dossiers/eenzaamheid.md": DOSSIER})
    result = check_project(root, BUILD_DATE)
    assert [(i.path, i.code) for i in result.issues] == [
        ("interventions/buurtbemiddeling.md", "not-utf8")]
    assert result.files_checked == 2
