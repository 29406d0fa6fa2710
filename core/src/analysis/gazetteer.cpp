// The gazetteer's lookup: the generated table (gazetteer_table.inc, made by make_gazetteer.py in
// the build tree) is two string literals of folded names, one a line, sorted by bytes. They are
// split into views once, then searched by halves.
#include "analysis/gazetteer.hpp"

#include "broadsheet/analyzer.hpp"

#include <algorithm>
#include <string>
#include <vector>

namespace broadsheet::analysis::gazetteer {
namespace {

#include "gazetteer_table.inc"

std::vector<std::string_view> lines(std::string_view blob) {
    std::vector<std::string_view> out;
    for (size_t start = 0, nl; (nl = blob.find('\n', start)) != std::string_view::npos;
         start = nl + 1)
        out.push_back(blob.substr(start, nl - start));
    return out;
}

bool has(const std::vector<std::string_view>& table, std::string_view folded) {
    return std::binary_search(table.begin(), table.end(), folded);
}

struct Tables {
    std::vector<std::string_view> countries, regions;
};
const Tables& tables() {
    static const Tables t{lines(kCountries), lines(kRegions)};
    return t;
}

// In byte order, the names that are the word or begin with it and a space come first among those
// not below it (nothing sorts between "new" and "new york" but "new" itself).
bool has_start(const std::vector<std::string_view>& table, std::string_view folded) {
    auto it = std::lower_bound(table.begin(), table.end(), folded);
    return it != table.end() && it->starts_with(folded) && (it->size() == folded.size() || (*it)[folded.size()] == ' ');
}

} // namespace

Listed lookup(std::string_view name) {
    const auto& [countries, regions] = tables();
    if (name.empty() || name.size() > 64) return Listed::No; // the longest listed name is ~50
    thread_local std::string folded;
    search::fold(name, true, folded);
    if (has(countries, folded)) return Listed::Country;
    if (has(regions, folded)) return Listed::Region;
    return Listed::No;
}

bool starts_name(std::string_view word) {
    const auto& [countries, regions] = tables();
    if (word.empty() || word.size() > 64) return false;
    thread_local std::string folded;
    search::fold(word, true, folded);
    return has_start(countries, folded) || has_start(regions, folded);
}

} // namespace broadsheet::analysis::gazetteer
