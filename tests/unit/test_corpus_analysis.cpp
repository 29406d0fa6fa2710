// Corpus analysis (core/src/analysis/terms.cpp, timeline.cpp, duplicates.cpp, graph.cpp, citations.cpp): every
// expectation here was checked by reading the text it is about (the seed article, the Reuters
// stories named by id), not taken from the code's own output.
#include "broadsheet/analyzer.hpp"
#include "broadsheet/corpus_analysis.hpp"
#include "broadsheet/import.hpp"

#include "test_helpers.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <set>
#include <vector>

using namespace broadsheet;

namespace {

Article seed_article() {
    auto r =
        import_file("seed", read_file(shared_path("samples/register-china-im-real-names.txt")));
    return r.ok() && !r.articles.empty() ? r.articles[0] : Article{};
}

ArticleId id_of(const Corpus& c, std::string_view input_id) {
    for (size_t i = 0; i < c.size(); ++i)
        if (c.articles()[i].id == input_id) return c.ids()[i];
    return 0;
}

Article dated(std::string date, std::string text = "Words about nothing much.") {
    Article a;
    a.date = std::move(date);
    a.add_paragraph(text);
    return a;
}

} // namespace

// ---- Terms --------------------------------------------------------------------------------------

TEST_CASE(
    "words are counted after folding and stemming, without stopwords, numbers or one letter") {
    // Each row: a text, then the terms expected with their counts (all of them).
    struct Row {
        std::string_view text;
        std::vector<std::pair<std::string, uint32_t>> terms;
    };
    const Row rows[] = {
        {"The rates rose and the rate fell.", {{"rate", 2}, {"fell", 1}, {"rose", 1}}},
        {"Café, CAFE and cafe\xCC\x81", {{"cafe", 3}}}, // precomposed, caps, combining accent
        {"inter\xC2\xADnational news", {{"intern", 1}, {"news", 1}}}, // soft hyphen inside a word
        {"5.8 million users in 2012, x and y", {{"million", 1}, {"user", 1}}},
        {"Jane's book", {{"book", 1}, {"jane", 1}}}, // possessive stripped
        {"news\xE2\x80\x8Bpaper",
         {{"news", 1}, {"paper", 1}}}, // a zero-width space splits (UAX #29)
        {"foo\xFF\xFE"
         "bar rates",
         {{"bar", 1}, {"foo", 1}, {"rate", 1}}}, // invalid UTF-8 splits
        {"\xEF\xBC\xB2\xEF\xBC\xA1\xEF\xBC\xB4\xEF\xBC\xA5\xEF\xBC\xB3 up",
         {{"rate", 1}}},           // full-width
        {"e-mail", {{"mail", 1}}}, // hyphenated words count as their parts ("e": one letter)
        {"Prices will rise and can fall; they may, must and might.", {{"fall", 1}, {"price", 1}, {"rise", 1}}}, // modal verbs
        {"", {}},
    };
    for (const auto& row : rows) {
        CAPTURE(row.text);
        TermCounts tc;
        tc.add(1, row.text, "en");
        auto top = tc.top(100);
        std::vector<std::pair<std::string, uint32_t>> got;
        for (const auto& t : top) got.emplace_back(t.term, t.count);
        std::sort(got.begin(), got.end());
        auto want = row.terms;
        std::sort(want.begin(), want.end());
        CHECK(got == want);
    }
}

TEST_CASE("each term shows its most frequent surface form, and the language picks the stemmer") {
    TermCounts tc;
    tc.add(1, "Rates went up. Rates went down. The rate held.", "en");
    auto s = tc.stat("rate");
    CHECK(s.count == 3);
    CHECK(s.surface == "rates");
    CHECK(tc.term_of("RATES") == "rate");
    CHECK(tc.term_of("the") == "");
    // German: the Snowball German stemmer and German stopwords, not English ones.
    CHECK(tc.term_of("Häuser", "de") == tc.term_of("Haus", "de"));
    CHECK(tc.term_of("the", "de") == "the");
    CHECK(tc.term_of("und", "de") == "");
    tc.add(2, "Die Regierung und die Länder haben die Regeln für die Schulen beschlossen, und die Schulen "
              "bleiben offen.", "de");
    for (const auto& t : tc.top(20)) {
        CAPTURE(t.surface);
        CHECK_FALSE(broadsheet::search::is_stopword(t.surface, "de"));
    }
    CHECK(tc.stat(tc.term_of("Schulen", "de")).count == 2);
    // Words are shown with their accents (the index folds them off): "façade", "über".
    tc.add(3, "The façade was rebuilt; the façade is white and the facade faces north.", "en");
    CHECK(tc.stat(tc.term_of("facade")).surface == "fa\xC3\xA7" "ade");
    CHECK(tc.stat(tc.term_of("facade")).count == 3);
    // A language without a stemmer keeps words as folded.
    CHECK(tc.term_of("Kitabu", "sw") == "kitabu");
    // Initials fold to a word ("U.S." to "us"): written so most of the time, they are shown so,
    // with their last dot; once most are the pronoun, as the pronoun.
    TermCounts us;
    us.add(1, "The U.S. said so. U.S. officials agreed, and the U.S. Treasury told us.", "en");
    CHECK(us.stat("us").count == 4);
    CHECK(us.stat("us").surface == "U.S.");
    us.add(2, "Tell us, show us, give us, ask us the question.", "en");
    CHECK(us.stat("us").surface == "us");
    us.remove(2, "Tell us, show us, give us, ask us the question.", "en");
    CHECK(us.stat("us").surface == "U.S.");
}

TEST_CASE("removing an article takes its counts and n-grams away again") {
    Article seed = seed_article();
    REQUIRE_MESSAGE(!seed.text.empty(), "cannot read the seed sample under ",
                    BROADSHEET_SHARED_DIR);
    Corpus corpus;
    ArticleId a = corpus.add(seed);
    ArticleId b = corpus.add(dated("2014-01-01", "Real names were required. Real names again."));
    TermCounts tc;
    tc.add(a, *corpus.find(a));
    tc.add(b, *corpus.find(b));
    CHECK(tc.stat("name").count == 5); // 3 in the seed's body, 2 here
    CHECK(tc.top_ngrams(corpus, 2, 1).at(0).count == 5);
    CHECK(tc.remove(b, *corpus.find(b)));
    CHECK_FALSE(tc.remove(b, *corpus.find(b)));
    CHECK(tc.articles() == 1);
    CHECK(tc.stat("name").count == 3);
    CHECK(tc.stat("name").docs == 1);
    CHECK(tc.stat("name").surface == "names");
    auto g = tc.top_ngrams(corpus, 2, 1);
    REQUIRE(g.size() == 1);
    CHECK(g[0].text == "real names");
    CHECK(g[0].count == 3);
    CHECK(tc.count_in(a, "name") == 3);
    CHECK(tc.count_in(b, "name") == 0);
}

TEST_CASE("the seed's n-grams stay inside sentences and have no stopword at either end") {
    Corpus corpus;
    ArticleId id = corpus.add(seed_article());
    const Article& seed = *corpus.find(id);
    REQUIRE_MESSAGE(!seed.text.empty(), "cannot read the seed sample under ",
                    BROADSHEET_SHARED_DIR);
    TermCounts tc;
    tc.add(id, seed);
    auto bigrams = tc.top_ngrams(corpus, 2, 10);
    REQUIRE(!bigrams.empty());
    // Hand-counted in the body: "real names" in paragraphs 1, 2 and 5; the example is the first.
    CHECK(bigrams[0].text == "real names");
    CHECK(bigrams[0].count == 3);
    CHECK(bigrams[0].docs == 1);
    CHECK(bigrams[0].example == id);
    CHECK(text_of(seed.text, bigrams[0].range) == "real names");
    CHECK(bigrams[0].range.begin < seed.paragraphs[1].begin);
    // Twice each: "social networks" (2, 4), "held responsible" (2, 7), "public accounts" (4, 5).
    std::set<std::string> twice;
    for (const auto& g : bigrams)
        if (g.count == 2) twice.insert(g.text);
    for (const char* g : {"social networks", "held responsible", "public accounts"}) {
        CAPTURE(g);
        CHECK(twice.count(g) == 1);
    }
    for (const auto& g : bigrams) {
        CHECK(g.terms.size() == 2);
        CHECK(tc.term_of(g.terms.front()) != "");
        CHECK(tc.term_of(g.terms.back()) != "");
    }
    // No trigram is seen twice in the seed, so there is none to show.
    CHECK(tc.top_ngrams(corpus, 3, 10).empty());
}

TEST_CASE("an n-gram does not cross a sentence or paragraph end; a stopword may sit inside") {
    Corpus corpus;
    Article a;
    a.add_paragraph("Interest rates rose. Rates fell; Bank of England said.");
    a.add_paragraph("Bank of England rates. Interest");
    a.add_paragraph("rates");
    ArticleId id = corpus.add(a);
    TermCounts tc;
    tc.add(id, *corpus.find(id));
    auto bi = tc.top_ngrams(corpus, 2, 10);
    auto tri = tc.top_ngrams(corpus, 3, 10);
    // "interest rates" once in paragraph 1; across the paragraph end does not count.
    for (const auto& g : bi) CHECK(g.text != "interest rates");
    REQUIRE(tri.size() == 1);
    CHECK(tri[0].text == "Bank of England");
    CHECK(tri[0].count == 2);
    // "rose rates" and "england rates" would cross sentence ends.
    for (const auto& g : bi) {
        CHECK(g.terms != std::vector<std::string>{"rose", "rate"});
        CHECK(g.terms != std::vector<std::string>{"england", "rate"});
    }
}

TEST_CASE("Reuters' angle-bracketed names end n-grams: no 'Corp> said'") {
    Corpus corpus;
    Article a;
    a.add_paragraph("Texaco Corp <TX> said it sold shares. <Dome Petroleum Corp> said it bought them.");
    a.add_paragraph("Texaco Corp <TX> said again. <Dome Petroleum Corp> said so too.");
    ArticleId id = corpus.add(a);
    TermCounts tc;
    tc.add(id, *corpus.find(id));
    bool texaco_corp = false;
    for (const auto& g : tc.top_ngrams(corpus, 2, 20)) {
        CAPTURE(g.text);
        CHECK(g.text.find('<') == std::string::npos);
        CHECK(g.text.find('>') == std::string::npos);
        CHECK(g.terms != std::vector<std::string>{"corp", "said"});
        texaco_corp = texaco_corp || g.text == "Texaco Corp";
    }
    CHECK(texaco_corp); // inside the brackets, or before them, words still make phrases
}

TEST_CASE("collocates of 'information' in the seed within five words, by log-Dice") {
    Corpus corpus;
    ArticleId id = corpus.add(seed_article());
    REQUIRE_MESSAGE(!corpus.find(id)->text.empty(), "cannot read the seed sample");
    TermCounts tc;
    tc.add(id, *corpus.find(id));
    // Hand-checked: "information" occurs 6 times (paragraphs 2, 5, 6, 7 twice, 8). Three words are
    // within five words of it twice: "disseminate information" (6) and "dissemination of
    // information" (8); "violence" in "information related to terrorism, violence" (6) and
    // "information of rumors, violence" (8); "SIIO" in "Information Office (SIIO)" (2) and
    // "information. The SIIO" (7). Each of the first two occurs twice in all, SIIO three times:
    // log-Dice 14 + log2(2*2 / (6+2)) = 13 and 14 + log2(2*2 / (6+3)) = 12.83.
    CHECK(tc.stat("inform").count == 6);
    auto col = tc.collocates(corpus, "information", 5, 10, 2);
    REQUIRE(col.size() == 3);
    CHECK(col[0].term == tc.term_of("dissemination"));
    CHECK(col[0].term == tc.term_of("disseminate"));
    CHECK(col[1].term == tc.term_of("violence"));
    CHECK(col[2].term == "siio");
    for (const auto& c : col) {
        CHECK(c.together == 2);
        CHECK(c.count == (c.term == "siio" ? 3u : 2u));
        CHECK(c.log_dice == doctest::Approx(14 + std::log2(2.0 * 2 / (6 + c.count))));
        CHECK(c.g2 > 0);
    }
    // A window of one word keeps only "disseminate information".
    auto near = tc.collocates(corpus, "information", 1, 10, 1);
    bool dissemin = false;
    for (const auto& c : near) dissemin = dissemin || c.term == tc.term_of("disseminate");
    CHECK(dissemin);
    for (const auto& c : near) CHECK(c.term != tc.term_of("violence"));
    CHECK(tc.collocates(corpus, "the", 5, 10).empty());
    CHECK(tc.collocates(corpus, "zebra", 5, 10).empty());
}

TEST_CASE("keywords of the seed against news stories are its own subject's words") {
    auto news = reuters(300);
    if (skipped(news)) return;
    Corpus corpus;
    ArticleId seed = corpus.add(seed_article());
    for (auto& a : news) corpus.add(std::move(a));
    TermCounts tc;
    for (size_t i = 0; i < corpus.size(); ++i) tc.add(corpus.ids()[i], corpus.articles()[i]);
    auto kw = tc.keywords(seed, 8);
    REQUIRE(kw.size() == 8);
    std::set<std::string> got;
    for (const auto& k : kw) got.insert(k.surface);
    // "information" (6 times), "users" (5), "siio" (3), "names" (3), "accounts" (3), "wechat" (2)
    // are frequent in the seed and rare or absent in 1987 commodity and company news.
    for (const char* w : {"information", "siio", "users"}) {
        CAPTURE(w);
        CHECK(got.count(w) == 1);
    }
    for (size_t i = 1; i < kw.size(); ++i) CHECK(kw[i - 1].score >= kw[i].score);
    CHECK(tc.keywords(9999999, 5).empty());
}

TEST_CASE("keyness of Reuters' coffee stories against the rest puts coffee words on top") {
    auto news = reuters(3000);
    if (skipped(news)) return;
    Corpus corpus;
    TermCounts tc;
    std::vector<ArticleId> coffee;
    for (auto& a : news) {
        bool is_coffee = false;
        for (const auto& m : a.metadata)
            is_coffee =
                is_coffee || (m.key == "topics" && m.value.find("\"coffee\"") != std::string::npos);
        ArticleId id = corpus.add(std::move(a));
        tc.add(id, *corpus.find(id));
        if (is_coffee) coffee.push_back(id);
    }
    REQUIRE(coffee.size() >= 10);
    auto key = tc.keyness(coffee, 10);
    REQUIRE(!key.empty());
    CHECK(key[0].surface == "coffee");
    CHECK(key[0].score > 0);
    CHECK(key[0].log_ratio > 3); // more than 8 times as frequent as elsewhere
    std::set<std::string> over, under;
    for (const auto& k : key) (k.score > 0 ? over : under).insert(k.surface);
    // The International Coffee Organization's quotas are the stories of early 1987.
    CHECK(over.count("quota") + over.count("quotas") == 1);
    CHECK(over.count("ico") == 1);
    // Earnings tables ("Shr 12 cts vs 15 cts") are what coffee stories are not.
    CHECK(under.count("vs") == 1);
    for (size_t i = 1; i < key.size(); ++i)
        if (key[i - 1].score > 0 && key[i].score > 0) CHECK(key[i - 1].score >= key[i].score);
    // Nothing is key when the selection is the whole corpus or empty.
    CHECK(tc.keyness(corpus.ids(), 10).empty());
    CHECK(tc.keyness({}, 10).empty());
}

// ---- Similar articles and near-duplicates -------------------------------------------------------

namespace {

const std::set<std::string> kDuplicateIds = {
    "reuters-4", "reuters-16",        // "TALKING POINT" and "ECONOMIC SPOTLIGHT": one story, two
                                      // headlines
    "reuters-3708", "reuters-3720",   // "HOSUING" then "HOUSING COMPLETIONS": the same body
    "reuters-13417", "reuters-13627", // "OPNION" then "OPINION POLLS": one comma differs
    "reuters-3676", "reuters-4239", "reuters-4292", // Insituform results; CORRECTED-; RPT-
};

} // namespace

TEST_CASE("Reuters' corrected and repeated stories cluster; unrelated stories do not") {
    auto news = reuters(400, kDuplicateIds);
    if (skipped(news)) return;
    Corpus corpus;
    for (auto& a : news) corpus.add(std::move(a));
    DuplicateFinder df;
    for (size_t i = 0; i < corpus.size(); ++i) df.add(corpus.ids()[i], corpus.articles()[i]);
    auto clusters = df.clusters();
    auto cluster_of = [&](std::string_view input_id) -> const DuplicateCluster* {
        ArticleId id = id_of(corpus, input_id);
        for (const auto& c : clusters)
            if (std::find(c.articles.begin(), c.articles.end(), id) != c.articles.end()) return &c;
        return nullptr;
    };
    struct Row {
        std::vector<std::string_view> together;
    };
    const Row rows[] = {
        {{"reuters-4", "reuters-16"}},
        {{"reuters-3708", "reuters-3720"}},
        {{"reuters-13417", "reuters-13627"}},
        {{"reuters-3676", "reuters-4239", "reuters-4292"}},
    };
    for (const auto& row : rows) {
        CAPTURE(row.together[0]);
        const DuplicateCluster* c = cluster_of(row.together[0]);
        REQUIRE(c != nullptr);
        CHECK(c->articles.size() == row.together.size());
        for (auto id : row.together) CHECK(cluster_of(id) == c);
        CHECK(c->similarity >= 0.5);
    }
    // The housing stories differ by a "U.S." and a comma: nearly all shingles are shared.
    CHECK(df.similarity(id_of(corpus, "reuters-3708"), id_of(corpus, "reuters-3720")) > 0.8);
    // Unrelated: the first stories of the corpus (cocoa, an oil company's financial unit, a bank
    // network, a debt downgrade, a stock split).
    for (const char* id : {"reuters-1", "reuters-2", "reuters-3", "reuters-8", "reuters-9"}) {
        CAPTURE(id);
        CHECK(cluster_of(id) == nullptr);
    }
    CHECK(df.similarity(id_of(corpus, "reuters-1"), id_of(corpus, "reuters-2")) < 0.1);
    // Removing one of a pair dissolves it.
    CHECK(df.remove(id_of(corpus, "reuters-3720")));
    clusters = df.clusters();
    CHECK(cluster_of("reuters-3708") == nullptr);
}

TEST_CASE(
    "a copy of the seed with one paragraph rewritten clusters with it, and the diff shows it") {
    Article seed = seed_article();
    REQUIRE_MESSAGE(!seed.text.empty(), "cannot read the seed sample under ",
                    BROADSHEET_SHARED_DIR);
    Article copy;
    for (size_t i = 0; i < seed.paragraphs.size(); ++i) {
        if (i == 3)
            copy.add_paragraph("Messaging apps are where people in China talk politics, so the "
                               "new rules reach further than any earlier crackdown.");
        else if (i == 5)
            copy.add_paragraph(std::string(seed.paragraph(i)) + "  "); // spacing is no change
        else
            copy.add_paragraph(seed.paragraph(i));
    }
    Article other = dated("2014-08-08", "Cocoa arrivals in Bahia rose in the week to August 3, "
                                        "exporters said, as the temporao crop came in.");
    Corpus corpus;
    ArticleId a = corpus.add(seed), b = corpus.add(copy), c = corpus.add(other);
    DuplicateFinder df;
    for (ArticleId id : {a, b, c}) df.add(id, *corpus.find(id));
    auto clusters = df.clusters();
    REQUIRE(clusters.size() == 1);
    CHECK(clusters[0].articles == std::vector<ArticleId>{a, b});
    CHECK(clusters[0].similarity >= 0.5);
    CHECK(clusters[0].similarity < 1.0);

    ArticleDiff d = diff_paragraphs(*corpus.find(a), *corpus.find(b));
    REQUIRE(d.only_in_a.size() == 1);
    REQUIRE(d.only_in_b.size() == 1);
    CHECK(d.only_in_a[0] == seed.paragraphs[3]);
    CHECK(d.only_in_b[0] == corpus.find(b)->paragraphs[3]);
    CHECK(text_of(corpus.find(b)->text, d.only_in_b[0]).substr(0, 14) == "Messaging apps");
    CHECK(d.shared == 8);
    // A rewritten paragraph shares too few words with the old one: it differs whole.
    CHECK(d.words_only_in_b == d.only_in_b);
    // An article against itself: nothing differs.
    ArticleDiff same = diff_paragraphs(seed, seed);
    CHECK(same.only_in_a.empty());
    CHECK(same.only_in_b.empty());
    CHECK(same.words_only_in_b.empty());
    CHECK(same.shared == 9);
}

TEST_CASE("in an edited paragraph, only the words the copy changed differ") {
    Article a, b;
    a.add_paragraph("The council approved the budget on Monday.");
    a.add_paragraph("Officials said the new barrier will protect twelve thousand homes from floods.");
    b.add_paragraph("The council approved the budget on Monday.");
    b.add_paragraph("Officials said on Tuesday the new flood barrier would protect twelve thousand homes from floods.");
    ArticleDiff d = diff_paragraphs(a, b);
    REQUIRE(d.only_in_b.size() == 1);
    std::vector<std::string_view> changed;
    for (ByteRange r : d.words_only_in_b) changed.push_back(text_of(b.text, r));
    CHECK(changed == std::vector<std::string_view>{"on Tuesday", "flood", "would"});
    CHECK(d.shared == 1);
}

TEST_CASE("empty and tiny articles never cluster with each other by accident") {
    DuplicateFinder df;
    df.add(1, "");
    df.add(2, "");
    df.add(3, "...");
    df.add(4, "Shares rose.");
    df.add(5, "Shares fell.");
    df.add(6, "Shares rose.");
    auto clusters = df.clusters();
    REQUIRE(clusters.size() == 1); // only the two identical short texts
    CHECK(clusters[0].articles == std::vector<ArticleId>{4, 6});
    CHECK(df.similarity(1, 2) == 0.0);
}

namespace {

// The exact Jaccard similarity of two texts' sets of 5-word shingles, shingled as DuplicateFinder
// does (folded words, stopwords kept, hyphen-joined forms skipped; fewer than 5 words: one
// shingle), by comparing the shingles themselves rather than their hashes.
double shingle_jaccard(std::string_view a, std::string_view b) {
    search::AnalyzerOptions options;
    options.language = "none";
    options.stopwords = false;
    options.stem = false;
    search::Analyzer analyzer(options);
    auto shingles = [&](std::string_view text) {
        std::vector<std::string> words;
        analyzer.analyze(text, [&](const search::Token& t) {
            if (t.kind != search::TokenKind::Joined) words.emplace_back(t.term);
        });
        std::set<std::string> out;
        for (size_t i = 0; i < words.size() && (i == 0 || i + 5 <= words.size()); ++i) {
            std::string s;
            for (size_t j = i; j < std::min(words.size(), i + 5); ++j) s += words[j] + ' ';
            out.insert(s);
        }
        return out;
    };
    auto sa = shingles(a), sb = shingles(b);
    size_t shared = 0;
    for (const auto& s : sa) shared += sb.count(s);
    return sa.empty() ? 0.0 : double(shared) / double(sa.size() + sb.size() - shared);
}

// `text` cut at the first space at or after byte `at` (the whole text if there is none).
size_t word_boundary(std::string_view text, size_t at) {
    size_t s = text.find(' ', std::min(at, text.size()));
    return s == std::string_view::npos ? text.size() : s;
}

} // namespace

TEST_CASE("the signature's estimate tracks the true shingle Jaccard of edited Reuters stories") {
    // Edits a wire desk makes: a story trimmed from the end (a share `cut` of it kept off), and a
    // story with a middle share `cut` of it replaced by as much of an unrelated story. Stories of
    // 40 words or more from the first 400, so short ones (most of the 126 bins empty, filled by
    // densification) are in as well as long ones.
    auto news = reuters(400);
    if (skipped(news)) return;
    std::vector<const Article*> stories;
    for (const auto& a : news) {
        size_t words = size_t(std::count(a.text.begin(), a.text.end(), ' '));
        if (words >= 40 && stories.size() < 41) stories.push_back(&a);
    }
    REQUIRE(stories.size() == 41);
    // The estimate is the share of the signature's 126 values (42 bands x 3 rows) that agree; for
    // MinHash with k independent hashes its standard deviation is sqrt(J (1 - J) / k), at most
    // 0.045 for k = 126, and one-permutation hashing with optimal densification stays close to
    // that (Li, Owen & Zhang 2012; Shrivastava 2017). So: every pair within 0.2 (4.5 sd at the
    // worst J), the root mean square error within 1.25 times MinHash's, and no bias beyond 3 sd of
    // the mean over the 40 stories (the edits of one story share its hashes, so not 400).
    constexpr double k = 126;
    double squared = 0, expected = 0, signed_sum = 0;
    size_t pairs = 0;
    for (size_t s = 0; s + 1 < stories.size(); ++s) {
        std::string_view text = stories[s]->text, other = stories[s + 1]->text;
        for (double cut : {0.05, 0.15, 0.3, 0.5, 0.7}) {
            size_t keep = word_boundary(text, size_t(double(text.size()) * (1 - cut)));
            std::string trimmed(text.substr(0, keep));
            size_t from = word_boundary(text, size_t(double(text.size()) * (1 - cut) / 2));
            size_t to = word_boundary(text, from + size_t(double(text.size()) * cut));
            std::string spliced = std::string(text.substr(0, from)) + ' ' +
                                  std::string(other.substr(0, word_boundary(other, to - from))) +
                                  std::string(text.substr(to));
            for (const std::string& edited : {trimmed, spliced}) {
                DuplicateFinder df;
                df.add(1, text);
                df.add(2, edited);
                double truth = shingle_jaccard(text, edited), estimate = df.similarity(1, 2);
                CAPTURE(stories[s]->id);
                CAPTURE(cut);
                CAPTURE(truth);
                CHECK(std::abs(estimate - truth) <= 0.2);
                squared += (estimate - truth) * (estimate - truth);
                signed_sum += estimate - truth;
                expected += truth * (1 - truth) / k;
                ++pairs;
            }
        }
    }
    double rmse = std::sqrt(squared / double(pairs)),
           minhash_rmse = std::sqrt(expected / double(pairs));
    MESSAGE("pairs ", pairs, ": root mean square error ", rmse, " (MinHash ", minhash_rmse,
            "), mean error ", signed_sum / double(pairs));
    CHECK(rmse <= 1.25 * minhash_rmse);
    CHECK(std::abs(signed_sum / double(pairs)) <= 3 * minhash_rmse / std::sqrt(40.0));
}

TEST_CASE("similar articles: a story's repeat comes first") {
    auto news = reuters(300, kDuplicateIds);
    if (skipped(news)) return;
    Corpus corpus;
    TermCounts tc;
    for (auto& a : news) {
        ArticleId id = corpus.add(std::move(a));
        tc.add(id, *corpus.find(id));
    }
    auto sim = tc.similar(id_of(corpus, "reuters-13417"), 3);
    REQUIRE(!sim.empty());
    CHECK(sim[0].id == id_of(corpus, "reuters-13627"));
    CHECK(sim[0].score > 0.9);
    for (size_t i = 1; i < sim.size(); ++i) CHECK(sim[i - 1].score >= sim[i].score);
    CHECK(tc.similar(424242, 3).empty());
}

// ---- Time ---------------------------------------------------------------------------------------

TEST_CASE("ISO dates read as day numbers; impossible dates do not") {
    struct Row {
        std::string_view date;
        bool ok;
        int64_t day;
    };
    const Row rows[] = {
        {"1970-01-01", true, 0},
        {"1970-01-02T10:00Z", true, 1},
        {"1969-12-31", true, -1},
        {"2016-02-29", true, 16860},
        {"2014-02-29", false, 0},
        {"2014-03", true, 16130}, // its first day, 2014-03-01
        {"2014", true, 16071},    // 2014-01-01
        {"1987-02-26T15:01", true, 6265},
        {"2014-13-01", false, 0},
        {"26-FEB-1987", false, 0},
        {"", false, 0},
        {"2014-03-05junk", false, 0},
    };
    for (const auto& row : rows) {
        CAPTURE(row.date);
        int64_t day = 0;
        CHECK(day_number(row.date, day) == row.ok);
        if (row.ok) CHECK(day == row.day);
    }
}

TEST_CASE(
    "the timeline's unit follows the span: at most 60 buckets, the finest unit that allows it") {
    struct Row {
        std::string_view first, last;
        Timeline::Unit unit;
        size_t buckets;
    };
    const Row rows[] = {
        {"2014-03-01", "2014-03-01", Timeline::Unit::Day, 1},
        {"2014-03-01", "2014-03-20", Timeline::Unit::Day, 20},
        {"2014-01-01", "2014-03-01", Timeline::Unit::Day, 60}, // 60 days
        {"2014-01-01", "2014-03-02", Timeline::Unit::Week, 9}, // 61 days: Mon 30 Dec .. Sun 2 Mar
        {"2014-01-01", "2014-06-30", Timeline::Unit::Week, 27},
        {"2014-01-01", "2015-02-20", Timeline::Unit::Week, 60},
        {"2014-01-01", "2015-03-01", Timeline::Unit::Month, 15},
        {"2010-01-15", "2014-12-31", Timeline::Unit::Month, 60},
        {"2010-01-15", "2015-01-01", Timeline::Unit::Year, 6},
        {"1990-05-05", "2014-01-01", Timeline::Unit::Year, 25},
    };
    for (const auto& row : rows) {
        CAPTURE(row.first);
        CAPTURE(row.last);
        Corpus corpus;
        corpus.add(dated(std::string(row.first)));
        corpus.add(dated(std::string(row.last)));
        Timeline tl = timeline(corpus);
        CHECK(tl.unit == row.unit);
        CHECK(tl.buckets.size() == row.buckets);
        REQUIRE(!tl.buckets.empty());
        CHECK(tl.buckets.front().articles == (row.first == row.last ? 2u : 1u));
        CHECK(tl.buckets.back().articles == (row.first == row.last ? 2u : 1u));
    }
}

TEST_CASE("timeline buckets have readable labels, empty buckets in between and undated apart") {
    Corpus corpus;
    corpus.add(dated("2014-12-29"));        // Monday of ISO week 2015-W01
    corpus.add(dated("2015-01-04T23:00Z")); // its Sunday
    corpus.add(dated("2015-01-20"));
    corpus.add(dated("2015-03-10"));
    corpus.add(dated(""));
    corpus.add(dated("sometime"));
    std::vector<double> values = {1, 2, 3, 4, 5, 6};
    Timeline tl = timeline(corpus, values);
    CHECK(tl.unit == Timeline::Unit::Week);
    CHECK(tl.undated == 2);
    CHECK(tl.undated_value == 11);
    REQUIRE(tl.buckets.size() == 11); // 72 days: too many for days, 11 ISO weeks
    CHECK(tl.buckets[0].label == "2015-W01");
    CHECK(tl.buckets[0].start == "2014-12-29");
    CHECK(tl.buckets[0].articles == 2);
    CHECK(tl.buckets[0].value == 3);
    CHECK(tl.buckets[1].articles == 0);
    CHECK(tl.buckets[3].label == "2015-W04");
    CHECK(tl.buckets[3].articles == 1);
    CHECK(tl.buckets[10].label == "2015-W11");
    CHECK(tl.buckets[10].start == "2015-03-09");

    const Timeline::Unit month = Timeline::Unit::Month;
    Timeline by_month = timeline(corpus, {}, &month);
    REQUIRE(by_month.buckets.size() == 4);
    CHECK(by_month.buckets[0].label == "2014-12");
    CHECK(by_month.buckets[1].label == "2015-01");
    CHECK(by_month.buckets[1].articles == 2); // 4 and 20 January
    CHECK(by_month.buckets[2].articles == 0);

    // The ISO year of early January can be the one before: 3 January 2021 is in 2020-W53.
    Corpus late;
    late.add(dated("2021-01-03"));
    late.add(dated("2021-01-04"));
    late.add(dated("2021-03-20"));
    Timeline w = timeline(late);
    REQUIRE(w.unit == Timeline::Unit::Week);
    CHECK(w.buckets[0].label == "2020-W53");
    CHECK(w.buckets[1].label == "2021-W01");
    CHECK(to_string(w.unit) == "week");
    CHECK(timeline(Corpus{}).buckets.empty());
}

TEST_CASE("a term over time counts its occurrences per bucket") {
    Corpus corpus;
    corpus.add(dated("2015-01-01", "Coffee prices rose. Coffee!"));
    corpus.add(dated("2015-01-01", "Tea prices fell."));
    corpus.add(dated("2015-01-03", "The coffee quota talks failed."));
    corpus.add(dated("", "Coffee, undated."));
    TermCounts tc;
    for (size_t i = 0; i < corpus.size(); ++i) tc.add(corpus.ids()[i], corpus.articles()[i]);
    Timeline tl = term_over_time(corpus, tc, "COFFEE");
    REQUIRE(tl.buckets.size() == 3);
    CHECK(tl.buckets[0].value == 2);
    CHECK(tl.buckets[0].articles == 2);
    CHECK(tl.buckets[1].value == 0);
    CHECK(tl.buckets[2].value == 1);
    CHECK(tl.undated_value == 1);
}

// ---- Connections --------------------------------------------------------------------------------

TEST_CASE("places in Reuters stories: the gazetteer's, a dateline's and those marked by context") {
    // Hand-checked against each story's text. The importer keeps a Reuters dateline in the
    // metadata, so the stories are analysed as a pasted wire story would read: dateline, body.
    auto news = reuters(0, {"reuters-1", "reuters-68", "reuters-135", "reuters-174"});
    if (skipped(news)) return;
    REQUIRE(news.size() == 4);
    struct Row {
        std::string_view id;
        std::vector<std::string_view> places; // every place, in order of first mention
        std::vector<std::string_view> not_places;
    };
    const Row rows[] = {
        // Cocoa in Bahia (a Brazilian state, listed), prices "under New York july", sales to the
        // U.S., Uruguay and Argentina; "SALVADOR" is the dateline's city.
        {"reuters-1",
         {"SALVADOR", "Bahia", "New York", "U.S.", "Uruguay", "Argentina"},
         {"Comissaria Smith", "Brazilian Cocoa Trade Commission"}},
        // "a Houston-based fabricator": the dateline's HOUSTON is the same place.
        {"reuters-68", {"Houston"}, {"CoFAB Inc", "Gulfex Inc"}},
        // "Miami-based investment firms"; the Securities and Exchange Commission is no place.
        {"reuters-135",
         {"WASHINGTON", "Miami"},
         {"Fundamental Management Corp", "Securities and Exchange Commission", "Carl Singer"}},
        // "the Korea-based joint venture", "imports of U.S. goods".
        {"reuters-174",
         {"WASHINGTON", "Korea", "U.S."},
         {"Daewoo Motor Corp", "General Motors Corp"}},
    };
    for (const Row& row : rows) {
        CAPTURE(row.id);
        auto it = std::find_if(news.begin(), news.end(),
                               [&](const Article& a) { return a.id == row.id; });
        REQUIRE(it != news.end());
        std::string dateline;
        for (const auto& m : it->metadata)
            if (m.key == "dateline") dateline = m.value;
        REQUIRE(!dateline.empty());
        std::string text = dateline + " " + it->text;
        Entities es = find_entities(text);
        std::vector<std::string_view> places;
        for (const auto& e : es.list)
            if (e.kind == EntityKind::Place) places.push_back(text_of(text, e.name));
        CHECK(places == row.places);
        for (std::string_view name : row.not_places) {
            CAPTURE(name);
            auto e = std::find_if(es.list.begin(), es.list.end(),
                                  [&](const Entity& x) { return text_of(text, x.name) == name; });
            REQUIRE(e != es.list.end());
            CHECK(e->kind != EntityKind::Place);
        }
    }
}

TEST_CASE("entities merge across articles by name and by an acronym defined elsewhere") {
    Corpus corpus;
    ArticleId seed = corpus.add(seed_article());
    REQUIRE_MESSAGE(!corpus.find(seed)->text.empty(), "cannot read the seed sample");
    Article follow;
    follow.add_paragraph("The SIIO said on Monday that WeChat had closed 20 million accounts.");
    follow.add_paragraph("Tencent, which owns WeChat, did not comment.");
    ArticleId second = corpus.add(follow);
    EntityGraph g;
    for (ArticleId id : {seed, second}) {
        const Article& a = *corpus.find(id);
        g.add(id, a, analyze(a.text).entities);
    }
    EntityNetwork net = g.network(50, 100);
    auto node = [&](std::string_view name) -> int {
        for (size_t i = 0; i < net.nodes.size(); ++i)
            if (net.nodes[i].name == name) return int(i);
        return -1;
    };
    int siio = node("State Internet Information Office");
    int wechat = node("WeChat");
    REQUIRE(siio >= 0);
    REQUIRE(wechat >= 0);
    CHECK(node("SIIO") == -1); // merged into the full name
    CHECK(net.nodes[size_t(siio)].acronym == "SIIO");
    CHECK(net.nodes[size_t(siio)].articles == 2);
    CHECK(net.nodes[size_t(wechat)].articles == 2);
    CHECK(net.nodes[size_t(siio)].kind == EntityKind::Organisation);
    // Its example is the seed's full name.
    CHECK(net.nodes[size_t(siio)].example == seed);
    CHECK(text_of(corpus.find(seed)->text, net.nodes[size_t(siio)].range) ==
          "State Internet Information Office");
    // Both articles name both; they share a paragraph in each (seed paragraph 2, follow-up 1).
    const EntityEdge* e = nullptr;
    for (const auto& x : net.edges)
        if ((x.a == size_t(std::min(siio, wechat))) && x.b == size_t(std::max(siio, wechat)))
            e = &x;
    REQUIRE(e != nullptr);
    CHECK(e->articles == 2);
    CHECK(e->paragraphs == 2);
    CHECK(e->log_dice == doctest::Approx(14.0));
    CHECK(net.edges[0].articles == 2); // the strongest first
    // Limits are kept.
    EntityNetwork small = g.network(2, 1);
    CHECK(small.nodes.size() == 2);
    CHECK(small.edges.size() <= 1);
    CHECK(g.remove(second));
    net = g.network(50, 100);
    siio = node("State Internet Information Office");
    REQUIRE(siio >= 0);
    CHECK(net.nodes[size_t(siio)].articles == 1);
}

TEST_CASE("a country's other names are one node of the network, and one entity of an article") {
    Corpus corpus;
    const char* texts[] = {
        "Officials in Washington said the U.S. trade deficit narrowed in March, and U.S. exports rose.",
        "Exports from the United States to Canada rose by a fifth, the Commerce Department said.",
        "The United States and Britain signed the accord; the U.K. minister and U.S. envoy attended.",
    };
    EntityGraph g;
    for (const char* t : texts) {
        Article a;
        a.add_paragraph(t);
        ArticleId id = corpus.add(a);
        g.add(id, *corpus.find(id), analyze(corpus.find(id)->text).entities);
    }
    EntityNetwork net = g.network(50, 100);
    size_t us = 0, uk = 0;
    for (const auto& n : net.nodes) {
        CAPTURE(n.name);
        if (n.name == "U.S." || n.name == "United States") {
            ++us;
            CHECK(n.articles == 3);
        }
        if (n.name == "U.K." || n.name == "Britain" || n.name == "United Kingdom") {
            ++uk;
            CHECK(n.articles == 1);
        }
    }
    CHECK(us == 1);
    CHECK(uk == 1);
    // Within the third article, "United States" and "U.S." are one entity, as are Britain and the U.K.
    auto third = analyze(corpus.find(corpus.ids().back())->text).entities;
    size_t countries = 0;
    for (const auto& e : third.list)
        if (e.kind == EntityKind::Place) ++countries;
    CHECK(countries == 2);
}

TEST_CASE("a name's kind in the network is what the articles that typed it say, when they are one in five") {
    // Tokyo is a place where an article says so ("in Tokyo" with no other cue is a weak hint, "the
    // city of Tokyo" a cue); most articles only name it.
    auto network_kind = [](size_t typed, size_t untyped) {
        Corpus corpus;
        EntityGraph g;
        auto add = [&](const std::string& text) {
            Article a;
            a.add_paragraph(text);
            ArticleId id = corpus.add(a);
            g.add(id, *corpus.find(id), analyze(corpus.find(id)->text).entities);
        };
        for (size_t i = 0; i < typed; ++i) add("Prices rose " + std::to_string(i) + " pct in the city of Tokyo, dealers said.");
        for (size_t i = 0; i < untyped; ++i) add("Shares on the Tokyo market rose " + std::to_string(i) + " pct, dealers said.");
        for (const auto& n : g.network(50, 100).nodes)
            if (n.name == "Tokyo") return n.kind;
        for (const auto& n : g.network(50, 100).everywhere)
            if (n.name == "Tokyo") return n.kind;
        FAIL("no Tokyo node");
        return EntityKind::Other;
    };
    CHECK(network_kind(3, 0) == EntityKind::Place);
    CHECK(network_kind(3, 9) == EntityKind::Place);
    CHECK(network_kind(3, 12) == EntityKind::Place);
    CHECK(network_kind(3, 13) == EntityKind::Other); // under one in five: a slip's worth
    CHECK(network_kind(0, 5) == EntityKind::Other);
}

TEST_CASE("a people's adjective alone is no node of the network") {
    Corpus corpus;
    EntityGraph g;
    const char* texts[] = {
        "Japanese exporters met Toyota Motor Corp officials in Tokyo, and West German buyers came too.",
        "Japanese banks lent Toyota Motor Corp more, Japanese officials in Tokyo said.",
    };
    for (const char* t : texts) {
        Article a;
        a.add_paragraph(t);
        ArticleId id = corpus.add(a);
        g.add(id, *corpus.find(id), analyze(corpus.find(id)->text).entities);
    }
    std::set<std::string> names;
    const EntityNetwork net = g.network(50, 100);
    for (const auto& n : net.nodes) names.insert(n.name);
    for (const auto& n : net.everywhere) names.insert(n.name);
    CHECK(names.count("Toyota Motor Corp") == 1);
    CHECK(names.count("Tokyo") == 1);
    CHECK(names.count("Japanese") == 0);
    CHECK(names.count("West German") == 0);
    // The article's own list keeps it ("Japanese officials" inside the second's sentence).
    const std::string& second = corpus.find(corpus.ids().back())->text;
    const auto listed = analyze(second).entities;
    CHECK(std::any_of(listed.list.begin(), listed.list.end(),
                      [&](const broadsheet::Entity& e) { return text_of(second, e.name) == "Japanese"; }));
}

TEST_CASE("names in most articles of a corpus are listed apart from the network") {
    // Reuters-21578's first 1,000 stories: the names that connect stories are places, companies and
    // institutions, not the rows of results tables or the wire's sign-off.
    auto news = reuters(1000);
    if (skipped(news)) return;
    Corpus corpus;
    EntityGraph g;
    for (auto& a : news) {
        ArticleId id = corpus.add(std::move(a));
        const Article& added = *corpus.find(id);
        g.add(id, added, analyze(added.text).entities);
    }
    EntityNetwork net = g.network(30, 60);
    REQUIRE(net.nodes.size() == 30);
    std::set<std::string> top;
    for (const auto& n : net.nodes) top.insert(n.name);
    for (const char* furniture : {"REUTER", "Reuter", "NOTE", "Net", "Shr", "Revs", "Record March", "Pay April"}) {
        CAPTURE(furniture);
        CHECK(top.count(furniture) == 0);
    }
    for (const char* name : {"U.S.", "Japan"}) {
        CAPTURE(name);
        CHECK(top.count(name) == 1);
    }
    CHECK(net.everywhere.empty()); // no name is in half of a year's wire stories

    // A template shared by most articles: its names go to `everywhere`, out of nodes and edges.
    Corpus profiles;
    EntityGraph pg;
    const char* countries[] = {"Ruritania", "Freedonia", "Sylvania", "Latveria", "Genovia", "Zamunda",
                               "Wakanda", "Elbonia", "Molvania", "Vulgaria", "Krakozhia", "Markovia",
                               "Qumar", "Kasnia", "Carpania", "Borduria", "Syldavia", "Tomainia",
                               "Osterlich", "Bacteria", "Moldavia", "Grand Fenwick"};
    std::vector<ArticleId> ids;
    for (size_t i = 0; i < std::size(countries); ++i) {
        Article a;
        std::string c = countries[i];
        a.add_paragraph("The economy of " + c + " is measured against the World Bank figures.");
        a.add_paragraph(c + " trades with " + countries[(i + 1) % std::size(countries)] + ".");
        ArticleId id = profiles.add(std::move(a));
        ids.push_back(id);
        pg.add(id, *profiles.find(id), analyze(profiles.find(id)->text).entities);
    }
    REQUIRE(pg.size() >= EntityGraph::kEverywhereMinArticles);
    EntityNetwork pn = pg.network(50, 100);
    REQUIRE(pn.everywhere.size() == 1);
    CHECK(pn.everywhere[0].name == "World Bank");
    CHECK(pn.everywhere[0].articles == std::size(countries));
    for (const auto& n : pn.nodes) CHECK(n.name != "World Bank");
    CHECK(pn.nodes.size() == std::size(countries));
    CHECK(!pn.edges.empty()); // neighbours in the trade sentences are still linked
    // Below the corpus size where "most articles" means anything, nothing is set apart.
    for (size_t i = 0; i + 1 < EntityGraph::kEverywhereMinArticles; ++i) pg.remove(ids[i]);
    pn = pg.network(50, 100);
    CHECK(pn.everywhere.empty());
    bool bank = false;
    for (const auto& n : pn.nodes) bank = bank || n.name == "World Bank";
    CHECK(bank);
}

// ---- Who said what, and which figures recur ------------------------------------------------------

namespace {

// Adds each text as an article of `corpus` and to `c`; returns their ids.
std::vector<ArticleId> cite(Corpus& corpus, Citations& c, std::initializer_list<std::string_view> texts) {
    std::vector<ArticleId> ids;
    for (std::string_view t : texts) {
        Article a;
        a.add_paragraph(std::string(t));
        ArticleId id = corpus.add(std::move(a));
        c.add(id, *corpus.find(id), analyze(corpus.find(id)->text));
        ids.push_back(id);
    }
    return ids;
}

const Speaker* speaker_named(const std::vector<Speaker>& all, std::string_view name) {
    for (const auto& s : all)
        if (s.name == name) return &s;
    return nullptr;
}

std::vector<std::string> quoted(const Corpus& corpus, const Speaker& s) {
    std::vector<std::string> out;
    for (const auto& q : s.quotes) out.emplace_back(text_of(corpus.find(q.article)->text, q.text));
    return out;
}

} // namespace

TEST_CASE("everyone quoted across the library, by name, with what they said where") {
    Corpus corpus;
    Citations c;
    ArticleId seed = corpus.add(seed_article());
    REQUIRE_MESSAGE(!corpus.find(seed)->text.empty(), "cannot read the seed sample");
    c.add(seed, *corpus.find(seed), analyze(corpus.find(seed)->text));
    auto ids = cite(corpus, c,
                    {"\"The rules will be enforced from March,\" said Jiang Jun, spokesman of the SIIO. \"Nobody is exempt,\" "
                     "he added.",
                     "\"It is a worry for our users,\" a spokesman for Tencent said.",
                     "Critics called the scheme a \"real name\" trap. A sign read: \"Real names only, no exceptions.\""});
    auto all = c.speakers(corpus);
    // Jiang Jun: the seed's four quotes (two of them continued after "said Jiang Jun" and "Jiang
    // said") and the follow-up's two (the second given to "he").
    const Speaker* jiang = speaker_named(all, "Jiang Jun");
    REQUIRE(jiang != nullptr);
    CHECK(jiang->named);
    CHECK(jiang->kind == EntityKind::Person);
    CHECK(jiang->articles == 2);
    CHECK(quoted(corpus, *jiang) ==
          std::vector<std::string>{
              "A few people are using the platforms to disseminate information related to terrorism, violence and "
              "pornography as well as slander and rumours",
              "Such behaviours have raised bitter feelings among netizens.",
              "Cyberspace cannot become a space full of disorder and hostility",
              "No country in the world allows dissemination of information of rumors, violence, cheating, sex and "
              "terrorism.",
              "The rules will be enforced from March", "Nobody is exempt"});
    CHECK(jiang->quotes.back().article == ids[0]);
    CHECK(text_of(corpus.find(ids[0])->text, jiang->quotes.back().speaker) == "he");
    // He is quoted in the most articles: first.
    CHECK(&all.front() == jiang);
    // The office the seed quotes twice, by its name.
    const Speaker* office = speaker_named(all, "State Internet Information Office");
    REQUIRE(office != nullptr);
    CHECK(office->named);
    CHECK(office->quotes.size() == 2);
    // A speaker the article describes without a name is listed by the words that describe him.
    const Speaker* spokesman = speaker_named(all, "a spokesman for Tencent");
    REQUIRE(spokesman != nullptr);
    CHECK_FALSE(spokesman->named);
    CHECK(quoted(corpus, *spokesman) == std::vector<std::string>{"It is a worry for our users"});
    // The sign's words have no speaker: listed last, under no name. (The scare quote is no
    // quotation.)
    REQUIRE(all.back().name.empty());
    CHECK(quoted(corpus, all.back()) == std::vector<std::string>{"Real names only, no exceptions."});

    // Removing the follow-up takes its quotes away.
    CHECK(c.remove(ids[0]));
    CHECK_FALSE(c.remove(ids[0]));
    all = c.speakers(corpus);
    jiang = speaker_named(all, "Jiang Jun");
    REQUIRE(jiang != nullptr);
    CHECK(jiang->articles == 1);
    CHECK(jiang->quotes.size() == 4);
    c.clear();
    CHECK(c.speakers(corpus).empty());
    CHECK(c.size() == 0);
}

TEST_CASE("a figure recurs across articles whatever its spelling; bare numbers and ordinals do not count") {
    Corpus corpus;
    Citations c;
    auto ids = cite(corpus, c,
                    {"Apple sold 5.8 million iPhones, a 4.5% rise, and paid $5m in fines on June 10, 1997.",
                     "More than 5.8 million iPhones were sold. Profit rose 4.5 pct. The fine was 5 mln dlrs.",
                     "Apple said it sold 5,800,000 iPhones, up 4.5 per cent, and was fined five million dollars, "
                     "first in 12 of its markets, on June 10, 1997.",
                     "It sold 12 phones in the first week and 12 the next; the 5.8 million tablets sold are another figure."});
    auto figures = c.figures(corpus);
    auto find = [&](std::string_view value, std::string_view unit) -> const RecurringFigure* {
        for (const auto& f : figures)
            if (f.value == value && f.unit == unit) return &f;
        return nullptr;
    };
    const RecurringFigure* phones = find("5800000", "iphon");
    REQUIRE(phones != nullptr);
    CHECK(phones->kind == NumberKind::Quantity);
    CHECK(phones->articles == 3);
    CHECK(phones->text == "5.8 million iPhones"); // as two of the three write it
    REQUIRE(phones->mentions.size() == 3);
    CHECK(text_of(corpus.find(ids[1])->text, phones->mentions[1].span) == "More than 5.8 million iPhones");
    CHECK(text_of(corpus.find(ids[2])->text, phones->mentions[2].figure) == "5,800,000 iPhones");
    const RecurringFigure* fine = find("5000000", "$");
    REQUIRE(fine != nullptr);
    CHECK(fine->kind == NumberKind::Money);
    CHECK(fine->articles == 3);
    const RecurringFigure* rise = find("4.5", "%");
    REQUIRE(rise != nullptr);
    CHECK(rise->articles == 3);
    const RecurringFigure* day = find("1997-06-10", "");
    REQUIRE(day != nullptr);
    CHECK(day->kind == NumberKind::Date);
    CHECK(day->articles == 2);
    // Tablets are not iPhones; "12" alone counts nothing named; "first" ranks.
    CHECK(find("5800000", "tablet") == nullptr); // in one article only
    CHECK(find("12", "") == nullptr);
    for (const auto& f : figures) CHECK(f.kind != NumberKind::Ordinal);
    CHECK(figures.front().articles == 3);
    // With one article enough, the tablets are listed too.
    bool tablets = false;
    for (const auto& f : c.figures(corpus, 1)) tablets = tablets || (f.value == "5800000" && f.unit == "tablet");
    CHECK(tablets);
    // An article removed from the library no longer counts.
    c.remove(ids[0]);
    phones = nullptr;
    figures = c.figures(corpus);
    CHECK(find("5800000", "iphon")->articles == 2);
    CHECK(find("1997-06-10", "") == nullptr);
}

TEST_CASE("a speaker named by surname alone, or a name's end, joins the one person the library names in full with it") {
    Corpus corpus;
    Citations c;
    cite(corpus, c,
         {"\"We will veto it,\" President Ronald Reagan said.", "\"Trade must be fair,\" Reagan said on Friday.",
          "\"Prices will rise,\" Minister Denis Bra Kanon said.", "\"Stocks are low,\" Bra Kanon said.",
          "\"Rates are right,\" Treasury Secretary James Baker said. \"I agree,\" Senator Howard Baker said.",
          "\"No comment,\" Baker said."});
    auto all = c.speakers(corpus);
    const Speaker* reagan = speaker_named(all, "Ronald Reagan");
    REQUIRE(reagan != nullptr);
    CHECK(reagan->articles == 2);
    CHECK(quoted(corpus, *reagan) == std::vector<std::string>{"We will veto it", "Trade must be fair"});
    CHECK(speaker_named(all, "Reagan") == nullptr);
    // The end of a name may be two words.
    const Speaker* kanon = speaker_named(all, "Denis Bra Kanon");
    REQUIRE(kanon != nullptr);
    CHECK(kanon->articles == 2);
    CHECK(speaker_named(all, "Bra Kanon") == nullptr);
    // Two Bakers in full: "Baker" alone could be either, and stays apart.
    const Speaker* baker = speaker_named(all, "Baker");
    REQUIRE(baker != nullptr);
    CHECK(quoted(corpus, *baker) == std::vector<std::string>{"No comment"});
    REQUIRE(speaker_named(all, "James Baker") != nullptr);
    CHECK(speaker_named(all, "James Baker")->quotes.size() == 1);
}

TEST_CASE("in the names network, a person named by surname alone joins the one person named in full with it") {
    Corpus corpus;
    EntityGraph g;
    for (const char* text : {"Prime Minister Margaret Thatcher met Chancellor Helmut Kohl in Bonn.",
                             "Prime Minister Thatcher said the talks in London went well.",
                             "Treasury Secretary James Baker and Senator Howard Baker met in Washington.",
                             "Secretary Baker said rates were right."}) {
        Article a;
        a.add_paragraph(text);
        ArticleId id = corpus.add(a);
        g.add(id, *corpus.find(id), analyze(corpus.find(id)->text).entities);
    }
    EntityNetwork net = g.network(50, 100);
    auto node = [&](std::string_view name) -> const EntityNode* {
        for (const auto& n : net.nodes)
            if (n.name == name) return &n;
        return nullptr;
    };
    REQUIRE(node("Margaret Thatcher") != nullptr);
    CHECK(node("Margaret Thatcher")->articles == 2);
    CHECK(node("Thatcher") == nullptr);
    // Its example is still where the full name is written.
    CHECK(text_of(corpus.find(node("Margaret Thatcher")->example)->text, node("Margaret Thatcher")->range) == "Margaret Thatcher");
    // Two Bakers named in full: "Baker" alone could be either.
    REQUIRE(node("Baker") != nullptr);
    CHECK(node("Baker")->articles == 1);
    CHECK(node("James Baker")->articles == 1);
}
