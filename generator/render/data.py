"""Open data: every intervention and dossier as JSON, the interventions as CSV.

The records follow the content format (`schema.FIELDS`: same keys, same order, every key
present, absent values as null or []) plus computed fields, so the JSON Schema of the content
files describes them and a new field in the schema appears here without a code change. The
format is documented on /data/ (data_page.py); FORMAT_VERSION changes with a change that could
break a reader.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
import json
import re

from generator.content.catalog import EXPIRED, NOT_ASSESSED, Catalog
from generator.content.vocab import VOCABULARY_NAMES
from generator.core.model import Dossier, Entry, Intervention
from generator.core.paths import page_path
from generator.core.schema import (
    FIELDS,
    OBJECT,
    OBJECT_LIST,
    SLUG_LIST,
    TEXT_LIST,
    VOCAB_LIST,
    Field,
)
from generator.render.common import DIRECTORY, Site, page_url

FORMAT_VERSION = "1.0"
VALID = "geldig"
RECOGNITION_STATUSES = {VALID: "Geldige erkenning", EXPIRED: "Erkenning verlopen",
                        NOT_ASSESSED: "Niet beoordeeld"}
LIST_KINDS = (VOCAB_LIST, SLUG_LIST, TEXT_LIST, OBJECT_LIST)
FILES = {"intervention": "data/interventies.json", "dossier": "data/dossiers.json"}
CSV_FILE = "data/interventies.csv"
SCHEMAS = {"intervention": "schema/intervention.schema.json",
           "dossier": "schema/dossier.schema.json"}
LIST_SEPARATOR = "; "
# Where a spreadsheet may start a cell inside our value: the start, and after any separator a
# spreadsheet may split on (comma, the semicolon of Dutch Excel, tab, pipe, a line break),
# spaces allowed. A '-' or '+' alone ('€ 250,-', 'a, - b') is no formula and stays as it is.
_FORMULA_RE = re.compile(r"(^|[,;\t|\r\n])([ ]*)([=@\t\r]|[+-](?=[^\s]))")
# The CSV columns: (header, what it holds in Dutch) — /data/ prints this table.
CSV_COLUMNS = (
    ("slug", "de bestandsnaam; vast deel van het webadres"),
    ("title", "naam van de interventie"),
    ("url", "webadres van de pagina"),
    ("themes", "thema's (ids)"),
    ("target_groups", "uiteindelijke doelgroepen (ids)"),
    ("intermediate_target_groups", "intermediaire doelgroepen (ids)"),
    ("recognition_level", "erkenningsniveau (id); leeg als niet beoordeeld"),
    ("assessed_on", "datum van het oordeel"),
    ("valid_until", "laatste dag waarop de erkenning geldt (ook als die is uitgerekend)"),
    ("assessed_by", "erkenningscommissie of praktijkpanel"),
    ("recognition_status", "geldig, verlopen of niet-beoordeeld, op de bouwdatum"),
    ("owner", "organisatie die eigenaar is van de methode"),
    ("owner_website", "website van de eigenaar"),
    ("owner_email", "e-mailadres van de eigenaar"),
    ("delivered_by", "wie de methode uitvoert (ids)"),
    ("costs", "kosten, vrije tekst"),
    ("in_practice_since", "jaar sinds de methode in de praktijk wordt toegepast"),
    ("organisations", "aantal organisaties dat de methode toepast"),
    ("last_reviewed", "datum waarop de eigenaar de beschrijving voor het laatst controleerde"),
    ("status", "actief of ingetrokken"),
    ("dossiers", "dossiers die de interventie noemen (slugs)"),
    ("summary", "samenvatting"),
)


def render_data_files(catalog: Catalog, site: Site) -> dict[str, str]:
    """The data files; data_page.py adds the page that documents them."""
    return {
        FILES["intervention"]: to_json(data_document(catalog, site, "intervention")),
        FILES["dossier"]: to_json(data_document(catalog, site, "dossier")),
        CSV_FILE: interventions_csv(catalog, site),
    }


def absolute_url(site: Site, path: str) -> str:
    """Where a page or file lives on the website: absolute from site_url, directory style even
    in the offline export (the data point at the website); site-relative without site_url."""
    target = page_url(path, DIRECTORY) if path.endswith(".md") else path
    if not site.site_url:
        return target or "./"
    return site.site_url.rstrip("/") + "/" + target


def entry_url(site: Site, entry: Entry) -> str:
    kind = "dossier" if isinstance(entry, Dossier) else "intervention"
    return absolute_url(site, page_path(kind, entry.slug))


def recognition_status(catalog: Catalog, item: Intervention) -> str:
    key = catalog.level_key(item)
    return key if key in (EXPIRED, NOT_ASSESSED) else VALID


def data_document(catalog: Catalog, site: Site, kind: str) -> dict:
    """One JSON file: what it is, under which licence, and every entry of one kind."""
    entries = catalog.interventions if kind == "intervention" else catalog.dossiers
    return {
        "version": FORMAT_VERSION,
        "build_date": catalog.build_date.isoformat(),
        "title": f"{site.site_name}: {'interventies' if kind == 'intervention' else 'dossiers'}",
        "license": {"name": site.data_license, "url": site.data_license_url},
        "source": absolute_url(site, "index.md"),
        "documentation": absolute_url(site, "data/index.md"),
        "schema": absolute_url(site, SCHEMAS[kind]),
        "count": len(entries),
        "vocabularies": _vocabularies(catalog),
        "interventions" if kind == "intervention" else "dossiers":
            [entry_record(catalog, site, entry, kind) for entry in entries],
    }


def entry_record(catalog: Catalog, site: Site, entry: Entry, kind: str) -> dict:
    """Every key of the content format in schema order, then the computed fields."""
    record: dict = {"slug": entry.slug, "url": entry_url(site, entry)}
    for spec in FIELDS[kind]:
        record[spec.name] = _plain(getattr(entry, spec.name, None), spec)
    record["source_file"] = entry.path
    if isinstance(entry, Intervention):
        record["recognition_status"] = recognition_status(catalog, entry)
        record["dossiers"] = [d.slug for d in catalog.naming_dossiers.get(entry.slug, [])]
    else:
        record["last_changed"] = _plain(entry.last_changed, None)
    record["body"] = entry.body.strip() + "\n"
    return record


def _plain(value: object, spec: Field | None) -> object:
    """A model value as JSON: dates as YYYY-MM-DD, objects with every key of their schema."""
    if value is None or value == []:
        return [] if spec is not None and spec.kind in LIST_KINDS else None
    if isinstance(value, dt.date):
        return value.isoformat()
    if spec is not None and spec.kind in (OBJECT, OBJECT_LIST) and spec.fields:
        items = value if isinstance(value, list) else [value]
        plain = [{sub.name: _plain(getattr(item, sub.name, None), sub) for sub in spec.fields}
                 for item in items]
        return plain if isinstance(value, list) else plain[0]
    if dataclasses.is_dataclass(value):
        return {k: _plain(v, None) for k, v in dataclasses.asdict(value).items()}
    if isinstance(value, list):
        return [_plain(v, None) for v in value]
    return value


def _vocabularies(catalog: Catalog) -> dict:
    """The ids the records use, with their Dutch labels (and validity for levels)."""
    lists: dict = {}
    for name in VOCABULARY_NAMES:
        lists[name] = [{"id": t.id, "label": t.label}
                       | ({"valid_years": t.valid_years} if t.valid_years else {})
                       for t in catalog.vocab.terms(name)]
    lists["recognition_statuses"] = [{"id": k, "label": v}
                                     for k, v in RECOGNITION_STATUSES.items()]
    return lists


def to_json(document: dict) -> str:
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def interventions_csv(catalog: Catalog, site: Site) -> str:
    """RFC 4180: comma-separated, CRLF line ends, a header row; UTF-8 with a BOM so that Excel
    reads the accents right. Lists are joined with '; '."""
    out = io.StringIO()
    # Every cell quoted: a separator inside a value never starts a cell, whichever separator
    # the spreadsheet splits on.
    writer = csv.writer(out, lineterminator="\r\n", quoting=csv.QUOTE_ALL)
    writer.writerow([name for name, _ in CSV_COLUMNS])
    for item in catalog.interventions:
        row = csv_row(catalog, site, item)
        writer.writerow([_cell(row[name]) for name, _ in CSV_COLUMNS])
    return "\ufeff" + out.getvalue()


def _cell(value: object) -> object:
    """Text that a spreadsheet would run as a formula gets an apostrophe before it, at the
    start and after every separator (OWASP's advice against CSV injection); the JSON keeps the
    exact text."""
    if isinstance(value, str):
        return _FORMULA_RE.sub(r"\1\2'\3", value)
    return value


def csv_row(catalog: Catalog, site: Site, item: Intervention) -> dict[str, object]:
    recognition, owner, criteria = item.recognition, item.owner, item.criteria
    return {
        "slug": item.slug, "title": item.title, "url": entry_url(site, item),
        "themes": _joined(item.themes), "target_groups": _joined(item.target_groups),
        "intermediate_target_groups": _joined(item.intermediate_target_groups),
        "recognition_level": recognition.level if recognition else "",
        "assessed_on": recognition.assessed_on.isoformat() if recognition else "",
        "valid_until": recognition.valid_until.isoformat() if recognition else "",
        "assessed_by": (recognition.assessed_by or "") if recognition else "",
        "recognition_status": recognition_status(catalog, item),
        "owner": owner.organisation if owner else "",
        "owner_website": (owner.website or "") if owner else "",
        "owner_email": (owner.email or "") if owner else "",
        "delivered_by": _joined(item.delivered_by), "costs": item.costs or "",
        "in_practice_since": criteria.in_practice_since if criteria else "",
        "organisations": criteria.organisations if criteria else "",
        "last_reviewed": item.last_reviewed.isoformat() if item.last_reviewed else "",
        "status": item.status,
        "dossiers": _joined([d.slug for d in catalog.naming_dossiers.get(item.slug, [])]),
        "summary": item.summary,
    }


def _joined(values: list[str]) -> str:
    return LIST_SEPARATOR.join(values)
