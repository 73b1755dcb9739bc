"""The body check of a whole project on both cores.

Tokenizing the bodies is two thirds of `watwerkt check` (markdown-it, at its own floor), and
every body is checked on its own: one forked process checks every other body while this one
checks the rest, and the reports go into the body check's cache (generator/body.py), where the
validator and the body link check then find them. The reports are the same values in the same
order of use, so the check's report stays the same to the byte; only the waiting halves.

Only where it pays and is safe: Linux (fork starts no new interpreter), two cores or
more, enough bodies to outweigh starting the process (about 20 ms), and no other threads (a
fork copies locks that another thread may hold; `watwerkt serve` runs threads, and there a
save checks one changed body anyway). Anything that goes wrong in the helper process leaves
its half to be checked here as before.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import threading
from concurrent.futures import ProcessPoolExecutor

from generator import body
from generator.load import Source

# Below this many bodies starting a process costs more than it saves (the shipped content is
# a dozen files; the benchmark a thousand).
MIN_BODIES = 100

Job = tuple[str, str, str, int]  # path, kind, body, body_line: check_body's arguments


def check_bodies_in_parallel(sources: list[Source]) -> None:
    """Check the bodies the validator will check, half of them in a second process, and keep
    the reports for it. Does nothing where a second process does not pay or is not safe."""
    jobs = [(s.path, s.kind, s.body, s.body_line) for s in sources
            if (s.data is not None or s.body_line > 1) and len(s.body) <= body.MAX_CACHED_BODY]
    if len(jobs) < MIN_BODIES or not _can_fork():
        return
    theirs, ours = jobs[1::2], jobs[0::2]  # alternate: long and short bodies on both sides
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=1, mp_context=context) as pool:
        future = pool.submit(check_jobs, theirs)
        checked = list(zip(ours, check_jobs(ours), strict=True))
        try:
            checked += zip(theirs, future.result(), strict=True)
        except Exception:  # noqa: BLE001 - the validator checks this half itself then
            pass
    body.keep_reports(checked)


def check_jobs(jobs: list[Job]) -> list[body.CachedReport]:
    """The body check's reports for `jobs`, in order (runs in either process)."""
    return [body.checked_report(*job) for job in jobs]


def _can_fork() -> bool:
    if not sys.platform.startswith("linux"):
        return False  # macOS has fork, but its system libraries do not survive it
    if threading.active_count() > 1:
        return False
    return len(os.sched_getaffinity(0)) >= 2
