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
    };
    for (const auto& row : rows) {
        CAPTURE(std::string(row.line));
        CHECK(broadsheet::html::byline_in_line(row.line) == row.name);
    }
}
