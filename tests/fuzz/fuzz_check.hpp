// Shared by the fuzz targets: invariant checks and a sink for every output byte.
//
// A failed check prints what failed and aborts, so libFuzzer (or the replay driver) reports the
// input that broke it. Every target hands what it parsed to touch(): the sink reads each byte, so
// the optimiser cannot drop work whose result is never otherwise used (at -O1 a buffer that is
// never read again may be optimised away, and an overflow into it with it).
//
// The UTF-8 validator here is written independently of broadsheet::is_valid_utf8 on purpose: the
// encoding target checks one against the other.
#pragma once

#include "broadsheet/article.hpp"
#include "broadsheet/import.hpp"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

namespace fuzz {

[[noreturn]] inline void fail(const char* what, const char* detail, const char* file, int line) {
    std::fprintf(stderr, "\n==fuzz== invariant failed: %s%s%s\n==fuzz== at %s:%d\n", what,
                 detail && *detail ? " -- " : "", detail ? detail : "", file, line);
    std::abort();
}

#define FUZZ_CHECK(cond) ((cond) ? void(0) : ::fuzz::fail(#cond, nullptr, __FILE__, __LINE__))
#define FUZZ_CHECK_MSG(cond, detail) \
    ((cond) ? void(0) : ::fuzz::fail(#cond, std::string(detail).c_str(), __FILE__, __LINE__))

// ---- the sink ----------------------------------------------------------------------------------

inline volatile uint64_t g_sink = 0;

inline void touch(std::string_view s) {
    uint64_t h = 1469598103934665603ull;
    for (char c : s) h = (h ^ uint8_t(c)) * 1099511628211ull;
    g_sink = g_sink + h + s.size();
}
inline void touch(uint64_t v) { g_sink = g_sink + v; }

// ---- UTF-8 -------------------------------------------------------------------------------------

// Well-formed UTF-8 per Unicode 15 table 3-7: no overlongs, no surrogates, nothing above U+10FFFF.
// Returns the offset of the first bad byte, or npos.
inline size_t first_bad_utf8(std::string_view s) {
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    size_t n = s.size(), i = 0;
    auto cont = [&](size_t k, unsigned lo = 0x80, unsigned hi = 0xBF) { return k < n && p[k] >= lo && p[k] <= hi; };
    while (i < n) {
        unsigned c = p[i];
        if (c < 0x80) { ++i; continue; }
        if (c >= 0xC2 && c <= 0xDF && cont(i + 1)) { i += 2; continue; }
        if (c == 0xE0 && cont(i + 1, 0xA0) && cont(i + 2)) { i += 3; continue; }
        if (((c >= 0xE1 && c <= 0xEC) || c == 0xEE || c == 0xEF) && cont(i + 1) && cont(i + 2)) { i += 3; continue; }
        if (c == 0xED && cont(i + 1, 0x80, 0x9F) && cont(i + 2)) { i += 3; continue; }
        if (c == 0xF0 && cont(i + 1, 0x90) && cont(i + 2) && cont(i + 3)) { i += 4; continue; }
        if (c >= 0xF1 && c <= 0xF3 && cont(i + 1) && cont(i + 2) && cont(i + 3)) { i += 4; continue; }
        if (c == 0xF4 && cont(i + 1, 0x80, 0x8F) && cont(i + 2) && cont(i + 3)) { i += 4; continue; }
        return i;
    }
    return std::string_view::npos;
}

inline bool valid_utf8(std::string_view s) { return first_bad_utf8(s) == std::string_view::npos; }

inline std::string describe_bad_utf8(const char* field, std::string_view s) {
    size_t at = first_bad_utf8(s);
    std::string out = std::string(field) + ": invalid UTF-8 at byte " + std::to_string(at) + " of " +
                      std::to_string(s.size()) + ", bytes:";
    char hex[8];
    for (size_t k = at; k < s.size() && k < at + 8; ++k) {
        std::snprintf(hex, sizeof hex, " %02X", unsigned(uint8_t(s[k])));
        out += hex;
    }
    return out;
}

// Touches `s` and checks it is well-formed UTF-8.
inline void check_utf8(const char* field, std::string_view s) {
    touch(s);
    FUZZ_CHECK_MSG(valid_utf8(s), describe_bad_utf8(field, s));
}

// True when byte offset `at` of `s` does not fall inside a UTF-8 sequence.
inline bool on_char_boundary(std::string_view s, size_t at) {
    return at == 0 || at >= s.size() || (uint8_t(s[at]) & 0xC0) != 0x80;
}

// Touches the bytes of `r` in `text` and checks it lies inside `text`, on character boundaries.
// `text` must be valid UTF-8 for the boundary check to mean anything.
inline void check_range(const char* what, broadsheet::ByteRange r, std::string_view text) {
    FUZZ_CHECK_MSG(r.begin <= r.end && r.end <= text.size(),
                   std::string(what) + ": [" + std::to_string(r.begin) + ", " + std::to_string(r.end) +
                       ") outside a text of " + std::to_string(text.size()) + " bytes");
    FUZZ_CHECK_MSG(on_char_boundary(text, r.begin) && on_char_boundary(text, r.end),
                   std::string(what) + ": [" + std::to_string(r.begin) + ", " + std::to_string(r.end) +
                       ") cuts a UTF-8 sequence");
    touch(text.substr(r.begin, r.end - r.begin));
}

// ---- dates -------------------------------------------------------------------------------------

// The ISO 8601 forms Article::date may take: YYYY, YYYY-MM, YYYY-MM-DD, then optionally
// THH:MM[:SS] and Z or +HH:MM / -HH:MM.
inline bool iso_date(std::string_view d) {
    auto digits = [&](size_t at, size_t n) {
        if (at + n > d.size()) return false;
        for (size_t k = at; k < at + n; ++k)
            if (d[k] < '0' || d[k] > '9') return false;
        return true;
    };
    if (!digits(0, 4)) return false;
    size_t i = 4;
    if (i == d.size()) return true;
    if (d[i] != '-' || !digits(i + 1, 2)) return false;
    i += 3;
    if (i == d.size()) return true;
    if (d[i] != '-' || !digits(i + 1, 2)) return false;
    i += 3;
    if (i == d.size()) return true;
    if (d[i] != 'T' || !digits(i + 1, 2) || d.size() <= i + 3 || d[i + 3] != ':' || !digits(i + 4, 2)) return false;
    i += 6;
    if (i < d.size() && d[i] == ':') {
        if (!digits(i + 1, 2)) return false;
        i += 3;
    }
    if (i == d.size()) return true;
    if (d[i] == 'Z') return i + 1 == d.size();
    if (d[i] != '+' && d[i] != '-') return false;
    return digits(i + 1, 2) && d.size() == i + 6 && d[i + 3] == ':' && digits(i + 4, 2);
}

// ---- articles ----------------------------------------------------------------------------------

// What every importer promises about an Article (article.hpp): text fields are UTF-8; paragraphs
// are ascending, non-overlapping ranges into `text` on character boundaries, and `text` is exactly
// the paragraphs joined by "\n\n"; styles run parallel to paragraphs; the date is ISO 8601.
inline void check_article(const broadsheet::Article& a) {
    check_utf8("file", a.file);
    check_utf8("id", a.id);
    check_utf8("title", a.title);
    check_utf8("standfirst", a.standfirst);
    for (const auto& name : a.byline) check_utf8("byline", name);
    check_utf8("date", a.date);
    FUZZ_CHECK_MSG(a.date.empty() || iso_date(a.date), "date is not ISO 8601: '" + a.date + "'");
    check_utf8("source", a.source);
    check_utf8("url", a.url);
    check_utf8("language", a.language);
    check_utf8("text", a.text);
    check_utf8("encoding", a.encoding);
    for (const auto& r : a.removed) {
        check_utf8("removed.text", r.text);
        check_utf8("removed.reason", r.reason);
    }
    for (const auto& m : a.metadata) {
        check_utf8("metadata.key", m.key);
        check_utf8("metadata.value", m.value);
    }

    std::string_view text = a.text;
    size_t joined = 0; // where the next paragraph must start if text = p0 "\n\n" p1 ...
    for (size_t i = 0; i < a.paragraphs.size(); ++i) {
        const auto& p = a.paragraphs[i];
        check_range("paragraph", p, text);
        FUZZ_CHECK_MSG(p.begin == joined, "paragraph " + std::to_string(i) + " starts at " +
                                              std::to_string(p.begin) + ", expected " + std::to_string(joined) +
                                              " (text = paragraphs joined by blank lines)");
        FUZZ_CHECK(a.paragraph(i).size() == p.size());
        joined = size_t(p.end) + 2;
        if (i + 1 < a.paragraphs.size())
            FUZZ_CHECK_MSG(text.substr(p.end, 2) == "\n\n", "paragraph " + std::to_string(i) + " not followed by \\n\\n");
    }
    FUZZ_CHECK_MSG(a.paragraphs.empty() ? text.empty() : a.paragraphs.back().end == text.size(),
                   "text has " + std::to_string(text.size()) + " bytes outside its paragraphs");
    FUZZ_CHECK(a.styles.size() <= a.paragraphs.size());
    for (size_t i = 0; i < a.paragraphs.size(); ++i) {
        auto st = a.style(i);
        touch(uint64_t(st.kind) * 8 + st.level);
        if (st.kind == broadsheet::ParagraphKind::Heading) FUZZ_CHECK(st.level >= 1 && st.level <= 6);
    }
    FUZZ_CHECK(a.word_count <= a.text.size());
    touch(a.word_count + a.truncated);
}

// What import_file promises: an error and no articles, or articles and no error; readable
// messages.
inline void check_import(const broadsheet::ImportResult& r) {
    check_utf8("result.file", r.file);
    check_utf8("result.error", r.error);
    for (const auto& w : r.warnings) {
        FUZZ_CHECK(!w.empty());
        check_utf8("warning", w);
    }
    if (!r.ok()) FUZZ_CHECK_MSG(r.articles.empty(), "error set but articles returned: " + r.error);
    for (const auto& a : r.articles) check_article(a);
}

// A fuzz input as valid UTF-8, for entry points documented to take UTF-8: each bad byte becomes
// U+FFFD. Independent of broadsheet::repair_utf8, so a bug there cannot hide one here.
inline std::string as_utf8(std::string_view bytes) {
    std::string out;
    out.reserve(bytes.size());
    while (!bytes.empty()) {
        size_t bad = first_bad_utf8(bytes);
        if (bad == std::string_view::npos) bad = bytes.size();
        out.append(bytes.substr(0, bad));
        if (bad == bytes.size()) break;
        out.append("\xEF\xBF\xBD");
        bytes.remove_prefix(bad + 1);
    }
    return out;
}

} // namespace fuzz
