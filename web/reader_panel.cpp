// Reader panel: the open article, set for reading (a comfortable measure, centred), with its
// highlights (search hits...) marked and n/p to move between them.
#include "app.hpp"
#include "keys.hpp"

#include <imgui.h>

#include <algorithm>
#include <string>
#include <string_view>
#include <utility>

namespace {

// The English name of a language the importer tells (core/src/language.cpp, BCP 47 codes from
// JSON or HTML too); other codes are shown as they are.
std::string language_name(std::string_view code) {
    static constexpr std::pair<std::string_view, std::string_view> kNames[] = {
        {"ar", "Arabic"},   {"bg", "Bulgarian"}, {"cs", "Czech"},     {"da", "Danish"},   {"de", "German"},
        {"el", "Greek"},    {"en", "English"},   {"es", "Spanish"},   {"fa", "Persian"},  {"fi", "Finnish"},
        {"fr", "French"},   {"he", "Hebrew"},    {"hi", "Hindi"},     {"hu", "Hungarian"}, {"id", "Indonesian"},
        {"it", "Italian"},  {"ja", "Japanese"},  {"ko", "Korean"},    {"nl", "Dutch"},    {"no", "Norwegian"},
        {"pl", "Polish"},   {"pt", "Portuguese"}, {"ro", "Romanian"}, {"ru", "Russian"},  {"sr", "Serbian"},
        {"sv", "Swedish"},  {"th", "Thai"},      {"tr", "Turkish"},   {"uk", "Ukrainian"}, {"ur", "Urdu"},
        {"zh", "Chinese"},
    };
    std::string_view primary = code.substr(0, code.find_first_of("-_"));
    for (const auto& [c, name] : kNames)
        if (primary.size() == 2 && (primary[0] | 0x20) == c[0] && (primary[1] | 0x20) == c[1]) return std::string(name);
    return std::string(code);
}

// Lines of about 70 characters read best; wider panels get margins.
constexpr float kMaxMeasureEm = 38.0f;

std::string plain_text(const broadsheet::Article& a) {
    std::string s = a.title + "\n\n";
    if (!a.standfirst.empty()) s += a.standfirst + "\n\n";
    return s + a.text + "\n";
}

// The article's address as a link: underlined, a hand on hover with the full address, opened in
// a new tab only on a click (nothing is fetched before that).
void draw_link(ReaderPanelState& st, const std::string& url) {
    ImVec4 colour = ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive);
    std::string shown = url.size() > 90 ? url.substr(0, 87) + "..." : url;
    ImGui::PushStyleColor(ImGuiCol_Text, colour);
    ImGui::TextUnformatted(shown.c_str());
    ImGui::PopStyleColor();
    ImVec2 lo = ImGui::GetItemRectMin(), hi = ImGui::GetItemRectMax();
    st.link_rect[0] = lo.x, st.link_rect[1] = lo.y, st.link_rect[2] = hi.x - lo.x, st.link_rect[3] = hi.y - lo.y;
    ImGui::GetWindowDrawList()->AddLine(ImVec2(lo.x, hi.y - 1), ImVec2(hi.x, hi.y - 1), ImGui::GetColorU32(colour));
    if (ImGui::IsItemHovered()) {
        ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
        ImGui::SetTooltip("Open %s in a new tab", url.c_str());
        if (ImGui::IsMouseClicked(ImGuiMouseButton_Left)) platform_open_link(url);
    }
}

void draw_header(App& app, const broadsheet::Article& a, float font) {
    ImGui::Dummy(ImVec2(0, font * 0.5f));
    ImGui::PushFont(app.fonts.headline);
    ImGui::TextWrapped("%s", a.title.c_str());
    ImGui::PopFont();
    if (!a.standfirst.empty()) {
        ImGui::Dummy(ImVec2(0, font * 0.3f));
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
        ImGui::TextWrapped("%s", a.standfirst.c_str());
        ImGui::PopStyleColor();
    }
    std::string meta;
    for (const auto& n : a.byline) meta += (meta.empty() ? "By " : ", ") + n;
    if (!a.date.empty()) meta += (meta.empty() ? "" : "  \xC2\xB7  ") + a.date;
    if (!a.source.empty()) meta += (meta.empty() ? "" : "  \xC2\xB7  ") + a.source;
    if (!meta.empty()) {
        ImGui::Dummy(ImVec2(0, font * 0.3f));
        ImGui::PushFont(app.fonts.ui_bold);
        ImGui::TextWrapped("%s", meta.c_str());
        ImGui::PopFont();
    }
    app.reader.link_rect[2] = 0;
    if (is_openable_link(a.url)) draw_link(app.reader, a.url);
    if (a.truncated) ImGui::TextColored(ImVec4(0.9f, 0.7f, 0.2f, 1), "The source holds only the start of this article.");
    ImGui::Dummy(ImVec2(0, font * 0.6f));
}

// Marks the highlights that fall on one laid-out line, behind its text.
void draw_line_highlights(const ReaderPanelState& st, const std::string& text, const LaidLine& line, ImVec2 at,
                          float px) {
    const auto& hs = st.highlights;
    // First highlight ending after the line starts (highlights are sorted and disjoint).
    auto it = std::upper_bound(hs.begin(), hs.end(), line.begin,
                               [](uint32_t b, const broadsheet::ByteRange& h) { return b < h.end; });
    ImDrawList* dl = ImGui::GetWindowDrawList();
    for (; it != hs.end() && it->begin < line.end; ++it) {
        uint32_t b = std::max(it->begin, line.begin), e = std::min(it->end, line.end);
        const char* base = text.data();
        float x0 = ImGui::CalcTextSize(base + line.begin, base + b).x;
        float x1 = x0 + ImGui::CalcTextSize(base + b, base + e).x;
        bool current = int(it - hs.begin()) == st.current;
        ImU32 col = current ? IM_COL32(255, 150, 30, 200) : IM_COL32(255, 210, 60, 110);
        dl->AddRectFilled(ImVec2(at.x + x0 - 1, at.y), ImVec2(at.x + x1 + 1, at.y + px + 1), col, 2);
    }
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
    if (!st.highlights.empty()) {
        ImGui::SameLine();
        if (ImGui::ArrowButton("##previous-hit", ImGuiDir_Up)) app.step_highlight(-1);
        ImGui::SameLine();
        if (ImGui::ArrowButton("##next-hit", ImGuiDir_Down)) app.step_highlight(+1);
        ImGui::SameLine();
        ImGui::TextDisabled("%d of %zu (n / p)", st.current + 1, st.highlights.size());
    }
    if (shortcut_pressed(SDL_SCANCODE_N)) app.step_highlight(+1);
    if (shortcut_pressed(SDL_SCANCODE_P)) app.step_highlight(-1);
    ImGui::Separator();

    ImGui::BeginChild("reader-body", ImVec2(0, 0), false, ImGuiWindowFlags_NoNav);
    if (st.scroll_to_top) {
        ImGui::SetScrollY(0);
        st.scroll_to_top = false;
    }
    float font = ImGui::GetFontSize();
    float avail = ImGui::GetContentRegionAvail().x;
    float measure = std::max(font * 4, std::min(avail - font, kMaxMeasureEm * font));
    float margin = std::max(font * 0.5f, (avail - measure) * 0.5f);
    ImGui::Indent(margin);
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + measure);
    draw_header(app, *a, font);

    // The body: pre-wrapped lines, only the visible ones drawn.
    ImGui::PushFont(app.fonts.body);
    float px = ImGui::GetFontSize();
    st.layout.update(*a, st.open, app.fonts.body, app.fonts.body_bold, px, measure);
    float row_h = ImGui::GetTextLineHeightWithSpacing();
    float body_top = ImGui::GetCursorPosY();
    if (st.scroll_to_current && st.current >= 0) {
        int row = st.layout.row_of(st.highlights[size_t(st.current)].begin);
        ImGui::SetScrollY(std::max(0.0f, body_top + float(row) * row_h - ImGui::GetWindowHeight() * 0.3f));
        st.scroll_to_current = false;
    }
    ImGuiListClipper clipper;
    clipper.Begin(int(st.layout.rows.size()), row_h);
    while (clipper.Step()) {
        for (int r = clipper.DisplayStart; r < clipper.DisplayEnd; ++r) {
            const LaidLine& line = st.layout.rows[size_t(r)];
            using broadsheet::ParagraphKind;
            bool heading = line.kind == ParagraphKind::Heading;
            if (heading) ImGui::PushFont(app.fonts.body_bold);
            float left = ImGui::GetCursorPosX();
            ImGui::SetCursorPosX(left + line.indent);
            ImVec2 at = ImGui::GetCursorScreenPos();
            ImDrawList* dl = ImGui::GetWindowDrawList();
            ImU32 mark = ImGui::GetColorU32(ImGuiCol_TextDisabled);
            if (line.kind == ParagraphKind::ListItem && line.first && line.begin < line.end)
                dl->AddCircleFilled(ImVec2(at.x - px * 0.7f, at.y + px * 0.62f), px * 0.16f, mark);
            if (line.kind == ParagraphKind::Quote && line.begin < line.end)
                dl->AddRectFilled(ImVec2(at.x - px * 1.0f, at.y), ImVec2(at.x - px * 0.82f, at.y + row_h), mark);
            if (!st.highlights.empty()) draw_line_highlights(st, a->text, line, at, px);
            ImGui::TextUnformatted(a->text.data() + line.begin, a->text.data() + line.end);
            if (heading) ImGui::PopFont();
        }
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
    ImGui::Dummy(ImVec2(0, font));
    std::string about = a->file + " \xC2\xB7 " + a->encoding;
    if (!a->language.empty()) about += " \xC2\xB7 " + language_name(a->language);
    ImGui::TextDisabled("%s", about.c_str());
    ImGui::Dummy(ImVec2(0, font * 2));
    ImGui::PopTextWrapPos();
    ImGui::Unindent(margin);
    ImGui::EndChild();
}
