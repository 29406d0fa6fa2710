// analyze(): the three analysers in order (quotes need the entities to name their speakers).
#include "broadsheet/analysis.hpp"

#include "analysis/tokens.hpp"
#include "broadsheet/import.hpp" // detect_language

#include <cstdint>

namespace broadsheet {

Analysis analyze(std::string_view text, std::string_view language) {
    Analysis a;
    if (text.size() >= UINT32_MAX) {
        a.error = "the text is too large to analyse (" + std::to_string(text.size() >> 20) + " MB)";
        return a;
    }
    std::vector<analysis::Token> tokens = analysis::tokenize(text);
    // Not told: as import would have detected it (names and figures both depend on it).
    const std::string detected = language.empty() ? detect_language(text.substr(0, 20000)) : std::string();
    if (language.empty()) language = detected;
    const analysis::FoldedWords folded(text, tokens);
    a.entities = analysis::find_entities(text, tokens, folded, language);
    a.quotes = analysis::find_quotes(text, tokens, folded, a.entities, language);
    a.numbers = analysis::find_numbers(text, tokens, folded, language);
    return a;
}

} // namespace broadsheet
