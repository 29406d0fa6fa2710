// The plain-text importer: text as copied or scraped from a news site.
//
// The input is a run of lines: perhaps a banner ("This article is more than 1 year old"), the
// headline, a standfirst, byline and date lines, the body paragraphs (blank-line separated), an end
// mark ("®"), then footer junk ("More about", "TIP US OFF", ...). Which lines are boilerplate is
// data (kLineRules below), not code, so a new site's furniture is one row.
#include "broadsheet/article.hpp"
#include "broadsheet/dates.hpp"
#include "broadsheet/import.hpp"

#include "import_internal.hpp"
#include "text_util.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <iterator>
#include <optional>
#include <string>
#include <vector>

namespace broadsheet {
namespace {

enum class LineRole {
    Banner,      // dropped wherever it stands before the body ends
    Junk,        // dropped wherever it stands
    FooterStart, // once the body has started, this line and everything after it are footer
    BodyEnd,     // once the body has started, this line ends it (dropped as credits), the rest
                 // is footer: "Reporting by ...; Editing by ...", "... contributed to this report."
};

struct LineRule {
    std::string_view pattern; // text::matches syntax: '*' any, '#' digits, case-insensitive
    LineRole role;
    std::string_view reason; // shown to the user beside the removed text
};

// Sources: ../shared/notes/article-text-styles.md (The Register, Guardian, BBC, Reuters, AP,
// CNN, NYT). Generic rows first, then one group per site style.
constexpr std::array kLineRules = {
    // generic
    LineRule{"This article is more than # year* old", LineRole::Banner, "age banner"},
    LineRule{"This article is more than # month* old", LineRole::Banner, "age banner"},
    LineRule{"This article is over # year* old", LineRole::Banner, "age banner"},
    LineRule{"Skip to main content", LineRole::Junk, "navigation"},
    LineRule{"Skip to content", LineRole::Junk, "navigation"},
    LineRule{"Accessibility links", LineRole::Junk, "navigation"},
    LineRule{"Advertisement", LineRole::Junk, "advertisement"},
    LineRule{"Supported by", LineRole::Junk, "advertisement"},
    LineRule{"Continue reading the main story", LineRole::Junk, "navigation"},
    LineRule{"Share", LineRole::Junk, "share prompt"},
    LineRule{"Share this with*", LineRole::Junk, "share prompt"},
    LineRule{"Share on *", LineRole::Junk, "share prompt"},
    LineRule{"Close share panel", LineRole::Junk, "share prompt"},
    // The share panel's buttons, a line each (BBC: "Share this with", "Email", "Facebook", ...).
    LineRule{"Email", LineRole::Junk, "share prompt"},
    LineRule{"Facebook", LineRole::Junk, "share prompt"},
    LineRule{"Twitter", LineRole::Junk, "share prompt"},
    LineRule{"WhatsApp", LineRole::Junk, "share prompt"},
    LineRule{"Messenger", LineRole::Junk, "share prompt"},
    LineRule{"LinkedIn", LineRole::Junk, "share prompt"},
    LineRule{"Copy link", LineRole::Junk, "share prompt"},
    LineRule{"These are external links and will open in a new window", LineRole::Junk,
             "share prompt"},
    LineRule{"# Min Read", LineRole::Junk, "reading time"},
    LineRule{"Related:*", LineRole::Junk, "related link"},
    LineRule{"Published", LineRole::Junk, "relative date"},
    LineRule{"Published# * ago", LineRole::Junk, "relative date"},
    LineRule{"Published # * ago", LineRole::Junk, "relative date"},
    LineRule{"Updated # * ago", LineRole::Junk, "relative date"},
    LineRule{"Topics", LineRole::FooterStart, "footer"},
    LineRule{"Most popular", LineRole::FooterStart, "footer"},
    LineRule{"Read Next", LineRole::FooterStart, "footer"},
    LineRule{"Trending", LineRole::FooterStart, "footer"},
    LineRule{"___*", LineRole::FooterStart, "footer"},
    LineRule{"Reporting by *", LineRole::BodyEnd, "credits"},
    LineRule{"Additional reporting by *", LineRole::BodyEnd, "credits"},
    LineRule{"Writing by *", LineRole::BodyEnd, "credits"},
    LineRule{"Editing by *", LineRole::BodyEnd, "credits"},
    LineRule{"* contributed to this report.", LineRole::BodyEnd, "credits"},
    // The Register
    LineRule{"More about", LineRole::FooterStart, "footer"},
    LineRule{"More like these", LineRole::FooterStart, "footer"},
    LineRule{"TIP US OFF", LineRole::FooterStart, "footer"},
    LineRule{"Send us news", LineRole::FooterStart, "footer"},
    LineRule{"Other stories you might like", LineRole::FooterStart, "footer"},
    // Guardian
    LineRule{"Available for everyone, funded by readers", LineRole::Junk, "support appeal"},
    LineRule{"Contribute Subscribe", LineRole::Junk, "support appeal"},
    LineRule{"Support the Guardian*", LineRole::Junk, "support appeal"},
    LineRule{"*Photograph: *", LineRole::Junk, "image caption"},
    LineRule{"Quick Guide", LineRole::Junk, "box heading"},
    LineRule{"Reuse this content", LineRole::FooterStart, "footer"},
    // BBC
    LineRule{"BBC Account", LineRole::Junk, "navigation"},
    LineRule{"Image source, *", LineRole::Junk, "image credit"},
    LineRule{"Image caption, *", LineRole::Junk, "image caption"},
    LineRule{"Image copyright *", LineRole::Junk, "image credit"},
    LineRule{"Related Topics", LineRole::FooterStart, "footer"},
    LineRule{"Share this story*", LineRole::FooterStart, "footer"},
    LineRule{"More on this story", LineRole::FooterStart, "footer"},
    LineRule{"Follow * on Instagram*", LineRole::FooterStart, "footer"},
    LineRule{"Follow * on Twitter*", LineRole::FooterStart, "footer"},
    LineRule{"Follow * on Facebook*", LineRole::FooterStart, "footer"},
    // Reuters
    LineRule{"Discover Thomson Reuters", LineRole::Junk, "navigation"},
    LineRule{"Coming soon: *Sign up here.", LineRole::Junk, "promotion"},
    LineRule{"Our Standards:*", LineRole::FooterStart, "footer"},
    LineRule{"Suggested Topics", LineRole::FooterStart, "footer"},
    LineRule{"\xC2\xA9 # Reuters*", LineRole::FooterStart, "footer"},
    LineRule{"All quotes delayed a minimum of*", LineRole::FooterStart, "footer"},
    // AP
    LineRule{"AP-*--*", LineRole::Junk, "wire slug"},
    LineRule{"Associated Press", LineRole::Junk, "agency line"},
    LineRule{"*(AP Photo*)", LineRole::Junk, "image credit"},
    LineRule{"*, ASSOCIATED PRESS", LineRole::Junk, "image credit"},
    LineRule{"Follow AP's coverage at*", LineRole::FooterStart, "footer"},
    LineRule{"Places in this Story", LineRole::FooterStart, "footer"},
    LineRule{"Organizations in this Story", LineRole::FooterStart, "footer"},
    LineRule{"People in the Story", LineRole::FooterStart, "footer"},
    LineRule{"Copyright # The Associated Press*", LineRole::FooterStart, "footer"},
    // CNN, NYT
    LineRule{"Chat with us in Facebook Messenger*", LineRole::Junk, "promotion"},
    LineRule{"JUST WATCHED", LineRole::Junk, "video widget"},
    LineRule{"Replay", LineRole::Junk, "video widget"},
    LineRule{"More Videos*", LineRole::Junk, "video widget"},
    LineRule{"Credit...*", LineRole::Junk, "image credit"},
    LineRule{"Credit\xE2\x80\xA6*", LineRole::Junk, "image credit"},
    LineRule{"Site Index", LineRole::FooterStart, "footer"},
    LineRule{"The Times is committed to publishing a diversity of letters to the editor*", LineRole::FooterStart, "footer"},
};

// End marks some sites append to the last paragraph of the body (The Register's "®").
constexpr std::array<std::string_view, 1> kEndMarks = {"\xC2\xAE"};

const LineRule* rule_for(std::string_view line) {
    if (line.empty() || line.size() > 300) return nullptr; // furniture is short; never scan long paragraphs
    // The rules a line's first byte may begin, in the table's order (the first that matches
    // wins): those whose pattern starts with that character in either case, a digit for '#', and
    // those that start with '*'. Made once; a line is tried against a few patterns, not all.
    static_assert(kLineRules.size() < 256);
    static const auto by_first_byte = [] {
        std::array<std::vector<uint8_t>, 256> table;
        for (size_t r = 0; r < kLineRules.size(); ++r) {
            const char first = kLineRules[r].pattern.front();
            for (int c = 0; c < 256; ++c) {
                const bool may = first == '*' || (first == '#' ? c >= '0' && c <= '9'
                                                  : first == ' ' ? c == ' ' || c == '\t'
                                                                 : std::tolower(static_cast<unsigned char>(first)) == std::tolower(c));
                if (may) table[size_t(c)].push_back(uint8_t(r));
            }
        }
        return table;
    }();
    for (uint8_t r : by_first_byte[static_cast<unsigned char>(line.front())])
        if (text::matches(kLineRules[r].pattern, line)) return &kLineRules[r];
    return nullptr;
}

// A block is a run of non-blank lines; a paragraph in scraped text, or a header line.
struct Block {
    std::vector<std::string_view> lines;
    std::string joined() const {
        std::string s;
        for (auto l : lines) {
            if (!s.empty()) s += ' ';
            s += l;
        }
        return text::collapse_spaces(s);
    }
};

bool is_quote_open(std::string_view s) {
    return s.starts_with('\'') || s.starts_with('"') || s.starts_with("\xE2\x80\x98") ||
           s.starts_with("\xE2\x80\x9C") || s.starts_with("\xC2\xAB");
}
bool is_quote_close(std::string_view s) {
    return s.ends_with('\'') || s.ends_with('"') || s.ends_with("\xE2\x80\x99") ||
           s.ends_with("\xE2\x80\x9D") || s.ends_with("\xC2\xBB");
}
bool is_bare_number(std::string_view s) {
    return !s.empty() && s.size() <= 12 && std::all_of(s.begin(), s.end(), [](char c) { return (c >= '0' && c <= '9') || c == ','; });
}
bool ends_sentence(std::string_view s) {
    // A quotation or a bracket may close after the stop: adding: "This is a historic day."
    for (bool closed = true; closed;) {
        closed = false;
        for (std::string_view close : {"\"", "'", ")", "\xE2\x80\x9D", "\xE2\x80\x99", "\xC2\xBB"}) // ” ’ »
            if (s.size() > close.size() && s.ends_with(close)) {
                s.remove_suffix(close.size());
                closed = true;
            }
    }
    return s.ends_with('.') || s.ends_with('!') || s.ends_with('?') || s.ends_with(':');
}

// Where the first word naming a journalist's role starts in `s` ("correspondent", "Editor"), or
// npos.
size_t first_role_word(std::string_view s) {
    size_t best = std::string_view::npos;
    const std::string lower = text::ascii_lower(s);
    for (std::string_view w : {"correspondent", "editor", "reporter", "writer", "columnist", "producer", "presenter",
                               "journalist"}) {
        for (size_t at = lower.find(w); at != std::string::npos; at = lower.find(w, at + 1))
            if ((at + w.size() == s.size() || !std::isalpha(static_cast<unsigned char>(s[at + w.size()]))) && at < best) {
                best = at;
                break;
            }
    }
    return best;
}

// A line that is a journalist's role and outlet alone, under the byline: "Health correspondent,
// BBC News", "Political editor".
bool is_role_line(std::string_view line) {
    return line.size() <= 80 && text::count_words(line) <= 8 && !ends_sentence(line) &&
           first_role_word(line) != std::string_view::npos;
}

// Words that make a byline entry a role or an organisation, not a person ("By Jane Doe, CNN
// Business", "Jane Doe, Associated Press").
bool is_role_or_org(std::string_view s) {
    for (std::string_view w : {"CNN", "BBC", "News", "Press", "Reuters", "Associated", "Business",
                               "Staff", "Correspondent", "Editor", "Reporter", "Writer", "Agency",
                               "Bureau", "Desk", "Times", "Guardian", "Sport", "Politics"}) {
        size_t at = s.find(w);
        if (at != std::string_view::npos && (at == 0 || s[at - 1] == ' ') &&
            (at + w.size() == s.size() || s[at + w.size()] == ' ' || s[at + w.size()] == ','))
            return true;
    }
    return false;
}

bool is_particle(std::string_view w) {
    for (auto p : {"van", "von", "de", "der", "den", "da", "di", "al", "bin", "la", "le", "du",
                   "dos", "del", "ter"})
        if (w == p) return true;
    return false;
}

// A person's name as bylines print it: 2-5 words, each capitalised (or a particle such as
// "van"), letters with '.', '-', '\'' only.
bool is_person_name(std::string_view s) {
    s = text::trim(s);
    if (s.empty() || s.size() > 60) return false;
    size_t words = 0;
    for (size_t at = 0; at < s.size();) {
        size_t end = s.find(' ', at);
        if (end == std::string_view::npos) end = s.size();
        std::string_view w = s.substr(at, end - at);
        at = end + 1;
        if (w.empty()) continue;
        ++words;
        bool capital = (w[0] >= 'A' && w[0] <= 'Z') || (w[0] & 0x80);
        if (!capital && !is_particle(w)) return false;
        for (char c : w)
            if (!(std::isalpha(static_cast<unsigned char>(c)) || (c & 0x80) || c == '.' ||
                  c == '-' || c == '\''))
                return false;
    }
    return words >= 2 && words <= 5;
}

// Splits "A, B and C" / "A & B" into names.
std::vector<std::string_view> split_names(std::string_view rest) {
    std::vector<std::string_view> out;
    while (!rest.empty()) {
        size_t cut = rest.size(), skip = 0;
        for (std::string_view sep : {std::string_view(", and "), std::string_view(" and "),
                                     std::string_view(", "), std::string_view(" & ")}) {
            size_t at = rest.find(sep);
            if (at != std::string_view::npos && at < cut) cut = at, skip = sep.size();
        }
        out.push_back(text::trim(rest.substr(0, cut)));
        rest = cut < rest.size() ? rest.substr(cut + skip) : std::string_view();
    }
    return out;
}

// True when the whole line is a list of at least `min` person names ("Jane Doe and John Roe").
bool is_name_list(std::string_view line, size_t min) {
    if (line.size() > 120) return false;
    auto names = split_names(line);
    if (names.size() < min) return false;
    for (auto n : names)
        if (!is_person_name(n) || is_role_or_org(n)) return false;
    return true;
}

struct Byline {
    std::vector<std::string> names;
    std::string role; // "BBC News, Washington", "CNN Business", "Associated Press"
};

// The byline forms of the styles we know:
//   "By Jane Doe", "By Jane Doe and John Roe", "By JANE DOE, JOHN ROE" (AP),
//   "By Jane DoeBBC News, Washington" (BBC: the role glued on), "By Rob Roe, CNN Business" (CNN),
//   "Jane Doe in Washington", "A, B and C in Hong Kong" (Guardian).
Byline parse_byline(std::string_view line) {
    line = text::trim(line);
    Byline out;
    if (line.size() < 5 || line.size() > 160) return out;
    if (text::iequals(line.substr(0, 3), "by ")) {
        std::string_view rest = text::trim(line.substr(3));
        // A role glued to the last name: a lower-case letter then two capitals ("DoeBBC"), or
        // a capital that starts a role ("ThompsonHealth correspondent": the last such capital,
        // so "McDonaldHealth correspondent" keeps "McDonald").
        const size_t role_word = first_role_word(rest);
        size_t glued = std::string_view::npos;
        for (size_t k = 1; k + 1 < rest.size(); ++k) {
            if (!std::islower(static_cast<unsigned char>(rest[k - 1])) || !std::isupper(static_cast<unsigned char>(rest[k])))
                continue;
            if (std::isupper(static_cast<unsigned char>(rest[k + 1]))) {
                glued = k;
                break;
            }
            if (k < role_word && rest.find(' ', k) >= role_word - 1) glued = k; // in the word before the role
        }
        if (glued != std::string_view::npos) {
            out.role = std::string(text::trim(rest.substr(glued)));
            rest = rest.substr(0, glued);
        }
        bool in_role = false; // "By Rob Roe, CNN Business, Hong Kong": after the role, places
        for (auto name : split_names(rest)) {
            if (name.empty() || name.size() > 60) return {};
            if (in_role || is_role_or_org(name)) {
                if (!out.role.empty()) out.role += ", ";
                out.role += name;
                in_role = true;
                continue;
            }
            // A name is a few words, each starting with a capital letter (or a particle).
            if (!((name[0] >= 'A' && name[0] <= 'Z') || (name[0] & 0x80))) return {};
            out.names.emplace_back(name);
        }
        return out;
    }
    // "Names in City": the city is one to three capitalised words at the end.
    size_t in = line.rfind(" in ");
    if (in == std::string_view::npos) return out;
    std::string_view city = line.substr(in + 4), who = line.substr(0, in);
    size_t city_words = std::count(city.begin(), city.end(), ' ') + 1;
    if (city.empty() || city_words > 3 || !((city[0] >= 'A' && city[0] <= 'Z') || (city[0] & 0x80)))
        return out;
    if (!is_name_list(who, 1)) return out;
    for (auto n : split_names(who)) out.names.emplace_back(n);
    out.role = std::string(city);
    return out;
}

// "Headline | Section | The Guardian", "Headline - BBC News": the headline, and the site's name
// into `source` when it is one we know.
std::string clean_page_title(std::string title, std::string& source) {
    static constexpr std::string_view kSites[] = {
        "The Guardian",     "BBC News", "BBC Sport",          "Reuters",     "AP News",
        "Associated Press", "CNN",      "The New York Times", "The Register"};
    for (std::string_view sep : {std::string_view(" | "), std::string_view(" - ")}) {
        size_t at = title.rfind(sep);
        if (at == std::string::npos) continue;
        std::string_view tail = std::string_view(title).substr(at + sep.size());
        for (auto site : kSites) {
            if (tail == site) {
                source = std::string(site);
                title.erase(at);
                // The Guardian also puts the section between: "Headline | World news | The
                // Guardian".
                if (size_t more = title.find(" | "); sep == " | " && more != std::string::npos)
                    title.erase(more);
                return title;
            }
        }
    }
    return title;
}

struct Dateline {
    std::string_view dateline; // "LONDON (Reuters)", "SALVADOR, Feb 26"
    std::string_view agency;   // "Reuters", "AP" -> "Associated Press"; may be empty
    std::string_view rest;     // the paragraph after it
};

// "LONDON (Reuters) - ...", "WASHINGTON (AP) — ...", "SALVADOR, Feb 26 - ..." (Reuters-21578).
std::optional<Dateline> split_dateline(std::string_view p) {
    size_t dash = std::string_view::npos, dash_len = 0;
    for (std::string_view d : {std::string_view(" - "), std::string_view(" \xE2\x80\x94 "),
                               std::string_view(" \xE2\x80\x93 ")}) {
        size_t at = p.find(d);
        if (at != std::string_view::npos && at < dash) dash = at, dash_len = d.size();
    }
    if (dash == std::string_view::npos || dash > 60 || dash < 3) return std::nullopt;
    std::string_view head = p.substr(0, dash);
    size_t place_end = head.find_first_of("(,");
    std::string_view place = text::trim(head.substr(0, place_end));
    if (place.size() < 2) return std::nullopt;
    for (char c : place)
        if (!((c >= 'A' && c <= 'Z') || c == ' ' || c == '.' || c == '\'' || c == '-' ||
              (c & 0x80)))
            return std::nullopt;
    Dateline dl{head, {}, text::trim(p.substr(dash + dash_len))};
    if (place_end == std::string_view::npos) return std::nullopt; // a bare "LONDON - " is too weak
    if (head[place_end] == '(') {
        size_t close = head.find(')', place_end);
        if (close == std::string_view::npos || close + 1 != head.size()) return std::nullopt;
        std::string_view agency = head.substr(place_end + 1, close - place_end - 1);
        if (agency.empty() || agency.size() > 20) return std::nullopt;
        dl.agency = agency == "AP" ? std::string_view("Associated Press") : agency;
        return dl;
    }
    // "SALVADOR, Feb 26": a month abbreviation and a day.
    std::string_view when = text::trim(head.substr(place_end + 1));
    if (when.size() < 5 || when.size() > 12 || !std::isupper(static_cast<unsigned char>(when[0])) ||
        !std::isdigit(static_cast<unsigned char>(when.back())))
        return std::nullopt;
    return dl;
}

// A block of bulleted headline lines without full stops: a related-links list.
bool is_list_item(std::string_view l) {
    return l.starts_with("\xE2\x80\xA2 ") || l.starts_with("\xC2\xB7 ") || l.starts_with("- ") ||
           l.starts_with("* ") || l.starts_with("\xE2\x80\x93 ");
}

bool is_link_list(const Block& b) {
    if (b.lines.size() < 2) return false;
    for (auto l : b.lines)
        if (!is_list_item(l) || l.size() > 160 || l.ends_with('.')) return false;
    return true;
}

// Reuters' link text carries ", opens new tab" for screen readers.
std::string without_link_notes(std::string p) {
    for (size_t at; (at = p.find(", opens new tab")) != std::string::npos;) p.erase(at, 15);
    return p;
}

} // namespace

const char* detail::junk_line_reason(std::string_view line) {
    const LineRule* r = rule_for(text::trim(line));
    return r && r->role == LineRole::Junk ? r->reason.data() : nullptr;
}

Article import_plain_text(std::string_view name, std::string_view utf8) {
    Article a;
    a.file = std::string(name);
    a.encoding = "UTF-8";

    // Pass 1: classify lines, drop furniture, cut the footer, group the rest into blocks.
    std::vector<Block> blocks;
    bool in_block = false, footer = false;
    // Whether a block so far reads as the body: a sentence of three words or more. Only then can
    // a footer line end the body; before, "Topics" is an item of the site's menu.
    bool prose = false;
    size_t block_words = 0;
    const std::vector<std::string_view> lines = text::split_lines(utf8);
    const bool each_line = detail::lines_are_paragraphs(lines); // a block each, not a wrap
    for (std::string_view raw : lines) {
        std::string_view line = text::trim(raw);
        if (footer) {
            if (!line.empty()) a.removed.push_back({std::string(line), "footer"});
            continue;
        }
        if (line.empty()) {
            in_block = false;
            continue;
        }
        if (const LineRule* r = rule_for(line)) {
            bool ends = r->role == LineRole::FooterStart || r->role == LineRole::BodyEnd;
            if (!ends || prose) {
                footer = ends;
                a.removed.push_back({std::string(line), std::string(r->reason)});
                in_block = false;
                continue;
            }
        }
        // A line a paragraph: a block each, but for the items of a list, which go together.
        if (!in_block || (each_line && !(is_list_item(line) && is_list_item(blocks.back().lines.back()))))
            blocks.emplace_back(), block_words = 0;
        blocks.back().lines.push_back(line);
        in_block = true;
        if (!prose) {
            block_words += text::count_words(line);
            prose = block_words >= 3 && ends_sentence(line);
        }
    }

    // A page's text may run its menu and header together without blank lines, above a body with
    // them ("Sign in / up", "Topics", ..., the headline, the byline, the date): above the first
    // paragraph, a block of three lines or more, half of them of three words or fewer, is no
    // wrapped paragraph but that many lines.
    {
        std::vector<Block> split;
        size_t k = 0;
        for (; k + 1 < blocks.size(); ++k) {
            const std::vector<std::string_view>& block = blocks[k].lines;
            if (ends_sentence(block.back()) && text::count_words(blocks[k].joined()) >= 3) break; // the body
            const size_t short_lines = size_t(std::count_if(block.begin(), block.end(), [](std::string_view l) {
                return text::count_words(l) <= 3;
            }));
            if (block.size() < 3 || short_lines * 2 < block.size()) split.push_back(std::move(blocks[k]));
            else
                for (std::string_view line : block) split.push_back(Block{{line}});
        }
        if (!split.empty()) {
            split.insert(split.end(), std::make_move_iterator(blocks.begin() + std::ptrdiff_t(k)), std::make_move_iterator(blocks.end()));
            blocks = std::move(split);
        }
    }

    // Pass 2: the header (headline, standfirst, byline, date), then the body.
    size_t b = 0;
    auto single_line = [&](size_t k) { return k < blocks.size() && blocks[k].lines.size() == 1; };
    auto take_byline = [&](Byline&& by) {
        a.byline = std::move(by.names);
        if (!by.role.empty()) a.metadata.push_back({"byline_role", std::move(by.role)});
    };
    // An item of a site's menu: a line of at most three words or a bare number (a comment
    // count), not a sentence, a date or a byline ("Sign in / up", "Topics", "AI + ML", "12").
    auto menu_line = [&](size_t k) {
        if (!single_line(k)) return false;
        const std::string_view l = blocks[k].lines[0];
        return l.size() <= 40 && text::count_words(l) <= 3 && !ends_sentence(l) && !is_quote_open(l) &&
               parse_date_line(l).empty() && parse_byline(l).names.empty();
    };
    auto menu_run = [&](size_t k) {
        size_t n = 0;
        while (k + n < blocks.size() && menu_line(k + n)) ++n;
        return n;
    };
    auto drop = [&](size_t n, const char* reason) {
        for (; n > 0; --n) a.removed.push_back({blocks[b++].joined(), reason});
    };
    // The site's menu above the headline (The Register: "Sign in / up", "Topics", "Special
    // Features", ..., the section "AI + ML", the comment count): three lines or more.
    if (size_t n = menu_run(0); n >= 3 && n + 1 < blocks.size()) drop(n, "navigation");
    // A date or a byline above the headline (AP's pages open "Nov. 20, 2019 5:52 AM EST", "By
    // ...") is no headline.
    for (const size_t top = b; b < top + 3 && single_line(b) && b + 1 < blocks.size(); ++b) {
        const std::string line = blocks[b].joined();
        if (Byline by = parse_byline(line); !by.names.empty() && a.byline.empty()) {
            take_byline(std::move(by));
        } else if (std::string d = parse_date_line(line); !d.empty() && a.date.empty()) {
            a.date = std::move(d);
        } else {
            break;
        }
    }
    const size_t headline = b;
    if (single_line(b) && blocks[b].lines[0].size() <= 300 && blocks.size() > b + 1) {
        a.title = clean_page_title(text::collapse_spaces(blocks[b].lines[0]), a.source);
        ++b;
        // A page's text opens with its <title> and repeats the headline under the site's
        // navigation ("Home", "News", "Sport"; Reuters' "Directory of sites"): the lines between
        // the two are that navigation, but for a date among them.
        for (size_t k = b; k < blocks.size() && k < b + 12 && single_line(k); ++k) {
            if (text::collapse_spaces(blocks[k].lines[0]) != a.title) continue;
            for (; b < k; ++b) {
                std::string line = blocks[b].joined();
                if (std::string d = parse_date_line(line); !d.empty() && a.date.empty()) a.date = std::move(d);
                else a.removed.push_back({std::move(line), "navigation"});
            }
            a.removed.push_back({blocks[b++].joined(), "headline repeated"});
            break;
        }
        // No repeat: the site's menu under the title, when a date or a byline follows it (BBC:
        // "Home", "News", "Business", then "19 November 2019").
        if (b == headline + 1)
            if (size_t n = menu_run(b); n >= 2 && b + n + 1 < blocks.size()) {
                const std::string next = blocks[b + n].joined();
                if (!parse_date_line(next).empty() || !parse_byline(next).names.empty()) drop(n, "navigation");
            }
        // The comment count The Register shows beside the headline.
        while (single_line(b) && b + 1 < blocks.size() && is_bare_number(blocks[b].lines[0])) drop(1, "comment count");
    }
    const size_t below_headline = b; // the block under the headline (or under its repeat)
    bool header = b > headline;
    while (header && b < blocks.size()) {
        std::string line = blocks[b].joined();
        // A byline, or a byline over its role ("By Sarah Thompson" / "Health correspondent, BBC News").
        const auto& block_lines = blocks[b].lines;
        const bool over_role = block_lines.size() == 2 && is_role_line(block_lines[1]);
        Byline by = single_line(b) ? parse_byline(line) : over_role ? parse_byline(block_lines[0]) : Byline{};
        if (!by.names.empty() && over_role && by.role.empty()) by.role = std::string(block_lines[1]);
        // The author's name alone on a line, under the date (Reuters) or above it (The Register).
        if (by.names.empty() && single_line(b) && a.byline.empty() && is_name_list(line, 1) &&
            (!a.date.empty() || (single_line(b + 1) && !parse_date_line(blocks[b + 1].joined()).empty())))
            by.names.push_back(line);
        if (!by.names.empty() && a.byline.empty()) {
            take_byline(std::move(by));
        } else if (!a.byline.empty() && single_line(b) && is_role_line(line) && b + 1 < blocks.size()) {
            a.metadata.push_back({"byline_role", line}); // "Health correspondent, BBC News" under the name
        } else if (auto d = parse_date_line(line); !d.empty()) {
            if (a.date.empty())
                a.date = std::move(d);
            else
                a.removed.push_back({line, "date"}); // "Last modified on ...", "Updated ..."
        } else if (a.standfirst.empty() && a.byline.empty() && a.date.empty() && b == below_headline &&
                   single_line(b) && line.size() <= 320 && b + 1 < blocks.size()) {
            // The line under the headline is a standfirst when it is set off as one: wholly
            // quoted (The Register), or not a sentence, or followed by the byline or date.
            std::string next = blocks[b + 1].joined();
            bool quoted = is_quote_open(line) && is_quote_close(line);
            bool before_meta = !parse_byline(next).names.empty() || !parse_date_line(next).empty();
            if (!(quoted || !ends_sentence(line) || before_meta)) break;
            a.standfirst = std::move(line);
        } else {
            break;
        }
        ++b;
    }

    bool first_paragraph = true;
    for (; b < blocks.size(); ++b) {
        if (is_link_list(blocks[b])) {
            a.removed.push_back({blocks[b].joined(), "related links"});
            continue;
        }
        std::string p = without_link_notes(blocks[b].joined());
        std::string_view v = p;
        if (first_paragraph) {
            first_paragraph = false;
            if (auto dl = split_dateline(v)) {
                a.metadata.push_back({"dateline", std::string(dl->dateline)});
                if (a.source.empty()) a.source = std::string(dl->agency);
                v = dl->rest;
            }
        }
        bool ended = false;
        if (b + 1 == blocks.size())
            if (std::string_view mark = detail::strip_sign_off(v); !mark.empty())
                a.removed.push_back({std::string(mark), "end mark"});
        for (auto mark : kEndMarks) {
            if (text::strip_suffix(v, mark)) {
                a.removed.push_back({std::string(mark), "end mark"});
                ended = true;
            }
        }
        if (!v.empty()) a.add_paragraph(v);
        if (ended) {
            for (++b; b < blocks.size(); ++b) a.removed.push_back({blocks[b].joined(), "footer"});
            break;
        }
    }
    return a;
}

} // namespace broadsheet
