// The font atlas: Noto Sans (embedded in the module) for Latin, Greek and Cyrillic, and, merged into
// it, the CJK characters the loaded articles use, from DroidSansFallback (fetched by the page while
// it loads, handed over by bs_set_cjk_font).
//
// imgui 1.86 bakes every glyph up front and has no on-demand glyphs, and the full CJK range at
// reading sizes does not fit a texture GPUs accept (imgui #1434, #3448, #6664). So the app counts
// the CJK characters of the articles as they arrive (and of the text being typed) and rebuilds the
// atlas with them, throttled, keeping the most frequent if they would not all fit 4096x4096.
#pragma once

#include <string>
#include <string_view>

#include "broadsheet/article.hpp"
#include "broadsheet/corpus.hpp"

struct App;

// Counts the CJK characters of articles added since the last call and of the query box and paste
// dialog. Cheap when nothing was added; call every frame.
void fonts_collect(const App& app);
// An article leaves the library: its characters no longer count (the atlas drops the ones no
// longer used at its next rebuild). fonts_forget_all: every article left.
void fonts_forget(broadsheet::ArticleId id, const broadsheet::Article& art);
void fonts_forget_all();
// True when new CJK characters wait to be baked and the throttle allows a rebuild now.
bool fonts_rebuild_due();
// The devicePixelRatio the atlas was built for (0: not built yet).
float fonts_built_dpr();
// Builds the atlas if it was never built, the pixel density changed, or a rebuild is due. Call
// between frames (outside NewFrame/Render). Returns true if it rebuilt.
bool fonts_update(float dpr);
// For the test hook: {"cjkLoaded", "cjkWanted", "cjkGlyphs", "atlas": [w, h]}.
std::string fonts_state_json();
