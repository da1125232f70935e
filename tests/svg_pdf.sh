#!/usr/bin/env bash
# SVG and PDF as other programs see them: the SVG is XML with Inkscape layers in drawing
# order, real <text> and no glyph symbols, renders in rsvg-convert like the Cairo PNG;
# the PDF opens in pdftoppm, holds the labels as text, and is the same bytes twice.
source "$(dirname "$0")/lib.sh"
cd "$SRC"
"$CM" render styles/overview.yaml -o "$T/ov.svg" --label-report "$T/labels.json"
"$CM" render styles/overview.yaml -o "$T/ov.png"
"$CM" render styles/overview.yaml -o "$T/ov.pdf"
"$CM" render styles/overview.yaml -o "$T/ov2.pdf"

check "SVG parses as XML" xmllint --noout "$T/ov.svg"
layers=$(xmllint --xpath '//*[local-name()="g"]/@*[local-name()="label"]' "$T/ov.svg" |
  sed 's/ *[a-z]*:*label="\([^"]*\)"/\1\n/g' | grep -v '^$' | tr '\n' '|')
check "layers in drawing order: $layers" \
  bash -c "[[ '$layers' == Countries\|Lakes\|Rivers\|Coastlines\|Borders\|Graticule\|Seas\|Sea\ route\|*Labels\|Title\|Legend\|Sources\|Scale\ bar\| ]]"
check "every layer is an Inkscape layer" \
  test "$(grep -c '<g ' "$T/ov.svg")" -eq "$(grep -c 'inkscape:groupmode="layer"' "$T/ov.svg")"
check "no glyph symbols" bash -c "! grep -q '<symbol' '$T/ov.svg'"
check "physical size in mm with a viewBox" grep -q 'width="[0-9.]*mm" height="[0-9.]*mm" viewBox="0 0 2400 1600"' "$T/ov.svg"
size=$(stat -c %s "$T/ov.svg")
check "overview SVG under 5 MB ($size bytes)" test "$size" -lt 5000000
check "features keep their ids and names" grep -q '<path id="pipelines-power_of_siberia" class="pipelines[^"]*" d="[^"]*"><title>' "$T/ov.svg"

# every placed label is a <text> in the SVG and text in the PDF
grep -o '"text": "[^"]*", "placed": true' "$T/labels.json" | sed 's/"text": "\(.*\)", "placed": true/\1/' > "$T/placed.txt"
check "labels were placed" test "$(wc -l < "$T/placed.txt")" -ge 20
pdftotext -raw "$T/ov.pdf" "$T/ov.txt"
tr -d ' \n' < "$T/ov.txt" > "$T/ov.flat"
missing_svg=0 missing_pdf=0
while IFS= read -r label; do
  grep -qF ">$label</text>" "$T/ov.svg" || missing_svg=$((missing_svg + 1))
  grep -qF "$(printf '%s' "$label" | tr -d ' ')" "$T/ov.flat" || missing_pdf=$((missing_pdf + 1))
done < "$T/placed.txt"
check "every placed label is an SVG <text> ($missing_svg missing)" test "$missing_svg" -eq 0
check "every placed label is PDF text ($missing_pdf missing)" test "$missing_pdf" -eq 0
check "pdftotext finds Zarubino or Khorgos" grep -q -E "Zarubino|Khorgos" "$T/ov.txt"
check "same input, same PDF bytes" cmp -s "$T/ov.pdf" "$T/ov2.pdf"
check "pdftoppm opens the PDF" pdftoppm -r 30 -png -singlefile "$T/ov.pdf" "$T/pdfpage"
check "the PDF page is A-size landscape-ish" test -s "$T/pdfpage.png"

# rsvg-convert draws our SVG like Cairo draws the PNG. Text is laid out by two programs
# (glyph advances differ by a fraction of a pixel, dash phases shift where the SVG drops
# sub-pixel vertices): measured 1.9% of pixels off by more than 64 in a channel on the
# overview, nearly all of it at glyph edges. The bound of 3% still fails on any shifted,
# missing or recoloured layer (the country fill alone covers over 40% of the pixels).
check "rsvg-convert renders the SVG" rsvg-convert -w 2400 -h 1600 -o "$T/rsvg.png" "$T/ov.svg"
diff=$("$PROBE" "$T/ov.png" --diff "$T/rsvg.png")
check "rsvg PNG matches Cairo PNG (differing share $diff)" awk -v d="$diff" 'BEGIN{exit !(d < 0.03)}'
done_tests
