#!/usr/bin/env bash
# Groups a target's crashing inputs by cause: runs each through the fuzz binary once and keys it by
# the failed invariant or the sanitizer's summary, plus the first frame in core/.
#
#   tests/fuzz/triage.sh TARGET [CRASH_FILE...]    default: every file in build/fuzz/crashes/TARGET/
#
# Prints one line per cause: how many inputs, the smallest input, the cause.
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
[ $# -ge 1 ] || { sed -n '2,7p' "$0"; exit 2; }
t=$1
shift
exe="$root/build/fuzz/tests/fuzz/fuzz_$t"
[ -x "$exe" ] || { echo "triage: $exe not built (run tests/fuzz/run.sh first)" >&2; exit 2; }
if [ $# -gt 0 ]; then files=("$@"); else mapfile -t files < <(find "$root/build/fuzz/crashes/$t" -type f | sort); fi

declare -A count smallest size
for f in "${files[@]}"; do
    out=$("$exe" -timeout=10 -rss_limit_mb=2560 "$f" 2>&1)
    cause=$(grep -m1 -E '==fuzz== invariant failed|^SUMMARY: (Address|Undefined|Leak|Memory)|Assertion .* failed|ERROR: libFuzzer: (timeout|out-of-memory|deadly signal|malloc)' <<<"$out" |
        sed -E 's/^.*==fuzz== invariant failed: //; s/ -- .*//; s/^SUMMARY: //; s/.*(Assertion .* failed).*/\1/; s/ on address 0x[0-9a-f]+//; s/\(pid=[0-9]+\)//')
    [ -n "$cause" ] || cause="no failure on replay"
    detail=$(grep -m1 -E '==fuzz== invariant failed' <<<"$out" | sed -nE 's/.* -- ([^0-9]*).*/\1/p')
    frame=$(grep -m1 -E '#[0-9]+ 0x[0-9a-f]+ in .*/core/src/' <<<"$out" | sed -E 's/.* in ([^ (]+).* (\/[^ ]+\/core\/src\/[^ ]+)$/\1 \2/; s/\(.*//' |
        sed -E "s#$root/##")
    key="$cause${detail:+ -- $detail}${frame:+ @ $frame}"
    count[$key]=$(( ${count[$key]:-0} + 1 ))
    s=$(stat -c %s "$f")
    if [ -z "${size[$key]:-}" ] || [ "$s" -lt "${size[$key]}" ]; then size[$key]=$s; smallest[$key]=$f; fi
done
for key in "${!count[@]}"; do
    printf '%6d  %-60s  %s\n' "${count[$key]}" "${smallest[$key]#"$root"/} (${size[$key]} B)" "$key"
done | sort -rn
