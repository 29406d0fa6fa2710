// The analysis chain, stage by stage and as a whole, on ugly input.
#include "broadsheet/analyzer.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace broadsheet::search;

namespace {

// The chain's terms for `text`, joined by spaces ("|" before a Joined token).
std::string terms(std::string_view text, AnalyzerOptions options = {}) {
    Analyzer a(options);
    std::string out;
    for (const auto& t : a.tokens(text)) {
        if (!out.empty()) out += ' ';
        if (t.kind == TokenKind::Joined) out += '|';
        out += t.term;
    }
    return out;
}

std::string segments(std::string_view text) {
    std::vector<Segment> segs;
    segment(text, segs);
    std::string out;
    for (const auto& s : segs) {
        if (!out.empty()) out += ' ';
        if (s.hyphen_before) out += '-';
        out += text.substr(s.range.begin, s.range.size());
    }
    return out;
}

std::string folded(std::string_view word, bool diacritics = true) {
    std::string out;
    fold(word, diacritics, out);
    return out;
}

} // namespace

TEST_CASE("segmentation splits words, keeps numbers, hyphen parts and links whole") {
    struct Row { const char* input; const char* expected; };
    const Row rows[] = {
        {"Hello, world!", "Hello world"},
        {"don't O'Neil's", "don't O'Neil's"},
        {"3.14 and 1,000,000 people", "3.14 and 1,000,000 people"},
        {"end.Next sentence", "end Next sentence"},             // a lost space after a full stop
        {"the U.S.A. and U.K", "the U.S.A and U.K"},            // acronyms keep their dots
        {"e-mail state-of-the-art", "e -mail state -of -the -art"},
        {"well -- dashed", "well dashed"},
        {"b747 10km mp3", "b747 10km mp3"},
        {"see https://www.example.com/a-b?x=1, then", "see https www example com a b x 1 then"},
        {"write to jane.doe@example.co.uk.", "write to jane doe example co uk"},
        {"snake_case", "snake_case"},
        {"", ""},
        {"   \n\t ", ""},
        {"!!!???", ""},
        // soft hyphen (U+00AD) and ZWJ do not break a word; the zero-width space does
        {"hyphen\xC2\xAD" "ation", "hyphen\xC2\xAD" "ation"},
        {"zero\xE2\x80\x8Bwidth", "zero width"},
        // CJK: overlapping bigrams; a lone ideograph stays a unigram
        {"東京都に行く", "東京 京都 都に に行 行く"},
        {"猫 and 犬", "猫 and 犬"},
        {"Tokyo東京", "Tokyo 東京"},
        // emoji and symbols separate words and are not indexed
        {"fire\xF0\x9F\x94\xA5truck", "fire truck"},
        // RTL: Hebrew and Arabic words with points/harakat stay whole
        {"שָׁלוֹם עולם", "שָׁלוֹם עולם"},
        {"مَرْحَبًا بالعالم", "مَرْحَبًا بالعالم"},
        // invalid UTF-8 bytes are separators, never read past
        {"ab\xFF" "cd\xC3", "ab cd"},
    };
    for (const auto& row : rows) {
        CAPTURE(row.input);
        CHECK(segments(row.input) == row.expected);
    }
}

TEST_CASE("folding lowercases, unifies compatibility forms and drops accents and ignorables") {
    struct Row { const char* input; bool diacritics; const char* expected; };
    const Row rows[] = {
        {"HELLO", true, "hello"},
        {"Café", true, "cafe"},
        {"Café", false, "café"},
        {"Cafe\xCC\x81", true, "cafe"},                  // e + combining acute
        {"Cafe\xCC\x81", false, "caf\xC3\xA9"},          // ... composed when kept
        {"Straße", true, "strasse"},
        {"\xEF\xBC\xA1\xEF\xBC\xA2\xEF\xBC\xA3\xEF\xBC\x91", true, "abc1"}, // full-width ＡＢＣ１
        {"\xEF\xAC\x81nance", true, "finance"},          // ﬁ ligature
        {"hyphen\xC2\xAD" "ation", true, "hyphenation"},    // soft hyphen dropped
        {"it\xE2\x80\x99s", true, "it's"},               // typographic apostrophe
        {"ΣΟΦΊΑ", true, "σοφια"},
        {"שָׁלוֹם", true, "שלום"},                          // Hebrew points
        {"مَرْحَبًا", true, "مرحبا"},                        // Arabic harakat
        {"हिन्दी", true, "हिन्दी"},                          // Devanagari vowel signs are kept
        {"ｶﾞ", true, "ガ"},                               // half-width katakana + voiced mark
    };
    for (const auto& row : rows) {
        CAPTURE(row.input);
        CHECK(folded(row.input, row.diacritics) == row.expected);
    }
}

TEST_CASE("possessives lose their 's, contractions and short words keep theirs") {
    CHECK(strip_possessive("jane's") == "jane");
    CHECK(strip_possessive("james'") == "james");
    CHECK(strip_possessive("don't") == "don't");
    CHECK(strip_possessive("'s") == "'s");
    CHECK(strip_possessive("s") == "s");
}

TEST_CASE("stopwords are the Snowball lists of the language, folded as text is, and nothing else") {
    for (const char* w : {"the", "a", "what", "doesn't", "very", "ourselves"}) CHECK(is_stopword(w));
    for (const char* w : {"storm", "will", "news", "The", ""}) CHECK_FALSE(is_stopword(w));
    CHECK(is_stopword("the", "en"));
    CHECK_FALSE(is_stopword("the", "french"));
    // Other languages: the Snowball project's lists, by name or code, accents kept or folded
    // ("für" or "fur"), "daß" folded as text is ("dass").
    for (const char* w : {"der", "die", "und", "f\xC3\xBCr", "fur", "dass", "nicht"}) {
        CAPTURE(w);
        CHECK(is_stopword(w, "german"));
        CHECK(is_stopword(w, "de"));
    }
    for (const char* w : {"le", "et", "\xC3\xA9t\xC3\xA9", "ete"}) CHECK(is_stopword(w, "fr"));
    for (const char* w : {"regierung", "haus", "storm"}) CHECK_FALSE(is_stopword(w, "de"));
    CHECK(is_stopword("\xD0\xB8", "ru")); // и
    CHECK_FALSE(is_stopword("der", "sw"));   // no list: nothing is a stopword
}

TEST_CASE("the Snowball stemmer conflates inflections and leaves unknown languages alone") {
    Stemmer en("english");
    REQUIRE(en.ok());
    CHECK(en.stem("running") == "run");
    CHECK(en.stem("connections") == "connect");
    CHECK(en.stem("aerodynamics") == en.stem("aerodynamic"));
    Stemmer none("klingon");
    CHECK_FALSE(none.ok());
    CHECK(none.stem("running") == "running");
}

TEST_CASE("the chain turns text into stemmed terms with positions and byte ranges") {
    struct Row { const char* input; const char* expected; };
    const Row rows[] = {
        {"The storms were running wild", "storm run wild"},
        {"Jane's connections", "jane connect"},
        {"e-mail", "e mail |email"},
        {"state-of-the-art", "state art |stateoftheart"},
        {"CAFÉ Café cafe", "cafe cafe cafe"},
        {"1,000 3.14", "1000 3.14"},
        {"U.S.A.", "usa"},
        {"jane.doe@Example.com", "jane doe example com"},
        {"東京都", "東京 京都"},
        {"\xEF\xBC\xB3\xEF\xBD\x94\xEF\xBD\x8F\xEF\xBD\x92\xEF\xBD\x8D", "storm"}, // full-width Ｓｔｏｒｍ
        {"the of and", ""},
    };
    for (const auto& row : rows) {
        CAPTURE(row.input);
        CHECK(terms(row.input) == row.expected);
    }
    CHECK(terms("The running", {.language = "english", .fold_diacritics = true, .stopwords = false, .stem = false, .term_tag = ""}) ==
          "the running");
}

TEST_CASE("stopwords keep their positions so phrases line up") {
    Analyzer a;
    auto t = a.tokens("state of the art");
    REQUIRE(t.size() == 2);
    CHECK(t[0].position == 0);
    CHECK(t[1].position == 3);
}

TEST_CASE("a hyphen group of stopwords keeps its joined word, at its first part's position") {
    // "A-I": both parts are stopwords, so the joined "ai" is the only token the group gives;
    // it sits where its first part was, after the word before and before the word after.
    Analyzer a;
    auto t = a.tokens("storm A-I model");
    REQUIRE(t.size() == 3);
    CHECK(t[0].term == "storm");
    CHECK(t[0].position == 0);
    CHECK(t[1].term == "ai");
    CHECK(t[1].kind == TokenKind::Joined);
    CHECK(t[1].position == 1);
    CHECK(t[2].term == "model");
    CHECK(t[2].position == 3);
}

TEST_CASE("token byte ranges point at the original text, including accents and soft hyphens") {
    Analyzer a;
    std::string text = "Les cafe\xCC\x81s d\xE2\x80\x99" "Orsay hyphen\xC2\xAD" "ated";
    auto t = a.tokens(text);
    REQUIRE(t.size() == 4);
    CHECK(text.substr(t[1].range.begin, t[1].range.size()) == "cafe\xCC\x81s");
    CHECK(text.substr(t[2].range.begin, t[2].range.size()) == "d\xE2\x80\x99Orsay");
    CHECK(text.substr(t[3].range.begin, t[3].range.size()) == "hyphen\xC2\xAD" "ated");
    for (const auto& tok : t) CHECK(tok.range.end <= text.size());
}

TEST_CASE("every prefix of ugly text analyses without reading past its end") {
    // A sweep: cut the text at every byte (also inside multi-byte characters).
    std::string text = "Ça\xCC\x81 e-mail http://x.y/z 東京 a@b.cc \xF0\x9F\x98\x80 שָׁ U.S. 1,0";
    Analyzer a;
    for (size_t n = 0; n <= text.size(); ++n) {
        std::string cut = text.substr(0, n);
        for (const auto& t : a.tokens(cut)) {
            CHECK(t.range.begin < t.range.end);
            CHECK(t.range.end <= n);
            CHECK(!t.term.empty());
        }
    }
}

TEST_CASE("words folded while they are segmented, eight bytes a step, are folded as fold() folds them") {
    // The segmenter folds ASCII words as it reads them, eight bytes at a time where eight are
    // left: a sweep of words around 8 and 16 bytes long with one odd character at every place
    // (capital, digit, underscore, accent, soft hyphen, dot, apostrophe, space, hyphen) and text
    // after them or not, against each segment folded alone.
    const char* odd[] = {"Q", "7", "_", "\xC3\xA9", "\xC2\xAD", ".", "'", " ", "-", ","};
    Analyzer analyzer(AnalyzerOptions{.language = "none", .stopwords = false, .stem = false, .term_tag = {}});
    std::vector<Segment> segs;
    std::string expected;
    for (size_t length = 1; length <= 19; ++length) {
        for (size_t at = 0; at < length; ++at) {
            for (const char* c : odd) {
                for (const char* tail : {"", " Tail", "s"}) {
                    std::string text(length, 'w');
                    text.replace(at, 1, c);
                    text = "Xy" + text + tail;
                    CAPTURE(text);
                    segs.clear();
                    segment(text, segs);
                    std::vector<std::string> want;
                    for (const Segment& s : segs) {
                        fold(std::string_view(text).substr(s.range.begin, s.range.size()), true, expected);
                        if (s.kind == TokenKind::Word) std::erase(expected, '.');
                        if (s.kind == TokenKind::Number) std::erase(expected, ',');
                        std::string_view surface = expected;
                        if (s.kind == TokenKind::Word) surface = strip_possessive(surface);
                        if (!surface.empty()) want.emplace_back(surface);
                    }
                    std::vector<std::string> got;
                    for (const auto& t : analyzer.tokens(text))
                        if (t.kind != TokenKind::Joined) got.push_back(t.surface);
                    CHECK(got == want);
                }
            }
        }
    }
}

TEST_CASE("the stem cache gives the stemmer's terms, the second time a word is seen as the first") {
    // Words seen again come from the analyzer's cache; each must match a fresh Stemmer's answer,
    // stopwords must stay stopwords, and long words (not cached) must still be stemmed.
    const std::string long_word(100, 'x');
    const std::vector<std::string> words = {"running", "Runs", "the", "caf\xC3\xA9s", "generalizations", "it's",
                                            "CONNECTED", "connection", "x", long_word + "ing"};
    Analyzer analyzer;
    Stemmer stemmer("english");
    std::string folded;
    for (int round = 0; round < 3; ++round) {
        for (const auto& w : words) {
            CAPTURE(w);
            CAPTURE(round);
            fold(w, true, folded);
            std::string_view surface = strip_possessive(folded);
            std::string expected = is_stopword(surface) ? "" : std::string(stemmer.stem(surface));
            CHECK(analyzer.term_for_surface(surface) == expected);
            auto tokens = analyzer.tokens(w);
            REQUIRE(tokens.size() == (expected.empty() ? 0u : 1u));
            if (!expected.empty()) CHECK(tokens[0].term == expected);
        }
    }
}
