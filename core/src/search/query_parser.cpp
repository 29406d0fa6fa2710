// The query parser: a lexer and a recursive-descent parser that never gives up.
//
//   query   := or
//   or      := and ("OR" and)*
//   and     := unary (["AND"] unary)*
//   unary   := ("NOT" | "-") unary | primary
//   primary := "(" or ")" | FIELD ":" primary | DATE | SOURCE_IS | PHRASE | WORD
//   (DATE := "date:" VALUE, SOURCE_IS := "source:=" (WORD | PHRASE), each one lexeme)
//
// Where the textbook parser would stop at the first error, this one records a message and reads
// on: a missing ')' is supplied, a stray ')' or a dangling operator is dropped, an unknown field
// name is read as words, a bad date is ignored. Nesting deeper than kMaxDepth is read flat, so no
// input can exhaust the stack.
#include "broadsheet/dates.hpp"
#include "broadsheet/query.hpp"

#include "../text_util.hpp"

#include <algorithm>
#include <optional>
#include <span>

namespace broadsheet::search {

namespace {

constexpr int kMaxDepth = 32;

enum class Lex : uint8_t { Word, Phrase, Open, Close, Or, And, Not, Near, Minus, Field, Date, SourceIs, End };

struct Lexeme {
    Lex kind = Lex::End;
    ByteRange range;        // in the query text
    std::string_view text;  // Word/Phrase/Date/SourceIs: the content (without quotes, "date:" or "source:=")
    FieldMask fields = 0;   // Field
    bool closed = true;     // Phrase, SourceIs: had its closing quote
    bool quoted = false;    // SourceIs: the name was in quotes
    bool near = false;      // Phrase: "..."~N, its words near each other
    uint32_t within = 0;    // Near, and a Phrase with `near`: the most words between
};

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

// The length of the quotation mark at s[i], 0 if none: '"', and the typographic ones that a query
// pasted from a word processor or another language's text has, “ ” „ ‟ « ». Any of them opens a
// phrase, and any closes it (German opens with „ and closes with “).
size_t quote_at(std::string_view s, size_t i) {
    const auto byte = [&](size_t k) { return i + k < s.size() ? uint8_t(s[i + k]) : 0; };
    if (byte(0) == '"') return 1;
    if (byte(0) == 0xC2 && (byte(1) == 0xAB || byte(1) == 0xBB)) return 2;                    // « »
    if (byte(0) == 0xE2 && byte(1) == 0x80 && byte(2) >= 0x9C && byte(2) <= 0x9F) return 3; // “ ” „ ‟
    return 0;
}
// The first quotation mark at or after `from` (npos if none), its length in `length`.
size_t find_quote(std::string_view s, size_t from, size_t& length) {
    for (size_t i = from; i < s.size(); ++i)
        if ((length = quote_at(s, i)) != 0) return i;
    length = 0;
    return std::string_view::npos;
}
// The length of the hyphen at s[i], 0 if none: '-', and the dashes and minus sign a word
// processor makes of one, – — − (which exclude a word as '-' does).
size_t dash_at(std::string_view s, size_t i) {
    const auto byte = [&](size_t k) { return i + k < s.size() ? uint8_t(s[i + k]) : 0; };
    if (byte(0) == '-') return 1;
    if (byte(0) == 0xE2 && ((byte(1) == 0x80 && (byte(2) == 0x93 || byte(2) == 0x94)) || (byte(1) == 0x88 && byte(2) == 0x92))) return 3;
    return 0;
}

bool iequals(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i) {
        char x = a[i], y = b[i];
        if (x >= 'A' && x <= 'Z') x = char(x - 'A' + 'a');
        if (y >= 'A' && y <= 'Z') y = char(y - 'A' + 'a');
        if (x != y) return false;
    }
    return true;
}

FieldMask field_named(std::string_view name) {
    struct Name { std::string_view name; FieldMask mask; };
    static constexpr Name names[] = {
        {"title", field_bit(Field::Title)},   {"headline", field_bit(Field::Title)},
        {"standfirst", field_bit(Field::Standfirst)},
        {"by", field_bit(Field::Byline)},     {"byline", field_bit(Field::Byline)},
        {"author", field_bit(Field::Byline)}, {"body", field_bit(Field::Body)},
        {"text", field_bit(Field::Body)},     {"source", field_bit(Field::Source)},
    };
    for (const auto& n : names)
        if (iequals(name, n.name)) return n.mask;
    return 0;
}

class Parser {
public:
    Parser(std::string_view text, Analyzer& analyzer, const ParseOptions& options, const Index* index = nullptr)
        : text_(text), analyzer_(analyzer), options_(options), index_(index) {
        if (index) others_ = index->other_analyzers();
    }

    Query run() {
        if (text_.size() > UINT32_MAX / 2) text_ = text_.substr(0, UINT32_MAX / 2);
        int root = -1;
        if (const std::optional<ByteRange> word = one_word()) {
            root = word_node({Lex::Word, *word, text_.substr(word->begin, word->size())});
        } else {
            // Room for a few words, so that a short query does not grow these step by step.
            lexemes_.reserve(8);
            operands_.reserve(8);
            if (options_.syntax) lex();
            else lex_plain();
            root = parse_or(0);
            while (peek().kind != Lex::End) { // only a stray ')' or NEAR can stop parse_or before the end
                // The ')' of a '(' dropped for nesting too deeply are no news.
                if (peek().kind == Lex::Near) note(peek().range.begin, "'NEAR' needs a word or phrase on both sides; ignored");
                else if (!deep_noted_) note(peek().range.begin, "unmatched ')' ignored");
                ++at_;
                const int both[] = {root, parse_or(0)};
                root = combine(QueryOp::And, both, {});
            }
        }
        if (root < 0) {
            q_.nodes.clear();
            if (saw_words_ && q_.messages.empty()) {
                bool words = false; // stopwords are words too
                analyzer_.analyze_surfaces(text_, [&](const Token&) { words = true; });
                note(0, words ? "only very common words: nothing to search for" : "no words or numbers to search for");
            }
        } else {
            q_.root = uint32_t(root);
        }
        std::stable_sort(q_.messages.begin(), q_.messages.end(),
                         [](const QueryMessage& a, const QueryMessage& b) { return a.position < b.position; });
        merge_repeated_messages();
        return std::move(q_);
    }

private:
    // The same message again and again (ten empty phrases, a hundred stray ')'): once, where it
    // first applies, with how many times, so that it does not push the results out of view.
    void merge_repeated_messages() {
        std::vector<QueryMessage>& m = q_.messages;
        if (m.size() < 2) return;
        std::vector<uint32_t> times(m.size(), 1);
        size_t kept = 0;
        for (size_t i = 0; i < m.size(); ++i) {
            size_t first = 0;
            while (first < kept && m[first].text != m[i].text) ++first;
            if (first < kept) { ++times[first]; continue; }
            if (kept != i) m[kept] = std::move(m[i]);
            ++kept;
        }
        m.resize(kept);
        for (size_t i = 0; i < kept; ++i)
            if (times[i] > 1) m[i].text += " (" + std::to_string(times[i]) + " times)";
    }

    // ---- lexing ---------------------------------------------------------------------------------

    // The query when it is one word (spaces around it aside), the commonest query: one that lex()
    // reads as one Word (no operator, field, date, quote, parenthesis or leading '-'; a '*' or
    // '~' after it is word_node()'s). The grammar then comes to `primary := WORD`, so run() hands
    // it to word_node() without the lexemes and operand lists (two allocations, a tenth of a
    // one-word query's search).
    std::optional<ByteRange> one_word() const {
        size_t b = 0, e = text_.size();
        while (b < e && is_space(text_[b])) ++b;
        while (e > b && is_space(text_[e - 1])) --e;
        if (b == e) return std::nullopt;
        const std::string_view word = text_.substr(b, e - b);
        if (std::any_of(word.begin(), word.end(), is_space)) return std::nullopt;
        if (options_.syntax) {
            size_t quote = 0;
            if (word.find_first_of("():") != std::string_view::npos || find_quote(word, 0, quote) != std::string_view::npos ||
                dash_at(word, 0))
                return std::nullopt;
            if (word == "OR" || word == "||" || word == "|" || word == "AND" || word == "&&" || word == "&" || word == "+" ||
                word == "NOT" || near_operator(word))
                return std::nullopt;
        }
        return ByteRange{uint32_t(b), uint32_t(e)};
    }
    void push(Lex kind, size_t b, size_t e, std::string_view t = {}, FieldMask f = 0, bool closed = true, bool quoted = false) {
        lexemes_.push_back({kind, {uint32_t(b), uint32_t(e)}, t, f, closed, quoted});
    }

    // "NEAR" or "NEAR/N" (capitals only, as OR, AND and NOT): the operator, not the word.
    // "NEAR/x" or "NEAR/" is one too, mistyped: within_of() says so.
    static bool near_operator(std::string_view word) {
        return word == "NEAR" || word.starts_with("NEAR/");
    }
    // The most words between of "N" (empty: the default), capped with a message at `at`.
    uint32_t within_of(std::string_view digits, uint32_t at) {
        const bool slash = digits.empty() && text_.substr(at).starts_with("NEAR/");
        if (slash && options_.as_you_type && at + 5 == text_.size()) return kNearWithin; // its number is being typed
        if (slash || !std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; })) {
            note(at, "'NEAR/' needs a number of words between (NEAR/5); read as NEAR/" + std::to_string(kNearWithin));
            return kNearWithin;
        }
        if (digits.empty()) return kNearWithin;
        uint64_t n = 0;
        for (char c : digits) n = std::min<uint64_t>(n * 10 + uint64_t(c - '0'), kNearWithinMax + 1);
        if (n > kNearWithinMax) {
            note(at, "at most " + std::to_string(kNearWithinMax) + " words between (NEAR/" + std::to_string(kNearWithinMax) +
                         "); using that");
            n = kNearWithinMax;
        }
        return uint32_t(n);
    }

    // What the quotation mark at text_[at] (`open` bytes) and the next one hold: the content, where
    // the lexeme ends (after the closing mark, or at the end of the text when there is none).
    struct Quoted { std::string_view content; size_t end; bool closed; };
    Quoted quoted(size_t at, size_t open) const {
        size_t shut = 0;
        const size_t close = find_quote(text_, at + open, shut);
        const size_t e = close == std::string_view::npos ? text_.size() : close;
        return {text_.substr(at + open, e - at - open), e + shut, close != std::string_view::npos};
    }

    void lex_plain() {
        for (size_t i = 0; i < text_.size();) {
            if (is_space(text_[i])) { ++i; continue; }
            size_t b = i;
            while (i < text_.size() && !is_space(text_[i])) ++i;
            push(Lex::Word, b, i, text_.substr(b, i - b));
        }
        push(Lex::End, text_.size(), text_.size());
    }

    void lex() {
        size_t i = 0;
        const size_t n = text_.size();
        while (i < n) {
            char c = text_[i];
            if (is_space(c)) { ++i; continue; }
            if (c == '(') { push(Lex::Open, i, i + 1); ++i; continue; }
            if (c == ')') { push(Lex::Close, i, i + 1); ++i; continue; }
            if (const size_t open = quote_at(text_, i)) {
                const Quoted q = quoted(i, open);
                if (!q.closed) note(uint32_t(i), "missing closing '\"': the phrase runs to the end");
                push(Lex::Phrase, i, q.end, q.content, 0, q.closed);
                i = q.end;
                // Lucene's proximity: "oil prices"~5, the words near each other.
                if (q.closed && i < n && text_[i] == '~') {
                    const size_t tilde = i++;
                    while (i < n && text_[i] >= '0' && text_[i] <= '9') ++i;
                    lexemes_.back().near = true;
                    lexemes_.back().within = within_of(text_.substr(tilde + 1, i - tilde - 1), uint32_t(tilde));
                    lexemes_.back().range.end = uint32_t(i);
                }
                continue;
            }
            if (const size_t dash = dash_at(text_, i);
                dash && i + dash < n && !is_space(text_[i + dash]) && text_[i + dash] != ')' && !dash_at(text_, i + dash)) {
                push(Lex::Minus, i, i + dash);
                i += dash;
                continue;
            }
            size_t b = i;
            while (i < n && !is_space(text_[i]) && text_[i] != '(' && text_[i] != ')' && !quote_at(text_, i)) ++i;
            std::string_view word = text_.substr(b, i - b);
            if (word == "OR" || word == "||" || word == "|") { push(Lex::Or, b, i); continue; }
            if (word == "AND" || word == "&&" || word == "&" || word == "+") { push(Lex::And, b, i); continue; }
            if (word == "NOT") { push(Lex::Not, b, i); continue; }
            if (near_operator(word)) {
                push(Lex::Near, b, i);
                lexemes_.back().within = within_of(word.substr(std::min<size_t>(word.size(), 5)), uint32_t(b));
                continue;
            }
            size_t colon = word.find(':');
            if (colon != std::string_view::npos && colon > 0) {
                std::string_view name = word.substr(0, colon);
                if (iequals(name, "date")) {
                    // The value is the rest of the word (no spaces inside a date range), or what
                    // quotes right after the colon hold: date:"1987-03".
                    if (const size_t open = i < n ? quote_at(text_, i) : 0; colon + 1 == word.size() && open) {
                        const Quoted q = quoted(i, open);
                        push(Lex::Date, b, q.end, text::trim(q.content));
                        i = q.end;
                        continue;
                    }
                    push(Lex::Date, b, i, word.substr(colon + 1));
                    continue;
                }
                FieldMask f = field_named(name);
                if (f == field_bit(Field::Source) && colon + 1 < word.size() && word[colon + 1] == '=') {
                    // source:=NAME or source:="NAME": the value is the rest of the word, or the
                    // quotes' content (the word stops at a quote).
                    if (const size_t open = i < n ? quote_at(text_, i) : 0; colon + 2 == word.size() && open) {
                        const Quoted q = quoted(i, open);
                        if (!q.closed) note(uint32_t(i), "missing closing '\"': the source's name runs to the end");
                        push(Lex::SourceIs, b, q.end, q.content, 0, q.closed, true);
                        i = q.end;
                    } else {
                        push(Lex::SourceIs, b, i, word.substr(colon + 2));
                    }
                    continue;
                }
                if (f) {
                    push(Lex::Field, b, b + colon + 1, name, f);
                    i = b + colon + 1; // lex what follows the colon on its own
                    continue;
                }
                bool letters = std::all_of(name.begin(), name.end(), [](char ch) {
                    return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z');
                });
                if (letters && colon + 1 < word.size() && !word.substr(colon + 1).starts_with("//")) // not a URL's
                    note(uint32_t(b), "unknown field '" + std::string(name) +
                                          ":' (fields: title, by, source, standfirst, body, date): searched as words");
            }
            push(Lex::Word, b, i, word);
        }
        push(Lex::End, n, n);
    }

    // ---- parsing --------------------------------------------------------------------------------

    // Only closing parentheses from `pos` to the end of the text: what ends there is still being
    // typed, as you type (no space has finished it). So it is in a narrowed query, whose OR is
    // put in parentheses: "date:2022 (coffee OR Kaff)".
    bool typed_to_end(uint32_t pos) const {
        for (size_t i = pos; i < text_.size(); ++i)
            if (text_[i] != ')') return false;
        return true;
    }

    const Lexeme& peek() const { return lexemes_[std::min(at_, lexemes_.size() - 1)]; }
    void note(uint32_t pos, std::string text) { q_.messages.push_back({pos, std::move(text)}); }

    int add(QueryNode node) {
        q_.nodes.push_back(std::move(node));
        return int(q_.nodes.size() - 1);
    }

    // The node for `op` over `kids` (-1s, the parts that came to nothing, left out): -1 if none is
    // left, the one kid itself if one is (but a Not always gets its node).
    int combine(QueryOp op, std::span<const int> kids, ByteRange range) {
        const auto left = std::count_if(kids.begin(), kids.end(), [](int k) { return k >= 0; });
        if (left == 0) return -1;
        if (left == 1 && op != QueryOp::Not) return *std::find_if(kids.begin(), kids.end(), [](int k) { return k >= 0; });
        QueryNode n;
        n.op = op;
        n.source = range;
        for (int k : kids) {
            if (k < 0) continue;
            // Flatten AND(AND(a, b), c) and OR(OR(a, b), c).
            if (q_.nodes[size_t(k)].op == op && op != QueryOp::Not) {
                const auto& inner = q_.nodes[size_t(k)].children;
                n.children.insert(n.children.end(), inner.begin(), inner.end());
            } else {
                n.children.push_back(uint32_t(k));
            }
        }
        return add(std::move(n));
    }

    bool starts_operand(Lex k) const {
        return k == Lex::Word || k == Lex::Phrase || k == Lex::Open || k == Lex::Not || k == Lex::Minus ||
               k == Lex::Field || k == Lex::Date || k == Lex::SourceIs;
    }

    // parse_or() and parse_and() keep the operands of the lists being read in operands_, each
    // list above the ones it is inside of, and take its own off before returning: one buffer for
    // the whole query rather than a vector for every level of every list.
    int parse_or(int depth) {
        const size_t base = operands_.size();
        operands_.push_back(parse_and(depth));
        while (peek().kind == Lex::Or) {
            const Lexeme op = peek();
            ++at_;
            q_.plain_words = false;
            if (peek().kind == Lex::Or) {
                note(op.range.begin, "'OR' twice: read as one");
                while (peek().kind == Lex::Or) ++at_;
            }
            if (operands_.back() < 0 && operands_.size() == base + 1) note(op.range.begin, "'OR' with nothing before it ignored");
            if (!starts_operand(peek().kind)) {
                note(op.range.begin, "'OR' with nothing after it ignored");
                break;
            }
            const int next = parse_and(depth);
            operands_.push_back(next);
            if (depth == 0) q_.or_at_top = true;
        }
        const int node = combine(QueryOp::Or, std::span(operands_).subspan(base), {});
        operands_.resize(base);
        return node;
    }

    int parse_and(int depth) {
        const size_t base = operands_.size();
        bool explicit_and = false;
        for (;;) {
            Lex k = peek().kind;
            if (k == Lex::And) {
                const Lexeme op = peek();
                ++at_;
                q_.plain_words = false;
                explicit_and = true;
                if (operands_.size() == base || !starts_operand(peek().kind))
                    note(op.range.begin, "'AND' needs something on both sides; ignored");
                continue;
            }
            if (k == Lex::Near) { // with nothing before it (parse_near() takes the others)
                note(peek().range.begin, "'NEAR' needs a word or phrase on both sides; ignored");
                ++at_;
                q_.plain_words = false;
                continue;
            }
            if (!starts_operand(k)) break;
            const int next = parse_near(depth);
            operands_.push_back(next);
        }
        const QueryOp op = options_.match_all || explicit_and ? QueryOp::And : QueryOp::Or;
        if (op == QueryOp::And && !stopped_in_.empty() && operands_.size() - base >= 2) {
            // A word that is a stopword in some languages of the index: in their articles it is
            // not asked for, so it is OR(its readings, every article of those languages). Not in
            // a language whose stopwords all the words are: there the AND asks for nothing. Parts
            // that ask for no word (a date or source filter, an exclusion, a word stopped in
            // every language) do not count: "date:2022 die" is "die" of 2022, not every German
            // article of 2022.
            auto asks_no_word = [&](int kid) {
                if (kid < 0) return true;
                const QueryOp o = q_.nodes[size_t(kid)].op;
                return o == QueryOp::Date || o == QueryOp::Source || o == QueryOp::Not || o == QueryOp::All;
            };
            uint32_t all_stopped = ~0u;
            for (size_t i = base; i < operands_.size(); ++i)
                if (!asks_no_word(operands_[i])) all_stopped &= stopped_in(operands_[i]);
            for (size_t i = base; i < operands_.size(); ++i) {
                const uint32_t stopped = stopped_in(operands_[i]) & ~all_stopped;
                if (!stopped) continue;
                QueryNode all;
                all.op = QueryOp::All;
                all.languages = stopped;
                const int either[] = {operands_[i], add(std::move(all))};
                operands_[i] = combine(QueryOp::Or, either, q_.nodes[size_t(operands_[i])].source);
            }
        }
        const std::span<const int> kids = std::span(operands_).subspan(base);
        auto is_not = [&](int kid) { return kid >= 0 && q_.nodes[size_t(kid)].op == QueryOp::Not; };
        const bool any_not = std::any_of(kids.begin(), kids.end(), is_not);
        const int node = any_not ? with_exclusions(op, {kids.begin(), kids.end()}) : combine(op, kids, {});
        operands_.resize(base);
        return node;
    }

    // operand (NEAR[/N] operand)...: one group, its parts near each other (near_node()). NEAR
    // binds tighter than AND: "opec oil NEAR prices" is opec AND (oil NEAR prices).
    int parse_near(int depth) {
        const uint32_t begin = peek().range.begin; // of the first part, a field or parenthesis too
        const int first = parse_unary(depth);
        if (peek().kind != Lex::Near) return first;
        std::vector<int> units{first};
        uint32_t within = 0;
        bool mixed = false, joined = false;
        while (peek().kind == Lex::Near) {
            const Lexeme op = peek();
            ++at_;
            q_.plain_words = false;
            if (!starts_operand(peek().kind) || peek().kind == Lex::Near) {
                note(op.range.begin, "'NEAR' with nothing after it ignored");
                continue;
            }
            if (joined && op.within != within) mixed = true;
            joined = true;
            within = std::max(within, op.within);
            units.push_back(parse_unary(depth));
        }
        if (mixed)
            note(begin, "NEARs of different numbers in one chain are one group: read as NEAR/" + std::to_string(within));
        return near_node(units, within, {begin, lexemes_[at_ - 1].range.end}); // to the last lexeme read
    }

    // What a NEAR can hold: a word or phrase (a Term, a Phrase with terms, a Prefix, a Fuzzy), or
    // an OR of them (a word's readings in several languages, "(oil OR petroleum)").
    bool near_unit(int node, FieldMask& fields) const {
        const QueryNode& n = q_.nodes[size_t(node)];
        fields &= n.fields;
        switch (n.op) {
        case QueryOp::Term:
        case QueryOp::Prefix:
        case QueryOp::Fuzzy: return true;
        case QueryOp::Phrase: return !n.terms.empty();
        case QueryOp::Or:
            return std::all_of(n.children.begin(), n.children.end(), [&](uint32_t c) { return near_unit(int(c), fields); });
        default: return false;
        }
    }

    // A group of `units` near each other, those that came to nothing (stopwords) left out. One
    // that is not a word or phrase makes it an AND, said. A part that is a stopword in some of
    // the index's languages asks nothing of their articles (as in an AND: parse_and()): there
    // the group is the other parts' (the other part alone, or nothing when none is left).
    int near_node(std::span<const int> units, uint32_t within, ByteRange range) {
        std::vector<int> kept;
        for (int u : units)
            if (u >= 0) kept.push_back(u);
        if (kept.size() < 2) return kept.empty() ? -1 : kept[0];
        uint32_t any_stopped = 0;
        for (int u : kept) any_stopped |= stopped_in(u);
        const int all = near_group(kept, within, range);
        if (!any_stopped || all < 0 || q_.nodes[size_t(all)].op != QueryOp::Near) return all;
        std::vector<int> either{all};
        for (uint32_t slot = 0; slot < 32; ++slot) {
            if (!(any_stopped >> slot & 1)) continue;
            std::vector<int> held; // the parts that are words in this language
            for (int u : kept)
                if (!(stopped_in(u) >> slot & 1)) held.push_back(copy(u));
            if (held.empty()) continue;
            QueryNode language;
            language.op = QueryOp::All;
            language.languages = 1u << slot;
            const int both[] = {held.size() == 1 ? held[0] : near_group(held, within, range), add(std::move(language))};
            either.push_back(combine(QueryOp::And, both, range));
        }
        return combine(QueryOp::Or, either, range);
    }

    // A copy of `node` and the nodes below it (a query's tree shares none).
    int copy(int node) {
        QueryNode n = q_.nodes[size_t(node)];
        for (uint32_t& c : n.children) c = uint32_t(copy(int(c)));
        return add(std::move(n));
    }

    // near_node() of parts that are all words somewhere.
    int near_group(const std::vector<int>& kept, uint32_t within, ByteRange range) {
        FieldMask fields = kTextFields | field_bit(Field::Source);
        for (int u : kept) {
            if (!near_unit(u, fields)) {
                note(range.begin, "NEAR joins words and phrases (or ORs of them), not groups, exclusions, dates or sources: read as AND");
                return combine(QueryOp::And, kept, range);
            }
        }
        if (!fields) {
            note(range.begin, "NEAR's words are asked for in different fields, where they cannot be near: read as AND");
            return combine(QueryOp::And, kept, range);
        }
        QueryNode n;
        n.op = QueryOp::Near;
        n.fields = fields;
        n.within = within;
        n.source = range;
        n.children.assign(kept.begin(), kept.end());
        return add(std::move(n));
    }

    // "oil prices"~5: the phrase's words near each other, each read as it would be alone
    // (terms_node(): in each language, a hyphenated word as its parts or written together; a
    // stopword is left out, as the index has no places for it).
    int near_words_node(std::string_view text, ByteRange range, uint32_t within) {
        saw_words_ = true;
        std::vector<int> units;
        for (size_t i = 0; i < text.size();) {
            if (is_space(text[i])) { ++i; continue; }
            const size_t b = i;
            while (i < text.size() && !is_space(text[i])) ++i;
            const uint32_t at = uint32_t(text.data() - text_.data() + b);
            units.push_back(terms_node(text.substr(b, i - b), {at, uint32_t(at + i - b)}));
        }
        const int node = near_node(units, within, range);
        if (node < 0 && text.find_first_not_of(" \t\r\n") == std::string_view::npos) note(range.begin, "empty phrase ignored");
        return node;
    }

    // An AND or OR list with exclusions among its operands.
    int with_exclusions(QueryOp op, std::vector<int> kids) {
        // A list of only exclusions ("-wind") means: everything without them.
        bool all_negative = true;
        for (int kid : kids)
            if (kid >= 0 && q_.nodes[size_t(kid)].op != QueryOp::Not) all_negative = false;
        if (all_negative) {
            QueryNode all;
            all.op = QueryOp::All;
            kids.insert(kids.begin(), add(std::move(all)));
            op = QueryOp::And;
        }
        if (op == QueryOp::Or) {
            // Side-by-side words ORed, but exclusions still exclude: AND(OR(words), NOT...).
            std::vector<int> pos, neg;
            for (int kid : kids) (kid >= 0 && q_.nodes[size_t(kid)].op == QueryOp::Not ? neg : pos).push_back(kid);
            neg.insert(neg.begin(), combine(QueryOp::Or, pos, {}));
            return combine(QueryOp::And, neg, {});
        }
        return combine(op, kids, {});
    }

    int parse_unary(int depth) {
        // Iterative, so "NOT NOT NOT ... x" cannot nest deeply: an odd count negates.
        size_t negations = 0;
        ByteRange r{};
        while (peek().kind == Lex::Not || peek().kind == Lex::Minus) {
            if (negations == 0) r = peek().range;
            ++negations;
            ++at_;
            q_.plain_words = false;
        }
        if (negations > 0 && !starts_operand(peek().kind)) {
            note(r.begin, "'NOT' with nothing after it ignored");
            return -1;
        }
        const bool outside = negated_;
        negated_ = outside != (negations % 2 == 1);
        const int inner[] = {parse_primary(depth)};
        negated_ = outside;
        if (negations % 2 == 0 || inner[0] < 0) return inner[0];
        return combine(QueryOp::Not, inner, r);
    }

    int parse_primary(int depth) {
        const Lexeme l = peek();
        ++at_;
        switch (l.kind) {
        case Lex::Open: {
            q_.plain_words = false;
            if (depth >= kMaxDepth) {
                // Read on without nesting; the matching ')' will close an outer group early.
                if (!deep_noted_) note(l.range.begin, "parentheses nested too deeply: inner ones ignored");
                deep_noted_ = true;
                return -1;
            }
            size_t first = at_;
            int inner = parse_or(depth + 1);
            if (peek().kind == Lex::Close) {
                if (at_ == first) note(l.range.begin, "empty parentheses ignored");
                ++at_;
            } else {
                note(l.range.begin, "missing ')' for this '(': it runs to the end");
            }
            return inner;
        }
        case Lex::Field: {
            q_.plain_words = false;
            if (!starts_operand(peek().kind) || peek().kind == Lex::Field) {
                note(l.range.begin, "'" + std::string(l.text) + ":' needs a word after it; ignored");
                return -1;
            }
            int inner = parse_primary(depth);
            restrict_fields(inner, l.fields);
            return inner;
        }
        case Lex::Date:
            q_.plain_words = false;
            return date_node(l);
        case Lex::SourceIs:
            q_.plain_words = false;
            return source_node(l);
        case Lex::Phrase: {
            q_.plain_words = false;
            if (l.near) return near_words_node(l.text, l.range, l.within);
            return phrase_node(l.text, l.range, l.closed);
        }
        case Lex::Word:
            return word_node(l);
        default:
            return -1;
        }
    }

    void restrict_fields(int node, FieldMask f) {
        if (node < 0) return;
        QueryNode& n = q_.nodes[size_t(node)];
        n.fields = f;
        auto kids = n.children; // copy: recursion may reallocate nodes
        for (uint32_t k : kids) restrict_fields(int(k), f);
    }

    // ---- leaves ---------------------------------------------------------------------------------

    using Tokens = std::vector<Analyzer::OwnedToken>;

    // The node build(tokens) makes of `text` analyzed in the index's own language. When the
    // index has articles in other languages (Index::analyzer_for), the word is read in each: the
    // OR of a node for each different reading whose terms are all in the index. The terms of a
    // language's words carry its tag (term_tag()), so each reading finds only its own language's
    // articles: "Häuser" is hauser in English articles, haus@1 in German ones.
    // `when_stopped(slots)`, if given, is the node for the languages whose stopwords the words all
    // are (language slot bits; 0 for the index's one language), or -1: a phrase of them is then a
    // reading of its own, not nothing. With `last_typed`, the last word is being typed: a reading
    // stands without it in the index.
    template <class Build>
    int in_each_language(std::string_view text, ByteRange range, Build build, const std::function<int(uint32_t)>& when_stopped = {},
                         bool last_typed = false) {
        if (others_.empty()) {
            const int node = build(analyzer_.tokens(text));
            return node < 0 && when_stopped ? when_stopped(0) : node;
        }
        std::vector<Tokens> readings;
        std::vector<int> nodes;
        auto same = [](const Tokens& a, const Tokens& b) {
            return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](const auto& x, const auto& y) {
                return x.term == y.term && x.position == y.position && x.kind == y.kind;
            });
        };
        uint32_t stopped = 0; // the language slots whose stopwords the words are
        for (size_t slot = 0; slot <= others_.size() && slot < 32; ++slot) {
            Tokens t = (slot == 0 ? analyzer_ : *others_[slot - 1]).tokens(text);
            if (t.empty()) {
                stopped |= 1u << slot;
                continue;
            }
            if (std::any_of(readings.begin(), readings.end(), [&](const Tokens& r) { return same(r, t); })) continue;
            uint32_t typed_at = UINT32_MAX; // the last word's place
            if (last_typed)
                for (const auto& k : t)
                    if (k.kind != TokenKind::Joined) typed_at = typed_at == UINT32_MAX ? k.position : std::max(typed_at, k.position);
            // Held: its words are in the index (but the one being typed), or a hyphenated word's
            // written-together form is (a phrase reads the parts alone: "nord-süd" finds "Nord Süd").
            auto in_index = [&](const auto& k) {
                const auto id = index_->find(k.term);
                return id && index_->doc_frequency(*id) > 0;
            };
            bool parts = true, joined = false;
            for (const auto& k : t) {
                if (k.kind == TokenKind::Joined) joined = joined || in_index(k);
                else if (k.position != typed_at) parts = parts && in_index(k);
            }
            const bool held = parts || joined;
            // The index's own reading always stands (when nothing holds the word: it then finds
            // nothing); another only when it can match.
            if (slot == 0 || held) readings.push_back(std::move(t));
        }
        for (Tokens& r : readings) {
            // Readings that differ only in a word being typed (its start is every language's) are one.
            const int n = build(std::move(r));
            if (n >= 0 && std::none_of(nodes.begin(), nodes.end(), [&](int m) { return same_leaf(q_.nodes[size_t(m)], q_.nodes[size_t(n)]); }))
                nodes.push_back(n);
        }
        if (stopped && when_stopped) {
            if (const int stops = when_stopped(stopped); stops >= 0) nodes.push_back(stops), stopped = 0;
        }
        const int node = combine(QueryOp::Or, nodes, range);
        // In a language where they are stopwords the words ask for nothing: an AND they are in
        // holds without them in its articles (parse_and()).
        if (node >= 0 && stopped) stopped_in_.emplace_back(node, stopped);
        return node;
    }

    static bool same_leaf(const QueryNode& a, const QueryNode& b) {
        return a.children.empty() && b.children.empty() && a.op == b.op && a.fields == b.fields && a.terms == b.terms &&
               a.offsets == b.offsets && a.stops == b.stops && a.stop_offsets == b.stop_offsets && a.prefix == b.prefix && a.pattern == b.pattern &&
               a.max_edits == b.max_edits && a.only_if_unknown == b.only_if_unknown && a.max_expansions == b.max_expansions &&
               a.max_postings == b.max_postings && a.languages == b.languages;
    }

    // The languages `node` (a word or phrase) is stopwords in (in_each_language()), or 0.
    uint32_t stopped_in(int node) const {
        for (const auto& [n, slots] : stopped_in_)
            if (n == node) return slots;
        return 0;
    }

    // Terms of `text` as a Term, a Phrase, or for a hyphenated word OR(phrase of parts, joined).
    // In the index's language alone, straight from the analyzer (no token list: a word's query
    // is mostly this).
    int terms_node(std::string_view text, ByteRange range) {
        if (others_.empty())
            return terms_node_of([&](auto&& sink) { analyzer_.analyze(text, [&](const Token& t) { sink(t.term, t.position, t.kind); }); },
                                 text, range);
        return in_each_language(text, range, [&](const Tokens& tokens) {
            return terms_node_of([&](auto&& sink) { for (const auto& t : tokens) sink(t.term, t.position, t.kind); }, text, range);
        });
    }

    // each_token(sink) calls sink(term, position, kind) for each token of the text, in order.
    template <class EachToken> int terms_node_of(EachToken each_token, std::string_view text, ByteRange range) {
        QueryNode n;
        n.source = range;
        size_t parts = 0, joined = 0;
        uint32_t first = 0;
        std::string joined_term; // the first Joined token's
        each_token([&](std::string_view term, uint32_t position, TokenKind kind) {
            if (kind == TokenKind::Joined) {
                if (joined++ == 0) joined_term = term;
                return;
            }
            if (parts++ == 0) first = position;
            n.terms.emplace_back(term);
            if (parts == 2) n.offsets.push_back(0); // a Phrase: offsets from the first part
            if (parts >= 2) n.offsets.push_back(position - first);
        });
        if (parts == 0) return -1;
        n.op = parts == 1 ? QueryOp::Term : QueryOp::Phrase;
        if (n.op == QueryOp::Phrase) add_stops(n, text, first, true); // "state-of-the-art"
        int node = add(std::move(n));
        // Only a single hyphenated word gets the written-together alternative.
        if (joined == 1) {
            QueryNode j;
            j.op = QueryOp::Term;
            j.terms.push_back(std::move(joined_term));
            j.source = range;
            const int either[] = {node, add(std::move(j))};
            node = combine(QueryOp::Or, either, range);
        }
        return node;
    }

    int phrase_node(std::string_view text, ByteRange range, bool closed) {
        saw_words_ = true;
        // A phrase of stopwords only ("The Who", "to be or not to be") is looked for in the text
        // of every article of the languages whose stopwords they are: not for every letter typed
        // (each would read them all), only once its closing quote is.
        const bool read_text = closed || !options_.as_you_type;
        // As you type, the last word of a phrase not yet closed is still being typed: it begins
        // words, as a last word outside quotes does ("interest ra" finds "interest rates"). So
        // does one written with a '*' at the end of the phrase ("interest ra*"), the form a
        // narrowing writes an open phrase in.
        bool typing = !closed && options_.as_you_type && !text.empty() && !is_space(text.back()) && !negated_;
        if (options_.syntax && text.size() > 1 && text.back() == '*' && !is_space(text[text.size() - 2]) && text[text.size() - 2] != '*') {
            text.remove_suffix(1);
            typing = true;
        }
        if (typing) {
            std::vector<Segment> segs;
            // One word: as a word is typed (but '*', '?' and '~' are no syntax inside quotes:
            // word_node() knows it by typed_phrase_).
            if (text.find_first_of("*~") == std::string_view::npos && !single_surface(text, segs).empty() && segs.size() == 1) {
                Lexeme l;
                l.kind = Lex::Word;
                l.range = range;
                l.text = text::trim(text);
                typed_phrase_ = true;
                const int node = word_node(l);
                typed_phrase_ = false;
                return node;
            }
        }
        std::function<int(uint32_t)> stops;
        if (read_text) stops = [&](uint32_t slots) { return stops_node(text, range, slots); };
        const int node = in_each_language(
            text, range, [&](Tokens tokens) { return phrase_node_of(tokens, text, range, typing); }, stops, typing);
        if (node < 0 && text.find_first_not_of(" \t\r\n") == std::string_view::npos) note(range.begin, "empty phrase ignored");
        else if (node < 0 && !read_text) {
            bool words = false;
            analyzer_.analyze_surfaces(text, [&](const Token&) { words = true; });
            if (words) note(range.begin, "\"" + std::string(text::trim(text)) + "\" is only stopwords: searched for once its closing quote is typed");
        }
        return node;
    }

    // A phrase of stopwords only, in the articles of `languages` (Index::language_slot() bits; 0:
    // any): no terms, its words as QueryNode::stops.
    int stops_node(std::string_view text, ByteRange range, uint32_t languages) {
        QueryNode n;
        n.op = QueryOp::Phrase;
        n.source = range;
        n.languages = languages;
        analyzer_.analyze_surfaces(text, [&](const Token& t) {
            if (t.kind == TokenKind::Joined) return;
            n.stops.emplace_back(t.surface);
            n.stop_offsets.push_back(t.position);
        });
        if (n.stops.empty()) return -1;
        const uint32_t first = n.stop_offsets.front();
        for (uint32_t& o : n.stop_offsets) o -= first;
        return add(std::move(n));
    }

    // With `typing`, a last word that is not a stopword begins words (QueryNode::prefix).
    int phrase_node_of(const Tokens& tokens, std::string_view text, ByteRange range, bool typing) {
        QueryNode n;
        n.source = range;
        uint32_t first = 0;
        const Analyzer::OwnedToken* last = nullptr;
        for (const auto& t : tokens) {
            if (t.kind == TokenKind::Joined) continue;
            if (n.terms.empty()) first = t.position;
            n.terms.push_back(t.term);
            n.offsets.push_back(t.position - first);
            last = &t;
        }
        if (n.terms.empty()) return -1;
        add_stops(n, text, first, false);
        if (typing && last->kind == TokenKind::Word &&
            std::none_of(n.stop_offsets.begin(), n.stop_offsets.end(), [&](uint32_t o) { return o > n.offsets.back(); })) {
            n.terms.back() = last->surface;
            n.max_expansions = kAsYouTypeExpansions;
            // Checking stopwords reads the articles of the matches' other words: with none (the
            // word being typed after stopwords alone), those of its words, which are then fewer.
            n.max_postings = n.stops.empty() || n.terms.size() > 1 ? options_.prefix_postings
                             : options_.prefix_postings == 0 ? kAsYouTypeArticlesRead // (0: no budget otherwise)
                                                             : std::min(options_.prefix_postings, kAsYouTypeArticlesRead);
            n.op = n.terms.size() == 1 && n.stops.empty() ? QueryOp::Prefix : QueryOp::Phrase; // alone: the word's start
            n.prefix = n.op == QueryOp::Phrase;
            if (n.op == QueryOp::Prefix) n.offsets.clear();
            return add(std::move(n));
        }
        n.op = n.terms.size() == 1 && n.stops.empty() ? QueryOp::Term : QueryOp::Phrase;
        if (n.op == QueryOp::Term) n.offsets.clear();
        return add(std::move(n));
    }

    // The words of `text` that took a place but no term (stopwords) into phrase `n`, whose
    // offsets are from position `first` of the text: those between its terms, and with
    // `!inner_only` those before and after too ("The Guardian", quoted, is the word after a
    // "the"; "state-of-the-art" unquoted has nothing around it). Their surfaces are any
    // analyzer's (folding is the same in every language), as the index's own gives them for the
    // articles' text. The offsets then start from the phrase's first word.
    void add_stops(QueryNode& n, std::string_view text, uint32_t first, bool inner_only) {
        const uint32_t last = first + n.offsets.back();
        uint32_t base = first;
        analyzer_.analyze_surfaces(text, [&](const Token& t) {
            if (t.kind == TokenKind::Joined || (inner_only && (t.position < first || t.position > last))) return;
            if (t.position >= first && std::binary_search(n.offsets.begin(), n.offsets.end(), t.position - first)) return;
            n.stops.emplace_back(t.surface);
            n.stop_offsets.push_back(t.position); // absolute for now
            base = std::min(base, t.position);
        });
        for (uint32_t& o : n.offsets) o += first - base;
        for (uint32_t& o : n.stop_offsets) o -= base;
    }

    // The folded, unstemmed form of a single word, or "" if `word` is not one word.
    std::string single_surface(std::string_view word, std::vector<Segment>& segs) {
        segs.clear();
        segment(word, segs);
        if (segs.empty()) return {};
        const Segment& s = segs.back();
        std::string folded;
        fold(word.substr(s.range.begin, s.range.size()), analyzer_.options().fold_diacritics, folded);
        if (s.kind == TokenKind::Word) {
            std::erase(folded, '.');
            folded = std::string(strip_possessive(folded));
        }
        if (s.kind == TokenKind::Number) std::erase(folded, ',');
        return folded;
    }

    // A word; as you type, a prefix when it is the last and no space ends the text (typed_to_end()).
    int word_node(const Lexeme& l) {
        saw_words_ = true;
        std::string_view word = l.text;
        ByteRange range = l.range;
        bool prefix = false;
        int edits = -1;
        // "~1" standing alone ("oil ~1"): typo tolerance for no word, not the number 1.
        if (options_.syntax && !typed_phrase_ && word.size() >= 2 && word.size() <= 4 && word[0] == '~' &&
            std::all_of(word.begin() + 1, word.end(), [](char c) { return c >= '0' && c <= '9'; })) {
            note(range.begin, "'" + std::string(word) + "' goes right after a word, as in oil" + std::string(word) + "; ignored");
            return -1;
        }
        if (options_.syntax && !typed_phrase_ && word.find_first_of("*?") != std::string_view::npos) {
            // A '?' or '*' within the word's letters, or a '?' before the '*' that ends them
            // ("dd?*"), makes it a pattern; one after them is punctuation ("who won?!"). (Looked
            // at only when the word has one: a plain word's query is not segmented twice.)
            std::vector<Segment> segs;
            const std::string_view core = wildcard_core(word, segs);
            const size_t last = core.find_last_not_of('*');
            if (last != std::string_view::npos && core.substr(0, last + 1).find_first_of("*?") != std::string_view::npos)
                if (std::optional<int> node = pattern_node(core, range, word.substr(core.size()))) return *node;
            if (!core.empty() && word.find('~', core.size()) == std::string_view::npos)
                word = core; // "petro*?" is "petro*", "foo~1?" "foo~1" ("storm~" keeps its '~')
        }
        if (options_.syntax) {
            if (word.size() > 1 && word.back() == '*') {
                while (!word.empty() && word.back() == '*') word.remove_suffix(1);
                prefix = true;
                q_.plain_words = false;
            } else if (size_t tilde = word.rfind('~'); tilde != std::string_view::npos && tilde > 0) {
                std::string_view digits = word.substr(tilde + 1);
                bool numeric = std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; });
                if (numeric && digits.size() <= 3) {
                    edits = digits.empty() ? 1 : std::stoi(std::string(digits));
                    if (edits > 2) {
                        note(uint32_t(range.begin + tilde), "at most 2 typos (~2) are allowed; using ~2");
                        edits = 2;
                    }
                    word = word.substr(0, tilde);
                    q_.plain_words = false;
                }
            }
        }
        bool last_word = typed_to_end(range.end);
        // A word being excluded is not read as the start of words: "cocoa -b", on the way to
        // "cocoa -bahia", would take out every article with a word in b.
        bool typing = ((options_.as_you_type && last_word && !negated_) || typed_phrase_) && !prefix && edits < 0;
        if (typing) prefix = true;

        std::vector<Segment> segs;
        if (prefix) {
            std::string surface = single_surface(word, segs);
            if (surface.empty()) return terms_node(word, range);
            // Any words before the last segment ("new-yo*") are ordinary terms.
            std::string_view head = word.substr(0, segs.back().range.begin);
            int before = terms_node(head, range);
            QueryNode n;
            n.op = QueryOp::Prefix;
            n.terms.push_back(std::move(surface));
            n.max_expansions = typing ? kAsYouTypeExpansions : 0;
            n.max_postings = typing ? options_.prefix_postings : 0;
            n.source = range;
            int p = add(std::move(n));
            // A word being typed is also the word itself, in each language: "houses" finds
            // "house", "Häusern" a German "Häuser", which no completion of them does. An article
            // with the word itself then ranks above one with only a completion ("Haus" above
            // "Haussegen"), and so do "war", "oil" and "EU" above "Warrington", "oilseed" and
            // "Europe" (a review found Enter opening "Warrington" for "war"). Not for one letter.
            const size_t cps = text::code_points(word);
            if (typing && segs.size() == 1 && segs[0].kind == TokenKind::Word && cps >= 2) {
                const int either[] = {p, terms_node(word, range)};
                p = combine(QueryOp::Or, either, range);
            }
            const int both[] = {before, p};
            return combine(QueryOp::And, both, range);
        }
        bool automatic = false;
        if (edits < 0 && options_.as_you_type) {
            // Automatic typo tolerance by length in code points (Meilisearch: 5 -> 1, 9 -> 2),
            // for words the index does not hold (search.cpp).
            const size_t cps = text::code_points(word);
            edits = cps >= 9 ? 2 : cps >= 5 ? 1 : -1;
            automatic = edits >= 0;
        }
        if (edits >= 0) {
            std::string surface = single_surface(word, segs);
            if (segs.size() != 1 || surface.empty() || segs[0].kind == TokenKind::Cjk) {
                if (!options_.as_you_type)
                    note(range.begin, "typo tolerance ('~') works on single words; ignored here");
                return terms_node(word, range);
            }
            std::string own = analyzer_.term_for_surface(surface);
            if (own.empty() && options_.as_you_type) return -1; // a stopword
            QueryNode n;
            n.op = QueryOp::Fuzzy;
            n.max_edits = edits;
            n.only_if_unknown = automatic;
            n.terms = {std::move(surface), std::move(own)};
            n.source = range;
            return add(std::move(n));
        }
        return terms_node(word, range);
    }

    // A word's letters and wildcards: up to the end of its last segment, then the wildcards right
    // after it up to the last '*' among them ("dd?*"; "petro*?" is "petro*"). What follows is
    // punctuation ("won?!", "won?\u201D"). Without a segment, the wildcards it starts with, so.
    static std::string_view wildcard_core(std::string_view word, std::vector<Segment>& segs) {
        segs.clear();
        segment(word, segs);
        const size_t letters_end = segs.empty() ? 0 : segs.back().range.end;
        size_t end = letters_end;
        while (end < word.size() && (word[end] == '*' || word[end] == '?')) ++end;
        while (end > letters_end && word[end - 1] != '*') --end;
        return word.substr(0, end);
    }

    // A word with wildcards ("colo*r", "organi?ation", "*ization"): the pieces between them folded
    // as a word is, the wildcards kept (a run of '*' as one). As you type, the last word so is
    // the start of words too ("organi?at" finds "organisation" and "organization"). `after`: the
    // punctuation after it. Nothing when a piece is not one word of letters or digits alone
    // ("e?-mail", "page?id=3" in an address): the caller reads the word as before, with a
    // message if it has a '*' (a '?' may be a question mark there).
    std::optional<int> pattern_node(std::string_view word, ByteRange range, std::string_view after) {
        std::string pattern;
        bool letters = false;
        std::vector<Segment> segs;
        for (size_t i = 0; i < word.size();) {
            const size_t wildcard = std::min(word.find_first_of("*?", i), word.size());
            if (wildcard > i) {
                const std::string_view piece = word.substr(i, wildcard - i);
                std::string folded = single_surface(piece, segs);
                // One segment, the whole piece (the first may have punctuation before it: "'colo*r").
                if (segs.size() != 1 || folded.empty() || (segs[0].kind != TokenKind::Word && segs[0].kind != TokenKind::Number) ||
                    segs[0].range.end != piece.size() || (i > 0 && segs[0].range.begin != 0)) {
                    if (word.find('*') != std::string_view::npos)
                        note(range.begin, "wildcards ('*', '?') work within one word of letters or digits; ignored here");
                    return std::nullopt;
                }
                pattern += folded;
                letters = true;
            }
            if (wildcard < word.size() && (word[wildcard] == '?' || pattern.empty() || pattern.back() != '*'))
                pattern += word[wildcard];
            i = wildcard + 1;
        }
        q_.plain_words = false;
        if (!letters) {
            note(range.begin, "a wildcard needs letters or digits beside it (colo*r, organi?ation); ignored");
            return -1;
        }
        if (const size_t tilde = after.find('~'); tilde != std::string_view::npos)
            note(uint32_t(range.begin + word.size() + tilde), "typo tolerance ('~') does not go with wildcards; ignored");
        const bool typing = options_.as_you_type && typed_to_end(range.end);
        if (typing && pattern.back() != '*') pattern += '*';
        QueryNode n;
        n.op = QueryOp::Prefix;
        n.pattern = true;
        n.terms.push_back(std::move(pattern));
        n.max_expansions = typing ? kAsYouTypeExpansions : 0;
        n.max_postings = typing ? options_.prefix_postings : 0;
        n.source = range;
        return add(std::move(n));
    }

    // source:=NAME. As you type, a name at the end of the text without quotes, or in quotes not
    // yet closed, is the start of one.
    int source_node(const Lexeme& l) {
        QueryNode n;
        n.op = QueryOp::Source;
        n.source = l.range;
        n.terms.emplace_back(text::trim(l.text));
        n.prefix = options_.as_you_type && typed_to_end(l.range.end) && (!l.quoted || !l.closed);
        if (n.terms[0].empty() && (!l.quoted || n.prefix)) {
            if (!n.prefix)
                note(l.range.begin, "'source:=' needs a name right after it (source:=\"Daily Tide\"; source:=\"\" for "
                                    "articles without a source); ignored");
            return -1;
        }
        return add(std::move(n));
    }

    int date_node(const Lexeme& l) {
        std::string_view v = l.text;
        // One bound: YYYY, YYYY-MM or YYYY-MM-DD -> [from, to] of that period.
        auto bound = [](std::string_view s, uint32_t& from, uint32_t& to) {
            if (!(s.size() == 4 || s.size() == 7 || s.size() == 10)) return false;
            uint32_t n = date_number(s);
            if (n == 0) return false;
            if (s.size() >= 7 && n % 10000 / 100 == 0) return false;  // month not read
            if (s.size() == 10 && n % 100 == 0) return false;          // day not read
            if (s.size() == 10 && int(n % 100) > days_in_month(int(n / 10000), int(n / 100 % 100)))
                return false; // a day the month lacks: 1987-02-30
            from = n;
            to = s.size() == 4 ? n + 1299 : s.size() == 7 ? n + 99 : n; // by year, month or day
            return true;
        };
        // As you type, a date not yet whole ("date:20", "date:1987-0", "date:no") is left out
        // without a word: it will be. One that cannot become a date gets its message at once:
        // "date:March", "date:1987-13", "date:1987-02-30", a range whose first date is one.
        const auto could_become = [&](std::string_view s) {
            constexpr std::string_view form = "0000-00-00";
            if (s.size() > form.size()) return false;
            for (size_t i = 0; i < s.size(); ++i)
                if (form[i] == '-' ? s[i] != '-' : !(s[i] >= '0' && s[i] <= '9')) return false;
            if (s.size() >= 6 && s[5] > '1') return false;
            const int month = s.size() >= 7 ? (s[5] - '0') * 10 + (s[6] - '0') : 1;
            if (month < 1 || month > 12) return false;
            if (s.size() >= 9 && s[8] > '3') return false;
            uint32_t from = 0, to = 0;
            return s.size() < form.size() || bound(s, from, to);
        };
        const size_t range_dots = v.find("..");
        uint32_t whole_from = 0, whole_to = 0;
        const bool could_become_date =
            std::string_view("none").starts_with(text::ascii_lower(v)) ||
            (range_dots == std::string_view::npos ? could_become(v)
                                                  : (range_dots == 0 || bound(v.substr(0, range_dots), whole_from, whole_to)) &&
                                                        could_become(v.substr(range_dots + 2)));
        const bool typing = options_.as_you_type && typed_to_end(l.range.end) && could_become_date;
        if (iequals(v, "none")) { // the articles without a date
            QueryNode n;
            n.op = QueryOp::Date;
            n.source = l.range;
            return add(std::move(n));
        }
        auto bad = [&] {
            if (!typing)
                note(l.range.begin, (v.empty() ? std::string("'date:' needs a date right after it") : "cannot read the date '" + std::string(v) + "'") +
                                        " (write 2014, 2014-06, 2014-06-30 or a range 2014-01..2014-06); ignored");
            return -1;
        };
        if (v.empty()) return bad();
        QueryNode n;
        n.op = QueryOp::Date;
        n.source = l.range;
        size_t dots = v.find("..");
        uint32_t f1 = 0, t1 = 0, f2 = 0, t2 = 0;
        if (dots == std::string_view::npos) {
            if (!bound(v, f1, t1)) return bad();
            n.date_from = f1;
            n.date_to = t1;
        } else {
            std::string_view a = v.substr(0, dots), b = v.substr(dots + 2);
            if (a.empty() && b.empty()) return bad();
            if (!a.empty() && !bound(a, f1, t1)) return bad();
            if (!b.empty() && !bound(b, f2, t2)) return bad();
            n.date_from = a.empty() ? 1 : f1;
            n.date_to = b.empty() ? 99999999 : t2;
            if (n.date_from > n.date_to) {
                note(l.range.begin, "the date range ends before it begins; read the other way round");
                n.date_from = b.empty() ? 1 : f2;
                n.date_to = a.empty() ? 99999999 : t1;
            }
        }
        return add(std::move(n));
    }

    std::string_view text_;
    Analyzer& analyzer_;
    ParseOptions options_;
    const Index* index_ = nullptr;        // parse_query() with an Index: its languages too
    std::span<Analyzer* const> others_;   // index_->other_analyzers()
    std::vector<std::pair<int, uint32_t>> stopped_in_; // see stopped_in()
    std::vector<Lexeme> lexemes_;
    std::vector<int> operands_; // see parse_or()
    size_t at_ = 0;
    Query q_;
    bool saw_words_ = false, deep_noted_ = false;
    bool typed_phrase_ = false; // word_node(): the word is a phrase's last, read as being typed
    bool negated_ = false;      // the words being read are excluded (under an odd count of NOTs)
};

// A term with its language tag (term_tag()) written as '@' and the language's slot: "haus@1".
std::string shown(std::string_view term) {
    const size_t tag = term.find('\x1F');
    if (tag == std::string_view::npos || tag + 1 >= term.size()) return std::string(term);
    return std::string(term.substr(0, tag)) + "@" + std::to_string(term[tag + 1] - 'a' + 1);
}

void print(const Query& q, uint32_t i, std::string& out, int depth) {
    if (depth > 2 * kMaxDepth + 8) { out += "..."; return; }
    const QueryNode& n = q.nodes[i];
    auto field_prefix = [&] {
        if (n.fields == kTextFields) return;
        for (size_t f = 0; f < kFieldCount; ++f)
            if (n.fields & (1u << f)) { out += field_name(Field(f)); out += ':'; }
    };
    auto list = [&](const char* name) {
        out += name;
        out += '(';
        for (size_t k = 0; k < n.children.size(); ++k) {
            if (k) out += ", ";
            print(q, n.children[k], out, depth + 1);
        }
        out += ')';
    };
    switch (n.op) {
    case QueryOp::And: list("AND"); break;
    case QueryOp::Or: list("OR"); break;
    case QueryOp::Not: list("NOT"); break;
    case QueryOp::All: out += "ALL"; break;
    case QueryOp::Near:
        field_prefix();
        list(("NEAR/" + std::to_string(n.within)).c_str());
        break;
    case QueryOp::Term: field_prefix(); out += shown(n.terms[0]); break;
    case QueryOp::Prefix:
        field_prefix();
        out += n.terms[0];
        if (!n.pattern) out += '*';
        break;
    case QueryOp::Fuzzy:
        field_prefix();
        out += n.terms[0] + "~" + std::to_string(n.max_edits);
        break;
    case QueryOp::Phrase: {
        field_prefix();
        out += '"';
        // Terms and stopwords in the order of their places, "_" for a place of any word.
        std::vector<std::pair<uint32_t, std::string>> words;
        for (size_t k = 0; k < n.terms.size() && k < n.offsets.size(); ++k)
            words.emplace_back(n.offsets[k], std::string(term_shown(n.terms[k])) + (n.prefix && k + 1 == n.terms.size() ? "*" : ""));
        for (size_t k = 0; k < n.stops.size() && k < n.stop_offsets.size(); ++k) words.emplace_back(n.stop_offsets[k], "[" + n.stops[k] + "]");
        std::sort(words.begin(), words.end());
        for (size_t k = 0; k < words.size(); ++k) {
            if (k) {
                out += ' ';
                for (uint32_t g = words[k - 1].first + 1; g < words[k].first; ++g) out += "_ ";
            }
            out += words[k].second;
        }
        out += '"';
        if (!n.terms.empty() && n.terms[0].find('\x1F') != std::string::npos) // a language's phrase: its tag once
            out += shown(n.terms[0]).substr(term_shown(n.terms[0]).size());
        break;
    }
    case QueryOp::Date:
        if (n.date_from == 0 && n.date_to == 0) out += "date:none";
        else out += "date:" + std::to_string(n.date_from) + ".." + std::to_string(n.date_to);
        break;
    case QueryOp::Source:
        out += "source:=\"" + n.terms[0] + "\"";
        if (n.prefix) out += '*';
        break;
    }
    if (n.languages) {
        out += '@';
        bool first = true;
        for (uint32_t slot = 0; slot < 32; ++slot)
            if (n.languages >> slot & 1) {
                if (!first) out += ',';
                out += std::to_string(slot);
                first = false;
            }
    }
}

} // namespace

Query parse_query(std::string_view text, const Index& index, const ParseOptions& options) {
    return parse_query(text, index.analyzer(), options, &index);
}

Query parse_query(std::string_view text, Analyzer& analyzer, const ParseOptions& options, const Index* index) {
    try {
        if (text.size() <= kMaxQueryBytes) return Parser(text, analyzer, options, index).run();
        size_t cut = text.find_last_of(" \t\n\r", kMaxQueryBytes - 1);
        if (cut == std::string_view::npos) {
            cut = kMaxQueryBytes;
            while (cut > 0 && (uint8_t(text[cut]) & 0xC0) == 0x80) --cut; // not inside a character
        } else {
            ++cut; // the space stays: the last word kept is whole, not a prefix as you type
        }
        Query q = Parser(text.substr(0, cut), analyzer, options, index).run();
        q.messages.push_back({uint32_t(cut), "the query is longer than " + std::to_string(kMaxQueryBytes) +
                                                 " bytes: from here on it was not read"});
        return q;
    } catch (const std::exception&) {
        Query q;
        q.messages.push_back({0, "out of memory while reading the query"});
        return q;
    }
}

std::string source_key(std::string_view name) {
    std::string spaced(name);
    std::replace(spaced.begin(), spaced.end(), '"', ' ');
    return text::collapse_spaces(spaced);
}

std::vector<uint8_t> sources_named(const Index& index, std::string_view name, bool prefix) {
    std::vector<uint8_t> meant(index.source_count(), 0);
    const std::string_view exact = text::trim(name);
    if (exact.empty() && !prefix) {
        if (!meant.empty()) meant[0] = 1;
        return meant;
    }
    // The first of these readings that names any source: the name as written (a source menu's
    // choice: "Le  Monde" is not "Le Monde"), its key (spaces and quotes), then its key with case
    // and accents aside (what a hand types: "le monde"); a prefix only the last way.
    auto mark = [&](auto same) {
        bool any = false;
        for (uint32_t id = 1; id < meant.size(); ++id)
            if (same(index.source_name(id))) meant[id] = 1, any = true;
        return any;
    };
    const std::string key = source_key(name);
    if (!prefix && mark([&](std::string_view s) { return s == exact; })) return meant;
    if (!prefix && mark([&](std::string_view s) { return source_key(s) == key; })) return meant;
    std::string folded, other;
    fold(key, true, folded);
    mark([&](std::string_view s) {
        fold(source_key(s), true, other);
        return prefix ? other.starts_with(folded) : other == folded;
    });
    return meant;
}

std::string to_string(const Query& q) {
    if (q.empty()) return "";
    std::string out;
    print(q, q.root, out, 0);
    return out;
}

} // namespace broadsheet::search
