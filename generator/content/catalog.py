"""Stage 3: the Catalog, everything the renderer and the exports need, computed once.

Lists are sorted here (by title, Dutch-aware) so every later stage is deterministic.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from dataclasses import dataclass, field

from generator.content.vocab import Vocabularies
from generator.core.model import Dossier, Intervention
from generator.core.numbers import count_nl

NOT_ASSESSED, EXPIRED = "niet-beoordeeld", "verlopen"


def sort_title(text: str) -> str:
    """Order titles as a Dutch reader expects: 'Eén' with the E's, case ignored."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return folded.casefold()


@dataclass
class Catalog:
    vocab: Vocabularies
    build_date: dt.date
    interventions: list[Intervention] = field(default_factory=list)  # active first, by title
    dossiers: list[Dossier] = field(default_factory=list)
    naming_dossiers: dict[str, list[Dossier]] = field(default_factory=dict)
    # The HTML of an intervention card per (slug, link), made once per build: a card is on
    # up to ten pages (render.entries.cards_html).
    card_html: dict[tuple[str, str], str] = field(default_factory=dict, compare=False,
                                                  repr=False)

    def intervention(self, slug: str) -> Intervention | None:
        return self._interventions_by_slug.get(slug)

    def dossier(self, slug: str) -> Dossier | None:
        return self._dossiers_by_slug.get(slug)

    def __post_init__(self) -> None:
        self._interventions_by_slug = {i.slug: i for i in self.interventions}
        self._dossiers_by_slug = {d.slug: d for d in self.dossiers}

    def level_key(self, item: Intervention) -> str:
        """The finder's level value: a level id, 'verlopen' or 'niet-beoordeeld'."""
        if item.recognition is None:
            return NOT_ASSESSED
        if item.recognition.is_expired(self.build_date):
            return EXPIRED
        return item.recognition.level

    def with_theme(self, theme: str) -> list[Intervention]:
        return [i for i in self.interventions if theme in i.themes]

    def with_target_group(self, group: str) -> list[Intervention]:
        return [i for i in self.interventions
                if group in i.target_groups or group in i.intermediate_target_groups]

    def with_level(self, level: str) -> list[Intervention]:
        return [i for i in self.interventions if self.level_key(i) == level]

    @property
    def active(self) -> list[Intervention]:
        """The interventions a count means: withdrawn ones are listed, but not counted."""
        return [i for i in self.interventions if not i.withdrawn]

    def dossiers_with_theme(self, theme: str) -> list[Dossier]:
        return [d for d in self.dossiers if theme in d.themes]

    def recently_changed(self, limit: int = 6) -> list[Intervention | Dossier]:
        """Newest first by last_reviewed, updated or published; ties by title."""
        entries: list[tuple[dt.date, str, Intervention | Dossier]] = []
        for item in self.interventions:
            if not item.withdrawn and item.last_reviewed:
                entries.append((item.last_reviewed, item.title, item))
        for dossier in self.dossiers:
            entries.append((dossier.last_changed, dossier.title, dossier))
        entries.sort(key=lambda e: (-e[0].toordinal(), sort_title(e[1])))
        return [entry for _, _, entry in entries[:limit]]


def count_interventions(items: list[Intervention]) -> str:
    """The one way every page counts interventions: the active ones, and the withdrawn ones
    that the same list also holds, named as such ('18 interventies (en 1 ingetrokken)'), so
    that the home page, the finder, the overviews and the open data agree."""
    withdrawn = sum(1 for i in items if i.withdrawn)
    active = len(items) - withdrawn
    text = count_nl(active, "interventie", "interventies")
    return text + (f" (en {withdrawn} ingetrokken)" if withdrawn else "")


def build_catalog(interventions: dict[str, Intervention], dossiers: dict[str, Dossier],
                  vocab: Vocabularies, build_date: dt.date) -> Catalog:
    ordered = sorted(interventions.values(),
                     key=lambda i: (i.withdrawn, sort_title(i.title), i.slug))
    ordered_dossiers = sorted(dossiers.values(), key=lambda d: (sort_title(d.title), d.slug))
    naming: dict[str, list[Dossier]] = {}
    for dossier in ordered_dossiers:
        for slug in dossier.interventions:
            naming.setdefault(slug, []).append(dossier)
    return Catalog(vocab, build_date, ordered, ordered_dossiers, naming)


