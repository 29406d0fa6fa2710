#include "broadsheet/dates.hpp"

#include "text_util.hpp"

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

bool is_alpha(char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; }
bool is_digit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }

// Words (letters; a trailing '.' as in "Nov." dropped) and numbers (digits with inner ':', '.' or
// '-' so that "20:15", "06.43" and "2019-11-20T10:00Z" stay whole). Everything else separates.
std::vector<Token> tokenize(std::string_view s) {
    std::vector<Token> out;
    size_t i = 0;
    while (i < s.size()) {
        if (is_alpha(s[i])) {
            size_t j = i;
            while (j < s.size() && is_alpha(s[j])) ++j;
            out.push_back({s.substr(i, j - i), false});
            i = j;
        } else if (is_digit(s[i])) {
            size_t j = i;
            while (j < s.size() &&
                   (is_digit(s[j]) || s[j] == 'T' || s[j] == 'Z' || s[j] == '+' ||
                    ((s[j] == ':' || s[j] == '.' || s[j] == '-') && j + 1 < s.size() &&
                     is_digit(s[j + 1]))))
                ++j;
            out.push_back({s.substr(i, j - i), true});
            i = j;
        } else {
            ++i;
        }
    }
    return out;
}

int month_of(std::string_view w) {
    static constexpr std::array<std::string_view, 12> kNames = {
        "january", "february", "march",     "april",   "may",      "june",
        "july",    "august",   "september", "october", "november", "december"};
    if (w.size() < 3) return 0;
    for (size_t m = 0; m < kNames.size(); ++m) {
        // Full name, three-letter abbreviation, or AP's "Sept".
        if (text::iequals(w, kNames[m]) || text::iequals(w, kNames[m].substr(0, 3)) ||
            (m == 8 && text::iequals(w, "sept")))
            return int(m) + 1;
    }
    return 0;
}

bool is_weekday(std::string_view w) {
    static constexpr std::array<std::string_view, 7> kNames = {
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
    for (auto n : kNames)
        if (text::iequals(w, n) || text::iequals(w, n.substr(0, 3)) ||
            (w.size() == 4 && text::iequals(w, n.substr(0, 4))))
            return true;
    return false;
}

bool is_filler(std::string_view w) {
    for (auto f : {"published", "updated", "last", "modified", "on", "posted", "first", "at"})
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

int days_in_month(int y, int m) {
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return m == 2 && leap ? 29 : kDays[m - 1];
}

// Offsets of the zone abbreviations news sites print, in minutes east of UTC.
std::optional<int> zone_offset(std::string_view w) {
    struct Zone {
        std::string_view name;
        int minutes;
    };
    static constexpr Zone kZones[] = {
        {"UTC", 0},     {"GMT", 0},     {"Z", 0},       {"BST", 60},    {"CET", 60},
        {"CEST", 120},  {"EET", 120},   {"EEST", 180},  {"EST", -300},  {"EDT", -240},
        {"CST", -360},  {"CDT", -300},  {"MST", -420},  {"MDT", -360},  {"PST", -480},
        {"PDT", -420},  {"HKT", 480},   {"JST", 540},   {"IST", 330},   {"AEST", 600},
        {"AEDT", 660}};
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
            if (rest == "Z" || (rest.size() == 6 && (rest[0] == '+' || rest[0] == '-')))
                out += std::string(rest);
        }
    }
    return out;
}

} // namespace

std::string parse_date_line(std::string_view line) {
    line = text::trim(line);
    if (line.empty() || line.size() > 100) return {};
    auto tokens = tokenize(line);
    size_t i = 0;
    while (i < tokens.size() && !tokens[i].number &&
           (is_filler(tokens[i].text) || is_weekday(tokens[i].text)))
        ++i;
    if (i >= tokens.size()) return {};
    if (tokens[i].number && tokens[i].text.size() >= 10) {
        std::string iso = parse_iso(tokens[i].text);
        return i + 1 == tokens.size() ? iso : std::string();
    }

    int y = 0, m = 0, d = 0;
    auto num = [&](size_t k) { return k < tokens.size() && tokens[k].number ? to_int(tokens[k].text) : std::nullopt; };
    auto mon = [&](size_t k) { return k < tokens.size() && !tokens[k].number ? month_of(tokens[k].text) : 0; };
    if (auto dd = num(i); dd && mon(i + 1)) { // 19 November 2019
        auto yy = num(i + 2);
        if (!yy) return {};
        d = *dd, m = mon(i + 1), y = *yy;
    } else if (mon(i)) { // November 19, 2019
        auto day = num(i + 1), yy = num(i + 2);
        if (!day || !yy) return {};
        m = mon(i), d = *day, y = *yy;
    } else {
        return {};
    }
    if (!valid_date(y, m, d)) return {};
    i += 3;
    std::string out = format(y, m, d);

    // Optional time: "20:15", "06.43", "5:52 AM".
    if (i < tokens.size() && tokens[i].number) {
        std::string_view t = tokens[i].text;
        size_t sep = t.find_first_of(":.");
        auto hh = sep == std::string_view::npos ? std::nullopt : to_int(t.substr(0, sep));
        auto mm = sep == std::string_view::npos ? std::nullopt : to_int(t.substr(sep + 1, 2));
        if (!hh || !mm || *hh > 23 || *mm > 59) return out;
        int h = *hh;
        ++i;
        if (i < tokens.size() && (text::iequals(tokens[i].text, "AM") || text::iequals(tokens[i].text, "PM"))) {
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
                    std::snprintf(buf, sizeof buf, "%c%02d:%02d", *off < 0 ? '-' : '+', (a / 60) % 24,
                                  a % 60);
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
