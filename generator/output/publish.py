"""Atomic output, whatever renders the site: build into a temporary sibling folder and put it in
place of the old site only when the whole build succeeded (no error; under --strict, no warning
either). A failed build leaves the previous site exactly as it was, and no temporary folder.

Renderer-independent: `watwerkt build` (generator/renderers/mkdocs/run.py) drives it around MkDocs
or
ProperDocs, the MkDocs plugin drives it for a plain `mkdocs build`, and any other renderer can
be pointed at `AtomicOutput.temp` the same way.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
from collections.abc import Iterable
from pathlib import Path

BUILD_PREFIX, OLD_PREFIX = ".site-build-", ".site-old-"


class AtomicOutput:
    """A temporary folder beside `target` to build into; `commit` swaps it in, `discard` drops
    it. As a context manager it discards whatever was not committed."""

    def __init__(self, target: Path) -> None:
        self.target = Path(target).resolve()
        self.target.parent.mkdir(parents=True, exist_ok=True)
        self.temp: Path | None = Path(tempfile.mkdtemp(prefix=BUILD_PREFIX,
                                                       dir=self.target.parent))

    def commit(self) -> None:
        """Put the new site in place; the old one is removed only after the new one is there."""
        if self.temp is None:
            raise RuntimeError("this build was already committed or discarded")
        old = None
        if self.target.exists():
            old = Path(tempfile.mkdtemp(prefix=OLD_PREFIX, dir=self.target.parent))
            os.replace(self.target, old / "site")
        os.replace(self.temp, self.target)
        self.temp = None
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)

    def discard(self) -> None:
        if self.temp is not None:
            shutil.rmtree(self.temp, ignore_errors=True)
            self.temp = None

    def __enter__(self) -> AtomicOutput:
        return self

    def __exit__(self, *exc) -> None:
        self.discard()


class WarningCounter(logging.Handler):
    """Counts the warnings and errors logged on some loggers (and their children) while
    attached. A record that reaches two of them (a child logger's, say `mkdocs.x` below
    `properdocs`) counts once."""

    def __init__(self, logger_names: Iterable[str]) -> None:
        super().__init__(level=logging.WARNING)
        self.logger_names = tuple(logger_names)
        self.count = 0
        self._last: logging.LogRecord | None = None

    def attach(self) -> WarningCounter:
        self.count, self._last = 0, None
        for name in self.logger_names:
            logging.getLogger(name).addHandler(self)
        return self

    def detach(self) -> None:
        for name in self.logger_names:
            logging.getLogger(name).removeHandler(self)

    def emit(self, record: logging.LogRecord) -> None:
        if record is not self._last:
            self.count += 1
            self._last = record

    def __enter__(self) -> WarningCounter:
        return self.attach()

    def __exit__(self, *exc) -> None:
        self.detach()
