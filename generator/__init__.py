"""Wat Werkt: validates Dutch intervention and dossier files and renders them as a static site.

Packages by stage, in the order a build runs them: core (schema, model, messages, dates) ->
content (reading files, YAML, vocabularies, catalog) -> check (every rule) -> editors (JSON
schema, scaffolds) -> render (Markdown pages) -> postprocess (sanitizer, guards, search index)
-> output (atomic publish, link check) -> pipeline -> renderers (MkDocs/ProperDocs adapter,
docs folder) -> speed (forks and caches that never change the output) -> export (offline zip)
-> commands/cli. Only renderers/, speed/ and export/ import MkDocs or Material (one exception
still to move: commands/serve starts MkDocs' server; pyproject.toml lists it).
"""

__version__ = "0.1.0"
