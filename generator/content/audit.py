"""The accessibility audit's results: `a11y-audit.json` at the project root, written by
`python -m tests.browser.wcag_audit` (the same probes tests/browser/test_wcag.py runs) and
read here, so that the accessibility statement reports what was measured, not a promise."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path

AUDIT_FILE = "a11y-audit.json"


@dataclass(frozen=True)
class AuditCheck:
    id: str
    criterion: str  # the WCAG success criterion, e.g. "1.4.10"
    name: str  # what the check does, in Dutch
    pages: int  # pages checked
    failures: int  # pages on which it found something


@dataclass(frozen=True)
class Audit:
    date: dt.date
    pages: int
    widths: str  # the viewports, in Dutch
    browser: str
    checks: list[AuditCheck] = field(default_factory=list)
    exceptions: list[str] = field(default_factory=list)


def load_audit(root: Path) -> Audit | None:
    """The audit file of a project, or None when there is none or it cannot be read (the
    statement then says that no measurement is available, rather than failing the build)."""
    try:
        data = json.loads((root / AUDIT_FILE).read_text(encoding="utf-8"))
        return Audit(date=dt.date.fromisoformat(data["date"]), pages=int(data["pages"]),
                     widths=str(data["widths"]), browser=str(data["browser"]),
                     checks=[AuditCheck(**check) for check in data["checks"]],
                     exceptions=[str(e) for e in data.get("exceptions", [])])
    except (OSError, ValueError, KeyError, TypeError):
        return None
