"""Wat Werkt: validates Dutch intervention and dossier files and renders them as a static site.

Packages by stage, in the order a build runs them; a package imports only those before it
(import-linter contracts in pyproject.toml, run by tests/test_import_contracts.py):

core (format, models, issues, dates, the content-path <-> site-path map, the work hooks)
-> content (files, YAML and its diagnosis, vocabularies, catalog, history, mkdocs.yml settings)
-> check (every rule; body links against the plan of the site it is given)
-> editors (JSON Schema, scaffolds)
-> render (Catalog -> Markdown pages, pure; the plan of the site)
-> postprocess (sanitizer, guards, HTML blocks, search documents)
-> output (atomic publish, link check)
-> pipeline (the stages in order)
-> renderers (the Site factory, MkDocs/ProperDocs adapter, docs folder, Zensical)
-> speed (forks and caches that never change the output; installed by the entry point only)
-> export (offline zip)
-> commands / cli (the entry points).

Only renderers/, speed/ and export/ import MkDocs, Material or ProperDocs.
"""

__version__ = "0.1.0"
