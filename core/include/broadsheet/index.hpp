// Broadsheet core: the positional inverted index over articles' fields.
//
// Each term has one compressed postings list (delta + varint doc ids, per-field frequencies and
// positions; the byte layout is written down at the top of core/src/search/index.cpp). Articles
// are added and removed one at a time: adding appends to the lists, removing marks the document
// dead and updates every statistic ranking uses (document frequencies, field lengths) at once, so
// results never depend on when dead entries are swept out (compact(), save, or automatically when
// a quarter of the entries are dead).
//
// Not thread-safe: one Index is used from one thread (the analyzer and lookup caches inside are
// mutable).
#pragma once

#include "broadsheet/analyzer.hpp"
#include "broadsheet/article.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace broadsheet::search {

// The fields of an article that are indexed, in the order used everywhere (masks, parameters).
enum class Field : uint8_t { Title, Standfirst, Byline, Body, Source };
inline constexpr size_t kFieldCount = 5;
using FieldMask = uint8_t;
constexpr FieldMask field_bit(Field f) { return FieldMask(1u << unsigned(f)); }
// What an unqualified query term searches: everything but the publisher's name.
inline constexpr FieldMask kTextFields = FieldMask(0x0F);
inline constexpr FieldMask kAllFields = FieldMask(0x1F);
std::string_view field_name(Field f); // "title", "standfirst", "byline", "body", "source"

using DocId = uint32_t;  // dense, handed out in order by add(), never reused
using TermId = uint32_t;
inline constexpr DocId kNoDoc = UINT32_MAX;

// The tag after the terms of the words of a document in language slot `slot` (1 and up:
// Index::language_slot), "\x1F" and a letter: their terms are theirs alone. A term as a person
// reads it: without its tag (term_shown).
inline std::string term_tag(size_t slot) { return std::string("\x1F") + char('a' + slot - 1); }
inline std::string_view term_shown(std::string_view term) { return term.substr(0, term.find('\x1F')); }

// "2014-06-30T12:00Z" -> 20140630, "2014-06" -> 20140600, "2014" -> 20140000; 0 if not a date.
uint32_t date_number(std::string_view iso_date);
// The time of day of an ISO 8601 date as minutes after the midnight that begins its date, in UTC
// (so -1439 to 2878 with an offset): "2014-06-30T12:00Z" -> 720, "2014-06-30T08:00-05:00" -> 780;
// kNoTime if it gives no time (a local time without an offset counts as UTC).
inline constexpr int16_t kNoTime = INT16_MIN;
int16_t time_number(std::string_view iso_date);
// When a document was published, for ordering by date: minutes from 1970-01-01T00:00Z, a day
// without a time at its start, a month or year without a day at its first; 0 for no date (a
// document published before 1970 is negative).
int64_t date_order_key(uint32_t date_number, int16_t time_number);

// Walks one term's postings, skipping dead documents. Cheap to copy. Bounds-checked: a malformed
// list ends the walk early instead of reading past its bytes.
class PostingCursor {
public:
    PostingCursor() = default;
    DocId doc() const { return doc_; }           // kNoDoc at the end
    bool at_end() const { return doc_ == kNoDoc; }
    FieldMask fields() const { return mask_; }   // fields of the current document holding the term
    uint32_t frequency(Field f) const { return tf_[size_t(f)]; }
    void next();                                 // to the next live document
    void seek(DocId target);                     // to the first live document >= target
    // Positions of the term in field `f` of the current document, ascending (replaces `out`).
    void positions(Field f, std::vector<uint32_t>& out) const;

private:
    friend class Index;
    friend struct IndexFile;
    bool read_entry();

    const uint8_t* p_ = nullptr;
    const uint8_t* end_ = nullptr;
    const uint8_t* live_ = nullptr; // one byte per DocId
    DocId live_size_ = 0;
    DocId doc_ = kNoDoc;
    uint64_t prev_plus1_ = 0;
    FieldMask mask_ = 0;
    std::array<uint32_t, kFieldCount> tf_{};
    const uint8_t* pos_begin_ = nullptr;
    const uint8_t* pos_end_ = nullptr;
};

// Whether all of `text` matches `pattern`: '*' any characters (none too), '?' one code point,
// any other byte itself (Index::terms_matching, and the marks of a pattern's words).
bool matches_pattern(std::string_view text, std::string_view pattern);

class Index {
public:
    explicit Index(AnalyzerOptions options = {});
    Index(Index&&) noexcept;
    Index& operator=(Index&&) noexcept;
    ~Index();

    // Adds an article under `key` (its id from JSON input, or its file name) and returns its id.
    DocId add(const Article& article, std::string_view key);
    // Removes a document; false if it is not in the index. `article`, the one added as `doc`,
    // gives its terms by analyzing it again (tens of microseconds), which spares the index a
    // forward list per document (a tenth of the text's size). Without it, or when the article
    // does not match what was added (its terms are not all in the index, or its fields' lengths
    // differ), the forward lists are derived from the postings by the first such remove: a walk
    // of every list (55-70 ms natively on Reuters), kept up after that; so they are too once the
    // articles analyzed again would have paid for that walk (a big batch of removals).
    bool remove(DocId doc, const Article& article);
    bool remove(DocId doc);
    // Sweeps dead documents' entries out of the postings. Changes no result.
    void compact();

    size_t size() const { return live_count_; }        // live documents
    DocId id_limit() const { return DocId(live_.size()); } // every DocId is below this
    bool contains(DocId doc) const { return doc < live_.size() && live_[doc] != 0; }
    std::string_view key(DocId doc) const;
    uint32_t date(DocId doc) const { return doc < dates_.size() ? dates_[doc] : 0; }
    int16_t time_of_day(DocId doc) const { return doc < times_.size() ? times_[doc] : kNoTime; } // time_number()
    // The language the document was analyzed in: 0 the index's own, i other_analyzers()[i - 1].
    uint8_t language_slot(DocId doc) const { return doc < doc_languages_.size() ? doc_languages_[doc] : 0; }
    // The publisher the article named (Article::source, trimmed), as one of the index's sources:
    // 0 for none, so that search facets count articles by source without the articles at hand.
    uint32_t source_id(DocId doc) const { return doc < doc_sources_.size() ? doc_sources_[doc] : 0; }
    size_t source_count() const { return sources_.size(); } // source ids are below this; 0 is ""
    std::string_view source_name(uint32_t id) const { return id < sources_.size() ? std::string_view(sources_[id]) : std::string_view(); }
    uint32_t field_length(DocId doc, Field f) const { return lengths_[size_t(doc) * kFieldCount + size_t(f)]; }
    double average_field_length(Field f) const { // over live documents; 0 if there are none
        return live_count_ == 0 ? 0.0 : double(total_lengths_[size_t(f)]) / double(live_count_);
    }

    std::optional<TermId> find(std::string_view term) const;
    size_t term_count() const { return df_.size(); }
    std::string_view term(TermId t) const;
    uint32_t doc_frequency(TermId t) const { check_term(t); return df_[t]; } // live documents holding t
    PostingCursor postings(TermId t) const;

    // The end of a batch of adds (an import), for a moment when nobody waits: brings the sorted
    // table of words that prefix and typo searches read up to date (which the first such search
    // after a change does otherwise: at 100,000 articles just imported, tens of milliseconds in
    // the page) and gives back what only adding more needs: the caches of add() (refilled by the
    // next add, with the same results), the slack of the tables grown by doubling, and each
    // postings list's own allocation, by packing the lists into one block as a loaded file's are
    // (a list that grows again is copied out at its next entry), and the forward lists (see
    // remove()) and the sorted order's table (the surfaces are renumbered in that order).
    // Changes no result.
    void trim();
    // Terms whose unstemmed surface form starts with `prefix` (ascending, no duplicates).
    void terms_with_prefix(std::string_view folded_prefix, std::vector<TermId>& out) const;
    // Terms with an unstemmed surface form that matches `folded_pattern` whole: '*' stands for any
    // characters (none too), '?' for one (a code point), anything else for itself (ascending, no
    // duplicates). The letters before the first wildcard narrow the words read, as a prefix's do;
    // a pattern that starts with one reads every word.
    // `mixed`, if given: those of them with another surface the pattern does not match
    // ("colour" for colo*r, which "colours" also stands for), ascending.
    void terms_matching(std::string_view folded_pattern, std::vector<TermId>& out, std::vector<TermId>* mixed = nullptr) const;
    // The term of the word written exactly so (a folded surface form), if the index has it.
    std::optional<TermId> term_of_surface(std::string_view folded_surface) const;
    // Every term of the word written exactly so, ascending: one a language that has it (they
    // stem it each their way). Replaces `out`.
    void terms_of_surface(std::string_view folded_surface, std::vector<TermId>& out) const;
    // Terms whose surface form is within `max_edits` edits (Damerau-Levenshtein, adjacent
    // transpositions count one) of `folded_word`, with the smallest distance of each, by term.
    // `surface`: a word as the text has it, folded, of which the term is the stem; valid until
    // the index changes. A term comes once for each of its surfaces at that distance (govermnent:
    // "governent" and "government", both "govern"; not "governments", two edits away).
    struct NearTerm { TermId term; int edits; std::string_view surface; };
    void terms_near(std::string_view folded_word, int max_edits, std::vector<NearTerm>& out) const;

    const AnalyzerOptions& analyzer_options() const { return analyzer_.options(); }
    // The index's own analyzer: segmenting and folding for every article, stopwords and stems for
    // articles in its language (English by default) or in one Snowball has no stemmer for.
    Analyzer& analyzer() const { return analyzer_; }
    // Stopwords and stems by the article's language: an article whose Article::language has a
    // Snowball stemmer (snowball_language(): "de", "fr", "es", ...) other than the index's own
    // is stopped and stemmed in its language ("Häuser" is "haus" in a German article, "hauser"
    // in an English one). Each such language gets an analyzer of its own with the index's other
    // options, made by the first add() of an article in it (or by loading a file that names it),
    // and kept while the index lives. Its words' terms carry its tag (term_tag()), so that a
    // word of one language never matches another's that stems alike (French "politique" and
    // German "Politik" are both "polit"). Not when the index's language is "none" or it neither
    // stops nor stems: then every article is analyzed as the index's own.
    // The analyzer add() used for an article of `language` (highlights and concordance lines of
    // that article must use it too).
    Analyzer& analyzer_for(std::string_view language) const;
    // The analyzer add() used for document `doc` (the same as analyzer_for() its article's language).
    Analyzer& analyzer_of(DocId doc) const {
        const uint8_t slot = language_slot(doc);
        return slot == 0 ? analyzer_ : languages_[slot - 1]->analyzer;
    }
    // The words of field `f` of `article`, the one added as document `doc`, at the positions
    // add() gave them, stopwords too: sink(position, surface), the surface folded and unstemmed
    // (Token::surface, the same in every language), but for the stopwords that end a byline's
    // name before another. For what the index does not keep: a phrase's stopwords are checked against them
    // (SearchOptions::article).
    void field_words(DocId doc, const Article& article, Field f,
                     const std::function<void(uint32_t position, std::string_view surface)>& sink) const;
    // What search() counted of a phrase with stopwords in the articles' text: per document
    // checked, the occurrences in each field with the stopwords in their places. A document's
    // counts never change (DocIds are not reused), so they are kept for the phrases of the last
    // few searches (`key` names the phrase and its fields): typing on after a phrase, or turning
    // the results' pages, checks no article twice. Given back by trim().
    using FieldCounts = std::array<uint32_t, kFieldCount>;
    struct PhraseCounts {
        std::vector<bool> checked;                     // by DocId: counted
        std::unordered_map<DocId, FieldCounts> found;  // of those, the ones it occurs in
        bool known(DocId d) const { return d < checked.size() && checked[d]; }
        FieldCounts counts(DocId d) const {
            auto at = found.find(d);
            return at == found.end() ? FieldCounts{} : at->second;
        }
        void add(DocId d, const FieldCounts& counts) { // out of memory: as it was
            if (d >= checked.size()) checked.resize(std::max<size_t>(d + 1, 2 * checked.size()), false);
            if (std::any_of(counts.begin(), counts.end(), [](uint32_t n) { return n > 0; })) found.emplace(d, counts);
            checked[d] = true;
        }
    };
    std::shared_ptr<PhraseCounts> checked_phrase(const std::string& key) const;
    // The other languages' analyzers, in the order they came: a query is analyzed in each of them
    // too (query.hpp: parse_query with an Index).
    std::span<Analyzer* const> other_analyzers() const { return other_analyzers_; }
    static constexpr size_t kMostLanguages = 31; // slots 1..31 besides the index's own (a 32-bit mask)

    // Approximate heap bytes held (postings, lexicon, document table).
    size_t memory_bytes() const;

    // A bound over some entries of a list: the fields holding the term in any of them, and their
    // highest BM25F term frequency (bm25f_field_tf summed over the text fields, default
    // Bm25fParams; rounded up) at average field lengths `average_length` (rounded down), which a
    // search rescales to the averages of its own.
    struct TfBound {
        FieldMask fields = 0;
        float max_tf = 0.0f;
        std::array<float, 4> average_length{};
    };
    // Skip entries of a long postings list, built in memory by the first read (never saved): one
    // per block of kBlockEntries entries (dead ones included), so that a search can jump past a
    // block without decoding it and bound the scores in it without reading it. Only complete
    // blocks have one; the entries after the last block have none. Valid until the index changes.
    struct PostingBlock {
        DocId last = 0;       // the block's last document
        uint32_t end = 0;     // byte offset in the list just past the block
        float max_tf = 0.0f;  // as TfBound's, at the list's SkipEntries::average_length
        FieldMask fields = 0; // fields holding the term in some entry of the block
    };
    struct SkipEntries {
        std::span<const PostingBlock> blocks; // empty for short lists
        // What every block's max_tf was weighed at: the lowest averages of the walks that made
        // them (rounded down), as TfBound's.
        std::array<float, 4> average_length{};
    };
    // Small blocks bound the scores in them tightly, which is what lets an AND of two common words
    // pass over runs of documents: 8 entries against 64 took a quarter off the benchmark's ANDs
    // in wasm (bench/RESULTS.md), for 16 bytes a block of a list that was searched (2 bytes an
    // entry: on Reuters, 0.18x the text once every long list has been, 0.09x with 64).
    static constexpr size_t kBlockEntries = 8;
    // Lists of at least this many live entries have skip entries (and champions, below): two
    // blocks are enough for the champions, which take a word's top 10 from its 12 best entries
    // and a bound instead of scoring its whole list. On the saved Reuters index a search for
    // "sorghum" (55 documents) took 24,000 instructions with 64 here and 6,000 with 16, as one
    // for "oil" (bench/RESULTS.md); shorter lists are read whole, as cheaply as their champions.
    static constexpr size_t kBlocksFrom = 16;
    SkipEntries posting_blocks(TermId t) const;
    PostingCursor postings_after_block(TermId t, size_t block) const; // from the block after it

    // Made with the skip entries, by the same walks: the entries of a long list with the highest
    // BM25F term frequency (as PostingBlock::max_tf, at the averages of the walk that read each),
    // up to kChampions, dead documents included, with their exact frequencies; and a bound over
    // every other entry, as a block's. A search for the top k <= kChampions of one word scores
    // the champions and stops there when the k-th beats the bound (Manning, Raghavan & Schuetze,
    // "Introduction to Information Retrieval", 7.1.3: champion lists; exact with the bound).
    // nullopt for a short list, and for a list with a frequency over 65,535 in a text field.
    struct Champion {
        DocId doc = kNoDoc;
        float tf = 0.0f;                      // rounded up
        std::array<uint16_t, 4> field_tf{};   // the text fields' frequencies (Source excluded)
        FieldMask fields() const {            // the text fields holding the term
            FieldMask m = 0;
            for (size_t f = 0; f < field_tf.size(); ++f)
                if (field_tf[f]) m = FieldMask(m | 1u << f);
            return m;
        }
    };
    static constexpr size_t kChampions = 12;
    struct Champions {
        std::span<const Champion> best; // highest tf first
        TfBound rest;                   // bounds every other entry
    };
    std::optional<Champions> posting_champions(TermId t) const;

private:
    friend struct IndexFile;
    // Where a term's list is. Hundreds of thousands of terms, most of them in one document (20
    // Newsgroups: 172,000, 106,000 of them in one post), so after an import a term costs 8 bytes
    // here: its document frequency and the end of its list in the packed block. The lists are
    // packed in TermId order, by trim() and in a loaded file, so a list begins where the one
    // before it ends. A list that grows is copied out of the block into lists_ (its bytes in the
    // block stay unused until the next trim()), and list_of_ then names each term's list.
    static constexpr uint32_t kInBlock = UINT32_MAX;   // list_of_: the list is in the block
    static constexpr uint32_t kNoList = UINT32_MAX - 1; // list_of_: the list is empty
    // Its bytes are not a std::vector's: an entry is written in place, not built aside and
    // inserted (a memcpy call for every entry, which in wasm is no inlined copy).
    struct GrowingList {
        std::unique_ptr<uint8_t[]> bytes;
        uint32_t size = 0, capacity = 0; // bytes used, allocated
        uint32_t last_plus1 = 0; // the list's last document + 1, which the next entry's gap counts from
        // Where `n` more bytes can be written (capacity doubles); the caller adds what it wrote to size.
        uint8_t* room(size_t n) { return size + n <= capacity ? bytes.get() + size : grow(n); }
        uint8_t* grow(size_t n);
        void assign(std::span<const uint8_t> from);
    };
    // The list of term t in lists_, copied out of the block (a walk finds its last document) or
    // started there.
    GrowingList& own_list(TermId t) {
        const uint32_t list = list_of(t);
        return list < kNoList ? lists_[list] : start_list(t);
    }
    GrowingList& start_list(TermId t); // own_list() of a list not in lists_ yet
    uint32_t list_of(TermId t) const { return t < list_of_.size() ? list_of_[t] : kInBlock; } // see list_of_
    uint32_t& list_slot(TermId t) const; // list_of_[t], the table made whole first
    uint32_t last_in_block(TermId t, std::span<const uint8_t> bytes) const; // bytes: t's list in the block
    // A loaded file is used as it is (index_file.cpp): the lists stay in one block and each is
    // checked the first time it is read; the term lookup table is built by the first find(), the
    // sorted surface table from the file's by the first prefix or typo search; the surface lookup
    // table by the first add (which trim() drops too), the forward lists by the first remove
    // (build_forward()); settle() checks every list before the first change.
    TermId intern(std::string_view term);
    void rehash_terms(size_t slots) const;
    // An article language's analysis (analyzer_for()): its analyzer, and the surface -> term
    // cache of its words (as stemmed_terms_ is for the index's own language).
    struct Language {
        explicit Language(AnalyzerOptions options) : analyzer(std::move(options)) {}
        Analyzer analyzer;
        WordCache stemmed_terms;
    };
    // The language slot (language_slot()) of an article of `language` for add(), made if it is new.
    uint8_t language_of(std::string_view language);
    Language* find_language(std::string_view snowball_name) const;
    void add_language(std::string_view snowball_name);
    // The term of a token from analyze_surfaces() of an article in `lang` (null: the index's own
    // language), recording its surface; kStopword for a stopword.
    TermId term_of(const Token& token, Language* lang);
    // The rest of term_of() for a surface its cache `cache` does not answer (`cached`: it holds
    // the surface as a stopword, and the token is a joined word), out of line: most tokens take
    // only the lookup, which then needs none of the registers this part saves and restores.
    TermId new_term_of(const Token& token, Language* lang, WordCache& cache, uint32_t hash, bool cached);
    // The surface table holds `text` for term `id` (lookup table of add(); a surface may be there
    // for more than one term, one per language that stems it differently).
    bool has_surface(std::string_view text, uint32_t hash, TermId id) const;
    static constexpr TermId kStopword = UINT32_MAX;
    std::string_view surface(uint32_t s) const { // the text of surface ordinal s
        const uint32_t begin = s == 0 ? 0 : surface_ends_[s - 1];
        return {surface_text_.data() + begin, surface_ends_[s] - begin};
    }
    void rehash_surfaces(size_t slots);
    void sort_surfaces() const;         // brings sorted_surfaces_ up to date
    // Term t's entry for doc: n (field, position) pairs, at(i) the i-th (sorted, distinct).
    template <class FieldPosition> void append_posting(TermId t, DocId doc, size_t n, FieldPosition at);
    // A loaded list that does not parse is emptied (df 0). Inline: every read of a term asks,
    // and only a loaded file's terms not read yet go on to check_loaded_term().
    void check_term(TermId t) const {
        if (t < unchecked_.size() && unchecked_[t]) check_loaded_term(t);
    }
    void check_loaded_term(TermId t) const;
    std::span<const uint8_t> postings_bytes(TermId t) const;
    void settle();                      // makes a loaded index ready for add() and remove()
    void build_forward();               // the forward lists of every document, from the postings
    // The distinct terms of an article as add() indexes it, ascending, found without adding any;
    // false when one is not in the index or a field's length is not that of `doc`.
    bool terms_of_added(DocId doc, const Article& article, std::vector<TermId>& out);
    void mark_removed(DocId doc, std::span<const TermId> terms); // the document dead, its terms' df down

    mutable Analyzer analyzer_;
    std::vector<std::unique_ptr<Language>> languages_; // in the order they came (saved so)
    std::vector<Analyzer*> other_analyzers_;            // their analyzers, in the same order
    // The lexicon, flat: every term's text back to back in TermId order, and an open-addressing
    // table of TermId + 1 (0: empty) over them, a power of two in size and at most half full.
    std::string term_text_;
    std::vector<uint32_t> term_ends_; // per TermId: end of its text in term_text_
    mutable std::vector<uint32_t> term_slots_; // empty after loading, until the first find()
    mutable std::vector<uint32_t> df_;     // per TermId: live documents holding it (0 once dropped)
    std::string loaded_postings_;          // the postings block of a loaded file, or packed by trim()
    // Per TermId below its size: the end of the term's list in loaded_postings_. Terms added since
    // the block was made have no list there.
    std::vector<uint32_t> block_ends_;
    // Per TermId, while some list is not in the block (during an import, until trim()): kInBlock,
    // kNoList or the list's index in lists_. Empty otherwise (unless a damaged list was dropped:
    // it says kNoList for that term until the next packing): every term below block_ends_.size()
    // is in the block, every other term has no list yet.
    mutable std::vector<uint32_t> list_of_;
    std::vector<GrowingList> lists_;
    // The last document + 1 of the block's lists of kLastKeptFrom documents or more, by TermId
    // ascending, made by trim(): the next import appends to the lists of common words first, and
    // walking each for its last document cost it tens of milliseconds (200 Reuters articles onto
    // 18,000: 25 -> 60-80 ms natively); a shorter list is walked. Empty for a loaded file's block.
    static constexpr uint32_t kLastKeptFrom = 16;
    std::vector<std::pair<TermId, uint32_t>> block_lasts_;
    // Per TermId of a loaded file, until settle() checks them all: the list has not been walked
    // and found well-formed yet (check_term(), by the first read).
    mutable std::vector<bool> unchecked_;
    mutable bool terms_dropped_ = false; // check_term() found a list damaged and dropped its term
    bool unsettled_ = false;               // loaded, and settle() has not run yet
    // Surface -> term for the tokens of add(), which come unstemmed (Analyzer::analyze_surfaces):
    // one flat lookup a token, and the analyzer's stopping and stemming only for a new surface.
    // Words and joined words (stemmed) in one, numbers, URL parts and CJK bigrams in the other;
    // a stopword's value is kStopword. Rebuilt as documents are added; empty after loading.
    // Dropped by trim(), as they cost more memory than the rest of the surface table.
    WordCache stemmed_terms_, plain_terms_;
    // The surfaces (unstemmed folded forms) of the indexed words and their terms, flat like the
    // lexicon: by ordinal, in the order first seen (sorted after trim() and in a loaded file),
    // the text back to back, and for add() an open-addressing table of ordinal + 1 (0: empty)
    // over them, a power of two in size and at most half full (empty after loading and trim(),
    // until the next add() builds it: searches find a surface in the sorted order). Mutable:
    // sort_surfaces() fills the first three from a loaded file's table.
    mutable std::string surface_text_;
    mutable std::vector<uint32_t> surface_ends_;  // per ordinal: end of its text in surface_text_
    mutable std::vector<TermId> surface_terms_;   // per ordinal: its term
    std::vector<uint32_t> surface_slots_;
    // The ordinals in byte order of their text, which prefix and typo searches read. The surfaces
    // added since the last sort are the ordinals from sorted_surfaces_.size() on: sort_surfaces()
    // sorts only these and merges them in, so the first search after an import costs the new
    // words' sort plus one pass, not a sort of the whole vocabulary.
    mutable std::vector<uint32_t> sorted_surfaces_;
    // While sorted_surfaces_ is empty: the first sorted_in_place_ ordinals are the sorted order as
    // they are (after trim() renumbers them, and in a loaded file), and no table is kept for it.
    mutable uint32_t sorted_in_place_ = 0;
    size_t sorted_count() const { return sorted_surfaces_.empty() ? sorted_in_place_ : sorted_surfaces_.size(); }
    uint32_t sorted_at(size_t rank) const { return sorted_surfaces_.empty() ? uint32_t(rank) : sorted_surfaces_[rank]; }
    size_t sorted_lower_bound(std::string_view key) const; // the first rank whose surface is not below key
    mutable std::string loaded_surfaces_; // a loaded file's surface entries, until sort_surfaces() reads them
    mutable bool surfaces_utf8_ = true; // every sorted surface is well-formed UTF-8 (see terms_near)

    std::vector<uint8_t> live_;       // per DocId: 1 live, 0 removed
    std::vector<uint32_t> lengths_;   // per DocId x kFieldCount: tokens in the field
    std::vector<uint32_t> dates_;     // per DocId: date_number() of the article's date
    std::vector<int16_t> times_;      // per DocId: time_number() of the article's date
    std::vector<uint8_t> doc_languages_; // per DocId: its language slot (language_slot())
    std::vector<uint32_t> doc_sources_;   // per DocId: its source_id()
    std::vector<std::string> sources_{std::string()}; // by source id, each once; 0 is "" (none)
    std::unordered_map<std::string, uint32_t> source_ids_; // sources_ back to their ids ("" not in it)
    uint32_t intern_source(std::string_view source);
    std::string keys_;                // keys, back to back
    std::vector<uint32_t> key_ends_;  // per DocId: end of its key in keys_
    // Per DocId: its distinct terms, ascending, delta + varint, for remove() without the
    // article. Only while forward_ends_ has an end for every document: after loading and after
    // trim() both are empty until such a remove() builds them, and add() appends to them only
    // while they are whole.
    std::vector<uint8_t> forward_;
    std::vector<uint64_t> forward_ends_;
    uint64_t reanalysed_words_ = 0; // words remove() has analyzed again since the forward lists went
    std::array<uint64_t, kFieldCount> total_lengths_{}; // over live documents
    // posting_blocks() of the long lists read so far, by TermId ascending (a few thousand of
    // hundreds of thousands of terms: not a slot per term); extended as lists grow, dropped by
    // compact(). `walked`: the list's size in bytes when its blocks were last brought up to date
    // (a list only grows at its end until compact()).
    struct ListBlocks {
        TermId term = 0;
        uint32_t walked = 0;
        std::vector<PostingBlock> blocks;
        std::array<float, 4> block_average{}; // SkipEntries::average_length
        std::vector<Champion> champions; // see posting_champions()
        TfBound rest;
        DocId considered_plus1 = 0; // entries up to this document + 1 have been weighed as champions
        bool champions_usable = true; // false once a frequency did not fit
    };
    // Weighs the entry `c` stands on (its tf as posting_blocks() computes it) for the champions.
    static void weigh_champion(ListBlocks& list, const PostingCursor& c, double tf);
    // The skip entries and champions of a long list, brought up to date; null for a short list.
    ListBlocks* list_blocks(TermId t) const;
    mutable std::vector<ListBlocks> blocks_;
    mutable std::vector<std::pair<std::string, std::shared_ptr<PhraseCounts>>> checked_phrases_; // the latest last
    size_t live_count_ = 0;
    uint64_t entries_ = 0, dead_entries_ = 0;
};

// ---- saving and loading (core/src/search/index_file.cpp has the byte-level grammar) -----------

// One file: the index and, optionally, the articles themselves (stored[doc] for each DocId, or
// nullptr), so a command-line search can show titles and snippets. Throws std::length_error for
// an index with more than 4 GiB of postings (the file's sizes are 32-bit).
std::string save_index(const Index& index, const std::vector<const Article*>& stored = {});

struct LoadedIndex {
    std::unique_ptr<Index> index;  // null when `error` is set
    std::vector<Article> articles; // per DocId when the file has them (empty Article for a gap)
    std::string error;             // why the file was refused, for the user
    bool ok() const { return error.empty(); }
};
// Reads a saved index. A truncated, damaged or foreign file is refused with a message (a checksum
// covers every byte). Cheap: the file's blocks are copied as they are and each part's structure is
// checked when first used, never read past (core/src/search/index_file.cpp).
LoadedIndex load_index(std::string_view bytes);

} // namespace broadsheet::search
