#!/usr/bin/env bash
# Installs the Debian 12 packages corridormap needs to build, render and test (as root).
# Sourced by scripts/setup.sh and scripts/test.sh; does nothing when all are present.
set -euo pipefail
CM_PACKAGES=(
  build-essential cmake pkg-config clang-format
  libcairo2-dev libpango1.0-dev libproj-dev proj-bin proj-data libshp-dev libyaml-dev
  libcsv-dev libgeos-dev libpng-dev
  fonts-noto-core fonts-wqy-microhei fonts-dejavu-core fontconfig
  librsvg2-bin poppler-utils libxml2-utils valgrind python3
  clang libclang-rt-14-dev
  inkscape
)
missing=()
for p in "${CM_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing: ${missing[*]}"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -q
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
fi
