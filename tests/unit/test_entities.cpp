#include "broadsheet/analysis.hpp"
#include "broadsheet/import.hpp"

#include "test_helpers.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <vector>

using broadsheet::EntityKind;
using broadsheet::text_of;

namespace {

// The seed article's body, as the importer gives it.
std::string seed_text() {
    auto r = broadsheet::import_file(
        "seed", read_file(shared_path("samples/register-china-im-real-names.txt")));
    return r.ok() && !r.articles.empty() ? r.articles[0].text : std::string();
}

// The entity whose fullest name is `name`, or nullptr.
const broadsheet::Entity* named(std::string_view text, const broadsheet::Entities& es,
                                std::string_view name) {
    for (const auto& e : es.list)
        if (text_of(text, e.name) == name) return &e;
    return nullptr;
}

// Every mention lies inside the text, in order, without overlaps, and names a listed entity.
void check_mentions_well_formed(std::string_view text, const broadsheet::Entities& es) {
    uint32_t prev_end = 0;
    std::vector<uint32_t> counts(es.list.size(), 0);
    for (const auto& m : es.mentions) {
        CHECK(m.range.begin >= prev_end);
        CHECK(m.range.end <= text.size());
        CHECK(m.range.begin < m.range.end);
        REQUIRE(m.entity < es.list.size());
        ++counts[m.entity];
        prev_end = m.range.end;
    }
    for (size_t e = 0; e < es.list.size(); ++e) CHECK(es.list[e].count == counts[e]);
}

// Every entity's fullest name, in order of first mention, its mentions checked well-formed.
std::vector<std::string_view> names_in(std::string_view text) {
    auto es = broadsheet::find_entities(text);
    check_mentions_well_formed(text, es);
    std::vector<std::string_view> got;
    for (const auto& e : es.list) got.push_back(text_of(text, e.name));
    return got;
}

} // namespace

TEST_CASE("the seed's people, organisations and places are found with their kinds and counts") {
    std::string text = seed_text();
    REQUIRE_MESSAGE(!text.empty(), "cannot read the seed sample under ", BROADSHEET_SHARED_DIR);
    auto es = broadsheet::find_entities(text);
    check_mentions_well_formed(text, es);

    // Hand-checked: counts are mentions in the body (the acronym's definition "(SIIO)" is one).
    struct Row {
        std::string_view name;
        EntityKind kind;
        uint32_t count;
    };
    const Row rows[] = {
        {"China", EntityKind::Place, 2}, // "in China" marks the place; "Chinese" is not China
        {"State Internet Information Office", EntityKind::Organisation,
         4}, // + "(SIIO)", 2 x "SIIO"
        {"WeChat", EntityKind::Other, 2},
        {"Laiwang", EntityKind::Other, 1},
        {"Xinhua", EntityKind::Organisation, 2}, // "state media mouthpiece Xinhua"
        {"Jiang Jun", EntityKind::Person, 2},    // "Jiang Jun, spokesman of" + "Jiang said"
        {"Twitter", EntityKind::Other, 1},       // split off "Chinese Twitter"
        {"Weibo", EntityKind::Other, 1},
        {"Supreme Court", EntityKind::Organisation, 1},
    };
    for (const Row& row : rows) {
        CAPTURE(row.name);
        const auto* e = named(text, es, row.name);
        REQUIRE(e != nullptr);
        CHECK(e->kind == row.kind);
        CHECK(e->count == row.count);
    }
    const auto* siio = named(text, es, "State Internet Information Office");
    REQUIRE(siio != nullptr);
    CHECK(text_of(text, siio->acronym) == "SIIO");
}

TEST_CASE("capitals at sentence starts and inside quotes are not names") {
    std::string text = seed_text();
    REQUIRE(!text.empty());
    auto es = broadsheet::find_entities(text);
    for (std::string_view word :
         {"The", "According", "Social", "Users", "While", "In", "Cyberspace", "Such", "No", "A",
          "Jiang", "SIIO", "Chinese Twitter", "Office"}) {
        CAPTURE(word);
        CHECK(named(text, es, word) == nullptr);
    }
}

TEST_CASE("a people's adjective alone after an article is a name, never an empty one") {
    std::string text = "Thatcher threatened to block Japanese firms after the Japanese placed curbs on British banks.";
    auto es = broadsheet::find_entities(text);
    check_mentions_well_formed(text, es);
    for (const auto& e : es.list) CHECK(!text_of(text, e.name).empty());
    CHECK(named(text, es, "Japanese") != nullptr);
}

TEST_CASE("a capital after an abbreviation's dot proves no more than one at a sentence start") {
    std::string text = "U.S. Rice exports fell as rice prices rose, the U.S. Agriculture Department said. "
                       "The U.S. Has said agriculture has to wait; it has no more rice.";
    auto es = broadsheet::find_entities(text);
    CHECK(named(text, es, "U.S. Rice") == nullptr);
    CHECK(named(text, es, "U.S. Has") == nullptr);
    CHECK(named(text, es, "Rice") == nullptr);
    const auto* us = named(text, es, "U.S.");
    REQUIRE(us != nullptr);
    CHECK(us->kind == EntityKind::Place);
    CHECK(us->count == 2);
    const auto* usda = named(text, es, "U.S. Agriculture Department");
    REQUIRE(usda != nullptr);
    CHECK(usda->kind == EntityKind::Organisation);
}

TEST_CASE("a currency after a country in title case is no part of a name") {
    std::string text = "The loan of 30 mln U.S. Dlrs and 5 mln H.K. Dlrs was signed, Michel Marks said.";
    auto es = broadsheet::find_entities(text);
    CHECK(named(text, es, "U.S. Dlrs") == nullptr);
    CHECK(named(text, es, "H.K. Dlrs") == nullptr);
    const auto* us = named(text, es, "U.S.");
    REQUIRE(us != nullptr);
    CHECK(us->kind == EntityKind::Place);
    const auto* marks = named(text, es, "Michel Marks"); // a surname, not a currency
    REQUIRE(marks != nullptr);
    CHECK(marks->kind == EntityKind::Person);
}

TEST_CASE("a code after 'in' is no place") {
    std::string text = "Growth in M-1 slowed while M-1 rose in Bahia. M-1 is money.";
    auto es = broadsheet::find_entities(text);
    const auto* m1 = named(text, es, "M-1");
    CHECK((m1 == nullptr || m1->kind != EntityKind::Place));
    const auto* bahia = named(text, es, "Bahia");
    REQUIRE(bahia != nullptr);
    CHECK(bahia->kind == EntityKind::Place);
}

TEST_CASE("an office before its 'of' is no name of its own") {
    std::string text = "Loans will grow, said Director of Public Credit Mauricio Cabrera.";
    auto es = broadsheet::find_entities(text);
    CHECK(named(text, es, "Director") == nullptr);
    CHECK(named(text, es, "Loans") == nullptr);
}

TEST_CASE("a sentence-initial word before a passive speech verb is no name, nor a legal form alone") {
    // "recalled" is a speech verb, but "recalled by" says who did it, not who spoke.
    std::string text = "The governor left. Eventually recalled by the Reich, he went home.";
    auto es = broadsheet::find_entities(text);
    CHECK(named(text, es, "Eventually") == nullptr);
    CHECK(named(text, es, "Reich") != nullptr);
    // A legal form left alone is no name; with the company's name it is part of it.
    std::string firm = "Shares of Acme Holdings Ltd rose. Ltd shares of the group were up.";
    auto firms = broadsheet::find_entities(firm);
    CHECK(named(firm, firms, "Ltd") == nullptr);
    CHECK(named(firm, firms, "Acme Holdings Ltd") != nullptr);
    std::string spoke = "The governor left. Petersen recalled the day he went home.";
    auto spoken = broadsheet::find_entities(spoke);
    CHECK(named(spoke, spoken, "Petersen") != nullptr);
}

TEST_CASE("names in small texts get the kind their context gives them") {
    struct Row {
        std::string_view text;
        std::string_view name;
        EntityKind kind;
    };
    const Row rows[] = {
        // organisation words, titles, roles, places
        {"Shares of Acme Widgets Inc rose sharply.", "Acme Widgets Inc", EntityKind::Organisation},
        {"Rates were raised by the Bank of England today.", "Bank of England",
         EntityKind::Organisation},
        {"The Securities and Exchange Commission sued.", "Securities and Exchange Commission",
         EntityKind::Organisation},
        {"Prime Minister Theresa May resigned.", "Theresa May", EntityKind::Person},
        {"Oil rose, said Chancellor of the Exchequer Nigel Lawson.", "Nigel Lawson", EntityKind::Person},
        {"Talks went well, said Minister of State for Finance Tom Hockin.", "Tom Hockin", EntityKind::Person},
        {"Secretary of State for Inter-American Affairs Paul Taylor left.", "Paul Taylor", EntityKind::Person},
        {"The chairman of Reading and Bates Drilling Co. resigned.", "Reading and Bates Drilling Co.",
         EntityKind::Organisation},
        // the field an organisation is "for", whole; not a second organisation, office or place
        {"The Organisation for Economic Cooperation and Development (OECD) said so.",
         "Organisation for Economic Cooperation and Development", EntityKind::Organisation},
        {"A study by the Centre for Science and Environment found lead.", "Centre for Science and Environment",
         EntityKind::Organisation},
        {"The Council for Trade and Commerce Secretary Malcolm Baldrige met.", "Malcolm Baldrige", EntityKind::Person},
        {"The Council for Trade and Commerce Secretary Malcolm Baldrige met.", "Council for Trade", EntityKind::Organisation},
        {"The Institute for Fiscal Studies and Federal Reserve Board agreed.", "Federal Reserve Board", EntityKind::Organisation},
        {"The Committee for Refugees and Kenya signed.", "Kenya", EntityKind::Place},
        {"The House Committee on Energy and Commerce voted.", "House Committee on Energy and Commerce", EntityKind::Organisation},
        {"Rates fell, the U.S. Treasury said.", "U.S. Treasury", EntityKind::Organisation},
        {"Rates fell, the White House said.", "White House", EntityKind::Organisation},
        {"Rates fell, Merrill Lynch Capital Markets said.", "Merrill Lynch Capital Markets", EntityKind::Organisation},
        {"Rates fell, Warburg Securities said.", "Warburg Securities", EntityKind::Organisation},
        {"Output rose, the China Daily said.", "China Daily", EntityKind::Organisation},
        {"Prices rose, Statistics Canada said.", "Statistics Canada", EntityKind::Organisation},
        {"The National Association of Securities Dealers said so.", "National Association of Securities Dealers",
         EntityKind::Organisation},
        // "General" before one word is no rank; a chamber or a ministry before an office is no part of the name
        {"Shares of General Electric rose.", "General Electric", EntityKind::Other},
        {"Talks under the General Agreement on Tariffs and Trade resumed.", "General Agreement", EntityKind::Other},
        {"General Colin Powell spoke.", "Colin Powell", EntityKind::Person},
        {"Profits will rise, General Electric said.", "General Electric", EntityKind::Other}, // a company speaks
        // a role capitalised before a full name is cut off as a title
        {"Spokesman Marlin Fitzwater said so.", "Marlin Fitzwater", EntityKind::Person},
        {"Senate Republican Leader Robert Dole said the veto would hold.", "Robert Dole", EntityKind::Person},
        {"Soviet Leader Mikhail Gorbachev spoke.", "Mikhail Gorbachev", EntityKind::Person},
        {"It is fraud, SEC Chief Accountant Clarence Sampson said.", "Clarence Sampson", EntityKind::Person},
        {"Lawyer F. Lee Bailey said so.", "F. Lee Bailey", EntityKind::Person},
        {"The Economist Intelligence Unit expects growth.", "Economist Intelligence Unit", EntityKind::Other},
        // a people's adjective before one word begins a name, unless an article says it describes
        {"Profits will rise, American Express said.", "American Express", EntityKind::Other},
        {"Talks with British Petroleum ended.", "British Petroleum", EntityKind::Other},
        {"It is the Chinese Twitter equivalent.", "Twitter", EntityKind::Other},
        {"Trade with the Eastern Bloc grew.", "Eastern Bloc", EntityKind::Other},
        {"Japanese Finance Minister Kiichi Miyazawa spoke.", "Kiichi Miyazawa", EntityKind::Person},
        {"Rain fell in Southern California.", "California", EntityKind::Place},
        {"Profits will rise, said Assistant Manager John Farquharson.", "Assistant Manager John Farquharson",
         EntityKind::Person},
        // titles that also begin names of things: cut before a full name or another title only
        {"Special Agent Maria Lopez said the FBI was looking.", "Maria Lopez", EntityKind::Person},
        {"Chief Constable Sara Thornton spoke.", "Sara Thornton", EntityKind::Person},
        {"Deputy Director Mark Felt said so.", "Mark Felt", EntityKind::Person},
        {"Archbishop Desmond Tutu spoke.", "Desmond Tutu", EntityKind::Person},
        {"They met Rabbi Jonathan Sacks.", "Jonathan Sacks", EntityKind::Person},
        {"Talks with IMF Managing Director Michel Camdessus ended.", "Michel Camdessus", EntityKind::Person},
        {"White House Chief of Staff Howard Baker left.", "Howard Baker", EntityKind::Person},
        {"Agent Orange was sprayed.", "Agent Orange", EntityKind::Other},
        {"The IMF lends in Special Drawing Rights.", "Special Drawing Rights", EntityKind::Other},
        {"Shares of Cardinal Health fell.", "Cardinal Health", EntityKind::Other},
        // a name with its people or its shares after it is an employer, though it speaks
        {"Prices will fall, said Goldman Sachs analyst Jim Brown.", "Goldman Sachs", EntityKind::Organisation},
        {"Prices will fall, said Goldman Sachs analyst Jim Brown.", "Jim Brown", EntityKind::Person},
        {"Credit Suisse shares fell. Credit Suisse said it would cut jobs.", "Credit Suisse", EntityKind::Organisation},
        {"Morgan Stanley economists expect a cut, Morgan Stanley said.", "Morgan Stanley", EntityKind::Organisation},
        {"The board named John Smith chairman of the company, John Smith said.", "John Smith", EntityKind::Person},
        {"West German economists expect a cut.", "West German", EntityKind::Other},
        // two particles inside a name, as one
        {"Commission President Ursula von der Leyen said the plan would work.", "Ursula von der Leyen", EntityKind::Person},
        {"The bill will pass, said Representative Kika de la Garza.", "Kika de la Garza", EntityKind::Person},
        // the words before an office are no person for its first title
        {"On Friday Deputy U.S. Trade Representative Michael Smith left.", "Michael Smith", EntityKind::Person},
        {"On Friday Deputy U.S. Trade Representative Michael Smith left.", "U.S. Trade", EntityKind::Other},
        {"He met Azusa Hayashi, Director of the First International Economic Affairs Division.",
         "First International Economic Affairs Division", EntityKind::Organisation},
        {"Sales at the Chevrolet Motor Division rose.", "Chevrolet Motor Division", EntityKind::Organisation},
        {"The bill passed, House Speaker Jim Wright said.", "Jim Wright", EntityKind::Person},
        {"Treasury Secretary Baker met Stoltenberg.", "Baker", EntityKind::Person},
        // titles joined by hyphens: cut off as the words are
        {"Vice-President George Bush spoke.", "George Bush", EntityKind::Person},
        {"Federal Reserve Board Vice-Chairman Manuel Johnson cautioned.", "Manuel Johnson", EntityKind::Person},
        {"Federal Reserve Board Vice-Chairman Manuel Johnson cautioned.", "Federal Reserve Board",
         EntityKind::Organisation},
        {"They wrote to U.N. Secretary-General Javier Perez de Cuellar.", "Javier Perez de Cuellar", EntityKind::Person},
        {"Federal Reserve Board Vice-Chairman Manuel Johnson warned of federal deficits.", "Federal Reserve Board",
         EntityKind::Organisation}, // an institution's adjective at a sentence start, lowercase elsewhere
        {"It was, said Commerce Department Under-Secretary Robert Ortner, too low.", "Robert Ortner",
         EntityKind::Person},
        {"Shares of Coca-Cola Bottling rose.", "Coca-Cola Bottling", EntityKind::Other},
        // an office with "of": its object may have more words than one
        {"Undersecretary of Commerce Bruce Smart spoke.", "Bruce Smart", EntityKind::Person},
        {"Loans will grow, said Director of Public Credit Mauricio Cabrera. The credit comes from banks.",
         "Mauricio Cabrera", EntityKind::Person},
        // a full name "of" a company works there; a company "of" a place is its branch
        {"Philip Braverman of Irving Trust Securities Inc believes banks will buy.", "Philip Braverman",
         EntityKind::Person},
        {"Peter Greenbaum of Smith, Barney, Harris Upham and Co expects a rebound.", "Peter Greenbaum",
         EntityKind::Person},
        {"Porsche Cars of North America Inc raised its prices.", "Porsche Cars", EntityKind::Other},
        {"Rates will fall, Keiichi Udagawa of Bank of Tokyo in New York expects.", "Keiichi Udagawa", EntityKind::Person},
        {"They spoke of a Joint Session of Congress in May.", "Joint Session", EntityKind::Other},
        {"Output rose, the Chamber of Mines said. Gold Fields of South Africa Ltd agreed.", "Gold Fields",
         EntityKind::Other},
        {"Output rose, the Chamber of Mines said. Gold Fields of South Africa Ltd agreed.", "Chamber of Mines",
         EntityKind::Organisation},
        {"The Milan Chamber of Commerce said so.", "Milan Chamber of Commerce", EntityKind::Organisation},
        {"The Confederation of British Industry said so.", "Confederation of British Industry", EntityKind::Organisation},
        {"Defense Department Inspector General June Gibbs Brown found it.", "June Gibbs Brown", EntityKind::Person},
        {"The chairman of the House Agriculture Subcommittee spoke.", "House Agriculture Subcommittee",
         EntityKind::Organisation},
        {"Marcel Cazale, President of the French Maize Producers' Association, said so.", "Maize Producers",
         EntityKind::Other}, // no person: the words after "of the" own an apostrophe
        {"Few sold at official OPEC prices.", "OPEC", EntityKind::Other},
        // a role in an apposition, after an employer or a qualifier; not a role that speaks
        {"John Sculley, Apple chairman and chief executive, declined to comment.", "John Sculley", EntityKind::Person},
        {"Prices fell, Bruce Lupatkin, senior technology analyst with Hambrecht, wrote.", "Bruce Lupatkin",
         EntityKind::Person},
        {"In Tokyo, finance ministry officials said nothing.", "Tokyo", EntityKind::Place},
        {"They have a powerful ally in Donald Trump, who represents a threat.", "Donald Trump", EntityKind::Person},
        {"Fears grew at Vandeco, the company spokesman said.", "Vandeco", EntityKind::Other},
        // an office between an organisation and a name: two names
        {"Senate Finance Committee Chairman Lloyd Bentsen spoke.", "Lloyd Bentsen", EntityKind::Person},
        {"Senate Finance Committee Chairman Lloyd Bentsen spoke.", "Senate Finance Committee", EntityKind::Organisation},
        // a role right after an organisation's word is an office too
        {"It is over, ruling Radical Party Deputy Raul Baglini told a radio station.", "Raul Baglini", EntityKind::Person},
        {"It is over, ruling Radical Party Deputy Raul Baglini told a radio station.", "Radical Party", EntityKind::Organisation},
        {"Sales rose, Prudential Group Chief Executive Brian Corby said.", "Brian Corby", EntityKind::Person},
        {"Defense Secretary Caspar Weinberger disagreed.", "Caspar Weinberger", EntityKind::Person},
        {"Bank of England Governor Robin Leigh-Pemberton said so.", "Bank of England", EntityKind::Organisation},
        {"Later Mr Okafor arrived.", "Okafor", EntityKind::Person},
        {"It was, said Maria Lopez, a mistake.", "Maria Lopez", EntityKind::Person},
        {"We met Pedro Alves, the director of the museum.", "Pedro Alves", EntityKind::Person},
        {"Heavy rain fell in Bahia this week.", "Bahia", EntityKind::Place},
        {"Barges on the Yangtze River stopped.", "Yangtze River", EntityKind::Place},
        {"Profits at the carmaker Tovana fell.", "Tovana", EntityKind::Organisation},
        // an institution that speaks is no person for its two words
        {"Exports will rise, the U.S. Embassy said.", "U.S. Embassy", EntityKind::Organisation},
        {"The Berlin City Museum will show the maps.", "Berlin City Museum", EntityKind::Organisation},
        {"Tickets went on sale for Charles de Gaulle Airport flights.", "Charles de Gaulle Airport",
         EntityKind::Place},
        // non-English Latin text: capitalisation and the few cues listed for the language
        {"Selon le ministère, Emmanuel Macron a parlé hier.", "Emmanuel Macron", EntityKind::Other},
        {"Les taux de la Banque de France ont baissé.", "Banque de France",
         EntityKind::Organisation},
        {"Gestern hat Angela Merkel gesprochen, sagte er.", "Angela Merkel", EntityKind::Other},
        {"Une réunion au palais de l'Élysée Montmartre a eu lieu.", "Élysée Montmartre",
         EntityKind::Other},
    };
    for (const Row& row : rows) {
        CAPTURE(row.text);
        auto es = broadsheet::find_entities(row.text);
        check_mentions_well_formed(row.text, es);
        const auto* e = named(row.text, es, row.name);
        REQUIRE(e != nullptr);
        CHECK(e->kind == row.kind);
    }
}

TEST_CASE("table labels, dates after a name and labels before a colon are not names") {
    // Reuters-21578 results and dividend tables, one row a paragraph, and a "NOTE:" line.
    std::string text = "Qtly div 12 cts vs 12 cts prior\n\nPay April 15\n\nRecord March 20\n\n"
                       "NOTE: Full name is Ohio Mattress Co.\n\nPeople and Society\n\n"
                       "Ministers of the European Community met the Ohio Mattress Co board.";
    auto es = broadsheet::find_entities(text);
    check_mentions_well_formed(text, es);
    for (std::string_view word : {"Pay April", "Pay", "Record March", "Record", "NOTE", "and Society",
                                  "European", "Community"}) {
        CAPTURE(word);
        CHECK(named(text, es, word) == nullptr);
    }
    const auto* ec = named(text, es, "European Community");
    REQUIRE(ec != nullptr);
    CHECK(ec->kind == EntityKind::Organisation);
    CHECK(named(text, es, "Ohio Mattress Co") != nullptr);
    // A month without a number after it may end a name.
    std::string event = "Thousands marched on Bloody Sunday in Derry.";
    CHECK(named(event, broadsheet::find_entities(event), "Bloody Sunday") != nullptr);
    // After a listed place it is a futures contract's month, or a day: not the name's.
    std::string futures = "Butter sold at 2.27 times New York Dec, and at 2.28 times New York Sept. Ecuador Tuesday said no.";
    auto fs = broadsheet::find_entities(futures);
    REQUIRE(fs.list.size() == 2);
    CHECK(text_of(futures, fs.list[0].name) == "New York");
    CHECK(fs.list[0].count == 2);
    CHECK(text_of(futures, fs.list[1].name) == "Ecuador");
    std::string person = "Officials met Prime Minister Theresa May in London.";
    CHECK(named(person, broadsheet::find_entities(person), "Theresa May") != nullptr);
}

TEST_CASE("an acronym defined in the text stands for its long name everywhere") {
    std::string_view text =
        "The World Health Organization (WHO) met on Monday. Later the WHO said little, "
        "and WHO staff went home.";
    auto es = broadsheet::find_entities(text);
    const auto* who = named(text, es, "World Health Organization");
    REQUIRE(who != nullptr);
    CHECK(who->kind == EntityKind::Organisation);
    CHECK(who->count == 4);
    CHECK(text_of(text, who->acronym) == "WHO");
    CHECK(named(text, es, "WHO") == nullptr);
    // An acronym the text uses without defining it stands for the one long name whose capitalised
    // words it spells; not for a person's initials, and not when two names spell it.
    std::string_view undefined = "The Organisation for Economic Cooperation and Development met. The OECD said "
                                 "Gross Domestic Product would grow; GDP rose 2 pct. Chairman John Paul Smith said so. JPS left.";
    auto u = broadsheet::find_entities(undefined);
    const auto* oecd = named(undefined, u, "Organisation for Economic Cooperation and Development");
    REQUIRE(oecd != nullptr);
    CHECK(oecd->count == 2);
    CHECK(text_of(undefined, oecd->acronym) == "OECD");
    CHECK(named(undefined, u, "OECD") == nullptr);
    const auto* gdp = named(undefined, u, "Gross Domestic Product");
    REQUIRE(gdp != nullptr);
    CHECK(gdp->count == 2);
    CHECK(named(undefined, u, "JPS") != nullptr);
    std::string_view two = "The National Security Council met and Norfolk Southern Corp sold shares. NSC said so.";
    auto t = broadsheet::find_entities(two);
    CHECK(named(two, t, "NSC") != nullptr);
    // Letters that are not the initials define nothing.
    auto other = broadsheet::find_entities("The Ocean Trust (XYZ) met. XYZ left.");
    CHECK(text_of("The Ocean Trust (XYZ) met. XYZ left.", other.list.at(0).acronym).empty());
}

TEST_CASE("a surname or given name alone is merged into the full name") {
    std::string_view text =
        "The talks were led by Jiang Jun, spokesman of the office. Later Jiang left. "
        "Brown-Forman Inc said sales rose; Brown-Forman also said costs fell.";
    auto es = broadsheet::find_entities(text);
    const auto* jiang = named(text, es, "Jiang Jun");
    REQUIRE(jiang != nullptr);
    CHECK(jiang->count == 2);
    CHECK(jiang->kind == EntityKind::Person);
    const auto* bf = named(text, es, "Brown-Forman Inc");
    REQUIRE(bf != nullptr);
    CHECK(bf->count == 2);
    CHECK(bf->kind == EntityKind::Organisation);
    // A name that is part of two longer names stays apart: it could be either.
    auto two = broadsheet::find_entities("Then Anna Berg and Tom Berg arrived; Berg spoke first.");
    CHECK(two.list.size() == 3);
}

TEST_CASE("mentions are byte ranges that Entities::at finds again") {
    std::string_view text = "Yesterday Acme Widgets Inc hired Maria Lopez.";
    auto es = broadsheet::find_entities(text);
    REQUIRE(es.mentions.size() == 2);
    CHECK(text_of(text, es.mentions[1].range) == "Maria Lopez");
    CHECK(es.at(es.mentions[1].range) == 1);
    CHECK(es.at({uint32_t(text.find("Lopez")), uint32_t(text.find("Lopez") + 2)}) == 1);
    CHECK(es.at({0, 9}) == -1); // "Yesterday"
}

TEST_CASE("ugly input gives fewer entities, never a crash") {
    // Unicode rows: NBSP between the names, a soft hyphen and a zero-width space inside words.
    std::string_view nbsp = "The deal was signed by Jiang\xC2\xA0Jun, spokesman of it.";
    auto es = broadsheet::find_entities(nbsp);
    REQUIRE(es.list.size() == 1);
    CHECK(text_of(nbsp, es.list[0].name) == "Jiang\xC2\xA0Jun");

    std::string_view shy = "Users of Wei\xC2\xAD"
                           "bo complained.";
    es = broadsheet::find_entities(shy);
    REQUIRE(es.list.size() == 1);
    CHECK(text_of(shy, es.list[0].name) == "Wei\xC2\xAD"
                                           "bo");

    CHECK(broadsheet::find_entities("").list.empty());
    CHECK(broadsheet::find_entities("   \n\n  ").list.empty());
    // A paragraph in capitals says nothing about names by its capitals: only a listed place in it
    // is one.
    const std::string shouted = "CHINA CRACKS DOWN ON INSTANT MESSENGERS AND USERS MUST HAND OVER NAMES";
    es = broadsheet::find_entities(shouted);
    REQUIRE(es.list.size() == 1);
    CHECK(text_of(shouted, es.list[0].name) == "CHINA");
    CHECK(es.list[0].kind == EntityKind::Place);
    CHECK(broadsheet::find_entities("TELL US WHAT YOU THINK OF THE NEW PHONES AND THE OLD ONES").list.empty());
    // (Pará is a Brazilian state, and "para" a Spanish and Portuguese preposition.)
    CHECK(broadsheet::find_entities("A booklet: GUIA PARA DEJAR DE FUMAR, FREE WITH EVERY ORDER FROM THE CLINIC").list.empty());
    // Invalid UTF-8 and control bytes.
    std::string junk = "Caf\xE9 \xFF\xFE Bahia \x01\x02 in Bahia again";
    es = broadsheet::find_entities(junk);
    check_mentions_well_formed(junk, es);
    CHECK(named(junk, es, "Bahia") != nullptr);
    // A very long paragraph: same names, many times.
    std::string long_text;
    for (int i = 0; i < 5000; ++i)
        long_text += "Officials in Bahia met Maria Lopez of Acme Widgets Inc again. ";
    es = broadsheet::find_entities(long_text);
    check_mentions_well_formed(long_text, es);
    const auto* lopez = named(long_text, es, "Maria Lopez");
    REQUIRE(lopez != nullptr);
    CHECK(lopez->count == 5000);
    // Lowercase text and caseless scripts have no capitals to go on.
    CHECK(broadsheet::find_entities("no capitals here at all, said nobody.").list.empty());
    CHECK(
        broadsheet::find_entities("\xE4\xB8\xAD\xE5\x9B\xBD\xE5\xAE\x98\xE6\x96\xB9").list.empty());
}

TEST_CASE("places come from the gazetteer whatever their context, and from English context cues") {
    struct Row {
        std::string_view text;
        std::string_view name;
        EntityKind kind;
    };
    const Row rows[] = {
        // the gazetteer: ISO names, common names and aliases; a sentence-initial country counts
        {"Exports to Britain rose.", "Britain", EntityKind::Place},
        {"The U.S. trade deficit widened.", "U.S.", EntityKind::Place},
        {"Officials of South Korea and Taiwan protested.", "South Korea", EntityKind::Place},
        {"Officials of South Korea and Taiwan protested.", "Taiwan", EntityKind::Place},
        {"Trade with the Soviet Union grew.", "Soviet Union", EntityKind::Place}, // not "Union"
        {"Ministers of Trinidad and Tobago met.", "Trinidad and Tobago", EntityKind::Place},
        {"Kenya will cut prices.", "Kenya", EntityKind::Place},
        {"Snow fell on California overnight.", "California", EntityKind::Place},
        // context cues [en]: "X province", "the city of X", "the capital X", "X-based"
        {"Floods hit Hubei province.", "Hubei", EntityKind::Place},
        {"He was born in the city of Salvador.", "Salvador", EntityKind::Place},
        {"The Thai capital Bangkok was calm.", "Bangkok", EntityKind::Place},
        {"A Tokyo-based trading house bought it.", "Tokyo", EntityKind::Place},
        {"Tokyo-based Sony Corp said so.", "Sony Corp", EntityKind::Organisation},
        // a person's or an organisation's cue wins over a place's
        {"Queen Victoria opened it.", "Victoria", EntityKind::Person},
        {"He heard from Okafor, a spokesman for the firm.", "Okafor", EntityKind::Person},
        {"Ministers of the Chinese state media met.", "Chinese", EntityKind::Other},
        {"Georgia Gulf Corp rose.", "Georgia Gulf Corp", EntityKind::Organisation},
    };
    for (const Row& row : rows) {
        CAPTURE(row.text);
        CAPTURE(row.name);
        auto es = broadsheet::find_entities(row.text);
        check_mentions_well_formed(row.text, es);
        const auto* e = named(row.text, es, row.name);
        REQUIRE(e != nullptr);
        CHECK(e->kind == row.kind);
    }
    // "X-based" names X alone: the mention stops before the suffix.
    std::string_view based = "A London-based bank and a London bank.";
    auto es = broadsheet::find_entities(based);
    const auto* london = named(based, es, "London");
    REQUIRE(london != nullptr);
    CHECK(london->count == 2);
    // A state's name is a surname too: it joins the one full name it ends; a country's does not.
    std::string_view woolf = "Virginia Woolf wrote it. Later Virginia left.";
    es = broadsheet::find_entities(woolf);
    REQUIRE(named(woolf, es, "Virginia Woolf") != nullptr);
    CHECK(named(woolf, es, "Virginia Woolf")->count == 2);
    CHECK(named(woolf, es, "Virginia Woolf")->kind == EntityKind::Person);
    std::string_view jordan = "Michael Jordan met officials from Jordan.";
    es = broadsheet::find_entities(jordan);
    REQUIRE(named(jordan, es, "Jordan") != nullptr);
    CHECK(named(jordan, es, "Jordan")->kind == EntityKind::Place);
    CHECK(named(jordan, es, "Michael Jordan")->count == 1);
}

TEST_CASE("a dateline at the start of a story names a place, merged with its mixed-case mentions") {
    std::string_view reuters = "SALVADOR, Feb 26 - Rain fell on farms around Salvador this week.";
    auto es = broadsheet::find_entities(reuters);
    check_mentions_well_formed(reuters, es);
    const auto* salvador = named(reuters, es, "Salvador");
    REQUIRE(salvador != nullptr);
    CHECK(salvador->kind == EntityKind::Place);
    CHECK(salvador->count == 2);

    std::string_view agency = "NEW YORK (Reuters) - Shares of Acme Widgets Inc fell.";
    es = broadsheet::find_entities(agency);
    REQUIRE(named(agency, es, "NEW YORK") != nullptr);
    CHECK(named(agency, es, "NEW YORK")->kind == EntityKind::Place);
    REQUIRE(named(agency, es, "Reuters") != nullptr);
    CHECK(named(agency, es, "Reuters")->kind == EntityKind::Organisation);
    // Not a dateline: capitals without a date or an agency, or not at the start.
    std::string_view plain = "IBM, the company - said nothing. Later in Paris, Feb 26 - no.";
    es = broadsheet::find_entities(plain);
    REQUIRE(named(plain, es, "IBM") != nullptr);
    CHECK(named(plain, es, "IBM")->kind != EntityKind::Place);
}

TEST_CASE("in German text, where every noun has its capital, nouns are not names") {
    std::string text =
        "Im vergangenen Jahr haben die Menschen in Deutschland mehr Zeit zu Hause verbracht als je "
        "zuvor. Die Bek\xC3\xA4mpfung von Hunger bleibt ein Ziel der Bundesregierung, sagte der "
        "Sprecher am Montag in Berlin. Nach Angaben des Welternährungsprogramms (WFP) leiden Millionen "
        "Menschen an Hunger, und die Zahl der Menschen in Not steigt in vielen Ländern weiter an, "
        "weil die Preise für Lebensmittel und Energie in diesem Jahr stark gestiegen sind.";
    auto es = broadsheet::find_entities(text);
    check_mentions_well_formed(text, es);
    for (std::string_view noun : {"Jahr", "Menschen", "Zeit", "Hause", "Bek\xC3\xA4mpfung", "Bek\xC3\xA4mpfung von Hunger",
                                  "Hunger", "Ziel", "Sprecher", "Millionen Menschen", "Zahl", "Not", "Preise"}) {
        CAPTURE(noun);
        CHECK(named(text, es, noun) == nullptr);
    }
    CHECK(named(text, es, "WFP") != nullptr);    // an acronym
    CHECK(named(text, es, "Berlin") != nullptr); // a Land, listed
    // The article's language, when the caller knows it, is taken as it is (not detected again).
    std::string short_text = "Die Menschen in der Stadt warten auf neue Regeln.";
    CHECK(named(short_text, broadsheet::find_entities(short_text, "de-DE"), "Menschen") == nullptr);
    CHECK(named(short_text, broadsheet::find_entities(short_text, "en"), "Menschen") != nullptr);
}

TEST_CASE("in German text, compounds and an organisation's word alone are nouns; a role before a name is a title") {
    std::string text =
        "F\xC3\xBCr die Zwei-Gl\xC3\xA4ser-Methode braucht man ein Old-Fashioned-Glas und einen "
        "Cocktail-Shaker. Die Diesel-Autos stehen vor der B\xC3\xBCro-Gemeinschaft, und die "
        "Menschenrechts-NGO kritisiert die Partei. Das Gericht hat am Montag entschieden. "
        "Bundeskanzler Olaf Scholz traf den Volkswagen-Chef Herbert Diess in Berlin, und der "
        "Bereichsleiter Sport war auch dabei. Trainer Christian Streich lobte die Mannschaft. "
        "Sp\xC3\xA4ter sprach Trainer Streich mit der Presse \xC3\xBC" "ber die Saison.";
    auto es = broadsheet::find_entities(text, "de");
    check_mentions_well_formed(text, es);
    for (std::string_view noun : {"Zwei-Gl\xC3\xA4ser-Methode", "Old-Fashioned-Glas", "Cocktail-Shaker", "Diesel-Autos",
                                  "B\xC3\xBCro-Gemeinschaft", "Menschenrechts-NGO", "Partei", "Gericht", "Sport",
                                  "Bundeskanzler Olaf Scholz", "Volkswagen-Chef Herbert Diess"}) {
        CAPTURE(noun);
        CHECK(named(text, es, noun) == nullptr);
    }
    for (std::string_view person : {"Olaf Scholz", "Herbert Diess", "Christian Streich"}) {
        CAPTURE(person);
        REQUIRE(named(text, es, person) != nullptr);
        CHECK(named(text, es, person)->kind == EntityKind::Person);
    }
    // "Trainer Streich" is the Christian Streich named before: one person, two mentions.
    CHECK(named(text, es, "Christian Streich")->count == 2);
    // A role in another case ("dem Vorsitzenden"), a compound naming a body by its end, alone or
    // with an acronym or a listed place after it; a body's word with other nouns after it is no
    // name of one ("Kommission Atomkraft": the run took in a noun).
    std::string bodies =
        "Die Partei hat am Montag einen neuen Chef gew\xC3\xA4hlt. Nach der Wahl gratulierte der "
        "Naturschutzverband LBV dem Vorsitzenden Aleksandar Nikoloski. Die Europ\xC3\xA4ische Kommission "
        "pr\xC3\xBC" "ft den Fall, und die Arbeiterkammer Steiermark auch. Bei der Kommission Atomkraft "
        "gibt es keine Einigung.";
    es = broadsheet::find_entities(bodies, "de");
    check_mentions_well_formed(bodies, es);
    for (std::string_view body : {"Naturschutzverband LBV", "Europ\xC3\xA4ische Kommission", "Arbeiterkammer Steiermark"}) {
        CAPTURE(body);
        REQUIRE(named(bodies, es, body) != nullptr);
        CHECK(named(bodies, es, body)->kind == EntityKind::Organisation);
    }
    REQUIRE(named(bodies, es, "Aleksandar Nikoloski") != nullptr);
    CHECK(named(bodies, es, "Aleksandar Nikoloski")->kind == EntityKind::Person);
    CHECK(named(bodies, es, "Kommission Atomkraft") == nullptr);
    CHECK(named(bodies, es, "Partei") == nullptr);
    // A noun after a preposition with its article does not speak ("zum Beispiel sagte").
    std::string example = "Die Regierung m\xC3\xBCsse mehr tun, hie\xC3\x9F es. Das sei zum Beispiel sagte er am Montag "
                          "in der Debatte \xC3\xBC" "ber die Industrie und die Preise.";
    CHECK(named(example, broadsheet::find_entities(example, "de"), "Beispiel") == nullptr);
    // German particles join a name after a title's (not the title's own "von": "Sprecherin von
    // Greenpeace"); "de", which is no German word, joins too.
    std::string particles =
        "Kommissionspr\xC3\xA4sidentin Ursula von der Leyen traf am Montag die Sprecherin von Greenpeace in "
        "Br\xC3\xBCssel. Die Athleten seien gesund, sagte FEI-Pr\xC3\xA4sident Ingmar de Vos am Abend. Die Bek\xC3\xA4mpfung von Hunger bleibt ein Ziel.";
    es = broadsheet::find_entities(particles, "de");
    check_mentions_well_formed(particles, es);
    for (std::string_view person : {"Ursula von der Leyen", "Ingmar de Vos"}) {
        CAPTURE(person);
        REQUIRE(named(particles, es, person) != nullptr);
        CHECK(named(particles, es, person)->kind == EntityKind::Person);
    }
    for (std::string_view none : {"von Greenpeace", "Sprecherin von Greenpeace", "Bek\xC3\xA4mpfung von Hunger"}) {
        CAPTURE(none);
        CHECK(named(particles, es, none) == nullptr);
    }
    // A brand's capital inside a word is still evidence: "WeChat" is a name.
    std::string brand = "Die Nutzer von WeChat m\xC3\xBCssen ihre Namen angeben, und die Beh\xC3\xB6rde pr\xC3\xBC" "ft das.";
    CHECK(named(brand, broadsheet::find_entities(brand, "de"), "WeChat") != nullptr);
}

TEST_CASE("German and French text gets the gazetteer's places and no guessed ones") {
    // German capitalises every noun: none of them may become a place by guesswork. The gazetteer
    // lists ISO's local names of Länder ("Bayern") but not other languages' exonyms
    // ("Frankreich"), which stay "other"; "in" and "à" are weak cues in these languages too.
    struct Row {
        std::string_view text;
        std::vector<std::string_view> places; // every place found, in order of first mention
    };
    const Row rows[] = {
        {"Die Bundesregierung in Berlin hat am Montag neue Regeln beschlossen. Bayern und Sachsen "
         "lehnen sie ab, sagte ein Sprecher der Regierung. Die Schulen in München bleiben "
         "geschlossen, während Frankreich und Österreich die Grenzen öffnen.",
         // "Bayern" opens a sentence and is named once: not kept, as no such word is; a state's
         // name does not vouch for it as a country's does.
         {"Berlin", "Sachsen", "München"}},
        {"Le gouvernement a annoncé lundi à Paris que les exportations vers la Chine et le Canada "
         "augmenteront, selon le ministère. Emmanuel Macron a salué la décision.",
         {"Paris", "Canada"}},
    };
    for (const Row& row : rows) {
        CAPTURE(row.text);
        auto es = broadsheet::find_entities(row.text);
        check_mentions_well_formed(row.text, es);
        std::vector<std::string_view> places;
        for (const auto& e : es.list)
            if (e.kind == EntityKind::Place) places.push_back(text_of(row.text, e.name));
        CHECK(places == row.places);
    }
}

TEST_CASE("a word alone before an office is a name only where the text names it elsewhere") {
    auto once = broadsheet::find_entities("Defense Secretary Caspar Weinberger disagreed.");
    CHECK(named("Defense Secretary Caspar Weinberger disagreed.", once, "Defense") == nullptr);
    const std::string twice = "Fed Chairman Paul Volcker spoke. The Fed raised rates.";
    auto fed = broadsheet::find_entities(twice);
    CHECK(named(twice, fed, "Fed") != nullptr);
    CHECK(named(twice, fed, "Paul Volcker") != nullptr);
}

TEST_CASE("a company's own 's, a legal form's dot, an ordinal and a first word: company names read whole") {
    struct Row {
        std::string_view text;
        std::vector<std::string_view> names; // every entity's fullest name, in order of first mention
    };
    const Row rows[] = {
        // the 's is the name's when the text never writes the word without it and some mention
        // cannot be a possessive
        {"Moody's Investors Service Inc cut the rating. A Moody's analyst said more cuts may follow.",
         {"Moody's Investors Service Inc"}},
        {"Moody's Investors Service cut the rating of Acme Inc, rated by Moody's since 1980.",
         {"Moody's Investors Service", "Acme Inc", "Moody's"}},
        // an institution's first word alone is not the institution
        {"The London Stock Exchange opened late. Dealers in London said so.", {"London Stock Exchange", "London"}},
        {"The debt was rated by Moody's. Moody's said it was stable.", {"Moody's"}},
        // after a company's name that ends with its dot; its "'s" and "said" make no person
        {"Moody's Investors Service Inc cut USX Corp. Moody's said Marathon Oil Co's debt is safe.",
         {"Moody's Investors Service Inc", "USX Corp.", "Marathon Oil Co"}},
        {"Standard and Poor's said it was reviewing the debt.", {"Standard and Poor's"}},
        {"Standard and Poor's Corp. Salomon Brothers Inc and McDonald's Corp were named.",
         {"Standard and Poor's Corp.", "Salomon Brothers Inc", "McDonald's Corp"}},
        // a possessive stays one: a person's, a country's, an acronym's, a company's
        {"It was Jiang's remarks that upset Beijing, and Jiang said he would stay.", {"Jiang", "Beijing"}},
        {"China's Foreign Ministry said nothing.", {"China", "Foreign Ministry"}},
        {"The USDA's Foreign Agricultural Service said so.", {"USDA", "Foreign Agricultural Service"}},
        {"Robert Maxwell's British Printing and Communications Corp bid. Maxwell's offer stands.",
         {"Robert Maxwell", "British Printing and Communications Corp"}},
        {"Shares of Coca-Cola Co's Entertainment Business Sector Inc fell.",
         {"Coca-Cola Co", "Entertainment Business Sector Inc"}},
        // a legal form with its dot ends the name
        {"It sold its stake to Acme Corp. Beta Ltd was not told.", {"Acme Corp.", "Beta Ltd"}},
        // an ordinal begins a company's name inside a sentence
        {"The underwriter was First Boston Corp, with First National Bank of Chicago.",
         {"First Boston Corp", "First National Bank of Chicago"}},
        // an organisation's first word alone is the organisation, unless it is a people's adjective
        {"Shearson Lehman Brothers Inc bought it. Shearson will pay cash.", {"Shearson Lehman Brothers Inc"}},
        {"Iranian Army units moved. Iranian officials denied it.", {"Iranian Army", "Iranian"}},
        // a company known by its people, by its first word or its last, and with or without a legal form
        {"Kidder Peabody analysts like the stock. Kidder said so.", {"Kidder Peabody"}},
        {"Brent Walker chairman George Smith resigned. Walker said so.", {"Brent Walker", "George Smith"}},
        {"Caesars World shares rose. Caesars World Inc said Caesars would pay.", {"Caesars World Inc"}},
        // not an institution by its place ("Tokyo" is no "Tokyo Stock Exchange")
        {"Tokyo Stock Exchange officials said Tokyo was calm.", {"Tokyo Stock Exchange", "Tokyo"}},
        // an institution's field after "of" goes on over "and"; not a place, an acronym or a name
        {"The Department of Health and Human Services said so.", {"Department of Health and Human Services"}},
        {"The National Institute of Allergy and Infectious Diseases said so.",
         {"National Institute of Allergy and Infectious Diseases"}},
        {"The Ministry of International Trade and Industry (MITI) said so. MITI will act.",
         {"Ministry of International Trade and Industry"}},
        {"The Bank of Japan and Sumitomo Bank agreed.", {"Bank of Japan", "Sumitomo Bank"}},
        {"The Bank of Tokyo and KEB agreed.", {"Bank of Tokyo", "KEB"}},
        {"Acme Holdings Ltd and Beta Corp agreed.", {"Acme Holdings Ltd", "Beta Corp"}},
        {"Ships crossed the Gulf of Aden and Red Sea.", {"Gulf of Aden", "Red Sea"}},
        // a title's place of more than one word, a title before words that are no title
        {"He was formerly Archbishop of Buenos Aires.", {"Buenos Aires"}},
        {"It links a port in the Rason Special Economic Zone to Russia.", {"Rason Special Economic Zone", "Russia"}},
        // an institution by its kind alone, when the text names one of that kind
        {"The Bank of Spain raised reserves, and dealers said the Bank acted late.", {"Bank of Spain"}},
        {"The Bank of Spain and the Bank of France met, and dealers said the Bank acted late.",
         {"Bank of Spain", "Bank of France", "Bank"}},
    };
    for (const Row& row : rows) {
        CAPTURE(row.text);
        CHECK(names_in(row.text) == row.names);
    }
    // A conjunction after the 's: no possessive.
    const std::string_view rated = "The issue is rated A-2 by Moody's and AA by Standard and Poor's.";
    auto rs = broadsheet::find_entities(rated);
    CHECK(named(rated, rs, "Moody's") != nullptr);
    CHECK(named(rated, rs, "Moody") == nullptr);
    CHECK(named(rated, rs, "Standard and Poor's") != nullptr);
    // Joined by "and", a name is no one person, though it speaks.
    const std::string_view said = "\"Ratings will fall,\" said Standard and Poor's.";
    auto sp = broadsheet::find_entities(said);
    const auto* e = named(said, sp, "Standard and Poor's");
    REQUIRE(e != nullptr);
    CHECK(e->kind == EntityKind::Organisation);
    // and the first word alone joins the organisation in the count
    const std::string_view twice = "Shearson Lehman Brothers Inc bought it. Shearson will pay cash.";
    auto sh = broadsheet::find_entities(twice);
    REQUIRE(sh.list.size() == 1);
    CHECK(sh.list[0].count == 2);
}

TEST_CASE("an abbreviation's dot before a word that opens a sentence ends the name") {
    struct Row {
        std::string_view text;
        std::vector<std::string_view> names; // every entity's fullest name, in order of first mention
    };
    const Row rows[] = {
        {"Exports to the U.S. But Japan objected.", {"U.S.", "Japan"}},
        {"Exports rose in the U.S. The Treasury said so.", {"U.S.", "Treasury"}},
        {"Exports fell in the U.S. And Japan bought less.", {"U.S.", "Japan"}},
        // not "And" between initials (a firm's name)
        {"E.D. And F. Man Ltd bought it.", {"E.D. And F. Man Ltd"}},
        // an office alone, its titles all cut, is no name
        {"Memorandum to the Assistant Director of Criminal Enforcement, July 10.", {"Criminal Enforcement"}},
    };
    for (const Row& row : rows) {
        CAPTURE(row.text);
        CHECK(names_in(row.text) == row.names);
    }
}

TEST_CASE("an office named with 'of' alone is no name") {
    const std::string text = "Canada's Minister of State for Finance, Tom Hockin, said progress was made.";
    auto es = broadsheet::find_entities(text);
    check_mentions_well_formed(text, es);
    CHECK(named(text, es, "Finance") == nullptr);
    CHECK(named(text, es, "State for Finance") == nullptr);
    CHECK(named(text, es, "Tom Hockin") != nullptr);
}

TEST_CASE("in another language, English role words after a name are not read as its role") {
    const std::string text = "Los lectores escriben, dice Jorge Makriniotis, gerente general de la empresa.";
    const auto es = broadsheet::find_entities(text, "es");
    const auto* e = named(text, es, "Jorge Makriniotis");
    REQUIRE(e != nullptr);
    CHECK(e->kind == EntityKind::Other); // "general" is no role in Spanish
    const std::string en = "Readers write in, says Jorge Makriniotis, the paper's general manager.";
    const auto ens = broadsheet::find_entities(en, "en");
    const auto* p = named(en, ens, "Jorge Makriniotis");
    REQUIRE(p != nullptr);
    CHECK(p->kind == EntityKind::Person);
}

TEST_CASE("officials, dealers and analysts after a name are no part of it, unless it is an organisation's") {
    std::string_view text = "Rates will rise, U.S. Officials said. Brazilian Dealers agreed.";
    auto es = broadsheet::find_entities(text);
    check_mentions_well_formed(text, es);
    CHECK(named(text, es, "U.S. Officials") == nullptr);
    CHECK(named(text, es, "Brazilian Dealers") == nullptr);
    CHECK(named(text, es, "U.S.") != nullptr);
}

TEST_CASE("shouted function words, forum abbreviations and 'I' with a verb are no names") {
    std::string_view text = "Well, I think so. I'm sure I've seen it, and I\xE2\x80\x99ll say it: DO NOT TRUST THEM. BTW, "
                            "IMHO the FBI was wrong, YOU know. The WHO said so. The US agreed. OK?";
    auto es = broadsheet::find_entities(text);
    check_mentions_well_formed(text, es);
    for (std::string_view junk : {"I'm", "I've", "I\xE2\x80\x99ll", "DO NOT TRUST THEM", "NOT", "BTW", "IMHO", "YOU", "OK"}) {
        CAPTURE(junk);
        CHECK(named(text, es, junk) == nullptr);
    }
    CHECK(named(text, es, "FBI") != nullptr);
    CHECK(named(text, es, "WHO") != nullptr); // it speaks
    CHECK(named(text, es, "US") != nullptr);  // a listed country
    // A headline in capitals is no name, but the listed places in it are.
    struct Headline {
        std::string_view text, place;
    };
    for (const Headline& headline : {Headline{"FBI SAYS SUSPECT FLED TO CANADA", "CANADA"},
                                     Headline{"STOCKS FALL IN NEW YORK AS DOLLAR SLIPS", "NEW YORK"},
                                     Headline{"JAPAN AND U.S. TO HOLD TRADE TALKS", "JAPAN"},
                                     Headline{"JAPAN AND U.S. TO HOLD TRADE TALKS", "U.S."}}) {
        const std::string story = std::string(headline.text) + "\n\nOfficials said on Monday that talks would go on for a week.";
        CAPTURE(headline.text);
        auto h = broadsheet::find_entities(story);
        check_mentions_well_formed(story, h);
        const auto* p = named(story, h, headline.place);
        REQUIRE(p != nullptr);
        CHECK(p->kind == EntityKind::Place);
        CHECK(named(story, h, headline.text) == nullptr);
    }
    // One place, where the story names it in mixed case too: "CANADA" is a mention of Canada.
    const std::string both = "FBI SAYS SUSPECT FLED TO CANADA\n\nThe man crossed into Canada from New York on Friday, officials said.";
    auto b = broadsheet::find_entities(both);
    check_mentions_well_formed(both, b);
    const auto* one = named(both, b, "Canada");
    REQUIRE(one != nullptr);
    CHECK(one->count == 2);
    CHECK(named(both, b, "CANADA") == nullptr);
    // The same inside a sentence in mixed case, where the phrase in capitals is no name either.
    const std::string quoted = "The wire's first line read FBI SAYS SUSPECT FLED TO CANADA and then the police added more.";
    auto q = broadsheet::find_entities(quoted);
    check_mentions_well_formed(quoted, q);
    const auto* canada = named(quoted, q, "CANADA");
    REQUIRE(canada != nullptr);
    CHECK(canada->kind == EntityKind::Place);
    CHECK(named(quoted, q, "FBI SAYS SUSPECT FLED TO CANADA") == nullptr);
    // A function word in capitals that the text defines as an acronym is a name.
    std::string_view defined = "The Information Technology (IT) office moved. IT staff left.";
    auto d = broadsheet::find_entities(defined);
    CHECK(named(defined, d, "Information Technology") != nullptr);
}
