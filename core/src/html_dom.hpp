// Internal: small read-only helpers over libxml2's HTML tree, shared by the HTML importer
// (import_html.cpp) and its metadata reader (html_metadata.cpp). Not part of the public API.
//
// libxml2's HTML parser lower-cases element and attribute names, and its tree is at most 256
// elements deep (deeper input stops the parser: see parse_html), so recursion over it is bounded.
#pragma once

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include "broadsheet/article.hpp"

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace broadsheet::html {

struct DocFree {
    void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};
using Doc = std::unique_ptr<xmlDoc, DocFree>;

// Parses UTF-8 HTML leniently (recovering from any error, never touching the network, without
// libxml2's "huge" mode, so its depth and size limits stay on). Never null for non-empty input.
Doc parse_html(std::string_view utf8);

// What parse_html hands libxml2: `utf8` without the bodies of script and style elements and
// without a start tag's attributes past the 128th (see import_html.cpp). Returns `utf8` itself
// when nothing is dropped, else a view of `buffer`.
std::string_view parser_input(std::string_view utf8, std::string& buffer);

inline std::string_view view(const xmlChar* s) {
    return s ? std::string_view(reinterpret_cast<const char*>(s)) : std::string_view();
}
inline std::string_view name(const xmlNode* n) {
    return view(n->name);
}
inline bool is_element(const xmlNode* n) {
    return n && n->type == XML_ELEMENT_NODE;
}
inline bool is_text(const xmlNode* n) {
    return n && (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE);
}
inline bool is(const xmlNode* n, std::string_view tag) {
    return is_element(n) && name(n) == tag;
}

inline bool contains(std::string_view hay, std::string_view needle) {
    return hay.find(needle) != std::string_view::npos;
}

// The value of attribute `key` (lower case) as stored in the tree, or "" when absent.
inline std::string_view attr(const xmlNode* n, std::string_view key) {
    for (const xmlAttr* a = n->properties; a; a = a->next) {
        if (view(a->name) == key) {
            const xmlNode* c = a->children;
            return c && c->type == XML_TEXT_NODE && !c->next ? view(c->content)
                                                             : std::string_view();
        }
    }
    return {};
}
inline bool has_attr(const xmlNode* n, std::string_view key) {
    for (const xmlAttr* a = n->properties; a; a = a->next)
        if (view(a->name) == key) return true;
    return false;
}

// The first element child / next element sibling, or nullptr.
inline xmlNode* first_element(const xmlNode* n) {
    xmlNode* c = n->children;
    while (c && !is_element(c)) c = c->next;
    return c;
}
inline xmlNode* next_element(const xmlNode* n) {
    xmlNode* c = n->next;
    while (c && !is_element(c)) c = c->next;
    return c;
}

// Pre-order successor of `n` within the subtree of `root` (nullptr at the end); with
// `skip_children` the walk does not enter `n`. Iterative, so no depth limits apply.
inline xmlNode* next_in(const xmlNode* root, xmlNode* n, bool skip_children = false) {
    if (!skip_children && n->children && n->type == XML_ELEMENT_NODE) return n->children;
    while (n && n != root) {
        if (n->next) return n->next;
        n = n->parent;
    }
    return nullptr;
}

// Inline (phrasing) elements: text inside them runs on with the text around them.
bool is_inline(std::string_view tag);

// All text under `n`, whitespace collapsed to single spaces and trimmed; at most `limit` bytes
// (cut at a character boundary).
std::string text_of(const xmlNode* n, size_t limit = 4096);

// ---- interface to code in html_metadata.cpp ----

// What a page says about itself, from (best first) JSON-LD, OpenGraph and other <meta> tags,
// microdata, <time>, rel=author links and visible bylines.
struct PageMetadata {
    std::string title;       // the headline, site name and section suffixes removed
    std::string description; // og:description / meta description (a standfirst candidate)
    std::vector<std::string> authors;
    std::string site_author; // an author that only names the site or publisher: the last resort
    std::string date;        // ISO 8601
    // The date is only Dublin Core's "a date associated with an event in the life cycle of the
    // resource" (<meta name="date">, dc.date, dcterms.date): often the last edit, not publication.
    bool date_is_vague = false;
    std::vector<std::string> machine_dates; // every date the markup gives: published, modified,
                                            // <time datetime>; to check a date the page shows
    std::string site_name;
    std::string url;
    std::string language;             // BCP 47, from <html lang>, og:locale, JSON-LD inLanguage
    std::vector<MetadataField> extra; // keywords, section, image, modified date
};

// Reads the metadata of a parsed page. Does not modify the tree.
PageMetadata read_metadata(xmlDoc* doc);

// The name in a visible byline line ("By Jane Doe", "Text: Max Muster", "Von Max Muster, 3.
// März", "Eine Kolumne von Jane Doe"), or "" when the line does not start like a byline. A
// `heading` reads as a title, so there only a line that starts like a byline counts: "Auf den
// Spuren von Rafael Nadal" names its subject, not its author.
std::string byline_in_line(std::string_view line, bool heading = false);

// The name a line that signs an article gives ("Jane Doe", "Kazım TÜRKMEN"): two or three
// capitalised words of letters, hyphens and initials, not an organisation; else "".
std::string signature_name(std::string_view line);

// The person a copyright or licence line names ("Copyright (c) 2012- Jane Doe. All rights
// reserved.", "(CC BY) 2006-2008 by Jane Doe"), or "" when it names none (a company's one-word
// name, no such line). Two or three capitalised words.
std::string copyright_holder(std::string_view line);

// Whether `name` ("Jane Doe") is the name shown for the login or short name `login` ("jdoe",
// "jane.doe", "Jane") that a page's metadata gives as its author.
bool is_display_name_of(std::string_view name, std::string_view login);

// "Headline | Site", "Site - Headline", "Headline :: Section :: Site" -> "Headline". Uses the
// site name and the page's <h1> texts when known. With `keep_dashes`, a title split by dashes
// none of whose parts names the (known) site is kept whole ("Korsetts - Shops, Designer").
std::string clean_title(std::string_view title, std::string_view site_name,
                        const std::vector<std::string>& h1s, bool keep_dashes = false);

} // namespace broadsheet::html
