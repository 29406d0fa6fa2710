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
        const int64_t ka = date_order_key(da, ix.time_of_day(a.doc)), kb = date_order_key(db, ix.time_of_day(b.doc));
        if (ka != kb) return newest ? ka > kb : ka < kb;
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

TEST_CASE("by date to the minute, in UTC: a time's offset counts, a day alone is its start") {
    struct Row { const char* date; int16_t time; };
    const Row rows[] = {
        {"2015-11-30T08:00:00Z", 480},  {"2015-11-30T08:00", 480},      {"2015-11-30T09:30-05:00", 870},
        {"2015-11-30T01:15+02:00", -45}, {"2015-11-30T23:59:59.5-12:00", 2159}, {"2015-11-30", kNoTime},
        {"2015-11", kNoTime},             {"2015-11-30T24:00", kNoTime},  {"2015-11-30 08:00", kNoTime},
        {"", kNoTime},                    {"garbage", kNoTime},
    };
    for (const Row& row : rows) {
        CAPTURE(row.date);
        CHECK(time_number(row.date) == row.time);
    }
    // Minutes from 1970: across a leap day, a month's end, and before 1970.
    CHECK(date_order_key(19700101, kNoTime) == 0);
    CHECK(date_order_key(19700102, 60) == 1440 + 60);
    CHECK(date_order_key(20000301, kNoTime) - date_order_key(20000228, kNoTime) == 2 * 1440); // 2000 was a leap year
    CHECK(date_order_key(19000301, kNoTime) - date_order_key(19000228, kNoTime) == 1440);     // 1900 was not
    CHECK(date_order_key(20151130, kNoTime) / 1440 == 16769);
    CHECK(date_order_key(19691231, kNoTime) == -1440);
    CHECK(date_order_key(20150000, kNoTime) == date_order_key(20150101, kNoTime)); // a year alone: its first day

    Index ix;
    ix.add(article("Storm at eight", "Storm.", "2015-11-30T08:00:00Z"), "a");       // 0: 08:00Z
    ix.add(article("Storm in New York", "Storm.", "2015-11-30T09:30-05:00"), "b");  // 1: 14:30Z
    ix.add(article("Storm that day", "Storm.", "2015-11-30"), "c");                 // 2: 00:00Z, a day alone
    ix.add(article("Storm in Buenos Aires", "Storm.", "2015-11-29T23:30-03:00"), "d"); // 3: 02:30Z on the 30th
    ix.add(article("Storm, storm at eight", "Storm, storm.", "2015-11-30T08:00Z"), "e"); // 4: 08:00Z, better
    CHECK(docs_of(search(ix, "storm", options(ResultOrder::Newest, 10)).hits) == std::vector<DocId>{1, 4, 0, 3, 2});
    CHECK(docs_of(search(ix, "storm", options(ResultOrder::Oldest, 10)).hits) == std::vector<DocId>{2, 3, 4, 0, 1});
    // A saved index keeps the times.
    LoadedIndex loaded = load_index(save_index(ix));
    REQUIRE(loaded.ok());
    CHECK(docs_of(search(*loaded.index, "storm", options(ResultOrder::Newest, 10)).hits) == std::vector<DocId>{1, 4, 0, 3, 2});
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
            if (rng() % 2) { // a time, from a few (ties), with or without an offset
                const auto hh = unsigned(rng() % 3) * 11, mm = unsigned(rng() % 2) * 30;
                std::snprintf(buf, sizeof buf, "T%02u:%02u", hh, mm);
                date += buf;
                date += rng() % 3 == 0 ? "+05:30" : rng() % 2 ? "Z" : "";
            }
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
