"""Decap CMS at /admin/ in Chromium: the local npm copy of Decap, the generated config.yml with
Decap's in-browser `test-repo` backend instead of GitHub, and the shipped content as its files.
An editor opens the interventions, starts a new one, fills in the required fields and saves;
the file Decap writes passes `watwerkt check`."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
from pathlib import Path

import pytest
import yaml

from generator.core.file_policy import judge
from generator.core.issues import Severity
from generator.core.schema import FIELDS
from generator.pipeline import check_project
from generator.render.admin import DECAP_DIST, MODE_ENV
from tests.browser.conftest import REPO, TODAY, SiteServer, new_page
from tests.conftest import require_npm_file

pytestmark = pytest.mark.browser
TIMEOUT_MS = 60_000  # Decap is a 5 MB script; a slow CI machine needs a while to start it


@pytest.fixture(scope="module")
def decap_server(tmp_path_factory):
    """The shipped content built with WATWERKT_DECAP=local: Decap copied from node_modules."""
    from generator.cli import main

    require_npm_file(REPO / DECAP_DIST / "decap-cms.js")
    out = tmp_path_factory.mktemp("decap") / "site"
    previous = os.environ.get(MODE_ENV)
    os.environ[MODE_ENV] = "local"
    try:
        assert main(["build", "--root", str(REPO), "--out", str(out), "--today", TODAY]) == 0
    finally:
        if previous is None:
            del os.environ[MODE_ENV]
        else:
            os.environ[MODE_ENV] = previous
    server = SiteServer(out)
    server.folder = out
    yield server
    server.close()


def repo_files() -> dict:
    """The shipped content as Decap's test-repo backend expects it in window.repoFiles."""
    return {folder: {path.name: {"content": path.read_text(encoding="utf-8")}
                     for path in sorted((REPO / folder).glob("*.md"))}
            for folder in ("interventions", "dossiers")}


@pytest.fixture
def cms(browser, decap_server):
    """/admin/ logged in to the test-repo backend, on the interventions collection."""
    page, guard = new_page(browser, (decap_server.url,))
    page.set_default_timeout(TIMEOUT_MS)
    generated = decap_server.folder / "admin" / "config.yml"
    config = yaml.safe_load(generated.read_text(encoding="utf-8"))
    assert config["backend"]["name"] == "github"
    config["backend"] = {"name": "test-repo"}  # everything else exactly as generated
    page.route("**/admin/config.yml", lambda route: route.fulfill(
        status=200, content_type="text/yaml", body=yaml.safe_dump(config, allow_unicode=True)))
    page.add_init_script(f"window.repoFiles = {json.dumps(repo_files())};")
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(decap_server.url + "admin/")
    page.get_by_role("button", name="Inloggen").click()
    page.get_by_role("heading", name="Interventies").wait_for()
    yield page
    page.context.close()
    assert guard.blocked == [], f"requests left the machine: {guard.blocked}"


def test_the_collection_lists_the_files_and_the_new_entry_editor_shows_every_field(cms) -> None:
    cms.get_by_text("Buurtbemiddeling", exact=True).wait_for()
    titles = cms.locator("main a[href*='/collections/interventions/entries/']")
    assert titles.count() == len(list((REPO / "interventions").glob("*.md")))
    assert cms.get_by_role("link", name="Dossiers").count() == 1
    cms.locator("a[href$='/collections/interventions/new']").click()  # "+ Interventie"
    cms.get_by_label("Titel", exact=True).wait_for()
    labels = [text.strip() for text in cms.locator("label").all_text_contents()]
    for spec in FIELDS["intervention"]:
        wanted = spec.label if spec.required else f"{spec.label} (optioneel)"
        assert any(label.casefold() == wanted.casefold() for label in labels), (wanted, labels)
    assert "Tekst" in labels
    headings = cms.locator("[data-slate-editor=true] h2").all_text_contents()
    assert headings == ["Doel", "Doelgroep", "Aanpak", "Onderbouwing", "Effectiviteit",
                        "Ervaringen in de praktijk"]


def fill_required_fields(page) -> None:
    page.get_by_label("Titel", exact=True).fill("Proef met Decap")
    page.get_by_label("Samenvatting", exact=True).fill("Een interventie ingevoerd in Decap.")
    for label, option in (("Thema's", "Eenzaamheid"), ("Doelgroepen", "Ouderen"),
                          ("Verwante interventies (optioneel)", "Buurtbemiddeling")):
        page.get_by_label(label, exact=True).click()
        page.keyboard.type(option)
        page.get_by_role("option", name=option, exact=True).click()
    page.get_by_label("Organisatie", exact=True).fill("Stichting Proef")
    page.get_by_label("Handboek beschikbaar").click()
    page.get_by_label("In de praktijk sinds").fill("2010")
    page.get_by_label("Aantal organisaties").fill("5")
    page.get_by_label("Laatst gecontroleerd").fill("2026-01-05")


def test_a_saved_entry_passes_the_check(cms, tmp_path: Path) -> None:
    cms.goto(cms.url.split("#")[0] + "#/collections/interventions/new")
    fill_required_fields(cms)
    cms.get_by_role("button", name="Opslaan").click()
    cms.get_by_text("Status: Concept").wait_for()
    saved = cms.evaluate("Object.values(window.repoFilesUnpublished).flatMap("
                         "entry => entry.diffs.map(diff => [diff.path, diff.content]))")
    assert [path for path, _ in saved] == ["interventions/proef-met-decap.md"]
    root = tmp_path / "project"
    for name in ("interventions", "dossiers"):
        shutil.copytree(REPO / name, root / name)
    shutil.copy(REPO / "vocabularies.yml", root / "vocabularies.yml")
    (root / saved[0][0]).write_text(saved[0][1], encoding="utf-8")
    issues = [i for i in check_project(root, dt.date.fromisoformat(TODAY)).issues
              if i.path == saved[0][0]]
    assert [i for i in issues if i.severity is Severity.ERROR] == [], saved[0][1]
    # The body starts with the six required headings, still empty: warnings until written.
    assert {i.code for i in issues if i.severity is Severity.WARNING} == {"empty-section"}
    assert "related:\n  - buurtbemiddeling" in saved[0][1]


def test_the_form_refuses_what_the_check_refuses_in_dutch(cms) -> None:
    cms.goto(cms.url.split("#")[0] + "#/collections/interventions/new")
    fill_required_fields(cms)
    cms.get_by_label("Aantal organisaties").fill("1")
    cms.get_by_label("In de praktijk sinds").fill("2025")
    cms.get_by_label("E-mail (optioneel)").fill("mailto:info@example.org")
    cms.get_by_role("button", name="Opslaan").click()
    cms.get_by_text("zonder 'mailto:'", exact=False).first.wait_for()
    text = cms.locator("body").inner_text().casefold()  # Decap shows errors in capitals
    assert "e-mail komt niet overeen met het patroon: een e-mailadres zoals " \
        "naam@organisatie.nl, zonder 'mailto:'." in text
    assert "in de praktijk sinds moet tussen 1900 en 2024 liggen" in text
    assert "aantal organisaties moet tenminste 2 bevatten" in text
    assert "status: concept" not in text  # nothing was saved
    assert cms.evaluate("Object.keys(window.repoFilesUnpublished || {}).length") == 0


def test_half_a_recognition_is_not_saved(cms) -> None:
    cms.goto(cms.url.split("#")[0] + "#/collections/interventions/new")
    fill_required_fields(cms)
    # Open the collapsed group: the expand button in the header that names it.
    cms.get_by_text("Erkenning", exact=True).get_by_role("button").click()
    cms.get_by_label("Erkenningsniveau (optioneel)", exact=True).click()
    cms.keyboard.type("Goed onderbouwd")
    cms.get_by_role("option", name="Goed onderbouwd", exact=True).click()
    cms.get_by_role("button", name="Opslaan").click()
    cms.get_by_text("vul ook 'Beoordeeld op' in", exact=False).wait_for()
    assert cms.evaluate("Object.keys(window.repoFilesUnpublished || {}).length") == 0


# --- Uploads: the media library offers and takes only what the publishing policy publishes ----

def policy_suffixes() -> set[str]:
    """What the publishing policy lets through, asked of the policy itself: every suffix for
    which `judge` publishes a file whose bytes are of that suffix's type."""
    samples = {"png": b"\x89PNG\r\n\x1a\n" + bytes(16), "jpeg": b"\xff\xd8\xff\xe0" + bytes(16),
               "gif": b"GIF89a" + bytes(16), "webp": b"RIFF\x00\x00\x00\x00WEBPVP8 ",
               "avif": b"\x00\x00\x00\x1cftypavif" + bytes(16), "ico": b"\x00\x00\x01\x00\x01\x00",
               "pdf": b"%PDF-1.7\n", "svg": b'<svg xmlns="http://www.w3.org/2000/svg"/>',
               "html": b"<!doctype html><script>x</script>"}
    found = set()
    for suffix in {"." + name for name in ("png jpg jpeg gif webp avif ico pdf svg html htm js "
                                           "mjs xml xhtml svgz txt md css json exe").split()}:
        if any(judge(f"media/x{suffix}", data).publishable for data in samples.values()):
            found.add(suffix)
    return found


def file_input_accept(page) -> set[str]:
    """The `accept` list of the media library's file input, as the browser has it now."""
    accept = page.locator("input[type=file]").first.get_attribute("accept") or ""
    return {part.strip() for part in accept.split(",") if part.strip()}


def test_the_generated_upload_settings_are_the_policys(decap_server) -> None:
    index = (decap_server.folder / "admin" / "index.html").read_text(encoding="utf-8")
    argument = re.search(r'\}\)\("([^"]*)", "', index)
    assert argument is not None, "the upload script's list of types is missing"
    assert set(argument[1].split(",")) == policy_suffixes()
    config = yaml.safe_load((decap_server.folder / "admin" / "config.yml").read_text("utf-8"))
    # Decap's own media library has no setting for types (its file input asks for '*/*' or
    # 'image/*'): uploads go to the folder the policy judges, with no other library.
    assert config["media_folder"] == "pages/media"
    assert "media_library" not in config


def test_the_media_librarys_file_input_accepts_only_the_policys_types(cms) -> None:
    cms.get_by_role("button", name="Media").click()
    cms.get_by_text("Nieuwe uploaden").wait_for()
    assert file_input_accept(cms) == policy_suffixes()
    assert cms.locator("input[type=file]").count() == 1


def test_an_image_field_asks_for_images_and_still_gets_the_policys_types(cms) -> None:
    """An image in the body opens the media library 'for images': Decap sets the input's list
    to 'image/*' (SVG and every raster type, also ones the policy refuses)."""
    cms.get_by_role("button", name="Media").click()  # first for all media ...
    cms.get_by_text("Nieuwe uploaden").wait_for()
    cms.keyboard.press("Escape")
    cms.goto(cms.url.split("#")[0] + "#/collections/interventions/new")
    cms.get_by_label("Titel", exact=True).wait_for()
    cms.get_by_role("button", name="Voeg component toe").first.click()
    cms.get_by_role("menuitem", name="Image").click()  # Decap's own label, not translated
    cms.get_by_role("button", name="Kies een afbeelding").first.click()
    cms.get_by_text("Nieuwe uploaden").wait_for()  # ... then for images
    assert cms.get_by_role("heading", name="Afbeeldingen").count() == 1  # Decap's 'for images'
    assert file_input_accept(cms) == policy_suffixes()


def test_a_file_of_another_type_is_refused_in_dutch_before_decap_uploads_it(cms) -> None:
    dialogs: list[str] = []
    cms.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    cms.get_by_role("button", name="Media").click()
    cms.get_by_text("Nieuwe uploaden").wait_for()
    chooser = cms.locator("input[type=file]").first
    chooser.set_input_files([{"name": "aanval.html", "mimeType": "text/html",
                              "buffer": b"<!doctype html><script>alert(1)</script>"}])
    cms.wait_for_timeout(500)
    assert len(dialogs) == 1
    assert dialogs[0].startswith("'aanval.html' wordt niet toegevoegd")
    assert "png" in dialogs[0] and "svg" in dialogs[0]
    assert "aanval.html" not in cms.evaluate("JSON.stringify(window.repoFiles)")
    assert cms.get_by_text("aanval.html").count() == 0
    # A type the policy publishes goes through to Decap.
    chooser.set_input_files([{"name": "foto.png", "mimeType": "image/png",
                              "buffer": b"\x89PNG\r\n\x1a\n" + bytes(32)}])
    cms.get_by_text("foto.png").first.wait_for()
    assert len(dialogs) == 1
