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

TEST_CASE("words are counted in any script; CJK characters count one each") {
    struct Row {
        const char* text;
        size_t words;
    };
    const Row rows[] = {
        {"", 0},
        {"one two  three", 3},
        {"don't re-read it", 3},
        {"caf\xC3\xA9 na\xC3\xAFve", 2},
        {"\xD0\x9F\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82 \xD0\xBC\xD0\xB8\xD1\x80", 2},
        {"\xE6\x96\xB0\xE6\xA1\xA5\xE5\xBC\x80\xE6\x94\xBE", 4}, // 新桥开放
        {"Wei\xC2\xAD" "bo users", 2},                          // soft hyphen inside a word
        {"3.5 million, 42", 4},
        {"-- ... !!", 0},
    };
    for (const auto& row : rows) {
        CAPTURE(std::string(row.text));
        CHECK(text::count_words(row.text) == row.words);
    }
}

TEST_CASE("character references are decoded where they were escaped twice") {
    CHECK(text::decode_entities("&quot;Hi&quot; &amp; bye") == "\"Hi\" & bye");
    CHECK(text::decode_entities("a&#8211;b &#x201C;c&#x201D;") == "a\xE2\x80\x93" "b \xE2\x80\x9C" "c\xE2\x80\x9D");
    CHECK(text::decode_entities("&bdquo;Zitat&ldquo;") == "\xE2\x80\x9EZitat\xE2\x80\x9C");
    CHECK(text::decode_entities("AT&T & co; &unknown; &#0; &#x110000;") == "AT&T & co; &unknown; &#0; &#x110000;");
}

TEST_CASE("runs of combining marks are capped at 30, as UAX #15's stream-safe format says") {
    const std::string acute = "\xCC\x81", grave_below = "\xCC\x96", cgj = "\xCD\x8F";
    auto count = [](const std::string& s, const std::string& what) {
        size_t n = 0;
        for (size_t at = s.find(what); at != std::string::npos; at = s.find(what, at + 1)) ++n;
        return n;
    };
    std::string out = "untouched";
    // Real text: a few marks on a letter, Vietnamese stacks, Hebrew points: left alone.
    CHECK_FALSE(text::cap_combining_runs("cafe" + acute + " ti\xE1\xBA\xBFng Vi\xE1\xBB\x87t", true, out));
    std::string thirty = "Z";
    for (int i = 0; i < 30; ++i) thirty += acute;
    CHECK_FALSE(text::cap_combining_runs(thirty, true, out)); // exactly at the limit
    CHECK(out == "untouched");
    CHECK_FALSE(text::cap_combining_runs("bad \xFF utf-8" + acute, true, out));

    std::string zalgo = "Z";
    for (int i = 0; i < 100; ++i) zalgo += acute + grave_below; // 200 marks
    zalgo += "algo";
    REQUIRE(text::cap_combining_runs(zalgo, true, out));
    CHECK(count(out, acute) == 100); // every mark kept
    CHECK(count(out, grave_below) == 100);
    CHECK(count(out, cgj) == 6);     // after the 30th, 60th, ... 180th
    CHECK(out.substr(0, 1 + 30 * 2 + 2) == "Z" + zalgo.substr(1, 60) + cgj);
    CHECK(out.substr(out.size() - 4) == "algo");

    REQUIRE(text::cap_combining_runs(zalgo, false, out));
    CHECK(out == "Z" + zalgo.substr(1, 60) + "algo"); // search terms: the first 30 marks only
}
