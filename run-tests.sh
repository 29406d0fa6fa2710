#!/usr/bin/env bash
# Installs what the tests need, builds, and runs every test:
#   1. native build (g++): core, CLI, unit tests + CLI and hostile-input tests under ctest
#   2. sanitizer build (ASan + UBSan + LeakSanitizer): the same tests again
#   3. wasm build (em++): the web app into dist/, and the same unit tests run under node by ctest
#   4. browser end-to-end tests: Debian's Chromium + playwright-core against dist/ on 127.0.0.1
#   5. fuzzing, briefly: every libFuzzer target (clang, ASan + UBSan) for FUZZ_SECONDS seconds
#      (default 10; 0 skips), from a fixed random seed (FUZZ_SEED, default 1) so that a find can be
#      run again; the sanitizer build of stage 2 also replays every saved crash input and seed.
#      Longer campaigns: tests/fuzz/run.sh SECONDS (results in bench/RESULTS.md).
# Set BROADSHEET_QUICK=1 to skip stages 2 and 5.
# The shared samples are read from ../shared (override: BROADSHEET_SHARED=DIR).
# Ends with one line: "N passed, N failed" over all suites; exit status 1 if anything failed.
set -uo pipefail
cd "$(dirname "$0")"
source tools/deps.sh
set -e

shared="${BROADSHEET_SHARED:-$(cd .. && pwd)/shared}"
[ -d "$shared/samples" ] || deps_die "shared samples not found at $shared (set BROADSHEET_SHARED)"

if [ -f /etc/debian_version ]; then
    deps_apt g++ make perl pkg-config cmake ninja-build nlohmann-json3-dev doctest-dev libxml2-dev iso-codes liblingua-stopwords-perl \
        libuchardet-dev fonts-noto-core fonttools python3 xz-utils chromium ca-certificates time \
        clang-14 libclang-rt-14-dev llvm-14
    command -v node >/dev/null || deps_apt nodejs npm
fi
deps_native
set +e

total_pass=0 total_fail=0 summary=()
# Records a ctest run's counts from its "N% tests passed, F tests failed out of T" line.
record_ctest() {
    local name=$1 log=$2 line t f
    line=$(grep -E "tests passed, [0-9]+ tests? failed out of [0-9]+" "$log" | tail -1)
    if [ -z "$line" ]; then
        total_fail=$((total_fail + 1)); summary+=("$name: did not run (see above)"); return
    fi
    f=$(sed -E 's/.* ([0-9]+) tests? failed out of ([0-9]+).*/\1/' <<<"$line")
    t=$(sed -E 's/.* failed out of ([0-9]+).*/\1/' <<<"$line")
    total_pass=$((total_pass + t - f)); total_fail=$((total_fail + f))
    summary+=("$name: $((t - f)) passed, $f failed")
}
stage_failed() { total_fail=$((total_fail + 1)); summary+=("$1: FAILED to build"); }

logs=build/test-logs
mkdir -p "$logs"

# 1. Native.
deps_log "native build"
if cmake -S . -B build/native -G Ninja -DCMAKE_BUILD_TYPE=Release "-DBROADSHEET_SHARED_DIR=$shared" >/dev/null &&
    cmake --build build/native; then
    (cd build/native && ctest --output-on-failure) 2>&1 | tee "$logs/native.log"
    record_ctest "native unit+CLI tests" "$logs/native.log"
else
    stage_failed "native build"
fi

# 2. Sanitizers: the native tests again under ASan + UBSan (LeakSanitizer included).
quick=${BROADSHEET_QUICK:-0}
if [ "$quick" != 1 ]; then
    deps_log "sanitizer build"
    if cmake -S . -B build/sanitize -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBROADSHEET_SANITIZE=ON \
        "-DBROADSHEET_SHARED_DIR=$shared" >/dev/null && cmake --build build/sanitize; then
        (cd build/sanitize && ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 \
            ctest --output-on-failure) 2>&1 | tee "$logs/sanitize.log"
        record_ctest "sanitizer build (ASan+UBSan)" "$logs/sanitize.log"
    else
        stage_failed "sanitizer build"
    fi
fi

# 3. Wasm: the site, then the unit tests under node.
deps_log "wasm build"
if ./build-wasm.sh --single-file && cmake -S . -B build/wasm "-DBROADSHEET_SHARED_DIR=$shared" >/dev/null &&
    (deps_emscripten && cmake --build build/wasm --target unit_tests); then
    (deps_emscripten && cd build/wasm && ctest --output-on-failure) 2>&1 | tee "$logs/wasm.log"
    record_ctest "wasm unit tests (node)" "$logs/wasm.log"
else
    stage_failed "wasm build"
fi

# 4. Browser.
deps_log "browser tests"
if [ -f dist/index.html ] && (cd tests/browser && npm ci --no-audit --no-fund --loglevel=error >/dev/null); then
    node tests/browser/e2e.mjs --shared "$shared" 2>&1 | tee "$logs/browser.log"
    line=$(grep -E "^browser tests: [0-9]+ passed, [0-9]+ failed" "$logs/browser.log" | tail -1)
    if [ -n "$line" ]; then
        p=$(sed -E 's/.*: ([0-9]+) passed.*/\1/' <<<"$line"); f=$(sed -E 's/.* ([0-9]+) failed.*/\1/' <<<"$line")
        total_pass=$((total_pass + p)); total_fail=$((total_fail + f)); summary+=("browser tests: $p passed, $f failed")
    else
        total_fail=$((total_fail + 1)); summary+=("browser tests: did not finish")
    fi
else
    stage_failed "browser test setup"
fi

# 5. Fuzzing, briefly (tests/fuzz/run.sh; long runs are recorded in bench/RESULTS.md).
fuzz_seconds=${FUZZ_SECONDS:-10}
if [ "$quick" != 1 ] && [ "$fuzz_seconds" -gt 0 ]; then
    deps_log "fuzzing (${fuzz_seconds} s per target)"
    BROADSHEET_SHARED="$shared" FUZZ_SEED="${FUZZ_SEED:-1}" tests/fuzz/run.sh "$fuzz_seconds" 2>&1 |
        tee "$logs/fuzz.log"
    if grep -q "^fuzz: .* no crash" "$logs/fuzz.log"; then
        n=$(sed -nE 's/^fuzz: ([0-9]+) targets.*/\1/p' "$logs/fuzz.log" | tail -1)
        total_pass=$((total_pass + n)); summary+=("fuzz targets: $n passed, 0 failed")
    else
        total_fail=$((total_fail + 1)); summary+=("fuzz targets: FAILED (see $logs/fuzz.log)")
    fi
fi

echo
printf '  %s\n' "${summary[@]}"
echo "all suites: $total_pass passed, $total_fail failed"
[ "$total_fail" -eq 0 ]
