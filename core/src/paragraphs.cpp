// Splitting body text into paragraphs (see import_internal.hpp).
#include "import_internal.hpp"
#include "text_util.hpp"

#include <cctype>

namespace broadsheet::detail {
namespace {

bool starts_indented(std::string_view line) {
    return !line.empty() && (line[0] == ' ' || line[0] == '\t') && !text::trim(line).empty();
}

// A line broken after a hyphen inside a word ("fore-" / "seeable"): the next line continues the
// word, so no space goes between. The hyphen stays: "well-known" is more common than a
// typesetter's break, and a kept hyphen in "fore-seeable" still reads.
bool joins_hyphenated(std::string_view before, std::string_view next) {
    if (before.size() < 2 || before.back() != '-' || next.empty()) return false;
    char prev = before[before.size() - 2];
    bool letter_before = std::isalpha(static_cast<unsigned char>(prev)) || (prev & 0x80);
    bool lower_after = std::islower(static_cast<unsigned char>(next[0])) != 0;
    return letter_before && lower_after;
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
        if (!current.empty() && !joins_hyphenated(current, text::trim(l))) current += ' ';
        current += text::trim(l);
    }
    flush();
    return out;
}

} // namespace broadsheet::detail
