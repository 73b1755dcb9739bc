"""The stage contracts in pyproject.toml (issue 23): imports point one way, from the command line
down to core, and only renderers/, speed/ and export/ import MkDocs or Material. Checked with
import-linter, on this tree and on a copy into which a wrong-way import is slipped."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def run_lint_imports(root: Path) -> subprocess.CompletedProcess:
    return subprocess.run([str(LINT_IMPORTS), "--config", str(root / "pyproject.toml"),
                           "--no-cache"], cwd=root, capture_output=True, text=True,
                          env={"PYTHONPATH": str(root), "PATH": "/usr/bin:/bin"})


def copy_project(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "generator", tmp_path / "generator",
                    ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    return tmp_path


def test_every_contract_holds_on_this_tree():
    result = run_lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Stages point one way KEPT" in result.stdout
    assert "Only renderers, speed and export know MkDocs KEPT" in result.stdout


def lint_with_import_added(tmp_path: Path, module: str, statement: str):
    """lint-imports on a copy of the project in which `module` (a path below generator/) ends
    with `statement`."""
    project = copy_project(tmp_path)
    source = project / "generator" / module
    source.write_text(source.read_text() + f"\n{statement}  # noqa\n")
    return run_lint_imports(project)


def test_a_core_module_importing_a_later_stage_breaks_the_layers(tmp_path):
    result = lint_with_import_added(tmp_path, "core/dates.py",
                                    "from generator.check import validate")
    assert result.returncode != 0
    assert "generator.core.dates -> generator.check.validate" in result.stdout


def test_a_check_module_importing_mkdocs_breaks_the_renderer_boundary(tmp_path):
    result = lint_with_import_added(tmp_path, "check/body.py", "import mkdocs.config")
    assert result.returncode != 0
    assert "Only renderers, speed and export know MkDocs BROKEN" in result.stdout
