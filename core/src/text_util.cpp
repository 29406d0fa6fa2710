#include "text_util.hpp"

#include <utf8proc.h>

#include <cctype>
#include <cstring>

namespace broadsheet::text {
namespace {

bool is_ascii_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

// Length of a Unicode space (NBSP U+00A0, U+2000..U+200B, U+202F, U+205F, U+3000, U+FEFF) at the
// start of s, or 0.
size_t unicode_space_at(std::string_view s) {
    if (s.size() >= 2 && s[0] == '\xC2' && s[1] == '\xA0') return 2;
    if (s.size() >= 3) {
        auto a = uint8_t(s[0]), b = uint8_t(s[1]), c = uint8_t(s[2]);
        if (a == 0xE2 && b == 0x80 && (c <= 0x8B || c == 0xAF)) return 3;
        if (a == 0xE2 && b == 0x81 && c == 0x9F) return 3;
        if (a == 0xE3 && b == 0x80 && c == 0x80) return 3;
        if (a == 0xEF && b == 0xBB && c == 0xBF) return 3;
    }
    return 0;
}

// Length of a Unicode space ending at s.end(), or 0.
size_t unicode_space_before_end(std::string_view s) {
    for (size_t len : {size_t(2), size_t(3)}) {
        if (s.size() >= len && unicode_space_at(s.substr(s.size() - len)) == len) return len;
    }
    return 0;
}

inline char lower(char c) { return ascii_lower(c); }
inline char upper(char c) {
    return c >= 'a' && c <= 'z' ? char(c - 'a' + 'A') : c;
}

// Where, from `from` on, `s` holds a character that a pattern beginning with `first` (not '*')
// may match: `first` in either case, a space or tab for ' ', a digit for '#'; or npos. A '*'
// tries only those places in a line, found with memchr.
size_t next_start(std::string_view s, size_t from, char first) {
    if (first == '#') {
        while (from < s.size() && !(s[from] >= '0' && s[from] <= '9')) ++from;
        return from < s.size() ? from : std::string_view::npos;
    }
    const char a = first == ' ' ? ' ' : lower(first), b = first == ' ' ? '\t' : upper(first);
    if (from >= s.size()) return std::string_view::npos;
    const char* begin = s.data() + from;
    const size_t n = s.size() - from;
    const void* at = std::memchr(begin, a, n);
    if (a != b) {
        const void* other = std::memchr(begin, b, at ? size_t(static_cast<const char*>(at) - begin) : n);
        if (other) at = other;
    }
    return at ? size_t(static_cast<const char*>(at) - s.data()) : std::string_view::npos;
}

} // namespace

std::string_view trim(std::string_view s) {
    for (;;) {
        if (!s.empty() && is_ascii_space(s.front()))
            s.remove_prefix(1);
        else if (size_t n = unicode_space_at(s))
            s.remove_prefix(n);
        else
            break;
    }
    for (;;) {
        if (!s.empty() && is_ascii_space(s.back()))
            s.remove_suffix(1);
        else if (size_t n = unicode_space_before_end(s))
            s.remove_suffix(n);
        else
            break;
    }
    return s;
}

bool iequals(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i)
        if (lower(a[i]) != lower(b[i])) return false;
    return true;
}

bool matches(std::string_view p, std::string_view s) {
    // Backtracking only at '*'; patterns are short, lines are bounded by the caller.
    while (!p.empty()) {
        char c = p.front();
        if (c == '*') {
            p.remove_prefix(1);
            if (p.empty()) return true;
            if (p.front() == '*') return matches(p, s);
            // Whatever the '*' takes, the pattern's last literal characters end the line
            // ("* contributed to this report."): most lines fail here, before any search.
            if (p.back() != '*') {
                const size_t last = p.find_last_of("*# ");
                const std::string_view tail = last == std::string_view::npos ? p : p.substr(last + 1);
                if (tail.size() > s.size() || !iequals(s.substr(s.size() - tail.size()), tail)) return false;
            }
            for (size_t i = next_start(s, 0, p.front()); i != std::string_view::npos; i = next_start(s, i + 1, p.front()))
                if (matches(p, s.substr(i))) return true;
            return false;
        }
        if (c == '#') {
            size_t n = 0;
            while (n < s.size() && std::isdigit(static_cast<unsigned char>(s[n]))) ++n;
            if (n == 0) return false;
            p.remove_prefix(1);
            s.remove_prefix(n);
            continue;
        }
        if (c == ' ') {
            size_t n = 0;
            while (n < s.size() && (s[n] == ' ' || s[n] == '\t')) ++n;
            if (n == 0) return false;
            p.remove_prefix(1);
            s.remove_prefix(n);
            continue;
        }
        if (s.empty() || lower(c) != lower(s.front())) return false;
        p.remove_prefix(1);
        s.remove_prefix(1);
    }
    return s.empty();
}

std::vector<std::string_view> split_lines(std::string_view s) {
    std::vector<std::string_view> lines;
    size_t start = 0;
    for (size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '\n') {
            lines.push_back(s.substr(start, i - start));
            start = i + 1;
        }
    }
    if (start < s.size()) lines.push_back(s.substr(start));
    return lines;
}

std::string collapse_spaces(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    bool pending = false;
    size_t i = 0;
    while (i < s.size()) {
        // The bytes up to the next space are copied whole (a Unicode space starts with one of
        // four lead bytes; most text is a byte at a time otherwise).
        size_t end = i;
        for (; end < s.size(); ++end) {
            const auto c = uint8_t(s[end]);
            if (c < 0x80 ? is_ascii_space(char(c))
                         : (c == 0xC2 || c == 0xE2 || c == 0xE3 || c == 0xEF) && unicode_space_at(s.substr(end)) > 0)
                break;
        }
        if (end > i) {
            if (pending && !out.empty()) out += ' ';
            pending = false;
            out.append(s.substr(i, end - i));
            i = end;
            continue;
        }
        const size_t n = is_ascii_space(s[i]) ? 1 : unicode_space_at(s.substr(i));
        // The zero-width space and the BOM are not word breaks: drop them without a space.
        const bool zero_width = n == 3 && (s.substr(i, 3) == "\xE2\x80\x8B" || s.substr(i, 3) == "\xEF\xBB\xBF");
        if (!zero_width) pending = true;
        i += n;
    }
    return out;
}

bool cap_combining_runs(std::string_view s, bool keep_marks, std::string& out) {
    constexpr size_t kMaxRun = 30;
    auto scan = [&](auto&& emit) { // calls emit(begin, end, run) for each code point; false on bad UTF-8
        auto p = reinterpret_cast<const utf8proc_uint8_t*>(s.data());
        utf8proc_ssize_t left = utf8proc_ssize_t(s.size());
        size_t pos = 0, run = 0;
        while (left > 0) {
            utf8proc_int32_t cp = 0;
            utf8proc_ssize_t n = p[0] < 0x80 ? (cp = p[0], 1) : utf8proc_iterate(p, left, &cp);
            if (n <= 0) return false;
            run = (cp >= 0x300 && utf8proc_get_property(cp)->combining_class != 0) ? run + 1 : 0;
            if (!emit(pos, pos + size_t(n), run)) return true;
            p += n, left -= n, pos += size_t(n);
        }
        return true;
    };
    bool too_long = false;
    if (!scan([&](size_t, size_t, size_t run) { return !(too_long = run > kMaxRun); }) || !too_long)
        return false;
    out.clear();
    out.reserve(s.size() + s.size() / 32);
    scan([&](size_t begin, size_t end, size_t run) {
        if (run > kMaxRun && keep_marks && run % kMaxRun == 1) append_utf8(out, 0x034F);
        if (run <= kMaxRun || keep_marks) out.append(s.substr(begin, end - begin));
        return true;
    });
    return true;
}

void append_utf8(std::string& out, uint32_t cp) {
    if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp < 0xE000)) cp = 0xFFFD;
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

std::string ascii_lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = lower(c);
    return out;
}

std::string decode_entities(std::string_view s) {
    if (s.find('&') == std::string_view::npos) return std::string(s);
    struct Named {
        std::string_view name;
        uint32_t cp;
    };
    static constexpr Named kNamed[] = {
        {"quot", '"'},      {"amp", '&'},      {"lt", '<'},       {"gt", '>'},
        {"apos", '\''},     {"nbsp", 0xA0},    {"ndash", 0x2013}, {"mdash", 0x2014},
        {"hellip", 0x2026}, {"laquo", 0xAB},   {"raquo", 0xBB},   {"bdquo", 0x201E},
        {"ldquo", 0x201C},  {"rdquo", 0x201D}, {"lsquo", 0x2018}, {"rsquo", 0x2019},
        {"sbquo", 0x201A},  {"euro", 0x20AC},  {"copy", 0xA9},    {"reg", 0xAE}};
    std::string out;
    for (size_t i = 0; i < s.size(); ++i) {
        if (s[i] != '&') {
            out += s[i];
            continue;
        }
        size_t semi = s.find(';', i);
        if (semi == std::string_view::npos || semi - i > 10) {
            out += s[i];
            continue;
        }
        std::string_view ref = s.substr(i + 1, semi - i - 1);
        uint32_t cp = 0;
        if (ref.size() > 1 && ref[0] == '#') {
            bool hex = ref[1] == 'x' || ref[1] == 'X';
            for (char c : ref.substr(hex ? 2 : 1)) {
                int d = std::isdigit(static_cast<unsigned char>(c)) ? c - '0'
                        : hex && std::isxdigit(static_cast<unsigned char>(c))
                            ? (std::tolower(c) - 'a' + 10)
                            : -1;
                if (d < 0 || cp > 0x10FFFF) {
                    cp = 0;
                    break;
                }
                cp = cp * (hex ? 16 : 10) + uint32_t(d);
            }
        } else {
            for (const auto& n : kNamed)
                if (ref == n.name) cp = n.cp;
        }
        if (cp == 0 || cp > 0x10FFFF) {
            out += s[i];
            continue;
        }
        append_utf8(out, cp);
        i = semi;
    }
    return out;
}

size_t count_words(std::string_view s) {
    size_t words = 0;
    bool in_word = false;
    auto p = reinterpret_cast<const utf8proc_uint8_t*>(s.data());
    utf8proc_ssize_t left = utf8proc_ssize_t(s.size());
    while (left > 0) {
        if (const utf8proc_uint8_t c = *p; c < 0x80) { // most text: a byte at a time, without utf8proc
            const auto l = uint8_t(c | 0x20);
            const bool letter = (l >= 'a' && l <= 'z') || (c >= '0' && c <= '9');
            const bool joiner = in_word && (c == '\'' || c == '-');
            if (letter && !in_word) ++words;
            in_word = letter || joiner;
            ++p;
            --left;
            continue;
        }
        utf8proc_int32_t cp = 0;
        utf8proc_ssize_t n = utf8proc_iterate(p, left, &cp);
        if (n <= 0) { // not UTF-8 here: skip the byte
            n = 1;
            cp = ' ';
        }
        p += n;
        left -= n;
        bool cjk = (cp >= 0x3040 && cp <= 0x30FF) || (cp >= 0x3400 && cp <= 0x9FFF) ||
                   (cp >= 0xF900 && cp <= 0xFAFF);
        if (cjk) {
            ++words;
            in_word = false;
            continue;
        }
        auto cat = utf8proc_category(cp);
        bool letter = (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_ME) ||
                      (cat >= UTF8PROC_CATEGORY_ND && cat <= UTF8PROC_CATEGORY_NO);
        bool joiner = in_word && (cp == '\'' || cp == '-' || cp == 0x2019 || cp == 0xAD);
        if (letter && !in_word) ++words;
        in_word = letter || joiner;
    }
    return words;
}

bool strip_suffix(std::string_view& s, std::string_view suffix) {
    std::string_view t = trim(s);
    if (t.size() < suffix.size() || t.substr(t.size() - suffix.size()) != suffix) return false;
    s = trim(t.substr(0, t.size() - suffix.size()));
    return true;
}

} // namespace broadsheet::text
