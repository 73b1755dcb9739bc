"""The reader's paper cuts of issue 27, checked on every page of the shipped site: the /schema/
index, citation files that download under the page's name, the recognition badge that links to
what its level means, a print view named for what it holds, the evidence map in the main
navigation."""

from __future__ import annotations

import posixpath
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit


class Links(HTMLParser):
    """Every <a> with its attributes and text; the text of elements with a class, by class."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[dict] = []
        self._open: list[dict] = []

    def handle_starttag(self, tag, attrs) -> None:
        if tag == "a":
            link = dict(attrs) | {"text": ""}
            self.links.append(link)
            self._open.append(link)

    def handle_endtag(self, tag) -> None:
        if tag == "a" and self._open:
            self._open.pop()

    def handle_data(self, data) -> None:
        for link in self._open:
            link["text"] += data


def links_of(page: Path) -> list[dict]:
    parser = Links()
    parser.feed(page.read_text("utf-8"))
    for link in parser.links:
        link["text"] = re.sub(r"\s+", " ", link["text"].replace("\u00ad", "")).strip()
    return parser.links


def target(site: Path, page: Path, href: str) -> Path:
    path = site / posixpath.normpath(posixpath.join(page.parent.relative_to(site).as_posix(),
                                                    urlsplit(href).path))
    return path / "index.html" if path.is_dir() else path


def test_schema_has_an_index_page_linking_every_schema(site):
    page = site / "schema/index.html"
    assert page.is_file()
    schemas = sorted(p.name for p in (site / "schema").glob("*.json"))
    assert len(schemas) == 2
    downloads = {link["download"]: link for link in links_of(page) if "download" in link}
    assert sorted(downloads) == schemas
    for name, link in downloads.items():
        assert target(site, page, link["href"]) == site / "schema" / name
    assert "<h1" in page.read_text("utf-8")


def test_citation_files_download_under_the_pages_name(site, catalog):
    entries = [("interventies", i) for i in catalog.interventions] + [
        ("dossiers", d) for d in catalog.dossiers]
    for folder, entry in entries:
        page = site / folder / entry.slug / "index.html"
        cites = [link for link in links_of(page) if link.get("href", "").startswith("citaat.")]
        assert {link["href"] for link in cites} == {"citaat.ris", "citaat.bib", "citaat.json"}
        for link in cites:
            extension = link["href"].rsplit(".", 1)[1]
            assert link["download"] == f"{entry.slug}.{extension}", page
            assert target(site, page, link["href"]).is_file()
        assert 'id="ww-cite-ref"' in page.read_text("utf-8")  # what the copy button copies


def test_badge_links_to_its_level_and_says_which_of_the_levels(site, catalog):
    levels = catalog.vocab.ids("recognition_levels")
    for item in catalog.interventions:
        page = site / "interventies" / item.slug / "index.html"
        (link,) = [link for link in links_of(page) if link.get("class") == "ww-level-link"]
        key = catalog.level_key(item)
        level_page = target(site, page, link["href"])
        assert level_page == site / "erkenning" / key / "index.html" and level_page.is_file()
        if item.recognition is None:
            assert "niveau" not in link["text"]
        else:
            step = f"niveau {levels.index(item.recognition.level) + 1} van {len(levels)}"
            assert step in link["text"], (item.slug, link["text"])
            label = catalog.vocab.label("recognition_levels", item.recognition.level)
            assert label in level_page.read_text("utf-8").replace("\u00ad", "")


def test_the_print_view_is_named_for_what_it_holds(site, catalog):
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text("utf-8")
    assert "het dossier op één pagina" not in readme
    for dossier in catalog.dossiers:
        page = site / "dossiers" / dossier.slug / "index.html"
        (link,) = [link for link in links_of(page) if link.get("href") == "print/"]
        assert link["text"].startswith("De interventies uit dit dossier"), link["text"]
        view = target(site, page, link["href"]).read_text("utf-8")
        assert re.search(r"<title>[^<]*de interventies op één A4", view)
        # what the name promises: the dossier's interventions, each with its title, and not
        # the dossier's own text (its first section stays on the dossier page)
        for slug in dossier.interventions:
            item = catalog.intervention(slug)
            if item is not None:
                assert item.title.replace("\u00ad", "") in view.replace("\u00ad", "")


def test_the_evidence_map_is_in_the_main_navigation_of_every_page(site):
    pages = sorted(site.rglob("index.html"))
    assert len(pages) > 50
    for page in pages:
        tabs = page.read_text("utf-8").split('class="md-tabs__list"', 1)
        if len(tabs) == 1:
            continue  # pages without tabs (admin, redirects)
        nav = tabs[1].split("</ul>", 1)[0]
        match = re.search(r'<a href="([^"]+)"[^>]*>\s*Bewijskaart\s*</a>', nav)
        assert match, page
        assert target(site, page, match[1]) == site / "bewijs" / "index.html"
