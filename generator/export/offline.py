"""The offline export: the whole site as one zip that works from file:// without any network.

MkDocs builds the site with file URLs (links end in .html) and Material's `offline` plugin,
which inlines the search index as a script so that search works without a server. Material's
search runs in a Web Worker, which a page opened from file:// may not start; that plugin would
load a stand-in from a CDN. We ship our own (generator/assets/file-worker.js, installed with
the Python package, so no Node.js is needed) and name it in `extra.polyfills`, so the plugin
leaves it alone. Hooks (generator/export/offline_hooks.py) point the canonical links at the online
addresses and make the 404 page work from file://. The result is checked for anything that
would load from outside before it is zipped, and the zip is byte-for-byte the same for the same
content and date.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import tempfile
import zipfile
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from generator.core.dates import format_date_nl
from generator.export.offline_hooks import SHIM_DIR, SHIM_NAME
from generator.output.hand_copy import copy_hand_files
from generator.renderers.mkdocs.run import BuildOutcome, build_site

HOOKS = Path(__file__).resolve().parent / "offline_hooks.py"
# Not part of the offline copy: the CMS needs the online repository, and sitemaps only list
# online addresses.
LEFT_OUT = ("admin", "sitemap.xml", "sitemap.xml.gz")
# What makes a browser load something by itself (a canonical <link> or an <a href> does not).
LOADING_ATTRS = {"script": ("src",), "img": ("src", "srcset"), "iframe": ("src",),
                 "source": ("src", "srcset"), "video": ("src", "poster"), "audio": ("src",),
                 "track": ("src",), "embed": ("src",), "object": ("data",), "input": ("src",)}
LOADING_RELS = {"stylesheet", "preload", "prefetch", "preconnect", "dns-prefetch", "icon",
                "modulepreload", "manifest", "apple-touch-icon"}
_CSS_URL_RE = re.compile(r"url\(\s*[\"']?\s*((?:https?:)?//[^)\"'\s]+)", re.IGNORECASE)


@dataclass
class ExportOutcome(BuildOutcome):
    zip_path: Path | None = None
    size: int = 0


def folder_name(build_date: dt.date) -> str:
    """The one folder in the zip, also the zip's file name without '.zip'."""
    return f"watwerkt-offline-{build_date.isoformat()}"


def default_zip_path(root: Path, build_date: dt.date) -> Path:
    return root / "dist" / f"{folder_name(build_date)}.zip"


def export_offline(root: Path, out_zip: Path, build_date: dt.date) -> ExportOutcome:
    """Check the content, build the offline site and write it to `out_zip`; an existing zip is
    replaced only when the new one is complete."""
    if not (root / "mkdocs.yml").is_file():
        return ExportOutcome(False, usage_error=f"in '{root}' staat geen mkdocs.yml.")
    config = read_config(root)
    with tempfile.TemporaryDirectory(prefix="watwerkt-offline-") as tmp:
        docs = stage_docs(root, config, Path(tmp) / "pages")
        site = Path(tmp) / folder_name(build_date)
        built = build_site(root, site, build_date, docs_dir=str(docs),
                           **offline_overrides(config, build_date))
        if not built.ok:
            return ExportOutcome(False, report=built.report, failure=built.failure,
                                 usage_error=built.usage_error)
        prune(site)
        outside = outside_references(site)
        if outside:
            listed = "\n".join(f"  {page}: {url}" for page, url in outside)
            return ExportOutcome(False, report=built.report, failure=(
                "deze pagina's laden iets van buiten, wat offline niet kan:\n" + listed))
        write_zip(site, out_zip, build_date)
    return ExportOutcome(True, built.report, pages=built.pages, zip_path=out_zip,
                         size=out_zip.stat().st_size)


def read_config(root: Path) -> dict:
    """mkdocs.yml as written (MkDocs' own YAML loader: !ENV and INHERIT work)."""
    from generator.renderers.mkdocs import runtime

    runtime.activate()
    from mkdocs.utils.yaml import yaml_load

    with open(root / "mkdocs.yml", "rb") as handle:
        return yaml_load(handle) or {}


def stage_docs(root: Path, config: dict, target: Path) -> Path:
    """The hand-written pages, as the export's docs_dir: only what the publishing policy lets
    through (no links, no scripts, inert media). Our worker stand-in is not among them: it is
    ours, not the editors', and offline_hooks.on_files adds it as a generated file."""
    copy_hand_files(root, str(config.get("docs_dir") or "docs"), target)
    target.mkdir(parents=True, exist_ok=True)
    return target


def offline_overrides(config: dict, build_date: dt.date) -> dict:
    """MkDocs settings for the export, merged into those of mkdocs.yml (MkDocs replaces a
    list or mapping given as an override as a whole)."""
    plugins = list(config.get("plugins") or [])
    if not any(_plugin_name(p) == "offline" for p in plugins):
        plugins.append("offline")
    extra = dict(config.get("extra") or {})
    extra["polyfills"] = [*extra.get("polyfills", []), f"{SHIM_DIR}/{SHIM_NAME}"]
    # Read by theme/partials/ww/announce.html: only the export shows the banner.
    extra["offline_export"] = {"date": format_date_nl(build_date),
                               "date_iso": build_date.isoformat()}
    overrides = {"use_directory_urls": False, "plugins": plugins, "extra": extra,
                 # No repository links: offline readers cannot edit, and Material would ask
                 # the repository host for its star count.
                 "repo_url": "", "edit_uri": "",
                 "hooks": [*(config.get("hooks") or []), str(HOOKS)]}
    theme = config.get("theme")
    features = theme.get("features", []) if isinstance(theme, dict) else []
    if any(str(f).startswith("navigation.instant") for f in features):
        # Instant loading fetches pages with XHR, which file:// does not allow.
        overrides["theme"] = {**theme, "features": [
            f for f in features if not str(f).startswith("navigation.instant")]}
    return overrides


def _plugin_name(entry) -> str:
    return next(iter(entry)) if isinstance(entry, dict) else str(entry)


def prune(site: Path) -> None:
    """Remove what does not belong in the offline copy."""
    for name in LEFT_OUT:
        path = site / name
        if path.is_dir():
            shutil.rmtree(path)
        elif path.exists():
            path.unlink()


def outside_references(site: Path) -> list[tuple[str, str]]:
    """(file, URL) for everything a page or stylesheet would load from outside by itself."""
    found = []
    for path in sorted(site.rglob("*")):
        if path.suffix not in (".html", ".css") or not path.is_file():
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        urls = _css_urls(text) if path.suffix == ".css" else _html_loads(text)
        found += [(path.relative_to(site).as_posix(), url) for url in urls if _is_outside(url)]
    return found


def _is_outside(url: str) -> bool:
    return url.strip().lower().startswith(("http:", "https:", "//"))


def _css_urls(text: str) -> list[str]:
    return _CSS_URL_RE.findall(text)


def _html_loads(text: str) -> list[str]:
    collector = _LoadCollector()
    collector.feed(text)
    collector.close()
    return collector.urls


class _LoadCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.urls: list[str] = []
        self.in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.in_style = tag == "style"
        values = {name: value or "" for name, value in attrs}
        if tag == "link" and LOADING_RELS & set(values.get("rel", "").lower().split()):
            self.urls.append(values.get("href", ""))
        for name in LOADING_ATTRS.get(tag, ()):
            # srcset lists "url width" pairs separated by commas
            parts = values.get(name, "").split(",") if name == "srcset" else [values.get(name)]
            self.urls += [part.split()[0] for part in parts if part and part.split()]
        if "style" in values:
            self.urls += _css_urls(values["style"])

    def handle_endtag(self, tag: str) -> None:
        self.in_style = False

    def handle_data(self, data: str) -> None:
        if self.in_style:
            self.urls += _css_urls(data)


def write_zip(site: Path, out_zip: Path, build_date: dt.date) -> None:
    """Zip `site` as one folder of that name: sorted names, fixed dates and modes, so the
    same site gives the same bytes. Written beside the target, then moved into place."""
    stamp = (max(build_date.year, 1980), build_date.month, build_date.day, 0, 0, 0)
    names = sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file())
    out_zip.parent.mkdir(parents=True, exist_ok=True)
    # Not mkstemp: its file is private (0600); this one gets the usual mode from the umask.
    tmp_name = out_zip.with_name(f".{out_zip.name}.{os.getpid()}.tmp")
    try:
        with zipfile.ZipFile(tmp_name, "w") as archive:
            for name in names:
                info = zipfile.ZipInfo(f"{site.name}/{name}", date_time=stamp)
                info.compress_type = zipfile.ZIP_DEFLATED
                info.create_system = 3  # Unix, so that the mode below is read
                info.external_attr = 0o644 << 16
                archive.writestr(info, (site / name).read_bytes(), compresslevel=9)
        os.replace(tmp_name, out_zip)
    except BaseException:
        tmp_name.unlink(missing_ok=True)
        raise
