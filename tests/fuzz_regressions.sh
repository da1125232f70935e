#!/usr/bin/env bash
# Inputs that once crashed, leaked or tripped a sanitizer in a fuzzer (scripts/fuzz.sh), kept
# in tests/fuzz/regressions/{style,csv,shp}/: the program must refuse each like any bad
# input: exit code 1, a "corridormap: " message, no sanitizer report, no output file.
# Each is copied to the name its fuzzer gives it (in.yaml, in.csv, in.shp) in a temporary
# directory. style/*: the style file rendered; csv/*: added to tumen with --add; shp/*: a
# packed shapefile triple (tests/fuzz/fuzz_shp.c tells the packing) given to tumen as --base.
# NAME.expected beside an input NAME.ext is the exact message (OUT for the temporary dir).
source "$(dirname "$0")/lib.sh"
cd "$SRC"
R=tests/fuzz/regressions

refused() { # input args...
  local f=$1 name rc=0
  shift
  name=$(basename "$(dirname "$f")")/$(basename "$f")
  "$CM" "$@" > "$T/.stdout" 2> "$T/.stderr" || rc=$?
  if [ "$rc" -ne 1 ]; then
    bad "$name: exit $rc, expected 1: $(head -c 600 "$T/.stderr")"
  elif ! head -n 1 "$T/.stderr" | grep -q '^corridormap: '; then
    bad "$name: no 'corridormap: ' message: $(head -c 600 "$T/.stderr")"
  elif grep -qE 'Sanitizer|runtime error' "$T/.stderr"; then
    bad "$name: sanitizer report: $(grep -m1 -E 'Sanitizer|runtime error' "$T/.stderr")"
  elif [ -e "$T/x.png" ]; then
    bad "$name: wrote an output file"
  elif [ -f "${f%.*}.expected" ] && [ "$(sed "s#$T#OUT#g" "$T/.stderr")" != "$(cat "${f%.*}.expected")" ]; then
    bad "$name: message
  got:      $(sed "s#$T#OUT#g" "$T/.stderr")
  expected: $(cat "${f%.*}.expected")"
  else
    ok
  fi
  rm -f "$T/x.png" "$T/.stdout" "$T/.stderr"
}

byte() { od -An -t u1 -j "$2" -N 1 "$1" | tr -d ' '; }
le32() { echo $(($(byte "$1" "$2") | $(byte "$1" $(($2 + 1))) << 8 |
  $(byte "$1" $(($2 + 2))) << 16 | $(byte "$1" $(($2 + 3))) << 24)); }
unpack_shp() { # packed out-base: undoes the packing of fuzz_shp.c
  local f=$1 o=$2 size nshp=0 nshx=0 flags=0 rest
  size=$(stat -c %s "$f")
  rm -f "$o".shp "$o".shx "$o".dbf "$o".cpg
  if [ "$size" -lt 9 ]; then
    : > "$o.shp"; : > "$o.shx"; : > "$o.dbf"
    return
  fi
  nshp=$(le32 "$f" 0) nshx=$(le32 "$f" 4) flags=$(byte "$f" 8)
  rest=$((size - 9))
  [ "$nshp" -le "$rest" ] || nshp=$rest
  [ "$nshx" -le $((rest - nshp)) ] || nshx=$((rest - nshp))
  tail -c +10 "$f" | head -c "$nshp" > "$o.shp"
  tail -c +$((10 + nshp)) "$f" | head -c "$nshx" > "$o.shx"
  tail -c +$((10 + nshp + nshx)) "$f" > "$o.dbf"
  if [ $((flags & 1)) -ne 0 ]; then printf 'ISO-8859-1\n' > "$o.cpg"; fi
}

n=0
for f in "$R"/style/*; do
  case $f in *.expected) continue ;; esac
  [ -f "$f" ] || continue
  cp "$f" "$T/in.yaml"
  refused "$f" render "$T/in.yaml" -o "$T/x.png"
  n=$((n + 1))
done
for f in "$R"/csv/*; do
  case $f in *.expected) continue ;; esac
  [ -f "$f" ] || continue
  cp "$f" "$T/in.csv"
  refused "$f" render styles/tumen.yaml --add "$T/in.csv" -o "$T/x.png"
  n=$((n + 1))
done
for f in "$R"/shp/*; do
  case $f in *.expected) continue ;; esac
  [ -f "$f" ] || continue
  unpack_shp "$f" "$T/in"
  refused "$f" render styles/tumen.yaml --base "$T/in.shp" -o "$T/x.png"
  n=$((n + 1))
done
check "there are regression inputs" test "$n" -gt 0
done_tests
