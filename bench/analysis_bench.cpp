// analysis_bench: what the corpus-level analysis costs, natively or as wasm under node (the page
// runs the same code): time of each step over a corpus and the memory it takes.
//
//   analysis_bench [--limit N] PATH...      files or folders (read recursively, sorted), any format
//
// Imports every file first (not timed), keeps at most N articles (default: all), then runs each
// step of core/include/broadsheet/corpus_analysis.hpp once, as the web app's Corpus tab does, and
// prints one Markdown table row per step with its wall time. Memory: TermCounts::memory_bytes, and
// the process's heap high-water mark (wasm: linear memory size; native: peak RSS).
#include "broadsheet/analysis.hpp"
#include "broadsheet/corpus.hpp"
#include "broadsheet/corpus_analysis.hpp"
#include "broadsheet/import.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#ifdef __EMSCRIPTEN__
#include <emscripten/heap.h>
#else
#include <sys/resource.h>
#endif

namespace fs = std::filesystem;
using broadsheet::ArticleId;

namespace {

double now_ms() {
    using namespace std::chrono;
    return duration<double, std::milli>(steady_clock::now().time_since_epoch()).count();
}

double heap_mb() {
#ifdef __EMSCRIPTEN__
    return double(emscripten_get_heap_size()) / (1 << 20);
#else
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return double(u.ru_maxrss) / 1024; // kB on Linux
#endif
}

void row(const char* step, double ms, const char* note = "") {
    if (ms >= 1000)
        std::printf("| %s | %.2f s | %s |\n", step, ms / 1000, note);
    else
        std::printf("| %s | %.1f ms | %s |\n", step, ms, note);
    std::fflush(stdout);
}

std::vector<fs::path> files_of(const std::vector<std::string>& paths) {
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
        } else {
            files.emplace_back(p);
        }
    }
    return files;
}

} // namespace

int main(int argc, char** argv) {
    size_t limit = SIZE_MAX;
    std::vector<std::string> paths;
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        if (a == "--limit" && i + 1 < argc)
            limit = size_t(std::strtoull(argv[++i], nullptr, 10));
        else
            paths.push_back(a);
    }
    if (paths.empty()) {
        std::fprintf(stderr, "usage: analysis_bench [--limit N] PATH...\n");
        return 2;
    }
    broadsheet::Corpus corpus;
    size_t bytes = 0;
    double start = now_ms();
    for (const auto& f : files_of(paths)) {
        if (corpus.size() >= limit) break;
        std::ifstream in(f, std::ios::binary);
        std::ostringstream s;
        s << in.rdbuf();
        auto r = broadsheet::import_file(f.string(), s.str());
        for (auto& a : r.articles) {
            if (corpus.size() >= limit) break;
            bytes += a.text.size();
            corpus.add(std::move(a));
        }
    }
    const auto& ids = corpus.ids();
    if (ids.empty()) {
        std::fprintf(stderr, "analysis_bench: no articles\n");
        return 1;
    }
    std::printf("%zu articles, %.1f MB of text, imported in %.1f s; heap %.0f MB\n\n", ids.size(),
                double(bytes) / (1 << 20), (now_ms() - start) / 1000, heap_mb());
    std::printf("| step | time | |\n|---|---|---|\n");

    broadsheet::TermCounts terms;
    double t = now_ms();
    for (size_t i = 0; i < ids.size(); ++i) terms.add(ids[i], corpus.articles()[i]);
    char note[160];
    std::snprintf(note, sizeof note, "%.1f MB, %llu words", double(terms.memory_bytes()) / (1 << 20),
                  static_cast<unsigned long long>(terms.words()));
    double per_article_ms = now_ms() - t; // the work done for every article the library takes in
    row("`TermCounts::add`, every article", per_article_ms, note);

    t = now_ms();
    auto top = terms.top(50);
    row("`top(50)`", now_ms() - t);
    t = now_ms();
    auto bigrams = terms.top_ngrams(corpus, 2, 20);
    auto trigrams = terms.top_ngrams(corpus, 3, 20);
    row("`top_ngrams` 2- and 3-grams, 20 each", now_ms() - t);

    t = now_ms();
    size_t sampled = std::min<size_t>(ids.size(), 200);
    for (size_t i = 0; i < sampled; ++i) (void)terms.keywords(ids[i * ids.size() / sampled], 12);
    row("`keywords(12)`, per article (mean of 200)", (now_ms() - t) / double(sampled));
    t = now_ms();
    size_t similar_n = std::min<size_t>(ids.size(), 10);
    for (size_t i = 0; i < similar_n; ++i) (void)terms.similar(ids[i * ids.size() / similar_n], 6);
    row("`similar(6)`, per article (mean of 10)", (now_ms() - t) / double(similar_n));
    t = now_ms();
    std::vector<ArticleId> tenth(ids.begin(), ids.begin() + std::ptrdiff_t(ids.size() / 10));
    (void)terms.keyness(tenth, 20);
    row("`keyness` of a tenth of the articles against the rest", now_ms() - t);
    if (!top.empty()) {
        t = now_ms();
        auto col = terms.collocates(corpus, top[std::min<size_t>(top.size() - 1, 10)].surface, 5, 30);
        std::snprintf(note, sizeof note, "\"%s\"", top[std::min<size_t>(top.size() - 1, 10)].surface.c_str());
        row("`collocates` of the 11th most frequent word", now_ms() - t, note);
    }
    t = now_ms();
    auto tl = broadsheet::timeline(corpus);
    row("`timeline`", now_ms() - t);
    if (!top.empty()) {
        t = now_ms();
        (void)broadsheet::term_over_time(corpus, terms, top[0].surface);
        row("`term_over_time` of the most frequent word", now_ms() - t);
    }

    broadsheet::DuplicateFinder dups;
    t = now_ms();
    for (size_t i = 0; i < ids.size(); ++i) dups.add(ids[i], corpus.articles()[i]);
    per_article_ms += now_ms() - t;
    row("`DuplicateFinder::add`, every article", now_ms() - t);
    t = now_ms();
    auto clusters = dups.clusters();
    std::snprintf(note, sizeof note, "%zu clusters", clusters.size());
    row("`DuplicateFinder::clusters`", now_ms() - t, note);

    broadsheet::EntityGraph graph;
    broadsheet::Citations citations;
    t = now_ms();
    for (size_t i = 0; i < ids.size(); ++i) {
        const auto& a = corpus.articles()[i];
        const broadsheet::Analysis an = broadsheet::analyze(a.text, a.language);
        graph.add(ids[i], a, an.entities);
        citations.add(ids[i], a, an);
    }
    per_article_ms += now_ms() - t;
    std::snprintf(note, sizeof note, "citations %.1f MB", double(citations.memory_bytes()) / (1 << 20));
    row("`analyze` + `EntityGraph::add` + `Citations::add`, every article", now_ms() - t, note);
    t = now_ms();
    auto speakers = citations.speakers(corpus);
    std::snprintf(note, sizeof note, "%zu speakers", speakers.size());
    row("`Citations::speakers`", now_ms() - t, note);
    t = now_ms();
    auto figures = citations.figures(corpus);
    std::snprintf(note, sizeof note, "%zu figures in 2+ articles", figures.size());
    row("`Citations::figures`", now_ms() - t, note);
    t = now_ms();
    auto net = graph.network(40, 120);
    std::snprintf(note, sizeof note, "%zu nodes, %zu links, %zu in most articles", net.nodes.size(),
                  net.edges.size(), net.everywhere.size());
    row("`network(40, 120)`", now_ms() - t, note);

    std::snprintf(note, sizeof note, "heap high-water mark %.0f MB", heap_mb());
    t = now_ms();
    for (size_t i = 0; i < ids.size(); ++i) terms.remove(ids[i], corpus.articles()[i]);
    row("`TermCounts::remove`, every article", now_ms() - t, note);
    const double mb = double(bytes) / (1 << 20);
    std::printf("\nanalysis of every article (the three adds): %.1f s for %.1f MB of text, %.2f s per MB (%.2f MB/s)\n",
                per_article_ms / 1000, mb, per_article_ms / 1000 / mb, mb / (per_article_ms / 1000));
    return 0;
}
