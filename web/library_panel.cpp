// Library panel: every loaded article in a sortable, filterable, virtualised table.
#include "app.hpp"
#include "keys.hpp"

#include <imgui.h>
#include <imgui_internal.h> // HoveredIdTimer: a cut title's tooltip waits for the pointer to rest

#include <algorithm>
#include <cstdio>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace {

enum Column { kTitle, kDate, kByline, kFile, kLength, kSource, kColumnCount };

int bytes_compare(std::string_view a, std::string_view b) {
    int c = a.compare(b);
    return c < 0 ? -1 : c > 0 ? 1 : 0;
}

// ASCII letters in lower case, other bytes as they are (titles sort in dictionary order).
unsigned char fold_ascii(unsigned char c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; }

// Titles in dictionary order: ASCII case ignored ("apple" before "Mango"), then bytes. -1, 0, 1.
int title_compare(std::string_view a, std::string_view b) {
    for (size_t i = 0; i < a.size() && i < b.size(); ++i)
        if (fold_ascii(a[i]) != fold_ascii(b[i])) return fold_ascii(a[i]) < fold_ascii(b[i]) ? -1 : 1;
    if (a.size() != b.size()) return a.size() < b.size() ? -1 : 1;
    return bytes_compare(a, b);
}

// The first eight bytes of a text (a sort key, or a byline) as one number that orders like them
// (a shorter text first). Sorting compares these, and the texts only where they are equal.
uint64_t prefix_key(std::string_view s) {
    uint64_t k = 0;
    for (size_t i = 0; i < 8; ++i) k = k << 8 | (i < s.size() ? (unsigned char)s[i] : 0);
    return k;
}

// A title's sort key in dictionary order: folded as search folds text (case, accents: "Über"
// with "uber", "Änderung" with "anderung"), without the quotation marks and other punctuation it
// may open with ("„Wir ...", "'Such ..."), and with its numbers in natural order ("Part 2"
// before "Part 10", "day-9.txt" before "day-10.txt", as file managers sort): a run of digits is
// written as its length and then its digits, leading zeros left out. The length is one byte from
// '0' up, so numbers still sort among the other characters where digits do (before letters).
std::string dictionary_key(std::string_view title) {
    std::string folded;
    broadsheet::search::fold(title, true, folded);
    size_t at = 0;
    while (at < folded.size()) {
        auto c = static_cast<unsigned char>(folded[at]);
        if (c < 0x80 && !((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) ++at; // ASCII punctuation, spaces
        else if (c == 0xC2 && at + 1 < folded.size()) at += 2;                       // « ¡ ¿ and Latin-1 signs
        else if (c == 0xE2 && at + 2 < folded.size() && static_cast<unsigned char>(folded[at + 1]) == 0x80) at += 3; // „ “ ‘ – …
        else break;
    }
    auto digit = [](char c) { return c >= '0' && c <= '9'; };
    std::string key;
    key.reserve(folded.size() - at + 4);
    for (size_t i = at; i < folded.size();) {
        if (!digit(folded[i])) {
            key += folded[i++];
            continue;
        }
        size_t end = i;
        while (end < folded.size() && digit(folded[end])) ++end;
        size_t first = i;
        while (first + 1 < end && folded[first] == '0') ++first; // "007" as "7"; "0" stays
        key += char('0' + std::min<size_t>(end - first, 40));    // below the folded letters
        key.append(folded, first, end - first);
        i = end;
    }
    return key;
}

std::string joined_byline(const broadsheet::Article& a) {
    std::string s;
    for (const auto& n : a.byline) s += (s.empty() ? "" : ", ") + n;
    return s;
}

// `text` at `at`, in `room` pixels: cut with "…" where it does not fit.
void draw_cut_text(std::string_view text, ImVec2 at, float room) {
    const ImVec2 size = ImGui::CalcTextSize(text.data(), text.data() + text.size());
    const ImVec2 end(at.x + room, at.y + size.y);
    ImGui::RenderTextEllipsis(ImGui::GetWindowDrawList(), at, end, end.x, end.x, text.data(), text.data() + text.size(), &size);
}

} // namespace

void cell_text(std::string_view text) {
    const float room = ImGui::GetContentRegionAvail().x;
    draw_cut_text(text, ImGui::GetCursorScreenPos(), room);
    ImGui::Dummy(ImVec2(std::min(room, ImGui::CalcTextSize(text.data(), text.data() + text.size()).x), ImGui::GetTextLineHeight()));
}

bool cut_selectable(std::string_view text, bool selected, int flags) {
    const float room = ImGui::GetContentRegionAvail().x;
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const bool clicked = ImGui::Selectable("##row", selected, flags);
    draw_cut_text(text, at, room);
    // Cut text shows whole when the pointer rests on it.
    if (ImGui::IsItemHovered() && GImGui->HoveredIdTimer > 0.6f && ImGui::CalcTextSize(text.data(), text.data() + text.size()).x > room)
        ImGui::SetTooltip("%.*s", int(text.size()), text.data());
    return clicked;
}

namespace {

std::string_view base_name(std::string_view path) {
    size_t slash = path.find_last_of("/\\");
    return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

// A click opens the article; Ctrl+click marks or unmarks a row, Shift+click marks the rows from
// the last clicked one to this one (in the order shown).
void click_row(App& app, int row, broadsheet::ArticleId id) {
    auto& st = app.library;
    const ImGuiIO& io = ImGui::GetIO();
    auto& m = st.marked;
    if (io.KeyCtrl || io.KeySuper) {
        if (m.empty() && st.selected) m.push_back(st.selected);
        auto it = std::lower_bound(m.begin(), m.end(), id);
        if (it != m.end() && *it == id) m.erase(it);
        else m.insert(it, id);
        st.anchor_row = row;
        return;
    }
    if (io.KeyShift && st.anchor_row >= 0) {
        m.clear();
        int lo = std::min(st.anchor_row, row), hi = std::max(st.anchor_row, row);
        for (int r = lo; r <= hi && size_t(r) < st.rows.size(); ++r) m.push_back(app.corpus.ids()[st.rows[size_t(r)]]);
        std::sort(m.begin(), m.end());
        return;
    }
    m.clear();
    st.anchor_row = row;
    if (app.open_article(id)) app.reveal_reader();
}

// A date's digits as one number (up to 18 of them, "2025-08-13T20:15" -> 202508132015000000),
// which orders ISO dates as their text does; the text decides between equal numbers.
uint64_t date_key(std::string_view date) {
    uint64_t k = 0;
    int digits = 0;
    for (char c : date)
        if (c >= '0' && c <= '9' && digits < 18) k = k * 10 + uint64_t(c - '0'), ++digits;
    for (; digits < 18; ++digits) k *= 10;
    return k;
}

// Every article in ascending order of `column`. Each article's key starts as a number (the first
// bytes of its text, a date's digits, the word count), so most comparisons are one integer
// compare; ties go by the text, then the library's order (as a stable sort), so the order is the
// same on every machine.
std::vector<size_t> sort_ascending(const App& app, int column) {
    const auto& all = app.corpus.articles();
    // The By column's text, made once per article rather than in every comparison.
    std::vector<std::string> bylines, keys;
    if (column == kByline) {
        bylines.resize(all.size());
        for (size_t i = 0; i < all.size(); ++i) bylines[i] = joined_byline(all[i]);
    }
    // Titles, sources and file names in dictionary order (their folded keys, made once per article).
    if (column == kTitle || column == kSource || column == kFile) {
        keys.resize(all.size());
        for (size_t i = 0; i < all.size(); ++i)
            keys[i] = dictionary_key(column == kTitle ? all[i].title : column == kSource ? all[i].source : base_name(all[i].file));
    }
    struct Keyed {
        uint64_t key;
        uint32_t index;
    };
    std::vector<Keyed> keyed(all.size());
    for (size_t i = 0; i < all.size(); ++i) {
        const auto& a = all[i];
        uint64_t k = 0;
        switch (column) {
        case kTitle: k = prefix_key(keys[i]); break;
        case kDate: k = date_key(a.date); break;
        case kByline: k = prefix_key(bylines[i]); break;
        case kFile: k = prefix_key(keys[i]); break;
        case kSource: k = prefix_key(keys[i]); break;
        default: k = a.word_count; break;
        }
        keyed[i] = {k, uint32_t(i)};
    }
    // The rest of the texts, where the keys are equal.
    auto rest_compare = [&](size_t x, size_t y) {
        const auto &a = all[x], &b = all[y];
        switch (column) {
        case kTitle:
            if (int c = bytes_compare(keys[x], keys[y])) return c;
            return title_compare(a.title, b.title);
        case kDate: return bytes_compare(a.date, b.date);
        case kByline: return bytes_compare(bylines[x], bylines[y]);
        case kFile:
            if (int c = bytes_compare(keys[x], keys[y])) return c;
            return bytes_compare(base_name(a.file), base_name(b.file));
        case kSource:
            if (int c = bytes_compare(keys[x], keys[y])) return c;
            return title_compare(a.source, b.source);
        default: return 0;
        }
    };
    std::sort(keyed.begin(), keyed.end(), [&](const Keyed& x, const Keyed& y) {
        if (x.key != y.key) return x.key < y.key;
        if (int c = rest_compare(x.index, y.index)) return c < 0;
        return x.index < y.index;
    });
    std::vector<size_t> order(keyed.size());
    for (size_t i = 0; i < keyed.size(); ++i) order[i] = keyed[i].index;
    return order;
}

// Every article in the sort's order (st.order): a column's ascending order is sorted once and
// kept; descending is its exact reverse.
void sort_all(App& app) {
    auto& st = app.library;
    const size_t n = app.corpus.articles().size();
    if (st.sort_column < 0 || st.sort_column >= int(st.sorted_by.size())) {
        st.order.resize(n);
        for (size_t i = 0; i < n; ++i) st.order[i] = i;
    } else {
        auto& ascending = st.sorted_by[size_t(st.sort_column)];
        if (ascending.size() != n) ascending = sort_ascending(app, st.sort_column);
        st.order = ascending;
        if (!st.sort_ascending) std::reverse(st.order.begin(), st.order.end());
    }
    st.order_dirty = false;
}

// The filter's text of every article, folded (st.haystack).
void build_haystack(App& app) {
    auto& st = app.library;
    const auto& all = app.corpus.articles();
    size_t total = 0;
    for (const auto& a : all) {
        total += a.title.size() + a.file.size() + a.source.size() + 3;
        for (const auto& n : a.byline) total += n.size() + 2;
    }
    st.haystack.resize(total);
    st.haystack_ends.resize(all.size());
    char* out = st.haystack.data();
    auto add = [&](std::string_view s) {
        for (char c : s) *out++ = char(fold_ascii((unsigned char)c));
    };
    for (size_t i = 0; i < all.size(); ++i) {
        const auto& a = all[i];
        add(a.title);
        *out++ = '\n'; // the filter is one line: no match runs across fields
        add(a.file);
        *out++ = '\n';
        add(a.source);
        *out++ = '\n';
        // A name alone, or across the ", " that joins two (as the By column shows them).
        for (size_t k = 0; k < a.byline.size(); ++k) {
            if (k) add(", ");
            add(a.byline[k]);
        }
        st.haystack_ends[i] = uint32_t(out - st.haystack.data());
    }
    st.haystack.resize(size_t(out - st.haystack.data()));
    st.haystack_dirty = false;
}

// The rows shown: the sorted articles the filter keeps. A filter key scans the kept order (no
// sort); a key that adds to the filter scans only the rows it showed already.
void rebuild_rows(App& app) {
    auto& st = app.library;
    const auto& all = app.corpus.articles();
    bool same_rows = !st.order_dirty && !st.haystack_dirty && st.order.size() == all.size() &&
                     st.haystack_ends.size() == all.size();
    if (st.order_dirty || st.order.size() != all.size()) sort_all(app);
    std::string filter = st.filter;
    for (char& c : filter) c = char(fold_ascii((unsigned char)c));
    if (filter.empty()) {
        st.rows = st.order;
    } else {
        if (st.haystack_dirty || st.haystack_ends.size() != all.size()) build_haystack(app);
        // Whatever holds the new filter holds the one before it, if that is part of it.
        bool narrowing = same_rows && !st.rows_filter.empty() && filter.find(st.rows_filter) != std::string::npos;
        std::vector<size_t> from;
        if (narrowing) from.swap(st.rows);
        const std::vector<size_t>& candidates = narrowing ? from : st.order;
        // One pass over the whole haystack (in library order; after a match, on from the end of
        // that article), then the candidates in the sort's order keep the articles it found.
        std::vector<uint8_t> found(all.size(), 0);
        const std::string_view hay = st.haystack;
        const auto& ends = st.haystack_ends;
        size_t article = 0;
        for (size_t at = hay.find(filter); at != std::string_view::npos; at = hay.find(filter, at)) {
            while (ends[article] <= at) ++article;
            if (at + filter.size() <= ends[article]) found[article] = 1;
            at = found[article] ? ends[article] : at + 1;
        }
        st.rows.clear();
        for (size_t i : candidates)
            if (found[i]) st.rows.push_back(i);
    }
    st.rows_filter = filter;
    st.rows_dirty = false;
}

} // namespace

void draw_library_panel(App& app) {
    auto& st = app.library;
    st.pane_right = ImGui::GetWindowPos().x + ImGui::GetWindowWidth();
    ImGui::PushFont(app.fonts.ui_bold);
    ImGui::TextUnformatted("Library");
    ImGui::PopFont();
    ImGui::SameLine();
    ImGui::TextDisabled("%zu article%s", app.corpus.size(), app.corpus.size() == 1 ? "" : "s");

    if (!st.marked.empty()) {
        ImGui::SameLine();
        ImGui::TextDisabled("(%zu marked)", st.marked.size());
        ImGui::SameLine();
        if (ImGui::SmallButton("Remove marked")) app.remove_marked();
        ImGui::SameLine();
        if (ImGui::SmallButton("Unmark")) st.marked.clear();
    }
    // Delete removes the marked rows (or the selected one) when the library has the keyboard.
    if (ImGui::IsWindowFocused(ImGuiFocusedFlags_ChildWindows) && !ImGui::GetIO().WantTextInput &&
        key_pressed(ImGuiKey_Delete, false) && (!st.marked.empty() || st.selected))
        app.remove_marked();

    ImGui::SetNextItemWidth(-FLT_MIN);
    if (ImGui::InputTextWithHint("##library-filter", "Filter by title, source, file or author", st.filter,
                                 sizeof st.filter))
        st.rows_dirty = true;

    if (app.corpus.empty()) {
        ImGui::Spacing();
        ImGui::TextWrapped("No articles yet. Drop files or folders anywhere on the page, or choose them:");
        if (ImGui::Button("Open files...")) platform_open_file_picker();
        ImGui::SameLine();
        if (ImGui::Button("Open a folder...")) platform_open_folder_picker();
        ImGui::Spacing();
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
        ImGui::TextWrapped("Text as copied from news sites, saved web pages, Markdown, JSON or JSON Lines, "
                           "e-mail and newsgroup messages. Nothing leaves this tab.");
        ImGui::PopStyleColor();
        if (app.bundle.count > 0) {
            ImGui::Spacing();
            ImGui::Separator();
            ImGui::Spacing();
            ImGui::TextWrapped("Or explore the articles this page comes with: %s, %zu articles.", app.bundle.title.c_str(),
                               app.bundle.count);
            if (ImGui::Button("Open the sample articles")) app.open_bundle();
            if (!app.bundle.error.empty()) ImGui::TextWrapped("Could not open them: %s", app.bundle.error.c_str());
        }
        return;
    }

    constexpr ImGuiTableFlags kFlags = ImGuiTableFlags_Resizable | ImGuiTableFlags_Sortable |
                                       ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY |
                                       ImGuiTableFlags_ScrollX | ImGuiTableFlags_BordersInnerV |
                                       ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_Hideable;
    // Narrow panes scroll sideways rather than squeeze the titles to nothing.
    const float source_width = ImGui::GetFontSize() * 7;
    float inner = std::max(ImGui::GetContentRegionAvail().x, ImGui::GetFontSize() * 34 + source_width);
    if (!ImGui::BeginTable("library-table", kColumnCount, kFlags, ImVec2(0, 0), inner)) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("Title", ImGuiTableColumnFlags_WidthStretch | ImGuiTableColumnFlags_NoHide, 0, kTitle);
    // Fixed columns sized for their widest values (rows are clipped, so they cannot size to them).
    ImGui::TableSetupColumn("Date", ImGuiTableColumnFlags_WidthFixed, ImGui::CalcTextSize("0000-00-00").x, kDate);
    ImGui::TableSetupColumn("By", ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 6.5f, kByline);
    ImGui::TableSetupColumn("File", ImGuiTableColumnFlags_DefaultHide, 0, kFile);
    const float words_width = std::max(ImGui::CalcTextSize("Words ").x + ImGui::GetFontSize(), ImGui::CalcTextSize("000000").x);
    ImGui::TableSetupColumn("Words", ImGuiTableColumnFlags_WidthFixed | ImGuiTableColumnFlags_PreferSortDescending, words_width, kLength);
    ImGui::TableSetupColumn("Source", ImGuiTableColumnFlags_WidthFixed, source_width, kSource);
    ImGui::TableHeadersRow();

    if (ImGuiTableSortSpecs* sort = ImGui::TableGetSortSpecs(); sort && sort->SpecsDirty) {
        if (sort->SpecsCount > 0) {
            st.sort_column = int(sort->Specs[0].ColumnUserID);
            st.sort_ascending = sort->Specs[0].SortDirection == ImGuiSortDirection_Ascending;
        }
        sort->SpecsDirty = false;
        st.rows_dirty = st.order_dirty = true; // a new order (the kept ones stay)

    }
    // While a big import runs, the row list (filter + sort over every article) is rebuilt at most
    // a few times a second rather than on every frame.
    double now = ImGui::GetTime();
    bool importing = app.status.files_total > 0;
    if (st.rows_dirty && (!importing || now - st.rebuilt_at > 0.4)) {
        rebuild_rows(app);
        st.rebuilt_at = now;
    }

    const auto& all = app.corpus.articles();
    const auto& ids = app.corpus.ids();
    int selected_row = -1;
    for (size_t r = 0; r < st.rows.size(); ++r)
        if (ids[st.rows[r]] == st.selected) selected_row = int(r);

    ImGuiListClipper clipper;
    clipper.Begin(int(st.rows.size()));
    if (st.scroll_to_selected && selected_row >= 0) clipper.ForceDisplayRangeByIndices(selected_row, selected_row + 1);
    while (clipper.Step()) {
        for (int r = clipper.DisplayStart; r < clipper.DisplayEnd; ++r) {
            size_t i = st.rows[size_t(r)];
            const auto& a = all[i];
            auto id = ids[i];
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::PushID(int(id));
            bool is_marked = std::binary_search(st.marked.begin(), st.marked.end(), id);
            bool is_selected = id == st.selected || is_marked;
            if (cut_selectable(a.title, is_selected, ImGuiSelectableFlags_SpanAllColumns)) click_row(app, r, id);
            if (ImGui::IsItemFocused() && !is_selected && key_pressed(ImGuiKey_Enter) && app.open_article(id))
                app.reveal_reader();
            if (is_selected && st.scroll_to_selected) {
                ImGui::SetScrollHereY();
                st.scroll_to_selected = false;
            }
            if (ImGui::BeginPopupContextItem("row-menu")) {
                if (ImGui::MenuItem("Open") && app.open_article(id)) app.reveal_reader();
                if (is_marked && st.marked.size() > 1) {
                    if (ImGui::MenuItem(("Remove " + std::to_string(st.marked.size()) + " marked articles").c_str()))
                        app.remove_marked();
                } else if (ImGui::MenuItem("Remove from library")) {
                    app.remove_article(id);
                }
                ImGui::EndPopup();
            }
            ImGui::PopID();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(a.date.substr(0, 10).c_str());
            ImGui::TableNextColumn();
            cell_text(joined_byline(a));
            ImGui::TableNextColumn();
            cell_text(base_name(a.file));
            ImGui::TableNextColumn();
            char words[24];
            std::snprintf(words, sizeof words, "%zu", a.word_count);
            ImGui::SetCursorPosX(ImGui::GetCursorPosX() + ImGui::GetContentRegionAvail().x - ImGui::CalcTextSize(words).x);
            ImGui::TextUnformatted(words); // right-aligned, as numbers line up
            ImGui::TableNextColumn();
            cell_text(a.source);
        }
    }
    st.scroll_to_selected = false;
    st.scroll_y = ImGui::GetScrollY();
    st.scroll_max_y = ImGui::GetScrollMaxY();
    ImGui::EndTable();
}
