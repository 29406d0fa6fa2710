// Corpus panel: the whole library at once -- its words and phrases, how they run over time, who
// is named with whom, who is quoted saying what, which figures recur, and which articles are
// near-copies of each other. The analysis is built in
// steps across frames (a few milliseconds each), so importing 20,000 articles never freezes the
// page; results are remade when the library has changed and nothing is left to analyse.
// Every row clicks through: a term or phrase searches for it, a timeline bar searches its dates,
// an entity searches its name, a quote or a figure opens where it stands, a duplicate opens with
// what differs highlighted.
#include "app.hpp"
#include "alloc_fault.hpp"
#include "export.hpp"

#include "broadsheet/analyzer.hpp"
#include "broadsheet/dates.hpp"

#include <imgui.h>
#include <imgui_internal.h> // TableSetColumnWidth

#include <algorithm>
#include <cstdarg>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>
#include <tuple>

namespace {

using broadsheet::ArticleId;

// A line of explanation in the dim text colour, wrapped to the pane (a narrow one cut it).
IM_FMTARGS(1) void caption(const char* fmt, ...) {
    va_list args;
    va_start(args, fmt);
    ImGui::PushTextWrapPos(0.0f);
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextWrappedV(fmt, args);
    ImGui::PopStyleColor();
    ImGui::PopTextWrapPos();
    va_end(args);
}

constexpr size_t kTopTerms = 100, kTopPhrases = 60, kNodes = 40, kEdges = 80;
constexpr ImGuiTableFlags kTable = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_Resizable |
                                   ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_ScrollY;

std::string number(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.4g", v);
    return buf;
}

// A phrase query for a name or n-gram: quoted unless it is one word.
std::string phrase_query(const std::string& words) {
    if (words.find(' ') == std::string::npos) return words;
    std::string q = "\"";
    for (char c : words)
        if (c != '"') q += c;
    return q + "\"";
}

// The date-range query of a timeline bucket: date:2014-03 for a month, date:A..B otherwise.
std::string bucket_query(const broadsheet::Timeline& t, size_t i) {
    const auto& b = t.buckets[i];
    using Unit = broadsheet::Timeline::Unit;
    if (t.unit == Unit::Day || t.unit == Unit::Month || t.unit == Unit::Year) return "date:" + b.label;
    std::string end = i + 1 < t.buckets.size() ? t.buckets[i + 1].start : b.start; // a week: up to the next one
    int64_t day = 0;
    if (i + 1 < t.buckets.size() && broadsheet::day_number(end, day)) {
        // the day before the next bucket starts
        int64_t z = day - 1 + 719468, era = (z >= 0 ? z : z - 146096) / 146097;
        int64_t doe = z - era * 146097, yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
        int64_t y = yoe + era * 400, doy = doe - (365 * yoe + yoe / 4 - yoe / 100), mp = (5 * doy + 2) / 153;
        int64_t d = doy - (153 * mp + 2) / 5 + 1, m = mp < 10 ? mp + 3 : mp - 9;
        char buf[16];
        std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", int(y + (m <= 2)), int(m), int(d));
        end = buf;
    }
    return "date:" + b.start + ".." + end;
}

// A force-directed layout (Fruchterman & Reingold 1991, with a pull to the centre as in later
// variants) of the entity network in the unit square, from a circle, in a fixed number of cooling steps: deterministic, and cheap at 40 nodes.
void lay_out(const broadsheet::EntityNetwork& net, std::vector<Point>& pos) {
    size_t n = net.nodes.size();
    pos.assign(n, Point{0.5f, 0.5f});
    if (n == 0) return;
    for (size_t i = 0; i < n; ++i) {
        float a = 6.2831853f * float(i) / float(n);
        pos[i] = Point{0.5f + 0.4f * std::cos(a), 0.5f + 0.4f * std::sin(a)};
    }
    const float k = 0.6f * std::sqrt(1.0f / float(n)); // the ideal edge length, a little under FR's
    std::vector<Point> shift(n);
    for (int step = 0; step < 200; ++step) {
        float temperature = 0.1f * (1.0f - float(step) / 200.0f);
        std::fill(shift.begin(), shift.end(), Point{0, 0});
        for (size_t i = 0; i < n; ++i)
            for (size_t j = i + 1; j < n; ++j) {
                float dx = pos[i].x - pos[j].x, dy = pos[i].y - pos[j].y;
                float d = std::max(1e-3f, std::sqrt(dx * dx + dy * dy));
                float f = k * k / d; // repulsion
                shift[i].x += dx / d * f, shift[i].y += dy / d * f;
                shift[j].x -= dx / d * f, shift[j].y -= dy / d * f;
            }
        for (const auto& e : net.edges) {
            float dx = pos[e.a].x - pos[e.b].x, dy = pos[e.a].y - pos[e.b].y;
            float d = std::max(1e-3f, std::sqrt(dx * dx + dy * dy));
            float f = d * d / k * float(std::max(0.5, e.log_dice / 14.0)); // attraction, by strength
            shift[e.a].x -= dx / d * f, shift[e.a].y -= dy / d * f;
            shift[e.b].x += dx / d * f, shift[e.b].y += dy / d * f;
        }
        for (size_t i = 0; i < n; ++i) { // gravity to the centre keeps unconnected names on the canvas
            float dx = pos[i].x - 0.5f, dy = pos[i].y - 0.5f;
            float g = 0.5f * float(n) * k; // strong enough to hold names that no line holds
            shift[i].x -= dx * g, shift[i].y -= dy * g;
        }
        for (size_t i = 0; i < n; ++i) {
            float len = std::max(1e-6f, std::sqrt(shift[i].x * shift[i].x + shift[i].y * shift[i].y));
            float move = std::min(len, temperature);
            pos[i].x = std::clamp(pos[i].x + shift[i].x / len * move, 0.05f, 0.95f);
            pos[i].y = std::clamp(pos[i].y + shift[i].y / len * move, 0.05f, 0.95f);
        }
    }
}

void remake_results(App& app) {
    auto& st = app.corpus_view;
    st.top_terms = st.terms.top(kTopTerms);
    st.phrases = st.terms.top_ngrams(app.corpus, 2, kTopPhrases / 2);
    auto tri = st.terms.top_ngrams(app.corpus, 3, kTopPhrases / 2);
    st.phrases.insert(st.phrases.end(), tri.begin(), tri.end());
    std::stable_sort(st.phrases.begin(), st.phrases.end(), [](const auto& a, const auto& b) { return a.count > b.count; });
    st.clusters = st.duplicates.clusters();
    st.timeline = broadsheet::timeline(app.corpus);
    st.network = st.graph.network(kNodes, kEdges);
    lay_out(st.network, st.layout);
    // Who said what and the figures that recur; the row picked stays picked when it is still there.
    const std::string speaker = st.speaker_selected >= 0 && size_t(st.speaker_selected) < st.speakers.size()
                                    ? st.speakers[size_t(st.speaker_selected)].name + (st.speakers[size_t(st.speaker_selected)].named ? "\x01" : "")
                                    : std::string("\x02");
    st.speakers = st.citations.speakers(app.corpus);
    st.speaker_selected = -1;
    for (size_t i = 0; i < st.speakers.size(); ++i)
        if (st.speakers[i].name + (st.speakers[i].named ? "\x01" : "") == speaker) st.speaker_selected = int(i);
    std::string figure;
    if (st.figure_selected >= 0 && size_t(st.figure_selected) < st.figures.size()) {
        const auto& f = st.figures[size_t(st.figure_selected)];
        figure = f.value + '\x01' + f.unit + '\x01' + char('0' + int(f.kind));
    }
    st.figures = st.citations.figures(app.corpus);
    st.figure_selected = -1;
    for (size_t i = 0; i < st.figures.size() && !figure.empty(); ++i) {
        const auto& f = st.figures[i];
        if (f.value + '\x01' + f.unit + '\x01' + char('0' + int(f.kind)) == figure) st.figure_selected = int(i);
    }
    st.speaker_filter_ran = st.figure_filter_ran = "\x01"; // their rows are made again
    st.focus_ran.clear(); // the focus term's figures are remade too
    st.results_stale = false;
}

void run_concordance(App& app, const std::string& query); // the concordance view's, below

void focus_term(App& app, const std::string& word) {
    auto& st = app.corpus_view;
    std::snprintf(st.focus, sizeof st.focus, "%s", word.c_str());
    st.focus_ran.clear();
}

void search_for(App& app, const std::string& query) {
    std::snprintf(app.search.query, sizeof app.search.query, "%s", query.c_str());
    app.run_search();
}

void draw_terms(App& app) {
    auto& st = app.corpus_view;
    // The focus term: collocates and its run over time.
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 14);
    if (ImGui::InputTextWithHint("##focus", "A word to look at closely", st.focus, sizeof st.focus,
                                 ImGuiInputTextFlags_EnterReturnsTrue))
        st.focus_ran.clear();
    if (st.focus[0] && st.focus_ran != st.focus) {
        st.focus_ran = st.focus;
        st.collocates = st.terms.collocates(app.corpus, st.focus, 5, 30);
        st.focus_timeline = broadsheet::term_over_time(app.corpus, st.terms, st.focus);
    }
    if (st.focus[0]) {
        ImGui::SameLine();
        if (ImGui::SmallButton("Search for it")) search_for(app, st.focus);
        ImGui::SameLine();
        if (ImGui::SmallButton("Every line with it")) show_concordance(app, st.focus, false);
        caption("Words found within five words of \"%s\" (log-Dice: 14 is the strongest bond)", st.focus);
        TextTable rows{{"collocate", "together", "frequency", "log_dice", "g2"}};
        for (const auto& c : st.collocates)
            rows.push_back({c.surface, std::to_string(c.together), std::to_string(c.count), number(c.log_dice), number(c.g2)});
        export_buttons("collocates", "collocates", rows);
        if (ImGui::BeginTable("collocates", 3, kTable, ImVec2(0, ImGui::GetFontSize() * 10))) {
            ImGui::TableSetupScrollFreeze(0, 1);
            ImGui::TableSetupColumn("Collocate", 0, 3);
            ImGui::TableSetupColumn("Together", 0, 1);
            ImGui::TableSetupColumn("log-Dice", 0, 1);
            ImGui::TableHeadersRow();
            for (size_t i = 0; i < st.collocates.size(); ++i) {
                const auto& c = st.collocates[i];
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                ImGui::PushID(int(i));
                if (cut_selectable(c.surface, false, ImGuiSelectableFlags_SpanAllColumns))
                    search_for(app, std::string(st.focus) + " " + c.surface);
                ImGui::PopID();
                ImGui::TableNextColumn();
                ImGui::Text("%u", c.together);
                ImGui::TableNextColumn();
                ImGui::Text("%.2f", c.log_dice);
            }
            ImGui::EndTable();
        }
        if (st.collocates.empty()) ImGui::TextDisabled("No word occurs near it twice or more.");
        ImGui::Spacing();
    }

    float half = ImGui::GetContentRegionAvail().x * 0.5f - ImGui::GetStyle().ItemSpacing.x;
    ImGui::BeginGroup();
    ImGui::TextUnformatted("Most frequent words");
    TextTable rows{{"term", "word", "count", "articles"}};
    for (const auto& t : st.top_terms) rows.push_back({t.term, t.surface, std::to_string(t.count), std::to_string(t.docs)});
    export_buttons("terms", "corpus-terms", rows);
    if (ImGui::BeginTable("terms", 3, kTable, ImVec2(half, ImGui::GetFontSize() * 18))) {
        ImGui::TableSetupScrollFreeze(0, 1);
        ImGui::TableSetupColumn("Word", 0, 3);
        ImGui::TableSetupColumn("Count", 0, 1.2f);
        ImGui::TableSetupColumn("Articles", 0, 1.2f);
        ImGui::TableHeadersRow();
        for (size_t i = 0; i < st.top_terms.size(); ++i) {
            const auto& t = st.top_terms[i];
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::PushID(int(i));
            if (cut_selectable(t.surface, st.focus_ran == t.surface, ImGuiSelectableFlags_SpanAllColumns))
                focus_term(app, t.surface);
            ImGui::PopID();
            ImGui::TableNextColumn();
            ImGui::Text("%u", t.count);
            ImGui::TableNextColumn();
            ImGui::Text("%u", t.docs);
        }
        ImGui::EndTable();
    }
    ImGui::EndGroup();
    ImGui::SameLine();
    ImGui::BeginGroup();
    ImGui::TextUnformatted("Recurring phrases");
    TextTable prow{{"phrase", "count", "articles"}};
    for (const auto& p : st.phrases) prow.push_back({p.text, std::to_string(p.count), std::to_string(p.docs)});
    export_buttons("phrases", "corpus-phrases", prow);
    if (ImGui::BeginTable("phrases", 2, kTable, ImVec2(half, ImGui::GetFontSize() * 18))) {
        ImGui::TableSetupScrollFreeze(0, 1);
        ImGui::TableSetupColumn("Phrase", 0, 4);
        ImGui::TableSetupColumn("Count", 0, 1);
        ImGui::TableHeadersRow();
        for (size_t i = 0; i < st.phrases.size(); ++i) {
            const auto& p = st.phrases[i];
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::PushID(int(i));
            if (cut_selectable(p.text, false, ImGuiSelectableFlags_SpanAllColumns))
                search_for(app, phrase_query(p.text));
            ImGui::PopID();
            ImGui::TableNextColumn();
            ImGui::Text("%u", p.count);
        }
        ImGui::EndTable();
    }
    ImGui::EndGroup();

    // The open article against the rest: its keywords and the articles most like it.
    if (const broadsheet::Article* open = app.corpus.find(app.reader.open); open && st.terms.contains(app.reader.open)) {
        ImGui::Spacing();
        ImGui::TextWrapped("The open article: %s", open->title.c_str());
        auto keywords = st.terms.keywords(app.reader.open, 12);
        caption("Keywords (BM25 weight against the library):");
        // Buttons in rows, wrapped where the next one would not fit.
        float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
        for (size_t i = 0; i < keywords.size(); ++i) {
            float width = ImGui::CalcTextSize(keywords[i].surface.c_str()).x + ImGui::GetStyle().FramePadding.x * 2;
            if (i && ImGui::GetItemRectMax().x + ImGui::GetStyle().ItemSpacing.x + width < right) ImGui::SameLine();
            ImGui::PushID(int(i) + 5000);
            if (ImGui::SmallButton(keywords[i].surface.c_str())) focus_term(app, keywords[i].surface);
            ImGui::PopID();
        }
        auto similar = st.terms.similar(app.reader.open, 6);
        if (!similar.empty()) caption("Most like it (cosine of tf-idf vectors):");
        for (size_t i = 0; i < similar.size(); ++i) {
            const broadsheet::Article* s = app.corpus.find(similar[i].id);
            if (!s) continue;
            ImGui::PushID(int(i) + 6000);
            char label[64];
            std::snprintf(label, sizeof label, "%.2f", similar[i].score);
            ImGui::TextDisabled("%s", label);
            ImGui::SameLine();
            if (cut_selectable(s->title.empty() ? s->file : s->title, false)) app.open_article(similar[i].id);
            ImGui::PopID();
        }
    }
    // Keyness: the marked rows of the library against the rest.
    if (!app.library.marked.empty() && app.library.marked.size() < app.corpus.size()) {
        ImGui::Spacing();
        ImGui::Text("What sets the %zu marked articles apart (log-likelihood against the rest)", app.library.marked.size());
        auto key = st.terms.keyness(app.library.marked, 15);
        TextTable krows{{"word", "g2", "log_ratio", "in_marked", "in_rest"}};
        for (const auto& k : key)
            krows.push_back({k.surface, number(k.score), number(k.log_ratio), std::to_string(k.count), std::to_string(k.other)});
        export_buttons("keyness", "keyness", krows);
        // The word, whether the marked articles use it more or less, and the figures behind it:
        // log-likelihood (G², 3.84 is p < 0.05, 15.13 p < 0.0001), the log ratio (1: twice as
        // often per word), and the counts in the marked articles and in the rest.
        const float key_height = (float(key.size()) + 1.5f) * ImGui::GetFrameHeight();
        if (ImGui::BeginTable("keyness", 5, kTable, ImVec2(0, key_height))) {
            ImGui::TableSetupColumn("Word", ImGuiTableColumnFlags_WidthStretch, 3);
            ImGui::TableSetupColumn("Used", ImGuiTableColumnFlags_WidthStretch, 1);
            ImGui::TableSetupColumn("G\xC2\xB2", ImGuiTableColumnFlags_WidthStretch, 1);
            ImGui::TableSetupColumn("Log ratio", ImGuiTableColumnFlags_WidthStretch, 1);
            ImGui::TableSetupColumn("Marked / rest", ImGuiTableColumnFlags_WidthStretch, 1.5f);
            ImGui::TableHeadersRow();
            for (size_t i = 0; i < key.size(); ++i) {
                const auto& k = key[i];
                ImGui::PushID(int(i) + 7000);
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                if (cut_selectable(k.surface, false, ImGuiSelectableFlags_SpanAllColumns)) focus_term(app, k.surface);
                if (ImGui::IsItemHovered()) ImGui::SetTooltip("Show it in context: its collocates, and a search for it");
                ImGui::TableNextColumn();
                ImVec4 colour = k.score > 0 ? ImVec4(0.3f, 0.65f, 0.35f, 1) : ImVec4(0.8f, 0.35f, 0.3f, 1);
                ImGui::TextColored(colour, "%s", k.score > 0 ? "more" : "less");
                ImGui::TableNextColumn();
                ImGui::Text("%.1f", std::fabs(k.score));
                ImGui::TableNextColumn();
                ImGui::Text("%+.2f", k.log_ratio);
                ImGui::TableNextColumn();
                ImGui::Text("%u / %u", unsigned(k.count), unsigned(k.other));
                ImGui::PopID();
            }
            ImGui::EndTable();
        }
    }
}

// Bars of a timeline; a click on one searches its dates. Returns the bucket hovered, or -1.
void draw_bars(App& app, const broadsheet::Timeline& t, float height, bool values) {
    ImVec2 origin = ImGui::GetCursorScreenPos();
    float width = ImGui::GetContentRegionAvail().x;
    ImGui::InvisibleButton("##bars", ImVec2(width, height + ImGui::GetTextLineHeight()));
    bool hovered = ImGui::IsItemHovered();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    size_t n = t.buckets.size();
    if (n == 0) return;
    double top = 0;
    for (const auto& b : t.buckets) top = std::max(top, values ? b.value : double(b.articles));
    float slot = width / float(n);
    ImU32 bar = ImGui::GetColorU32(ImGuiCol_PlotHistogram), hot = ImGui::GetColorU32(ImGuiCol_PlotHistogramHovered);
    ImVec2 mouse = ImGui::GetIO().MousePos;
    for (size_t i = 0; i < n; ++i) {
        double v = values ? t.buckets[i].value : double(t.buckets[i].articles);
        float h = top > 0 ? float(v / top) * height : 0;
        float x0 = origin.x + slot * float(i), x1 = x0 + std::max(1.0f, slot - 2);
        bool over = hovered && mouse.x >= x0 && mouse.x < x0 + slot;
        dl->AddRectFilled(ImVec2(x0, origin.y + height - h), ImVec2(x1, origin.y + height), over ? hot : bar);
        if (over) {
            ImGui::SetTooltip("%s: %g %s\nClick to search these dates", t.buckets[i].label.c_str(), v,
                              values ? "occurrences" : "articles");
            if (ImGui::IsMouseClicked(ImGuiMouseButton_Left)) search_for(app, bucket_query(t, i));
        }
    }
    ImU32 label = ImGui::GetColorU32(ImGuiCol_TextDisabled);
    // The scale: a faint line at the tallest bar's height, its count at the left above it.
    if (top > 0) {
        dl->AddLine(ImVec2(origin.x, origin.y), ImVec2(origin.x + width, origin.y), ImGui::GetColorU32(ImGuiCol_Separator, 0.5f));
        char scale[48];
        std::snprintf(scale, sizeof scale, "%g %s", top, values ? "a bucket at most" : top == 1 ? "article" : "articles");
        const ImVec2 size = ImGui::CalcTextSize(scale);
        dl->AddRectFilled(ImVec2(origin.x, origin.y + 1), ImVec2(origin.x + size.x + 6, origin.y + size.y + 2),
                          ImGui::GetColorU32(ImGuiCol_WindowBg, 0.85f));
        dl->AddText(ImVec2(origin.x + 3, origin.y + 1), label, scale);
    }
    dl->AddText(ImVec2(origin.x, origin.y + height + 2), label, t.buckets.front().label.c_str());
    const std::string& last = t.buckets.back().label;
    dl->AddText(ImVec2(origin.x + width - ImGui::CalcTextSize(last.c_str()).x, origin.y + height + 2), label, last.c_str());
}

void draw_timeline(App& app) {
    auto& st = app.corpus_view;
    const auto& t = st.timeline;
    if (t.buckets.empty()) {
        ImGui::TextDisabled("No article has a date%s.", t.undated ? "" : " yet");
        return;
    }
    ImGui::Text("Articles per %s, %s to %s", std::string(to_string(t.unit)).c_str(), t.buckets.front().label.c_str(),
                t.buckets.back().label.c_str());
    if (t.undated) {
        ImGui::SameLine();
        ImGui::TextDisabled("(%u without a date)", t.undated);
    }
    TextTable rows{{"bucket", "start", "articles"}};
    for (const auto& b : t.buckets) rows.push_back({b.label, b.start, std::to_string(b.articles)});
    export_buttons("timeline", "timeline", rows);
    draw_bars(app, t, ImGui::GetFontSize() * 8, false);
    ImGui::Spacing();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 14);
    if (ImGui::InputTextWithHint("##focus-time", "A word over time", st.focus, sizeof st.focus,
                                 ImGuiInputTextFlags_EnterReturnsTrue))
        st.focus_ran.clear();
    if (st.focus[0] && st.focus_ran != st.focus) {
        st.focus_ran = st.focus;
        st.collocates = st.terms.collocates(app.corpus, st.focus, 5, 30);
        st.focus_timeline = broadsheet::term_over_time(app.corpus, st.terms, st.focus);
    }
    if (st.focus[0] && !st.focus_timeline.buckets.empty()) {
        ImGui::Text("\"%s\" per %s", st.focus, std::string(to_string(st.focus_timeline.unit)).c_str());
        ImGui::PushID("focus");
        draw_bars(app, st.focus_timeline, ImGui::GetFontSize() * 6, true);
        ImGui::PopID();
    }
}

void draw_connections(App& app) {
    auto& st = app.corpus_view;
    const auto& net = st.network;
    if (net.nodes.empty()) {
        ImGui::TextDisabled("No names recur across the library yet.");
        return;
    }
    caption("The %zu names in most articles; a line joins names in the same article (thicker: more often). "
                        "Click a name to search for it.", net.nodes.size());
    if (!net.everywhere.empty()) {
        // Names in most articles link to everything: listed here, out of the picture.
        caption("In more than half the articles, so left out of the links:");
        float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
        for (size_t i = 0; i < net.everywhere.size(); ++i) {
            const auto& n = net.everywhere[i];
            char label[160];
            std::snprintf(label, sizeof label, "%s (%u)", n.name.c_str(), n.articles);
            float width = ImGui::CalcTextSize(label).x + ImGui::GetStyle().FramePadding.x * 2;
            if (i && ImGui::GetItemRectMax().x + ImGui::GetStyle().ItemSpacing.x + width < right) ImGui::SameLine();
            ImGui::PushID(int(i) + 7000);
            if (ImGui::SmallButton(label)) search_for(app, phrase_query(n.name));
            ImGui::PopID();
        }
    }
    TextTable rows{{"name", "with", "articles_together", "paragraphs_together", "log_dice"}};
    for (const auto& e : net.edges)
        rows.push_back({net.nodes[e.a].name, net.nodes[e.b].name, std::to_string(e.articles), std::to_string(e.paragraphs),
                        number(e.log_dice)});
    export_buttons("network", "name-network", rows);
    ImVec2 size = ImGui::GetContentRegionAvail();
    size.y = std::max(size.y, ImGui::GetFontSize() * 16);
    ImVec2 o = ImGui::GetCursorScreenPos();
    ImGui::InvisibleButton("##graph", size);
    bool hovered = ImGui::IsItemHovered();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    auto at = [&](size_t i) { return ImVec2(o.x + st.layout[i].x * size.x, o.y + st.layout[i].y * size.y); };
    uint32_t most = 1;
    for (const auto& nd : net.nodes) most = std::max(most, nd.articles);
    auto radius = [&](size_t i) { return 4.0f + 10.0f * std::sqrt(float(net.nodes[i].articles) / float(most)); };
    int over = -1;
    ImVec2 mouse = ImGui::GetIO().MousePos;
    for (size_t i = 0; i < net.nodes.size() && hovered; ++i) {
        ImVec2 p = at(i);
        float dx = mouse.x - p.x, dy = mouse.y - p.y, r = radius(i) + 3;
        if (dx * dx + dy * dy <= r * r) over = int(i);
    }
    ImU32 line = ImGui::GetColorU32(ImGuiCol_Separator), strong = ImGui::GetColorU32(ImGuiCol_PlotLinesHovered);
    for (const auto& e : net.edges) {
        bool lit = over >= 0 && (e.a == uint32_t(over) || e.b == uint32_t(over));
        dl->AddLine(at(e.a), at(e.b), lit ? strong : line, 1.0f + 2.5f * float(std::max(0.0, e.log_dice) / 14.0));
    }
    static const ImU32 kKinds[] = {IM_COL32(70, 130, 200, 255), IM_COL32(200, 120, 50, 255), IM_COL32(70, 160, 90, 255),
                                   IM_COL32(140, 140, 140, 255)};
    ImU32 text = ImGui::GetColorU32(ImGuiCol_Text);
    for (size_t i = 0; i < net.nodes.size(); ++i) {
        ImVec2 p = at(i);
        float r = radius(i);
        dl->AddCircleFilled(p, r, kKinds[std::min<size_t>(size_t(net.nodes[i].kind), 3)]);
        if (int(i) == over) dl->AddCircle(p, r + 2, text, 0, 2.0f);
    }
    // Labels, the names in most articles first (and the one under the pointer before all), each
    // right of its dot, else left, above or below it, wherever it covers no label placed before
    // it nor another dot; a name with no such place goes unlabelled (its tooltip names it).
    std::vector<size_t> by_weight(net.nodes.size());
    for (size_t i = 0; i < by_weight.size(); ++i) by_weight[i] = i;
    std::stable_sort(by_weight.begin(), by_weight.end(), [&](size_t a, size_t b) {
        if ((int(a) == over) != (int(b) == over)) return int(a) == over;
        return net.nodes[a].articles > net.nodes[b].articles;
    });
    std::vector<ImVec4> placed; // x0, y0, x1, y1; the legend's line first (drawn at the top left)
    {
        float legend = 4;
        for (int k = 0; k < 4; ++k) {
            std::string_view kind = to_string(broadsheet::EntityKind(k));
            legend += 24 + ImGui::CalcTextSize(kind.data(), kind.data() + kind.size()).x;
        }
        placed.emplace_back(o.x, o.y, o.x + legend, o.y + 4 + ImGui::GetTextLineHeight());
    }
    auto overlaps = [&](const ImVec4& b) {
        for (const ImVec4& q : placed)
            if (b.x < q.z && q.x < b.z && b.y < q.w && q.y < b.w) return true;
        for (size_t j = 0; j < net.nodes.size(); ++j) {
            ImVec2 c = at(j);
            float rj = radius(j);
            if (c.x + rj > b.x && c.x - rj < b.z && c.y + rj > b.y && c.y - rj < b.w) return true;
        }
        return false;
    };
    for (size_t i : by_weight) {
        ImVec2 p = at(i), label = ImGui::CalcTextSize(net.nodes[i].name.c_str());
        float r = radius(i) + 3, h = label.y * 0.5f;
        const ImVec2 spots[] = {{p.x + r, p.y - h}, {p.x - r - label.x, p.y - h}, {p.x - label.x * 0.5f, p.y - r - label.y},
                                {p.x - label.x * 0.5f, p.y + r}};
        for (const ImVec2& s : spots) {
            ImVec4 box(s.x - 2, s.y, s.x + label.x + 2, s.y + label.y);
            const bool inside = box.x >= o.x && box.z <= o.x + size.x && box.y >= o.y && box.w <= o.y + size.y;
            if (int(i) != over && (!inside || overlaps(box))) continue;
            placed.push_back(box);
            dl->AddText(s, text, net.nodes[i].name.c_str());
            break;
        }
    }
    if (over >= 0) {
        const auto& nd = net.nodes[size_t(over)];
        ImGui::SetTooltip("%s%s%s%s\n%s, in %u articles (%u mentions)\nClick to search for it", nd.name.c_str(),
                          nd.acronym.empty() ? "" : " (", nd.acronym.c_str(), nd.acronym.empty() ? "" : ")",
                          std::string(to_string(nd.kind)).c_str(), nd.articles, nd.mentions);
        if (ImGui::IsMouseClicked(ImGuiMouseButton_Left)) search_for(app, phrase_query(nd.name));
    }
    // The legend.
    ImVec2 l(o.x + 4, o.y + 4);
    for (int k = 0; k < 4; ++k) {
        std::string_view kind = to_string(broadsheet::EntityKind(k)); // as the CLI and exports say
        dl->AddCircleFilled(ImVec2(l.x + 5, l.y + 8), 5, kKinds[k]);
        dl->AddText(ImVec2(l.x + 14, l.y), ImGui::GetColorU32(ImGuiCol_TextDisabled), kind.data(),
                    kind.data() + kind.size());
        l.x += 24 + ImGui::CalcTextSize(kind.data(), kind.data() + kind.size()).x;
    }
}

void draw_duplicates(App& app) {
    auto& st = app.corpus_view;
    if (st.clusters.empty()) {
        caption("No near-copies: no two articles share half or more of their five-word runs.");
        return;
    }
    caption("Articles that share most of their text (MinHash estimate of shared five-word runs). "
                        "Open one to see, highlighted, what it has that the first does not.");
    TextTable rows{{"cluster", "article", "title", "similarity_to_first"}};
    for (size_t c = 0; c < st.clusters.size(); ++c)
        for (ArticleId id : st.clusters[c].articles) {
            const broadsheet::Article* a = app.corpus.find(id);
            rows.push_back({std::to_string(c + 1), std::to_string(id), a ? a->title : "",
                            number(st.duplicates.similarity(st.clusters[c].articles.front(), id))});
        }
    export_buttons("duplicates", "near-duplicates", rows);
    ImGui::BeginChild("clusters");
    for (size_t c = 0; c < st.clusters.size(); ++c) {
        const auto& cl = st.clusters[c];
        const broadsheet::Article* first = app.corpus.find(cl.articles.front());
        if (!first) continue;
        ImGui::PushID(int(c));
        char head[320];
        std::snprintf(head, sizeof head, "%zu copies of \"%.200s\"", cl.articles.size(), first->title.c_str());
        if (ImGui::TreeNode("cluster", "%s", head)) {
            for (ArticleId id : cl.articles) {
                const broadsheet::Article* a = app.corpus.find(id);
                if (!a) continue;
                ImGui::PushID(int(id));
                double sim = st.duplicates.similarity(cl.articles.front(), id);
                if (id == cl.articles.front()) ImGui::TextDisabled("first");
                else ImGui::TextDisabled("%.0f%%", sim * 100);
                ImGui::SameLine(ImGui::GetFontSize() * 3.5f);
                std::string label = (a->title.empty() ? a->file : a->title) + (a->source.empty() ? "" : "  \xC2\xB7  " + a->source) +
                                    (a->date.empty() ? "" : "  \xC2\xB7  " + broadsheet::readable_date(a->date, true));
                if (cut_selectable(label, app.reader.open == id)) {
                    app.open_article(id);
                    if (id != cl.articles.front()) {
                        auto diff = broadsheet::diff_paragraphs(*first, *a);
                        st.differing = diff.only_in_b.size();
                        app.set_highlights(std::move(diff.words_only_in_b)); // the words it changed
                    } else {
                        st.differing = 0;
                    }
                    app.right_tab_request = RightTab::Reader;
                    app.right_tab_requested = true;
                }
                ImGui::PopID();
            }
            ImGui::TreePop();
        }
        ImGui::PopID();
    }
    ImGui::EndChild();
}

// ---- the concordance ---------------------------------------------------------------------------

constexpr size_t kKwicContext = 70;   // bytes of context each side (cut at word boundaries)
constexpr size_t kKwicLines = 2000;   // lines kept; more matches are counted as "more"

// Follows the current table's sort (a click on a header) into `by` and `ascending`: `key` maps
// the sorted column to a sort key; with no column sorted, `fallback`. The table keeps its sort, and
// the rows follow it, also after they are made anew. True when they are to be sorted again.
template <typename Key> bool follow_table_sort(int& by, bool& ascending, std::pair<int, bool> fallback, Key key) {
    ImGuiTableSortSpecs* sort = ImGui::TableGetSortSpecs();
    if (!sort) return false;
    auto [to, up] = fallback;
    if (sort->SpecsCount > 0) {
        to = key(int(sort->Specs[0].ColumnIndex));
        up = sort->Specs[0].SortDirection != ImGuiSortDirection_Descending;
    }
    const bool changed = sort->SpecsDirty || to != by || up != ascending;
    sort->SpecsDirty = false;
    by = to;
    ascending = up;
    return changed;
}

// One keyword-in-context row of a table of four columns (before, match, after, article): the left
// context right-aligned against the match and cut on the left by its column, the match tinted as
// search highlights are. True when clicked (anywhere on the row).
bool context_row(const std::string& left, const std::string& match, const std::string& right, const std::string& article,
                 const char* tooltip) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    const float width = ImGui::CalcTextSize(left.c_str()).x, room = ImGui::GetContentRegionAvail().x;
    const bool clicked =
        ImGui::Selectable("##line", false, ImGuiSelectableFlags_SpanAllColumns | ImGuiSelectableFlags_AllowItemOverlap);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tooltip);
    ImGui::SameLine(0, 0);
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + room - width);
    ImGui::TextUnformatted(left.c_str());
    ImGui::TableNextColumn();
    const ImVec2 at = ImGui::GetCursorScreenPos(), size = ImGui::CalcTextSize(match.c_str());
    ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(at.x - 1, at.y), ImVec2(at.x + size.x + 1, at.y + size.y + 1),
                                              IM_COL32(255, 210, 60, 120), 2);
    ImGui::TextUnformatted(match.c_str());
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(right.c_str());
    ImGui::TableNextColumn();
    ImGui::TextDisabled("%s", article.c_str());
    return clicked;
}

// Orders the lines as st.kwic_sort says, and remakes what the export buttons save (in that order).
void sort_concordance(CorpusPanelState& st) {
    auto key = [&](const CorpusPanelState::KwicLine& l) -> const std::string& { return st.kwic_sort == 1 ? l.left_word : l.right_word; };
    std::stable_sort(st.kwic.begin(), st.kwic.end(), [&](const auto& a, const auto& b) {
        if (st.kwic_sort != 0) {
            int c = key(a).compare(key(b));
            if (c != 0) return st.kwic_sort_ascending ? c < 0 : c > 0;
            return a.order < b.order;
        }
        return st.kwic_sort_ascending ? a.order < b.order : a.order > b.order;
    });
    st.kwic_export.assign(1, {"article", "title", "left", "keyword", "right"});
    for (const auto& l : st.kwic) st.kwic_export.push_back({std::to_string(l.article), l.title, l.left, l.keyword, l.right});
    st.kwic_by_order.assign(st.kwic.size(), 0);
    for (size_t i = 0; i < st.kwic.size(); ++i) st.kwic_by_order[st.kwic[i].order] = i;
}

double per_thousand_words(const CorpusPanelState::KwicPlotRow& r) {
    return r.words ? 1000.0 * double(r.lines.size()) / double(r.words) : 0.0;
}

// Orders the plot's rows as st.kwic_plot_sort says (ties in library order), and remakes what its
// export buttons save: each article's matches and where they fall, in percent of the article.
void sort_plot(CorpusPanelState& st) {
    std::stable_sort(st.kwic_plot.begin(), st.kwic_plot.end(), [&](const auto& a, const auto& b) {
        double x = 0, y = 0;
        if (st.kwic_plot_sort == 1) x = double(a.lines.size()), y = double(b.lines.size());
        if (st.kwic_plot_sort == 2) x = per_thousand_words(a), y = per_thousand_words(b);
        if (x != y) return st.kwic_plot_ascending ? x < y : x > y;
        // Library order (the first line's), for ties too; reversed only when sorting by it.
        bool before = a.lines.front() < b.lines.front();
        return st.kwic_plot_sort == 0 && !st.kwic_plot_ascending ? !before : before;
    });
    st.kwic_plot_export.assign(1, {"article", "title", "matches", "per_1000_words", "at_percent"});
    char number[32];
    for (const auto& r : st.kwic_plot) {
        std::string at;
        for (size_t order : r.lines) {
            std::snprintf(number, sizeof number, "%.1f", 100.0 * double(st.kwic[st.kwic_by_order[order]].at));
            at += (at.empty() ? "" : " ") + std::string(number);
        }
        std::snprintf(number, sizeof number, "%.2f", per_thousand_words(r));
        st.kwic_plot_export.push_back({std::to_string(r.article), r.title, std::to_string(r.lines.size()), number, at});
    }
}

// Every match of `query` across the library (core: search::concordance), read as the search box
// reads it when st.kwic_typing. Out of memory leaves no lines and says so.
void run_concordance(App& app, const std::string& query) {
    auto& st = app.corpus_view;
    st.kwic_stale = false;
    st.kwic.clear();
    st.kwic_export.clear();
    st.kwic_capped = false;
    st.kwic_forms.clear();
    st.kwic_articles = 0;
    st.kwic_error.clear();
    st.kwic_messages.clear();
    st.kwic_plot.clear();
    st.kwic_plot_export.clear();
    st.kwic_by_order.clear();
    st.kwic_width_dirty = true;
    try {
        st.kwic_ran = query;
        if (st.kwic_ran.empty()) return;
        auto article_of = [&](broadsheet::search::DocId d) -> const broadsheet::Article* {
            return d < app.doc_article.size() ? app.corpus.find(app.doc_article[d]) : nullptr;
        };
        broadsheet::search::ParseOptions parse;
        parse.as_you_type = st.kwic_typing;
        // A malformed query still gives its best-effort lines; what the parser made of it is said.
        auto lines = broadsheet::search::concordance(app.index, st.kwic_ran, article_of, kKwicContext, kKwicLines + 1, parse,
                                                     &st.kwic_messages);
        st.kwic_capped = lines.size() > kKwicLines;
        if (st.kwic_capped) lines.resize(kKwicLines);
        st.kwic.reserve(lines.size());
        std::set<broadsheet::ArticleId> articles;
        for (const auto& l : lines) {
            const broadsheet::Article* a = article_of(l.doc);
            if (!a) continue;
            std::string_view t = broadsheet::search::field_text(*a, l.field);
            auto part = [&](broadsheet::ByteRange r) { return t.substr(r.begin, r.size()); };
            CorpusPanelState::KwicLine k;
            k.article = app.doc_article[l.doc];
            k.title = a->title.empty() ? a->file : a->title;
            k.field = l.field;
            k.match = l.match;
            k.left = broadsheet::search::concordance_text(part(l.left));
            k.keyword = broadsheet::search::concordance_text(part(l.match));
            k.right = broadsheet::search::concordance_text(part(l.right));
            // Sorted by the nearest word, then the next two (AntConc's 1L-3L, 1R-3R).
            k.left_word = broadsheet::search::concordance_word(t, l, true, 3);
            k.right_word = broadsheet::search::concordance_word(t, l, false, 3);
            k.order = st.kwic.size();
            // Where in the article: its fields one after the other (title, standfirst, byline,
            // body), as a reader meets them; a match in the publisher's name counts as its start.
            size_t before = 0, total = 0;
            for (size_t f = 0; f < size_t(broadsheet::search::Field::Source); ++f) {
                size_t size = broadsheet::search::field_text(*a, broadsheet::search::Field(f)).size();
                if (f < size_t(l.field)) before += size;
                total += size;
            }
            if (l.field != broadsheet::search::Field::Source && total > 0)
                k.at = std::clamp(float(double(before + l.match.begin) / double(total)), 0.0f, 1.0f);
            articles.insert(k.article);
            if (st.kwic_plot.empty() || st.kwic_plot.back().article != k.article) {
                CorpusPanelState::KwicPlotRow row;
                row.article = k.article;
                row.title = k.title;
                // Its words where matches are counted: the body's, the title's and the standfirst's.
                row.words = a->word_count + broadsheet::count_words(a->title) + broadsheet::count_words(a->standfirst);
                st.kwic_plot.push_back(std::move(row));
            }
            st.kwic_plot.back().lines.push_back(k.order);
            st.kwic.push_back(std::move(k));
        }
        st.kwic_articles = articles.size();
        // How the matches are written ("storm", "storms"), most first: grouped as the index folds
        // them, each shown in its commonest spelling with its accents, in lower case
        // ("welternährungsprogramm", not the index's "welternahrungsprogramm").
        std::map<std::string, std::map<std::string, size_t>> forms; // folded -> lower case -> lines
        std::string folded, lower;
        for (const auto& k : st.kwic) {
            broadsheet::search::fold(k.keyword, true, folded);
            broadsheet::search::fold(k.keyword, false, lower);
            ++forms[folded][lower];
        }
        for (const auto& [key, spellings] : forms) {
            size_t count = 0;
            const std::string* commonest = nullptr;
            for (const auto& [spelling, n] : spellings) {
                count += n;
                if (!commonest || n > spellings.at(*commonest)) commonest = &spelling;
            }
            st.kwic_forms.emplace_back(*commonest, count);
        }
        std::stable_sort(st.kwic_forms.begin(), st.kwic_forms.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
        sort_concordance(st);
        sort_plot(st);
        // The core stops at its first failed allocation with the lines found so far; one that
        // went through on the reserve (alloc_fault.cpp) counts as failed here too, as in a search.
        if (memory_low()) throw std::bad_alloc();
    } catch (const std::bad_alloc&) {
        std::vector<CorpusPanelState::KwicLine>().swap(st.kwic);
        TextTable().swap(st.kwic_export);
        std::vector<CorpusPanelState::KwicPlotRow>().swap(st.kwic_plot);
        TextTable().swap(st.kwic_plot_export);
        std::vector<size_t>().swap(st.kwic_by_order);
        st.kwic_forms.clear();
        st.kwic_capped = false;
        st.kwic_articles = 0;
        st.kwic_error = "Out of memory: the lines did not fit in the tab's memory. Try a rarer word or phrase.";
    }
    if (memory_low()) memory_recovered();
}

// Opens the article of a line in the reader, the match highlighted (in the body; a match in the
// title or standfirst opens the article at its top). A line of an article removed since shows
// nothing.
void open_line(App& app, const CorpusPanelState::KwicLine& l) {
    if (!app.open_article(l.article)) return;
    if (l.field == broadsheet::search::Field::Body) app.set_highlights({l.match});
    else app.set_highlights({});
    if (l.field == broadsheet::search::Field::Title) app.reader.title_highlights = {l.match};
    if (l.field == broadsheet::search::Field::Standfirst) app.reader.standfirst_highlights = {l.match};
    app.right_tab_request = RightTab::Reader;
    app.right_tab_requested = true;
}

// The dispersion plot (AntConc's Plot, Voyant's Bubblelines): a row per article, its text as a
// bar from its start to its end, a mark where each match falls. A mark under the pointer shows
// its line; a click opens it in the reader.
void draw_plot(App& app) {
    auto& st = app.corpus_view;
    if (!ImGui::BeginTable("kwic-plot", 4, kTable | ImGuiTableFlags_Sortable, ImGui::GetContentRegionAvail())) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("Article", ImGuiTableColumnFlags_PreferSortAscending, 2);
    ImGui::TableSetupColumn("Matches", ImGuiTableColumnFlags_WidthFixed | ImGuiTableColumnFlags_PreferSortDescending |
                                           ImGuiTableColumnFlags_DefaultSort, ImGui::GetFontSize() * 4.5f);
    ImGui::TableSetupColumn("Per 1,000 words", ImGuiTableColumnFlags_WidthFixed | ImGuiTableColumnFlags_PreferSortDescending,
                            ImGui::GetFontSize() * 7);
    ImGui::TableSetupColumn("Where in the article (start to end)", ImGuiTableColumnFlags_NoSort, 5);
    ImGui::TableHeadersRow();
    if (follow_table_sort(st.kwic_plot_sort, st.kwic_plot_ascending, {1, false},
                          [](int column) { return std::clamp(column, 0, 2); }))
        sort_plot(st);
    const ImU32 bar = ImGui::GetColorU32(ImGuiCol_FrameBg), mark = IM_COL32(235, 150, 20, 255),
                hot = ImGui::GetColorU32(ImGuiCol_Text);
    ImGuiListClipper clipper;
    clipper.Begin(int(st.kwic_plot.size()));
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const auto& r = st.kwic_plot[size_t(i)];
            ImGui::TableNextRow();
            ImGui::PushID(i);
            ImGui::TableNextColumn();
            cell_text(r.title);
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", r.title.c_str());
            ImGui::TableNextColumn();
            ImGui::Text("%zu", r.lines.size());
            ImGui::TableNextColumn();
            if (r.words) ImGui::Text("%.2f", per_thousand_words(r));
            else ImGui::TextDisabled("-");
            ImGui::TableNextColumn();
            const ImVec2 at = ImGui::GetCursorScreenPos();
            const float width = std::max(ImGui::GetContentRegionAvail().x, 1.0f), height = ImGui::GetTextLineHeight();
            ImGui::InvisibleButton("##where", ImVec2(width, height));
            // The mark nearest the pointer, if the pointer is on the bar.
            const CorpusPanelState::KwicLine* nearest = nullptr;
            if (ImGui::IsItemHovered()) {
                float best = FLT_MAX;
                for (size_t order : r.lines) {
                    const auto& l = st.kwic[st.kwic_by_order[order]];
                    float d = std::fabs(at.x + l.at * width - ImGui::GetIO().MousePos.x);
                    if (d < best) best = d, nearest = &l;
                }
            }
            ImDrawList* draw = ImGui::GetWindowDrawList();
            draw->AddRectFilled(ImVec2(at.x, at.y + 1), ImVec2(at.x + width, at.y + height - 1), bar, 2);
            for (size_t order : r.lines) {
                const auto& l = st.kwic[st.kwic_by_order[order]];
                float x = std::round(at.x + std::min(l.at * width, width - 2));
                draw->AddRectFilled(ImVec2(x, at.y + 1), ImVec2(x + 2, at.y + height - 1), &l == nearest ? hot : mark);
            }
            if (nearest) {
                ImGui::BeginTooltip();
                ImGui::PushTextWrapPos(ImGui::GetFontSize() * 30);
                ImGui::TextDisabled("%.0f%% into the article", 100.0 * double(nearest->at));
                ImGui::TextWrapped("%s[%s]%s", nearest->left.c_str(), nearest->keyword.c_str(), nearest->right.c_str());
                ImGui::TextDisabled("Click to read it there");
                ImGui::PopTextWrapPos();
                ImGui::EndTooltip();
                if (ImGui::IsItemClicked()) open_line(app, *nearest);
            }
            ImGui::PopID();
        }
    }
    ImGui::EndTable();
}

void draw_concordance(App& app) {
    auto& st = app.corpus_view;
    if (!st.kwic_prefilled && st.kwic_query[0] == '\0' && st.kwic_ran.empty()) {
        // First look: the query of the search box, if there is one, read as the search read it.
        st.kwic_prefilled = true;
        std::snprintf(st.kwic_query, sizeof st.kwic_query, "%s", app.search.ran.c_str()); // the same size: never cut
        st.kwic_typing = true;
        if (st.kwic_query[0]) run_concordance(app, st.kwic_query);
    }
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 18);
    bool enter = ImGui::InputTextWithHint("##kwic", "A word, a \"phrase\" or any query", st.kwic_query, sizeof st.kwic_query,
                                          ImGuiInputTextFlags_EnterReturnsTrue);
    ImGui::SameLine();
    if (ImGui::Button("Show lines") || enter) {
        st.kwic_typing = false; // typed here: words as written, a prefix only with its '*'
        run_concordance(app, st.kwic_query);
    } else if (st.kwic_stale && !st.kwic_ran.empty()) {
        run_concordance(app, st.kwic_ran); // the library changed: the same query again
    }
    // Lines or plot: beside the box, or under it in a narrow pane (a phone's was cut off).
    const float choice = ImGui::GetFontSize() * 1.5f + ImGui::CalcTextSize("Lines").x + ImGui::CalcTextSize("Plot").x +
                         2 * ImGui::GetFrameHeight() + 3 * ImGui::GetStyle().ItemInnerSpacing.x + ImGui::GetStyle().ItemSpacing.x;
    if (ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x - ImGui::GetItemRectMax().x > choice)
        ImGui::SameLine(0, ImGui::GetFontSize() * 1.5f);
    if (ImGui::RadioButton("Lines", !st.kwic_plotting)) st.kwic_plotting = false;
    ImGui::SameLine();
    if (ImGui::RadioButton("Plot", st.kwic_plotting)) st.kwic_plotting = true;
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("Where in each article the matches fall (a dispersion plot), one row per article");
    if (st.kwic_ran.empty()) {
        caption("Every place a word or phrase occurs in the library, one line each with the words around it "
                            "(keyword in context). Sort by the word before or after it; click a line to read it.");
        return;
    }
    if (!st.kwic_error.empty()) {
        ImGui::TextWrapped("%s", st.kwic_error.c_str());
        return;
    }
    ImGui::PushTextWrapPos(0.0f);
    for (const auto& m : st.kwic_messages) ImGui::TextColored(ImVec4(0.95f, 0.45f, 0.3f, 1), "At %u: %s", m.position + 1, m.text.c_str());
    ImGui::PopTextWrapPos();
    if (st.kwic.empty()) {
        ImGui::TextDisabled("No match for %s.", st.kwic_ran.c_str());
        return;
    }
    // Said only where it is so: a space after the last word ends it, as in the search box.
    const bool open_end = !st.kwic_ran.empty() && st.kwic_ran.back() != ' ' && st.kwic_ran.back() != '\t';
    const char* reading = st.kwic_typing && open_end ? " Read as the search reads it: the last word may begin a longer one." : "";
    ImGui::PushTextWrapPos(0.0f);
    if (st.kwic_capped)
        ImGui::TextDisabled("The first %zu matches (of more), in %zu article%s.%s Click a header to sort by it.", st.kwic.size(),
                            st.kwic_articles, st.kwic_articles == 1 ? "" : "s", reading);
    else
        ImGui::TextDisabled("%zu match%s in %zu article%s.%s Click a header to sort by it.", st.kwic.size(),
                            st.kwic.size() == 1 ? "" : "es", st.kwic_articles, st.kwic_articles == 1 ? "" : "s", reading);
    if (st.kwic_forms.size() > 1) {
        std::string forms = "Written as: ";
        for (size_t i = 0; i < st.kwic_forms.size() && i < 12; ++i)
            forms += (i ? ", " : "") + st.kwic_forms[i].first + " (" + std::to_string(st.kwic_forms[i].second) + ")";
        if (st.kwic_forms.size() > 12) forms += ", ...";
        ImGui::TextDisabled("%s", forms.c_str());
    }
    ImGui::PopTextWrapPos();
    if (st.kwic_plotting) {
        export_buttons("kwic-plot", "dispersion", st.kwic_plot_export);
        draw_plot(app);
        return;
    }
    export_buttons("kwic", "concordance", st.kwic_export);
    constexpr ImGuiTableFlags kKwicTable = kTable | ImGuiTableFlags_Sortable;
    if (!ImGui::BeginTable("kwic-lines", 4, kKwicTable, ImGui::GetContentRegionAvail())) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("Before", ImGuiTableColumnFlags_PreferSortAscending, 4);
    ImGui::TableSetupColumn("Match", ImGuiTableColumnFlags_NoSort | ImGuiTableColumnFlags_WidthFixed,
                            ImGui::GetFontSize() * 8);
    ImGui::TableSetupColumn("After", ImGuiTableColumnFlags_PreferSortAscending, 4);
    ImGui::TableSetupColumn("Article", ImGuiTableColumnFlags_PreferSortAscending | ImGuiTableColumnFlags_DefaultSort, 2);
    if (st.kwic_width_dirty) {
        // The match column fits the longest match of these lines (up to a third of the width).
        float width = ImGui::CalcTextSize("Match").x;
        for (const auto& l : st.kwic) width = std::max(width, ImGui::CalcTextSize(l.keyword.c_str()).x);
        ImGui::TableSetColumnWidth(1, std::min(width + ImGui::GetStyle().CellPadding.x * 2, ImGui::GetContentRegionAvail().x / 3));
        st.kwic_width_dirty = false;
    }
    ImGui::TableHeadersRow();
    // The table keeps its sort (a click on a header); the lines follow it, also after a new run.
    if (follow_table_sort(st.kwic_sort, st.kwic_sort_ascending, {0, true},
                          [](int column) { return column == 0 ? 1 : column == 2 ? 2 : 0; }))
        sort_concordance(st);
    ImGuiListClipper clipper;
    clipper.Begin(int(st.kwic.size()));
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const auto& l = st.kwic[size_t(i)];
            ImGui::PushID(i);
            if (context_row(l.left, l.keyword, l.right, l.title, "Open it in the reader, the match highlighted")) open_line(app, l);
            ImGui::PopID();
        }
    }
    ImGui::EndTable();
}

// ---- who said what, and the figures that recur -------------------------------------------------

// Folded for the filters: case and diacritics do not count ("muller" finds "Müller").
std::string folded(std::string_view text) {
    std::string out;
    broadsheet::search::fold(text, true, out);
    return out;
}

// An article's title (its file's name if it has none), with its date when it has one.
std::string article_label(const broadsheet::Article& a) {
    std::string label = a.title.empty() ? a.file : a.title;
    if (!a.date.empty()) label += "  \xC2\xB7  " + broadsheet::readable_date(a.date, true);
    return label;
}

// Opens an article with `spans` of its text highlighted, in the reader.
void open_at(App& app, ArticleId id, std::vector<broadsheet::ByteRange> spans) {
    if (!app.open_article(id)) return;
    app.set_highlights(std::move(spans));
    app.right_tab_request = RightTab::Reader;
    app.right_tab_requested = true;
}

// A list's height: as tall as its rows, up to `share` of the pane (what is picked in it goes under).
float list_height(size_t rows, float share) {
    const float row = ImGui::GetTextLineHeight() + ImGui::GetStyle().CellPadding.y * 2;
    return std::min(row * (float(rows) + 1.5f), std::max(ImGui::GetFontSize() * 8, ImGui::GetContentRegionAvail().y * share));
}

// Sorts `rows` (indices into a list in its own order) by the table's column `by` through `key`
// (a tuple), `ascending` or not; `by` < 0: the list's own order. Ties keep the list's order.
template <typename Key> void sort_rows(std::vector<size_t>& rows, int by, bool ascending, Key key) {
    std::stable_sort(rows.begin(), rows.end(), [&](size_t a, size_t b) {
        if (by < 0) return a < b;
        auto ka = key(a), kb = key(b);
        if (ka == kb) return a < b;
        return ascending ? ka < kb : kb < ka;
    });
}

// What is picked, under its list: its name in bold and a count beside it.
IM_FMTARGS(3) void picked_heading(App& app, const std::string& name, const char* fmt, ...) {
    ImGui::Spacing();
    if (app.fonts.ui_bold) ImGui::PushFont(app.fonts.ui_bold);
    ImGui::TextUnformatted(name.c_str());
    if (app.fonts.ui_bold) ImGui::PopFont();
    ImGui::SameLine();
    va_list args;
    va_start(args, fmt);
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextV(fmt, args);
    ImGui::PopStyleColor();
    va_end(args);
}

// "person", "organisation"... for a name; "described" for a description.
std::string speaker_kind(const broadsheet::Speaker& s) {
    if (s.name.empty()) return "";
    return s.named ? std::string(to_string(s.kind)) : "described";
}

std::string speaker_label(const broadsheet::Speaker& s) {
    if (s.name.empty()) return "(speaker not found)";
    return s.named ? s.name : "\xE2\x80\x9C" + s.name + "\xE2\x80\x9D"; // a description, in quotes
}

// The speaker's quotes that the filter keeps: all when it is empty or names the speaker, else
// those whose words hold it.
bool quote_shown(const App& app, const broadsheet::Speaker& s, const broadsheet::CitedQuote& q, const std::string& filter) {
    if (filter.empty() || folded(s.name).find(filter) != std::string::npos) return true;
    const broadsheet::Article* a = app.corpus.find(q.article);
    return a && folded(broadsheet::text_of(a->text, q.text)).find(filter) != std::string::npos;
}

void draw_quotes(App& app) {
    auto& st = app.corpus_view;
    if (st.speakers.empty()) {
        caption("No quotations in the library yet.");
        return;
    }
    caption("Everyone quoted by name, by the number of articles that quote them, then those the articles describe "
            "but do not name (in quotation marks). Pick a speaker to read what they said; a quote opens in its article.");
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 16);
    ImGui::InputTextWithHint("##speaker-filter", "Find a speaker or words quoted", st.speaker_filter, sizeof st.speaker_filter);
    const std::string filter = folded(st.speaker_filter);
    if (filter != st.speaker_filter_ran) {
        st.speaker_filter_ran = filter;
        st.speaker_rows.clear();
        for (size_t i = 0; i < st.speakers.size(); ++i) {
            const auto& s = st.speakers[i];
            bool keep = filter.empty();
            for (size_t k = 0; !keep && k < s.quotes.size(); ++k) keep = quote_shown(app, s, s.quotes[k], filter);
            if (keep) st.speaker_rows.push_back(i);
        }
        st.speaker_rows_sorted = false;
        // show_speaker(): the speaker of that name (the first, a name before a description).
        for (size_t i : st.speaker_rows)
            if (!st.speaker_wanted.empty() && st.speakers[i].name == st.speaker_wanted) {
                st.speaker_selected = int(i);
                break;
            }
        st.speaker_wanted.clear();
    }
    ImGui::SameLine();
    export_buttons("quotes", "quotes", [&] {
        TextTable rows{{"speaker", "named", "kind", "articles", "quote", "article", "title"}};
        for (size_t i : st.speaker_rows)
            for (const auto& q : st.speakers[i].quotes) {
                const broadsheet::Article* a = app.corpus.find(q.article);
                if (!a || !quote_shown(app, st.speakers[i], q, filter)) continue;
                const auto& s = st.speakers[i];
                rows.push_back({s.name, s.named ? "yes" : "no", std::string(to_string(s.kind)), std::to_string(s.articles),
                                std::string(broadsheet::text_of(a->text, q.text)), std::to_string(q.article), a->title});
            }
        return rows;
    });
    if (ImGui::BeginTable("speakers", 4, kTable | ImGuiTableFlags_Sortable | ImGuiTableFlags_SortTristate,
                          ImVec2(0, list_height(st.speaker_rows.size(), 0.4f)))) {
        ImGui::TableSetupScrollFreeze(0, 1);
        ImGui::TableSetupColumn("Speaker", ImGuiTableColumnFlags_PreferSortAscending, 4);
        ImGui::TableSetupColumn("Kind", ImGuiTableColumnFlags_PreferSortAscending, 1.3f);
        ImGui::TableSetupColumn("Quotes", ImGuiTableColumnFlags_PreferSortDescending, 1);
        ImGui::TableSetupColumn("Articles", ImGuiTableColumnFlags_PreferSortDescending, 1);
        ImGui::TableHeadersRow();
        // A click on a header sorts by it (again: the other way; a third time: unsorted, the
        // order of Citations::speakers(): named first, most articles first).
        if (follow_table_sort(st.speaker_sort, st.speaker_sort_ascending, {-1, true}, [](int column) { return column; }) ||
            !st.speaker_rows_sorted) {
            auto key = [&](size_t i) {
                const auto& x = st.speakers[i];
                return std::make_tuple(st.speaker_sort == 0 ? folded(x.name) : st.speaker_sort == 1 ? speaker_kind(x) : std::string(),
                                       st.speaker_sort == 2 ? x.quotes.size() : st.speaker_sort == 3 ? x.articles : 0);
            };
            sort_rows(st.speaker_rows, st.speaker_sort, st.speaker_sort_ascending, key);
            st.speaker_rows_sorted = true;
        }
        ImGuiListClipper clipper;
        clipper.Begin(int(st.speaker_rows.size()));
        while (clipper.Step())
            for (int r = clipper.DisplayStart; r < clipper.DisplayEnd; ++r) {
                const size_t i = st.speaker_rows[size_t(r)];
                const auto& s = st.speakers[i];
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                ImGui::PushID(int(i));
                if (cut_selectable(speaker_label(s), st.speaker_selected == int(i), ImGuiSelectableFlags_SpanAllColumns))
                    st.speaker_selected = int(i);
                ImGui::PopID();
                ImGui::TableNextColumn();
                if (s.named) ImGui::TextUnformatted(speaker_kind(s).c_str());
                else ImGui::TextDisabled("%s", speaker_kind(s).c_str());
                ImGui::TableNextColumn();
                ImGui::Text("%zu", s.quotes.size());
                ImGui::TableNextColumn();
                ImGui::Text("%u", s.articles);
            }
        ImGui::EndTable();
    }
    if (st.speaker_rows.empty()) ImGui::TextDisabled("No speaker or quote holds \"%s\".", st.speaker_filter);
    if (st.speaker_selected < 0 || size_t(st.speaker_selected) >= st.speakers.size()) {
        ImGui::TextDisabled("Pick a speaker above to read their quotes.");
        return;
    }
    const auto& s = st.speakers[size_t(st.speaker_selected)];
    picked_heading(app, speaker_label(s), "%zu %s in %u %s", s.quotes.size(), s.quotes.size() == 1 ? "quote" : "quotes",
                   s.articles, s.articles == 1 ? "article" : "articles");
    if (s.named) {
        ImGui::SameLine();
        if (ImGui::SmallButton("Search for the name")) search_for(app, phrase_query(s.name));
    }
    ImGui::BeginChild("speaker-quotes");
    ImGui::PushTextWrapPos(0);
    for (size_t k = 0; k < s.quotes.size(); ++k) {
        const auto& q = s.quotes[k];
        const broadsheet::Article* a = app.corpus.find(q.article);
        if (!a || !quote_shown(app, s, q, filter)) continue;
        ImGui::PushID(int(k));
        std::string shown = "\xE2\x80\x9C" + std::string(broadsheet::text_of(a->text, q.text)) + "\xE2\x80\x9D";
        const float width = ImGui::GetContentRegionAvail().x;
        if (ImGui::Selectable("##quote", false, 0, ImVec2(0, ImGui::CalcTextSize(shown.c_str(), nullptr, false, width).y)))
            open_at(app, q.article, {q.text, q.speaker});
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Open it in its article, the quote highlighted");
        ImGui::SameLine(ImGui::GetCursorStartPos().x);
        ImGui::TextWrapped("%s", shown.c_str());
        std::string where = article_label(*a);
        std::string_view written = broadsheet::text_of(a->text, q.speaker);
        if (!written.empty() && folded(written) != folded(s.name)) where += "  \xC2\xB7  as \xE2\x80\x9C" + std::string(written) + "\xE2\x80\x9D";
        ImGui::TextDisabled("%s", where.c_str());
        ImGui::Spacing();
        ImGui::PopID();
    }
    ImGui::PopTextWrapPos();
    ImGui::EndChild();
}

const char* figure_kind_label(broadsheet::NumberKind k) {
    switch (k) {
    case broadsheet::NumberKind::Quantity: return "Counts";
    case broadsheet::NumberKind::Percent: return "Percentages";
    case broadsheet::NumberKind::Money: return "Money";
    case broadsheet::NumberKind::Year: return "Years";
    case broadsheet::NumberKind::Date: return "Dates";
    default: return "";
    }
}

// A figure's value as it reads: digits grouped by thousands, with its currency or "%"
// ("$200,000,000", "2 cent", "50%", "5,000"); a date as ISO 8601.
std::string figure_value(const broadsheet::RecurringFigure& f) {
    auto grouped = [](std::string_view v) {
        if (v.starts_with("--") || v.find('-', 1) != std::string_view::npos) return std::string(v); // a date
        size_t digits = v.find('.');
        if (digits == std::string_view::npos) digits = v.size();
        std::string out(v.substr(digits));
        for (size_t i = digits, n = 0; i-- > 0; ++n) {
            if (n && n % 3 == 0 && v[i] != '-') out.insert(out.begin(), ',');
            out.insert(out.begin(), v[i]);
        }
        return digits > 4 ? out : std::string(v); // "1986", "2500" as written
    };
    std::string value;
    for (size_t at = 0; at <= f.value.size();) { // a range: "15000000..20000000"
        size_t dots = f.value.find("..", at);
        if (dots == std::string::npos) dots = f.value.size();
        value += (value.empty() ? "" : "\xE2\x80\x93") + grouped(std::string_view(f.value).substr(at, dots - at));
        at = dots + 2;
    }
    switch (f.kind) {
    case broadsheet::NumberKind::Money:
        if (f.unit == "$" || f.unit == "\xC2\xA3" || f.unit == "\xE2\x82\xAC" || f.unit == "\xC2\xA5") return f.unit + value;
        return value + " " + f.unit;
    case broadsheet::NumberKind::Percent:
        return value + "%";
    default: // what it counts is in the Figure column as written ("5.8 million public accounts")
        return value;
    }
}

void draw_figures(App& app) {
    auto& st = app.corpus_view;
    if (st.figures.empty()) {
        caption("No figure is cited in more than one article yet.");
        return;
    }
    caption("Figures cited in more than one article: the same value counting the same thing, however it is written "
            "(\"$5m\", \"5 mln dlrs\"). Pick one to see each place it is cited.");
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 12);
    ImGui::InputTextWithHint("##figure-filter", "Find a figure", st.figure_filter, sizeof st.figure_filter);
    std::string filter = folded(st.figure_filter);
    for (int k = 0; k < 5; ++k) filter += st.figure_kinds[k] ? '1' : '0'; // a kind toggled makes the rows again
    for (auto k : {broadsheet::NumberKind::Money, broadsheet::NumberKind::Percent, broadsheet::NumberKind::Quantity,
                   broadsheet::NumberKind::Date, broadsheet::NumberKind::Year}) {
        ImGui::SameLine();
        ImGui::Checkbox(figure_kind_label(k), &st.figure_kinds[size_t(k)]);
    }
    if (filter != st.figure_filter_ran) {
        st.figure_filter_ran = filter;
        const std::string words = folded(st.figure_filter);
        st.figure_rows.clear();
        for (size_t i = 0; i < st.figures.size(); ++i) {
            const auto& f = st.figures[i];
            if (size_t(f.kind) >= 5 || !st.figure_kinds[size_t(f.kind)]) continue;
            if (!words.empty() && folded(f.text).find(words) == std::string::npos && f.value.find(words) == std::string::npos)
                continue;
            st.figure_rows.push_back(i);
        }
        st.figure_rows_sorted = false;
    }
    export_buttons("figures", "recurring-figures", [&] {
        TextTable rows{{"figure", "value", "unit", "kind", "articles", "mentions"}};
        for (size_t i : st.figure_rows) {
            const auto& f = st.figures[i];
            rows.push_back({f.text, f.value, f.unit, std::string(to_string(f.kind)), std::to_string(f.articles),
                            std::to_string(f.mentions.size())});
        }
        return rows;
    });
    if (ImGui::BeginTable("figures", 5, kTable | ImGuiTableFlags_Sortable | ImGuiTableFlags_SortTristate,
                          ImVec2(0, list_height(st.figure_rows.size(), 0.45f)))) {
        ImGui::TableSetupScrollFreeze(0, 1);
        ImGui::TableSetupColumn("Figure", ImGuiTableColumnFlags_PreferSortAscending, 3);
        ImGui::TableSetupColumn("Value", ImGuiTableColumnFlags_PreferSortDescending, 2);
        ImGui::TableSetupColumn("Kind", ImGuiTableColumnFlags_PreferSortAscending, 1.2f);
        ImGui::TableSetupColumn("Articles", ImGuiTableColumnFlags_PreferSortDescending, 1);
        ImGui::TableSetupColumn("Mentions", ImGuiTableColumnFlags_PreferSortDescending, 1);
        ImGui::TableHeadersRow();
        // Sorted as the speakers are; by value, dates in their order, the rest by number.
        if (follow_table_sort(st.figure_sort, st.figure_sort_ascending, {-1, true}, [](int column) { return column; }) ||
            !st.figure_rows_sorted) {
            auto key = [&](size_t i) {
                const auto& x = st.figures[i];
                const bool date = x.kind == broadsheet::NumberKind::Date;
                return std::make_tuple(st.figure_sort == 0 ? folded(x.text) : st.figure_sort == 2 ? std::string(to_string(x.kind))
                                                          : st.figure_sort == 1 && date ? x.value : std::string(),
                                       st.figure_sort == 1 && !date ? std::strtod(x.value.c_str(), nullptr) : 0.0,
                                       st.figure_sort == 3 ? size_t(x.articles) : st.figure_sort == 4 ? x.mentions.size() : 0);
            };
            sort_rows(st.figure_rows, st.figure_sort, st.figure_sort_ascending, key);
            if (st.figure_sort == 1) // by value: the numbers, then the dates, either way
                std::stable_partition(st.figure_rows.begin(), st.figure_rows.end(),
                                      [&](size_t i) { return st.figures[i].kind != broadsheet::NumberKind::Date; });
            st.figure_rows_sorted = true;
        }
        ImGuiListClipper clipper;
        clipper.Begin(int(st.figure_rows.size()));
        while (clipper.Step())
            for (int r = clipper.DisplayStart; r < clipper.DisplayEnd; ++r) {
                const size_t i = st.figure_rows[size_t(r)];
                const auto& f = st.figures[i];
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                ImGui::PushID(int(i));
                if (cut_selectable(f.text, st.figure_selected == int(i), ImGuiSelectableFlags_SpanAllColumns))
                    st.figure_selected = int(i);
                ImGui::PopID();
                ImGui::TableNextColumn();
                const std::string value = figure_value(f);
                ImGui::TextUnformatted(value.c_str());
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(to_string(f.kind).data(), to_string(f.kind).data() + to_string(f.kind).size());
                ImGui::TableNextColumn();
                ImGui::Text("%u", f.articles);
                ImGui::TableNextColumn();
                ImGui::Text("%zu", f.mentions.size());
            }
        ImGui::EndTable();
    }
    if (st.figure_rows.empty()) ImGui::TextDisabled("No figure of the kinds ticked holds \"%s\".", st.figure_filter);
    if (st.figure_selected < 0 || size_t(st.figure_selected) >= st.figures.size()) {
        ImGui::TextDisabled("Pick a figure above to see where it is cited.");
        return;
    }
    const auto& f = st.figures[size_t(st.figure_selected)];
    picked_heading(app, f.text, "%zu %s in %u articles", f.mentions.size(), f.mentions.size() == 1 ? "mention" : "mentions",
                   f.articles);
    // The figure column fits the figure as written in its (first 500) mentions, up to a third of
    // the width; a comparative ("more than") stays in the context before it.
    float figure_width = ImGui::CalcTextSize("Figure").x;
    for (size_t i = 0; i < f.mentions.size() && i < 500; ++i)
        if (const broadsheet::Article* a = app.corpus.find(f.mentions[i].article))
            figure_width = std::max(figure_width, ImGui::CalcTextSize(std::string(broadsheet::text_of(a->text, f.mentions[i].figure)).c_str()).x);
    figure_width = std::min(figure_width + ImGui::GetStyle().CellPadding.x * 2 + 2, ImGui::GetContentRegionAvail().x / 3);
    // (Its id names the figure: a column's width is kept per id, and each figure fits its own.)
    if (!ImGui::BeginTable(("figure-lines##" + f.value + f.unit).c_str(), 4, kTable, ImGui::GetContentRegionAvail())) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("Before", 0, 4);
    ImGui::TableSetupColumn("Figure", ImGuiTableColumnFlags_WidthFixed, figure_width);
    ImGui::TableSetupColumn("After", 0, 4);
    ImGui::TableSetupColumn("Article", 0, 2.5f);
    ImGui::TableHeadersRow();
    ImGuiListClipper clipper;
    clipper.Begin(int(f.mentions.size()));
    while (clipper.Step())
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const auto& m = f.mentions[size_t(i)];
            const broadsheet::Article* a = app.corpus.find(m.article);
            if (!a) continue;
            std::string_view t = a->text;
            auto line = broadsheet::search::context_of(t, m.figure, kKwicContext);
            auto part = [&](broadsheet::ByteRange r) { return broadsheet::search::concordance_text(t.substr(r.begin, r.size())); };
            ImGui::PushID(i);
            if (context_row(part(line.left), part(line.match), part(line.right), article_label(*a),
                            "Open it in the reader, the figure highlighted"))
                open_at(app, m.article, {m.span});
            ImGui::PopID();
        }
    ImGui::EndTable();
}

} // namespace

void App::corpus_added(broadsheet::ArticleId id) {
    corpus_view.kwic_stale = true;
    if (!corpus_view.error.empty()) return; // stopped; "Try again" queues every article
    corpus_view.pending.push_back(id);
    corpus_view.results_stale = true;
}

void App::corpus_removing(broadsheet::ArticleId id) {
    auto& st = corpus_view;
    st.kwic_stale = true;
    auto it = std::find(st.pending.begin(), st.pending.end(), id);
    if (it != st.pending.end()) {
        if (it == st.pending.begin() && st.front_stage > 0) { // partly analysed: take that back
            if (const broadsheet::Article* a = corpus.find(id)) st.terms.remove(id, *a);
            if (st.front_stage > 1) st.duplicates.remove(id);
            st.front_stage = 0;
        }
        st.pending.erase(it);
        return;
    }
    if (const broadsheet::Article* a = corpus.find(id); a && st.terms.contains(id)) {
        st.terms.remove(id, *a);
        st.duplicates.remove(id);
        st.graph.remove(id);
        st.citations.remove(id);
        st.results_stale = true;
    }
}

void App::corpus_cleared() {
    auto& st = corpus_view;
    st.kwic_stale = true;
    st.terms.clear();
    st.duplicates.clear();
    st.graph.clear();
    st.citations.clear();
    st.pending.clear();
    st.front_stage = 0;
    st.results_stale = true;
}

bool App::step_corpus_analysis(double budget_seconds) {
    auto& st = corpus_view;
    if (st.pending.empty()) {
        if (st.results_stale && right_tab == RightTab::Corpus) remake_results(*this);
        return false;
    }
    auto start = std::chrono::steady_clock::now();
    size_t done = 0;
    try {
        // An article in three steps, the budget checked after each: a big one (megabytes) takes
        // three frames rather than one three times as long.
        while (done < st.pending.size()) {
            const ArticleId id = st.pending[done];
            const broadsheet::Article* a = corpus.find(id);
            if (!a) {
                ++done, st.front_stage = 0;
                continue;
            }
            if (st.front_stage == 0) {
                st.terms.add(id, *a);
                st.front_stage = 1;
            } else if (st.front_stage == 1) {
                st.duplicates.add(id, *a);
                st.front_stage = 2;
            } else {
                // The names for the network; the quotes and figures for who said what and which
                // figures recur (analyze() shares its tokens among the three: about a third more
                // than the names alone).
                const broadsheet::Analysis an = broadsheet::analyze(a->text, a->language);
                st.graph.add(id, *a, an.entities);
                st.citations.add(id, *a, an);
                st.front_stage = 0;
                ++done;
            }
            if (std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count() > budget_seconds) break;
        }
    } catch (const std::bad_alloc&) {
        // The figures may hold part of an article: they are dropped whole, the library untouched.
        corpus_cleared();
        st.error = "Out of memory: the library's analysis stopped (the articles are all kept). "
                   "Remove some articles, then try again.";
        return true;
    }
    st.pending.erase(st.pending.begin(), st.pending.begin() + std::ptrdiff_t(done));
    st.results_stale = true;
    return true;
}

void show_speaker(App& app, const std::string& name) {
    auto& st = app.corpus_view;
    std::snprintf(st.speaker_filter, sizeof st.speaker_filter, "%s", name.c_str());
    st.speaker_filter_ran = "\x01";
    st.speaker_wanted = name;
    st.speaker_selected = -1;
    st.view = 5;
    st.view_requested = true;
    app.right_tab_request = RightTab::Corpus;
    app.right_tab_requested = true;
}

void show_concordance(App& app, const std::string& query, bool as_typed) {
    auto& st = app.corpus_view;
    std::snprintf(st.kwic_query, sizeof st.kwic_query, "%s", query.c_str());
    st.kwic_prefilled = true;
    st.kwic_typing = as_typed;
    run_concordance(app, st.kwic_query);
    st.view = 4;
    st.view_requested = true;
    app.right_tab_request = RightTab::Corpus;
    app.right_tab_requested = true;
}

void draw_corpus_panel(App& app) {
    auto& st = app.corpus_view;
    if (app.corpus.empty()) {
        caption("Add articles to see the words, phrases, names and near-copies of the whole library.");
        st.shown = "empty";
        return;
    }
    // The concordance reads the search index, not the analysis: it shows while the analysis runs
    // or after it stopped, under its progress or its message.
    auto concordance_alone = [&] {
        if (st.view != 4) return;
        ImGui::Separator();
        ImGui::BeginChild("corpus-view");
        draw_concordance(app);
        ImGui::EndChild();
    };
    if (!st.error.empty()) {
        st.shown = "error";
        ImGui::TextWrapped("%s", st.error.c_str());
        if (ImGui::Button("Try again")) {
            st.error.clear();
            for (ArticleId id : app.corpus.ids()) app.corpus_added(id);
        }
        concordance_alone();
        return;
    }
    size_t total = app.corpus.size(), left = st.pending.size();
    if (left > 0) {
        st.shown = "progress";
        ImGui::ProgressBar(float(total - left) / float(total), ImVec2(-FLT_MIN, 0),
                           (std::to_string(total - left) + " of " + std::to_string(total) + " articles analysed").c_str());
        concordance_alone();
        return;
    }
    if (st.results_stale) remake_results(app);
    st.shown = "views";
    if (!ImGui::BeginTabBar("corpus-views")) return;
    auto view = [&](const char* label, int which, void (*draw)(App&)) {
        bool select = st.view_requested && st.view == which;
        if (ImGui::BeginTabItem(label, nullptr, select ? ImGuiTabItemFlags_SetSelected : 0)) {
            if (!st.view_requested) st.view = which;
            if (select) st.view_requested = false;
            ImGui::BeginChild("corpus-view");
            draw(app);
            ImGui::EndChild();
            ImGui::EndTabItem();
        }
    };
    view("Words", 0, draw_terms);
    view("Timeline", 1, draw_timeline);
    view("Names", 2, draw_connections);
    view("Quotes", 5, draw_quotes);
    view("Figures", 6, draw_figures);
    view(("Near-copies (" + std::to_string(st.clusters.size()) + ")###dups").c_str(), 3, draw_duplicates);
    view("Concordance", 4, draw_concordance);
    ImGui::EndTabBar();
}

nlohmann::json corpus_json(const App& app) {
    using nlohmann::json;
    const auto& st = app.corpus_view;
    json terms = json::array(), phrases = json::array(), clusters = json::array(), nodes = json::array(),
         buckets = json::array(), collocates = json::array();
    for (const auto& t : st.top_terms) terms.push_back({{"term", t.term}, {"surface", t.surface}, {"count", t.count}, {"articles", t.docs}});
    for (const auto& p : st.phrases) phrases.push_back({{"text", p.text}, {"count", p.count}});
    for (const auto& c : st.clusters) clusters.push_back(c.articles);
    for (const auto& n : st.network.nodes) nodes.push_back({{"name", n.name}, {"kind", to_string(n.kind)}, {"articles", n.articles}});
    json everywhere = json::array();
    for (const auto& n : st.network.everywhere) everywhere.push_back({{"name", n.name}, {"articles", n.articles}});
    for (const auto& b : st.timeline.buckets) buckets.push_back({{"label", b.label}, {"articles", b.articles}});
    for (const auto& c : st.collocates) collocates.push_back({{"surface", c.surface}, {"logDice", c.log_dice}});
    json kwic = json::array();
    for (const auto& l : st.kwic)
        kwic.push_back({{"article", l.article}, {"field", broadsheet::search::field_name(l.field)}, {"left", l.left}, {"match", l.keyword},
                        {"right", l.right}, {"begin", l.match.begin}, {"end", l.match.end}});
    json messages = json::array();
    for (const auto& m : st.kwic_messages) messages.push_back({{"position", m.position}, {"text", m.text}});
    json forms = json::array();
    for (const auto& [form, count] : st.kwic_forms) forms.push_back({{"form", form}, {"count", count}});
    static const char* kViews[] = {"words", "timeline", "names", "duplicates", "concordance", "quotes", "figures"};
    static const char* kSorts[] = {"library", "before", "after"};
    json plot = json::array();
    for (const auto& r : st.kwic_plot) {
        json at = json::array();
        for (size_t order : r.lines) at.push_back(st.kwic[st.kwic_by_order[order]].at);
        plot.push_back({{"article", r.article}, {"matches", r.lines.size()}, {"perThousandWords", per_thousand_words(r)}, {"at", at}});
    }
    static const char* kPlotSorts[] = {"library", "matches", "perThousandWords"};
    // Everyone quoted and the figures that recur, with their quotes' and mentions' places (the
    // first 200 of each list: the state is read often).
    json speakers = json::array(), figures = json::array();
    for (size_t i = 0; i < st.speakers.size() && i < 200; ++i) {
        const auto& s = st.speakers[i];
        json quotes = json::array();
        for (const auto& q : s.quotes) quotes.push_back({{"article", q.article}, {"begin", q.text.begin}, {"end", q.text.end}});
        speakers.push_back({{"name", s.name}, {"named", s.named}, {"kind", to_string(s.kind)}, {"articles", s.articles}, {"quotes", quotes}});
    }
    for (size_t i = 0; i < st.figures.size() && i < 200; ++i) {
        const auto& f = st.figures[i];
        json mentions = json::array();
        for (const auto& m : f.mentions) mentions.push_back({{"article", m.article}, {"begin", m.span.begin}, {"end", m.span.end}});
        figures.push_back({{"text", f.text}, {"value", f.value}, {"unit", f.unit}, {"kind", to_string(f.kind)}, {"articles", f.articles},
                           {"mentions", mentions}});
    }
    return {{"pending", st.pending.size()},
            {"error", st.error},
            {"stale", st.results_stale},
            {"shown", st.shown},
            {"view", kViews[std::clamp(st.view, 0, 6)]},
            {"concordance", {{"query", st.kwic_ran}, {"asTyped", st.kwic_typing}, {"messages", messages}, {"lines", kwic}, {"capped", st.kwic_capped}, {"forms", forms},
                             {"sort", kSorts[std::clamp(st.kwic_sort, 0, 2)]}, {"ascending", st.kwic_sort_ascending},
                             {"plotting", st.kwic_plotting}, {"plot", plot},
                             {"plotSort", kPlotSorts[std::clamp(st.kwic_plot_sort, 0, 2)]}, {"plotAscending", st.kwic_plot_ascending}}},
            {"terms", terms},
            {"phrases", phrases},
            {"duplicates", clusters},
            {"differing", st.differing},
            {"timeline", {{"unit", to_string(st.timeline.unit)}, {"buckets", buckets}, {"undated", st.timeline.undated}}},
            {"names", nodes},
            {"edges", st.network.edges.size()},
            {"everywhere", everywhere},
            {"focus", st.focus_ran},
            {"collocates", collocates},
            {"speakers", speakers},
            {"speakerRows", st.speaker_rows.size()},
            {"speakerOrder", std::vector<size_t>(st.speaker_rows.begin(), st.speaker_rows.begin() + std::ptrdiff_t(std::min<size_t>(st.speaker_rows.size(), 50)))},
            {"speaker", st.speaker_selected >= 0 ? json(st.speaker_selected) : json(nullptr)},
            {"figures", figures},
            {"figureRows", st.figure_rows.size()},
            {"figureOrder", std::vector<size_t>(st.figure_rows.begin(), st.figure_rows.begin() + std::ptrdiff_t(std::min<size_t>(st.figure_rows.size(), 50)))},
            {"figure", st.figure_selected >= 0 ? json(st.figure_selected) : json(nullptr)}};
}
