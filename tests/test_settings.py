"""generator/content/settings.py, the one reader of mkdocs.yml outside the renderer: it reads
what MkDocs reads (!ENV, INHERIT) without running code, so `watwerkt build`, `render` and
`schema` agree on every setting."""

from __future__ import annotations

import json
import shutil

from conftest import REPO, TODAY, run_cli

from generator.content.settings import markdown_extensions, merged, read_settings
from generator.renderers.mkdocs import runtime


def write(root, text: str, name: str = "mkdocs.yml"):
    root.mkdir(parents=True, exist_ok=True)
    (root / name).write_text(text, encoding="utf-8")
    return root


def mkdocs_reading(root) -> dict:
    """MkDocs' own YAML loader (which also resolves !ENV and INHERIT), as the reference."""
    runtime.activate()
    from mkdocs.utils.yaml import yaml_load

    with open(root / "mkdocs.yml", "rb") as handle:
        return yaml_load(handle) or {}


ENV_CASES = """\
site_name: !ENV [NAAM_NIET_GEZET, Wat Werkt]
site_url: !ENV WW_SITE_URL
repo_url: !ENV [WW_NIET, WW_REPO, https://example.org/standaard]
copyright: !ENV NIET_GEZET_ZONDER_STANDAARD
extra:
  aantal: !ENV [WW_AANTAL, 3]
  vlag: !ENV WW_VLAG
"""


def test_environment_values_are_read_as_mkdocs_reads_them(tmp_path, monkeypatch):
    root = write(tmp_path / "p", ENV_CASES)
    monkeypatch.setenv("WW_SITE_URL", "https://watwerkt.example/")
    monkeypatch.setenv("WW_REPO", "https://github.com/org/repo")
    monkeypatch.setenv("WW_AANTAL", "12")
    monkeypatch.setenv("WW_VLAG", "true")
    ours = read_settings(root)
    assert ours == mkdocs_reading(root)
    assert ours["site_url"] == "https://watwerkt.example/" and ours["extra"]["aantal"] == 12
    assert ours["site_name"] == "Wat Werkt" and ours["copyright"] is None
    assert ours["extra"]["vlag"] is True


def test_inherit_merges_mappings_and_replaces_everything_else(tmp_path):
    root = tmp_path / "p"
    write(root, "site_name: Basis\nextra:\n  a: 1\n  b: {c: 2, d: 3}\nnav: [een.md]\n",
          "basis.yml")
    write(root, "INHERIT: basis.yml\nextra:\n  b: {d: 4}\nnav: [twee.md]\n")
    ours = read_settings(root)
    assert ours == mkdocs_reading(root)
    assert ours == {"site_name": "Basis", "extra": {"a": 1, "b": {"c": 2, "d": 4}},
                    "nav": ["twee.md"]}


def test_no_code_runs_and_broken_or_looping_files_give_nothing(tmp_path):
    root = write(tmp_path / "p", "markdown_extensions:\n  - pymdownx.emoji:\n"
                 "      emoji_index: !!python/name:os.system\n"
                 "      options: !!python/object/apply:os.system ['echo gehackt']\n")
    extension = read_settings(root)["markdown_extensions"][0]["pymdownx.emoji"]
    assert extension == {"emoji_index": None, "options": None}
    assert read_settings(write(tmp_path / "kapot", "site_name: [niet gesloten\n")) == {}
    assert read_settings(tmp_path / "leeg") == {}
    looping = write(tmp_path / "lus", "INHERIT: mkdocs.yml\nsite_name: Lus\n")
    assert read_settings(looping)["site_name"] == "Lus"


def test_merge_and_extensions_helpers():
    assert merged({"a": {"b": 1}, "c": [1]}, {"a": {"d": 2}, "c": [2]}) == {
        "a": {"b": 1, "d": 2}, "c": [2]}
    names, configs = markdown_extensions({"markdown_extensions": [
        "tables", {"toc": {"permalink": True}}, {"footnotes": None}]})
    assert names == ["tables", "toc", "footnotes"]
    assert configs == {"toc": {"permalink": True}, "footnotes": {}}
    assert markdown_extensions({})[0] == ["toc"]


def test_build_render_and_schema_agree_on_a_site_url_from_the_environment(tmp_path):
    root = tmp_path / "project"
    root.mkdir()
    for name in ("mkdocs.yml", "vocabularies.yml", "theme", "pages", "interventions",
                 "dossiers"):
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, root / name)
        else:
            shutil.copy(source, root / name)
    config = (root / "mkdocs.yml").read_text(encoding="utf-8")
    lines = [line for line in config.splitlines() if not line.startswith("site_url:")]
    (root / "mkdocs.yml").write_text("site_url: !ENV [WW_ADRES, https://fout.example/]\n"
                                     + "\n".join(lines) + "\n", encoding="utf-8")
    env = {"WW_ADRES": "https://goed.example/watwerkt/"}
    done = run_cli("schema", "--root", str(root), "--out", str(tmp_path / "schema"), env=env)
    assert done.returncode == 0, done.stderr
    schema = json.loads((tmp_path / "schema" / "intervention.schema.json").read_text())
    assert schema["$id"].startswith("https://goed.example/watwerkt/")
    done = run_cli("render", "--root", str(root), "--out", str(tmp_path / "docs"), "--today",
                   TODAY, env=env)
    assert done.returncode == 0, done.stderr
    feed = (tmp_path / "docs" / "feed.xml").read_text(encoding="utf-8")
    assert "https://goed.example/watwerkt/" in feed and "fout.example" not in feed
