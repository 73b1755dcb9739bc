"""Which MkDocs 1.x runtime renders the site: MkDocs 1.6 itself, or ProperDocs, its drop-in
continuation (PyPI `properdocs`), whichever is installed.

The adapter (`mkdocs_plugin.py`) and `mkdocs_run.py` import `mkdocs.*`. Without the `mkdocs`
package, ProperDocs' own `replacement` module redirects every `mkdocs.*` import to
`properdocs.*` (its command line does exactly this), so one adapter serves both. ProperDocs logs
on `properdocs.*` and counts strict-mode warnings there only; its command line makes the legacy
`mkdocs` logger a child of `properdocs`, and `activate` does the same for our in-process builds,
so the warnings of plugins (ours, Material's search) still fail a strict build.

Set WATWERKT_RUNTIME=properdocs (or mkdocs) to choose when both are installed; MkDocs wins by
default, as the pinned dependency of pyproject.toml.
"""

from __future__ import annotations

import importlib.util
import logging
import os
from functools import cache
from importlib import metadata

RUNTIMES = ("mkdocs", "properdocs")
CHOICE_VARIABLE = "WATWERKT_RUNTIME"
# Every logger a runtime or its plugins warn on: a strict build counts warnings on all of them.
LOGGERS = ("mkdocs", "properdocs")


class RuntimeMissing(RuntimeError):
    """Neither runtime is installed (or only MkDocs 2, which has no plugins)."""


def _installed(name: str) -> bool:
    """Whether the package `name` itself is importable: after ProperDocs' redirect,
    `mkdocs` resolves to ProperDocs' module, which does not count as MkDocs."""
    try:
        spec = importlib.util.find_spec(name)
    except (ImportError, ValueError):
        return False
    if spec is None or spec.name != name:
        return False
    if name == "mkdocs":
        # MkDocs 2 drops the plugin and theme systems this project is built on.
        try:
            return int(metadata.version("mkdocs").split(".")[0]) < 2
        except (metadata.PackageNotFoundError, ValueError):
            return False
    return True


@cache
def runtime_name() -> str:
    """'mkdocs' or 'properdocs': the one this process renders with (decided once)."""
    installed = [name for name in RUNTIMES if _installed(name)]
    wanted = os.environ.get(CHOICE_VARIABLE, "").strip().lower()
    if wanted in installed:
        return wanted
    if not installed:
        raise RuntimeMissing(
            "MkDocs 1.x en ProperDocs ontbreken allebei; installeer er één: "
            "pip install properdocs (of pip install 'mkdocs<2').")
    return installed[0]


def activate() -> str:
    """Make `import mkdocs.*` reach the installed runtime and route its loggers; returns its
    name. Safe to call any number of times."""
    name = runtime_name()
    if name == "properdocs":
        import properdocs.replacement  # noqa: F401 - redirects mkdocs.* to properdocs.*

        legacy = logging.getLogger("mkdocs")
        if legacy.parent is not logging.getLogger("properdocs"):
            legacy.parent = logging.getLogger("properdocs")
            legacy.setLevel(logging.NOTSET)
            legacy.propagate = True
    return name


def root_logger() -> logging.Logger:
    """The runtime's top logger: a handler here sees every warning of the build."""
    return logging.getLogger(activate())


def cli_module() -> str:
    """The module for `python -m …` that builds with the installed runtime (tests, scripts)."""
    return runtime_name()
