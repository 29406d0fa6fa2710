// Broadsheet core: reading the dates news sites print.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace broadsheet {

// Reads a date line as news sites print it and returns it as ISO 8601, or "" if the line is not a
// date line. Handles, among others:
//   "Wed 13 Aug 2025 // 20:15 UTC"         -> "2025-08-13T20:15Z"
//   "Wed 6 Jan 2021 06.43 EST"             -> "2021-01-06T06:43-05:00"
//   "19 November 2019"                     -> "2019-11-19"
//   "November 19, 2019 / 12:21 AM / Updated 14 hours ago" -> "2019-11-19T00:21"
//   "Nov. 20, 2019 5:52 AM EST"            -> "2019-11-20T05:52-05:00"
//   "2019-11-20", "2019-11-20T10:00:00Z"   -> as given (seconds dropped)
// A time without a zone is kept without an offset (local time of the publisher).
// Leading "Published", "Updated", "Last modified on" and weekday names are skipped; the date must
// come first, and only a short tail (an "Updated ..." note) may follow it.
std::string parse_date_line(std::string_view line);

// Reads a date from a machine-readable field (HTML <meta>, JSON-LD, <time datetime>, a mail Date
// header) or a short label with a date inside ("Posted on 25. August 2015 in News"): everything
// parse_date_line reads, also with text around it, plus compact "20150825". ISO 8601 or "".
// Numeric dates: "25.08.2015" and "25/08/2015" are day-month-year; "08/25/2015" is read as
// month-day only when the day cannot be a month.
std::string parse_date(std::string_view s);
// A Unix timestamp as JSON dumps give one, in seconds (10 digits, perhaps with a fraction) or
// milliseconds (13), from 1990 to 2100: "1678800000" -> "2023-03-14T13:20Z"; "" for anything else.
std::string epoch_date(std::string_view s);
// A month and year alone, as a machine field may give them: "June 2014", "Jun. 2014", "März 2014"
// -> "2014-06" (ISO 8601's reduced precision); "" for anything else.
std::string parse_month_year(std::string_view s);

// An ISO 8601 date as people read it, in English: "1987-02-26T15:01" -> "26 February 1987, 15:01",
// "2025-08-13T20:15Z" -> "13 August 2025, 20:15 UTC", "2021-01-06T06:43-05:00" -> "... 06:43
// UTC-5", "2019-11" -> "November 2019", "2019" -> "2019". `short_month`: "26 Feb 1987" and no
// time. Anything else (not such a date) comes back as it is.
std::string readable_date(std::string_view iso, bool short_month = false);

// The days of month `m` (1-12) of year `y` in the Gregorian calendar: 28 to 31.
int days_in_month(int y, int m);

// Days from 1970-01-01 to the date y-m-d of the proleptic Gregorian calendar (negative before).
int64_t days_from_civil(int y, int m, int d);

} // namespace broadsheet
