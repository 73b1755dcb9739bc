"""The page of one intervention and of one dossier."""

from __future__ import annotations

import re
import unicodedata

from markupsafe import Markup, escape

from generator.check.body import normalize_heading
from generator.check.link_rewrite import normalize_links
from generator.check.preview import preview_normalized
from generator.content.catalog import Catalog
from generator.content.history import last_change
from generator.core.dates import format_date_nl
from generator.core.model import Dossier, Intervention
from generator.core.paths import entry_page
from generator.render.citation import citation_html
from generator.render.common import (
    Site,
    badge,
    html_block,
    page_header,
    relative_url,
    render_template,
)
from generator.render.evidence import dossier_map
from generator.render.jsonld import as_json_text, dossier_jsonld, intervention_jsonld
from generator.render.print_views import print_view_src

ASSESSORS_NL = {"erkenningscommissie": "de erkenningscommissie",
                "praktijkpanel": "een praktijkpanel"}
CITE_TITLE = "Zo citeer je deze beschrijving"
_HEADING_RE = re.compile(r"^##[ \t]+(.+?)[ \t#]*$", re.MULTILINE)


def slugify(title: str) -> str:
    """The anchor Python-Markdown's toc extension gives a heading (its default slugify)."""
    value = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode("ascii")
    value = re.sub(r"[^\w\s-]", "", value).strip().lower()
    return re.sub(r"[-\s]+", "-", value)


def vocab_links(catalog: Catalog, site: Site, src: str, name: str, ids: list[str],
                folder: str) -> list[dict]:
    return [{"label": catalog.vocab.label(name, term),
             "url": relative_url(src, f"{folder}/{term}.md", site.url_style)} for term in ids]


def recognition_text(catalog: Catalog, item: Intervention) -> str:
    recognition = item.recognition
    if recognition is None:
        return ("Niet beoordeeld: deze interventie is (nog) niet door een erkenningscommissie of "
                "praktijkpanel beoordeeld.")
    label = catalog.vocab.label("recognition_levels", recognition.level)
    by = f" door {ASSESSORS_NL[recognition.assessed_by]}" if recognition.assessed_by else ""
    text = f"{label}, beoordeeld{by} op {format_date_nl(recognition.assessed_on)}"
    if recognition.is_expired(catalog.build_date):
        return (f"{text}. De erkenning is verlopen op "
                f"{format_date_nl(recognition.valid_until)}; her-erkenning is nodig.")
    return f"{text}; erkend tot en met {format_date_nl(recognition.valid_until)}."


def intervention_card(catalog: Catalog, site: Site, src: str, item: Intervention) -> dict:
    return {"slug": item.slug, "title": item.title, "summary": item.summary,
            "url": relative_url(src, entry_page(item), site.url_style),
            "badge": badge(catalog, item), "withdrawn": item.withdrawn,
            "themes": [catalog.vocab.label("themes", t) for t in item.themes]}


def cards_html(catalog: Catalog, site: Site, src: str, items: list[Intervention],
               compact: bool = False) -> str:
    """A list of intervention cards. Each card's HTML depends on the intervention and its link
    only, and the link is the same from every page in one folder: make it once per build."""
    memo = catalog.card_html
    cards = []
    for item in items:
        url = relative_url(src, entry_page(item), site.url_style)
        html = memo.get((item.slug, url))
        if html is None:
            card = intervention_card(catalog, site, src, item)
            html = memo[item.slug, url] = Markup(render_template("entry_card.html", c=card))
        cards.append(html)
    return render_template("entry_list.html", cards=cards, compact=compact)


def render_intervention(catalog: Catalog, site: Site, item: Intervention) -> str:
    src = entry_page(item)
    body_titles = [m[1] for m in _HEADING_RE.finditer(item.body)]
    head = html_block(site, render_template(
        "intervention_head.html", item=item, title_id="titel", b=badge(catalog, item),
        themes=vocab_links(catalog, site, src, "themes", item.themes, "themas"),
        target_groups=vocab_links(catalog, site, src, "target_groups", item.target_groups,
                                  "doelgroepen"),
        intermediate=vocab_links(catalog, site, src, "target_groups",
                                 item.intermediate_target_groups, "doelgroepen"),
        delivered_by=[catalog.vocab.label("delivered_by", d) for d in item.delivered_by],
        recognition_text=recognition_text(catalog, item), changed=last_change(site, item.path),
        jumps=[{"title": t, "anchor": slugify(t)} for t in body_titles],
        compare_url=None if item.withdrawn else relative_url(
            src, "vergelijk/index.md", site.url_style, f"i={item.slug}")))
    parts = [page_header(item.title, item.summary, kind="intervention", slug=item.slug,
                         jsonld=as_json_text(intervention_jsonld(catalog, site, item))),
             head, "\n", preview_normalized(normalize_links(item.body, item.link_rewrites)).strip(),
             "\n\n"]
    parts += _intervention_extras(catalog, site, src, item, body_titles)
    return "".join(parts)


def _section(site: Site, title: str, html: str, taken: list[str],
             searchable: bool = True) -> str:
    """A generated section; renamed when the editor's body already has one of that name."""
    if normalize_heading(title) in {normalize_heading(t) for t in taken}:
        title += " (overzicht)"
    return f"## {title}\n\n{html_block(site, html, searchable)}\n"


def _intervention_extras(catalog: Catalog, site: Site, src: str, item: Intervention,
                         taken: list[str]) -> list[str]:
    parts = []
    if item.outcomes or item.outputs:
        parts.append(_section(site, "Uitkomsten en output",
                              render_template("intervention_foot.html", item=item), taken))
    if item.working_elements:
        items = "".join(f"<li>{escape(w)}</li>" for w in item.working_elements)
        parts.append(_section(site, "Werkzame elementen",
                              f'<ul class="ww-elements">{items}</ul>', taken))
    related = [r for slug in item.related if (r := catalog.intervention(slug)) is not None]
    if related:
        parts.append(_section(site, "Verwante interventies",
                              cards_html(catalog, site, src, related, compact=True), taken,
                              searchable=False))
    dossiers = catalog.naming_dossiers.get(item.slug, [])
    if dossiers:
        links = [{"title": d.title, "url": relative_url(src, entry_page(d),
                                                        site.url_style)} for d in dossiers]
        parts.append(_section(site, "Genoemd in dossiers",
                              render_template("link_list.html", links=links), taken,
                              searchable=False))
    parts.append(_citation_section(catalog, site, src, item, taken))
    return parts


def _citation_section(catalog: Catalog, site: Site, src: str, entry: Intervention | Dossier,
                      taken: list[str]) -> str:
    """'Zo citeer je deze beschrijving', last on every intervention and dossier page."""
    return _section(site, CITE_TITLE, citation_html(catalog, site, src, entry), taken,
                    searchable=False)



def render_dossier(catalog: Catalog, site: Site, dossier: Dossier) -> str:
    src = entry_page(dossier)
    rows = []
    for slug in dossier.interventions:
        item = catalog.intervention(slug)
        if item is None:
            continue
        card = intervention_card(catalog, site, src, item)
        card["target_groups"] = [catalog.vocab.label("target_groups", t)
                                 for t in item.target_groups]
        rows.append(card)
    head = html_block(site, render_template(
        "dossier_head.html", dossier=dossier, title_id="titel", rows=rows,
        changed=last_change(site, dossier.path),
        print_url=relative_url(src, print_view_src(dossier.slug), site.url_style),
        themes=vocab_links(catalog, site, src, "themes", dossier.themes, "themas")))
    body_titles = [m[1] for m in _HEADING_RE.finditer(dossier.body)]
    parts = [page_header(dossier.title, dossier.summary, kind="dossier", slug=dossier.slug,
                         jsonld=as_json_text(dossier_jsonld(catalog, site, dossier))),
             head, "\n", preview_normalized(
                 normalize_links(dossier.body, dossier.link_rewrites)).strip(),
             "\n\n"]
    if rows:
        parts.append(_section(site, "Interventies in dit dossier",
                              render_template("dossier_table.html", rows=rows), body_titles,
                              searchable=False))
    evidence = dossier_map(catalog, site, src, [r for r in (
        catalog.intervention(slug) for slug in dossier.interventions) if r is not None])
    if evidence:
        parts.append(_section(site, "Bewijskaart", evidence, body_titles, searchable=False))
    if dossier.sources:
        parts.append(_section(site, "Bronnen", render_template("sources.html",
                                                         sources=dossier.sources), body_titles))
    parts.append(_citation_section(catalog, site, src, dossier, body_titles))
    return "".join(parts)
