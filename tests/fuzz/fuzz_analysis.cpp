// Entities, quotes and numbers (core/src/analysis) on any UTF-8: every result is a byte range
// into the text, and every index points into its table. The same text as two articles of a
// corpus gives Citations whose every speaker and figure is in both.
#include "fuzz_check.hpp"

#include "broadsheet/analysis.hpp"
#include "broadsheet/corpus_analysis.hpp"

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string>

namespace {

bool inside(broadsheet::ByteRange inner, broadsheet::ByteRange outer) {
    return inner.begin == inner.end || (inner.begin >= outer.begin && inner.end <= outer.end);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string text = fuzz::as_utf8({reinterpret_cast<const char*>(data), size});
    broadsheet::Analysis an = broadsheet::analyze(text);
    fuzz::check_utf8("error", an.error);
    if (!an.ok()) return 0;

    const auto& entities = an.entities;
    for (const auto& e : entities.list) {
        fuzz::check_range("entity name", e.name, text);
        fuzz::check_range("entity acronym", e.acronym, text);
        FUZZ_CHECK(e.count >= 1);
        fuzz::touch(broadsheet::to_string(e.kind));
    }
    std::vector<uint32_t> mentions(entities.list.size(), 0);
    for (size_t i = 0; i < entities.mentions.size(); ++i) {
        const auto& m = entities.mentions[i];
        fuzz::check_range("mention", m.range, text);
        FUZZ_CHECK_MSG(m.entity < entities.list.size(), "mention of a missing entity");
        ++mentions[m.entity];
        if (i > 0) FUZZ_CHECK_MSG(entities.mentions[i - 1].range.end <= m.range.begin, "mentions overlap or are out of order");
        FUZZ_CHECK(entities.at(m.range) >= 0);
    }
    for (size_t e = 0; e < entities.list.size(); ++e)
        FUZZ_CHECK_MSG(mentions[e] == entities.list[e].count,
                       "entity " + std::to_string(e) + " counts " + std::to_string(entities.list[e].count) +
                           " mentions, the list has " + std::to_string(mentions[e]));

    for (size_t i = 0; i < an.quotes.size(); ++i) {
        const auto& q = an.quotes[i];
        fuzz::check_range("quote", q.text, text);
        fuzz::check_range("speaker", q.speaker, text);
        fuzz::check_range("cue", q.cue, text);
        fuzz::check_range("attribution", q.attribution, text);
        fuzz::check_range("referent", q.referent, text);
        FUZZ_CHECK_MSG(q.referent.size() == 0 || (q.entity < 0 && q.same_as < 0), "a referent beside a speaker");
        FUZZ_CHECK(q.entity >= -1 && q.entity < int32_t(entities.list.size()));
        FUZZ_CHECK_MSG(q.continues >= -1 && q.continues < int32_t(i), "a quote continues one that is not before it");
    }

    for (const auto& n : an.numbers) {
        fuzz::check_range("number span", n.span, text);
        fuzz::check_range("number", n.number, text);
        fuzz::check_range("unit", n.unit, text);
        fuzz::check_range("comparative", n.comparative, text);
        FUZZ_CHECK_MSG(inside(n.number, n.span), "the figure lies outside its phrase");
        FUZZ_CHECK(!std::isnan(n.value) && !std::isnan(n.upper));
        fuzz::touch(broadsheet::to_string(n.kind));
        fuzz::touch(broadsheet::to_string(n.comparison));
    }

    // Across a corpus: the text twice (as a paragraph, so the article's text may differ from it).
    broadsheet::Corpus corpus;
    broadsheet::Citations citations;
    broadsheet::Article article;
    article.add_paragraph(text);
    for (int copy = 0; copy < 2; ++copy) {
        broadsheet::ArticleId id = corpus.add(article);
        const broadsheet::Article& a = *corpus.find(id);
        citations.add(id, a, broadsheet::analyze(a.text, a.language));
    }
    const std::string& body = corpus.articles()[0].text;
    for (const auto& s : citations.speakers(corpus)) {
        fuzz::check_utf8("speaker", s.name);
        FUZZ_CHECK_MSG(s.articles == 2, "a speaker of the text is not in both copies");
        FUZZ_CHECK(s.quotes.size() % 2 == 0);
        for (const auto& q : s.quotes) {
            fuzz::check_range("cited quote", q.text, body);
            fuzz::check_range("cited speaker", q.speaker, body);
        }
    }
    const auto figures = citations.figures(corpus, 1);
    FUZZ_CHECK_MSG(figures.size() == citations.figures(corpus, 2).size(), "a figure of the text is not in both copies");
    for (const auto& f : figures) {
        fuzz::check_utf8("figure", f.text);
        FUZZ_CHECK(f.articles == 2 && f.mentions.size() % 2 == 0);
        for (const auto& m : f.mentions) {
            fuzz::check_range("cited figure", m.span, body);
            fuzz::check_range("cited figure's number", m.figure, body);
        }
    }
    return 0;
}
