"""The `# expect:` directive of the example files and of the editor-slip corpus
(tests/examples/README.md): one format, read by tests/test_examples.py and by
scripts/slip_score.py, which scores the slips against any checkout of the generator."""

from __future__ import annotations

import re
from dataclasses import dataclass

EXPECT_RE = re.compile(r"^(error|warning|notice)\s+([a-z0-9]+(?:-[a-z0-9]+)*)\s+line\s+(\d+|none)"
                       r"(?:\s+col\s+(\d+))?(?:\s+in\s+(\S+))?$")


@dataclass(frozen=True)
class Expected:
    severity: str
    code: str
    line: int | None
    column: int | None
    path: str | None  # None: the example file itself

    def __str__(self) -> str:
        where = f"line {self.line}" + (f" col {self.column}" if self.column else "")
        return f"{self.severity} {self.code} {where}" + (f" in {self.path}" if self.path else "")


def parse_expect(value: str) -> Expected | None:
    """The issue an `# expect: <value>` directive names; None when `value` is not of the form
    `<severity> <code> line <N|none> [col <M>] [in <path>]`."""
    parsed = EXPECT_RE.match(value)
    if parsed is None:
        return None
    severity, code, number, column, path = parsed.groups()
    return Expected(severity, code, None if number == "none" else int(number),
                    int(column) if column else None, path)
