"""MkDocs' page loops on several processes (generator/parallel_pages.py): the site is the
sequential one byte for byte, the children's plugin state and log records arrive in page order,
and a child that fails or dies fails the build as the sequential build would, with no site."""

from __future__ import annotations

import logging
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import BUILD_DATE, REPO, TODAY

from generator import mkdocs_log, parallel_pages
from generator.cli import main
from generator.mkdocs_plugin import WatWerktPlugin
from generator.mkdocs_run import build_site

JOBS = "3"  # more processes than this machine may have cores: three shares, two children


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """A small benchmark project: copies of the shipped interventions, and its dossiers."""
    root = tmp_path_factory.mktemp("corpus") / "project"
    subprocess.run([sys.executable, str(REPO / "bench" / "corpus_shipped.py"), str(root),
                    "--n", "30"], check=True, capture_output=True)
    return root


@pytest.fixture(autouse=True)
def _restore_loggers():
    """The builds install Dutch handlers on the runtime loggers: put the old ones back."""
    saved = {name: (logging.getLogger(name).level, list(logging.getLogger(name).handlers))
             for name in mkdocs_log.RUNTIMES}
    yield
    for name, (level, handlers) in saved.items():
        logging.getLogger(name).setLevel(level)
        logging.getLogger(name).handlers[:] = handlers


@pytest.fixture
def forks(monkeypatch) -> list[int]:
    """The children forked by this process (a child's own list is its copy)."""
    started: list[int] = []
    real_fork = os.fork

    def fork() -> int:
        pid = real_fork()
        if pid:
            started.append(pid)
        return pid

    monkeypatch.setattr(os, "fork", fork)
    return started


def build(root: Path, out: Path, jobs: str, monkeypatch, **options):
    monkeypatch.setenv(parallel_pages.JOBS_VARIABLE, jobs)
    return build_site(root, out, BUILD_DATE, **options)


def files_below(folder: Path) -> dict[str, bytes]:
    return {path.relative_to(folder).as_posix(): path.read_bytes()
            for path in sorted(folder.rglob("*")) if path.is_file()}


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(".site-"))


@pytest.mark.parametrize("which", ["shipped", "corpus"])
def test_the_parallel_site_is_the_sequential_site_byte_for_byte(which, corpus, tmp_path,
                                                               monkeypatch, forks):
    root = REPO if which == "shipped" else corpus
    assert build(root, tmp_path / "one", "1", monkeypatch).ok
    assert forks == []
    outcome = build(root, tmp_path / "three", JOBS, monkeypatch)
    assert outcome.ok
    assert len(forks) == 4  # two children for converting, two for building
    sequential, parallel = files_below(tmp_path / "one"), files_below(tmp_path / "three")
    assert outcome.pages == sum(name.endswith(".html") for name in sequential) > 50
    assert list(parallel) == list(sequential)
    assert [name for name in sequential if parallel[name] != sequential[name]] == []


def _record_pages(monkeypatch, seen: list[dict]) -> None:
    """Make the plugin keep a per-page dict (pid, length of the converted page) in
    `per_page_state`, and hand it to `seen` at the end of the build."""
    original_config, original_content = WatWerktPlugin.on_config, WatWerktPlugin.on_page_content

    def on_config(self, config):
        self.converted_by = {}
        return original_config(self, config)

    def on_page_content(self, html, *, page, config, files):
        html = original_content(self, html, page=page, config=config, files=files)
        self.converted_by[page.file.src_uri] = (os.getpid(), len(html))
        return html

    monkeypatch.setattr(WatWerktPlugin, "per_page_state", ("converted_by",))
    monkeypatch.setattr(WatWerktPlugin, "on_config", on_config)
    monkeypatch.setattr(WatWerktPlugin, "on_page_content", on_page_content)
    monkeypatch.setattr(WatWerktPlugin, "on_post_build",
                        lambda self, *, config: seen.append(dict(self.converted_by)))


def test_per_page_state_of_the_children_is_merged_in_page_order(corpus, tmp_path, monkeypatch):
    seen: list[dict] = []
    _record_pages(monkeypatch, seen)
    assert build(corpus, tmp_path / "one", "1", monkeypatch).ok
    assert build(corpus, tmp_path / "three", JOBS, monkeypatch).ok
    sequential, parallel = seen
    assert list(parallel) == list(sequential) and len(sequential) > 50
    assert {src: size for src, (_, size) in parallel.items()} == \
        {src: size for src, (_, size) in sequential.items()}
    assert {pid for pid, _ in sequential.values()} == {os.getpid()}
    assert len({pid for pid, _ in parallel.values()}) == 3


@pytest.fixture(scope="module")
def page_order(corpus, tmp_path_factory) -> list[str]:
    """The pages of the corpus in the order MkDocs converts them (one sequential build)."""
    seen: list[dict] = []
    with pytest.MonkeyPatch.context() as monkeypatch:
        _record_pages(monkeypatch, seen)
        assert build(corpus, tmp_path_factory.mktemp("order") / "site", "1", monkeypatch).ok
    return list(seen[0])


def _warn_on(monkeypatch, pages: set[str]) -> None:
    """Our plugin warns about `pages` while converting them and while building them."""
    from generator.mkdocs_plugin import log

    original_content, original_post = WatWerktPlugin.on_page_content, WatWerktPlugin.on_post_page

    def on_page_content(self, html, *, page, config, files):
        if page.file.src_uri in pages:
            log.warning("testwaarschuwing bij het omzetten van %s", page.file.src_uri)
        return original_content(self, html, page=page, config=config, files=files)

    def on_post_page(self, output, *, page, config):
        if page.file.src_uri in pages:
            log.warning("testwaarschuwing bij het bouwen van %s", page.file.src_uri)
        return original_post(self, output, page=page, config=config)

    monkeypatch.setattr(WatWerktPlugin, "on_page_content", on_page_content)
    monkeypatch.setattr(WatWerktPlugin, "on_post_page", on_post_page)


def _cli_build(root: Path, out: Path, jobs: str, monkeypatch, capsys) -> tuple[int, str]:
    monkeypatch.setenv(parallel_pages.JOBS_VARIABLE, jobs)
    code = main(["build", "--root", str(root), "--out", str(out), "--strict", "--today", TODAY])
    return code, capsys.readouterr().err


def test_warnings_in_children_are_reported_in_page_order_and_fail_strict(
        corpus, page_order, tmp_path, monkeypatch, capsys):
    warned = page_order[1::9]  # in every share, the parent's and both children's
    _warn_on(monkeypatch, set(warned))
    code_one, err_one = _cli_build(corpus, tmp_path / "one", "1", monkeypatch, capsys)
    code_three, err_three = _cli_build(corpus, tmp_path / "three", JOBS, monkeypatch, capsys)
    assert (code_three, err_three) == (code_one, err_one)
    lines = [line for line in err_three.splitlines() if "testwaarschuwing" in line]
    assert lines == [f"waarschuwing: testwaarschuwing bij het {verb} van {src}"
                     for verb in ("omzetten", "bouwen") for src in warned]
    assert err_three.strip().splitlines()[-1] == (
        f"De site is niet gebouwd: {2 * len(warned)} waarschuwingen (zie hierboven), en met "
        "--strict tellen waarschuwingen als fouten.")
    assert not (tmp_path / "three").exists() and leftovers(tmp_path) == []


@pytest.mark.parametrize("event", ["on_page_content", "on_post_page"])
def test_an_exception_in_a_child_fails_the_build_as_in_order(
        event, corpus, page_order, tmp_path, monkeypatch, capsys):
    from mkdocs.exceptions import PluginError

    broken = page_order[-2]  # in the last child's share
    original = getattr(WatWerktPlugin, event)

    def fail(self, text, *, page, config, **rest):
        if page.file.src_uri == broken:
            raise PluginError(f"testfout in {page.file.src_uri}")
        return original(self, text, page=page, config=config, **rest)

    monkeypatch.setattr(WatWerktPlugin, event, fail)
    code_one, err_one = _cli_build(corpus, tmp_path / "one", "1", monkeypatch, capsys)
    code_three, err_three = _cli_build(corpus, tmp_path / "three", JOBS, monkeypatch, capsys)
    assert code_one == 1 and f"testfout in {broken}" in err_one
    assert (code_three, err_three) == (code_one, err_one)
    assert not (tmp_path / "three").exists() and leftovers(tmp_path) == []


@pytest.mark.parametrize("event", ["on_page_content", "on_post_page"])
def test_a_killed_child_fails_the_build_and_leaves_no_site(event, corpus, tmp_path,
                                                            monkeypatch):
    parent, original = os.getpid(), getattr(WatWerktPlugin, event)

    def die_in_a_child(self, text, *, page, **rest):
        if os.getpid() != parent:
            os.kill(os.getpid(), signal.SIGKILL)
        return original(self, text, page=page, **rest)

    monkeypatch.setattr(WatWerktPlugin, event, die_in_a_child)
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "old.html").write_text("de vorige site")
    outcome = build(corpus, tmp_path / "site", JOBS, monkeypatch)
    assert not outcome.ok
    assert "stopte onverwacht (signaal 9); de site is niet gebouwd." in outcome.failure
    assert outcome.failure.startswith("het hulpproces voor de pagina's '")
    assert files_below(tmp_path / "site") == {"old.html": b"de vorige site"}
    assert leftovers(tmp_path) == []


def test_one_job_builds_in_this_process(corpus, tmp_path, monkeypatch):
    def no_fork() -> int:
        raise AssertionError("WATWERKT_JOBS=1 must not fork")

    monkeypatch.setattr(os, "fork", no_fork)
    assert build(corpus, tmp_path / "site", "1", monkeypatch).ok


def test_job_count_follows_watwerkt_jobs_else_the_usable_cores(monkeypatch):
    monkeypatch.setenv(parallel_pages.JOBS_VARIABLE, "6")
    assert parallel_pages.job_count() == 6
    for unset in ("", "0", "twee"):
        monkeypatch.setenv(parallel_pages.JOBS_VARIABLE, unset)
        assert parallel_pages.job_count() == min(len(os.sched_getaffinity(0)),
                                                 parallel_pages.MAX_JOBS)
