#!/usr/bin/env bash
# The Zensical experiment (README, "Andere renderers"): builds the generated pages with Zensical
# and reports pages built, missing files and broken links. Zensical goes into its own venv
# (default .venv-zensical, or $ZENSICAL_VENV): it must not replace MkDocs' packages in yours.
# Zensical 0.0.73 is the newest release that installs from PyPI here (0.0.74 and later need a
# zensical-ui release without files); set ZENSICAL_VERSION to try another.
# watwerkt runs from the project's .venv/ (the README's first command), or $WATWERKT_PYTHON.
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=${ZENSICAL_VENV:-.venv-zensical}
if [ ! -x "$VENV/bin/python" ]; then
  python3 -m venv "$VENV"
fi
"$VENV/bin/python" -m pip install --quiet --disable-pip-version-check \
  "zensical==${ZENSICAL_VERSION:-0.0.73}"
WATWERKT_PYTHON=${WATWERKT_PYTHON:-.venv/bin/python}
[ -x "$WATWERKT_PYTHON" ] || WATWERKT_PYTHON=python3
"$WATWERKT_PYTHON" -m generator.renderers.zensical_experiment --zensical-python "$VENV/bin/python" "$@"
