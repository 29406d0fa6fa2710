// Splitting body text into paragraphs (paragraphs.cpp).
#include "import_internal.hpp"
#include "test_helpers.hpp"
#include "text_util.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <string>
#include <vector>

using broadsheet::detail::lines_are_paragraphs;
using broadsheet::detail::split_paragraphs;
using broadsheet::detail::strip_sign_off;

TEST_CASE("paragraphs split at blank lines; wrapped lines join with one space") {
    CHECK(split_paragraphs("a\nb\n\nc") == std::vector<std::string>{"a b", "c"});
    CHECK(split_paragraphs("\n\n  \n") == std::vector<std::string>{});
}

TEST_CASE("a word hyphenated at a line end is joined without a space, the hyphen kept") {
    struct Row {
        const char* text;
        const char* paragraph;
    };
    const Row rows[] = {
        {"the fore-\nseeable future", "the fore-seeable future"},
        {"a well-\nknown name", "a well-known name"},
        {"pages 10-\n12", "pages 10- 12"},             // not a word break: digits
        {"Smith-\nJones", "Smith- Jones"},             // capital after: a name pair, not a break
        {"a dash -\nthen more", "a dash - then more"}, // a free-standing dash
    };
    for (const auto& row : rows) {
        CAPTURE(std::string(row.text));
        auto ps = split_paragraphs(row.text);
        REQUIRE(ps.size() == 1);
        CHECK(ps[0] == row.paragraph);
    }
}

TEST_CASE("newswire text marks paragraphs by indentation") {
    auto ps =
        split_paragraphs("First line\nwraps here.\n    Second paragraph\nwraps too.\n    Third.");
    CHECK(ps == std::vector<std::string>{"First line wraps here.", "Second paragraph wraps too.",
                                         "Third."});
}

TEST_CASE("a newswire results table keeps one row a paragraph, even when most lines are indented") {
    // Reuters-21578, "COBANCO INC <CBCO> YEAR NET": rows indented, the note wrapped after them.
    auto ps = split_paragraphs("Shr 34 cts vs 1.19 dlrs\n    Net 807,000 vs 2,858,000\n"
                               "    Assets 510.2 mln vs 479.7 mln\n    Note: 4th qtr not available. Year "
                               "includes 1985\nextraordinary gain.");
    CHECK(ps == std::vector<std::string>{"Shr 34 cts vs 1.19 dlrs", "Net 807,000 vs 2,858,000",
                                         "Assets 510.2 mln vs 479.7 mln",
                                         "Note: 4th qtr not available. Year includes 1985 extraordinary gain."});
    // Text indented as a whole is one paragraph per blank line, as before.
    CHECK(split_paragraphs("    a quoted\n    block\n\n    and more") ==
          std::vector<std::string>{"a quoted block", "and more"});
}

TEST_CASE("a newswire sign-off at the end of a body comes off; a sentence ending in the name stays") {
    struct Row {
        const char* text;
        const char* body; // what is left
        const char* mark;
    };
    const Row rows[] = {
        {"utility costs.\n REUTER\n", "utility costs.", "REUTER"},
        {"total 55.8 (33.7).        REUTER", "total 55.8 (33.7).", "REUTER"},
        {"renegotiated.\n REUTERS", "renegotiated.", "REUTERS"},
        {"it said.\n Reuter\n\x03", "it said.\n Reuter\n\x03", ""}, // not at the very end
        {"the story was sold to Reuter", "the story was sold to Reuter", ""},
        {"according to Reuters", "according to Reuters", ""},
        {"REUTER", "", "REUTER"},
    };
    for (const auto& row : rows) {
        CAPTURE(std::string(row.text));
        std::string_view text = row.text;
        CHECK(strip_sign_off(text) == row.mark);
        CHECK(text == row.body);
    }
}

TEST_CASE("a text of one paragraph a line is split at every line; a hard wrap is joined") {
    // Scraped text and NewsAPI's content: a line each, short or long.
    CHECK(split_paragraphs("Image source, Reuters\nLava flows from a volcano in Iceland have reached the outskirts of the "
                           "town of Grindavik, setting homes on fire, the authorities said on Sunday.") ==
          std::vector<std::string>{"Image source, Reuters",
                                   "Lava flows from a volcano in Iceland have reached the outskirts of the town of "
                                   "Grindavik, setting homes on fire, the authorities said on Sunday."});
    const std::string lines = "The electric car maker delivered 1.79 million vehicles in 2024, down 1.1% from 1.81 million in 2023.\n"
                              "\"We expect a return to growth,\" chief executive Elon Musk said in a post on X.\n"
                              "Analysts had predicted deliveries of about 1.8 million.\n";
    CHECK(split_paragraphs(lines).size() == 3);
    // Wrapped at 70 columns: each break comes where the next word would not fit.
    const std::string wrapped = "The electric car maker delivered 1.79 million vehicles in 2024, down\n"
                                "1.1% from 1.81 million in 2023. \"We expect a return to growth,\" chief\n"
                                "executive Elon Musk said in a post on X.\n";
    CHECK(split_paragraphs(wrapped).size() == 1);
}

TEST_CASE("Reuters-21578's hard-wrapped bodies are read as wrapped; the same bodies a paragraph a line are not") {
    // The corpus wraps at 60-70 columns, raggedly, with indented paragraph starts.
    std::vector<std::string> bodies;
#ifndef __EMSCRIPTEN__
    const std::string command = "gzip -dc '" + shared_path("corpora/reuters21578.jsonl.gz") + "' 2>/dev/null";
    if (FILE* p = popen(command.c_str(), "r")) {
        std::string line;
        char buf[1 << 16];
        while (bodies.size() < 5000 && fgets(buf, sizeof buf, p)) {
            line += buf;
            if (line.back() != '\n') continue;
            const auto j = nlohmann::json::parse(line, nullptr, false);
            if (j.is_object() && j.contains("body") && j["body"].is_string()) bodies.push_back(j["body"].get<std::string>());
            line.clear();
        }
        pclose(p);
    }
#endif
    if (bodies.empty()) return; // no corpus here (wasm)
    size_t as_wrapped = 0, as_lines = 0, rewritten = 0;
    for (const std::string& body : bodies) {
        as_wrapped += !lines_are_paragraphs(broadsheet::text::split_lines(body));
        const std::vector<std::string> paragraphs = split_paragraphs(body);
        if (paragraphs.size() < 3) continue;
        std::string one_a_line;
        for (const auto& p : paragraphs) one_a_line += p + "\n";
        ++rewritten;
        as_lines += lines_are_paragraphs(broadsheet::text::split_lines(one_a_line));
    }
    CAPTURE(bodies.size());
    CAPTURE(rewritten);
    CHECK(as_wrapped + 3 >= bodies.size()); // all but a few
    CHECK(as_lines * 10 >= rewritten * 8);   // most
}
