#!/usr/bin/env bash
# ctest web.e2e: starts `wardsim serve --port 0` on the built front end, waits for its
# "listening on" line, runs the Playwright scenarios (serve_e2e.mjs) against it, and always stops
# the server. Skips (exit 77) when web/node_modules or Chromium is absent.
# Usage: run_e2e.sh WARDSIM SOURCE_DIR DIST_DIR ARTIFACTS_DIR
set -euo pipefail
wardsim=$1
source_dir=$2
dist=$3
artifacts=$4
web_dir="$source_dir/web"
chromium=${WARDSIM_CHROMIUM:-/usr/bin/chromium}

if [ ! -d "$web_dir/node_modules/playwright-core" ]; then
  echo "SKIPPED: $web_dir/node_modules is absent; run scripts/install-npm-deps.sh"
  exit 77
fi
if [ ! -x "$chromium" ]; then
  echo "SKIPPED: no Chromium at $chromium (Debian package chromium)"
  exit 77
fi
if ! "$wardsim" serve --help >/dev/null 2>&1; then
  # Only on a branch without the server (serve-web before serve-api is merged).
  echo "SKIPPED: $wardsim has no 'serve' command"
  exit 77
fi
if [ ! -f "$dist/index.html" ]; then
  echo "FAIL: the front end is not built ($dist/index.html is missing); build the target wardsim_web"
  exit 1
fi

mkdir -p "$artifacts"
work=$(mktemp -d "$artifacts/serve-e2e.XXXXXX")
server_log="$work/server.log"
: >"$server_log"  # exists before the background server opens it, for the polling below
"$wardsim" serve --port 0 --assets "$dist" >"$server_log" 2>&1 &
server=$!
stop_server() {
  if kill -0 "$server" 2>/dev/null; then
    kill -TERM "$server" 2>/dev/null || true
    wait "$server" 2>/dev/null || true
  fi
}
trap stop_server EXIT INT TERM

url=""
for _ in $(seq 1 300); do
  url=$(sed -n 's|^wardsim serve: listening on \(http://[^ ]*\)$|\1|p' "$server_log" | head -n 1)
  [ -n "$url" ] && break
  if ! kill -0 "$server" 2>/dev/null; then
    echo "FAIL: wardsim serve exited before listening:"
    cat "$server_log"
    exit 1
  fi
  sleep 0.1
done
if [ -z "$url" ]; then
  echo "FAIL: wardsim serve did not print its 'listening on' line within 30 s:"
  cat "$server_log"
  exit 1
fi
echo "server: $url"

status=0
WARDSIM_CHROMIUM="$chromium" node "$web_dir/e2e/serve_e2e.mjs" --url "$url" --wardsim "$wardsim" \
  --work "$work" --artifacts "$artifacts" || status=$?
if ! kill -0 "$server" 2>/dev/null; then
  echo "FAIL: the server is no longer running after the scenarios:"
  cat "$server_log"
  status=1
else
  # SIGTERM stops the server cleanly (exit 0), as docs/serve.md promises.
  kill -TERM "$server"
  server_status=0
  wait "$server" || server_status=$?
  if [ "$server_status" -ne 0 ]; then
    echo "FAIL: wardsim serve exited with $server_status on SIGTERM (expected 0)"
    status=1
  fi
fi
[ "$status" -eq 0 ] && rm -rf "$work"
exit "$status"
