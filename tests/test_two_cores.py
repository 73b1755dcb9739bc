"""Work beside this process (generator/speed/two_cores.py): the same values as doing it here, done
in a forked copy where that is safe, and done here whenever the copy fails."""

from __future__ import annotations

import os

import pytest

from generator import render
from generator.output import linkcheck
from generator.render.common import Site
from generator.speed import two_cores

pytestmark = pytest.mark.single_thread  # see tests/conftest.py

needs_fork = pytest.mark.skipif(not two_cores.can_fork(), reason="no second core or no fork")


@needs_fork
def test_the_second_piece_runs_in_a_copy_and_comes_back_as_its_value():
    here, there = two_cores.run_beside(lambda: ("hier", os.getpid()),
                                       lambda: {"daar": [1, 2.5, None], "pid": os.getpid()})
    assert here == ("hier", os.getpid())
    assert there["daar"] == [1, 2.5, None] and there["pid"] != os.getpid()


@needs_fork
@pytest.mark.parametrize("failure", ["raises", "dies", "unpicklable"])
def test_a_failing_copy_leaves_its_work_to_this_process(failure):
    parent = os.getpid()

    def there():
        if os.getpid() != parent:
            if failure == "raises":
                raise RuntimeError("kapot")
            if failure == "dies":
                os._exit(3)
            return lambda: None  # cannot be pickled
        return "hier gedaan"

    assert two_cores.run_beside(lambda: 1, there) == (1, "hier gedaan")


def test_no_copy_when_switched_off_or_beside_other_threads(monkeypatch):
    monkeypatch.setattr(two_cores.os, "fork", lambda: pytest.fail("forked"))
    assert two_cores.run_beside(lambda: 1, lambda: 2, fork=False) == (1, 2)
    monkeypatch.setattr(two_cores.threading, "active_count", lambda: 2)
    assert not two_cores.can_fork()
    assert two_cores.run_beside(lambda: 1, lambda: 2) == (1, 2)


@needs_fork
def test_rendering_beside_gives_every_file_as_rendering_here(catalog, monkeypatch):
    site = Site(html_marker="ww0123", site_url="https://watwerkt.example.org/")
    monkeypatch.setattr(render, "MIN_ENTRIES_BESIDE", 10**9)
    here = render.render_site(catalog, site)
    monkeypatch.setattr(render, "MIN_ENTRIES_BESIDE", 1)
    forks = []
    fork = os.fork
    monkeypatch.setattr(two_cores.os, "fork", lambda: forks.append(1) or fork())
    beside = render.render_site(catalog, site)
    assert forks == [1]
    assert list(beside) == list(here) and beside == here
    assert any(path.startswith("interventies/") for path in beside)


@needs_fork
def test_the_link_check_beside_reports_every_broken_link_as_here(tmp_path, monkeypatch):
    for number in range(7):
        page = tmp_path / f"p{number}" / "index.html"
        page.parent.mkdir()
        following = f"../p{number + 1}/#t{number + 1}"
        page.write_text(f'<h1 id="t{number}">T</h1>\n<p>\n<a href="{following}">volgende</a>\n'
                        f'<a href="../weg{number % 3}/">weg</a>\n'
                        f'<a href="#t{number - 1}">vorige</a></p>\n', encoding="utf-8")
    monkeypatch.setattr(linkcheck, "MIN_PAGES_BESIDE", 10**9)
    here = linkcheck.check_links(tmp_path)
    monkeypatch.setattr(linkcheck, "MIN_PAGES_BESIDE", 1)
    forks = []
    fork = os.fork
    monkeypatch.setattr(two_cores.os, "fork", lambda: forks.append(1) or fork())
    beside = linkcheck.check_links(tmp_path)
    assert forks == [1]
    assert [b.message() for b in beside] == [b.message() for b in here]
    # every page's dead folder link and wrong anchor, and the last page's dead next page
    assert len(here) == 7 + 7 + 1 and {b.line for b in here} == {3, 4, 5}


@pytest.mark.parametrize("fork", [True, False])
@pytest.mark.parametrize("count", [0, 1, 2, 7])
def test_halves_come_back_in_the_order_of_the_items(fork, count):
    if fork and not two_cores.can_fork():
        pytest.skip("no second core or no fork")
    parent = os.getpid()
    results = two_cores.map_halves(lambda items: [(i * i, os.getpid()) for i in items],
                                   list(range(count)), fork=fork)
    assert [square for square, _ in results] == [i * i for i in range(count)]
    # this process did the first, third, ... item; the copy (if any) the others
    assert all(pid == parent for _, pid in results[0::2])
    if fork and count >= 2:
        assert all(pid != parent for _, pid in results[1::2])


def test_a_large_process_frees_its_garbage_cycles_before_forking(monkeypatch):
    import gc
    import weakref

    class Node:
        pass

    def garbage_cycle():
        first, second = Node(), Node()
        first.other, second.other = second, first
        return weakref.ref(first)

    gc.disable()  # only release_garbage may collect here
    try:
        monkeypatch.setattr(two_cores, "LARGE_PROCESS_MB", 10**9)  # small: left as it is
        left = garbage_cycle()
        two_cores.release_garbage()
        assert left() is not None
        monkeypatch.setattr(two_cores, "LARGE_PROCESS_MB", 0)  # large: collected
        two_cores.release_garbage()
        assert left() is None
    finally:
        gc.enable()
    assert two_cores.resident_mb() > 10
