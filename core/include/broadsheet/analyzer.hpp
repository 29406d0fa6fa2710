// Broadsheet core: text analysis, from article text to index terms.
//
// A chain of small stages over std::string_view, each usable and testable alone:
//
//   segment  -> words, numbers, URL/e-mail parts, CJK bigrams, with their byte ranges (UAX #29-like)
//   fold     -> Unicode case folding, compatibility forms (full-width, ligatures), diacritics
//   possessive -> "Jane's" -> "jane"
//   stopword -> the Snowball list of the language (English: 174 words)
//   stem     -> Snowball (libstemmer), English by default
//
// Analyzer runs the chain and hands each Token to a callback. Tokens are views, not copies:
// `range` points into the analysed text (for highlighting), `term` into a buffer that lives only
// for the duration of the callback.
#pragma once

#include "broadsheet/article.hpp"

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

struct sb_stemmer; // libstemmer's handle

namespace broadsheet::search {

enum class TokenKind : uint8_t {
    Word,    // letters (maybe with digits): folded, stopped, stemmed
    Number,  // digits, with '.' or ',' inside ("3.14", "1,000" -> "1000"): folded only
    Cjk,     // two adjacent Han/kana/Hangul characters (a lone one on its own): folded only
    UrlPart, // a run of letters/digits inside a URL or e-mail address: folded only
    Joined,  // a hyphenated word written as one ("e-mail" -> "email"), beside its parts
};

// Stage 1 output: a piece of text that becomes (at most) one token.
struct Segment {
    ByteRange range;
    TokenKind kind = TokenKind::Word;
    bool hyphen_before = false; // joined by a hyphen to the previous segment ("e" in "e-mail" -> "mail")
};

struct AnalyzerOptions {
    std::string language = "english"; // Snowball algorithm for stopwords and stemming; "none": neither
    bool fold_diacritics = true;      // "café" -> "cafe", "Ærø" keeps its letters: only marks go
    bool stopwords = true;            // drop the language's stopwords (they still take a position)
    bool stem = true;                 // Snowball stemming of words
    // A blank line (a paragraph break: Article::text separates paragraphs with "\n\n") takes a
    // position, so that no phrase or NEAR runs from the end of one paragraph into the next
    // ("Co.\n\nOperating" is no "co-operation"). Off only for index files from before it.
    bool paragraph_gaps = true;
    // Appended to the term of every word (stopped and stemmed kinds), so that one language's
    // terms are never another's: an Index gives its other languages' analyzers "\x1F" and a
    // letter (Index::analyzer_for). Numbers, URL parts and CJK bigrams are the same in every language.
    std::string term_tag;

    bool operator==(const AnalyzerOptions&) const = default;
};

struct Token {
    std::string_view term;    // the indexed form; valid only during the callback
    std::string_view surface; // folded but not stemmed ("running" for term "run"); same lifetime
    ByteRange range;          // where the token is in the analysed text
    uint32_t position = 0;    // word number; stopwords leave gaps, a Joined token shares its first part's
    TokenKind kind = TokenKind::Word;
};

// ---- the stages, one by one --------------------------------------------------------------------

// Splits text into segments, in order. Never fails: invalid UTF-8 bytes are treated as separators.
void segment(std::string_view text, std::vector<Segment>& out);

// Case-folds `word` (NFKC casefold: full-width forms, ligatures, "ß" -> "ss"), drops ignorable
// characters (soft hyphen, joiners, bidi marks), normalises apostrophes to "'", and, when
// `fold_diacritics`, removes combining diacritics (Latin/Greek/Cyrillic accents, Hebrew points,
// Arabic harakat; not the vowel signs of Indic scripts, which are letters there).
// Writes into `out` (cleared first).
void fold(std::string_view word, bool fold_diacritics, std::string& out);

// Removes a trailing possessive "'s" or "'" (Lucene's EnglishPossessiveFilter); returns the rest.
std::string_view strip_possessive(std::string_view folded);

// True if `folded` is on the stopword list of `language`, a Snowball name or ISO 639-1 code
// ("german" or "de"): English's own list (analyzer.cpp says where it comes from), and the Snowball
// project's for Danish, Dutch, Finnish, French, German, Hungarian, Indonesian, Italian,
// Norwegian, Portuguese, Romanian, Russian, Spanish and Swedish (from Debian's
// liblingua-stopwords-perl at build time); false for any other language.
bool is_stopword(std::string_view folded, std::string_view language = "english");

// The Snowball algorithm for a language written as a BCP 47 tag or ISO 639-1 code ("de",
// "pt-BR") or as Snowball's own name ("german"): "german", "portuguese"; "" for a language
// libstemmer has no algorithm for ("pl", "zh", "") and for anything else.
std::string_view snowball_language(std::string_view language);

// A Snowball stemmer for one language (libstemmer). Not thread-safe; each Analyzer owns one.
class Stemmer {
public:
    explicit Stemmer(std::string_view language); // unknown language: stem() returns its input
    ~Stemmer();
    Stemmer(const Stemmer&) = delete;
    Stemmer& operator=(const Stemmer&) = delete;
    bool ok() const { return handle_ != nullptr; }
    // The stem of a folded word; valid until the next call.
    std::string_view stem(std::string_view folded);

private:
    ::sb_stemmer* handle_ = nullptr;
};

// ---- internal: a cache of words on the indexing path ------------------------------------------

// A map from short strings to uint32_t in two flat arrays (open addressing, linear probing): a key
// of up to 8 bytes (most words) lives in its 16-byte slot, a longer one's size and text go back to
// back in one string. The analyzer's stem cache and the index's term cache use it where a
// node-based map costs a cache miss or two on every token. Internal; may change.
class WordCache {
public:
    static uint32_t hash(std::string_view key);
    // The value stored for `key` (whose hash() is `h`), or nullptr.
    const uint32_t* find(std::string_view key, uint32_t h) const;
    // Stores `value` for `key`, which must not be in the cache yet.
    void insert(std::string_view key, uint32_t h, uint32_t value);
    size_t size() const { return used_; }
    size_t key_bytes() const { return key_bytes_; } // of all keys, those in slots too
    void clear();
    size_t memory_bytes() const { return slots_.capacity() * sizeof(Slot) + keys_.capacity(); }

private:
    static constexpr uint32_t kEmpty = UINT32_MAX, kLong = 9;
    struct Slot {
        uint64_t head = 0;   // the key's first 8 bytes (zero-padded): short keys compare here alone
        uint32_t key = kEmpty; // up to 8 bytes: the key's size; longer: kLong + its place in keys_
        uint32_t value = 0;
    };
    bool long_key_is(uint32_t place, std::string_view key) const;
    uint32_t slot_hash(const Slot& s) const; // hash() of the slot's key
    std::vector<Slot> slots_; // a power of two in size, at most 3/4 used
    std::string keys_;
    size_t used_ = 0, key_bytes_ = 0;
};

// ---- the chain ---------------------------------------------------------------------------------

class Analyzer {
public:
    explicit Analyzer(AnalyzerOptions options = {});
    Analyzer(const Analyzer& other) : Analyzer(other.options_) {}
    Analyzer& operator=(const Analyzer& other);
    Analyzer(Analyzer&&) noexcept = default;
    Analyzer& operator=(Analyzer&&) noexcept = default;
    ~Analyzer();

    const AnalyzerOptions& options() const { return options_; }

    // Runs the chain over `text`, calling sink(const Token&) for each token in order.
    template <class Sink> void analyze(std::string_view text, Sink&& sink) {
        run(text, true, [](void* ctx, const Token& t) { (*static_cast<Sink*>(ctx))(t); }, &sink);
    }
    // The chain without its last two stages, for a caller that caches terms by surface (the
    // index): every token's term is its surface, stopwords included, and term_of(kind, surface)
    // gives what analyze() would have (positions and the other tokens are the same).
    template <class Sink> void analyze_surfaces(std::string_view text, Sink&& sink) {
        run(text, false, [](void* ctx, const Token& t) { (*static_cast<Sink*>(ctx))(t); }, &sink);
    }
    // The term of a token of `kind` with `surface` as analyze() gives it (stopped and stemmed
    // words and joined words), with a null data() for a stopword; valid until the next call.
    // Not cached: for callers that cache it themselves.
    std::string_view term_of(TokenKind kind, std::string_view surface);

    // Convenience for tests and small jobs: the tokens with their terms copied.
    struct OwnedToken {
        std::string term;
        std::string surface;
        ByteRange range;
        uint32_t position = 0;
        TokenKind kind = TokenKind::Word;
    };
    std::vector<OwnedToken> tokens(std::string_view text);

    // The indexed form of one folded, unstemmed word (stem if enabled); "" for a stopword.
    std::string term_for_surface(std::string_view surface);

    // Heap bytes held by the analyzer's caches and scratch buffers.
    size_t memory_bytes() const;
    // Gives back the caches and scratch buffers (the segments of the longest text analyzed stay
    // otherwise: 0.8 MB after a 20 Newsgroups import); the next call fills them again, with the
    // same results.
    void release_memory();

private:
    void run(std::string_view text, bool finish_terms, void (*sink)(void*, const Token&), void* ctx);

    // The indexed form of a folded word: its stem, or "" for a stopword (a null data()). Cached:
    // news repeats its words, and stemming is the costliest stage.
    std::string_view word_term(std::string_view surface);
    std::string_view stop_and_stem(std::string_view surface); // the same, uncached
    // Stage 2 of one segment, into `folded` (whose size is not the word's: it only grows).
    std::string_view fold_segment(std::string_view raw, TokenKind kind, std::string& folded);

    AnalyzerOptions options_;
    std::unique_ptr<Stemmer> stemmer_;
    WordCache word_terms_;         // folded word -> index into term_ranges_
    std::string terms_;            // the cached terms, back to back
    std::vector<uint64_t> term_ranges_; // begin << 32 | size, in terms_; kStopword for a stopword
    std::vector<Segment> segments_; // scratch, reused between calls
    std::string ascii_folded_;           // stage 2 of ASCII segments, written by the segmenter
    std::vector<uint16_t> folded_sizes_; // each segment's size there, 0: not folded (analyzer.cpp)
    std::string folded_[2], joined_, joined_surface_;
    std::string tagged_; // a stem with options_.term_tag after it
    std::string_view tagged(std::string_view term); // `term` with the tag, if there is one
};

} // namespace broadsheet::search
