"""A time budget for converting one page's Markdown to HTML.

Python-Markdown needs time that grows faster than the text for some runs of brackets, emphasis
marks and tags (check/complexity.py refuses the runs we know of). Against the ones nobody knows
yet, every conversion of an editor's text runs within a budget: past it, the conversion stops
and the page's file gets a Dutch error, so a body can never keep a build or the preview busy
for minutes. The check (its preview comparison) and the renderer adapter both convert through
`within_budget`.

The budget is a timer signal, so it only interrupts a conversion in the main thread of a
process (where `watwerkt build`, `serve`'s rebuilds and the page processes of
generator/speed/parallel_pages.py all convert). Elsewhere the conversion runs to its end and
is judged afterwards: the same error, only later.
"""

from __future__ import annotations

import os
import signal
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TypeVar

Result = TypeVar("Result")

# A long real page (100 kB of text, tables and footnotes) converts in well under a second; ten
# times the slowest real page we know of, on a slow machine, is still far below this.
BUDGET_SECONDS = 10.0
BUDGET_VARIABLE = "WATWERKT_MARKDOWN_BUDGET"


class OverBudget(BaseException):
    """The conversion took longer than its budget. A BaseException, so that no `except
    Exception` inside the converter (an extension's own guard) can swallow it."""

    def __init__(self, seconds: float) -> None:
        super().__init__(f"over budget ({seconds:g} s)")
        self.seconds = seconds


def budget_seconds() -> float:
    """The budget per page: BUDGET_SECONDS, or WATWERKT_MARKDOWN_BUDGET when it holds a
    positive number of seconds (for tests, and for a machine that is far slower)."""
    try:
        seconds = float(os.environ.get(BUDGET_VARIABLE, ""))
    except ValueError:
        return BUDGET_SECONDS
    return seconds if seconds > 0 else BUDGET_SECONDS


def within_budget(convert: Callable[[], Result], seconds: float | None = None) -> Result:
    """convert(), or OverBudget when it takes longer than `seconds` (budget_seconds())."""
    seconds = budget_seconds() if seconds is None else seconds
    with _deadline(seconds):
        started = time.monotonic()
        result = convert()
    if time.monotonic() - started > seconds:  # where no timer could interrupt it
        raise OverBudget(seconds)
    return result


@contextmanager
def _deadline(seconds: float) -> Iterator[None]:
    if threading.current_thread() is not threading.main_thread() \
            or not hasattr(signal, "setitimer"):
        yield
        return

    def expire(signum, frame):
        raise OverBudget(seconds)

    previous_handler = signal.signal(signal.SIGALRM, expire)
    previous_delay, previous_interval = signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous_handler)
        if previous_delay:  # an outer timer (a test's own) keeps running
            signal.setitimer(signal.ITIMER_REAL, previous_delay, previous_interval)


# How the error begins: the renderer's log recognises it as Dutch already.
OVER_BUDGET_OPENING = "Het omzetten van de tekst van "


def over_budget_message(path: str, seconds: float) -> str:
    """The Dutch error for the file whose text took too long to convert."""
    shown = f"{seconds:g}".replace(".", ",")
    return (f"{OVER_BUDGET_OPENING}'{path}' naar een webpagina duurde langer dan "
            f"{shown} seconden en is afgebroken. Meestal zit er een lange reeks haakjes, "
            "sterretjes, liggende streepjes of tags in (bijvoorbeeld per ongeluk geplakt): "
            "verwijder of herschrijf dat deel. Is de tekst zelf zo lang, deel hem dan op.")
