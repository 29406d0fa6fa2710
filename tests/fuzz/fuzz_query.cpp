// The query language end to end: parse_query on any text (first byte: the parse options), then
// search() over a small fixed index, checked against search_exhaustive(); snippets, highlights and
// a concordance of the same query.
#include "fuzz_check.hpp"

#include "broadsheet/query.hpp"
#include "broadsheet/search.hpp"
#include "broadsheet/snippet.hpp"

#include "search_fixtures.hpp" // tests/unit: eight short hand-written news items

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace bs = broadsheet::search;

namespace {

struct World {
    std::vector<broadsheet::Article> articles = search_fixtures::news();
    bs::Index index;
    World() {
        // And two in other languages, so that queries are read in three (Index::other_analyzers).
        articles.push_back(search_fixtures::article("Sturm über dem Hafen", "Die Häuser am Hafen wurden überflutet."));
        articles.back().language = "de";
        articles.push_back(search_fixtures::article("Tempête sur le port", "Les maisons du port ont été inondées."));
        articles.back().language = "fr";
        for (size_t i = 0; i < articles.size(); ++i) index.add(articles[i], "doc" + std::to_string(i));
        index.remove(3); // a dead document, which nothing may return
    }
};

void check_query(const bs::Query& q, std::string_view text, bool utf8) {
    for (const auto& m : q.messages) {
        FUZZ_CHECK_MSG(m.position <= text.size(), "message position past the query: " + m.text);
        if (utf8) fuzz::check_utf8("message", m.text);
        else fuzz::touch(m.text);
    }
    for (size_t i = 1; i < q.messages.size(); ++i)
        FUZZ_CHECK_MSG(q.messages[i - 1].position <= q.messages[i].position, "messages out of order");
    if (q.empty()) return;
    FUZZ_CHECK(q.root < q.nodes.size());
    // Children point at nodes; the tree has no cycle (every node reachable at most once from root).
    std::vector<int> seen(q.nodes.size(), 0);
    std::vector<uint32_t> stack{q.root};
    while (!stack.empty()) {
        uint32_t n = stack.back();
        stack.pop_back();
        FUZZ_CHECK_MSG(n < q.nodes.size(), "child index out of range");
        FUZZ_CHECK_MSG(++seen[n] == 1, "query node reached twice (cycle or shared child)");
        const bs::QueryNode& node = q.nodes[n];
        FUZZ_CHECK_MSG(node.source.begin <= node.source.end && node.source.end <= text.size(), "node source outside the query");
        for (const auto& t : node.terms) fuzz::touch(t);
        switch (node.op) {
        case bs::QueryOp::Phrase: {
            FUZZ_CHECK(node.offsets.size() == node.terms.size() && node.stop_offsets.size() == node.stops.size());
            FUZZ_CHECK_MSG(node.terms.size() >= 2 || !node.stops.empty(), "a phrase of one word alone, or of none");
            std::vector<uint32_t> places = node.offsets; // every word its own place, terms ascending
            places.insert(places.end(), node.stop_offsets.begin(), node.stop_offsets.end());
            FUZZ_CHECK_MSG(std::is_sorted(node.offsets.begin(), node.offsets.end()), "phrase terms out of order");
            std::sort(places.begin(), places.end());
            FUZZ_CHECK_MSG(std::adjacent_find(places.begin(), places.end()) == places.end(), "two words of a phrase in one place");
            FUZZ_CHECK_MSG(places.empty() || places[0] == 0, "a phrase's places do not start at 0");
            break;
        }
        case bs::QueryOp::Term:
        case bs::QueryOp::Prefix:
            FUZZ_CHECK(!node.terms.empty());
            // A pattern has a letter and a wildcard, and no run of '*'.
            FUZZ_CHECK_MSG(!node.pattern || (node.terms[0].find_first_not_of("*?") != std::string::npos &&
                                             node.terms[0].find_first_of("*?") != std::string::npos &&
                                             node.terms[0].find("**") == std::string::npos),
                           "a wildcard pattern without a letter or a wildcard");
            break;
        // "word~0" gives a Fuzzy node with no typos allowed (an exact unstemmed match).
        case bs::QueryOp::Fuzzy: FUZZ_CHECK(!node.terms.empty() && node.max_edits >= 0 && node.max_edits <= 2); break;
        case bs::QueryOp::Not: FUZZ_CHECK(node.children.size() == 1); break;
        case bs::QueryOp::Source:
            FUZZ_CHECK(node.terms.size() == 1 && node.children.empty());
            FUZZ_CHECK_MSG(!node.prefix || !node.terms[0].empty(), "a source prefix of nothing");
            break;
        case bs::QueryOp::Date: FUZZ_CHECK(node.date_from <= node.date_to); break;
        case bs::QueryOp::Near: {
            FUZZ_CHECK_MSG(node.children.size() >= 2, "a NEAR of fewer than two parts");
            FUZZ_CHECK(node.within <= bs::kNearWithinMax && node.fields != 0);
            // Its parts are words or phrases, or ORs of them (QueryOp::Near).
            std::vector<uint32_t> parts(node.children.begin(), node.children.end());
            while (!parts.empty()) {
                FUZZ_CHECK(parts.back() < q.nodes.size());
                const bs::QueryNode& part = q.nodes[parts.back()];
                parts.pop_back();
                FUZZ_CHECK_MSG(part.op == bs::QueryOp::Term || part.op == bs::QueryOp::Prefix || part.op == bs::QueryOp::Fuzzy ||
                                   (part.op == bs::QueryOp::Phrase && !part.terms.empty()) || part.op == bs::QueryOp::Or,
                               "a NEAR part that is no word or phrase");
                FUZZ_CHECK_MSG((part.fields & node.fields) == node.fields, "a NEAR part asked for outside the NEAR's fields");
                if (part.op == bs::QueryOp::Or) parts.insert(parts.end(), part.children.begin(), part.children.end());
            }
            break;
        }
        default: break;
        }
        FUZZ_CHECK_MSG(node.languages == 0 || node.op == bs::QueryOp::All || (node.op == bs::QueryOp::Phrase && node.terms.empty()),
                       "a language filter on a node that takes none");
        for (uint32_t c : node.children) stack.push_back(c);
    }
}

// `best_first`: in rank order (else by date, checked by the caller).
void check_hits(const bs::Index& index, const std::vector<bs::Hit>& hits, size_t limit, bool best_first = true) {
    FUZZ_CHECK(hits.size() <= limit);
    for (size_t i = 0; i < hits.size(); ++i) {
        FUZZ_CHECK_MSG(index.contains(hits[i].doc), "a hit names a removed or missing document");
        FUZZ_CHECK(std::isfinite(hits[i].score));
        if (i > 0 && best_first) {
            FUZZ_CHECK_MSG(hits[i - 1].score > hits[i].score ||
                               (hits[i - 1].score == hits[i].score && hits[i - 1].doc < hits[i].doc),
                           "hits not best first, ties by DocId");
        }
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static World* world = new World;
    if (size == 0) return 0;
    uint8_t flags = data[0];
    std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
    bool utf8 = fuzz::valid_utf8(text);

    bs::SearchOptions options;
    options.parse.syntax = !(flags & 1);
    options.parse.match_all = !(flags & 2);
    options.parse.as_you_type = (flags & 4) != 0;
    options.limit = (flags >> 3) % 5; // 0..4: smaller than the index, so pruning matters
    options.relax = false;

    bs::Query q = bs::parse_query(text, world->index, options.parse);
    check_query(q, text, utf8);
    fuzz::touch(bs::to_string(q));

    // The pruned top k is exactly the exhaustive ranking's first k.
    bs::SearchResult r = bs::search(world->index, q, options);
    check_hits(world->index, r.hits, options.limit);
    std::vector<bs::Hit> all = bs::search_exhaustive(world->index, q);
    for (size_t i = 1; i < all.size(); ++i) FUZZ_CHECK_MSG(all[i - 1].doc < all[i].doc, "exhaustive hits not ascending");
    const size_t matching = all.size();
    std::vector<bs::DocId> unchecked_docs;
    for (const bs::Hit& h : all) unchecked_docs.push_back(h.doc);
    std::stable_sort(all.begin(), all.end(), [](const bs::Hit& a, const bs::Hit& b) { return a.score > b.score; });
    all.resize(std::min(all.size(), options.limit));
    FUZZ_CHECK_MSG(r.hits == all, "search() top k differs from search_exhaustive()");

    // Counted, the same top k and every match; by date, the first k of every match, dated ones
    // newest (or oldest) first, then the undated.
    bs::SearchOptions counted = options;
    counted.count = true;
    bs::SearchResult c = bs::search(world->index, q, counted);
    FUZZ_CHECK_MSG(c.hits == r.hits, "counting changed the top k");
    FUZZ_CHECK_MSG(c.total && *c.total == matching, "the count differs from search_exhaustive()");
    for (auto order : {bs::ResultOrder::Newest, bs::ResultOrder::Oldest}) {
        counted.order = order;
        bs::SearchResult d = bs::search(world->index, q, counted);
        FUZZ_CHECK_MSG(d.total && *d.total == matching, "by date, the count differs from search_exhaustive()");
        FUZZ_CHECK(d.hits.size() == std::min(matching, options.limit));
        check_hits(world->index, d.hits, options.limit, false);
        for (size_t i = 1; i < d.hits.size(); ++i) {
            const bs::DocId a = d.hits[i - 1].doc, b = d.hits[i].doc;
            const bool dated_a = world->index.date(a) != 0, dated_b = world->index.date(b) != 0;
            const int64_t before = bs::date_order_key(world->index.date(a), world->index.time_of_day(a));
            const int64_t after = bs::date_order_key(world->index.date(b), world->index.time_of_day(b));
            FUZZ_CHECK_MSG(dated_a || !dated_b, "an undated hit before a dated one");
            if (dated_a && dated_b)
                FUZZ_CHECK_MSG(order == bs::ResultOrder::Newest ? before >= after : before <= after, "hits out of date order");
            if (dated_a == dated_b && (!dated_a || before == after)) // one moment's (or the undated) best first
                FUZZ_CHECK_MSG(d.hits[i - 1].score > d.hits[i].score ||
                                   (d.hits[i - 1].score == d.hits[i].score && d.hits[i - 1].doc < d.hits[i].doc),
                               "hits of one date not best first");
        }
    }

    // Faceted, with no hits asked for: every match once, by source and by date, as the exhaustive
    // matches give them.
    bs::SearchOptions faceted = options;
    faceted.limit = 0;
    faceted.facets = true;
    bs::SearchResult f = bs::search(world->index, q, faceted);
    FUZZ_CHECK_MSG(f.total && *f.total == matching && f.facets, "faceted, the count differs from search_exhaustive()");
    if (f.facets) {
        std::vector<bs::DocId> docs;
        for (const bs::Hit& h : bs::search_exhaustive(world->index, q)) docs.push_back(h.doc);
        FUZZ_CHECK_MSG(*f.facets == bs::facets_of(world->index, docs), "facets differ from those of the exhaustive matches");
        size_t by_source = f.facets->without_source, by_year = f.facets->undated;
        for (const auto& v : f.facets->sources) by_source += v.count;
        for (const auto& v : f.facets->years) by_year += v.count;
        FUZZ_CHECK_MSG(by_source == matching && by_year == matching, "facets do not add up to the matches");
    }

    // With the articles at hand, a phrase's stopwords are checked in their text: some of the
    // matches above, ranked as exactly as ever, and the same again from what was checked.
    bs::SearchOptions checked = options;
    checked.count = true;
    checked.article = [&](bs::DocId d) -> const broadsheet::Article* {
        return d < world->articles.size() ? &world->articles[d] : nullptr;
    };
    std::vector<bs::Hit> checked_all = bs::search_exhaustive(world->index, q, {}, checked.article);
    // (Not under a NOT, which then excludes fewer, nor with a phrase of stopwords only, which
    // matches nothing unchecked.)
    const bool no_order = std::any_of(q.nodes.begin(), q.nodes.end(), [](const bs::QueryNode& n) {
        return n.op == bs::QueryOp::Not || (n.op == bs::QueryOp::Phrase && n.terms.empty());
    });
    for (const bs::Hit& h : checked_all)
        FUZZ_CHECK_MSG(no_order || std::binary_search(unchecked_docs.begin(), unchecked_docs.end(), h.doc),
                       "checking stopwords added a match");
    const size_t checked_matching = checked_all.size();
    std::stable_sort(checked_all.begin(), checked_all.end(), [](const bs::Hit& a, const bs::Hit& b) { return a.score > b.score; });
    checked_all.resize(std::min(checked_all.size(), options.limit));
    for (int again = 0; again < 2; ++again) {
        bs::SearchResult k = bs::search(world->index, q, checked);
        FUZZ_CHECK_MSG(k.hits == checked_all, "checked, search() top k differs from search_exhaustive()");
        FUZZ_CHECK_MSG(k.total && *k.total == checked_matching, "checked, the count differs from search_exhaustive()");
    }

    // The text form, relaxed, as a user types it.
    options.relax = true;
    bs::SearchResult typed = bs::search(world->index, text, options);
    check_hits(world->index, typed.hits, options.limit);
    for (const auto& t : typed.matched.terms) fuzz::touch(t);
    FUZZ_CHECK_MSG(typed.matched.term_fields.size() == typed.matched.terms.size(), "a matched term without its fields");

    // Snippets and highlights are ranges into the article's own text.
    for (const auto& hit : typed.hits) {
        const broadsheet::Article& a = world->articles[hit.doc];
        for (auto f : {bs::Field::Title, bs::Field::Standfirst, bs::Field::Body}) {
            std::string_view ft = bs::field_text(a, f);
            auto hl = bs::find_highlights(ft, typed.matched, world->index.analyzer_of(hit.doc), f);
            for (size_t i = 0; i < hl.size(); ++i) {
                fuzz::check_range("highlight", hl[i], ft);
                if (i > 0) FUZZ_CHECK_MSG(hl[i - 1].end <= hl[i].begin, "highlights overlap or are out of order");
            }
        }
        bs::Snippet s = bs::make_snippet(a, typed.matched, world->index.analyzer_of(hit.doc), {size_t(flags) + 1});
        std::string_view ft = bs::field_text(a, s.field);
        fuzz::check_range("snippet", s.passage, ft);
        for (const auto& h : s.highlights) {
            fuzz::check_range("snippet highlight", h, ft);
            FUZZ_CHECK_MSG(h.begin >= s.passage.begin && h.end <= s.passage.end, "highlight outside its passage");
        }
    }
    auto lines = bs::concordance(world->index, text,
                                 [](bs::DocId d) -> const broadsheet::Article* {
                                     return d < world->articles.size() ? &world->articles[d] : nullptr;
                                 },
                                 flags % 64, 50);
    FUZZ_CHECK(lines.size() <= 50);
    for (const auto& l : lines) {
        FUZZ_CHECK(world->index.contains(l.doc));
        std::string_view ft = bs::field_text(world->articles[l.doc], l.field);
        fuzz::check_range("concordance left", l.left, ft);
        fuzz::check_range("concordance match", l.match, ft);
        fuzz::check_range("concordance right", l.right, ft);
        FUZZ_CHECK(l.left.end <= l.match.begin && l.match.end <= l.right.begin);
        // The sort keys and the one-line text of the pieces: never longer than a word of the
        // context folded (a folded character is at most a few bytes more), no line break left.
        for (bool before : {true, false}) {
            std::string word = bs::concordance_word(ft, l, before);
            FUZZ_CHECK(word.size() <= 4 * (before ? l.left : l.right).size() + 16);
        }
        for (broadsheet::ByteRange piece : {l.left, l.match, l.right}) {
            std::string one = bs::concordance_text(ft.substr(piece.begin, piece.size()));
            FUZZ_CHECK(one.find('\n') == std::string::npos && one.find('\r') == std::string::npos);
        }
    }
    return 0;
}
