"""Speed devices: forks and caches that make the build faster and never change what it makes.

The stages and the renderer adapter call the hooks of generator/core/work.py, whose plain
versions run everything in order; `install()` puts the faster ones below in. Only the entry
points call it (generator/cli.py), so a stage never imports this package, and deleting it
leaves a slower build of the same site (the README says which lines to change).
WATWERKT_SPEED=0, or `speed: false` under the watwerkt plugin in mkdocs.yml, switches every
device off at once; WATWERKT_JOBS=1 keeps the caches and forks nothing.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from generator.core import work
from generator.speed import two_cores


class Faster(work.InOrder):
    """The hooks of generator/core/work.py with the devices of this package."""

    def run_beside(self, here, there, fork: bool = True):
        return two_cores.run_beside(here, there, fork=fork)

    def map_halves(self, work_on, items, fork: bool = True):
        return two_cores.map_halves(work_on, items, fork=fork)

    def check_ahead(self, sources: Iterable[Any]) -> None:
        from generator.speed.body_pool import check_bodies_in_parallel

        check_bodies_in_parallel(list(sources))

    def release_memory(self) -> None:
        two_cores.release_garbage()

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
