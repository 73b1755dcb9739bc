"""Open data: /data/interventies.json, /data/dossiers.json, /data/interventies.csv, the page
/data/ that documents them, the links to it, and the JSON-LD on entry pages."""

from __future__ import annotations

import csv
import io
import json
import posixpath
import re
from html.parser import HTMLParser
from pathlib import Path

import yaml
from built_sites import build, make_site_project
from conftest import BUILD_DATE, DOSSIER, INTERVENTION, REPO, make_project, replace_once

from generator.core.schema import FIELDS
from generator.pipeline import check_project
from generator.render.common import Site
from generator.render.data import CSV_COLUMNS, FORMAT_VERSION, render_data_files

SITE_URL = "https://watwerkt.example.org/"
EXTRA = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))["extra"]


class _Links(HTMLParser):
    """Every <a href> with its text, and the JSON-LD scripts, of one page."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[tuple[str, str]] = []
        self.jsonld: list[str] = []
        self._href: str | None = None
        self._text: list[str] = []
        self._in_jsonld = False

    def handle_starttag(self, tag: str, attrs: list) -> None:
        attributes = dict(attrs)
        if tag == "a" and "href" in attributes:
            self._href, self._text = attributes["href"], []
        if tag == "script" and attributes.get("type") == "application/ld+json":
            self._in_jsonld = True
            self.jsonld.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self._href is not None:
            self.links.append((self._href, " ".join("".join(self._text).split())))
            self._href = None
        if tag == "script":
            self._in_jsonld = False

    def handle_data(self, data: str) -> None:
        if self._href is not None:
            self._text.append(data)
        if self._in_jsonld:
            self.jsonld[-1] += data


def parse(page: Path) -> _Links:
    return parse_text(page.read_text(encoding="utf-8"))


def parse_text(text: str) -> _Links:
    parser = _Links()
    parser.feed(text)
    return parser


def resolve(site: Path, page: Path, href: str) -> Path:
    """The file a relative link on a built page points at."""
    target = posixpath.normpath(posixpath.join(page.parent.relative_to(site).as_posix(), href))
    path = site / target
    return path / "index.html" if href.endswith("/") or path.is_dir() else path


def test_json_lists_every_intervention_with_all_its_fields(site, catalog) -> None:
    data = json.loads((site / "data/interventies.json").read_text(encoding="utf-8"))
    assert data["version"] == FORMAT_VERSION
    assert data["build_date"] == BUILD_DATE.isoformat()
    assert data["license"] == {"name": EXTRA["open_data_license"],
                               "url": EXTRA["open_data_license_url"]}
    assert data["schema"] == SITE_URL + "schema/intervention.schema.json"
    assert data["documentation"] == SITE_URL + "data/"
    records = data["interventions"]
    assert [r["slug"] for r in records] == [i.slug for i in catalog.interventions]
    assert data["count"] == len(catalog.interventions) == 19
    keys = ["slug", "url"] + [f.name for f in FIELDS["intervention"]]
    for record, item in zip(records, catalog.interventions, strict=True):
        assert list(record)[:len(keys)] == keys
        assert record["url"] == f"{SITE_URL}interventies/{item.slug}/"
        assert record["title"] == item.title and record["themes"] == item.themes
        assert record["owner"]["organisation"] == item.owner.organisation
        assert record["last_reviewed"] == item.last_reviewed.isoformat()
        assert record["body"].strip() == item.body.strip()
    themes = {t["id"]: t["label"] for t in data["vocabularies"]["themes"]}
    assert themes["armoede-en-schulden"] == "Armoede en schulden"


def test_json_computes_validity_and_recognition_status(site, catalog) -> None:
    records = {r["slug"]: r for r in json.loads(
        (site / "data/interventies.json").read_text(encoding="utf-8"))["interventions"]}
    source = (REPO / "interventions/amaryllis-integrale-aanpak.md").read_text(encoding="utf-8")
    assert "valid_until" not in source  # so the date below was computed: 2021-10-05 + 3 years
    amaryllis = records["amaryllis-integrale-aanpak"]
    assert amaryllis["recognition"]["valid_until"] == "2024-10-05"
    assert amaryllis["recognition_status"] == "verlopen"
    assert amaryllis["dossiers"] == ["armoede-en-schulden"]
    expected = {"niet-beoordeeld": "niet-beoordeeld", "verlopen": "verlopen"}
    for item in catalog.interventions:
        status = records[item.slug]["recognition_status"]
        assert status == expected.get(catalog.level_key(item), "geldig"), item.slug
    statuses = [r["recognition_status"] for r in records.values()]
    assert statuses.count("niet-beoordeeld") == 5 and statuses.count("geldig") >= 10
    assert all(r["recognition"] is None for r in records.values()
               if r["recognition_status"] == "niet-beoordeeld")
    assert records["taalmaatjes"]["status"] == "ingetrokken"


def test_dossiers_json_lists_every_dossier(site, catalog) -> None:
    data = json.loads((site / "data/dossiers.json").read_text(encoding="utf-8"))
    assert data["schema"] == SITE_URL + "schema/dossier.schema.json"
    assert [d["slug"] for d in data["dossiers"]] == [d.slug for d in catalog.dossiers]
    for record, dossier in zip(data["dossiers"], catalog.dossiers, strict=True):
        assert record["url"] == f"{SITE_URL}dossiers/{dossier.slug}/"
        assert record["interventions"] == dossier.interventions
        assert record["published"] == dossier.published.isoformat()
        assert record["last_changed"] == dossier.last_changed.isoformat()
        assert [s["title"] for s in record["sources"]] == [s.title for s in dossier.sources]


def test_csv_is_rfc4180_with_bom_and_one_row_per_intervention(site, catalog) -> None:
    raw = (site / "data/interventies.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert raw.endswith(b"\r\n") and b"\n" not in raw.replace(b"\r\n", b"")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert list(rows[0]) == [name for name, _ in CSV_COLUMNS]
    required = {"slug", "title", "url", "themes", "target_groups", "recognition_level",
                "assessed_on", "valid_until", "recognition_status", "owner", "delivered_by",
                "last_reviewed", "status"}
    assert required <= set(rows[0])
    assert [r["slug"] for r in rows] == [i.slug for i in catalog.interventions]
    for row, item in zip(rows, catalog.interventions, strict=True):
        assert row["themes"] == "; ".join(item.themes)
        assert row["target_groups"] == "; ".join(item.target_groups)
        assert row["delivered_by"] == "; ".join(item.delivered_by)
        assert row["title"] == item.title  # commas and accents survive the round trip
    amaryllis = next(r for r in rows if r["slug"] == "amaryllis-integrale-aanpak")
    assert (amaryllis["recognition_level"], amaryllis["assessed_on"], amaryllis["valid_until"],
            amaryllis["recognition_status"]) == ("goed-beschreven", "2021-10-05", "2024-10-05",
                                                 "verlopen")


def test_csv_cells_that_a_spreadsheet_would_run_get_an_apostrophe(tmp_path) -> None:
    text = replace_once(INTERVENTION, "title: Buurtbemiddeling",
                        'title: "=HYPERLINK(\\"https://example.org\\")"')
    text = replace_once(text, "last_reviewed: 2026-06-01", 'last_reviewed: 2026-06-01\n'
                        'costs: "-10 euro korting, +5 bij aanmelding"')
    root = make_project(tmp_path / "p", {"interventions/formule.md": text})
    result = check_project(root, BUILD_DATE)
    assert not result.failed(), result.issues
    files = render_data_files(result.catalog, Site(site_url=SITE_URL))
    row = next(csv.DictReader(io.StringIO(files["data/interventies.csv"][1:], newline="")))
    assert row["title"] == "'=HYPERLINK(\"https://example.org\")"
    assert row["costs"] == "'-10 euro korting, '+5 bij aanmelding"  # a cell after a split
    record = json.loads(files["data/interventies.json"])["interventions"][0]
    assert record["title"] == '=HYPERLINK("https://example.org")'  # the JSON keeps it exact


def test_data_page_documents_every_column_key_and_the_licence(site) -> None:
    page = site / "data/index.html"
    text = page.read_text(encoding="utf-8").replace("<wbr>", "")
    for name, _ in CSV_COLUMNS:
        assert f"<code>{name}</code>" in text, name
    for kind in ("intervention", "dossier"):
        for spec in FIELDS[kind]:
            assert f"<code>{spec.name}</code>" in text, spec.name
    assert f"Formaatversie <strong>{FORMAT_VERSION}</strong>" in text
    links = dict(parse(page).links)
    assert links[EXTRA["open_data_license_url"]] == EXTRA["open_data_license"]
    for href in ("interventies.csv", "interventies.json", "dossiers.json", "../feed.xml"):
        assert href in links and resolve(site, page, href).is_file(), href


def test_home_page_and_footer_link_to_the_open_data(site) -> None:
    data_page = site / "data/index.html"
    home = site / "index.html"
    in_home_section = [href for href, text in parse(home).links if text.startswith("open data (")]
    assert [resolve(site, home, href) for href in in_home_section] == [data_page]
    for page in (home, site / "interventies/buurtbemiddeling/index.html",
                 site / "dossiers/eenzaamheid/index.html", site / "over/index.html",
                 site / "404.html"):
        text = page.read_text(encoding="utf-8")
        footer = text[text.index('class="md-footer'):]
        hrefs = [href for href, text in parse_text(footer).links if text == "Open data"]
        assert len(hrefs) == 1, page
        if page.name != "404.html":  # the 404 page links from the site root: /data/
            assert resolve(site, page, hrefs[0]) == data_page, page
        assert EXTRA["open_data_license"] in footer


def test_jsonld_on_every_entry_page_parses_with_the_right_type(site, catalog) -> None:
    pages = [(f"interventies/{i.slug}", "CreativeWork", i) for i in catalog.interventions]
    pages += [(f"dossiers/{d.slug}", "Article", d) for d in catalog.dossiers]
    for path, kind, entry in pages:
        scripts = parse(site / path / "index.html").jsonld
        assert len(scripts) == 1, path
        data = json.loads(scripts[0])
        assert data["@context"] == "https://schema.org"
        assert (data["@type"], data["name"]) == (kind, entry.title)
        assert data["url"] == f"{SITE_URL}{path}/"
    eenzaamheid = json.loads(parse(site / "dossiers/eenzaamheid/index.html").jsonld[0])
    assert eenzaamheid["author"][0]["@type"] == "Person"
    assert {m["url"] for m in eenzaamheid["mentions"]} == {
        f"{SITE_URL}interventies/{slug}/" for slug in catalog.dossier("eenzaamheid").interventions}
    amaryllis = json.loads(parse(site / "interventies/amaryllis-integrale-aanpak/index.html")
                           .jsonld[0])
    assert "award" not in amaryllis  # an expired recognition is not presented as valid
    assert "award" in json.loads(parse(site / "interventies/buurtbemiddeling/index.html")
                                 .jsonld[0])


def test_jsonld_cannot_close_its_script_element(tmp_path) -> None:
    hostile = "Buurt </script><script>alert(1)</script> <!-- bemiddeling"
    text = replace_once(INTERVENTION, "title: Buurtbemiddeling", f'title: "{hostile}"')
    root = make_site_project(tmp_path / "p", {"interventions/buurtbemiddeling.md": text,
                                              "dossiers/eenzaamheid.md": DOSSIER})
    site = build(root, tmp_path / "site")
    html = (site / "interventies/buurtbemiddeling/index.html").read_text("utf-8")
    script = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)[1]
    assert "<" not in script
    assert json.loads(script)["name"] == hostile
