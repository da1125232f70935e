#!/usr/bin/env bash
# Fuzzes the readers of user files with libFuzzer (clang, ASan+UBSan): builds build-fuzz,
# then runs fuzz_style, fuzz_csv and fuzz_shp for FUZZ_SECONDS each (default 60) on a copy
# of tests/fuzz/corpus/KIND plus tests/fuzz/regressions/KIND in a temporary directory.
# Prints one line per fuzzer and "fuzz: N passed, N failed"; exits non-zero when any
# fuzzer found a crash, leak, hang or undefined behaviour. The input that did it and the
# fuzzer's log are kept in build-fuzz/artifacts/ (add the input to tests/fuzz/regressions/).
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${FUZZ_SECONDS:-60}
case $secs in '' | *[!0-9]*) echo "fuzz: FUZZ_SECONDS must be a whole number" >&2; exit 2 ;; esac
command -v clang > /dev/null || bash scripts/deps.sh
B=build-fuzz
mkdir -p "$B"
if ! { CC=clang cmake -S . -B "$B" -DCM_FUZZ=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo &&
  cmake --build "$B" -j"$(nproc)" --target fuzz_style fuzz_csv fuzz_shp; } > "$B/fuzz-build.log" 2>&1; then
  cat "$B/fuzz-build.log" >&2
  echo "fuzz: the build failed" >&2
  exit 2
fi
T=$(mktemp -d /tmp/cm_fuzzrun.XXXXXX)
trap 'rm -rf "$T"' EXIT
A=$PWD/$B/artifacts
mkdir -p "$A"
pass=0
fail=0
for kind in style csv shp; do
  mkdir -p "$T/$kind"
  cp tests/fuzz/corpus/$kind/* "$T/$kind/"
  cp tests/fuzz/regressions/$kind/* "$T/$kind/" 2> /dev/null || true
  log=$A/fuzz_$kind.log
  rm -f "$log"
  rc=0
  CM_FUZZ_TMP=$T ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
    "$B/tests/fuzz/fuzz_$kind" "$T/$kind" -max_total_time="$secs" -timeout=10 \
    -artifact_prefix="$A/$kind-" -print_final_stats=1 > "$log" 2>&1 || rc=$?
  stats=$(grep -E '^#[0-9]+.*(DONE|pulse|NEW|REDUCE|INITED)' "$log" | tail -1 |
    sed -E 's/^#([0-9]+)[[:space:]]+[A-Z]+[[:space:]]+cov: ([0-9]+) ft: ([0-9]+) corp: ([0-9]+).*/\1 runs, cov \2, ft \3, corpus \4/')
  if [ "$rc" -eq 0 ]; then
    pass=$((pass + 1))
    echo "fuzz_$kind: passed, ${secs} s, $stats"
  else
    fail=$((fail + 1))
    what=$(grep -m1 -E 'ERROR: (AddressSanitizer|LeakSanitizer|libFuzzer)|runtime error|SUMMARY' "$log" || true)
    art=$(sed -n 's/.*Test unit written to \(.*\)$/\1/p' "$log" | tail -1)
    echo "fuzz_$kind: FAILED (exit $rc) after $stats: ${what:-see $log}; input: ${art:-none}; log: $log"
  fi
done
echo "fuzz: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
