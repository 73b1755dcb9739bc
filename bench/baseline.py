"""The baselines the build is compared with: the same pages as a plain Material project.

    python bench/baseline.py CORPUS OUT [--nav all|top] [--today 2026-11-22]

With `--pages bodies` (what bench/run.py compares with) the pages are the editors' own titles
and bodies at their addresses, plus the hand-written pages: what a user would build from the
same content without this project. With `--pages rendered` they are exactly what `watwerkt
build` hands to MkDocs (fact cards, overviews, lists). Either way OUT/docs gets a plain
mkdocs.yml: Material with its search plugin and our Markdown extensions, but no watwerkt
plugin, no custom_dir and no check.

- `--nav all`: every page listed in `nav`, which is what a user gets without this project
  (Material renders the whole navigation into every page: quadratic in the number of pages).
- `--nav top`: only the seven top-level pages in `nav`, like our mkdocs.yml; the floor MkDocs
  and Material set for rendering these pages at all.
"""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
import sys
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from generator.content.load import load_sources  # noqa: E402
from generator.pipeline import check_project  # noqa: E402
from generator.render import render_site  # noqa: E402
from generator.render.common import DIRECTORY, Site  # noqa: E402

# What we keep from the project's mkdocs.yml: the same Markdown, language and search.
KEPT_KEYS = ("site_name", "site_url", "use_directory_urls", "markdown_extensions")


def body_pages(corpus: Path) -> dict[str, str]:
    """The editors' own text as plain Material pages: each entry's title and body at its
    address, no fact card, overviews or lists (what a user writing these entries by hand in
    a plain MkDocs project would build)."""
    sources, _ = load_sources(corpus)
    folders = {"intervention": "interventies", "dossier": "dossiers"}
    return {f"{folders[s.kind]}/{s.slug}.md": f"# {s.data['title']}\n\n{s.body}"
            for s in sources if s.data}


def write_plain_project(corpus: Path, out: Path, nav: str, today: dt.date,
                        pages_from: str = "rendered") -> int:
    """Write OUT/mkdocs.yml and OUT/docs; returns the number of Markdown pages.
    `pages_from`: 'rendered' (what watwerkt build hands to MkDocs) or 'bodies' (body_pages)."""
    result = check_project(corpus, today)
    if result.failed():
        raise SystemExit(f"{corpus} has content errors: run watwerkt check")
    project = yaml.load((corpus / "mkdocs.yml").read_text(encoding="utf-8"),
                        Loader=yaml.SafeLoader)
    site = Site(url_style=DIRECTORY, site_url=project.get("site_url"))
    pages = render_site(result.catalog, site) if pages_from == "rendered" else body_pages(corpus)
    if out.exists():
        shutil.rmtree(out)
    docs = out / "docs"
    shutil.copytree(corpus / project.get("docs_dir", "docs"), docs)
    for src, text in pages.items():
        target = docs / src
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    markdown_pages = sorted(str(p.relative_to(docs)) for p in docs.rglob("*.md"))
    config = {key: project[key] for key in KEPT_KEYS if key in project}
    config.update({
        "docs_dir": "docs", "site_dir": "site",
        "theme": {"name": "material", "language": "nl", "font": False},
        "plugins": [{"search": {"lang": "nl"}}],
        "validation": {"nav": {"omitted_files": "ignore"}},
    })
    if nav == "all":
        config["nav"] = markdown_pages
    else:  # the top-level pages that exist (the overviews only in --pages rendered)
        config["nav"] = [item for item in project["nav"]
                         if (docs / next(iter(item.values()))).is_file()]
    (out / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False),
                                    encoding="utf-8")
    return len(markdown_pages)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--nav", choices=("all", "top"), default="all")
    parser.add_argument("--pages", choices=("rendered", "bodies"), default="rendered",
                        help="our rendered pages, or only the editors' titles and bodies")
    parser.add_argument("--today", type=dt.date.fromisoformat, default=dt.date(2026, 11, 22))
    args = parser.parse_args(argv)
    count = write_plain_project(args.corpus.resolve(), args.out.resolve(), args.nav, args.today,
                                args.pages)
    print(f"{count} pagina's in {args.out} (nav: {args.nav})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
