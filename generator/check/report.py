"""Reporters: the same list of issues as text, JSON or GitHub Actions annotations."""

from __future__ import annotations

import json

from generator.core.issues import Issue, Severity, count
from generator.core.numbers import count_nl

_WORDS = {Severity.ERROR: ("fout", "fouten"), Severity.WARNING: ("waarschuwing", "waarschuwingen"),
          Severity.NOTICE: ("melding", "meldingen")}


def sort_issues(issues: list[Issue]) -> list[Issue]:
    return sorted(issues, key=Issue.sort_key)


def _counted(number: int, severity: Severity) -> str:
    singular, plural = _WORDS[severity]
    return count_nl(number, singular, plural)


def summary_line(issues: list[Issue], files_checked: int) -> str:
    """'3 fouten, 1 waarschuwing en 2 meldingen in 2 bestanden'."""
    if not issues:
        return ("Geen fouten, waarschuwingen of meldingen in "
                f"{count_nl(files_checked, 'bestand', 'bestanden')}.")
    files = len({issue.path for issue in issues})
    parts = [_counted(count(issues, severity), severity) for severity in Severity]
    return f"{parts[0]}, {parts[1]} en {parts[2]} in {count_nl(files, 'bestand', 'bestanden')}"


def format_text(issues: list[Issue], files_checked: int) -> str:
    """One line per issue, grouped per file in path order, a blank line between files."""
    lines: list[str] = []
    previous = None
    for issue in sort_issues(issues):
        if previous is not None and issue.path != previous:
            lines.append("")
        previous = issue.path
        where = issue.path
        if issue.line is not None:
            where += f":{issue.line}"
            if issue.column is not None:
                where += f":{issue.column}"
        lines.append(f"{where}: {issue.severity.dutch}: {issue.message}")
    if lines:
        lines.append("")
    lines.append(summary_line(issues, files_checked))
    return "\n".join(lines) + "\n"


def format_json(issues: list[Issue]) -> str:
    return json.dumps({"issues": [issue.as_dict() for issue in sort_issues(issues)]},
                      ensure_ascii=False, indent=2) + "\n"


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def format_github(issues: list[Issue]) -> str:
    """GitHub workflow commands: `::error file=…,line=…,col=…,title=…::message`."""
    lines = []
    for issue in sort_issues(issues):
        properties = [f"file={_escape_property(issue.path)}"]
        if issue.line is not None:
            properties.append(f"line={issue.line}")
            if issue.column is not None:
                properties.append(f"col={issue.column}")
        properties.append(f"title={_escape_property(issue.code)}")
        lines.append(f"::{issue.severity.value}" if issue.severity is not Severity.NOTICE
                     else "::notice")
        lines[-1] += f" {','.join(properties)}::{_escape_data(issue.message)}"
    return "".join(line + "\n" for line in lines)


def format_markdown(issues: list[Issue], files_checked: int) -> str:
    """The whole report as a Markdown table, for GitHub's job summary (annotations stop at 10)."""
    rows = ["## Controle van de inhoud", "", summary_line(issues, files_checked), ""]
    if issues:
        rows += ["| bestand | regel | soort | melding |", "|---|---|---|---|"]
        for issue in sort_issues(issues):
            message = issue.message.replace("|", "\\|").replace("\n", " ")
            rows.append(f"| `{issue.path}` | {issue.line or ''} | {issue.severity.dutch} | "
                        f"{message} |")
    return "\n".join(rows) + "\n"
