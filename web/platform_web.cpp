// The browser side of the app: functions the page's JS calls (exported), and the few things only
// the browser can do (file picker, clipboard, colour scheme). Each quirk is explained where it
// is handled; the JS half is shell/broadsheet.js.
#include "alloc_fault.hpp"
#include "app.hpp"
#include "ime.hpp"

#include <SDL.h>
#include <emscripten.h>
#include <imgui.h>
#include <imgui_internal.h> // ClearActiveID

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

extern SDL_Window* g_window; // main.cpp

// SDL2 never emits SDL_DROPFILE under emscripten (emscripten #6839), so dropped and picked files
// come in here from JS. Takes ownership of `data` (allocated with malloc by JS).
extern "C" EMSCRIPTEN_KEEPALIVE void bs_import_file(const char* name, uint8_t* data, size_t size) {
    alloc_fault_arm(AllocFaultSite::import);
    try { // an exception must not cross into JS: it would end the batch and leave `data` behind
        app().import_file(name, std::string_view(reinterpret_cast<const char*>(data), size));
    } catch (const std::bad_alloc&) { // copying the name, before import_file could record it
        try {
            app().import_failed(name, "out of memory: this file did not fit in the tab's memory");
        } catch (const std::bad_alloc&) {
        }
    }
    alloc_fault_disarm();
    std::free(data);
    request_redraw();
}

// Test hook (setArticleLimit): the library's limit on articles, lowered so a test can reach it;
// 0 puts back broadsheet::kMaxArticles.
extern "C" EMSCRIPTEN_KEEPALIVE void bs_set_article_limit(double n) {
    app().max_articles = n >= 1 && n < double(broadsheet::kMaxArticles) ? size_t(n) : broadsheet::kMaxArticles;
}

// The largest file the core imports (broadsheet::kMaxImportBytes): the page refuses bigger files
// by their size, without reading them into memory first.
extern "C" EMSCRIPTEN_KEEPALIVE double bs_max_import_bytes() { return double(broadsheet::kMaxImportBytes); }

// A file the page could not hand over (the browser could not read it, or no memory for it).
extern "C" EMSCRIPTEN_KEEPALIVE void bs_import_failed(const char* name, const char* why) {
    app().import_failed(name, why);
    request_redraw();
}

// Progress of the batch being imported: `done` of `total` files.
extern "C" EMSCRIPTEN_KEEPALIVE void bs_import_progress(int done, int total) {
    app().status.files_done = done;
    app().status.files_total = total;
    request_redraw();
}

// The page asks before each file whether the user cancelled the batch.
extern "C" EMSCRIPTEN_KEEPALIVE int bs_import_cancel_requested() { return app().status.cancel_requested ? 1 : 0; }

// JS calls this after the last file of a drop or a pick.
extern "C" EMSCRIPTEN_KEEPALIVE void bs_import_done() {
    app().end_import_batch();
    request_redraw();
}

// The JSON behind window.broadsheet.state(); valid until the next call.
extern "C" EMSCRIPTEN_KEEPALIVE const char* bs_state_json() {
    static std::string json;
    json = app().state_json();
    return json.c_str();
}

// The page's screen-reader mirrors (shell/broadsheet.js): the open article, and a summary.
extern "C" EMSCRIPTEN_KEEPALIVE const char* bs_open_json() {
    static std::string json;
    json = app().open_json();
    return json.c_str();
}
extern "C" EMSCRIPTEN_KEEPALIVE const char* bs_results_json() {
    static std::string json;
    json = app().results_json();
    return json.c_str();
}
extern "C" EMSCRIPTEN_KEEPALIVE const char* bs_summary_json() {
    static std::string json;
    json = app().summary_json();
    return json.c_str();
}

// Test hook (frameTimes): the frames since the last call, and the median, 95th percentile and
// longest of their app time and WebGL time in ms (main.cpp); then starts counting again.
extern std::vector<float> g_frame_app_ms, g_frame_gl_ms;
extern "C" EMSCRIPTEN_KEEPALIVE const char* bs_frame_times_json() {
    static std::string json;
    auto stats = [](std::vector<float>& v) {
        if (v.empty()) return std::string("{\"p50\":0,\"p95\":0,\"max\":0}");
        std::sort(v.begin(), v.end());
        char buf[96];
        std::snprintf(buf, sizeof buf, "{\"p50\":%.2f,\"p95\":%.2f,\"max\":%.2f}", v[v.size() / 2],
                      v[std::min(v.size() - 1, v.size() * 95 / 100)], v.back());
        return std::string(buf);
    };
    json = "{\"frames\":" + std::to_string(g_frame_app_ms.size()) + ",\"app\":" + stats(g_frame_app_ms) +
           ",\"gl\":" + stats(g_frame_gl_ms) + "}";
    g_frame_app_ms.clear();
    g_frame_gl_ms.clear();
    return json.c_str();
}

extern "C" EMSCRIPTEN_KEEPALIVE int bs_open_article(uint32_t id) {
    request_redraw();
    return app().open_article(id) ? 1 : 0;
}

// A link's view (the URL hash): the query in the search box and run in the results' order (0 best
// first, 1 newest, 2 oldest first), then the article; when the query finds it, as its hit (the
// hits highlighted in the reader), else as a plain article.
extern "C" EMSCRIPTEN_KEEPALIVE void bs_search(const char* query);

extern "C" EMSCRIPTEN_KEEPALIVE int bs_open_link(const char* query, uint32_t id, int order) {
    App& a = app();
    if (order >= 0 && order <= 2) set_result_order(a, broadsheet::search::ResultOrder(order));
    if (a.search.ran != query || a.search.stale) bs_search(query);
    request_redraw();
    for (size_t row = 0; id != 0 && row < a.search.rows.size(); ++row)
        if (a.search.rows[row].id == id) {
            a.open_result(row);
            return 1;
        }
    if (a.open_article(id)) return 1;
    // Not in this library (a link made in another browser, or to an article since removed): the
    // reader says so rather than go on showing the article open before.
    a.open_article(0);
    a.reader.missing = id;
    return 0;
}

// The query the search box last ran, for the URL hash.
extern "C" EMSCRIPTEN_KEEPALIVE const char* bs_query() { return app().search.ran.c_str(); }
// ... and the order of its results (0 best first, 1 newest, 2 oldest first).
extern "C" EMSCRIPTEN_KEEPALIVE int bs_result_order() { return int(app().search.order); }

// Files are being dragged over the page (1) or left it (0): the UI shows a drop target.
extern "C" EMSCRIPTEN_KEEPALIVE void bs_set_drag_active(int active) {
    app().drag_active = active != 0;
    request_redraw();
}

// The canvas does not follow the window by itself (imgui PR #6751, SDL #11949): JS calls this on
// every resize, and SDL resizes the canvas' backing store to CSS size x devicePixelRatio.
extern "C" EMSCRIPTEN_KEEPALIVE void bs_resize(int width, int height) {
    if (g_window) SDL_SetWindowSize(g_window, width, height);
    request_redraw();
}

// Start-up, before the saved library is restored: the articles the page was published with
// (build-wasm.sh --corpus), already unpacked by the page. Takes ownership of both buffers.
extern "C" EMSCRIPTEN_KEEPALIVE void bs_set_bundle(const char* title, int count, int autoload, char* articles,
                                                   size_t articles_size, char* index, size_t index_size) {
    auto& b = app().bundle;
    b.title = title;
    b.count = count > 0 ? size_t(count) : 0;
    b.autoload = autoload != 0;
    b.articles.assign(articles, articles_size);
    b.index.assign(index, index_size);
    std::free(articles);
    std::free(index);
    request_redraw();
}

// "Export workspace" (the test hook's exportWorkspace()): downloads the workspace file.
extern "C" EMSCRIPTEN_KEEPALIVE void bs_export_workspace() { app().export_workspace(); }

// "Open the sample articles" (the test hook's openBundle()); 1 if they were added.
extern "C" EMSCRIPTEN_KEEPALIVE int bs_open_bundle() {
    request_redraw();
    return app().open_bundle() ? 1 : 0;
}

// Start-up: one saved article (JSON from article_to_json) under its id. Returns 1 if read.
extern "C" EMSCRIPTEN_KEEPALIVE int bs_restore_article(uint32_t id, const char* json) {
    return app().restore_article(id, json) ? 1 : 0;
}

// Start-up: the saved library has been read back (available = 0: the browser gave no storage;
// `foreign`: records the page itself found unreadable, e.g. not text).
extern "C" EMSCRIPTEN_KEEPALIVE void bs_restore_done(int available, int foreign) {
    auto& st = app().storage;
    st.unreadable += foreign;
    st.restoring = false;
    st.available = available != 0;
    if (app().corpus.empty() && app().bundle.autoload) app().open_bundle();
    if (!app().corpus.empty() && app().reader.open == 0) app().open_article(app().corpus.ids().front());
    try {
        app().index.trim(); // for the first prefix search, and memory (see App::end_import_batch)
    } catch (const std::bad_alloc&) {
    }
    if (memory_low()) memory_recovered();
    request_redraw();
}

// A save failed (quota exceeded, storage blocked); empty message: saves work again.
extern "C" EMSCRIPTEN_KEEPALIVE void bs_storage_error(const char* message) {
    app().storage.error = message;
    request_redraw();
}

// The confirmed "Clear all" (the test hook's clearAll()).
extern "C" EMSCRIPTEN_KEEPALIVE void bs_clear_all() {
    app().clear_all();
    request_redraw();
}

// Text from a real paste event (browsers allow reading the clipboard only there): typed into
// the focused text box, or, with none focused, offered as a new article.
extern "C" EMSCRIPTEN_KEEPALIVE void bs_paste(const char* text) {
    App& a = app();
    if (ImGui::GetIO().WantTextInput) {
        text_input_paste(text);
    } else {
        a.paste.text = text;
        a.paste.open_requested = true;
    }
    request_redraw();
}

// The test hook's showTab(name): "reader", "analysis", "corpus" (or, in the narrow layout,
// "library"), as a click on the tab does.
extern "C" EMSCRIPTEN_KEEPALIVE void bs_show_tab(int tab) {
    app().right_tab_request = tab == 3   ? RightTab::Library
                              : tab == 2 ? RightTab::Corpus
                              : tab == 1 ? RightTab::Analysis
                                         : RightTab::Reader;
    app().right_tab_requested = true;
    request_redraw();
}

// The test hook's search(q): types the query into the box and runs it.
extern "C" EMSCRIPTEN_KEEPALIVE void bs_search(const char* query) {
    auto& st = app().search;
    // A box being edited keeps its own copy of the text and would write it back: let it go, so
    // the query set here is the one it shows (it reads the query again when next activated).
    if (st.box_was_active) {
        ImGui::ClearActiveID();
        st.box_was_active = false;
    }
    set_search_query(app(), query);
    app().run_search();
    request_redraw();
}

// The test hook's sortResults(order): 0 best first, 1 newest first, 2 oldest first, as the menu
// above the results does; runs again at once.
extern "C" EMSCRIPTEN_KEEPALIVE void bs_sort_results(int order) {
    if (order < 0 || order > 2) return;
    set_result_order(app(), broadsheet::search::ResultOrder(order));
    app().run_search();
}

// The test hook's showMoreResults(): the "Show more" button under the results; runs again at once.
extern "C" EMSCRIPTEN_KEEPALIVE void bs_show_more_results() {
    show_more_results(app());
    if (app().search.stale) app().run_search();
}

// The test hook's facets(): the search results' facets, counted if they were not yet (as
// opening the Sources or Dates menu does); state().search.facets then has them.
extern "C" EMSCRIPTEN_KEEPALIVE void bs_count_facets() {
    result_facets(app());
    request_redraw();
}

// The test hook's narrowSearch(kind, value): the choice of a source (kind 0) or a year or month
// (kind 1) in the menus above the results; runs again at once.
extern "C" EMSCRIPTEN_KEEPALIVE void bs_narrow_search(int kind, const char* value) {
    if (!value || (kind != 0 && kind != 1) || text_is_blank(app().search.ran)) return;
    narrow_search(app(), kind == 0, value);
    request_redraw();
}

// The test hook's toggleCopies(i): the "+N more with this text" line under the i-th result row.
extern "C" EMSCRIPTEN_KEEPALIVE void bs_toggle_copies(int row) {
    if (row >= 0) toggle_copies(app(), size_t(row));
}

// The test hook's exportResults(format): the Export menu's CSV (1) or JSON (0).
extern "C" EMSCRIPTEN_KEEPALIVE void bs_export_results(int csv) { export_results(app(), csv != 0); }

// The test hook's openResult(i): opens the i-th hit, as a click on it does.
extern "C" EMSCRIPTEN_KEEPALIVE int bs_open_result(int row) {
    if (row < 0 || size_t(row) >= app().search.rows.size()) return 0;
    app().open_result(size_t(row));
    request_redraw();
    return 1;
}

// Something outside SDL's events changed what should be drawn (e.g. the colour scheme).
extern "C" EMSCRIPTEN_KEEPALIVE void bs_wake() { request_redraw(); }

EM_JS(void, js_open_file_picker, (), {
    if (Module.broadsheetPickFiles) Module.broadsheetPickFiles();
});

EM_JS(void, js_open_folder_picker, (), {
    if (Module.broadsheetPickFolder) Module.broadsheetPickFolder();
});

EM_JS(void, js_show_article, (uint32_t id), {
    if (Module.broadsheetShowArticle) Module.broadsheetShowArticle(id);
});

EM_JS(void, js_copy_to_clipboard, (const char* text), {
    const s = UTF8ToString(text);
    if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(s).catch(() => {});
});

// A link the user clicked (the reader draws it as a link, with its address on hover): only http(s)
// addresses, in a new tab that cannot reach back into this one (noopener) and is not told where
// it came from (noreferrer).
EM_JS(void, js_open_link, (const char* url), {
    const s = UTF8ToString(url);
    const l = s.toLowerCase(); // (no regular expression: EM_JS would drop its backslashes)
    if ((l.startsWith('http://') || l.startsWith('https://')) && l.indexOf(' ') < 0) window.open(s, '_blank', 'noopener,noreferrer');
});

EM_JS(int, js_prefers_dark, (), {
    return window.matchMedia && window.matchMedia('(prefers-color-scheme: dark)').matches ? 1 : 0;
});

EM_JS(double, js_device_pixel_ratio, (), { return window.devicePixelRatio || 1; });
EM_JS(int, js_window_width, (), { return window.innerWidth; });
EM_JS(int, js_window_height, (), { return window.innerHeight; });

EM_JS(void, js_store_put, (uint32_t id, const char* json), {
    if (Module.broadsheetStore) Module.broadsheetStore.put(id, UTF8ToString(json));
});
EM_JS(void, js_store_delete, (uint32_t id), {
    if (Module.broadsheetStore) Module.broadsheetStore.remove(id);
});
EM_JS(void, js_store_clear, (), {
    if (Module.broadsheetStore) Module.broadsheetStore.clear();
});

void platform_store_put(broadsheet::ArticleId id, const std::string& json) { js_store_put(id, json.c_str()); }
void platform_store_delete(broadsheet::ArticleId id) { js_store_delete(id); }
void platform_store_clear() { js_store_clear(); }
EM_JS(void, js_drop_unreadable, (), { broadsheetStorage.dropUnreadable(); });
void platform_drop_unreadable() { js_drop_unreadable(); }
void platform_open_file_picker() { js_open_file_picker(); }
void platform_open_link(const std::string& url) {
    if (is_openable_link(url)) js_open_link(url.c_str());
}
void platform_open_folder_picker() { js_open_folder_picker(); }
void platform_show_article(broadsheet::ArticleId id) { js_show_article(id); }
EM_JS(void, js_show_results, (), {
    if (Module.broadsheetShowResults) Module.broadsheetShowResults();
});
void platform_show_results() { js_show_results(); }
// The bytes go into the file as they are (a decode and encode would drop a byte order mark).
EM_JS(void, js_download, (const char* name, const char* mime, const char* text, size_t size), {
    const blob = new Blob([HEAPU8.slice(text, text + size)], {type: UTF8ToString(mime) + ';charset=utf-8'});
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = UTF8ToString(name);
    document.body.appendChild(a);
    a.click();
    setTimeout(() => { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
});

void platform_download(const std::string& name, const std::string& mime, const std::string& text) {
    js_download(name.c_str(), mime.c_str(), text.data(), text.size());
}
void platform_copy_to_clipboard(const std::string& text) { js_copy_to_clipboard(text.c_str()); }
bool platform_prefers_dark() { return js_prefers_dark() != 0; }
float platform_device_pixel_ratio() { return float(js_device_pixel_ratio()); }
void platform_window_size(int& width, int& height) {
    width = js_window_width();
    height = js_window_height();
}
