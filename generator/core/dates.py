"""The build date and Dutch date formatting.

The build date is today unless pinned by `--today` or SOURCE_DATE_EPOCH (the reproducible-builds
convention), so that tests and golden files never drift as the calendar moves.
"""

from __future__ import annotations

import datetime as dt
import os
import re

MONTHS_NL = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
             "september", "oktober", "november", "december")

DATE_RE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")


class BuildDateError(ValueError):
    """A --today or SOURCE_DATE_EPOCH value that is not a date (a usage error)."""


def parse_iso_date(text: str) -> dt.date | None:
    """YYYY-MM-DD to a date, or None when the text is not exactly that or not a real day."""
    match = DATE_RE.match(text)
    if not match:
        return None
    try:
        return dt.date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None


def resolve_build_date(today: str | None = None, environ: dict | None = None) -> dt.date:
    """--today wins, then SOURCE_DATE_EPOCH (seconds, read as UTC), then the system date."""
    environ = os.environ if environ is None else environ
    if today:
        parsed = parse_iso_date(today.strip())
        if parsed is None:
            raise BuildDateError(
                f"--today verwacht een datum als JJJJ-MM-DD (bijvoorbeeld 2026-01-31), "
                f"maar kreeg '{today}'.")
        return parsed
    epoch = environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch:
        if not epoch.isdigit():
            raise BuildDateError(
                f"SOURCE_DATE_EPOCH moet een aantal seconden sinds 1970 zijn, maar is '{epoch}'.")
        try:
            return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC).date()
        except (OverflowError, OSError, ValueError) as exc:
            raise BuildDateError(f"SOURCE_DATE_EPOCH is geen bruikbare tijd: '{epoch}'.") from exc
    return dt.date.today()


def add_years(day: dt.date, years: int) -> dt.date:
    """The same day `years` later; 29 February becomes 28 February in a common year."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def months_between(earlier: dt.date, later: dt.date) -> int:
    """Whole calendar months from `earlier` to `later` (negative when reversed)."""
    months = (later.year - earlier.year) * 12 + (later.month - earlier.month)
    if later.day < earlier.day:
        months -= 1
    return months


def format_date_nl(day: dt.date) -> str:
    """12 mei 2027."""
    return f"{day.day} {MONTHS_NL[day.month - 1]} {day.year}"
