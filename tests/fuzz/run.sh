#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, ASan + UBSan) into build/fuzz and runs each for SECONDS.
#
#   tests/fuzz/run.sh [SECONDS] [TARGET...]      default: 20 seconds, every target
#
# Per target, one process on one core:
#   1. the saved crash inputs in tests/fuzz/regressions/TARGET/ are run once (each must pass);
#   2. libFuzzer runs for SECONDS over its corpus, build/fuzz/corpus/TARGET (kept between runs),
#      seeded from tests/fuzz/seeds/TARGET/, the generated seeds (make_seeds) and the shared samples,
#      with the dictionary in tests/fuzz/dicts/ when there is one.
# Prints one row per target (runs, exec/s, corpus, crashes) and exits 1 if any target crashed,
# timed out, ran out of memory or leaked. Each crashing input is kept in build/fuzz/crashes/TARGET/;
# copy it to tests/fuzz/regressions/TARGET/ to make it a regression test.
#
# Environment:
#   CC, CXX             compilers (default clang-14, clang++-14; needs libclang-rt-14-dev)
#   BROADSHEET_SHARED   the shared folder (default: ../shared beside the repository)
#   FUZZ_JOBS           build parallelism (default 2)
#   FUZZ_MAX_LEN        largest input libFuzzer makes, bytes (default 16384)
#   FUZZ_SEED           libFuzzer's random seed (default: a new one each run); with the same seed,
#                       code and corpus, a run makes the same inputs until its time runs out
#   FUZZ_KEEP_GOING=1   fork mode: record every crash and go on fuzzing instead of stopping at the
#                       first (for long runs); the crashes are then grouped by cause (triage.sh)
#   FUZZ_CLEAN=1        rebuild from scratch (if a crash looks like two views of one struct: object
#                       files older than a header they were built from, e.g. after mtimes moved back)
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
seconds=${1:-20}
shift $(( $# > 0 ? 1 : 0 ))
shared="${BROADSHEET_SHARED:-$(cd "$root/.." && pwd)/shared}"
build="$root/build/fuzz"
export CC="${CC:-clang-14}" CXX="${CXX:-clang++-14}"

die() { echo "fuzz: $*" >&2; exit 2; }
[[ "$seconds" =~ ^[0-9]+$ ]] || die "SECONDS must be a whole number (got '$seconds')"
command -v "$CXX" >/dev/null || die "$CXX not found (apt-get install clang-14 libclang-rt-14-dev llvm-14)"

# -O1 -g as libFuzzer recommends; libstdc++'s assertions add bounds checks on operator[] that
# ASan cannot see (inside one allocation).
flags="-O1 -D_GLIBCXX_ASSERTIONS"
echo "fuzz: building into $build (CXX=$CXX)"
mkdir -p "$build"
cmake -S "$root" -B "$build" -G Ninja -DBROADSHEET_FUZZ=ON -DBUILD_TESTING=OFF -DCMAKE_BUILD_TYPE=Debug \
    "-DCMAKE_C_FLAGS=$flags" "-DCMAKE_CXX_FLAGS=$flags" >"$build.configure.log" 2>&1 ||
    { cat "$build.configure.log"; die "configure failed"; }
[ "${FUZZ_CLEAN:-0}" = 1 ] && cmake --build "$build" --target clean >/dev/null
cmake --build "$build" --target fuzz_all -j "${FUZZ_JOBS:-2}" >"$build.build.log" 2>&1 ||
    { tail -40 "$build.build.log"; die "build failed (log: $build.build.log)"; }

bin="$build/tests/fuzz"
if [ $# -gt 0 ]; then
    targets=("$@")
else
    targets=()
    for f in "$bin"/fuzz_*; do [ -x "$f" ] && targets+=("${f##*/fuzz_}"); done
fi
[ ${#targets[@]} -gt 0 ] || die "no fuzz targets were built"

generated="$build/seeds-generated"
"$bin/make_seeds" "$generated" "$shared/samples" >/dev/null || die "make_seeds failed"

# Targets that read article text also start from the shared samples.
takes_text() { case $1 in index_load | query | article_json) return 1 ;; *) return 0 ;; esac; }
dict_for() {
    case $1 in
    import_html) echo "$here/dicts/html.dict" ;;
    import_json | article_json) echo "$here/dicts/json.dict" ;;
    import_markdown) echo "$here/dicts/markdown.dict" ;;
    import_mail) echo "$here/dicts/mail.dict" ;;
    query) echo "$here/dicts/query.dict" ;;
    esac
}

failed=0
rows=()
for t in "${targets[@]}"; do
    exe="$bin/fuzz_$t"
    [ -x "$exe" ] || die "no such target: $t"
    corpus="$build/corpus/$t" crashes="$build/crashes/$t" log="$build/logs/$t.log"
    mkdir -p "$corpus" "$crashes" "$build/logs"

    # 1. Regressions: every saved crash input must now pass.
    regress="ok" reg_files=()
    [ -d "$here/regressions/$t" ] && mapfile -t reg_files < <(find "$here/regressions/$t" -type f | sort)
    if [ ${#reg_files[@]} -gt 0 ]; then
        if ! "$exe" -timeout=30 -rss_limit_mb=2560 "${reg_files[@]}" >"$build/logs/$t.regressions.log" 2>&1; then
            regress="FAIL"
            failed=1
        fi
        regress="$regress (${#reg_files[@]})"
    else
        regress="-"
    fi

    # 2. Fuzz.
    seeds=()
    for d in "$here/seeds/$t" "$generated/$t"; do [ -d "$d" ] && seeds+=("$d"); done
    takes_text "$t" && [ -d "$shared/samples" ] && seeds+=("$shared/samples")
    opts=(-max_total_time="$seconds" -timeout=10 -rss_limit_mb=2560 -max_len="${FUZZ_MAX_LEN:-16384}"
        -print_final_stats=1 -artifact_prefix="$crashes/")
    d=$(dict_for "$t")
    [ -n "$d" ] && opts+=(-dict="$d")
    [ -n "${FUZZ_SEED:-}" ] && opts+=(-seed="$FUZZ_SEED")
    [ "${FUZZ_KEEP_GOING:-0}" = 1 ] && opts+=(-fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1)
    find "$crashes" -type f | sort >"$build/logs/$t.before"
    echo "fuzz: $t for ${seconds}s"
    timeout -k 10 $((seconds + 300)) "$exe" "${opts[@]}" "$corpus" "${seeds[@]}" >"$log" 2>&1
    rc=$?
    new_files=$(find "$crashes" -type f | sort | comm -13 "$build/logs/$t.before" -)
    new=$(grep -c . <<<"$new_files")
    runs=$(grep -Eo 'stat::number_of_executed_units: [0-9]+' "$log" | awk '{s += $2} END {print s + 0}')
    [ "$runs" = 0 ] && runs=$(grep -Eo '^#[0-9]+' "$log" | tail -1 | tr -d '#')
    speed=$(grep -Eo 'exec/s: [0-9]+' "$log" | tail -1 | awk '{print $2}')
    corp=$(grep -Eo 'corp: [0-9]+/[0-9]+[a-zA-Z]*' "$log" | tail -1 | cut -d' ' -f2)
    status="ok"
    if [ $rc -ne 0 ] || [ $new -gt 0 ]; then
        status="CRASH (exit $rc, log: ${log#"$root"/})"
        [ $rc -eq 124 ] && status="HUNG (killed after $((seconds + 300))s)"
        failed=1
        if [ "${FUZZ_KEEP_GOING:-0}" = 1 ] && [ -n "$new_files" ]; then
            # Fork mode keeps the children's reports out of the log: group the inputs by cause.
            mapfile -t nf <<<"$new_files"
            "$here/triage.sh" "$t" "${nf[@]:0:200}" | sed 's/^/    /'
        else
            grep -E '^(==[0-9]+==ERROR|==fuzz==|SUMMARY|.*runtime error)' "$log" | head -5 | sed 's/^/    /'
            [ -n "$new_files" ] && sed 's/^/    kept: /' <<<"$new_files"
        fi
    fi
    rows+=("$(printf '%-14s %10s %8s %12s %8s  %-12s %s' "$t" "${runs:-?}" "${speed:-?}" "${corp:-?}" "$new" "$regress" "$status")")
done

echo
printf '%-14s %10s %8s %12s %8s  %-12s %s\n' target runs exec/s corpus crashes regressions status
printf '%s\n' "${rows[@]}"
if [ $failed -ne 0 ]; then
    echo "fuzz: FAILED -- crashing inputs are in $build/crashes/<target>/ (logs in $build/logs/)"
    exit 1
fi
echo "fuzz: ${#targets[@]} targets, ${seconds}s each, no crash"
