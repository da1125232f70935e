#!/usr/bin/env bash
# Renders the small pictures of each map shown in README.md into docs/.
set -euo pipefail
cd "$(dirname "$0")/.."
for s in styles/[!_]*.yaml; do
  id=$(basename "$s" .yaml)
  w=$(sed -n 's/^  width: *//p' "$s"); h=$(sed -n 's/^  height: *//p' "$s")
  ./build/corridormap render "$s" -o "docs/$id.png" --width 900 --height $((900 * h / w)) --dpi $((200 * 900 / w))
done
