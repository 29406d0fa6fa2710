#include "broadsheet/corpus.hpp"

#include <doctest/doctest.h>

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
