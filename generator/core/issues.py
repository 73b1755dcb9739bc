"""Problems found in content, as values: nothing raises, every stage returns its issues."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Severity(StrEnum):
    """Errors stop the build, warnings fail only --strict, notices never fail anything."""

    ERROR = "error"
    WARNING = "warning"
    NOTICE = "notice"

    @property
    def dutch(self) -> str:
        return {"error": "fout", "warning": "waarschuwing", "notice": "melding"}[self.value]


SEVERITY_ORDER = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.NOTICE: 2}


@dataclass(frozen=True)
class Issue:
    """One problem at one place. `path` is relative to the project root, `/`-separated."""

    severity: Severity
    path: str
    line: int | None
    column: int | None
    key: str | None
    code: str
    message: str

    def sort_key(self) -> tuple:
        return (self.path, self.line or 0, self.column or 0, SEVERITY_ORDER[self.severity],
                self.code, self.message)

    def as_dict(self) -> dict:
        return {
            "severity": self.severity.value,
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "key": self.key,
            "code": self.code,
            "message": self.message,
        }


def error(path: str, line: int | None, column: int | None, key: str | None, code: str,
          message: str) -> Issue:
    return Issue(Severity.ERROR, path, line, column, key, code, message)


def warning(path: str, line: int | None, column: int | None, key: str | None, code: str,
            message: str) -> Issue:
    return Issue(Severity.WARNING, path, line, column, key, code, message)


def notice(path: str, line: int | None, column: int | None, key: str | None, code: str,
           message: str) -> Issue:
    return Issue(Severity.NOTICE, path, line, column, key, code, message)


def count(issues: list[Issue], severity: Severity) -> int:
    return sum(1 for issue in issues if issue.severity is severity)


def has_errors(issues: list[Issue], strict: bool = False) -> bool:
    """True when the issues must stop a build: errors always, warnings under --strict."""
    failing = {Severity.ERROR, Severity.WARNING} if strict else {Severity.ERROR}
    return any(issue.severity in failing for issue in issues)
