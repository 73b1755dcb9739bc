"""Large inputs get a clear error or a success, never a crash (time and memory: bench/
large_inputs.py). The cases are in large.py."""

from __future__ import annotations

import pytest

from generator.content.load import MAX_FILE_BYTES, load_sources
from generator.postprocess.sanitize import sanitize_html
from tests.reliability.documents import body, document, intervention, run_pipeline, to_html
from tests.reliability.large import CASES, PARAGRAPH

EXPECTED = {
    "klein": None, "body-1mb": None, "citaat-genest-1000": None, "html-genest-5000": None,
    "lijst-10000-outcomes": "list-too-long", "lijst-10000-auteurs": "list-too-long",
    "tekst-100000-tekens": "value-too-long", "yaml-genest-flow-10000": "yaml-too-deep",
    "yaml-genest-blok-2000": "yaml-too-deep", "yaml-alias-bom": "yaml-alias",
}


def test_every_case_has_an_expected_outcome():
    assert set(EXPECTED) == set(CASES)


@pytest.mark.parametrize("name", CASES)
def test_large_input_gives_a_clear_error_or_a_page(name):
    files = CASES[name]()
    outcome = run_pipeline(files)
    errors = outcome.errors()
    if EXPECTED[name] is None:
        assert errors == []
        html = sanitize_html(to_html(outcome.pages["interventies/x.md"])).html
        assert "Tekst over doel" in html
    else:
        assert [e.code for e in errors][:1] == [EXPECTED[name]]
        path, raw = next(iter(files.items()))
        assert errors[0].path == path and errors[0].line >= 2
        # Messages grow with the lines an editor wrote, never with the items or an expansion.
        frontmatter_lines = raw.split(b"\n---\n", 1)[0].count(b"\n")
        assert len(errors) <= 2 * frontmatter_lines
        if name.startswith(("lijst", "tekst", "yaml-genest")):
            assert len(errors) == 1
        assert not any(page.startswith(("interventies/x", "dossiers/y"))
                       for page in outcome.pages)


def test_a_body_of_a_megabyte_is_published_whole():
    outcome = run_pipeline(CASES["body-1mb"]())
    page = outcome.pages["interventies/x.md"]
    assert page.count(PARAGRAPH.strip()) == 1_000_000 // len(PARAGRAPH)


def test_a_file_over_the_size_limit_is_refused_before_reading(tmp_path):
    (tmp_path / "interventions").mkdir()
    big = document(intervention(), body("intervention", PARAGRAPH * (MAX_FILE_BYTES
                                                                      // len(PARAGRAPH) + 1)))
    (tmp_path / "interventions" / "groot.md").write_bytes(big)
    sources, issues = load_sources(tmp_path)
    assert all(source.data is None for source in sources)
    assert [i.code for i in issues] == ["file-too-large"]
    assert "de grens is 5 MB" in issues[0].message
