// The in-memory index: postings content, statistics, incremental add and remove, lookups.
#include "broadsheet/index.hpp"

#include "search_fixtures.hpp"
#include "test_helpers.hpp"
#include "text_util.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <map>
#include <tuple>

using namespace broadsheet::search;
using search_fixtures::article;

namespace {

struct Entry {
    DocId doc;
    FieldMask fields;
    std::vector<uint32_t> body_positions;
    bool operator==(const Entry&) const = default;
};

std::vector<Entry> entries(const Index& ix, std::string_view term) {
    std::vector<Entry> out;
    auto t = ix.find(term);
    if (!t) return out;
    for (auto c = ix.postings(*t); !c.at_end(); c.next()) {
        Entry e{c.doc(), c.fields(), {}};
        c.positions(Field::Body, e.body_positions);
        out.push_back(e);
    }
    return out;
}

constexpr FieldMask kBody = field_bit(Field::Body);
constexpr FieldMask kTitle = field_bit(Field::Title);

std::u32string code_points(std::string_view s) { // lead and continuation bytes in place (no checks)
    std::u32string out;
    for (size_t i = 0; i < s.size();) {
        auto c = static_cast<unsigned char>(s[i]);
        size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        char32_t cp = len == 1 ? c : c & (0x7F >> len);
        for (size_t k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
        out.push_back(cp);
        i += len;
    }
    return out;
}

std::string utf8(const std::u32string& s) {
    std::string out;
    for (char32_t c : s) broadsheet::text::append_utf8(out, c);
    return out;
}

// The reference: optimal string alignment distance (Levenshtein plus adjacent transpositions), the
// whole table, no shortcuts.
int osa_distance(const std::u32string& a, const std::u32string& b) {
    const size_t w = b.size() + 1;
    thread_local std::vector<int> d;
    d.assign((a.size() + 1) * w, 0);
    for (size_t i = 0; i <= a.size(); ++i) d[i * w] = int(i);
    for (size_t j = 0; j <= b.size(); ++j) d[j] = int(j);
    for (size_t i = 1; i <= a.size(); ++i)
        for (size_t j = 1; j <= b.size(); ++j) {
            int v = std::min({d[(i - 1) * w + j] + 1, d[i * w + j - 1] + 1,
                              d[(i - 1) * w + j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                v = std::min(v, d[(i - 2) * w + j - 2] + 1);
            d[i * w + j] = v;
        }
    return d[a.size() * w + b.size()];
}

// A small deterministic generator (Knuth's MMIX LCG), so a failure names the same query every run.
struct Lcg {
    uint64_t state = 12345;
    size_t below(size_t n) {
        state = state * 6364136223846793005ull + 1442695040888963407ull;
        return size_t((state >> 33) % n);
    }
};

} // namespace

TEST_CASE("postings hold each document's fields and positions, in document order") {
    Index ix;
    ix.add(article("Storm warning", "a storm and another storm"), "a");
    ix.add(article("Calm", "no wind today"), "b");
    ix.add(article("Storms", "storm"), "c");
    CHECK(entries(ix, "storm") == std::vector<Entry>{{0, FieldMask(kTitle | kBody), {1, 4}}, {2, FieldMask(kTitle | kBody), {0}}});
    CHECK(entries(ix, "wind") == std::vector<Entry>{{1, kBody, {1}}});
    CHECK(entries(ix, "absent").empty());
    auto t = ix.find("storm");
    REQUIRE(t);
    CHECK(ix.doc_frequency(*t) == 2);
    auto c = ix.postings(*t);
    CHECK(c.frequency(Field::Body) == 2);
    CHECK(c.frequency(Field::Title) == 1);
}

TEST_CASE("every form of entry reads back the same: one field a few times, several fields, many times") {
    // index.cpp writes a term 1-7 times in one field in a short form (the frequency in the code
    // byte), the rest in the general one. Document gaps past one byte, frequencies 1, 3, 8 and
    // positions past one byte, read back fresh, after a save and load, and after compaction.
    Index ix;
    std::vector<std::map<Field, std::vector<uint32_t>>> expected; // "kiwi" per document
    for (int d = 0; d < 300; ++d) {
        std::string title = "Report", body;
        std::map<Field, std::vector<uint32_t>> want;
        const int shape = (d == 31 || d == 63 || d == 191) ? 9 : d % 7; // 9: nothing (a gap)
        auto words = [&](int n) { for (int i = 0; i < n; ++i) body += "filler" + std::to_string(i % 3) + " "; };
        if (shape == 1) { words(2); body += "kiwi"; want[Field::Body] = {2}; }
        if (shape == 2) { words(200); body += "kiwi kiwi "; words(1); body += "kiwi"; want[Field::Body] = {200, 201, 203}; }
        if (shape == 3) { title = "Kiwi report"; body = "nothing"; want[Field::Title] = {0}; }
        if (shape == 4) { title = "Report kiwi"; body = "kiwi"; want[Field::Title] = {1}; want[Field::Body] = {0}; }
        if (shape == 5) { body = "kiwi " ; words(130); body += "kiwi"; want[Field::Body] = {0, 131}; }
        if (shape == 6) { body = "kiwi kiwi kiwi kiwi kiwi kiwi kiwi kiwi"; want[Field::Body] = {0, 1, 2, 3, 4, 5, 6, 7}; }
        if (shape == 0 || shape == 9) body = "nothing here";
        ix.add(article(title, body), std::to_string(d));
        expected.push_back(want);
    }
    auto check = [&](const Index& index, std::string_view when) {
        CAPTURE(when);
        auto t = index.find("kiwi");
        REQUIRE(t);
        size_t seen = 0;
        std::vector<uint32_t> pos;
        for (auto c = index.postings(*t); !c.at_end(); c.next()) {
            const auto& want = expected[c.doc()];
            CAPTURE(c.doc());
            REQUIRE_FALSE(want.empty());
            FieldMask mask = 0;
            for (const auto& [f, p] : want) {
                mask |= field_bit(f);
                CHECK(c.frequency(f) == p.size());
                c.positions(f, pos);
                CHECK(pos == p);
            }
            CHECK(c.fields() == mask);
            ++seen;
        }
        size_t want_docs = 0;
        for (DocId d = 0; d < expected.size(); ++d) want_docs += !expected[d].empty() && index.contains(d);
        CHECK(seen == want_docs);
        CHECK(index.doc_frequency(*t) == want_docs);
    };
    check(ix, "built");
    LoadedIndex loaded = load_index(save_index(ix));
    REQUIRE(loaded.ok());
    check(*loaded.index, "loaded");
    for (DocId d = 0; d < 300; d += 2) ix.remove(d); // past a quarter dead: compacts
    check(ix, "compacted");
    LoadedIndex again = load_index(save_index(ix));
    REQUIRE(again.ok());
    check(*again.index, "compacted, saved and loaded");
}

TEST_CASE("field lengths count indexed words and their averages follow adds and removes") {
    Index ix;
    DocId a = ix.add(article("One two", "three four five six"), "a");
    DocId b = ix.add(article("Seven", "eight nine"), "b");
    CHECK(ix.field_length(a, Field::Title) == 2);
    CHECK(ix.field_length(a, Field::Body) == 4);
    CHECK(ix.average_field_length(Field::Body) == doctest::Approx(3.0));
    CHECK(ix.remove(a));
    CHECK(ix.average_field_length(Field::Body) == doctest::Approx(2.0));
    CHECK(ix.size() == 1);
    CHECK_FALSE(ix.remove(a));      // twice
    CHECK_FALSE(ix.remove(99));     // never added
    CHECK(ix.contains(b));
    CHECK(ix.key(b) == "b");
}

TEST_CASE("removing a document updates frequencies at once and its entries disappear") {
    Index ix;
    for (int i = 0; i < 10; ++i) ix.add(article("t", i % 2 ? "odd storm" : "even storm"), std::to_string(i));
    auto storm = *ix.find("storm");
    CHECK(ix.doc_frequency(storm) == 10);
    ix.remove(3);
    CHECK(ix.doc_frequency(storm) == 9);
    CHECK(ix.doc_frequency(*ix.find("odd")) == 4);
    for (const auto& e : entries(ix, "storm")) CHECK(e.doc != 3);
    // Enough removals trigger compaction; nothing observable changes.
    for (DocId d : {0u, 1u, 2u, 4u}) ix.remove(d);
    CHECK(ix.doc_frequency(storm) == 5);
    CHECK(entries(ix, "storm").size() == 5);
    ix.compact();
    CHECK(entries(ix, "storm").size() == 5);
    // Adding after removals and compaction appends correctly.
    DocId n = ix.add(article("t", "storm"), "new");
    CHECK(n == 10);
    CHECK(entries(ix, "storm").back().doc == 10);
}

TEST_CASE("byline names do not run together into phrases") {
    Index ix;
    ix.add(article("t", "b", "", {"Jane Doe", "John Roe"}), "a");
    auto c = ix.postings(*ix.find("doe"));
    std::vector<uint32_t> doe, john;
    c.positions(Field::Byline, doe);
    auto c2 = ix.postings(*ix.find("john"));
    c2.positions(Field::Byline, john);
    REQUIRE(doe.size() == 1);
    REQUIRE(john.size() == 1);
    CHECK(john[0] > doe[0] + 1);
}

TEST_CASE("dates become numbers for range filters") {
    struct Row { const char* iso; uint32_t number; };
    const Row rows[] = {
        {"2014-06-30T12:00Z", 20140630}, {"2014-06-30", 20140630}, {"2014-06", 20140600}, {"2014", 20140000},
        {"", 0}, {"June 2014", 0}, {"2014-13-01", 20140000}, {"2014-02-40", 20140200}, {"0000-01-01", 0},
    };
    for (const auto& row : rows) {
        CAPTURE(row.iso);
        CHECK(date_number(row.iso) == row.number);
    }
}

TEST_CASE("prefix and typo lookups work on unstemmed words and skip removed ones") {
    Index ix;
    ix.add(article("t", "connection connected running"), "a");
    DocId b = ix.add(article("t", "zebra"), "b");
    std::vector<TermId> ids;
    ix.terms_with_prefix("connecti", ids);
    REQUIRE(ids.size() == 1);
    CHECK(ix.term(ids[0]) == "connect"); // "connection" -> stem "connect"
    ix.terms_with_prefix("run", ids);
    REQUIRE(ids.size() == 1);
    CHECK(ix.term(ids[0]) == "run");
    std::vector<Index::NearTerm> near;
    ix.terms_near("zebar", 1, near); // a transposition is one edit
    REQUIRE(near.size() == 1);
    CHECK(near[0].edits == 1);
    ix.terms_near("zebra", 0, near);
    CHECK(near.size() == 1);
    ix.remove(b);
    ix.terms_near("zebra", 2, near);
    CHECK(near.empty());
    ix.terms_with_prefix("zeb", ids);
    CHECK(ids.empty());
}

TEST_CASE("prefix and typo lookups between additions see every word, as an index built at once does") {
    // The sorted word table is brought up to date by merging in the words added since the last
    // lookup; lookups after each of several batches must equal those of an index built in one go.
    std::vector<broadsheet::Article> news = reuters(600);
    if (skipped(news)) return;
    Index growing, whole;
    for (size_t i = 0; i < news.size(); ++i) whole.add(news[i], std::to_string(i));
    auto terms_of = [](const Index& ix, const std::vector<TermId>& ids) {
        std::vector<std::string> out;
        for (TermId t : ids) out.emplace_back(ix.term(t));
        std::sort(out.begin(), out.end());
        return out;
    };
    auto near_of = [](const Index& ix, std::string_view word) {
        std::vector<Index::NearTerm> near;
        ix.terms_near(word, 2, near);
        std::vector<std::pair<std::string, int>> out;
        for (const auto& n : near) out.emplace_back(ix.term(n.term), n.edits);
        std::sort(out.begin(), out.end());
        return out;
    };
    const char* prefixes[] = {"a", "co", "oil", "ba", "s", "tra", "zz", "1", "pr"};
    const char* words[] = {"petroleum", "exporst", "goverment", "shares", "wheat", "a"};
    std::vector<TermId> ids;
    for (size_t i = 0; i < news.size(); ++i) {
        growing.add(news[i], std::to_string(i));
        if (i % 150 == 149 || i == 7) growing.terms_with_prefix("o", ids); // a lookup mid-way sorts the table
    }
    for (const char* p : prefixes) {
        CAPTURE(p);
        std::vector<TermId> a, b;
        growing.terms_with_prefix(p, a);
        whole.terms_with_prefix(p, b);
        CHECK(terms_of(growing, a) == terms_of(whole, b));
    }
    for (const char* w : words) {
        CAPTURE(w);
        CHECK(near_of(growing, w) == near_of(whole, w));
    }
}

TEST_CASE("trimming between imports changes no term, lookup or saved byte, and gives memory back") {
    // trim() drops add()'s caches and the tables' slack; the adds after it refill the caches, and
    // must give every word the term it gets in an index that was never trimmed.
    std::vector<broadsheet::Article> news = reuters(600);
    if (skipped(news)) return;
    Index trimmed, plain;
    for (size_t i = 0; i < news.size(); ++i) {
        trimmed.add(news[i], std::to_string(i));
        plain.add(news[i], std::to_string(i));
        if (i == 0 || i % 200 == 199) {
            const size_t before = trimmed.memory_bytes();
            trimmed.trim();
            CHECK(trimmed.memory_bytes() < before);
        }
    }
    auto same_lookups = [&](const char* when) {
        CAPTURE(when);
        REQUIRE(trimmed.term_count() == plain.term_count());
        for (TermId t = 0; t < plain.term_count(); ++t) {
            CHECK(trimmed.term(t) == plain.term(t));
            CHECK(trimmed.doc_frequency(t) == plain.doc_frequency(t));
            CHECK(trimmed.find(trimmed.term(t)) == t); // through the fuller lookup table trim() leaves
        }
        CHECK_FALSE(trimmed.find("zzzqqqxx").has_value());
        std::vector<TermId> a, b;
        for (const char* p : {"a", "co", "oil", "ba", "s", "tra", "zz", "1", "pr", "zzyz"}) {
            CAPTURE(p);
            trimmed.terms_with_prefix(p, a);
            plain.terms_with_prefix(p, b);
            CHECK(a == b);
        }
        std::vector<Index::NearTerm> x, y;
        for (const char* w : {"petroleum", "exporst", "goverment", "shares", "wheat", "zzyzx"}) {
            CAPTURE(w);
            trimmed.terms_near(w, 2, x);
            plain.terms_near(w, 2, y);
            REQUIRE(x.size() == y.size());
            for (size_t i = 0; i < x.size(); ++i) CHECK((x[i].term == y[i].term && x[i].edits == y[i].edits));
            CHECK(trimmed.term_of_surface(w) == plain.term_of_surface(w));
        }
        CHECK(save_index(trimmed) == save_index(plain));
    };
    same_lookups("after the adds");
    const size_t packed = trimmed.memory_bytes(); // the last add was followed by a trim
    trimmed.trim();                               // nothing left the block since: nothing to do
    CHECK(trimmed.memory_bytes() == packed);
    same_lookups("after a second trim with nothing added");
    for (DocId d : {DocId(3), DocId(100), DocId(450)}) {
        trimmed.remove(d);
        plain.remove(d);
    }
    trimmed.trim();
    same_lookups("after removals");
    for (Index* ix : {&trimmed, &plain}) ix->add(article("Zzyzx road", "The zzyzx oil price, and petroleum."), "new");
    same_lookups("after an add with a new word");
    std::vector<TermId> ids;
    trimmed.terms_with_prefix("zzyz", ids);
    REQUIRE(ids.size() == 1);
    CHECK(trimmed.term_of_surface("zzyzx") == ids[0]);
    // trim() packed the lists into one block and dropped the forward lists: the add above went on
    // from a packed list's last document, and a remove now derives the forward lists again, the
    // new article's and an old one's alike.
    const DocId added = DocId(news.size());
    for (DocId d : {added, DocId(7)}) {
        CHECK(trimmed.remove(d));
        CHECK(plain.remove(d));
    }
    same_lookups("after removing the new article and an old one");
    for (DocId d = 0; d < 200; ++d) { // past a quarter of the entries dead: compact() on both
        trimmed.remove(d);
        plain.remove(d);
    }
    same_lookups("after compaction");
    trimmed.trim();
    for (Index* ix : {&trimmed, &plain}) ix->add(news[5], "again");
    trimmed.remove(DocId(300));
    plain.remove(DocId(300));
    same_lookups("after a trim, an add and a remove");
}

TEST_CASE("removing with the article finds its terms again: same frequencies as the forward lists, none kept") {
    std::vector<broadsheet::Article> news = reuters(400);
    if (skipped(news)) return;
    // Bylines, a standfirst, joined words, numbers and a URL besides Reuters' titles and bodies.
    broadsheet::Article odd = article("Can-not stop: the e-mail of 2019", "Visit https://example.com/a-b today, or not. "
                                                                        "Co-operate with well-known 3.5% figures.");
    odd.standfirst = "Not the one that is";
    odd.byline = {"Ann O'Neil", "Bo Li"};
    odd.source = "The Paper";
    news.insert(news.begin() + 5, odd);
    Index with_article, with_forward;
    for (size_t i = 0; i < news.size(); ++i) {
        with_article.add(news[i], std::to_string(i));
        with_forward.add(news[i], std::to_string(i));
    }
    with_article.trim(); // drops the forward lists
    const size_t trimmed = with_article.memory_bytes();
    auto same = [&](const char* when) {
        CAPTURE(when);
        REQUIRE(with_article.size() == with_forward.size());
        for (TermId t = 0; t < with_forward.term_count(); ++t) {
            CAPTURE(with_forward.term(t));
            CHECK(with_article.doc_frequency(t) == with_forward.doc_frequency(t));
        }
        for (Field f : {Field::Title, Field::Standfirst, Field::Byline, Field::Body, Field::Source})
            CHECK(with_article.average_field_length(f) == with_forward.average_field_length(f));
    };
    for (DocId d : {DocId(5), DocId(0), DocId(77), DocId(398)}) {
        CHECK(with_article.remove(d, news[d]));
        CHECK(with_forward.remove(d));
        CHECK_FALSE(with_article.remove(d, news[d])); // twice
    }
    same("after removing four with their articles");
    // No forward list was derived: memory grew only by the analyzer's scratch (which trim()
    // gave back), not by the derived lists below.
    const size_t after_four = with_article.memory_bytes();
    const size_t after_four_scratch = with_article.analyzer().memory_bytes();
    // An article that is not the one added (another's text, or one word changed) is caught and
    // the document's own terms are taken from the postings instead.
    broadsheet::Article changed = news[10];
    changed.text += " zzyzxq";
    CHECK(with_article.remove(10, changed));
    CHECK(with_forward.remove(10));
    CHECK(with_article.remove(11, news[12]));
    CHECK(with_forward.remove(11));
    same("after removing two with the wrong articles");
    const size_t derived = with_article.memory_bytes(); // the forward lists, derived
    REQUIRE(derived > after_four);
    // All of the growth is the analyzer's scratch (its segments, and the ASCII-folded copy of the
    // longest text), which trim() had given back.
    CHECK(after_four - std::min(after_four, trimmed) <= after_four_scratch);
    for (DocId d = 20; d < 150; ++d) { // past a quarter dead: compacts
        with_article.remove(d, news[d]);
        with_forward.remove(d);
    }
    same("after compaction");
    CHECK(save_index(with_article) == save_index(with_forward));
}

TEST_CASE("a word whose last article was removed is found again when an article brings it back") {
    Index ix;
    ix.add(article("t", "running"), "a");
    DocId b = ix.add(article("t", "zebra"), "b");
    ix.remove(b);
    ix.trim();
    std::vector<TermId> ids;
    ix.terms_with_prefix("zeb", ids);
    CHECK(ids.empty());
    ix.add(article("t", "Zebras and a zebra"), "c");
    ix.terms_with_prefix("zeb", ids);
    REQUIRE(ids.size() == 1);
    CHECK(ix.term(ids[0]) == "zebra");
    CHECK(ix.term_of_surface("zebras") == ids[0]);
    CHECK(ix.term_of_surface("zebra") == ids[0]);
    CHECK(ix.term_of_surface("zebr") == std::nullopt);
    std::vector<Index::NearTerm> near;
    ix.terms_near("zebar", 1, near);
    REQUIRE(near.size() == 1);
    CHECK(near[0].term == ids[0]);
    ix.terms_with_prefix("run", ids); // the word of the first article, from before the trim
    REQUIRE(ids.size() == 1);
    CHECK(ix.term(ids[0]) == "run");
}

TEST_CASE("a cursor skips to a target and stops at the end") {
    Index ix;
    for (int i = 0; i < 20; ++i) ix.add(article("t", i % 3 == 0 ? "tick" : "tock"), std::to_string(i));
    auto c = ix.postings(*ix.find("tick"));
    c.seek(10);
    CHECK(c.doc() == 12);
    c.seek(12);
    CHECK(c.doc() == 12);
    c.seek(19);
    CHECK(c.at_end());
    c.next();
    CHECK(c.at_end());
}

TEST_CASE("skip entries cut long lists into whole blocks, and a walk from after any block goes on as the full walk") {
    // Built in memory by the first read, extended as lists grow, dropped by compact(), made
    // again for a loaded index; never in the file (test_index_file checks its bytes).
    Index ix;
    auto add = [&](int count) {
        for (int i = 0; i < count; ++i) {
            const DocId d = ix.id_limit();
            std::string body = d % 2 ? "often often rarely" : "often";
            ix.add(article(d % 5 ? "news" : "often news", body), std::to_string(d));
        }
    };
    auto check = [&](const Index& index, std::string state) {
        CAPTURE(state);
        for (std::string word : {"often", "rare", "news"}) {
            CAPTURE(word);
            const TermId t = *index.find(word);
            std::vector<DocId> all;
            std::vector<FieldMask> fields;
            for (auto c = index.postings(t); !c.at_end(); c.next()) all.push_back(c.doc()), fields.push_back(c.fields());
            auto blocks = index.posting_blocks(t).blocks;
            if (index.doc_frequency(t) < Index::kBlocksFrom) continue;
            CHECK(blocks.size() >= index.doc_frequency(t) / Index::kBlockEntries); // entries count dead ones too
            for (size_t b = 0; b < blocks.size(); ++b) {
                CHECK((b == 0 || blocks[b - 1].last < blocks[b].last));
                std::vector<DocId> after;
                for (auto c = index.postings_after_block(t, b); !c.at_end(); c.next()) after.push_back(c.doc());
                auto first_after = std::upper_bound(all.begin(), all.end(), blocks[b].last);
                CHECK(after == std::vector<DocId>(first_after, all.end()));
                auto first_in = b == 0 ? all.begin() : std::upper_bound(all.begin(), all.end(), blocks[b - 1].last);
                for (auto it = first_in; it != first_after; ++it) CHECK((fields[size_t(it - all.begin())] & ~blocks[b].fields) == 0);
                CHECK(blocks[b].max_tf > 0.0f);
            }
        }
    };
    add(1000);
    check(ix, "built");
    for (DocId d = 0; d < ix.id_limit(); d += 4) ix.remove(d);
    check(ix, "a quarter removed");
    add(333);
    check(ix, "grown");
    auto loaded = load_index(save_index(ix));
    REQUIRE(loaded.ok());
    check(*loaded.index, "loaded");
    add(100);
    ix.compact();
    check(ix, "compacted");
}

TEST_CASE("typo lookups give exactly the terms and distances of a brute-force scan over real words") {
    std::vector<broadsheet::Article> news = reuters(1000);
    if (skipped(news)) return;
    // Words in other scripts beside Reuters' English (folded as indexed: diacritics go, "ß" -> "ss").
    for (const char* text : {
             "Die Straße in Zürich war voller Menschen; Bürgermeister Müller sprach über Öffentlichkeit.",
             "Η Αθήνα είναι η πρωτεύουσα της Ελλάδας και η μεγαλύτερη πόλη της χώρας.",
             "Москва — столица России; правительство объявило о реформе налогов.",
             "東京都は明日雨が降るでしょう。北京の経済成長は続いた。",
             "İstanbul'da ılık bir gün; Ankara hükümeti açıklama yaptı.",
             "Ærø og Færøerne; smørrebrød på Øresund, naïve coöperation façade.",
             "القاهرة عاصمة مصر وأكبر مدنها",
         })
        news.push_back(article("", text));
    Index ix;
    for (size_t i = 0; i < news.size(); ++i) ix.add(news[i], std::to_string(i));
    // The index's surfaces, each with the term it was first seen as (which is the one it keeps),
    // from the analyzer run over the fields in the order Index::add reads them.
    std::map<std::string, TermId> surfaces;
    auto record = [&](std::string_view text) {
        ix.analyzer().analyze(text, [&](const Token& t) {
            if (!surfaces.contains(std::string(t.surface))) surfaces.emplace(t.surface, *ix.find(t.term));
        });
    };
    for (const auto& a : news) {
        record(a.title);
        record(a.standfirst);
        for (const auto& name : a.byline) record(name);
        record(a.text);
        record(a.source);
    }
    std::vector<std::pair<std::u32string, TermId>> vocabulary;
    for (const auto& [s, t] : surfaces) vocabulary.emplace_back(code_points(s), t);

    // Queries: real surfaces with up to three random edits, some of them by letters of other scripts.
    const std::u32string letters = U"abcdefghijklmnopqrstuvwxyz0123456789\u00e9\u00f8\u0436\u03bb\u6771\u0131";
    Lcg rng;
    std::vector<std::string> queries;
    for (size_t q = 0; q < 1000; ++q) {
        std::u32string w = vocabulary[rng.below(vocabulary.size())].first;
        if (q % 10 == 0) w = vocabulary[vocabulary.size() - 1 - rng.below(200)].first; // the other scripts sort last
        for (size_t e = q % 4; e > 0; --e) {
            size_t at = rng.below(w.size() + 1);
            char32_t c = letters[rng.below(letters.size())];
            switch (rng.below(4)) {
            case 0: if (at < w.size()) w.erase(at, 1); break;
            case 1: w.insert(at, 1, c); break;
            case 2: if (at < w.size()) w[at] = c; break;
            default: if (at + 1 < w.size()) std::swap(w[at], w[at + 1]); break;
            }
        }
        queries.push_back(utf8(w));
    }
    // Code points no surface can hold: a surrogate and one above U+10FFFF (bytes only a caller of
    // terms_near could pass; the query parser's are well-formed).
    for (const char* bad : {"inter\xED\xA0\x80st", "\xED\xA0\x80oil", "expor\xF4\x90\x80\x80t"})
        queries.emplace_back(bad);

    auto loaded = load_index(save_index(ix));
    REQUIRE(loaded.ok());
    size_t found = 0;
    std::vector<Index::NearTerm> near;
    for (const auto& bytes : queries) {
        const std::u32string query = code_points(bytes);
        // A length difference is a lower bound of the distance (an edit changes it by at most one).
        std::vector<std::tuple<TermId, int, std::string>> distances;
        for (const auto& [s, t] : vocabulary)
            if (s.size() + 2 >= query.size() && s.size() <= query.size() + 2)
                distances.emplace_back(t, osa_distance(query, s), utf8(s));
        for (int max_edits = 0; max_edits <= 2; ++max_edits) {
            // Each term's surfaces at its least distance, by term and then surface.
            std::map<TermId, int> best;
            for (const auto& [t, d, s] : distances)
                if (d <= max_edits && (!best.contains(t) || d < best[t])) best[t] = d;
            std::vector<std::tuple<TermId, int, std::string>> expected;
            for (const auto& [t, d, s] : distances)
                if (best.contains(t) && best[t] == d) expected.emplace_back(t, d, s);
            std::sort(expected.begin(), expected.end());
            CAPTURE(bytes);
            CAPTURE(max_edits);
            for (const Index* index : {&ix, loaded.index.get()}) {
                index->terms_near(bytes, max_edits, near);
                std::vector<std::tuple<TermId, int, std::string>> got;
                for (const auto& m : near) got.emplace_back(m.term, m.edits, m.surface);
                CHECK(got == expected);
            }
            found += expected.size();
        }
    }
    CHECK(found > 2000); // the queries are near real words, not just noise
}
