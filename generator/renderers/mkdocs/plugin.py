"""The one adapter between the core and MkDocs (or ProperDocs,
generator/renderers/mkdocs/runtime.py):
`mkdocs build`/`serve` and `watwerkt build`/`serve`.

It only delegates: check the content (errors abort the build with the Dutch report, warnings
are MkDocs warnings so --strict fails on them, notices are information), render the pages and
hand them to MkDocs as generated files, and pass each converted page through the core's page
guard (generator/postprocess/page_guard.py). `watwerkt build` runs the link check and the atomic
swap
itself, after the renderer (generator/renderers/mkdocs/run.py); for a plain `mkdocs build` the
plugin
calls the same core code (generator/output/publish.py, generator/output/linkcheck.py) at the end of
the build.
"""

from __future__ import annotations

import html as html_text
import logging
import os
import secrets
from pathlib import Path

from generator.renderers.mkdocs import runtime

runtime.activate()  # before any mkdocs import: ProperDocs answers for it when MkDocs is gone

from mkdocs.config import config_options as c  # noqa: E402
from mkdocs.config.base import Config  # noqa: E402
from mkdocs.exceptions import PluginError  # noqa: E402
from mkdocs.plugins import BasePlugin  # noqa: E402
from mkdocs.structure.files import File, Files  # noqa: E402
from mkdocs.structure.toc import AnchorLink  # noqa: E402

from generator.check.report import format_text  # noqa: E402
from generator.content.hand_files import walk_docs  # noqa: E402
from generator.core import work  # noqa: E402
from generator.core.budget import OverBudget, over_budget_message, within_budget  # noqa: E402
from generator.core.dates import resolve_build_date  # noqa: E402
from generator.core.issues import Severity  # noqa: E402
from generator.output.linkcheck import check_links  # noqa: E402
from generator.output.publish import AtomicOutput, WarningCounter  # noqa: E402
from generator.pipeline import CheckResult, check_project  # noqa: E402
from generator.postprocess.finish_html import finish_page  # noqa: E402
from generator.postprocess.html_blocks import HtmlBlocks  # noqa: E402
from generator.postprocess.page_guard import escape_header, guard_page  # noqa: E402
from generator.render import render_site  # noqa: E402
from generator.render.common import DIRECTORY, FILE, source_path  # noqa: E402
from generator.renderers.mkdocs.search import PagedIndex, attach, page_entries, write_full  # noqa: E402
from generator.renderers.site import make_site  # noqa: E402

log = logging.getLogger("mkdocs.plugins.watwerkt")

WATCHED = ("interventions", "dossiers", "vocabularies.yml")


class WatWerktConfig(Config):
    # Folder of hand-written pages (the docs_dir), relative to the repository, for edit links.
    pages_dir = c.Type(str, default="pages")
    # `speed: false` switches every speed device off (generator/core/work.py): the same site,
    # in order, in one process; like WATWERKT_SPEED=0.
    speed = c.Type(bool, default=True)


class WatWerktPlugin(BasePlugin[WatWerktConfig]):
    # `watwerkt build` hands over the check it already ran, so the content is read once.
    preloaded: CheckResult | None = None
    # Set by `watwerkt build`, which swaps the site in and checks links itself.
    managed: bool = False
    # Names of dicts, keyed by `page.file.src_uri`, that the page events fill in: when
    # `watwerkt build` runs the page loops in several processes (generator/speed/parallel_pages.py),
    # each child sends its pages' entries back to the parent, which merges them in page order.
    per_page_state: tuple[str, ...] = ("search_docs", "over_budget")
    # Every other state of its page events lives in the pages or in per_page_state.
    parallel_pages_safe = True

    def __init__(self) -> None:
        super().__init__()
        self.command = "build"
        self.output: AtomicOutput | None = None
        self.result: CheckResult | None = None
        self.warnings = WarningCounter(runtime.LOGGERS)
        # Under `serve`: the pages of the previous rebuild and the theme context they saw.
        self.previous_pages: dict[str, str] = {}
        self.previous_context: str | None = None
        # Our template HTML skips Python-Markdown (generator/postprocess/html_blocks.py). The
        # marker is a
        # secret, so an editor's text cannot pose as our HTML; it lives as long as the plugin,
        # so the pages of a `serve` rebuild compare equal to those of the previous one.
        self.html_blocks = HtmlBlocks(marker=f"ww{secrets.token_hex(12)}")
        # The search index's documents per page (generator/renderers/mkdocs/search.py); kept across
        # the
        # rebuilds of `serve`, which skip unchanged pages.
        self.search_docs: dict[str, list[dict]] = {}
        self.search_index: PagedIndex | None = None
        # The Dutch error per page whose Markdown took longer than its budget to convert
        # (generator/core/budget.py).
        self.over_budget: dict[str, str] = {}

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.command = command

    def apply_speed_option(self) -> None:
        work.switch_off(not self.config.speed)

    def on_config(self, config):
        self.apply_speed_option()
        self.root = Path(config.config_file_path or ".").resolve().parent
        if self.command == "build" and not self.managed:
            # A plain `mkdocs build`: into a sibling temporary folder that on_post_build swaps
            # in only on success. MkDocs aborts a strict build only after on_post_build: count
            # warnings ourselves so that a failing strict build never replaces the old site.
            self.output = AtomicOutput(Path(config.site_dir))
            config.site_dir = str(self.output.temp)
            if config.strict:
                self.warnings.attach()
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
        _keep_publishable(files, config)
        for file in files:
            if file.generated_by is None:
                file.edit_uri = f"{self.config.pages_dir}/{file.src_uri}"
        site = make_site(self.root, config, DIRECTORY if config.use_directory_urls else FILE,
                         html_marker=self.html_blocks.marker)
        rendered = render_site(result.catalog, site)
        unchanged = self._unchanged_pages(rendered, config)
        for src_uri, text in rendered.items():
            if src_uri.endswith(".md"):
                text = self.html_blocks.take_out(src_uri, text)
            file = File.generated(config, src_uri, content=text)
            if src_uri in unchanged:
                file.is_modified = _not_modified  # the dirty rebuild of `serve` skips it
            file.edit_uri = source_path(src_uri)
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

    def on_nav(self, nav, *, config, files):
        # After every plugin's on_files and on_config, before the pages are converted.
        self.search_index = attach(config, files, lambda: self.search_docs)
        return nav

    def on_page_markdown(self, markdown: str, *, page, config, files) -> str:
        # MkDocs converts the page right after this event: within the budget, through the
        # page's own render (an instance attribute for this one call; it removes itself).
        render = page.render
        page.render = lambda config, files: self._render_within_budget(page, render, config,
                                                                       files)
        return markdown

    def _render_within_budget(self, page, render, config, files) -> None:
        del page.render
        self.over_budget.pop(page.file.src_uri, None)
        try:
            within_budget(lambda: render(config, files))
        except OverBudget as exc:
            path = source_path(page.file.src_uri) \
                or f"{self.config.pages_dir}/{page.file.src_uri}"
            message = over_budget_message(path, exc.seconds)
            self.over_budget[page.file.src_uri] = message
            # The page shows the error (the preview goes on with errors); a build stops.
            title = html_text.escape(str(page.title or path))
            page.markdown = f"# {title}\n\n{html_text.escape(message)}\n"
            render(config, files)

    def on_env(self, env, *, config, files):
        if self.over_budget:
            lines = "\n".join(message for _, message in sorted(self.over_budget.items()))
            if self.command != "serve":
                raise PluginError(lines)
            log.error(lines)
        work.devices().prepare_templates(env)  # a speed device may cache Material's partials
        return env

    def on_serve(self, server, *, config, builder):
        for name in WATCHED:
            if (self.root / name).exists():
                server.watch(str(self.root / name))
        return server

    def on_page_content(self, html: str, *, page, config, files) -> str:
        # A file MkDocs found in the docs_dir (not one we generated) is a hand-written page.
        hand_written = page.file.generated_by is None
        if page.file.src_uri in self.over_budget:
            if hand_written:
                escape_header(page.meta)  # its header still reaches the theme
            return html  # the error text alone: none of the page's own parts are left
        guarded = guard_page(page.file.src_uri, html, page.meta.get("kind"), self.html_blocks,
                             source=source_path(page.file.src_uri),
                             hand_written=hand_written, header=page.meta,
                             title=None if "title" in page.meta else page.title)
        for warning in guarded.warnings:
            log.warning(warning)
        html = guarded.html
        if 'id="titel"' in html and not any(item.level == 1 for item in page.toc):
            # Material's skip link goes to the first toc entry. Our titles are HTML: put the
            # title first, as a Markdown '# title' would be (Material's toc leaves it out).
            title = AnchorLink(page.title, "titel", 1)
            title.children, page.toc.items = page.toc.items, [title]
        if self.search_index is not None:
            self.search_docs[page.file.src_uri] = page_entries(html, page)
        return html

    def on_post_page(self, output: str, *, page, config) -> str:
        # The card and link lists the search index leaves out: after the search plugin's pass.
        # So are the soft hyphens and permalink names, which the index must not contain.
        return finish_page(self.html_blocks.put_back_late(page.file.src_uri, output))

    def on_post_build(self, *, config) -> None:
        if self.search_index is not None:
            write_full(self.search_index, config)
        if self.output is None:
            return  # `serve`, or `watwerkt build`, which does this after the renderer
        for broken in check_links(Path(config.site_dir), config.site_url, self.root,
                                  self.config.pages_dir):
            log.warning(broken.message())  # a warning: --strict builds fail on it
        self.warnings.detach()
        if self.warnings.count:
            return  # MkDocs aborts next; on_build_error removes the temporary folder
        self.output.commit()
        config.site_dir = str(self.output.target)
        self.output = None

    def on_build_error(self, *, error: Exception) -> None:
        self.warnings.detach()
        if self.output is not None:
            self.output.discard()
            self.output = None


def _keep_publishable(files: Files, config) -> None:
    """Drop every docs_dir file the publishing policy refuses (the check reported it; under
    `serve`, which goes on with errors, it must still not be served)."""
    docs = Path(config.docs_dir)
    allowed = set(walk_docs(docs.parent, docs.name).published)
    for file in list(files):
        if file.generated_by is None and file.abs_src_path \
                and Path(file.abs_src_path).parent.resolve().is_relative_to(docs.resolve()) \
                and file.src_uri not in allowed:
            files.remove(file)


def _not_modified() -> bool:
    return False


def _stamp(path: str | None) -> tuple[int, int] | None:
    try:
        stat = os.stat(path) if path else None
    except OSError:
        return None
    return (stat.st_mtime_ns, stat.st_size) if stat else None


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
