// Splitting body text into paragraphs (paragraphs.cpp).
#include "import_internal.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

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
