// extract_bench: how long HTML extraction takes per page (decode + parse + main content +
// metadata, i.e. broadsheet::import_file), natively or as wasm under node.
//
//   extract_bench FOLDER [ROUNDS]
//
// Reads every file in FOLDER into memory first, runs one warm-up round, then ROUNDS (default 3)
// timed rounds; each page's time is its median over the rounds. Prints the median, 90th
// percentile and mean of those per-page times in milliseconds, and the total size.
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

namespace fs = std::filesystem;

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: extract_bench FOLDER [ROUNDS]\n");
        return 2;
    }
    int rounds = argc > 2 ? std::max(1, std::atoi(argv[2])) : 3;
    std::vector<std::pair<std::string, std::string>> pages;
    size_t bytes = 0;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(argv[1], ec)) {
        if (!entry.is_regular_file()) continue;
        std::ifstream in(entry.path(), std::ios::binary);
        std::ostringstream s;
        s << in.rdbuf();
        bytes += s.str().size();
        pages.emplace_back(entry.path().filename().string(), s.str());
    }
    if (ec || pages.empty()) {
        std::fprintf(stderr, "extract_bench: no files in %s\n", argv[1]);
        return 1;
    }
    std::sort(pages.begin(), pages.end());
    size_t failed = 0;
    for (const auto& [name, text] : pages)
        failed += !broadsheet::import_file(name, text).ok(); // warm-up
    std::vector<std::vector<double>> times(pages.size());
    for (int r = 0; r < rounds; ++r) {
        for (size_t i = 0; i < pages.size(); ++i) {
            auto start = std::chrono::steady_clock::now();
            auto result = broadsheet::import_file(pages[i].first, pages[i].second);
            auto ms =
                std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
                    .count();
            if (result.articles.size() > 1000000) std::puts(""); // keep the result alive
            times[i].push_back(ms);
        }
    }
    std::vector<double> per_page;
    for (auto& t : times) {
        std::sort(t.begin(), t.end());
        per_page.push_back(t[t.size() / 2]);
    }
    std::sort(per_page.begin(), per_page.end());
    double total = 0;
    for (double t : per_page) total += t;
    std::printf("%zu pages, %.1f MB, %d rounds: median %.2f ms/page, p90 %.2f ms, mean %.2f ms "
                "(%zu without text)\n",
                pages.size(), double(bytes) / (1 << 20), rounds, per_page[per_page.size() / 2],
                per_page[per_page.size() * 9 / 10], total / double(per_page.size()), failed);
    return 0;
}
