// The mail/Usenet importer on posts written for these tests.
#include "broadsheet/import.hpp"

#include "import_internal.hpp"

#include <doctest/doctest.h>

#include <string>

using broadsheet::Article;
using broadsheet::detail::import_mail;

namespace {

const char* const kPost =
    "From: jdoe@example.edu (Jane Doe)\n"
    "Subject: Re: Cheapest way to launch a cubesat\n"
    "Organization: Example University\n"
    "Date: Tue, 6 Apr 1993 14:05:00 GMT\n"
    "Message-ID: <1993Apr6.140500@example.edu>\n"
    "Newsgroups: sci.space\n"
    "Lines: 14\n"
    "\n"
    "In article <1993Apr5.1@other.example>, max@other.example (Max Roe) writes:\n"
    "> Has anyone priced a rideshare launch\n"
    "> for a small satellite?\n"
    "\n"
    "Rideshares are the cheapest way by far, but you wait for\n"
    "a slot on somebody else's schedule.\n"
    "\n"
    "Dedicated small launchers cost more\n"
    "and fly when you are ready.\n"
    "\n"
    "-- \n"
    "Jane Doe, Dept. of Astronomy\n"
    "\"Ad astra per aspera\"\n";

bool removed(const Article& a, std::string_view reason, std::string_view part) {
    for (const auto& r : a.removed)
        if (r.reason == reason && r.text.find(part) != std::string::npos) return true;
    return false;
}

} // namespace

TEST_CASE("a Usenet post's headers become title, byline, date, source and id") {
    Article a = import_mail("post", kPost);
    CHECK(a.title == "Re: Cheapest way to launch a cubesat");
    CHECK(a.byline == std::vector<std::string>{"Jane Doe"});
    CHECK(a.date == "1993-04-06T14:05Z");
    CHECK(a.source == "sci.space");
    CHECK(a.id == "<1993Apr6.140500@example.edu>");
    bool organisation = false;
    for (const auto& m : a.metadata)
        organisation = organisation || (m.key == "Organization" && m.value == "Example University");
    CHECK(organisation);
}

TEST_CASE("quoted replies, attribution lines and the signature are kept aside") {
    Article a = import_mail("post", kPost);
    REQUIRE(a.paragraphs.size() == 2);
    CHECK(a.paragraph(0) == "Rideshares are the cheapest way by far, but you wait for a slot on "
                            "somebody else's schedule.");
    CHECK(a.paragraph(1) == "Dedicated small launchers cost more and fly when you are ready.");
    CHECK(removed(a, "attribution", "In article <1993Apr5.1@other.example>"));
    CHECK(removed(a, "quoted reply", "> Has anyone priced"));
    CHECK(removed(a, "signature", "Dept. of Astronomy"));
}

TEST_CASE("senders are named the ways mail writes them") {
    struct Row {
        const char* from;
        const char* name;
    };
    const Row rows[] = {
        {"Jane Doe <jane@example.org>", "Jane Doe"},
        {"\"Doe, Jane\" <jane@example.org>", "Doe, Jane"},
        {"jane@example.org (Jane Doe)", "Jane Doe"},
        {"<jane@example.org>", "jane@example.org"},
        {"jane@example.org", "jane@example.org"},
    };
    for (const auto& row : rows) {
        CAPTURE(std::string(row.from));
        Article a = import_mail("m", std::string("From: ") + row.from + "\nSubject: s\n\nbody\n");
        REQUIRE(a.byline.size() == 1);
        CHECK(a.byline[0] == row.name);
    }
}

TEST_CASE("mail is recognised by its opening headers, and only then") {
    struct Row {
        const char* text;
        bool mail;
    };
    const Row rows[] = {
        {"From: a@b\nSubject: hi\n\nbody", true},
        {"Newsgroups: sci.space\nPath: x!y\nFrom: a@b\n\nbody", true},
        {"From a@b Tue Apr  6 14:05:00 1993\nFrom: a@b\nSubject: mbox\n\nbody", true},
        {"Subject: only one header line\n\nbody", false},
        {"Note: this is prose\nwith a colon in its first line.\n", false},
        {"Title: A headline\nAuthor: Jane\n\nbody", false},
    };
    for (const auto& row : rows) {
        CAPTURE(std::string(row.text));
        CHECK(broadsheet::detail::looks_like_mail(row.text) == row.mail);
    }
}

TEST_CASE("a post without a signature separator keeps all its own lines; wrapped headers join") {
    Article a = import_mail("m", "From: Jane Doe <j@x>\nSubject: A long subject\n  continued "
                                 "here\n\nOne line.\n\nTwo lines\nof text.\n");
    CHECK(a.title == "A long subject continued here");
    CHECK(a.text == "One line.\n\nTwo lines of text.");
}

TEST_CASE("message ids on a Subject's or Organization's continuation lines are not title or source") {
    // Some newsreaders of 20 Newsgroups' time carried the References' ids on those lines.
    Article a = import_mail("m", "From: Jane Doe <j@x>\nSubject: Re: Best radar detector?\n"
                                 " <1r3ghp$3n9@armory.example.com <1993Apr22.204921@convex.example>\n"
                                 "Organization: Burdett, Buckeridge & Young, Melbourne\n"
                                 "\t<1993Apr21.160351@aio.example.gov>\n\nThe body.\n");
    CHECK(a.title == "Re: Best radar detector?");
    CHECK(a.source == "Burdett, Buckeridge & Young, Melbourne");
    // An address or a bracket that is no message id stays.
    Article b = import_mail("m", "From: Jane Doe <j@x>\nSubject: Mail <help desk> about x<y\n\nThe body.\n");
    CHECK(b.title == "Mail <help desk> about x<y");
}

TEST_CASE("a signature may open with the name on its separator, at the margin") {
    const std::string head = "From: Ken Jenks <k@x>\nSubject: Life on Mars\n\n";
    // "-- Name" at the margin, then the address and a favourite quotation: all signature.
    Article a = import_mail("m", head + "Is there life on Mars?\n\n     \"Maybe not now.\"\n        -- Dan Goldin, 1992\n\n"
                                        "-- Ken Jenks, NASA/JSC/GM2\n      kjenks@example.gov  (713) 483-4368\n\n"
                                        "     \"The man who makes no mistakes does not usually make\n      anything.\"\n");
    CHECK(a.text == "Is there life on Mars?\n\n\"Maybe not now.\"\n\n-- Dan Goldin, 1992"); // an indented source stays
    CHECK(removed(a, "signature", "Ken Jenks, NASA/JSC/GM2"));
    CHECK(removed(a, "signature", "does not usually make"));
    // A postscript after the name is the writer's text: nothing is taken out.
    Article b = import_mail("m", head + "I want to scan old photographs.\n\n-- David\n\nps. Thanks to all of you.\n");
    CHECK(b.text == "I want to scan old photographs.\n\n-- David\n\nps. Thanks to all of you.");
}
