# Third-party libraries. Sources come from Debian source packages unpacked into .deps/src by
# tools/deps.sh (pinned in tools/sources.lock); the wasm build's CMake-built libraries are in
# .deps/wasm-prefix. Natively, libxml2 and uchardet come from Debian's -dev packages.
set(DEPS_SRC "${BROADSHEET_DEPS_DIR}/src")
set(DEPS_PREFIX "${BROADSHEET_DEPS_DIR}/wasm-prefix")

function(require_sources path what)
  if(NOT EXISTS "${path}")
    message(FATAL_ERROR "${what} not found at ${path}: run ./run-tests.sh or ./build-wasm.sh once "
                        "(they fetch the pinned sources into .deps/)")
  endif()
endfunction()

# utf8proc: NFC, case folding, character categories.
require_sources("${DEPS_SRC}/utf8proc/utf8proc.c" "utf8proc")
add_library(utf8proc STATIC "${DEPS_SRC}/utf8proc/utf8proc.c")
target_include_directories(utf8proc SYSTEM PUBLIC "${DEPS_SRC}/utf8proc")
target_compile_definitions(utf8proc PUBLIC UTF8PROC_STATIC)

# md4c: the Markdown parser (parser only, no HTML renderer).
require_sources("${DEPS_SRC}/md4c/src/md4c.c" "md4c")
add_library(md4c STATIC "${DEPS_SRC}/md4c/src/md4c.c")
target_include_directories(md4c SYSTEM PUBLIC "${DEPS_SRC}/md4c/src")

# Snowball's libstemmer (UTF-8 stemmers for all its languages; about 87 kB gzipped in wasm).
require_sources("${DEPS_SRC}/libstemmer_c/libstemmer/libstemmer_utf8.c" "Snowball libstemmer_c")
file(GLOB STEMMER_SOURCES "${DEPS_SRC}/libstemmer_c/src_c/stem_UTF_8_*.c" "${DEPS_SRC}/libstemmer_c/runtime/*.c")
add_library(stemmer STATIC ${STEMMER_SOURCES} "${DEPS_SRC}/libstemmer_c/libstemmer/libstemmer_utf8.c")
target_include_directories(stemmer SYSTEM PUBLIC "${DEPS_SRC}/libstemmer_c/include")

if(EMSCRIPTEN)
  foreach(lib xml2 uchardet)
    require_sources("${DEPS_PREFIX}/lib/lib${lib}.a" "the wasm build of lib${lib}")
  endforeach()
  add_library(libxml2 STATIC IMPORTED)
  set_target_properties(libxml2 PROPERTIES IMPORTED_LOCATION "${DEPS_PREFIX}/lib/libxml2.a"
    INTERFACE_INCLUDE_DIRECTORIES "${DEPS_PREFIX}/include/libxml2"
    INTERFACE_COMPILE_DEFINITIONS LIBXML_STATIC)
  add_library(uchardet STATIC IMPORTED)
  set_target_properties(uchardet PROPERTIES IMPORTED_LOCATION "${DEPS_PREFIX}/lib/libuchardet.a"
    INTERFACE_INCLUDE_DIRECTORIES "${DEPS_PREFIX}/include")
else()
  find_package(LibXml2 REQUIRED) # apt-get install libxml2-dev
  add_library(libxml2 INTERFACE)
  target_link_libraries(libxml2 INTERFACE LibXml2::LibXml2)
  find_package(PkgConfig REQUIRED)
  pkg_check_modules(UCHARDET REQUIRED IMPORTED_TARGET uchardet) # apt-get install libuchardet-dev
  add_library(uchardet INTERFACE)
  target_link_libraries(uchardet INTERFACE PkgConfig::UCHARDET)
endif()
