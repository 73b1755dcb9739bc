"""Links in bodies are content: every link and image that stays inside the site must lead to a
page (or file) that the build makes, and an `#anker` to an id on that page.

The body check (generator/check/body.py) hands over each internal link with its line and column;
this
module resolves them the way the renderer will. A Markdown link to a `.md` file is resolved by
MkDocs relative to the generated page (`interventions/x.md` becomes the page
`interventies/x.md`, `dossiers/x.md` stays `dossiers/x.md`, the hand-written pages in the
docs_dir sit at the root); any other link is a web address, resolved as a browser does from the
page's address (`/interventies/x/`). A live Markdown link written as such an address is not
an issue: its URL's place is recorded on the entry, and the renderer gives it the .md form
(generator/check/link_rewrite.py), which also works offline; raw HTML keeps a warning. Anchors are
checked against the ids of the rendered target page: Python-Markdown's toc ids of its headings
(with the toc settings of mkdocs.yml) and the ids of our templates.
"""

from __future__ import annotations

import difflib
import posixpath
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Protocol
from urllib.parse import unquote, urlsplit

from generator.check.body import BodyLink, check_body
from generator.check.link_rewrite import DestinationFinder, LinkRewrite
from generator.content.catalog import Catalog
from generator.content.load import SITE_FOLDERS, SLUG_RE, Source
from generator.content.settings import docs_dir_name, markdown_converter, read_settings
from generator.core.issues import Issue, error, warning
from generator.core.paths import PAGE_FOLDERS

PAGE_FOLDER = PAGE_FOLDERS
# Folders of the repository, as editors see them on GitHub, and where their pages end up.
_TOP_FRAGMENTS = {"", "top"}
_ID_RE = re.compile(r"""\sid\s*=\s*(?:"([^"]*)"|'([^']*)')""")
HOW_TO_LINK = ("Een link naar een interventie schrijft u als '../interventies/naam.md', naar "
               "een dossier als '../dossiers/naam.md' (zie CONTRIBUTING.md, 'Links in de "
               "tekst').")


class SitePlan(Protocol):
    """What the renderer will make, as the pipeline hands it to this check (generator/render/
    plan.py): the check knows the content, not the pages it becomes."""

    @property
    def paths(self) -> set[str]:
        """Every page and file the renderer makes, by its path in the site source."""

    def entry_page(self, src: str) -> str | None:
        """The Markdown of the entry page `src` ('interventies/x.md'); None if there is none."""


@dataclass
class SiteMap:
    """The pages and files a build makes, and the anchor ids of a page, computed lazily."""

    root: Path
    sources: list[Source]
    plan: SitePlan
    anchors: dict[str, set[str] | None] = field(default_factory=dict)

    @cached_property
    def entries(self) -> dict[str, Source]:
        """'interventies/x.md' -> the source of that entry (also when it has errors)."""
        return {f"{PAGE_FOLDER[s.kind]}/{s.slug}.md": s for s in self.sources
                if s.kind in PAGE_FOLDER and SLUG_RE.match(s.slug)}

    @cached_property
    def settings(self) -> dict:
        return read_settings(self.root)

    @cached_property
    def docs_dir(self) -> str:
        return docs_dir_name(self.settings)

    @cached_property
    def converter(self):
        """One Python-Markdown converter with the project's extensions, reset per page."""
        return markdown_converter(self.settings)

    @cached_property
    def hand_files(self) -> set[str]:
        """Every file of the docs_dir (hand-written pages, images), relative to it."""
        folder = self.root / self.docs_dir
        if not folder.is_dir():
            return set()
        return {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}

    def exists(self, src: str) -> bool:
        return src in self.entries or src in self.hand_files or src in self.plan.paths

    def ids(self, src: str) -> set[str] | None:
        """The anchor ids of a page; None when unknown (the entry has errors, or a file)."""
        if src not in self.anchors:
            self.anchors[src] = self._ids(src)
        return self.anchors[src]

    def _ids(self, src: str) -> set[str] | None:
        if src in self.hand_files and src.endswith(".md"):
            text = (self.root / self.docs_dir / src).read_text(encoding="utf-8",
                                                               errors="replace")
            return page_ids(text, self.converter)
        if src not in self.entries:
            return None
        page = self.plan.entry_page(src)
        return page_ids(page, self.converter) if page is not None else None


def check_body_links(sources: list[Source], catalog: Catalog, root: Path,
                     plan: SitePlan) -> list[Issue]:
    """Every dead link, image or anchor in every body, at its line and column; `plan` says
    which pages the renderer will make."""
    site = SiteMap(root, sources, plan)
    withdrawn = {i.slug for i in catalog.interventions if i.withdrawn}
    issues: list[Issue] = []
    for source in sources:
        if source.kind not in PAGE_FOLDER or source.body_line <= 1 and source.data is None:
            continue
        links = check_body(source.path, source.kind, source.body, source.body_line).links
        page = f"{PAGE_FOLDER[source.kind]}/{source.slug}.md"
        finder = DestinationFinder(source.body)
        per_line = Counter((link.line, link.url) for link in links if link.markdown)
        rewrites: list[LinkRewrite] = []
        for link in links:
            issue, better = _link_issue(site, source, page, link, withdrawn)
            if better is not None:
                found = _rewrites(finder, source, link, better, per_line[link.line, link.url])
                rewrites += found
                issue = None if found else _address_issue(source, link, better)
            if issue is not None:
                issues.append(issue)
        _record(catalog, source, rewrites)
    return issues


def _record(catalog: Catalog, source: Source, rewrites: list[LinkRewrite]) -> None:
    """Hand the rewrites to the renderer on the validated entry (none when it has errors)."""
    entry = catalog.intervention(source.slug) if source.kind == "intervention" \
        else catalog.dossier(source.slug)
    if entry is not None and entry.path == source.path:
        entry.link_rewrites = tuple(sorted(set(rewrites)))


def _rewrites(finder: DestinationFinder, source: Source, link: BodyLink, better: str,
              on_line: int) -> list[LinkRewrite]:
    """Where the link's URL text stands, exactly: its inline destinations on the link's line and
    its reference definitions, when these account for every link with that URL that
    markdown-it found on the line. Empty when it cannot be told exactly."""
    line = link.line - source.body_line + 1
    columns = finder.inline(line, link.url)
    definitions = finder.definitions(link.url)
    uses = finder.uses(line, [label for _, _, label in definitions]) if definitions else 0
    if len(columns) + uses != on_line:
        return []
    places = [(line, column) for column in columns]
    places += [(number, column) for number, column, _ in definitions] if uses else []
    return [LinkRewrite(number, column, link.url, better) for number, column in places]


def _link_issue(site: SiteMap, source: Source, page: str, link: BodyLink,
                withdrawn: set[str]) -> tuple[Issue | None, str | None]:
    """The link's issue, or (for a live Markdown link written as a web address) its .md form."""
    parts = urlsplit(link.url)
    path, fragment = unquote(parts.path), unquote(parts.fragment)
    if not path:
        target: str | None = page
    else:
        target = resolve(site, page, path, link.markdown)
    if target is None:
        return _dead(source, link, _suggest(site, page, path, link.markdown)), None
    entry = site.entries.get(target)
    if entry is not None and entry.kind == "intervention" and entry.slug in withdrawn \
            and target != page:
        return warning(source.path, link.line, link.column, None, "withdrawn-reference",
                       f"Op regel {link.line} verwijst een {link.what} naar '{link.url}', maar "
                       f"de interventie '{entry.slug}' is ingetrokken. Verwijder de link of "
                       "kies een actieve interventie."), None
    issue = _anchor_issue(site, source, page, link, path, target, fragment)
    if issue is not None or not path or (link.markdown and not path.startswith("/")
                                         and posixpath.splitext(path)[1]):
        return issue, None
    better = markdown_form(page, target, fragment)
    if link.markdown and not parts.query:
        return None, better
    return _address_issue(source, link, better), None


def _address_issue(source: Source, link: BodyLink, better: str) -> Issue:
    """A web address ('/interventies/x/', '../x/') in an HTML link (or a Markdown link whose URL
    cannot be located to be rewritten) works on the website but not in the offline export,
    whose pages are files: the .md form works in both."""
    fix = (f"Schrijf '{better}'." if link.markdown else
           f"Schrijf een Markdown-link: '[tekst]({better})'.")
    return warning(source.path, link.line, link.column, None, "link-form",
                   f"Op regel {link.line} verwijst een {link.what} naar '{link.url}'. Dat "
                   "werkt op de website, maar niet in de offline versie (de zip voor wie "
                   f"zonder internet leest). {fix}")


def markdown_form(page: str, target: str, fragment: str = "") -> str:
    """The link to `target` as a relative file name, which MkDocs turns into a working link on
    the website and in the offline export alike."""
    relative = posixpath.relpath(target, posixpath.dirname(page))
    return relative + (f"#{fragment}" if fragment else "")


def _anchor_issue(site: SiteMap, source: Source, page: str, link: BodyLink, path: str,
                  target: str, fragment: str) -> Issue | None:
    if fragment in _TOP_FRAGMENTS:
        return None
    ids = site.ids(target)
    if ids is None or fragment in ids:
        return None
    close = difflib.get_close_matches(fragment.lower(), sorted(ids), n=1, cutoff=0.6)
    hint = f" Bedoelde u '#{close[0]}'?" if close else ""
    where = "deze pagina" if target == page else f"de pagina '{path}'"
    return warning(source.path, link.line, link.column, None, "dead-anchor",
                   f"Op regel {link.line} verwijst een {link.what} naar '{link.url}', maar het "
                   f"anker '#{fragment}' staat niet op {where}.{hint} Een anker is de kop in "
                   "kleine letters, met streepjes in plaats van spaties: '## Wat werkt' wordt "
                   "'#wat-werkt'.")


def _dead(source: Source, link: BodyLink, hint: str) -> Issue:
    image = link.what == "afbeelding" or link.what.endswith(" src")
    advice = ("Zet de afbeelding in de map pages/ en verwijs ernaar vanaf de site, zoals "
              "'../afbeeldingen/foto.png'." if image else HOW_TO_LINK)
    if "alleen hoofdletters" in hint:  # the file is there, under another letter case
        advice = ""
    return error(source.path, link.line, link.column, None, "dead-link",
                 f"Op regel {link.line} verwijst een {link.what} naar '{link.url}', maar die "
                 f"{'afbeelding' if image else 'pagina'} bestaat niet op de site.{hint} "
                 f"{advice}".rstrip())


def resolve(site: SiteMap, page: str, path: str, markdown: bool) -> str | None:
    """The page or file (relative to the site source) that `path` on `page` leads to."""
    if markdown and not path.startswith("/") and posixpath.splitext(path)[1]:
        # MkDocs: a relative path with an extension names a source file.
        target = posixpath.normpath(posixpath.join(posixpath.dirname(page), path))
        return target if not target.startswith("../") and site.exists(target) else None
    return _resolve_address(site, page, path)


def _resolve_address(site: SiteMap, page: str, path: str) -> str | None:
    """A web address, as the browser resolves it from the page's address ('/interventies/x/')."""
    here = "/" + page[:-3] + "/"
    joined = path if path.startswith("/") else posixpath.join(here, path)
    normal = posixpath.normpath(joined).lstrip("/")
    if normal.startswith(".."):
        return None
    normal = "" if normal == "." else normal
    if path.endswith("/") or not posixpath.splitext(normal)[1]:
        candidates = [f"{normal}/index.md" if normal else "index.md"]
        if normal:
            candidates.insert(0, f"{normal}.md")
        if path.endswith("/") or not normal:
            return next((c for c in candidates if site.exists(c)), None)
        return None  # '/interventies/x' without '/': MkDocs makes no such page or file
    return normal if site.exists(normal) and not normal.endswith(".md") else None


def _suggest(site: SiteMap, page: str, path: str, markdown: bool) -> str:
    """' Bedoelde u …?' with the link as it would work, where one is near."""
    if twin := _case_twin(site, page, path, markdown):
        return twin
    fixed = _repository_form(path)
    if fixed and resolve(site, page, fixed, markdown):
        return f" Bedoelde u '{fixed}'? Op de site heet de map anders dan in de repository."
    if path.startswith("/") and path.endswith(".md"):
        relative = "../" * page.count("/") + path.lstrip("/")
        if resolve(site, page, relative, True):
            return f" Bedoelde u '{relative}'? Een .md-link begint niet met '/'."
    if not posixpath.splitext(path)[1] and not path.endswith("/"):
        for candidate in [path + ".md"] + [path + "/"]:
            if found := _preferred(site, page, candidate, markdown):
                return f" Bedoelde u '{found}'?"
    if not markdown and path.endswith(".md") and resolve(site, page, path, True):
        return (" Een .md-link werkt alleen als Markdown-link: schrijf "
                f"'[tekst]({path})' in plaats van HTML.")
    stem_dir, name = posixpath.split(path.rstrip("/"))
    slug, extension = posixpath.splitext(name)
    if not slug:
        return ""
    folder = posixpath.normpath(posixpath.join(posixpath.dirname(page), stem_dir)) \
        if markdown and extension else ""
    names = sorted({posixpath.splitext(posixpath.basename(src))[0] for src in site.entries
                    if not folder or src.startswith(folder + "/")} | {
        posixpath.splitext(f)[0] for f in site.hand_files if f.endswith(".md")})
    for near in difflib.get_close_matches(slug.lower(), names, n=3, cutoff=0.6):
        candidate = path.replace(name, near + extension, 1) if name else path
        if candidate != path and (found := _preferred(site, page, candidate, markdown)):
            return f" Bedoelde u '{found}'?"
    return ""


def _case_twin(site: SiteMap, page: str, path: str, markdown: bool) -> str:
    """A file whose name differs only in letter case: found on a Mac or Windows computer,
    not on the web server."""
    if not posixpath.splitext(path)[1]:
        return ""
    folder = "" if path.startswith("/") else \
        posixpath.dirname(page) if markdown else page[:-3]
    target = posixpath.normpath(posixpath.join(folder, path.lstrip("/")))
    real = next((f for f in sorted(site.hand_files) if f.lower() == target.lower()), None)
    if real is None:
        return ""
    fixed = "/" + real if path.startswith("/") else posixpath.relpath(real, folder or ".")
    return (f" Het bestand heet '{posixpath.basename(real)}': alleen hoofdletters en kleine "
            "letters verschillen. Op een Mac of Windows-computer werkt dat, op de server niet. "
            f"Schrijf '{fixed}'.")


def _preferred(site: SiteMap, page: str, candidate: str, markdown: bool) -> str | None:
    """`candidate` if it resolves, in the form that also works offline (a Markdown link)."""
    target = resolve(site, page, candidate, markdown)
    if target is None:
        return None
    address = candidate.startswith("/") or not posixpath.splitext(candidate)[1]
    return markdown_form(page, target) if markdown and address else candidate


def _repository_form(path: str) -> str | None:
    """'../interventions/x.md' (the repository's folder) -> '../interventies/x.md' (the site's);
    '../pages/over.md' -> '../over.md'."""
    match = re.match(r"^((?:\.\./)*)(interventions|dossiers|pages)/(.+)$", path)
    if not match:
        return None
    up, folder, rest = match.groups()
    if folder == "pages":
        return up + rest
    return f"{up}{SITE_FOLDERS[folder]}/{rest}"


def page_ids(markdown_text: str, converter) -> set[str]:
    """The ids a page's Markdown gets from Python-Markdown with the extensions of mkdocs.yml
    (the toc's heading ids, footnotes) plus those in its raw HTML (our templates)."""
    text = re.sub(r"\A---\n.*?\n---\n", "", markdown_text, flags=re.S)  # the page header
    rendered = converter.reset().convert(text)
    return {m[1] if m[1] is not None else m[2] for m in _ID_RE.finditer(rendered)}
