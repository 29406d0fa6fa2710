// Saving and loading: a round trip changes nothing; a damaged file is refused, never read past.
#include "broadsheet/index.hpp"
#include "broadsheet/search.hpp"

#include "search/checksum.hpp"
#include "search_fixtures.hpp"
#include "test_helpers.hpp"

#include <doctest/doctest.h>

using namespace broadsheet::search;

namespace {

struct Saved {
    std::vector<broadsheet::Article> articles;
    Index index;
    std::string bytes;
};

Saved saved_news(bool with_removal) {
    Saved s{search_fixtures::news(), search_fixtures::news_index(), {}};
    if (with_removal) s.index.remove(3);
    std::vector<const broadsheet::Article*> stored;
    for (const auto& a : s.articles) stored.push_back(&a);
    s.bytes = save_index(s.index, stored);
    return s;
}

const char* kQueries[] = {"storm", "heavy rain", "\"heavy rain\"", "harb*", "hurricne~1", "by:roe", "date:2014", "-storm",
                          "東京", "cafe OR election"};

} // namespace

TEST_CASE("a saved and loaded index gives the same results, keys and articles") {
    for (bool removal : {false, true}) {
        CAPTURE(removal);
        Saved s = saved_news(removal);
        auto loaded = load_index(s.bytes);
        REQUIRE_MESSAGE(loaded.ok(), loaded.error);
        const Index& ix = *loaded.index;
        CHECK(ix.size() == s.index.size());
        CHECK(ix.id_limit() == s.index.id_limit());
        for (DocId d = 0; d < ix.id_limit(); ++d) {
            CHECK(ix.key(d) == s.index.key(d));
            CHECK(ix.contains(d) == s.index.contains(d));
        }
        REQUIRE(loaded.articles.size() == s.articles.size());
        CHECK(loaded.articles[0].title == s.articles[0].title);
        CHECK(loaded.articles[0].byline == s.articles[0].byline);
        CHECK(loaded.articles[0].paragraphs == s.articles[0].paragraphs);
        for (const char* q : kQueries) {
            CAPTURE(q);
            SearchOptions o;
            o.limit = 20;
            CHECK(search(ix, q, o).hits == search(s.index, q, o).hits);
        }
        // Saving the loaded index again gives the same bytes.
        std::vector<const broadsheet::Article*> stored;
        for (const auto& a : loaded.articles) stored.push_back(&a);
        CHECK(save_index(ix, stored) == s.bytes);
    }
}

TEST_CASE("a loaded index takes further adds and removes") {
    Saved s = saved_news(true);
    auto loaded = load_index(s.bytes);
    REQUIRE(loaded.ok());
    Index& ix = *loaded.index;
    DocId d = ix.add(search_fixtures::article("Storm returns", "Another storm."), "late");
    CHECK(d == 8);
    CHECK(search(ix, "storm").hits.size() == 4);
    ix.remove(0);
    CHECK(search(ix, "storm").hits.size() == 3);
}

TEST_CASE("a loaded index that takes more articles finds old and new words by prefix and typo, as one built at once") {
    // The loaded surface table becomes the first ordinals, the added words are merged in after.
    std::vector<broadsheet::Article> news = reuters(400);
    if (skipped(news)) return;
    Index whole, first;
    for (size_t i = 0; i < news.size(); ++i) whole.add(news[i], std::to_string(i));
    for (size_t i = 0; i < 250; ++i) first.add(news[i], std::to_string(i));
    first.trim();
    for (bool trim_at_once : {false, true}) {
        CAPTURE(trim_at_once);
        auto loaded = load_index(save_index(first));
        REQUIRE(loaded.ok());
        Index& ix = *loaded.index;
        if (trim_at_once) ix.trim(); // as the app does after restoring a library
        std::vector<TermId> ids;
        ix.terms_with_prefix("oil", ids); // a lookup before the adds reads the file's table
        CHECK(!ids.empty());
        for (size_t i = 250; i < news.size(); ++i) {
            ix.add(news[i], std::to_string(i));
            if (i == 300) ix.trim();
        }
        std::vector<TermId> a, b;
        for (const char* p : {"a", "co", "oil", "ba", "s", "tra", "zz", "1", "pr"}) {
            CAPTURE(p);
            ix.terms_with_prefix(p, a);
            whole.terms_with_prefix(p, b);
            CHECK(a == b); // no removals: the same terms get the same ids
        }
        std::vector<Index::NearTerm> x, y;
        for (const char* w : {"petroleum", "exporst", "goverment", "shares", "wheat"}) {
            CAPTURE(w);
            ix.terms_near(w, 2, x);
            whole.terms_near(w, 2, y);
            REQUIRE(x.size() == y.size());
            for (size_t i = 0; i < x.size(); ++i) CHECK((x[i].term == y[i].term && x[i].edits == y[i].edits));
            CHECK(ix.term_of_surface(w) == whole.term_of_surface(w));
        }
        CHECK(save_index(ix) == save_index(whole));
    }
}

TEST_CASE("an index without stored articles loads with none") {
    Index ix = search_fixtures::news_index();
    auto loaded = load_index(save_index(ix));
    REQUIRE(loaded.ok());
    CHECK(loaded.articles.empty());
    CHECK(search(*loaded.index, "storm").hits.size() == 3);
}

TEST_CASE("foreign and empty files are refused with a message") {
    struct Row { std::string bytes; const char* message; };
    const Row rows[] = {
        {"", "not a Broadsheet index file"},
        {"hello world, this is not an index at all", "not a Broadsheet index file"},
        {"BSINDEX", "cut short"},
        {std::string("BSINDEX\x1A\x09\0\0\0", 12) + std::string(16, '\0'), "version 9 is not supported"},
        {std::string("BSINDEX\x1A\x03\0\0\0", 12) + std::string(16, '\0'), "version 3 is not supported"},
        {std::string("BSINDEX\x1A\x02\0\0\0", 12) + std::string(16, '\0'), "version 2 is not supported"},
        {std::string("BSINDEX\x1A\x01\0\0\0", 12) + std::string(16, '\0'), "version 1 is not supported"},
    };
    for (const auto& row : rows) {
        auto r = load_index(row.bytes);
        CHECK_FALSE(r.ok());
        CHECK(r.index == nullptr);
        CHECK(r.error.find(row.message) != std::string::npos);
    }
}

TEST_CASE("an index cut at any byte is refused") {
    Saved s = saved_news(true);
    for (size_t n = 0; n < s.bytes.size(); ++n) {
        // A copy of exactly n bytes, so a sanitizer catches any read past them.
        std::string cut = s.bytes.substr(0, n);
        auto r = load_index(cut);
        CAPTURE(n);
        CHECK_FALSE(r.ok());
        CHECK_FALSE(r.error.empty());
    }
}

TEST_CASE("an index with any byte changed is refused") {
    Saved s = saved_news(true);
    for (size_t i = 0; i < s.bytes.size(); ++i) {
        for (uint8_t flip : {uint8_t(0x01), uint8_t(0x80), uint8_t(0xFF)}) {
            std::string bad = s.bytes;
            bad[i] = char(uint8_t(bad[i]) ^ flip);
            auto r = load_index(bad);
            CAPTURE(i);
            CHECK_FALSE(r.ok());
        }
    }
}

TEST_CASE("a checksum-valid file with a broken structure is refused, not trusted") {
    // Re-seal damaged bodies with a correct checksum: the structural checks must catch them, when
    // loading or (postings lists) when first read.
    Saved s = saved_news(false);
    auto reseal = [](std::string bytes) {
        uint64_t sum = broadsheet::search::checksum::of(std::string_view(bytes).substr(0, bytes.size() - 8));
        for (int k = 0; k < 8; ++k) bytes[bytes.size() - 8 + size_t(k)] = char(uint8_t(sum >> (8 * k)));
        return bytes;
    };
    CHECK(load_index(reseal(s.bytes)).ok()); // resealing an intact file changes nothing
    size_t refused = 0, accepted_and_searched = 0;
    for (size_t i = 20; i + 8 < s.bytes.size(); ++i) {
        std::string bad = s.bytes;
        bad[i] = char(uint8_t(bad[i]) ^ 0x55);
        auto r = load_index(reseal(bad));
        if (!r.ok()) {
            ++refused;
            continue;
        }
        // Some changes are harmless (a letter of a stored title), and a postings list is only
        // checked when first read: the index must still work, a damaged list counting as empty.
        Index& ix = *r.index;
        for (const char* q : kQueries) CHECK_NOTHROW(search(ix, q));
        for (TermId t = 0; t < ix.term_count(); ++t) {
            uint32_t docs = 0;
            for (PostingCursor c = ix.postings(t); !c.at_end(); c.next()) ++docs;
            CHECK(docs == ix.doc_frequency(t));
        }
        ix.add(search_fixtures::article("Storm returns", "Another storm."), "late");
        ix.remove(0);
        CHECK(load_index(save_index(ix)).ok());
        ++accepted_and_searched;
    }
    CHECK(refused > 0);
    MESSAGE("structural damage refused: ", refused, ", harmless changes accepted: ", accepted_and_searched);
}

TEST_CASE("a term a damaged file loses is not taken down again by removing a document that held it") {
    // A checksum-valid file whose document frequency for "storm" does not match its list: the
    // first add() drops the term (df 0, no list) and the new article adds it again. Removing an
    // old document that held it, with its article, must not take the new df down: the article
    // names the term, but the postings no longer do.
    Index ix;
    const broadsheet::Article first = search_fixtures::article("", "storm apple");
    ix.add(first, "0");
    ix.add(search_fixtures::article("", "storm banana"), "1");
    for (int d = 0; d < 20; ++d) // enough words that remove() analyzes the article again
        ix.add(search_fixtures::article("", "filler words in a long enough body to count many entries"), "f");
    std::string bytes = save_index(ix);
    std::string dfs; // the file's table of document frequencies, found by its contents
    for (TermId t = 0; t < ix.term_count(); ++t)
        for (int k = 0; k < 4; ++k) dfs.push_back(char(uint8_t(ix.doc_frequency(t) >> (8 * k))));
    const size_t at = bytes.find(dfs);
    REQUIRE(at != std::string::npos);
    REQUIRE(bytes.find(dfs, at + 1) == std::string::npos);
    const TermId storm = *ix.find("storm");
    REQUIRE(uint8_t(bytes[at + 4 * storm]) == 2);
    bytes[at + 4 * storm] = 1;
    const uint64_t sum = broadsheet::search::checksum::of(std::string_view(bytes).substr(0, bytes.size() - 8));
    for (int k = 0; k < 8; ++k) bytes[bytes.size() - 8 + size_t(k)] = char(uint8_t(sum >> (8 * k)));
    LoadedIndex loaded = load_index(bytes);
    REQUIRE(loaded.ok());
    Index& lx = *loaded.index;
    lx.add(search_fixtures::article("", "storm again"), "2"); // drops "storm", then adds it again
    CHECK(lx.doc_frequency(storm) == 1);
    CHECK(lx.remove(0, first));
    uint32_t docs = 0;
    for (PostingCursor c = lx.postings(storm); !c.at_end(); c.next()) ++docs;
    CHECK(docs == 1);
    CHECK(lx.doc_frequency(storm) == 1);
    LoadedIndex again = load_index(save_index(lx));
    REQUIRE(again.ok());
    CHECK(search(*again.index, "storm").hits.size() == 1);
}
