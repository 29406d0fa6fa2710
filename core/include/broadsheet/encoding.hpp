// Broadsheet core: getting input bytes to clean UTF-8.
#pragma once

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

// Decodes a file's bytes: BOMs (UTF-8, UTF-16 LE/BE), valid UTF-8, and otherwise a Windows-1252
// reading with a warning. Normalises to NFC and line ends to "\n". Binary and empty input gives
// `error`.
DecodedText decode_text(std::string_view bytes);

} // namespace broadsheet
