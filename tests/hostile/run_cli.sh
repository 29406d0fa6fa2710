#!/usr/bin/env bash
# The hostile-input suite through the CLI: generates 200+ bad files (generate.py) and imports them
# all in one `broadsheet extract` run together with the seed, under /usr/bin/time -v and a timeout;
# check.py then asserts that each bad file got a per-file message (or a best-effort article), the
# seed imported, nothing crashed or hung, and peak RSS stayed under the bound. Prints a summary
# table per category.
#
# Then each file under 4 MB is imported again on its own, and must take at most --file-cpu seconds
# of CPU: a small file that takes longer is a super-linear path (a hang waiting for a bigger file).
#
#   run_cli.sh CLI SHARED WORK [--small | --full] [--rss-mb N] [--timeout SECONDS] [--file-cpu SECONDS]
#
#   CLI      the broadsheet binary          SHARED  the shared folder (samples/)
#   WORK     scratch folder (emptied; the files take about 400 MB of disk, sparse files aside)
#   --small / --full   generate.py's profiles (default: the CI profile, about a minute)
#   --rss-mb           peak RSS bound of the run with every file, MB (default 1024)
#   --timeout          seconds before that run counts as hung (default 150)
#   --file-cpu         CPU seconds (whole number) one small file may take on its own (default 5)
# Needs python3 and GNU time (Debian package `time`).
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
[ $# -ge 3 ] || { sed -n '2,19p' "$0"; exit 2; }
cli=$1 shared=$2 work=$3
shift 3
profile=() rss_mb=1024 limit=150 file_cpu=5
while [ $# -gt 0 ]; do
    case $1 in
    --small | --full) profile=("$1") ;;
    --rss-mb) rss_mb=$2; shift ;;
    --timeout) limit=$2; shift ;;
    --file-cpu) file_cpu=$2; shift ;;
    *) echo "run_cli.sh: unknown option $1" >&2; exit 2 ;;
    esac
    shift
done
[ -x /usr/bin/time ] || { echo "run_cli.sh: /usr/bin/time not found (apt-get install time)" >&2; exit 2; }
seed="$shared/samples/register-china-im-real-names.txt"
[ -f "$seed" ] || { echo "run_cli.sh: the seed is missing: $seed" >&2; exit 2; }

rm -rf "$work" && mkdir -p "$work"
python3 "$here/generate.py" "$work" "${profile[@]}" || exit 1

# ASan's allocator would report a 200 MB read as it is; keep its defaults, but make sure a
# sanitizer report ends the process with a status check.py recognises.
export ASAN_OPTIONS="${ASAN_OPTIONS:-exitcode=86}" UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1}"
/usr/bin/time -v -o "$work/time.txt" timeout -k 5 "$limit" "$cli" extract "$seed" "$work/files" \
    >"$work/out.jsonl" 2>"$work/err.txt"
status=$?

# Each small file alone: CPU seconds, peak RSS (kB), exit status; a hard stop at twice the budget.
: >"$work/perfile.tsv"
while IFS= read -r -d '' f; do
    /usr/bin/time -f "%U %S %M" -o "$work/time1.txt" timeout -k 2 $((file_cpu * 2)) "$cli" extract "$f" \
        >/dev/null 2>&1
    rc=$?
    read -r user sys rss < <(tail -1 "$work/time1.txt")
    name=${f#"$work/files/"}
    printf '%s\t%s\t%s\t%s\n' "${name//$'\n'/\\n}" "$(awk "BEGIN {print $user + $sys}")" "$rss" "$rc" >>"$work/perfile.tsv"
done < <(find "$work/files" -type f -size -4M -print0 | sort -z)

python3 "$here/check.py" "$work" "$status" "$rss_mb" "$seed" "$file_cpu"
