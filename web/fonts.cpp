// The font atlas (see fonts.hpp): the embedded Noto Sans faces, with the CJK characters in use
// merged in from DroidSansFallback.
#include "fonts.hpp"

#include "app.hpp"

#include <emscripten.h>
#include <imgui.h>
#include <imgui_impl_opengl3.h>

#include <GLES3/gl3.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <vector>

namespace {

// Glyphs baked from Noto Sans, from BROADSHEET_GLYPH_RANGES ("U+0020-02FF,U+2212,..."; the fonts
// are cut down to the same list at build time, web/CMakeLists.txt): Latin with its extensions,
// Greek, Cyrillic, punctuation, currency, letterlike symbols, arrows.
const ImWchar* latin_ranges() {
    static std::vector<ImWchar> ranges = [] {
        std::vector<ImWchar> out;
        const char* s = BROADSHEET_GLYPH_RANGES;
        while (*s) {
            if (s[0] == 'U' && s[1] == '+') s += 2;
            char* e = nullptr;
            unsigned long lo = std::strtoul(s, &e, 16), hi = lo;
            if (*e == '-') hi = std::strtoul(e + 1, &e, 16);
            out.push_back(ImWchar(lo));
            out.push_back(ImWchar(hi));
            s = *e == ',' ? e + 1 : e;
        }
        out.push_back(0);
        return out;
    }();
    return ranges.data();
}

// The blocks taken from the CJK font: Hangul Jamo, CJK radicals and symbols (、。「」), kana,
// Bopomofo, Hangul, the unified ideographs with extension A, compatibility and full-width forms
// (，！（）). Only the basic plane: imgui 1.86's ImWchar is 16 bits.
bool is_cjk(uint32_t c) {
    return (c >= 0x1100 && c <= 0x11FF) || (c >= 0x2E80 && c <= 0x2FFF) || (c >= 0x3000 && c <= 0x9FFF) ||
           (c >= 0xA960 && c <= 0xA97F) || (c >= 0xAC00 && c <= 0xD7FF) || (c >= 0xF900 && c <= 0xFAFF) ||
           (c >= 0xFE10 && c <= 0xFE1F) || (c >= 0xFE30 && c <= 0xFE6F) || (c >= 0xFF00 && c <= 0xFFEF);
}

struct CjkFont {
    void* data = nullptr; // the font file, from the page (malloc'd; kept for the page's life)
    size_t size = 0;
    std::vector<uint32_t> uses;  // by code point: how often it occurs in the text seen
    size_t wanted = 0;           // distinct CJK characters seen
    bool new_chars = false;      // characters seen that the atlas does not have yet
    double new_since = 0;        // when the first of them was seen (ms)
    double built_at = -1e9;      // when the atlas was last built (ms)
    std::vector<ImWchar> ranges; // what the atlas holds, as imgui glyph ranges
    size_t baked = 0;            // characters in `ranges`
    broadsheet::ArticleId last_seen = 0; // articles up to this id have been counted
    std::string query, pasted;   // the typed text last counted
} g_cjk;

float g_built_dpr = 0;
bool g_rebuild_due = false;

// Calls f(c) for each CJK character of UTF-8 text. Only three-byte sequences can be CJK
// (U+1100..U+FFEF); everything else is skipped byte by byte.
template <class F>
void for_each_cjk(std::string_view text, F&& f) {
    const auto* s = reinterpret_cast<const unsigned char*>(text.data());
    const auto* end = s + text.size();
    for (; s + 2 < end; ++s) {
        if (*s < 0xE1 || *s > 0xEF || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80) continue;
        uint32_t c = (uint32_t(*s & 0x0F) << 12) | (uint32_t(s[1] & 0x3F) << 6) | uint32_t(s[2] & 0x3F);
        s += 2;
        if (is_cjk(c)) f(c);
    }
}

// Counts the CJK characters of UTF-8 text.
void count(std::string_view text, bool at_least_once_only = false) {
    auto& uses = g_cjk.uses;
    if (uses.empty()) uses.assign(0x10000, 0);
    for_each_cjk(text, [&](uint32_t c) {
        if (uses[c] == 0) {
            ++g_cjk.wanted;
            if (!g_cjk.new_chars) g_cjk.new_since = emscripten_get_now();
            g_cjk.new_chars = true;
        }
        if (!at_least_once_only) ++uses[c];
        else if (uses[c] == 0) uses[c] = 1;
    });
}

// Takes an article's CJK characters off the counts (the article leaves the library).
void uncount(std::string_view text) {
    auto& uses = g_cjk.uses;
    if (uses.empty()) return;
    for_each_cjk(text, [&](uint32_t c) {
        if (uses[c] > 0 && --uses[c] == 0) --g_cjk.wanted;
    });
}

// Every piece of an article's text that may be drawn.
template <class F>
void for_each_text(const broadsheet::Article& art, F&& f) {
    for (std::string_view t : {std::string_view(art.title), std::string_view(art.standfirst),
                               std::string_view(art.text), std::string_view(art.source), std::string_view(art.file)})
        f(t);
    for (const auto& name : art.byline) f(std::string_view(name));
    for (const auto& r : art.removed) f(std::string_view(r.text));
}

// The largest texture the atlas may take: 4096 square, or less if the GPU says so.
int max_texture_size() {
    static int size = [] {
        GLint gl = 0;
        glGetIntegerv(GL_MAX_TEXTURE_SIZE, &gl);
        return gl > 0 ? std::min(4096, int(gl)) : 4096;
    }();
    return size;
}

// The `n` most used CJK characters, as imgui glyph ranges (ascending runs, 0-terminated).
std::vector<ImWchar> most_used(size_t n) {
    std::vector<uint32_t> chars;
    for (uint32_t c = 0; c < g_cjk.uses.size(); ++c)
        if (g_cjk.uses[c]) chars.push_back(c);
    if (chars.size() > n) {
        std::nth_element(chars.begin(), chars.begin() + long(n), chars.end(), [](uint32_t a, uint32_t b) {
            return g_cjk.uses[a] != g_cjk.uses[b] ? g_cjk.uses[a] > g_cjk.uses[b] : a < b;
        });
        chars.resize(n);
        std::sort(chars.begin(), chars.end());
    }
    std::vector<ImWchar> ranges;
    for (uint32_t c : chars) {
        if (!ranges.empty() && ranges.back() + 1u == c) ranges.back() = ImWchar(c);
        else ranges.insert(ranges.end(), {ImWchar(c), ImWchar(c)});
    }
    ranges.push_back(0);
    return ranges;
}

// The five faces the app draws with, in CSS pixels; each gets the CJK characters merged in.
struct Face {
    const char* file;
    float px;
    ImFont** slot; // where App keeps it (nullptr: the default font)
};

// Builds the atlas at the screen's pixel density so text is crisp (imgui #7519): glyphs are
// rasterised at size x DPR and drawn at 1/DPR, so layout stays in CSS pixels. `cjk_chars`: how many
// of the most used CJK characters to merge in; `width`: the texture width (0: imgui chooses).
void build(float dpr, size_t cjk_chars, int width) {
    ImGuiIO& io = ImGui::GetIO();
    App& a = app();
    const Face faces[] = {{"/fonts/NotoSans-Regular.ttf", 15, nullptr},
                          {"/fonts/NotoSans-Bold.ttf", 15, &a.fonts.ui_bold},
                          {"/fonts/NotoSans-Regular.ttf", 17, &a.fonts.body},
                          {"/fonts/NotoSans-Bold.ttf", 17, &a.fonts.body_bold},
                          {"/fonts/NotoSans-Bold.ttf", 26, &a.fonts.headline}};
    g_cjk.ranges = g_cjk.data ? most_used(cjk_chars) : std::vector<ImWchar>{0};
    g_cjk.baked = 0;
    for (size_t i = 0; i + 1 < g_cjk.ranges.size(); i += 2) g_cjk.baked += size_t(g_cjk.ranges[i + 1] - g_cjk.ranges[i]) + 1;

    io.Fonts->Clear();
    io.Fonts->TexDesiredWidth = width;
    io.Fonts->Flags |= ImFontAtlasFlags_NoPowerOfTwoHeight; // WebGL 2 takes any height; it is the limit that counts
    ImFontConfig cfg;
    cfg.OversampleH = 1; // at DPR >= 1 the atlas is already at device resolution
    cfg.PixelSnapH = true;
    ImFontConfig cjk = cfg;
    cjk.MergeMode = true;
    cjk.FontDataOwnedByAtlas = false; // one copy of the file serves every face
    cjk.GlyphRanges = g_cjk.ranges.data();
    for (const Face& f : faces) {
        ImFont* font = io.Fonts->AddFontFromFileTTF(f.file, f.px * dpr, &cfg, latin_ranges());
        if (!font) {
            std::fprintf(stderr, "broadsheet: cannot load font %s\n", f.file);
            font = io.Fonts->AddFontDefault();
        }
        if (g_cjk.baked) io.Fonts->AddFontFromMemoryTTF(g_cjk.data, int(g_cjk.size), f.px * dpr, &cjk);
        if (f.slot) *f.slot = font;
        else io.FontDefault = font;
    }
    io.FontGlobalScale = 1.0f / dpr;
    io.Fonts->Build();
    // U+00AD SOFT HYPHEN is a hint where a word may break, kept in the text as the page had it
    // (German pages put it in long words), never a visible character: Noto draws it as a hyphen
    // ("Deutsch-land"). Here it takes no room and draws nothing, wherever text is drawn.
    for (ImFont* font : io.Fonts->Fonts) {
        for (ImFontGlyph& g : font->Glyphs)
            if (g.Codepoint == 0xAD) g.Visible = 0, g.AdvanceX = 0, g.X0 = g.X1 = 0;
        font->BuildLookupTable();
    }
}

// Texels the atlas' glyphs take, with one of padding: the CJK ones, or all the others.
double glyph_area(bool cjk) {
    const ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    double area = 0;
    for (const ImFont* font : atlas->Fonts)
        for (const ImFontGlyph& g : font->Glyphs)
            if (is_cjk(g.Codepoint) == cjk)
                area += ((g.U1 - g.U0) * atlas->TexWidth + 1) * ((g.V1 - g.V0) * atlas->TexHeight + 1);
    return area;
}

} // namespace

void fonts_collect(const App& a) {
    const auto& ids = a.corpus.ids();
    // Ids only grow (Corpus never gives one twice), so the new articles are at the end.
    for (size_t i = ids.size(); i > 0 && ids[i - 1] > g_cjk.last_seen; --i) {
        const broadsheet::Article* art = a.corpus.find(ids[i - 1]);
        if (art) for_each_text(*art, [](std::string_view t) { count(t); });
    }
    if (!ids.empty()) g_cjk.last_seen = std::max(g_cjk.last_seen, ids.back());
    // What is being typed counts once per character, however often it is retyped.
    if (g_cjk.query != a.search.query) {
        g_cjk.query = a.search.query;
        count(g_cjk.query, true);
    }
    if (g_cjk.pasted != a.paste.text) {
        g_cjk.pasted = a.paste.text;
        count(g_cjk.pasted, true);
    }
}

void fonts_forget(broadsheet::ArticleId id, const broadsheet::Article& art) {
    if (id > g_cjk.last_seen) return; // never counted
    for_each_text(art, uncount);
}

void fonts_forget_all() {
    std::fill(g_cjk.uses.begin(), g_cjk.uses.end(), 0);
    g_cjk.wanted = 0;
    g_cjk.query.clear(); // the query and the paste box count again, once
    g_cjk.pasted.clear();
}

bool fonts_rebuild_due() {
    // The characters of one import arrive over many frames: wait a quarter second for the rest,
    // and rebuild at most every 1.5 seconds (a rebuild bakes thousands of glyphs).
    double now = emscripten_get_now();
    g_rebuild_due = g_cjk.data && g_cjk.new_chars && now - g_cjk.new_since >= 250 && now - g_cjk.built_at >= 1500;
    return g_rebuild_due;
}

float fonts_built_dpr() { return g_built_dpr; }

bool fonts_update(float dpr) {
    if (dpr == g_built_dpr && !g_rebuild_due) return false;
    // Each CJK character is baked once per face at about its size x DPR squared (plus padding).
    // A first guess of how many fit: rect packing fills ~85% of the texture, less what the other
    // glyphs took in the last build (scaled to this DPR).
    const int max_tex = max_texture_size();
    double per_char = 0;
    for (double px : {15.0, 15.0, 17.0, 17.0, 26.0}) per_char += (px * dpr + 2) * (px * dpr + 2);
    double others = g_built_dpr > 0 ? glyph_area(false) * (dpr / g_built_dpr) * (dpr / g_built_dpr) : 0;
    double room = 0.85 * max_tex * max_tex - others;
    size_t n = std::min(g_cjk.wanted, size_t(std::max(0.0, room / per_char)));
    int width = 0;
    build(dpr, n, width);
    const ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    // Too big: first the widest texture, then fewer characters (the least used go) by the rows
    // it overflows, until it fits.
    for (int tries = 0; (atlas->TexWidth > max_tex || atlas->TexHeight > max_tex) && n > 0 && tries < 8; ++tries) {
        if (width == 0 && atlas->TexWidth < max_tex) {
            width = max_tex;
        } else {
            double excess = double(atlas->TexHeight - max_tex) * atlas->TexWidth;
            n -= std::min(n, size_t(excess / per_char * 1.15) + 8);
        }
        build(dpr, n, width);
    }
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
    // The GPU has the texture; the CPU copies take 5 bytes a texel. (Not on the first build: the
    // OpenGL backend uploads the texture again on its first frame.)
    if (g_cjk.baked) ImGui::GetIO().Fonts->ClearTexData();
    g_built_dpr = dpr;
    g_cjk.built_at = emscripten_get_now();
    g_cjk.new_chars = false; // characters left out by the cap wait for the next new one
    g_rebuild_due = false;
    // Glyph advances changed: the reader's wrapped lines are stale.
    app().reader.layout.width = 0;
    return true;
}

std::string fonts_state_json() {
    size_t in_atlas = 0;
    ImFont* body = app().fonts.body;
    for (size_t i = 0; body && i + 1 < g_cjk.ranges.size(); i += 2)
        for (uint32_t c = g_cjk.ranges[i]; c <= g_cjk.ranges[i + 1]; ++c)
            if (body->FindGlyphNoFallback(ImWchar(c))) ++in_atlas;
    const ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    char buf[160];
    std::snprintf(buf, sizeof buf, "{\"cjkLoaded\":%s,\"cjkWanted\":%zu,\"cjkGlyphs\":%zu,\"atlas\":[%d,%d]}",
                  g_cjk.data ? "true" : "false", g_cjk.wanted, in_atlas, atlas->TexWidth, atlas->TexHeight);
    return buf;
}

// The page hands over the CJK font once it has fetched it (in the background, while the page
// loads; never depending on what the articles hold). Takes ownership of `data` (malloc'd by JS).
extern "C" EMSCRIPTEN_KEEPALIVE void bs_set_cjk_font(void* data, size_t size) {
    if (g_cjk.data) std::free(g_cjk.data);
    g_cjk.data = data;
    g_cjk.size = size;
    // Characters already waiting are baked at once (the frame loop asks fonts_rebuild_due); with
    // none, nothing changes on screen, so no frame is drawn (an idle page stays idle).
    if (g_cjk.wanted) {
        g_cjk.new_chars = true;
        g_cjk.new_since = emscripten_get_now() - 250;
    }
}

// The test hook's state().fonts; valid until the next call.
extern "C" EMSCRIPTEN_KEEPALIVE const char* bs_fonts_json() {
    static std::string json;
    json = fonts_state_json();
    return json.c_str();
}
