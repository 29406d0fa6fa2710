// Dialogs: pasting text as a new article.
#include "app.hpp"
#include "keys.hpp"

#include <imgui.h>

namespace {

// InputTextMultiline over a std::string (imgui_stdlib is not in Debian's imgui source package).
int resize_string(ImGuiInputTextCallbackData* data) {
    if (data->EventFlag == ImGuiInputTextFlags_CallbackResize) {
        auto* s = static_cast<std::string*>(data->UserData);
        s->resize(size_t(data->BufTextLen));
        data->Buf = s->data();
    }
    return 0;
}

} // namespace

void draw_paste_dialog(App& a) {
    auto& st = a.paste;
    if (st.open_requested) {
        ImGui::OpenPopup("Paste text as an article");
        st.open_requested = false;
    }
    ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(vp->WorkSize.x * 0.6f, vp->WorkSize.y * 0.6f), ImGuiCond_Appearing);
    if (!ImGui::BeginPopupModal("Paste text as an article")) return;
    a.dialog = "paste";
    ImGui::TextWrapped("Paste (Ctrl+V) or type the article: headline first, then the text. It is read like a "
                       "plain-text file.");
    ImVec2 box(-FLT_MIN, ImGui::GetContentRegionAvail().y - ImGui::GetFrameHeightWithSpacing() - 4);
    if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
    ImGui::InputTextMultiline("##paste-text", st.text.data(), st.text.capacity() + 1, box,
                              ImGuiInputTextFlags_CallbackResize, resize_string, &st.text);
    bool empty = st.text.find_first_not_of(" \t\r\n") == std::string::npos;
    ImGui::BeginDisabled(empty);
    if (ImGui::Button("Add article")) {
        a.import_file("pasted-" + std::to_string(++st.pasted) + ".txt", st.text);
        a.end_import_batch();
        st.text.clear();
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button("Cancel") || key_pressed(ImGuiKey_Escape)) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}
