// Internal: the token stream the analysers share, and small helpers over it. Not public API.
//
// One pass over UTF-8 text gives words, numbers, possessive clitics, punctuation (one code point
// each) and line breaks, each a byte range with flags for case, sentence starts and quote-mark
// roles. Letters and case come from Unicode categories (utf8proc), so "Élysée" is capitalised and
// Chinese characters are letters without case. Invalid UTF-8 bytes become one-byte punctuation.
#pragma once

#include "broadsheet/analysis.hpp"

#include <algorithm>
#include <cstdint>
#include <iterator>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace broadsheet::analysis {

enum class TokenType : uint8_t {
    Word,   // letters and digits, with inner apostrophes, hyphens and dots ("they’re", "Co-op",
            // "U.S.")
    Number, // digits with inner separators: "2012", "5,000", "5.8" (letters after it are a new
            // token)
    Clitic, // a possessive "’s" or "'s" split off the word before it
    Punct,  // one code point that is not a letter, digit or space
    Break,  // a line break (paragraphs are separated by "\n\n")
};

enum TokenFlag : uint16_t {
    kCapital = 1 << 0,       // first letter is upper- or titlecase
    kAllCaps = 1 << 1,       // two or more letters, none lowercase ("SIIO", "IM")
    kInnerCap = 1 << 2,      // an uppercase letter after a lowercase one ("WeChat", "iPhone")
    kLower = 1 << 3,         // first letter is lowercase
    kSentenceStart = 1 << 4, // first word of a paragraph, sentence or quotation, or after a colon
    kOpenQuote = 1 << 5,     // a quote mark that opens a quotation (by glyph and context)
    kCloseQuote = 1 << 6,    // a quote mark that closes one
    kSingleQuote = 1 << 7, // the quote mark is single (‘ ’ ' ‹ ›), not double (“ ” " „ « »)
    kSentenceEnd = 1 << 8, // . ! ? … ending a sentence (the dot of "Mr." or "U.S." is in the word)
    kSpaceBefore = 1 << 9, // whitespace right before it
    kCamelCap = 1 << 10,   // an uppercase letter right after a lowercase one, nothing between
                           // ("WeChat"; not the capitals of a compound: "Diesel-Autos")
};

struct Token {
    uint32_t begin = 0;
    uint32_t end = 0;
    TokenType type = TokenType::Punct;
    uint16_t flags = 0;
    char32_t cp = 0; // for Punct: its code point (0 for an invalid byte)

    bool has(uint16_t f) const { return (flags & f) != 0; }
    bool is_word() const { return type == TokenType::Word; }
    bool is_punct(char32_t c) const { return type == TokenType::Punct && cp == c; }
    ByteRange range() const { return {begin, end}; }
};

// True when `table` (an array or a container) holds `value`. (Debian's emscripten libc++ has no
// std::ranges algorithms, so the analysers use these and the classic <algorithm> only.)
template <typename Table, typename Value> bool contains(const Table& table, const Value& value) {
    return std::find(std::begin(table), std::end(table), value) != std::end(table);
}

// Splits text into tokens (see above). Text must be shorter than 4 GiB (the caller checks).
std::vector<Token> tokenize(std::string_view text);

// The text of a token.
inline std::string_view view(std::string_view text, const Token& t) {
    return text.substr(t.begin, t.end - t.begin);
}

// The primary subtag of a BCP 47 language tag, in lower case ("de-AT" -> "de").
std::string primary_language(std::string_view tag);
// Whether `word` ends with one of `endings`; with `longer`, only as the end of a longer word.
bool ends_with_any(std::string_view word, std::span<const std::string_view> endings, bool longer = false);

// Unicode lowercase of a word ("Élysée" -> "élysée"), with a trailing dot dropped ("Mr." -> "mr").
std::string fold(std::string_view word);
// fold(word) appended to `out`.
void append_folded(std::string& out, std::string_view word);

// True when the token is a word whose folded form is in `table` (tables hold folded words).
bool word_in(std::string_view text, const Token& t, std::span<const std::string_view> table);

// Whether `word` (folded) is in `table`, one of the static cue tables: a hash set each for the
// long ones, made on first use (a table's address names it).
bool in_table(std::span<const std::string_view> table, std::string_view word);

// Every token of a text folded, once: the analysers ask the cue tables about each word several
// times, and folding it each time was most of their work.
class FoldedWords {
  public:
    FoldedWords(std::string_view text, const std::vector<Token>& tokens);

    size_t size() const { return tokens_.size(); }
    // Token i folded (any token, not only words: "2012", ","); "" past the end.
    std::string_view operator[](size_t i) const {
        return i < tokens_.size() ? std::string_view(folded_).substr(at_[i], at_[i + 1] - at_[i]) : std::string_view();
    }
    bool is_word(size_t i) const { return i < tokens_.size() && tokens_[i].is_word(); }
    // True when token i is a word whose folded form is in `table`.
    bool in(size_t i, std::span<const std::string_view> table) const {
        return is_word(i) && in_table(table, (*this)[i]);
    }

  private:
    const std::vector<Token>& tokens_;
    std::string folded_;
    std::vector<uint32_t> at_; // token i: [at_[i], at_[i + 1]) of folded_
};

// The key a name is merged under across articles: folded (case, diacritics), words joined by one
// space, without a leading "the" or a trailing possessive ("The Fed's" -> "fed"); a country's
// other names give its usual one ("U.S." -> "united states").
std::string name_key(std::string_view name);
// Whether a one-word name (a name_key()) may be a person's surname: not a listed country or
// region, nor a word of currency, organisation or place, nor a people's adjective ("Holland",
// "Sterling", "Enterprises" are no one's, whatever an article's cue made of them).
bool may_be_surname(std::string_view key);

// For each name key (name_key()), the one name `in_full` whose end it is, word for word
// ("reagan" and "bra kanon" are the ends of "ronald reagan", "denis bra kanon"), or SIZE_MAX when
// no name or two end so. With `nested_longer`, of two names one inside the other the longer counts
// ("kanon" ends "bra kanon" and "denis bra kanon": the latter), for a caller that joins those two
// as well. Only names with `in_full[i]` true are looked at as full names.
std::vector<size_t> name_end_owners(std::span<const std::string> keys, const std::vector<bool>& in_full,
                                    bool nested_longer);

// The kind of a name from the kinds its articles gave it (votes by EntityKind, Other last):
// "other" is no evidence, so the typed kind most articles gave wins when it has at least a
// fifth of the "other" votes ("Tokyo" is a place in a third of Reuters' articles, untyped in the
// rest: a place); fewer are a slip's worth ("Treasury" typed in 7 of 239).
EntityKind voted_kind(std::span<const uint32_t, 4> votes);

// True when `word` is a people's adjective ("Chinese", "Canadian"): cues::demonyms, or a word
// ending in "-ese". [en]
bool is_demonym(std::string_view word);

// True when the words at tokens[i], tokens[i+1]... spell `phrase` (space-separated, folded).
// Sets `last` to the index of the phrase's last token.
bool phrase_at(const FoldedWords& words, size_t i, std::string_view phrase, size_t& last);

// True when the words ending at tokens[i] spell `phrase`; sets `first` to its first token.
bool phrase_before(const FoldedWords& words, size_t i, std::string_view phrase, size_t& first);

// ---- Interface to the analysers over one token stream (analyze() tokenizes and folds once for
// all three; `folded` is of `tokens`) -------------------------------------------------------------

// entities.cpp
Entities find_entities(std::string_view text, const std::vector<Token>& tokens, const FoldedWords& folded,
                       std::string_view language);
// quotes.cpp
std::vector<Quote> find_quotes(std::string_view text, const std::vector<Token>& tokens, const FoldedWords& folded,
                               const Entities& entities, std::string_view language);
// numbers.cpp
std::vector<Quantity> find_numbers(std::string_view text, const std::vector<Token>& tokens, const FoldedWords& folded,
                                   std::string_view language = {});

} // namespace broadsheet::analysis
