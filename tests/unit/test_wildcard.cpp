// Wildcards within a word: colo*r, organi?ation, *ization. '*' stands for any characters (none
// too), '?' for one. The pattern is matched against the words as the articles write them
// (folded, not stemmed): colo*r finds "colour" and "color", not "colours". Without the articles
// at hand, a matching word stands for its term, so for all its forms ("colours" too).
#include "broadsheet/search.hpp"
#include "broadsheet/snippet.hpp"

#include "search_checks.hpp"
#include "search_fixtures.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <random>
#include <set>

using namespace broadsheet::search;
using search_fixtures::article;
using search_fixtures::highlighted;
using search_fixtures::Library;

namespace {

using Docs = std::vector<DocId>;

// The code points of UTF-8 `s`, each as its bytes.
std::vector<std::string> code_points(std::string_view s) {
    std::vector<std::string> out;
    for (size_t i = 0; i < s.size();) {
        size_t j = i + 1;
        while (j < s.size() && (static_cast<unsigned char>(s[j]) & 0xC0) == 0x80) ++j;
        out.emplace_back(s.substr(i, j - i));
        i = j;
    }
    return out;
}

// The oracle's matcher, written the plain recursive way over code points.
bool glob(const std::vector<std::string>& text, size_t t, const std::vector<std::string>& pattern, size_t p) {
    if (p == pattern.size()) return t == text.size();
    if (pattern[p] == "*") return glob(text, t, pattern, p + 1) || (t < text.size() && glob(text, t + 1, pattern, p));
    if (t == text.size()) return false;
    return (pattern[p] == "?" || pattern[p] == text[t]) && glob(text, t + 1, pattern, p + 1);
}

// The terms of the words of `text` (as the analyzer writes them: folded, unstemmed, no
// stopwords) that match `pattern`, into `terms`; and all its terms, into `all` if given.
void terms_matching(std::string_view text, const std::string& pattern, std::set<std::string>& terms,
                    std::set<std::string>* all = nullptr) {
    Analyzer a;
    const auto p = code_points(pattern);
    for (const auto& t : a.tokens(text)) {
        if (t.term.empty()) continue;
        if (glob(code_points(t.surface), 0, p, 0)) terms.insert(t.term);
        if (all) all->insert(t.term);
    }
}

} // namespace

TEST_CASE("a word with wildcards finds every word it matches whole, as written") {
    Library lib({
        article("Colour film", "The colour of the film faded."),                        // 0
        article("Color TV", "A color television set."),                                   // 1
        article("Organisation", "The organisation said so."),                             // 2
        article("Organization", "Their organization and other organizations agreed."),   // 3
        article("Civilization", "Civilization began by the river."),                      // 4
        article("Women", "Two women and a woman walked."),                                // 5
        article("Café", "The caf\xC3\xA9 opened."),                                       // 6
        article("Logos", "\xCE\xBB\xCF\x8C\xCE\xB3\xCE\xBF\xCF\x82 and \xCE\xBB\xCE\xB1\xCE\xB3\xCF\x8C\xCF\x82"), // 7: λόγος and λαγός
        article("Numbers", "In 1987 and 1997, not 2007."),                                // 8
        article("Colors", "Bright colors, colorful coats."),                              // 9
    });
    struct Row { const char* query; Docs expected; };
    const Row rows[] = {
        {"colo*r", {0, 1}},                 // colour, color; not colors, colorful (the same stem)
        {"colo?r", {0}},                    // colour alone
        {"COLO?R", {0}},                    // case never counts
        {"organi?ation", {2, 3}},
        {"organi?ations", {3}},
        {"organi?ation*", {2, 3}},
        {"*ization", {3, 4}},               // a wildcard first reads every word
        {"*iza*", {3, 4}},
        {"wom?n", {5}},
        {"w?m?n", {5}},
        {"wo??n", {5}},
        {"wo?n", {}},                      // '?' is exactly one
        {"woman?", {5}},                   // a '?' at the end is a question mark
        {"wom??", {}},                     // ... as are several: "wom" is no word here
        {"c?f\xC3\xA9", {6}},               // c?fé: the pattern is folded as the text was (café -> cafe)
        {"\xCE\xBB?\xCE\xB3\xCE\xBF\xCF\x82", {7}}, // λ?γος: '?' is one character of two bytes
        {"\xCE\xBB??\xCE\xBF\xCF\x82", {7}},         // λ??ος: λογος and λαγος, their accents folded
        {"19?7", {8}},
        {"1?87", {8}},
        {"?olour", {0}},
        {"c*r", {0, 1}},                    // colour and color ("olou" between, or "olo")
        {"film OR wom?n", {0, 5}},
        {"colo*r -tv", {0}},
        {"title:col*r", {0, 1}},
        {"title:colo?r", {0}},
        {"colo*r NEAR/1 faded", {}},        // "colour of the film faded": three words between
        {"colo*r NEAR/3 faded", {0}},
        {"colo*r NEAR/0 television", {1}},
    };
    for (const auto& row : rows) {
        CAPTURE(std::string(row.query));
        CHECK(lib.matches(row.query) == row.expected);
    }
    // Without the articles, a word stands for its term: "color" for "colors" and "colorful" too.
    CHECK(lib.matches("colo*r", false) == Docs{0, 1, 9});
    CHECK(lib.matches("*ization", false) == Docs{3, 4});
}

TEST_CASE("a pattern ranks by how often its words as written occur") {
    // "colour" twice against "colour" and "colours": the same length, the same term twice.
    Library lib({article("One", "colour colours paint"), article("Two", "colour colour paint")});
    const SearchResult r = search(lib.index, "colo*r", lib.options(true, 10));
    REQUIRE(r.hits.size() == 2);
    CHECK(r.hits[0].doc == 1);
    CHECK(r.hits[0].score > r.hits[1].score);
    // Without the articles both hold the term "colour" twice: a tie, by DocId.
    const SearchResult stems = search(lib.index, "colo*r", lib.options(false, 10));
    REQUIRE(stems.hits.size() == 2);
    CHECK(stems.hits[0].score == doctest::Approx(stems.hits[1].score));
}

TEST_CASE("a pattern's words are marked in the text, each whole") {
    Library lib({article("Colour film", "The colour of a color film; colours and colorful coats.")});
    const SearchResult r = search(lib.index, "colo*r", lib.options(true, 10));
    REQUIRE(r.hits.size() == 1);
    CHECK(highlighted(lib.articles[0].text, r.matched) == std::vector<std::string>{"colour", "color"});
    CHECK(highlighted(lib.articles[0].title, r.matched) == std::vector<std::string>{"Colour"});
    // A typo word after the pattern standing for the same term ("colour") marks all its forms.
    const SearchResult both = search(lib.index, "colo*r colours~1", lib.options(true, 10));
    CHECK(highlighted(lib.articles[0].text, both.matched) == std::vector<std::string>{"colour", "color", "colours"});
}

TEST_CASE("as you type, a pattern at the end begins words") {
    Library lib({
        article("Grey skies", "Grey skies all day."),
        article("Gray skies", "Gray skies all day."),
        article("Greyhound", "Greyhound racing."),
        article("Great", "A great day."),
    });
    ParseOptions typing;
    typing.as_you_type = true;
    CHECK(lib.matches("gr?y", true, typing) == Docs{0, 1, 2});
    CHECK(lib.matches("gr?y ", true, typing) == Docs{0, 1}); // finished: whole
    CHECK(lib.matches("gr?y") == Docs{0, 1});
    // Checked as written as you type too: "capital" is no word of *ization* ("capit" both).
    Library capital({article("Capital", "The capital."), article("Capitalization", "Capitalization rose.")});
    CHECK(capital.matches("*ization", true, typing) == Docs{1});
    CHECK(capital.matches("*ization", false, typing) == Docs{0, 1}); // without the articles: terms
}

TEST_CASE("as you type, the words a pattern matches as it stands come before its completions") {
    // 60 frequent completions of "m?n" and one rare whole match: the 50 kept as you type
    // (kAsYouTypeExpansions) are the whole match and then the most frequent.
    std::string many;
    for (int i = 0; i < 60; ++i) many += " mana" + std::to_string(i);
    std::vector<broadsheet::Article> articles{article("Rare", "A mun.")};
    for (int i = 0; i < 3; ++i) articles.push_back(article("Many " + std::to_string(i), many));
    Library lib(std::move(articles));
    ParseOptions typing;
    typing.as_you_type = true;
    CHECK(lib.matches("m?n", true, typing) == Docs{0, 1, 2, 3});
    CHECK(lib.matches("m?n ", true, typing) == Docs{0});
}

TEST_CASE("past kPatternArticlesRead articles to read, a pattern's words stand for their terms, with a message") {
    std::vector<broadsheet::Article> articles{article("One", "The colour.")};
    for (uint64_t i = 0; i < kPatternArticlesRead; ++i) articles.push_back(article("Many", "Colours."));
    Library lib(std::move(articles));
    const SearchResult r = search(lib.index, "colo*r", lib.options(true, 3));
    REQUIRE(r.messages.size() == 1);
    CHECK(r.messages[0].text.find("too many") != std::string::npos);
    SearchOptions o = lib.options(true, 0);
    o.count = true;
    CHECK(search(lib.index, "colo*r", o).total == kPatternArticlesRead + 1); // "colours" too
    CHECK(search(lib.index, "colo*r one", lib.options(true, 3)).hits.size() == 1);
}

TEST_CASE("a removed article's words match no more") {
    Library lib({article("Colour", "The colour faded."), article("Color", "A color set.")});
    CHECK(lib.matches("colo*r") == Docs{0, 1});
    lib.index.remove(1, lib.articles[1]);
    CHECK(lib.matches("colo*r") == Docs{0});
    CHECK(lib.matches("col?r") == Docs{});
}

TEST_CASE("wildcards match what the text has, on random words and patterns") {
    // Words of a few letters, Latin and Greek (two bytes a letter), so that patterns hit several.
    const std::vector<std::string> letters = {"a", "b", "c", "d", "e", "\xCE\xBB", "\xCF\x89"}; // λ ω
    std::mt19937 rng(20261130);
    // Not std::uniform_int_distribution, whose draws differ between standard libraries.
    auto pick = [&](size_t n) { return size_t(rng() % n); };
    auto word = [&] {
        std::string w;
        const bool greek = pick(4) == 0;
        const size_t n = 2 + pick(5);
        for (size_t i = 0; i < n; ++i) w += greek ? letters[5 + pick(2)] : letters[pick(5)];
        return w;
    };
    std::vector<std::string> vocabulary;
    for (int i = 0; i < 60; ++i) vocabulary.push_back(word());
    auto text = [&](size_t n) {
        std::string t;
        for (size_t i = 0; i < n; ++i) t += (i ? " " : "") + vocabulary[pick(vocabulary.size())];
        return t;
    };
    std::vector<broadsheet::Article> articles;
    for (int i = 0; i < 150; ++i) articles.push_back(article(text(2), text(6 + pick(10))));
    const Library lib(std::move(articles));

    size_t matched_some = 0;
    for (int round = 0; round < 1000; ++round) {
        // A word of the vocabulary (or a new one) with some of its letters made '?' or '*'.
        const auto cps = code_points(pick(4) ? vocabulary[pick(vocabulary.size())] : word());
        std::string pattern = pick(5) == 0 ? "*" : "";
        for (const auto& c : cps) {
            const size_t r = pick(10);
            pattern += r < 2 ? "?" : r < 3 ? "*" : c;
        }
        if (pick(5) == 0) pattern += "*";
        // A pattern needs a letter and a wildcard before its end, and a '?' at its end is a
        // question mark: such draws are made so.
        if (pattern.back() == '?') pattern.back() = 'a';
        if (std::none_of(pattern.begin(), pattern.end(), [](char c) { return c != '*' && c != '?'; })) pattern += "a";
        // Only '*' at the end is a prefix, not a pattern: its words stand for their terms.
        if (pattern.substr(0, pattern.find_last_not_of('*') + 1).find_first_of("*?") == std::string::npos) pattern.insert(0, "*");
        CAPTURE(pattern);
        // With the articles: those with a word as written that matches.
        std::set<std::string> terms; // ... and the terms of those words, anywhere
        Docs expected;
        for (DocId d = 0; d < lib.articles.size(); ++d) {
            std::set<std::string> in_doc;
            terms_matching(lib.articles[d].title, pattern, in_doc), terms_matching(lib.articles[d].text, pattern, in_doc);
            if (!in_doc.empty()) expected.push_back(d);
            terms.insert(in_doc.begin(), in_doc.end());
        }
        CHECK(lib.matches(pattern) == expected);
        // Marked in just those articles; the top 5 the exhaustive ranking's first 5.
        search_fixtures::check_marks_and_top_5(lib, pattern, expected);
        // Without the articles: those with any form of such a word (its term).
        Docs stemmed;
        for (DocId d = 0; d < lib.articles.size(); ++d) {
            std::set<std::string> unused, held;
            terms_matching(lib.articles[d].title, pattern, unused, &held), terms_matching(lib.articles[d].text, pattern, unused, &held);
            if (std::any_of(held.begin(), held.end(), [&](const std::string& t) { return terms.count(t) > 0; })) stemmed.push_back(d);
        }
        CHECK(lib.matches(pattern, false) == stemmed);
        matched_some += !expected.empty();
    }
    CHECK(matched_some > 300); // the draws test something
}
