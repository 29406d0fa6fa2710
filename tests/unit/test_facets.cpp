// Search facets (SearchOptions::facets, SearchResult::facets) and the sources the index keeps
// (Index::source_id): hand-counted rows on the news fixture, and a random corpus whose facets
// are counted here from the exhaustive matches and the articles' own fields, for every order,
// limit and kind of query, after removals, compaction, saving and loading.
#include "broadsheet/search.hpp"

#include "search_fixtures.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdio>
#include <cctype>
#include <map>
#include <random>
#include <sstream>
#include <string>
#include <vector>

using namespace broadsheet::search;
using search_fixtures::article;
using search_fixtures::news_index;

namespace doctest {
// Failures print the facets themselves, not "{?}".
template <> struct StringMaker<Facets> {
    static String convert(const Facets& f) {
        std::ostringstream s;
        auto list = [&](const char* name, const std::vector<FacetValue>& values) {
            s << name << " {";
            for (const FacetValue& v : values) s << " \"" << v.value << "\" " << v.count << ";";
            s << " } ";
        };
        list("sources", f.sources);
        list("years", f.years);
        list("months", f.months);
        s << "without_source " << f.without_source << " undated " << f.undated;
        return String(s.str().c_str());
    }
};
} // namespace doctest

namespace {

using Values = std::vector<FacetValue>;

SearchOptions faceted(ResultOrder order = ResultOrder::Relevance, size_t limit = 10) {
    SearchOptions o;
    o.facets = true;
    o.order = order;
    o.limit = limit;
    return o;
}

// What the facets of an article are, as a reader would read its fields: the source as written
// without the spaces around it ("" for none), the year and month its date gives ("" where it
// gives none).
struct Expected {
    std::string source, year, month;
};

// The facets of `docs`, counted from the articles' expected fields alone: sources most first,
// then by name with ASCII letters' case aside, then bytewise; years and months ascending.
Facets reference_facets(const std::vector<Expected>& fields, const std::vector<DocId>& docs) {
    std::map<std::string, uint32_t> sources, years, months;
    Facets f;
    for (DocId d : docs) {
        const Expected& e = fields.at(d);
        if (e.source.empty()) ++f.without_source;
        else ++sources[e.source];
        if (e.year.empty()) ++f.undated;
        else ++years[e.year];
        if (!e.month.empty()) ++months[e.month];
    }
    for (const auto& [v, n] : sources) f.sources.push_back({v, n}); // bytewise
    auto folded = [](std::string v) {
        for (char& c : v) c = char(std::tolower(static_cast<unsigned char>(c)));
        return v;
    };
    std::stable_sort(f.sources.begin(), f.sources.end(), [&](const FacetValue& a, const FacetValue& b) {
        return a.count != b.count ? a.count > b.count : folded(a.value) < folded(b.value);
    });
    for (const auto& [v, n] : years) f.years.push_back({v, n});
    for (const auto& [v, n] : months) f.months.push_back({v, n});
    return f;
}

std::vector<DocId> docs_of(const std::vector<Hit>& hits) {
    std::vector<DocId> out;
    for (const Hit& h : hits) out.push_back(h.doc);
    std::sort(out.begin(), out.end());
    return out;
}

} // namespace

TEST_CASE("facets count the news fixture's matches by source, year and month") {
    // Worked out from search_fixtures::news(): storm is in 0 (Reuters, 2014-01-15), 4 (BBC,
    // 2014-01-20) and 7 ("storms", Reuters, 2014-06-01); flood in 0 ("flooded") and 1 (BBC,
    // 2014-03-02); strong in 2 (Reuters, 2014-06-30) and 7; 2016 is 5 (Local) and 6 (NHK).
    Index ix = news_index();
    struct Row {
        const char* query;
        size_t total;
        Values sources, years, months;
    };
    const Row rows[] = {
        {"storm", 3, {{"Reuters", 2}, {"BBC", 1}}, {{"2014", 3}}, {{"2014-01", 2}, {"2014-06", 1}}},
        // Equal counts go by name: "BBC" before "Reuters".
        {"storm OR flood", 4, {{"BBC", 2}, {"Reuters", 2}}, {{"2014", 4}}, {{"2014-01", 2}, {"2014-03", 1}, {"2014-06", 1}}},
        {"harbour", 2, {{"BBC", 1}, {"Reuters", 1}}, {{"2014", 2}}, {{"2014-01", 2}}},
        {"strong", 2, {{"Reuters", 2}}, {{"2014", 2}}, {{"2014-06", 2}}},
        {"date:2016", 2, {{"Local", 1}, {"NHK", 1}}, {{"2016", 2}}, {{"2016-02", 1}, {"2016-07", 1}}},
        {"source:reuters", 3, {{"Reuters", 3}}, {{"2014", 3}}, {{"2014-01", 1}, {"2014-06", 2}}},
        {"-storm", 5, {{"BBC", 1}, {"Guardian", 1}, {"Local", 1}, {"NHK", 1}, {"Reuters", 1}},
         {{"2014", 2}, {"2015", 1}, {"2016", 2}},
         {{"2014-03", 1}, {"2014-06", 1}, {"2015-05", 1}, {"2016-02", 1}, {"2016-07", 1}}},
        {"\"heavy rain\"", 2, {{"BBC", 1}, {"Reuters", 1}}, {{"2014", 2}}, {{"2014-03", 1}, {"2014-06", 1}}},
        {"harb*", 2, {{"BBC", 1}, {"Reuters", 1}}, {{"2014", 2}}, {{"2014-01", 2}}},
        {"huricane~1", 1, {{"Reuters", 1}}, {{"2014", 1}}, {{"2014-06", 1}}},
        {"nothingatall", 0, {}, {}, {}},
        {"", 0, {}, {}, {}},
    };
    for (const Row& row : rows) {
        for (ResultOrder order : {ResultOrder::Relevance, ResultOrder::Newest, ResultOrder::Oldest}) {
            CAPTURE(row.query);
            CAPTURE(int(order));
            SearchResult r = search(ix, row.query, faceted(order, 1));
            REQUIRE(r.facets.has_value());
            CHECK(r.facets->sources == row.sources);
            CHECK(r.facets->years == row.years);
            CHECK(r.facets->months == row.months);
            CHECK(r.facets->without_source == 0); // every fixture article names its source and date
            CHECK(r.facets->undated == 0);
            REQUIRE(r.total.has_value());
            CHECK(*r.total == row.total);
            CHECK_FALSE(r.relaxed);
        }
    }
    // Only when asked for.
    CHECK_FALSE(search(ix, "storm").facets.has_value());
}

TEST_CASE("an all-words query that falls back to any word has the facets of the fallback") {
    // No article has both storm and election: any of them is 0, 4, 7 (storm) and 3 (Guardian,
    // 2015-05-08).
    Index ix = news_index();
    for (ResultOrder order : {ResultOrder::Relevance, ResultOrder::Newest, ResultOrder::Oldest}) {
        CAPTURE(int(order));
        SearchResult r = search(ix, "storm election", faceted(order, 2));
        CHECK(r.relaxed);
        REQUIRE(r.facets.has_value());
        CHECK(r.facets->sources == Values{{"Reuters", 2}, {"BBC", 1}, {"Guardian", 1}});
        CHECK(r.facets->years == Values{{"2014", 3}, {"2015", 1}});
        CHECK(r.facets->months == Values{{"2014-01", 2}, {"2014-06", 1}, {"2015-05", 1}});
        CHECK(*r.total == 4);
    }
    // Without the fallback: nothing, counted as nothing.
    SearchOptions strict = faceted();
    strict.relax = false;
    SearchResult none = search(ix, "storm election", strict);
    CHECK_FALSE(none.relaxed);
    REQUIRE(none.facets.has_value());
    CHECK(*none.facets == Facets{});
    CHECK(*none.total == 0);
}

TEST_CASE("sources are kept trimmed, case as written, and undated or unnamed matches counted apart") {
    Index ix = news_index();
    ix.add(article("Storm log", "Another storm.", "", {}, "  Reuters\t"), "doc8");       // Reuters, no date
    ix.add(article("Storm diary", "Storm again.", "2013", {}, ""), "doc9");             // no source, a year alone
    ix.add(article("Storm notes", "A storm.", "2014-01", {}, "reuters"), "doc10");      // another source than Reuters
    // The month as the date writes it (in UTC it is 1 February), as date:2014-01 selects it.
    ix.add(article("Storm watch", "Storm.", "2014-01-31T23:30-05:00", {}, " \xC2\xA0"), "doc11"); // spaces only: none
    ix.add(article("Storm eye", "Storm.", "2014-06", {}, "\xEF\xBB\xBF" "BBC\xE2\x80\x8B"), "doc12"); // BOM, zero-width space

    CHECK(ix.source_id(8) == ix.source_id(0));
    CHECK(ix.source_id(10) != ix.source_id(0));
    CHECK(ix.source_id(12) == ix.source_id(1));
    CHECK(ix.source_id(9) == 0);
    CHECK(ix.source_id(11) == 0);
    CHECK(ix.source_name(ix.source_id(8)) == "Reuters");
    CHECK(ix.source_name(ix.source_id(10)) == "reuters");
    CHECK(ix.source_name(ix.source_id(12)) == "BBC");
    CHECK(ix.source_name(0).empty());
    CHECK(ix.source_name(uint32_t(ix.source_count())).empty()); // past the end: none, not a crash
    // Reuters, BBC, Guardian, Local, NHK, reuters, and 0 for none.
    CHECK(ix.source_count() == 7);
    CHECK(ix.source_id(DocId(99)) == 0);

    // storm: 0, 4, 7, 8, 9, 10, 11, 12.
    SearchResult r = search(ix, "storm", faceted(ResultOrder::Relevance, 3));
    REQUIRE(r.facets.has_value());
    CHECK(r.facets->sources == Values{{"Reuters", 3}, {"BBC", 2}, {"reuters", 1}});
    CHECK(r.facets->without_source == 2);
    CHECK(r.facets->undated == 1);
    CHECK(r.facets->years == Values{{"2013", 1}, {"2014", 6}});
    CHECK(r.facets->months == Values{{"2014-01", 4}, {"2014-06", 2}}); // 2013 alone has no month
    CHECK(*r.total == 8);

    // Removed articles count no more; a source only they named is gone.
    REQUIRE(ix.remove(0));
    REQUIRE(ix.remove(10));
    const Facets after{{{"BBC", 2}, {"Reuters", 2}}, {{"2013", 1}, {"2014", 4}}, {{"2014-01", 2}, {"2014-06", 2}}, 2, 1};
    for (ResultOrder order : {ResultOrder::Relevance, ResultOrder::Newest, ResultOrder::Oldest}) {
        CAPTURE(int(order));
        r = search(ix, "storm", faceted(order, 0));
        REQUIRE(r.facets.has_value());
        CHECK(*r.facets == after);
        CHECK(*r.total == 6);
    }

    // Saved and loaded, with the articles and without: the same facets, and the file keeps
    // only the sources of live articles ("reuters" was only article 10's).
    for (bool stored : {false, true}) {
        CAPTURE(stored);
        auto articles = search_fixtures::news();
        articles.push_back(article("Storm log", "Another storm.", "", {}, "  Reuters\t"));
        articles.push_back(article("Storm diary", "Storm again.", "2013", {}, ""));
        articles.push_back(article("Storm notes", "A storm.", "2014-01", {}, "reuters"));
        articles.push_back(article("Storm watch", "Storm.", "2014-01-31T23:30-05:00", {}, " \xC2\xA0"));
        articles.push_back(article("Storm eye", "Storm.", "2014-06", {}, "\xEF\xBB\xBF" "BBC\xE2\x80\x8B"));
        std::vector<const broadsheet::Article*> keep;
        if (stored)
            for (DocId d = 0; d < articles.size(); ++d) keep.push_back(ix.contains(d) ? &articles[d] : nullptr);
        LoadedIndex loaded = load_index(save_index(ix, keep));
        REQUIRE(loaded.ok());
        const Index& back = *loaded.index;
        CHECK(*search(back, "storm", faceted(ResultOrder::Oldest, 5)).facets == after);
        CHECK(back.source_count() == 6); // Reuters, BBC, Guardian, Local, NHK, and none
        for (uint32_t id = 0; id < back.source_count(); ++id) CHECK(back.source_name(id) != "reuters");
        CHECK(back.source_name(back.source_id(8)) == "Reuters");
        CHECK(back.source_id(10) == 0);
    }
}

TEST_CASE("an index loaded from a file names the same sources as new articles added to it") {
    Index ix = news_index();
    LoadedIndex loaded = load_index(save_index(ix));
    REQUIRE(loaded.ok());
    Index& back = *loaded.index;
    // " Reuters " after loading is the Reuters of the file; "Reuters " the same; "AP" is new.
    const DocId a = back.add(article("Storm again", "Storm.", "2014-01-02", {}, " Reuters "), "doc8");
    const DocId b = back.add(article("Storm wire", "Storm.", "2017", {}, "AP"), "doc9");
    CHECK(back.source_id(a) == back.source_id(0));
    CHECK(back.source_name(back.source_id(b)) == "AP");
    SearchResult r = search(back, "storm", faceted());
    REQUIRE(r.facets.has_value());
    CHECK(r.facets->sources == Values{{"Reuters", 3}, {"AP", 1}, {"BBC", 1}});
    CHECK(r.facets->years == Values{{"2014", 4}, {"2017", 1}});
    CHECK(r.facets->months == Values{{"2014-01", 3}, {"2014-06", 1}});
    CHECK(*r.total == 5);
}

TEST_CASE("facets_of counts the documents given, each once, and nothing for none") {
    Index ix = news_index();
    CHECK(facets_of(ix, {}) == Facets{});
    const DocId some[] = {1, 3, 4};
    const Facets f = facets_of(ix, some);
    CHECK(f.sources == Values{{"BBC", 2}, {"Guardian", 1}});
    CHECK(f.years == Values{{"2014", 2}, {"2015", 1}});
    CHECK(f.months == Values{{"2014-01", 1}, {"2014-03", 1}, {"2015-05", 1}});
    // A removed document given anyway is not counted.
    ix.remove(3);
    CHECK(facets_of(ix, some).sources == Values{{"BBC", 2}});
}

TEST_CASE("source:= names one source by its whole name, not by words in other names") {
    // The review's cases on saved pages: "Jan" among German articles took "Jane Wayne News" too
    // (the stemmer drops the -e), "selbst.de" took every ".de" (selbst is a German stopword).
    Index ix;
    auto add = [&](const char* title, const char* source, const char* language = "de") {
        broadsheet::Article a = article(title, "Ein Artikel über das Wetter.", "2020-01-01", {}, source);
        a.language = language;
        return ix.add(a, title);
    };
    const DocId jan = add("a", "Jan"), jane = add("b", "Jane Wayne News"), selbst = add("c", "selbst.de"),
                zdnet = add("d", "ZDNet.de"), quoted = add("e", "Die \"Zeit\""), wide = add("f", "Le  Monde"),
                narrow = add("g", "Le Monde"), accents = add("h", "S\xC3\xBC" "ddeutsche Zeitung"), none = add("i", ""),
                upper = add("j", "REUTERS"), lower = add("k", "reuters");
    auto docs = [&](std::string_view query, bool typing = false) {
        ParseOptions o;
        o.as_you_type = typing;
        return docs_of(search_exhaustive(ix, parse_query(query, ix, o)));
    };
    using D = std::vector<DocId>;
    // The phrase reads words; source:= the name.
    CHECK(docs("source:\"Jan\"") == D{jan, jane});
    CHECK(docs("source:=\"Jan\"") == D{jan});
    CHECK(docs("source:=Jan") == D{jan});
    CHECK(docs("source:\"selbst.de\"").size() > 1);
    CHECK(docs("source:=\"selbst.de\"") == D{selbst});
    // A name written exactly wins; the case of ASCII letters and accents count only when no name
    // is written so.
    CHECK(docs("source:=REUTERS") == D{upper});
    CHECK(docs("source:=reuters") == D{lower});
    CHECK(docs("source:=Reuters") == D{upper, lower});
    CHECK(docs("source:=zdnet.DE") == D{zdnet});
    CHECK(docs("source:=\"suddeutsche zeitung\"") == D{accents});
    CHECK(docs("source:=\"S\xC3\xBC" "ddeutsche Zeitung\"") == D{accents});
    // Spaces: the name's own first, then any run as one.
    CHECK(docs("source:=\"Le  Monde\"") == D{wide});
    CHECK(docs("source:=\"Le Monde\"") == D{narrow});
    CHECK(docs("source:=\" le   monde \"") == D{wide, narrow});
    // A quote in a name: the web app writes it as a space.
    CHECK(docs("source:=\"Die  Zeit \"") == D{quoted});
    // None, and everything but none.
    CHECK(docs("source:=\"\"") == D{none});
    CHECK(docs("-source:=\"\"").size() == ix.size() - 1);
    CHECK(docs("source:=Nowhere").empty());
    // As you type, a name not finished begins names (case and accents aside).
    CHECK(docs("source:=le", true) == D{wide, narrow});
    CHECK(docs("source:=\"S\xC3\xBC" "dd", true) == D{accents});
    CHECK(docs("source:=le ", true).empty());
    CHECK(docs("source:=le").empty());
    // With words: the source narrows them.
    CHECK(docs("source:=Jan wetter") == D{jan});
    CHECK(docs("wetter source:=\"Le Monde\" OR source:=ZDNet.de") == D{zdnet, narrow});
}

TEST_CASE("date:none is the undated articles, alone or with words") {
    Index ix;
    const DocId dated = ix.add(article("Storm", "A storm.", "2014-01-05"), "a");
    const DocId undated = ix.add(article("Storm", "A storm.", ""), "b");
    const DocId bad = ix.add(article("Calm", "A calm.", "circa 1970"), "c"); // not a date: undated
    auto docs = [&](std::string_view query) { return docs_of(search_exhaustive(ix, parse_query(query, ix))); };
    using D = std::vector<DocId>;
    CHECK(docs("date:none") == D{undated, bad});
    CHECK(docs("storm date:none") == D{undated});
    CHECK(docs("storm -date:none") == D{dated});
    CHECK(docs("date:2014 OR date:none") == D{dated, undated, bad});
    CHECK(docs("date:..2020") == D{dated}); // an open range never takes the undated
}

TEST_CASE("facets agree with counts from the exhaustive matches for every query, order and limit") {
    // A random corpus over a small vocabulary (plus 60 rare words, so a prefix can stand for
    // many), with sources written many ways (spaces around them, Unicode spaces, case) and dates
    // of every precision (a year, a month, a day, a time with an offset, none, not a date). The
    // expected facets come from what each article was built with, counted over the documents
    // search_exhaustive() matches; a query of plain words that matches nothing falls back to
    // any of them, so it expects that query's matches. Checked again after removals (one source
    // named only by removed articles), compaction, saving and loading, and adding after loading.
    struct SourceRow {
        const char* written;
        const char* expected;
    };
    const SourceRow source_rows[] = {
        {"Reuters", "Reuters"},
        {"  Reuters ", "Reuters"},
        {"\tReuters\n", "Reuters"},
        {"reuters", "reuters"},    // case is kept: a different source
        {"REUTERS", "REUTERS"},
        {"BBC", "BBC"},
        {"\xC2\xA0" "BBC\xC2\xA0", "BBC"},          // NBSP
        {"\xE3\x80\x80" "BBC", "BBC"},              // ideographic space
        {"Le Monde", "Le Monde"},
        {"Le  Monde", "Le  Monde"},                 // spaces inside are the name's own
        {"S\xC3\xBC" "ddeutsche Zeitung", "S\xC3\xBC" "ddeutsche Zeitung"},
        {"\xE6\x9C\x9D\xE6\x97\xA5\xE6\x96\xB0\xE8\x81\x9E", "\xE6\x9C\x9D\xE6\x97\xA5\xE6\x96\xB0\xE8\x81\x9E"}, // 朝日新聞
        {"", ""},
        {"   ", ""},
        {"\xE2\x80\x8B", ""},                       // a zero-width space alone
    };
    const char* common[] = {"alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel"};
    std::mt19937 rng(20240611);
    auto pick = [&](size_t n) { return size_t(rng() % n); };
    auto rare_word = [&] { return std::string("k") + char('a' + pick(6)) + char('a' + pick(10)) + "x"; };

    struct Made {
        broadsheet::Article article;
        Expected expected;
    };
    auto make = [&](int n, const char* source_only) {
        std::string body = "news ", title = common[pick(8)];
        const int words = 2 + int(pick(12));
        for (int i = 0; i < words; ++i) {
            body += pick(5) == 0 ? rare_word() : std::string(common[std::min(pick(8), pick(8))]); // skewed to the first
            body += ' ';
        }
        Expected e;
        std::string date;
        const unsigned y = 1968 + unsigned(pick(6)), m = 1 + unsigned(pick(12)), d = 1 + unsigned(pick(28));
        char buf[40];
        switch (pick(7)) {
        case 0: break; // undated
        case 1:
            date = pick(2) ? "unknown" : "circa 1970"; // not a date
            break;
        case 2:
            std::snprintf(buf, sizeof buf, "%04u", y);
            date = buf;
            e.year = buf;
            break;
        case 3:
            std::snprintf(buf, sizeof buf, "%04u-%02u", y, m);
            date = buf;
            break;
        case 4:
            std::snprintf(buf, sizeof buf, "%04u-%02u-%02u", y, m, d);
            date = buf;
            break;
        default:
            std::snprintf(buf, sizeof buf, "%04u-%02u-%02uT%02u:%02u:00%s", y, m, d, unsigned(pick(24)), unsigned(pick(60)),
                          pick(2) ? "Z" : "-11:00");
            date = buf;
        }
        if (date.size() >= 7 && date[4] == '-') {
            std::snprintf(buf, sizeof buf, "%04u", y);
            e.year = buf;
            std::snprintf(buf, sizeof buf, "%04u-%02u", y, m);
            e.month = buf;
        }
        std::string source;
        if (source_only) {
            source = source_only;
            e.source = source_only;
        } else {
            const SourceRow& s = source_rows[pick(std::size(source_rows))];
            source = s.written;
            e.source = s.expected;
        }
        return Made{article(title + " " + std::to_string(n), body, date, {}, source), e};
    };

    std::vector<broadsheet::Article> articles;
    std::vector<Expected> fields;
    Index ix;
    auto add = [&](Index& to, const char* source_only = nullptr) {
        Made m = make(int(articles.size()), source_only);
        REQUIRE(to.add(m.article, std::to_string(articles.size())) == DocId(articles.size()));
        articles.push_back(std::move(m.article));
        fields.push_back(std::move(m.expected));
    };
    for (int i = 0; i < 360; ++i) add(ix, i % 45 == 7 ? "Gone Daily" : nullptr);

    struct QueryRow {
        const char* query;
        bool plain; // plain words: falls back to any of them when all of them match nothing
    };
    const QueryRow queries[] = {
        {"alpha", true},
        {"hotel", true},
        {"news", true},                  // every article
        {"alpha bravo", true},
        {"alpha nothingatall", true},    // falls back to alpha
        {"nothingatall zilch", true},    // falls back to nothing
        {"alpha OR hotel", false},
        {"\"alpha bravo\"", false},
        {"alpha -bravo", false},
        {"-alpha", false},
        {"k*", false},                   // some sixty words
        {"kb*", false},
        {"charlei~1", false},
        {"title:delta", false},
        {"title:delta OR golf", false},
        {"source:reuters", false},       // searched folded: Reuters, reuters and REUTERS
        {"source:\"le monde\"", false},
        {"date:1970", false},
        {"date:1969-03..1971-06", false},
        {"bravo date:1972", false},
        {"(alpha OR golf) charlie", false},
        {"nothingatall", false},
        {"", false},
    };
    auto check_all = [&](const Index& index, const char* stage) {
        for (const QueryRow& q : queries) {
            CAPTURE(stage);
            CAPTURE(q.query);
            ParseOptions all_words, any_words;
            any_words.match_all = false;
            std::vector<DocId> expected = docs_of(search_exhaustive(index, parse_query(q.query, index, all_words)));
            bool relaxed = false;
            if (expected.empty() && q.plain) {
                expected = docs_of(search_exhaustive(index, parse_query(q.query, index, any_words)));
                relaxed = !expected.empty();
            }
            const Facets want = reference_facets(fields, expected);
            for (ResultOrder order : {ResultOrder::Relevance, ResultOrder::Newest, ResultOrder::Oldest}) {
                for (size_t limit : {size_t(1), size_t(10), size_t(100000)}) {
                    CAPTURE(int(order));
                    CAPTURE(limit);
                    SearchResult r = search(index, q.query, faceted(order, limit));
                    CHECK(r.relaxed == relaxed);
                    REQUIRE(r.facets.has_value());
                    CHECK(*r.facets == want);
                    REQUIRE(r.total.has_value());
                    CHECK(*r.total == expected.size());
                    // The hits are the same as without facets.
                    SearchOptions plain = faceted(order, limit);
                    plain.facets = false;
                    CHECK(r.hits == search(index, q.query, plain).hits);
                }
                // No hits asked for: the facets and count alone (a query that falls back is
                // the known bug below).
                SearchResult r = search(index, q.query, faceted(order, 0));
                CHECK(r.hits.empty());
                REQUIRE(r.facets.has_value());
                if (!relaxed) {
                    CHECK(*r.facets == want);
                    CHECK(*r.total == expected.size());
                }
            }
            // Narrowed to each value of its facets (as the web app's menus do: the filter, then
            // the query in parentheses), the query matches exactly the articles that value
            // counted: source:= names one source, not the words of others; "" the articles
            // without one; date:none the undated.
            if (*q.query && !relaxed) {
                auto narrowed = [&](const std::string& filter, auto keep) {
                    CAPTURE(filter);
                    const std::string text = filter + " (" + q.query + ")";
                    std::vector<DocId> want_docs;
                    for (DocId d : expected)
                        if (keep(fields[d])) want_docs.push_back(d);
                    CHECK(docs_of(search_exhaustive(index, parse_query(text, index))) == want_docs);
                    SearchOptions count_only = faceted(ResultOrder::Relevance, 0);
                    count_only.facets = false;
                    count_only.count = true;
                    CHECK(search(index, text, count_only).total == want_docs.size());
                    return want_docs.size();
                };
                for (const FacetValue& v : want.sources)
                    CHECK(narrowed("source:=\"" + v.value + "\"", [&](const Expected& e) { return e.source == v.value; }) == v.count);
                CHECK(narrowed("source:=\"\"", [](const Expected& e) { return e.source.empty(); }) == want.without_source);
                for (const FacetValue& v : want.years)
                    CHECK(narrowed("date:" + v.value, [&](const Expected& e) { return e.year == v.value; }) == v.count);
                for (const FacetValue& v : want.months)
                    CHECK(narrowed("date:" + v.value, [&](const Expected& e) { return e.month == v.value; }) == v.count);
                CHECK(narrowed("date:none", [](const Expected& e) { return e.year.empty(); }) == want.undated);
            }
            // The parsed query (no fallback) counts its own matches.
            SearchResult parsed = search(index, parse_query(q.query, index), faceted(ResultOrder::Relevance, 3));
            REQUIRE(parsed.facets.has_value());
            CHECK(*parsed.facets == reference_facets(fields, docs_of(search_exhaustive(index, parse_query(q.query, index)))));
        }
    };
    check_all(ix, "built");

    // The checks above are only as good as the corpus: it must hold every kind of value.
    const Facets everything = *search(ix, "news", faceted()).facets;
    CHECK(everything.sources.size() >= 9);
    CHECK(everything.without_source > 0);
    CHECK(everything.undated > 0);
    CHECK(everything.months.size() > everything.years.size());
    CHECK(std::count_if(everything.sources.begin(), everything.sources.end(),
                        [](const FacetValue& v) { return v.value == "Gone Daily"; }) == 1);

    // Remove a sixth, half with the article and half without, and every "Gone Daily".
    for (DocId d = 0; d < articles.size(); ++d) {
        if (d % 6 == 1) REQUIRE(ix.remove(d, articles[d]));
        else if (d % 6 == 4 || fields[d].source == "Gone Daily") REQUIRE(ix.remove(d));
    }
    check_all(ix, "removed");
    const Facets left = *search(ix, "news", faceted()).facets;
    for (const FacetValue& v : left.sources) CHECK(v.value != "Gone Daily");
    ix.compact();
    check_all(ix, "compacted");

    std::vector<const broadsheet::Article*> stored;
    for (DocId d = 0; d < articles.size(); ++d) stored.push_back(ix.contains(d) ? &articles[d] : nullptr);
    for (bool with_articles : {false, true}) {
        LoadedIndex loaded = load_index(save_index(ix, with_articles ? stored : std::vector<const broadsheet::Article*>{}));
        REQUIRE(loaded.ok());
        check_all(*loaded.index, with_articles ? "loaded with articles" : "loaded");
        for (uint32_t id = 0; id < loaded.index->source_count(); ++id) CHECK(loaded.index->source_name(id) != "Gone Daily");
        if (!with_articles) continue;
        // A loaded index takes more articles (its sources named again, and new ones) and removals.
        for (int i = 0; i < 60; ++i) add(*loaded.index);
        add(*loaded.index, "Gone Daily");
        check_all(*loaded.index, "added after loading");
        for (DocId d = 0; d < articles.size(); d += 5) loaded.index->remove(d);
        check_all(*loaded.index, "removed after loading");
    }
}

// search(text) decides the fallback by whether anything matched: with no hits asked for (limit
// 0, a sidebar's counts), by the count, not by the hits, which are always empty then. Facets
// and total then agree with the list shown beside them.
TEST_CASE("with no hits asked for, a query that falls back still has the fallback's facets") {
    Index ix = news_index();
    for (ResultOrder order : {ResultOrder::Relevance, ResultOrder::Newest, ResultOrder::Oldest}) {
        CAPTURE(int(order));
        SearchResult one = search(ix, "storm election", faceted(order, 1));
        SearchResult none = search(ix, "storm election", faceted(order, 0));
        CHECK(none.relaxed == one.relaxed);
        REQUIRE(none.facets.has_value());
        CHECK(*none.facets == *one.facets);
        CHECK(none.total == one.total);
    }
}
