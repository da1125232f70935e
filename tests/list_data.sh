#!/usr/bin/env bash
# `list` holds the papers' places with their sources, and its lengths agree with PROJ's
# geod run on the same waypoints.
source "$(dirname "$0")/lib.sh"
cd "$SRC"
"$CM" list > "$T/all.csv"
"$CM" list --format geojson > "$T/all.json"
check "CSV header" test "$(head -1 "$T/all.csv")" = "id,name,name_ru,name_zh,kind,status,year,source,lon,lat,length_km"
for id in zarubino_port khorgos_dry_port power_of_siberia tumen_river south_titr; do
  check "$id listed" grep -q "^$id," "$T/all.csv"
done

check "northern routes listed" grep -q "^north_" "$T/all.csv"
check "southern routes listed" grep -q "^south_" "$T/all.csv"
# every feature cites one of the five papers, by file name
papers='(000_1651b614eef34a81|001_6225201a47dae885|002_b06d58bc8f740e65|003_b078546b59b2f56c|004_b1d71dedfacc80fc)\.txt'
uncited=$(tail -n +2 "$T/all.csv" | grep -v -c -E "$papers" || true)
check "every feature cites a paper ($uncited do not)" test "$uncited" -eq 0
check "GeoJSON is a FeatureCollection" grep -q '"type": "FeatureCollection"' "$T/all.json"
check "GeoJSON has LineStrings" grep -q '"type": "LineString"' "$T/all.json"
check "GeoJSON parses as JSON" python3 -m json.tool "$T/all.json" "$T/parsed.json"
# RFC 7946 3.1.9: the Northern Sea Route, which crosses 180 degrees, is cut there
nsr=$(grep -o '"id": "northern_sea_route", "geometry": {"type": "[A-Za-z]*"' "$T/all.json")
check "a route across 180 is a MultiLineString ($nsr)" bash -c "[[ '$nsr' == *MultiLineString* ]]"
check "cut at 180 on both sides" grep -q '\[180.00000, 69.57407\]\], \[\[-180.00000, 69.57407\]' "$T/all.json"
# --kind filters
"$CM" list --kind pipeline > "$T/pipes.csv"
check "--kind pipeline lists only pipelines" \
  test "$(tail -n +2 "$T/pipes.csv" | awk -F, '$5 != "pipeline"' | wc -l)" -eq 0
# lengths against geod (inverse, km) over the same waypoints, within 0.1%
for id in power_of_siberia; do
  want=$(awk -F, -v id="$id" 'NR>1 && $1==id {print $5, $4}' geodata/route_points.csv |
    awk 'NR>1 {print plat, plon, $1, $2} {plat=$1; plon=$2}' |
    geod +ellps=WGS84 -I +units=km -f %.6f | awk '{s += $3} END {printf "%.3f", s}')
  got=$(awk -F, -v id="$id" '$1==id {print $NF}' "$T/all.csv")
  check "$id length $got km vs geod $want km" \
    awk -v a="$got" -v b="$want" 'BEGIN{exit !(b > 0 && (a-b)/b < 0.001 && (b-a)/b < 0.001)}'
done
done_tests
