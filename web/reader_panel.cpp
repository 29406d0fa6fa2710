// Reader panel: the open article, set for reading (a comfortable measure, centred).
#include "app.hpp"

#include <imgui.h>

#include <algorithm>

namespace {

// Lines of about 70 characters read best; wider panels get margins.
constexpr float kMaxMeasureEm = 38.0f;

std::string plain_text(const broadsheet::Article& a) {
    std::string s = a.title + "\n\n";
    if (!a.standfirst.empty()) s += a.standfirst + "\n\n";
    return s + a.text + "\n";
}

} // namespace

void draw_reader_panel(App& app) {
    auto& st = app.reader;
    const broadsheet::Article* a = app.corpus.find(st.open);
    if (!a) {
        ImGui::Dummy(ImVec2(0, ImGui::GetFontSize() * 4));
        ImGui::TextDisabled("Choose an article in the library to read it here.");
        return;
    }

    // Toolbar.
    if (ImGui::Button("Copy article")) platform_copy_to_clipboard(plain_text(*a));
    ImGui::SameLine();
    ImGui::Checkbox("Show removed text", &st.show_removed);
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("Show the banners, footers and other furniture the importer dropped");
    ImGui::Separator();

    ImGui::BeginChild("reader-body", ImVec2(0, 0), false, ImGuiWindowFlags_NoNav);
    if (st.scroll_to_top) {
        ImGui::SetScrollY(0);
        st.scroll_to_top = false;
    }
    float font = ImGui::GetFontSize();
    float avail = ImGui::GetContentRegionAvail().x;
    float measure = std::min(avail - font, kMaxMeasureEm * font);
    float margin = std::max(font * 0.5f, (avail - measure) * 0.5f);
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + margin);
    ImGui::BeginGroup();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + measure);

    ImGui::Dummy(ImVec2(0, font * 0.5f));
    ImGui::PushFont(app.fonts.headline);
    ImGui::TextWrapped("%s", a->title.c_str());
    ImGui::PopFont();
    if (!a->standfirst.empty()) {
        ImGui::Dummy(ImVec2(0, font * 0.3f));
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
        ImGui::TextWrapped("%s", a->standfirst.c_str());
        ImGui::PopStyleColor();
    }
    std::string meta;
    for (const auto& n : a->byline) meta += (meta.empty() ? "By " : ", ") + n;
    if (!a->date.empty()) meta += (meta.empty() ? "" : "  \xC2\xB7  ") + a->date;
    if (!a->source.empty()) meta += (meta.empty() ? "" : "  \xC2\xB7  ") + a->source;
    if (!meta.empty()) {
        ImGui::Dummy(ImVec2(0, font * 0.3f));
        ImGui::PushFont(app.fonts.ui_bold);
        ImGui::TextWrapped("%s", meta.c_str());
        ImGui::PopFont();
    }
    ImGui::Dummy(ImVec2(0, font * 0.6f));

    ImGui::PushFont(app.fonts.body);
    for (size_t i = 0; i < a->paragraphs.size(); ++i) {
        auto p = a->paragraph(i);
        ImGui::TextWrapped("%.*s", int(p.size()), p.data());
        ImGui::Dummy(ImVec2(0, font * 0.45f));
    }
    ImGui::PopFont();

    if (st.show_removed && !a->removed.empty()) {
        ImGui::Separator();
        ImGui::TextDisabled("Removed by the importer:");
        for (const auto& r : a->removed) {
            ImGui::TextDisabled("[%s]", r.reason.c_str());
            ImGui::SameLine();
            ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
            ImGui::TextWrapped("%s", r.text.c_str());
            ImGui::PopStyleColor();
        }
    }
    ImGui::TextDisabled("%s \xC2\xB7 %s", a->file.c_str(), a->encoding.c_str());
    ImGui::Dummy(ImVec2(0, font * 2));
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();
    ImGui::EndChild();
}
