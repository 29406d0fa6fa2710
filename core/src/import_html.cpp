// The HTML importer: a saved web page -> the article in it.
//
// Index
//   [SECTION] Parsing            libxml2's HTML parser, lenient, bounded
//   [SECTION] Tags and names     which elements are never content; boilerplate class/id words
//   [SECTION] Blocks             the page as a flat sequence of text blocks (paragraphs,
//                                headings, list items...), each with its link density
//   [SECTION] Main content       Readability-style scoring of containers by the prose under
//                                them, then the best container and its qualifying siblings
//   [SECTION] Trimming           link lists, orphan headings and furniture at the edges dropped
//   [SECTION] The article        metadata (html_metadata.cpp) + the kept blocks
//
// The method is general, not per site: text density and link density over the DOM
// (Readability's scoring, Kohlschütter's boilerpipe and Pomikálek's jusText for the block
// features), with class/id words only as weights, and a safety rule that a container holding most
// of the page's prose is never thrown away because of its name.
#include "broadsheet/dates.hpp"
#include "broadsheet/import.hpp"

#include "html_dom.hpp"
#include "import_internal.hpp"
#include "text_util.hpp"

#include <libxml/parser.h>
#include <libxml/xmlerror.h>

#include <algorithm>
#include <array>
#include <cstdarg>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <string>
#include <vector>

namespace broadsheet::html {

// ---------------------------------------------------------------------------------------------
// [SECTION] Parsing
// ---------------------------------------------------------------------------------------------

namespace {

void ignore_errors(void*, const char*, ...) {}
void ignore_structured_errors(void*, xmlError*) {}

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}
bool is_alpha(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// Writes `html` without the byte ranges `cuts` (in order, not overlapping) to `out`; false (and
// `out` untouched) when there are none.
bool without(std::string_view html, const std::vector<std::pair<size_t, size_t>>& cuts, std::string& out) {
    if (cuts.empty()) return false;
    out.clear();
    out.reserve(html.size());
    size_t from = 0;
    for (auto [begin, end] : cuts) {
        out.append(html.substr(from, begin - from));
        from = end;
    }
    out.append(html.substr(from));
    return true;
}

// libxml2's HTML parser checks each attribute of a start tag against all the earlier ones and
// appends it to the end of a list, so one tag with n attributes costs n^2 (50,000 attributes take
// half a minute). No real element has more than a few dozen. When a start tag has more than
// kMaxAttributes, writes the document without the extra attributes to `out` and returns true;
// false (and `out` untouched) when every tag is within the limit, which is every real page.
// The scan follows the HTML tokenizer closely enough for that: comments, other markup
// declarations, end tags, and the raw text of script and style are skipped, quotes respected.
bool drop_excess_attributes(std::string_view html, std::string& out) {
    constexpr size_t kMaxAttributes = 128;
    std::vector<std::pair<size_t, size_t>> cuts; // byte ranges to leave out
    const size_t n = html.size();
    auto skip_past = [&](size_t i, std::string_view end) {
        size_t at = html.find(end, i);
        return at == std::string_view::npos ? n : at + end.size();
    };
    size_t i = 0;
    while ((i = html.find('<', i)) != std::string_view::npos) {
        if (i + 1 >= n) break;
        char c = html[i + 1];
        if (html.compare(i, 4, "<!--") == 0) {
            i = skip_past(i + 4, "-->");
            continue;
        }
        if (c == '!' || c == '?' || c == '/') {
            i = skip_past(i + 2, ">");
            continue;
        }
        if (!is_alpha(c)) {
            ++i;
            continue;
        }
        size_t name_begin = i + 1, j = name_begin;
        while (j < n && !is_space(html[j]) && html[j] != '>' && html[j] != '/') ++j;
        std::string name = text::ascii_lower(html.substr(name_begin, j - name_begin));
        size_t count = 0, cut_begin = 0;
        while (j < n) {
            while (j < n && (is_space(html[j]) || html[j] == '/')) ++j;
            if (j >= n || html[j] == '>') break;
            size_t attr_begin = j;
            ++j; // a name may start with '=' or a quote; it takes at least that character
            while (j < n && !is_space(html[j]) && html[j] != '>' && html[j] != '/' &&
                   html[j] != '=')
                ++j;
            size_t k = j;
            while (k < n && is_space(html[k])) ++k;
            if (k < n && html[k] == '=') {
                ++k;
                while (k < n && is_space(html[k])) ++k;
                if (k < n && (html[k] == '"' || html[k] == '\'')) {
                    size_t close = html.find(html[k], k + 1);
                    j = close == std::string_view::npos ? n : close + 1;
                } else {
                    j = k;
                    while (j < n && !is_space(html[j]) && html[j] != '>') ++j;
                }
            }
            if (++count == kMaxAttributes + 1) cut_begin = attr_begin;
        }
        if (count > kMaxAttributes) cuts.emplace_back(cut_begin, j);
        i = j;
        if (name == "script" || name == "style")
            i = skip_past(i, name == "script" ? "</script" : "</style");
        // (end tags of raw text in other letter cases are rare enough not to matter here)
    }
    return without(html, cuts, out);
}

// The bodies of <script> and <style> elements are a third of a news page's bytes and more of
// libxml2's parse time (it reads raw text a character at a time), yet nothing here reads them but
// JSON-LD. When the page has any, writes it without them to `out` (the elements stay, empty) and
// returns true. To leave exactly the tree libxml2 would build, less those bodies, the scan follows
// libxml2 2.9.14's HTML parser (HTMLparser.c, htmlParseContentInternal and what it calls) in how
// it finds a start tag and the end of a tag, comment, processing instruction or DOCTYPE, not
// HTML5's tokenizer; at anything it does not follow exactly (a tag at the very start of a script,
// an unusual DOCTYPE) it keeps the rest of the page as it is.
bool drop_raw_text(std::string_view html, std::string& out) {
    // libxml2 reads a NUL as the end of the input.
    const size_t n = std::min(html.find('\0'), html.size());
    auto is_blank = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
    auto is_name_start = [](char c) { return is_alpha(c) || c == '_' || c == ':' || c == '.'; };
    auto is_name_char = [&](char c) {
        return is_name_start(c) || (c >= '0' && c <= '9') || c == '-';
    };
    // htmlParseHTMLName: at most 100 characters.
    auto name_end = [&](size_t j) {
        size_t k = j;
        while (k < n && k - j < 100 && is_name_char(html[k])) ++k;
        return k;
    };
    auto skip_blanks = [&](size_t j) {
        while (j < n && is_blank(html[j])) ++j;
        return j;
    };
    // memchr for the first character: string_view::find compares at every position.
    auto find_if = [&](std::string_view what, size_t from, auto&& matches) {
        while (from < n) {
            auto* at = static_cast<const char*>(std::memchr(html.data() + from, what[0], n - from));
            if (!at) break;
            from = size_t(at - html.data());
            if (from + what.size() <= n && matches(html.substr(from, what.size()))) return from;
            ++from;
        }
        return n;
    };
    auto find = [&](std::string_view what, size_t from) {
        return find_if(what, from, [&](std::string_view s) { return s == what; });
    };
    auto find_ci = [&](std::string_view what, size_t from) { // `what` in lower case
        return find_if(what, from, [&](std::string_view s) { return text::iequals(s, what); });
    };
    auto has_ci = [](std::string_view hay, std::string_view what) {
        for (size_t at = 0; at + what.size() <= hay.size(); ++at)
            if (text::iequals(hay.substr(at, what.size()), what)) return true;
        return false;
    };
    auto past = [&](size_t at, size_t len) { return at == n ? n : at + len; };
    std::vector<std::pair<size_t, size_t>> cuts; // byte ranges to leave out
    for (size_t i = 0; (i = find("<", i)) < n;) {
        char c = i + 1 < n ? html[i + 1] : '\0';
        if (c == '/') { // htmlParseEndTag: a name, then anything up to '>'
            size_t j = i + 2;
            i = j < n && is_name_start(html[j]) ? past(find(">", name_end(j)), 1) : j;
        } else if (c == '!' && html.compare(i, 4, "<!--") == 0) { // htmlParseComment
            size_t dashes = find("--", i + 4);
            while (dashes < n && html.compare(dashes + 2, 1, ">") != 0 &&
                   html.compare(dashes + 2, 2, "!>") != 0)
                dashes = find("--", dashes + 1);
            i = dashes == n ? n : dashes + (html[dashes + 2] == '>' ? 3 : 4);
        } else if (c == '!' && i + 9 <= n && text::iequals(html.substr(i + 2, 7), "doctype")) {
            // htmlParseDocTypeDecl ends at the first '>' unless a quoted literal holds one; with
            // quotes of one kind only, in pairs, none can.
            size_t gt = find(">", i);
            std::string_view decl = html.substr(i, gt - i);
            auto quotes = [&](char q) { return std::count(decl.begin(), decl.end(), q); };
            if ((quotes('"') && quotes('\'')) || quotes('"') % 2 || quotes('\'') % 2) break;
            i = past(gt, 1);
        } else if (c == '?') { // htmlParsePI: a target name, then anything up to '>'
            char t = i + 2 < n ? html[i + 2] : '\0';
            if (uint8_t(t) >= 0x80) break; // a non-ASCII target name
            i = is_alpha(t) || t == '_' || t == ':' ? past(find(">", i + 2), 1) : i + 2;
        } else if (!is_alpha(c)) {
            ++i; // a '<' that starts nothing: text
        } else { // htmlParseStartTag
            size_t j = name_end(i + 1);
            std::string_view tag = html.substr(i + 1, j - i - 1);
            for (j = skip_blanks(j); j < n && html[j] != '>' && html.compare(j, 2, "/>") != 0;
                 j = skip_blanks(j)) {
                if (!is_name_start(html[j])) { // a bogus attribute, dropped up to a blank
                    while (j < n && !is_blank(html[j]) && html[j] != '>' &&
                           html.compare(j, 2, "/>") != 0)
                        ++j;
                    continue;
                }
                j = skip_blanks(name_end(j));
                if (j >= n || html[j] != '=') continue;
                j = skip_blanks(j + 1);
                if (j < n && (html[j] == '"' || html[j] == '\'')) {
                    j = past(find(html.substr(j, 1), j + 1), 1);
                } else {
                    while (j < n && !is_blank(html[j]) && html[j] != '>') ++j;
                }
            }
            if (j >= n) break;
            if (html[j] == '/') { // "<script/>": an empty element
                i = j + 2;
                continue;
            }
            std::string_view start_tag = html.substr(i, j - i);
            i = j + 1;
            bool script = text::iequals(tag, "script");
            if (!script && !text::iequals(tag, "style")) continue;
            // htmlParseScript: up to "</script" or "</style", in any case.
            size_t end = find_ci(script ? "</script" : "</style", i);
            // htmlParseContentInternal looks for a tag before it reads raw text. An end tag
            // there is parsed as one: fine when it ends this element, not followed otherwise. A
            // start tag there is raw text unless it closes this element (htmlStartClose:
            // <noscript> closes <script>, <body> and <frameset> close <style>).
            if (end != i && html.compare(i, 2, "</") == 0) break;
            if (i + 1 < n && html[i] == '<' &&
                (is_alpha(html[i + 1]) || html[i + 1] == '_' || html[i + 1] == ':')) {
                std::string_view next = html.substr(i + 1, name_end(i + 1) - i - 1);
                if (script ? text::iequals(next, "noscript")
                           : text::iequals(next, "body") || text::iequals(next, "frameset"))
                    break;
            }
            // JSON-LD is read (read_metadata); '&' could spell its type as an entity.
            bool keep = script && (has_ci(start_tag, "ld+json") || contains(start_tag, "&"));
            if (!keep && end > i) cuts.emplace_back(i, end);
            i = end;
        }
    }
    return without(html, cuts, out);
}

} // namespace

Doc parse_html(std::string_view utf8) {
    static const bool initialised = [] {
        xmlInitParser();
        // Errors from a lenient parse of real pages are noise; never print them.
        xmlSetGenericErrorFunc(nullptr, ignore_errors);
        xmlSetStructuredErrorFunc(nullptr, ignore_structured_errors);
        return true;
    }();
    (void)initialised;
    // Without XML_PARSE_HUGE libxml2 keeps its limits: at most 256 nested elements (deeper input
    // stops the parse there, keeping what came before) and 10 MB text nodes.
    constexpr int kOptions = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                             HTML_PARSE_NONET | HTML_PARSE_COMPACT | HTML_PARSE_IGNORE_ENC;
    static_assert((kOptions & XML_PARSE_HUGE) == 0,
                  "the parser's depth and size limits must stay on");
    std::string buffer;
    utf8 = parser_input(utf8, buffer);
    auto size = int(std::min<size_t>(utf8.size(), size_t(INT32_MAX)));
    return Doc(htmlReadMemory(utf8.data(), size, nullptr, "UTF-8", kOptions));
}

std::string_view parser_input(std::string_view utf8, std::string& buffer) {
    std::string capped;
    if (drop_raw_text(utf8, buffer)) utf8 = buffer;
    if (drop_excess_attributes(utf8, capped)) {
        buffer = std::move(capped);
        utf8 = buffer;
    }
    return utf8;
}

namespace {

// ---------------------------------------------------------------------------------------------
// [SECTION] Tags and names
// ---------------------------------------------------------------------------------------------

// Elements whose content is never article text.
bool is_dropped_tag(std::string_view t) {
    static constexpr std::string_view kTags[] = {
        "head",     "script", "style",   "noscript", "template",   "svg",    "math",     "iframe",
        "object",   "embed",  "applet",  "canvas",   "video",      "audio",  "source",   "track",
        "map",      "area",   "button",  "input",    "select",     "option", "optgroup", "textarea",
        "datalist", "dialog", "frame",   "frameset", "link",       "meta",   "label",    "output",
        "progress", "meter",  "picture", "img",      "figcaption", "menu"};
    for (auto k : kTags)
        if (t == k) return true;
    return false;
}

// Semantic elements that hold page furniture (kept only if they hold most of the prose).
bool is_furniture_tag(std::string_view t) {
    return t == "nav" || t == "aside" || t == "footer" || t == "header" || t == "figure" ||
           t == "form";
}

bool is_heading(std::string_view t) {
    return t.size() == 2 && t[0] == 'h' && t[1] >= '1' && t[1] <= '6';
}

// Class and id words. Sources: Readability.js (REGEXPS.unlikelyCandidates, okMaybeItsACandidate,
// positive, negative), trafilatura's xpaths.py (OVERALL_DISCARD_XPATH), jusText's defaults.
constexpr std::string_view kUnlikely[] = {
    "banner",    "breadcrumb",   "combx",      "comment",      "community",   "disqus",
    "footer",    "gdpr",         "header",     "menu",         "related",     "remark",
    "replies",   "rss",          "shoutbox",   "sidebar",      "skyscraper",  "social",
    "sponsor",   "supplemental", "ad-break",   "agegate",      "pagination",  "pager",
    "popup",     "share",        "sharing",    "newsletter",   "subscribe",   "cookie",
    "consent",   "navbar",       "navigation", "nav",          "toolbar",     "promo",
    "recommend", "teaser",       "trending",   "most-popular", "mostpopular", "signup",
    "sign-up",   "login",        "tagcloud",   "tag-cloud",    "tags",        "tag",
    "byline",    "author-bio",   "authorbio",  "about-author", "author-box",  "copyright",
    "masthead",  "modal",        "overlay",    "print-only",   "skip",        "outbrain",
    "taboola",   "advert",       "adsense",    "adslot",       "ad",          "ads",
    "dfp",       "paywall",      "subnav",     "meta",         "postmeta",    "topics",
    "keywords",  "crumbs",       "pagenav",    "nextprev",     "prevnext",    "lightbox",
    "cta",       "caption",      "credit",     "credits",      "toc",         "legend",
    "author",    "factbox",      "infobox",    "textbox",      "inline-box",  "tooltip"};
constexpr std::string_view kMaybe[] = {"and",    "article", "body",  "column", "content", "main",
                                       "shadow", "story",   "entry", "post",   "text",    "blog"};
constexpr std::string_view kPositive[] = {"article", "body",  "content", "entry",    "hentry",
                                          "h-entry", "main",  "page",    "post",     "text",
                                          "blog",    "story", "prose",   "rich-text"};
constexpr std::string_view kNegative[] = {
    "ad",         "ads",     "hidden",   "banner",    "combx",      "comment",  "com-",
    "contact",    "foot",    "footnote", "gdpr",      "masthead",   "media",    "meta",
    "outbrain",   "promo",   "related",  "scroll",    "share",      "shoutbox", "sidebar",
    "skyscraper", "sponsor", "shopping", "tags",      "tool",       "widget",   "nav",
    "menu",       "teaser",  "social",   "subscribe", "newsletter", "cookie",   "caption",
    "credit",     "byline"};
// Unlikely words that no article container carries even beside a maybe-word: "article-related",
// "post-author-box", "entry-share" are furniture inside the article. (Readability lets any
// maybe-word rescue an element; the share-of-prose guard in remove_furniture still keeps a
// container that holds most of the page's prose.)
constexpr std::string_view kNeverArticle[] = {
    "related", "share",     "sharing",      "social",      "newsletter",   "subscribe",  "signup",
    "sign-up", "recommend", "author-bio",   "authorbio",   "about-author", "author-box", "outbrain",
    "taboola", "trending",  "most-popular", "mostpopular", "popup",        "modal",      "cookie",
    "consent", "gdpr",      "paywall",      "toc",         "caption",      "credit",     "credits",
    "legend",  "author",    "factbox",      "infobox",     "textbox",      "inline-box",
    "tooltip", "meta"};
constexpr std::string_view kLead[] = {"lead", "intro", "standfirst", "abstract"};
constexpr std::string_view kCommentWords[] = {"comment", "disqus", "replies", "respond",
                                              "discussion"};

// Class and id words are matched at word starts in the class/id string, normalised to lower
// case with every run of other characters turned into '-' ("-post-body-"): a word matches a
// token that equals it, or that it starts when the word is long (six letters or more: "comment"
// in "commentlist") or the rest is short ("comment" in "comments"). So "tags" does not match
// "tagStyle" and "ad" does not match "header" or "add-to-cart".
std::string normalise_names(std::string_view s) {
    std::string out = "-";
    for (char c : s) {
        char l = c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c;
        bool word = (l >= 'a' && l <= 'z') || (l >= '0' && l <= '9');
        if (word)
            out += l;
        else if (out.back() != '-')
            out += '-';
    }
    if (out.back() != '-') out += '-';
    return out;
}

// Whether `word` matches the token that starts at `at` in `norm` (just after a '-').
bool names_have_at(std::string_view norm, size_t at, std::string_view word) {
    if (norm.compare(at, word.size(), word) != 0) return false;
    size_t end = norm.find('-', at + word.size());
    size_t rest = end - (at + word.size());
    return rest == 0 || word.size() >= 6 || rest <= 2;
}

// Token by token, each against the words with its first letter: every element is asked about
// a hundred words, and scanning the whole string once per word was 7 % of the import.
template <size_t N> bool any_in(std::string_view norm, const std::string_view (&words)[N]) {
    for (size_t at = 1; at < norm.size(); at = norm.find('-', at) + 1) // norm starts with '-'
        for (auto w : words)
            if (w[0] == norm[at] && names_have_at(norm, at, w)) return true;
    return false;
}

// The element's class and id, normalised for any_in.
std::string class_and_id(const xmlNode* n) {
    std::string s(attr(n, "class"));
    s += ' ';
    s += attr(n, "id");
    return normalise_names(s);
}

bool is_hidden(const xmlNode* n) {
    if (has_attr(n, "hidden")) return true;
    if (attr(n, "aria-hidden") == "true" && !first_element(n)) return true;
    std::string style = text::ascii_lower(attr(n, "style"));
    if (style.empty()) return false;
    std::string compact;
    for (char c : style)
        if (c != ' ') compact += c;
    return contains(compact, "display:none") || contains(compact, "visibility:hidden");
}

// Readability's class weight: -25 for a negative word, +25 for a positive one, in class and id.
int class_weight(const xmlNode* n) {
    int w = 0;
    for (std::string_view a : {attr(n, "class"), attr(n, "id")}) {
        if (a.empty()) continue;
        std::string s = normalise_names(a);
        if (any_in(s, kNegative)) w -= 25;
        if (any_in(s, kPositive)) w += 25;
    }
    std::string_view prop = attr(n, "itemprop");
    if (prop == "articleBody" || prop == "text" || name(n) == "article" || name(n) == "main" ||
        attr(n, "role") == "main")
        w += 25;
    return w;
}

// Furniture by its tag (header, nav...), by its role or class/id words, or a comment section.
enum class Furniture { None, ByTag, ByName, Comments };

// Whether an element's tag, role or class/id marks it as page furniture.
Furniture furniture_kind(const xmlNode* n) {
    std::string_view t = name(n);
    if (t == "body" || t == "html" || t == "article" || t == "main" || t == "a")
        return Furniture::None;
    std::string_view prop = attr(n, "itemprop");
    if (prop == "articleBody" || prop == "text" || prop == "description") return Furniture::None;
    if (prop == "author") return Furniture::ByName;
    std::string ci = class_and_id(n);
    if (any_in(ci, kLead)) return Furniture::None;
    // "commentary" and "Kommentar" are opinion pieces, not reader comments.
    if (any_in(ci, kCommentWords) && !contains(ci, "-commentar")) return Furniture::Comments;
    if (is_furniture_tag(t)) return Furniture::ByTag;
    std::string_view role = attr(n, "role");
    if (role == "navigation" || role == "banner" || role == "contentinfo" ||
        role == "complementary" || role == "search" || role == "dialog" || role == "alert" ||
        role == "menu" || role == "menubar")
        return Furniture::ByName;
    if (any_in(ci, kUnlikely) && (!any_in(ci, kMaybe) || any_in(ci, kNeverArticle)))
        return Furniture::ByName;
    return Furniture::None;
}

// ---------------------------------------------------------------------------------------------
// [SECTION] Blocks
// ---------------------------------------------------------------------------------------------

struct Block {
    std::string text;
    xmlNode* owner = nullptr; // innermost block-level element around the text
    uint32_t chars = 0;       // non-space characters, CJK ideographs and kana counted 3 times
    uint32_t link_chars = 0;  // of which inside links
    ParagraphStyle style;
    bool keep = false;
    const char* why = "outside the article"; // reason when dropped

    double link_density() const { return chars ? double(link_chars) / chars : 0.0; }
};

// Per-element facts, indexed through xmlNode::_private (index + 1).
struct Element {
    xmlNode* node = nullptr;
    double score = 0;
    bool scored = false;
    bool removed = false; // furniture: blocks under it are not article text
    uint32_t chars = 0, link_chars = 0, prose = 0;
    const char* why = nullptr; // reason for `removed`
};

// Weight of the code point starting at s[i] for text length (1, or 3 for CJK ideographs/kana,
// which carry a word's worth each), and its byte length.
uint32_t char_weight(std::string_view s, size_t i, size_t& len) {
    auto c = uint8_t(s[i]);
    len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    if (i + len > s.size()) len = s.size() - i;
    if (len == 3) {
        uint32_t cp =
            ((c & 0x0F) << 12) | ((uint8_t(s[i + 1]) & 0x3F) << 6) | (uint8_t(s[i + 2]) & 0x3F);
        if ((cp >= 0x3040 && cp <= 0x30FF) || (cp >= 0x3400 && cp <= 0x9FFF) ||
            (cp >= 0xF900 && cp <= 0xFAFF))
            return 3;
    }
    return 1;
}

uint32_t weighted_length(std::string_view s) {
    uint32_t n = 0;
    for (size_t i = 0, len = 0; i < s.size(); i += len) {
        char c = s[i];
        uint32_t w = char_weight(s, i, len);
        if (c != ' ' && c != '\n' && c != '\t' && c != '\r') n += w;
    }
    return n;
}

// Turns the cleaned tree into blocks. Text inside <br> runs: one <br> is a line break inside the
// paragraph, two or more end the paragraph.
class Linearizer {
  public:
    explicit Linearizer(std::vector<Block>& out) : out_(out) {}

    void run(xmlNode* root) { visit(root, 0, root); }

  private:
    static constexpr int kMaxDepth = 512; // libxml2 stops at 256; belt and braces
    static constexpr char kBreak = '\x01';

    std::vector<Block>& out_;
    std::string raw_;   // text of the current block, <br> as kBreak
    uint32_t link_ = 0; // weighted link characters in raw_
    int in_link_ = 0;
    int in_pre_ = 0;

    void text(std::string_view t) {
        size_t start = raw_.size();
        raw_ += t;
        for (size_t i = start; i < raw_.size(); ++i)
            if (uint8_t(raw_[i]) < 0x20 && raw_[i] != '\n' && raw_[i] != '\t') raw_[i] = ' ';
        if (in_link_) link_ += weighted_length(std::string_view(raw_).substr(start));
    }

    ParagraphStyle style_of(xmlNode* owner) const {
        ParagraphStyle s;
        int lists = 0;
        bool quote = false;
        for (xmlNode* p = owner; p && p->type == XML_ELEMENT_NODE; p = p->parent) {
            std::string_view t = name(p);
            if (t == "ul" || t == "ol") ++lists;
            if (t == "blockquote") quote = true;
        }
        std::string_view t = name(owner);
        if (is_heading(t))
            s = {ParagraphKind::Heading, uint8_t(t[1] - '0')};
        else if (in_pre_)
            s.kind = ParagraphKind::Code;
        else if (t == "li" || t == "dd" || t == "dt")
            s = {ParagraphKind::ListItem, uint8_t(std::min(lists, 9))};
        else if (quote)
            s.kind = ParagraphKind::Quote;
        return s;
    }

    void emit(std::string_view para, xmlNode* owner, uint32_t link) {
        Block b;
        if (in_pre_) {
            // Preformatted text keeps its lines; only blank edges go.
            while (!para.empty() && (para.front() == '\n' || para.front() == kBreak))
                para.remove_prefix(1);
            while (!para.empty() && std::isspace(uint8_t(para.back()))) para.remove_suffix(1);
            b.text.assign(para);
            std::replace(b.text.begin(), b.text.end(), kBreak, '\n');
        } else {
            std::string joined;
            for (std::string_view line : split(para, kBreak)) {
                std::string l = text::collapse_spaces(line);
                if (l.empty()) continue;
                if (!joined.empty()) joined += '\n';
                joined += l;
            }
            b.text = std::move(joined);
        }
        if (b.text.empty()) return;
        b.owner = owner;
        b.chars = weighted_length(b.text);
        b.link_chars = std::min(link, b.chars);
        b.style = style_of(owner);
        out_.push_back(std::move(b));
    }

    static std::vector<std::string_view> split(std::string_view s, char sep) {
        std::vector<std::string_view> parts;
        size_t start = 0;
        for (size_t i = 0; i <= s.size(); ++i)
            if (i == s.size() || s[i] == sep) {
                parts.push_back(s.substr(start, i - start));
                start = i + 1;
            }
        return parts;
    }

    // Ends the current block; a blank line made of <br><br> splits it into paragraphs.
    void flush(xmlNode* owner) {
        if (raw_.empty()) return;
        std::string_view all = raw_;
        if (!in_pre_) {
            // Split at two breaks with only spaces between.
            std::vector<std::string_view> paras;
            size_t start = 0, last_break = std::string_view::npos;
            for (size_t i = 0; i < all.size(); ++i) {
                char c = all[i];
                if (c == kBreak) {
                    if (last_break != std::string_view::npos) {
                        paras.push_back(all.substr(start, last_break - start));
                        start = i + 1;
                        last_break = std::string_view::npos;
                    } else {
                        last_break = i;
                    }
                } else if (c != ' ' && c != '\n' && c != '\t' && c != '\r') {
                    last_break = std::string_view::npos;
                }
            }
            paras.push_back(all.substr(start));
            if (paras.size() > 1) {
                uint32_t total = std::max<uint32_t>(1, weighted_length(all));
                for (auto p : paras) {
                    uint32_t share = uint32_t(uint64_t(link_) * weighted_length(p) / total);
                    emit(p, owner, share);
                }
                raw_.clear();
                link_ = 0;
                return;
            }
        }
        emit(all, owner, link_);
        raw_.clear();
        link_ = 0;
    }

    void visit(xmlNode* n, int depth, xmlNode* owner) {
        if (depth > kMaxDepth) return;
        for (xmlNode* c = n->children; c; c = c->next) {
            if (is_text(c)) {
                text(view(c->content));
                continue;
            }
            if (!is_element(c)) continue;
            std::string_view t = name(c);
            if (t == "br") {
                raw_ += kBreak;
                continue;
            }
            if (t == "hr") {
                flush(owner);
                continue;
            }
            if (is_inline(t)) {
                bool link = t == "a";
                in_link_ += link;
                visit(c, depth + 1, owner);
                in_link_ -= link;
                continue;
            }
            // A block-level element: what came before it is a block of its own.
            flush(owner);
            bool pre = t == "pre";
            in_pre_ += pre;
            visit(c, depth + 1, c);
            flush(c);
            in_pre_ -= pre;
        }
    }
};

// ---------------------------------------------------------------------------------------------
// [SECTION] Main content
// ---------------------------------------------------------------------------------------------

class Extractor {
  public:
    explicit Extractor(xmlNode* body) : body_(body) {}

    std::vector<Block> run(const PageMetadata& meta);

  private:
    xmlNode* body_;
    std::vector<Element> elements_;
    std::vector<Block> blocks_;

    Element& info(xmlNode* n) {
        auto idx = reinterpret_cast<uintptr_t>(n->_private);
        if (idx == 0) {
            elements_.push_back({});
            elements_.back().node = n;
            idx = elements_.size();
            n->_private = reinterpret_cast<void*>(idx);
        }
        return elements_[idx - 1];
    }
    bool has_info(const xmlNode* n) const { return n->_private != nullptr; }

    void clean();
    void measure();
    void remove_furniture(uint32_t page_prose);
    xmlNode* best_candidate();
    std::vector<xmlNode*> with_siblings(xmlNode* top);
    void extend_to_neighbours();
    void trim(const PageMetadata& meta);

    bool under_removed(const Block& b) {
        for (xmlNode* p = b.owner; p && p != body_->parent; p = p->parent)
            if (has_info(p) && info(p).removed) return true;
        return false;
    }
};

// A <noscript> that holds paragraphs of prose is the page's text for readers without scripts
// (a blog that renders its posts from a template), not a tracking pixel or a "please enable
// JavaScript" line.
bool is_noscript_text(const xmlNode* n) {
    if (name(n) != "noscript") return false;
    constexpr size_t kMinProse = 200;
    std::string t = text_of(n, 2 * kMinProse);
    size_t letters = 0;
    for (char c : t) letters += !is_space(c);
    if (letters < kMinProse) return false;
    for (const xmlNode* c = first_element(n); c; c = next_element(c))
        if (name(c) == "p") return true;
    return false;
}

// Drops the elements that never hold article text, and hidden ones.
void Extractor::clean() {
    std::vector<xmlNode*> doomed;
    for (xmlNode* n = body_; n;) {
        bool skip = false;
        if (is_element(n) && n != body_ &&
            ((is_dropped_tag(name(n)) && !is_noscript_text(n)) || is_hidden(n))) {
            doomed.push_back(n);
            skip = true;
        } else if (n->type == XML_COMMENT_NODE) {
            doomed.push_back(n);
        }
        n = next_in(body_, n, skip);
    }
    for (xmlNode* n : doomed) {
        xmlUnlinkNode(n);
        xmlFreeNode(n);
    }
}

// Adds each block's length and link length to its owner and all ancestors.
void Extractor::measure() {
    for (const Block& b : blocks_) {
        bool prose =
            b.chars >= 40 && b.link_density() < 0.3 && b.style.kind != ParagraphKind::Heading;
        for (xmlNode* p = b.owner; p && p->type == XML_ELEMENT_NODE; p = p->parent) {
            Element& e = info(p);
            e.chars += b.chars;
            e.link_chars += b.link_chars;
            if (prose) e.prose += b.chars;
            if (p == body_) break;
        }
    }
}

// Marks furniture (navigation, sidebars, share and comment blocks) as removed, unless it holds
// most of the page's prose: then its name lies (a theme's "sidebar-layout" wrapper).
// Header, nav, footer and aside hold a sentence or two of prose at most.
constexpr uint32_t kMaxFurnitureProse = 400;

void Extractor::remove_furniture(uint32_t page_prose) {
    for (xmlNode* n = body_; n;) {
        bool skip = false;
        if (is_element(n) && n != body_) {
            Furniture f = furniture_kind(n);
            if (f != Furniture::None) {
                Element& e = info(n);
                double share = page_prose ? double(e.prose) / page_prose : 0.0;
                double keep_above = f == Furniture::Comments ? 0.8 : 0.5;
                // libxml2's HTML4 parser ignores </header>, </nav>... while an element it ranks
                // higher (a <div> left open inside) is open, so such an element can swallow the
                // page after it: one holding paragraphs of prose is not furniture.
                bool swallowed = f == Furniture::ByTag && e.prose >= kMaxFurnitureProse;
                if (share < keep_above && !swallowed) {
                    e.removed = true;
                    e.why = f == Furniture::Comments ? "comments" : "page furniture";
                    skip = true;
                }
            }
        }
        n = next_in(body_, n, skip);
    }
}

int tag_score(std::string_view t) {
    if (t == "div" || t == "article" || t == "section" || t == "main") return 5;
    if (t == "pre" || t == "td" || t == "blockquote") return 3;
    if (t == "address" || t == "ol" || t == "ul" || t == "dl" || t == "dd" || t == "dt" ||
        t == "li" || t == "form")
        return -3;
    if (is_heading(t) || t == "th") return -5;
    return 0;
}

size_t count_commas(std::string_view s) {
    size_t n = 0;
    for (size_t i = 0; i < s.size(); ++i) {
        if (s[i] == ',')
            ++n;
        else if (s.compare(i, 3, "\xEF\xBC\x8C") == 0 || s.compare(i, 3, "\xE3\x80\x81") == 0 ||
                 s.compare(i, 3, "\xE3\x80\x82") == 0 || s.compare(i, 2, "\xD8\x8C") == 0)
            ++n;
    }
    return n;
}

// Readability's scoring: every paragraph-like block gives its ancestors points for its length
// and commas, decaying with distance; each container's total is then scaled by how little of its
// text is links.
xmlNode* Extractor::best_candidate() {
    std::vector<xmlNode*> candidates;
    for (const Block& b : blocks_) {
        // As in Readability, paragraphs score and list items do not (a list of references or
        // links is full of commas but is not the article).
        if (b.chars < 25 || b.style.kind == ParagraphKind::Heading ||
            b.style.kind == ParagraphKind::ListItem || under_removed(b))
            continue;
        double points = 1.0 + double(count_commas(b.text)) + std::min(b.chars / 100.0, 3.0);
        int level = 0;
        for (xmlNode* p = b.owner->parent; p && p->type == XML_ELEMENT_NODE && level < 5;
             p = p->parent, ++level) {
            Element& e = info(p);
            if (!e.scored) {
                e.scored = true;
                e.score = tag_score(name(p)) + class_weight(p);
                candidates.push_back(p);
            }
            double divider = level == 0 ? 1 : level == 1 ? 2 : level * 3;
            e.score += points / divider;
            if (p == body_) break;
        }
    }
    if (candidates.empty()) return nullptr;
    for (xmlNode* c : candidates) {
        Element& e = info(c);
        double ld = e.chars ? double(e.link_chars) / e.chars : 0.0;
        e.score *= 1.0 - ld;
    }
    std::sort(candidates.begin(), candidates.end(),
              [&](xmlNode* a, xmlNode* b) { return info(a).score > info(b).score; });
    xmlNode* top = candidates.front();
    double top_score = info(top).score;

    // When several of the best candidates share an ancestor, the article is that ancestor (a
    // body split into several divs).
    std::vector<std::vector<xmlNode*>> alternatives;
    for (size_t i = 1; i < std::min<size_t>(candidates.size(), 5); ++i) {
        if (info(candidates[i]).score / top_score < 0.75) continue;
        std::vector<xmlNode*> chain;
        for (xmlNode* p = candidates[i]->parent; p && p != body_ && p->type == XML_ELEMENT_NODE;
             p = p->parent)
            chain.push_back(p);
        alternatives.push_back(std::move(chain));
    }
    if (alternatives.size() >= 3) {
        for (xmlNode* p = top->parent; p && p != body_ && p->type == XML_ELEMENT_NODE;
             p = p->parent) {
            int lists = 0;
            for (const auto& chain : alternatives)
                lists += std::find(chain.begin(), chain.end(), p) != chain.end();
            if (lists >= 3) {
                top = p;
                break;
            }
        }
    }
    // Climb while the parent scores better (the top candidate is one part of a larger article).
    double last = info(top).score, threshold = last / 3;
    for (xmlNode* p = top->parent; p && p != body_ && p->type == XML_ELEMENT_NODE; p = p->parent) {
        if (!has_info(p) || !info(p).scored) continue;
        double s = info(p).score;
        if (s < threshold) break;
        if (s > last) {
            top = p;
            break;
        }
        last = s;
    }
    // An only child stands for its parent.
    while (top != body_ && top->parent && top->parent != body_ &&
           top->parent->type == XML_ELEMENT_NODE && first_element(top->parent) == top &&
           !next_element(top))
        top = top->parent;
    return top;
}

bool ends_like_sentence(std::string_view s) {
    return s.ends_with('.') || s.ends_with('!') || s.ends_with('?') ||
           s.ends_with("\xE3\x80\x82") || s.ends_with(':');
}

// The top candidate and those of its siblings that look like more of the same article.
std::vector<xmlNode*> Extractor::with_siblings(xmlNode* top) {
    std::vector<xmlNode*> out;
    xmlNode* parent = top->parent;
    if (!parent || parent->type != XML_ELEMENT_NODE) return {top};
    double threshold = std::max(10.0, info(top).score * 0.2);
    std::string top_class(attr(top, "class"));
    for (xmlNode* s = first_element(parent); s; s = next_element(s)) {
        if (s == top) {
            out.push_back(s);
            continue;
        }
        if (!has_info(s) || info(s).removed) continue;
        Element& e = info(s);
        double bonus =
            !top_class.empty() && attr(s, "class") == top_class ? info(top).score * 0.2 : 0.0;
        bool append = e.scored && e.score + bonus >= threshold;
        if (!append && (name(s) == "p" || !first_element(s))) {
            double ld = e.chars ? double(e.link_chars) / e.chars : 0.0;
            std::string t = text_of(s, 2000);
            if (e.chars > 80 && ld < 0.25)
                append = true;
            else if (e.chars > 0 && e.chars <= 80 && ld == 0 &&
                     (contains(t, ". ") || ends_like_sentence(t)))
                append = true;
        }
        if (append) out.push_back(s);
    }
    return out;
}

// Prose that is plainly more of the article: long, few links.
bool is_good_prose(const Block& b, uint32_t min_chars) {
    return b.chars >= min_chars && b.link_density() < 0.25 &&
           b.style.kind != ParagraphKind::Heading;
}

// The chosen containers often miss the lead paragraph or the last section when a page splits its
// article over sibling branches (a standfirst in the header block, a body in two columns). Like
// jusText's context step, neighbouring good prose joins the article, with the short blocks
// between it and the article; furniture stops the search.
void Extractor::extend_to_neighbours() {
    size_t first = blocks_.size(), last = 0;
    for (size_t i = 0; i < blocks_.size(); ++i)
        if (blocks_[i].keep) {
            first = std::min(first, i);
            last = i;
        }
    if (first == blocks_.size()) return;
    // Prose between two kept blocks is more of the article, though its branch did not score
    // (an intro paragraph between the headline's block and the body's).
    for (size_t i = first + 1; i < last; ++i)
        if (!blocks_[i].keep && is_good_prose(blocks_[i], 60) && !under_removed(blocks_[i]))
            blocks_[i].keep = true;
    // Like jusText's context step, a short run (one or two blocks) without links between kept
    // blocks is more of the article too: an interviewer's question, list items set apart.
    for (size_t i = first + 1; i < last; ++i) {
        size_t end = i;
        while (end < last && !blocks_[end].keep && blocks_[end].link_chars == 0 &&
               !under_removed(blocks_[end]))
            ++end;
        if (end > i && end - i <= 2 && blocks_[i - 1].keep && blocks_[end].keep)
            for (size_t k = i; k < end; ++k) blocks_[k].keep = true;
        i = std::max(i, end);
    }
    constexpr int kMaxGap = 3; // blocks of other kinds crossed to reach more prose
    constexpr uint32_t kMaxLinkedGapChars = 40;
    auto extend = [&](size_t from, int step, uint32_t min_chars) {
        int gap = 0;
        size_t edge = from;
        for (size_t i = from + step; i < blocks_.size() && gap <= kMaxGap; i += step) {
            Block& b = blocks_[i];
            // A link list stops the search; one short linked line ("Print", a date with a link
            // to the section) is only a gap.
            bool links = b.link_density() > 0.5;
            if (links && b.chars >= kMaxLinkedGapChars) break;
            if (links || under_removed(b)) {
                ++gap; // a caption or a date line between lead and body: step over it
            } else if (is_good_prose(b, min_chars)) {
                for (size_t k = std::min(edge, i); k <= std::max(edge, i); ++k)
                    if (!under_removed(blocks_[k]) && blocks_[k].link_density() <= 0.5)
                        blocks_[k].keep = true;
                edge = i;
                gap = 0;
            } else {
                ++gap;
            }
            if (i == 0) break;
        }
    };
    extend(first, -1, 60);
    extend(last, +1, 150);

    // The deck: a long heading or a sentence right under the headline, before the article, is
    // its summary (an <h2> of a sentence or two, a <p> in the headline's block), even inside the
    // page's <header>. An <h1> between it and the article is another's headline (a widget's).
    for (size_t i = first; i-- > 0 && first - i <= 10;) {
        Block& b = blocks_[i];
        if (b.style.kind == ParagraphKind::Heading && b.style.level == 1) break;
        bool heading = b.style.kind == ParagraphKind::Heading && b.style.level >= 2 && b.chars >= 80;
        bool sentence = b.style.kind == ParagraphKind::Body && b.chars >= 60 &&
                        ends_like_sentence(b.text);
        if ((!heading && !sentence) || b.link_chars > 0) continue;
        bool under_headline = false;
        for (size_t j = i; j-- > 0 && i - j <= 2;)
            if (blocks_[j].style.kind == ParagraphKind::Heading && blocks_[j].style.level == 1 &&
                blocks_[j].chars >= 10 && blocks_[j].link_density() < 0.5)
                under_headline = true;
        if (!under_headline) continue;
        b.keep = true;
        b.style = {};
        break;
    }
}

// ---------------------------------------------------------------------------------------------
// [SECTION] Trimming
// ---------------------------------------------------------------------------------------------

std::string fold(std::string_view s) {
    return text::ascii_lower(text::collapse_spaces(s));
}

// A labelled fact rather than a sentence: "Quelle: dpa", "Kontakt:", "Crédits photos : X",
// "Publiziert: 03.04.2020": a label of one or two words, then a colon, then at most a few words.
bool is_label_line(std::string_view s) {
    size_t colon = s.find(':');
    if (colon == std::string_view::npos || colon == 0 || colon > 25) return false;
    std::string_view label = text::trim(s.substr(0, colon));
    if (label.empty() || std::count(label.begin(), label.end(), ' ') > 1) return false;
    std::string_view rest = text::trim(s.substr(colon + 1));
    return std::count(rest.begin(), rest.end(), ' ') < 8 && !ends_like_sentence(rest);
}

// What follows a label of one or two words and a colon ("Posted: Thursday, April 21, 2022."),
// or nullopt when the line does not start so.
std::optional<std::string_view> after_label(std::string_view s) {
    size_t colon = s.find(':');
    if (colon == std::string_view::npos || colon == 0 || colon > 25) return std::nullopt;
    std::string_view label = text::trim(s.substr(0, colon));
    if (label.empty() || std::count(label.begin(), label.end(), ' ') > 1) return std::nullopt;
    return text::trim(s.substr(colon + 1));
}

// A page's counter rather than a sentence: "Views: 184", "Comments: 3", "Lesezeit: 4 Min." (a
// label, then a number and at most one word).
bool is_counter_line(std::string_view s) {
    std::optional<std::string_view> rest = after_label(s);
    if (!rest || rest->empty() || !(rest->front() >= '0' && rest->front() <= '9')) return false;
    size_t digits = rest->find_first_not_of("0123456789.,\xC2\xA0 ");
    if (digits == std::string_view::npos) return true;
    std::string_view word = rest->substr(digits);
    return word.size() <= 12 && word.find(' ') == std::string_view::npos;
}

// A call to action without a link: an imperative about the site's channels ("Get the latest news
// straight to your phone with our app.", "Follow us on Instagram", "Sign up for our newsletter").
// [en]
bool is_call_to_action(std::string_view s) {
    std::string f = fold(s);
    std::vector<std::string_view> words;
    for (size_t i = 0; i < f.size();) {
        size_t j = i;
        while (j < f.size() && ((f[j] >= 'a' && f[j] <= 'z') || (f[j] >= '0' && f[j] <= '9'))) ++j;
        if (j > i) words.push_back(std::string_view(f).substr(i, j - i));
        i = j + 1;
    }
    auto is_any = [](std::string_view w, std::initializer_list<std::string_view> list) {
        return std::find(list.begin(), list.end(), w) != list.end();
    };
    // An imperative ("Like" only as "Like us"), addressed to the reader or about the site's own
    // ("your phone", "our app", "us"): "Like other apps, TikTok collects data" is a sentence.
    if (words.empty() || !is_any(words[0], {"get", "download", "subscribe", "sign", "follow", "join", "stay", "install",
                                            "like", "click", "tap", "listen", "watch"}))
        return false;
    if (words[0] == "like" && (words.size() < 2 || words[1] != "us")) return false;
    bool channel = false, addressed = false;
    for (std::string_view w : words) {
        channel = channel || is_any(w, {"app", "apps", "newsletter", "newsletters", "subscribe", "subscription", "alerts",
                                        "notifications", "twitter", "facebook", "instagram", "telegram", "whatsapp",
                                        "youtube", "podcast", "tiktok"});
        addressed = addressed || is_any(w, {"us", "our", "your", "you"});
    }
    return channel && addressed;
}

// The heading of a comment section: "Comments", "3 Comments", "Leave a Reply", "Kommentare (12)".
bool is_comments_heading(std::string_view s) {
    std::string f = fold(s);
    while (!f.empty() && (f.back() == ':' || f.back() == ')' || f.back() == ' ' || (f.back() >= '0' && f.back() <= '9') ||
                          f.back() == '('))
        f.pop_back();
    size_t start = f.find_first_not_of("0123456789 ");
    f = start == std::string::npos ? std::string() : f.substr(start);
    for (std::string_view h : {"comment", "comments", "leave a comment", "leave a reply", "add a comment", "join the discussion",
                               "kommentar", "kommentare", "comentario", "comentarios", "commentaire", "commentaires",
                               "commenti", "reacties", "komentarze", "komentáře"})
        if (f == h) return true;
    return false;
}

// A copyright notice: "© 2022 Example News. ...", "(c) 2021 Jane Doe", "Copyright 2021 ...";
// not "(c) the third case" of a list.
bool is_copyright_line(std::string_view s) {
    std::string head = text::ascii_lower(s.substr(0, 12));
    if (head.starts_with("(c)")) {
        std::string_view rest = text::trim(std::string_view(head).substr(3));
        return !rest.empty() && rest[0] >= '0' && rest[0] <= '9';
    }
    return head.starts_with("\xC2\xA9") || head.starts_with("copyright");
}

// An image's caption or credit line: a short block that ends with a photo credit ("Jane Doe at
// the barrier. (Foto: Getty)", "Roman Prymula, photo: CTK", "Foto: Instagram").
bool is_photo_credit(const Block& b) {
    if (b.chars >= 150 || b.style.kind == ParagraphKind::Heading) return false;
    std::string s = fold(b.text);
    for (std::string_view word : {"foto", "fotos", "photo", "photos", "bild", "credit", "image"}) {
        for (size_t at = s.find(word); at != std::string::npos; at = s.find(word, at + 1)) {
            bool starts_word = at == 0 || s[at - 1] == ' ' || s[at - 1] == '(';
            size_t colon = at + word.size();
            if (colon < s.size() && s[colon] == ' ') ++colon;
            if (!starts_word || colon >= s.size() || s[colon] != ':') continue;
            std::string_view rest = text::trim(std::string_view(s).substr(colon + 1));
            if (std::count(rest.begin(), rest.end(), ' ') < 6 && !contains(rest, ". "))
                return true;
        }
    }
    return false;
}

// Longest line that is checked against the page's furniture for a second copy.
constexpr uint32_t kMaxRepeatedChars = 100;

// The headline repeated at the top of the body: the metadata title while trimming, and again
// once the title is settled (when it came from the heading that opens the article).
void drop_headline(std::vector<Block>& blocks, std::string_view title) {
    std::string folded = fold(title);
    for (Block& b : blocks) {
        if (!b.keep) continue;
        if (b.style.kind == ParagraphKind::Heading && fold(b.text) == folded) {
            b.keep = false;
            b.why = "headline";
        }
        break;
    }
}

void Extractor::trim(const PageMetadata& meta) {
    std::string title = fold(meta.title);
    // Link lists and link-heavy lines inside the article are navigation ("Read more: ...").
    for (Block& b : blocks_) {
        if (!b.keep) continue;
        double ld = b.link_density();
        if (ld > 0.5) {
            b.keep = false;
            b.why = "links";
        }
    }
    // A short line that introduces what was dropped after it ("Read more:", "Related
    // articles:", "Tags:"), or the last line of the article when it ends with a colon; without
    // the colon ("Read more", "More on this", "Further reading"), a short line that is not a
    // sentence or a list item, just before a list of links inside the article (links of a
    // title's length: a one-word tag is not a list of further reading).
    for (size_t i = 0; i < blocks_.size(); ++i) {
        Block& b = blocks_[i];
        if (!b.keep || b.chars > 60) continue;
        size_t next = i + 1;
        bool colon = b.text.ends_with(':') && (next == blocks_.size() || !blocks_[next].keep);
        bool list = !ends_like_sentence(b.text) && b.style.kind != ParagraphKind::ListItem &&
                    next < blocks_.size() && !blocks_[next].keep &&
                    blocks_[next].link_density() > 0.5 && blocks_[next].chars >= 15 &&
                    blocks_[next].why == std::string_view("links");
        if (colon || list) {
            b.keep = false;
            b.why = "links";
        }
    }
    // Teasers: a heading that is all link names another page (unless it is this page's title: a
    // blog's headline links to its permalink), and the few short lines under it (a date, an
    // excerpt) describe that page, not this one, when what follows them is not more of the
    // article: another such heading, or what was dropped.
    auto linked_heading = [&](const Block& h) {
        if (h.style.kind != ParagraphKind::Heading || h.chars < 20 || h.link_density() < 0.9)
            return false;
        std::string heading = fold(h.text);
        return !contains(title, heading) && !contains(heading, title);
    };
    for (size_t i = 0; i < blocks_.size(); ++i) {
        if (!linked_heading(blocks_[i])) continue;
        size_t end = i + 1;
        while (end < blocks_.size() && end <= i + 3 &&
               blocks_[end].style.kind != ParagraphKind::Heading && blocks_[end].chars < 300 &&
               blocks_[end].keep)
            ++end;
        if (end < blocks_.size() && blocks_[end].keep && !linked_heading(blocks_[end])) continue;
        for (size_t j = i + 1; j < end; ++j) {
            blocks_[j].keep = false;
            blocks_[j].why = "teaser";
        }
    }
    // A comment section's heading and what follows it (the comments, a form, an advert) when
    // that is the lesser part of the text: the article ended before it.
    {
        size_t kept_chars = 0;
        for (const Block& b : blocks_)
            if (b.keep) kept_chars += b.chars;
        size_t after = 0;
        for (size_t i = blocks_.size(); i-- > 0;) {
            Block& b = blocks_[i];
            if (!b.keep) continue;
            if (b.chars <= 40 && is_comments_heading(b.text) && after * 5 < kept_chars * 2 && after < kept_chars - after) {
                for (size_t j = i; j < blocks_.size(); ++j)
                    if (blocks_[j].keep) blocks_[j].keep = false, blocks_[j].why = "comments";
                break;
            }
            after += b.chars;
        }
    }
    // The article's tail: short lines with links after the last paragraph are calls to action
    // ("Subscribe to our app", "More at example.com"), not its ending.
    for (size_t i = blocks_.size(), seen = 0; i-- > 0 && seen < 3;) {
        Block& b = blocks_[i];
        if (!b.keep) continue;
        ++seen;
        if (is_copyright_line(b.text)) {
            b.keep = false; // a reprint notice, however long
            b.why = "credits";
            continue;
        }
        if (b.chars >= 100 || b.style.kind == ParagraphKind::Heading) break;
        if (b.link_chars > 0 || is_call_to_action(b.text)) {
            b.keep = false;
            b.why = "call to action";
        } else if (is_label_line(b.text) || (b.chars < 40 && !parse_date(b.text).empty())) {
            b.keep = false;
            b.why = "credits";
        }
    }
    // A short line that the page also shows in its furniture (a sign-up box set twice, for
    // small and large screens, one copy inside the article) is furniture too; not when the
    // other copy is a link (a teaser of this very article).
    std::vector<std::string_view> furniture_lines;
    for (const Block& b : blocks_)
        if (!b.keep && b.chars < kMaxRepeatedChars && b.link_density() <= 0.5 && under_removed(b))
            furniture_lines.push_back(b.text);
    std::sort(furniture_lines.begin(), furniture_lines.end());
    for (Block& b : blocks_)
        if (b.keep && b.chars < kMaxRepeatedChars &&
            std::binary_search(furniture_lines.begin(), furniture_lines.end(), b.text)) {
            b.keep = false;
            b.why = "page furniture";
        }
    // A labelled date among the article's first five lines ("Veröffentlichung: 2. Februar 2022",
    // "Updated: 11.04.2020, 10:27", "Posted: Thursday, April 21, 2022. 10:11 pm") is the page's
    // metadata, not a sentence of it, and so is a counter ("Views: 184"). (Further in, a date
    // can be the text: "Termin: 29.02.2020" on a page of events.)
    for (size_t i = 0, seen = 0; i < blocks_.size() && seen < 5; ++i) {
        Block& b = blocks_[i];
        if (!b.keep) continue;
        ++seen;
        std::optional<std::string_view> rest = after_label(b.text);
        // The date (with its time and zone) must be the rest of the line, or open it with only a
        // short tail after it: "Update: The vote was moved to March 3, 2022." is a sentence.
        if (b.chars < 60 && rest && ((is_label_line(b.text) && !parse_date(*rest).empty()) || !parse_date_line(*rest).empty())) {
            b.keep = false;
            b.why = "date line";
        } else if (b.chars < 40 && is_counter_line(b.text)) {
            b.keep = false; // "Views: 184"
            b.why = "counter";
        }
    }
    // Captions and photo credits set as text inside the article.
    for (Block& b : blocks_)
        if (b.keep && is_photo_credit(b)) {
            b.keep = false;
            b.why = "caption";
        }
    drop_headline(blocks_, meta.title);
    // A heading with nothing kept under it before the next heading of its rank (what it headed
    // was a link list or a widget).
    for (size_t i = blocks_.size(); i-- > 0;) {
        Block& b = blocks_[i];
        if (!b.keep || b.style.kind != ParagraphKind::Heading) continue;
        bool has_body = false;
        for (size_t j = i + 1; j < blocks_.size(); ++j) {
            if (!blocks_[j].keep) continue;
            if (blocks_[j].style.kind == ParagraphKind::Heading &&
                blocks_[j].style.level <= b.style.level)
                break;
            if (blocks_[j].style.kind != ParagraphKind::Heading) {
                has_body = true;
                break;
            }
        }
        if (!has_body) {
            b.keep = false;
            b.why = "heading without text";
        }
    }
}

std::vector<Block> Extractor::run(const PageMetadata& meta) {
    clean();
    Linearizer(blocks_).run(body_);
    measure();
    uint32_t page_prose = has_info(body_) ? info(body_).prose : 0;
    remove_furniture(page_prose);

    xmlNode* top = best_candidate();
    if (top) {
        std::vector<xmlNode*> chosen = with_siblings(top);
        for (Block& b : blocks_) {
            if (under_removed(b)) continue;
            for (xmlNode* p = b.owner; p && p->type == XML_ELEMENT_NODE; p = p->parent) {
                if (std::find(chosen.begin(), chosen.end(), p) != chosen.end()) {
                    b.keep = true;
                    break;
                }
                if (p == body_) break;
            }
        }
        extend_to_neighbours();
    } else {
        // No paragraph anywhere long enough to score (a page of short lines): keep what is not
        // furniture and not links.
        for (Block& b : blocks_) b.keep = !under_removed(b);
    }
    for (Block& b : blocks_) {
        if (b.keep || !under_removed(b)) continue;
        for (xmlNode* p = b.owner; p && p->type == XML_ELEMENT_NODE; p = p->parent)
            if (has_info(p) && info(p).removed) {
                b.why = info(p).why;
                break;
            }
    }
    trim(meta);
    for (Element& e : elements_) e.node->_private = nullptr;
    return std::move(blocks_);
}

// ---------------------------------------------------------------------------------------------
// [SECTION] The article
// ---------------------------------------------------------------------------------------------

constexpr size_t kMaxRemovedBytes = 64 * 1024; // boilerplate kept for "Show removed text"

// Days between two ISO dates (their first ten characters), or -1 if either is not a date.
int days_apart(std::string_view a, std::string_view b) {
    auto days = [](std::string_view d) -> std::optional<int64_t> {
        if (d.size() < 10) return std::nullopt;
        return days_from_civil(std::atoi(std::string(d.substr(0, 4)).c_str()), std::atoi(std::string(d.substr(5, 2)).c_str()),
                               std::atoi(std::string(d.substr(8, 2)).c_str()));
    };
    const auto da = days(a), db = days(b);
    if (!da || !db) return -1;
    const int64_t x = *da, y = *db;
    return int(x > y ? x - y : y - x);
}

// Labels that stand alone on a line, with the name on the next one ("Autor" / "Jane Doe").
bool is_byline_label(std::string_view s) {
    std::string_view v = text::trim(s);
    while (!v.empty() && (v.back() == ':' || v.back() == ' ')) v.remove_suffix(1);
    for (std::string_view l :
         {"by", "von", "autor", "autorin", "autoren", "author", "authors", "auteur", "auteurs",
          "autore", "text", "texto", "written by", "geschrieben von", "redaktion"})
        if (text::iequals(v, l)) return true;
    return false;
}

// Where the article lies among the blocks: its first and last kept block and the heading that
// repeats the title (each blocks.size() when there is none; `first` so when nothing is kept).
struct Landmarks {
    size_t first, last, headline;
};
Landmarks article_landmarks(const std::vector<Block>& blocks, std::string_view title) {
    Landmarks m{blocks.size(), 0, blocks.size()};
    std::string t = fold(title);
    for (size_t i = 0; i < blocks.size(); ++i) {
        if (blocks[i].keep) m.first = std::min(m.first, i), m.last = i;
        if (m.headline == blocks.size() && blocks[i].style.kind == ParagraphKind::Heading &&
            !t.empty() && fold(blocks[i].text) == t)
            m.headline = i;
    }
    return m;
}

// A byline printed on the page: "By Jane Doe", "Text: Max Muster", "Opinion | By Jane Doe", or a
// label line followed by the name. Looked for where pages put it: around the headline and the
// start of the article first, then at its end, then anywhere in the article.
std::string visible_byline(const std::vector<Block>& blocks, std::string_view title) {
    auto [first, last, headline] = article_landmarks(blocks, title);
    if (first == blocks.size()) return {};
    std::vector<size_t> order;
    auto add = [&](size_t from, size_t to) { // [from, to)
        for (size_t i = from; i < std::min(to, blocks.size()); ++i) order.push_back(i);
    };
    if (headline < blocks.size()) add(headline >= 3 ? headline - 3 : 0, headline + 6);
    add(first >= 6 ? first - 6 : 0, first + 6);
    add(last >= 4 ? last - 4 : 0, last + 4);
    for (size_t i = first; i <= last; ++i)
        if (blocks[i].keep) order.push_back(i);
    for (size_t i : order) {
        const Block& b = blocks[i];
        if (b.why == std::string_view("comments")) continue;
        if (b.text.size() > 300) continue;
        if (b.style.kind == ParagraphKind::Heading && b.style.level <= 2) continue; // headlines
        bool heading = b.style.kind == ParagraphKind::Heading;
        for (std::string_view line : text::split_lines(b.text))
            if (std::string who = byline_in_line(line, heading); !who.empty()) return who;
        if (is_byline_label(b.text) && i + 1 < blocks.size() && blocks[i + 1].chars < 60) {
            std::string who = byline_in_line("By " + blocks[i + 1].text);
            if (!who.empty()) return who;
        }
    }
    return {};
}

// The heading that opens the article, when the title found so far is in no heading on the page
// (a wiki's page path, a section's name, a site's name): a heading of two or more words that is
// the first kept block (or follows a short first line: a dateline, a category), or the block
// just before them when it is not a link. "" when a heading holds the title or none opens the
// article.
std::string opening_heading(const std::vector<Block>& blocks, std::string_view title) {
    size_t first = article_landmarks(blocks, title).first;
    std::string t = fold(title);
    if (first == blocks.size() || t.empty()) return {};
    for (const Block& b : blocks) // the headline, maybe with a kicker or decoration
        if (b.style.kind == ParagraphKind::Heading && contains(fold(b.text), t)) return {};
    auto usable = [&](const Block& b) {
        return b.style.kind == ParagraphKind::Heading && b.chars >= 8 && b.chars <= 200 &&
               contains(b.text, " ") && !contains(b.text, "\n") && parse_date(b.text).empty();
    };
    // The first kept block, or the second after a short line (a dateline, a category).
    for (size_t i = first, kept = 0; i < blocks.size() && kept < 2; ++i) {
        if (!blocks[i].keep) continue;
        ++kept;
        if (usable(blocks[i])) return blocks[i].text;
        if (blocks[i].chars >= 60) break;
    }
    // Outside the article, a linked heading is a logo or a teaser for another page.
    if (first > 0 && usable(blocks[first - 1]) && blocks[first - 1].link_density() < 0.5)
        return blocks[first - 1].text;
    return {};
}

// A date printed on the page: in a short line under the headline, then around the start of the
// article ("15. März 2020", "Date 23.05.2011"), or at the start of its first paragraph
// ("Pressemitteilung vom 25. Januar 2022 | Berlin - ..."), then just above the headline; with
// `at_end`, in a short line at the article's end ("Aktualisiert: 30.12.2016", "Posted on ..."),
// where blogs print it. Under the headline comes first: the page's header, before the article,
// often shows today's date.
std::string visible_date(const std::vector<Block>& blocks, std::string_view title, bool at_end) {
    auto [first, last, headline] = article_landmarks(blocks, title);
    if (first == blocks.size()) return {};
    std::vector<size_t> order;
    auto add = [&](size_t from, size_t to) { // [from, to)
        for (size_t i = from; i < std::min(to, blocks.size()); ++i) order.push_back(i);
    };
    if (at_end) {
        add(last >= 3 ? last - 3 : 0, last + 4);
    } else {
        if (headline < blocks.size()) add(headline, headline + 8);
        add(first >= 8 ? first - 8 : 0, first + 3);
        if (headline < blocks.size()) add(headline >= 3 ? headline - 3 : 0, headline);
    }
    for (size_t i : order) {
        std::string_view text = blocks[i].text;
        if (text.size() < 120) {
            if (std::string d = parse_date(text); !d.empty()) return d;
        } else if (!at_end && blocks[i].keep) {
            // A dateline: a short lead segment before " | " or " - ".
            for (std::string_view sep : {" | ", " \xE2\x80\x93 ", " - "}) {
                size_t cut = text.find(sep);
                if (cut != std::string_view::npos && cut < 80)
                    if (std::string d = parse_date(text.substr(0, cut)); !d.empty()) return d;
            }
        }
    }
    return {};
}

// The news agency credited in the article's dateline: "Hamburg (dpa/lno) - ...", "PARIS (AFP)
// — ...": a place of one to three capitalised words, the credit in parentheses (one or two
// words, no digits), then a dash. "" when the first paragraph does not start so.
std::string agency_in_dateline(const std::vector<Block>& blocks) {
    for (const Block& b : blocks) {
        if (!b.keep || b.style.kind == ParagraphKind::Heading) continue;
        std::string_view t = b.text;
        size_t open = t.find(" (");
        if (open == std::string_view::npos || open == 0 || open > 40) return {};
        size_t close = t.find(')', open);
        if (close == std::string_view::npos || close - open - 2 < 2 || close - open - 2 > 20)
            return {};
        std::string_view place = t.substr(0, open), credit = t.substr(open + 2, close - open - 2);
        std::string_view after = t.substr(close + 1);
        bool dash = false;
        for (std::string_view d : {" - ", " \xE2\x80\x93 ", " \xE2\x80\x94 "})
            dash = dash || after.starts_with(d);
        auto spaces = [](std::string_view s) { return std::count(s.begin(), s.end(), ' '); };
        bool place_ok = spaces(place) <= 2 && !(place[0] >= 'a' && place[0] <= 'z') &&
                        std::none_of(place.begin(), place.end(),
                                     [](char c) { return (c >= '0' && c <= '9') || c == '.'; });
        bool credit_ok =
            spaces(credit) <= 1 &&
            std::none_of(credit.begin(), credit.end(), [](char c) { return c >= '0' && c <= '9'; });
        return dash && place_ok && credit_ok ? std::string(credit) : std::string();
    }
    return {};
}

// The author who signs the article: its last kept block is a name alone, maybe with a role on
// the next line ("Jane Doe" / "Chair"), after a sentence. "" when the article does not end so.
std::string signature_at_end(const std::vector<Block>& blocks) {
    size_t last = blocks.size(), before = blocks.size();
    for (size_t i = blocks.size(); i-- > 0;) {
        if (!blocks[i].keep) continue;
        if (last == blocks.size()) {
            last = i;
        } else {
            before = i;
            break;
        }
    }
    if (before == blocks.size() || blocks[last].style.kind == ParagraphKind::Heading ||
        blocks[before].style.kind != ParagraphKind::Body ||
        !ends_like_sentence(blocks[before].text))
        return {};
    auto lines = text::split_lines(blocks[last].text);
    if (lines.empty() || lines.size() > 2 || (lines.size() == 2 && lines[1].size() > 60)) return {};
    return signature_name(lines[0]);
}

// The person a copyright line names, looked for from the end of the page; not the site itself.
std::string copyright_holder_of(const std::vector<Block>& blocks, std::string_view site_name) {
    for (size_t i = blocks.size(); i-- > 0;) {
        for (std::string_view line : text::split_lines(blocks[i].text)) {
            std::string who = copyright_holder(line);
            if (who.empty()) continue;
            std::string f = fold(who), site = fold(site_name);
            if (!site.empty() && (contains(f, site) || contains(site, f))) return {};
            return who;
        }
    }
    return {};
}

bool starts_alike(std::string_view body, std::string_view standfirst) {
    std::string a = fold(body), b = fold(standfirst);
    // Without the ellipsis a cut description ends with ("...", "…"); not any other non-ASCII
    // ending, which would take whole words of CJK or Cyrillic text with it.
    for (;;) {
        if (!b.empty() && (b.back() == '.' || b.back() == ' ')) b.pop_back();
        else if (b.ends_with("\xE2\x80\xA6")) b.resize(b.size() - 3);
        else break;
    }
    return !b.empty() && a.compare(0, b.size(), b) == 0;
}

// Whether a description only repeats the title: the same words, or the title's start cut with
// an ellipsis, at least two thirds of it.
bool repeats_title(std::string_view title, std::string_view description) {
    std::string t = fold(title), d = fold(description);
    while (!d.empty() && (d.back() == '.' || d.back() == ' ')) d.pop_back();
    if (d.ends_with("\xE2\x80\xA6")) d.resize(d.size() - 3);
    while (!d.empty() && d.back() == ' ') d.pop_back();
    return !d.empty() && d.size() * 3 >= t.size() * 2 && t.compare(0, d.size(), d) == 0;
}

} // namespace
} // namespace broadsheet::html

namespace broadsheet::detail {

void add_html_fragment(std::string_view fragment, Article& a) {
    html::Doc doc = html::parse_html(fragment);
    xmlNode* root = doc ? xmlDocGetRootElement(doc.get()) : nullptr;
    if (!root) return;
    xmlNode* body = root;
    for (xmlNode* n = root; n; n = html::next_in(root, n))
        if (html::is(n, "body")) {
            body = n;
            break;
        }
    std::vector<html::Block> blocks;
    html::Linearizer(blocks).run(body);
    for (const html::Block& b : blocks) a.add_paragraph(b.text, b.style);
}

bool looks_like_html_fragment(std::string_view s) {
    // A closing tag of a text element, or a line break: "<Diversified Shelter Group Ltd>" and
    // "<BAC>" (Reuters' company marks) are no markup, and a text never writes "</p>" by chance.
    const std::string head = text::ascii_lower(s.substr(0, 4096));
    for (std::string_view tag : {"</p>", "</div>", "</li>", "</h1>", "</h2>", "</h3>", "</h4>", "</blockquote>", "</a>",
                                 "</strong>", "</em>", "</b>", "</i>", "</span>", "<br>", "<br/>", "<br />"})
        if (html::contains(head, tag)) return true;
    return false;
}

bool looks_like_html(std::string_view s) {
    s = s.substr(0, 4096);
    std::string head = text::ascii_lower(s);
    size_t start = head.find_first_not_of(" \t\r\n");
    if (start == std::string::npos) return false;
    std::string_view h = std::string_view(head).substr(start);
    if (h.starts_with("<!doctype html") || h.starts_with("<html") || h.starts_with("<head") ||
        h.starts_with("<body"))
        return true;
    // A fragment or a page after a comment/XML declaration: typical tags early on.
    return h.starts_with("<") && (html::contains(h, "<html") || html::contains(h, "<body") ||
                                  html::contains(h, "<head") || html::contains(h, "<p>") ||
                                  html::contains(h, "<div") || html::contains(h, "<article"));
}

void import_html(std::string_view name, std::string_view utf8, ImportResult& r) {
    // A parsed page takes about ten times its size in memory; real pages are well under this
    // limit (data: URIs aside), so beyond it only the start of the page is read.
    constexpr size_t kMaxHtmlBytes = 32u << 20;
    if (utf8.size() > kMaxHtmlBytes) {
        size_t cut = utf8.rfind('<', kMaxHtmlBytes);
        utf8 = utf8.substr(0, cut == std::string_view::npos || cut == 0 ? kMaxHtmlBytes : cut);
        r.warnings.push_back("the page is larger than " + std::to_string(kMaxHtmlBytes >> 20) +
                             " MB: only its first " + std::to_string(kMaxHtmlBytes >> 20) +
                             " MB were read");
    }
    html::Doc doc = html::parse_html(utf8);
    xmlNode* root = doc ? xmlDocGetRootElement(doc.get()) : nullptr;
    if (!root) {
        r.error = "could not read the HTML";
        return;
    }
    Article a;
    a.file = std::string(name);
    a.encoding = "UTF-8";
    html::PageMetadata meta = html::read_metadata(doc.get());
    a.title = meta.title;
    a.byline = meta.authors;
    a.date = meta.date;
    a.source = meta.site_name;
    a.url = meta.url;
    a.language = meta.language;
    a.metadata = meta.extra;

    xmlNode* body = nullptr;
    for (xmlNode* n = root; n; n = html::next_in(root, n))
        if (html::is(n, "body")) {
            body = n;
            break;
        }
    if (!body) body = root;
    std::vector<html::Block> blocks = html::Extractor(body).run(meta);

    // A metadata title that no heading shows gives way to the heading that opens the article.
    if (std::string h = html::opening_heading(blocks, a.title); !h.empty()) a.title = h;
    html::drop_headline(blocks, a.title);
    // No byline in the metadata (or only a login name, or only the site's name): a visible one.
    if (a.byline.empty() || (a.byline.size() == 1 && !html::contains(a.byline[0], " "))) {
        if (std::string who = html::visible_byline(blocks, meta.title); !who.empty()) {
            if (a.byline.empty() || html::is_display_name_of(who, a.byline[0]))
                a.byline = {std::move(who)};
        }
    }
    if (a.byline.empty())
        if (std::string agency = html::agency_in_dateline(blocks); !agency.empty())
            a.byline.push_back(std::move(agency));
    if (a.byline.empty())
        if (std::string who = html::signature_at_end(blocks); !who.empty())
            a.byline.push_back(std::move(who));
    if (a.byline.empty() && !meta.site_author.empty()) a.byline.push_back(meta.site_author);
    // Nothing names an author: a personal site's copyright line (in its footer) names its owner.
    if (a.byline.empty())
        if (std::string who = html::copyright_holder_of(blocks, a.source); !who.empty())
            a.byline.push_back(std::move(who));
    // The date as printed near the headline: the date when the metadata has none, and the
    // better one when the metadata's differs from it and is weak: only a vague Dublin Core date,
    // a UTC time stamp a day off the local date, or contradicted by another date of the markup
    // that agrees with the page (a JSON-LD datePublished against the og:published_time and the
    // <time> shown, a publication date against the update that the page shows).
    {
        std::string seen = html::visible_date(blocks, meta.title, false);
        auto in_markup = [&](const std::string& d) {
            for (const auto& m : meta.machine_dates)
                if (m.compare(0, 10, d, 0, 10) == 0) return true;
            return false;
        };
        if (a.date.empty())
            a.date = seen.empty() ? html::visible_date(blocks, meta.title, true) : seen;
        else if (!seen.empty() && seen.compare(0, 10, a.date, 0, 10) != 0 &&
                 (meta.date_is_vague || in_markup(seen) ||
                  (a.date.size() > 10 && html::days_apart(seen, a.date) == 1)))
            a.date = seen;
    }
    // Above the body, a paragraph that is only the article's date is the date line, not body
    // text. (One that repeats the page's description stays: the extraction set's truth counts
    // such a summary as the body's, bench/RESULTS.md.)
    size_t kept_seen = 0, kept_total = 0;
    for (const auto& b : blocks) kept_total += b.keep;
    size_t removed_bytes = 0;
    for (const auto& b : blocks) {
        if (b.keep && kept_seen < 3 && kept_total - kept_seen > 1 && b.style.kind == ParagraphKind::Body) {
            ++kept_seen;
            if (!a.date.empty() && b.text.size() <= 48) {
                const std::string d = parse_date_line(b.text);
                if (!d.empty() && d.compare(0, 10, a.date, 0, 10) == 0) {
                    a.removed.push_back({b.text, "date"});
                    continue;
                }
            }
        } else if (b.keep) {
            ++kept_seen;
        }
        if (b.keep) {
            a.add_paragraph(b.text, b.style);
        } else if (removed_bytes < html::kMaxRemovedBytes) {
            removed_bytes += b.text.size();
            a.removed.push_back({b.text, b.why});
        }
    }
    if (a.paragraphs.empty() && a.title.empty()) {
        r.error = "no text found in the page";
        return;
    }
    // The description is the standfirst, unless it only repeats the body's start or the title.
    if (!meta.description.empty() &&
        (a.paragraphs.empty() || !html::starts_alike(a.paragraph(0), meta.description)) &&
        !html::repeats_title(a.title, meta.description))
        a.standfirst = meta.description;
    r.articles.push_back(std::move(a));
}

} // namespace broadsheet::detail
