"""Issue 26: every writer is well-formed for any string a value can hold.

A value is generated from all of Unicode and written into an intervention's YAML as the YAML
library writes it (escapes included). If the check lets it through, the entry's feed, open data
(JSON, CSV), page header with its JSON-LD, page title (HTML) and citation files (RIS, BibTeX,
CSL-JSON) are read back by strict readers: an XML parser, json, YAML, a browser-like HTML
tokenizer, the csv module (with every separator a spreadsheet may split on), rispy, and pybtex
(which counts braces as classic BibTeX does). If the check refuses it,
that is at the key's line.
"""

from __future__ import annotations

import csv
import html
import io
import json
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pybtex.database
import rispy
import yaml
from conftest import BUILD_DATE, INTERVENTION, make_project, replace_once
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st
from pylatexenc.latex2text import LatexNodes2Text, MacroTextSpec, get_default_latex_context_db

from generator.core.characters import VALUE_FORBIDDEN_RE
from generator.pipeline import check_project
from generator.render.citation import Citation, Name, bibtex, person_name, render_citations
from generator.render.common import Site
from generator.render.data import render_data_files
from generator.render.entries import render_intervention
from generator.render.feed import render_feed

SITE = Site(site_url="https://watwerkt.example.org/")
SEPARATORS = (",", ";", "\t", "|")
FORMULA_RE = re.compile(r"^[ ]*([=@\t\r]|[+-]\S)")

VALUES = st.text(st.characters(codec="utf-8"), min_size=1, max_size=30)
# The attackers' and the edge cases, always tried.
EXAMPLES = ["Buurt\u0007bemiddeling", "a\x85b", "x\ufffey", "a\u2028b", "=1+1", "a;=1+1",
            "Kees;@SUM(A1)", "x\t=cmd|' /C calc'!A0", "{ongepaard", "}", "a {b} c", "\\",
            "Zorg and Welzijn", "50% & $5 #1 _x ~ ^", "€ 250,-", "漢字 😀"]


def one_line(text: str) -> str:
    return " ".join(text.split())


def yaml_value(value: str) -> str:
    return yaml.safe_dump(value, default_style='"', allow_unicode=False, width=10_000).strip()


def project_with(tmp_path: Path, value: str) -> tuple[Path, str]:
    text = replace_once(INTERVENTION, "title: Buurtbemiddeling", f"title: {yaml_value(value)}")
    text = replace_once(text, "organisation: Stichting Voorbeeld",
                        f"organisation: {yaml_value(value)}")
    return make_project(tmp_path, {"interventions/waarde.md": text}), text


@settings(deadline=None, max_examples=60,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(value=VALUES)
def test_a_value_is_refused_at_its_line_or_every_writer_reads_it_back(tmp_path_factory,
                                                                      value: str) -> None:
    root, text = project_with(tmp_path_factory.mktemp("p"), value)
    result = check_project(root, BUILD_DATE)
    errors = [i for i in result.issues if i.severity.value == "error"]
    if VALUE_FORBIDDEN_RE.search(value):
        title_line = text.splitlines().index(f"title: {yaml_value(value)}") + 1
        assert any(i.line == title_line for i in errors), errors
        assert not result.catalog.interventions
        return
    assume(not errors and result.catalog.interventions)  # other rules (length, placeholders)
    (item,) = result.catalog.interventions
    assert one_line(item.title) == one_line(value)  # the check may tidy a title's spaces
    value = item.title
    check_feeds(render_feed(result.catalog, SITE), value)
    check_data(render_data_files(result.catalog, SITE), value)
    check_page(render_intervention(result.catalog, SITE, item), value)
    check_citations(render_citations(result.catalog, SITE), value)


for _value in EXAMPLES:
    test_a_value_is_refused_at_its_line_or_every_writer_reads_it_back = example(value=_value)(
        test_a_value_is_refused_at_its_line_or_every_writer_reads_it_back)


class _Title(HTMLParser):
    """The text of <h1 id="titel"> and every tag, as a browser's tokenizer sees them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.inside, self.text, self.tags = False, "", []

    def handle_starttag(self, tag, attrs) -> None:
        self.tags.append(tag)
        self.inside = tag == "h1" and ("id", "titel") in attrs

    def handle_endtag(self, tag) -> None:
        self.inside = self.inside and tag != "h1"

    def handle_data(self, data) -> None:
        if self.inside:
            self.text += data


def check_page(page: str, value: str) -> None:
    """The entry page's header (YAML, read by the renderer) and its title in HTML."""
    _, header, body = page.split("---\n", 2)
    meta = yaml.safe_load(header)
    # HTML-escaped on purpose: the theme prints titles as they are (render/common.page_header)
    assert html.unescape(meta["title"]) == value and "<" not in meta["title"]
    assert json.loads(meta["jsonld"])["name"] == value
    assert "<" not in meta["jsonld"]  # printed inside <script>: never closes it
    parser = _Title()
    parser.feed(body)
    parser.close()
    assert parser.text == value
    assert "script" not in parser.tags


def check_feeds(files: dict[str, str], value: str) -> None:
    for name, text in files.items():
        root = ET.fromstring(text.encode("utf-8"))  # ill-formed XML raises here
        titles = [t.text for t in root.iter("{http://www.w3.org/2005/Atom}title")]
        if name == "feed.xml":
            assert any(value in (t or "") for t in titles), (titles, value)


def check_data(files: dict[str, str], value: str) -> None:
    record = json.loads(files["data/interventies.json"])["interventions"][0]
    assert record["title"] == value
    text = files["data/interventies.csv"].removeprefix("\ufeff")
    for separator in (",", *SEPARATORS):
        for row in csv.reader(io.StringIO(text, newline=""), delimiter=separator):
            for cell in row:  # no cell a spreadsheet could make of it starts a formula
                for line in re.split(r"[\r\n]", cell):
                    assert not FORMULA_RE.match(line), (separator, cell)
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    assert len(rows) == 1
    assert rows[0]["title"].replace("'", "") == value.replace("'", "")


def check_citations(files: dict[str, str], value: str) -> None:
    ris_text = next(t for n, t in files.items() if n.endswith(".ris"))
    (record,) = rispy.loads(ris_text)
    assert record["title"] == one_line(value)
    csl = json.loads(next(t for n, t in files.items() if n.endswith(".json")))
    assert csl[0]["title"] == value
    bib = next(t for n, t in files.items() if n.endswith(".bib"))
    database = pybtex.database.parse_string(bib, "bibtex")  # classic brace counting
    (entry,) = database.entries.values()
    assert len(entry.persons["author"]) == 1
    if value.isascii():  # non-ASCII is written as LaTeX accents or a code: compared below
        assert latex_text(entry.fields["title"]) == one_line(value)


def latex_text(latex: str) -> str:
    """A LaTeX field as text, with the brace commands LaTeX itself defines."""
    context = get_default_latex_context_db().filter_context()
    context.add_context_category("braces", prepend=True, macros=[
        MacroTextSpec("textbraceleft", "{"), MacroTextSpec("textbraceright", "}"),
        MacroTextSpec("textasciicircum", "^"), MacroTextSpec("textquotedbl", "\"")])
    return LatexNodes2Text(latex_context=context, math_mode="verbatim",
                           strict_latex_spaces=True).latex_to_text(latex)


WORDS = st.sampled_from(["Kees", "van", "der", "Linden", "and", "AND", "And", "en", "Anne-Marie",
                         "{x", "y}", "O'Neil", "%", "&", "de", "Vries,", "jr"])


@settings(deadline=None, max_examples=300)
@given(names=st.lists(st.lists(WORDS, min_size=1, max_size=5).map(" ".join), min_size=1,
                      max_size=4),
       title=st.text(st.characters(min_codepoint=32, max_codepoint=126), min_size=1,
                     max_size=40))
def test_bibtex_keeps_the_author_count_and_the_title(names: list[str], title: str) -> None:
    cite = Citation("k", title, tuple(person_name(n) for n in names), BUILD_DATE, "g", "p",
                    "https://example.org/", "s", ())
    database = pybtex.database.parse_string(bibtex(cite), "bibtex")
    (entry,) = database.entries.values()
    assert len(entry.persons["author"]) == len(names)
    assert latex_text(entry.fields["title"]) == one_line(title)


def test_an_organisation_with_and_is_one_author() -> None:
    cite = Citation("k", "{Titel", (Name(literal="Zorg and Welzijn"), person_name("Kees and Co")),
                    BUILD_DATE, "g", "p", "https://example.org/", "s", ())
    entry = next(iter(pybtex.database.parse_string(bibtex(cite), "bibtex").entries.values()))
    assert len(entry.persons["author"]) == 2
    assert latex_text(entry.fields["title"]) == "{Titel"
