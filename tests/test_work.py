"""generator/core/work.py: the stages run everything in order unless an entry point installs the
speed devices; either way the result is what running the work in order returns, and one switch
turns every device off."""

from __future__ import annotations

import os
import subprocess
import sys

from generator.core import work
from generator.speed import Faster, two_cores


def test_stages_alone_run_in_order_and_only_the_entry_point_installs_speed():
    # A fresh interpreter: the stages, the pipeline and the renderer adapter load no speed
    # device and run in order; the command line's entry point puts the devices in.
    code = ("import sys, generator.render, generator.output.linkcheck, generator.pipeline,"
            " generator.renderers.mkdocs.run, generator.renderers.mkdocs.plugin;"
            "import generator.core.work as w;"
            "print(type(w.devices()).__name__, any(m.startswith('generator.speed')"
            " for m in sys.modules));"
            "import generator.cli as cli; cli.speed.install();"
            "print(type(w.devices()).__name__)")
    lines = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                           check=True).stdout.splitlines()
    assert lines == ["InOrder False", "Faster"]


def test_one_switch_turns_every_device_off(monkeypatch):
    monkeypatch.setattr(work, "_installed", [Faster()])
    assert isinstance(work.devices(), Faster)
    monkeypatch.setenv(work.SPEED_VARIABLE, "0")
    assert work.devices() is work.IN_ORDER
    monkeypatch.delenv(work.SPEED_VARIABLE)
    work.switch_off()
    try:
        assert work.devices() is work.IN_ORDER
    finally:
        work.switch_off(False)
    assert isinstance(work.devices(), Faster)


def test_the_collector_device_is_set_by_installing_and_follows_the_one_switch():
    # A fresh interpreter each: the thresholds hold for the whole process.
    code = ("import gc, os, generator.core.work as w, generator.speed as s;"
            "default = gc.get_threshold(); s.install(); installed = gc.get_threshold();"
            "w.switch_off(); stopped = gc.get_threshold(); w.switch_off(False);"
            "print(default != installed, installed == s.COLLECTOR_THRESHOLDS,"
            " stopped == default, gc.get_threshold() == installed)")
    run = lambda env: subprocess.run(  # noqa: E731
        [sys.executable, "-c", code], capture_output=True, text=True, check=True,
        env=env).stdout.split()
    assert run(dict(os.environ)) == ["True", "True", "True", "True"]
    # WATWERKT_SPEED=0: installing sets nothing, and neither switch changes anything.
    off = {**os.environ, work.SPEED_VARIABLE: "0"}
    assert run(off) == ["False", "False", "True", "True"]


def test_every_hook_of_the_speed_devices_overrides_a_plain_one():
    # A device method that is not a hook would never be called: the names must match.
    plain = {name for name in vars(work.InOrder) if not name.startswith("_")}
    faster = {name for name in vars(Faster) if not name.startswith("_")}
    assert faster == plain


def test_in_order_and_forked_halves_give_the_same_results_in_the_same_order():
    items = list(range(23))
    square = lambda chunk: [i * i for i in chunk]  # noqa: E731
    assert work.IN_ORDER.map_halves(square, items) == two_cores.map_halves(square, items) \
        == [i * i for i in items]
    assert work.IN_ORDER.run_beside(lambda: "a", lambda: "b") == two_cores.run_beside(
        lambda: "a", lambda: "b") == ("a", "b")


def test_jobs_one_forbids_every_fork(monkeypatch):
    monkeypatch.setenv(two_cores.JOBS_VARIABLE, "1")
    assert not two_cores.can_fork()
    monkeypatch.setattr(two_cores.os, "fork", lambda: (_ for _ in ()).throw(AssertionError))
    assert two_cores.run_beside(lambda: 1, lambda: 2) == (1, 2)
