"""`python -m generator check` as an editor and CI run it: exit codes, the build date, and the
editor's typical mistakes from the issue's "Done when" (each: exit 1, an error at the right line,
a Dutch message that says what to do)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import DOSSIER, INTERVENTION, TODAY, line_of, make_project, replace_once, run_cli

GOOD = {"interventions/buurtbemiddeling.md": INTERVENTION, "dossiers/eenzaamheid.md": DOSSIER}
PATH = "interventions/buurtbemiddeling.md"


def check(root: Path, *extra: str, env: dict[str, str] | None = None):
    return run_cli("check", "--root", str(root), *extra, env=env)


def check_json(root: Path, *extra: str, env: dict[str, str] | None = None):
    result = check(root, "--format", "json", *extra, env=env)
    return result.returncode, json.loads(result.stdout)["issues"]


# ---------------------------------------------------------------- exit codes

def test_clean_project_exits_0(tmp_path: Path) -> None:
    result = check(make_project(tmp_path / "p", GOOD), "--today", TODAY)
    assert result.returncode == 0, result.stdout
    assert result.stdout == "Geen fouten, waarschuwingen of meldingen in 2 bestanden.\n"


def test_warning_passes_normally_and_fails_under_strict(tmp_path: Path) -> None:
    warned = replace_once(INTERVENTION, "  website: https://", "  website: http://")
    root = make_project(tmp_path / "p", {**GOOD, PATH: warned})
    assert check(root, "--today", TODAY).returncode == 0
    strict = check(root, "--today", TODAY, "--strict")
    assert strict.returncode == 1
    assert "0 fouten, 1 waarschuwing en 0 meldingen in 1 bestand" in strict.stdout


def test_notices_never_fail_even_under_strict(tmp_path: Path) -> None:
    old = replace_once(INTERVENTION, "last_reviewed: 2026-06-01", "last_reviewed: 2020-01-01")
    root = make_project(tmp_path / "p", {**GOOD, PATH: old})
    code, issues = check_json(root, "--today", TODAY, "--strict")
    assert code == 0
    assert [(i["severity"], i["code"]) for i in issues] == [("notice", "review-overdue")]


def test_error_exits_1(tmp_path: Path) -> None:
    bad = replace_once(INTERVENTION, "  handbook: true", "  handbook: false")
    assert check(make_project(tmp_path / "p", {**GOOD, PATH: bad}), "--today", TODAY
                 ).returncode == 1


@pytest.mark.parametrize("today", ["2026-02-30", "22-11-2026", "gisteren", "2026-11-22T10:00"])
def test_bad_today_is_a_usage_error(tmp_path: Path, today: str) -> None:
    result = check(make_project(tmp_path / "p", GOOD), "--today", today)
    assert result.returncode == 2
    assert "JJJJ-MM-DD" in result.stderr and result.stdout == ""


def test_bad_source_date_epoch_is_a_usage_error(tmp_path: Path) -> None:
    result = check(make_project(tmp_path / "p", GOOD), env={"SOURCE_DATE_EPOCH": "gisteren"})
    assert result.returncode == 2
    assert "SOURCE_DATE_EPOCH" in result.stderr


def test_missing_root_is_a_usage_error(tmp_path: Path) -> None:
    result = check(tmp_path / "bestaat-niet", "--today", TODAY)
    assert result.returncode == 2
    assert "bestaat niet" in result.stderr


def test_unknown_option_and_missing_command_are_usage_errors(tmp_path: Path) -> None:
    assert run_cli("check", "--format", "xml").returncode == 2
    assert run_cli("check", "--onbekend").returncode == 2
    assert run_cli().returncode == 2


def test_python_dash_m_generator_and_default_root_is_the_current_folder(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p", GOOD)
    result = run_cli("check", "--today", TODAY, cwd=root)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "in 2 bestanden" in result.stdout


# ---------------------------------------------------------------- the build date

def _dated_project(tmp_path: Path) -> Path:
    """last_reviewed 2026-06-01: in the future before that day, fine from that day on."""
    return make_project(tmp_path / "p", GOOD)


def test_today_pins_the_build_date(tmp_path: Path) -> None:
    root = _dated_project(tmp_path)
    code, issues = check_json(root, "--today", "2026-05-31")
    assert code == 1
    assert [(i["code"], i["line"]) for i in issues if i["severity"] == "error"] == [
        ("future-date", line_of(INTERVENTION, "last_reviewed:"))]
    assert check_json(root, "--today", "2026-06-01")[0] == 0


def test_source_date_epoch_is_honoured(tmp_path: Path) -> None:
    root = _dated_project(tmp_path)
    may_31 = "1780185600"  # 2026-05-31T00:00:00Z
    june_1 = "1780272000"  # 2026-06-01T00:00:00Z
    code, issues = check_json(root, env={"SOURCE_DATE_EPOCH": may_31})
    assert code == 1 and [i["code"] for i in issues] == ["future-date"]
    assert check_json(root, env={"SOURCE_DATE_EPOCH": june_1})[0] == 0


def test_today_wins_over_source_date_epoch(tmp_path: Path) -> None:
    root = _dated_project(tmp_path)
    assert check_json(root, "--today", TODAY, env={"SOURCE_DATE_EPOCH": "1780185600"})[0] == 0


# ---------------------------------------------------------------- the editor's typical mistakes

LATIN_1 = replace_once(INTERVENTION, "  organisation: Stichting Voorbeeld",
                       "  organisation: Stichting Coördinatie").encode("latin-1")

MISTAKES = {
    # name: (file content, code, the text on the expected line, words the message must contain)
    "typo-in-theme": (
        replace_once(INTERVENTION, "themes: [wijkontwikkeling]", "themes: [wijkontwikeling]"),
        "unknown-vocabulary-value", "themes: [wijkontwikeling]",
        ["Bedoelde u 'wijkontwikkeling'?", "Kies een id"]),
    "missing-title": (
        replace_once(INTERVENTION, "title: Buurtbemiddeling\n", ""), "missing-key", "---",
        ["verplichte sleutel 'title'", "Voeg 'title:' toe"]),
    "impossible-date": (
        replace_once(INTERVENTION, "last_reviewed: 2026-06-01", "last_reviewed: 2023-02-30"),
        "invalid-date", "last_reviewed:", ["die dag bestaat niet", "Schrijf een bestaande datum"]),
    "future-date": (
        replace_once(INTERVENTION, "last_reviewed: 2026-06-01", "last_reviewed: 2027-01-10"),
        "future-date", "last_reviewed:", ["10 januari 2027", "na de bouwdatum",
                                          "controleer dag, maand en jaar"]),
    "misspelled-key": (
        replace_once(INTERVENTION, "  in_practice_since: 2012", "  in_practise_since: 2012"),
        "unknown-key", "in_practise_since", ["Bedoelde u 'in_practice_since'?",
                                             "Verbeter de naam"]),
    "reference-to-missing-entry": (
        replace_once(INTERVENTION, "last_reviewed: 2026-06-01",
                     "last_reviewed: 2026-06-01\nrelated: [buurtteams]"),
        "unknown-reference", "related: [buurtteams]",
        ["geen interventie interventions/buurtteams.md", "Gebruik de bestandsnaam"]),
    "removed-section": (
        replace_once(INTERVENTION, "## Onderbouwing\n\nWie zelf afspraken maakt, houdt zich er "
                     "vaker aan.\n\n", ""),
        "missing-section", "## Doel", ["'## Onderbouwing' ontbreekt", "Voeg een regel"]),
    "pasted-script": (
        replace_once(INTERVENTION, "Wie zelf afspraken maakt",
                     "<script>document.location='https://evil.example'</script>\n"
                     "Wie zelf afspraken maakt"),
        "html-not-allowed", "<script>", ["<script>", "Verwijder het"]),
    "javascript-link": (
        replace_once(INTERVENTION, "Wie zelf afspraken maakt",
                     "Lees [meer](javascript:alert(1)).\n\nWie zelf afspraken maakt"),
        "unsafe-url", "[meer](javascript", ["javascript:", "Verwijder de link"]),
    "javascript-link-mixed-case": (
        replace_once(INTERVENTION, "Wie zelf afspraken maakt",
                     "Lees [meer](JavaScript:alert(1)).\n\nWie zelf afspraken maakt"),
        "unsafe-url", "[meer](JavaScript", ["Verwijder de link"]),
    "javascript-link-entity-encoded": (
        replace_once(INTERVENTION, "Wie zelf afspraken maakt",
                     "Lees [meer](&#x6A;avascript&#x3A;alert(1)).\n\nWie zelf afspraken maakt"),
        "unsafe-url", "[meer](&#x6A;", ["Verwijder de link"]),
    "javascript-html-link": (
        replace_once(INTERVENTION, "Wie zelf afspraken maakt",
                     '<a href="jAvAsCrIpT:alert(1)">meer</a>\n\nWie zelf afspraken maakt'),
        "unsafe-url", '<a href="jAvAsCrIpT', ["Verwijder de link"]),
    "javascript-image": (
        replace_once(INTERVENTION, "Wie zelf afspraken maakt",
                     "![foto](javascript:alert(1))\n\nWie zelf afspraken maakt"),
        "unsafe-url", "![foto]", ["afbeelding", "Verwijder de link"]),
    "javascript-html-image-entity-encoded": (
        replace_once(INTERVENTION, "Wie zelf afspraken maakt",
                     '<img src="&#106;&#97;vascript:alert(1)" alt="foto">\n\nWie zelf afspraken'
                     " maakt"),
        "unsafe-url", "<img src=", ["Verwijder de link"]),
    "one-organisation": (
        replace_once(INTERVENTION, "  organisations: 14", "  organisations: 1"),
        "criterion-organisations", "organisations: 1", ["minstens twee organisaties",
                                                        "Vul het werkelijke aantal in"]),
    "duplicated-key": (
        replace_once(INTERVENTION, "last_reviewed: 2026-06-01",
                     "last_reviewed: 2026-06-01\nthemes: [eenzaamheid]"),
        "duplicate-key", "themes: [eenzaamheid]", ["twee keer", "eerder al op regel 4",
                                                    "verwijder een van beide"]),
    "saved-as-latin-1": (
        LATIN_1, "not-utf8", "Coördinatie", ["niet als UTF-8 opgeslagen", "'ö'",
                                             "Sla het bestand op als UTF-8"]),
}


# Mistakes that rightly give a second error: the misspelled key leaves the real one missing.
ALSO = {"misspelled-key": {"missing-key"}}


@pytest.mark.parametrize("name", sorted(MISTAKES))
def test_typical_mistake_exits_1_with_a_dutch_error_at_its_line(tmp_path: Path,
                                                                name: str) -> None:
    content, code, needle, words = MISTAKES[name]
    text = content.decode("latin-1") if isinstance(content, bytes) else content
    expected_line = line_of(text, needle)
    root = make_project(tmp_path / "p", {**GOOD, PATH: content})
    exit_code, issues = check_json(root, "--today", TODAY)
    assert exit_code == 1
    errors = [i for i in issues if i["severity"] == "error" and i["code"] == code]
    assert [(i["path"], i["line"]) for i in errors] == [(PATH, expected_line)]
    others = {i["code"] for i in issues if i["severity"] == "error"} - {code}
    assert others == ALSO.get(name, set())
    for word in words:
        assert word in errors[0]["message"], (word, errors[0]["message"])


CODE_NOT_HTML = """
Schrijf nooit `<script>alert(1)</script>` of `[x](javascript:alert(1))` in een tekst.

```html
<script>alert(1)</script>
<a href="javascript:alert(1)">klik</a>
<img src="JaVaScRiPt:alert(1)">
```

~~~
[x](&#106;avascript:alert(1))
~~~
"""


def test_the_same_text_in_code_spans_and_fenced_code_is_not_an_error(tmp_path: Path) -> None:
    content = replace_once(INTERVENTION, "Wie zelf afspraken maakt, houdt zich er vaker aan.\n",
                           "Wie zelf afspraken maakt, houdt zich er vaker aan.\n" + CODE_NOT_HTML)
    root = make_project(tmp_path / "p", {**GOOD, PATH: content})
    exit_code, issues = check_json(root, "--today", TODAY, "--strict")
    assert (exit_code, issues) == (0, [])
