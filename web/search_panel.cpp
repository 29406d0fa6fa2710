// Search panel: the query box (results as you type), hits with their best passage and the matched
// words highlighted, inline messages for malformed queries, and the query history.
#include "app.hpp"
#include "export.hpp"
#include "keys.hpp"

#include "broadsheet/dates.hpp"
#include "broadsheet/snippet.hpp"

#include <imgui.h>
#include <imgui_internal.h> // InputTextState: a query set by the app starts the box's editing afresh

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>
#include <unordered_map>

// Wrapped text with highlighted byte ranges (into `text`), drawn at the cursor.
// `marked_colour`: the marked words' text, drawn over the tint.
void draw_marked_text(std::string_view text, const std::vector<broadsheet::ByteRange>& marks, float width, unsigned int marked_colour) {
    ImFont* font = ImGui::GetFont();
    float px = ImGui::GetFontSize();
    float scale = px / font->FontSize;
    const char* s = text.data();
    const char* end = s + text.size();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    while (s < end) {
        const char* brk = wrap_break(font, scale, s, end, width);
        ImVec2 at = ImGui::GetCursorScreenPos();
        auto lb = uint32_t(s - text.data()), le = uint32_t(brk - text.data());
        struct Marked {
            float x;
            const char *begin, *end;
        };
        static std::vector<Marked> words; // reused: this runs for every line of every snippet drawn
        words.clear();
        for (auto m : marks) {
            if (m.end <= lb || m.begin >= le) continue;
            uint32_t b = std::max(m.begin, lb), e = std::min(m.end, le);
            float x0 = ImGui::CalcTextSize(s, text.data() + b).x;
            float x1 = x0 + ImGui::CalcTextSize(text.data() + b, text.data() + e).x;
            dl->AddRectFilled(ImVec2(at.x + x0 - 1, at.y), ImVec2(at.x + x1 + 1, at.y + px + 1), IM_COL32(255, 210, 60, 120), 2);
            words.push_back({x0, text.data() + b, text.data() + e});
        }
        ImGui::TextUnformatted(s, brk);
        // The marked words again in the full text colour: the dim colour on the tint was hard to
        // read (grey on olive in the dark scheme).
        for (const Marked& w : words)
            dl->AddText(font, px, ImVec2(at.x + w.x, at.y), marked_colour, w.begin, w.end);
        s = brk;
        while (s < end && *s == ' ') ++s;
    }
}

void set_search_query(App& app, std::string_view query) {
    auto& st = app.search;
    std::snprintf(st.query, sizeof st.query, "%.*s", int(query.size()), query.data());
    // imgui keeps the box's cursor and selection from its last edit and, reactivating it, puts
    // them into the new text: "harbour" edited as " busy" had its next letters typed at offset 5
    // ("harbo busyur"). Forgetting that state (when no box is being edited) makes the next
    // activation read the text afresh, all of it selected.
    ImGuiContext& g = *ImGui::GetCurrentContext();
    if (g.ActiveId == 0 || g.ActiveId != g.InputTextState.ID) g.InputTextState.ID = 0;
}

void show_more_results(App& app) {
    auto& st = app.search;
    if (st.rows.size() >= st.result.total.value_or(0)) return;
    st.limit += SearchPanelState::kResultsStep;
    st.stale = true; // run again, for more (drawn from the next frame)
    request_redraw();
}

void set_result_order(App& app, broadsheet::search::ResultOrder order) {
    if (app.search.order == order) return;
    app.search.order = order;
    app.search.stale = true;
    app.search.scroll_to_top = true;
    request_redraw();
}

const broadsheet::search::Facets* result_facets(App& app) {
    namespace bs = broadsheet::search;
    auto& st = app.search;
    if (st.result.facets) return &*st.result.facets;
    if (text_is_blank(st.ran) || st.out_of_memory) return nullptr;
    // The query as run_search() ran it, for every match: no hits, only the counts.
    bs::SearchOptions options = app.search_options();
    options.limit = 0;
    options.order = bs::ResultOrder::Relevance; // the order of no hits: no sort by date
    options.count = false;
    options.facets = true;
    try {
        st.result.facets = bs::search(app.index, st.ran, options).facets;
    } catch (const std::bad_alloc&) {
        return nullptr;
    }
    return st.result.facets ? &*st.result.facets : nullptr;
}

void narrow_search(App& app, bool by_source, std::string_view value) {
    std::string filter;
    if (by_source) {
        // The source named exactly so (not a word in other names: "Jan" is not "Jane Wayne News");
        // "" the articles without one. A quote in a name would end it: source:= reads quotes as
        // spaces.
        std::string quoted(value);
        std::replace(quoted.begin(), quoted.end(), '"', ' ');
        filter = "source:=\"" + quoted + "\"";
    } else {
        filter = "date:" + std::string(value.empty() ? "none" : value); // "": the undated
    }
    const std::string& ran = app.search.ran;
    // Already narrowed to it (the one value left, chosen again): nothing to add.
    for (size_t at = ran.find(filter); at != std::string::npos; at = ran.find(filter, at + 1)) {
        const size_t end = at + filter.size();
        if ((at == 0 || ran[at - 1] == ' ' || ran[at - 1] == '(') && (end == ran.size() || ran[end] == ' ' || ran[end] == ')')) return;
    }
    // The filter goes first: the word being typed stays last (closing parentheses after it
    // aside), where as-you-type reads it as the start of longer words, as the menu's counts did.
    // The query's own text goes in parentheses when it is an OR at its top (AND binds tighter:
    // "coffee OR cocoa date:1987-02" would narrow only cocoa), and when the results are the
    // fallback to any of the words, which it then writes out: "date:1987 (Merkel OR Reagan)".
    namespace bs = broadsheet::search;
    const bs::Query parsed = bs::parse_query(ran, app.index, app.search_options().parse);
    const size_t body_end = ran.find_last_not_of(" \t\r\n") + 1;
    std::string body = ran.substr(0, body_end);
    bool bracket = parsed.or_at_top;
    if (app.search.result.relaxed) { // plain words only: they are what the fallback ORs
        std::string words;
        for (size_t i = 0; i < body.size();) {
            const size_t b = body.find_first_not_of(" \t\r\n", i);
            if (b == std::string::npos) break;
            const size_t e = std::min(body.size(), body.find_first_of(" \t\r\n", b));
            words += (words.empty() ? "" : " OR ") + body.substr(b, e - b);
            i = e;
        }
        body = words;
        bracket = true;
    }
    // A phrase left open would take the ')' into it: it is closed first (it ran to the end), its
    // last word still a word being typed ("saw shi*"), as the menus counted it.
    if (bracket && std::count(body.begin(), body.end(), '"') % 2 == 1) body += body.back() == '"' || body_end < ran.size() ? "\"" : "*\"";
    const std::string query = filter + " " + (bracket ? "(" + body + ")" : body) + ran.substr(body_end);
    set_search_query(app, query);
    app.search.scroll_to_top = true;
    app.run_search();
}

void lay_out_results(SearchPanelState& st) {
    st.shown.clear();
    for (size_t i = 0; i < st.rows.size(); ++i) {
        if (st.rows[i].copy_of >= 0) continue;
        st.shown.push_back(int(i));
        if (!st.rows[i].expanded || st.rows[i].copies == 0) continue;
        for (size_t j = i + 1; j < st.rows.size(); ++j)
            if (st.rows[j].copy_of == int(i)) st.shown.push_back(int(j));
    }
}

void fold_copies(App& app) {
    auto& st = app.search;
    std::unordered_map<uint64_t, int> first; // a body's print -> the first row with it
    for (size_t i = 0; i < st.rows.size(); ++i) {
        auto& row = st.rows[i];
        row.copy_of = -1;
        row.copies = 0;
        const uint64_t print = app.text_print(row.id);
        if (print == 0) continue;
        auto [at, added] = first.try_emplace(print, int(i));
        if (!added) row.copy_of = at->second, ++st.rows[size_t(at->second)].copies;
    }
    lay_out_results(st);
}

void toggle_copies(App& app, size_t row) {
    auto& st = app.search;
    if (row >= st.rows.size() || st.rows[row].copies == 0) return;
    st.rows[row].expanded = !st.rows[row].expanded;
    // Folded again with the selection on one of its copies: the selection goes to the row itself.
    if (!st.rows[row].expanded && st.selected >= 0 && st.rows[size_t(st.selected)].copy_of == int(row)) st.selected = int(row);
    lay_out_results(st);
    request_redraw();
}

TextTable result_rows(App& app) {
    namespace bs = broadsheet::search;
    auto& st = app.search;
    TextTable rows{{"rank", "title", "date", "published", "source", "byline", "url", "file", "id", "score", "passage"}};
    if (text_is_blank(st.ran) || st.out_of_memory) return rows;
    // Every match, in the order shown: the query as run_search() ran it, for all of them.
    bs::SearchOptions options = app.search_options();
    options.limit = std::max<size_t>(st.result.total.value_or(0), st.rows.size());
    options.count = false;
    const bs::SearchResult r = bs::search(app.index, st.ran, options);
    char score[32];
    for (const bs::Hit& hit : r.hits) {
        const broadsheet::ArticleId id = hit.doc < app.doc_article.size() ? app.doc_article[hit.doc] : 0;
        const broadsheet::Article* a = app.corpus.find(id);
        if (!a) continue;
        std::string byline;
        for (const auto& name : a->byline) byline += (byline.empty() ? "" : "; ") + name;
        // The passage as the list shows it, without its marks: the words around the match.
        const bs::Snippet snippet = bs::make_snippet(*a, r.matched, app.index.analyzer_for(a->language));
        std::string passage = (snippet.cut_before ? "\xE2\x80\xA6" : "") +
                              std::string(bs::field_text(*a, snippet.field).substr(snippet.passage.begin, snippet.passage.size())) +
                              (snippet.cut_after ? "\xE2\x80\xA6" : "");
        std::replace(passage.begin(), passage.end(), '\n', ' ');
        std::snprintf(score, sizeof score, "%.4f", hit.score);
        // The date one form for every row, as far as the article gives it (2014-06-30, 2014-06,
        // 2014; the day where it was published, as the Dates menu counts it), which spreadsheets
        // read as dates and sort; then the date as imported, with its time and zone if it had them.
        std::string date;
        if (const uint32_t n = broadsheet::search::date_number(a->date); n != 0) {
            char text[16];
            if (n % 100) std::snprintf(text, sizeof text, "%04u-%02u-%02u", n / 10000, n / 100 % 100, n % 100);
            else if (n / 100 % 100) std::snprintf(text, sizeof text, "%04u-%02u", n / 10000, n / 100 % 100);
            else std::snprintf(text, sizeof text, "%04u", n / 10000);
            date = text;
        }
        rows.push_back({std::to_string(rows.size()), a->title, date, a->date, a->source, byline, a->url, a->file,
                        a->id, score, passage});
    }
    return rows;
}

void export_results(App& app, bool csv) {
    try {
        const TextTable rows = result_rows(app);
        // Named after the query: "search-oil-prices.csv" (its letters and digits, ASCII or not,
        // in runs joined by '-'; at most 64 bytes, cut at a code point).
        std::string stem = "search";
        bool gap = true;
        for (char c : app.search.ran) {
            const auto b = static_cast<unsigned char>(c);
            if (b < 0x80 && !std::isalnum(b)) {
                gap = true;
                continue;
            }
            if (gap) stem += '-';
            gap = false;
            stem += char(b < 0x80 ? std::tolower(b) : b);
        }
        if (stem.size() > 64) {
            size_t end = 64;
            while (end > 0 && (static_cast<unsigned char>(stem[end]) & 0xC0) == 0x80) --end;
            stem.resize(end);
        }
        if (stem == "search") stem = "search-results";
        if (csv) platform_download(stem + ".csv", "text/csv", table_csv(rows));
        else platform_download(stem + ".json", "application/json",
                               table_json(rows, true).dump(2, ' ', false, nlohmann::json::error_handler_t::replace));
    } catch (const std::bad_alloc&) {
        // Nothing is downloaded; the library and the results are as they were.
    }
}

namespace {

// 1453 -> "1,453".
std::string with_thousands(size_t n) {
    std::string digits = std::to_string(n), out;
    for (size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return out;
}

void keep_rect(float (&rect)[4]) {
    const ImVec2 lo = ImGui::GetItemRectMin(), hi = ImGui::GetItemRectMax();
    rect[0] = lo.x, rect[1] = lo.y, rect[2] = hi.x - lo.x, rect[3] = hi.y - lo.y;
}

// A menu on the result count's line, as wide as `widest` of its labels: next on the line (or at
// its right end) if it fits there, else on the next line (a phone); as slim as the line on a
// desktop, a finger's height on a phone. True while it is open: EndCombo() it then.
bool begin_line_menu(App& app, const char* id, const char* preview, const char* widest, bool at_right) {
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding,
                        ImVec2(ImGui::GetStyle().FramePadding.x, app.narrow ? ImGui::GetStyle().FramePadding.y + 4 : 0));
    const float width = ImGui::CalcTextSize(widest).x + ImGui::GetFrameHeight() + 2 * ImGui::GetStyle().FramePadding.x;
    ImGui::SameLine();
    const float avail = ImGui::GetContentRegionAvail().x;
    if (avail < width) ImGui::NewLine();
    else if (at_right) ImGui::SetCursorPosX(ImGui::GetCursorPosX() + avail - width);
    ImGui::SetNextItemWidth(width);
    const bool open = ImGui::BeginCombo(id, preview);
    ImGui::PopStyleVar();
    return open;
}

// After a line menu (and its EndCombo() if it was open): where it is, for the test hook, and its
// tooltip.
void end_line_menu(float (&rect)[4], const char* tooltip) {
    keep_rect(rect);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tooltip);
}

// `text` cut to `width` with an ellipsis at the end (a source's long name in a menu).
std::string fit_text(std::string_view text, float width) {
    if (ImGui::CalcTextSize(text.data(), text.data() + text.size()).x <= width) return std::string(text);
    const char* const ellipsis = "\xE2\x80\xA6";
    const float room = width - ImGui::CalcTextSize(ellipsis).x;
    size_t end = text.size();
    while (end > 0 && ImGui::CalcTextSize(text.data(), text.data() + end).x > room) {
        do --end; // back to the start of a code point
        while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80);
    }
    return std::string(text.substr(0, end)) + ellipsis;
}

// One facet's values in its menu, each with its count right-aligned, over a faint bar of it when
// the counts differ (the spread at a glance); true and `chosen` set when one is clicked, or
// given Enter from the keyboard. A value of no matches (a month between others) shows, dimmed,
// and cannot be chosen. The texts are drawn over the selectable (a source may hold "##").
// Months read as "March 1987", the value "" as `blank` ("Without a source").
bool facet_list(const std::vector<broadsheet::search::FacetValue>& values, std::string& chosen, bool narrow,
                const char* blank = "") {
    bool clicked = false;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImU32 text = ImGui::GetColorU32(ImGuiCol_Text), dim = ImGui::GetColorU32(ImGuiCol_TextDisabled);
    const ImU32 bar = ImGui::GetColorU32(ImGuiCol_PlotHistogram, 0.25f);
    const float line = ImGui::GetTextLineHeight(), gap = ImGui::GetStyle().ItemSpacing.x;
    const float height = narrow ? line + 16 : line; // a finger's height on a phone
    const float text_y = (height - line) / 2;
    uint32_t most = 0, least = UINT32_MAX;
    for (const auto& v : values) most = std::max(most, v.count), least = std::min(least, v.count);
    for (const auto& v : values) {
        ImGui::PushID(v.value.c_str());
        const ImVec2 at = ImGui::GetCursorScreenPos();
        const float width = ImGui::GetContentRegionAvail().x;
        const ImGuiSelectableFlags flags = v.count == 0 ? ImGuiSelectableFlags_Disabled : 0;
        if (ImGui::Selectable("##value", false, flags, ImVec2(width, height))) chosen = v.value, clicked = true;
        if (v.count > 0 && ImGui::IsItemFocused() && ImGui::IsKeyPressed(ImGuiKey_Enter)) {
            chosen = v.value, clicked = true;
            ImGui::CloseCurrentPopup();
        }
        const std::string count = with_thousands(v.count);
        const float count_width = ImGui::CalcTextSize(count.c_str()).x;
        const float room = std::max(0.0f, width - count_width - gap);
        if (most > least) draw->AddRectFilled(at, ImVec2(at.x + room * float(v.count) / float(most), at.y + height), bar);
        const std::string label = v.value.empty() ? blank
                                  : fit_text(v.value.size() == 7 && v.value[4] == '-' ? broadsheet::readable_date(v.value) : v.value, room);
        draw->AddText(ImVec2(at.x, at.y + text_y), v.count ? text : dim, label.c_str());
        draw->AddText(ImVec2(at.x + width - count_width, at.y + text_y), dim, count.c_str());
        ImGui::PopID();
    }
    return clicked;
}

// A facet's periods in order with those between them that no match falls in, at 0: a timeline
// reads as one. Every month of the one year; years missing three or more in a row are one row
// ("1988–2002", at 0), so that a library of 1987 and of this century is not a list of empty years.
std::vector<broadsheet::search::FacetValue> with_gaps(const std::vector<broadsheet::search::FacetValue>& periods, bool months) {
    if (periods.size() < 2) return periods;
    auto number = [&](const std::string& v) { return std::atoi(v.c_str()) * (months ? 12 : 1) + (months ? std::atoi(v.c_str() + 5) - 1 : 0); };
    std::vector<broadsheet::search::FacetValue> out;
    char text[32];
    for (size_t i = 0; i < periods.size(); ++i) {
        if (i > 0) {
            const int from = number(periods[i - 1].value) + 1, to = number(periods[i].value) - 1; // the gap, inclusive
            if (!months && to - from >= 2) {
                std::snprintf(text, sizeof text, "%04d\xE2\x80\x93%04d", from, to);
                out.push_back({text, 0});
            } else {
                for (int n = from; n <= to; ++n) {
                    if (months) std::snprintf(text, sizeof text, "%04d-%02d", n / 12, n % 12 + 1);
                    else std::snprintf(text, sizeof text, "%04d", n);
                    out.push_back({text, 0});
                }
            }
        }
        out.push_back(periods[i]);
    }
    return out;
}

// The menus that narrow the results: by source, and by year (by month when the matches are all
// of one year). Each lists what the matches are, with how many of each, counted when it opens;
// a choice adds its filter to the query, so the narrowing stays in view and can be edited.
void draw_facet_menus(App& app) {
    auto& st = app.search;
    const float most_height = ImGui::GetTextLineHeightWithSpacing() * 18, screen = ImGui::GetIO().DisplaySize.x - 20;
    std::string chosen; // "" too: the articles without a source, or undated
    bool picked = false, by_source = false;
    ImGui::SetNextWindowSizeConstraints(ImVec2(std::min(320.0f, screen), 0), ImVec2(screen, most_height));
    if (begin_line_menu(app, "##sources", "Sources", "Sources", false)) {
        if (const auto* f = result_facets(app)) {
            if (f->sources.empty()) ImGui::TextDisabled("No source is named in these articles.");
            else ImGui::TextDisabled("%s source%s", with_thousands(f->sources.size()).c_str(), f->sources.size() == 1 ? "" : "s");
            picked = facet_list(f->sources, chosen, app.narrow);
            if (f->without_source && !f->sources.empty()) picked |= facet_list({{"", f->without_source}}, chosen, app.narrow, "Without a source");
            by_source = picked;
        }
        ImGui::EndCombo();
    }
    end_line_menu(st.sources_rect, "Where the matching articles come from; choose one to see only its articles");
    ImGui::SetNextWindowSizeConstraints(ImVec2(std::min(220.0f, screen), 0), ImVec2(screen, most_height));
    if (begin_line_menu(app, "##dates", "Dates", "Dates", false)) {
        if (const auto* f = result_facets(app)) {
            // Years, or the months of the one year there is.
            const bool by_month = f->years.size() == 1 && !f->months.empty();
            const auto list = with_gaps(by_month ? f->months : f->years, by_month);
            if (list.empty()) ImGui::TextDisabled("None of these articles is dated.");
            else if (by_month) ImGui::TextDisabled("%s, by month", f->years[0].value.c_str());
            else ImGui::TextDisabled("By year");
            picked |= facet_list(list, chosen, app.narrow);
            // The year's matches dated by the year alone have no month: said, so that the months
            // add up to the year.
            if (by_month) {
                uint32_t in_months = 0;
                for (const auto& m : f->months) in_months += m.count;
                if (f->years[0].count > in_months)
                    ImGui::TextDisabled("%s dated by the year only", with_thousands(f->years[0].count - in_months).c_str());
            }
            if (f->undated && !list.empty()) picked |= facet_list({{"", f->undated}}, chosen, app.narrow, "Undated");
        }
        ImGui::EndCombo();
    }
    end_line_menu(st.dates_rect, "When the matching articles were published; choose a year or month to see only those");
    if (picked) narrow_search(app, by_source, chosen);
}

// Every match as a table to download: rank, title, date, date as published, source, byline,
// address, file, id, score and passage, in the order shown.
void draw_export_menu(App& app) {
    auto& st = app.search;
    if (begin_line_menu(app, "##export", "Export", "Export", false)) {
        const float row = app.narrow ? ImGui::GetTextLineHeight() + 16 : 0;
        const size_t total = st.result.total.value_or(st.rows.size());
        ImGui::TextDisabled("All %s match%s, in this order", with_thousands(total).c_str(), total == 1 ? "" : "es");
        if (ImGui::Selectable("CSV (a spreadsheet)", false, 0, ImVec2(0, row))) export_results(app, true);
        if (ImGui::Selectable("JSON", false, 0, ImVec2(0, row))) export_results(app, false);
        ImGui::EndCombo();
    }
    end_line_menu(st.export_rect, "Download the list of matching articles: title, date, source, byline, address and passage");
}

// The order of the hits, at the right of the count's line: best first, newest or oldest first.
void draw_order_menu(App& app) {
    using broadsheet::search::ResultOrder;
    static const char* const names[] = {"Best first", "Newest first", "Oldest first"};
    auto& st = app.search;
    if (begin_line_menu(app, "##order", names[size_t(st.order)], "Oldest first", true)) {
        for (size_t i = 0; i < 3; ++i)
            if (ImGui::Selectable(names[i], size_t(st.order) == i)) set_result_order(app, ResultOrder(i));
        ImGui::EndCombo();
    }
    end_line_menu(st.order_rect, "The order of the results: best match first, or by the article's date (articles without a date last)");
}

void draw_results(App& app) {
    auto& st = app.search;
    const ImVec4 warning(0.95f, 0.45f, 0.3f, 1);
    ImGui::PushTextWrapPos(0.0f); // messages wrap to the pane
    if (st.out_of_memory) { // a fixed text: nothing may be allocated to say it
        ImGui::TextColored(warning, "Out of memory: this search did not fit in the tab's memory. The library is as "
                                    "it was; try a narrower query, or remove articles.");
        ImGui::PopTextWrapPos();
        return;
    }
    // The parser's messages, with where they are; the fallback to any word is a notice, not an
    // error in the query (search() puts it last).
    const auto& msgs = st.result.messages;
    const size_t errors = msgs.size() - (st.result.relaxed && !msgs.empty() ? 1 : 0);
    for (size_t i = 0; i < errors; ++i) ImGui::TextColored(warning, "At %u: %s", msgs[i].position + 1, msgs[i].text.c_str());
    if (errors > 0 && !st.syntax_open) ImGui::TextDisabled("F1 or the ? beside the box shows the search syntax.");
    if (errors < msgs.size()) ImGui::TextDisabled("No article has all of the words; these have any of them.");
    ImGui::PopTextWrapPos();
    if (st.rows.empty()) {
        ImGui::TextDisabled("No articles match.");
        return;
    }
    const size_t total = st.result.total.value_or(st.rows.size());
    ImGui::TextDisabled("%s result%s%s", with_thousands(total).c_str(), total == 1 ? "" : "s",
                        st.result.relaxed ? " (any of the words)" : "");
    if (!st.result.relaxed) {
        ImGui::SameLine();
        if (ImGui::SmallButton("Every line")) show_concordance(app, st.ran, true);
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Every match in the library with the words around it (a concordance)");
    }
    draw_facet_menus(app);
    draw_export_menu(app);
    draw_order_menu(app);
    // Words that match only as near spellings of a query word: said, so that results gained that
    // way ("coca" once "cocoa" is finished) are not a puzzle.
    if (const auto& near = st.result.matched.near; !near.empty()) {
        std::string list;
        for (size_t i = 0; i < near.size() && i < 6; ++i) list += (i ? ", " : "") + near[i];
        if (near.size() > 6) list += ", ...";
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextDisabled("Also near spellings: %s", list.c_str());
        ImGui::PopTextWrapPos();
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip("A finished word of five letters or more that no article holds matches words one letter off\n"
                              "(nine or more: two); word~1 asks for that on any word. Quotes match a word exactly: \"cocoa\".");
    }

    ImGui::BeginChild("search-results", ImVec2(0, 0), false);
    if (st.scroll_to_top) {
        ImGui::SetScrollY(0);
        st.scroll_to_top = false;
    }
    st.scroll_y = ImGui::GetScrollY();
    float width = ImGui::GetContentRegionAvail().x;
    if (width != st.results_width) { // rows wrap anew: their heights are measured again
        st.results_width = width;
        for (auto& row : st.rows) row.height = -1;
    }
    // Only the rows in view are drawn (and only theirs need snippets); the others keep their
    // place by the height they had when last drawn, or the average of those drawn so far.
    const float view_top = ImGui::GetScrollY(), view_bottom = view_top + ImGui::GetWindowHeight();
    float measured = 0;
    int measured_rows = 0;
    for (int i : st.shown)
        if (st.rows[size_t(i)].height >= 0) measured += st.rows[size_t(i)].height, ++measured_rows;
    const float full_width = width;
    int toggled = -1; // a row whose copies line was clicked: laid out again after the loop over `shown`
    for (const int shown_row : st.shown) {
        const size_t i = size_t(shown_row);
        auto& row = st.rows[i];
        // A copy shown under the row it is folded under: indented.
        const float indent = row.copy_of >= 0 ? ImGui::GetFontSize() * 1.5f : 0.0f;
        width = full_width - indent;
        float y = ImGui::GetCursorPosY();
        float guess = row.height >= 0 ? row.height
                      : measured_rows ? measured / float(measured_rows)
                                      : 4 * ImGui::GetTextLineHeightWithSpacing();
        bool wanted = int(i) == st.selected && st.scroll_to_selected;
        if (!wanted && (y + guess < view_top || y > view_bottom)) {
            ImGui::SetCursorPosY(y + guess);
            continue;
        }
        const broadsheet::Article* a = app.corpus.find(row.id);
        if (!a) continue;
        const auto& snippet = app.result_snippet(i);
        ImGui::PushID(int(row.id));
        if (indent > 0) ImGui::Indent(indent);
        ImVec2 top = ImGui::GetCursorScreenPos();
        // The hit's text goes on top of its selectable's background (drawn after it, as its size
        // is the text's): two draw list channels, the text in the upper one.
        ImDrawList* draw = ImGui::GetWindowDrawList();
        draw->ChannelsSplit(2);
        draw->ChannelsSetCurrent(1);
        ImGui::BeginGroup();
        ImGui::PushFont(app.fonts.ui_bold);
        draw_marked_text(a->title, row.title_marks, width, ImGui::GetColorU32(ImGuiCol_Text)); // the query's words marked, as in the passage
        ImGui::PopFont();
        std::string_view field = broadsheet::search::field_text(*a, snippet.field);
        std::string_view passage = field.substr(snippet.passage.begin, snippet.passage.size());
        std::vector<broadsheet::ByteRange> marks;
        for (auto h : snippet.highlights)
            marks.push_back({h.begin - snippet.passage.begin, h.end - snippet.passage.begin});
        const ImU32 marked_colour = ImGui::GetColorU32(ImGuiCol_Text);
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
        // The article's date and source first ("26 Feb 1987 \u00B7 Reuters \u2014 ..."), as news
        // search results give them: by date, the order is read off it; copies differ by source.
        std::string shown = a->date.empty() ? std::string() : broadsheet::readable_date(a->date, true);
        if (!a->source.empty()) shown += (shown.empty() ? "" : " \xC2\xB7 ") + a->source;
        if (!shown.empty()) shown += " \xE2\x80\x94 ";
        shown += snippet.cut_before ? "\xE2\x80\xA6" : "";
        const auto before = uint32_t(shown.size());
        shown += std::string(passage) + (snippet.cut_after ? "\xE2\x80\xA6" : "");
        for (auto& m : marks) m.begin += before, m.end += before;
        std::replace(shown.begin(), shown.end(), '\n', ' '); // one run of text (same byte offsets)
        draw_marked_text(shown, marks, width, marked_colour);
        ImGui::PopStyleColor();
        ImGui::EndGroup();
        // The whole hit is one clickable item.
        ImVec2 bottom = ImGui::GetItemRectMax();
        ImGui::SetCursorScreenPos(top);
        bool selected = int(i) == st.selected;
        draw->ChannelsSetCurrent(0);
        if (ImGui::Selectable("##hit", selected, ImGuiSelectableFlags_AllowItemOverlap, ImVec2(width, bottom.y - top.y)))
            app.open_result(i), app.reveal_reader();
        draw->ChannelsMerge();
        if (selected && (st.scroll_to_selected || (st.focus_box == false && ImGui::IsWindowAppearing()))) {
            ImGui::SetScrollHereY();
            st.scroll_to_selected = false;
        }
        if (row.copies > 0) {
            // "+2 more with this text: Coast Wire, Daily Tide": where else the same text ran.
            // Their sources, each once, the first three named (copies without one are only counted).
            std::vector<std::string_view> names;
            for (size_t j = i + 1; j < st.rows.size(); ++j) {
                if (st.rows[j].copy_of != int(i)) continue;
                const broadsheet::Article* c = app.corpus.find(st.rows[j].id);
                if (c && !c->source.empty() && std::find(names.begin(), names.end(), c->source) == names.end())
                    names.push_back(c->source);
            }
            std::string where;
            for (size_t n = 0; n < names.size() && n < 3; ++n) where += (n ? ", " : ": ") + std::string(names[n]);
            if (names.size() > 3) where += " and " + std::to_string(names.size() - 3) + " more";
            char label[64];
            std::snprintf(label, sizeof label, "%s %u more with this text", row.expanded ? "Hide" : "+", unsigned(row.copies));
            if (ImGui::SmallButton((std::string(label) + (row.expanded ? "" : where) + "###copies").c_str())) toggled = int(i);
            st.copies_lines.push_back({int(i), {}});
            keep_rect(st.copies_lines.back().rect);
            if (ImGui::IsItemHovered())
                ImGui::SetTooltip("Articles whose text is this one's word for word (case, spacing and punctuation aside),\n"
                                  "under other headlines or sources: a wire story run by several outlets. Click (or Shift+Enter\n"
                                  "on its row, from the search box) to %s them.",
                                  row.expanded ? "fold" : "show");
        }
        ImGui::Spacing();
        if (indent > 0) ImGui::Unindent(indent);
        ImGui::PopID();
        if (row.height < 0) measured += ImGui::GetCursorPosY() - y, ++measured_rows;
        row.height = ImGui::GetCursorPosY() - y;
    }
    width = full_width;
    if (toggled >= 0) toggle_copies(app, size_t(toggled));
    // The rest of the matches, a step at a time: each row keeps its place, the new ones go below.
    if (st.rows.size() < total && st.result.hits.size() >= st.limit) {
        const size_t more = std::min(SearchPanelState::kResultsStep, total - st.rows.size());
        char label[96];
        std::snprintf(label, sizeof label, "Show %s more (%s of %s shown)", with_thousands(more).c_str(),
                      with_thousands(st.rows.size()).c_str(), with_thousands(total).c_str());
        if (ImGui::Button(label)) show_more_results(app);
    }
    ImGui::EndChild();
}

void draw_history(App& app) {
    auto& st = app.search;
    if (st.history.empty()) return;
    ImGui::TextDisabled("Recent searches");
    for (const auto& q : st.history) {
        if (ImGui::Selectable(q.c_str())) {
            set_search_query(app, q);
            st.focus_box = true;
            app.run_search();
        }
    }
    ImGui::Separator();
}

// The query language at a glance (core/include/broadsheet/query.hpp has it all): each form with
// an example that, clicked, is searched, so the help teaches by showing results.
struct SyntaxForm {
    const char* example;
    const char* meaning;
};
constexpr SyntaxForm kSyntax[] = {
    {"storm surge", "both words, in any of their forms (surges, surging)"},
    {"storm OR flood", "either word"},
    {"storm -wind", "storm, but not wind (also NOT wind)"},
    {"(storm OR flood) damage", "parentheses group"},
    {"\"storm surge\"", "the words in this order"},
    {"\"storm surge\"~5", "the words with at most 5 others between them, in any order"},
    {"storm NEAR/3 \"sea wall\"", "the same, of words and phrases (NEAR alone: 10)"},
    {"surg*", "words that begin so"},
    {"organi?ation", "? for any one letter, within a word"},
    {"colo*r", "* for any letters (none too), anywhere in a word: *ization"},
    {"hurricane~1", "the word, or one letter off (~2: two)"},
    {"title:storm", "in the title (also by:, source:, standfirst:, body:)"},
    {"source:=\"Daily Tide\"", "from that source exactly (source:=\"\": none named)"},
    {"date:2014-01..2014-06", "published in those months (date:2014, date:..2014-06-30)"},
    {"date:none", "articles without a date"},
};

void draw_syntax_help(App& app) {
    auto& st = app.search;
    st.syntax_lines.clear();
    ImGui::TextDisabled("Search syntax: click an example to search it");
    ImGui::SameLine();
    const float close = ImGui::CalcTextSize("Close").x + 2 * ImGui::GetStyle().FramePadding.x;
    ImGui::SetCursorPosX(std::max(ImGui::GetCursorPosX(), ImGui::GetWindowContentRegionMax().x - close));
    if (ImGui::SmallButton("Close##syntax")) st.syntax_open = false;
    const float row = app.narrow ? ImGui::GetTextLineHeight() + 12 : 0; // a finger's height on a phone
    // At most a little over half the pane, scrolled within, so the results stay in view (a phone).
    const float most = std::max(ImGui::GetTextLineHeightWithSpacing() * 4, ImGui::GetContentRegionAvail().y * 0.55f);
    ImGui::BeginChild("##syntax-help", ImVec2(0, st.syntax_height > 0 ? std::min(st.syntax_height, most) : most));
    if (ImGui::BeginTable("##syntax", 2, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingFixedFit)) {
        ImGui::TableSetupColumn("example", ImGuiTableColumnFlags_WidthFixed);
        ImGui::TableSetupColumn("meaning", ImGuiTableColumnFlags_WidthStretch);
        for (const auto& form : kSyntax) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
            const bool clicked = ImGui::Selectable(form.example, false, ImGuiSelectableFlags_SpanAllColumns, ImVec2(0, row));
            ImGui::PopStyleColor();
            st.syntax_lines.push_back({form.example, {}});
            keep_rect(st.syntax_lines.back().rect);
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("Search for %s", form.example);
            ImGui::TableNextColumn();
            ImGui::PushTextWrapPos(0.0f);
            ImGui::TextUnformatted(form.meaning);
            ImGui::PopTextWrapPos();
            if (clicked) {
                // A space after it: the example as a finished query, its last word whole (not
                // the start of words, as the word being typed is).
                set_search_query(app, std::string(form.example) + " ");
                st.scroll_to_top = true;
                st.focus_box = true;
                app.run_search();
            }
        }
        ImGui::EndTable();
    }
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextDisabled("OR, AND, NOT and NEAR are operators in capitals only. Case and accents never count. "
                        "As you type, the last word also finds the words it begins.");
    ImGui::PopTextWrapPos();
    st.syntax_height = ImGui::GetCursorPosY(); // the whole help's height, scrolled or not
    ImGui::EndChild();
    ImGui::Separator();
}

} // namespace

constexpr int kFocusWaitFrames = 24, kFocusRetryFrames = 6;

void hold_typed_for_search_box(App& app) {
    auto& st = app.search;
    if (st.focus_wait <= 0 || st.held_frame == ImGui::GetFrameCount()) return; // once a frame
    st.held_frame = ImGui::GetFrameCount();
    ImGuiIO& io = ImGui::GetIO();
    for (ImWchar c : io.InputQueueCharacters) {
        if (c == '/' && st.slash_pending) {
            st.slash_pending = false;
            continue;
        }
        st.carried.push_back(c);
    }
    io.InputQueueCharacters.resize(0);
    for (unsigned short c : st.carried) io.InputQueueCharacters.push_back(c);
    request_redraw(); // frames until the box has the keyboard
}

void request_search_box(App& app, bool slash) {
    app.search.focus_box = true;
    app.search.slash_pending = slash;
    app.search.focus_wait = kFocusWaitFrames;
}

bool search_key_pressed(bool& slash) {
    slash = shortcut_pressed(SDL_SCANCODE_SLASH);
    return slash || (ImGui::GetIO().KeyCtrl && ImGui::IsKeyPressed(SDL_SCANCODE_K, false));
}

void draw_search_panel(App& app) {
    auto& st = app.search;
    // "/" or Ctrl+K puts the keyboard in the query box (the page keeps Ctrl+K from the browser).
    bool slash = false;
    if (search_key_pressed(slash)) {
        st.focus_box = true;
        st.slash_pending = slash;
    }
    // The request is asked again every few frames while the box has not taken the keyboard: under
    // a heavy load a request was seen to go unanswered (imgui resolves it a frame or two later, and
    // events in between can drop it).
    if (st.focus_box || (st.focus_wait > 0 && st.focus_wait % kFocusRetryFrames == 0 && !st.box_was_active)) {
        ImGui::SetKeyboardFocusHere();
        if (st.focus_box) st.focus_wait = kFocusWaitFrames;
        st.focus_box = false;
    }
    // imgui gives the box the keyboard a frame or two after the request; letters typed before then
    // would reach no widget and be lost. They are held, without the '/' itself (whose character may
    // come a frame after its key), and handed to the box every frame until it is active.
    hold_typed_for_search_box(app);
    const size_t length_before = std::strlen(st.query);
    // Escape in the box: imgui 1.86 puts back the text the box had when it took the keyboard and
    // lets it go. Here it empties the query (back to the library) and keeps the keyboard; in an
    // empty box it leaves it.
    const bool escape = st.box_was_active && key_pressed(ImGuiKey_Escape, false);
    // F1 (anywhere) or the "?" at the box's right opens and closes the query syntax's help.
    if (ImGui::IsKeyPressed(SDL_SCANCODE_F1, false)) st.syntax_open = !st.syntax_open;
    const float help_width = ImGui::GetFrameHeight();
    ImGui::SetNextItemWidth(-(help_width + ImGui::GetStyle().ItemSpacing.x));
    // The history callback flag keeps Up and Down for the box (imgui's keyboard navigation would
    // move the focus out of it to the next item): below, they move through the hits.
    bool entered = ImGui::InputTextWithHint("##search-query", "Search the articles  ( / or Ctrl+K )", st.query,
                                            sizeof st.query, ImGuiInputTextFlags_EnterReturnsTrue | ImGuiInputTextFlags_CallbackHistory,
                                            [](ImGuiInputTextCallbackData*) { return 0; });
    bool box_active = ImGui::IsItemActive();
    st.box_focused = ImGui::IsItemFocused();
    ImGui::SameLine();
    if (st.syntax_open) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
    const bool help = ImGui::Button("?##syntax", ImVec2(help_width, 0));
    if (st.syntax_open) ImGui::PopStyleColor();
    if (help) st.syntax_open = !st.syntax_open;
    keep_rect(st.syntax_rect);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip(st.syntax_open ? "Hide the search syntax (F1)" : "The search syntax: phrases, OR, -, NEAR, prefix*, typo~1, fields, dates (F1)");
    // The frame the box takes the keyboard, imgui 1.86 may ignore the letters queued for it (an
    // activation by keyboard navigation): then they are handed over again in the next frame.
    bool taken = box_active && (st.carried.empty() || std::strlen(st.query) > length_before);
    if (st.focus_wait > 0 && (taken || --st.focus_wait == 0)) {
        st.focus_wait = 0; // the box has read the held letters (or never took the keyboard)
        st.carried.clear();
        st.slash_pending = false;
    }
    st.box_was_active = box_active;
    if (escape) {
        st.query[0] = '\0';
        if (length_before > 0) st.focus_box = true; // still typing: the box takes the keyboard back
    }
    if (st.ran != st.query || st.stale) app.run_search();
    if (box_active && !st.shown.empty()) {
        // Arrows move through the hits as drawn (folded copies skipped) without leaving the box.
        const auto at = std::find(st.shown.begin(), st.shown.end(), st.selected);
        int k = at == st.shown.end() ? -1 : int(at - st.shown.begin());
        const int last = int(st.shown.size()) - 1;
        int was = st.selected;
        if (key_pressed(ImGuiKey_DownArrow)) {
            if (k == last && st.rows.size() < st.result.total.value_or(0)) { // past the last: the next ones
                st.select_after_run = int(st.rows.size());
                show_more_results(app);
            }
            k = std::min(last, k + 1);
        }
        if (key_pressed(ImGuiKey_UpArrow)) k = std::max(0, k - 1);
        if (k >= 0) st.selected = st.shown[size_t(k)];
        if (st.selected != was) st.scroll_to_selected = true; // the hit comes into view
    }
    // Shift+Enter shows the copies folded under the selected hit, or folds those the selection is
    // among, as a click on its "+N more with this text" line does; the keyboard stays in the box.
    if (entered && ImGui::GetIO().KeyShift && st.selected >= 0 && size_t(st.selected) < st.rows.size()) {
        const auto& row = st.rows[size_t(st.selected)];
        const int owner = row.copy_of >= 0 ? row.copy_of : row.copies > 0 ? st.selected : -1;
        if (owner >= 0) {
            toggle_copies(app, size_t(owner));
            st.focus_box = true; // Enter let go of the box
            st.scroll_to_selected = true;
            return;
        }
    }
    // Enter opens the selected hit (the first by default); the keyboard goes to the reader.
    if (entered && !st.rows.empty()) {
        app.open_result(size_t(std::max(0, st.selected)));
        app.reveal_reader();
        app.reader.focus_body = true;
    }
}

// What the left pane shows under the box: results when there is a query, else the library.
void draw_left_pane(App& app) {
    draw_search_panel(app);
    auto& st = app.search;
    if (st.syntax_open) draw_syntax_help(app);
    else st.syntax_lines.clear();
    st.order_rect[2] = st.sources_rect[2] = st.dates_rect[2] = st.export_rect[2] = 0;
    st.copies_lines.clear(); // drawn with the results, if there are any
    if (st.ran.find_first_not_of(" \t") != std::string::npos) {
        draw_results(app);
    } else {
        // The recent searches show while the box has the keyboard, and stay until a click that
        // took it away is over: going at the press, they moved the library up under the pointer,
        // and the click landed on no row (or another).
        bool clicking = ImGui::IsMouseDown(0) || ImGui::IsMouseDown(1) || ImGui::IsMouseReleased(0) ||
                        ImGui::IsMouseReleased(1);
        bool show = st.box_was_active || st.box_focused || (st.history_shown && clicking);
        st.history_shown = show && !st.history.empty();
        if (show) draw_history(app);
        draw_library_panel(app);
    }
}
