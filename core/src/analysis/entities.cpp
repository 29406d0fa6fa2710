// Entities: proper names found from capitalisation, merged and typed by context.
//
// [SECTION] Runs      capitalised words in a row, joined across "of"/"van"... where the name
//                     allows; a dateline's place
// [SECTION] Trimming  leading articles, titles and sentence-initial capitals cut off;
//                     "Chinese Twitter" split
// [SECTION] Votes     person / organisation / place evidence from the words in and around a
//                     mention
// [SECTION] Merging   acronym definitions, variants ("Jiang" -> "Jiang Jun"), one entity per name
//
// Where this departs from the textbook (a trained NER model): there is no model, so the rules lean
// on what a news text gives away for free -- a capital that is not at a sentence start, a word seen
// in lowercase elsewhere in the same text (so "Social" at a sentence start is not a name), titles
// and roles next to the name, and acronyms the text defines itself. A lone capitalised word at a
// sentence start is kept only when the text names it again elsewhere or it speaks ("Jiang said").
//
// Places come from two sources. The gazetteer (gazetteer.hpp: ISO 3166 countries and federal
// states, generated from Debian's iso-codes) knows a name whatever its context; only a title
// ("President Georgia ...") overrides a listed country, and a listed state is one vote among the
// others. Places it does not know come from English context cues (cues.hpp, all [en]): a dateline
// at the start of the text, "X-based", "X province", "the city of X", "the capital X"; a
// preposition ("in X") is the weakest of all, and a person's or an organisation's cue of the same
// weight wins over any of them. Text in another language gets the gazetteer's English names and
// its prepositions ("en", "à", "aus") but no other cue, so its unknown names stay "other" rather
// than becoming places by guesswork.
#include "broadsheet/analysis.hpp"
#include "broadsheet/analyzer.hpp" // is_stopword
#include "broadsheet/import.hpp" // detect_language
#include "text_util.hpp"

#include "analysis/cues.hpp"
#include "analysis/gazetteer.hpp"
#include "analysis/tokens.hpp"

#include <algorithm>
#include <optional>
#include <unordered_map>
#include <unordered_set>

namespace broadsheet {
namespace {

using namespace analysis;

constexpr std::string_view kAnd[] = {"and"};
constexpr std::string_view kThe[] = {"the"};
constexpr std::string_view kOf[] = {"of"};
constexpr std::string_view kForOn[] = {"for", "on"};
// Ordinals begin companies' names ("First Boston Corp", "Second National Bank") though they are
// stopwords elsewhere. [en]
constexpr std::string_view kOrdinals[] = {"first", "second", "third"};
constexpr std::string_view kDeterminers[] = {"a",   "an",  "the",  "its",
                                             "his", "her", "their"}; // [en]

// Evidence weights: a word inside the name or a title before it settles the kind; context words
// around a mention (a role, an organisation noun) count less; a speech verb or a preposition least.
constexpr int kStrong = 100, kMedium = 4, kWeak = 1;

struct Votes {
    int person = 0;
    int organisation = 0;
    int place = 0;
    int place_hint = 0; // a preposition before it ("in Bahia"): a place only if nothing else speaks
    int employer = 0;   // people or shares after it ("Kidder Peabody analysts"): a company's name
};

struct Candidate {
    uint32_t first = 0; // token index of the first word
    uint32_t last = 0;  // token index of the last word (inclusive)
    std::string key;    // the words joined by single spaces
    bool uncertain =
        false;           // a lone sentence-initial word: kept only if the text names it elsewhere
    bool speaks = false; // next to a speech verb ("Jiang said", "said Jiang")
    bool dateline = false; // the place of a dateline ("SALVADOR, Feb 26 -")
    bool in_capitals = false; // a listed place found in text in capitals (add_listed_places)
    uint32_t cut = 0;      // bytes cut off the end of the last word ("-based" of "London-based")
    Votes votes;
};

struct Alias {
    std::string from; // an acronym or a short variant
    std::string to;   // the key it stands for
};

class EntityFinder {
  public:
    EntityFinder(std::string_view text, const std::vector<Token>& tokens, const FoldedWords& folded,
                 std::string_view language)
        : text_(text), tokens_(tokens), language_(language), folded_(folded) {}

    Entities run();

  private:
    std::string_view text_;
    const std::vector<Token>& tokens_;
    std::string_view language_; // BCP 47, "" when not known (then detected)
    const FoldedWords& folded_;
    std::unordered_set<std::string_view> lower_words_; // every word that starts lowercase
    std::vector<uint8_t> shouting_;             // per token: its paragraph is written in capitals
    std::unordered_set<std::string_view> own_clitic_; // names whose "'s" is their own ("moody"), folded
    std::vector<Candidate> candidates_;
    std::unordered_map<std::string, std::string> alias_of_; // from -> to, the first alias of each
    void add_alias(const std::string& from, const std::string& to) { alias_of_.emplace(from, to); }
    std::vector<std::pair<std::string, ByteRange>> acronym_defs_; // key -> the acronym's range
    size_t dateline_end_ = 0; // tokens [0, dateline_end_) are the place of a dateline; 0: none
    // Capitals mark nouns, not names, in this text (it is German): a capitalised word is then a
    // name only on other evidence.
    bool capitals_mark_nouns_ = false;
    bool english_ = true; // the text is in English (the cues that are English only apply)

    std::string_view word(size_t i) const { return view(text_, tokens_[i]); }
    bool in(size_t i, std::span<const std::string_view> table) const { return folded_.in(i, table); }
    // Word i is a title (cues::titles), or one joined by hyphens from titles and the words that
    // make a second in command of one: "Vice-President", "Secretary-General", "Under-Secretary",
    // "Vice-Chairman". [en]
    bool title(size_t i) const {
        if (in(i, cues::titles)) return true;
        if (capitals_mark_nouns_ && german_role(i)) return true;
        const std::string_view w = folded_[i];
        if (!folded_.is_word(i) || w.find('-') == std::string_view::npos) return false;
        static constexpr std::string_view kSecond[] = {"vice", "under", "deputy", "co"};
        for (size_t from = 0;;) {
            const size_t dash = w.find('-', from);
            const std::string_view part = w.substr(from, dash == std::string_view::npos ? w.npos : dash - from);
            if (dash == std::string_view::npos) return in_table(cues::titles, part);
            if (!in_table(cues::titles, part) && !contains(kSecond, part)) return false;
            from = dash + 1;
        }
    }
    // Word i is a German noun of office or role, alone or as a compound's end (cues.hpp).
    bool german_role(size_t i) const {
        if (!folded_.is_word(i) || !tokens_[i].has(kCapital)) return false;
        const std::string_view w = folded_[i];
        return ends_with_any(w, cues::role_endings_de) || ends_with_any(w, cues::role_endings_de_in_compounds, true);
    }
    // Word i is an abbreviation with dots inside, as a country's is ("U.S.", "N.Z."; not an
    // initial, "M.").
    bool dotted_abbreviation(size_t i) const {
        const std::string_view w = word(i);
        return w.size() >= 4 && w.back() == '.' && w.find('.') < w.size() - 1;
    }
    bool seen_lowercase(std::string_view w) const {
        std::string f = fold(w);
        return lower_words_.count(f) > 0;
    }
    bool is_name_word(size_t i) const;
    // Token i is the "'s" of a name that owns it ("Moody's"): it goes into the name.
    bool name_clitic(size_t i) const {
        return i > 0 && i < tokens_.size() && tokens_[i].type == TokenType::Clitic && is_name_word(i - 1) &&
               own_clitic_.count(folded_[i - 1]) > 0;
    }
    bool name_part(size_t i) const { return is_name_word(i) || name_clitic(i); }
    // Word i has a plural's possessive apostrophe after it ("Producers' Association").
    bool possessed(size_t i) const {
        return i + 1 < tokens_.size() && (tokens_[i + 1].is_punct('\'') || tokens_[i + 1].is_punct(0x2019));
    }
    bool has_org_or_place_word(size_t a, size_t b) const {
        for (size_t k = a; k <= b; ++k)
            if (in(k, cues::org_words) || in(k, cues::place_words) || german_body(k, b)) return true;
        return false;
    }
    // Word i, in German text, is a compound that names a body by how it ends ("Bundesagentur",
    // "Landgericht"; cues.hpp), and the name that ends at b ends with it or goes on only with an
    // acronym or a listed place ("Naturschutzverband LBV", "Arbeiterkammer Steiermark"). Other
    // capitals after it are nouns the run took in ("Europäische Kommission Atomkraft").
    bool german_body(size_t i, size_t b) const {
        if (!capitals_mark_nouns_ || !folded_.is_word(i) || !tokens_[i].has(kCapital)) return false;
        if (!ends_with_any(folded_[i], cues::org_endings_de)) return false;
        if (i == b) return true;
        bool acronyms = true;
        for (size_t k = i + 1; k <= b && acronyms; ++k) acronyms = tokens_[k].has(kAllCaps);
        return acronyms || gazetteer::lookup(key_of(i + 1, b, 0)) != gazetteer::Listed::No;
    }
    void index_words();
    void find_dateline();
    void find_owned_clitics();
    uint32_t place_suffix(size_t i) const;
    // Word i is a company's legal form or a month written with its dot ("Corp.", "Sept.") and no
    // other legal form follows: the name ends there, whatever capital comes next ("Acme Corp.
    // Standard and Poor's said", "at New York Sept. Ecuador said").
    // So does an abbreviation's dot before a word that opens a sentence and is no part of a name
    // ("... in the U.S. But Japan", "Van Lanschot Beleggingscompagnie B.V. In"; a headline's
    // "U.S. And Japan").
    bool ends_name(size_t i) const {
        if (!word(i).ends_with('.')) return false;
        if (in(i, cues::legal_forms) || in(i, cues::calendar_words)) return !in(i + 1, cues::legal_forms);
        return i + 1 < tokens_.size() && in(i + 1, cues::sentence_openers) && tokens_[i + 1].has(kCapital) &&
               !tokens_[i + 1].has(kAllCaps) && !initials_joined(i);
    }
    // Word i + 1 is "And" between initials, as in a firm's name in a headline ("E.D. And F. Man").
    bool initials_joined(size_t i) const {
        if (i + 2 >= tokens_.size() || !in(i + 1, kAnd)) return false;
        const std::string_view next = word(i + 2);
        return next.size() == 2 && next[1] == '.';
    }
    std::string key_of(size_t a, size_t b, uint32_t cut) const;
    void find_runs();
    void add_listed_places(size_t a, size_t b);
    size_t extend_run(size_t a, size_t b) const;
    bool field_after_and(size_t k, size_t e, bool after_of) const;
    bool names_listed_place(size_t a, size_t b) const;
    // `office`: [a, b] is what comes before an office and a name ("Deputy U.S. Trade" of "Deputy
    // U.S. Trade Representative Michael Smith"): a title at its front is the office's, no person's.
    void trim_and_add(size_t a, size_t b, bool office = false);
    void add(size_t a, size_t b, bool uncertain, bool titled);
    void vote(Candidate& c) const;
    void find_acronyms();
    const std::string& resolve(const std::string& key) const;
    void merge_variants(const std::vector<std::string>& certain);
};

bool EntityFinder::is_name_word(size_t i) const {
    if (i >= tokens_.size()) return false;
    const Token& t = tokens_[i];
    if (!t.is_word() || shouting_[i]) return false;
    if (!t.has(kCapital) && !t.has(kAllCaps) && !t.has(kInnerCap)) return false;
    return t.end - t.begin > 1; // "A", "I"; an initial keeps its dot ("J.") and passes
}

void EntityFinder::index_words() {
    for (const Token& t : tokens_)
        if (t.is_word() && t.has(kLower)) lower_words_.insert(view(text_, t));

    // German capitalises every noun (so does Luxembourgish): measured on the German pages of
    // extraction-dev, 19 to 42 % of the words inside sentences, against 2 to 8 % in English ones.
    std::string language = primary_language(language_); // "de-AT" -> "de"
    if (language.empty()) language = detect_language(text_.substr(0, 20000)); // not told: as import would
    capitals_mark_nouns_ = language == "de" || language == "lb";
    english_ = language.empty() || language == "en"; // (too short to tell: English, as the cues are)

    // A paragraph mostly in capitals ("BREAKING NEWS ...", a wire headline) says nothing about
    // names.
    shouting_.assign(tokens_.size(), 0);
    size_t start = 0;
    for (size_t i = 0; i <= tokens_.size(); ++i) {
        if (i < tokens_.size() && tokens_[i].type != TokenType::Break) continue;
        int words = 0, caps = 0;
        for (size_t k = start; k < i; ++k) {
            if (!tokens_[k].is_word()) continue;
            ++words;
            if (tokens_[k].has(kAllCaps)) ++caps;
        }
        if (words >= 4 && caps * 10 > words * 6)
            std::fill(shouting_.begin() + long(start), shouting_.begin() + long(i), 1);
        start = i + 1;
    }
}

// ---- [SECTION] Runs -----------------------------------------------------------------------------

// Names whose "'s" is their own: "Moody's", "McDonald's", "Standard and Poor's". In English the
// clitic is mostly a possessive ("Jiang's remarks", "China's Foreign Ministry"), so a name takes
// it only when the text never writes the word without it and one of its mentions cannot be a
// possessive: punctuation, a conjunction or a speech verb follows ("rated by Moody's.", "Moody's
// said"), it ends a name joined by "and" ("Standard and Poor's"), or a company's name follows
// ("Moody's Investors Service", "McDonald's Corp"). A word also written in lower case, or a
// listed place, never owns it. [en]
void EntityFinder::find_owned_clitics() {
    std::unordered_set<std::string_view> bare, owning;
    const size_t n = tokens_.size();
    for (size_t i = 0; i < n; ++i) {
        if (!is_name_word(i)) continue;
        if (i + 1 >= n || tokens_[i + 1].type != TokenType::Clitic) {
            bare.insert(folded_[i]);
            continue;
        }
        // A company's legal form or an organisation's word before it is a possessive ("Coca-Cola
        // Co's"), and so is a surname ("Robert Maxwell's": then "Maxwell's" is his everywhere).
        // An acronym's, a month's or an office's "'s" is a possessive too ("USDA's Foreign
        // Agricultural Service", "October's", "President's Export Council").
        if (in(i, cues::org_words) || in(i, cues::legal_forms) || in(i, cues::calendar_words) || title(i) ||
            tokens_[i].has(kAllCaps))
            continue;
        if (i > 0 && is_name_word(i - 1) && !ends_name(i - 1)) {
            bare.insert(folded_[i]);
            continue;
        }
        const bool joined = i >= 2 && (in(i - 1, kAnd) || tokens_[i - 1].is_punct('&')) && is_name_word(i - 2);
        const size_t next = i + 2;
        // (A possessive's "and" joins two owners of one thing, "Jiang's and Li's remarks", where the
        // names are mostly written bare too; "rated A-2 by Moody's and AA by ..." is the name's.)
        static constexpr std::string_view kConjunctions[] = {"and", "or"};
        bool owns = joined || next >= n || tokens_[next].type == TokenType::Punct || tokens_[next].type == TokenType::Break ||
                    in(next, cues::speech_verbs) || in(next, kConjunctions);
        if (!owns && is_name_word(next)) {
            size_t e = next;
            while (e + 1 < n && is_name_word(e + 1)) ++e;
            owns = in(e, cues::legal_forms) || in(e, cues::org_words);
        }
        if (owns) owning.insert(folded_[i]);
    }
    for (std::string_view f : owning)
        if (!bare.contains(f) && !lower_words_.contains(f) && gazetteer::lookup(f) == gazetteer::Listed::No)
            own_clitic_.insert(f);
}

// A dateline opening the text: a place in capitals, then an agency in brackets or a date, then a
// dash ("LONDON (Reuters) - ", "SALVADOR, Feb 26 - ", "NEW YORK, March 3 — "). [en: newswire
// style] Importers usually move a dateline into the article's metadata; this finds the ones left
// in the text (pasted stories, HTML pages).
void EntityFinder::find_dateline() {
    size_t k = 0;
    while (k < tokens_.size() && k < 4 && tokens_[k].is_word() && tokens_[k].has(kAllCaps)) ++k;
    if (k == 0 || k + 3 >= tokens_.size()) return;
    auto is_dash = [&](size_t i) {
        return i < tokens_.size() && (tokens_[i].is_punct('-') || tokens_[i].is_punct(0x2013) ||
                                      tokens_[i].is_punct(0x2014));
    };
    size_t after = 0; // the token after the agency or the date: must be the dash
    if (tokens_[k].is_punct('(')) {
        size_t close = k + 1;
        while (close < tokens_.size() && close < k + 4 && tokens_[close].is_word()) ++close;
        if (close > k + 1 && close < tokens_.size() && tokens_[close].is_punct(')'))
            after = close + 1;
    } else if (tokens_[k].is_punct(',') && in(k + 1, cues::calendar_words) &&
               k + 2 < tokens_.size() && tokens_[k + 2].type == TokenType::Number) {
        after = k + 3;
    }
    if (after && is_dash(after)) dateline_end_ = k;
}

// The length of a place suffix ending word i ("-based" of "London-based"), or 0.
uint32_t EntityFinder::place_suffix(size_t i) const {
    std::string_view w = word(i);
    for (std::string_view suffix : cues::place_suffixes)
        if (w.size() > suffix.size() + 1 && w.ends_with(suffix)) return uint32_t(suffix.size());
    return 0;
}

// Extends a run of name words [a, b] across joiners: particles inside personal names ("de Gaulle")
// always; "of", "for", "on", "of the" only after an organisation or place word ("Bank of England");
// "and", "&" only when the part after it ends the name with one ("Securities and Exchange
// Commission"), or ends the field an organisation is "for" or "on" ("Organisation for Economic
// Cooperation and Development", "Committee on Energy and Commerce").
size_t EntityFinder::extend_run(size_t a, size_t b) const {
    bool after_for = false; // the run crossed "for" or "on" after an organisation's word
    bool after_of = false;  // ... or "of" (its field may end with an organisation's word)
    for (;;) {
        size_t j = b + 1;
        size_t k = j;
        while (k < tokens_.size() && k < j + 2 &&
               ((tokens_[k].is_word() && tokens_[k].has(kLower) &&
                 (in(k, cues::name_joiners) || in(k, cues::name_particles))) ||
                tokens_[k].is_punct('&')))
            ++k;
        if (k == j || k >= tokens_.size() || !is_name_word(k)) return b;
        size_t next_end = k;
        while (next_end + 1 < tokens_.size() && name_part(next_end + 1) && !ends_name(next_end)) ++next_end;
        // One particle or two ("Ursula von der Leyen", "Miguel de la Madrid"). Where capitals mark
        // every noun, a German one only after a name that follows a title ("Bekämpfung von
        // Hunger" is no name, nor is "Sprecherin von Greenpeace" one; "Kommissionspräsidentin
        // Ursula von der Leyen" is); "de", "van" are no German words.
        static constexpr std::string_view kGermanParticles[] = {"von", "der", "den", "das", "zu"};
        bool particle = (k == j + 1 || (k == j + 2 && in(j + 1, cues::name_particles))) && in(j, cues::name_particles);
        if (particle && capitals_mark_nouns_) { // (nor after a title: "Chef de Mission", "Geschäftsführer der Toyota")
            bool titled = false;
            for (size_t t = a; t < b && !titled; ++t) titled = title(t);
            particle = !title(b) && !has_org_or_place_word(k, next_end) &&
                       (titled || !(in(j, kGermanParticles) || in(k - 1, kGermanParticles)));
        }
        bool after_head = in(b, cues::org_words) || in(b, cues::place_words);
        bool conjunction = in(j, kAnd) || tokens_[j].is_punct('&');
        bool ok = false;
        if (particle)
            ok = true;
        else if (conjunction) // "Securities and Exchange Commission", "Trinidad and Tobago"
            ok = k == j + 1 &&
                 (((in(next_end, cues::org_words) || in(next_end, cues::place_words)) &&
                   !has_org_or_place_word(a, b)) ||
                  gazetteer::lookup(key_of(a, next_end, 0)) != gazetteer::Listed::No ||
                  (next_end == k + 1 && name_clitic(next_end)) || // "Standard and Poor's"
                  (after_for && !in(b, cues::legal_forms) && field_after_and(k, next_end, after_of)));
        else
            ok = after_head && !in(j, kThe);
        if (!ok) return b;
        // (So does "of" after an organisation's word (not a place's: "Bay of Biscay and English
        // Channel"), before a field, not a place: "Department of Health and Human
        // Services", "National Institute of Allergy and Infectious Diseases"; not "the Bank of
        // Japan and Sumitomo".)
        const bool of_field = in(j, kOf) && in(b, cues::org_words) && !names_listed_place(k, next_end);
        after_for = after_for || (!conjunction && !particle && (in(j, kForOn) || of_field));
        after_of = after_of || (!conjunction && !particle && of_field);
        b = next_end;
    }
}

// Whether the words [k, e] after the "and" of an organisation's field end that field ("and
// Development"): one or two words, none a title, role or organisation's word (which would start
// a name of its own: "... for Trade and Commerce Secretary Baldrige", "... and Federal Reserve
// Board"), nor a day or month ("the Fund on Monday and Tuesday"), nor an acronym ("the Bank of
// Tokyo and KEB"), and not a place. After "of" the second of two words may be an organisation's
// ("Department of Health and Human Services").
bool EntityFinder::field_after_and(size_t k, size_t e, bool after_of) const {
    if (e > k + 1) return false;
    for (size_t i = k; i <= e; ++i)
        if (title(i) || in(i, cues::roles) || in(i, cues::legal_forms) || in(i, cues::calendar_words) ||
            (in(i, cues::org_words) && !(after_of && i == e && e > k)) || tokens_[i].has(kAllCaps))
            return false;
    return !names_listed_place(k, e);
}

// Whether some of the words [a, b] are a place the gazetteer lists ("Tokyo", "New York").
bool EntityFinder::names_listed_place(size_t a, size_t b) const {
    for (size_t i = a; i <= b; ++i)
        for (size_t e = i; e <= std::min(b, i + 3); ++e)
            if (tokens_[e].is_word() && gazetteer::lookup(key_of(i, e, 0)) != gazetteer::Listed::No) return true;
    return false;
}

// Words in capitals that make a sentence ("FBI SAYS SUSPECT FLED TO CANADA", a wire headline, a
// paragraph shouting) tell no name by their capitals, but the places the gazetteer lists are
// places all the same: from each word of [a, b] on, the longest run of up to four words it lists
// is one. A lone word that is a stopword of English or of a language near it is not ("TELL US",
// Spanish "GUIA PARA DEJAR DE FUMAR": not the state of Pará).
void EntityFinder::add_listed_places(size_t a, size_t b) {
    auto function_word = [&](size_t k) {
        static constexpr std::string_view kLanguages[] = {"es", "pt", "it", "fr", "de", "nl"};
        return in(k, cues::stopwords) ||
               std::any_of(std::begin(kLanguages), std::end(kLanguages),
                           [&](std::string_view l) { return search::is_stopword(folded_[k], l); });
    };
    for (size_t k = a; k <= b;) {
        size_t found = 0; // one past the run's last word
        if (tokens_[k].is_word() && gazetteer::starts_name(word(k)))
            for (size_t e = std::min(b, k + 3) + 1; e-- > k && found == 0;)
                if (tokens_[e].is_word() && gazetteer::lookup(key_of(k, e, 0)) != gazetteer::Listed::No &&
                    !(e == k && function_word(k)))
                    found = e + 1;
        if (found == 0) {
            ++k;
            continue;
        }
        add(k, found - 1, false, false);
        candidates_.back().in_capitals = true;
        k = found;
    }
}

void EntityFinder::find_runs() {
    for (size_t i = 0; i < tokens_.size(); ++i) {
        if (shouting_[i]) { // a paragraph in capitals: only its listed places
            size_t e = i;
            while (e + 1 < tokens_.size() && shouting_[e + 1]) ++e;
            add_listed_places(i, e);
            i = e;
            continue;
        }
        if (!is_name_word(i)) continue;
        size_t b = i;
        // A place suffix ends the name: "Tokyo-based Sony" is two names.
        while (b + 1 < tokens_.size() && name_part(b + 1) && !place_suffix(b) && !ends_name(b)) ++b;
        if (!place_suffix(b)) b = extend_run(i, b);
        // A dateline's place is a name of its own ("NEW YORK" in "NEW YORK, March 3 - ...").
        if (i < dateline_end_) b = std::min(b, dateline_end_ - 1);
        trim_and_add(i, b);
        i = b;
    }
}

// ---- [SECTION] Trimming -------------------------------------------------------------------------

bool is_demonym(std::string_view text, const Token& t) { return analysis::is_demonym(view(text, t)); }

void EntityFinder::trim_and_add(size_t a, size_t b, bool office) {
    // "General" is a rank before a full name ("General Colin Powell"), an adjective before one
    // word ("General Electric", "General Agreement on Tariffs and Trade"); so are other titles
    // that begin names of things ("Agent Orange", "Cardinal Health"; "Director Comey" stays
    // whole). "Special" and the like are a title only before another ("Special Agent Maria
    // Lopez"; "Special Drawing Rights" is none). [en]
    static constexpr std::string_view kAdjectiveTitles[] = {"general",  "agent",    "coach", "cardinal", "constable",
                                                            "admiral",  "director", "chief", "deputy",   "executive",
                                                            "leader"};
    static constexpr std::string_view kModifierTitles[] = {"special", "acting", "assistant", "managing", "senior",
                                                           "associate"};
    // Word k is a title where it stands, before the run's end at b.
    auto cuts_title = [&](size_t k) {
        return title(k) && !(in(k, kAdjectiveTitles) && b < k + 2) &&
               !(in(k, kModifierTitles) && !(k < b && title(k + 1)));
    };
    // Titles whose "of" names a place or a field of more than one word as often as one ("the
    // Archbishop of Buenos Aires"): a person's name after it has two words at least.
    static constexpr std::string_view kWideOffices[] = {"archbishop", "bishop",         "cardinal",  "rabbi",
                                                        "imam",       "sheriff",        "constable", "superintendent",
                                                        "commander",  "admiral",        "envoy",     "coach",
                                                        "agent"};
    // People named by their group after a name are no part of it: "U.S. Officials said" is the
    // United States (headline capitals); an organisation's name may end with them ("National
    // Association of Securities Dealers").
    static constexpr std::string_view kGroups[] = {"official", "officials", "sources", "analysts", "traders", "dealers", "diplomats"};
    while (b > a && in(b, kGroups) && !has_org_or_place_word(a, b - 1)) --b;
    // A month or day with a number after it is a date, not the end of a name ("Record March 20"
    // in a dividend table; "Pay April 15").
    while (b > a && in(b, cues::calendar_words) && b + 1 < tokens_.size() &&
           tokens_[b + 1].type == TokenType::Number)
        --b;
    // A currency after a country's name, abbreviation or people's adjective is no part of a name
    // ("U.S. Dlrs", "H.K. Dollar", "Australian Dlr" in Reuters' title case; "Michel Marks", "Stan
    // M. Marks" are people). [en]
    while (b > a && in(b, cues::currency_words_en) && !tokens_[b].has(kAllCaps)) {
        if (!(dotted_abbreviation(b - 1) || is_demonym(text_, tokens_[b - 1]) ||
              gazetteer::lookup(word(b - 1)) != gazetteer::Listed::No))
            break;
        --b;
    }
    // Nor after a listed place: "New York Dec" is a futures contract's month at New York.
    while (b > a && in(b, cues::calendar_words) && gazetteer::lookup(key_of(a, b - 1, 0)) != gazetteer::Listed::No) --b;
    // An office between an organisation and a person's name: "Senate Finance Committee Chairman
    // Lloyd Bentsen" is the committee and Bentsen, a person; "Defense Secretary Caspar
    // Weinberger" is Weinberger, and "Defense" a name only if the text names it elsewhere. [en]
    // So is a role right after an organisation's word ("Radical Party Deputy Raul Baglini").
    // After an organisation's word the office may name one word: "Treasury Secretary Baker".
    bool role_titled = false;
    for (size_t k = b >= 1 ? b - 1 : a; k > a; --k) {
        const bool role = !title(k) && in(k, cues::roles) && in(k - 1, cues::org_words);
        const bool full_name = k + 2 <= b && is_name_word(k + 2);
        if (!(role || title(k)) || tokens_[k].has(kLower) || !is_name_word(k + 1) ||
            (in(k, kModifierTitles) && !title(k + 1)) || // "the Rason Special Economic Zone"
            !(full_name || (in(k - 1, cues::org_words) && !title(k + 1) && !in(k + 1, cues::roles))))
            continue;
        size_t j = k; // the office's first word ("Prime Minister")
        while (!role && j > a && title(j - 1) && !tokens_[j - 1].has(kLower)) --j;
        if (j == a) break;
        size_t e = j - 1;
        while (e > a && !is_name_word(e)) --e; // "of", "and" left at its end
        if (e > a || has_org_or_place_word(a, e)) trim_and_add(a, e, true);
        else if (is_name_word(a) && !in(a, cues::stopwords)) add(a, a, true, false);
        a = j;
        if (role) { // and the office's other words ("Group Chief Executive Brian Corby")
            a = k + 1;
            while (a + 2 <= b && (in(a, cues::roles) || title(a))) ++a;
        }
        role_titled = role;
        break;
    }
    const size_t first = a;
    bool titled = role_titled;
    // The office in a title with "of" is no part of the name: "Secretary of State George Shultz"
    // -> "George Shultz", a person; "Secretary of State" alone is no name at all; so "Chancellor
    // of the Exchequer Nigel Lawson". [en]
    // After "of the" the office's object is one word and a full name follows, or it is all an
    // organisation ("President of the Brazilian Coffee Institute", "Governor of the Bank of
    // England Robin Leigh-Pemberton").
    const bool of_the = a >= 1 && in(a - 1, kThe) && tokens_[a - 1].has(kLower);
    const size_t of = of_the ? a - 1 : a;
    if (of >= 2 && in(of - 1, kOf) && tokens_[of - 1].has(kLower) && title(of - 2) &&
        !tokens_[of - 2].has(kLower) &&
        (!of_the || (b >= a + 2 && is_name_word(a + 1) && !has_org_or_place_word(a, b) &&
                     !is_demonym(text_, tokens_[a]) && !possessed(b)))) {
        // The object may go on with "for" or "and" ("Minister of State for Finance Tom Hockin"),
        // and be of affairs ("Secretary of State for Inter-American Affairs Paul Taylor").
        static constexpr std::string_view kObjectJoiners[] = {"for", "and"}, kAffairs[] = {"affairs"};
        size_t name = a + 1;
        for (;;) {
            if (name <= b && in(name, kAffairs))
                ++name;
            else if (name + 1 <= b && in(name, kObjectJoiners) && tokens_[name].has(kLower) && is_name_word(name + 1))
                name += 2;
            else
                break;
        }
        // The object's words the text writes in lowercase too are more of it ("Director of
        // Public Credit Mauricio Cabrera", where the text speaks of credit), up to a full name.
        while (name + 1 < b && is_name_word(name) && seen_lowercase(word(name))) ++name;
        // After such a title, a full name: "Director of Criminal Enforcement" names no one.
        const bool loose = in(of - 2, kAdjectiveTitles) || in(of - 2, kModifierTitles) || in(of - 2, kWideOffices);
        if (name <= b && is_name_word(name) && !has_org_or_place_word(name, b) && (!loose || name < b)) { // not "Reading and Bates Drilling Co."
            a = name;
            titled = true;
        } else if (in(a, cues::org_words) || in(a, cues::place_words)) {
            return; // the office alone ("Minister of State for Finance, Tom Hockin, said")
        }
    }
    bool org_like = has_org_or_place_word(a, b);
    // A sentence-initial word before a title is no part of the name ("Later Mr Okafor").
    if (!org_like && tokens_[a].has(kSentenceStart))
        for (size_t k = a + 1; k < b; ++k)
            if (cuts_title(k)) {
                a = k;
                break;
            }
    bool german_role_cut = false;
    while (a <= b) {
        if (!org_like && cuts_title(a) && !(a == first && tokens_[a].has(kSentenceStart) && a == b)) {
            titled = titled || !office;
            german_role_cut = capitals_mark_nouns_ && !in(a, cues::titles);
            ++a;
        } else if (in(a, cues::stopwords) && !tokens_[a].has(kAllCaps) && // "WHO", "US" are names
                   !(a < b && in(a, cues::name_articles) && !tokens_[a].has(kSentenceStart)) &&
                   !(a < b && org_like && in(a, kOrdinals))) {
            ++a;
        } else {
            break;
        }
    }
    if (a > b) return;
    // A German role before one word may name a field as well as a person ("Bereichsleiter Sport",
    // "Vorstand Finanzen", "Trainer Deutschlands"): that word is a person's name only where the
    // text gives it whole ("Trainer Christian Streich" ... "Trainer Streich") or it speaks. [de]
    if (german_role_cut && a == b) titled = false;
    // A role or a trade capitalised before a full name is cut off as a title is ("Spokesman
    // Marlin Fitzwater", "Analyst Sanford Margoshes", "Lawyer F. Lee Bailey"), when no word of
    // the name is one the text writes in lowercase. Not those that begin names of things too
    // ("Economist Intelligence Unit"). [en]
    static constexpr std::string_view kRolesAsTitles[] = {
        "spokesman", "spokeswoman", "spokesperson", "analyst", "lawyer", "attorney", "accountant",
        "broker",    "dealer",      "trader",       "banker",  "strategist", "consultant", "manager"};
    if (!org_like && !office && a + 2 <= b && !tokens_[a].has(kAllCaps) && in(a, kRolesAsTitles) && is_name_word(a + 1)) {
        bool full_name = true;
        for (size_t k = a + 1; k <= b && full_name; ++k) full_name = !(tokens_[k].is_word() && seen_lowercase(word(k)));
        if (full_name) {
            ++a;
            titled = true;
        }
    }
    // A capital after an abbreviation's dot proves no more than one at a sentence start: Reuters'
    // copy capitalises the word after "U.S." ("U.S. Rice", "U.S. Has", "U.S. Trade
    // Representative Clayton Yeutter"). So a word there the text writes in lowercase too is no
    // part of the name, unless the rest holds an organisation's or a place's word ("U.S.
    // Agriculture Department", "U.S. Treasury"); what follows it is a name of its own.
    if (a < b && dotted_abbreviation(a) && !tokens_[a + 1].has(kAllCaps) && !has_org_or_place_word(a + 1, b) &&
        seen_lowercase(word(a + 1))) {
        trim_and_add(a, a, office);
        size_t rest = a + 2;
        while (rest <= b && !is_name_word(rest)) ++rest; // a joiner left at the front
        if (rest <= b) trim_and_add(rest, b, office);
        return;
    }
    if (a == b && a > first && title(a)) return; // an office's last word ("Assistant Director")
    // An office alone before its "of" ("said Director of Public Credit Mauricio Cabrera").
    if (a == b && title(a) && b + 1 < tokens_.size() && in(b + 1, kOf) && tokens_[b + 1].has(kLower)) return;
    bool uncertain = false;
    const Token& t = tokens_[a];
    if (a == first && t.has(kSentenceStart) && !t.has(kAllCaps) && !t.has(kInnerCap)) {
        // A capital at a sentence start proves nothing: the word must be a name on other grounds.
        // (Adjectives that begin institutions' names stay in one with an organisation's word:
        // "Federal Reserve Board Vice-Chairman Manuel Johnson cautioned", where the text also
        // speaks of the federal budget.) [en]
        static constexpr std::string_view kInstitutionAdjectives[] = {
            "federal", "national", "central", "international", "royal", "supreme", "general", "united"};
        const bool institution = a < b && in(a, kInstitutionAdjectives) && has_org_or_place_word(a + 1, b);
        if (seen_lowercase(word(a)) && !institution) {
            ++a; // and a joiner it leaves at the front ("People and Society" -> "Society")
            while (a <= b && !is_name_word(a)) ++a;
            if (a > b) return;
        } else if (a == b) {
            // unless the word is a country's name, or the rest of it says it is a place
            uncertain =
                !place_suffix(a) && gazetteer::lookup(word(a)) != gazetteer::Listed::Country;
        }
    }
    // A legal form alone ("Ltd" left over from "... Ltd <ABC>") names nothing.
    if (a == b && (in(a, cues::calendar_words) || in(a, cues::legal_forms) ||
                   (in(a, cues::stopwords) && !tokens_[a].has(kAllCaps))))
        return;
    if (a == b && a == first && t.has(kSentenceStart) && in(a, cues::label_words) &&
        b + 1 < tokens_.size() && tokens_[b + 1].is_punct(':'))
        return;
    // A people's adjective before a name is no part of it ("Chinese Premier Zhao", "Japanese
    // Finance Minister", "British Chancellor"), but before one word that is neither an office's
    // nor a title nor a listed place ("Southern California") nor an acronym ("British MEPs") it
    // is the start of one more often, unless an article or a determiner says it describes ("the
    // Chinese Twitter equivalent"; a point of the compass names a region after one too: "the
    // Eastern Bloc", "the Western Hemisphere"): "American Express said", "British Petroleum",
    // "Canadian Pacific", "Swiss Franc". [en]
    static constexpr std::string_view kCompass[] = {"eastern", "western", "northern", "southern"};
    if (a < b &&
        (a + 1 < b || office || title(b) || gazetteer::lookup(word(b)) != gazetteer::Listed::No ||
         tokens_[b].has(kAllCaps) ||
         (a > 0 && in(a - 1, kDeterminers) && tokens_[a - 1].has(kLower) && !in(a, kCompass))) &&
        is_demonym(text_, tokens_[a]) && !has_org_or_place_word(a, b) &&
        gazetteer::lookup(key_of(a, b, 0)) == gazetteer::Listed::No) { // not "Saudi Arabia"
        add(a, a, false, false);
        ++a;
    }
    // Shouting is no name: capitals that are all English function words or the abbreviations of
    // mail and forums ("NOT AND YOU", "BTW"); one such word ("WHO", "IT") names something only
    // where the text says so (an acronym it defines or spells), it speaks, or it is a listed
    // country ("US"). (Other languages' articles in capitals are names often: "UN", "LA".)
    static constexpr std::string_view kShouted[] = {"you", "your", "i", "me", "my", "we", "nor", "ok",  "btw",
                                                    "imho", "imo", "fyi", "asap", "aka", "etc", "faq", "lol"};
    // Nor is a phrase in capitals with a function word that joins no name ("DO NOT TRUST THEM";
    // not "BANK OF ENGLAND").
    // (Only names in capitals are looked up: most are not.)
    bool capitals = true, all_shouted = true, joins_nothing = false;
    for (size_t k = a; k <= b && capitals; ++k) {
        capitals = tokens_[k].has(kAllCaps) || !tokens_[k].is_word();
        const bool function_word = capitals && (in(k, cues::function_words) || in(k, cues::person_pronouns) || in(k, kShouted));
        all_shouted = all_shouted && function_word;
        joins_nothing = joins_nothing || (function_word && !in(k, cues::name_joiners));
    }
    if (capitals && a < b && (all_shouted || joins_nothing)) {
        add_listed_places(a, b); // "FBI SAYS SUSPECT FLED TO CANADA" is no name; Canada is
        return;
    }
    if (capitals && all_shouted && gazetteer::lookup(word(a)) == gazetteer::Listed::No) uncertain = true;
    add(a, b, uncertain, titled);
}

// The words [a, b] joined by single spaces, less `cut` bytes at the end.
std::string EntityFinder::key_of(size_t a, size_t b, uint32_t cut) const {
    std::string key;
    for (size_t k = a; k <= b; ++k) {
        if (!key.empty() && tokens_[k].has(kSpaceBefore)) key += ' ';
        key += word(k);
    }
    key.resize(key.size() - cut);
    return key;
}

void EntityFinder::add(size_t a, size_t b, bool uncertain, bool titled) {
    Candidate c;
    c.first = uint32_t(a);
    c.last = uint32_t(b);
    c.cut = place_suffix(b);
    c.key = key_of(a, b, c.cut);
    c.uncertain = uncertain;
    c.dateline = a < dateline_end_;
    if (titled) c.votes.person += kStrong;
    vote(c);
    // Where capitals mark every noun, a capital is no evidence: a name needs a title or role
    // before it, an organisation's or place's word in it, to be a listed country or region, or
    // to be an acronym or written like a brand ("WeChat"); else it is kept only if the text names
    // it so elsewhere or it speaks. A compound's capitals ("Diesel-Autos", "Zwei-Gläser-Methode")
    // and an organisation's or place's word alone ("Partei", "Gericht") are nouns like any other.
    if (capitals_mark_nouns_ && !c.uncertain) {
        bool acronym = false;
        for (size_t k = a; k <= b; ++k) acronym = acronym || tokens_[k].has(kAllCaps) || tokens_[k].has(kCamelCap);
        const bool noun = a == b && (in(a, cues::org_words) || in(a, cues::place_words) || german_body(a, b));
        const Votes& v = c.votes;
        c.uncertain = !acronym && (noun || std::max({v.person, v.organisation, v.place}) < kMedium) && !c.cut &&
                      gazetteer::lookup(c.key) == gazetteer::Listed::No;
    }
    candidates_.push_back(std::move(c));
}

// ---- [SECTION] Votes ----------------------------------------------------------------------------

void EntityFinder::vote(Candidate& c) const {
    size_t a = c.first, b = c.last;
    bool org = false, place = false;
    for (size_t k = a; k <= b; ++k) {
        org = org || in(k, cues::org_words) || german_body(k, b);
        place = place || in(k, cues::place_words);
    }
    // Words that end an institution's name ("White House", "Warburg Securities", "China Daily",
    // "New York Fed", "Yamaichi International", "Air Force", "United Auto Workers", "Neptune
    // Orient Lines"), but at its front or alone are something else: a chamber before an office
    // ("House Speaker"), a name joined by "and" ("Securities and Exchange Commission"), a word. [en]
    static constexpr std::string_view kLastOrgWords[] = {"house", "securities", "daily", "weekly", "fed", "international",
                                                         "force", "workers", "lines"};
    org = org || (b > a && in(b, kLastOrgWords));
    // A name of several words (not one word and its own "'s": "Moody's said" is no person's).
    const bool several_words = b > a && !(b == a + 1 && tokens_[b].type == TokenType::Clitic);
    // Such a name that speaks is a person's, unless it is a title left in it, an adjective
    // there, and one word ("General Electric said", "General Manager"), or a people's adjective
    // and one word ("American Honda said"). [en]
    const bool personal = several_words && !(b == a + 1 && (title(a) || is_demonym(text_, tokens_[a])));
    // Two names joined by "and" are no one person: "Standard and Poor's", "Marks and Spencer".
    bool joined = false;
    for (size_t k = a + 1; k < b && !joined; ++k) // (not a title's "And": "Gold And Tales Untold")
        joined = (in(k, kAnd) && tokens_[k].has(kLower)) || tokens_[k].is_punct('&');
    if (org)
        c.votes.organisation += kStrong;
    else if (joined && !place)
        c.votes.organisation += kMedium;
    else if (place && a < b) // a place word alone names no place ("Republic" for Republic Health)
        c.votes.place += kStrong;

    // A German word after an article, or a preposition with its article in it, is a noun ("der
    // Mitteilung", "zum Beispiel"): it does not speak however near a speech verb. [de]
    static constexpr std::string_view kWithArticleDe[] = {"im", "am", "zum", "zur", "vom", "beim", "ins", "ans"};
    const bool german_noun = capitals_mark_nouns_ && a == b && a > 0 && tokens_[a - 1].has(kLower) &&
                             (in(a - 1, cues::determiners_de) || in(a - 1, kWithArticleDe));
    // Before: a role ("spokesman Jiang"), a speech verb ("said Jiang"), an organisation noun
    // ("state media mouthpiece Xinhua"), a preposition of place ("in China").
    if (a > 0) {
        // (Not an acronym: "official OPEC prices".)
        if (in(a - 1, cues::roles) && tokens_[a - 1].has(kLower) && !(a == b && tokens_[a].has(kAllCaps))) c.votes.person += kMedium;
        // "…,” said Jiang Jun": an inverted attribution (not "said China's ...", reported speech).
        if (in(a - 1, cues::speech_verbs) && a >= 2 && !german_noun &&
            (tokens_[a - 2].has(kCloseQuote) || tokens_[a - 2].is_punct(','))) {
            if (personal) c.votes.person += kWeak;
            c.speaks = true;
        }
        for (size_t k = a, n = 0; k > 0 && n < 3; --k, ++n) {
            const Token& p = tokens_[k - 1];
            if (!p.is_word() || !p.has(kLower) || in(k - 1, cues::function_words)) break;
            if (in(k - 1, cues::org_nouns)) {
                c.votes.organisation += kMedium;
                break;
            }
        }
        // "in Bahia", but not "a stake in Viacom", "in British", "in AMC", "in mid-February",
        // "in Early 1989" or "growth in M-1" (companies, adjectives, acronyms, dates and codes
        // follow "in" as often as places do in business news).
        const std::string_view w = word(a);
        if (a == b && !org && in(a - 1, cues::place_prepositions) && tokens_[a].has(kCapital) &&
            !tokens_[a].has(kAllCaps) && !is_demonym(text_, tokens_[a]) &&
            std::none_of(w.begin(), w.end(), [](char ch) { return ch >= '0' && ch <= '9'; }) &&
            !(a >= 2 && in(a - 2, cues::holding_nouns)) &&
            !(b + 1 < tokens_.size() && tokens_[b + 1].type == TokenType::Number))
            c.votes.place_hint += kWeak;
        // The agency of a dateline: "LONDON (Reuters) -".
        if (dateline_end_ && a == dateline_end_ + 1 && tokens_[a - 1].is_punct('('))
            c.votes.organisation += kMedium;
    }
    // Places by context [en]: a dateline, "London-based", "Hubei province", "the city of
    // Salvador", "the Thai capital Bangkok". Not after a nationality ("the Chinese state").
    if (c.dateline) c.votes.place += kStrong;
    if (c.cut) c.votes.place += kMedium;
    auto lower_in = [&](size_t i, std::span<const std::string_view> table) {
        return in(i, table) && tokens_[i].has(kLower);
    };
    if (!org && !(a == b && is_demonym(text_, tokens_[a]))) {
        // "Hubei province", "Bahia state said", not "the Algerian state petroleum agency": the
        // noun ends the phrase.
        if (!c.cut && lower_in(b + 1, cues::place_nouns) &&
            !(b + 2 < tokens_.size() && tokens_[b + 2].is_word() && tokens_[b + 2].has(kLower) &&
              !in(b + 2, cues::function_words) && !in(b + 2, cues::speech_verbs)))
            c.votes.place += kMedium;
        if (a >= 2 && lower_in(a - 1, kOf) && lower_in(a - 2, cues::place_nouns))
            c.votes.place += kMedium;
        else if (a >= 1 && lower_in(a - 1, cues::place_nouns_before))
            c.votes.place += kMedium;
    }
    // After: a speech verb ("Jiang said"), an apposition with a role ("Jiang Jun, spokesman of").
    if (b + 1 < tokens_.size()) {
        // Companies speak as often as people: a speech verb marks a person only when the name
        // looks like a full personal name (two or more words).
        // Not a passive ("Eventually recalled by the Reich": the name is not the one speaking).
        const bool passive = b + 2 < tokens_.size() && word(b + 2) == "by";
        // Nor the employer of the one who speaks ("analyst Rosario Ilacqua of L.F. Rothschild said").
        const bool employer = a >= 2 && lower_in(a - 1, kOf) && is_name_word(a - 2);
        if (in(b + 1, cues::speech_verbs) && !passive && !german_noun) {
            if (personal && !employer) c.votes.person += kWeak;
            c.speaks = true;
        }
        // An employer: a name of several words with its people or its shares right after it
        // ("Goldman Sachs analyst Jim Brown", "General Electric chairman Jack Welch said", "Morgan
        // Stanley economists", "Credit Suisse shares"), which a person's name seldom has. A role
        // in the singular counts only before a name or a speech verb ("named John Smith chairman
        // of the board" is his office). Not "officials", which a city or a country has as often.
        if (several_words && !is_demonym(text_, tokens_[a]) && !is_demonym(text_, tokens_[b]) &&
            tokens_[b + 1].has(kLower) &&
            (in(b + 1, cues::employer_nouns) ||
             (in(b + 1, cues::employer_roles) && b + 2 < tokens_.size() &&
              (is_name_word(b + 2) || in(b + 2, cues::speech_verbs))))) {
            c.votes.organisation += kMedium;
            ++c.votes.employer;
        }
        // A full name "of" a company is someone who works there ("Philip Braverman of Irving
        // Trust Securities Inc", "Peter Greenbaum of Smith, Barney, Harris Upham and Co"). The
        // company's name is known by an organisation's word or a legal form after a word of its
        // own, or before its own "of" ("Keiichi Udagawa of Bank of Tokyo"; "a Joint Session of
        // Congress" is no one). A company's name "of" a place is its branch there ("Porsche Cars
        // of North America Inc"), and a surname or a given name after the first is no word the
        // text writes in lowercase ("Gold Fields of ...", "Discovery Centers of ..."). [en]
        auto looks_like_a_persons = [&] {
            if (gazetteer::lookup(word(a)) != gazetteer::Listed::No) return false; // "U.S. Secretary"
            for (size_t k = a; k <= b; ++k)
                if (title(k) || in(k, cues::roles) || (k > a && tokens_[k].is_word() && seen_lowercase(word(k))))
                    return false;
            for (size_t e = b + 2; e < b + 5 && e < tokens_.size() && is_name_word(e); ++e)
                if (gazetteer::lookup(key_of(b + 2, e, 0)) != gazetteer::Listed::No) return false;
            return true;
        };
        if (english_ && several_words && !org && !place && !joined && !is_demonym(text_, tokens_[a]) &&
            lower_in(b + 1, kOf) && is_name_word(b + 2) && looks_like_a_persons()) {
            for (size_t r = b + 2; r < tokens_.size() && r < b + 14; ++r) {
                if ((r > b + 2 || lower_in(r + 1, kOf)) && (in(r, cues::org_words) || in(r, cues::legal_forms))) {
                    c.votes.person += kWeak;
                    break;
                }
                const Token& t = tokens_[r];
                if (t.is_punct(',') || is_name_word(r) || (in(r, cues::name_joiners) && t.has(kLower))) continue;
                break;
            }
        }
        // The role may follow an employer or a qualifier ("John Sculley, Apple chairman", "Bruce
        // Lupatkin, senior technology analyst with"). A role that speaks starts a clause of its
        // own, no apposition ("In Tokyo, a spokesman said"), as does one before a name ("the
        // ICCO, buffer stock manager Juergen Plambeck"); an acronym alone is seldom a person.
        // The words before the role are read in English text only ("gerente general de": no
        // "general"). After "in" only "who" speaks for a person ("in Donald Trump, who"; "In
        // Tehran, an official of the ministry said" is the official's place).
        static constexpr std::string_view kWho[] = {"who"};
        const bool after_in = a > 0 && in(a - 1, cues::place_prepositions);
        if (tokens_[b + 1].is_punct(',') && !(a == b && tokens_[a].has(kAllCaps))) {
            size_t r = b + 2;
            if (in(r, kDeterminers)) ++r;
            const size_t most = english_ && !after_in ? 3 : 0;
            for (size_t skipped = 0; r < tokens_.size() && skipped <= most; ++r, ++skipped) {
                if (in(r, cues::roles) && tokens_[r].has(kLower) && (!after_in || in(r, kWho))) {
                    if (!in(r + 1, cues::speech_verbs) && !is_name_word(r + 1)) c.votes.person += kMedium;
                    break;
                }
                if (!(tokens_[r].is_word() || tokens_[r].type == TokenType::Clitic) || in(r, cues::function_words) ||
                    in(r, cues::speech_verbs))
                    break;
            }
        }
    }
}

// ---- [SECTION] Merging --------------------------------------------------------------------------

// A word's first letter in capitals (ASCII), as an acronym writes it; 0 for an empty word.
char initial_of(std::string_view word) {
    const char c = word.empty() ? 0 : word[0];
    return c >= 'a' && c <= 'z' ? char(c - 'a' + 'A') : c;
}

// True when the acronym's letters are the initials of the name's words, in order (words may be
// skipped: "Centers for Disease Control and Prevention (CDC)").
bool initials_match(std::string_view acronym, const std::vector<std::string_view>& words) {
    size_t i = 0;
    for (size_t w = 0; w < words.size() && i < acronym.size(); ++w) {
        if (initial_of(words[w]) == acronym[i])
            ++i;
        else if (w == 0)
            return false;
    }
    return i == acronym.size();
}

void EntityFinder::find_acronyms() {
    for (const Candidate& c : candidates_) {
        size_t p = c.last + 1;
        if (c.last == c.first || p + 2 >= tokens_.size()) continue;
        if (!tokens_[p].is_punct('(') || !tokens_[p + 2].is_punct(')')) continue;
        const Token& acr = tokens_[p + 1];
        if (!acr.is_word() || !acr.has(kAllCaps) || acr.end - acr.begin > 12) continue;
        std::vector<std::string_view> words;
        for (size_t k = c.first; k <= c.last; ++k)
            if (tokens_[k].is_word() && !tokens_[k].has(kLower)) words.push_back(word(k));
        std::string letters;
        for (char ch : view(text_, acr))
            if (ch >= 'A' && ch <= 'Z') letters += ch;
        if (letters.size() < 2 || !initials_match(letters, words)) continue;
        std::string acronym(view(text_, acr));
        if (alias_of_.contains(acronym)) continue;
        add_alias(acronym, c.key);
        acronym_defs_.emplace_back(c.key, acr.range());
    }
    // An acronym the text uses without defining it, of three or more letters that are the
    // initials of every capitalised word of one long name in the text, and of no other ("the
    // Organisation for Economic Cooperation and Development ... OECD", "Gross Domestic Product
    // ... GDP"). Not a person's initials.
    auto undefined_acronym = [&](const Candidate& c) {
        return c.first == c.last && tokens_[c.first].has(kAllCaps) && word(c.first).size() >= 3 &&
               !alias_of_.contains(std::string(word(c.first)));
    };
    if (std::none_of(candidates_.begin(), candidates_.end(), undefined_acronym)) return; // most articles
    std::unordered_map<std::string, std::vector<const Candidate*>> by_initials;
    for (const Candidate& c : candidates_) {
        std::string initials;
        for (size_t k = c.first; k <= c.last; ++k)
            if (tokens_[k].is_word() && !tokens_[k].has(kLower)) initials += initial_of(word(k));
        const auto& v = c.votes;
        if (initials.size() >= 3 && !(v.person > 0 && v.person >= std::max(v.organisation, v.place))) by_initials[initials].push_back(&c);
    }
    for (const Candidate& c : candidates_) {
        if (!undefined_acronym(c)) continue;
        std::string acronym(word(c.first));
        auto it = by_initials.find(acronym);
        if (it == by_initials.end()) continue;
        const std::string& name = resolve(it->second.front()->key);
        if (!std::all_of(it->second.begin(), it->second.end(), [&](const Candidate* l) { return resolve(l->key) == name; })) continue;
        add_alias(acronym, name);
        acronym_defs_.emplace_back(name, tokens_[c.first].range());
    }
}

const std::string& EntityFinder::resolve(const std::string& key) const {
    auto it = alias_of_.find(key);
    return it != alias_of_.end() ? it->second : key;
}

std::vector<std::string_view> split_words(std::string_view key) {
    std::vector<std::string_view> words;
    size_t start = 0;
    for (size_t i = 0; i <= key.size(); ++i) {
        if (i == key.size() || key[i] == ' ') {
            if (i > start) words.push_back(key.substr(start, i - start));
            start = i + 1;
        }
    }
    return words;
}

// A one-word name that is the first or last word of exactly one longer name of a person (or of a
// name with no type) is that name: "Jiang" -> "Jiang Jun", "Smith" -> "Comissaria Smith".
void EntityFinder::merge_variants(const std::vector<std::string>& certain) {
    // The votes of every name, summed over its mentions (sorted by key, parallel to `certain`).
    std::vector<Votes> totals(certain.size());
    for (const Candidate& c : candidates_) {
        auto it = std::lower_bound(certain.begin(), certain.end(), resolve(c.key));
        if (it == certain.end() || *it != resolve(c.key)) continue;
        Votes& v = totals[size_t(it - certain.begin())];
        v.person += c.votes.person;
        v.organisation += c.votes.organisation;
        v.place += c.votes.place;
        v.place_hint += c.votes.place_hint;
        v.employer += c.votes.employer;
    }
    // A country's name is typed too ("Jordan" stays the country beside "Michael Jordan"); a
    // state's is not ("Virginia" after "Virginia Woolf" is the woman), unless a preposition
    // says so ("in Virginia").
    // (A company known by its people or shares alone is not typed for this: "Walker" is "Brent
    // Walker" after "Brent Walker chairman", as before it.)
    auto typed = [&](size_t i) {
        const Votes& v = totals[i];
        return v.organisation > kMedium * v.employer || v.place > 0 || v.place_hint > 0 ||
               gazetteer::lookup(certain[i]) == gazetteer::Listed::Country;
    };
    // Untyped names of several words by their first and their last word (each name once per
    // word), so a one-word name finds its fuller forms at once: a pass over every name for each
    // one was quadratic in the names of a text (a long list of them took minutes).
    std::unordered_map<std::string_view, std::vector<size_t>> by_end;
    for (size_t l = 0; l < certain.size(); ++l) {
        const std::string& longer = certain[l];
        if (longer.find(' ') == std::string::npos || resolve(longer) != longer || typed(l)) continue;
        auto words = split_words(longer);
        by_end[words.front()].push_back(l);
        if (words.back() != words.front()) by_end[words.back()].push_back(l);
    }
    std::vector<Alias> found;
    for (size_t s = 0; s < certain.size(); ++s) {
        const std::string& key = certain[s];
        if (key.find(' ') != std::string::npos || resolve(key) != key || typed(s)) continue;
        auto it = by_end.find(key);
        if (it != by_end.end() && it->second.size() == 1) found.push_back({key, certain[it->second.front()]});
    }
    // Organisations of several words, by their first word when they end with a legal form or have
    // people or shares and no institution's word (a company's: "Kidder" after "Kidder Peabody
    // analysts"; not "Tokyo" after "Tokyo Stock Exchange officials"), and by each of their words.
    std::unordered_map<std::string_view, std::vector<size_t>> company_by_first, org_by_word;
    for (size_t l = 0; l < certain.size(); ++l) {
        const Votes& v = totals[l];
        if (certain[l].find(' ') == std::string::npos || resolve(certain[l]) != certain[l] ||
            v.organisation <= std::max(v.person, v.place))
            continue;
        auto words = split_words(certain[l]);
        const bool institution = std::any_of(words.begin(), words.end(), [](std::string_view w) {
            const std::string f = fold(w);
            return contains(cues::org_words, f) || contains(cues::place_words, f);
        });
        if (contains(cues::legal_forms, fold(words.back())) || (v.employer > 0 && !institution))
            company_by_first[words.front()].push_back(l);
        std::sort(words.begin(), words.end());
        words.erase(std::unique(words.begin(), words.end()), words.end());
        for (std::string_view w : words) org_by_word[w].push_back(l);
    }
    auto the_one = [](const auto& map, std::string_view key) -> const std::vector<size_t>* {
        auto it = map.find(key);
        return it != map.end() && it->second.size() == 1 ? &it->second : nullptr;
    };
    // One company by its first word, written with and without more words ("Caesars World" and
    // "Caesars World Inc", merged below): the fullest, if each of the others begins it.
    auto the_company = [&](std::string_view key) -> std::optional<size_t> {
        auto it = company_by_first.find(key);
        if (it == company_by_first.end()) return std::nullopt;
        size_t fullest = it->second.front();
        for (size_t l : it->second)
            if (certain[l].size() > certain[fullest].size()) fullest = l;
        for (size_t l : it->second) {
            const std::string& name = certain[l];
            const std::string& full = certain[fullest];
            if (!full.starts_with(name) || (full.size() > name.size() && full[name.size()] != ' ')) return std::nullopt;
        }
        return fullest;
    };
    // (add_alias keeps an alias's first target, so these come after the variants above.)
    for (size_t s = 0; s < certain.size(); ++s) {
        const std::string& key = certain[s];
        if (key.find(' ') != std::string::npos || resolve(key) != key) continue;
        // A company's first word alone, when it begins no other company's name: "Moody's" after
        // "Moody's Investors Service Inc", "Salomon" after "Salomon Brothers Inc". (Not an
        // institution's: "London" is no "London Stock Exchange", "Reagan" no "Reagan
        // Administration".)
        if (!typed(s) && totals[s].person == 0 && !analysis::is_demonym(key))
            if (const auto one = the_company(key)) found.push_back({key, certain[*one]});
        // An institution by its kind alone, when the text names one institution of that kind: "the
        // Bank" after "the Bank of Spain", "the Fund" after "the International Monetary Fund".
        const std::string kind = fold(key);
        if (contains(cues::org_words, kind) && !contains(cues::legal_forms, kind))
            if (const auto* one = the_one(org_by_word, key)) found.push_back({key, certain[one->front()]});
    }
    // A company named with and without its legal form ("Brown-Forman Inc", "Brown-Forman").
    for (const std::string& longer : certain) {
        auto words = split_words(longer);
        if (words.size() < 2 || resolve(longer) != longer) continue;
        std::string last = fold(words.back());
        if (!contains(cues::legal_forms, last)) continue;
        std::string shorter(longer.substr(0, size_t(words.back().data() - longer.data())));
        while (!shorter.empty() && (shorter.back() == ' ' || shorter.back() == ','))
            shorter.pop_back();
        if (std::binary_search(certain.begin(), certain.end(), shorter) &&
            resolve(shorter) == shorter)
            found.push_back({shorter, longer});
    }
    // One country under its several names ("U.S." and "United States"): the name the text uses
    // most stands for the others. [en]
    for (const auto& group : cues::same_country) {
        std::vector<std::pair<size_t, std::string_view>> named; // mentions, name
        for (std::string_view name : group) {
            if (name.empty()) continue;
            std::string key(name);
            if (!std::binary_search(certain.begin(), certain.end(), key) || resolve(key) != key) continue;
            size_t mentions = size_t(std::count_if(candidates_.begin(), candidates_.end(),
                                                   [&](const Candidate& c) { return c.key == key; }));
            named.emplace_back(mentions, name);
        }
        if (named.size() < 2) continue;
        std::stable_sort(named.begin(), named.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
        for (size_t i = 1; i < named.size(); ++i) found.push_back({std::string(named[i].second), std::string(named[0].second)});
    }
    for (const Alias& a : found) add_alias(a.from, a.to);
}

Entities EntityFinder::run() {
    Entities out;
    index_words();
    find_owned_clitics();
    find_dateline();
    find_runs();
    find_acronyms();

    // Names with evidence of their own; then the uncertain ones that match them or speak.
    std::vector<std::string> certain;
    for (const Candidate& c : candidates_)
        if (!c.uncertain) certain.push_back(resolve(c.key));
    std::sort(certain.begin(), certain.end());
    certain.erase(std::unique(certain.begin(), certain.end()), certain.end());
    auto is_certain = [&](const std::string& k) {
        return std::binary_search(certain.begin(), certain.end(), k);
    };
    std::unordered_set<std::string_view> ends; // first and last words of names of several words
    for (const std::string& c : certain) {
        auto w = split_words(c);
        if (w.size() > 1) ends.insert(w.front()), ends.insert(w.back());
    }
    auto is_part_of_certain = [&](const std::string& k) { return ends.count(k) > 0; };
    std::vector<uint32_t> kept;
    for (uint32_t i = 0; i < candidates_.size(); ++i) {
        const Candidate& c = candidates_[i];
        if (!c.uncertain || is_certain(resolve(c.key)) || is_part_of_certain(c.key) || c.speaks)
            kept.push_back(i);
    }
    for (uint32_t i : kept)
        if (candidates_[i].uncertain) certain.push_back(resolve(candidates_[i].key));
    std::sort(certain.begin(), certain.end());
    certain.erase(std::unique(certain.begin(), certain.end()), certain.end());
    // A place in capitals, a dateline's or a headline's, is the place the story names in mixed
    // case ("SALVADOR" -> "Salvador", "FLED TO CANADA" -> "Canada").
    // (The names by their folded form, made once: a text in capitals may name thousands.)
    std::unordered_map<std::string, std::vector<const std::string*>> by_fold;
    for (const Candidate& c : candidates_) {
        if (!(c.dateline || c.in_capitals) || resolve(c.key) != c.key) continue;
        if (by_fold.empty())
            for (const std::string& k : certain) by_fold[fold(k)].push_back(&k);
        const auto it = by_fold.find(fold(c.key));
        if (it == by_fold.end()) continue;
        for (const std::string* k : it->second)
            if (*k != c.key) {
                add_alias(c.key, *k);
                break;
            }
    }
    merge_variants(certain);

    // One entity per resolved key, numbered in order of first mention (kept is in text order).
    std::unordered_map<std::string, uint32_t> by_key; // resolved key -> entity index
    std::vector<uint8_t> name_in_caps;                // per entity: its name is in capitals
    for (uint32_t i : kept) {
        const Candidate& c = candidates_[i];
        // A variant of an acronym's long form resolves twice.
        const auto [it, fresh] = by_key.try_emplace(resolve(resolve(c.key)), uint32_t(out.list.size()));
        const uint32_t e = it->second;
        if (fresh) out.list.push_back({});
        ByteRange r{tokens_[c.first].begin, tokens_[c.last].end - c.cut};
        out.mentions.push_back({r, e});
        Entity& ent = out.list[e];
        // The fullest mention names it; of two as long, one not in capitals ("Salvador", not
        // the dateline's "SALVADOR").
        bool caps = tokens_[c.first].has(kAllCaps);
        if (e == name_in_caps.size()) name_in_caps.push_back(caps);
        if (ent.count == 0 || r.size() > ent.name.size() ||
            (r.size() == ent.name.size() && name_in_caps[e] && !caps)) {
            ent.name = r;
            name_in_caps[e] = caps;
        }
        ++ent.count;
    }
    // Kinds from the votes of all mentions; ties go organisation, person, place.
    std::vector<Votes> votes(out.list.size());
    for (size_t m = 0; m < kept.size(); ++m) {
        const Votes& v = candidates_[kept[m]].votes;
        Votes& t = votes[out.mentions[m].entity];
        t.person += v.person;
        t.organisation += v.organisation;
        t.place += v.place;
        t.place_hint += v.place_hint;
    }
    std::vector<uint8_t> speaks(out.list.size(), 0);
    for (size_t m = 0; m < kept.size(); ++m)
        if (candidates_[kept[m]].speaks) speaks[out.mentions[m].entity] = 1;
    // The gazetteer, once per entity by its name: a listed country is a place unless a title makes
    // it a person ("Queen Georgia"); a listed state is two medium votes, so a role alone
    // ("Victoria, a director") does not undo it.
    std::vector<gazetteer::Listed> listed(out.list.size(), gazetteer::Listed::No);
    for (const auto& [key, e] : by_key) listed[e] = gazetteer::lookup(key);
    for (size_t e = 0; e < out.list.size(); ++e) {
        Votes v = votes[e];
        if (listed[e] == gazetteer::Listed::Country && v.person < kStrong)
            v = {0, 0, kStrong};
        else if (listed[e] == gazetteer::Listed::Region)
            v.place += 2 * kMedium;
        int best = std::max({v.person, v.organisation, v.place});
        // No other evidence, but it speaks and its fullest name has two words (not a title and
        // one word): a person.
        const std::string_view name = text_of(text_, out.list[e].name);
        const size_t space = name.find(' ');
        if (best <= 0 && speaks[e] && space != std::string_view::npos &&
            !(name.find(' ', space + 1) == std::string_view::npos &&
              (in_table(cues::titles, fold(name.substr(0, space))) || analysis::is_demonym(name.substr(0, space)))))
            out.list[e].kind = EntityKind::Person;
        // Nothing but a preposition: a place ("in Bahia").
        else if (best <= 0 && v.place_hint > 0)
            out.list[e].kind = EntityKind::Place;
        if (best <= 0) continue;
        out.list[e].kind = v.organisation == best ? EntityKind::Organisation
                           : v.person == best     ? EntityKind::Person
                                                  : EntityKind::Place;
    }
    for (const auto& [key, range] : acronym_defs_)
        if (auto it = by_key.find(key); it != by_key.end()) out.list[it->second].acronym = range;
    return out;
}

} // namespace

std::string_view text_of(std::string_view text, ByteRange range) {
    size_t b = std::min<size_t>(range.begin, text.size());
    size_t e = std::clamp<size_t>(range.end, b, text.size());
    return text.substr(b, e - b);
}

std::string_view to_string(EntityKind kind) {
    switch (kind) {
    case EntityKind::Person:
        return "person";
    case EntityKind::Organisation:
        return "organisation";
    case EntityKind::Place:
        return "place";
    case EntityKind::Other:
        break;
    }
    return "other";
}

int32_t Entities::at(ByteRange range) const {
    auto it = std::upper_bound(mentions.begin(), mentions.end(), range.begin,
                               [](uint32_t pos, const Mention& m) { return pos < m.range.begin; });
    // The mention starting at or before range.begin, then those starting inside the range.
    if (it != mentions.begin()) --it;
    for (; it != mentions.end() && it->range.begin < std::max(range.end, range.begin + 1); ++it)
        if (it->range.end > range.begin) return int32_t(it->entity);
    return -1;
}

Entities find_entities(std::string_view text, std::string_view language) {
    if (text.size() >= UINT32_MAX) return {};
    const std::vector<analysis::Token> tokens = analysis::tokenize(text);
    return analysis::find_entities(text, tokens, analysis::FoldedWords(text, tokens), language);
}

Entities analysis::find_entities(std::string_view text, const std::vector<Token>& tokens, const FoldedWords& folded,
                                 std::string_view language) {
    return EntityFinder(text, tokens, folded, language).run();
}

} // namespace broadsheet
