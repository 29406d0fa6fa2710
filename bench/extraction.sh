#!/usr/bin/env bash
# Article extraction quality on ../shared/eval/extraction-dev: builds the CLI from a fresh build
# folder, extracts every page, and scores the result with the benchmark's scorer.
#
#   bench/extraction.sh [BUILD_DIR]       (default: build/bench-extraction, created afresh)
#
# Prints the scorer's table (body precision/recall/F1 over the truth's segments, title, author and
# date exact-match rates). Needs cmake, ninja, a C++20 compiler, node and python3.
# Environment: BENCH_REUSE_BUILD=1 keeps an existing build folder; SCORE_ARGS="--worst 20" is
# passed to the scorer; BENCH_KEEP=FILE keeps the predictions (PRED.jsonl).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
shared="${BROADSHEET_SHARED:-$root/../shared}"
eval_dir="$shared/eval/extraction-dev"
build="${1:-$root/build/bench-extraction}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

if [ -z "${BENCH_REUSE_BUILD:-}" ]; then rm -rf "$build"; fi
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF >/dev/null
cmake --build "$build" --target broadsheet >/dev/null

mkdir -p "$work/pages"
for f in "$eval_dir"/pages/*.gz; do
    gzip -dc "$f" >"$work/pages/$(basename "$f" .gz)"
done
"$build/cli/broadsheet" extract --format jsonl "$work/pages" >"$work/out.jsonl" 2>"$work/errors.txt" || true

# The CLI names each article by its file; the truth is keyed by URL.
python3 - "$eval_dir/truth.json" "$work/out.jsonl" "$work/PRED.jsonl" <<'PY'
import json, os, sys
truth = json.load(open(sys.argv[1], encoding="utf-8"))
by_file = {v["file"]: k for k, v in truth.items()}
with open(sys.argv[3], "w", encoding="utf-8") as out:
    for line in open(sys.argv[2], encoding="utf-8"):
        a = json.loads(line)
        key = by_file.get(os.path.basename(a["file"]))
        if key is None:
            continue
        out.write(json.dumps({"id": key, "title": a.get("title", ""), "text": a.get("text", ""),
                              "byline": a.get("byline", ""), "date": a.get("date", "")}, ensure_ascii=False) + "\n")
PY
echo "CLI: $(grep -c ': warning: ' "$work/errors.txt" || true) warnings (legacy encodings, repairs)," \
    "$(grep -c ': error: ' "$work/errors.txt" || true) pages without an article" >&2
node "$shared/eval/score.mjs" --truth "$eval_dir/truth.json" "$work/PRED.jsonl" ${SCORE_ARGS:-}
if [ -n "${BENCH_KEEP:-}" ]; then cp "$work/PRED.jsonl" "$BENCH_KEEP"; fi
