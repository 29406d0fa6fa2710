// Highlights, snippets and concordance lines: byte ranges that land exactly on the matches.
#include "broadsheet/snippet.hpp"

#include "search_fixtures.hpp"

#include <doctest/doctest.h>

#include <cctype>

using namespace broadsheet::search;
using search_fixtures::highlighted;

namespace {

MatchSet terms(std::vector<std::string> t) {
    MatchSet m;
    m.terms = std::move(t);
    std::sort(m.terms.begin(), m.terms.end());
    return m;
}

using Words = std::vector<std::string>;

} // namespace

TEST_CASE("highlights cover every form of a matched term, exactly, in ugly text too") {
    struct Row { const char* text; std::vector<std::string> terms; Words expected; };
    const std::vector<Row> rows = {
        {"Storms hit; the storm passed.", {"storm"}, {"Storms", "storm"}},
        {"Caf\xC3\xA9 and CAFE and cafe\xCC\x81", {"cafe"}, {"Caf\xC3\xA9", "CAFE", "cafe\xCC\x81"}},
        {"hyphen\xC2\xAD" "ation works", {"hyphen"}, {"hyphen\xC2\xAD" "ation"}}, // soft hyphen inside
        {"zero\xE2\x80\x8B" "width", {"width"}, {"width"}},                         // after a ZWSP
        {"the e-mail arrived", {"email"}, {"e-mail"}},
        {"東京都に行く", {"京都"}, {"京都"}},
        {"\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D world", {"world"}, {"world"}},           // after RTL text
        {"fire\xF0\x9F\x94\xA5storm", {"storm"}, {"storm"}},                         // after an emoji
        {"\xEF\xBC\xB3\xEF\xBD\x94\xEF\xBD\x8F\xEF\xBD\x92\xEF\xBD\x8D!", {"storm"},
         {"\xEF\xBC\xB3\xEF\xBD\x94\xEF\xBD\x8F\xEF\xBD\x92\xEF\xBD\x8D"}},          // full-width
        {"", {"storm"}, {}},
    };
    for (const auto& row : rows) {
        CAPTURE(row.text);
        CHECK(highlighted(row.text, terms(row.terms)) == row.expected);
    }
}

TEST_CASE("a phrase is highlighted as one range from its first word to its last") {
    MatchSet m;
    m.phrases.push_back({{"heavi", "rain"}, {0, 1}, {}, {}});
    CHECK(highlighted("Heavy rain, then heavy wind and rain.", m) == Words{"Heavy rain"});
    MatchSet gap;
    gap.phrases.push_back({{"state", "art"}, {0, 3}, {}, {}});
    CHECK(highlighted("the state of the art", gap) == Words{"state of the art"});
}

TEST_CASE("the snippet is the passage with the most different matches") {
    std::string body;
    for (int i = 0; i < 20; ++i) body += "Filler words about nothing much at all. ";
    body += "Here the storm met the harbour wall. ";
    for (int i = 0; i < 20; ++i) body += "More filler that says nothing. ";
    body += "Another storm later. ";
    auto a = search_fixtures::article("Title", body);
    Analyzer an;
    Snippet s = make_snippet(a, terms({"storm", "harbour"}), an, {120});
    CHECK(s.field == Field::Body);
    CHECK(s.passage.size() <= 140);
    std::string_view passage = std::string_view(a.text).substr(s.passage.begin, s.passage.size());
    CHECK(passage.find("storm met the harbour") != std::string_view::npos);
    CHECK(s.cut_before);
    CHECK(s.cut_after);
    REQUIRE(s.highlights.size() == 2);
    for (auto r : s.highlights) {
        CHECK(r.begin >= s.passage.begin);
        CHECK(r.end <= s.passage.end);
    }
}

TEST_CASE("a match near the end gets a passage that fills its room; a body that fits is whole") {
    // 33 CJK characters (99 bytes): no spaces to start a passage at, so it began 16 characters
    // before the match, dropping the start of a body that fits whole.
    auto cjk = search_fixtures::article("t", "中国政府周二表示，北京将在明年举行一次重要的国际会议，各国代表将出席并发布最新消息");
    Analyzer an;
    for (const char* word : {"北京", "消息"}) {
        CAPTURE(word);
        Snippet s = make_snippet(cjk, terms({word}), an);
        CHECK(s.passage.begin == 0);
        CHECK(s.passage.end == cjk.text.size());
        CHECK_FALSE(s.cut_before);
        CHECK(s.highlights.size() == 1);
    }
    // A long body with its match in the last words: the passage ends at the end and takes its
    // whole room before it, starting at a word.
    std::string body;
    for (int i = 0; i < 30; ++i) body += "Filler words about nothing much at all. ";
    body += "At last the storm.";
    auto a = search_fixtures::article("Title", body);
    Snippet s = make_snippet(a, terms({"storm"}), an, {120});
    CHECK(s.passage.end == a.text.size());
    CHECK(s.passage.size() >= 120 - 30);
    CHECK(s.passage.size() <= 120);
    CHECK(a.text[s.passage.begin - 1] == ' ');
    CHECK(s.cut_before);
}

TEST_CASE("a passage that ends with its sentence is not marked cut after it") {
    // "said." followed by "…" reads as four dots; the ellipsis is for a sentence cut short.
    Analyzer an;
    const std::string body = "The minister said talks were over. After that, the delegations went home and nothing more was heard.";
    auto a = search_fixtures::article("Title", body);
    struct Row {
        size_t room;
        const char* ends_with;
        bool cut_after;
    };
    for (const Row& row : {Row{35, "over.", false}, Row{28, "were", true}, Row{60, "the", true}}) {
        CAPTURE(row.room);
        Snippet s = make_snippet(a, terms({"minister"}), an, {row.room});
        std::string_view passage = std::string_view(a.text).substr(s.passage.begin, s.passage.size());
        CHECK(passage.ends_with(row.ends_with));
        CHECK(s.cut_after == row.cut_after);
    }
    auto quoted = search_fixtures::article("Title", "\"It is over,\" he said. \"We are going home.\" Then the hall emptied slowly.");
    Snippet s = make_snippet(quoted, terms({"over"}), an, {45});
    CHECK(std::string_view(quoted.text).substr(s.passage.begin, s.passage.size()).ends_with("home.\""));
    CHECK_FALSE(s.cut_after);
}

TEST_CASE("without a match in the body the snippet is the standfirst, then the lead, never the title") {
    auto a = search_fixtures::article("Storm title", "Body without it.", "", {}, "", "A storm standfirst");
    Analyzer an;
    Snippet s = make_snippet(a, terms({"storm"}), an);
    CHECK(s.field == Field::Standfirst);
    CHECK(s.highlights.size() == 1);
    for (const char* word : {"absent", "titl"}) { // "title": shown above the snippet already
        CAPTURE(word);
        Snippet lead = make_snippet(a, terms({word}), an);
        CHECK(lead.field == Field::Body);
        CHECK(lead.passage.begin == 0);
        CHECK(lead.passage.end == a.text.size());
        CHECK(lead.highlights.empty());
    }
}

TEST_CASE("snippet passages never cut a character in two") {
    std::string body;
    for (int i = 0; i < 50; ++i) body += "\xE6\x9D\xB1\xE4\xBA\xAC\xC3\xA9\xF0\x9F\x98\x80";
    body += " storm ";
    for (int i = 0; i < 50; ++i) body += "\xE6\x9D\xB1\xE4\xBA\xAC\xC3\xA9\xF0\x9F\x98\x80";
    auto a = search_fixtures::article("t", body);
    Analyzer an;
    for (size_t max : {16u, 17u, 18u, 19u, 40u, 100u}) {
        Snippet s = make_snippet(a, terms({"storm"}), an, {max});
        auto cont = [&](uint32_t at) { return at < body.size() && (uint8_t(body[at]) & 0xC0) == 0x80; };
        CAPTURE(max);
        CHECK_FALSE(cont(s.passage.begin));
        CHECK_FALSE(cont(s.passage.end));
    }
}

TEST_CASE("concordance lines give each match with its context, in document order") {
    auto articles = search_fixtures::news();
    Index ix = search_fixtures::news_index();
    auto lines = concordance(ix, "storm", [&](DocId d) { return d < articles.size() ? &articles[d] : nullptr; }, 20);
    // doc 0: title + 2 in body; doc 4: title + body; doc 7: "storms" in body.
    REQUIRE(lines.size() == 6);
    CHECK(lines[0].doc == 0);
    CHECK(lines[0].field == Field::Title);
    CHECK(lines.back().doc == 7);
    for (const auto& l : lines) {
        std::string_view t = field_text(articles[l.doc], l.field);
        CHECK(l.left.end == l.match.begin);
        CHECK(l.right.begin == l.match.end);
        CHECK(l.match.begin - l.left.begin <= 20);
        CHECK(l.right.end - l.right.begin <= 20);
        std::string w(t.substr(l.match.begin, l.match.size()));
        CHECK((w == "storm" || w == "Storm" || w == "storms"));
    }
    auto phrase = concordance(ix, "\"heavy rain\"", [&](DocId d) { return &articles[d]; });
    REQUIRE(phrase.size() == 3);
    CHECK(field_text(articles[phrase[0].doc], phrase[0].field).substr(phrase[0].match.begin, phrase[0].match.size()) ==
          "heavy rain");
    CHECK(concordance(ix, "storm", [](DocId) { return nullptr; }).empty());
    CHECK(concordance(ix, "storm", nullptr).empty());
    CHECK(concordance(ix, "storm", [&](DocId d) { return &articles[d]; }, 20, 2).size() == 2);
    // Read as a search box reads it, the last word is a prefix: "stor" finds what "storm" does
    // (and "storms"); read as written it is a word no article has.
    ParseOptions typing;
    typing.as_you_type = true;
    auto typed = concordance(ix, "stor", [&](DocId d) { return &articles[d]; }, 20, 1000, typing);
    CHECK(typed.size() >= lines.size());
    for (const auto& l : typed) {
        std::string w(field_text(articles[l.doc], l.field).substr(l.match.begin, l.match.size()));
        for (char& c : w) c = char(std::tolower(static_cast<unsigned char>(c)));
        CHECK(w.rfind("stor", 0) == 0);
    }
    CHECK(concordance(ix, "stor", [&](DocId d) { return &articles[d]; }).empty());
    // What the parser said comes back with the lines: an unclosed quote, at its place.
    std::vector<QueryMessage> said;
    auto unclosed = concordance(ix, "\"heavy rain", [&](DocId d) { return &articles[d]; }, 40, 1000, {}, &said);
    CHECK(unclosed.size() == phrase.size());
    REQUIRE(said.size() == 1);
    CHECK(said[0].position == 0);
    said.clear();
    concordance(ix, "storm", [&](DocId d) { return &articles[d]; }, 40, 1000, {}, &said);
    CHECK(said.empty());
}

TEST_CASE("a concordance line's neighbouring words are folded for sorting; its pieces read as one line") {
    struct Case {
        std::string text;
        broadsheet::ByteRange left, match, right;
        std::string before, after;
    };
    const Case cases[] = {
        {"Officials said the real names rule", {10, 19}, {19, 29}, {29, 34}, "the", "rule"},
        // Punctuation between the match and the word: the word, not the comma.
        {"in March, real names, Écoles said", {3, 10}, {10, 20}, {20, 34}, "march", "ecoles"},
        // Nothing before (the match starts the text), nothing after (only punctuation).
        {"Real names.", {0, 0}, {0, 10}, {10, 11}, "", ""},
        // Full-width letters fold to ASCII, accents go (as the index folds words).
        {"ＡＢＣ real ÉTÉ", {0, 10}, {10, 14}, {14, 20}, "abc", "ete"},
        // A range outside the text gives nothing rather than reading past it.
        {"short", {0, 2}, {2, 3}, {3, 99}, "sh", ""},
    };
    for (const auto& c : cases) {
        CAPTURE(c.text);
        ConcordanceLine line;
        line.left = c.left, line.match = c.match, line.right = c.right;
        CHECK(concordance_word(c.text, line, true) == c.before);
        CHECK(concordance_word(c.text, line, false) == c.after);
    }
    // More words, nearest first, joined so that keys sort word by word.
    ConcordanceLine two;
    std::string_view text = "They said the Real names rule, it seems";
    two.left = {0, 14}, two.match = {14, 24}, two.right = {24, 39};
    CHECK(concordance_word(text, two, true, 2) == std::string("the\x01said"));
    CHECK(concordance_word(text, two, false, 3) == std::string("rule\x01it\x01seems"));
    CHECK(concordance_word(text, two, false, 9) == std::string("rule\x01it\x01seems"));
    CHECK(concordance_word(text, two, true, 0).empty());
    CHECK(std::string("in\x01the") < std::string("in\x01the\x01end"));
    CHECK(std::string("in") < std::string("in\x01a"));
    CHECK(std::string("in\x01zoo") < std::string("inn"));
    CHECK(concordance_text("said.\n\nNothing") == "said. \xC2\xB6 Nothing");
    CHECK(concordance_text("a\nb") == "a b");
    CHECK(concordance_text("a\r\n\r\n  b") == "a \xC2\xB6 b");
    CHECK(concordance_text("no breaks") == "no breaks");
    CHECK(concordance_text("") == "");
}

TEST_CASE("what a query asks for in some fields is marked in those fields only") {
    using search_fixtures::article;
    const search_fixtures::Library lib({article("Storm hits the coast", "A storm surge flooded the harbour. The storm weakened by night.",
                                                "2014-01-15", {}, "", "Storm and harbour news")});
    const auto& a = lib.articles[0];
    struct Row { const char* query; Words title, standfirst, body; };
    const std::vector<Row> rows = {
        {"storm", {"Storm"}, {"Storm"}, {"storm", "storm"}},
        {"title:storm", {"Storm"}, {}, {}},
        {"body:storm", {}, {}, {"storm", "storm"}},
        {"storm title:storm", {"Storm"}, {"Storm"}, {"storm", "storm"}},   // asked in every field too
        {"title:storm harbour", {"Storm"}, {"harbour"}, {"harbour"}},
        {"title:stor*", {"Storm"}, {}, {}},                               // a prefix
        {"title:storn~1", {"Storm"}, {}, {}},                             // a typo
        {"title:\"storm hits\"", {"Storm hits"}, {}, {}},                 // a phrase
        {"body:\"the storm\" standfirst:news", {}, {"news"}, {"The storm"}},
        {"title:(storm OR coast)", {"Storm", "coast"}, {}, {}},
        {"body:(storm NEAR/3 harbour)", {}, {}, {"storm surge flooded the harbour"}},
    };
    for (const auto& row : rows) {
        const std::string query = row.query;
        CAPTURE(query);
        const MatchSet m = search(lib.index, row.query, lib.options(true, 1)).matched;
        auto marked = [&](Field f) {
            std::string_view text = field_text(a, f);
            Words out;
            for (broadsheet::ByteRange r : find_highlights(text, m, lib.index.analyzer(), f)) out.emplace_back(text.substr(r.begin, r.size()));
            return out;
        };
        CHECK(marked(Field::Title) == row.title);
        CHECK(marked(Field::Standfirst) == row.standfirst);
        const Words body = marked(Field::Body);
        CAPTURE(body.size());
        CHECK(body == row.body);
        CHECK(m.term_fields.size() == m.terms.size());
    }
    // The snippet of a title-only match is the lead, without the body's "storm" marked.
    const Snippet s = make_snippet(a, search(lib.index, "title:storm", lib.options(true, 1)).matched, lib.index.analyzer());
    CHECK(s.field == Field::Body);
    CHECK(s.passage.begin == 0);
    CHECK(s.highlights.empty());
}
