// Wheel and touch input.
//
// The wheel: SDL 2.26 scales the browser's vertical delta by its deltaMode but passes the
// horizontal one on in raw pixels, and imgui 1.86's SDL backend reads only the sign of each event,
// so a trackpad's many small deltas and a mouse notch scroll alike by five lines a step, and a
// fast flick no further than a slow one (imgui #4019, emscripten #6584). Here the canvas's wheel
// events come straight from the page: a delta in pixels scrolls that many pixels, in lines that
// many text lines, in pages most of the panel, as a browser scrolls a page.
//
// Touch: SDL turns a finger into a mouse, so dragging a list selected text and marked rows
// instead of scrolling it. Here a finger is read as phones read it: a drag past a few pixels
// scrolls what is under it (and keeps gliding after a quick release, slowing down), a short tap
// clicks, a long press (half a second, unmoved) is a right click for the context menus. A finger
// that starts on a scrollbar, a splitter or a column border drags it, as the mouse would.
//
// imgui scrolls by `wheel * step` (5 font sizes down, 2 sideways, less in a small window) and
// rounds the result down to a whole pixel, so fractions of a pixel a frame would be lost going
// one way and rounded up going the other: the movement is kept in pixels here and handed over a
// whole pixel at a time.
#include "pointer.hpp"

#include <emscripten/html5.h>
#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdint>
#include <cstring>

void request_redraw(); // main.cpp

namespace {

constexpr const char* kCanvas = "#canvas";
constexpr float kTapSlop = 10;        // CSS px a finger may wander and still tap
constexpr double kLongPress = 0.5;    // s, unmoved, for a right click
constexpr float kFlingMin = 60;       // px/s below which a released drag stops at once
constexpr float kFlingStop = 20;      // px/s at which a glide ends
constexpr float kFlingTimeConstant = 0.325f; // s: the glide slows like iOS's (velocity * e^(-t/T))

// Scrolling still to hand to imgui, in CSS px (positive: down / right, as the scroll offset grows).
float g_scroll_x = 0, g_scroll_y = 0;
// The last pointer was a finger: no mouse hovers until a real one moves.
bool g_touch_last = false;

enum class Touch { None, Pending, Dragging, Grabbing, Gliding, Tap, LongPress, Held };

struct TouchState {
    Touch phase = Touch::None;
    SDL_FingerID finger = 0;
    ImVec2 start, at;      // CSS px
    double started = 0;    // s
    ImVec2 velocity;       // px/s, smoothed over the last moves
    double last_move = 0;  // s
    int frames = 0;        // frames drawn with the finger down (hover known after one)
    int click_frames = 0;  // a tap or long press: 2 = button down this frame, 1 = up
    int click_button = 0;
    int grab_frames = 0;   // frames since a grab began (its first presses where the finger began)
    bool lifted = false;   // the finger went up during a long press's click
    bool stopped_glide = false; // the finger stopped a glide: lifting it clicks nothing
} g_touch;

// Seconds on SDL's clock, which stamps each event as the page receives it (frames can be far
// apart: the gesture's timing is the events', not the frames').
double now_s() { return SDL_GetTicks() / 1000.0; }
double event_s(const SDL_TouchFingerEvent& f) { return f.timestamp / 1000.0; }

float font_px() {
    const ImGuiIO& io = ImGui::GetIO();
    const ImFont* f = io.FontDefault ? io.FontDefault : (io.Fonts->Fonts.Size ? io.Fonts->Fonts[0] : nullptr);
    return (f ? f->FontSize : 13.0f) * io.FontGlobalScale;
}

// The whole pixels of `pending` as imgui wheel steps of `step` px (the rest stays pending).
// imgui's new offset is floor(offset - wheel * step): half a pixel more keeps it off the edge.
float take_whole_pixels(float& pending, float step) {
    float whole = std::trunc(pending);
    if (whole == 0) return 0;
    pending -= whole;
    return -(whole + 0.5f) / step;
}

// The SDL event type of a wheel event from the page (registered once).
Uint32 wheel_event_type() {
    static const Uint32 type = SDL_RegisterEvents(1);
    return type;
}
// A float carried in an SDL user event's pointer field, and back.
void* float_bits(float f) {
    uint32_t bits;
    std::memcpy(&bits, &f, sizeof bits);
    return reinterpret_cast<void*>(uintptr_t(bits));
}
float from_bits(const void* p) {
    auto bits = uint32_t(reinterpret_cast<uintptr_t>(p));
    float f;
    std::memcpy(&f, &bits, sizeof f);
    return f;
}

EM_BOOL on_wheel(int, const EmscriptenWheelEvent* e, void*) {
    // Ctrl+wheel is the browser's zoom (the page follows the new pixel ratio): left to it.
    if (e->mouse.ctrlKey) return EM_FALSE;
    float unit = 1;
    switch (e->deltaMode) {
    case DOM_DELTA_LINE: unit = ImGui::GetTextLineHeightWithSpacing(); break;
    case DOM_DELTA_PAGE: unit = ImGui::GetIO().DisplaySize.y * 0.8f; break;
    default: break; // pixels
    }
    // Into SDL's queue, in its place among the mouse events, so that a wheel after a click and a
    // move within one frame waits with them for the next frame (main.cpp, pump_events) and
    // scrolls the pane under the pointer as it then is.
    SDL_Event wheel{};
    wheel.type = wheel_event_type();
    wheel.user.data1 = float_bits(float(e->deltaX) * unit);
    wheel.user.data2 = float_bits(float(e->deltaY) * unit);
    SDL_PushEvent(&wheel);
    request_redraw();
    return EM_TRUE; // the page itself must not scroll or bounce
}

ImVec2 finger_pos(const SDL_TouchFingerEvent& f) {
    const ImVec2 size = ImGui::GetIO().DisplaySize;
    return ImVec2(f.x * size.x, f.y * size.y);
}

// Whether, in the last frame, the finger was over something a mouse drags: a scrollbar, or a
// splitter or column border (imgui shows a resize cursor there).
bool over_draggable() {
    const ImGuiContext& g = *ImGui::GetCurrentContext();
    ImGuiMouseCursor c = g.MouseCursor;
    if (c == ImGuiMouseCursor_ResizeEW || c == ImGuiMouseCursor_ResizeNS || c == ImGuiMouseCursor_ResizeAll ||
        c == ImGuiMouseCursor_ResizeNESW || c == ImGuiMouseCursor_ResizeNWSE)
        return true;
    ImGuiWindow* w = g.HoveredWindow;
    return w && g.HoveredId != 0 &&
           (g.HoveredId == ImGui::GetWindowScrollbarID(w, ImGuiAxis_Y) ||
            g.HoveredId == ImGui::GetWindowScrollbarID(w, ImGuiAxis_X));
}

} // namespace

void pointer_init() {
    // SDL registered its own handler on the canvas; a null callback removes every wheel handler
    // there, then ours takes its place.
    emscripten_set_wheel_callback(kCanvas, nullptr, EM_TRUE, nullptr);
    emscripten_set_wheel_callback(kCanvas, nullptr, EM_TRUE, on_wheel);
    SDL_SetHint(SDL_HINT_TOUCH_MOUSE_EVENTS, "0");
}

bool pointer_is_wheel(const SDL_Event& e) {
    return e.type == wheel_event_type();
}

bool pointer_event(const SDL_Event& e) {
    auto& t = g_touch;
    if (pointer_is_wheel(e)) {
        g_scroll_x += from_bits(e.user.data1);
        g_scroll_y += from_bits(e.user.data2);
        g_touch_last = false;
        return true;
    }
    switch (e.type) {
    case SDL_MOUSEMOTION:
    case SDL_MOUSEBUTTONDOWN:
        g_touch_last = false; // a real mouse (touches no longer make mouse events)
        return false;
    case SDL_FINGERDOWN: {
        g_touch_last = true;
        if (t.phase != Touch::None && t.phase != Touch::Gliding) return true; // one finger at a time
        // A finger that stops a glide only stops it (as on phones): lifting it clicks nothing.
        bool stopping = t.phase == Touch::Gliding && std::hypot(t.velocity.x, t.velocity.y) > 4 * kFlingStop;
        t = TouchState{};
        t.phase = Touch::Pending;
        t.finger = e.tfinger.fingerId;
        t.start = t.at = finger_pos(e.tfinger);
        t.started = t.last_move = event_s(e.tfinger);
        t.stopped_glide = stopping;
        return true;
    }
    case SDL_FINGERMOTION: {
        if (e.tfinger.fingerId != t.finger) return true;
        ImVec2 p = finger_pos(e.tfinger);
        if (t.phase == Touch::Grabbing) {
            t.at = p;
            return true;
        }
        if (t.phase != Touch::Pending && t.phase != Touch::Dragging) return true;
        if (t.phase == Touch::Pending) {
            float dx = p.x - t.start.x, dy = p.y - t.start.y;
            if (dx * dx + dy * dy < kTapSlop * kTapSlop) return true;
            // On a scrollbar or a splitter the finger drags it; elsewhere it scrolls.
            if (t.frames > 0 && over_draggable()) {
                t.phase = Touch::Grabbing;
                t.at = p;
                return true;
            }
            t.phase = Touch::Dragging;
        }
        ImVec2 d(p.x - t.at.x, p.y - t.at.y);
        // The content follows the finger: a drag upwards scrolls down.
        g_scroll_x -= d.x;
        g_scroll_y -= d.y;
        double now = event_s(e.tfinger), dt = std::max(now - t.last_move, 0.004);
        // Velocity from the last moves (recent ones count most), for the glide after release.
        const float keep = 0.3f;
        t.velocity.x = keep * t.velocity.x + (1 - keep) * float(d.x / dt);
        t.velocity.y = keep * t.velocity.y + (1 - keep) * float(d.y / dt);
        t.last_move = now;
        t.at = p;
        return true;
    }
    case SDL_FINGERUP:
        if (e.tfinger.fingerId != t.finger) return true;
        if (t.phase == Touch::LongPress) {
            t.lifted = true;
        } else if (t.phase == Touch::Held || t.phase == Touch::Grabbing) {
            t.phase = Touch::None;
        } else if (t.phase == Touch::Pending) {
            if (t.stopped_glide) {
                t.phase = Touch::None;
            } else {
                // Held long enough, even if no frame came to see it (a busy page): a right click.
                bool long_press = event_s(e.tfinger) - t.started >= kLongPress;
                t.phase = long_press ? Touch::LongPress : Touch::Tap;
                t.click_button = long_press ? 1 : 0;
                t.click_frames = 2;
                t.lifted = true;
            }
        } else if (t.phase == Touch::Dragging) {
            // A finger that stopped before lifting does not glide.
            bool moving = event_s(e.tfinger) - t.last_move < 0.1 &&
                          std::hypot(t.velocity.x, t.velocity.y) > kFlingMin;
            t.phase = moving ? Touch::Gliding : Touch::None;
        }
        return true;
    default:
        return false;
    }
}

bool pointer_finger_on_text_box() {
    return g_touch.phase == Touch::Pending && g_touch.frames > 0 && ImGui::GetMouseCursor() == ImGuiMouseCursor_TextInput;
}

bool pointer_new_frame() {
    ImGuiIO& io = ImGui::GetIO();
    auto& t = g_touch;
    bool more = false;
    switch (t.phase) {
    case Touch::None:
        if (g_touch_last) io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX); // no finger, no hover
        break;
    case Touch::Pending:
        io.MousePos = t.at;
        ++t.frames;
        if (now_s() - t.started >= kLongPress && !t.stopped_glide) {
            t.phase = Touch::LongPress;
            t.click_button = 1;
            t.click_frames = 2;
        }
        more = true; // to see the long press come
        break;
    case Touch::Dragging:
    case Touch::Held:
        // The pointer stays where the drag began, so the same panel keeps scrolling.
        io.MousePos = t.start;
        break;
    case Touch::Grabbing:
        // The press lands where the finger began (on the scrollbar or border), then follows it.
        io.MousePos = t.grab_frames++ == 0 ? t.start : t.at;
        io.MouseDown[0] = true;
        more = true;
        break;
    case Touch::Gliding: {
        io.MousePos = t.start;
        float dt = std::clamp(io.DeltaTime, 0.001f, 0.1f);
        g_scroll_x -= t.velocity.x * dt;
        g_scroll_y -= t.velocity.y * dt;
        float decay = std::exp(-dt / kFlingTimeConstant);
        t.velocity.x *= decay;
        t.velocity.y *= decay;
        if (std::hypot(t.velocity.x, t.velocity.y) < kFlingStop) t.phase = Touch::None;
        more = true;
        break;
    }
    case Touch::Tap:
    case Touch::LongPress:
        io.MousePos = t.start;
        io.MouseDown[t.click_button] = t.click_frames == 2;
        if (--t.click_frames == 0)
            // A long press's finger, still down, only lifts: moving it scrolls nothing behind
            // the menu that opened.
            t.phase = t.phase == Touch::LongPress && !t.lifted ? Touch::Held : Touch::None;
        more = true;
        break;
    }
    // The scrolling of the wheel and the finger, a whole pixel at a time.
    const float v_step = std::floor(5 * font_px()), h_step = std::floor(2 * font_px());
    io.MouseWheel += take_whole_pixels(g_scroll_y, v_step);
    io.MouseWheelH += take_whole_pixels(g_scroll_x, h_step);
    return more;
}
