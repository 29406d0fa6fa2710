#include "broadsheet/article_json.hpp"
#include "broadsheet/import.hpp"

#include "test_helpers.hpp"

#include <doctest/doctest.h>

using broadsheet::Article;

TEST_CASE("an imported article survives a round trip through JSON unchanged") {
    auto r = broadsheet::import_file("seed.txt", read_file(shared_path("samples/register-china-im-real-names.txt")));
    REQUIRE(r.ok());
    Article a = r.articles[0];
    a.metadata.push_back({"topics", "[\"china\"]"});
    a.truncated = true;
    a.byline = {"Jane Doe"};
    Article b;
    std::string error;
    REQUIRE(broadsheet::article_from_json(broadsheet::article_to_json(a), b, error));
    CHECK(b.title == a.title);
    CHECK(b.standfirst == a.standfirst);
    CHECK(b.text == a.text);
    CHECK(b.paragraphs == a.paragraphs);
    CHECK(a.word_count > 100);
    CHECK(b.word_count == a.word_count); // counted again from the text
    CHECK(b.byline == a.byline);
    CHECK(b.truncated);
    REQUIRE(b.removed.size() == a.removed.size());
    CHECK(b.removed[0].text == a.removed[0].text);
    REQUIRE(b.metadata.size() == 1);
    CHECK(b.metadata[0].value == "[\"china\"]");
}

TEST_CASE("damaged or foreign saved articles are refused with a reason") {
    struct Row {
        const char* json;
        const char* reason_part;
    };
    const Row rows[] = {
        {"", "not a saved article"},
        {"[1,2]", "not a saved article"},
        {R"({"v": 99, "title": "x"})", "incompatible version"},
        // fuzz find: a version far outside int was converted to one (undefined behaviour)
        {R"({"v": 1444444444444444444444444444444444444444444444444444444444444444, "title": "x"})",
         "incompatible version"},
        {R"({"v": "1", "title": "x"})", "incompatible version"},
        {R"({"v": 1, "title": "x"})", "damaged"},
        {R"({"v": 1, "file": "f", "title": "x", "text": "abc", "paragraphs": [[0, 10]]})", "outside"},
        {R"({"v": 1, "file": "f", "title": "x", "text": "abc", "paragraphs": [[2, 1]]})", "outside"},
        {R"({"v": 1, "file": "f", "title": 5, "text": "abc", "paragraphs": []})", "damaged"},
        {R"({"v": 1, "file": "f", "title": "x", "text": "abc", "paragraphs": [["a", 1]]})", "damaged"},
    };
    for (const auto& row : rows) {
        CAPTURE(row.json);
        Article a;
        a.title = "untouched";
        std::string error;
        CHECK_FALSE(broadsheet::article_from_json(row.json, a, error));
        CHECK(error.find(row.reason_part) != std::string::npos);
        CHECK(a.title == "untouched");
    }
}
