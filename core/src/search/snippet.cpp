// Highlights, snippets and concordance lines: the analyzer run again over the article's text to
// find where the matched terms are (the index keeps positions, not byte offsets, which would
// double its size for something only the ten shown hits need).
#include "broadsheet/snippet.hpp"

#include "near.hpp"

#include <algorithm>

namespace broadsheet::search {

std::string_view field_text(const Article& a, Field f) {
    switch (f) {
    case Field::Title: return a.title;
    case Field::Standfirst: return a.standfirst;
    case Field::Body: return a.text;
    case Field::Source: return a.source;
    case Field::Byline: return {};
    }
    return {};
}

std::vector<ByteRange> find_highlights(std::string_view text, const MatchSet& matched, Analyzer& analyzer, Field field) {
    std::vector<ByteRange> out;
    if (matched.empty() || text.empty()) return out;
    const FieldMask here = field_bit(field);
    auto asked_here = [&](const auto& part) { return (part.fields & here) != 0; };
    struct Tok { uint32_t position; ByteRange range; std::string term; };
    std::vector<Tok> toks;
    analyzer.analyze(text, [&](const Token& t) {
        toks.push_back({t.position, t.range, std::string(t.term)});
        for (const auto& p : matched.patterns) // a pattern's word, as written
            if (asked_here(p) && std::binary_search(p.terms.begin(), p.terms.end(), t.term) && matches_pattern(t.surface, p.pattern)) {
                out.push_back(t.range);
                break;
            }
    });
    const bool every_field = matched.term_fields.size() != matched.terms.size();
    for (const auto& t : toks) {
        auto it = std::lower_bound(matched.terms.begin(), matched.terms.end(), t.term);
        if (it != matched.terms.end() && *it == t.term &&
            (every_field || (matched.term_fields[size_t(it - matched.terms.begin())] & here)))
            out.push_back(t.range);
    }
    if (std::any_of(matched.phrases.begin(), matched.phrases.end(), asked_here) ||
        std::any_of(matched.nears.begin(), matched.nears.end(), asked_here)) {
        std::vector<size_t> by_position(toks.size());
        for (size_t i = 0; i < toks.size(); ++i) by_position[i] = i;
        std::stable_sort(by_position.begin(), by_position.end(),
                         [&](size_t a, size_t b) { return toks[a].position < toks[b].position; });
        auto token_at = [&](uint64_t position, const std::string& term) -> const Tok* {
            auto it = std::lower_bound(by_position.begin(), by_position.end(), position,
                                       [&](size_t i, uint64_t p) { return toks[i].position < p; });
            for (; it != by_position.end() && toks[*it].position == position; ++it)
                if (toks[*it].term == term) return &toks[*it];
            return nullptr;
        };
        // The words without terms (stopwords) by position, for the phrases that have them in places.
        struct Word { uint32_t position; ByteRange range; std::string surface; };
        std::vector<Word> words;
        auto stopped = [](const auto& ph) { return !ph.stops.empty(); };
        if (std::any_of(matched.phrases.begin(), matched.phrases.end(), stopped) ||
            std::any_of(matched.nears.begin(), matched.nears.end(), [&](const MatchSet::Near& n) {
                return std::any_of(n.parts.begin(), n.parts.end(), [&](const auto& part) { return std::any_of(part.begin(), part.end(), stopped); });
            }))
            analyzer.analyze_surfaces(text, [&](const Token& t) {
                if (t.kind != TokenKind::Joined) words.push_back({t.position, t.range, std::string(t.surface)});
            });
        auto word_at = [&](uint64_t position, const std::string& surface) -> const Word* {
            auto it = std::lower_bound(words.begin(), words.end(), position, [](const Word& w, uint64_t p) { return w.position < p; });
            return it != words.end() && it->position == position && it->surface == surface ? &*it : nullptr;
        };
        // Its stopwords where the phrase's first word would be `base`, widening `r` over them.
        auto stops_at = [&](const MatchSet::Phrase& ph, uint64_t base, ByteRange& r) {
            for (size_t k = 0; k < ph.stops.size() && k < ph.stop_offsets.size(); ++k) {
                const Word* w = word_at(base + ph.stop_offsets[k], ph.stops[k]);
                if (!w) return false;
                r.end = std::max(r.end, w->range.end), r.begin = std::min(r.begin, w->range.begin);
            }
            return true;
        };
        // Each occurrence of `ph`: visit(place of its first word, its bytes).
        auto each_occurrence = [&](const MatchSet::Phrase& ph, auto&& visit) {
            if (ph.terms.empty()) { // stopwords only ("The Who")
                for (const Word& w : words) {
                    ByteRange r = w.range;
                    if (stops_at(ph, w.position, r)) visit(uint64_t(w.position), r);
                }
                return;
            }
            for (const auto& t : toks) {
                if (t.term != ph.terms[0] || t.position < ph.offsets[0]) continue;
                const uint64_t base = t.position - ph.offsets[0]; // the phrase's first word's place
                ByteRange r = t.range;
                bool all = true;
                for (size_t k = 1; k < ph.terms.size() && all; ++k) {
                    const Tok* u = token_at(base + ph.offsets[k], ph.terms[k]);
                    all = u != nullptr;
                    if (u) r.end = std::max(r.end, u->range.end), r.begin = std::min(r.begin, u->range.begin);
                }
                if (all && stops_at(ph, base, r)) visit(base, r);
            }
        };
        for (const auto& ph : matched.phrases)
            if (asked_here(ph)) each_occurrence(ph, [&](uint64_t, ByteRange r) { out.push_back(r); });
        // A NEAR group: one range from the first word to the last of each set near enough, as its
        // matches are counted (NearSweep), not every occurrence of its words.
        std::vector<NearOccurrence> occurrences;
        std::vector<ByteRange> ranges; // by NearOccurrence::tag
        std::vector<uint32_t> times;    // of each distinct part
        std::vector<size_t> distinct;  // the first of each distinct part, in near.parts
        NearSweep sweep;
        for (const auto& near : matched.nears) {
            if (!asked_here(near)) continue;
            occurrences.clear();
            ranges.clear();
            times.clear();
            distinct.clear();
            for (size_t k = 0; k < near.parts.size(); ++k) {
                auto same = std::find_if(distinct.begin(), distinct.end(), [&](size_t j) { return near.parts[j] == near.parts[k]; });
                if (same != distinct.end()) { // given again: one more of that part
                    ++times[size_t(same - distinct.begin())];
                    continue;
                }
                const uint32_t part = uint32_t(times.size());
                times.push_back(1);
                distinct.push_back(k);
                for (const auto& ph : near.parts[k]) {
                    uint64_t length = 1;
                    for (uint32_t o : ph.offsets) length = std::max<uint64_t>(length, o + 1ull);
                    for (uint32_t o : ph.stop_offsets) length = std::max<uint64_t>(length, o + 1ull);
                    each_occurrence(ph, [&](uint64_t base, ByteRange r) {
                        occurrences.push_back({uint32_t(base), uint32_t(base + length - 1), part, uint32_t(ranges.size())});
                        ranges.push_back(r);
                    });
                }
            }
            sweep.run(occurrences, times, near.within, [&](std::span<const NearOccurrence* const> set) {
                ByteRange r = ranges[set[0]->tag];
                for (const NearOccurrence* o : set) r.begin = std::min(r.begin, ranges[o->tag].begin), r.end = std::max(r.end, ranges[o->tag].end);
                out.push_back(r);
            });
        }
    }
    std::sort(out.begin(), out.end(), [](ByteRange a, ByteRange b) { return a.begin != b.begin ? a.begin < b.begin : a.end > b.end; });
    std::vector<ByteRange> merged;
    for (ByteRange r : out) {
        if (!merged.empty() && r.begin < merged.back().end) merged.back().end = std::max(merged.back().end, r.end);
        else merged.push_back(r);
    }
    return merged;
}

namespace {

bool is_continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }
bool is_space(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }

// A cut at or after `at` that starts a word (after a space), looking at most `slack` bytes ahead;
// failing that, the next character boundary.
uint32_t word_start_from(std::string_view t, size_t at, size_t slack) {
    if (at == 0) return 0;
    for (size_t i = at; i < t.size() && i <= at + slack; ++i)
        if (is_space(t[i - 1]) && !is_space(t[i])) return uint32_t(i);
    while (at < t.size() && is_continuation(t[at])) ++at;
    return uint32_t(std::min(at, t.size()));
}

// A cut at or before `at` that ends a word (before a space), looking back at most `slack` bytes;
// failing that, the previous character boundary.
uint32_t word_end_before(std::string_view t, size_t at, size_t slack) {
    if (at >= t.size()) return uint32_t(t.size());
    for (size_t i = at; i > 0 && i + slack >= at; --i)
        if (is_space(t[i]) && !is_space(t[i - 1])) return uint32_t(i);
    while (at > 0 && is_continuation(t[at])) --at;
    return uint32_t(at);
}

// Whether a passage ending at `end` (short of the text's end) stops mid-sentence, so that a
// "…" after it says the sentence goes on. One ending with its sentence ("said.", "day.\u201D")
// does not: an ellipsis there would read as four dots.
bool cut_mid_sentence(std::string_view t, uint32_t end) {
    if (end >= t.size()) return false;
    std::string_view head = t.substr(0, end);
    for (std::string_view close : {"\"", "'", ")", "\xE2\x80\x9D", "\xE2\x80\x99"}) // ” ’
        if (head.ends_with(close)) {
            head.remove_suffix(close.size());
            break;
        }
    for (std::string_view stop : {".", "!", "?", "\xE2\x80\xA6", "\xE3\x80\x82"}) // … 。
        if (head.ends_with(stop)) return false;
    return true;
}

} // namespace

Snippet make_snippet(const Article& a, const MatchSet& matched, Analyzer& analyzer, const SnippetOptions& options) {
    Snippet s;
    const size_t max = std::max<size_t>(options.max_bytes, 16);
    std::string_view body = a.text;
    auto hl = find_highlights(body, matched, analyzer, Field::Body);
    if (hl.empty()) {
        // Not the title: a hit shows it above its snippet already.
        std::string_view t = a.standfirst;
        auto h = find_highlights(t, matched, analyzer, Field::Standfirst);
        if (!h.empty() && t.size() <= max) {
            s.field = Field::Standfirst;
            s.passage = {0, uint32_t(t.size())};
            s.highlights = std::move(h);
            return s;
        }
        s.field = Field::Body;
        uint32_t end = body.size() <= max ? uint32_t(body.size()) : word_end_before(body, max, max / 4);
        s.passage = {0, end};
        s.cut_after = cut_mid_sentence(body, end);
        return s;
    }
    // Candidate passages start a little before each highlight; the best has the most different
    // matched words (compared as text), then the most matches; the earliest wins ties.
    const size_t lead = max / 5;
    size_t best_distinct = 0, best_count = 0;
    ByteRange best{};
    for (size_t i = 0; i < hl.size(); ++i) {
        uint32_t begin = hl[i].begin <= lead ? 0 : word_start_from(body, hl[i].begin - lead, lead);
        // Near the end, the passage starts earlier so as to fill its room: a body that fits
        // whole is shown whole (a CJK one has no spaces to start it at).
        if (begin + max >= body.size()) begin = body.size() <= max ? 0 : std::min(begin, word_start_from(body, body.size() - max, lead));
        if (begin > hl[i].begin) begin = hl[i].begin;
        uint32_t end = begin + max >= body.size() ? uint32_t(body.size()) : word_end_before(body, begin + max, max / 4);
        if (end < hl[i].end) end = hl[i].end;
        std::vector<std::string_view> seen;
        size_t count = 0;
        for (size_t j = i; j < hl.size() && hl[j].end <= end; ++j) {
            ++count;
            std::string_view w = body.substr(hl[j].begin, hl[j].size());
            if (std::find(seen.begin(), seen.end(), w) == seen.end()) seen.push_back(w);
        }
        if (seen.size() > best_distinct || (seen.size() == best_distinct && count > best_count)) {
            best_distinct = seen.size();
            best_count = count;
            best = {begin, end};
        }
    }
    s.passage = best;
    s.cut_before = best.begin > 0;
    s.cut_after = cut_mid_sentence(body, best.end);
    for (ByteRange r : hl)
        if (r.begin >= best.begin && r.end <= best.end) s.highlights.push_back(r);
    return s;
}

ConcordanceLine context_of(std::string_view t, ByteRange m, size_t context_bytes) {
    ConcordanceLine line;
    m.end = std::min<uint32_t>(m.end, uint32_t(t.size()));
    m.begin = std::min(m.begin, m.end);
    line.match = m;
    uint32_t lb = m.begin <= context_bytes ? 0 : word_start_from(t, m.begin - context_bytes, context_bytes / 2);
    if (lb > m.begin) lb = m.begin;
    uint32_t re = context_bytes >= t.size() - m.end ? uint32_t(t.size())
                                                    : word_end_before(t, m.end + context_bytes, context_bytes / 2);
    if (re < m.end) re = m.end;
    line.left = {lb, m.begin};
    line.right = {m.end, re};
    return line;
}

std::vector<ConcordanceLine> concordance(const Index& index, std::string_view query,
                                         const std::function<const Article*(DocId)>& article_of,
                                         size_t context_bytes, size_t max_lines, const ParseOptions& parse,
                                         std::vector<QueryMessage>* messages) {
    std::vector<ConcordanceLine> lines;
    try {
        Query q = parse_query(query, index, parse);
        if (messages) *messages = q.messages;
        SearchOptions options;
        options.limit = 1; // only for the match set; the documents come from the exhaustive walk
        MatchSet matched = search(index, q, options).matched;
        for (const Hit& h : search_exhaustive(index, q, {}, article_of)) { // phrases' stopwords checked
            const Article* a = article_of ? article_of(h.doc) : nullptr;
            if (!a) continue;
            for (Field f : {Field::Title, Field::Standfirst, Field::Body}) {
                std::string_view t = field_text(*a, f);
                for (ByteRange m : find_highlights(t, matched, index.analyzer_of(h.doc), f)) {
                    if (lines.size() >= max_lines) return lines;
                    ConcordanceLine line = context_of(t, m, context_bytes);
                    line.doc = h.doc;
                    line.field = f;
                    lines.push_back(line);
                }
            }
        }
    } catch (const std::bad_alloc&) {
        // Out of memory: the lines found so far.
    }
    return lines;
}

std::string concordance_word(std::string_view field_text, const ConcordanceLine& line, bool before, size_t words) {
    const ByteRange r = before ? line.left : line.right;
    if (r.end > field_text.size() || r.begin > r.end) return {};
    std::string_view piece = field_text.substr(r.begin, r.size());
    try {
        std::vector<Segment> segments;
        segment(piece, segments);
        std::string key, folded;
        for (size_t i = 0; i < words && i < segments.size(); ++i) {
            const Segment& s = before ? segments[segments.size() - 1 - i] : segments[i];
            fold(piece.substr(s.range.begin, s.range.size()), true, folded);
            if (i) key += '\x01';
            key += folded;
        }
        return key;
    } catch (const std::bad_alloc&) {
        return {}; // out of memory: no key (the line sorts first)
    }
}

std::string concordance_text(std::string_view piece) try {
    std::string out;
    out.reserve(piece.size());
    for (size_t i = 0; i < piece.size();) {
        if (piece[i] != '\n' && piece[i] != '\r') {
            out += piece[i++];
            continue;
        }
        size_t breaks = 0;
        for (; i < piece.size() && (piece[i] == '\n' || piece[i] == '\r' || piece[i] == ' ' || piece[i] == '\t'); ++i)
            breaks += piece[i] == '\n';
        out += breaks >= 2 ? " \xC2\xB6 " : " ";
    }
    return out;
} catch (const std::bad_alloc&) {
    return {}; // out of memory: nothing to show
}

} // namespace broadsheet::search
