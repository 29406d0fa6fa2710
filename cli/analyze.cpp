// broadsheet analyze PATH... [--json] [--corpus]: entities, quotes and numbers of each article;
// with --corpus, then the corpus as a whole: frequent terms, n-grams, articles over time and
// near-duplicate clusters, everyone quoted with what they said, and the figures cited in more than
// one article.
//
// Text output is for reading; --json prints one JSON object per article per line, every span as a
// byte range [begin, end) into the article's `text` (as printed by `broadsheet extract`), and with
// --corpus one last line {"corpus": ...} whose articles are numbered as the lines before it (0 is
// the first line).
#include "broadsheet/analysis.hpp"
#include "broadsheet/corpus_analysis.hpp"
#include "broadsheet/import.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

json range_json(broadsheet::ByteRange r) {
    return json::array({r.begin, r.end});
}

// A value as people write it: 5000, not 5000.0; 5.8 stays 5.8.
json value_json(double v) {
    if (std::abs(v) < 1e15 && v == std::floor(v)) return json(static_cast<int64_t>(v));
    return json(v);
}

json to_json(const broadsheet::Article& a, const broadsheet::Analysis& an) {
    std::string_view t = a.text;
    auto str = [&](broadsheet::ByteRange r) { return std::string(broadsheet::text_of(t, r)); };
    json entities = json::array();
    for (size_t e = 0; e < an.entities.list.size(); ++e) {
        const auto& ent = an.entities.list[e];
        json mentions = json::array();
        for (const auto& m : an.entities.mentions)
            if (m.entity == e) mentions.push_back(range_json(m.range));
        entities.push_back({{"name", str(ent.name)},
                            {"kind", broadsheet::to_string(ent.kind)},
                            {"count", ent.count},
                            {"acronym", str(ent.acronym)},
                            {"mentions", mentions}});
    }
    json quotes = json::array();
    for (const auto& q : an.quotes) {
        json speaker =
            q.entity >= 0 ? json(str(an.entities.list[size_t(q.entity)].name)) : json(nullptr);
        quotes.push_back({{"text", str(q.text)},
                          {"speaker", speaker},
                          {"speaker_as_written", str(q.speaker)},
                          {"cue", str(q.cue)},
                          {"attribution", str(q.attribution)},
                          {"range", range_json(q.text)},
                          {"speaker_range", range_json(q.speaker)},
                          {"cue_range", range_json(q.cue)},
                          {"attribution_range", range_json(q.attribution)},
                          {"continues", q.continues >= 0 ? json(q.continues) : json(nullptr)},
                          {"same_as", q.same_as >= 0 ? json(q.same_as) : json(nullptr)},
                          {"referent", q.referent.size() ? json(str(q.referent)) : json(nullptr)},
                          {"referent_range", range_json(q.referent)}});
    }
    json numbers = json::array();
    for (const auto& n : an.numbers) {
        numbers.push_back({{"text", str(n.span)},
                           {"number", str(n.number)},
                           {"value", value_json(n.value)},
                           {"upper", value_json(n.upper)},
                           {"unit", str(n.unit)},
                           {"comparative", str(n.comparative)},
                           {"comparison", broadsheet::to_string(n.comparison)},
                           {"kind", broadsheet::to_string(n.kind)},
                           {"range", range_json(n.span)}});
        if (n.kind == broadsheet::NumberKind::Date) numbers.back()["date"] = broadsheet::figure_value_text(n, n.value);
    }
    return {{"file", a.file},
            {"title", a.title},
            {"entities", entities},
            {"quotes", quotes},
            {"numbers", numbers}};
}

void print_text(const broadsheet::Article& a, const broadsheet::Analysis& an) {
    std::string_view t = a.text;
    auto str = [&](broadsheet::ByteRange r) { return broadsheet::text_of(t, r); };
    auto at = [](broadsheet::ByteRange r) {
        return " [" + std::to_string(r.begin) + "," + std::to_string(r.end) + ")";
    };
    std::cout << "== " << a.file << (a.title.empty() ? "" : ": ") << a.title << '\n';
    std::cout << "entities (" << an.entities.list.size() << "):\n";
    for (const auto& e : an.entities.list) {
        std::cout << "  " << str(e.name);
        if (e.acronym.size()) std::cout << " (" << str(e.acronym) << ')';
        std::cout << "  " << broadsheet::to_string(e.kind) << "  x" << e.count << '\n';
    }
    std::cout << "quotes (" << an.quotes.size() << "):\n";
    for (const auto& q : an.quotes) {
        std::cout << "  \"" << str(q.text) << "\"\n      -- ";
        if (q.entity >= 0)
            std::cout << str(an.entities.list[size_t(q.entity)].name);
        else
            std::cout << (q.speaker.size() ? str(q.speaker) : "(unknown)");
        if (q.same_as >= 0) std::cout << " (" << str(an.quotes[size_t(q.same_as)].speaker) << ')'; // "he (a USDA official)"
        if (q.referent.size()) std::cout << " (" << str(q.referent) << ')'; // "he (The official)"
        if (q.attribution.size()) std::cout << "  [" << str(q.attribution) << ']';
        if (q.continues >= 0) std::cout << "  (continues quote " << q.continues + 1 << ')';
        std::cout << at(q.text) << '\n';
    }
    std::cout << "numbers (" << an.numbers.size() << "):\n";
    for (const auto& n : an.numbers) {
        std::cout << "  " << str(n.span) << "  = " << broadsheet::figure_value_text(n, n.value);
        if (n.upper != n.value) std::cout << ".." << broadsheet::figure_value_text(n, n.upper);
        if (n.unit.size()) std::cout << ' ' << str(n.unit);
        std::cout << "  " << broadsheet::to_string(n.kind);
        if (n.comparison != broadsheet::Comparison::Exact)
            std::cout << ", " << broadsheet::to_string(n.comparison);
        std::cout << at(n.span) << '\n';
    }
    std::cout << '\n';
}

// ---- --corpus
// ------------------------------------------------------------------------------------

constexpr size_t kTopTerms = 30, kTopNgrams = 20, kTopNames = 30, kTopLinks = 30, kTopSpeakers = 30,
                 kTopFigures = 30;

struct CorpusReport {
    broadsheet::Corpus corpus;
    broadsheet::TermCounts terms;
    broadsheet::DuplicateFinder duplicates;
    broadsheet::EntityGraph names;
    broadsheet::Citations citations;

    void add(broadsheet::Article a, const broadsheet::Analysis& analysis) {
        broadsheet::ArticleId id = corpus.add(std::move(a));
        const broadsheet::Article& added = *corpus.find(id);
        terms.add(id, added);
        duplicates.add(id, added);
        names.add(id, added, analysis.entities);
        citations.add(id, added, analysis);
    }
    // The article's number: its line in the output (ids are handed out from 1, in order).
    size_t number(broadsheet::ArticleId id) const {
        const auto& ids = corpus.ids();
        return size_t(std::lower_bound(ids.begin(), ids.end(), id) - ids.begin());
    }
};

json corpus_json(const CorpusReport& r) {
    json terms = json::array();
    for (const auto& t : r.terms.top(kTopTerms))
        terms.push_back(
            {{"term", t.term}, {"surface", t.surface}, {"count", t.count}, {"docs", t.docs}});
    json ngrams = json::array();
    for (size_t words : {2, 3}) {
        for (const auto& g : r.terms.top_ngrams(r.corpus, words, kTopNgrams)) {
            json example = g.example ? json(r.number(g.example)) : json(nullptr);
            ngrams.push_back({{"text", g.text},
                              {"terms", g.terms},
                              {"count", g.count},
                              {"docs", g.docs},
                              {"example", example},
                              {"range", range_json(g.range)}});
        }
    }
    broadsheet::Timeline tl = broadsheet::timeline(r.corpus);
    json buckets = json::array();
    for (const auto& b : tl.buckets)
        buckets.push_back({{"label", b.label}, {"start", b.start}, {"articles", b.articles}});
    json clusters = json::array();
    for (const auto& c : r.duplicates.clusters()) {
        json members = json::array();
        for (auto id : c.articles) {
            const broadsheet::Article* a = r.corpus.find(id);
            members.push_back(
                {{"article", r.number(id)}, {"file", a->file}, {"id", a->id}, {"title", a->title}});
        }
        clusters.push_back({{"similarity", c.similarity}, {"articles", members}});
    }
    broadsheet::EntityNetwork net = r.names.network(kTopNames, kTopLinks);
    json nodes = json::array(), links = json::array(), everywhere = json::array();
    for (const auto& n : net.nodes)
        nodes.push_back({{"name", n.name},
                         {"acronym", n.acronym},
                         {"kind", broadsheet::to_string(n.kind)},
                         {"articles", n.articles},
                         {"mentions", n.mentions}});
    for (const auto& e : net.edges)
        links.push_back({{"a", e.a},
                         {"b", e.b},
                         {"articles", e.articles},
                         {"paragraphs", e.paragraphs},
                         {"logDice", e.log_dice}});
    for (const auto& n : net.everywhere)
        everywhere.push_back({{"name", n.name}, {"articles", n.articles}});
    json speakers = json::array();
    auto all_speakers = r.citations.speakers(r.corpus);
    for (size_t i = 0; i < all_speakers.size() && i < kTopSpeakers; ++i) {
        const auto& s = all_speakers[i];
        json quotes = json::array();
        for (const auto& q : s.quotes) {
            std::string_view text = r.corpus.find(q.article)->text;
            quotes.push_back({{"article", r.number(q.article)},
                              {"text", std::string(broadsheet::text_of(text, q.text))},
                              {"speaker_as_written", std::string(broadsheet::text_of(text, q.speaker))},
                              {"range", range_json(q.text)}});
        }
        speakers.push_back({{"name", s.name.empty() ? json(nullptr) : json(s.name)},
                            {"named", s.named},
                            {"kind", broadsheet::to_string(s.kind)},
                            {"articles", s.articles},
                            {"quotes", quotes}});
    }
    json figures = json::array();
    auto recurring = r.citations.figures(r.corpus);
    for (size_t i = 0; i < recurring.size() && i < kTopFigures; ++i) {
        const auto& f = recurring[i];
        json mentions = json::array();
        for (const auto& c : f.mentions)
            mentions.push_back({{"article", r.number(c.article)},
                                {"text", std::string(broadsheet::text_of(r.corpus.find(c.article)->text, c.span))},
                                {"range", range_json(c.span)}});
        figures.push_back({{"text", f.text},
                           {"value", f.value},
                           {"unit", f.unit},
                           {"kind", broadsheet::to_string(f.kind)},
                           {"articles", f.articles},
                           {"mentions", mentions}});
    }
    return {{"corpus",
             {{"articles", r.corpus.size()},
              {"words", r.terms.words()},
              {"terms", terms},
              {"ngrams", ngrams},
              {"trends",
               {{"unit", broadsheet::to_string(tl.unit)},
                {"undated", tl.undated},
                {"buckets", buckets}}},
              {"duplicates", clusters},
              {"names", {{"nodes", nodes}, {"links", links}, {"everywhere", everywhere}}},
              {"speakers", speakers},
              {"figures", figures}}}};
}

void print_corpus(const CorpusReport& r) {
    std::cout << "== corpus: " << r.corpus.size() << " articles, " << r.terms.words()
              << " words (stopwords left out)\n";
    std::cout << "terms:\n";
    for (const auto& t : r.terms.top(kTopTerms))
        std::cout << "  " << t.surface << "  x" << t.count << " in " << t.docs << '\n';
    for (size_t words : {2, 3}) {
        std::cout << words << "-grams:\n";
        for (const auto& g : r.terms.top_ngrams(r.corpus, words, kTopNgrams))
            std::cout << "  " << g.text << "  x" << g.count << " in " << g.docs << '\n';
    }
    broadsheet::Timeline tl = broadsheet::timeline(r.corpus);
    std::cout << "trends (articles per " << broadsheet::to_string(tl.unit) << "):\n";
    for (const auto& b : tl.buckets) std::cout << "  " << b.label << "  " << b.articles << '\n';
    if (tl.undated) std::cout << "  undated  " << tl.undated << '\n';
    broadsheet::EntityNetwork net = r.names.network(kTopNames, kTopLinks);
    std::cout << "names (in most articles):\n";
    for (const auto& n : net.nodes)
        std::cout << "  " << n.name << (n.acronym.empty() ? "" : " (" + n.acronym + ")") << "  "
                  << broadsheet::to_string(n.kind) << "  in " << n.articles << '\n';
    if (!net.everywhere.empty()) {
        std::cout << "names in most of the articles (left out of the links):";
        for (const auto& n : net.everywhere) std::cout << "  " << n.name << " (" << n.articles << ")";
        std::cout << '\n';
    }
    std::cout << "links (names in the same article):\n";
    for (const auto& e : net.edges)
        std::cout << "  " << net.nodes[e.a].name << " -- " << net.nodes[e.b].name << "  in "
                  << e.articles << ", log-Dice " << std::round(e.log_dice * 10) / 10 << '\n';
    auto speakers = r.citations.speakers(r.corpus);
    std::cout << "quoted (most articles first):\n";
    for (size_t i = 0; i < speakers.size() && i < kTopSpeakers; ++i) {
        const auto& s = speakers[i];
        std::cout << "  " << (s.name.empty() ? "(speaker not found)" : s.named ? s.name : "\"" + s.name + "\"")
                  << "  " << s.quotes.size() << (s.quotes.size() == 1 ? " quote" : " quotes") << " in " << s.articles << '\n';
    }
    auto figures = r.citations.figures(r.corpus);
    std::cout << "figures in more than one article:\n";
    for (size_t i = 0; i < figures.size() && i < kTopFigures; ++i) {
        const auto& f = figures[i];
        std::cout << "  " << f.text << "  = " << f.value << (f.unit.empty() ? "" : " " + f.unit) << "  "
                  << broadsheet::to_string(f.kind) << "  in " << f.articles << '\n';
    }
    auto clusters = r.duplicates.clusters();
    std::cout << "near-duplicates (" << clusters.size() << " clusters):\n";
    for (const auto& c : clusters) {
        std::cout << "  " << c.articles.size()
                  << " articles, similarity >= " << std::round(c.similarity * 100) / 100 << ":\n";
        for (auto id : c.articles) {
            const broadsheet::Article* a = r.corpus.find(id);
            std::cout << "    " << a->file << (a->id.empty() ? "" : "#") << a->id
                      << (a->title.empty() ? "" : ": ") << a->title << '\n';
        }
    }
}

// The files named, folders read recursively in a stable order.
std::vector<fs::path> files_of(const std::vector<std::string>& paths, int& failures) {
    std::vector<fs::path> files;
    for (const auto& p : paths) {
        std::error_code ec;
        if (fs::is_directory(p, ec)) {
            std::vector<fs::path> found;
            for (auto it = fs::recursive_directory_iterator(p, ec);
                 !ec && it != fs::recursive_directory_iterator(); it.increment(ec))
                if (it->is_regular_file(ec)) found.push_back(it->path());
            std::sort(found.begin(), found.end());
            files.insert(files.end(), found.begin(), found.end());
        } else if (fs::exists(p, ec)) {
            files.emplace_back(p);
        } else {
            std::cerr << p << ": error: no such file or folder\n";
            ++failures;
        }
    }
    return files;
}

} // namespace

int run_analyze(const std::vector<std::string>& args) {
    bool as_json = false, corpus = false;
    std::vector<std::string> paths;
    for (const auto& a : args) {
        if (a == "--json")
            as_json = true;
        else if (a == "--corpus")
            corpus = true;
        else
            paths.push_back(a);
    }
    if (paths.empty()) {
        std::cerr << "broadsheet analyze: give at least one file or folder\n";
        return 2;
    }
    int failures = 0;
    CorpusReport report;
    for (const auto& path : files_of(paths, failures)) {
        std::string name = path.string();
        std::error_code ec;
        auto size = fs::file_size(path, ec);
        if (!ec && size > broadsheet::kMaxImportBytes) {
            std::cerr << name << ": error: the file is too large (" << (size >> 20) << " MB)\n";
            ++failures;
            continue;
        }
        std::ifstream in(path, std::ios::binary);
        if (!in) {
            std::cerr << name << ": error: cannot open the file\n";
            ++failures;
            continue;
        }
        std::ostringstream bytes;
        bytes << in.rdbuf();
        broadsheet::ImportResult r = broadsheet::import_file(name, bytes.str());
        for (const auto& w : r.warnings) std::cerr << name << ": warning: " << w << '\n';
        if (!r.ok()) {
            std::cerr << name << ": error: " << r.error << '\n';
            ++failures;
            continue;
        }
        for (const auto& a : r.articles) {
            broadsheet::Analysis an = broadsheet::analyze(a.text, a.language);
            if (!an.ok()) {
                std::cerr << name << ": error: " << an.error << '\n';
                ++failures;
                continue;
            }
            if (as_json)
                std::cout << to_json(a, an).dump(-1, ' ', false, json::error_handler_t::replace)
                          << '\n';
            else
                print_text(a, an);
            if (corpus) report.add(a, an);
        }
    }
    if (corpus) {
        if (as_json)
            std::cout << corpus_json(report).dump(-1, ' ', false, json::error_handler_t::replace)
                      << '\n';
        else
            print_corpus(report);
    }
    return failures ? 1 : 0;
}
