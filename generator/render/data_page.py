"""/data/: the open data files and the Dutch page that documents their format.

The field tables are made from `schema.FIELDS` and the CSV table from `data.CSV_COLUMNS`, so
the documentation cannot drift from what the files hold.
"""

from __future__ import annotations

import re

from markupsafe import Markup, escape

from generator.content.catalog import Catalog, count_interventions
from generator.core.schema import (
    BOOL,
    CHOICE,
    COUNT,
    DATE,
    EMAIL,
    FIELDS,
    OBJECT,
    OBJECT_LIST,
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
from generator.render.common import Site, asset_url, page_header, relative_url, render_template
from generator.render.data import (
    CSV_COLUMNS,
    CSV_FILE,
    FILES,
    FORMAT_VERSION,
    LIST_SEPARATOR,
    RECOGNITION_STATUSES,
    SCHEMAS,
    render_data_files,
)
from generator.render.evidence import DATA_FILE as EVIDENCE_FILE
from generator.render.evidence import SRC as EVIDENCE_SRC
from generator.render.evidence import evidence_json
from generator.render.feed import FEED_FILE

SRC = "data/index.md"
KIND_TYPES_NL = {
    TEXT: "tekst", SUMMARY: f"tekst (hoogstens {SUMMARY_MAX} tekens)",
    DATE: "datum (JJJJ-MM-DD)", BOOL: "true of false", YEAR: "jaartal", COUNT: "getal",
    URL: "webadres", EMAIL: "e-mailadres", VOCAB: "id", VOCAB_LIST: "lijst van ids",
    CHOICE: "keuze", SLUG_LIST: "lijst van slugs", TEXT_LIST: "lijst van teksten",
    OBJECT: "object", OBJECT_LIST: "lijst van objecten",
}
# Computed fields of the records, in the order of the JSON (data.entry_record).
FIRST = (("slug", "tekst", "De bestandsnaam zonder .md; het vaste deel van het webadres."),
         ("url", "webadres", "De pagina op de website."))
LAST = {
    "intervention": (
        ("source_file", "tekst", "Het bronbestand in de repository."),
        ("recognition_status", "keuze: geldig, verlopen of niet-beoordeeld",
         "De stand van de erkenning op de bouwdatum."),
        ("dossiers", "lijst van slugs", "De dossiers die de interventie noemen."),
        ("body", "tekst (Markdown)", "De beschrijving zelf, met de secties als ##-koppen."),
    ),
    "dossier": (
        ("source_file", "tekst", "Het bronbestand in de repository."),
        ("last_changed", "datum (JJJJ-MM-DD)", "updated, of published als dat ontbreekt."),
        ("body", "tekst (Markdown)", "De tekst van het dossier, met de secties als ##-koppen."),
    ),
}
# Source fields whose value the open data fill in when the source leaves them out.
FILLED_IN = {"recognition.valid_until": "In de open data altijd ingevuld: uitgerekend als hij "
                                        "in het bronbestand ontbreekt."}


def render_open_data(catalog: Catalog, site: Site) -> dict[str, str]:
    """The data files, the feed is separate (feed.py), and the page /data/ describing them."""
    files = render_data_files(catalog, site)
    return files | {SRC: render_data_page(catalog, site, files)}


def _breakable(key: str) -> Markup:
    """A key that may wrap after '.' or '_' in a narrow column, and nowhere else."""
    return Markup(str(escape(key)).replace(".", ".<wbr>").replace("_", "_<wbr>"))


def render_data_page(catalog: Catalog, site: Site, files: dict[str, str]) -> str:
    def link(path: str) -> str:
        return asset_url(SRC, path, site.url_style)

    downloads = [
        {"url": link(CSV_FILE), "name": "interventies.csv", "size": _size(files[CSV_FILE]),
         "what": f"{count_interventions(catalog.interventions)}, één per rij: voor Excel, "
                 "LibreOffice of R"},
        {"url": link(FILES["intervention"]), "name": "interventies.json",
         "size": _size(files[FILES["intervention"]]),
         "what": f"{count_interventions(catalog.interventions)}, met alle velden en de tekst"},
        {"url": link(FILES["dossier"]), "name": "dossiers.json",
         "size": _size(files[FILES["dossier"]]),
         "what": f"{len(catalog.dossiers)} dossiers met alle velden en de tekst"},
        {"url": link(EVIDENCE_FILE), "name": "bewijs.json",
         "size": _size(evidence_json(catalog, site)),
         "what": "de cijfers van de bewijskaart: interventies per thema en erkenningsniveau, "
                 "en per thema en doelgroep"},
        {"url": link(FEED_FILE), "name": "feed.xml", "size": None,
         "what": "Atom-feed van nieuwe en bijgewerkte interventies en dossiers"},
    ]
    body = render_template(
        "data.html", downloads=downloads, version=FORMAT_VERSION, today=catalog.build_date,
        license=site.data_license, license_url=site.data_license_url, site_name=site.site_name,
        schema_intervention=link(SCHEMAS["intervention"]), schema_dossier=link(SCHEMAS["dossier"]),
        intervention_fields=field_rows("intervention"), dossier_fields=field_rows("dossier"),
        csv_columns=CSV_COLUMNS, separator=LIST_SEPARATOR, feed_url=link(FEED_FILE),
        statuses=list(RECOGNITION_STATUSES.items()),
        evidence_map_url=relative_url(SRC, EVIDENCE_SRC, site.url_style),
        finder_url=relative_url(SRC, "interventies/index.md", site.url_style))
    # Markdown headings in the template need a blank line around them (render_template
    # removes blank lines so that raw HTML blocks stay whole).
    body = re.sub(r"^(## .+)$", r"\n\1\n", body, flags=re.MULTILINE)
    return page_header("Open data", "Alle interventies en dossiers van Wat Werkt als open "
                       "data: CSV, JSON en een Atom-feed, met een beschrijving van het formaat.",
                       hide=("navigation",), kind="data") + body


def field_rows(kind: str) -> list[dict]:
    """One row per key of a record, in the order of the JSON; nested keys as 'owner.email'."""
    rows = [_computed(*row) for row in FIRST]
    for spec in FIELDS[kind]:
        rows += _rows(spec, "")
    return rows + [_computed(*row) for row in LAST[kind]]


def _computed(key: str, type_nl: str, help_nl: str) -> dict:
    return {"key": _breakable(key), "type": type_nl, "help": help_nl, "required": False,
            "computed": True}


def _rows(spec: Field, prefix: str) -> list[dict]:
    type_nl = KIND_TYPES_NL.get(spec.kind, spec.kind)
    if spec.vocab:
        type_nl += f" uit {spec.vocab}"
    if spec.choices:
        type_nl += ": " + " of ".join(spec.choices)
    key = prefix + spec.name
    help_nl = " ".join(filter(None, (f"{spec.label}.", spec.help, FILLED_IN.get(key))))
    rows = [{"key": _breakable(key), "type": type_nl, "help": help_nl, "required": spec.required,
             "computed": False}]
    for sub in spec.fields:
        rows += _rows(sub, f"{prefix}{spec.name}{'[].' if spec.kind == OBJECT_LIST else '.'}")
    return rows


def _size(text: str) -> str:
    kilobytes = max(1, round(len(text.encode("utf-8")) / 1024))
    return f"{kilobytes} kB"
