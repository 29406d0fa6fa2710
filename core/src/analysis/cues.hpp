// Internal: the word lists the analysers use as cues. Data, not code: extend a table, not a rule.
//
// Every entry is folded (Unicode lowercase, no trailing dot), as tokens are compared after fold().
// Tables marked [en] are English; where a table lists other languages' words, they are marked with
// the language. Text in another language loses only the cues it lacks: capitalisation, acronym
// definitions, quote marks and digits still work; a word that is not in a table is simply not a
// cue.
#pragma once

#include "broadsheet/analysis.hpp"

#include <span>
#include <string_view>

namespace broadsheet::analysis::cues {

using namespace std::string_view_literals;

// Words whose trailing dot is part of the word, not a sentence end. [en; "sr", "sra", "mme": es/fr;
// "mio", "mrd", "tsd": de, "3 Mio. Euro"]
inline constexpr std::string_view abbreviations[] = {
    "mr",  "mrs",  "ms",   "dr",  "prof", "st",  "jr",  "sr",   "sra", "mme",  "gen", "col",
    "lt",  "capt", "sgt",  "rev", "hon",  "gov", "sen", "sens", "rep", "reps", "inc", "corp",
    "co",  "ltd",  "bros", "vs",  "etc",  "no",  "jan", "feb",  "mar", "apr",  "aug", "sept",
    "sep", "oct",  "nov",  "dec", "mt",   "ft",  "fig", "mio",  "mrd", "tsd"};

// Capitalised words that start sentences but are not names: articles, pronouns, conjunctions,
// sentence adverbs. [en, with the articles and pronouns of fr, de, es, it, pt, nl]
inline constexpr std::string_view stopwords[] = {
    // en
    "the", "a", "an", "this", "that", "these", "those", "it", "its", "he", "she", "they", "we", "i",
    "you", "his", "her", "their", "our", "my", "your", "him", "them", "us", "in", "on", "at", "for",
    "of", "to", "by", "with", "from", "into", "but", "and", "or", "nor", "if", "when", "while",
    "as", "after", "before", "according", "however", "meanwhile", "although", "though", "because",
    "since", "despite", "there", "here", "what", "who", "whom", "whose", "why", "how", "where",
    "which", "some", "many", "most", "all", "such", "no", "not", "yes", "also", "still", "yet",
    "so", "then", "now", "today", "yesterday", "tomorrow", "last", "next", "each", "every", "both",
    "either", "neither", "any", "other", "another", "one", "two", "three", "first", "second",
    "third", "more", "less", "few", "much", "under", "over", "about", "between", "during",
    "without", "within", "until", "unless", "whether", "once", "instead", "indeed", "perhaps",
    "maybe", "thus", "hence", "therefore", "again", "even", "only", "just", "do", "does", "did",
    "is", "are", "was", "were", "be", "been", "has", "have", "had", "will", "would", "can", "could",
    "may", "might", "should", "must", "shall", "let", "please", "mr", "mrs", "ms", "dr", "oh",
    "later", "earlier", "tonight", "recently", "currently", "finally", "overall", "separately",
    "similarly", "meanwhile", "initially", "previously", "elsewhere", "altogether",
    // "I" with a verb, always capitalised
    "i'm", "i've", "i'll", "i'd", "i\u2019m", "i\u2019ve", "i\u2019ll", "i\u2019d",
    // fr, de, es, it, pt, nl: articles and pronouns
    "le", "la", "les", "un", "une", "des", "du", "il", "elle", "ils", "elles", "nous", "vous", "je",
    "ce", "der", "die", "das", "ein", "eine", "er", "sie", "es", "wir", "ich", "el", "los", "las",
    "una", "ella", "lo", "gli", "uno", "o", "os", "as", "um", "uma", "de", "het", "een", "ik",
    "zij"};

// Articles that begin a name when capitalised inside a sentence ("Los Angeles", "El Salvador",
// "Le Monde"); at a sentence start they are articles. [es, fr, it, pt, ar]
inline constexpr std::string_view name_articles[] = {"el", "los", "las", "la", "le", "les", "al"};

// Titles written before a name ("Mr Jiang", "President Xi", "Prime Minister ..."); they are cut
// off the name and mark a person. Some are cut only before a full name or another title
// (entities.cpp: "General Electric", "Agent Orange", "Special Drawing Rights"). [en; "m", "mme",
// "herr", "frau", "señor", "sr", "signor": fr/de/es/it]
inline constexpr std::string_view titles[] = {"mr",
                                              "mrs",
                                              "ms",
                                              "miss",
                                              "dr",
                                              "prof",
                                              "professor",
                                              "sir",
                                              "dame",
                                              "lord",
                                              "lady",
                                              "president",
                                              "vice",
                                              "prime",
                                              "minister",
                                              "secretary",
                                              "undersecretary",
                                              "leader",
                                              "senator",
                                              "sen",
                                              "sens",
                                              "reps",
                                              "governor",
                                              "gov",
                                              "mayor",
                                              "judge",
                                              "justice",
                                              "king",
                                              "queen",
                                              "prince",
                                              "princess",
                                              "pope",
                                              "rev",
                                              "reverend",
                                              "father",
                                              "sister",
                                              "general",
                                              "gen",
                                              "colonel",
                                              "col",
                                              "captain",
                                              "capt",
                                              "lieutenant",
                                              "lt",
                                              "sergeant",
                                              "sgt",
                                              "chairman",
                                              "chairwoman",
                                              "chancellor",
                                              "treasurer",
                                              "speaker",
                                              "premier",
                                              "ambassador",
                                              "commissioner",
                                              "detective",
                                              "officer",
                                              "inspector",
                                              "rep",
                                              "representative",
                                              "congressman",
                                              "congresswoman",
                                              "archbishop",
                                              "bishop",
                                              "cardinal",
                                              "rabbi",
                                              "imam",
                                              "sheriff",
                                              "constable",
                                              "superintendent",
                                              "commander",
                                              "admiral",
                                              "envoy",
                                              "coach",
                                              "agent",
                                              "director",
                                              "chief",
                                              "deputy",
                                              "executive",
                                              "special",
                                              "acting",
                                              "assistant",
                                              "managing",
                                              "senior",
                                              "associate",
                                              "sheikh",
                                              "ayatollah",
                                              "m",
                                              "mme",
                                              "herr",
                                              "frau",
                                              "señor",
                                              "señora",
                                              "sr",
                                              "sra",
                                              "signor",
                                              "signora"};

// Lowercase role nouns around a name ("spokesman Jiang Jun", "Jiang Jun, spokesman of"). [en]
inline constexpr std::string_view roles[] = {"spokesman",
                                             "spokeswoman",
                                             "spokesperson",
                                             "minister",
                                             "president",
                                             "chairman",
                                             "chairwoman",
                                             "director",
                                             "chief",
                                             "executive",
                                             "analyst",
                                             "professor",
                                             "senator",
                                             "secretary",
                                             "leader",
                                             "official",
                                             "judge",
                                             "lawyer",
                                             "attorney",
                                             "head",
                                             "founder",
                                             "co-founder",
                                             "author",
                                             "editor",
                                             "economist",
                                             "governor",
                                             "mayor",
                                             "ambassador",
                                             "manager",
                                             "commissioner",
                                             "researcher",
                                             "scientist",
                                             "officer",
                                             "spokespeople",
                                             "adviser",
                                             "advisor",
                                             "deputy",
                                             "diplomat",
                                             "general",
                                             "boss",
                                             "ceo",
                                             "cfo",
                                             "chancellor",
                                             "treasurer",
                                             "premier",
                                             "king",
                                             "queen",
                                             "activist",
                                             "campaigner",
                                             "journalist",
                                             "reporter",
                                             "writer",
                                             "singer",
                                             "actor",
                                             "actress",
                                             "player",
                                             "coach",
                                             "candidate",
                                             "member",
                                             "politician",
                                             "mp",
                                             "mep",
                                             "representative",
                                             "colleague",
                                             "father",
                                             "mother",
                                             "son",
                                             "daughter",
                                             "wife",
                                             "husband",
                                             "partner",
                                             "vice-president",
                                             "whose",
                                             "who",
                                             "aged"};

// After a name, its people or its shares: the name is an employer, a company or an institution
// ("Morgan Stanley economists", "Credit Suisse shares"); a role in the singular only before the
// holder's name or a speech verb ("Goldman Sachs analyst Jim Brown"). [en]
inline constexpr std::string_view employer_nouns[] = {"analysts", "economists", "executives", "shareholders",
                                                      "stockholders", "employees", "shares", "stock",
                                                      "subsidiary", "subsidiaries", "unit"};
inline constexpr std::string_view employer_roles[] = {"chairman", "chairwoman", "president", "executive",
                                                      "analyst", "economist", "director", "manager",
                                                      "ceo", "cfo", "treasurer", "vice-president"};

// Words that make a name an organisation ("State Internet Information Office", "Supreme Court",
// "Acme Inc"). [en; "ministerio", "ministère", "ministerium", "banco", "banque", "universidad",
// "université", "universität", "gesellschaft", "gmbh", "ag", "sa", "spa", "bv", "nv", "tribunal",
// "cour", "gericht", "partido", "parti", "partei", "consejo", "conseil", "rat": es/fr/de/it/nl]
inline constexpr std::string_view org_words[] = {
    "office",       "ministry",    "department",   "agency",
    "inc",          "corp",        "corporation",  "co",
    "company",      "ltd",         "llc",          "plc",
    "group",        "bank",        "court",        "council",
    "committee",    "commission",  "university",   "college",     "subcommittee",
    "school",       "institute",   "institution",  "association",
    "union",        "party",       "authority",    "bureau",
    "board",        "federation",  "organisation", "organization",
    "foundation",   "fund",        "army",         "navy",
    "police",       "parliament",  "congress",     "senate",
    "assembly",     "service",     "services",     "reserve",
    "exchange",     "airlines",    "airways",      "motors",
    "times",        "post",        "news",         "press",
    "church",       "club",        "society",      "trust",
    "partners",     "holdings",    "industries",   "systems",
    "technologies", "labs",        "network",      "administration",
    "secretariat",  "cabinet",     "government",   "tribunal",
    "league",       "alliance",    "coalition",    "forces",
    "ministerio",   "ministère",   "ministerium",  "banco",
    "banque",       "universidad", "université",   "universität",
    "gesellschaft", "gmbh",        "ag",           "sa",
    "spa",          "bv",          "nv",           "cour",
    "gericht",      "partido",     "parti",        "partei",
    "consejo",      "conseil",     "rat",          "community",
    "embassy",      "consulate",   "directorate",  "division",  "museum",
    "centre",       "center",      "academy",     "treasury",
    "markets",      "brothers",
    "investments",  "associates",  "bancorp",     "conference",
    "departments",  "ministries",  "statistics",  "confederation", "chamber",
    "ventures",     "groups",      "divisions"};

// One country under its several names, its usual full name first: the names of a text merge
// (entities.cpp), and so do those of the library's network (graph.cpp). [en]
inline constexpr std::string_view same_country[][6] = {
    {"United States", "U.S.", "US", "USA", "U.S.A.", "United States of America"},
    {"United Kingdom", "U.K.", "UK", "Britain", "Great Britain", ""},
    {"Soviet Union", "USSR", "U.S.S.R.", "", "", ""},
    {"Russia", "Russian Federation", "", "", "", ""},
    {"Netherlands", "Holland", "", "", "", ""},
};

// Legal forms after a company's name; the name without one is the same company. [en, de, fr, nl,
// it]
inline constexpr std::string_view legal_forms[] = {
    "inc",         "corp", "co", "ltd", "llc", "plc", "lp",  "llp",
    "corporation", "gmbh", "ag", "sa",  "nv",  "bv",  "spa", "sarl"};

// Words that make a name a place ("Yangtze River", "Hubei Province"). [en]
inline constexpr std::string_view place_words[] = {
    "city",      "river",    "province", "county",  "island",   "islands", "street",
    "road",      "avenue",   "square",   "sea",     "ocean",    "lake",    "mountain",
    "mountains", "mount",    "valley",   "bay",     "gulf",     "coast",   "peninsula",
    "desert",    "republic", "kingdom",  "region",  "district", "park",    "airport",
    "bridge",    "strait",   "canal",    "village", "town",     "state",   "states",
    "emirates",  "hills",    "heights",  "beach",   "harbour",  "harbor"};

// Lowercase nouns around a name that make it a place: after it ("Hubei province", "Bahia state",
// "Yangtze river"), or before it with "of" ("the city of Salvador", "the state of Bahia"). [en]
inline constexpr std::string_view place_nouns[] = {
    "province",     "state",  "county", "region", "prefecture", "district",
    "municipality", "island", "river",  "valley", "city",       "town",
    "village",      "port",   "suburb", "oblast", "canton",     "emirate"};

// Lowercase nouns right before a name, without "of", that make it a place ("the Thai capital
// Bangkok", "the port city Xiamen", "the coastal town Y"). [en]
inline constexpr std::string_view place_nouns_before[] = {"capital", "city", "town",
                                                          "village", "port", "suburb"};

// The end of a capitalised word that says the rest of it is a place ("London-based"). [en]
inline constexpr std::string_view place_suffixes[] = {"-based", "-headquartered"};

// Lowercase nouns right before a name that make it an organisation ("state media mouthpiece
// Xinhua", "the carmaker Toyota"). [en]
inline constexpr std::string_view org_nouns[] = {
    "company",      "firm",       "agency",       "media",     "newspaper", "broadcaster",
    "carrier",      "maker",      "manufacturer", "retailer",  "lender",    "insurer",
    "giant",        "startup",    "start-up",     "group",     "bank",      "regulator",
    "publisher",    "airline",    "carmaker",     "automaker", "brewer",    "chipmaker",
    "conglomerate", "outlet",     "watchdog",     "ministry",  "party",     "club",
    "team",         "university", "operator",     "developer", "provider"};

// Prepositions before a place ("in China", "near Bahia"): a weak cue, a place only when nothing
// else is known of the name. Not "at" or "from": in business news they name companies as often
// ("sales at Stuart", "planes from Airbus"). [en; "en", "à", "aus": fr/es/de]
inline constexpr std::string_view place_prepositions[] = {"in", "near", "across", "throughout",
                                                          "en", "à",    "aus"};

// Nouns before "in" that make what follows a company, not a place ("a stake in Viacom"). [en]
inline constexpr std::string_view holding_nouns[] = {
    "stake",   "stakes",   "interest", "interests",  "shares",      "share",
    "holding", "holdings", "position", "investment", "investments", "units"};

// Adjectives of nationality, cut off a following name ("Chinese Twitter" -> "Chinese", "Twitter").
// Words ending in "-ese" count too. [en]
inline constexpr std::string_view demonyms[] = {
    "american", "british",    "french",     "german",      "russian",   "indian",    "european",
    "african",  "asian",      "australian", "canadian",    "mexican",   "brazilian", "italian",
    "spanish",  "dutch",      "swiss",      "swedish",     "norwegian", "danish",    "finnish",
    "polish",   "irish",      "scottish",   "welsh",       "english",   "greek",     "turkish",
    "iranian",  "iraqi",      "israeli",    "palestinian", "saudi",     "egyptian",  "syrian",
    "korean",   "thai",       "indonesian", "pakistani",   "afghan",    "ukrainian", "arab",
    "western",  "eastern",    "northern",   "southern",    "muslim",    "christian", "jewish",
    "catholic", "islamic",    "belgian",    "austrian",    "argentine", "chilean",   "colombian",
    "peruvian", "venezuelan", "cuban",      "nigerian",    "kenyan",    "ethiopian", "malaysian",
    "filipino", "mongolian",  "tibetan",    "hungarian",   "romanian",  "czech",     "slovak",
    "serbian",  "croatian"};

// Month and weekday names: dates, not names. [en; de/fr/es month names where they are capitalised]
// Words that label what follows a colon at a paragraph's start ("NOTE: ...", "Update: ..."):
// furniture, not names.
inline constexpr std::string_view label_words[] = {
    "note",  "notes",   "update", "updated", "correction", "clarification", "editor", "editors",
    "related", "source", "sources", "photo",  "video",   "warning",    "disclaimer",    "nb",
    "ps",    "anmerkung", "hinweis", "remarque", "nota"};

inline constexpr std::string_view calendar_words[] = {
    "january",   "february", "march",     "april",    "may",    "june",     "july",    "august",
    "september", "october",  "november",  "december", "jan",    "feb",      "mar",     "apr",
    "jun",       "jul",      "aug",       "sep",      "sept",   "oct",      "nov",     "dec",
    "monday",    "tuesday",  "wednesday", "thursday", "friday", "saturday", "sunday",  "januar",
    "februar",   "märz",     "mai",       "juni",     "juli",   "oktober",  "dezember"};

// Particles inside personal names ("Ludwig van Beethoven", "Charles de Gaulle"). [nl, de, fr, es,
// it, ar]
inline constexpr std::string_view name_particles[] = {"van", "von",   "de",  "da",  "di",  "du",
                                                      "del", "della", "der", "den", "dos", "das",
                                                      "bin", "ibn",   "al",  "le",  "la"};

// Words joining the parts of an organisation's or a place's name ("Bank of England",
// "Securities and Exchange Commission"). [en]
inline constexpr std::string_view name_joiners[] = {"of", "for", "and", "&", "on", "the"};

// German nouns of office, trade and role, as a compound ends ("Bundeskanzler", "Innenministerin",
// "Volkswagen-Chef", "Auto-Experte", "AfD-Mitbegründer"): written before a name, they are its
// title ("Bundeskanzler Olaf Scholz", "Trainer Streich"). German capitalises every noun, so no
// capital says they are part of the name. [de]
inline constexpr std::string_view role_endings_de[] = {
    "kanzler",     "kanzlerin",     "minister",     "ministerin",   "präsident",     "präsidentin",
    "sprecher",    "sprecherin",    "chef",         "chefin",       "trainer",       "trainerin",
    "direktor",    "direktorin",    "leiter",       "leiterin",     "vorsitzende",   "vorsitzender",
    "abgeordnete", "abgeordneter",  "bürgermeister", "bürgermeisterin", "experte",   "expertin",
    "gründer",     "gründerin",     "professor",    "professorin",  "regisseur",     "regisseurin",
    "darsteller",  "darstellerin",  "sänger",       "sängerin",     "autor",         "autorin",
    "journalist",  "journalistin",  "anwalt",       "anwältin",     "kommissar",     "kommissarin",
    "botschafter", "botschafterin", "sekretär",     "sekretärin",   "politiker",     "politikerin",
    "spieler",     "spielerin",     "manager",      "managerin",    "forscher",      "forscherin",
    "wissenschaftler", "wissenschaftlerin", "ökonom", "ökonomin",   "analyst",       "analystin",
    "senator",     "senatorin",     "gouverneur",   "gouverneurin", "geschäftsführer", "geschäftsführerin",
    "moderator",   "moderatorin",   "intendant",    "intendantin",  "dirigent",      "dirigentin",
    "künstler",    "künstlerin",    "pfarrer",      "pfarrerin",    "kapitän",       "kapitänin",
    "stürmer",     "stürmerin",     "torhüter",     "torhüterin",   "vorstand",      "inhaber",
    "inhaberin",   "präses",        "richterin",    "staatsanwalt", "staatsanwältin", "papst",
    "kandidat",    "kandidatin",    "sieger",       "siegerin",     "champion",      "gräfin",
    // the forms after an article in the other cases ("des Bundeskanzlers Olaf Scholz", "dem
    // Vorsitzenden Aleksandar Nikoloski", "den Experten Christian Drosten")
    "kanzlers",    "ministers",     "präsidenten",  "sprechers",    "chefs",         "trainers",
    "direktors",   "leiters",       "vorsitzenden", "abgeordneten", "bürgermeisters", "experten",
    "gründers",    "professors",    "regisseurs",   "autors",       "journalisten",  "kommissars",
    "botschafters", "politikers",   "spielers",     "managers",     "forschers",     "ökonomen",
    "analysten",   "senators",      "gouverneurs",  "geschäftsführers", "kandidaten", "grafen"};
// ... and those that are also common surnames ("Gerhard Richter", "Roman Herzog", "Roland
// Koch"): a title only as the end of a longer compound ("Verfassungsrichter", "Landesbischof"). [de]
inline constexpr std::string_view role_endings_de_in_compounds[] = {"richter", "bischof", "könig", "königin",
                                                                    "herzog",  "prinz",   "kaiser", "koch",
                                                                    "meister", "graf"};
// How the names of German bodies end ("Bundesagentur", "Studierendenvertretung", "Landgericht",
// "EU-Kommission", "Bundesregierung"): an organisation's word, as cues::org_words are. [de]
inline constexpr std::string_view org_endings_de[] = {
    "vertretung", "verband",   "verein",     "partei",   "gewerkschaft", "ministerium", "behörde",
    "gericht",    "institut",  "stiftung",   "gesellschaft", "agentur",  "universität", "hochschule",
    "klinik",     "klinikum",  "kammer",     "versicherung", "konzern",  "polizei",     "regierung",
    "fraktion",   "kommission", "parlament", "verwaltung", "redaktion",  "bundesamt",   "landesamt",
    "bundestag",  "landtag",   "ausschuss",  "sparkasse", "bank"};

// German articles and possessives: a capital after one is a noun's ("der Mitteilung", "seine
// Sprecherin"), seldom a name's. [de]
inline constexpr std::string_view determiners_de[] = {"der",   "die",   "das",   "den",   "dem",  "des",
                                                      "ein",   "eine",  "einer", "einem", "einen", "eines",
                                                      "sein",  "seine", "seinem", "seinen", "seiner", "seines",
                                                      "ihr",   "ihre",  "ihrem", "ihren", "ihrer", "ihres"};

// Speech verbs of an attribution ("said Jiang Jun", "Jiang said"). [en; "dit", "déclaré", "dijo",
// "afirmó", "disse", "detto": fr/es/pt/it; German in the present as in the past, as its news
// writes both ("sagt Müller", "sagte sie"), from "sagte" on: de]
inline constexpr std::string_view speech_verbs[] = {
    "said",      "says",      "say",       "told",      "tells",      "added",        "adds",
    "stated",    "states",    "explained", "explains",  "wrote",      "writes",       "asked",
    "asks",      "noted",     "notes",     "insisted",  "argued",     "argues",       "claimed",
    "claims",    "warned",    "warns",     "announced", "declared",   "commented",    "continued",
    "replied",   "remarked",  "stressed",  "tweeted",   "admitted",   "acknowledged", "conceded",
    "suggested", "urged",     "recalled",  "predicted", "cautioned",  "complained",   "confirmed",
    "insists",   "believes",  "observed",  "repeated",  "reiterated", "testified",    "estimated",
    "forecast",  "projected", "dit",       "déclaré",   "sagte",      "erklärte",     "dijo",
    "afirmó",    "disse",     "detto",     "sagt",      "sagten",       "erklärt",
    "erklärten", "betont",    "betonte",   "meint",     "meinte",     "schreibt",     "schrieb",
    "ergänzt",   "ergänzte",  "berichtet", "berichtete", "warnt",     "warnte",       "fordert",
    "forderte",  "kritisiert", "kritisierte", "bestätigt", "bestätigte", "fragt",     "fragte",
    "antwortet", "antwortete", "erzählt",  "erzählte",  "twitterte"};

// Phrases after which the source is named ("according to Xinhua"). [en; "selon", "según", "laut",
// "secondo": fr/es/de/it]
inline constexpr std::string_view according_to[] = {"according to", "selon", "según", "laut",
                                                    "secondo"};

// Pronouns that can be a speaker; people first, then organisations. [en; and German's people's:
// de]
inline constexpr std::string_view person_pronouns[] = {"he", "she"};
inline constexpr std::string_view person_pronouns_de[] = {"er", "sie"};
inline constexpr std::string_view group_pronouns[] = {"they", "it"};

// Words that open sentences and are no part of a name, even capitalised: after an abbreviation's
// dot ("in the U.S. But Japan"), a sentence has ended. ("A", "I", "May" and "Will" are left out:
// initials, numerals and names.) [en]
inline constexpr std::string_view sentence_openers[] = {
    "the",   "an",     "in",    "but",   "and",   "he",    "she",   "it",    "they",      "we",
    "this",  "these",  "those", "there", "its",   "his",   "her",   "their", "our",       "on",
    "at",    "for",    "from",  "with",  "after", "before", "since", "when", "while",     "if",
    "as",    "also",   "however", "meanwhile", "earlier", "later", "that", "what", "some", "many"};

// Words that cannot be part of a speaker's name or a figure's unit: function words. [en]
inline constexpr std::string_view function_words[] = {
    "of",      "in",    "on",     "at",      "to",       "for",     "from",    "by",      "with",
    "and",     "or",    "but",    "than",    "the",      "a",       "an",      "that",    "which",
    "who",     "whom",  "is",     "are",     "was",      "were",    "be",      "been",    "being",
    "has",     "have",  "had",    "will",    "would",    "can",     "could",   "may",     "might",
    "should",  "must",  "shall",  "ago",     "per",      "as",      "into",    "over",    "under",
    "about",   "after", "before", "since",   "until",    "during",  "if",      "when",    "while",
    "this",    "these", "those",  "it",      "its",      "their",   "his",     "her",     "our",
    "there",   "not",   "no",     "also",    "each",     "more",    "less",    "most",    "so",
    "up",      "out",   "down",   "off",     "said",     "says",    "told",    "earlier", "later",
    "last",    "next",  "ended",  "against", "compared", "through", "between", "among",   "amid",
    "via",     "do",    "does",   "did",     "get",      "got",     "make",    "made",    "reach",
    "reached", "face",  "faced",  "rose",    "fell"};

// ---- Numbers: words [en] ------------------------------------------------------------------------

struct NumberWord {
    std::string_view word;
    uint64_t value;
};
// Units and tens written as words. "one" alone is not a figure (it is too often a pronoun).
inline constexpr NumberWord number_words[] = {
    {"zero", 0},     {"one", 1},      {"two", 2},        {"three", 3},     {"four", 4},
    {"five", 5},     {"six", 6},      {"seven", 7},      {"eight", 8},     {"nine", 9},
    {"ten", 10},     {"eleven", 11},  {"twelve", 12},    {"thirteen", 13}, {"fourteen", 14},
    {"fifteen", 15}, {"sixteen", 16}, {"seventeen", 17}, {"eighteen", 18}, {"nineteen", 19},
    {"twenty", 20},  {"thirty", 30},  {"forty", 40},     {"fifty", 50},    {"sixty", 60},
    {"seventy", 70}, {"eighty", 80},  {"ninety", 90},    {"dozen", 12}};

struct Multiplier {
    std::string_view word; // one word, or a phrase ("mil millones")
    int power;             // of ten
};

// ---- Numbers in each language: scale, currency and percent words --------------------------------
//
// A figure's words follow the article's language, as its digits do (writes_decimal_comma): "5,8
// millones de euros" is 5800000 euros in Spanish, "3 Mrd. Euro" 3e9 in German. One NumberLanguage
// per language lists its tables; a language not listed reads as English.
//
// The long-scale trap: English "billion" is 1e9, but "billion" (fr), "Billion" (de), "billón"
// (es), "biljoen" (nl) and Portugal's "bilião" are 1e12; their 1e9 is "milliard", "Milliarde",
// "mil millones" / "millardo", "miljard", "mil milhões". Brazil uses the short scale but spells it
// differently ("bilhão" 1e9, "trilhão" 1e12), so one Portuguese table serves both. The
// abbreviations are CLDR's compact decimal formats (de "Mio.", "Mrd."; es "mil M"; fr "Md"; it
// "Mln", "Mld", and "Bln" 1e12; nl "mln.", "mld.") and the press's ("Mds", "mi", "bi").

// English. Newswire abbreviations ("mln", "bln") are Reuters house style.
inline constexpr Multiplier scale_words_en[] = {
    {"hundred", 2}, {"thousand", 3}, {"million", 6}, {"billion", 9}, {"trillion", 12}, {"mln", 6},
    {"mn", 6},      {"bln", 9},      {"bn", 9},      {"tn", 12},     {"trn", 12}};
// Only written straight after the digits: "$5m", "10k", "3b" ("5 m" is five metres).
inline constexpr Multiplier scale_suffixes_en[] = {{"k", 3}, {"m", 6}, {"b", 9}};
inline constexpr std::string_view articles_en[] = {"a", "an"}; // "a million", "a dozen"
inline constexpr std::string_view percent_words_en[] = {"percent", "pct", "per cent",
                                                        "percentage points"};
// Newswire abbreviations too ("dlrs", "cts", "stg": Reuters), and a country's name before its
// dollars or francs ("U.S." folds to "u.s"). Not "mark", "crown" or "won": other words as often.
inline constexpr std::string_view currency_words_en[] = {
    "dollars",      "dollar",          "dlrs",           "dlr",            "euros",          "euro",
    "pounds",       "pound",           "sterling",       "stg",            "pence",          "penny",
    "yen",          "yuan",            "renminbi",       "francs",         "franc",          "marks",
    "rupees",       "rupee",           "pesos",          "peso",           "cents",          "cent",
    "cts",          "ct",              "lire",           "lira",           "guilders",       "guilder",
    "ringgit",      "crowns",          "kronor",         "krona",          "kroner",         "krone",
    "rand",         "schillings",      "schilling",      "shekels",        "riyals",         "riyal",
    "dinars",       "dinar",           "dirhams",        "baht",           "rupiah",         "pesetas",
    "peseta",       "escudos",         "drachmas",       "zlotys",         "forints",        "roubles",
    "rubles",       "rouble",          "ruble",          "naira",          "u.s dlrs",       "u.s dollars",
    "canadian dlrs", "canadian dollars", "australian dlrs", "australian dollars", "hong kong dlrs",
    "hong kong dollars", "singapore dlrs", "taiwan dlrs", "new zealand dlrs", "swiss francs", "french francs",
    "belgian francs", "west german marks", "german marks"};

// German. "Mio.", "Mrd.", "Tsd." keep their dot (abbreviations, above).
inline constexpr Multiplier scale_words_de[] = {
    {"tausend", 3},  {"tsd", 3},        {"million", 6},    {"millionen", 6},
    {"mio", 6},      {"milliarde", 9},  {"milliarden", 9}, {"mrd", 9},
    {"billion", 12}, {"billionen", 12}, {"billiarde", 15}, {"billiarden", 15}};
inline constexpr std::string_view articles_de[] = {"eine", "einer"}; // "eine Milliarde"
inline constexpr std::string_view percent_words_de[] = {"prozent", "prozentpunkte",
                                                        "prozentpunkten"};
inline constexpr std::string_view currency_words_de[] = {
    "euro", "cent", "cents",    "dollar", "us-dollar", "pfund", "franken",
    "yen",  "yuan", "renminbi", "rubel",  "kronen",    "rupien"};

// Spanish. "mil" alone is a thousand, before "millones" a thousand million.
inline constexpr Multiplier scale_words_es[] = {
    {"mil", 3},      {"millón", 6},    {"millones", 6}, {"mil millones", 9},
    {"millardo", 9}, {"millardos", 9}, {"billón", 12},  {"billones", 12}};
inline constexpr std::string_view articles_es[] = {"un"};   // "un millón"
inline constexpr std::string_view connectors_es[] = {"de"}; // "millones de euros"
inline constexpr std::string_view percent_words_es[] = {"por ciento", "puntos porcentuales"};
inline constexpr std::string_view currency_words_es[] = {
    "euro",    "euros",  "céntimos", "dólar",  "dólares",   "libra",  "libras",
    "peso",    "pesos",  "yen",      "yenes",  "yuan",      "yuanes", "franco",
    "francos", "reales", "rublo",    "rublos", "bolívares", "rupias"};

// French. "Md", "Mds" are the press's abbreviations of "milliard(s)".
inline constexpr Multiplier scale_words_fr[] = {
    {"mille", 3}, {"million", 6}, {"millions", 6}, {"milliard", 9}, {"milliards", 9}, {"md", 9},
    {"mds", 9},   {"mrd", 9},     {"mrds", 9},     {"billion", 12}, {"billions", 12}};
inline constexpr std::string_view articles_fr[] = {"un"}; // "un milliard"
// "millions de dollars", "milliards d'euros": a trailing apostrophe marks an elided word.
inline constexpr std::string_view connectors_fr[] = {"de", "d'"};
inline constexpr std::string_view percent_words_fr[] = {"pour cent", "points de pourcentage"};
// Not "livres" alone: books as often as pounds.
inline constexpr std::string_view currency_words_fr[] = {
    "euro",           "euros",   "centimes", "dollar", "dollars", "livres sterling",
    "livre sterling", "franc",   "francs",   "yen",    "yens",    "yuan",
    "yuans",          "roubles", "roupies",  "pesos"};

// Italian. "mila" after digits ("50mila", "50 mila") is thousands.
inline constexpr Multiplier scale_words_it[] = {
    {"mila", 3},           {"mille", 3},           {"milione", 6},  {"milioni", 6}, {"mln", 6},
    {"miliardo", 9},       {"miliardi", 9},        {"mld", 9},      {"mrd", 9},     {"bln", 12},
    {"mila miliardi", 12}, {"mille miliardi", 12}, {"bilione", 12}, {"bilioni", 12}};
inline constexpr std::string_view articles_it[] = {"un"};         // "un miliardo"
inline constexpr std::string_view connectors_it[] = {"di", "d'"}; // "miliardi di euro"
inline constexpr std::string_view percent_words_it[] = {"per cento", "percento",
                                                        "punti percentuali"};
inline constexpr std::string_view currency_words_it[] = {
    "euro",    "centesimi", "dollaro", "dollari", "sterlina", "sterline", "franco",
    "franchi", "yen",       "yuan",    "rubli",   "rupie",    "pesos"};

// Portuguese, Brazil's and Portugal's words together ("bilhão" 1e9, "bilião" 1e12). Brazilian
// headlines shorten to "mi", "bi", "tri" ("R$ 1,2 bi").
inline constexpr Multiplier scale_words_pt[] = {
    {"mil", 3},      {"milhão", 6},    {"milhões", 6},     {"mi", 6},      {"bilhão", 9},
    {"bilhões", 9},  {"bi", 9},        {"mil milhões", 9}, {"bilião", 12}, {"biliões", 12},
    {"trilhão", 12}, {"trilhões", 12}, {"tri", 12}};
inline constexpr std::string_view articles_pt[] = {"um"};   // "um milhão"
inline constexpr std::string_view connectors_pt[] = {"de"}; // "milhões de reais"
inline constexpr std::string_view percent_words_pt[] = {"por cento", "pontos percentuais"};
inline constexpr std::string_view currency_words_pt[] = {
    "euro",   "euros", "cêntimos", "centavos", "dólar", "dólares", "real",    "reais", "libra",
    "libras", "peso",  "pesos",    "ienes",    "yuan",  "iuanes",  "francos", "rublos"};

// Dutch.
inline constexpr Multiplier scale_words_nl[] = {{"duizend", 3},  {"miljoen", 6}, {"mln", 6},
                                                {"miljard", 9},  {"mld", 9},     {"mrd", 9},
                                                {"biljoen", 12}, {"bln", 12}};
inline constexpr std::string_view articles_nl[] = {"een"}; // "een miljard"
inline constexpr std::string_view percent_words_nl[] = {"procent", "procentpunt", "procentpunten"};
inline constexpr std::string_view currency_words_nl[] = {"euro",  "cent", "dollar", "pond",
                                                         "frank", "yen",  "yuan",   "roebel"};

// How one language writes the words around a figure.
struct NumberLanguage {
    std::string_view language;                    // ISO 639-1: "de"
    std::span<const Multiplier> scales;           // after a figure, spaced or not: "millones"
    std::span<const Multiplier> suffixes;         // only straight after digits: "5m"
    std::span<const std::string_view> articles;   // "a million": counts as one
    std::span<const std::string_view> connectors; // between a scale and what it counts: "de"
    std::span<const std::string_view> percent_words;
    std::span<const std::string_view> currency_words;
    bool symbol_after; // a currency symbol may follow the figure: "49,90 €", "3 Mrd. €"
};
// English first: the language of a text in none of the others. Where the symbol goes is CLDR's
// currency format for the language ("#,##0.00 ¤" in de, es, fr, it, pt-PT; "¤ #,##0.00" in nl).
inline constexpr NumberLanguage number_languages[] = {
    {"en",
     scale_words_en,
     scale_suffixes_en,
     articles_en,
     {},
     percent_words_en,
     currency_words_en,
     false},
    {"de", scale_words_de, {}, articles_de, {}, percent_words_de, currency_words_de, true},
    {"es",
     scale_words_es,
     {},
     articles_es,
     connectors_es,
     percent_words_es,
     currency_words_es,
     true},
    {"fr",
     scale_words_fr,
     {},
     articles_fr,
     connectors_fr,
     percent_words_fr,
     currency_words_fr,
     true},
    {"it",
     scale_words_it,
     {},
     articles_it,
     connectors_it,
     percent_words_it,
     currency_words_it,
     true},
    {"pt",
     scale_words_pt,
     {},
     articles_pt,
     connectors_pt,
     percent_words_pt,
     currency_words_pt,
     true},
    {"nl", scale_words_nl, {}, articles_nl, {}, percent_words_nl, currency_words_nl, false},
};

// ISO 4217 codes after a figure, in any language ("5 Mio. EUR").
inline constexpr std::string_view currency_codes[] = {"usd", "eur", "gbp", "cny", "jpy", "chf", "cad", "aud", "hkd", "inr"};
// Currency symbols written before a figure (and after one where the language does).
inline constexpr char32_t currency_symbols[] = {'$', 0x00A3, 0x20AC, 0x00A5};

// Ordinal suffixes written straight after digits ("1st", "22nd").
inline constexpr std::string_view ordinal_suffixes[] = {"st", "nd", "rd", "th"};

struct Comparative {
    std::string_view phrase;
    Comparison comparison;
};
// Words bounding a figure, longest first so "no more than" wins over "more than".
inline constexpr Comparative comparatives[] = {
    {"no more than", Comparison::AtMost},  {"no fewer than", Comparison::AtLeast},
    {"no less than", Comparison::AtLeast}, {"in excess of", Comparison::MoreThan},
    {"as many as", Comparison::AtMost},    {"as much as", Comparison::AtMost},
    {"more than", Comparison::MoreThan},   {"greater than", Comparison::MoreThan},
    {"upwards of", Comparison::MoreThan},  {"less than", Comparison::LessThan},
    {"fewer than", Comparison::LessThan},  {"up to", Comparison::AtMost},
    {"at most", Comparison::AtMost},       {"at least", Comparison::AtLeast},
    {"close to", Comparison::About},       {"an estimated", Comparison::About},
    {"over", Comparison::MoreThan},        {"above", Comparison::MoreThan},
    {"exceeding", Comparison::MoreThan},   {"under", Comparison::LessThan},
    {"below", Comparison::LessThan},       {"about", Comparison::About},
    {"around", Comparison::About},         {"approximately", Comparison::About},
    {"roughly", Comparison::About},        {"nearly", Comparison::About},
    {"almost", Comparison::About},         {"some", Comparison::About},
    {"since", Comparison::Since},          {"until", Comparison::Until},
    {"till", Comparison::Until},           {"before", Comparison::Until}};

// Prepositions that make a bare four-digit number a year ("in 2012", "since 1987"). [en]
inline constexpr std::string_view year_prepositions[] = {
    "in", "since", "from", "until", "till", "by", "before", "after", "during", "of", "between"};

// Words of a change before a figure: "rose 12 cts to 410p" (by how much, then to what), so "to"
// joins no range there. [en]
inline constexpr std::string_view change_verbs[] = {
    "rose",     "fell",     "gained",  "lost",    "climbed", "dropped",  "declined", "slipped", "jumped",
    "eased",    "added",    "shed",    "up",      "down",    "increased", "decreased", "raised", "cut",
    "lowered",  "advanced", "slid",    "surged",  "plunged", "tumbled",  "soared",   "rising",  "falling",
    "rise",     "fall",     "increase", "decrease", "gain",  "drop",     "decline",  "jump"};

// Determiners before which a bare four-digit number is a year modifying what follows ("the 1988
// presidential contenders", "its 1986 net profits"): a count after them is written with a
// separator ("the 1,900 users"). [en]
inline constexpr std::string_view year_determiners[] = {
    "the", "its", "his", "her", "their", "our", "your", "my", "this", "that", "whose"};

} // namespace broadsheet::analysis::cues
