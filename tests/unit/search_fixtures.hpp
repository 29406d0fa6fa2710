// Test helpers for the search tests: a small corpus of articles built in memory.
#pragma once

#include "broadsheet/article.hpp"
#include "broadsheet/index.hpp"
#include "broadsheet/search.hpp"
#include "broadsheet/snippet.hpp"

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

namespace search_fixtures {

inline broadsheet::Article article(std::string title, std::string body, std::string date = "",
                                   std::vector<std::string> byline = {}, std::string source = "",
                                   std::string standfirst = "") {
    broadsheet::Article a;
    a.file = title + ".txt";
    a.title = std::move(title);
    a.standfirst = std::move(standfirst);
    a.byline = std::move(byline);
    a.date = std::move(date);
    a.source = std::move(source);
    a.text = std::move(body);
    a.paragraphs.push_back({0, uint32_t(a.text.size())});
    return a;
}

// Eight short news items; DocIds 0..7 in this order.
inline std::vector<broadsheet::Article> news() {
    return {
        article("Storm hits the coast", "A storm surge flooded the harbour. The storm weakened by night.",
                "2014-01-15", {"Jane Doe"}, "Reuters"),
        article("Flood warnings issued", "Rivers rose after heavy rain; flood defences held in most towns.",
                "2014-03-02", {"John Roe"}, "BBC"),
        article("Heavy rain expected", "Forecasters expect heavy rain and strong wind over the weekend.",
                "2014-06-30", {"Jane Doe", "Ann Poe"}, "Reuters"),
        article("Election results", "The council election was close; the mayor kept her seat.",
                "2015-05-08", {"Max Moe"}, "Guardian"),
        article("Harbour reopens after storm", "Boats returned to the harbour when the storm had passed.",
                "2014-01-20", {"John Roe"}, "BBC"),
        article("Café culture", "The caf\xC3\xA9 on the corner serves the best coffee in town.",
                "2016-02-01", {}, "Local"),
        article("東京の天気", "東京都は明日雨が降るでしょう。", "2016-07-07", {}, "NHK"),
        article("Hurricane season begins", "Meteorologists warn of an active hurricane season with strong storms.",
                "2014-06-01", {"Ann Poe"}, "Reuters"),
    };
}

inline broadsheet::search::Index news_index() {
    broadsheet::search::Index ix;
    auto articles = news();
    for (size_t i = 0; i < articles.size(); ++i) ix.add(articles[i], "doc" + std::to_string(i));
    return ix;
}

// Articles, their index (DocIds in their order) and a lookup of them for phrases' stopwords.
struct Library {
    std::vector<broadsheet::Article> articles;
    broadsheet::search::Index index;
    explicit Library(std::vector<broadsheet::Article> a) : articles(std::move(a)) {
        for (size_t i = 0; i < articles.size(); ++i) index.add(articles[i], "doc" + std::to_string(i));
    }
    mutable size_t reads = 0; // articles looked up
    broadsheet::search::ArticleLookup lookup() const {
        return [this](broadsheet::search::DocId d) { return ++reads, d < articles.size() ? &articles[d] : nullptr; };
    }
    // Up to `limit` hits, not relaxed, with the articles at hand or not.
    broadsheet::search::SearchOptions options(bool with_articles = true, size_t limit = 1000,
                                              broadsheet::search::ParseOptions parse = {}) const {
        broadsheet::search::SearchOptions o;
        o.limit = limit;
        o.relax = false;
        o.parse = parse;
        if (with_articles) o.article = lookup();
        return o;
    }
    // Every match (ascending), with the articles at hand or not.
    std::vector<broadsheet::search::DocId> matches(std::string_view q, bool with_articles = true,
                                                   broadsheet::search::ParseOptions parse = {}) const {
        std::vector<broadsheet::search::DocId> docs;
        for (const auto& h : search(index, q, options(with_articles, 1000, parse)).hits) docs.push_back(h.doc);
        std::sort(docs.begin(), docs.end());
        return docs;
    }
};

// The bytes find_highlights() marks in `text`, a body (English analysis).
inline std::vector<std::string> highlighted(std::string_view text, const broadsheet::search::MatchSet& m) {
    broadsheet::search::Analyzer a;
    std::vector<std::string> out;
    for (broadsheet::ByteRange r : find_highlights(text, m, a, broadsheet::search::Field::Body)) out.emplace_back(text.substr(r.begin, r.size()));
    return out;
}

} // namespace search_fixtures
