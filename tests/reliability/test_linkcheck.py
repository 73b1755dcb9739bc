"""The post-build link check: every internal link and anchor resolves, on the shipped site and
in hand-made cases; a broken one is a Dutch MkDocs warning that fails a --strict build."""

from __future__ import annotations

from pathlib import Path

import pytest
from built_sites import shipped_site

from generator.linkcheck import check_links
from tests.reliability.documents import (
    body,
    build,
    document,
    intervention,
    make_project,
    write_files,
)


def _site(root: Path, pages: dict[str, str]) -> Path:
    for relative, html in pages.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(html, encoding="utf-8")
    return root


PAGE = '<html><body><h2 id="doel">Doel</h2><a name="oud"></a>{}</body></html>'


@pytest.mark.parametrize("href", [
    "../b/", "../b/#doel", "../b", "../b/index.html", "#doel", "#oud", "#", "#top", "",
    "./", "../", "/b/", "/b/#doel", "/", "../b/?q=x#doel", "../b/%69ndex.html",
    "https://example.org/bestaat-niet", "http://x", "mailto:a@example.org", "//cdn.invalid/x",
    "javascript:void(0)", "../plaatje.png", "../a/../b/",
])
def test_links_that_resolve(tmp_path, href):
    site = _site(tmp_path, {"a/index.html": PAGE.format(f'<a href="{href}">x</a>'),
                            "b/index.html": PAGE.format(""), "index.html": PAGE.format(""),
                            "plaatje.png": ""})
    assert check_links(site, "https://watwerkt.example.org/") == []


@pytest.mark.parametrize("href,reason", [
    ("../bestaat-niet/", "pagina of bestand dat niet bestaat"),
    ("../b/#bestaat-niet", "het anker '#bestaat-niet', maar dat staat niet op 'b/'"),
    ("#elders", "het anker '#elders', maar dat staat niet op deze pagina"),
    ("../../../buiten/", "pagina of bestand dat niet bestaat"),
    ("/andere-site/b/", "valt buiten de site"),
    ("../b/plaatje.png", "pagina of bestand dat niet bestaat"),
])
def test_broken_links_are_named_with_page_line_and_reason(tmp_path, href, reason):
    site = _site(tmp_path, {"a/index.html": PAGE.format(f'\n<a href="{href}">x</a>'),
                            "b/index.html": PAGE.format("")})
    broken = check_links(site, "https://watwerkt.example.org/andere/"
                         if href.startswith("/") else None)
    if href.startswith("/"):
        broken = [b for b in broken if b.url == href]
    assert len(broken) == 1
    message = broken[0].message()
    assert broken[0].line == 2
    assert message.startswith(f"Kapotte link op pagina 'a/' (regel 2 van a/index.html): '{href}'")
    assert reason in message


def test_images_and_file_urls_are_checked_too(tmp_path):
    site = _site(tmp_path, {"a.html": '<img src="weg.png"><a href="b.html#x">b</a>',
                            "b.html": '<p id="x">b</p>'})
    assert [(b.page, b.url) for b in check_links(site)] == [("a.html", "weg.png")]


def test_shipped_site_has_no_broken_link():
    site = shipped_site()
    pages = list(site.rglob("*.html"))
    assert len(pages) > 60
    assert check_links(site, "https://watwerkt.example.org/") == []


@pytest.fixture
def broken_link_project(tmp_path):
    root = make_project(tmp_path / "project")
    write_files(root, {"interventions/met-kapotte-link.md": document(
        intervention(), body("intervention", "Zie ook [een andere](../bestaat-niet/) en "
                                             "[dit anker](#bestaat-ook-niet)."))})
    return root


def test_broken_body_link_fails_a_strict_build_with_a_dutch_warning(broken_link_project,
                                                                     caplog):
    out = broken_link_project / "site"
    outcome = build(broken_link_project, out, strict=True)
    assert not outcome.ok
    assert "strict" in outcome.failure  # MkDocs: "Aborted with 3 warnings in strict mode!"
    messages = [r.getMessage() for r in caplog.records if "Kapotte link" in r.getMessage()]
    assert len(messages) == 2
    assert "pagina 'interventies/met-kapotte-link/'" in messages[0]
    assert "'../bestaat-niet/' verwijst naar een pagina of bestand dat niet bestaat" \
        in messages[0]
    assert "'#bestaat-ook-niet' verwijst naar het anker" in messages[1]
    assert not out.exists()  # strict: nothing was published


def test_broken_body_link_is_a_warning_in_a_normal_build(broken_link_project, caplog):
    out = broken_link_project / "site"
    assert build(broken_link_project, out).ok
    assert (out / "interventies" / "met-kapotte-link" / "index.html").is_file()
    assert sum("Kapotte link" in r.getMessage() for r in caplog.records) == 2
