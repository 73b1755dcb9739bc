"""What Material's search index holds for an intervention: the fact card's values as words of
their own (not glued to their labels), and none of the page's navigation aids."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[1]


def index(site, name: str = "search_index_full.json") -> dict:
    """The full index (every section), or with name="search_index.json" the primary one."""
    return json.loads((site / "search" / name).read_text("utf-8"))


def tokens(text: str, separator: str) -> set[str]:
    plain = re.sub(r"<[^>]+>", " ", text)
    # lunr's trimmer takes punctuation off both ends of a token, as the reader's browser does
    trimmed = (re.sub(r"^\W+|\W+$", "", t) for t in re.split(separator, plain))
    return {t.lower() for t in trimmed if t}


def test_fact_card_values_are_words_of_their_own(site, catalog) -> None:
    data = index(site)
    separator = data["config"]["separator"]
    docs = {d["location"]: d for d in data["docs"]}
    for item in catalog.interventions:
        words = tokens(docs[f"interventies/{item.slug}/#titel"]["text"], separator)
        for group in item.target_groups:
            label = catalog.vocab.label("target_groups", group)
            assert set(tokens(label, separator)) <= words, (item.slug, label)
        if item.owner:  # its name was glued to the website that follows it
            assert tokens(item.owner.organisation, separator) <= words, item.slug


def test_jump_links_and_history_line_are_not_indexed(site) -> None:
    texts = [d["text"] for d in index(site)["docs"]]
    assert not any("Direct naar" in t for t in texts)
    assert not any("Bekijk de geschiedenis" in t for t in texts)


# --- Our index builder (generator/postprocess/search_index.py) against Material's parser ---

class FakePage:
    """What Material's SearchIndex reads of a MkDocs page."""

    def __init__(self, content: str, url: str = "p/", title: str = "Pagina",
                 meta: dict | None = None) -> None:
        self.content, self.url, self.title = content, url, title
        self.meta, self.toc = meta or {}, []


def material_docs(content: str, meta: dict | None = None) -> list[dict]:
    from material.plugins.search.plugin import SearchIndex

    index = SearchIndex()
    index.add_entry_from_context(FakePage(content, meta=meta))
    return index.entries


def our_docs(content: str, meta: dict | None = None) -> list[dict]:
    from generator.postprocess.search_index import PageInfo, page_docs, page_tags

    meta = meta or {}
    search = meta.get("search") or {}
    return page_docs(content, PageInfo(
        url="p/", title=str(meta.get("title", "Pagina")), tags=page_tags(meta),
        extra={"boost": search["boost"]} if "boost" in search else {},
        excluded=bool(search.get("exclude"))))


# Each case is a behaviour of Material's parser that the index keeps.
CASES = {
    "preface and h1 without anchor": "<p>Kop</p><h1 id='titel'>Titel <b>vet</b></h1><p>Tekst</p>",
    "first heading h2": "<h2 id='a'>A</h2><p>een\ntwee</p><h3 id='b'>B</h3><ul><li>x</li></ul>",
    "heading without id is text": "<h2 id='a'>A</h2><h3>Geen id</h3><p>t</p>",
    "permalink left out": '<h2 id="a">A<a class="headerlink" href="#a" title="x">¶</a></h2>',
    "excluded block": "<h2 id='a'>A</h2><ul data-search-exclude><li>weg</li></ul><p>blijft</p>",
    "excluded block ended early by an inner element of its tag":
        "<h2 id='a'>A</h2><div data-search-exclude><div>weg</div>toch<p>ook</p></div>",
    "excluded heading": "<h2 id='a' data-search-exclude>A</h2><p>weg?</p><h2 id='b'>B</h2>",
    "entities and escapes": "<p>a &amp; b &lt;c&gt; &eacute; &#233; 5 &gt; 3</p>",
    "stray less-than": "<p>a < b</p><p> x </p>",
    "whitespace runs": "<p>a</p>\n\n  <p>b</p><p>   </p><p>c  d\n e</p>",
    "pre keeps whitespace": "<pre><code>a\n  b\n\n</code></pre><p>x</p>",
    "script, style, svg and comments":
        "<script>var a = '<p>';</script><style>p{}</style><!-- <p>c</p> -->"
        '<svg viewBox="0 0 1 1"><path d="M0"/></svg><p>na</p>',
    "void tags and self-closing": "<p>a<br>b<br/>c<img src='x' alt='>'>d<wbr>e</p>",
    "attribute values holding >": '<p title="a > b">t</p><h2 id="x" title=">">X</h2>',
    "unclosed and stray end tags": "<p>a<span>b</p></span><li>c</ul>",
    "nested heading leaves its section":
        "<div><h2 id='a'>A</h2><p>in</p></div><p>buiten</p><h2 id='b'>B</h2>",
    "empty elements dropped": "<ul><li> </li></ul><p></p><p>x</p>",
    "upper-case tags": "<P>A</P><H2 ID='k'>K</H2><UL><LI>x</LI></UL>",
    "line numbers left out": "<div class='linenodiv'><pre>1\n2</pre></div><pre>code</pre>",
}


@pytest.mark.parametrize("name", CASES)
def test_our_documents_are_materials(name) -> None:
    assert our_docs(CASES[name]) == material_docs(CASES[name])


@pytest.mark.parametrize("meta", [{"title": "Eigen titel"}, {"tags": ["a", 2, None, ""]},
                                  {"search": {"boost": 2}}, {"search": {"exclude": True}}])
def test_page_header_fields_are_materials(meta) -> None:
    content = "<p>Intro</p><h2 id='a'>A</h2><p>t</p>"
    assert our_docs(content, meta) == material_docs(content, meta)


def test_every_built_page_gives_materials_documents(site) -> None:
    """Whole built pages (header, navigation, scripts, SVG icons, tables, forms) are the
    widest HTML at hand: both parsers must split each the same."""
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 50
    for path in pages:
        text = path.read_text("utf-8")
        assert our_docs(text) == material_docs(text), path.relative_to(site)


def test_primary_index_has_one_small_document_per_page(site) -> None:
    full, primary = index(site), index(site, "search_index.json")
    assert primary["config"] == full["config"]
    pages = {d["location"].split("#")[0] for d in full["docs"]}
    assert [d["location"] for d in primary["docs"]] == sorted(pages, key=[
        d["location"].split("#")[0] for d in full["docs"]].index)
    docs = {d["location"]: d for d in primary["docs"]}
    full_titles = {d["location"]: d["title"] for d in full["docs"]}
    interventions = [loc for loc in docs if re.fullmatch(r"interventies/[^/]+/", loc)]
    assert len(interventions) >= 15
    for location in interventions:
        doc = docs[location]
        assert doc["title"] == full_titles[location + "#titel"]
        summary = re.sub(r"<[^>]+>", "", full_doc(full, location + "#titel")["text"])[:80]
        assert summary in doc["text"]
        assert len(json.dumps(doc)) < 1200, location
    # the shared section names (Doel, Aanpak, ...) are no part of a page's summary
    assert not any("Doelgroep" in docs[loc]["text"] for loc in interventions)


def full_doc(full: dict, location: str) -> dict:
    return next(d for d in full["docs"] if d["location"] == location)


# --- The adapter: Material's search plugin indexes nothing itself ----------------------------

class ConfigView(dict):
    """Material's plugin config: read by key, and `enabled` as an attribute."""
    enabled = True


def fake_build(tmp_path, offline: bool):
    from types import SimpleNamespace as NS

    material = NS(config=ConfigView(lang=["nl"], separator="[\\s]+", pipeline=[], fields={}),
                  search_index=None)
    plugins = {"material/search": material}
    if offline:
        plugins["material/offline"] = NS(config=NS(enabled=True))
    pages = [NS(src_uri=name) for name in ("b.md", "a.md", "gone.md")]
    files = NS(documentation_pages=lambda: pages[:2])  # gone.md left the site
    return NS(plugins=plugins, site_dir=str(tmp_path)), files, material


def test_material_writes_our_primary_index_and_we_the_full_one(tmp_path) -> None:
    from generator.renderers.mkdocs.search import attach, write_full

    config, files, material = fake_build(tmp_path, offline=True)
    docs = {"a.md": [{"location": "a/", "title": "A", "text": "<p>Over a</p>"},
                     {"location": "a/#x", "title": "X", "text": "<p>x</p>"}],
            "b.md": [{"location": "b/", "title": "B", "text": "<p>Over b</p>"}],
            "gone.md": [{"location": "gone/", "title": "Weg", "text": ""}]}
    index = attach(config, files, lambda: docs)
    assert material.search_index is index
    index.add_entry_from_context(object())  # Material's per-page call adds nothing
    primary = json.loads(index.generate_search_index(None))
    assert primary["config"] == {"lang": ["nl"], "separator": "[\\s]+", "pipeline": [],
                                 "fields": {}}
    assert [d["location"] for d in primary["docs"]] == ["b/", "a/"]  # build order, no gone/
    # the first paragraphs of its first two sections, then its other headings
    assert primary["docs"][1]["text"] == "<p>Over a</p><p>x</p><p>X</p>"
    write_full(index, config)
    full = (tmp_path / "search" / "search_index_full.json").read_text("utf-8")
    assert [d["location"] for d in json.loads(full)["docs"]] == ["b/", "a/", "a/#x"]
    script = (tmp_path / "search" / "search_index_full.js").read_text("utf-8")
    assert script == f"var __index_full = {full}"


def test_without_the_offline_plugin_no_script_twin(tmp_path) -> None:
    from generator.renderers.mkdocs.search import attach, write_full

    config, files, _ = fake_build(tmp_path, offline=False)
    write_full(attach(config, files, dict), config)
    assert (tmp_path / "search" / "search_index_full.json").is_file()
    assert not (tmp_path / "search" / "search_index_full.js").exists()


def test_a_switched_off_search_plugin_is_left_alone() -> None:
    from types import SimpleNamespace as NS

    from generator.renderers.mkdocs.search import attach

    switched_off = ConfigView()
    switched_off.enabled = False
    material = NS(config=switched_off, search_index="Material's own")
    config = NS(plugins={"material/search": material})
    assert attach(config, NS(documentation_pages=list), dict) is None
    assert attach(NS(plugins={}), NS(documentation_pages=list), dict) is None
    assert material.search_index == "Material's own"


# --- The reader's words (issue 25): vocabularies.yml `words`, on each page's own entry -------

def test_an_entrys_own_document_carries_its_vocabulary_words_and_badge(site, catalog) -> None:
    """Every intervention's and dossier's own entry, in both indexes, names its themes and
    target groups, whose words (the label and what readers call it) the index holds once;
    an intervention's entry also has its badge. Sections carry neither."""
    from generator.render.common import badge

    vocab = catalog.vocab
    full, primary = index(site), index(site, "search_index.json")
    shared = full["config"]["ww_words"]
    assert primary["config"]["ww_words"] == shared
    firsts = {d["location"]: d for d in full["docs"] if "#" not in d["location"]}
    prims = {d["location"]: d for d in primary["docs"]}
    entries = [(f"interventies/{i.slug}/", i.themes, i.target_groups
                + i.intermediate_target_groups, badge(catalog, i)) for i in catalog.interventions]
    entries += [(f"dossiers/{d.slug}/", d.themes, [], None) for d in catalog.dossiers]
    assert len(entries) > 20
    some_words = 0
    for location, themes, groups, item_badge in entries:
        for doc in (firsts[location], prims[location]):
            keys = doc["keywords"].split()
            assert "words" not in doc
            for name, key, ids in (("themes", "thema", themes),
                                   ("target_groups", "doelgroep", groups)):
                for term_id in ids:
                    term = vocab.term(name, term_id)
                    assert f"{key}:{term_id}" in keys
                    assert shared[f"{key}:{term_id}"].split(" · ") == [term.label, *term.words]
                    some_words += len(term.words)
            assert doc.get("badge") == (item_badge["label"] if item_badge else None)
    assert some_words > 100
    assert not any("keywords" in d or "badge" in d for d in full["docs"] if "#" in d["location"])


VALID_WORDS = "  - {id: eenzaamheid, label: Eenzaamheid, words: [isolement, eenzaam]}\n"


@pytest.mark.parametrize(("entry", "message"), [
    ("  - {id: eenzaamheid, label: Eenzaamheid, words: isolement}\n", "moet een lijst"),
    ("  - {id: eenzaamheid, label: Eenzaamheid, words: [isolement, '']}\n", "moet een lijst"),
    ("  - {id: eenzaamheid, label: Eenzaamheid, words: [isolement, 3]}\n", "moet een lijst"),
])
def test_vocabulary_words_must_be_a_list_of_words(tmp_path, entry, message) -> None:
    from generator.content.vocab import load_vocabularies

    text = (REPO_ROOT / "vocabularies.yml").read_text("utf-8")
    line = next(n for n, row in enumerate(text.splitlines(), 1) if "id: eenzaamheid" in row)
    start = text.index("  - {id: eenzaamheid")
    end = text.index("\n  - ", start + 1) + 1
    (tmp_path / "vocabularies.yml").write_text(text[:start] + entry + text[end:], "utf-8")
    vocab, issues = load_vocabularies(tmp_path)
    assert [(i.code, i.line) for i in issues] == [("vocabulary-entry", line)]
    assert message in issues[0].message and "eenzaamheid" in issues[0].message
    assert vocab.term("themes", "eenzaamheid") is None

    (tmp_path / "vocabularies.yml").write_text(text[:start] + VALID_WORDS + text[end:], "utf-8")
    vocab, issues = load_vocabularies(tmp_path)
    assert issues == [] and vocab.term("themes", "eenzaamheid").words == ("isolement", "eenzaam")


def test_vocabulary_words_only_for_themes_and_target_groups(tmp_path) -> None:
    from generator.content.vocab import load_vocabularies

    text = (REPO_ROOT / "vocabularies.yml").read_text("utf-8")
    level = "  - id: goed-beschreven\n"
    text = text.replace(level, level + "    words: [basis]\n")
    (tmp_path / "vocabularies.yml").write_text(text, "utf-8")
    _, issues = load_vocabularies(tmp_path)
    assert [i.code for i in issues] == ["vocabulary-entry"]
    assert "alleen bij thema's en doelgroepen" in issues[0].message
