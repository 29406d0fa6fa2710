#!/usr/bin/env bash
# The peer benchmark, one command: builds the wasm harness over the core (bench/peers/
# broadsheet_bench.cpp, the same compiler flags as the web app: MinSizeRel), installs the pinned npm
# peers (package-lock.json), and runs them all on one corpus in one node process tree (run.mjs).
#
#   bench/peers/run.sh [--corpus reuters|20news|both] [--docs N] [--peers flexsearch,minisearch,lunr,orama,sqlite,pagefind]
#                      [--out DIR]
# Environment: BUILD (default build/peers-wasm), BUILD_TYPE (default MinSizeRel),
# BROADSHEET_SHARED_DIR (default ../shared, beside the repository).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=${BUILD:-$root/build/peers-wasm}
cd "$root"
# shellcheck source=../../tools/deps.sh
source tools/deps.sh
deps_emscripten # em++, and NODE_PATH/NODE_OPTIONS for Debian's emscripten
if [ ! -f "$build/build.ninja" ]; then
    emcmake cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE="${BUILD_TYPE:-MinSizeRel}" -DBUILD_TESTING=OFF >/dev/null
fi
cmake --build "$build" --target peer_bench >&2 # stdout is the report
# npm ci again whenever package-lock.json changed since node_modules was installed.
(cd "$here" && { [ node_modules/.package-lock.json -nt package-lock.json ] || npm ci --no-audit --no-fund >&2; })
# NODE_OPTIONS from deps_emscripten would reach the peers too; run.mjs passes the flag only to
# the emscripten program that needs it.
unset NODE_OPTIONS
exec node "$here/run.mjs" --bench "$build/bench/peer_bench.js" "$@"
