// The JSON and JSON Lines importer: scraper dumps, news APIs (NewsAPI, BEIR-style corpora,
// Reuters-21578 as JSONL). Common field names are mapped onto Article; the rest is kept as
// metadata.
#include "broadsheet/article_json.hpp"
#include "broadsheet/dates.hpp"
#include "broadsheet/encoding.hpp"
#include "import_internal.hpp"
#include "text_util.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstring>
#include <string>

namespace broadsheet::detail {
namespace {

using nlohmann::json;

// Deeper nesting than this is refused before parsing (no article needs it; 100,000-deep input
// must not exhaust the stack or memory anywhere downstream).
constexpr size_t kMaxDepth = 256;

// Field names, in order of preference. Sources: NewsAPI, schema.org NewsArticle (JSON-LD), BEIR,
// RSS-to-JSON converters, JSON Feed, common scraper outputs (newspaper, trafilatura, diffbot), and
// the APIs people save searches from: the Guardian's (webTitle, fields.bodyText), the New York
// Times' (headline.main, lead_paragraph), Reddit's (selftext, created_utc), Hacker News' Algolia
// search (story_text), WordPress's REST API (title.rendered, excerpt).
// Matched as written first, then ignoring case, '_' and '-' ("Title", "PublishDate", "pub-date").
constexpr std::array<std::string_view, 6> kTitleKeys = {"title", "headline", "name", "subject", "heading", "webTitle"};
constexpr std::array<std::string_view, 13> kTextKeys = {
    "text",      "body",     "content",   "articleBody", "article",      "fulltext",      "full_text",
    "maintext",  "bodyText", "selftext",  "story_text",  "content_text", "lead_paragraph"};
// Fields that hold the body as HTML (scrapers keep it so): read as a fragment of a page.
constexpr std::array<std::string_view, 5> kHtmlKeys = {"body_html", "content_html", "article_html", "html_content",
                                                       "html"};
constexpr std::array<std::string_view, 9> kStandfirstKeys = {
    "description", "standfirst", "summary", "abstract", "subtitle", "dek", "lead", "trailText", "excerpt"};
constexpr std::array<std::string_view, 13> kDateKeys = {
    "date",         "published",    "publishedAt",  "pubDate",    "datePublished", "published_at",
    "publish_date", "date_publish", "created_at",   "time",       "timestamp",     "webPublicationDate",
    "created_utc"};
constexpr std::array<std::string_view, 6> kAuthorKeys = {"author",  "authors", "byline",
                                                         "creator", "writer",  "by"};
constexpr std::array<std::string_view, 6> kUrlKeys = {"url", "link", "canonical_url", "permalink", "webUrl", "web_url"};
constexpr std::array<std::string_view, 4> kIdKeys = {"id", "_id", "uuid", "guid"};
constexpr std::array<std::string_view, 5> kSourceKeys = {"source", "publisher", "site_name",
                                                         "sitename", "site"};
constexpr std::array<std::string_view, 3> kLanguageKeys = {"language", "lang", "inLanguage"};
// Keys under which an object holds its list of articles.
constexpr std::array<std::string_view, 6> kListKeys = {"articles", "items", "data",
                                                       "results",  "hits",  "documents"};
// Objects in which a record keeps its article's fields, beside or instead of its own:
// Elasticsearch's "_source", the Guardian's "fields", JSON:API's "attributes", Reddit's "data",
// GraphQL's "node". Their fields are read as the record's own (its own first on a clash).
constexpr std::array<std::string_view, 5> kWrapperKeys = {"_source", "fields", "attributes", "data", "node"};
// How deep in objects a list of articles is looked for ({"response": {"results": [...]}}: 2).
constexpr int kListDepth = 4;

std::string scalar_text(const json& v) {
    if (v.is_string()) return v.get<std::string>();
    if (v.is_null()) return {};
    return v.dump(-1, ' ', false, json::error_handler_t::replace);
}

// A string field, or the "name" of an object field ({"source": {"id": .., "name": ..}}), and
// the like: WordPress's {"rendered": ..}, the New York Times' {"main": ..} headline and
// {"original": "By .."} byline.
std::string string_of(const json& v) {
    if (v.is_string()) return v.get<std::string>();
    if (v.is_object()) {
        for (const char* k : {"name", "title", "@value", "value", "rendered", "main", "original"})
            if (auto it = v.find(k); it != v.end() && it->is_string())
                return it->get<std::string>();
    }
    if (v.is_number()) return v.dump();
    return {};
}

// Whether two keys are the same loosely: in any case, '_' and '-' left out ("published_at",
// "publishedAt", "Published-At"). Compared in place: a record's every key is tried against
// every name a field may have.
bool loose_equal(std::string_view a, std::string_view b) {
    size_t i = 0, j = 0;
    for (;;) {
        while (i < a.size() && (a[i] == '_' || a[i] == '-')) ++i;
        while (j < b.size() && (b[j] == '_' || b[j] == '-')) ++j;
        if (i == a.size() || j == b.size()) return i == a.size() && j == b.size();
        if (text::ascii_lower(a[i++]) != text::ascii_lower(b[j++])) return false;
    }
}

// The field `key`, as written or else loosely (loose_equal); `found` gets the key as the record
// writes it.
const json* find_key(const json& obj, std::string_view key, std::string_view* found = nullptr) {
    if (auto it = obj.find(std::string(key)); it != obj.end()) {
        if (it->is_null()) return nullptr;
        if (found) *found = it.key();
        return &*it;
    }
    for (auto it = obj.begin(); it != obj.end(); ++it)
        if (!it->is_null() && loose_equal(it.key(), key)) {
            if (found) *found = it.key();
            return &*it;
        }
    return nullptr;
}

// Names from "Jane Doe", "Jane Doe, John Roe", "Jane Doe and John Roe", ["Jane", {"name": ..}].
void add_authors(const json& v, std::vector<std::string>& out) {
    if (v.is_array()) {
        for (const auto& e : v) add_authors(e, out);
        return;
    }
    std::string s = text::collapse_spaces(string_of(v));
    std::string_view rest = s;
    if (rest.size() > 3 && text::iequals(rest.substr(0, 3), "by ")) rest.remove_prefix(3);
    // "Smith, John": one name, family name first. A list names people in full, so two single
    // words around one comma are not two authors.
    if (const size_t comma = rest.find(", "); comma != std::string_view::npos && rest.find(", ", comma + 2) == std::string_view::npos) {
        const std::string_view family = rest.substr(0, comma), given = rest.substr(comma + 2);
        if (!family.empty() && !given.empty() && family.find_first_of(" &;") == std::string_view::npos &&
            given.find_first_of(" &;") == std::string_view::npos) {
            out.push_back(std::string(given) + " " + std::string(family));
            return;
        }
    }
    while (!rest.empty()) {
        size_t cut = rest.size(), skip = 0;
        for (std::string_view sep :
             {std::string_view(", and "), std::string_view(" and "), std::string_view(", "),
              std::string_view("; "), std::string_view(" & ")}) {
            size_t at = rest.find(sep);
            if (at != std::string_view::npos && at < cut) cut = at, skip = sep.size();
        }
        std::string_view name = text::trim(rest.substr(0, cut));
        if (!name.empty()) out.emplace_back(name);
        rest = cut < rest.size() ? rest.substr(cut + skip) : std::string_view();
    }
}

// NewsAPI cuts `content` to 200 characters and appends "… [+1234 chars]".
bool strip_truncation_marker(std::string& body) {
    size_t open = body.rfind("[+");
    if (open == std::string::npos) return false;
    std::string_view tail = std::string_view(body).substr(open);
    if (!text::matches("[+# chars]", text::trim(tail))) return false;
    body.erase(open);
    std::string_view kept = text::trim(body);
    // The ellipsis before the marker is NewsAPI's, not the author's.
    for (std::string_view e : {std::string_view("\xE2\x80\xA6"), std::string_view("...")})
        if (kept.ends_with(e)) kept.remove_suffix(e.size());
    body = std::string(text::trim(kept));
    return true;
}

template <size_t N>
const json* first_of(const json& obj, const std::array<std::string_view, N>& keys,
                     std::string_view* used = nullptr) {
    for (auto k : keys)
        if (const json* v = find_key(obj, k, used)) return v;
    return nullptr;
}

// A title or standfirst as one line of text. A CMS's fields are often HTML escaped, or markup
// (WordPress's excerpt: "<p>The wall held&hellip;</p>"): the text of it.
std::string line_of(const std::string& s) {
    if (looks_like_html_fragment(s)) {
        Article fragment;
        add_html_fragment(s, fragment);
        return text::collapse_spaces(fragment.text);
    }
    return text::collapse_spaces(s.find('&') == std::string::npos ? s : text::decode_entities(s));
}

// Makes an article of one JSON object; returns false (with `why`) if it has no text at all.
bool article_from_object(std::string_view file, const json& obj, Article& a, std::string& why) {
    a.file = std::string(file);
    a.encoding = "UTF-8";
    std::vector<std::string_view> used;
    auto take = [&](const auto& keys) -> const json* {
        std::string_view k;
        const json* v = first_of(obj, keys, &k);
        if (v) used.push_back(k);
        return v;
    };
    if (const json* v = take(kTitleKeys)) a.title = line_of(string_of(*v));
    if (const json* v = take(kStandfirstKeys)) a.standfirst = line_of(string_of(*v));
    if (const json* v = take(kIdKeys)) a.id = string_of(*v);
    if (const json* v = take(kUrlKeys)) a.url = string_of(*v);
    if (const json* v = take(kSourceKeys)) a.source = text::collapse_spaces(string_of(*v));
    if (const json* v = take(kLanguageKeys)) a.language = string_of(*v);
    if (const json* v = take(kAuthorKeys)) add_authors(*v, a.byline);
    if (const json* v = take(kDateKeys)) {
        std::string d = string_of(*v);
        a.date = epoch_date(d); // 1678800000 or "1678800000000"
        if (a.date.empty()) a.date = parse_date_line(d);
        if (a.date.empty()) {
            // Residue after the date: read up to the first character no date is written with
            // ("27-MAR-1987 02:17:09.88&#5;&#5;&#5;T C": Reuters-21578's SGML control codes, in 77
            // of its articles). Letters beyond ASCII stay: month names ("März", "décembre").
            auto in_dates = [](unsigned char c) {
                return c >= 0x80 || std::isalnum(c) || std::strchr(" \t-/.:,+()", c) != nullptr;
            };
            const size_t end = size_t(std::find_if_not(d.begin(), d.end(), in_dates) - d.begin());
            if (end > 0 && end < d.size()) a.date = parse_date_line(std::string_view(d).substr(0, end));
        }
        if (a.date.empty()) {
            // A machine field may give only a year or a month, in ISO 8601's reduced precision
            // ("2016", "2016-05"): dated that far (a year's or month's facet, an order by date).
            const std::string_view t = text::trim(d);
            auto digits = [&](size_t at, size_t n) {
                return std::all_of(t.begin() + std::ptrdiff_t(at), t.begin() + std::ptrdiff_t(at + n), [](char c) { return c >= '0' && c <= '9'; });
            };
            const bool year = t.size() == 4 && digits(0, 4);
            const bool month = t.size() == 7 && digits(0, 4) && t[4] == '-' && digits(5, 2) && t.substr(5) >= "01" && t.substr(5) <= "12";
            if (year || month) a.date = std::string(t);
            else a.date = parse_month_year(t); // "June 2014"
        }
        if (a.date.empty() && d.size() == 8 && std::all_of(d.begin(), d.end(), [](char c) { return c >= '0' && c <= '9'; }))
            a.date = parse_date(d); // compact: "20150825"
        if (a.date.empty() && !d.empty()) a.metadata.push_back({"date_as_given", d});
    }
    std::string body;
    if (const json* v = take(kTextKeys)) body = v->is_array() ? std::string() : string_of(*v);
    std::string_view paragraphs_key;
    if (const json* v = find_key(obj, "paragraphs", &paragraphs_key); v && v->is_array() && body.empty()) {
        used.push_back(paragraphs_key);
        for (const auto& p : *v) body += string_of(p) + "\n\n";
    }
    if (text::trim(body).empty())
        if (const json* v = take(kHtmlKeys)) body = string_of(*v);
    if (strip_truncation_marker(body)) a.truncated = true;
    if (looks_like_html_fragment(body)) { // markup in the body, or an HTML field
        add_html_fragment(body, a);
        body.clear();
    }
    std::string_view unsigned_body = body;
    if (std::string_view mark = strip_sign_off(unsigned_body); !mark.empty())
        a.removed.push_back({std::string(mark), "end mark"});
    // Furniture goes line by line ("Image source, Reuters" above a paragraph), as in plain
    // text; each line taken out breaks the paragraph there.
    std::string kept;
    kept.reserve(unsigned_body.size());
    for (std::string_view line : text::split_lines(unsigned_body)) {
        if (const char* reason = junk_line_reason(line)) {
            a.removed.push_back({std::string(text::trim(line)), reason});
            line = {};
        }
        kept.append(line).push_back('\n');
    }
    for (const std::string& p : split_paragraphs(kept)) a.add_paragraph(p);
    // Everything else is kept, so nothing of the input is lost.
    for (const auto& [key, value] : obj.items()) {
        bool mapped = false;
        for (auto u : used) mapped = mapped || u == key;
        if (!mapped && !value.is_null()) a.metadata.push_back({key, scalar_text(value)});
    }
    // NewsAPI and aggregators end a headline with the outlet's name ("Oil rises - Reuters"):
    // that is the source, already known, not the headline.
    if (!a.source.empty())
        for (std::string_view sep : {" - ", " | ", " \xE2\x80\x93 ", " \xE2\x80\x94 "}) // - | – —
            if (a.title.size() > sep.size() + a.source.size() && a.title.ends_with(a.source) &&
                std::string_view(a.title).substr(0, a.title.size() - a.source.size()).ends_with(sep)) {
                a.title.resize(a.title.size() - a.source.size() - sep.size());
                break;
            }
    if (a.paragraphs.empty() && a.title.empty() && a.standfirst.empty()) {
        why = "no title or text field";
        return false;
    }
    return true;
}

// The object a record keeps its fields in under `key` (kWrapperKeys), or nullptr.
const json* wrapper(const json& v, std::string_view key) {
    auto it = v.find(std::string(key));
    return it != v.end() && it->is_object() ? &*it : nullptr;
}

// A record with the fields of its wrappers (kWrapperKeys) beside its own; its own win a clash.
// A copy only where there is a wrapper.
const json& lifted(const json& v, json& storage) {
    if (std::none_of(kWrapperKeys.begin(), kWrapperKeys.end(), [&](std::string_view k) { return wrapper(v, k); }))
        return v;
    storage = json::object();
    for (const auto& [key, value] : v.items())
        if (!(value.is_object() && std::find(kWrapperKeys.begin(), kWrapperKeys.end(), key) != kWrapperKeys.end()))
            storage[key] = value;
    for (auto k : kWrapperKeys)
        if (const json* w = wrapper(v, k))
            for (const auto& [key, value] : w->items()) storage.emplace(key, value);
    return storage;
}

// How much an object looks like an article: 2 for a field of text, 1 for a title, in it or in
// its wrappers. A list of records scores more than a list of authors or tags.
int article_likeness(const json& v) {
    if (!v.is_object()) return 0;
    auto has = [&](const json& o, const auto& keys) { return first_of(o, keys) != nullptr; };
    int score = 0;
    auto look = [&](const json& o) {
        if (has(o, kTextKeys) || has(o, kHtmlKeys) || has(o, kStandfirstKeys) || find_key(o, "paragraphs")) score = std::max(score, 2);
        else if (has(o, kTitleKeys)) score = std::max(score, 1);
    };
    look(v);
    for (auto k : kWrapperKeys)
        if (const json* w = wrapper(v, k)) look(*w);
    return score;
}

// The list of articles somewhere in an object that is not one itself: an array of objects,
// looked for in its objects down to kListDepth ({"response": {"results": [...]}}: the
// Guardian's; {"hits": {"hits": [...]}}: Elasticsearch's; {"data": {"children": [...]}}:
// Reddit's), the one whose first records look most like articles; the shallower on a tie.
const json* nested_list(const json& doc) {
    const json* best = nullptr;
    int best_score = 0, best_depth = 0;
    auto walk = [&](auto& self, const json& obj, int depth) -> void {
        for (const auto& [key, v] : obj.items()) {
            if (v.is_array() && !v.empty() && v[0].is_object()) {
                int score = 0;
                for (size_t i = 0; i < std::min<size_t>(v.size(), 16); ++i) score += article_likeness(v[i]);
                if (score > best_score || (score == best_score && score > 0 && depth < best_depth))
                    best = &v, best_score = score, best_depth = depth;
            } else if (v.is_object() && depth < kListDepth) {
                self(self, v, depth + 1);
            }
        }
    };
    walk(walk, doc, 1);
    return best;
}

// Adds one record's article to the result, or a warning naming the record.
void add_record(std::string_view file, const json& record, const std::string& where, ImportResult& r) {
    if (!record.is_object()) {
        r.warnings.push_back(where + ": not an object, skipped");
        return;
    }
    json storage;
    const json& v = lifted(record, storage);
    Article a;
    std::string why;
    if (article_from_object(file, v, a, why))
        r.articles.push_back(std::move(a));
    else
        r.warnings.push_back(where + ": " + why + ", skipped");
}

std::string parse_error_text(const json::exception& e) {
    std::string what = e.what();
    // "[json.exception.parse_error.101] parse error at line 1, column 5: syntax error ..."
    size_t at = what.find("parse error");
    // nlohmann quotes the bytes it stopped at, which can end inside a UTF-8 sequence: the message
    // must stay valid UTF-8 for the user (and for the JSON it travels in).
    return repair_utf8(at == std::string::npos ? std::string_view(what) : std::string_view(what).substr(at));
}

// JSON Lines: the first non-blank line is a whole JSON object by itself.
bool is_json_lines(std::string_view s) {
    for (std::string_view line : text::split_lines(s)) {
        line = text::trim(line);
        if (line.empty()) continue;
        return line.starts_with('{') && json::accept(line);
    }
    return false;
}

} // namespace

size_t json_nesting_depth(std::string_view s) {
    size_t depth = 0, deepest = 0;
    bool in_string = false;
    for (size_t i = 0; i < s.size(); ++i) {
        char c = s[i];
        if (in_string) {
            if (c == '\\')
                ++i;
            else if (c == '"')
                in_string = false;
        } else if (c == '"') {
            in_string = true;
        } else if (c == '{' || c == '[') {
            deepest = std::max(deepest, ++depth);
        } else if ((c == '}' || c == ']') && depth > 0) {
            --depth;
        }
    }
    return deepest;
}

bool looks_like_json(std::string_view s) {
    s = text::trim(s);
    return (s.starts_with('{') && s.ends_with('}')) || (s.starts_with('[') && s.ends_with(']')) ||
           (s.starts_with('{') && s.find("}\n{") != std::string_view::npos);
}

// A workspace exported by the app (article_json.hpp): its articles exactly as they were saved.
static void import_workspace(const json& doc, ImportResult& r) {
    const json* version = find_key(doc, "version");
    if (!version || !version->is_number_integer() || version->get<int64_t>() != kWorkspaceVersion) {
        r.error = "a Broadsheet workspace of a version this app cannot read";
        return;
    }
    const json* articles = find_key(doc, "articles");
    if (!articles || !articles->is_array()) {
        r.error = "a Broadsheet workspace without its articles";
        return;
    }
    r.workspace = true;
    // The marked articles, by their place in the workspace's list (ids are the exporting
    // browser's own), as places in r.articles (damaged articles are left out).
    std::vector<size_t> marked;
    if (const json* m = find_key(doc, "marked"); m && m->is_array())
        for (const json& v : *m)
            if (v.is_number_unsigned() && v.get<uint64_t>() < articles->size()) marked.push_back(size_t(v.get<uint64_t>()));
    std::sort(marked.begin(), marked.end());
    size_t bad = 0;
    for (size_t i = 0; i < articles->size(); ++i) {
        Article a;
        std::string error;
        if (article_from_json((*articles)[i].dump(-1, ' ', false, json::error_handler_t::replace), a, error)) {
            if (std::binary_search(marked.begin(), marked.end(), i)) r.marked.push_back(r.articles.size());
            r.articles.push_back(std::move(a));
        } else if (++bad <= 20) {
            r.warnings.push_back("article " + std::to_string(i + 1) + " of the workspace is damaged: " + error);
        }
    }
    if (bad > 20) r.warnings.push_back(std::to_string(bad - 20) + " more damaged articles");
    if (r.articles.empty()) r.error = articles->empty() ? "the workspace holds no articles" : "every article of the workspace is damaged";
}

void import_json(std::string_view name, std::string_view utf8, ImportResult& r) {
    if (size_t d = json_nesting_depth(utf8); d > kMaxDepth) {
        r.error = "JSON nested too deeply (" + std::to_string(d) + " levels; the limit is " +
                  std::to_string(kMaxDepth) + ")";
        return;
    }
    json doc = json::parse(utf8.begin(), utf8.end(), nullptr, /*allow_exceptions=*/false);
    if (doc.is_discarded() && !is_json_lines(utf8)) {
        try {
            [[maybe_unused]] json unused = json::parse(utf8.begin(), utf8.end());
        } catch (const json::exception& e) {
            r.error = "not valid JSON: " + parse_error_text(e);
        }
        return;
    }
    if (const json* tag = doc.is_object() ? find_key(doc, "broadsheet") : nullptr; tag && *tag == kWorkspaceTag) {
        import_workspace(doc, r);
        return;
    }
    if (!doc.is_discarded()) {
        const json* list = doc.is_array() ? &doc : nullptr;
        if (doc.is_object()) {
            for (auto k : kListKeys)
                if (const json* v = find_key(doc, k);
                    v && v->is_array() && !v->empty() && (*v)[0].is_object())
                    list = v;
            if (!list && article_likeness(doc) == 0) list = nested_list(doc);
        }
        if (list) {
            for (size_t i = 0; i < list->size(); ++i)
                add_record(name, (*list)[i], "record " + std::to_string(i + 1), r);
        } else {
            add_record(name, doc, "the document", r);
        }
    } else {
        // JSON Lines: one object a line; a bad line is a warning, the rest still imports.
        size_t line_no = 0, bad = 0;
        for (std::string_view line : text::split_lines(utf8)) {
            ++line_no;
            line = text::trim(line);
            if (line.empty()) continue;
            try {
                add_record(name, json::parse(line), "line " + std::to_string(line_no), r);
            } catch (const json::exception& e) {
                if (++bad <= 20) {
                    // The parser counts in the line alone: its "line 1, column 58" is column 58
                    // of this line.
                    std::string why = parse_error_text(e);
                    if (why.starts_with("parse error at line 1, column "))
                        why = "parse error at column " + why.substr(std::string_view("parse error at line 1, column ").size());
                    r.warnings.push_back("line " + std::to_string(line_no) + ": not valid JSON (" + why + ")");
                }
            }
        }
        if (bad > 20)
            r.warnings.push_back(std::to_string(bad - 20) + " more lines that are not valid JSON");
    }
    if (r.articles.empty() && r.error.empty())
        r.error = r.warnings.empty() ? "no articles found in the JSON"
                                     : "no articles found in the JSON: " + r.warnings.front();
}

} // namespace broadsheet::detail
