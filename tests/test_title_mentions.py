"""The title finder of the title-without-link notice (generator/check/title_mentions.py) finds
exactly what one regular expression of all titles finds, in time linear in the text (the
regular expression took time proportional to text × titles: minutes at 4,000 entries)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.check.title_mentions import TitleFinder

WORDS = ["Buurt", "buurt", "bemiddeling", "Buurtbemiddeling", "Samen", "Thuis", "in",
         "de", "Wijk", "Aanpak", "'t", "(Online)", "Eigen", "Kracht", "Kracht-", "a_b", "é",
         "Één", "12", "x"]
SEPARATORS = [" ", "-", "\n", ", ", ". ", "**", "_", "'", "(", ")", "/", ""]


def reference(titles: list[str], text: str) -> list[str]:
    pattern = re.compile("|".join(rf"(?<![\w-]){re.escape(title)}(?![\w-])"
                                  for title in sorted(titles, key=len, reverse=True)))
    return [match[0] for match in pattern.finditer(text)]


_title = st.lists(st.sampled_from(WORDS), min_size=1, max_size=3).map(" ".join)
_text = st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from(SEPARATORS)),
                 max_size=60).map(lambda pairs: "".join(w + s for w, s in pairs))


@settings(max_examples=400, deadline=None)
@given(st.lists(_title, min_size=1, max_size=12, unique=True), _text, st.booleans())
def test_the_finder_finds_what_the_regular_expression_finds(titles, text, split_words):
    """Both ways to see which first words occur: per word (few titles) and by splitting the
    text into words (many titles)."""
    import generator.check.title_mentions as module

    few = module._FEW_KEYS
    module._FEW_KEYS = 0 if split_words else 10_000
    try:
        assert TitleFinder(titles).find_all(text) == reference(titles, text)
    finally:
        module._FEW_KEYS = few


def test_examples():
    finder = TitleFinder(["Buurtbemiddeling", "Buurt", "Samen Thuis", "Samen"])
    assert finder.find_all("Buurtbemiddeling en Samen Thuis, niet Buurtje of Samen-doen; "
                           "wel Buurt.") == ["Buurtbemiddeling", "Samen Thuis", "Buurt"]


def test_four_thousand_titles_are_looked_up_not_tried():
    """With 4,000 titles the finder tries only the titles that start with the word at hand."""
    titles = [f"Aanpak {n}" for n in range(4_000)] + ["Buurtbemiddeling"]
    finder = TitleFinder(titles)
    lengths, titles_here = finder.by_start["Aanpak"]
    assert len(titles_here) == 4_000 and lengths == [11, 10, 9, 8]  # four lengths to try
    assert finder.by_start["Buurtbemiddeling"] == ([16], {"Buurtbemiddeling"})
    assert finder.find_all("Wij gebruiken Aanpak 12 en Buurtbemiddeling.") == \
        ["Aanpak 12", "Buurtbemiddeling"]
