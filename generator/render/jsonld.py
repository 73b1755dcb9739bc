"""schema.org descriptions (JSON-LD) of intervention and dossier pages, for search engines and
for anyone who harvests the site. The renderer puts them in the page's YAML header (`jsonld`)
as one line of JSON text: a nested mapping there cost MkDocs' YAML reader (and our writer)
about half a second per thousand pages. theme/partials/ww/extrahead.html prints the text with
every `<` escaped, so no value can close the script element."""

from __future__ import annotations

import json

from generator.content.catalog import Catalog
from generator.core.dates import format_date_nl
from generator.core.model import Dossier, Intervention, Reference
from generator.render.common import Site
from generator.render.data import VALID, absolute_url, entry_url, recognition_status

CONTEXT = "https://schema.org"


def as_json_text(data: dict) -> str:
    """Compact JSON for the page header; `<` is escaped as in the template, twice safe."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")


def intervention_jsonld(catalog: Catalog, site: Site, item: Intervention) -> dict:
    """A method description: schema.org's CreativeWork, with its owner as copyright holder."""
    data = _common(catalog, site, item, "CreativeWork")
    data["genre"] = "Sociale interventie"
    data["audience"] = [{"@type": "Audience",
                         "audienceType": catalog.vocab.label("target_groups", group)}
                        for group in item.target_groups]
    data["creativeWorkStatus"] = item.status
    if item.last_reviewed:
        data["dateModified"] = item.last_reviewed.isoformat()
    if item.owner:
        owner = {"@type": "Organization", "name": item.owner.organisation}
        owner |= {key: value for key, value in (("url", item.owner.website),
                                                 ("email", item.owner.email)) if value}
        data["copyrightHolder"] = owner
    if item.recognition and recognition_status(catalog, item) == VALID:
        label = catalog.vocab.label("recognition_levels", item.recognition.level)
        data["award"] = (f"Erkend als {label.lower()} tot en met "
                         f"{format_date_nl(item.recognition.valid_until)}")
    if item.working_elements:
        data["keywords"] = item.working_elements
    return data


def dossier_jsonld(catalog: Catalog, site: Site, dossier: Dossier) -> dict:
    """A 'wat werkt'-dossier: an Article with its authors, dates, interventions and sources."""
    data = _common(catalog, site, dossier, "Article")
    data["headline"] = dossier.title
    data["author"] = [{"@type": "Person", "name": name} for name in dossier.authors]
    data["publisher"] = {"@type": "Organization", "name": site.site_name,
                         "url": absolute_url(site, "index.md")}
    if dossier.published:
        data["datePublished"] = dossier.published.isoformat()
    if dossier.last_changed:
        data["dateModified"] = dossier.last_changed.isoformat()
    mentioned = [catalog.intervention(slug) for slug in dossier.interventions]
    data["mentions"] = [{"@type": "CreativeWork", "name": item.title,
                         "url": entry_url(site, item)} for item in mentioned if item]
    data["citation"] = [_citation(source) for source in dossier.sources]
    return data


def _common(catalog: Catalog, site: Site, entry: Intervention | Dossier, kind: str) -> dict:
    return {
        "@context": CONTEXT, "@type": kind, "name": entry.title, "description": entry.summary,
        "url": entry_url(site, entry), "inLanguage": "nl",
        "about": [{"@type": "DefinedTerm", "name": catalog.vocab.label("themes", theme),
                   "url": absolute_url(site, f"themas/{theme}.md")} for theme in entry.themes],
        "isPartOf": {"@type": "WebSite", "name": site.site_name,
                     "url": absolute_url(site, "index.md")},
    }


def _citation(source: Reference) -> dict:
    citation: dict = {"@type": "CreativeWork", "name": source.title}
    if source.author:
        citation["author"] = source.author
    if source.year:
        citation["datePublished"] = str(source.year)
    if source.url:
        citation["url"] = source.url
    return citation
