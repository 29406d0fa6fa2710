#include "broadsheet/corpus.hpp"

#include <algorithm>

namespace broadsheet {

ArticleId Corpus::add(Article article) {
    articles_.push_back(std::move(article));
    ids_.push_back(next_id_);
    return next_id_++;
}

bool Corpus::restore(ArticleId id, Article article) {
    if (id < next_id_) return false; // next_id_ is above every id ever given (and above 0)
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

const Article* Corpus::find(ArticleId id) const {
    auto it = std::lower_bound(ids_.begin(), ids_.end(), id);
    if (it == ids_.end() || *it != id) return nullptr;
    return &articles_[size_t(it - ids_.begin())];
}

} // namespace broadsheet
