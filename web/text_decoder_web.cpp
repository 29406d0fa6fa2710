// Legacy encodings in the browser: the core's LegacyDecoder (see broadsheet/encoding.hpp) built on
// the page's TextDecoder.
//
// Why this file exists: emscripten 3.1.6's own iconv (musl's) decodes GB18030 four-byte sequences
// to the wrong characters and turns invalid EUC-KR pairs into lone surrogates, and it would add
// about 139 kB gzipped; every browser (and node, for the wasm unit tests) ships a correct WHATWG
// decoder. The core knows nothing of the browser: this file installs the decoder through
// broadsheet::set_legacy_decoder from a static initialiser, so linking it in is all it takes (the
// app lists it in APP_SOURCES; the wasm unit tests compile it too).
#include "broadsheet/encoding.hpp"

#include <emscripten.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

// Decodes bytes[0, n) with `new TextDecoder(label)` (non-fatal: bad bytes become U+FFFD) and keeps
// the result for bs_text_decode_take; returns its UTF-8 length, or -1 when the label is unknown.
EM_JS(int, bs_text_decode, (const char* label, const uint8_t* bytes, size_t n), {
    try {
        const decoder = new TextDecoder(UTF8ToString(label));
        Module["bsDecoded"] = decoder.decode(HEAPU8.subarray(bytes, bytes + n));
        return lengthBytesUTF8(Module["bsDecoded"]);
    } catch (e) {
        Module["bsDecoded"] = null;
        return -1;
    }
});

// Copies the kept result into out[0, capacity) (capacity includes the terminating NUL).
EM_JS(void, bs_text_decode_take, (char* out, size_t capacity), {
    stringToUTF8(Module["bsDecoded"], out, capacity);
    Module["bsDecoded"] = null;
});

namespace {

std::optional<std::string> decode_with_text_decoder(std::string_view bytes,
                                                    std::string_view label) {
    std::string name(label);
    int length =
        bs_text_decode(name.c_str(), reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size());
    if (length < 0) return std::nullopt;
    std::string out(size_t(length) + 1, '\0');
    bs_text_decode_take(out.data(), out.size());
    out.resize(size_t(length));
    return out;
}

[[maybe_unused]] const bool installed =
    (broadsheet::set_legacy_decoder(decode_with_text_decoder), true);

} // namespace
