// Saving and loading the index: one versioned binary with a checksum, laid out so that loading
// is a few copies and one pass over the terms.
//
// ------------------------------------------------------------------------------------------------
// The file format (version 2). u8/u32le/u64le are fixed-width little-endian; vu is an unsigned
// LEB128 varint (varint.hpp); str := vu(n) byte{n}.
//
//   file      := header body sum
//   header    := magic:"BSINDEX" 0x1A  version:u32le=2  body_bytes:u64le
//   sum       := u64le checksum::of(header and body) (checksum.hpp)
//   body      := options docs terms surfaces stored      (nothing may follow `stored`)
//   options   := str(language) u8(flags)     flags: 1 fold_diacritics, 2 stopwords, 4 stem; no others
//   docs      := vu(doc_count) vu(live_count) doc{doc_count}
//   doc       := u8(live: 0 or 1) str(key) vu(date) vu(field_length){5}
//       date    = date_number() of the article's date, 0 if none
//   terms     := vu(term_count) (vu(text_bytes) vu(df) vu(postings_bytes)){term_count}
//                byte{sum of text_bytes}  byte{sum of postings_bytes}
//       term t's text and postings list are the t-th pieces of the two blocks, back to back in
//       TermId order; texts unique and non-empty; df >= 1 = the number of entries in the list (the
//       file holds no dead entries); lists as in index.cpp, every doc < doc_count and live
//   surfaces  := vu(count) str(entry{count}) str(surface text)
//   entry     := vu(surface_bytes) vu(term_id < term_count)
//       the unstemmed folded forms, strictly ascending (bytewise), back to back in the text
//   stored    := u8(0) | u8(1) article{doc_count}
//   article   := str(file) str(title) str(standfirst) vu(n) str(byline){n} str(date) str(source)
//                str(text) vu(p) (vu(begin) vu(end)){p}     (begin <= end <= text length)
//
// Version 1 also stored each document's term list and interleaved texts with lists; the index
// derives the term lists from the postings when they are first needed (Index::settle).
//
// Loading trusts nothing, but does only what is cheap up front: the length and the checksum
// (every byte, so a damaged file is refused at once), then every count and size against the bytes
// left (so a corrupt count cannot ask for gigabytes) and the document table. The term texts, the
// postings block and the surfaces are copied as they are, and checked when first used: a postings
// list entry by entry the first time it is read (Index::check_term), the surface entries by the
// first prefix or typo search (Index::sort_surfaces). What fails there can only be in a file made
// to pass the checksum: a list that does not parse counts as empty, the surface table ends at the
// first bad entry, a term listed twice is found under its first id; nothing is ever read past.
// Anything wrong up front refuses the whole file with a message.
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

namespace broadsheet::search {

namespace {

constexpr char kMagic[8] = {'B', 'S', 'I', 'N', 'D', 'E', 'X', 0x1A};
constexpr uint32_t kVersion = 2;
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
    std::vector<TermId> new_id(ix.terms_.size(), UINT32_MAX);
    TermId next = 0;
    for (TermId t = 0; t < ix.terms_.size(); ++t)
        if (ix.doc_frequency(t) > 0) new_id[t] = next++;

    std::string body;
    const AnalyzerOptions& o = ix.analyzer_options();
    put_str(body, o.language);
    body.push_back(char((o.fold_diacritics ? 1 : 0) | (o.stopwords ? 2 : 0) | (o.stem ? 4 : 0)));

    const DocId n = ix.id_limit();
    varint::put(body, n);
    varint::put(body, ix.live_count_);
    for (DocId d = 0; d < n; ++d) {
        body.push_back(char(ix.live_[d] != 0 ? 1 : 0));
        put_str(body, ix.key(d));
        varint::put(body, ix.dates_[d]);
        for (size_t f = 0; f < kFieldCount; ++f) varint::put(body, ix.field_length(d, Field(f)));
    }

    varint::put(body, next);
    std::string texts;
    std::vector<uint8_t> lists, live_entries;
    for (TermId t = 0; t < ix.terms_.size(); ++t) {
        const auto& td = ix.terms_[t];
        if (td.df == 0) continue;
        std::span<const uint8_t> list = ix.postings_bytes(t);
        if (td.entries != td.df) {
            live_entries.clear();
            postings::copy_live_entries(list, ix.live_, live_entries);
            list = live_entries;
        }
        std::string_view text = ix.term(t);
        varint::put(body, text.size());
        varint::put(body, td.df);
        varint::put(body, list.size());
        texts += text;
        lists.insert(lists.end(), list.begin(), list.end());
    }
    body += texts;
    body.append(reinterpret_cast<const char*>(lists.data()), lists.size());

    // Surfaces in sorted order (the table prefix and typo searches use), so that equal indexes give
    // equal files.
    ix.sort_surfaces();
    texts.clear();
    std::string entries;
    size_t surfaces = 0;
    for (const auto& [s, id] : ix.sorted_surfaces_) {
        if (ix.terms_[id].df == 0) continue;
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
    if (version != kVersion)
        return refuse("index format version " + std::to_string(version) + " is not supported (this build reads " +
                      std::to_string(kVersion) + "); rebuild the index");
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
        if (r.ok() && (flags > 7 || o.language.size() > 64)) r.fail("unknown analyzer options");
        o.fold_diacritics = flags & 1;
        o.stopwords = flags & 2;
        o.stem = flags & 4;
        if (!r.ok()) return refuse("the index file is damaged: " + r.error());
        auto ix = std::make_unique<Index>(o);

        size_t n = r.count("documents", 8);
        uint64_t live_count = r.vu("documents");
        ix->live_.reserve(n);
        ix->lengths_.reserve(n * kFieldCount);
        ix->dates_.reserve(n);
        ix->key_ends_.reserve(n);
        for (size_t d = 0; d < n && r.ok(); ++d) {
            uint8_t live = r.u8("a document");
            if (live > 1) r.fail("bad document flag");
            ix->live_.push_back(live);
            ix->keys_ += r.str("a document key");
            ix->key_ends_.push_back(uint32_t(ix->keys_.size()));
            uint64_t date = r.vu("a document date");
            if (date > 99991231) r.fail("bad document date");
            ix->dates_.push_back(uint32_t(date));
            for (size_t f = 0; f < kFieldCount; ++f) {
                uint64_t len = r.vu("a field length");
                if (len > UINT32_MAX) r.fail("bad field length");
                ix->lengths_.push_back(uint32_t(len));
                if (live) ix->total_lengths_[f] += len;
            }
            ix->live_count_ += live;
        }
        if (r.ok() && (ix->live_count_ != live_count || ix->keys_.size() > UINT32_MAX)) r.fail("document count mismatch");

        // The terms: sizes first, then the two blocks, copied whole.
        size_t term_count = r.count("terms", 3);
        if (r.ok() && term_count >= UINT32_MAX) r.fail("impossible count of terms");
        ix->terms_.resize(term_count);
        ix->term_ends_.resize(term_count);
        uint64_t text_bytes = 0, list_bytes = 0;
        for (size_t t = 0; t < term_count && r.ok(); ++t) {
            uint64_t size = r.vu("a term"), df = r.vu("a term's frequency"), list = r.vu("a postings list");
            if (!r.ok()) break;
            if (size == 0 || df == 0 || df > n || size > r.left() || list > r.left()) { r.fail("bad term entry"); break; }
            text_bytes += size; // each at most the bytes left: no overflow
            list_bytes += list;
            if (text_bytes > UINT32_MAX || text_bytes > r.left() || list_bytes > r.left()) {
                r.fail("file ends inside the terms");
                break;
            }
            ix->term_ends_[t] = uint32_t(text_bytes);
            Index::TermData& td = ix->terms_[t];
            td.loaded = true;
            td.checked = false;
            td.loaded_begin = size_t(list_bytes - list);
            td.loaded_end = size_t(list_bytes);
            td.df = td.entries = uint32_t(df);
            ix->entries_ += df;
        }
        std::string_view texts = r.bytes(text_bytes, "the terms");
        std::string_view lists = r.bytes(list_bytes, "the postings");
        if (r.ok()) {
            ix->term_text_.assign(texts);
            ix->loaded_postings_.assign(lists); // one copy (a byte loop if assigned to a vector<uint8_t>)
        }

        // The surfaces: copied as they are; the first prefix or typo search reads the entries.
        uint64_t surface_count = r.vu("surface forms");
        std::string_view entries = r.str("surface forms");
        std::string_view surfaces = r.str("surface forms");
        if (r.ok() && surface_count > entries.size() / 2) r.fail("impossible count of surface forms");
        if (r.ok()) {
            ix->surface_text_.reserve(std::max<size_t>(surfaces.size(), 64)); // never in-place (SSO)
            ix->surface_text_.assign(surfaces);
            ix->loaded_surfaces_.assign(entries);
            ix->surfaces_sorted_ = entries.empty();
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
