// Broadsheet core: analysis of a whole corpus -- its words, phrases, trends, duplicates and
// connections.
//
// Everything here is fed article by article (add/remove), so a UI can build it in steps across
// frames, and everything that points into an article is a ByteRange into that Article's `text`.
//
//   TermCounts      terms after the search analyzer (folding, Snowball stopwords and stemming):
//                   corpus frequencies, per-article keywords (BM25), keyness of a selection (G2),
//                   similar articles (tf-idf cosine), n-grams and collocates (log-Dice)
//   timeline()      articles (or any per-article value) per day/week/month/year
//   DuplicateFinder near-duplicate clusters: MinHash over word shingles, LSH banding, union-find
//   EntityGraph     entities merged across articles and their co-occurrence in paragraphs/articles
//
// Language: each article is analysed in its own Article::language. English ("en", or unknown) gets
// the Snowball stopword list and stemmer; other languages get their Snowball stemmer where one
// exists and no stopword list, so their function words are counted like any other word.
#pragma once

#include "broadsheet/analysis.hpp"
#include "broadsheet/article.hpp"
#include "broadsheet/corpus.hpp"

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace broadsheet {

// ---- Terms --------------------------------------------------------------------------------------

struct TermStat {
    std::string term;    // the analysed form ("rate")
    std::string surface; // its most frequent folded surface form ("rates")
    uint32_t count = 0;  // occurrences in the corpus
    uint32_t docs = 0;   // articles it occurs in
};

struct Keyword {
    std::string term;
    std::string surface;
    double score = 0;     // keywords(): BM25 weight; keyness(): signed G2 (negative: under-used)
    uint32_t count = 0;   // occurrences in the article (keywords) or the selection (keyness)
    uint32_t other = 0;   // keyness(): occurrences in the rest of the corpus; keywords(): docs
    double log_ratio = 0; // keyness(): effect size, log2 of the relative frequencies (Hardie 2014)
};

struct SimilarArticle {
    ArticleId id = 0;
    double score = 0; // cosine of the tf-idf vectors, in (0, 1]
};

struct NGram {
    std::vector<std::string> terms; // analysed words, stopwords too ("bank", "of", "england")
    std::string text;      // as written at `example` ("Bank of England"); else the terms' surfaces
    uint32_t count = 0;    // occurrences in the corpus
    uint32_t docs = 0;     // articles it occurs in
    ArticleId example = 0; // an article where it occurs (0: none found)
    ByteRange range;       // where, in that article's text
};

struct Collocate {
    std::string term;
    std::string surface;
    uint32_t together = 0; // f(node, collocate): times it occurs within the window of the node
    uint32_t count = 0;    // f(collocate): its corpus frequency
    double log_dice = 0;   // 14 + log2(2 f(x,y) / (f(x) + f(y))) (Rychly 2008); at most 14
    double g2 = 0;         // log-likelihood of the co-occurrence (Dunning 1993)
};

// Term statistics of a corpus, kept up to date as articles come and go. Counts the body (`text`)
// only. Stopwords are not counted (but they are kept inside n-grams). Words of one letter, numbers
// and URL parts are not counted either. Not thread-safe.
class TermCounts {
  public:
    TermCounts();
    ~TermCounts();
    TermCounts(TermCounts&&) noexcept;
    TermCounts& operator=(TermCounts&&) noexcept;

    // Adds an article under its corpus id (a second add of the same id is ignored).
    void add(ArticleId id, std::string_view text, std::string_view language);
    void add(ArticleId id, const Article& article) { add(id, article.text, article.language); }
    // Removes an article. Its text is read again for the n-gram counts (pass the same text).
    bool remove(ArticleId id, std::string_view text, std::string_view language);
    bool remove(ArticleId id, const Article& a) { return remove(id, a.text, a.language); }
    void clear();

    size_t articles() const; // articles counted
    uint64_t words() const;  // non-stopword words counted, all articles
    bool contains(ArticleId id) const;

    // The analysed form of a word as a user types it ("Rates" -> "rate"); "" for a stopword.
    std::string term_of(std::string_view word, std::string_view language = "en") const;

    // The n most frequent terms, most frequent first.
    std::vector<TermStat> top(size_t n) const;
    // Count and docs of one analysed term (zero if unknown).
    TermStat stat(std::string_view term) const;
    // How often `term` occurs in one article.
    uint32_t count_in(ArticleId id, std::string_view term) const;

    // An article's n best keywords: BM25 term weights against the corpus (k1 1.2, b 0.75).
    std::vector<Keyword> keywords(ArticleId id, size_t n) const;

    // Keyness of the selected articles against the rest of the corpus: log-likelihood G2 (Rayson &
    // Garside 2000) with the log ratio as effect size. The n most over-used terms (score > 0, most
    // key first), then the n most under-used (score < 0). Terms below min_g2 are left out (3.84:
    // p < 0.05 with one degree of freedom).
    std::vector<Keyword> keyness(std::span<const ArticleId> selection, size_t n,
                                 double min_g2 = 3.84) const;

    // The k articles most like `id`: cosine of SMART "ltc" tf-idf vectors (Salton & Buckley 1988).
    std::vector<SimilarArticle> similar(ArticleId id, size_t k) const;

    // The n most frequent n-grams of `words` (2 or 3) words seen at least twice, most frequent
    // first. N-grams do not cross sentence or paragraph ends and neither start nor end with a
    // stopword. `corpus` gives the example and its text. Counts are kept in a table of bounded
    // size; when it fills, n-grams seen in one article only are dropped (their counts restart).
    std::vector<NGram> top_ngrams(const Corpus& corpus, size_t words, size_t n) const;

    // The n strongest collocates of `word` within +-window words (same paragraph), by log-Dice,
    // seen together at least min_together times. Reads again the articles that contain the word.
    std::vector<Collocate> collocates(const Corpus& corpus, std::string_view word, int window = 5,
                                      size_t n = 20, uint32_t min_together = 2) const;

    // Heap bytes held.
    size_t memory_bytes() const;

    struct Impl; // internal (core/src/analysis/terms.cpp)

  private:
    std::unique_ptr<Impl> impl_;
};

// ---- Time ---------------------------------------------------------------------------------------

struct TimeBucket {
    std::string label;     // "2014-03-05", "2014-W10", "2014-03", "2014"
    std::string start;     // its first day, ISO ("2014-03-03")
    uint32_t articles = 0; // dated articles in it
    double value = 0;      // the sum of the per-article values asked for (= articles if none)
};

struct Timeline {
    enum class Unit : uint8_t { Day, Week, Month, Year };
    Unit unit = Unit::Day;
    std::vector<TimeBucket> buckets; // every bucket from the first date to the last, empty ones too
    uint32_t undated = 0;            // articles without a readable date
    double undated_value = 0;        // their values
};

// "day", "week", "month", "year".
std::string_view to_string(Timeline::Unit unit);

// The unit for a span of days: the finest that gives at most 60 buckets (a day up to 60 days,
// weeks up to about 14 months, months up to 5 years, then years).
Timeline::Unit timeline_unit(int64_t first_day, int64_t last_day);

// Days since 1970-01-01 of an ISO date ("2014-03-05", "2014-03-05T10:00Z"; "2014-03" and "2014"
// are their first day); false if it is not one.
bool day_number(std::string_view iso_date, int64_t& day);

// Articles per bucket. `values` (parallel to corpus.articles(), or empty) are summed per bucket:
// a term's counts per article, an entity's mentions... `unit` forces a unit.
Timeline timeline(const Corpus& corpus, std::span<const double> values = {},
                  const Timeline::Unit* unit = nullptr);

// Occurrences of `word` (analysed like the search) per bucket.
Timeline term_over_time(const Corpus& corpus, const TermCounts& terms, std::string_view word);

// ---- Near-duplicates ----------------------------------------------------------------------------

struct DuplicateCluster {
    std::vector<ArticleId> articles; // ascending; the first is the earliest added
    double similarity = 0;           // lowest estimated Jaccard of the pairs that joined it
};

// Finds near-duplicate articles: MinHash (Broder 1997) over 5-word shingles of the folded words
// (stopwords kept), computed by one-permutation hashing with optimal densification (Li, Owen &
// Zhang 2012; Shrivastava 2017: one hash per shingle), 126 bins in 42 LSH bands of 3 rows
// (Leskovec, Rajaraman & Ullman, "Mining of Massive Datasets", ch. 3: a pair at Jaccard 0.5
// becomes a candidate with p 0.996), candidates kept when the estimated Jaccard is >= threshold,
// clusters by union-find. The default threshold, 0.5, is the resemblance Broder et al. used to
// cluster the web ("Syntactic clustering of the Web", 1997). Memory: 504 bytes per article.
class DuplicateFinder {
  public:
    explicit DuplicateFinder(double threshold = 0.5);
    void add(ArticleId id, std::string_view text);
    void add(ArticleId id, const Article& a) { add(id, a.text); }
    bool remove(ArticleId id);
    void clear();
    size_t size() const;

    // Clusters of two or more articles, the largest first.
    std::vector<DuplicateCluster> clusters() const;
    // Estimated Jaccard similarity of two added articles' shingle sets (0 if either is unknown).
    double similarity(ArticleId a, ArticleId b) const;

  private:
    struct Entry {
        ArticleId id;
        bool empty; // no words: never a duplicate
    };
    double threshold_;
    std::vector<Entry> entries_;
    std::vector<uint32_t> signatures_; // kBins (126) per entry
};

// Paragraph-level differences between two articles: paragraphs compared by their folded words,
// so spacing, case and punctuation changes do not count.
struct ArticleDiff {
    std::vector<ByteRange> only_in_a; // paragraphs of a not in b (ranges into a.text)
    std::vector<ByteRange> only_in_b; // paragraphs of b not in a (ranges into b.text)
    uint32_t shared = 0;              // paragraphs of b also in a
    // The words of b that a does not have, ascending (ranges into b.text, one per run of words):
    // in a paragraph of b that is an edited copy of one of a (half or more of their words in
    // common), the words outside their longest common run of words; elsewhere whole paragraphs.
    std::vector<ByteRange> words_only_in_b;
};
ArticleDiff diff_paragraphs(const Article& a, const Article& b);

// ---- Connections --------------------------------------------------------------------------------

struct EntityNode {
    std::string name; // as first written, the fullest mention ("State Internet Information Office")
    std::string acronym;                 // where one was defined somewhere ("SIIO"); may be empty
    EntityKind kind = EntityKind::Other; // the kind most articles gave it
    uint32_t articles = 0;               // articles that name it
    uint32_t mentions = 0;               // mentions in all of them
    ArticleId example = 0;               // an article that names it, and the name's range there
    ByteRange range;
};

struct EntityEdge {
    uint32_t a = 0, b = 0;   // indexes into EntityNetwork::nodes, a < b
    uint32_t articles = 0;   // articles naming both
    uint32_t paragraphs = 0; // paragraphs naming both
    double log_dice = 0;     // of the article counts (Rychly 2008): strength, not frequency
};

struct EntityNetwork {
    std::vector<EntityNode> nodes;      // by articles, most first
    std::vector<EntityEdge> edges;      // by articles then paragraphs, most first
    std::vector<EntityNode> everywhere; // names in most articles, left out of nodes and edges
};

// Entity co-occurrence across a corpus, from each article's analyze() entities. Entities are
// merged across articles by their normalised name (case, diacritics, a leading "the" and a
// possessive do not count); a name that some article defines as an acronym ("SIIO") joins the
// entity it stands for.
class EntityGraph {
  public:
    void add(ArticleId id, const Article& article, const Entities& entities);
    bool remove(ArticleId id);
    void clear();
    size_t size() const { return articles_.size(); }

    // The max_nodes entities named in most articles and the max_edges strongest links among them.
    // Once the corpus has kEverywhereMinArticles articles, names in more than kEverywhereShare of
    // them go to `everywhere` instead (all of them, most named first).
    EntityNetwork network(size_t max_nodes, size_t max_edges) const;
    static constexpr size_t kEverywhereMinArticles = 20;
    static constexpr double kEverywhereShare = 0.5;

  private:
    struct Mention {
        uint32_t key;       // index into keys_
        uint32_t paragraph; // paragraph index in the article
        uint32_t count;     // mentions in that paragraph
    };
    struct Named {
        ArticleId id;
        std::vector<Mention> mentions;                       // by key, then paragraph
        std::vector<std::pair<uint32_t, ByteRange>> first;   // key -> first mention's name range
        std::vector<std::pair<uint32_t, uint8_t>> kinds;     // key -> kind in this article
        std::vector<std::pair<uint32_t, uint32_t>> acronyms; // acronym key -> full-name key
    };
    uint32_t key_of(std::string_view name);
    std::vector<Named> articles_;
    std::vector<std::string> keys_;                       // normalised names
    std::vector<std::string> names_;                      // each key's name as first written
    std::unordered_map<std::string, uint32_t> key_index_; // normalised name -> index into keys_
};

// ---- Who said what, and which figures recur -----------------------------------------------------

struct CitedQuote {
    ArticleId article = 0;
    ByteRange text;    // the quoted words, into that article's text
    ByteRange speaker; // who, as written there ("Jiang", "he", "a spokesman"); may be empty
};

struct Speaker {
    // A name as first written, the fullest mention ("Jiang Jun"), or, for a speaker the articles
    // do not name, the words that describe them ("a USDA official"); empty for the quotes whose
    // speaker was not found.
    std::string name;
    bool named = false;                  // a name, not a description
    EntityKind kind = EntityKind::Other; // the kind most of its articles gave a name
    uint32_t articles = 0;               // articles quoting it
    std::vector<CitedQuote> quotes;      // in the order the articles were added, then text order
};

struct CitedFigure {
    ArticleId article = 0;
    ByteRange span;   // the whole phrase there ("more than 5,000 users")
    ByteRange figure; // the figure and its unit ("5,000 users", "$5m"), without the comparative
};

struct RecurringFigure {
    std::string text;  // the figure and its unit as most often written ("5.8 million accounts")
    std::string value; // as figure_value_text() gives it ("5800000", "2014-03-05"); a range "a..b"
    std::string unit;  // what is counted, as the figures are matched ("$", "%", "account")
    NumberKind kind = NumberKind::Quantity;
    uint32_t articles = 0;
    std::vector<CitedFigure> mentions; // in the order the articles were added, then text order
};

// The quotations of a corpus by speaker, and the figures its articles cite, fed from each
// article's analyze(). Speakers are merged across articles as EntityGraph merges names (case,
// diacritics, a leading "the" and a possessive do not count); a quote continued after its
// attribution, or given to "he" or "she", belongs to the speaker the article gave it. Speakers
// described but not named ("a spokesman") are merged by their words, as a reader would look them
// up, not as one person.
//
// A figure is the same in two articles when its kind, value (and top of range) and what it
// counts are: "5,000 users" and "more than 5,000 users" (the comparative does not count), "$5m",
// "5 mln dlrs" and "five million dollars" (a currency's symbol, code, words and newswire
// abbreviations are one currency), "4.5%" and "4.5 pct"; the words of a unit are folded and
// stemmed in the article's language ("5,000 users" and "5,000 user"). Ordinals and numbers that
// count nothing named ("12" alone) are left out: "two" in two articles says nothing.
class Citations {
  public:
    Citations();
    ~Citations();
    Citations(Citations&&) noexcept;
    Citations& operator=(Citations&&) noexcept;

    void add(ArticleId id, const Article& article, const Analysis& analysis);
    bool remove(ArticleId id);
    void clear();
    size_t size() const; // articles added

    // Everyone quoted: those named, then those described, each by articles then quotes, most first
    // (the same: by name); the quotes whose speaker was not found come last, under an empty name.
    // `corpus` holds the texts.
    std::vector<Speaker> speakers(const Corpus& corpus) const;
    // The figures cited in at least `min_articles` articles, by articles then mentions, most first
    // (the same: by value).
    std::vector<RecurringFigure> figures(const Corpus& corpus, uint32_t min_articles = 2) const;

    // Heap bytes held.
    size_t memory_bytes() const;

    struct Impl; // internal (core/src/analysis/citations.cpp)

  private:
    std::unique_ptr<Impl> impl_;
};

} // namespace broadsheet
