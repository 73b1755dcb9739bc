"""Score the editor-slip corpus (tests/examples/slips/) against a checkout of the generator.

Every slip is an example file (tests/examples/README.md) with `# cause:` phrases that the
message of an expected issue must contain, and optional `# never:` phrases no message may
contain. Each slip runs in a temporary project through the CLI only
(`python -m generator check --format json`), so an older checkout can be scored the same way:

    PYTHONPATH=/old/checkout python scripts/slip_score.py --generator-root /old/checkout

One line per slip (OK / WRONG-LINE / WRONG-CAUSE / MISSED / ENGLISH), then
"N van M vergissingen: regel en oorzaak goed".
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
from tests.example_directives import Expected, parse_expect  # noqa: E402

SLIPS = REPO / "tests" / "examples" / "slips"
TODAY = "2026-11-22"
DIRECTIVE_RE = re.compile(r"^#\s*(expect|kind|without|cause|never)\s*:\s*(.*?)\s*$")
# Words of PyYAML's and libyaml's problem texts and of MkDocs' warnings: none may reach an editor.
ENGLISH_RE = re.compile(
    r"\b(expected|found|while (?:scanning|parsing)|could not|not allowed|mapping values|"
    r"did not find|end of stream|block end|cannot start|is not found|unacceptable|"
    r"characters? (?:that|are)|in this context|simple key|anchor)\b", re.IGNORECASE)


@dataclass
class Slip:
    file: Path
    kind: str = "intervention"
    expects: list[Expected] = field(default_factory=list)
    causes: list[str] = field(default_factory=list)
    nevers: list[str] = field(default_factory=list)
    without: list[str] = field(default_factory=list)

    @property
    def relative(self) -> str:
        folder = "dossiers" if self.kind == "dossier" else "interventions"
        return f"{folder}/{self.file.name}"

    @property
    def name(self) -> str:
        return f"{self.file.parent.name}/{self.file.name}"


def normalize(text: str) -> str:
    return " ".join(text.split()).casefold()


def read_slip(file: Path) -> Slip:
    """The directives of one slip file (undecodable bytes are replaced: directives are ASCII)."""
    slip = Slip(file)
    # A file that cannot hold its directives (UTF-16, a first line that is the slip) has them
    # in a sidecar '<name>.expect'.
    sidecar = file.with_name(file.name + ".expect")
    raw = sidecar.read_bytes() if sidecar.exists() else file.read_bytes()
    for line in raw.decode("utf-8", errors="replace").splitlines():
        match = DIRECTIVE_RE.match(line.strip())
        if not match:
            continue
        name, value = match.groups()
        if name == "kind":
            slip.kind = value
        elif name == "without":
            slip.without.append(value)
        elif name == "cause":
            slip.causes.append(value)
        elif name == "never":
            slip.nevers.append(value)
        else:
            parsed = parse_expect(value)
            if not parsed:
                raise SystemExit(f"{file}: kan de regel niet lezen: {line!r}")
            slip.expects.append(parsed)
    return slip


def collect(folder: Path) -> list[Slip]:
    return [read_slip(file) for file in sorted(folder.glob("*/*"))
            if file.is_file() and not file.name.startswith(".") and file.suffix != ".expect"]


def build_project(slip: Slip, root: Path, vocabularies: Path) -> None:
    for folder in ("interventions", "dossiers"):
        (root / folder).mkdir(parents=True, exist_ok=True)
    shutil.copy(vocabularies, root / "vocabularies.yml")
    shutil.copy(slip.file, root / slip.relative)
    extra = slip.file.with_name(slip.file.stem + ".files")
    if extra.is_dir():
        shutil.copytree(extra, root, dirs_exist_ok=True)
    for relative in slip.without:
        (root / relative).unlink()


def run_check(root: Path, generator_root: Path) -> list[dict]:
    env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    env["PYTHONPATH"] = str(generator_root) + os.pathsep + env.get("PYTHONPATH", "")
    done = subprocess.run([sys.executable, "-m", "generator", "check", "--root", str(root),
                           "--format", "json", "--today", TODAY], capture_output=True, text=True,
                          encoding="utf-8", env=env, cwd=generator_root, timeout=300)
    try:
        return json.loads(done.stdout)["issues"]
    except (ValueError, KeyError) as exc:
        raise SystemExit(f"geen JSON van de controle ({exc}):\n{done.stdout}\n"
                         f"{done.stderr}") from exc


def score(slip: Slip, issues: list[dict]) -> tuple[str, str]:
    """(verdict, explanation) for one slip and the issues the check reported."""
    own = [i for i in issues if i["severity"] in ("error", "warning")]
    matched: list[dict] = []
    wrong: list[str] = []
    for expect in slip.expects:
        path = expect.path or slip.relative
        hit = next((i for i in issues if i["path"] == path and i["code"] == expect.code
                    and i["severity"] == expect.severity and i["line"] == expect.line
                    and (expect.column is None or i["column"] == expect.column)), None)
        if hit is None:
            wrong.append(f"{expect.severity} {expect.code} regel {expect.line}")
        else:
            matched.append(hit)
    if not own and wrong:
        return "MISSED", "geen melding"
    reported = "; ".join(f"{i['severity']} {i['code']} regel {i['line']}" for i in own)
    if wrong:
        return "WRONG-LINE", f"verwacht {', '.join(wrong)}; gemeld: {reported}"
    english = next((m for m in (i["message"] for i in issues) if ENGLISH_RE.search(m)), None)
    if english:
        return "ENGLISH", english
    texts = [normalize(i["message"]) for i in matched]
    missing = [c for c in slip.causes if not any(normalize(c) in t for t in texts)]
    present = [n for n in slip.nevers
               if any(normalize(n) in normalize(i["message"]) for i in issues)]
    if missing or present:
        why = [f"mist '{c}'" for c in missing] + [f"bevat '{n}'" for n in present]
        return "WRONG-CAUSE", f"{', '.join(why)}: {' | '.join(i['message'] for i in matched)}"
    return "OK", ""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--generator-root", type=Path, default=REPO,
                        help="checkout whose generator runs the check (zet die ook op PYTHONPATH)")
    parser.add_argument("--slips", type=Path, default=SLIPS, help="map met <familie>/<naam>.md")
    parser.add_argument("--vocabularies", type=Path, default=REPO / "vocabularies.yml")
    parser.add_argument("--verbose", "-v", action="store_true", help="toon waarom iets fout is")
    args = parser.parse_args(argv)
    slips = collect(args.slips)
    good = 0
    with tempfile.TemporaryDirectory(prefix="slips-") as temporary:
        for number, slip in enumerate(slips):
            root = Path(temporary) / str(number)
            build_project(slip, root, args.vocabularies)
            verdict, why = score(slip, run_check(root, args.generator_root.resolve()))
            good += verdict == "OK"
            print(f"{verdict:<11} {slip.name}" + (f"  -- {why}" if why and args.verbose else ""))
    print(f"{good} van {len(slips)} vergissingen: regel en oorzaak goed")
    return 0 if good == len(slips) else 1


if __name__ == "__main__":
    sys.exit(main())
