#include "app.hpp"

#include "alloc_fault.hpp"
#include "fonts.hpp"

#include "broadsheet/article_json.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <utility>

namespace {

// "1000000" -> "1,000,000".
std::string grouped(size_t n) {
    std::string s = std::to_string(n);
    for (size_t i = s.size(); i > 3; i -= 3) s.insert(i - 3, 1, ',');
    return s;
}

std::string library_full(size_t limit, size_t left, size_t found) {
    std::string out = "the library is full: it holds at most " + grouped(limit) + (limit == 1 ? " article" : " articles") + ", so ";
    if (left == found) return out + (found == 1 ? "this one was" : "these " + grouped(found) + " were") + " not added";
    return out + grouped(left) + " of this file's " + grouped(found) + " were not added";
}
} // namespace

bool text_is_blank(std::string_view s) { return s.find_first_not_of(" \t\r\n") == std::string_view::npos; }

bool is_openable_link(std::string_view url) {
    auto starts = [&](std::string_view p) {
        if (url.size() <= p.size()) return false;
        for (size_t i = 0; i < p.size(); ++i)
            if ((url[i] | 0x20) != p[i]) return false;
        return true;
    };
    if (!starts("http://") && !starts("https://")) return false;
    for (unsigned char c : url)
        if (c <= 0x20 || c == 0x7F) return false; // no spaces or controls (a javascript: inside can't run: the scheme is http)
    return true;
}

nlohmann::json corpus_json(const App& app); // corpus_panel.cpp
extern unsigned g_frames_drawn;             // main.cpp

App& app() {
    static App instance;
    return instance;
}

namespace {

// The key an article is found under in the index (and in TREC runs): its own id, or its file.
std::string_view index_key(const broadsheet::Article& a) { return a.id.empty() ? std::string_view(a.file) : a.id; }

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
    // The new words join the table that prefix and typo searches read now, not on the first key
    // typed in the search box, and the index gives back what only adding needs (Index::trim).
    try {
        index.trim();
    } catch (const std::bad_alloc&) {
        // The first prefix search will try again.
    }
    if (memory_low()) memory_recovered();
}

uint64_t App::content_key(const broadsheet::Article& a) {
    // An article opened again: from a file of the same name, the same words under the same
    // headline, from the same source, on the same date, at the same address, with the same id in
    // its dump. (The same story from another file is a copy the library shows as one, and
    // records of a dump that repeat a story under ids of their own stay apart.)
    uint64_t h = 1469598103934665603ull;
    for (std::string_view part : {std::string_view(a.file), std::string_view(a.title), std::string_view(a.text),
                                  std::string_view(a.source), std::string_view(a.date), std::string_view(a.url),
                                  std::string_view(a.standfirst), std::string_view(a.id)}) {
        h = (h ^ std::hash<std::string_view>{}(part)) * 1099511628211ull;
        h = (h ^ part.size()) * 1099511628211ull;
    }
    return h;
}

void App::count_content(const broadsheet::Article& a, int delta) {
    const uint64_t key = content_key(a);
    if (delta > 0) {
        ++content_keys[key];
    } else if (auto it = content_keys.find(key); it != content_keys.end() && --it->second == 0) {
        content_keys.erase(it);
    }
}

void App::import_file(const std::string& name, std::string_view bytes) {
    FileOutcome out;
    broadsheet::ArticleId first = 0;
    size_t found = 0;
    try {
        begin_batch(status);
        out.file = name;
        broadsheet::ImportResult r = broadsheet::import_file(name, bytes); // catches its own bad_alloc
        if (memory_low()) throw std::bad_alloc(); // it went through on the reserve (alloc_fault.cpp)
        out.warnings = std::move(r.warnings);
        out.error = std::move(r.error);
        found = r.articles.size();
        size_t held = 0; // already in the library, word for word
        for (size_t i = 0; i < r.articles.size(); ++i) {
            if (content_keys.contains(content_key(r.articles[i]))) {
                ++held;
                continue;
            }
            if (corpus.size() >= max_articles) {
                out.error = library_full(max_articles, found - size_t(out.articles) - held, found);
                break;
            }
            auto id = add_imported(std::move(r.articles[i]));
            ++out.articles;
            if (!first) first = id;
            // A workspace's marked articles are marked again.
            if (std::binary_search(r.marked.begin(), r.marked.end(), i))
                library.marked.insert(std::lower_bound(library.marked.begin(), library.marked.end(), id), id);
        }
        if (held > 0)
            out.warnings.push_back(held == found && found == 1 ? "already in the library: not added again"
                                                               : std::to_string(held) + " of " + std::to_string(found) +
                                                                     " articles already in the library: not added again");
    } catch (const std::bad_alloc&) {
        out.error = out.articles == 0 ? "out of memory: this file did not fit in the tab's memory; the library is as it was"
                                      : "out of memory after " + std::to_string(out.articles) + " of " +
                                            std::to_string(found) + " articles: those were added, the rest did not fit";
    }
    if (memory_low()) memory_recovered(); // this file's memory is freed: take the reserve back
    try {
        if (out.file.empty()) out.file = name;
        status.last_import.push_back(std::move(out));
        if (!status.last_import.back().error.empty()) status.show_details = true;
    } catch (const std::bad_alloc&) {
        // Not even the outcome fits; the library is consistent all the same.
    }
    library.library_changed();
    // The first article of a batch opens by itself when nothing is open yet.
    if (first && reader.open == 0) open_article(first);
}

broadsheet::ArticleId App::add_imported(broadsheet::Article&& a) {
    std::string saved = broadsheet::article_to_json(a); // nothing has changed yet
    broadsheet::ArticleId id = 0;
    bool counted = false;
    try {
        auto doc = index.add(a, index_key(a));
        count_content(a, +1);
        counted = true;
        id = corpus.add(std::move(a));
        doc_article.resize(std::max<size_t>(doc_article.size(), doc + 1));
        doc_article[doc] = id;
        article_doc[id] = doc;
        corpus_added(id);
        if (memory_low()) throw std::bad_alloc(); // it went through on the reserve: undone below
        platform_store_put(id, saved); // last: once stored, a reload brings it back
    } catch (const std::bad_alloc&) {
        // The index may hold part of the article: it is made again from the corpus, which does not.
        if (id) {
            corpus_removing(id);
            count_content(*corpus.find(id), -1);
            corpus.remove(id);
        } else if (counted) {
            count_content(a, -1); // not moved from yet
        }
        rebuild_index();
        throw;
    }
    search.stale = true;
    return id;
}

bool App::rebuild_index() {
    search.stale = true;
    try {
        index = broadsheet::search::Index(index.analyzer_options());
        doc_article.clear();
        article_doc.clear();
        const auto& ids = corpus.ids();
        for (size_t i = 0; i < ids.size(); ++i) {
            const broadsheet::Article& a = corpus.articles()[i];
            auto doc = index.add(a, index_key(a));
            doc_article.resize(std::max<size_t>(doc_article.size(), doc + 1));
            doc_article[doc] = ids[i];
            article_doc[ids[i]] = doc;
        }
        return true;
    } catch (const std::bad_alloc&) {
        status.last_import.push_back({"(search index)", 0, {},
                                      "out of memory while rebuilding the search index: some articles cannot be "
                                      "found until the page is reloaded (none is lost)"});
        status.show_details = true;
        return false;
    }
}

bool App::open_article(broadsheet::ArticleId id) {
    if (id == 0) { // back to no article (a link without one)
        reader.open = 0;
        reader.missing = 0;
        return true;
    }
    if (!corpus.find(id)) return false;
    reader.missing = 0;
    if (reader.open != id) {
        platform_show_article(id);
        reader.clear_marks();
    }
    reader.open = id;
    reader.scroll_to_top = true;
    library.selected = id;
    library.scroll_to_selected = true;
    return true;
}

void App::run_search() {
    namespace bs = broadsheet::search;
    auto& st = search;
    st.stale = false;
    st.selected = -1;
    const int select_after = std::exchange(st.select_after_run, -1);
    st.out_of_memory = false;
    st.rows.clear();
    st.result = {};
    alloc_fault_arm(AllocFaultSite::search);
    try {
        if (st.ran != st.query) { // a new query: its first hits, from the top of the list
            st.limit = SearchPanelState::kResultsStep;
            st.scroll_to_top = true;
        }
        st.ran = st.query;
        if (!text_is_blank(st.ran)) {
            st.result = bs::search(index, st.ran, search_options());
            for (const auto& hit : st.result.hits) {
                broadsheet::ArticleId id = hit.doc < doc_article.size() ? doc_article[hit.doc] : 0;
                const broadsheet::Article* a = corpus.find(id);
                if (!a) continue;
                st.rows.emplace_back().id = id;
                st.rows.back().score = hit.score;
            }
            fold_copies(*this);
            if (select_after >= 0 && size_t(select_after) < st.rows.size()) {
                // The first row shown from there on (the one asked for may be folded under an
                // earlier copy).
                for (int row : st.shown)
                    if (row >= select_after) {
                        st.selected = row;
                        st.scroll_to_selected = true;
                        break;
                    }
            }
        }
        if (memory_low()) throw std::bad_alloc(); // it went through on the reserve (alloc_fault.cpp)
    } catch (const std::bad_alloc&) {
        // Nothing else changed: the results go (freeing what they held) and the panel says why.
        st.rows.clear();
        st.rows.shrink_to_fit();
        st.result = {};
        st.out_of_memory = true;
    }
    alloc_fault_disarm();
    if (memory_low()) memory_recovered();
    // The open article's hits of the last query follow the new one (none once the box is empty),
    // where the reader is: it does not jump to the first.
    if (reader.search_highlights) {
        try {
            if (const broadsheet::Article* a = corpus.find(reader.open)) mark_search_hits(*a);
        } catch (const std::bad_alloc&) {
            set_highlights({});
            reader.search_highlights = true; // the next query marks them again
        }
        reader.scroll_to_current = false;
    }
    platform_show_results();
}

broadsheet::search::SearchOptions App::search_options() const {
    broadsheet::search::SearchOptions options;
    options.limit = search.limit;
    options.order = search.order;
    options.count = true; // "1,453 results", not "200+"
    options.parse.as_you_type = true;
    // A phrase's stopwords are checked in the articles ("The Guardian" is not every Guardian).
    options.article = [this](broadsheet::search::DocId d) -> const broadsheet::Article* {
        return d < doc_article.size() ? corpus.find(doc_article[d]) : nullptr;
    };
    return options;
}

uint64_t App::text_print(broadsheet::ArticleId id) {
    if (auto it = text_prints.find(id); it != text_prints.end()) return it->second;
    const broadsheet::Article* a = corpus.find(id);
    // FNV-1a over the body's words, lower-cased, one space between them: spacing, case and
    // punctuation do not count. A short body (a caption, a stub) is no one's copy: 0.
    uint64_t h = 14695981039346656037ull;
    size_t words = 0;
    bool in_word = false;
    for (char ch : a ? std::string_view(a->text) : std::string_view()) {
        const auto c = static_cast<unsigned char>(ch);
        const bool word = c >= 0x80 || std::isalnum(c);
        if (word) {
            if (!in_word && words++ > 0) h = (h ^ ' ') * 1099511628211ull;
            h = (h ^ uint8_t(std::tolower(c))) * 1099511628211ull;
        }
        in_word = word;
    }
    if (words < 20) h = 0;
    text_prints.emplace(id, h);
    return h;
}

const broadsheet::search::Snippet& App::result_snippet(size_t row) const {
    const auto& r = search.rows[row];
    if (!r.has_snippet) {
        r.has_snippet = true;
        if (const broadsheet::Article* a = corpus.find(r.id)) {
            try {
                r.snippet = broadsheet::search::make_snippet(*a, search.result.matched, index.analyzer_for(a->language));
                r.title_marks = broadsheet::search::find_highlights(a->title, search.result.matched, index.analyzer_for(a->language), broadsheet::search::Field::Title);
            } catch (const std::bad_alloc&) {
                r.snippet = {}; // no passage, only the title
                r.title_marks.clear();
            }
            if (memory_low()) memory_recovered(); // the reserve, if this spent it, is taken again
        }
    }
    return r.snippet;
}

void App::reveal_reader() {
    // The analysis follows the open article, so it stays; the corpus pane would show nothing of it.
    if (!narrow && right_tab != RightTab::Corpus) return;
    right_tab_request = RightTab::Reader;
    right_tab_requested = true;
}

void App::open_result(size_t row) {
    auto& st = search;
    if (row >= st.rows.size()) return;
    st.selected = int(row);
    broadsheet::ArticleId id = st.rows[row].id;
    if (!open_article(id)) return;
    mark_search_hits(*corpus.find(id));
    // Remember the query (latest first, once).
    auto& h = st.history;
    h.erase(std::remove(h.begin(), h.end(), st.ran), h.end());
    h.insert(h.begin(), st.ran);
    if (h.size() > 20) h.resize(20);
}

void App::mark_search_hits(const broadsheet::Article& a) {
    const auto& matched = search.result.matched;
    set_highlights(broadsheet::search::find_highlights(a.text, matched, index.analyzer_for(a.language), broadsheet::search::Field::Body));
    reader.title_highlights = broadsheet::search::find_highlights(a.title, matched, index.analyzer_for(a.language), broadsheet::search::Field::Title);
    reader.standfirst_highlights = broadsheet::search::find_highlights(a.standfirst, matched, index.analyzer_for(a.language), broadsheet::search::Field::Standfirst);
    reader.search_highlights = true;
}

void App::set_highlights(std::vector<broadsheet::ByteRange> spans) {
    const auto* a = corpus.find(reader.open);
    reader.search_highlights = false;
    reader.title_highlights.clear();
    reader.standfirst_highlights.clear();
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
    if (!broadsheet::article_from_json(json, a, error) || corpus.find(id) || id == 0) {
        ++storage.unreadable;
        return false;
    }
    // Into the library first (which refuses an id out of order), then the index: an index
    // entry to take back again would need the article, moved into the library by then.
    if (!corpus.restore(id, std::move(a))) {
        ++storage.unreadable;
        return false;
    }
    const broadsheet::Article& stored = corpus.articles().back();
    broadsheet::search::DocId doc;
    try {
        doc = index.add(stored, index_key(stored));
    } catch (...) {
        corpus.remove(id);
        throw;
    }
    count_content(stored, +1);
    doc_article.resize(doc + 1);
    doc_article[doc] = id;
    article_doc[id] = doc;
    search.stale = true;
    ++storage.restored;
    corpus_added(id);
    library.library_changed();
    return true;
}

bool App::open_bundle() {
    namespace bs = broadsheet::search;
    if (bundle.articles.empty()) return false;
    std::vector<broadsheet::Article> articles;
    std::vector<std::string_view> lines;
    std::string_view rest = bundle.articles;
    while (!rest.empty()) {
        size_t nl = rest.find('\n');
        std::string_view line = rest.substr(0, nl);
        rest.remove_prefix(nl == std::string_view::npos ? rest.size() : nl + 1);
        if (line.empty()) continue;
        broadsheet::Article a;
        std::string error;
        if (!broadsheet::article_from_json(line, a, error)) {
            bundle.error = "the published articles are damaged (article " + std::to_string(articles.size() + 1) + ": " + error + ")";
            return false;
        }
        articles.push_back(std::move(a));
        lines.push_back(line);
    }
    if (corpus.size() + articles.size() > max_articles) {
        bundle.error = library_full(max_articles, articles.size(), articles.size());
        return false;
    }
    begin_batch(status);
    // The prebuilt index fits only an empty library (its DocIds are the bundle's line numbers)
    // built with the app's analysis settings; otherwise the articles are indexed here.
    bs::LoadedIndex loaded;
    if (corpus.empty() && doc_article.empty()) loaded = bs::load_index(bundle.index);
    bool prebuilt = loaded.ok() && loaded.index && loaded.index->size() == articles.size() &&
                    loaded.index->analyzer_options() == index.analyzer_options();
    if (prebuilt) index = std::move(*loaded.index);
    broadsheet::ArticleId first = 0;
    for (size_t i = 0; i < articles.size(); ++i) {
        auto doc = prebuilt ? bs::DocId(i) : index.add(articles[i], index_key(articles[i]));
        count_content(articles[i], +1);
        auto id = corpus.add(std::move(articles[i]));
        doc_article.resize(std::max<size_t>(doc_article.size(), doc + 1));
        doc_article[doc] = id;
        article_doc[id] = doc;
        platform_store_put(id, std::string(lines[i]));
        corpus_added(id);
        if (!first) first = id;
    }
    status.last_import.push_back({bundle.title, int(articles.size()), {}, {}});
    end_import_batch();
    bundle.opened = true;
    search.stale = true;
    library.library_changed();
    if (first && reader.open == 0) open_article(first);
    return true;
}

void App::export_workspace() {
    using nlohmann::json;
    json articles = json::array();
    for (const auto& a : corpus.articles()) articles.push_back(json::parse(broadsheet::article_to_json(a), nullptr, false));
    std::vector<size_t> marked; // as positions in `articles` (ids are this browser's own)
    const auto& ids = corpus.ids();
    for (auto id : library.marked)
        if (auto it = std::lower_bound(ids.begin(), ids.end(), id); it != ids.end() && *it == id) marked.push_back(size_t(it - ids.begin()));
    json doc = {{"broadsheet", broadsheet::kWorkspaceTag},
                {"version", broadsheet::kWorkspaceVersion},
                {"articles", std::move(articles)},
                {"marked", marked},
                {"query", search.ran},
                {"corpus", corpus_json(*this)}};
    platform_download("broadsheet-workspace.json", "application/json", doc.dump(1, ' ', false, json::error_handler_t::replace));
}

void App::clear_all() {
    corpus_cleared();
    fonts_forget_all();
    corpus_view.error.clear();
    corpus.clear();
    content_keys.clear();
    library.marked.clear();
    index = broadsheet::search::Index();
    doc_article.clear();
    article_doc.clear();
    text_prints.clear();
    search.rows.clear();
    search.result = {};
    search.stale = true;
    set_search_query(*this, ""); // the empty library shows, not "No articles match"
    search.ran.clear();      // nothing ran yet for the empty box (state() says so at once)
    search.selected = -1;
    status.last_import.clear(); // the files of the last import are gone too
    status.show_details = false;
    platform_store_clear();
    if (reader.open != 0) platform_show_article(0); // the URL no longer names it
    reader.open = 0;
    reader.missing = 0;
    reader.clear_marks();
    library.selected = 0;
    library.rows.clear(); // nothing to draw, nor for state() to list, until they are made again
    library.order.clear();
    library.library_changed();
    storage.unreadable = 0;
}

void App::remove_marked() {
    remove_articles(library.marked.empty() ? std::vector<broadsheet::ArticleId>{library.selected} : library.marked);
    library.marked.clear();
}

void App::remove_article(broadsheet::ArticleId id) { remove_articles({id}); }

void App::remove_articles(std::vector<broadsheet::ArticleId> ids) {
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    std::erase_if(ids, [&](broadsheet::ArticleId id) { return !corpus.find(id); });
    if (ids.empty()) return;
    // Where each leaving article stands in the library's order, before it goes.
    const auto& order = corpus.ids();
    std::vector<uint8_t> going(order.size(), 0);
    for (auto id : ids) {
        going[size_t(std::lower_bound(order.begin(), order.end(), id) - order.begin())] = 1;
        corpus_removing(id);
        count_content(*corpus.find(id), -1);
        fonts_forget(id, *corpus.find(id));
        if (auto it = article_doc.find(id); it != article_doc.end()) {
            index.remove(it->second, *corpus.find(id));
            doc_article[it->second] = 0;
            article_doc.erase(it);
        }
        platform_store_delete(id);
        if (reader.open == id) {
            reader.open = 0;
            platform_show_article(0);
        }
        if (library.selected == id) library.selected = 0;
    }
    corpus.remove(ids);
    auto& m = library.marked;
    std::erase_if(m, [&](broadsheet::ArticleId id) { return std::binary_search(ids.begin(), ids.end(), id); });
    search.stale = true;
    // The library's rows keep their filter and order: the leaving ones go, the others' positions
    // move down by the number leaving before them (no new filter or sort, which at 100,000
    // articles took longer than the removal itself).
    std::vector<size_t> before(going.size() + 1, 0);
    for (size_t i = 0; i < going.size(); ++i) before[i + 1] = before[i] + going[i];
    auto shift = [&](std::vector<size_t>& list) {
        std::erase_if(list, [&](size_t r) { return r >= going.size() || going[r]; });
        for (auto& r : list) r -= before[r];
    };
    // (Also when they are due to be made again: until then, during an import, they are drawn.)
    shift(library.rows);
    shift(library.order);
    for (auto& sorted : library.sorted_by)
        if (!sorted.empty()) shift(sorted);
    library.haystack_dirty = true;
}

nlohmann::json analysis_json(const App& app); // analysis_panel.cpp

namespace {
// A rectangle drawn last frame, {x, y, width, height} in CSS px, or null (width 0: not drawn).
nlohmann::json rect_json(const float (&r)[4]) {
    if (r[2] <= 0) return nullptr;
    return {{"x", r[0]}, {"y", r[1]}, {"width", r[2]}, {"height", r[3]}};
}

nlohmann::json facets_json(const broadsheet::search::Facets& f) {
    auto values = [](const std::vector<broadsheet::search::FacetValue>& list) {
        nlohmann::json out = nlohmann::json::array();
        for (const auto& v : list) out.push_back({{"value", v.value}, {"count", v.count}});
        return out;
    };
    return {{"sources", values(f.sources)}, {"withoutSource", f.without_source}, {"years", values(f.years)},
            {"months", values(f.months)}, {"undated", f.undated}};
}

nlohmann::json copies_lines_json(const SearchPanelState& st) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& line : st.copies_lines) {
        nlohmann::json r = rect_json(line.rect);
        r["row"] = line.row;
        out.push_back(r);
    }
    return out;
}

// The query syntax's help: whether it is open, its "?" button and its examples as drawn.
nlohmann::json syntax_help_json(const SearchPanelState& search) {
    nlohmann::json examples = nlohmann::json::array();
    for (const auto& line : search.syntax_lines) {
        nlohmann::json r = rect_json(line.rect);
        r["example"] = line.example;
        examples.push_back(std::move(r));
    }
    return {{"open", search.syntax_open}, {"button", rect_json(search.syntax_rect)}, {"examples", examples}};
}

// The search panel's state for the test hook.
nlohmann::json search_json(const App& app) {
    using nlohmann::json;
    const auto& search = app.search;
    const auto& corpus = app.corpus;
    json results = json::array();
    for (size_t i = 0; i < search.rows.size(); ++i) {
        const auto& r = search.rows[i];
        const auto& snippet = app.result_snippet(i);
        const auto* a = corpus.find(r.id);
        std::string_view field = a ? broadsheet::search::field_text(*a, snippet.field) : std::string_view();
        auto piece = [&](broadsheet::ByteRange b) { return std::string(field.substr(b.begin, b.size())); };
        json marks = json::array();
        for (auto h : snippet.highlights) marks.push_back(piece(h));
        json title_marks = json::array();
        for (auto h : r.title_marks) title_marks.push_back(a ? a->title.substr(h.begin, h.size()) : std::string());
        results.push_back({{"id", r.id},
                           {"copyOf", r.copy_of >= 0 ? json(r.copy_of) : json(nullptr)},
                           {"copies", r.copies},
                           {"copiesShown", r.expanded},
                           {"titleHighlighted", title_marks},
                           {"title", a ? a->title : ""},
                           {"score", r.score},
                           {"snippet", piece(snippet.passage)},
                           {"highlighted", marks}});
    }
    json messages = json::array();
    for (const auto& m : search.result.messages) messages.push_back({{"position", m.position}, {"text", m.text}});
    using broadsheet::search::ResultOrder;
    return {{"query", search.ran}, {"results", results}, {"messages", messages}, {"relaxed", search.result.relaxed}, {"nearSpellings", search.result.matched.near},
            {"total", search.result.total ? json(*search.result.total) : json(nullptr)},
            {"scrollY", search.scroll_y},
            {"order", search.order == ResultOrder::Newest ? "newest" : search.order == ResultOrder::Oldest ? "oldest" : "relevance"},
            {"orderMenu", rect_json(search.order_rect)},
            {"facetMenus", {{"sources", rect_json(search.sources_rect)}, {"dates", rect_json(search.dates_rect)}}},
            {"exportMenu", rect_json(search.export_rect)},
            {"syntaxHelp", syntax_help_json(search)},
            {"shown", search.shown},
            {"copiesLines", copies_lines_json(search)},
            {"facets", search.result.facets ? facets_json(*search.result.facets) : json(nullptr)},
            {"outOfMemory", search.out_of_memory},
            {"history", search.history}, {"selected", search.selected}};
}
// The reader's selection: {begin, end, text} (byte offsets into the text), or null.
nlohmann::json reader_selection_json(const App& app, const broadsheet::Article& a) {
    auto [lo, hi] = app.reader.selection(a.text.size());
    if (lo >= hi) return nullptr;
    return {{"begin", lo}, {"end", hi}, {"text", a.text.substr(lo, hi - lo)}};
}

nlohmann::json ranges_json(const std::vector<broadsheet::ByteRange>& ranges) {
    nlohmann::json out = nlohmann::json::array();
    for (auto r : ranges) out.push_back({r.begin, r.end});
    return out;
}

// Where the reader's lines of the body begin, as byte offsets into its text (paragraph starts
// among them), as last laid out; empty before the reader has drawn the article.
nlohmann::json line_starts_json(const TextLayout& layout, const broadsheet::Article& a) {
    nlohmann::json starts = nlohmann::json::array();
    if (layout.article != &a) return starts;
    for (const LaidLine& l : layout.rows)
        if (l.end > l.begin) starts.push_back(l.begin);
    return starts;
}

// The open article, as state().open shows it (null when none is open).
nlohmann::json open_json(const App& app) {
    using nlohmann::json;
    json open = nullptr;
    if (const auto* a = app.corpus.find(app.reader.open)) {
        json paragraphs = json::array();
        for (size_t i = 0; i < a->paragraphs.size(); ++i) paragraphs.push_back(a->paragraph(i));
        json removed = json::array();
        for (const auto& r : a->removed) removed.push_back({{"text", r.text}, {"reason", r.reason}});
        open = {{"id", app.reader.open},
                {"highlights", ranges_json(app.reader.highlights)},
                {"currentHighlight", app.reader.current},      {"title", a->title},     {"standfirst", a->standfirst},
                {"byline", a->byline},    {"date", a->date},       {"file", a->file},
                {"encoding", a->encoding}, {"paragraphs", paragraphs}, {"removed", removed},
                {"url", a->url},             {"source", a->source},   {"language", a->language},
                {"selection", reader_selection_json(app, *a)},
                {"scrollY", app.reader.scroll_y}, {"scrollMaxY", app.reader.scroll_max_y},
                {"topLine", app.reader.top_line == UINT32_MAX ? json(nullptr) : json(app.reader.top_line)},
                {"lineStarts", line_starts_json(app.reader.layout, *a)},
                {"titleHighlights", ranges_json(app.reader.title_highlights)},
                {"standfirstHighlights", ranges_json(app.reader.standfirst_highlights)},
                {"link", app.reader.link_rect[2] > 0 ? json{{"x", app.reader.link_rect[0]}, {"y", app.reader.link_rect[1]},
                                                        {"width", app.reader.link_rect[2]}, {"height", app.reader.link_rect[3]}}
                                                  : json(nullptr)},
                {"copyButton", rect_json(app.reader.copy_rect)}};
    }
    return open;
}
} // namespace

namespace {
// The library table as drawn: its filter, sort and the first rows shown (ids).
nlohmann::json library_json(const App& app) {
    using nlohmann::json;
    static const char* const columns[] = {"title", "date", "by", "file", "length", "source"};
    const auto& st = app.library;
    json first = json::array();
    for (size_t r = 0; r < st.rows.size() && r < 50; ++r) first.push_back(app.corpus.ids()[st.rows[r]]);
    return {{"filter", st.filter},
            {"sortColumn", st.sort_column >= 0 && st.sort_column < 6 ? json(columns[st.sort_column]) : json(nullptr)},
            {"ascending", st.sort_ascending},
            {"shown", st.rows.size()},
            {"firstRows", first},
            {"scrollY", st.scroll_y},
            {"scrollMaxY", st.scroll_max_y},
            {"paneRight", st.pane_right}};
}
} // namespace

std::string App::open_json() const { return ::open_json(*this).dump(); }

namespace {
// The last import's files that failed, as state().errors lists them.
nlohmann::json errors_json(const App& app) {
    nlohmann::json errors = nlohmann::json::array();
    for (const auto& f : app.status.last_import)
        if (!f.error.empty()) errors.push_back({{"file", f.file}, {"message", f.error}});
    return errors;
}
} // namespace

std::string App::results_json() const {
    using nlohmann::json;
    json results = json::array();
    for (size_t i = 0; i < search.rows.size() && i < 10; ++i) {
        const auto* a = corpus.find(search.rows[i].id);
        if (!a) continue;
        const auto& snippet = result_snippet(i);
        std::string_view field = broadsheet::search::field_text(*a, snippet.field);
        results.push_back({{"title", a->title},
                           {"snippet", std::string(field.substr(snippet.passage.begin, snippet.passage.size()))}});
    }
    return json{{"query", search.ran},
                {"count", search.result.total.value_or(search.rows.size())},
                {"outOfMemory", search.out_of_memory},
                {"results", results}}
        .dump();
}

std::string App::summary_json() const {
    using nlohmann::json;
    const auto* a = corpus.find(reader.open);
    return json{{"articles", corpus.size()}, {"errors", errors_json(*this)}, {"open", a ? json(a->title) : json(nullptr)}}
        .dump();
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
    json open = ::open_json(*this);
    json imports = json::array();
    for (const auto& f : status.last_import)
        imports.push_back({{"file", f.file}, {"articles", f.articles}, {"warnings", f.warnings}, {"error", f.error}});
    json errors = errors_json(*this);
    json state = {{"articles", articles},
                  {"importing", {{"done", status.files_done}, {"total", status.files_total}}},
                  {"cancelled", status.cancelled},
                  {"dialog", dialog ? json(dialog) : json(nullptr)},
                  {"search", search_json(*this)},
                  {"rightTab", right_tab == RightTab::Reader     ? "reader"
                               : right_tab == RightTab::Analysis ? "analysis"
                               : right_tab == RightTab::Corpus   ? "corpus"
                                                                 : "library"},
                  {"narrow", narrow},
                  {"analysis", analysis_json(*this)},
                  {"corpus", corpus_json(*this)},
                  {"framesDrawn", g_frames_drawn},
                  {"indexBytes", status.index_counted_for == corpus.size() ? json(status.index_bytes) : json(nullptr)},
                  {"pasteText", paste.text},
                  {"open", open},
                  {"linkMissing", reader.missing ? json(reader.missing) : json(nullptr)},
                  {"selected", library.selected},
                  {"library", library_json(*this)},
                  {"marked", library.marked},
                  {"lastImport", imports},
                  {"errors", errors},
                  {"showRemoved", reader.show_removed},
                  {"storage",
                   {{"available", storage.available},
                    {"restoring", storage.restoring},
                    {"restored", storage.restored},
                    {"unreadable", storage.unreadable},
                    {"error", storage.error}}},
                  {"bundle",
                   {{"title", bundle.title},
                    {"articles", bundle.count},
                    {"opened", bundle.opened},
                    {"error", bundle.error}}}};
    return state.dump(-1, ' ', false, json::error_handler_t::replace);
}
