// extract_bench: how long HTML extraction takes per page (decode + parse + main content +
// metadata, i.e. broadsheet::import_file), natively or as wasm under node.
//
//   extract_bench FOLDER [ROUNDS] [--floor] [--cpu]
//
// Reads every file in FOLDER into memory first, runs one warm-up round, then ROUNDS (default 3)
// timed rounds; each page's time is its median over the rounds. Prints the median, 90th
// percentile and mean of those per-page times in milliseconds, and the total size.
// With --floor, also times libxml2 alone on the same pages (decoded beforehand, untimed):
// htmlReadMemory with the importer's options, then xmlFreeDoc. No extractor built on that parser
// can be faster, so the difference is what our own code costs. Then libxml2 as the importer
// feeds it (without script and style bodies: html::parser_input, untimed), building its tree and
// then (the lowest any extractor on this parser can go) only tokenizing, with SAX callbacks that
// do nothing.
// With --cpu, times are the process's CPU time (std::clock) rather than wall time: on a loaded
// machine a page's wall time includes the time it waited for a core.
#include "broadsheet/encoding.hpp"
#include "broadsheet/import.hpp"
#include "html_dom.hpp"

#include <libxml/HTMLparser.h>
#include <libxml/parserInternals.h>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

// Each page's median time over `rounds` rounds of `work(i)` (after one untimed warm-up round),
// then the median, 90th percentile and mean of those.
struct Summary {
    double median, p90, mean;
};
bool g_cpu_time = false;

double now_ms() {
    if (g_cpu_time) return 1000.0 * double(std::clock()) / CLOCKS_PER_SEC;
    return std::chrono::duration<double, std::milli>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

template <typename Work> Summary time_pages(size_t pages, int rounds, Work work) {
    for (size_t i = 0; i < pages; ++i) work(i);
    std::vector<std::vector<double>> times(pages);
    for (int r = 0; r < rounds; ++r) {
        for (size_t i = 0; i < pages; ++i) {
            double start = now_ms();
            work(i);
            times[i].push_back(now_ms() - start);
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
    return {per_page[per_page.size() / 2], per_page[per_page.size() * 9 / 10],
            total / double(per_page.size())};
}

// libxml2's HTML tokenizer over `html` with callbacks that do nothing: no tree, no text kept.
void tokenize_only(const std::string& html, int options) {
    htmlParserCtxtPtr ctxt = htmlCreateMemoryParserCtxt(html.data(), int(html.size()));
    if (!ctxt) return;
    auto* sax = static_cast<htmlSAXHandler*>(xmlMalloc(sizeof(htmlSAXHandler)));
    *sax = htmlSAXHandler{};
    sax->startElement = [](void*, const xmlChar*, const xmlChar**) {};
    sax->endElement = [](void*, const xmlChar*) {};
    sax->characters = [](void*, const xmlChar*, int) {};
    sax->ignorableWhitespace = sax->characters;
    xmlFree(ctxt->sax);
    ctxt->sax = sax;
    htmlCtxtUseOptions(ctxt, options);
    xmlSwitchEncoding(ctxt, XML_CHAR_ENCODING_UTF8);
    htmlParseDocument(ctxt);
    if (ctxt->myDoc) xmlFreeDoc(ctxt->myDoc);
    htmlFreeParserCtxt(ctxt);
}

} // namespace

int main(int argc, char** argv) {
    std::vector<std::string_view> args(argv + 1, argv + argc);
    bool floor = std::erase(args, "--floor") > 0;
    g_cpu_time = std::erase(args, "--cpu") > 0;
    if (args.empty()) {
        std::fprintf(stderr, "usage: extract_bench FOLDER [ROUNDS] [--floor] [--cpu]\n");
        return 2;
    }
    std::string folder(args[0]);
    int rounds = args.size() > 1 ? std::max(1, std::atoi(std::string(args[1]).c_str())) : 3;
    std::vector<std::pair<std::string, std::string>> pages;
    size_t bytes = 0;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(folder, ec)) {
        if (!entry.is_regular_file()) continue;
        std::ifstream in(entry.path(), std::ios::binary);
        std::ostringstream s;
        s << in.rdbuf();
        bytes += s.str().size();
        pages.emplace_back(entry.path().filename().string(), s.str());
    }
    if (ec || pages.empty()) {
        std::fprintf(stderr, "extract_bench: no files in %s\n", folder.c_str());
        return 1;
    }
    std::sort(pages.begin(), pages.end());
    std::vector<char> ok(pages.size());
    Summary all = time_pages(pages.size(), rounds, [&](size_t i) {
        ok[i] = broadsheet::import_file(pages[i].first, pages[i].second).ok();
    });
    auto failed = size_t(std::count(ok.begin(), ok.end(), 0));
    std::printf("%zu pages, %.1f MB, %d rounds: median %.2f ms/page, p90 %.2f ms, mean %.2f ms "
                "(%zu without text)\n",
                pages.size(), double(bytes) / (1 << 20), rounds, all.median, all.p90, all.mean,
                failed);
    if (floor) {
        std::vector<std::string> utf8;
        for (const auto& page : pages) utf8.push_back(broadsheet::decode_text(page.second).utf8);
        // The options of parse_html in core/src/import_html.cpp.
        constexpr int kOptions = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                                 HTML_PARSE_NONET | HTML_PARSE_COMPACT | HTML_PARSE_IGNORE_ENC;
        Summary parse = time_pages(pages.size(), rounds, [&](size_t i) {
            xmlFreeDoc(htmlReadMemory(utf8[i].data(), int(utf8[i].size()), nullptr, "UTF-8",
                                      kOptions));
        });
        std::printf("libxml2 alone (htmlReadMemory + xmlFreeDoc): median %.2f ms/page, p90 %.2f "
                    "ms, mean %.2f ms\n",
                    parse.median, parse.p90, parse.mean);
        std::vector<std::string> fed;
        for (const auto& page : utf8) {
            std::string buffer;
            fed.emplace_back(broadsheet::html::parser_input(page, buffer));
        }
        Summary tree = time_pages(pages.size(), rounds, [&](size_t i) {
            xmlFreeDoc(
                htmlReadMemory(fed[i].data(), int(fed[i].size()), nullptr, "UTF-8", kOptions));
        });
        std::printf("libxml2 on the importer's input (no script/style bodies): median %.2f "
                    "ms/page, p90 %.2f ms, mean %.2f ms\n",
                    tree.median, tree.p90, tree.mean);
        Summary sax = time_pages(pages.size(), rounds,
                                 [&](size_t i) { tokenize_only(fed[i], kOptions); });
        std::printf("libxml2's tokenizer alone on it (SAX callbacks that do nothing): median "
                    "%.2f ms/page, p90 %.2f ms, mean %.2f ms\n",
                    sax.median, sax.p90, sax.mean);
    }
    return 0;
}
