// Words near each other: "oil prices"~5 and oil NEAR/5 "crude output". Each part (a word, a
// phrase, a prefix, a typo or an OR of them) in one field, in any order, with at most N other
// words between them; a part given twice needs two occurrences.
#include "broadsheet/search.hpp"
#include "broadsheet/snippet.hpp"

#include "search_checks.hpp"
#include "search_fixtures.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <random>
#include <set>
#include <sstream>

using namespace broadsheet::search;
using search_fixtures::article;
using search_fixtures::highlighted;
using search_fixtures::Library;

namespace {

using Docs = std::vector<DocId>;

std::vector<std::string> words_of(const std::string& text) {
    std::istringstream in(text);
    std::vector<std::string> out;
    for (std::string w; in >> w;) out.push_back(w);
    return out;
}

// The oracle: whether `field` (words separated by spaces, every word one place) has an
// occurrence of each part (a run of words), no two taking the same place, such that the places
// between the first and the last that none of them takes are at most `within`.
bool near_in(const std::vector<std::string>& field, const std::vector<std::vector<std::string>>& parts, size_t within) {
    std::vector<std::vector<size_t>> starts(parts.size());
    for (size_t k = 0; k < parts.size(); ++k)
        for (size_t i = 0; i + parts[k].size() <= field.size(); ++i)
            if (std::equal(parts[k].begin(), parts[k].end(), field.begin() + std::ptrdiff_t(i))) starts[k].push_back(i);
    std::vector<size_t> pick(parts.size(), 0);
    for (const auto& s : starts)
        if (s.empty()) return false;
    for (;;) {
        bool distinct = true; // no place taken twice ("oil" NEAR "crude oil" is another oil)
        for (size_t a = 0; a < parts.size(); ++a)
            for (size_t b = a + 1; b < parts.size(); ++b) {
                const size_t sa = starts[a][pick[a]], sb = starts[b][pick[b]];
                if (sa < sb + parts[b].size() && sb < sa + parts[a].size()) distinct = false;
            }
        if (distinct) {
            std::vector<bool> taken(field.size(), false);
            size_t first = SIZE_MAX, last = 0;
            for (size_t k = 0; k < parts.size(); ++k) {
                const size_t s = starts[k][pick[k]], e = s + parts[k].size() - 1;
                first = std::min(first, s);
                last = std::max(last, e);
                for (size_t i = s; i <= e; ++i) taken[i] = true;
            }
            size_t gaps = 0;
            for (size_t i = first; i <= last; ++i) gaps += !taken[i];
            if (gaps <= within) return true;
        }
        size_t k = 0;
        while (k < parts.size() && ++pick[k] == starts[k].size()) pick[k++] = 0;
        if (k == parts.size()) return false;
    }
}

} // namespace

TEST_CASE("words near each other: in any order, in one field, with at most N words between") {
    Library lib({
        article("Oil prices rise", "Crude oil prices rose sharply."),                      // 0
        article("Markets", "Prices of heating oil fell while the oil minister spoke."),    // 1
        article("Oil", "Oil was found. Analysts say that in the long run all prices fall."), // 2
        article("Prices", "Shop prices.", "", {}, "", "Oil news"),                         // 3: two fields
        article("Bank of England", "The Bank of England raised interest rates again."),    // 4
        article("Bank in England", "A bank in England cut its interest rates."),           // 5
        article("Oil oil", "Oil, oil everywhere, and oil again."),                         // 6
        article("Barrier", "The storm surge barrier wall held."),                         // 7
        article("Spam", "Email spam rose."),                                              // 8
    });
    struct Row { const char* query; Docs with, without; };
    const Row rows[] = {
        {"\"oil prices\"", {0}, {0}},
        {"\"oil prices\"~0", {0}, {0}},                // adjacent, either order
        {"\"prices oil\"~0", {0}, {0}},
        {"\"prices oil\"~2", {0, 1}, {0, 1}},          // "Prices of heating oil": 2 words between ("of" counts)
        {"\"oil prices\"~10", {0, 1, 2}, {0, 1, 2}},
        {"oil NEAR prices", {0, 1, 2}, {0, 1, 2}},     // NEAR alone: 10 words between
        {"oil NEAR/1 prices", {0}, {0}},
        {"oil NEAR/2 prices", {0, 1}, {0, 1}},
        {"oil NEAR/50 prices", {0, 1, 2}, {0, 1, 2}},  // 3 has them in two fields: never near
        {"oil NEAR/50 shop", {}, {}},
        {"prices NEAR/0 shop", {3}, {3}},
        {"\"crude oil\" NEAR/0 prices", {0}, {0}},
        {"prices NEAR/0 \"crude oil\"", {0}, {0}},
        {"\"crude oil\" NEAR/0 rose", {}, {}},         // "prices" is between
        {"\"crude oil\" NEAR/1 rose", {0}, {0}},
        // A part's stopwords are checked in the text when the articles are at hand.
        {"\"bank of england\" NEAR/3 rates", {4}, {4, 5}},
        {"\"bank in england\" NEAR/3 rates", {5}, {4, 5}},
        {"\"bank in england\" NEAR/2 rates", {}, {4}},  // "cut its interest": "its" takes a place
        // Prefixes, typos and ORs as parts.
        {"(crude OR heating) NEAR/0 oil", {0, 1}, {0, 1}},
        {"pric* NEAR/0 oil", {0}, {0}},
        {"prises~1 NEAR/0 oil", {0}, {0}},
        // Fields.
        {"title:(oil NEAR/0 prices)", {0}, {0}},
        {"standfirst:(oil NEAR news)", {3}, {3}},
        // A word given twice needs two of it.
        {"\"oil oil\"~0", {6}, {6}},
        {"oil NEAR/2 oil NEAR/2 oil", {6}, {6}},       // "Oil, oil everywhere, and oil": 2 between
        {"oil NEAR/1 oil NEAR/1 oil", {}, {}},
        {"oil NEAR/0 oil NEAR/0 oil", {}, {}},
        {"\"minister oil\"~0", {1}, {1}},
        // A part's phrase inside another of its phrases: the longer one is next to "wall".
        {"(\"storm surge barrier\" OR surge) NEAR/0 wall", {7}, {7}},
        {"(surge OR \"storm surge barrier\") NEAR/0 wall", {7}, {7}},
        {"surge NEAR/0 wall", {}, {}},
        // A hyphenated word is its parts or written together, as it is alone.
        {"\"e-mail spam\"~0", {8}, {8}},
        {"e-mail NEAR/0 spam", {8}, {8}},
    };
    for (const auto& row : rows) {
        CAPTURE(std::string(row.query));
        CHECK(lib.matches(row.query, true) == row.with);
        CHECK(lib.matches(row.query, false) == row.without);
    }
}

TEST_CASE("NEAR matches what the text has, on random articles and queries") {
    // Words that the analyzer keeps apart and as they are, and a stopword, which takes a place.
    const std::vector<std::string> vocabulary = {"kilo", "lima", "oscar", "papa", "romeo", "sierra", "tango", "the"};
    std::mt19937 rng(20261130);
    // Not std::uniform_int_distribution, whose draws differ between standard libraries: the
    // same articles and queries natively and in wasm.
    auto pick = [&](size_t n) { return size_t(rng() % n); };
    auto text = [&](size_t min, size_t max) {
        std::string t;
        const size_t n = min + pick(max - min + 1);
        for (size_t i = 0; i < n; ++i) t += (i ? " " : "") + vocabulary[pick(vocabulary.size())];
        return t;
    };
    std::vector<broadsheet::Article> articles;
    for (int i = 0; i < 120; ++i) articles.push_back(article(text(1, 4), text(3, 18)));
    const Library lib(std::move(articles));

    for (int round = 0; round < 1000; ++round) {
        // 2 or 3 parts: a word, or two or three in a row (a stopword inside or around).
        std::vector<std::vector<std::string>> parts;
        std::string query;
        const size_t n = 2 + pick(2), within = pick(6);
        const bool quoted_form = n == 2 && pick(3) == 0;
        for (size_t k = 0; k < n; ++k) {
            std::vector<std::string> part;
            const size_t len = quoted_form ? 1 : 1 + (pick(3) == 0 ? 1 + pick(2) : 0);
            for (size_t w = 0; w < len; ++w) part.push_back(vocabulary[pick(vocabulary.size() - (len == 1 ? 1 : 0))]);
            if (part.size() > 1 && std::all_of(part.begin(), part.end(), [](const std::string& w) { return w == "the"; })) part[0] = "kilo";
            parts.push_back(part);
        }
        if (quoted_form) {
            query = "\"" + parts[0][0] + " " + parts[1][0] + "\"~" + std::to_string(within);
        } else {
            for (size_t k = 0; k < n; ++k) {
                if (k) query += " NEAR/" + std::to_string(within) + " ";
                std::string words;
                for (const auto& w : parts[k]) words += (words.empty() ? "" : " ") + w;
                query += parts[k].size() > 1 ? "\"" + words + "\"" : words;
            }
        }
        CAPTURE(query);
        // A phrase's stopwords before or after its words take no place in the oracle's reading
        // unless they are checked: the parser keeps them in the phrase, which the text must have.
        Docs expected;
        for (DocId d = 0; d < lib.articles.size(); ++d)
            if (near_in(words_of(lib.articles[d].title), parts, within) || near_in(words_of(lib.articles[d].text), parts, within))
                expected.push_back(d);
        CHECK(lib.matches(query, true) == expected);
        // Marked in the text just where it matches (the same sweep); the top 5 are the first 5
        // of every match, best first; the count is theirs.
        search_fixtures::check_marks_and_top_5(lib, query, expected);
    }
}

TEST_CASE("more groups near each other rank higher, and a near match's words are marked") {
    Library lib({
        article("One", "storm far away from here and there and everywhere surge"),   // 0: 7 between
        article("Two", "storm surge hit the harbour then a storm surge"),             // 1: twice, adjacent
        article("Three", "storm and surge hit the town then a quiet night"),          // 2: once
        article("Four", "The storm of the year hit the harbour."),                    // 3: no surge
    });
    SearchOptions o = lib.options(true, 10);
    const SearchResult r = search(lib.index, "\"storm surge\"~10", o);
    REQUIRE(r.hits.size() == 3);
    CHECK(r.hits[0].doc == 1); // two groups
    // Marked where they are near enough: one range from the group's first word to its last, not
    // every "storm" and "surge".
    CHECK(r.matched.terms.empty());
    CHECK(highlighted("A storm and a big surge", r.matched) == std::vector<std::string>{"storm and a big surge"});
    CHECK(highlighted("Storm. Far away from here and from there, and far from everywhere, came a storm surge", r.matched) ==
          std::vector<std::string>{"storm surge"});
    // The concordance: a line for each group, from its first word to its last.
    std::vector<std::string> lines;
    for (const ConcordanceLine& l : concordance(lib.index, "\"storm surge\"~10", lib.lookup()))
        lines.push_back(std::to_string(l.doc) + ":" + lib.articles[l.doc].text.substr(l.match.begin, l.match.size()));
    CHECK(lines == std::vector<std::string>{"0:storm far away from here and there and everywhere surge", "1:storm surge", "1:storm surge",
                                            "2:storm and surge"});
    const SearchResult near_phrase = search(lib.index, "\"storm surge\" NEAR/3 harbour", o);
    REQUIRE(near_phrase.hits.size() == 1);
    CHECK(near_phrase.hits[0].doc == 1);
    CHECK(highlighted("storm surge hit the harbour", near_phrase.matched) == std::vector<std::string>{"storm surge hit the harbour"});
    CHECK(highlighted("storm tide hit the harbour", near_phrase.matched).empty()); // the phrase's words as given
    // A word given twice: two of it; the phrase's stopwords in their places.
    const SearchResult twice = search(lib.index, "storm NEAR/2 storm", o);
    CHECK(highlighted("storm, storm and storm surge", twice.matched) == std::vector<std::string>{"storm, storm"});
    const SearchResult stopped = search(lib.index, "\"storm of the year\" NEAR/2 harbour", o);
    CHECK(stopped.hits.size() == 1);
    CHECK(highlighted("the storm of the year hit harbour; the storm of a year hit harbour", stopped.matched) ==
          std::vector<std::string>{"storm of the year hit harbour"});
}

TEST_CASE("NEAR in a library of several languages reads each part in each") {
    auto in = [](std::string language, broadsheet::Article a) {
        a.language = std::move(language);
        return a;
    };
    Library lib({
        in("de", article("Regierung", "Die Regierungen in Berlin stritten lange.")),  // 0
        in("en", article("Government", "The governments in Berlin argued for long.")), // 1
        in("de", article("Berlin", "Berlin hat eine neue Regierung.")),                 // 2: four words between... three
    });
    CHECK(lib.matches("\"Regierung Berlin\"~1") == Docs{0});
    CHECK(lib.matches("\"Regierung Berlin\"~3") == Docs{0, 2});
    CHECK(lib.matches("governments NEAR/1 Berlin") == Docs{1});
    CHECK(lib.matches("\"die Regierung\"~0") == Docs{0, 2}); // a German stopword takes no part
    CHECK(lib.matches("die NEAR/0 Regierung") == Docs{0, 2});
    CHECK(lib.matches("\"die Regierung Berlin\"~1") == Docs{0});
}
