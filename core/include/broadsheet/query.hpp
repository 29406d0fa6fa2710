// Broadsheet core: the query language.
//
//   storm surge          both words (AND is the default; ParseOptions::match_all = false: either)
//   storm OR flood       either; AND binds tighter than OR; parentheses group: (a OR b) c
//   -wind, NOT wind      without the word
//   "storm surge"        the words in this order; stopwords ("the state of the art") are not
//                        indexed: their places are checked in the article's text when the
//                        search has it (SearchOptions::article), any word stands there otherwise
//   surg*                any word starting so (unstemmed, as written in the article)
//   colo*r  organi?ation  *ization   wildcards anywhere in a word: '*' any characters (none
//                        too), '?' one; a '?' after the word's letters is a question mark ("who
//                        won?"), not a wildcard. Matched against the words as the index folds
//                        them ("straße" is "strasse": stra??e) and, with the articles at hand,
//                        as they are written there: colo*r finds "colour" and "color", not
//                        "colours". Without them, or past kPatternArticlesRead articles to
//                        read (kAsYouTypeArticlesRead as it is typed), each word stands for its
//                        term (all its forms)
//   "storm su*"          a phrase whose last word starts so (its most frequent words, as a word
//                        being typed: also what an open phrase's last word is as you type)
//   "storm surge"~5      the words near each other: in one field, in any order, each in a place
//                        of its own, with at most 5 other words between them (SQLite FTS5's
//                        NEAR; stopwords are left out)
//   storm NEAR surge     the same of words, phrases, prefixes and typos: NEAR/N for at most N
//   storm NEAR/3 "sea wall"   words between them (NEAR alone: 10, as FTS5's); a chain is one group
//   hurricane~1 / ~2     within one or two typos (a bare "~" is one)
//   title:storm  by:doe  source:reuters  (also standfirst:, body:, byline:, text:)
//   source:="Daily Tide"  the source named exactly so, not a word in its name (if no source is
//                         named so, the name with case and accents aside: sources_named()); as
//                         you type, an unquoted name at the end is the start of one
//   source:=""            articles that name no source
//   date:2014-01..2014-06   date:2014   date:..2014-06-30   (inclusive, by year, month or day)
//   date:none             articles without a date
//
// Parsing never fails and never throws: a malformed query gets messages (with the byte position
// they refer to) and the best reading of the rest. "OR", "AND" and "NOT" are operators only in
// capitals; in lower case they are words (and stopwords).
#pragma once

#include "broadsheet/analyzer.hpp"
#include "broadsheet/index.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace broadsheet::search {

struct QueryMessage {
    uint32_t position = 0; // byte offset in the query text
    std::string text;      // for the user: "missing ')' for the '(' at 4"
    bool operator==(const QueryMessage&) const = default;
};

enum class QueryOp : uint8_t {
    And,    // all children; Not children exclude
    Or,     // any child
    Not,    // documents without its one child
    Term,   // one analysed term
    Phrase, // terms at the given relative positions (one term, with `stops` around it)
    Prefix, // words starting with `terms[0]` (folded, unstemmed); with `pattern`, words matching it
    Fuzzy,  // words within `max_edits` of `terms[0]` (folded, unstemmed); `terms[1]` is its own term
    Date,   // articles dated in [date_from, date_to]; undated ones when both are 0
    Source, // articles whose source is named `terms[0]` (see source_key()); with `prefix`, a name
            // starting so; "" without `prefix`: articles without a source
    All,    // every document (what a query of only exclusions starts from)
    Near,   // its children (Term, Phrase, Prefix, Fuzzy, or an OR of them: a word's readings) in
            // one field, in any order, with at most `within` other words between them
};

struct QueryNode {
    QueryOp op = QueryOp::And;
    FieldMask fields = kTextFields;     // fields searched by Term/Phrase/Prefix/Fuzzy
    std::vector<std::string> terms;     // see QueryOp
    std::vector<uint32_t> offsets;      // Phrase: each term's position relative to the phrase's
                                        // first word (0 unless that is a stopword)
    // Phrase: the words the index does not hold (stopwords), folded, unstemmed, and their
    // positions in the same frame as `offsets`: "The Guardian" is terms {guardian} at {1} with
    // stops {the} at {0}. A search with the articles at hand (SearchOptions::article) checks them.
    std::vector<std::string> stops;
    std::vector<uint32_t> stop_offsets;
    int max_edits = 0;                  // Fuzzy
    bool only_if_unknown = false;       // Fuzzy: no tolerance when the word itself is in the index
                                        // (automatic as you type: "wheat" does not find "heat")
    uint32_t max_expansions = 0;        // Prefix (and Phrase, see prefix): the most frequent this many words only (0: all)
    uint64_t max_postings = 0;          // Prefix: ... and, most frequent first, only while their
                                        // documents add up to at most this (0: no limit; the
                                        // most frequent word always counts)
    uint32_t date_from = 0, date_to = 0; // Date, as date_number()
    bool pattern = false;               // Prefix: `terms[0]` is a whole word with wildcards, '*'
                                        // for any characters (none too) and '?' for one
                                        // ("colo*r", "organi?ation"), not a word's start
    bool prefix = false;                // Source: any name starting with `terms[0]` (as you type);
                                        // Phrase: the last term is a folded, unstemmed word
                                        // being typed, which begins words, as a Prefix's does
                                        // (with its max_expansions and max_postings)
    uint32_t within = 0;                // Near: the most words between its children's occurrences
    uint32_t languages = 0;             // All: only the documents of these language slots
                                        // (bit i: Index::language_slot() i); 0: any
    std::vector<uint32_t> children;     // And/Or/Not: indexes into Query::nodes
    ByteRange source;                   // the part of the query text it came from
};

struct Query {
    std::vector<QueryNode> nodes;         // empty: the query matches nothing
    uint32_t root = 0;
    std::vector<QueryMessage> messages;   // problems found, in order of position
    bool plain_words = true;              // no operators, quotes, fields or suffixes were used
    bool or_at_top = false;               // an OR written at the top level, not in parentheses
    bool empty() const { return nodes.empty(); }
};

// NEAR without a number: at most this many words between (SQLite FTS5's default).
inline constexpr uint32_t kNearWithin = 10;
// ... and at most this many with one (a larger window is most of an article).
inline constexpr uint32_t kNearWithinMax = 1000;

inline constexpr uint32_t kAsYouTypeExpansions = 50;
// As you type, a prefix's words, most frequent first, stop where their documents add up to this:
// a keystroke's work is bounded by the postings it reads, not only by the number of words (at
// 100,000 articles the 50 most frequent words of "o" hold over 150,000 postings: ~300 ms in the
// page for a letter whose results change with the next key). Below some 1,000 documents a word,
// nothing changes.
inline constexpr uint64_t kAsYouTypePostings = 50000;
// ... and after stopwords alone in a phrase, whose matches are checked in the articles' text (a
// read of an article costs some hundred postings), at this many, the word itself aside and the
// most frequent always counting: "the b" as you type is "b" and "bank" (4,300 articles read of
// 19,000 Reuters ones), not every word in b. With other words before it ("the bank of e"), the
// articles read are those of the other words, whatever it stands for.
inline constexpr uint64_t kAsYouTypeArticlesRead = 1000;
// A pattern (colo*r) is matched against the words as written in the articles where its terms
// stand for other words too ("colour" for "colours"), as long as those terms' articles number at
// most this (each is read once: about 15 ms a thousand natively); past it, each matching word
// stands for its term, with a message. As it is typed, kAsYouTypeArticlesRead, without one.
inline constexpr uint64_t kPatternArticlesRead = 10000;

struct ParseOptions {
    bool syntax = true;       // false: every character is plain text (for natural-language topics)
    bool match_all = true;    // words side by side must all match (false: any of them)
    // As-you-type: the last word is a prefix unless the text ends in a space (closing parentheses
    // after it aside: "(coffee OR Kaff)"), and words of 5+
    // characters allow one typo, 9+ two (Meilisearch's defaults for minWordSizeForTypos). That
    // prefix stands for its kAsYouTypeExpansions most frequent words only, as Elasticsearch's
    // match_bool_prefix does (max_expansions, default 50): the first letter or two typed would
    // otherwise stand for thousands of words, and the results change with the next key anyway.
    bool as_you_type = false;
    uint64_t prefix_postings = kAsYouTypePostings; // as you type: QueryNode::max_postings
};

// The longest query read, in bytes (about 2,500 words, more than any search topic or whole
// argument used as a query in the usual test collections): the
// rest is ignored, with a message at the byte where it starts. The cut falls after the last space
// before the limit (inside a very long word: at the last whole character), so no word is cut in two.
inline constexpr size_t kMaxQueryBytes = 16384;

// Words analyzed by `analyzer` alone.
Query parse_query(std::string_view text, Analyzer& analyzer, const ParseOptions& options = {},
                  const Index* index = nullptr);
// Words analyzed as `index` analyzes articles: by its own analyzer and, where the index holds
// articles in other languages, by each of theirs too (Index::other_analyzers). A word's readings
// are ORed; as each language's terms carry its tag, each finds only the articles of its own
// language: with English and German articles, "Häuser" is OR(hauser, haus@1). A reading whose
// terms the index lacks is left out. Where the word is a stopword of some of the languages, an
// AND it is in holds without it in their articles: "die Grünen" is AND(OR(die, ALL@1), ...).
Query parse_query(std::string_view text, const Index& index, const ParseOptions& options = {});

// A source's name as source:= compares it at its second try: each run of spaces (NBSP too) and
// quotes one space, none at the ends (a name with a quote in it can then be written in quotes).
std::string source_key(std::string_view name);

// The sources of `index` that source:=`name` means, indexed by source id (Index::source_id),
// true for each one meant: the first way of reading `name` that names any of the index's
// sources, of (1) the name as written, trimmed, (2) its source_key(), (3) that with case and
// accents aside. With `prefix`, the names that start with it, the third way. A `name` of only
// spaces, not a prefix, means the articles without a source: id 0.
std::vector<uint8_t> sources_named(const Index& index, std::string_view name, bool prefix);

// A compact, readable form for tests and debugging:
//   AND(storm, OR(title:flood, rain*), NOT(wind), "heavi rain", date:20140100..20140699)
// A phrase's stopword is written in brackets ("[the] guardian"), a place of any word as "_".
// A term of another language than the index's own (term_tag()) is written with '@' and the
// language's slot: OR(hauser, haus@1); ALL of some languages' articles as ALL@1,2.

std::string to_string(const Query& query);

} // namespace broadsheet::search
