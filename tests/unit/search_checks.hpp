// Checks shared by the search tests' random oracles (doctest assertions: for the unit tests only;
// search_fixtures.hpp is also built into tools without doctest).
#pragma once

#include "search_fixtures.hpp"

#include <doctest/doctest.h>

namespace search_fixtures {

// Checks query `q`, with the articles at hand, against `expected` (every matching article,
// ascending, as an oracle found them): marked in just those articles (title or text), and its top
// 5 the first 5 of the exhaustive ranking, counting all of them.
inline void check_marks_and_top_5(const Library& lib, std::string_view q, const std::vector<broadsheet::search::DocId>& expected) {
    using namespace broadsheet::search;
    const MatchSet marked = search(lib.index, q, lib.options(true, 1)).matched;
    for (DocId d = 0; d < lib.articles.size(); ++d) {
        const bool marks = !highlighted(lib.articles[d].title, marked).empty() || !highlighted(lib.articles[d].text, marked).empty();
        CHECK(marks == std::binary_search(expected.begin(), expected.end(), d));
    }
    SearchOptions o = lib.options(true, 5);
    o.count = true;
    const SearchResult top = search(lib.index, q, o);
    std::vector<Hit> all = search_exhaustive(lib.index, parse_query(q, lib.index, o.parse), o.ranking, o.article);
    std::sort(all.begin(), all.end(), [](const Hit& a, const Hit& b) { return a.score != b.score ? a.score > b.score : a.doc < b.doc; });
    REQUIRE(top.total);
    CHECK(*top.total == expected.size());
    REQUIRE(top.hits.size() == std::min<size_t>(5, all.size()));
    for (size_t i = 0; i < top.hits.size(); ++i) {
        CHECK(top.hits[i].doc == all[i].doc);
        CHECK(top.hits[i].score == doctest::Approx(all[i].score));
    }
}

} // namespace search_fixtures
