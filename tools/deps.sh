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
#   deps_sdl2_wasm           build SDL2 for wasm once into .deps/wasm-prefix (cached)

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
            deps_log "apt-get source $pkg=$ver"
            (cd "$DEPS_DIR/src" && apt-get source --download-only -qq "$pkg=$ver" >/dev/null 2>&1) ||
                deps_die "apt-get source $pkg=$ver failed (is $ver still in the archive? update tools/sources.lock)"
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

# SDL2 for wasm (emscripten's -sUSE_SDL=2 port cannot download here). Built once; the stamp names
# the tarball's checksum so a new pin rebuilds it.
deps_sdl2_wasm() {
    deps_sources libsdl2
    local stamp="$DEPS_PREFIX/.sdl2.ok" want
    want=$(cat "$DEPS_DIR/src/.libsdl2.ok")
    if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ] && [ -f "$DEPS_PREFIX/lib/libSDL2.a" ]; then
        return 0
    fi
    deps_log "building SDL2 for wasm (once; 2-4 minutes)"
    local b="$DEPS_DIR/build/sdl2-wasm"
    rm -rf "$b"
    mkdir -p "$DEPS_DIR/build"
    emcmake cmake -S "$DEPS_DIR/src/libsdl2" -B "$b" -G Ninja -DCMAKE_BUILD_TYPE=Release \
        -DSDL_SHARED=OFF -DSDL_STATIC=ON -DSDL_TEST=OFF -DSDL_THREADS=OFF \
        -DCMAKE_INSTALL_PREFIX="$DEPS_PREFIX" >"$DEPS_DIR/build/sdl2-configure.log" 2>&1 ||
        deps_die "SDL2 configure failed: see $DEPS_DIR/build/sdl2-configure.log"
    cmake --build "$b" --target install >"$DEPS_DIR/build/sdl2-build.log" 2>&1 ||
        deps_die "SDL2 build failed: see $DEPS_DIR/build/sdl2-build.log"
    echo "$want" >"$stamp"
}
