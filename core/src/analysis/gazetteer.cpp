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

} // namespace

Listed lookup(std::string_view name) {
    static const std::vector<std::string_view> countries = lines(kCountries);
    static const std::vector<std::string_view> regions = lines(kRegions);
    if (name.empty() || name.size() > 64) return Listed::No; // the longest listed name is ~50
    thread_local std::string folded;
    search::fold(name, true, folded);
    if (has(countries, folded)) return Listed::Country;
    if (has(regions, folded)) return Listed::Region;
    return Listed::No;
}

} // namespace broadsheet::analysis::gazetteer
