"""Our Web Worker stand-in for file:// (generator/assets/file-worker.js) in Chromium, on a
small page opened from file://: messages both ways, later and as copies; importScripts in
order, relative to the worker; terminate. Search in the offline export uses it (test_offline)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.export.offline_hooks import SHIM_SOURCE
from tests.browser.conftest import new_page

pytestmark = pytest.mark.browser

PAGE = """<!doctype html><meta charset="utf-8"><title>w</title>
<script src="shim.js"></script>
<body><script>
  window.received = [];
  const worker = new Worker("work/worker.js");
  worker.onmessage = (event) => window.received.push(event.data);
  const sent = {n: 1};
  worker.postMessage(sent);
  sent.n = 99;  // a copy was sent: the worker must still see 1
  window.answeredAtOnce = window.received.length > 0;
</script>"""
WORKER = """addEventListener("message", async (event) => {
  await importScripts("one.js", "two.js");
  postMessage({echo: event.data, order: self.loaded, isStandIn: "IFrameWorker" in parent});
});"""


@pytest.fixture
def folder(tmp_path) -> Path:
    shutil.copyfile(SHIM_SOURCE, tmp_path / "shim.js")
    (tmp_path / "work").mkdir()
    (tmp_path / "page.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "work" / "worker.js").write_text(WORKER, encoding="utf-8")
    (tmp_path / "work" / "one.js").write_text("self.loaded = ['one'];", encoding="utf-8")
    (tmp_path / "work" / "two.js").write_text("self.loaded.push('two');", encoding="utf-8")
    return tmp_path


def test_messages_go_both_ways_and_scripts_load_in_order(browser, folder):
    page, guard = new_page(browser, ("file://",))
    try:
        page.goto((folder / "page.html").as_uri())
        page.wait_for_function("window.received.length > 0", timeout=10_000)
        assert page.evaluate("window.answeredAtOnce") is False
        assert page.evaluate("window.received") == [
            {"echo": {"n": 1}, "order": ["one", "two"], "isStandIn": True}]
        assert page.evaluate("Worker === window.IFrameWorker")
        assert page.evaluate("document.querySelectorAll('iframe').length") == 1
        page.evaluate("() => { const w = new Worker('work/worker.js'); w.terminate(); }")
        assert page.evaluate("document.querySelectorAll('iframe').length") == 1
    finally:
        page.context.close()
    assert guard.blocked == []


def test_over_http_the_browsers_own_worker_stays(browser, site_server):
    page, guard = new_page(browser, (site_server.url,))
    try:
        page.goto(site_server.url)
        page.add_script_tag(content=SHIM_SOURCE.read_text(encoding="utf-8"))
        assert page.evaluate("typeof window.IFrameWorker") == "undefined"
    finally:
        page.context.close()
