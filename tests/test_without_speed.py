"""Speed is a side-car (README, "Zonder generator/speed/"): without the package, and with only
its two call-site lines in generator/cli.py taken out, `watwerkt build` makes the same site to
the byte, in one process."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

from conftest import REPO, TODAY, files_below

CALL_SITE_LINES = ("from generator import speed\n", "    speed.install()")


def test_the_site_is_the_same_without_the_speed_package(tmp_path):
    copy = tmp_path / "code"
    shutil.copytree(REPO / "generator", copy / "generator",
                    ignore=shutil.ignore_patterns("__pycache__", "speed"))
    cli = copy / "generator" / "cli.py"
    lines = cli.read_text(encoding="utf-8").splitlines(keepends=True)
    kept = [line for line in lines if not line.startswith(CALL_SITE_LINES)]
    assert len(lines) - len(kept) == 2  # the whole change outside speed/
    cli.write_text("".join(kept), encoding="utf-8")
    environment = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    environment["PYTHONPATH"] = str(copy)

    def run(*argv: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, *argv], capture_output=True, text=True,
                              env=environment, cwd=tmp_path, timeout=300)

    def build(out) -> subprocess.CompletedProcess:
        return run("-m", "generator", "build", "--root", str(REPO), "--out", str(out),
                   "--today", TODAY)

    probe = run("-c", "import generator; print(generator.__file__)")
    assert probe.stdout.startswith(str(copy)), probe.stdout + probe.stderr
    done = build(tmp_path / "zonder")
    assert done.returncode == 0, done.stderr[-3000:]
    environment["PYTHONPATH"] = str(REPO)
    done = build(tmp_path / "met")
    assert done.returncode == 0, done.stderr[-3000:]
    without, with_speed = files_below(tmp_path / "zonder"), files_below(tmp_path / "met")
    assert sum(name.endswith(".html") for name in with_speed) > 50
    assert list(without) == list(with_speed)
    assert [name for name in with_speed if without[name] != with_speed[name]] == []
