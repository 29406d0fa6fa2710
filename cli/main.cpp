// broadsheet: the command-line tool over the core.
//
//   broadsheet extract [--format jsonl] PATH...   one JSON object per article per line on stdout;
//                                a folder is read recursively, "-" is stdin; per-file errors and
//                                warnings on stderr; exit 0 all imported, 1 some failed, 2 usage
//   broadsheet analyze PATH... [--json] [--corpus]   per article, then the corpus (cli/analyze.cpp)
//   broadsheet index / search / concordance   a saved search index (cli/search.cpp)
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

int run_analyze(const std::vector<std::string>& args); // cli/analyze.cpp
int run_index(const std::vector<std::string>& args);   // cli/search.cpp
int run_bundle(const std::vector<std::string>& args);  // cli/search.cpp
int run_search(const std::vector<std::string>& args);  // cli/search.cpp
int run_concordance(const std::vector<std::string>& args); // cli/search.cpp

namespace {

constexpr const char* kUsage = R"(usage: broadsheet COMMAND [ARGS]

commands:
  extract [--format jsonl] PATH...
                    print each article found in the files (folders are read recursively, "-"
                    reads stdin) as one JSON object per line: file, id, title, standfirst,
                    byline (names joined with "; "), date, source, url, lang, text (paragraphs
                    joined by blank lines), paragraphs (byte ranges [begin, end) into text),
                    encoding, words; problems with a file are reported on stderr naming it;
                    exit status 0 when every file imported, 1 when some failed, 2 on usage errors
  analyze PATH... [--json] [--corpus]
                    print each article's entities (name, kind, count, mentions), quotes (text,
                    speaker, cue, attribution) and numbers (value, unit, comparative); with
                    --json, one JSON object per article per line, spans as byte ranges into text;
                    --corpus adds the corpus as a whole: frequent terms, n-grams, articles over
                    time, near-duplicate clusters, who is quoted (with their quotes) and the
                    figures cited in more than one article
  index OUT.bsi PATH...
                    build a search index of the articles in the files (folders recursively)
                    and save it, with the articles, to OUT.bsi
  bundle OUT_FOLDER FOLDER
                    the articles of a folder for the web app to ship with (build-wasm.sh
                    --corpus): OUT_FOLDER/articles.jsonl (the app's storage format) and
                    OUT_FOLDER/index.bsi (their index)
  search INDEX.bsi "QUERY" [-n 10] [--sort relevance|newest|oldest] [--facets] [--json] [--any] [--typing]
                    the best matches (or the newest or oldest; undated last): rank, title, id,
                    score and a snippet with [highlights], then how many articles match
                    (--json: one object per hit); --facets: then every match counted by source,
                    year and month (--json: one more object, "facets"). Query language: words (all must match;
                    --any: any), OR, NOT or -word, "phrases" (their stopwords read in the
                    saved articles), "words near"~5 or a NEAR/5 b (any order, at most 5
                    words between; NEAR alone: 10), prefix*, colo*r and organi?ation
                    (wildcards anywhere in a word: * any letters, ? one), word~1 / word~2 (typos),
                    title: by: source: fields, source:="NAME" (that source exactly;
                    "" none), date:2014-01..2014-06 (date:none: undated), parentheses
  search INDEX.bsi --batch QUERIES.tsv --trec TAG [-n 1000] [--syntax] [--all]
                    a TREC run (qid Q0 docid rank score TAG) for each "qid<TAB>text" line;
                    topics are read as plain words, any of which may match
  concordance INDEX.bsi "QUERY" [-n 1000] [--context 40] [--sort library|before|after] [--json]
                    every match of the query in the saved articles, one line each with up to
                    --context bytes of text either side and the article's id (keyword in
                    context), in the order the articles were added or sorted by the word before
                    or after the match (--json: one object per line with id, title, field,
                    left, match, right and the match's byte range in the field's text)
)";

json to_json(const broadsheet::Article& a) {
    json paragraphs = json::array();
    for (const auto& p : a.paragraphs) paragraphs.push_back({p.begin, p.end});
    std::string byline;
    for (const auto& name : a.byline) byline += (byline.empty() ? "" : "; ") + name;
    return {{"file", a.file},       {"id", a.id},           {"title", a.title},
            {"standfirst", a.standfirst}, {"byline", byline}, {"date", a.date},
            {"source", a.source},   {"url", a.url},         {"lang", a.language},
            {"text", a.text},       {"paragraphs", paragraphs}, {"encoding", a.encoding},
            {"words", a.word_count}};
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

// Reads all of stdin, or up to one byte past the import limit (which then refuses it).
std::string read_stdin() {
    std::string bytes;
    char buf[1 << 16];
    while (bytes.size() <= broadsheet::kMaxImportBytes) {
        size_t n = std::fread(buf, 1, sizeof buf, stdin);
        if (n == 0) break;
        bytes.append(buf, n);
    }
    return bytes;
}

broadsheet::ImportResult import_path(const fs::path& path) {
    std::string name = path.string();
    std::error_code ec;
    auto size = fs::file_size(path, ec);
    if (!ec && size > broadsheet::kMaxImportBytes) {
        // Refuse before reading it all into memory.
        broadsheet::ImportResult r;
        r.file = name;
        r.error = "the file is too large (" + std::to_string(size >> 20) + " MB; the limit is " +
                  std::to_string(broadsheet::kMaxImportBytes >> 20) + " MB)";
        return r;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        broadsheet::ImportResult r;
        r.file = name;
        r.error = "cannot open the file";
        return r;
    }
    // One buffer of the file's size: a stream copy would hold the file twice.
    std::string bytes(ec ? 0 : size, '\0');
    in.read(bytes.data(), std::streamsize(bytes.size()));
    bytes.resize(size_t(in.gcount()));
    if (ec) {
        std::ostringstream rest;
        rest << in.rdbuf();
        bytes = rest.str();
    }
    return broadsheet::import_file(name, bytes);
}

int extract(const std::vector<std::string>& args) {
    std::vector<std::string> paths;
    for (size_t i = 0; i < args.size(); ++i) {
        if (args[i] == "--format") {
            if (i + 1 >= args.size() || args[i + 1] != "jsonl") {
                std::cerr << "broadsheet extract: --format takes 'jsonl' (the only format)\n";
                return 2;
            }
            ++i;
        } else if (args[i].starts_with("--format=")) {
            if (args[i] != "--format=jsonl") {
                std::cerr << "broadsheet extract: --format takes 'jsonl' (the only format)\n";
                return 2;
            }
        } else if (args[i].size() > 1 && args[i][0] == '-' && args[i] != "--") {
            std::cerr << "broadsheet extract: unknown option '" << args[i] << "'\n\n" << kUsage;
            return 2;
        } else if (args[i] != "--") {
            paths.push_back(args[i]);
        }
    }
    if (paths.empty()) {
        std::cerr << "broadsheet extract: give at least one file or folder (or - for stdin)\n";
        return 2;
    }
    int failures = 0;
    std::vector<std::string> on_disk;
    auto report = [&](const broadsheet::ImportResult& r) {
        for (const auto& w : r.warnings) std::cerr << r.file << ": warning: " << w << '\n';
        if (!r.ok()) {
            std::cerr << r.file << ": error: " << r.error << '\n';
            ++failures;
            return;
        }
        for (const auto& a : r.articles)
            std::cout << to_json(a).dump(-1, ' ', false, json::error_handler_t::replace) << '\n';
    };
    for (const auto& p : paths) {
        if (p == "-") {
            report(broadsheet::import_file("-", read_stdin()));
            continue;
        }
        for (const auto& path : expand({p}, failures)) report(import_path(path));
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
        return extract(args);
    }
    if (command == "analyze") return run_analyze(args);
    if (command == "index") return run_index(args);
    if (command == "bundle") return run_bundle(args);
    if (command == "search") return run_search(args);
    if (command == "concordance") return run_concordance(args);
    std::cerr << "broadsheet: unknown command '" << command << "'\n\n" << kUsage;
    return 2;
}
