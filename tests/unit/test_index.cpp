// The in-memory index: postings content, statistics, incremental add and remove, lookups.
#include "broadsheet/index.hpp"

#include "search_fixtures.hpp"

#include <doctest/doctest.h>

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
