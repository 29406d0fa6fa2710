// import_file: decode, choose an importer, extract; errors as values.
#include "broadsheet/import.hpp"

#include "broadsheet/encoding.hpp"

#include <exception>
#include <new>

namespace broadsheet {

void Article::add_paragraph(std::string_view p) {
    if (!paragraphs.empty()) text += "\n\n";
    auto begin = uint32_t(text.size());
    text += p;
    paragraphs.push_back({begin, uint32_t(text.size())});
}

namespace {

std::string file_stem(std::string_view name) {
    size_t slash = name.find_last_of("/\\");
    if (slash != std::string_view::npos) name.remove_prefix(slash + 1);
    size_t dot = name.rfind('.');
    if (dot != std::string_view::npos && dot > 0) name = name.substr(0, dot);
    return std::string(name);
}

std::string human_size(size_t n) {
    return std::to_string(n >> 20) + " MB";
}

} // namespace

ImportResult import_file(std::string_view name, std::string_view bytes) {
    ImportResult r;
    r.file = std::string(name);
    if (bytes.size() > kMaxImportBytes) {
        r.error = "the file is too large (" + human_size(bytes.size()) + "; the limit is " +
                  human_size(kMaxImportBytes) + ")";
        return r;
    }
    try {
        DecodedText d = decode_text(bytes);
        if (!d.ok()) {
            r.error = d.error;
            return r;
        }
        if (!d.warning.empty()) r.warnings.push_back(d.warning);
        Article a = import_plain_text(name, d.utf8);
        a.encoding = d.encoding;
        if (a.paragraphs.empty() && a.title.empty()) {
            r.error = "no text found in the file";
            return r;
        }
        if (a.title.empty()) a.title = file_stem(name);
        r.articles.push_back(std::move(a));
    } catch (const std::bad_alloc&) {
        r.articles.clear();
        r.error = "out of memory while importing this file";
    } catch (const std::exception& e) {
        r.articles.clear();
        r.error = std::string("internal error while importing: ") + e.what();
    }
    return r;
}

} // namespace broadsheet
