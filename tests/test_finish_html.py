"""The last HTML pass (generator/postprocess/finish_html.py, generator/render/hyphenate.py): soft
hyphens in the
long words a reader sees, nowhere else; named permalinks; and a search index without them."""

from __future__ import annotations

import json
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.postprocess.finish_html import finish_page, name_permalinks
from generator.render.hyphenate import (
    _TAG,
    HEADING_MIN_WORD,
    MARKER,
    MIN_WORD,
    SOFT_HYPHEN,
    hyphenate_headings,
    hyphenate_text,
)


def shown(text: str) -> str:
    return text.replace(SOFT_HYPHEN, "|")


def test_long_dutch_words_get_syllable_breaks_and_short_ones_none():
    assert shown(hyphenate_text("Eenzaamheid bij ouderen")) == "Een|zaam|heid bij ouderen"
    assert SOFT_HYPHEN not in hyphenate_text("Doelen en thema bij ouderen")


def test_addresses_file_names_and_keys_stay_whole():
    for value in ("info@samentegeneenzaamheid.example.org", "https://www.kleinekernen.nl/x",
                  "vocabularies.yml", "intermediate_target_groups"):
        assert hyphenate_text(value) == value


def test_only_the_long_words_of_main_headings_change():
    page = ('<html><head><title>Mantelzorgondersteuning</title></head><body>'
            '<h1 id="titel" title="Mantelzorgondersteuning">Wat werkt bij '
            'mantelzorgondersteuning</h1><h2>Buurtbemiddeling</h2>'
            '<p>Mantelzorgondersteuning</p><h3>Mantelzorgondersteuning</h3></body></html>')
    result = hyphenate_headings(page)
    assert result.count(SOFT_HYPHEN) == hyphenate_text("mantelzorgondersteuning").count(
        SOFT_HYPHEN) > 0
    # short words (16 letters fit a phone's heading), attributes and other elements stay whole
    assert "<h2>Buurtbemiddeling</h2>" in result and 'title="Mantelzorgondersteuning"' in result
    assert result.replace(SOFT_HYPHEN, "") == page


def test_permalinks_are_named_after_their_section():
    page = ('<h2 id="doel">Doel &amp; aanpak<a class="headerlink" href="#doel" '
            'title="Link naar deze sectie">¶</a></h2>')
    assert 'aria-label="Link naar deze sectie: Doel &amp; aanpak"' in name_permalinks(page)
    assert finish_page(page).count("aria-label") == 1
    # a heading without a permalink does not borrow the next heading's
    two = '<h1 id="titel">Titel</h1><p>Tekst</p>' + page
    assert 'aria-label="Link naar deze sectie: Doel &amp; aanpak"' in name_permalinks(two)
    # Python-Markdown writes the pilcrow as an entity
    assert "aria-label" in name_permalinks(page.replace(">¶<", ">&para;<"))


def test_built_pages_carry_soft_hyphens_and_the_search_index_none(site):
    theme = (site / "themas" / "mantelzorgondersteuning" / "index.html").read_text("utf-8")
    assert SOFT_HYPHEN in theme.split('id="titel"')[1].split("</h1>")[0]
    dossier = (site / "dossiers" / "eenzaamheid" / "index.html").read_text(encoding="utf-8")
    assert 'class="headerlink"' in dossier and ">¶</a>" in dossier
    links = dossier.split('class="headerlink"')[1:]
    assert all("aria-label" in link.split(">¶")[0] for link in links)
    for name in ("search_index.json", "search_index_full.json"):  # primary and full index
        index = json.loads((site / "search" / name).read_text(encoding="utf-8"))
        assert not any(SOFT_HYPHEN in doc["text"] + doc["title"] for doc in index["docs"])


def test_marked_table_cells_get_syllable_breaks_and_other_cells_none():
    """The evidence map's theme names (data-ww-hyphenate) break with a hyphen on a phone; an
    unmarked cell, and the marked cell's attributes, stay as they are."""
    page = ('<table><tr><th scope="row" data-ww-hyphenate>Mantelzorgondersteuning</th>'
            "<td>Mantelzorgondersteuning</td></tr></table>")
    done = hyphenate_headings(page)
    marked, plain = done.split("</th>")
    assert SOFT_HYPHEN in marked and marked.replace(SOFT_HYPHEN, "") == page.split("</th>")[0]
    assert plain == page.split("</th>")[1]


def _hyphenate_tag_by_tag(page: str, min_word: int) -> str:
    """The plain reading hyphenate_headings must agree with: split the page into text and
    tags, follow every tag, hyphenate the text inside a main heading or a marked cell."""
    parts = _TAG.split(page)
    depth = marked = 0
    for index, part in enumerate(parts):
        if index % 2:
            heading = re.match(r"<(/?)(h[12])\b", part, re.I)
            if heading:
                depth += -1 if heading.group(1) else 1
            cell = re.match(r"<(/?)(th|td)\b([^>]*)>", part, re.I)
            if cell and (cell.group(1) or MARKER in cell.group(3)):
                marked = 0 if cell.group(1) else 1
        elif part.strip() and (depth > 0 or marked):
            parts[index] = hyphenate_text(part, min_word if depth > 0 else MIN_WORD)
    return "".join(parts)


# Tags that switch hyphenation on and off, look-alikes that must not, and text around them.
_FRAGMENTS = ("<h2>", "</h2>", "<H1 id=x>", "</h1 >", "<h2", "<h3>", "<th>", "</TH>",
              f"<td {MARKER}>", f"<th x='{MARKER}'>", "</td>", "<td>", "<!--", "-->",
              "<!-- <h2> -->", "<", ">", " ", "\n", "Mantelzorgondersteuningen",
              "Eenzaamheidsbestrijding", "kort", '<a title="<h2>">', "<span>", "</span>",
              "<h12>", "<h2x>", "<thead>", "<!-->", "<h1/>", "x@mantelzorgondersteuning.nl",
              "<!--x>", "<br/>", "&amp;")


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(_FRAGMENTS), max_size=30),
       st.sampled_from((HEADING_MIN_WORD, MIN_WORD)))
def test_headings_are_found_as_a_tag_by_tag_reading_finds_them(fragments, min_word):
    page = "".join(fragments)
    assert hyphenate_headings(page, min_word) == _hyphenate_tag_by_tag(page, min_word)
