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
// clicks, a long press (half a second, unmoved) is a right click for the context menus.
#include "pointer.hpp"

#include <emscripten/html5.h>
#include <imgui.h>

#include <algorithm>
#include <cmath>

void request_redraw(); // main.cpp

namespace {

constexpr const char* kCanvas = "#canvas";
constexpr float kTapSlop = 10;        // CSS px a finger may wander and still tap
constexpr double kLongPress = 0.5;    // s, unmoved, for a right click
constexpr float kFlingMin = 60;       // px/s below which a released drag stops at once
constexpr float kFlingStop = 20;      // px/s at which a glide ends
constexpr float kFlingTimeConstant = 0.325f; // s: the glide slows like iOS's (velocity * e^(-t/T))

// Wheel deltas in CSS pixels, gathered between frames.
float g_wheel_x = 0, g_wheel_y = 0;

enum class Touch { None, Pending, Dragging, Gliding, Tap, LongPress };

struct TouchState {
    Touch phase = Touch::None;
    SDL_FingerID finger = 0;
    ImVec2 start, at;      // CSS px
    double started = 0;    // s
    ImVec2 pending_move;   // px moved since the last frame (to scroll)
    ImVec2 velocity;       // px/s, smoothed over the last moves
    double last_move = 0;  // s
    int click_frames = 0;  // a tap or long press: 2 = button down this frame, 1 = up
    int click_button = 0;
    bool lifted = false;   // the finger went up during a long press's click
} g_touch;

// Seconds on SDL's clock, which stamps each event as the page receives it (frames can be far
// apart: the gesture's timing is the events', not the frames').
double now_s() { return SDL_GetTicks() / 1000.0; }
double event_s(const SDL_TouchFingerEvent& f) { return f.timestamp / 1000.0; }

// The height of a line of text and of imgui's wheel step, in CSS px.
float font_px() {
    const ImGuiIO& io = ImGui::GetIO();
    const ImFont* f = io.FontDefault ? io.FontDefault : (io.Fonts->Fonts.Size ? io.Fonts->Fonts[0] : nullptr);
    return (f ? f->FontSize : 13.0f) * io.FontGlobalScale;
}
// imgui scrolls a window by `wheel * 5 * font size` (less in a window under 7.5 lines high).
float wheel_step_px() { return std::floor(5 * font_px()); }

EM_BOOL on_wheel(int, const EmscriptenWheelEvent* e, void*) {
    // Ctrl+wheel is the browser's zoom (the page follows the new pixel ratio): left to it.
    if (e->mouse.ctrlKey) return EM_FALSE;
    float unit = 1;
    switch (e->deltaMode) {
    case DOM_DELTA_LINE: unit = ImGui::GetTextLineHeightWithSpacing(); break;
    case DOM_DELTA_PAGE: unit = ImGui::GetIO().DisplaySize.y * 0.8f; break;
    default: break; // pixels
    }
    g_wheel_x += float(e->deltaX) * unit;
    g_wheel_y += float(e->deltaY) * unit;
    request_redraw();
    return EM_TRUE; // the page itself must not scroll or bounce
}

ImVec2 finger_pos(const SDL_TouchFingerEvent& f) {
    const ImVec2 size = ImGui::GetIO().DisplaySize;
    return ImVec2(f.x * size.x, f.y * size.y);
}

} // namespace

void pointer_init() {
    // SDL registered its own handler on the canvas; a null callback removes every wheel handler
    // there, then ours takes its place.
    emscripten_set_wheel_callback(kCanvas, nullptr, EM_TRUE, nullptr);
    emscripten_set_wheel_callback(kCanvas, nullptr, EM_TRUE, on_wheel);
    SDL_SetHint(SDL_HINT_TOUCH_MOUSE_EVENTS, "0");
}

bool pointer_event(const SDL_Event& e) {
    auto& t = g_touch;
    switch (e.type) {
    case SDL_FINGERDOWN:
        if (t.phase == Touch::Pending || t.phase == Touch::Dragging) return true; // one finger at a time
        t = TouchState{};
        t.phase = Touch::Pending;
        t.finger = e.tfinger.fingerId;
        t.start = t.at = finger_pos(e.tfinger);
        t.started = t.last_move = event_s(e.tfinger);
        return true;
    case SDL_FINGERMOTION: {
        if (e.tfinger.fingerId != t.finger || (t.phase != Touch::Pending && t.phase != Touch::Dragging)) return true;
        ImVec2 p = finger_pos(e.tfinger);
        if (t.phase == Touch::Pending) {
            float dx = p.x - t.start.x, dy = p.y - t.start.y;
            if (dx * dx + dy * dy < kTapSlop * kTapSlop) return true;
            t.phase = Touch::Dragging;
        }
        ImVec2 d(p.x - t.at.x, p.y - t.at.y);
        t.pending_move.x += d.x;
        t.pending_move.y += d.y;
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
        } else if (t.phase == Touch::Pending) {
            t.phase = Touch::Tap;
            t.click_button = 0;
            t.click_frames = 2;
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

bool pointer_new_frame() {
    ImGuiIO& io = ImGui::GetIO();
    auto& t = g_touch;
    // The wheel, in imgui's steps.
    const float step = wheel_step_px();
    if (g_wheel_x != 0 || g_wheel_y != 0) {
        io.MouseWheel -= g_wheel_y / step;
        io.MouseWheelH -= g_wheel_x / step;
        g_wheel_x = g_wheel_y = 0;
    }
    bool more = false;
    switch (t.phase) {
    case Touch::None: return false;
    case Touch::Pending:
        io.MousePos = t.at;
        if (now_s() - t.started >= kLongPress) {
            t.phase = Touch::LongPress;
            t.click_button = 1;
            t.click_frames = 2;
        }
        more = true; // to see the long press come
        break;
    case Touch::Dragging:
        // The content follows the finger: a drag upwards scrolls down. The pointer stays where
        // the drag began, so the same panel keeps scrolling.
        io.MousePos = t.start;
        io.MouseWheel += t.pending_move.y / step;
        io.MouseWheelH += t.pending_move.x / step;
        t.pending_move = ImVec2(0, 0);
        break;
    case Touch::Gliding: {
        io.MousePos = t.start;
        float dt = std::clamp(io.DeltaTime, 0.001f, 0.1f);
        io.MouseWheel += t.velocity.y * dt / step;
        io.MouseWheelH += t.velocity.x * dt / step;
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
        if (--t.click_frames == 0) {
            // A long press's finger, still down, may go on to scroll; a tap is over.
            if (t.phase == Touch::LongPress && !t.lifted) {
                t.phase = Touch::Dragging;
                t.start = t.at;
            } else {
                t.phase = Touch::None;
            }
        }
        more = true;
        break;
    }
    return more;
}
