#!/usr/bin/env bash
# The peer kit's standard job for corridormap: hyperfine medians (1 warm-up, 15 runs) and
# peak RSS, for PNG, SVG and PDF of the 2400x1600 Eurasia overview and for the full report
# maps. Compare with the peers' table in bench/README.md (same machine kind, same frame).
set -euo pipefail
cd "$(dirname "$0")/.."
command -v hyperfine > /dev/null || apt-get install -y -q --no-install-recommends hyperfine
cmake -S . -B build-rel -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF > /dev/null && cmake --build build-rel -j"$(nproc)" > /dev/null
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
runs=${RUNS:-15}
for fmt in png svg pdf; do
  hyperfine -N -w 1 -r "$runs" --export-json "$out/$fmt.json" \
    "build-rel/corridormap render bench/standard.yaml --no-furniture -o $out/std.$fmt" > /dev/null
  median=$(sed -n 's/.*"median": *\([0-9.]*\).*/\1/p' "$out/$fmt.json" | head -1)
  rss=$( { /usr/bin/time -f %M build-rel/corridormap render bench/standard.yaml --no-furniture \
    -o "$out/std.$fmt" > /dev/null; } 2>&1 | tail -1)
  printf 'standard overview %s: median %.0f ms, peak RSS %d MB\n' "$fmt" \
    "$(echo "$median * 1000" | bc -l)" "$((rss / 1024))"
done
for s in overview tumen routes; do
  hyperfine -N -w 1 -r "$runs" --export-json "$out/$s.json" \
    "build-rel/corridormap render styles/$s.yaml -o $out/$s.png" > /dev/null
  median=$(sed -n 's/.*"median": *\([0-9.]*\).*/\1/p' "$out/$s.json" | head -1)
  printf 'report map %s (PNG, with labels and furniture): median %.0f ms\n' "$s" \
    "$(echo "$median * 1000" | bc -l)"
done
