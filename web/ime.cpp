// Typing into text boxes through a hidden <textarea> (imgui #4910, #3654; emscripten #12718;
// SDL #7348).
//
// Why: key events on a canvas cannot compose text. SDL2 makes SDL_TEXTINPUT from `keypress`, which
// never fires for dead keys (´ then e gives é) or an input method's composition (CJK). So while
// imgui wants text, the page focuses a hidden textarea at the caret, lets the browser compose
// there, and hands what it commits (its `input` and `compositionend` text) to bs_text_input.
// The page stops the textarea's `keypress` from reaching SDL, so each character arrives once; keys
// (arrows, Backspace, Enter, Escape, Tab, Ctrl+A/C/X/Z) still reach imgui through SDL's keydown.
// The JS half is in shell/broadsheet.js (Module.broadsheetTextInput).
//
// Phones: an on-screen keyboard opens only for a focus() made inside the touch's own event
// handler (iOS is strict about it), and imgui activates a box a frame or two after the finger has
// lifted, too late. So each frame also tells the page whether the finger now down rests on a text
// box; if it lifts there as a tap, the page focuses the textarea in its touchend handler, and the
// box that imgui activates from the tap finds the keyboard already open.
#include "ime.hpp"

#include "app.hpp"
#include "pointer.hpp"

#include <SDL.h>
#include <emscripten.h>
#include <imgui.h>

#include <cstring>
#include <string>

extern SDL_Window* g_window; // main.cpp

namespace {

ImVec2 g_caret(0, 0); // top left of the caret's line, in CSS pixels (imgui reports it when it moves)
std::string g_pasted; // pasted text for the box being edited, typed in the next frame

} // namespace

EM_JS(void, js_text_input, (int active, float x, float y, float line_height, int finger_on_box), {
    if (Module.broadsheetTextInput) Module.broadsheetTextInput(active !== 0, x, y, line_height, finger_on_box !== 0);
});

void text_input_init() {
    ImGui::GetIO().ImeSetInputScreenPosFn = [](int x, int y) { g_caret = ImVec2(float(x), float(y)); };
}

void text_input_paste(const char* text) {
    g_pasted += text;
    request_redraw();
}

// Pasting is Ctrl+V, and imgui 1.86 drops typed characters while Ctrl is down (they would be
// shortcuts): the pasted text is typed in a frame that sees Ctrl let go. The next key event sets
// Ctrl from SDL's state again.
void text_input_new_frame() {
    if (g_pasted.empty()) return;
    ImGuiIO& io = ImGui::GetIO();
    io.KeyCtrl = io.KeySuper = false;
    io.AddInputCharactersUTF8(g_pasted.c_str());
    g_pasted.clear();
}

void text_input_sync() {
    const ImGuiIO& io = ImGui::GetIO();
    float line = io.FontDefault ? io.FontDefault->FontSize * io.FontGlobalScale : 15.0f;
    js_text_input(io.WantTextInput ? 1 : 0, g_caret.x, g_caret.y, line, pointer_finger_on_text_box() ? 1 : 0);
}

// Text the page's textarea committed (typed, a dead key's letter, an input method's composition).
// It joins SDL's event queue as SDL_TEXTINPUT, so it stays in order with the keys and characters
// SDL has queued (the '/' that opened the search box, the letters typed before it took the keyboard).
extern "C" EMSCRIPTEN_KEEPALIVE void bs_text_input(const char* text) {
    constexpr size_t kRoom = sizeof(SDL_TextInputEvent::text) - 1; // 31 bytes a event
    size_t len = std::strlen(text);
    for (size_t at = 0; at < len;) {
        size_t n = len - at < kRoom ? len - at : kRoom;
        // Never split a UTF-8 sequence between two events.
        while (n < len - at && n > 0 && (static_cast<unsigned char>(text[at + n]) & 0xC0) == 0x80) --n;
        if (n == 0) break;
        SDL_Event e{};
        e.text.type = SDL_TEXTINPUT;
        e.text.timestamp = SDL_GetTicks();
        e.text.windowID = g_window ? SDL_GetWindowID(g_window) : 0;
        std::memcpy(e.text.text, text + at, n);
        e.text.text[n] = '\0';
        SDL_PushEvent(&e);
        at += n;
    }
    request_redraw();
}
