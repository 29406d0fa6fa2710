#include "broadsheet/article_json.hpp"

#include "text_util.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdint>
#include <stdexcept>
#include <iterator>

namespace broadsheet {

using nlohmann::json;

namespace {
// Paragraph kinds by name, in ParagraphKind order.
constexpr std::string_view kKinds[] = {"body", "heading", "list", "quote", "code"};
} // namespace

// Written out directly rather than built as a json value and dumped: nlohmann's destructor of an
// array or object allocates (it unnests with a heap stack), so running out of memory while such a
// value was being built ended the program (std::terminate) instead of failing the import. Members
// in the order nlohmann's std::map gives them (the format written before).
namespace {
void put_string(std::string& out, std::string_view s) {
    out += json(std::string(s)).dump(-1, ' ', false, json::error_handler_t::replace);
}
void put_key(std::string& out, std::string_view key) {
    out += out.back() == '{' ? "\"" : ",\"";
    out += key;
    out += "\":";
}
} // namespace

std::string article_to_json(const Article& a) {
    std::string out;
    out.reserve(a.text.size() + 256);
    out += '{';
    auto field = [&](std::string_view key, std::string_view value) {
        put_key(out, key);
        put_string(out, value);
    };
    auto pairs = [&](std::string_view key, const auto& items, auto first, auto second) {
        put_key(out, key);
        out += '[';
        for (const auto& item : items) {
            if (out.back() != '[') out += ',';
            out += '[';
            first(item);
            out += ',';
            second(item);
            out += ']';
        }
        out += ']';
    };
    put_key(out, "byline");
    out += '[';
    for (const auto& name : a.byline) {
        if (out.back() != '[') out += ',';
        put_string(out, name);
    }
    out += ']';
    field("date", a.date);
    field("encoding", a.encoding);
    field("file", a.file);
    field("id", a.id);
    field("language", a.language);
    pairs("metadata", a.metadata, [&](const auto& m) { put_string(out, m.key); }, [&](const auto& m) { put_string(out, m.value); });
    pairs("paragraphs", a.paragraphs, [&](const auto& p) { out += std::to_string(p.begin); },
          [&](const auto& p) { out += std::to_string(p.end); });
    pairs("removed", a.removed, [&](const auto& r) { put_string(out, r.text); }, [&](const auto& r) { put_string(out, r.reason); });
    field("source", a.source);
    field("standfirst", a.standfirst);
    // Styles: [kind, level] per paragraph, left out when all are body text.
    bool styled = a.styles.size() == a.paragraphs.size() &&
                  std::any_of(a.styles.begin(), a.styles.end(),
                              [](const auto& st) { return st.kind != ParagraphKind::Body || st.level != 0; });
    if (styled)
        pairs("styles", a.styles,
              [&](const auto& st) { put_string(out, kKinds[size_t(st.kind) < std::size(kKinds) ? size_t(st.kind) : 0]); },
              [&](const auto& st) { out += std::to_string(st.level); });
    field("text", a.text);
    field("title", a.title);
    put_key(out, "truncated");
    out += a.truncated ? "true" : "false";
    field("url", a.url);
    put_key(out, "v");
    out += std::to_string(kArticleJsonVersion);
    out += '}';
    return out;
}

bool article_from_json(std::string_view text, Article& out, std::string& error) {
    json j = json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
    if (j.is_discarded() || !j.is_object()) {
        error = "not a saved article (not a JSON object)";
        return false;
    }
    try {
        // Compared as JSON, not read as an int: a version written as 1e63 must not be converted.
        auto version = j.find("v");
        if (version == j.end() || *version != json(kArticleJsonVersion)) {
            error = "saved by an incompatible version (format " + j.value("v", json()).dump() + ")";
            return false;
        }
        Article a;
        a.file = j.at("file").get<std::string>();
        a.id = j.value("id", "");
        a.title = j.at("title").get<std::string>();
        a.standfirst = j.value("standfirst", "");
        a.byline = j.value("byline", std::vector<std::string>{});
        a.date = j.value("date", "");
        a.source = j.value("source", "");
        a.url = j.value("url", "");
        a.language = j.value("language", "");
        a.text = j.at("text").get<std::string>();
        a.encoding = j.value("encoding", "");
        a.truncated = j.value("truncated", false);
        // Whole numbers only: converting a float such as 4e99 to an integer is undefined.
        auto whole = [](const json& v) {
            if (!v.is_number_unsigned() || v.get<uint64_t>() > UINT32_MAX) throw std::out_of_range("not a byte offset");
            return uint32_t(v.get<uint64_t>());
        };
        for (const auto& p : j.at("paragraphs")) {
            auto begin = whole(p.at(0)), end = whole(p.at(1));
            if (begin > end || end > a.text.size()) {
                error = "a paragraph lies outside the article's text";
                return false;
            }
            a.paragraphs.push_back({begin, end});
        }
        if (const auto it = j.find("styles"); it != j.end()) {
            if (!it->is_array() || it->size() != a.paragraphs.size()) {
                error = "the paragraph styles do not match the paragraphs";
                return false;
            }
            for (const auto& st : *it) {
                auto name = st.at(0).get<std::string>();
                auto kind = std::find(std::begin(kKinds), std::end(kKinds), name);
                if (kind == std::end(kKinds)) {
                    error = "an unknown paragraph style \"" + name + "\"";
                    return false;
                }
                uint32_t level = whole(st.at(1));
                if (level > 255) throw std::out_of_range("not a paragraph level");
                a.styles.push_back({ParagraphKind(kind - std::begin(kKinds)), uint8_t(level)});
            }
        }
        for (const auto& r : j.value("removed", json::array()))
            a.removed.push_back({r.at(0).get<std::string>(), r.at(1).get<std::string>()});
        for (const auto& m : j.value("metadata", json::array()))
            a.metadata.push_back({m.at(0).get<std::string>(), m.at(1).get<std::string>()});
        a.word_count = text::count_words(a.text); // not saved: it follows from the text
        out = std::move(a);
        return true;
    } catch (const json::exception& e) {
        error = std::string("damaged saved article: ") + e.what();
        return false;
    } catch (const std::out_of_range& e) {
        error = std::string("damaged saved article: ") + e.what();
        return false;
    }
}

} // namespace broadsheet
