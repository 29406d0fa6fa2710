// Wheel and touch input (web/pointer.cpp): scrolling that moves as far as the browser would move
// a page, and touch gestures (drag to scroll, fling, tap to click, long press for the menu).
#pragma once

#include <SDL.h>

// Takes the canvas's wheel events from SDL (which sends horizontal deltas unscaled and imgui 1.86
// reads only the sign of each step) and turns SDL's mouse emulation of touches off; call once,
// after the window is made.
void pointer_init();
// Whether `e` was a touch or wheel event, taken here (not for imgui's backend).
bool pointer_event(const SDL_Event& e);
// Whether `e` is a wheel event from the page (pointer_init's handler puts them in SDL's queue).
bool pointer_is_wheel(const SDL_Event& e);
// Before imgui's NewFrame, after the backend's: the wheel and the touch gestures become imgui's
// mouse position, buttons and wheel. Returns whether more frames are needed (a fling going on).
bool pointer_new_frame();
// After a frame: whether a finger is down, not yet moved, over a text box (imgui showed the text
// cursor there). The page then gives its hidden text box the keyboard in the touchend handler
// itself, the only place phones open their on-screen keyboard from (web/ime.cpp).
bool pointer_finger_on_text_box();
