"""Checks the Markdown body: required sections, empty sections, and the HTML allow-list.

Bodies are tokenized with markdown-it (CommonMark), which keeps line maps. Raw HTML is looked
for in the *source* of every paragraph and HTML block, not only where markdown-it sees a tag,
so that a construct another Markdown parser (the renderer's) might read as HTML is checked too.
Code spans and code blocks are code, not HTML, and are skipped.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from functools import lru_cache
from html.parser import HTMLParser

from markdown_it import MarkdownIt

from generator.check.body_structure import (  # noqa: F401 - normalize_heading: used via this module
    LookAlike,
    Section,
    _blank_text,
    blank_code_spans,
    heading_look_alike,
    normalize_heading,
    paragraph_look_alikes,
    section_issues,
    unclosed_blocks,
)
from generator.check.complexity import complexity_problems
from generator.check.preview import preview_issues
from generator.core.issues import Issue, error, warning

ALLOWED_TAGS: dict[str, frozenset[str]] = {
    **{tag: frozenset() for tag in (
        "p br strong em b i u sub sup table thead tbody tr th ul ol li dl dt dd blockquote "
        "code pre details summary figure figcaption span div hr").split()},
    "abbr": frozenset({"title"}),
    "a": frozenset({"href", "title"}),
    "img": frozenset({"src", "alt", "title", "width", "height"}),
    "td": frozenset({"colspan", "rowspan"}),
}
URL_ATTRIBUTES = {"href", "src"}
ALLOWED_SCHEMES = {"http", "https", "mailto"}
_SCHEME_RE = re.compile(r"^([a-z][a-z0-9+.\-]*):")
# A link that stays inside the site: no scheme, no '//host', and not empty.
_INTERNAL_RE = re.compile(r"^(?![a-zA-Z][a-zA-Z0-9+.\-]*:)(?!//)\S")
_INVISIBLE_RE = re.compile(r"[\x00-\x20\x7f]+")
_AUTOLINK_RE = re.compile(r"<([a-zA-Z][a-zA-Z0-9+.\-]{1,31}:[^\s<>]*)>")
_EMAIL_AUTOLINK_RE = re.compile(r"<[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]*"
                                r"[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*>")
_TAG_START_RE = re.compile(r"<\s*[/!?]?\s*[a-zA-Z]")
_EARLY_COMMENT_END_RE = re.compile(r"<!--->|<!-->|--!>")
# `[^<>]`, not `[^>]`: each '<' scans only to the next '<', so the search stays linear.
_SUSPICIOUS_RE = re.compile(r"<[^<>]*?[\s/\"'](on[a-z]+|style|formaction|srcdoc)\s*=", re.I)


def _markdown() -> MarkdownIt:
    parser = MarkdownIt("commonmark")
    parser.validateLink = lambda url: True  # we judge every link ourselves, with a message
    # Keep link targets as the browser will see them: percent-encoding would hide an
    # entity-encoded tab in 'java&#9;script:', which a browser strips again.
    parser.normalizeLink = lambda url: url
    parser.core.ruler.at("inline", _parse_inline_with_links)
    return parser


def _parse_inline_with_links(state) -> None:
    """markdown-it's inline rule, for the inline tokens that can hold a link or image.

    The scanner reads only links and images from the inline children (raw HTML and autolinks
    are looked for in the source text), and with linkify off (CommonMark) a link needs a '['
    or an autolink's '<'. Skipping the other paragraphs saves a third of the tokenizing."""
    for token in state.tokens:
        if token.type == "inline":
            token.children = []
            if "[" in token.content or "<" in token.content:
                state.md.inline.parse(token.content, state.md, state.env, token.children)


_MD = _markdown()


@dataclass(frozen=True)
class BodyLink:
    """A link or image inside the site, as the editor wrote it (generator/check/body_links.py
    resolves it). `markdown` is False for an HTML attribute, which MkDocs leaves as it is."""

    line: int
    column: int | None
    url: str
    what: str  # Dutch: 'link', 'afbeelding', 'HTML-attribuut href'
    markdown: bool


@dataclass
class BodyReport:
    sections: list[Section] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)
    links: list[BodyLink] = field(default_factory=list)
    look_alikes: list[LookAlike] = field(default_factory=list)


def check_body(path: str, kind: str, body: str, body_line: int) -> BodyReport:
    """All problems of one body; `body_line` is the file line the body starts on."""
    if len(body) > MAX_CACHED_BODY:
        return _check_body(path, kind, body, body_line)
    sections, issues, links = _check_body_once(path, kind, body, body_line)
    return BodyReport(list(sections), list(issues), list(links))


# `watwerkt serve` checks every file again after each save; a body that did not change needs
# no second tokenizing (two thirds of the check). The key is the whole text, so a changed
# body is always checked again. Outsized bodies (pasted by accident) are not kept.
MAX_CACHED_BODY = 100_000

CachedReport = tuple[tuple[Section, ...], tuple[Issue, ...], tuple[BodyLink, ...]]
# Reports checked in another process (the check's second half, generator/pipeline.py), by
# check_body's arguments: each is handed to the cache below the first time it is asked for.
_AHEAD: dict[tuple[str, str, str, int], CachedReport] = {}


def keep_reports(checked) -> None:
    """Keep reports checked ahead: pairs of check_body's arguments and checked_report's
    result. Reports kept before and never asked for are dropped."""
    _AHEAD.clear()
    _AHEAD.update(checked)


def checked_report(path: str, kind: str, body: str, body_line: int) -> CachedReport:
    """check_body's result as the cache keeps it (immutable, so it can be shared)."""
    report = _check_body(path, kind, body, body_line)
    return tuple(report.sections), tuple(report.issues), tuple(report.links)


def report_to_keep(path: str, kind: str, body: str, body_line: int) -> CachedReport | None:
    """The cached report of a body check_body has checked here, for keep_reports in another
    process; None for a body too long for the cache."""
    if len(body) > MAX_CACHED_BODY:
        return None
    return _check_body_once(path, kind, body, body_line)


@lru_cache(maxsize=16384)
def _check_body_once(path: str, kind: str, body: str, body_line: int) -> CachedReport:
    ahead = _AHEAD.pop((path, kind, body, body_line), None)
    return ahead if ahead is not None else checked_report(path, kind, body, body_line)


def _check_body(path: str, kind: str, body: str, body_line: int) -> BodyReport:
    report = BodyReport()
    too_complex = complexity_problems(body)
    if too_complex:
        report.issues.extend(
            error(path, body_line + body.count("\n", 0, problem.offset), None, None,
                  "body-too-complex", problem.message()) for problem in too_complex)
        return report
    unwrapped = unwrap_containers(body)
    try:
        tokens = _MD.parse(unwrapped)
    except Exception as exc:  # noqa: BLE001 - a tokenizer bug must become a message, not a crash
        report.issues.append(error(path, body_line, 1, None, "body-unreadable",
                                   f"De tekst kan niet verwerkt worden ({type(exc).__name__})."))
        return report
    scanner = _Scanner(path, body_line, report, body)
    for index, token in enumerate(tokens):
        scanner.token(token, tokens[index + 1] if index + 1 < len(tokens) else None)
    unclosed = unclosed_blocks(path, unwrapped, tokens, body_line)
    report.issues.extend(unclosed)
    report.issues.extend(section_issues(path, kind, report.sections, report.look_alikes,
                                        body_line))
    # After a tag or comment that swallows the rest every block differs: no comparison then.
    # Lines with a message of their own (forbidden HTML, a heading slip) need no second one.
    taken = frozenset(issue.line for issue in report.issues if issue.line)
    report.issues.extend(preview_issues(path, body, body_line, not unclosed, taken))
    return report


_CONTAINER_RE = re.compile(r"^ {0,3}(?:(?:!!!|\?\?\?\+?)[ \t]+\S.*|\[\^[^\]\s]+\]:[ \t]?)")
_FOOTNOTE_MARK_RE = re.compile(r"^ {0,3}\[\^[^\]\s]+\]:[ \t]?")


def unwrap_containers(body: str) -> str:
    """Python-Markdown's admonitions (`!!! note`) and footnote definitions (`[^1]: …`) hold
    indented Markdown that CommonMark reads as a code block or a link definition: dedent it,
    line for line, so that the HTML and links inside are checked like any other text."""
    lines = body.split("\n")
    inside = False
    for number, line in enumerate(lines):
        if _CONTAINER_RE.match(line):
            lines[number] = _FOOTNOTE_MARK_RE.sub("", line)
            inside = True
        elif inside and (not line.strip() or line.startswith(("    ", "\t"))):
            lines[number] = line[1:] if line.startswith("\t") else line[4:]
        else:
            inside = False
    return "\n".join(lines)


class _Scanner:
    def __init__(self, path: str, body_line: int, report: BodyReport, body: str) -> None:
        self.path, self.body_line, self.report = path, body_line, report
        self.lines = body.split("\n")
        self.previous = ""  # the type of the token before the current one
        self.reported: set[tuple[int, str]] = set()  # one message per line and name

    def first_time(self, line: int, name: str) -> bool:
        if (line, name) in self.reported:
            return False
        self.reported.add((line, name))
        return True

    def token(self, token, following) -> None:
        line = self.body_line + (token.map[0] if token.map else 0)
        previous, self.previous = self.previous, token.type
        self._token(token, following, line, previous)

    def _token(self, token, following, line: int, previous: str) -> None:
        if token.type == "heading_open":
            title = " ".join((following.content if following else "").split())
            if token.tag == "h1":
                self.report.issues.append(warning(
                    self.path, line, 1, None, "body-h1",
                    f"Op regel {line} staat een kop met één hekje ('# {title}'). De titel komt "
                    "al uit 'title'; gebruik '##' voor secties en '###' daaronder."))
            if token.tag == "h2":
                self.report.sections.append(Section(title, line))
                return
            self.report.look_alikes.append(heading_look_alike(line, title, token.tag))
            return
        elif token.type not in ("heading_close", "inline") and token.nesting >= 0 \
                and self.report.sections:
            self.report.sections[-1].has_content = True
        if token.type == "html_block":
            self.html(token.content, line)
        elif token.type == "code_block" and token.level > 0:
            # Indented code inside a list or quote: CommonMark reads code, but Python-Markdown
            # (the renderer, with 4-space list indents) reads a paragraph with live HTML.
            self.html(token.content, line)
        elif token.type == "inline":
            self.inline(token, line)
            if previous == "paragraph_open":  # not a heading's or a table cell's text
                self.report.look_alikes.extend(paragraph_look_alikes(token.content, line))
        if token.type in ("paragraph_open", "bullet_list_open", "ordered_list_open",
                          "blockquote_open", "fence", "code_block", "html_block", "hr") \
                and self.report.sections:
            self.report.sections[-1].has_content = True

    def inline(self, token, line: int) -> None:
        self.html(blank_code_spans(token.content), line)
        offset = 0
        for child in token.children or []:
            if child.type in ("softbreak", "hardbreak"):
                offset += 1
            elif child.type == "link_open":
                self.url(child.attrs.get("href", ""), line + offset, "link", markdown=True)
            elif child.type == "image":
                self.url(child.attrs.get("src", ""), line + offset, "afbeelding", markdown=True)
                if not child.content.strip():
                    self.without_alt(line + offset, child.attrs.get("src", ""))

    def html(self, text: str, line: int) -> None:
        for match, relative_line in _with_lines(_AUTOLINK_RE, text):
            self.url(match[1], line + relative_line - 1, "link")
        # '<info@example.org>' is an e-mail link in Markdown, not a tag.
        text = _EMAIL_AUTOLINK_RE.sub(_blank, _AUTOLINK_RE.sub(_blank, text))
        for match, relative_line in _with_lines(_EARLY_COMMENT_END_RE, text):
            # '<!-->' and '--!>' end a comment in a browser but not in Python's parser, which
            # would miss the markup behind them.
            if self.first_time(line + relative_line - 1, "<!--"):
                self.forbidden(line + relative_line - 1, "een HTML-commentaar dat een browser "
                               f"anders afsluit ('{match[0]}')", "element")
        if not _TAG_START_RE.search(text):
            return
        checker = _HtmlChecker()
        try:
            # Nothing after the last '>' can complete a tag, and Python's parser rescans an
            # unfinished tag to the end of the text for every '<': quadratic on '<a <a <a …'.
            checker.feed(text[:text.rfind(">") + 1])
            checker.close()
        except Exception:  # noqa: BLE001 - odd markup is reported below, never raised
            checker.found.append((1, "?", "onleesbare HTML", "element"))
        unescaped = _unescape_keeping_lines(text)
        reported_lines = {found[0] for found in checker.found}
        for match, relative_line in _with_lines(_SUSPICIOUS_RE, unescaped):
            # Markup Python's parser reads as text may still be a tag to a browser; a line whose
            # tag was reported already needs no second message.
            if relative_line not in reported_lines:
                attribute = match[1].lower()
                checker.found.append((relative_line, attribute, attribute, "attribuut"))
        for relative_line, name, what, kind in checker.found:
            where = line + relative_line - 1
            if self.first_time(where, name):
                self.forbidden(where, what, kind)
        for relative_line, value, attribute in checker.urls:
            self.url(value, line + relative_line - 1, f"HTML-attribuut {attribute}")
        for relative_line, value in checker.without_alt:
            self.without_alt(line + relative_line - 1, value)

    def without_alt(self, line: int, src: str) -> None:
        """WCAG 1.1.1: who cannot see an image hears its alt text instead. An image reported
        on its line already (forbidden HTML, an unsafe address) is removed, not described."""
        if any(reported == line for reported, _ in self.reported):
            return
        if self.first_time(line, "alt " + src):
            self.report.issues.append(error(
                self.path, line, self.column(line, src), None, "image-without-alt",
                f"Op regel {line} staat een afbeelding ('{src}') zonder beschrijving. Wie de "
                "afbeelding niet kan zien (een schermlezer, een trage verbinding), krijgt dan "
                "niets. Beschrijf in een paar woorden wat erop staat, tussen de rechte haken: "
                f"'![Twee buren in gesprek]({src})'."))

    def column(self, line: int, value: str) -> int | None:
        """Where `value` starts on its source line (1-based), if it is there as written."""
        index = line - self.body_line
        text = self.lines[index] if 0 <= index < len(self.lines) else ""
        found = text.find(value) if value else -1
        return found + 1 if found >= 0 else None

    def forbidden(self, line: int, what: str, kind: str) -> None:
        allowed = ", ".join(sorted(ALLOWED_TAGS))
        if kind == "attribuut":
            message = (f"Op regel {line} staat het HTML-attribuut '{what}', dat niet is "
                       "toegestaan (geen style, geen on…-attributen). Verwijder het; opmaak doet "
                       "u met Markdown.")
        else:
            message = (f"Op regel {line} staat HTML die niet is toegestaan: {what}. Verwijder "
                       f"het of gebruik Markdown. Toegestaan zijn alleen: {allowed}.")
        self.report.issues.append(error(self.path, line, None, None, "html-not-allowed",
                                        message))

    def url(self, value: str, line: int, what: str, markdown: bool = False) -> None:
        problem = url_problem(value)
        meant = _meant_address(value) if problem is None else None
        if meant is not None:
            if self.first_time(line, value):
                self.report.issues.append(error(
                    self.path, line, self.column(line, value), None, "link-without-scheme",
                    f"Op regel {line} verwijst een {what} naar '{value}'. {meant}"))
            return
        if problem is None and _INTERNAL_RE.match(value.strip()):
            self.report.links.append(BodyLink(line, self.column(line, value), value.strip(),
                                              what, markdown))
        if problem and not self.first_time(line, value):
            return
        if problem == "insecure":
            self.report.issues.append(warning(
                self.path, line, None, None, "insecure-link",
                f"Op regel {line} verwijst een {what} naar '{value}' met http://. Gebruik "
                "https:// als de website dat ondersteunt."))
        elif problem:
            shown = value if len(value) <= 60 else value[:57] + "…"
            self.report.issues.append(error(
                self.path, line, None, None, "unsafe-url",
                f"Op regel {line} verwijst een {what} naar '{shown}'. Alleen webadressen met "
                "https://, http:// of mailto:, of een verwijzing binnen de site, zijn "
                f"toegestaan ({problem}:-adressen kunnen code uitvoeren). Verwijder de link."))


_WEB_ADDRESS_RE = re.compile(
    r"^(?:www\.[^\s/]+|[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:nl|be|com|org|net|eu|info|de|uk|io|"
    r"gov|edu|frl|amsterdam|nu))(?:[/?#]\S*)?$", re.IGNORECASE)
_EMAIL_ADDRESS_RE = re.compile(r"^[^@\s/:<>]+@[^@\s/:<>]+\.[a-z]{2,}$", re.IGNORECASE)


def _meant_address(value: str) -> str | None:
    """What a link written as typed in Word or an e-mail means: an e-mail address without
    'mailto:', or a web address without 'https://' (which a browser would look for as a page
    of this site). None for any other link."""
    value = value.strip()
    if _EMAIL_ADDRESS_RE.match(value):
        return (f"Dat is een e-mailadres: zet er 'mailto:' voor, dan opent de link een nieuwe "
                f"mail: '(mailto:{value})'. Zonder 'mailto:' zoekt de browser een pagina "
                f"'{value}' op deze site, en die bestaat niet.")
    if _WEB_ADDRESS_RE.match(value):
        return (f"Dat is een webadres zonder 'https://': de browser zoekt dan een pagina "
                f"'{value}' op deze site, en die bestaat niet. Schrijf het hele adres: "
                f"'(https://{value})'.")
    return None


def url_problem(value: str) -> str | None:
    """None for a safe URL, 'insecure' for http:, else the forbidden scheme."""
    cleaned = _INVISIBLE_RE.sub("", html.unescape(value)).lower()
    match = _SCHEME_RE.match(cleaned)
    if not match:
        return None
    scheme = match[1]
    if scheme == "http":
        return "insecure"
    return None if scheme in ALLOWED_SCHEMES else scheme


class _HtmlChecker(HTMLParser):
    """Collects every tag and attribute outside the allow-list, with its line."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[int, str, str, str]] = []  # line, name, shown, kind
        self.urls: list[tuple[int, str, str]] = []
        self.without_alt: list[tuple[int, str]] = []  # <img> without an alt attribute
        self.opened: set[str] = set()  # forbidden elements reported at their start tag

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        line = self.getpos()[0]
        if tag not in ALLOWED_TAGS:
            self.found.append((line, tag, f"<{tag}>", "element"))
            self.opened.add(tag)
            return
        if tag == "img" and not any(name == "alt" for name, _ in attrs):
            self.without_alt.append((line, next((v or "" for n, v in attrs if n == "src"), "")))
        for name, value in attrs:
            if name not in ALLOWED_TAGS[tag]:
                self.found.append((line, name, f"<{tag} {name}=…>", "element"))
            elif name in URL_ATTRIBUTES:
                self.urls.append((line, value or "", name))

    handle_startendtag = handle_starttag

    def handle_endtag(self, tag: str) -> None:
        if tag not in ALLOWED_TAGS and tag not in self.opened:  # one message per element
            self.found.append((self.getpos()[0], tag, f"</{tag}>", "element"))

    def handle_decl(self, decl: str) -> None:
        self.found.append((self.getpos()[0], "!", f"<!{decl[:20]}>", "element"))

    def handle_pi(self, data: str) -> None:
        self.found.append((self.getpos()[0], "?", f"<?{data[:20]}>", "element"))

    def unknown_decl(self, data: str) -> None:
        self.found.append((self.getpos()[0], "![", f"<![{data[:20]}>", "element"))


def _blank(match: re.Match) -> str:
    """Keep line numbers: replace a match by as many newlines as it spans."""
    return _blank_text(match[0])


def _with_lines(pattern: re.Pattern, text: str):
    """Every match with its 1-based line in `text`, counting newlines only once."""
    line, counted = 1, 0
    for match in pattern.finditer(text):
        line += text.count("\n", counted, match.start())
        counted = match.start()
        yield match, line


def _unescape_keeping_lines(text: str) -> str:
    """Decode character references without adding or removing line breaks, so that an offset in
    the result still falls on the same line as in `text`."""
    if "&" not in text:
        return text
    return "\n".join(html.unescape(line).replace("\n", " ").replace("\r", " ")
                     for line in text.split("\n"))
