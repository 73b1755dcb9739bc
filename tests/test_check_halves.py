"""The check's own work per file on both cores (generator/pipeline.py: every other file is loaded,
validated and its body checked in a forked copy) reports exactly what the check on one core
reports, and the second process really does half of the work."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import BUILD_DATE, INTERVENTION, make_project, replace_once

from generator.check import body
from generator.check.report import format_text
from generator.content import load
from generator.core import work
from generator.pipeline import check_project
from generator.speed import two_cores

pytestmark = pytest.mark.single_thread  # see tests/conftest.py

# Slips in the body, each at its own line, so that every kind of body message shows up.
SLIPS = (
    ("Twee getrainde bemiddelaars", "Twee <script>alert(1)</script> bemiddelaars"),
    ("Buren lossen een conflict",
     "Zie [de site](http://www.example.org). Buren lossen een conflict"),
    ("Wie zelf afspraken maakt", "Zie [deze pagina](../interventies/bestaat-niet.md). Wie zelf "
     "afspraken maakt"),
    ("## Effectiviteit\n\nEr zijn", "# Effectiviteit\n\nEr zijn"),
    ("Bewoners en woningcorporaties", '<span onclick="x()">Bewoners</span> en woningcorporaties'),
)


def _project(root: Path, count: int) -> Path:
    files = {}
    for number in range(count):
        text = INTERVENTION.replace("title: Buurtbemiddeling", f"title: Bemiddeling {number}")
        slip = number % (len(SLIPS) + 1)  # every sixth file is clean
        if slip:
            text = replace_once(text, *SLIPS[slip - 1])
        files[f"interventions/bemiddeling-{number}.md"] = text
    return make_project(root, files)


def _report(root: Path) -> str:
    body._check_body_once.cache_clear()
    result = check_project(root, BUILD_DATE)
    return format_text(result.issues, result.files_checked)


def test_both_cores_give_the_report_of_one_core_byte_for_byte(tmp_path, monkeypatch):
    root = _project(tmp_path / "project", 60)
    monkeypatch.setenv(work.SPEED_VARIABLE, "0")  # every speed device off: one core
    one_core = _report(root)
    monkeypatch.delenv(work.SPEED_VARIABLE)
    monkeypatch.setattr(load, "MIN_FILES_BESIDE", 2)
    checked_here = []
    check = body._check_body

    def counted(path, *args):
        checked_here.append(path)  # in this process only: the other one counts its own copy
        return check(path, *args)

    monkeypatch.setattr(body, "_check_body", counted)
    both_cores = _report(root)
    assert both_cores == one_core
    for message in ("niet is toegestaan: <script>", "toegestaan: <span onclick=…>",
                    "met http://", "'../interventies/bestaat-niet.md', maar die pagina",
                    "kop met één hekje ('# Effectiviteit')"):
        assert both_cores.count(message) == 10, message
    # This process checked every other body; the second process the rest.
    assert len(checked_here) == 30 and len(set(checked_here)) == 30


@pytest.mark.parametrize("threads", [True, False])
def test_no_second_process_beside_other_threads_or_for_a_few_files(tmp_path, monkeypatch,
                                                                   threads):
    root = _project(tmp_path / "project", 5 if not threads else 150)
    if threads:
        monkeypatch.setattr(two_cores.threading, "active_count", lambda: 2)
    started = []
    monkeypatch.setattr(two_cores.os, "fork", lambda: started.append(1) or pytest.fail("fork"))
    assert "niet is toegestaan: <script>" in _report(root)
    assert started == []


def test_without_a_copy_a_second_check_takes_every_body_from_the_cache(tmp_path, monkeypatch):
    # `watwerkt serve` runs threads, so it never forks; its rebuilds must not check every
    # body again (they did for a while: checking ahead bypassed the cache).
    root = _project(tmp_path / "project", 150)
    monkeypatch.setattr(two_cores.threading, "active_count", lambda: 2)
    body._check_body_once.cache_clear()
    checked = []
    check = body._check_body
    monkeypatch.setattr(body, "_check_body", lambda *args: checked.append(args[0]) or check(*args))
    first = check_project(root, BUILD_DATE).issues  # not _report: that empties the cache
    assert len(checked) == 150
    checked.clear()
    assert check_project(root, BUILD_DATE).issues == first
    assert checked == []
