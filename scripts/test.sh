#!/usr/bin/env bash
# Runs the whole test suite: formatting check, the warnings-as-errors build and its tests, then the
# same tests built with AddressSanitizer + UndefinedBehaviorSanitizer.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh
jobs=$(nproc)

echo "== clang-format"
git ls-files '*.cpp' '*.h' | xargs clang-format --dry-run --Werror

echo "== build (Release, warnings as errors)"
cmake -S . -B build-test -G Ninja -DCMAKE_BUILD_TYPE=Release -DWARDSIM_WERROR=ON
cmake --build build-test -j "$jobs"
echo "== tests"
ctest --test-dir build-test --output-on-failure -j "$jobs"

echo "== build (AddressSanitizer + UndefinedBehaviorSanitizer)"
cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DWARDSIM_WERROR=ON \
  -DWARDSIM_SANITIZE=ON -DWARDSIM_BUILD_BENCHMARKS=OFF
cmake --build build-asan -j "$jobs"
echo "== tests under the sanitizers"
ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
  ctest --test-dir build-asan --output-on-failure -j "$jobs"
