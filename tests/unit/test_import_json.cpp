#include "broadsheet/article_json.hpp"
#include "broadsheet/encoding.hpp"
#include "broadsheet/import.hpp"

#include "test_helpers.hpp"

#include <doctest/doctest.h>

using broadsheet::import_file;

namespace {
std::string meta(const broadsheet::Article& a, std::string_view key) {
    for (const auto& m : a.metadata)
        if (m.key == key) return m.value;
    return "<absent>";
}
} // namespace

TEST_CASE("a NewsAPI record maps its fields and is marked truncated") {
    auto r = import_file("news.json", R"({"source": {"id": null, "name": "Example News"},
        "author": "Jane Doe, John Roe", "title": "Bridge reopens after repairs",
        "description": "Traffic returns to the river crossing.",
        "url": "https://example.com/bridge", "urlToImage": "https://example.com/b.jpg",
        "publishedAt": "2024-03-05T09:30:00Z",
        "content": "The bridge reopened on Tuesday after six months of work\u2026 [+2345 chars]"})");
    REQUIRE(r.ok());
    REQUIRE(r.articles.size() == 1);
    const auto& a = r.articles[0];
    CHECK(a.title == "Bridge reopens after repairs");
    CHECK(a.standfirst == "Traffic returns to the river crossing.");
    CHECK(a.source == "Example News");
    CHECK(a.byline == std::vector<std::string>{"Jane Doe", "John Roe"});
    CHECK(a.date == "2024-03-05T09:30Z");
    CHECK(a.url == "https://example.com/bridge");
    CHECK(a.truncated);
    CHECK(a.text == "The bridge reopened on Tuesday after six months of work");
    CHECK(meta(a, "urlToImage") == "https://example.com/b.jpg");
}

TEST_CASE("a headline that ends with its outlet's name loses it: the name is the source") {
    auto r = import_file("news.json", R"([{"source": {"name": "Reuters"}, "title": "Oil rises on supply worries - Reuters", "content": "Oil rose."},
        {"source": {"name": "BBC News"}, "title": "Tesla sales fall | BBC News", "content": "Sales fell."},
        {"source": {"name": "Reuters"}, "title": "Reuters - the agency at 175", "content": "An anniversary."}])");
    REQUIRE(r.articles.size() == 3);
    CHECK(r.articles[0].title == "Oil rises on supply worries");
    CHECK(r.articles[0].source == "Reuters");
    CHECK(r.articles[1].title == "Tesla sales fall");
    CHECK(r.articles[2].title == "Reuters - the agency at 175"); // not at the end: part of the headline
}

TEST_CASE("a credit line above a JSON paragraph is taken out alone, not with the paragraph") {
    auto r = import_file("news.json", R"([{"title": "Volcano erupts",
        "content": "Image source, Reuters\r\nLava flows from a volcano in Iceland have reached the outskirts of the town of Grindavik, setting homes on fire."}])");
    REQUIRE(r.ok());
    REQUIRE(r.articles.size() == 1);
    const auto& a = r.articles[0];
    REQUIRE(a.paragraphs.size() == 1);
    CHECK(a.paragraph(0) == "Lava flows from a volcano in Iceland have reached the outskirts of the town of Grindavik, setting homes on fire.");
    REQUIRE(a.removed.size() == 1);
    CHECK(a.removed[0].text == "Image source, Reuters");
}

TEST_CASE("arrays, wrapped lists and JSON Lines each give one article per record") {
    struct Row {
        const char* name;
        const char* json;
        size_t articles;
    };
    const Row rows[] = {
        {"array.json", R"([{"title": "A", "text": "one"}, {"title": "B", "text": "two"}])", 2},
        {"wrapped.json", R"({"status": "ok", "articles": [{"title": "A", "body": "x"}, {"headline": "B", "content": "y"}]})", 2},
        {"lines.jsonl", "{\"_id\": \"1\", \"title\": \"A\", \"text\": \"x\"}\n{\"_id\": \"2\", \"title\": \"B\", \"text\": \"y\"}\n\n{\"_id\": \"3\", \"title\": \"C\", \"text\": \"z\"}\n", 3},
        {"one.json", R"({"headline": "Only one", "articleBody": "Body."})", 1},
    };
    for (const auto& row : rows) {
        CAPTURE(row.name);
        auto r = import_file(row.name, row.json);
        REQUIRE(r.ok());
        CHECK(r.articles.size() == row.articles);
        CHECK(r.warnings.empty());
    }
}

TEST_CASE("JSON Lines keeps ids and skips bad lines with a warning naming the line") {
    auto r = import_file("dump.jsonl", "{\"_id\": \"a1\", \"title\": \"First\", \"text\": \"x\"}\n"
                                       "{\"_id\": \"a2\", \"title\": \"Broken\", \"text\": \n"
                                       "{\"id\": 17, \"title\": \"Third\", \"text\": \"z\"}\n"
                                       "[1, 2]\n");
    REQUIRE(r.ok());
    REQUIRE(r.articles.size() == 2);
    CHECK(r.articles[0].id == "a1");
    CHECK(r.articles[1].id == "17");
    REQUIRE(r.warnings.size() == 2);
    CHECK(r.warnings[0].starts_with("line 2: not valid JSON (parse error at column 41:"));
    CHECK(r.warnings[0].find("line 1") == std::string::npos); // the parser's own count within the line
    CHECK(r.warnings[1] == "line 4: not an object, skipped");
}

TEST_CASE("a newswire body with indented paragraph starts is split into paragraphs") {
    auto r = import_file("wire.jsonl", R"({"id": "w-1", "title": "PORT STRIKE ENDS", "date": "26-FEB-1987 15:01:01.79", "dateline": "ROTTERDAM, Feb 26 -", "topics": ["ports"], "body": "Dockers returned to work on\nThursday after a two week strike.\n    Shipping lines said delays\nwould ease by Monday.\n    Unions called the deal fair."})");
    REQUIRE(r.ok());
    const auto& a = r.articles[0];
    CHECK(a.date == "1987-02-26T15:01");
    REQUIRE(a.paragraphs.size() == 3);
    CHECK(a.paragraph(0) == "Dockers returned to work on Thursday after a two week strike.");
    CHECK(a.paragraph(1) == "Shipping lines said delays would ease by Monday.");
    CHECK(meta(a, "dateline") == "ROTTERDAM, Feb 26 -");
    CHECK(meta(a, "topics") == R"(["ports"])");
}

TEST_CASE("a date field read up to the residue after it; a field with no date is kept as given") {
    struct Row { const char* given; const char* date; };
    const Row rows[] = {
        {"27-MAR-1987 02:17:09.88&#5;&#5;&#5;T C", "1987-03-27T02:17"}, // Reuters-21578's SGML residue
        {"27-MAR-1987 02:38:09.32\\u0005\\u0005\\u0005G C", "1987-03-27T02:38"},
        {"2015-08-25 <b>", "2015-08-25"},
        {"25. März 2015 &middot; 10:00", "2015-03-25"},
        {"not a date &amp; never was", ""},
        {"&#5;27-MAR-1987", ""}, // nothing before the residue
        {"2016", "2016"},         // ISO 8601's reduced precision: a year, a month
        {" 2016-05 ", "2016-05"},
        {"2016-13", ""},          // no such month
        {"1987-5", ""},
        {"12345", ""},
        {"June 2014", "2014-06"}, // a month named, and its year
        {"Jun. 2014", "2014-06"},
        {"m\xC3\xA4rz 2015", "2015-03"},
        {"June 14", ""},          // not a year
        {"Junes 2014", ""},
    };
    for (const Row& row : rows) {
        CAPTURE(row.given);
        auto r = import_file("d.jsonl", std::string(R"({"title": "T", "text": "Body.", "date": ")") + row.given + "\"}");
        REQUIRE(r.ok());
        CHECK(r.articles[0].date == row.date);
        CHECK(meta(r.articles[0], "date_as_given") == std::string(*row.date ? "<absent>" : row.given));
    }
}

TEST_CASE("broken, hostile or empty JSON gives a clear error") {
    struct Row {
        const char* name;
        std::string json;
        const char* error_part;
    };
    const Row rows[] = {
        {"cut.json", R"({"title": "A", "text": "unterminated)", "not valid JSON: parse error at line 1"},
        {"pretty.json", "{\n  \"title\": \"A\",\n  \"text\": \n}\n", "not valid JSON: parse error at line 4"},
        {"deep.json", std::string(100000, '[') + std::string(100000, ']'), "nested too deeply (100000 levels"},
        {"deep-obj.json", [] { std::string s; for (int i = 0; i < 5000; ++i) s += "{\"a\":"; s += "1"; s += std::string(5000, '}'); return s; }(), "nested too deeply"},
        {"empty.json", "{}", "no articles found"},
        {"numbers.json", "[1, 2, 3]", "no articles found in the JSON: record 1: not an object"},
        {"untitled.json", R"([{"foo": "bar"}])", "no title or text field"},
    };
    for (const auto& row : rows) {
        CAPTURE(row.name);
        auto r = import_file(row.name, row.json);
        CHECK_FALSE(r.ok());
        CHECK(r.articles.empty());
        CHECK_MESSAGE(r.error.find(row.error_part) != std::string::npos, r.error);
    }
}

TEST_CASE("the relevance collection's BEIR layout imports as is") {
    auto r = import_file("corpus.jsonl", R"({"_id": "12", "title": "wing flutter tests .", "text": "flutter of a swept wing was measured ."})");
    REQUIRE(r.ok());
    CHECK(r.articles[0].id == "12");
    CHECK(r.articles[0].title == "wing flutter tests .");
    CHECK(r.articles[0].text == "flutter of a swept wing was measured .");
}

TEST_CASE("a JSON error message quoting a cut UTF-8 sequence is still valid UTF-8 (fuzz regression)") {
    for (std::string bad : {std::string("{\"title\":\xC3\xA9}"), std::string("[[[\xE2\x82")}) {
        CAPTURE(bad);
        auto r = import_file("bad.json", bad);
        CHECK_FALSE(r.ok());
        CHECK(broadsheet::is_valid_utf8(r.error));
    }
}

TEST_CASE("a workspace file brings back its articles exactly as they were saved") {
    // Two articles as the app holds them: the seed (plain text) and a Markdown page with styles.
    auto seed = import_file("seed.txt", read_file(shared_path("samples/register-china-im-real-names.txt")));
    auto md = import_file("harbour.md", "---\ntitle: Harbour wall holds\nauthor: Ann Weir\ndate: 2024-03-05\n"
                                        "url: https://example.org/harbour\n---\n\nThe wall held.\n\n## What next\n\n"
                                        "- raise it\n- fix the gates\n\n> \"We were lucky,\" said Jo Marsh.\n");
    REQUIRE(seed.ok());
    REQUIRE(md.ok());
    std::string file = R"({"broadsheet": "workspace", "version": 1, "marked": [1], "query": "wall", "articles": [)" +
                       broadsheet::article_to_json(seed.articles[0]) + "," + broadsheet::article_to_json(md.articles[0]) +
                       R"(], "corpus": {"terms": [{"term": "wall", "count": 3}]}})";
    auto back = import_file("broadsheet-workspace.json", file);
    REQUIRE_MESSAGE(back.ok(), back.error);
    REQUIRE(back.articles.size() == 2);
    // Every field survives, the paragraph styles and the original file names included.
    CHECK(broadsheet::article_to_json(back.articles[0]) == broadsheet::article_to_json(seed.articles[0]));
    CHECK(broadsheet::article_to_json(back.articles[1]) == broadsheet::article_to_json(md.articles[0]));
    CHECK(back.articles[0].file == "seed.txt");
    CHECK(back.articles[1].styles == md.articles[0].styles);
    CHECK(back.warnings.empty());
    CHECK(back.marked == std::vector<size_t>{1}); // the marked row, by its place in the list
    // The encoding each article was read from stays its own (the workspace file is UTF-8).
    auto latin = import_file("latin1.txt", "Caf\xE9 society\n\nThe caf\xE9 reopened on Monday.\n");
    REQUIRE(latin.ok());
    REQUIRE(latin.articles[0].encoding != "UTF-8");
    auto again = import_file("w.json", R"({"broadsheet": "workspace", "version": 1, "articles": [)" +
                                           broadsheet::article_to_json(latin.articles[0]) + "]}");
    REQUIRE(again.ok());
    CHECK(again.articles[0].encoding == latin.articles[0].encoding);

    // A damaged article is a warning; the others still come back. Other versions are refused.
    std::string damaged = R"({"broadsheet": "workspace", "version": 1, "marked": [1, 7], "articles": [{"v": 1, "title": 5}, )" +
                          broadsheet::article_to_json(md.articles[0]) + "]}";
    auto partial = import_file("w.json", damaged);
    REQUIRE(partial.ok());
    CHECK(partial.articles.size() == 1);
    CHECK(partial.marked == std::vector<size_t>{0}); // its place among those that came back; 7 is no article
    REQUIRE(partial.warnings.size() == 1);
    CHECK(partial.warnings[0].find("article 1 of the workspace is damaged") == 0);
    auto future = import_file("w.json", R"({"broadsheet": "workspace", "version": 99, "articles": []})");
    CHECK_FALSE(future.ok());
    CHECK(future.error.find("version") != std::string::npos);
}

TEST_CASE("markup in a body field, or a body kept as HTML, is read as paragraphs") {
    auto r = import_file("dump.jsonl",
                         "{\"title\": \"A\", \"content\": \"<p>LONDON (Reuters) - Oil rose &amp; fell.</p><p>Brent <b>rose</b> 2%.</p>\"}\n"
                         "{\"title\": \"B\", \"body_html\": \"<div><h2>Plan</h2><p>One.</p><ul><li>Two</li></ul><script>x()</script></div>\"}\n"
                         "{\"title\": \"C\", \"html\": \"<p>Only <br><br>here.</p>\", \"summary\": \"S\"}\n"
                         "{\"title\": \"D\", \"text\": \"Plain text with a < sign and 3 > 2.\"}\n"
                         "{\"title\": \"E\", \"text\": \"It bought <Diversified Shelter Group Ltd> and <BAC>.\"}\n");
    REQUIRE(r.ok());
    REQUIRE(r.articles.size() == 5);
    CHECK(r.articles[4].text == "It bought <Diversified Shelter Group Ltd> and <BAC>."); // Reuters' marks, no markup
    CHECK(r.articles[0].text == "LONDON (Reuters) - Oil rose & fell.\n\nBrent rose 2%.");
    CHECK(r.articles[1].text == "Plan\n\nOne.\n\nTwo");
    REQUIRE(r.articles[1].paragraphs.size() == 3);
    CHECK(r.articles[1].style(0).kind == broadsheet::ParagraphKind::Heading);
    CHECK(r.articles[1].style(2).kind == broadsheet::ParagraphKind::ListItem);
    CHECK(r.articles[2].text == "Only\n\nhere.");
    CHECK(meta(r.articles[1], "body_html") == "<absent>"); // read, so not kept again as metadata
    CHECK(r.articles[3].text == "Plain text with a < sign and 3 > 2.");
}

TEST_CASE("Unix timestamps, field names in other cases and a family-name-first author are read") {
    auto r = import_file("dump.jsonl",
                         "{\"title\": \"A\", \"text\": \"x\", \"published\": 1678800000}\n"
                         "{\"title\": \"B\", \"text\": \"x\", \"timestamp\": 1678800000000}\n"
                         "{\"title\": \"C\", \"text\": \"x\", \"date\": \"1678800000\"}\n"
                         "{\"Title\": \"D\", \"Body\": \"x\", \"Author\": \"Mark Twain\", \"PublishDate\": \"2020-03-03\"}\n"
                         "{\"title\": \"E\", \"text\": \"x\", \"authors\": \"Smith, John\"}\n"
                         "{\"title\": \"F\", \"text\": \"x\", \"authors\": \"Jane Doe, John Roe\", \"date\": 20150825}\n");
    REQUIRE(r.ok());
    REQUIRE(r.articles.size() == 6);
    CHECK(r.articles[0].date == "2023-03-14T13:20Z");
    CHECK(r.articles[1].date == "2023-03-14T13:20Z");
    CHECK(r.articles[2].date == "2023-03-14T13:20Z");
    CHECK(r.articles[3].title == "D");
    CHECK(r.articles[3].byline == std::vector<std::string>{"Mark Twain"});
    CHECK(r.articles[3].date == "2020-03-03");
    CHECK(meta(r.articles[3], "Author") == "<absent>");
    CHECK(r.articles[4].byline == std::vector<std::string>{"John Smith"});
    CHECK(r.articles[5].byline == std::vector<std::string>{"Jane Doe", "John Roe"});
    CHECK(r.articles[5].date == "2015-08-25"); // a compact date, no timestamp
}

TEST_CASE("news APIs' answers give their articles: lists deep in the answer, fields in wrapper objects") {
    struct Row {
        const char* api;
        const char* json;
        size_t articles;
        const char* title;      // of the first article
        const char* text;       // its body
        const char* standfirst;
        const char* byline;     // its first author
        const char* date;
        const char* url;
    };
    const Row rows[] = {
        {"Guardian content API",
         R"({"response": {"status": "ok", "userTier": "developer", "total": 2, "startIndex": 1, "pageSize": 2, "results": [
             {"id": "world/2014/jun/01/harbour-wall", "type": "article", "sectionName": "World news", "webPublicationDate": "2014-06-01T10:00:00Z",
              "webTitle": "Harbour wall holds", "webUrl": "https://www.theguardian.com/world/2014/jun/01/harbour-wall",
              "fields": {"headline": "Harbour wall holds after storm", "trailText": "Residents return to the &lsquo;old town&rsquo;", "byline": "Ann Weir",
                         "body": "<p>The wall held overnight.</p><p>Engineers will inspect it.</p>", "wordcount": "9"}},
             {"id": "world/2014/jun/02/gates", "webTitle": "Gates fixed", "webPublicationDate": "2014-06-02T10:00:00Z",
              "fields": {"bodyText": "The gates were fixed."}}]}})",
         2, "Harbour wall holds after storm", "The wall held overnight.\n\nEngineers will inspect it.",
         "Residents return to the \xE2\x80\x98old town\xE2\x80\x99", "Ann Weir", "2014-06-01T10:00Z",
         "https://www.theguardian.com/world/2014/jun/01/harbour-wall"},
        {"New York Times article search",
         R"({"status": "OK", "copyright": "Copyright (c) 2024 The New York Times Company.", "response": {"docs": [
             {"abstract": "A bridge reopens.", "web_url": "https://www.nytimes.com/2024/03/05/nyregion/bridge.html",
              "lead_paragraph": "The bridge reopened on Tuesday after six months of work.", "source": "The New York Times",
              "headline": {"main": "Bridge Reopens After Repairs", "kicker": null, "print_headline": "Bridge Reopens", "name": null},
              "pub_date": "2024-03-05T09:30:00+0000", "byline": {"original": "By Jane Doe", "person": [{"firstname": "Jane"}]},
              "_id": "nyt://article/1"}], "meta": {"hits": 1, "offset": 0}}})",
         1, "Bridge Reopens After Repairs", "The bridge reopened on Tuesday after six months of work.", "A bridge reopens.",
         "Jane Doe", "2024-03-05T09:30+00:00", "https://www.nytimes.com/2024/03/05/nyregion/bridge.html"},
        {"Elasticsearch search",
         R"({"took": 3, "timed_out": false, "_shards": {"total": 1}, "hits": {"total": {"value": 1, "relation": "eq"}, "max_score": 1.2,
             "hits": [{"_index": "news", "_id": "a1", "_score": 1.2,
                       "_source": {"title": "Port strike ends", "body": "Dockers returned to work.", "published_at": "1987-02-26"}}]}})",
         1, "Port strike ends", "Dockers returned to work.", "", "", "1987-02-26", ""},
        {"Reddit listing",
         R"({"kind": "Listing", "data": {"after": "t3_x", "dist": 1, "children": [{"kind": "t3", "data": {
             "title": "Council approves the new library", "selftext": "The vote was 7 to 2.", "author": "citydesk",
             "created_utc": 1678800000.0, "url": "https://example.org/library", "subreddit": "news"}}]}})",
         1, "Council approves the new library", "The vote was 7 to 2.", "", "citydesk", "2023-03-14T13:20Z", "https://example.org/library"},
        {"WordPress REST API",
         R"([{"id": 42, "date": "2024-05-01T08:00:00", "link": "https://example.org/2024/05/wall/",
              "title": {"rendered": "Harbour wall&#8217;s future"},
              "content": {"rendered": "<p>The council met.</p>\n<p>It voted to raise the wall.</p>\n", "protected": false},
              "excerpt": {"rendered": "<p>The council met&hellip;</p>\n", "protected": false}}])",
         1, "Harbour wall\xE2\x80\x99s future", "The council met.\n\nIt voted to raise the wall.", "The council met\xE2\x80\xA6", "",
         "2024-05-01T08:00", "https://example.org/2024/05/wall/"},
        {"JSON:API",
         R"({"data": [{"type": "articles", "id": "7", "attributes": {"title": "Tram line opens", "body": "Trams run from today."}}], "meta": {"count": 1}})",
         1, "Tram line opens", "Trams run from today.", "", "", "", ""},
        {"JSON Feed",
         R"({"version": "https://jsonfeed.org/version/1.1", "title": "Harbour News", "home_page_url": "https://example.org/",
             "items": [{"id": "1", "url": "https://example.org/1", "title": "Wall holds", "content_text": "The wall held overnight.",
                        "summary": "Good news.", "date_published": "2024-01-02T10:00:00Z", "authors": [{"name": "Ann Weir"}]}]})",
         1, "Wall holds", "The wall held overnight.", "Good news.", "Ann Weir", "2024-01-02T10:00Z", "https://example.org/1"},
        {"Hacker News search (Algolia)",
         R"({"hits": [{"title": "Ask HN: Who reads the harbour news?", "story_text": "I do, every day.", "author": "pg",
                       "created_at": "2024-01-02T10:00:00.000Z", "objectID": "123"}], "nbHits": 1})",
         1, "Ask HN: Who reads the harbour news?", "I do, every day.", "", "pg", "2024-01-02T10:00Z", ""},
        // One article holding a list (its comments) is still one article, not its comments.
        {"an article with comments",
         R"({"title": "Flood defences tested", "body": "The barrier closed.", "comments": [{"title": "Re: flood", "text": "Good."}, {"title": "Re", "text": "Yes."}]})",
         1, "Flood defences tested", "The barrier closed.", "", "", "", ""},
        // A list of authors is no list of articles: the list of stories is.
        {"a feed with its authors first",
         R"({"feed": {"authors": [{"name": "Ann Weir"}], "entries": {"list": [{"headline": "Gates fixed", "summary": "At last.", "content": "The gates were fixed."}]}}})",
         1, "Gates fixed", "The gates were fixed.", "At last.", "", "", ""},
    };
    for (const Row& row : rows) {
        CAPTURE(row.api);
        auto r = import_file("answer.json", row.json);
        REQUIRE_MESSAGE(r.ok(), r.error);
        CHECK(r.warnings.empty());
        REQUIRE(r.articles.size() == row.articles);
        const auto& a = r.articles[0];
        CHECK(a.title == row.title);
        CHECK(a.text == row.text);
        CHECK(a.standfirst == row.standfirst);
        CHECK((a.byline.empty() ? std::string() : a.byline[0]) == row.byline);
        CHECK(a.date == row.date);
        CHECK(a.url == row.url);
    }
    // The wrappers' other fields are kept as metadata, and each record is its own article.
    auto guardian = import_file("answer.json", rows[0].json);
    REQUIRE(guardian.articles.size() == 2);
    CHECK(meta(guardian.articles[0], "wordcount") == "9");
    CHECK(meta(guardian.articles[0], "sectionName") == "World news");
    CHECK(meta(guardian.articles[0], "fields") == "<absent>");
    CHECK(guardian.articles[1].title == "Gates fixed");
    CHECK(guardian.articles[1].text == "The gates were fixed.");
    // A bulk export as JSON Lines, each line wrapped.
    auto lines = import_file("export.jsonl", "{\"_id\": \"1\", \"_source\": {\"title\": \"A\", \"text\": \"x\"}}\n"
                                             "{\"_id\": \"2\", \"_source\": {\"title\": \"B\", \"text\": \"y\"}}\n");
    REQUIRE(lines.articles.size() == 2);
    CHECK(lines.articles[1].id == "2");
    CHECK(lines.articles[1].title == "B");
    // An answer with no articles in it anywhere says so.
    auto none = import_file("answer.json", R"({"response": {"status": "error", "message": "API key invalid", "results": []}})");
    CHECK_FALSE(none.ok());
    CHECK(none.error.find("no title or text field") != std::string::npos);
}
