"""Deterministic and atomic builds: the same content and build date give a byte-identical site,
and a failed build (content errors, or a --strict build with a warning, through `watwerkt build`
and through plain `mkdocs build --strict`) leaves the previous site exactly as it was. On both
runtimes (generator/renderers/mkdocs/runtime.py): the suite runs once with MkDocs and once with
ProperDocs
(scripts/test-properdocs.sh), and `python -m` calls whichever is installed."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from built_sites import shipped_site
from conftest import REPO, TODAY, run_cli

from generator.renderers.mkdocs import runtime
from tests.reliability.documents import body, document, intervention

EPOCH = "1795305600"  # 2026-11-22T00:00:00Z, the same build date for `mkdocs build`


def snapshot(folder: Path) -> dict[str, bytes]:
    return {path.relative_to(folder).as_posix(): path.read_bytes()
            for path in sorted(folder.rglob("*")) if path.is_file()}


def leftovers(parent: Path) -> list[str]:
    """Temporary folders of the atomic swap that a build left behind."""
    return sorted(p.name for p in parent.iterdir() if p.name.startswith((".site-build-",
                                                                        ".site-old-")))


def test_two_builds_of_the_shipped_content_are_byte_identical(tmp_path):
    """The session's in-process build against `watwerkt build` in a fresh interpreter with
    another hash seed: no set or dict order, no clock and no path may leak into the site."""
    out = tmp_path / "site"
    result = run_cli("build", "--root", str(REPO), "--out", str(out), "--today", TODAY,
                     env={"PYTHONHASHSEED": "12345"})
    assert result.returncode == 0, result.stderr
    first, second = snapshot(shipped_site()), snapshot(out)
    assert len(first) > 100
    assert sorted(first) == sorted(second)
    assert [name for name in first if first[name] != second[name]] == []


@pytest.fixture(scope="module")
def template_project(tmp_path_factory) -> Path:
    """A small project (fixture content plus the real configuration), built once."""
    root = tmp_path_factory.mktemp("integrity") / "project"
    shutil.copytree(REPO / "tests" / "fixtures" / "site", root)
    for name in ("mkdocs.yml", "theme", "pages"):
        source = REPO / name
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, root / name)
    result = run_cli("build", "--root", str(root), "--today", TODAY)
    assert result.returncode == 0, result.stderr
    return root


@pytest.fixture
def built_project(template_project, tmp_path):
    """A fresh copy of the built project, and a snapshot of its site."""
    root = shutil.copytree(template_project, tmp_path / "project", symlinks=True)
    return root, snapshot(root / "site")


def _add(root: Path, name: str, extra: str, **fields) -> None:
    fields.setdefault("title", f"Buurtbemiddeling {name}")  # a copy's own title (issue 24)
    (root / "interventions" / f"{name}.md").write_bytes(
        document(intervention(**fields), body("intervention", extra)))


def test_content_error_leaves_the_previous_site_untouched(built_project):
    root, before = built_project
    _add(root, "kapot", "", themas=["wijkontwikkeling"])  # unknown key: an error
    result = run_cli("build", "--root", str(root), "--today", TODAY)
    assert result.returncode == 1
    assert "Onbekende sleutel 'themas'" in result.stderr
    assert "De site is niet gebouwd" in result.stderr
    assert snapshot(root / "site") == before
    assert leftovers(root) == []


@pytest.mark.parametrize("extra,expected", [
    # from the content check, before the renderer
    ("Zie [de site](http://www.example.org/).", ("waarschuwing", "http://")),
    # from the link check over the renderer's output, after it (a dead link in a hand-written
    # page: one in a body stops the build at the check): it stops the swap
    ("", ("kapotte link", "--strict")),
])
def test_strict_build_with_a_warning_leaves_the_previous_site(built_project, extra, expected):
    root, before = built_project
    _add(root, "met-waarschuwing", extra)
    if not extra:
        _break_a_page(root)
    result = run_cli("build", "--root", str(root), "--today", TODAY, "--strict")
    assert result.returncode == 1
    assert all(text in result.stderr for text in expected), result.stderr
    assert snapshot(root / "site") == before
    assert leftovers(root) == []


def test_strict_build_with_a_renderer_warning_leaves_the_previous_site(built_project):
    """A warning of the renderer itself (ProperDocs logs its own on `properdocs.*`, MkDocs on
    `mkdocs.*`): the renderer aborts, and the previous site stays."""
    root, before = built_project
    # MkDocs' link validation is off (mkdocs.yml); its navigation check is the renderer's own.
    config = root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "  - Over: over.md\n", "  - Over: over.md\n  - Weg: bestaat-niet.md\n"), encoding="utf-8")
    result = run_cli("build", "--root", str(root), "--today", TODAY, "--strict")
    assert result.returncode == 1
    assert "de navigatie (nav in mkdocs.yml) noemt 'bestaat-niet.md'" in result.stderr
    assert "De site is niet gebouwd" in result.stderr
    assert snapshot(root / "site") == before
    assert leftovers(root) == []


def mkdocs_build(root: Path, *args: str) -> subprocess.CompletedProcess:
    """`mkdocs build` of the installed runtime (`properdocs build` when MkDocs is gone)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONHASHSEED"}
    env.update(SOURCE_DATE_EPOCH=EPOCH, PYTHONPATH=str(REPO), NO_MKDOCS_2_WARNING="1",
               DISABLE_MKDOCS_2_WARNING="true")
    # Not -q: MkDocs 1.6 then drops warnings before its strict counter sees them.
    return subprocess.run([sys.executable, "-m", runtime.cli_module(), "build", *args],
                          cwd=root, env=env, capture_output=True, text=True, timeout=300)


def _break_a_page(root: Path, link: str = "../bestaat-niet/") -> None:
    """A dead link in a hand-written page: the content check does not read those pages, the
    post-build link check does (a dead link in a body stops the build at the check)."""
    over = root / "pages" / "over.md"
    over.write_text(over.read_text(encoding="utf-8") + f"\nZie [elders]({link}).\n",
                    encoding="utf-8")


@pytest.mark.parametrize("extra,warning,link", [
    ("Zie [de site](http://www.example.org/).", "http://", None),  # from the content check
    ("", "kapotte link", "../bestaat-niet/"),  # from the post-build link check
    ("", "bestaat-niet.md", "bestaat-niet.md"),  # a .md link the renderer cannot resolve
])
def test_mkdocs_strict_build_with_a_warning_leaves_the_previous_site(built_project, extra,
                                                                     warning, link):
    root, before = built_project
    _add(root, "met-waarschuwing", extra)
    if link:
        _break_a_page(root, link)
    result = mkdocs_build(root, "--strict")
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert warning in output
    assert "Aborted with" in output and "strict mode" in output
    assert snapshot(root / "site") == before
    assert leftovers(root) == []


def test_mkdocs_build_with_a_warning_replaces_the_site(built_project):
    """Without --strict a warning does not stop the build, and the new site is swapped in."""
    root, before = built_project
    _add(root, "met-waarschuwing", "")
    _break_a_page(root)
    result = mkdocs_build(root)
    assert result.returncode == 0, result.stderr
    assert "pages/over.md" in result.stderr and "kapotte link" in result.stderr
    after = snapshot(root / "site")
    assert "interventies/met-waarschuwing/index.html" in after
    assert "interventies/met-waarschuwing/index.html" not in before
    assert leftovers(root) == []
