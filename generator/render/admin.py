"""Files for editors' tools: /schema/*.schema.json and Decap CMS at /admin/.

The Decap configuration is generated from schema.py like everything else, so the CMS offers
exactly the keys `watwerkt check` accepts. Decap is loaded from its CDN, as Decap's own
documentation shows, unless the environment says otherwise:

    WATWERKT_DECAP=cdn (default) | local (copy node_modules/decap-cms/dist) | off (no /admin/)
    WATWERKT_DECAP_BASE_URL, WATWERKT_DECAP_AUTH_ENDPOINT: the OAuth server (see the README)

The offline export (url_style FILE) never gets /admin/: the CMS needs GitHub to do anything.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import re
from pathlib import Path
from urllib.parse import urlparse

import yaml

from generator.check.validate_fields import (
    EMAIL_RE,
    MAX_LIST,
    MAX_TEXT,
    MIN_YEAR,
    PLACEHOLDER,
    URL_RE,
)
from generator.content.catalog import Catalog
from generator.content.load import KIND_FOLDERS, SLUG_RE
from generator.content.vocab import Vocabularies
from generator.core.dates import format_date_nl
from generator.core.file_policy import ALLOWED_LIST, ALLOWED_SUFFIXES
from generator.core.schema import (
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
    TEXT,
    TEXT_LIST,
    URL,
    VOCAB,
    VOCAB_LIST,
    YEAR,
    Field,
)
from generator.editors.jsonschema import schema_files
from generator.render.common import FILE, Site, render_template
from generator.render.schema_page import SRC as SCHEMA_PAGE
from generator.render.schema_page import render_schema_page

log = logging.getLogger("mkdocs.plugins.watwerkt")

DECAP_CDN = "https://unpkg.com/decap-cms@^3.0.0/dist/decap-cms.js"
DECAP_DIST = Path("node_modules") / "decap-cms" / "dist"
MODE_ENV, BASE_URL_ENV, AUTH_ENDPOINT_ENV = (
    "WATWERKT_DECAP", "WATWERKT_DECAP_BASE_URL", "WATWERKT_DECAP_AUTH_ENDPOINT")
MODES = ("cdn", "local", "off")
COLLECTION_LABELS = {"intervention": ("Interventies", "Interventie"),
                     "dossier": ("Dossiers", "Dossier")}
_GITHUB_RE = re.compile(r"^https?://(?:www\.)?github\.com/([\w.-]+/[\w.-]+?)(?:\.git)?/?$")


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


def _no_placeholder(limit: int, optional: bool) -> str:
    """A text the check accepts: not only spaces (an optional text may be: it then counts as
    absent), not the scaffold's placeholder, at most `limit` characters. JavaScript has no
    inline (?i): the placeholder is spelt per letter."""
    placeholder = "".join(f"[{c.upper()}{c.lower()}]" if c.isalpha() else c
                          for c in PLACEHOLDER)
    text = f"(?!\\s*{placeholder})(?=[\\s\\S]*\\S)[\\s\\S]{{1,{limit}}}"
    return f"^(?:\\s*|{text})$" if optional else f"^{text}$"


def _text_pattern(limit: int, optional: bool = False) -> list[str]:
    return [_no_placeholder(limit, optional), f"Vul een tekst in van hooguit {limit} tekens "
            f"(niet de invulaanwijzing '{PLACEHOLDER}')."]


def not_after_pattern(day: dt.date) -> str:
    """A regular expression for the dates 'YYYY-MM-DD' on or before `day`: for each digit
    of the date, the dates that agree before it and are lower there, or `day` itself."""
    digits = day.strftime("%Y%m%d")
    alternatives = []
    for index, digit in enumerate(digits):
        if digit != "0":
            low = "0" if digit == "1" else f"[0-{int(digit) - 1}]"
            alternatives.append(digits[:index] + low + "\\d" * (len(digits) - index - 1))
    alternatives.append(digits)
    dashed = [_dash(a) for a in alternatives]
    shape = "(?=\\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\\d|3[01])$)"
    return f"^{shape}(?:{'|'.join(dashed)})$"


def _dash(alternative: str) -> str:
    """'20261122' or '2025\\d\\d\\d\\d' -> with '-' after the 4th and 6th digit."""
    tokens = re.findall(r"\\d|\[[^\]]*\]|.", alternative)
    return "".join(tokens[:4]) + "-" + "".join(tokens[4:6]) + "-" + "".join(tokens[6:])


def _widget(spec: Field, vocab: Vocabularies, build_date: dt.date | None) -> dict:
    """The Decap widget options for one kind of value, with the limits the check applies."""
    kind = spec.kind
    if kind in (TEXT, SUMMARY):
        widget = {"widget": "text" if kind == SUMMARY else "string",
                  "pattern": _text_pattern(SUMMARY_MAX if kind == SUMMARY else MAX_TEXT,
                                           optional=not spec.required)}
        return widget
    if kind == DATE:
        widget = {"widget": "datetime", "date_format": "YYYY-MM-DD", "time_format": False,
                  "picker_utc": True}
        if spec.past_only and build_date:
            widget["pattern"] = [not_after_pattern(build_date),
                                 f"Een datum in de toekomst kan niet: uiterlijk "
                                 f"{format_date_nl(build_date)}."]
        return widget
    if kind == BOOL:
        widget = {"widget": "boolean"}
        if spec.must_be_true:
            widget["pattern"] = ["^true$", spec.cms_help or spec.help]
        return widget
    if kind in (YEAR, COUNT):
        widget = {"widget": "number", "value_type": "int",
                  "min": spec.minimum if spec.minimum is not None else
                  (MIN_YEAR if kind == YEAR else 0)}
        if kind == YEAR and build_date:
            widget["max"] = build_date.year - (spec.years_before_build or 0)
        return widget
    if kind == URL:
        # https only: the check warns about http://, and the pull request fails on warnings.
        return {"widget": "string", "pattern": [
            "^[Hh][Tt][Tt][Pp][Ss]://" + URL_RE.pattern.removeprefix("^https?://"),
            "Een webadres dat begint met https://, zoals https://www.example.org."]}
    if kind == EMAIL:
        return {"widget": "string", "pattern": [
            EMAIL_RE.pattern.replace("[a-z]", "[A-Za-z]"),
            "Een e-mailadres zoals naam@organisatie.nl, zonder 'mailto:'."]}
    if kind in (VOCAB, VOCAB_LIST):
        widget = {"widget": "select", "options": _options(vocab, spec.vocab),
                  "multiple": kind == VOCAB_LIST}
        return widget | (_list_limits(spec) if kind == VOCAB_LIST else {})
    if kind == CHOICE:
        labels = spec.choice_labels or spec.choices
        return {"widget": "select", "options": [
            {"label": label, "value": value} for value, label in zip(spec.choices, labels,
                                                                      strict=True)]}
    if kind == SLUG_LIST and spec.refers_to:
        return {"widget": "relation", "collection": KIND_FOLDERS[spec.refers_to],
                "value_field": "{{slug}}", "search_fields": ["title"],
                "display_fields": ["title"], "multiple": True} | _list_limits(spec)
    if kind in (SLUG_LIST, TEXT_LIST):
        item = {"label": spec.label, "name": "item", "widget": "string"}
        if kind == SLUG_LIST:
            item["pattern"] = [SLUG_RE.pattern, "Kleine letters, cijfers en koppeltekens."]
        else:
            item["pattern"] = _text_pattern(MAX_TEXT)
        return {"widget": "list", "field": item} | _list_limits(spec)
    if kind == OBJECT:
        # Decap demands an optional group's required keys even when the group is left empty,
        # so there they are optional to Decap; the check (and admin/index.html before saving)
        # still demands them.
        return {"widget": "object", "collapsed": not spec.required,
                "fields": [decap_field(sub, vocab, spec.required, build_date)
                           for sub in spec.fields]}
    if kind == OBJECT_LIST:
        return {"widget": "list", "summary": "{{fields.title}}",
                "fields": [decap_field(sub, vocab, build_date=build_date)
                           for sub in spec.fields]} | _list_limits(spec)
    return {"widget": "string"}


def _list_limits(spec: Field) -> dict:
    return ({"min": spec.min_items} if spec.min_items else {}) | {"max": MAX_LIST}


def decap_field(spec: Field, vocab: Vocabularies, parent_required: bool = True,
                build_date: dt.date | None = None) -> dict:
    """One field of a Decap collection: label, Dutch hint, widget, required."""
    field = {"label": spec.label, "name": spec.name, "hint": spec.cms_help or spec.help}
    field.update(_widget(spec, vocab, build_date))
    if "pattern" in field:  # Decap puts its own full stop after the message
        field["pattern"] = [field["pattern"][0], field["pattern"][1].rstrip(".")]
    if spec.required and not parent_required:
        field["hint"] += " Verplicht als u deze groep invult."
    if not (spec.required and parent_required):
        field["required"] = False
    return field


def required_together() -> dict[str, list[dict]]:
    """Per collection, the optional groups whose required keys Decap cannot demand (see
    _widget): admin/index.html refuses to save a group that is half filled in."""
    groups: dict[str, list[dict]] = {}
    for kind, fields in FIELDS.items():
        for spec in fields:
            needed = [sub for sub in spec.fields if sub.required]
            if spec.kind == OBJECT and not spec.required and needed:
                groups.setdefault(KIND_FOLDERS[kind], []).append({
                    "name": spec.name, "fields": [sub.name for sub in spec.fields],
                    "required": [{"name": sub.name, "label": sub.label} for sub in needed],
                    "label": spec.label})
    return groups


def decap_collection(kind: str, vocab: Vocabularies, build_date: dt.date | None = None) -> dict:
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
        "fields": [decap_field(spec, vocab, build_date=build_date) for spec in FIELDS[kind]]
        + [body],
    }


def decap_config(vocab: Vocabularies, site: Site, repo: str,
                 environ: dict[str, str] | None = None,
                 build_date: dt.date | None = None) -> dict:
    """Decap's config.yml: the GitHub backend with open authoring, both collections. With
    `build_date`, the limits that depend on it (no future dates, in practice for two years)."""
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
        # Uploads land in the hand-written pages folder; the build publishes only the inert
        # types of generator/core/file_policy.py from it (admin_index.html offers only those).
        "media_folder": "pages/media", "public_folder": f"{site_path}/media",
        "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
        "collections": [decap_collection(kind, vocab, build_date) for kind in FIELDS],
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
                 environ: dict[str, str] | None = None,
                 build_date: dt.date | None = None) -> dict[str, str]:
    """admin/index.html and admin/config.yml (and Decap itself in local mode)."""
    files = _local_decap() if mode == "local" else {}
    if mode == "local" and not files:
        log.warning(f"{MODE_ENV}=local, maar {DECAP_DIST}/decap-cms.js ontbreekt (draai npm "
                    "ci). De CMS-pagina laadt Decap nu van het CDN.")
    script = "decap-cms.js" if files else DECAP_CDN
    config = decap_config(vocab, site, repo, environ, build_date)
    files["admin/config.yml"] = (
        "# Decap CMS, generated by the site build from generator/core/schema.py: do not edit.\n"
        + yaml.safe_dump(config, allow_unicode=True, sort_keys=False, width=100))
    files["admin/index.html"] = render_template("admin_index.html", script=script,
                                                groups=required_together(),
                                                accept=upload_accept(), refusal=UPLOAD_REFUSAL)
    return files


def upload_accept() -> str:
    """The file input's `accept` list for uploads: every suffix the publishing policy
    (generator/core/file_policy.py) lets through, and no other."""
    return ",".join(sorted(ALLOWED_SUFFIXES))


# What the CMS says when a file of another type is chosen anyway ({naam}: its name).
UPLOAD_REFUSAL = ("'{naam}' wordt niet toegevoegd: op de site komen alleen afbeeldingen en "
                  f"documenten die niets kunnen uitvoeren ({ALLOWED_LIST}). Zet het bestand "
                  "om naar een van die typen.")


def render_editor_files(catalog: Catalog, site: Site) -> dict[str, str]:
    """/schema/ always; /admin/ only on the website, with a GitHub repository to edit."""
    files = {f"schema/{name}": text
             for name, text in schema_files(catalog.vocab, site.site_url).items()}
    files[SCHEMA_PAGE] = render_schema_page(site, files)
    repo = github_repo(site.repo_url)
    if site.url_style == FILE or repo is None:
        return files
    mode = _decap_mode(os.environ)
    if mode != "off":
        files.update(render_admin(catalog.vocab, site, repo, mode,
                                  build_date=catalog.build_date))
    return files
