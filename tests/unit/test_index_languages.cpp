// Stopwords and stems by the article's language: an article in a language Snowball stems is
// indexed in it, a query is read in each language the index holds, and the file keeps them.
#include "broadsheet/index.hpp"
#include "broadsheet/query.hpp"
#include "broadsheet/search.hpp"
#include "broadsheet/snippet.hpp"

#include "search/checksum.hpp"
#include "search_fixtures.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

using namespace broadsheet::search;
using search_fixtures::article;

namespace {

broadsheet::Article in(std::string language, broadsheet::Article a) {
    a.language = std::move(language);
    return a;
}

// Two English articles, two German and one French, as an import of a mixed folder gives them.
std::vector<broadsheet::Article> mixed() {
    return {
        in("en", article("Harbour houses flooded", "The storm flooded the houses by the harbour. Residents said "
                                                   "the Sturm und Drang of the night was frightening.")),
        in("de", article("Häuser am Hafen überflutet", "Der Sturm hat die Häuser am Hafen überflutet. Die Bewohner "
                                                       "sagten, sie wollten nach Hause gehen.")),
        in("de-DE", article("Ein Haus für alle", "Das neue Haus der Stadt steht allen Bürgern offen.")),
        in("fr", article("Les maisons inondées", "La tempête a inondé les maisons du port. Les habitants sont partis.")),
        in("en", article("Walking home", "After the match the fans were gehen home, a German friend joked.")),
    };
}

Index mixed_index(const std::vector<broadsheet::Article>& articles) {
    Index ix;
    for (size_t i = 0; i < articles.size(); ++i) ix.add(articles[i], "doc" + std::to_string(i));
    return ix;
}

// A German article's term in mixed(): German came first of the index's other languages.
std::string german(std::string stem) { return stem + term_tag(1); }

std::vector<DocId> docs_of(const Index& ix, std::string_view query) {
    std::vector<DocId> out;
    SearchOptions o;
    o.limit = 100;
    o.relax = false;
    for (const Hit& h : search(ix, query, o).hits) out.push_back(h.doc);
    std::sort(out.begin(), out.end());
    return out;
}

// A file with its body's size (after the 20-byte header) and checksum made right again.
std::string reseal(std::string bytes) {
    const uint64_t body = bytes.size() - 20 - 8;
    for (int i = 0; i < 8; ++i) bytes[12 + size_t(i)] = char(uint8_t(body >> (8 * i)));
    const uint64_t sum = checksum::of(std::string_view(bytes).substr(0, bytes.size() - 8));
    for (int i = 0; i < 8; ++i) bytes[bytes.size() - 8 + size_t(i)] = char(uint8_t(sum >> (8 * i)));
    return bytes;
}

} // namespace

TEST_CASE("snowball_language reads codes, tags and names; languages without a stemmer have none") {
    struct Row { const char* language; const char* algorithm; };
    const Row rows[] = {
        {"de", "german"}, {"de-DE", "german"}, {"DE", "german"}, {"pt-BR", "portuguese"}, {"pt_PT", "portuguese"},
        {"german", "german"}, {"en", "english"}, {"nb", "norwegian"}, {"no", "norwegian"}, {"sr-Latn", "serbian"},
        {"pl", ""}, {"zh", ""}, {"zh-Hant", ""}, {"", ""}, {"d", ""}, {"deu", ""}, {"-de", ""}, {"klingon", ""},
    };
    for (const Row& row : rows) {
        CAPTURE(row.language);
        CHECK(snowball_language(row.language) == row.algorithm);
    }
}

TEST_CASE("a German article is stemmed and stopped in German, an English one in English") {
    const auto articles = mixed();
    Index ix = mixed_index(articles);
    // German plural and dative plural find the singular: Haus, Häuser, Häusern are one stem there.
    CHECK(docs_of(ix, "Haus") == std::vector<DocId>{1, 2});
    CHECK(docs_of(ix, "Häusern") == std::vector<DocId>{1, 2});
    // English stemming still joins house and houses in the English article.
    CHECK(docs_of(ix, "house") == std::vector<DocId>{0});
    // French: maison and maisons.
    CHECK(docs_of(ix, "maison") == std::vector<DocId>{3});
    // "und" and "die" are German stopwords: not indexed in the German articles, while the English
    // article that quotes "Sturm und Drang" has "und" as a word.
    CHECK(docs_of(ix, "und") == std::vector<DocId>{0});
    // ... and so with a filter or an exclusion beside it, which ask for no word (none of these
    // articles has a date or a source).
    CHECK(docs_of(ix, "date:none und") == std::vector<DocId>{0});
    CHECK(docs_of(ix, "und source:=\"\"") == std::vector<DocId>{0});
    CHECK(docs_of(ix, "und -Hafen") == std::vector<DocId>{0});
    CHECK(docs_of(ix, "the und") == std::vector<DocId>{0}); // "the": a stopword of every language here
    CHECK(docs_of(ix, "date:none die Häuser") == std::vector<DocId>{1, 2});
    CHECK(ix.field_length(2, Field::Body) == 6); // neue Haus Stadt steht Bürgern offen; das der allen: stopwords
    // Prefixes and typos work on the words as written, in every language.
    CHECK(docs_of(ix, "häus*") == std::vector<DocId>{1, 2});
    CHECK(docs_of(ix, "hafem~1") == std::vector<DocId>{1});
    // The index's analyzers: its own, and one for each language that came.
    CHECK(ix.analyzer_for("de").options().language == "german");
    CHECK(ix.analyzer_for("de-AT").options().language == "german");
    CHECK(ix.analyzer_for("fr").options().language == "french");
    CHECK(&ix.analyzer_for("en") == &ix.analyzer());
    CHECK(&ix.analyzer_for("it") == &ix.analyzer()); // no Italian article: the index's own
    CHECK(&ix.analyzer_for("") == &ix.analyzer());
    CHECK(ix.other_analyzers().size() == 2);
}

TEST_CASE("a query word is read in each language of the index, only where the readings differ") {
    const auto articles = mixed();
    Index ix = mixed_index(articles);
    // Only readings whose terms the index holds are added.
    // hauser in English articles, haus in German ones (the language of slot 1, the first that
    // came; French reads it haus too, but no French article has it).
    CHECK(to_string(parse_query("Häuser", ix)) == "OR(hauser, haus@1)");
    CHECK(to_string(parse_query("storm", ix)) == "storm");
    CHECK(to_string(parse_query("\"neue Haus\"", ix)) == "OR(\"neue haus\", \"neu haus\"@1)");
    // An English-only index reads a query exactly as its analyzer does.
    Index english = search_fixtures::news_index();
    for (const char* q : {"Häuser", "heavy rain", "\"heavy rain\"", "storm-surge", "harb*", "hurricne~1", "-storm"})
        CHECK(to_string(parse_query(q, english)) == to_string(parse_query(q, english.analyzer())));
}

TEST_CASE("as you type, the last word is a prefix and also the word itself, in each language") {
    const auto articles = mixed();
    Index ix = mixed_index(articles);
    ParseOptions typing;
    typing.as_you_type = true;
    CHECK(to_string(parse_query("Häusern", ix, typing)) == "OR(hausern*, hausern, haus@1)");
    SearchOptions o;
    o.parse.as_you_type = true;
    o.limit = 10;
    auto docs = [&](std::string_view q) {
        std::vector<DocId> out;
        for (const Hit& h : search(ix, q, o).hits) out.push_back(h.doc);
        std::sort(out.begin(), out.end());
        return out;
    };
    // No word in the library begins with "hausern"; German articles have its stem.
    CHECK(docs("Häusern") == std::vector<DocId>{1, 2});
    // English too: "houses" is no prefix of "house".
    CHECK(docs("harbours") == std::vector<DocId>{0});
    // From two letters on, the word itself too; a single letter is only a prefix.
    CHECK(to_string(parse_query("hau", ix, typing)) == "OR(hau*, hau)");
    CHECK(to_string(parse_query("h", ix, typing)) == "h*");
    // A German word the library holds is meant as written, though its English reading is no
    // term there: no near spellings for it ("binder" is a typo away from "kinder").
    Index small;
    small.add(in("de", article("Spielplatz", "Die Kinder spielen im Garten hinter der Schule.")), "de");
    small.add(in("en", article("Office", "The binder holds the papers of the school.")), "en");
    const SearchResult r = search(small, "Kinder ", o);
    CHECK(r.matched.near.empty());
    REQUIRE(r.hits.size() == 1);
    CHECK(r.hits[0].doc == 0);
}

TEST_CASE("a word that is a stopword in some languages asks nothing of their articles in an AND") {
    const auto articles = mixed();
    Index ix = mixed_index(articles);
    // "die" is a German stopword: German articles match "die Häuser" by Häuser alone, while in
    // English articles "die" is a word they must hold (French reads it "di", which no article has).
    CHECK(to_string(parse_query("die Häuser", ix)) == "AND(OR(die, ALL@1), OR(hauser, haus@1))");
    CHECK(docs_of(ix, "die Häuser") == std::vector<DocId>{1, 2});
    // "und" is a German stopword and an English article's word ("Sturm und Drang").
    CHECK(docs_of(ix, "Sturm und Drang") == std::vector<DocId>{0});
    // On its own such a word finds the articles that hold it, not every German one.
    CHECK(docs_of(ix, "und") == std::vector<DocId>{0});
    // ... and so with a filter or an exclusion beside it, which ask for no word (none of these
    // articles has a date or a source).
    CHECK(docs_of(ix, "date:none und") == std::vector<DocId>{0});
    CHECK(docs_of(ix, "und source:=\"\"") == std::vector<DocId>{0});
    CHECK(docs_of(ix, "und -Hafen") == std::vector<DocId>{0});
    CHECK(docs_of(ix, "the und") == std::vector<DocId>{0}); // "the": a stopword of every language here
    CHECK(docs_of(ix, "date:none die Häuser") == std::vector<DocId>{1, 2});
    // Words that are all German stopwords ask nothing of German articles: they do not all match.
    CHECK(docs_of(ix, "die der") == std::vector<DocId>{});
    CHECK(to_string(parse_query("die der", ix)) == "AND(die, der)");
    // A stopword of every language is left out, as in an index of one language.
    CHECK(to_string(parse_query("the harbour", ix)) == "harbour");
    // Side by side words ORed (match_all off) are not made to match everything.
    ParseOptions any;
    any.match_all = false;
    CHECK(to_string(parse_query("die Häuser", ix, any)) == "OR(die, hauser, haus@1)");
    // An exclusion of such a word excludes only the articles that hold it.
    CHECK(docs_of(ix, "Haus -und") == std::vector<DocId>{1, 2});
}

TEST_CASE("each reading of a word matches only the articles of its languages: no cross-language stems") {
    // "politique" is polit in French, as "Politik" is in German; read in French, the word must
    // not find the German article, nor the French reading of a German word the French one.
    const std::vector<broadsheet::Article> articles = {
        in("de", article("Neue Politik", "Die Politik der Regierung wurde im Parlament scharf kritisiert.")),
        in("fr", article("La politique du gouvernement", "La politique du gouvernement a été critiquée au parlement.")),
        in("en", article("Political row", "The government's policy was criticised in parliament.")),
    };
    Index ix = mixed_index(articles);
    CHECK(docs_of(ix, "politique") == std::vector<DocId>{1});
    CHECK(docs_of(ix, "Politik") == std::vector<DocId>{0});
    CHECK(docs_of(ix, "political") == std::vector<DocId>{2});
    // A prefix is of the words as written, whatever their language.
    CHECK(docs_of(ix, "polit*") == std::vector<DocId>{0, 1, 2});
    // The documents' languages are in the file.
    LoadedIndex loaded = load_index(save_index(ix));
    REQUIRE(loaded.ok());
    for (DocId d = 0; d < 3; ++d) CHECK(loaded.index->language_slot(d) == ix.language_slot(d));
    CHECK(docs_of(*loaded.index, "politique") == std::vector<DocId>{1});
    CHECK(docs_of(*loaded.index, "Politik") == std::vector<DocId>{0});
}

TEST_CASE("a surface two languages stem differently is there for both, and found by prefix and typo") {
    const auto articles = mixed();
    Index ix = mixed_index(articles);
    // "gehen" is the English article's word gehen and the German article's stem geh.
    REQUIRE(ix.find("gehen"));
    REQUIRE(ix.find(german("geh")));
    CHECK(docs_of(ix, "gehen") == std::vector<DocId>{1, 4});
    CHECK(docs_of(ix, "gehe*") == std::vector<DocId>{1, 4});
    CHECK(docs_of(ix, "gehem~1") == std::vector<DocId>{1, 4});
    std::vector<TermId> prefixed;
    ix.terms_with_prefix("gehen", prefixed);
    CHECK(prefixed.size() == 2);
}

TEST_CASE("highlights and snippets of an article use its language's analyzer") {
    const auto articles = mixed();
    Index ix = mixed_index(articles);
    const MatchSet matched = search(ix, "Haus").matched;
    const auto& german = articles[1];
    std::vector<std::string> marked;
    for (broadsheet::ByteRange r : find_highlights(german.text, matched, ix.analyzer_for(german.language), broadsheet::search::Field::Body))
        marked.emplace_back(german.text.substr(r.begin, r.size()));
    CHECK(marked == std::vector<std::string>{"Häuser", "Hause"});
    // The English analyzer's terms are not a German article's: it marks nothing there.
    CHECK(find_highlights(german.text, matched, ix.analyzer(), broadsheet::search::Field::Body).empty());
    const Snippet s = make_snippet(german, matched, ix.analyzer_for(german.language));
    CHECK(!s.highlights.empty());
    // The concordance takes each article's own analyzer.
    auto lines = concordance(ix, "Haus", [&](DocId d) { return &articles[d]; });
    std::vector<std::string> keywords;
    for (const ConcordanceLine& l : lines) {
        const auto& a = articles[l.doc];
        const std::string_view text = l.field == Field::Title ? std::string_view(a.title) : std::string_view(a.text);
        keywords.emplace_back(text.substr(l.match.begin, l.match.size()));
    }
    CHECK(keywords == std::vector<std::string>{"Häuser", "Häuser", "Hause", "Haus", "Haus"});
}

TEST_CASE("removing an article in another language gives the index it had without it") {
    const auto articles = mixed();
    for (bool with_article : {true, false}) {
        CAPTURE(with_article);
        Index ix = mixed_index(articles);
        ix.trim();
        if (with_article) CHECK(ix.remove(1, articles[1]));
        else CHECK(ix.remove(1));
        CHECK(docs_of(ix, "Haus") == std::vector<DocId>{2});
        CHECK(docs_of(ix, "gehen") == std::vector<DocId>{4});
        REQUIRE(ix.find(german("geh")));
        REQUIRE(ix.find(german("haf"))); // Hafen, in German
        CHECK(ix.doc_frequency(*ix.find(german("geh"))) == 0);
        CHECK(ix.doc_frequency(*ix.find(german("haf"))) == 0);
        CHECK(ix.doc_frequency(*ix.find(german("haus"))) == 1);
    }
}

TEST_CASE("the file keeps the article languages: a loaded index reads and takes articles as before") {
    const auto articles = mixed();
    Index ix = mixed_index(articles);
    std::vector<const broadsheet::Article*> stored;
    for (const auto& a : articles) stored.push_back(&a);
    LoadedIndex loaded = load_index(save_index(ix, stored));
    REQUIRE(loaded.ok());
    Index& back = *loaded.index;
    CHECK(back.analyzer_for("de").options().language == "german");
    CHECK(back.other_analyzers().size() == 2);
    REQUIRE(loaded.articles.size() == articles.size());
    for (size_t i = 0; i < articles.size(); ++i) CHECK(loaded.articles[i].language == articles[i].language);
    for (const char* q : {"Haus", "Häusern", "house", "maison", "und", "gehen", "gehe*", "gehem~1", "häus*", "\"neue Haus\""}) {
        CAPTURE(q);
        CHECK(docs_of(back, q) == docs_of(ix, q));
    }
    // Added after loading, a German article is stemmed in German; the same file saved again is
    // the same bytes as the index built at once.
    const auto more = in("de", article("Hausbesuch", "Der Arzt kam ins Haus; die Häuser der Nachbarn blieben leer."));
    back.add(more, "doc5");
    ix.add(more, "doc5");
    CHECK(docs_of(back, "Häuser") == std::vector<DocId>{1, 2, 5});
    CHECK(save_index(back) == save_index(ix));
}

TEST_CASE("version 4 to 7 files (before article languages; times of day; sources; paragraph gaps) still load") {
    Index ix = search_fixtures::news_index();
    const auto news = search_fixtures::news();
    std::vector<const broadsheet::Article*> stored;
    for (const auto& a : news) stored.push_back(&a);
    const size_t n = ix.id_limit();
    // Version 8 differs from 7 by the analyzer flag 8 (paragraph gaps), which a version 7 file
    // never has: its positions run on across paragraphs.
    // Version 7 differs from 6 by the sources after the documents' keys: vu(count) str(source)
    // {count} u32(source){n}. Version 6 differs from 5 only by the documents' times (two bytes
    // each, after their dates: 0x8000, none, in these articles' dates), and 5 from 4 here only by
    // the count of article languages (one byte, 0) after the options (str("english") u8(flags) at
    // the body's start, after the 20-byte header) and the documents' language slots (a byte
    // each, all 0) after the times.
    constexpr size_t kCount = 20 + 8 + 1;
    const size_t times = kCount + 1 + 4 + 4 + n + 4 * n, slots = times + 2 * n;
    size_t key_bytes = 0;
    for (DocId d = 0; d < n; ++d) key_bytes += ix.key(d).size();
    const size_t sources_at = slots + n + 4 * broadsheet::search::kFieldCount * n + 4 * n + key_bytes;
    // "Reuters", "BBC", "Guardian", "Local", "NHK", in the order the documents first name them.
    const std::string source_table = std::string("\x05") + "\x07Reuters" + "\x03" "BBC" + "\x08Guardian" + "\x05Local" + "\x03NHK";
    const uint32_t doc_sources[] = {1, 2, 1, 3, 2, 4, 5, 1};
    std::string sources = source_table;
    for (uint32_t s : doc_sources) sources += std::string(1, char(s)) + std::string(3, '\0');
    for (bool with_articles : {false, true}) {
        CAPTURE(with_articles);
        const std::string v8 = with_articles ? save_index(ix, stored) : save_index(ix);
        REQUIRE(v8.substr(20, 8) == std::string("\x07") + "english");
        REQUIRE(v8[kCount - 1] == char(1 | 2 | 4 | 8)); // the flags
        std::string v7 = v8;
        v7[kCount - 1] = char(1 | 2 | 4);
        v7[8] = 7;
        REQUIRE(v7[kCount] == 0);
        std::string no_times;
        for (size_t d = 0; d < n; ++d) no_times += std::string("\x00\x80", 2);
        REQUIRE(v7.substr(times, 2 * n) == no_times);
        REQUIRE(v7.substr(slots, n) == std::string(n, '\0'));
        REQUIRE(v7.substr(sources_at, sources.size()) == sources);
        std::string v6 = v7;
        v6.erase(sources_at, sources.size());
        v6[8] = 6;
        std::string v5 = v6;
        v5.erase(times, 2 * n);
        v5[8] = 5;
        std::string v4 = v5;
        v4.erase(times, n); // the slots, where the times were
        v4.erase(kCount, 1);
        v4[8] = 4;
        for (const std::string* old : {&v7, &v6, &v5, &v4}) {
            if (with_articles && old == &v4) continue; // version 4's stored articles also lack their language
            CAPTURE(int((*old)[8]));
            LoadedIndex loaded = load_index(reseal(*old));
            REQUIRE(loaded.ok());
            CHECK(loaded.index->other_analyzers().empty());
            CHECK_FALSE(loaded.index->analyzer_options().paragraph_gaps);
            for (const char* q : {"storm", "heavy rain", "harb*", "hurricne~1", "by:roe", "date:2014"}) {
                CAPTURE(q);
                CHECK(docs_of(*loaded.index, q) == docs_of(ix, q));
            }
            for (DocId d = 0; d < n; ++d) {
                if (old != &v6 && old != &v7) CHECK(loaded.index->time_of_day(d) == kNoTime);
                // The sources come from the stored articles, where the file has them.
                CHECK(loaded.index->source_name(loaded.index->source_id(d)) == (with_articles || old == &v7 ? news[d].source : ""));
            }
        }
    }
}

TEST_CASE("a file naming an unknown article language, or the index's own, is refused") {
    Index ix;
    ix.add(in("de", article("Haus", "Das Haus am See.")), "a");
    const std::string good = save_index(ix);
    const size_t at = good.find("\x06german");
    REQUIRE(at != std::string::npos);
    for (const char* name : {"germax", "klingo", "englis"}) {
        std::string bad = good;
        bad.replace(at + 1, 6, name);
        LoadedIndex loaded = load_index(reseal(bad));
        CAPTURE(name);
        CHECK_FALSE(loaded.ok());
        CHECK(loaded.error.find("unknown article language") != std::string::npos);
    }
    // The index's own language named again.
    std::string own = good;
    own.replace(at, 7, std::string("\x07") + "english");
    LoadedIndex loaded = load_index(reseal(own));
    CHECK_FALSE(loaded.ok());
    CHECK(loaded.error.find("unknown article language") != std::string::npos);
}
