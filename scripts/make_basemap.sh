#!/usr/bin/env bash
# Regenerate corridormap's base map layers in geodata/base/:
#   countries, coastlines, borders  <- Natural Earth 1:10m via npm world-atlas@2.0.2
#   lakes, rivers                   <- GSHHG / WDBII high resolution via GMT
# Usage: bash scripts/make_basemap.sh
# Installs the Debian packages it needs (apt-get), fetches world-atlas with `npm pack`,
# works in a temporary directory and replaces the layer files in geodata/base/.
# Re-runnable; the output is byte-for-byte the same on every run.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="$ROOT/geodata/base"
PY=/usr/bin/python3          # Debian's python: the python3-* packages below live there
WORLD_ATLAS=world-atlas@2.0.2
# sha256 of countries-10m.json in world-atlas 2.0.2 (npm also checks the tarball's integrity)
COUNTRIES_SHA256=3bc6f1d367a9bcec479841bae0e76092f512838411d0cef124e92eec4db45f79
ISO_JSON=/usr/share/iso-codes/json/iso_3166-1.json
LAYERS=(countries coastlines borders lakes rivers)
START=$(date +%s)

# ------------------------------------------------------------------ packages
PKGS=(gdal-bin python3-gdal python3-shapely python3-pyproj python3-scipy python3-numpy
      gmt gmt-gshhg-high iso-codes)
missing=()
for p in "${PKGS[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)
if ((${#missing[@]})); then
    SUDO=""
    [ "$(id -u)" -eq 0 ] || SUDO=sudo
    echo "installing: ${missing[*]}"
    $SUDO apt-get update -q
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

# ------------------------------------------------------------------ inputs
WORK="$(mktemp -d /tmp/make_basemap.XXXXXX)"
trap 'rm -rf "$WORK"' EXIT
(cd "$WORK" && npm pack --silent "$WORLD_ATLAS" >/dev/null && tar xzf world-atlas-*.tgz)
TOPO="$WORK/package/countries-10m.json"
echo "$COUNTRIES_SHA256  $TOPO" | sha256sum -c --quiet -

# ------------------------------------------------------------------ build
mkdir -p "$WORK/out" "$WORK/gmt" "$OUT"
env -u PYTHONPATH -u PYTHONHOME "$PY" -s "$ROOT/scripts/make_basemap.py" \
    "$TOPO" "$ISO_JSON" "$WORK/out" "$WORK/gmt"

# replace only the generated layer files (README.md stays)
for l in "${LAYERS[@]}"; do
    for ext in shp shx dbf prj cpg; do
        rm -f "$OUT/$l.$ext"
        mv "$WORK/out/$l.$ext" "$OUT/$l.$ext"
    done
done

# ------------------------------------------------------------------ report
for l in "${LAYERS[@]}"; do
    { ogrinfo -so "$OUT/$l.shp" "$l" | grep -E "^(Geometry|Feature Count|Extent)" || true; } |
        sed "s/^/$l: /"
done
du -sh "$OUT"
echo "make_basemap: done in $(( $(date +%s) - START )) s"
