"""mkdocs.yml as plain data: the one reader for everything outside the renderer itself.

The check, `watwerkt render`, `schema`, the CMS configuration and the Site factory all read the
project's settings here, so they cannot disagree on a value such as `site_url`. It reads what
MkDocs reads, without running any code:
- `!ENV VAR` and `!ENV [VAR, OTHER, default]`: the first variable that is set, its value typed
  as YAML types it; else the default (the last item of a list), else nothing;
- `INHERIT: parent.yml`: the parent's settings, with this file's merged over them (mappings
  merged key by key, anything else replaced), as MkDocs does;
- `!relative` and other MkDocs tags: the text as written; Python tags (`!!python/name:…`) give
  nothing: importing a name would run code.
A file that is missing or unreadable gives {} (the renderer, which reads it too, says why).

Python-Markdown as MkDocs sets it up from these settings is made here too (`markdown_converter`),
for the one stage that needs it before the renderer: the anchors of the body link check.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml

CONFIG_NAME = "mkdocs.yml"
MAX_INHERIT = 10  # parents deep; more is a loop


class _SettingsLoader(yaml.SafeLoader):
    """YAML as MkDocs reads mkdocs.yml, minus everything that would run code."""


def _environment_value(loader: _SettingsLoader, node: yaml.Node) -> Any:
    if isinstance(node, yaml.ScalarNode):
        names, default = [loader.construct_scalar(node)], None
    elif isinstance(node, yaml.SequenceNode) and node.value:
        *named, last = node.value
        names = [loader.construct_scalar(item) for item in named] if named else [
            loader.construct_scalar(last)]
        default = loader.construct_object(last) if named else None
    else:
        return None
    for name in names:
        if isinstance(name, str) and name in os.environ:
            value = os.environ[name]
            tag = loader.resolve(yaml.ScalarNode, value, (True, False))
            return loader.construct_object(yaml.ScalarNode(tag, value))
    return default


def _as_written(loader: _SettingsLoader, suffix: str, node: yaml.Node) -> Any:
    return loader.construct_scalar(node) if isinstance(node, yaml.ScalarNode) else None


_SettingsLoader.add_constructor("!ENV", _environment_value)
_SettingsLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda *args: None)
_SettingsLoader.add_multi_constructor("!", _as_written)


def read_settings(root: Path) -> dict:
    """The project's mkdocs.yml (below `root`) as plain data; {} when missing or unreadable."""
    return _read(root / CONFIG_NAME, depth=0)


def _read(path: Path, depth: int) -> dict:
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_SettingsLoader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError, ValueError, TypeError):
        return {}
    if not isinstance(data, dict):
        return {}
    parent = data.pop("INHERIT", None)
    if not isinstance(parent, str) or depth >= MAX_INHERIT:
        return data
    return merged(_read(path.parent / parent, depth + 1), data)


def merged(base: Mapping, over: Mapping) -> dict:
    """`over` merged into a copy of `base`: mappings key by key, anything else replaced."""
    result = dict(base)
    for key, value in over.items():
        if isinstance(value, Mapping) and isinstance(result.get(key), Mapping):
            result[key] = merged(result[key], value)
        else:
            result[key] = value
    return result


# The docs_dir of this project's mkdocs.yml; the check's stages assume it when none is set.
DEFAULT_DOCS_DIR = "pages"


def docs_dir_name(settings: Mapping) -> str:
    """mkdocs.yml's docs_dir, or the folder this project uses (DEFAULT_DOCS_DIR)."""
    return str(settings.get("docs_dir") or DEFAULT_DOCS_DIR)


def section(settings: Mapping, key: str) -> Mapping:
    """A mapping in the settings (say `extra`), or an empty one when absent or not a mapping."""
    value = settings.get(key)
    return value if isinstance(value, Mapping) else {}


def markdown_extensions(settings: Mapping) -> tuple[list[str], dict[str, dict]]:
    """The Markdown extensions and their settings, as MkDocs passes them (it always adds toc)."""
    names, configs = [], {}
    for item in settings.get("markdown_extensions") or ["toc"]:
        if isinstance(item, str):
            names.append(item)
        elif isinstance(item, Mapping):
            for name, config in item.items():
                names.append(name)
                configs[name] = dict(config) if isinstance(config, Mapping) else {}
    if "toc" not in names:
        names.append("toc")
    return names, configs


def markdown_converter(settings: Mapping):
    """Python-Markdown as MkDocs sets it up from `settings`; the toc alone when an extension
    does not load."""
    import markdown

    names, configs = markdown_extensions(settings)
    try:
        return markdown.Markdown(extensions=names, extension_configs=configs)
    except Exception:  # noqa: BLE001 - any extension can fail in its own way
        return markdown.Markdown(extensions=["toc"])
