// Broadsheet's ImGui app: window, GL context, fonts, the frame loop and the top-level layout.
#include "app.hpp"
#include "fonts.hpp"
#include "ime.hpp"
#include "keys.hpp"
#include "pointer.hpp"
#include "theme.hpp"

#include <SDL.h>
#include <emscripten.h>
#include <imgui.h>
#include <imgui_impl_opengl3.h>
#include <imgui_impl_sdl.h>

#include <GLES3/gl3.h>

#include <algorithm>
#include <cfloat>
#include <cstdio>
#include <vector>

SDL_Window* g_window = nullptr;
unsigned g_frames_drawn = 0; // for the test hook (app.cpp): idle means this stops growing

// How long each frame took, in ms, since the test hook last read them (frameTimes(), for
// bench/ui/big-library.mjs): the app's own work (events, the corpus analysis's slice, the panels,
// the core calls they make, ImGui::Render) apart from handing the draw lists to WebGL, which in
// headless Chromium waits for software rendering.
std::vector<float> g_frame_app_ms, g_frame_gl_ms;

namespace {

SDL_GLContext g_gl = nullptr;
int g_frames_to_draw = 3;
double g_last_input_ms = -1e9; // when the page last had an event (keys, text, mouse, wheel, touch)
double g_last_drawn_ms = -1e9; // when a frame was last drawn
bool g_dark = true;

void draw_drop_overlay() {
    ImDrawList* dl = ImGui::GetForegroundDrawList();
    ImVec2 size = ImGui::GetIO().DisplaySize;
    float pad = 16;
    dl->AddRectFilled(ImVec2(0, 0), size, IM_COL32(20, 60, 120, 90));
    dl->AddRect(ImVec2(pad, pad), ImVec2(size.x - pad, size.y - pad), IM_COL32(120, 170, 255, 255), 12, 0, 3);
    const char* msg = "Drop files or folders to import them";
    ImFont* f = app().fonts.headline;
    float px = f->FontSize * ImGui::GetIO().FontGlobalScale;
    ImVec2 ts = f->CalcTextSizeA(px, FLT_MAX, 0, msg);
    dl->AddText(f, px, ImVec2((size.x - ts.x) / 2, (size.y - ts.y) / 2), IM_COL32(255, 255, 255, 255), msg);
}

// "Clear all" asks first: it removes every article from this browser for good.
void draw_clear_all_dialog(App& a) {
    if (a.storage.confirm_clear) {
        ImGui::OpenPopup("Remove all articles?");
        a.storage.confirm_clear = false;
    }
    ImVec2 center = ImGui::GetMainViewport()->GetCenter();
    ImGui::SetNextWindowPos(center, ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    if (ImGui::BeginPopupModal("Remove all articles?", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
        a.dialog = "clear";
        ImGui::Text("This removes all %zu articles from this browser. It cannot be undone.", a.corpus.size());
        ImGui::Spacing();
        if (ImGui::Button("Remove all")) {
            a.clear_all();
            ImGui::CloseCurrentPopup();
        }
        ImGui::SameLine();
        if (ImGui::Button("Cancel") || key_pressed(ImGuiKey_Escape)) ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
    }
}

// The buttons along the top. Where they do not all fit on one line (a phone), the rarer ones move
// into a "More" menu.
void draw_toolbar(App& a) {
    ImGui::PushFont(a.fonts.ui_bold);
    ImGui::AlignTextToFramePadding(); // on the buttons' baseline
    ImGui::TextUnformatted("Broadsheet");
    ImGui::PopFont();
    ImGui::SameLine(0, ImGui::GetFontSize() * 1.5f);
    const ImGuiStyle& style = ImGui::GetStyle();
    auto width = [&](const char* label) { return ImGui::CalcTextSize(label).x + style.FramePadding.x * 2; };
    const char* open = "Open files...";
    const char* folder = "Open folder...";
    const char* paste = "Paste text...";
    const char* save = "Export workspace";
    const char* clear = "Clear all...";
    const char* save_tip = "Save every article, the marked rows and the corpus figures as one JSON file;\n"
                           "drop it on the page (here or in another browser) to bring them back";
    const float gap = style.ItemSpacing.x, end = ImGui::GetWindowContentRegionMax().x;
    float all = width(open) + gap + width(folder) + gap + width(paste);
    if (!a.corpus.empty()) all += 2 * gap + width(save) + gap + width(clear);
    if (ImGui::GetCursorPosX() + all > end) {
        if (ImGui::Button(open)) platform_open_file_picker();
        ImGui::SameLine();
        if (ImGui::Button("More...")) ImGui::OpenPopup("toolbar-more");
        if (ImGui::BeginPopup("toolbar-more")) {
            if (ImGui::MenuItem(folder)) platform_open_folder_picker();
            if (ImGui::MenuItem(paste)) a.paste.open_requested = true;
            if (!a.corpus.empty()) {
                ImGui::Separator();
                if (ImGui::MenuItem(save)) a.export_workspace();
                if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", save_tip);
                if (ImGui::MenuItem(clear)) a.storage.confirm_clear = true;
            }
            ImGui::EndPopup();
        }
        return;
    }
    if (ImGui::Button(open)) platform_open_file_picker();
    ImGui::SameLine();
    if (ImGui::Button(folder)) platform_open_folder_picker();
    ImGui::SameLine();
    if (ImGui::Button(paste)) a.paste.open_requested = true;
    ImGui::SameLine();
    float right = a.corpus.empty() ? end : end - width(clear) - width(save) - gap;
    const char* hint = "or drop files anywhere. Everything stays in this browser.";
    if (ImGui::GetCursorPosX() + ImGui::CalcTextSize(hint).x + gap < right)
        ImGui::TextDisabled("%s", hint); // only where it fits beside the buttons
    else if (a.corpus.empty())
        ImGui::NewLine();
    if (!a.corpus.empty()) {
        ImGui::SameLine(right);
        if (ImGui::Button(save)) a.export_workspace();
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", save_tip);
        ImGui::SameLine();
        if (ImGui::Button(clear)) a.storage.confirm_clear = true;
    }
}

void draw_ui() {
    App& a = app();
    a.dialog = nullptr;
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    // Narrower than about 40 letters side by side for each of two panes: one pane with tabs.
    const bool was_narrow = a.narrow;
    a.narrow = vp->WorkSize.x < ImGui::GetFontSize() * 40;
    // A resize across the threshold keeps the pane that was showing (the other layout's tab bar
    // would start on its first tab); from the narrow layout's Library tab the wide one shows the reader.
    static bool laid_out = false;
    if (laid_out && a.narrow != was_narrow && !a.right_tab_requested) {
        a.right_tab_request = a.right_tab == RightTab::Library ? RightTab::Reader : a.right_tab;
        a.right_tab_requested = true;
    }
    laid_out = true;
    ImGui::SetNextWindowPos(vp->WorkPos);
    ImGui::SetNextWindowSize(vp->WorkSize);
    constexpr ImGuiWindowFlags kMain = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                       ImGuiWindowFlags_NoBringToFrontOnFocus |
                                       ImGuiWindowFlags_NoSavedSettings;
    ImGui::Begin("Broadsheet", nullptr, kMain);

    draw_toolbar(a);
    draw_clear_all_dialog(a);
    draw_paste_dialog(a);
    ImGui::Separator();

    // Library | Reader, with a draggable divider; the status bar below.
    float status_h = ImGui::GetFrameHeightWithSpacing() + import_details_height(a);
    ImVec2 avail = ImGui::GetContentRegionAvail();
    float panes_h = avail.y - status_h;
    auto tab = [&](const char* label, RightTab which) {
        bool select = a.right_tab_requested && a.right_tab_request == which;
        if (select) a.right_tab_requested = false; // handed to this tab item once
        if (!ImGui::BeginTabItem(label, nullptr, select ? ImGuiTabItemFlags_SetSelected : 0)) return;
        a.right_tab = which;
        if (which == RightTab::Library) draw_left_pane(a);
        else if (which == RightTab::Reader) draw_reader_panel(a);
        else if (which == RightTab::Analysis) draw_analysis_panel(a);
        else draw_corpus_panel(a);
        ImGui::EndTabItem();
    };
    if (a.narrow) {
        // A phone: one pane, the library a tab beside the others; choosing an article shows it.
        // "/" and Ctrl+K bring the search box (with the library) forward.
        bool slash = false;
        if (a.right_tab != RightTab::Library && search_key_pressed(slash)) {
            a.right_tab_request = RightTab::Library;
            a.right_tab_requested = true;
            request_search_box(a, slash);
        }
        if (a.right_tab != RightTab::Library) hold_typed_for_search_box(a);
        ImGui::BeginChild("panes", ImVec2(avail.x, panes_h - 4));
        if (ImGui::BeginTabBar("narrow-tabs")) {
            tab("Library", RightTab::Library);
            tab("Reader", RightTab::Reader);
            tab("Analysis", RightTab::Analysis);
            tab("Corpus", RightTab::Corpus);
            ImGui::EndTabBar();
        }
        ImGui::EndChild();
    } else {
        constexpr ImGuiTableFlags kLayout = ImGuiTableFlags_Resizable | ImGuiTableFlags_BordersInnerV |
                                            ImGuiTableFlags_NoSavedSettings;
        if (ImGui::BeginTable("layout", 2, kLayout, ImVec2(avail.x, panes_h))) {
            ImGui::TableSetupColumn("library", ImGuiTableColumnFlags_WidthStretch, 0.42f);
            ImGui::TableSetupColumn("reader", ImGuiTableColumnFlags_WidthStretch, 0.58f);
            ImGui::TableNextRow(0, panes_h);
            ImGui::TableNextColumn();
            ImGui::BeginChild("library-panel", ImVec2(0, panes_h - 4));
            draw_left_pane(a);
            ImGui::EndChild();
            ImGui::TableNextColumn();
            ImGui::BeginChild("reader-panel", ImVec2(0, panes_h - 4));
            if (ImGui::BeginTabBar("right-tabs")) {
                tab("Reader", RightTab::Reader);
                tab("Analysis", RightTab::Analysis);
                tab("Corpus", RightTab::Corpus);
                ImGui::EndTabBar();
            }
            ImGui::EndChild();
            ImGui::EndTable();
        }
    }
    ImGui::Separator();
    draw_status_bar(a);
    ImGui::End();

    if (a.drag_active) draw_drop_overlay();
}

// imgui 1.86 reads input as "down this frame" (no input queue before 1.87), so two inputs that
// reach the page between the same two frames can lose one another:
// - a key pressed and released within one frame (fast typists, scripted input) would never be
//   seen as pressed, and pressed twice, once: a key's second change in a frame is held back to
//   the next, with everything after it;
// - a click moves the keyboard focus only at the end of its frame, so a key pressed right after
//   it (click a pane, press Delete) went to the pane that had the focus before: keys and text
//   that follow a click within one frame are held back to the next (in order, with whatever
//   comes after them), as imgui 1.87's input trickling does;
// - the SDL backend reads the pointer's position and buttons as they are when the frame starts,
//   so a quick drag (press, moves, release between two frames: a fast flick, a busy page) was
//   one click where the pointer ended, and the press's position was lost. The pointer imgui
//   sees is the one the events handed over so far (g_mouse); what moves, scrolls (the wheel,
//   which pointer.cpp queues among SDL's events) or changes a button after a button changed in
//   this frame waits for the next, and so does a release after the pointer moved with the button
//   down (the drag's end is seen before the button goes up).
std::vector<SDL_Event> g_held_events;

struct MouseSeen {
    bool known = false;      // a mouse event has been handed over (else the backend's reading stands)
    ImVec2 pos;
    Uint32 down = 0;         // SDL_BUTTON() bits (a release never follows its press in one frame: held)
};
MouseSeen g_mouse;

bool is_keyboard_event(const SDL_Event& e) {
    return e.type == SDL_KEYDOWN || e.type == SDL_KEYUP || e.type == SDL_TEXTINPUT || e.type == SDL_TEXTEDITING;
}

bool is_button_event(const SDL_Event& e) {
    return e.type == SDL_MOUSEBUTTONDOWN || e.type == SDL_MOUSEBUTTONUP;
}

// Buttons imgui reads (left, right, middle), as SDL_BUTTON() bits; others are passed on as they come.
Uint32 imgui_button_bit(const SDL_Event& e) {
    Uint8 b = e.button.button;
    return b == SDL_BUTTON_LEFT || b == SDL_BUTTON_RIGHT || b == SDL_BUTTON_MIDDLE ? SDL_BUTTON(b) : 0;
}

void pump_events() {
    std::vector<SDL_Event> events;
    events.swap(g_held_events);
    SDL_Event polled;
    while (SDL_PollEvent(&polled)) events.push_back(polled);
    if (!events.empty()) g_last_input_ms = emscripten_get_now();
    std::vector<SDL_Scancode> changed; // keys that went down or up in this frame
    bool clicked = false, holding = false, dragged = false;
    for (SDL_Event& e : events) {
        request_redraw();
        // (A finger makes no mouse events: pointer_init() turns SDL's off; pointer.cpp reads it.)
        if (!holding && clicked &&
            (is_keyboard_event(e) || e.type == SDL_MOUSEMOTION || pointer_is_wheel(e) ||
             (is_button_event(e) && imgui_button_bit(e))))
            holding = true;
        if (!holding && dragged && e.type == SDL_MOUSEBUTTONUP && (g_mouse.down & imgui_button_bit(e)))
            holding = true;
        if (holding) {
            g_held_events.push_back(e);
            continue;
        }
        if (e.type == SDL_MOUSEMOTION) {
            g_mouse.known = true;
            g_mouse.pos = ImVec2(float(e.motion.x), float(e.motion.y));
            if (g_mouse.down) dragged = true;
        }
        if (is_button_event(e) && imgui_button_bit(e)) {
            clicked = true;
            g_mouse.known = true;
            g_mouse.pos = ImVec2(float(e.button.x), float(e.button.y));
            Uint32 bit = imgui_button_bit(e);
            if (e.type == SDL_MOUSEBUTTONDOWN) g_mouse.down |= bit;
            else g_mouse.down &= ~bit;
        }
        // imgui 1.86 sees a key's state once a frame: a key that goes down, up and down again
        // within a frame would be one press. Its second change waits for the next frame, with
        // everything after it (keys typed fast on a busy page: four Backspaces deleted three).
        // The browser's auto-repeat changes nothing and is passed on (imgui repeats by itself).
        if ((e.type == SDL_KEYDOWN || e.type == SDL_KEYUP) && !e.key.repeat) {
            if (std::find(changed.begin(), changed.end(), e.key.keysym.scancode) != changed.end()) {
                holding = true;
                g_held_events.push_back(e);
                continue;
            }
            changed.push_back(e.key.keysym.scancode);
        }
        if (pointer_event(e)) continue;
        ImGui_ImplSDL2_ProcessEvent(&e);
        // The backend takes the modifiers from SDL_GetModState(), the keyboard as it is now, which
        // is ahead of the events: Shift+Enter typed fast (or held back a frame, above) read as
        // Enter once Shift's release had reached SDL. The key event carries them as they were.
        if (e.type == SDL_KEYDOWN || e.type == SDL_KEYUP) {
            ImGuiIO& io = ImGui::GetIO();
            const Uint16 mod = e.key.keysym.mod;
            io.KeyShift = (mod & KMOD_SHIFT) != 0;
            io.KeyCtrl = (mod & KMOD_CTRL) != 0;
            io.KeyAlt = (mod & KMOD_ALT) != 0;
            io.KeySuper = (mod & KMOD_GUI) != 0;
        }
    }
    if (!g_held_events.empty()) request_redraw();
}

// Hands imgui the pointer as the events handed over so far left it (see pump_events), in place of
// the SDL backend's reading of SDL's current state, which may be ahead of them. Where the backend
// found no window under the pointer (-FLT_MAX) it stays so.
void mouse_new_frame() {
    ImGuiIO& io = ImGui::GetIO();
    if (!g_mouse.known || io.MousePos.x == -FLT_MAX) return;
    io.MousePos = g_mouse.pos;
    const Uint8 buttons[3] = {SDL_BUTTON_LEFT, SDL_BUTTON_RIGHT, SDL_BUTTON_MIDDLE};
    for (int i = 0; i < 3; ++i) io.MouseDown[i] = (g_mouse.down & SDL_BUTTON(buttons[i])) != 0;
}

void frame() {
    const double started = emscripten_get_now();
    pump_events();
    // CJK characters of new articles (and of what is typed) go into the font atlas, throttled.
    fonts_collect(app());
    if (fonts_rebuild_due()) request_redraw();
    // The corpus analysis runs in slices of a few milliseconds a frame until it has caught up
    // with the library (a big import never freezes the page). 6 ms while the user is doing
    // something (an event in the last half second), every frame drawn; 12 ms while they only
    // watch it, with its progress drawn four times a second, not after every slice: a frame drawn
    // holds up the next one until the browser has composited it (rasterised on the CPU where
    // there is no GPU), which left the pass a third of the time or less.
    const bool interacting = started - g_last_input_ms < 500;
    if (app().step_corpus_analysis(interacting ? 0.006 : 0.012)) {
        if (interacting || app().corpus_view.pending.empty()) request_redraw();
        else if (started - g_last_drawn_ms >= 250) g_frames_to_draw = std::max(g_frames_to_draw, 1);
    }
    // Idle CPU near zero: an ImGui loop would redraw 60 times a second forever (imgui PR #2749);
    // draw a few frames after each event or state change, then nothing until the next one.
    if (g_frames_to_draw <= 0) {
        double ms = emscripten_get_now() - started;
        if (ms >= 1 && g_frame_app_ms.size() < 100000) g_frame_app_ms.push_back(float(ms)), g_frame_gl_ms.push_back(0);
        return;
    }
    --g_frames_to_draw;
    ++g_frames_drawn;
    g_last_drawn_ms = started;

    float dpr = platform_device_pixel_ratio();
    if (dpr != fonts_built_dpr()) {
        int w, h;
        platform_window_size(w, h);
        SDL_SetWindowSize(g_window, w, h); // re-reads the DPR for the backing store
    }
    fonts_update(dpr);
    bool dark = platform_prefers_dark();
    if (dark != g_dark) apply_theme(g_dark = dark);

    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplSDL2_NewFrame();
    mouse_new_frame();
    bool pointer_busy = pointer_new_frame();
    text_input_new_frame();
    // A browser's virtual time (headless tests) can give a zero or negative frame time, which
    // imgui 1.86 asserts on.
    ImGuiIO& io = ImGui::GetIO();
    if (io.DeltaTime <= 0) io.DeltaTime = 1.0f / 60;
    ImGui::NewFrame();
    draw_ui();
    ImGui::Render();
    const double rendered = emscripten_get_now();
    int fw, fh;
    SDL_GL_GetDrawableSize(g_window, &fw, &fh);
    glViewport(0, 0, fw, fh);
    ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
    glClearColor(bg.x, bg.y, bg.z, 1);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    SDL_GL_SwapWindow(g_window);
    if (g_frame_app_ms.size() < 100000) {
        g_frame_app_ms.push_back(float(rendered - started));
        g_frame_gl_ms.push_back(float(emscripten_get_now() - rendered));
    }
    text_input_sync(); // the page's hidden text box takes the keyboard while a box is edited
    // Keep drawing while something animates or is being edited.
    if (ImGui::IsAnyItemActive() || io.WantTextInput || pointer_busy) g_frames_to_draw = std::max(g_frames_to_draw, 1);
}

} // namespace

void request_redraw() { g_frames_to_draw = std::max(g_frames_to_draw, 3); }

int main() {
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_TIMER | SDL_INIT_EVENTS) != 0) {
        std::fprintf(stderr, "broadsheet: SDL_Init failed: %s\n", SDL_GetError());
        return 1;
    }
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_ES);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 0);
    SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
    int w, h;
    platform_window_size(w, h);
    g_window = SDL_CreateWindow("Broadsheet", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, w, h,
                                SDL_WINDOW_OPENGL | SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI);
    if (!g_window) {
        std::fprintf(stderr, "broadsheet: cannot create a window: %s\n", SDL_GetError());
        return 1;
    }
    g_gl = SDL_GL_CreateContext(g_window);
    if (!g_gl) {
        std::fprintf(stderr, "broadsheet: WebGL 2 is not available: %s\n", SDL_GetError());
        return 1;
    }
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr; // layout is not persisted to a file (there is none in a browser tab)
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    ImGui_ImplSDL2_InitForOpenGL(g_window, g_gl);
    ImGui_ImplOpenGL3_Init("#version 300 es");
    pointer_init();
    // Clipboard through the browser (SDL's is internal to the page under emscripten): copying
    // writes to the system clipboard; pasting arrives from the page's paste event (bs_paste), so
    // ImGui's own Ctrl+V must paste nothing.
    io.SetClipboardTextFn = [](void*, const char* text) { platform_copy_to_clipboard(text); };
    io.GetClipboardTextFn = [](void*) -> const char* { return ""; };
    g_dark = platform_prefers_dark();
    apply_theme(g_dark);
    text_input_init();
    fonts_update(platform_device_pixel_ratio());
    emscripten_set_main_loop(frame, 0, false);
    return 0;
}
