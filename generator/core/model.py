"""Typed entries: what the validator hands on once a file has no errors."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from generator.check.link_rewrite import LinkRewrite

ACTIVE, WITHDRAWN = "actief", "ingetrokken"


@dataclass(frozen=True)
class Recognition:
    level: str
    assessed_on: dt.date
    valid_until: dt.date
    assessed_by: str | None = None

    def is_expired(self, today: dt.date) -> bool:
        """Valid up to and including `valid_until`."""
        return today > self.valid_until


@dataclass(frozen=True)
class Owner:
    organisation: str
    website: str | None = None
    email: str | None = None


@dataclass(frozen=True)
class Criteria:
    handbook: bool
    in_practice_since: int
    organisations: int


@dataclass(frozen=True)
class Reference:
    """One item of a dossier's literature list."""

    title: str
    author: str | None = None
    year: int | None = None
    url: str | None = None


@dataclass
class Entry:
    slug: str
    path: str  # relative to the root: the edit link and the error messages use it
    title: str
    summary: str
    themes: list[str]
    body: str
    aliases: list[str] = field(default_factory=list)  # earlier slugs: redirect pages
    # Web-address links in the body given their .md form when rendered (set by the link check).
    link_rewrites: tuple[LinkRewrite, ...] = field(default=(), compare=False, repr=False)


@dataclass
class Intervention(Entry):
    target_groups: list[str] = field(default_factory=list)
    intermediate_target_groups: list[str] = field(default_factory=list)
    recognition: Recognition | None = None
    owner: Owner | None = None
    criteria: Criteria | None = None
    delivered_by: list[str] = field(default_factory=list)
    costs: str | None = None
    outcomes: list[str] = field(default_factory=list)
    outputs: list[str] = field(default_factory=list)
    working_elements: list[str] = field(default_factory=list)
    related: list[str] = field(default_factory=list)
    last_reviewed: dt.date | None = None
    status: str = ACTIVE

    @property
    def withdrawn(self) -> bool:
        return self.status == WITHDRAWN


@dataclass
class Dossier(Entry):
    published: dt.date | None = None
    updated: dt.date | None = None
    authors: list[str] = field(default_factory=list)
    interventions: list[str] = field(default_factory=list)
    sources: list[Reference] = field(default_factory=list)

    @property
    def last_changed(self) -> dt.date | None:
        return self.updated or self.published
