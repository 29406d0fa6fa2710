#include "app.hpp"

#include "broadsheet/article_json.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>

App& app() {
    static App instance;
    return instance;
}

namespace {
void begin_batch(StatusPanelState& st) {
    if (st.batch_open) return;
    st.last_import.clear();
    st.batch_open = true;
    st.cancelled = false;
}
} // namespace

void App::import_failed(const std::string& name, const std::string& why) {
    begin_batch(status);
    status.last_import.push_back({name, 0, {}, why});
    status.show_details = true;
}

void App::end_import_batch() {
    status.batch_open = false;
    status.cancelled = status.cancel_requested && status.files_done < status.files_total;
    status.cancel_requested = false;
    status.files_done = status.files_total = 0;
}

void App::import_file(const std::string& name, std::string_view bytes) {
    begin_batch(status);
    broadsheet::ImportResult r = broadsheet::import_file(name, bytes);
    FileOutcome out{name, int(r.articles.size()), r.warnings, r.error};
    broadsheet::ArticleId first = 0;
    for (auto& a : r.articles) {
        std::string saved = broadsheet::article_to_json(a);
        auto id = corpus.add(std::move(a));
        platform_store_put(id, saved);
        if (!first) first = id;
    }
    status.last_import.push_back(std::move(out));
    if (!status.last_import.back().error.empty()) status.show_details = true;
    library.rows_dirty = true;
    // The first article of a batch opens by itself when nothing is open yet.
    if (first && reader.open == 0) open_article(first);
}

bool App::open_article(broadsheet::ArticleId id) {
    if (id == 0) { // back to no article (a link without one)
        reader.open = 0;
        return true;
    }
    if (!corpus.find(id)) return false;
    if (reader.open != id) {
        platform_show_article(id);
        reader.highlights.clear();
        reader.current = -1;
    }
    reader.open = id;
    reader.scroll_to_top = true;
    library.selected = id;
    library.scroll_to_selected = true;
    return true;
}

void App::set_highlights(std::vector<broadsheet::ByteRange> spans) {
    const auto* a = corpus.find(reader.open);
    std::sort(spans.begin(), spans.end(), [](auto x, auto y) { return x.begin < y.begin; });
    std::vector<broadsheet::ByteRange> merged;
    for (auto s : spans) {
        if (!a || s.begin >= s.end || s.end > a->text.size()) continue;
        if (!merged.empty() && s.begin <= merged.back().end) merged.back().end = std::max(merged.back().end, s.end);
        else merged.push_back(s);
    }
    reader.highlights = std::move(merged);
    reader.current = reader.highlights.empty() ? -1 : 0;
    reader.scroll_to_current = reader.current >= 0;
}

void App::step_highlight(int direction) {
    int n = int(reader.highlights.size());
    if (n == 0) return;
    reader.current = ((reader.current < 0 ? (direction > 0 ? -1 : 0) : reader.current) + direction + n) % n;
    reader.scroll_to_current = true;
}

bool App::restore_article(broadsheet::ArticleId id, std::string_view json) {
    broadsheet::Article a;
    std::string error;
    if (!broadsheet::article_from_json(json, a, error) || !corpus.restore(id, std::move(a))) {
        ++storage.unreadable;
        return false;
    }
    ++storage.restored;
    library.rows_dirty = true;
    return true;
}

void App::clear_all() {
    corpus.clear();
    platform_store_clear();
    reader.open = 0;
    library.selected = 0;
    library.rows_dirty = true;
    storage.unreadable = 0;
}

void App::remove_article(broadsheet::ArticleId id) {
    if (!corpus.remove(id)) return;
    platform_store_delete(id);
    if (reader.open == id) {
        reader.open = 0;
        platform_show_article(0);
    }
    if (library.selected == id) library.selected = 0;
    library.rows_dirty = true;
}

std::string App::state_json() const {
    using nlohmann::json;
    json articles = json::array();
    const auto& all = corpus.articles();
    const auto& ids = corpus.ids();
    for (size_t i = 0; i < all.size(); ++i) {
        const auto& a = all[i];
        articles.push_back({{"id", ids[i]},
                            {"title", a.title},
                            {"file", a.file},
                            {"byline", a.byline},
                            {"date", a.date},
                            {"paragraphs", a.paragraphs.size()}});
    }
    json open = nullptr;
    if (const auto* a = corpus.find(reader.open)) {
        json paragraphs = json::array();
        for (size_t i = 0; i < a->paragraphs.size(); ++i) paragraphs.push_back(a->paragraph(i));
        json removed = json::array();
        for (const auto& r : a->removed) removed.push_back({{"text", r.text}, {"reason", r.reason}});
        json highlights = json::array();
        for (auto h : reader.highlights) highlights.push_back({h.begin, h.end});
        open = {{"id", reader.open},
                {"highlights", highlights},
                {"currentHighlight", reader.current},      {"title", a->title},     {"standfirst", a->standfirst},
                {"byline", a->byline},    {"date", a->date},       {"file", a->file},
                {"encoding", a->encoding}, {"paragraphs", paragraphs}, {"removed", removed}};
    }
    json imports = json::array(), errors = json::array();
    for (const auto& f : status.last_import) {
        imports.push_back({{"file", f.file}, {"articles", f.articles}, {"warnings", f.warnings}, {"error", f.error}});
        if (!f.error.empty()) errors.push_back({{"file", f.file}, {"message", f.error}});
    }
    json state = {{"articles", articles},
                  {"importing", {{"done", status.files_done}, {"total", status.files_total}}},
                  {"cancelled", status.cancelled},
                  {"dialog", dialog ? json(dialog) : json(nullptr)},
                  {"pasteText", paste.text},
                  {"open", open},
                  {"selected", library.selected},
                  {"lastImport", imports},
                  {"errors", errors},
                  {"showRemoved", reader.show_removed},
                  {"storage",
                   {{"available", storage.available},
                    {"restoring", storage.restoring},
                    {"restored", storage.restored},
                    {"unreadable", storage.unreadable},
                    {"error", storage.error}}}};
    return state.dump(-1, ' ', false, json::error_handler_t::replace);
}
