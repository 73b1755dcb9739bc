"""/feed.xml: an Atom feed (RFC 4287) of new and updated interventions and dossiers.

Every date in it comes from the content (last_reviewed, published, updated), never from the
clock, so the same content gives the same feed. Each version of an entry gets its own id (the
tag URI carries the date): a subscriber's reader then shows an update as a new item instead of
silently replacing the old one.

Each theme has its own feed, /themas/<id>/feed.xml, made by the same code from the entries with
that theme: for an owner or a municipality that follows one theme, not the whole databank.
"""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from urllib.parse import urlsplit

from generator.content.catalog import Catalog, sort_title
from generator.core.model import Dossier, Entry, Intervention
from generator.core.paths import entry_folder
from generator.render.common import Site
from generator.render.data import absolute_url, entry_url

ATOM = "http://www.w3.org/2005/Atom"
FEED_FILE = "feed.xml"
FEED_TITLE = "nieuw en bijgewerkt"
MAX_ENTRIES = 50
FALLBACK_HOST = "watwerkt.invalid"  # RFC 2606: a tag URI needs a host even without site_url


@dataclass(frozen=True)
class FeedItem:
    date: dt.date
    title: str
    entry: Entry


@dataclass(frozen=True)
class FeedSpec:
    """What differs between the whole databank's feed and a theme's feed."""

    path: str  # the feed file in the site
    page: str  # the page the feed belongs to (its rel="alternate")
    title: str
    subtitle: str
    theme: str | None = None


def render_feed(catalog: Catalog, site: Site) -> dict[str, str]:
    feeds = {FEED_FILE: feed_xml(catalog, site)}
    for term in catalog.vocab.terms("themes"):
        spec = theme_feed(term.id, term.label)
        feeds[spec.path] = feed_xml(catalog, site, spec)
    return feeds


def theme_feed_path(theme: str) -> str:
    return f"themas/{theme}/{FEED_FILE}"


def theme_feed(theme: str, label: str) -> FeedSpec:
    return FeedSpec(theme_feed_path(theme), f"themas/{theme}.md", f"thema {label}",
                    f"Nieuwe en bijgewerkte interventies en wat werkt-dossiers over het thema "
                    f"{label}.", theme)


SITE_FEED = FeedSpec(FEED_FILE, "index.md", FEED_TITLE,
                     "Nieuwe en bijgewerkte interventies en wat werkt-dossiers.")


def feed_items(catalog: Catalog, theme: str | None = None) -> list[FeedItem]:
    """Newest first; ties by title and then slug, so the order never depends on chance.
    With a theme: only the entries that have it."""
    items = [FeedItem(i.last_reviewed, _intervention_title(i), i)
             for i in catalog.interventions if i.last_reviewed]
    items += [FeedItem(d.last_changed, _dossier_title(d), d)
              for d in catalog.dossiers if d.last_changed]
    if theme is not None:
        items = [f for f in items if theme in f.entry.themes]
    items.sort(key=lambda f: (-f.date.toordinal(), sort_title(f.entry.title), f.entry.slug,
                              isinstance(f.entry, Dossier)))
    return items[:MAX_ENTRIES]


def _intervention_title(item: Intervention) -> str:
    verb = "ingetrokken" if item.withdrawn else "bijgewerkt"
    return f"Interventie {verb}: {item.title}"


def _dossier_title(dossier: Dossier) -> str:
    return (f"Dossier bijgewerkt: {dossier.title}" if dossier.updated
            else f"Nieuw dossier: {dossier.title}")


def feed_xml(catalog: Catalog, site: Site, spec: FeedSpec = SITE_FEED) -> str:
    items = feed_items(catalog, spec.theme)
    host = urlsplit(site.site_url or "").hostname or FALLBACK_HOST
    feed = ET.Element("feed", {"xmlns": ATOM, "xml:lang": "nl"})
    _text(feed, "title", f"{site.site_name}: {spec.title}")
    _text(feed, "subtitle", spec.subtitle)
    _text(feed, "id", f"tag:{host},2024:{spec.path}")
    _link(feed, "self", absolute_url(site, spec.path), "application/atom+xml")
    _link(feed, "alternate", absolute_url(site, spec.page), "text/html")
    newest = items[0].date if items else catalog.build_date
    _text(feed, "updated", _timestamp(newest))
    _text(ET.SubElement(feed, "author"), "name", site.site_name)
    _text(feed, "generator", "watwerkt")
    if site.data_license:
        _text(feed, "rights", f"Gegevens: {site.data_license}")
    for item in items:
        feed.append(_entry(catalog, site, host, item))
    ET.indent(feed)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, "unicode") + "\n"


def _entry(catalog: Catalog, site: Site, host: str, item: FeedItem) -> ET.Element:
    entry = item.entry
    is_dossier = isinstance(entry, Dossier)
    folder = entry_folder(entry)
    node = ET.Element("entry")
    _text(node, "title", item.title)
    _text(node, "id", f"tag:{host},{item.date.isoformat()}:{folder}/{entry.slug}")
    _link(node, "alternate", entry_url(site, entry), "text/html")
    _text(node, "updated", _timestamp(item.date))
    if is_dossier and entry.published:
        _text(node, "published", _timestamp(entry.published))
        for name in entry.authors:
            _text(ET.SubElement(node, "author"), "name", name)
    ET.SubElement(node, "category",
                  {"term": "dossier" if is_dossier else "interventie",
                   "label": "Dossier" if is_dossier else "Interventie"})
    for theme in entry.themes:
        ET.SubElement(node, "category",
                      {"term": theme, "label": catalog.vocab.label("themes", theme)})
    _text(node, "summary", entry.summary)
    return node


def _text(parent: ET.Element, name: str, text: str) -> ET.Element:
    child = ET.SubElement(parent, name)
    child.text = text
    return child


def _link(parent: ET.Element, rel: str, href: str, media_type: str) -> None:
    ET.SubElement(parent, "link", {"rel": rel, "href": href, "type": media_type})


def _timestamp(day: dt.date) -> str:
    """Atom wants a date-time: midnight UTC of the content's date."""
    return f"{day.isoformat()}T00:00:00Z"
