// The saved-index loader (index_file.cpp) on any bytes. The first input byte is a mode: when its
// low bit is set the harness rewrites the header's body length and the trailing checksum to match,
// so the fuzzer gets past the checksum to the structure behind it; when clear, the bytes are
// loaded as they are (exercising the length and checksum checks themselves).
//
// A file that loads must be an index that can be used: every postings list walks cleanly and
// agrees with the document frequencies (a list is checked when first read, and one that does not
// parse counts as empty); searches, additions, removals and compaction work; and it
// saves to a file that loads back and saves to the same bytes again.
#include "fuzz_check.hpp"

#include "broadsheet/index.hpp"
#include "broadsheet/search.hpp"
#include "search/checksum.hpp"

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace bs = broadsheet::search;

namespace {

// header: magic[8] version:u32le body_bytes:u64le; then the body; then sum:u64le (checksum.hpp).
void fix_length_and_checksum(std::string& file) {
    if (file.size() < 28) return;
    uint64_t body = file.size() - 28;
    for (int i = 0; i < 8; ++i) file[size_t(12 + i)] = char(uint8_t(body >> (8 * i)));
    uint64_t sum = bs::checksum::of(std::string_view(file).substr(0, file.size() - 8));
    for (int i = 0; i < 8; ++i) file[file.size() - 8 + size_t(i)] = char(uint8_t(sum >> (8 * i)));
}

void walk(const bs::Index& ix) {
    FUZZ_CHECK(ix.size() <= ix.id_limit());
    size_t live = 0;
    for (bs::DocId d = 0; d < ix.id_limit(); ++d) {
        live += ix.contains(d);
        fuzz::touch(ix.key(d));
        fuzz::touch(ix.date(d));
        for (size_t f = 0; f < bs::kFieldCount; ++f) fuzz::touch(ix.field_length(d, bs::Field(f)));
    }
    FUZZ_CHECK(live == ix.size());
    std::vector<uint32_t> positions;
    for (bs::TermId t = 0; t < ix.term_count(); ++t) {
        std::string_view term = ix.term(t);
        FUZZ_CHECK(!term.empty());
        fuzz::touch(term);
        auto found = ix.find(term); // a word listed twice (never saved so) is found under its first id
        FUZZ_CHECK_MSG(found && ix.term(*found) == term, "find(term(t)) finds another word");
        uint32_t docs = 0;
        bs::DocId prev = bs::kNoDoc;
        for (bs::PostingCursor c = ix.postings(t); !c.at_end(); c.next()) {
            FUZZ_CHECK(ix.contains(c.doc()));
            FUZZ_CHECK_MSG(prev == bs::kNoDoc || c.doc() > prev, "postings not ascending");
            prev = c.doc();
            FUZZ_CHECK(c.fields() != 0 && c.fields() < (1u << bs::kFieldCount));
            for (size_t f = 0; f < bs::kFieldCount; ++f) {
                c.positions(bs::Field(f), positions);
                FUZZ_CHECK_MSG(positions.size() == c.frequency(bs::Field(f)), "positions do not match the frequency");
                FUZZ_CHECK(((c.fields() >> f) & 1) == (c.frequency(bs::Field(f)) > 0));
                for (size_t i = 1; i < positions.size(); ++i) FUZZ_CHECK(positions[i - 1] < positions[i]);
                for (uint32_t p : positions) fuzz::touch(p);
            }
            ++docs;
        }
        FUZZ_CHECK_MSG(docs == ix.doc_frequency(t), "postings walk " + std::to_string(docs) + " documents, df says " +
                                                         std::to_string(ix.doc_frequency(t)));
    }
    fuzz::touch(ix.memory_bytes());
}

void search_some(const bs::Index& ix) {
    std::vector<std::string> queries = {"storm", "a*", "the OR and", "\"heavy rain\"", "date:2014..2015 -x"};
    if (ix.term_count() > 0) {
        std::string t(ix.term(0));
        queries.push_back(t);
        queries.push_back(t + "*");
        queries.push_back(t + "~2");
        queries.push_back("\"" + t + " " + std::string(ix.term(bs::TermId(ix.term_count() - 1))) + "\"");
        queries.push_back("title:" + t + " OR by:" + t);
    }
    for (const auto& q : queries) {
        bs::SearchResult r = bs::search(ix, q, {});
        for (const auto& h : r.hits) FUZZ_CHECK_MSG(ix.contains(h.doc), "a hit names a removed or missing document");
        fuzz::touch(bs::to_string(bs::parse_query(q, ix.analyzer())));
    }
    std::vector<bs::TermId> prefixed;
    ix.terms_with_prefix("s", prefixed);
    for (auto t : prefixed) FUZZ_CHECK(t < ix.term_count());
    std::vector<bs::Index::NearTerm> near;
    ix.terms_near("storm", 2, near);
    for (const auto& n : near) FUZZ_CHECK(n.term < ix.term_count() && n.edits >= 0 && n.edits <= 2);
}

// save -> load -> save gives the same bytes; returns the first save.
std::string round_trip(const bs::Index& ix, const std::vector<broadsheet::Article>& articles) {
    std::vector<const broadsheet::Article*> stored;
    for (const auto& a : articles) stored.push_back(&a);
    std::string saved = bs::save_index(ix, stored);
    bs::LoadedIndex again = bs::load_index(saved);
    FUZZ_CHECK_MSG(again.ok(), "the loader refuses what save_index wrote: " + again.error);
    stored.clear();
    for (const auto& a : again.articles) stored.push_back(&a);
    FUZZ_CHECK_MSG(bs::save_index(*again.index, stored) == saved, "save(load(save(x))) != save(x)");
    return saved;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size == 0) return 0;
    std::string file(reinterpret_cast<const char*>(data + 1), size - 1);
    if (data[0] & 1) fix_length_and_checksum(file);

    bs::LoadedIndex li = bs::load_index(file);
    fuzz::touch(li.error);
    if (!li.ok()) {
        FUZZ_CHECK(!li.index && li.articles.empty() && !li.error.empty());
        return 0;
    }
    FUZZ_CHECK(li.index != nullptr);
    bs::Index& ix = *li.index;
    FUZZ_CHECK_MSG(li.articles.empty() || li.articles.size() == ix.id_limit(), "stored articles do not match the documents");
    for (const auto& a : li.articles) {
        fuzz::touch(a.title);
        for (size_t i = 0; i < a.paragraphs.size(); ++i) {
            FUZZ_CHECK(a.paragraphs[i].begin <= a.paragraphs[i].end && a.paragraphs[i].end <= a.text.size());
            fuzz::touch(a.paragraph(i));
        }
    }
    walk(ix);
    search_some(ix);
    round_trip(ix, li.articles);

    // A loaded index keeps working: add an article, remove the first live document, compact.
    broadsheet::Article extra;
    extra.title = "Storm over the harbour";
    extra.add_paragraph("Heavy rain and a storm surge; the harbour wall held.");
    bs::DocId added = ix.add(extra, "extra");
    FUZZ_CHECK(ix.contains(added));
    for (bs::DocId d = 0; d < ix.id_limit(); ++d)
        if (ix.contains(d) && d != added) {
            FUZZ_CHECK(ix.remove(d));
            break;
        }
    walk(ix);
    search_some(ix);
    ix.compact();
    walk(ix);
    std::vector<broadsheet::Article> articles = li.articles;
    if (!articles.empty()) articles.resize(ix.id_limit()), articles[added] = extra;
    round_trip(ix, articles);
    return 0;
}
