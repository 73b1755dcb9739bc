"""/toegankelijkheid/: the accessibility statement (toegankelijkheidsverklaring), built from
the audit results of the last measurement (generator/content/audit.py)."""

from __future__ import annotations

from generator.content.audit import Audit
from generator.content.catalog import Catalog
from generator.render.common import Site, html_block, page_header, render_template

STATEMENT_SRC = "toegankelijkheid/index.md"


def render_statement(catalog: Catalog, site: Site) -> dict[str, str]:
    audit: Audit | None = site.audit
    failures = sum(c.failures for c in audit.checks) if audit else 0
    issues_url = site.repo_url.rstrip("/") + "/issues" if site.repo_url else None
    body = render_template("statement.html", audit=audit, failures=failures,
                           site_name=site.site_name, site_url=site.site_url,
                           issues_url=issues_url)
    return {STATEMENT_SRC: page_header(
        "Toegankelijkheidsverklaring", f"Hoe toegankelijk {site.site_name} is, hoe dat is "
        "getoetst, en waar u terechtkunt met een probleem.", hide=("navigation", "toc"),
        kind="statement") + html_block(site, body)}
