"""The site's search index, made by the core from each converted page's HTML.

Material for MkDocs' search plugin reads every page with an `html.parser.HTMLParser` (2.4 s of
a 17 s build at 1,000 interventions). This module gives the same documents, field for field
and byte for byte, from a regular-expression tokenizer: one document per section (split at
headings with an id), kept tags written bare (`<p>`, `<li>`, ...), everything else as text,
`data-search-exclude` blocks and permalinks left out. Material's parser has quirks (it
compares elements by tag name only, so closing any inner element of an excluded block of the
same tag ends the exclusion); they are kept, so the index does not change.

Two files come out of it (generator/renderers/mkdocs/search.py writes them):
- the full index, every section, as Material's plugin wrote it;
- a small primary index, one document per page (title, first paragraphs, headings), which the
  reader's browser loads first (theme/assets/javascripts/search-lazy.js).

Pure functions, no MkDocs import: the adapter passes the page's HTML, toc ids, URL and meta.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass, field

# Material's parser: tags kept (bare) in a section's text, tags whose content is left out.
KEEP = frozenset({"p", "code", "pre", "li", "ol", "ul", "sub", "sup"})
ALWAYS_SKIPPED = frozenset({"object", "script", "style"})
HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                  "param", "source", "track", "wbr"})
# Elements whose content HTMLParser reads as raw text up to their end tag.
RAW_TEXT = ("script", "style")

# One token: a start or end tag (attribute values may hold '>'), a comment, a declaration
# or processing instruction. Text is what lies between tokens.
_TOKEN = re.compile(
    r"<(?:(/?)([a-zA-Z][^\t\n\r\f />\x00]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>"
    r"|!--.*?-->|![^>]*>|\?[^>]*>)", re.S)
# HTMLParser's attribute pattern (html.parser.attrfind_tolerant), for the few tags we look into.
_ATTR = re.compile(
    r"((?<=[\'\"\s/])[^\s/>][^\s/=>]*)(\s*=+\s*"
    r"(\'[^\']*\'|\"[^\"]*\"|(?![\'\"])[^>\s]*))?(?:\s|/(?!>))*")
_RAW_START = re.compile(r"<(?:script|style)[\s/>]", re.I)
_RAW_ELEMENT = re.compile(
    r"<(?P<name>script|style)(?P<attrs>(?:[^>\"']|\"[^\"]*\"|'[^']*')*)>"
    r"(?:.*?(?P<end></(?P=name)\s*>)|.*)", re.S | re.I)
_PARAGRAPH = re.compile(r"<p>(.*?)</p>", re.S)
_TAG = re.compile(r"<[^>]+>")
# What a page's own entry may carry besides Material's fields (PageInfo.article): `keywords`,
# keys into `words` (what its themes and target groups are called, by the site and by readers),
# which index_parts moves into the index's config, once for all pages.
ARTICLE_KEYS = ("keywords", "badge", "badge_css", "words")
WORDS_KEY = "ww_words"
# The primary index keeps a page's first paragraphs up to about this many characters.
SUMMARY_CHARS = 280


@dataclass
class Section:
    """A heading (or the page's start) and what follows it, as Material's parser sees it."""
    tag: str
    depth: float = 0
    excluded: bool = False
    id: str | None = None
    title: list[str] = field(default_factory=list)
    text: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class PageInfo:
    """What the index needs of a page besides its HTML."""
    url: str
    title: str  # meta title or page title: for sections without a heading text
    tags: tuple[str, ...] | None = None
    extra: dict = field(default_factory=dict)  # `search: boost:` from the page's header
    excluded: bool = False  # `search: exclude: true` in the page's header
    # Only on the page's own entry (its first document): `keywords` (its themes and target
    # groups and the words readers use for them) and an intervention's `badge` (issue 25).
    article: dict = field(default_factory=dict)


def parse_attrs(text: str) -> dict[str, str | None]:
    """A start tag's attributes as HTMLParser gives them: lower-case names, unquoted and
    unescaped values, the last of duplicate names."""
    attrs: dict[str, str | None] = {}
    for match in _ATTR.finditer(" " + text):
        name, rest, value = match.groups()
        if not name:
            continue
        if not rest:
            value = None
        elif value[:1] == value[-1:] and value[:1] in ("'", '"'):
            value = value[1:-1]
        if value and "&" in value:
            value = html.unescape(value)
        attrs[name.lower()] = value
    return attrs


def split_sections(page_html: str) -> list[Section]:
    """The page's sections as Material's search parser (material/plugins/search/plugin.py,
    class Parser) makes them, state for state. That parser compares elements by tag name
    only; so do we, with counters of open elements per tag instead of list scans. One loop
    without calls per token: this runs over every page of the site."""
    parts = _tokens(page_html)
    data: list[Section] = []
    context: list[str] = []
    open_tags: dict[str, int] = {}
    skip = set(ALWAYS_SKIPPED)
    skipped = 0  # open elements whose tag is in `skip`
    anchors: list[bool] = []  # per open <a>: is it a heading permalink?
    permalinks = 0
    section: Section | None = None
    last = len(parts) - 1
    for index in range(0, last + 1, 4):
        raw = parts[index]
        if raw and not skipped:
            # HTMLParser hands a '<' that starts no tag over as a text of its own.
            for chunk in _stray_less_than(raw) if "<" in raw else (raw,):
                if "&" in chunk:
                    chunk = html.unescape(chunk)
                in_pre = bool(open_tags.get("pre"))
                if not in_pre:
                    chunk = " " if chunk.isspace() else chunk.replace("\n", " ")
                if section is None:
                    section = _top_level(data)
                if open_tags.get(section.tag):
                    if not permalinks:
                        section.title.append(html.escape(chunk, quote=False))
                elif chunk.isspace():
                    if not section.text or not section.text[-1].isspace() or in_pre:
                        section.text.append(chunk)
                else:
                    section.text.append(html.escape(chunk, quote=False))
        if index == last:
            break
        closing, tag, attr_text = parts[index + 1:index + 4]
        if tag is None:
            continue  # comment, declaration, processing instruction
        tag = tag.lower()
        if not closing:
            if tag in VOID:
                continue
            flagged = "data-search-exclude" in attr_text or "linenodiv" in attr_text
            wanted = flagged or tag in HEADINGS or (tag == "a" and "headerlink" in attr_text)
            attrs = parse_attrs(attr_text) if wanted else {}
            context.append(tag)
            open_tags[tag] = open_tags.get(tag, 0) + 1
            if tag in skip:
                skipped += 1
            if tag == "a":
                anchors.append(attrs.get("class") == "headerlink")
                permalinks += anchors[-1]
            if tag in HEADINGS and "id" in attrs:
                if tag != "h1" and not data:
                    _top_level(data, len(context))
                section = Section(tag, len(context), excluded="data-search-exclude" in attrs)
                if data:
                    section.id = attrs["id"]
                data.append(section)
            if section is None:
                section = _top_level(data)
            if flagged and ("data-search-exclude" in attrs or attrs.get("class") == "linenodiv"):
                skip.add(tag)
                skipped = sum(1 for name in context if name in skip)
            elif tag in KEEP and not skipped:
                (section.title if open_tags.get(section.tag) else section.text).append(f"<{tag}>")
            if not attr_text.endswith("/"):
                continue
        # The end of an element (or of a self-closing one, just opened).
        if not context or context[-1] != tag:
            continue
        if section.depth > len(context):
            for candidate in reversed(data):
                if candidate.depth <= len(context):
                    section.depth = float("inf")
                    section = candidate
                    break
        context.pop()
        open_tags[tag] -= 1
        if tag == "a" and anchors.pop():
            permalinks -= 1
        if tag in skip:
            skipped -= 1
            if tag not in ALWAYS_SKIPPED:
                skip.remove(tag)
                skipped = sum(1 for name in context if name in skip)
        elif tag in KEEP and not skipped:
            _close(section.title if open_tags.get(section.tag) else section.text, tag)
    return data


def _top_level(data: list[Section], depth: float = 0) -> Section:
    section = Section("hx", depth)
    data.append(section)
    return section


def _close(data: list[str], tag: str) -> None:
    # Material drops an element that holds only whitespace, looking from the FIRST opening of
    # that tag in the section: a quirk, kept.
    index = data.index(f"<{tag}>")
    for i in range(index + 1, len(data)):
        if not data[i].isspace():
            index = len(data)
            break
    if len(data) > index:
        del data[index:]
    else:
        data.append(f"</{tag}>")


def _stray_less_than(raw: str) -> list[str]:
    pieces = []
    for index, piece in enumerate(raw.split("<")):
        if index:
            pieces.append("<")
        if piece:
            pieces.append(piece)
    return pieces


def _tokens(page_html: str) -> list:
    """[text, closing, tag, attributes, text, ...]: what _TOKEN.split gives. Scripts and
    styles, whose content HTMLParser reads raw up to their end tag (and Material skips), are
    cut out first, their content left empty."""
    if not _RAW_START.search(page_html):
        return _TOKEN.split(page_html)
    parts: list = [""]
    position = 0
    for match in _RAW_ELEMENT.finditer(page_html):
        _extend(parts, _TOKEN.split(page_html[position:match.start()]))
        parts += ["", match["name"], match["attrs"], ""]
        if match["end"] is None:  # never closed: the rest of the page is its content
            return parts
        parts += ["/", match["name"], "", ""]
        position = match.end()
    _extend(parts, _TOKEN.split(page_html[position:]))
    return parts


def _extend(parts: list, more: list) -> None:
    """Append split tokens, joining the text that ends `parts` and the text that starts `more`."""
    parts[-1] += more[0]
    parts += more[1:]


def page_docs(page_html: str, page: PageInfo) -> list[dict]:
    """The page's documents for the full index, as Material's plugin makes them."""
    if page.excluded:
        return []
    docs = []
    for section in split_sections(page_html):
        if section.excluded:
            continue
        location = page.url + (f"#{section.id}" if section.id else "")
        title = "".join(section.title).strip() if section.title else page.title.strip()
        doc: dict = {"location": location, "title": title, "text": "".join(section.text).strip()}
        if page.tags is not None:
            doc["tags"] = list(page.tags)
        doc.update(page.extra)
        if not docs:
            doc.update(page.article)
        docs.append(doc)
    return docs


def page_tags(meta: dict) -> tuple[str, ...] | None:
    """A page header's `tags` as Material's plugin indexes them (None: no tags list)."""
    tags = meta.get("tags")
    if not isinstance(tags, list):
        return None
    return tuple(str(name) for name in tags if name and isinstance(name, (str, int, float, bool)))


def primary_docs(pages: list[list[dict]]) -> list[dict]:
    """One document per page (see `primary_doc`). Headings that more than a tenth of the pages
    share (an intervention's Doel, Doelgroep, ...) say nothing about one page: left out."""
    counts: dict[str, int] = {}
    for docs in pages:
        for title in {doc["title"] for doc in docs[1:]}:
            counts[title] = counts.get(title, 0) + 1
    limit = max(4, len(pages) // 10)
    common = {title for title, count in counts.items() if count > limit}
    primary = (primary_doc(docs, common) for docs in pages)
    return [doc for doc in primary if doc]


def primary_doc(docs: list[dict], common: frozenset[str] | set[str] = frozenset()) -> dict | None:
    """One document for a page: its title, its first paragraphs and its headings (but the
    `common` ones). The reader's browser searches these first, while the full index is still
    on its way."""
    if not docs:
        return None
    first = docs[0]
    summary: list[str] = []
    size = 0
    for doc in docs[:2]:  # a page's start and its title section (the summary)
        for paragraph in _PARAGRAPH.findall(doc["text"]):
            if size >= SUMMARY_CHARS:
                break
            summary.append(f"<p>{paragraph}</p>")
            size += len(_TAG.sub("", paragraph))
    headings = [doc["title"] for doc in docs[1:]
                if doc["title"] and doc["title"] != first["title"] and doc["title"] not in common]
    text = "".join(summary)
    if headings:
        text += "<p>" + " · ".join(headings) + "</p>"
    primary = {"location": first["location"].split("#", 1)[0], "title": first["title"],
               "text": text}
    for key in ("tags", "boost", *ARTICLE_KEYS):
        if key in first:
            primary[key] = first[key]
    return primary


def shared_words(pages: list[list[dict]]) -> tuple[list[list[dict]], dict[str, str]]:
    """The pages' documents without their `words`, and those words gathered once (the same
    theme's words would otherwise repeat in every entry of that theme)."""
    words: dict[str, str] = {}
    out = []
    for docs in pages:
        if docs and "words" in docs[0]:
            first = dict(docs[0])
            words.update(first.pop("words"))
            docs = [first, *docs[1:]]
        out.append(docs)
    return out, dict(sorted(words.items()))


def index_json(config: dict, docs: list[dict], ascii_only: bool = True) -> str:
    """The index file's text, written as Material's plugin writes it (the primary index
    keeps letters such as ë as they are: a third of the bytes of their \\u escapes)."""
    return json.dumps({"config": config, "docs": docs}, separators=(",", ":"), default=str,
                      ensure_ascii=ascii_only)
