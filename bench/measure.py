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
    """One child process: its command, wall time, peak resident memory and exit code."""

    label: str
    command: list[str]
    seconds: float
    max_rss_mb: float
    returncode: int
    output: str = ""
    cpu_seconds: float = 0.0  # user + system time of the child: less disturbed by a busy machine

    @property
    def ok(self) -> bool:
        return self.returncode == 0


def run_child(label: str, command: list[str], cwd: Path | None = None,
              env: dict | None = None, timeout: float = 1800) -> Run:
    """Run `command` and wait for it with wait4, which gives the peak RSS of this child alone
    (resource.getrusage(RUSAGE_CHILDREN) would give the maximum over all children so far)."""
    started = time.perf_counter()
    with subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT) as process:
        output = _drain(process, timeout)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
    # ru_maxrss is in kilobytes on Linux.
    return Run(label, command, seconds, usage.ru_maxrss / 1024, process.returncode, output,
               usage.ru_utime + usage.ru_stime)


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
