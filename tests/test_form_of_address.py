"""One form of address: the site and every message say "u", never "je" (the Dutch government's
writing guidelines choose one and keep to it; for policy makers and professionals, "u").

The site is walked page by page, built from the shipped content with the informal words taken
out of the editors' own texts first (a quote such as "Je belt niet met een instantie" is the
editors' choice), so that whatever remains comes from the generator, the theme and the fixed
pages. The messages are every string in the generator's code, the templates, our own scripts
and the editors' guides."""

from __future__ import annotations

import ast
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from built_sites import build, make_site_project, temp_folder
from conftest import REPO

INFORMAL = re.compile(r"(?<![\w-])(je|jij|jou|jouw|jouwe|jezelf|jullie)(?![\w-])", re.I)
FORMAL = re.compile(r"(?<![\w-])(u|uw|uzelf)(?![\w-])")
# Our own scripts and styles; Material's bundle and third-party code are not ours to word.
# ww-text.js holds the search analyser's stop words ('je', 'jij', 'u' alike): a word list, not
# text a reader is addressed with.
OWN_SCRIPTS = sorted(path for path in (REPO / "theme").rglob("*.js")
                     if path.name != "ww-text.js") + sorted(
    (REPO / "generator" / "assets").glob("*.js"))
TEMPLATES = sorted((REPO / "generator" / "templates").glob("*.html")) + sorted(
    (REPO / "theme").rglob("*.html"))
GUIDES = [REPO / "README.md", REPO / "CONTRIBUTING.md", *sorted((REPO / "pages").rglob("*.md"))]


def informal_words(text: str) -> list[str]:
    """Each informal word with a little context, for the failure message."""
    return [text[max(0, m.start() - 40):m.end() + 40].replace("\n", " ")
            for m in INFORMAL.finditer(text)]


class _Text(HTMLParser):
    """The text a reader sees or hears: text nodes and the attributes read aloud."""

    SPOKEN = ("alt", "title", "aria-label", "placeholder", "content")

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs) -> None:
        if tag in ("script", "style"):
            self._skip += 1
        self.parts += [value for name, value in attrs if name in self.SPOKEN and value]

    def handle_endtag(self, tag) -> None:
        if tag in ("script", "style") and self._skip:
            self._skip -= 1

    def handle_data(self, data) -> None:
        if not self._skip:
            self.parts.append(data)


def page_text(html: str) -> str:
    parser = _Text()
    parser.feed(html)
    return " ".join(parser.parts).replace("\u00ad", "")


def neutral_content() -> dict[str, str]:
    """The shipped interventions and dossiers with the informal words of their authors removed."""
    files = {}
    for folder in ("interventions", "dossiers"):
        for path in sorted((REPO / folder).glob("*.md")):
            files[f"{folder}/{path.name}"] = INFORMAL.sub("ze", path.read_text("utf-8"))
    return files


@pytest.fixture(scope="module")
def chrome_site() -> Path:
    root = make_site_project(temp_folder("ww-address-") / "project", neutral_content())
    return build(root, root / "site")


def test_no_page_of_the_site_says_je(chrome_site):
    pages = sorted(chrome_site.rglob("*.html"))
    assert len(pages) > 50
    found = {}
    formal = 0
    for page in pages:
        text = page_text(page.read_text("utf-8"))
        formal += len(FORMAL.findall(text))
        if hits := informal_words(text):
            found[page.relative_to(chrome_site).as_posix()] = hits
    assert found == {}
    assert formal > 10  # the walk reads the pages' words: the site does say "u"


def test_our_scripts_templates_and_guides_do_not_say_je():
    found = {}
    for path in [*OWN_SCRIPTS, *TEMPLATES, *GUIDES]:
        if hits := informal_words(path.read_text("utf-8")):
            found[path.relative_to(REPO).as_posix()] = hits
    assert found == {}


def python_strings(path: Path) -> list[str]:
    """Every string constant of a module, the parts of f-strings included."""
    tree = ast.parse(path.read_text("utf-8"))
    return [node.value for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str)]


def test_no_message_of_the_generator_says_je():
    modules = sorted((REPO / "generator").rglob("*.py")) + sorted((REPO / "scripts").glob("*.py"))
    assert len(modules) > 40
    found = {}
    for module in modules:
        hits = [hit for text in python_strings(module) for hit in informal_words(text)]
        if hits:
            found[module.relative_to(REPO).as_posix()] = hits
    assert found == {}


@pytest.mark.parametrize(("text", "informal"), [
    ("Bedoelde je 'themes'?", True), ("Heb je geen schrijfrechten", True),
    ("Jouw wijziging", True), ("Bedoelde u 'themes'?", False), ("jeugdzorg en JSON", False),
    ("Housing First-je", False)])
def test_the_detector_itself(text, informal):
    assert bool(informal_words(text)) is informal
