#include "export.hpp"

#include "app.hpp"

#include <imgui.h>

namespace {
std::string csv_field(std::string_view s) {
    std::string out = "\"";
    for (char c : s) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}
} // namespace

std::string table_csv(const TextTable& rows) {
    std::string out;
    for (const auto& row : rows) {
        for (size_t i = 0; i < row.size(); ++i) out += (i ? "," : "") + csv_field(row[i]);
        out += "\r\n";
    }
    return out;
}

nlohmann::json table_json(const TextTable& rows) {
    nlohmann::json out = nlohmann::json::array();
    for (size_t r = 1; r < rows.size(); ++r) {
        nlohmann::json o = nlohmann::json::object();
        for (size_t c = 0; c < rows[0].size() && c < rows[r].size(); ++c) o[rows[0][c]] = rows[r][c];
        out.push_back(std::move(o));
    }
    return out;
}

void export_buttons(const char* id, const std::string& file_stem, const TextTable& rows) {
    ImGui::PushID(id);
    if (ImGui::SmallButton("CSV")) platform_download(file_stem + ".csv", "text/csv", table_csv(rows));
    ImGui::SameLine();
    if (ImGui::SmallButton("JSON"))
        platform_download(file_stem + ".json", "application/json",
                          table_json(rows).dump(2, ' ', false, nlohmann::json::error_handler_t::replace));
    ImGui::PopID();
}
