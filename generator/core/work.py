"""The hooks where speed devices plug in, and their plain versions: in order, in this process.

The stages and the renderer adapter call `devices()` and never the speed package, so imports
point one way. Only the entry points (`watwerkt` in generator/cli.py) install the faster ones
from generator/speed/; a plain `mkdocs build` and anything that never installs them builds in
order. Every device promises the result of its plain version, to the byte: deleting speed/
leaves a working, slower build that makes the same site.

One switch turns every device off: WATWERKT_SPEED=0, or `speed: false` under the watwerkt plugin
in mkdocs.yml (the renderer adapter calls `switch_off()` for it).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from typing import Any, TypeVar

Here = TypeVar("Here")
There = TypeVar("There")
Item = TypeVar("Item")
Result = TypeVar("Result")

SPEED_VARIABLE = "WATWERKT_SPEED"


class InOrder:
    """Every hook's plain version. A speed device subclasses this and overrides what it speeds
    up; `fork` says whether the caller thinks forking would pay, never what the result is."""

    def run_beside(self, here: Callable[[], Here], there: Callable[[], There],
                   fork: bool = True) -> tuple[Here, There]:
        """(here(), there())."""
        return here(), there()

    def map_halves(self, work: Callable[[list[Item]], list[Result]], items: list[Item],
                   fork: bool = True) -> list[Result]:
        """work(items): one result per item, in their order."""
        return work(items)

    def release_memory(self) -> None:
        """Before a large process forks a copy (nothing to do when nothing forks)."""

    def around_renderer(self, config: Any) -> AbstractContextManager[None]:
        """Wraps the renderer's own build of a loaded `config` (the plain version wraps
        nothing)."""
        return nullcontext()

    def prepare_templates(self, env: Any) -> None:
        """Called with the renderer's template environment before the pages are drawn."""

    def start(self) -> None:
        """When installed: set what holds for the whole process (nothing, in order)."""

    def stop(self) -> None:
        """When switched off: undo what `start` set."""


IN_ORDER = InOrder()
_installed: list[InOrder] = [IN_ORDER]
_switched_off: list[bool] = [False]


def install(devices: InOrder) -> None:
    """Put faster versions of the hooks in (generator/speed/ at an entry point)."""
    _installed[0] = devices
    if speed_allowed():
        devices.start()


def switch_off(off: bool = True) -> None:
    """Run everything in order from now on (the plugin's `speed: false`); `off=False` lets the
    installed devices run again."""
    was = speed_allowed()
    _switched_off[0] = off
    if was and not speed_allowed():
        _installed[0].stop()
    elif speed_allowed() and not was:
        _installed[0].start()


def speed_allowed() -> bool:
    return not _switched_off[0] and os.environ.get(SPEED_VARIABLE, "").strip() != "0"


def devices() -> InOrder:
    """The hooks in force: the installed devices, unless speed is switched off."""
    return _installed[0] if speed_allowed() else IN_ORDER


def run_beside(here: Callable[[], Here], there: Callable[[], There],
               fork: bool = True) -> tuple[Here, There]:
    """(here(), there())."""
    return devices().run_beside(here, there, fork=fork)


def map_halves(work: Callable[[list[Item]], list[Result]], items: list[Item],
               fork: bool = True) -> list[Result]:
    """work(items): one result per item, in their order."""
    return devices().map_halves(work, items, fork=fork)
