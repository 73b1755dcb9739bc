"""Valid content files to start from, and the in-memory pipeline the reliability tests drive:
bytes -> load -> validate -> catalog -> render -> Python-Markdown -> sanitizer."""

from __future__ import annotations

import datetime as dt
import functools
import shutil
from dataclasses import dataclass
from pathlib import Path

import yaml

from generator.check.validate import validate_all
from generator.content.catalog import Catalog, build_catalog
from generator.content.load import Source, parse_source
from generator.content.vocab import Vocabularies, load_vocabularies
from generator.core.issues import Issue, Severity
from generator.core.schema import REQUIRED_SECTIONS
from generator.render import render_site
from generator.render.common import Site

REPO = Path(__file__).resolve().parents[2]
TODAY = dt.date(2026, 11, 22)
SITE = Site(repo_url="https://github.com/example/wat-werkt", edit_uri="edit/main/",
            site_url="https://watwerkt.example.org/")


def intervention(**overrides) -> dict:
    """The frontmatter of a valid intervention; `overrides` replace top-level keys."""
    data = {
        "title": "Buurtbemiddeling", "summary": "Buren lossen samen een conflict op.",
        "themes": ["wijkontwikkeling"], "target_groups": ["buurtbewoners"],
        "recognition": {"level": "goed-onderbouwd", "assessed_on": dt.date(2023, 5, 12),
                        "assessed_by": "erkenningscommissie"},
        "owner": {"organisation": "Stichting Voorbeeld", "website": "https://www.example.org",
                  "email": "info@example.org"},
        "criteria": {"handbook": True, "in_practice_since": 2012, "organisations": 14},
        "last_reviewed": dt.date(2026, 3, 1),
    }
    data.update(overrides)
    return data


def dossier(**overrides) -> dict:
    """The frontmatter of a valid dossier."""
    data = {"title": "Wat werkt bij eenzaamheid", "summary": "Wat helpt tegen eenzaamheid.",
            "themes": ["eenzaamheid"], "published": dt.date(2024, 6, 1),
            "authors": ["Anna de Vries"]}
    data.update(overrides)
    return data


def body(kind: str, extra: str = "", section: int = 0) -> str:
    """A body with every required section filled; `extra` goes into section number `section`."""
    parts = []
    for index, title in enumerate(REQUIRED_SECTIONS[kind]):
        parts.append(f"## {title}\n\nTekst over {title.lower()}.\n")
        if index == section and extra:
            parts.append(f"\n{extra}\n")
    return "\n".join(parts)


class _PlainDumper(yaml.SafeDumper):
    """Writes a value twice rather than as an &anchor/*alias (which the loader refuses)."""

    def ignore_aliases(self, data: object) -> bool:
        return True


def document(data: object, text: str) -> bytes:
    """A content file: YAML frontmatter between '---' lines, then the body."""
    front = yaml.dump(data, Dumper=_PlainDumper, allow_unicode=True, sort_keys=False,
                      width=10_000)
    return f"---\n{front}---\n{text}".encode()


@functools.cache
def vocabularies() -> Vocabularies:
    vocab, issues = load_vocabularies(REPO)
    assert not issues
    return vocab


@dataclass
class Outcome:
    sources: list[Source]
    issues: list[Issue]
    catalog: Catalog
    pages: dict[str, str]

    def errors(self, path: str | None = None) -> list[Issue]:
        return [i for i in self.issues if i.severity is Severity.ERROR
                and (path is None or i.path == path)]


def run_pipeline(files: dict[str, bytes], today: dt.date = TODAY) -> Outcome:
    """Load, validate, catalogue and render in memory; {'interventions/x.md': bytes}."""
    sources, issues = [], []
    for relative, raw in sorted(files.items()):
        kind = "intervention" if relative.startswith("interventions/") else "dossier"
        source, found = parse_source(raw, relative, kind)
        issues += found
        if source is not None:
            sources.append(source)
    validated = validate_all(sources, vocabularies(), today)
    issues += validated.issues
    catalog = build_catalog(validated.interventions, validated.dossiers, vocabularies(), today)
    return Outcome(sources, issues, catalog, render_site(catalog, SITE))


@functools.cache
def _markdown_config() -> tuple[list, dict]:
    config = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8")
                            .replace("!!python/name:", "tag-"))
    names, options = [], {}
    for item in config.get("markdown_extensions", []):
        name, settings = next(iter(item.items())) if isinstance(item, dict) else (item, None)
        names.append(name)
        if settings:
            options[name] = settings
    return names, options


def to_html(markdown_text: str) -> str:
    """The page HTML as MkDocs makes it: mkdocs.yml's Markdown extensions, header stripped."""
    import markdown

    names, options = _markdown_config()
    text = markdown_text.split("---\n", 2)[2] if markdown_text.startswith("---\n") \
        else markdown_text
    return markdown.Markdown(extensions=names, extension_configs=options).convert(text)


def make_project(root: Path) -> Path:
    """An empty project beside the real one: configuration, theme, pages, vocabularies."""
    root.mkdir(parents=True, exist_ok=True)
    for name in ("mkdocs.yml", "vocabularies.yml"):
        shutil.copy2(REPO / name, root / name)
    for name in ("theme", "pages"):
        shutil.copytree(REPO / name, root / name)
    if (REPO / "node_modules").is_dir():
        (root / "node_modules").symlink_to(REPO / "node_modules")
    (root / "interventions").mkdir()
    (root / "dossiers").mkdir()
    return root


def write_files(root: Path, files: dict[str, bytes]) -> None:
    for relative, raw in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(raw)


def build(root: Path, out: Path, strict: bool = False, today: dt.date = TODAY):
    """`watwerkt build` in this process (so tests can patch a stage); returns the outcome."""
    from generator.renderers.mkdocs.run import build_site

    return build_site(root, out, today, strict=strict)
