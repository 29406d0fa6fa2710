// Keyboard helpers. imgui 1.86 indexes keys by the backend's codes (SDL scancodes): ImGuiKey_*
// values must go through GetKeyIndex, and letters have no ImGuiKey at all.
#pragma once

#include <SDL_scancode.h>
#include <imgui.h>

inline bool key_pressed(ImGuiKey key, bool repeat = true) {
    return ImGui::IsKeyPressed(ImGui::GetKeyIndex(key), repeat);
}

// A letter or other key by SDL scancode, only when no text box is taking the keyboard and no
// modifier is held (so "n" in the search box types an n, and Ctrl+N stays the browser's).
inline bool shortcut_pressed(SDL_Scancode code) {
    const ImGuiIO& io = ImGui::GetIO();
    return !io.WantTextInput && !io.KeyCtrl && !io.KeyAlt && !io.KeySuper && ImGui::IsKeyPressed(code, true);
}
