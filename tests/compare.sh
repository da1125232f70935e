#!/usr/bin/env bash
# compare: lengths agree with PROJ's geod on the same waypoints; the southern route crosses
# Kazakhstan, Azerbaijan, Georgia and Turkey in that order and not Russia; the northern
# crosses Russia; the southern is the shorter, as the paper says; a route across 180 degrees
# and a sea leg are handled.
source "$(dirname "$0")/lib.sh"
cd "$SRC"
"$CM" compare --format csv > "$T/cmp.csv"
check "eight routes compared" test "$(tail -n +2 "$T/cmp.csv" | wc -l)" -eq 8
# id,name,length_km,land_km,sea_km,diff_km,diff_pct,countries,...
field() { # id column-number: quoted fields (names, figures) are emptied first, as they may
  # hold commas; the numeric and code columns never do
  sed 's/"[^"]*"//g' "$T/cmp.csv" | awk -F, -v id="$1" -v col="$2" '$1==id {print $col}'
}
geod_km() { # route id: the sum of geod inverse distances over its waypoints
  awk -F, -v id="$1" 'NR>1 && $1==id {print $5, $4}' geodata/route_points.csv |
    awk 'NR>1 {print plat, plon, $1, $2} {plat=$1; plon=$2}' |
    geod +ellps=WGS84 -I +units=km -f %.6f | awk '{s += $3} END {printf "%.3f", s}'
}
for id in $(tail -n +2 "$T/cmp.csv" | cut -d, -f1); do
  got=$(field "$id" 3); want=$(geod_km "$id")
  check "$id: $got km vs geod $want km" \
    awk -v a="$got" -v b="$want" 'BEGIN{exit !(b > 0 && (a-b)/b < 0.001 && (b-a)/b < 0.001)}'
done
south=$(field south_lianyungang_istanbul 8)
check "southern route countries in order ($south)" bash -c "[[ '$south' == *KAZ*AZE*GEO*TUR* ]]"
check "southern route avoids Russia" bash -c "[[ '$south' != *RUS* ]]"
north=$(field north_kazakhstan_route 8)
check "northern route crosses Russia ($north)" bash -c "[[ '$north' == *RUS* ]]"
ls=$(field south_lianyungang_istanbul 3); ln=$(field north_kazakhstan_route 3)
check "southern ($ls km) shorter than northern ($ln km)" awk -v s="$ls" -v n="$ln" 'BEGIN{exit !(s < n)}'
check "the southern route has two sea crossings" test "$(field south_lianyungang_istanbul 10)" -eq 2
check "the Caspian and the Black Sea named" bash -c "grep '^south_lianyungang_istanbul' '$T/cmp.csv' | grep -q 'Caspian Sea.*Black Sea'"
check "quoted transit days kept apart" test "$(field south_lianyungang_istanbul 15)" = 14

# a user's routes: one across 180 degrees in Chukotka, one with a sea leg to Japan
cat > "$T/mine.csv" <<'CSV'
route,name,lon,lat,role
chukotka,Anadyr,177.5,64.73,terminal
chukotka,Egvekinot,-179.1,66.32,hub
chukotka,Lavrentiya,-171.0,65.58,terminal
japan_hop,Ussuriysk,131.95,43.8,terminal
japan_hop,Vladivostok,131.88,43.11,ferry
japan_hop,Sea of Japan,134.5,40.0,via
japan_hop,Sakaiminato,133.24,35.54,ferry
CSV
"$CM" compare chukotka japan_hop --add "$T/mine.csv" --format csv > "$T/mine_cmp.csv"
check "user routes compared" test "$(tail -n +2 "$T/mine_cmp.csv" | wc -l)" -eq 2
got=$(awk -F, '$1=="chukotka" {print $3}' "$T/mine_cmp.csv")
want=$(printf '64.73 177.5 66.32 -179.1\n66.32 -179.1 65.58 -171.0\n' | geod +ellps=WGS84 -I +units=km -f %.6f | awk '{s+=$3} END {printf "%.3f", s}')
check "across 180: $got km vs geod $want km" awk -v a="$got" -v b="$want" 'BEGIN{exit !((a-b)/b < 0.001 && (b-a)/b < 0.001)}'
check "across 180: Russia only, no border crossing" \
  test "$(awk -F, '$1=="chukotka" {print $4 "|" $5}' "$T/mine_cmp.csv" | cut -d'|' -f1)" != ""
line=$(grep '^chukotka' "$T/mine_cmp.csv")
check "across 180: countries RUS, 0 borders ($line)" bash -c "[[ '$line' == *,RUS,0,0,* ]]"
line=$(grep '^japan_hop' "$T/mine_cmp.csv")
check "sea leg: RUS then JPN, 0 border and 1 sea crossing ($line)" bash -c "[[ '$line' == *,RUS\ JPN,0,1,* ]]"
check "sea leg named the Sea of Japan" bash -c "[[ '$line' == *Sea\ of\ Japan* ]]"

# the map: PNG, SVG and PDF with the table
"$CM" compare --map "$T/cmp.svg" > /dev/null
check "comparison SVG has the table layer" grep -q 'inkscape:label="Comparison table"' "$T/cmp.svg"
check "comparison SVG shades the countries crossed" grep -q 'id="countries-crossed-' "$T/cmp.svg"
"$CM" compare --map "$T/cmp.pdf" > /dev/null
check "the PDF table is text" bash -c "pdftotext '$T/cmp.pdf' - | grep -q 'Countries crossed'"
done_tests
