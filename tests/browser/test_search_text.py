"""The Dutch analyser both search surfaces share (theme/assets/javascripts/ww-text.js, issue 25),
run in Chromium as the site runs it: its Snowball part against the reference implementation
(the snowballstemmer package's Dutch Porter stemmer) on every word of the shipped site, the
forms it must join on word lists, and as properties over the site's own words: a word typed
with one edit or without its accents still finds that word, and the parts of a compound typed
apart find the compound."""

from __future__ import annotations

import json
import re
import unicodedata

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from tests.browser.conftest import REPO, new_page

pytestmark = pytest.mark.browser

SCRIPT = REPO / "theme" / "assets" / "javascripts" / "ww-text.js"

# Forms Dutch readers treat as one word (the classes: an adjective and its noun, a
# vowel that doubles or undoubles, z/s and v/f, plurals, an agent and its verb or -ing noun,
# a missing diaeresis).
JOINED = [
    ("eenzaam", "eenzame", "eenzaamheid"), ("groot", "grote"), ("boom", "bomen"),
    ("huis", "huizen"), ("logeerhuis", "logeerhuizen"), ("brief", "brieven"),
    ("maatje", "maatjes"), ("vlag", "vlaggen"), ("financieel", "financiële"),
    ("huisarts", "huisartsen"), ("mens", "mensen"), ("kwartiermaker", "kwartiermaken"),
    ("bemiddelaar", "bemiddeling", "bemiddelaars"), ("thuisloos", "thuisloze"),
    ("dakloos", "daklozen"), ("geïsoleerd", "geisoleerde"), ("patiënt", "patienten"),
    ("mantelzorg", "mantelzorger", "mantelzorgers"), ("jongere", "jongeren"),
    ("ondersteuning", "ondersteunen", "ondersteuner"), ("wijk", "wijken"),
    ("vrijwilliger", "vrijwilligers", "vrijwillige"), ("dorpsondersteuner", "dorpsondersteuners"),
    ("opvoeder", "opvoeders", "opvoeding"),
]
# Short words the agent rule must leave alone.
APART = [("moeder", "moed"), ("water", "wat"), ("beker", "bek"), ("huis", "huid")]

FIELDS = "{title: 10, keywords: 5, lead: 3, heading: 3, body: 1}"
BUILD_JS = """(index) => {
  const idx = new WatWerktText.Index(FIELDS);
  const words = index.config.ww_words;
  for (const d of index.docs) {
    const keywords = (d.keywords || '').split(' ').map(k => words[k] || '').join(' ');
    idx.add(d.location.includes('#') ? {heading: d.title, body: d.text}
                                     : {title: d.title, keywords: keywords, lead: d.text});
  }
  window.idx = idx;
  return idx.words();
}""".replace("FIELDS", FIELDS)
# The stems a query word may stand for, over all ways of matching it.
STEMS_JS = """(q) => {
  const parsed = idx.parse(q);
  return parsed.slots.map(s => s.ways.flatMap(w => w.stems ? w.stems.map(p => p[0])
    : w.all.flat().map(p => p[0])));
}"""


def fold(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text)
                   if not unicodedata.combining(c)).lower()


@pytest.fixture(scope="module")
def text_page(browser, built_site):
    """A blank page with the analyser and an index of the shipped site's full search index."""
    page, guard = new_page(browser, ("about:",))
    page.set_content("<!doctype html><title>analyser</title>")
    page.add_script_tag(content=SCRIPT.read_text(encoding="utf-8"))
    index = json.loads((built_site / "search" / "search_index_full.json").read_text("utf-8"))
    page.site_words = sorted(page.evaluate(BUILD_JS, index))
    yield page
    page.context.close()
    assert guard.blocked == []


def stems(page, words: list[str]) -> list[str]:
    return page.evaluate("ws => ws.map(w => WatWerktText.stem(WatWerktText.fold(w)))", words)


def letters_only(words: list[str]) -> list[str]:
    return [w for w in words if re.fullmatch(r"[a-z]{3,}", w)]


def test_snowball_part_is_snowballs_dutch_stemmer(text_page):
    snowballstemmer = pytest.importorskip("snowballstemmer")
    words = letters_only(text_page.site_words)
    assert len(words) > 1000
    ours = text_page.evaluate("ws => ws.map(WatWerktText.snowball)", words)
    reference = snowballstemmer.stemmer("dutch_porter").stemWords(words)
    differ = [(w, o, r) for w, o, r in zip(words, ours, reference, strict=True) if o != r]
    assert differ == []


@pytest.mark.parametrize("forms", JOINED, ids=lambda forms: forms[0])
def test_forms_readers_treat_as_one_word_share_a_stem(text_page, forms):
    assert len(set(stems(text_page, list(forms)))) == 1, stems(text_page, list(forms))


@pytest.mark.parametrize("pair", APART, ids=lambda pair: pair[0])
def test_different_words_keep_different_stems(text_page, pair):
    first, second = stems(text_page, list(pair))
    assert first != second


def edit(word: str, kind: int, position: int, letter: str) -> str:
    """One edit at position: drop, change or add a letter, or swap two neighbours."""
    position %= len(word)
    if kind == 0:
        return word[:position] + word[position + 1:]
    if kind == 1:
        return word[:position] + letter + word[position + 1:]
    if kind == 2:
        return word[:position] + letter + word[position:]
    position = min(position, len(word) - 2)
    return word[:position] + word[position + 1] + word[position] + word[position + 2:]


SLOW = settings(deadline=None, max_examples=150,
                suppress_health_check=[HealthCheck.function_scoped_fixture])


@SLOW
@given(data=st.data())
def test_a_site_word_typed_with_one_edit_still_finds_it(text_page, data):
    words = [w for w in letters_only(text_page.site_words) if len(w) >= 6]
    word = data.draw(st.sampled_from(words))
    typed = edit(word, data.draw(st.integers(0, 3)), data.draw(st.integers(0, 40)),
                 data.draw(st.sampled_from("abcdefghijklmnopqrstuvwxyz")))
    known = set(text_page.site_words)
    assume(typed not in known and len(typed) >= 5)
    assume(not text_page.evaluate("(w) => idx.has(WatWerktText.stem(w))", typed))
    [found] = text_page.evaluate(STEMS_JS, typed)
    # Another site word may also be one edit away, or the typo a prefix or a compound of
    # others: the word itself must be among what it stands for.
    assert stems(text_page, [word])[0] in found, (word, typed, found[:10])


@SLOW
@given(data=st.data())
def test_accents_make_no_difference(text_page, data):
    word = data.draw(st.sampled_from([w for w in letters_only(text_page.site_words)
                                      if re.search("[aeiou]", w)]))
    marks = data.draw(st.lists(st.sampled_from(["\u0301", "\u0308", "\u0300"]), min_size=1,
                               max_size=3))
    vowels = [i for i, c in enumerate(word) if c in "aeiou"]
    accented = list(word)
    for mark, at in zip(marks, data.draw(st.permutations(vowels)), strict=False):
        accented[at] += mark
    typed = unicodedata.normalize("NFC", "".join(accented)).upper()
    assert stems(text_page, [typed]) == stems(text_page, [word])


def test_parts_of_every_compound_typed_apart_find_it(text_page):
    """Every site word that is two site words glued (schuldhulp = schuld + hulp) is found
    when the reader types the parts apart."""
    words = letters_only(text_page.site_words)
    known = set(words)
    compounds = []
    for word in words:
        for cut in range(4, len(word) - 3):
            head, tail = word[:cut], word[cut:]
            if head in known and tail in known and len(tail) >= 4:
                compounds.append((word, f"{head} {tail}"))
                break
    assert len(compounds) > 50
    for word, typed in compounds:
        found = text_page.evaluate(STEMS_JS, typed)
        assert len(found) == 1 and stems(text_page, [word])[0] in found[0], (word, typed, found)
