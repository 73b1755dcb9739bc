"""'Zo citeert u deze beschrijving': a Dutch APA reference on every intervention and dossier page,
and the same reference as RIS, BibTeX and CSL-JSON files beside the page
(`interventies/<slug>/citaat.ris`, `.bib`, `.json`) for reference managers.

All four are made from one `Citation`, so they cannot disagree. The year is that of the
content's own date of the last change: an intervention's `last_reviewed` (the owner confirmed
the description), a dossier's `updated` or else `published`. Not the git date: that is missing
outside a full checkout (the offline zip, a shallow CI clone) and moves with a mere reformat;
the content dates are what the page and the feed show as the version's date.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import quote

from pylatexenc.latexencode import RULE_DICT, UnicodeToLatexConversionRule, UnicodeToLatexEncoder

from generator.content.catalog import Catalog
from generator.core.model import Dossier, Entry, Intervention
from generator.core.paths import PAGE_FOLDERS, entry_folder
from generator.render.common import FILE, Site, asset_url, relative_url, render_template
from generator.render.data import absolute_url

FILES = {"ris": "citaat.ris", "bib": "citaat.bib", "json": "citaat.json"}
# kind: (link text, media type) of the download links; the saved file is named '<slug>.<ext>'.
DOWNLOADS = {"ris": ("RIS (.ris)", "application/x-research-info-systems"),
             "bib": ("BibTeX (.bib)", "application/x-bibtex"),
             "json": ("CSL-JSON (.json)", "application/vnd.citationstyles.csl+json")}
GENRES = {"intervention": "Interventiebeschrijving", "dossier": "Wat werkt-dossier"}
# Dutch surname particles (tussenvoegsels): "Kees van der Linden" is family name "Linden" with
# the particle "van der", as reference managers and CSL expect.
PARTICLES = frozenset({"van", "de", "der", "den", "het", "'t", "ten", "ter", "te", "in", "op",
                       "onder", "aan", "bij", "uit", "von", "vom", "da", "di", "du", "le", "la"})


@dataclass(frozen=True)
class Name:
    """A person (given, particle, family) or an organisation (literal only)."""

    literal: str = ""
    given: str = ""
    particle: str = ""
    family: str = ""


@dataclass(frozen=True)
class Citation:
    key: str
    title: str
    authors: tuple[Name, ...]
    date: dt.date | None
    genre: str
    publisher: str
    url: str
    summary: str
    keywords: tuple[str, ...]


def person_name(text: str) -> Name:
    """'Kees van der Linden' -> given Kees, particle 'van der', family Linden. The first word
    is the given name; without a particle the rest is the family name ('Youssef El Amrani')."""
    words = text.split()
    if len(words) < 2:
        return Name(literal=text.strip())
    rest = words[1:]
    particle = []
    while len(rest) > 1 and rest[0] in PARTICLES:
        particle.append(rest.pop(0))
    return Name(given=words[0], particle=" ".join(particle), family=" ".join(rest))


def citation(site: Site, entry: Entry, vocab_label: Callable[[str, str], str]) -> Citation:
    """The one description of the reference that every format is written from."""
    is_dossier = isinstance(entry, Dossier)
    kind = "dossier" if is_dossier else "intervention"
    folder, genre = PAGE_FOLDERS[kind], GENRES[kind]
    if is_dossier:
        authors = tuple(person_name(a) for a in entry.authors)
        date = entry.last_changed
    else:
        assert isinstance(entry, Intervention)
        authors = (Name(literal=entry.owner.organisation),) if entry.owner else ()
        date = entry.last_reviewed
    return Citation(
        key=f"{folder}-{entry.slug}", title=entry.title, authors=authors, date=date,
        genre=genre, publisher=site.site_name,
        url=absolute_url(site, f"{folder}/{entry.slug}.md"),
        summary=" ".join(entry.summary.split()),
        keywords=tuple(vocab_label("themes", t) for t in entry.themes))


# ---------- APA (Dutch) ----------

def _initials(given: str) -> str:
    """'Anne-Marie' -> 'A.-M.', 'Kees' -> 'K.'."""
    parts = []
    for word in given.split():
        parts.append("-".join(f"{piece[0]}." for piece in word.split("-") if piece))
    return " ".join(parts)


def apa_name(name: Name) -> str:
    if name.literal:
        return name.literal
    family = f"{name.particle} {name.family}" if name.particle else name.family
    return f"{family[0].upper()}{family[1:]}, {_initials(name.given)}"


def apa_authors(names: tuple[Name, ...]) -> str:
    written = [apa_name(n) for n in names]
    if len(written) <= 1:
        return "".join(written)
    return ", ".join(written[:-1]) + ", & " + written[-1]


def apa_parts(cite: Citation) -> dict[str, str]:
    """The reference in pieces, so the template can set the title in italics:
    'Auteur. (2025). *Titel* [Soort]. Databank. Geraadpleegd op [datum], van URL'."""
    authors = apa_authors(cite.authors)
    year = str(cite.date.year) if cite.date else "z.d."
    lead = f"{authors}{'' if authors.endswith('.') else '.'} ({year})." if authors \
        else f"({year})."
    return {"lead": lead, "title": cite.title, "genre": cite.genre,
            "publisher": cite.publisher, "url": cite.url}


def apa_text(cite: Citation) -> str:
    p = apa_parts(cite)
    return (f"{p['lead']} {p['title']} [{p['genre']}]. {p['publisher']}. "
            f"Geraadpleegd op [datum], van {p['url']}")


# ---------- RIS ----------

def _ris_name(name: Name) -> str:
    if name.literal:
        return name.literal
    family = f"{name.particle} {name.family}" if name.particle else name.family
    return f"{family}, {name.given}"


def ris(cite: Citation) -> str:
    """RIS (Research Information Systems): 'TAG  - value' lines, a web page (ELEC)."""
    lines = [("TY", "ELEC"), ("ID", cite.key), ("TI", cite.title)]
    lines += [("AU", _ris_name(n)) for n in cite.authors]
    if cite.date:
        lines += [("PY", str(cite.date.year)), ("DA", cite.date.strftime("%Y/%m/%d"))]
    lines += [("M3", cite.genre), ("PB", cite.publisher), ("DB", cite.publisher),
              ("UR", cite.url), ("LA", "nl"), ("AB", cite.summary)]
    lines += [("KW", k) for k in cite.keywords]
    lines.append(("ER", ""))
    return "".join(f"{tag}  - {_one_line(value)}".rstrip() + "\r\n" for tag, value in lines)


def _one_line(text: str) -> str:
    return " ".join(text.split())


# ---------- BibTeX ----------

@functools.lru_cache(maxsize=4096)  # the publisher, genre and authors recur on every entry
def _latex(text: str) -> str:
    """BibTeX's special characters escaped and every non-ASCII letter as a LaTeX accent
    command (pylatexenc), so classic BibTeX reads the file as well as biber and Zotero.
    Braces that pair up are written \\{ and \\}; one without a partner as \\textbraceleft or
    \\textbraceright, because classic BibTeX counts the brace after a backslash too and an
    odd count swallows the rest of the file."""
    text = _one_line(text)
    parts, start = [], 0
    for index in _unpaired_braces(text):
        parts += [_latex_run(text[start:index]),
                  r"{\textbraceleft}" if text[index] == "{" else r"{\textbraceright}"]
        start = index + 1
    return "".join(parts) + _latex_run(text[start:])


def _latex_run(text: str) -> str:
    latex = _ENCODER.unicode_to_latex(text)
    # TeX joins '--', '``', "''" and the like into one dash or quote: keep the characters.
    return _LIGATURE_RE.sub("{}", latex)


# pylatexenc's table, except that '"' is the straight quote it is (its default, two
# apostrophes, prints a curly closing quote).
_ENCODER = UnicodeToLatexEncoder(
    conversion_rules=[UnicodeToLatexConversionRule(RULE_DICT, {ord('"'): r"\textquotedbl"}),
                      "defaults"],
    non_ascii_only=False, unknown_char_policy="unihex",
    replacement_latex_protection="braces-all")
_LIGATURE_RE = re.compile(r"(?<=[-`',!?<>])(?=[-`'<>])")


def _unpaired_braces(text: str) -> list[int]:
    """Positions of the braces in `text` that have no partner, in order."""
    opened, unpaired = [], []
    for index, char in enumerate(text):
        if char == "{":
            opened.append(index)
        elif char == "}":
            if opened:
                opened.pop()
            else:
                unpaired.append(index)
    return sorted(unpaired + opened)


# BibTeX splits an author list on the word 'and' outside braces, and a name on its commas.
_NAME_SPLIT_RE = re.compile(r"(?i)(?:^|\s)and(?:\s|$)|,")


def _name_part(text: str) -> str:
    latex = _latex(text)
    return "{" + latex + "}" if _NAME_SPLIT_RE.search(text) else latex


def _bib_name(name: Name) -> str:
    if name.literal:
        return "{" + _latex(name.literal) + "}"  # braces: an organisation, not Last, First
    family = f"{name.particle} {name.family}" if name.particle else name.family
    return f"{_name_part(family)}, {_name_part(name.given)}"


def bibtex(cite: Citation) -> str:
    fields = [("author", " and ".join(_bib_name(n) for n in cite.authors)),
              ("title", "{" + _latex(cite.title) + "}")]  # double braces keep the capitals
    if cite.date:
        fields += [("year", str(cite.date.year)), ("date", cite.date.isoformat())]
    fields += [("howpublished", _latex(cite.publisher)), ("publisher", _latex(cite.publisher)),
               ("note", _latex(cite.genre)), ("url", cite.url.replace("%", r"\%")),
               ("language", "dutch"), ("keywords", _latex(", ".join(cite.keywords)))]
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields if value)
    key = re.sub(r"[^A-Za-z0-9:-]", "", cite.key)
    return f"@misc{{{key},\n{body}\n}}\n"


# ---------- CSL-JSON ----------

def _csl_name(name: Name) -> dict[str, str]:
    if name.literal:
        return {"literal": name.literal}
    data = {"family": name.family, "given": name.given}
    if name.particle:
        data["non-dropping-particle"] = name.particle
    return data


def csl_json(cite: Citation) -> str:
    """CSL-JSON (Citation Style Language): a list with one item, as Zotero and pandoc read."""
    item: dict = {"id": cite.key, "type": "webpage", "title": cite.title,
                  "author": [_csl_name(n) for n in cite.authors]}
    if cite.date:
        item["issued"] = {"date-parts": [[cite.date.year, cite.date.month, cite.date.day]]}
    item.update({"genre": cite.genre, "container-title": cite.publisher,
                 "publisher": cite.publisher, "URL": cite.url, "language": "nl-NL",
                 "abstract": cite.summary, "keyword": ", ".join(cite.keywords)})
    return json.dumps([item], ensure_ascii=False, indent=2) + "\n"


# ---------- site ----------

def file_paths(entry: Entry) -> dict[str, str]:
    folder = entry_folder(entry)
    return {kind: f"{folder}/{entry.slug}/{name}" for kind, name in FILES.items()}


def _download_url(site: Site, src: str, path: str, kind: str, cite: Citation) -> str:
    """The file beside the page; in the offline export the file itself as a data: URL, because
    a browser ignores the download attribute of a file:// link (each file is its own origin)
    and would show the BibTeX as text. The files are in the export all the same."""
    if site.url_style != FILE:
        return asset_url(src, path, site.url_style)
    text = {"ris": ris, "bib": bibtex, "json": csl_json}[kind](cite)
    return f"data:{DOWNLOADS[kind][1]};charset=utf-8,{quote(text, safe='')}"


def download_name(entry: Entry, kind: str) -> str:
    """The name a downloaded citation file gets: 'buurtbemiddeling.bib', not 'citaat.bib'."""
    return f"{entry.slug}.{FILES[kind].rsplit('.', 1)[1]}"


def render_citations(catalog: Catalog, site: Site) -> dict[str, str]:
    """The three citation files of every intervention and dossier."""
    files: dict[str, str] = {}
    for entry in [*catalog.interventions, *catalog.dossiers]:
        cite = citation(site, entry, catalog.vocab.label)
        paths = file_paths(entry)
        files[paths["ris"]] = ris(cite)
        files[paths["bib"]] = bibtex(cite)
        files[paths["json"]] = csl_json(cite)
    return files


def citation_html(catalog: Catalog, site: Site, src: str, entry: Entry) -> str:
    """The block 'Zo citeert u deze beschrijving' on the entry's page."""
    cite = citation(site, entry, catalog.vocab.label)
    downloads = [{"url": _download_url(site, src, path, kind, cite), "label": DOWNLOADS[kind][0],
                  "type": DOWNLOADS[kind][1], "name": download_name(entry, kind)}
                 for kind, path in file_paths(entry).items()]
    # Without site_url the reference can only name the site-relative address; the link then
    # points at this page itself, so it works anyway.
    href = cite.url if site.site_url else relative_url(src, src, site.url_style)
    return render_template("citation.html", apa=apa_parts(cite), downloads=downloads,
                           date=cite.date, href=href)
