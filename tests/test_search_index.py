"""What Material's search index holds for an intervention: the fact card's values as words of
their own (not glued to their labels), and none of the page's navigation aids."""

from __future__ import annotations

import json
import re


def index(site) -> dict:
    return json.loads((site / "search" / "search_index.json").read_text("utf-8"))


def tokens(text: str, separator: str) -> set[str]:
    plain = re.sub(r"<[^>]+>", " ", text)
    # lunr's trimmer takes punctuation off both ends of a token, as the reader's browser does
    trimmed = (re.sub(r"^\W+|\W+$", "", t) for t in re.split(separator, plain))
    return {t.lower() for t in trimmed if t}


def test_fact_card_values_are_words_of_their_own(site, catalog) -> None:
    data = index(site)
    separator = data["config"]["separator"]
    docs = {d["location"]: d for d in data["docs"]}
    for item in catalog.interventions:
        words = tokens(docs[f"interventies/{item.slug}/#titel"]["text"], separator)
        for group in item.target_groups:
            label = catalog.vocab.label("target_groups", group)
            assert set(tokens(label, separator)) <= words, (item.slug, label)
        if item.owner:  # its name was glued to the website that follows it
            assert tokens(item.owner.organisation, separator) <= words, item.slug


def test_jump_links_and_history_line_are_not_indexed(site) -> None:
    texts = [d["text"] for d in index(site)["docs"]]
    assert not any("Direct naar" in t for t in texts)
    assert not any("Bekijk de geschiedenis" in t for t in texts)
