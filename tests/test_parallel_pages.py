"""MkDocs' page loops on several processes (generator/speed/parallel_pages.py): the site is the
sequential one byte for byte, the children's plugin state and log records arrive in page order,
and a child that fails or dies fails the build as the sequential build would, with no site.

Every build runs in a fresh interpreter (tests/parallel_driver.py): a process with other
threads, such as this test session once the browser tests' web server runs, builds in order."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from conftest import REPO, TODAY

from generator.speed import parallel_pages, two_cores

DRIVER = REPO / "tests" / "parallel_driver.py"
JOBS = "3"  # more processes than this machine may have cores: three shares, two children


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """A small benchmark project: copies of the shipped interventions, and its dossiers."""
    root = tmp_path_factory.mktemp("corpus") / "project"
    subprocess.run([sys.executable, str(REPO / "bench" / "corpus_shipped.py"), str(root),
                    "--n", "30"], check=True, capture_output=True)
    return root


def build(root: Path, out: Path, jobs: str, strict: bool = False, **scenario) -> dict:
    """`watwerkt build` of `root` into `out` on `jobs` processes: the driver's report (exit
    code, children forked, recorded pages) and what the build printed on stderr."""
    report = out.parent / f"{out.name}-report.json"
    argv = ["build", "--root", str(root), "--out", str(out), "--today", TODAY]
    scenario.update(argv=argv + (["--strict"] if strict else []), report=str(report))
    environment = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    environment[two_cores.JOBS_VARIABLE] = jobs
    done = subprocess.run([sys.executable, str(DRIVER), json.dumps(scenario)], cwd=REPO,
                          env=environment, capture_output=True, text=True, timeout=300)
    result = json.loads(report.read_text(encoding="utf-8"))
    assert result["code"] == done.returncode
    return {**result, "stderr": done.stderr}


def files_below(folder: Path) -> dict[str, bytes]:
    return {path.relative_to(folder).as_posix(): path.read_bytes()
            for path in sorted(folder.rglob("*")) if path.is_file()}


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(".site-"))


@pytest.mark.parametrize("which", ["shipped", "corpus"])
def test_the_parallel_site_is_the_sequential_site_byte_for_byte(which, corpus, tmp_path):
    root = REPO if which == "shipped" else corpus
    one = build(root, tmp_path / "one", "1")
    three = build(root, tmp_path / "three", JOBS)
    assert (one["code"], one["forks"], three["code"], three["forks"]) == (0, 0, 0, 4)
    sequential, parallel = files_below(tmp_path / "one"), files_below(tmp_path / "three")
    assert sum(name.endswith(".html") for name in sequential) > 50
    assert list(parallel) == list(sequential)
    assert [name for name in sequential if parallel[name] != sequential[name]] == []


@pytest.mark.parametrize("fails", [False, True])
def test_static_files_copied_on_two_processes_are_those_copied_in_order(fails, corpus,
                                                                       tmp_path):
    one = build(corpus, tmp_path / "one", "1")
    # From 10 files on (the corpus has some 150: citations, data, theme): one more child.
    three = build(corpus, tmp_path / "three", JOBS, static_beside=10, static_fails=fails)
    assert (one["forks"], three["code"], three["forks"]) == (0, 0, 5)
    sequential, parallel = files_below(tmp_path / "one"), files_below(tmp_path / "three")
    assert sum(not name.endswith(".html") for name in sequential) > 100
    assert list(parallel) == list(sequential)
    assert [name for name in sequential if parallel[name] != sequential[name]] == []
    assert three["stderr"] == one["stderr"]


def test_per_page_state_of_the_children_is_merged_in_page_order(corpus, tmp_path):
    sequential = build(corpus, tmp_path / "one", "1", record=True)["recorded"]
    parallel = build(corpus, tmp_path / "three", JOBS, record=True)["recorded"]
    assert list(parallel) == list(sequential) and len(sequential) > 50
    assert {src: size for src, (_, size) in parallel.items()} == \
        {src: size for src, (_, size) in sequential.items()}
    assert len({pid for pid, _ in sequential.values()}) == 1
    assert len({pid for pid, _ in parallel.values()}) == 3


@pytest.fixture(scope="module")
def page_order(corpus, tmp_path_factory) -> list[str]:
    """The pages of the corpus in the order MkDocs converts them (one sequential build)."""
    return list(build(corpus, tmp_path_factory.mktemp("order") / "site", "1",
                      record=True)["recorded"])


def test_warnings_in_children_are_reported_in_page_order_and_fail_strict(
        corpus, page_order, tmp_path):
    warned = page_order[1::9]  # in every share: the parent's and both children's
    one = build(corpus, tmp_path / "one", "1", strict=True, warn=warned)
    three = build(corpus, tmp_path / "three", JOBS, strict=True, warn=warned)
    assert three["forks"] == 4
    assert (three["code"], three["stderr"]) == (one["code"], one["stderr"])
    lines = [line for line in three["stderr"].splitlines() if "testwaarschuwing" in line]
    assert lines == [f"waarschuwing: testwaarschuwing bij het {verb} van {src}"
                     for verb in ("omzetten", "bouwen") for src in warned]
    assert three["stderr"].strip().splitlines()[-1] == (
        f"De site is niet gebouwd: {2 * len(warned)} waarschuwingen (zie hierboven), en met "
        "--strict tellen waarschuwingen als fouten.")
    assert not (tmp_path / "three").exists() and leftovers(tmp_path) == []


@pytest.mark.parametrize("event", ["on_page_content", "on_post_page"])
def test_an_exception_in_a_child_fails_the_build_as_in_order(event, corpus, page_order,
                                                             tmp_path):
    broken = page_order[-2]  # in the last child's share
    fail = {"event": event, "page": broken}
    one = build(corpus, tmp_path / "one", "1", fail=fail)
    three = build(corpus, tmp_path / "three", JOBS, fail=fail)
    assert one["code"] == 1 and f"testfout in {broken}" in one["stderr"]
    assert three["forks"] == (2 if event == "on_page_content" else 4)
    assert (three["code"], three["stderr"]) == (one["code"], one["stderr"])
    assert not (tmp_path / "three").exists() and leftovers(tmp_path) == []


@pytest.mark.parametrize("event", ["on_page_content", "on_post_page"])
def test_a_killed_child_fails_the_build_and_leaves_no_site(event, corpus, tmp_path):
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "old.html").write_text("de vorige site")
    result = build(corpus, tmp_path / "site", JOBS, kill=event)
    assert result["code"] == 1
    failure = result["stderr"].strip().splitlines()[-1]
    assert failure.startswith("De site is niet gebouwd: het hulpproces voor de pagina's '")
    assert failure.endswith("stopte onverwacht (signaal 9); de site is niet gebouwd.")
    assert files_below(tmp_path / "site") == {"old.html": b"de vorige site"}
    assert leftovers(tmp_path) == []


def test_a_process_with_other_threads_builds_in_order(corpus, tmp_path, monkeypatch):
    from conftest import BUILD_DATE

    from generator.renderers.mkdocs.run import build_site

    def no_fork() -> int:
        raise AssertionError("a build beside other threads must not fork")

    stop = threading.Event()
    other = threading.Thread(target=stop.wait, daemon=True)
    other.start()
    monkeypatch.setattr(os, "fork", no_fork)
    monkeypatch.setenv(two_cores.JOBS_VARIABLE, JOBS)
    try:
        assert build_site(corpus, tmp_path / "site", BUILD_DATE).ok
    finally:
        stop.set()
        other.join()


def test_macos_builds_in_order(corpus, tmp_path, monkeypatch):
    # macOS has fork, but its system libraries do not survive one (generator/speed/two_cores.py).
    from conftest import BUILD_DATE

    from generator.renderers.mkdocs.run import build_site
    from generator.speed import two_cores

    def no_fork() -> int:
        raise AssertionError("a build on macOS must not fork")

    monkeypatch.setattr(two_cores, "PLATFORM", "darwin")
    monkeypatch.setattr(os, "fork", no_fork)
    monkeypatch.setenv(two_cores.JOBS_VARIABLE, JOBS)
    assert build_site(corpus, tmp_path / "site", BUILD_DATE).ok


def test_job_count_follows_watwerkt_jobs_else_the_usable_cores(monkeypatch):
    monkeypatch.setenv(two_cores.JOBS_VARIABLE, "6")
    assert two_cores.job_count() == 6
    for unset in ("", "0", "twee"):
        monkeypatch.setenv(two_cores.JOBS_VARIABLE, unset)
        assert two_cores.job_count() == min(len(os.sched_getaffinity(0)),
                                                 two_cores.MAX_JOBS)


def test_a_per_page_value_travels_once_when_its_call_set_it():
    from types import SimpleNamespace

    from generator.speed.page_transfer import DictState

    plugin = SimpleNamespace(entries={})
    state = DictState(plugin, "entries")
    page = SimpleNamespace(file=SimpleNamespace(src_uri="a.md"))
    mark = state.mark(page)
    plugin.entries["a.md"] = ["zoekitem"]  # converting the page
    assert state.collect(page, mark) == {"a.md": ["zoekitem"]}
    mark = state.mark(page)  # building it leaves the value alone: nothing to send again
    assert state.collect(page, mark) == {}
    plugin.entries["a.md"] = ["ander zoekitem"]
    assert state.collect(page, mark) == {"a.md": ["ander zoekitem"]}
    parent = SimpleNamespace(entries={"b.md": 1})
    DictState(parent, "entries").merge({"a.md": 2})
    assert list(parent.entries.items()) == [("b.md", 1), ("a.md", 2)]


# A hooks file that keeps per-page state in its own list, as many plugins do: forked page
# loops would leave the children's pages out of it.
STATEFUL_HOOK = '''
import pathlib

seen = []


def on_page_content(html, page, config, files):
    seen.append(page.file.src_uri)
    return html


def on_post_build(config):
    pathlib.Path(config.site_dir, "gezien.txt").write_text("\\n".join(seen), encoding="utf-8")
'''
# Hand-written pages come first in the page loops: enough text that they fall to every share.
LABELS = 60
FILLER = "Tekst over een label. " * 400


@pytest.fixture(scope="module", params=["tags", "hook"])
def foreign_plugin(request, corpus, tmp_path_factory) -> tuple[str, Path]:
    """The corpus with Material's `tags` plugin and tagged pages, or with STATEFUL_HOOK."""
    import shutil

    root = tmp_path_factory.mktemp(request.param) / "project"
    shutil.copytree(corpus, root)
    config = (root / "mkdocs.yml").read_text(encoding="utf-8")
    if request.param == "tags":
        config = config.replace("  - watwerkt\n", "  - watwerkt\n  - tags\n", 1)
        labels = root / "pages" / "labels"
        labels.mkdir()
        (labels / "index.md").write_text("# Labels\n\n<!-- material/tags -->\n", encoding="utf-8")
        for number in range(LABELS):
            (labels / f"pagina-{number}.md").write_text(
                f"---\ntags:\n  - Label {number}\n---\n\n# Pagina {number}\n\n{FILLER}\n",
                encoding="utf-8")
    else:
        config += "\nhooks:\n  - gezien.py\n"
        (root / "gezien.py").write_text(STATEFUL_HOOK, encoding="utf-8")
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    return request.param, root


def test_a_plugin_not_known_to_be_fork_safe_gets_the_same_site_on_1_2_and_3_processes(
        foreign_plugin, tmp_path):
    kind, root = foreign_plugin
    sites, said = {}, []
    for jobs in ("1", "2", "3"):
        done = build(root, tmp_path / jobs, jobs)
        assert (done["code"], done["forks"]) == (0, 0), done["stderr"][-2000:]
        said.append(done["stderr"].count("staat niet op de lijst van plugins die veilig"))
        sites[jobs] = files_below(tmp_path / jobs)
    assert said == [0, 1, 1]  # once per build that could have forked
    assert list(sites["2"]) == list(sites["3"]) == list(sites["1"])
    assert [name for name in sites["1"]
            if not sites["1"][name] == sites["2"][name] == sites["3"][name]] == []
    if kind == "tags":
        listing = sites["3"]["labels/index.html"].decode()
        assert all(f"Label {number}<" in listing for number in range(LABELS))
    else:
        seen = sites["3"]["gezien.txt"].decode().splitlines()
        assert len(set(seen)) == len(seen) > 80 and "interventies/index.md" in seen


def test_the_plugins_of_the_shipped_build_and_the_export_are_known_to_be_fork_safe():
    from generator.export import offline
    from generator.renderers.mkdocs import runtime

    runtime.activate()
    from mkdocs.config import load_config

    config = load_config(str(REPO / "mkdocs.yml"), hooks=[str(offline.HOOKS)],
                         plugins=["search", "watwerkt", "offline"])
    assert parallel_pages.unsafe_plugins(config) == []
    config = load_config(str(REPO / "mkdocs.yml"), plugins=["search", "watwerkt", "tags"])
    assert parallel_pages.unsafe_plugins(config) == ["material/tags"]


def test_the_plugin_option_speed_false_builds_in_order(corpus, tmp_path):
    import shutil

    root = tmp_path / "project"
    shutil.copytree(corpus, root)
    config = (root / "mkdocs.yml").read_text(encoding="utf-8")
    (root / "mkdocs.yml").write_text(
        config.replace("  - watwerkt\n", "  - watwerkt:\n      speed: false\n", 1),
        encoding="utf-8")
    off = build(root, tmp_path / "off", JOBS)
    on = build(corpus, tmp_path / "on", JOBS)
    assert (off["code"], off["forks"], on["code"], on["forks"]) == (0, 0, 0, 4)
    assert files_below(tmp_path / "off") == files_below(tmp_path / "on")
