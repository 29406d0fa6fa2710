// Numbers: the figures a text cites, with their values, units and comparatives.
//
// [SECTION] Digits    "5,000", "5.8", "1.234.567", "5,8": which separator groups and which is
// decimal [SECTION] Words     "three", "twenty-five thousand", "a dozen" [SECTION] Figures   scale
// words, currency, percent, ordinals, ranges, then unit and comparative
//
// Values are kept as an integer mantissa and a power of ten until the end, so "5.8 million" is
// exactly 5800000 rather than 5.8 * 1e6 rounded. Separators follow English usage where the text
// cannot decide: one dot is a decimal point ("1.000" is 1), commas before groups of three digits
// group thousands; a comma before one or two digits ("5,8") is read as a decimal comma, and
// several dots before groups of three ("1.234.567") as grouping, so continental figures degrade
// gracefully. Scale, currency and percent words follow the text's language ("5,8 millones de
// euros", "3 Mrd. Euro"; cues::number_languages); number words are English (cues.hpp).
#include "broadsheet/analysis.hpp"
#include "broadsheet/analyzer.hpp" // is_stopword

#include "analysis/cues.hpp"
#include "analysis/tokens.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <string_view>
#include <unordered_map>

namespace broadsheet {
namespace {

using namespace analysis;

constexpr std::string_view kMonths[] = {
    "january",   "february", "march",    "april",    "may",  "june", "july", "august",
    "september", "october",  "november", "december", "jan",  "feb",  "mar",  "apr",
    "jun",       "jul",      "aug",      "sep",      "sept", "oct",  "nov",  "dec"}; // [en]
// The month kMonths[i] names: 1-12.
int month_number(std::string_view w) {
    static constexpr int kAbbreviated[] = {1, 2, 3, 4, 6, 7, 8, 9, 9, 10, 11, 12}; // jan ... dec
    for (size_t i = 0; i < std::size(kMonths); ++i)
        if (kMonths[i] == w) return i < 12 ? int(i) + 1 : kAbbreviated[i - 12];
    return 0;
}
constexpr std::string_view kRangeWords[] = {"to", "and"}; // [en] "5 to 6"
constexpr std::string_view kBetween[] = {"between"};      // [en]

struct Value {
    uint64_t mantissa = 0;
    int exponent = 0; // power of ten
    double get() const {
        double v = double(mantissa);
        return exponent >= 0 ? v * std::pow(10.0, exponent) : v / std::pow(10.0, -exponent);
    }
};

// ---- [SECTION] Digits ---------------------------------------------------------------------------

// Reads "5,000", "5.8", "1,234.5", "1.234,5", "1.234.567", "5,8". False for what is no single
// number ("1.2.3", more than 18 digits). `decimal_comma`: the text's language writes a decimal
// comma and groups thousands with dots (German, Spanish, French...), so one dot before three
// digits groups ("14.013" is 14013) and one comma is decimal ("1,234" is 1.234).
bool parse_digits(std::string_view s, Value& v, bool decimal_comma) {
    std::vector<std::string_view> groups;
    std::vector<char> seps;
    size_t start = 0;
    for (size_t i = 0; i <= s.size(); ++i) {
        if (i == s.size() || s[i] == '.' || s[i] == ',') {
            groups.push_back(s.substr(start, i - start));
            if (i < s.size()) seps.push_back(s[i]);
            start = i + 1;
        }
    }
    size_t decimal = SIZE_MAX; // index of the separator that is the decimal point
    bool has_dot = contains(seps, '.'), has_comma = contains(seps, ',');
    auto threes_after = [&](size_t from) {
        for (size_t g = from; g < groups.size(); ++g)
            if (groups[g].size() != 3) return false;
        return true;
    };
    if (has_dot && has_comma) {
        decimal = seps.size() - 1; // the last separator is the decimal one: "1,234.5", "1.234,5"
        for (size_t k = 0; k + 1 < seps.size(); ++k)
            if (seps[k] == seps.back()) return false;
    } else if (has_dot) {
        if (seps.size() == 1 && !(decimal_comma && groups[1].size() == 3))
            decimal = 0;
        else if (!threes_after(1))
            return false; // "1.2.3"
    } else if (has_comma) {
        if (seps.size() == 1 && (decimal_comma || groups[1].size() != 3)) decimal = 0; // "5,8"
    }
    uint64_t m = 0;
    int digits = 0, exponent = 0;
    for (size_t g = 0; g < groups.size(); ++g) {
        for (char c : groups[g]) {
            if (c < '0' || c > '9') return false;
            if (++digits > 18) return false;
            m = m * 10 + uint64_t(c - '0');
            if (decimal != SIZE_MAX && g > decimal) --exponent;
        }
    }
    // Trailing decimal zeros do not make the value less exact: "5.80" is 580e-2 = 58e-1.
    while (exponent < 0 && m % 10 == 0 && m > 0) {
        m /= 10;
        ++exponent;
    }
    v = {m, exponent};
    return digits > 0;
}

// ---- [SECTION] Words ----------------------------------------------------------------------------

const cues::NumberWord* number_word(std::string_view w) {
    static const std::unordered_map<std::string_view, const cues::NumberWord*> by_word = [] {
        std::unordered_map<std::string_view, const cues::NumberWord*> m;
        for (const auto& n : cues::number_words) m.emplace(n.word, &n); // the first of a word, as a scan finds
        return m;
    }();
    const auto it = by_word.find(w);
    return it == by_word.end() ? nullptr : it->second;
}

// The words of a language (BCP 47 "es-MX" -> "es"); English for one without a table.
const cues::NumberLanguage& number_language(std::string_view language) {
    const std::string_view primary = language.substr(0, language.find_first_of("-_"));
    for (const auto& l : cues::number_languages)
        if (l.language == primary) return l;
    return cues::number_languages[0];
}

// ---- [SECTION] Figures --------------------------------------------------------------------------

struct Figure {
    size_t first = 0; // first token (a currency symbol, a digit, a word)
    size_t last = 0;  // last token of the figure, scale word included
    Value value;
    bool words = false;       // written in words
    bool negative = false;    // a minus sign before the digits
    bool scaled = false;      // a scale word or suffix ("million", "bn") was applied
    int power = 0;            // its power of ten
    bool bare_digits = false; // digits only, no separator: candidates for a year
    NumberKind kind = NumberKind::Quantity;
    ByteRange unit;
};

class NumberFinder {
  public:
    NumberFinder(std::string_view text, const std::vector<Token>& tokens, const FoldedWords& folded, std::string_view language)
        : text_(text), tokens_(tokens), decimal_comma_(writes_decimal_comma(language)),
          words_(number_language(language)),
          language_(language.substr(0, language.find_first_of("-_"))), folded_(folded) {}
    std::vector<Quantity> run();

  private:
    std::string_view text_;
    const std::vector<Token>& tokens_;
    bool decimal_comma_;
    const cues::NumberLanguage& words_; // the language's scale, currency and percent words
    std::string_view language_;         // its primary subtag: "es"
    const FoldedWords& folded_;

    std::string_view folded(size_t i) const { return folded_[i]; }
    bool in(size_t i, std::span<const std::string_view> table) const { return folded_.in(i, table); }
    bool adjacent(size_t i) const { return i < tokens_.size() && !tokens_[i].has(kSpaceBefore); }
    bool close(size_t i) const;
    const cues::Multiplier* multiplier(std::string_view w, bool attached) const;
    const cues::Multiplier* scale_at(size_t i, size_t& last) const;
    bool phrase_in(size_t i, std::span<const std::string_view> table, size_t& last) const;
    bool ends_in_scale(const Figure& f) const;
    size_t after_connector(size_t i) const;
    bool function_word(size_t i) const;
    bool figure_at(size_t i, Figure& f) const;
    bool digits_at(size_t i, Figure& f) const;
    bool words_at(size_t i, Figure& f) const;
    void scale(Figure& f) const;
    size_t unit_after(Figure& f) const;
};

// One scale word ("million", "Mrd."); with `attached` (written straight after the digits) also a
// suffix ("5m").
const cues::Multiplier* NumberFinder::multiplier(std::string_view w, bool attached) const {
    for (const auto& m : words_.scales)
        if (m.word == w) return &m;
    if (attached)
        for (const auto& m : words_.suffixes)
            if (m.word == w) return &m;
    return nullptr;
}

// The longest scale word or phrase at token i ("mil millones" before "mil"); `last` its last token.
const cues::Multiplier* NumberFinder::scale_at(size_t i, size_t& last) const {
    const cues::Multiplier* best = nullptr;
    for (const auto& m : words_.scales) {
        size_t end = 0;
        if (phrase_at(folded_, i, m.word, end) && (!best || end > last)) {
            best = &m;
            last = end;
        }
    }
    return best;
}

// True when the longest phrase of `table` at token i ends at `last`.
bool NumberFinder::phrase_in(size_t i, std::span<const std::string_view> table,
                             size_t& last) const {
    bool found = false;
    for (std::string_view p : table) {
        size_t end = 0;
        if (phrase_at(folded_, i, p, end) && (!found || end > last)) {
            found = true;
            last = end;
        }
    }
    return found;
}

// True when the figure ends in a scale noun ("5 millones", "un milliard"), which a connector may
// join to what it counts ("millones de euros").
bool NumberFinder::ends_in_scale(const Figure& f) const {
    return f.scaled || (f.words && multiplier(folded(f.last), false));
}

// The token after a connector at i ("de", or elided "d'" + apostrophe: "d'euros"), or i if there
// is none.
size_t NumberFinder::after_connector(size_t i) const {
    for (std::string_view c : words_.connectors) {
        if (c.ends_with('\'')) {
            const std::string_view elided = c.substr(0, c.size() - 1);
            if (i + 2 < tokens_.size() && tokens_[i].is_word() && folded(i) == elided &&
                adjacent(i + 1) && tokens_[i + 1].type == TokenType::Punct &&
                (tokens_[i + 1].cp == '\'' || tokens_[i + 1].cp == 0x2019) && adjacent(i + 2) &&
                tokens_[i + 2].is_word())
                return i + 2;
        } else if (i + 1 < tokens_.size() && tokens_[i].is_word() && folded(i) == c &&
                   tokens_[i + 1].is_word()) {
            return i + 1;
        }
    }
    return i;
}

// A word that cannot be (part of) a unit: English's own list (cues::function_words, which the tests
// pin), and in another language also its Snowball stopwords ("y", "sind", "et").
bool NumberFinder::function_word(size_t i) const {
    if (in(i, cues::function_words)) return true;
    return !language_.empty() && language_ != "en" && tokens_[i].is_word() &&
           search::is_stopword(folded(i), language_);
}

// True when token i follows token i - 1 straight or after one space, as a sign is set after a
// figure ("6,6 %", "49,90 €"; often a no-break or a narrow no-break space).
bool NumberFinder::close(size_t i) const {
    if (i == 0 || i >= tokens_.size()) return false;
    const std::string_view gap =
        text_.substr(tokens_[i - 1].end, tokens_[i].begin - tokens_[i - 1].end);
    return gap.empty() || gap == " " || gap == "\u00A0" || gap == "\u202F";
}

bool NumberFinder::digits_at(size_t i, Figure& f) const {
    const Token& t = tokens_[i];
    if (t.type != TokenType::Number) return false;
    // Times, ratios and dates in digits ("10:30", "2/3", "1-2-2024" pieces) are not figures.
    auto joined = [&](size_t a, size_t b) {
        return b < tokens_.size() && adjacent(b) && tokens_[a].type == TokenType::Punct &&
               (tokens_[a].cp == ':' || tokens_[a].cp == '/');
    };
    if (i + 2 < tokens_.size() && joined(i + 1, i + 1) &&
        tokens_[i + 2].type == TokenType::Number && adjacent(i + 2))
        return false;
    if (i >= 2 && joined(i - 1, i) && tokens_[i - 2].type == TokenType::Number) return false;
    if (!parse_digits(view(text_, t), f.value, decimal_comma_)) return false;
    f.first = f.last = i;
    std::string_view s = view(text_, t);
    f.bare_digits = s.find_first_of(".,") == std::string_view::npos;
    // A currency symbol written before it ("$5", "US$5", "£3bn"), a minus sign ("-4.5", not
    // "5-10").
    if (i > 0 && adjacent(i) && tokens_[i - 1].type == TokenType::Punct) {
        char32_t c = tokens_[i - 1].cp;
        if ((c == '-' || c == 0x2212) && (i == 1 || tokens_[i - 1].has(kSpaceBefore))) {
            f.negative = true;
            f.first = i - 1;
        }
        if (contains(cues::currency_symbols, c)) {
            f.kind = NumberKind::Money;
            f.first = i - 1;
            f.unit = tokens_[i - 1].range();
            if (i >= 2 && adjacent(i - 1) && tokens_[i - 2].is_word() &&
                tokens_[i - 2].has(kAllCaps) && tokens_[i - 2].end - tokens_[i - 2].begin <= 3) {
                f.first = i - 2;
                f.unit.begin = tokens_[i - 2].begin;
            }
        }
    }
    // A whole number and a fraction in halves, quarters... sixty-fourths, as share prices are
    // quoted ("11-1/2", "30-1/8"): 11.5, 30.125 (exact in decimals: a/2^k = a*5^k/10^k).
    if (f.bare_digits && f.value.exponent == 0 && i + 4 < tokens_.size() && tokens_[i + 1].is_punct('-') &&
        adjacent(i + 1) && adjacent(i + 2) && adjacent(i + 3) && adjacent(i + 4) &&
        tokens_[i + 2].type == TokenType::Number && tokens_[i + 3].is_punct('/') && tokens_[i + 4].type == TokenType::Number) {
        Value top, bottom;
        if (parse_digits(view(text_, tokens_[i + 2]), top, false) && parse_digits(view(text_, tokens_[i + 4]), bottom, false) &&
            top.exponent == 0 && bottom.exponent == 0 && top.mantissa > 0 && top.mantissa < bottom.mantissa &&
            bottom.mantissa <= 64 && (bottom.mantissa & (bottom.mantissa - 1)) == 0 && f.value.mantissa < (uint64_t(1) << 40)) {
            const int k = std::countr_zero(bottom.mantissa);
            uint64_t ten = 1, five = 1;
            for (int n = 0; n < k; ++n) ten *= 10, five *= 5;
            f.value.mantissa = f.value.mantissa * ten + top.mantissa * five;
            f.value.exponent = -k;
            f.bare_digits = false; // no year
            f.last = i + 4;
            return true;
        }
    }
    // "%" after a space, as French, German and Spanish set it ("6,6 %", often a no-break space).
    if (!adjacent(i + 1) && close(i + 1) && tokens_[i + 1].is_punct('%')) {
        f.kind = NumberKind::Percent;
        f.unit = tokens_[i + 1].range();
        f.last = i + 1;
    }
    // Written straight after the digits: "%", a scale ("5m", "10bn"), an ordinal ("22nd"), a decade
    // ("1980s"), or a unit ("10km").
    if (adjacent(i + 1)) {
        const Token& n = tokens_[i + 1];
        std::string_view w = folded(i + 1);
        if (n.is_punct('%')) {
            f.kind = NumberKind::Percent;
            f.unit = n.range();
            f.last = i + 1;
        } else if (n.is_word()) {
            if (const auto* m = multiplier(w, true)) {
                f.value.exponent += m->power;
                f.scaled = true;
                f.power = m->power;
            } else if (contains(cues::ordinal_suffixes, w)) {
                f.kind = NumberKind::Ordinal;
            } else if (w == "s" && f.bare_digits) {
                f.kind = NumberKind::Year; // a decade
            } else {
                f.unit = n.range();
                if (w == "p" && words_.language == "en" && f.kind == NumberKind::Quantity) f.kind = NumberKind::Money; // "410p": pence
            }
            f.last = i + 1;
        }
    }
    return true;
}

bool NumberFinder::words_at(size_t i, Figure& f) const {
    size_t j = i;
    uint64_t total = 0, current = 0;
    bool any = false;
    if (in(j, words_.articles) && j + 1 < tokens_.size()) {
        std::string_view next = folded(j + 1);
        if (!multiplier(next, false) && next != "dozen") return false;
        current = 1;
        any = true;
        ++j;
    }
    size_t last = j;
    for (; j < tokens_.size(); ++j) {
        if (!tokens_[j].is_word()) break;
        std::string_view w = folded(j);
        if (w == "dozen") { // "a dozen", "two dozen"
            current = (current == 0 ? 1 : current) * 12;
            any = true;
            last = j;
            continue;
        }
        if (w == "and" && any && j + 1 < tokens_.size() && number_word(folded(j + 1))) continue;
        // "twenty-five": the parts of a hyphenated word.
        bool ok = true;
        uint64_t word_value = 0;
        bool is_scale = false;
        int power = 0;
        size_t start = 0;
        for (size_t k = 0; k <= w.size(); ++k) {
            if (k < w.size() && w[k] != '-') continue;
            std::string_view part = w.substr(start, k - start);
            start = k + 1;
            if (const auto* n = number_word(part))
                word_value += n->value;
            else if (const auto* m = multiplier(part, false); m && m->power >= 2) {
                is_scale = true;
                power = m->power;
            } else
                ok = false;
        }
        if (!ok) break;
        if (is_scale) {
            if (current == 0 && !any) break; // "million" alone
            if (current == 0) current = 1;
            if (power == 2) {
                current *= 100;
            } else {
                uint64_t scale = 1;
                for (int p = 0; p < power; ++p) scale *= 10;
                total += current * scale;
                current = 0;
            }
        } else {
            current += word_value;
        }
        any = true;
        last = j;
    }
    if (!any) return false;
    // "one" alone is too often a pronoun ("one of these", "in one go") to count as a figure.
    if (last == i && folded(i) == "one") return false;
    f.first = i;
    f.last = last;
    f.words = true;
    f.value = {total + current, 0};
    return true;
}

bool NumberFinder::figure_at(size_t i, Figure& f) const {
    if (!digits_at(i, f) && !words_at(i, f)) return false;
    scale(f);
    return true;
}

// A scale word after the figure ("5.8 million", "5.93 mln", "5 mil millones"), then percent or
// currency words, after a connector where the language has one ("millones de euros").
void NumberFinder::scale(Figure& f) const {
    size_t j = f.last + 1;
    if (!f.words && !f.scaled && j < tokens_.size() && tokens_[j].is_word() &&
        f.kind != NumberKind::Percent) {
        size_t last = 0;
        if (const auto* m = scale_at(j, last)) {
            f.value.exponent += m->power;
            f.scaled = true;
            f.power = m->power;
            f.last = last;
            j = last + 1;
        }
    }
    if (f.kind == NumberKind::Quantity || f.kind == NumberKind::Money) {
        size_t last = 0;
        if (f.kind == NumberKind::Quantity && phrase_in(j, words_.percent_words, last)) {
            f.kind = NumberKind::Percent;
            f.unit = {tokens_[j].begin, tokens_[last].end};
            f.last = last;
            return;
        }
        const size_t k = ends_in_scale(f) ? after_connector(j) : j;
        if (phrase_in(k, words_.currency_words, last) || phrase_in(k, cues::currency_codes, last)) {
            f.kind = NumberKind::Money;
            f.unit = {tokens_[k].begin, tokens_[last].end};
            f.last = last;
        } else if (f.kind == NumberKind::Quantity && words_.symbol_after && close(j) &&
                   tokens_[j].type == TokenType::Punct &&
                   contains(cues::currency_symbols, tokens_[j].cp)) {
            f.kind = NumberKind::Money; // "49,90 €", "3,5 Mio. €", "2,5 Md€"
            f.unit = tokens_[j].range();
            f.last = j;
        }
    }
}

// The counted thing: up to two lowercase words after the figure that are not function words
// ("public accounts", "users", "years"), stopping at what looks like a verb or an adverb ("-ed",
// "-ly": English). After a scale noun the language's connector is stepped over ("millones de
// personas": "personas"); elsewhere it ends the unit. Returns the last token used.
size_t NumberFinder::unit_after(Figure& f) const {
    const size_t first = ends_in_scale(f) ? after_connector(f.last + 1) : f.last + 1;
    size_t j = first, last = f.last;
    for (int n = 0; n < 2 && j < tokens_.size(); ++n, ++j) {
        const Token& t = tokens_[j];
        if (!t.is_word() || !t.has(kLower) || function_word(j) || after_connector(j) != j ||
            number_word(folded(j)) || in(j, cues::speech_verbs))
            break;
        std::string_view w = folded(j);
        if (w.size() > 4 && (w.ends_with("ed") || w.ends_with("ly"))) break;
        if (w == "vs" || w == "versus") break; // "Net 1,234 vs 5,678": a comparison, no unit [en]
        // A second word only as the plural head after a modifier ("public accounts", "month
        // profits"), not a verb after the noun ("people came").
        if (n == 1 && (!w.ends_with('s') || text_of(text_, tokens_[j - 1].range()).ends_with('s')))
            break;
        last = j;
    }
    if (last != f.last) f.unit = {tokens_[first].begin, tokens_[last].end};
    return last;
}

std::vector<Quantity> NumberFinder::run() {
    std::vector<Quantity> out;
    for (size_t i = 0; i < tokens_.size(); ++i) {
        Figure f;
        if (!figure_at(i, f)) continue;
        Quantity q;
        q.number = {tokens_[f.first].begin, tokens_[f.last].end};
        double value = f.value.get();
        double upper = value;
        size_t end = f.last;

        // A range: "340 to 350", "5-10", "between 5 and 10"; a scale on the second part only
        // ("5 to 6 million") applies to both.
        size_t j = f.last + 1;
        bool between = f.first > 0 && in(f.first - 1, kBetween);
        // "rose 12 cts to 410p" is a change and where it ended, not a range.
        bool change = f.first > 0 && in(f.first - 1, cues::change_verbs);
        bool joiner = (in(j, kRangeWords) && (between || (folded(j) == "to" && !change))) ||
                      (j < tokens_.size() && adjacent(j) && tokens_[j].type == TokenType::Punct &&
                       (tokens_[j].cp == '-' || tokens_[j].cp == 0x2013) && adjacent(j + 1));
        Figure g;
        bool ranged = false;
        if (joiner && j + 1 < tokens_.size() && figure_at(j + 1, g) &&
            (g.kind == f.kind || (f.kind == NumberKind::Quantity && f.unit.size() == 0))) {
            f.kind = g.kind;
            ranged = true;
            upper = g.value.get();
            if (g.scaled && !f.scaled)
                value = Value{f.value.mantissa, f.value.exponent + g.power}.get();
            end = g.last;
            if (g.unit.size() > 0) f.unit = g.unit;
            f.last = g.last;
            q.number.end = tokens_[g.last].end;
        }

        // Dates and years: "February 22", "22 February", "since 2012", "in the 1980s".
        bool month_before = f.first > 0 && in(f.first - 1, kMonths);
        bool month_after = in(f.last + 1, kMonths);
        if (f.kind == NumberKind::Quantity && !f.words && !f.scaled && f.value.exponent == 0 &&
            (month_before || month_after) && f.value.mantissa >= 1 && f.value.mantissa <= 31 && upper <= 31) {
            f.kind = NumberKind::Date;
            // The date whole, as written ("June 10, 1997", "22 February 1987", "Feb 26"): the
            // month and a year after it are part of it, the value yyyymmdd (mmdd without a year).
            const int month = month_number(folded(month_before ? f.first - 1 : f.last + 1));
            if (month_before) --f.first;
            else ++f.last;
            size_t y = f.last + 1;
            if (y < tokens_.size() && tokens_[y].is_punct(',') && adjacent(y)) ++y;
            int year = 0;
            if (y < tokens_.size() && tokens_[y].type == TokenType::Number && view(text_, tokens_[y]).size() == 4) {
                const std::string_view digits = view(text_, tokens_[y]);
                if (std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; })) {
                    const int n = std::stoi(std::string(digits));
                    if (n >= 1800 && n <= 2199) year = n, f.last = y;
                }
            }
            end = std::max(end, f.last);
            q.number = {tokens_[f.first].begin, tokens_[f.last].end};
            value = year * 10000.0 + month * 100.0 + value;
            upper = year * 10000.0 + month * 100.0 + upper;
        }
        bool year_like = f.kind == NumberKind::Quantity && f.bare_digits && !f.scaled &&
                         view(text_, tokens_[f.first]).size() == 4 && f.value.mantissa >= 1000 &&
                         f.value.mantissa <= 2199;
        if (f.kind == NumberKind::Quantity) end = std::max(end, unit_after(f));
        if (year_like) {
            // A bare 1900..2100 is a year unless a plural unit follows ("1986 fourth quarter" is a
            // year, "1900 users" is not) with no determiner before ("the 1986 results" is a
            // year); other four-digit numbers need a preposition or a month.
            bool prep = f.first > 0 && in(f.first - 1, cues::year_prepositions);
            bool modern = f.value.mantissa >= 1900 && f.value.mantissa <= 2100;
            bool determiner = modern && f.first > 0 && in(f.first - 1, cues::year_determiners);
            bool plural_unit = f.unit.size() > 0 && text_of(text_, f.unit).ends_with('s');
            if (prep || month_before || f.unit.size() == 0 || (modern && (!plural_unit || determiner))) {
                f.kind = NumberKind::Year;
                f.unit = {};
                end = f.last;
            }
        }

        // Comparatives before: longest phrase first ("no more than" before "more than").
        q.span = {tokens_[f.first].begin, tokens_[end].end};
        for (const auto& c : cues::comparatives) {
            size_t first = 0;
            if (f.first > 0 && phrase_before(folded_, f.first - 1, c.phrase, first)) {
                bool temporal =
                    c.comparison == Comparison::Since || c.comparison == Comparison::Until;
                if (temporal != (f.kind == NumberKind::Year || f.kind == NumberKind::Date))
                    continue;
                q.comparative = {tokens_[first].begin, tokens_[f.first - 1].end};
                q.comparison = c.comparison;
                q.span.begin = q.comparative.begin;
                break;
            }
        }
        if (f.negative) {
            value = -value;
            if (!ranged) upper = value;
        }
        q.value = value;
        q.upper = std::max(upper, value);
        q.unit = f.unit;
        q.kind = f.kind;
        out.push_back(q);
        i = end;
    }
    return out;
}

} // namespace

std::string figure_value_text(const Quantity& q, double v) {
    char out[40];
    if (q.kind == NumberKind::Date && v >= 101 && v < 1e8) {
        const auto n = int64_t(v);
        const int year = int(n / 10000), month = int(n / 100 % 100), day = int(n % 100);
        if (year) std::snprintf(out, sizeof out, "%04d-%02d-%02d", year, month, day);
        else std::snprintf(out, sizeof out, "--%02d-%02d", month, day);
        return out;
    }
    std::snprintf(out, sizeof out, "%.15g", v);
    return out;
}

std::string_view to_string(NumberKind kind) {
    switch (kind) {
    case NumberKind::Quantity:
        return "quantity";
    case NumberKind::Percent:
        return "percent";
    case NumberKind::Money:
        return "money";
    case NumberKind::Year:
        return "year";
    case NumberKind::Date:
        return "date";
    case NumberKind::Ordinal:
        return "ordinal";
    }
    return "quantity";
}

std::string_view to_string(Comparison comparison) {
    switch (comparison) {
    case Comparison::Exact:
        return "exact";
    case Comparison::MoreThan:
        return "more than";
    case Comparison::LessThan:
        return "less than";
    case Comparison::AtLeast:
        return "at least";
    case Comparison::AtMost:
        return "at most";
    case Comparison::About:
        return "about";
    case Comparison::Since:
        return "since";
    case Comparison::Until:
        return "until";
    }
    return "exact";
}

bool writes_decimal_comma(std::string_view language) {
    // The languages whose own convention is a decimal comma (CLDR's number symbols); English,
    // Chinese, Japanese, Korean, Hebrew, Thai and the unknown keep the point.
    static constexpr std::string_view kCommaLanguages[] = {
        "bg", "ca", "cs", "da", "de", "el", "es", "et", "eu", "fi", "fr", "gl", "hr", "hu", "id", "is", "it",
        "lt", "lv", "nb", "nl", "nn", "no", "pl", "pt", "ro", "ru", "sk", "sl", "sr", "sv", "tr", "uk"};
    const std::string_view primary = language.substr(0, language.find_first_of("-_"));
    return contains(kCommaLanguages, primary);
}

std::vector<Quantity> find_numbers(std::string_view text, std::string_view language) {
    if (text.size() >= UINT32_MAX) return {};
    const std::vector<analysis::Token> tokens = analysis::tokenize(text);
    return analysis::find_numbers(text, tokens, analysis::FoldedWords(text, tokens), language);
}

std::vector<Quantity> analysis::find_numbers(std::string_view text, const std::vector<Token>& tokens,
                                             const FoldedWords& folded, std::string_view language) {
    return NumberFinder(text, tokens, folded, language).run();
}

} // namespace broadsheet
