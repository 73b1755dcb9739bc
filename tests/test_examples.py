"""Every rule has passing and failing example files in tests/examples/<code>/{pass,fail}/.

The directory listing is the list of test cases; tests/examples/README.md describes the layout
and the `# expect:` directives. Each example runs in a tiny fixture project of its own.
"""

from __future__ import annotations

import ast
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import BUILD_DATE, REPO, make_project
from example_directives import Expected, parse_expect

from generator.core.issues import Issue, Severity
from generator.pipeline import check_project

EXAMPLES = Path(__file__).parent / "examples"
DIRECTIVE_RE = re.compile(r"^#\s*(expect|kind|without)\s*:\s*(.*?)\s*$")
# Codes whose cases need more than a file (5 MB, an unreadable path, a crashing tokenizer):
# test_generated_cases.py builds them in code; a symbolic link or a named pipe, which a copied
# example folder cannot keep: test_publish_policy.py.
GENERATED_IN_TESTS = {"file-too-large", "unreadable-file", "body-unreadable", "body-too-slow",
                      "link-outside-project", "not-a-file"}
# The modules that report content problems, scanned for the codes they can emit.
# Every rule lives in a stage package that reads or checks content: a new rule module there is
# scanned without being named here.
VALIDATOR_MODULES = ("content/*.py", "check/*.py")


@dataclass(frozen=True)
class Example:
    code: str
    outcome: str  # "pass" or "fail"
    file: Path
    kind: str
    expected: tuple[Expected, ...]
    without: tuple[str, ...]

    @property
    def folder(self) -> str:
        return "dossiers" if self.kind == "dossier" else "interventions"

    @property
    def relative(self) -> str:
        return f"{self.folder}/{self.file.name}"

    @property
    def extra_files(self) -> Path:
        return self.file.with_name(self.file.stem + ".files")


def read_example(file: Path, code: str, outcome: str) -> Example:
    sidecar = file.with_name(file.name + ".expect")
    raw = sidecar.read_bytes() if sidecar.exists() else file.read_bytes()
    kind, expected, without = "intervention", [], []
    # Latin-1 maps every byte to a character: directives are readable in any example, even in
    # one that is deliberately not UTF-8.
    for line in raw.decode("latin-1").splitlines():
        match = DIRECTIVE_RE.match(line.strip())
        if not match:
            assert not line.lstrip().startswith(("# expect", "# kind", "# without")), line
            continue
        name, value = match.groups()
        if name == "kind":
            assert value in ("intervention", "dossier"), value
            kind = value
        elif name == "without":
            without.append(value)
        else:
            parsed = parse_expect(value)
            assert parsed, f"{file}: cannot read directive {line!r}"
            expected.append(parsed)
    return Example(code, outcome, file, kind, tuple(expected), tuple(without))


def collect() -> list[Example]:
    examples = []
    for code_dir in sorted(p for p in EXAMPLES.iterdir() if p.is_dir()):
        if code_dir.name == "slips":
            continue  # the editor-slip corpus, by family rather than code: test_slips.py
        for outcome in ("pass", "fail"):
            folder = code_dir / outcome
            if not folder.is_dir():
                continue
            for file in sorted(folder.iterdir()):
                if file.is_file() and file.suffix != ".expect" and not file.name.startswith("."):
                    examples.append(read_example(file, code_dir.name, outcome))
    return examples


ALL = collect()


def build_fixture(example: Example, root: Path) -> Path:
    make_project(root)
    shutil.copy(example.file, root / example.folder / example.file.name)
    if example.extra_files.is_dir():
        shutil.copytree(example.extra_files, root, dirs_exist_ok=True)
    for relative in example.without:
        (root / relative).unlink()
    return root


def describe(issues: list[Issue]) -> str:
    return "\n".join(f"  {i.path}:{i.line}:{i.column} {i.severity.value} {i.code}: {i.message}"
                     for i in issues) or "  (geen)"


@pytest.mark.parametrize("example", ALL, ids=lambda e: f"{e.code}/{e.outcome}/{e.file.name}")
def test_example(example: Example, tmp_path: Path) -> None:
    root = build_fixture(example, tmp_path / "project")
    issues = check_project(root, BUILD_DATE).issues
    named = {e.code for e in example.expected}
    if example.outcome == "fail":
        assert example.code in named, "a fail example must expect its own code"
    else:
        assert example.code not in named, "a pass example must not expect its own code"
        assert example.code not in {i.code for i in issues}, describe(issues)
    # Every error and warning anywhere in the fixture must be expected, and so must every issue
    # with a code the example names: the example fails for the stated reason only.
    checked = named | {example.code}
    actual = [i for i in issues if i.severity is not Severity.NOTICE or i.code in checked]
    missing = []
    for expected in example.expected:
        path = expected.path or example.relative
        match = next((i for i in actual if i.path == path and i.code == expected.code
                      and i.severity.value == expected.severity and i.line == expected.line
                      and (expected.column is None or i.column == expected.column)), None)
        if match is None:
            missing.append(str(expected))
        else:
            actual.remove(match)
    assert not missing and not actual, (
        f"missing: {missing}\nunexpected:\n{describe(actual)}\nall issues:\n{describe(issues)}")
    for issue in issues:
        assert issue.message.strip() and "{line:" not in issue.message, issue.message


def emitted_codes() -> set[str]:
    """The `code` argument (second to last) of every error/warning/notice/problem call."""
    codes = set()
    names = {"error", "warning", "notice", "problem", "YamlProblem"}
    for pattern in VALIDATOR_MODULES:
        for module in sorted((REPO / "generator").glob(pattern)):
            for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
                if not isinstance(node, ast.Call) or len(node.args) < 2:
                    continue
                func = node.func
                name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)
                code = node.args[-2]
                if name in names and isinstance(code, ast.Constant) \
                        and isinstance(code.value, str):
                    codes.add(code.value)
    return codes


def test_every_emitted_code_has_a_passing_and_a_failing_example() -> None:
    codes = emitted_codes()
    assert {"unknown-vocabulary-value", "yaml-alias", "not-in-dossier"} <= codes  # scan works
    outcomes = {(e.code, e.outcome) for e in ALL}
    lacking = sorted(f"{code}/{outcome}" for code in codes - GENERATED_IN_TESTS
                     for outcome in ("pass", "fail") if (code, outcome) not in outcomes)
    assert not lacking, f"rules without example: {lacking}"
    stale = sorted({e.code for e in ALL} - codes)
    assert not stale, f"example folders for codes nobody emits: {stale}"
    assert GENERATED_IN_TESTS <= codes


def test_examples_cover_every_severity_and_both_kinds() -> None:
    severities = {x.severity for e in ALL for x in e.expected}
    assert severities == {"error", "warning", "notice"}
    assert {e.kind for e in ALL} == {"intervention", "dossier"}
    assert len(ALL) > 150
