// Internal: places known by name -- the countries and the federal states, Länder, cantons and
// territories of ISO 3166, from Debian's iso-codes package. The table is generated at build time
// (make_gazetteer.py, which says what is in it and why) into the build tree, never copied into the
// repository. Names are ISO's English (and, for subdivisions, local) forms plus a few aliases
// people write ("the US", "Britain"), so the lookup is English-leaning: other languages' exonyms
// ("Deutschland", "Chine") are simply not listed.
#pragma once

#include <cstdint>
#include <string_view>

namespace broadsheet::analysis::gazetteer {

enum class Listed : uint8_t {
    No,      // not a place the table knows
    Country, // a country or territory, current or former ("China", "U.S.", "Soviet Union")
    Region,  // a state, Land, canton, territory or nation of one ("California", "Bahia", "Wales")
};

// How `name`, as written ("China", "Côte d’Ivoire", "U.S."), is listed: case, accents and curly
// apostrophes do not matter; words must be separated by single spaces.
Listed lookup(std::string_view name);

// Whether some listed name begins with the word `word` ("New" of "New York", "Texas"): one search,
// so that a caller trying runs of words looks up only those a name can start with.
bool starts_name(std::string_view word);

} // namespace broadsheet::analysis::gazetteer
