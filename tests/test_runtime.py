"""Runtime detection (MkDocs 1.x or ProperDocs) and the renderer-independent atomic output."""

from __future__ import annotations

import logging

import pytest

from generator.output.publish import AtomicOutput, WarningCounter
from generator.renderers.mkdocs import runtime


def test_the_runtime_is_one_that_is_installed_and_answers_mkdocs_imports():
    name = runtime.activate()
    assert name in runtime.RUNTIMES
    import mkdocs.plugins  # noqa: F401 - works on both: ProperDocs redirects it

    assert runtime.cli_module() == name
    assert runtime.root_logger().name == name


def test_a_warning_on_either_runtimes_logger_is_counted_once():
    runtime.activate()
    with WarningCounter(runtime.LOGGERS) as counter:
        logging.getLogger("mkdocs.plugins.watwerkt").warning("van ons")
        logging.getLogger("properdocs.structure.pages").warning("van ProperDocs")
        logging.getLogger("mkdocs.plugins.watwerkt").info("geen waarschuwing")
    assert counter.count == 2
    logging.getLogger("properdocs.x").warning("na afloop")
    assert counter.count == 2


def test_atomic_output_replaces_the_site_only_on_commit(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "oud.html").write_text("oud", encoding="utf-8")
    with AtomicOutput(site) as failed:
        (failed.temp / "nieuw.html").write_text("half", encoding="utf-8")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]  # nothing left behind
    assert [p.name for p in site.iterdir()] == ["oud.html"]
    with AtomicOutput(site) as done:
        (done.temp / "nieuw.html").write_text("nieuw", encoding="utf-8")
        done.commit()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]
    assert [p.name for p in site.iterdir()] == ["nieuw.html"]
    with pytest.raises(RuntimeError):
        done.commit()


def test_the_runtime_can_be_chosen_when_both_are_installed(monkeypatch):
    installed = [name for name in runtime.RUNTIMES if runtime._installed(name)]
    runtime.runtime_name.cache_clear()
    try:
        for name in installed:
            monkeypatch.setenv(runtime.CHOICE_VARIABLE, name)
            runtime.runtime_name.cache_clear()
            assert runtime.runtime_name() == name
        monkeypatch.setenv(runtime.CHOICE_VARIABLE, "mkdocs2")  # not a runtime: the default
        runtime.runtime_name.cache_clear()
        assert runtime.runtime_name() == installed[0]
    finally:
        monkeypatch.delenv(runtime.CHOICE_VARIABLE)
        runtime.runtime_name.cache_clear()
