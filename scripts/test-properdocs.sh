#!/usr/bin/env bash
# The test suite on the second runtime: ProperDocs (the continuation of MkDocs 1.x) with the
# `mkdocs` package uninstalled, as a MkDocs 2 release would force (generator/renderers/mkdocs/runtime.py).
# It uses its own venv (default .venv-properdocs, or $PROPERDOCS_VENV) so that the MkDocs venv
# stays as it is; chromium and node_modules come from scripts/test.sh, run before this.
# Arguments go to pytest (CI passes -q).
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=${PROPERDOCS_VENV:-.venv-properdocs}
if [ ! -x "$VENV/bin/python" ]; then
  python3 -m venv "$VENV"
fi
PIP=("$VENV/bin/python" -m pip --quiet --disable-pip-version-check)
"${PIP[@]}" install -e '.[test]' properdocs
# pyproject's dependency brings MkDocs 1.6 in; this run is about the site without it.
"${PIP[@]}" uninstall -y mkdocs
if "$VENV/bin/python" -c "import importlib.util, sys; sys.exit(importlib.util.find_spec('mkdocs') is not None)"; then
  echo "Runtime: ProperDocs $("$VENV/bin/python" -c 'import properdocs; print(properdocs.__version__)'), zonder mkdocs"
else
  echo "mkdocs is nog geïnstalleerd in $VENV; deze run zou MkDocs testen, niet ProperDocs." >&2
  exit 1
fi

# The same site on both runtimes: build the shipped content with MkDocs (the Python of
# scripts/test.sh, or $MKDOCS_PYTHON) and with ProperDocs, strict, and compare every file; only
# the generator tag may differ.
MKDOCS_PYTHON=${MKDOCS_PYTHON:-python3}
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
if "$MKDOCS_PYTHON" -c "import mkdocs.plugins, generator" 2>/dev/null; then
  "$MKDOCS_PYTHON" -m generator build --strict --today 2026-11-22 --out "$OUT/mkdocs" >/dev/null
  "$VENV/bin/python" -m generator build --strict --today 2026-11-22 --out "$OUT/properdocs" >/dev/null
  diff -r -I '<meta name="generator"' "$OUT/mkdocs" "$OUT/properdocs"
  echo "Dezelfde site op MkDocs en ProperDocs: $(find "$OUT/properdocs" -type f | wc -l) bestanden, alleen de generator-tag verschilt."
else
  echo "Vergelijking overgeslagen: $MKDOCS_PYTHON heeft geen MkDocs met watwerkt (zet MKDOCS_PYTHON)." >&2
fi
"$VENV/bin/python" -m pytest "$@"
