#!/usr/bin/env bash
# Search relevance on the Cranfield collection (../shared/eval/relevance-dev): index the corpus
# with the CLI, run every query as a TREC run with default settings, score it with the shared
# trec_eval-compatible scorer. Prints the scorer's table; the run is left in $WORK/run.txt.
#
#   bench/relevance.sh [BROADSHEET_CLI]    (default: build/native/cli/broadsheet)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
cli=${1:-$root/build/native/cli/broadsheet}
shared=${BROADSHEET_SHARED_DIR:-$root/../shared}
data=$shared/eval/relevance-dev
work=${WORK:-$(mktemp -d)}
mkdir -p "$work"
[ -x "$cli" ] || { echo "no CLI at $cli: build first (cmake --build build/native)" >&2; exit 2; }

gzip -dc "$data/corpus.jsonl.gz" >"$work/cranfield.jsonl"
"$cli" index "$work/cranfield.bsi" "$work/cranfield.jsonl"
"$cli" search "$work/cranfield.bsi" --batch "$data/queries.tsv" --trec broadsheet -n 1000 >"$work/run.txt"
echo "run: $work/run.txt ($(wc -l <"$work/run.txt") lines)"
python3 "$shared/eval/trec_eval.py" "$data/qrels.txt" "$work/run.txt"
