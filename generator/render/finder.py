"""The interventie-zoeker's data and the vergelijk page.

The finder and the compare page run in the browser on one data file, `interventies/finder-data.js`,
which sets `window.WATWERKT_FINDER`. It is a script, not JSON fetched at run time, because
browsers block fetch() on file:// and the offline export must work from a folder.
"""

from __future__ import annotations

import json

from generator.content.catalog import EXPIRED, NOT_ASSESSED, Catalog
from generator.core.dates import format_date_nl
from generator.core.model import ACTIVE, WITHDRAWN, Intervention
from generator.core.paths import entry_page
from generator.render.common import (
    SPECIAL_LEVELS,
    Site,
    asset_url,
    badge,
    html_block,
    page_header,
    page_url,
    relative_url,
    render_template,
)
from generator.render.entries import recognition_text
from generator.render.hyphenate import hyphenate_text

DATA_PATH = "interventies/finder-data.js"
FINDER_SRC = "interventies/index.md"
COMPARE_SRC = "vergelijk/index.md"
DATA_VERSION = 1
PAGE_SIZE = 50  # results drawn at once; thousands of visible cards make every update slow
STATUS_LABELS = {ACTIVE: "Actief", WITHDRAWN: "Ingetrokken"}


def render_finder(catalog: Catalog, site: Site) -> dict[str, str]:
    """The finder's data script and the vergelijk page."""
    return {DATA_PATH: finder_script(catalog, site),
            COMPARE_SRC: render_compare_page(site)}


def finder_script(catalog: Catalog, site: Site) -> str:
    payload = finder_data(catalog, site)
    text = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
    return ("/* Gegenereerd door watwerkt: de gegevens van de interventie-zoeker. "
            "Niet met de hand bewerken. */\nwindow.WATWERKT_FINDER = " + text + ";\n")


def finder_data(catalog: Catalog, site: Site) -> dict:
    """Facets (URL key, label, values in display order) and one record per intervention."""
    return {"version": DATA_VERSION, "build_date": catalog.build_date.isoformat(),
            "page_size": PAGE_SIZE, "facets": facets(catalog),
            "items": [item_record(catalog, site, item) for item in catalog.interventions]}


def level_ranks(catalog: Catalog) -> dict[str, int]:
    """Higher is stronger evidence; an expired recognition ranks below every valid one."""
    levels = catalog.vocab.ids("recognition_levels")
    ranks = {level: index + 2 for index, level in enumerate(levels)}
    ranks.update({EXPIRED: 1, NOT_ASSESSED: 0})
    return ranks


def facets(catalog: Catalog) -> list[dict]:
    vocab = catalog.vocab

    def values(name: str) -> list[dict]:
        return [{"id": t.id, "label": t.label} for t in vocab.terms(name)]

    ranks = level_ranks(catalog)
    levels = values("recognition_levels") + [{"id": key, "label": SPECIAL_LEVELS[key]}
                                              for key in (EXPIRED, NOT_ASSESSED)]
    for level in levels:
        level["rank"] = ranks[level["id"]]
    return [
        {"key": "thema", "label": "Thema", "values": values("themes")},
        {"key": "doelgroep", "label": "Doelgroep", "values": values("target_groups")},
        {"key": "niveau", "label": "Erkenning", "values": levels},
        {"key": "uitvoerder", "label": "Uitgevoerd door", "values": values("delivered_by")},
        {"key": "status", "label": "Status",
         "values": [{"id": k, "label": v} for k, v in STATUS_LABELS.items()]},
    ]


def item_record(catalog: Catalog, site: Site, item: Intervention) -> dict:
    """One intervention: facet values as ids (doelgroep includes the intermediate target
    groups, as the doelgroep pages do), plus what the compare table shows."""
    groups = list(dict.fromkeys(item.target_groups + item.intermediate_target_groups))
    return {
        "slug": item.slug, "title": item.title, "summary": item.summary,
        "url": page_url(entry_page(item), site.url_style),
        "thema": item.themes, "doelgroep": groups, "niveau": catalog.level_key(item),
        "uitvoerder": item.delivered_by, "status": item.status,
        "reviewed": item.last_reviewed.isoformat() if item.last_reviewed else "",
        "compare": compare_record(catalog, item),
    }


def compare_record(catalog: Catalog, item: Intervention) -> dict:
    """What the compare table shows. Its columns are narrow on a phone: the words it shows
    carry soft hyphens (compare.js draws them; the build's HTML pass never sees them)."""
    label = catalog.vocab.label
    return _hyphenated({
        "title": item.title, "summary": item.summary,
        "badge": badge(catalog, item),
        "recognition": recognition_text(catalog, item),
        "target_groups": [label("target_groups", t) for t in item.target_groups],
        "intermediate": [label("target_groups", t) for t in item.intermediate_target_groups],
        "themes": [label("themes", t) for t in item.themes],
        "delivered_by": [label("delivered_by", d) for d in item.delivered_by],
        "costs": item.costs or "",
        "outcomes": list(item.outcomes),
        "working_elements": list(item.working_elements),
        "owner": item.owner.organisation if item.owner else "",
        "website": item.owner.website or "" if item.owner else "",
        "email": item.owner.email or "" if item.owner else "",
        "reviewed": format_date_nl(item.last_reviewed) if item.last_reviewed else "",
    })


# Three columns on a 320 px phone are about 90 px wide: even 'Gezinnen' needs a break.
COMPARE_MIN_WORD = 6


def _hyphenated(value):
    """Soft hyphens in every text of a record, addresses left whole."""
    if isinstance(value, str):
        return hyphenate_text(value, min_word=COMPARE_MIN_WORD)
    if isinstance(value, list):
        return [_hyphenated(v) for v in value]
    if isinstance(value, dict):
        return {k: v if k in ("css", "key", "website", "email") else _hyphenated(v)
                for k, v in value.items()}
    return value


def render_compare_page(site: Site) -> str:
    """/vergelijk/: the table is drawn by compare.js from the data script; the page itself
    says what to do when there is nothing (or no JavaScript) to compare."""
    return page_header("Interventies vergelijken",
                       "Twee of drie interventies naast elkaar: erkenning, doelgroep, "
                       "uitvoering, kosten en resultaten.",
                       hide=("navigation", "toc"), kind="compare") + html_block(
        site, render_template(
            "finder_compare.html",
            finder_url=relative_url(COMPARE_SRC, FINDER_SRC, site.url_style),
            root=asset_url(COMPARE_SRC, ".", site.url_style).rstrip("/") + "/"))


def finder_attributes(site: Site) -> dict[str, str]:
    """What finder.js needs to know about where it runs: the compare page's URL."""
    return {"compare_url": relative_url(FINDER_SRC, COMPARE_SRC, site.url_style)}
