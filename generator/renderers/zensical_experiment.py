"""The Zensical experiment: build the `watwerkt render` docs folder with Zensical, and say how
complete the result is, so that it is never a silent half-site.

Zensical reads mkdocs.yml but runs no MkDocs plugins, so our plugin's work is done before and
after it: the check and `render` write a plain docs folder (generator/renderers/docs_folder.py);
Zensical
builds it; then the output guard sanitizes the entry and hand-written pages
(generator/postprocess/output_guard.py)
and the
link check reads every page (generator/output/linkcheck.py). The report counts the pages and files
that should be there, the ones that are, and every broken link.

The project folder gets a copy of mkdocs.yml without the watwerkt plugin, the edit button of
the theme switched off (Zensical would point it at the generated file; theme/main.html shows
the `edit_url` of the page header instead), and a copy of theme/ without our override of
Material's search partial (Zensical's search widget needs its own).

Run it with scripts/zensical-experiment.sh; tests/test_zensical.py runs it where Zensical is
installed.
"""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from generator.content.settings import read_settings
from generator.output.linkcheck import BrokenLink, check_links
from generator.pipeline import check_project
from generator.postprocess.output_guard import entry_outputs, guard_output, hand_outputs
from generator.render.common import DIRECTORY, page_url
from generator.renderers.docs_folder import write_docs_folder

# Theme files Zensical must not get: Material's search partial as we changed it for MkDocs.
LEFT_OUT_THEME = ("partials/search.html",)


@dataclass
class ExperimentReport:
    expected: list[str] = field(default_factory=list)  # output files the docs folder asks for
    missing: list[str] = field(default_factory=list)
    pages_built: int = 0  # HTML pages in the output
    broken: list[BrokenLink] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # the output guard's, Dutch
    renderer_output: str = ""

    @property
    def complete(self) -> bool:
        return not self.missing and not self.broken and not self.warnings

    def lines(self) -> list[str]:
        """The report, in Dutch, one fact a line."""
        out = [f"Verwacht: {len(self.expected)} bestanden; gebouwd: {self.pages_built} "
               f"HTML-pagina's; ontbrekend: {len(self.missing)}; kapotte links: "
               f"{len(self.broken)}; waarschuwingen: {len(self.warnings)}"]
        out += [f"  ontbreekt: {name}" for name in self.missing[:20]]
        out += [f"  {broken.message()}" for broken in self.broken[:20]]
        out += [f"  {warning}" for warning in self.warnings[:20]]
        return out


def prepare_project(root: Path, work: Path, build_date: dt.date) -> list[str]:
    """Write the Zensical project (docs/, theme/, mkdocs.yml) into `work`; the check's errors
    (Dutch lines) when the content cannot be rendered, else []."""
    result = check_project(root, build_date)
    if result.failed():
        return [issue.message for issue in result.issues]
    work.mkdir(parents=True, exist_ok=True)
    write_docs_folder(root, result, work / "docs")
    settings = read_settings(root)
    theme = dict(settings.get("theme") or {})
    if theme.get("custom_dir"):
        target = work / "theme"
        shutil.rmtree(target, ignore_errors=True)
        shutil.copytree(root / theme["custom_dir"], target)
        for name in LEFT_OUT_THEME:
            (target / name).unlink(missing_ok=True)
        theme["custom_dir"] = "theme"
    theme["features"] = [f for f in theme.get("features") or []
                         if f != "content.action.edit"]
    settings.update(docs_dir="docs", site_dir="site", theme=theme, plugins=[
        p for p in settings.get("plugins") or [] if p != "watwerkt" and "watwerkt" not in p])
    (work / "mkdocs.yml").write_text(yaml.safe_dump(settings, allow_unicode=True,
                                                    sort_keys=False), encoding="utf-8")
    return []


def expected_outputs(docs: Path) -> list[str]:
    """Every file the site must have for the docs folder: a page per .md, the others as is."""
    found = []
    for path in sorted(p for p in docs.rglob("*") if p.is_file()):
        name = path.relative_to(docs).as_posix()
        found.append(page_url(name, DIRECTORY) + "index.html" if name.endswith(".md")
                     else name)
    return found


def run_zensical(work: Path, python: str = sys.executable) -> subprocess.CompletedProcess:
    """`zensical build` of the project in `work` (with the interpreter that has Zensical)."""
    shutil.rmtree(work / "site", ignore_errors=True)
    return subprocess.run([python, "-m", "zensical", "build", "-f", "mkdocs.yml"], cwd=work,
                          capture_output=True, text=True, timeout=600)


def inspect_output(work: Path, site_url: str | None) -> ExperimentReport:
    """Guard and check the built site in `work/site` against the docs folder."""
    docs, site = work / "docs", work / "site"
    report = ExperimentReport(expected=expected_outputs(docs))
    report.missing = [name for name in report.expected if not (site / name).is_file()]
    entries = entry_outputs([p.relative_to(docs).as_posix() for p in docs.rglob("*.md")])
    report.warnings = guard_output(site, entries, hand_outputs(docs)).warnings
    report.broken = check_links(site, site_url)
    report.pages_built = sum(1 for _ in site.rglob("*.html"))
    return report


def main(argv: list[str] | None = None) -> int:
    """`python -m generator.renderers.zensical_experiment [--root .] [--work DIR] [--zensical-python
    PY] [--today JJJJ-MM-DD]`: 0 when the site is complete with 0 broken links, else 1."""
    import argparse

    from generator.core.dates import resolve_build_date

    parser = argparse.ArgumentParser(prog="zensical-experiment")
    parser.add_argument("--root", default=".")
    parser.add_argument("--work", default="build/zensical")
    parser.add_argument("--zensical-python", default=sys.executable)
    parser.add_argument("--today")
    args = parser.parse_args(argv)
    root, work = Path(args.root).resolve(), Path(args.work).resolve()
    errors = prepare_project(root, work, resolve_build_date(args.today))
    if errors:
        print("De inhoud bevat fouten; eerst watwerkt check:", *errors, sep="\n  ")
        return 1
    built = run_zensical(work, args.zensical_python)
    print(built.stdout.strip(), built.stderr.strip(), sep="\n")
    if built.returncode != 0:
        print(f"Zensical brak de bouw af (afsluitcode {built.returncode}).")
        return 1
    report = inspect_output(work, read_settings(root).get("site_url"))
    print(*report.lines(), sep="\n")
    print(f"Site: {work / 'site'}")
    return 0 if report.complete else 1


if __name__ == "__main__":
    raise SystemExit(main())
