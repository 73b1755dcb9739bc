"""One `watwerkt build` in a fresh interpreter, for tests/test_parallel_pages.py: a build only
forks its page loops when no other thread runs, and a test session has threads (the browser
tests' web server). The scenario (JSON, first argument) changes the watwerkt plugin first:

- "record": keep (pid, converted length) per page in a `per_page_state` dict;
- "warn": src_uris our plugin warns about while converting and while building them;
- "fail": {"event": "on_page_content" or "on_post_page", "page": src_uri} raises a PluginError;
- "kill": an event in which every forked child kills itself;
- "static_beside": copy the static files on two processes from this many files on;
- "static_fails": copying a static file fails in a forked child.

The build's arguments follow the scenario's "argv"; what the test checks (exit code, forked
children, the recorded dict) goes as JSON to the file named by "report".

    python tests/parallel_driver.py '{"argv": [...], "report": "...", ...}'
"""

from __future__ import annotations

import json
import os
import signal
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from generator.cli import main  # noqa: E402
from generator.renderers.mkdocs.plugin import WatWerktPlugin, log  # noqa: E402

PARENT = os.getpid()
forks: list[int] = []
recorded: dict[str, list[int]] = {}


def count_forks() -> None:
    real_fork = os.fork

    def fork() -> int:
        pid = real_fork()
        if pid:
            forks.append(pid)
        return pid

    os.fork = fork


def wrap(event: str, before) -> None:
    """Run `before(plugin, page)` ahead of the plugin's own `event`."""
    original = getattr(WatWerktPlugin, event)

    def wrapped(self, text, *, page, **rest):
        before(self, page)
        return original(self, text, page=page, **rest)

    setattr(WatWerktPlugin, event, wrapped)


def record_pages() -> None:
    original_config, original_content = WatWerktPlugin.on_config, WatWerktPlugin.on_page_content

    def on_config(self, config):
        self.converted_by = {}
        return original_config(self, config)

    def on_page_content(self, html, *, page, config, files):
        html = original_content(self, html, page=page, config=config, files=files)
        self.converted_by[page.file.src_uri] = [os.getpid(), len(html)]
        return html

    WatWerktPlugin.per_page_state = ("converted_by",)
    WatWerktPlugin.on_config = on_config
    WatWerktPlugin.on_page_content = on_page_content
    WatWerktPlugin.on_post_build = lambda self, *, config: recorded.update(self.converted_by)


def warn_on(pages: set[str]) -> None:
    def converting(plugin, page) -> None:
        if page.file.src_uri in pages:
            log.warning("testwaarschuwing bij het omzetten van %s", page.file.src_uri)

    def building(plugin, page) -> None:
        if page.file.src_uri in pages:
            log.warning("testwaarschuwing bij het bouwen van %s", page.file.src_uri)

    wrap("on_page_content", converting)
    wrap("on_post_page", building)


def fail_on(event: str, broken: str) -> None:
    from mkdocs.exceptions import PluginError

    def fail(plugin, page) -> None:
        if page.file.src_uri == broken:
            raise PluginError(f"testfout in {page.file.src_uri}")

    wrap(event, fail)


def kill_children_in(event: str) -> None:
    def die_in_a_child(plugin, page) -> None:
        if os.getpid() != PARENT:
            os.kill(os.getpid(), signal.SIGKILL)

    wrap(event, die_in_a_child)


def fail_static_copies_in_children() -> None:
    from mkdocs.structure.files import File

    copy_file = File.copy_file

    def copy_here_only(self, *args, **kwargs):
        if os.getpid() != PARENT:
            raise OSError("testfout bij het kopiëren")
        return copy_file(self, *args, **kwargs)

    File.copy_file = copy_here_only


def run(scenario: dict) -> int:
    count_forks()
    if "static_beside" in scenario:
        from generator.speed import parallel_pages

        parallel_pages.MIN_STATIC_BESIDE = scenario["static_beside"]
    if scenario.get("static_fails"):
        fail_static_copies_in_children()
    if scenario.get("record"):
        record_pages()
    if scenario.get("warn"):
        warn_on(set(scenario["warn"]))
    if scenario.get("fail"):
        fail_on(scenario["fail"]["event"], scenario["fail"]["page"])
    if scenario.get("kill"):
        kill_children_in(scenario["kill"])
    code = main(scenario["argv"])
    Path(scenario["report"]).write_text(json.dumps(
        {"code": code, "forks": len(forks), "recorded": recorded}), encoding="utf-8")
    return code


if __name__ == "__main__":
    sys.exit(run(json.loads(sys.argv[1])))
