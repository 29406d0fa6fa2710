// Colours and spacing for reading: a calm dark theme and a paper-like light one.
#include "theme.hpp"

#include <imgui.h>

void apply_theme(bool dark) {
    ImGuiStyle& s = ImGui::GetStyle();
    s = ImGuiStyle();
    if (dark) ImGui::StyleColorsDark(&s);
    else ImGui::StyleColorsLight(&s);
    s.WindowRounding = 0;
    s.FrameRounding = 4;
    s.GrabRounding = 4;
    s.ChildRounding = 4;
    s.PopupRounding = 4;
    s.FramePadding = ImVec2(8, 5);
    s.ItemSpacing = ImVec2(8, 6);
    s.CellPadding = ImVec2(6, 4);
    s.WindowPadding = ImVec2(10, 10);
    s.ScrollbarSize = 14;
    ImVec4* c = s.Colors;
    if (dark) {
        c[ImGuiCol_WindowBg] = ImVec4(0.11f, 0.11f, 0.12f, 1);
        c[ImGuiCol_ChildBg] = ImVec4(0, 0, 0, 0);
        c[ImGuiCol_Text] = ImVec4(0.90f, 0.89f, 0.86f, 1);
        c[ImGuiCol_TextDisabled] = ImVec4(0.60f, 0.60f, 0.58f, 1);
        c[ImGuiCol_Header] = ImVec4(0.26f, 0.36f, 0.52f, 0.55f);
        c[ImGuiCol_HeaderHovered] = ImVec4(0.30f, 0.42f, 0.60f, 0.70f);
        c[ImGuiCol_HeaderActive] = ImVec4(0.30f, 0.45f, 0.66f, 0.90f);
    } else {
        c[ImGuiCol_WindowBg] = ImVec4(0.98f, 0.97f, 0.95f, 1);
        c[ImGuiCol_Text] = ImVec4(0.10f, 0.10f, 0.10f, 1);
        c[ImGuiCol_TextDisabled] = ImVec4(0.40f, 0.40f, 0.40f, 1);
        s.FrameBorderSize = 1; // white boxes on paper need an edge
        // Selected and hovered rows tinted, not filled: their grey snippets and yellow highlights
        // must stay readable (imgui's light hover is 80 % blue).
        c[ImGuiCol_Header] = ImVec4(0.26f, 0.59f, 0.98f, 0.24f);
        c[ImGuiCol_HeaderHovered] = ImVec4(0.26f, 0.59f, 0.98f, 0.34f);
        c[ImGuiCol_HeaderActive] = ImVec4(0.26f, 0.59f, 0.98f, 0.46f);
    }
    // Menus and tooltips opaque: imgui's are 94-98 %, so the results under a menu showed through.
    c[ImGuiCol_PopupBg].w = 1;
}
