// Broadsheet core: analysis of one article's text -- who is named, who said what, which figures.
//
// Views in, offsets out: every result is a byte range into the text it was computed from
// (Article::text), never a copy, so the reader can highlight exactly what was found. Nothing here
// throws on odd input: empty, all-caps or invalid UTF-8 text and unbalanced quote marks give fewer
// results, not errors.
//
// The cues (titles, organisation words, speech verbs, number words...) are data tables in
// core/src/analysis/cues.cpp, which says which are English-specific. Other Latin-script languages
// get the rules built on capitalisation and punctuation plus the few cues listed for them; caseless
// scripts (CJK...) get quotes and digit figures only.
#pragma once

#include "broadsheet/article.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace broadsheet {

// The text of `range` in `text` (clamped, so a stale range never reads out of bounds).
std::string_view text_of(std::string_view text, ByteRange range);

// ---- Entities: the proper names in a text -------------------------------------------------------

enum class EntityKind : uint8_t { Person, Organisation, Place, Other };

// "person", "organisation", "place", "other".
std::string_view to_string(EntityKind kind);

struct Entity {
    ByteRange name;    // its fullest mention: "Jiang Jun", "State Internet Information Office"
    ByteRange acronym; // where an acronym was defined for it ("SIIO" in "(SIIO)"); empty if none
    EntityKind kind = EntityKind::Other; // from titles, roles, organisation and place words
    uint32_t count = 0;                  // how many mentions it has in the text
};

struct Mention {
    ByteRange range;     // the words as written: "Jiang", "SIIO", "Supreme Court"
    uint32_t entity = 0; // index into Entities::list
};

struct Entities {
    std::vector<Entity> list;      // in order of first mention
    std::vector<Mention> mentions; // in text order, never overlapping

    // The entity with a mention overlapping `range`, or -1.
    int32_t at(ByteRange range) const;
};

// Finds people, organisations, places and other proper names; merges variants ("Jiang" into
// "Jiang Jun") and acronyms defined in the text ("State Internet Information Office (SIIO)").
// `language` as for analyze() below (German capitalises every noun: capitals say less there).
Entities find_entities(std::string_view text, std::string_view language = {});

// ---- Quotes: who said what ----------------------------------------------------------------------

struct Quote {
    ByteRange text; // the quoted words, without the quote marks
    ByteRange
        speaker; // who, as written ("Jiang Jun", "Jiang", "The office", "he"); empty if unknown
    ByteRange
        cue; // the attribution's verb or phrase ("said", "told", "according to"); empty if none
    ByteRange attribution; // the whole attribution ("said Jiang Jun, spokesman of the SIIO"); for a
                           // continuing quote, the attribution it inherits
    int32_t entity = -1;   // the speaker as an index into Entities::list, or -1
    int32_t continues = -1; // the earlier quote (index into the result) this one continues, or -1
    // A pronoun's speaker ("he said") given earlier without a name ("a USDA official said"): the
    // earlier quote (index into the result) whose speaker it is, or -1. `entity` is then -1.
    int32_t same_as = -1;
    // A pronoun's speaker given earlier without a name in reported speech, not in a quote ("The
    // official said ... “…,” he said"): that phrase ("The official"); empty otherwise, and
    // always when `entity` or `same_as` says who.
    ByteRange referent;
};

// Finds direct quotations (“typographic”, "straight", ‘single’, «guillemets», „German“) with their
// speakers; quotes split around an attribution or running over paragraphs continue the first part.
// `language` (BCP 47) as find_entities() takes it; "" detects it.
std::vector<Quote> find_quotes(std::string_view text, const Entities& entities, std::string_view language = {});

// ---- Numbers: the figures a text cites ----------------------------------------------------------

enum class NumberKind : uint8_t { Quantity, Percent, Money, Year, Date, Ordinal };

// "quantity", "percent", "money", "year", "date", "ordinal".
std::string_view to_string(NumberKind kind);

// How a figure is bounded by the words before it.
enum class Comparison : uint8_t { Exact, MoreThan, LessThan, AtLeast, AtMost, About, Since, Until };

// "exact", "more than", "less than", "at least", "at most", "about", "since", "until".
std::string_view to_string(Comparison comparison);

struct Quantity {
    ByteRange span;        // the whole phrase: "more than 5,000 users"
    ByteRange number;      // the figure as written: "5,000", "5.8 million", "three"
    double value = 0;      // its value: 5000, 5800000, 3 (a year: 2012; a date: 19970610 for
                           // "June 10, 1997", 610 for "June 10" without its year)
    double upper = 0;      // the top of a range ("340 to 350" -> 350); = value if none
    ByteRange unit;        // what is counted: "users", "public accounts", "%", "dlrs"
    ByteRange comparative; // the bounding words as written ("more than", "up to", "since")
    Comparison comparison = Comparison::Exact; // what they mean
    NumberKind kind = NumberKind::Quantity;    // what sort of figure it is
};

// A figure's value `v` (its value or upper) as people read it: a date in ISO 8601 ("1997-06-10";
// "--06-10" without its year), any other figure as a number ("5000", "5.8").
std::string figure_value_text(const Quantity& q, double v);

// Finds figures in digits ("5.8 million", "5,000", "12%", "$5m") and in words ("three", "a dozen",
// "twenty-five thousand") with their units and comparatives. `language` (BCP 47, "" unknown)
// says how digits are grouped: in a language written with a decimal comma (writes_decimal_comma:
// German, Spanish, French...) "14.013" is 14013 and "6,6" is 6.6; otherwise English usage. It
// also picks the scale, currency and percent words (de, es, fr, it, pt, nl; others read as
// English): "5,8 millones de euros" is 5800000 euros, "2 billions d'euros" 2e12 (the long scale).
std::vector<Quantity> find_numbers(std::string_view text, std::string_view language = {});
bool writes_decimal_comma(std::string_view language);

// ---- All of it ----------------------------------------------------------------------------------

struct Analysis {
    Entities entities;
    std::vector<Quote> quotes;
    std::vector<Quantity> numbers;
    std::string error; // why the text was not analysed, for the user; empty on success

    bool ok() const { return error.empty(); }
};

// Entities, quotes and numbers of one text (an Article's `text`). Text too large for 32-bit byte
// ranges gives `error` and nothing else. `language`: the text's, as BCP 47 (an Article's
// `language`: import detected it already); "" to have it detected here.
Analysis analyze(std::string_view text, std::string_view language = {});

} // namespace broadsheet
