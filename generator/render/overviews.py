"""Overview pages: home, all interventions, all dossiers, and one page per theme, target group
and recognition level. Every list is complete and server-rendered; scripts only enhance."""

from __future__ import annotations

from markupsafe import Markup, escape

from generator.content.catalog import EXPIRED, NOT_ASSESSED, Catalog, count_interventions
from generator.core.model import Dossier, Intervention
from generator.core.paths import entry_page
from generator.render.common import (
    Site,
    asset_url,
    html_block,
    level_label,
    page_header,
    relative_url,
    render_template,
)
from generator.render.entries import cards_html
from generator.render.feed import theme_feed_path
from generator.render.finder import finder_attributes

LEVEL_KEYS_EXTRA = (EXPIRED, NOT_ASSESSED)


def render_overviews(catalog: Catalog, site: Site) -> dict[str, str]:
    pages = {
        "index.md": render_home(catalog, site),
        "interventies/index.md": render_interventions_index(catalog, site),
        "dossiers/index.md": render_dossiers_index(catalog, site),
        "themas/index.md": render_vocab_index(catalog, site, "themes"),
        "doelgroepen/index.md": render_vocab_index(catalog, site, "target_groups"),
        "erkenning/index.md": render_levels_index(catalog, site),
    }
    for term in catalog.vocab.terms("themes"):
        pages[f"themas/{term.id}.md"] = render_theme(catalog, site, term.id)
    for term in catalog.vocab.terms("target_groups"):
        pages[f"doelgroepen/{term.id}.md"] = render_target_group(catalog, site, term.id)
    for key in [t.id for t in catalog.vocab.terms("recognition_levels")] + list(LEVEL_KEYS_EXTRA):
        pages[f"erkenning/{key}.md"] = render_level(catalog, site, key)
    return pages


def cards(catalog: Catalog, site: Site, src: str, items: list[Intervention],
          compact: bool = False) -> str:
    if not items:
        return '<p class="ww-empty">Er zijn nog geen interventies in deze groep.</p>\n'
    return cards_html(catalog, site, src, items, compact)


def dossier_cards(catalog: Catalog, site: Site, src: str, dossiers: list[Dossier],
                  level: int = 3) -> str:
    """Dossier cards; their titles are headings one level below the heading above them."""
    if not dossiers:
        return '<p class="ww-empty">Er is nog geen dossier over dit onderwerp.</p>\n'
    data = [{"slug": d.slug, "title": d.title, "summary": d.summary,
             "url": relative_url(src, entry_page(d), site.url_style),
             "count": len(d.interventions), "changed": d.last_changed,
             "changed_label": "bijgewerkt" if d.updated else "gepubliceerd"} for d in dossiers]
    return render_template("dossier_list.html", dossiers=data, level=level)


def _group_head(site: Site, src: str, kicker: str, label: str, intro: str, key: str,
                value: str) -> str:
    """The top of a theme, target-group or level page: kicker, title, the intro paragraphs
    and a link into the finder with this group already chosen (`key=value` in its URL)."""
    url = relative_url(src, "interventies/index.md", site.url_style, f"{key}={value}")
    return html_block(site, f'<p class="ww-kicker">{kicker}</p>\n<h1 id="titel">'
                      f"{escape(label)}</h1>\n{intro}"
                      f'<p class="ww-finder-link"><a class="md-button" href="{url}">'
                      "Filter deze interventies verder</a></p>\n")


def _split(items: list[Intervention]) -> tuple[list[Intervention], list[Intervention]]:
    return [i for i in items if not i.withdrawn], [i for i in items if i.withdrawn]


def _listing(catalog: Catalog, site: Site, src: str, items: list[Intervention]) -> str:
    """Active interventions, then withdrawn ones under their own heading."""
    active, withdrawn = _split(items)
    # An empty list is a sentence for the search index; a list of cards is left out of it.
    text = html_block(site, cards(catalog, site, src, active), searchable=not active)
    if withdrawn:
        text += ("\n## Ingetrokken interventies\n\n" + html_block(
            site, "<p>Deze interventies zijn ingetrokken en worden niet meer aanbevolen.</p>\n"
            + cards(catalog, site, src, withdrawn)))
    return text


def render_interventions_index(catalog: Catalog, site: Site) -> str:
    """The complete list (active first, then withdrawn ones, marked) that finder.js enhances."""
    src = "interventies/index.md"
    active, withdrawn = _split(catalog.interventions)

    def link(folder: str) -> str:
        return relative_url(src, f"{folder}/index.md", site.url_style)

    body = render_template(
        "finder_index.html", count_text=count_interventions(catalog.interventions),
        active_cards=Markup(cards(catalog, site, src, active)),
        withdrawn_cards=Markup(cards(catalog, site, src, withdrawn)) if withdrawn else "",
        themes_url=link("themas"), groups_url=link("doelgroepen"),
        levels_url=link("erkenning"), evidence_url=link("bewijs"), **finder_attributes(site))
    return page_header("Interventies", "Alle interventies in de databank Wat Werkt, met hun "
                       "erkenning.", hide=("navigation", "toc"), kind="finder") \
        + html_block(site, body)


def render_dossiers_index(catalog: Catalog, site: Site) -> str:
    src = "dossiers/index.md"
    intro = ('<h1 id="titel">Wat werkt-dossiers</h1>\n<p class="ww-lead">Elk dossier brengt '
             "samen wat bekend is over één sociaal vraagstuk: feiten en cijfers, wat werkt, "
             "ervaringskennis en de interventies die erbij passen.</p>\n")
    return (page_header("Dossiers", "Wat werkt-dossiers: wat bekend is over sociale "
                        "vraagstukken.", kind="overview")
            + html_block(site, intro + dossier_cards(catalog, site, src, catalog.dossiers,
                                                   level=2)))


_VOCAB_PAGES = {
    "themes": ("themas", "Thema's", "Interventies en dossiers per thema.", "thema"),
    "target_groups": ("doelgroepen", "Doelgroepen", "Interventies per doelgroep.", "doelgroep"),
}


def render_vocab_index(catalog: Catalog, site: Site, name: str) -> str:
    folder, title, description, _ = _VOCAB_PAGES[name]
    src = f"{folder}/index.md"
    select = catalog.with_theme if name == "themes" else catalog.with_target_group
    links = [{"title": term.label, "url": relative_url(src, f"{folder}/{term.id}.md",
                                                       site.url_style),
              "note": count_interventions(select(term.id))} for term in catalog.vocab.terms(name)]
    return (page_header(title, description, kind="overview")
            + html_block(site, f'<h1 id="titel">{title}</h1>\n<p class="ww-lead">{description}'
                         '</p>\n' + render_template("link_list.html", links=links)))


def render_theme(catalog: Catalog, site: Site, theme: str) -> str:
    src = f"themas/{theme}.md"
    label = catalog.vocab.label("themes", theme)
    items = catalog.with_theme(theme)
    dossiers = catalog.dossiers_with_theme(theme)
    text = (page_header(f"Thema: {label}", f"Interventies en dossiers over {label.lower()}.",
                        kind="overview")
            + _group_head(site, src, "Thema", label,
                          f'<p class="ww-lead">{count_interventions(items)} en {len(dossiers)} '
                          f'{"dossier" if len(dossiers) == 1 else "dossiers"} over dit thema.'
                          "</p>\n", "thema", theme))
    text += html_block(site, render_template(
        "theme_feed_link.html", url=asset_url(src, theme_feed_path(theme), site.url_style)))
    if dossiers:
        text += "\n## Dossiers\n\n" + html_block(
            site, dossier_cards(catalog, site, src, dossiers), searchable=False)
    return text + "\n## Interventies\n\n" + _listing(catalog, site, src, items)


def render_target_group(catalog: Catalog, site: Site, group: str) -> str:
    src = f"doelgroepen/{group}.md"
    label = catalog.vocab.label("target_groups", group)
    items = catalog.with_target_group(group)
    return (page_header(f"Doelgroep: {label}", f"Interventies voor {label.lower()}.",
                        kind="overview")
            + _group_head(site, src, "Doelgroep", label,
                          f'<p class="ww-lead">{count_interventions(items)} met '
                          f"{escape(label.lower())} als "
                          "doelgroep of intermediaire doelgroep.</p>\n", "doelgroep", group)
            + "\n## Interventies\n\n" + _listing(catalog, site, src, items))


def level_description(catalog: Catalog, key: str) -> str:
    if key == NOT_ASSESSED:
        return ("Deze interventies voldoen aan de opnamecriteria van de databank, maar zijn "
                "(nog) niet beoordeeld door een erkenningscommissie of praktijkpanel.")
    if key == EXPIRED:
        return ("De erkenning van deze interventies is verlopen. Ze moeten opnieuw worden "
                "beoordeeld (her-erkenning) voordat ze weer als erkend gelden.")
    term = catalog.vocab.term("recognition_levels", key)
    return term.description or ""


def render_levels_index(catalog: Catalog, site: Site) -> str:
    src = "erkenning/index.md"
    rows = []
    keys = [t.id for t in catalog.vocab.terms("recognition_levels")] + list(LEVEL_KEYS_EXTRA)
    for key in keys:
        term = catalog.vocab.term("recognition_levels", key)
        url = relative_url(src, f"erkenning/{key}.md", site.url_style)
        valid = f"{term.valid_years} jaar" if term else "–"
        meaning = escape(level_description(catalog, key))
        count = count_interventions(catalog.with_level(key))
        rows.append(f'<tr><th scope="row"><a href="{url}">{escape(level_label(catalog, key))}</a>'
                    f'</th><td data-label="Wat betekent het">{meaning}</td>'
                    f'<td data-label="Geldig">{valid}</td>'
                    f'<td data-label="Aantal">{count}</td></tr>')
    table = ('<div class="ww-table-wrap"><table class="ww-levels"><thead><tr>'
             '<th scope="col">Niveau</th><th scope="col">Wat betekent het</th>'
             '<th scope="col">Geldig</th><th scope="col">Aantal</th></tr></thead><tbody>'
             + "".join(rows) + "</tbody></table></div>\n")
    intro = ('<h1 id="titel">Erkenning</h1>\n<p class="ww-lead">Een onafhankelijke '
             "erkenningscommissie beoordeelt hoe goed een interventie is beschreven en "
             "onderbouwd, en hoe sterk de aanwijzingen voor haar effectiviteit zijn. Voor het "
             "eerste niveau, goed beschreven, oordeelt een praktijkpanel. Een erkenning geldt "
             "een beperkte tijd; daarna is her-erkenning nodig.</p>\n")
    return page_header("Erkenning", "De erkenningsniveaus van interventies en wat ze "
                       "betekenen.", kind="overview") + html_block(site, intro + table)


def render_level(catalog: Catalog, site: Site, key: str) -> str:
    src = f"erkenning/{key}.md"
    label = level_label(catalog, key)
    items = catalog.with_level(key)
    return (page_header(f"Erkenning: {label}", level_description(catalog, key) or label,
                        kind="overview")
            + _group_head(site, src, "Erkenningsniveau", label,
                          f'<p class="ww-lead">{escape(level_description(catalog, key))}</p>\n'
                          f"<p>{count_interventions(items)} op dit niveau.</p>\n", "niveau", key)
            + "\n## Interventies\n\n" + _listing(catalog, site, src, items))


def render_home(catalog: Catalog, site: Site) -> str:
    src = "index.md"
    themes = [{"id": t.id, "label": t.label, "count": len(_split(catalog.with_theme(t.id))[0]),
               "url": relative_url(src, f"themas/{t.id}.md", site.url_style)}
              for t in catalog.vocab.terms("themes")]
    recent = []
    for entry in catalog.recently_changed(6):
        is_dossier = isinstance(entry, Dossier)
        date = entry.last_changed if is_dossier else entry.last_reviewed
        label = (("bijgewerkt op" if entry.updated else "gepubliceerd op") if is_dossier
                  else "gecontroleerd door de eigenaar op")
        recent.append({"title": entry.title, "kind": "Dossier" if is_dossier else "Interventie",
                       "date": date, "date_label": label,
                       "url": relative_url(src, entry_page(entry), site.url_style)})
    active = catalog.active
    return page_header("Wat Werkt", "Wat werkt bij sociale vraagstukken: dossiers en een "
                       "databank van erkende sociale interventies.",
                       hide=("navigation", "toc"), kind="home") + html_block(site, render_template(
        "home.html", themes=themes, recent=recent,
        count_text=count_interventions(catalog.interventions),
        recognised=sum(1 for i in active if catalog.level_key(i) not in LEVEL_KEYS_EXTRA),
        dossiers=dossier_cards(catalog, site, src, catalog.dossiers),
        finder_url=relative_url(src, "interventies/index.md", site.url_style),
        dossiers_url=relative_url(src, "dossiers/index.md", site.url_style),
        levels_url=relative_url(src, "erkenning/index.md", site.url_style),
        evidence_url=relative_url(src, "bewijs/index.md", site.url_style),
        data_url=relative_url(src, "data/index.md", site.url_style),
        feed_url=asset_url(src, "feed.xml", site.url_style),
        search_action=relative_url(src, "index.md", site.url_style)))



