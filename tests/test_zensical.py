"""The Zensical experiment (generator/renderers/zensical_experiment.py): the `watwerkt render`
folder
built by Zensical, guarded and link-checked. Zensical is not a dependency of this project: the
tests run where it can be imported, or where ZENSICAL_PYTHON names an interpreter that has it
(scripts/zensical-experiment.sh installs one), and are skipped with the reason otherwise."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys

import pytest
from built_sites import make_site_project
from conftest import BUILD_DATE, DOSSIER, INTERVENTION, REPO

from generator.content.settings import read_settings
from generator.renderers.zensical_experiment import inspect_output, prepare_project, run_zensical


def zensical_python() -> str | None:
    candidate = os.environ.get("ZENSICAL_PYTHON")
    if candidate:
        found = subprocess.run([candidate, "-c", "import zensical"], capture_output=True)
        return candidate if found.returncode == 0 else None
    return sys.executable if importlib.util.find_spec("zensical") else None


PYTHON = zensical_python()
pytestmark = pytest.mark.skipif(
    PYTHON is None, reason="Zensical is niet geïnstalleerd (pip install zensical==0.0.73, of "
    "ZENSICAL_PYTHON=<python met zensical>; scripts/zensical-experiment.sh doet beide)")


def build(root, work):
    assert prepare_project(root, work, BUILD_DATE) == []
    built = run_zensical(work, PYTHON)
    assert built.returncode == 0, built.stdout + built.stderr
    return inspect_output(work, read_settings(root).get("site_url"))


def test_the_shipped_site_builds_whole_with_no_broken_link(tmp_path):
    report = build(REPO, tmp_path / "zensical")
    assert len(report.expected) > 70
    assert report.missing == []
    assert report.broken == []
    assert report.warnings == []
    assert report.complete
    site = tmp_path / "zensical" / "site"
    page = (site / "interventies/buurtbemiddeling/index.html").read_text(encoding="utf-8")
    assert "ww-factcard" in page and 'id="titel"' in page
    # The edit link names the content file, not the generated page (entities: Zensical's
    # template engine escapes '/').
    assert "interventions&#x2f;buurtbemiddeling.md" in page
    assert "edit&#x2f;main&#x2f;interventies" not in page


def test_a_broken_link_in_the_content_is_reported_not_hidden(tmp_path):
    body = INTERVENTION.replace("Buren lossen een conflict samen op",
                                "Zie [de oude pagina](/bestaat-niet/). Buren lossen")
    root = make_site_project(tmp_path / "project", {
        "interventions/buurtbemiddeling.md": body, "dossiers/eenzaamheid.md": DOSSIER})
    report = build(root, tmp_path / "zensical")
    assert report.missing == []
    assert [b.url for b in report.broken] == ["/bestaat-niet/"]
    assert not report.complete
    assert "kapotte links: 1" in report.lines()[0]
