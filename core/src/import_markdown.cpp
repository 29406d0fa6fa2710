// The Markdown importer: notes and scraper output, with optional YAML front matter.
//
//   ---                        front matter: "key: value" lines, quoted or not; lists as
//   title: A headline          "- item" lines under the key or "[a, b]"; anything else in YAML
//   author: [Jane Doe, Max]    (nesting, anchors, block scalars) is kept as text in metadata
//   date: 2024-03-05
//   ---
//   # A headline               the first block, if a level-1 heading, is the title when the
//                              front matter has none
//   Body paragraphs, ## headings, lists, > quotes, ``` code ```, tables (one row a paragraph)
//
// md4c does the parsing (CommonMark + tables); we turn its callbacks into paragraphs with styles.
// Link text is kept, link targets and images are not; raw HTML is dropped.
#include "broadsheet/dates.hpp"
#include "broadsheet/import.hpp"

#include "import_internal.hpp"
#include "text_util.hpp"

#include <md4c.h>

#include <algorithm>
#include <string>
#include <vector>

namespace broadsheet::detail {
namespace {

// ---- front matter ----

struct FrontMatter {
    std::vector<std::pair<std::string, std::vector<std::string>>> fields; // key -> value(s)
    size_t end = 0; // bytes of the input it takes, closing line included
};

std::string unquote(std::string_view v) {
    v = text::trim(v);
    if (v.size() >= 2 &&
        ((v.front() == '"' && v.back() == '"') || (v.front() == '\'' && v.back() == '\'')))
        v = v.substr(1, v.size() - 2);
    return std::string(v);
}

// "[a, "b, c"]" -> {a, "b, c"}.
std::vector<std::string> inline_list(std::string_view v) {
    std::vector<std::string> out;
    v = text::trim(v.substr(1, v.size() - 2));
    std::string cur;
    char quote = 0;
    for (char c : v) {
        if (quote) {
            if (c == quote)
                quote = 0;
            else
                cur += c;
        } else if (c == '"' || c == '\'') {
            quote = c;
        } else if (c == ',') {
            if (!text::trim(cur).empty()) out.emplace_back(text::trim(cur));
            cur.clear();
        } else {
            cur += c;
        }
    }
    if (!text::trim(cur).empty()) out.emplace_back(text::trim(cur));
    return out;
}

// YAML front matter between "---" lines ("key: value"), or Hugo's TOML between "+++" lines
// ("key = value"; its [table] lines are read through).
FrontMatter read_front_matter(std::string_view s) {
    FrontMatter fm;
    const bool toml = s.starts_with("+++\n");
    if (!s.starts_with("---\n") && !toml) return fm;
    const char separator = toml ? '=' : ':';
    size_t pos = 4;
    std::string* last_key = nullptr;
    while (pos < s.size()) {
        size_t nl = s.find('\n', pos);
        std::string_view line =
            s.substr(pos, nl == std::string_view::npos ? s.size() - pos : nl - pos);
        size_t next = nl == std::string_view::npos ? s.size() : nl + 1;
        if (toml ? line == "+++" : (line == "---" || line == "...")) {
            fm.end = next;
            return fm;
        }
        std::string_view t = text::trim(line);
        if (toml && t.starts_with('[') && t.ends_with(']') && t.find('=') == std::string_view::npos) {
            pos = next; // a [table] header
            continue;
        }
        if (!t.empty() && t[0] != '#') {
            bool indented = line[0] == ' ' || line[0] == '\t';
            size_t colon = t.find(separator);
            if (!toml && t.starts_with("- ") && last_key) {
                fm.fields.back().second.push_back(unquote(t.substr(2)));
            } else if (!indented && colon != std::string_view::npos && colon > 0) {
                std::string key(text::trim(t.substr(0, colon)));
                std::string_view value = text::trim(t.substr(colon + 1));
                std::vector<std::string> values;
                if (value.size() >= 2 && value.front() == '[' && value.back() == ']')
                    values = inline_list(value);
                else if (!value.empty())
                    values.push_back(unquote(value));
                fm.fields.emplace_back(std::move(key), std::move(values));
                last_key = &fm.fields.back().first;
            } else if (indented && last_key && !fm.fields.back().second.empty()) {
                // A folded continuation of the last value.
                fm.fields.back().second.back() += ' ';
                fm.fields.back().second.back() += t;
            } else if (!indented) {
                return {}; // not YAML front matter after all (a "---" rule, then prose)
            }
        }
        pos = next;
        if (fm.fields.size() > 200) return {};
    }
    return {}; // never closed: not front matter
}

// ---- the body ----

struct Collector {
    explicit Collector(Article& article) : a(article) {}

    Article& a;
    std::string current;  // text of the block being read
    ParagraphStyle style; // its style
    int list_depth = 0, quote_depth = 0;
    int skip = 0; // inside an image (alt text) or raw HTML
    bool in_code = false;
    bool in_table_row = false;
    bool first_block = true; // the first heading may be the title
    bool title_from_heading = false;

    void flush() {
        std::string t = in_code ? std::string(text::trim(current)) : text::collapse_spaces(current);
        current.clear();
        if (t.empty()) return;
        if (title_from_heading && first_block && style.kind == ParagraphKind::Heading &&
            style.level == 1 && a.title.empty()) {
            a.title = std::move(t);
            first_block = false;
            return;
        }
        first_block = false;
        if (!in_code && style.kind != ParagraphKind::Heading) {
            if (const char* why = junk_line_reason(t)) {
                a.removed.push_back({std::move(t), why});
                return;
            }
        }
        a.add_paragraph(t, style);
    }

    ParagraphStyle base() const {
        if (list_depth > 0) return {ParagraphKind::ListItem, uint8_t(std::min(list_depth, 9))};
        if (quote_depth > 0) return {ParagraphKind::Quote, 0};
        return {};
    }
};

int enter_block(MD_BLOCKTYPE type, void* detail, void* user) {
    auto& c = *static_cast<Collector*>(user);
    switch (type) {
    case MD_BLOCK_QUOTE:
        c.flush();
        ++c.quote_depth;
        break;
    case MD_BLOCK_UL:
    case MD_BLOCK_OL:
        c.flush();
        ++c.list_depth;
        break;
    case MD_BLOCK_LI:
        c.flush();
        c.style = c.base();
        break;
    case MD_BLOCK_H:
        c.flush();
        c.style = {ParagraphKind::Heading, uint8_t(static_cast<MD_BLOCK_H_DETAIL*>(detail)->level)};
        break;
    case MD_BLOCK_CODE:
        c.flush();
        c.in_code = true;
        c.style = {ParagraphKind::Code, 0};
        break;
    case MD_BLOCK_HTML:
        c.flush();
        ++c.skip;
        break;
    case MD_BLOCK_P:
        // A paragraph inside a list item continues the item's block.
        if (c.list_depth == 0 || !c.current.empty()) c.flush();
        if (c.list_depth == 0) c.style = c.base();
        break;
    case MD_BLOCK_TR:
        c.flush();
        c.in_table_row = true;
        c.style = c.base();
        break;
    case MD_BLOCK_TH:
    case MD_BLOCK_TD:
        if (!c.current.empty()) c.current += " | ";
        break;
    default:
        break;
    }
    return 0;
}

int leave_block(MD_BLOCKTYPE type, void*, void* user) {
    auto& c = *static_cast<Collector*>(user);
    switch (type) {
    case MD_BLOCK_QUOTE:
        c.flush();
        --c.quote_depth;
        c.style = c.base();
        break;
    case MD_BLOCK_UL:
    case MD_BLOCK_OL:
        c.flush();
        --c.list_depth;
        c.style = c.base();
        break;
    case MD_BLOCK_LI:
    case MD_BLOCK_H:
    case MD_BLOCK_P:
        c.flush();
        c.style = c.base();
        break;
    case MD_BLOCK_CODE:
        c.flush();
        c.in_code = false;
        c.style = c.base();
        break;
    case MD_BLOCK_HTML:
        --c.skip;
        c.current.clear();
        break;
    case MD_BLOCK_TR:
        c.flush();
        c.in_table_row = false;
        break;
    default:
        break;
    }
    return 0;
}

int enter_span(MD_SPANTYPE type, void*, void* user) {
    if (type == MD_SPAN_IMG) ++static_cast<Collector*>(user)->skip;
    return 0;
}

int leave_span(MD_SPANTYPE type, void*, void* user) {
    if (type == MD_SPAN_IMG) --static_cast<Collector*>(user)->skip;
    return 0;
}

int on_text(MD_TEXTTYPE type, const MD_CHAR* text, MD_SIZE size, void* user) {
    auto& c = *static_cast<Collector*>(user);
    if (c.skip > 0) return 0;
    std::string_view t(text, size);
    switch (type) {
    case MD_TEXT_NULLCHAR:
        c.current += "\xEF\xBF\xBD";
        break;
    case MD_TEXT_BR:
        c.current += c.in_code ? "\n" : " ";
        break;
    case MD_TEXT_SOFTBR:
        c.current += ' ';
        break;
    case MD_TEXT_ENTITY:
        c.current += text::decode_entities(t);
        break;
    case MD_TEXT_HTML:
        break;
    default:
        c.current += t;
        break;
    }
    return 0;
}

const std::vector<std::string>* field(const FrontMatter& fm,
                                      std::initializer_list<std::string_view> keys) {
    for (auto k : keys)
        for (const auto& [key, values] : fm.fields)
            if (text::iequals(key, k) && !values.empty()) return &values;
    return nullptr;
}

bool is_mapped(std::string_view key) {
    for (auto k :
         {"title",     "headline",  "author",      "authors",   "by",       "byline",   "date",
          "published", "pubDate",   "description", "summary",   "subtitle", "excerpt",  "url",
          "link",      "permalink", "source",      "publisher", "lang",     "language", "id"})
        if (text::iequals(key, k)) return true;
    return false;
}

} // namespace

bool looks_like_markdown(std::string_view s) {
    if (read_front_matter(s).end > 0) return true;
    // An ATX heading as the first line, and more Markdown after it.
    size_t start = s.find_first_not_of(" \n");
    if (start == std::string_view::npos || !s.substr(start).starts_with("# ")) return false;
    std::string_view rest = s.substr(start, 20000);
    return rest.find("\n## ") != std::string_view::npos ||
           rest.find("](") != std::string_view::npos ||
           rest.find("\n- ") != std::string_view::npos ||
           rest.find("\n* ") != std::string_view::npos ||
           rest.find("**") != std::string_view::npos || rest.find("\n> ") != std::string_view::npos;
}

Article import_markdown(std::string_view name, std::string_view utf8) {
    Article a;
    a.file = std::string(name);
    a.encoding = "UTF-8";
    FrontMatter fm = read_front_matter(utf8);
    if (auto v = field(fm, {"title", "headline"})) a.title = text::collapse_spaces(v->front());
    if (auto v = field(fm, {"description", "summary", "subtitle", "excerpt"}))
        a.standfirst = text::collapse_spaces(v->front());
    if (auto v = field(fm, {"author", "authors", "by", "byline"}))
        for (const auto& who : *v) a.byline.push_back(text::collapse_spaces(who));
    if (auto v = field(fm, {"date", "published", "pubDate"})) {
        a.date = parse_date(v->front());
        if (a.date.empty()) a.metadata.push_back({"date_as_given", v->front()});
    }
    if (auto v = field(fm, {"url", "link", "permalink"})) a.url = v->front();
    if (auto v = field(fm, {"source", "publisher"})) a.source = v->front();
    if (auto v = field(fm, {"lang", "language"})) a.language = v->front();
    if (auto v = field(fm, {"id"})) a.id = v->front();
    for (const auto& [key, values] : fm.fields) {
        if (is_mapped(key) || values.empty()) continue;
        std::string joined;
        for (const auto& v : values) joined += (joined.empty() ? "" : "; ") + v;
        a.metadata.push_back({key, joined});
    }

    std::string_view body = utf8.substr(fm.end);
    Collector c(a);
    c.title_from_heading = a.title.empty();
    MD_PARSER parser{};
    parser.flags = MD_FLAG_TABLES | MD_FLAG_STRIKETHROUGH | MD_FLAG_PERMISSIVEURLAUTOLINKS |
                   MD_FLAG_NOHTMLSPANS;
    parser.enter_block = enter_block;
    parser.leave_block = leave_block;
    parser.enter_span = enter_span;
    parser.leave_span = leave_span;
    parser.text = on_text;
    md_parse(body.data(), MD_SIZE(body.size()), &parser, &c);
    c.flush();
    auto drop_first_paragraph = [&] {
        Article rest;
        for (size_t i = 1; i < a.paragraphs.size(); ++i)
            rest.add_paragraph(a.paragraph(i), a.style(i));
        a.text = std::move(rest.text);
        a.paragraphs = std::move(rest.paragraphs);
        a.styles = std::move(rest.styles);
    };
    // No title anywhere: a short first line above more text is one, as in plain text.
    if (a.title.empty() && a.paragraphs.size() >= 2 && a.style(0).kind == ParagraphKind::Body) {
        std::string_view first = a.paragraph(0);
        bool sentence = first.ends_with('.') || first.ends_with('!') || first.ends_with('?');
        if (first.size() <= 120 && !sentence && first.find('\n') == std::string_view::npos) {
            a.title = std::string(first);
            drop_first_paragraph();
        }
    }
    // The front matter's title repeated as the heading that opens the text is said once.
    if (!a.title.empty() && !a.paragraphs.empty() && a.style(0).kind == ParagraphKind::Heading &&
        text::ascii_lower(text::collapse_spaces(a.paragraph(0))) == text::ascii_lower(text::collapse_spaces(a.title)))
        drop_first_paragraph();
    return a;
}

} // namespace broadsheet::detail
