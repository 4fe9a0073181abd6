#!/usr/bin/env bash
# Quick start: install the packages, build wardsim (Release) and project the bundled Setagaya
# baseline into results/baseline.h5.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DWARDSIM_BUILD_TESTS=OFF -DWARDSIM_NATIVE=ON
cmake --build build --target wardsim
./build/app/wardsim run "$@"
