"""The last HTML pass (generator/finish_html.py, generator/hyphenate.py): soft hyphens in the
long words a reader sees, nowhere else; named permalinks; and a search index without them."""

from __future__ import annotations

import json

from generator.finish_html import finish_page, name_permalinks
from generator.hyphenate import SOFT_HYPHEN, hyphenate_html, hyphenate_text


def shown(text: str) -> str:
    return text.replace(SOFT_HYPHEN, "|")


def test_long_dutch_words_get_syllable_breaks_and_short_ones_none():
    assert shown(hyphenate_text("Eenzaamheid bij ouderen")) == "Een|zaam|heid bij ouderen"
    assert SOFT_HYPHEN not in hyphenate_text("Doelen en thema bij ouderen")


def test_addresses_file_names_and_keys_stay_whole():
    for value in ("info@samentegeneenzaamheid.example.org", "https://www.kleinekernen.nl/x",
                  "vocabularies.yml", "intermediate_target_groups"):
        assert hyphenate_text(value) == value


def test_only_visible_text_in_the_body_changes():
    page = ('<html><head><title>Mantelzorgondersteuning</title></head><body>'
            '<p title="Mantelzorgondersteuning">Mantelzorgondersteuning</p>'
            '<code>Mantelzorgondersteuning</code><script>var Mantelzorgondersteuning;</script>'
            '</body></html>')
    result = hyphenate_html(page)
    assert result.count(SOFT_HYPHEN) == hyphenate_text("Mantelzorgondersteuning").count(
        SOFT_HYPHEN)
    assert result.replace(SOFT_HYPHEN, "") == page


def test_permalinks_are_named_after_their_section():
    page = ('<h2 id="doel">Doel &amp; aanpak<a class="headerlink" href="#doel" '
            'title="Link naar deze sectie">¶</a></h2>')
    assert 'aria-label="Link naar deze sectie: Doel &amp; aanpak"' in name_permalinks(page)
    assert finish_page(page).count("aria-label") == 1
    # Python-Markdown writes the pilcrow as an entity
    assert "aria-label" in name_permalinks(page.replace(">¶<", ">&para;<"))


def test_built_pages_carry_soft_hyphens_and_the_search_index_none(site):
    dossier = (site / "dossiers" / "eenzaamheid" / "index.html").read_text(encoding="utf-8")
    assert SOFT_HYPHEN in dossier
    assert 'class="headerlink"' in dossier and ">¶</a>" in dossier
    links = dossier.split('class="headerlink"')[1:]
    assert all("aria-label" in link.split(">¶")[0] for link in links)
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert not any(SOFT_HYPHEN in doc["text"] + doc["title"] for doc in index["docs"])
