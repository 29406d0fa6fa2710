#include "broadsheet/corpus.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using broadsheet::Article;
using broadsheet::Corpus;

namespace {
Article titled(const char* t) {
    Article a;
    a.title = t;
    return a;
}
} // namespace

TEST_CASE("ids are stable across removals and never reused") {
    Corpus c;
    auto a = c.add(titled("a")), b = c.add(titled("b")), d = c.add(titled("d"));
    CHECK(a != b);
    REQUIRE(c.remove(b));
    CHECK_FALSE(c.remove(b));
    CHECK(c.find(b) == nullptr);
    REQUIRE(c.find(a));
    CHECK(c.find(a)->title == "a");
    REQUIRE(c.find(d));
    CHECK(c.find(d)->title == "d");
    auto e = c.add(titled("e"));
    CHECK(e != b);
    CHECK(c.size() == 3);
    CHECK(c.ids() == std::vector<broadsheet::ArticleId>{a, d, e});
}

TEST_CASE("a saved library is restored under its own ids, in ascending order only") {
    Corpus c;
    CHECK_FALSE(c.restore(0, titled("zero")));
    REQUIRE(c.restore(5, titled("five")));
    REQUIRE(c.restore(9, titled("nine")));
    CHECK_FALSE(c.restore(7, titled("seven")));
    CHECK_FALSE(c.restore(9, titled("nine again")));
    CHECK(c.size() == 2);
    CHECK(c.find(9)->title == "nine");
    CHECK(c.add(titled("new")) == 10);
    c.clear();
    CHECK(c.empty());
    CHECK(c.add(titled("after clear")) == 11);
}

TEST_CASE("many articles leave together in one pass; the rest keep their ids, order and text") {
    Corpus c;
    std::vector<broadsheet::ArticleId> ids;
    for (int i = 0; i < 10; ++i) ids.push_back(c.add(titled(std::to_string(i).c_str())));
    // Ids in any order, with a repeat and one that is not there.
    CHECK(c.remove(std::vector<broadsheet::ArticleId>{ids[7], ids[0], ids[3], ids[7], 999}) == 3);
    REQUIRE(c.size() == 7);
    std::string titles;
    for (const auto& a : c.articles()) titles += a.title;
    CHECK(titles == "1245689");
    for (int i : {1, 2, 4, 5, 6, 8, 9}) {
        REQUIRE(c.find(ids[size_t(i)]));
        CHECK(c.find(ids[size_t(i)])->title == std::to_string(i));
    }
    CHECK_FALSE(c.find(ids[0]));
    CHECK(c.remove(std::vector<broadsheet::ArticleId>{}) == 0);
    CHECK(c.remove(std::vector<broadsheet::ArticleId>(c.ids().begin(), c.ids().end())) == 7);
    CHECK(c.empty());
}
