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

import re
from collections import Counter
from dataclasses import dataclass, field
from html.parser import HTMLParser

import nh3

from generator.body import ALLOWED_SCHEMES, ALLOWED_TAGS

# What our own templates (generator/templates/) and the Markdown extensions of mkdocs.yml
# (toc, tables, footnotes, abbr, def_list, admonition) add to the editors' allow-list.
GENERATED_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6", "section", "nav", "cite",
                            "caption", "small", "mark", "time"})
GENERATED_ATTRIBUTES: dict[str, frozenset[str]] = {
    "*": frozenset({"class", "id", "title", "role", "lang", "aria-label", "aria-labelledby",
                    "aria-describedby", "aria-hidden"}),
    "a": frozenset({"rel"}),
    "th": frozenset({"scope", "colspan", "rowspan", "style"}),
    "td": frozenset({"style"}),  # Python-Markdown's tables align cells with style="text-align"
    "ol": frozenset({"start"}),
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


def sanitize_html(html: str) -> Sanitized:
    """The HTML with everything outside the allow-list removed, and what was removed."""
    clean = nh3.clean(
        html, tags=set(TAGS), attributes=ATTRIBUTES, url_schemes=set(ALLOWED_SCHEMES),
        generic_attribute_prefixes={"data-"}, filter_style_properties={"text-align"},
        strip_comments=True, link_rel=None, clean_content_tags={"script", "style"})
    return Sanitized(clean, _removed(html, clean))


def _removed(before: str, after: str) -> list[str]:
    """Tags and attributes that occur fewer times after cleaning than before. Counting (not
    comparing text) ignores what the sanitizer only re-serializes or adds, like a <tbody>."""
    old, new = _census(before), _census(after)
    return sorted(name for name, count in old.items() if new[name] < count)


def _census(html: str) -> Counter:
    counter = _Census()
    try:
        counter.feed(_COMMENT_RE.sub("", html))
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
