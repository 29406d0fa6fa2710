// Test helpers: reading files from ../shared (the samples and corpora shared by the project).
#pragma once

#include "broadsheet/import.hpp"

#include <doctest/doctest.h>

#include <cstdio>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

inline std::string shared_path(const std::string& rel) { return std::string(BROADSHEET_SHARED_DIR) + "/" + rel; }

// The file's bytes, or "" when it cannot be read (tests then fail with a message saying which).
inline std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// Records of Reuters-21578 (../shared/corpora, gzipped JSON lines): the first `first` lines and
// any line whose id is in `ids`. Empty where the corpus or gzip is missing (wasm: no processes).
inline std::vector<broadsheet::Article> reuters(size_t first, const std::set<std::string>& ids = {}) {
    std::string lines;
#ifndef __EMSCRIPTEN__
    std::string command = "gzip -dc '" + shared_path("corpora/reuters21578.jsonl.gz") + "' 2>/dev/null";
    if (FILE* p = popen(command.c_str(), "r")) {
        std::string line;
        size_t n = 0;
        char buf[1 << 16];
        while (fgets(buf, sizeof buf, p)) {
            line += buf;
            if (line.empty() || line.back() != '\n') continue;
            bool wanted = n++ < first;
            for (const auto& id : ids)
                wanted = wanted || line.find("\"id\": \"" + id + "\"") != std::string::npos;
            if (wanted) lines += line;
            line.clear();
        }
        pclose(p);
    }
#endif
    if (lines.empty()) return {};
    auto r = broadsheet::import_file("reuters.jsonl", lines);
    return r.ok() ? r.articles : std::vector<broadsheet::Article>{};
}

// True (with a message saying why) when the Reuters records could not be read.
inline bool skipped(const std::vector<broadsheet::Article>& news) {
    if (!news.empty()) return false;
    MESSAGE("skipped: Reuters-21578 not readable under ", BROADSHEET_SHARED_DIR);
    return true;
}
