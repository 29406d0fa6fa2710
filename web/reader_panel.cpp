// Reader panel: the open article, set for reading (a comfortable measure, centred), with its
// highlights (search hits...) marked and n/p to move between them.
#include "app.hpp"
#include "keys.hpp"

#include "broadsheet/dates.hpp"

#include <imgui.h>

#include <algorithm>
#include <cctype>
#include <cfloat>
#include <cmath>
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

// The length of the UTF-8 sequence that starts with byte `c` (1 for a stray continuation byte).
uint32_t utf8_length(unsigned char c) {
    return c < 0xC0 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
}

// Where the body's rows are on screen, for finding the text under the mouse.
struct BodyGeometry {
    ImVec2 origin; // the left edge of the measure at the top of row 0 (screen)
    float row_h = 0, px = 0;
    ImFont* body = nullptr;
    ImFont* bold = nullptr;
};

// The byte offset in the text nearest to screen point `p`: the character boundary closest to it on
// the row under it (above the body: its start; below: its end; between paragraphs: the end of
// the one above).
uint32_t offset_at(const ReaderPanelState& st, const std::string& text, const BodyGeometry& g, ImVec2 p) {
    const auto& rows = st.layout.rows;
    if (rows.empty()) return 0;
    int r = int(std::floor((p.y - g.origin.y) / g.row_h));
    if (r < 0) return rows.front().begin;
    if (r >= int(rows.size())) return rows.back().end;
    while (r > 0 && rows[size_t(r)].begin == rows[size_t(r)].end) --r; // a gap row
    const LaidLine& line = rows[size_t(r)];
    ImFont* font = line.kind == broadsheet::ParagraphKind::Heading ? g.bold : g.body;
    float x = p.x - (g.origin.x + line.indent), w = 0;
    for (uint32_t at = line.begin; at < line.end;) {
        uint32_t next = std::min(line.end, at + utf8_length(static_cast<unsigned char>(text[at])));
        float cw = font->CalcTextSizeA(g.px, FLT_MAX, 0, text.data() + at, text.data() + next).x;
        if (x < w + cw * 0.5f) return at;
        w += cw;
        at = next;
    }
    return line.end;
}

// The word around `at`: letters, digits and any non-ASCII character (accented and CJK letters),
// with apostrophes and hyphens inside it.
std::pair<uint32_t, uint32_t> word_at(const std::string& text, uint32_t at) {
    auto in_word = [&](size_t i) {
        unsigned char c = static_cast<unsigned char>(text[i]);
        if (c >= 0x80 || std::isalnum(c)) return true;
        bool joiner = c == '\'' || c == '-';
        return joiner && i > 0 && i + 1 < text.size() && std::isalnum(static_cast<unsigned char>(text[i - 1])) &&
               std::isalnum(static_cast<unsigned char>(text[i + 1]));
    };
    uint32_t b = std::min<uint32_t>(at, uint32_t(text.size())), e = b;
    while (b > 0 && in_word(b - 1)) --b;
    while (e < text.size() && in_word(e)) ++e;
    return {b, e};
}

// Selecting in the body as in a page: press and drag (the view scrolls when the mouse leaves it),
// Shift+click to extend, a double click for a word. Call in the body's window after its rows.
void select_with_mouse(ReaderPanelState& st, const std::string& text, const BodyGeometry& g) {
    const ImGuiIO& io = ImGui::GetIO();
    float body_bottom = g.origin.y + float(st.layout.rows.size()) * g.row_h;
    bool over_body = ImGui::IsWindowHovered() && !ImGui::IsAnyItemHovered() && io.MousePos.y >= g.origin.y &&
                     io.MousePos.y < body_bottom;
    if (over_body) ImGui::SetMouseCursor(ImGuiMouseCursor_TextInput);
    if (over_body && ImGui::IsMouseClicked(0)) {
        uint32_t at = offset_at(st, text, g, io.MousePos);
        if (ImGui::IsMouseDoubleClicked(0)) {
            auto [b, e] = word_at(text, at);
            st.sel_anchor = b, st.sel_caret = e;
            st.selecting = false;
            return;
        }
        if (!io.KeyShift) st.sel_anchor = at;
        st.sel_caret = at;
        st.selecting = true;
    }
    if (!st.selecting) return;
    if (!ImGui::IsMouseDown(0)) {
        st.selecting = false;
        return;
    }
    st.sel_caret = offset_at(st, text, g, io.MousePos);
    // Past the top or bottom of the view, it scrolls on, faster the further out the mouse is.
    float top = ImGui::GetWindowPos().y, bottom = top + ImGui::GetWindowHeight();
    float beyond = io.MousePos.y < top ? io.MousePos.y - top : io.MousePos.y > bottom ? io.MousePos.y - bottom : 0;
    if (beyond != 0) {
        float step = std::clamp(beyond * 0.3f, -3 * g.row_h, 3 * g.row_h);
        ImGui::SetScrollY(std::clamp(ImGui::GetScrollY() + step, 0.0f, ImGui::GetScrollMaxY()));
        request_redraw();
    }
}

// When the body has the keyboard (clicked, or opened with Enter), keys scroll it as a browser
// scrolls a page: Space and Page Down a screen less two lines (Shift+Space and Page Up back), the
// arrows two lines, Home and End to the top and the bottom. Call inside the body's window.
void scroll_by_keys() {
    const ImGuiIO& io = ImGui::GetIO();
    if (!ImGui::IsWindowFocused() || io.WantTextInput || io.KeyCtrl || io.KeyAlt || io.KeySuper) return;
    const float line = ImGui::GetTextLineHeightWithSpacing(), page = std::max(line, ImGui::GetWindowHeight() - 2 * line);
    float y = ImGui::GetScrollY();
    const float was = y;
    if (key_pressed(ImGuiKey_PageDown) || (ImGui::IsKeyPressed(SDL_SCANCODE_SPACE) && !io.KeyShift)) y += page;
    if (key_pressed(ImGuiKey_PageUp) || (ImGui::IsKeyPressed(SDL_SCANCODE_SPACE) && io.KeyShift)) y -= page;
    if (key_pressed(ImGuiKey_DownArrow)) y += 2 * line;
    if (key_pressed(ImGuiKey_UpArrow)) y -= 2 * line;
    if (key_pressed(ImGuiKey_Home, false)) y = 0;
    if (key_pressed(ImGuiKey_End, false)) y = ImGui::GetScrollMaxY();
    if (y != was) {
        ImGui::SetScrollY(std::clamp(y, 0.0f, ImGui::GetScrollMaxY()));
        request_redraw();
    }
}

// Lines of about 70 characters read best; wider panels get margins.
constexpr float kMaxMeasureEm = 38.0f;

// "By Jane Doe, John Roe  ·  26 February 1987  ·  Reuters", or "" (the header's line).
std::string meta_line(const broadsheet::Article& a) {
    std::string meta;
    for (const auto& n : a.byline) meta += (meta.empty() ? "By " : ", ") + n;
    if (!a.date.empty()) meta += (meta.empty() ? "" : "  \xC2\xB7  ") + broadsheet::readable_date(a.date);
    if (!a.source.empty()) meta += (meta.empty() ? "" : "  \xC2\xB7  ") + a.source;
    return meta;
}

// The article as "Copy article" puts it on the clipboard: what a citation needs (title, byline,
// date, source, address) above the text.
std::string plain_text(const broadsheet::Article& a) {
    std::string s = a.title + "\n\n";
    if (!a.standfirst.empty()) s += a.standfirst + "\n\n";
    const std::string meta = meta_line(a);
    if (!meta.empty()) s += meta + "\n";
    if (!a.url.empty()) s += a.url + "\n";
    if (!meta.empty() || !a.url.empty()) s += "\n";
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

void draw_header(App& app, const broadsheet::Article& a, float font, float measure) {
    const ReaderPanelState& st = app.reader;
    ImGui::Dummy(ImVec2(0, font * 0.5f));
    ImGui::PushFont(app.fonts.headline);
    // With the search's matches (or a concordance line's) marked, as in the body.
    if (st.title_highlights.empty()) ImGui::TextWrapped("%s", a.title.c_str());
    else draw_marked_text(a.title, st.title_highlights, measure, ImGui::GetColorU32(ImGuiCol_Text));
    ImGui::PopFont();
    if (!a.standfirst.empty()) {
        ImGui::Dummy(ImVec2(0, font * 0.3f));
        const ImU32 marked = ImGui::GetColorU32(ImGuiCol_Text);
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
        if (st.standfirst_highlights.empty()) ImGui::TextWrapped("%s", a.standfirst.c_str());
        else draw_marked_text(a.standfirst, st.standfirst_highlights, measure, marked);
        ImGui::PopStyleColor();
    }
    const std::string meta = meta_line(a);
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
        if (st.missing) {
            ImGui::PushTextWrapPos(0);
            ImGui::TextDisabled("The link names an article (%u) that is not in this library: links open the articles "
                                "of the browser they were made in. Choose an article in the library to read it here.",
                                unsigned(st.missing));
            ImGui::PopTextWrapPos();
        } else {
            ImGui::TextDisabled("Choose an article in the library to read it here.");
        }
        return;
    }

    // Toolbar.
    const auto [lo, hi] = st.selection(a->text.size());
    const ImGuiIO& io = ImGui::GetIO();
    bool copy_key = (io.KeyCtrl || io.KeySuper) && !io.WantTextInput && ImGui::IsKeyPressed(SDL_SCANCODE_C, false);
    if (lo < hi) {
        if (ImGui::Button("Copy selection") || copy_key) platform_copy_to_clipboard(a->text.substr(lo, hi - lo));
        ImGui::SameLine();
        if (!io.WantTextInput && key_pressed(ImGuiKey_Escape)) st.sel_anchor = st.sel_caret = 0;
    }
    if (ImGui::Button("Copy article")) platform_copy_to_clipboard(plain_text(*a));
    const ImVec2 copy_lo = ImGui::GetItemRectMin(), copy_hi = ImGui::GetItemRectMax();
    st.copy_rect[0] = copy_lo.x, st.copy_rect[1] = copy_lo.y, st.copy_rect[2] = copy_hi.x - copy_lo.x, st.copy_rect[3] = copy_hi.y - copy_lo.y;
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

    if (st.focus_body) ImGui::SetNextWindowFocus();
    st.focus_body = false;
    ImGui::BeginChild("reader-body", ImVec2(0, 0), false, ImGuiWindowFlags_NoNav);
    // Escape in the body (with no selection to clear) hands the keyboard back to the search box,
    // the results under it with this article's row in view: the arrows then pick the next one
    // and Enter opens it. On a phone the Library tab comes forward. Whether the body had the
    // keyboard is the last frame's word: imgui's keyboard navigation has already moved it to the
    // parent window on Escape (leaving a child) before this frame's code runs.
    const bool had_keyboard = st.body_focused;
    st.body_focused = ImGui::IsWindowFocused();
    if (had_keyboard && !io.WantTextInput && lo >= hi && key_pressed(ImGuiKey_Escape, false)) {
        if (app.narrow) {
            app.right_tab_request = RightTab::Library;
            app.right_tab_requested = true;
        }
        request_search_box(app, false);
        app.search.scroll_to_selected = true;
        request_redraw(); // the box takes the keyboard in the frames after this one
    }
    if (st.scroll_to_top) {
        ImGui::SetScrollY(0);
        st.scroll_to_top = false;
    }
    scroll_by_keys();
    st.scroll_y = ImGui::GetScrollY();
    st.scroll_max_y = ImGui::GetScrollMaxY();
    float font = ImGui::GetFontSize();
    float avail = ImGui::GetContentRegionAvail().x;
    float measure = std::max(font * 4, std::min(avail - font, kMaxMeasureEm * font));
    float margin = std::max(font * 0.5f, (avail - measure) * 0.5f);
    ImGui::Indent(margin);
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + measure);
    draw_header(app, *a, font, measure);

    // The body: pre-wrapped lines, only the visible ones drawn.
    ImGui::PushFont(app.fonts.body);
    float px = ImGui::GetFontSize();
    // The line at the top of the view, as text (last frame's, in the layout it was read from): a
    // re-wrap (the window resized, the font changed) keeps it at the top, rather than the same
    // number of pixels down another layout.
    const uint32_t top_offset = st.layout.article_key == st.open ? st.top_line : UINT32_MAX;
    const bool rewrapped = st.layout.update(*a, st.open, app.fonts.body, app.fonts.body_bold, px, measure);
    float row_h = ImGui::GetTextLineHeightWithSpacing();
    float body_top = ImGui::GetCursorPosY();
    const int kept_row = rewrapped && top_offset != UINT32_MAX ? st.layout.row_of(top_offset) : -1;
    if (kept_row >= 0) { // the scroll moves next frame; the line at the top is the one kept
        ImGui::SetScrollY(body_top + float(kept_row) * row_h);
        request_redraw();
        st.top_line = st.layout.rows[size_t(kept_row)].begin;
    } else if (ImGui::GetScrollY() > body_top && !st.layout.rows.empty()) {
        const size_t row = std::min(size_t((ImGui::GetScrollY() - body_top) / row_h), st.layout.rows.size() - 1);
        st.top_line = st.layout.rows[row].begin;
    } else {
        st.top_line = UINT32_MAX;
    }
    if (st.scroll_to_current && st.current >= 0) {
        int row = st.layout.row_of(st.highlights[size_t(st.current)].begin);
        ImGui::SetScrollY(std::max(0.0f, body_top + float(row) * row_h - ImGui::GetWindowHeight() * 0.3f));
        st.scroll_to_current = false;
    }
    const auto [sel_lo, sel_hi] = st.selection(a->text.size());
    const BodyGeometry geometry{ImGui::GetCursorScreenPos(), row_h, px, app.fonts.body, app.fonts.body_bold};
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
            if (sel_lo < sel_hi && sel_lo < line.end && sel_hi > line.begin && line.begin < line.end) {
                uint32_t b = std::max(sel_lo, line.begin), e = std::min(sel_hi, line.end);
                const char* base = a->text.data();
                float x0 = ImGui::CalcTextSize(base + line.begin, base + b).x;
                float x1 = x0 + ImGui::CalcTextSize(base + b, base + e).x;
                if (sel_hi > line.end) x1 += px * 0.3f; // runs on into the next line
                dl->AddRectFilled(ImVec2(at.x + x0, at.y), ImVec2(at.x + x1, at.y + row_h),
                                  ImGui::GetColorU32(ImGuiCol_TextSelectedBg));
            }
            ImGui::TextUnformatted(a->text.data() + line.begin, a->text.data() + line.end);
            if (heading) ImGui::PopFont();
        }
    }
    ImGui::PopFont();
    select_with_mouse(st, a->text, geometry);

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
