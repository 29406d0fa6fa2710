// The analysis chain: segment -> fold -> possessive -> stopword -> stem.
//
// [SECTION] Code points and their classes
// [SECTION] Stage 1: segmentation (words, numbers, hyphens, URLs and e-mails, CJK bigrams)
// [SECTION] Stage 2: folding (case, compatibility forms, ignorables, diacritics)
// [SECTION] Stages 3-5: possessives, stopwords, stemming
// [SECTION] The chain
//
// Segmentation follows the word rules of UAX #29 (Unicode Text Segmentation) where they matter
// for news text, and departs from them where search wants something else:
//  - letters and digits run together into one word ("b747", "10km") as in WB9-WB10;
//  - an apostrophe between letters stays inside ("don't", "O'Neil"; WB6-7), and a '.' or ',' between
//    digits inside a number ("3.14", "1,000"; WB11-12). A '.' between letters joins only single
//    letters (acronyms: "U.S.A" -> "usa"), because scraped text often loses the space after a full
//    stop ("end.Next"), which UAX #29 would glue into one word;
//  - format characters (soft hyphen, ZWJ, ZWNJ, bidi marks, word joiner) never break a word (WB4),
//    but the zero-width space does (it is not a Format character in UAX #29);
//  - a hyphen between words splits them into parts at consecutive positions, and the analyzer adds
//    the parts written together ("e-mail" -> e, mail, and "email" at e's position) so that both
//    spellings find each other; UAX #29 would only split;
//  - Han, kana and Hangul have no spaces to split on; like Lucene's CJKBigramFilter we index
//    overlapping bigrams ("東京都" -> 東京, 京都), which needs no dictionary;
//  - URLs and e-mail addresses are recognised as a whole (not broken at '-' or joined at '.') and
//    indexed as their letter/digit runs, unstemmed: "jane.doe@example.com" -> jane doe example com.
//    A query for the address analyses the same way and becomes a phrase of those parts.
#include "broadsheet/analyzer.hpp"
#include "../text_util.hpp"
#include "word_hash.hpp"

#include <utf8proc.h>
#include <libstemmer.h>

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>

namespace broadsheet::search {

// ------------------------------------------------------------------------------------------------
// [SECTION] Code points and their classes
// ------------------------------------------------------------------------------------------------
namespace {

struct CodePoint {
    int32_t cp = -1; // -1 for an invalid byte
    uint32_t len = 1;
};

[[gnu::noinline]] CodePoint decode_multibyte(std::string_view s, size_t i) {
    utf8proc_int32_t cp = -1;
    auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data() + i),
                              utf8proc_ssize_t(s.size() - i), &cp);
    if (n <= 0) return {-1, 1};
    return {cp, uint32_t(n)};
}

// ASCII, most of the text there is, is decoded here without a call into utf8proc.
inline CodePoint decode_at(std::string_view s, size_t i) {
    const auto b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) return {int32_t(b), 1};
    return decode_multibyte(s, i);
}

enum class Class : uint8_t { Break, Space, Letter, Digit, Cjk, Ignore, Apostrophe, Dot, Comma, Hyphen };

bool is_cjk_letter(int32_t cp) {
    return (cp >= 0x1100 && cp <= 0x11FF) ||   // Hangul Jamo
           (cp >= 0x2E80 && cp <= 0x2FDF) ||   // CJK radicals, Kangxi radicals
           (cp >= 0x3040 && cp <= 0x30FF) ||   // Hiragana, Katakana
           (cp >= 0x3100 && cp <= 0x31FF) ||   // Bopomofo, Hangul compatibility jamo, kana ext.
           (cp >= 0x3400 && cp <= 0x4DBF) ||   // CJK extension A
           (cp >= 0x4E00 && cp <= 0x9FFF) ||   // CJK unified ideographs
           (cp >= 0xA960 && cp <= 0xA97F) ||   // Hangul Jamo extended-A
           (cp >= 0xAC00 && cp <= 0xD7FF) ||   // Hangul syllables, Jamo extended-B
           (cp >= 0xF900 && cp <= 0xFAFF) ||   // CJK compatibility ideographs
           (cp >= 0xFF66 && cp <= 0xFFDC) ||   // half-width katakana and Hangul
           (cp >= 0x20000 && cp <= 0x3FFFF);   // CJK extensions B and later
}

constexpr Class classify_ascii(char c) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_') return Class::Letter;
    if (c >= '0' && c <= '9') return Class::Digit;
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') return Class::Space;
    if (c == '\'') return Class::Apostrophe;
    if (c == '.') return Class::Dot;
    if (c == ',') return Class::Comma;
    if (c == '-') return Class::Hyphen;
    return Class::Break;
}

// classify_ascii() of every ASCII character: the segmenter looks each byte of ASCII text up here.
constexpr std::array<Class, 128> kAsciiClasses = [] {
    std::array<Class, 128> table{};
    for (size_t c = 0; c < table.size(); ++c) table[c] = classify_ascii(char(c));
    return table;
}();

[[gnu::noinline]] Class classify_non_ascii(int32_t cp) {
    if (cp < 0) return Class::Break;
    if (cp == 0x2019) return Class::Apostrophe;                 // right single quotation mark
    if (cp == 0x2010 || cp == 0x2011) return Class::Hyphen;     // hyphen, non-breaking hyphen
    if (cp == 0x200B) return Class::Space;                      // zero-width space: a break (UAX #29)
    switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO:
        return is_cjk_letter(cp) ? Class::Cjk : Class::Letter;
    case UTF8PROC_CATEGORY_MN: case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME:
    case UTF8PROC_CATEGORY_PC:
        return Class::Letter;
    case UTF8PROC_CATEGORY_ND: case UTF8PROC_CATEGORY_NL: case UTF8PROC_CATEGORY_NO:
        return Class::Digit;
    case UTF8PROC_CATEGORY_CF:
        return Class::Ignore;
    case UTF8PROC_CATEGORY_ZS: case UTF8PROC_CATEGORY_ZL: case UTF8PROC_CATEGORY_ZP:
    case UTF8PROC_CATEGORY_CC:
        return Class::Space;
    default:
        return Class::Break;
    }
}

inline Class classify(int32_t cp) {
    if (uint32_t(cp) < 0x80) return kAsciiClasses[size_t(cp)];
    return classify_non_ascii(cp);
}

bool is_word_class(Class c) { return c == Class::Letter || c == Class::Digit; }

// Bytes as a word's run of ASCII letters and digits sees them, one table lookup a byte:
// kLetterByte or kDigitByte (0 ends the run), and kUpperByte (0x20) on 'A'-'Z', so that a letter
// ORed with its kind is in lower case.
enum : uint8_t { kLetterByte = 1, kDigitByte = 2, kUpperByte = 0x20 };
constexpr std::array<uint8_t, 256> kByteKinds = [] {
    std::array<uint8_t, 256> table{};
    for (size_t b = 0; b < 0x80; ++b) {
        const Class k = kAsciiClasses[b];
        table[b] = k == Class::Letter ? uint8_t(kLetterByte | (b >= 'A' && b <= 'Z' ? kUpperByte : 0))
                 : k == Class::Digit  ? kDigitByte
                                      : 0;
    }
    return table;
}();
inline uint8_t byte_kind(char c) { return kByteKinds[static_cast<unsigned char>(c)]; }

// The same for eight bytes at once, in one 64-bit number (SWAR: "SIMD within a register", plain
// integer arithmetic that compiles alike natively and to wasm): most words of news text are a
// run of up to eight ASCII letters, which this takes in one step instead of a step and a table
// lookup a byte, and whose end is then no branch mispredicted at the end of every word.
// Each byte's test puts its answer in the byte's high bit (Hacker's Delight, 6-1: a byte x of
// 0-0x7F is in [lo, hi] when x + 0x80 - lo has the high bit and x + 0x7F - hi has not; no sum
// carries into the next byte).
struct AsciiRun8 {
    size_t length;   // bytes from the first that are ASCII letters or digits (8: all of them)
    uint8_t seen;    // kLetterByte and/or kDigitByte, as byte_kind() ORed over those bytes
    uint64_t lowered; // the eight bytes, 'A'-'Z' in lower case (the rest as they are)
};
inline AsciiRun8 ascii_run8(const char* p) {
    constexpr uint64_t kOnes = 0x0101010101010101ull, kHigh = 0x80 * kOnes;
    uint64_t v;
    std::memcpy(&v, p, 8);
    const uint64_t low7 = v & ~kHigh; // non-ASCII bytes are sent away by `ascii` below
    auto in = [](uint64_t x, unsigned lo, unsigned hi) { // the high bit of each byte in [lo, hi]
        return (x + (0x80 - lo) * kOnes) & ~(x + (0x7F - hi) * kOnes) & kHigh;
    };
    const uint64_t upper = in(low7, 'A', 'Z');
    const uint64_t letters = in(low7 | 0x20 * kOnes, 'a', 'z') | in(low7, '_', '_'); // classify_ascii()'s letters
    const uint64_t digits = in(low7, '0', '9');
    const uint64_t ascii = ~v & kHigh;
    const uint64_t word = (letters | digits) & ascii;
    const size_t length = size_t(std::countr_zero(~word & kHigh)) / 8; // 64 / 8 when all are
    const uint64_t taken = length == 8 ? ~uint64_t(0) : (uint64_t(1) << (8 * length)) - 1;
    const uint8_t seen = uint8_t(((letters & taken) != 0 ? kLetterByte : 0) | ((digits & taken) != 0 ? kDigitByte : 0));
    return {length, seen, v | upper >> 2}; // 0x80 >> 2 is kUpperByte
}

bool ascii_alnum(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

bool ascii_iequal_prefix(std::string_view s, std::string_view prefix) {
    if (s.size() < prefix.size()) return false;
    for (size_t i = 0; i < prefix.size(); ++i) {
        char c = s[i];
        if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
        if (c != prefix[i]) return false;
    }
    return true;
}

// ------------------------------------------------------------------------------------------------
// [SECTION] Stage 1: segmentation
// ------------------------------------------------------------------------------------------------

// Stage 2 of ASCII words and numbers (most segments), done by stage 1 as it reads them: their
// folded form (lower case, acronym dots and digit-group commas gone, as fold_segment() would
// make it, and never longer than the word) is written into a buffer at the word's own offset in
// the text, and its size noted for each segment in order; 0 (kNotFolded) for a segment that
// other characters, a URL part or CJK (or 64 kB) send through fold_segment(). Analyzer::run()
// folds this way; segment() does not (kFold = false).
constexpr uint16_t kNotFolded = 0; // a folded word or number is never empty
struct AsciiFolding {
    char* base = nullptr; // the buffer, as long as the text
    std::vector<uint16_t>* sizes = nullptr;
    // Always inline: clang left add() out of line in wasm, a call for every word.
    [[gnu::always_inline]] void add(size_t size) { sizes->push_back(size <= UINT16_MAX ? uint16_t(size) : kNotFolded); }
    void add_not_folded() { sizes->push_back(kNotFolded); }
};

inline char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c; }

// Emits the letter/digit runs of [begin, end) as UrlPart segments.
template <bool kFold>
void segment_parts(std::string_view text, size_t begin, size_t end, std::vector<Segment>& out, AsciiFolding* fold) {
    size_t i = begin, start = 0;
    bool in = false;
    while (i < end) {
        CodePoint c = decode_at(text.substr(0, end), i);
        Class k = classify(c.cp);
        bool word = is_word_class(k) || k == Class::Cjk;
        if (word && !in) start = i, in = true;
        if (!word && k != Class::Ignore && in) {
            out.push_back({{uint32_t(start), uint32_t(i)}, TokenKind::UrlPart, false});
            if constexpr (kFold) fold->add_not_folded();
            in = false;
        }
        i += c.len;
    }
    if (in) {
        out.push_back({{uint32_t(start), uint32_t(end)}, TokenKind::UrlPart, false});
        if constexpr (kFold) fold->add_not_folded();
    }
}

// Where segment_plain() stopped when it watched for links (kWatch): at a chunk (the text between
// two spaces; links never contain spaces) holding an '@', a '/' or a "www.", which only
// find_link() can tell a link or not, and how many segments there were before the chunk.
struct LinkStop {
    bool found = false;
    size_t chunk_begin = 0;
    size_t segments = 0;
};

// Ordinary text in [begin, end) (no URLs or e-mails inside). With kWatch, text that may hold
// links: it stops at the first chunk that may (LinkStop), so that one pass reads most text.
template <bool kFold, bool kWatch = false>
LinkStop segment_plain(std::string_view text, size_t begin, size_t end, std::vector<Segment>& out, AsciiFolding* fold) {
    std::string_view s = text.substr(0, end);
    size_t i = begin;
    bool hyphen_pending = false; // the previous word ended at a hyphen followed by a word
    [[maybe_unused]] size_t chunk_begin = begin, chunk_segments = out.size(); // for kWatch
    while (i < end) {
        if (s[i] == ' ') { // most separators, taken as the Space class below takes them
            ++i;
            if constexpr (kWatch) chunk_begin = i, chunk_segments = out.size();
            hyphen_pending = false;
            continue;
        }
        CodePoint c = decode_at(s, i);
        Class k = classify(c.cp);
        if (k == Class::Cjk) {
            // A run of CJK letters (ignorables inside are skipped) -> overlapping bigrams.
            std::array<ByteRange, 2> window{};
            size_t count = 0;
            size_t j = i;
            while (j < end) {
                CodePoint d = decode_at(s, j);
                Class dk = classify(d.cp);
                if (dk == Class::Ignore) { j += d.len; continue; }
                if (dk != Class::Cjk) break;
                ByteRange r{uint32_t(j), uint32_t(j + d.len)};
                if (count >= 1) {
                    out.push_back({{window[(count - 1) % 2].begin, r.end}, TokenKind::Cjk, false});
                    if constexpr (kFold) fold->add_not_folded();
                }
                window[count % 2] = r;
                ++count;
                j += d.len;
            }
            if (count == 1) {
                out.push_back({window[0], TokenKind::Cjk, false});
                if constexpr (kFold) fold->add_not_folded();
            }
            i = j;
            hyphen_pending = false;
            continue;
        }
        if (!is_word_class(k)) {
            if constexpr (kWatch) {
                if (k == Class::Space) {
                    chunk_begin = i + c.len, chunk_segments = out.size();
                } else if (c.cp == '@' || c.cp == '/' ||
                           (c.cp == '.' && i >= 3 && ascii_iequal_prefix(s.substr(i - 3, 3), "www"))) {
                    // Every '@', '/' and '.' of a chunk comes here: they never join a word, but
                    // for a '.' between single letters or digits, which "www" cannot be before.
                    return {true, chunk_begin, chunk_segments};
                }
            }
            i += c.len;
            hyphen_pending = false;
            continue;
        }
        // A word: letters/digits with the joiners described at the top of this file.
        size_t start = i, j = i + c.len;
        bool has_letter = k == Class::Letter;
        Class last = k;
        size_t run_letters = k == Class::Letter ? 1 : 0; // letters since the last '.', for acronyms
        bool acronym_dots = true;                         // every '.' so far joined single letters
        bool ends_in_hyphen = false;
        // Stage 2 on the way (AsciiFolding): the word's characters go into the buffer as they are
        // taken, lowered, while they are ASCII; the dots or commas fold_segment() drops go at the end.
        char* folded = nullptr; // where the next folded byte goes
        bool ascii = true, dots = false, commas = false;
        auto take = [&](CodePoint d) {
            if constexpr (kFold) {
                if (uint32_t(d.cp) < 0x80) *folded++ = ascii_lower(char(d.cp));
                else ascii = false;
            }
        };
        if constexpr (kFold) folded = fold->base + start;
        take(c);
        while (j < end) {
            // The common case, in short: a run of ASCII letters and digits, eight bytes a step
            // while eight are left (ascii_run8), then one lookup a byte; has_letter, last and
            // run_letters are then set as a byte-by-byte walk would.
            const size_t run_begin = j;
            uint8_t seen = 0;
            while (j + 8 <= end) {
                const AsciiRun8 run = ascii_run8(s.data() + j);
                seen |= run.seen;
                if constexpr (kFold) {
                    // All eight go in (the buffer is as long as the text, and `folded` is never
                    // ahead of j): the bytes past the run are written again by what the word
                    // takes next, or are past its end, where nothing reads them.
                    std::memcpy(folded, &run.lowered, 8);
                    folded += run.length;
                }
                j += run.length;
                if (run.length < 8) break;
            }
            for (uint8_t w; j < end && ((w = byte_kind(s[j])) & (kLetterByte | kDigitByte)) != 0; ++j) {
                seen |= w;
                if constexpr (kFold) *folded++ = char(s[j] | (w & kUpperByte));
            }
            if (j != run_begin) {
                has_letter |= (seen & kLetterByte) != 0;
                if (byte_kind(s[j - 1]) & kDigitByte) {
                    last = Class::Digit, run_letters = 0;
                } else {
                    last = Class::Letter;
                    if (!(seen & kDigitByte)) run_letters += j - run_begin;
                    else for (run_letters = 0; byte_kind(s[j - 1 - run_letters]) & kLetterByte; ++run_letters) {}
                }
                if (j >= end) break;
            }
            CodePoint d = decode_at(s, j);
            Class dk = classify(d.cp);
            if (is_word_class(dk)) {
                has_letter |= dk == Class::Letter;
                run_letters = dk == Class::Letter ? run_letters + 1 : 0;
                last = dk;
                take(d);
                j += d.len;
                continue;
            }
            if (dk == Class::Ignore) {
                take(d);
                j += d.len;
                continue;
            }
            if (dk == Class::Apostrophe || dk == Class::Dot || dk == Class::Comma || dk == Class::Hyphen) {
                if (j + d.len >= end) break;
                CodePoint n = decode_at(s, j + d.len);
                Class nk = classify(n.cp);
                if (dk == Class::Hyphen) {
                    ends_in_hyphen = is_word_class(nk);
                    break;
                }
                bool joins = false;
                if (dk == Class::Apostrophe) joins = last == Class::Letter && nk == Class::Letter;
                else if (last == Class::Digit && nk == Class::Digit) joins = true; // 3.14, 1,000
                else if (dk == Class::Dot && last == Class::Letter && nk == Class::Letter && run_letters == 1 &&
                         acronym_dots) {
                    // U.S.A: only if the next letter is also alone before a '.' or the end.
                    size_t after = j + d.len + n.len;
                    CodePoint a = after < end ? decode_at(s, after) : CodePoint{};
                    joins = after >= end || !is_word_class(classify(a.cp));
                }
                if (!joins) break;
                if (dk == Class::Dot && last == Class::Letter) run_letters = 0;
                else if (dk == Class::Dot) acronym_dots = false;
                dots |= dk == Class::Dot, commas |= dk == Class::Comma;
                take(d);
                j += d.len;
                continue;
            }
            break;
        }
        out.push_back({{uint32_t(start), uint32_t(j)}, has_letter ? TokenKind::Word : TokenKind::Number,
                       hyphen_pending});
        if constexpr (kFold) {
            if (!ascii) {
                fold->add_not_folded();
            } else {
                char* word = fold->base + start;
                if (has_letter ? dots : commas) folded = std::remove(word, folded, has_letter ? '.' : ',');
                fold->add(size_t(folded - word));
            }
        }
        hyphen_pending = ends_in_hyphen;
        i = j;
        if (ends_in_hyphen) i += decode_at(s, j).len; // skip the hyphen itself
    }
    return {};
}

// Finds the next URL or e-mail address in the whitespace-free chunk [begin, end); returns false
// if there is none. URLs start with http://, https:// or www. after a non-alphanumeric; e-mails
// are local@domain.tld with ASCII local parts and domains.
bool find_link(std::string_view text, size_t begin, size_t end, size_t& link_begin, size_t& link_end) {
    std::string_view chunk = text.substr(begin, end - begin);
    for (size_t i = 0; i < chunk.size(); ++i) {
        if (i > 0 && ascii_alnum(chunk[i - 1])) continue;
        std::string_view rest = chunk.substr(i);
        if (ascii_iequal_prefix(rest, "http://") || ascii_iequal_prefix(rest, "https://") ||
            (ascii_iequal_prefix(rest, "www.") && rest.size() > 4 && ascii_alnum(rest[4]))) {
            size_t e = chunk.size();
            while (e > i && std::strchr(".,;:!?)]}>\"'", chunk[e - 1]) != nullptr) --e;
            link_begin = begin + i;
            link_end = begin + e;
            return true;
        }
    }
    size_t at = chunk.find('@');
    while (at != std::string_view::npos) {
        auto local_char = [](char c) { return ascii_alnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-'; };
        auto domain_char = [](char c) { return ascii_alnum(c) || c == '.' || c == '-'; };
        size_t l = at;
        while (l > 0 && local_char(chunk[l - 1])) --l;
        while (l < at && !ascii_alnum(chunk[l])) ++l;
        size_t r = at + 1;
        while (r < chunk.size() && domain_char(chunk[r])) ++r;
        while (r > at + 1 && !ascii_alnum(chunk[r - 1])) --r;
        std::string_view domain = chunk.substr(at + 1, r - at - 1);
        size_t dot = domain.rfind('.');
        if (l < at && dot != std::string_view::npos && dot > 0 && domain.size() - dot > 2) {
            link_begin = begin + l;
            link_end = begin + r;
            return true;
        }
        at = chunk.find('@', at + 1);
    }
    return false;
}

} // namespace

namespace {

// segment(), and with kFold stage 2 of ASCII words on the way (AsciiFolding).
template <bool kFold> void segment_text(std::string_view text, std::vector<Segment>& out, AsciiFolding* fold) {
    // Byte offsets are 32-bit (ByteRange); longer input is analysed up to 4 GiB.
    if (text.size() > UINT32_MAX) text = text.substr(0, UINT32_MAX);
    size_t i = 0;
    while (i < text.size()) {
        const LinkStop stop = segment_plain<kFold, true>(text, i, text.size(), out, fold);
        if (!stop.found) break;
        // The chunk that may hold a link, again: its segments so far go, and it is read as a whole.
        out.resize(stop.segments);
        if constexpr (kFold) fold->sizes->resize(stop.segments);
        size_t chunk_end = stop.chunk_begin;
        while (chunk_end < text.size()) {
            CodePoint c = decode_at(text, chunk_end);
            if (classify(c.cp) == Class::Space) break;
            chunk_end += c.len;
        }
        size_t pos = stop.chunk_begin;
        size_t lb = 0, le = 0;
        while (pos < chunk_end && find_link(text, pos, chunk_end, lb, le)) {
            segment_plain<kFold>(text, pos, lb, out, fold);
            segment_parts<kFold>(text, lb, le, out, fold);
            pos = le;
        }
        segment_plain<kFold>(text, pos, chunk_end, out, fold);
        i = chunk_end;
    }
}

} // namespace

void segment(std::string_view text, std::vector<Segment>& out) { segment_text<false>(text, out, nullptr); }

// ------------------------------------------------------------------------------------------------
// [SECTION] Stage 2: folding
// ------------------------------------------------------------------------------------------------
namespace {

// Combining marks removed by diacritic folding. Only the blocks whose marks are accents on
// letters that are whole without them; Indic, Thai etc. vowel signs are not here, since removing
// them changes the word (utf8proc's STRIPMARK would remove every mark, so we filter ourselves).
bool is_foldable_mark(int32_t cp) {
    return (cp >= 0x0300 && cp <= 0x036F) || // combining diacritical marks
           (cp >= 0x0483 && cp <= 0x0489) || // Cyrillic combining marks
           (cp >= 0x0591 && cp <= 0x05BD) || cp == 0x05BF || cp == 0x05C1 || cp == 0x05C2 ||
           cp == 0x05C4 || cp == 0x05C5 || cp == 0x05C7 || // Hebrew points and accents
           (cp >= 0x064B && cp <= 0x065F) || cp == 0x0670 || cp == 0x0640 || // Arabic harakat, tatweel
           (cp >= 0x1AB0 && cp <= 0x1AFF) || (cp >= 0x1DC0 && cp <= 0x1DFF) ||
           (cp >= 0x20D0 && cp <= 0x20FF) || (cp >= 0xFE20 && cp <= 0xFE2F);
}

} // namespace

void fold(std::string_view word, bool fold_diacritics, std::string& out) {
    out.clear();
    bool ascii = true;
    for (char c : word) ascii &= static_cast<unsigned char>(c) < 0x80;
    if (ascii) {
        out.resize(word.size()); // no per-character append: this runs for every token
        for (size_t i = 0; i < word.size(); ++i) {
            char c = word[i];
            out[i] = (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c;
        }
        return;
    }
    // NFKD + case fold + drop default-ignorables, filter marks and apostrophes, then compose.
    const auto options = utf8proc_option_t(UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT | UTF8PROC_CASEFOLD | UTF8PROC_IGNORE);
    thread_local std::string capped; // a zalgo "word": reordering a long run of marks is quadratic
    if (text::cap_combining_runs(word, false, capped)) word = capped;
    thread_local std::vector<utf8proc_int32_t> buffer;
    if (buffer.size() < word.size() * 4 + 16) buffer.resize(word.size() * 4 + 16);
    auto src = reinterpret_cast<const utf8proc_uint8_t*>(word.data());
    auto n = utf8proc_decompose(src, utf8proc_ssize_t(word.size()), buffer.data(),
                                utf8proc_ssize_t(buffer.size()), options);
    if (n > utf8proc_ssize_t(buffer.size())) {
        buffer.resize(size_t(n));
        n = utf8proc_decompose(src, utf8proc_ssize_t(word.size()), buffer.data(), n, options);
    }
    if (n < 0) { // invalid UTF-8 (the segmenter does not produce it, but a caller might)
        for (char c : word)
            if (static_cast<unsigned char>(c) < 0x80) out += (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c;
        return;
    }
    size_t kept = 0;
    for (size_t i = 0; i < size_t(n); ++i) {
        int32_t cp = buffer[i];
        if (cp == 0x2019 || cp == 0x2018) cp = '\'';
        if (fold_diacritics && is_foldable_mark(cp)) continue;
        buffer[kept++] = cp;
    }
    auto len = utf8proc_reencode(buffer.data(), utf8proc_ssize_t(kept), utf8proc_option_t(UTF8PROC_COMPOSE | UTF8PROC_STABLE));
    if (len < 0) return;
    out.assign(reinterpret_cast<const char*>(buffer.data()), size_t(len));
}

// ------------------------------------------------------------------------------------------------
// [SECTION] Stages 3-5: possessives, stopwords, stemming
// ------------------------------------------------------------------------------------------------

std::string_view strip_possessive(std::string_view w) {
    if (w.size() > 2 && w.ends_with("'s")) return w.substr(0, w.size() - 2);
    if (w.size() > 1 && w.ends_with('\'')) return w.substr(0, w.size() - 1);
    return w;
}

namespace {

// The English stopword list published with the Snowball stemmer
// (https://snowballstem.org/algorithms/english/stop.txt, 174 words), so that stopping and stemming
// come from one source. It is larger than Lucene's 33-word list, which matters for a default-AND
// query language: "what is known about ..." should not require "what" and "known"... only "known".
constexpr std::string_view kEnglishStopwords[] = {
    "i", "me", "my", "myself", "we", "our", "ours", "ourselves", "you", "your", "yours", "yourself",
    "yourselves", "he", "him", "his", "himself", "she", "her", "hers", "herself", "it", "its", "itself",
    "they", "them", "their", "theirs", "themselves", "what", "which", "who", "whom", "this", "that",
    "these", "those", "am", "is", "are", "was", "were", "be", "been", "being", "have", "has", "had",
    "having", "do", "does", "did", "doing", "would", "should", "could", "ought", "i'm", "you're",
    "he's", "she's", "it's", "we're", "they're", "i've", "you've", "we've", "they've", "i'd", "you'd",
    "he'd", "she'd", "we'd", "they'd", "i'll", "you'll", "he'll", "she'll", "we'll", "they'll",
    "isn't", "aren't", "wasn't", "weren't", "hasn't", "haven't", "hadn't", "doesn't", "don't",
    "didn't", "won't", "wouldn't", "shan't", "shouldn't", "can't", "cannot", "couldn't", "mustn't",
    "let's", "that's", "who's", "what's", "here's", "there's", "when's", "where's", "why's", "how's",
    "a", "an", "the", "and", "but", "if", "or", "because", "as", "until", "while", "of", "at", "by",
    "for", "with", "about", "against", "between", "into", "through", "during", "before", "after",
    "above", "below", "to", "from", "up", "down", "in", "out", "on", "off", "over", "under", "again",
    "further", "then", "once", "here", "there", "when", "where", "why", "how", "all", "any", "both",
    "each", "few", "more", "most", "other", "some", "such", "no", "nor", "not", "only", "own", "same",
    "so", "than", "too", "very",
};

const std::vector<std::string_view>& english_stopwords() {
    static const std::vector<std::string_view> sorted = [] {
        std::vector<std::string_view> v(std::begin(kEnglishStopwords), std::end(kEnglishStopwords));
        std::sort(v.begin(), v.end());
        return v;
    }();
    return sorted;
}

// The other languages' lists (the Snowball project's, from liblingua-stopwords-perl: make_stopwords.py).
struct StopwordList {
    std::string_view code, name; // ISO 639-1, Snowball's name
    std::string_view words;      // as the list spells them, a space between words
};
#include "stopword_lists.inc"

// A language's list folded as text is folded (case, and accents either way: "für" and "fur"),
// sorted; made when first asked for. Null when the language has none.
const std::vector<std::string>* folded_stopwords(std::string_view language) {
    static std::vector<std::string> lists[std::size(kStopwordLists)];
    static bool made[std::size(kStopwordLists)] = {};
    for (size_t i = 0; i < std::size(kStopwordLists); ++i) {
        const StopwordList& l = kStopwordLists[i];
        if (language != l.code && language != l.name) continue;
        if (!made[i]) {
            std::string folded;
            for (size_t at = 0; at < l.words.size();) {
                size_t end = std::min(l.words.find(' ', at), l.words.size());
                for (bool diacritics : {false, true}) {
                    fold(l.words.substr(at, end - at), diacritics, folded);
                    lists[i].push_back(folded);
                }
                at = end + 1;
            }
            std::sort(lists[i].begin(), lists[i].end());
            lists[i].erase(std::unique(lists[i].begin(), lists[i].end()), lists[i].end());
            made[i] = true;
        }
        return &lists[i];
    }
    return nullptr;
}

} // namespace

bool is_stopword(std::string_view folded, std::string_view language) {
    if (language == "english" || language == "en") {
        const auto& list = english_stopwords();
        return std::binary_search(list.begin(), list.end(), folded);
    }
    // The list of the language asked last (the corpus analysis asks word after word in one).
    static std::string last_language;
    static const std::vector<std::string>* last_list = nullptr;
    if (language != last_language) {
        last_list = folded_stopwords(language);
        last_language = std::string(language);
    }
    return last_list && std::binary_search(last_list->begin(), last_list->end(), folded);
}

std::string_view snowball_language(std::string_view language) {
    // The algorithms of libstemmer 2.2 (Debian's, and the one built for the page) by ISO 639-1
    // code, ordered by it.
    static constexpr std::pair<std::string_view, std::string_view> kAlgorithms[] = {
        {"ar", "arabic"},  {"ca", "catalan"},    {"da", "danish"},     {"de", "german"},    {"el", "greek"},
        {"en", "english"}, {"es", "spanish"},    {"eu", "basque"},     {"fi", "finnish"},   {"fr", "french"},
        {"ga", "irish"},   {"hi", "hindi"},      {"hu", "hungarian"},  {"hy", "armenian"},  {"id", "indonesian"},
        {"it", "italian"}, {"lt", "lithuanian"}, {"nb", "norwegian"},  {"ne", "nepali"},    {"nl", "dutch"},
        {"nn", "norwegian"}, {"no", "norwegian"}, {"pt", "portuguese"}, {"ro", "romanian"}, {"ru", "russian"},
        {"sr", "serbian"}, {"sv", "swedish"},    {"ta", "tamil"},      {"tr", "turkish"},   {"yi", "yiddish"},
    };
    for (const auto& [code, name] : kAlgorithms)
        if (language == name) return name;
    // The primary subtag, in lower case: "pt-BR" -> "pt", "DE" -> "de".
    const size_t end = std::min(language.find_first_of("-_"), language.size());
    if (end != 2) return {};
    const char primary[2] = {char(language[0] | 0x20), char(language[1] | 0x20)};
    for (const auto& [code, name] : kAlgorithms)
        if (code == std::string_view(primary, 2)) return name;
    return {};
}

Stemmer::Stemmer(std::string_view language) {
    if (language.empty() || language == "none") return;
    std::string name(language);
    handle_ = sb_stemmer_new(name.c_str(), "UTF_8");
}

Stemmer::~Stemmer() {
    if (handle_) sb_stemmer_delete(handle_);
}

std::string_view Stemmer::stem(std::string_view folded) {
    if (!handle_ || folded.empty() || folded.size() > 256) return folded; // long: not a word, keep it
    const sb_symbol* s = sb_stemmer_stem(handle_, reinterpret_cast<const sb_symbol*>(folded.data()), int(folded.size()));
    if (!s) return folded; // out of memory inside libstemmer: the unstemmed word still works
    return {reinterpret_cast<const char*>(s), size_t(sb_stemmer_length(handle_))};
}

// ------------------------------------------------------------------------------------------------
// [SECTION] The word cache
// ------------------------------------------------------------------------------------------------

uint32_t WordCache::hash(std::string_view key) {
    uint64_t h = word_hash(key); // inline, where std::hash is a call (and in wasm a slow one)
    return uint32_t(h ^ (h >> 32));
}

namespace {
// Equality of short keys without a call (memcmp is one natively, and a byte loop in wasm).
bool same_bytes(const char* a, std::string_view b) {
    size_t i = 0;
    for (; i + 8 <= b.size(); i += 8) {
        uint64_t x, y;
        std::memcpy(&x, a + i, 8);
        std::memcpy(&y, b.data() + i, 8);
        if (x != y) return false;
    }
    for (; i < b.size(); ++i)
        if (a[i] != b[i]) return false;
    return true;
}
} // namespace

// A long key in keys_: its size (4 bytes), then its text.
bool WordCache::long_key_is(uint32_t place, std::string_view key) const {
    uint32_t size;
    std::memcpy(&size, keys_.data() + place, 4);
    return size == key.size() && same_bytes(keys_.data() + place + 4 + 8, key.substr(8));
}

uint32_t WordCache::slot_hash(const Slot& s) const {
    if (s.key < kLong) {
        char text[8];
        std::memcpy(text, &s.head, 8);
        return hash(std::string_view(text, s.key));
    }
    uint32_t size;
    std::memcpy(&size, keys_.data() + (s.key - kLong), 4);
    return hash(std::string_view(keys_.data() + (s.key - kLong) + 4, size));
}

const uint32_t* WordCache::find(std::string_view key, uint32_t h) const {
    if (slots_.empty()) return nullptr;
    // A key of up to 8 bytes is told by its slot alone; a longer one's rest is compared in keys_
    // (a second cache miss, the first being the slot).
    const uint64_t head = word_head(key);
    const bool short_key = key.size() < kLong;
    const size_t mask = slots_.size() - 1;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
        const Slot& s = slots_[i];
        if (s.key == kEmpty) return nullptr;
        if (s.head == head && (short_key ? s.key == key.size() : s.key >= kLong && long_key_is(s.key - kLong, key)))
            return &s.value;
    }
}

void WordCache::insert(std::string_view key, uint32_t h, uint32_t value) {
    if ((used_ + 1) * 4 > slots_.size() * 3) { // grow to keep probes short
        std::vector<Slot> old(std::max<size_t>(slots_.size() * 2, 1024));
        old.swap(slots_);
        const size_t mask = slots_.size() - 1;
        for (const Slot& s : old) {
            if (s.key == kEmpty) continue;
            size_t i = slot_hash(s) & mask; // not kept in the slot: growing is rare, probing is not
            while (slots_[i].key != kEmpty) i = (i + 1) & mask;
            slots_[i] = s;
        }
    }
    const size_t mask = slots_.size() - 1;
    size_t i = h & mask;
    while (slots_[i].key != kEmpty) i = (i + 1) & mask;
    uint32_t place = uint32_t(key.size());
    if (key.size() >= kLong) {
        place = kLong + uint32_t(keys_.size());
        const auto size = uint32_t(key.size());
        keys_.append(reinterpret_cast<const char*>(&size), 4);
        keys_ += key;
    }
    slots_[i] = {word_head(key), place, value};
    key_bytes_ += key.size();
    ++used_;
}

void WordCache::clear() {
    slots_.clear();
    keys_.clear();
    used_ = key_bytes_ = 0;
}

// ------------------------------------------------------------------------------------------------
// [SECTION] The chain
// ------------------------------------------------------------------------------------------------

namespace {
constexpr uint64_t kStopword = UINT64_MAX;       // term_ranges_ entry of a stopword
constexpr size_t kMaxCachedWord = 64;            // longer "words" (codes, junk) are not cached
constexpr size_t kMaxCacheBytes = size_t(16) << 20; // then the cache starts again from empty
} // namespace

Analyzer::Analyzer(AnalyzerOptions options) : options_(std::move(options)) {
    if (options_.stem) stemmer_ = std::make_unique<Stemmer>(options_.language);
}

Analyzer::~Analyzer() = default;

Analyzer& Analyzer::operator=(const Analyzer& other) {
    if (this != &other) *this = Analyzer(other.options_);
    return *this;
}

std::string Analyzer::term_for_surface(std::string_view surface) {
    return std::string(word_term(surface));
}

size_t Analyzer::memory_bytes() const {
    return word_terms_.memory_bytes() + terms_.capacity() + term_ranges_.capacity() * sizeof(uint64_t) +
           segments_.capacity() * sizeof(Segment) + folded_sizes_.capacity() * sizeof(uint16_t) +
           ascii_folded_.capacity() + folded_[0].capacity() + folded_[1].capacity() + joined_.capacity() +
           joined_surface_.capacity();
}

void Analyzer::release_memory() {
    WordCache released;
    std::swap(word_terms_, released);
    std::string().swap(terms_);
    std::vector<uint64_t>().swap(term_ranges_);
    std::vector<Segment>().swap(segments_);
    std::vector<uint16_t>().swap(folded_sizes_);
    for (std::string* s : {&ascii_folded_, &folded_[0], &folded_[1], &joined_, &joined_surface_}) std::string().swap(*s);
}

std::string_view Analyzer::tagged(std::string_view term) {
    if (options_.term_tag.empty()) return term;
    tagged_.assign(term);
    tagged_ += options_.term_tag;
    return tagged_;
}

std::string_view Analyzer::stop_and_stem(std::string_view surface) {
    if (options_.stopwords && is_stopword(surface, options_.language)) return {};
    return tagged(stemmer_ ? stemmer_->stem(surface) : surface);
}

std::string_view Analyzer::word_term(std::string_view surface) {
    if (!stemmer_ && !options_.stopwords) return tagged(surface);
    const uint32_t h = WordCache::hash(surface);
    if (const uint32_t* v = word_terms_.find(surface, h)) {
        uint64_t range = term_ranges_[*v];
        if (range == kStopword) return {};
        return std::string_view(terms_).substr(size_t(range >> 32), size_t(range & UINT32_MAX));
    }
    std::string_view term = stop_and_stem(surface);
    const bool stop = term.data() == nullptr;
    if (surface.size() > kMaxCachedWord) return term;
    if (word_terms_.key_bytes() + terms_.size() > kMaxCacheBytes) {
        word_terms_.clear();
        terms_.clear();
        term_ranges_.clear();
    }
    word_terms_.insert(surface, h, uint32_t(term_ranges_.size()));
    term_ranges_.push_back(stop ? kStopword : uint64_t(terms_.size()) << 32 | term.size());
    terms_ += term; // `term` may point into the stemmer's buffer, never into terms_
    return term;
}

std::string_view Analyzer::term_of(TokenKind kind, std::string_view surface) {
    // Not through the word cache: the caller caches (and run() caches words itself).
    if (kind == TokenKind::Word) return stop_and_stem(surface);
    if (kind == TokenKind::Joined) return tagged(stemmer_ ? stemmer_->stem(surface) : surface); // never stopped
    return surface;
}

std::string_view Analyzer::fold_segment(std::string_view raw, TokenKind kind, std::string& folded) {
    // Inside words a '.' only joins acronym letters, inside numbers a ',' only groups digits.
    const int drop = kind == TokenKind::Word ? '.' : kind == TokenKind::Number ? ',' : -1;
    // ASCII, most words: fold() only lowers the case there. Done here in one pass with the
    // removal, into a buffer that only grows (no clearing and zero-filling for every word).
    if (folded.size() < raw.size()) folded.resize(raw.size());
    char* out = folded.data();
    size_t n = 0;
    unsigned char bits = 0;
    for (char c : raw) {
        const auto b = static_cast<unsigned char>(c);
        bits |= b;
        out[n] = b >= 'A' && b <= 'Z' ? char(b - 'A' + 'a') : c;
        n += int(b) != drop;
    }
    if (bits < 0x80) return std::string_view(out, n);
    fold(raw, options_.fold_diacritics, folded);
    if (drop >= 0) std::erase(folded, char(drop));
    return folded;
}

void Analyzer::run(std::string_view text, bool finish_terms, void (*sink)(void*, const Token&), void* ctx) {
    segments_.clear();
    folded_sizes_.clear();
    if (ascii_folded_.size() < text.size()) ascii_folded_.resize(text.size());
    AsciiFolding ascii_folding{ascii_folded_.data(), &folded_sizes_};
    segment_text<true>(text, segments_, &ascii_folding);
    uint32_t position = 0;
    // The hyphen group in progress ("state-of-the-art"): its parts' surfaces written together.
    uint32_t group_position = 0, group_parts = 0;
    ByteRange group_range{};
    // Most groups are one word, so a group's surfaces are written down only from its second part
    // on: segments are folded into two buffers by turns, and the one holding the group's first
    // part is left alone until the next group starts.
    std::string_view first_part;
    size_t spare = 0; // the buffer the next segment is folded into
    auto flush_group = [&] {
        if (group_parts >= 2) {
            std::string_view term = joined_surface_;
            if (finish_terms) term = term_of(TokenKind::Joined, joined_surface_);
            sink(ctx, Token{term, joined_surface_, group_range, group_position, TokenKind::Joined});
            joined_surface_.clear();
        }
        group_parts = 0;
    };
    uint32_t after_previous = 0; // where the previous segment ended
    for (size_t n = 0; n < segments_.size(); ++n) {
        const Segment& seg = segments_[n];
        if (options_.paragraph_gaps && n > 0 && seg.range.begin > after_previous + 1) {
            // Two line feeds between the two segments: a paragraph break, and a place between.
            const std::string_view between = text.substr(after_previous, seg.range.begin - after_previous);
            if (const size_t lf = between.find('\n'); lf != std::string_view::npos && between.find('\n', lf + 1) != std::string_view::npos)
                ++position;
        }
        after_previous = seg.range.end;
        const uint16_t folded_size = folded_sizes_[n];
        std::string_view surface =
            folded_size != kNotFolded
                ? std::string_view(ascii_folded_.data() + seg.range.begin, folded_size)
                : fold_segment(text.substr(seg.range.begin, seg.range.size()), seg.kind, folded_[spare]);
        if (surface.empty()) continue; // only ignorable characters
        if (seg.kind == TokenKind::Word && (surface.back() == 's' || surface.back() == '\'')) // no call for most
            surface = strip_possessive(surface);
        bool groupable = seg.kind == TokenKind::Word || seg.kind == TokenKind::Number;
        if (!seg.hyphen_before || !groupable || group_parts == 0) flush_group();
        if (groupable) {
            if (group_parts == 0) {
                group_position = position, group_range.begin = seg.range.begin;
                first_part = surface;
                spare ^= 1;
            } else {
                if (group_parts == 1) joined_surface_.assign(first_part);
                joined_surface_ += surface;
            }
            ++group_parts;
            group_range.end = seg.range.end;
        }
        uint32_t pos = position++;
        std::string_view term = surface;
        if (finish_terms && seg.kind == TokenKind::Word) {
            term = word_term(surface);
            if (term.data() == nullptr) continue; // a stopword
        }
        sink(ctx, Token{term, surface, seg.range, pos, seg.kind});
    }
    flush_group();
}

std::vector<Analyzer::OwnedToken> Analyzer::tokens(std::string_view text) {
    std::vector<OwnedToken> out;
    analyze(text, [&](const Token& t) {
        out.push_back({std::string(t.term), std::string(t.surface), t.range, t.position, t.kind});
    });
    return out;
}

} // namespace broadsheet::search
