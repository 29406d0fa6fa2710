// Results by date (newest or oldest first) and the count of every match, against the exhaustive
// evaluation: the same documents, in the order the dates and then the scores give.
#include "broadsheet/search.hpp"

#include "search_fixtures.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <random>
#include <string>
#include <vector>

using namespace broadsheet::search;
using search_fixtures::article;

namespace {

std::vector<DocId> docs_of(const std::vector<Hit>& hits) {
    std::vector<DocId> out;
    for (const Hit& h : hits) out.push_back(h.doc);
    return out;
}

// The expected order, written out from the dates themselves: dated before undated, then newest
// (or oldest) first, then the higher score, then the lower DocId.
std::vector<Hit> by_date(const Index& ix, std::vector<Hit> all, bool newest) {
    std::sort(all.begin(), all.end(), [&](const Hit& a, const Hit& b) {
        const uint32_t da = ix.date(a.doc), db = ix.date(b.doc);
        if ((da == 0) != (db == 0)) return db == 0; // the dated one first
        if (da != db) return newest ? da > db : da < db;
        if (a.score != b.score) return a.score > b.score;
        return a.doc < b.doc;
    });
    return all;
}

SearchOptions options(ResultOrder order, size_t limit) {
    SearchOptions o;
    o.order = order;
    o.limit = limit;
    o.relax = false;
    return o;
}

} // namespace

TEST_CASE("newest and oldest first: dated articles by date, undated last, one date's best first") {
    Index ix;
    ix.add(article("Oil prices rise", "Oil rose.", "2014-03-02"), "a");          // 0
    ix.add(article("Oil", "Oil, oil and oil again.", ""), "b");                  // 1: undated, best score
    ix.add(article("Markets", "Oil was flat.", "2015-11-30T08:00:00Z"), "c");   // 2
    ix.add(article("Oil glut", "Oil oil.", "2014-03-02"), "d");                  // 3: same day as 0, better
    ix.add(article("Wheat", "No word of it here.", "2016-01-01"), "e");          // 4: no match
    ix.add(article("Oil in 2014", "Oil.", "2014"), "f");                         // 5: a year alone

    auto newest = search(ix, "oil", options(ResultOrder::Newest, 10));
    CHECK(docs_of(newest.hits) == std::vector<DocId>{2, 3, 0, 5, 1});
    REQUIRE(newest.total.has_value());
    CHECK(*newest.total == 5);
    auto oldest = search(ix, "oil", options(ResultOrder::Oldest, 10));
    CHECK(docs_of(oldest.hits) == std::vector<DocId>{5, 3, 0, 2, 1}); // "2014" sorts before its days
    CHECK(*oldest.total == 5);
    // The first k of that order, and the count of all of them.
    auto two = search(ix, "oil", options(ResultOrder::Newest, 2));
    CHECK(docs_of(two.hits) == std::vector<DocId>{2, 3});
    CHECK(*two.total == 5);
    // Scores are the query's, whatever the order: the same as best first gives them.
    auto best = search(ix, "oil", options(ResultOrder::Relevance, 10));
    CHECK(best.hits.front().doc == 1);
    for (const Hit& h : newest.hits) {
        auto same = std::find_if(best.hits.begin(), best.hits.end(), [&](const Hit& b) { return b.doc == h.doc; });
        REQUIRE(same != best.hits.end());
        CHECK(same->score == h.score);
    }
    // What matched is collected as for best first (for highlighting).
    CHECK(newest.matched.terms == best.matched.terms);
    // Best first counts only when asked.
    CHECK_FALSE(best.total.has_value());
    SearchOptions counted = options(ResultOrder::Relevance, 2);
    counted.count = true;
    auto c = search(ix, "oil", counted);
    CHECK(docs_of(c.hits) == std::vector<DocId>{1, 3});
    CHECK(*c.total == 5);
    // Nothing matches, an empty query, a removed article.
    CHECK(*search(ix, "zinc", counted).total == 0);
    CHECK(*search(ix, "", counted).total == 0);
    CHECK(*search(ix, "   ", options(ResultOrder::Newest, 5)).total == 0);
    ix.remove(2);
    CHECK(docs_of(search(ix, "oil", options(ResultOrder::Newest, 10)).hits) == std::vector<DocId>{3, 0, 5, 1});
    CHECK(*search(ix, "oil", counted).total == 4);
}

TEST_CASE("by date and counted, every kind of query agrees with the exhaustive evaluation") {
    // A random corpus over a small vocabulary and a few dozen dates (many articles share one,
    // some have none), with removals: for each query, the date orders must be the exhaustive
    // matches sorted by date, then score, then DocId, for every k, and the count their number.
    std::mt19937 rng(20261130);
    const char* words[] = {"alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india", "juliet",
                           "kilo", "lima", "mike", "november", "oscar", "papa"};
    Index ix;
    for (int d = 0; d < 600; ++d) {
        std::string title, body;
        const int n = 3 + int(rng() % 60);
        for (int i = 0; i < n; ++i) {
            body += words[std::min<size_t>(15, size_t(std::log2(1 + rng() % 65536)) % 16)];
            body += ' ';
        }
        title = words[rng() % 16];
        std::string date;
        if (rng() % 8 != 0) { // an eighth undated
            const unsigned y = 2010 + unsigned(rng() % 3), m = 1 + unsigned(rng() % 4), day = 1 + unsigned(rng() % 3);
            char buf[16];
            std::snprintf(buf, sizeof buf, "%04u-%02u-%02u", y, m, day);
            date = buf;
        }
        ix.add(article(title, body, date), std::to_string(d));
    }
    for (DocId d = 0; d < 600; d += 9) ix.remove(d);
    const char* queries[] = {"alpha",          "papa",          "alpha bravo",         "alpha OR papa OR oscar", "\"alpha bravo\"",
                             "alph*",          "o*",            "charlei~1",           "alpha -bravo",           "title:delta",
                             "title:delta OR echo",             "date:2011-02..2011-03", "bravo date:2012",      "(alpha OR golf) charlie",
                             "nothingatall",   "alpha nothingatall"};
    for (const std::string q : queries) {
        CAPTURE(q);
        Query parsed = parse_query(q, ix.analyzer());
        const auto all = search_exhaustive(ix, parsed);
        for (bool newest : {true, false}) {
            const auto expected = by_date(ix, all, newest);
            for (size_t k : {size_t(1), size_t(7), size_t(50), size_t(10000)}) {
                CAPTURE(newest);
                CAPTURE(k);
                auto r = search(ix, parsed, options(newest ? ResultOrder::Newest : ResultOrder::Oldest, k));
                REQUIRE(r.total.has_value());
                CHECK(*r.total == all.size());
                REQUIRE(r.hits.size() == std::min(k, all.size()));
                CHECK(std::equal(r.hits.begin(), r.hits.end(), expected.begin()));
            }
        }
        SearchOptions counted = options(ResultOrder::Relevance, 10);
        counted.count = true;
        auto r = search(ix, parsed, counted);
        REQUIRE(r.total.has_value());
        CHECK(*r.total == all.size());
        // Counting leaves the top k as it is.
        CHECK(r.hits == search(ix, parsed, options(ResultOrder::Relevance, 10)).hits);
    }
}

TEST_CASE("an all-words query that falls back to any word counts and orders the fallback") {
    Index ix;
    ix.add(article("Storm", "A storm came.", "2014-01-01"), "a");
    ix.add(article("Flood", "The river flooded.", "2015-01-01"), "b");
    SearchOptions o = options(ResultOrder::Newest, 10);
    o.relax = true;
    auto r = search(ix, "storm flood", o);
    CHECK(r.relaxed);
    CHECK(docs_of(r.hits) == std::vector<DocId>{1, 0});
    REQUIRE(r.total.has_value());
    CHECK(*r.total == 2);
}
