"""Files for editors' tools: /schema/*.schema.json and Decap CMS at /admin/.

The Decap configuration is generated from schema.py like everything else, so the CMS offers
exactly the keys `watwerkt check` accepts. Decap is loaded from its CDN, as Decap's own
documentation shows, unless the environment says otherwise:

    WATWERKT_DECAP=cdn (default) | local (copy node_modules/decap-cms/dist) | off (no /admin/)
    WATWERKT_DECAP_BASE_URL, WATWERKT_DECAP_AUTH_ENDPOINT: the OAuth server (see the README)

The offline export (url_style FILE) never gets /admin/: the CMS needs GitHub to do anything.
"""

from __future__ import annotations

import logging
import os
import re
from pathlib import Path
from urllib.parse import urlparse

import yaml

from generator.catalog import Catalog
from generator.jsonschema import schema_files
from generator.load import KIND_FOLDERS, SLUG_RE
from generator.render.common import FILE, Site, render_template
from generator.schema import (
    BOOL,
    CHOICE,
    COUNT,
    DATE,
    EMAIL,
    FIELDS,
    OBJECT,
    OBJECT_LIST,
    REQUIRED_SECTIONS,
    SLUG_LIST,
    SUMMARY,
    SUMMARY_MAX,
    TEXT_LIST,
    URL,
    VOCAB,
    VOCAB_LIST,
    YEAR,
    Field,
)
from generator.vocab import Vocabularies

log = logging.getLogger("mkdocs.plugins.watwerkt")

DECAP_CDN = "https://unpkg.com/decap-cms@^3.0.0/dist/decap-cms.js"
DECAP_DIST = Path("node_modules") / "decap-cms" / "dist"
MODE_ENV, BASE_URL_ENV, AUTH_ENDPOINT_ENV = (
    "WATWERKT_DECAP", "WATWERKT_DECAP_BASE_URL", "WATWERKT_DECAP_AUTH_ENDPOINT")
MODES = ("cdn", "local", "off")
COLLECTION_LABELS = {"intervention": ("Interventies", "Interventie"),
                     "dossier": ("Dossiers", "Dossier")}
_GITHUB_RE = re.compile(r"^https?://(?:www\.)?github\.com/([\w.-]+/[\w.-]+?)(?:\.git)?/?$")


class _TolerantLoader(yaml.SafeLoader):
    """Reads mkdocs.yml without running its Python tags (!!python/name: …, !ENV)."""


_TolerantLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda *args: None)
_TolerantLoader.add_multi_constructor("!", lambda *args: None)


def mkdocs_settings(root: Path) -> dict:
    """mkdocs.yml as plain data, or {} when it is missing or unreadable."""
    try:
        data = yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"),
                         Loader=_TolerantLoader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return {}
    return data if isinstance(data, dict) else {}


def github_repo(repo_url: str | None) -> str | None:
    """'https://github.com/owner/name' -> 'owner/name'; None for anything else."""
    match = _GITHUB_RE.match((repo_url or "").strip())
    return match[1] if match else None


def branch_of(edit_uri: str | None) -> str:
    """The branch in MkDocs' edit_uri ('edit/main/'), else main."""
    match = re.match(r"^/?(?:edit|blob|tree)/([^/]+)/", edit_uri or "")
    return match[1] if match else "main"


def _options(vocab: Vocabularies, name: str) -> list[dict]:
    return [{"label": term.label, "value": term.id} for term in vocab.terms(name)]


def _widget(spec: Field, vocab: Vocabularies) -> dict:
    """The Decap widget options for one kind of value."""
    kind = spec.kind
    if kind == SUMMARY:
        return {"widget": "text",
                "pattern": [f"^[\\s\\S]{{1,{SUMMARY_MAX}}}$", f"Hooguit {SUMMARY_MAX} tekens."]}
    if kind == DATE:
        return {"widget": "datetime", "date_format": "YYYY-MM-DD", "time_format": False,
                "picker_utc": True}
    if kind == BOOL:
        return {"widget": "boolean"}
    if kind in (YEAR, COUNT):
        return {"widget": "number", "value_type": "int", "min": 1900 if kind == YEAR else 0}
    if kind == URL:
        return {"widget": "string",
                "pattern": ["^https?://\\S+$", "Een webadres dat begint met https://."]}
    if kind == EMAIL:
        return {"widget": "string", "pattern": ["^[^@\\s]+@[^@\\s]+\\.[A-Za-z]{2,}$",
                                                "Een e-mailadres zoals naam@organisatie.nl."]}
    if kind in (VOCAB, VOCAB_LIST):
        widget = {"widget": "select", "options": _options(vocab, spec.vocab),
                  "multiple": kind == VOCAB_LIST}
        return widget | ({"min": spec.min_items} if spec.min_items else {})
    if kind == CHOICE:
        return {"widget": "select", "options": list(spec.choices)}
    if kind == SLUG_LIST and spec.refers_to:
        return {"widget": "relation", "collection": KIND_FOLDERS[spec.refers_to],
                "value_field": "{{slug}}", "search_fields": ["title"],
                "display_fields": ["title"], "multiple": True}
    if kind in (SLUG_LIST, TEXT_LIST):
        item = {"label": spec.label, "name": "item", "widget": "string"}
        if kind == SLUG_LIST:
            item["pattern"] = [SLUG_RE.pattern, "Kleine letters, cijfers en koppeltekens."]
        return {"widget": "list", "field": item} | (
            {"min": spec.min_items} if spec.min_items else {})
    if kind == OBJECT:
        # Decap demands an optional group's required keys even when the group is left empty,
        # so there they are optional to Decap; `watwerkt check` still demands them.
        return {"widget": "object", "collapsed": not spec.required,
                "fields": [decap_field(sub, vocab, spec.required) for sub in spec.fields]}
    if kind == OBJECT_LIST:
        return {"widget": "list", "summary": "{{fields.title}}",
                "fields": [decap_field(sub, vocab) for sub in spec.fields]}
    return {"widget": "string"}


def decap_field(spec: Field, vocab: Vocabularies, parent_required: bool = True) -> dict:
    """One field of a Decap collection: label, Dutch hint, widget, required."""
    field = {"label": spec.label, "name": spec.name, "hint": spec.help}
    field.update(_widget(spec, vocab))
    if spec.required and not parent_required:
        field["hint"] += " Verplicht als je deze groep invult."
    if not (spec.required and parent_required):
        field["required"] = False
    return field


def decap_collection(kind: str, vocab: Vocabularies) -> dict:
    label, singular = COLLECTION_LABELS[kind]
    sections = REQUIRED_SECTIONS[kind]
    body = {"label": "Tekst", "name": "body", "widget": "markdown",
            "hint": "Verplichte secties (koppen met ##): " + ", ".join(sections) + ".",
            "default": "\n\n".join(f"## {section}\n\n" for section in sections).rstrip() + "\n"}
    return {
        "name": KIND_FOLDERS[kind], "label": label, "label_singular": singular,
        "folder": KIND_FOLDERS[kind], "extension": "md", "format": "frontmatter",
        "create": True, "slug": "{{slug}}", "identifier_field": "title",
        "summary": "{{title}}", "editor": {"preview": False},
        "fields": [decap_field(spec, vocab) for spec in FIELDS[kind]] + [body],
    }


def decap_config(vocab: Vocabularies, site: Site, repo: str,
                 environ: dict[str, str] | None = None) -> dict:
    """Decap's config.yml: the GitHub backend with open authoring, both collections."""
    environ = os.environ if environ is None else environ
    backend = {"name": "github", "repo": repo, "branch": branch_of(site.edit_uri),
               "open_authoring": True}
    for key, variable in (("base_url", BASE_URL_ENV), ("auth_endpoint", AUTH_ENDPOINT_ENV)):
        if environ.get(variable, "").strip():
            backend[key] = environ[variable].strip()
    site_path = urlparse(site.site_url or "").path.rstrip("/")
    config = {"backend": backend, "publish_mode": "editorial_workflow", "locale": "nl"}
    if site.site_url:
        config.update(site_url=site.site_url, display_url=site.site_url)
    config.update({
        # Uploads land in the hand-written pages folder, which MkDocs publishes as it is.
        "media_folder": "pages/media", "public_folder": f"{site_path}/media",
        "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
        "collections": [decap_collection(kind, vocab) for kind in FIELDS],
    })
    return config


def _local_decap() -> dict[str, str]:
    """decap-cms.js, its lazily loaded chunks and its licence, from the installed npm package."""
    for base in (Path.cwd(), Path(__file__).resolve().parents[2]):
        dist = base / DECAP_DIST
        if (dist / "decap-cms.js").is_file():
            names = ["decap-cms.js", "decap-cms.js.LICENSE.txt",
                     *sorted(p.name for p in dist.glob("*.decap-cms.js"))]
            return {f"admin/{name}": (dist / name).read_text(encoding="utf-8")
                    for name in names if (dist / name).is_file()}
    return {}


def _decap_mode(environ: dict[str, str]) -> str:
    mode = environ.get(MODE_ENV, "").strip().lower() or "cdn"
    if mode not in MODES:
        log.warning(f"{MODE_ENV}='{mode}' is onbekend; kies {', '.join(MODES)}. De CMS-pagina "
                    "laadt Decap nu van het CDN.")
        return "cdn"
    return mode


def render_admin(vocab: Vocabularies, site: Site, repo: str, mode: str = "cdn",
                 environ: dict[str, str] | None = None) -> dict[str, str]:
    """admin/index.html and admin/config.yml (and Decap itself in local mode)."""
    files = _local_decap() if mode == "local" else {}
    if mode == "local" and not files:
        log.warning(f"{MODE_ENV}=local, maar {DECAP_DIST}/decap-cms.js ontbreekt (draai npm "
                    "ci). De CMS-pagina laadt Decap nu van het CDN.")
    script = "decap-cms.js" if files else DECAP_CDN
    config = decap_config(vocab, site, repo, environ)
    files["admin/config.yml"] = (
        "# Decap CMS, generated by the site build from generator/schema.py: do not edit.\n"
        + yaml.safe_dump(config, allow_unicode=True, sort_keys=False, width=100))
    files["admin/index.html"] = render_template("admin_index.html", script=script)
    return files


def render_editor_files(catalog: Catalog, site: Site) -> dict[str, str]:
    """/schema/ always; /admin/ only on the website, with a GitHub repository to edit."""
    files = {f"schema/{name}": text
             for name, text in schema_files(catalog.vocab, site.site_url).items()}
    repo = github_repo(site.repo_url)
    if site.url_style == FILE or repo is None:
        return files
    mode = _decap_mode(os.environ)
    if mode != "off":
        files.update(render_admin(catalog.vocab, site, repo, mode))
    return files
