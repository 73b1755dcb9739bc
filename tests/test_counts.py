"""One count per thing: every page of the built site that counts interventions says the same
number of active ones, and names the withdrawn ones it also lists (generator.content.catalog's
count_interventions is the only place that counts). Numbers come from the catalog."""

from __future__ import annotations

import html
import re
from pathlib import Path

from generator.content.catalog import EXPIRED, NOT_ASSESSED

COUNT = re.compile(r"(\d+) interventies?(?: \(en (\d+) ingetrokken\))?")


def text(site: Path, path: str) -> str:
    """The visible text of a built page, tags and soft hyphens removed."""
    page = (site / path / "index.html").read_text(encoding="utf-8")
    page = re.sub(r"<(script|style)\b.*?</\1>", " ", page, flags=re.S)
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", page))).replace("\u00ad", "")


def counts_after(words: str, page_text: str) -> tuple[int, int]:
    """(active, withdrawn) of the count that follows `words` on a page."""
    match = re.search(re.escape(words) + r"\s*" + COUNT.pattern, page_text)
    assert match, f"no count after {words!r}"
    return int(match.group(1)), int(match.group(2) or 0)


def test_home_finder_and_open_data_agree(site, catalog):
    expected = (len(catalog.active), len(catalog.interventions) - len(catalog.active))
    assert expected[1] > 0  # the shipped content has a withdrawn intervention to name
    assert counts_after("databank van sociale interventies:", text(site, "")) == expected
    assert counts_after("Alle", text(site, "interventies")) == expected
    data = text(site, "data")
    assert re.findall(COUNT.pattern + ", één per rij", data) == [tuple(map(str, expected))]


def test_recognition_overview_agrees_with_each_level_page(site, catalog):
    overview_html = (site / "erkenning" / "index.html").read_text(encoding="utf-8")
    levels = [t.id for t in catalog.vocab.terms("recognition_levels")] + [EXPIRED, NOT_ASSESSED]
    total = 0
    for level in levels:
        page = text(site, f"erkenning/{level}")
        active, withdrawn = counts_after("", page.split("Filter deze interventies")[0][-200:])
        items = catalog.with_level(level)
        assert (active, withdrawn) == (sum(not i.withdrawn for i in items),
                                       sum(i.withdrawn for i in items)), level
        row = re.search(r'href="' + level + r'/".*?</tr>', overview_html, re.S)
        assert row, level
        cell = html.unescape(re.sub(r"<[^>]+>", " ", row.group().split("Aantal")[-1]))
        cell = cell.replace("\u00ad", "")
        assert counts_after("", cell) == (active, withdrawn), level
        total += active
    assert total == len(catalog.active)


def test_theme_tiles_agree_with_theme_pages(site, catalog):
    home = text(site, "")
    for term in catalog.vocab.terms("themes"):
        tile = re.search(re.escape(term.label) + r" (\d+) interventies?", home)
        page = text(site, f"themas/{term.id}")
        lead = re.search(r"Filter deze interventies", page)
        assert tile and lead
        active, _ = counts_after(" ", page[lead.start() - 300:lead.start()])
        assert int(tile.group(1)) == active == sum(not i.withdrawn
                                                   for i in catalog.with_theme(term.id))
