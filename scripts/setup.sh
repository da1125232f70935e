#!/usr/bin/env bash
# First command of the README: install the packages, build, render the default maps into
# output/ (PNG, SVG and PDF of every map in styles/).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF
cmake --build build -j"$(nproc)"
./build/corridormap
