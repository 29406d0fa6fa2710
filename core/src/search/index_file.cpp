// Saving and loading the index: one versioned binary with a checksum.
//
// ------------------------------------------------------------------------------------------------
// The file format (version 1). u8/u32le/u64le are fixed-width little-endian; vu is an unsigned
// LEB128 varint (varint.hpp); str := vu(n) byte{n}.
//
//   file      := header body crc
//   header    := magic:"BSINDEX" 0x1A  version:u32le=1  body_bytes:u64le
//   crc       := u32le CRC-32 (the zlib/PNG polynomial 0xEDB88320) of header and body
//   body      := options docs terms surfaces stored      (nothing may follow `stored`)
//   options   := str(language) u8(flags)     flags: 1 fold_diacritics, 2 stopwords, 4 stem; no others
//   docs      := vu(doc_count) vu(live_count) doc{doc_count}
//   doc       := u8(live: 0 or 1) str(key) vu(date) vu(field_length){5} str(forward)
//       date    = date_number() of the article's date, 0 if none
//       forward = the document's distinct term ids, ascending, as vu(first) vu(gap >= 1)*;
//                 empty for a removed document
//   terms     := vu(term_count) term{term_count}
//   term      := str(text) vu(df) str(postings)
//       text unique and non-empty; df >= 1 = the number of entries in postings (the file holds no
//       dead entries); postings as in index.cpp, every doc < doc_count and live
//   surfaces  := vu(count) (str(surface) vu(term_id < term_count)){count}
//   stored    := u8(0) | u8(1) article{doc_count}
//   article   := str(file) str(title) str(standfirst) vu(n) str(byline){n} str(date) str(source)
//                str(text) vu(p) (vu(begin) vu(end)){p}     (begin <= end <= text length)
//
// Loading trusts nothing: the length and checksum are checked first, then every count against the
// bytes left (so a corrupt count cannot ask for gigabytes), every id against its table, every
// postings list entry by entry, and the document frequencies against the forward lists. Any
// mismatch refuses the whole file with a message naming what was wrong.
// ------------------------------------------------------------------------------------------------
#include "broadsheet/index.hpp"

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
constexpr uint32_t kVersion = 1;
constexpr size_t kHeaderBytes = 8 + 4 + 8;

uint32_t crc32(std::string_view bytes) {
    static const std::array<uint32_t, 256> table = [] {
        std::array<uint32_t, 256> t{};
        for (uint32_t i = 0; i < 256; ++i) {
            uint32_t c = i;
            for (int k = 0; k < 8; ++k) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            t[i] = c;
        }
        return t;
    }();
    uint32_t c = 0xFFFFFFFFu;
    for (char ch : bytes) c = table[(c ^ static_cast<unsigned char>(ch)) & 0xFF] ^ (c >> 8);
    return c ^ 0xFFFFFFFFu;
}

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
    bool ok() const { return error_.empty(); }
    const std::string& error() const { return error_; }
    size_t left() const { return size_t(end_ - p_); }
    void fail(std::string what) {
        if (error_.empty()) error_ = std::move(what);
        p_ = end_;
    }
    uint64_t vu(const char* what) {
        uint64_t v = 0;
        if (ok() && !varint::get(p_, end_, v)) fail(std::string("bad number in ") + what);
        return ok() ? v : 0;
    }
    // A count of items each at least `min_bytes` long: refused if the bytes left cannot hold them.
    size_t count(const char* what, size_t min_bytes) {
        uint64_t n = vu(what);
        if (ok() && n > left() / std::max<size_t>(min_bytes, 1)) fail(std::string("impossible count of ") + what);
        return ok() ? size_t(n) : 0;
    }
    uint8_t u8(const char* what) {
        if (!ok()) return 0;
        if (p_ >= end_) { fail(std::string("file ends inside ") + what); return 0; }
        return *p_++;
    }
    std::string_view str(const char* what) {
        uint64_t n = vu(what);
        if (!ok()) return {};
        if (n > left()) { fail(std::string("file ends inside ") + what); return {}; }
        std::string_view s(reinterpret_cast<const char*>(p_), size_t(n));
        p_ += n;
        return s;
    }

private:
    const uint8_t* p_;
    const uint8_t* end_;
    std::string error_;
};

// Checks one postings list; returns "" or what is wrong. `df` entries, docs ascending and live,
// valid masks, positions parsing to exactly pos_bytes and ascending within each field.
std::string check_postings(std::string_view bytes, uint64_t df, const std::vector<uint8_t>& live) {
    const uint8_t* p = reinterpret_cast<const uint8_t*>(bytes.data());
    const uint8_t* end = p + bytes.size();
    uint64_t prev = 0, entries = 0;
    while (p < end) {
        uint64_t gap = 0;
        if (!varint::get(p, end, gap) || gap == 0) return "bad document gap";
        prev += gap;
        if (prev - 1 >= live.size() || !live[size_t(prev - 1)]) return "entry for a missing document";
        if (p >= end) return "entry cut short";
        FieldMask mask = *p++;
        if (mask == 0 || mask >= (1u << kFieldCount)) return "bad field mask";
        std::array<uint32_t, kFieldCount> tf{};
        for (size_t f = 0; f < kFieldCount; ++f)
            if ((mask & (1u << f)) && (!varint::get32(p, end, tf[f]) || tf[f] == 0)) return "bad term frequency";
        uint64_t pos_bytes = 0;
        if (!varint::get(p, end, pos_bytes) || pos_bytes > uint64_t(end - p)) return "bad positions length";
        const uint8_t* q = p;
        const uint8_t* q_end = p + pos_bytes;
        for (size_t f = 0; f < kFieldCount; ++f) {
            uint64_t pos = 0;
            for (uint32_t i = 0; i < tf[f]; ++i) {
                uint32_t v = 0;
                if (!varint::get32(q, q_end, v) || (i > 0 && v == 0)) return "bad position";
                pos = i == 0 ? v : pos + v;
                if (pos >= UINT32_MAX) return "bad position";
            }
        }
        if (q != q_end) return "positions do not fill their block";
        p = q_end;
        ++entries;
    }
    if (entries != df) return "document frequency does not match the postings";
    return {};
}

} // namespace

struct IndexFile {
    static std::string save(const Index& ix, const std::vector<const Article*>& stored);
    static LoadedIndex load(std::string_view bytes);
};

std::string IndexFile::save(const Index& ix, const std::vector<const Article*>& stored) {
    // Term ids are renumbered to leave out terms no live document holds any more.
    std::vector<TermId> new_id(ix.terms_.size(), UINT32_MAX);
    TermId next = 0;
    for (size_t t = 0; t < ix.terms_.size(); ++t)
        if (ix.terms_[t].df > 0) new_id[t] = next++;

    std::string body;
    const AnalyzerOptions& o = ix.analyzer_options();
    put_str(body, o.language);
    body.push_back(char((o.fold_diacritics ? 1 : 0) | (o.stopwords ? 2 : 0) | (o.stem ? 4 : 0)));

    const DocId n = ix.id_limit();
    varint::put(body, n);
    varint::put(body, ix.live_count_);
    std::string forward;
    for (DocId d = 0; d < n; ++d) {
        bool live = ix.live_[d] != 0;
        body.push_back(char(live ? 1 : 0));
        put_str(body, ix.key(d));
        varint::put(body, ix.dates_[d]);
        for (size_t f = 0; f < kFieldCount; ++f) varint::put(body, ix.field_length(d, Field(f)));
        forward.clear();
        if (live) {
            const uint8_t* p = ix.forward_.data() + (d == 0 ? 0 : ix.forward_ends_[d - 1]);
            const uint8_t* end = ix.forward_.data() + ix.forward_ends_[d];
            uint32_t t = 0, prev = 0;
            for (bool first = true; p < end; first = false) {
                uint32_t v = 0;
                if (!varint::get32(p, end, v)) break;
                t = first ? v : t + v;
                TermId id = new_id[t]; // ascending old ids map to ascending new ids
                varint::put(forward, first ? id : id - prev);
                prev = id;
            }
        }
        put_str(body, forward);
    }

    varint::put(body, next);
    std::vector<uint8_t> live_entries;
    for (size_t t = 0; t < ix.terms_.size(); ++t) {
        const auto& td = ix.terms_[t];
        if (td.df == 0) continue;
        put_str(body, *td.text);
        varint::put(body, td.df);
        if (td.entries == td.df) {
            put_str(body, std::string_view(reinterpret_cast<const char*>(td.postings.data()), td.postings.size()));
        } else {
            live_entries.clear();
            postings::copy_live_entries(td.postings, ix.live_, live_entries);
            put_str(body, std::string_view(reinterpret_cast<const char*>(live_entries.data()), live_entries.size()));
        }
    }

    // Surfaces in sorted order, so that equal indexes give equal files.
    std::vector<std::pair<std::string_view, TermId>> surfaces;
    for (const auto& [s, id] : ix.surfaces_)
        if (ix.terms_[id].df > 0) surfaces.emplace_back(s, new_id[id]);
    std::sort(surfaces.begin(), surfaces.end());
    varint::put(body, surfaces.size());
    for (const auto& [s, id] : surfaces) {
        put_str(body, s);
        varint::put(body, id);
    }

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
    put_fixed(file, crc32(file), 4);
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
    if (bytes.size() < kHeaderBytes + 4 || std::memcmp(bytes.data(), kMagic, 7) != 0) {
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
    if (body_bytes != bytes.size() - kHeaderBytes - 4) {
        if (body_bytes > bytes.size() - kHeaderBytes - 4) return refuse("the index file is cut short");
        return refuse("the index file has extra bytes at the end");
    }
    uint32_t stored_crc = uint32_t(get_fixed(bytes, bytes.size() - 4, 4));
    if (crc32(bytes.substr(0, bytes.size() - 4)) != stored_crc) return refuse("the index file is damaged (checksum mismatch)");

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
            std::string_view fwd = r.str("a document's terms");
            if (!live && !fwd.empty()) r.fail("terms listed for a removed document");
            ix->forward_.insert(ix->forward_.end(), fwd.begin(), fwd.end());
            ix->forward_ends_.push_back(ix->forward_.size());
            ix->live_count_ += live;
        }
        if (r.ok() && (ix->live_count_ != live_count || ix->keys_.size() > UINT32_MAX)) r.fail("document count mismatch");

        size_t term_count = r.count("terms", 3);
        ix->terms_.reserve(term_count);
        uint64_t total_df = 0;
        for (size_t t = 0; t < term_count && r.ok(); ++t) {
            std::string_view text = r.str("a term");
            uint64_t df = r.vu("a term's frequency");
            std::string_view postings = r.str("a postings list");
            if (!r.ok()) break;
            if (text.empty() || df == 0 || df > n) { r.fail("bad term entry"); break; }
            if (std::string why = check_postings(postings, df, ix->live_); !why.empty()) {
                r.fail("postings of '" + std::string(text) + "': " + why);
                break;
            }
            auto [it, inserted] = ix->term_ids_.try_emplace(std::string(text), TermId(t));
            if (!inserted) { r.fail("a term is listed twice"); break; }
            Index::TermData td;
            td.text = &it->first;
            td.postings.assign(postings.begin(), postings.end());
            td.df = td.entries = uint32_t(df);
            // The last document in the list, for appending: the sum of the gaps.
            PostingCursor c;
            c.p_ = td.postings.data();
            c.end_ = c.p_ + td.postings.size();
            while (c.read_entry()) {}
            td.last_plus1 = c.prev_plus1_;
            ix->terms_.push_back(std::move(td));
            ix->entries_ += df;
            total_df += df;
        }

        // Forward lists: ascending ids below term_count, and as many entries as the postings hold.
        uint64_t forward_entries = 0;
        for (size_t d = 0; d < n && r.ok(); ++d) {
            const uint8_t* p = ix->forward_.data() + (d == 0 ? 0 : ix->forward_ends_[d - 1]);
            const uint8_t* end = ix->forward_.data() + ix->forward_ends_[d];
            uint64_t t = 0;
            for (bool first = true; p < end; first = false) {
                uint32_t v = 0;
                if (!varint::get32(p, end, v) || (!first && v == 0)) { r.fail("bad document term list"); break; }
                t = first ? v : t + v;
                if (t >= term_count) { r.fail("document term list names a missing term"); break; }
                ++forward_entries;
            }
        }
        if (r.ok() && forward_entries != total_df) r.fail("document term lists do not match the postings");

        size_t surface_count = r.count("surface forms", 2);
        ix->surfaces_.reserve(surface_count);
        for (size_t i = 0; i < surface_count && r.ok(); ++i) {
            std::string_view s = r.str("a surface form");
            uint64_t id = r.vu("a surface form");
            if (r.ok() && id >= term_count) r.fail("surface form of a missing term");
            if (r.ok()) ix->surfaces_.try_emplace(std::string(s), TermId(id));
        }
        ix->surfaces_sorted_ = false;

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
