"""The evidence map (/bewijs/, bewijs.json, the map on dossier pages) and the citation files
(RIS, BibTeX, CSL-JSON) of the built site. Expected numbers come from a small reference count
over the catalog's frontmatter, never from the renderer's own counting."""

from __future__ import annotations

import json
import posixpath
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import bibtexparser
import pytest
import rispy
from bibtexparser.middlewares import LatexDecodingMiddleware, SeparateCoAuthors
from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle
from citeproc import formatter as csl_formatter
from citeproc.source.json import CiteProcJSON
from conftest import BUILD_DATE

from generator.core.model import Intervention

EXTRA_LEVELS = ("niet-beoordeeld", "verlopen")


# ---------- the reference count ----------

def level_of(item: Intervention) -> str:
    """What the finder files an intervention under, from its frontmatter."""
    if item.recognition is None:
        return "niet-beoordeeld"
    return "verlopen" if item.recognition.valid_until < BUILD_DATE else item.recognition.level


def expected(items: list[Intervention], theme: str, column: str, value: str) -> int:
    count = 0
    for item in items:
        if item.status == "ingetrokken" or theme not in item.themes:
            continue
        values = ([level_of(item)] if column == "niveau"
                  else item.target_groups + item.intermediate_target_groups)
        count += value in values
    return count


# ---------- reading the page ----------

class _Map(HTMLParser):
    """Each evidence table as rows of (row label, [(cell text, href or None, classes)])."""

    def __init__(self) -> None:
        super().__init__()
        self.tables: list[dict] = []
        self._cell: dict | None = None
        self._row: list | None = None

    def handle_starttag(self, tag: str, attrs) -> None:
        a = dict(attrs)
        if tag == "table" and "ww-map" in (a.get("class") or "").split():
            self.tables.append({"columns": [], "rows": []})
        elif not self.tables:
            return
        elif tag == "tr":
            self._row = []
        elif tag in ("td", "th"):
            self._cell = {"text": "", "href": None, "class": a.get("class") or "",
                          "scope": a.get("scope"), "hidden": 0}
        elif tag == "a" and self._cell is not None:
            self._cell["href"] = a["href"]
        elif tag == "span" and self._cell is not None and "ww-visually-hidden" in (
                a.get("class") or ""):
            self._cell["hidden"] = 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "span" and self._cell is not None:
            self._cell["hidden"] = 0
        elif tag in ("td", "th") and self._cell is not None and self._row is not None:
            self._row.append(self._cell)
            self._cell = None
        elif tag == "tr" and self._row is not None and self.tables:
            table = self.tables[-1]
            if self._row and self._row[0]["scope"] == "col":
                table["columns"] = [c["text"].strip() for c in self._row[1:]]
            elif self._row:
                table["rows"].append(self._row)
            self._row = None

    def handle_data(self, data: str) -> None:
        # Theme and level names carry soft hyphens for phones (generator/render/hyphenate.py).
        if self._cell is not None and not self._cell["hidden"]:
            self._cell["text"] += data.replace("\u00ad", "")


def maps_of(page: Path) -> list[dict]:
    parser = _Map()
    parser.feed(page.read_text("utf-8"))
    return parser.tables


def resolve(site: Path, page: Path, href: str) -> tuple[Path, dict[str, list[str]]]:
    parts = urlsplit(href)
    target = posixpath.normpath(posixpath.join(page.parent.relative_to(site).as_posix(),
                                               parts.path))
    path = site / target
    return (path / "index.html" if path.is_dir() else path), parse_qs(parts.query)


# ---------- the map ----------

@pytest.fixture(scope="module")
def evidence(site) -> dict:
    return json.loads((site / "data/bewijs.json").read_text("utf-8"))


def test_open_data_counts_follow_the_finders_default_view(evidence, catalog) -> None:
    items = catalog.interventions
    assert evidence["interventions"] == sum(1 for i in items if i.status != "ingetrokken")
    assert [lv["id"] for lv in evidence["levels"]] == [
        *catalog.vocab.ids("recognition_levels"), *EXTRA_LEVELS]
    for name, column, axis in (("themes_by_level", "niveau", "levels"),
                               ("themes_by_target_group", "doelgroep", "target_groups")):
        rows = evidence[name]
        assert [r["id"] for r in rows] == catalog.vocab.ids("themes")
        for row in rows:
            assert row["total"] == sum(1 for i in items
                                       if i.status != "ingetrokken" and row["id"] in i.themes)
            assert list(row["counts"]) == [v["id"] for v in evidence[axis]]
            for value, count in row["counts"].items():
                assert count == expected(items, row["id"], column, value), (row["id"], value)
    # the shipped content has gaps and filled cells: the test would see a wrong zero
    cells = [n for r in evidence["themes_by_level"] for n in r["counts"].values()]
    assert 0 in cells and max(cells) >= 2


def test_the_page_shows_the_same_numbers_and_links_each_cell_to_the_finder(
        site, evidence) -> None:
    page = site / "bewijs/index.html"
    tables = maps_of(page)
    assert len(tables) == 2
    effective = [lv["id"] for lv in evidence["levels"] if lv["label"].startswith("Effectief")]
    for table, name, key, axis in ((tables[0], "themes_by_level", "niveau", "levels"),
                                   (tables[1], "themes_by_target_group", "doelgroep",
                                    "target_groups")):
        extra = ["Totaal", "Waarvan effectief"] if key == "niveau" else ["Totaal"]
        assert table["columns"] == [v["label"] for v in evidence[axis]] + extra
        assert len(table["rows"]) == len(evidence[name])
        for cells, row in zip(table["rows"], evidence[name], strict=True):
            assert cells[0]["text"].strip() == row["label"]
            numbers = cells[1:1 + len(row["counts"])]
            for cell, (value, count) in zip(numbers, row["counts"].items(), strict=True):
                assert int(cell["text"]) == count
                if value in EXTRA_LEVELS:
                    # not assessed and expired are counted but never shaded
                    assert "ww-map__cell--plain" in cell["class"]
                if count == 0:
                    # a gap: visible, and not a link to an empty list; marked as a gap where
                    # evidence could be
                    assert cell["href"] is None
                    assert value in EXTRA_LEVELS or "ww-map__cell--s0" in cell["class"]
                    continue
                target, query = resolve(site, page, cell["href"])
                assert target == site / "interventies/index.html"
                assert query == {"thema": [row["id"]], key: [value]}
            total = cells[1 + len(row["counts"])]
            assert int(total["text"]) == row["total"]
            if row["total"]:
                assert resolve(site, page, total["href"])[1] == {"thema": [row["id"]]}
            if key == "niveau":
                working = cells[-1]
                assert int(working["text"]) == row["effective"] == sum(
                    row["counts"][lv] for lv in effective)
                if row["effective"]:
                    assert resolve(site, page, working["href"])[1] == {
                        "thema": [row["id"]], "niveau": effective}


def test_the_finders_data_gives_the_same_counts(site, evidence) -> None:
    """finder-data.js is what the finder counts from: its default view (status actief)."""
    script = (site / "interventies/finder-data.js").read_text("utf-8")
    data = json.loads(script[script.index("{"):script.rstrip().rindex(";")])
    active = [r for r in data["items"] if r["status"] == "actief"]
    for row in evidence["themes_by_level"]:
        for level, count in row["counts"].items():
            assert count == sum(1 for r in active
                                if row["id"] in r["thema"] and r["niveau"] == level)
    for row in evidence["themes_by_target_group"]:
        for group, count in row["counts"].items():
            assert count == sum(1 for r in active
                                if row["id"] in r["thema"] and group in r["doelgroep"])


def test_every_dossier_shows_the_map_of_its_own_interventions(site, catalog) -> None:
    for dossier in catalog.dossiers:
        page = site / f"dossiers/{dossier.slug}/index.html"
        items = [catalog.intervention(s) for s in dossier.interventions]
        tables = maps_of(page)
        themes = {t for i in items if i.status != "ingetrokken" for t in i.themes}
        if not themes:
            assert tables == []
            continue
        (table,) = tables
        labels = {catalog.vocab.label("themes", t): t for t in themes}
        assert {cells[0]["text"].strip() for cells in table["rows"]} == set(labels)
        levels = [*catalog.vocab.ids("recognition_levels"), *EXTRA_LEVELS]
        for cells in table["rows"]:
            theme = labels[cells[0]["text"].strip()]
            counts = [int(c["text"]) for c in cells[1:1 + len(levels)]]
            assert counts == [expected(items, theme, "niveau", lv) for lv in levels]
            assert all(c["href"] is None for c in cells)  # the finder has no dossier filter
        assert _links_to_map(site, page)
        # the sanitizer of entry pages keeps the scrolling region focusable for a keyboard
        assert re.search(r'<div class="ww-map-wrap" role="region" aria-label="[^"]+" '
                         r'tabindex="0">', page.read_text("utf-8"))


def _links_to_map(site: Path, page: Path) -> bool:
    hrefs = re.findall(r'href="([^"#?]*bewijs/[^"]*)"', page.read_text("utf-8"))
    return any(resolve(site, page, h)[0] == site / "bewijs/index.html" for h in hrefs)


def test_home_and_finder_link_to_the_map(site) -> None:
    for path in ("index.html", "interventies/index.html"):
        assert _links_to_map(site, site / path), path


# ---------- citations ----------

def entries(catalog):
    return ([("interventies", i) for i in catalog.interventions]
            + [("dossiers", d) for d in catalog.dossiers])


def cited_year(entry) -> int:
    date = entry.last_reviewed if isinstance(entry, Intervention) else entry.last_changed
    return date.year


def cited_authors(entry) -> list[str]:
    return [entry.owner.organisation] if isinstance(entry, Intervention) else entry.authors


def test_every_page_has_a_citation_with_its_downloads(site, catalog) -> None:
    for folder, entry in entries(catalog):
        page = site / f"{folder}/{entry.slug}/index.html"
        text = page.read_text("utf-8")
        assert 'id="zo-citeert-u-deze-beschrijving"' in text, page
        ref = re.search(r'<p class="ww-cite__ref"[^>]*>(.*?)</p>', text, re.S)[1]
        assert f"({cited_year(entry)})." in ref
        assert "Wat Werkt. Geraadpleegd op [datum], van" in ref
        assert f"https://watwerkt.example.org/{folder}/{entry.slug}/" in ref
        for name in ("citaat.ris", "citaat.bib", "citaat.json"):
            assert f'href="{name}"' in text and (page.parent / name).is_file()


def test_ris_files_read_back_with_rispy(site, catalog) -> None:
    for folder, entry in entries(catalog):
        (record,) = rispy.loads((site / f"{folder}/{entry.slug}/citaat.ris").read_text("utf-8"))
        assert record["type_of_reference"] == "ELEC"
        assert record["title"] == entry.title
        assert record["year"] == str(cited_year(entry))
        assert record["urls"] == [f"https://watwerkt.example.org/{folder}/{entry.slug}/"]
        assert record["publisher"] == record["name_of_database"] == "Wat Werkt"
        names = [a.replace(",", "").split() for a in record["authors"]]
        assert [sorted(n) for n in names] == [sorted(a.split()) for a in cited_authors(entry)]


def test_bibtex_files_read_back_with_bibtexparser(site, catalog) -> None:
    seen_accent = False
    for folder, entry in entries(catalog):
        text = (site / f"{folder}/{entry.slug}/citaat.bib").read_text("utf-8")
        assert text.isascii(), "non-ASCII letters are written as LaTeX commands"
        library = bibtexparser.parse_string(
            text, append_middleware=[LatexDecodingMiddleware(), SeparateCoAuthors()])
        assert not library.failed_blocks
        (record,) = library.entries
        seen_accent |= not entry.title.isascii()
        assert record["title"].strip("{}") == entry.title
        assert record["year"] == str(cited_year(entry))
        assert record["url"] == f"https://watwerkt.example.org/{folder}/{entry.slug}/"
        authors = [a.strip("{}") for a in record["author"]]
        assert [sorted(a.replace(",", "").split()) for a in authors] == [
            sorted(a.split()) for a in cited_authors(entry)]
    assert seen_accent  # the shipped content has titles with é or ë: the escaping is tested


def test_bibtex_escapes_special_characters() -> None:
    from generator.render.citation import Citation as Cite
    from generator.render.citation import Name, bibtex

    title = "50% van {alle} buren & co_op #1 — ‘één’ $ ~"
    cite = Cite("interventies-x", title, (Name(literal="Stichting A & B"),), BUILD_DATE,
                "Interventiebeschrijving", "Wat Werkt", "https://example.org/x_y/", "s", ())
    text = bibtex(cite)
    assert text.isascii()
    library = bibtexparser.parse_string(text, append_middleware=[LatexDecodingMiddleware()])
    assert not library.failed_blocks
    (record,) = library.entries
    assert record["title"].strip("{}") == title
    assert record["author"].strip("{}") == "Stichting A & B"


def test_csl_json_renders_with_citeproc(site, catalog) -> None:
    style = CitationStylesStyle("harvard-cite-them-right", locale="nl-NL", validate=False)
    for folder, entry in entries(catalog):
        items = json.loads((site / f"{folder}/{entry.slug}/citaat.json").read_text("utf-8"))
        source = CiteProcJSON(items)
        bibliography = CitationStylesBibliography(style, source, csl_formatter.plain)
        key = items[0]["id"]
        bibliography.register(Citation([CitationItem(key)]))
        (rendered,) = [str(b) for b in bibliography.bibliography()]
        assert entry.title in rendered and str(cited_year(entry)) in rendered
        family = (entry.owner.organisation if isinstance(entry, Intervention)
                  else entry.authors[0].split()[-1])
        assert family in rendered


def test_dutch_names_keep_their_particle() -> None:
    from generator.render.citation import apa_authors, person_name

    name = person_name("Kees van der Linden")
    assert (name.given, name.particle, name.family) == ("Kees", "van der", "Linden")
    assert person_name("Youssef El Amrani").family == "El Amrani"
    assert apa_authors((person_name("Marloes Hendriks"), name)) == (
        "Hendriks, M., & Van der Linden, K.")
    assert apa_authors(tuple(person_name(n) for n in ("A B", "C D", "Anne-Marie E"))) == (
        "B, A., D, C., & E, A.-M.")


def test_the_data_page_documents_every_key_of_bewijs_json(site, evidence) -> None:
    page = site / "data/index.html"
    text = page.read_text("utf-8")
    section = text.split('id="bewijskaart"', 1)[1].split("<h2", 1)[0]
    documented = set(re.findall(r"<code>([a-z_]+)</code>", section))
    assert set(evidence) <= documented, set(evidence) - documented
    assert {"total", "counts", "id", "label"} <= documented  # the keys of each row
    downloads = re.findall(r'<a href="([^"]+)" download>bewijs\.json</a>', text)
    assert [resolve(site, page, h)[0] for h in downloads] == [site / "data/bewijs.json"]
