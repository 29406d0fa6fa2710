// Broadsheet core: getting input bytes to clean UTF-8.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace broadsheet {

struct DecodedText {
    std::string utf8;     // the text as NFC-normalised UTF-8, line ends as "\n"
    std::string encoding; // what it was decoded from: "UTF-8", "UTF-16LE", "Windows-1252", ...
    std::string warning;  // a caveat for the user, or empty
    std::string error;    // why the bytes are not text (empty file, binary format), or empty

    bool ok() const { return error.empty(); }
};

// What kind of binary file the bytes look like ("PNG image", "PDF document", "ZIP archive"...), or
// "binary data" for unknown binary content; empty when the bytes look like text.
std::string sniff_binary(std::string_view bytes);

// True when `s` is well-formed UTF-8 (no overlongs, no surrogates, nothing above U+10FFFF).
bool is_valid_utf8(std::string_view s);

// Decodes a file's bytes, in this order: a BOM (UTF-8, UTF-16 LE/BE); UTF-16 without a BOM; valid
// UTF-8; a charset the text declares itself (HTML <meta charset>, XML declaration, MIME header);
// UTF-8 with a few broken bytes (repaired to U+FFFD); otherwise the legacy encoding uchardet
// detects (Windows-1252 when it cannot tell). Anything but clean UTF-8/UTF-16 gives a `warning`.
// Normalises to NFC, line ends to "\n", drops NUL bytes. Binary and empty input gives `error`.
DecodedText decode_text(std::string_view bytes);

// ---- Legacy encodings ----
// Decoders for non-Unicode encodings are platform code: natively iconv, in the browser the page's
// TextDecoder (emscripten's own iconv decodes GB18030 and broken EUC-KR wrongly). The core calls
// whichever is installed; with none (wasm before the app installs one) only Windows-1252/Latin-1
// are decoded, by a built-in table.

// Decodes `bytes` from the encoding named by a WHATWG label ("gb18030", "big5", "shift_jis",
// "euc-kr", "windows-1251", ...) to UTF-8; undecodable bytes become U+FFFD. nullopt when the
// decoder does not know the encoding.
using LegacyDecoder = std::optional<std::string> (*)(std::string_view bytes,
                                                     std::string_view label);

// Installs `decoder` (nullptr: the built-in table only) and returns the one it replaces.
LegacyDecoder set_legacy_decoder(LegacyDecoder decoder);

// The WHATWG label of the encoding uchardet guesses for `bytes` ("gb18030", "windows-1252"...),
// or "" when it cannot tell. Exposed for tests and tools.
std::string detect_legacy_encoding(std::string_view bytes);

// Replaces each ill-formed UTF-8 sequence with U+FFFD (one per maximal bad subpart, as the WHATWG
// decoder does); returns how many were replaced in `replaced`.
std::string repair_utf8(std::string_view bytes, size_t* replaced = nullptr);

} // namespace broadsheet
