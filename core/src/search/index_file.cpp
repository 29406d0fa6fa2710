// Saving and loading the index: one versioned binary with a checksum, laid out so that loading
// is a few copies and a few tight loops of checks.
//
// ------------------------------------------------------------------------------------------------
// The file format (version 8). u8/u32/u64 are fixed-width little-endian; vu is an unsigned LEB128
// varint (varint.hpp); str := vu(n) byte{n}; T{n} is n values of T back to back.
//
//   file      := header body sum
//   header    := magic:"BSINDEX" 0x1A  version:u32=8  body_bytes:u64
//   sum       := u64 checksum::of(header and body) (checksum.hpp)
//   body      := options docs terms surfaces stored      (nothing may follow `stored`)
//   options   := str(language) u8(flags) vu(n) str(article_language){n}
//       flags: 1 fold_diacritics, 2 stopwords, 4 stem, 8 paragraph_gaps; no others. article_language: the Snowball
//       names of the other languages articles were analyzed in (Index::analyzer_for), in the
//       order they came, each known to snowball_language(), none twice nor the index's own
//   docs      := u32(doc_count) u32(live_count) u8(live){doc_count} u32(date){doc_count}
//                u16(time){doc_count} u8(language){doc_count}
//                u32(field_length){kFieldCount * doc_count} u32(key_bytes){doc_count} byte{keys}
//                vu(source_count) str(source){source_count} u32(source){doc_count}
//       live is 0 or 1, live_count of them 1; language the slot the document was analyzed in
//       (Index::language_slot: 0 the index's own, i the i-th article_language); date = date_number() of the article's date, 0 if
//       none; time = time_number() of it as a 16-bit two's complement, 0x8000 (kNoTime) or -1439
//       to 2878; field lengths document by document; the keys back to back, as many bytes as the
//       key_bytes add up to; the sources the live documents name (Index::source_id), each once,
//       non-empty, in the order the documents first name them, and each document's: 0 none (and
//       every dead document's), i the i-th source
//   terms     := u32(term_count) u32(text_bytes){term_count} u32(df){term_count}
//                u32(postings_bytes){term_count} byte{texts} byte{lists}
//       term t's text and postings list are the t-th pieces of the two blocks, back to back in
//       TermId order, each block as long as its sizes add up to; texts unique and non-empty;
//       df >= 1 = the number of entries in the list (the file holds no dead entries); lists as in
//       index.cpp, every doc < doc_count and live
//       (Sizes rather than ends: the same speed to load, and they gzip to half the bytes.)
//   surfaces  := vu(count) str(entry{count}) str(surface text)
//   entry     := vu(surface_bytes) vu(term_id < term_count)
//       the unstemmed folded forms, back to back in the text; (surface, term_id) strictly
//       ascending, surfaces bytewise (a surface is there once for each term it has: articles in
//       two languages may stem it differently)
//   stored    := u8(0) | u8(1) article{doc_count}
//   article   := str(file) str(title) str(standfirst) vu(n) str(byline){n} str(date) str(source)
//                str(text) vu(p) (vu(begin) vu(end)){p} str(language)
//       begin <= end <= text length; language as Article::language
//
// Version 1 also stored each document's term list and interleaved texts with lists; the index
// derives the term lists from the postings when they are first needed (Index::settle). Version 2
// stored the document table and the term sizes as varints, one entry after another, and summed
// 8-byte words; version 3 wrote every postings entry's field mask, frequencies and positions'
// byte length in full (index.cpp). None of them is read any more. Version 7 is version 8 whose
// positions run on from one paragraph into the next (flag 8 was not written: paragraph_gaps off);
// it is still read, and the index keeps its positions so. Version 6 is version 7 without
// the sources (a document's is its stored article's, or none without them); it is still read.
// Version 5 is version 6 without the times (every document's is kNoTime); it is still read. Version 4 is version 5 without
// the article languages and the documents' language (every article was analyzed in the index's
// own language) and without a stored article's language; it is still read (a file is refused with a message to
// rebuild it: nothing keeps an index in a user's browser, and the demo's is built with the page).
//
// Loading trusts nothing, but does only what is cheap up front: the length and the checksum
// (every byte, so a damaged file is refused at once), then every count and size against the bytes
// left (so a corrupt count cannot ask for gigabytes) and the fixed-width tables of documents and
// terms, copied in one piece where the index keeps them as they are and checked in one pass. The
// term texts, the postings block and the surfaces are copied as they are, and checked when first
// used: a postings list entry by entry the first time it is read (Index::check_term), the surface
// entries by the first prefix or typo search (Index::sort_surfaces). What fails there can only be
// in a file made to pass the checksum: a list that does not parse counts as empty, the surface
// table ends at the first bad entry, a term listed twice is found under its first id; nothing is
// ever read past. Anything wrong up front refuses the whole file with a message.
// ------------------------------------------------------------------------------------------------
#include "broadsheet/index.hpp"

#include "checksum.hpp"
#include "postings.hpp"
#include "varint.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>
#include <exception>
#include <new>
#include <stdexcept>

namespace broadsheet::search {

namespace {

constexpr char kMagic[8] = {'B', 'S', 'I', 'N', 'D', 'E', 'X', 0x1A};
constexpr uint32_t kVersion = 8;
constexpr uint32_t kOldestVersion = 4; // read too: see the grammar
constexpr size_t kSumBytes = 8;
constexpr size_t kHeaderBytes = 8 + 4 + 8;

void put_fixed(std::string& out, uint64_t v, int bytes) {
    for (int i = 0; i < bytes; ++i) out.push_back(char(uint8_t(v >> (8 * i))));
}

uint64_t get_fixed(std::string_view s, size_t at, int bytes) {
    uint64_t v = 0;
    for (int i = 0; i < bytes; ++i) v |= uint64_t(static_cast<unsigned char>(s[at + size_t(i)])) << (8 * i);
    return v;
}

// The i-th of an array of little-endian u32s.
uint32_t u32_at(std::string_view s, size_t i) {
    uint32_t v;
    std::memcpy(&v, s.data() + 4 * i, 4);
    return std::endian::native == std::endian::little ? v : __builtin_bswap32(v);
}

// Little-endian u32s into a vector: one copy on a little-endian machine.
void copy_u32(std::string_view bytes, std::vector<uint32_t>& out) {
    out.resize(bytes.size() / 4);
    if constexpr (std::endian::native == std::endian::little) {
        if (!out.empty()) std::memcpy(out.data(), bytes.data(), bytes.size());
    } else {
        for (size_t i = 0; i < out.size(); ++i) out[i] = u32_at(bytes, i);
    }
}

void put_str(std::string& out, std::string_view s) {
    varint::put(out, s.size());
    out += s;
}

// A bounded reader over the body: every read checks what is left and latches the first error.
class Reader {
public:
    explicit Reader(std::string_view s) : p_(reinterpret_cast<const uint8_t*>(s.data())), end_(p_ + s.size()) {}
    bool ok() const { return ok_; }
    const std::string& error() const { return error_; }
    size_t left() const { return size_t(end_ - p_); }
    void fail(std::string what) {
        if (ok_) error_ = std::move(what);
        ok_ = false;
        p_ = end_;
    }
    // The reads are small enough to inline (loading is a loop over every document and term); the
    // messages are built out of line. After a failure every read returns 0 or nothing.
    uint64_t vu(const char* what) {
        uint64_t v = 0;
        if (!varint::get(p_, end_, v)) return fail_in("bad number in ", what);
        return v;
    }
    // A count of items each at least `min_bytes` long: refused if the bytes left cannot hold them.
    size_t count(const char* what, size_t min_bytes) {
        uint64_t n = vu(what);
        if (n > left() / std::max<size_t>(min_bytes, 1)) return size_t(fail_in("impossible count of ", what));
        return size_t(n);
    }
    uint8_t u8(const char* what) {
        if (p_ >= end_) return uint8_t(fail_in("file ends inside ", what));
        return *p_++;
    }
    uint32_t u32(const char* what) {
        if (left() < 4) return uint32_t(fail_in("file ends inside ", what));
        uint32_t v = uint32_t(get_fixed(std::string_view(reinterpret_cast<const char*>(p_), 4), 0, 4));
        p_ += 4;
        return v;
    }
    // n fixed-width items of `width` bytes: refused if the bytes left cannot hold them.
    std::string_view array(size_t n, size_t width, const char* what) {
        if (n > left() / width) {
            fail_in("file ends inside ", what);
            return {};
        }
        return bytes(n * width, what);
    }
    std::string_view str(const char* what) { return bytes(vu(what), what); }
    std::string_view bytes(uint64_t n, const char* what) {
        if (n > left()) {
            fail_in("file ends inside ", what);
            return {};
        }
        std::string_view s(reinterpret_cast<const char*>(p_), size_t(n));
        p_ += n;
        return s;
    }

private:
    [[gnu::noinline, gnu::cold]] uint64_t fail_in(const char* problem, const char* what) {
        if (ok_) fail(std::string(problem) + what);
        return 0;
    }

    const uint8_t* p_;
    const uint8_t* end_;
    std::string error_;
    bool ok_ = true;
};

} // namespace

struct IndexFile {
    static std::string save(const Index& ix, const std::vector<const Article*>& stored);
    static LoadedIndex load(std::string_view bytes);
};

std::string IndexFile::save(const Index& ix, const std::vector<const Article*>& stored) {
    // Term ids are renumbered to leave out terms no live document holds any more.
    std::vector<TermId> new_id(ix.term_count(), UINT32_MAX);
    TermId next = 0;
    for (TermId t = 0; t < ix.term_count(); ++t)
        if (ix.doc_frequency(t) > 0) new_id[t] = next++;

    std::string body;
    const AnalyzerOptions& o = ix.analyzer_options();
    put_str(body, o.language);
    body.push_back(char((o.fold_diacritics ? 1 : 0) | (o.stopwords ? 2 : 0) | (o.stem ? 4 : 0) | (o.paragraph_gaps ? 8 : 0)));
    varint::put(body, ix.languages_.size());
    for (const auto& l : ix.languages_) put_str(body, l->analyzer.options().language);

    const DocId n = ix.id_limit();
    put_fixed(body, n, 4);
    put_fixed(body, ix.live_count_, 4);
    for (DocId d = 0; d < n; ++d) body.push_back(char(ix.live_[d] != 0 ? 1 : 0));
    for (DocId d = 0; d < n; ++d) put_fixed(body, ix.dates_[d], 4);
    for (DocId d = 0; d < n; ++d) put_fixed(body, uint16_t(ix.time_of_day(d)), 2);
    for (DocId d = 0; d < n; ++d) body.push_back(char(ix.language_slot(d)));
    for (DocId d = 0; d < n; ++d)
        for (size_t f = 0; f < kFieldCount; ++f) put_fixed(body, ix.field_length(d, Field(f)), 4);
    for (DocId d = 0; d < n; ++d) put_fixed(body, ix.key(d).size(), 4);
    for (DocId d = 0; d < n; ++d) body += ix.key(d);
    // The live documents' sources, numbered as they first come: equal indexes give equal files.
    std::vector<uint32_t> source_as(ix.source_count(), 0);
    std::vector<uint32_t> doc_sources(n, 0);
    std::string source_table;
    uint32_t sources = 0;
    for (DocId d = 0; d < n; ++d) {
        const uint32_t id = ix.live_[d] ? ix.source_id(d) : 0;
        if (id == 0) continue;
        if (source_as[id] == 0) source_as[id] = ++sources, put_str(source_table, ix.source_name(id));
        doc_sources[d] = source_as[id];
    }
    varint::put(body, sources);
    body += source_table;
    for (DocId d = 0; d < n; ++d) put_fixed(body, doc_sources[d], 4);

    // The three tables of the terms, then their two blocks.
    std::string text_sizes, dfs, list_sizes, texts;
    std::vector<uint8_t> lists, live_entries;
    for (TermId t = 0; t < ix.term_count(); ++t) {
        if (ix.df_[t] == 0) continue;
        std::span<const uint8_t> list = ix.postings_bytes(t);
        if (ix.dead_entries_ != 0) { // the list may hold some
            live_entries.clear();
            postings::copy_live_entries(list, ix.live_, live_entries);
            list = live_entries;
        }
        texts += ix.term(t);
        lists.insert(lists.end(), list.begin(), list.end());
        put_fixed(text_sizes, ix.term(t).size(), 4);
        put_fixed(dfs, ix.df_[t], 4);
        put_fixed(list_sizes, list.size(), 4);
    }
    put_fixed(body, next, 4);
    // The loader keeps term texts and lists as 4 GiB blocks at most (term_text_ is no larger).
    if (lists.size() > UINT32_MAX) throw std::length_error("more than 4 GiB of postings cannot be saved");
    body += text_sizes;
    body += dfs;
    body += list_sizes;
    body += texts;
    body.append(reinterpret_cast<const char*>(lists.data()), lists.size());

    // Surfaces in sorted order (the table prefix and typo searches use), so that equal indexes give
    // equal files.
    ix.sort_surfaces();
    texts.clear();
    std::string entries;
    size_t surfaces = 0;
    for (size_t rank = 0; rank < ix.sorted_count(); ++rank) {
        const uint32_t ordinal = ix.sorted_at(rank);
        const TermId id = ix.surface_terms_[ordinal];
        if (ix.df_[id] == 0) continue;
        const std::string_view s = ix.surface(ordinal);
        varint::put(entries, s.size());
        varint::put(entries, new_id[id]);
        texts += s;
        ++surfaces;
    }
    varint::put(body, surfaces);
    put_str(body, entries);
    put_str(body, texts);

    bool with_articles = !stored.empty();
    body.push_back(char(with_articles ? 1 : 0));
    if (with_articles) {
        const Article empty;
        for (DocId d = 0; d < n; ++d) {
            const Article& a = d < stored.size() && stored[d] && ix.live_[d] ? *stored[d] : empty;
            put_str(body, a.file);
            put_str(body, a.title);
            put_str(body, a.standfirst);
            varint::put(body, a.byline.size());
            for (const auto& b : a.byline) put_str(body, b);
            put_str(body, a.date);
            put_str(body, a.source);
            put_str(body, a.text);
            varint::put(body, a.paragraphs.size());
            for (const auto& r : a.paragraphs) varint::put(body, r.begin), varint::put(body, r.end);
            put_str(body, a.language);
        }
    }

    std::string file(kMagic, sizeof kMagic);
    put_fixed(file, kVersion, 4);
    put_fixed(file, body.size(), 8);
    file += body;
    put_fixed(file, checksum::of(file), 8);
    return file;
}

LoadedIndex IndexFile::load(std::string_view bytes) {
    LoadedIndex out;
    auto refuse = [&](const std::string& why) {
        out.index.reset();
        out.articles.clear();
        out.error = why;
        return std::move(out);
    };
    if (bytes.size() < kHeaderBytes + kSumBytes || std::memcmp(bytes.data(), kMagic, 7) != 0) {
        if (bytes.size() >= 7 && std::memcmp(bytes.data(), kMagic, 7) == 0)
            return refuse("not a complete Broadsheet index (the file is cut short)");
        return refuse("not a Broadsheet index file");
    }
    if (bytes[7] != kMagic[7]) return refuse("not a Broadsheet index file (damaged header)");
    uint64_t version = get_fixed(bytes, 8, 4);
    if (version < kOldestVersion || version > kVersion)
        return refuse("index format version " + std::to_string(version) + " is not supported (this build reads " +
                      std::to_string(kOldestVersion) + " to " + std::to_string(kVersion) + "); rebuild the index");
    uint64_t body_bytes = get_fixed(bytes, 12, 8);
    if (body_bytes != bytes.size() - kHeaderBytes - kSumBytes) {
        if (body_bytes > bytes.size() - kHeaderBytes - kSumBytes) return refuse("the index file is cut short");
        return refuse("the index file has extra bytes at the end");
    }
    uint64_t stored_sum = get_fixed(bytes, bytes.size() - kSumBytes, 8);
    if (checksum::of(bytes.substr(0, bytes.size() - kSumBytes)) != stored_sum)
        return refuse("the index file is damaged (checksum mismatch)");

    try {
        Reader r(bytes.substr(kHeaderBytes, size_t(body_bytes)));
        AnalyzerOptions o;
        o.language = std::string(r.str("options"));
        uint8_t flags = r.u8("options");
        if (r.ok() && (flags > (version >= 8 ? 15 : 7) || o.language.size() > 64)) r.fail("unknown analyzer options");
        o.fold_diacritics = flags & 1;
        o.stopwords = flags & 2;
        o.stem = flags & 4;
        o.paragraph_gaps = flags & 8;
        if (!r.ok()) return refuse("the index file is damaged: " + r.error());
        auto ix = std::make_unique<Index>(o);
        const size_t languages = version >= 5 ? r.count("the article languages", 1) : 0;
        for (size_t i = 0; i < languages && r.ok(); ++i) {
            const std::string_view name = r.str("the article languages");
            if (r.ok() && (snowball_language(name) != name || name == o.language || ix->find_language(name)))
                r.fail("unknown article language");
            if (r.ok()) ix->add_language(name);
        }
        if (!r.ok()) return refuse("the index file is damaged: " + r.error());

        // The documents: four tables copied whole, then checked in one pass.
        size_t n = r.u32("documents");
        uint64_t live_count = r.u32("documents");
        std::string_view live = r.array(n, 1, "the documents");
        std::string_view dates = r.array(n, 4, "the documents");
        std::string_view times = version >= 6 ? r.array(n, 2, "the documents") : std::string_view();
        std::string_view doc_languages = version >= 5 ? r.array(n, 1, "the documents") : std::string_view();
        std::string_view lengths = r.array(n, 4 * kFieldCount, "the documents");
        std::string_view key_sizes = r.array(n, 4, "the documents");
        if (!r.ok()) return refuse("the index file is damaged: " + r.error());
        ix->live_.assign(live.begin(), live.end());
        if (version >= 5) ix->doc_languages_.assign(doc_languages.begin(), doc_languages.end());
        else ix->doc_languages_.assign(n, 0);
        copy_u32(dates, ix->dates_);
        ix->times_.assign(n, kNoTime);
        if (version >= 6)
            for (size_t d = 0; d < n; ++d) ix->times_[d] = int16_t(uint16_t(uint8_t(times[2 * d]) | uint8_t(times[2 * d + 1]) << 8));
        copy_u32(lengths, ix->lengths_);
        ix->key_ends_.resize(n);
        uint32_t bad = 0;
        uint64_t key_end = 0; // a sum of n u32s: no overflow
        for (size_t d = 0; d < n; ++d) {
            const uint8_t is_live = ix->live_[d];
            const int16_t time = ix->times_[d];
            bad |= uint32_t(time != kNoTime && (time < -1439 || time > 2878)) |
                   uint32_t(is_live > 1) | uint32_t(ix->dates_[d] > 99991231) |
                   uint32_t(ix->doc_languages_[d] > ix->languages_.size());
            key_end += u32_at(key_sizes, d);
            ix->key_ends_[d] = uint32_t(key_end);
            ix->live_count_ += is_live;
            for (size_t f = 0; f < kFieldCount; ++f) ix->total_lengths_[f] += is_live ? ix->lengths_[d * kFieldCount + f] : 0;
        }
        if (bad) r.fail("bad document entry");
        if (r.ok() && key_end > UINT32_MAX) r.fail("file ends inside the document keys");
        if (r.ok() && ix->live_count_ != live_count) r.fail("document count mismatch");
        std::string_view keys = r.bytes(key_end, "the document keys");
        if (r.ok()) ix->keys_.assign(keys);
        if (version >= 7) {
            const size_t sources = r.count("the sources", 1);
            for (size_t i = 0; i < sources && r.ok(); ++i) {
                const std::string_view source = r.str("the sources");
                if (r.ok() && (source.empty() || ix->intern_source(source) != i + 1)) r.fail("bad source");
            }
            std::string_view doc_sources = r.array(n, 4, "the documents' sources");
            if (r.ok()) copy_u32(doc_sources, ix->doc_sources_);
            bad = 0;
            for (size_t d = 0; d < n && r.ok(); ++d) bad |= uint32_t(ix->doc_sources_[d] > sources);
            if (bad) r.fail("bad document source");
        } else {
            ix->doc_sources_.assign(n, 0); // from the stored articles, if any (below)
        }

        // The terms: three tables, then the two blocks, copied whole.
        size_t term_count = r.u32("terms");
        std::string_view text_sizes = r.array(term_count, 4, "the terms");
        std::string_view dfs = r.array(term_count, 4, "the terms");
        std::string_view list_sizes = r.array(term_count, 4, "the terms");
        if (!r.ok()) return refuse("the index file is damaged: " + r.error());
        ix->term_ends_.resize(term_count);
        ix->df_.resize(term_count);
        ix->block_ends_.resize(term_count);
        ix->unchecked_.assign(term_count, true);
        uint64_t text_end = 0, list_end = 0; // sums of u32s: no overflow
        bad = 0;
        for (size_t t = 0; t < term_count; ++t) {
            const uint32_t size = u32_at(text_sizes, t), df = u32_at(dfs, t), list = u32_at(list_sizes, t);
            bad |= uint32_t(size == 0) | uint32_t(df == 0) | uint32_t(df > n);
            text_end += size;
            ix->term_ends_[t] = uint32_t(text_end);
            list_end += list;
            ix->block_ends_[t] = uint32_t(list_end); // list_end <= UINT32_MAX is checked below
            ix->df_[t] = df;
            ix->entries_ += df;
        }
        if (bad) r.fail("bad term entry");
        if (r.ok() && (text_end > UINT32_MAX || list_end > UINT32_MAX)) r.fail("file ends inside the terms");
        std::string_view texts = r.bytes(text_end, "the terms");
        std::string_view lists = r.bytes(list_end, "the postings");
        if (r.ok()) {
            ix->term_text_.assign(texts);
            ix->loaded_postings_.assign(lists); // one copy (a byte loop if assigned to a vector<uint8_t>)
        }

        // The surfaces: copied as they are; the first prefix or typo search reads the entries.
        uint64_t surface_count = r.vu("surface forms");
        std::string_view entries = r.str("surface forms");
        std::string_view surfaces = r.str("surface forms");
        if (r.ok() && surface_count > entries.size() / 2) r.fail("impossible count of surface forms");
        if (r.ok() && !entries.empty()) { // no entries: the text names no surface and is dropped
            ix->surface_text_.assign(surfaces);
            ix->loaded_surfaces_.assign(entries);
        }
        ix->unsettled_ = true;

        uint8_t with_articles = r.u8("the stored articles flag");
        if (r.ok() && with_articles > 1) r.fail("bad stored articles flag");
        if (with_articles == 1) {
            if (r.ok() && n > r.left() / 9) r.fail("impossible count of stored articles");
            out.articles.resize(r.ok() ? n : 0);
            for (size_t d = 0; d < n && r.ok(); ++d) {
                Article& a = out.articles[d];
                a.file = r.str("a stored article");
                a.title = r.str("a stored article");
                a.standfirst = r.str("a stored article");
                size_t names = r.count("byline names", 1);
                for (size_t i = 0; i < names && r.ok(); ++i) a.byline.emplace_back(r.str("a byline"));
                a.date = r.str("a stored article");
                a.source = r.str("a stored article");
                a.text = r.str("a stored article");
                size_t paras = r.count("paragraphs", 2);
                for (size_t i = 0; i < paras && r.ok(); ++i) {
                    uint64_t b = r.vu("a paragraph"), e = r.vu("a paragraph");
                    if (r.ok() && (b > e || e > a.text.size())) r.fail("paragraph outside its text");
                    a.paragraphs.push_back({uint32_t(b), uint32_t(e)});
                }
                if (version >= 5) a.language = r.str("a stored article");
                if (version < 7 && r.ok() && ix->live_[d]) ix->doc_sources_[d] = ix->intern_source(a.source);
            }
        }
        if (r.ok() && r.left() != 0) r.fail("unexpected bytes after the stored articles");
        if (!r.ok()) return refuse("the index file is damaged: " + r.error());
        out.index = std::move(ix);
        return out;
    } catch (const std::bad_alloc&) {
        return refuse("not enough memory to load the index");
    } catch (const std::exception& e) {
        return refuse(std::string("cannot load the index: ") + e.what());
    }
}

std::string save_index(const Index& index, const std::vector<const Article*>& stored) {
    return IndexFile::save(index, stored);
}

LoadedIndex load_index(std::string_view bytes) { return IndexFile::load(bytes); }

} // namespace broadsheet::search
