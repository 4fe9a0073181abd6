#!/usr/bin/env bash
# ctest: generates a report from the tiny test city and checks it in headless Chromium
# (viz/browser_check/check_report.mjs); then checks that the checker itself fails on a broken
# report. The screenshot is kept as an artefact: ARTIFACTS/report.png.
# Skips (exit 77) only when viz/browser_check/node_modules is absent: run scripts/install-npm-deps.sh.
# Usage: browser_check.sh WARDSIM SOURCE_DIR ARTIFACTS_DIR
set -euo pipefail
wardsim=$1
source_dir=$2
artifacts=$3
check_dir="$source_dir/viz/browser_check"

if [ ! -d "$check_dir/node_modules/playwright-core" ]; then
  echo "SKIPPED: $check_dir/node_modules is absent; run scripts/install-npm-deps.sh"
  exit 77
fi

mkdir -p "$artifacts"
"$wardsim" run --scenario "$source_dir/tests/scenarios/fixtures/tiny/tiny_services.toml" \
  --out "$artifacts/report_check.h5" >/dev/null
"$wardsim" report "$artifacts/report_check.h5" --out "$artifacts/report" \
  --boundaries "$source_dir/tests/viz/fixtures/tiny_districts.geojson"
# ward total, ward pyramid, district pyramids, 4 services, 2 maps
node "$check_dir/check_report.mjs" "$artifacts/report/report.html" "$artifacts/report.png" \
  --min-charts 9

# The checker must notice a broken report (an image that does not load, a script error).
if node "$check_dir/check_report.mjs" "$source_dir/tests/viz/fixtures/broken_report.html" \
  "$artifacts/broken_report.png" >"$artifacts/broken_report.log" 2>&1; then
  echo "FAIL: the browser check passed a broken report"
  exit 1
fi
for expected in "page error" "chart 'missing chart' did not render"; do
  if ! grep -q "$expected" "$artifacts/broken_report.log"; then
    echo "FAIL: the browser check did not report: $expected"
    cat "$artifacts/broken_report.log"
    exit 1
  fi
done
echo "the browser check rejects a broken report: OK"
