"""MkDocs' log lines in Dutch (generator/renderers/mkdocs/log.py): a real strict build that fails,
the
loggers of both runtimes (mkdocs.*, properdocs.*), what is dropped, and Material's banner."""

from __future__ import annotations

import logging
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import site_project

from generator.cli import main
from generator.renderers.mkdocs import log as mkdocs_log

REPO = Path(__file__).resolve().parents[1]
FIXTURE = REPO / "tests" / "fixtures" / "site"
TODAY = "2026-11-22"


@pytest.fixture
def project(tmp_path) -> Path:
    return site_project(tmp_path / "project")


@pytest.fixture(autouse=True)
def _restore_loggers():
    """install() changes the runtime loggers for the process: put them back."""
    saved = {name: (logging.getLogger(name).level, list(logging.getLogger(name).handlers))
             for name in mkdocs_log.RUNTIMES}
    yield
    for name, (level, handlers) in saved.items():
        logger = logging.getLogger(name)
        logger.setLevel(level)
        logger.handlers[:] = handlers


def test_a_failing_strict_build_says_why_in_dutch(project, capsys):
    over = project / "pages" / "over.md"
    over.write_text(over.read_text(encoding="utf-8") + "\n[weg](nergens.md)\n", encoding="utf-8")
    code = main(["build", "--root", str(project), "--strict", "--today", TODAY])
    err = capsys.readouterr().err
    assert code == 1
    # MkDocs' own (English) link validation is off (mkdocs.yml): our link check names the
    # hand-written page and the line of the link in it.
    line = over.read_text(encoding="utf-8").split("\n").index("[weg](nergens.md)") + 1
    assert (f"waarschuwing: pages/over.md:{line}: kapotte link op regel {line} van "
            "pages/over.md: 'nergens.md'") in err
    failure = err.strip().splitlines()[-1]
    assert failure == ("De site is niet gebouwd: 1 waarschuwing (zie hierboven), en met "
                       "--strict tellen waarschuwingen als fouten.")
    assert "Aborted" not in err and "WARNING" not in err
    assert not (project / "site").exists()


@pytest.mark.parametrize("runtime", ["mkdocs", "properdocs"])
def test_both_runtimes_loggers_speak_dutch(runtime, capsys):
    mkdocs_log.install()
    logging.getLogger(f"{runtime}.structure.pages").warning(
        "Doc file 'a.md' contains a link 'b.md', but the target is not found among "
        "documentation files. Did you mean 'c.md'?")
    logging.getLogger(f"{runtime}.config").warning("Something new in version 9")
    logging.getLogger(f"{runtime}.plugins.watwerkt").warning("Kapotte link op pagina 'x/'.")
    logging.getLogger(f"{runtime}.commands.build").info("Cleaning site directory")
    assert capsys.readouterr().err.splitlines() == [
        "waarschuwing: de pagina 'a.md' linkt naar 'b.md', maar dat doel bestaat niet. "
        "Bedoelt u 'c.md'?",
        f"waarschuwing: {mkdocs_log.RUNTIMES[runtime]} meldt (niet vertaald): "
        "Something new in version 9",
        "waarschuwing: Kapotte link op pagina 'x/'."]


def test_the_preview_shows_its_rebuilds_and_drops_chatter(capsys):
    mkdocs_log.install(show_progress=True)
    build = logging.getLogger("mkdocs.commands.build")
    build.warning("A 'dirty' build is being performed, this will likely lead to inaccurate "
                  "navigation")
    build.info("Building documentation...")
    build.info("Documentation built in 1.26 seconds")
    logging.getLogger("mkdocs.livereload").warning('[10:00:00] "GET /weg/ HTTP/1.1" code 404')
    logging.getLogger("mkdocs.plugins.watwerkt").info("a notice, shown by watwerkt check")
    lines = capsys.readouterr().err.splitlines()
    assert [line.split("] ", 1)[1] for line in lines] == [
        "Site gebouwd in 1,3 s.", "waarschuwing: /weg/ bestaat niet (404)."]


def test_installing_twice_prints_once(capsys):
    mkdocs_log.install()
    mkdocs_log.install()
    logging.getLogger("mkdocs.x").error("Aborted with a BuildError!")
    assert capsys.readouterr().err == "fout: de bouw is afgebroken door de fout hierboven.\n"


def test_no_end_of_life_banner_even_when_run_as_mkdocs(tmp_path):
    """Material prints its English banner when sys.argv[0] looks like MkDocs' command; the
    watwerkt command sets Material's switch before Material is imported."""
    bare = subprocess.run([sys.executable, "-c", "import sys; sys.argv[0] = 'mkdocs'; "
                           "import material.templates"], capture_output=True, text=True,
                          cwd=tmp_path, timeout=120, env={"PATH": "/usr/bin:/bin"})
    if "end of life" not in bare.stderr:
        pytest.skip("this version of Material prints no end-of-life banner")
    script = ("import sys; sys.argv[0] = 'mkdocs'; from generator.cli import main; "
              f"main(['check', '--root', {str(FIXTURE)!r}, '--today', '{TODAY}']); "
              "import material.templates")
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            cwd=tmp_path, timeout=120,
                            env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(REPO)})
    assert result.returncode == 0, result.stderr
    assert "end of life" not in result.stderr + result.stdout
