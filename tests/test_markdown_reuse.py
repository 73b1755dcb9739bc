"""One Python-Markdown instance per build (generator/speed/markdown_reuse.py): what one page defines
(abbreviations, reference links, footnotes, heading ids) never reaches the next page, and the
site is the same to the byte as with an instance per page."""

from __future__ import annotations

from pathlib import Path

import markdown
import yaml
from conftest import REPO, files_below

from generator.renderers.mkdocs import runtime
from generator.speed.markdown_reuse import reused_markdown

# Each page defines what the next one only uses: an abbreviation, a reference link, a footnote,
# a heading id that toc would make unique within one document.
PAGES = {
    "index.md": "# Start\n\n## Doel\n\nHTML[^1] en [de site][site].\n\n*[HTML]: Hypertext\n\n"
                "[site]: https://example.org/\n\n[^1]: Een voetnoot.\n",
    "tweede.md": "# Tweede\n\n## Doel\n\nHTML[^1] en [de site][site].\n\n## Doel\n\nNog eens.\n",
    "derde.md": "# Derde\n\n```html\n<b>code</b>\n```\n\n!!! note \"Let op\"\n    Tekst.\n\n"
                "Term\n:   Uitleg\n\n| a | b |\n|---|---|\n| 1 | 2 |\n",
    "vierde.md": "# Vierde\n\n## Doel\n\n*[HTML]: Anders\n\nHTML[^x].\n\n[^x]: Tweede noot.\n",
}


def plain_project(root: Path) -> Path:
    """A plain MkDocs project with the repository's Markdown extensions and PAGES."""
    ours = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    (root / "docs").mkdir(parents=True)
    for name, text in PAGES.items():
        (root / "docs" / name).write_text(text, encoding="utf-8")
    config = {"site_name": "Proef", "theme": {"name": "material"},
              "markdown_extensions": ours["markdown_extensions"]}
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    return root


def build_plain(root: Path, reuse: bool) -> dict[str, bytes]:
    runtime.activate()  # under ProperDocs, `mkdocs` names its modules from here on
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    config = load_config(config_file=str(root / "mkdocs.yml"),
                         site_dir=str(root / f"site-{reuse}"))
    config.plugins.on_startup(command="build", dirty=False)
    if reuse:
        with reused_markdown():
            build(config)
    else:
        build(config)
    return files_below(root / f"site-{reuse}")


def test_what_one_page_defines_does_not_reach_the_next(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1795000000")  # the sitemap has the build date
    root = plain_project(tmp_path)
    converting = []  # the instance that converts each page
    convert = markdown.Markdown.convert
    monkeypatch.setattr(markdown.Markdown, "convert",
                        lambda self, text: converting.append(self) or convert(self, text))
    reused = build_plain(root, reuse=True)
    assert len(converting) == len(PAGES) and len(set(map(id, converting))) == 1
    converting.clear()
    fresh = build_plain(root, reuse=False)
    assert len(converting) == len(PAGES) and len(set(map(id, converting))) == len(PAGES)
    html_pages = [name for name in fresh if name.endswith(".html")]
    assert len(html_pages) >= len(PAGES)
    assert [name for name in fresh if reused.get(name) != fresh[name]] == []
    second = reused["tweede/index.html"].decode()
    assert "<abbr" not in second and "example.org" not in second and 'id="fn:1"' not in second
    assert 'id="doel"' in second and 'id="doel_1"' in second
