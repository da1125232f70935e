#!/usr/bin/env bash
# A full render of the smallest map (tumen) under valgrind's memcheck: no invalid reads or
# writes, no use of uninitialised values, no definite leaks. Fontconfig's own leak while it
# parses its configuration is suppressed (valgrind_render.supp); "still reachable" caches
# of fontconfig and Pango are not leaks. Skipped (exit 77) only in an AddressSanitizer build,
# which valgrind cannot run.
source "$(dirname "$0")/lib.sh"
cd "$SRC"
if [ -n "${CM_ASAN:-}" ] || ldd "$CM" | grep -q 'libasan'; then
  echo "valgrind_render: skipped: $CM is an AddressSanitizer build"
  echo "valgrind_render: 0 passed, 0 failed"
  exit 77
fi
rc=0
valgrind --leak-check=full --errors-for-leak-kinds=definite --error-exitcode=3 \
  --num-callers=50 --suppressions=tests/valgrind_render.supp \
  "$CM" render styles/tumen.yaml -o "$T/x.png" > "$T/out.txt" 2> "$T/valgrind.txt" || rc=$?
if [ "$rc" -eq 0 ]; then
  ok
else
  bad "valgrind exit $rc (3: memory errors or definite leaks):
$(grep -vE '^==[0-9]+== *$' "$T/valgrind.txt" | grep -A30 -E 'Invalid|uninitialised|definitely lost in|ERROR SUMMARY' | head -120)"
fi
check "the render wrote a PNG" test "$(head -c 4 "$T/x.png" 2> /dev/null | tail -c 3)" = PNG
check "valgrind saw no errors" grep -q 'ERROR SUMMARY: 0 errors' "$T/valgrind.txt"
done_tests
