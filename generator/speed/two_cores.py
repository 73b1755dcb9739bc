"""Two independent pieces of work at once: one in this process, one in a forked copy of it.

The stages before MkDocs (the body check, the renderers) and the link check after it are pure
functions of values this process already holds. A forked copy holds them too, so nothing has
to be sent to it; it sends back its result, pickled, through a pipe. The result is the value
the work would have returned here, so the output does not change; only the waiting shortens.

Only where it pays and is safe: Linux (fork starts no new interpreter; macOS has fork, but its
system libraries do not survive it), two cores or more, and no other threads (a fork copies
locks that another thread may hold; `watwerkt serve` runs threads). Work for the copy must not
log or print: the copy's logging would bypass this process's warning count. If the copy fails
in any way, its work is done here, as it would have been without it; so a file the copy writes
must be one this process may write again (generator/speed/parallel_pages.py copies static files).
"""

from __future__ import annotations

import ctypes
import gc
import os
import pickle
import sys
import threading
from collections.abc import Callable
from typing import TypeVar

Here = TypeVar("Here")
There = TypeVar("There")
Item = TypeVar("Item")
Result = TypeVar("Result")


PLATFORM = sys.platform  # tests pretend to be on another system here


def fork_is_safe() -> bool:
    """Whether this process may fork a copy that goes on computing: on Linux, with no other
    thread (see above). The one rule for every fork of the build (generator/speed/parallel_pages.py
    too)."""
    return PLATFORM.startswith("linux") and threading.active_count() == 1


JOBS_VARIABLE = "WATWERKT_JOBS"
MAX_JOBS = 4  # the page loops stop gaining well before this; memory grows with every child


def job_count() -> int:
    """How many processes the build may use: WATWERKT_JOBS, else the usable cores (max 4)."""
    wanted = os.environ.get(JOBS_VARIABLE, "").strip()
    if wanted.isdigit() and int(wanted) > 0:
        return int(wanted)
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # no sched_getaffinity (macOS)
        cores = os.cpu_count() or 1
    return max(1, min(cores, MAX_JOBS))


def can_fork() -> bool:
    """Whether a forked copy is safe here and may run beside this process (WATWERKT_JOBS=1
    forbids it)."""
    return fork_is_safe() and job_count() >= 2


# A forked copy starts with the resident size of this process (its pages are shared, but count
# for both): above this, collecting the garbage first keeps the two together small.
LARGE_PROCESS_MB = 400


def release_garbage() -> None:
    """Before a large process forks a copy: free what is no longer reachable (a finished
    renderer's pages, files and navigation hold each other in cycles that only the cyclic
    collector frees) and hand the freed memory back to the system. At N=4000 the build's
    process went from 700 to 390 MB before the link check's copy; a small one skips it (the
    collection takes a tenth of a second per thousand pages)."""
    if resident_mb() < LARGE_PROCESS_MB:
        return
    gc.collect()
    try:
        ctypes.CDLL(None).malloc_trim(0)  # glibc: give free heap pages back to the system
    except (OSError, AttributeError):
        pass  # another C library: the collected memory is reused, not returned


def resident_mb() -> float:
    """This process's resident memory (Linux; 0 elsewhere)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except (OSError, ValueError, IndexError):
        pass
    return 0.0


def run_beside(here: Callable[[], Here], there: Callable[[], There],
               fork: bool = True) -> tuple[Here, There]:
    """(here(), there()), with `there` computed in a forked copy while this process computes
    `here`; both here when `fork` is False or forking is not safe (see can_fork)."""
    if not (fork and can_fork()):
        return here(), there()
    sys.stdout.flush()  # the copy must not write this process's buffered output a second time
    sys.stderr.flush()
    reading, writing = os.pipe()
    pid = os.fork()
    if pid == 0:
        _run_copy(there, reading, writing)  # never returns
    os.close(writing)
    try:
        mine = here()
    finally:
        with os.fdopen(reading, "rb") as pipe:
            sent = pipe.read()
        os.waitpid(pid, 0)
    try:
        done, theirs = pickle.loads(sent)
    except Exception:  # noqa: BLE001 - a copy that died sent nothing readable
        done, theirs = False, None
    return mine, (theirs if done else there())


def map_halves(work: Callable[[list[Item]], list[Result]], items: list[Item],
               fork: bool = True) -> list[Result]:
    """`work` over `items`, one result per item in their order: this process does every other
    item (the first, third, ...) and a forked copy the rest, so long and short items fall to
    both (see run_beside)."""
    ours, theirs = items[0::2], items[1::2]
    mine, other = run_beside(lambda: work(ours), lambda: work(theirs), fork=fork)
    results: list[Result] = [None] * len(items)  # type: ignore[list-item]
    results[0::2], results[1::2] = mine, other
    return results


def _run_copy(there: Callable[[], object], reading: int, writing: int) -> None:
    """In the forked copy: compute, send the pickled result, and leave without running this
    process's exit handlers (they belong to the original)."""
    code = 0
    try:
        os.close(reading)
        try:
            sent = pickle.dumps((True, there()), protocol=pickle.HIGHEST_PROTOCOL)
        except BaseException:  # noqa: BLE001 - the original does the work itself then
            sent = pickle.dumps((False, None))
        with os.fdopen(writing, "wb") as pipe:
            pipe.write(sent)
    except BaseException:  # noqa: BLE001 - nothing may escape the copy
        code = 1
    finally:
        os._exit(code)
