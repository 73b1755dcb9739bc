"""Markdown links written as web addresses to live pages: the check accepts them and the rendered
page gets the .md form, at the exact place of the URL (generator/check/link_rewrite.py)."""

from __future__ import annotations

import re

from conftest import BUILD_DATE

from generator.check.link_rewrite import DestinationFinder, LinkRewrite, normalize_links
from generator.pipeline import check_project
from generator.render.common import Site
from generator.render.entries import render_intervention
from tests.reliability.documents import build
from tests.test_body_link_check import _project  # entries linking to each other, and pages


def _located(text: str, line: int, url: str) -> list[int]:
    return DestinationFinder(text).inline(line, url)


def test_inline_destinations_are_found_at_their_columns_but_not_in_code_spans():
    line = 'Zie [a](/over/), `[b](/over/)` en [c](/over/ "titel") en ![d](</over/>).'
    columns = _located(line, 1, "/over/")
    assert [line[c - 1:c - 1 + len("/over/")] for c in columns] == ["/over/"] * 3
    code = line.index("`[b]")
    assert all(not code < c < code + 13 for c in columns)
    assert len(columns) == 3


def test_reference_definitions_count_only_outside_paragraphs_and_code():
    text = ("Zie [a][r].\n\n[r]: /over/\n[s]: </over/> \"titel\"\n\n```\n[t]: /over/\n```\n\n"
            "Een zin\n[u]: /over/\n\n[^1]: /over/\n")
    finder = DestinationFinder(text)
    found = finder.definitions("/over/")
    lines = text.split("\n")
    assert [(n, lines[n - 1][c - 1:c + 5], label) for n, c, label in found] == [
        (3, "/over/", "r"), (4, "/over/", "s")]
    assert finder.uses(1, ["r", "s"]) == 1 and finder.uses(3, ["r"]) == 0


def test_references_on_a_line_are_counted_by_label_outside_code_spans():
    finder = DestinationFinder("[a][R] en [r][] en [r] en `[b][r]` en [c](r) en [rr]\n")
    assert finder.uses(1, ["r"]) == 3


def test_rewrites_change_only_the_url_text_several_on_one_line():
    text = "Eerst [a](/x/) en [b](/yy/) en `[c](/x/)`.\nTweede [d](/x/).\n\n[r]: /x/\n"
    first = text.split("\n")[0]
    rewrites = [LinkRewrite(1, first.index("/x/") + 1, "/x/", "x.md"),
                LinkRewrite(1, first.index("/yy/") + 1, "/yy/", "../yy.md#kop"),
                LinkRewrite(2, 12, "/x/", "x.md"), LinkRewrite(4, 6, "/x/", "x.md")]
    assert normalize_links(text, rewrites) == (
        "Eerst [a](x.md) en [b](../yy.md#kop) en `[c](/x/)`.\nTweede [d](x.md).\n\n[r]: x.md\n")


def test_a_rewrite_whose_text_is_not_at_its_place_is_left_out():
    text = "Zie [a](/x/)."
    assert normalize_links(text, [LinkRewrite(1, 5, "/x/", "x.md"),
                                  LinkRewrite(3, 1, "/x/", "x.md")]) == text
    assert normalize_links(text, []) is text


def _rendered_body(root) -> str:
    result = check_project(root, BUILD_DATE)
    assert [i for i in result.issues if i.severity.value != "notice"] == [], result.issues
    return render_intervention(result.catalog, Site(), result.catalog.intervention("met-links"))


def test_the_rendered_page_gets_the_md_form_of_every_address_link(tmp_path):
    extra = ("Zie [a](/interventies/armoedeteam/) en [b](../armoedeteam/#aanpak), "
             "[c](/dossiers/eenzaamheid/#wat-werkt) en `[d](/over/)` en [e][over], [f](/over/) "
             "[g](/over/).\n\n"
             "[over]: /over/\n")
    page = _rendered_body(_project(tmp_path, extra))
    assert "[a](armoedeteam.md) en [b](armoedeteam.md#aanpak)" in page
    assert "[c](../dossiers/eenzaamheid.md#wat-werkt) en `[d](/over/)` en [e][over]" in page
    assert "[f](../over.md) [g](../over.md)" in page and "[over]: ../over.md" in page


def test_a_url_that_cannot_be_located_exactly_keeps_the_warning(tmp_path):
    # The escaped '\[' is text, not a link: two '](/over/)' for one link on the line.
    root = _project(tmp_path, r"Zie \[x](/over/) en [a](/over/).")
    issues = [i for i in check_project(root, BUILD_DATE).issues if i.severity.value != "notice"]
    assert [(i.code, i.line) for i in issues] == [("link-form", issues[0].line)]
    assert "'../over.md'" in issues[0].message


def _href(html: str, text: str) -> str:
    match = re.search(r'<a href="([^"]*)"[^>]*>' + re.escape(text) + "</a>", html)
    assert match, text
    return match[1]


def test_an_address_link_builds_strict_and_works_online_and_offline(tmp_path, caplog):
    root = _project(tmp_path, "Zie [het armoedeteam](/interventies/armoedeteam/).")
    online = build(root, root / "site", strict=True)
    assert online.ok, (online.failure, [r.getMessage() for r in caplog.records])
    assert not [r for r in caplog.records if r.levelname == "WARNING"]
    page = root / "site" / "interventies" / "met-links" / "index.html"
    href = _href(page.read_text(encoding="utf-8"), "het armoedeteam")
    assert href == "../armoedeteam/"
    assert (page.parent / href / "index.html").resolve().is_file()

    from generator.renderers.mkdocs.run import build_site

    offline = build_site(root, root / "offline", BUILD_DATE, strict=True,
                         use_directory_urls=False)
    assert offline.ok, offline.failure
    page = root / "offline" / "interventies" / "met-links.html"
    href = _href(page.read_text(encoding="utf-8"), "het armoedeteam")
    assert href.endswith(("armoedeteam/index.html", "armoedeteam.html")), href
    assert (page.parent / href).resolve().is_file()
