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

#include <array>
#include <string>
#include <vector>

namespace broadsheet {
namespace {

enum class LineRole {
    Banner,      // dropped wherever it stands before the body ends
    Junk,        // dropped wherever it stands
    FooterStart, // once the body has started, this line and everything after it are footer
};

struct LineRule {
    std::string_view pattern; // text::matches syntax: '*' any, '#' digits, case-insensitive
    LineRole role;
    std::string_view reason; // shown to the user beside the removed text
};

// Sources: ../shared/notes/article-text-styles.md (The Register, Guardian, BBC, Reuters, AP).
constexpr std::array kLineRules = {
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
    LineRule{"These are external links and will open in a new window", LineRole::Junk, "share prompt"},
    LineRule{"Image source, *", LineRole::Junk, "image credit"},
    LineRule{"Image caption, *", LineRole::Junk, "image caption"},
    LineRule{"Image copyright *", LineRole::Junk, "image credit"},
    LineRule{"# Min Read", LineRole::Junk, "reading time"},
    LineRule{"More about", LineRole::FooterStart, "footer"},
    LineRule{"More like these", LineRole::FooterStart, "footer"},
    LineRule{"TIP US OFF", LineRole::FooterStart, "footer"},
    LineRule{"Send us news", LineRole::FooterStart, "footer"},
    LineRule{"Other stories you might like", LineRole::FooterStart, "footer"},
    LineRule{"Topics", LineRole::FooterStart, "footer"},
    LineRule{"Related Topics", LineRole::FooterStart, "footer"},
    LineRule{"Reuse this content", LineRole::FooterStart, "footer"},
    LineRule{"Most popular", LineRole::FooterStart, "footer"},
    LineRule{"Share this story*", LineRole::FooterStart, "footer"},
    LineRule{"More on this story", LineRole::FooterStart, "footer"},
    LineRule{"Our Standards:*", LineRole::FooterStart, "footer"},
    LineRule{"Read Next", LineRole::FooterStart, "footer"},
    LineRule{"Site Index", LineRole::FooterStart, "footer"},
};

// End marks some sites append to the last paragraph of the body (The Register's "®").
constexpr std::array<std::string_view, 1> kEndMarks = {"\xC2\xAE"};

const LineRule* rule_for(std::string_view line) {
    if (line.size() > 200) return nullptr; // furniture is short; never scan long paragraphs
    for (const auto& r : kLineRules)
        if (text::matches(r.pattern, line)) return &r;
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
bool ends_sentence(std::string_view s) {
    return s.ends_with('.') || s.ends_with('!') || s.ends_with('?') || s.ends_with(':');
}

// "By Jane Doe", "By Jane Doe and John Roe", "By JANE DOE, JOHN ROE" -> the names.
std::vector<std::string> parse_byline(std::string_view line) {
    line = text::trim(line);
    if (line.size() < 5 || line.size() > 120 || !text::iequals(line.substr(0, 3), "by ")) return {};
    std::string_view rest = text::trim(line.substr(3));
    std::vector<std::string> names;
    while (!rest.empty()) {
        size_t cut = rest.size(), skip = 0;
        for (std::string_view sep : {std::string_view(", and "), std::string_view(" and "),
                                     std::string_view(", "), std::string_view(" & ")}) {
            size_t at = rest.find(sep);
            if (at != std::string_view::npos && at < cut) cut = at, skip = sep.size();
        }
        std::string_view name = text::trim(rest.substr(0, cut));
        // A name is a few words, each starting with a capital letter (or a particle).
        if (name.empty() || !(name[0] >= 'A' && name[0] <= 'Z') || name.size() > 60) return {};
        names.emplace_back(name);
        rest = cut < rest.size() ? rest.substr(cut + skip) : std::string_view();
    }
    return names;
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
    for (std::string_view raw : text::split_lines(utf8)) {
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
            bool body_started = blocks.size() >= 2;
            if (r->role != LineRole::FooterStart || body_started) {
                footer = r->role == LineRole::FooterStart;
                a.removed.push_back({std::string(line), std::string(r->reason)});
                in_block = false;
                continue;
            }
        }
        if (!in_block) blocks.emplace_back();
        blocks.back().lines.push_back(line);
        in_block = true;
    }

    // Pass 2: the header (headline, standfirst, byline, date), then the body.
    size_t b = 0;
    auto single_line = [&](size_t k) { return k < blocks.size() && blocks[k].lines.size() == 1; };
    if (single_line(0) && blocks[0].lines[0].size() <= 300 && blocks.size() > 1) {
        a.title = text::collapse_spaces(blocks[0].lines[0]);
        b = 1;
    }
    bool header = b == 1;
    while (header && b < blocks.size()) {
        std::string line = blocks[b].joined();
        if (auto names = parse_byline(line); !names.empty() && a.byline.empty()) {
            a.byline = std::move(names);
        } else if (auto d = parse_date_line(line); !d.empty() && a.date.empty()) {
            a.date = std::move(d);
        } else if (a.standfirst.empty() && a.byline.empty() && a.date.empty() && b == 1 &&
                   single_line(b) && line.size() <= 320 && b + 1 < blocks.size()) {
            // The line under the headline is a standfirst when it is set off as one: wholly
            // quoted (The Register), or not a sentence, or followed by the byline or date.
            std::string next = blocks[b + 1].joined();
            bool quoted = is_quote_open(line) && is_quote_close(line);
            bool before_meta = !parse_byline(next).empty() || !parse_date_line(next).empty();
            if (!(quoted || !ends_sentence(line) || before_meta)) break;
            a.standfirst = std::move(line);
        } else {
            break;
        }
        ++b;
    }

    for (; b < blocks.size(); ++b) {
        std::string p = blocks[b].joined();
        std::string_view v = p;
        bool ended = false;
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
