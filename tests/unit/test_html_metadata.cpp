// Title cleanup and visible bylines (html_metadata.cpp).
#include "html_dom.hpp"

#include <doctest/doctest.h>

#include <string>

TEST_CASE("site names and sections come off page titles") {
    struct Row {
        const char* title;
        const char* site;
        const char* h1;
        const char* clean;
    };
    const Row rows[] = {
        {"Bridge reopens | Gazette", "", "", "Bridge reopens"},
        {"Bridge reopens | Local news | Gazette", "Gazette", "", "Bridge reopens"},
        {"Gazette - Bridge reopens after repairs", "Gazette", "", "Bridge reopens after repairs"},
        {"Bridge reopens after repairs \xC2\xBB Gazette", "", "", "Bridge reopens after repairs"},
        {"Pre-war - a history", "", "",
         "Pre-war - a history"}, // a hyphenated short part is no site name
        {"Bridge reopens | Gazette", "", "Bridge reopens | Gazette",
         "Bridge reopens | Gazette"}, // the h1 agrees
        {"No separator at all", "Gazette", "", "No separator at all"},
        // a title without spaces sets the site after a bare hyphen
        {"武汉的声音：有英勇的你，才有英雄的城！-新华网", "", "",
         "武汉的声音：有英勇的你，才有英雄的城！"},
        {"2019-2020", "", "", "2019-2020"}, // ASCII: no bare-hyphen rule
    };
    for (const auto& row : rows) {
        CAPTURE(std::string(row.title));
        std::vector<std::string> h1s;
        if (*row.h1) h1s.emplace_back(row.h1);
        CHECK(broadsheet::html::clean_title(row.title, row.site, h1s) == row.clean);
    }
}

TEST_CASE("visible byline lines give the name, other lines give nothing") {
    struct Row {
        const char* line;
        const char* name;
    };
    const Row rows[] = {
        {"By Jane Doe", "Jane Doe"},
        {"Text: Max Muster", "Max Muster"},
        {"Von Max Muster | 12.03.2020", "Max Muster"},
        {"Autorin: Ina Voss, 3. M\xC3\xA4rz 2021", "Ina Voss"},
        {"Veröffentlicht von Jane Doe am 3. Mai 2020", "Jane Doe"},
        {"By the river the path turns left and climbs up to the old mill on the hill above.", ""},
        {"The council met on Tuesday.", ""},
        {"By", ""},
        // a line of several facts: the segment that is a byline
        {"Opinion | By Cara Stiles | April 13, 2020", "Cara Stiles"},
        {"05.02.2020 - Redaktion: Eberhard Fuhr (Pressesprecher des Verbands)", "Eberhard Fuhr"},
        // the next credit ends the name; "Autoren" keeps a pair together
        {"Text von Christian Seiler Illustration von Markus Roost", "Christian Seiler"},
        {"Autoren Jelko Djuren und Jutta Klaukien", "Jelko Djuren und Jutta Klaukien"},
        // "por", "par" are words too: a byline only before capitalised words
        {"Por Agencia EFE", "Agencia EFE"},
        {"por la tarde llegaron los primeros", ""},
        // the piece named first, then the author
        {"Eine Kolumne von Nils Pickert", "Nils Pickert"},
        {"A column by Jane Doe", "Jane Doe"},
        {"Der 64 kbit Stream von Wake News Radio startet heute", ""},
        // what follows a name in blog bylines: a place, a category, the next label
        {"Posted by Jane Doe at 10:00", "Jane Doe"},
        {"Von Andrea Kategorien: Allgemein", "Andrea"},
        {"von Fatima in Gef\xC3\xBChle, Popkultur", "Fatima"},
        // a label alone, or a month, is no name
        {"By Veröffentlicht", ""},
        {"Von Dezember 10, 2019", ""},
        // Chinese "editor in charge:"
        {"责任编辑： 焦鹏", "焦鹏"},
        // a bracketed label before the byline
        {"[Update] By Jane Doe", "Jane Doe"},
        {"\xE3\x80\x90纠错\xE3\x80\x91 责任编辑： 焦鹏", "焦鹏"},
        {"[Update] The gates stay closed", ""},
        // a social handle after the name is not part of it
        {"By Jane Doe @janedoe", "Jane Doe"},
        // a dateline that ends with the author, unlabelled; times may come between
        {"04.02.2023 | 13:10 Uhr | Ina Voss", "Ina Voss"},
        {"3 May 2021 | Cara Stiles", "Cara Stiles"},
        {"May 3, 2021 at 08:45 AM | categories: Rivers, Towns | Read Comments", ""},
        {"04.02.2023 | Hamburg", ""},
        // a job title before the name is not part of it
        {"Von Gazette-Experte Ina Voss", "Ina Voss"},
        {"By Staff writer Jane Doe", "Jane Doe"},
        {"Von Korrespondentin Ina Voss", "Ina Voss"},
        {"By Reporter Jones", "Reporter Jones"}, // one word after it: the name itself
        // single words between commas list things, not people
        {"Von K\xC3\xBCnstlern, Bands, DJs", ""},
        {"By Jane Doe, Max Muster", "Jane Doe, Max Muster"},
    };
    for (const auto& row : rows) {
        CAPTURE(std::string(row.line));
        CHECK(broadsheet::html::byline_in_line(row.line) == row.name);
    }
    // A heading reads as a title: "X von Name" there names its subject.
    CHECK(broadsheet::html::byline_in_line("Auf den Spuren von Rafael Nadal", true).empty());
    CHECK(broadsheet::html::byline_in_line("Eine Kolumne von Nils Pickert", true).empty());
    CHECK(broadsheet::html::byline_in_line("Von Nils Pickert", true) == "Nils Pickert");
}

TEST_CASE("a dash that separates no known site name stays in the title when asked") {
    using broadsheet::html::clean_title;
    CHECK(clean_title("Corsets - Shops, designers, buying online", "Pinup Fashion", {}) ==
          "Shops, designers, buying online");
    CHECK(clean_title("Corsets - Shops, designers, buying online", "Pinup Fashion", {}, true) ==
          "Corsets - Shops, designers, buying online");
    CHECK(clean_title("Corsets - Pinup Fashion", "Pinup Fashion", {}, true) == "Corsets");
    CHECK(clean_title("Corsets - Shops, designers, buying online", "", {}, true) ==
          "Shops, designers, buying online"); // site unknown: no evidence either way
}

TEST_CASE("a login name in the metadata is matched to the display name on the page") {
    struct Row {
        const char* name;
        const char* login;
        bool same;
    };
    const Row rows[] = {
        {"Jane Doe", "jane.doe", true},
        {"Jane Doe", "janedoe", true},
        {"Jane Doe", "Jane", true},
        {"Jane Doe", "jdoe", true},
        {"Arian Schlichenmayer", "arianschlichenmayer", true},
        {"Jane Doe", "john", false},
        {"Jane Doe", "Jane Doe", false}, // not a login
        {"Jane", "jane", false},         // not a fuller name
        {"Jo Doe", "jo", false},         // too short to tell
    };
    for (const auto& row : rows) {
        CAPTURE(std::string(row.name) + " / " + row.login);
        CHECK(broadsheet::html::is_display_name_of(row.name, row.login) == row.same);
    }
}

TEST_CASE("a copyright or licence line names a person, not a company or a sentence") {
    struct Row {
        const char* line;
        const char* holder;
    };
    const Row rows[] = {
        {"Copyright (c) 2012- Jane Doe. All rights reserved. Design by Some Templates.",
         "Jane Doe"},
        {"\xC2\xA9 2019\xE2\x80\x93"
         "2023 Cara Stiles | Impressum | Datenschutz",
         "Cara Stiles"},
        {"(Creative Commons licence) 2006-2008 by Max Muster", "Max Muster"},
        {"\xC2\xA9 Copyright 2021 by Ina Voss", "Ina Voss"},
        {"\xC2\xA9 2023 Riverside Software GmbH", ""},
        {"\xC2\xA9 2023 Gazette Media Group", ""},
        {"\xC2\xA9 2023 gazette", ""},
        {"Copyright 2023", ""},
        {"Photos by Jane Doe", ""},
        {"The river rose by 2020 standards, said the authority.", ""},
    };
    for (const auto& row : rows) {
        CAPTURE(std::string(row.line));
        CHECK(broadsheet::html::copyright_holder(row.line) == row.holder);
    }
}

TEST_CASE("a line that signs an article is a name alone, not an organisation or a sentence") {
    struct Row {
        const char* line;
        const char* name;
    };
    const Row rows[] = {
        {"Jane Doe", "Jane Doe"},
        {"Ola BERG", "Ola BERG"},
        {"Kaz\xC4\xB1m T\xC3\x9CRKMEN", "Kaz\xC4\xB1m T\xC3\x9CRKMEN"},
        {"Jane A. Doe", "Jane A. Doe"},
        {"Jane", ""},                   // one word: a greeting, a label
        {"Riverside Media GmbH", ""},   // a company
        {"Weir Society e.V.", ""},      // an association
        {"The gates stay closed.", ""}, // a sentence
        {"Ina Voss, 2021", ""},         // more than a name
        {"Mai 2021", ""},
        {"Jane Doe Max Muster Ina", ""}, // too many words
    };
    for (const auto& row : rows) {
        CAPTURE(std::string(row.line));
        CHECK(broadsheet::html::signature_name(row.line) == row.name);
    }
}
