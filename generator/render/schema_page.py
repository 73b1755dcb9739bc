"""/schema/: an index page for the JSON Schema files published beside it (render/admin.py)."""

from __future__ import annotations

from generator.content.load import KIND_FOLDERS
from generator.core.schema import KIND_NL
from generator.editors.jsonschema import SCHEMA_FILES
from generator.render.common import Site, asset_url, page_header, relative_url, render_template

SRC = "schema/index.md"


def render_schema_page(site: Site, files: dict[str, str]) -> str:
    """The page, given the schema files as render_editor_files makes them ({path: text})."""
    schemas = []
    for kind, name in SCHEMA_FILES.items():
        path = f"schema/{name}"
        schemas.append({
            "name": name, "url": asset_url(SRC, path, site.url_style),
            "absolute": f"{site.site_url.rstrip('/')}/{path}" if site.site_url else name,
            "size": f"{max(1, round(len(files[path].encode('utf-8')) / 1024))} kB",
            "what": f"de gegevens van een {KIND_NL[kind]}: "
                    f"{KIND_FOLDERS[kind]}/<naam>.md"})
    body = render_template("schema_index.html", schemas=schemas, repo_url=site.repo_url,
                           data_url=relative_url(SRC, "data/index.md", site.url_style))
    return page_header("JSON Schema's", "De JSON Schema's van de gegevens van interventies en "
                       "dossiers, voor editors en controles.", kind="schema") + body
