"""What crosses from a child of generator/speed/parallel_pages.py to the parent, per page: the page
attributes the call changed, the plugins' per-page state, the log records, and the error.

Pickled with the objects both processes held before the fork (config, files, pages, nav) as
references by position in one shared list, so a converted page's links point at the parent's
own File objects, not at copies. Each page is its own pickle, written as soon as it is done.
"""

from __future__ import annotations

import copy
import io
import logging
import pickle
from dataclasses import dataclass
from typing import Any, BinaryIO


@dataclass
class PageResult:
    changed: dict[str, Any]  # the page's attributes set or replaced by the call
    state: list[Any]  # per collector, what it gathered for this page
    records: list[logging.LogRecord]
    error: BaseException | None = None


class DictState:
    """A plugin's per-page dict (named in its `per_page_state`), keyed by `src_uri`. Only a
    value the call set travels: building a page does not send back what converting it did."""

    def __init__(self, plugin, name: str) -> None:
        self.plugin, self.name = plugin, name

    def mark(self, page) -> object:
        return getattr(self.plugin, self.name).get(page.file.src_uri, _NOTHING)

    def collect(self, page, mark: object) -> dict:
        key = page.file.src_uri
        value = getattr(self.plugin, self.name).get(key, _NOTHING)
        return {} if value is mark else {key: value}

    def merge(self, state: dict) -> None:
        getattr(self.plugin, self.name).update(state)


class ListGrowth:
    """A list a plugin appends to per page, as Material's search index does with its entries."""

    def __init__(self, owner, name: str) -> None:
        self.owner, self.name = owner, name

    def mark(self, page) -> int:
        return len(getattr(self.owner, self.name))

    def collect(self, page, mark: int) -> list:
        return getattr(self.owner, self.name)[mark:]

    def merge(self, state: list) -> None:
        getattr(self.owner, self.name).extend(state)


_NOTHING = object()


def collectors(config) -> list:
    """What the plugins keep per page: dicts named in a plugin's `per_page_state` and the
    entries of a search index (Material's `search` plugin)."""
    found: list = []
    for plugin in config.plugins.values():
        found += [DictState(plugin, name) for name in getattr(plugin, "per_page_state", ())]
        index = getattr(plugin, "search_index", None)
        if isinstance(getattr(index, "entries", None), list):
            found.append(ListGrowth(index, "entries"))
    return found


def shared_objects(config, args: tuple, pages: list) -> list:
    """The objects both sides hold from before the fork: a result that refers to one of them
    (a toc's link to a File, say) refers to the parent's own object, not a copy."""
    objects = [arg for arg in args if not isinstance(arg, (bool, int, str))]  # not `dirty`
    shared = [config, config.plugins, *config.plugins.values(), *objects, *pages, *args[1]]
    shared += [page.file for page in pages]
    nav = args[2] if len(args) > 3 else None  # building: (config, files, nav, env, dirty)
    stack = list(getattr(nav, "items", []))
    while stack:
        item = stack.pop()
        shared.append(item)
        stack.extend(getattr(item, "children", None) or [])
    return shared


def portable(record: logging.LogRecord) -> logging.LogRecord:
    """The record as the parent's handlers will format it, without its unpicklable parts."""
    record = copy.copy(record)
    record.msg, record.args = record.getMessage(), None
    if record.exc_info:
        record.exc_text = logging.Formatter().formatException(record.exc_info)
        record.exc_info = None
    return record


class _Pickler(pickle.Pickler):
    def __init__(self, file, index: dict[int, int]) -> None:
        super().__init__(file, protocol=pickle.HIGHEST_PROTOCOL)
        self.index = index

    def persistent_id(self, obj: Any) -> int | None:
        return self.index.get(id(obj))


class _Unpickler(pickle.Unpickler):
    def __init__(self, file, shared: list) -> None:
        super().__init__(file)
        self.shared = shared

    def persistent_load(self, pid: int) -> Any:
        return self.shared[pid]


def dump(result: PageResult, out: BinaryIO, index: dict[int, int]) -> None:
    """Write one page's result; an error that does not pickle travels as its text."""
    try:
        data = _pickled(result, index)
    except Exception:  # noqa: BLE001 - any object can refuse to pickle
        if result.error is None:
            raise
        result.error = RuntimeError(f"{type(result.error).__name__}: {result.error}")
        data = _pickled(result, index)
    out.write(data)


def _pickled(value: Any, index: dict[int, int]) -> bytes:
    buffer = io.BytesIO()
    _Pickler(buffer, index).dump(value)
    return buffer.getvalue()


def load_all(source: BinaryIO, count: int, shared: list) -> dict[int, PageResult]:
    """The results a child wrote, by position; fewer than `count` when it died early."""
    results: dict[int, PageResult] = {}
    try:
        for position in range(count):  # one pickle (and memo) per page
            results[position] = _Unpickler(source, shared).load()
    except Exception:  # noqa: BLE001 - a cut-off pickle raises any of several errors
        pass
    return results


