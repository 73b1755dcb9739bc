"""The last HTML pass (generator/finish_html.py, generator/hyphenate.py): soft hyphens in the
long words a reader sees, nowhere else; named permalinks; and a search index without them."""

from __future__ import annotations

import json

from generator.finish_html import finish_page, name_permalinks
from generator.hyphenate import SOFT_HYPHEN, hyphenate_headings, hyphenate_text


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
