"""Links in bodies: every form CONTRIBUTING documents resolves in the check AND in a strict
build (which fails on any warning, the link check's included); every dead one is reported by
the check at its line and column, with a near name where there is one."""

from __future__ import annotations

import re

import pytest
from conftest import BUILD_DATE

from generator.check.body_links import _repository_form
from generator.pipeline import check_project
from tests.reliability.documents import (
    body,
    build,
    document,
    dossier,
    intervention,
    make_project,
    write_files,
)

VALID_FORMS = [
    "[zelfde map](armoedeteam.md)", "[met anker](armoedeteam.md#aanpak)",
    "[via de sitemap](../interventies/armoedeteam.md#doel)",
    "[dossier](../dossiers/eenzaamheid.md#wat-werkt)",
    "[pagina](../over.md)", "[thema](../themas/eenzaamheid.md)",
    "[hier](#doelgroep)", "[boven](#titel)", "[gegenereerde sectie](#genoemd-in-dossiers)",
    "![schema](../afbeeldingen/schema.png)", '<a href="#aanpak">html op de pagina</a>',
    "[extern](https://www.example.org/weg)", "[adres](/interventies/armoedeteam/#aanpak)",
    "[relatief adres](../../dossiers/eenzaamheid/)", "[adres van een pagina](/over/)",
]


def _project(tmp_path, extra: str):
    root = make_project(tmp_path / "project")
    (root / "pages" / "afbeeldingen").mkdir()
    (root / "pages" / "afbeeldingen" / "schema.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    write_files(root, {
        "interventions/met-links.md": document(intervention(), body("intervention", extra)),
        "interventions/armoedeteam.md": document(intervention(title="Armoedeteam"),
                                                 body("intervention")),
        "dossiers/eenzaamheid.md": document(
            dossier(interventions=["met-links", "armoedeteam"]), body("dossier"))})
    return root


def test_every_documented_form_passes_the_check_and_a_strict_build(tmp_path, caplog):
    root = _project(tmp_path, "Zie " + ", ".join(VALID_FORMS) + ".")
    issues = check_project(root, BUILD_DATE).issues
    assert [i for i in issues if i.severity.value != "notice"] == []
    outcome = build(root, root / "site", strict=True)
    assert outcome.ok, (outcome.failure, [r.getMessage() for r in caplog.records])
    assert not [r for r in caplog.records if r.levelname == "WARNING"]


@pytest.mark.parametrize(("link", "code", "hint"), [
    ("[a](armoedetaem.md)", "dead-link", "Bedoelde u 'armoedeteam.md'?"),
    ("[a](../interventions/armoedeteam.md)", "dead-link",
     "Bedoelde u '../interventies/armoedeteam.md'?"),
    ("[a](../pages/over.md)", "dead-link", "Bedoelde u '../over.md'?"),
    ("[a](/interventies/armoedeteam.md)", "dead-link",
     "Bedoelde u '../interventies/armoedeteam.md'?"),
    ("[a](/interventies/armoedeteam)", "dead-link", "Bedoelde u 'armoedeteam.md'?"),
    ("[a](/interventies/armoedetaem/)", "dead-link", "Bedoelde u 'armoedeteam.md'?"),
    ("[a](../dossiers/eenzaamheid)", "dead-link", "Bedoelde u '../dossiers/eenzaamheid.md'?"),
    ('<a href="armoedeteam.md">a</a>', "dead-link", "'[tekst](armoedeteam.md)'"),
    ("![a](foto.png)", "dead-link", "afbeelding bestaat niet"),
    ("[a](armoedeteam.md#aanpakk)", "dead-anchor", "Bedoelde u '#aanpak'?"),
    ("[a](#doelgroepen)", "dead-anchor", "Bedoelde u '#doelgroep'?"),
    ("[a](/dossiers/eenzaamheid/#wat-werk)", "dead-anchor", "Bedoelde u '#wat-werkt'?"),
])
def test_a_dead_link_is_reported_at_its_line_and_column(tmp_path, link, code, hint):
    root = _project(tmp_path, f"Eerst tekst, dan {link} en meer.")
    found = [i for i in check_project(root, BUILD_DATE).issues if i.code == code]
    assert len(found) == 1, found
    issue = found[0]
    text = (root / "interventions" / "met-links.md").read_text(encoding="utf-8").split("\n")
    assert issue.path == "interventions/met-links.md"
    assert link in text[issue.line - 1]
    assert text[issue.line - 1].index(link) < issue.column <= text[issue.line - 1].index(link) \
        + len(link)
    assert hint in issue.message
    assert issue.severity.value == ("error" if code == "dead-link" else "warning")


@pytest.mark.parametrize("link", [
    "[a](/interventies/armoedeteam/)", "[a](/dossiers/eenzaamheid/#literatuur)",
    "[a](../armoedeteam/)", "[a](/over/)", "![a](/afbeeldingen/schema.png)",
])
def test_a_markdown_link_written_as_a_web_address_passes(tmp_path, link):
    """The renderer gives it the .md form (tests/test_link_rewrite.py), which works online and
    offline: nothing for the editor to fix."""
    root = _project(tmp_path, f"Zie {link}.")
    assert [i for i in check_project(root, BUILD_DATE).issues
            if i.severity.value != "notice"] == []


@pytest.mark.parametrize(("link", "better"), [
    ('<a href="../armoedeteam/#aanpak">a</a>', "'[tekst](armoedeteam.md#aanpak)'"),
    ('<a href="/over/">a</a>', "'[tekst](../over.md)'"),
])
def test_an_html_link_to_a_web_address_gets_the_markdown_form(tmp_path, link, better):
    """MkDocs leaves raw HTML as it is, so the address would break in the offline export (its
    pages are files): a warning with the Markdown form, which the check then accepts."""
    root = _project(tmp_path, f"Zie {link}.")
    found = [i for i in check_project(root, BUILD_DATE).issues if i.severity.value != "notice"]
    assert [(i.code, i.severity.value) for i in found] == [("link-form", "warning")]
    assert better in found[0].message and "offline" in found[0].message
    root = _project(tmp_path / "fixed", f"Zie {better.strip(chr(39))}.")
    assert [i for i in check_project(root, BUILD_DATE).issues
            if i.severity.value != "notice"] == []


def test_a_link_to_an_entry_with_errors_is_not_a_second_error(tmp_path):
    root = _project(tmp_path, "Zie [a](armoedeteam.md#bestaat-niet).")
    broken = (root / "interventions" / "armoedeteam.md").read_text(encoding="utf-8")
    (root / "interventions" / "armoedeteam.md").write_text(
        broken.replace("themes:", "thema:"), encoding="utf-8")
    codes = {i.code for i in check_project(root, BUILD_DATE).issues}
    assert "unknown-key" in codes and not codes & {"dead-link", "dead-anchor"}


@pytest.mark.parametrize(("written", "meant"), [
    ("../interventions/x.md", "../interventies/x.md"), ("../dossiers/x.md", "../dossiers/x.md"),
    ("../pages/over.md", "../over.md"), ("x.md", None), ("../../interventions/x.md#a",
                                                         "../../interventies/x.md#a"),
])
def test_the_repository_form_maps_to_the_site_form(written, meant):
    assert _repository_form(written) == meant


def test_the_forms_contributing_documents_pass_the_check(tmp_path):
    from conftest import REPO

    text = (REPO / "CONTRIBUTING.md").read_text(encoding="utf-8")
    section = text.split("## Links in de tekst", 1)[1].split("\n## ", 1)[0]
    rows = re.findall(r"^\| ([^|]+) \| `([^`]+)` \|$", section, re.M)
    assert len(rows) >= 5
    root = make_project(tmp_path / "project")
    from_dossier = " ".join(link for where, link in rows if "vanuit een dossier" in where)
    # The web addresses the text allows too ('[Over](/over/)'), written from an entry.
    addresses = re.findall(r"`(\[[^`\]]+\]\(/[^`]*\))`", section)
    assert len(addresses) >= 2
    from_entry = " ".join([link for where, link in rows if "vanuit een dossier" not in where]
                          + addresses)
    write_files(root, {
        "interventions/armoedeteam.md": document(intervention(title="Armoedeteam"),
                                                 body("intervention", from_entry)),
        "dossiers/eenzaamheid.md": document(dossier(interventions=["armoedeteam"]),
                                            body("dossier", from_dossier))})
    issues = check_project(root, BUILD_DATE).issues
    assert [i for i in issues if i.severity.value != "notice"] == []
