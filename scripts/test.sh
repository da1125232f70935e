#!/usr/bin/env bash
# Second command of the README (and all that .ci/run does): install the packages, build with
# warnings as errors, run the whole suite; then again under AddressSanitizer and
# UndefinedBehaviorSanitizer; then each libFuzzer harness for a bounded time
# (FUZZ_SECONDS, default 45).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/deps.sh
jobs=$(nproc)
# one format for all C code (.clang-format)
clang-format --dry-run -Werror src/*/*.[ch] tests/*.[ch] tests/fuzz/*.[ch]
echo "format: clang-format clean"
cmake -S . -B build-test -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCM_WERROR=ON
cmake --build build-test -j"$jobs"
(cd build-test && ctest --output-on-failure -j"$jobs")
cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DCM_WERROR=ON -DCM_SANITIZE=ON
cmake --build build-asan -j"$jobs"
# leaks are checked by valgrind in the suite (LeakSanitizer trips on fontconfig's caches)
(cd build-asan && ASAN_OPTIONS=detect_leaks=0 UBSAN_OPTIONS=print_stacktrace=1 \
  ctest --output-on-failure -j"$jobs")
FUZZ_SECONDS=${FUZZ_SECONDS:-45} bash scripts/fuzz.sh
