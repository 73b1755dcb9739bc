"""The sanitizer's report of what it removed: the fast census (one regular expression, for the
simple HTML that Python-Markdown and nh3 write) must report exactly what html.parser's census
reports, on the hostile corpus and on random HTML. A missed removal would hide a gap in the
check, so identity is asserted, not just "no false alarm"."""

from __future__ import annotations

from collections import Counter

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from generator.postprocess.sanitize import (
    _COMMENT_RE,
    _Census,
    _census,
    _removed,
    _simple_tags,
    _tally,
    sanitize_html,
)
from tests.reliability.documents import (
    body,
    document,
    dossier,
    intervention,
    run_pipeline,
    to_html,
)
from tests.reliability.payloads import BODY, TEXT, URL

SETTINGS = settings(deadline=None, max_examples=200,
                    suppress_health_check=[HealthCheck.too_slow])


def reference_removed(before: str, after: str) -> list[str]:
    """The report as it was before the fast path: html.parser's census of both texts."""
    def census(html: str) -> Counter:
        parser = _Census()
        try:
            parser.feed(_COMMENT_RE.sub("", html))
            parser.close()
        except Exception:  # noqa: BLE001 - as the sanitizer: a census never raises
            pass
        return parser.seen

    old, new = census(before), census(after)
    return sorted(name for name, count in old.items() if new[name] < count)


def _is_simple(html: str) -> bool:
    return _simple_tags(_COMMENT_RE.sub("", html)) is not None


# ----------------------------------------------------------------------- the hostile corpus

@pytest.fixture(scope="module")
def corpus_pages() -> dict[str, str]:
    """Every payload as the sanitizer meets it: raw, through Python-Markdown in a body, and as
    a whole entry page (body payloads the check lets through, text and URL payloads in every
    frontmatter field that takes them)."""
    pages = {f"raw {name}": payload for name, payload in BODY + TEXT + URL}
    pages |= {f"markdown {name}": to_html(body("intervention", payload))
              for name, payload in BODY}
    files = {f"interventions/body-{i}.md": document(intervention(title=name),
                                                    body("intervention", payload))
             for i, (name, payload) in enumerate(BODY)}
    for i, (_, payload) in enumerate(TEXT):
        files[f"interventions/tekst-{i}.md"] = document(
            intervention(title=payload, summary=payload, outcomes=[payload]), body("intervention"))
        files[f"dossiers/tekst-{i}.md"] = document(
            dossier(title=payload, summary=payload, authors=[payload],
                    sources=[{"title": payload, "url": "https://www.example.org/r"}]),
            body("dossier"))
    for i, (_, url) in enumerate(URL):
        files[f"interventions/url-{i}.md"] = document(
            intervention(owner={"organisation": "X", "website": url}), body("intervention"))
    outcome = run_pipeline(files)
    pages |= {f"page {path}": to_html(markdown) for path, markdown in outcome.pages.items()
              if path.startswith(("interventies/", "dossiers/")) and path.count("/") == 1
              and path.endswith(".md") and not path.endswith("/index.md")}
    return pages


def test_every_payload_gets_the_same_report_as_html_parser_gives(corpus_pages):
    reported = {}
    for name, html in corpus_pages.items():
        cleaned = sanitize_html(html)
        assert cleaned.removed == reference_removed(html, cleaned.html), name
        reported[name] = cleaned.removed
    assert sum(bool(removed) for removed in reported.values()) >= 100
    assert reported["raw img-onerror"] == ["<img onerror>"]
    assert reported["raw script"] == ["<script>"]
    # The fast census decided many of them: simple HTML on both sides, with and without a
    # removal (a removal it sees is reported as html.parser words it).
    simple = [name for name, html in corpus_pages.items()
              if _is_simple(html) and _is_simple(sanitize_html(html).html)]
    assert sum(name.startswith("page ") and not reported[name] for name in simple) >= 20
    assert sum(bool(reported[name]) for name in simple) >= 10
    assert reported["markdown md-link-javascript"] == ["<a href>"]
    assert "markdown md-link-javascript" in simple


def test_a_removal_on_a_simple_page_is_still_reported():
    """The fast census sees a removed attribute or tag in simple HTML too (and defers to
    html.parser for the message)."""
    page = to_html(body("intervention", '<p title="t" onclick="x()">tekst</p>\n\n'
                                        '<iframe src="https://example.org/"></iframe>'))
    cleaned = sanitize_html(page)
    assert _is_simple(page) and _is_simple(cleaned.html)
    assert cleaned.removed == ["<iframe src>", "<iframe>", "<p onclick>"]


# ------------------------------------------------------------------------------ random HTML

_SPACES = st.sampled_from([" ", "\n", "\t", "\r", "\f", "  "])
_TAG_NAMES = st.sampled_from(["p", "a", "A", "img", "IMG", "br", "div", "h2", "td", "abbr",
                              "details", "iframe", "svg", "my-el", "b"])
_ATTRIBUTE_NAMES = st.sampled_from(["href", "HREF", "class", "id", "title", "rel", "REL",
                                    "onclick", "onerror", "style", "src", "data-x", "open",
                                    "xml:lang", "a.b", "_x"])
_VALUE_TEXT = st.lists(st.sampled_from(list("ab >'&;=/\n") + ["&quot;", "&#60;", "é"]),
                       max_size=8).map("".join)
_TEXT = st.lists(st.sampled_from(list("ab >\"'&;=/\n") + ["&lt;", "&#60;", "é"]),
                 max_size=8).map("".join)


@st.composite
def _start_tag(draw) -> str:
    attributes = draw(st.lists(st.builds(
        lambda space, name, value: space + name + ("" if value is None else f'="{value}"'),
        _SPACES, _ATTRIBUTE_NAMES, st.none() | _VALUE_TEXT), max_size=7))
    ending = draw(st.sampled_from([">", "/>", " >", " />", "\n>"]))
    return "<" + draw(_TAG_NAMES) + "".join(attributes) + ending


# HTML in the simple form the fast census reads (always recognised as such)...
_SIMPLE_PARTS = _TEXT | _start_tag() | st.builds(lambda name, space: f"</{name}{space}>",
                                                 _TAG_NAMES, st.just("") | _SPACES)
SIMPLE_HTML = st.lists(_SIMPLE_PARTS, max_size=12).map("".join)
# ...and with anything else mixed in: comments, other quoting, script and style, declarations,
# odd whitespace and names, stray '<' and '>'.
_ODD = st.sampled_from([
    "<", ">", "</", "<!", "<?", "<!--", "-->", "--!>", "<!-->", "<!--->", "'", '"', "=", "/",
    "\x0b", "\xa0", "\x00", "<script>", "</script>", "<SCRIPT>", "<style>", "</style >",
    "<p title='a>b'>", "<img src=x onerror=y>", "<a href=x>", '<p title="<b>">',
    "<p\xa0class=\"x\">", "<p\x0bclass=\"x\">", "<o:p>", "<p &#111;nclick=x>", "<!DOCTYPE html>",
    "<![CDATA[<b>]]>", '<a b="c"d="e">', "<p a==b>", "<br/ >", "&", "&#", "&#x3c;", "<ü>",
    "<\u212a>", "<textarea><b></textarea>", "<b class=\"", "<noscript><p title=\"</noscript><b>\">",
])
HTMLISH = st.lists(_SIMPLE_PARTS | _ODD, max_size=12).map("".join)


@SETTINGS
@given(SIMPLE_HTML)
def test_simple_html_is_read_by_the_fast_census_exactly_as_html_parser_reads_it(html):
    tags = _simple_tags(html)
    assert tags is not None
    assert _tally(tags) == _census(html)


@SETTINGS
@given(HTMLISH)
@example('<script><b class="x"></script>')  # html.parser reads script and style as text
@example('<STYLE><b class="x"></style >')
@example('<p\xa0class="x">')  # html.parser ends a tag name only at HTML's own whitespace
@example('<p\x0bclass="x">')
@example('<p title="a">x < y</p>')  # a stray '<'
def test_the_fast_census_answers_only_what_html_parser_would(html):
    text = _COMMENT_RE.sub("", html)
    tags = _simple_tags(text)
    if tags is not None:
        assert _tally(tags) == _census(text)


@SETTINGS
@given(HTMLISH)
def test_random_html_gets_the_same_report_as_html_parser_gives(html):
    cleaned = sanitize_html(html)
    assert cleaned.removed == reference_removed(html, cleaned.html)


@SETTINGS
@given(HTMLISH, HTMLISH)
def test_equal_fast_censuses_mean_that_html_parser_finds_nothing_removed(before, after):
    """Any two texts, not only a text and nh3's output: the fast path's "nothing removed" is
    html.parser's answer too, and any other answer comes from html.parser."""
    assert _removed(before, after) == reference_removed(before, after)
