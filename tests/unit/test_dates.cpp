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
        {"2024-03-05T09:30:00+0000", "2024-03-05T09:30+00:00"},         // ISO 8601's basic format: NYT
        {"2019-11-20T10:00:00.5-0500", "2019-11-20T10:00-05:00"},
        {"2019-11-20T10:00+05", "2019-11-20T10:00+05:00"},
        {"2019-11-20T10:00:00+1500", "2019-11-20T10:00"},                // no such zone: left off
        {"2019-11-20T10:00:00+01:0", "2019-11-20T10:00"},
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

TEST_CASE("dates in other languages and numeric forms are read too") {
    struct Row {
        const char* line;
        const char* iso;
    };
    const Row rows[] = {
        {"25. August 2015", "2015-08-25"},
        {"Montag, 3. März 2021", "2021-03-03"},
        {"12 février 2020", "2020-02-12"},
        {"martes, 3 de mayo de 2022", "2022-05-03"},
        {"3 maggio 2022", "2022-05-03"},
        {"14 września 2021", "2021-09-14"},
        {"15 августа 2016, 13:43", "2016-08-15T13:43"}, // ru, genitive
        {"3 березня 2022", "2022-03-03"},               // uk, genitive
        {"25.08.2015", "2015-08-25"},
        {"25.08.2015 14:30", "2015-08-25T14:30"},
        {"2015/08/25", "2015-08-25"},
        {"25/08/2015", "2015-08-25"},
        {"08/25/2015", "2015-08-25"},
        {"2020\xE5\xB9\xB4" "1\xE6\x9C\x88" "2\xE6\x97\xA5", "2020-01-02"},
        {"2019-11-20 10:00:00", "2019-11-20T10:00"},
        {"Updated 0339 GMT (1139 HKT) November 19, 2019", "2019-11-19T03:39Z"},
        {"19th November 2019", "2019-11-19"},
        {"28.09.19", "2019-09-28"},             // two-digit year, two-digit day and month
        {"06.11.98 14:30", "1998-11-06T14:30"}, // 70-99 are the last century
        {"28.09.1912:44", "2019-09-28T12:44"},  // date and time joined with no space between
        {"28.09.199:05", "2019-09-28T09:05"},
        {"25.08.201514:30", "2015-08-25T14:30"},
    };
    for (const auto& row : rows) {
        CAPTURE(std::string(row.line));
        CHECK(broadsheet::parse_date_line(row.line) == row.iso);
    }
}

TEST_CASE("parse_date finds a date inside a label and reads machine formats") {
    struct Row {
        const char* text;
        const char* iso;
    };
    const Row rows[] = {
        {"Posted by Jane on 25. August 2015 in News", "2015-08-25"},
        {"Tanja Muster3.11.2023", "2023-11-03"},
        {"Ciclismo | Por: Juan | Actualizado el: 19 abril 2022", "2022-04-19"},
        {"20150825", "2015-08-25"},
        {"Tue, 6 Apr 1993 14:05:00 GMT", "1993-04-06T14:05Z"},
        {"2023-05-12T08:30:00+02:00", "2023-05-12T08:30+02:00"},
        {"2023-05-12T08:30-05:00", "2023-05-12T08:30-05:00"},
        {"2020-11-19T10:01-19T10", "2020-11-19T10:01"}, // not a zone: left off (fuzz regression)
        {"2020-11-19T10:01+25:00", "2020-11-19T10:01"}, // no zone is 25 hours from UTC
        {"no date here at all", ""},
        {"Version 2.10.3", ""},
        {"Version 1.2.19", ""}, // a two-digit year only after a two-digit day and month
        {"Jane Doe 28.09.1912:44 Uhr", "2019-09-28T12:44"}, // not the year 1912
        {"Antwort vom 28.09.1912:44", "2019-09-28T12:44"},
    };
    for (const auto& row : rows) {
        CAPTURE(std::string(row.text));
        CHECK(broadsheet::parse_date(row.text) == row.iso);
    }
}

TEST_CASE("a four-character token that is not a number is never read as a year (fuzz regression)") {
    // "2.21" looks like a four-digit year by its length; reading it as one dereferenced nothing.
    for (const char* line : {"2.21 8 25", "25 82 2.21", "Wed 2.21 10 6.4 EST"}) {
        CAPTURE(line);
        CHECK_NOTHROW((void)broadsheet::parse_date_line(line));
    }
    CHECK(broadsheet::parse_date_line("2.21 8 25").empty());
}

TEST_CASE("ISO dates read as people read them; anything else comes back as it is") {
    struct Row {
        const char* iso;
        const char* full;
        const char* short_form;
    };
    const Row rows[] = {
        {"1987-02-26T15:01", "26 February 1987, 15:01", "26 Feb 1987"},
        {"2025-08-13T20:15Z", "13 August 2025, 20:15 UTC", "13 Aug 2025"},
        {"2021-01-06T06:43-05:00", "6 January 2021, 06:43 UTC-5", "6 Jan 2021"},
        {"2019-11-20T10:00:00+01:00", "20 November 2019, 10:00 UTC+1", "20 Nov 2019"},
        {"2019-11-20T10:00:00.250+05:30", "20 November 2019, 10:00 UTC+5:30", "20 Nov 2019"},
        {"2019-11-20T10:00+0000", "20 November 2019, 10:00 UTC", "20 Nov 2019"},
        {"2019-11-20 08:05", "20 November 2019, 08:05", "20 Nov 2019"},
        {"2019-11-19", "19 November 2019", "19 Nov 2019"},
        {"2019-11", "November 2019", "Nov 2019"},
        {"2019", "2019", "2019"},
        // Not ISO dates: shown as they are.
        {"", "", ""},
        {"yesterday", "yesterday", "yesterday"},
        {"2019-13-01", "2019-13-01", "2019-13-01"},
        {"2019-02-31", "2019-02-31", "2019-02-31"},
        {"2024-02-29", "29 February 2024", "29 Feb 2024"},
        {"2019-11-20T25:00", "2019-11-20T25:00", "20 Nov 2019"},
        {"2019-11-20T10:00+01:00 (local)", "2019-11-20T10:00+01:00 (local)", "20 Nov 2019"},
        {"2019-11-20x", "2019-11-20x", "2019-11-20x"},
        {"19 November 2019", "19 November 2019", "19 November 2019"},
    };
    for (const auto& row : rows) {
        CAPTURE(row.iso);
        CHECK(broadsheet::readable_date(row.iso) == row.full);
        CHECK(broadsheet::readable_date(row.iso, true) == row.short_form);
    }
}
