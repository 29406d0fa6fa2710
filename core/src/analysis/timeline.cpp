// Timelines: articles (or a per-article value) per day, ISO week, month or year.
//
// Dates are days since 1970-01-01 in the proleptic Gregorian calendar, converted with Howard
// Hinnant's days_from_civil/civil_from_days ("chrono-Compatible Low-Level Date Algorithms"). Times
// and zones in Article::date are ignored: an article belongs to the day its publisher printed.
#include "broadsheet/corpus_analysis.hpp"

#include <algorithm>
#include <cstdio>
#include <map>

namespace broadsheet {

namespace {

struct Civil {
    int64_t year;
    unsigned month, day;
};

int64_t days_from_civil(int64_t y, unsigned m, unsigned d) {
    y -= m <= 2;
    const int64_t era = (y >= 0 ? y : y - 399) / 400;
    const auto yoe = unsigned(y - era * 400);
    const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + int64_t(doe) - 719468;
}

Civil civil_from_days(int64_t z) {
    z += 719468;
    const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const auto doe = unsigned(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    return {int64_t(yoe) + era * 400 + (m <= 2), m, d};
}

bool leap(int64_t y) {
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

unsigned days_in_month(int64_t y, unsigned m) {
    static constexpr unsigned kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && leap(y) ? 29 : kDays[m - 1];
}

// Reads `n` digits at s[at]; false if they are not all digits.
bool digits(std::string_view s, size_t at, size_t n, unsigned& value) {
    if (s.size() < at + n) return false;
    value = 0;
    for (size_t i = at; i < at + n; ++i) {
        if (s[i] < '0' || s[i] > '9') return false;
        value = value * 10 + unsigned(s[i] - '0');
    }
    return true;
}

// Monday of the ISO week holding `day` (1970-01-01 was a Thursday).
int64_t monday_of(int64_t day) {
    int64_t weekday = ((day + 3) % 7 + 7) % 7; // 0 = Monday
    return day - weekday;
}

int64_t bucket_start(int64_t day, Timeline::Unit unit) {
    Civil c = civil_from_days(day);
    switch (unit) {
    case Timeline::Unit::Day:
        return day;
    case Timeline::Unit::Week:
        return monday_of(day);
    case Timeline::Unit::Month:
        return days_from_civil(c.year, c.month, 1);
    case Timeline::Unit::Year:
        return days_from_civil(c.year, 1, 1);
    }
    return day;
}

int64_t next_start(int64_t start, Timeline::Unit unit) {
    Civil c = civil_from_days(start);
    switch (unit) {
    case Timeline::Unit::Day:
        return start + 1;
    case Timeline::Unit::Week:
        return start + 7;
    case Timeline::Unit::Month:
        return c.month == 12 ? days_from_civil(c.year + 1, 1, 1)
                             : days_from_civil(c.year, c.month + 1, 1);
    case Timeline::Unit::Year:
        return days_from_civil(c.year + 1, 1, 1);
    }
    return start + 1;
}

std::string iso(int64_t day) {
    Civil c = civil_from_days(day);
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04lld-%02u-%02u", static_cast<long long>(c.year), c.month,
                  c.day);
    return buf;
}

std::string label_of(int64_t start, Timeline::Unit unit) {
    Civil c = civil_from_days(start);
    char buf[32];
    switch (unit) {
    case Timeline::Unit::Day:
        return iso(start);
    case Timeline::Unit::Week: {
        // ISO 8601: the week belongs to the year of its Thursday; week 1 holds the first Thursday.
        int64_t thursday = start + 3;
        int64_t year = civil_from_days(thursday).year;
        int64_t week = (thursday - days_from_civil(year, 1, 1)) / 7 + 1;
        std::snprintf(buf, sizeof buf, "%04lld-W%02lld", static_cast<long long>(year),
                      static_cast<long long>(week));
        return buf;
    }
    case Timeline::Unit::Month:
        std::snprintf(buf, sizeof buf, "%04lld-%02u", static_cast<long long>(c.year), c.month);
        return buf;
    case Timeline::Unit::Year:
        std::snprintf(buf, sizeof buf, "%04lld", static_cast<long long>(c.year));
        return buf;
    }
    return iso(start);
}

// Buckets from the first day's to the last day's, inclusive.
int64_t bucket_count(int64_t first, int64_t last, Timeline::Unit unit) {
    Civil a = civil_from_days(first), b = civil_from_days(last);
    switch (unit) {
    case Timeline::Unit::Day:
        return last - first + 1;
    case Timeline::Unit::Week:
        return (monday_of(last) - monday_of(first)) / 7 + 1;
    case Timeline::Unit::Month:
        return (b.year - a.year) * 12 + int64_t(b.month) - int64_t(a.month) + 1;
    case Timeline::Unit::Year:
        return b.year - a.year + 1;
    }
    return 1;
}

} // namespace

std::string_view to_string(Timeline::Unit unit) {
    switch (unit) {
    case Timeline::Unit::Day:
        return "day";
    case Timeline::Unit::Week:
        return "week";
    case Timeline::Unit::Month:
        return "month";
    case Timeline::Unit::Year:
        return "year";
    }
    return "day";
}

bool day_number(std::string_view s, int64_t& day) {
    unsigned y = 0, m = 1, d = 1;
    if (!digits(s, 0, 4, y) || y == 0) return false;
    if (s.size() > 4) {
        if (s[4] != '-' || !digits(s, 5, 2, m) || m < 1 || m > 12) return false;
        if (s.size() > 7) {
            if (s[7] != '-' || !digits(s, 8, 2, d) || d < 1 || d > days_in_month(y, m))
                return false;
            if (s.size() > 10 && s[10] != 'T' && s[10] != ' ') return false;
        }
    }
    day = days_from_civil(y, m, d);
    return true;
}

// At most 60 buckets, the finest unit that allows it: with 10-60 buckets a bar chart stays
// readable at the widths the app gives it, and any span of more than ~10 units of one size has
// ~10-60 of the next coarser one (61 days are 9-10 weeks; 61 weeks 14-15 months; 61 months 6
// years).
Timeline::Unit timeline_unit(int64_t first, int64_t last) {
    constexpr int64_t kMaxBuckets = 60;
    for (auto unit : {Timeline::Unit::Day, Timeline::Unit::Week, Timeline::Unit::Month})
        if (bucket_count(first, last, unit) <= kMaxBuckets) return unit;
    return Timeline::Unit::Year;
}

Timeline timeline(const Corpus& corpus, std::span<const double> values,
                  const Timeline::Unit* unit) {
    Timeline out;
    const auto& articles = corpus.articles();
    std::vector<int64_t> days(articles.size());
    std::vector<bool> dated(articles.size());
    int64_t first = 0, last = 0;
    bool any = false;
    for (size_t i = 0; i < articles.size(); ++i) {
        double v = values.empty() ? 1.0 : (i < values.size() ? values[i] : 0.0);
        dated[i] = day_number(articles[i].date, days[i]);
        if (!dated[i]) {
            ++out.undated;
            out.undated_value += v;
            continue;
        }
        first = any ? std::min(first, days[i]) : days[i];
        last = any ? std::max(last, days[i]) : days[i];
        any = true;
    }
    out.unit = unit ? *unit : (any ? timeline_unit(first, last) : Timeline::Unit::Day);
    if (!any) return out;
    std::vector<int64_t> starts;
    for (int64_t s = bucket_start(first, out.unit); s <= last; s = next_start(s, out.unit)) {
        starts.push_back(s);
        out.buckets.push_back({label_of(s, out.unit), iso(s), 0, 0});
    }
    for (size_t i = 0; i < articles.size(); ++i) {
        if (!dated[i]) continue;
        auto at = std::upper_bound(starts.begin(), starts.end(), days[i]) - starts.begin() - 1;
        TimeBucket& b = out.buckets[size_t(at)];
        ++b.articles;
        b.value += values.empty() ? 1.0 : (i < values.size() ? values[i] : 0.0);
    }
    return out;
}

Timeline term_over_time(const Corpus& corpus, const TermCounts& terms, std::string_view word) {
    std::vector<double> values(corpus.size(), 0.0);
    std::map<std::string, std::string> term_by_language; // the word analysed in each language
    for (size_t i = 0; i < corpus.size(); ++i) {
        const Article& a = corpus.articles()[i];
        auto it = term_by_language.find(a.language);
        if (it == term_by_language.end())
            it = term_by_language.emplace(a.language, terms.term_of(word, a.language)).first;
        if (!it->second.empty()) values[i] = terms.count_in(corpus.ids()[i], it->second);
    }
    return timeline(corpus, values);
}

} // namespace broadsheet
