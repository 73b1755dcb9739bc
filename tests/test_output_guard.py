"""The page guard over a finished output folder (renderers without plugins): the editors' part
of an entry page is sanitized in place; the theme's part before it is not touched."""

from __future__ import annotations

from generator.postprocess.output_guard import entry_outputs, guard_output

THEME = ('<html><body><article class="md-content__inner md-typeset">'
         '<a id="__skip" tabindex="-1"></a><a href="https://example.org/edit" '
         'class="md-content__button md-icon" rel="edit"><svg viewBox="0 0 24 24">'
         '<path d="M0 0"/></svg></a>')
END = "</article><script src=\"/assets/javascripts/bundle.js\"></script></body></html>"


def write(site, name: str, html: str) -> None:
    path = site / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(html, encoding="utf-8")


def test_entry_pages_are_the_interventions_and_dossiers():
    pages = ["index.md", "interventies/index.md", "interventies/a.md", "dossiers/b.md",
             "dossiers/b/print/index.md", "themas/x.md", "over.md"]
    assert entry_outputs(pages) == {"interventies/a/index.html": "interventions/a.md",
                                    "dossiers/b/index.html": "dossiers/b.md"}


def test_unsafe_html_in_the_editors_part_is_removed_and_reported(tmp_path):
    body = ('<div class="ww-entry"><h1 id="titel">A</h1></div>'
            '<p>Tekst <img src="x.png" onerror="alert(1)"> en <script>alert(2)</script></p>')
    write(tmp_path, "interventies/a/index.html", THEME + body + END)
    outcome = guard_output(tmp_path, {"interventies/a/index.html": "interventions/a.md"})
    page = (tmp_path / "interventies/a/index.html").read_text(encoding="utf-8")
    assert outcome.pages == 1
    assert "onerror" not in page and "alert(2)" not in page
    assert '<img src="x.png">' in page
    assert page.startswith(THEME) and page.endswith(END)  # the theme's svg and script stay
    assert len(outcome.warnings) == 1
    assert "<img onerror>" in outcome.warnings[0] and "<script>" in outcome.warnings[0]


def test_a_clean_page_stays_clean_and_quiet(tmp_path):
    body = '<div class="ww-entry"><h1 id="titel">A</h1></div><p>Gewone <em>tekst</em>.</p>'
    write(tmp_path, "dossiers/b/index.html", THEME + body + END)
    outcome = guard_output(tmp_path, {"dossiers/b/index.html": "dossiers/b.md"})
    assert outcome.warnings == []
    assert (tmp_path / "dossiers/b/index.html").read_text(encoding="utf-8") == THEME + body + END


def test_a_page_without_its_template_block_or_missing_is_a_warning(tmp_path):
    write(tmp_path, "interventies/a/index.html", THEME + "<p>zonder kaart</p>" + END)
    outcome = guard_output(tmp_path, {"interventies/a/index.html": "interventions/a.md",
                                      "interventies/c/index.html": "interventions/c.md"})
    assert outcome.pages == 0
    assert len(outcome.warnings) == 2
    assert "interventions/a.md" in outcome.warnings[0] and "feitenkaart" in outcome.warnings[0]
    assert "interventions/c.md" in outcome.warnings[1] and "ontbreekt" in outcome.warnings[1]
