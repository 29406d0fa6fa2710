// Splitting body text into paragraphs (paragraphs.cpp).
#include "import_internal.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using broadsheet::detail::split_paragraphs;

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
