// Query evaluation: a tree of matchers over the postings, BM25F scores, exact top k.
//
// [SECTION] Scoring context
// [SECTION] Matchers: term, expansion (prefix/typo), phrase, and, or, not, all, date
// [SECTION] Building the tree from a Query
// [SECTION] Top k: block-max for one word and for an AND of words, MaxScore for disjunctions,
//            plain document-at-a-time otherwise
// [SECTION] search()
//
// Every matcher stands on one document (`doc`, kNoDoc at the end) that matches it, can move to
// the next or to the first at or after a target, and scores the document it stands on. `bound`
// is an upper bound of any score it can give, which is what MaxScore needs: for a term it is
// idf (BM25 saturation stays below 1, ranking.hpp); for a prefix or typo expansion the best
// actual score in its list; for AND and OR the sum of the children's.
//
// Scores are sums over children in the query's order, whichever order a strategy visits them
// in, so a pruned and an exhaustive run give bit-identical scores.
#include "broadsheet/search.hpp"
#include "broadsheet/snippet.hpp" // field_text()

#include "../text_util.hpp"
#include "near.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <exception>
#include <memory>
#include <new>
#include <optional>
#include <unordered_map>
#include <queue>
#include <span>

namespace broadsheet::search {

namespace {

// ------------------------------------------------------------------------------------------------
// [SECTION] Scoring context
// ------------------------------------------------------------------------------------------------

struct Context {
    const Index& index;
    Bm25fParams params;
    std::array<double, kFieldCount> avg_len{};
    double n = 0;

    // Whether the ranking is the default one, which the skip entries' score bounds are for.
    bool default_ranking = true;

    // The articles, to check a phrase's stopwords in (SearchOptions::article); may be empty.
    const ArticleLookup* article = nullptr;

    Context(const Index& ix, const Bm25fParams& p, const ArticleLookup* articles = nullptr)
        : index(ix), params(p), n(double(ix.size())), article(articles && *articles ? articles : nullptr) {
        for (size_t f = 0; f < kFieldCount; ++f) avg_len[f] = ix.average_field_length(Field(f));
        const Bm25fParams defaults;
        for (size_t f = 0; f < kFieldCount; ++f)
            default_ranking = default_ranking && params.fields[f].weight == defaults.fields[f].weight &&
                              params.fields[f].b == defaults.fields[f].b;
        default_ranking = default_ranking && params.k1 > 0.0;
    }
    double idf(TermId t) const { return bm25_idf(n, double(index.doc_frequency(t))); }
    // The BM25F score of per-field frequencies `tf` in `doc`, over the fields in `mask`: an array
    // of kFieldCount, or of the first fields only (a champion's, Index::Champion::field_tf).
    template <class FieldTf> double score(DocId doc, const FieldTf& tf, FieldMask mask, double idf) const {
        static_assert(std::tuple_size_v<FieldTf> <= kFieldCount);
        double combined = 0.0;
        for (size_t f = 0; f < tf.size(); ++f) {
            if (!(mask & (1u << f)) || tf[f] == 0) continue;
            combined += bm25f_field_tf(double(tf[f]), double(index.field_length(doc, Field(f))), avg_len[f],
                                       params.fields[f]);
        }
        return idf * bm25_saturate(combined, params.k1);
    }
    // An upper bound of score() over the entries of one block of a postings list: the block's
    // highest term frequency rescaled to the present average lengths. A field's
    // w tf / (1 - b + b len / avg) grows at most in proportion to avg (0 <= b <= 1), so the bound
    // holds after documents come and go. At most idf, which bounds any score (BM25 saturation
    // stays below 1).
    // `fields` and `max_tf` as Index::TfBound's, weighed at the averages `then`.
    double block_bound(FieldMask fields, float max_tf, const std::array<float, 4>& then, FieldMask mask, double idf) const {
        if (!default_ranking || (mask & ~kTextFields)) return idf;
        double scale = 1.0;
        for (size_t f = 0; f < then.size(); ++f) {
            if (!(fields & mask & (1u << f))) continue;
            const double was = then[f], now = avg_len[f];
            if (was <= 0.0 || now <= 0.0) return idf; // bm25f_field_tf leaves such a field unnormalised
            scale = std::max(scale, now / was);
        }
        return std::min(idf, idf * bm25_saturate(double(max_tf) * scale, params.k1));
    }
    double block_bound(const Index::TfBound& b, FieldMask mask, double idf) const {
        return block_bound(b.fields, b.max_tf, b.average_length, mask, idf);
    }
};

// A small margin so that rounding in bounds and their sums never prunes a document that would
// enter the top k.
bool cannot_enter(double upper, double threshold) { return upper + 1e-9 * (1.0 + upper) < threshold; }

// ------------------------------------------------------------------------------------------------
// [SECTION] Matchers
// ------------------------------------------------------------------------------------------------

class Matcher {
public:
    virtual ~Matcher() = default;
    DocId doc = kNoDoc;
    double bound = 0.0;
    virtual void next() = 0;
    virtual void seek(DocId target) {
        while (doc < target) next();
    }
    virtual double score() = 0;
};
using MatcherPtr = std::unique_ptr<Matcher>;

// A matcher that moves by find(d), to the first document >= d it matches (kNoDoc: none).
template <class Self> class FindingMatcher : public Matcher {
public:
    void next() override {
        if (doc != kNoDoc) static_cast<Self*>(this)->find(doc + 1);
    }
    void seek(DocId target) override {
        if (doc != kNoDoc && target > doc) static_cast<Self*>(this)->find(target);
    }
};

// One term. A long list has skip entries (Index::posting_blocks): seek() jumps over the blocks
// before its target instead of decoding them, and block_bound() bounds the scores of the block
// the matcher stands in, which skip_block() leaves whole.
class TermMatcher final : public Matcher {
public:
    TermMatcher(const Context& ctx, TermId t, FieldMask mask)
        : ctx_(ctx), cursor_(ctx.index.postings(t)), skips_(ctx.index.posting_blocks(t)), blocks_(skips_.blocks), term_(t),
          mask_(mask) {
        idf_ = ctx.idf(t);
        bound = idf_;
        cost = ctx.index.doc_frequency(t);
        settle();
    }
    uint32_t cost = 0; // documents holding the term
    void next() override {
        cursor_.next();
        settle();
    }
    void seek(DocId target) override {
        if (target <= doc || doc == kNoDoc) return;
        const size_t b = block_reaching(block_, target);
        if (b > block_) {
            cursor_ = ctx_.index.postings_after_block(term_, b - 1); // past every block before b
            block_ = b;
        }
        cursor_.seek(target);
        settle();
    }
    double score() override {
        std::array<uint32_t, kFieldCount> tf{};
        for (size_t f = 0; f < kFieldCount; ++f) tf[f] = cursor_.frequency(Field(f));
        return ctx_.score(doc, tf, mask_, idf_);
    }
    // The bound of the block holding `doc` (the whole list's past the last block).
    double block_bound() { return bound_of_block(block_); }
    // The bound of the block that holds `target` if the list has it (target >= doc, and not
    // below an earlier call's), and that block's last document (kNoDoc - 1 past the last block).
    // Moves nothing: a look at the skip entries only.
    double bound_at(DocId target, DocId& last) {
        shallow_ = block_reaching(std::max(shallow_, block_), target);
        last = shallow_ < blocks_.size() ? blocks_[shallow_].last : kNoDoc - 1;
        return bound_of_block(shallow_);
    }
    // To the first document after the block holding `doc` (to the end past the last block).
    void skip_block() {
        if (doc == kNoDoc) return;
        if (block_ >= blocks_.size()) {
            cursor_ = PostingCursor{};
            doc = kNoDoc;
            return;
        }
        cursor_ = ctx_.index.postings_after_block(term_, block_);
        settle();
    }

private:
    void settle() { // skip documents holding the term only in other fields
        while (!cursor_.at_end() && !(cursor_.fields() & mask_)) cursor_.next();
        doc = cursor_.doc();
        while (block_ < blocks_.size() && blocks_[block_].last < doc) ++block_;
    }
    double bound_of_block(size_t b) {
        if (b >= blocks_.size()) return bound;
        if (b != bounded_block_)
            bounded_block_ = b, block_bound_ = ctx_.block_bound(blocks_[b].fields, blocks_[b].max_tf, skips_.average_length, mask_, idf_);
        return block_bound_;
    }
    // The first block from `b` on whose last document is >= target (blocks_.size() if none): a
    // seek mostly moves a block or two, which a look at each finds, but a rare word's seeks in a
    // common one's list pass over hundreds, which galloping finds.
    size_t block_reaching(size_t b, DocId target) const {
        for (const size_t near = b + 4; b < near; ++b)
            if (b >= blocks_.size() || blocks_[b].last >= target) return b;
        size_t low = b;
        for (size_t step = 1; b < blocks_.size() && blocks_[b].last < target; step *= 2) low = b + 1, b += step;
        const auto first = blocks_.begin() + std::ptrdiff_t(low), last = blocks_.begin() + std::ptrdiff_t(std::min(b, blocks_.size()));
        return size_t(std::partition_point(first, last, [&](const Index::PostingBlock& x) { return x.last < target; }) - blocks_.begin());
    }
    const Context& ctx_;
    PostingCursor cursor_;
    Index::SkipEntries skips_;
    std::span<const Index::PostingBlock> blocks_;
    size_t block_ = 0;   // the first block whose last document is >= doc
    size_t shallow_ = 0; // bound_at()'s block
    size_t bounded_block_ = SIZE_MAX;
    double block_bound_ = 0.0; // of bounded_block_
    TermId term_;
    FieldMask mask_;
    double idf_ = 0.0;
};

// A set of documents with scores, computed up front (prefix and typo expansions, where one query
// word stands for many terms; a document scores as its best-matching member, weighted).
class ListMatcher final : public Matcher {
public:
    explicit ListMatcher(std::vector<Hit> hits) : hits_(std::move(hits)) {
        for (const Hit& h : hits_) bound = std::max(bound, h.score);
        doc = hits_.empty() ? kNoDoc : hits_[0].doc;
    }
    void next() override {
        ++at_;
        doc = at_ < hits_.size() ? hits_[at_].doc : kNoDoc;
    }
    void seek(DocId target) override {
        auto it = std::lower_bound(hits_.begin() + std::ptrdiff_t(at_), hits_.end(), target,
                                   [](const Hit& h, DocId d) { return h.doc < d; });
        at_ = size_t(it - hits_.begin());
        doc = at_ < hits_.size() ? hits_[at_].doc : kNoDoc;
    }
    double score() override { return hits_[at_].score; }

private:
    std::vector<Hit> hits_;
    size_t at_ = 0;
};

// A pattern's terms that stand for words it does not match too ("colour", for colo*r, is also
// "colours"): counted in the articles' text, where the words as written are.
struct PatternCheck {
    std::string_view pattern;
    std::span<const TermId> mixed; // ascending
};

// The places in each field of an article whose word as written matches a pattern, read from
// its text once for all of the pattern's terms (Index::field_words).
class PatternPlaces {
public:
    PatternPlaces(const Context& ctx, std::string_view pattern, FieldMask mask) : ctx_(ctx), pattern_(pattern), mask_(mask) {}
    // The occurrences of the term under cursor `c` in each field of its document that stand in
    // such places. An article not at hand: all of them.
    std::array<uint32_t, kFieldCount> frequencies(const PostingCursor& c) {
        std::array<uint32_t, kFieldCount> tf{};
        const auto* places = of(c.doc());
        for (size_t f = 0; f < kFieldCount; ++f) {
            if (!(mask_ & field_bit(Field(f))) || c.frequency(Field(f)) == 0) continue;
            if (!places) {
                tf[f] = c.frequency(Field(f));
                continue;
            }
            c.positions(Field(f), term_places_);
            for (uint32_t p : term_places_) tf[f] += std::binary_search((*places)[f].begin(), (*places)[f].end(), p) ? 1u : 0u;
        }
        return tf;
    }

private:
    using Places = std::array<std::vector<uint32_t>, kFieldCount>;
    const Places* of(DocId d) {
        if (auto it = read_.find(d); it != read_.end()) return &it->second;
        const Article* a = ctx_.article ? (*ctx_.article)(d) : nullptr;
        if (!a) return nullptr;
        Places& places = read_[d];
        for (size_t f = 0; f < kFieldCount; ++f) {
            if (!(mask_ & field_bit(Field(f)))) continue;
            ctx_.index.field_words(d, *a, Field(f), [&](uint32_t position, std::string_view surface) {
                if (matches_pattern(surface, pattern_)) places[f].push_back(position);
            });
            std::sort(places[f].begin(), places[f].end()); // a byline's names come in their own order
        }
        return &places;
    }
    const Context& ctx_;
    std::string_view pattern_;
    FieldMask mask_;
    std::unordered_map<DocId, Places> read_;
    std::vector<uint32_t> term_places_;
};

// Members (term, weight): each document's score is the best weight * BM25F over the members it holds.
std::vector<Hit> expand(const Context& ctx, std::span<const std::pair<TermId, double>> members, FieldMask mask,
                        const PatternCheck* check = nullptr) {
    std::vector<Hit> all;
    std::vector<size_t> runs{0}; // each member's hits come in document order: runs to merge, not sort
    std::optional<PatternPlaces> places;
    for (auto [t, weight] : members) {
        if (check && std::binary_search(check->mixed.begin(), check->mixed.end(), t)) {
            if (!places) places.emplace(ctx, check->pattern, mask);
            const double idf = ctx.idf(t);
            for (PostingCursor c = ctx.index.postings(t); !c.at_end(); c.next()) {
                if (!(c.fields() & mask)) continue;
                const auto tf = places->frequencies(c);
                if (std::any_of(tf.begin(), tf.end(), [](uint32_t n) { return n > 0; }))
                    all.push_back({c.doc(), weight * ctx.score(c.doc(), tf, mask, idf)});
            }
        } else {
            TermMatcher m(ctx, t, mask);
            for (; m.doc != kNoDoc; m.next()) all.push_back({m.doc, weight * m.score()});
        }
        if (all.size() > runs.back()) runs.push_back(all.size());
    }
    auto by_doc_then_best = [](const Hit& a, const Hit& b) { return a.doc != b.doc ? a.doc < b.doc : a.score > b.score; };
    while (runs.size() > 2) { // merge neighbouring runs in pairs: n log(members), one run costs nothing
        std::vector<size_t> merged{0};
        for (size_t r = 0; r + 1 < runs.size(); r += 2) {
            const size_t end = runs[std::min(r + 2, runs.size() - 1)];
            std::inplace_merge(all.begin() + std::ptrdiff_t(runs[r]), all.begin() + std::ptrdiff_t(runs[r + 1]),
                               all.begin() + std::ptrdiff_t(end), by_doc_then_best);
            merged.push_back(end);
        }
        runs = std::move(merged);
    }
    all.erase(std::unique(all.begin(), all.end(), [](const Hit& a, const Hit& b) { return a.doc == b.doc; }), all.end());
    return all;
}

// Of `starts` (the places, ascending, in field `f` of `d`, of a phrase's first term, which stands
// at `first_offset` of the phrase), those where the article has the phrase's `stops` (offset,
// surface) in their places too. An article not at hand keeps them all (false).
bool keep_stopped(const Context& ctx, DocId d, Field f, uint32_t first_offset, std::span<const std::pair<uint32_t, std::string>> stops,
                  std::vector<uint32_t>& starts, std::vector<uint32_t>& found) {
    const Article* a = (*ctx.article)(d);
    if (!a) return false;
    found.assign(starts.size(), 0);
    ctx.index.field_words(d, *a, f, [&](uint32_t position, std::string_view surface) {
        for (const auto& [offset, stop] : stops) {
            if (uint64_t(position) + first_offset < offset || surface != stop) continue;
            const uint32_t start = position + first_offset - offset; // of the first term
            auto at = std::lower_bound(starts.begin(), starts.end(), start);
            if (at != starts.end() && *at == start) ++found[size_t(at - starts.begin())];
        }
    });
    size_t kept = 0;
    for (size_t i = 0; i < starts.size(); ++i)
        if (found[i] == stops.size()) starts[kept++] = starts[i];
    starts.resize(kept);
    return true;
}

// What names a phrase and the fields it is looked for in, for Index::checked_phrase(): its
// stopwords, its terms, and the words a last word being typed stands for (`last`), which change
// as the library does.
std::string phrase_key(const QueryNode& n, FieldMask mask, const Index& index, std::span<const TermId> last = {}) {
    std::string key = std::to_string(mask) + '|' + std::to_string(n.languages) + '|';
    for (size_t i = 0; i < n.stops.size() && i < n.stop_offsets.size(); ++i) key += std::to_string(n.stop_offsets[i]) + ' ' + n.stops[i] + '\x1E';
    key += '|';
    for (size_t i = 0; i < n.terms.size() && i < n.offsets.size(); ++i) key += std::to_string(n.offsets[i]) + ' ' + n.terms[i] + '\x1E';
    for (TermId t : last) (key += index.term(t)) += '\x1D';
    return key;
}

// A phrase: its terms at their offsets (and, with the articles at hand, its stopwords in their
// places: keep_stopped()). Each place holds one term, or for a last word being typed any of the
// words it begins (a "multi-phrase", as Lucene's MultiPhraseQuery): one walk, each article read
// once, whichever of the words it holds.
class PhraseMatcher final : public FindingMatcher<PhraseMatcher> {
    friend class FindingMatcher<PhraseMatcher>;
public:
    // `terms[i]`: the terms that may stand at offsets[i] (one, but for a last word being typed).
    PhraseMatcher(const Context& ctx, const std::vector<std::vector<TermId>>& terms, const QueryNode& n, FieldMask mask)
        : ctx_(ctx), offsets_(n.offsets), mask_(mask) {
        if (ctx.article && !n.stops.empty()) {
            for (size_t i = 0; i < n.stops.size() && i < n.stop_offsets.size(); ++i) stops_.emplace_back(n.stop_offsets[i], n.stops[i]);
            checked_ = ctx.index.checked_phrase(phrase_key(n, mask, ctx.index, n.prefix ? std::span(terms.back()) : std::span<const TermId>()));
        }
        // Lucene's PhraseQuery weighs a phrase by the sum of its terms' idf; a place of several
        // words counts as one word in all of their documents.
        for (size_t i = 0; i < terms.size(); ++i) {
            if (terms[i].size() == 1 && (i + 1 < terms.size() || !n.prefix)) {
                cursors_.push_back(ctx.index.postings(terms[i][0]));
                idf_ += ctx.idf(terms[i][0]);
                continue;
            }
            double df = 0.0; // the last place's words (n.prefix)
            for (TermId t : terms[i]) {
                last_.push_back(ctx.index.postings(t));
                df += ctx.index.doc_frequency(t);
            }
            idf_ += bm25_idf(ctx.n, std::min(ctx.n, df));
            if (last_.empty()) cursors_.clear(); // no word there: no match
        }
        bound = idf_;
        positions_.resize(terms.size());
        find(0);
    }
    double score() override { return ctx_.score(doc, tf_, mask_, idf_); }

private:
    // The first document >= target holding a term of `slot` (kNoDoc: none).
    static DocId seek_slot(std::vector<PostingCursor>& slot, DocId target) {
        DocId first = kNoDoc;
        for (auto& c : slot) {
            c.seek(target);
            first = std::min(first, c.doc());
        }
        return first;
    }
    // Moves to the first document >= target where the phrase occurs in a field of mask_.
    void find(DocId target) {
        if (target == kNoDoc || (cursors_.empty() && last_.empty())) { doc = kNoDoc; return; }
        DocId candidate = target;
        for (;;) {
            bool aligned = true;
            for (auto& c : cursors_) {
                c.seek(candidate);
                if (c.at_end()) { doc = kNoDoc; return; }
                if (c.doc() > candidate) { candidate = c.doc(); aligned = false; }
            }
            if (!last_.empty()) {
                const DocId d = seek_slot(last_, candidate);
                if (d == kNoDoc) { doc = kNoDoc; return; }
                if (d > candidate) { candidate = d; aligned = false; }
            }
            if (!aligned) continue;
            candidate_ = candidate;
            if (count_occurrences()) { doc = candidate; return; }
            if (candidate == kNoDoc - 1) { doc = kNoDoc; return; }
            ++candidate;
        }
    }
    bool count_occurrences() {
        if (checked_ && checked_->known(candidate_)) { // checked in the article before
            tf_ = checked_->counts(candidate_);
            return std::any_of(tf_.begin(), tf_.end(), [](uint32_t n) { return n > 0; });
        }
        tf_.fill(0);
        FieldMask common = mask_;
        for (const auto& c : cursors_) common &= c.fields();
        if (!last_.empty()) {
            FieldMask any_word = 0;
            for (const auto& c : last_)
                if (c.doc() == candidate_) any_word |= c.fields();
            common &= any_word;
        }
        bool any = false, unchecked = false;
        for (size_t f = 0; f < kFieldCount; ++f) {
            if (!(common & (1u << f))) continue;
            for (size_t i = 0; i < cursors_.size(); ++i) cursors_[i].positions(Field(f), positions_[i]);
            if (!last_.empty()) last_positions(Field(f));
            // The other terms in their places, the first standing at p.
            auto in_place = [&](uint32_t p) {
                for (size_t i = 1; i < positions_.size(); ++i)
                    if (!std::binary_search(positions_[i].begin(), positions_[i].end(), uint64_t(p) + offsets_[i] - offsets_[0])) return false;
                return true;
            };
            if (stops_.empty()) { // the occurrences, counted
                for (uint32_t p : positions_[0]) tf_[f] += in_place(p);
                any |= tf_[f] > 0;
                continue;
            }
            starts_.clear(); // the occurrences' places, to check their stopwords (one before p needs room)
            for (uint32_t p : positions_[0])
                if (p >= offsets_[0] && in_place(p)) starts_.push_back(p);
            if (!starts_.empty() && !keep_stopped(ctx_, candidate_, Field(f), offsets_[0], stops_, starts_, found_)) unchecked = true;
            tf_[f] = uint32_t(starts_.size());
            any |= !starts_.empty();
        }
        if (checked_ && !unchecked) checked_->add(candidate_, tf_);
        return any;
    }
    // The positions in field `f` of the candidate of the last place's words, into positions_.back(), ascending.
    void last_positions(Field f) {
        auto& out = positions_.back();
        out.clear();
        for (const auto& c : last_) {
            if (c.doc() != candidate_ || !(c.fields() & field_bit(f))) continue;
            c.positions(f, scratch_);
            out.insert(out.end(), scratch_.begin(), scratch_.end());
        }
        std::sort(out.begin(), out.end());
        out.erase(std::unique(out.begin(), out.end()), out.end());
    }
    const Context& ctx_;
    std::vector<PostingCursor> cursors_; // per place of a term, but a last word being typed
    std::vector<PostingCursor> last_;    // ... whose words these are
    std::vector<uint32_t> offsets_;
    std::vector<std::vector<uint32_t>> positions_;
    std::vector<uint32_t> scratch_;
    std::vector<std::pair<uint32_t, std::string>> stops_; // (offset, surface); none without the articles
    std::vector<uint32_t> starts_;
    std::vector<uint32_t> found_; // of each start, the stopwords found in place
    std::shared_ptr<Index::PhraseCounts> checked_; // the counts of documents checked before (Index::checked_phrase)
    DocId candidate_ = kNoDoc;
    std::array<uint32_t, kFieldCount> tf_{};
    FieldMask mask_;
    double idf_ = 0.0;
};

// A phrase of stopwords only ("The Who", "to be or not to be"): the index holds none of its
// words, so every live article of its languages is read (Index::field_words) for them, one after
// the other. Each article once: what was counted is kept (Index::checked_phrase). A text of ASCII
// alone that lacks one of the phrase's words, case aside, is passed over unread (such a text
// folds to its lower case, so the word would be in it). Without the articles, nothing matches.
class StopPhraseMatcher final : public FindingMatcher<StopPhraseMatcher> {
    friend class FindingMatcher<StopPhraseMatcher>;
public:
    StopPhraseMatcher(const Context& ctx, const QueryNode& n, FieldMask mask)
        : ctx_(ctx), mask_(mask & kTextFields), languages_(n.languages) {
        for (size_t i = 0; i < n.stops.size() && i < n.stop_offsets.size(); ++i) {
            auto at = std::find(distinct_.begin(), distinct_.end(), n.stops[i]);
            if (at == distinct_.end()) at = distinct_.insert(distinct_.end(), n.stops[i]);
            words_.emplace_back(n.stop_offsets[i], int(at - distinct_.begin()));
        }
        std::sort(words_.begin(), words_.end());
        // As common as a word can be: every article holds it (the ranking then goes by how often
        // and in how short a field).
        idf_ = bm25_idf(ctx.n, ctx.n);
        bound = idf_;
        if (ctx.article && !words_.empty() && words_[0].first == 0) {
            checked_ = ctx.index.checked_phrase(phrase_key(n, mask, ctx.index));
            find(0);
        } else {
            doc = kNoDoc;
        }
    }
    double score() override { return ctx_.score(doc, tf_, mask_, idf_); }

private:
    void find(DocId d) {
        const Index& ix = ctx_.index;
        for (; d < ix.id_limit(); ++d) {
            if (!ix.contains(d) || (languages_ && !(languages_ >> ix.language_slot(d) & 1))) continue;
            if (count(d)) {
                doc = d;
                return;
            }
        }
        doc = kNoDoc;
    }
    bool count(DocId d) {
        if (checked_->known(d)) {
            tf_ = checked_->counts(d);
        } else {
            const Article* a = (*ctx_.article)(d);
            if (!a) return false;
            tf_.fill(0);
            for (size_t f = 0; f < kFieldCount; ++f)
                if (mask_ & (1u << f)) tf_[f] = occurrences(d, *a, Field(f));
            checked_->add(d, tf_);
        }
        return std::any_of(tf_.begin(), tf_.end(), [](uint32_t n) { return n > 0; });
    }
    uint32_t occurrences(DocId d, const Article& a, Field f) {
        if (f != Field::Byline && lacks_ascii(field_text(a, f))) return 0;
        if (f == Field::Byline && std::all_of(a.byline.begin(), a.byline.end(), [&](const std::string& name) { return lacks_ascii(name); }))
            return 0;
        text_.clear();
        ctx_.index.field_words(d, a, f, [&](uint32_t position, std::string_view surface) {
            auto at = std::find(distinct_.begin(), distinct_.end(), surface);
            text_.emplace_back(position, at == distinct_.end() ? -1 : int(at - distinct_.begin()));
        });
        uint32_t n = 0;
        for (size_t i = 0; i < text_.size(); ++i) {
            if (text_[i].second != words_[0].second) continue;
            bool all = true;
            for (size_t k = 1; k < words_.size() && all; ++k) {
                const uint64_t want = uint64_t(text_[i].first) + words_[k].first;
                auto at = std::lower_bound(text_.begin() + std::ptrdiff_t(i), text_.end(), want,
                                           [](const auto& w, uint64_t p) { return w.first < p; });
                all = at != text_.end() && at->first == want && at->second == words_[k].second;
            }
            n += all;
        }
        return n;
    }
    // True when `text` is ASCII alone and one of the phrase's words (folded) is not in it. An
    // ASCII word folds to its lower case without the dots inside it ("a.m." is "am"): the words
    // are looked for so, case and dots aside.
    bool lacks_ascii(std::string_view text) const {
        if (std::any_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; })) return false;
        auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c; };
        auto holds = [&](const std::string& word) {
            for (size_t i = 0; i < text.size(); ++i) {
                size_t k = 0;
                for (size_t j = i; j < text.size() && k < word.size(); ++j) {
                    const char c = lower(text[j]);
                    if (c == word[k]) ++k;
                    else if (c != '.' || k == 0) break;
                }
                if (k == word.size()) return true;
            }
            return false;
        };
        return !std::all_of(distinct_.begin(), distinct_.end(), holds);
    }
    const Context& ctx_;
    FieldMask mask_;
    uint32_t languages_;
    std::vector<std::string> distinct_;           // the phrase's words, each once
    std::vector<std::pair<uint32_t, int>> words_; // (place, which of distinct_), by place
    std::vector<std::pair<uint32_t, int>> text_;  // a field's words: (position, which of distinct_ or -1), scratch
    std::shared_ptr<Index::PhraseCounts> checked_;
    std::array<uint32_t, kFieldCount> tf_{};
    double idf_ = 0.0;
};

// One of the phrases (a word is a phrase of one term) that stands for a part of a NEAR group.
struct NearPhrase {
    std::vector<TermId> terms;
    std::vector<uint32_t> offsets;                        // of each term in the phrase (QueryNode::offsets)
    std::vector<std::pair<uint32_t, std::string>> stops; // (offset, surface), checked with the articles at hand
    uint32_t length = 1;                                  // places it takes, its stopwords' included
    bool operator==(const NearPhrase&) const = default;
};

// A NEAR group ("oil prices"~5, oil NEAR/3 "sea wall"): each part, any of its phrases, in one
// field, in any order, with at most `within` other words (stopwords count) between them
// (NearSweep). A match's frequency is the number of such sets that share no occurrence; it is
// weighed by the sum of the parts' idf, as Lucene weighs a sloppy phrase. No place serves two
// parts: a part given n times ("oil oil"~3) needs n occurrences, and oil NEAR "crude oil" another
// oil.
class NearMatcher final : public FindingMatcher<NearMatcher> {
    friend class FindingMatcher<NearMatcher>;
public:
    NearMatcher(const Context& ctx, std::vector<std::vector<NearPhrase>> parts, uint32_t within, FieldMask mask)
        : ctx_(ctx), within_(within), mask_(mask) {
        for (auto& phrases : parts) {
            auto same = std::find_if(parts_.begin(), parts_.end(), [&](const Part& p) {
                return std::equal(p.alts.begin(), p.alts.end(), phrases.begin(), phrases.end(),
                                  [](const Alt& a, const NearPhrase& b) { return a.phrase == b; });
            });
            if (same != parts_.end() && !phrases.empty()) {
                ++same->times;
                continue;
            }
            Part part;
            // One phrase weighs the sum of its terms' idf (PhraseMatcher's); several, one word in
            // all of their documents (a MultiPhraseQuery's place; a phrase's are at most its
            // rarest term's).
            double df = 0.0;
            for (auto& p : phrases) {
                Alt alt;
                uint32_t rarest = UINT32_MAX;
                for (TermId t : p.terms) {
                    alt.cursors.push_back(ctx.index.postings(t));
                    rarest = std::min(rarest, ctx.index.doc_frequency(t));
                    if (phrases.size() == 1) part.idf += ctx.idf(t);
                }
                df += rarest;
                alt.phrase = std::move(p);
                part.alts.push_back(std::move(alt));
            }
            if (part.alts.size() > 1) part.idf = bm25_idf(ctx.n, std::min(ctx.n, df));
            if (part.alts.empty()) empty_ = true;
            for (uint32_t i = 0; i < part.alts.size(); ++i)
                if (align_alt(part.alts[i], 0) != kNoDoc) part.heap.push_back(i);
            std::make_heap(part.heap.begin(), part.heap.end(), Later{part.alts});
            parts_.push_back(std::move(part));
        }
        for (const Part& part : parts_) {
            idf_ += part.times * part.idf;
            times_.push_back(part.times);
        }
        bound = idf_;
        find(0);
    }
    double score() override { return ctx_.score(doc, tf_, mask_, idf_); }

private:
    struct Alt {
        NearPhrase phrase;
        std::vector<PostingCursor> cursors;
        DocId doc = kNoDoc; // the first document >= the last target holding all its terms
    };
    struct Part {
        std::vector<Alt> alts;
        // The alts not at their end, first document first (a heap): a prefix's thousands of
        // words are not each looked at for every candidate.
        std::vector<uint32_t> heap;
        uint32_t times = 1; // given this many times: needs as many occurrences
        double idf = 0.0;
    };
    struct Later { // the heap's order
        const std::vector<Alt>& alts;
        bool operator()(uint32_t a, uint32_t b) const { return alts[a].doc > alts[b].doc; }
    };
    // The first document >= target holding all of the phrase's terms.
    static DocId align_alt(Alt& a, DocId target) {
        DocId candidate = target;
        for (bool aligned = false; !aligned;) {
            aligned = true;
            for (auto& c : a.cursors) {
                c.seek(candidate);
                if (c.at_end()) return a.doc = kNoDoc;
                if (c.doc() > candidate) candidate = c.doc(), aligned = false;
            }
        }
        return a.doc = candidate;
    }
    // The first document >= target holding one of the part's phrases' terms.
    static DocId seek_part(Part& p, DocId target) {
        if (p.heap.size() == 1) { // one phrase (a word): no heap to keep
            Alt& a = p.alts[p.heap[0]];
            if (a.doc < target && align_alt(a, target) == kNoDoc) p.heap.clear();
            return p.heap.empty() ? kNoDoc : a.doc;
        }
        const Later later{p.alts};
        while (!p.heap.empty() && p.alts[p.heap.front()].doc < target) {
            std::pop_heap(p.heap.begin(), p.heap.end(), later);
            if (align_alt(p.alts[p.heap.back()], target) == kNoDoc) p.heap.pop_back();
            else std::push_heap(p.heap.begin(), p.heap.end(), later);
        }
        return p.heap.empty() ? kNoDoc : p.alts[p.heap.front()].doc;
    }
    // The alts of `p` on `d`, its first document (seek_part(p, d) was d), into `at`.
    void alts_on(const Part& p, DocId d, std::vector<uint32_t>& at) {
        at.clear();
        if (p.heap.size() == 1) {
            if (p.alts[p.heap[0]].doc == d) at.push_back(p.heap[0]);
            return;
        }
        stack_.assign(1, 0);
        while (!stack_.empty()) {
            const size_t j = stack_.back();
            stack_.pop_back();
            if (j >= p.heap.size() || p.alts[p.heap[j]].doc != d) continue; // below it: later ones
            at.push_back(p.heap[j]);
            stack_.push_back(2 * j + 1);
            stack_.push_back(2 * j + 2);
        }
    }
    void find(DocId target) {
        if (empty_ || parts_.empty() || target == kNoDoc) { doc = kNoDoc; return; }
        DocId candidate = target;
        for (;;) {
            bool aligned = true;
            for (auto& part : parts_) {
                const DocId first = seek_part(part, candidate);
                if (first == kNoDoc) { doc = kNoDoc; return; }
                if (first > candidate) { candidate = first; aligned = false; }
            }
            if (!aligned) continue;
            if (near_in(candidate)) { doc = candidate; return; }
            if (candidate == kNoDoc - 1) { doc = kNoDoc; return; }
            ++candidate;
        }
    }
    // Counts into tf_ the groups near enough in each field of `d`; whether there is one.
    bool near_in(DocId d) {
        tf_.fill(0);
        bool any = false;
        on_.resize(parts_.size());
        for (size_t k = 0; k < parts_.size(); ++k) alts_on(parts_[k], d, on_[k]);
        for (size_t f = 0; f < kFieldCount; ++f) {
            if (!(mask_ & (1u << f))) continue;
            occurrences_.clear();
            bool every_part = true;
            for (uint32_t k = 0; k < parts_.size() && every_part; ++k) {
                const size_t before = occurrences_.size();
                for (uint32_t i : on_[k]) add_occurrences(parts_[k].alts[i], d, Field(f), k);
                every_part = occurrences_.size() >= before + parts_[k].times;
            }
            if (!every_part) continue;
            tf_[f] = sweep_.run(occurrences_, times_, within_, [](auto) {});
            any |= tf_[f] > 0;
        }
        return any;
    }
    // The places of `alt`'s phrase in field `f` of `d` (its stopwords checked when the articles
    // are at hand), as occurrences of part `k`.
    void add_occurrences(const Alt& alt, DocId d, Field f, uint32_t k) {
        for (const auto& c : alt.cursors)
            if (!(c.fields() & field_bit(f))) return;
        const NearPhrase& p = alt.phrase;
        positions_.resize(std::max(positions_.size(), alt.cursors.size()));
        for (size_t i = 0; i < alt.cursors.size(); ++i) alt.cursors[i].positions(f, positions_[i]);
        starts_.clear();
        for (uint32_t pos : positions_[0]) {
            if (pos < p.offsets[0]) continue; // no room for the stopwords before it
            bool in_place = true;
            for (size_t i = 1; i < alt.cursors.size() && in_place; ++i)
                in_place = std::binary_search(positions_[i].begin(), positions_[i].end(), uint64_t(pos) + p.offsets[i] - p.offsets[0]);
            if (in_place) starts_.push_back(pos);
        }
        if (!starts_.empty() && !p.stops.empty() && ctx_.article) keep_stopped(ctx_, d, f, p.offsets[0], p.stops, starts_, found_);
        for (uint32_t pos : starts_) {
            const uint32_t start = pos - p.offsets[0];
            occurrences_.push_back({start, start + p.length - 1, k, 0});
        }
    }
    const Context& ctx_;
    std::vector<Part> parts_;
    uint32_t within_;
    FieldMask mask_;
    bool empty_ = false; // a part with no phrase: nothing matches
    double idf_ = 0.0;
    std::array<uint32_t, kFieldCount> tf_{};
    std::vector<uint32_t> times_; // of each part
    std::vector<std::vector<uint32_t>> on_; // of each part, the alts on the candidate (alts_on())
    std::vector<size_t> stack_;
    std::vector<NearOccurrence> occurrences_;
    NearSweep sweep_;
    std::vector<std::vector<uint32_t>> positions_;
    std::vector<uint32_t> starts_, found_;
};

class AndMatcher final : public Matcher {
public:
    AndMatcher(std::vector<MatcherPtr> required, std::vector<MatcherPtr> excluded)
        : required_(std::move(required)), excluded_(std::move(excluded)) {
        for (const auto& m : required_) bound += m->bound;
        align();
    }
    void next() override {
        if (doc == kNoDoc) return;
        required_[0]->next();
        align();
    }
    void seek(DocId target) override {
        if (doc != kNoDoc && doc >= target) return;
        required_[0]->seek(target);
        align();
    }
    double score() override {
        double s = 0.0;
        for (auto& m : required_) s += m->score();
        return s;
    }

private:
    void align() {
        for (;;) {
            DocId candidate = required_[0]->doc;
            bool aligned = true;
            for (auto& m : required_) {
                if (candidate == kNoDoc) break;
                m->seek(candidate);
                if (m->doc != candidate) { candidate = m->doc; aligned = false; break; }
            }
            if (candidate == kNoDoc) { doc = kNoDoc; return; }
            if (!aligned) { required_[0]->seek(candidate); continue; }
            bool excluded = false;
            for (auto& m : excluded_) {
                m->seek(candidate);
                if (m->doc == candidate) { excluded = true; break; }
            }
            if (!excluded) { doc = candidate; return; }
            required_[0]->next();
        }
    }
    std::vector<MatcherPtr> required_, excluded_;
};

class OrMatcher final : public Matcher {
public:
    explicit OrMatcher(std::vector<MatcherPtr> children) : children_(std::move(children)) {
        for (const auto& m : children_) bound += m->bound;
        settle();
    }
    void next() override {
        for (auto& m : children_)
            if (m->doc == doc) m->next();
        settle();
    }
    void seek(DocId target) override {
        for (auto& m : children_) m->seek(target);
        settle();
    }
    double score() override {
        double s = 0.0;
        for (auto& m : children_)
            if (m->doc == doc) s += m->score();
        return s;
    }
    std::vector<MatcherPtr>& children() { return children_; }

private:
    void settle() {
        doc = kNoDoc;
        for (const auto& m : children_) doc = std::min(doc, m->doc);
    }
    std::vector<MatcherPtr> children_;
};

// Live documents passing a filter, scored 0 (ALL, dates, sources).
// The live documents, or only those dated in [from, to] (by_date), or only those of the language
// slots in `languages` (a QueryNode::languages mask; 0: any), or of the sources in `sources`.
class FilterMatcher final : public FindingMatcher<FilterMatcher> {
    friend class FindingMatcher<FilterMatcher>;
public:
    FilterMatcher(const Index& ix, uint32_t from, uint32_t to, bool by_date, uint32_t languages = 0,
                  std::vector<uint8_t> sources = {})
        : ix_(ix), from_(from), to_(to), by_date_(by_date), languages_(languages), sources_(std::move(sources)) {
        find(0);
    }
    double score() override { return 0.0; }

private:
    void find(DocId d) {
        for (; d < ix_.id_limit(); ++d) {
            if (!ix_.contains(d)) continue;
            // Dated in [from, to]; from = to = 0 (date:none) is the undated.
            if (by_date_ && (ix_.date(d) < from_ || ix_.date(d) > to_ || (ix_.date(d) == 0) != (to_ == 0))) continue;
            if (languages_ && !(languages_ >> ix_.language_slot(d) & 1)) continue;
            if (!sources_.empty() && !(ix_.source_id(d) < sources_.size() && sources_[ix_.source_id(d)])) continue;
            doc = d;
            return;
        }
        doc = kNoDoc;
    }
    const Index& ix_;
    uint32_t from_, to_;
    bool by_date_;
    uint32_t languages_;
    std::vector<uint8_t> sources_; // by source id, those wanted (sources_named()); empty: any
};

class NothingMatcher final : public Matcher {
public:
    void next() override {}
    double score() override { return 0.0; }
};

// ------------------------------------------------------------------------------------------------
// [SECTION] Building the tree from a Query
// ------------------------------------------------------------------------------------------------

struct Builder {
    const Context& ctx;
    const Query& q;
    MatchSet* matched; // null: do not collect
    std::vector<QueryMessage>* messages = nullptr; // what the search says (null: nothing)
    std::vector<std::pair<TermId, FieldMask>> matched_terms = {}; // finish() puts their text in matched->terms
    std::vector<std::pair<TermId, std::string_view>> near_terms = {}; // ... and these (by a surface) in matched->near,
    std::vector<TermId> exact_terms = {};   // ... unless a query word matched them as they are
    // The last members() of a pattern: its terms that stand for words it does not match too,
    // ascending (with the articles at hand: they are checked there; PatternCheck).
    std::vector<TermId> mixed = {};

    void collect_term(TermId t, FieldMask fields, bool exact = true) {
        if (!matched) return;
        matched_terms.emplace_back(t, fields);
        if (exact) exact_terms.push_back(t);
    }

    // The matched terms' text, sorted and unique, into the MatchSet: sorted as views, copied once
    // (a short prefix matches hundreds of terms).
    void finish() {
        if (!matched) return;
        std::sort(exact_terms.begin(), exact_terms.end());
        for (const auto& [t, surface] : near_terms) // as a person reads them: a word, not a stem
            if (!std::binary_search(exact_terms.begin(), exact_terms.end(), t)) matched->near.emplace_back(surface);
        std::sort(matched->near.begin(), matched->near.end());
        matched->near.erase(std::unique(matched->near.begin(), matched->near.end()), matched->near.end());
        if (matched_terms.size() == 1 && matched->terms.empty()) { // one word
            matched->terms.emplace_back(ctx.index.term(matched_terms[0].first));
            matched->term_fields.push_back(matched_terms[0].second);
            return;
        }
        if (!std::is_sorted(matched_terms.begin(), matched_terms.end())) // one prefix's are
            std::sort(matched_terms.begin(), matched_terms.end());
        // One entry per term, in every field it was asked in (wheat title:wheat).
        size_t kept = 0;
        for (size_t i = 0; i < matched_terms.size(); ++i) {
            if (kept > 0 && matched_terms[kept - 1].first == matched_terms[i].first) matched_terms[kept - 1].second |= matched_terms[i].second;
            else matched_terms[kept++] = matched_terms[i];
        }
        matched_terms.resize(kept);
        // Sorted by the 8 bytes after the start they all share (a prefix's words share it) as one
        // number, then whole: text order, with a string compare only where those 8 bytes tie
        // (unique already: a term's text has one id, Index::intern).
        struct Text {
            uint64_t key;
            std::string_view text;
            FieldMask fields;
            bool operator<(const Text& o) const { return key != o.key ? key < o.key : text < o.text; }
        };
        std::vector<Text> text;
        text.reserve(matched_terms.size());
        for (const auto& [t, fields] : matched_terms) text.push_back({0, ctx.index.term(t), fields});
        size_t shared = text.empty() ? 0 : text[0].text.size();
        for (const Text& t : text)
            shared = size_t(std::mismatch(t.text.begin(), t.text.begin() + std::ptrdiff_t(std::min(shared, t.text.size())), text[0].text.begin()).first - t.text.begin());
        for (Text& t : text) t.key = first_bytes_after(t.text, shared);
        std::sort(text.begin(), text.end());
        // Terms already there (one word's, run_by_relevance) count in every field.
        matched->term_fields.resize(matched->terms.size(), kTextFields);
        matched->terms.reserve(matched->terms.size() + text.size());
        matched->term_fields.reserve(matched->terms.size() + text.size());
        for (const Text& t : text) {
            matched->terms.emplace_back(t.text);
            matched->term_fields.push_back(t.fields);
        }
    }

    // The 8 bytes of `text` from `at` on (zeros past its end) as a big-endian number: numbers in
    // the order of the texts' bytes there, a shorter text first on a tie of what it has.
    static uint64_t first_bytes_after(std::string_view text, size_t at) {
        uint64_t key = 0;
        for (size_t i = 0; i < 8; ++i) key = key << 8 | (at + i < text.size() ? uint8_t(text[at + i]) : 0u);
        return key;
    }

    // The terms a prefix or typo query word stands for, ascending, each with its weight.
    // `itself_free`: the word as typed does not count against the budget of postings, and the
    // most frequent other word always does (a phrase's last word: "the b" is "b" and "bank").
    // `listed`: the near spellings a typo word matches go to matched->near even when `negated`
    // keeps its terms out of matched->terms (a NEAR's parts, which are marked as groups).
    std::vector<std::pair<TermId, double>> members(const QueryNode& n, bool negated, bool itself_free = false, bool listed = false) {
        std::vector<std::pair<TermId, double>> members;
        std::optional<TermId> own; // a typo word's own term (the others are near spellings)
        mixed.clear();
        if (n.op == QueryOp::Prefix) {
            std::vector<TermId> ids;
            // A pattern's words are checked as written in the articles, up to kPatternArticlesRead
            // of them (kAsYouTypeArticlesRead as it is typed: each letter reads them again).
            if (n.pattern) ctx.index.terms_matching(n.terms[0], ids, ctx.article ? &mixed : nullptr);
            else ctx.index.terms_with_prefix(n.terms[0], ids);
            // The word as typed, if it is one, always counts ("man" among "many", "manager"...):
            // it goes first, before the most frequent words.
            std::optional<TermId> exact;
            if ((n.max_expansions || n.max_postings) && !n.pattern) exact = ctx.index.term_of_surface(n.terms[0]);
            // So do the words a pattern being typed matches as it stands ("m?n" is "man", "mon"...
            // before "many", "month"): the pattern without the '*' typing gave it.
            std::vector<TermId> whole;
            if ((n.max_expansions || n.max_postings) && n.pattern && n.terms[0].ends_with('*')) {
                const std::string_view typed = std::string_view(n.terms[0]).substr(0, n.terms[0].size() - 1);
                if (typed.find_first_not_of("*?") != std::string_view::npos) ctx.index.terms_matching(typed, whole);
            }
            auto first = [&](TermId t) { return exact ? t == *exact : std::binary_search(whole.begin(), whole.end(), t); };
            auto more_frequent = [&](TermId a, TermId b) {
                if (first(a) != first(b)) return first(a);
                uint32_t fa = ctx.index.doc_frequency(a), fb = ctx.index.doc_frequency(b);
                return fa != fb ? fa > fb : a < b;
            };
            if (n.max_expansions && ids.size() > n.max_expansions) { // the most frequent words
                std::nth_element(ids.begin(), ids.begin() + n.max_expansions, ids.end(), more_frequent);
                ids.resize(n.max_expansions);
            }
            if (n.max_postings) { // ... while their postings stay within the budget
                std::sort(ids.begin(), ids.end(), more_frequent);
                uint64_t postings = 0;
                size_t keep = 0, counted = 0;
                for (; keep < ids.size(); ++keep) {
                    if ((itself_free && ids[keep] == exact) || (!whole.empty() && first(ids[keep]))) continue;
                    postings += ctx.index.doc_frequency(ids[keep]);
                    if (counted++ > 0 && postings > n.max_postings) break;
                }
                ids.resize(keep);
            }
            std::sort(ids.begin(), ids.end());
            std::erase_if(mixed, [&](TermId t) { return !std::binary_search(ids.begin(), ids.end(), t); }); // cut as you type
            const uint64_t most = n.max_expansions || n.max_postings ? kAsYouTypeArticlesRead : kPatternArticlesRead;
            uint64_t to_read = 0; // the articles that hold any of those terms
            for (TermId t : mixed) to_read += ctx.index.doc_frequency(t);
            if (to_read > most && mixed.size() > 1) {
                std::vector<bool> held(ctx.index.id_limit());
                to_read = 0;
                for (TermId t : mixed)
                    for (PostingCursor c = ctx.index.postings(t); !c.at_end() && to_read <= most; c.next())
                        if (!held[c.doc()]) held[c.doc()] = true, ++to_read;
            }
            if (to_read > most) {
                mixed.clear();
                if (!negated && messages && most == kPatternArticlesRead)
                    messages->push_back({n.source.begin, n.terms[0] + ": its words are in too many articles to check each as written (" +
                                                             std::to_string(kPatternArticlesRead) + " at most); their other forms match too"});
            }
            members.reserve(ids.size());
            // As you type, a longer word the letters only begin counts for the share of it typed
            // ("war" is 3/10 of "warrington"), so that the word itself and the words nearly typed
            // rank above long completions that happen to fill a title. Written with '*', every
            // completion counts in full.
            const bool typing = (n.max_expansions || n.max_postings) && !n.pattern; // a pattern's words count in full
            const double typed = double(text::code_points(n.terms[0]));
            for (TermId t : ids) {
                double weight = 1.0;
                if (typing && t != exact)
                    weight = std::min(1.0, typed / double(std::max<size_t>(1, text::code_points(term_shown(ctx.index.term(t))))));
                members.emplace_back(t, weight);
            }
        } else { // Fuzzy
            if (n.terms.size() > 1 && !n.terms[1].empty()) own = ctx.index.find(n.terms[1]);
            // Tolerance as you type is for words the library does not hold: a word it holds is
            // meant as written ("wheat", not "heat"), in whichever language it holds it.
            if (n.only_if_unknown) {
                // Held where the word is searched: "oesterreich" only in a source's address
                // ("jagd-oesterreich.at") is no word of the text, and its near spellings count.
                auto held_here = [&](TermId t) {
                    for (PostingCursor c = ctx.index.postings(t); !c.at_end(); c.next())
                        if (c.fields() & n.fields) return true;
                    return false;
                };
                std::vector<TermId> held;
                ctx.index.terms_of_surface(n.terms[0], held);
                std::erase_if(held, [&](TermId t) { return !held_here(t); });
                if (own && held_here(*own) && !std::binary_search(held.begin(), held.end(), *own))
                    held.insert(std::upper_bound(held.begin(), held.end(), *own), *own);
                if (!held.empty()) {
                    for (TermId t : held) {
                        members.emplace_back(t, 1.0);
                        if (!negated) collect_term(t, n.fields);
                    }
                    return members;
                }
            }
            std::vector<Index::NearTerm> near;
            ctx.index.terms_near(n.terms[0], n.max_edits, near);
            const size_t query_len = text::code_points(n.terms[0]);
            for (const auto& m : near) {
                // Lucene's FuzzyQuery weighs a variant 1 - edits / min(length of either word).
                const size_t len = text::code_points(ctx.index.term(m.term));
                double shortest = double(std::max<size_t>(1, std::min(len, query_len)));
                double weight = m.edits == 0 ? 1.0 : std::max(0.0, 1.0 - double(m.edits) / shortest);
                members.emplace_back(m.term, weight);
            }
            if (matched && (!negated || listed))
                for (const auto& m : near)
                    if (m.edits > 0 && m.term != own &&
                        std::none_of(near.begin(), near.end(), [&](const auto& x) { return x.term == m.term && x.edits == 0; }))
                        near_terms.emplace_back(m.term, m.surface);
            if (own) members.emplace_back(*own, 1.0);
            std::sort(members.begin(), members.end(), [](const auto& a, const auto& b) {
                return a.first != b.first ? a.first < b.first : a.second > b.second;
            });
            members.erase(std::unique(members.begin(), members.end(),
                                      [](const auto& a, const auto& b) { return a.first == b.first; }),
                          members.end());
            // Every spelling scores with the document frequency of the commonest, as Lucene's
            // FuzzyQuery blends them (TopTermsBlendedFreqScoringRewrite): a rare word one letter
            // off ("nil", "<OI>" for oil~1; a misprint of "government") is no better a match for
            // being rare, which its own idf would make it, above the word meant.
            uint32_t commonest = 0;
            for (const auto& m : members) commonest = std::max(commonest, ctx.index.doc_frequency(m.first));
            const double blended = bm25_idf(ctx.n, double(commonest));
            for (auto& m : members)
                if (const double idf = ctx.idf(m.first); idf > 0.0) m.second *= std::min(1.0, blended / idf);
        }
        if (!negated) {
            if (matched) {
                matched_terms.reserve(matched_terms.size() + members.size());
                exact_terms.reserve(exact_terms.size() + members.size());
            }
            for (const auto& m : members)
                if (!std::binary_search(mixed.begin(), mixed.end(), m.first)) collect_term(m.first, n.fields, n.op != QueryOp::Fuzzy || m.first == own);
            if (matched && !mixed.empty()) { // marked where the word as written matches
                MatchSet::Pattern p{n.terms[0], {}, n.fields};
                for (TermId t : mixed) p.terms.emplace_back(ctx.index.term(t));
                std::sort(p.terms.begin(), p.terms.end());
                matched->patterns.push_back(std::move(p));
            }
        }
        return members;
    }

    // An AND of plain words as term matchers in the query's order; nullopt for any other node
    // (or when a word is not in the index: the generic tree matches nothing quicker).
    std::optional<std::vector<TermMatcher>> all_terms(const QueryNode& n) {
        if (n.op != QueryOp::And || n.children.size() < 2) return std::nullopt;
        std::vector<TermId> ids;
        for (uint32_t c : n.children) {
            const QueryNode& child = q.nodes[c];
            if (child.op != QueryOp::Term || child.fields != q.nodes[n.children[0]].fields) return std::nullopt;
            auto t = ctx.index.find(child.terms[0]);
            if (!t) return std::nullopt;
            ids.push_back(*t);
        }
        std::vector<TermMatcher> terms;
        terms.reserve(ids.size());
        for (size_t i = 0; i < ids.size(); ++i) {
            collect_term(ids[i], q.nodes[n.children[i]].fields);
            terms.emplace_back(ctx, ids[i], q.nodes[n.children[i]].fields);
        }
        return terms;
    }

    // A phrase whose last word is being typed: any of the words it begins (a Prefix node's
    // members, the most frequent first) in the last place. What is marked is the phrase of each,
    // not every occurrence of the words.
    MatcherPtr prefix_phrase(const QueryNode& n, bool negated) {
        std::vector<std::vector<TermId>> ids;
        for (size_t k = 0; k + 1 < n.terms.size(); ++k) {
            auto t = ctx.index.find(n.terms[k]);
            if (!t) return std::make_unique<NothingMatcher>();
            ids.push_back({*t});
        }
        ids.push_back(typed_words(n));
        QueryNode one = n;
        one.prefix = false;
        for (TermId t : ids.back()) {
            one.terms.back() = ctx.index.term(t);
            if (!negated && matched) matched->phrases.push_back({one.terms, one.offsets, one.stops, one.stop_offsets, n.fields});
        }
        if (ids.back().empty()) return std::make_unique<NothingMatcher>();
        return std::make_unique<PhraseMatcher>(ctx, ids, n, n.fields);
    }

    // The words the last word of phrase `n`, being typed (QueryNode::prefix), stands for: a
    // Prefix node's members, the word itself free of the budget.
    std::vector<TermId> typed_words(const QueryNode& n) {
        QueryNode last;
        last.op = QueryOp::Prefix;
        last.terms = {n.terms.back()};
        last.max_expansions = n.max_expansions;
        last.max_postings = n.max_postings;
        std::vector<TermId> ids;
        for (const auto& member : members(last, true, true)) ids.push_back(member.first);
        return ids;
    }

    // The phrases that stand for part `i` of a NEAR group (a word is a phrase of one term) into
    // `out`, and as the reader marks them into `shown`.
    // `negated`: the NEAR is under a NOT (its typo parts' near spellings are not listed).
    void near_phrases(uint32_t i, std::vector<NearPhrase>& out, std::vector<MatchSet::Phrase>& shown, bool negated) {
        const QueryNode& n = q.nodes[i];
        auto one_term = [&](TermId t) {
            out.push_back({{t}, {0}, {}, 1});
            shown.push_back({{std::string(ctx.index.term(t))}, {0}, {}, {}});
        };
        switch (n.op) {
        case QueryOp::Term:
            if (auto t = ctx.index.find(n.terms[0])) one_term(*t);
            return;
        case QueryOp::Prefix:
        case QueryOp::Fuzzy:
            for (const auto& member : members(n, true, false, !negated)) one_term(member.first);
            return;
        case QueryOp::Phrase: {
            if (n.terms.empty()) return; // stopwords only: the parser leaves such out
            NearPhrase p;
            p.offsets = n.offsets;
            if (ctx.article)
                for (size_t k = 0; k < n.stops.size() && k < n.stop_offsets.size(); ++k) p.stops.emplace_back(n.stop_offsets[k], n.stops[k]);
            for (uint32_t o : n.offsets) p.length = std::max(p.length, o + 1);
            for (uint32_t o : n.stop_offsets) p.length = std::max(p.length, o + 1);
            for (size_t k = 0; k + (n.prefix ? 1 : 0) < n.terms.size(); ++k) {
                auto t = ctx.index.find(n.terms[k]);
                if (!t) return;
                p.terms.push_back(*t);
            }
            auto add = [&] {
                MatchSet::Phrase marked{{}, n.offsets, n.stops, n.stop_offsets};
                for (TermId id : p.terms) marked.terms.emplace_back(ctx.index.term(id));
                shown.push_back(std::move(marked));
                out.push_back(p);
            };
            if (!n.prefix) {
                add();
                return;
            }
            for (TermId t : typed_words(n)) { // a last word being typed: a phrase for each word it begins
                p.terms.push_back(t);
                add();
                p.terms.pop_back();
            }
            return;
        }
        case QueryOp::Or:
            for (uint32_t c : n.children) near_phrases(c, out, shown, negated);
            return;
        default: return; // the parser puts nothing else in a NEAR
        }
    }

    MatcherPtr build(uint32_t i, bool negated) {
        const QueryNode& n = q.nodes[i];
        switch (n.op) {
        case QueryOp::Near: {
            std::vector<std::vector<NearPhrase>> parts(n.children.size());
            MatchSet::Near shown{std::vector<std::vector<MatchSet::Phrase>>(n.children.size()), n.within, n.fields};
            for (size_t k = 0; k < n.children.size(); ++k) near_phrases(n.children[k], parts[k], shown.parts[k], negated);
            if (!negated && matched) matched->nears.push_back(std::move(shown));
            return std::make_unique<NearMatcher>(ctx, std::move(parts), n.within, n.fields);
        }
        case QueryOp::Term: {
            auto t = ctx.index.find(n.terms[0]);
            if (!t) return std::make_unique<NothingMatcher>();
            if (!negated) collect_term(*t, n.fields);
            return std::make_unique<TermMatcher>(ctx, *t, n.fields);
        }
        case QueryOp::Phrase: {
            if (n.terms.empty()) { // stopwords only
                if (!negated && matched) matched->phrases.push_back({n.terms, n.offsets, n.stops, n.stop_offsets, n.fields});
                return std::make_unique<StopPhraseMatcher>(ctx, n, n.fields);
            }
            if (n.prefix) return prefix_phrase(n, negated);
            std::vector<std::vector<TermId>> ids;
            for (const auto& term : n.terms) {
                auto t = ctx.index.find(term);
                if (!t) return std::make_unique<NothingMatcher>();
                ids.push_back({*t});
            }
            if (!negated && matched) matched->phrases.push_back({n.terms, n.offsets, n.stops, n.stop_offsets, n.fields});
            return std::make_unique<PhraseMatcher>(ctx, ids, n, n.fields);
        }
        case QueryOp::Prefix:
        case QueryOp::Fuzzy: {
            const auto m = members(n, negated);
            const PatternCheck check{n.terms[0], mixed};
            return std::make_unique<ListMatcher>(expand(ctx, m, n.fields, n.pattern && !mixed.empty() ? &check : nullptr));
        }
        case QueryOp::Date:
            return std::make_unique<FilterMatcher>(ctx.index, n.date_from, n.date_to, true);
        case QueryOp::Source: {
            std::vector<uint8_t> meant = sources_named(ctx.index, n.terms[0], n.prefix);
            if (std::find(meant.begin(), meant.end(), 1) == meant.end()) return std::make_unique<NothingMatcher>();
            return std::make_unique<FilterMatcher>(ctx.index, 0, 0, false, 0, std::move(meant));
        }
        case QueryOp::All: // of some languages' documents, or of all
            return std::make_unique<FilterMatcher>(ctx.index, 0, 0, false, n.languages);
        case QueryOp::Not: {
            std::vector<MatcherPtr> req, exc;
            req.push_back(std::make_unique<FilterMatcher>(ctx.index, 0, 0, false));
            exc.push_back(build(n.children[0], !negated));
            return std::make_unique<AndMatcher>(std::move(req), std::move(exc));
        }
        case QueryOp::And: {
            std::vector<MatcherPtr> req, exc;
            for (uint32_t c : n.children) {
                const QueryNode& child = q.nodes[c];
                if (child.op == QueryOp::Not) exc.push_back(build(child.children[0], !negated));
                else req.push_back(build(c, negated));
            }
            if (req.empty()) req.push_back(std::make_unique<FilterMatcher>(ctx.index, 0, 0, false));
            return std::make_unique<AndMatcher>(std::move(req), std::move(exc));
        }
        case QueryOp::Or: {
            std::vector<MatcherPtr> kids;
            for (uint32_t c : n.children) kids.push_back(build(c, negated));
            return std::make_unique<OrMatcher>(std::move(kids));
        }
        }
        return std::make_unique<NothingMatcher>();
    }
};

// ------------------------------------------------------------------------------------------------
// [SECTION] Top k
// ------------------------------------------------------------------------------------------------

// True if a ranks before b: higher score, then lower DocId.
bool better(const Hit& a, const Hit& b) { return a.score != b.score ? a.score > b.score : a.doc < b.doc; }

class TopK {
public:
    explicit TopK(size_t k) : k_(k) { heap_.reserve(std::min<size_t>(k, 256)); }
    // The score a new document (with a higher DocId than any seen) must beat; -1 while not full.
    double threshold() const { return heap_.size() < k_ ? -1.0 : heap_.front().score; }
    void offer(DocId doc, double score) {
        if (k_ == 0) return;
        const Hit h{doc, score};
        if (heap_.size() < k_) {
            heap_.push_back(h);
            std::push_heap(heap_.begin(), heap_.end(), by_rank);
        } else if (by_rank(h, heap_.front())) {
            // In place of the worst: down from the front, past every child better than it.
            size_t i = 0;
            for (size_t c = 1; c < heap_.size(); i = c, c = 2 * c + 1) {
                if (c + 1 < heap_.size() && by_rank(heap_[c], heap_[c + 1])) ++c; // the worse child
                if (!by_rank(h, heap_[c])) break;
                heap_[i] = heap_[c];
            }
            heap_[i] = h;
        }
    }
    std::vector<Hit> sorted() && {
        std::sort(heap_.begin(), heap_.end(), by_rank);
        return std::move(heap_);
    }

private:
    // better() as a type the sort and heap code can inline (a function pointer is called).
    static constexpr auto by_rank = [](const Hit& a, const Hit& b) { return better(a, b); };
    size_t k_;
    std::vector<Hit> heap_; // a heap whose front is the worst kept hit
};

// MaxScore over the children of a disjunction.
std::vector<Hit> top_k_maxscore(std::vector<MatcherPtr>& kids, size_t k) {
    const size_t n = kids.size();
    std::vector<size_t> order(n); // by bound, ascending
    for (size_t i = 0; i < n; ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return kids[a]->bound < kids[b]->bound; });
    std::vector<double> prefix(n); // prefix[j]: sum of the bounds of order[0..j]
    for (size_t j = 0; j < n; ++j) prefix[j] = kids[order[j]]->bound + (j ? prefix[j - 1] : 0.0);
    TopK top(k);
    std::vector<double> score(n, 0.0);
    std::vector<char> at(n, 0);
    size_t first_essential = 0;
    for (;;) {
        double theta = top.threshold();
        while (first_essential < n && cannot_enter(prefix[first_essential], theta)) ++first_essential;
        if (first_essential >= n) break; // no document can enter any more
        DocId d = kNoDoc;
        for (size_t j = first_essential; j < n; ++j) d = std::min(d, kids[order[j]]->doc);
        if (d == kNoDoc) break;
        std::fill(at.begin(), at.end(), 0);
        double partial = 0.0;
        for (size_t j = first_essential; j < n; ++j) {
            Matcher& m = *kids[order[j]];
            if (m.doc == d) {
                score[order[j]] = m.score();
                at[order[j]] = 1;
                partial += score[order[j]];
            }
        }
        bool pruned = false;
        for (size_t j = first_essential; j-- > 0;) {
            if (cannot_enter(partial + prefix[j], theta)) { pruned = true; break; }
            Matcher& m = *kids[order[j]];
            m.seek(d);
            if (m.doc == d) {
                score[order[j]] = m.score();
                at[order[j]] = 1;
                partial += score[order[j]];
            }
        }
        if (!pruned) {
            double s = 0.0; // in query order, as OrMatcher::score sums
            for (size_t i = 0; i < n; ++i)
                if (at[i]) s += score[i];
            top.offer(d, s);
        }
        for (size_t j = first_essential; j < n; ++j)
            if (kids[order[j]]->doc == d) kids[order[j]]->next();
    }
    return std::move(top).sorted();
}

// The same top k from the long lists' champions (Index::posting_champions) and every entry of the
// short lists, when that is enough: when the k-th best of these documents scores above the bound
// of every entry left out, no document left out can enter, and a document kept has its best
// member among those scored (any other member of it scores under that bound). nullopt otherwise.
std::optional<std::vector<Hit>> top_k_from_champions(const Context& ctx, std::span<const std::pair<TermId, double>> members,
                                                     FieldMask mask, size_t k) {
    if (k == 0 || k > Index::kChampions || !ctx.default_ranking || (mask & ~kTextFields)) return std::nullopt;
    // Only short lists: walking them is all the usual way does too.
    if (std::none_of(members.begin(), members.end(), [&](const auto& m) { return ctx.index.doc_frequency(m.first) >= Index::kBlocksFrom; }))
        return std::nullopt;
    std::vector<Hit> scored;
    scored.reserve(std::max(members.size() * Index::kChampions, size_t(64)));
    double rest = 0.0; // the highest score an entry left out can have
    for (auto [t, weight] : members) {
        const double idf = ctx.idf(t);
        std::array<uint32_t, kFieldCount> tf{};
        if (std::optional<Index::Champions> champions = ctx.index.posting_champions(t)) {
            for (const Index::Champion& c : champions->best) {
                if (!ctx.index.contains(c.doc)) continue;
                if (!(c.fields() & mask)) continue;
                scored.push_back({c.doc, weight * ctx.score(c.doc, c.field_tf, mask, idf)}); // mask: text fields only
            }
            rest = std::max(rest, weight * ctx.block_bound(champions->rest, mask, idf));
        } else if (ctx.index.doc_frequency(t) >= Index::kBlocksFrom) {
            return std::nullopt; // a long list without champions: walked as usual
        } else {
            for (PostingCursor c = ctx.index.postings(t); !c.at_end(); c.next()) {
                if (!(c.fields() & mask)) continue;
                for (size_t f = 0; f < kFieldCount; ++f) tf[f] = c.frequency(Field(f));
                scored.push_back({c.doc(), weight * ctx.score(c.doc(), tf, mask, idf)});
            }
        }
    }
    // The k best documents, each at its best member's score as expand() scores it: a document's
    // first place in rank order is its best, and the first k documents are among the first m
    // entries once those hold k documents. m starts a little over k (few documents hold two of
    // a prefix's words among their best), and only those m are sorted.
    auto by_rank = [](const Hit& a, const Hit& b) { return better(a, b); };
    if (members.size() == 1) { // one list: a document once
        if (scored.size() < k) return std::nullopt;
        size_t m = scored.size(); // sorted whole when short (a dozen champions): a heap costs more
        if (m > 2 * k + 8) std::nth_element(scored.begin(), scored.begin() + std::ptrdiff_t(k), scored.end(), by_rank), m = k;
        std::sort(scored.begin(), scored.begin() + std::ptrdiff_t(m), by_rank);
        if (!cannot_enter(rest, scored[k - 1].score)) return std::nullopt;
        scored.resize(k);
        return scored;
    }
    std::array<size_t, Index::kChampions> best{}; // where the best documents are in `scored`, in order
    size_t taken = 0;
    for (size_t m = std::min(scored.size(), 2 * k + 8);; m = std::min(scored.size(), 4 * m)) {
        if (m < scored.size()) std::nth_element(scored.begin(), scored.begin() + std::ptrdiff_t(m), scored.end(), by_rank);
        std::sort(scored.begin(), scored.begin() + std::ptrdiff_t(m), by_rank);
        taken = 0;
        for (size_t i = 0; i < m && taken < k; ++i)
            if (std::none_of(best.begin(), best.begin() + std::ptrdiff_t(taken), [&](size_t b) { return scored[b].doc == scored[i].doc; }))
                best[taken++] = i;
        if (taken == k || m == scored.size()) break;
    }
    if (taken < k || !cannot_enter(rest, scored[best[k - 1]].score)) return std::nullopt;
    for (size_t j = 0; j < k; ++j) scored[j] = scored[best[j]]; // best[j] >= j: nothing needed is overwritten
    scored.resize(k);
    return scored;
}

// The top k of one query word that stands for several terms (a prefix or typo expansion, or a
// single term: one member of weight 1), scoring each document as expand() does: its best
// weighted member. A document can enter only through a member whose weighted score could put it
// there, so each member skips the blocks of its list whose bound cannot (block-max pruning; Ding
// & Suel, "Faster top-k document retrieval using block-max indexes", SIGIR 2011). A member
// skipped at a document it holds only gives a score under the threshold there, which cannot be
// the document's best if the document enters, so the scores of the hits are exactly expand()'s.
std::vector<Hit> top_k_best_member(const Context& ctx, std::span<const std::pair<TermId, double>> members,
                                   FieldMask mask, size_t k) {
    if (std::optional<std::vector<Hit>> hits = top_k_from_champions(ctx, members, mask, k)) return std::move(*hits);
    std::vector<TermMatcher> terms;
    terms.reserve(members.size());
    for (auto [t, weight] : members) terms.emplace_back(ctx, t, mask);
    TopK top(k);
    for (;;) {
        const double theta = top.threshold();
        DocId d = kNoDoc;
        for (size_t i = 0; i < terms.size(); ++i) {
            TermMatcher& m = terms[i];
            while (m.doc != kNoDoc && cannot_enter(members[i].second * m.block_bound(), theta)) m.skip_block();
            d = std::min(d, m.doc);
        }
        if (d == kNoDoc) break;
        double best = 0.0;
        bool any = false;
        for (size_t i = 0; i < terms.size(); ++i) {
            if (terms[i].doc != d) continue;
            double s = members[i].second * terms[i].score();
            if (!any || s > best) best = s, any = true;
            terms[i].next();
        }
        top.offer(d, best);
    }
    return std::move(top).sorted();
}

// The top k of an AND of plain terms (scores summed in the query's order, as AndMatcher's). The
// rarest term leads and the others seek to its documents, jumping over blocks; once the top k is
// full, a run of documents over which the terms' block bounds add up to less than the threshold
// is passed over whole (block-max AND: Ding & Suel 2011, section 4).
std::vector<Hit> top_k_all_terms(std::vector<TermMatcher>& terms, size_t k) {
    std::vector<size_t> order(terms.size()); // rarest first
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return terms[a].cost < terms[b].cost; });
    TermMatcher& lead = terms[order[0]];
    TopK top(k);
    while (lead.doc != kNoDoc) {
        const DocId d = lead.doc;
        const double theta = top.threshold();
        if (theta >= 0.0) {
            double upper = 0.0;
            DocId limit = kNoDoc - 1; // the bounds below hold up to here
            for (TermMatcher& m : terms) {
                DocId last = 0;
                upper += m.bound_at(d, last);
                limit = std::min(limit, last);
            }
            if (cannot_enter(upper, theta)) {
                lead.seek(limit + 1);
                continue;
            }
        }
        bool aligned = true;
        for (size_t j = 1; j < order.size() && aligned; ++j) {
            TermMatcher& m = terms[order[j]];
            m.seek(d);
            if (m.doc != d) lead.seek(m.doc), aligned = false;
        }
        if (!aligned) continue;
        double s = 0.0;
        for (TermMatcher& m : terms) s += m.score();
        top.offer(d, s);
        lead.next();
    }
    return std::move(top).sorted();
}

// Every match offered; how many there were goes to `matches`.
std::vector<Hit> top_k_exhaustive(Matcher& m, size_t k, size_t& matches) {
    TopK top(k);
    matches = 0;
    for (; m.doc != kNoDoc; m.next(), ++matches) top.offer(m.doc, m.score());
    return std::move(top).sorted();
}

// More members than this (a short prefix) are merged up front by expand(): walking them side by
// side costs a pass over all of them for every document.
constexpr size_t kMostMembersWalkedTogether = 16;

// The first k of every match in date order (ResultOrder::Newest or Oldest), and how many there
// are: the whole walk, no pruning (a date says nothing of a score's bound). A document without a
// date comes after every dated one; one date's documents come best first.
void run_by_date(const Index& index, const Query& query, const SearchOptions& options, SearchResult& r) {
    Context ctx(index, options.ranking, &options.article);
    Builder b{ctx, query, &r.matched, &r.messages};
    MatcherPtr root = b.build(query.root, false);
    b.finish();
    const bool newest = options.order == ResultOrder::Newest;
    // The sort key: ascending is the order wanted, undated last either way.
    auto key = [&](DocId d) {
        const uint32_t date = index.date(d);
        if (date == 0) return INT64_MAX;
        const int64_t when = date_order_key(date, index.time_of_day(d));
        return newest ? -when : when;
    };
    struct Keyed {
        int64_t key;
        Hit hit;
    };
    std::vector<Keyed> all;
    for (; root->doc != kNoDoc; root->next()) all.push_back({key(root->doc), {root->doc, root->score()}});
    r.total = all.size();
    if (options.facets) {
        std::vector<DocId> docs(all.size());
        for (size_t i = 0; i < all.size(); ++i) docs[i] = all[i].hit.doc;
        r.facets = facets_of(index, docs);
    }
    auto before = [](const Keyed& x, const Keyed& y) { return x.key != y.key ? x.key < y.key : better(x.hit, y.hit); };
    const size_t k = std::min(options.limit, all.size());
    std::partial_sort(all.begin(), all.begin() + std::ptrdiff_t(k), all.end(), before);
    r.hits.reserve(k);
    for (size_t i = 0; i < k; ++i) r.hits.push_back(all[i].hit);
}

// The query's matchers walked over every live document that matches, ascending, without
// pruning: `visit(matcher)` on each, standing on the document (its score() is the document's).
template <class Visit>
void for_each_match(const Index& index, const Query& query, const Bm25fParams& ranking, const ArticleLookup& article, Visit&& visit) {
    Context ctx(index, ranking, &article);
    Builder b{ctx, query, nullptr};
    MatcherPtr root = b.build(query.root, false);
    for (; root->doc != kNoDoc; root->next()) visit(*root);
}

// How many live documents match (nothing scored).
size_t count_matches(const Index& index, const Query& query, const SearchOptions& options) {
    size_t n = 0;
    for_each_match(index, query, options.ranking, options.article, [&](Matcher&) { ++n; });
    return n;
}

// Every live document that matches, ascending.
std::vector<DocId> matching_docs(const Index& index, const Query& query, const SearchOptions& options) {
    std::vector<DocId> docs;
    for_each_match(index, query, options.ranking, options.article, [&](Matcher& m) { docs.push_back(m.doc); });
    return docs;
}

// The top k, best first, into r.hits (and what matched into r.matched).
void run_by_relevance(const Index& index, const Query& query, const SearchOptions& options, SearchResult& r) {
    Context ctx(index, options.ranking, &options.article);
    Builder b{ctx, query, &r.matched, &r.messages};
    const QueryNode& word = query.nodes[query.root];
    MatcherPtr root;
    if (word.op == QueryOp::Term || word.op == QueryOp::Prefix || word.op == QueryOp::Fuzzy) { // one word
        std::vector<std::pair<TermId, double>> expanded;
        std::array<std::pair<TermId, double>, 1> term;
        std::span<const std::pair<TermId, double>> members;
        if (word.op != QueryOp::Term) {
            expanded = b.members(word, false);
            members = expanded;
            b.finish();
        } else if (auto t = index.find(word.terms[0])) {
            r.matched.terms.emplace_back(index.term(*t)); // what b.collect_term() and finish() make of it
            r.matched.term_fields.push_back(word.fields);
            term[0] = {*t, 1.0};
            members = term;
        }
        if (word.op == QueryOp::Prefix && word.pattern && !b.mixed.empty()) { // counted in the text
            const PatternCheck check{word.terms[0], b.mixed};
            std::vector<Hit> merged = expand(ctx, members, word.fields, &check);
            if (options.count) r.total = merged.size();
            root = std::make_unique<ListMatcher>(std::move(merged));
        } else {
            if (members.size() <= kMostMembersWalkedTogether) {
                r.hits = top_k_best_member(ctx, members, word.fields, options.limit);
                return;
            }
            if (std::optional<std::vector<Hit>> hits = top_k_from_champions(ctx, members, word.fields, options.limit)) {
                r.hits = std::move(*hits);
                return;
            }
            std::vector<Hit> merged = expand(ctx, members, word.fields);
            if (options.count) r.total = merged.size(); // every match is here already
            root = std::make_unique<ListMatcher>(std::move(merged));
        }
    } else if (auto terms = b.all_terms(word)) {
        b.finish();
        r.hits = top_k_all_terms(*terms, options.limit);
        return;
    } else {
        root = b.build(query.root, false);
        b.finish();
    }
    if (auto* orm = dynamic_cast<OrMatcher*>(root.get())) r.hits = top_k_maxscore(orm->children(), options.limit);
    else {
        size_t matches = 0;
        r.hits = top_k_exhaustive(*root, options.limit, matches);
        if (options.count) r.total = matches; // every match was walked (a phrase's stopwords checked once)
    }
}

SearchResult run(const Index& index, const Query& query, const SearchOptions& options) {
    SearchResult r;
    r.messages = query.messages;
    if (query.empty()) {
        if (options.count || options.facets || options.order != ResultOrder::Relevance) r.total = 0;
        if (options.facets) r.facets.emplace();
        return r;
    }
    if (options.order != ResultOrder::Relevance) {
        run_by_date(index, query, options, r);
        return r;
    }
    if (options.limit > 0) run_by_relevance(index, query, options, r);
    if (options.facets) {
        const std::vector<DocId> docs = matching_docs(index, query, options);
        r.total = docs.size();
        r.facets = facets_of(index, docs);
    }
    if (options.count && !r.total) // fewer hits than asked for are all there are
        r.total = r.hits.size() < options.limit ? r.hits.size() : count_matches(index, query, options);
    return r;
}

} // namespace

// ------------------------------------------------------------------------------------------------
// [SECTION] search()
// ------------------------------------------------------------------------------------------------

SearchResult search(const Index& index, const Query& query, const SearchOptions& options) {
    try {
        return run(index, query, options);
    } catch (const std::bad_alloc&) {
        SearchResult r;
        r.messages = query.messages;
        r.messages.push_back({0, "out of memory while searching"});
        return r;
    }
}

SearchResult search(const Index& index, std::string_view text, const SearchOptions& options) {
    try {
        Query q = parse_query(text, index, options.parse);
        SearchResult r = search(index, q, options);
        const QueryNode* root = q.empty() ? nullptr : &q.nodes[q.root];
        // Nothing matched: no hits, or (with no hits asked for) a count of none.
        auto none = [](const SearchResult& x) { return x.total ? *x.total == 0 : x.hits.empty(); };
        if (none(r) && options.relax && options.parse.match_all && q.plain_words && root &&
            root->op == QueryOp::And && root->children.size() > 1) {
            SearchOptions any = options;
            any.parse.match_all = false;
            SearchResult relaxed = search(index, parse_query(text, index, any.parse), any);
            if (!none(relaxed)) {
                relaxed.relaxed = true;
                relaxed.messages.push_back({0, "no article has all of the words; showing articles with any of them"});
                return relaxed;
            }
        }
        return r;
    } catch (const std::bad_alloc&) {
        SearchResult r;
        r.messages.push_back({0, "out of memory while searching"});
        return r;
    }
}

Facets facets_of(const Index& index, std::span<const DocId> docs) {
    Facets out;
    std::vector<uint32_t> by_source(index.source_count(), 0);
    std::vector<std::pair<uint32_t, uint32_t>> months; // (yyyymm, or yyyy00 without a month; count)
    for (const DocId d : docs) {
        if (!index.contains(d)) continue;
        ++by_source[index.source_id(d)];
        const uint32_t date = index.date(d);
        if (date == 0) {
            ++out.undated;
            continue;
        }
        const uint32_t month = date / 100;
        auto at = std::lower_bound(months.begin(), months.end(), month, [](const auto& m, uint32_t v) { return m.first < v; });
        if (at == months.end() || at->first != month) at = months.insert(at, {month, 0});
        ++at->second;
    }
    out.without_source = by_source.empty() ? 0 : by_source[0];
    for (uint32_t id = 1; id < by_source.size(); ++id)
        if (by_source[id] > 0) out.sources.push_back({std::string(index.source_name(id)), by_source[id]});
    // Most first; equal counts by name as a reader looks one up: case aside ("alacarte" before
    // "BBC"), then bytewise (so that the order is total).
    auto folded_less = [](const std::string& a, const std::string& b) {
        return std::lexicographical_compare(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
            auto lower = [](char c) { return uint8_t(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c); }; // bytes unsigned, as std::string compares
            return lower(x) < lower(y);
        });
    };
    std::sort(out.sources.begin(), out.sources.end(), [&](const FacetValue& a, const FacetValue& b) {
        if (a.count != b.count) return a.count > b.count;
        if (folded_less(a.value, b.value)) return true;
        if (folded_less(b.value, a.value)) return false;
        return a.value < b.value;
    });
    char text[16];
    for (const auto& [month, count] : months) {
        std::snprintf(text, sizeof text, "%04u", unsigned(month / 100));
        if (out.years.empty() || out.years.back().value != text) out.years.push_back({text, 0});
        out.years.back().count += count;
        if (month % 100 == 0) continue; // a year alone
        std::snprintf(text, sizeof text, "%04u-%02u", unsigned(month / 100), unsigned(month % 100));
        out.months.push_back({text, count});
    }
    return out;
}

std::vector<Hit> search_exhaustive(const Index& index, const Query& query, const Bm25fParams& ranking,
                                   const ArticleLookup& article) {
    std::vector<Hit> hits;
    if (query.empty()) return hits;
    for_each_match(index, query, ranking, article, [&](Matcher& m) { hits.push_back({m.doc, m.score()}); });
    return hits;
}

} // namespace broadsheet::search
