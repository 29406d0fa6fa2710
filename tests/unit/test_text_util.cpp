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

namespace {

// The patterns' meaning written the plainest way (a '*' tries every place), to check the matcher
// that skips places against.
bool reference_match(std::string_view p, std::string_view s) {
    auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c; };
    if (p.empty()) return s.empty();
    if (p[0] == '*') {
        for (size_t i = 0; i <= s.size(); ++i)
            if (reference_match(p.substr(1), s.substr(i))) return true;
        return false;
    }
    auto run = [&](auto is) { // '#' and ' ' take their whole run
        size_t n = 0;
        while (n < s.size() && is(s[n])) ++n;
        return n > 0 && reference_match(p.substr(1), s.substr(n));
    };
    if (p[0] == '#') return run([](char c) { return c >= '0' && c <= '9'; });
    if (p[0] == ' ') return run([](char c) { return c == ' ' || c == '\t'; });
    return !s.empty() && lower(p[0]) == lower(s[0]) && reference_match(p.substr(1), s.substr(1));
}

} // namespace

TEST_CASE("line patterns match as the plain reading of them does, for every pattern and line tried") {
    // Patterns of '*', '#', ' ' and letters in either case against lines of the same characters
    // and tabs: 200,000 pairs from a fixed seed, and the rules' own shapes on real lines.
    const std::string pattern_chars = "*# aBc,.", line_chars = "aAbBcC 1\t,.2";
    uint64_t seed = 0x9E3779B97F4A7C15u;
    auto next = [&](size_t n) {
        seed ^= seed << 13, seed ^= seed >> 7, seed ^= seed << 17;
        return size_t(seed % n);
    };
    for (int t = 0; t < 200000; ++t) {
        std::string p, s;
        for (size_t k = 1 + next(6); k > 0; --k) p.push_back(pattern_chars[next(pattern_chars.size())]);
        for (size_t k = next(10); k > 0; --k) s.push_back(line_chars[next(line_chars.size())]);
        CAPTURE(p);
        CAPTURE(s);
        REQUIRE(text::matches(p, s) == reference_match(p, s));
    }
    const char* patterns[] = {"* contributed to this report.", "*Photograph: *", "*(AP Photo*)", "*, ASSOCIATED PRESS",
                              "Published# * ago", "Follow * on Twitter*", "**x", "*#", "* *"};
    const char* lines[] = {"Jane Doe contributed to this report.", "JANE DOE CONTRIBUTED TO THIS REPORT.",
                           "Jane Doe contributed to this report", "A cat. Photograph: Jane Doe/Reuters",
                           "Photograph:x", "A protest (AP Photo/Jane Doe)", "(AP Photo)", "John Roe, ASSOCIATED PRESS",
                           "Published2 hours ago", "Published 2 hours ago", "Follow Jane on Twitter @jane", "x", "ax",
                           "12", "a 1", "a b", "", " "};
    for (const char* p : patterns)
        for (const char* l : lines) {
            CAPTURE(std::string(p));
            CAPTURE(std::string(l));
            CHECK(text::matches(p, l) == reference_match(p, l));
        }
    CHECK(text::matches("* contributed to this report.", "Jane Doe contributed to   this report."));
    CHECK_FALSE(text::matches("* contributed to this report.", "contributed to this report."));
    CHECK(text::matches("*(AP Photo*)", "A protest (ap photo/Jane Doe)"));
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
        {"rock-'n'-roll 'quoted' -lead trail-", 4},               // ASCII joiners only inside a word
        {"na\xC3\xAFve-ish caf\xC3\xA9's x\xE2\x80\x99s", 3},     // joiners beside letters of any script
        {"\xD0\x9F\xD1\x80\xD0\xB8-vet A1b2", 2},
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
