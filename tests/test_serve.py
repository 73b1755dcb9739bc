"""`watwerkt serve`: a live preview that re-renders when a content file changes, and shows the
check's errors in the page instead of getting stuck."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import fetch, free_port, site_project


def wait_for(url: str, text: str, seconds: float = 90) -> str:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        page = fetch(url)
        if text in page:
            return page
        time.sleep(0.5)
    raise AssertionError(f"'{text}' verscheen niet op {url} binnen {seconds} s")


@pytest.fixture
def project(tmp_path) -> Path:
    return site_project(tmp_path / "project")


def test_serve_rerenders_on_change_and_shows_errors(project):
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "generator", "serve", "--root", str(project), "--dev-addr",
         f"127.0.0.1:{port}", "--today", "2026-11-22"],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/interventies/buurtbemiddeling/"
    source = project / "interventions" / "buurtbemiddeling.md"
    try:
        wait_for(url, '<h1 id="titel">Buurtbemiddeling</h1>')
        source.write_text(source.read_text(encoding="utf-8").replace(
            "title: Buurtbemiddeling\n", "title: Buurtbemiddeling in de wijk\n"), encoding="utf-8")
        wait_for(url, '<h1 id="titel">Buurtbemiddeling in de wijk</h1>')
        source.write_text(source.read_text(encoding="utf-8").replace(
            "themes: [wijkontwikkeling,", "themes: [wijkontwikkelin,"), encoding="utf-8")
        page = wait_for(f"http://127.0.0.1:{port}/", "ww-preview-errors")
        assert "interventions/buurtbemiddeling.md:5" in page
        assert "Bedoelde u &#39;wijkontwikkeling&#39;?" in page or \
            "Bedoelde u 'wijkontwikkeling'?" in page
    finally:
        process.terminate()
        process.wait(timeout=20)


def test_ctrl_c_stops_the_preview_cleanly_and_in_dutch(project):
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "generator", "serve", "--root", str(project), "--today",
         "2026-11-22"], env={**os.environ, "WATWERKT_DEV_ADDR": f"127.0.0.1:{port}"},
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
        # as from a terminal, even when the test runner was started with SIGINT ignored
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    try:
        wait_for(f"http://127.0.0.1:{port}/", "<h1")
        assert fetch(f"http://127.0.0.1:{port}/bestaat-niet/") == ""
        process.send_signal(signal.SIGINT)
        output = process.communicate(timeout=60)[0].decode("utf-8")
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == 0
    lines = output.splitlines()
    assert lines[0].startswith(f"Voorvertoning op http://127.0.0.1:{port}/ ")
    assert lines[-1] == "Voorvertoning gestopt."
    assert any(line.endswith(f"Klaar: de voorvertoning draait op http://127.0.0.1:{port}/")
               for line in lines)
    assert any(line.endswith("waarschuwing: /bestaat-niet/ bestaat niet (404).")
               for line in lines)
    assert "Traceback" not in output and "KeyboardInterrupt" not in output
