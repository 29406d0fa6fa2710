// Test helpers: reading files from ../shared (the samples and corpora shared by the project).
#pragma once

#include <fstream>
#include <sstream>
#include <string>

inline std::string shared_path(const std::string& rel) { return std::string(BROADSHEET_SHARED_DIR) + "/" + rel; }

// The file's bytes, or "" when it cannot be read (tests then fail with a message saying which).
inline std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}
