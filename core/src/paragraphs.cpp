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

bool lines_are_paragraphs(const std::vector<std::string_view>& lines) {
    // Text wrapped by hand or by a mailer stays within 80 columns (RFC 5322 asks for 78); a
    // fifth of the lines past 100 is no wrap. Past 80, a wrap breaks a line where the next word
    // would not fit: the line, a space and the next line's first word are wider than the widest
    // line. Lines that mostly end where the next word would have fitted end at their paragraphs.
    // (A line before an indented one ends a newswire paragraph, not a wrap: it does not count.
    // Below 80 columns wrappers are ragged, so the test says nothing there.) On Reuters-21578's
    // hard-wrapped bodies this says "paragraphs" for 3 of 19,043; on the same bodies a paragraph
    // a line, for 87 %; the rest are read as before, joined.
    constexpr size_t kWrapColumns = 80, kHardWrapMax = 100;
    auto width = [](std::string_view t) { return text::code_points(t); };
    size_t widest = 0, nonblank = 0, long_lines = 0;
    for (auto l : lines) {
        const size_t w = width(text::trim(l));
        widest = std::max(widest, w);
        nonblank += w > 0;
        long_lines += w > kHardWrapMax;
    }
    if (long_lines > 0 && long_lines * 5 >= nonblank) return true;
    if (widest <= kWrapColumns) return false;
    size_t followed = 0, wrapped = 0;
    for (size_t i = 0; i + 1 < lines.size(); ++i) {
        const std::string_view t = text::trim(lines[i]), next = text::trim(lines[i + 1]);
        if (t.empty() || next.empty() || starts_indented(lines[i + 1])) continue;
        const size_t w = width(t);
        if (w == widest) continue; // the widest line says nothing: no word fits after it
        ++followed;
        const std::string_view word = next.substr(0, std::min(next.find(' '), next.size()));
        wrapped += w + 1 + width(word) > widest;
    }
    return followed > 0 && wrapped * 2 < followed;
}

std::vector<std::string> split_paragraphs(std::string_view body) {
    auto lines = text::split_lines(body);
    const bool each_line = lines_are_paragraphs(lines);
    // Newswire dumps (Reuters-21578) hard-wrap lines and mark a new paragraph only by indenting
    // its first line; in their results tables every row is indented ("    Net 807,000 vs
    // 2,858,000"), so most lines may be. Indentation means a paragraph start unless every line is
    // indented (a quoted block, or text indented as a whole).
    size_t nonblank = 0, indented = 0;
    for (auto l : lines) {
        if (text::trim(l).empty()) continue;
        ++nonblank;
        indented += starts_indented(l);
    }
    bool indent_breaks = indented > 0 && indented < nonblank;

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
        if (each_line || (indent_breaks && starts_indented(l))) flush();
        if (!current.empty() && !joins_hyphenated(current, text::trim(l))) current += ' ';
        current += text::trim(l);
    }
    flush();
    return out;
}

std::string_view strip_sign_off(std::string_view& text) {
    // Reuters-21578 ends almost every story so; "Reuters" alone could end a sentence ("said
    // Reuters"), so only the wire's own capitals and its old one-word form count.
    static constexpr std::string_view kSignOffs[] = {"REUTERS", "REUTER", "Reuter"};
    std::string_view body = text;
    while (!body.empty() && std::isspace(static_cast<unsigned char>(body.back()))) body.remove_suffix(1);
    for (std::string_view mark : kSignOffs) {
        if (!body.ends_with(mark)) continue;
        std::string_view before = body.substr(0, body.size() - mark.size());
        size_t gap = 0;
        bool newline = false;
        while (gap < before.size() && std::isspace(static_cast<unsigned char>(before[before.size() - 1 - gap]))) {
            newline = newline || before[before.size() - 1 - gap] == '\n';
            ++gap;
        }
        if (!(before.empty() || newline || gap >= 2)) continue; // "... to Reuter" is a sentence
        text = before.substr(0, before.size() - gap);
        return mark;
    }
    return {};
}

} // namespace broadsheet::detail
