"""Decap CMS at /admin/: the configuration generated from schema.py, and the admin page."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from built_sites import shipped_site
from conftest import BUILD_DATE, REPO, require_npm_file

from generator.content.load import KIND_FOLDERS
from generator.content.vocab import load_vocabularies
from generator.core.schema import FIELDS, REQUIRED_SECTIONS
from generator.render import admin
from generator.render.admin import (
    decap_config,
    github_repo,
    render_admin,
    render_editor_files,
    required_together,
)
from generator.render.common import DIRECTORY, FILE, Site

VOCAB, _ = load_vocabularies(REPO)
CONTENT_FORMAT = REPO.parent / "shared" / "content-format.md"
SITE = Site(url_style=DIRECTORY, repo_url="https://github.com/example/wat-werkt",
            edit_uri="edit/main/", site_url="https://watwerkt.example.org/")


class FakeCatalog:
    vocab = VOCAB


def config(environ: dict[str, str] | None = None, build_date=None) -> dict:
    return decap_config(VOCAB, SITE, "example/wat-werkt", environ or {}, build_date)


def collection(name: str, environ: dict[str, str] | None = None, build_date=None) -> dict:
    return next(c for c in config(environ, build_date)["collections"] if c["name"] == name)


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
    assert published == decap_config(VOCAB, SITE, "example/wat-werkt", {}, BUILD_DATE)
    page = (site / "admin" / "index.html").read_text(encoding="utf-8")
    assert re.findall(r'<script src="([^"]+)"', page) == [admin.DECAP_CDN]
    assert '<meta name="robots" content="noindex">' in page
    assert not (site / "admin" / "decap-cms.js").exists()


def test_no_admin_in_the_offline_export_or_when_switched_off(monkeypatch) -> None:
    offline = render_editor_files(FakeCatalog(), Site(url_style=FILE, repo_url=SITE.repo_url))
    assert sorted(offline) == ["schema/dossier.schema.json", "schema/index.md",
                              "schema/intervention.schema.json"]
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


# --- One set of rules: the CMS form and the check agree on every boundary -------------------

def _decap_fields(fields: list[dict], prefix: str = "") -> dict[str, dict]:
    """'criteria.organisations' -> its Decap field; a list of objects as 'sources[]'."""
    found = {}
    for field in fields:
        path = prefix + field["name"]
        found[path] = field
        if field["widget"] == "object":
            found |= _decap_fields(field["fields"], path + ".")
        elif field["widget"] == "list" and "fields" in field:
            found |= _decap_fields(field["fields"], path + "[].")
    return found


def _js_empty(value: object) -> bool:
    """Decap's isEmpty (Widget.js): null, '' or an empty list; false and 0 are values."""
    return value is None or (isinstance(value, (str, list)) and len(value) == 0)


def _js_text(value: object) -> str:
    """How RegExp.test sees a value: String(value), lists joined by ','."""
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, list):
        return ",".join(_js_text(v) for v in value)
    return str(value)


def decap_accepts(field: dict, value: object) -> bool:
    """Decap's own validation of one field: presence, pattern, and min/max of numbers,
    lists and multiple selects (validateMinMax), items of a list one by one."""
    if _js_empty(value):
        return field.get("required", True) is False
    if "pattern" in field and not re.search(field["pattern"][0], _js_text(value)):
        return False
    number = field["widget"] == "number"
    many = field["widget"] in ("list", "relation") or field.get("multiple")
    size = value if number else len(value) if many and isinstance(value, list) else None
    if size is not None and ("min" in field and size < field["min"]
                             or "max" in field and size > field["max"]):
        return False
    if field["widget"] == "list" and "field" in field:
        return all(decap_accepts(field["field"], item) for item in value)
    return True


def _base(kind: str) -> dict:
    from tests.reliability.documents import dossier, intervention
    return intervention() if kind == "intervention" else dossier(
        sources=[{"title": "Rapport", "year": 2020, "url": "https://www.example.org/r"}])


def _set(data: dict, path: str, value: object) -> dict:
    target = data
    parts = path.replace("[]", ".0").split(".")
    for part in parts[:-1]:
        target = target[int(part)] if part.isdigit() else target[part]
    target[parts[-1]] = value
    return data


def check_accepts(kind: str, path: str, value: object) -> bool:
    """The real check, as strict as the pull request: no error and no warning at the key."""
    from generator.check.validate import validate_source
    from generator.content.load import parse_source
    from tests.reliability.documents import body, document

    data = _set(_base(kind), path, value)
    folder = "interventions" if kind == "intervention" else "dossiers"
    source, issues = parse_source(document(data, body(kind)), f"{folder}/x.md", kind)
    _, found = validate_source(source, VOCAB, BOUNDARY_DAY)
    key = path.replace("[]", "[0]")
    return not [i for i in issues + found if i.severity.value != "notice"
                and (i.key or "").startswith(key)]


BOUNDARY_DAY = BUILD_DATE


def _days(*offsets: int) -> list[str]:
    import datetime as dt
    return [(BOUNDARY_DAY + dt.timedelta(days=o)).isoformat() for o in offsets]


def boundary_values(spec, path: str) -> list[object]:
    """Values just inside and just outside every limit the check has for this kind."""
    from generator.check.validate_fields import MAX_LIST, MAX_TEXT
    from generator.core.schema import (
        BOOL,
        COUNT,
        DATE,
        EMAIL,
        SUMMARY,
        SUMMARY_MAX,
        TEXT,
        TEXT_LIST,
        URL,
        VOCAB_LIST,
        YEAR,
    )
    kind = spec.kind
    if kind in (TEXT, SUMMARY):
        limit = SUMMARY_MAX if kind == SUMMARY else MAX_TEXT
        return ["Tekst", "", "   ", "a" * limit, "a" * (limit + 1), "VUL IN: de naam",
                "vul in", "Vul in wie het doet? Nee: invullen is klaar."]
    if kind == DATE:
        # valid_until has no limit of its own, only one across fields (the level's term).
        return _days(-400, -1, 0, 1, 30) if spec.past_only else []
    if kind == BOOL:
        return [True, False]
    if kind == YEAR:
        top = BOUNDARY_DAY.year - (spec.years_before_build or 0)
        return [spec.minimum - 1, spec.minimum, top - 1, top, top + 1]
    if kind == COUNT:
        low = spec.minimum or 0
        return [low - 1, low, low + 1, 14]
    if kind == URL:
        return ["https://www.example.org", "https://www.example.org/pad?x=1",
                "http://www.example.org", "www.example.org", "https://", "https://localhost",
                "mailto:info@example.org", "HTTPS://WWW.EXAMPLE.ORG"]
    if kind == EMAIL:
        return ["info@example.org", "mailto:info@example.org", "info@example",
                "info@@example.org", "Info@Example.ORG", "naam achternaam@example.org"]
    if kind == VOCAB_LIST:
        ids = VOCAB.ids(spec.vocab)
        return [[], ids[:1], ids[:2]]
    if kind == TEXT_LIST:
        return [[], ["Een"], [""], [f"Punt {i}" for i in range(MAX_LIST)],
                [f"Punt {i}" for i in range(MAX_LIST + 1)], ["VUL IN: naam"]]
    return []  # selects and relations offer only values the check accepts


def _constrained(fields, prefix: str = ""):
    from generator.core.schema import OBJECT, OBJECT_LIST
    for spec in fields:
        path = prefix + spec.name
        if spec.kind == OBJECT:
            yield from _constrained(spec.fields, path + ".")
        elif spec.kind == OBJECT_LIST:
            yield from _constrained(spec.fields, path + "[].")
        else:
            yield spec, path


CASES = [(kind, path, value) for kind in FIELDS for spec, path in _constrained(FIELDS[kind])
         for value in boundary_values(spec, path)]


def test_the_boundary_cases_cover_every_limited_field() -> None:
    paths = {path for _, path, _ in CASES}
    assert {"summary", "owner.website", "owner.email", "criteria.organisations",
            "criteria.in_practice_since", "criteria.handbook", "recognition.assessed_on",
            "last_reviewed", "published", "updated", "sources[].year", "sources[].url",
            "themes", "authors", "outcomes"} <= paths
    assert len(CASES) > 150


@pytest.mark.parametrize(("kind", "path", "value"), CASES,
                         ids=[f"{k}:{p}={str(v)[:24]}" for k, p, v in CASES])
def test_the_cms_form_and_the_check_agree_on_the_boundaries(kind, path, value) -> None:
    fields = _decap_fields(collection(KIND_FOLDERS[kind], build_date=BOUNDARY_DAY)["fields"])
    decap = decap_accepts(fields[path], value) and not _half_a_group(kind, path, value)
    assert decap == check_accepts(kind, path, value), (fields[path].get("pattern"), value)


def _half_a_group(kind: str, path: str, value: object) -> bool:
    """admin/index.html's preSave guard: a required key of a filled-in optional group is
    empty (the base entry fills every group in)."""
    group, _, name = path.partition(".")
    return _js_empty(value) and any(
        g["name"] == group and name in {r["name"] for r in g["required"]}
        for g in required_together().get(KIND_FOLDERS[kind], []))


def test_every_select_shows_labels_and_every_hint_is_plain_dutch() -> None:
    for name in ("interventions", "dossiers"):
        for path, field in _decap_fields(collection(name, build_date=BUILD_DATE)["fields"]).items():
            hint = field.get("hint", "")
            for jargon in ("vocabularies.yml", "true", "false", "Moet ", " id"):
                assert jargon not in hint, (path, hint)
            if field["widget"] == "select":
                assert all(set(option) == {"label", "value"} for option in field["options"])
                assert all(o["label"] != o["value"] for o in field["options"]), path
            if "pattern" in field:
                assert not re.search(r"[A-Za-z]{3,} (must|should|invalid)", field["pattern"][1])


def test_a_half_filled_group_is_refused_before_saving() -> None:
    files = render_admin(VOCAB, SITE, "example/wat-werkt", "cdn", {}, BUILD_DATE)
    page = files["admin/index.html"]
    assert 'registerEventListener({name: "preSave"' in page
    assert '"Beoordeeld op"' in page and '"recognition"' in page  # from schema.py
