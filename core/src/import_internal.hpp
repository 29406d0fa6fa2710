// Internal: the interfaces between the importers. Not part of the public API.
#pragma once

#include "broadsheet/article.hpp"
#include "broadsheet/import.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace broadsheet::detail {

// ---- interface to code in import_text.cpp ----

// If `line` is page furniture that is junk wherever it stands (share prompts, image credits,
// "Advertisement"...), returns the reason ("share prompt"); otherwise nullptr.
const char* junk_line_reason(std::string_view line);

// ---- interface to code in import_json.cpp ----

// True when the text looks like JSON (an object or array) or JSON Lines (one object per line).
bool looks_like_json(std::string_view utf8);

// Imports a JSON document (one article object, or an array of them, or an object holding such an
// array under "articles", "items", "data", "results" or "hits") or JSON Lines (one object per
// line). Records that cannot be read become warnings naming the record; `r.error` is set only
// when nothing could be read.
void import_json(std::string_view name, std::string_view utf8, ImportResult& r);

// ---- interface to code in paragraphs.cpp ----

// Splits a body text into paragraphs: at blank lines, and at indented lines when the text is
// hard-wrapped with indented paragraph starts (as newswire dumps are). Lines within a paragraph
// are joined with single spaces. Empty paragraphs are dropped.
std::vector<std::string> split_paragraphs(std::string_view text);

} // namespace broadsheet::detail
