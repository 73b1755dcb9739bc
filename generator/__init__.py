"""Wat Werkt: validates Dutch intervention and dossier files and renders them as a static site.

Data flows one way: load -> validate -> catalog -> render -> write. No stage imports a later one,
and nothing here imports MkDocs: `mkdocs_plugin` is the only adapter to the renderer.
"""

__version__ = "0.1.0"
