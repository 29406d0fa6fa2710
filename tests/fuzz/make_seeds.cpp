// Writes the seeds that are easier made than written by hand, into OUT/<target>/:
//   index_load    saved indexes of the hand-written fixtures (with and without stored articles,
//                 with a removed document, compacted, other analyzer options), behind the mode
//                 byte fuzz_index_load.cpp reads (1: fix length and checksum; 0: as they are)
//   article_json  the fixtures and each sample file's articles as saved JSON
//
//   make_seeds OUT [SAMPLES_DIR]
#include "broadsheet/article_json.hpp"
#include "broadsheet/import.hpp"
#include "broadsheet/index.hpp"

#include "search_fixtures.hpp"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

namespace fs = std::filesystem;
namespace bs = broadsheet::search;

namespace {

void write(const fs::path& file, const std::string& bytes) {
    fs::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary) << bytes;
}

std::string saved(const bs::Index& ix, const std::vector<broadsheet::Article>& articles, bool with_articles) {
    std::vector<const broadsheet::Article*> stored;
    if (with_articles)
        for (const auto& a : articles) stored.push_back(&a);
    return bs::save_index(ix, stored);
}

} // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: make_seeds OUT [SAMPLES_DIR]\n");
        return 2;
    }
    fs::path out = argv[1];
    std::vector<broadsheet::Article> articles = search_fixtures::news();
    if (argc > 2) {
        std::error_code ec;
        for (const auto& e : fs::directory_iterator(argv[2], ec)) {
            std::ifstream in(e.path(), std::ios::binary);
            std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
            auto r = broadsheet::import_file(e.path().filename().string(), bytes);
            for (auto& a : r.articles) articles.push_back(std::move(a));
        }
    }

    int n = 0;
    auto index_seed = [&](const std::string& file) {
        write(out / "index_load" / ("fixed-" + std::to_string(n) + ".bsi"), "\x01" + file);
        write(out / "index_load" / ("exact-" + std::to_string(n++) + ".bsi"), std::string(1, '\0') + file);
    };
    bs::Index small;
    small.add(articles[0], "doc0");
    index_seed(saved(small, {articles[0]}, true));
    bs::Index ix;
    for (size_t i = 0; i < articles.size(); ++i) ix.add(articles[i], "doc" + std::to_string(i));
    index_seed(saved(ix, articles, true));
    index_seed(saved(ix, articles, false));
    ix.remove(1);
    index_seed(saved(ix, articles, true));
    ix.compact();
    index_seed(saved(ix, articles, false));
    bs::Index plain({.language = "none", .fold_diacritics = false, .stopwords = false, .stem = false, .term_tag = ""});
    for (size_t i = 0; i < 3 && i < articles.size(); ++i) plain.add(articles[i], "p" + std::to_string(i));
    index_seed(saved(plain, articles, true));
    index_seed(saved(bs::Index{}, {}, false));
    // Articles in three languages: the file's article languages and document language slots.
    std::vector<broadsheet::Article> mixed = {search_fixtures::article("Storm", "The houses by the harbour flooded."),
                                              search_fixtures::article("Sturm", "Die Häuser am Hafen wurden überflutet."),
                                              search_fixtures::article("Tempête", "Les maisons du port ont été inondées.")};
    mixed[1].language = "de";
    mixed[2].language = "fr";
    bs::Index languages;
    for (size_t i = 0; i < mixed.size(); ++i) languages.add(mixed[i], "m" + std::to_string(i));
    index_seed(saved(languages, mixed, true));

    for (size_t i = 0; i < articles.size(); ++i)
        write(out / "article_json" / ("article-" + std::to_string(i) + ".json"), broadsheet::article_to_json(articles[i]));
    std::printf("seeds written to %s\n", out.c_str());
    return 0;
}
