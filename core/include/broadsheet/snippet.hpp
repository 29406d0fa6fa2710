// Broadsheet core: what a hit shows. Highlights, the best passage, and KWIC concordance lines.
//
// Views in, offsets out: everything here is a byte range into the article's own text, so the
// reader highlights exactly the bytes that matched (accents, soft hyphens and all).
#pragma once

#include "broadsheet/article.hpp"
#include "broadsheet/search.hpp"

#include <functional>
#include <string_view>
#include <vector>

namespace broadsheet::search {

// The text of a field of an article (the byline is not one text, so it gives "").
std::string_view field_text(const Article& article, Field field);

// Every occurrence in `text`, the article's `field`, of a matched term (one range per word) and
// of a matched phrase (one range from its first word to its last), ascending and merged where
// they overlap. What the query asked for in other fields only (title:wheat) is not marked.
std::vector<ByteRange> find_highlights(std::string_view text, const MatchSet& matched, Analyzer& analyzer, Field field);

struct Snippet {
    Field field = Field::Body;         // the text the passage is from: body, standfirst or title
    ByteRange passage;                 // in field_text(article, field)
    std::vector<ByteRange> highlights; // inside `passage`, in the same text
    bool cut_before = false;           // the passage starts inside the text (show "…")
    bool cut_after = false;            // ... and ends inside it, mid-sentence (not after "said.")
};

struct SnippetOptions {
    size_t max_bytes = 240; // about two lines; Xapian's snippet default is 200 characters
};

// The passage of the body with the most different matches (then the most matches, then the
// earliest); the standfirst when only it matches; the start of the body otherwise (when only the
// title matches too: a hit shows its title above the snippet).
Snippet make_snippet(const Article& article, const MatchSet& matched, Analyzer& analyzer,
                     const SnippetOptions& options = {});

// One KWIC line: left context, the match, right context, as ranges into the field's text.
struct ConcordanceLine {
    DocId doc = kNoDoc;
    Field field = Field::Body;
    ByteRange left, match, right;
};

// Every match of `query` (a term, a phrase, any query, read with `parse`: as_you_type makes the
// last word a prefix, as a search box reads it) across the live documents, in document order then
// text order, with up to `context_bytes` of context each side (cut at word and character
// boundaries), at most `max_lines` lines. `article_of` gives a document's article (or nullptr if
// it is not at hand). What the parser said about the query (a malformed one still gives its
// best-effort lines) goes to `messages` when given.
std::vector<ConcordanceLine> concordance(const Index& index, std::string_view query,
                                         const std::function<const Article*(DocId)>& article_of,
                                         size_t context_bytes = 40, size_t max_lines = 1000,
                                         const ParseOptions& parse = {}, std::vector<QueryMessage>* messages = nullptr);

// A line for `match` in `text` (its left and right context; doc and field left as they are): up to
// `context_bytes` each side, cut at word and character boundaries, as concordance() cuts its lines.
ConcordanceLine context_of(std::string_view text, ByteRange match, size_t context_bytes = 40);

// The folded words next to a line's match in `field_text` (the text of its field), nearest first:
// up to `words` of the end of its left context (`before`) or of the start of its right context,
// joined by U+0001 (below every printable character, so that the keys sort word by word); "" if
// there is none. What concordancers sort lines by (AntConc's 1L, 2L... and 1R, 2R...). Never
// throws ("" when out of memory).
std::string concordance_word(std::string_view field_text, const ConcordanceLine& line, bool before, size_t words = 1);

// A piece of a line as one line of text: a paragraph break (a blank line) shows as " ¶ ", any
// other run of line breaks as one space. Never throws ("" when out of memory).
std::string concordance_text(std::string_view piece);

} // namespace broadsheet::search
