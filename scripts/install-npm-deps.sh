#!/usr/bin/env bash
# Installs the npm packages pinned by package-lock.json with `npm ci`:
#  - viz/browser_check: the report's browser check (playwright-core);
#  - web: the front end of `wardsim serve` (esbuild, d3 modules; playwright-core for web.e2e).
# Needs Node.js 18+ and npm; the browser is Debian's chromium (scripts/install-deps.sh). Without
# them the ctests viz.browser_check and web.e2e are skipped and the target wardsim_web does nothing.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"

if ! command -v npm >/dev/null 2>&1; then
  echo "install-npm-deps: npm not found; install Node.js 18+ with npm, then run this again" >&2
  exit 1
fi
for dir in viz/browser_check web; do
  (
    cd "$root/$dir"
    npm ci --no-audit --no-fund
    echo "install-npm-deps: $dir: $(npm ls --depth=0 2>/dev/null | tail -n +2 | tr -d '\n')"
  )
done
