#include "analysis/tokens.hpp"

#include "analysis/cues.hpp"
#include "analysis/gazetteer.hpp"
#include "broadsheet/analyzer.hpp"
#include "text_util.hpp"

#include <utf8proc.h>

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

namespace broadsheet::analysis {
namespace {

enum class CharClass : uint8_t { Letter, Mark, Digit, Space, Newline, Other };

struct Char {
    char32_t cp = 0;   // 0 for an invalid byte
    uint32_t size = 1; // bytes
    CharClass cls = CharClass::Other;
    utf8proc_category_t cat = UTF8PROC_CATEGORY_CN;
};

Char char_at(std::string_view s, size_t i) {
    Char c;
    auto b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) { // ASCII without a table lookup: most of any Latin-script text
        c.cp = b;
        if (b == '\n')
            c.cls = CharClass::Newline;
        else if (b == ' ' || b == '\t' || b == '\r' || b == '\f' || b == '\v')
            c.cls = CharClass::Space;
        else if (b >= '0' && b <= '9')
            c.cls = CharClass::Digit, c.cat = UTF8PROC_CATEGORY_ND;
        else if (b >= 'a' && b <= 'z')
            c.cls = CharClass::Letter, c.cat = UTF8PROC_CATEGORY_LL;
        else if (b >= 'A' && b <= 'Z')
            c.cls = CharClass::Letter, c.cat = UTF8PROC_CATEGORY_LU;
        return c;
    }
    utf8proc_int32_t cp = 0;
    auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data() + i),
                              utf8proc_ssize_t(s.size() - i), &cp);
    if (n <= 0) return c; // an invalid byte: one byte of "Other"
    c.cp = char32_t(cp);
    c.size = uint32_t(n);
    if (cp == '\n') {
        c.cls = CharClass::Newline;
        return c;
    }
    // Zero-width space, word joiner and BOM separate words like a space would.
    if (cp == ' ' || cp == '\t' || cp == '\r' || cp == '\f' || cp == '\v' || cp == 0x200B ||
        cp == 0x2060 || cp == 0xFEFF) {
        c.cls = CharClass::Space;
        return c;
    }
    c.cat = utf8proc_category(cp);
    switch (c.cat) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
        c.cls = CharClass::Letter;
        break;
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ME:
        c.cls = CharClass::Mark;
        break;
    case UTF8PROC_CATEGORY_ND:
        c.cls = CharClass::Digit;
        break;
    case UTF8PROC_CATEGORY_ZS:
        c.cls = CharClass::Space;
        break;
    default:
        c.cls =
            cp == 0xAD ? CharClass::Mark : CharClass::Other; // a soft hyphen stays inside its word
    }
    return c;
}

bool is_apostrophe(char32_t cp) {
    return cp == '\'' || cp == 0x2019;
}
bool is_hyphen(char32_t cp) {
    return cp == '-' || cp == 0x2010 || cp == 0x2011;
}
bool is_upper(const Char& c) {
    return c.cat == UTF8PROC_CATEGORY_LU || c.cat == UTF8PROC_CATEGORY_LT;
}
bool is_lower(const Char& c) {
    return c.cat == UTF8PROC_CATEGORY_LL;
}

// Quote marks: double or single, and what the glyph means when context does not decide.
enum class Glyph : uint8_t { None, Opens, Closes, Either };
struct QuoteGlyph {
    Glyph glyph = Glyph::None;
    bool single = false;
};

QuoteGlyph quote_glyph(char32_t cp) {
    switch (cp) {
    case 0x201C:
    case 0x201E:
    case 0x201F:
    case 0x00AB:
        return {Glyph::Opens, false}; // “ „ ‟ «
    case 0x201D:
    case 0x00BB:
        return {Glyph::Closes, false}; // ” »
    case '"':
        return {Glyph::Either, false};
    case 0x2018:
    case 0x201A:
    case 0x2039:
        return {Glyph::Opens, true}; // ‘ ‚ ‹
    case 0x2019:
    case 0x203A:
        return {Glyph::Closes, true}; // ’ ›
    case '\'':
        return {Glyph::Either, true};
    default:
        return {};
    }
}

bool is_dash(char32_t cp) {
    return cp == '-' || cp == 0x2013 || cp == 0x2014 || cp == 0x2015;
}
bool is_opening_bracket(char32_t cp) {
    return cp == '(' || cp == '[' || cp == '{';
}
bool is_sentence_end(char32_t cp) {
    return cp == '.' || cp == '!' || cp == '?' || cp == 0x2026;
}

// Punctuation after which a closing quote mark may stand ("rumours,” said" / "interests”.").
bool closes_context(char32_t cp) {
    return cp == '.' || cp == ',' || cp == ';' || cp == ':' || cp == '!' || cp == '?' ||
           cp == 0x2026 || cp == ')' || cp == ']' || cp == '}' || is_dash(cp) ||
           quote_glyph(cp).glyph != Glyph::None;
}

// Scans a word starting at i (a letter or, for words like "G20", a letter followed by digits).
// Stops before a possessive "’s". Returns its end and sets the case flags.
size_t scan_word(std::string_view s, size_t i, uint16_t& flags) {
    int letters = 0, uppers = 0, lowers = 0;
    bool first_letter = true, prev_lower = false, has_dot = false, joined = false;
    size_t end = i;
    while (end < s.size()) {
        Char c = char_at(s, end);
        if (c.cls == CharClass::Letter || c.cls == CharClass::Mark || c.cls == CharClass::Digit) {
            if (c.cls == CharClass::Letter) {
                ++letters;
                if (is_upper(c)) {
                    ++uppers;
                    if (first_letter) flags |= kCapital;
                    if (prev_lower) flags |= kInnerCap;
                    if (prev_lower && !joined) flags |= kCamelCap;
                } else if (is_lower(c)) {
                    ++lowers;
                    if (first_letter) flags |= kLower;
                }
                prev_lower = is_lower(c);
                first_letter = false;
                joined = false;
            }
            end += c.size;
            continue;
        }
        // Inner apostrophe, hyphen or dot: kept when a letter or digit follows.
        if (is_apostrophe(c.cp) || is_hyphen(c.cp) || c.cp == '.') {
            size_t after = end + c.size;
            if (after >= s.size()) break;
            Char n = char_at(s, after);
            bool letter = n.cls == CharClass::Letter;
            // French and Italian elision: "l'Élysée", "d'Italia" are two words.
            if (is_apostrophe(c.cp) && letters == 1 && lowers == 1 && end - i == 1) break;
            if (is_apostrophe(c.cp) && (n.cp == 's' || n.cp == 'S')) {
                // "China’s" -> "China" + clitic, unless more letters follow ("it’sy" is no clitic).
                size_t after_s = after + 1;
                if (after_s >= s.size() || char_at(s, after_s).cls != CharClass::Letter) break;
            }
            if (letter || (is_hyphen(c.cp) && n.cls == CharClass::Digit)) {
                if (c.cp == '.') has_dot = true;
                joined = true;
                end = after;
                continue;
            }
        }
        break;
    }
    if (letters >= 2 && lowers == 0 && uppers >= 2) flags |= kAllCaps;
    // A trailing dot belongs to abbreviations ("Mr.", "Inc."), initials ("J.") and dotted
    // acronyms ("U.S."); elsewhere it ends the sentence.
    if (end < s.size() && s[end] == '.') {
        std::string_view w = s.substr(i, end - i);
        bool initial = letters == 1 && uppers == 1 && end - i <= 2;
        if (has_dot || initial || contains(cues::abbreviations, fold(w))) ++end;
    }
    return end;
}

size_t scan_number(std::string_view s, size_t i) {
    size_t end = i;
    while (end < s.size()) {
        char c = s[end];
        if (c >= '0' && c <= '9') {
            ++end;
        } else if ((c == '.' || c == ',') && end + 1 < s.size() && s[end + 1] >= '0' &&
                   s[end + 1] <= '9') {
            ++end;
        } else {
            break;
        }
    }
    return end;
}

// Open or close, from the glyph and what stands on either side.
void set_quote_roles(std::vector<Token>& tokens) {
    for (size_t i = 0; i < tokens.size(); ++i) {
        Token& t = tokens[i];
        if (t.type != TokenType::Punct) continue;
        QuoteGlyph g = quote_glyph(t.cp);
        if (g.glyph == Glyph::None) continue;
        const Token* prev = i > 0 ? &tokens[i - 1] : nullptr;
        const Token* next = i + 1 < tokens.size() ? &tokens[i + 1] : nullptr;
        bool left_open = !prev || t.has(kSpaceBefore) || prev->type == TokenType::Break ||
                         (prev->type == TokenType::Punct &&
                          (prev->cp == 0 || is_opening_bracket(prev->cp) || is_dash(prev->cp) ||
                           quote_glyph(prev->cp).glyph == Glyph::Opens));
        bool right_open = !next || next->has(kSpaceBefore) || next->type == TokenType::Break ||
                          (next->type == TokenType::Punct && closes_context(next->cp));
        Glyph role = g.glyph;
        if (left_open && !right_open)
            role = Glyph::Opens;
        else if (!left_open && right_open)
            role = Glyph::Closes;
        if (role == Glyph::Opens) t.flags |= kOpenQuote;
        if (role == Glyph::Closes) t.flags |= kCloseQuote;
        if (g.single) t.flags |= kSingleQuote;
    }
}

// Marks sentence starts and ends.
void set_sentences(std::vector<Token>& tokens) {
    bool start = true;
    for (Token& t : tokens) {
        switch (t.type) {
        case TokenType::Break:
            start = true;
            break;
        case TokenType::Word:
        case TokenType::Number:
            if (start) t.flags |= kSentenceStart;
            start = false;
            break;
        case TokenType::Clitic:
            start = false;
            break;
        case TokenType::Punct:
            if (is_sentence_end(t.cp)) {
                t.flags |= kSentenceEnd;
                start = true;
            } else if (t.cp == ':' || t.has(kOpenQuote)) {
                start = true;
            } else if (!t.has(kCloseQuote) && !is_dash(t.cp) && t.cp != '(' && t.cp != ')' &&
                       t.cp != '[' && t.cp != ']') {
                start = false;
            }
            break;
        }
    }
}

} // namespace

std::vector<Token> tokenize(std::string_view s) {
    std::vector<Token> tokens;
    tokens.reserve(s.size() / 5 + 4);
    bool space = false;
    size_t i = 0;
    while (i < s.size()) {
        Char c = char_at(s, i);
        if (c.cls == CharClass::Space) {
            space = true;
            i += c.size;
            continue;
        }
        Token t;
        t.begin = uint32_t(i);
        if (space) t.flags |= kSpaceBefore;
        space = false;
        size_t end = i + c.size;
        if (c.cls == CharClass::Newline) {
            t.type = TokenType::Break;
            while (end < s.size() &&
                   (s[end] == '\n' || s[end] == ' ' || s[end] == '\t' || s[end] == '\r'))
                ++end;
            space = true;
        } else if (c.cls == CharClass::Letter) {
            t.type = TokenType::Word;
            end = scan_word(s, i, t.flags);
        } else if (c.cls == CharClass::Digit) {
            t.type = TokenType::Number;
            end = scan_number(s, i);
            if (end == i) end = i + c.size; // a non-ASCII digit: one code point
        } else if (is_apostrophe(c.cp) && !tokens.empty() && tokens.back().end == i &&
                   tokens.back().type == TokenType::Word && end < s.size() &&
                   (s[end] == 's' || s[end] == 'S') &&
                   (end + 1 >= s.size() || char_at(s, end + 1).cls != CharClass::Letter)) {
            t.type = TokenType::Clitic;
            end += 1;
        } else {
            t.type = TokenType::Punct;
            t.cp = c.cp;
        }
        t.end = uint32_t(end);
        tokens.push_back(t);
        i = end;
    }
    set_quote_roles(tokens);
    set_sentences(tokens);
    return tokens;
}

void append_folded(std::string& out, std::string_view word) {
    const size_t start = out.size();
    size_t i = 0;
    while (i < word.size()) {
        size_t ascii = i; // a run of ASCII, copied at once and lowered in place
        while (ascii < word.size() && static_cast<unsigned char>(word[ascii]) < 0x80) ++ascii;
        if (ascii > i) {
            const size_t at = out.size();
            out.append(word.data() + i, ascii - i);
            for (size_t k = at; k < out.size(); ++k)
                if (out[k] >= 'A' && out[k] <= 'Z') out[k] = char(out[k] - 'A' + 'a');
            i = ascii;
            continue;
        }
        Char c = char_at(word, i);
        if (c.cp == 0) {
            out += word[i];
            ++i;
            continue;
        }
        utf8proc_uint8_t buf[4];
        auto n = utf8proc_encode_char(utf8proc_tolower(utf8proc_int32_t(c.cp)), buf);
        out.append(reinterpret_cast<const char*>(buf), size_t(n));
        i += c.size;
    }
    if (out.size() > start && out.back() == '.') out.pop_back();
}

std::string fold(std::string_view word) {
    std::string out;
    out.reserve(word.size());
    append_folded(out, word);
    return out;
}

FoldedWords::FoldedWords(std::string_view text, const std::vector<Token>& tokens) : tokens_(tokens) {
    folded_.reserve(text.size());
    at_.reserve(tokens.size() + 1);
    at_.push_back(0);
    for (const Token& t : tokens) {
        append_folded(folded_, view(text, t));
        at_.push_back(uint32_t(folded_.size()));
    }
}

bool in_table(std::span<const std::string_view> table, std::string_view word) {
    if (table.size() <= 16) return std::find(table.begin(), table.end(), word) != table.end();
    struct Set {
        size_t size = 0;
        std::unordered_set<std::string_view> words;
    };
    thread_local std::unordered_map<const std::string_view*, Set> sets;
    auto [it, fresh] = sets.try_emplace(table.data());
    if (fresh) it->second = {table.size(), std::unordered_set<std::string_view>(table.begin(), table.end())};
    if (it->second.size != table.size()) return std::find(table.begin(), table.end(), word) != table.end(); // a part of one
    return it->second.words.count(word) > 0;
}

bool word_in(std::string_view text, const Token& t, std::span<const std::string_view> table) {
    if (!t.is_word()) return false;
    return in_table(table, fold(view(text, t)));
}

bool is_demonym(std::string_view word) {
    std::string f = fold(word);
    return in_table(cues::demonyms, f) || (f.size() > 5 && f.ends_with("ese"));
}

bool phrase_at(const FoldedWords& words, size_t i, std::string_view phrase, size_t& last) {
    size_t k = i;
    while (!phrase.empty()) {
        size_t space = phrase.find(' ');
        std::string_view part = phrase.substr(0, space);
        phrase = space == std::string_view::npos ? std::string_view() : phrase.substr(space + 1);
        if (!words.is_word(k) || words[k] != part) return false;
        ++k;
    }
    if (k == i) return false;
    last = k - 1;
    return true;
}

bool phrase_before(const FoldedWords& words, size_t i, std::string_view phrase, size_t& first) {
    const size_t space = phrase.rfind(' '); // the last word first: most tokens end no phrase
    if (!words.is_word(i) || words[i] != (space == std::string_view::npos ? phrase : phrase.substr(space + 1))) return false;
    size_t n = size_t(std::count(phrase.begin(), phrase.end(), ' ')) + 1;
    if (phrase.empty() || i + 1 < n) return false;
    size_t last = 0;
    if (!phrase_at(words, i + 1 - n, phrase, last)) return false;
    first = i + 1 - n;
    return true;
}

std::string primary_language(std::string_view tag) {
    return text::ascii_lower(tag.substr(0, tag.find_first_of("-_")));
}

bool ends_with_any(std::string_view word, std::span<const std::string_view> endings, bool longer) {
    return std::any_of(endings.begin(), endings.end(), [&](std::string_view e) {
        return word.ends_with(e) && (!longer || word.size() > e.size());
    });
}

std::string name_key(std::string_view name) {
    std::string folded, key;
    search::fold(name, true, folded);
    std::string_view rest = folded;
    size_t start = 0;
    while (start <= rest.size()) {
        size_t end = rest.find_first_of(" \t\n\r", start);
        if (end == std::string_view::npos) end = rest.size();
        std::string_view word = rest.substr(start, end - start);
        if (!word.empty()) {
            if (!(key.empty() && word == "the" && end < rest.size())) {
                if (!key.empty()) key += ' ';
                key += word;
            }
        }
        start = end + 1;
    }
    key = std::string(search::strip_possessive(key));
    // A country's other names are the one country ("U.S." in one article, "United States" in
    // the next).
    static const std::vector<std::pair<std::string, std::string>> kCountries = [] {
        std::vector<std::pair<std::string, std::string>> table; // other name, usual name
        for (const auto& group : analysis::cues::same_country) {
            std::string usual;
            search::fold(group[0], true, usual);
            for (std::string_view other : group) {
                if (other.empty()) continue;
                table.emplace_back();
                search::fold(other, true, table.back().first);
                table.back().second = usual;
            }
        }
        return table;
    }();
    for (const auto& [other, usual] : kCountries)
        if (key == other) return usual;
    return key;
}

bool may_be_surname(std::string_view key) {
    if (key.empty() || key.find(' ') != std::string_view::npos) return false;
    if (gazetteer::lookup(key) != gazetteer::Listed::No || is_demonym(key)) return false;
    return !in_table(cues::currency_words_en, key) && !in_table(cues::org_words, key) && !in_table(cues::place_words, key);
}

std::vector<size_t> name_end_owners(std::span<const std::string> keys, const std::vector<bool>& in_full,
                                    bool nested_longer) {
    auto ends_with = [](std::string_view name, std::string_view end) {
        return name.size() > end.size() && name.ends_with(end) && name[name.size() - end.size() - 1] == ' ';
    };
    std::unordered_map<std::string_view, size_t> owner; // an end -> the name it ends (SIZE_MAX: two)
    for (size_t i = 0; i < keys.size(); ++i) {
        if (!in_full[i]) continue;
        const std::string_view key = keys[i];
        for (size_t space = key.find(' '); space != std::string_view::npos; space = key.find(' ', space + 1)) {
            auto [it, added] = owner.emplace(key.substr(space + 1), i);
            if (added || it->second == SIZE_MAX || it->second == i) continue;
            const std::string_view other = keys[it->second];
            if (nested_longer && ends_with(key, other)) it->second = i; // the longer of two, one inside the other
            else if (!nested_longer || !ends_with(other, key)) it->second = SIZE_MAX;
        }
    }
    std::vector<size_t> out(keys.size(), SIZE_MAX);
    for (size_t i = 0; i < keys.size(); ++i)
        if (auto it = owner.find(keys[i]); it != owner.end() && it->second != i) out[i] = it->second;
    return out;
}

EntityKind voted_kind(std::span<const uint32_t, 4> votes) {
    const auto typed = std::max_element(votes.begin(), votes.begin() + 3);
    const uint32_t other = votes[size_t(EntityKind::Other)];
    return *typed > 0 && 4 * uint64_t(*typed) >= other ? EntityKind(typed - votes.begin()) : EntityKind::Other;
}

} // namespace broadsheet::analysis
