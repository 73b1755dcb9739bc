"""`watwerkt new`: every key and section of the format, placeholders the check rejects at their
lines until they are filled in; and CONTRIBUTING.md's generated parts (templates, field tables,
a real check report), which must match what the code makes today.

Refresh CONTRIBUTING.md after an intended change with

    WATWERKT_UPDATE_CONTRIBUTING=1 python -m pytest tests/test_scaffold.py
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from conftest import BUILD_DATE, REPO, TODAY, line_of, make_project, replace_once, run_cli

from generator.check.report import format_github, format_text
from generator.content.load import parse_source
from generator.content.vocab import load_vocabularies
from generator.core.issues import Severity
from generator.core.schema import FIELDS, OBJECT, OBJECT_LIST, REQUIRED_SECTIONS
from generator.editors.scaffold import field_table, scaffold_text
from generator.pipeline import check_project

VOCAB, _ = load_vocabularies(REPO)
KINDS = {"intervention": "interventions", "dossier": "dossiers"}
CONTRIBUTING = REPO / "CONTRIBUTING.md"
BLOCK_RE = re.compile(r"(<!-- begin generated: (?P<name>[a-z -]+) -->\n)(?P<body>.*?)"
                      r"(<!-- end generated -->)", re.S)
# Real values for every placeholder of the scaffolds, as an editor would fill them in.
FILLED = {
    "title: 'VUL IN: titel'": "title: Buurtmaatjes",
    "summary: 'VUL IN: samenvatting'": "summary: Vrijwilligers bezoeken bewoners met weinig "
                                       "contact.",
    "themes: [VUL IN]": "themes: [eenzaamheid]",
    "target_groups: [VUL IN]": "target_groups: [ouderen]",
    "organisation: 'VUL IN: organisatie'": "organisation: Stichting Buurtmaatjes",
    "handbook: 'VUL IN: true of false'": "handbook: true",
    "in_practice_since: JJJJ": "in_practice_since: 2015",
    "organisations: 'VUL IN: aantal'": "organisations: 6",
    "last_reviewed: JJJJ-MM-DD": "last_reviewed: 2026-03-02",
    "published: JJJJ-MM-DD": "published: 2025-09-01",
    "authors: ['VUL IN: auteurs']": "authors: [Naam Achternaam]",
}


def required_paths(kind: str) -> set[str]:
    """The keys whose placeholders the check must reject (lists report their first item)."""
    paths = set()
    for spec in FIELDS[kind]:
        if spec.required and spec.kind == OBJECT:
            paths |= {f"{spec.name}.{sub.name}" for sub in spec.fields if sub.required}
        elif spec.required:
            paths.add(f"{spec.name}[0]" if spec.kind.endswith("list") else spec.name)
    return paths


@pytest.mark.parametrize("kind", KINDS)
def test_scaffold_has_every_key_and_heading(kind: str) -> None:
    text = scaffold_text(kind, VOCAB)
    source, issues = parse_source(text.encode(), f"{KINDS[kind]}/nieuw.md", kind)
    assert issues == [] and source is not None
    assert list(source.data) == [spec.name for spec in FIELDS[kind]]
    for spec in FIELDS[kind]:
        value = source.data[spec.name]
        if not spec.required:
            assert value in (None, []), spec.name  # counts as absent
        if spec.kind in (OBJECT, OBJECT_LIST):
            for sub in spec.fields:  # keys of an optional group are lines to uncomment
                shown = value if isinstance(value, dict) else text
                assert sub.name in shown if isinstance(value, dict) else \
                    re.search(rf"^#  (- |  )?{sub.name}: ", shown, re.M), (spec.name, sub.name)
        assert re.search(rf"^ *# .*\n{spec.name}:", text, re.M), f"{spec.name} has no comment"
    assert re.findall(r"^## (.+)$", source.body, re.M) == list(REQUIRED_SECTIONS[kind])
    comments = " ".join(line.lstrip(" #") for line in text.splitlines() if "#" in line)
    assert "Kies uit: activering, armoede-en-schulden," in comments  # the ids, for editors


@pytest.mark.parametrize("kind", KINDS)
def test_new_file_fails_the_check_at_every_placeholder(kind: str, tmp_path: Path) -> None:
    root = make_project(tmp_path / "project")
    result = run_cli("new", kind, "nieuw", "--root", str(root))
    assert result.returncode == 0, result.stderr
    relative = f"{KINDS[kind]}/nieuw.md"
    assert relative in result.stdout
    text = (root / relative).read_text(encoding="utf-8")
    issues = [i for i in check_project(root, BUILD_DATE).issues if i.path == relative]
    errors = [i for i in issues if i.severity is Severity.ERROR]
    assert {i.key for i in errors} == required_paths(kind)
    for issue in errors:
        name = issue.key.split(".")[-1].split("[")[0]
        assert issue.line == line_of(text, f"\n{'  ' if '.' in issue.key else ''}{name}:") + 1
        assert issue.key.split("[")[0] in issue.message
    warnings = [i for i in issues if i.severity is Severity.WARNING]
    assert [i.code for i in warnings] == ["empty-section"] * len(REQUIRED_SECTIONS[kind])
    assert run_cli("check", "--root", str(root), "--today", TODAY).returncode == 1


@pytest.mark.parametrize("kind", KINDS)
def test_filled_in_scaffold_passes_the_strict_check(kind: str, tmp_path: Path) -> None:
    text = scaffold_text(kind, VOCAB)
    for placeholder, value in FILLED.items():  # only real keys, not the commented examples
        text, count = re.subn(rf"^( *){re.escape(placeholder)}$", rf"\g<1>{value}", text,
                              flags=re.M)
        assert count <= 1, placeholder
    for section in REQUIRED_SECTIONS[kind]:
        text = replace_once(text, f"## {section}\n", f"## {section}\n\nTekst over {section}.\n")
    relative = f"{KINDS[kind]}/buurtmaatjes.md"
    root = make_project(tmp_path / "project", {relative: text})
    issues = check_project(root, BUILD_DATE).issues
    assert [i for i in issues if i.severity is not Severity.NOTICE] == []
    assert run_cli("check", "--root", str(root), "--today", TODAY, "--strict").returncode == 0


def test_new_takes_a_title_and_refuses_bad_names(tmp_path: Path) -> None:
    root = make_project(tmp_path / "project")
    title = 'Wat werkt bij: "eenzaamheid"'
    assert run_cli("new", "dossier", "eenzaamheid", "--root", str(root),
                   "--title", title).returncode == 0
    source, _ = parse_source((root / "dossiers/eenzaamheid.md").read_bytes(),
                             "dossiers/eenzaamheid.md", "dossier")
    assert source.data["title"] == title
    again = run_cli("new", "dossier", "eenzaamheid", "--root", str(root), "--title", "Anders")
    assert again.returncode == 2 and "dossiers/eenzaamheid.md bestaat al" in again.stderr
    assert source.data == parse_source((root / "dossiers/eenzaamheid.md").read_bytes(),
                                       "dossiers/eenzaamheid.md", "dossier")[0].data
    bad = run_cli("new", "interventie", "Buurt Bemiddeling", "--root", str(root))
    assert bad.returncode == 2 and "geen geldige naam" in bad.stderr
    assert "Bijvoorbeeld: buurt-bemiddeling" in bad.stderr
    kind = run_cli("new", "artikel", "iets", "--root", str(root))
    assert kind.returncode == 2 and "onbekende soort 'artikel'" in kind.stderr
    assert sorted(p.name for p in (root / "interventions").iterdir()) == []


def example_file(text: str) -> tuple[str, str]:
    match = re.search(r"<!-- example file: (\S+) -->\n```markdown\n(.*?)```\n", text, re.S)
    return match[1], match[2]


def generated_blocks(text: str, tmp_path: Path) -> dict[str, str]:
    """What every generated block of CONTRIBUTING.md must hold today."""
    relative, example = example_file(text)
    result = check_project(make_project(tmp_path / "voorbeeld", {relative: example}), BUILD_DATE)
    blocks = {f"field-table {kind}": field_table(kind) for kind in KINDS}
    blocks |= {f"template {kind}": f"```markdown\n{scaffold_text(kind)}```\n" for kind in KINDS}
    blocks["check-output"] = f"```text\n{format_text(result.issues, result.files_checked)}```\n"
    blocks["github-output"] = f"```text\n{format_github(result.issues)}```\n"
    return blocks


def test_contributing_shows_what_the_code_makes_today(tmp_path: Path) -> None:
    text = CONTRIBUTING.read_text(encoding="utf-8")
    blocks = generated_blocks(text, tmp_path)
    if os.environ.get("WATWERKT_UPDATE_CONTRIBUTING") == "1":
        text = BLOCK_RE.sub(lambda m: m[1] + blocks[m["name"]] + m[4], text)
        CONTRIBUTING.write_text(text, encoding="utf-8")
    found = {m["name"]: m["body"] for m in BLOCK_RE.finditer(text)}
    assert sorted(found) == sorted(blocks)
    for name, expected in blocks.items():
        assert found[name] == expected, (
            f"CONTRIBUTING.md '{name}' is out of date: WATWERKT_UPDATE_CONTRIBUTING=1 "
            "python -m pytest tests/test_scaffold.py")
    assert "5 fouten, 0 waarschuwingen en 0 meldingen in 1 bestand" in found["check-output"]
