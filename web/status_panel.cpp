// Status bar: article count and the last import's per-file results (errors in full).
#include "app.hpp"

#include <imgui.h>

#include <algorithm>
#include <cstdio>

void draw_status_bar(App& app) {
    const auto& files = app.status.last_import;
    int imported = 0, failed = 0, warned = 0;
    for (const auto& f : files) {
        if (!f.error.empty())
            ++failed;
        else
            ++imported;
        if (!f.warnings.empty()) ++warned;
    }
    ImGui::Text("%zu article%s", app.corpus.size(), app.corpus.size() == 1 ? "" : "s");
    auto& status = app.status;
    if (status.files_total == 0 && status.index_counted_for != app.corpus.size()) {
        status.index_bytes = app.index.memory_bytes();
        status.index_counted_for = app.corpus.size();
    }
    // On a phone the last import's summary needs the line more than the index's size does.
    const bool room_for_size = !app.narrow || files.empty();
    if (!app.corpus.empty() && status.index_counted_for == app.corpus.size() && room_for_size) {
        ImGui::SameLine();
        double mb = double(status.index_bytes) / (1024.0 * 1024.0);
        if (mb < 0.1) ImGui::TextDisabled("\xC2\xB7 index %.0f kB", std::max(1.0, double(status.index_bytes) / 1024.0));
        else ImGui::TextDisabled(mb < 10 ? "\xC2\xB7 index %.1f MB" : "\xC2\xB7 index %.0f MB", mb);
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip("The search index's size in this tab's memory (words, positions, document table)");
    }
    const auto& storage = app.storage;
    ImGui::SameLine();
    if (storage.restoring) {
        ImGui::TextDisabled("(reading the saved library...)");
    } else if (!storage.available) {
        ImGui::TextColored(ImVec4(0.9f, 0.7f, 0.2f, 1),
                           "(not saved: this browser gives the page no storage)");
    } else if (!storage.error.empty()) {
        ImGui::TextColored(ImVec4(0.95f, 0.35f, 0.3f, 1), "%s", storage.error.c_str());
    } else {
        ImGui::TextDisabled(app.narrow ? "(saved here)" : "(saved in this browser)"); // a phone: short
    }
    if (storage.unreadable > 0) {
        ImGui::SameLine();
        ImGui::TextColored(ImVec4(0.95f, 0.35f, 0.3f, 1), "%d saved article%s could not be read",
                           storage.unreadable, storage.unreadable == 1 ? "" : "s");
        ImGui::SameLine();
        if (ImGui::SmallButton("Delete them")) {
            platform_drop_unreadable();
            app.storage.unreadable = 0;
        }
    }
    auto& st = app.status;
    if (st.files_total > 0) {
        ImGui::SameLine(0, ImGui::GetFontSize() * 1.5f);
        char label[64];
        std::snprintf(label, sizeof label, app.narrow ? "%d / %d files" : "Importing %d of %d files", st.files_done,
                      st.files_total);
        // A phone: the bar takes what the line has left beside the Cancel button.
        float bar = app.narrow ? -(ImGui::CalcTextSize("Cancelling...").x + ImGui::GetStyle().ItemSpacing.x * 2)
                               : ImGui::GetFontSize() * 16;
        ImGui::ProgressBar(float(st.files_done) / float(st.files_total), ImVec2(bar, 0), label);
        ImGui::SameLine();
        ImGui::BeginDisabled(st.cancel_requested);
        if (ImGui::SmallButton(st.cancel_requested ? "Cancelling..." : "Cancel"))
            st.cancel_requested = true;
        ImGui::EndDisabled();
    } else if (!files.empty()) {
        ImGui::SameLine(0, app.narrow ? -1.0f : ImGui::GetFontSize() * 1.5f);
        if (st.cancelled) {
            ImGui::TextColored(ImVec4(0.9f, 0.7f, 0.2f, 1), "Import cancelled.");
            ImGui::SameLine();
        }
        ImGui::Text(app.narrow ? "%d file%s read" : "Last import: %d file%s read", imported, imported == 1 ? "" : "s");
        if (failed) {
            ImGui::SameLine();
            ImGui::TextColored(ImVec4(0.95f, 0.35f, 0.3f, 1), app.narrow ? "%d failed" : "%d could not be read", failed);
        }
        if (warned) {
            ImGui::SameLine();
            ImGui::TextColored(ImVec4(0.9f, 0.7f, 0.2f, 1), app.narrow ? "%d warned" : "%d with warnings", warned);
        }
        ImGui::SameLine();
        if (ImGui::SmallButton(app.status.show_details ? (app.narrow ? "Hide" : "Hide details") : "Details"))
            app.status.show_details = !app.status.show_details;
    }
    if (!app.status.show_details || files.empty()) return;
    // The files in the order dropped, or (a tick, when some had problems) only those: three
    // failures among a folder of hundreds are found at once.
    std::vector<size_t> listed;
    const bool problems = failed > 0 || warned > 0; // as import_details_height counts them
    if (problems) {
        ImGui::Checkbox("Only the files with problems", &app.status.problems_only);
        if (app.status.problems_only)
            for (size_t i = 0; i < files.size(); ++i)
                if (!files[i].error.empty() || !files[i].warnings.empty()) listed.push_back(i);
    }
    const bool all = !problems || !app.status.problems_only;
    const size_t count = all ? files.size() : listed.size();
    float rows = float(std::clamp<size_t>(count, 1, 6));
    ImGui::BeginChild("import-details", ImVec2(0, rows * ImGui::GetTextLineHeightWithSpacing() + 8),
                      true);
    // Virtualised: a folder of 20,000 files gives 20,000 rows.
    ImGuiListClipper clipper;
    clipper.Begin(int(count));
    while (clipper.Step()) {
        for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row) {
            const auto& f = files[all ? size_t(row) : listed[size_t(row)]];
            if (!f.error.empty()) {
                ImGui::TextColored(ImVec4(0.95f, 0.35f, 0.3f, 1), "error");
                ImGui::SameLine();
                ImGui::TextWrapped("%s: %s", f.file.c_str(), f.error.c_str());
            } else {
                ImGui::TextColored(ImVec4(0.35f, 0.75f, 0.4f, 1), "read ");
                ImGui::SameLine();
                ImGui::Text("%s: %d article%s", f.file.c_str(), f.articles,
                            f.articles == 1 ? "" : "s");
                for (const auto& w : f.warnings) {
                    ImGui::SameLine();
                    ImGui::TextColored(ImVec4(0.9f, 0.7f, 0.2f, 1), "(%s)", w.c_str());
                }
            }
        }
    }
    ImGui::EndChild();
}

float import_details_height(const App& app) {
    const auto& files = app.status.last_import;
    if (!app.status.show_details || files.empty()) return 0;
    size_t problems = 0;
    for (const auto& f : files) problems += !f.error.empty() || !f.warnings.empty();
    size_t rows = problems && app.status.problems_only ? problems : files.size();
    float line = ImGui::GetTextLineHeightWithSpacing();
    return float(std::clamp<size_t>(rows, 1, 6)) * line + 16 + (problems ? ImGui::GetFrameHeightWithSpacing() : 0);
}
