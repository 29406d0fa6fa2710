// Test helpers for the search tests: a small corpus of articles built in memory.
#pragma once

#include "broadsheet/article.hpp"
#include "broadsheet/index.hpp"

#include <string>
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

} // namespace search_fixtures
