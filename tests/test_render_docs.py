"""`watwerkt render`: the generated pages as a plain docs folder. Links from the site's root
path (the same on every page, whatever its depth), edit links from each page's header, and a
folder that a renderer without our plugin builds without a broken link."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys

import pytest
import yaml
from built_sites import make_site_project
from conftest import DOSSIER, INTERVENTION, REPO, TODAY, run_cli

from generator.output.linkcheck import check_links
from generator.renderers.mkdocs import runtime

HREF_RE = re.compile(r'\bhref="([^"]*)"')


def header(text: str) -> dict:
    return yaml.safe_load(text.split("---\n")[1])


@pytest.fixture
def rendered(tmp_path):
    root = make_site_project(tmp_path / "project", {
        "interventions/buurtbemiddeling.md": INTERVENTION,
        "dossiers/eenzaamheid.md": DOSSIER})
    out = tmp_path / "docs"
    result = run_cli("render", "--root", str(root), "--out", str(out), "--today", TODAY)
    assert result.returncode == 0, result.stderr
    assert "Pagina's geschreven" in result.stdout
    return root, out


def test_links_do_not_depend_on_the_page_depth(rendered):
    _, out = rendered
    for name in ("index.md", "interventies/buurtbemiddeling.md",
                 "dossiers/eenzaamheid/print/index.md"):
        internal = [url for url in HREF_RE.findall((out / name).read_text(encoding="utf-8"))
                    if not url.startswith(("#", "http:", "https:", "mailto:"))]
        assert internal, name
        assert all(url.startswith("/") for url in internal), (name, internal)
    card = (out / "dossiers/eenzaamheid.md").read_text(encoding="utf-8")
    assert 'href="/interventies/buurtbemiddeling/"' in card


def test_links_honour_the_path_of_site_url(tmp_path):
    root = make_site_project(tmp_path / "project", {
        "interventions/buurtbemiddeling.md": INTERVENTION})
    settings = (root / "mkdocs.yml").read_text(encoding="utf-8")
    (root / "mkdocs.yml").write_text(settings.replace(
        "site_url: https://watwerkt.example.org/", "site_url: https://example.org/watwerkt/"),
        encoding="utf-8")
    out = tmp_path / "docs"
    assert run_cli("render", "--root", str(root), "--out", str(out), "--today",
                   TODAY).returncode == 0
    page = (out / "interventies/buurtbemiddeling.md").read_text(encoding="utf-8")
    assert 'href="/watwerkt/themas/wijkontwikkeling/"' in page
    assert 'href="/themas/' not in page


def test_edit_links_come_from_the_page_header(rendered):
    _, out = rendered
    edit = "https://github.com/example/wat-werkt/edit/main/"
    entry = header((out / "interventies/buurtbemiddeling.md").read_text(encoding="utf-8"))
    assert entry["edit_url"] == edit + "interventions/buurtbemiddeling.md"
    assert entry["kind"] == "intervention"  # the rest of the header is kept
    dossier = header((out / "dossiers/eenzaamheid.md").read_text(encoding="utf-8"))
    assert dossier["edit_url"] == edit + "dossiers/eenzaamheid.md"
    page = header((out / "over.md").read_text(encoding="utf-8"))
    assert page["edit_url"] == edit + "pages/over.md"
    overview = header((out / "themas/index.md").read_text(encoding="utf-8"))
    assert "edit_url" not in overview  # generated from many files: nothing to edit


def test_content_errors_write_nothing(tmp_path):
    root = make_site_project(tmp_path / "project", {
        "interventions/kapot.md": INTERVENTION.replace("themes:", "themas:")})
    out = tmp_path / "docs"
    out.mkdir()
    (out / "oud.md").write_text("# Oud\n", encoding="utf-8")
    result = run_cli("render", "--root", str(root), "--out", str(out), "--today", TODAY)
    assert result.returncode == 1
    assert "Onbekende sleutel 'themas'" in result.stderr
    assert sorted(p.name for p in out.iterdir()) == ["oud.md"]  # the old folder stays


def test_render_refuses_to_replace_the_project(tmp_path):
    root = make_site_project(tmp_path / "project", {})
    result = run_cli("render", "--root", str(root), "--out", str(root), "--today", TODAY)
    assert result.returncode == 2
    assert "projectmap" in result.stderr


def test_a_plain_build_of_the_folder_has_no_broken_link(rendered, tmp_path):
    """The docs folder through the runtime's own `build` without the watwerkt plugin, as any
    MkDocs-compatible renderer that knows nothing of us would build it."""
    root, out = rendered
    settings = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    settings.update(docs_dir=str(out), site_dir=str(tmp_path / "site"),
                    plugins=["search"], theme={**settings["theme"],
                                               "custom_dir": str(REPO / "theme")})
    config = tmp_path / "plain.yml"
    config.write_text(yaml.safe_dump(settings, allow_unicode=True), encoding="utf-8")
    shutil.rmtree(tmp_path / "site", ignore_errors=True)
    built = subprocess.run([sys.executable, "-m", runtime.cli_module(), "build", "-q", "-f",
                            str(config)], capture_output=True, text=True, timeout=300,
                           env={"DISABLE_MKDOCS_2_WARNING": "true", "NO_MKDOCS_2_WARNING": "1",
                                "PATH": "/usr/bin:/bin"})
    assert built.returncode == 0, built.stderr
    site = tmp_path / "site"
    assert (site / "interventies/buurtbemiddeling/index.html").is_file()
    assert check_links(site, settings["site_url"]) == []
    page = (site / "interventies/buurtbemiddeling/index.html").read_text(encoding="utf-8")
    assert 'rel="edit"' in page


def test_the_docs_folder_and_the_site_describe_the_site_alike(tmp_path):
    # One Site factory (generator/renderers/site.py): `watwerkt render` knows the last
    # accessibility measurement as the MkDocs build does; it used to write a statement saying
    # there was none.
    out = tmp_path / "docs"
    done = run_cli("render", "--out", str(out), "--today", TODAY)
    assert done.returncode == 0, done.stderr
    site = tmp_path / "site"
    done = run_cli("build", "--out", str(site), "--today", TODAY)
    assert done.returncode == 0, done.stderr
    audit = yaml.safe_load((REPO / "a11y-audit.json").read_text(encoding="utf-8"))
    statement = (out / "toegankelijkheid" / "index.md").read_text(encoding="utf-8")
    built = (site / "toegankelijkheid" / "index.html").read_text(encoding="utf-8")
    for text in (f"{audit['pages']} pagina", audit["browser"]):
        assert text in statement and text in built, text
