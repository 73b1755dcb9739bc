"""Preview: how long `watwerkt serve` takes from saving one intervention to the reloaded page.

The serve process is started on a free port; once the first build is served, one paragraph of
one intervention is changed and saved, and the page is polled until the change appears. MkDocs'
server holds every request while a rebuild runs ("so we're not serving a half-built site"), so
the first response with the change is what a browser's live reload shows.
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from measure import PYTHON, REPO, process_cpu_seconds


@dataclass
class Preview:
    first_build_seconds: float  # from starting serve to the first page served
    reload_seconds: list[float]  # from saving the file to the changed page, per edit
    page: str
    log_tail: str = ""
    first_build_cpu: float = 0.0
    reload_cpu: list[float] = field(default_factory=list)  # CPU time serve used meanwhile

    @property
    def best(self) -> float:
        return min(self.reload_seconds)

    @property
    def best_cpu(self) -> float:
        return min(self.reload_cpu) if self.reload_cpu else 0.0


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str, timeout: float = 120) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.read().decode("utf-8", errors="replace")
    except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
        return None


def measure_preview(root: Path, today: str, edits: int = 2, timeout: float = 600,
                    code: Path = REPO) -> Preview:
    """Start serve on `root`, edit one intervention `edits` times, time each reload. `code` is
    the checkout whose `generator` package runs (to try a change side by side)."""
    source = sorted((root / "interventions").glob("*.md"))[len(list(
        (root / "interventions").glob("*.md"))) // 2]
    page = f"interventies/{source.stem}/"
    port = free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [PYTHON, "-m", "generator", "serve", "--root", str(root), "--today", today,
               "--dev-addr", f"127.0.0.1:{port}"]
    log = root.parent / f"serve-{port}.log"
    original = source.read_text(encoding="utf-8")
    with open(log, "wb") as handle:
        process = subprocess.Popen(command, cwd=code, env=env, stdout=handle,
                                   stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/{page}"
    try:
        started = time.perf_counter()
        _wait_for(url, lambda text: True, started, timeout, process)
        first = time.perf_counter() - started
        first_cpu = process_cpu_seconds(process.pid)
        time.sleep(1.0)  # let the watcher settle after the first build
        reloads, cpus = [], []
        for number in range(1, edits + 1):
            marker = f"Benchmarkwijziging {number} {time.time_ns()}"
            changed = re.sub(r"(## Doel\n\n)", rf"\1{marker}. ", original, count=1)
            cpu = process_cpu_seconds(process.pid)
            saved = time.perf_counter()
            source.write_text(changed, encoding="utf-8")
            _wait_for(url, lambda text, m=marker: m in text, saved, timeout, process)
            reloads.append(time.perf_counter() - saved)
            cpus.append(process_cpu_seconds(process.pid) - cpu)
            time.sleep(1.0)
        return Preview(first, reloads, page, _tail(log), first_cpu, cpus)
    finally:
        source.write_text(original, encoding="utf-8")
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _wait_for(url: str, condition, started: float, timeout: float,
              process: subprocess.Popen) -> str:
    while time.perf_counter() - started < timeout:
        if process.poll() is not None:
            raise RuntimeError(f"watwerkt serve stopte met code {process.returncode}")
        text = fetch(url)
        if text is not None and condition(text):
            return text
        time.sleep(0.05)
    raise TimeoutError(f"{url} veranderde niet binnen {timeout:.0f} s")


def _tail(log: Path, lines: int = 15) -> str:
    try:
        return "\n".join(log.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return ""
