"""An independent judge of rendered HTML: does it contain anything that can run script?

Deliberately not the sanitizer's own allow-list: a list of what is dangerous, read with Python's
parser from HTML that a browser-grade serializer (the sanitizer, or Python-Markdown) wrote.
"""

from __future__ import annotations

import html as htmlmod
import re
from html.parser import HTMLParser

MARKER = "__xss"
ACTIVE_TAGS = {"script", "iframe", "frame", "object", "embed", "applet", "form", "button",
               "input", "textarea", "select", "svg", "math", "style", "base", "meta", "link",
               "template", "noscript", "video", "audio", "source", "portal"}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "data", "poster", "srcset", "xlink:href",
                  "background", "cite", "longdesc", "ping"}
SAFE_SCHEMES = {"http", "https", "mailto"}
_SCHEME_RE = re.compile(r"^([a-z][a-z0-9+.\-]*):")
_C0_AND_SPACE = "".join(map(chr, range(0x21)))
_TAB_NEWLINE_RE = re.compile(r"[\t\n\r]")


def scheme(url: str) -> str | None:
    """The scheme a browser sees (WHATWG URL parser): entities decoded, C0 controls and spaces
    trimmed at both ends, tabs and newlines removed everywhere."""
    cleaned = _TAB_NEWLINE_RE.sub("", htmlmod.unescape(url).strip(_C0_AND_SPACE)).lower()
    match = _SCHEME_RE.match(cleaned)
    return match[1] if match else None


class _Judge(HTMLParser):
    def __init__(self, strict: bool) -> None:
        super().__init__(convert_charrefs=True)
        self.strict = strict
        self.found: list[str] = []
        self.in_script = False

    def flag(self, what: str, evidence: str) -> None:
        if self.strict or MARKER in evidence:
            self.found.append(what)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = " ".join(v or "" for _, v in attrs)
        if tag in ACTIVE_TAGS:
            self.flag(f"<{tag}>", values)
        self.in_script = tag == "script"
        for name, value in attrs:
            value = value or ""
            if name.startswith("on") or name in ("srcdoc", "formaction"):
                self.found.append(f"<{tag} {name}>")
            elif name == "style" and not re.fullmatch(r"\s*text-align\s*:\s*\w+;?\s*", value):
                self.flag(f"<{tag} style>", value)
            elif name in URL_ATTRIBUTES and scheme(value) not in SAFE_SCHEMES | {None}:
                self.found.append(f"<{tag} {name}={scheme(value)}:>")

    handle_startendtag = handle_starttag

    def handle_data(self, data: str) -> None:
        if self.in_script and MARKER in data:
            self.found.append("<script> met de payload")

    def handle_endtag(self, tag: str) -> None:
        self.in_script = False


def dangers(html: str, strict: bool = True) -> list[str]:
    """What in `html` could run script. `strict` flags every active element; otherwise (pages
    that legitimately carry scripts, like the finder) only what carries the payload marker."""
    judge = _Judge(strict)
    judge.feed(html)
    judge.close()
    return judge.found
