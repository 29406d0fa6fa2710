// Citations: who said what across a corpus, and the figures its articles cite (corpus_analysis.hpp).
//
// Each article keeps its quotes and figures as (key, byte ranges) pairs; keys are interned once
// for the corpus. speakers() and figures() group by key when asked, reading the texts from the
// Corpus, so an article costs a few bytes per quote and figure, not copies of its words.
#include "broadsheet/corpus_analysis.hpp"

#include "broadsheet/analyzer.hpp"

#include "tokens.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <memory>
#include <unordered_map>

namespace broadsheet {

namespace {

constexpr uint32_t kUnattributed = UINT32_MAX;

// A speaker written as a pronoun only names no one ("he", "it", "one": "one said").
bool bare_pronoun(std::string_view folded) {
    static constexpr std::string_view kPronouns[] = {"he", "she", "it", "they", "we", "i", "you", "one", "er", "sie", "es", "il", "elle", "él", "ella"};
    return std::find(std::begin(kPronouns), std::end(kPronouns), folded) != std::end(kPronouns);
}

// One currency under its many spellings: symbols, ISO codes, words in the languages numbers.cpp
// reads, and the newswire's abbreviations ("dlrs", "stg", "cts"). A unit not listed stays itself.
std::string_view currency(std::string_view folded) {
    struct Currency {
        std::string_view key;
        std::initializer_list<std::string_view> names;
    };
    static const Currency kCurrencies[] = {
        {"$", {"$", "us$", "usd", "dollar", "dollars", "dlr", "dlrs", "u.s dlrs", "u.s dollars", "u.s. dlrs", "u.s. dollars",
               "us-dollar", "dólar", "dólares", "dollaro", "dollari"}},
        {"cent", {"cent", "cents", "ct", "cts", "centimes", "céntimos", "centesimi", "centavos", "cêntimos"}},
        {"£", {"£", "gbp", "pound", "pounds", "stg", "sterling", "pfund", "libra", "libras", "sterlina", "sterline",
               "livre sterling", "livres sterling", "pond"}},
        {"€", {"€", "eur", "euro", "euros"}},
        {"¥", {"¥", "jpy", "yen", "yenes", "yens", "ienes"}},
        {"yuan", {"cny", "yuan", "yuanes", "yuans", "iuanes", "renminbi"}},
        {"pence", {"pence", "penny", "p"}},
    };
    for (const auto& c : kCurrencies)
        if (std::find(c.names.begin(), c.names.end(), folded) != c.names.end()) return c.key;
    return folded;
}

std::string lower(std::string_view text) {
    std::string out;
    search::fold(text, true, out);
    return out;
}

// A speaker named by the end of a person's name ("Reagan", "Bra Kanon"), a person or untyped, is
// the one person the library names in full with that end ("Ronald Reagan", "Denis Bra Kanon"),
// when there is one only (or the longer of names that end so, one inside the other). Where two
// share it ("James Baker", "Howard Baker"), "Baker" stays apart, as an article's own "Jiang" joins
// only the "Jiang Jun" it names (find_entities()). One word must be able to be a surname
// (analysis::may_be_surname()).
void merge_surnames(std::vector<Speaker>& speakers) {
    std::vector<std::string> keys(speakers.size());
    std::vector<bool> person(speakers.size());
    for (size_t i = 0; i < speakers.size(); ++i) {
        keys[i] = analysis::name_key(speakers[i].name);
        person[i] = speakers[i].named && speakers[i].kind == EntityKind::Person;
    }
    const std::vector<size_t> owner = analysis::name_end_owners(keys, person, true);
    // A joined name shows as the most quoted of its names of two words or more ("Gerhard
    // Stoltenberg", quoted 20 times, not "Finance Minster Gerhard Stoltenberg", once, a title
    // misspelt into the name), a surname alone never.
    std::vector<std::pair<size_t, size_t>> shown(speakers.size()); // (quotes, the speaker whose name shows)
    for (size_t i = 0; i < speakers.size(); ++i) shown[i] = {speakers[i].quotes.size(), i};
    bool merged = false;
    for (size_t i = 0; i < speakers.size(); ++i) { // (a name that speaks is a person's unless typed otherwise)
        Speaker& s = speakers[i];
        if (!s.named || (s.kind != EntityKind::Person && s.kind != EntityKind::Other)) continue;
        const std::string_view key = keys[i];
        if (owner[i] == SIZE_MAX || (key.find(' ') == std::string_view::npos && !analysis::may_be_surname(key))) continue;
        Speaker& into = speakers[owner[i]];
        if (key.find(' ') != std::string_view::npos && s.quotes.size() > shown[owner[i]].first)
            shown[owner[i]] = {s.quotes.size(), i};
        into.quotes.insert(into.quotes.end(), s.quotes.begin(), s.quotes.end());
        s.quotes.clear();
        merged = true;
    }
    if (!merged) return;
    for (size_t i = 0; i < speakers.size(); ++i)
        if (shown[i].second != i) speakers[i].name = speakers[shown[i].second].name;
    std::erase_if(speakers, [](const Speaker& s) { return s.quotes.empty(); });
    for (Speaker& s : speakers) { // the articles' order (ids ascend as they are added), then text order
        std::sort(s.quotes.begin(), s.quotes.end(), [](const CitedQuote& a, const CitedQuote& b) {
            return a.article != b.article ? a.article < b.article : a.text.begin < b.text.begin;
        });
        s.articles = 0;
        for (size_t q = 0; q < s.quotes.size(); ++q) s.articles += q == 0 || s.quotes[q].article != s.quotes[q - 1].article;
    }
}

} // namespace

struct Citations::Impl {
    struct Quoted {
        uint32_t key; // into speakers, or kUnattributed
        ByteRange text, speaker;
        EntityKind kind; // the name's kind in this article (Other for a description)
    };
    struct Cited {
        uint32_t key; // into figures
        ByteRange span, figure;
    };
    struct Entry {
        ArticleId id;
        std::vector<Quoted> quotes;
        std::vector<Cited> figures;
    };
    struct SpeakerKey {
        std::string name; // as first written
        bool named;
    };
    struct FigureKey {
        std::string value, unit;
        NumberKind kind;
    };

    std::vector<Entry> articles; // in the order added (ids ascending, usually)
    std::vector<SpeakerKey> speakers;
    std::unordered_map<std::string, uint32_t> speaker_index; // "n:" or "d:" + name_key()
    std::vector<FigureKey> figures;
    std::unordered_map<std::string, uint32_t> figure_index; // kind, value, unit
    std::map<std::string, std::unique_ptr<search::Stemmer>, std::less<>> stemmers; // by Snowball name

    uint32_t speaker_key(std::string_view name, bool named) {
        std::string key = (named ? "n:" : "d:") + analysis::name_key(name);
        auto [it, added] = speaker_index.emplace(std::move(key), uint32_t(speakers.size()));
        if (added) speakers.push_back({std::string(name), named});
        return it->second;
    }

    // What a figure counts, as figures are matched: a currency's one name, "%", or the unit's
    // words folded and stemmed in the article's language ("public accounts" -> "public account").
    std::string unit_key(const Quantity& q, std::string_view text, std::string_view language) {
        switch (q.kind) {
        case NumberKind::Percent:
            return "%";
        case NumberKind::Date:
        case NumberKind::Year:
        case NumberKind::Ordinal:
            return "";
        case NumberKind::Money:
            return std::string(currency(lower(text_of(text, q.unit))));
        case NumberKind::Quantity:
            break;
        }
        std::string_view snowball = search::snowball_language(language.empty() ? "en" : language);
        auto it = stemmers.find(snowball);
        if (it == stemmers.end()) it = stemmers.emplace(std::string(snowball), std::make_unique<search::Stemmer>(snowball)).first;
        search::Stemmer& stemmer = *it->second;
        std::string folded = lower(text_of(text, q.unit)), key;
        std::string_view rest = folded;
        while (!rest.empty()) {
            size_t end = rest.find_first_of(" \t\n\r");
            std::string_view word = rest.substr(0, end);
            rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
            if (word.empty()) continue;
            if (!key.empty()) key += ' ';
            key += stemmer.ok() ? stemmer.stem(word) : word;
        }
        return key;
    }

    uint32_t figure_key(const Quantity& q, std::string_view text, std::string_view language) {
        FigureKey f{figure_value_text(q, q.value), unit_key(q, text, language), q.kind};
        if (q.upper > q.value) f.value += ".." + figure_value_text(q, q.upper);
        std::string key = std::to_string(int(q.kind)) + '|' + f.value + '|' + f.unit;
        auto [it, added] = figure_index.emplace(std::move(key), uint32_t(figures.size()));
        if (added) figures.push_back(std::move(f));
        return it->second;
    }
};

Citations::Citations() : impl_(std::make_unique<Impl>()) {}
Citations::~Citations() = default;
Citations::Citations(Citations&&) noexcept = default;
Citations& Citations::operator=(Citations&&) noexcept = default;

void Citations::add(ArticleId id, const Article& article, const Analysis& analysis) {
    Impl& m = *impl_;
    if (!m.articles.empty() && id <= m.articles.back().id) // ids usually come in ascending order
        for (const Impl::Entry& e : m.articles)
            if (e.id == id) return;
    std::string_view text = article.text;
    Impl::Entry entry{id, {}, {}};
    const auto& quotes = analysis.quotes;
    const auto& list = analysis.entities.list;
    entry.quotes.reserve(quotes.size());
    for (size_t i = 0; i < quotes.size(); ++i) {
        const Quote& q = quotes[i];
        Impl::Quoted out{kUnattributed, q.text, q.speaker, EntityKind::Other};
        auto earlier = [&](int32_t j) { return j >= 0 && size_t(j) < i; };
        if (earlier(q.continues) && q.entity < 0) {
            out.key = entry.quotes[size_t(q.continues)].key;
            out.kind = entry.quotes[size_t(q.continues)].kind;
        } else if (q.entity >= 0 && size_t(q.entity) < list.size()) {
            // The speaker's name; but where the words as written hold a name that is no person's
            // and say more, the words ("one CBT crush trader": the trader, not the exchange).
            const Entity& e = list[size_t(q.entity)];
            std::string_view name = text_of(text, e.name);
            std::string_view as_written = text_of(text, q.speaker);
            if (e.kind != EntityKind::Person && as_written.size() > name.size() && as_written.find(name) != std::string_view::npos)
                out.key = m.speaker_key(as_written, false);
            else {
                out.key = m.speaker_key(name, true);
                out.kind = e.kind;
            }
        } else if (earlier(q.same_as)) {
            out.key = entry.quotes[size_t(q.same_as)].key;
            out.kind = entry.quotes[size_t(q.same_as)].kind;
        } else if (q.referent.size()) {
            out.key = m.speaker_key(text_of(text, q.referent), false);
        } else if (q.speaker.size() && !bare_pronoun(lower(text_of(text, q.speaker)))) {
            out.key = m.speaker_key(text_of(text, q.speaker), false);
        }
        entry.quotes.push_back(out);
    }
    for (const Quantity& q : analysis.numbers) {
        // An ordinal ranks; a bare number counts nothing named ("12", "two").
        if (q.kind == NumberKind::Ordinal || (q.kind == NumberKind::Quantity && q.unit.size() == 0)) continue;
        ByteRange figure = q.number;
        if (q.unit.size()) figure = {std::min(figure.begin, q.unit.begin), std::max(figure.end, q.unit.end)};
        entry.figures.push_back({m.figure_key(q, text, article.language), q.span, figure});
    }
    m.articles.push_back(std::move(entry)); // one with neither still counts as added (size())
}

bool Citations::remove(ArticleId id) {
    auto& articles = impl_->articles;
    auto it = std::find_if(articles.begin(), articles.end(), [&](const Impl::Entry& e) { return e.id == id; });
    if (it == articles.end()) return false;
    articles.erase(it);
    return true;
}

void Citations::clear() {
    impl_ = std::make_unique<Impl>();
}

size_t Citations::size() const {
    return impl_->articles.size();
}

std::vector<Speaker> Citations::speakers(const Corpus& corpus) const {
    const Impl& m = *impl_;
    const size_t nkeys = m.speakers.size();
    std::vector<Speaker> by_key(nkeys + 1); // the last: the unattributed
    std::vector<std::array<uint32_t, 4>> kinds(nkeys + 1, {0, 0, 0, 0});
    std::vector<ArticleId> last(nkeys + 1, 0);
    for (const Impl::Entry& e : m.articles) {
        if (!corpus.find(e.id)) continue;
        for (const Impl::Quoted& q : e.quotes) {
            const size_t k = q.key == kUnattributed ? nkeys : q.key;
            Speaker& s = by_key[k];
            s.quotes.push_back({e.id, q.text, q.speaker});
            if (last[k] != e.id) {
                last[k] = e.id;
                ++s.articles;
                ++kinds[k][size_t(q.kind) & 3];
            }
        }
    }
    std::vector<Speaker> out;
    for (size_t k = 0; k < nkeys; ++k) {
        Speaker& s = by_key[k];
        if (s.quotes.empty()) continue;
        s.name = m.speakers[k].name;
        s.named = m.speakers[k].named;
        s.kind = analysis::voted_kind(kinds[k]); // as the names' network types a name
        out.push_back(std::move(s));
    }
    merge_surnames(out);
    std::sort(out.begin(), out.end(), [](const Speaker& a, const Speaker& b) {
        if (a.named != b.named) return a.named;
        if (a.articles != b.articles) return a.articles > b.articles;
        if (a.quotes.size() != b.quotes.size()) return a.quotes.size() > b.quotes.size();
        return a.name < b.name;
    });
    if (!by_key[nkeys].quotes.empty()) out.push_back(std::move(by_key[nkeys]));
    return out;
}

std::vector<RecurringFigure> Citations::figures(const Corpus& corpus, uint32_t min_articles) const {
    const Impl& m = *impl_;
    const size_t nkeys = m.figures.size();
    std::vector<uint32_t> articles(nkeys, 0);
    std::vector<ArticleId> last(nkeys, 0);
    for (const Impl::Entry& e : m.articles) {
        if (!corpus.find(e.id)) continue;
        for (const Impl::Cited& f : e.figures)
            if (last[f.key] != e.id) last[f.key] = e.id, ++articles[f.key];
    }
    std::vector<uint32_t> slot(nkeys, UINT32_MAX);
    std::vector<RecurringFigure> out;
    for (size_t k = 0; k < nkeys; ++k) {
        if (articles[k] < std::max<uint32_t>(min_articles, 1)) continue;
        slot[k] = uint32_t(out.size());
        RecurringFigure r;
        r.value = m.figures[k].value;
        r.unit = m.figures[k].unit;
        r.kind = m.figures[k].kind;
        r.articles = articles[k];
        out.push_back(std::move(r));
    }
    for (const Impl::Entry& e : m.articles) {
        if (!corpus.find(e.id)) continue;
        for (const Impl::Cited& f : e.figures)
            if (slot[f.key] != UINT32_MAX) out[slot[f.key]].mentions.push_back({e.id, f.span, f.figure});
    }
    // Each as most often written (the first of the most written forms).
    std::unordered_map<std::string_view, uint32_t> forms;
    for (RecurringFigure& r : out) {
        forms.clear();
        uint32_t best = 0;
        for (const CitedFigure& c : r.mentions) {
            std::string_view form = text_of(corpus.find(c.article)->text, c.figure);
            uint32_t n = ++forms[form];
            if (n > best) best = n, r.text = std::string(form);
        }
    }
    std::sort(out.begin(), out.end(), [](const RecurringFigure& a, const RecurringFigure& b) {
        if (a.articles != b.articles) return a.articles > b.articles;
        if (a.mentions.size() != b.mentions.size()) return a.mentions.size() > b.mentions.size();
        if (a.text != b.text) return a.text < b.text;
        return a.unit < b.unit;
    });
    return out;
}

size_t Citations::memory_bytes() const {
    const Impl& m = *impl_;
    size_t bytes = m.articles.capacity() * sizeof(Impl::Entry);
    for (const Impl::Entry& e : m.articles)
        bytes += e.quotes.capacity() * sizeof(Impl::Quoted) + e.figures.capacity() * sizeof(Impl::Cited);
    for (const auto& s : m.speakers) bytes += sizeof s + s.name.capacity();
    for (const auto& f : m.figures) bytes += sizeof f + f.value.capacity() + f.unit.capacity();
    for (const auto& [key, value] : m.speaker_index) bytes += key.capacity() + 32;
    for (const auto& [key, value] : m.figure_index) bytes += key.capacity() + 32;
    return bytes;
}

} // namespace broadsheet
