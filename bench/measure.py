"""Measuring helpers for bench/run.py: timed child processes with their peak memory, and a
description of the machine and the software versions."""

from __future__ import annotations

import datetime as dt
import os
import platform
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PYTHON = sys.executable


@dataclass
class Run:
    """One child process: its command, wall time, peak resident memory and exit code.

    `max_rss_mb` is the peak of the resident memory SUMMED over the child and every process it
    started (`watwerkt build` forks one per core for its page loops): the resident pages they
    share copy-on-write count once per process, so this is an upper bound. `max_pss_mb` is the
    peak of their proportional set size, which counts a shared page once: the memory really
    used."""

    label: str
    command: list[str]
    seconds: float
    max_rss_mb: float
    returncode: int
    output: str = ""
    cpu_seconds: float = 0.0  # user + system time of the child: less disturbed by a busy machine
    max_pss_mb: float = 0.0

    @property
    def ok(self) -> bool:
        return self.returncode == 0


def run_child(label: str, command: list[str], cwd: Path | None = None,
              env: dict | None = None, timeout: float = 1800) -> Run:
    """Run `command` and wait for it with wait4, which gives its CPU time including the
    children it waited for. Its peak memory is sampled over the whole process tree: wait4's
    ru_maxrss is that of the largest single process, not of all of them together."""
    started = time.perf_counter()
    with subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT) as process:
        with TreeMemory(process.pid) as memory:
            output = _drain(process, timeout)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
    # ru_maxrss is in kilobytes on Linux: a sample can miss a short peak of a lone process.
    rss = max(memory.peak_rss_mb, usage.ru_maxrss / 1024)
    return Run(label, command, seconds, rss, process.returncode, output,
               usage.ru_utime + usage.ru_stime, memory.peak_pss_mb)


class TreeMemory:
    """Samples, every `interval` seconds in a thread, the resident (RSS) and proportional (PSS)
    memory summed over a process and all its descendants, and keeps the peaks."""

    def __init__(self, pid: int, interval: float = 0.05) -> None:
        import threading

        self.pid, self.interval = pid, interval
        self.peak_rss_mb = self.peak_pss_mb = 0.0
        self._stopped = threading.Event()
        self._thread = threading.Thread(target=self._sample_until_stopped, daemon=True)

    def __enter__(self) -> TreeMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.stop()

    def stop(self) -> None:
        self._stopped.set()
        if self._thread.is_alive():
            self._thread.join()

    # Reading smaps_rollup walks a process's page tables under its memory lock: every
    # 50 ms that took a second of the parallel build's wall clock at N=1000 (and nothing from
    # a one-process baseline, which leaves the second core to the sampler). PSS is read at
    # every tenth sample; RSS, a counter, at every one.
    PSS_EVERY = 10

    def _sample_until_stopped(self) -> None:
        count = 0
        while not self._stopped.is_set():
            rss = pss = 0
            with_pss = count % self.PSS_EVERY == 0
            for pid in process_tree(self.pid):
                rss += _status_kb(pid, "VmRSS:")
                if with_pss:
                    pss += _rollup_kb(pid, "Pss:")
            self.peak_rss_mb = max(self.peak_rss_mb, rss / 1024)
            self.peak_pss_mb = max(self.peak_pss_mb, pss / 1024)
            count += 1
            self._stopped.wait(self.interval)


def process_tree(root: int) -> list[int]:
    """`root` and every living descendant: from /proc/<pid>/task/<tid>/children where the
    kernel has it (a few small reads), else from the parent ids of every process on the
    machine in /proc/<pid>/stat."""
    if Path(f"/proc/{root}/task/{root}/children").exists():
        return _tree_from_children(root)
    children: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            stat = Path(entry.path, "stat").read_text()
        except OSError:
            continue
        parent = int(stat.rsplit(")", 1)[1].split()[1])
        children.setdefault(parent, []).append(int(entry.name))
    tree, todo = [], [root]
    while todo:
        pid = todo.pop()
        tree.append(pid)
        todo.extend(children.get(pid, []))
    return tree


def _tree_from_children(root: int) -> list[int]:
    tree, todo = [], [root]
    while todo:
        pid = todo.pop()
        tree.append(pid)
        try:
            for task in os.scandir(f"/proc/{pid}/task"):
                todo += [int(child) for child in
                         Path(task.path, "children").read_text().split()]
        except OSError:
            continue  # gone meanwhile
    return tree


def _status_kb(pid: int, key: str) -> int:
    return _field_kb(Path(f"/proc/{pid}/status"), key)


def _rollup_kb(pid: int, key: str) -> int:
    return _field_kb(Path(f"/proc/{pid}/smaps_rollup"), key)


def _field_kb(path: Path, key: str) -> int:
    """A 'Key:   123 kB' line of a /proc file; 0 when the process is gone (or a zombie)."""
    try:
        for line in path.read_text().splitlines():
            if line.startswith(key):
                return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        pass
    return 0


def _drain(process: subprocess.Popen, timeout: float) -> str:
    """Read the child's output without reaping it (wait4 must see it first)."""
    import threading

    chunks: list[bytes] = []
    reader = threading.Thread(target=lambda: chunks.append(process.stdout.read()), daemon=True)
    reader.start()
    reader.join(timeout)
    if reader.is_alive():
        process.kill()
        reader.join()
    return b"".join(chunks).decode("utf-8", errors="replace")


def fresh(path: Path) -> Path:
    """Remove an output folder before a timed build, so every build starts from nothing."""
    if path.exists():
        shutil.rmtree(path)
    return path


def machine() -> dict[str, str]:
    cpu = "onbekend"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    ram = "onbekend"
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                ram = f"{int(line.split()[1]) / 1024 / 1024:.1f} GB"
                break
    except OSError:
        pass
    return {"cores": str(os.cpu_count()), "ram": ram, "cpu": cpu,
            "os": f"{platform.system()} {platform.release()}",
            "load": " / ".join(f"{x:.2f}" for x in os.getloadavg())}


def versions() -> dict[str, str]:
    found = {"Python": platform.python_version()}
    for name, package in (("MkDocs", "mkdocs"), ("Material", "mkdocs-material"),
                          ("Python-Markdown", "markdown"), ("markdown-it-py", "markdown-it-py"),
                          ("PyYAML", "pyyaml"), ("Jinja2", "jinja2"),
                          ("Playwright", "playwright")):
        try:
            found[name] = metadata.version(package)
        except metadata.PackageNotFoundError:
            found[name] = "niet geïnstalleerd"
    try:
        import yaml

        found["PyYAML"] += " (met libyaml)" if hasattr(yaml, "CSafeLoader") else " (zonder libyaml)"
    except ImportError:
        pass
    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    try:
        found["Chromium"] = subprocess.run([chromium, "--version"], capture_output=True,
                                           text=True, timeout=30).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        found["Chromium"] = "niet gevonden"
    return found


def git_state() -> str:
    """The commit measured, and how many files had uncommitted changes (other engineers work
    in the same tree, so the measured code can be ahead of the commit)."""
    try:
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO,
                              capture_output=True, text=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--", "generator", "theme",
                                "mkdocs.yml"], cwd=REPO, capture_output=True,
                               text=True).stdout.splitlines()
    except OSError:
        return "onbekend"
    return f"{head}" + (f" plus {len(dirty)} niet-gecommitte bestanden in generator/, theme/ "
                        "of mkdocs.yml" if dirty else "")


def process_cpu_seconds(pid: int) -> float:
    """User + system time a running process (all its threads) has used so far."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    ticks = os.sysconf("SC_CLK_TCK")
    return (int(fields[11]) + int(fields[12])) / ticks


def now() -> str:
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
