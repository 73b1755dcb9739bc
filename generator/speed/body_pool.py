"""The body check of a whole project on both cores (generator/speed/two_cores.py).

Tokenizing the bodies is two thirds of `watwerkt check` (markdown-it, at its own floor), and
every body is checked on its own: a forked copy checks every other body while this process
checks the rest, and the reports go into the body check's cache (generator/check/body.py), where the
validator and the body link check then find them. The reports are the values a check here
would give, so the check's report stays the same to the byte; only the waiting halves.
"""

from __future__ import annotations

from generator.check import body
from generator.content.load import Source
from generator.speed.two_cores import can_fork, map_halves

# Below this many bodies starting a process costs more than it saves (the shipped content is
# a dozen files; the benchmark a thousand).
MIN_BODIES = 100

Job = tuple[str, str, str, int]  # path, kind, body, body_line: check_body's arguments


def check_bodies_in_parallel(sources: list[Source]) -> None:
    """Check the bodies the validator will check, half of them in a forked copy, and keep
    the reports for it. Does nothing where a copy does not pay or is not safe."""
    jobs = [(s.path, s.kind, s.body, s.body_line) for s in sources
            if (s.data is not None or s.body_line > 1) and len(s.body) <= body.MAX_CACHED_BODY]
    # Without a copy, checking ahead would only bypass the body check's cache: `watwerkt
    # serve` (threads, so no fork) would check every body again on every save.
    if len(jobs) < MIN_BODIES or not can_fork():
        return
    body.keep_reports(zip(jobs, map_halves(check_jobs, jobs), strict=True))


def check_jobs(jobs: list[Job]) -> list[body.CachedReport]:
    """The body check's reports for `jobs`, in order (runs in either process)."""
    return [body.checked_report(*job) for job in jobs]
