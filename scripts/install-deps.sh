#!/usr/bin/env bash
# Installs the Debian 12 packages wardsim needs to build, test and run. Safe to run again.
set -euo pipefail

packages=(
  cmake ninja-build g++ pkg-config clang-format
  libeigen3-dev libtbb-dev libhdf5-dev hdf5-tools libboost-program-options-dev
  libtomlplusplus-dev libssl-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  librandom123-dev libboost-math-dev
  coinor-libcbc-dev coinor-libclp-dev libglpk-dev
  libopenmpi-dev openmpi-bin
  libgdal-dev gdal-bin libxlsxwriter-dev nlohmann-json3-dev libcpp-httplib-dev
  python3 python3-numpy python3-h5py python3-openpyxl python3-matplotlib python3-shapely
  chromium fonts-ipaexfont-gothic
)

sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then sudo_cmd=(sudo); fi

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" ||
    missing+=("$package")
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages are installed"
else
  echo "install-deps: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  "${sudo_cmd[@]}" apt-get update -q
  "${sudo_cmd[@]}" apt-get -o DPkg::Lock::Timeout=600 install -y -q --no-install-recommends \
    "${missing[@]}"
fi

# The report's browser check and the front end of `wardsim serve` (built with esbuild, tested
# end to end with playwright-core driving Debian's chromium) come from npm.
here="$(dirname "$0")"
if [ ! -d "$here/../viz/browser_check/node_modules/playwright-core" ] ||
  [ ! -d "$here/../web/node_modules/esbuild" ] || [ ! -d "$here/../web/node_modules/playwright-core" ]; then
  bash "$here/install-npm-deps.sh"
fi
