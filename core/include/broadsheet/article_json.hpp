// Broadsheet core: an Article as JSON, and back. Used to keep the library in the browser's
// storage and to export it. Every field of Article is written; reading accepts what writing gives
// and refuses anything else with a message (never throws).
#pragma once

#include "broadsheet/article.hpp"

#include <string>
#include <string_view>

namespace broadsheet {

// Format version written as "v"; bumped when the shape changes incompatibly.
inline constexpr int kArticleJsonVersion = 1;

std::string article_to_json(const Article& a);

// Reads an article written by article_to_json; on failure returns false and says why in `error`.
bool article_from_json(std::string_view json, Article& out, std::string& error);

// A workspace file, what the app's "Export workspace" writes and the JSON importer reads back:
//   {"broadsheet": "workspace", "version": 1, "articles": [ARTICLE...], ...}
// where each ARTICLE is an object as article_to_json writes it; other members (the marked rows,
// the corpus figures) are for people and other tools, and are ignored on import.
inline constexpr std::string_view kWorkspaceTag = "workspace";
inline constexpr int kWorkspaceVersion = 1;

} // namespace broadsheet
