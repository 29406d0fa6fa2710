#include "broadsheet/import.hpp"

#include "test_helpers.hpp"

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
