// TermCounts: corpus term statistics, keywords, keyness, similar articles, n-grams, collocates.
//
// [SECTION] Reading an article: the word stream
// [SECTION] The n-gram table
// [SECTION] TermCounts: adding and removing articles
// [SECTION] Queries: top terms, keywords, keyness, similar articles
// [SECTION] N-grams and collocates
//
// Data, all flat: a term dictionary (WordCache: term -> TermId) with per-term corpus count, article
// count and postings (slot, tf); a surface dictionary for the display forms; per article ("slot")
// its bag of (TermId, tf) sorted by TermId. Removed articles leave a dead slot until more than half
// the slots are dead, then slots and postings are compacted.
#include "broadsheet/corpus_analysis.hpp"

#include "broadsheet/analyzer.hpp"
#include "broadsheet/ranking.hpp"
#include "../search/word_hash.hpp"
#include "../text_util.hpp"

#include <algorithm>
#include <cmath>
#include <unordered_map>
#include <utility>

namespace broadsheet {

namespace {

using search::Analyzer;
using search::AnalyzerOptions;
using search::TokenKind;
using search::WordCache;

constexpr uint32_t kNone = UINT32_MAX;

// A word left out of the counts: a stopword of the language, and in English the modal verbs
// Snowball's list keeps for search ("can", "will" are nouns too: "a can", "the will"), which
// would otherwise top every list of frequent words and phrases ("will be").
bool stop_word(std::string_view folded, std::string_view language) {
    static constexpr std::string_view kEnglishModals[] = {"can", "may", "might", "must", "shall", "will"};
    if (search::is_stopword(folded, language)) return true;
    return language == "english" && std::find(std::begin(kEnglishModals), std::end(kEnglishModals), folded) != std::end(kEnglishModals);
}

// The Snowball name for an article's BCP 47 language: English for "en" and for unknown text (the
// search index's default); otherwise the primary subtag ("de-AT" -> "de"), which libstemmer takes
// as a name. A language without a Snowball stemmer gets none (Stemmer::ok() is false).
std::string snowball_language(std::string_view language) {
    std::string primary(language.substr(0, language.find_first_of("-_")));
    for (char& c : primary)
        if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
    if (primary.empty() || primary == "en" || primary == "eng" || primary == "english")
        return "english";
    return primary;
}

// ==== [SECTION] Reading an article: the word stream ==============================================

struct Word {
    uint32_t term = kNone;    // TermId, kNone when unknown (read without inserting)
    uint32_t surface = kNone; // SurfaceId of a counted word, else kNone
    ByteRange range;
    bool stop = false;            // a stopword of the article's language
    bool counted = false;         // counted as a term (not a stopword, longer than one letter)
    bool sentence_start = false;  // an n-gram may not reach back over it
    bool paragraph_start = false; // a collocate window may not either
};

// How the text between two words separates them. A phrase ends at . followed by space, at
// ! ? ; : , at a line break, a bracket (angle brackets too: Reuters' "<Dome Petroleum Corp>") or a quotation mark ("could," said" is no phrase); a blank
// line ("\n\n", Article::text's paragraph separator) ends a paragraph.
void gap_breaks(std::string_view gap, bool& sentence, bool& paragraph) {
    for (size_t i = 0; i < gap.size(); ++i) {
        char c = gap[i];
        if (c == '\n') {
            sentence = true;
            if (gap.find('\n', i + 1) != std::string_view::npos) paragraph = true;
        } else if (c == '.') {
            sentence = sentence || i + 1 == gap.size() || gap[i + 1] == ' ' || gap[i + 1] == '\n';
        } else if (std::string_view("!?;:,\"()[]{}<>").find(c) != std::string_view::npos) { // <> too: "Corp <TX> said"
            sentence = true;
        } else if (static_cast<unsigned char>(c) >= 0x80) {
            // Typographic quotes, guillemets and the dashes of an aside: “ ” „ « » – —
            for (std::string_view mark :
                 {"\u201C", "\u201D", "\u201E", "\u00AB", "\u00BB", "\u2013", "\u2014"})
                if (gap.substr(i, mark.size()) == mark) sentence = true;
        }
    }
}

// ==== [SECTION] The n-gram table =================================================================

// N-grams of 2 or 3 TermIds packed in 63 bits: (t0 + 1) | (t1 + 1) << 21 | (t2 + 1) << 42, the
// third field 0 for a bigram; a TermId above kMaxNgramTerm is not counted in n-grams. Open
// addressing with linear probing; key 0 is an empty slot. When the table is 3/4 full at its largest
// size, entries seen in one article only are dropped ("lossy counting", Manku & Motwani, VLDB 2002,
// with the article as the bucket): frequent n-grams survive, rare ones restart from zero.
constexpr uint32_t kMaxNgramTerm = (1u << 21) - 2;
constexpr size_t kMaxNgramSlots = size_t(1) << 21; // 32 MB

uint64_t ngram_key(const uint32_t* t, size_t n) {
    uint64_t k = 0;
    for (size_t i = 0; i < n; ++i) k |= uint64_t(t[i] + 1) << (21 * i);
    return k;
}

size_t ngram_words(uint64_t key) {
    return (key >> 42) ? 3 : 2;
}

uint32_t ngram_term(uint64_t key, size_t i) {
    return uint32_t((key >> (21 * i)) & 0x1FFFFF) - 1;
}

class NGramTable {
  public:
    struct Entry {
        uint64_t key = 0;
        uint32_t count = 0;
        uint32_t docs = 0;
    };

    void add(uint64_t key, uint32_t count) {
        if (slots_.empty() || (used_ + 1) * 4 > slots_.size() * 3) grow();
        Entry& e = slot(key);
        if (e.key == 0) e.key = key, ++used_;
        e.count += count;
        ++e.docs;
    }

    void remove(uint64_t key, uint32_t count) {
        if (slots_.empty()) return;
        Entry& e = slot(key);
        if (e.key == 0) return; // dropped by pruning
        e.count -= std::min(e.count, count);
        e.docs -= std::min<uint32_t>(e.docs, 1);
    }

    void clear() {
        slots_.clear();
        slots_.shrink_to_fit();
        used_ = 0;
    }

    const std::vector<Entry>& entries() const { return slots_; }
    size_t memory_bytes() const { return slots_.capacity() * sizeof(Entry); }

  private:
    Entry& slot(uint64_t key) {
        size_t mask = slots_.size() - 1;
        for (size_t i = search::mix64(key) & mask;; i = (i + 1) & mask)
            if (slots_[i].key == key || slots_[i].key == 0) return slots_[i];
    }

    void grow() {
        std::vector<Entry> old;
        old.swap(slots_);
        size_t size = old.empty() ? 1024 : old.size() * 2;
        bool prune = size > kMaxNgramSlots;
        if (prune) size = old.size();
        slots_.assign(size, Entry{});
        used_ = 0;
        for (const Entry& e : old) {
            if (e.key == 0 || e.count == 0 || (prune && e.docs <= 1)) continue;
            Entry& s = slot(e.key);
            s = e;
            ++used_;
        }
        // Pruning that frees little (every n-gram in two articles or more) falls back to the
        // rarest.
        if (prune && (used_ + 1) * 2 > slots_.size()) {
            old.swap(slots_);
            slots_.assign(old.size(), Entry{});
            used_ = 0;
            for (const Entry& e : old)
                if (e.key != 0 && e.docs > 2) slot(e.key) = e, ++used_;
        }
    }

    std::vector<Entry> slots_;
    size_t used_ = 0;
};

} // namespace

// ==== [SECTION] TermCounts: adding and removing articles =========================================

struct TermCounts::Impl {
    struct Posting {
        uint32_t slot;
        uint32_t tf;
    };
    struct Slot {
        ArticleId id = 0;
        uint32_t length = 0; // counted words
        bool alive = false;
        std::vector<std::pair<uint32_t, uint32_t>> bag; // (TermId, tf), by TermId
    };

    // Terms.
    WordCache term_ids;
    std::vector<std::string> terms;
    std::vector<uint64_t> counts;
    std::vector<uint32_t> docs;
    std::vector<std::vector<Posting>> postings;
    // Surfaces (folded, unstemmed) of counted words, for display.
    WordCache surface_ids;
    std::vector<std::string> surfaces;
    std::vector<uint32_t> surface_term, surface_count;
    std::vector<std::string> surface_shown; // per surface: as shown when it differs (accents), else ""
    // Abbreviations written with dots fold to a word ("U.S." to "us"): per surface, how many of
    // its occurrences were so written, and the first such spelling, shown when they are most.
    std::vector<uint32_t> surface_dotted;
    std::unordered_map<uint32_t, std::string> dotted_form;
    void count_dotted(uint32_t surface, std::string_view written, bool add) {
        if (written.find('.') == std::string_view::npos) return;
        if (add) {
            if (!dotted_form.contains(surface)) {
                // Initials end with their dot, which the word's range leaves to the sentence.
                std::string form(written);
                bool initials = form.size() >= 3 && form.back() != '.';
                for (size_t i = 1; i < form.size() && initials; i += 2) initials = form[i] == '.';
                if (initials) form += '.';
                dotted_form.emplace(surface, std::move(form));
            }
            ++surface_dotted[surface];
        } else if (surface_dotted[surface]) {
            --surface_dotted[surface];
        }
    }
    mutable std::vector<uint32_t> display; // TermId -> SurfaceId, rebuilt when stale
    mutable bool display_stale = true;
    // Articles.
    std::vector<Slot> slots;
    std::unordered_map<ArticleId, uint32_t> slot_of;
    size_t live = 0;
    uint64_t total = 0;                // counted words of live articles
    mutable std::vector<double> norms; // per slot, for similar(); rebuilt when stale
    mutable bool norms_stale = true;
    NGramTable ngrams;
    // One analyzer per Snowball language (stopwords off: the stream keeps them, flagged).
    mutable std::vector<std::pair<std::string, std::unique_ptr<Analyzer>>> analyzers;
    mutable std::vector<Word> words; // scratch

    Analyzer& analyzer(const std::string& language) const {
        for (auto& [name, a] : analyzers)
            if (name == language) return *a;
        AnalyzerOptions o;
        o.language = language;
        o.stopwords = false;
        analyzers.emplace_back(language, std::make_unique<Analyzer>(o));
        return *analyzers.back().second;
    }

    uint32_t find_term(std::string_view term) const {
        const uint32_t* id = term_ids.find(term, WordCache::hash(term));
        return id ? *id : kNone;
    }

    uint32_t intern_term(std::string_view term) {
        uint32_t h = WordCache::hash(term);
        if (const uint32_t* id = term_ids.find(term, h)) return *id;
        auto id = uint32_t(terms.size());
        term_ids.insert(term, h, id);
        terms.emplace_back(term);
        counts.push_back(0);
        docs.push_back(0);
        postings.emplace_back();
        display_stale = true;
        return id;
    }

    // `written`: the word as the text has it. A surface is folded as search folds words (its
    // accents off: "facade"); it is shown with them ("façade") when they are all that differs.
    uint32_t intern_surface(std::string_view surface, uint32_t term, std::string_view written) {
        uint32_t h = WordCache::hash(surface);
        if (const uint32_t* id = surface_ids.find(surface, h)) return *id;
        std::string shown;
        if (std::any_of(written.begin(), written.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; })) {
            std::string plain;
            search::fold(written, true, plain);
            if (plain == surface) search::fold(written, false, shown);
            if (shown == surface) shown.clear();
        }
        // Out of memory leaves the tables as they were: everything that allocates comes first,
        // then pushes into reserved room, which cannot fail.
        std::string text(surface);
        auto room = [](auto& v) { // doubling, as push_back would (reserve(size + 1) alone is quadratic)
            if (v.size() == v.capacity()) v.reserve(std::max<size_t>(16, v.capacity() * 2));
        };
        room(surface_term);
        room(surface_count);
        room(surfaces);
        room(surface_shown);
        room(surface_dotted);
        auto id = uint32_t(surfaces.size());
        surface_ids.insert(surface, h, id);
        surfaces.push_back(std::move(text));
        surface_shown.push_back(std::move(shown));
        surface_term.push_back(term);
        surface_count.push_back(0);
        surface_dotted.push_back(0);
        return id;
    }

    // The word stream of `text` into `words`: every Word or CJK token with its flags. Numbers, URL
    // parts and one-letter non-stopwords are left out but end an n-gram (as a sentence end does).
    // `intern` (this Impl, from add()) records new terms and surfaces; without it, unknown terms
    // are kNone.
    void read(std::string_view text, std::string_view language, Impl* intern) const {
        words.clear();
        std::string lang = snowball_language(language);
        Analyzer& an = analyzer(lang);
        uint32_t last_end = 0;
        bool broken = true, paragraph = true;
        an.analyze(text, [&](const search::Token& t) {
            if (t.kind == TokenKind::Joined) return; // its parts are counted
            bool sentence = false;
            if (t.range.begin > last_end)
                gap_breaks(text.substr(last_end, t.range.begin - last_end), sentence, paragraph);
            last_end = std::max(last_end, t.range.end);
            broken = broken || sentence;
            if (t.kind != TokenKind::Word && t.kind != TokenKind::Cjk) {
                broken = true;
                return;
            }
            Word w;
            w.range = t.range;
            w.stop = stop_word(t.surface, lang);
            if (!w.stop && t.kind == TokenKind::Word && text::code_points(t.surface) < 2) {
                broken = true;
                return;
            }
            w.counted = !w.stop;
            w.term = intern ? intern->intern_term(t.term) : find_term(t.term);
            if (w.counted && intern) {
                w.surface = intern->intern_surface(t.surface, w.term, text.substr(t.range.begin, t.range.size()));
            } else if (w.counted) {
                const uint32_t* sid = surface_ids.find(t.surface, WordCache::hash(t.surface));
                if (sid) w.surface = *sid;
            }
            w.sentence_start = broken;
            w.paragraph_start = paragraph;
            broken = paragraph = false;
            words.push_back(w);
        });
    }

    // Adds (or takes away) the n-grams of the word stream to the table: each distinct one once,
    // with its number of occurrences.
    void count_ngrams(bool add) {
        std::vector<uint64_t> keys;
        ngram_keys(keys);
        for (size_t i = 0; i < keys.size();) {
            size_t j = i;
            while (j < keys.size() && keys[j] == keys[i]) ++j;
            if (add)
                ngrams.add(keys[i], uint32_t(j - i));
            else
                ngrams.remove(keys[i], uint32_t(j - i));
            i = j;
        }
    }

    // The n-gram keys of the word stream (sorted, with repeats).
    void ngram_keys(std::vector<uint64_t>& keys) const {
        keys.clear();
        for (size_t i = 0; i < words.size(); ++i) {
            if (words[i].stop || words[i].term > kMaxNgramTerm) continue;
            uint32_t t[3] = {words[i].term, 0, 0};
            for (size_t n = 2; n <= 3 && i + n <= words.size(); ++n) {
                const Word& w = words[i + n - 1];
                if (w.sentence_start || w.term > kMaxNgramTerm) break;
                t[n - 1] = w.term;
                if (!w.stop) keys.push_back(ngram_key(t, n));
            }
        }
        std::sort(keys.begin(), keys.end());
    }

    void compact() {
        std::vector<Slot> kept;
        kept.reserve(live);
        slot_of.clear();
        for (auto& p : postings) p.clear();
        for (Slot& s : slots) {
            if (!s.alive) continue;
            auto index = uint32_t(kept.size());
            slot_of[s.id] = index;
            for (auto [t, tf] : s.bag) postings[t].push_back({index, tf});
            kept.push_back(std::move(s));
        }
        slots.swap(kept);
        norms_stale = true;
    }
};

TermCounts::TermCounts() : impl_(std::make_unique<Impl>()) {}
TermCounts::~TermCounts() = default;
TermCounts::TermCounts(TermCounts&&) noexcept = default;
TermCounts& TermCounts::operator=(TermCounts&&) noexcept = default;

void TermCounts::add(ArticleId id, std::string_view text, std::string_view language) {
    Impl& m = *impl_;
    if (m.slot_of.count(id) || text.size() >= UINT32_MAX) return;
    m.read(text, language, &m);
    Impl::Slot s;
    s.id = id;
    s.alive = true;
    for (const Word& w : m.words) {
        if (!w.counted) continue;
        s.bag.emplace_back(w.term, 1);
        ++m.surface_count[w.surface];
        m.count_dotted(w.surface, text.substr(w.range.begin, w.range.size()), true);
        ++s.length;
    }
    std::sort(s.bag.begin(), s.bag.end());
    size_t out = 0;
    for (size_t i = 0; i < s.bag.size(); ++i) {
        if (out && s.bag[out - 1].first == s.bag[i].first)
            ++s.bag[out - 1].second;
        else
            s.bag[out++] = s.bag[i];
    }
    s.bag.resize(out);
    s.bag.shrink_to_fit();
    auto slot = uint32_t(m.slots.size());
    for (auto [t, tf] : s.bag) {
        m.counts[t] += tf;
        ++m.docs[t];
        m.postings[t].push_back({slot, tf});
    }
    m.total += s.length;
    ++m.live;
    m.slot_of[id] = slot;
    m.slots.push_back(std::move(s));
    m.norms_stale = m.display_stale = true;
    m.count_ngrams(true);
}

bool TermCounts::remove(ArticleId id, std::string_view text, std::string_view language) {
    Impl& m = *impl_;
    auto it = m.slot_of.find(id);
    if (it == m.slot_of.end()) return false;
    Impl::Slot& s = m.slots[it->second];
    for (auto [t, tf] : s.bag) {
        m.counts[t] -= tf;
        --m.docs[t];
    }
    m.total -= s.length;
    --m.live;
    s.alive = false;
    s.bag.clear();
    s.bag.shrink_to_fit();
    m.slot_of.erase(it);
    m.norms_stale = m.display_stale = true;
    if (text.size() < UINT32_MAX) {
        m.read(text, language, nullptr);
        for (const Word& w : m.words)
            if (w.surface != kNone && m.surface_count[w.surface]) {
                --m.surface_count[w.surface];
                m.count_dotted(w.surface, text.substr(w.range.begin, w.range.size()), false);
            }
        m.count_ngrams(false);
    }
    if (m.slots.size() > 2 * m.live + 1024) m.compact();
    return true;
}

void TermCounts::clear() {
    impl_ = std::make_unique<Impl>();
}

size_t TermCounts::articles() const {
    return impl_->live;
}
uint64_t TermCounts::words() const {
    return impl_->total;
}
bool TermCounts::contains(ArticleId id) const {
    return impl_->slot_of.count(id) != 0;
}

std::string TermCounts::term_of(std::string_view word, std::string_view language) const {
    std::string lang = snowball_language(language);
    std::string out;
    impl_->analyzer(lang).analyze(word, [&](const search::Token& t) {
        if (out.empty() && (t.kind == TokenKind::Word || t.kind == TokenKind::Cjk) &&
            !stop_word(t.surface, lang))
            out = t.term;
    });
    return out;
}

// ==== [SECTION] Queries: top terms, keywords, keyness, similar articles ==========================

namespace {

// The display surface of each term: its most frequent counted surface.
const std::vector<uint32_t>& display_of(const TermCounts::Impl& m) {
    if (!m.display_stale) return m.display;
    m.display.assign(m.terms.size(), kNone);
    std::vector<uint32_t> best(m.terms.size(), 0);
    for (size_t s = 0; s < m.surfaces.size(); ++s) {
        uint32_t t = m.surface_term[s];
        if (m.display[t] == kNone || m.surface_count[s] > best[t])
            m.display[t] = uint32_t(s), best[t] = m.surface_count[s];
    }
    m.display_stale = false;
    return m.display;
}

std::string surface_of(const TermCounts::Impl& m, uint32_t t) {
    uint32_t s = display_of(m)[t];
    if (s == kNone) return m.terms[t];
    if (2 * m.surface_dotted[s] > m.surface_count[s]) // "U.S.", not "us"
        if (auto it = m.dotted_form.find(s); it != m.dotted_form.end()) return it->second;
    return m.surface_shown[s].empty() ? m.surfaces[s] : m.surface_shown[s];
}

const TermCounts::Impl::Slot* slot_for(const TermCounts::Impl& m, ArticleId id) {
    auto it = m.slot_of.find(id);
    return it == m.slot_of.end() ? nullptr : &m.slots[it->second];
}

uint32_t tf_in(const TermCounts::Impl::Slot& s, uint32_t term) {
    auto it = std::lower_bound(s.bag.begin(), s.bag.end(), std::make_pair(term, 0u));
    return it != s.bag.end() && it->first == term ? it->second : 0;
}

// Sorts by score descending (ties: term text), keeping the first n.
void keep_best(std::vector<Keyword>& v, size_t n) {
    auto better = [](const Keyword& a, const Keyword& b) {
        return a.score != b.score ? a.score > b.score : a.term < b.term;
    };
    if (v.size() > n) {
        std::partial_sort(v.begin(), v.begin() + std::ptrdiff_t(n), v.end(), better);
        v.resize(n);
    } else {
        std::sort(v.begin(), v.end(), better);
    }
}

// x ln(x / e), with 0 ln 0 = 0.
double xlogx(double x, double e) {
    return x > 0 && e > 0 ? x * std::log(x / e) : 0.0;
}

} // namespace

std::vector<TermStat> TermCounts::top(size_t n) const {
    const Impl& m = *impl_;
    std::vector<uint32_t> ids;
    for (uint32_t t = 0; t < m.terms.size(); ++t)
        if (m.counts[t] > 0) ids.push_back(t);
    auto better = [&](uint32_t a, uint32_t b) {
        return m.counts[a] != m.counts[b] ? m.counts[a] > m.counts[b] : m.terms[a] < m.terms[b];
    };
    n = std::min(n, ids.size());
    std::partial_sort(ids.begin(), ids.begin() + std::ptrdiff_t(n), ids.end(), better);
    std::vector<TermStat> out;
    for (size_t i = 0; i < n; ++i)
        out.push_back(
            {m.terms[ids[i]], surface_of(m, ids[i]), uint32_t(m.counts[ids[i]]), m.docs[ids[i]]});
    return out;
}

TermStat TermCounts::stat(std::string_view term) const {
    const Impl& m = *impl_;
    uint32_t t = m.find_term(term);
    if (t == kNone) return {std::string(term), std::string(term), 0, 0};
    return {m.terms[t], surface_of(m, t), uint32_t(m.counts[t]), m.docs[t]};
}

uint32_t TermCounts::count_in(ArticleId id, std::string_view term) const {
    const Impl::Slot* s = slot_for(*impl_, id);
    uint32_t t = impl_->find_term(term);
    return s && t != kNone ? tf_in(*s, t) : 0;
}

// BM25 term weights (Robertson & Zaragoza 2009, as the search ranks: ranking.hpp's functions and
// defaults), the article as the query's document: the terms it holds most, that few others hold.
std::vector<Keyword> TermCounts::keywords(ArticleId id, size_t n) const {
    const Impl& m = *impl_;
    const Impl::Slot* s = slot_for(m, id);
    if (!s || m.live == 0) return {};
    const search::Bm25fParams params;
    const search::FieldWeight body{1.0, 0.75};
    double avg = double(m.total) / double(m.live);
    std::vector<Keyword> out;
    for (auto [t, tf] : s->bag) {
        double idf = search::bm25_idf(double(m.live), double(m.docs[t]));
        double w = search::bm25f_field_tf(tf, s->length, avg, body);
        out.push_back(
            {m.terms[t], {}, idf * search::bm25_saturate(w, params.k1), tf, m.docs[t], 0});
    }
    keep_best(out, n);
    for (auto& k : out) k.surface = surface_of(m, m.find_term(k.term));
    return out;
}

// Log-likelihood keyness (Rayson & Garside, "Comparing corpora using frequency profiling", 2000):
//   E1 = n1 (a + b) / (n1 + n2),  E2 = n2 (a + b) / (n1 + n2),  G2 = 2 (a ln(a/E1) + b ln(b/E2))
// with a, b the term's counts in the selection and the rest, n1, n2 their sizes in words. The
// effect size is Hardie's log ratio (2014), log2((a/n1) / (b/n2)), a zero count taken as 0.5.
std::vector<Keyword> TermCounts::keyness(std::span<const ArticleId> selection, size_t n,
                                         double min_g2) const {
    const Impl& m = *impl_;
    std::vector<uint32_t> in(m.terms.size(), 0);
    std::vector<bool> seen(m.slots.size(), false);
    double n1 = 0;
    for (ArticleId id : selection) {
        auto it = m.slot_of.find(id);
        if (it == m.slot_of.end() || seen[it->second]) continue;
        seen[it->second] = true;
        const Impl::Slot& s = m.slots[it->second];
        n1 += s.length;
        for (auto [t, tf] : s.bag) in[t] += tf;
    }
    double n2 = double(m.total) - n1;
    if (n1 <= 0 || n2 <= 0) return {};
    std::vector<Keyword> over, under;
    for (uint32_t t = 0; t < m.terms.size(); ++t) {
        double a = in[t], b = double(m.counts[t]) - a;
        if (a + b <= 0) continue;
        double e1 = n1 * (a + b) / (n1 + n2), e2 = n2 * (a + b) / (n1 + n2);
        double g2 = 2 * (xlogx(a, e1) + xlogx(b, e2));
        if (g2 < min_g2) continue;
        double ratio = std::log2(((a > 0 ? a : 0.5) / n1) / ((b > 0 ? b : 0.5) / n2));
        bool more = a / n1 > b / n2;
        (more ? over : under)
            .push_back({m.terms[t], {}, more ? g2 : -g2, uint32_t(a), uint32_t(b), ratio});
    }
    keep_best(over, n);
    for (auto& k : under) k.score = -k.score;
    keep_best(under, n);
    for (auto& k : under) k.score = -k.score;
    over.insert(over.end(), under.begin(), under.end());
    for (auto& k : over) k.surface = surface_of(m, m.find_term(k.term));
    return over;
}

// SMART "ltc" weights (Salton & Buckley, "Term-weighting approaches in automatic text retrieval",
// 1988): w = (1 + ln tf) * ln(N / df), vectors normalised to length 1; the score is their dot
// product, accumulated over the postings of the article's terms.
std::vector<SimilarArticle> TermCounts::similar(ArticleId id, size_t k) const {
    const Impl& m = *impl_;
    const Impl::Slot* q = slot_for(m, id);
    if (!q || m.live < 2) return {};
    double n = double(m.live);
    auto weight = [&](uint32_t t, uint32_t tf) {
        return (1.0 + std::log(double(tf))) * std::log(n / double(m.docs[t]));
    };
    if (m.norms_stale) {
        m.norms.assign(m.slots.size(), 0.0);
        for (size_t i = 0; i < m.slots.size(); ++i) {
            double sum = 0;
            for (auto [t, tf] : m.slots[i].bag) sum += weight(t, tf) * weight(t, tf);
            m.norms[i] = std::sqrt(sum);
        }
        m.norms_stale = false;
    }
    uint32_t self = m.slot_of.at(id);
    if (m.norms[self] <= 0) return {};
    std::vector<double> acc(m.slots.size(), 0.0);
    std::vector<uint32_t> touched;
    for (auto [t, tf] : q->bag) {
        double wq = weight(t, tf);
        if (wq <= 0) continue;
        for (auto p : m.postings[t]) {
            if (p.slot == self || !m.slots[p.slot].alive) continue;
            if (acc[p.slot] == 0) touched.push_back(p.slot);
            acc[p.slot] += wq * weight(t, p.tf);
        }
    }
    std::vector<SimilarArticle> out;
    for (uint32_t s : touched)
        if (m.norms[s] > 0) out.push_back({m.slots[s].id, acc[s] / (m.norms[self] * m.norms[s])});
    auto better = [](const SimilarArticle& a, const SimilarArticle& b) {
        return a.score != b.score ? a.score > b.score : a.id < b.id;
    };
    k = std::min(k, out.size());
    std::partial_sort(out.begin(), out.begin() + std::ptrdiff_t(k), out.end(), better);
    out.resize(k);
    return out;
}

// ==== [SECTION] N-grams and collocates ===========================================================

std::vector<NGram> TermCounts::top_ngrams(const Corpus& corpus, size_t words, size_t n) const {
    const Impl& m = *impl_;
    std::vector<const NGramTable::Entry*> found;
    for (const auto& e : m.ngrams.entries())
        if (e.key && e.count >= 2 && ngram_words(e.key) == words) found.push_back(&e);
    auto better = [](const NGramTable::Entry* a, const NGramTable::Entry* b) {
        if (a->count != b->count) return a->count > b->count;
        return a->docs != b->docs ? a->docs > b->docs : a->key < b->key;
    };
    n = std::min(n, found.size());
    std::partial_sort(found.begin(), found.begin() + std::ptrdiff_t(n), found.end(), better);
    std::vector<NGram> out;
    for (size_t i = 0; i < n; ++i) {
        NGram g;
        g.count = found[i]->count;
        g.docs = found[i]->docs;
        uint32_t t[3];
        for (size_t w = 0; w < words; ++w) t[w] = ngram_term(found[i]->key, w);
        for (size_t w = 0; w < words; ++w) {
            g.terms.push_back(m.terms[t[w]]);
            g.text += (w ? " " : "") + (m.counts[t[w]] ? surface_of(m, t[w]) : m.terms[t[w]]);
        }
        // An example: the first article (of at most 50 holding the first and last word) where the
        // words stand together.
        size_t tried = 0;
        for (auto p : m.postings[t[0]]) {
            if (g.example || tried >= 50) break;
            const Impl::Slot& s = m.slots[p.slot];
            if (!s.alive || !tf_in(s, t[words - 1])) continue;
            const Article* a = corpus.find(s.id);
            if (!a) continue;
            ++tried;
            m.read(a->text, a->language, nullptr);
            for (size_t j = 0; j + words <= m.words.size() && !g.example; ++j) {
                bool match = true;
                for (size_t w = 0; w < words && match; ++w)
                    match =
                        m.words[j + w].term == t[w] && (w == 0 || !m.words[j + w].sentence_start);
                if (!match) continue;
                g.example = s.id;
                g.range = {m.words[j].range.begin, m.words[j + words - 1].range.end};
                g.text = std::string(text_of(a->text, g.range));
            }
        }
        out.push_back(std::move(g));
    }
    return out;
}

// Log-Dice (Rychly, "A lexicographer-friendly association score", RASLAN 2008) ranks; G2 (Dunning,
// "Accurate methods for the statistics of surprise and coincidence", 1993) is given beside it, on
// the 2x2 table of (node, collocate) counts with the collocate's window count as its joint count.
std::vector<Collocate> TermCounts::collocates(const Corpus& corpus, std::string_view word,
                                              int window, size_t n, uint32_t min_together) const {
    const Impl& m = *impl_;
    std::string term = term_of(word);
    uint32_t node = term.empty() ? kNone : m.find_term(term);
    if (node == kNone || m.counts[node] == 0 || window <= 0) return {};
    std::vector<uint32_t> together(m.terms.size(), 0);
    std::vector<uint32_t> touched;
    for (auto p : m.postings[node]) {
        const Impl::Slot& s = m.slots[p.slot];
        if (!s.alive) continue;
        const Article* a = corpus.find(s.id);
        if (!a) continue;
        m.read(a->text, a->language, nullptr);
        const auto& ws = m.words;
        for (size_t i = 0; i < ws.size(); ++i) {
            if (ws[i].term != node || !ws[i].counted) continue;
            // Back to the paragraph's start or the window's, then forward likewise.
            size_t lo = i;
            while (lo > 0 && i - lo < size_t(window) && !ws[lo].paragraph_start) --lo;
            size_t hi = i;
            while (hi + 1 < ws.size() && hi - i < size_t(window) && !ws[hi + 1].paragraph_start)
                ++hi;
            for (size_t j = lo; j <= hi; ++j) {
                uint32_t c = ws[j].term;
                if (j == i || !ws[j].counted || c == kNone || c == node) continue;
                if (together[c]++ == 0) touched.push_back(c);
            }
        }
    }
    double fx = double(m.counts[node]), total = double(m.total);
    std::vector<Collocate> out;
    for (uint32_t c : touched) {
        if (together[c] < min_together) continue;
        double fxy = together[c], fy = double(m.counts[c]);
        double dice = 14.0 + std::log2(2.0 * fxy / (fx + fy));
        double o11 = fxy, o12 = std::max(0.0, fx - fxy), o21 = std::max(0.0, fy - fxy);
        double o22 = std::max(0.0, total - o11 - o12 - o21);
        double r1 = o11 + o12, r2 = o21 + o22, c1 = o11 + o21, c2 = o12 + o22, nn = r1 + r2;
        double g2 = nn > 0 ? 2 * (xlogx(o11, r1 * c1 / nn) + xlogx(o12, r1 * c2 / nn) +
                                  xlogx(o21, r2 * c1 / nn) + xlogx(o22, r2 * c2 / nn))
                           : 0;
        out.push_back({m.terms[c], surface_of(m, c), together[c], uint32_t(fy), dice, g2});
    }
    auto better = [](const Collocate& a, const Collocate& b) {
        if (a.log_dice != b.log_dice) return a.log_dice > b.log_dice;
        return a.together != b.together ? a.together > b.together : a.term < b.term;
    };
    n = std::min(n, out.size());
    std::partial_sort(out.begin(), out.begin() + std::ptrdiff_t(n), out.end(), better);
    out.resize(n);
    return out;
}

size_t TermCounts::memory_bytes() const {
    const Impl& m = *impl_;
    size_t bytes =
        m.term_ids.memory_bytes() + m.surface_ids.memory_bytes() + m.ngrams.memory_bytes();
    for (const auto& t : m.terms) bytes += t.capacity() + sizeof(t);
    for (const auto& s : m.surfaces) bytes += s.capacity() + sizeof(s);
    for (const auto& p : m.postings) bytes += p.capacity() * sizeof(Impl::Posting) + sizeof(p);
    for (const auto& s : m.slots) bytes += s.bag.capacity() * 8 + sizeof(s);
    bytes += m.counts.capacity() * 8 + m.docs.capacity() * 4 + m.surface_term.capacity() * 8 +
             m.norms.capacity() * 8 + m.slot_of.size() * 32 + m.surface_shown.capacity() * sizeof(std::string);
    for (const auto& shown : m.surface_shown) bytes += shown.capacity() > 15 ? shown.capacity() : 0;
    bytes += m.surface_dotted.capacity() * 4 + m.dotted_form.size() * (32 + sizeof(std::string));
    return bytes;
}

} // namespace broadsheet
