"""generator/core/work.py: the stages run independent work in order unless generator.speed puts
its forking versions in; either way the result is what running the work in order returns."""

from __future__ import annotations

import subprocess
import sys

from generator.core import work
from generator.speed import two_cores


def test_stages_alone_run_in_order_and_speed_puts_its_forks_in():
    # A fresh interpreter: the render and link-check stages load no speed device themselves.
    code = ("import generator.render, generator.output.linkcheck as l, generator.core.work as w;"
            "import sys; print(w._runners['beside'].__module__, 'generator.speed' in sys.modules);"
            "import generator.speed; print(w._runners['beside'].__module__,"
            " w._runners['halves'].__module__)")
    lines = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                           check=True).stdout.splitlines()
    assert lines == ["generator.core.work False",
                     "generator.speed.two_cores generator.speed.two_cores"]


def test_in_order_and_forked_halves_give_the_same_results_in_the_same_order():
    items = list(range(23))
    square = lambda chunk: [i * i for i in chunk]  # noqa: E731
    assert work.in_order_halves(square, items) == two_cores.map_halves(square, items) \
        == [i * i for i in items]
    assert work.in_order_beside(lambda: "a", lambda: "b") == two_cores.run_beside(
        lambda: "a", lambda: "b") == ("a", "b")
