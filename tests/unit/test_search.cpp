// Query evaluation end to end on a small corpus: which documents match, in which order, and
// that the pruned top k equals the exhaustive ranking.
#include "broadsheet/search.hpp"
#include "broadsheet/snippet.hpp"

#include "search_fixtures.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <optional>
#include <random>
#include <tuple>

using namespace broadsheet::search;
using search_fixtures::news_index;

namespace {

// Matching DocIds, ascending (whatever the ranking).
std::vector<DocId> matches(const Index& ix, std::string_view q, ParseOptions po = {}) {
    SearchOptions o;
    o.limit = 100;
    o.parse = po;
    o.relax = false;
    std::vector<DocId> docs;
    for (const Hit& h : search(ix, q, o).hits) docs.push_back(h.doc);
    std::sort(docs.begin(), docs.end());
    return docs;
}

using Docs = std::vector<DocId>;

} // namespace

TEST_CASE("the query language selects the documents it says") {
    Index ix = news_index();
    struct Row { const char* query; Docs expected; };
    const Row rows[] = {
        {"storm", {0, 4, 7}},                 // "storms" stems to storm
        {"storm harbour", {0, 4}},            // AND by default
        {"storm OR flood", {0, 1, 4, 7}},
        {"storm -harbour", {7}},
        {"storm NOT harbour", {7}},
        {"\"heavy rain\"", {1, 2}},
        {"\"rain heavy\"", {}},
        {"title:storm", {0, 4}},
        {"by:doe", {0, 2}},
        {"source:reuters", {0, 2, 7}},
        {"reuters", {}},                      // the source is searched only when named
        {"date:2014-01", {0, 4}},
        {"date:2014-01..2014-03", {0, 1, 4}},
        {"rain date:2014-06", {2}},
        {"date:2016", {5, 6}},
        {"harb*", {0, 4}},
        {"hurricane~1", {7}},
        {"huricane~1", {7}},                  // one typo
        {"hurrican~2", {7}},
        {"hurrcan~1", {}},                    // two typos allowed only with ~2
        {"(storm OR rain) by:roe", {1, 4}},
        {"cafe", {5}},                        // diacritics folded both ways
        {"CAFÉ", {5}},
        {"東京", {6}},
        {"-storm", {1, 2, 3, 5, 6}},          // only an exclusion: everything else
        {"", {}},
        {"the", {}},
    };
    for (const auto& row : rows) {
        CAPTURE(row.query);
        CHECK(matches(ix, row.query) == row.expected);
    }
}

TEST_CASE("as-you-type reads the last word as a prefix and forgives typos in long words") {
    Index ix = news_index();
    ParseOptions typing;
    typing.as_you_type = true;
    CHECK(matches(ix, "harbo", typing) == Docs{0, 4});
    CHECK(matches(ix, "harbo ", typing).empty());        // a finished word is a word
    CHECK(matches(ix, "meteorolgists warn", typing) == Docs{7}); // one typo in a long word
}

TEST_CASE("as you type, the last word of a phrase not yet closed begins words") {
    Index ix = news_index();
    ParseOptions typing;
    typing.as_you_type = true;
    CHECK(matches(ix, "\"heavy ra", typing) == Docs{1, 2});   // "heavy rain"
    CHECK(matches(ix, "\"heavy r", typing) == Docs{1, 2});
    CHECK(matches(ix, "\"storm su", typing) == Docs{0});      // "storm surge"
    CHECK(matches(ix, "\"storm su\"", typing).empty());        // closed: the words as written
    CHECK(matches(ix, "\"storm su ", typing).empty());          // a space after it: finished
    CHECK(matches(ix, "\"storm su").empty());                  // not as you type
    CHECK(matches(ix, "\"storm su*\"") == Docs{0});            // ... unless its '*' says so
    CHECK(matches(ix, "\"harbo", typing) == Docs{0, 4});       // one word: as a word
    CHECK(matches(ix, "wind \"heavy ra", typing) == Docs{2});
    // What is marked is the phrase, not every word the last one begins.
    SearchOptions o;
    o.parse = typing;
    const MatchSet m = search(ix, "\"heavy ra", o).matched;
    CHECK(std::find(m.terms.begin(), m.terms.end(), "rain") == m.terms.end());
    REQUIRE(m.phrases.size() == 1);
    CHECK(m.phrases[0].terms == std::vector<std::string>{"heavi", "rain"});
}

TEST_CASE("as you type, a short word itself ranks above the longer words it begins") {
    // "war" as typed is also "warrington" and "warner", which hold it more often and in their
    // titles; the articles with the word itself still come first.
    Index ix;
    ix.add(search_fixtures::article("Warrington Warner merger", "Warrington and Warner agree; Warrington shares rose."), "0");
    ix.add(search_fixtures::article("Talks", "The war in the region went on."), "1");
    ix.add(search_fixtures::article("Warner results", "Warner said Warner profits rose."), "2");
    ix.add(search_fixtures::article("Ceasefire", "A ceasefire ended the war, the war ministry said."), "3");
    SearchOptions o;
    o.parse.as_you_type = true;
    o.limit = 10;
    auto r = search(ix, "war", o);
    REQUIRE(r.hits.size() == 4);
    CHECK(((r.hits[0].doc == 3 && r.hits[1].doc == 1)));
    // Two letters too ("EU" above "Europe"); one letter is only the start of words.
    Index eu;
    eu.add(search_fixtures::article("Europe", "European leaders met in Europe."), "0");
    eu.add(search_fixtures::article("Summit", "The EU summit ended."), "1");
    CHECK(search(eu, "eu", o).hits.front().doc == 1);
}

TEST_CASE("as you type, a prefix stands for its most frequent words only; written with * for all") {
    // 80 words starting with "q"; word k is the only word of k + 1 documents.
    Index ix;
    std::vector<std::string> words;
    size_t docs = 0, docs_of_top = 0;
    for (int k = 0; k < 80; ++k) {
        words.push_back("q" + std::string(1, char('a' + k / 26)) + std::string(1, char('a' + k % 26)) + "x");
        for (int d = 0; d <= k; ++d) ix.add(search_fixtures::article("Doc", words.back()), std::to_string(docs++));
        if (k >= 80 - int(kAsYouTypeExpansions)) docs_of_top += size_t(k + 1);
    }
    SearchOptions typing;
    typing.parse.as_you_type = true;
    typing.limit = 10000;
    SearchResult r = search(ix, "q", typing);
    REQUIRE(r.matched.terms.size() == kAsYouTypeExpansions);
    for (int k = 80 - int(kAsYouTypeExpansions); k < 80; ++k) {
        CAPTURE(words[size_t(k)]);
        CHECK(std::binary_search(r.matched.terms.begin(), r.matched.terms.end(), words[size_t(k)]));
    }
    CHECK(r.hits.size() == docs_of_top);
    // Written as a prefix, every word counts, as you type or not.
    SearchResult all = search(ix, "q*", typing);
    CHECK(all.matched.terms.size() == 80);
    CHECK(all.hits.size() == docs);
}

TEST_CASE("as you type, a prefix's words stop where their documents reach the postings budget") {
    // Words "qa".."qe" of 40, 30, 20, 10 and 5 documents.
    Index ix;
    const int sizes[] = {40, 30, 20, 10, 5};
    size_t docs = 0;
    for (int k = 0; k < 5; ++k)
        for (int d = 0; d < sizes[k]; ++d)
            ix.add(search_fixtures::article("Doc", std::string("q") + char('a' + k) + "x"), std::to_string(docs++));
    SearchOptions typing;
    typing.parse.as_you_type = true;
    typing.limit = 1000;
    auto words = [&](uint64_t budget) {
        typing.parse.prefix_postings = budget;
        return search(ix, "q", typing).matched.terms;
    };
    using Words = std::vector<std::string>;
    CHECK(words(95) == Words{"qax", "qbx", "qcx"});            // 40 + 30 + 20 = 90; + 10 > 95
    CHECK(words(105) == Words{"qax", "qbx", "qcx", "qdx", "qex"}); // all 105
    CHECK(words(10) == Words{"qax"});                           // the most frequent always counts
    CHECK(words(0) == Words{"qax", "qbx", "qcx", "qdx", "qex"});   // 0: no budget
    typing.parse.prefix_postings = 70;
    CHECK(search(ix, "q", typing).hits.size() == 70);            // the documents of qax and qbx
    // Written as a prefix, every word counts.
    CHECK(search(ix, "q*", typing).matched.terms.size() == 5);
    // The word as typed counts before more frequent words it begins ("qz": 3 documents, "qzax"
    // 40, "qzbx" 30).
    const std::pair<const char*, int> more[] = {{"qz", 3}, {"qzax", 40}, {"qzbx", 30}};
    for (const auto& [word, count] : more)
        for (int d = 0; d < count; ++d) ix.add(search_fixtures::article("Doc", word), std::to_string(docs++));
    typing.parse.prefix_postings = 50;
    CHECK(search(ix, "qz", typing).matched.terms == Words{"qz", "qzax"});
    CHECK(search(ix, "qz", typing).hits.size() == 43);
}

TEST_CASE("ranking prefers the title, then more occurrences; ties go to the earlier document") {
    Index ix = news_index();
    auto r = search(ix, "storm");
    REQUIRE(r.hits.size() == 3);
    CHECK(r.hits[0].doc == 0); // in the title and twice in the body
    CHECK(r.hits[1].doc == 4); // in the title and once in the body
    CHECK(r.hits[2].doc == 7); // once, in the body
    CHECK(r.hits[0].score > r.hits[1].score);

    Index twins;
    auto a = search_fixtures::article("Same", "identical words here");
    twins.add(a, "first");
    twins.add(a, "second");
    auto t = search(twins, "identical");
    REQUIRE(t.hits.size() == 2);
    CHECK(t.hits[0].score == t.hits[1].score);
    CHECK(t.hits[0].doc == 0);
}

TEST_CASE("an all-words query that finds nothing falls back to any word, and says so") {
    Index ix = news_index();
    auto r = search(ix, "storm election");
    CHECK(r.relaxed);
    REQUIRE_FALSE(r.hits.empty());
    REQUIRE_FALSE(r.messages.empty());
    SearchOptions strict;
    strict.relax = false;
    CHECK(search(ix, "storm election", strict).hits.empty());
}

TEST_CASE("the matched set resolves prefixes and typos to index terms and skips negated parts") {
    Index ix = news_index();
    auto r = search(ix, "harb* \"heavy rain\" OR hurricne~1 -flood");
    CHECK(std::find(r.matched.terms.begin(), r.matched.terms.end(), "harbour") != r.matched.terms.end());
    CHECK(std::find(r.matched.terms.begin(), r.matched.terms.end(), "hurrican") != r.matched.terms.end());
    CHECK(std::find(r.matched.terms.begin(), r.matched.terms.end(), "flood") == r.matched.terms.end());
    REQUIRE(r.matched.phrases.size() == 1);
    CHECK(r.matched.phrases[0].terms == std::vector<std::string>{"heavi", "rain"});
    // Only the typo's other words are near spellings: not the prefix's, not the phrase's; as the
    // text has them, not stemmed ("hurricane", whose term is "hurrican").
    CHECK(r.matched.near == std::vector<std::string>{"hurricane"});
}

TEST_CASE("near spellings: as you type only for a finished long word the library lacks; '~' always") {
    Index ix;
    ix.add(search_fixtures::article("Cocoa prices", "Cocoa rose."), "a");
    ix.add(search_fixtures::article("Coca-Cola unit", "The Coca-Cola unit sold."), "b");
    SearchOptions typing;
    typing.parse.as_you_type = true;
    SearchResult typed = search(ix, "cocoa", typing); // the last word is a prefix: no typos
    CHECK(typed.matched.near.empty());
    CHECK(typed.hits.size() == 1);
    // Finished, a word the library holds is meant as written: "cocoa", not "coca".
    SearchResult finished = search(ix, "cocoa ", typing);
    CHECK(finished.hits.size() == 1);
    CHECK(finished.matched.near.empty());
    // A finished word it does not hold forgives one typo in five letters: "cacoa" is "cocoa".
    SearchResult typo = search(ix, "cacoa ", typing);
    CHECK(typo.hits.size() == 1);
    CHECK(typo.matched.near == std::vector<std::string>{"cocoa"});
    CHECK(std::binary_search(typo.matched.terms.begin(), typo.matched.terms.end(), "cocoa"));
    SearchResult quoted = search(ix, "\"cocoa\" ", typing); // in quotes: the word exactly
    CHECK(quoted.matched.near.empty());
    CHECK(quoted.hits.size() == 1);
    CHECK(search(ix, "coca~1").matched.near == std::vector<std::string>{"cocoa", "cola"}); // coca: the word itself
    CHECK(search(ix, "cocoa").matched.near.empty());
    CHECK(search(ix, "cocoa -coca~1").matched.near.empty()); // what is excluded is not matched
    // A typo part of a NEAR says its near spellings too, unless the NEAR is excluded.
    CHECK(search(ix, "cacoa~1 NEAR/2 rose").matched.near == std::vector<std::string>{"cocoa"});
    CHECK(search(ix, "unit -(cacoa~1 NEAR/2 rose)").matched.near.empty());
    // A word the query also asks for as written is no near spelling of another.
    CHECK(search(ix, "cocoa coca~1").matched.near == std::vector<std::string>{"cola"});
    // Every spelling of a term that is as near is listed: "governent" (a misprint) and
    // "government" are one edit from "govermnent", and both stem to "govern"; "governments" is
    // two edits away.
    Index govern;
    govern.add(search_fixtures::article("Budget", "The government and the governments met."), "a");
    govern.add(search_fixtures::article("Misprint", "The governent fell."), "b");
    const SearchResult misspelt = search(govern, "govermnent~1");
    CHECK(misspelt.matched.near == std::vector<std::string>{"governent", "government"});
    CHECK(misspelt.hits.size() == 2);
    // A word held only where a plain word is not searched (a source's address) is no word of
    // the text: its near spellings count.
    Index source;
    source.add(search_fixtures::article("Jagd", "Die Jagdsaison beginnt.", "", {}, "jagd-oesterreich.at"), "0");
    source.add(search_fixtures::article("Wahl", "Osterreich waehlt heute.", ""), "1");
    SearchResult only_source = search(source, "oesterreich ", typing);
    REQUIRE(only_source.hits.size() == 1);
    CHECK(only_source.hits[0].doc == 1);
    CHECK(only_source.matched.near == std::vector<std::string>{"osterreich"});
    CHECK(search(source, "source:oesterreich", typing).hits.size() == 1); // asked for there, it is there
}

TEST_CASE("a paragraph break takes a place: no phrase, NEAR or mark runs from one paragraph into the next") {
    auto two_paragraphs = [](std::string title, std::string first, std::string second) {
        broadsheet::Article a = search_fixtures::article(std::move(title), first + "\n\n" + second);
        a.paragraphs = {{0, uint32_t(first.size())}, {uint32_t(first.size() + 2), uint32_t(a.text.size())}};
        return a;
    };
    const std::vector<broadsheet::Article> articles = {
        two_paragraphs("Across", "They talked of the zebra.", "Quagga sightings were rare."),
        search_fixtures::article("Within", "A zebra quagga hybrid was seen."),
        two_paragraphs("Stopwords across", "Nobody saw the zebra", "the quagga was gone."),
        two_paragraphs("Company", "Shares of Smith Co.", "Operating profit rose."),
    };
    const ArticleLookup lookup = [&](DocId d) { return d < articles.size() ? &articles[d] : nullptr; };
    for (bool gaps : {true, false}) {
        CAPTURE(gaps);
        AnalyzerOptions o;
        o.paragraph_gaps = gaps;
        Index ix(o);
        for (const auto& a : articles) ix.add(a, a.title);
        auto docs = [&](std::string_view q) {
            SearchOptions options;
            options.article = lookup;
            std::vector<DocId> out;
            for (const Hit& h : search(ix, q, options).hits) out.push_back(h.doc);
            std::sort(out.begin(), out.end());
            return out;
        };
        using Docs = std::vector<DocId>;
        CHECK(docs("\"zebra quagga\"") == (gaps ? Docs{1} : Docs{0, 1}));
        CHECK(docs("zebra NEAR/0 quagga") == (gaps ? Docs{1} : Docs{0, 1}));
        CHECK(docs("zebra NEAR/1 quagga") == (gaps ? Docs{0, 1} : Docs{0, 1, 2})); // the break is one word's worth
        CHECK(docs("zebra NEAR/2 quagga") == Docs{0, 1, 2});
        CHECK(docs("\"zebra the quagga\"") == (gaps ? Docs{} : Docs{2})); // checked in the text, by the same places
        CHECK(docs("\"co operating\"") == (gaps ? Docs{} : Docs{3}));
        CHECK(docs("\"quagga sightings\"") == Docs{0}); // within a paragraph, as ever
        // The marks: the phrase is not marked from the end of one paragraph to the start of the next.
        SearchResult r = search(ix, "\"zebra quagga\" OR hybrid", SearchOptions{});
        CHECK(find_highlights(articles[0].text, r.matched, ix.analyzer(), broadsheet::search::Field::Body).size() == (gaps ? 0u : 1u));
        CHECK(find_highlights(articles[1].text, r.matched, ix.analyzer(), broadsheet::search::Field::Body).size() == 2u); // the phrase, and "hybrid"
        // Saved and loaded, an index keeps its places as they were made.
        LoadedIndex loaded = load_index(save_index(ix));
        REQUIRE(loaded.ok());
        CHECK(loaded.index->analyzer_options().paragraph_gaps == gaps);
    }
}

TEST_CASE("a rare spelling one letter off does not outrank the word meant for being rare") {
    // Thirty stories with "oil" in a long body, one titled "Oil", one titled "Nil". On its own idf
    // (one story of 32 against 31), "nil" scored 5.5 times oil's idf, so that oil~1 ranked the
    // "Nil" story first even at two thirds of the weight; with oil's document frequency it ranks
    // by what BM25F says of where and how often it stands, at that weight.
    Index ix;
    for (int i = 0; i < 30; ++i)
        ix.add(search_fixtures::article("Market report " + std::to_string(i),
                                        "Traders said oil was steady as the market waited for figures on stocks, output and "
                                        "demand from refiners across the region this week."),
               std::to_string(i));
    ix.add(search_fixtures::article("Nil", "Score draw."), "nil");
    ix.add(search_fixtures::article("Oil", "Oil rose."), "oil");
    SearchOptions options;
    options.limit = 50;
    SearchResult r = search(ix, "oil~1", options);
    REQUIRE(r.hits.size() == 32);
    CHECK(ix.key(r.hits[0].doc) == "oil");
    CHECK(r.matched.near == std::vector<std::string>{"nil"});
    // "Nil" at the weight of one edit in three letters and oil's idf: above the long bodies
    // (a one-word title), below the "Oil" story (two words, the weight in full).
    CHECK(ix.key(r.hits[1].doc) == "nil");
    CHECK(r.hits[1].score == doctest::Approx(r.hits[0].score * (2.0 / 3.0)).epsilon(0.2));
    std::vector<Hit> all = search_exhaustive(ix, parse_query("oil~1", ix, options.parse), options.ranking);
    std::sort(all.begin(), all.end(), [](const Hit& a, const Hit& b) { return a.score != b.score ? a.score > b.score : a.doc < b.doc; });
    CHECK(r.hits == all);
}

TEST_CASE("the pruned top k is exactly the exhaustive ranking, for every k") {
    // A random corpus over a small vocabulary, random OR queries: MaxScore must agree with
    // scoring every document, to the bit, and in the same order.
    std::mt19937 rng(12345);
    const char* words[] = {"alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india", "juliet",
                           "kilo", "lima", "mike", "november", "oscar", "papa"};
    Index ix;
    for (int d = 0; d < 400; ++d) {
        std::string title, body;
        int n = 3 + int(rng() % 40);
        for (int i = 0; i < n; ++i) {
            // Zipf-like: low word numbers are common.
            size_t w = std::min<size_t>(15, size_t(std::log2(1 + rng() % 65536)) % 16);
            body += words[15 - w];
            body += ' ';
        }
        title = words[rng() % 16];
        ix.add(search_fixtures::article(title, body), std::to_string(d));
    }
    for (DocId d = 0; d < 400; d += 7) ix.remove(d); // with some removed documents too
    for (int trial = 0; trial < 60; ++trial) {
        std::string q;
        int terms = 1 + int(rng() % 5);
        for (int i = 0; i < terms; ++i) q += std::string(words[rng() % 16]) + (i + 1 < terms ? " OR " : "");
        Query parsed = parse_query(q, ix.analyzer());
        auto all = search_exhaustive(ix, parsed);
        std::sort(all.begin(), all.end(), [](const Hit& a, const Hit& b) {
            return a.score != b.score ? a.score > b.score : a.doc < b.doc;
        });
        for (size_t k : {size_t(1), size_t(3), size_t(10), size_t(50), size_t(1000)}) {
            SearchOptions o;
            o.limit = k;
            auto top = search(ix, parsed, o).hits;
            CAPTURE(q);
            CAPTURE(k);
            REQUIRE(top.size() == std::min(k, all.size()));
            CHECK(std::equal(top.begin(), top.end(), all.begin()));
        }
    }
}

TEST_CASE("one word, a typo, a prefix and an AND skip blocks yet rank exactly as scoring every match") {
    // Lists long enough for skip entries (Index::posting_blocks): the block-max top k of one word
    // (a term or its prefix or typo expansion) and of an AND of words must equal the exhaustive
    // ranking to the bit, in every state an index goes through: built, with removed documents
    // (dead entries in the blocks), grown after its blocks were made (averages drift, blocks are
    // extended), compacted (blocks rebuilt), loaded from a file, and with non-default ranking.
    std::mt19937 rng(2026);
    const std::vector<std::string> words = {"market", "markets", "marked", "marker", "makret", "oil", "oils", "soil",
                                            "price", "prices", "prince", "rates", "rate", "crude", "output", "stock",
                                            "exchange", "interest", "trade", "deficit", "bank", "banks", "zinc", "tin"};
    auto add_articles = [&](Index& ix, int count) {
        for (int d = 0; d < count; ++d) {
            std::string title, body;
            for (int i = 0, n = 1 + int(rng() % 4); i < n; ++i) title += words[rng() % 8] + " ";
            for (int i = 0, n = 5 + int(rng() % 120); i < n; ++i) { // Zipf-like: the first words are common
                size_t w = std::min<size_t>(words.size() - 1, size_t(std::log2(1 + rng() % (1u << 20))));
                body += words[words.size() - 1 - w] + (rng() % 9 == 0 ? "s " : " ");
            }
            if (rng() % 8 == 0) body += "market" + std::string(1, char('a' + rng() % 20)) + "q "; // rare kin of a common word
            ix.add(search_fixtures::article(title, body), std::to_string(ix.id_limit()));
        }
    };
    const char* queries[] = {"market", "oil", "prices", "title:market", "body:oil", "zinc", "markt~1", "makret~1",
                             "oyl~1", "prise~2", "mark*", "pri*", "oil prices", "market rates crude", "title:oil market",
                             "oil oils soil", "tin zinc", "nosuchword", "market nosuchword", "market*", "stock", "output"};
    auto check_all = [&](const Index& ix, const Bm25fParams& ranking, std::string state) {
        for (std::string q : queries) {
            Query parsed = parse_query(q, ix.analyzer());
            auto all = search_exhaustive(ix, parsed, ranking);
            std::sort(all.begin(), all.end(), [](const Hit& a, const Hit& b) {
                return a.score != b.score ? a.score > b.score : a.doc < b.doc;
            });
            // Up to Index::kChampions, from the champions when their k-th beats the rest's bound.
            for (size_t k : {size_t(1), size_t(3), size_t(10), Index::kChampions, size_t(100)}) {
                SearchOptions o;
                o.limit = k;
                o.ranking = ranking;
                auto top = search(ix, parsed, o).hits;
                CAPTURE(state);
                CAPTURE(q);
                CAPTURE(k);
                REQUIRE(top.size() == std::min(k, all.size()));
                CHECK(std::equal(top.begin(), top.end(), all.begin()));
            }
        }
    };
    Index ix;
    add_articles(ix, 1500);
    REQUIRE(ix.posting_blocks(*ix.find("market")).blocks.size() > 10);
    // The champions of a list just read: its entries with the highest BM25F term frequency at the
    // present averages (ties: the earlier document), with their exact frequencies, and a rest
    // bound over every other entry.
    for (const char* word : {"market", "oil", "price"}) {
        CAPTURE(word);
        const TermId t = *ix.find(ix.analyzer().term_of(TokenKind::Word, word));
        std::optional<Index::Champions> champions = ix.posting_champions(t);
        REQUIRE(champions.has_value());
        REQUIRE(champions->best.size() == Index::kChampions);
        struct Entry { DocId doc; double tf; std::array<uint32_t, 4> field_tf; };
        std::vector<Entry> entries;
        const Bm25fParams defaults;
        for (PostingCursor c = ix.postings(t); !c.at_end(); c.next()) {
            Entry e{c.doc(), 0.0, {}};
            for (size_t f = 0; f < 4; ++f) {
                e.field_tf[f] = c.frequency(Field(f));
                e.tf += bm25f_field_tf(double(e.field_tf[f]), double(ix.field_length(c.doc(), Field(f))),
                                       ix.average_field_length(Field(f)), defaults.fields[f]);
            }
            entries.push_back(e);
        }
        std::stable_sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) { return a.tf > b.tf; });
        for (size_t i = 0; i < Index::kChampions; ++i) {
            CAPTURE(i);
            const Index::Champion& c = champions->best[i];
            CHECK(c.doc == entries[i].doc);
            CHECK(double(c.tf) >= entries[i].tf);
            CHECK(double(c.tf) <= entries[i].tf * (1 + 1e-6));
            for (size_t f = 0; f < 4; ++f) CHECK(c.field_tf[f] == entries[i].field_tf[f]);
        }
        CHECK(double(champions->rest.max_tf) >= entries[Index::kChampions].tf);
        CHECK(double(champions->rest.max_tf) <= entries[Index::kChampions].tf * (1 + 1e-6));
    }
    // A short list has none: "exchange", about 11 documents ("tin" and "zinc" are in none).
    const auto exchange = ix.find(ix.analyzer().term_of(TokenKind::Word, "exchange"));
    REQUIRE(exchange.has_value());
    CHECK(ix.doc_frequency(*exchange) < Index::kBlocksFrom);
    CHECK_FALSE(ix.posting_champions(*exchange).has_value());
    // Lists just long enough for champions (from Index::kBlocksFrom entries) are among those
    // ranked below: "stock" and "output", a rarer word's and a less rare one's.
    size_t short_with_champions = 0;
    for (const char* w : {"stock", "output"}) {
        const auto t = ix.find(ix.analyzer().term_of(TokenKind::Word, w));
        REQUIRE(t.has_value());
        CAPTURE(w);
        CAPTURE(ix.doc_frequency(*t));
        if (ix.doc_frequency(*t) >= Index::kBlocksFrom && ix.doc_frequency(*t) < 4 * Index::kBlocksFrom) {
            CHECK(ix.posting_champions(*t).has_value());
            ++short_with_champions;
        }
    }
    CHECK(short_with_champions > 0);
    std::vector<TermId> kin;
    ix.terms_with_prefix("market", kin);
    REQUIRE(kin.size() > 16); // "market*" is merged up front, not walked member by member
    check_all(ix, {}, "built");
    for (DocId d = 0; d < ix.id_limit(); d += 3) ix.remove(d);
    check_all(ix, {}, "a third removed");
    add_articles(ix, 300);
    for (DocId d = 1; d < 700; d += 5) ix.remove(d);
    check_all(ix, {}, "grown, more removed");
    auto loaded = load_index(save_index(ix));
    REQUIRE(loaded.ok());
    check_all(*loaded.index, {}, "loaded");
    add_articles(*loaded.index, 100);
    check_all(*loaded.index, {}, "loaded and grown");
    ix.compact();
    check_all(ix, {}, "compacted");
    Bm25fParams flat;
    flat.k1 = 2.0;
    for (auto& f : flat.fields) f = {1.0, 0.3};
    check_all(ix, flat, "other ranking");
}

TEST_CASE("removing a document gives the same results as never adding it") {
    auto articles = search_fixtures::news();
    Index with, without;
    for (size_t i = 0; i < articles.size(); ++i) {
        with.add(articles[i], std::to_string(i));
        if (i != 1) without.add(articles[i], std::to_string(i));
    }
    with.remove(1);
    for (const char* q : {"storm", "heavy rain", "flood OR rain", "harb*", "date:2014"}) {
        CAPTURE(q);
        auto a = search(with, q).hits;
        auto b = search(without, q).hits;
        REQUIRE(a.size() == b.size());
        for (size_t i = 0; i < a.size(); ++i) {
            CHECK(a[i].score == doctest::Approx(b[i].score).epsilon(1e-12));
            CHECK(with.key(a[i].doc) == without.key(b[i].doc));
        }
    }
}

TEST_CASE("queries that are wrong in every way still return something and never throw") {
    Index ix = news_index();
    const char* ugly[] = {
        "((((storm", "storm)))", ")(", "\"unclosed phrase", "\"\"", "OR", "AND", "NOT", "- - -", "storm OR",
        "OR storm", "title:", "title:title:storm", "date:", "date:2014-13", "date:..", "date:2015..2014",
        "storm~9", "~", "*", "**", "storm*~2", "foo:bar", "\xFF\xFE", "a\0b", "-(-(-storm))",
        "NOT NOT NOT NOT storm", "title:(storm OR \"heavy rain\") -by:doe date:2014..",
        "\xE2\x80\x8B\xC2\xAD", "\xF0\x9F\x94\xA5", "ｓｔｏｒｍ", "S\xCC\x8Ctorm",
    };
    for (const char* q : ugly) {
        CAPTURE(q);
        CHECK_NOTHROW(search(ix, q));
        SearchOptions typing;
        typing.parse.as_you_type = true;
        CHECK_NOTHROW(search(ix, q, typing));
    }
    std::string deep(100000, '(');
    deep += "storm";
    CHECK_NOTHROW(search(ix, deep));
    std::string nots;
    for (int i = 0; i < 4000; ++i) nots += "NOT "; // inside kMaxQueryBytes
    CHECK(search(ix, nots + "storm").hits.size() == 3); // an even number of NOTs
}

TEST_CASE("random sequences of adds, removals, trims, compactions and reloads keep every list and top k exact") {
    // A model check: the index goes through random operations while a second index only ever
    // has the same adds and removes; every term's postings (documents, fields, frequencies,
    // positions) and frequency must stay the same as the second's, and one-word and AND top k
    // (the champions' k included, and one more) the same as the exhaustive ranking. Articles
    // with a publisher's name holding a word, and rare words, besides common ones.
    const std::vector<std::string> words = {"market", "markets", "marked", "marker", "oil", "oils", "soil", "price", "prices",
                                            "prince", "rates", "rate", "crude", "output", "stock", "zinc", "tin", "alpha", "beta"};
    auto postings_of = [](const Index& ix, TermId t) {
        std::vector<std::tuple<DocId, FieldMask, std::vector<std::vector<uint32_t>>>> out;
        std::vector<uint32_t> p;
        for (PostingCursor c = ix.postings(t); !c.at_end(); c.next()) {
            std::vector<std::vector<uint32_t>> positions;
            for (size_t f = 0; f < kFieldCount; ++f) {
                c.positions(Field(f), p);
                CHECK(p.size() == c.frequency(Field(f)));
                positions.push_back(p);
            }
            out.emplace_back(c.doc(), c.fields(), positions);
        }
        return out;
    };
    for (unsigned seed : {1u, 2u}) {
        std::mt19937 rng(seed);
        auto make = [&]() {
            std::string title, body;
            for (int i = 0, n = int(rng() % 4); i < n; ++i) title += words[rng() % 8] + " ";
            for (int i = 0, n = int(rng() % 60); i < n; ++i) { // Zipf-like: the first words are common
                size_t w = std::min<size_t>(words.size() - 1, size_t(std::log2(1 + rng() % (1u << 19))));
                body += words[words.size() - 1 - w] + " ";
            }
            broadsheet::Article a = search_fixtures::article(title, body);
            if (rng() % 5 == 0) a.source = words[rng() % words.size()];
            if (rng() % 7 == 0) a.text += " w" + std::to_string(rng() % 50);
            // Some articles in German or French: their words are stemmed so (Index::analyzer_for),
            // and a surface the two languages stem differently is in the surface table twice.
            if (const auto l = rng() % 8; l < 2) a.language = l == 0 ? "de" : "fr";
            return a;
        };
        std::vector<broadsheet::Article> articles;
        Index ix, model;
        std::string ops; // what happened, for a failure's report
        for (int step = 0; step < 1500; ++step) {
            const auto op = unsigned(rng() % 100);
            if (op < 60) {
                broadsheet::Article a = make();
                REQUIRE(ix.add(a, std::to_string(articles.size())) == articles.size());
                model.add(a, std::to_string(articles.size()));
                articles.push_back(std::move(a));
                ops += 'a';
            } else if (op < 80) {
                const DocId d = articles.empty() ? 0 : DocId(rng() % articles.size());
                if (!model.contains(d)) continue;
                if (rng() % 2) ix.remove(d, articles[d]);
                else ix.remove(d);
                model.remove(d);
                ops += 'r';
            } else if (op < 85) {
                ix.trim();
                ops += 't';
            } else if (op < 90) {
                ix.compact();
                ops += 'c';
            } else if (op < 94) {
                LoadedIndex loaded = load_index(save_index(ix));
                REQUIRE(loaded.ok());
                ix = std::move(*loaded.index);
                ops += 'l';
            } else {
                for (const char* q : {"market", "oil", "rate", "stock", "mark*", "pri*", "o*", "markt~1", "title:market",
                                      "body:oil", "source:oil", "oil prices"}) {
                    Query parsed = parse_query(q, ix);
                    auto all = search_exhaustive(ix, parsed);
                    std::sort(all.begin(), all.end(), [](const Hit& a, const Hit& b) {
                        return a.score != b.score ? a.score > b.score : a.doc < b.doc;
                    });
                    for (size_t k : {size_t(1), size_t(5), Index::kChampions, Index::kChampions + 1}) {
                        SearchOptions o;
                        o.limit = k;
                        auto top = search(ix, parsed, o).hits;
                        const std::string query = q;
                        CAPTURE(seed);
                        CAPTURE(ops);
                        CAPTURE(query);
                        CAPTURE(k);
                        REQUIRE(top.size() == std::min(k, all.size()));
                        REQUIRE(std::equal(top.begin(), top.end(), all.begin()));
                    }
                }
                ops += 'q';
            }
            if (step % 25 != 0 && step != 1499) continue;
            REQUIRE(ix.size() == model.size());
            for (TermId m = 0; m < model.term_count(); ++m) {
                CAPTURE(seed);
                CAPTURE(ops);
                CAPTURE(model.term(m));
                std::optional<TermId> t = ix.find(model.term(m));
                if (model.doc_frequency(m) == 0) { // gone from the model: gone or empty here
                    if (t) REQUIRE(ix.doc_frequency(*t) == 0);
                    if (t) REQUIRE(postings_of(ix, *t).empty());
                    continue;
                }
                REQUIRE(t.has_value());
                REQUIRE(ix.doc_frequency(*t) == model.doc_frequency(m));
                REQUIRE(postings_of(ix, *t) == postings_of(model, m));
            }
        }
    }
}
