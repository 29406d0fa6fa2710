// Decoding input bytes to NFC UTF-8 (see encoding.hpp).
#include "broadsheet/encoding.hpp"

#include <utf8proc.h>

#include <array>
#include <cstdint>
#include <cstdlib>
#include <cstring>

namespace broadsheet {
namespace {

void append_utf8(std::string& out, uint32_t cp) {
    if (cp < 0x80) {
        out += char(cp);
    } else if (cp < 0x800) {
        out += char(0xC0 | (cp >> 6));
        out += char(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += char(0xE0 | (cp >> 12));
        out += char(0x80 | ((cp >> 6) & 0x3F));
        out += char(0x80 | (cp & 0x3F));
    } else {
        out += char(0xF0 | (cp >> 18));
        out += char(0x80 | ((cp >> 12) & 0x3F));
        out += char(0x80 | ((cp >> 6) & 0x3F));
        out += char(0x80 | (cp & 0x3F));
    }
}

constexpr uint32_t kReplacement = 0xFFFD;

// Windows-1252 bytes 0x80..0x9F (the rest of the code page is Latin-1). Undefined bytes map to
// U+FFFD. Source: the WHATWG Encoding Standard's index-windows-1252.
constexpr std::array<uint16_t, 32> kCp1252High = {
    0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD, 0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178};

std::string from_cp1252(std::string_view in) {
    std::string out;
    out.reserve(in.size() + in.size() / 8);
    for (unsigned char c : in) {
        if (c < 0x80) out += char(c);
        else if (c < 0xA0) append_utf8(out, kCp1252High[c - 0x80]);
        else append_utf8(out, c);
    }
    return out;
}

// UTF-16 to UTF-8; unpaired surrogates become U+FFFD (counted in `bad`).
std::string from_utf16(std::string_view in, bool little_endian, size_t& bad) {
    std::string out;
    out.reserve(in.size());
    auto unit = [&](size_t i) -> uint32_t {
        auto b0 = uint8_t(in[i]), b1 = uint8_t(in[i + 1]);
        return little_endian ? (b0 | (b1 << 8)) : ((b0 << 8) | b1);
    };
    size_t i = 0;
    for (; i + 1 < in.size(); i += 2) {
        uint32_t u = unit(i);
        if (u >= 0xD800 && u < 0xDC00 && i + 3 < in.size()) {
            uint32_t lo = unit(i + 2);
            if (lo >= 0xDC00 && lo < 0xE000) {
                append_utf8(out, 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00));
                i += 2;
                continue;
            }
        }
        if (u >= 0xD800 && u < 0xE000) {
            ++bad;
            u = kReplacement;
        }
        append_utf8(out, u);
    }
    if (i < in.size()) ++bad; // odd trailing byte
    return out;
}

// Guesses UTF-16 without a BOM: text in Latin scripts has a zero in every other byte.
bool looks_like_bomless_utf16(std::string_view s, bool& little_endian) {
    size_t n = std::min<size_t>(s.size() & ~size_t(1), 4096);
    if (n < 8) return false;
    size_t zero_even = 0, zero_odd = 0;
    for (size_t i = 0; i < n; i += 2) {
        zero_even += s[i] == 0;
        zero_odd += s[i + 1] == 0;
    }
    size_t pairs = n / 2;
    if (zero_odd * 10 >= pairs * 7 && zero_even * 20 < pairs) {
        little_endian = true;
        return true;
    }
    if (zero_even * 10 >= pairs * 7 && zero_odd * 20 < pairs) {
        little_endian = false;
        return true;
    }
    return false;
}

// "\r\n" and lone "\r" to "\n"; NUL bytes dropped.
std::string normalise_line_ends(std::string_view in) {
    std::string out;
    out.reserve(in.size());
    for (size_t i = 0; i < in.size(); ++i) {
        char c = in[i];
        if (c == '\r') {
            out += '\n';
            if (i + 1 < in.size() && in[i + 1] == '\n') ++i;
        } else if (c != '\0') {
            out += c;
        }
    }
    return out;
}

std::string nfc(std::string_view utf8) {
    utf8proc_uint8_t* mapped = nullptr;
    auto n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(utf8.data()),
                          utf8proc_ssize_t(utf8.size()), &mapped,
                          utf8proc_option_t(UTF8PROC_STABLE | UTF8PROC_COMPOSE));
    if (n < 0) return std::string(utf8); // cannot happen on valid UTF-8; keep the text if it does
    std::string out(reinterpret_cast<char*>(mapped), size_t(n));
    std::free(mapped);
    return out;
}

bool starts_with(std::string_view s, std::string_view prefix) {
    return s.size() >= prefix.size() && std::memcmp(s.data(), prefix.data(), prefix.size()) == 0;
}

} // namespace

std::string sniff_binary(std::string_view b) {
    using namespace std::string_view_literals;
    struct Magic {
        std::string_view bytes;
        size_t offset;
        const char* what;
    };
    static constexpr Magic kMagic[] = {
        {"\x89PNG\r\n\x1a\n"sv, 0, "PNG image"},
        {"\xFF\xD8\xFF"sv, 0, "JPEG image"},
        {"GIF8"sv, 0, "GIF image"},
        {"RIFF"sv, 0, "RIFF media file (WebP, WAV or AVI)"},
        {"%PDF-"sv, 0, "PDF document"},
        {"PK\x03\x04"sv, 0, "ZIP archive (or a DOCX/ODT/EPUB document)"},
        {"PK\x05\x06"sv, 0, "empty ZIP archive"},
        {"\x1F\x8B"sv, 0, "gzip-compressed file"},
        {"BZh"sv, 0, "bzip2-compressed file"},
        {"\xFD" "7zXZ\x00"sv, 0, "xz-compressed file"},
        {"7z\xBC\xAF\x27\x1C"sv, 0, "7-Zip archive"},
        {"Rar!\x1A\x07"sv, 0, "RAR archive"},
        {"\x7F" "ELF"sv, 0, "executable program (ELF)"},
        {"MZ"sv, 0, "Windows executable"},
        {"\x00" "asm"sv, 0, "WebAssembly module"},
        {"SQLite format 3\x00"sv, 0, "SQLite database"},
        {"OggS"sv, 0, "Ogg media file"},
        {"ID3"sv, 0, "MP3 audio"},
        {"fLaC"sv, 0, "FLAC audio"},
        {"ftyp"sv, 4, "MP4/MOV video or HEIC image"},
        {"wOFF"sv, 0, "WOFF font"},
        {"wOF2"sv, 0, "WOFF2 font"},
        {"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"sv, 0, "legacy Microsoft Office document"},
    };
    for (const auto& m : kMagic) {
        if (b.size() >= m.offset + m.bytes.size() && b.substr(m.offset, m.bytes.size()) == m.bytes)
            return m.what;
    }
    // Unknown formats: text has almost no C0 control characters besides tab, newline, form feed,
    // carriage return and escape; binary data is full of them (and of NULs).
    size_t n = std::min<size_t>(b.size(), 65536), controls = 0;
    for (size_t i = 0; i < n; ++i) {
        auto c = uint8_t(b[i]);
        if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1B) ++controls;
    }
    if (controls > 0 && controls * 100 >= n) return "binary data";
    return {};
}

bool is_valid_utf8(std::string_view s) {
    size_t i = 0, n = s.size();
    while (i < n) {
        auto c = uint8_t(s[i]);
        if (c < 0x80) {
            ++i;
            continue;
        }
        size_t len;
        uint32_t min;
        if ((c & 0xE0) == 0xC0) len = 2, min = 0x80;
        else if ((c & 0xF0) == 0xE0) len = 3, min = 0x800;
        else if ((c & 0xF8) == 0xF0) len = 4, min = 0x10000;
        else return false;
        if (i + len > n) return false;
        uint32_t cp = c & (0x7F >> len);
        for (size_t k = 1; k < len; ++k) {
            auto cc = uint8_t(s[i + k]);
            if ((cc & 0xC0) != 0x80) return false;
            cp = (cp << 6) | (cc & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp < 0xE000)) return false;
        i += len;
    }
    return true;
}

DecodedText decode_text(std::string_view bytes) {
    DecodedText d;
    if (bytes.empty()) {
        d.error = "the file is empty";
        return d;
    }
    std::string utf8;
    bool le = true;
    size_t bad = 0;
    if (starts_with(bytes, "\xEF\xBB\xBF")) {
        bytes.remove_prefix(3);
        d.encoding = "UTF-8";
    } else if (starts_with(bytes, "\xFF\xFE") || starts_with(bytes, "\xFE\xFF")) {
        le = bytes[0] == '\xFF';
        utf8 = from_utf16(bytes.substr(2), le, bad);
        d.encoding = le ? "UTF-16LE" : "UTF-16BE";
    } else if (looks_like_bomless_utf16(bytes, le)) {
        utf8 = from_utf16(bytes, le, bad);
        d.encoding = le ? "UTF-16LE" : "UTF-16BE";
        d.warning = "no byte-order mark: read as " + d.encoding;
    }
    if (d.encoding.empty() || d.encoding == "UTF-8") {
        if (auto what = sniff_binary(bytes); !what.empty()) {
            d.error = what == "binary data" ? "not a text file: it contains binary data"
                                            : "not a text file (" + what + ")";
            return d;
        }
        if (is_valid_utf8(bytes)) {
            utf8.assign(bytes);
            d.encoding = "UTF-8";
        } else {
            utf8 = from_cp1252(bytes);
            d.encoding = "Windows-1252";
            d.warning = "not valid UTF-8: read as Windows-1252 (Western European)";
        }
    } else if (bad > 0) {
        std::string note = std::to_string(bad) + " broken UTF-16 sequence(s) replaced with U+FFFD";
        d.warning = d.warning.empty() ? note : d.warning + "; " + note;
    }
    d.utf8 = nfc(normalise_line_ends(utf8));
    return d;
}

} // namespace broadsheet
