// Quotes: direct quotations, their speakers and how they are attributed.
//
// [SECTION] Pieces       pairing quote marks within a paragraph; quotes running over paragraphs
// [SECTION] Phrases      the speaker's noun phrase before or after a speech verb
// [SECTION] Attribution  "…," said X / "…," X said / X said (that) … “…” / according to X, “…”
// [SECTION] Speakers     the speaker as an entity: a mention, "the office" -> the Office named
// before, "he"
//
// Newspaper conventions this relies on: an attribution stands in the quote's sentence; a quote with
// none of its own continues the quote before it in the same paragraph, or in the paragraph before
// when it opens its paragraph; a quotation over several paragraphs leaves each paragraph's end
// unclosed and opens the next one with a quote mark again. Speech verbs are English plus a few
// others (cues.hpp); elsewhere quotes are still found, with no speaker.
#include "broadsheet/analysis.hpp"
#include "broadsheet/import.hpp" // detect_language

#include "analysis/cues.hpp"
#include "analysis/tokens.hpp"
#include "text_util.hpp"

#include <algorithm>
#include <array>
#include <cctype>

namespace broadsheet {
namespace {

using namespace analysis;

constexpr std::string_view kDeterminers[] = {"the", "a",   "an",    "its",
                                             "his", "her", "their", "our"};       // [en]
constexpr std::string_view kJoiners[] = {"of", "for"};                            // [en]
constexpr std::string_view kOf[] = {"of"};                                        // [en]
constexpr std::string_view kListenerVerbs[] = {"told", "tells", "asked", "asks"}; // [en]
// German words a speaker's phrase does not run over (conjunctions, prepositions, adverbs that
// open a clause, auxiliaries): "und Aron lacht und sagt", "Im Juni erklärten". [de]
constexpr std::string_view kStopsDe[] = {
    "und",   "oder",  "aber",     "wenn",   "als",   "wie",   "dass",       "weil",      "ob",    "denn",
    "im",    "in",    "am",       "an",     "auf",   "aus",   "bei",        "mit",       "nach",  "von",
    "vom",   "vor",   "zu",       "zum",    "zur",   "für",   "über",       "unter",     "um",    "auch",
    "noch",  "schon", "dann",     "doch",   "jedoch", "nun",  "so",         "da",        "hier",  "dort",
    "heute", "nicht", "ist",      "war",    "hat",   "hatte", "wird",       "wurde",     "sind",  "waren",
    "haben", "es",    "man",      "sich",   "schließlich", "ebenfalls", "jedenfalls", "gegenüber", "damals", "zudem"};
// People who speak in news unnamed, by their trade, besides cues::roles. [en]
constexpr std::string_view kPeople[] = {"dealer",    "trader",  "banker",   "broker", "delegate", "expert",
                                        "strategist", "observer", "consultant", "negotiator", "source", "insider",
                                        "farmer",    "worker",  "resident", "witness", "aide"};

struct Piece {
    size_t open = 0;  // token index of the opening mark
    size_t close = 0; // token index of the closing mark, or of the paragraph's end when it runs on
    bool runs_on = false; // unclosed at its paragraph's end; the next paragraph reopens it
    bool reopens = false; // opens a paragraph and continues a piece that ran on
};

struct Span {
    size_t first = 0;
    size_t last = 0; // inclusive
    bool found = false;
};

std::vector<Mention>::const_iterator mention_from(const Entities& entities, uint32_t pos); // below

class QuoteFinder {
  public:
    QuoteFinder(std::string_view text, const std::vector<Token>& tokens, const FoldedWords& folded,
                const Entities& entities, std::string_view language)
        : text_(text), entities_(entities), tokens_(tokens), folded_(folded),
          german_(primary_language(language) == "de") {}

    std::vector<Quote> run();

  private:
    std::string_view text_;
    const Entities& entities_;
    const std::vector<Token>& tokens_;
    const FoldedWords& folded_;
    const bool german_; // the text is German: "„…“, so Müller" is an attribution

    bool in(size_t i, std::span<const std::string_view> table) const { return folded_.in(i, table); }
    // A speech verb written as one: in lower case, or capitalised where a sentence starts ("Said
    // Jiang: …") or in capitals; "States" in "the United States would respond" is a name's word.
    bool speech_verb(size_t i) const {
        return in(i, cues::speech_verbs) &&
               (!tokens_[i].has(kCapital) || tokens_[i].has(kSentenceStart) || tokens_[i].has(kAllCaps));
    }
    bool person_pronoun(size_t i) const { return in(i, cues::person_pronouns) || (german_ && in(i, cues::person_pronouns_de)); }
    bool determiner(size_t i) const { return in(i, kDeterminers) || (german_ && in(i, cues::determiners_de)); }
    // Words a speaker's phrase stops at: English function words, speech verbs and stopwords, and
    // in German text its own.
    bool phrase_stop(size_t i) const {
        return in(i, cues::function_words) || speech_verb(i) || (german_ && in(i, kStopsDe));
    }
    bool is_break(size_t i) const {
        return i >= tokens_.size() || tokens_[i].type == TokenType::Break;
    }
    ByteRange range(Span s) const {
        return s.found ? ByteRange{tokens_[s.first].begin, tokens_[s.last].end} : ByteRange{};
    }
    std::vector<Piece> find_pieces() const;
    Span name_after(size_t k) const;
    Span phrase_after(size_t k) const;
    Span subject_before_apposition(size_t p, size_t limit) const;
    Span name_apposition(size_t p, size_t limit) const;
    Span quoted_as_saying(size_t p, size_t limit) const;
    Span phrase_before(size_t p, size_t limit, size_t max_words = 6) const;
    bool attribute(const Piece& piece, size_t limit, Quote& q) const;
    bool attribute_after(const Piece& piece, Quote& q) const;
    bool attribute_before(const Piece& piece, size_t limit, Quote& q) const;
    size_t clause_end(size_t k) const;
    int32_t resolve(const Quote& q, const std::vector<Quote>& earlier, int32_t& same_as, ByteRange& referent) const;
    Span reported_speaker(const Quote& q, uint32_t since) const;
    // What the text says of a person's sex where it speaks at byte `at`: 1 a man, 2 a woman, 0
    // nothing. From the honorific or title right before a mention ("Mrs Thatcher", "Prince
    // Harry", "spokeswoman Ann Lee"): the last mention before `at`, if it has one; else all of the
    // entity's, when they agree and mark a third of its mentions or more ("Mrs Reagan" twice
    // among ten "Reagan"s is his wife, merged into his name, not a sign he is a woman).
    uint8_t sex_of(uint32_t entity, uint32_t at) const;
    mutable std::vector<uint8_t> mention_sex_;              // per mention: 0, 1, 2
    mutable std::vector<std::array<uint32_t, 3>> counted_; // per entity: mentions, men's marks, women's
    // Whether the entity cannot be "he"/"she" (`pronoun`, folded) speaking at `at`.
    bool other_sex(uint32_t entity, std::string_view pronoun, uint32_t at) const {
        const uint8_t want = pronoun == "he" || (german_ && pronoun == "er") ? 1 : pronoun == "she" ? 2 : 0;
        const uint8_t sex = want ? sex_of(entity, at) : 0;
        return sex && sex != want;
    }
    // The first token at or after byte `pos` (tokens_.size() past the end).
    size_t token_at(uint32_t pos) const {
        return size_t(std::lower_bound(tokens_.begin(), tokens_.end(), pos,
                                       [](const Token& t, uint32_t at) { return t.begin < at; }) -
                      tokens_.begin());
    }
};

// ---- [SECTION] Pieces ---------------------------------------------------------------------------

std::vector<Piece> QuoteFinder::find_pieces() const {
    std::vector<Piece> pieces;
    constexpr size_t kNone = SIZE_MAX;
    size_t open_double = kNone, open_single = kNone;
    for (size_t i = 0; i <= tokens_.size(); ++i) {
        if (is_break(i)) {
            // Unclosed at the paragraph's end: a quotation running on if the next paragraph opens
            // with a mark of the same kind, else an unbalanced mark to ignore.
            size_t open = open_double != kNone ? open_double : open_single;
            bool single = open_double == kNone;
            size_t next = i + 1;
            if (open != kNone && i > open + 1 && next < tokens_.size() &&
                tokens_[next].has(kOpenQuote) && tokens_[next].has(kSingleQuote) == single)
                pieces.push_back({open, i, true, false});
            open_double = open_single = kNone;
            continue;
        }
        const Token& t = tokens_[i];
        if (t.has(kOpenQuote)) {
            if (!t.has(kSingleQuote))
                open_double = i; // a second opener replaces an unclosed one
            else if (open_double == kNone && open_single == kNone)
                open_single = i; // not nested
        } else if (t.has(kCloseQuote)) {
            // A single mark inside a double quotation is nested (or an apostrophe): not a quote.
            size_t& open = t.has(kSingleQuote) ? open_single : open_double;
            if (open != kNone && i > open + 1) pieces.push_back({open, i, false, false});
            open = kNone;
        }
    }
    // A piece that opens its paragraph right after one that ran on continues it.
    for (size_t p = 1; p < pieces.size(); ++p)
        if (pieces[p - 1].runs_on && pieces[p].open == pieces[p - 1].close + 1)
            pieces[p].reopens = true;
    return pieces;
}

// ---- [SECTION] Phrases --------------------------------------------------------------------------

// A run of capitalised words at k ("Jiang Jun", "State Internet Information Office").
Span QuoteFinder::name_after(size_t k) const {
    Span s;
    size_t e = k;
    while (e < tokens_.size() && tokens_[e].is_word() && !tokens_[e].has(kLower)) ++e;
    if (e == k) return s;
    return {k, e - 1, true};
}

// The noun phrase a speech verb is followed by: a pronoun, a name, or a determiner and up to four
// words ("the ministry's spokesman", "state media mouthpiece Xinhua").
Span QuoteFinder::phrase_after(size_t k) const {
    if (k >= tokens_.size() || !tokens_[k].is_word()) return {};
    if (person_pronoun(k) || in(k, cues::group_pronouns)) return {k, k, true};
    Span name = name_after(k);
    if (name.found && !in(k, cues::stopwords)) {
        // The person of an organisation: "Security Pacific's Bob Bannon", "E.F. Hutton Group
        // analyst Michael Lewis" (resolve() takes the last person named in the phrase).
        size_t j = name.last + 1;
        if (j < tokens_.size() && tokens_[j].type == TokenType::Clitic) ++j;
        else
            while (j < tokens_.size() && j <= name.last + 2 && in(j, cues::roles)) ++j;
        if (j > name.last + 1)
            if (Span person = name_after(j); person.found) name.last = person.last;
        return name;
    }
    size_t e = k;
    if (determiner(e)) ++e;
    size_t words = 0, last = SIZE_MAX;
    while (e < tokens_.size() && words < 5) {
        const Token& t = tokens_[e];
        if (t.type == TokenType::Clitic) {
            ++e;
            continue;
        }
        if (!t.is_word() || phrase_stop(e)) break;
        last = e;
        ++words;
        ++e;
    }
    if (last == SIZE_MAX) return {};
    return {k, last, true};
}

// The noun phrase ending right before token p (the subject of a speech verb): a pronoun, or up to
// six words, "of"/"for" allowed inside, with a leading determiner ("The office", "The SIIO",
// "a spokesman for the ministry"). Not before `limit`.
Span QuoteFinder::phrase_before(size_t p, size_t limit, size_t max_words) const {
    if (p == 0 || p - 1 < limit) return {};
    size_t e = p - 1;
    if (person_pronoun(e) || in(e, cues::group_pronouns)) return {e, e, true};
    size_t b = p, words = 0;
    while (b > limit && words < max_words) {
        size_t k = b - 1;
        const Token& t = tokens_[k];
        if (t.type == TokenType::Clitic) {
            b = k;
            continue;
        }
        if (!t.is_word()) break;
        if (determiner(k)) {
            b = k;
            break;
        }
        bool joiner = in(k, kJoiners) && words > 0;
        if (!joiner && (phrase_stop(k) || in(k, cues::stopwords))) break;
        b = k;
        ++words;
    }
    while (b < p && in(b, kJoiners)) ++b;
    if (words == 0 || b >= p) return {};
    return {b, p - 1, true};
}

// The subject before an apposition that ends right before token p: "Robert Dole, a key Reagan
// ally, told": the noun phrase before the comma that opens it (within a dozen tokens, in the
// sentence), or not found.
Span QuoteFinder::subject_before_apposition(size_t p, size_t limit) const {
    if (p < 2 || p - 1 < limit || !tokens_[p - 1].is_punct(',')) return {};
    for (size_t c = p - 2; c > limit && c + 14 > p; --c) {
        const Token& t = tokens_[c];
        if (t.type == TokenType::Break || t.has(kSentenceEnd) || t.has(kOpenQuote) || t.has(kCloseQuote)) return {};
        if (t.is_punct(',')) return c + 2 < p ? phrase_before(c, limit) : Span{};
    }
    return {};
}

// The apposition that ends right before token p when it is a name alone: "Minister of State for
// Finance, Tom Hockin, said" (the title first, then the name set off by commas). Not a phrase
// ("Robert Dole, a key Reagan ally, told": the subject is before it) nor an organisation or place.
Span QuoteFinder::name_apposition(size_t p, size_t limit) const {
    if (p < 3 || p - 1 < limit || !tokens_[p - 1].is_punct(',')) return {};
    size_t c = p - 2;
    while (c > limit && c + 7 > p && tokens_[c].is_word()) --c;
    if (!tokens_[c].is_punct(',') || c + 2 >= p) return {};
    const ByteRange words{tokens_[c + 1].begin, tokens_[p - 2].end};
    const auto m = mention_from(entities_, words.begin); // a mention that is the apposition whole
    if (m == entities_.mentions.end() || m->range.begin != words.begin || m->range.end != words.end) return {};
    const EntityKind kind = entities_.list[m->entity].kind;
    if (kind == EntityKind::Organisation || kind == EntityKind::Place) return {};
    return {c + 1, p - 2, true};
}

// The subject of "X was quoted [by Y] as saying" when token p is that "saying": the noun phrase
// before "was" (or "were", "is", "had been"), within the sentence from `limit`. [en]
Span QuoteFinder::quoted_as_saying(size_t p, size_t limit) const {
    static constexpr std::string_view kSaying[] = {"saying"}, kAs[] = {"as"}, kQuoted[] = {"quoted"},
                                      kBe[] = {"was", "were", "is", "are", "been"};
    if (p < 3 || p - 1 <= limit || !in(p, kSaying) || !in(p - 1, kAs)) return {};
    for (size_t k = p - 1; k-- > limit + 1 && k + 12 > p;) {
        if (tokens_[k].type == TokenType::Clitic) continue;
        if (!tokens_[k].is_word()) return {};
        if (!in(k, kQuoted)) continue;
        size_t be = k - 1;
        if (!in(be, kBe)) return {};
        while (be > limit && in(be - 1, kBe)) --be; // "had been": "had" is no subject
        if (be > limit && folded_[be - 1] == "had") --be;
        return phrase_before(be, limit);
    }
    return {};
}

// ---- [SECTION] Attribution ----------------------------------------------------------------------

// The last token of the clause starting at k: up to a sentence end, an opening quote mark or the
// paragraph's end (exclusive of them).
size_t QuoteFinder::clause_end(size_t k) const {
    size_t last = k;
    for (size_t i = k; i < tokens_.size(); ++i) {
        const Token& t = tokens_[i];
        if (t.type == TokenType::Break || t.has(kSentenceEnd) || t.has(kOpenQuote) ||
            t.is_punct(':'))
            break;
        last = i;
    }
    return last;
}

// After the quote: "…," said X[, role] / "…," X said / "…," according to X.
bool QuoteFinder::attribute_after(const Piece& piece, Quote& q) const {
    if (piece.runs_on) return false;
    size_t k = piece.close + 1;
    if (k < tokens_.size() && tokens_[k].type == TokenType::Punct &&
        (tokens_[k].is_punct(',') || tokens_[k].cp == 0x2013 || tokens_[k].cp == 0x2014))
        ++k;
    if (k >= tokens_.size() || !tokens_[k].is_word()) return false;
    size_t last = 0;
    for (std::string_view phrase : cues::according_to) {
        if (phrase_at(folded_, k, phrase, last)) {
            Span who = phrase_after(last + 1);
            if (!who.found) return false;
            q.cue = {tokens_[k].begin, tokens_[last].end};
            q.speaker = range(who);
            q.attribution = {tokens_[k].begin, tokens_[who.last].end};
            return true;
        }
    }
    // German news names the speaker after "so" as after a verb: "„…“, so Müller." / "„…“, so
    // die Ministerin." (a name or phrase that ends the clause: "so dass …" is none). [de]
    if (german_ && folded_[k] == "so" && tokens_[k].has(kLower)) {
        const Span who = phrase_after(k + 1);
        const size_t end = clause_end(k);
        if (!who.found || who.last != end || !(tokens_[k + 1].has(kCapital) || in(k + 1, cues::determiners_de))) return false;
        q.cue = tokens_[k].range();
        q.speaker = range(who);
        q.attribution = {tokens_[k].begin, tokens_[end].end};
        return true;
    }
    if (speech_verb(k)) {
        Span who = phrase_after(k + 1);
        q.cue = tokens_[k].range();
        q.speaker = range(who);
        q.attribution = {tokens_[k].begin, tokens_[std::max(k, clause_end(k))].end};
        return true;
    }
    Span who = phrase_after(k);
    if (!who.found || !speech_verb(who.last + 1)) {
        // A longer subject: a role before the name ("…," ISD spokesman Tahir Della told DW), the
        // first speech verb within the next words, the noun phrase before it starting here.
        who = {};
        // ("…," Senate Republican Leader Robert Dole of Kansas said: nine words).
        for (size_t j = k + 1; j < tokens_.size() && j <= k + 10; ++j) {
            const Token& t = tokens_[j];
            if (t.type == TokenType::Clitic) continue;
            if (!t.is_word()) break;
            if (speech_verb(j)) {
                Span subject = phrase_before(j, k, 10);
                if (subject.found && subject.first == k) who = subject;
                break;
            }
        }
        if (!who.found) return false;
    }
    size_t verb = who.last + 1;
    q.cue = tokens_[verb].range();
    q.speaker = range(who);
    q.attribution = {tokens_[k].begin, tokens_[verb].end};
    return true;
}

// Before the quote, in its sentence: X said[:] “…” / X said that … “…” / X told Y that … “…” /
// according to X, “…”. The last cue before the quote wins.
bool QuoteFinder::attribute_before(const Piece& piece, size_t limit, Quote& q) const {
    size_t start = piece.open;
    while (start > limit && !is_break(start - 1) && !tokens_[start - 1].has(kSentenceEnd)) --start;
    for (size_t p = piece.open; p-- > start;) {
        const Token& t = tokens_[p];
        if (!t.is_word()) continue;
        size_t first = 0;
        for (std::string_view phrase : cues::according_to) {
            if (analysis::phrase_before(folded_, p, phrase, first) && first >= start) {
                Span who = phrase_after(p + 1);
                if (!who.found) return false;
                q.cue = {tokens_[first].begin, t.end};
                q.speaker = range(who);
                q.attribution = {tokens_[first].begin, tokens_[who.last].end};
                return true;
            }
        }
        if (Span who = quoted_as_saying(p, start); who.found) { // "X was quoted by Y as saying: “…”"
            q.cue = {tokens_[p - 1].begin, t.end};
            q.speaker = range(who);
            q.attribution = {tokens_[who.first].begin, t.end};
            return true;
        }
        if (!speech_verb(p)) continue;
        Span who = phrase_before(p, start);
        if (!who.found) who = name_apposition(p, start); // "Minister of State for Finance, Tom Hockin, said"
        if (!who.found) who = subject_before_apposition(p, start); // "John Tower, a former senator, said"
        const bool listener_verb = in(p, kListenerVerbs);
        size_t attr_first = who.found ? who.first : p, attr_last = p;
        if (!who.found && !listener_verb) { // "told reporters": the listener, never the speaker
            who = phrase_after(p + 1); // "said Jiang: “…”"
            if (who.found && who.last < piece.open)
                attr_last = who.last;
            else
                who = {};
        } else if (listener_verb) {
            Span listener = phrase_after(p + 1);
            if (listener.found && listener.last < piece.open) attr_last = listener.last;
        }
        q.cue = t.range();
        q.speaker = range(who);
        q.attribution = {tokens_[attr_first].begin, tokens_[attr_last].end};
        return true;
    }
    return false;
}

bool QuoteFinder::attribute(const Piece& piece, size_t limit, Quote& q) const {
    return attribute_after(piece, q) || attribute_before(piece, limit, q);
}

// ---- [SECTION] Speakers -------------------------------------------------------------------------

// The first mention that starts at or after `pos` (mentions are in text order).
std::vector<Mention>::const_iterator mention_from(const Entities& entities, uint32_t pos) {
    return std::lower_bound(entities.mentions.begin(), entities.mentions.end(), pos,
                            [](const Mention& m, uint32_t p) { return m.range.begin < p; });
}

// The last word of a phrase, folded ("a senior dealer" -> "dealer").
std::string last_word(std::string_view phrase) {
    const size_t space = phrase.find_last_of(' ');
    return fold(phrase.substr(space == std::string_view::npos ? 0 : space + 1));
}

// The most recent mention in [reach, pos) of an entity that passes `keep` (given the mention),
// or -1. Binary search to `pos`, then back: a quote costs what its look back does, not the text.
template <typename Keep> int32_t recent_entity(const Entities& entities, uint32_t reach, uint32_t pos, Keep keep) {
    for (auto it = mention_from(entities, pos); it != entities.mentions.begin();) {
        --it;
        if (it->range.begin < reach) break;
        if (keep(*it)) return int32_t(it->entity);
    }
    return -1;
}

// The unnamed person who last spoke in reported speech before quote `q` (or its pronoun, where
// that comes first), and after byte `since`: the subject of the last speech verb, if its last
// word is a role or a trade ("The official said", "One diplomat said", "an Exchange spokesman
// said"), within a few sentences.
Span QuoteFinder::reported_speaker(const Quote& q, uint32_t since) const {
    size_t pronoun = token_at(std::min(q.text.begin, q.speaker.begin));
    while (pronoun > 0 && (tokens_[pronoun - 1].has(kOpenQuote) || tokens_[pronoun - 1].type == TokenType::Punct))
        --pronoun;
    constexpr size_t kLookBack = 300; // tokens: a few sentences
    for (size_t k = pronoun; k-- > 0 && k + kLookBack > pronoun;) {
        const Token& t = tokens_[k];
        if (t.begin < since || t.has(kOpenQuote) || t.has(kCloseQuote)) break;
        if (!speech_verb(k)) continue;
        // The last one to speak only ("A spokesman for the ministry in Bonn said": no one here).
        Span s = phrase_before(k, 0);
        if (!s.found || s.first == s.last) return {};
        // The phrase's head: its last word, or the last before "of"/"for" ("a spokesman for
        // Tencent").
        size_t head = s.last;
        for (size_t j = s.first + 1; j <= s.last; ++j)
            if (in(j, kJoiners)) {
                head = j - 1;
                break;
            }
        if (!(in(head, cues::roles) || in(head, kPeople))) return {};
        static constexpr std::string_view kSomeone[] = {"one", "another"}; // "one dollar straight trader"
        if (s.first > 0 && in(s.first - 1, kSomeone)) --s.first;
        return s;
    }
    return {};
}

uint8_t QuoteFinder::sex_of(uint32_t entity, uint32_t at) const {
    if (entity >= entities_.list.size()) return 0;
    const auto& mentions = entities_.mentions;
    if (counted_.empty()) {
        // Honorifics and titles that say a sex. [en, de, fr, es] ("Chairman" and "spokesman" do not:
        // "Chairman Susan Phillips".)
        static constexpr std::string_view kMen[] = {"mr", "sir", "lord", "king", "prince", "duke", "baron", "count",
                                                    "emperor", "pope", "brother", "father", "herr", "monsieur", "señor", "sr"};
        static constexpr std::string_view kWomen[] = {"mrs", "ms", "miss", "dame", "lady", "queen", "princess", "duchess",
                                                      "baroness", "countess", "empress", "sister", "mother", "spokeswoman",
                                                      "chairwoman", "businesswoman", "congresswoman", "frau", "madame",
                                                      "mme", "señora", "sra"};
        counted_.assign(entities_.list.size(), {0, 0, 0});
        mention_sex_.assign(mentions.size(), 0);
        for (size_t i = 0; i < mentions.size(); ++i) {
            const Mention& m = mentions[i];
            if (m.entity >= entities_.list.size()) continue;
            ++counted_[m.entity][0];
            size_t t = token_at(m.range.begin);
            if (t > 0 && text_of(text_, {tokens_[t - 1].begin, tokens_[t - 1].end}) == ".") --t; // "Mr. Smith"
            if (t == 0) continue;
            mention_sex_[i] = in(t - 1, kMen) ? 1 : in(t - 1, kWomen) ? 2 : 0;
            if (mention_sex_[i]) ++counted_[m.entity][mention_sex_[i]];
        }
    }
    // The last mention before `at`.
    for (auto it = mention_from(entities_, at); it != mentions.begin();) {
        --it;
        if (it->entity != entity) continue;
        if (const uint8_t sex = mention_sex_[size_t(it - mentions.begin())]) return sex;
        break;
    }
    const auto& [total, men, women] = counted_[entity];
    if (men && !women && 3 * men >= total) return 1;
    if (women && !men && 3 * women >= total) return 2;
    return 0;
}

int32_t QuoteFinder::resolve(const Quote& q, const std::vector<Quote>& earlier, int32_t& same_as,
                             ByteRange& referent) const {
    same_as = -1;
    referent = {};
    if (q.speaker.size() == 0) return -1;
    // A person named in the phrase is the speaker ("ISD spokesman Tahir Della": not ISD); the
    // last one, as a name follows its role. A phrase that ends on a name not known as a person,
    // after an organisation ("Security Pacific's Bob Bannon", "E.F. Hutton Group analyst Michael
    // Lewis"), is that name's: the last name, unless it is an organisation or a place.
    int32_t e = -1;
    const Mention* last = nullptr;
    auto from = mention_from(entities_, q.speaker.begin);
    if (from != entities_.mentions.begin() && std::prev(from)->range.end > q.speaker.begin) --from; // one begun before
    for (auto it = from; it != entities_.mentions.end() && it->range.begin < q.speaker.end; ++it) {
        const Mention& m = *it;
        if (m.range.end <= q.speaker.begin) continue;
        // "Robert Dole of Kansas", "Bill Bradley of New Jersey": where the speaker is from;
        // "Rosario Ilacqua of L.F. Rothschild": whom he works for.
        if (last &&
            (entities_.list[m.entity].kind == EntityKind::Place || entities_.list[last->entity].kind == EntityKind::Person) &&
            (text_.substr(0, m.range.begin).ends_with(" of ") || text_.substr(0, m.range.begin).ends_with(" from ")))
            continue;
        last = &m;
        // (A name may begin before the phrase: "Stephen Slifer of Shearson Lehman Brothers Inc
        // added" is read back from the verb for a few words only.)
        if (m.range.end <= q.speaker.end && entities_.list[m.entity].kind == EntityKind::Person)
            e = int32_t(m.entity);
    }
    if (last && last->range.end >= q.speaker.end && last->range.begin > q.speaker.begin) {
        const EntityKind kind = entities_.list[last->entity].kind;
        if (kind == EntityKind::Person || kind == EntityKind::Other) return int32_t(last->entity);
    }
    // "a European dealer": a people's adjective names no one.
    if (e < 0 && last && in_table(cues::demonyms, fold(text_of(text_, last->range)))) last = nullptr;
    if (e < 0 && last) {
        // Its words after the last name hold another one, no entity: not that name's either.
        const std::string_view rest = text_.substr(last->range.end, q.speaker.end > last->range.end ? q.speaker.end - last->range.end : 0);
        if (std::any_of(rest.begin(), rest.end(), [](char c) { return c >= 'A' && c <= 'Z'; })) return -1;
        e = int32_t(last->entity);
    }
    if (e >= 0) return e;
    // A role or a noun refers back a few screens of text at most (20,000 bytes, some 3,000
    // words): the bound keeps a long text's quotes from each reading all of it back.
    constexpr uint32_t kReach = 20000;
    const uint32_t reach = q.speaker.begin > kReach ? q.speaker.begin - kReach : 0;
    std::string_view words = text_of(text_, q.speaker);
    std::string head = last_word(words);
    bool person = contains(cues::person_pronouns, head) || (german_ && contains(cues::person_pronouns_de, head));
    bool group = contains(cues::group_pronouns, head);
    bool role = contains(cues::roles, head);
    if (person || group) {
        EntityKind want = person ? EntityKind::Person : EntityKind::Organisation;
        // "…," a USDA official said. … “…,” he said: "he" is the last speaker, unnamed, when the
        // text brought him in as someone new ("a", "one", "another") and named no one since.
        // "The spokesman" may be a person named before ("Tony O'Reilly would be interested, a
        // spokesman said. The spokesman said ... “…,” he said": O'Reilly), so after a definite
        // one the person named in an earlier quote, or else the last person named, comes first.
        // ("she" is not a man the text calls "Mr" or "Prince", nor "he" a woman it calls "Mrs".)
        auto person_mention = [&](const Mention& m) { return entities_.list[m.entity].kind == want && !other_sex(m.entity, head, q.speaker.begin); };
        // The last person named since the last quote, when he speaks there in reported speech
        // ("McCarthy noted that ... “…,” he noted"; "Julius Maldutis of Salomon Brothers Inc
        // said ..."), is "he", not the last one quoted.
        if (person && !earlier.empty()) {
            const uint32_t since = std::max(earlier.back().text.end, earlier.back().attribution.end);
            const Mention* named = nullptr;
            auto it = mention_from(entities_, q.speaker.begin);
            while (it != entities_.mentions.begin() && !named) {
                --it;
                if (it->range.begin < since) break;
                if (person_mention(*it)) named = &*it;
            }
            if (named) {
                size_t next = token_at(named->range.end);
                if (in(next, kOf) && next + 1 < tokens_.size()) { // his employer's name after "of"
                    auto employer = mention_from(entities_, tokens_[next + 1].begin);
                    if (employer != entities_.mentions.end() && employer->range.begin == tokens_[next + 1].begin)
                        next = token_at(employer->range.end);
                }
                if (next < tokens_.size() && speech_verb(next)) return int32_t(named->entity);
            }
        }
        int32_t definite = -1;
        for (auto it = earlier.rbegin(); it != earlier.rend(); ++it) {
            if (it->entity >= 0 && entities_.list[size_t(it->entity)].kind == want) {
                if (other_sex(uint32_t(it->entity), head, q.speaker.begin)) continue;
                return it->entity;
            }
            // (An earlier speaker named by an organisation and a trade is no one named: "one CBT
            // crush trader said".)
            const bool employer_only = it->entity >= 0 && entities_.list[size_t(it->entity)].kind != EntityKind::Person;
            // "he" before was someone unnamed from reported speech, and no one is named since nor
            // reported speaking: the same man ("The official said ... “…,” he said. “…,” he added").
            if (person && it == earlier.rbegin() && it->referent.size() > 0 &&
                recent_entity(entities_, it->attribution.end, q.speaker.begin, person_mention) < 0) {
                const Span newer = reported_speaker(q, std::max(it->text.end, it->attribution.end));
                referent = newer.found ? range(newer) : it->referent;
                return -1;
            }
            // "…," the union body said. It added …: "it" is the body just quoted, named or not,
            // not an organisation quoted before it. (A document's "it" is rather its author's,
            // the organisation last named: "the report said" is the OECD's.) [en]
            static constexpr std::string_view kDocuments[] = {"report", "statement", "study", "survey", "prospectus",
                                                              "communique", "letter", "document", "filing", "review",
                                                              "release", "paper", "proposal", "plan", "bulletin",
                                                              "editorial", "summary", "article", "commentary"};
            if (group && it == earlier.rbegin() && it->entity < 0 && it->same_as < 0 && it->speaker.size() > 0 &&
                it->speaker.begin >= reach) {
                const std::string_view theirs = text_of(text_, it->speaker);
                bool document = false; // (any word: "the statement quoted by IRNA")
                for (std::string_view rest = theirs; !rest.empty() && !document;) {
                    const size_t space = rest.find(' ');
                    document = contains(kDocuments, fold(rest.substr(0, space)));
                    rest = space == std::string_view::npos ? std::string_view() : rest.substr(space + 1);
                }
                if (fold(theirs.substr(0, theirs.find(' '))) == "the" && theirs.find(' ') != std::string_view::npos &&
                    !contains(cues::roles, last_word(theirs)) && !document) {
                    same_as = int32_t(earlier.size() - 1);
                    return -1;
                }
            }
            if (!person || definite >= 0 || (it->entity >= 0 && !employer_only) || it->speaker.size() == 0 ||
                it->speaker.begin < reach)
                continue;
            int32_t someone = -1; // an unnamed speaker brought in as someone new
            if (it->same_as >= 0) {
                someone = it->same_as; // "he" before found no one named either: the same man
            } else {
                std::string_view theirs = text_of(text_, it->speaker);
                const std::string head_of = last_word(theirs);
                // (A person's role or trade; "the report said" is no one "he" could be.)
                static constexpr std::string_view kSomeone[] = {"a", "an", "one", "another"};
                if (theirs.find(' ') == std::string_view::npos || !(contains(cues::roles, head_of) || contains(kPeople, head_of)))
                    continue;
                const auto index = int32_t(earlier.size() - 1 - size_t(it - earlier.rbegin()));
                if (!contains(kSomeone, fold(theirs.substr(0, theirs.find(' '))))) {
                    definite = index;
                    continue;
                }
                someone = index;
            }
            // Unless a person is named after him ("a dealer said … Smith, of Acme, … he said").
            const int32_t named = recent_entity(entities_, it->attribution.end, q.speaker.begin, person_mention);
            if (named >= 0) return named;
            same_as = someone;
            return -1;
        }
        const int32_t named = recent_entity(entities_, reach, q.speaker.begin, person_mention);
        if (named < 0 && definite >= 0) same_as = definite; // no one named: "he" is "the spokesman"
        if (named < 0 && same_as < 0 && person) { // "The official said ... “…,” he said"
            const uint32_t since = earlier.empty() ? reach : std::max(earlier.back().text.end, earlier.back().attribution.end);
            referent = range(reported_speaker(q, since));
        }
        return named;
    }
    if (role) {
        // "a spokesman", "one official": someone not named. "the analyst": the last person
        // named with that role beside the name ("Paul Mlotok, oil analyst with Salomon"), not
        // merely the last person named.
        const std::string first = fold(words.substr(0, words.find(' ')));
        if (first == "a" || first == "an" || first == "one" || first == "another") return -1;
        // "the spokesman, who asked not to be identified": someone the text will not name.
        const std::string attribution = fold(text_of(text_, q.attribution));
        if (attribution.find("to be identified") != std::string::npos || attribution.find("to be named") != std::string::npos)
            return -1;
        return recent_entity(entities_, reach, q.speaker.begin, [&](const Mention& m) {
            if (entities_.list[m.entity].kind != EntityKind::Person) return false;
            const size_t window = m.range.begin > 80 ? m.range.begin - 80 : 0;
            const std::string around = fold(text_.substr(window, std::min<size_t>(m.range.end + 80, q.speaker.begin) - window));
            for (size_t at = around.find(head); at != std::string::npos; at = around.find(head, at + 1)) {
                const bool starts = at == 0 || !std::isalnum(static_cast<unsigned char>(around[at - 1]));
                const size_t after = at + head.size();
                const bool ends = after >= around.size() || !std::isalnum(static_cast<unsigned char>(around[after]));
                if (starts && ends) return true;
            }
            return false;
        });
    }
    bool org_noun = contains(cues::org_nouns, head);
    // "the office" -> the nearest entity before it with "Office" in its name; "the company" -> the
    // nearest organisation.
    return recent_entity(entities_, reach, q.speaker.begin, [&](const Mention& m) {
        const uint32_t i = m.entity;
        if (org_noun && entities_.list[i].kind == EntityKind::Organisation) return true;
        std::string_view name = text_of(text_, entities_.list[i].name);
        size_t start = 0;
        for (size_t k = 0; k <= name.size(); ++k) {
            if (k == name.size() || name[k] == ' ') {
                if (fold(name.substr(start, k - start)) == head) return true;
                start = k + 1;
            }
        }
        return false;
    });
}

std::vector<Quote> QuoteFinder::run() {
    std::vector<Quote> out;
    std::vector<size_t> out_paragraph; // per quote: the token index its paragraph starts at
    std::vector<uint32_t> starts(tokens_.size() + 1, 0); // per token: where its paragraph starts
    for (size_t i = 1; i <= tokens_.size(); ++i)
        starts[i] = is_break(i - 1) ? uint32_t(i) : starts[i - 1];
    auto paragraph_start = [&](size_t i) { return size_t(starts[i]); };
    auto last_quote_in = [&](size_t paragraph) -> int32_t {
        for (size_t k = out.size(); k-- > 0;)
            if (out_paragraph[k] == paragraph) return int32_t(k);
        return -1;
    };
    size_t limit = 0; // attributions are not searched before the previous quote's end
    for (const Piece& piece : find_pieces()) {
        size_t ps = paragraph_start(piece.open);
        limit = std::max(limit, ps);
        Quote q;
        size_t inner_begin = tokens_[piece.open].end;
        size_t inner_end =
            piece.runs_on ? tokens_[piece.close - 1].end : tokens_[piece.close].begin;
        std::string_view inner = text::trim(text_.substr(inner_begin, inner_end - inner_begin));
        // The comma before an attribution ("…rumours,” said") stands for a full stop: not quoted.
        while (!inner.empty() && inner.back() == ',')
            inner = text::trim(inner.substr(0, inner.size() - 1));
        q.text.begin = uint32_t(inner.data() - text_.data());
        q.text.end = uint32_t(q.text.begin + inner.size());
        bool own = attribute(piece, limit, q);
        limit = piece.close + 1;
        size_t words = 0;
        for (size_t k = piece.open + 1; k < piece.close; ++k) words += tokens_[k].is_word() ? 1 : 0;
        if (!own && words < 2 && !piece.reopens) continue; // a scare-quoted word, not a quotation
        // A short phrase quoted inside the writer's own sentence, a word right before it, is a
        // term or a title ("corporate “raiders”", "NBC's “Today” program", "the “must buy”
        // levels"), not words someone said; unless it ends the sentence inside its marks, as a
        // speaker's words do ("had been “carefully worded.”").
        if (!own && words <= 3 && !piece.reopens && piece.open > ps && tokens_[piece.open - 1].is_word() &&
            !(inner.ends_with('.') || inner.ends_with('!') || inner.ends_with('?')))
            continue;

        // Continuations: a piece reopening a quote that ran on; a split quote (the same attribution
        // as the quote before); a quote with none of its own after one in the same paragraph, or
        // opening its paragraph after an attributed quote in the paragraph right before.
        int32_t same = last_quote_in(ps);
        int32_t before = ps >= 2 ? last_quote_in(paragraph_start(ps - 1)) : -1;
        int32_t continues = -1;
        if (piece.reopens && !out.empty())
            continues = int32_t(out.size() - 1);
        else if (own && same >= 0 && out[size_t(same)].attribution == q.attribution)
            continues = same;
        else if (!own && same >= 0)
            continues = same;
        else if (!own && same < 0 && piece.open == ps && before >= 0 &&
                 out[size_t(before)].speaker.size() > 0)
            continues = before;
        if (!own && continues >= 0) {
            const Quote& from = out[size_t(continues)];
            q.speaker = from.speaker;
            q.cue = from.cue;
            q.attribution = from.attribution;
            q.entity = from.entity;
            q.same_as = from.same_as;
            q.referent = from.referent;
        } else {
            q.entity = resolve(q, out, q.same_as, q.referent);
        }
        q.continues = continues;
        out.push_back(q);
        out_paragraph.push_back(ps);
    }
    // A quotation over paragraphs is often attributed only at its end: carry the speaker back.
    for (size_t i = out.size(); i-- > 0;) {
        int32_t c = out[i].continues;
        if (c < 0 || out[size_t(c)].speaker.size() > 0) continue;
        Quote& first = out[size_t(c)];
        first.speaker = out[i].speaker;
        first.cue = out[i].cue;
        first.attribution = out[i].attribution;
        first.entity = out[i].entity;
        first.same_as = out[i].same_as;
    }
    return out;
}

} // namespace

std::vector<Quote> find_quotes(std::string_view text, const Entities& entities, std::string_view language) {
    if (text.size() >= UINT32_MAX) return {};
    const std::vector<analysis::Token> tokens = analysis::tokenize(text);
    const std::string detected = language.empty() ? detect_language(text.substr(0, 20000)) : std::string();
    return analysis::find_quotes(text, tokens, analysis::FoldedWords(text, tokens), entities,
                                 language.empty() ? std::string_view(detected) : language);
}

std::vector<Quote> analysis::find_quotes(std::string_view text, const std::vector<Token>& tokens,
                                         const FoldedWords& folded, const Entities& entities, std::string_view language) {
    return QuoteFinder(text, tokens, folded, entities, language).run();
}

} // namespace broadsheet
