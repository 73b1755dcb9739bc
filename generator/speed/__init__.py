"""Speed devices: forks and caches that make the build faster and never change what it makes.

The stages and the renderer adapter call the hooks of generator/core/work.py, whose plain
versions run everything in order; `install()` puts the faster ones below in. Only the entry
points call it (generator/cli.py), so a stage never imports this package, and deleting it
leaves a slower build of the same site (the README says which lines to change).
WATWERKT_SPEED=0, or `speed: false` under the watwerkt plugin in mkdocs.yml, switches every
device off at once; WATWERKT_JOBS=1 keeps the caches and forks nothing.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from generator.core import work
from generator.speed import two_cores

# Python's cyclic garbage collector runs after every 700 new objects (net) and walks the whole
# heap after every 100 of those runs. A build makes millions of objects that live to its end
# (sources, tokens, pages, templates), so the collector walked them again and again: some 5 %
# of the build's CPU time at N=1,000. Rarer runs free the same garbage a little later (a
# large process still collects everything before it forks, two_cores.release_garbage); what
# the build makes is the same.
COLLECTOR_THRESHOLDS = (50_000, 20, 10)
_COLLECTOR_DEFAULTS: list[int] = []


class Faster(work.InOrder):
    """The hooks of generator/core/work.py with the devices of this package."""

    def run_beside(self, here, there, fork: bool = True):
        return two_cores.run_beside(here, there, fork=fork)

    def map_halves(self, work_on, items, fork: bool = True):
        return two_cores.map_halves(work_on, items, fork=fork)

    def release_memory(self) -> None:
        two_cores.release_garbage()

    def start(self) -> None:
        _COLLECTOR_DEFAULTS[:] = gc.get_threshold()
        gc.set_threshold(*COLLECTOR_THRESHOLDS)

    def stop(self) -> None:
        if _COLLECTOR_DEFAULTS:
            gc.set_threshold(*_COLLECTOR_DEFAULTS)

    def around_renderer(self, config: Any):
        return _renderer_devices(config)

    def prepare_templates(self, env: Any) -> None:
        from generator.speed.template_cache import cache_navigation, cache_translations

        cache_navigation(env)  # entry pages share their navigation's HTML
        cache_translations(env)


@contextmanager
def _renderer_devices(config: Any) -> Iterator[None]:
    # Both page loops on every usable core, one Markdown instance per process: same site.
    from generator.speed.markdown_reuse import reused_markdown
    from generator.speed.parallel_pages import parallel_pages

    with parallel_pages(config), reused_markdown():
        yield


def install() -> None:
    """Put the faster hooks in, for this process (an entry point calls it once)."""
    work.install(Faster())
