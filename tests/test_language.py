"""English source titles carry lang="en" (WCAG 3.1.2): generator/render/language.py decides,
the Bronnen list of a dossier shows it."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.render.language import DUTCH, ENGLISH, text_language

english_word = st.sampled_from(sorted(ENGLISH))
dutch_word = st.sampled_from(sorted(DUTCH))
# A name or a word of neither list ('Aan' is the Dutch 'aan': hypothesis found it).
other_word = st.from_regex(r"[A-Z][a-z]{2,9}", fullmatch=True).filter(
    lambda word: word.lower() not in DUTCH | ENGLISH)


@settings(deadline=None)
@given(st.lists(english_word, min_size=2, max_size=6), st.lists(other_word, max_size=4))
def test_plain_english_is_english(english, others):
    assert text_language(" ".join(english + others)) == "en"


@settings(deadline=None)
@given(st.lists(english_word, max_size=6), st.lists(dutch_word, min_size=1, max_size=3),
       st.lists(other_word, max_size=4))
def test_a_dutch_word_keeps_the_page_language(english, dutch, others):
    assert text_language(" ".join(english + dutch + others)) is None


def test_the_shipped_examples():
    assert text_language("Supported employment for adults with severe mental illness") == "en"
    assert text_language("A Typology of Domestic Violence: Intimate Terrorism") == "en"
    assert text_language("Vereenzaming in de samenleving") is None
    assert text_language("Elsendorp: small village, great people. Procesevaluatie zorg door "
                         "en voor het dorp Elsendorp 2009") is None
    assert text_language("Werkprogramma 2023") is None


def test_the_sources_list_marks_english_titles(site):
    page = (site / "dossiers" / "arbeidstoeleiding" / "index.html").read_text("utf-8")
    assert '<cite lang="en">Indi' in page.replace("\u00ad", "")
    assert '<cite>Bestaanszekerheid' in page.replace("\u00ad", "")
