// analyze(): the three analysers in order (quotes need the entities to name their speakers).
#include "broadsheet/analysis.hpp"

#include "analysis/tokens.hpp"

#include <cstdint>

namespace broadsheet {

Analysis analyze(std::string_view text, std::string_view language) {
    Analysis a;
    if (text.size() >= UINT32_MAX) {
        a.error = "the text is too large to analyse (" + std::to_string(text.size() >> 20) + " MB)";
        return a;
    }
    std::vector<analysis::Token> tokens = analysis::tokenize(text);
    a.entities = analysis::find_entities(text, tokens, language);
    a.quotes = analysis::find_quotes(text, tokens, a.entities);
    a.numbers = analysis::find_numbers(text, tokens);
    return a;
}

} // namespace broadsheet
