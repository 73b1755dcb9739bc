"""The editor-slip corpus (tests/examples/slips/<family>/<name>.md): realistic mistakes, each
reported at the line where the editor made it, with a message that names the cause.

The files are ordinary example files (tests/examples/README.md) plus `# cause:` phrases that
the message of an expected issue must contain and `# never:` phrases no message may contain.
scripts/slip_score.py scores the same corpus through the CLI (also against an older checkout);
this test runs it in-process and, like the examples, requires every error and warning to be
expected, so a slip fails for its stated reason only.
"""

from __future__ import annotations

import importlib.util
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import BUILD_DATE, REPO, make_project

from generator.core.issues import Severity
from generator.pipeline import check_project

_spec = importlib.util.spec_from_file_location("slip_score", REPO / "scripts" / "slip_score.py")
slip_score = importlib.util.module_from_spec(_spec)
sys.modules["slip_score"] = slip_score  # dataclasses look their module up there
_spec.loader.exec_module(slip_score)

SLIPS = slip_score.collect(slip_score.SLIPS)


@pytest.mark.parametrize("slip", SLIPS, ids=lambda s: s.name)
def test_slip_is_reported_at_its_line_naming_the_cause(slip, tmp_path: Path) -> None:
    root = tmp_path / "project"
    make_project(root)
    shutil.rmtree(root / "interventions")
    shutil.rmtree(root / "dossiers")
    slip_score.build_project(slip, root, REPO / "vocabularies.yml")
    issues = check_project(root, BUILD_DATE).issues
    assert slip.expects and slip.causes, "a slip names its line and its cause"
    verdict, why = slip_score.score(slip, [i.as_dict() for i in issues])
    assert verdict == "OK", f"{verdict}: {why}"
    # Nothing else: every error and warning of the fixture is one the slip expects.
    expected = {(e.path or slip.relative, e.code, e.severity, e.line) for e in slip.expects}
    extra = [i for i in issues if i.severity is not Severity.NOTICE
             and (i.path, i.code, i.severity.value, i.line) not in expected]
    assert not extra, "\n".join(f"{i.path}:{i.line} {i.code}: {i.message}" for i in extra)


def test_corpus_has_the_families_and_size_the_issue_asks_for() -> None:
    families = {s.file.parent.name for s in SLIPS}
    assert {"yaml-indentation", "yaml-characters", "yaml-quotes", "yaml-lists", "yaml-colon",
            "yaml-unclosed", "commented-out"} <= families
    # Issue 24: what the preview showed is what readers get.
    assert {"markdown-preview", "yaml-values", "other-programs", "literal-text",
            "links-as-typed", "copies"} <= families
    assert len(SLIPS) >= 30


def test_scorer_cli_scores_good_and_bad_slips(tmp_path: Path) -> None:
    """The scorer runs the CLI and tells an OK slip from one whose cause is not named."""
    good = next(s for s in SLIPS if s.file.parent.name == "yaml-unclosed")
    folder = tmp_path / "slips" / "demo"
    folder.mkdir(parents=True)
    shutil.copy(good.file, folder / "goed.md")
    text = good.file.read_text(encoding="utf-8")
    # Same lines, one cause the message does not name.
    wrong = re.sub(r"^# cause: .*$", "# cause: niet-bestaande woorden", text, count=1, flags=re.M)
    (folder / "fout.md").write_text(wrong, encoding="utf-8")
    done = subprocess.run([sys.executable, str(REPO / "scripts" / "slip_score.py"), "--slips",
                           str(tmp_path / "slips")], capture_output=True, text=True,
                          encoding="utf-8", timeout=300)
    lines = done.stdout.splitlines()
    assert "OK          demo/goed.md" in lines
    assert "WRONG-CAUSE demo/fout.md" in lines
    assert lines[-1] == "1 van 2 vergissingen: regel en oorzaak goed"
    assert done.returncode == 1
