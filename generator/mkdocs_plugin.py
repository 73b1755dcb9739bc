"""The one adapter between the core and MkDocs: `mkdocs build`/`serve` and `watwerkt build`.

It only delegates: check the content (errors abort the build with the Dutch report, warnings
are MkDocs warnings so --strict fails on them, notices are information), render the pages and
hand them to MkDocs as generated files, and make the build atomic.
"""

from __future__ import annotations

import logging
import os
import secrets
import shutil
import tempfile
from pathlib import Path

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files
from mkdocs.structure.toc import AnchorLink

from generator.audit import load_audit
from generator.dates import resolve_build_date
from generator.finish_html import finish_page
from generator.history import load_history
from generator.html_blocks import HtmlBlocks
from generator.issues import Severity
from generator.linkcheck import check_links
from generator.pipeline import CheckResult, check_project
from generator.render import render_site
from generator.render.common import DIRECTORY, FILE, Site
from generator.report import format_text
from generator.sanitize import removed_message, sanitize_html

log = logging.getLogger("mkdocs.plugins.watwerkt")

ENTRY_SOURCES = {"interventies/": "interventions/", "dossiers/": "dossiers/"}
WATCHED = ("interventions", "dossiers", "vocabularies.yml")


class WatWerktConfig(Config):
    # Folder of hand-written pages (the docs_dir), relative to the repository, for edit links.
    pages_dir = c.Type(str, default="pages")


class WatWerktPlugin(BasePlugin[WatWerktConfig]):
    # `watwerkt build` hands over the check it already ran, so the content is read once.
    preloaded: CheckResult | None = None

    def __init__(self) -> None:
        super().__init__()
        self.command = "build"
        self.final_site_dir: str | None = None
        self.temp_site_dir: str | None = None
        self.result: CheckResult | None = None
        self.warnings = _WarningCounter()
        # Under `serve`: the pages of the previous rebuild and the theme context they saw.
        self.previous_pages: dict[str, str] = {}
        self.previous_context: str | None = None
        # Our template HTML skips Python-Markdown (generator/html_blocks.py). The marker is a
        # secret, so an editor's text cannot pose as our HTML; it lives as long as the plugin,
        # so the pages of a `serve` rebuild compare equal to those of the previous one.
        self.html_blocks = HtmlBlocks(marker=f"ww{secrets.token_hex(12)}")

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.command = command

    def on_config(self, config):
        self.root = Path(config.config_file_path or ".").resolve().parent
        if self.command == "build":
            # Build into a sibling temporary folder; on_post_build swaps it in only on success.
            self.final_site_dir = config.site_dir
            parent = Path(config.site_dir).resolve().parent
            parent.mkdir(parents=True, exist_ok=True)
            config.site_dir = tempfile.mkdtemp(prefix=".site-build-", dir=parent)
            self.temp_site_dir = config.site_dir
            # MkDocs aborts a strict build only after on_post_build: count warnings ourselves
            # so that a failing strict build never replaces the previous site.
            self.warnings.reset()
            if config.strict:
                logging.getLogger("mkdocs").addHandler(self.warnings)
        return config

    def on_files(self, files: Files, *, config) -> Files:
        result = self.preloaded or check_project(self.root, resolve_build_date())
        self.preloaded = None  # a rebuild under `serve` must read the files again
        self.result = result
        _log_issues(result)
        config.extra["watwerkt_preview_errors"] = None
        if result.failed():
            report = format_text(result.issues, result.files_checked)
            if self.command != "serve":
                raise PluginError("De inhoud bevat fouten; de site is niet gebouwd.\n\n" + report)
            # The local preview keeps working: files with errors are left out (the validator
            # never passes them on) and every page shows the report, so the editor sees it.
            log.error("De inhoud bevat fouten:\n\n%s", report)
            config.extra["watwerkt_preview_errors"] = _error_lines(result)
        for file in files:
            if file.generated_by is None:
                file.edit_uri = f"{self.config.pages_dir}/{file.src_uri}"
        site = Site(url_style=DIRECTORY if config.use_directory_urls else FILE,
                    repo_url=config.repo_url, edit_uri=config.edit_uri, site_url=config.site_url,
                    site_name=config.site_name,
                    data_license=config.extra.get("open_data_license"),
                    data_license_url=config.extra.get("open_data_license_url"),
                    history=load_history(self.root), html_marker=self.html_blocks.marker,
                    audit=load_audit(self.root))
        rendered = render_site(result.catalog, site)
        unchanged = self._unchanged_pages(rendered, config)
        for src_uri, text in rendered.items():
            if src_uri.endswith(".md"):
                text = self.html_blocks.take_out(src_uri, text)
            file = File.generated(config, src_uri, content=text)
            if src_uri in unchanged:
                file.is_modified = _not_modified  # the dirty rebuild of `serve` skips it
            file.edit_uri = _source_path(src_uri)
            if src_uri in files.src_uris:
                files.remove(files.src_uris[src_uri])
            files.append(file)
        return files

    def _unchanged_pages(self, rendered: dict[str, str], config) -> set[str]:
        """Under `serve`, which rebuilds dirty: the pages whose text and theme context (the
        `extra` config, where the preview's error list lives) are those of the previous
        rebuild. MkDocs neither converts nor writes them again: saving one intervention
        rebuilds a handful of pages instead of the whole site."""
        if self.command != "serve":
            return set()
        # A saved mkdocs.yml (theme features, CSS, navigation) changes every page too.
        context = repr((dict(config.extra), _stamp(getattr(config, "config_file_path", None))))
        previous, same_context = self.previous_pages, context == self.previous_context
        self.previous_pages, self.previous_context = rendered, context
        if not same_context:
            return set()
        return {src for src, text in rendered.items() if previous.get(src) == text}

    def on_serve(self, server, *, config, builder):
        for name in WATCHED:
            if (self.root / name).exists():
                server.watch(str(self.root / name))
        return server

    def on_page_content(self, html: str, *, page, config, files) -> str:
        html = self._sanitized(html, page)
        html, missing = self.html_blocks.put_back(page.file.src_uri, html)
        if missing:
            where = _source_path(page.file.src_uri) or page.file.src_uri
            log.warning(f"Op de pagina van '{where}' ontbreken {missing} blokken van het "
                        "sjabloon (zoals de feitenkaart): de tekst heeft ze opgeslokt. Zoek in "
                        "de tekst naar een HTML-tag die niet wordt afgesloten, zoals een <div> "
                        "zonder </div>, en sluit hem af.")
        if 'id="titel"' in html and not any(item.level == 1 for item in page.toc):
            # Material's skip link goes to the first toc entry. Our titles are HTML: put the
            # title first, as a Markdown '# title' would be (Material's toc leaves it out).
            title = AnchorLink(page.title, "titel", 1)
            title.children, page.toc.items = page.toc.items, [title]
        return html

    def on_post_page(self, output: str, *, page, config) -> str:
        # The card and link lists the search index leaves out: after the search plugin's pass.
        # So are the soft hyphens and permalink names, which the index must not contain.
        return finish_page(self.html_blocks.put_back_late(page.file.src_uri, output))

    @staticmethod
    def _sanitized(html: str, page) -> str:
        """Defence in depth: entry pages carry editors' HTML; clean it whatever the check said.
        Our template blocks are still placeholders here: they are autoescaped HTML of ours."""
        if page.meta.get("kind") not in ("intervention", "dossier"):
            return html
        cleaned = sanitize_html(html)
        if cleaned.removed:
            log.warning(removed_message(page.file.src_uri, cleaned.removed))
        return cleaned.html

    def on_post_build(self, *, config) -> None:
        # Not in the preview: it rebuilds only changed pages, and reading every page again would
        # cost as much as the rebuild itself. `watwerkt build` and CI check every link.
        for broken in [] if self.command == "serve" else check_links(Path(config.site_dir),
                                                                       config.site_url):
            log.warning(broken.message())  # a warning: --strict builds fail on it
        logging.getLogger("mkdocs").removeHandler(self.warnings)
        if self.final_site_dir is None or self.warnings.count:
            return  # MkDocs aborts next; on_build_error removes the temporary folder
        _replace_dir(Path(config.site_dir), Path(self.final_site_dir))
        config.site_dir = self.final_site_dir
        self.final_site_dir = self.temp_site_dir = None

    def on_build_error(self, *, error: Exception) -> None:
        logging.getLogger("mkdocs").removeHandler(self.warnings)
        if self.temp_site_dir is not None:
            shutil.rmtree(self.temp_site_dir, ignore_errors=True)
            self.temp_site_dir = None


def _not_modified() -> bool:
    return False


def _stamp(path: str | None) -> tuple[int, int] | None:
    try:
        stat = os.stat(path) if path else None
    except OSError:
        return None
    return (stat.st_mtime_ns, stat.st_size) if stat else None


class _WarningCounter(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.count = 0

    def reset(self) -> None:
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


def _source_path(src_uri: str) -> str | None:
    """The content file behind a generated page, for the edit link; None for overviews."""
    for prefix, folder in ENTRY_SOURCES.items():
        if src_uri.startswith(prefix) and not src_uri.endswith("/index.md"):
            return folder + src_uri[len(prefix):]
    return None


def _error_lines(result: CheckResult) -> list[str]:
    return [f"{issue.path}:{issue.line or 1}: {issue.message}"
            for issue in sorted(result.issues, key=lambda i: i.sort_key())
            if issue.severity is Severity.ERROR]


def _log_issues(result: CheckResult) -> None:
    for issue in sorted(result.issues, key=lambda i: i.sort_key()):
        where = f"{issue.path}:{issue.line}" if issue.line else issue.path
        text = f"{where}: {issue.message}"
        if issue.severity is Severity.WARNING:
            log.warning(text)
        elif issue.severity is Severity.NOTICE:
            log.info(text)


def _replace_dir(built: Path, target: Path) -> None:
    """Put the new site in place; the old one is removed only after the new one is there."""
    old = None
    if target.exists():
        old = Path(tempfile.mkdtemp(prefix=".site-old-", dir=target.parent))
        os.replace(target, old / "site")
    os.replace(built, target)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
