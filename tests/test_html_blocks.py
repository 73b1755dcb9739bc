"""Our template HTML skips Python-Markdown: taken out before, put back after, unchanged."""

from __future__ import annotations

import re

import markdown
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.postprocess.html_blocks import HtmlBlocks
from generator.render.common import Site, html_block

MARKER = "wwtestmarker0123"
CARD = '<div class="ww-card">\n<p>Kaart &amp; meer</p>\n</div>\n'


def page(site: Site) -> str:
    return ("---\ntitle: x\n---\n\n" + html_block(site, CARD) + "\n## Doel\n\nTekst.\n\n"
            + html_block(site, "<ul><li>één</li></ul>\n"))


def convert(text: str) -> str:
    return markdown.markdown(text.split("---\n\n", 1)[1], extensions=["toc"])


def lines(html: str) -> list[str]:
    return [line.rstrip() for line in html.splitlines() if line.strip()]


def test_without_a_marker_the_html_is_plain_markdown_html() -> None:
    text = page(Site())
    assert MARKER not in text and CARD in text


def test_blocks_round_trip_to_what_python_markdown_makes_of_them() -> None:
    blocks = HtmlBlocks(MARKER)
    taken = blocks.take_out("interventies/x.md", page(Site(html_marker=MARKER)))
    assert "ww-card" not in taken and "<ul>" not in taken
    html, missing = blocks.put_back("interventies/x.md", convert(taken))
    assert missing == 0
    # The same HTML; only blank lines between blocks differ.
    assert lines(html) == lines(convert(page(Site())))
    assert MARKER not in html


def test_an_editor_cannot_pose_as_a_template_block_without_the_secret() -> None:
    blocks = HtmlBlocks(MARKER)
    forged = "<!--wwother-->\n<script>alert(1)</script>\n<!--/wwother-->\n"
    text = page(Site(html_marker=MARKER)) + "\n" + forged
    taken = blocks.take_out("interventies/x.md", text)
    assert "<script>" in taken  # left to Python-Markdown and the sanitizer
    assert len(blocks.blocks["interventies/x.md"]) == 2


def test_a_swallowed_placeholder_is_counted_and_bare_ones_are_restored() -> None:
    blocks = HtmlBlocks(MARKER)
    blocks.take_out("a.md", page(Site(html_marker=MARKER)))
    html, missing = blocks.put_back("a.md", f"<div>{MARKER}-0 and the rest</div>")
    assert missing == 1
    assert html.startswith("<div>" + CARD)


def test_a_block_left_out_of_search_waits_as_a_comment_until_the_page_is_finished() -> None:
    blocks = HtmlBlocks(MARKER)
    cards = '<ul class="ww-cards" data-search-exclude><li>kaart</li></ul>\n'
    text = ("---\ntitle: x\n---\n\n" + html_block(Site(html_marker=MARKER), CARD)
            + "\n## Verwante interventies\n\n"
            + html_block(Site(html_marker=MARKER), cards, searchable=False))
    content, missing = blocks.put_back("a.md", convert(blocks.take_out("a.md", text)))
    assert missing == 0 and CARD.strip() in content
    assert "kaart" not in content and f"<!--{MARKER}-1-->" in content
    page = f"<html><body>{content}<!--{MARKER}-9--></body></html>"
    finished = blocks.put_back_late("a.md", page)
    assert cards in finished and f"<!--{MARKER}-1-->" not in finished
    assert f"<!--{MARKER}-9-->" in finished  # not one of ours: left as it is


def test_pages_without_blocks_are_left_alone() -> None:
    blocks = HtmlBlocks(MARKER)
    assert blocks.take_out("b.md", "# Titel\n") == "# Titel\n"
    assert blocks.put_back("b.md", "<h1>Titel</h1>") == ("<h1>Titel</h1>", 0)


def test_the_built_site_has_every_block_back_and_no_placeholder(site, catalog) -> None:
    page_html = (site / "interventies" / "buurtbemiddeling" / "index.html").read_text("utf-8")
    assert page_html.count('class="ww-factcard"') == 1
    assert page_html.count('<h1 id="titel"') == 1
    assert not re.search(r"\bww[0-9a-f]{24}\b", page_html)
    assert 'class="ww-cards ww-cards--compact" data-search-exclude' in page_html
    for name in ("search_index.json", "search_index_full.json"):  # primary and full index
        assert not re.search(r"ww[0-9a-f]{24}", (site / "search" / name).read_text("utf-8"))
    finder = (site / "interventies" / "index.html").read_text("utf-8")
    assert not re.search(r"\bww[0-9a-f]{24}\b", finder)
    assert finder.count("data-intervention=") == len(catalog.interventions)


# Fragments of pages: our block comments (whole, broken, nested, without their newline) among
# text that resembles them.
_PIECES = (f"<!--{MARKER}-->\n", f"<!--{MARKER} late-->\n", f"<!--/{MARKER}-->\n",
           f"<!--{MARKER}-->", f"<!--/{MARKER}-->", f"<!--{MARKER} lat-->\n", f"<!--{MARKER}",
           "<!--", "-->\n", "\n", "tekst", "<p>x</p>\n", f"{MARKER}-0", " late")


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=25))
def test_take_out_finds_the_blocks_a_regular_expression_finds(pieces):
    text = "".join(pieces)
    pattern = re.compile(rf"<!--{MARKER}( late)?-->\n(.*?)<!--/{MARKER}-->\n", re.S)
    expected = [(match[2], bool(match[1])) for match in pattern.finditer(text)]
    numbers = iter(range(len(expected)))
    expected_text = pattern.sub(lambda _: f"\n\n{MARKER}-{next(numbers)}\n\n", text)
    blocks = HtmlBlocks(MARKER)
    assert blocks.take_out("p.md", text) == expected_text
    assert blocks.blocks.get("p.md", []) == expected
