"""The hostile corpus through the real pipeline: every payload is rejected by the check or
rendered inert, in a body and in every frontmatter text and URL field. The browser side is in
tests/browser/test_xss.py."""

from __future__ import annotations

import pytest
from markupsafe import escape

from generator.postprocess.sanitize import sanitize_html
from tests.reliability.documents import body, document, dossier, intervention, run_pipeline, to_html
from tests.reliability.inert import MARKER, dangers
from tests.reliability.payloads import BODY, TEXT, URL

HTML_CODES = {"html-not-allowed", "unsafe-url"}


@pytest.fixture(scope="module")
def body_outcome():
    """Every body payload in its own intervention, one pipeline run."""
    files = {f"interventions/{name}.md": document(intervention(title=name),
                                                  body("intervention", payload))
             for name, payload in BODY}
    return run_pipeline(files)


def _page_html(outcome, name: str) -> str:
    return to_html(outcome.pages[f"interventies/{name}.md"])


@pytest.mark.parametrize("name", [name for name, _ in BODY])
def test_body_payload_is_rejected_or_inert(body_outcome, name):
    errors = body_outcome.errors(f"interventions/{name}.md")
    if errors:
        assert {e.code for e in errors} <= HTML_CODES, [e.message for e in errors]
        assert all(e.line and e.line >= 20 for e in errors)  # in the body, at its line
        assert f"interventies/{name}.md" not in body_outcome.pages
        return
    cleaned = sanitize_html(_page_html(body_outcome, name))
    assert dangers(cleaned.html) == []


def test_the_check_rejects_most_of_the_corpus(body_outcome):
    rejected = [name for name, _ in BODY if body_outcome.errors(f"interventions/{name}.md")]
    assert len(rejected) >= 80, len(rejected)
    for inert_on_purpose in ("escaped-text", "code-span", "code-block", "safe-link",
                             "safe-markup"):
        assert inert_on_purpose not in rejected


def test_what_the_check_lets_through_is_cleaned_and_reported(body_outcome):
    """Defence in depth: a payload that passes the check but would be live in Python-Markdown's
    output is removed by the sanitizer, and the removal is reported (a warning in the build)."""
    for name, _ in BODY:
        if body_outcome.errors(f"interventions/{name}.md"):
            continue
        raw = _page_html(body_outcome, name)
        cleaned = sanitize_html(raw)
        if dangers(raw):
            assert cleaned.removed, name
        assert MARKER not in cleaned.html or dangers(cleaned.html) == []


def test_sanitizer_alone_makes_every_payload_inert():
    """As if the check had missed everything: each payload straight through Python-Markdown."""
    for name, payload in BODY:
        cleaned = sanitize_html(to_html(body("intervention", payload)))
        assert dangers(cleaned.html) == [], name


def test_sanitizer_keeps_what_editors_and_templates_may_write():
    html = to_html(body("intervention", "Tekst[^1] over HTML.\n\n| a | b |\n|:-|-:|\n| 1 | 2 |\n\n"
                        "Term\n:   Uitleg\n\n!!! note \"Let op\"\n    Inhoud.\n\n"
                        "<details><summary>Meer</summary><p>x</p></details>\n\n"
                        '<a href="https://example.org/" title="t">link</a> '
                        '<a href="mailto:a@example.org">mail</a> <a href="#doel">anker</a>\n\n'
                        '<img src="../x.png" alt="x" width="10" height="10">\n\n'
                        "*[HTML]: HyperText\n\n[^1]: Een voetnoot."))
    cleaned = sanitize_html(html)
    assert cleaned.removed == []
    for kept in ('id="fn:1"', 'class="footnote-backref"', 'style="text-align:left"', "<dd>",
                 'class="admonition note"', "<details>", 'href="https://example.org/"',
                 'href="mailto:a@example.org"', 'href="#doel"', 'src="../x.png"',
                 '<abbr title="HyperText">', 'class="headerlink"'):
        assert kept in cleaned.html, kept


INTERVENTION_TEXT_FIELDS = ("title", "summary", "costs", "owner.organisation", "outcomes")
DOSSIER_TEXT_FIELDS = ("title", "summary", "authors", "sources.title")


def _with(data: dict, field: str, value: str) -> dict:
    if field in ("outcomes", "authors"):
        data[field] = [value]
    elif field == "owner.organisation":
        data["owner"] = {**data["owner"], "organisation": value}
    elif field == "sources.title":
        data["sources"] = [{"title": value, "url": "https://www.example.org/rapport"}]
    else:
        data[field] = value
    return data


@pytest.fixture(scope="module")
def text_outcome():
    files = {}
    for index, (_, payload) in enumerate(TEXT):
        item = intervention()
        for field in INTERVENTION_TEXT_FIELDS:
            _with(item, field, payload)
        files[f"interventions/tekst-{index}.md"] = document(item, body("intervention"))
        data = dossier(interventions=[f"tekst-{index}"])
        for field in DOSSIER_TEXT_FIELDS:
            _with(data, field, payload)
        files[f"dossiers/tekst-{index}.md"] = document(data, body("dossier"))
    return run_pipeline(files)


def test_frontmatter_text_payloads_are_accepted_and_escaped_everywhere(text_outcome):
    """Text fields take any text; templates escape it, so on every page (entries, overviews,
    home, finder) it shows as text and runs nothing."""
    assert text_outcome.errors() == []
    assert len(text_outcome.catalog.interventions) == len(TEXT)
    for path, markdown in text_outcome.pages.items():
        if not path.endswith(".md"):
            continue
        html = to_html(markdown)
        if path.startswith(("interventies/tekst-", "dossiers/tekst-")):
            html = sanitize_html(html).html
            assert dangers(html) == [], path
        else:
            assert dangers(html, strict=False) == [], path


def test_frontmatter_text_is_shown_literally_on_the_entry_page(text_outcome):
    from html.parser import HTMLParser

    class Text(HTMLParser):
        chunks: list[str] = []

        def handle_data(self, data):
            self.chunks.append(data)

    for index, (name, payload) in enumerate(TEXT):
        parser = Text()
        parser.chunks = []
        parser.feed(sanitize_html(to_html(text_outcome.pages[f"interventies/tekst-{index}.md"]))
                    .html)
        visible = " ".join(" ".join(parser.chunks).split())
        assert " ".join(payload.split()) in visible, name


@pytest.mark.parametrize("name,url", URL, ids=[name for name, _ in URL])
def test_url_fields_accept_only_plain_http_addresses(name, url):
    item = intervention(owner={"organisation": "X", "website": url})
    data = dossier(sources=[{"title": "Rapport", "url": url}])
    outcome = run_pipeline({"interventions/x.md": document(item, body("intervention")),
                            "dossiers/y.md": document(data, body("dossier"))})
    errors = {(e.path, e.key) for e in outcome.errors()}
    if name in ("javascript", "javascript-case", "data", "quote-break", "attr-break",
                "fragment-html"):
        assert errors == {("interventions/x.md", "owner.website"),
                          ("dossiers/y.md", "sources[0].url")}
        return
    assert errors == set()  # an odd but plain https address: shown, and harmless
    for page in ("interventies/x.md", "dossiers/y.md"):
        html = sanitize_html(to_html(outcome.pages[page])).html
        assert dangers(html) == []
        assert f'href="{escape(url)}"' in html


def test_a_safe_url_keeps_its_query():
    item = intervention(owner={"organisation": "X", "website": dict(URL)["safe"]})
    outcome = run_pipeline({"interventions/x.md": document(item, body("intervention"))})
    html = sanitize_html(to_html(outcome.pages["interventies/x.md"])).html
    assert 'href="https://www.example.org/pad?a=1&amp;b=2"' in html
