"""/bewijs/: the evidence map (bewijskaart), its open data and the map on each dossier page.

A matrix of themes against recognition levels (and a second one against target groups), each
cell the number of interventions there. The counts follow the finder's default view exactly:
withdrawn interventions are left out, the level is `Catalog.level_key` (so an expired
recognition counts under 'verlopen'), and a target group includes the intermediate target
groups. Each non-empty cell links to the finder with the same two filters, so the finder shows
the same number; an empty cell is a visible gap and links nowhere (a link to an empty list
would cost the reader a click for nothing).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from markupsafe import Markup

from generator.content.catalog import EXPIRED, NOT_ASSESSED, Catalog
from generator.core.model import Intervention
from generator.render.common import (
    Site,
    html_block,
    level_label,
    page_header,
    relative_url,
    render_template,
)
from generator.render.data import FORMAT_VERSION, absolute_url

SRC = "bewijs/index.md"
DATA_FILE = "data/bewijs.json"
FINDER_SRC = "interventies/index.md"
SHADES = 4  # shades of a non-empty cell; 0 is the gap
PLAIN = "plain"  # a column without shades (not assessed, expired): the eye goes to evidence
EFFECTIVE_PREFIX = "effectief-"  # the recognition levels that say an intervention works


@dataclass(frozen=True)
class Axis:
    """One side of a matrix: the finder's URL key and the (id, label) pairs in order."""

    key: str
    label: str
    values: list[tuple[str, str]]


@dataclass(frozen=True)
class Matrix:
    rows: Axis
    columns: Axis
    counts: dict[tuple[str, str], int]  # (row id, column id) -> number of interventions
    totals: dict[str, int]  # row id -> interventions with that row value (not a row sum)
    # Columns drawn in shades (the recognised levels; every column of other maps).
    shaded: frozenset[str] = frozenset()
    # Row id -> interventions with a valid 'effectief' recognition (the level map only).
    effective: dict[str, int] = field(default_factory=dict)


def counted(items: list[Intervention]) -> list[Intervention]:
    """The interventions the map counts: the finder's default view, without withdrawn ones."""
    return [i for i in items if not i.withdrawn]


def level_axis(catalog: Catalog) -> Axis:
    levels = [(t.id, t.label) for t in catalog.vocab.terms("recognition_levels")]
    levels += [(key, level_label(catalog, key)) for key in (NOT_ASSESSED, EXPIRED)]
    return Axis("niveau", "Erkenning", levels)


def effective_levels(catalog: Catalog) -> list[str]:
    """The recognition levels that say an intervention is effective, in vocabulary order."""
    return [t.id for t in catalog.vocab.terms("recognition_levels")
            if t.id.startswith(EFFECTIVE_PREFIX)]


def vocab_axis(catalog: Catalog, name: str, key: str, label: str) -> Axis:
    return Axis(key, label, [(t.id, t.label) for t in catalog.vocab.terms(name)])


def _groups(item: Intervention) -> list[str]:
    return list(dict.fromkeys(item.target_groups + item.intermediate_target_groups))


def _column_values(catalog: Catalog, axis: Axis, item: Intervention) -> list[str]:
    return [catalog.level_key(item)] if axis.key == "niveau" else _groups(item)


def count_matrix(catalog: Catalog, items: list[Intervention], columns: Axis,
                 rows: Axis | None = None) -> Matrix:
    """Theme rows against `columns`, counting each (counted) intervention once per cell."""
    rows = rows or vocab_axis(catalog, "themes", "thema", "Thema")
    counts = {(r, c): 0 for r, _ in rows.values for c, _ in columns.values}
    totals = {r: 0 for r, _ in rows.values}
    levels = columns.key == "niveau"
    effective = dict.fromkeys(totals, 0) if levels else {}
    working = set(effective_levels(catalog))
    for item in counted(items):
        for theme in dict.fromkeys(item.themes):
            if theme not in totals:
                continue
            totals[theme] += 1
            for value in _column_values(catalog, columns, item):
                if (theme, value) in counts:
                    counts[theme, value] += 1
            if levels and catalog.level_key(item) in working:
                effective[theme] += 1
    shaded = frozenset(c for c, _ in columns.values
                       if not levels or c not in (NOT_ASSESSED, EXPIRED))
    return Matrix(rows, columns, counts, totals, shaded, effective)


def shade(count: int, largest: int) -> int:
    """0 for a gap; else 1..SHADES by the share of the largest cell, so one big cell does not
    make every other cell look empty (at least shade 1)."""
    if count <= 0 or largest <= 0:
        return 0
    return max(1, min(SHADES, -(-count * SHADES // largest)))


def finder_link(site: Site, src: str, filters: list[tuple[str, str]]) -> str:
    query = "&".join(f"{key}={value}" for key, value in filters)
    return relative_url(src, FINDER_SRC, site.url_style, query)


def table_rows(site: Site, src: str, matrix: Matrix, links: bool = True,
               only_rows: list[str] | None = None, largest: int | None = None) -> list[dict]:
    """What the template draws: per row its label, total and cells (count, shade, link).
    `largest` is the count of the darkest shade; by default the matrix's own largest."""
    if largest is None:
        largest = largest_shaded(matrix)
    effective_filters = [(matrix.columns.key, level) for level, _ in matrix.columns.values
                         if level.startswith(EFFECTIVE_PREFIX)]
    rows = []
    for row_id, row_label in matrix.rows.values:
        if only_rows is not None and row_id not in only_rows:
            continue
        cells = []
        for column_id, column_label in matrix.columns.values:
            n = matrix.counts[row_id, column_id]
            url = finder_link(site, src, [(matrix.rows.key, row_id),
                                          (matrix.columns.key, column_id)])
            tone = shade(n, largest) if column_id in matrix.shaded else PLAIN
            cells.append({"count": n, "shade": tone, "label": column_label,
                          "url": url if links and n else None})
        total = matrix.totals[row_id]
        row = {"id": row_id, "label": row_label, "total": total, "cells": cells,
               "url": finder_link(site, src, [(matrix.rows.key, row_id)])
               if links and total else None}
        if matrix.effective:
            working = matrix.effective[row_id]
            row["effective"] = {"count": working, "url": finder_link(
                site, src, [(matrix.rows.key, row_id), *effective_filters])
                if links and working else None}
        rows.append(row)
    return rows


def largest_shaded(matrix: Matrix) -> int:
    """The count of the darkest shade: the largest cell of a shaded column."""
    return max((n for (_, column), n in matrix.counts.items() if column in matrix.shaded),
               default=0)


def map_html(site: Site, src: str, matrix: Matrix, caption: str, region: str,
             links: bool = True, only_rows: list[str] | None = None,
             largest: int | None = None) -> str:
    return render_template("evidence_map.html", caption=caption, region=region,
                           columns=matrix.columns, effective=bool(matrix.effective),
                           plain=[label for c, label in matrix.columns.values
                                  if c not in matrix.shaded],
                           rows=table_rows(site, src, matrix, links, only_rows, largest))


def databank_maps(catalog: Catalog) -> tuple[Matrix, Matrix]:
    """The two maps of the whole databank: themes by level, themes by target group."""
    return (count_matrix(catalog, catalog.interventions, level_axis(catalog)),
            count_matrix(catalog, catalog.interventions,
                         vocab_axis(catalog, "target_groups", "doelgroep", "Doelgroep")))


def render_evidence(catalog: Catalog, site: Site) -> dict[str, str]:
    """The page /bewijs/ and its open data file."""
    return {SRC: render_evidence_page(catalog, site),
            DATA_FILE: evidence_json(catalog, site)}


def render_evidence_page(catalog: Catalog, site: Site) -> str:
    levels, groups = databank_maps(catalog)
    active = counted(catalog.interventions)
    body = render_template(
        "evidence_page.html", count=len(active),
        withdrawn=len(catalog.interventions) - len(active),
        level_map=Markup(map_html(site, SRC, levels, "Aantal interventies per thema en "
                                   "erkenningsniveau", "Bewijskaart: thema's en erkenning")),
        group_map=Markup(map_html(site, SRC, groups, "Aantal interventies per thema en "
                                   "doelgroep", "Bewijskaart: thema's en doelgroepen")),
        finder_url=relative_url(SRC, FINDER_SRC, site.url_style),
        levels_url=relative_url(SRC, "erkenning/index.md", site.url_style),
        data_url=relative_url(SRC, "data/index.md", site.url_style) + "#bewijskaart")
    return page_header("Bewijskaart", "Voor welke thema's en doelgroepen zijn er (effectieve) "
                       "interventies, en waar ontbreken ze? Een overzicht in één tabel.",
                       hide=("navigation", "toc"), kind="evidence") \
        + html_block(site, body)


def dossier_map(catalog: Catalog, site: Site, src: str, items: list[Intervention]) -> str:
    """The map of a dossier's own interventions: the themes they have, against the levels.
    Its cells are not links: the finder cannot filter on a dossier, so it would show more.
    Shaded on the scale of the whole databank's map, so a 1 looks the same on both."""
    matrix = count_matrix(catalog, items, level_axis(catalog))
    themes = [t for t, _ in matrix.rows.values if matrix.totals[t]]
    if not themes:
        return ""
    whole, _ = databank_maps(catalog)
    return render_template(
        "evidence_dossier.html",
        table=Markup(map_html(site, src, matrix, "Interventies in dit dossier per thema en "
                               "erkenningsniveau", "Bewijskaart van dit dossier", links=False,
                               only_rows=themes, largest=largest_shaded(whole))),
        map_url=relative_url(src, SRC, site.url_style))


def _json_matrix(matrix: Matrix) -> list[dict]:
    return [{"id": row_id, "label": label, "total": matrix.totals[row_id],
             "counts": {c: matrix.counts[row_id, c] for c, _ in matrix.columns.values}}
            | ({"effective": matrix.effective[row_id]} if matrix.effective else {})
            for row_id, label in matrix.rows.values]


def evidence_data(catalog: Catalog, site: Site) -> dict:
    """The numbers of the map as data: the same function counts both."""
    levels, groups = databank_maps(catalog)
    data = {"version": FORMAT_VERSION, "build_date": catalog.build_date.isoformat(),
            "title": f"{site.site_name}: bewijskaart",
            "license": {"name": site.data_license, "url": site.data_license_url},
            "source": absolute_url(site, SRC),
            "documentation": absolute_url(site, "data/index.md") + "#bewijskaart",
            "counted": "actieve interventies; ingetrokken interventies tellen niet mee",
            "interventions": len(counted(catalog.interventions))}
    data["levels"] = [{"id": i, "label": label} for i, label in levels.columns.values]
    data["target_groups"] = [{"id": i, "label": label} for i, label in groups.columns.values]
    data["themes_by_level"] = _json_matrix(levels)
    data["themes_by_target_group"] = _json_matrix(groups)
    return data


def evidence_json(catalog: Catalog, site: Site) -> str:
    return json.dumps(evidence_data(catalog, site), ensure_ascii=False, indent=2) + "\n"
