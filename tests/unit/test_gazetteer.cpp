// The gazetteer (core/src/analysis/gazetteer.hpp), generated at build time from Debian's iso-codes:
// ISO's names and the aliases people write are found whatever their case, accents or apostrophes;
// ordinary words and the subdivisions left out on purpose are not.
#include "analysis/gazetteer.hpp"

#include <doctest/doctest.h>

#include <string>

using broadsheet::analysis::gazetteer::Listed;
using broadsheet::analysis::gazetteer::lookup;

TEST_CASE("countries are found by ISO's name, its common name, its short form and a few aliases") {
    struct Row {
        std::string_view name;
        Listed listed;
    };
    const Row rows[] = {
        {"China", Listed::Country},
        {"CHINA", Listed::Country},
        {"Viet Nam", Listed::Country},                 // ISO 3166-1 name
        {"Vietnam", Listed::Country},                  // its common_name
        {"South Korea", Listed::Country},              // common_name of "Korea, Republic of"
        {"Korea", Listed::Country},                    // the name before its comma
        {"Czech Republic", Listed::Country},           // a two-word official_name
        {"Burma", Listed::Country},                    // ISO 3166-3, a former name
        {"Côte d'Ivoire", Listed::Country},            // accents folded
        {"Cote d\xE2\x80\x99Ivoire", Listed::Country}, // a curly apostrophe
        {"U.S.", Listed::Country},                     // the aliases
        {"US", Listed::Country},
        {"Britain", Listed::Country},
        {"Soviet Union", Listed::Country},
        {"West Germany", Listed::Country},
        {"California", Listed::Region}, // federal states, Länder, cantons...
        {"Bahia", Listed::Region},
        {"Bayern", Listed::Region},
        {"New South Wales", Listed::Region},
        {"Wales", Listed::Region},
        {"Tibet", Listed::Region},
        // Not listed: provinces and prefectures (their noun marks them: "Hubei province"),
        // subdivisions that are ordinary words or people's names, other languages' exonyms.
        {"Hubei", Listed::No},
        {"Central", Listed::No},
        {"Guerrero", Listed::No},
        {"Deutschland", Listed::No},
        {"Chinese", Listed::No},
        {"", Listed::No},
        {"Chin a", Listed::No},
    };
    for (const Row& row : rows) {
        CAPTURE(row.name);
        CHECK(lookup(row.name) == row.listed);
    }
    CHECK(lookup(std::string(5000, 'a')) == Listed::No);
    CHECK(lookup("\xFF\xFE invalid") == Listed::No);
}

TEST_CASE("the words a listed name can start with are told in one search") {
    using broadsheet::analysis::gazetteer::starts_name;
    for (std::string_view w : {"New", "NEW", "Papua", "Rio", "South", "China", "CANADA", "U.S.", "Soviet"}) {
        CAPTURE(w);
        CHECK(starts_name(w));
    }
    // A word no name begins with, the start of a word only, or a later word of a name.
    for (std::string_view w : {"Sharply", "Ne", "Chin", "Guineas", "Wales2", "Korean", "", "\xFF"}) {
        CAPTURE(w);
        CHECK_FALSE(starts_name(w));
    }
    CHECK_FALSE(starts_name(std::string(5000, 'a')));
    // Every listed name's first word starts one.
    for (std::string_view name : {"New South Wales", "Papua New Guinea", "Viet Nam", "Soviet Union", "Czech Republic"})
        CHECK(starts_name(name.substr(0, name.find(' '))));
}
