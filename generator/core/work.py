"""How two independent pieces of work run: in order, in this process, unless generator.speed is
loaded and puts its forking versions in (generator/speed/two_cores.py). The stages call these
names and never the speed package, so imports point one way and deleting speed/ leaves a
working, slower build that makes the same site. Each function returns exactly what running the
work in order returns; a faster version must keep that promise."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

Here = TypeVar("Here")
There = TypeVar("There")
Item = TypeVar("Item")
Result = TypeVar("Result")


def in_order_beside(here: Callable[[], Here], there: Callable[[], There],
                    fork: bool = True) -> tuple[Here, There]:
    return here(), there()


def in_order_halves(work: Callable[[list[Item]], list[Result]], items: list[Item],
                    fork: bool = True) -> list[Result]:
    return work(items)


# Replaced by generator.speed when it is imported (see install); `fork` says whether the caller
# thinks forking would pay, never what the result is.
_runners: dict[str, Callable] = {"beside": in_order_beside, "halves": in_order_halves}


def install(beside: Callable, halves: Callable) -> None:
    _runners["beside"], _runners["halves"] = beside, halves


def run_beside(here: Callable[[], Here], there: Callable[[], There],
               fork: bool = True) -> tuple[Here, There]:
    """(here(), there())."""
    return _runners["beside"](here, there, fork=fork)


def map_halves(work: Callable[[list[Item]], list[Result]], items: list[Item],
               fork: bool = True) -> list[Result]:
    """work(items): one result per item, in their order."""
    return _runners["halves"](work, items, fork=fork)
