"""/toegankelijkheid/: the accessibility statement (toegankelijkheidsverklaring), in the order
of the Dutch model statement (digitoegankelijk.nl), built from the audit results of the last
measurement (generator/content/audit.py) and the organisation's own settings (extra.accessibility
in mkdocs.yml). It says what was measured, how and by whom, and nothing more; the measurement
itself is published beside it as toegankelijkheid/meting.json (the report)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re

from generator.content.audit import Audit
from generator.content.catalog import Catalog
from generator.render.common import Site, html_block, page_header, render_template

STATEMENT_SRC = "toegankelijkheid/index.md"
REPORT_SRC = "toegankelijkheid/meting.json"
EMAIL = re.compile(r"^[^@\s<>\"']+@[^@\s<>\"']+\.[a-z]{2,}$", re.IGNORECASE)


@dataclasses.dataclass(frozen=True)
class StatementSettings:
    """extra.accessibility, read leniently: a value of the wrong kind counts as absent (the
    statement then says that it is missing, rather than showing it)."""

    organisation: str | None = None
    email: str | None = None
    response_days: int | None = None
    planned_research: dt.date | None = None
    signed_on: dt.date | None = None
    signed_by: str | None = None


def statement_settings(raw) -> StatementSettings:
    raw = raw if isinstance(raw, dict) else {}

    def text(key: str) -> str | None:
        value = raw.get(key)
        return value.strip() if isinstance(value, str) and value.strip() else None

    def date(key: str) -> dt.date | None:
        value = raw.get(key)
        if isinstance(value, dt.date):
            return value
        try:
            return dt.date.fromisoformat(value) if isinstance(value, str) else None
        except ValueError:
            return None

    email = text("email")
    days = raw.get("response_days")
    return StatementSettings(
        organisation=text("organisation"),
        email=email if email and EMAIL.match(email) else None,
        response_days=days if isinstance(days, int) and not isinstance(days, bool) and days > 0
        else None,
        planned_research=date("planned_research"), signed_on=date("signed_on"),
        signed_by=text("signed_by"))


def report(audit: Audit) -> str:
    """The measurement as published: the audit file's content, dates as ISO text."""
    return json.dumps(dataclasses.asdict(audit), ensure_ascii=False, indent=2, default=str) + "\n"


def render_statement(catalog: Catalog, site: Site) -> dict[str, str]:
    audit: Audit | None = site.audit
    failures = sum(c.failures for c in audit.checks) if audit else 0
    settings = statement_settings(site.accessibility)
    body = render_template("statement.html", audit=audit, failures=failures,
                           site_name=site.site_name, site_url=site.site_url, s=settings,
                           organisation=settings.organisation or site.site_name)
    pages = {STATEMENT_SRC: page_header(
        "Toegankelijkheidsverklaring", f"Hoe toegankelijk {site.site_name} is, hoe dat is "
        "getoetst, en waar u terechtkunt met een probleem.", hide=("navigation", "toc"),
        kind="statement") + html_block(site, body)}
    if audit:
        pages[REPORT_SRC] = report(audit)
    return pages
