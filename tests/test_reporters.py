"""Exact output of the three reporters (text, json, github) for hand-built issue lists, and one
end-to-end run against a fixture project."""

from __future__ import annotations

import json

from conftest import BUILD_DATE, INTERVENTION, make_project, replace_once, run_cli

from generator.check.report import format_github, format_json, format_text, summary_line
from generator.core.issues import Issue, Severity, error, notice, warning
from generator.pipeline import check_project

A = "interventions/buurtbemiddeling.md"
B = "dossiers/eenzaamheid.md"

# Deliberately out of order: the reporters sort by path, line, column, then severity.
ISSUES = [
    notice(B, 5, 1, "published", "dossier-stale",
           "Het dossier is sinds 1 juni 2020 niet bijgewerkt."),
    error(A, 12, 3, "criteria.organisations", "criterion-organisations",
          "'criteria.organisations' is 1, maar een methode moet door minstens twee organisaties "
          "worden toegepast."),
    warning(A, 30, None, None, "insecure-link", "Op regel 30 verwijst een link naar "
            "'http://www.example.org' met http://."),
    error(A, 5, 10, "themes[0]", "unknown-vocabulary-value",
          "'wijkontwikeling' bij 'themes[0]' is geen bekend thema. Bedoelde u "
          "'wijkontwikkeling'?"),
    error(A, None, None, None, "invalid-slug", "De bestandsnaam is geen geldige naam."),
    notice(A, 3, 1, None, "not-in-dossier", "Geen enkel dossier noemt deze interventie."),
]


def test_summary_line_counts_with_singular_and_plural() -> None:
    three_one_two = [error(A, 1, 1, None, "x", "m")] * 2 + [error(B, 1, 1, None, "x", "m")] \
        + [warning(A, 1, 1, None, "x", "m")] + [notice(B, 1, 1, None, "x", "m")] * 2
    assert summary_line(three_one_two, 5) == \
        "3 fouten, 1 waarschuwing en 2 meldingen in 2 bestanden"
    one_each = [error(A, 1, 1, None, "x", "m"), warning(A, 1, 1, None, "x", "m"),
                notice(A, 1, 1, None, "x", "m")]
    assert summary_line(one_each, 9) == "1 fout, 1 waarschuwing en 1 melding in 1 bestand"
    assert summary_line([warning(A, 1, 1, None, "x", "m")] * 2, 1) == \
        "0 fouten, 2 waarschuwingen en 0 meldingen in 1 bestand"
    assert summary_line([], 1) == "Geen fouten, waarschuwingen of meldingen in 1 bestand."
    assert summary_line([], 26) == "Geen fouten, waarschuwingen of meldingen in 26 bestanden."


def test_text_groups_per_file_in_path_order_then_summary() -> None:
    assert format_text(ISSUES, 3) == (
        "dossiers/eenzaamheid.md:5:1: melding: Het dossier is sinds 1 juni 2020 niet bijgewerkt.\n"
        "\n"
        "interventions/buurtbemiddeling.md: fout: De bestandsnaam is geen geldige naam.\n"
        "interventions/buurtbemiddeling.md:3:1: melding: Geen enkel dossier noemt deze "
        "interventie.\n"
        "interventions/buurtbemiddeling.md:5:10: fout: 'wijkontwikeling' bij 'themes[0]' is geen "
        "bekend thema. Bedoelde u 'wijkontwikkeling'?\n"
        "interventions/buurtbemiddeling.md:12:3: fout: 'criteria.organisations' is 1, maar een "
        "methode moet door minstens twee organisaties worden toegepast.\n"
        "interventions/buurtbemiddeling.md:30: waarschuwing: Op regel 30 verwijst een link naar "
        "'http://www.example.org' met http://.\n"
        "\n"
        "3 fouten, 1 waarschuwing en 2 meldingen in 2 bestanden\n")


def test_text_without_issues_is_only_the_summary() -> None:
    assert format_text([], 4) == "Geen fouten, waarschuwingen of meldingen in 4 bestanden.\n"


def test_text_orders_same_place_by_severity() -> None:
    same_place = [notice(A, 7, 1, None, "c", "derde"), warning(A, 7, 1, None, "b", "tweede"),
                  error(A, 7, 1, None, "a", "eerste")]
    lines = format_text(same_place, 1).splitlines()
    assert lines[:3] == [f"{A}:7:1: fout: eerste", f"{A}:7:1: waarschuwing: tweede",
                         f"{A}:7:1: melding: derde"]


def test_json_structure_exactly() -> None:
    document = json.loads(format_json(ISSUES))
    assert list(document) == ["issues"]
    assert document["issues"][0] == {
        "severity": "notice", "path": B, "line": 5, "column": 1, "key": "published",
        "code": "dossier-stale", "message": "Het dossier is sinds 1 juni 2020 niet bijgewerkt."}
    assert document["issues"][1] == {
        "severity": "error", "path": A, "line": None, "column": None, "key": None,
        "code": "invalid-slug", "message": "De bestandsnaam is geen geldige naam."}
    assert [(i["path"], i["line"], i["column"], i["key"], i["severity"], i["code"])
            for i in document["issues"]] == [
        (B, 5, 1, "published", "notice", "dossier-stale"),
        (A, None, None, None, "error", "invalid-slug"),
        (A, 3, 1, None, "notice", "not-in-dossier"),
        (A, 5, 10, "themes[0]", "error", "unknown-vocabulary-value"),
        (A, 12, 3, "criteria.organisations", "error", "criterion-organisations"),
        (A, 30, None, None, "warning", "insecure-link"),
    ]
    for item in document["issues"]:
        assert list(item) == ["severity", "path", "line", "column", "key", "code", "message"]


def test_json_keeps_dutch_characters_and_empty_list() -> None:
    text = format_json([error(A, 2, 1, "title", "x", "Coördinatie – één € ")])
    assert "Coördinatie – één € " in text  # not \u escapes: readable in a log
    assert json.loads(format_json([])) == {"issues": []}


def test_github_annotations_exactly() -> None:
    assert format_github(ISSUES) == (
        "::notice file=dossiers/eenzaamheid.md,line=5,col=1,title=dossier-stale::Het dossier is "
        "sinds 1 juni 2020 niet bijgewerkt.\n"
        "::error file=interventions/buurtbemiddeling.md,title=invalid-slug::De bestandsnaam is "
        "geen geldige naam.\n"
        "::notice file=interventions/buurtbemiddeling.md,line=3,col=1,title=not-in-dossier::Geen "
        "enkel dossier noemt deze interventie.\n"
        "::error file=interventions/buurtbemiddeling.md,line=5,col=10,"
        "title=unknown-vocabulary-value::'wijkontwikeling' bij 'themes[0]' is geen bekend thema. "
        "Bedoelde u 'wijkontwikkeling'?\n"
        "::error file=interventions/buurtbemiddeling.md,line=12,col=3,"
        "title=criterion-organisations::'criteria.organisations' is 1, maar een methode moet door "
        "minstens twee organisaties worden toegepast.\n"
        "::warning file=interventions/buurtbemiddeling.md,line=30,title=insecure-link::Op regel "
        "30 verwijst een link naar 'http://www.example.org' met http://.\n")


def test_github_escapes_data_and_properties() -> None:
    issue = Issue(Severity.WARNING, "interventions/a,b:c%d.md", 4, 2, None, "code:x,y%",
                  "100% zeker:\nregel twee,\r\nklaar")
    assert format_github([issue]) == (
        "::warning file=interventions/a%2Cb%3Ac%25d.md,line=4,col=2,title=code%3Ax%2Cy%25::"
        "100%25 zeker:%0Aregel twee,%0D%0Aklaar\n")
    assert format_github([]) == ""


def test_end_to_end_fixture_project_all_three_formats(tmp_path) -> None:
    bad = replace_once(INTERVENTION, "themes: [wijkontwikkeling]", "themes: [wijkontwikeling]")
    bad = replace_once(bad, "  website: https://www.example.org",
                       "  website: http://www.example.org")
    good = replace_once(INTERVENTION, "title: Buurtbemiddeling", "title: Taalmaatjes")
    root = make_project(tmp_path / "p", {"interventions/buurtbemiddeling.md": bad,
                                         "interventions/taalmaatjes.md": good})
    issues = check_project(root, BUILD_DATE).issues
    assert sorted((i.path, i.severity.value, i.code, i.line, i.column) for i in issues) == [
        (A, "error", "unknown-vocabulary-value", 4, 10), (A, "warning", "insecure-link", 8, 3),
        ("interventions/taalmaatjes.md", "notice", "not-in-dossier", 2, 1)]

    text = run_cli("check", "--root", str(root), "--today", "2026-11-22")
    assert text.returncode == 1, text.stderr
    lines = text.stdout.splitlines()
    assert len(lines) == 6
    assert lines[0].startswith(f"{A}:4:10: fout: 'wijkontwikeling' bij 'themes[0]' is geen "
                               "bekend thema. Bedoelde u 'wijkontwikkeling'?")
    assert lines[1].startswith(f"{A}:8:3: waarschuwing: 'owner.website' gebruikt http://")
    assert lines[2] == ""
    assert lines[3].startswith("interventions/taalmaatjes.md:2:1: melding: Geen enkel dossier "
                               "noemt deze interventie.")
    assert lines[4:] == ["", "1 fout, 1 waarschuwing en 1 melding in 2 bestanden"]

    as_json = run_cli("check", "--root", str(root), "--today", "2026-11-22", "--format", "json")
    assert as_json.returncode == 1
    assert [(i["severity"], i["path"], i["line"], i["column"], i["key"], i["code"])
            for i in json.loads(as_json.stdout)["issues"]] == [
        ("error", A, 4, 10, "themes[0]", "unknown-vocabulary-value"),
        ("warning", A, 8, 3, "owner.website", "insecure-link"),
        ("notice", "interventions/taalmaatjes.md", 2, 1, None, "not-in-dossier"),
    ]

    github = run_cli("check", "--root", str(root), "--today", "2026-11-22", "--format", "github")
    assert github.returncode == 1
    assert [line.split("::")[1] for line in github.stdout.splitlines()] == [
        f"error file={A},line=4,col=10,title=unknown-vocabulary-value",
        f"warning file={A},line=8,col=3,title=insecure-link",
        "notice file=interventions/taalmaatjes.md,line=2,col=1,title=not-in-dossier",
    ]
