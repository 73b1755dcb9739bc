"""Decap CMS at /admin/: the configuration generated from schema.py, and the admin page."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from built_sites import shipped_site
from conftest import REPO, require_npm_file

from generator.render import admin
from generator.render.admin import decap_config, github_repo, render_admin, render_editor_files
from generator.render.common import DIRECTORY, FILE, Site
from generator.schema import FIELDS, REQUIRED_SECTIONS
from generator.vocab import load_vocabularies

VOCAB, _ = load_vocabularies(REPO)
CONTENT_FORMAT = REPO.parent / "shared" / "content-format.md"
SITE = Site(url_style=DIRECTORY, repo_url="https://github.com/example/wat-werkt",
            edit_uri="edit/main/", site_url="https://watwerkt.example.org/")


class FakeCatalog:
    vocab = VOCAB


def config(environ: dict[str, str] | None = None) -> dict:
    return decap_config(VOCAB, SITE, "example/wat-werkt", environ or {})


def collection(name: str, environ: dict[str, str] | None = None) -> dict:
    return next(c for c in config(environ)["collections"] if c["name"] == name)


def field_paths(fields: list[dict], prefix: str = "") -> set[str]:
    paths = set()
    for field in fields:
        path = prefix + field["name"]
        paths.add(path)
        if "fields" in field:
            inner = "[]." if field["widget"] == "list" else "."
            paths |= field_paths(field["fields"], path + inner)
    return paths


def key_paths(value: object, prefix: str = "") -> set[str]:
    if isinstance(value, dict):
        paths = set()
        for key, item in value.items():
            paths.add(prefix + key)
            paths |= key_paths(item, prefix + key + ".")
        return paths
    if isinstance(value, list) and value and isinstance(value[0], dict):
        return key_paths(value[0], prefix.rstrip(".") + "[].")
    return set()


def documented_keys(heading: str) -> set[str]:
    """Every key of the example frontmatter under '## Intervention' or '## Dossier'."""
    text = CONTENT_FORMAT.read_text(encoding="utf-8")
    section = text.split(f"\n## {heading}\n", 1)[1]
    block = re.search(r"```yaml\n---\n(.*?)\n---\n", section, re.S)[1]
    return key_paths(yaml.safe_load(block))


@pytest.mark.skipif(not CONTENT_FORMAT.is_file(), reason="shared/content-format.md is not beside "
                    "the repository")
@pytest.mark.parametrize("heading, name, nested", [
    ("Intervention", "interventions", "recognition.assessed_by"),
    ("Dossier", "dossiers", "sources[].url")])
def test_config_lists_every_key_of_content_format(heading: str, name: str, nested: str) -> None:
    keys = documented_keys(heading)
    assert "title" in keys and nested in keys  # the documented example was read
    assert keys - field_paths(collection(name)["fields"]) == set()


def test_every_schema_key_is_a_field_with_a_dutch_label() -> None:
    for kind, name in (("intervention", "interventions"), ("dossier", "dossiers")):
        fields = {f["name"]: f for f in collection(name)["fields"]}
        assert list(fields) == [spec.name for spec in FIELDS[kind]] + ["body"]
        for spec in FIELDS[kind]:
            assert fields[spec.name]["label"] == spec.label
            assert fields[spec.name].get("required", True) is spec.required


def test_vocabularies_are_selects_and_references_are_relations() -> None:
    fields = {f["name"]: f for f in collection("interventions")["fields"]}
    themes = fields["themes"]
    assert themes["widget"] == "select" and themes["multiple"] is True and themes["min"] == 1
    assert [o["value"] for o in themes["options"]] == VOCAB.ids("themes")
    level = next(f for f in fields["recognition"]["fields"] if f["name"] == "level")
    assert level["widget"] == "select" and level["multiple"] is False
    assert [o["value"] for o in level["options"]] == VOCAB.ids("recognition_levels")
    related = fields["related"]
    assert related == {**related, "widget": "relation", "collection": "interventions",
                       "value_field": "{{slug}}", "multiple": True}
    named = {f["name"]: f for f in collection("dossiers")["fields"]}["interventions"]
    assert named["widget"] == "relation" and named["collection"] == "interventions"
    dates = [f for f in fields.values() if f["widget"] == "datetime"]
    assert [f["name"] for f in dates] == ["last_reviewed"]
    assert dates[0]["date_format"] == "YYYY-MM-DD" and dates[0]["time_format"] is False


def test_an_optional_group_does_not_block_saving_an_entry_without_it() -> None:
    recognition = {f["name"]: f for f in collection("interventions")["fields"]}["recognition"]
    assert recognition["required"] is False
    assert all(f["required"] is False for f in recognition["fields"])
    owner = {f["name"]: f for f in collection("interventions")["fields"]}["owner"]
    assert "required" not in owner["fields"][0]  # organisation: required by Decap too


@pytest.mark.parametrize("kind, name", [("intervention", "interventions"),
                                        ("dossier", "dossiers")])
def test_the_body_starts_with_every_required_section(kind: str, name: str) -> None:
    body = collection(name)["fields"][-1]
    assert body["name"] == "body" and body["widget"] == "markdown"
    headings = re.findall(r"^## (.+)$", body["default"], re.M)
    assert headings == list(REQUIRED_SECTIONS[kind])


def test_github_backend_with_open_authoring_and_editorial_workflow() -> None:
    data = config()
    assert data["backend"] == {"name": "github", "repo": "example/wat-werkt", "branch": "main",
                               "open_authoring": True}
    assert data["publish_mode"] == "editorial_workflow" and data["locale"] == "nl"
    oauth = config({"WATWERKT_DECAP_BASE_URL": "https://auth.example.org",
                    "WATWERKT_DECAP_AUTH_ENDPOINT": "api/auth"})["backend"]
    assert oauth["base_url"] == "https://auth.example.org" and oauth["auth_endpoint"] == "api/auth"
    assert github_repo("https://github.com/example/wat-werkt.git") == "example/wat-werkt"
    assert github_repo("https://gitlab.com/example/wat-werkt") is None


def test_the_built_site_has_the_admin_page_loading_decap_from_its_cdn() -> None:
    site = shipped_site()
    published = yaml.safe_load((site / "admin" / "config.yml").read_text(encoding="utf-8"))
    assert published == decap_config(VOCAB, SITE, "example/wat-werkt", {})
    page = (site / "admin" / "index.html").read_text(encoding="utf-8")
    assert re.findall(r'<script src="([^"]+)"', page) == [admin.DECAP_CDN]
    assert '<meta name="robots" content="noindex">' in page
    assert not (site / "admin" / "decap-cms.js").exists()


def test_no_admin_in_the_offline_export_or_when_switched_off(monkeypatch) -> None:
    offline = render_editor_files(FakeCatalog(), Site(url_style=FILE, repo_url=SITE.repo_url))
    assert sorted(offline) == ["schema/dossier.schema.json", "schema/intervention.schema.json"]
    monkeypatch.setenv("WATWERKT_DECAP", "off")
    assert sorted(render_editor_files(FakeCatalog(), SITE)) == sorted(offline)
    no_repo = Site(url_style=DIRECTORY, repo_url=None)
    monkeypatch.delenv("WATWERKT_DECAP")
    assert sorted(render_editor_files(FakeCatalog(), no_repo)) == sorted(offline)


def test_local_mode_copies_decap_from_node_modules() -> None:
    dist = REPO / admin.DECAP_DIST
    require_npm_file(dist / "decap-cms.js")
    files = render_admin(VOCAB, SITE, "example/wat-werkt", "local", {})
    assert 'src="decap-cms.js"' in files["admin/index.html"]
    chunks = sorted(p.name for p in dist.glob("*.decap-cms.js"))
    assert chunks and all(f"admin/{name}" in files for name in chunks)
    assert files["admin/decap-cms.js"] == (dist / "decap-cms.js").read_text(encoding="utf-8")
    assert "admin/decap-cms.js.LICENSE.txt" in files
    assert not any(name.endswith(".map") for name in files)


def test_local_mode_without_the_package_warns_and_uses_the_cdn(monkeypatch, tmp_path: Path,
                                                                caplog) -> None:
    monkeypatch.setattr(admin, "DECAP_DIST", Path("nergens"))
    monkeypatch.chdir(tmp_path)
    files = render_admin(VOCAB, SITE, "example/wat-werkt", "local", {})
    assert admin.DECAP_CDN in files["admin/index.html"] and "admin/decap-cms.js" not in files
    assert "npm ci" in caplog.text
