"""The time budget for one page's Markdown conversion (issue 26, generator/core/budget.py)."""

from __future__ import annotations

import re
import signal
import threading
import time

import pytest

from generator.core.budget import (
    BUDGET_SECONDS,
    BUDGET_VARIABLE,
    OverBudget,
    budget_seconds,
    within_budget,
)
from tests.conftest import INTERVENTION, run_cli, site_project


def _busy() -> None:
    while True:
        pass


@pytest.mark.parametrize("work", [_busy, lambda: re.match(r"(a+)+$", "a" * 60 + "b")],
                         ids=["python", "regex"])
def test_the_budget_stops_work_in_the_main_thread(work):
    started = time.monotonic()
    with pytest.raises(OverBudget):
        within_budget(work, 0.2)
    assert time.monotonic() - started < 30  # stopped, not run to its end


def test_work_within_the_budget_returns_its_result():
    assert within_budget(lambda: "klaar", 5) == "klaar"
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)  # no timer left behind


def test_an_outer_timer_keeps_running():
    fired = []
    previous = signal.signal(signal.SIGALRM, lambda *_: fired.append(True))
    try:
        signal.setitimer(signal.ITIMER_REAL, 0.5)
        within_budget(lambda: None, 5)
        assert signal.getitimer(signal.ITIMER_REAL)[0] > 0
        time.sleep(0.7)
        assert fired == [True]
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def test_outside_the_main_thread_the_work_is_judged_afterwards():
    outcome = []

    def slow() -> None:
        try:
            within_budget(lambda: time.sleep(0.3), 0.1)
            outcome.append("geen fout")
        except OverBudget:
            outcome.append("te traag")

    thread = threading.Thread(target=slow)
    thread.start()
    thread.join()
    assert outcome == ["te traag"]


@pytest.mark.parametrize("value, seconds", [("", BUDGET_SECONDS), ("2.5", 2.5),
                                            ("nul", BUDGET_SECONDS), ("-1", BUDGET_SECONDS)])
def test_the_budget_can_be_set_for_slower_machines(monkeypatch, value, seconds):
    monkeypatch.setenv(BUDGET_VARIABLE, value)
    assert budget_seconds() == seconds


@pytest.mark.parametrize("speed", ["1", "0"], ids=["pages-in-two-processes", "in-order"])
def test_a_page_over_its_budget_stops_the_build_and_names_its_file(tmp_path, speed):
    """A body the check lets through (plain paragraphs) but that takes longer than the budget
    to convert: the build fails with a Dutch error naming the content file, and publishes
    nothing. The budget is made small here; the body takes seconds to convert. With speed on,
    the page is converted in a child process (generator/speed/parallel_pages.py), which sends
    its error back."""
    root = site_project(tmp_path / "project")
    paragraph = "Buren lossen samen een conflict op, voordat het escaleert en de politie komt.\n"
    body = "\n".join(paragraph * 5 for _ in range(6_000))
    text = INTERVENTION.replace("Buren lossen een conflict samen op, voordat het escaleert.\n",
                                body)
    (root / "interventions" / "traag.md").write_text(text.replace("Buurtbemiddeling",
                                                                  "Trage tekst"), "utf-8")
    out = tmp_path / "site"
    done = run_cli("build", "--root", str(root), "--out", str(out), "--today", "2026-11-22",
                   env={BUDGET_VARIABLE: "0.5", "WATWERKT_SPEED": speed})
    output = done.stdout + done.stderr
    assert done.returncode != 0, output
    assert "interventions/traag.md" in output
    assert "langer dan 0,5 seconden" in output
    assert output.count("duurde langer dan") == 1  # the other pages are within the budget
    assert "niet vertaald" not in output  # shown as our own Dutch error
    assert "Traceback" not in output
    assert not out.exists()


def test_the_check_converts_within_the_budget_too(tmp_path):
    """`watwerkt check` renders a body as the site does to compare it with GitHub's preview:
    that conversion has the same budget, and going over it is the file's error."""
    from tests.conftest import make_project

    items = "".join(f"- punt {n} met **nadruk** en een [link](https://example.org/{n})\n"
                    for n in range(40))
    table = "| Wie | Wat |\n| --- | --- |\n| buren | praten |\n"  # read differently: compared
    body = "\n".join(f"Alinea {n} over buren en conflicten.\n\n{items}\n{table}"
                     for n in range(30))
    text = INTERVENTION.replace("Buren lossen een conflict samen op, voordat het escaleert.\n",
                                body)
    root = make_project(tmp_path / "p", {"interventions/lang.md": text})
    done = run_cli("check", "--root", str(root), "--today", "2026-11-22",
                   env={BUDGET_VARIABLE: "0.05"})
    output = done.stdout + done.stderr
    assert done.returncode != 0, output
    assert "interventions/lang.md:16: fout: Het omzetten" in output  # the body's first line
    assert "langer dan 0,05 seconden" in output
    assert "Traceback" not in output
