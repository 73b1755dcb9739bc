"""`watwerkt export offline`: the zip's name and layout, byte-identical repeats, the banner,
the print views, and refusing what would make the export load anything from outside."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import zipfile
from pathlib import Path

import pytest
from markupsafe import escape

from generator.cli import main
from generator.export.offline import (
    default_zip_path,
    folder_name,
    offline_overrides,
    outside_references,
    read_config,
)
from generator.pipeline import check_project
from generator.render.common import DIRECTORY, FILE, Site
from generator.render.print_views import render_print_views

REPO = Path(__file__).resolve().parents[1]
TODAY = "2026-11-22"
DAY = dt.date(2026, 11, 22)
FOLDER = "watwerkt-offline-2026-11-22"
CONTENT = ("interventions", "dossiers", "pages", "theme", "vocabularies.yml", "mkdocs.yml")


def _slugs(folder: str) -> list[str]:
    return sorted(p.stem for p in (REPO / folder).glob("*.md"))


@pytest.fixture(scope="module")
def exports(tmp_path_factory) -> tuple[Path, Path]:
    """The shipped content exported twice, into two different places."""
    out = tmp_path_factory.mktemp("export")
    first, second = out / "a" / f"{FOLDER}.zip", out / "b" / "kopie.zip"
    for target in (first, second):
        code = main(["export", "offline", "--root", str(REPO), "--out", str(target),
                     "--today", TODAY])
        assert code == 0
    return first, second


def test_default_name_is_dated_and_in_dist():
    assert default_zip_path(Path("/x"), DAY) == Path("/x/dist/watwerkt-offline-2026-11-22.zip")
    assert folder_name(dt.date(2027, 1, 5)) == "watwerkt-offline-2027-01-05"


def test_zip_holds_one_dated_folder_with_the_whole_site(exports):
    with zipfile.ZipFile(exports[0]) as archive:
        names = archive.namelist()
        stamps = {info.date_time for info in archive.infolist()}
    assert {name.split("/")[0] for name in names} == {FOLDER}
    files = {name.removeprefix(FOLDER + "/") for name in names}
    assert {"index.html", "interventies/index.html", "search/search_index.js",
            "search/search_index_full.js", "assets/javascripts/iframe-worker/shim.js"} <= files
    assert {f"interventies/{s}.html" for s in _slugs("interventions")} <= files
    assert {f"dossiers/{s}.html" for s in _slugs("dossiers")} <= files
    assert {f"dossiers/{s}/print/index.html" for s in _slugs("dossiers")} <= files
    assert not [f for f in files if f.startswith("admin/") or f.startswith("sitemap")]
    assert names == sorted(names)
    assert stamps == {(2026, 11, 22, 0, 0, 0)}


def test_two_exports_are_byte_identical(exports):
    first, second = exports
    assert first.read_bytes() == second.read_bytes()


def test_every_page_says_it_is_the_offline_copy_of_that_date(exports):
    with zipfile.ZipFile(exports[0]) as archive:
        pages = {name: archive.read(name).decode() for name in archive.namelist()
                 if name.endswith(".html") and "/assets/" not in name}
    themed = {name: text for name, text in pages.items() if 'data-md-component="announce"' in text}
    assert len(themed) > 40  # every page made from the theme (redirect stubs are not)
    for name, text in themed.items():
        assert "Offline versie van 22 november 2026" in text, name
    entry = themed[f"{FOLDER}/interventies/buurtbemiddeling.html"]
    assert 'href="https://watwerkt.example.org/interventies/buurtbemiddeling/"' in entry


def test_links_between_pages_are_file_urls(exports):
    with zipfile.ZipFile(exports[0]) as archive:
        entry = archive.read(f"{FOLDER}/interventies/buurtbemiddeling.html").decode()
    hrefs = re.findall(r'<a [^>]*href="([^"]*)"', entry)
    local = [h.split("#")[0].split("?")[0] for h in hrefs
             if not h.startswith(("http:", "https:", "mailto:", "javascript:", "#"))]
    assert "../themas/wijkontwikkeling.html" in local
    assert "../dossiers/samenlevingsopbouw.html" in local
    # a folder URL ('../themas/', '.') needs a web server to find its index.html
    assert [h for h in local if "." not in h.rsplit("/", 1)[-1].strip(".")] == []


def test_the_export_loads_nothing_from_outside(exports, tmp_path):
    with zipfile.ZipFile(exports[0]) as archive:
        archive.extractall(tmp_path)
    assert outside_references(tmp_path / FOLDER) == []
    assert "unpkg.com" not in (tmp_path / FOLDER / "index.html").read_text()


def test_overrides_keep_the_sites_settings_and_add_the_offline_ones():
    overrides = offline_overrides(read_config(REPO), DAY)
    names = [p if isinstance(p, str) else next(iter(p)) for p in overrides["plugins"]]
    assert names[-1] == "offline" and "watwerkt" in names and "search" in names
    assert overrides["use_directory_urls"] is False
    assert overrides["extra"]["offline_export"]["date"] == "22 november 2026"
    assert overrides["extra"]["polyfills"] == ["assets/javascripts/iframe-worker/shim.js"]


def test_outside_references_finds_what_loads_and_ignores_what_only_links(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "p.html").write_text(
        '<link rel="canonical" href="https://x.example/p/"><a href="https://x.example/">x</a>'
        '<script src="https://cdn.example/s.js"></script>'
        '<link href="//fonts.example/css" rel="stylesheet">'
        '<img src="local.png" srcset="local.png 1x, https://img.example/b.png 2x">'
        '<p>Schrijf url(https://tekst.example/) in je css</p>'
        '<style>body{background:url("https://bg.example/i.png")}</style>')
    (tmp_path / "s.css").write_text("a{background:url(//css.example/i.png)} b{c:url(x.png)}")
    assert outside_references(tmp_path) == [
        ("a/p.html", "https://cdn.example/s.js"), ("a/p.html", "//fonts.example/css"),
        ("a/p.html", "https://img.example/b.png"), ("a/p.html", "https://bg.example/i.png"),
        ("s.css", "//css.example/i.png")]


def _project_copy(tmp_path: Path) -> Path:
    root = tmp_path / "project"
    root.mkdir()
    for name in CONTENT:
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, root / name)
        elif source.exists():
            shutil.copy2(source, root / name)
    return root


def test_the_export_needs_no_npm_packages(tmp_path, capsys):
    """A project without node_modules (no Node.js on the machine) still exports: the worker
    stand-in comes with the Python package."""
    root = _project_copy(tmp_path)
    assert not (root / "node_modules").exists()
    code = main(["export", "offline", "--root", str(root), "--today", TODAY])
    assert code == 0, capsys.readouterr().err
    with zipfile.ZipFile(root / "dist" / f"{FOLDER}.zip") as archive:
        shim = archive.read(f"{FOLDER}/assets/javascripts/iframe-worker/shim.js").decode()
        index = archive.read(f"{FOLDER}/index.html").decode()
    assert "window.IFrameWorker" in shim
    assert 'src="assets/javascripts/iframe-worker/shim.js"' in index


def test_canonical_links_name_the_online_addresses(exports):
    with zipfile.ZipFile(exports[0]) as archive:
        pages = {name.removeprefix(FOLDER + "/"): archive.read(name).decode()
                 for name in archive.namelist() if name.endswith(".html")}
    canonical = {name: re.findall(r'<link rel="canonical" href="([^"]*)"', text)
                 for name, text in pages.items()}
    assert canonical["index.html"] == ["https://watwerkt.example.org/"]
    assert canonical["interventies/index.html"] == ["https://watwerkt.example.org/interventies/"]
    assert canonical["interventies/buurtbemiddeling.html"] == [
        "https://watwerkt.example.org/interventies/buurtbemiddeling/"]
    assert not [url for urls in canonical.values() for url in urls if url.endswith(".html")]


def test_the_404_page_links_relatively_in_dutch(exports):
    with zipfile.ZipFile(exports[0]) as archive:
        page = archive.read(f"{FOLDER}/404.html").decode()
    assert "<title>Pagina niet gevonden - Wat Werkt</title>" in page
    assert '<h1 id="titel">Pagina niet gevonden</h1>' in page
    local = re.findall(r'(?:href|src|action)="([^"]*)"', page)
    assert "./assets/stylesheets/watwerkt.css" in local
    assert "./interventies/index.html" in local
    assert [url for url in local if url.startswith("/")] == []


def test_an_outside_image_stops_the_export_and_names_the_page(tmp_path, capsys):
    root = _project_copy(tmp_path)
    entry = root / "interventions" / "buurtbemiddeling.md"
    entry.write_text(entry.read_text(encoding="utf-8").replace(
        "## Doel\n", '## Doel\n\n<img src="https://beeld.example.org/foto.png" alt="Foto">\n',
        1), encoding="utf-8")
    code = main(["export", "offline", "--root", str(root), "--today", TODAY])
    err = capsys.readouterr().err
    assert code == 1
    assert "interventies/buurtbemiddeling.html: https://beeld.example.org/foto.png" in err
    assert not (root / "dist").exists()


@pytest.mark.parametrize("argv", [["export"], ["export", "pdf"]])
def test_export_needs_a_known_kind(argv, capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(argv)
    assert exit_info.value.code == 2
    assert "fout in de opdracht" in capsys.readouterr().err


def test_out_must_not_be_a_folder(tmp_path, capsys):
    code = main(["export", "offline", "--root", str(REPO), "--out", str(tmp_path),
                 "--today", TODAY])
    assert code == 2
    assert "is een map" in capsys.readouterr().err


@pytest.mark.parametrize("style, suffix", [(DIRECTORY, "/"), (FILE, ".html")])
def test_print_view_per_dossier_with_the_summaries_of_its_interventions(style, suffix):
    catalog = check_project(REPO, DAY).catalog
    site = Site(url_style=style, site_url="https://watwerkt.example.org/")
    pages = render_print_views(catalog, site)
    assert sorted(pages) == [f"dossiers/{d.slug}/print/index.md" for d in catalog.dossiers]
    dossier = catalog.dossier("eenzaamheid")
    page = pages["dossiers/eenzaamheid/print/index.md"]
    assert dossier.summary in page
    for slug in dossier.interventions:
        item = catalog.intervention(slug)
        assert str(escape(item.summary)) in page
        assert f'href="../../../interventies/{slug}{suffix}"' in page
        assert f'data-online="https://watwerkt.example.org/interventies/{slug}/"' in page
    assert "exclude: true" in page  # the dossier, not its print copy, is the search result
