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
class AuditException:
    text: str  # what does not meet the criteria, in Dutch
    fix_by: dt.date | None = None  # when it is planned to be solved; None: no fix planned
    reason: str = ""  # why not (yet), in Dutch


@dataclass(frozen=True)
class Audit:
    date: dt.date
    pages: int
    widths: str  # the viewports, in Dutch
    browser: str
    checks: list[AuditCheck] = field(default_factory=list)
    exceptions: list[AuditException] = field(default_factory=list)
    tested_by: str = ""  # who ran the measurement, in Dutch
    method: str = ""  # how, in Dutch


def _exception(data) -> AuditException:
    if isinstance(data, str):
        return AuditException(text=data)
    fix_by = data.get("fix_by")
    return AuditException(text=str(data["text"]), reason=str(data.get("reason") or ""),
                          fix_by=dt.date.fromisoformat(fix_by) if fix_by else None)


def load_audit(root: Path) -> Audit | None:
    """The audit file of a project, or None when there is none or it cannot be read (the
    statement then says that no measurement is available, rather than failing the build)."""
    try:
        data = json.loads((root / AUDIT_FILE).read_text(encoding="utf-8"))
        return Audit(date=dt.date.fromisoformat(data["date"]), pages=int(data["pages"]),
                     widths=str(data["widths"]), browser=str(data["browser"]),
                     checks=[AuditCheck(**check) for check in data["checks"]],
                     exceptions=[_exception(e) for e in data.get("exceptions", [])],
                     tested_by=str(data.get("tested_by") or ""),
                     method=str(data.get("method") or ""))
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None
