// Near-duplicates: MinHash signatures, LSH banding, union-find; paragraph diffs.
//
// Signature of an article: the folded words of its text (the search analyzer's segmentation and
// folding; no stopwords removed, no stemming, hyphen-joined forms skipped) in order; every run of
// 5 words ("w-shingling", Broder 1997) hashed once to 64 bits. One-permutation hashing (Li, Owen &
// Zhang, "One Permutation Hashing", NIPS 2012): the high 32 bits of a shingle's hash pick one of
// kBins bins, the low 32 bits are its value, and each bin keeps the least value that fell in it.
// The fraction of bins with equal values estimates the Jaccard similarity of the shingle sets, as
// kBins independent MinHashes would (Broder 1997), for one hash per shingle instead of kBins.
//
// Empty bins (a text of n shingles leaves about kBins e^(-n/kBins) of them) are filled by optimal
// densification (Shrivastava, "Optimal Densification for Fast and Accurate Minwise Hashing", ICML
// 2017): an empty bin takes the value of the first non-empty bin along a sequence of bins that is
// the same for every article and independent from bin to bin, which keeps the estimate unbiased
// and its variance close to MinHash's. Where the paper draws that sequence with a 2-universal
// hash of (bin, attempt), with repeats, we walk a fixed random order of all the bins, one order per
// bin: the first non-empty bin met is just as uniform among the non-empty ones, and the walk ends
// after at most kBins steps however few shingles there are. A text of fewer than 5 words is one
// shingle; a text without words has no signature.
//
// Candidates: the signature cut into kBands bands of kRows rows; articles whose band hashes agree
// in any band are candidates (P = 1 - (1 - J^3)^42: J 0.3 -> 0.68, 0.5 -> 0.996, 0.7 -> 1.0), kept
// when the signature's estimate is >= the threshold.
#include "broadsheet/corpus_analysis.hpp"

#include "broadsheet/analyzer.hpp"
#include "../search/word_hash.hpp"

#include <algorithm>
#include <array>
#include <numeric>

namespace broadsheet {

namespace {

// Words are hashed by word_hash() (the same natively and in wasm, so are the signatures and the
// clusters near the threshold).
using search::mix64;
using search::word_hash;

constexpr size_t kShingle = 5;
constexpr size_t kBands = 42, kRows = 3;
constexpr size_t kBins = kBands * kRows; // 126
static_assert(kBins <= 256, "probe orders hold bin numbers in bytes");

// For each bin, all the bins in a random order fixed by a splitmix64 sequence (so signatures are
// reproducible): where that bin looks for a value when it is empty.
using ProbeOrders = std::array<std::array<uint8_t, kBins>, kBins>;
const ProbeOrders& probe_orders() {
    static const ProbeOrders orders = [] {
        ProbeOrders o{};
        uint64_t state = 0x5EED5EED5EED5EEDull;
        for (auto& order : o) {
            std::iota(order.begin(), order.end(), uint8_t(0));
            for (size_t i = kBins - 1; i > 0; --i) // Fisher-Yates
                std::swap(order[i], order[mix64(state += 0x9E3779B97F4A7C15ull) % (i + 1)]);
        }
        return o;
    }();
    return orders;
}

search::AnalyzerOptions folding_only() {
    search::AnalyzerOptions o;
    o.language = "none";
    o.stopwords = false;
    o.stem = false;
    return o;
}

// The hashes of the folded words of `text`, in order.
void word_hashes(search::Analyzer& analyzer, std::string_view text, std::vector<uint64_t>& out) {
    out.clear();
    analyzer.analyze(text, [&](const search::Token& t) {
        if (t.kind != search::TokenKind::Joined) out.push_back(word_hash(t.term));
    });
}

struct UnionFind {
    std::vector<uint32_t> parent;
    explicit UnionFind(size_t n) : parent(n) { std::iota(parent.begin(), parent.end(), 0u); }
    uint32_t find(uint32_t x) {
        while (parent[x] != x) x = parent[x] = parent[parent[x]];
        return x;
    }
};

} // namespace

DuplicateFinder::DuplicateFinder(double threshold) : threshold_(threshold) {}

void DuplicateFinder::add(ArticleId id, std::string_view text) {
    if (!entries_.empty() && id <= entries_.back().id) // ids usually come in ascending order
        for (const Entry& e : entries_)
            if (e.id == id) return;
    static thread_local search::Analyzer analyzer(folding_only());
    static thread_local std::vector<uint64_t> words;
    word_hashes(analyzer, text, words);
    std::array<uint32_t, kBins> sig;
    std::array<bool, kBins> filled{};
    sig.fill(UINT32_MAX);
    size_t shingles =
        words.size() < kShingle ? (words.empty() ? 0 : 1) : words.size() - kShingle + 1;
    for (size_t i = 0; i < shingles; ++i) {
        uint64_t x = 0;
        for (size_t j = i; j < std::min(words.size(), i + kShingle); ++j) x = mix64(x ^ words[j]);
        size_t bin = size_t(((x >> 32) * kBins) >> 32); // the high bits scaled to [0, kBins)
        sig[bin] = std::min(sig[bin], uint32_t(x));
        filled[bin] = true;
    }
    if (shingles > 0) {
        const ProbeOrders& orders = probe_orders();
        for (size_t b = 0; b < kBins; ++b) {
            if (filled[b]) continue;
            for (uint8_t from : orders[b]) {
                if (!filled[from]) continue;
                sig[b] = sig[from];
                break;
            }
        }
    }
    entries_.push_back({id, shingles == 0});
    signatures_.insert(signatures_.end(), sig.begin(), sig.end());
}

bool DuplicateFinder::remove(ArticleId id) {
    for (size_t i = 0; i < entries_.size(); ++i) {
        if (entries_[i].id != id) continue;
        entries_.erase(entries_.begin() + std::ptrdiff_t(i));
        auto at = signatures_.begin() + std::ptrdiff_t(i * kBins);
        signatures_.erase(at, at + std::ptrdiff_t(kBins));
        return true;
    }
    return false;
}

void DuplicateFinder::clear() {
    entries_.clear();
    signatures_.clear();
}

size_t DuplicateFinder::size() const {
    return entries_.size();
}

namespace {

double estimate(const uint32_t* a, const uint32_t* b) {
    size_t same = 0;
    for (size_t h = 0; h < kBins; ++h) same += a[h] == b[h];
    return double(same) / double(kBins);
}

} // namespace

double DuplicateFinder::similarity(ArticleId a, ArticleId b) const {
    const uint32_t *sa = nullptr, *sb = nullptr;
    for (size_t i = 0; i < entries_.size(); ++i) {
        if (entries_[i].empty) continue;
        if (entries_[i].id == a) sa = &signatures_[i * kBins];
        if (entries_[i].id == b) sb = &signatures_[i * kBins];
    }
    return sa && sb ? estimate(sa, sb) : 0.0;
}

std::vector<DuplicateCluster> DuplicateFinder::clusters() const {
    const size_t n = entries_.size();
    // (band hash, entry) for every band of every article with words, sorted: equal hashes are
    // candidate pairs.
    std::vector<std::pair<uint64_t, uint32_t>> keys;
    keys.reserve(n * kBands);
    for (size_t i = 0; i < n; ++i) {
        if (entries_[i].empty) continue;
        const uint32_t* sig = &signatures_[i * kBins];
        for (size_t b = 0; b < kBands; ++b) {
            uint64_t k = mix64(b + 1);
            for (size_t r = 0; r < kRows; ++r) k = mix64(k ^ sig[b * kRows + r]);
            keys.emplace_back(k, uint32_t(i));
        }
    }
    std::sort(keys.begin(), keys.end());
    UnionFind uf(n);
    std::vector<double> lowest(n, 1.0); // per root: the lowest similarity of a join
    // Within a bucket, each article is checked against the (at most) 16 before it: enough to
    // chain a cluster together, and a bucket of thousands (boilerplate) stays linear.
    constexpr size_t kBack = 16;
    for (size_t i = 0; i < keys.size();) {
        size_t j = i;
        while (j < keys.size() && keys[j].first == keys[i].first) ++j;
        for (size_t x = i + 1; x < j; ++x) {
            for (size_t y = x > i + kBack ? x - kBack : i; y < x; ++y) {
                uint32_t a = keys[x].second, b = keys[y].second;
                uint32_t ra = uf.find(a), rb = uf.find(b);
                if (ra == rb) continue;
                double s = estimate(&signatures_[a * kBins], &signatures_[b * kBins]);
                if (s < threshold_) continue;
                uf.parent[ra] = rb;
                lowest[rb] = std::min({lowest[rb], lowest[ra], s});
            }
        }
        i = j;
    }
    std::vector<std::vector<uint32_t>> members(n);
    for (uint32_t i = 0; i < n; ++i) members[uf.find(i)].push_back(i);
    std::vector<DuplicateCluster> out;
    for (uint32_t r = 0; r < n; ++r) {
        if (members[r].size() < 2) continue;
        DuplicateCluster c;
        for (uint32_t i : members[r]) c.articles.push_back(entries_[i].id);
        std::sort(c.articles.begin(), c.articles.end());
        c.similarity = lowest[r];
        out.push_back(std::move(c));
    }
    std::sort(out.begin(), out.end(), [](const DuplicateCluster& a, const DuplicateCluster& b) {
        if (a.articles.size() != b.articles.size()) return a.articles.size() > b.articles.size();
        return a.articles.front() < b.articles.front();
    });
    return out;
}

// ---- Paragraph diffs ----------------------------------------------------------------------------

ArticleDiff diff_paragraphs(const Article& a, const Article& b) {
    search::Analyzer analyzer(folding_only());
    std::vector<uint64_t> words;
    // Each paragraph with words: its range and the hash of its folded words.
    auto paragraphs = [&](const Article& art) {
        std::vector<std::pair<uint64_t, ByteRange>> out;
        std::vector<ByteRange> ranges = art.paragraphs;
        if (ranges.empty() && !art.text.empty()) ranges.push_back({0, uint32_t(art.text.size())});
        for (ByteRange r : ranges) {
            word_hashes(analyzer, text_of(art.text, r), words);
            if (words.empty()) continue;
            uint64_t h = 0;
            for (uint64_t w : words) h = mix64(h ^ w);
            out.emplace_back(h, r);
        }
        return out;
    };
    auto pa = paragraphs(a), pb = paragraphs(b);
    std::vector<uint64_t> ha, hb;
    for (auto& p : pa) ha.push_back(p.first);
    for (auto& p : pb) hb.push_back(p.first);
    std::sort(ha.begin(), ha.end());
    std::sort(hb.begin(), hb.end());
    ArticleDiff d;
    for (auto& [h, r] : pa)
        if (!std::binary_search(hb.begin(), hb.end(), h)) d.only_in_a.push_back(r);
    for (auto& [h, r] : pb) {
        if (std::binary_search(ha.begin(), ha.end(), h))
            ++d.shared;
        else
            d.only_in_b.push_back(r);
    }
    // Word by word inside edited paragraphs: each paragraph only in b against the paragraph only
    // in a with the most words in common; its words outside their longest common subsequence
    // differ (a paragraph too long for the quadratic table, or like none, differs whole).
    struct Word {
        uint64_t hash;
        ByteRange range; // in the article's text
    };
    auto words_of = [&](const Article& art, ByteRange r) {
        std::vector<Word> out;
        analyzer.analyze(text_of(art.text, r), [&](const search::Token& t) {
            if (t.kind != search::TokenKind::Joined)
                out.push_back({word_hash(t.term), {r.begin + t.range.begin, r.begin + t.range.end}});
        });
        return out;
    };
    constexpr size_t kMostWords = 1000; // a paragraph's words compared with another's (a table of 1 M cells)
    std::vector<std::vector<Word>> olds;
    for (ByteRange r : d.only_in_a) olds.push_back(words_of(a, r));
    for (ByteRange r : d.only_in_b) {
        std::vector<Word> now = words_of(b, r);
        // The old paragraph sharing the most words (as sets of hashes).
        std::vector<uint64_t> mine;
        for (const Word& w : now) mine.push_back(w.hash);
        std::sort(mine.begin(), mine.end());
        mine.erase(std::unique(mine.begin(), mine.end()), mine.end());
        size_t best = SIZE_MAX, best_common = 0;
        for (size_t i = 0; i < olds.size(); ++i) {
            std::vector<uint64_t> theirs;
            for (const Word& w : olds[i]) theirs.push_back(w.hash);
            std::sort(theirs.begin(), theirs.end());
            theirs.erase(std::unique(theirs.begin(), theirs.end()), theirs.end());
            size_t common = 0;
            for (uint64_t h : mine) common += std::binary_search(theirs.begin(), theirs.end(), h);
            if (common > best_common) best = i, best_common = common;
        }
        if (best == SIZE_MAX || best_common * 2 < mine.size() || now.size() > kMostWords || olds[best].size() > kMostWords) {
            d.words_only_in_b.push_back(r);
            continue;
        }
        // The longest common subsequence of the two paragraphs' words; b's words outside it.
        const std::vector<Word>& old = olds[best];
        const size_t n = now.size(), m = old.size();
        std::vector<uint16_t> table((n + 1) * (m + 1), 0); // table[i][j]: LCS of now[i..] and old[j..]
        auto at = [&](size_t i, size_t j) -> uint16_t& { return table[i * (m + 1) + j]; };
        for (size_t i = n; i-- > 0;)
            for (size_t j = m; j-- > 0;)
                at(i, j) = now[i].hash == old[j].hash ? uint16_t(at(i + 1, j + 1) + 1) : std::max(at(i + 1, j), at(i, j + 1));
        size_t i = 0, j = 0;
        while (i < n) {
            if (j < m && now[i].hash == old[j].hash) {
                ++i, ++j;
            } else if (j < m && at(i, j + 1) >= at(i + 1, j)) {
                ++j;
            } else {
                // A word only b has: joined to the run before it when only spaces lie between.
                ByteRange w = now[i].range;
                if (!d.words_only_in_b.empty() && d.words_only_in_b.back().end <= w.begin &&
                    text_of(b.text, {d.words_only_in_b.back().end, w.begin}).find_first_not_of(" \t") == std::string_view::npos)
                    d.words_only_in_b.back().end = w.end;
                else
                    d.words_only_in_b.push_back(w);
                ++i;
            }
        }
    }
    return d;
}

} // namespace broadsheet
