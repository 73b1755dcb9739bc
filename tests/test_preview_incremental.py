"""`watwerkt serve` rebuilds dirty: the plugin tells MkDocs which generated pages are unchanged
since the previous rebuild, so saving one intervention does not rebuild the whole site."""

from __future__ import annotations

from types import SimpleNamespace

from generator.renderers.mkdocs.plugin import WatWerktPlugin


def plugin(command: str) -> WatWerktPlugin:
    instance = WatWerktPlugin()
    instance.on_startup(command=command, dirty=command == "serve")
    return instance


def config(**extra) -> SimpleNamespace:
    return SimpleNamespace(extra=extra)


def test_serve_skips_only_pages_whose_text_is_the_same():
    serve = plugin("serve")
    first = {"index.md": "home", "interventies/a.md": "A", "interventies/b.md": "B"}
    assert serve._unchanged_pages(first, config()) == set()  # the first build builds everything
    second = {"index.md": "home", "interventies/a.md": "A, gewijzigd", "interventies/b.md": "B",
              "interventies/c.md": "C"}
    assert serve._unchanged_pages(second, config()) == {"index.md", "interventies/b.md"}


def test_a_changed_theme_context_rebuilds_every_page():
    # The preview's error list lives in config.extra and is shown on every page.
    serve = plugin("serve")
    pages = {"index.md": "home", "interventies/a.md": "A"}
    serve._unchanged_pages(pages, config())
    assert serve._unchanged_pages(pages, config(watwerkt_preview_errors=["x.md:1: fout"])) \
        == set()
    assert serve._unchanged_pages(pages, config(watwerkt_preview_errors=["x.md:1: fout"])) \
        == set(pages)


def test_a_build_never_skips_a_page():
    build = plugin("build")
    pages = {"index.md": "home"}
    build._unchanged_pages(pages, config())
    assert build._unchanged_pages(pages, config()) == set()


def test_a_saved_mkdocs_yml_rebuilds_every_page(tmp_path):
    settings = tmp_path / "mkdocs.yml"
    settings.write_text("site_name: Wat Werkt\n", encoding="utf-8")
    serve = plugin("serve")
    pages = {"index.md": "home", "interventies/a.md": "A"}
    stamped = SimpleNamespace(extra={}, config_file_path=str(settings))
    serve._unchanged_pages(pages, stamped)
    assert serve._unchanged_pages(pages, stamped) == set(pages)
    settings.write_text("site_name: Wat Werkt\ntheme: {features: [navigation.tabs]}\n",
                        encoding="utf-8")
    assert serve._unchanged_pages(pages, stamped) == set()
