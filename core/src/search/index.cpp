// The in-memory index: lexicon, postings, document table, incremental add and remove.
//
// [SECTION] Postings: the byte layout
// [SECTION] PostingCursor
// [SECTION] Adding and removing documents
// [SECTION] Compaction
// [SECTION] Skip entries (in memory only)
// [SECTION] Trimming after an import
// [SECTION] Lexicon lookups: exact, prefix, near (typos)
//
// ------------------------------------------------------------------------------------------------
// [SECTION] Postings: the byte layout
// ------------------------------------------------------------------------------------------------
// One list per term, held in memory and written to the index file byte for byte as it is here.
// vu = unsigned LEB128 varint (varint.hpp).
//
//   postings   := entry*                         (documents in ascending DocId order)
//   entry      := vu(doc_gap) u8(code) vu(tf){n if once = 0} vu(pos_bytes){if tf's sum > 1} positions
//       doc_gap   = (doc + 1) - (previous doc + 1, or 0 for the first entry); always >= 1
//       code      = fields | once << 5
//       fields    = mask of the fields holding the term (bit i = Field i); non-zero, < 1 << 5
//       once      = the term's frequency when one field holds it 1 to 7 times, which is then not
//                   written again; 0 otherwise, and the frequencies follow
//       n         = number of bits set in `fields`; one tf >= 1 per field, in field order
//       pos_bytes = byte length of `positions`, so a reader that needs no positions skips them;
//                   not written for a single position, which a reader steps over as it is
//   positions  := field_positions{n}             (in field order)
//   field_positions := vu(first) vu(gap){tf - 1} (positions ascending within the field; gap >= 1)
//
// Positions count words within one field from 0 (stopwords take a position but are not indexed,
// so phrase offsets survive them). Deltas keep most numbers in one byte. On news (Reuters) 93 %
// of entries are a term a few times in one field, which the code byte says whole, and 73 % a
// term once, which needs no byte length: such an entry takes its gap, one byte and its position,
// usually 3 or 4 bytes. Format 3 wrote every frequency and byte length: 6.2 bytes an entry on
// Reuters, now 4.4. Two shorter layouts were measured and dropped, both slower to search (ANDs
// 1.2-1.6x in wasm): counting the positions' last bytes instead of any byte length (4.1 bytes an
// entry), and two bits of the gap telling "once in the body" from "only in the body" from the
// rest (3.8), whose branch is a coin toss for the reader.
// Lists of removed documents keep their entries (the cursor skips them by the live table) until
// compact() rewrites the lists.
//
// A reader never trusts these bytes: every varint read is bounded by the list's end, and a list
// that does not parse ends the walk (index_file.cpp also checks every list when loading).
#include "broadsheet/index.hpp"

#include "broadsheet/dates.hpp"
#include "broadsheet/encoding.hpp"
#include "broadsheet/ranking.hpp"

#include "postings.hpp"
#include "text_util.hpp"
#include "varint.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <cstring>
#include <tuple>
#include <utility>

namespace broadsheet::search {

std::string_view field_name(Field f) {
    switch (f) {
    case Field::Title: return "title";
    case Field::Standfirst: return "standfirst";
    case Field::Byline: return "byline";
    case Field::Body: return "body";
    case Field::Source: return "source";
    }
    return "?";
}

uint32_t date_number(std::string_view s) {
    auto digits = [&](size_t at, size_t n, uint32_t& v) {
        if (s.size() < at + n) return false;
        v = 0;
        for (size_t i = at; i < at + n; ++i) {
            if (s[i] < '0' || s[i] > '9') return false;
            v = v * 10 + uint32_t(s[i] - '0');
        }
        return true;
    };
    uint32_t y = 0, m = 0, d = 0;
    if (!digits(0, 4, y) || y == 0) return 0;
    if (s.size() >= 7 && s[4] == '-' && digits(5, 2, m) && m >= 1 && m <= 12) {
        if (s.size() >= 10 && s[7] == '-' && digits(8, 2, d) && (d < 1 || d > 31)) d = 0;
    } else {
        m = 0;
    }
    return y * 10000 + m * 100 + d;
}

int16_t time_number(std::string_view s) {
    // "YYYY-MM-DDTHH:MM", then maybe ":SS" and fractions, then "Z" or "+HH:MM" / "-HH:MM".
    auto two = [&](size_t at, int& v) {
        if (s.size() < at + 2 || s[at] < '0' || s[at] > '9' || s[at + 1] < '0' || s[at + 1] > '9') return false;
        v = (s[at] - '0') * 10 + (s[at + 1] - '0');
        return true;
    };
    int h = 0, m = 0;
    if (date_number(s) == 0 || s.size() < 16 || s[10] != 'T' || !two(11, h) || s[13] != ':' || !two(14, m) || h > 23 || m > 59)
        return kNoTime;
    int minutes = h * 60 + m;
    size_t at = 16;
    while (at < s.size() && (s[at] == ':' || s[at] == '.' || (s[at] >= '0' && s[at] <= '9'))) ++at; // seconds
    int oh = 0, om = 0;
    if (at < s.size() && (s[at] == '+' || s[at] == '-') && two(at + 1, oh) && oh <= 23) {
        const size_t mm = at + 3 + (at + 3 < s.size() && s[at + 3] == ':');
        if (!two(mm, om) || om > 59) om = 0;
        minutes -= (s[at] == '+' ? 1 : -1) * (oh * 60 + om); // 08:00-05:00 is 13:00 UTC
    }
    return int16_t(minutes);
}

int64_t date_order_key(uint32_t date, int16_t time) {
    if (date == 0) return 0;
    const int y = int(date / 10000), m = std::max(1, int(date / 100 % 100)), d = std::max(1, int(date % 100));
    return days_from_civil(y, m, d) * 1440 + (time == kNoTime ? 0 : time);
}

// ------------------------------------------------------------------------------------------------
// [SECTION] PostingCursor
// ------------------------------------------------------------------------------------------------

namespace postings {
namespace {

// What comes before an entry's positions, decoded.
struct Head {
    uint64_t gap = 0;
    FieldMask mask = 0;
    std::array<uint32_t, kFieldCount> tf{};
    const uint8_t* positions = nullptr; // where the entry's positions start
};

// Reads one entry from [p, end) and steps p past it (positions not decoded). False if it is
// malformed or cut short. Always inline: every cursor step is one call of it, and clang kept it
// out of line in wasm (with a call for every varint in it too; see varint::get).
[[gnu::always_inline]] inline bool read_head(const uint8_t*& p, const uint8_t* end, Head& head) {
    if (!varint::get(p, end, head.gap) || head.gap == 0 || p >= end) return false;
    const uint8_t code = *p++;
    head.mask = code & 0x1F;
    const uint32_t once = code >> 5;
    head.tf.fill(0);
    uint64_t count = once;
    if (once != 0) { // the common case: one field, its frequency in the code
        // One bit set, written out: std::has_single_bit is a call into libgcc on x86-64 without
        // -mpopcnt (6 % of a native AND); wasm has the instruction either way.
        const unsigned m = head.mask;
        if (m == 0 || (m & (m - 1)) != 0) return false;
        head.tf[size_t(std::countr_zero(unsigned(head.mask)))] = once;
    } else {
        if (head.mask == 0) return false;
        for (size_t f = 0; f < kFieldCount; ++f) {
            if (!(head.mask & (1u << f))) continue;
            if (!varint::get32(p, end, head.tf[f]) || head.tf[f] == 0) return false;
            count += head.tf[f];
        }
    }
    if (count == 1) {
        head.positions = p;
        return varint::skip(p, end);
    }
    uint64_t bytes = 0;
    if (!varint::get(p, end, bytes) || bytes > uint64_t(end - p)) return false;
    head.positions = p;
    p += bytes;
    return true;
}

} // namespace
} // namespace postings

bool PostingCursor::read_entry() {
    if (p_ >= end_) return false;
    postings::Head head;
    if (!postings::read_head(p_, end_, head)) return false;
    uint64_t doc_plus1 = prev_plus1_ + head.gap;
    if (doc_plus1 > kNoDoc) return false;
    prev_plus1_ = doc_plus1;
    mask_ = head.mask;
    tf_ = head.tf;
    pos_begin_ = head.positions;
    pos_end_ = p_;
    doc_ = DocId(doc_plus1 - 1);
    return true;
}

void PostingCursor::next() {
    for (;;) {
        if (!read_entry()) {
            doc_ = kNoDoc;
            p_ = end_;
            mask_ = 0;
            tf_.fill(0);
            return;
        }
        if (doc_ < live_size_ && live_[doc_]) return;
    }
}

void PostingCursor::seek(DocId target) {
    // Linear: lists are walked in order and the gaps are cheap to decode. The entries below the
    // target are only stepped over: read (and checked, so a malformed list ends where next()
    // would end it) but neither copied into the cursor nor looked up in the live table.
    if (doc_ == kNoDoc || doc_ >= target) return;
    for (;;) {
        postings::Head head;
        if (p_ >= end_ || !postings::read_head(p_, end_, head) || prev_plus1_ + head.gap > kNoDoc) break;
        prev_plus1_ += head.gap;
        if (prev_plus1_ > target) { // at or past it: the entry read_entry() would have made
            mask_ = head.mask;
            tf_ = head.tf;
            pos_begin_ = head.positions;
            pos_end_ = p_;
            doc_ = DocId(prev_plus1_ - 1);
            if (!(doc_ < live_size_ && live_[doc_])) next();
            return;
        }
    }
    doc_ = kNoDoc;
    p_ = end_;
    mask_ = 0;
    tf_.fill(0);
}

void PostingCursor::positions(Field f, std::vector<uint32_t>& out) const {
    out.clear();
    if (doc_ == kNoDoc || !(mask_ & field_bit(f))) return;
    const uint8_t* p = pos_begin_;
    for (size_t g = 0; g < kFieldCount; ++g) {
        if (!(mask_ & (1u << g))) continue;
        uint32_t pos = 0;
        for (uint32_t i = 0; i < tf_[g]; ++i) {
            uint32_t v = 0;
            if (!varint::get32(p, pos_end_, v)) { out.clear(); return; }
            pos = i == 0 ? v : pos + v;
            if (g == size_t(f)) out.push_back(pos);
        }
        if (g == size_t(f)) return;
    }
}

// ------------------------------------------------------------------------------------------------
// [SECTION] Adding and removing documents
// ------------------------------------------------------------------------------------------------

Index::Index(AnalyzerOptions options) : analyzer_(std::move(options)) {}
Index::Index(Index&&) noexcept = default;
Index& Index::operator=(Index&&) noexcept = default;
Index::~Index() = default;

std::string_view Index::key(DocId doc) const {
    if (doc >= key_ends_.size()) return {};
    uint32_t begin = doc == 0 ? 0 : key_ends_[doc - 1];
    return std::string_view(keys_).substr(begin, key_ends_[doc] - begin);
}

std::string_view Index::term(TermId t) const {
    uint32_t begin = t == 0 ? 0 : term_ends_[t - 1];
    return std::string_view(term_text_).substr(begin, term_ends_[t] - begin);
}

namespace {

// The open-addressing tables of the lexicon and of the surfaces: ordinal + 1 per slot (0: empty),
// linear probing, a power of two in size and at most half full, so that a probe always ends.
template <class TextOf>
std::optional<uint32_t> find_slot(const std::vector<uint32_t>& slots, std::string_view key, uint32_t hash, TextOf text_of) {
    const size_t mask = slots.size() - 1;
    for (size_t i = hash & mask;; i = (i + 1) & mask) {
        uint32_t slot = slots[i];
        if (slot == 0) return std::nullopt;
        if (text_of(slot - 1) == key) return slot - 1;
    }
}

void insert_slot(std::vector<uint32_t>& slots, uint32_t ordinal, uint32_t hash) { // not in it yet
    const size_t mask = slots.size() - 1;
    size_t i = hash & mask;
    while (slots[i] != 0) i = (i + 1) & mask;
    slots[i] = ordinal + 1;
}

} // namespace

std::optional<TermId> Index::find(std::string_view term) const {
    if (term_slots_.empty()) {
        if (term_ends_.empty()) return std::nullopt;
        rehash_terms(std::bit_ceil(std::max<size_t>(64, 2 * term_ends_.size() + 2))); // a loaded index
    }
    return find_slot(term_slots_, term, WordCache::hash(term), [&](TermId t) { return this->term(t); });
}

void Index::rehash_terms(size_t slots) const {
    term_slots_.assign(slots, 0);
    for (TermId t = 0; t < term_ends_.size(); ++t) insert_slot(term_slots_, t, WordCache::hash(term(t)));
}

TermId Index::intern(std::string_view term) {
    if (auto found = find(term)) return *found;
    const TermId id = TermId(df_.size());
    if (2 * (size_t(id) + 1) > term_slots_.size()) rehash_terms(std::max<size_t>(64, 2 * term_slots_.size()));
    term_text_ += term;
    term_ends_.push_back(uint32_t(term_text_.size()));
    df_.push_back(0);
    if (!list_of_.empty()) list_of_.push_back(kNoList);
    insert_slot(term_slots_, id, WordCache::hash(term));
    return id;
}

void Index::rehash_surfaces(size_t slots) {
    surface_slots_.assign(slots, 0);
    for (uint32_t s = 0; s < surface_ends_.size(); ++s) insert_slot(surface_slots_, s, WordCache::hash(surface(s)));
}

std::span<const uint8_t> Index::postings_bytes(TermId t) const {
    const uint32_t list = list_of(t);
    if (list == kInBlock) {
        if (t >= block_ends_.size()) return {};
        const uint32_t begin = t == 0 ? 0 : block_ends_[t - 1];
        return {reinterpret_cast<const uint8_t*>(loaded_postings_.data()) + begin, block_ends_[t] - begin};
    }
    if (list == kNoList) return {};
    return {lists_[list].bytes.get(), lists_[list].size};
}

uint32_t& Index::list_slot(TermId t) const {
    if (list_of_.empty()) {
        list_of_.resize(df_.size(), kNoList);
        std::fill_n(list_of_.begin(), std::min(block_ends_.size(), df_.size()), kInBlock);
    }
    return list_of_[t];
}

uint8_t* Index::GrowingList::grow(size_t n) {
    capacity = uint32_t(std::max({size_t(16), 2 * size_t(capacity), size + n}));
    std::unique_ptr<uint8_t[]> grown(new uint8_t[capacity]);
    if (size != 0) std::memcpy(grown.get(), bytes.get(), size);
    bytes = std::move(grown);
    return bytes.get() + size;
}

void Index::GrowingList::assign(std::span<const uint8_t> from) {
    size = 0;
    if (!from.empty()) std::memcpy(room(from.size()), from.data(), from.size());
    size = uint32_t(from.size());
}

Index::GrowingList& Index::start_list(TermId t) {
    uint32_t& list = list_slot(t);
    if (list != kInBlock && list != kNoList) return lists_[list];
    // Out of the block (settle() checked a file's list, trim() packed good ones), with its last
    // document, which the next entry's gap counts from.
    std::span<const uint8_t> bytes = postings_bytes(t);
    const uint32_t last_plus1 = list == kInBlock ? last_in_block(t, bytes) : 0;
    list = uint32_t(lists_.size());
    GrowingList& grown = lists_.emplace_back();
    grown.assign(bytes);
    grown.last_plus1 = last_plus1;
    return grown;
}

uint32_t Index::last_in_block(TermId t, std::span<const uint8_t> bytes) const {
    auto kept = std::lower_bound(block_lasts_.begin(), block_lasts_.end(), t,
                                 [](const std::pair<TermId, uint32_t>& e, TermId id) { return e.first < id; });
    if (kept != block_lasts_.end() && kept->first == t) return kept->second;
    PostingCursor c; // a short list, or a loaded file's
    c.p_ = bytes.data();
    c.end_ = c.p_ + bytes.size();
    while (c.read_entry()) {}
    return uint32_t(c.prev_plus1_);
}

void Index::check_loaded_term(TermId t) const {
    unchecked_[t] = false;
    if (!postings::check(postings_bytes(t), df_[t], live_).empty()) {
        // Only a file made to pass the checksum gets here: the term is dropped, not trusted.
        df_[t] = 0;
        list_slot(t) = kNoList;
        terms_dropped_ = true;
    }
}

PostingCursor Index::postings(TermId t) const {
    PostingCursor c;
    if (t >= df_.size()) return c;
    check_term(t);
    std::span<const uint8_t> bytes = postings_bytes(t);
    c.p_ = bytes.data();
    c.end_ = bytes.data() + bytes.size();
    c.live_ = live_.data();
    c.live_size_ = DocId(live_.size());
    c.next();
    return c;
}

void Index::settle() {
    if (!unsettled_) return;
    unsettled_ = false;
    entries_ = 0;
    for (TermId t = 0; t < df_.size(); ++t) {
        check_term(t);
        entries_ += df_[t]; // no entry of a loaded file is dead
    }
    std::vector<bool>().swap(unchecked_);
}

void Index::build_forward() {
    // Each document's terms, ascending, by walking the postings in term order (removed documents
    // get none: the cursor skips them).
    const size_t n = live_.size();
    std::vector<size_t> first(n + 1, 0);
    for (TermId t = 0; t < df_.size(); ++t)
        for (PostingCursor c = postings(t); !c.at_end(); c.next()) ++first[c.doc() + 1];
    for (size_t d = 0; d < n; ++d) first[d + 1] += first[d];
    std::vector<TermId> ids(first[n]);
    std::vector<size_t> at(first.begin(), first.end() - 1);
    for (TermId t = 0; t < df_.size(); ++t)
        for (PostingCursor c = postings(t); !c.at_end(); c.next()) ids[at[c.doc()]++] = t;
    forward_.clear();
    forward_ends_.clear();
    for (size_t d = 0; d < n; ++d) {
        for (size_t i = first[d]; i < first[d + 1]; ++i) varint::put(forward_, i == first[d] ? ids[i] : ids[i] - ids[i - 1]);
        forward_ends_.push_back(forward_.size());
    }
}

Index::Language* Index::find_language(std::string_view snowball_name) const {
    for (const auto& l : languages_)
        if (l->analyzer.options().language == snowball_name) return l.get();
    return nullptr;
}

void Index::add_language(std::string_view snowball_name) {
    AnalyzerOptions options = analyzer_.options();
    options.language = std::string(snowball_name);
    // Its words' terms are its own: "polit" of a French article is not "polit" of a German one.
    options.term_tag = term_tag(languages_.size() + 1);
    languages_.push_back(std::make_unique<Language>(std::move(options)));
    other_analyzers_.push_back(&languages_.back()->analyzer);
}

uint8_t Index::language_of(std::string_view language) {
    if (language.empty()) return 0; // most articles of unknown language: no lookup
    const AnalyzerOptions& own = analyzer_.options();
    const std::string_view name = snowball_language(language);
    if (name.empty() || name == own.language || own.language == "none" || (!own.stem && !own.stopwords)) return 0;
    for (size_t i = 0; i < languages_.size(); ++i)
        if (languages_[i]->analyzer.options().language == name) return uint8_t(i + 1);
    if (languages_.size() == kMostLanguages) return 0; // more than Snowball has: never
    add_language(name);
    return uint8_t(languages_.size());
}

std::shared_ptr<Index::PhraseCounts> Index::checked_phrase(const std::string& key) const {
    constexpr size_t kPhrasesKept = 8; // a query's phrases, and the last few queries'
    auto at = std::find_if(checked_phrases_.begin(), checked_phrases_.end(), [&](const auto& p) { return p.first == key; });
    if (at == checked_phrases_.end()) {
        if (checked_phrases_.size() == kPhrasesKept) checked_phrases_.erase(checked_phrases_.begin());
        checked_phrases_.emplace_back(key, std::make_shared<PhraseCounts>());
        at = checked_phrases_.end() - 1;
    }
    std::rotate(at, at + 1, checked_phrases_.end()); // the latest last
    return checked_phrases_.back().second;
}

Analyzer& Index::analyzer_for(std::string_view language) const {
    if (languages_.empty() || language.empty()) return analyzer_;
    Language* l = find_language(snowball_language(language));
    return l ? l->analyzer : analyzer_;
}

bool Index::has_surface(std::string_view text, uint32_t hash, TermId id) const {
    const size_t mask = surface_slots_.size() - 1;
    for (size_t i = hash & mask;; i = (i + 1) & mask) {
        const uint32_t slot = surface_slots_[i];
        if (slot == 0) return false;
        if (surface_terms_[slot - 1] == id && surface(slot - 1) == text) return true;
    }
}

inline TermId Index::term_of(const Token& t, Language* lang) {
    // A token's term is a function of its surface, whether it is stemmed (words and joined
    // words are, numbers, URL parts and CJK bigrams are not) and, if it is, the article's
    // language. The stemmed cache holds what a surface is as a word; a joined word is the same,
    // but never stopped ("can-not" is "cannot", the stopword), so a joined stopword takes the
    // long way, uncached.
    const bool stemmed = t.kind == TokenKind::Word || t.kind == TokenKind::Joined;
    WordCache& cache = !stemmed ? plain_terms_ : lang ? lang->stemmed_terms : stemmed_terms_;
    const uint32_t h = WordCache::hash(t.surface);
    const uint32_t* cached = cache.find(t.surface, h);
    if (cached && (*cached != kStopword || t.kind == TokenKind::Word)) return *cached;
    return new_term_of(t, lang, cache, h, cached != nullptr);
}

[[gnu::noinline]] TermId Index::new_term_of(const Token& t, Language* lang, WordCache& cache, uint32_t h, bool cached) {
    const bool stemmed = t.kind == TokenKind::Word || t.kind == TokenKind::Joined;
    Analyzer& analyzer = stemmed && lang ? lang->analyzer : analyzer_;
    std::string_view term = analyzer.term_of(stemmed ? TokenKind::Word : t.kind, t.surface);
    bool cache_it = !cached && t.surface.size() <= 64; // not codes and junk
    if (term.data() == nullptr) { // a stopword
        if (cache_it) cache.insert(t.surface, h, kStopword);
        if (t.kind == TokenKind::Word) return kStopword;
        term = analyzer.term_of(t.kind, t.surface);
        cache_it = false;
    }
    TermId id = intern(term);
    if (surface_slots_.empty() || !has_surface(t.surface, h, id)) {
        // A new surface: the next sort_surfaces() merges it into the sorted table.
        const uint32_t s = uint32_t(surface_ends_.size());
        if (2 * (size_t(s) + 1) > surface_slots_.size()) rehash_surfaces(std::max<size_t>(64, 2 * surface_slots_.size()));
        surface_text_ += t.surface;
        surface_ends_.push_back(uint32_t(surface_text_.size()));
        surface_terms_.push_back(id);
        insert_slot(surface_slots_, s, h);
    }
    if (cache_it) cache.insert(t.surface, h, id);
    return id;
}

template <class FieldPosition>
void Index::append_posting(TermId t, DocId doc, size_t n, FieldPosition at) {
    // at(i) for i < n: the (field, position) pairs of this term in this document, sorted, distinct.
    GrowingList& list = own_list(t);
    // One field's frequency up to 7 goes in the code byte; otherwise each field's is written.
    const uint8_t first_field = at(0).first;
    const bool one_field = first_field == at(n - 1).first;
    const uint32_t once = one_field && n <= 7 ? uint32_t(n) : 0;
    // Room for the longest such entry (a varint of 32 bits takes up to 5 bytes), so that the entry
    // is written in place with one growth check, not one a byte.
    uint8_t* const begin = list.room(5 + 1 + (once != 0 ? 0 : 5 * kFieldCount) + 5 + 5 * n);
    FieldMask mask = field_bit(Field(first_field));
    std::array<uint32_t, kFieldCount> tf{};
    if (one_field) {
        tf[first_field] = uint32_t(n);
    } else {
        for (size_t i = 0; i < n; ++i) {
            const uint8_t f = at(i).first;
            mask |= FieldMask(1u << f), ++tf[f];
        }
    }
    uint8_t* p = varint::write(begin, uint64_t(doc) + 1 - list.last_plus1);
    list.last_plus1 = doc + 1;
    *p++ = uint8_t(mask | once << 5);
    if (once == 0)
        for (size_t f = 0; f < kFieldCount; ++f)
            if (tf[f]) p = varint::write(p, tf[f]);
    if (n == 1) {
        p = varint::write(p, at(0).second);
    } else {
        // The positions (the first of a field, then gaps) in one pass, a byte after their byte
        // length, where a length under 128 (nearly always) leaves them; a longer one moves them on.
        uint8_t* const positions = p + 1;
        uint8_t* q = positions;
        uint8_t before_field = first_field;
        uint32_t before = 0;
        for (size_t i = 0; i < n; ++i) {
            const auto [field, position] = at(i);
            q = varint::write(q, i == 0 || field != before_field ? position : position - before);
            before_field = field, before = position;
        }
        const size_t bytes = size_t(q - positions), length_bytes = varint::size(bytes);
        if (length_bytes > 1) std::memmove(positions + length_bytes - 1, positions, bytes);
        p = varint::write(p, bytes) + bytes;
    }
    list.size += uint32_t(p - begin);
    ++df_[t];
    ++entries_;
}

namespace {

// The fields of an article as the index reads them, in order: `visit(field, text, first)` gets the
// position its first word takes and returns the position after its last; a byline's names are one
// field, a position apart, so that no phrase runs from one name into the next.
template <class Visit> void for_each_field(const Article& article, Visit&& visit) {
    visit(Field::Title, std::string_view(article.title), 0u);
    visit(Field::Standfirst, std::string_view(article.standfirst), 0u);
    uint32_t next = 0;
    for (const auto& name : article.byline) next = visit(Field::Byline, std::string_view(name), next) + 1;
    visit(Field::Body, std::string_view(article.text), 0u);
    visit(Field::Source, std::string_view(article.source), 0u);
}

} // namespace

void Index::field_words(DocId doc, const Article& article, Field f,
                        const std::function<void(uint32_t, std::string_view)>& sink) const {
    size_t names = 0; // of the byline, visited
    for_each_field(article, [&](Field g, std::string_view text, uint32_t first) {
        if (g != f) return first; // only a byline's names need where the one before ended
        if (g != Field::Byline) {
            analyzer_.analyze_surfaces(text, [&](const Token& t) {
                if (t.kind != TokenKind::Joined) sink(first + t.position, t.surface);
            });
            return first;
        }
        // A byline's next name starts a place after this one's last word its language does not
        // stop, as add() goes on; the stopwords after that word would share places with the
        // next name's words ("Smith of the", "The Times"): they are left out, so that no phrase
        // runs from one name into the next. The last name keeps them.
        uint32_t last = first;
        analyzer_of(doc).analyze(text, [&](const Token& t) { last = std::max(last, first + t.position + 1); });
        const bool more = ++names < article.byline.size();
        analyzer_.analyze_surfaces(text, [&](const Token& t) {
            if (t.kind != TokenKind::Joined && (!more || first + t.position < last)) sink(first + t.position, t.surface);
        });
        return last;
    });
}

DocId Index::add(const Article& article, std::string_view key) {
    settle();
    if (surface_slots_.empty() && (!surface_ends_.empty() || !loaded_surfaces_.empty())) {
        // The surface lookup table, after loading or trim(): over the sorted table (a loaded
        // file's surfaces come in through it).
        sort_surfaces();
        rehash_surfaces(std::bit_ceil(std::max<size_t>(64, 2 * surface_ends_.size() + 2)));
    }
    DocId doc = DocId(live_.size());
    const uint8_t language = language_of(article.language);
    Language* const lang = language == 0 ? nullptr : languages_[language - 1].get();
    // Every occurrence as one number, term << 32 | field << 29 | position, sorted below: grouped
    // by term, in field and position order within. A three-part comparison was a tenth of the
    // build time in wasm. Positions allow it (no import makes a field of 2^29 words:
    // kMaxImportBytes); past that, the occurrences go on as triples (`wide`).
    struct Occurrence { TermId term; uint8_t field; uint32_t position; };
    constexpr uint32_t kPositionBits = 29, kPositionMask = (1u << kPositionBits) - 1;
    thread_local std::vector<uint64_t> keys;
    thread_local std::vector<Occurrence> wide;
    keys.clear();
    wide.clear();
    bool narrow = true; // every occurrence is in keys, none in wide
    std::array<uint32_t, kFieldCount> length{};
    auto index_field = [&](Field f, std::string_view text, uint32_t first_position) {
        uint32_t last = first_position;
        analyzer_.analyze_surfaces(text, [&](const Token& t) {
            TermId id = term_of(t, lang);
            if (id == kStopword) return;
            const uint32_t position = first_position + t.position;
            if (narrow && position > kPositionMask) { // the keys so far become triples
                narrow = false;
                for (uint64_t k : keys) wide.push_back({TermId(k >> 32), uint8_t(k >> kPositionBits & 7), uint32_t(k & kPositionMask)});
            }
            if (narrow) keys.push_back(uint64_t(id) << 32 | uint64_t(f) << kPositionBits | position);
            else wide.push_back({id, uint8_t(f), position});
            if (t.kind != TokenKind::Joined) ++length[size_t(f)];
            last = position + 1;
        });
        return last;
    };
    for_each_field(article, index_field);

    // Each term's run of (field, position) pairs to its postings list. An occurrence twice (from a
    // joined word whose term is its first part's) counts once: equal neighbours go before. The
    // sorts' comparisons are written out: with std::less, libc++ calls the copy of std::sort it
    // compiles once (an extern template, -Os), which calls the comparison for every step (an
    // eighth of the build time in wasm).
    thread_local std::vector<TermId> distinct;
    distinct.clear();
    // `term(i)` is the term of the i-th occurrence in sorted order, `at(i)` its (field, position).
    auto append_groups = [&](size_t n, auto term, auto at) {
        for (size_t i = 0; i < n;) {
            const TermId first = term(i);
            size_t j = i + 1;
            while (j < n && term(j) == first) ++j;
            append_posting(first, doc, j - i, [&at, i](size_t k) { return at(i + k); });
            distinct.push_back(first);
            i = j;
        }
    };
    if (narrow) {
        std::sort(keys.begin(), keys.end(), [](uint64_t a, uint64_t b) { return a < b; });
        keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
        // The bounds are locals, as append_posting() could change anything a pointer reaches for
        // all the compiler knows.
        const uint64_t* sorted = keys.data();
        append_groups(
            keys.size(), [sorted](size_t i) { return TermId(sorted[i] >> 32); },
            [sorted](size_t i) {
                return std::pair{uint8_t(sorted[i] >> kPositionBits & 7), uint32_t(sorted[i] & kPositionMask)};
            });
    } else {
        auto tuple = [](const Occurrence& o) { return std::tuple(o.term, o.field, o.position); };
        std::sort(wide.begin(), wide.end(), [&](const Occurrence& a, const Occurrence& b) { return tuple(a) < tuple(b); });
        wide.erase(std::unique(wide.begin(), wide.end(), [&](const Occurrence& a, const Occurrence& b) { return tuple(a) == tuple(b); }),
                   wide.end());
        const Occurrence* sorted = wide.data();
        append_groups(
            wide.size(), [sorted](size_t i) { return sorted[i].term; },
            [sorted](size_t i) { return std::pair{sorted[i].field, sorted[i].position}; });
    }
    if (forward_ends_.size() == doc) { // the forward lists are whole: this document's goes on
        // Written in place into room for the longest varints, then cut to size: a push_back a
        // byte reloads the vector's ends after every byte stored (a byte may alias anything).
        const size_t before = forward_.size();
        forward_.resize(before + 5 * distinct.size());
        uint8_t* p = forward_.data() + before;
        TermId prev = 0;
        for (const TermId t : distinct) {
            p = varint::write(p, t - prev);
            prev = t;
        }
        forward_.resize(size_t(p - forward_.data()));
        forward_ends_.push_back(forward_.size());
    }

    live_.push_back(1);
    lengths_.insert(lengths_.end(), length.begin(), length.end());
    for (size_t f = 0; f < kFieldCount; ++f) total_lengths_[f] += length[f];
    dates_.push_back(date_number(article.date));
    times_.push_back(time_number(article.date));
    doc_languages_.push_back(language);
    doc_sources_.push_back(intern_source(article.source));
    keys_ += key;
    key_ends_.push_back(uint32_t(keys_.size()));
    ++live_count_;
    return doc;
}

uint32_t Index::intern_source(std::string_view source) {
    source = text::trim(source);
    if (source.empty()) return 0;
    auto [at, added] = source_ids_.try_emplace(std::string(source), uint32_t(sources_.size()));
    if (added) sources_.emplace_back(source);
    return at->second;
}

bool Index::terms_of_added(DocId doc, const Article& article, std::vector<TermId>& out) {
    // add()'s walk over the fields, with term_of()'s choice of term made without its caches and
    // without interning: a term that is not in the index means this is not the article added.
    out.clear();
    std::array<uint32_t, kFieldCount> length{};
    bool found = true;
    Analyzer& own = analyzer_of(doc); // for stemmed kinds, as term_of()
    for_each_field(article, [&](Field f, std::string_view text, uint32_t) {
        analyzer_.analyze_surfaces(text, [&](const Token& t) {
            if (!found) return;
            const bool stemmed = t.kind == TokenKind::Word || t.kind == TokenKind::Joined;
            Analyzer& analyzer = stemmed ? own : analyzer_;
            std::string_view term = analyzer.term_of(stemmed ? TokenKind::Word : t.kind, t.surface);
            if (term.data() == nullptr) { // a stopword, as a word
                if (t.kind == TokenKind::Word) return;
                term = analyzer.term_of(t.kind, t.surface);
            }
            std::optional<TermId> id = find(term);
            if (!id) {
                found = false;
                return;
            }
            out.push_back(*id);
            if (t.kind != TokenKind::Joined) ++length[size_t(f)];
        });
        return uint32_t(0); // positions are not needed
    });
    if (!found) return false;
    for (size_t f = 0; f < kFieldCount; ++f)
        if (length[f] != field_length(doc, Field(f))) return false;
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return true;
}

void Index::mark_removed(DocId doc, std::span<const TermId> terms) {
    live_[doc] = 0;
    --live_count_;
    for (size_t f = 0; f < kFieldCount; ++f) total_lengths_[f] -= field_length(doc, Field(f));
    for (TermId t : terms) {
        if (t < df_.size() && df_[t] > 0) --df_[t];
        ++dead_entries_;
    }
    if (dead_entries_ * 4 > entries_) compact();
}

bool Index::remove(DocId doc, const Article& article) {
    if (!contains(doc)) return false;
    settle();
    // Analyzing the article again costs per word what deriving every forward list costs per
    // postings entry, about kEntriesPerWord times over (Reuters natively: 0.6-0.9 us a word, 57-90
    // us an article of 96 words; 51-71 ms for 1.2 million entries, 0.04-0.06 us each). Once the
    // words analyzed since the forward lists went would have paid for deriving them, they are
    // derived (ski rental: a big batch of removals costs at most about twice what it would with
    // the lists kept; a single Delete, a tenth of a millisecond, not a walk of every list).
    constexpr uint64_t kEntriesPerWord = 14;
    uint64_t words = 0;
    for (size_t f = 0; f < kFieldCount; ++f) words += field_length(doc, Field(f));
    reanalysed_words_ += words;
    thread_local std::vector<TermId> terms;
    // A term dropped from a damaged file may be in the article yet no longer in its postings
    // (and added again since, by other documents): only the postings say which terms it has.
    if (forward_ends_.size() == live_.size() || reanalysed_words_ * kEntriesPerWord > entries_ || terms_dropped_ ||
        !terms_of_added(doc, article, terms))
        return remove(doc);
    mark_removed(doc, terms);
    return true;
}

bool Index::remove(DocId doc) {
    if (!contains(doc)) return false;
    settle();
    if (forward_ends_.size() != live_.size()) build_forward();
    const uint8_t* p = forward_.data() + (doc == 0 ? 0 : forward_ends_[doc - 1]);
    const uint8_t* end = forward_.data() + forward_ends_[doc];
    thread_local std::vector<TermId> terms;
    terms.clear();
    uint32_t t = 0;
    for (bool first = true; p < end; first = false) {
        uint32_t v = 0;
        if (!varint::get32(p, end, v)) break;
        t = first ? v : t + v;
        terms.push_back(t);
    }
    mark_removed(doc, terms);
    return true;
}

// ------------------------------------------------------------------------------------------------
// [SECTION] Compaction
// ------------------------------------------------------------------------------------------------

namespace postings {

Copied copy_live_entries(std::span<const uint8_t> in, const std::vector<uint8_t>& live, std::vector<uint8_t>& out) {
    Copied c;
    const uint8_t* p = in.data();
    const uint8_t* end = p + in.size();
    uint64_t prev = 0;
    while (p < end) {
        const uint8_t* rest = p;
        Head head;
        if (!read_head(p, end, head)) break;
        uint64_t gap = 0;
        varint::get(rest, end, gap); // read once already: steps `rest` to the code byte
        prev += head.gap;
        if (prev - 1 < live.size() && live[size_t(prev - 1)]) {
            varint::put(out, prev - c.last_plus1);
            c.last_plus1 = prev;
            out.insert(out.end(), rest, p);
            ++c.entries;
        } else {
            ++c.dropped;
        }
    }
    return c;
}

std::string check(std::span<const uint8_t> bytes, uint64_t df, const std::vector<uint8_t>& live) {
    const uint8_t* p = bytes.data();
    const uint8_t* end = p + bytes.size();
    uint64_t prev = 0, entries = 0;
    while (p < end) {
        Head head;
        if (!read_head(p, end, head)) return "bad entry (document gap, fields or frequencies)";
        prev += head.gap;
        if (prev - 1 >= live.size() || !live[size_t(prev - 1)]) return "entry for a missing document";
        const uint8_t* q = head.positions;
        for (size_t f = 0; f < kFieldCount; ++f) {
            uint64_t pos = 0;
            for (uint32_t i = 0; i < head.tf[f]; ++i) {
                uint32_t v = 0;
                if (!varint::get32(q, p, v) || (i > 0 && v == 0)) return "bad position";
                pos = i == 0 ? v : pos + v;
                if (pos >= UINT32_MAX) return "bad position";
            }
        }
        if (q != p) return "positions do not fill their bytes";
        ++entries;
    }
    if (entries != df) return "document frequency does not match the postings";
    return {};
}

} // namespace postings

void Index::compact() {
    if (dead_entries_ == 0) return;
    std::vector<uint8_t> out;
    // Which lists hold dead entries is not kept (a count a term would cost 4 bytes a term): every
    // list is walked, and those whose live entries are fewer than their entries rewritten.
    for (TermId t = 0; t < df_.size(); ++t) {
        out.clear();
        postings::Copied c = postings::copy_live_entries(postings_bytes(t), live_, out);
        if (c.dropped == 0) continue;
        uint32_t& list = list_slot(t);
        if (list == kInBlock || list == kNoList) {
            list = uint32_t(lists_.size());
            lists_.emplace_back();
        }
        lists_[list].assign(out); // the old list is read already
        lists_[list].last_plus1 = uint32_t(c.last_plus1);
        entries_ -= c.dropped;
    }
    blocks_.clear();
    dead_entries_ = 0;
}

// ------------------------------------------------------------------------------------------------
// [SECTION] Skip entries (in memory only)
// ------------------------------------------------------------------------------------------------
// Not part of the byte layout above nor of the index file: a list's blocks are derived from its
// bytes by the first read that wants them, and only appended to as the list grows (a list only
// grows at its end until compact() rewrites it, which drops them). Lists shorter than a block
// get none: walking them is as cheap as skipping.

Index::SkipEntries Index::posting_blocks(TermId t) const {
    if (const ListBlocks* list = list_blocks(t)) return {list->blocks, list->block_average};
    return {};
}

Index::ListBlocks* Index::list_blocks(TermId t) const {
    if (t >= df_.size()) return nullptr;
    check_term(t);
    if (df_[t] < kBlocksFrom) return nullptr; // live entries: a list with many dead ones may go without
    auto at = std::lower_bound(blocks_.begin(), blocks_.end(), t, [](const ListBlocks& b, TermId id) { return b.term < id; });
    if (at == blocks_.end() || at->term != t) { // inserting moves no block's entries
        ListBlocks fresh;
        fresh.term = t;
        at = blocks_.insert(at, std::move(fresh));
    }
    ListBlocks& list = *at;
    std::vector<PostingBlock>& blocks = list.blocks;
    std::span<const uint8_t> bytes = postings_bytes(t);
    if (list.walked == bytes.size()) return &list; // up to date
    list.walked = uint32_t(bytes.size());
    blocks.reserve(df_[t] / kBlockEntries);
    PostingCursor c;
    c.p_ = bytes.data() + (blocks.empty() ? 0 : blocks.back().end);
    c.end_ = bytes.data() + bytes.size();
    c.prev_plus1_ = blocks.empty() ? 0 : uint64_t(blocks.back().last) + 1;
    const Bm25fParams defaults;
    std::array<double, kFieldCount> average{};
    for (size_t f = 0; f < kFieldCount; ++f) average[f] = average_field_length(Field(f));
    // The rest's bound rescales from the lowest averages of any walk: an entry left out (or a
    // champion put out later) was weighed at the averages of one of them.
    // So do the blocks', which share one set of averages.
    for (size_t f = 0; f < list.rest.average_length.size(); ++f) {
        float a = float(average[f]);
        if (double(a) > average[f]) a = std::nextafter(a, 0.0f);
        list.rest.average_length[f] = list.considered_plus1 == 0 ? a : std::min(list.rest.average_length[f], a);
        list.block_average[f] = blocks.empty() ? a : std::min(list.block_average[f], a);
    }
    PostingBlock block;
    double max_tf = 0.0;
    size_t in_block = 0;
    while (c.read_entry()) { // dead entries too: a block is a run of bytes
        block.fields |= c.mask_;
        double tf = 0.0;
        for (size_t f = 0; f < list.block_average.size(); ++f)
            if (c.tf_[f]) tf += bm25f_field_tf(double(c.tf_[f]), double(field_length(c.doc_, Field(f))), average[f], defaults.fields[f]);
        max_tf = std::max(max_tf, tf);
        if (c.prev_plus1_ > list.considered_plus1) { // not weighed by an earlier walk
            list.considered_plus1 = DocId(c.prev_plus1_);
            weigh_champion(list, c, tf);
        }
        if (++in_block < kBlockEntries) continue;
        block.last = c.doc_;
        block.end = uint32_t(c.p_ - bytes.data());
        block.max_tf = float(max_tf);
        if (double(block.max_tf) < max_tf) block.max_tf = std::nextafter(block.max_tf, INFINITY);
        blocks.push_back(block);
        block = PostingBlock{};
        max_tf = 0.0;
        in_block = 0;
    }
    return &list;
}

void Index::weigh_champion(ListBlocks& list, const PostingCursor& c, double tf) {
    auto rounded_up = [](double v) {
        float f = float(v);
        return double(f) < v ? std::nextafter(f, INFINITY) : f;
    };
    auto to_rest = [&](float entry_tf, FieldMask fields) { // the rest's bound grows to cover it
        list.rest.fields |= fields;
        list.rest.max_tf = std::max(list.rest.max_tf, entry_tf);
    };
    Champion entry;
    entry.doc = c.doc_;
    entry.tf = rounded_up(tf);
    for (size_t f = 0; f < entry.field_tf.size(); ++f) {
        if (c.tf_[f] > UINT16_MAX) list.champions_usable = false;
        entry.field_tf[f] = uint16_t(std::min<uint32_t>(c.tf_[f], UINT16_MAX));
    }
    std::vector<Champion>& best = list.champions;
    auto higher = [](const Champion& a, const Champion& b) { return a.tf > b.tf; }; // ties: first come first
    if (best.size() == kChampions) {
        if (!(entry.tf > best.back().tf)) return to_rest(entry.tf, entry.fields());
        to_rest(best.back().tf, best.back().fields());
        best.pop_back();
    }
    best.insert(std::upper_bound(best.begin(), best.end(), entry, higher), entry);
}

std::optional<Index::Champions> Index::posting_champions(TermId t) const {
    const ListBlocks* list = list_blocks(t); // also brings the champions up to date
    if (!list || list->blocks.empty() || !list->champions_usable) return std::nullopt;
    return Champions{list->champions, list->rest};
}

PostingCursor Index::postings_after_block(TermId t, size_t b) const {
    std::span<const PostingBlock> blocks = posting_blocks(t).blocks;
    if (b >= blocks.size()) return PostingCursor{};
    std::span<const uint8_t> bytes = postings_bytes(t);
    PostingCursor c;
    c.p_ = bytes.data() + blocks[b].end;
    c.end_ = bytes.data() + bytes.size();
    c.prev_plus1_ = uint64_t(blocks[b].last) + 1;
    c.live_ = live_.data();
    c.live_size_ = DocId(live_.size());
    c.next();
    return c;
}

size_t Index::memory_bytes() const {
    size_t n = sizeof(*this);
    n += (df_.capacity() + block_ends_.capacity() + list_of_.capacity() + block_lasts_.capacity() * 2) * 4 +
         unchecked_.capacity() / 8 + lists_.capacity() * sizeof(lists_[0]);
    for (const auto& list : lists_) n += list.capacity;
    n += blocks_.capacity() * sizeof(blocks_[0]);
    for (const ListBlocks& b : blocks_) n += b.blocks.capacity() * sizeof(PostingBlock) + b.champions.capacity() * sizeof(Champion);
    for (const auto& [key, counts] : checked_phrases_) // about what a node-based map takes
        n += key.capacity() + counts->checked.capacity() / 8 + counts->found.bucket_count() * sizeof(void*) +
             counts->found.size() * (sizeof(FieldCounts) + 2 * sizeof(void*) + 8);
    n += term_text_.capacity() + term_ends_.capacity() * 4 + term_slots_.capacity() * 4 + loaded_postings_.capacity() +
         loaded_surfaces_.capacity();
    n += surface_text_.capacity() + (surface_ends_.capacity() + surface_terms_.capacity() + surface_slots_.capacity() +
                                     sorted_surfaces_.capacity()) * 4;
    n += stemmed_terms_.memory_bytes() + plain_terms_.memory_bytes() + analyzer_.memory_bytes();
    for (const auto& l : languages_) n += sizeof(Language) + l->stemmed_terms.memory_bytes() + l->analyzer.memory_bytes();
    n += live_.capacity() + lengths_.capacity() * 4 + dates_.capacity() * 4 + times_.capacity() * 2 + doc_languages_.capacity() + doc_sources_.capacity() * 4 + keys_.capacity() +
         key_ends_.capacity() * 4 + forward_.capacity() + forward_ends_.capacity() * 8;
    for (const std::string& source : sources_) n += sizeof(source) + 2 * source.capacity() + 32; // and its hash node
    return n;
}

// ------------------------------------------------------------------------------------------------
// [SECTION] Trimming after an import
// ------------------------------------------------------------------------------------------------

void Index::trim() {
    sort_surfaces();
    decltype(checked_phrases_)().swap(checked_phrases_);
    // Released, not cleared (clear() keeps the memory): the next add() starts them again. Swapped
    // out, as assigning an empty cache would keep its key text's buffer (a moved-in short string
    // is copied into the buffer there).
    for (WordCache* cache : {&stemmed_terms_, &plain_terms_}) {
        WordCache released;
        std::swap(*cache, released);
    }
    for (auto& l : languages_) {
        WordCache released;
        std::swap(l->stemmed_terms, released);
        l->analyzer.release_memory();
    }
    // The surfaces renumbered in their sorted order, so that prefix and typo searches read the
    // text front to back rather than hopping through it (typo queries were 10-13 % slower
    // hopping). Only the lookup table names ordinals besides the sorted order, and it goes below.
    // The sorted order is then the ordinals as they are, and its table goes (0.3 MB on Reuters).
    if (!std::is_sorted(sorted_surfaces_.begin(), sorted_surfaces_.end())) {
        std::string text;
        text.reserve(surface_text_.size());
        std::vector<uint32_t> ends(sorted_surfaces_.size());
        std::vector<TermId> terms(sorted_surfaces_.size());
        for (size_t i = 0; i < sorted_surfaces_.size(); ++i) {
            text += surface(sorted_surfaces_[i]);
            ends[i] = uint32_t(text.size());
            terms[i] = surface_terms_[sorted_surfaces_[i]];
            sorted_surfaces_[i] = uint32_t(i);
        }
        surface_text_ = std::move(text);
        surface_ends_ = std::move(ends);
        surface_terms_ = std::move(terms);
    }
    if (!sorted_surfaces_.empty()) {
        sorted_in_place_ = uint32_t(sorted_surfaces_.size());
        std::vector<uint32_t>().swap(sorted_surfaces_);
    }
    std::vector<uint32_t>().swap(surface_slots_);
    analyzer_.release_memory();
    // The term lookup table up to 70 % full rather than half (the next new term grows it again):
    // 20 Newsgroups' 172,000 terms fit 2^18 slots instead of 2^19 (1 MB). A successful probe
    // takes 2 steps on average at that load, a miss 6 (linear probing; Knuth 6.4).
    if (!term_slots_.empty()) {
        const size_t slots = std::bit_ceil(std::max<size_t>(64, (term_ends_.size() * 10 + 6) / 7 + 1));
        if (slots < term_slots_.size()) {
            std::vector<uint32_t>().swap(term_slots_);
            rehash_terms(slots);
        }
    }
    // Tables grown by doubling may hold as much slack as data.
    df_.shrink_to_fit();
    term_text_.shrink_to_fit();
    term_ends_.shrink_to_fit();
    surface_text_.shrink_to_fit();
    surface_ends_.shrink_to_fit();
    surface_terms_.shrink_to_fit();
    live_.shrink_to_fit();
    lengths_.shrink_to_fit();
    dates_.shrink_to_fit();
    times_.shrink_to_fit();
    doc_languages_.shrink_to_fit();
    doc_sources_.shrink_to_fit();
    keys_.shrink_to_fit();
    key_ends_.shrink_to_fit();
    // The forward lists go (1.6 MB on Reuters, 0.1x the text): remove() with the article finds
    // its terms by analyzing it again; one without derives them again from the postings.
    std::vector<uint8_t>().swap(forward_);
    std::vector<uint64_t>().swap(forward_ends_);
    reanalysed_words_ = 0;
    // The lists into one block, exactly as long as they are: a list grown by doubling holds up to
    // as much slack as data (a third of 10 MB on Reuters), and each its allocation. Lists already
    // in the block (a loaded file's, or packed before) move with the rest; their checks and skip
    // entries stay valid, as the bytes of each list stay the same. When no list has left the
    // block since (an import that added nothing, a restore of a loaded index), there is nothing to
    // pack, and copying every list would cost tens of MB at 100,000 articles.
    if (lists_.empty() && block_ends_.size() == df_.size()) return;
    size_t total = 0;
    for (TermId t = 0; t < df_.size(); ++t) total += postings_bytes(t).size();
    if (total > UINT32_MAX) return; // the offsets are 32-bit (an index file cannot hold it either)
    std::string block;
    block.reserve(total);
    std::vector<uint32_t> ends(df_.size());
    std::vector<std::pair<TermId, uint32_t>> lasts;
    for (TermId t = 0; t < df_.size(); ++t) {
        std::span<const uint8_t> bytes = postings_bytes(t); // in the old block or in lists_
        if (df_[t] >= kLastKeptFrom) {
            const uint32_t list = list_of(t);
            lasts.emplace_back(t, list == kInBlock ? last_in_block(t, bytes) : lists_[list].last_plus1);
        }
        block.append(reinterpret_cast<const char*>(bytes.data()), bytes.size());
        ends[t] = uint32_t(block.size());
    }
    loaded_postings_ = std::move(block);
    block_ends_ = std::move(ends);
    block_lasts_ = std::move(lasts);
    std::vector<uint32_t>().swap(list_of_);
    std::vector<GrowingList>().swap(lists_);
}

// ------------------------------------------------------------------------------------------------
// [SECTION] Lexicon lookups: exact, prefix, near (typos)
// ------------------------------------------------------------------------------------------------

void Index::sort_surfaces() const {
    if (!loaded_surfaces_.empty()) {
        // A loaded file's table: (vu(bytes) vu(term)) entries, the words back to back in
        // surface_text_ (index_file.cpp), which become ordinals 0, 1, ... in that order. It is in
        // order already; an entry that does not parse, names a missing term or is out of order
        // (only in a file made to pass the checksum) ends it, and the text after it is dropped.
        const auto* p = reinterpret_cast<const uint8_t*>(loaded_surfaces_.data());
        const uint8_t* end = p + loaded_surfaces_.size();
        const std::string_view text = surface_text_;
        size_t at = 0;
        surface_ends_.clear();
        surface_terms_.clear();
        surfaces_utf8_ = true;
        while (p < end) {
            uint64_t size = 0, id = 0;
            if (!varint::get(p, end, size) || !varint::get(p, end, id) || id >= df_.size() || size > text.size() - at) break;
            std::string_view s = text.substr(at, size_t(size));
            if (!surface_ends_.empty()) { // (surface, term) strictly ascending
                const int c = surface(uint32_t(surface_ends_.size() - 1)).compare(s);
                if (c > 0 || (c == 0 && surface_terms_.back() >= id)) break;
            }
            at += size_t(size);
            surface_ends_.push_back(uint32_t(at));
            surface_terms_.push_back(TermId(id));
            surfaces_utf8_ = surfaces_utf8_ && is_valid_utf8(s);
        }
        surface_text_.resize(at);
        std::vector<uint32_t>().swap(sorted_surfaces_);
        sorted_in_place_ = uint32_t(surface_ends_.size());
        loaded_surfaces_ = std::string();
        return;
    }
    const size_t old = sorted_count();
    if (old == surface_ends_.size()) return;
    // The new words sorted, then merged with the table (into a vector of the exact size: no slack).
    // A surface can be there twice, for two terms (two languages stem it differently): by term then.
    auto before = [this](uint32_t a, uint32_t b) {
        const int c = surface(a).compare(surface(b));
        return c != 0 ? c < 0 : surface_terms_[a] < surface_terms_[b];
    };
    // Sorted by their first 8 bytes as one big-endian number (zero-padded, which orders a word
    // before the longer words it begins), the text compared only on a tie: comparing the texts
    // every time (a memcmp call each, a byte loop in wasm) made this sort half of trim() there.
    struct Keyed { uint64_t head; uint32_t ordinal; };
    std::vector<Keyed> keyed(surface_ends_.size() - old);
    for (size_t i = 0; i < keyed.size(); ++i) {
        const std::string_view text = surface(uint32_t(old + i));
        uint64_t head = 0;
        for (size_t b = 0; b < 8; ++b) head = head << 8 | (b < text.size() ? static_cast<unsigned char>(text[b]) : 0u);
        keyed[i] = {head, uint32_t(old + i)};
    }
    std::sort(keyed.begin(), keyed.end(), [&](const Keyed& a, const Keyed& b) {
        return a.head != b.head ? a.head < b.head : before(a.ordinal, b.ordinal);
    });
    std::vector<uint32_t> fresh(keyed.size());
    for (size_t i = 0; i < fresh.size(); ++i) fresh[i] = keyed[i].ordinal;
    std::vector<Keyed>().swap(keyed);
    std::vector<uint32_t> merged(surface_ends_.size());
    for (size_t i = 0, j = 0, k = 0; k < merged.size(); ++k) // stable: the table's first on a tie
        merged[k] = j == fresh.size() || (i < old && !before(fresh[j], sorted_at(i))) ? sorted_at(i++) : fresh[j++];
    if (old == 0) surfaces_utf8_ = true;
    for (uint32_t s : fresh) surfaces_utf8_ = surfaces_utf8_ && is_valid_utf8(surface(s));
    sorted_surfaces_ = std::move(merged);
    sorted_in_place_ = 0;
}

size_t Index::sorted_lower_bound(std::string_view key) const {
    size_t low = 0, high = sorted_count();
    while (low < high) {
        const size_t mid = low + (high - low) / 2;
        if (surface(sorted_at(mid)) < key) low = mid + 1;
        else high = mid;
    }
    return low;
}

void Index::terms_with_prefix(std::string_view prefix, std::vector<TermId>& out) const {
    out.clear();
    sort_surfaces();
    const size_t begin = sorted_lower_bound(prefix);
    size_t end = begin;
    while (end < sorted_count() && surface(sorted_at(end)).starts_with(prefix)) ++end;
    out.reserve(end - begin); // not grown step by step: a short prefix has hundreds of words
    for (size_t r = begin; r < end; ++r)
        if (doc_frequency(surface_terms_[sorted_at(r)]) > 0) out.push_back(surface_terms_[sorted_at(r)]);
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
}

// On a mismatch the last '*' takes one more code point and the rest is
// tried again from there (a wildcard matcher's usual backtracking: earlier stars need never give
// back what they took, since the last one can take any run).
bool matches_pattern(std::string_view text, std::string_view pattern) {
    auto next_code_point = [&](size_t i) {
        do ++i;
        while (i < text.size() && (uint8_t(text[i]) & 0xC0) == 0x80);
        return i;
    };
    constexpr size_t kNone = std::string_view::npos;
    size_t t = 0, p = 0, star = kNone, resume = 0;
    while (t < text.size()) {
        if (p < pattern.size() && pattern[p] == '*') {
            star = ++p;
            resume = t;
        } else if (p < pattern.size() && pattern[p] == '?') {
            t = next_code_point(t);
            ++p;
        } else if (p < pattern.size() && pattern[p] == text[t]) {
            ++t, ++p;
        } else if (star != kNone) {
            p = star;
            t = resume = next_code_point(resume);
        } else {
            return false;
        }
    }
    while (p < pattern.size() && pattern[p] == '*') ++p;
    return p == pattern.size();
}
void Index::terms_matching(std::string_view pattern, std::vector<TermId>& out, std::vector<TermId>* mixed) const {
    out.clear();
    sort_surfaces();
    const std::string_view head = pattern.substr(0, std::min(pattern.find_first_of("*?"), pattern.size()));
    const std::string_view rest = pattern.substr(head.size());
    for (size_t r = sorted_lower_bound(head); r < sorted_count(); ++r) {
        const std::string_view word = surface(sorted_at(r));
        if (!word.starts_with(head)) break;
        if (matches_pattern(word.substr(head.size()), rest) && doc_frequency(surface_terms_[sorted_at(r)]) > 0)
            out.push_back(surface_terms_[sorted_at(r)]);
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    if (!mixed) return;
    // Every surface of those terms, wherever it sorts (a term's forms need not share the letters
    // before the first wildcard: "*ization" and "capital").
    mixed->clear();
    if (out.empty()) return;
    for (size_t s = 0; s < surface_terms_.size(); ++s)
        if (std::binary_search(out.begin(), out.end(), surface_terms_[s]) && !matches_pattern(surface(uint32_t(s)), pattern))
            mixed->push_back(surface_terms_[s]);
    std::sort(mixed->begin(), mixed->end());
    mixed->erase(std::unique(mixed->begin(), mixed->end()), mixed->end());
}

std::optional<TermId> Index::term_of_surface(std::string_view word) const {
    sort_surfaces();
    const size_t r = sorted_lower_bound(word);
    if (r == sorted_count() || surface(sorted_at(r)) != word) return std::nullopt;
    return surface_terms_[sorted_at(r)];
}

void Index::terms_of_surface(std::string_view word, std::vector<TermId>& out) const {
    out.clear();
    sort_surfaces();
    for (size_t r = sorted_lower_bound(word); r < sorted_count() && surface(sorted_at(r)) == word; ++r)
        out.push_back(surface_terms_[sorted_at(r)]);
    std::sort(out.begin(), out.end());
}

namespace {

// One code point of UTF-8 at s[at], advancing `at` by the length its lead byte announces (which
// may run past the end of a cut-short word: a prefix ending there is then never shared).
// Bytes are not validated: the same bytes always decode the same way, which is all the search needs.
char32_t next_code_point(std::string_view s, size_t& at) {
    auto c = static_cast<unsigned char>(s[at]);
    size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    char32_t cp = c < 0x80 ? c : c < 0xE0 ? (c & 0x1F) : c < 0xF0 ? (c & 0x0F) : (c & 0x07);
    for (size_t k = 1; k < len && at + k < s.size(); ++k)
        cp = (cp << 6) | (static_cast<unsigned char>(s[at + k]) & 0x3F);
    at += len;
    return cp;
}

// The first surface from `first` on (the one of rank `first` is not it) that is not `in_run`, the
// surfaces that are forming one run, of the `count` surfaces in sorted order (`at` gives the one of
// a rank): galloping, then binary search, so a jump costs the log of its length.
template <class SurfaceAt, class InRun>
size_t end_of_run(size_t count, SurfaceAt at, size_t first, InRun in_run) {
    size_t last_in = first, probe = first + 1;
    for (size_t step = 1; probe < count && in_run(at(probe)); step *= 2) {
        last_in = probe;
        probe += step;
    }
    size_t low = last_in + 1, high = std::min(probe, count); // the end is in [low, high]
    while (low < high) {
        const size_t mid = low + (high - low) / 2;
        if (in_run(at(mid))) low = mid + 1;
        else high = mid;
    }
    return low;
}

} // namespace

// The sorted surfaces walked as an implicit trie (the classic trie + dynamic programme: Shang and
// Merrett, "Tries for approximate string matching", IEEE TKDE 1996). The table is the edit
// distance of optimal string alignment (Levenshtein plus adjacent transpositions), one row per code
// point of the surface and one column per code point of the query word. A row depends only on the
// surface's prefix up to it, so:
//   - a surface reuses the rows of the code points it shares with the surface walked before it;
//   - once a row's smallest cell exceeds `max_edits`, no later row can come back under it (each
//     cell is at least a cell of the row above, or of the row two above plus one for a swap, which
//     is no less than a cell of the row above), so every surface with that prefix is skipped;
//   - once a row's smallest cell is exactly `max_edits`, only a match on the diagonal keeps the
//     next row in reach, so the next code point must be one the query has just after such a cell:
//     those few children of the prefix are found by binary search instead of walking all of its
//     children (what a Levenshtein automaton does, Schulz and Mihov 2002).
// Cells more than `max_edits` from the diagonal are never below max_edits + 1 and are not computed:
// every cell is kept at min(value, max_edits + 1), which changes no value up to max_edits. The
// result is the same set of terms and distances as measuring every surface alone. The lookups by
// code point rely on byte order being code point order, true of well-formed UTF-8 only; a table
// with anything else in it (a damaged file) is walked child by child.
void Index::terms_near(std::string_view word, int max_edits, std::vector<NearTerm>& out) const {
    out.clear();
    if (max_edits < 0) return;
    sort_surfaces();
    const int over = int(std::min<int64_t>(int64_t(max_edits) + 1, INT32_MAX / 2)); // more than max_edits
    const size_t edits = size_t(over - 1);
    std::u32string query;
    for (size_t at = 0; at < word.size();) query.push_back(next_code_point(word, at));
    const size_t m = query.size(), width = m + 3; // a row: columns -1 .. m + 1, the outer two `over`
    // Per depth d (code points of the current surface's prefix): its row and the row's smallest
    // cell, its code point and the byte offset where its prefix ends. Depth 0 is the empty prefix.
    thread_local std::vector<int> rows, least;
    thread_local std::u32string chars;
    thread_local std::vector<size_t> ends;
    thread_local std::string key;
    rows.assign(width, over);
    for (size_t j = 0; j <= std::min(m, edits); ++j) rows[j + 1] = int(j);
    least.assign(1, 0);
    chars.assign(1, U'\0');
    ends.assign(1, 0);
    auto row = [&](size_t d) { return rows.data() + d * width + 1; }; // row(d)[j]: column j
    // The smallest code point above `after` that can follow the prefix of depth p when its row's
    // smallest cell is max_edits, or 0 if there is none: the query's code point after a cell that
    // holds max_edits (a match on the diagonal). The first half of a swap needs no case of its
    // own: a swap from row p - 1, column j - 2 (at most max_edits - 1) is only possible when row p
    // holds at most max_edits at column j - 2 too (one step down), whose code point it is. Code
    // points that well-formed UTF-8 cannot hold (a query's bad bytes) follow no prefix.
    auto next_possible = [&](size_t p, char32_t after) {
        char32_t best = 0;
        const size_t from = p > edits ? p - edits : 0, to = std::min(m, p + edits + 1);
        for (size_t j = from; j < to; ++j) {
            const char32_t c = query[j];
            const bool scalar = c <= 0x10FFFF && (c < 0xD800 || c > 0xDFFF);
            if (row(p)[j] < over && c > after && (best == 0 || c < best) && scalar) best = c;
        }
        return best;
    };

    const size_t count = sorted_count();
    auto surface_at = [&](size_t rank) { return surface(sorted_at(rank)); };
    std::string_view path; // the surface whose prefix rows 1 .. have are of
    size_t have = 0;
    for (size_t i = 0; i < count;) {
        const std::string_view s = surface_at(i);
        const TermId id = surface_terms_[sorted_at(i)];
        const auto shorter = std::ptrdiff_t(std::min(s.size(), path.size()));
        const auto common = size_t(std::mismatch(s.begin(), s.begin() + shorter, path.begin()).first - s.begin());
        while (ends[have] > common) --have;
        path = s;
        size_t d = have, at = ends[have];
        bool pruned = false;
        while (at < s.size()) {
            const char32_t c = next_code_point(s, at);
            ++d;
            if (rows.size() < (d + 1) * width) { // first time this deep: a row of `over`, never shrunk
                rows.resize((d + 1) * width, over);
                least.resize(d + 1);
                chars.resize(d + 1);
                ends.resize(d + 1);
            }
            chars[d] = c;
            ends[d] = at;
            int* cur = row(d);
            const int* up = row(d - 1);
            int row_min = over;
            if (d <= edits) row_min = cur[0] = int(d);
            const size_t from = d > edits ? d - edits : 1, to = std::min(m, d + edits);
            for (size_t j = from; j <= to; ++j) {
                int v = std::min({up[j] + 1, cur[j - 1] + 1, up[j - 1] + (query[j - 1] == c ? 0 : 1)});
                if (d >= 2 && j >= 2 && query[j - 2] == c && query[j - 1] == chars[d - 1])
                    v = std::min(v, row(d - 2)[j - 2] + 1);
                cur[j] = std::min(v, over);
                row_min = std::min(row_min, cur[j]);
            }
            least[d] = row_min;
            if (row_min >= over) {
                pruned = true;
                break;
            }
        }
        if (!pruned) {
            have = d;
            const int distance = row(d)[m];
            if (distance < over && doc_frequency(id) > 0) out.push_back({id, distance, s});
            ++i;
            continue;
        }
        // Every surface with the prefix of depth d is out: on to the next child of its parent
        // that can do better, or, when there is none, the parent is out too.
        have = d - 1;
        for (size_t k = d;;) {
            const size_t p = k - 1;
            if (surfaces_utf8_ && least[p] + 1 == over) {
                if (char32_t next = next_possible(p, chars[k])) {
                    key.assign(s.substr(0, ends[p]));
                    text::append_utf8(key, next);
                    i = end_of_run(count, surface_at, i, [&](std::string_view t) { return t < key; });
                    break;
                }
                if (p == 0) {
                    i = count;
                    break;
                }
                k = p;
                continue;
            }
            // A prefix cut short inside a code point is not a prefix of longer surfaces (their
            // bytes decode differently).
            std::string_view prefix = s.substr(0, ends[k]);
            i = ends[k] > s.size() ? i + 1
                                   : end_of_run(count, surface_at, i, [&](std::string_view t) { return t.starts_with(prefix); });
            break;
        }
    }
    std::sort(out.begin(), out.end(), [](const NearTerm& a, const NearTerm& b) {
        return a.term != b.term ? a.term < b.term : a.edits != b.edits ? a.edits < b.edits : a.surface < b.surface;
    });
    // Each term's surfaces at its least distance (the first of its run), every one of them.
    size_t kept = 0;
    for (size_t i = 0; i < out.size(); ++i)
        if (kept == 0 || out[kept - 1].term != out[i].term || out[kept - 1].edits == out[i].edits) out[kept++] = out[i];
    out.resize(kept);
}

} // namespace broadsheet::search
