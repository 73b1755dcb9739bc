"""/toegankelijkheid/ follows the Dutch model statement and says only what was measured:
render/statement.py from an audit (content/audit.py) and extra.accessibility in mkdocs.yml."""

from __future__ import annotations

import datetime as dt
import json
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.content.audit import Audit, AuditCheck, AuditException
from generator.render.common import Site
from generator.render.statement import (
    REPORT_SRC,
    STATEMENT_SRC,
    render_statement,
    statement_settings,
)

AUDIT = Audit(date=dt.date(2026, 11, 29), pages=78, widths="390 px", browser="Chromium 156",
              checks=[AuditCheck("keyboard", "2.4.7", "Met Tab", 78, 0),
                      AuditCheck("names", "4.1.2", "Namen", 78, 2)],
              exceptions=[AuditException("Afbreken", dt.date(2027, 6, 30), "Lijst komt"),
                          AuditException("Beheer", None, "Software van derden")],
              tested_by="het eigen team", method="Met Playwright.")
SETTINGS = {"organisation": "Stichting X", "email": "hulp@x.example.org", "response_days": 5,
            "planned_research": "2027-06-30", "signed_on": dt.date(2026, 12, 1),
            "signed_by": "het bestuur"}


def text(site: Site) -> str:
    page = render_statement(None, site)[STATEMENT_SRC]
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page))


def test_every_part_of_the_model_statement():
    body = text(Site(audit=AUDIT, accessibility=SETTINGS))
    for part in ("Stichting X wil dat iedereen", "C: eerste maatregelen genomen",
                 "vonden onze controles nog 2 problemen", "het eigen team", "Met Playwright.",
                 "Opgelost vóór 30 juni 2027", "Geen oplosdatum gepland", "Software van derden",
                 "vóór 30 juni 2027 onderzoeken door een onafhankelijke", "WCAG-EM",
                 "op 1 december 2026 ondertekend door het bestuur", "hulp@x.example.org",
                 "binnen 5 werkdagen antwoord", "Nationale ombudsman"):
        assert part in body, part
    assert "github" not in body.lower()


def test_the_report_is_the_measurement():
    files = render_statement(None, Site(audit=AUDIT, accessibility=SETTINGS))
    report = json.loads(files[REPORT_SRC])
    assert report["pages"] == 78 and [c["failures"] for c in report["checks"]] == [0, 2]
    assert report["exceptions"][0]["fix_by"] == "2027-06-30"


def test_without_a_measurement_the_status_is_d_and_there_is_no_report():
    files = render_statement(None, Site(accessibility=SETTINGS))
    assert "D: geen maatregelen genomen" in text(Site(accessibility=SETTINGS))
    assert REPORT_SRC not in files


def test_missing_settings_are_said_to_be_missing():
    body = text(Site(audit=AUDIT))
    assert "Er is nog geen e-mailadres" in body and "nog niet ondertekend" in body
    assert "Er is nog geen datum gepland" in body


@settings(deadline=None)
@given(st.dictionaries(st.sampled_from(sorted(SETTINGS) + ["other"]),
                       st.one_of(st.none(), st.integers(), st.text(max_size=20), st.booleans(),
                                 st.lists(st.integers(), max_size=2), st.dates())))
def test_any_configuration_renders(raw):
    """Values of the wrong kind count as absent: the build never fails on them, and an e-mail
    address is shown only when it is one."""
    chosen = statement_settings(raw)
    assert chosen.email is None or "@" in chosen.email
    assert chosen.response_days is None or chosen.response_days > 0
    assert STATEMENT_SRC in render_statement(None, Site(audit=AUDIT, accessibility=raw))
