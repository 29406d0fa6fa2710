// Broadsheet core: the Article model.
//
// An Article is what an importer makes of one input file (or one record of a JSON dump): its
// metadata and its body text. Paragraphs are byte ranges into `text`, not copies, so that every
// later stage (tokens, hits, snippets, quotes) can point back into the same bytes.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace broadsheet {

// A half-open byte range [begin, end) into some text.
struct ByteRange {
    uint32_t begin = 0;
    uint32_t end = 0;
    uint32_t size() const { return end - begin; }
    bool operator==(const ByteRange&) const = default;
};

// One piece of text an importer dropped as boilerplate (banner, footer, share prompt...), kept so
// the reader can show what was removed and why.
struct RemovedText {
    std::string text;   // the line(s) as they stood in the input, normalised to UTF-8
    std::string reason; // short, readable: "age banner", "footer", "end mark"
};

// A field of the input that has no place in the model, kept as it was ("topics", "dateline"...).
struct MetadataField {
    std::string key;
    std::string value; // strings as they are; numbers, arrays and objects as compact JSON
};

// How a paragraph is set in the source: body text, a heading, a list item, a block quote or
// preformatted text (code, verse). Importers that know (HTML, Markdown) say; the rest give Body.
enum class ParagraphKind : uint8_t { Body, Heading, ListItem, Quote, Code };

struct ParagraphStyle {
    ParagraphKind kind = ParagraphKind::Body;
    uint8_t level = 0; // heading level 1-6; list nesting depth 1..; otherwise 0
    bool operator==(const ParagraphStyle&) const = default;
};

struct Article {
    std::string file;                 // the input's name, as given by the user (path or file name)
    std::string id;                   // the input's own id (JSON `id`/`_id`), or empty
    std::string title;                // headline
    std::string standfirst;           // the summary line(s) under the headline; may be empty
    std::vector<std::string> byline;  // author names, in order; may be empty
    std::string date;                 // ISO 8601 ("2025-08-13", "2025-08-13T20:15Z"); may be empty
    std::string source;               // publisher, where known
    std::string url;                  // where the article was published, where known
    std::string language;             // BCP 47 code ("en"), where known
    std::string text;                 // body: paragraphs in order, separated by "\n\n"
    std::vector<ByteRange> paragraphs; // each paragraph of `text`
    std::vector<RemovedText> removed; // boilerplate the importer dropped, in input order
    std::string encoding;             // encoding the input was decoded from ("UTF-8", "UTF-16LE"...)
    std::vector<MetadataField> metadata; // input fields not mapped to the ones above
    bool truncated = false;           // the input holds only the start of the text (NewsAPI's
                                      // "... [+1234 chars]")
    // How each paragraph is set, parallel to `paragraphs`; a missing entry means Body.
    std::vector<ParagraphStyle> styles;
    size_t word_count = 0;            // words in `text` (each CJK character counts as one)

    // The text of paragraph i (a view into `text`).
    std::string_view paragraph(size_t i) const {
        return std::string_view(text).substr(paragraphs[i].begin, paragraphs[i].size());
    }

    // How paragraph i is set (Body when the importer did not say).
    ParagraphStyle style(size_t i) const {
        return i < styles.size() ? styles[i] : ParagraphStyle{};
    }

    // Appends a paragraph to the body, keeping `text`, `paragraphs` and `styles` in step.
    void add_paragraph(std::string_view p, ParagraphStyle style = {});
};

} // namespace broadsheet
