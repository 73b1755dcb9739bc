"""Issue 26: hand-written pages (pages/*.md, the docs_dir) are editors' text like any entry.

A pull request changes pages/over.md as easily as an intervention. So:
- `watwerkt check` gives every hand-written page the body check of the entries, at the page's
  own line: the whole hostile corpus of the entry tests (tests/reliability/payloads.py) gets,
  in a hand-written page, exactly the messages it gets in an intervention, shifted by the
  header; a bad YAML header is a Dutch error at its line, never a crash;
- with the check bypassed (as `serve` goes on with errors), every payload is made inert by the
  same sanitizer: through the page guard directly, in a real build, and in the offline
  export; the page's header (title, description), which the theme prints unescaped, is
  escaped;
- our own generated pages are not sanitized (their template HTML stays as it is);
- the docs folder for a renderer without plugins (Zensical) marks the hand-written pages, and
  the output guard cleans them from that mark.
"""

from __future__ import annotations

import logging
import re
import zipfile
from html.parser import HTMLParser

import pytest
from conftest import REPO
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.check.hand_pages import check_hand_pages
from generator.content.load import parse_page
from generator.core.issues import Severity
from generator.pipeline import check_project
from generator.postprocess.output_guard import (
    HAND_START,
    guard_output,
    hand_outputs,
    is_marked_hand_page,
    mark_hand_page,
)
from generator.postprocess.page_guard import escape_header, guard_page
from tests.reliability.documents import (
    TODAY,
    body,
    build,
    document,
    intervention,
    make_project,
    run_pipeline,
    to_html,
    write_files,
)
from tests.reliability.inert import MARKER, dangers
from tests.reliability.payloads import BODY, TEXT, X

HEADER = "---\ntitle: Proef\ndescription: Een vaste pagina.\nhide: [navigation]\n---\n"
PAGE_BODY_LINE = HEADER.count("\n") + 1
ENTRY_ONLY = {"body-h1", "missing-section"}


def page_text(payload: str) -> str:
    """A hand-written page with the same body the entry tests give an intervention."""
    return HEADER + body("intervention", payload)


def relative_issues(issues, path: str, body_line: int) -> set[tuple[str, str, int]]:
    """(severity, code, line within the body) of every body issue of `path`."""
    return {(str(i.severity), i.code, i.line - body_line) for i in issues
            if i.path == path and i.line and i.line >= body_line and i.code not in ENTRY_ONLY}


# --- The check -------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """Every body payload in a hand-written page of one project (one `check_project`), and in
    an intervention of its own (the entries' pipeline, the reference)."""
    root = make_project(tmp_path_factory.mktemp("hand-pages") / "project")
    write_files(root, {f"pages/p-{index}.md": page_text(payload).encode()
                       for index, (_, payload) in enumerate(BODY)})
    pages = check_project(root, TODAY).issues
    entries = run_pipeline({f"interventions/p-{index}.md": document(
        intervention(title=f"Interventie {index}"), body("intervention", payload))
        for index, (_, payload) in enumerate(BODY)})
    lines = {source.path: source.body_line for source in entries.sources}
    return pages, entries, lines


@pytest.mark.parametrize("index", range(len(BODY)), ids=[name for name, _ in BODY])
def test_a_payload_gets_in_a_hand_page_what_it_gets_in_an_entry_at_its_line(corpus, index):
    pages, entries, lines = corpus
    entry = f"interventions/p-{index}.md"
    page = f"pages/p-{index}.md"
    expected = relative_issues(entries.issues, entry, lines[entry])
    assert relative_issues(pages, page, PAGE_BODY_LINE) == expected
    # Every error stands on a line of the payload itself, in the page's own numbering.
    name, payload = BODY[index]
    text = page_text(payload)
    first = text[:text.index(payload)].count("\n") + 1
    errors = [i for i in pages if i.path == page and i.severity is Severity.ERROR]
    assert all(first <= i.line <= first + payload.count("\n") for i in errors), \
        [(i.line, i.message) for i in errors]


def test_the_check_rejects_in_hand_pages_what_it_rejects_in_entries(corpus):
    pages, entries, _ = corpus
    rejected_pages = {i.path.removeprefix("pages/") for i in pages
                      if i.severity is Severity.ERROR}
    rejected_entries = {i.path.removeprefix("interventions/") for i in entries.errors()}
    assert rejected_pages == rejected_entries
    assert len(rejected_pages) >= 80
    assert all(i.message and i.path.startswith("pages/p-") for i in pages)


def test_the_shipped_pages_pass_the_check_without_a_message():
    assert check_hand_pages(REPO) == []
    assert not [i for i in check_project(REPO, TODAY).issues if i.path.startswith("pages/")]


def codes(issues) -> list[tuple[str, int | None]]:
    return sorted((i.code, i.line) for i in issues)


@pytest.mark.parametrize("text,expected", [
    # No header: the whole text is the body, from line 1; a page's '# Titel' is no slip.
    ("# Over\n\nTekst.\n\n<script>alert(1)</script>\n", [("html-not-allowed", 5)]),
    # A header: lines count from the file's first line.
    ("---\ntitle: Over\n---\n\n# Over\n\n[klik](javascript:alert(1))\n",
     [("unsafe-url", 7)]),
    ("---\ntitle: Over\n---\nTekst <!-- niet gesloten\n\nMeer tekst.\n",
     [("unclosed-html", 4)]),
    ("---\ntitle: Over\n---\n<p onclick=\"alert(1)\">klik</p>\n", [("html-not-allowed", 4)]),
    ("---\ntitle: Over\n---\n<iframe src=\"https://example.org/\"></iframe>\n",
     [("html-not-allowed", 4)]),
    # A bad header: a Dutch error at its line, and the body is checked all the same.
    ("---\ntitle: Over\ndescription: [niet gesloten\n---\n<script>x</script>\n",
     [("html-not-allowed", 5), ("yaml-syntax", 3)]),
    ("---\n- een lijst\n---\nTekst.\n", [("frontmatter-not-mapping", 2)]),
    ("---\ntitle: \"bel\\u0007\"\n---\nTekst.\n", [("control-character", 2)]),
    # No closing line: MkDocs reads no header, so neither does the check: all of it is text.
    ("---\ntitle: Over\n\n<script>x</script>\n", [("html-not-allowed", 4)]),
])
def test_a_hand_page_is_checked_at_its_own_lines(project, text, expected):
    root = project({"pages/over.md": text})
    issues = [i for i in check_project(root, TODAY).issues if i.path == "pages/over.md"]
    errors = [i for i in issues if i.severity is Severity.ERROR]
    assert codes(errors) == expected, [i.message for i in issues]
    assert all(i.message and "Traceback" not in i.message for i in issues)
    assert not [i for i in issues if i.code == "body-h1"]


def test_unclosed_comment_code_is_the_entries_code():
    """The code used above is the one an intervention gets for the same slip."""
    outcome = run_pipeline({"interventions/x.md": document(intervention(), body(
        "intervention", "Tekst <!-- niet gesloten\n\nMeer tekst."))})
    assert "unclosed-html" in {i.code for i in outcome.errors("interventions/x.md")}


def test_a_hand_page_that_is_not_utf8_is_an_error_and_no_crash(project):
    root = project({"pages/over.md": "---\ntitle: Café\n---\nTekst.\n".encode("cp1252")})
    issues = [i for i in check_project(root, TODAY).issues if i.path == "pages/over.md"]
    assert codes(issues) == [("not-utf8", 2)]


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=400) | st.text(max_size=400).map(str.encode)
       | st.builds(lambda header, text: f"---\n{header}\n---\n{text}".encode(),
                   st.text(max_size=120), st.text(max_size=200)))
def test_any_bytes_as_a_hand_page_are_read_without_raising(raw):
    page, issues = parse_page(raw, "pages/x.md")
    assert all(i.path == "pages/x.md" and i.message for i in issues)
    if page.text:
        # The body is the text after the header, and starts on the line it says.
        assert page.text.split("\n")[page.body_line - 1:] == page.body.split("\n")


# --- The sanitizer, with the check bypassed ----------------------------------------------------

def test_the_page_guard_makes_every_payload_inert_in_a_hand_page_only():
    live = 0
    for index, (name, payload) in enumerate(BODY):
        html = to_html(page_text(payload))
        live += bool(dangers(html))
        guarded = guard_page(f"p-{index}.md", html, None, hand_written=True, header={})
        assert dangers(guarded.html) == [], name
        # A page of ours (not hand-written, no entry kind) is not touched.
        assert guard_page("themas/x.md", html, None).html == html
    assert live >= 60  # the corpus is live without the sanitizer


@pytest.mark.parametrize("name,value", TEXT, ids=[name for name, _ in TEXT])
def test_the_header_of_a_hand_page_is_escaped_for_the_theme(name, value):
    header = {"title": value, "description": value, "hide": ["navigation"],
              "extra": {"items": [value]}, "date": TODAY}
    escape_header(header)
    for text in (header["title"], header["description"], header["extra"]["items"][0]):
        assert "<" not in text and '"' not in text and ">" not in text
    assert header["hide"] == ["navigation"] and header["date"] == TODAY


@pytest.mark.parametrize("title", ["&lt;/title&gt;&lt;script&gt;x&lt;/script&gt;",
                                   '<img src=x onerror="x">', "Over ons"])
def test_a_page_without_a_title_in_its_header_gets_a_safe_one(title):
    header: dict = {}
    escape_header(header, title)
    assert "<" not in header["title"] and '"' not in header["title"]
    assert header["title"].replace("&lt;", "<").replace("&quot;", '"').replace("&gt;", ">") \
        == title.replace("&lt;", "<").replace("&gt;", ">")


def test_the_shipped_page_header_does_not_change():
    over = (REPO / "pages" / "over.md").read_text(encoding="utf-8")
    page, _ = parse_page(over.encode(), "pages/over.md")
    header = dict(page.data)
    escape_header(header)
    assert header == page.data


GROUP = 12
HOSTILE_HEADER = {"title": f"</title><script>{X}</script>",
                  "description": f'"><script>{X}</script>'}


@pytest.fixture(scope="module")
def unchecked_site(tmp_path_factory):
    """Hand-written pages holding the whole body corpus and a hostile header, built with the
    hand-page check switched off: only the page guard stands between them and the reader."""
    root = make_project(tmp_path_factory.mktemp("hand-unchecked") / "project")
    for group in range(0, len(BODY), GROUP):
        payloads = "\n\nTussen twee payloads.\n\n".join(p for _, p in BODY[group:group + GROUP])
        write_files(root, {f"pages/h-groep-{group // GROUP}.md": page_text(payloads).encode()})
    write_files(root, {
        "pages/kop.md": document(HOSTILE_HEADER, "Tekst.\n"),
        "pages/zonder-kop.md": f"# &lt;/title&gt;&lt;script&gt;{X}&lt;/script&gt;\n\n"
                               "Tekst.\n".encode()})
    assert check_project(root, TODAY).failed()  # the check would have stopped all of this
    records: list[logging.LogRecord] = []
    handler = logging.Handler(level=logging.WARNING)
    handler.emit = records.append
    logging.getLogger("mkdocs").addHandler(handler)
    try:
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr("generator.pipeline.check_hand_pages", lambda root: [])
            outcome = build(root, root / "site")
    finally:
        logging.getLogger("mkdocs").removeHandler(handler)
    assert outcome.ok, outcome.failure + outcome.report
    return root / "site", records


def hand_page_names() -> list[str]:
    return [f"h-groep-{n}" for n in range(-(-len(BODY) // GROUP))] + ["kop", "zonder-kop"]


@pytest.mark.parametrize("name", hand_page_names())
def test_a_built_hand_page_runs_nothing(unchecked_site, name):
    site, _ = unchecked_site
    html = (site / name / "index.html").read_text(encoding="utf-8")
    # The escaped description is read back exactly below; here it would count as a <meta>
    # carrying the payload's text.
    html = re.sub(r'<meta name="description" content="[^"]*">', "", html)
    # The theme's own (Material's share button is a 'javascript:' link) are on the shipped
    # page too; the payloads add nothing to them.
    clean = (site / "over" / "index.html").read_text(encoding="utf-8")
    assert set(dangers(html, strict=False)) <= set(dangers(clean, strict=False)), name
    assert f"<script>{X}" not in html
    article = html[html.index("<article"):html.index("</article>")]
    # In the editors' part nothing active at all (the theme's edit button holds an svg icon).
    assert dangers(article.replace("<svg", "<span")) == []


def test_the_sanitizer_reports_what_it_removed_from_each_hand_page(unchecked_site):
    _, records = unchecked_site
    cleaned = {r.getMessage().split("'")[1] for r in records if "niet veilig" in r.getMessage()}
    groups = {f"h-groep-{n}.md": "\n\nTussen twee payloads.\n\n".join(
        p for _, p in BODY[n * GROUP:(n + 1) * GROUP]) for n in range(-(-len(BODY) // GROUP))}
    live = {name for name, payloads in groups.items() if dangers(to_html(page_text(payloads)))}
    assert len(live) >= len(groups) - 1
    assert live <= cleaned <= set(groups)


def test_a_hostile_header_shows_as_text(unchecked_site):
    site, _ = unchecked_site
    head = read_head((site / "kop" / "index.html").read_text(encoding="utf-8"))
    assert head.title == f"{HOSTILE_HEADER['title']} - Wat Werkt"
    assert head.description == HOSTILE_HEADER["description"]
    assert head.scripts_with_marker == 0
    # Without a title in the header MkDocs takes the first heading, which Material decoded
    # into live markup in <title> ('striptags'): now it is text there too.
    untitled = read_head((site / "zonder-kop" / "index.html").read_text(encoding="utf-8"))
    assert untitled.title == f"</title><script>{X}</script> - Wat Werkt"
    assert untitled.scripts_with_marker == 0


class Head(HTMLParser):
    """What a browser makes of a page's <title>, description and scripts."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.title, self.description, self.scripts_with_marker = "", None, 0
        self.where = ""

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        self.where = tag
        if tag == "meta" and values.get("name") == "description":
            self.description = values.get("content")

    def handle_endtag(self, tag):
        self.where = ""

    def handle_data(self, data):
        if self.where == "title":
            self.title += data
        elif self.where == "script" and MARKER in data:
            self.scripts_with_marker += 1


def read_head(html: str) -> Head:
    head = Head()
    head.feed(html)
    return head


def test_our_generated_pages_are_not_sanitized(unchecked_site):
    """Template HTML the sanitizer would remove (the search form of the home page) is still
    there, and the sanitizer reported no generated page."""
    site, records = unchecked_site
    home = (site / "index.html").read_text(encoding="utf-8")
    article = home[home.index("<article"):home.index("</article>")]
    assert '<form class="ww-search"' in article and '<input id="ww-home-search"' in article
    assert not [r for r in records if "niet veilig" in r.getMessage()
                and "h-groep-" not in r.getMessage()]


# --- Renderers without plugins (Zensical) and the offline export ----------------------------------

THEME = ('<html><head><title>T</title></head><body><article class="md-content__inner md-typeset">'
         '<a href="https://example.org/edit" class="md-content__button md-icon" rel="edit">'
         '<svg viewBox="0 0 24 24"><path d="M0 0"/></svg></a>')
END = "</article><script src=\"/assets/javascripts/bundle.js\"></script></body></html>"


@pytest.mark.parametrize("text", [
    "---\ntitle: Over\nhide: [navigation]\n---\n\n# Over\n\nTekst.\n",
    "# Over\n\nTekst zonder kop.\n",
    "---\n- geen mapping\n---\nTekst.\n",
])
def test_the_docs_folder_marks_a_hand_page_where_its_text_starts(text):
    marked = mark_hand_page(text)
    assert is_marked_hand_page(marked)
    assert not is_marked_hand_page(text)
    page, issues = parse_page(marked.encode(), "docs/over.md")
    if text.startswith("---\ntitle"):
        assert page.data == {"title": "Over", "hide": ["navigation"]}
        assert page.body.split("\n")[0] == HAND_START
    assert marked.endswith(text.split("---\n")[-1])


def test_the_docs_folder_escapes_a_hostile_header():
    marked = mark_hand_page(document(HOSTILE_HEADER, "Tekst.\n").decode())
    page, _ = parse_page(marked.encode(), "docs/kop.md")
    assert "<" not in page.data["title"] and '"' not in page.data["description"]


def test_the_output_guard_cleans_a_hand_page_from_its_mark(tmp_path):
    docs = tmp_path / "docs"
    site = tmp_path / "site"
    write_files(docs, {"over.md": mark_hand_page("# Over\n\nTekst.\n").encode(),
                       "themas/index.md": b"---\ntitle: Thema's\n---\n<form></form>\n"})
    assert hand_outputs(docs) == {"over/index.html": "over.md"}
    body_html = f'{HAND_START}<h1>Over</h1><p>Tekst <img src="x.png" onerror="{X}"></p>' \
                f"<script>{X}</script>"
    write_files(site, {"over/index.html": (THEME + body_html + END).encode()})
    outcome = guard_output(site, {}, hand_outputs(docs))
    page = (site / "over/index.html").read_text(encoding="utf-8")
    assert outcome.pages == 1
    assert page.startswith(THEME) and page.endswith(END)  # the theme's svg and script stay
    assert dangers(page[len(THEME):-len(END)]) == []
    assert len(outcome.warnings) == 1 and "<script>" in outcome.warnings[0]
    # A page that lost its mark is a warning, not a silent pass.
    write_files(site, {"over/index.html": (THEME + "<p>x</p>" + END).encode()})
    missing = guard_output(site, {}, {"over/index.html": "over.md"})
    assert missing.pages == 0 and "over.md" in missing.warnings[0]


def test_the_offline_export_publishes_the_sanitized_hand_page(tmp_path, monkeypatch):
    """The export builds its staged copy of pages/ through the plugin: the same page guard."""
    from generator.cli import main

    root = make_project(tmp_path / "project")
    (root / "pages" / "over.md").write_text(
        document({"title": "Over"}, f"Tekst.\n\n<script>{X}</script>\n\n"
                                    f'<img src="x.png" alt="x" onerror="{X}">\n').decode(),
        encoding="utf-8")
    monkeypatch.setattr("generator.pipeline.check_hand_pages", lambda root: [])
    out = tmp_path / "offline.zip"
    assert main(["export", "offline", "--root", str(root), "--out", str(out),
                 "--today", TODAY.isoformat()]) == 0
    with zipfile.ZipFile(out) as archive:
        name = next(n for n in archive.namelist() if n.endswith("/over.html"))
        html = archive.read(name).decode("utf-8")
    assert "Tekst." in html
    assert MARKER not in html  # the script and the handler are gone, not only inert
    article = html[html.index("<article"):html.index("</article>")]
    assert dangers(article) == []


def test_every_hand_page_of_a_docs_folder_is_found(tmp_path):
    """The docs folder `watwerkt render` writes marks the shipped pages, and only them."""
    from generator.renderers.docs_folder import write_docs_folder

    root = make_project(tmp_path / "project")
    write_docs_folder(root, check_project(root, TODAY), tmp_path / "docs")
    found = set(hand_outputs(tmp_path / "docs").values())
    assert found == {p.relative_to(REPO / "pages").as_posix()
                     for p in (REPO / "pages").rglob("*.md")}
