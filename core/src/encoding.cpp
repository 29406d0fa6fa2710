// Decoding input bytes to NFC UTF-8 (see encoding.hpp).
#include "broadsheet/encoding.hpp"

#include "import_internal.hpp"
#include "text_util.hpp"

#include <uchardet/uchardet.h>
#include <utf8proc.h>

#include <algorithm>
#include <memory>

#include <array>
#include <cctype>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string>
#include <type_traits>

namespace broadsheet {
namespace {

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
        if (c < 0x80)
            out += char(c);
        else if (c < 0xA0)
            text::append_utf8(out, kCp1252High[c - 0x80]);
        else
            text::append_utf8(out, c);
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
                text::append_utf8(out, 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00));
                i += 2;
                continue;
            }
        }
        if (u >= 0xD800 && u < 0xE000) {
            ++bad;
            u = kReplacement;
        }
        text::append_utf8(out, u);
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

// "\r\n" and lone "\r" to "\n"; NUL bytes dropped. Soft hyphens (U+00AD) stay: they are the
// author's break hints, invisible, and the text stays true to its source (tokenizers skip them).
std::string normalise_line_ends(std::string_view in) {
    auto find = [&](char c, size_t from) {
        auto* at = static_cast<const char*>(std::memchr(in.data() + from, c, in.size() - from));
        return at ? size_t(at - in.data()) : in.size();
    };
    if (in.empty()) return {};
    size_t nul = find('\0', 0), i = 0;
    std::string out;
    out.reserve(in.size());
    while (i < in.size()) {
        // Copy the run up to the next CR or NUL in one go.
        size_t j = std::min(find('\r', i), nul);
        out.append(in.substr(i, j - i));
        if (j == in.size()) break;
        if (in[j] == '\r') {
            out += '\n';
            if (j + 1 < in.size() && in[j + 1] == '\n') ++j;
        } else {
            nul = find('\0', j + 1);
        }
        i = j + 1;
    }
    return out;
}

// Whether code point `cp` is left as it is by NFC whatever surrounds it, given that its
// neighbours are too: it does not combine with what precedes it (a combining mark, a second
// element of a canonical composition, a Hangul vowel or final jamo), and it is not changed by
// normalising it alone (singletons such as U+212B ANGSTROM SIGN and composition exclusions are;
// precomposed letters such as U+00E9 and Cyrillic U+0439 recompose to themselves). Conservative:
// "false" only means "run the normaliser". Below U+0300 (ASCII and Latin-1) nothing changes.
bool is_nfc_stable(utf8proc_int32_t cp) {
    if (cp < 0x300) return true;
    if (cp >= 0x1160 && cp <= 0x11FF) return false;
    const utf8proc_property_t* prop = utf8proc_get_property(cp);
    if (prop->combining_class != 0) return false;
    if (prop->comb_index != UINT16_MAX && prop->comb_index >= 0x8000) return false;
    if (prop->decomp_seqindex == UINT16_MAX || prop->decomp_type != 0) return true;
    // A canonical decomposition: decompose and recompose it (utf8proc's comp_exclusion flag
    // misses singletons, so ask the normaliser itself).
    utf8proc_int32_t buf[8];
    int boundclass = UTF8PROC_BOUNDCLASS_START;
    utf8proc_ssize_t n = utf8proc_decompose_char(cp, buf, 8, UTF8PROC_DECOMPOSE, &boundclass);
    if (n <= 0 || n > 8) return false;
    n = utf8proc_normalize_utf32(buf, n, utf8proc_option_t(UTF8PROC_STABLE | UTF8PROC_COMPOSE));
    return n == 1 && buf[0] == cp;
}

// NFC of a piece of text, appended to `out`.
void append_nfc(std::string_view piece, std::string& out) {
    std::string capped; // zalgo text: reordering a long run of marks is quadratic
    if (text::cap_combining_runs(piece, true, capped)) piece = capped;
    utf8proc_uint8_t* mapped = nullptr;
    auto n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(piece.data()),
                          utf8proc_ssize_t(piece.size()), &mapped,
                          utf8proc_option_t(UTF8PROC_STABLE | UTF8PROC_COMPOSE));
    if (n < 0) {
        out += piece; // cannot happen on valid UTF-8; keep the text if it does
        return;
    }
    out.append(reinterpret_cast<char*>(mapped), size_t(n));
    std::free(mapped);
}

// NFC, normalising only the stretches that need it. An ASCII character is a starter that
// nothing before it composes with and that no reordering crosses, so text normalises
// independently on either side of one: a stretch is the run of non-ASCII text around a code point
// that may change, with the ASCII character before it (the base of "e" + U+0301). Most pages have
// none; the rest are copied as they are. (Normalising whole megabytes at once would also take
// utf8proc_map four bytes of working memory per code point.)
std::string nfc(std::string&& utf8) {
    size_t copied = 0, last_ascii = 0, i = 0;
    const size_t size = utf8.size();
    std::string out;
    while (i < size) {
        if (i + 8 <= size) { // eight ASCII bytes at a time (most of any page)
            uint64_t word;
            std::memcpy(&word, utf8.data() + i, 8);
            if ((word & 0x8080808080808080ull) == 0) {
                last_ascii = i + 7;
                i += 8;
                continue;
            }
        }
        if (uint8_t(utf8[i]) < 0x80) {
            last_ascii = i++;
            continue;
        }
        utf8proc_int32_t cp = 0;
        utf8proc_ssize_t n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(utf8.data() + i),
                                              utf8proc_ssize_t(size - i), &cp);
        if (n > 0 && is_nfc_stable(cp)) {
            i += size_t(n);
            continue;
        }
        size_t begin = std::max(copied, last_ascii), end = i + 1;
        while (end < size && uint8_t(utf8[end]) >= 0x80) ++end;
        if (out.empty()) out.reserve(size + size / 16);
        out.append(utf8, copied, begin - copied);
        append_nfc(std::string_view(utf8).substr(begin, end - begin), out);
        copied = i = end;
    }
    if (copied == 0) return std::move(utf8);
    out.append(utf8, copied);
    return out;
}

bool starts_with(std::string_view s, std::string_view prefix) {
    return s.size() >= prefix.size() && std::memcmp(s.data(), prefix.data(), prefix.size()) == 0;
}

// ---- Encoding names ----
// The encodings we name, by WHATWG label (what TextDecoder takes) and display name. Aliases map
// the labels pages declare and the names uchardet returns onto these. Source: the WHATWG Encoding
// Standard's label table (subset: the encodings news pages and mail archives use).
struct Encoding {
    std::string_view label;   // canonical WHATWG label
    std::string_view display; // what the user sees
};
constexpr Encoding kEncodings[] = {
    {"utf-8", "UTF-8"},
    {"windows-1252", "Windows-1252"},
    {"iso-8859-2", "ISO-8859-2"},
    {"iso-8859-5", "ISO-8859-5"},
    {"iso-8859-7", "ISO-8859-7"},
    {"iso-8859-8", "ISO-8859-8"},
    {"iso-8859-15", "ISO-8859-15"},
    {"windows-1250", "Windows-1250"},
    {"windows-1251", "Windows-1251"},
    {"windows-1253", "Windows-1253"},
    {"windows-1254", "Windows-1254"},
    {"windows-1255", "Windows-1255"},
    {"windows-1256", "Windows-1256"},
    {"windows-1257", "Windows-1257"},
    {"windows-1258", "Windows-1258"},
    {"koi8-r", "KOI8-R"},
    {"koi8-u", "KOI8-U"},
    {"ibm866", "IBM866"},
    {"windows-874", "Windows-874"},
    {"gb18030", "GB18030"},
    {"big5", "Big5"},
    {"shift_jis", "Shift_JIS"},
    {"euc-jp", "EUC-JP"},
    {"iso-2022-jp", "ISO-2022-JP"},
    {"euc-kr", "EUC-KR"},
    {"utf-16le", "UTF-16LE"},
    {"utf-16be", "UTF-16BE"},
};
struct Alias {
    std::string_view name, label;
};
constexpr Alias kAliases[] = {
    {"utf8", "utf-8"},
    {"unicode-1-1-utf-8", "utf-8"},
    {"ascii", "windows-1252"},
    {"us-ascii", "windows-1252"},
    {"iso-8859-1", "windows-1252"},
    {"iso8859-1", "windows-1252"},
    {"latin1", "windows-1252"},
    {"l1", "windows-1252"},
    {"cp1252", "windows-1252"},
    {"x-cp1252", "windows-1252"},
    {"cp819", "windows-1252"},
    {"iso_8859-1", "windows-1252"},
    {"iso-8859-9", "windows-1254"},
    {"latin2", "iso-8859-2"},
    {"iso-8859-13", "windows-1257"},
    {"cp1250", "windows-1250"},
    {"cp1251", "windows-1251"},
    {"x-cp1251", "windows-1251"},
    {"cp1253", "windows-1253"},
    {"cp1254", "windows-1254"},
    {"cp1255", "windows-1255"},
    {"cp1256", "windows-1256"},
    {"cp1257", "windows-1257"},
    {"cp1258", "windows-1258"},
    {"cp866", "ibm866"},
    {"tis-620", "windows-874"},
    {"iso-8859-11", "windows-874"},
    {"gbk", "gb18030"},
    {"gb2312", "gb18030"},
    {"x-gbk", "gb18030"},
    {"cp936", "gb18030"},
    {"euc-cn", "gb18030"},
    {"big5-hkscs", "big5"},
    {"cn-big5", "big5"},
    {"x-x-big5", "big5"},
    {"sjis", "shift_jis"},
    {"shift-jis", "shift_jis"},
    {"x-sjis", "shift_jis"},
    {"ms932", "shift_jis"},
    {"windows-31j", "shift_jis"},
    {"cp932", "shift_jis"},
    {"ms_kanji", "shift_jis"},
    {"ks_c_5601-1987", "euc-kr"},
    {"cp949", "euc-kr"},
    {"uhc", "euc-kr"},
    {"windows-949", "euc-kr"},
    {"x-euc-jp", "euc-jp"},
    {"csiso2022jp", "iso-2022-jp"},
    {"utf-16", "utf-16le"},
};

char ascii_lower(char c) {
    return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c;
}

// The canonical label for a name as declared or detected, or "" if we do not know it.
std::string_view canonical_label(std::string_view name) {
    std::string lower;
    for (char c : name) lower += ascii_lower(c);
    for (const auto& e : kEncodings)
        if (lower == e.label) return e.label;
    for (const auto& a : kAliases)
        if (lower == a.name) return a.label;
    return {};
}

std::string_view display_name(std::string_view label) {
    for (const auto& e : kEncodings)
        if (label == e.label) return e.display;
    return label;
}

// The charset a text declares in its first 4 KB: `charset=NAME` (HTML <meta>, MIME Content-Type)
// or `encoding="NAME"` in an XML declaration. Returns the canonical label or "".
std::string_view declared_charset(std::string_view bytes) {
    std::string head;
    for (char c : bytes.substr(0, 4096)) head += ascii_lower(c);
    for (std::string_view key : {std::string_view("charset="), std::string_view("<?xml")}) {
        size_t at = head.find(key);
        if (at == std::string::npos) continue;
        at += key.size();
        if (key == "<?xml") {
            size_t end = head.find("?>", at), enc = head.find("encoding=", at);
            if (enc == std::string::npos || enc > end) continue;
            at = enc + 9;
        }
        while (at < head.size() && (head[at] == '"' || head[at] == '\'' || head[at] == ' ')) ++at;
        size_t end = at;
        while (end < head.size() &&
               (std::isalnum(static_cast<unsigned char>(head[end])) || head[end] == '-' ||
                head[end] == '_' || head[end] == ':' || head[end] == '.'))
            ++end;
        if (auto label = canonical_label(std::string_view(head).substr(at, end - at));
            !label.empty())
            return label;
    }
    return {};
}

// Counts well-formed multi-byte UTF-8 sequences and ill-formed bytes (for telling "UTF-8 with a
// few broken bytes" from a legacy encoding).
struct Utf8Census {
    size_t multibyte = 0, bad = 0;
    size_t long_sequences = 0; // of `multibyte`, those of three or four bytes
};

// Length of the well-formed UTF-8 sequence at s[i], or 0 (ill-formed, or cut off by the end).
size_t utf8_sequence_at(std::string_view s, size_t i) {
    auto c = uint8_t(s[i]);
    if (c < 0x80) return 1;
    size_t len;
    uint8_t lo = 0x80, hi = 0xBF; // the allowed range of the second byte (RFC 3629, table 3-7)
    if (c >= 0xC2 && c <= 0xDF)
        len = 2;
    else if (c == 0xE0)
        len = 3, lo = 0xA0;
    else if (c >= 0xE1 && c <= 0xEC)
        len = 3;
    else if (c == 0xED)
        len = 3, hi = 0x9F;
    else if (c >= 0xEE && c <= 0xEF)
        len = 3;
    else if (c == 0xF0)
        len = 4, lo = 0x90;
    else if (c >= 0xF1 && c <= 0xF3)
        len = 4;
    else if (c == 0xF4)
        len = 4, hi = 0x8F;
    else
        return 0;
    for (size_t k = 1; k < len; ++k) {
        if (i + k >= s.size()) return 0;
        auto cc = uint8_t(s[i + k]);
        if (k == 1 ? (cc < lo || cc > hi) : (cc & 0xC0) != 0x80) return 0;
    }
    return len;
}

// Bytes to skip for one U+FFFD at an ill-formed sequence at s[i]: the maximal prefix of a
// well-formed sequence (WHATWG "maximal subpart"), at least one byte.
size_t bad_sequence_length(std::string_view s, size_t i) {
    auto c = uint8_t(s[i]);
    size_t len = c >= 0xC2 && c <= 0xDF   ? 2
                 : c >= 0xE0 && c <= 0xEF ? 3
                 : c >= 0xF0 && c <= 0xF4 ? 4
                                          : 1;
    uint8_t lo = c == 0xE0   ? 0xA0
                 : c == 0xF0 ? 0x90
                             : 0x80,
            hi = c == 0xED   ? 0x9F
                 : c == 0xF4 ? 0x8F
                             : 0xBF;
    size_t k = 1;
    for (; k < len && i + k < s.size(); ++k) {
        auto cc = uint8_t(s[i + k]);
        if (k == 1 ? (cc < lo || cc > hi) : (cc & 0xC0) != 0x80) break;
    }
    return k;
}

Utf8Census census(std::string_view s) {
    Utf8Census c;
    for (size_t i = 0; i < s.size();) {
        if (uint8_t(s[i]) < 0x80) {
            ++i;
        } else if (size_t n = utf8_sequence_at(s, i)) {
            ++c.multibyte;
            c.long_sequences += n >= 3;
            i += n;
        } else {
            ++c.bad;
            i += bad_sequence_length(s, i);
        }
    }
    return c;
}

// Constant-initialised, so a decoder installed by another file's static initialiser stays.
LegacyDecoder g_legacy_decoder = &detail::platform_legacy_decode;

// Decodes from a legacy encoding: the installed decoder, else the built-in Windows-1252 table.
// `used` says what the text was actually read as.
std::string decode_legacy(std::string_view bytes, std::string_view label, std::string_view& used) {
    if (g_legacy_decoder && label != "windows-1252") {
        if (auto s = g_legacy_decoder(bytes, label)) {
            used = label;
            return std::move(*s);
        }
    }
    used = "windows-1252";
    return from_cp1252(bytes);
}

// Whether a short text in single-byte `label` reads as well in Windows-1252: every byte the two
// pages read differently is a letter in both ("na\xEFve": naïve or naďve). The letters' language
// is then all that tells them apart, which a detector cannot judge on a few words, so the
// commonest page wins. A byte that is a sign in Windows-1252 and a letter in `label`
// ("\xBEe": "¾e" or "že") is evidence for `label`. Longer texts keep the detector's choice.
bool reads_as_well_in_cp1252(std::string_view bytes, std::string_view label) {
    constexpr size_t kShortText = 64; // non-ASCII bytes: about a paragraph of accented text
    if (!g_legacy_decoder) return false;
    std::array<bool, 256> present{};
    size_t high = 0;
    for (unsigned char c : bytes)
        if (c >= 0x80) present[c] = true, ++high;
    if (high >= kShortText) return false;
    auto letter = [](std::string_view utf8) {
        utf8proc_int32_t cp = -1;
        const auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(utf8.data()), utf8proc_ssize_t(utf8.size()), &cp);
        const auto cat = utf8proc_category(cp);
        return n == utf8proc_ssize_t(utf8.size()) && cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO;
    };
    for (int c = 0x80; c < 0x100; ++c) {
        if (!present[size_t(c)]) continue;
        const std::string byte(1, char(c));
        const std::string western = from_cp1252(byte);
        const std::optional<std::string> other = g_legacy_decoder(byte, label);
        if (!other) return false;
        if (*other != western && !(letter(western) && letter(*other))) return false;
    }
    return true;
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
        {"\xFD"
         "7zXZ\x00"sv,
         0, "xz-compressed file"},
        {"7z\xBC\xAF\x27\x1C"sv, 0, "7-Zip archive"},
        {"Rar!\x1A\x07"sv, 0, "RAR archive"},
        {"\x7F"
         "ELF"sv,
         0, "executable program (ELF)"},
        {"MZ"sv, 0, "Windows executable"},
        {"\x00"
         "asm"sv,
         0, "WebAssembly module"},
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
    // A stray NUL or two in a text file (a botched copy) do not make it binary.
    if (controls >= 3 && controls * 100 >= n) return "binary data";
    return {};
}

bool is_valid_utf8(std::string_view s) {
    size_t i = 0, n = s.size();
    while (i < n) {
        // Eight ASCII bytes at a time (most of any page).
        if (i + 8 <= n) {
            uint64_t word;
            std::memcpy(&word, s.data() + i, 8);
            if ((word & 0x8080808080808080ull) == 0) {
                i += 8;
                continue;
            }
        }
        auto c = uint8_t(s[i]);
        if (c < 0x80) {
            ++i;
            continue;
        }
        size_t len;
        uint32_t min;
        if ((c & 0xE0) == 0xC0)
            len = 2, min = 0x80;
        else if ((c & 0xF0) == 0xE0)
            len = 3, min = 0x800;
        else if ((c & 0xF8) == 0xF0)
            len = 4, min = 0x10000;
        else
            return false;
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

LegacyDecoder set_legacy_decoder(LegacyDecoder decoder) {
    LegacyDecoder old = g_legacy_decoder;
    g_legacy_decoder = decoder;
    return old;
}

std::string detect_legacy_encoding(std::string_view bytes) {
    std::unique_ptr<std::remove_pointer_t<uchardet_t>, void (*)(uchardet_t)> ud(uchardet_new(),
                                                                                uchardet_delete);
    if (!ud) return {};
    // The first megabyte is plenty to tell; it bounds the time on huge files.
    bytes = bytes.substr(0, 1u << 20);
    if (uchardet_handle_data(ud.get(), bytes.data(), bytes.size()) != 0) return {};
    uchardet_data_end(ud.get());
    const char* name = uchardet_get_charset(ud.get());
    return std::string(canonical_label(name ? name : ""));
}

std::string repair_utf8(std::string_view s, size_t* replaced) {
    std::string out;
    out.reserve(s.size());
    size_t bad = 0;
    for (size_t i = 0; i < s.size();) {
        if (size_t n = utf8_sequence_at(s, i)) {
            out.append(s.substr(i, n));
            i += n;
        } else {
            text::append_utf8(out, kReplacement);
            ++bad;
            i += bad_sequence_length(s, i);
        }
    }
    if (replaced) *replaced = bad;
    return out;
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
            // Read straight from the input below: no copy of a large file here.
            d.encoding = "UTF-8";
            d.utf8 = nfc(normalise_line_ends(bytes));
            return d;
        } else {
            // Broken UTF-8 or a legacy encoding. A legacy charset the text declares wins; then
            // text that is mostly well-formed UTF-8 (a few bad bytes from a botched edit or a
            // cut) is repaired; the rest goes to the detector.
            std::string_view label = declared_charset(bytes);
            // A well-formed sequence is rare in legacy text: a two-byte one is a capital
            // accented letter and a sign ("Ã©"), a longer one a small letter and two signs
            // ("â€œ", the curly quote of UTF-8 read as Windows-1252), rarer still; it counts
            // four times.
            Utf8Census c = census(bytes);
            const size_t evidence = c.multibyte + 3 * c.long_sequences;
            bool mostly_utf8 = c.multibyte > 0 && evidence >= 2 * c.bad;
            if ((label.empty() || label == "utf-8") && (mostly_utf8 || d.encoding == "UTF-8")) {
                size_t replaced = 0;
                utf8 = repair_utf8(bytes, &replaced);
                d.encoding = "UTF-8";
                d.warning = "not valid UTF-8: " + std::to_string(replaced) +
                            " broken byte sequence(s) replaced with U+FFFD";
            } else {
                std::string how = "declared";
                if (label.empty() || label == "utf-8") {
                    label = canonical_label(detect_legacy_encoding(bytes));
                    how = "detected";
                }
                if (label.empty() || label == "utf-8" || label.starts_with("utf-16")) {
                    label = "windows-1252";
                    how = "the usual guess";
                }
                std::string_view used;
                utf8 = decode_legacy(bytes, label, used);
                // On short texts the detector guesses among Latin code pages that agree on the
                // bytes present (Windows-1250 for "caf\xE9"); name the common one then. Where
                // they read letters for letters ("na\xEFve"), the common one is the better bet.
                if (how == "detected" && used != "windows-1252") {
                    if (utf8 == from_cp1252(bytes)) {
                        label = used = "windows-1252";
                    } else if (reads_as_well_in_cp1252(bytes, used)) {
                        how = "too short to tell from " + std::string(display_name(used));
                        utf8 = from_cp1252(bytes);
                        label = used = "windows-1252";
                    }
                }
                d.encoding = std::string(display_name(used));
                if (used == label) {
                    d.warning = "not valid UTF-8: read as " + d.encoding + " (" + how + ")";
                    if (used == "windows-1252")
                        d.warning =
                            "not valid UTF-8: read as Windows-1252 (Western European, " + how + ")";
                } else {
                    d.warning = "not valid UTF-8: looks like " + std::string(display_name(label)) +
                                ", which this build cannot decode: read as Windows-1252";
                }
            }
        }
    } else if (bad > 0) {
        std::string note = std::to_string(bad) + " broken UTF-16 sequence(s) replaced with U+FFFD";
        d.warning = d.warning.empty() ? note : d.warning + "; " + note;
    }
    d.utf8 = nfc(normalise_line_ends(utf8));
    return d;
}

} // namespace broadsheet
