"""The stage contracts in pyproject.toml (issue 23): imports point one way, from the command line
down to core, and only renderers/, speed/ and export/ import MkDocs or Material. Checked with
import-linter, on this tree and on a copy into which a wrong-way import is slipped."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

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


# The wrong-way imports the stage packages replaced, and two more of the same kinds: each one,
# slipped back in, breaks a contract.
LAYERS = "Stages point one way BROKEN"
MKDOCS = "Only renderers, speed and export know MkDocs BROKEN"
SLIPS = [
    ("core/dates.py", "from generator.check import validate", LAYERS),
    ("pipeline.py", "from generator.speed import two_cores", LAYERS),
    ("check/body_links.py", "from generator.render import render_site",
     LAYERS),
    ("check/body_links.py", "from generator.export import offline",
     LAYERS),
    ("content/catalog.py", "from generator.check import body", LAYERS),
    ("render/__init__.py", "from generator.speed import two_cores",
     LAYERS),
    ("output/linkcheck.py", "from generator.speed import two_cores",
     LAYERS),
    ("renderers/mkdocs/run.py", "from generator.speed import parallel_pages",
     LAYERS),
    ("renderers/mkdocs/plugin.py", "from generator.speed import template_cache",
     LAYERS),
    ("renderers/mkdocs/run.py", "from generator import cli", LAYERS),
    ("check/body.py", "import mkdocs.config", MKDOCS),
    ("commands/serve.py", "from mkdocs.commands.serve import serve",
     MKDOCS),
]


@pytest.mark.parametrize(("module", "statement", "broken"), SLIPS,
                         ids=[f"{module}:{words.split()[-1]}" for module, words, _ in SLIPS])
def test_a_wrong_way_import_breaks_a_contract(tmp_path, module, statement, broken):
    result = lint_with_import_added(tmp_path, module, statement)
    assert result.returncode != 0
    assert broken in result.stdout


def test_the_readme_names_every_package_and_module():
    # README.md, "Hoe het werkt": one row per stage package listing its modules.
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    table = readme[readme.index("| pakket | modules | taak |"):]
    table = table[:table.index("\n\n")]
    rows = {line.split("|")[1].strip(): line.split("|")[2] for line in table.splitlines()[2:]}
    generator = ROOT / "generator"
    for package in sorted(p.parent for p in generator.rglob("__init__.py")):
        if package == generator:
            continue
        name = f"`generator/{package.relative_to(generator).as_posix()}/`"
        row = next((modules for key, modules in rows.items() if name in key), None)
        assert row is not None, f"{name} staat niet in de tabel van README.md"
        for module in sorted(package.glob("*.py")):
            if module.stem != "__init__":
                assert f"`{module.stem}`" in row, f"{name}: `{module.stem}` ontbreekt"
    for module in ("pipeline.py", "cli.py"):
        assert any(f"`generator/{module}`" in key for key in rows), module
