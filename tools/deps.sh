# shellcheck shell=bash
# Dependencies of Broadsheet, sourced by build-wasm.sh and run-tests.sh.
#
# Everything comes from Debian's archive (binary packages, and source packages for what we compile
# to wasm) or the npm registry. Sources are pinned in tools/sources.lock (version + SHA-256 of the
# upstream tarball) and unpacked into .deps/ (git-ignored), so a changed tarball stops the build.
#
# Functions:
#   deps_apt PKG...          install the Debian packages that are missing (needs root or sudo)
#   deps_emscripten          make sure em++ is usable (Debian's emscripten, or an emsdk on PATH)
#   deps_sources PKG...      fetch + verify + unpack Debian source packages into .deps/src
#   deps_wasm_lib PKG ...    build a CMake library for wasm once into .deps/wasm-prefix (cached)
#   deps_native / deps_wasm  everything the native / the wasm build needs

DEPS_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DEPS_DIR="${BROADSHEET_DEPS:-$DEPS_ROOT/.deps}"
DEPS_LOCK="$DEPS_ROOT/tools/sources.lock"
DEPS_PREFIX="$DEPS_DIR/wasm-prefix"

deps_log() { printf '\033[1m[deps]\033[0m %s\n' "$*" >&2; }
deps_die() { printf '\033[1;31m[deps] error:\033[0m %s\n' "$*" >&2; exit 1; }

deps_sudo() {
    if [ "$(id -u)" = 0 ]; then "$@"
    elif command -v sudo >/dev/null; then sudo "$@"
    else deps_die "need root to run: $* (run as root, or install sudo)"; fi
}

DEPS_APT_UPDATED=0
deps_apt_update() {
    [ "$DEPS_APT_UPDATED" = 1 ] && return
    deps_log "apt-get update"
    deps_sudo apt-get update -qq >/dev/null || deps_die "apt-get update failed"
    DEPS_APT_UPDATED=1
}

# Install each named Debian package that is not installed yet.
deps_apt() {
    local missing=() p
    for p in "$@"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    command -v apt-get >/dev/null ||
        deps_die "missing packages (${missing[*]}) and no apt-get: install their equivalents by hand"
    deps_apt_update
    deps_log "apt-get install ${missing[*]}"
    DEBIAN_FRONTEND=noninteractive deps_sudo apt-get install -y -qq --no-install-recommends \
        "${missing[@]}" >/dev/null || deps_die "apt-get install ${missing[*]} failed"
}

# A fresh Debian 12 has no deb-src entry; add one mirroring the deb entries.
deps_enable_deb_src() {
    if grep -rqsE '^(Types:.*deb-src|deb-src )' /etc/apt/sources.list /etc/apt/sources.list.d/; then
        return 0
    fi
    local src=/etc/apt/sources.list.d/debian.sources
    [ -f "$src" ] || deps_die "no deb-src entry and no $src to copy one from: add a deb-src line"
    deps_log "enabling deb-src (/etc/apt/sources.list.d/broadsheet-deb-src.sources)"
    sed 's/^Types: deb$/Types: deb-src/' "$src" |
        deps_sudo tee /etc/apt/sources.list.d/broadsheet-deb-src.sources >/dev/null
    DEPS_APT_UPDATED=0
    deps_apt_update
}

# em++ from Debian (emcc 3.1.6) or from an emsdk already on PATH.
deps_emscripten() {
    if ! command -v em++ >/dev/null; then
        if [ -f /etc/debian_version ]; then
            deps_apt emscripten
        else
            deps_die "em++ not found: install emscripten (e.g. emsdk, then 'source emsdk_env.sh')"
        fi
    fi
    # Debian's emscripten runs its JS tools (acorn, terser) with the system node, which does not
    # search Debian's node modules by itself ("Cannot find module 'acorn'" at -O1 and above).
    if [ -d /usr/share/nodejs ]; then
        export NODE_PATH="/usr/share/nodejs${NODE_PATH:+:$NODE_PATH}"
    fi
    # emcc 3.1.6 output runs under node 20 only without the experimental fetch.
    export NODE_OPTIONS="--no-experimental-fetch${NODE_OPTIONS:+ $NODE_OPTIONS}"
}

# Fetch, verify and unpack the named source packages at the versions in sources.lock.
# The unpacked tree of PKG is then at .deps/src/PKG (a symlink to the versioned folder).
deps_sources() {
    local pkg ver file sum dir
    mkdir -p "$DEPS_DIR/src"
    for pkg in "$@"; do
        read -r ver file sum dir < <(awk -v p="$pkg" '$1 == p { print $2, $3, $4, $5 }' "$DEPS_LOCK") || true
        [ -n "${ver:-}" ] || deps_die "$pkg is not pinned in tools/sources.lock"
        if [ -f "$DEPS_DIR/src/.$pkg.ok" ] && [ "$(cat "$DEPS_DIR/src/.$pkg.ok")" = "$sum" ]; then
            continue
        fi
        if [ ! -f "$DEPS_DIR/src/$file" ]; then
            deps_enable_deb_src
            # Not pinned to the Debian revision (security updates replace those); the upstream
            # tarball is what we build, and its name and checksum are pinned below.
            deps_log "apt-get source $pkg (upstream $file)"
            # Only the upstream tarball matters: some packages' Debian patch tarballs are missing
            # from the archive (md4c), which makes apt-get fail after fetching the tarball.
            (cd "$DEPS_DIR/src" && apt-get source --download-only -qq "$pkg" >"$DEPS_DIR/src/$pkg-fetch.log" 2>&1) ||
                [ -f "$DEPS_DIR/src/$file" ] || deps_die "apt-get source $pkg failed: see $DEPS_DIR/src/$pkg-fetch.log"
            [ -f "$DEPS_DIR/src/$file" ] ||
                deps_die "apt-get source $pkg did not give $file: the archive moved to another upstream version; update tools/sources.lock"
        fi
        local got
        got=$(sha256sum "$DEPS_DIR/src/$file" | cut -d' ' -f1)
        [ "$got" = "$sum" ] ||
            deps_die "$file: SHA-256 $got, expected $sum (tools/sources.lock); refusing to build"
        rm -rf "${DEPS_DIR:?}/src/$dir"
        tar -xf "$DEPS_DIR/src/$file" -C "$DEPS_DIR/src"
        ln -sfn "$dir" "$DEPS_DIR/src/$pkg"
        echo "$sum" >"$DEPS_DIR/src/.$pkg.ok"
    done
}

# Builds a CMake project from .deps/src/PKG for wasm into .deps/wasm-prefix, once; the stamp names
# the tarball's checksum and the options, so a new pin or new options rebuild it.
#   deps_wasm_lib PKG INSTALLED_FILE [CMAKE_ARGS...]
deps_wasm_lib() {
    local pkg=$1 installed=$2
    shift 2
    deps_sources "$pkg"
    local stamp="$DEPS_PREFIX/.$pkg.ok" want
    want="$(cat "$DEPS_DIR/src/.$pkg.ok") $*"
    if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ] && [ -f "$DEPS_PREFIX/$installed" ]; then
        return 0
    fi
    deps_log "building $pkg for wasm (once)"
    local b="$DEPS_DIR/build/$pkg-wasm" log="$DEPS_DIR/build/$pkg"
    rm -rf "$b"
    mkdir -p "$DEPS_DIR/build"
    emcmake cmake -S "$DEPS_DIR/src/$pkg" -B "$b" -G Ninja -DCMAKE_BUILD_TYPE=MinSizeRel \
        -DBUILD_SHARED_LIBS=OFF "-DCMAKE_INSTALL_PREFIX=$DEPS_PREFIX" "$@" >"$log-configure.log" 2>&1 ||
        deps_die "$pkg configure failed: see $log-configure.log"
    cmake --build "$b" --target install >"$log-build.log" 2>&1 ||
        deps_die "$pkg build failed: see $log-build.log"
    echo "$want" >"$stamp"
}

# SDL2 (emscripten's -sUSE_SDL=2 port cannot download here; SDL_THREADS off: no pthreads).
deps_sdl2_wasm() {
    deps_wasm_lib libsdl2 lib/libSDL2.a -DSDL_SHARED=OFF -DSDL_STATIC=ON -DSDL_TEST=OFF -DSDL_THREADS=OFF
}

# libxml2's HTML parser only. THREADS must stay ON (OFF fails to compile threads.c); everything
# else is off to keep the page small (../shared/notes/wasm-deps.md).
deps_libxml2_wasm() {
    local off=() w
    for w in PYTHON ICONV ICU LZMA ZLIB HTTP FTP PROGRAMS TESTS MODULES SCHEMAS SCHEMATRON RELAXNG \
        XINCLUDE XPTR VALID CATALOG DEBUG C14N LEGACY READER WRITER PATTERN REGEXPS AUTOMATA EXPR \
        UNICODE ISO8859X SAX1 DOCB XPATH; do
        off+=("-DLIBXML2_WITH_$w=OFF")
    done
    deps_wasm_lib libxml2 lib/libxml2.a -DLIBXML2_WITH_HTML=ON -DLIBXML2_WITH_TREE=ON \
        -DLIBXML2_WITH_OUTPUT=ON -DLIBXML2_WITH_THREADS=ON -DLIBXML2_WITH_THREAD_ALLOC=OFF "${off[@]}"
}

deps_uchardet_wasm() {
    deps_wasm_lib uchardet lib/libuchardet.a -DBUILD_STATIC=ON -DBUILD_BINARY=OFF -DCHECK_SSE2=OFF
}

# Snowball ships no generated C: generate libstemmer_c on the host (gcc, make, perl) once.
# The result is at .deps/src/libstemmer_c.
deps_snowball_c() {
    deps_sources snowball
    local want out="$DEPS_DIR/src/libstemmer_c"
    want=$(cat "$DEPS_DIR/src/.snowball.ok")
    if [ -f "$out/.ok" ] && [ "$(cat "$out/.ok")" = "$want" ]; then return 0; fi
    deps_log "generating Snowball's libstemmer_c (once)"
    make -C "$DEPS_DIR/src/snowball" dist_libstemmer_c >"$DEPS_DIR/src/snowball-make.log" 2>&1 ||
        deps_die "snowball: make dist_libstemmer_c failed: see $DEPS_DIR/src/snowball-make.log"
    rm -rf "$out" "$DEPS_DIR/src"/libstemmer_c-*/
    tar -xzf "$DEPS_DIR/src/snowball"/dist/libstemmer_c-*.tar.gz -C "$DEPS_DIR/src"
    mv "$DEPS_DIR/src"/libstemmer_c-*/ "$out"
    echo "$want" >"$out/.ok"
}

# Everything the native build needs from source packages.
deps_native() {
    deps_sources utf8proc md4c
    deps_snowball_c
}

# Everything the wasm build needs.
deps_wasm() {
    deps_emscripten
    deps_sources utf8proc md4c imgui
    deps_snowball_c
    deps_sdl2_wasm
    deps_libxml2_wasm
    deps_uchardet_wasm
}
