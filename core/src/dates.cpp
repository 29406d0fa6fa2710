#include "broadsheet/dates.hpp"

#include "text_util.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>
#include <optional>
#include <vector>

namespace broadsheet {
namespace {

struct Token {
    std::string_view text;
    bool number = false;
};

// Letters: ASCII letters and any byte of a multi-byte UTF-8 sequence (month names in other
// languages: "März", "août", "września").
bool is_alpha(char c) {
    return std::isalpha(static_cast<unsigned char>(c)) != 0 || (c & 0x80) != 0;
}

bool is_connector(std::string_view w);
bool is_digit(char c) {
    return std::isdigit(static_cast<unsigned char>(c)) != 0;
}

// Words (letters; a trailing '.' as in "Nov." dropped) and numbers (digits with inner ':', '.' or
// '-' so that "20:15", "06.43" and "2019-11-20T10:00Z" stay whole). Everything else separates.
std::vector<Token> tokenize(std::string_view s) {
    std::vector<Token> out;
    size_t i = 0;
    while (i < s.size()) {
        if (is_alpha(s[i])) {
            size_t j = i;
            while (j < s.size() && is_alpha(s[j])) ++j;
            std::string_view w = s.substr(i, j - i);
            // CJK date markers (2020年1月2日, 2020년 1월 2일) are separators, not words.
            for (std::string_view mark : {"\xE5\xB9\xB4", "\xE6\x9C\x88", "\xE6\x97\xA5",
                                          "\xEB\x85\x84", "\xEC\x9B\x94", "\xEC\x9D\xBC"})
                if (w == mark) w = {};
            // Connectors between day, month and year: "25 de agosto de 2015", "the 3rd of May".
            if (!w.empty() && !is_connector(w)) out.push_back({w, false});
            i = j;
        } else if (is_digit(s[i])) {
            size_t j = i;
            while (j < s.size() && (is_digit(s[j]) || s[j] == 'T' || s[j] == 'Z' || s[j] == '+' ||
                                    ((s[j] == ':' || s[j] == '.' || s[j] == '-') &&
                                     j + 1 < s.size() && is_digit(s[j + 1]))))
                ++j;
            out.push_back({s.substr(i, j - i), true});
            i = j;
        } else {
            ++i;
        }
    }
    return out;
}

// Month names and abbreviations beyond English: German, French, Spanish, Italian, Portuguese,
// Dutch, Polish (nominative and genitive), Turkish, Scandinavian, Czech, Russian and Ukrainian
// (genitive).
struct MonthName {
    std::string_view name;
    int month;
};
constexpr MonthName kMonthNames[] = {
    {"sept", 9},
    // de
    {"januar", 1},
    {"jänner", 1},
    {"februar", 2},
    {"märz", 3},
    {"maerz", 3},
    {"mai", 5},
    {"juni", 6},
    {"juli", 7},
    {"oktober", 10},
    {"dezember", 12},
    {"mär", 3},
    {"okt", 10},
    {"dez", 12},
    // fr
    {"janvier", 1},
    {"février", 2},
    {"fevrier", 2},
    {"mars", 3},
    {"avril", 4},
    {"juin", 6},
    {"juillet", 7},
    {"août", 8},
    {"aout", 8},
    {"septembre", 9},
    {"octobre", 10},
    {"novembre", 11},
    {"décembre", 12},
    {"janv", 1},
    {"févr", 2},
    {"avr", 4},
    {"juil", 7},
    {"déc", 12},
    // es
    {"enero", 1},
    {"febrero", 2},
    {"marzo", 3},
    {"abril", 4},
    {"mayo", 5},
    {"junio", 6},
    {"julio", 7},
    {"agosto", 8},
    {"septiembre", 9},
    {"setiembre", 9},
    {"octubre", 10},
    {"noviembre", 11},
    {"diciembre", 12},
    {"ene", 1},
    {"abr", 4},
    {"ago", 8},
    {"dic", 12},
    // it
    {"gennaio", 1},
    {"febbraio", 2},
    {"aprile", 4},
    {"maggio", 5},
    {"giugno", 6},
    {"luglio", 7},
    {"settembre", 9},
    {"ottobre", 10},
    {"dicembre", 12},
    {"gen", 1},
    {"mag", 5},
    {"giu", 6},
    {"lug", 7},
    {"set", 9},
    {"ott", 10},
    // pt
    {"janeiro", 1},
    {"fevereiro", 2},
    {"março", 3},
    {"maio", 5},
    {"junho", 6},
    {"julho", 7},
    {"setembro", 9},
    {"outubro", 10},
    {"novembro", 11},
    {"dezembro", 12},
    {"fev", 2},
    {"out", 10},
    // nl
    {"januari", 1},
    {"februari", 2},
    {"maart", 3},
    {"mei", 5},
    {"augustus", 8},
    {"mrt", 3},
    // pl
    {"styczeń", 1},
    {"stycznia", 1},
    {"luty", 2},
    {"lutego", 2},
    {"marzec", 3},
    {"marca", 3},
    {"kwiecień", 4},
    {"kwietnia", 4},
    {"maj", 5},
    {"maja", 5},
    {"czerwiec", 6},
    {"czerwca", 6},
    {"lipiec", 7},
    {"lipca", 7},
    {"sierpień", 8},
    {"sierpnia", 8},
    {"wrzesień", 9},
    {"września", 9},
    {"październik", 10},
    {"października", 10},
    {"listopad", 11},
    {"listopada", 11},
    {"grudzień", 12},
    {"grudnia", 12},
    // tr
    {"ocak", 1},
    {"şubat", 2},
    {"mart", 3},
    {"nisan", 4},
    {"mayıs", 5},
    {"haziran", 6},
    {"temmuz", 7},
    {"ağustos", 8},
    {"eylül", 9},
    {"ekim", 10},
    {"kasım", 11},
    {"aralık", 12},
    // sv, da, no
    {"augusti", 8},
    {"desember", 12},
    // cs (genitive)
    {"ledna", 1},
    {"února", 2},
    {"března", 3},
    {"dubna", 4},
    {"května", 5},
    {"června", 6},
    {"července", 7},
    {"srpna", 8},
    {"září", 9},
    {"října", 10},
    {"listopadu", 11},
    {"prosince", 12},
    // ru, uk (genitive, as dates print them: "15 августа 2016")
    {"января", 1},
    {"февраля", 2},
    {"марта", 3},
    {"апреля", 4},
    {"мая", 5},
    {"июня", 6},
    {"июля", 7},
    {"августа", 8},
    {"сентября", 9},
    {"октября", 10},
    {"ноября", 11},
    {"декабря", 12},
    {"січня", 1},
    {"лютого", 2},
    {"березня", 3},
    {"квітня", 4},
    {"травня", 5},
    {"червня", 6},
    {"липня", 7},
    {"серпня", 8},
    {"вересня", 9},
    {"жовтня", 10},
    {"листопада", 11},
    {"грудня", 12},
};

int month_of(std::string_view w) {
    static constexpr std::array<std::string_view, 12> kNames = {
        "january", "february", "march",     "april",   "may",      "june",
        "july",    "august",   "september", "october", "november", "december"};
    if (w.size() < 3) return 0;
    for (size_t m = 0; m < kNames.size(); ++m) {
        // Full name or three-letter abbreviation.
        if (text::iequals(w, kNames[m]) || text::iequals(w, kNames[m].substr(0, 3)))
            return int(m) + 1;
    }
    // ASCII case-insensitive: "MÄRZ" is not matched, "März" and "märz" are.
    for (const auto& n : kMonthNames)
        if (text::iequals(w, n.name)) return n.month;
    return 0;
}

bool is_weekday(std::string_view w) {
    static constexpr std::array<std::string_view, 7> kNames = {
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
    for (auto n : kNames)
        if (text::iequals(w, n) || text::iequals(w, n.substr(0, 3)) ||
            (w.size() == 4 && text::iequals(w, n.substr(0, 4))))
            return true;
    // de, fr, es, it, pt, nl, pl: the forms printed before dates.
    static constexpr std::string_view kOther[] = {
        "montag",   "dienstag",  "mittwoch",  "donnerstag", "freitag",  "samstag",      "sonntag",
        "mo",       "di",        "mi",        "do",         "fr",       "sa",           "so",
        "lundi",    "mardi",     "mercredi",  "jeudi",      "vendredi", "samedi",       "dimanche",
        "lunes",    "martes",    "miércoles", "jueves",     "viernes",  "sábado",       "domingo",
        "lunedì",   "martedì",   "mercoledì", "giovedì",    "venerdì",  "sabato",       "segunda",
        "terça",    "quarta",    "quinta",    "sexta",      "feira",    "maandag",      "dinsdag",
        "woensdag", "donderdag", "vrijdag",   "zaterdag",   "zondag",   "poniedziałek", "wtorek",
        "środa",    "czwartek",  "piątek",    "sobota",     "niedziela"};
    for (auto n : kOther)
        if (text::iequals(w, n)) return true;
    return false;
}

bool is_connector(std::string_view w) {
    for (auto f : {"de", "del", "of", "the", "den", "le", "el", "th", "st", "nd", "rd", "er", "du"})
        if (text::iequals(w, f)) return true;
    return false;
}

bool is_filler(std::string_view w) {
    for (auto f : {"published",    "updated", "last",      "modified",   "on",
                   "posted",       "first",   "at",        "am",         "veröffentlicht",
                   "aktualisiert", "publié",  "publicado", "pubblicato", "opublikowano",
                   "stand",        "datum",   "date",      "fecha",      "le",
                   "il",           "em"})
        if (text::iequals(w, f)) return true;
    return false;
}

std::optional<int> to_int(std::string_view s) {
    if (s.empty() || s.size() > 4) return std::nullopt;
    int v = 0;
    for (char c : s) {
        if (!is_digit(c)) return std::nullopt;
        v = v * 10 + (c - '0');
    }
    return v;
}

// Offsets of the zone abbreviations news sites print, in minutes east of UTC.
std::optional<int> zone_offset(std::string_view w) {
    struct Zone {
        std::string_view name;
        int minutes;
    };
    static constexpr Zone kZones[] = {
        {"UTC", 0},    {"GMT", 0},    {"Z", 0},      {"BST", 60},   {"CET", 60},   {"CEST", 120},
        {"EET", 120},  {"EEST", 180}, {"EST", -300}, {"EDT", -240}, {"CST", -360}, {"CDT", -300},
        {"MST", -420}, {"MDT", -360}, {"PST", -480}, {"PDT", -420}, {"HKT", 480},  {"JST", 540},
        {"IST", 330},  {"AEST", 600}, {"AEDT", 660}};
    for (const auto& z : kZones)
        if (text::iequals(w, z.name)) return z.minutes;
    return std::nullopt;
}

std::string format(int y, int m, int d) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
    return buf;
}

bool valid_date(int y, int m, int d) {
    return y >= 1800 && y <= 2200 && m >= 1 && m <= 12 && d >= 1 && d <= days_in_month(y, m);
}

struct Dmy {
    int d, m, y;
};

// "25.08.2015" or "25.8.2015" as one token: day, month, four-digit year; or "28.09.19" with a
// two-digit year, taken only with two-digit day and month (what German sites print, while "1.2.19"
// is as likely a version number). A time may be glued to the year where a page's text joins two
// elements with no space between ("28.09.1912:44", "25.08.201514:30"); a year is never followed
// by ':', so the digits before it are split into year and hour, and the time is left in `time`.
struct Dotted {
    int d, m, y;
    std::string_view time;
};
std::optional<Dotted> split_dotted(std::string_view t) {
    size_t a = t.find('.');
    size_t b = a == std::string_view::npos ? a : t.find('.', a + 1);
    if (b == std::string_view::npos || a == 0 || a > 2 || b - a - 1 == 0 || b - a - 1 > 2)
        return std::nullopt;
    std::string_view year = t.substr(b + 1), time;
    if (size_t colon = year.find(':'); colon != std::string_view::npos) {
        // 3 or 4 digits before the ':' are a two-digit year and an hour, 5 or 6 a four-digit one.
        if (colon < 3 || colon > 6) return std::nullopt;
        size_t digits = colon <= 4 ? 2 : 4;
        time = year.substr(digits);
        year = year.substr(0, digits);
    }
    bool two_digit = year.size() == 2 && a == 2 && b - a - 1 == 2;
    if (year.size() != 4 && !two_digit) return std::nullopt;
    auto d = to_int(t.substr(0, a)), m = to_int(t.substr(a + 1, b - a - 1)), y = to_int(year);
    if (!d || !m || !y) return std::nullopt;
    // Two-digit years: 00-69 are this century, 70-99 the last (POSIX strptime's %y pivot).
    if (two_digit) *y += *y < 70 ? 2000 : 1900;
    return Dotted{*d, *m, *y, time};
}

// "2019-11-20" or "2019-11-20T10:00[:00][Z|+hh:mm]".
std::string parse_iso(std::string_view t) {
    if (t.size() < 10 || t[4] != '-' || t[7] != '-') return {};
    auto y = to_int(t.substr(0, 4)), m = to_int(t.substr(5, 2)), d = to_int(t.substr(8, 2));
    if (!y || !m || !d || !valid_date(*y, *m, *d)) return {};
    std::string out = format(*y, *m, *d);
    if (t.size() >= 16 && t[10] == 'T' && t[13] == ':') {
        auto hh = to_int(t.substr(11, 2)), mm = to_int(t.substr(14, 2));
        if (hh && mm && *hh < 24 && *mm < 60) {
            out += std::string(t.substr(10, 6));
            std::string_view rest = t.substr(16);
            if (rest.size() >= 3 && rest[0] == ':') rest.remove_prefix(3); // seconds
            while (!rest.empty() && (rest[0] == '.' || is_digit(rest[0]))) rest.remove_prefix(1);
            // A zone: Z, +hh:mm, or +hhmm and +hh as ISO 8601's basic format writes it (the New
            // York Times' API, strftime's %z), at most 14 hours from UTC, written +hh:mm; anything
            // else is left off.
            std::string zone(rest);
            if (zone.size() == 3) zone += "00";
            if (zone.size() == 5) zone = zone.substr(0, 3) + ':' + zone.substr(3);
            bool offset = zone.size() == 6 && (zone[0] == '+' || zone[0] == '-') && zone[3] == ':' &&
                          is_digit(zone[1]) && is_digit(zone[2]) && is_digit(zone[4]) && is_digit(zone[5]) &&
                          to_int(zone.substr(1, 2)).value_or(99) <= 14 && to_int(zone.substr(4, 2)).value_or(99) < 60;
            if (rest == "Z") out += 'Z';
            else if (offset) out += zone;
        }
    }
    return out;
}

} // namespace

std::string parse_month_year(std::string_view s) {
    s = text::trim(s);
    const size_t space = s.find_first_of(" \t");
    if (space == std::string_view::npos) return {};
    std::string_view name = s.substr(0, space), year = text::trim(s.substr(space));
    if (!name.empty() && name.back() == '.') name.remove_suffix(1); // "Jun. 2014"
    if (!name.empty() && name.back() == ',') name.remove_suffix(1);
    const int month = month_of(name);
    if (month == 0 || year.size() != 4 || !std::all_of(year.begin(), year.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return {};
    char out[8];
    std::snprintf(out, sizeof out, "%.4s-%02d", year.data(), month);
    return out;
}

std::string parse_date_line(std::string_view line) {
    line = text::trim(line);
    if (line.empty() || line.size() > 100) return {};
    // Every form read below has a number in it (a day or a year); most lines tried have none.
    if (std::none_of(line.begin(), line.end(), is_digit)) return {};
    auto tokens = tokenize(line);
    size_t i = 0;
    while (i < tokens.size() && !tokens[i].number &&
           (is_filler(tokens[i].text) || is_weekday(tokens[i].text)))
        ++i;
    if (i >= tokens.size()) return {};
    // CNN prints the time first: "Updated 0339 GMT (1139 HKT) November 19, 2019".
    std::string leading_time;
    if (tokens[i].number && tokens[i].text.size() == 4 && i + 1 < tokens.size() &&
        zone_offset(tokens[i + 1].text) == 0) {
        auto hhmm = to_int(tokens[i].text);
        if (hhmm && *hhmm / 100 < 24 && *hhmm % 100 < 60) {
            char buf[16];
            std::snprintf(buf, sizeof buf, "T%02d:%02dZ", *hhmm / 100, *hhmm % 100);
            leading_time = buf;
            i += 2;
            if (i + 1 < tokens.size() && tokens[i].number && tokens[i].text.size() == 4 &&
                zone_offset(tokens[i + 1].text))
                i += 2;
        }
    }
    if (i >= tokens.size()) return {};
    if (!leading_time.empty()) {
        std::string d = parse_date_line(line.substr(size_t(tokens[i].text.data() - line.data())));
        return d.size() == 10 ? d + leading_time : std::string();
    }
    if (tokens[i].number && tokens[i].text.size() >= 10 && tokens[i].text[4] == '-') {
        // ISO 8601; a time may follow after a space ("2019-11-20 10:00:00").
        std::string iso = parse_iso(tokens[i].text);
        if (i + 1 == tokens.size()) return iso;
        if (iso.size() == 10 && i + 2 == tokens.size() && tokens[i + 1].text.size() >= 5 &&
            tokens[i + 1].text[2] == ':')
            return parse_iso(std::string(tokens[i].text) + "T" + std::string(tokens[i + 1].text));
        return {};
    }

    int y = 0, m = 0, d = 0;
    auto num = [&](size_t k) {
        return k < tokens.size() && tokens[k].number ? to_int(tokens[k].text) : std::nullopt;
    };
    auto mon = [&](size_t k) {
        return k < tokens.size() && !tokens[k].number ? month_of(tokens[k].text) : 0;
    };
    // A four-digit number (a year); "2.21" is four characters but not a number num() can read.
    auto four = [&](size_t k) {
        return k < tokens.size() && tokens[k].number && tokens[k].text.size() == 4 && num(k).has_value();
    };
    size_t used = 3;
    std::string_view glued_time;                   // "12:44" of "28.09.1912:44"
    if (auto dmy = split_dotted(tokens[i].text)) { // 25.08.2015 (European numeric)
        d = dmy->d, m = dmy->m, y = dmy->y;
        glued_time = dmy->time;
        used = 1;
    } else if (auto dd = num(i); dd && mon(i + 1)) { // 19 November 2019
        auto yy = num(i + 2);
        if (!yy) return {};
        d = *dd, m = mon(i + 1), y = *yy;
    } else if (mon(i)) { // November 19, 2019
        auto day = num(i + 1), yy = num(i + 2);
        if (!day || !yy) return {};
        m = mon(i), d = *day, y = *yy;
    } else if (four(i) && num(i + 1) && num(i + 2)) { // 2015/08/25, 2015年8月25日
        y = *num(i), m = *num(i + 1), d = *num(i + 2);
    } else if (num(i) && num(i + 1) && four(i + 2)) { // 25/08/2015; 08/25/2015 when unambiguous
        d = *num(i), m = *num(i + 1), y = *num(i + 2);
        if (m > 12 && d <= 12) std::swap(d, m);
    } else {
        return {};
    }
    if (!valid_date(y, m, d)) return {};
    i += used;
    std::string out = format(y, m, d);

    // Optional time: "20:15", "06.43", "5:52 AM".
    if (!glued_time.empty()) tokens.insert(tokens.begin() + long(i), Token{glued_time, true});
    if (i < tokens.size() && tokens[i].number) {
        std::string_view t = tokens[i].text;
        size_t sep = t.find_first_of(":.");
        auto hh = sep == std::string_view::npos ? std::nullopt : to_int(t.substr(0, sep));
        auto mm = sep == std::string_view::npos ? std::nullopt : to_int(t.substr(sep + 1, 2));
        if (!hh || !mm || *hh > 23 || *mm > 59) return out;
        int h = *hh;
        ++i;
        if (i < tokens.size() &&
            (text::iequals(tokens[i].text, "AM") || text::iequals(tokens[i].text, "PM"))) {
            if (h < 1 || h > 12) return out;
            bool pm = text::iequals(tokens[i].text, "PM");
            h = (h % 12) + (pm ? 12 : 0);
            ++i;
        }
        char buf[32];
        std::snprintf(buf, sizeof buf, "T%02d:%02d", h, *mm);
        out += buf;
        if (i < tokens.size()) {
            if (auto off = zone_offset(tokens[i].text)) {
                if (*off == 0) {
                    out += 'Z';
                } else {
                    int a = *off < 0 ? -*off : *off;
                    std::snprintf(buf, sizeof buf, "%c%02d:%02d", *off < 0 ? '-' : '+',
                                  (a / 60) % 24, a % 60);
                    out += buf;
                }
                ++i;
            }
        }
    }
    // What follows may only be a short "Updated ..." note or a reading time, not prose.
    if (i < tokens.size() && !is_filler(tokens[i].text) && tokens.size() - i > 4) return {};
    return out;
}

} // namespace broadsheet

namespace broadsheet {

std::string parse_date(std::string_view s) {
    s = text::trim(s);
    if (s.empty() || s.size() > 200) return {};
    if (std::string d = parse_date_line(s); !d.empty()) return d;
    // Compact "20150825" (some CMSs' meta fields).
    if (s.size() >= 8 && std::all_of(s.begin(), s.begin() + 8, is_digit) &&
        (s.size() == 8 || !is_digit(s[8]))) {
        auto y = to_int(s.substr(0, 4)), m = to_int(s.substr(4, 2)), d = to_int(s.substr(6, 2));
        if (y && m && d && valid_date(*y, *m, *d)) return format(*y, *m, *d);
    }
    // A date inside a label ("Posted by Jane on 25. August 2015 in News"): try each word start,
    // with a window long enough for a date and its time.
    for (size_t i = 0; i < s.size(); ++i) {
        // Word starts, and number starts glued to a word ("Jane Doe3.11.2023").
        bool digit = is_digit(s[i]);
        if (!digit && !is_alpha(s[i])) continue;
        if (i > 0 && (digit ? (is_digit(s[i - 1]) || s[i - 1] == '.' || s[i - 1] == '/')
                            : is_alpha(s[i - 1])))
            continue;
        for (size_t len : {size_t(40), size_t(28), size_t(20), size_t(12)}) {
            std::string_view w = s.substr(i, len);
            // Cut at a word end so that "2015 in" does not read as part of the date, and never
            // inside a number ("28.09.1912:44" cut after "1912:" is not the year 1912).
            while (w.size() < s.size() - i && !w.empty() &&
                   (is_alpha(w.back()) || is_digit(w.back()) || is_digit(s[i + w.size()])))
                w.remove_suffix(1);
            if (std::string d = parse_date_line(w); !d.empty()) return d;
        }
    }
    return {};
}

int days_in_month(int y, int m) {
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return m == 2 && leap ? 29 : kDays[m - 1];
}

int64_t days_from_civil(int y, int m, int d) {
    // Howard Hinnant's algorithm: eras of 400 years that begin on a 1 March, so that a leap day
    // ends its year.
    const int64_t year = y - (m <= 2);
    const int64_t era = (year >= 0 ? year : year - 399) / 400;
    const int64_t year_of_era = year - era * 400;
    const int64_t day_of_year = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const int64_t day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    return era * 146097 + day_of_era - 719468;
}

std::string epoch_date(std::string_view s) {
    s = text::trim(s);
    auto all_digits = [](std::string_view d) { return std::all_of(d.begin(), d.end(), is_digit); };
    // Seconds with a fraction, as a float ("1700000000.0": Reddit's created_utc).
    if (const size_t dot = s.find('.'); dot == 10 && s.size() > 11 && all_digits(s.substr(dot + 1))) s = s.substr(0, dot);
    if (s.empty() || s.size() > 13 || !all_digits(s)) return {};
    int64_t n = 0;
    for (char c : s) n = n * 10 + (c - '0');
    // Seconds (10 digits) or milliseconds (13) since 1970, from 1990 to 2100: other numbers are
    // no such timestamp ("20150825" is a compact date, read elsewhere).
    constexpr int64_t kFrom = 631152000, kTo = 4102444800; // 1990-01-01, 2100-01-01
    if (s.size() == 13) n /= 1000;
    else if (s.size() != 10) return {};
    if (n < kFrom || n >= kTo) return {};
    // Howard Hinnant's civil_from_days: days_from_civil() above, the other way.
    const int64_t z = n / 86400 + 719468, secs = n % 86400;
    const int64_t era = z / 146097, day_of_era = z - era * 146097;
    const int64_t year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
    const int64_t day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    const int64_t mp = (5 * day_of_year + 2) / 153;
    const int d = int(day_of_year - (153 * mp + 2) / 5 + 1), m = int(mp < 10 ? mp + 3 : mp - 9);
    const int y = int(year_of_era + era * 400 + (m <= 2));
    char out[32];
    std::snprintf(out, sizeof out, "%04d-%02d-%02dT%02d:%02dZ", y, m, d, int(secs / 3600), int(secs / 60 % 60));
    return out;
}

std::string readable_date(std::string_view iso, bool short_month) {
    static constexpr const char* kMonths[] = {"January", "February", "March",     "April",   "May",      "June",
                                              "July",    "August",   "September", "October", "November", "December"};
    size_t at = 0;
    auto number = [&](size_t digits, int& out) {
        if (iso.size() < at + digits) return false;
        out = 0;
        for (size_t i = at; i < at + digits; ++i) {
            if (iso[i] < '0' || iso[i] > '9') return false;
            out = out * 10 + (iso[i] - '0');
        }
        at += digits;
        return true;
    };
    auto skip = [&](char c) {
        if (at < iso.size() && iso[at] == c) return ++at, true;
        return false;
    };
    int year = 0, month = 0, day = 0, hour = 0, minute = 0;
    if (!number(4, year)) return std::string(iso);
    if (at == iso.size()) return std::string(iso);
    if (!skip('-') || !number(2, month) || month < 1 || month > 12) return std::string(iso);
    std::string month_name(kMonths[month - 1]);
    if (short_month) month_name.resize(3);
    if (at == iso.size()) return month_name + " " + std::to_string(year);
    if (!skip('-') || !number(2, day) || day < 1 || day > days_in_month(year, month)) return std::string(iso);
    std::string out = std::to_string(day) + " " + month_name + " " + std::to_string(year);
    if (at == iso.size() || short_month) return at == iso.size() || iso[at] == 'T' || iso[at] == ' ' ? out : std::string(iso);
    if (!(skip('T') || skip(' ')) || !number(2, hour) || hour > 23 || !skip(':') || !number(2, minute) || minute > 59)
        return std::string(iso);
    int ignored = 0;
    if (skip(':') && !number(2, ignored)) return std::string(iso); // seconds, not shown
    if (skip('.'))
        while (at < iso.size() && iso[at] >= '0' && iso[at] <= '9') ++at; // and their fractions
    char time[32];
    std::snprintf(time, sizeof time, "%02d:%02d", hour, minute);
    out += std::string(", ") + time;
    if (at == iso.size()) return out; // the publisher's local time, zone unknown
    if (skip('Z')) return at == iso.size() ? out + " UTC" : std::string(iso);
    const bool west = iso[at] == '-';
    if (!skip('+') && !skip('-')) return std::string(iso);
    int zone_hours = 0, zone_minutes = 0;
    if (!number(2, zone_hours) || zone_hours > 14) return std::string(iso);
    skip(':');
    if (at < iso.size() && (!number(2, zone_minutes) || zone_minutes > 59)) return std::string(iso);
    if (at != iso.size()) return std::string(iso);
    if (zone_hours == 0 && zone_minutes == 0) return out + " UTC";
    out += std::string(" UTC") + (west ? "-" : "+") + std::to_string(zone_hours);
    if (zone_minutes) {
        std::snprintf(time, sizeof time, ":%02d", zone_minutes);
        out += time;
    }
    return out;
}

} // namespace broadsheet
