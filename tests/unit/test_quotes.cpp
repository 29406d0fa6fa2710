#include "broadsheet/analysis.hpp"
#include "broadsheet/import.hpp"

#include "test_helpers.hpp"

#include <doctest/doctest.h>

using broadsheet::text_of;

namespace {

// The seed article's body, as the importer gives it.
std::string seed_text() {
    auto r = broadsheet::import_file(
        "seed", read_file(shared_path("samples/register-china-im-real-names.txt")));
    return r.ok() && !r.articles.empty() ? r.articles[0].text : std::string();
}

struct Found {
    std::vector<broadsheet::Quote> quotes;
    broadsheet::Entities entities;
    std::string_view text;

    std::string_view speaker_name(size_t i) const {
        int32_t e = quotes.at(i).entity;
        return e < 0 ? std::string_view() : text_of(text, entities.list[size_t(e)].name);
    }
    std::string_view str(broadsheet::ByteRange r) const { return text_of(text, r); }
};

Found find(std::string_view text) {
    Found f;
    f.text = text;
    f.entities = broadsheet::find_entities(text);
    f.quotes = broadsheet::find_quotes(text, f.entities);
    return f;
}

} // namespace

// Hand-checked reading of the seed: Jiang Jun speaks in paragraphs 7 and 9, each time a quote
// attributed ("said Jiang Jun, spokesman of the SIIO" / "Jiang said") followed by a second
// sentence in quotes with no attribution of its own, which continues his. The SIIO ("the office",
// "The SIIO") is the source of two quoted phrases embedded in reported speech, one told to Xinhua.
// (Issue 7 says the two continuing quotes are "in paragraphs with no attribution of their own";
// in the seed they share the attributed quote's paragraph.)
TEST_CASE("the seed has four quotes from Jiang Jun and two phrases from the SIIO") {
    std::string text = seed_text();
    REQUIRE_MESSAGE(!text.empty(), "cannot read the seed sample under ", BROADSHEET_SHARED_DIR);
    Found f = find(text);
    struct Row {
        std::string_view starts;
        std::string_view speaker;    // the entity's name
        std::string_view as_written; // the speaker's words in the text
        std::string_view cue;
        std::string_view attribution;
        int32_t continues;
    };
    const std::string_view siio = "State Internet Information Office";
    const Row rows[] = {
        {"safeguard national security and public interests", siio, "The office", "told",
         "The office told state media mouthpiece Xinhua", -1},
        {"A few people are using the platforms", "Jiang Jun", "Jiang Jun", "said",
         "said Jiang Jun, spokesman of the SIIO", -1},
        {"Such behaviours have raised bitter feelings among netizens.", "Jiang Jun", "Jiang Jun",
         "said", "said Jiang Jun, spokesman of the SIIO", 1},
        {"handle illegal information in a timely manner", siio, "The SIIO", "said", "The SIIO said",
         -1},
        {"Cyberspace cannot become a space full of disorder and hostility", "Jiang Jun", "Jiang",
         "said", "Jiang said", -1},
        {"No country in the world allows dissemination", "Jiang Jun", "Jiang", "said", "Jiang said",
         4},
    };
    REQUIRE(f.quotes.size() == std::size(rows));
    for (size_t i = 0; i < std::size(rows); ++i) {
        const Row& row = rows[i];
        const auto& q = f.quotes[i];
        CAPTURE(row.starts);
        CHECK(f.str(q.text).starts_with(row.starts));
        CHECK(f.speaker_name(i) == row.speaker);
        CHECK(f.str(q.speaker) == row.as_written);
        CHECK(f.str(q.cue) == row.cue);
        CHECK(f.str(q.attribution) == row.attribution);
        CHECK(q.continues == row.continues);
    }
    // Quote text is what stood between the marks, less the comma that leads into the attribution.
    CHECK(f.str(f.quotes[1].text).ends_with("slander and rumours"));
    CHECK(text.substr(f.quotes[0].text.begin - 3, 3) == "\xE2\x80\x9C"); // right after “
}

TEST_CASE("attributions before, after and around the quote name the speaker") {
    struct Row {
        std::string_view text;
        std::string_view speaker; // the entity's name, or the words as written when no entity
        std::string_view cue;
        size_t quotes;
    };
    const Row rows[] = {
        {"\"We will win this,\" said Anna Berg, head of the union.", "Anna Berg", "said", 1},
        {"\xE2\x80\x98We will win this,\xE2\x80\x99 Anna Berg said.", "Anna Berg", "said",
         1}, // ‘ ’
        {"\xE2\x80\x9CWe will win this,\xE2\x80\x9D Anna Berg told reporters.", "Anna Berg", "told",
         1}, // “ ”
        {"\xC2\xAB Nous gagnerons bien \xC2\xBB, dit Marie Curie.", "Marie Curie", "dit", 1}, // « »
        {"\xE2\x80\x9EWir schaffen das\xE2\x80\x9C, sagte Angela Merkel.", "Angela Merkel", "sagte",
         1}, // „ “
        {"According to Mary Jones, \"the plan is dead now.\"", "Mary Jones", "According to", 1},
        {"Tom Hale said: \"It is over for us.\"", "Tom Hale", "said", 1},
        {"The ministry said that prices would be \"kept under control\".", "The ministry", "said",
         1},
        {"\"It is over,\" Tom Hale said, \"and we lost it.\"", "Tom Hale", "said", 2},
        {"\"Good work,\" said Tom Hale. \"Yes indeed,\" he said.", "Tom Hale", "said", 2},
        {"\"Not now,\" a senior banker said.", "a senior banker", "said", 1},
        // A role before the name, the verb after it.
        {"\"Migration is now being seen,\" ISD spokesman Tahir Della told DW.", "Tahir Della", "told", 1},
        {"\"It is over,\" union leader Anna Berg said on Monday.", "Anna Berg", "said", 1},
        // An apposition between the speaker and the verb; "told" names the listener, never the speaker.
        {"Board chairman John Tower, a former senator from Texas, told a press conference, \"We found problems.\"",
         "John Tower", "told", 1},
        {"Robert Dole, a key Reagan ally, told reporters the report showed \"colossal blunders\" at the top.", "Robert Dole", "told", 1},
        {"The meeting ended early and officials told reporters, \"We have nothing to add.\"", "officials", "told", 1},
        // The person of an organisation, not the organisation.
        {"\"You want your stock to reflect realistic valuations,\" said E.F. Hutton Group analyst Michael Lewis.", "Michael Lewis", "said", 1},
        {"\"The Fed couldn't have waited,\" added Security Pacific's Bob Bannon.", "Bob Bannon", "added", 1},
        {"Stephen Slifer of Shearson Lehman Brothers Inc added, \"We have some very good data.\"", "Stephen Slifer",
         "added", 1}, // a name begun before the few words read back from the verb
        // The subject of "was quoted as saying", whoever quoted him.
        {"Oil Minister Ali al-Sabah was quoted by the daily al-Qabas as saying: \"No member has asked.\"",
         "Ali al-Sabah", "as saying", 1},
        {"The official was quoted as saying \"prices will hold\" until June.", "The official", "as saying", 1},
        // A speech verb's word capitalised inside a name is the name's ("the United States"); the
        // verb of the sentence speaks. A title is no part of the speaker's name.
        {"Clayton Yeutter said that the United States would respond \"vigorously\" to the tax.", "Clayton Yeutter", "said", 1},
        {"\"It is running ahead,\" Treasurer Paul Keating said.", "Paul Keating", "said", 1},
        // A title joined by a hyphen is cut off too, so "he" finds the person after it.
        {"Federal Reserve Board Vice-Chairman Manuel Johnson spoke.\n\n\"Trying to depress the dollar would hurt,\" he said.",
         "Manuel Johnson", "said", 1},
        {"SAID THE MINISTER: \"WE WILL NOT PAY.\"", "THE MINISTER", "SAID", 1},
    };
    for (const Row& row : rows) {
        CAPTURE(row.text);
        Found f = find(row.text);
        REQUIRE(f.quotes.size() == row.quotes);
        for (size_t i = 0; i < f.quotes.size(); ++i) {
            std::string_view who =
                f.speaker_name(i).empty() ? f.str(f.quotes[i].speaker) : f.speaker_name(i);
            CAPTURE(f.str(f.quotes[i].speaker));
            CHECK(who == row.speaker);
            CHECK(f.str(f.quotes[i].cue) == row.cue);
        }
    }
}

TEST_CASE("a quote split around its attribution continues its first part") {
    Found f = find("\"It is over,\" Tom Hale said, \"and we lost it.\"");
    REQUIRE(f.quotes.size() == 2);
    CHECK(f.str(f.quotes[0].text) == "It is over");
    CHECK(f.str(f.quotes[1].text) == "and we lost it.");
    CHECK(f.quotes[1].continues == 0);
}

TEST_CASE("a quotation over several paragraphs keeps its speaker in every paragraph") {
    // Newspaper style: the first paragraph is left unclosed, the next one reopens the quote.
    Found f =
        find("\"The first part of it runs on.\n\n\"The second part ends here,\" said Tom Hale.\n\n"
             "Then he left the room.");
    REQUIRE(f.quotes.size() == 2);
    CHECK(f.str(f.quotes[0].text) == "The first part of it runs on.");
    CHECK(f.quotes[1].continues == 0);
    CHECK(f.speaker_name(0) == "Tom Hale");
    CHECK(f.speaker_name(1) == "Tom Hale");

    // A paragraph that is only a quote continues the attributed quote of the paragraph before.
    f = find(
        "\"One thing first,\" said Tom Hale.\n\n\"Another thing entirely.\"\n\nThe talks went on.");
    REQUIRE(f.quotes.size() == 2);
    CHECK(f.quotes[1].continues == 0);
    CHECK(f.speaker_name(1) == "Tom Hale");
    // ... but not across an unrelated paragraph.
    f = find(
        "\"One thing first,\" said Tom Hale.\n\nThe talks went on.\n\n\"Another thing entirely.\"");
    REQUIRE(f.quotes.size() == 2);
    CHECK(f.quotes[1].continues == -1);
    CHECK(f.quotes[1].entity == -1);
}

TEST_CASE("ugly input: unbalanced marks, apostrophes and scare quotes make no quotes") {
    struct Row {
        std::string_view text;
        size_t quotes;
    };
    const Row rows[] = {
        {"", 0},
        {"\"", 0},
        {"\xE2\x80\x9D\xE2\x80\x9C", 0},
        {"He said \"this never ends.\n\nNext paragraph without a quote.",
         0},                                                   // unclosed, not reopened
        {"It's the users' data, isn't it? Rock 'n' roll.", 0}, // apostrophes
        {"The so-called \"netizens\" were angry.", 0},         // one word: a scare quote
        {"He appeared on NBC's \"Today\" program.", 0},        // a title in the writer's sentence
        {"Corporate \"raiders\" and the \"must buy\" levels were named.", 0}, // terms
        {"\"We will act,\" he said. Critics called the scheme a \"real name\" trap.", 1}, // not his words
        {"He said the rules had been \"carefully worded.\"", 1}, // ends the sentence: his words
        {"The sign read: \"Real names only.\"", 1},           // after a colon: a quotation
        {"\"He told me 'no way' twice,\" she said.", 1},       // nested single quotes
        {"\"Unclosed at the end of the text", 0},
        {"\xFF\xFE\"Bytes \xC0 that are not UTF-8,\" said Tom Hale.", 1},
        {"\"OK,\" she said.", 1}, // one word, but attributed
    };
    for (const Row& row : rows) {
        CAPTURE(row.text);
        Found f = find(row.text);
        CHECK(f.quotes.size() == row.quotes);
        for (const auto& q : f.quotes) CHECK(q.text.end <= row.text.size());
    }
    // A very long paragraph of quotes.
    std::string text;
    for (int i = 0; i < 3000; ++i) text += "\"We will see about that,\" said Tom Hale. ";
    Found f = find(text);
    REQUIRE(f.quotes.size() == 3000);
    CHECK(f.speaker_name(2999) == "Tom Hale");
}

TEST_CASE("a role names the person earlier given that role, not merely the last person named") {
    const std::string text =
        "\"OPEC's problem is not a price problem,\" said Paul Mlotok, oil analyst with Salomon Brothers Inc.\n\n"
        "\"You cannot have fixed prices,\" said the regional manager for one of the major oil companies.\n\n"
        "\"Prices will hold,\" the analyst said.\n\n"
        "\"We will see,\" a spokesman said.";
    Found f = find(text);
    REQUIRE(f.quotes.size() == 4);
    CHECK(f.speaker_name(0) == "Paul Mlotok");
    CHECK(f.speaker_name(1).empty()); // an unnamed manager: no one's words are put in Mlotok's mouth
    CHECK(f.str(f.quotes[1].speaker) == "the regional manager");
    CHECK(f.speaker_name(2) == "Paul Mlotok"); // "the analyst": the one named an analyst
    CHECK(f.speaker_name(3).empty());          // "a spokesman": someone not named
}

TEST_CASE("unnamed, anonymous and foreign speakers stay unnamed; a name in an apposition or before 'of Place' speaks") {
    const std::string text =
        "\"Conrail is in the best position,\" said Drew Robertson, analyst at Atlantic Systems Inc.\n\n"
        "\"It will survive,\" said another analyst who declined to be identified.\n\n"
        "\"The plan will hold,\" the analyst, who asked not to be identified, said.\n\n"
        "\"President Reagan told the people what they needed to hear,\" Senate Republican Leader Robert Dole of Kansas said.\n\n"
        "Minister of State for Finance, Tom Hockin, said he was \"delighted\" with the cut.\n\n"
        "\"The market is overheated,\" a European dealer said.";
    Found f = find(text);
    REQUIRE(f.quotes.size() == 6);
    CHECK(f.speaker_name(0) == "Drew Robertson");
    CHECK(f.speaker_name(1).empty()); // "another analyst": not Robertson
    CHECK(f.speaker_name(2).empty()); // anonymous
    CHECK(f.str(f.quotes[3].speaker) == "Senate Republican Leader Robert Dole of Kansas");
    CHECK(f.speaker_name(3) != "Kansas");
    CHECK(f.quotes[3].continues == -1); // its own attribution, not the quote before's
    CHECK(f.str(f.quotes[4].speaker) == "Tom Hockin");
    CHECK(f.str(f.quotes[5].speaker) == "a European dealer");
    CHECK(f.speaker_name(5).empty()); // "European" names no one
}

TEST_CASE("'he' after a speaker brought in without a name is that speaker, unless someone is named since") {
    // Someone new ("a", "one", "another"), never named: "he" is him.
    Found a = find("\"Prices will fall,\" said Anna Berg of Acme. \"They have peaked,\" a senior dealer said.\n\n"
                   "\"Nobody is buying,\" he said.");
    REQUIRE(a.quotes.size() == 3);
    CHECK(a.speaker_name(2).empty());
    CHECK(a.quotes[2].same_as == 1);
    CHECK(a.str(a.quotes[size_t(a.quotes[2].same_as)].speaker) == "a senior dealer");
    // and again at the next "he"
    Found twice = find("\"They have peaked,\" one trader said.\n\n\"Nobody is buying,\" he said. \"Not yet,\" he added.");
    REQUIRE(twice.quotes.size() == 3);
    CHECK(twice.quotes[1].same_as == 0);
    CHECK(twice.quotes[2].same_as == 0);
    // A person named after him is "he".
    Found named = find("\"They have peaked,\" one trader said.\n\nJohn Kemp, an analyst at Acme, expects more. "
                       "\"Nobody is buying,\" he said.");
    REQUIRE(named.quotes.size() == 2);
    CHECK(named.speaker_name(1) == "John Kemp");
    CHECK(named.quotes[1].same_as == -1);
    // "The spokesman" may be the person named before: that person is "he".
    Found definite = find("Heinz chairman Tony O'Reilly would be interested, a spokesman said.\n\n"
                          "The spokesman said \"He is interested in the brewery.\"\n\n\"It is a fair price,\" he said.");
    REQUIRE(definite.quotes.size() == 2);
    CHECK(definite.speaker_name(1) == "Tony O'Reilly");
    // Named by an employer and a trade, he is still no one named ("one CBT crush trader"), and
    // "he" is him, not a person the text named before him.
    Found employer = find("\"Prices will fall,\" said Anna Berg of Acme.\n\n\"Many bought March,\" one CBT crush "
                          "trader said.\n\n\"They have been bailing out,\" he added.");
    REQUIRE(employer.quotes.size() == 3);
    CHECK(employer.speaker_name(2).empty());
    CHECK(employer.quotes[2].same_as == 1);
    // Not a report, nor a company.
    Found report = find("\"Output fell,\" the report said.\n\n\"It will rise,\" he said.");
    REQUIRE(report.quotes.size() == 2);
    CHECK(report.quotes[1].same_as == -1);
}

TEST_CASE("'he' after someone who speaks in reported speech since the last quote is him") {
    // McCarthy speaks in reported speech after Slifer's quote: "he" is McCarthy.
    Found reported = find("\"Aggregates look weak,\" Stephen Slifer of Shearson Lehman Brothers Inc added.\n\n"
                          "Ward McCarthy noted that the economy was losing momentum. \"Some indicators are "
                          "not as rosy,\" he noted.");
    REQUIRE(reported.quotes.size() == 2);
    CHECK(reported.speaker_name(0) == "Stephen Slifer"); // his employer after "of" does not speak
    CHECK(reported.speaker_name(1) == "Ward McCarthy");
    // So does one with his employer after "of".
    Found employer = find("\"Buy now,\" Jane Roe said.\n\nJulius Maldutis of Salomon Brothers Inc said the deal "
                          "helps. \"Debt stays stable,\" he said.");
    REQUIRE(employer.quotes.size() == 2);
    CHECK(employer.speaker_name(1) == "Julius Maldutis");
    // One named since who does not speak is not "he": the last speaker is.
    Found object = find("\"We will act,\" Defense Secretary Caspar Weinberger said.\n\nCongress praised "
                        "Ward McCarthy for the plan. \"We are ready,\" he said.");
    REQUIRE(object.quotes.size() == 2);
    CHECK(object.speaker_name(1) == "Caspar Weinberger");
}

TEST_CASE("'he' after someone unnamed who spoke in reported speech points at how the text named him") {
    Found official = find("Egypt owes 4.5 billion dlrs.\n\nThe official said the IMF agreement requires higher "
                          "energy prices.\n\n\"Egypt will seek loans at once,\" he said.");
    REQUIRE(official.quotes.size() == 1);
    CHECK(official.speaker_name(0).empty());
    CHECK(official.quotes[0].same_as == -1);
    CHECK(official.str(official.quotes[0].referent) == "The official");
    // A quote split around its attribution keeps it in its second part, and so does the next "he".
    Found split = find("The official said the IMF agreement requires higher energy prices.\n\n"
                       "\"Egypt will seek loans,\" he said, \"at once.\" \"It is urgent,\" he added.");
    REQUIRE(split.quotes.size() == 3);
    CHECK(split.quotes[1].continues == 0);
    CHECK(split.str(split.quotes[1].referent) == "The official");
    CHECK(split.str(split.quotes[2].referent) == "The official");
    Found trader = find("Markets were dull, one dollar straight trader said.\n\n\"It is tedious,\" he said.");
    REQUIRE(trader.quotes.size() == 1);
    CHECK(trader.str(trader.quotes[0].referent) == "one dollar straight trader");
    // The phrase's head before "for": "a spokesman for Tencent" is the spokesman, not the firm.
    Found firm = find("More than 5.8 million accounts face review, a spokesman for Tencent said.\n\n"
                      "\"It is a worry for our users,\" he said.");
    REQUIRE(firm.quotes.size() == 1);
    CHECK(firm.str(firm.quotes[0].referent) == "a spokesman for Tencent");
    // Only the last one to speak: here a place, so no one.
    Found last = find("The official said prices rose.\n\nA spokesman for the ministry in Bonn said figures were late.\n\n"
                      "\"There is no motive,\" he said.");
    REQUIRE(last.quotes.size() == 1);
    CHECK(last.quotes[0].referent.size() == 0);
    // A person named is "he", not the unnamed one.
    Found named = find("The official said prices rose, Tom Hale said.\n\n\"It is over,\" he said.");
    REQUIRE(named.quotes.size() == 1);
    CHECK(named.speaker_name(0) == "Tom Hale");
    CHECK(named.quotes[0].referent.size() == 0);
}

TEST_CASE("'it' after a body quoted without a name is that body; after a document, its author") {
    // Not the organisation quoted before the body ("the chamber" is the Chamber of Commerce).
    Found body = find("\"Margins will be squeezed,\" the Zimbabwe National Chamber of Commerce said.\n\n"
                      "The Zimbabwe Congress of Trade Unions said the freeze would hurt.\n\n"
                      "\"Inflation hits the poor hardest,\" the union body said.\n\n"
                      "It added that the freeze was \"bolting the stable door\" too late.");
    REQUIRE(body.quotes.size() == 3);
    CHECK(body.speaker_name(0) == "Zimbabwe National Chamber of Commerce");
    CHECK(body.speaker_name(2).empty());
    CHECK(body.quotes[2].same_as == 1);
    // A report's "it" is the organisation that wrote it, named before.
    Found report = find("The World Bank published its review of Peru today.\n\n"
                        "\"Growth cannot last,\" the report said.\n\n"
                        "It said that \"inflation will return\" by June.");
    REQUIRE(report.quotes.size() == 2);
    CHECK(report.quotes[1].same_as == -1);
    CHECK(report.speaker_name(1) == "World Bank");
}

TEST_CASE("German attributions: the present tense, \"so\" after the quote, \"er\" and \"sie\"") {
    std::string text =
        "Die Stadt will die Stra\xC3\x9F" "e im Sommer sperren. \xE2\x80\x9E" "Das ist f\xC3\xBCr uns ein schwerer Schlag\xE2\x80\x9C, "
        "sagt Ingo Degenhardt vom Gewerkschaftsbund.\n\n"
        "\xE2\x80\x9E" "Wir werden jetzt abwarten, was in den n\xC3\xA4" "chsten Wochen passiert\xE2\x80\x9C, so Degenhardt.\n\n"
        "\xE2\x80\x9E" "Der Verkehr wird sich verlagern\xE2\x80\x9C, erkl\xC3\xA4rt die B\xC3\xBCrgermeisterin.\n\n"
        "Auch Kathrin B\xC3\xBCrger sagte am Montag, die Anwohner seien entt\xC3\xA4uscht. \xE2\x80\x9E" "Niemand wurde gefragt\xE2\x80\x9C, sagte sie.\n\n"
        "\xE2\x80\x9E" "Das kann man so gut wie ausschlie\xC3\x9F" "en\xE2\x80\x9C, so gut wie alle anderen auch.\n\n"
        "Gianni lacht und sagt: \xE2\x80\x9E" "Nein, schon okay.\xE2\x80\x9C";
    Found f = find(text);
    REQUIRE(f.quotes.size() == 6);
    CHECK(f.str(f.quotes[0].cue) == "sagt");
    CHECK(f.speaker_name(0) == "Ingo Degenhardt");
    CHECK(f.str(f.quotes[1].cue) == "so");
    CHECK(f.speaker_name(1) == "Ingo Degenhardt");
    CHECK(f.str(f.quotes[2].speaker) == "die B\xC3\xBCrgermeisterin"); // unnamed, the phrase whole
    CHECK(f.quotes[2].entity < 0);
    CHECK(f.str(f.quotes[3].speaker) == "sie");
    CHECK(f.speaker_name(3) == "Kathrin B\xC3\xBCrger");
    // "so gut wie" names no speaker: the quote continues the one before (it opens its paragraph);
    // nor does a conjunction begin a speaker ("… und sagt").
    CHECK(f.str(f.quotes[4].cue) != "so");
    CHECK(f.quotes[4].continues == 3);
    CHECK(f.str(f.quotes[5].speaker).find("und") == std::string_view::npos);
    // In English text "so" after a quote is no attribution.
    Found en = find("He left the room. \"We will wait and see,\" so Britain must act now, the paper wrote in "
                    "an editorial on Monday about the talks in Brussels and what they mean for trade.");
    REQUIRE(en.quotes.size() == 1);
    CHECK(en.quotes[0].speaker.size() == 0);
}

TEST_CASE("'she' is not a man the text calls Mr, nor 'he' a woman it calls Mrs; a wife's Mrs does not make him one") {
    // The last quoted speaker is "Mr Ryzhkov": "she" is the woman named since.
    Found met = find("\"Trade will grow,\" Mr Ryzhkov said.\n\nPrime Minister Margaret Thatcher met him on Monday. "
                     "\"It was a useful talk,\" she said.\n\n\"We agreed,\" Mr Ryzhkov said. \"It will help,\" he added.");
    REQUIRE(met.quotes.size() == 4);
    CHECK(met.speaker_name(0) == "Ryzhkov");
    CHECK(met.speaker_name(1) == "Margaret Thatcher");
    CHECK(met.speaker_name(3) == "Ryzhkov");
    // "Mrs Reagan" (his wife) merged into his surname twice among many mentions: "he" is still him.
    Found wife = find("President Reagan denounced reports that Mrs Reagan runs the government. Reagan said so "
                      "twice. Reagan spoke again.\n\nHe said the reports had \"touched a nerve and hurt us both.\"");
    REQUIRE(wife.quotes.size() == 1);
    CHECK(wife.speaker_name(0) == "Reagan");
}
