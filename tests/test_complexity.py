"""Bodies that would keep Python-Markdown busy (issue 26): the complexity rule refuses every
family's run past its limit at the run's line, lets the largest allowed run through, and never
refuses real text. Time itself is measured in bench/markdown_growth.py, not here."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.check.body import check_body
from generator.check.complexity import FAMILIES, complexity_problems
from tests.conftest import INTERVENTION, make_project, run_cli

REPO = Path(__file__).resolve().parents[1]
SIZE = 20_000


def _codes_at(body: str, body_line: int = 20) -> list[tuple[str, int]]:
    report = check_body("interventions/x.md", "intervention", body, body_line)
    return [(issue.code, issue.line) for issue in report.issues if issue.code == "body-too-complex"]


def _line_of_run(family, body: str, body_line: int) -> int:
    run = family.amount(body)
    return body_line + body.count("\n", 0, run.offset)


@pytest.mark.parametrize("name", sorted(FAMILIES))
def test_a_run_past_its_limit_is_refused_at_its_line(name):
    family = FAMILIES[name]
    body = family.refused_body(SIZE)
    assert family.amount(body).amount > family.limit
    assert _codes_at(body) == [("body-too-complex", _line_of_run(family, body, 20))]


@pytest.mark.parametrize("name", sorted(FAMILIES))
def test_the_largest_allowed_run_passes(name):
    family = FAMILIES[name]
    body = family.accepted_body(SIZE)
    assert 0.5 * family.limit <= family.amount(body).amount <= family.limit
    assert _codes_at(body) == []


@pytest.mark.parametrize("name", sorted(FAMILIES))
def test_the_run_is_found_after_ordinary_paragraphs(name):
    family = FAMILIES[name]
    body = "## Doel\n\nEen gewone alinea.\n\n## Aanpak\n\n" + family.refused_body(SIZE)
    expected = _line_of_run(family, body, 20)
    assert expected > 24
    assert _codes_at(body) == [("body-too-complex", expected)]


def _shipped_bodies() -> list[str]:
    import frontmatter

    return [frontmatter.loads(path.read_text("utf-8")).content
            for folder in ("interventions", "dossiers")
            for path in sorted((REPO / folder).glob("*.md"))]


def test_no_shipped_body_comes_near_a_limit():
    for body in _shipped_bodies():
        for family in FAMILIES.values():
            run = family.amount(body)
            assert run is None or run.amount <= family.limit // 10, (family.name, body[:60])


def test_every_shipped_body_at_once_passes():
    """One 'body' of all shipped texts: many links, lists, tables and emphasis, no run."""
    everything = "\n\n".join(_shipped_bodies())
    assert len(everything) > 50_000
    assert complexity_problems(everything) == []


# Real editors' Markdown at any length: links, bold, italics, code, lists, tables, quotes.
_PIECE = st.sampled_from([
    "Een gewone zin met een [link](https://www.example.org/pad?a=1&b=2) erin. ",
    "**Vet** en *schuin* en _ook schuin_ en `code`. ",
    "Jeugd & Gezin (JGZ) werkt samen met wijkteams; zie [de bron][1]. ",
    "\n- een punt met **nadruk**\n- nog een punt [met link](/x/)\n\n",
    "\n| Kolom | `waarde` |\n| --- | --- |\n| a | `b` |\n\n",
    "\n> Een citaat van een bewoner.\n\n",
    "\n!!! note \"Let op\"\n    Een kader.\n\n",
    "Leeftijd < 18 of > 65, 5 * 3 = 15 en 10 % korting. ",
    "\n\n*[JGZ]: Jeugdgezondheidszorg\n\n",
    "Een voetnoot[^1]. ",
])


@settings(max_examples=60, deadline=None)
@given(st.lists(_PIECE, min_size=1, max_size=2_500))
def test_real_text_of_any_length_passes(pieces):
    body = "".join(pieces) + "\n\n[1]: https://www.example.org\n\n[^1]: De noot.\n"
    assert complexity_problems(body) == []


def test_watwerkt_check_names_file_line_and_run(tmp_path):
    body = "## Doel\n\nGewoon.\n\n" + "[a " * 2_000 + "\n"
    text = INTERVENTION.replace("## Doel\n\nBuren lossen een conflict samen op, voordat het "
                                "escaleert.\n", body)
    root = make_project(tmp_path / "p", {"interventions/buurtbemiddeling.md": text})
    done = run_cli("check", "--root", str(root), "--today", "2026-11-22")
    assert done.returncode != 0
    line = text[:text.index("[a [a")].count("\n") + 1
    assert f"interventions/buurtbemiddeling.md:{line}" in done.stdout + done.stderr
    assert "vierkante haken '['" in done.stdout + done.stderr
