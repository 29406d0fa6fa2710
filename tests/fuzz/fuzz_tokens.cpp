// The search text chain (segment -> fold -> possessive -> stopword -> stem) and indexing: the
// input becomes an article's body (its first line the title), is indexed beside a fixed article,
// found again by its own words, removed, compacted, saved and loaded back.
#include "fuzz_check.hpp"

#include "broadsheet/analyzer.hpp"
#include "broadsheet/index.hpp"
#include "broadsheet/search.hpp"
#include "broadsheet/snippet.hpp"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace bs = broadsheet::search;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string text = fuzz::as_utf8({reinterpret_cast<const char*>(data), size});

    // Stage 1 alone: segments in order, inside the text.
    std::vector<bs::Segment> segments;
    bs::segment(text, segments);
    for (size_t i = 0; i < segments.size(); ++i) {
        fuzz::check_range("segment", segments[i].range, text);
        FUZZ_CHECK(segments[i].range.begin < segments[i].range.end);
        if (i > 0) FUZZ_CHECK_MSG(segments[i - 1].range.begin <= segments[i].range.begin, "segments out of order");
    }

    // The chain: terms are UTF-8, ranges inside the text, positions never go back (but see Joined).
    static bs::Analyzer* analyzer = new bs::Analyzer;
    uint32_t last_position = 0;
    std::vector<std::pair<uint32_t, uint32_t>> words; // (byte, position) since the last Joined token
    std::optional<uint32_t> joined_position;          // of the last Joined token, until the next word
    std::vector<std::string> terms;
    analyzer->analyze(text, [&](const bs::Token& t) {
        fuzz::check_range("token", t.range, text);
        fuzz::check_utf8("term", t.term);
        fuzz::check_utf8("surface", t.surface);
        FUZZ_CHECK(!t.term.empty());
        // A Joined token ("email" beside "e", "mail") comes after its parts with its first part's
        // position: after every word ahead of its group, at or before its parts, before the word
        // after it. Its parts may all be stopwords ("A-I"), which leave no token of their own.
        if (t.kind == bs::TokenKind::Joined) {
            for (auto [byte, position] : words) {
                if (byte < t.range.begin)
                    FUZZ_CHECK_MSG(position < t.position, "a joined token not after the words ahead of its group");
                else
                    FUZZ_CHECK_MSG(position >= t.position, "a joined token after its parts' positions");
            }
            words.clear();
            joined_position = t.position;
        } else {
            FUZZ_CHECK_MSG(t.position >= last_position, "token positions go back");
            if (joined_position)
                FUZZ_CHECK_MSG(t.position > *joined_position, "a joined token not before the word after it");
            joined_position.reset();
            last_position = t.position;
            words.emplace_back(t.range.begin, t.position);
        }
        if (terms.size() < 8) terms.emplace_back(t.term);
    });
    std::string folded;
    bs::fold(text.substr(0, 256), true, folded);
    fuzz::check_utf8("fold", folded);
    fuzz::check_utf8("strip_possessive", bs::strip_possessive(folded));

    // Index it, find it by its own terms, highlight them, take it out again.
    broadsheet::Article a;
    size_t eol = text.find('\n');
    a.title = text.substr(0, eol == std::string::npos ? 0 : eol);
    a.add_paragraph(text);
    broadsheet::Article other;
    other.title = "Storm hits the coast";
    other.add_paragraph("A storm surge flooded the harbour.");
    bs::Index ix;
    ix.add(other, "other");
    bs::DocId doc = ix.add(a, "fuzz");
    for (const auto& term : terms) {
        auto t = ix.find(term);
        FUZZ_CHECK_MSG(t.has_value(), "an analysed term is not in the index: " + term);
        bool found = false;
        for (auto c = ix.postings(*t); !c.at_end(); c.next()) found |= c.doc() == doc;
        FUZZ_CHECK_MSG(found, "the document is missing from its term's postings: " + term);
    }
    bs::SearchResult r = bs::search(ix, text.substr(0, 200), {});
    for (const auto& h : r.hits) FUZZ_CHECK(ix.contains(h.doc));
    for (const auto& h : bs::find_highlights(a.text, r.matched, ix.analyzer(), broadsheet::search::Field::Body)) fuzz::check_range("highlight", h, a.text);
    bs::Snippet s = bs::make_snippet(a, r.matched, ix.analyzer());
    fuzz::check_range("snippet", s.passage, bs::field_text(a, s.field));

    std::vector<const broadsheet::Article*> stored{&other, &a};
    bs::LoadedIndex back = bs::load_index(bs::save_index(ix, stored));
    FUZZ_CHECK_MSG(back.ok(), "saved index refused: " + back.error);
    FUZZ_CHECK(back.articles.size() == 2 && back.articles[1].text == a.text);
    FUZZ_CHECK(ix.remove(doc));
    ix.compact();
    for (const auto& term : terms)
        if (auto t = ix.find(term))
            for (auto c = ix.postings(*t); !c.at_end(); c.next()) FUZZ_CHECK(c.doc() != doc);
    return 0;
}
