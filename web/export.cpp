#include "export.hpp"

#include "app.hpp"

#include <imgui.h>

namespace {
bool is_number(const std::string& s);

// A field quoted, its quotes doubled (RFC 4180). Text a spreadsheet would take for a formula
// ("=HYPERLINK(...)" in a hostile page's title, "-- you could..." in a passage: #NAME?) gets a
// leading apostrophe, which spreadsheets read as "this is text" (OWASP, "CSV Injection");
// numbers ("-0.25") stay numbers.
std::string csv_field(const std::string& s) {
    std::string out = "\"";
    if (!s.empty() && std::string_view("=+-@\t\r").find(s[0]) != std::string_view::npos && !is_number(s)) out += '\'';
    for (char c : s) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}
} // namespace

// A byte order mark first: without it Excel reads a CSV file as the system's legacy code page and
// garbles every accent.
std::string table_csv(const TextTable& rows) {
    std::string out = "\xEF\xBB\xBF";
    for (const auto& row : rows) {
        for (size_t i = 0; i < row.size(); ++i) out += (i ? "," : "") + csv_field(row[i]);
        out += "\r\n";
    }
    return out;
}

namespace {
// A whole JSON number as written ("7", "-0.25", "1e3"), nothing before or after it.
bool is_number(const std::string& s) {
    if (s.empty()) return false;
    nlohmann::json v = nlohmann::json::parse(s, nullptr, false);
    return v.is_number() && !v.is_discarded();
}
} // namespace

// Objects named by the header row; with `numbers`, a column whose every value is a number holds
// numbers (the export files), else strings (the test hook's shape).
nlohmann::json table_json(const TextTable& rows, bool numbers) {
    nlohmann::json out = nlohmann::json::array();
    if (rows.empty()) return out;
    std::vector<char> numeric(rows[0].size(), numbers && rows.size() > 1);
    // Text columns stay text even when every value looks like a number (a title "1984", a
    // concordance of "2024").
    for (size_t c = 0; c < numeric.size(); ++c)
        for (std::string_view text : {"title", "word", "term", "surface", "phrase", "text", "name", "keyword", "left",
                                      "right", "collocate", "bucket", "start", "at_percent", "as_written", "date",
                                      "source", "byline", "url", "file", "id", "passage"})
            if (rows[0][c] == text) numeric[c] = 0;
    for (size_t r = 1; r < rows.size(); ++r)
        for (size_t c = 0; c < numeric.size(); ++c) numeric[c] = numeric[c] && c < rows[r].size() && is_number(rows[r][c]);
    for (size_t r = 1; r < rows.size(); ++r) {
        nlohmann::json o = nlohmann::json::object();
        for (size_t c = 0; c < rows[0].size() && c < rows[r].size(); ++c)
            o[rows[0][c]] = numeric[c] ? nlohmann::json::parse(rows[r][c]) : nlohmann::json(rows[r][c]);
        out.push_back(std::move(o));
    }
    return out;
}

void export_buttons(const char* id, const std::string& file_stem, const std::function<TextTable()>& make_rows) {
    ImGui::PushID(id);
    if (ImGui::SmallButton("CSV")) platform_download(file_stem + ".csv", "text/csv", table_csv(make_rows()));
    ImGui::SameLine();
    if (ImGui::SmallButton("JSON"))
        platform_download(file_stem + ".json", "application/json",
                          table_json(make_rows(), true).dump(2, ' ', false, nlohmann::json::error_handler_t::replace));
    ImGui::PopID();
}

void export_buttons(const char* id, const std::string& file_stem, const TextTable& rows) {
    export_buttons(id, file_stem, [&] { return rows; });
}
