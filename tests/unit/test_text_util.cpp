#include "text_util.hpp"

#include <doctest/doctest.h>

namespace text = broadsheet::text;

TEST_CASE("trim removes ASCII and Unicode spaces at both ends, nothing inside") {
    CHECK(text::trim("  a b \t\n") == "a b");
    CHECK(text::trim("\xC2\xA0x\xC2\xA0") == "x");                     // NBSP
    CHECK(text::trim("\xE2\x80\x8Bx\xE2\x80\xAF") == "x");             // ZWSP, narrow NBSP
    CHECK(text::trim("\xEF\xBB\xBFx") == "x");                         // BOM
    CHECK(text::trim("\xC3\xA9") == "\xC3\xA9");                       // é is not a space
    CHECK(text::trim("   ") == "");
}

TEST_CASE("line patterns: '*' any, '#' digits, ' ' spaces, case-insensitive") {
    CHECK(text::matches("This article is more than # year* old", "This article is more than 1 year old"));
    CHECK(text::matches("This article is more than # year* old", "this article is more than 12  years old"));
    CHECK_FALSE(text::matches("This article is more than # year* old", "This article is more than a year old"));
    CHECK(text::matches("More about", "MORE ABOUT"));
    CHECK_FALSE(text::matches("More about", "More about it"));
    CHECK(text::matches("Share this story*", "Share this story About sharing"));
    CHECK(text::matches("*", ""));
}

TEST_CASE("collapse_spaces joins runs of any space, drops zero-width ones") {
    CHECK(text::collapse_spaces(" a \n\t b\xC2\xA0\xC2\xA0" "c ") == "a b c");
    CHECK(text::collapse_spaces("zero\xE2\x80\x8Bwidth") == "zerowidth");
}

TEST_CASE("split_lines keeps empty lines and a last line without newline") {
    auto lines = text::split_lines("a\n\nb");
    REQUIRE(lines.size() == 3);
    CHECK(lines[1].empty());
    CHECK(lines[2] == "b");
}
