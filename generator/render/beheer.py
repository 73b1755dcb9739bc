"""/beheer/: the editors' overview. What needs attention on the build date (recognitions that
have expired or expire within six months, reviews more than 12 months old, interventions no
dossier names, dossiers not updated for three years) and the counts per theme and recognition
level as an inline-SVG bar chart with a table beside it. Not in the navigation, not in search.
"""

from __future__ import annotations

import datetime as dt

from generator.content.catalog import EXPIRED, NOT_ASSESSED, Catalog
from generator.core.dates import add_years, format_date_nl, months_between
from generator.core.model import Dossier, Intervention
from generator.core.paths import entry_page
from generator.render.common import (
    Site,
    badge,
    html_block,
    level_label,
    page_header,
    relative_url,
    render_template,
)

SRC = "beheer/index.md"
EXPIRY_WARNING_MONTHS = 6
REVIEW_YEARS = 1  # owners confirm once a year that the description is current
DOSSIER_YEARS = 3


def render_beheer(catalog: Catalog, site: Site) -> dict[str, str]:
    today = catalog.build_date
    active = [i for i in catalog.interventions if not i.withdrawn]
    expiring = sorted((i for i in active if expires_soon(i, today)),
                      key=lambda i: (i.recognition.valid_until, i.slug))
    overdue = sorted((i for i in active if review_overdue(i, today)),
                     key=lambda i: (i.last_reviewed, i.slug))
    unnamed = [i for i in active if not catalog.naming_dossiers.get(i.slug)]
    stale = [d for d in catalog.dossiers if dossier_stale(d, today)]
    body = render_template(
        "beheer.html", today=today,
        expiring=[_expiry_row(catalog, site, i, today) for i in expiring],
        overdue=[_review_row(site, i, today) for i in overdue],
        unnamed=[_row(site, i) | {"themes": [catalog.vocab.label("themes", t)
                                             for t in i.themes]} for i in unnamed],
        stale=[_row(site, d) | {"changed": d.last_changed} for d in stale],
        charts=[_chart("thema", "Interventies per thema", "Thema",
                       _theme_counts(catalog, active)),
                _chart("niveau", "Interventies per erkenningsniveau", "Erkenningsniveau",
                       _level_counts(catalog, active))],
        active_count=len(active), withdrawn_count=len(catalog.interventions) - len(active))
    header = page_header("Beheer", "Overzicht voor de redactie: wat aandacht nodig heeft.",
                         hide=("navigation",), kind="beheer", robots="noindex, nofollow",
                         search={"exclude": True})
    return {SRC: header + html_block(site, body)}


def expires_soon(item: Intervention, today: dt.date) -> bool:
    """Expired, or valid for less than EXPIRY_WARNING_MONTHS more."""
    if item.recognition is None:
        return False
    return months_between(today, item.recognition.valid_until) < EXPIRY_WARNING_MONTHS


def review_overdue(item: Intervention, today: dt.date) -> bool:
    return item.last_reviewed is not None and add_years(item.last_reviewed, REVIEW_YEARS) < today


def dossier_stale(dossier: Dossier, today: dt.date) -> bool:
    changed = dossier.last_changed
    return changed is not None and add_years(changed, DOSSIER_YEARS) < today


def _row(site: Site, entry: Intervention | Dossier) -> dict:
    return {"title": entry.title, "slug": entry.slug, "path": entry.path,
            "url": relative_url(SRC, entry_page(entry), site.url_style)}


def _contact(item: Intervention) -> dict:
    owner = item.owner
    return {"owner": owner.organisation if owner else "", "email": owner.email if owner else None}


def _expiry_row(catalog: Catalog, site: Site, item: Intervention, today: dt.date) -> dict:
    until = item.recognition.valid_until
    if until < today:
        state = f"verlopen sinds {format_date_nl(until)}"
    else:
        months = months_between(today, until)
        state = (f"verloopt over {months} {'maand' if months == 1 else 'maanden'}" if months
                 else "verloopt binnen een maand")
    return _row(site, item) | _contact(item) | {
        "badge": badge(catalog, item), "until": until, "state": state, "expired": until < today}


def _review_row(site: Site, item: Intervention, today: dt.date) -> dict:
    return _row(site, item) | _contact(item) | {
        "reviewed": item.last_reviewed, "months": months_between(item.last_reviewed, today)}


def _theme_counts(catalog: Catalog, active: list[Intervention]) -> list[tuple[str, int]]:
    return [(term.label, sum(1 for i in active if term.id in i.themes))
            for term in catalog.vocab.terms("themes")]


def _level_counts(catalog: Catalog, active: list[Intervention]) -> list[tuple[str, int]]:
    keys = [t.id for t in catalog.vocab.terms("recognition_levels")] + [EXPIRED, NOT_ASSESSED]
    return [(level_label(catalog, key), sum(1 for i in active if catalog.level_key(i) == key))
            for key in keys]


# Bar chart geometry in CSS pixels: each row is a label line with a bar below it. Bar widths
# are percentages of the chart's width, so the chart fits a phone and text never shrinks.
ROW_HEIGHT, LABEL_BASELINE, BAR_TOP, BAR_HEIGHT, MAX_BAR_PERCENT = 44, 16, 22, 14, 96


def _chart(key: str, title: str, column: str, counts: list[tuple[str, int]]) -> dict:
    """What beheer.html needs to draw one chart and its table."""
    largest = max((count for _, count in counts), default=0) or 1
    rows = [{"label": label, "count": count, "y": index * ROW_HEIGHT,
             "text_y": index * ROW_HEIGHT + LABEL_BASELINE,
             "bar_y": index * ROW_HEIGHT + BAR_TOP,
             "width": round(MAX_BAR_PERCENT * count / largest, 1)}
            for index, (label, count) in enumerate(counts)]
    description = "; ".join(f"{label}: {count}" for label, count in counts) + "."
    return {"id": f"ww-chart-{key}", "title": title, "column": column, "rows": rows,
            "bar_height": BAR_HEIGHT,
            "height": len(rows) * ROW_HEIGHT, "description": description}
