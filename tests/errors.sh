#!/usr/bin/env bash
# Every bad input gets one exact message naming the file and line, record or property, exit
# code 1, no crash, no output file created, and an existing output left byte for byte.
# Fixtures are in tests/errors/; shapefile damage is made here from the committed base map.
source "$(dirname "$0")/lib.sh"
cd "$SRC/tests/errors"
OV=../../styles/overview.yaml
printf 'precious' > "$T/keep.png"
printf 'precious' > "$T/keep.svg"
cp ../../geodata/base/countries.{shp,shx,dbf,prj,cpg} "$T/" 2>/dev/null
# a .shp cut short after its header and a few records, an .shx of another file, no .dbf
head -c 20000 "$T/countries.shp" > "$T/trunc.shp"; cp "$T/countries.shx" "$T/trunc.shx"
cp "$T/countries.dbf" "$T/trunc.dbf"
cp "$T/countries.shp" "$T/nodbf.shp"; cp "$T/countries.shx" "$T/nodbf.shx"
head -c 50 "$T/countries.shp" > "$T/hdr.shp"; cp "$T/countries.shx" "$T/hdr.shx"; cp "$T/countries.dbf" "$T/hdr.dbf"
cp "$T/countries.shp" "$T/shortdbf.shp"; cp "$T/countries.shx" "$T/shortdbf.shx"
head -c 5000 "$T/countries.dbf" > "$T/shortdbf.dbf"
cp ../../geodata/base/coastlines.shp "$T/mixed.shp"; cp ../../geodata/base/coastlines.shx "$T/mixed.shx"
cp "$T/countries.dbf" "$T/mixed.dbf"

expect() { # name exit-code "expected stderr (OUT stands for the temp dir)" args...
  local name=$1 code=$2 want=$3; shift 3
  local before after got rc
  before=$(ls -A "$T" | sort | md5sum)
  if [ "$1" = bash ]; then "$@"; else "$CM" "$@"; fi > "$T/.stdout" 2> "$T/.stderr"; rc=$?
  rm -f "$T/.stdout"
  got=$(sed "s#$T#OUT#g" "$T/.stderr"); rm -f "$T/.stderr"
  after=$(ls -A "$T" | sort | md5sum)
  if [ "$rc" -ne "$code" ]; then bad "$name: exit $rc, expected $code ($got)"; return; fi
  if [ "$got" != "$want" ]; then bad "$name: message
  got:      $got
  expected: $want"; return; fi
  if [ "$before" != "$after" ]; then bad "$name: files in the output directory changed"; return; fi
  if [ "$(cat "$T/keep.png")" != precious ]; then bad "$name: clobbered keep.png"; return; fi
  ok
}

expect csv_lat 1 "corridormap: lat_out_of_range.csv:3: latitude '95.2' is not a number from -90 to 90" \
  render $OV --add lat_out_of_range.csv -o "$T/keep.png"
expect csv_header 1 "corridormap: missing_lon.csv:1: header has no 'lon' column (a layer needs name, lon and lat)" \
  render $OV --add missing_lon.csv -o "$T/keep.png"
expect csv_empty 1 "corridormap: empty.csv: empty file: no header row" \
  render $OV --add empty.csv -o "$T/keep.png"
expect csv_short 1 "corridormap: short_row.csv:3: expected 3 fields as in the header, found 2" \
  render $OV --add short_row.csv -o "$T/keep.png"
expect csv_nan 1 "corridormap: not_a_number.csv:2: longitude 'east' is not a number from -180 to 180" \
  render $OV --add not_a_number.csv -o "$T/keep.png"
# BOM, CRLF and a quoted newline are fine; the bad latitude is on physical line 5
expect csv_bom_crlf 1 "corridormap: bom_crlf_bad.csv:5: latitude '999' is not a number from -90 to 90" \
  render $OV --add bom_crlf_bad.csv -o "$T/keep.png"
expect shp_truncated 1 "corridormap: OUT/trunc.shp: record 1: cannot be read (truncated .shp or .shx that disagrees)" \
  render $OV --base "$T/trunc.shp" -o "$T/keep.png"
expect shp_header 1 "corridormap: OUT/hdr.shp: not a readable shapefile (bad or truncated .shp/.shx header)" \
  render $OV --base "$T/hdr.shp" -o "$T/keep.png"
expect shp_no_dbf 1 "corridormap: OUT/nodbf.shp: missing OUT/nodbf.dbf beside the .shp" \
  render $OV --base "$T/nodbf.shp" -o "$T/keep.png"
# a .dbf cut short: the Tumen map reads every record (its inset draws all countries)
rec=$("$CM" render ../../styles/tumen.yaml --base "$T/shortdbf.shp" -o "$T/keep.png" 2>&1 | sed -n 's/.*record \([0-9]*\):.*/\1/p')
expect shp_short_dbf 1 "corridormap: OUT/shortdbf.dbf: record $rec: cannot be read (the .dbf is short or damaged)" \
  render ../../styles/tumen.yaml --base "$T/shortdbf.shp" -o "$T/keep.png"
check "the short .dbf fails on a record past its end ($rec)" test "${rec:-0}" -gt 1
nshapes=$(( ($(stat -c %s "$T/mixed.shx") - 100) / 8 ))
nrecords=$(bash dbf_count.sh "$T/countries.dbf")
expect shp_counts 1 "corridormap: OUT/mixed.shp: $nshapes shapes but $nrecords attribute records in the .dbf" \
  render $OV --base "$T/mixed.shp" -o "$T/keep.png"
# made with Shapelib by tests/make_bad_shp.c
"$MAKE_BAD_SHP" "$T"
expect shp_nan 1 "corridormap: OUT/nan.shp: record 1: vertex 2 is not a finite number" \
  render $OV --base "$T/nan.shp" -o "$T/keep.png"
expect shp_range 1 "corridormap: OUT/range.shp: record 1: vertex 1 (200, 95) is outside lon -180..180, lat -90..90" \
  render $OV --base "$T/range.shp" -o "$T/keep.png"
expect shp_type 1 "corridormap: OUT/patch.shp: shape type 31 is not a point, line or polygon type" \
  render $OV --base "$T/patch.shp" -o "$T/keep.png"
# Latin-1 text decoded by the .cpg; bytes that are not UTF-8 without one shown as U+FFFD
"$CM" render ../../styles/tumen.yaml --base "$T/latin1.shp" -o "$T/latin1.svg"
check "Latin-1 .dbf text decoded by its .cpg" grep -q "<title>São Tomé Test</title>" "$T/latin1.svg"
"$CM" render ../../styles/tumen.yaml --base "$T/badutf8.shp" -o "$T/badutf8.svg"
check "non-UTF-8 .dbf text replaced visibly" grep -q "<title>Bad �� Bytes</title>" "$T/badutf8.svg"
# a polygon of a million vertices renders (and is thinned to what the page can show)
"$CM" render ../../styles/tumen.yaml --base "$T/million.shp" -o "$T/million.png"
check "a million-vertex polygon renders" test -s "$T/million.png"
rm -f "$T"/{nan,range,patch,latin1,badutf8,million}.* 
expect style_typo 1 "corridormap: typo.yaml:8:7: unknown property 'line-widht'; did you mean 'line-width'?
typo.yaml:9:19: line-color must be a colour like \"#3a7bd5\" (or #rgb, #rrggbbaa), not 'blue'
typo.yaml:11:28: circle-radius must be a number from 0 to 100" \
  render typo.yaml -o "$T/keep.png"
expect style_syntax 1 "corridormap: syntax.yaml:4:7: YAML syntax: did not find expected ',' or ']' while parsing a flow sequence" \
  render syntax.yaml -o "$T/keep.png"
expect style_missing_data 1 "corridormap: no_such_file.csv: cannot open: No such file or directory" \
  render missing_data.yaml -o "$T/keep.png"
expect style_missing_font 1 "corridormap: missing_font.yaml: map: font: family 'Comic Neue Imaginary' is not installed (fc-list : family lists them)" \
  render missing_font.yaml -o "$T/keep.png"
expect style_bad_crs 1 "corridormap: bad_crs.yaml: map: crs: unknown or unusable CRS 'EPSG:999999' (PROJ cannot make a projected or geographic CRS of it)" \
  render bad_crs.yaml -o "$T/keep.png"
expect style_huge 1 "corridormap: huge.yaml:1:69: width must be a number from 1 to 20000
huge.yaml:1:86: height must be a number from 1 to 20000" \
  render huge.yaml -o "$T/keep.png"
expect style_inverted 1 "corridormap: inverted.yaml:1:34: extent is empty or inverted: lon1 must exceed lon0 and lat1 lat0" \
  render inverted.yaml -o "$T/keep.png"
expect cli_width 1 "corridormap: --width must be a whole number from 1 to 20000, not '1000000'" \
  render $OV --width 1000000 -o "$T/keep.png"
expect cli_proj 1 "corridormap: ../../styles/overview.yaml: map: crs: unknown or unusable CRS '+proj=nonsense' (PROJ cannot make a projected or geographic CRS of it)" \
  render $OV --proj +proj=nonsense -o "$T/keep.png"
expect cli_extent 1 "corridormap: --extent must be LON0,LAT0,LON1,LAT1 with LON0 < LON1 and LAT0 < LAT1 within -180..360, -90..90, not '10,50,5,60'" \
  render $OV --extent 10,50,5,60 -o "$T/keep.png"
expect out_no_dir 1 "corridormap: OUT/nowhere/map.png: cannot write: its directory does not exist" \
  render $OV -o "$T/nowhere/map.png"
printf 'x' > "$T/afile"
expect out_parent_not_dir 1 "corridormap: OUT/afile/map.png: cannot write: Not a directory" \
  render $OV -o "$T/afile/map.png"
rm -f "$T/afile"
mkdir "$T/adir"
expect out_is_dir 1 "corridormap: OUT/adir: is a directory; give a file name" \
  render $OV --format png -o "$T/adir"
ln -s /dev/null "$T/devlink.png"
expect out_dev_link 1 "corridormap: OUT/devlink.png: is a link to something that is not a regular file; not replacing it" \
  render $OV -o "$T/devlink.png"
check "the link to /dev/null is still a link" test -L "$T/devlink.png"
check "/dev/null is still a character device" test -c /dev/null
# a full disk, simulated with a file size limit: a clear message, the old file kept
expect out_full_disk 2 "corridormap: OUT/keep.svg: write failed: File too large" \
  bash -c "ulimit -f 64; exec \"\$0\" \"\$@\"" "$CM" render $OV -o "$T/keep.svg"
check "keep.svg unchanged after the full disk" test "$(cat "$T/keep.svg")" = precious
# Latin-1 bytes in a CSV are shown as U+FFFD, never a crash in the text layout
printf 'name,lon,lat\nS\xe3o Paulo \xff\xfe,131.0,42.6\n' > "$T/latin1.csv"
"$CM" render ../../styles/tumen.yaml --add "$T/latin1.csv" -o "$T/latin1.svg" 2> /dev/null
check "non-UTF-8 CSV text rendered with U+FFFD" grep -q "S�o Paulo" "$T/latin1.svg"
check "the SVG with it is well-formed XML" xmllint --noout "$T/latin1.svg"
rm -f "$T/latin1.csv" "$T/latin1.svg"
expect usage 1 "corridormap: unknown command: paint
try 'corridormap --help'" paint
# -o - writes to standard output
"$CM" render $OV --format svg -o - > "$T/stdout.svg" 2>/dev/null
check "-o - writes the SVG to standard output" grep -q '</svg>' "$T/stdout.svg"
rm -f "$T/stdout.svg"
done_tests
