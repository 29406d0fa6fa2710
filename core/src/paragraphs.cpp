// Splitting body text into paragraphs (see import_internal.hpp).
#include "import_internal.hpp"
#include "text_util.hpp"

namespace broadsheet::detail {
namespace {

bool starts_indented(std::string_view line) {
    return !line.empty() && (line[0] == ' ' || line[0] == '\t') && !text::trim(line).empty();
}

} // namespace

std::vector<std::string> split_paragraphs(std::string_view body) {
    auto lines = text::split_lines(body);
    // Newswire dumps (Reuters-21578) hard-wrap lines and mark a new paragraph only by indenting
    // its first line. Indentation means a paragraph start only where most lines are not indented
    // (otherwise the whole text is indented, e.g. a quoted block).
    size_t nonblank = 0, indented = 0;
    for (auto l : lines) {
        if (text::trim(l).empty()) continue;
        ++nonblank;
        indented += starts_indented(l);
    }
    bool indent_breaks = indented > 0 && indented * 2 < nonblank;

    std::vector<std::string> out;
    std::string current;
    auto flush = [&] {
        std::string p = text::collapse_spaces(current);
        if (!p.empty()) out.push_back(std::move(p));
        current.clear();
    };
    for (auto l : lines) {
        if (text::trim(l).empty()) {
            flush();
            continue;
        }
        if (indent_breaks && starts_indented(l)) flush();
        if (!current.empty()) current += ' ';
        current += l;
    }
    flush();
    return out;
}

} // namespace broadsheet::detail
