"""Defence in depth: the rendered HTML of an entry page goes through an allow-list sanitizer.

`watwerkt check` rejects HTML outside the allow-list of content-format.md, but it reads the
Markdown with markdown-it while Python-Markdown renders it, and two parsers never agree on every
corner (footnote definitions, admonition bodies, comments a browser closes early). So whatever
the check let through, the HTML of an intervention or dossier page is cleaned again here, after
Python-Markdown and before the theme, with nh3 (the Rust sanitizer ammonia, which parses as a
browser does): only the editors' tags, the tags our templates and Markdown extensions produce,
no event handlers, no style except text alignment, and only http(s), mailto and relative URLs.

Anything removed is reported, so a gap in the check shows up as a warning (failing --strict)
instead of being silently papered over.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import dataclass, field
from html.parser import HTMLParser
from operator import itemgetter

import nh3

from generator.check.body import ALLOWED_SCHEMES, ALLOWED_TAGS

# What our own templates (generator/templates/) and the Markdown extensions of mkdocs.yml
# (toc, tables, footnotes, abbr, def_list, admonition) add to the editors' allow-list.
GENERATED_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6", "section", "nav", "cite",
                            "caption", "small", "mark", "time"})
GENERATED_ATTRIBUTES: dict[str, frozenset[str]] = {
    "*": frozenset({"class", "id", "title", "role", "lang", "aria-label", "aria-labelledby",
                    "aria-describedby", "aria-hidden"}),
    # The citation files download under the page's name (download="x.bib", type="…").
    "a": frozenset({"rel", "download", "type"}),
    "th": frozenset({"scope", "colspan", "rowspan", "style"}),
    "td": frozenset({"style"}),  # Python-Markdown's tables align cells with style="text-align"
    "ol": frozenset({"start"}),
    # The evidence map on a dossier page scrolls in a focusable region (tabindex="0"), so a
    # keyboard can scroll it; tabindex runs nothing.
    "div": frozenset({"tabindex"}),
}

TAGS = frozenset(ALLOWED_TAGS) | GENERATED_TAGS
ATTRIBUTES = {tag: set(ALLOWED_TAGS.get(tag, ())) | set(GENERATED_ATTRIBUTES.get(tag, ()))
              for tag in TAGS | {"*"}}


# A comment as a browser ends it: '<!-->' and '<!--->' are whole comments, and '--!>' closes
# one too. Python's parser only knows '-->' and would count what follows as commented out.
_COMMENT_RE = re.compile(r"<!--(?:-?>|[\s\S]*?(?:--!?>|$))")


@dataclass
class Sanitized:
    html: str
    removed: list[str] = field(default_factory=list)  # e.g. ['<script>', '<img onerror>']


_OPTIONS = {
    "tags": set(TAGS), "attributes": ATTRIBUTES, "url_schemes": set(ALLOWED_SCHEMES),
    "generic_attribute_prefixes": {"data-"}, "filter_style_properties": {"text-align"},
    "strip_comments": True, "link_rel": None, "clean_content_tags": {"script", "style"}}
# nh3's Cleaner (newer nh3) converts these options once, not for every page: a fifth of
# the sanitizer's time at N=1000. Older nh3 has only clean(), with the same options.
_clean = nh3.Cleaner(**_OPTIONS).clean if hasattr(nh3, "Cleaner") \
    else functools.partial(nh3.clean, **_OPTIONS)


def sanitize_html(html: str) -> Sanitized:
    """The HTML with everything outside the allow-list removed, and what was removed."""
    clean = _clean(html)
    return Sanitized(clean, _removed(html, clean))


def _removed(before: str, after: str) -> list[str]:
    """Tags and attributes that occur fewer times after cleaning than before. Counting (not
    comparing text) ignores what the sanitizer only re-serializes or adds, like a <tbody>."""
    before, after = _COMMENT_RE.sub("", before), _COMMENT_RE.sub("", after)
    old, new = _simple_tags(before), _simple_tags(after)
    if old is not None and new is not None and (old == new or _tally(old) == _tally(new)):
        return []  # the normal case: nothing removed, known without html.parser
    return _exact_removed(before, after)


def _exact_removed(before: str, after: str) -> list[str]:
    """`_removed` by html.parser alone, on HTML without comments."""
    old, new = _census(before), _census(after)
    return sorted(name for name, count in old.items() if new[name] < count)


# The fast path. Python-Markdown's output and nh3's are nearly always "simple" HTML: every '<'
# opens a start tag whose values are double-quoted without a '<' in them (or absent), or an end
# tag. Then html.parser reaches every '<' as the start of that same tag and reads the same name
# and attribute names (it lowercases them too), except inside script and style, whose content
# it reads as text. So for simple HTML without script and style, one regular expression gives
# exactly html.parser's census, at an eighth of the cost; any other HTML (a '<' of any other
# kind, single quotes, bare values, odd names or whitespace, script, style) gets html.parser's.
# The fast path can only ever give html.parser's answer, never a wrong "nothing removed".
_SPACE = r"[ \t\n\r\f]"  # HTML's whitespace; html.parser's tag names end at exactly these
_NAMED_ATTRIBUTES = 4  # attribute names captured one by one; any further ones in a last group


def _simple_tag_pattern() -> str:
    """A start tag `<name a="v" b ...>` or `/>`, or an end tag `</name>`. The groups are the
    name, the first attribute names and the rest of the attributes, so that findall yields
    tuples without the values: few distinct ones, counted by Counter in C."""
    def attribute(name: str) -> str:
        return rf'{_SPACE}++{name}(?:{_SPACE}*+={_SPACE}*+"[^"<]*+")?+'
    name = "[a-zA-Z_:][-a-zA-Z0-9_:.]*+"
    named = "".join(f"(?:{attribute(f'({name})')}" for _ in range(_NAMED_ATTRIBUTES))
    named += ")?" * _NAMED_ATTRIBUTES
    start_tag = f"([a-zA-Z][a-zA-Z0-9-]*+){named}((?:{attribute(name)})*+){_SPACE}*+/?"
    return f"<(?:{start_tag}|/[a-zA-Z][a-zA-Z0-9-]*+{_SPACE}*+)>"


_SIMPLE_TAG_RE = re.compile(_simple_tag_pattern())
_VALUE_RE = re.compile(rf'{_SPACE}*={_SPACE}*"[^"]*"')
_SKIPPED_CONTENT = ("script", "style")  # html.parser reads their content as text


def _simple_tags(html: str) -> list[tuple[str, ...]] | None:
    """The tags of simple HTML (see above) in order, values left out; None for other HTML."""
    tags = _SIMPLE_TAG_RE.findall(html)
    if len(tags) != html.count("<"):
        return None  # some '<' is not a simple tag
    if any(name.lower() in _SKIPPED_CONTENT for name in set(map(itemgetter(0), tags))):
        return None
    return tags


def _tally(tags: list[tuple[str, ...]]) -> Counter:
    """For simple HTML, the same census as `_census`: start tags and (tag, attribute) pairs."""
    census: Counter = Counter()
    for tag, count in Counter(tags).items():
        for name in _census_names(tag):
            census[name] += count
    return census


@functools.lru_cache(maxsize=4096)
def _census_names(tag: tuple[str, ...]) -> tuple[str, ...]:
    """('A', 'HREF', 'rel', '', '', '') -> ('<a>', '<a href>'), as _Census counts them; ()
    for an end tag."""
    name, *attributes, more = (part.lower() for part in tag)
    if not name:
        return ()
    attributes = [a for a in attributes if a] + _VALUE_RE.sub("", more).split()
    return (f"<{name}>", *(f"<{name} {a}>" for a in attributes if a != "rel"))


def _census(html: str) -> Counter:
    """What html.parser sees in HTML without comments: every start tag and every (tag,
    attribute) pair, counted."""
    counter = _Census()
    try:
        counter.feed(html)
        counter.close()
    except Exception:  # noqa: BLE001 - the census only reports; it must never stop a build
        pass
    return counter.seen


class _Census(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.seen: Counter = Counter()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.seen[f"<{tag}>"] += 1
        for name, _value in attrs:
            if name != "rel":  # ammonia drops an empty or duplicate rel; nothing unsafe
                self.seen[f"<{tag} {name}>"] += 1

    handle_startendtag = handle_starttag


def removed_message(page: str, removed: list[str]) -> str:
    """The Dutch warning for a page whose HTML had to be cleaned."""
    shown = ", ".join(removed[:8]) + (" …" if len(removed) > 8 else "")
    return (f"De pagina '{page}' bevatte HTML die niet veilig is; die is bij het bouwen "
            f"verwijderd ({shown}). De controle had dit moeten tegenhouden: pas de tekst aan en "
            "meld het aan de beheerders van Wat Werkt.")
