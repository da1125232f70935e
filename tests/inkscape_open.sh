#!/usr/bin/env bash
# Inkscape (Debian's) opens the SVG headless and lists the layers, in drawing order, and the
# labels as text objects with the feature ids they came from. (An empty layer, such as the
# lakes on this map, has no box and is not listed.)
source "$(dirname "$0")/lib.sh"
cd "$SRC"
if ! command -v inkscape > /dev/null; then
  echo "inkscape not installed (scripts/deps.sh installs it)" >&2
  exit 1
fi
"$CM" render styles/tumen.yaml -o "$T/tumen.svg" --label-report "$T/labels.json"
HOME="$T" inkscape --query-all "$T/tumen.svg" > "$T/q.txt" 2> "$T/q.err"
check "inkscape read the SVG" test -s "$T/q.txt"
order=$(grep -o '^layer-[^,]*' "$T/q.txt" | tr '\n' ' ')
check "layers in drawing order: $order" \
  bash -c "[[ '$order' == 'layer-countries layer-rivers layer-coastlines layer-borders layer-graticule '*'layer-labels layer-title layer-legend layer-credits layer-scale-bar layer-inset ' ]]"
for id in zarubino_port hunchun rajin_port; do
  if grep -q "\"feature_id\": \"$id\".*\"placed\": true" "$T/labels.json"; then
    check "label text object labels-$id" grep -q "^labels-$id," "$T/q.txt"
  else
    bad "label of $id was not placed"
  fi
done
check "Zarubino is a <text> Inkscape can edit" grep -q 'id="labels-zarubino_port"[^>]*>Zarubino' "$T/tumen.svg"
done_tests
