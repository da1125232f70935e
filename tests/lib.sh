# Shared by the shell tests: a private temporary directory, pass/fail counting and the
# closing line "N passed, N failed".
set -u
T=$(mktemp -d /tmp/cm_test.XXXXXX)
trap 'rm -rf "$T"' EXIT
PASS=0
FAIL=0
ok() { PASS=$((PASS + 1)); }
bad() { FAIL=$((FAIL + 1)); echo "FAIL: $*" >&2; }
check() { # check "description" command...
  local what=$1; shift
  if "$@"; then ok; else bad "$what"; fi
}
done_tests() {
  echo "$(basename "$0" .sh): $PASS passed, $FAIL failed"
  [ "$FAIL" -eq 0 ]
}
# The pixel column/row of projected X Y in a PNG with a world file (.pgw).
world_to_px() { # pgw X Y
  awk -v X="$2" -v Y="$3" 'NR==1{a=$1} NR==4{e=$1} NR==5{c=$1} NR==6{f=$1}
    END{printf "%.2f %.2f\n", (X-c)/a+0.5, (Y-f)/e+0.5}' "$1"
}
# Projected X Y of lon lat by PROJ's own cs2cs (an independent path from corridormap's).
cs2cs_xy() { # "crs" lon lat
  echo "$2 $3" | cs2cs -f %.3f +proj=longlat +datum=WGS84 +no_defs +to $1 | awk '{print $1, $2}'
}
