// Broadsheet core: searching an Index.
//
// search() parses the query, evaluates it document-at-a-time over the postings, ranks by BM25F
// (ranking.hpp) and returns the exact top k: when the query is a disjunction, MaxScore (Turtle &
// Flood, "Query evaluation: strategies and optimizations", IP&M 31(6), 1995) skips documents that
// cannot enter the top k, and for one word (or its prefix or typo expansion) or an AND of words,
// block-max pruning (Ding & Suel, SIGIR 2011) skips whole blocks of postings, with the same
// result as scoring every one. Ties are broken by DocId, ascending (the article added first
// wins), so results are the same on every platform. Ordered by date instead, every match is
// walked and the first k by date kept.
//
// Never throws: problems with the query come back as messages beside a best-effort result.
#pragma once

#include "broadsheet/index.hpp"
#include "broadsheet/query.hpp"
#include "broadsheet/ranking.hpp"

#include <functional>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace broadsheet::search {

// The order of the hits: best first (BM25F), or by when the article was published, newest or
// oldest first (to the minute, in UTC, where its date gives a time; a day without one counts as
// its start). Articles without a date come last; those of one moment best first.
enum class ResultOrder : uint8_t { Relevance, Newest, Oldest };

// The article added as a document (or nullptr when it is not at hand).
using ArticleLookup = std::function<const Article*(DocId)>;

struct SearchOptions {
    size_t limit = 10;   // k: how many hits to return
    ParseOptions parse;  // syntax, all/any words, as-you-type
    Bm25fParams ranking;
    ResultOrder order = ResultOrder::Relevance;
    // Count every matching article (SearchResult::total). Best first, that is a second walk over
    // the postings without the pruning that makes the top k fast; by date, the walk is the same.
    bool count = false;
    // When a query of plain words matches nothing with all of them, search again for any of them
    // (and say so in a message).
    bool relax = true;
    // Count every matching article by source, year and month (SearchResult::facets, and the total
    // with it): a walk over every match, as for `count`.
    bool facets = false;
    // The articles, for what the index does not keep: a phrase's stopwords ("The Guardian", "state
    // of the art") are checked in the text of each article whose other words are in place (its
    // field analyzed again: Index::field_words). Without it, any word matches in a stopword's
    // place, and one before or after the other words is left out.
    ArticleLookup article;
};

struct Hit {
    DocId doc = kNoDoc;
    double score = 0.0;
    bool operator==(const Hit&) const = default;
};

// What a query matched, for highlighting: terms (prefixes and typos resolved to the index's
// terms) and phrases (terms at relative positions), from the parts of the query that are not
// negated.
struct MatchSet {
    struct Phrase {
        std::vector<std::string> terms;
        std::vector<uint32_t> offsets;
        std::vector<std::string> stops; // QueryNode::stops and stop_offsets: highlighted with
        std::vector<uint32_t> stop_offsets; // the terms, where the text has them in their places
        FieldMask fields = kTextFields; // where it was asked for (title:"..." in titles only)
        bool operator==(const Phrase&) const = default;
    };
    std::vector<std::string> terms; // sorted, unique
    // The fields each of `terms` was asked in, by index (title:wheat marks "wheat" in titles, not
    // in the body); empty: every field.
    std::vector<FieldMask> term_fields;
    std::vector<Phrase> phrases;
    // A NEAR group: each part's phrases (a word is a phrase of one term at offset 0), marked only
    // where the parts stand near enough (one range from the group's first word to its last).
    struct Near {
        std::vector<std::vector<Phrase>> parts;
        uint32_t within = 0;
        FieldMask fields = kTextFields;
    };
    std::vector<Near> nears;
    // A pattern's words (colo*r) whose terms stand for other words too ("colour" for "colours"):
    // marked where the word as written matches the pattern (matches_pattern, on the folded
    // surface). Its other terms, all of whose words match, are in `terms`.
    struct Pattern {
        std::string pattern;
        std::vector<std::string> terms; // sorted
        FieldMask fields = kTextFields;
    };
    std::vector<Pattern> patterns;
    // Of `terms`, those matched only as near spellings of a query word (typo tolerance, asked for
    // with '~' or automatic for long finished words as you type): sorted, unique. A UI says so,
    // or results that gained a similar word ("coca" for "cocoa ") would look unexplained.
    std::vector<std::string> near;
    bool empty() const { return terms.empty() && phrases.empty() && nears.empty() && patterns.empty(); }
};

// One value of a facet and how many matching articles have it.
struct FacetValue {
    std::string value;
    uint32_t count = 0;
    bool operator==(const FacetValue&) const = default;
};

// What the matching articles are, counted: the ways a reader narrows a search down ("which
// outlets ran this, and when?"). Each value comes with a query that narrows to it:
// source:="VALUE" (source:="" for without_source) and date:VALUE (date:none for undated).
struct Facets {
    std::vector<FacetValue> sources; // Index::source_name of the matches, most articles first, then by name (ASCII case aside)
    std::vector<FacetValue> years;   // "1987", ascending
    std::vector<FacetValue> months;  // "1987-03", ascending
    uint32_t without_source = 0;     // matches whose article names no source
    uint32_t undated = 0;            // matches without a date
    bool operator==(const Facets&) const = default;
};

struct SearchResult {
    std::vector<Hit> hits;              // best first
    std::vector<QueryMessage> messages; // from the parser, and "searched for any of the words"
    MatchSet matched;
    bool relaxed = false;               // the all-words query found nothing; these match any word
    // Every live article the query matches (the hits are the first `limit` of them): known when
    // SearchOptions::count asked for it or the order is by date.
    std::optional<size_t> total;
    std::optional<Facets> facets; // when SearchOptions::facets asked for them
};

SearchResult search(const Index& index, std::string_view query, const SearchOptions& options = {});
SearchResult search(const Index& index, const Query& query, const SearchOptions& options = {});

// The facets of a set of live documents (each once), as SearchResult::facets gives them.
Facets facets_of(const Index& index, std::span<const DocId> docs);

// Every live document matching `query`, ascending, with its score; no pruning. For tests (the
// reference the pruned top k must agree with) and for counting.
std::vector<Hit> search_exhaustive(const Index& index, const Query& query, const Bm25fParams& ranking = {},
                                   const ArticleLookup& article = {});

} // namespace broadsheet::search
