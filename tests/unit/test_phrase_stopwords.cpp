// A phrase's stopwords: not indexed, so checked in the articles' text when the search has them
// (SearchOptions::article). "The Guardian" is the word after a "the", not every guardian.
#include "broadsheet/search.hpp"
#include "broadsheet/snippet.hpp"

#include "search_fixtures.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <random>

using namespace broadsheet::search;
using search_fixtures::article;
using search_fixtures::highlighted;
using search_fixtures::Library;

using Docs = std::vector<DocId>;

TEST_CASE("a phrase's stopwords must be in their places in the article") {
    Library lib({
        article("The Guardian reports", "Its editor spoke."),                             // 0
        article("A guardian of the peace", "The court named a guardian for the child."),  // 1
        article("Guardian Media results", "Profits rose at Guardian Media Group."),       // 2
        article("Plants", "Both plants are far from state of the art, said the union."),  // 3
        article("Art", "The state and the art world disagree; state-of-the-art tools."),  // 4
        article("Art school", "The state of art schools is poor."),                       // 5
        article("Board", "He became chairman of the board in May.", "", {"Mary of the Hills"}), // 6
        article("Board games", "The chairman of a board game club spoke."),               // 7
        article("Times", "x", "", {"Smith of the", "The Times"}),                         // 8
        article("Hills", "y", "", {"Jane of", "Hills Smith"}),                            // 9
        article("Last", "z", "", {"Ann Poe", "Smith of the"}),                            // 10
    });
    struct Row { const char* query; Docs with, without; };
    const Row rows[] = {
        // A stopword before the word: only where the text has it.
        {"\"The Guardian\"", {0}, {0, 1, 2}},
        {"\"the guardian\"", {0}, {0, 1, 2}},      // case aside, as for every word
        {"\"a guardian\"", {1}, {0, 1, 2}},
        {"\"guardian of the\"", {1}, {0, 1, 2}},   // after it ("of the peace")
        {"\"guardian for the\"", {1}, {0, 1, 2}},  // the body's "guardian for the child"
        {"\"guardian of\"", {1}, {0, 1, 2}},
        // Inside: the very words, not any two.
        {"\"state of the art\"", {3, 4}, {3, 4}},  // 4: "state-of-the-art" is the same words
        {"\"state and the art\"", {4}, {3, 4}},
        {"state-of-the-art", {3, 4}, {3, 4}},      // unquoted, the hyphenated word is the phrase
        {"\"state of art\"", {5}, {5}},            // one place between: not "state of the art"
        {"\"chairman of the board\"", {6}, {6, 7}},
        {"\"chairman of a board\"", {7}, {6, 7}},  // (stems: "board game" is board)
        // Fields: the title alone, and a byline's names.
        {"title:\"the guardian\"", {0}, {0, 1, 2}},
        {"by:\"of the hills\"", {6}, {6, 9}},
        {"by:\"mary of the hills\"", {6}, {6}},
        {"by:\"mary in the hills\"", {}, {6}},
        {"by:\"the times\"", {8}, {8}},          // a name after one ending in stopwords
        {"by:\"of hills\"", {}, {6, 9}},         // ... which do not run into the next name
        {"by:\"smith of the\"", {10}, {8, 9, 10}}, // the last name keeps its stopwords
        // With other parts of a query.
        {"\"the guardian\" editor", {0}, {0}},
        {"\"the guardian\" OR \"state and the art\"", {0, 4}, {0, 1, 2, 3, 4}},
        {"guardian -\"the guardian\"", {1, 2}, {}},
        {"chairman -\"chairman of the board\"", {7}, {}}, // excluded only where it is so
    };
    for (const auto& row : rows) {
        const std::string query = row.query;
        CAPTURE(query);
        CHECK(lib.matches(row.query) == row.with);
        CHECK(lib.matches(row.query, false) == row.without); // what the index alone can tell
        CHECK(lib.matches(row.query) == lib.matches(row.query)); // again, from what was checked
    }
}

TEST_CASE("a phrase's stopwords are checked in the article's own language") {
    auto de = [](std::string title, std::string body) {
        broadsheet::Article a = article(std::move(title), std::move(body));
        a.language = "de";
        return a;
    };
    Library lib({
        de("Die Zeit berichtet", "Die Zeit ist eine Wochenzeitung."), // 0
        de("Zeit ist Geld", "Keine Zeit für die Linke."),             // 1
        de("Die Linke", "Die Linke stellt Fragen."),                   // 2
        article("Time and the Linke", "They said the link died."),    // 3 (English)
    });
    CHECK(lib.matches("\"Die Zeit\"") == Docs{0});
    CHECK(lib.matches("\"die Linke\"") == Docs{1, 2});
    CHECK(lib.matches("\"für die Linke\"") == Docs{1});
    CHECK(lib.matches("\"Die Zeit\"", false) == Docs{0, 1});
    CHECK(lib.matches("\"the link\"") == Docs{3});
}

TEST_CASE("a phrase with stopwords ranks by its checked occurrences; the top k is the exhaustive ranking") {
    // Random articles over a few words and stopwords; random phrases of them. The reference is
    // the text itself: each word as the analyzer reads it (a stopword as written, folded; any
    // other word as its term), the phrase's words one after the other.
    const std::vector<std::string> words = {"storm", "harbour", "the", "of", "a", "in", "surge", "tide", "and", "flood"};
    std::mt19937 rng(20261130);
    std::vector<broadsheet::Article> arts;
    for (int i = 0; i < 300; ++i) {
        auto text = [&](int n) {
            std::string t;
            for (int k = 0; k < n; ++k) t += (k ? " " : "") + words[rng() % words.size()];
            return t;
        };
        arts.push_back(article(text(1 + int(rng() % 5)), text(5 + int(rng() % 40))));
    }
    Library lib(std::move(arts));
    Analyzer analyzer;
    auto keys = [&](std::string_view text) {
        std::vector<std::pair<uint32_t, std::string>> out;
        analyzer.analyze_surfaces(text, [&](const Token& t) {
            if (t.kind == TokenKind::Joined) return;
            std::string_view term = analyzer.term_of(t.kind, t.surface);
            out.emplace_back(t.position, term.data() ? std::string(term) : "=" + std::string(t.surface));
        });
        return out;
    };
    auto occurrences = [&](std::string_view field, const std::vector<std::pair<uint32_t, std::string>>& phrase) {
        const auto text = keys(field);
        size_t n = 0;
        for (size_t i = 0; i + phrase.size() <= text.size(); ++i) {
            bool all = true;
            for (size_t k = 0; k < phrase.size() && all; ++k)
                all = text[i + k].second == phrase[k].second && text[i + k].first == text[i].first + k;
            n += all;
        }
        return n;
    };
    size_t with_stops = 0, only_stops = 0;
    for (int q = 0; q < 200; ++q) {
        std::string phrase;
        const int n = 2 + int(rng() % 3);
        for (int k = 0; k < n; ++k) phrase += (k ? " " : "") + words[rng() % words.size()];
        const auto want = keys(phrase);
        with_stops += std::any_of(want.begin(), want.end(), [](const auto& w) { return w.second[0] == '='; });
        only_stops += std::all_of(want.begin(), want.end(), [](const auto& w) { return w.second[0] == '='; });
        CAPTURE(phrase);
        const std::string query = "\"" + phrase + "\"";
        Docs expected;
        for (DocId d = 0; d < lib.articles.size(); ++d)
            if (occurrences(lib.articles[d].title, want) + occurrences(lib.articles[d].text, want) > 0) expected.push_back(d);
        CHECK(lib.matches(query) == expected);
        // Ranked: the pruned top k, the exhaustive walk and the count agree, checked or cached.
        const Query parsed = parse_query(query, lib.index);
        const std::vector<Hit> all = search_exhaustive(lib.index, parsed, {}, lib.lookup());
        CHECK(all.size() == expected.size());
        std::vector<Hit> best = all;
        std::sort(best.begin(), best.end(), [](const Hit& a, const Hit& b) { return a.score != b.score ? a.score > b.score : a.doc < b.doc; });
        // A library that has counted nothing yet gives the same.
        Library cold(lib.articles);
        CHECK(search_exhaustive(cold.index, parse_query(query, cold.index), {}, cold.lookup()) == all);
        for (size_t k : {size_t(1), size_t(5), size_t(50)}) {
            SearchOptions o;
            o.limit = k;
            o.count = true;
            o.relax = false;
            o.article = lib.lookup();
            const SearchResult r = search(lib.index, parsed, o);
            CHECK(r.total == expected.size());
            CHECK(r.hits == std::vector<Hit>(best.begin(), best.begin() + std::ptrdiff_t(std::min(k, best.size()))));
        }
        // A document's score follows its checked occurrences: more of them, never less.
        for (const Hit& h : all) {
            const auto& a = lib.articles[h.doc];
            if (occurrences(a.title, want) > 0) continue; // the title weighs more
            for (const Hit& other : all) {
                const auto& b = lib.articles[other.doc];
                if (occurrences(b.title, want) == 0 &&
                    lib.index.field_length(h.doc, Field::Body) == lib.index.field_length(other.doc, Field::Body) &&
                    occurrences(a.text, want) > occurrences(b.text, want))
                    CHECK(h.score > other.score);
            }
        }
    }
    CHECK(with_stops > 100);
    CHECK(only_stops > 10);
}

TEST_CASE("a phrase of stopwords only is looked for in every article's text") {
    Library lib({
        article("The Who play tonight", "The band The Who played. Who knows?"),      // 0
        article("Who is who", "Nobody knows who the winner is."),                    // 1
        article("Hamlet", "To be, or not to be, that is the question."),             // 2
        article("THE WHO", "A show."),                                               // 3: upper case
        article("Th\xC3\xA9 who", "Accents aside."),                                 // 4: thé is the
        article("\xEF\xBD\x94\xEF\xBD\x88\xEF\xBD\x85 who", "Full-width letters."), // 5: ｔｈｅ
        article("Whom", "the whole story"),                                          // 6: not words
        article("Opens at 9 a.m. the day after", "Doors open."),                     // 7: "am the"
    });
    CHECK(lib.matches("\"The Who\"") == Docs{0, 3, 4, 5});
    CHECK(lib.matches("\"to be or not to be\"") == Docs{2});
    CHECK(lib.matches("\"who is\"") == Docs{1});
    CHECK(lib.matches("\"a.m. the\"") == Docs{7}); // folded, "a.m." is "am": its dots do not hide it
    CHECK(lib.matches("\"am the\"") == Docs{7});
    CHECK(lib.matches("title:\"the who\"") == Docs{0, 3, 4, 5});
    CHECK(lib.matches("body:\"the who\"") == Docs{0});
    CHECK(lib.matches("\"the who\" band") == Docs{0});
    CHECK(lib.matches("\"The Who\"", false).empty());      // without the text, nothing to read
    // Ranked as any phrase: more often (in a field no longer) first.
    Library concerts({article("Concert", "The Who played. Fans of The Who sang."), article("Concert", "The Who played. Fans of the band sang.")});
    SearchOptions o;
    o.limit = 10;
    o.article = concerts.lookup();
    const SearchResult r = search(concerts.index, "\"the who\"", o);
    REQUIRE(r.hits.size() == 2);
    CHECK(r.hits[0].doc == 0);
    CHECK(r.hits[0].score > r.hits[1].score);
    CHECK(r.hits[1].score > 0.0);
    // Marked where the words are in place (punctuation between words, as in any phrase, aside).
    REQUIRE(r.matched.phrases.size() == 1);
    CHECK(highlighted("The band The Who played. Who knows the? Whole. The, who", r.matched) ==
          std::vector<std::string>{"The Who", "The, who"});
    // In a library of two languages, in the articles of the language whose stopwords they are.
    broadsheet::Article de = article("Die Woche", "Wer ist die Frau?");
    de.language = "de";
    Library two({article("Who is the woman?", "Who she is matters."), de, article("Die Hard", "A film.")});
    CHECK(two.matches("\"who is\"") == Docs{0});
    CHECK(two.matches("\"ist die\"") == Docs{1});   // German stopwords, in the German article
    CHECK(two.matches("\"die\"") == Docs{1, 2});     // a German stopword, an English word
}

TEST_CASE("as you type, an open phrase's last word begins words in each language, reading each article once") {
    ParseOptions typing;
    typing.as_you_type = true;
    auto de = [](std::string title, std::string body) {
        broadsheet::Article a = article(std::move(title), std::move(body));
        a.language = "de";
        return a;
    };
    Library lib({de("Hochwasser", "Die Häuser am Hafen stehen unter Wasser."), article("Harbour", "The houses at the harbour.")});
    CHECK(lib.matches("\"die häuser am ha", true, typing) == Docs{0});  // German words, being typed
    CHECK(lib.matches("\"the houses at the ha", true, typing) == Docs{1});
    Library compound({de("Gebiet", "Das Hochwasser-Gebiet ist groß."), article("Area", "The flood area.")});
    CHECK(compound.matches("\"das hochwasser-geb", true, typing) == Docs{0}); // written together or not
    // Readings of two languages that differ only in the word being typed are one.
    broadsheet::Article fr = article("Boulevard", "La boulangerie ferme."), es = article("Bolsa", "La bolsa sube.");
    fr.language = "fr";
    es.language = "es";
    Library romance({fr, es, article("Lab", "The lab opens.")});
    const std::string read = to_string(parse_query("\"la bo", romance.index, typing));
    CHECK(read.find("\"[la] bo*\"") != std::string::npos);
    CHECK(read.find("\"[la] bo*\"") == read.rfind("\"[la] bo*\""));
    CHECK(romance.matches("\"la bo", true, typing) == Docs{0, 1});
    // Many articles with many words after a stopword: a search reads each at most once (its
    // count and top k alike), and the same search again reads none.
    std::vector<broadsheet::Article> arts;
    for (int i = 0; i < 200; ++i)
        arts.push_back(article("Note " + std::to_string(i), "the b" + std::string(1, char('a' + i % 26)) + "x and the bank of the b" +
                                                                std::string(1, char('a' + (i * 7) % 26)) + "y"));
    Library many(std::move(arts));
    SearchOptions o;
    o.parse = typing;
    o.count = true;
    o.facets = true;
    o.limit = 10;
    o.article = many.lookup();
    const SearchResult first = search(many.index, "\"the b", o);
    CHECK(first.total == 200u);
    CHECK(many.reads <= 200u);
    const size_t reads = many.reads;
    CHECK(search(many.index, "\"the b", o).hits == first.hits);
    CHECK(many.reads == reads);
}

TEST_CASE("what was checked stays true as articles come and go") {
    std::vector<broadsheet::Article> arts = {
        article("One", "The harbour was quiet."),
        article("Two", "A harbour of the north."),
        article("Three", "Ships left the harbour."),
    };
    Library lib(arts);
    CHECK(lib.matches("\"the harbour\"") == Docs{0, 2});
    lib.index.remove(2, lib.articles[2]);
    CHECK(lib.matches("\"the harbour\"") == Docs{0});
    lib.articles.push_back(article("Four", "Into the harbour at dawn."));
    lib.index.add(lib.articles.back(), "doc3");
    CHECK(lib.matches("\"the harbour\"") == Docs{0, 3});
    lib.index.compact();
    lib.index.trim();
    CHECK(lib.matches("\"the harbour\"") == Docs{0, 3});
    // Eight phrases later the first is counted again, the same.
    for (const char* q : {"\"a harbour\"", "\"of the north\"", "\"the north\"", "\"harbour of\"", "\"at dawn\"",
                          "\"into the\" harbour", "\"was quiet\"", "\"the harbour was\""})
        CHECK(!lib.matches(q).empty());
    CHECK(lib.matches("\"the harbour\"") == Docs{0, 3});
}

TEST_CASE("a phrase is highlighted with its stopwords, only where they are in place") {
    Analyzer a;
    SearchOptions o;
    Library lib({article("The Guardian", "state of the art")}); // the words the matched set names
    MatchSet m = search(lib.index, parse_query("\"The Guardian\"", a), o).matched;
    REQUIRE(m.phrases.size() == 1);
    CHECK(highlighted("The Guardian said; a guardian of the peace.", m) == std::vector<std::string>{"The Guardian"});
    MatchSet inside = search(lib.index, parse_query("\"state of the art\"", a), o).matched;
    CHECK(highlighted("state of the art, state and the art, state-of-the-art", inside) ==
          std::vector<std::string>{"state of the art", "state-of-the-art"});
}

TEST_CASE("the concordance of a phrase with stopwords lists only where they are in place") {
    Library lib({
        article("One", "The Guardian said so. A guardian spoke."),
        article("Two", "A guardian of the peace."),
    });
    auto lines = concordance(lib.index, "\"the guardian\"", lib.lookup());
    REQUIRE(lines.size() == 1);
    CHECK(lines[0].doc == 0);
    CHECK(std::string_view(lib.articles[0].text).substr(lines[0].match.begin, lines[0].match.size()) == "The Guardian");
}
