// The Broadsheet side of the peer benchmark (bench/peers/run.sh): the core, compiled to wasm, timed
// on the same corpus and queries as the npm search libraries, in the same node process tree.
//
//   peer_bench CORPUS.jsonl QUERIES.tsv OUT_DIR
//
// CORPUS.jsonl: one {"id", "title", "body"} object a line (run.mjs writes it).
// QUERIES.tsv:  TYPE <tab> QUERY, in Broadsheet's query language.
// Prints one JSON object a line: "build", "memory", "saved" (the index file is written to
// OUT_DIR/broadsheet.bsi for run.mjs to gzip), "load", then one "query" line per query with its
// timings in milliseconds. Only the work of the core is timed (parsing JSON lines is not, as the
// peers are not timed for JSON.parse either).
#include "broadsheet/index.hpp"
#include "broadsheet/search.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

namespace bs = broadsheet::search;
using nlohmann::json;
using Clock = std::chrono::steady_clock;

namespace {

double ms_since(Clock::time_point t) { return std::chrono::duration<double, std::milli>(Clock::now() - t).count(); }

void emit(const json& j) { std::printf("%s\n", j.dump().c_str()); std::fflush(stdout); }

std::string read_whole(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// Repetitions for a query: enough to fill about 200 ms, between 20 and 500.
int repetitions(double first_ms) {
    if (first_ms <= 0) return 500;
    return std::clamp(int(200.0 / first_ms), 20, 500);
}

} // namespace

int main(int argc, char** argv) {
    if (argc < 4) {
        std::fprintf(stderr, "usage: peer_bench CORPUS.jsonl QUERIES.tsv OUT_DIR\n");
        return 2;
    }
    std::vector<broadsheet::Article> articles;
    {
        std::istringstream lines(read_whole(argv[1]));
        std::string line;
        while (std::getline(lines, line)) {
            if (line.empty()) continue;
            json j = json::parse(line);
            broadsheet::Article a;
            a.id = j.value("id", "");
            a.title = j.value("title", "");
            a.text = j.value("body", "");
            articles.push_back(std::move(a));
        }
    }
    size_t text_bytes = 0;
    for (const auto& a : articles) text_bytes += a.title.size() + a.text.size();

    bs::Index index;
    auto t0 = Clock::now();
    for (const auto& a : articles) index.add(a, a.id);
    index.trim(); // as the app does at the end of every import
    double build_ms = ms_since(t0);
    emit({{"kind", "build"}, {"docs", articles.size()}, {"text_bytes", text_bytes}, {"ms", build_ms}});
    emit({{"kind", "memory"}, {"bytes", index.memory_bytes()}});

    std::string saved = bs::save_index(index);
    std::string out_path = std::string(argv[3]) + "/broadsheet.bsi";
    std::ofstream(out_path, std::ios::binary).write(saved.data(), std::streamsize(saved.size()));
    emit({{"kind", "saved"}, {"bytes", saved.size()}, {"path", out_path}});

    std::vector<double> loads;
    for (int i = 0; i < 7; ++i) {
        auto t = Clock::now();
        bs::LoadedIndex loaded = bs::load_index(saved);
        loads.push_back(ms_since(t));
        if (!loaded.ok()) {
            std::fprintf(stderr, "load failed: %s\n", loaded.error.c_str());
            return 1;
        }
    }
    std::sort(loads.begin(), loads.end());
    emit({{"kind", "load"}, {"ms", loads[loads.size() / 2]}});

    std::vector<std::pair<std::string, std::string>> queries; // type, query
    {
        std::istringstream lines(read_whole(argv[2]));
        std::string line;
        while (std::getline(lines, line))
            if (size_t tab = line.find('\t'); tab != std::string::npos) queries.emplace_back(line.substr(0, tab), line.substr(tab + 1));
    }
    bs::SearchOptions options;
    options.limit = 10;
    options.relax = false; // the peers do not retry an AND query as OR either
    // Warm-up, untimed, as in peer.mjs: every query over and over (at least 3 passes and 300 ms),
    // so that what is timed is the steady state: V8 runs wasm from a baseline compiler first and
    // optimizes hot functions in the background, and the query types timed first paid for it.
    const auto warm_up = Clock::now();
    for (int pass = 0; pass < 3 || ms_since(warm_up) < 300; ++pass)
        for (const auto& [type, q] : queries) bs::search(index, q, options);

    for (const auto& [type, q] : queries) {
        bs::Query parsed = bs::parse_query(q, index, options.parse);
        size_t count = bs::search_exhaustive(index, parsed, options.ranking).size();
        auto t = Clock::now();
        auto r = bs::search(index, q, options); // warm-up, and the repetition count
        int reps = repetitions(ms_since(t));
        std::vector<double> samples;
        samples.reserve(size_t(reps));
        size_t hits = r.hits.size();
        for (int i = 0; i < reps; ++i) {
            auto s = Clock::now();
            hits = bs::search(index, q, options).hits.size();
            samples.push_back(ms_since(s));
        }
        emit({{"kind", "query"}, {"type", type}, {"query", q}, {"count", count}, {"hits", hits}, {"ms", samples}});
    }
    // A second build, of a new index, last in the process (as in peer.mjs): the first ran while
    // V8 compiled the code (wasm starts in a baseline compiler and hot functions are optimized in
    // the background), this one runs the optimized code, as a second import in an open page does.
    {
        bs::Index again;
        auto t = Clock::now();
        for (const auto& a : articles) again.add(a, a.id);
        again.trim();
        emit({{"kind", "rebuild"}, {"ms", ms_since(t)}});
    }
    return 0;
}
