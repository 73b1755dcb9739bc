"""The post-build link check: every internal link and anchor resolves, on the shipped site and
in hand-made cases; a broken one is a Dutch MkDocs warning that fails a --strict build."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from built_sites import shipped_site
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.output.linkcheck import (
    _ATTRIBUTE_RE,
    _SKIPPED_RE,
    _blank_skipped,
    _link_offsets,
    _parse,
    _shared,
    _target,
    check_links,
    site_files,
)
from tests.reliability.documents import (
    body,
    build,
    document,
    intervention,
    make_project,
    write_files,
)


def _site(root: Path, pages: dict[str, str]) -> Path:
    for relative, text in pages.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
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


def test_line_numbers_count_the_lines_of_skipped_script_and_comments(tmp_path):
    page = ('<html>\n<script>\nvar a = "<a href=\\"in-script/\\">";\n</script>\n'
            '<!-- <a href="in-comment/">\n -->\n<STYLE>\na[href="in-style/"] {}\n</STYLE>\n'
            '<p>\n<A\nHREF="weg/">x</A> <a href=\'#Weg\'>y</a> <a href=kapot.html>z</a></p>\n')
    site = _site(tmp_path, {"index.html": page})
    assert [(b.line, b.url, b.reason.split(" ")[0]) for b in check_links(site)] == [
        (11, "weg/", "verwijst"), (12, "#Weg", "verwijst"), (12, "kapot.html", "verwijst")]


def test_ids_names_and_entities_are_read_as_a_browser_reads_them(tmp_path):
    page = ('<h2 ID="kop&amp;zo">k</h2><a NAME="oud"></a><p name="geen-anker"></p>'
            '<a href="#kop&amp;zo">1</a><a href="#oud">2</a><a href="#geen-anker">3</a>'
            '<base href="nergens/"><a href="&#35;kop&amp;zo">4</a>')
    site = _site(tmp_path, {"index.html": page})
    assert [b.url for b in check_links(site)] == ["#geen-anker"]


def test_the_same_link_is_resolved_for_each_page_on_its_own(tmp_path):
    """Links are resolved once per folder and url: that must not mix up pages."""
    site = _site(tmp_path, {
        "a/index.html": '<p id="x"></p><a href="index.html#x">1</a><a href="../b/">2</a>',
        "a/andere.html": '<a href="index.html#y">1</a><a href="#y">2</a><a href="../b/">3</a>',
        "c/d/index.html": '<a href="index.html#x">1</a><a href="../b/">2</a>',
        "b/index.html": ""})
    assert [(b.page, b.url, b.reason) for b in check_links(site)] == [
        ("a/andere.html", "index.html#y", "verwijst naar het anker '#y', maar dat staat niet "
                                         "op 'a/'"),
        ("a/andere.html", "#y", "verwijst naar het anker '#y', maar dat staat niet op deze "
                                "pagina"),
        ("c/d/index.html", "index.html#x", "verwijst naar het anker '#x', maar dat staat niet "
                                           "op deze pagina"),
        ("c/d/index.html", "../b/", "verwijst naar een pagina of bestand dat niet bestaat")]


_SEGMENTS = st.sampled_from(["..", ".", "x", "y", "", "index.html"])


@settings(deadline=None, max_examples=300)
@given(st.lists(st.sampled_from(["a", "b", "c"]), max_size=4).map("/".join),
       st.lists(_SEGMENTS, min_size=1, max_size=6).map("/".join))
def test_a_path_resolves_the_same_when_shared_between_folders(folder, path):
    """'../../over/' is resolved once for all pages with the same grandparent folder."""
    files = {"index.html", "x", "x/index.html", "a/x/index.html", "a/b/index.html", "y/x"}
    assert _target(*_shared(folder, path), "/", files) \
        == _target(folder, path, path.endswith("/"), "/", files)
    assert _shared("interventies/een", "../../over/") == _shared("dossiers/twee", "../../over/")


# Random pages: the link check skips, in the regular-expression engine, every tag without an
# id, name, href or src attribute. It must find what reading every tag finds.
_WORDS = st.sampled_from([
    "<a", "<A", "<p", "<svg", "<path", "<base", "<img", "<my-el", "<a1", "<", ">", "/>", " ",
    "\n", "\t", "=", '"', "'", "`", "href", "HREF", "hRef", "src", "id", "Id", "name", "NAME",
    "idx", "data-id", "d", "title", "x", "#y", "../z/", "&amp;", "&#35;", "&", "<!--", "-->",
    "<script>", "</script>", "<style>", "</style >", '"<a href=q>"', "\u017fRC", "\xa0"])
_HTMLISH = st.lists(_WORDS, max_size=40).map("".join)


def _every_tag(text: str) -> tuple[set[str], list[tuple[int, str]]]:
    """The ids and links of a (blanked) page, read from every tag."""
    ids, links = set(), []
    for tag_match in re.finditer(r"<([a-zA-Z][a-zA-Z0-9-]*)(\s[^>]*)?>", text):
        tag = tag_match[1].lower()
        for match in _ATTRIBUTE_RE.finditer(tag_match[2] or ""):
            name = match[1].lower()
            value = html.unescape(next(v for v in match.groups()[1:] if v is not None))
            if name == "id" or (name == "name" and tag == "a"):
                ids.add(value)
            elif name in ("href", "src") and tag != "base":
                links.append((tag_match.start(), value))
    return ids, links


@settings(deadline=None, max_examples=300)
@given(_HTMLISH)
def test_skipping_tags_in_the_engine_loses_no_id_and_no_link(html_text):
    text = _SKIPPED_RE.sub(_blank_skipped, html_text)
    page = _parse(text)
    assert (page.ids, list(zip(_link_offsets(text), page.links, strict=True))) \
        == _every_tag(text)
    # A second page with the same tags reads them from what the first one left.
    known: dict = {}
    first, second = _parse(text, known), _parse(text, known)
    assert (second.ids, second.links) == (first.ids, first.links) == (page.ids, page.links)


def test_site_files_are_listed_as_sorted_rglob_lists_them(tmp_path):
    # Folder names that sort otherwise as text than as path parts ('a-b' < 'a/…' as text).
    for name in ("a/index.html", "a-b/index.html", "a/b/c.json", "a.html", "A/x.html",
                 "b/.verborgen", "a/b-c/d.html", "z.css"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x")
    (tmp_path / "leeg").mkdir()
    expected = [path.relative_to(tmp_path).as_posix() for path in sorted(tmp_path.rglob("*"))
                if path.is_file()]
    assert site_files(tmp_path) == expected
    assert site_files(shipped_site()) == [
        path.relative_to(shipped_site()).as_posix()
        for path in sorted(shipped_site().rglob("*")) if path.is_file()]


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


def test_a_dead_body_link_stops_the_build_at_the_check_in_dutch(broken_link_project, caplog):
    out = broken_link_project / "site"
    outcome = build(broken_link_project, out)
    assert not outcome.ok and not out.exists()
    assert "interventions/met-kapotte-link.md:" in outcome.report
    assert "verwijst een link naar '../bestaat-niet/', maar die pagina bestaat niet" \
        in outcome.report
    assert "het anker '#bestaat-ook-niet' staat niet op deze pagina" in outcome.report
    assert not [r for r in caplog.records if "Doc file" in r.getMessage()]  # no MkDocs English


@pytest.fixture
def broken_page_project(tmp_path):
    """A dead link the check does not read (a hand-written page): the build's safety net."""
    root = make_project(tmp_path / "project")
    (root / "pages" / "over.md").write_text(
        "# Over\n\nTekst.\n\nZie [weg](../bestaat-niet/) en [anker](#nergens).\n",
        encoding="utf-8")
    return root


def test_broken_link_fails_a_strict_build_naming_the_content_file_and_line(
        broken_page_project, caplog):
    out = broken_page_project / "site"
    outcome = build(broken_page_project, out, strict=True)
    assert not outcome.ok
    assert "strict" in outcome.failure  # MkDocs: "Aborted with 2 warnings in strict mode!"
    messages = [r.getMessage() for r in caplog.records if "kapotte link" in r.getMessage()]
    assert len(messages) == 2
    assert messages[0].startswith("pages/over.md:5: kapotte link op regel 5 van pages/over.md")
    assert "'../bestaat-niet/' verwijst naar een pagina of bestand dat niet bestaat" \
        in messages[0]
    assert "'#nergens' verwijst naar het anker" in messages[1]
    assert not [r for r in caplog.records if "Doc file" in r.getMessage()]
    assert not out.exists()  # strict: nothing was published


def test_broken_link_is_a_warning_in_a_normal_build(broken_page_project, caplog):
    out = broken_page_project / "site"
    assert build(broken_page_project, out).ok
    assert (out / "over" / "index.html").is_file()
    assert sum("kapotte link" in r.getMessage() for r in caplog.records) == 2
