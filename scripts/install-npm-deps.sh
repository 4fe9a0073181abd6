#!/usr/bin/env bash
# Installs the npm packages of the report's browser check (viz/browser_check: playwright-core,
# pinned by its package-lock.json) with `npm ci`. Needs Node.js 18+ and npm; the browser is
# Debian's chromium (scripts/install-deps.sh). Without it the ctest viz.browser_check is skipped.
set -euo pipefail
cd "$(dirname "$0")/../viz/browser_check"

if ! command -v npm >/dev/null 2>&1; then
  echo "install-npm-deps: npm not found; install Node.js 18+ with npm, then run this again" >&2
  exit 1
fi
npm ci --no-audit --no-fund
echo "install-npm-deps: $(npm ls --depth=0 2>/dev/null | tail -n +2 | tr -d '\n')"
