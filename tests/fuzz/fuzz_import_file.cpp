// import_file on any bytes: size limit, decoding, binary and format sniffing, then whichever
// importer the content (or, failing that, the file name) picks. The name is chosen by the input's
// length, so seeds stay byte-for-byte what they are and mutations still try every extension.
#include "fuzz_check.hpp"

#include "broadsheet/import.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static constexpr std::string_view kNames[] = {
        "article.txt", "article.json", "articles.jsonl", "page.html", "page.htm", "notes.md",
        "message.eml", "README",       "feed.ndjson",    "page.xhtml", "post.markdown", "mail.mbox",
        "dir/sub/.hidden", "C:\\Users\\x\\Saved Page.HTML",
    };
    std::string_view name = kNames[size % std::size(kNames)];
    std::string_view bytes(reinterpret_cast<const char*>(data), size);
    broadsheet::ImportResult r = broadsheet::import_file(name, bytes);
    fuzz::check_import(r);
    FUZZ_CHECK(r.file == name);
    if (r.ok()) {
        FUZZ_CHECK_MSG(!r.articles.empty(), "no error and no article");
        for (const auto& a : r.articles) {
            FUZZ_CHECK(!a.encoding.empty());
            FUZZ_CHECK_MSG(!a.title.empty(), "import_file promises a title (the file name at least)");
        }
    } else {
        FUZZ_CHECK(!r.error.empty());
    }
    return 0;
}
