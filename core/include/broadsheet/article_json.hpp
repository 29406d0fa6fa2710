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

} // namespace broadsheet
