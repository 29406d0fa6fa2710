// EntityGraph: entities merged across articles and their co-occurrence.
//
// Each article keeps, per entity key, the paragraphs that mention it; network() resolves acronyms,
// counts the nodes, keeps the most named, and only then counts edges among those, so memory for the
// edges is bounded by the nodes asked for, not by the corpus.
#include "broadsheet/corpus_analysis.hpp"

#include "broadsheet/analyzer.hpp"

#include "cues.hpp"
#include "tokens.hpp"

#include <algorithm>
#include <cmath>
#include <unordered_map>

namespace broadsheet {

namespace {

// Index of the paragraph holding byte `at`.
uint32_t paragraph_at(const Article& a, uint32_t at) {
    auto it = std::upper_bound(a.paragraphs.begin(), a.paragraphs.end(), at,
                               [](uint32_t x, const ByteRange& p) { return x < p.begin; });
    return it == a.paragraphs.begin() ? 0 : uint32_t(it - a.paragraphs.begin() - 1);
}

template <typename V, typename K> auto find_key(V& v, const K& key) {
    return std::find_if(v.begin(), v.end(), [&](const auto& p) { return p.first == key; });
}

} // namespace

uint32_t EntityGraph::key_of(std::string_view name) {
    std::string key = analysis::name_key(name);
    auto [it, added] = key_index_.emplace(key, uint32_t(keys_.size()));
    if (added) {
        keys_.push_back(std::move(key));
        names_.emplace_back(name);
    }
    return it->second;
}

void EntityGraph::add(ArticleId id, const Article& article, const Entities& entities) {
    if (!articles_.empty() && id <= articles_.back().id) // ids usually come in ascending order
        for (const Named& n : articles_)
            if (n.id == id) return;
    Named named;
    named.id = id;
    std::vector<uint32_t> key_of_entity;
    for (const Entity& e : entities.list) {
        std::string_view name = text_of(article.text, e.name);
        // A people's adjective alone ("Japanese", "Canadian") names no one: in the network it
        // would only link each country to its own adjective.
        std::string folded = analysis::fold(name);
        for (std::string_view compass : {"west ", "east ", "north ", "south "}) // "West German" [en]
            if (folded.starts_with(compass)) folded.erase(0, compass.size());
        if (folded.find(' ') == std::string::npos && analysis::is_demonym(folded)) {
            key_of_entity.push_back(UINT32_MAX);
            continue;
        }
        uint32_t key = key_of(name);
        key_of_entity.push_back(key);
        if (find_key(named.first, key) == named.first.end()) {
            named.first.emplace_back(key, e.name);
            named.kinds.emplace_back(key, uint8_t(e.kind));
        }
        if (e.acronym.size()) {
            uint32_t acronym = key_of(text_of(article.text, e.acronym));
            if (acronym != key) named.acronyms.emplace_back(acronym, key);
        }
    }
    for (const broadsheet::Mention& m : entities.mentions) {
        if (m.entity >= key_of_entity.size() || key_of_entity[m.entity] == UINT32_MAX) continue;
        named.mentions.push_back(
            {key_of_entity[m.entity], paragraph_at(article, m.range.begin), 1});
    }
    std::sort(named.mentions.begin(), named.mentions.end(), [](const Mention& a, const Mention& b) {
        return a.key != b.key ? a.key < b.key : a.paragraph < b.paragraph;
    });
    size_t out = 0;
    for (size_t i = 0; i < named.mentions.size(); ++i) {
        if (out && named.mentions[out - 1].key == named.mentions[i].key &&
            named.mentions[out - 1].paragraph == named.mentions[i].paragraph)
            ++named.mentions[out - 1].count;
        else
            named.mentions[out++] = named.mentions[i];
    }
    named.mentions.resize(out);
    articles_.push_back(std::move(named));
}

bool EntityGraph::remove(ArticleId id) {
    auto it = std::find_if(articles_.begin(), articles_.end(),
                           [&](const Named& n) { return n.id == id; });
    if (it == articles_.end()) return false;
    articles_.erase(it);
    return true;
}

void EntityGraph::clear() {
    articles_.clear();
    keys_.clear();
    names_.clear();
    key_index_.clear();
}

EntityNetwork EntityGraph::network(size_t max_nodes, size_t max_edges) const {
    const size_t nkeys = keys_.size();
    // Acronyms: the first definition seen wins ("SIIO" -> "state internet information office").
    std::vector<uint32_t> canonical(nkeys);
    for (uint32_t k = 0; k < nkeys; ++k) canonical[k] = k;
    std::vector<uint32_t> acronym_of(nkeys, UINT32_MAX);
    std::vector<bool> defined(nkeys, false);
    for (const Named& n : articles_) {
        for (auto [acronym, full] : n.acronyms) {
            if (defined[acronym] || defined[full]) continue; // no chains, no redefinitions
            defined[acronym] = true;
            canonical[acronym] = full;
            acronym_of[full] = acronym;
        }
    }
    // Nodes: articles, mentions, kind votes and an example per canonical key.
    struct Count {
        uint32_t articles = 0, mentions = 0;
        uint32_t kinds[4] = {0, 0, 0, 0};
        ArticleId example = 0;
        ByteRange range;
        uint32_t last = UINT32_MAX; // the last article counted
    };
    std::vector<Count> counts(nkeys);
    std::vector<bool> surname(nkeys, false); // a one-word name joined to a full one (below)
    auto count = [&] {
        std::fill(counts.begin(), counts.end(), Count{});
        for (uint32_t a = 0; a < articles_.size(); ++a) {
            const Named& n = articles_[a];
            for (const Mention& m : n.mentions) {
                Count& c = counts[canonical[m.key]];
                c.mentions += m.count;
                if (c.last != a) ++c.articles, c.last = a;
            }
            for (auto [key, kind] : n.kinds) {
                Count& c = counts[canonical[key]];
                ++c.kinds[kind & 3];
                if (!c.example && !surname[key]) {
                    c.example = n.id;
                    c.range = find_key(n.first, key)->second;
                }
            }
        }
    };
    count();
    auto kind_of = [&](const Count& c) { return analysis::voted_kind(c.kinds); };
    // A person named by surname alone ("Reagan") is the one person the library names in full
    // with it ("Ronald Reagan"), when there is one only (as Citations::speakers() joins them).
    {
        std::vector<bool> person(nkeys);
        for (uint32_t k = 0; k < nkeys; ++k)
            person[k] = canonical[k] == k && counts[k].articles && kind_of(counts[k]) == EntityKind::Person;
        // (The network keeps "Yasuhiro Nakasone" and a "Minsiter Yasuhiro Nakasone" apart, so a
        // surname between them is either's.)
        const std::vector<size_t> owner = analysis::name_end_owners(keys_, person, false);
        bool merged = false;
        for (uint32_t k = 0; k < nkeys; ++k) {
            if (!person[k] || owner[k] == SIZE_MAX || !analysis::may_be_surname(keys_[k])) continue;
            canonical[k] = uint32_t(owner[k]);
            surname[k] = merged = true;
        }
        if (merged) {
            for (uint32_t k = 0; k < nkeys; ++k) canonical[k] = canonical[canonical[k]]; // an acronym of a surname
            count();
        }
    }
    // A name in most articles of a sizeable corpus is template or the corpus's own topic ("GDP"
    // in every country profile, "Washington" in every dateline): linked to everything, it says
    // nothing about connections and crowds out the names that do. Such names are listed apart,
    // as a document-frequency cut-off (max_df) leaves out a corpus's stopwords.
    auto everywhere = [&](uint32_t k) {
        return articles_.size() >= kEverywhereMinArticles &&
               double(counts[k].articles) > kEverywhereShare * double(articles_.size());
    };
    std::vector<uint32_t> order, common;
    for (uint32_t k = 0; k < nkeys; ++k)
        if (counts[k].articles && canonical[k] == k) (everywhere(k) ? common : order).push_back(k);
    auto more = [&](uint32_t x, uint32_t y) {
        if (counts[x].articles != counts[y].articles)
            return counts[x].articles > counts[y].articles;
        if (counts[x].mentions != counts[y].mentions)
            return counts[x].mentions > counts[y].mentions;
        return keys_[x] < keys_[y];
    };
    size_t keep = std::min(max_nodes, order.size());
    std::partial_sort(order.begin(), order.begin() + std::ptrdiff_t(keep), order.end(), more);
    order.resize(keep);
    auto node_for = [&](uint32_t k) {
        const Count& c = counts[k];
        EntityNode node;
        node.name = names_[k];
        if (acronym_of[k] != UINT32_MAX) node.acronym = names_[acronym_of[k]];
        node.kind = kind_of(c);
        node.articles = c.articles;
        node.mentions = c.mentions;
        node.example = c.example;
        node.range = c.range;
        return node;
    };
    EntityNetwork net;
    std::sort(common.begin(), common.end(), more);
    for (uint32_t k : common) net.everywhere.push_back(node_for(k));
    std::vector<uint32_t> node_of(nkeys, UINT32_MAX);
    for (uint32_t k : order) {
        node_of[k] = uint32_t(net.nodes.size());
        net.nodes.push_back(node_for(k));
    }
    // Edges among the kept nodes: (a, b) -> articles, paragraphs.
    std::unordered_map<uint64_t, std::pair<uint32_t, uint32_t>> edges;
    std::vector<uint32_t> in_article;
    std::vector<std::pair<uint32_t, uint32_t>> in_paragraph; // (paragraph, node)
    for (const Named& n : articles_) {
        in_article.clear();
        in_paragraph.clear();
        for (const Mention& m : n.mentions) {
            uint32_t node = node_of[canonical[m.key]];
            if (node == UINT32_MAX) continue;
            in_article.push_back(node);
            in_paragraph.emplace_back(m.paragraph, node);
        }
        std::sort(in_article.begin(), in_article.end());
        in_article.erase(std::unique(in_article.begin(), in_article.end()), in_article.end());
        for (size_t i = 0; i < in_article.size(); ++i)
            for (size_t j = i + 1; j < in_article.size(); ++j)
                ++edges[uint64_t(in_article[i]) << 32 | in_article[j]].first;
        std::sort(in_paragraph.begin(), in_paragraph.end());
        in_paragraph.erase(std::unique(in_paragraph.begin(), in_paragraph.end()),
                           in_paragraph.end());
        for (size_t i = 0; i < in_paragraph.size();) {
            size_t j = i;
            while (j < in_paragraph.size() && in_paragraph[j].first == in_paragraph[i].first) ++j;
            for (size_t x = i; x < j; ++x)
                for (size_t y = x + 1; y < j; ++y)
                    ++edges[uint64_t(in_paragraph[x].second) << 32 | in_paragraph[y].second].second;
            i = j;
        }
    }
    for (const auto& [key, c] : edges) {
        EntityEdge e;
        e.a = uint32_t(key >> 32);
        e.b = uint32_t(key);
        e.articles = c.first;
        e.paragraphs = c.second;
        double fa = net.nodes[e.a].articles, fb = net.nodes[e.b].articles;
        e.log_dice = 14.0 + std::log2(2.0 * e.articles / (fa + fb));
        net.edges.push_back(e);
    }
    auto stronger = [](const EntityEdge& x, const EntityEdge& y) {
        if (x.articles != y.articles) return x.articles > y.articles;
        if (x.paragraphs != y.paragraphs) return x.paragraphs > y.paragraphs;
        return x.a != y.a ? x.a < y.a : x.b < y.b;
    };
    size_t ke = std::min(max_edges, net.edges.size());
    std::partial_sort(net.edges.begin(), net.edges.begin() + std::ptrdiff_t(ke), net.edges.end(),
                      stronger);
    net.edges.resize(ke);
    return net;
}

} // namespace broadsheet
