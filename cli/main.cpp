// broadsheet: the command-line tool over the core.
//
//   broadsheet extract PATH...   one JSON object per article per line on stdout; a folder is read
//                                recursively; per-file errors and warnings on stderr
#include "broadsheet/import.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

constexpr const char* kUsage = R"(usage: broadsheet COMMAND [ARGS]

commands:
  extract PATH...   print each article found in the files (folders are read recursively) as
                    one JSON object per line: file, title, standfirst, byline, date, source,
                    encoding, text, paragraphs (byte ranges [begin, end) into text)
                    problems with a file are reported on stderr; the exit status is 1 if any
                    file could not be imported
)";

json to_json(const broadsheet::Article& a) {
    json paragraphs = json::array();
    for (const auto& p : a.paragraphs) paragraphs.push_back({p.begin, p.end});
    return {{"file", a.file},         {"title", a.title},   {"standfirst", a.standfirst},
            {"byline", a.byline},     {"date", a.date},     {"source", a.source},
            {"encoding", a.encoding}, {"text", a.text},     {"paragraphs", paragraphs}};
}

// Expands folders into their files, sorted so the output order is stable.
std::vector<fs::path> expand(const std::vector<std::string>& args, int& failures) {
    std::vector<fs::path> files;
    for (const auto& arg : args) {
        std::error_code ec;
        if (fs::is_directory(arg, ec)) {
            std::vector<fs::path> found;
            for (auto it = fs::recursive_directory_iterator(arg, ec);
                 !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
                if (it->is_regular_file(ec)) found.push_back(it->path());
            }
            std::sort(found.begin(), found.end());
            files.insert(files.end(), found.begin(), found.end());
        } else if (fs::exists(arg, ec)) {
            files.emplace_back(arg);
        } else {
            std::cerr << arg << ": error: no such file or folder\n";
            ++failures;
        }
    }
    return files;
}

int extract(const std::vector<std::string>& args) {
    int failures = 0;
    for (const auto& path : expand(args, failures)) {
        std::string name = path.string();
        std::error_code ec;
        auto size = fs::file_size(path, ec);
        broadsheet::ImportResult r;
        if (!ec && size > broadsheet::kMaxImportBytes) {
            // Refuse before reading it all into memory.
            r = broadsheet::import_file(name, std::string_view());
            r.error = "the file is too large (" + std::to_string(size >> 20) +
                      " MB; the limit is " + std::to_string(broadsheet::kMaxImportBytes >> 20) + " MB)";
        } else {
            std::ifstream in(path, std::ios::binary);
            if (!in) {
                std::cerr << name << ": error: cannot open the file\n";
                ++failures;
                continue;
            }
            std::ostringstream bytes;
            bytes << in.rdbuf();
            r = broadsheet::import_file(name, bytes.str());
        }
        for (const auto& w : r.warnings) std::cerr << name << ": warning: " << w << '\n';
        if (!r.ok()) {
            std::cerr << name << ": error: " << r.error << '\n';
            ++failures;
            continue;
        }
        for (const auto& a : r.articles)
            std::cout << to_json(a).dump(-1, ' ', false, json::error_handler_t::replace) << '\n';
    }
    return failures ? 1 : 0;
}

} // namespace

int main(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty() || args[0] == "-h" || args[0] == "--help") {
        std::fputs(kUsage, args.empty() ? stderr : stdout);
        return args.empty() ? 2 : 0;
    }
    std::string command = args[0];
    args.erase(args.begin());
    if (command == "extract") {
        if (args.empty()) {
            std::cerr << "broadsheet extract: give at least one file or folder\n";
            return 2;
        }
        return extract(args);
    }
    std::cerr << "broadsheet: unknown command '" << command << "'\n\n" << kUsage;
    return 2;
}
