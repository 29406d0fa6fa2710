#include "broadsheet/corpus.hpp"

#include <algorithm>

namespace broadsheet {

namespace {
// Room for one more id, grown geometrically, so that pushing it cannot throw: an add that runs
// out of memory then leaves articles_ and ids_ as they were (each push_back alone guarantees that).
void make_room(std::vector<ArticleId>& ids) {
    if (ids.size() == ids.capacity()) ids.reserve(ids.size() * 2 + 16);
}
} // namespace

ArticleId Corpus::add(Article article) {
    make_room(ids_);
    articles_.push_back(std::move(article));
    ids_.push_back(next_id_);
    return next_id_++;
}

bool Corpus::restore(ArticleId id, Article article) {
    if (id < next_id_) return false; // next_id_ is above every id ever given (and above 0)
    make_room(ids_);
    articles_.push_back(std::move(article));
    ids_.push_back(id);
    next_id_ = id + 1;
    return true;
}

void Corpus::clear() {
    articles_.clear();
    ids_.clear();
}

bool Corpus::remove(ArticleId id) {
    auto it = std::lower_bound(ids_.begin(), ids_.end(), id);
    if (it == ids_.end() || *it != id) return false;
    auto i = it - ids_.begin();
    ids_.erase(it);
    articles_.erase(articles_.begin() + i);
    return true;
}

size_t Corpus::remove(const std::vector<ArticleId>& ids) {
    std::vector<ArticleId> going(ids);
    std::sort(going.begin(), going.end());
    size_t kept = 0;
    for (size_t i = 0; i < ids_.size(); ++i) {
        if (std::binary_search(going.begin(), going.end(), ids_[i])) continue;
        if (kept != i) {
            ids_[kept] = ids_[i];
            articles_[kept] = std::move(articles_[i]);
        }
        ++kept;
    }
    size_t removed = ids_.size() - kept;
    ids_.resize(kept);
    articles_.erase(articles_.begin() + std::ptrdiff_t(kept), articles_.end());
    return removed;
}

const Article* Corpus::find(ArticleId id) const {
    auto it = std::lower_bound(ids_.begin(), ids_.end(), id);
    if (it == ids_.end() || *it != id) return nullptr;
    return &articles_[size_t(it - ids_.begin())];
}

} // namespace broadsheet
