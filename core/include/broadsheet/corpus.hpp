// Broadsheet core: the set of articles a user has loaded.
//
// Each article gets a stable id when added (never reused in a session), so views and the JS test
// hook can name it. Removing an article leaves the others' ids unchanged.
#pragma once

#include "broadsheet/article.hpp"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace broadsheet {

using ArticleId = uint32_t;

// The most articles a library holds: the web app and `broadsheet index` refuse more, saying so.
// The explorer is built for 100,000; this is ten times that, far inside every 32-bit count the
// index keeps. For articles of a news story's length the tab's 4 GB of memory runs out first
// (about 8 kB of heap an article: bench/RESULTS.md), which the import boundary reports too.
inline constexpr size_t kMaxArticles = 1'000'000;

class Corpus {
public:
    // Adds an article and returns its id.
    ArticleId add(Article article);
    // Adds an article under a given id (restoring a saved library). Ids must come in ascending
    // order, above every id already given; returns false (and adds nothing) otherwise.
    bool restore(ArticleId id, Article article);
    // Removes every article (ids are still never reused).
    void clear();
    // Removes the article with this id; returns false if there is none.
    bool remove(ArticleId id);
    // Removes every article whose id is in `ids` (any order; ids not here are ignored) in one pass
    // over the library, where one remove() per id would move the articles after each; returns how
    // many it removed.
    size_t remove(const std::vector<ArticleId>& ids);
    // The article with this id, or nullptr.
    const Article* find(ArticleId id) const;

    size_t size() const { return articles_.size(); }
    bool empty() const { return articles_.empty(); }
    // Articles and their ids in the order they were added (parallel vectors, index i <-> i).
    const std::vector<Article>& articles() const { return articles_; }
    const std::vector<ArticleId>& ids() const { return ids_; }

private:
    std::vector<Article> articles_;
    std::vector<ArticleId> ids_; // ascending, since ids are handed out in order
    ArticleId next_id_ = 1;
};

} // namespace broadsheet
