#include "broadsheet/import.hpp"

#include "test_helpers.hpp"
#include "text_util.hpp"

#include <doctest/doctest.h>

using broadsheet::Article;
using broadsheet::import_plain_text;

namespace {

bool removed_contains(const Article& a, std::string_view text, std::string_view reason) {
    for (const auto& r : a.removed)
        if (r.text == text && r.reason == reason) return true;
    return false;
}

} // namespace

TEST_CASE("the seed article comes out clean: headline, standfirst, body, no furniture") {
    std::string bytes = read_file(shared_path("samples/register-china-im-real-names.txt"));
    REQUIRE_MESSAGE(!bytes.empty(), "cannot read the seed sample under ", BROADSHEET_SHARED_DIR);
    auto r = broadsheet::import_file("register-china-im-real-names.txt", bytes);
    REQUIRE(r.ok());
    REQUIRE(r.articles.size() == 1);
    const Article& a = r.articles[0];

    CHECK(a.title == "China cracks down on instant messengers: Users must hand over real names");
    CHECK(a.standfirst == "'Such behaviours have raised bitter feelings among netizens'");
    CHECK(a.encoding == "UTF-8");
    REQUIRE(a.paragraphs.size() == 9);
    CHECK(a.paragraph(0).starts_with("China has tightened rules"));
    CHECK(a.paragraph(8).ends_with("three years in prison for the offence."));
    CHECK(a.text.starts_with("China has tightened rules"));
    CHECK(a.text.ends_with("three years in prison for the offence."));

    for (std::string_view junk : {"This article is more than 1 year old", "More about", "TIP US OFF",
                                  "Send us news", "Other stories you might like", "\xC2\xAE"}) {
        CAPTURE(junk);
        CHECK(a.text.find(junk) == std::string::npos);
        CHECK(a.title.find(junk) == std::string::npos);
    }
    CHECK(removed_contains(a, "This article is more than 1 year old", "age banner"));
    CHECK(removed_contains(a, "\xC2\xAE", "end mark"));
    CHECK(removed_contains(a, "TIP US OFF", "footer"));
    CHECK(removed_contains(a, "Other stories you might like", "footer"));
}

TEST_CASE("paragraph ranges tile the body text, separated by blank lines") {
    Article a = import_plain_text("x.txt", "Headline here\n\nFirst paragraph.\n\nSecond one.\n");
    REQUIRE(a.paragraphs.size() == 2);
    CHECK(a.paragraphs[0].begin == 0);
    CHECK(a.paragraph(0) == "First paragraph.");
    CHECK(a.paragraph(1) == "Second one.");
    CHECK(a.text == "First paragraph.\n\nSecond one.");
}

TEST_CASE("hard-wrapped lines inside a paragraph are joined with single spaces") {
    Article a = import_plain_text("x.txt", "Title\n\nThe first line\nwraps here   and\n  ends.\n\nNext.");
    REQUIRE(a.paragraphs.size() == 2);
    CHECK(a.paragraph(0) == "The first line wraps here and ends.");
}

TEST_CASE("a byline and a date under the headline become metadata, not body") {
    Article a = import_plain_text("x.txt", "Storm hits coast\n\nThousands without power after the storm\n\n"
                                           "By Jane Doe and John Roe\n\nWed 13 Aug 2025 // 20:15 UTC\n\n"
                                           "The storm arrived on Tuesday night.\n\nMore later.");
    CHECK(a.title == "Storm hits coast");
    CHECK(a.standfirst == "Thousands without power after the storm");
    CHECK(a.byline == std::vector<std::string>{"Jane Doe", "John Roe"});
    CHECK(a.date == "2025-08-13T20:15Z");
    REQUIRE(a.paragraphs.size() == 2);
    CHECK(a.paragraph(0) == "The storm arrived on Tuesday night.");
}

TEST_CASE("a first paragraph that reads as a sentence is not mistaken for a standfirst") {
    Article a = import_plain_text("x.txt", "Council approves budget\n\nThe council approved the budget on Monday.\n\n"
                                           "It passed by nine votes to four.");
    CHECK(a.standfirst.empty());
    REQUIRE(a.paragraphs.size() == 2);
    CHECK(a.paragraph(0) == "The council approved the budget on Monday.");
}

TEST_CASE("footer words inside the header are not taken for the footer") {
    // "Topics" right under a headline is navigation, not the end of an article that has not begun.
    Article a = import_plain_text("x.txt", "Topics\n\nA headline\n\nBody paragraph one.\n\nTopics\n\nPolitics");
    CHECK(a.text == "Body paragraph one.");
}

TEST_CASE("windows and old-mac line ends read like unix ones") {
    auto r = broadsheet::import_file("x.txt", "Head\r\n\r\nOne.\r\n\r\nTwo.\rThree.");
    REQUIRE(r.ok());
    CHECK(r.articles[0].title == "Head");
    CHECK(r.articles[0].text == "One.\n\nTwo. Three.");
}

// ---- site styles (../shared/notes/article-text-styles.md), in texts written for these tests ----

namespace {

struct StyleRow {
    const char* style;
    const char* text;
    const char* title;
    const char* standfirst;
    const char* byline; // "; "-joined
    const char* date;
    const char* source;
    const char* first_paragraph;
    const char* last_paragraph;
};

std::string joined(const std::vector<std::string>& names) {
    std::string s;
    for (const auto& n : names) s += (s.empty() ? "" : "; ") + n;
    return s;
}

} // namespace

TEST_CASE("each site style's header, body and footer are told apart") {
    const StyleRow rows[] = {
        {"Guardian",
         "Skip to main content\n\nAvailable for everyone, funded by readers\n\nContribute Subscribe\n\n"
         "This article is more than 3 years old\n\nCouncil approves new tram line | UK news | The Guardian\n\n"
         "The line will link the station to the university\n\nA tram in the city centre. Photograph: Sam Poe/Agency\n\n"
         "Jane Doe, Max Roe and Ann Lee in Leeds\n\nWed 6 Jan 2021 06.43 EST\n\nLast modified on Wed 6 Jan 2021 10.00 EST\n\n"
         "The council voted on Tuesday to approve the line.\n\nRelated: Buses to be cut\n\nWork starts next year.\n\n"
         "Topics\n\nTransport\n\nShare on Facebook\n\nReuse this content\n",
         "Council approves new tram line", "The line will link the station to the university", "Jane Doe; Max Roe; Ann Lee",
         "2021-01-06T06:43-05:00", "The Guardian", "The council voted on Tuesday to approve the line.", "Work starts next year."},
        {"BBC",
         "Harbour fire closes ferry route - BBC News\n\nAccessibility links\n\nBBC Account\n\nPublished2 days ago\n\n"
         "Share this with\n\nClose share panel\n\nBy Ann LeeBBC News, Cardiff\n\nImage source, Example Agency\n\n"
         "Image caption, Smoke rose over the quay\n\nA fire at the ferry terminal closed the route on Sunday.\n\n"
         "Crews worked through the night.\n\nFollow the news on Twitter and Facebook\n\nRelated Topics\n\nFerries\n",
         "Harbour fire closes ferry route", "", "Ann Lee", "", "BBC News",
         "A fire at the ferry terminal closed the route on Sunday.", "Crews worked through the night."},
        {"Reuters",
         "Discover Thomson Reuters\n\nOil prices slip on supply worries - Reuters\n\n"
         "November 19, 2019 / 12:21 AM / Updated 14 hours ago\n\n5 Min Read\n\nJane Doe\n\n"
         "LONDON (Reuters) - Oil prices fell on Tuesday, opens new tab after a report on stocks.\n\n"
         "Coming soon: The Morning Bulletin. Sign up here.\n\nTraders were cautious.\n\n"
         "Reporting by Jane Doe; Editing by Max Roe\n\nOur Standards: The Thomson Reuters Trust Principles.\n\n"
         "\xC2\xA9 2019 Reuters. All Rights Reserved.\n",
         "Oil prices slip on supply worries", "", "Jane Doe", "2019-11-19T00:21", "Reuters",
         "Oil prices fell on Tuesday after a report on stocks.", "Traders were cautious."},
        {"AP",
         "Storm batters coast\n\nNov. 20, 2019 5:52 AM EST\n\nBy JANE DOE and MAX ROE\n\nAssociated Press\n\n"
         "AP-US--Storm, 2nd Ld-Writethru\n\nMIAMI (AP) \xE2\x80\x94 A storm hit the coast on Wednesday.\n\n"
         "A flooded street on Wednesday. (AP Photo/Sam Poe)\n\nPower was cut to thousands of homes.\n\n"
         "Associated Press writer Ann Lee contributed to this report.\n\n___\n\nFollow AP's coverage at example.org\n\n"
         "Copyright 2019 The Associated Press. All rights reserved.\n",
         "Storm batters coast", "", "JANE DOE; MAX ROE", "2019-11-20T05:52-05:00", "Associated Press",
         "A storm hit the coast on Wednesday.", "Power was cut to thousands of homes."},
        {"CNN",
         "Markets rally on rate hopes\n\nBy Rob Roe, CNN Business\n\nUpdated 0339 GMT (1139 HKT) November 19, 2019\n\n"
         "Chat with us in Facebook Messenger. Find out what's happening in the world as it unfolds.\n\n"
         "Shares rose in Asia on Tuesday.\n\nJUST WATCHED\n\nReplay\n\nMore Videos ...\n\nInvestors cheered.\n",
         "Markets rally on rate hopes", "", "Rob Roe", "2019-11-19T03:39Z", "",
         "Shares rose in Asia on Tuesday.", "Investors cheered."},
        {"The Register, its menu and header one line each without blank lines",
         "This article is more than 1 year old\nSign in / up\nTopics\nSpecial Features\nVendor Voice\nResources\nAI + ML\n12\n"
         "Chipmaker cuts its forecast as demand cools\n12\n\"Analysts had expected a stronger quarter\"\nTobias Mann\n"
         "Wed 13 Aug 2025 // 20:15 UTC\n\n\n\nShares in the chipmaker fell 9 percent on Wednesday.\n\n"
         "Analysts said the cut was worse than feared. \xC2\xAE\nShare\nMore about\nSemiconductors\n",
         "Chipmaker cuts its forecast as demand cools", "\"Analysts had expected a stronger quarter\"", "Tobias Mann",
         "2025-08-13T20:15Z", "", "Shares in the chipmaker fell 9 percent on Wednesday.", "Analysts said the cut was worse than feared."},
        {"BBC, the section menu under the page title",
         "Rates held at 0.75% - BBC News\nAccessibility links\nSkip to content\nBBC Account\nHome\nNews\nBusiness\n"
         "19 November 2019\nShare this with Facebook\nClose share panel\nBy Dharshini DavidBBC News, London\n\n"
         "The Bank of England has kept interest rates on hold.\n\nImage source, Getty Images\n\nThe pound fell after the decision.\n\n"
         "Related Topics\nInterest rates\n",
         "Rates held at 0.75%", "", "Dharshini David", "2019-11-19", "BBC News",
         "The Bank of England has kept interest rates on hold.", "The pound fell after the decision."},
        {"BBC, the share panel's buttons a line each, a role glued on in lower case",
         "Waiting lists hit record - BBC News\n\nPublished\n19 November 2019\n\nShare this with\nEmail\nFacebook\n"
         "Close share panel\n\nBy Sarah McDonaldHealth correspondent, BBC News\n\nWaiting lists reached a record.\n\n"
         "Staff said the pressure was unrelenting.\n",
         "Waiting lists hit record", "", "Sarah McDonald", "2019-11-19", "BBC News",
         "Waiting lists reached a record.", "Staff said the pressure was unrelenting."},
        {"BBC, the role on its own line under the byline",
         "Waiting lists hit record - BBC News\n\n19 November 2019\n\nBy Sarah Thompson\nHealth correspondent, BBC News\n\n"
         "Waiting lists reached a record.\n\nStaff said the pressure was unrelenting.\n",
         "Waiting lists hit record", "", "Sarah Thompson", "2019-11-19", "BBC News",
         "Waiting lists reached a record.", "Staff said the pressure was unrelenting."},
        {"NYT, with the letters appeal after the body",
         "Supported by\n\nContinue reading the main story\n\nCity adds bike lanes\n\nBy Jane Doe\n\nNov. 19, 2019\n\n"
         "The city added lanes on Tuesday.\n\nAdvertisement\n\nCyclists were pleased.\n\n"
         "The Times is committed to publishing a diversity of letters to the editor. We\xE2\x80\x99" "d like to hear what you "
         "think about this or any of our articles. Here are some tips. And here\xE2\x80\x99" "s our email: letters@nytimes.com.\n\n"
         "Follow The New York Times Opinion section on Facebook, Twitter (@NYTopinion) and Instagram.\n\nSite Index\n\nNews\n",
         "City adds bike lanes", "", "Jane Doe", "2019-11-19", "",
         "The city added lanes on Tuesday.", "Cyclists were pleased."},
        {"generic, with a bullet list of related headlines",
         "Library extends opening hours\n\nBy Ina Voss\n\n12 May 2023\n\nThe library will open until nine.\n\n"
         "\xE2\x80\xA2 Council budget approved\n\xE2\x80\xA2 New reading room opens\n\nStaff welcomed the change.\n",
         "Library extends opening hours", "", "Ina Voss", "2023-05-12", "",
         "The library will open until nine.", "Staff welcomed the change."},
    };
    for (const auto& row : rows) {
        CAPTURE(std::string(row.style));
        Article a = import_plain_text("style.txt", row.text);
        CHECK(a.title == row.title);
        CHECK(a.standfirst == row.standfirst);
        CHECK(joined(a.byline) == row.byline);
        CHECK(a.date == row.date);
        CHECK(a.source == row.source);
        REQUIRE(!a.paragraphs.empty());
        CHECK(a.paragraph(0) == row.first_paragraph);
        CHECK(a.paragraph(a.paragraphs.size() - 1) == row.last_paragraph);
        CHECK(a.paragraphs.size() == 2);
    }
}

TEST_CASE("datelines are taken off the first paragraph and kept as metadata") {
    struct Row {
        const char* paragraph;
        const char* dateline; // "" when there is none
        const char* rest;
    };
    const Row rows[] = {
        {"LONDON (Reuters) - Shares fell.", "LONDON (Reuters)", "Shares fell."},
        {"SAO PAULO (AP) \xE2\x80\x94 Rain fell.", "SAO PAULO (AP)", "Rain fell."},
        {"SALVADOR, Feb 26 - Cocoa rose.", "SALVADOR, Feb 26", "Cocoa rose."},
        {"London - a city of rain.", "", "London - a city of rain."},
        {"IN BRIEF - Shares fell.", "", "IN BRIEF - Shares fell."},
    };
    for (const auto& row : rows) {
        CAPTURE(std::string(row.paragraph));
        Article a = import_plain_text("d.txt", std::string("Headline\n\n") + row.paragraph + "\n\nMore.");
        std::string dateline;
        for (const auto& m : a.metadata)
            if (m.key == "dateline") dateline = m.value;
        CHECK(dateline == row.dateline);
        REQUIRE(!a.paragraphs.empty());
        CHECK(a.paragraph(0) == row.rest);
    }
}

TEST_CASE("byline forms: By, role glued on, agency suffix, Name in City, and what is not a byline") {
    struct Row {
        const char* line;
        const char* byline; // "" when the line must stay body text
    };
    const Row rows[] = {
        {"By Jane Doe", "Jane Doe"},
        {"By Jane Doe and John Roe", "Jane Doe; John Roe"},
        {"By JANE DOE, JOHN ROE and ANN LEE", "JANE DOE; JOHN ROE; ANN LEE"},
        {"By Ann LeeBBC News, Cardiff", "Ann Lee"},
        {"By Rob Roe, CNN Business, Hong Kong", "Rob Roe"},
        {"Jane Doe in Washington", "Jane Doe"},
        {"Jane Doe and Ann van Lee in New York", "Jane Doe; Ann van Lee"},
        {"Protests spread in Paris", ""},
        {"by and large the plan worked", ""},
    };
    for (const auto& row : rows) {
        CAPTURE(std::string(row.line));
        Article a = import_plain_text("b.txt", std::string("Headline\n\n") + row.line + "\n\nThe body begins here.\n\nAnd goes on.");
        CHECK(joined(a.byline) == row.byline);
    }
}

TEST_CASE("page text a paragraph a line: the site's navigation and the repeated headline go, a date or byline above the headline is read") {
    struct Row {
        const char* style;
        const char* text;
        const char* title, *byline, *date, *first_paragraph;
        size_t paragraphs;
    };
    const Row rows[] = {
        {"no blank lines",
         "Council approves new cycle lanes\n"
         "The city council voted on Tuesday to build 12 km of protected cycle lanes in the centre, a plan that has divided residents.\n"
         "\"This is a historic day for our city,\" said councillor Priya Shah, who led the campaign.\n"
         "Shopkeepers said they would challenge the decision in court.\n",
         "Council approves new cycle lanes", "", "",
         "The city council voted on Tuesday to build 12 km of protected cycle lanes in the centre, a plan that has divided residents.", 3},
        {"BBC page text",
         "Tesla sales fall for first time in a decade - BBC News\nAccessibility links\nSkip to content\nHome\nNews\nSport\n"
         "Tesla sales fall for first time in a decade\nPublished2 days ago\nShare\nImage source, Getty Images\n"
         "By Theo Leggett\n"
         "Tesla's global sales fell last year for the first time in more than a decade, as competition from Chinese rivals intensified.\n"
         "\"We expect a return to growth,\" chief executive Elon Musk said in a post on X.\n"
         "Analysts had predicted deliveries of about 1.8 million.\n",
         "Tesla sales fall for first time in a decade", "Theo Leggett", "",
         "Tesla's global sales fell last year for the first time in more than a decade, as competition from Chinese rivals intensified.", 3},
        {"Reuters page text",
         "Oil hits three-week high on supply worries - Reuters\nDirectory of sites\nLogin\nContact\n"
         "November 19, 2019 / 12:21 AM / Updated 14 hours ago\nOil hits three-week high on supply worries\nFlorence Tan\n"
         "Oil prices rose for a third day on Tuesday, with Brent crude up 0.5% at $63.10 a barrel, after Saudi Arabia signalled it would keep output cuts.\n"
         "\"The market is tightening,\" said Stephen Innes, chief Asia market strategist at AxiTrader.\n",
         "Oil hits three-week high on supply worries", "Florence Tan", "2019-11-19T00:21",
         "Oil prices rose for a third day on Tuesday, with Brent crude up 0.5% at $63.10 a barrel, after Saudi Arabia signalled it would keep output cuts.", 2},
        {"AP page text, date and byline first",
         "Nov. 20, 2019 5:52 AM EST\nBy ZEKE MILLER and JILL COLVIN\nAssociated Press\n"
         "Sondland says Trump directed Ukraine pressure\n"
         "A top U.S. diplomat testified Wednesday that he was following President Donald Trump's orders when he pressed Ukraine.\n"
         "\"Was there a quid pro quo? The answer is yes,\" Gordon Sondland told the House Intelligence Committee.\n",
         "Sondland says Trump directed Ukraine pressure", "ZEKE MILLER; JILL COLVIN", "2019-11-20T05:52-05:00",
         "A top U.S. diplomat testified Wednesday that he was following President Donald Trump's orders when he pressed Ukraine.", 2},
    };
    for (const auto& row : rows) {
        CAPTURE(std::string(row.style));
        Article a = import_plain_text("page.txt", row.text);
        CHECK(a.title == row.title);
        CHECK(joined(a.byline) == row.byline);
        CHECK(a.date == row.date);
        REQUIRE(!a.paragraphs.empty());
        CHECK(a.paragraph(0) == row.first_paragraph);
        CHECK(a.paragraphs.size() == row.paragraphs);
    }
    // A standfirst under the repeated headline is the standfirst, as under a headline alone.
    Article with_standfirst = import_plain_text("page.txt", "Tesla sales fall - BBC News\nHome\nNews\nTesla sales fall\n"
                                                             "Chinese rivals take the lead in electric cars\n"
                                                             "By Theo Leggett\n"
                                                             "Tesla's global sales fell last year for the first time in more than a decade, as competition grew.\n"
                                                             "Analysts had predicted deliveries of about 1.8 million.\n");
    CHECK(with_standfirst.title == "Tesla sales fall");
    CHECK(with_standfirst.standfirst == "Chinese rivals take the lead in electric cars");
    CHECK(joined(with_standfirst.byline) == "Theo Leggett");
    // The same text with blank lines between its lines reads the same.
    for (const auto& row : rows) {
        CAPTURE(std::string(row.style));
        std::string spaced;
        for (std::string_view l : broadsheet::text::split_lines(row.text)) spaced += std::string(l) + "\n\n";
        Article a = import_plain_text("page.txt", spaced);
        CHECK(a.title == row.title);
        CHECK(a.paragraphs.size() == row.paragraphs);
    }
}

TEST_CASE("a first paragraph ending in a quotation's full stop is body text, not a standfirst") {
    Article a = import_plain_text("council.txt",
                                  "Council backs new cycle lanes\n\n"
                                  "The council voted on Tuesday to build the lanes, said councillor Priya Shah, adding: \"This is a historic day.\"\n\n"
                                  "Work will start in March, officials said.\n");
    CHECK(a.standfirst.empty());
    REQUIRE(a.paragraphs.size() == 2);
    CHECK(a.paragraph(0).starts_with("The council voted"));
    // Not a sentence at all: a standfirst.
    Article b = import_plain_text("council.txt", "Council backs new cycle lanes\n\nA plan that divided the city\n\nThe council voted on Tuesday.\n");
    CHECK(b.standfirst == "A plan that divided the city");
}
