#!/usr/bin/env bash
# Rendering facts, checked against PROJ's own cs2cs: the markers of Zarubino and Khorgos
# sit where PROJ puts them; sea is water and land is land; a pipeline's pixels lie along
# its projected path; Chukotka draws on both sides of 180 degrees.
source "$(dirname "$0")/lib.sh"
cd "$SRC"
CRS=$(sed -n 's/^ *crs: *"\(.*\)"/\1/p' styles/overview.yaml)
# pixels are read on the map without labels and furniture, which may cover any spot
"$CM" render styles/overview.yaml -o "$T/ov.png" --world-file --no-labels --no-furniture
"$CM" render styles/overview.yaml -o "$T/labelled.png" --label-report "$T/labels.json"
check "world file written" test -s "$T/ov.pgw" -a -s "$T/ov.prj"
check "prj names the LCC" grep -q "Lambert_Conformal_Conic" "$T/ov.prj"

"$CM" list > "$T/list.csv"
# id,name,name_ru,name_zh,kind,status,year,source,lon,lat,length_km
lonlat() { awk -F, -v id="$1" '$1==id {print $(NF-2), $(NF-1)}' "$T/list.csv"; }
marker_at() { # id colour...: the marker of the place is within 2.5 px of where cs2cs puts it
  local id=$1; shift
  read -r lon lat < <(lonlat "$id")
  [ -n "${lon:-}" ] || { bad "$id not in corridormap list"; return; }
  read -r X Y < <(cs2cs_xy "$CRS" "$lon" "$lat")
  read -r px py < <(world_to_px "$T/ov.pgw" "$X" "$Y")
  local best=999
  for c in "$@"; do
    d=$("$PROBE" "$T/ov.png" --near "$px" "$py" 2.5 "$c")
    best=$(awk -v a="$best" -v b="$d" 'BEGIN{print (b<a)?b:a}')
  done
  check "$id marker at $px,$py (colour distance $best)" awk -v d="$best" 'BEGIN{exit !(d < 40)}'
}
marker_at zarubino_port 1f5fa8 8fb3dc 5d8fc9
marker_at khorgos_dry_port c8102e

colour_near() { # what lon lat hex: within 2 px of the point, some pixel is that colour
  read -r X Y < <(cs2cs_xy "$CRS" "$2" "$3")
  read -r px py < <(world_to_px "$T/ov.pgw" "$X" "$Y")
  d=$("$PROBE" "$T/ov.png" --near "$px" "$py" 2 "$4")
  check "$1 at $2,$3 -> $px,$py is #$4 (distance $d)" awk -v d="$d" 'BEGIN{exit !(d < 12)}'
}
# water: the Caspian (a lake in GSHHG), the Sea of Japan, the Bay of Bengal
colour_near "Caspian Sea" 50.8 42.3 cfe2f3
colour_near "Sea of Japan" 134.5 40.5 cfe2f3
colour_near "Sea of Okhotsk" 148.0 55.0 cfe2f3
# land: the Kazakh steppe, the Gobi, the Deccan
colour_near "Kazakhstan" 66.0 48.5 f3efe4
colour_near "Mongolia" 103.0 45.5 f3efe4
colour_near "India" 77.0 20.0 f3efe4

# The Power of Siberia's pixels lie along its projected path: segment midpoints in lon/lat
# (the renderer densifies in lon/lat, so they lie on the drawn line)
awk -F, 'NR>1 && $1=="power_of_siberia" {print $4, $5}' geodata/route_points.csv > "$T/pos.txt"
check "power_of_siberia has waypoints" test "$(wc -l < "$T/pos.txt")" -ge 5
hits=0 total=0
prev=""
while read -r lon lat; do
  if [ -n "$prev" ]; then
    read -r plon plat <<< "$prev"
    mlon=$(awk -v a="$plon" -v b="$lon" 'BEGIN{print (a+b)/2}')
    mlat=$(awk -v a="$plat" -v b="$lat" 'BEGIN{print (a+b)/2}')
    read -r X Y < <(cs2cs_xy "$CRS" "$mlon" "$mlat")
    read -r px py < <(world_to_px "$T/ov.pgw" "$X" "$Y")
    d=$("$PROBE" "$T/ov.png" --near "$px" "$py" 1.5 d4380d)
    total=$((total + 1))
    awk -v d="$d" 'BEGIN{exit !(d < 40)}' && hits=$((hits + 1))
  fi
  prev="$lon $lat"
done < "$T/pos.txt"
check "pipeline pixels along its path ($hits of $total segment midpoints)" \
  test "$hits" -ge $((total * 8 / 10))

# Chukotka east of 180 (stored at lon < -169) is drawn on a polar map centred on 180
"$CM" render styles/overview.yaml -o "$T/polar.png" --world-file \
  --proj "+proj=stere +lat_0=90 +lon_0=180 +datum=WGS84 +units=m" --extent 150,55,210,75 \
  --width 800 --height 600 --no-labels --no-furniture
P="+proj=stere +lat_0=90 +lon_0=180 +datum=WGS84 +units=m"
for ll in "175.0 66.0" "-175.0 66.5" "-172.5 65.0"; do
  read -r X Y < <(cs2cs_xy "$P" $ll)
  read -r px py < <(world_to_px "$T/polar.pgw" "$X" "$Y")
  d=$("$PROBE" "$T/polar.png" --near "$px" "$py" 2 f3efe4)
  check "Chukotka land at $ll in a polar map (distance $d)" awk -v d="$d" 'BEGIN{exit !(d < 12)}'
done
# and the Bering Sea south of it stays water, with no band across the map
read -r X Y < <(cs2cs_xy "$P" 180 58)
read -r px py < <(world_to_px "$T/polar.pgw" "$X" "$Y")
d=$("$PROBE" "$T/polar.png" --near "$px" "$py" 2 cfe2f3)
check "Bering Sea is water in a polar map (distance $d)" awk -v d="$d" 'BEGIN{exit !(d < 12)}'

# The label report: no two placed labels overlap, all inside the frame
check "label report has labels" grep -q '"placed": true' "$T/labels.json"
check "placed labels neither overlap nor leave the frame (rotated outlines)" \
  python3 "$(dirname "$0")/check_labels.py" "$T/labels.json" 20

# The scale bar: its length in pixels, laid along the centre row of the labelled map and
# measured on the ground by cs2cs (inverse) and geod, is the distance it is labelled with.
"$CM" render styles/overview.yaml -o "$T/sb.png" --world-file --label-report "$T/sb.json"
read -r km bar_px < <(sed -n 's/.*"scale_bar": {"km": \([0-9.e+]*\), "px": \([0-9.]*\)}.*/\1 \2/p' "$T/sb.json")
check "the scale bar is reported" test -n "${bar_px:-}"
read -r a e c f < <(awk 'NR==1{a=$1} NR==4{e=$1} NR==5{c=$1} NR==6{f=$1} END{print a, e, c, f}' "$T/sb.pgw")
cx=$(awk -v c="$c" -v a="$a" 'BEGIN{printf "%.3f", c - a/2 + 1200*a}')
cy=$(awk -v f="$f" -v e="$e" 'BEGIN{printf "%.3f", f - e/2 + 800*e}')
x1=$(awk -v x="$cx" -v a="$a" -v p="$bar_px" 'BEGIN{printf "%.3f", x + p*a}')
ends=$(printf '%s %s\n%s %s\n' "$cx" "$cy" "$x1" "$cy" |
  cs2cs -I -f %.8f +proj=longlat +datum=WGS84 +no_defs +to $CRS | awk '{printf "%s %s ", $2, $1}')
ground=$(echo "$ends" | geod +ellps=WGS84 -I +units=km -f %.6f | awk '{print $3}')
check "scale bar: $bar_px px on the centre row are $ground km on the ground, labelled $km km" \
  awk -v g="$ground" -v k="$km" 'BEGIN{exit !(g > 0 && (g-k)/k < 0.005 && (k-g)/k < 0.005)}'
done_tests
