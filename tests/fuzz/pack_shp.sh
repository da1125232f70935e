#!/usr/bin/env bash
# Packs a shapefile (.shp with .shx and .dbf beside it) into one fuzz_shp input:
# 4 bytes .shp length, 4 bytes .shx length (little-endian), 1 flags byte (bit 0: a Latin-1
# .cpg, bit 1: a lon/lat box filter), then the .shp, the .shx and the .dbf.
#   usage: pack_shp.sh IN.shp OUT [FLAGS]
set -euo pipefail
shp=$1 out=$2 flags=${3:-0}
base=${shp%.*}
le32() { local n=$1; printf "\\$(printf %03o $((n & 255)))\\$(printf %03o $((n >> 8 & 255)))\\$(printf %03o $((n >> 16 & 255)))\\$(printf %03o $((n >> 24 & 255)))"; }
{
  le32 "$(stat -c %s "$base.shp")"
  le32 "$(stat -c %s "$base.shx")"
  printf "\\$(printf %03o "$flags")"
  cat "$base.shp" "$base.shx" "$base.dbf"
} > "$out"
