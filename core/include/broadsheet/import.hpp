// Broadsheet core: turning the bytes of a file into articles.
//
// Errors are values: import_file never throws for bad input. A file that cannot be read as text
// (empty, binary, undecodable) gives an ImportResult with `error` set and no articles; a file that
// imports with a caveat (e.g. decoded from a legacy encoding) gives articles and `warnings`.
#pragma once

#include "broadsheet/article.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace broadsheet {

struct ImportResult {
    std::string file;                  // the input's name, as passed in
    std::vector<Article> articles;     // what was found; empty when `error` is set
    std::vector<std::string> warnings; // readable caveats ("not valid UTF-8: read as Windows-1252")
    std::string error;                 // why nothing was imported, for the user; empty on success
    std::vector<size_t> marked;        // a workspace's marked articles, as indexes into `articles`
    bool workspace = false;            // the file is a workspace: its articles are as they were saved

    bool ok() const { return error.empty(); }
};

// Largest input accepted, in bytes; larger files get a clear error instead of a long stall.
inline constexpr size_t kMaxImportBytes = 256u << 20;

// Imports one file: decodes it to UTF-8, chooses an importer, and extracts its article(s).
ImportResult import_file(std::string_view name, std::string_view bytes);

// The language of a text as a BCP 47 code ("en", "de", "zh"), or "" when the text is too short
// or too mixed to tell. Knows the scripts with one main language (CJK, Greek, Hebrew, Thai,
// Devanagari) and, by their commonest words, 17 Latin-script, 4 Cyrillic and 3 Arabic-script
// languages.
std::string detect_language(std::string_view utf8);

// Words in a text as Article::word_count counts them (each CJK character one).
size_t count_words(std::string_view utf8);

// The plain-text importer alone, on text that is already UTF-8 (as scraped from news sites:
// banner, headline, standfirst, byline, date, body, footer junk).
Article import_plain_text(std::string_view name, std::string_view utf8);

} // namespace broadsheet
