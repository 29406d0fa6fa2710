// broadsheet index / search: building a saved index from files, and querying it.
//
//   broadsheet index OUT.bsi PATH...
//   broadsheet bundle OUT_FOLDER FOLDER
//   broadsheet search INDEX.bsi "QUERY" [-n 10] [--sort relevance|newest|oldest] [--facets] [--json] [--any] [--typing]
//   broadsheet search INDEX.bsi --batch QUERIES.tsv --trec TAG [-n 1000] [--syntax] [--all]
//   broadsheet concordance INDEX.bsi "QUERY" [-n 1000] [--context 40] [--sort library|before|after] [--json]
//
// A document's id (the TREC docid) is the article's own id from JSON input (`id`/`_id`), else the
// file name (with "#2", "#3"... for further articles of one file).
#include "broadsheet/article_json.hpp"
#include "broadsheet/corpus.hpp"
#include "broadsheet/import.hpp"
#include "broadsheet/index.hpp"
#include "broadsheet/search.hpp"
#include "broadsheet/snippet.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;
namespace bs = broadsheet::search;
using nlohmann::json;

namespace {

bool is_blank(std::string_view s) { return s.find_first_not_of(" \t") == std::string_view::npos; }

bool read_whole(const fs::path& path, std::string& out) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return false;
    std::ostringstream s;
    s << in.rdbuf();
    out = s.str();
    return bool(in) || in.eof();
}

// The files named, folders read recursively in a stable (sorted) order.
std::vector<fs::path> expand_paths(const std::vector<std::string>& args, int& failures) {
    std::vector<fs::path> files;
    for (const auto& arg : args) {
        std::error_code ec;
        if (fs::is_directory(arg, ec)) {
            std::vector<fs::path> found;
            for (auto it = fs::recursive_directory_iterator(arg, ec); !ec && it != fs::recursive_directory_iterator();
                 it.increment(ec))
                if (it->is_regular_file(ec)) found.push_back(it->path());
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

} // namespace

namespace {

// Every article in the files named (folders recursively), indexed in file order.
struct Imported {
    bs::Index index;
    std::vector<broadsheet::Article> articles; // articles[doc] for each DocId
    size_t text_bytes = 0, files_read = 0;
    int failures = 0;
};

// `relative_to`: when not empty, each article's `file` is its path relative to that folder
// (what a bundle shows its readers) instead of the path as given.
void import_paths(const std::vector<std::string>& inputs, Imported& out, const fs::path& relative_to = {}) {
    for (const auto& path : expand_paths(inputs, out.failures)) {
        std::string name = path.string(), bytes;
        std::error_code ec;
        if (auto size = fs::file_size(path, ec); !ec && size > broadsheet::kMaxImportBytes) {
            std::cerr << name << ": error: the file is too large\n";
            ++out.failures;
            continue;
        }
        if (!read_whole(path, bytes)) {
            std::cerr << name << ": error: cannot read the file\n";
            ++out.failures;
            continue;
        }
        if (!relative_to.empty()) name = path.lexically_relative(relative_to).generic_string();
        auto r = broadsheet::import_file(name, bytes);
        for (const auto& w : r.warnings) std::cerr << name << ": warning: " << w << '\n';
        if (!r.ok()) {
            std::cerr << name << ": error: " << r.error << '\n';
            ++out.failures;
            continue;
        }
        ++out.files_read;
        std::string file_key = path.filename().string();
        for (size_t i = 0; i < r.articles.size(); ++i) {
            if (out.articles.size() >= broadsheet::kMaxArticles) {
                std::cerr << name << ": error: an index holds at most " << broadsheet::kMaxArticles << " articles: "
                          << r.articles.size() - i << " of this file's " << r.articles.size()
                          << " were not added\n";
                ++out.failures;
                break;
            }
            auto& a = r.articles[i];
            std::string key = !a.id.empty() ? a.id : i == 0 ? file_key : file_key + "#" + std::to_string(i + 1);
            out.index.add(a, key);
            out.text_bytes += a.title.size() + a.standfirst.size() + a.text.size();
            out.articles.push_back(std::move(a));
        }
    }
}

bool write_file(const fs::path& path, std::string_view bytes) {
    std::ofstream out(path, std::ios::binary);
    if (out.write(bytes.data(), std::streamsize(bytes.size()))) return true;
    std::cerr << path.string() << ": error: cannot write the file\n";
    return false;
}

double seconds_since(std::chrono::steady_clock::time_point started) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
}

} // namespace

int run_index(const std::vector<std::string>& args) {
    if (args.size() < 2) {
        std::cerr << "usage: broadsheet index OUT.bsi PATH...\n";
        return 2;
    }
    const auto started = std::chrono::steady_clock::now();
    Imported in;
    import_paths({args.begin() + 1, args.end()}, in);
    if (in.articles.empty() && in.failures) { // nothing could be read: no empty index over a good one
        std::cerr << args[0] << ": not written: no article was read\n";
        return 1;
    }
    std::vector<const broadsheet::Article*> stored;
    for (const auto& a : in.articles) stored.push_back(&a);
    std::string file = bs::save_index(in.index, stored);
    if (!write_file(args[0], file)) return 1;
    std::fprintf(stderr, "indexed %zu articles from %zu files (%.1f MB of text) in %.2f s; %s: %.1f MB\n",
                 in.index.size(), in.files_read, double(in.text_bytes) / 1e6, seconds_since(started),
                 args[0].c_str(), double(file.size()) / 1e6);
    return in.failures ? 1 : 0;
}

// A corpus for the web app to ship with (build-wasm.sh --corpus): OUT/articles.jsonl holds the
// articles in the app's storage format (broadsheet/article_json.hpp), one per line in DocId order,
// and OUT/index.bsi their index without the articles, so the page loads both without re-importing
// or re-indexing. Article files are named relative to the folder given.
int run_bundle(const std::vector<std::string>& args) {
    if (args.size() != 2 || !fs::is_directory(args[1])) {
        std::cerr << "usage: broadsheet bundle OUT_FOLDER FOLDER\n";
        return 2;
    }
    const auto started = std::chrono::steady_clock::now();
    Imported in;
    import_paths({args[1]}, in, fs::path(args[1]));
    std::string lines;
    for (const auto& a : in.articles) lines += broadsheet::article_to_json(a) + '\n';
    std::string index = bs::save_index(in.index);
    std::error_code ec;
    fs::create_directories(args[0], ec);
    if (!write_file(fs::path(args[0]) / "articles.jsonl", lines) || !write_file(fs::path(args[0]) / "index.bsi", index))
        return 1;
    std::fprintf(stderr, "bundled %zu articles from %zu files (%.1f MB of text) in %.2f s: articles %.1f MB, index %.1f MB\n",
                 in.articles.size(), in.files_read, double(in.text_bytes) / 1e6, seconds_since(started),
                 double(lines.size()) / 1e6, double(index.size()) / 1e6);
    return in.failures ? 1 : 0;
}

namespace {

// Reads and loads a saved index; a file that cannot be read or is refused is reported on stderr
// naming it, and the result is not ok().
bs::LoadedIndex load_saved_index(const std::string& path) {
    std::string bytes;
    if (!read_whole(path, bytes)) {
        std::cerr << path << ": error: cannot read the index\n";
        bs::LoadedIndex failed;
        failed.error = "cannot read the index";
        return failed;
    }
    bs::LoadedIndex loaded = bs::load_index(bytes);
    if (!loaded.ok()) std::cerr << path << ": error: " << loaded.error << '\n';
    return loaded;
}

void print_messages(const std::vector<bs::QueryMessage>& messages, std::string_view label) {
    for (const auto& m : messages) std::cerr << label << ": at " << m.position << ": " << m.text << '\n';
}

json snippet_json(const broadsheet::Article& a, const bs::Snippet& s) {
    std::string_view t = bs::field_text(a, s.field).substr(s.passage.begin, s.passage.size());
    json hl = json::array();
    for (auto r : s.highlights) hl.push_back({r.begin - s.passage.begin, r.end - s.passage.begin});
    return {{"field", bs::field_name(s.field)}, {"text", t}, {"highlights", hl},
            {"cut_before", s.cut_before}, {"cut_after", s.cut_after}};
}

// The passage with [highlights] in brackets, on one line.
std::string snippet_text(const broadsheet::Article& a, const bs::Snippet& s) {
    std::string_view t = bs::field_text(a, s.field);
    std::string out = s.cut_before ? "..." : "";
    uint32_t at = s.passage.begin;
    for (auto r : s.highlights) {
        out.append(t.substr(at, r.begin - at));
        out += '[';
        out.append(t.substr(r.begin, r.size()));
        out += ']';
        at = r.end;
    }
    out.append(t.substr(at, s.passage.end - at));
    if (s.cut_after) out += "...";
    std::replace(out.begin(), out.end(), '\n', ' ');
    return out;
}

int batch(const bs::LoadedIndex& loaded, const std::string& queries_path, const std::string& tag, size_t limit,
          const bs::ParseOptions& parse) {
    std::string text;
    if (!read_whole(queries_path, text)) {
        std::cerr << queries_path << ": error: cannot read the queries\n";
        return 1;
    }
    bs::SearchOptions options;
    options.limit = limit;
    options.parse = parse;
    options.article = [&loaded](bs::DocId d) { return d < loaded.articles.size() ? &loaded.articles[d] : nullptr; };
    std::istringstream lines(text);
    std::string line;
    for (size_t number = 1; std::getline(lines, line); ++number) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.empty()) continue;
        size_t tab = line.find('\t');
        if (tab == std::string::npos || tab == 0 || is_blank(std::string_view(line).substr(tab + 1))) {
            std::cerr << queries_path << ":" << number << ": warning: not 'ID<tab>QUERY', skipped\n";
            continue;
        }
        std::string qid = line.substr(0, tab);
        if (qid == "query-id" || qid == "qid") continue; // a header row
        auto r = bs::search(*loaded.index, std::string_view(line).substr(tab + 1), options);
        print_messages(r.messages, "query " + qid);
        for (size_t i = 0; i < r.hits.size(); ++i)
            std::printf("%s Q0 %s %zu %.6f %s\n", qid.c_str(), std::string(loaded.index->key(r.hits[i].doc)).c_str(),
                        i + 1, r.hits[i].score, tag.c_str());
    }
    return 0;
}

// The matches by source, year and month: after the hits, a line each (--json: one object).
void print_facets(const bs::Facets& f, bool as_json) {
    if (as_json) {
        auto values = [](const std::vector<bs::FacetValue>& list) {
            json out = json::array();
            for (const auto& v : list) out.push_back({{"value", v.value}, {"count", v.count}});
            return out;
        };
        json j = {{"facets",
                   {{"sources", values(f.sources)}, {"without_source", f.without_source}, {"years", values(f.years)},
                    {"months", values(f.months)}, {"undated", f.undated}}}};
        std::cout << j.dump(-1, ' ', false, json::error_handler_t::replace) << '\n';
        return;
    }
    auto line = [](const char* name, const std::vector<bs::FacetValue>& list, const char* rest_name, uint32_t rest) {
        std::string text;
        for (const auto& v : list) text += (text.empty() ? "" : ", ") + v.value + " " + std::to_string(v.count);
        if (rest) text += (text.empty() ? "" : "; ") + std::to_string(rest) + " " + rest_name;
        std::printf("%s: %s\n", name, text.empty() ? "-" : text.c_str());
    };
    line("sources", f.sources, "without a source", f.without_source);
    line("years", f.years, "undated", f.undated);
    line("months", f.months, "", 0);
}

} // namespace

int run_search(const std::vector<std::string>& args) {
    const char* usage =
        "usage: broadsheet search INDEX.bsi \"QUERY\" [-n 10] [--sort relevance|newest|oldest] [--facets] [--json] [--any] [--typing]\n"
        "       broadsheet search INDEX.bsi --batch QUERIES.tsv --trec TAG [-n 1000] [--syntax] [--all]\n";
    if (args.empty()) {
        std::cerr << usage;
        return 2;
    }
    std::string index_path = args[0], query, batch_path, tag;
    bool as_json = false, any = false, typing = false, syntax = false, all = false, have_query = false, facets = false;
    long limit = -1;
    bs::ResultOrder order = bs::ResultOrder::Relevance;
    for (size_t i = 1; i < args.size(); ++i) {
        const std::string& a = args[i];
        auto value = [&](const char* flag) -> const std::string* {
            if (i + 1 >= args.size()) {
                std::cerr << "broadsheet search: " << flag << " needs a value\n";
                return nullptr;
            }
            return &args[++i];
        };
        if (a == "-n") {
            const std::string* v = value("-n");
            if (!v) return 2;
            try {
                limit = std::stol(*v);
            } catch (const std::exception&) {
                limit = -1;
            }
            if (limit <= 0) {
                std::cerr << "broadsheet search: -n needs a positive number\n";
                return 2;
            }
        } else if (a == "--sort") {
            const std::string* v = value("--sort");
            if (!v) return 2;
            if (*v == "relevance") order = bs::ResultOrder::Relevance;
            else if (*v == "newest") order = bs::ResultOrder::Newest;
            else if (*v == "oldest") order = bs::ResultOrder::Oldest;
            else {
                std::cerr << "broadsheet search: --sort is relevance, newest or oldest, not '" << *v << "'\n";
                return 2;
            }
        } else if (a == "--json") as_json = true;
        else if (a == "--facets") facets = true;
        else if (a == "--any") any = true;
        else if (a == "--all") all = true;
        else if (a == "--typing") typing = true;
        else if (a == "--syntax") syntax = true;
        else if (a == "--batch") {
            const std::string* v = value("--batch");
            if (!v) return 2;
            batch_path = *v;
        } else if (a == "--trec") {
            const std::string* v = value("--trec");
            if (!v) return 2;
            tag = *v;
        } else if (!have_query) {
            query = a;
            have_query = true;
        } else {
            std::cerr << "broadsheet search: unexpected argument '" << a << "'\n" << usage;
            return 2;
        }
    }
    if (batch_path.empty() == !have_query) {
        std::cerr << usage;
        return 2;
    }
    bs::LoadedIndex loaded = load_saved_index(index_path);
    if (!loaded.ok()) return 1;
    if (!batch_path.empty()) {
        // Topics are natural-language text: plain words, any of them, unless told otherwise.
        bs::ParseOptions parse;
        parse.syntax = syntax;
        parse.match_all = all;
        return batch(loaded, batch_path, tag.empty() ? "broadsheet" : tag, limit > 0 ? size_t(limit) : 1000, parse);
    }

    bs::SearchOptions options;
    options.limit = limit > 0 ? size_t(limit) : 10;
    options.parse.match_all = !any;
    options.parse.as_you_type = typing;
    options.order = order;
    options.count = true;
    options.facets = facets;
    options.article = [&loaded](bs::DocId d) { return d < loaded.articles.size() ? &loaded.articles[d] : nullptr; };
    auto r = bs::search(*loaded.index, query, options);
    print_messages(r.messages, "query");
    json hits = json::array();
    for (size_t i = 0; i < r.hits.size(); ++i) {
        const bs::Hit& h = r.hits[i];
        const broadsheet::Article* a = h.doc < loaded.articles.size() ? &loaded.articles[h.doc] : nullptr;
        std::string key(loaded.index->key(h.doc));
        if (as_json) {
            json j = {{"rank", i + 1}, {"id", key}, {"score", h.score}};
            if (a) {
                j["title"] = a->title;
                j["date"] = a->date;
                j["snippet"] = snippet_json(*a, bs::make_snippet(*a, r.matched, loaded.index->analyzer_of(h.doc)));
            }
            std::cout << j.dump(-1, ' ', false, json::error_handler_t::replace) << '\n';
        } else {
            std::printf("%zu. %s  [%s]  %.4f\n", i + 1, a ? a->title.c_str() : "", key.c_str(), h.score);
            if (a) std::printf("   %s\n", snippet_text(*a, bs::make_snippet(*a, r.matched, loaded.index->analyzer_of(h.doc))).c_str());
        }
    }
    if (!as_json) {
        if (r.hits.empty()) std::printf("no matches\n");
        else if (r.total) std::printf("%zu of %zu matching article%s%s\n", r.hits.size(), *r.total, *r.total == 1 ? "" : "s",
                                      r.relaxed ? " (any of the words)" : "");
    }
    if (r.facets) print_facets(*r.facets, as_json);
    return 0;
}

// broadsheet concordance: every match of a query across the saved articles, one line each with
// its context (keyword in context), in the order the articles were added or sorted by the word
// before or after the match.
int run_concordance(const std::vector<std::string>& args) {
    const char* usage =
        "usage: broadsheet concordance INDEX.bsi \"QUERY\" [-n 1000] [--context 40] [--sort library|before|after] [--json]\n";
    if (args.size() < 2) {
        std::cerr << usage;
        return 2;
    }
    std::string index_path = args[0], query, sort = "library";
    bool as_json = false, have_query = false;
    long limit = 1000, context = 40;
    for (size_t i = 1; i < args.size(); ++i) {
        const std::string& a = args[i];
        auto number = [&](const char* flag, long& out) {
            if (i + 1 >= args.size()) {
                std::cerr << "broadsheet concordance: " << flag << " needs a value\n";
                return false;
            }
            const std::string& v = args[++i];
            size_t used = 0;
            try {
                out = std::stol(v, &used);
            } catch (const std::exception&) {
                out = -1;
            }
            if (used != v.size() || out <= 0 || out > 100000000) {
                std::cerr << "broadsheet concordance: " << flag << " needs a positive number\n";
                return false;
            }
            return true;
        };
        if (a == "-n") {
            if (!number("-n", limit)) return 2;
        } else if (a == "--context") {
            if (!number("--context", context)) return 2;
        } else if (a == "--sort") {
            if (i + 1 >= args.size() || (args[i + 1] != "library" && args[i + 1] != "before" && args[i + 1] != "after")) {
                std::cerr << "broadsheet concordance: --sort takes library, before or after\n";
                return 2;
            }
            sort = args[++i];
        } else if (a == "--json") {
            as_json = true;
        } else if (a.size() > 1 && a[0] == '-' && a[1] == '-') {
            std::cerr << "broadsheet concordance: unknown option '" << a << "'\n" << usage;
            return 2;
        } else if (!have_query) {
            query = a;
            have_query = true;
        } else {
            std::cerr << "broadsheet concordance: unexpected argument '" << a << "'\n" << usage;
            return 2;
        }
    }
    if (!have_query) {
        std::cerr << usage;
        return 2;
    }
    bs::LoadedIndex loaded = load_saved_index(index_path);
    if (!loaded.ok()) return 1;
    if (loaded.articles.empty() && loaded.index->size() > 0) {
        std::cerr << index_path << ": error: the index holds no article text to show lines from "
                                   "(make one with 'broadsheet index')\n";
        return 1;
    }
    auto article_of = [&](bs::DocId d) -> const broadsheet::Article* {
        return d < loaded.articles.size() ? &loaded.articles[d] : nullptr;
    };
    std::vector<bs::QueryMessage> messages;
    std::vector<bs::ConcordanceLine> lines =
        bs::concordance(*loaded.index, query, article_of, size_t(context), size_t(limit), {}, &messages);
    print_messages(messages, "query");
    auto text_of = [&](const bs::ConcordanceLine& l) { return bs::field_text(loaded.articles[l.doc], l.field); };
    if (sort != "library") {
        const bool before = sort == "before";
        std::vector<std::pair<std::string, size_t>> keys;
        for (size_t i = 0; i < lines.size(); ++i) keys.emplace_back(bs::concordance_word(text_of(lines[i]), lines[i], before, 3), i);
        std::stable_sort(keys.begin(), keys.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
        std::vector<bs::ConcordanceLine> sorted;
        for (const auto& k : keys) sorted.push_back(lines[k.second]);
        lines = std::move(sorted);
    }
    auto piece = [&](const bs::ConcordanceLine& l, broadsheet::ByteRange r) {
        return bs::concordance_text(text_of(l).substr(r.begin, r.size()));
    };
    // Code points, for lining the matches up in a terminal (wide characters take two columns
    // there; close enough for a listing).
    auto columns = [](const std::string& s) {
        return size_t(std::count_if(s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
    };
    size_t widest = 0;
    if (!as_json)
        for (const auto& l : lines) widest = std::max(widest, columns(piece(l, l.left)));
    for (const auto& l : lines) {
        const broadsheet::Article& a = loaded.articles[l.doc];
        std::string key(loaded.index->key(l.doc)), left = piece(l, l.left), match = piece(l, l.match), right = piece(l, l.right);
        if (as_json) {
            json j = {{"id", key}, {"title", a.title}, {"field", bs::field_name(l.field)}, {"left", left}, {"match", match},
                      {"right", right}, {"begin", l.match.begin}, {"end", l.match.end}};
            std::cout << j.dump(-1, ' ', false, json::error_handler_t::replace) << '\n';
        } else {
            std::printf("%s%s [%s]%s   (%s)\n", std::string(widest - columns(left), ' ').c_str(), left.c_str(), match.c_str(),
                        right.c_str(), key.c_str());
        }
    }
    if (!as_json && lines.empty()) std::printf("no matches\n");
    return 0;
}
