"""MkDocs' two page loops on every usable core, for `watwerkt build` and the exports.

The runtime's `build()` (MkDocs 1.6 or ProperDocs, generator/renderers/mkdocs/runtime.py) converts
every page
(`_populate_page`: read, Python-Markdown, the plugins' page events) and then renders every
page into its template and writes it (`_build_page`). Each call touches one page only, so
`parallel_pages()` wraps both functions of the runtime's build module for one build. The first
call of a loop splits the whole page list into contiguous shares of about equal weight: this
process keeps the first share and runs it as usual, and a forked child per other share does
the same work on its copy of the build (config, files, nav, plugins: all set up before the
fork). Each child writes, per page, what the rest of the build reads into a file:

- after converting: the page attributes that changed (`content`, `toc`, `meta`, title, the
  anchors the link validation reads) and its plugin state (see `_collectors`);
- after building (the child wrote the HTML file itself): its plugin state only.

Later calls of the loop take a child's results over at that page's turn: its attributes, its
plugin state and its log records, replayed on the same loggers in page order, so the warning
count, `--strict` and the Dutch messages are exactly those of the sequential build, and a
child's exception is raised at the page where the sequential build would raise it. The site is
byte-for-byte the sequential one. A child that dies without its results fails the build with a
Dutch message; children still running when the build ends (or fails) are killed and reaped
before the caller removes the output folder.

Between the two loops MkDocs copies the static files (theme, data, the citation files of every
entry): a forked child copies every other one meanwhile (`_copy_beside`).

A plugin that keeps state per page in its own objects would lose the children's share of it
(Material's `tags` plugin lists fewer tags, and nothing warns). So the loops fork only when
every plugin of the build is known to be safe (`FORK_SAFE_PLUGINS`, or a plugin class that
declares `parallel_pages_safe = True` itself, the way Sphinx asks extensions to declare
`parallel_read_safe`); otherwise the build runs in order and says so once, in Dutch.

One usable core, WATWERKT_JOBS=1 or WATWERKT_SPEED=0 leaves the runtime's loops untouched; so
does `serve`, which never enters `parallel_pages()`.
"""

from __future__ import annotations

import gc
import logging
import os
import shutil
import signal
import sys
import tempfile
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType

from generator.speed.page_transfer import (
    PageResult,
    collectors,
    dump,
    load_all,
    portable,
    shared_objects,
)
from generator.speed.two_cores import fork_is_safe, job_count, run_beside

MIN_SHARE = 8  # pages: a share smaller than this costs more to fork and merge than it saves
# Building a page costs its template (about the same for every page) plus its content.
TEMPLATE_WEIGHT = 6000


# Plugins whose page events keep no state a child could lose, or only state the children send
# back (page_transfer.collectors: the search index's entries). By class, exactly: a subclass
# may add state of its own. Our own plugin declares itself (`parallel_pages_safe`).
FORK_SAFE_PLUGINS = frozenset({
    "material.plugins.search.plugin.SearchPlugin",
    "material.plugins.offline.plugin.OfflinePlugin",  # acts before and after the page loops
    "mkdocs.contrib.search.SearchPlugin",
    "properdocs.contrib.search.SearchPlugin",
})


def unsafe_plugins(config) -> list[str]:
    """The names (as in mkdocs.yml) of the build's plugins not known to be safe to fork."""
    unsafe = []
    for name, plugin in config.plugins.items():
        # A hooks file (mkdocs.yml `hooks:`) is a module: it declares itself at its top.
        owner = plugin if isinstance(plugin, ModuleType) else type(plugin)
        if vars(owner).get("parallel_pages_safe") is not True and _class_name(
                plugin) not in FORK_SAFE_PLUGINS:
            unsafe.append(name)
    return unsafe


def _class_name(plugin) -> str:
    kind = type(plugin)
    return f"{kind.__module__}.{kind.__qualname__}"


def say_in_order(unsafe: list[str]) -> None:
    """Once per build: why the pages are built one after the other."""
    names = ", ".join(f"'{name}'" for name in unsafe)
    which = "de plugin" if len(unsafe) == 1 else "de plugins"
    sys.stderr.write(f"watwerkt: {which} {names} staat niet op de lijst van plugins die veilig "
                     "over meerdere processen verdeeld kunnen worden; de pagina's worden na "
                     "elkaar gebouwd (dezelfde site, alleen trager).\n")


@contextmanager
def parallel_pages(config, jobs: int | None = None) -> Iterator[None]:
    """Within this block, the runtime's `build()` of `config` runs its page loops on `jobs`
    processes, when every plugin of `config` is safe to fork."""
    from mkdocs.commands.build import build
    from mkdocs.structure.files import Files

    jobs = job_count() if jobs is None else jobs
    # A fork copies one thread only: a lock another thread holds would stay locked in the
    # child. `watwerkt build` has no other threads; a program that has them builds in order,
    # and so does macOS, whose system libraries do not survive a fork (two_cores.fork_is_safe).
    if jobs <= 1 or not fork_is_safe():
        yield
        return
    unsafe = unsafe_plugins(config)
    if unsafe:
        say_in_order(unsafe)
        yield
        return
    module = sys.modules[build.__module__]
    originals = module._populate_page, module._build_page
    phases = [_Phase(originals[0], jobs, populate=True), _Phase(originals[1], jobs)]
    module._populate_page, module._build_page = phases
    copy_static_files = Files.copy_static_files
    Files.copy_static_files = _copy_beside(copy_static_files, Files)
    try:
        yield
    finally:
        module._populate_page, module._build_page = originals
        Files.copy_static_files = copy_static_files
        for phase in phases:
            phase.close()


# Below this many files a forked copy costs more than it saves (the shipped site has some 90).
MIN_STATIC_BESIDE = 500


def _copy_beside(copy_static_files: Callable, Files: type) -> Callable:  # noqa: N803
    """Files.copy_static_files with the second half of the files copied by a forked copy
    meanwhile (two_cores.run_beside). Copying is system time: creating thousands of files and
    folders (the citation files of every entry, the data and feeds) took up to a second on one
    core. Halves, not every other file: the files of one folder lie together, and two processes
    creating files in the same folder wait for each other's lock on it. A copy that fails
    leaves its files to this process, which copies them again after it."""

    def copy_on_two_cores(self, dirty: bool = False, **kwargs) -> None:
        files = list(self)
        if len(files) < MIN_STATIC_BESIDE:
            return copy_static_files(self, dirty, **kwargs)
        half = len(files) // 2
        run_beside(lambda: copy_static_files(Files(files[:half]), dirty, **kwargs),
                   lambda: copy_static_files(Files(files[half:]), dirty, **kwargs))

    return copy_on_two_cores


@dataclass
class _Child:
    pid: int
    pages: list  # its share, in page order
    path: Path  # where it writes its results
    results: dict[int, PageResult] | None = None  # by page position in the share
    status: int | None = None


@dataclass
class _Phase:
    """One wrapped page loop: replaces `_populate_page` (populate=True) or `_build_page`."""

    original: Callable
    jobs: int
    populate: bool = False
    started: bool = False
    owner: dict[int, tuple[_Child, int]] = field(default_factory=dict)  # id(page) → share
    children: list[_Child] = field(default_factory=list)
    folder: Path | None = None
    collectors: list = field(default_factory=list)
    shared: list = field(default_factory=list)

    def __call__(self, page, *args, **kwargs) -> None:
        if not self.started:
            self.started = True
            self._start(page, args, kwargs)
        child, position = self.owner.get(id(page), (None, 0))
        if child is None:
            return self.original(page, *args, **kwargs)
        return self._take_over(page, child, position)

    def _start(self, first, args: tuple, kwargs: dict) -> None:
        # MkDocs 1.6 and ProperDocs call (config, files, dirty) and (config, doc_files, nav,
        # env, dirty, excluded=…): anything else (a dirty build, a runtime that changed its
        # loops) runs in order, as the runtime wrote it.
        if len(args) != (3 if self.populate else 5) or args[-1] is not False:
            return
        shares = _split(_page_list(first, args, self.populate), self.jobs, self.populate)
        if len(shares) < 2:
            return
        config = args[0]
        self.collectors = collectors(config)
        self.shared = shared_objects(config, args, [page for share in shares for page in share])
        self.folder = Path(tempfile.mkdtemp(prefix="watwerkt-pages-"))
        sys.stdout.flush()
        sys.stderr.flush()
        gc.freeze()  # no collection in a child touches (and so copies) the parent's objects
        try:
            for number, share in enumerate(shares[1:], start=1):
                child = _Child(0, share, self.folder / f"{number}.pickle")
                child.pid = self._fork(child, args, kwargs)
                self.children.append(child)
                for position, page in enumerate(share):
                    self.owner[id(page)] = (child, position)
        finally:
            gc.unfreeze()

    def _fork(self, child: _Child, args: tuple, kwargs: dict) -> int:
        pid = os.fork()
        if pid:
            return pid
        code = 1
        try:
            signal.signal(signal.SIGINT, signal.SIG_DFL)
            self._run_share(child, args, kwargs)
            code = 0
        except BaseException:  # noqa: BLE001 - the parent reports the missing pages
            traceback.print_exc()
        finally:
            os._exit(code)  # never back into the parent's stack: no cleanup, no atexit

    def _run_share(self, child: _Child, args: tuple, kwargs: dict) -> None:
        """In the child: run the loop's function over its share, writing each page's result."""
        records: list[logging.LogRecord] = []
        logging.Logger.handle = lambda logger, record: records.append(portable(record))
        index = {id(obj): number for number, obj in enumerate(self.shared)}
        with open(child.path, "wb") as out:
            for page in child.pages:
                before = dict(vars(page))
                marks = [collector.mark(page) for collector in self.collectors]
                error = None
                try:
                    self.original(page, *args, **_page_kwargs(page, kwargs, self.populate))
                except BaseException as exc:  # noqa: BLE001 - raised again in the parent
                    error = exc
                changed = {} if not self.populate else {
                    key: value for key, value in vars(page).items()
                    if before.get(key, _MISSING) is not value}
                state = [collector.collect(page, mark)
                         for collector, mark in zip(self.collectors, marks, strict=True)]
                dump(PageResult(changed, state, records[:], error), out, index)
                records.clear()
                if error is not None:
                    return

    def _take_over(self, page, child: _Child, position: int) -> None:
        """In the parent, at the page's turn: the child's result for it, as if run here."""
        if child.results is None:
            self._collect(child)
        result = child.results.get(position)
        if result is None:
            raise _crashed(child)
        vars(page).update(result.changed)
        for record in result.records:
            logger = logging.getLogger() if record.name == "root" else logging.getLogger(
                record.name)
            logger.handle(record)
        for collector, state in zip(self.collectors, result.state, strict=True):
            collector.merge(state)
        if result.error is not None:
            raise result.error

    def _collect(self, child: _Child) -> None:
        _, status = os.waitpid(child.pid, 0)
        child.status = status
        try:
            with open(child.path, "rb") as source:
                child.results = load_all(source, len(child.pages), self.shared)
        except OSError:
            child.results = {}  # the pages it did not finish make `_take_over` fail the build
        child.path.unlink(missing_ok=True)

    def close(self) -> None:
        """Kill and reap the children still running (the build failed or stopped early)."""
        for child in self.children:
            if child.status is None:
                try:
                    os.kill(child.pid, signal.SIGKILL)
                    os.waitpid(child.pid, 0)
                except (ProcessLookupError, ChildProcessError):
                    pass
                child.status = -1
        if self.folder is not None:
            shutil.rmtree(self.folder, ignore_errors=True)


_MISSING = object()


def _page_list(first, args: tuple, populate: bool) -> list:
    """Every page the loop will visit, in its order, starting with `first`."""
    if populate:
        from mkdocs.structure.files import InclusionLevel
        from mkdocs.structure.pages import Page

        config, files = args[0], args[1]
        pages = []
        for file in files.documentation_pages(inclusion=InclusionLevel.is_included):
            if file.page is None and file.inclusion.is_not_in_nav():
                Page(None, file, config)  # as the loop does, a moment earlier
            pages.append(file.page)
    else:
        pages = [file.page for file in args[1]]
    return pages if pages and pages[0] is first else []


def _page_kwargs(page, kwargs: dict, populate: bool) -> dict:
    """The loop's keyword arguments for `page`: building one passes whether it is a draft."""
    if populate or "excluded" not in kwargs:
        return kwargs
    return {**kwargs, "excluded": page.file.inclusion.is_excluded()}


def _split(pages: list, jobs: int, populate: bool) -> list[list]:
    """Contiguous shares of about equal weight, at most `jobs`, none below MIN_SHARE pages."""
    jobs = min(jobs, len(pages) // MIN_SHARE)
    if jobs < 2:
        return [pages]
    weights = [_weight(page, populate) for page in pages]
    total, shares, done = sum(weights), [[]], 0
    for page, weight in zip(pages, weights, strict=True):
        if done >= total * len(shares) / jobs and len(shares) < jobs:
            shares.append([])
        shares[-1].append(page)
        done += weight
    return shares


def _weight(page, populate: bool) -> int:
    """The cost of a page, roughly: the size of its Markdown, or of its HTML plus a template."""
    if not populate:
        return TEMPLATE_WEIGHT + len(page.content or "")
    content = getattr(page.file, "_content", None)
    if content is not None:
        return len(content)
    try:
        return os.path.getsize(page.file.abs_src_path)
    except (OSError, TypeError):
        return 0


def _crashed(child: _Child) -> Exception:
    """The build's failure when a child died before finishing its share."""
    from mkdocs.exceptions import Abort

    status = child.status or 0
    how = (f"signaal {os.WTERMSIG(status)}" if os.WIFSIGNALED(status)
           else f"afsluitcode {os.waitstatus_to_exitcode(status)}")
    first, last = child.pages[0].file.src_uri, child.pages[-1].file.src_uri
    return Abort(f"het hulpproces voor de pagina's '{first}' tot en met '{last}' stopte "
                 f"onverwacht ({how}); de site is niet gebouwd.")
