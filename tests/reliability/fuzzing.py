"""The properties the fuzz tests check, shared by tests/reliability/test_fuzz.py (a modest
number of examples, and a long run behind the `slow` marker) and bench/fuzz.py (counts).

Every example goes the whole way: bytes -> load -> validate -> catalog -> render ->
Python-Markdown -> sanitizer. Nothing may raise, a file with an error never reaches a page,
and no page that is built can run script.
"""

from __future__ import annotations

from collections import Counter
from html.parser import HTMLParser

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.core.issues import Issue, Severity
from generator.postprocess.sanitize import sanitize_html
from tests.reliability.documents import document, run_pipeline, to_html
from tests.reliability.inert import dangers
from tests.reliability.strategies import MARKDOWN_HTML, frontmatter, mutated, sections

STATS: Counter = Counter()  # examples run, files rejected, pages rendered, per property
INTERVENTION, DOSSIER = "interventions/x.md", "dossiers/y.md"
SLUGS = ("x",)


def _well_formed(issue: Issue, paths: set[str]) -> None:
    assert isinstance(issue.severity, Severity)
    assert issue.path in paths | {"vocabularies.yml"}
    assert isinstance(issue.message, str) and len(issue.message) > 10
    assert issue.line is None or issue.line >= 1
    assert issue.column is None or issue.column >= 1


def _render_all(outcome, name: str) -> list[str]:
    """The entry pages, the home page and the finder to HTML, entry pages through the sanitizer
    (the other overviews are the same templates again). Returns the entry pages' HTML."""
    entries = []
    for path, text in outcome.pages.items():
        entry = path.startswith(("interventies/", "dossiers/")) and path.count("/") == 1 \
            and not path.endswith("index.md")
        if not (entry or path in ("index.md", "interventies/index.md")):
            continue
        html = to_html(text)
        STATS[f"{name}: pagina's"] += 1
        if entry:
            entries.append(sanitize_html(html).html)
    return entries


def _visible_text(html: str) -> str:
    class Text(HTMLParser):
        def __init__(self) -> None:
            super().__init__(convert_charrefs=True)
            self.chunks: list[str] = []

        def handle_data(self, data: str) -> None:
            self.chunks.append(data)

    parser = Text()
    parser.feed(html)
    return " ".join(" ".join(parser.chunks).split())


def check_valid(item: dict, item_body: str, dossier: dict, dossier_body: str) -> None:
    """A valid intervention and dossier straight from the schema: no error, both published,
    our own markup survives the sanitizer whole, and the titles show as text."""
    STATS["geldig: voorbeelden"] += 1
    outcome = run_pipeline({INTERVENTION: document(item, item_body),
                            DOSSIER: document(dossier, dossier_body)})
    assert outcome.errors() == [], [e.message for e in outcome.errors()]
    assert "interventies/x.md" in outcome.pages and "dossiers/y.md" in outcome.pages
    for path, data in (("interventies/x.md", item), ("dossiers/y.md", dossier)):
        cleaned = sanitize_html(to_html(outcome.pages[path]))
        assert cleaned.removed == [], (path, cleaned.removed)
        assert " ".join(data["title"].split()) in _visible_text(cleaned.html)
    _render_all(outcome, "geldig")


def check_any_input(files: dict[str, bytes]) -> None:
    """Whatever the bytes: no exception, well-formed issues, and a file with an error is
    nowhere on the site."""
    name = "kapot"
    STATS[f"{name}: voorbeelden"] += 1
    outcome = run_pipeline(files)
    for issue in outcome.issues:
        _well_formed(issue, set(files))
    for path in files:
        if outcome.errors(path):
            STATS[f"{name}: afgewezen bestanden"] += 1
            slug = path.rsplit("/", 1)[-1][:-3]
            folder = "interventies" if path.startswith("interventions/") else "dossiers"
            assert f"{folder}/{slug}.md" not in outcome.pages
    for html in _render_all(outcome, name):
        assert dangers(html) == []


def check_markdown_html(item: dict, item_body: str) -> None:
    """Random Markdown with HTML: rejected, or rendered without anything that can run script;
    and the sanitizer alone (as if the check had missed it) leaves nothing active either."""
    STATS["markdown: voorbeelden"] += 1
    outcome = run_pipeline({INTERVENTION: document(item, item_body)})
    if outcome.errors(INTERVENTION):
        STATS["markdown: afgewezen"] += 1
    else:
        STATS["markdown: gepubliceerd"] += 1
        assert dangers(sanitize_html(to_html(outcome.pages["interventies/x.md"])).html) == []
    raw = to_html(item_body)
    if dangers(raw):
        STATS["markdown: actief zonder sanitizer"] += 1
    assert dangers(sanitize_html(raw).html) == []


_BODY = sections("intervention") | sections("intervention", MARKDOWN_HTML)
_BYTES = st.binary(max_size=3000) | st.builds(
    lambda head, tail: b"---\n" + head + b"\n---\n" + tail, st.binary(max_size=500),
    st.binary(max_size=500))

PROPERTIES = {
    "valid": (check_valid, (frontmatter("intervention", SLUGS), sections("intervention"),
                            frontmatter("dossier", SLUGS), sections("dossier"))),
    "mutated": (check_any_input, (st.builds(
        lambda item, body, dossier, dbody: {INTERVENTION: document(item, body),
                                            DOSSIER: document(dossier, dbody)},
        mutated("intervention", SLUGS), _BODY, mutated("dossier", SLUGS),
        sections("dossier")),)),
    "bytes": (check_any_input, (st.builds(lambda raw, other: {INTERVENTION: raw, DOSSIER: other},
                                          _BYTES, _BYTES),)),
    "markdown": (check_markdown_html, (frontmatter("intervention", SLUGS),
                                       sections("intervention", MARKDOWN_HTML))),
}


def run_property(name: str, examples: int) -> None:
    """Run one property for `examples` examples (hypothesis, no deadline)."""
    check, strategies = PROPERTIES[name]

    @settings(deadline=None, max_examples=examples, suppress_health_check=list(HealthCheck))
    @given(st.tuples(*strategies))
    def run(args: tuple) -> None:
        check(*args)

    run()
