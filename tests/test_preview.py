"""What the editor saw in the preview is what readers get (issue 24).

generator/check/preview.py renders every body as GitHub's preview does (cmark-gfm) and as the
site does (Python-Markdown) and reports each difference in block structure at its line. Tested
here three ways: a corpus of the documented places where Python-Markdown and CommonMark/GFM
differ, each with the line it must be reported at (or none, where the site renders what the
preview showed); a property test over generated bodies, written only in the forms CONTRIBUTING
teaches (never a message) or with one slip put in at a known line (a message at that line);
and a built site, which shows the accepted forms as the preview did.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from built_sites import build, make_site_project, temp_folder
from conftest import INTERVENTION, REPO, replace_once
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.check.preview import (
    SITE_EXTENSIONS,
    blocks_of,
    preview_issues,
    preview_normalized,
    reference_html,
    site_html,
)

# (name, body, line of the message or None, a phrase of the message)
CORPUS = [
    # Python-Markdown needs a blank line before a list or table; the site adds it.
    ("lijst onder alinea", "Stappen:\n- apart\n- samen\n", None, ""),
    ("genummerde lijst onder alinea", "Stappen:\n1. apart\n2. samen\n", None, ""),
    ("tabel onder alinea", "Stappen:\n| a | b |\n|---|---|\n| 1 | 2 |\n", None, ""),
    ("citaat onder alinea", "Een bewoner zei:\n> Het hielp.\n", None, ""),
    # CommonMark nests with the item's content indent; Python-Markdown wants four spaces a
    # level: the site re-indents a list nested as GitHub accepts it.
    ("geneste lijst met twee spaties", "- een\n  - sub\n- twee\n", None, ""),
    ("geneste lijst met drie spaties", "1. een\n   - sub\n2. twee\n", None, ""),
    ("vervolgalinea met twee spaties", "- punt\n\n  vervolg\n", None, ""),
    ("drie niveaus met twee spaties", "- a\n  - b\n    - c\n- d\n", None, ""),
    ("geneste lijst met vier spaties", "- een\n    - sub\n- twee\n", None, ""),
    # Where the list holds a quote, the site leaves it be: the comparison says what to do.
    ("citaat in lijst met twee spaties", "- een\n\n  > citaat\n", 3, "vier spaties"),
    # Other numbering styles.
    ("nummering met haakje", "Tekst.\n\n1) een\n2) twee\n", 3, "haakje"),
    ("ander opsommingsteken", "- a\n- b\n\n+ c\n+ d\n", 4, "opsommingsteken"),
    # A hashtag at the start of a line: an ATX heading without space is no heading in CommonMark.
    ("hashtag", "Tekst.\n\n#buren en meer\n", 3, "backslash"),
    ("hashtag met backslash", "Tekst.\n\n\\#buren en meer\n", None, ""),
    # GFM's strikethrough.
    ("doorhalen", "Niet ~~drie~~ maar twee.\n", 1, "~~"),
    # Markdown inside an HTML block: GitHub renders it after a blank line, the site does not.
    ("markdown in div", "<div>\n\n*nadruk*\n\n</div>\n", 3, "HTML-blok"),
    ("gewone tekst in details", "<details>\n<summary>Meer</summary>\n\nUitleg.\n\n</details>\n",
     None, ""),
    # Both show the same: no message.
    ("tab voor alinea", "Tekst.\n\n\tcode\n", None, ""),
    ("setext-kop", "Kop\n---\n\nTekst.\n", None, ""),
    ("harde regelafbreking", "regel  \nvolgende\n", None, ""),
    ("voetnoot", "Tekst[^1].\n\n[^1]: Noot.\n", None, ""),
    ("kader van de site", '!!! note "Let op"\n    Tekst in het kader.\n', None, ""),
    ("definitielijst van de site", "Begrip\n: uitleg\n", None, ""),
    ("afkorting van de site", "De WMO.\n\n*[WMO]: Wet maatschappelijke ondersteuning\n", None, ""),
    ("e-mail tussen punthaken", "Mail <info@example.org>.\n", None, ""),
    ("code met hekje", "```\n#geen kop\n```\n", None, ""),
    # Text lost in both renderers: errors.
    ("tabelregel met te veel cellen", "| a | b |\n|---|---|\n| 1 | 2 | 3 |\n", 3, "verdwijnt"),
    ("voetnoot zonder noot", "Tekst[^9].\n", 1, "nergens staat"),
    ("voetnoot in code", "Schrijf `[^9]` voor een noot.\n", None, ""),
]


@pytest.mark.parametrize("name, body, line, phrase", CORPUS, ids=[c[0] for c in CORPUS])
def test_corpus_difference_is_reported_at_its_line(name, body, line, phrase) -> None:
    issues = preview_issues("interventions/x.md", body, 1)
    if line is None:
        assert issues == [], [i.message for i in issues]
        return
    assert [i.line for i in issues] == [line], [(i.line, i.message) for i in issues]
    assert phrase in issues[0].message, issues[0].message
    assert "CONTRIBUTING" in issues[0].message or issues[0].code == "text-lost"


def test_message_lines_are_file_lines() -> None:
    """The body's first line is file line `body_line`."""
    issues = preview_issues("interventions/x.md", "Tekst.\n\n#buren\n", 20)
    assert [i.line for i in issues] == [22]


def test_site_extensions_are_those_of_mkdocs_yml() -> None:
    config = yaml.load((REPO / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    names = [next(iter(item)) if isinstance(item, dict) else item
             for item in config["markdown_extensions"]]
    assert sorted(names) == sorted(SITE_EXTENSIONS)


def test_reference_is_githubs_parser_with_lines() -> None:
    html = reference_html("Tekst\n\n- a\n- b\n")
    blocks = blocks_of(html)
    assert [(b.kind, b.line) for b in blocks] == [("p", 1), ("ul", 3), ("li", 3), ("li", 4)]
    assert "<ul>" in site_html("Tekst\n\n- a\n- b\n")


# --- property test -----------------------------------------------------------------------------

WORDS = st.sampled_from("buren bemiddeling gesprek wijk afspraak conflict hulp vrijwilliger "
                        "gemeente rust overleg twee drie samen apart".split())


def _sentence(draw) -> str:
    words = draw(st.lists(WORDS, min_size=1, max_size=8))
    text = " ".join(words)
    decoration = draw(st.sampled_from(["", "bold", "em", "code", "link"]))
    if decoration == "bold":
        text += f" **{words[0]}**"
    elif decoration == "em":
        text += f" *{words[-1]}*"
    elif decoration == "code":
        text += " `#code`"
    elif decoration == "link":
        text += " [meer](https://www.example.org)"
    return text[0].upper() + text[1:] + "."


@st.composite
def taught_block(draw) -> list[str]:
    """A block in a form CONTRIBUTING teaches (or the site accepts as the preview shows it)."""
    kind = draw(st.sampled_from(["p", "ul", "ol", "nested", "nested2", "table", "h", "code",
                                 "quote", "p+ul"]))
    if kind == "p":
        return [_sentence(draw) for _ in range(draw(st.integers(1, 3)))]
    if kind in ("ul", "p+ul"):
        items = [f"- {_sentence(draw)}" for _ in range(draw(st.integers(1, 4)))]
        return ([_sentence(draw)] if kind == "p+ul" else []) + items
    if kind == "ol":
        return [f"{n}. {_sentence(draw)}" for n in range(1, draw(st.integers(2, 4)))]
    if kind == "nested":
        return [f"- {_sentence(draw)}", f"    - {_sentence(draw)}", f"- {_sentence(draw)}"]
    if kind == "nested2":  # as GitHub accepts it: under the item's text
        return [f"1. {_sentence(draw)}", f"   - {_sentence(draw)}", f"     - {_sentence(draw)}",
                f"2. {_sentence(draw)}"]
    if kind == "table":
        columns = draw(st.integers(1, 4))
        rows = [[draw(WORDS) for _ in range(columns)] for _ in range(draw(st.integers(1, 3)))]
        return ["| " + " | ".join(f"kop{c}" for c in range(columns)) + " |",
                "|" + "---|" * columns] + ["| " + " | ".join(row) + " |" for row in rows]
    if kind == "h":
        return [f"## {draw(WORDS).capitalize()}"]
    if kind == "code":
        return ["```", "#" + draw(WORDS), "- " + draw(WORDS), "```"]
    return [f"> {_sentence(draw)}"]


SLIPS = {
    # the lines of the slip, the index of the line the message must be at, the code
    "hashtag": (["#{w} en meer"], 0, "preview-differs"),
    "ander teken": (["- {w}", "", "+ {w}"], 2, "preview-differs"),
    "haakje": (["1) {w}", "2) {w}"], 0, "preview-differs"),
    "doorhalen": (["Niet ~~{w}~~ maar {w}."], 0, "preview-differs"),
    "te veel cellen": (["| a | b |", "|---|---|", "| {w} | {w} | {w} |"], 2, "text-lost"),
    "voetnoot zonder noot": (["Zie {w}[^geen]."], 0, "text-lost"),
}


def _body(blocks: list[list[str]]) -> str:
    return "\n\n".join("\n".join(block) for block in blocks) + "\n"


@settings(deadline=None, max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(taught_block(), min_size=1, max_size=8))
def test_property_taught_forms_get_no_message(blocks) -> None:
    body = _body(blocks)
    issues = preview_issues("interventions/x.md", body, 1)
    assert issues == [], (body, [(i.line, i.message) for i in issues])


@settings(deadline=None, max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(taught_block(), min_size=0, max_size=6), st.sampled_from(sorted(SLIPS)),
       st.integers(0, 6), WORDS)
def test_property_one_slip_is_reported_at_its_line(blocks, slip, position, word) -> None:
    lines, index, code = SLIPS[slip]
    position = min(position, len(blocks))
    before = _body(blocks[:position]) if position else ""
    slip_line = before.count("\n") + (1 if before else 0) + index + 1
    body = _body(blocks[:position] + [[line.format(w=word) for line in lines]]
                 + blocks[position:])
    issues = preview_issues("interventions/x.md", body, 1)
    assert [(i.code, i.line) for i in issues] == [(code, slip_line)], (
        body, [(i.line, i.message) for i in issues])


@settings(deadline=None, max_examples=100)
@given(st.lists(taught_block(), min_size=1, max_size=8))
def test_property_normalizing_only_adds_blank_lines_and_indents(blocks) -> None:
    """The text is never changed: only blank lines are added and list lines re-indented."""
    body = _body(blocks)
    normalized = preview_normalized(body)
    assert [line.lstrip(" ") for line in normalized.split("\n") if line.strip()] == \
        [line.lstrip(" ") for line in body.split("\n") if line.strip()]


# --- the built page shows what the preview showed -----------------------------------------

ACCEPTED = """Het gesprek gaat in stappen:
- eerst apart
  - met de ene buur
  - met de andere buur
- dan samen

De rollen:
| Wie | Wat |
| --- | --- |
| Bemiddelaar | luistert |
| Buren | maken afspraken |
"""


def test_built_page_shows_lists_and_table_as_the_preview_did() -> None:
    text = replace_once(INTERVENTION, "## Aanpak\n\n", "## Aanpak\n\n" + ACCEPTED + "\n")
    root = make_site_project(temp_folder("ww-preview-") / "project",
                             {"interventions/buurtbemiddeling.md": text})
    site = build(root, root.parent / "site")
    page = (site / "interventies" / "buurtbemiddeling" / "index.html").read_text("utf-8")
    aanpak = page[page.index('id="aanpak"'):]
    aanpak = aanpak[:aanpak.index("<h2")]
    items = re.findall(r"<li>([^<]*)", aanpak)
    assert [" ".join(i.split()) for i in items] == [
        "eerst apart", "met de ene buur", "met de andere buur", "dan samen"]
    nested = aanpak[aanpak.index("eerst apart"):aanpak.index("dan samen")]
    assert nested.count("<ul>") == 1 and nested.index("<ul>") < nested.index("met de ene")
    cells = re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", aanpak)
    assert cells == ["Wie", "Wat", "Bemiddelaar", "luistert", "Buren", "maken afspraken"]
    assert "| Wie |" not in aanpak and "- eerst apart" not in aanpak


def test_accepted_forms_pass_the_check(project) -> None:
    from conftest import BUILD_DATE

    from generator.pipeline import check_project

    text = replace_once(INTERVENTION, "## Aanpak\n\n", "## Aanpak\n\n" + ACCEPTED + "\n")
    root: Path = project({"interventions/buurtbemiddeling.md": text})
    issues = [i for i in check_project(root, BUILD_DATE).issues if i.severity.value != "notice"]
    assert issues == []


# --- the cheap path is sound ------------------------------------------------------------------

LINES = st.sampled_from([
    "", "", "", "Buren praten samen.", "Een **vet** woord en een *schuin* woord.",
    "Tekst met `code` en [een link](https://www.example.org).", "## Kop", "### Onderkop",
    "- punt", "- punt met **nadruk**", "    - genest punt", "        - dieper punt",
    "1. eerste", "2. tweede", "   vervolg van een punt", "  vervolg", "> citaat",
    "```", "#hashtag", "  - twee spaties", "1) haakje", "+ plus", "* ster", "| a | b |",
    "|---|---|", "Tekst[^1].", "[^1]: noot", "~~weg~~", "<div>", "</div>", "\tcode",
    "Tekst met een _underscore_.", "5 * 3 * 2", "Slot \\", "Begrip", ": uitleg",
    "!!! note", "    In een kader.", "Kop", "---", "***", "*schuin over", "twee regels*",
])


@settings(deadline=None, max_examples=400, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(LINES, min_size=1, max_size=14))
def test_property_cheap_path_only_skips_bodies_that_render_alike(lines) -> None:
    """same_in_both(body) lets a body skip the comparison: it may only say so when the full
    comparison finds nothing (and when nothing can be lost)."""
    from generator.check.preview import _preview_issues, same_in_both

    body = "\n".join(lines) + "\n"
    if same_in_both(body):
        assert _preview_issues("x.md", body, 1, True, frozenset()) == (), body


def test_cheap_path_takes_the_shipped_content() -> None:
    """Most real bodies take the cheap path (the comparison costs a second Markdown parse)."""
    from generator.check.preview import same_in_both
    from generator.content.load import load_sources

    sources, _ = load_sources(REPO)
    cheap = [s for s in sources if same_in_both(s.body)]
    assert len(cheap) >= len(sources) * 0.7, len(cheap)
