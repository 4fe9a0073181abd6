#!/usr/bin/env bash
# Rewrites the golden results of the bundled scenarios (tests/app/golden/*.csv) from the current
# build. Only for a change in results made on purpose: review `git diff tests/app/golden` after.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build-test}
cmake --build "$build" --target app_tests
WARDSIM_REBASELINE=1 "$build/tests/app/app_tests" --gtest_filter='Setagaya/Golden.*'
git --no-pager diff --stat -- tests/app/golden
