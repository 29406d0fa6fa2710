// Entities, quotes and numbers (core/src/analysis) on any UTF-8: every result is a byte range
// into the text, and every index points into its table.
#include "fuzz_check.hpp"

#include "broadsheet/analysis.hpp"

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
    return 0;
}
