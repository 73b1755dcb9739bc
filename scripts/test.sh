#!/usr/bin/env bash
# Installs everything the tests need and runs the whole suite. Used by the README and by CI.
#  - Python packages: the project with its [test] extra (pytest, hypothesis, playwright, ruff)
#  - Debian's chromium for the browser tests (Playwright's own browser download does not work
#    on these machines; the tests drive /usr/bin/chromium)
#  - front-end packages from npm, when package.json exists (installed with the lock file)
set -euo pipefail
cd "$(dirname "$0")/.."

python3 -m pip install --quiet --disable-pip-version-check -e '.[test]'

if ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  fi
fi

if [ -f package.json ]; then
  npm ci --silent --no-audit --no-fund
fi

python3 -m pytest "$@"
