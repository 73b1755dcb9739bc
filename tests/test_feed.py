"""/feed.xml: a valid Atom feed of new and updated interventions and dossiers, newest first,
made from the content alone; linked from the head of every page."""

from __future__ import annotations

import datetime as dt
import posixpath
import re
import xml.etree.ElementTree as ET

import feedparser
import pytest
from conftest import BUILD_DATE, REPO

from generator.pipeline import check_project
from generator.render.common import Site
from generator.render.feed import MAX_ENTRIES, feed_xml, theme_feed

A = "{http://www.w3.org/2005/Atom}"
SITE_URL = "https://watwerkt.example.org/"
RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$")
HEAD_LINK = re.compile(r'<link rel="alternate" type="application/atom\+xml"[^>]*href="([^"]+)"')


@pytest.fixture(scope="module")
def feed(site) -> ET.Element:
    return ET.fromstring((site / "feed.xml").read_bytes())


def check_atom(feed: ET.Element, title: str, self_url: str, alternate: str) -> None:
    """What every feed of the site must have (RFC 4287)."""
    assert feed.tag == f"{A}feed"
    assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == "nl"
    assert feed.findtext(f"{A}title") == title
    assert feed.findtext(f"{A}id").startswith("tag:watwerkt.example.org,")
    assert RFC3339.match(feed.findtext(f"{A}updated"))
    assert feed.find(f"{A}author/{A}name").text == "Wat Werkt"
    links = {link.get("rel"): link.get("href") for link in feed.findall(f"{A}link")}
    assert links == {"self": self_url, "alternate": alternate}
    ids = [entry.findtext(f"{A}id") for entry in feed.findall(f"{A}entry")]
    assert len(ids) == len(set(ids)), "every entry needs its own id"
    for entry in feed.findall(f"{A}entry"):
        assert entry.findtext(f"{A}title") and entry.findtext(f"{A}summary")
        assert RFC3339.match(entry.findtext(f"{A}updated"))
        assert [link.get("rel") for link in entry.findall(f"{A}link")] == ["alternate"]


def check_with_feedparser(raw: bytes) -> feedparser.FeedParserDict:
    """feedparser, the parser most feed readers build on, reads it as well-formed Atom 1.0."""
    parsed = feedparser.parse(raw)
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    return parsed


def test_feed_is_atom_with_the_required_elements(feed, site) -> None:
    check_atom(feed, "Wat Werkt: nieuw en bijgewerkt", SITE_URL + "feed.xml", SITE_URL)
    check_with_feedparser((site / "feed.xml").read_bytes())


def test_feed_lists_every_entry_newest_first(feed, catalog) -> None:
    entries = feed.findall(f"{A}entry")
    expected = len([i for i in catalog.interventions if i.last_reviewed]) + len(catalog.dossiers)
    assert len(entries) == min(expected, MAX_ENTRIES) == 26
    updated = [entry.findtext(f"{A}updated") for entry in entries]
    assert updated == sorted(updated, reverse=True)
    assert feed.findtext(f"{A}updated") == updated[0]
    newest = max([i.last_reviewed for i in catalog.interventions]
                 + [d.last_changed for d in catalog.dossiers])
    assert updated[0] == f"{newest.isoformat()}T00:00:00Z"
    by_url = {entry.find(f"{A}link").get("href"): entry for entry in entries}
    amaryllis = by_url[SITE_URL + "interventies/amaryllis-integrale-aanpak/"]
    assert amaryllis.findtext(f"{A}title") == (
        "Interventie bijgewerkt: Amaryllis: één huishouden, één plan, één hulpverlener")
    assert amaryllis.findtext(f"{A}updated") == "2026-04-21T00:00:00Z"  # its last_reviewed
    withdrawn = by_url[SITE_URL + "interventies/taalmaatjes/"]
    assert withdrawn.findtext(f"{A}title").startswith("Interventie ingetrokken: ")
    dossier = catalog.dossier("eenzaamheid")
    entry = by_url[SITE_URL + "dossiers/eenzaamheid/"]
    assert entry.findtext(f"{A}updated").startswith(dossier.last_changed.isoformat())
    assert entry.findtext(f"{A}published").startswith(dossier.published.isoformat())
    assert [a.text for a in entry.findall(f"{A}author/{A}name")] == dossier.authors


def test_feed_entries_link_to_built_pages(feed, site) -> None:
    for entry in feed.findall(f"{A}entry"):
        href = entry.find(f"{A}link").get("href")
        assert href.startswith(SITE_URL)
        assert (site / href[len(SITE_URL):] / "index.html").is_file(), href


def test_feed_depends_on_the_content_not_on_the_clock() -> None:
    site = Site(site_url=SITE_URL)
    first = feed_xml(check_project(REPO, BUILD_DATE).catalog, site)
    later_catalog = check_project(REPO, BUILD_DATE + dt.timedelta(days=400)).catalog
    assert first == feed_xml(later_catalog, site)
    catalog = check_project(REPO, BUILD_DATE).catalog
    for term in catalog.vocab.terms("themes"):
        spec = theme_feed(term.id, term.label)
        assert feed_xml(catalog, site, spec) == feed_xml(later_catalog, site, spec), term.id


def test_every_page_links_the_feed_in_its_footer_not_its_head(site) -> None:
    """A <link rel="alternate"> in the head makes Material download sitemap.xml on every first
    visit (175 kB at 1,000 interventions): the feed is linked from the footer instead."""
    pages = [p for p in site.rglob("*.html") if 'class="md-header' in p.read_text("utf-8")]
    assert len(pages) > 60
    for page in pages:
        head, body = page.read_text("utf-8").split("</head>", 1)
        assert not HEAD_LINK.findall(head), page
        footer = body.split('class="md-footer', 1)[-1]
        found = re.findall(r'<a href="([^"]*feed\.xml)" type="application/atom\+xml"', footer)
        assert len(found) == 1, page
        if page.name != "404.html":  # the 404 page links from the site root
            target = posixpath.normpath(posixpath.join(
                page.parent.relative_to(site).as_posix(), found[0]))
            assert target == "feed.xml", (page, found)


def theme_ids() -> list[str]:
    return [t.id for t in check_project(REPO, BUILD_DATE).catalog.vocab.terms("themes")]


@pytest.mark.parametrize("theme", theme_ids())
def test_every_theme_has_a_valid_feed_of_its_own_entries(site, catalog, theme) -> None:
    raw = (site / "themas" / theme / "feed.xml").read_bytes()
    feed = ET.fromstring(raw)
    label = catalog.vocab.label("themes", theme)
    check_atom(feed, f"Wat Werkt: thema {label}", f"{SITE_URL}themas/{theme}/feed.xml",
               f"{SITE_URL}themas/{theme}/")
    parsed = check_with_feedparser(raw)
    expected = {f"{SITE_URL}interventies/{i.slug}/" for i in catalog.interventions
                if theme in i.themes and i.last_reviewed}
    expected |= {f"{SITE_URL}dossiers/{d.slug}/" for d in catalog.dossiers if theme in d.themes}
    assert {e.link for e in parsed.entries} == expected
    assert len(parsed.entries) == min(len(expected), MAX_ENTRIES)
    updated = [entry.findtext(f"{A}updated") for entry in feed.findall(f"{A}entry")]
    assert updated == sorted(updated, reverse=True)
    for entry in parsed.entries:
        assert theme in {tag.term for tag in entry.tags}


@pytest.mark.parametrize("theme", theme_ids())
def test_the_theme_page_links_its_feed(site, theme) -> None:
    page = site / "themas" / theme / "index.html"
    head, body = page.read_text("utf-8").split("</head>", 1)
    assert not HEAD_LINK.findall(head)  # a head link makes Material fetch sitemap.xml
    links = re.findall(r'<a href="([^"]*feed\.xml)" type="application/atom\+xml">([^<]+)</a>',
                       body.split('class="md-footer', 1)[0])
    assert [text for _, text in links] == ["Volg dit thema met een feed (Atom)"]
    target = posixpath.normpath(posixpath.join(f"themas/{theme}", links[0][0]))
    assert target == f"themas/{theme}/feed.xml"
