"""Shared rendering helpers: URLs between pages, the Jinja environment, page headers."""

from __future__ import annotations

import datetime as dt
import html
import posixpath
from dataclasses import dataclass, field
from functools import cache
from urllib.parse import urlsplit

import jinja2
import yaml

from generator.content.audit import Audit
from generator.content.catalog import EXPIRED, NOT_ASSESSED, Catalog
from generator.core.dates import format_date_nl
from generator.core.model import Intervention
from generator.core.paths import content_path_of_page

DIRECTORY, FILE = "directory", "file"
SPECIAL_LEVELS = {NOT_ASSESSED: "Niet beoordeeld", EXPIRED: "Erkenning verlopen"}
# libyaml's emitter writes the same text as PyYAML's pure-Python one, about six times faster:
# every page gets a header, so that is seconds per build at a thousand interventions.
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


@dataclass(frozen=True)
class RootAbsolute:
    """The url style of `watwerkt render` (a docs folder for any renderer): every link from the
    site's root path ('/themas/x/', or '/pad/themas/x/' when site_url has a path), the same on
    every page whatever its depth. Renderers differ in how they treat a relative link in raw
    HTML (MkDocs leaves it, Zensical resolves it against the .md file); none touches this."""

    base: str = "/"  # the path of site_url, ending in '/'


def site_root_style(site_url: str | None) -> RootAbsolute:
    path = urlsplit(site_url or "").path or "/"
    return RootAbsolute(path if path.endswith("/") else path + "/")


def source_path(src_uri: str) -> str | None:
    """The content file behind a generated page, for the edit link; None for overviews."""
    return content_path_of_page(src_uri)


@dataclass(frozen=True)
class Site:
    """What the renderer needs to know about where the pages will live."""

    # DIRECTORY for the website, FILE for the offline export, RootAbsolute for `render`
    url_style: str | RootAbsolute = DIRECTORY
    repo_url: str | None = None
    edit_uri: str | None = None
    site_url: str | None = None
    site_name: str = "Wat Werkt"
    data_license: str | None = None  # extra.open_data_license in mkdocs.yml
    data_license_url: str | None = None  # extra.open_data_license_url
    # Content path -> date of its last commit (generator/content/history.py); empty without git.
    history: dict[str, dt.date] = field(default_factory=dict, compare=False)
    # Set by the MkDocs plugin (a secret per build): our HTML blocks are then marked with it,
    # so the plugin can keep them away from Python-Markdown. See `html_block`.
    html_marker: str | None = None
    # The last accessibility audit (generator/content/audit.py), for the accessibility statement.
    audit: Audit | None = field(default=None, compare=False)


def page_url(src: str, style: str | RootAbsolute) -> str:
    """Site-relative URL of a page: 'interventies/x.md' -> 'interventies/x/' or '….html'."""
    stem = src[:-3]
    if style == FILE:
        return stem + ".html"
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem[:-5]
    return stem + "/"


def _relpath(target: str, start: str) -> str:
    """posixpath.relpath for site-relative paths without '.' or '..' parts, without its two
    abspath calls: a thousand interventions make tens of thousands of links."""
    target_parts = target.split("/") if target else []
    start_parts = start.split("/") if start else []
    common = 0
    for mine, theirs in zip(target_parts, start_parts, strict=False):
        if mine != theirs:
            break
        common += 1
    parts = [".."] * (len(start_parts) - common) + target_parts[common:]
    return "/".join(parts) or "."


def relative_url(from_src: str, to_src: str, style: str | RootAbsolute,
                 query: str = "") -> str:
    """A link from one page to another that works on any host and from file:// (with
    RootAbsolute: from the site's root path instead)."""
    if isinstance(style, RootAbsolute):
        return style.base + page_url(to_src, DIRECTORY) + (f"?{query}" if query else "")
    start = posixpath.dirname(page_url(from_src, style).rstrip("/")) if style == FILE \
        else page_url(from_src, style).rstrip("/")
    target = page_url(to_src, style)
    rel = _relpath(target.rstrip("/"), start)
    if style == DIRECTORY and not rel.endswith("/"):
        rel = "./" if rel == "." else rel + "/"
    if style == FILE and target.endswith("/"):
        rel += "/index.html"
    return rel + (f"?{query}" if query else "")


def asset_url(from_src: str, asset: str, style: str | RootAbsolute) -> str:
    """A link to a file in the site (data, images) from a page."""
    if isinstance(style, RootAbsolute):
        return style.base + ("" if asset == "." else asset)
    start = page_url(from_src, style)
    start = posixpath.dirname(start) if style == FILE else start.rstrip("/")
    return posixpath.relpath(asset, start or ".")


@cache
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("generator", "templates"),
        autoescape=True, trim_blocks=True, lstrip_blocks=True,
        undefined=jinja2.StrictUndefined, keep_trailing_newline=True,
        auto_reload=False)  # our templates do not change during a run: no stat per render
    env.filters["date_nl"] = format_date_nl
    return env


def render_template(name: str, **context) -> str:
    # Python-Markdown ends a raw HTML block at a blank line: keep our HTML free of them.
    text = environment().get_template(name).render(**context)
    return "\n".join(line for line in text.splitlines() if line.strip()) + "\n"


def html_block(site: Site, html: str, searchable: bool = True) -> str:
    """A block of our own HTML (autoescaped templates) in a page's Markdown.

    Python-Markdown has nothing to do with it but still runs it through its raw-HTML parser,
    which costs about a fifth of the Markdown time of an intervention page. When the MkDocs
    plugin has set `site.html_marker`, the block is wrapped in comments carrying that marker;
    the plugin swaps it for a placeholder before Python-Markdown and puts it back after. The
    marker is a secret of the build, so an editor's text cannot pose as our HTML. Without a
    marker the block is plain HTML in Markdown, as any Markdown renderer reads it.

    `searchable=False` is for a block the search index leaves out anyway (its element carries
    data-search-exclude): it goes into the finished page, after the search plugin's pass."""
    if not site.html_marker:
        return html
    late = "" if searchable else " late"
    return f"<!--{site.html_marker}{late}-->\n{html}<!--/{site.html_marker}-->\n"


def page_header(title: str, description: str | None = None,
                hide: tuple[str, ...] = ("navigation",), **extra) -> str:
    """The YAML header MkDocs and Material read. Values are HTML-escaped because MkDocs'
    theme templates print page titles and descriptions without escaping. Generated pages hide
    the left navigation by default: the tabs carry it, and the text gets the width."""
    meta: dict = {"title": html.escape(title, quote=False)}
    if description:
        meta["description"] = html.escape(description, quote=True)
    if hide:
        meta["hide"] = list(hide)
    meta.update(extra)
    return "---\n" + yaml.dump(meta, Dumper=_DUMPER, allow_unicode=True, sort_keys=True,
                                width=1000) + "---\n\n"


def level_label(catalog: Catalog, key: str) -> str:
    return SPECIAL_LEVELS.get(key) or catalog.vocab.label("recognition_levels", key)


def badge(catalog: Catalog, item: Intervention) -> dict:
    """The recognition badge: css class, short label and the validity sentence."""
    recognition = item.recognition
    key = catalog.level_key(item)
    if recognition is None:
        return {"key": key, "label": "Niet beoordeeld", "detail": "", "css": "none"}
    label = catalog.vocab.label("recognition_levels", recognition.level)
    until = format_date_nl(recognition.valid_until)
    if key == EXPIRED:
        return {"key": key, "label": label, "detail": f"Erkenning verlopen op {until}",
                "css": "expired"}
    return {"key": key, "label": label, "detail": f"erkend tot en met {until}",
            "css": recognition.level}
