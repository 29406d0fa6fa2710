#include "broadsheet/dates.hpp"

#include <doctest/doctest.h>

using broadsheet::parse_date_line;

TEST_CASE("date lines as news sites print them become ISO 8601") {
    struct Row {
        const char* line;
        const char* iso;
    };
    const Row rows[] = {
        {"Wed 13 Aug 2025 // 20:15 UTC", "2025-08-13T20:15Z"},           // The Register
        {"Wed 6 Jan 2021 06.43 EST", "2021-01-06T06:43-05:00"},          // Guardian
        {"19 November 2019", "2019-11-19"},                              // BBC
        {"November 19, 2019 / 12:21 AM / Updated 14 hours ago", "2019-11-19T00:21"}, // Reuters
        {"Nov. 20, 2019 5:52 AM EST", "2019-11-20T05:52-05:00"},         // AP
        {"Sept. 3, 2019 12:00 PM EDT", "2019-09-03T12:00-04:00"},        // AP "Sept."
        {"2019-11-20", "2019-11-20"},
        {"2019-11-20T10:00:00Z", "2019-11-20T10:00Z"},
        {"2019-11-20T10:00:00+01:00", "2019-11-20T10:00+01:00"},
        {"Published 29 February 2024", "2024-02-29"},
        {"Last modified on Thu 7 Jan 2021 10.00 GMT", "2021-01-07T10:00Z"},
        {"  Monday 1 March 2021\xC2\xA0", "2021-03-01"},
    };
    for (const auto& row : rows) {
        CAPTURE(row.line);
        CHECK(parse_date_line(row.line) == row.iso);
    }
}

TEST_CASE("lines that are not dates, or impossible dates, give nothing") {
    for (const char* line : {"", "China has tightened rules", "29 February 2023", "31 April 2020",
                             "13 Smarch 2020", "By Jane Doe", "2019-13-01", "12 noon",
                             "19 November 2019 was the day the council met to discuss the budget in full",
                             "In 19 November 2019"}) {
        CAPTURE(line);
        CHECK(parse_date_line(line).empty());
    }
}
